/*
 * content.c - a card's content as the store keeps it.
 */
#include "content.h"

#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
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

/* Read the list 'key' (absent: empty); -1 when it is not a list of
 * text. */
static int
read_strings(json_t *o, const char *key, struct strlist *l)
{
	json_t *a = json_object_get(o, key), *v;
	size_t i;

	if (a == NULL)
		return 0;
	if (!json_is_array(a))
		return -1;
	json_array_foreach(a, i, v)
	{
		if (!json_is_string(v))
			return -1;
		strlist_push(l, json_string_value(v));
	}
	return 0;
}

/* A key that must be text when present: 0, or -1 when it is not. */
static int
text_or_absent(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	return v == NULL || json_is_string(v) ? 0 : -1;
}

/* Say why not in 'why'; returns -1. */
static int why_not(char *why, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
why_not(char *why, size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, size, fmt, ap);
	va_end(ap);
	return -1;
}

/* The loader's rules for a card that is already expanded: what each type
 * needs, and the limits the session relies on. */
static int
check_card(const struct card *c, char *why, size_t size)
{
	const struct strlist *opts =
	    c->type == CARD_CHOICE ? &c->choices : &c->items;

	if (*c->id == '\0')
		return why_not(why, size, "its id is empty");
	if (c->q == NULL || *c->q == '\0')
		return why_not(why, size, "it has no question");
	if (c->type != CARD_ORDER && (c->a == NULL || *c->a == '\0'))
		return why_not(why, size, "it has no answer");
	if (c->type == CARD_CHOICE || c->type == CARD_ORDER) {
		const char *what = c->type == CARD_CHOICE ? "choices" : "items";

		if (opts->n < 2)
			return why_not(why, size,
			               "it has %zu %s; it needs at least two",
			               opts->n, what);
		if (opts->n > CARD_MAX_OPTIONS)
			return why_not(why, size,
			               "it has %zu %s; the most is %d", opts->n,
			               what, CARD_MAX_OPTIONS);
	}
	if (c->type == CARD_CHOICE && strlist_find(&c->choices, c->a) < 0)
		return why_not(why, size,
		               "its answer is not one of its choices");
	if (c->type == CARD_NUMBER &&
	    (!isfinite(c->value) || !isfinite(c->tolerance) ||
	     c->tolerance < 0))
		return why_not(why, size,
		               "its value or tolerance is not a usable number");
	return 0;
}

int
content_to_card(const char *id, const char *type, const char *text,
                struct card *c, char *why, size_t size)
{
	static const char *const texts[] = { "q",    "a",    "hint",
		                             "note", "unit", "date" };
	json_error_t e;
	json_t *o = NULL;
	int t = type ? content_type(type) : -1, rc = -1;
	char dwhy[64];

	memset(c, 0, sizeof(*c));
	if (id == NULL || text == NULL) {
		why_not(why, size, "its id or content is missing");
		goto out;
	}
	if (t < 0) {
		why_not(why, size, "its type '%s' is unknown",
		        type ? type : "");
		goto out;
	}
	o = json_loads(text, 0, &e);
	if (o == NULL || !json_is_object(o)) {
		why_not(why, size, "its content is not a JSON object");
		goto out;
	}
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		if (text_or_absent(o, texts[i]) < 0) {
			why_not(why, size, "its '%s' is not text", texts[i]);
			goto out;
		}
	c->id = xstrdup(id);
	c->type = (enum card_type)t;
	c->q = dup_string(o, "q");
	c->a = dup_string(o, "a");
	c->hint = dup_string(o, "hint");
	c->note = dup_string(o, "note");
	c->unit = dup_string(o, "unit");
	if (read_strings(o, "accept", &c->accept) < 0 ||
	    read_strings(o, "choices", &c->choices) < 0 ||
	    read_strings(o, "items", &c->items) < 0 ||
	    read_strings(o, "tags", &c->tags) < 0) {
		why_not(why, size,
		        "a list in its content is not a list of text");
		goto out;
	}
	if (t == CARD_NUMBER &&
	    (!json_is_number(json_object_get(o, "value")) ||
	     (json_object_get(o, "tolerance") &&
	      !json_is_number(json_object_get(o, "tolerance"))))) {
		why_not(why, size, "its value or tolerance is not a number");
		goto out;
	}
	c->value = json_number_value(json_object_get(o, "value"));
	c->tolerance = json_number_value(json_object_get(o, "tolerance"));
	c->reverse_of = json_is_true(json_object_get(o, "reverse"));
	if (t == CARD_DATE &&
	    (!json_is_string(json_object_get(o, "date")) ||
	     date_parse_iso(json_string_value(json_object_get(o, "date")),
	                    &c->date, dwhy, sizeof(dwhy)) < 0)) {
		why_not(why, size, "its date is missing or not a date");
		goto out;
	}
	rc = check_card(c, why, size);
out:
	json_decref(o);
	if (rc < 0)
		card_release(c);
	return rc;
}
