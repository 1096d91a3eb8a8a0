/*
 * yaml-parse.c - the floor for 'trainer check': read a file and run
 * libyaml's parser over its events, doing nothing with them.
 *
 *   yaml-parse FILE    prints the number of events
 */
#include <stdio.h>
#include <stdlib.h>
#include <yaml.h>

int
main(int argc, char **argv)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	unsigned long events = 0;
	FILE *fp;
	int done = 0, rc = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: yaml-parse FILE\n");
		return 64;
	}
	fp = fopen(argv[1], "rb");
	if (fp == NULL) {
		perror(argv[1]);
		return 66;
	}
	if (!yaml_parser_initialize(&parser)) {
		fclose(fp);
		return 70;
	}
	yaml_parser_set_input_file(&parser, fp);
	while (!done) {
		if (!yaml_parser_parse(&parser, &ev)) {
			fprintf(stderr, "yaml-parse: %s\n",
			        parser.problem ? parser.problem : "error");
			rc = 65;
			break;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
		events++;
	}
	yaml_parser_delete(&parser);
	fclose(fp);
	printf("%lu events\n", events);
	return rc;
}
