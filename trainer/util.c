/*
 * util.c - memory wrappers and small string helpers.
 */
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

/* Out of memory: say so and leave with EX_SOFTWARE at once.  Nothing is
 * half written: an open transaction is rolled back by SQLite on the next
 * open, and output files are written to a temporary name first. */
static void
oom(size_t size)
{
	fprintf(stderr, "trainer: out of memory (%zu bytes wanted)\n", size);
	_exit(EX_SOFTWARE);
}

void *
xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (p == NULL)
		oom(size);
	return p;
}

void *
xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);

	if (p == NULL)
		oom(nmemb * size);
	return p;
}

void *
xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);

	if (p == NULL)
		oom(size);
	return p;
}

void *
xgrow(void *ptr, size_t *alloc, size_t need, size_t elem)
{
	size_t n = *alloc;

	if (need <= n)
		return ptr;
	if (n < 8)
		n = 8;
	while (n < need)
		n *= 2;
	if (n > (size_t)-1 / elem)
		oom((size_t)-1);
	*alloc = n;
	return xrealloc(ptr, n * elem);
}

void
xqsort(void *base, size_t n, size_t size,
       int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(base, n, size, cmp);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	va_list cp;
	int n;
	char *p;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		oom(0);
	p = xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

void
strlist_push(struct strlist *l, const char *s)
{
	l->v = xgrow(l->v, &l->alloc, l->n + 1, sizeof(*l->v));
	l->v[l->n++] = xstrdup(s);
}

void
strlist_release(struct strlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->alloc = 0;
}

int
strlist_find(const struct strlist *l, const char *s)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i], s) == 0)
			return (int)i;
	return -1;
}

static uint64_t
key_hash(const struct strmap *m, const char *s)
{
	uint64_t h = 1469598103934665603ull;

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (m->icase && c >= 'A' && c <= 'Z')
			c = (unsigned char)(c + 32);
		h = (h ^ c) * 1099511628211ull;
	}
	return h;
}

int
ascii_caseeq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		unsigned char x = (unsigned char)*a, y = (unsigned char)*b;

		if (x >= 'A' && x <= 'Z')
			x = (unsigned char)(x + 32);
		if (y >= 'A' && y <= 'Z')
			y = (unsigned char)(y + 32);
		if (x != y)
			return 0;
	}
	return *a == *b;
}

static int
key_equal(const struct strmap *m, const char *a, const char *b)
{
	return m->icase ? ascii_caseeq(a, b) : strcmp(a, b) == 0;
}

/* The slot holding 'key' (of hash 'h'), or the empty slot where it would
 * go.  A slot's hash is compared first: a key is read only when it
 * likely matches. */
static struct strmap_slot *
strmap_slot(const struct strmap *m, const char *key, uint64_t h)
{
	size_t mask = m->cap - 1;

	for (size_t i = h & mask;; i = (i + 1) & mask)
		if (m->v[i].key == NULL ||
		    (m->v[i].hash == h && key_equal(m, m->v[i].key, key)))
			return &m->v[i];
}

void *
strmap_put(struct strmap *m, const char *key, void *value)
{
	struct strmap_slot *s;
	uint64_t h = key_hash(m, key);

	if ((m->n + 1) * 2 > m->cap) {
		struct strmap_slot *old = m->v;
		size_t oldcap = m->cap;

		m->cap = oldcap ? oldcap * 2 : 16;
		m->v = xcalloc(m->cap, sizeof(*m->v));
		for (size_t i = 0; i < oldcap; i++)
			if (old[i].key)
				*strmap_slot(m, old[i].key, old[i].hash) =
				    old[i];
		free(old);
	}
	s = strmap_slot(m, key, h);
	if (s->key)
		return s->value;
	s->key = key;
	s->value = value;
	s->hash = h;
	m->n++;
	return NULL;
}

void *
strmap_get(const struct strmap *m, const char *key)
{
	const struct strmap_slot *s;

	if (m->cap == 0)
		return NULL;
	s = strmap_slot(m, key, key_hash(m, key));
	return s->key ? s->value : NULL;
}

void
strmap_release(struct strmap *m)
{
	int icase = m->icase;

	free(m->v);
	memset(m, 0, sizeof(*m));
	m->icase = icase;
}

void
strbuf_add(struct strbuf *sb, const char *s, size_t n)
{
	sb->buf = xgrow(sb->buf, &sb->alloc, sb->len + n + 1, 1);
	memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void
strbuf_adds(struct strbuf *sb, const char *s)
{
	strbuf_add(sb, s, strlen(s));
}

void
strbuf_addch(struct strbuf *sb, int c)
{
	char ch = (char)c;

	strbuf_add(sb, &ch, 1);
}

void
strbuf_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = xvasprintf(fmt, ap);
	va_end(ap);
	strbuf_adds(sb, p);
	free(p);
}

char *
strbuf_detach(struct strbuf *sb)
{
	char *p = sb->buf ? sb->buf : xstrdup("");

	sb->buf = NULL;
	sb->len = sb->alloc = 0;
	return p;
}

void
strbuf_release(struct strbuf *sb)
{
	free(sb->buf);
	sb->buf = NULL;
	sb->len = sb->alloc = 0;
}

size_t
edit_distance_cp(const int32_t *a, size_t la, const int32_t *b, size_t lb,
                 size_t limit)
{
	size_t *prev2, *prev, *cur, result;

	if ((la > lb ? la - lb : lb - la) > limit)
		return limit + 1;
	prev2 = xcalloc(lb + 1, sizeof(size_t));
	prev = xcalloc(lb + 1, sizeof(size_t));
	cur = xcalloc(lb + 1, sizeof(size_t));
	for (size_t j = 0; j <= lb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t rowmin, *t;

		cur[0] = rowmin = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t v = prev[j - 1] + (a[i - 1] != b[j - 1]);

			if (prev[j] + 1 < v)
				v = prev[j] + 1;
			if (cur[j - 1] + 1 < v)
				v = cur[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && prev2[j - 2] + 1 < v)
				v = prev2[j - 2] + 1;
			cur[j] = v;
			if (v < rowmin)
				rowmin = v;
		}
		t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
		if (rowmin > limit) {
			prev[lb] = limit + 1;
			break;
		}
	}
	result = prev[lb] > limit ? limit + 1 : prev[lb];
	free(prev2);
	free(prev);
	free(cur);
	return result;
}

size_t
edit_distance(const char *a, const char *b, size_t limit)
{
	size_t la = strlen(a), lb = strlen(b), d;
	int32_t *wa = xcalloc(la + 1, sizeof(*wa));
	int32_t *wb = xcalloc(lb + 1, sizeof(*wb));

	for (size_t i = 0; i < la; i++)
		wa[i] = (unsigned char)a[i];
	for (size_t i = 0; i < lb; i++)
		wb[i] = (unsigned char)b[i];
	d = edit_distance_cp(wa, la, wb, lb, limit);
	free(wa);
	free(wb);
	return d;
}

static void
lower_copy(const char *s, char *buf, size_t size)
{
	size_t i;

	for (i = 0; i + 1 < size && s[i]; i++)
		buf[i] =
		    (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] + 32) : s[i];
	buf[i] = '\0';
}

size_t
suggest_distance(const char *word, const char *cand)
{
	char w[128], c[128];
	size_t len, limit, d;

	lower_copy(word, w, sizeof(w));
	lower_copy(cand, c, sizeof(c));
	len = strlen(c);
	limit = len <= 2 ? 0 : len <= 5 ? 1 : 2;
	d = edit_distance(w, c, limit);
	return d <= limit ? d : SIZE_MAX;
}

const char *
suggest(const char *word, const char *const *cands, size_t n)
{
	size_t best = SIZE_MAX;
	const char *pick = NULL;

	for (size_t i = 0; i < n; i++) {
		size_t d = suggest_distance(word, cands[i]);

		if (d < best) {
			best = d;
			pick = cands[i];
		}
	}
	return pick;
}

size_t
utf8_count(const char *s, size_t n)
{
	size_t count = 0;

	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			count++;
	return count;
}

uint64_t
str_hash(const char *s)
{
	uint64_t h = 1469598103934665603ull;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

const char *
errno_text(int e, char *buf, size_t size)
{
	if (e == ENOSPC || e == EFBIG || e == EDQUOT) {
		snprintf(buf, size,
		         "the disk is full (or a file size limit was reached)");
		return buf;
	}
	snprintf(buf, size, "%s", strerror(e));
	if (buf[0] >= 'A' && buf[0] <= 'Z' && !(buf[1] >= 'A' && buf[1] <= 'Z'))
		buf[0] = (char)(buf[0] + 32);
	return buf;
}

int
percent(long long part, long long whole)
{
	return whole > 0 ? (int)((part * 100 + whole / 2) / whole) : 0;
}
