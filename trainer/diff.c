/*
 * diff.c - what a typed answer has and lacks against the expected one.
 */
#include "diff.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "util.h"

#define MAX_DIFF_CELLS 250000 /* beyond, the diff is one block each way */

/* A code point of a shown text, and what it compares as. */
struct diff_cp {
	const char *at; /* its bytes in the NFC text */
	size_t len;
	utf8proc_int32_t key[8];
	utf8proc_ssize_t nkey;
};

/* Split NFC text 's' into code points with their folded keys. */
static struct diff_cp *
diff_cps(const char *s, size_t *n)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	struct diff_cp *v = NULL;
	size_t alloc = 0;

	*n = 0;
	while (*p) {
		struct diff_cp d;
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(p, -1, &cp);
		int boundclass = UTF8PROC_BOUNDCLASS_START;

		if (k <= 0)
			break;
		d.at = (const char *)p;
		d.len = (size_t)k;
		d.nkey = utf8proc_decompose_char(
		    cp, d.key, 8,
		    UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
		        UTF8PROC_STRIPMARK | UTF8PROC_IGNORE,
		    &boundclass);
		if (d.nkey < 0 || d.nkey > 8) {
			d.key[0] = cp;
			d.nkey = 1;
		}
		v = xgrow(v, &alloc, *n + 1, sizeof(*v));
		v[(*n)++] = d;
		p += k;
	}
	return v;
}

static int
diff_same(const struct diff_cp *a, const struct diff_cp *b)
{
	return a->nkey == b->nkey &&
	       memcmp(a->key, b->key, (size_t)a->nkey * sizeof(a->key[0])) == 0;
}

/* Append 'len' bytes at 's' to '*text' (NULL: a new string). */
static void
append(char **text, const char *s, size_t len)
{
	size_t old = *text ? strlen(*text) : 0;

	*text = xrealloc(*text, old + len + 1);
	memcpy(*text + old, s, len);
	(*text)[old + len] = '\0';
}

/* Append 'len' bytes at 's' as a segment of 'kind', merging with the
 * last; a DIFF_SAME segment also gets the typed bytes 'ts', 'tlen'. */
static void
diff_push(struct diff_seg **segs, size_t *n, size_t *alloc, enum diff_kind kind,
          const char *s, size_t len, const char *ts, size_t tlen)
{
	struct diff_seg *last = *n ? &(*segs)[*n - 1] : NULL;

	if (len == 0)
		return;
	if (last == NULL || last->kind != kind) {
		*segs = xgrow(*segs, alloc, *n + 1, sizeof(**segs));
		last = &(*segs)[(*n)++];
		last->kind = kind;
		last->text = NULL;
		last->typed = NULL;
	}
	append(&last->text, s, len);
	if (kind == DIFF_SAME)
		append(&last->typed, ts, tlen);
}

void
diff_text(const char *typed, const char *want, struct diff_seg **segs,
          size_t *nsegs)
{
	char *t = (char *)utf8proc_NFC((const utf8proc_uint8_t *)typed);
	char *w = (char *)utf8proc_NFC((const utf8proc_uint8_t *)want);
	struct diff_cp *a = NULL, *b = NULL;
	size_t na = 0, nb = 0, alloc = 0, i = 0, j = 0;
	/* lcs[i * (nb + 1) + j]: the longest common run of a[i..], b[j..] */
	unsigned short *lcs = NULL;

	*segs = NULL;
	*nsegs = 0;
	if (t == NULL || w == NULL)
		goto out;
	a = diff_cps(t, &na);
	b = diff_cps(w, &nb);
	if ((na + 1) * (nb + 1) > MAX_DIFF_CELLS) {
		diff_push(segs, nsegs, &alloc, DIFF_EXTRA, t, strlen(t), NULL,
		          0);
		diff_push(segs, nsegs, &alloc, DIFF_MISSING, w, strlen(w), NULL,
		          0);
		goto out;
	}
	lcs = xcalloc((na + 1) * (nb + 1), sizeof(*lcs));
	for (size_t x = na; x-- > 0;)
		for (size_t y = nb; y-- > 0;) {
			size_t at = x * (nb + 1) + y;

			if (diff_same(&a[x], &b[y]))
				lcs[at] = lcs[at + nb + 2] + 1;
			else if (lcs[at + nb + 1] >= lcs[at + 1])
				lcs[at] = lcs[at + nb + 1];
			else
				lcs[at] = lcs[at + 1];
		}
	while (i < na || j < nb) {
		if (i < na && j < nb && diff_same(&a[i], &b[j])) {
			diff_push(segs, nsegs, &alloc, DIFF_SAME, b[j].at,
			          b[j].len, a[i].at, a[i].len);
			i++;
			j++;
		} else if (i < na &&
		           (j == nb || lcs[(i + 1) * (nb + 1) + j] >=
		                           lcs[i * (nb + 1) + j + 1])) {
			diff_push(segs, nsegs, &alloc, DIFF_EXTRA, a[i].at,
			          a[i].len, NULL, 0);
			i++;
		} else {
			diff_push(segs, nsegs, &alloc, DIFF_MISSING, b[j].at,
			          b[j].len, NULL, 0);
			j++;
		}
	}
out:
	free(lcs);
	free(a);
	free(b);
	free(t);
	free(w);
}

void
diff_free(struct diff_seg *segs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(segs[i].text);
		free(segs[i].typed);
	}
	free(segs);
}
