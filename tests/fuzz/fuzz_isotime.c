/*
 * fuzz_isotime.c - libFuzzer target for ISO 8601 times: any bytes give a
 * time or a reason, never a crash; every time read lies in the years 1
 * to 9999; and its UTC form parses back to the same second.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "isotime.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), why[200], buf[64];
	long long t, back;

	/* a zone far from UTC, fixed, so local times are reproducible */
	setenv("TZ", "Pacific/Chatham", 0);
	memcpy(s, data, size);
	s[size] = '\0';
	if (isotime_parse(s, &t, why, sizeof(why)) == 0) {
		if (t < ISOTIME_MIN || t > ISOTIME_MAX)
			abort();
		isotime_format_utc(t, buf, sizeof(buf));
		if (strlen(buf) != 20 ||
		    isotime_parse(buf, &back, why, sizeof(why)) < 0 ||
		    back != t)
			abort();
	} else if (why[0] == '\0') {
		abort();
	}
	free(s);
	return 0;
}
