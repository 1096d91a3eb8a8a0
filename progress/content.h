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
 * Fill 'c' (zeroed first) from 'id', 'type' and the JSON 'text' (any may
 * be NULL, as a column read from a damaged file may be).  The database is
 * input too: the card must meet the deck loader's rules (the keys its
 * type needs, at least two and at most CARD_MAX_OPTIONS choices or items,
 * the answer among the choices, a valid date, finite numbers).  Returns
 * 0 (free 'c' with card_release), or -1 with why not in 'why' and 'c'
 * released.
 */
int content_to_card(const char *id, const char *type, const char *text,
                    struct card *c, char *why, size_t size);

#endif
