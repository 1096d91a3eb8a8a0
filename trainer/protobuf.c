/*
 * protobuf.c - a small reader of protocol buffer messages (see
 * protobuf.h).  The wire format: each field is a varint key (field number
 * << 3 | wire type) then its value, a varint, 8 or 4 little-endian bytes,
 * or a varint length and that many bytes.
 */
#include "protobuf.h"

void
pb_init(struct pb_reader *r, const void *buf, size_t len)
{
	r->p = buf;
	r->end = r->p + len;
}

/* Read a varint of at most 10 bytes; returns 0, or -1 when truncated or
 * too long. */
static int
varint(struct pb_reader *r, uint64_t *out)
{
	uint64_t v = 0;

	for (int shift = 0; shift < 70; shift += 7) {
		if (r->p == r->end)
			return -1;
		uint8_t b = *r->p++;
		if (shift == 63 && b > 1)
			return -1;
		v |= (uint64_t)(b & 0x7f) << shift;
		if (!(b & 0x80)) {
			*out = v;
			return 0;
		}
	}
	return -1;
}

static int
fail(struct pb_reader *r)
{
	r->p = r->end;
	return -1;
}

int
pb_next(struct pb_reader *r, struct pb_field *f)
{
	uint64_t key;
	size_t left;

	if (r->p == r->end)
		return 0;
	if (varint(r, &key) < 0 || (key >> 3) == 0 || (key >> 3) > UINT32_MAX)
		return fail(r);
	f->num = (uint32_t)(key >> 3);
	f->wire = (enum pb_wire)(key & 7);
	f->u = 0;
	f->data = NULL;
	f->len = 0;
	switch (key & 7) {
	case PB_VARINT:
		if (varint(r, &f->u) < 0)
			return fail(r);
		return 1;
	case PB_FIXED64:
	case PB_FIXED32: {
		size_t n = (key & 7) == PB_FIXED64 ? 8 : 4;
		if ((size_t)(r->end - r->p) < n)
			return fail(r);
		for (size_t i = 0; i < n; i++)
			f->u |= (uint64_t)r->p[i] << (8 * i);
		r->p += n;
		return 1;
	}
	case PB_BYTES:
		if (varint(r, &f->u) < 0)
			return fail(r);
		left = (size_t)(r->end - r->p);
		if (f->u > left)
			return fail(r);
		f->data = r->p;
		f->len = (size_t)f->u;
		f->u = 0;
		r->p += f->len;
		return 1;
	default:
		return fail(r);
	}
}

int
pb_find(const void *buf, size_t len, uint32_t num, struct pb_field *f)
{
	struct pb_reader r;
	struct pb_field cur;
	int rc, found = 0;

	/* the whole message is read, so a malformed tail is seen too */
	pb_init(&r, buf, len);
	while ((rc = pb_next(&r, &cur)) > 0)
		if (cur.num == num && !found) {
			*f = cur;
			found = 1;
		}
	return rc < 0 ? -1 : found;
}
