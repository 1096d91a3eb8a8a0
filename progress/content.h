/*
 * content.h - a card's content as the store keeps it: one JSON object
 * holding everything the deck says about the card except its id and type
 * (which have their own columns).  Two cards with the same content give
 * byte-identical JSON, so comparing the text tells an edit.
 */
#ifndef PROGRESS_CONTENT_H
#define PROGRESS_CONTENT_H

#include "deck.h"

/* The content of 'c' as JSON text (free it). */
char *content_from_card(const struct card *c);

/*
 * Fill 'c' (zeroed first) from 'id', 'type' and the JSON 'text'.
 * Returns 0, or -1 when the text is not content this program wrote.
 * Free with card_release.
 */
int content_to_card(const char *id, const char *type, const char *text,
                    struct card *c);

#endif
