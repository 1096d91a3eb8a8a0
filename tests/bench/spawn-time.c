/*
 * spawn-time.c - how long a command takes, from its start to its exit,
 * without the shell's forks and the 'date' processes of a timing done in
 * the shell (about 2 ms a run here): runs COMMAND RUNS times with its
 * input, output and errors on /dev/null, and prints the median wall time
 * in milliseconds and the largest peak resident size in KiB.
 *
 *   spawn-time RUNS COMMAND [ARG...]
 */
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

int
main(int argc, char **argv)
{
	posix_spawn_file_actions_t fa;
	long peak = 0;
	double *t;
	int runs;

	if (argc < 3 || (runs = atoi(argv[1])) < 1) {
		fprintf(stderr, "usage: spawn-time RUNS COMMAND [ARG...]\n");
		return 64;
	}
	if (!(t = calloc((size_t)runs, sizeof(*t))))
		return 70;
	posix_spawn_file_actions_init(&fa);
	for (int fd = 0; fd < 3; fd++)
		posix_spawn_file_actions_addopen(
		    &fa, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0);
	for (int i = 0; i < runs; i++) {
		struct rusage ru;
		double start = now_ms();
		pid_t pid;
		int status;

		if (posix_spawnp(&pid, argv[2], &fa, NULL, argv + 2, environ) !=
		    0) {
			perror(argv[2]);
			return 71;
		}
		if (wait4(pid, &status, 0, &ru) < 0) {
			perror("wait4");
			return 71;
		}
		t[i] = now_ms() - start;
		if (ru.ru_maxrss > peak)
			peak = ru.ru_maxrss;
	}
	qsort(t, (size_t)runs, sizeof(*t), cmp_double);
	printf("%.2f %ld\n", t[runs / 2], peak);
	posix_spawn_file_actions_destroy(&fa);
	free(t);
	return 0;
}
