/*
 * import-anki.c - read an Anki package (.apkg, .colpkg) into import
 * entries (see import.h).
 *
 * A package is a zip file.  The legacy format holds an SQLite collection,
 * collection.anki21 (or collection.anki2 from Anki 2.0), its note types
 * and decks as JSON in col.models and col.decks, and a JSON media map.
 * The current one holds a 'meta' protobuf (field 1: the version, 3),
 * collection.anki21b (the SQLite collection compressed with zstd: note
 * types in the tables notetypes, fields and templates, decks in decks,
 * with protobuf configurations), a zstd-compressed protobuf media list,
 * and a dummy collection.anki2 whose one note asks the user to update
 * Anki: so collection.anki21b is looked for first, then
 * collection.anki21, then collection.anki2.
 *
 * How notes become entries, from the note type:
 *   - A cloze note type (legacy "type": 1, current config kind 1): the
 *     field its first template shows with {{cloze:...}} (else the first
 *     field) becomes a cloze entry; each {{cN::answer::hint}} is one gap,
 *     whatever its number, in the order written; the hints become the
 *     entry's hint ("gap 2: ..." when the text has several gaps); the
 *     fields only the answer side shows (Back Extra) become its note.
 *   - Any other note type: its first template's question side names the
 *     question fields ({{Front}}; {{hint:X}} makes X the hint), the answer
 *     is the field it types in ({{type:Back}}) or else the first field
 *     only the answer side shows; the other answer-side fields become the
 *     note.  Another template asking that answer field alone and showing
 *     the question field on its back is the reverse: the entry gets
 *     'reverse', when the conditions around that template's question side
 *     ({{#Add Reverse}}...{{/Add Reverse}}) hold for the note.  This reads
 *     Basic, Basic (and reversed card), Basic (optional reversed card)
 *     and Basic (type in the answer) in any language, and most
 *     hand-made note types.
 *   - A note type whose templates show no question and answer field is
 *     read by its first two fields, and says so in a note; one with fewer
 *     than two fields is not imported: each of its notes is counted as
 *     skipped, with a note naming its id.
 * Fields are reduced from HTML to text (anki-text.h): tags dropped, <br>,
 * <div>, <p> and other blocks ending a line (a space in an answer, typed
 * on one line), entities decoded, whitespace folded, <img>, <audio>,
 * <video> and [sound:...] taken out and counted.  Tags keep their letters
 * and digits in lower case, the rest (the '::' of a hierarchy) a dash:
 * 'History::Korea' is 'history-korea'.
 *
 * The current format's tables name columns with a 'unicase' collation;
 * SQLite refuses a statement that needs an unknown collation, so one is
 * registered before the first query (ASCII case folded: we only read).
 *
 * The deck: a package may hold notes of several decks.  The deck written
 * is the one that holds the most notes (the first by id on a tie): its
 * name as a deck name ('Korea::History' is 'korea-history') and as it is
 * in Anki for the title.  When the notes are in more than one deck, each
 * entry is also tagged with the name of its own Anki deck, and a note says
 * so.  A note's deck is the home deck of its first card.
 *
 * Engine code: it reads the one file it is given and prints nothing.
 */
#include "import.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unzip.h>
#include <zstd.h>

#include "anki-text.h"
#include "protobuf.h"

#define ANKI_MAX_COLLECTION (1024ull * 1024 * 1024) /* bytes, unpacked */
#define ANKI_MAX_SMALL      (64u * 1024 * 1024)     /* meta and media list */
#define ANKI_MAX_ERRORS     100 /* malformed notes reported one by one */

struct intlist {
	int *v;
	size_t n, alloc;
};

static void
intlist_add(struct intlist *l, int x)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i] == x)
			return;
	l->v = xgrow(l->v, &l->alloc, l->n + 1, sizeof(*l->v));
	l->v[l->n++] = x;
}

static int
intlist_has(const struct intlist *l, int x)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i] == x)
			return 1;
	return 0;
}

enum plan {
	PLAN_TEXT,      /* question fields, an answer field */
	PLAN_CLOZE,     /* a cloze field */
	PLAN_FIRST_TWO, /* the first two fields */
	PLAN_SKIP,      /* no question and answer */
};

struct ntype {
	long long id;
	char *name;
	int cloze;
	struct strlist fields;
	struct strlist qfmt, afmt; /* the templates, in order */
	/* how its notes are read (plan_notetype) */
	enum plan plan;
	struct intlist q, note, hint, rev_if, rev_unless;
	int a;    /* PLAN_TEXT: the answer field; PLAN_CLOZE: the text */
	int rev;  /* a template asks it the other way round */
	int told; /* its notes line was added */
};

struct adeck {
	long long id;
	char *name; /* as Anki shows it, "A::B" */
	size_t notes;
};

struct anki {
	const char *path;
	struct diag_list *diags;
	struct import_result *r;
	unzFile zip;
	sqlite3 *db;
	int current; /* collection.anki21b */
	struct ntype *nt;
	size_t nnt, ntalloc;
	struct adeck *dk;
	size_t ndk, dkalloc;
	long long *entry_deck; /* per entry of r, its deck id or 0 */
	size_t edalloc;
	size_t nerrors;
};

static void
ntype_release(struct ntype *t)
{
	free(t->name);
	strlist_release(&t->fields);
	strlist_release(&t->qfmt);
	strlist_release(&t->afmt);
	free(t->q.v);
	free(t->note.v);
	free(t->hint.v);
	free(t->rev_if.v);
	free(t->rev_unless.v);
}

static int bad(struct anki *k, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Report a problem with the package as a whole; returns -status. */
static int
bad(struct anki *k, int status, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	diag_error(k->diags, k->path, 0, 0, "%s", msg);
	free(msg);
	return -status;
}

static void note_line(struct anki *k, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Add a line to the import's notes. */
static void
note_line(struct anki *k, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	strlist_push(&k->r->notes, msg);
	free(msg);
}

/* Add the Anki tags of the space-separated 'tags' to 'e'. */
static void
add_tags(struct anki *k, struct import_entry *e, long long nid,
         const char *tags)
{
	const char *p = tags;

	while (*p) {
		size_t len;
		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		len = strcspn(p, " \t\n");
		if (!len)
			break;
		char *raw = xstrndup(p, len), *t = anki_slug(raw);
		p += len;
		if (!t) {
			note_line(k,
			          "note %lld: tag '%s' dropped: no letters "
			          "or digits",
			          nid, raw);
		} else if (strlist_find(&e->tags, t) < 0) {
			if (e->tags.n < CARD_MAX_TAGS)
				strlist_push(&e->tags, t);
		}
		free(raw);
		free(t);
	}
}

/* ---- The package --------------------------------------------------- */

/*
 * Read the member 'name' of the zip into a buffer from sqlite3_malloc64
 * ('*buf', '*len'; free with sqlite3_free).  Returns 1, 0 when there is
 * no such member, or a negative status after reporting.
 */
static int
read_member(struct anki *k, const char *name, unsigned long long max,
            void **buf, size_t *len)
{
	unz_file_info64 info;
	unsigned char *b;
	size_t got = 0;
	int n = 0;

	*buf = NULL;
	*len = 0;
	if (unzLocateFile(k->zip, name, 1) != UNZ_OK)
		return 0;
	if (unzGetCurrentFileInfo64(k->zip, &info, NULL, 0, NULL, 0, NULL, 0) !=
	    UNZ_OK)
		return bad(k, EX_DATAERR,
		           "'%s' in the package cannot be read: its entry is "
		           "malformed",
		           name);
	if (info.uncompressed_size > max)
		return bad(k, EX_DATAERR,
		           "'%s' in the package is too large (%llu bytes, at "
		           "most %llu)",
		           name, (unsigned long long)info.uncompressed_size,
		           max);
	/* stored or deflated, as every Anki writes; anything else is
	 * refused here */
	if ((info.compression_method != 0 &&
	     info.compression_method != Z_DEFLATED) ||
	    unzOpenCurrentFile(k->zip) != UNZ_OK)
		return bad(k, EX_DATAERR,
		           "'%s' in the package cannot be read: it is "
		           "compressed in a way this program does not read",
		           name);
	if (!(b = sqlite3_malloc64(info.uncompressed_size + 1)))
		abort();
	while (got < info.uncompressed_size &&
	       (n = unzReadCurrentFile(
	            k->zip, b + got,
	            (unsigned)(info.uncompressed_size - got > (1u << 30)
	                           ? 1u << 30
	                           : info.uncompressed_size - got))) > 0)
		got += (size_t)n;
	if (n < 0 || got != info.uncompressed_size) {
		unzCloseCurrentFile(k->zip);
		sqlite3_free(b);
		return bad(k, EX_DATAERR,
		           "'%s' in the package cannot be read: %s", name,
		           n < 0 ? "its compressed data is damaged"
		                 : "it is truncated");
	}
	if (unzCloseCurrentFile(k->zip) != UNZ_OK) {
		sqlite3_free(b);
		return bad(
		    k, EX_DATAERR,
		    "'%s' in the package cannot be read: its checksum is "
		    "wrong",
		    name);
	}
	b[got] = 0;
	*buf = b;
	*len = got;
	return 1;
}

/* Replace '*buf' ('*len' bytes, from sqlite3_malloc64) with its zstd
 * decompression, of at most 'max' bytes.  Returns 0 or a negative
 * status after reporting. */
static int
unzstd(struct anki *k, const char *name, size_t max, void **buf, size_t *len)
{
	ZSTD_DStream *z = ZSTD_createDStream();
	ZSTD_inBuffer in = { *buf, *len, 0 };
	unsigned char *out = NULL;
	size_t cap = 0, used = 0, ret = 1;
	int rc = 0;

	if (!z)
		abort();
	ZSTD_initDStream(z);
	while (in.pos < in.size || ret != 0) {
		if (used == cap) {
			if (cap >= max) {
				rc =
				    bad(k, EX_DATAERR,
				        "'%s' in the package is too large once "
				        "decompressed (more than %zu bytes)",
				        name, max);
				goto out;
			}
			cap = cap ? cap * 2 : 1u << 16;
			if (cap > max)
				cap = max;
			if (!(out = sqlite3_realloc64(out, cap + 1)))
				abort();
		}
		ZSTD_outBuffer o = { out, cap, used };
		size_t before_in = in.pos;
		ret = ZSTD_decompressStream(z, &o, &in);
		used = o.pos;
		if (ZSTD_isError(ret)) {
			rc = bad(
			    k, EX_DATAERR,
			    "'%s' in the package is not valid zstd data: %s",
			    name, ZSTD_getErrorName(ret));
			goto out;
		}
		if (ret != 0 && in.pos == in.size && in.pos == before_in &&
		    used < cap) {
			rc = bad(k, EX_DATAERR,
			         "'%s' in the package is truncated (its zstd "
			         "data ends early)",
			         name);
			goto out;
		}
		if (ret == 0 && in.pos == in.size)
			break;
	}
	if (!out && !(out = sqlite3_malloc64(1)))
		abort();
	out[used] = 0;
	sqlite3_free(*buf);
	*buf = out;
	*len = used;
	out = NULL;
out:
	sqlite3_free(out);
	ZSTD_freeDStream(z);
	return rc;
}

/* The 'unicase' collation of Anki's tables: ASCII case aside, then byte
 * order.  (Anki folds all of Unicode; we only read, and no query here
 * orders or compares by such a column, so this need only exist.) */
static int
unicase_cmp(void *arg, int n1, const void *v1, int n2, const void *v2)
{
	const unsigned char *a = v1, *b = v2;
	int n = n1 < n2 ? n1 : n2;

	(void)arg;
	for (int i = 0; i < n; i++) {
		int ca = a[i] >= 'A' && a[i] <= 'Z' ? a[i] | 0x20 : a[i];
		int cb = b[i] >= 'A' && b[i] <= 'Z' ? b[i] | 0x20 : b[i];
		if (ca != cb)
			return ca - cb;
	}
	return n1 - n2;
}

/* Open the SQLite database of 'buf' ('len' bytes, handed over) in
 * memory, read-only.  Returns 0 or a negative status. */
static int
open_collection(struct anki *k, const char *name, void *buf, size_t len)
{
	unsigned char *b = buf;

	if (len < 100 || memcmp(b, "SQLite format 3", 16)) {
		sqlite3_free(buf);
		return bad(k, EX_DATAERR,
		           "'%s' in the package is not an SQLite database",
		           name);
	}
	/* a collection left in WAL mode: memory databases have no WAL */
	if (b[18] == 2)
		b[18] = 1;
	if (b[19] == 2)
		b[19] = 1;
	if (sqlite3_open_v2(":memory:", &k->db,
	                    SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY,
	                    NULL) != SQLITE_OK ||
	    sqlite3_create_collation(k->db, "unicase", SQLITE_UTF8, NULL,
	                             unicase_cmp) != SQLITE_OK) {
		sqlite3_free(buf);
		return bad(k, EX_SOFTWARE, "cannot open an SQLite database: %s",
		           sqlite3_errmsg(k->db));
	}
	if (sqlite3_deserialize(k->db, "main", buf, (sqlite3_int64)len,
	                        (sqlite3_int64)len,
	                        SQLITE_DESERIALIZE_FREEONCLOSE |
	                            SQLITE_DESERIALIZE_READONLY) != SQLITE_OK)
		return bad(k, EX_DATAERR,
		           "'%s' in the package cannot be opened: %s", name,
		           sqlite3_errmsg(k->db));
	return 0;
}

/* Report the failure of SQL on the collection; returns -EX_DATAERR. */
static int
bad_sql(struct anki *k)
{
	return bad(k, EX_DATAERR,
	           "the collection in the package is malformed: %s",
	           sqlite3_errmsg(k->db));
}

static int
prepare(struct anki *k, const char *sql, sqlite3_stmt **st)
{
	if (sqlite3_prepare_v2(k->db, sql, -1, st, NULL) != SQLITE_OK)
		return bad_sql(k);
	return 0;
}

static const char *
col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return s ? (const char *)s : "";
}

/* ---- Note types and decks ------------------------------------------ */

static int
cmp_ntype(const void *a, const void *b)
{
	long long x = ((const struct ntype *)a)->id;
	long long y = ((const struct ntype *)b)->id;
	return (x > y) - (x < y);
}

static int
cmp_deck(const void *a, const void *b)
{
	long long x = ((const struct adeck *)a)->id;
	long long y = ((const struct adeck *)b)->id;
	return (x > y) - (x < y);
}

static struct ntype *
find_ntype(struct anki *k, long long id)
{
	struct ntype key = { .id = id };
	return bsearch(&key, k->nt, k->nnt, sizeof(*k->nt), cmp_ntype);
}

static struct adeck *
find_deck(struct anki *k, long long id)
{
	struct adeck key = { .id = id };
	return bsearch(&key, k->dk, k->ndk, sizeof(*k->dk), cmp_deck);
}

static struct ntype *
add_ntype(struct anki *k, long long id, const char *name, int cloze)
{
	struct ntype *t;

	k->nt = xgrow(k->nt, &k->ntalloc, k->nnt + 1, sizeof(*k->nt));
	t = &k->nt[k->nnt++];
	memset(t, 0, sizeof(*t));
	t->id = id;
	t->name = xstrdup(name);
	t->cloze = cloze;
	return t;
}

static void
add_deck(struct anki *k, long long id, const char *name)
{
	struct adeck *d;
	char *p;

	k->dk = xgrow(k->dk, &k->dkalloc, k->ndk + 1, sizeof(*k->dk));
	d = &k->dk[k->ndk++];
	d->id = id;
	d->notes = 0;
	d->name = NULL;
	/* the current format separates a deck from its parent by 0x1f */
	struct strbuf sb = { 0 };
	for (p = (char *)name; *p; p++)
		if (*p == '\x1f')
			strbuf_adds(&sb, "::");
		else
			strbuf_addch(&sb, *p);
	d->name = sb.buf ? strbuf_detach(&sb) : xstrdup("");
}

static long long
json_id(json_t *v, const char *key)
{
	json_t *id = json_object_get(v, "id");
	if (json_is_integer(id))
		return (long long)json_integer_value(id);
	return strtoll(key, NULL, 10);
}

/* The legacy format: note types and decks as JSON in the col table. */
static int
read_json_types(struct anki *k)
{
	sqlite3_stmt *st = NULL;
	json_t *models = NULL, *decks = NULL, *v;
	json_error_t jerr;
	const char *key;
	int rc;

	if ((rc = prepare(k, "SELECT models, decks FROM col", &st)) < 0)
		return rc;
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = bad(k, EX_DATAERR,
		         "the collection in the package has no 'col' row");
		goto out;
	}
	if (!(models = json_loads(col_text(st, 0), 0, &jerr)) ||
	    !json_is_object(models)) {
		rc = bad(k, EX_DATAERR,
		         "the note types of the collection are not valid JSON "
		         "(%s)",
		         models ? "not an object" : jerr.text);
		goto out;
	}
	if (!(decks = json_loads(col_text(st, 1), 0, &jerr)) ||
	    !json_is_object(decks)) {
		rc = bad(k, EX_DATAERR,
		         "the decks of the collection are not valid JSON (%s)",
		         decks ? "not an object" : jerr.text);
		goto out;
	}
	json_object_foreach(models, key, v)
	{
		json_t *name = json_object_get(v, "name");
		json_t *type = json_object_get(v, "type");
		json_t *flds = json_object_get(v, "flds");
		json_t *tmpls = json_object_get(v, "tmpls");
		json_t *x;
		size_t i;
		if (!json_is_string(name) || !json_is_array(flds) ||
		    !json_is_array(tmpls)) {
			rc = bad(k, EX_DATAERR,
			         "note type %s in the collection has no name, "
			         "fields or templates",
			         key);
			goto out;
		}
		struct ntype *t = add_ntype(
		    k, json_id(v, key), json_string_value(name),
		    json_is_integer(type) && json_integer_value(type) == 1);
		json_array_foreach(flds, i, x)
		{
			json_t *fn = json_object_get(x, "name");
			strlist_push(&t->fields, json_is_string(fn)
			                             ? json_string_value(fn)
			                             : "");
		}
		json_array_foreach(tmpls, i, x)
		{
			json_t *q = json_object_get(x, "qfmt");
			json_t *a = json_object_get(x, "afmt");
			strlist_push(&t->qfmt, json_is_string(q)
			                           ? json_string_value(q)
			                           : "");
			strlist_push(&t->afmt, json_is_string(a)
			                           ? json_string_value(a)
			                           : "");
		}
	}
	json_object_foreach(decks, key, v)
	{
		json_t *name = json_object_get(v, "name");
		add_deck(k, json_id(v, key),
		         json_is_string(name) ? json_string_value(name) : key);
	}
	xqsort(k->nt, k->nnt, sizeof(*k->nt), cmp_ntype);
	rc = 0;
out:
	json_decref(models);
	json_decref(decks);
	sqlite3_finalize(st);
	return rc;
}

/* The string field 'num' of the protobuf message 'blob' ('len' bytes),
 * or "" when it has none; NULL when the message is malformed. */
static char *
pb_string(const void *blob, size_t len, uint32_t num)
{
	struct pb_field f;
	int rc = pb_find(blob, len, num, &f);

	if (rc < 0 || (rc > 0 && f.wire != PB_BYTES))
		return NULL;
	return rc ? xstrndup((const char *)f.data, f.len) : xstrdup("");
}

/* The current format: the tables notetypes, fields, templates, decks. */
static int
read_table_types(struct anki *k)
{
	sqlite3_stmt *st = NULL;
	struct pb_field f;
	int rc, step;

	if ((rc = prepare(k,
	                  "SELECT id, name, config FROM notetypes "
	                  "ORDER BY id",
	                  &st)) < 0)
		return rc;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		const void *cfg = sqlite3_column_blob(st, 2);
		int n = sqlite3_column_bytes(st, 2);
		int kind = pb_find(cfg, (size_t)n, 1, &f);
		if (kind < 0 || (kind > 0 && f.wire != PB_VARINT)) {
			rc = bad(k, EX_DATAERR,
			         "note type %lld in the collection has a "
			         "malformed configuration",
			         (long long)sqlite3_column_int64(st, 0));
			goto out;
		}
		add_ntype(k, sqlite3_column_int64(st, 0), col_text(st, 1),
		          kind > 0 && f.u == 1);
	}
	if (step != SQLITE_DONE || sqlite3_finalize(st) != SQLITE_OK) {
		st = NULL;
		rc = bad_sql(k);
		goto out;
	}
	st = NULL;
	xqsort(k->nt, k->nnt, sizeof(*k->nt), cmp_ntype);

	if ((rc = prepare(k, "SELECT ntid, name FROM fields ORDER BY ntid, ord",
	                  &st)) < 0)
		goto out;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct ntype *t = find_ntype(k, sqlite3_column_int64(st, 0));
		if (t)
			strlist_push(&t->fields, col_text(st, 1));
	}
	if (step != SQLITE_DONE || sqlite3_finalize(st) != SQLITE_OK) {
		st = NULL;
		rc = bad_sql(k);
		goto out;
	}
	st = NULL;

	if ((rc = prepare(k,
	                  "SELECT ntid, config FROM templates "
	                  "ORDER BY ntid, ord",
	                  &st)) < 0)
		goto out;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct ntype *t = find_ntype(k, sqlite3_column_int64(st, 0));
		const void *cfg = sqlite3_column_blob(st, 1);
		size_t n = (size_t)sqlite3_column_bytes(st, 1);
		char *q = pb_string(cfg, n, 1), *a = pb_string(cfg, n, 2);
		if (!q || !a) {
			free(q);
			free(a);
			rc = bad(
			    k, EX_DATAERR,
			    "a template of note type %lld in the collection "
			    "is malformed",
			    (long long)sqlite3_column_int64(st, 0));
			goto out;
		}
		if (t) {
			strlist_push(&t->qfmt, q);
			strlist_push(&t->afmt, a);
		}
		free(q);
		free(a);
	}
	if (step != SQLITE_DONE || sqlite3_finalize(st) != SQLITE_OK) {
		st = NULL;
		rc = bad_sql(k);
		goto out;
	}
	st = NULL;

	if ((rc = prepare(k, "SELECT id, name FROM decks", &st)) < 0)
		goto out;
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		add_deck(k, sqlite3_column_int64(st, 0), col_text(st, 1));
	if (step != SQLITE_DONE) {
		rc = bad_sql(k);
		goto out;
	}
	rc = 0;
out:
	sqlite3_finalize(st);
	return rc;
}

/* ---- Templates ----------------------------------------------------- */

/* The fields a template side refers to, by how. */
struct refs {
	struct intlist plain, type, hint, cloze, ifs, unless;
};

static void
refs_release(struct refs *r)
{
	free(r->plain.v);
	free(r->type.v);
	free(r->hint.v);
	free(r->cloze.v);
	free(r->ifs.v);
	free(r->unless.v);
}

/*
 * Collect the field references of the template side 'fmt': {{Field}},
 * {{filter:...:Field}} ('type', 'hint' and 'cloze' noted, any other
 * filter plain), {{#Field}} and {{^Field}}.  Names that are no field of
 * 't' ({{FrontSide}}, {{Tags}}) are left out.
 */
static void
template_refs(const struct ntype *t, const char *fmt, struct refs *out)
{
	const char *p = fmt;

	while ((p = strstr(p, "{{"))) {
		const char *end = strstr(p + 2, "}}"), *s = p + 2, *name;
		char kind = 0;
		int type = 0, hint = 0, cloze = 0;
		if (!end)
			break;
		p = end + 2;
		while (s < end && *s == ' ')
			s++;
		if (s < end && (*s == '#' || *s == '^' || *s == '/'))
			kind = *s++;
		name = s;
		for (const char *c = s; c < end; c++)
			if (*c == ':') {
				size_t len = (size_t)(c - name);
				type |= (len == 4 && !strncmp(name, "type", 4));
				hint |= (len == 4 && !strncmp(name, "hint", 4));
				cloze |=
				    (len == 5 && !strncmp(name, "cloze", 5));
				name = c + 1;
			}
		while (name < end && *name == ' ')
			name++;
		size_t len = (size_t)(end - name);
		while (len && name[len - 1] == ' ')
			len--;
		int f = -1;
		for (size_t i = 0; i < t->fields.n; i++)
			if (strlen(t->fields.v[i]) == len &&
			    !strncmp(t->fields.v[i], name, len))
				f = (int)i;
		if (f < 0 || kind == '/')
			continue;
		if (kind == '#')
			intlist_add(&out->ifs, f);
		else if (kind == '^')
			intlist_add(&out->unless, f);
		else if (cloze)
			intlist_add(&out->cloze, f);
		else if (type)
			intlist_add(&out->type, f);
		else if (hint)
			intlist_add(&out->hint, f);
		else
			intlist_add(&out->plain, f);
	}
}

/* Decide how the notes of 't' are read: see the top of the file. */
static void
plan_notetype(struct ntype *t)
{
	struct refs q0 = { 0 }, a0 = { 0 };

	t->plan = PLAN_SKIP;
	t->a = -1;
	if (t->fields.n == 0)
		return;
	if (t->qfmt.n) {
		template_refs(t, t->qfmt.v[0], &q0);
		template_refs(t, t->afmt.v[0], &a0);
	}
	for (size_t i = 0; i < q0.hint.n; i++)
		intlist_add(&t->hint, q0.hint.v[i]);
	for (size_t i = 0; i < a0.hint.n; i++)
		if (!intlist_has(&q0.plain, a0.hint.v[i]))
			intlist_add(&t->hint, a0.hint.v[i]);
	if (t->cloze) {
		t->plan = PLAN_CLOZE;
		t->a = q0.cloze.n ? q0.cloze.v[0] : 0;
		for (size_t i = 0; i < a0.plain.n; i++) {
			int f = a0.plain.v[i];
			if (f != t->a && !intlist_has(&q0.plain, f) &&
			    !intlist_has(&t->hint, f))
				intlist_add(&t->note, f);
		}
		goto out;
	}
	for (size_t i = 0; i < q0.plain.n; i++)
		if (!intlist_has(&t->hint, q0.plain.v[i]))
			intlist_add(&t->q, q0.plain.v[i]);
	if (q0.type.n && !intlist_has(&t->q, q0.type.v[0]))
		t->a = q0.type.v[0];
	struct intlist back = { 0 };
	for (size_t i = 0; i < a0.plain.n + a0.type.n; i++) {
		int f =
		    i < a0.plain.n ? a0.plain.v[i] : a0.type.v[i - a0.plain.n];
		if (!intlist_has(&t->q, f) && !intlist_has(&t->hint, f))
			intlist_add(&back, f);
	}
	if (t->a < 0 && back.n)
		t->a = back.v[0];
	for (size_t i = 0; i < back.n; i++)
		if (back.v[i] != t->a)
			intlist_add(&t->note, back.v[i]);
	free(back.v);
	if (!t->q.n || t->a < 0) {
		t->q.n = t->note.n = t->hint.n = 0;
		t->a = -1;
		t->plan = t->fields.n >= 2 ? PLAN_FIRST_TWO : PLAN_SKIP;
		goto out;
	}
	t->plan = PLAN_TEXT;
	/* the reverse: a template asking the answer field alone, with the
	 * question field on its back */
	for (size_t i = 1; i < t->qfmt.n && t->q.n == 1; i++) {
		struct refs qi = { 0 }, ai = { 0 };
		template_refs(t, t->qfmt.v[i], &qi);
		template_refs(t, t->afmt.v[i], &ai);
		if (qi.plain.n == 1 && qi.plain.v[0] == t->a &&
		    (intlist_has(&ai.plain, t->q.v[0]) ||
		     intlist_has(&ai.type, t->q.v[0]) ||
		     intlist_has(&qi.type, t->q.v[0]))) {
			t->rev = 1;
			for (size_t j = 0; j < qi.ifs.n; j++)
				intlist_add(&t->rev_if, qi.ifs.v[j]);
			for (size_t j = 0; j < qi.unless.n; j++)
				intlist_add(&t->rev_unless, qi.unless.v[j]);
		}
		refs_release(&qi);
		refs_release(&ai);
		if (t->rev)
			break;
	}
out:
	refs_release(&q0);
	refs_release(&a0);
}

/* Say once how the notes of 't' are read, when it is not plain. */
static void
tell_plan(struct anki *k, struct ntype *t)
{
	size_t extra;

	if (t->told)
		return;
	t->told = 1;
	if (t->plan == PLAN_FIRST_TWO) {
		note_line(k,
		          "note type '%s': its templates show no question and "
		          "answer field: read by its first two fields ('%s' "
		          "as the question, '%s' as the answer)",
		          t->name, t->fields.v[0], t->fields.v[1]);
		return;
	}
	extra = t->qfmt.n ? t->qfmt.n - 1 - (size_t)t->rev : 0;
	if (t->plan == PLAN_TEXT && extra)
		note_line(k,
		          "note type '%s': %zu of its %zu card templates not "
		          "imported (only '%s' asked for '%s'%s)",
		          t->name, extra, t->qfmt.n, t->fields.v[t->q.v[0]],
		          t->fields.v[t->a], t->rev ? " and the reverse" : "");
}

/* ---- Notes --------------------------------------------------------- */

/* The non-empty texts of the fields 'which' of 'fl', one a line, or NULL
 * when all are empty. */
static char *
join_fields(const struct strlist *fl, const struct intlist *which,
            size_t *media)
{
	struct strbuf sb = { 0 };

	for (size_t i = 0; i < which->n; i++) {
		char *s = anki_html_text(fl->v[which->v[i]], 0, media);
		if (*s) {
			if (sb.len)
				strbuf_addch(&sb, '\n');
			strbuf_adds(&sb, s);
		}
		free(s);
	}
	return sb.buf ? strbuf_detach(&sb) : NULL;
}

/* Whether the field 'f' of 'fl' would show something in Anki. */
static int
field_shows(const struct strlist *fl, int f)
{
	size_t media = 0;
	char *s = anki_html_text(fl->v[f], 0, &media);
	int shows = *s || media;

	free(s);
	return shows;
}

/* Make the entry of one note of type 't', with fields 'fl'; or count it
 * as skipped and say why. */
static void
note_entry(struct anki *k, struct ntype *t, long long nid, const char *guid,
           const char *tags, const struct strlist *fl, long long did)
{
	struct import_entry *e;
	char *q = NULL, *a = NULL, *text = NULL, *hint = NULL, *note;
	const char *why = NULL;
	size_t media = 0;
	int reverse = 0, nested = 0;

	tell_plan(k, t);
	if (t->plan == PLAN_SKIP) {
		k->r->skipped++;
		note_line(k,
		          "note %lld: note type '%s' has %s field%s: no "
		          "question and answer",
		          nid, t->name, t->fields.n ? "one" : "no",
		          t->fields.n ? "" : "s");
		return;
	}
	if (t->plan == PLAN_CLOZE) {
		char *marked = anki_cloze_mark(fl->v[t->a]);
		char *red = anki_html_text(marked, 1, &media);
		free(marked);
		anki_cloze_build(red, &text, &hint, &why, &nested);
		free(red);
	} else {
		struct intlist first = { 0 };
		if (t->plan == PLAN_FIRST_TWO)
			intlist_add(&first, 0);
		q = join_fields(fl, t->plan == PLAN_TEXT ? &t->q : &first,
		                &media);
		free(first.v);
		a = anki_html_text(fl->v[t->plan == PLAN_TEXT ? t->a : 1], 0,
		                   &media);
		/* an answer is typed on one line */
		for (char *c = a; *c; c++)
			if (*c == '\n')
				*c = ' ';
		if (!q)
			why =
			    "has no question once HTML and media are taken out";
		else if (!*a)
			why = "has no answer once HTML and media are taken out";
		reverse = t->rev;
		for (size_t i = 0; reverse && i < t->rev_if.n; i++)
			reverse = field_shows(fl, t->rev_if.v[i]);
		for (size_t i = 0; reverse && i < t->rev_unless.n; i++)
			reverse = !field_shows(fl, t->rev_unless.v[i]);
	}
	if (why) {
		k->r->skipped++;
		note_line(k, "note %lld: %s", nid, why);
		free(q);
		free(a);
		free(text);
		free(hint);
		return;
	}
	e = import_add(k->r);
	k->entry_deck =
	    xgrow(k->entry_deck, &k->edalloc, k->r->n, sizeof(*k->entry_deck));
	k->entry_deck[k->r->n - 1] = did;
	e->type = t->plan == PLAN_CLOZE ? CARD_CLOZE : CARD_TEXT;
	e->q = q;
	e->a = a;
	e->text = text;
	e->reverse = reverse;
	e->note_id = nid;
	e->source_key = *guid ? xstrdup(guid) : NULL;
	/* hint fields ({{hint:X}}) after the cloze's own hints */
	char *hf = join_fields(fl, &t->hint, &media);
	if (hf && hint) {
		e->hint = xasprintf("%s\n%s", hint, hf);
		free(hint);
		free(hf);
	} else {
		e->hint = hint ? hint : hf;
	}
	note = join_fields(fl, &t->note, &media);
	e->note = note;
	add_tags(k, e, nid, tags);
	k->r->media_dropped += media;
	if (nested)
		note_line(k,
		          "note %lld: a cloze inside another is kept as "
		          "text of the outer gap",
		          nid);
}

static int
read_notes(struct anki *k)
{
	sqlite3_stmt *st = NULL;
	struct strlist fl = { 0 };
	int rc, step;

	if ((rc = prepare(k,
	                  "SELECT n.id, n.guid, n.mid, n.tags, n.flds, "
	                  "(SELECT CASE WHEN c.odid != 0 THEN c.odid "
	                  "ELSE c.did END FROM cards c WHERE c.nid = n.id "
	                  "ORDER BY c.ord LIMIT 1) FROM notes n ORDER BY n.id",
	                  &st)) < 0)
		return rc;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		long long nid = sqlite3_column_int64(st, 0);
		long long mid = sqlite3_column_int64(st, 2);
		const char *flds = col_text(st, 4);
		struct ntype *t = find_ntype(k, mid);
		char *msg = NULL;

		strlist_release(&fl);
		for (const char *p = flds;;) {
			size_t len = strcspn(p, "\x1f");
			char *f = xstrndup(p, len);
			strlist_push(&fl, f);
			free(f);
			if (!p[len])
				break;
			p += len + 1;
		}
		if (!t)
			msg = xasprintf("note %lld: its note type %lld is not "
			                "in the package",
			                nid, mid);
		else if (fl.n != t->fields.n)
			msg = xasprintf("note %lld: it has %zu field%s, but "
			                "its note type '%s' has %zu",
			                nid, fl.n, fl.n == 1 ? "" : "s",
			                t->name, t->fields.n);
		if (msg) {
			if (k->nerrors++ < ANKI_MAX_ERRORS)
				diag_error(k->diags, k->path, 0, 0, "%s", msg);
			free(msg);
			continue;
		}
		if (!k->nerrors)
			note_entry(k, t, nid, col_text(st, 1), col_text(st, 3),
			           &fl, sqlite3_column_int64(st, 5));
	}
	strlist_release(&fl);
	if (step != SQLITE_DONE)
		rc = bad_sql(k);
	else if (k->nerrors > ANKI_MAX_ERRORS)
		rc = bad(k, EX_DATAERR, "%zu more malformed notes",
		         k->nerrors - ANKI_MAX_ERRORS);
	else
		rc = k->nerrors ? -EX_DATAERR : 0;
	sqlite3_finalize(st);
	return rc;
}

/* The deck: the Anki deck of most entries; see the top of the file. */
static void
choose_deck(struct anki *k)
{
	struct adeck *best = NULL, *d;
	size_t ndecks = 0;

	for (size_t i = 0; i < k->r->n; i++)
		if ((d = find_deck(k, k->entry_deck[i])))
			d->notes++;
	for (size_t i = 0; i < k->ndk; i++) {
		if (!k->dk[i].notes)
			continue;
		ndecks++;
		if (!best || k->dk[i].notes > best->notes)
			best = &k->dk[i];
	}
	if (!best)
		return;
	k->r->deck_name = anki_slug(best->name);
	if (!k->r->deck_name)
		k->r->deck_name = xstrdup("anki");
	k->r->deck_title = xstrdup(best->name);
	if (ndecks < 2)
		return;
	note_line(k,
	          "the notes are in %zu Anki decks: the deck is the one of "
	          "most notes, '%s', and each card is tagged with its own",
	          ndecks, best->name);
	for (size_t i = 0; i < k->r->n; i++) {
		struct import_entry *e = &k->r->v[i];
		char *tag;
		if (!(d = find_deck(k, k->entry_deck[i])) ||
		    !(tag = anki_slug(d->name)))
			continue;
		if (strlist_find(&e->tags, tag) < 0 &&
		    e->tags.n < CARD_MAX_TAGS)
			strlist_push(&e->tags, tag);
		free(tag);
	}
}

/* Count the media files the package lists (none are imported). */
static int
read_media_list(struct anki *k)
{
	void *buf;
	size_t len, n = 0;
	int rc = read_member(k, "media", ANKI_MAX_SMALL, &buf, &len);

	if (rc <= 0)
		return rc;
	if (k->current) {
		struct pb_reader pr;
		struct pb_field f, name;
		if ((rc = unzstd(k, "media", ANKI_MAX_SMALL, &buf, &len)) < 0)
			goto out;
		pb_init(&pr, buf, len);
		while ((rc = pb_next(&pr, &f)) > 0) {
			if (f.num != 1)
				continue;
			if (f.wire != PB_BYTES ||
			    pb_find(f.data, f.len, 1, &name) <= 0 ||
			    name.wire != PB_BYTES) {
				rc = -1;
				break;
			}
			n++;
		}
	} else {
		json_error_t jerr;
		json_t *map = json_loadb(buf, len, 0, &jerr);
		rc = json_is_object(map) ? 0 : -1;
		n = json_object_size(map);
		json_decref(map);
	}
	if (rc < 0) {
		rc = bad(k, EX_DATAERR,
		         "the media list in the package is "
		         "malformed");
		goto out;
	}
	if (n)
		note_line(k, "the package holds %zu media file%s: not imported",
		          n, n == 1 ? "" : "s");
	rc = 0;
out:
	sqlite3_free(buf);
	return rc;
}

/* Open the zip at k->path; returns 0 or a negative status. */
static int
open_package(struct anki *k)
{
	struct stat sb;
	char ebuf[128];
	int fd;

	/* open(2) first, for its reasons: minizip only says it failed */
	if ((fd = open(k->path, O_RDONLY)) < 0)
		return bad(k, EX_NOINPUT, "cannot open: %s",
		           errno_text(errno, ebuf, sizeof(ebuf)));
	if (fstat(fd, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		close(fd);
		return bad(k, EX_NOINPUT, "is a folder, not an Anki package");
	}
	close(fd);
	if (!(k->zip = unzOpen64(k->path)))
		return bad(k, EX_DATAERR,
		           "not an Anki package (not a zip file)");
	return 0;
}

int
import_read_anki(const char *path, struct import_result *r,
                 struct diag_list *diags)
{
	static const char *const names[] = { "collection.anki21b",
		                             "collection.anki21",
		                             "collection.anki2" };
	struct anki k = { .path = path, .diags = diags, .r = r };
	const char *name = NULL;
	unsigned long long version = 0;
	void *buf = NULL;
	size_t len;
	int rc;

	if ((rc = open_package(&k)) < 0)
		return rc;
	if ((rc = read_member(&k, "meta", ANKI_MAX_SMALL, &buf, &len)) < 0)
		goto out;
	if (rc) {
		struct pb_field f;
		int got = pb_find(buf, len, 1, &f);
		sqlite3_free(buf);
		buf = NULL;
		if (got < 0 || (got && f.wire != PB_VARINT)) {
			rc = bad(&k, EX_DATAERR,
			         "the package's 'meta' is malformed");
			goto out;
		}
		version = got ? f.u : 0;
		if (version < 1 || version > 3) {
			rc = bad(&k, EX_DATAERR,
			         "the package is of a newer Anki (package "
			         "version %llu): export it again with 'Support "
			         "older Anki versions' ticked",
			         version);
			goto out;
		}
	}
	for (size_t i = 0; i < 3 && !name; i++)
		if (unzLocateFile(k.zip, names[i], 1) == UNZ_OK)
			name = names[i];
	if (!name || (version == 3 && name != names[0])) {
		rc = bad(&k, EX_DATAERR, "not an Anki package: it holds no %s",
		         version == 3 ? "collection.anki21b"
		                      : "collection.anki21b, collection.anki21 "
		                        "or collection.anki2");
		goto out;
	}
	k.current = name == names[0];
	if ((rc = read_member(&k, name, ANKI_MAX_COLLECTION, &buf, &len)) < 0)
		goto out;
	if (k.current &&
	    (rc = unzstd(&k, name, ANKI_MAX_COLLECTION, &buf, &len)) < 0)
		goto out;
	rc = open_collection(&k, name, buf, len);
	buf = NULL; /* the database owns it */
	if (rc < 0)
		goto out;

	sqlite3_stmt *st = NULL;
	if ((rc = prepare(&k,
	                  "SELECT 1 FROM sqlite_master WHERE type = "
	                  "'table' AND name = 'notetypes'",
	                  &st)) < 0)
		goto out;
	int tables = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	if ((rc = tables ? read_table_types(&k) : read_json_types(&k)) < 0)
		goto out;
	xqsort(k.dk, k.ndk, sizeof(*k.dk), cmp_deck);
	for (size_t i = 0; i < k.nnt; i++)
		plan_notetype(&k.nt[i]);
	if ((rc = read_media_list(&k)) < 0)
		goto out;
	if ((rc = read_notes(&k)) < 0)
		goto out;
	choose_deck(&k);
	rc = 0;
out:
	sqlite3_free(buf);
	if (k.db)
		sqlite3_close(k.db);
	if (k.zip)
		unzClose(k.zip);
	for (size_t i = 0; i < k.nnt; i++)
		ntype_release(&k.nt[i]);
	free(k.nt);
	for (size_t i = 0; i < k.ndk; i++)
		free(k.dk[i].name);
	free(k.dk);
	free(k.entry_deck);
	return rc;
}
