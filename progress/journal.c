/*
 * journal.c - the journal file format of "trainer sync".
 */
#include "journal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

uint32_t
journal_crc32(const void *p, size_t len)
{
	const unsigned char *b = p;
	uint32_t crc = 0xffffffffu;

	/* bit by bit: a record is a few hundred bytes */
	for (size_t i = 0; i < len; i++) {
		crc ^= b[i];
		for (int k = 0; k < 8; k++)
			crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
	}
	return crc ^ 0xffffffffu;
}

static int
is_hex(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') ||
		      (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return 1;
}

int
journal_is_device(const char *s)
{
	return strlen(s) == JOURNAL_DEVICE && is_hex(s, JOURNAL_DEVICE);
}

char *
journal_header(const char *device)
{
	return xasprintf("trainer-journal %d %s\n", JOURNAL_VERSION, device);
}

enum journal_read
journal_read_header(const char *buf, size_t len, int *version, char *device,
                    size_t *used)
{
	static const char magic[] = "trainer-journal ";
	const char *nl = memchr(buf, '\n', len), *p, *sp;
	long v = 0;

	if (nl == NULL)
		return JOURNAL_TORN;
	*used = (size_t)(nl - buf) + 1;
	if ((size_t)(nl - buf) < sizeof(magic) - 1 ||
	    memcmp(buf, magic, sizeof(magic) - 1) != 0)
		return JOURNAL_BAD;
	p = buf + sizeof(magic) - 1;
	sp = memchr(p, ' ', (size_t)(nl - p));
	if (sp == NULL || sp == p || sp - p > 6)
		return JOURNAL_BAD;
	for (const char *q = p; q < sp; q++) {
		if (*q < '0' || *q > '9')
			return JOURNAL_BAD;
		v = v * 10 + (*q - '0');
	}
	if (nl - (sp + 1) != JOURNAL_DEVICE || !is_hex(sp + 1, JOURNAL_DEVICE))
		return JOURNAL_BAD;
	*version = (int)v;
	memcpy(device, sp + 1, JOURNAL_DEVICE);
	device[JOURNAL_DEVICE] = '\0';
	return JOURNAL_OK;
}

char *
journal_record(const char *json)
{
	return xasprintf("%08lx %s\n",
	                 (unsigned long)journal_crc32(json, strlen(json)),
	                 json);
}

enum journal_read
journal_read_record(const char *buf, size_t len, char **json, size_t *used)
{
	const char *nl = memchr(buf, '\n', len);
	unsigned long want = 0;
	size_t n;

	*json = NULL;
	if (nl == NULL)
		return JOURNAL_TORN;
	*used = (size_t)(nl - buf) + 1;
	n = (size_t)(nl - buf);
	if (n < 11 || buf[8] != ' ' || !is_hex(buf, 8) || buf[9] != '{' ||
	    memchr(buf, '\0', n))
		return JOURNAL_BAD;
	for (int i = 0; i < 8; i++)
		want = want * 16 + (unsigned long)(buf[i] <= '9'
		                                       ? buf[i] - '0'
		                                       : buf[i] - 'a' + 10);
	if (journal_crc32(buf + 9, n - 9) != (uint32_t)want)
		return JOURNAL_BAD;
	*json = xstrndup(buf + 9, n - 9);
	return JOURNAL_OK;
}
