/*
 * content.c - a card's content as the store keeps it.
 */
#include "content.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static json_t *
strings(const struct strlist *l)
{
	json_t *a = json_array();

	for (size_t i = 0; i < l->n; i++)
		json_array_append_new(a, json_string(l->v[i]));
	return a;
}

char *
content_from_card(const struct card *c)
{
	json_t *o = json_object();
	char *text, date[16];

	json_object_set_new(o, "q", json_string(c->q));
	if (c->a)
		json_object_set_new(o, "a", json_string(c->a));
	if (c->accept.n)
		json_object_set_new(o, "accept", strings(&c->accept));
	if (c->choices.n)
		json_object_set_new(o, "choices", strings(&c->choices));
	if (c->items.n)
		json_object_set_new(o, "items", strings(&c->items));
	if (c->tags.n)
		json_object_set_new(o, "tags", strings(&c->tags));
	if (c->hint)
		json_object_set_new(o, "hint", json_string(c->hint));
	if (c->note)
		json_object_set_new(o, "note", json_string(c->note));
	if (c->type == CARD_DATE) {
		date_format_iso(&c->date, date, sizeof(date));
		json_object_set_new(o, "date", json_string(date));
	}
	if (c->type == CARD_NUMBER) {
		json_object_set_new(o, "value", json_real(c->value));
		if (c->unit)
			json_object_set_new(o, "unit", json_string(c->unit));
		if (c->tolerance > 0)
			json_object_set_new(o, "tolerance",
			                    json_real(c->tolerance));
	}
	if (c->reverse_of)
		json_object_set_new(o, "reverse", json_true());
	text = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(o);
	if (text == NULL)
		abort(); /* only out of memory: deck text is valid UTF-8 */
	return text;
}

static int
content_type(const char *name)
{
	for (int t = CARD_TEXT; t <= CARD_CLOZE; t++)
		if (strcmp(deck_type_name((enum card_type)t), name) == 0)
			return t;
	return -1;
}

static char *
dup_string(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	return json_is_string(v) ? xstrdup(json_string_value(v)) : NULL;
}

static void
read_strings(json_t *o, const char *key, struct strlist *l)
{
	size_t i;
	json_t *v;

	json_array_foreach(json_object_get(o, key), i, v) if (json_is_string(v))
	    strlist_push(l, json_string_value(v));
}

int
content_to_card(const char *id, const char *type, const char *text,
                struct card *c)
{
	json_error_t e;
	json_t *o = json_loads(text, 0, &e);
	int t = content_type(type);
	char why[64];

	memset(c, 0, sizeof(*c));
	if (o == NULL || !json_is_object(o) || t < 0 ||
	    !json_is_string(json_object_get(o, "q"))) {
		json_decref(o);
		return -1;
	}
	c->id = xstrdup(id);
	c->type = (enum card_type)t;
	c->q = dup_string(o, "q");
	c->a = dup_string(o, "a");
	c->hint = dup_string(o, "hint");
	c->note = dup_string(o, "note");
	c->unit = dup_string(o, "unit");
	read_strings(o, "accept", &c->accept);
	read_strings(o, "choices", &c->choices);
	read_strings(o, "items", &c->items);
	read_strings(o, "tags", &c->tags);
	c->value = json_number_value(json_object_get(o, "value"));
	c->tolerance = json_number_value(json_object_get(o, "tolerance"));
	c->reverse_of = json_is_true(json_object_get(o, "reverse"));
	if (json_is_string(json_object_get(o, "date")))
		date_parse_iso(json_string_value(json_object_get(o, "date")),
		               &c->date, why, sizeof(why));
	json_decref(o);
	return 0;
}
