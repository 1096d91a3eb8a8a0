/*
 * out.c - printing text that came from outside.
 */
#include "out.h"

void
out_safe(FILE *fp, const char *s, int flags)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '\n' && (flags & OUT_KEEP_NEWLINES))
			fputc('\n', fp);
		else if (*p == '\n')
			fputs("\\n", fp);
		else if (*p == '\t')
			fputs("\\t", fp);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(fp, "\\x%02x", *p);
		else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			fprintf(fp, "\\u%04x", (unsigned)*++p);
		else
			fputc(*p, fp);
	}
}
