/* Shared by the benchmarks: a seeded generator so every run builds the same
 * corpus, and clocks (CPU time of the thread, the figure per core; wall
 * time, what a user waits). */
#ifndef EVG_BENCH_UTIL_H
#define EVG_BENCH_UTIL_H

#include <time.h>

static unsigned long long bench_rng = 0x2545F4914F6CDD1DULL;

/* xorshift64*: 0 .. n-1, the same sequence on every run */
static inline unsigned rnd(unsigned n)
{
    bench_rng ^= bench_rng >> 12;
    bench_rng ^= bench_rng << 25;
    bench_rng ^= bench_rng >> 27;
    return (unsigned)((bench_rng * 2685821657736338717ULL) >> 33) % n;
}

static inline double clock_seconds(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static inline double cpu_now(void)
{
    return clock_seconds(CLOCK_THREAD_CPUTIME_ID);
}

static inline double wall_now(void)
{
    return clock_seconds(CLOCK_MONOTONIC);
}

#define PICK(a) (a)[rnd((unsigned)(sizeof(a) / sizeof((a)[0])))]

#endif
