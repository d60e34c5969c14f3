/* Fault injection for the tests: preloaded (LD_PRELOAD), it lets write(2)
 * to files (descriptors above 2) put out EVG_FAULT_WRITE_BUDGET bytes in
 * all, then fails with ENOSPC, as a disk that fills up part-way would. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

ssize_t write(int fd, const void *buf, size_t n);

ssize_t write(int fd, const void *buf, size_t n)
{
    static ssize_t (*real)(int, const void *, size_t);
    static long long budget = -2; /* -2: not read yet; -1: no limit */
    if (!real)
        *(void **)&real = dlsym(RTLD_NEXT, "write");
    if (fd > 2) {
        if (budget == -2) {
            const char *e = getenv("EVG_FAULT_WRITE_BUDGET");
            budget = e ? atoll(e) : -1;
        }
        if (budget >= 0) {
            if (budget == 0) {
                errno = ENOSPC;
                return -1;
            }
            if ((long long)n > budget)
                n = (size_t)budget;
            budget -= (long long)n;
        }
    }
    return real(fd, buf, n);
}
