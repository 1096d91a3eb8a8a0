/*
 * protobuf.h - a small reader of protocol buffer messages: enough to walk
 * a message's fields (varints and length-delimited bytes) without a
 * generated schema.  Used for the few fields of Anki packages we read.
 *
 * A reader never allocates; the bytes it hands out point into the
 * message, which must outlive them.  Groups (wire types 3 and 4) are
 * refused as malformed: no message we read holds any.
 */
#ifndef TRAINER_PROTOBUF_H
#define TRAINER_PROTOBUF_H
#include <stddef.h>
#include <stdint.h>

enum pb_wire {
	PB_VARINT = 0,
	PB_FIXED64 = 1,
	PB_BYTES = 2,
	PB_FIXED32 = 5,
};

struct pb_reader {
	const uint8_t *p, *end;
};

/* One field as read: its number and wire type, the value of a varint or
 * fixed field in 'u', the bytes of a length-delimited one in 'data' and
 * 'len'. */
struct pb_field {
	uint32_t num;
	enum pb_wire wire;
	uint64_t u;
	const uint8_t *data;
	size_t len;
};

/* Start reading the 'len' bytes of 'buf' as one message. */
void pb_init(struct pb_reader *r, const void *buf, size_t len);

/* Read the next field into 'f'.  Returns 1, 0 at the end of the message,
 * or -1 when the bytes are not a well-formed message (the reader then
 * stays at the end). */
int pb_next(struct pb_reader *r, struct pb_field *f);

/*
 * The first field numbered 'num' of the message in 'buf' ('len' bytes):
 * returns 1 and fills 'f', 0 when there is none, -1 when the message is
 * malformed.
 */
int pb_find(const void *buf, size_t len, uint32_t num, struct pb_field *f);

#endif
