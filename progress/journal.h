/*
 * journal.h - the journal file format of "trainer sync".
 *
 * A journal is written by one machine only and only ever appended to:
 *
 *   trainer-journal 1 DEVICE\n         the header: format version, writer
 *   CCCCCCCC JSON\n                    one event a line
 *
 * DEVICE is the writer's 128-bit device id in 32 lower-case hex digits;
 * CCCCCCCC is the CRC-32 of the JSON text, in 8 lower-case hex digits;
 * JSON is one event object on one line.  A line without its final
 * newline is a record still being written (or copied): it is not read
 * until it is complete.
 *
 * Pure: no files; buffers in, records out.
 */
#ifndef PROGRESS_JOURNAL_H
#define PROGRESS_JOURNAL_H

#include <stddef.h>
#include <stdint.h>

#define JOURNAL_VERSION 1
#define JOURNAL_DEVICE  32 /* hex digits of a device id */

enum journal_read {
	JOURNAL_OK,   /* a complete, intact line */
	JOURNAL_TORN, /* no complete line yet: read again later */
	JOURNAL_BAD,  /* a complete line that is damaged: skip it */
};

/* CRC-32 (IEEE 802.3, as zlib's crc32) of the 'len' bytes at 'p'. */
uint32_t journal_crc32(const void *p, size_t len);

/* Is 's' a device id: 32 lower-case hex digits? */
int journal_is_device(const char *s);

/* The header line of device 'device' (free it). */
char *journal_header(const char *device);

/*
 * Read the header at 'buf' ('len' bytes): JOURNAL_OK with '*version',
 * 'device' (JOURNAL_DEVICE + 1 bytes) and '*used' (its length, newline
 * included); JOURNAL_TORN when its line is not complete; JOURNAL_BAD when
 * it is not a journal header (with '*used' the line's length).
 */
enum journal_read journal_read_header(const char *buf, size_t len, int *version,
                                      char *device, size_t *used);

/* The record line of the JSON text 'json', which holds no newline (free
 * it). */
char *journal_record(const char *json);

/*
 * Read the record at 'buf' ('len' bytes): JOURNAL_OK with its JSON text
 * in '*json' (free it); JOURNAL_BAD for a line whose checksum or form is
 * wrong; JOURNAL_TORN when no newline ends it yet.  '*used' is the
 * line's length with its newline (OK and BAD).
 */
enum journal_read journal_read_record(const char *buf, size_t len, char **json,
                                      size_t *used);

#endif
