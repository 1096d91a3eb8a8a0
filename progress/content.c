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
	if (c->event)
		json_object_set_new(o, "event", json_string(c->event));
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

/*
 * The fast reading of the content as content_from_card writes it: one
 * object whose values are text without escapes, lists of such text,
 * true, false or null.  Whatever else (an escape, a number, a nested
 * object, a key given twice, a value of the wrong kind, bytes that are
 * not UTF-8) is left to jansson, which gives the same card or the
 * reason it is not one.
 */

/* The length of the UTF-8 sequence at 'p' (as strict as jansson: no
 * overlong forms, surrogates or code points past U+10FFFF), or 0. */
static size_t
utf8_seq(const unsigned char *p)
{
	size_t n = p[0] < 0x80                    ? 1
	           : p[0] >= 0xc2 && p[0] <= 0xdf ? 2
	           : p[0] >= 0xe0 && p[0] <= 0xef ? 3
	           : p[0] >= 0xf0 && p[0] <= 0xf4 ? 4
	                                          : 0;

	for (size_t i = 1; i < n; i++)
		if ((p[i] & 0xc0) != 0x80)
			return 0;
	if ((p[0] == 0xe0 && p[1] < 0xa0) || (p[0] == 0xed && p[1] >= 0xa0) ||
	    (p[0] == 0xf0 && p[1] < 0x90) || (p[0] == 0xf4 && p[1] >= 0x90))
		return 0;
	return n;
}

static const char *
skip_space(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	return p;
}

/* A string without escapes at 'p' (its opening quote): its text from
 * '*s', '*n' bytes; returns what follows it, or NULL. */
static const char *
plain_string(const char *p, const char **s, size_t *n)
{
	const unsigned char *q = (const unsigned char *)p + 1;

	if (*p != '"')
		return NULL;
	while (*q != '"') {
		size_t len;

		if (*q < 0x20 || *q == '\\' || (len = utf8_seq(q)) == 0)
			return NULL;
		q += len;
	}
	*s = p + 1;
	*n = (size_t)((const char *)q - (p + 1));
	return (const char *)q + 1;
}

/* The keys the fast reading knows, and what each must hold: the texts
 * first, in the order of fast_content's 'texts', then its 'lists'. */
#define FAST_FIRST_LIST 7
enum { K_TEXT, K_LIST, K_FLAG, K_UNKNOWN };
static const struct {
	const char *name;
	int kind;
} fast_keys[] = {
	{ "q", K_TEXT },     { "a", K_TEXT },      { "hint", K_TEXT },
	{ "note", K_TEXT },  { "unit", K_TEXT },   { "date", K_TEXT },
	{ "event", K_TEXT }, { "accept", K_LIST }, { "choices", K_LIST },
	{ "items", K_LIST }, { "tags", K_LIST },   { "reverse", K_FLAG },
};
#define NFAST_KEYS (sizeof(fast_keys) / sizeof(fast_keys[0]))

static void
push_n(struct strlist *l, const char *s, size_t n)
{
	l->v = xgrow(l->v, &l->alloc, l->n + 1, sizeof(*l->v));
	l->v[l->n++] = xstrndup(s, n);
}

/* Read 'text' into 'c' (id and type set by the caller) the fast way, the
 * date's text to '*date': 1, or 0 when it is not of the simple form ('c'
 * released, '*date' NULL). */
static int
fast_content(const char *text, struct card *c, char **date)
{
	char **texts[] = { &c->q,    &c->a, &c->hint, &c->note,
		           &c->unit, date,  &c->event };
	struct strlist *lists[] = { &c->accept, &c->choices, &c->items,
		                    &c->tags };
	unsigned seen = 0;
	const char *p = skip_space(text);

	if (*p++ != '{')
		return 0;
	p = skip_space(p);
	if (*p == '}')
		goto end;
	for (;;) {
		const char *key, *v;
		size_t klen, vlen, k = 0;
		int kind = K_UNKNOWN;

		if ((p = plain_string(p, &key, &klen)) == NULL)
			goto no;
		p = skip_space(p);
		if (*p++ != ':')
			goto no;
		p = skip_space(p);
		for (; k < NFAST_KEYS; k++)
			if (strncmp(fast_keys[k].name, key, klen) == 0 &&
			    fast_keys[k].name[klen] == '\0')
				break;
		if (k < NFAST_KEYS) {
			if (seen &
			    (1u << k)) /* twice: jansson keeps the last */
				goto no;
			seen |= 1u << k;
			kind = fast_keys[k].kind;
		}
		if (*p == '"') {
			if ((kind != K_TEXT && kind != K_UNKNOWN) ||
			    (p = plain_string(p, &v, &vlen)) == NULL)
				goto no;
			if (kind == K_TEXT)
				*texts[k] = xstrndup(v, vlen);
		} else if (*p == '[') {
			if (kind != K_LIST && kind != K_UNKNOWN)
				goto no;
			p = skip_space(p + 1);
			while (*p != ']') {
				if ((p = plain_string(p, &v, &vlen)) == NULL)
					goto no;
				if (kind == K_LIST)
					push_n(lists[k - FAST_FIRST_LIST], v,
					       vlen);
				p = skip_space(p);
				if (*p == ',') {
					p = skip_space(p + 1);
					if (*p != '"') /* as in ["x",] */
						goto no;
				} else if (*p != ']') {
					goto no;
				}
			}
			p++;
		} else if (kind == K_TEXT || kind == K_LIST) {
			goto no;
		} else if (strncmp(p, "true", 4) == 0) {
			if (kind == K_FLAG)
				c->reverse_of = 1;
			p += 4;
		} else if (strncmp(p, "false", 5) == 0) {
			p += 5;
		} else if (strncmp(p, "null", 4) == 0) {
			p += 4;
		} else {
			goto no;
		}
		p = skip_space(p);
		if (*p == '}')
			break;
		if (*p++ != ',')
			goto no;
		p = skip_space(p);
	}
end:
	if (*skip_space(p + 1) != '\0')
		goto no;
	return 1;
no:
	free(*date);
	*date = NULL;
	card_release(c);
	return 0;
}

int
content_to_card(const char *id, const char *type, const char *text,
                struct card *c, char *why, size_t size)
{
	static const char *const texts[] = { "q",    "a",    "hint", "note",
		                             "unit", "date", "event" };
	json_error_t e;
	json_t *o = NULL;
	int t = type ? content_type(type) : -1, rc = -1;
	char dwhy[64], *date = NULL;

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
	/* a number card's numbers are read by jansson */
	if (t != CARD_NUMBER) {
		c->id = xstrdup(id);
		c->type = (enum card_type)t;
		if (fast_content(text, c, &date))
			goto read;
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
	c->event = dup_string(o, "event");
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
	if (json_is_string(json_object_get(o, "date")))
		date = xstrdup(json_string_value(json_object_get(o, "date")));
read:
	if (t == CARD_DATE &&
	    (date == NULL ||
	     date_parse_iso(date, &c->date, dwhy, sizeof(dwhy)) < 0)) {
		why_not(why, size, "its date is missing or not a date");
		goto out;
	}
	rc = check_card(c, why, size);
out:
	free(date);
	json_decref(o);
	if (rc < 0)
		card_release(c);
	return rc;
}
