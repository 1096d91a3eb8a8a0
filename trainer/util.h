/*
 * util.h - memory wrappers and small string helpers shared by every module.
 *
 * The x-wrappers never return NULL: running out of memory prints one line
 * and exits with EX_SOFTWARE, so callers need no error path for allocation.
 * Everything else here is pure: no I/O, no globals.
 */
#ifndef TRAINER_UTIL_H
#define TRAINER_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *ptr, size_t size);
/* Grow an array of 'elem'-sized items so it holds at least 'need'. */
void *xgrow(void *ptr, size_t *alloc, size_t need, size_t elem);
/* qsort that takes an empty (even NULL) array. */
void xqsort(void *base, size_t n, size_t size,
            int (*cmp)(const void *, const void *));
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap);

/* A growable list of owned strings.  Zero-initialise, then strlist_push. */
struct strlist {
	char **v;
	size_t n;
	size_t alloc;
};

/* Append a copy of 's'. */
void strlist_push(struct strlist *l, const char *s);
/* Free every string and the array; the list is empty and reusable after. */
void strlist_release(struct strlist *l);
/* Index of 's' in 'l', or -1.  Linear: for short lists only. */
int strlist_find(const struct strlist *l, const char *s);

/* Are 'a' and 'b' the same, ignoring ASCII case? */
int ascii_caseeq(const char *a, const char *b);

/*
 * A hash map from strings to pointers, for duplicate checks that stay
 * linear however long the input.  The keys are not copied: each must
 * outlive the map.  Zero-initialise; set 'icase' before the first put to
 * compare keys ignoring ASCII case.
 */
struct strmap {
	struct strmap_slot {
		const char *key;
		void *value;
		uint64_t hash;
	} * v;
	size_t n;
	size_t cap;
	int icase;
};

/* Map 'key' to 'value' (not NULL) unless 'key' is there already.  Returns
 * NULL when added, or the value already mapped (the map is unchanged). */
void *strmap_put(struct strmap *m, const char *key, void *value);
/* The value mapped to 'key', or NULL. */
void *strmap_get(const struct strmap *m, const char *key);
/* Free the map's table (not the keys or values); empty and reusable. */
void strmap_release(struct strmap *m);

/* A growable NUL-terminated buffer.  Zero-initialise; 'buf' is NULL until
 * the first append.  strbuf_detach hands the string over and resets. */
struct strbuf {
	char *buf;
	size_t len;
	size_t alloc;
};

void strbuf_add(struct strbuf *sb, const char *s, size_t n);
void strbuf_adds(struct strbuf *sb, const char *s);
void strbuf_addch(struct strbuf *sb, int c);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
char *strbuf_detach(struct strbuf *sb);
void strbuf_release(struct strbuf *sb);

/*
 * Damerau (optimal string alignment) edit distance between two byte
 * strings, stopping early once it exceeds 'limit' (returns limit + 1).
 */
size_t edit_distance(const char *a, const char *b, size_t limit);

/* The same over arrays of code points (or any 32-bit symbols). */
size_t edit_distance_cp(const int32_t *a, size_t la, const int32_t *b,
                        size_t lb, size_t limit);

/*
 * How far 'word' is from the candidate 'cand', ignoring ASCII case: the
 * edit distance, or SIZE_MAX when it is too far to suggest (any edit for a
 * candidate of one or two letters, more than one up to five letters, more
 * than two beyond).
 */
size_t suggest_distance(const char *word, const char *cand);

/* The candidate closest to 'word' ("did you mean ...?"), or NULL. */
const char *suggest(const char *word, const char *const *cands, size_t n);

/* 'part' of 'whole' in whole percent, rounded half up; 0 of nothing. */
int percent(long long part, long long whole);

/* FNV-1a: a 64-bit hash of the string 's', the same on every machine. */
uint64_t str_hash(const char *s);

/* strerror(e) with a lower-case first letter, as our messages are,
 * written into 'buf'; a full disk, a quota and a file size limit (EFBIG,
 * from ulimit -f) all read "the disk is full (or ...)". */
const char *errno_text(int e, char *buf, size_t size);

/* Number of UTF-8 code points in the first 'n' bytes of 's'. */
size_t utf8_count(const char *s, size_t n);

#endif
