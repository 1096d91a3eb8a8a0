/*
 * import-common.c - the part of import.h every reader needs: adding an
 * entry and releasing a result.  (Written with the Anki reader; the lead
 * reconciles it with import.c at merge.)
 */
#include <stdlib.h>
#include <string.h>

#include "import.h"

struct import_entry *
import_add(struct import_result *r)
{
	struct import_entry *e;

	r->v = xgrow(r->v, &r->alloc, r->n + 1, sizeof(*r->v));
	e = &r->v[r->n++];
	memset(e, 0, sizeof(*e));
	return e;
}

static void
entry_release(struct import_entry *e)
{
	free(e->id);
	free(e->source_key);
	free(e->q);
	free(e->a);
	free(e->text);
	free(e->hint);
	free(e->note);
	free(e->unit);
	strlist_release(&e->accept);
	strlist_release(&e->tags);
}

void
import_result_release(struct import_result *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n; i++)
		entry_release(&r->v[i]);
	free(r->v);
	free(r->deck_name);
	free(r->deck_title);
	strlist_release(&r->notes);
	memset(r, 0, sizeof(*r));
}
