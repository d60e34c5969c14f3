/* Fault injection for the tests: preloaded (LD_PRELOAD), it lets writes
 * to files (descriptors above 2) put out EVG_FAULT_WRITE_BUDGET bytes in
 * all, then fails them with ENOSPC, as a disk that fills up part-way
 * would. It covers write(2), pwrite(2) (SQLite's) and the stdio streams the program opens with
 * fdopen(3) or fopen(3): glibc's stdio writes through an internal call a
 * preloaded write() never sees, so those streams are made over the
 * budgeted write() with fopencookie(3).
 *
 * With EVG_FAULT_KILL_ON=TEXT, the process kills itself (SIGKILL, before
 * writing) at the first pwrite(2) to a file whose bytes hold TEXT: a
 * kill at a known moment, e.g. while SQLite writes the commit of the
 * document whose id is TEXT. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

ssize_t write(int fd, const void *buf, size_t n);
ssize_t pwrite(int fd, const void *buf, size_t n, off_t at);
ssize_t pwrite64(int fd, const void *buf, size_t n, off_t at);
FILE *fdopen(int fd, const char *mode);
FILE *fopen(const char *path, const char *mode);

/* -1: no limit (the variable is not set) */
static long long budget(void)
{
    static long long b = -2; /* -2: not read yet */
    if (b == -2) {
        const char *e = getenv("EVG_FAULT_WRITE_BUDGET");
        b = e ? atoll(e) : -1;
    }
    return b;
}

static long long left = -2;

/* How much of `n` bytes may go to `fd` now; -1 with errno ENOSPC once
 * the budget is spent. */
static long long allowed(int fd, size_t n)
{
    if (fd > 2 && budget() >= 0) {
        if (left == -2)
            left = budget();
        if (left == 0) {
            errno = ENOSPC;
            return -1;
        }
        if ((long long)n > left)
            n = (size_t)left;
        left -= (long long)n;
    }
    return (long long)n;
}

ssize_t write(int fd, const void *buf, size_t n)
{
    static ssize_t (*real)(int, const void *, size_t);
    if (!real)
        *(void **)&real = dlsym(RTLD_NEXT, "write");
    long long k = allowed(fd, n);
    return k < 0 ? -1 : real(fd, buf, (size_t)k);
}

/* Kills the process when `buf` holds EVG_FAULT_KILL_ON's text. */
static void kill_on(int fd, const void *buf, size_t n)
{
    static const char *mark = (const char *)-1;
    if (mark == (const char *)-1)
        mark = getenv("EVG_FAULT_KILL_ON");
    if (fd > 2 && mark && *mark && memmem(buf, n, mark, strlen(mark)))
        raise(SIGKILL);
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t at)
{
    kill_on(fd, buf, n);
    static ssize_t (*real)(int, const void *, size_t, off_t);
    if (!real)
        *(void **)&real = dlsym(RTLD_NEXT, "pwrite");
    long long k = allowed(fd, n);
    return k < 0 ? -1 : real(fd, buf, (size_t)k, at);
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off_t at)
{
    kill_on(fd, buf, n);
    static ssize_t (*real)(int, const void *, size_t, off_t);
    if (!real)
        *(void **)&real = dlsym(RTLD_NEXT, "pwrite64");
    long long k = allowed(fd, n);
    return k < 0 ? -1 : real(fd, buf, (size_t)k, at);
}

/* ---- stdio streams over the budgeted write() ---- */

static ssize_t cookie_read(void *c, char *buf, size_t n)
{
    return read(*(int *)c, buf, n);
}

/* As the kernel would: whole writes until the budget runs out, then a
 * short count (stdio's error) with errno ENOSPC from the write after. */
static ssize_t cookie_write(void *c, const char *buf, size_t n)
{
    size_t done = 0;
    while (done < n) {
        ssize_t w = write(*(int *)c, buf + done, n - done);
        if (w <= 0)
            break;
        done += (size_t)w;
    }
    return (ssize_t)done;
}

static int cookie_seek(void *c, off64_t *at, int whence)
{
    off64_t r = lseek64(*(int *)c, *at, whence);
    if (r < 0)
        return -1;
    *at = r;
    return 0;
}

static int cookie_close(void *c)
{
    int r = close(*(int *)c);
    free(c);
    return r;
}

/* A stream for writing to `fd` through write(), or NULL (then the real
 * call is made). */
static FILE *budgeted(int fd, const char *mode)
{
    if (fd <= 2 || budget() < 0 || !strpbrk(mode, "wa+"))
        return NULL;
    int *c = malloc(sizeof(*c));
    if (!c)
        return NULL;
    *c = fd;
    cookie_io_functions_t io = {cookie_read, cookie_write, cookie_seek,
                                cookie_close};
    FILE *f = fopencookie(c, mode, io);
    if (!f)
        free(c);
    return f;
}

FILE *fdopen(int fd, const char *mode)
{
    static FILE *(*real)(int, const char *);
    if (!real)
        *(void **)&real = dlsym(RTLD_NEXT, "fdopen");
    FILE *f = budgeted(fd, mode);
    return f ? f : real(fd, mode);
}

FILE *fopen(const char *path, const char *mode)
{
    static FILE *(*real)(const char *, const char *);
    if (!real)
        *(void **)&real = dlsym(RTLD_NEXT, "fopen");
    if (budget() < 0 || !strpbrk(mode, "wa"))
        return real(path, mode);
    int flags = (strchr(mode, '+') ? O_RDWR : O_WRONLY) | O_CREAT |
                (strchr(mode, 'a') ? O_APPEND : O_TRUNC);
    int fd = open(path, flags, 0666);
    if (fd < 0)
        return NULL;
    FILE *f = budgeted(fd, mode);
    if (!f)
        close(fd);
    return f;
}
