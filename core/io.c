/* Whole-file reads with a size cap, and writes that replace a file whole or
 * leave it untouched (temporary file in the same folder, then rename). */
/* realpath(3) is X/Open */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core.h"
#include "evgraph/io.h"

int evg_read_file(const char *path, size_t max, char **out, size_t *len,
                  evg_error *err)
{
    *out = NULL;
    *len = 0;
    int use_stdin = !path || strcmp(path, "-") == 0;
    const char *name = use_stdin ? "<stdin>" : path;
    FILE *f = use_stdin ? stdin : fopen(path, "rb");
    if (!f)
        return evg_error_set(err, EVG_EIO, "%s: cannot open: %s", name,
                             strerror(errno));
    if (!use_stdin) {
        struct stat st;
        if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
            fclose(f);
            return evg_error_set(err, EVG_EIO, "%s: is a directory", name);
        }
    }
    evg_buf b;
    evg_buf_init(&b, max);
    char chunk[65536];
    int rc = 0;
    for (;;) {
        size_t n = fread(chunk, 1, sizeof(chunk), f);
        if (n && evg_buf_append(&b, chunk, n)) {
            rc = b.failed == EVG_ELIMIT
                     ? evg_error_set(err, EVG_ELIMIT,
                                     "%s: larger than the limit of %zu bytes",
                                     name, max)
                     : evg_error_set(err, EVG_ENOMEM, "%s: out of memory",
                                     name);
            break;
        }
        if (n < sizeof(chunk)) {
            if (ferror(f))
                rc = evg_error_set(err, EVG_EIO, "%s: read failed: %s", name,
                                   strerror(errno));
            break;
        }
    }
    if (!use_stdin)
        fclose(f);
    if (rc) {
        evg_buf_dispose(&b);
        return rc;
    }
    *out = evg_buf_steal(&b, len);
    if (!*out)
        return evg_error_set(err, EVG_ENOMEM, "%s: out of memory", name);
    return 0;
}

/* The descriptor a /dev/stdout, /dev/stderr, /dev/fd/N or /proc/self/fd/N
 * path names, or -1. Such a path is written through the descriptor itself:
 * opened anew it could be truncated or written from its start ('>>'). */
static int fd_path(const char *path)
{
    if (strcmp(path, "/dev/stdout") == 0)
        return 1;
    if (strcmp(path, "/dev/stderr") == 0)
        return 2;
    const char *n = NULL;
    if (strncmp(path, "/dev/fd/", 8) == 0)
        n = path + 8;
    else if (strncmp(path, "/proc/self/fd/", 14) == 0)
        n = path + 14;
    if (!n || !*n || strlen(n) > 6)
        return -1;
    int fd = 0;
    for (; *n; n++) {
        if (*n < '0' || *n > '9')
            return -1;
        fd = fd * 10 + (*n - '0');
    }
    return fd;
}

/* The process's umask (read by setting it and setting it back). */
static mode_t current_umask(void)
{
    mode_t m = umask(022);
    umask(m);
    return m;
}

/* ---- streamed output with the same promises ---- */

struct evg_out {
    FILE *f;
    int is_stdout;
    char *path;   /* for messages */
    char *tmp;    /* the temporary file, renamed over `target` at the end */
    int fd;       /* its descriptor (under `f`) */
    char *target;
    int exists;   /* `target` existed: keep its mode and owner */
    int deferred; /* in a set: written to its device at the commit */
    struct stat st;
};

/* Whether `path` is written in place (stdout, a descriptor path, a
 * device, FIFO or socket, what a dangling link names) rather than through
 * a temporary file beside it; sets o->exists and o->st. */
static int in_place(const char *path, evg_out *o)
{
    struct stat lst;
    if (strcmp(path, "-") == 0 || fd_path(path) >= 0)
        return 1;
    if ((o->exists = stat(path, &o->st) == 0))
        return !S_ISREG(o->st.st_mode) && !S_ISDIR(o->st.st_mode);
    return lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode);
}

/* Opens `path`. With `defer`, a target written in place gets an anonymous
 * temporary file instead (evg_outset: nothing reaches it before the
 * commit). */
static int out_open(const char *path, int defer, evg_out **out,
                    evg_error *err)
{
    *out = NULL;
    evg_out *o = calloc(1, sizeof(*o));
    if (!o || !(o->path = strdup(path))) {
        free(o);
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    }
    int rc = 0, fd0 = fd_path(path);
    int direct = in_place(path, o);
    if (o->exists && S_ISDIR(o->st.st_mode)) {
        rc = evg_error_set(err, EVG_EIO, "%s: is a directory", path);
    } else if (direct && defer) {
        o->deferred = 1;
        if (!(o->f = tmpfile()))
            rc = evg_error_set(err, EVG_EIO, "%s: cannot make a temporary "
                               "file: %s", path, strerror(errno));
    } else if (strcmp(path, "-") == 0 || fd0 == 1) {
        o->f = stdout;
        o->is_stdout = 1;
    } else if (fd0 >= 0) {
        int fd = dup(fd0);
        if (fd < 0 || !(o->f = fdopen(fd, "w"))) {
            rc = evg_error_set(err, EVG_EIO, "%s: cannot write: %s", path,
                               strerror(errno));
            if (fd >= 0)
                close(fd);
        }
    } else if (direct) {
        /* a device or FIFO, or what a dangling link names: in place */
        if (!(o->f = fopen(path, "w")))
            rc = evg_error_set(err, EVG_EIO, "%s: cannot write: %s", path,
                               strerror(errno));
    } else {
        struct stat lst;
        int link = lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode);
        o->target = link ? realpath(path, NULL) : strdup(path);
        size_t n = o->target ? strlen(o->target) + 16 : 0;
        int fd = -1;
        if (!o->target && link)
            rc = evg_error_set(err, EVG_EIO, "%s: cannot resolve: %s", path,
                               strerror(errno));
        else if (!o->target || !(o->tmp = malloc(n)))
            rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
        else {
            snprintf(o->tmp, n, "%s.tmpXXXXXX", o->target);
            o->fd = fd = mkstemp(o->tmp);
            if (fd < 0 || !(o->f = fdopen(fd, "w"))) {
                rc = evg_error_set(err, EVG_EIO, "%s: cannot write: %s",
                                   path, strerror(errno));
                if (fd >= 0) {
                    close(fd);
                    unlink(o->tmp);
                }
                free(o->tmp);
                o->tmp = NULL;
            }
        }
    }
    if (rc) {
        free(o->target);
        free(o->path);
        free(o);
        return rc;
    }
    *out = o;
    return 0;
}

int evg_out_open(const char *path, evg_out **out, evg_error *err)
{
    return out_open(path, 0, out, err);
}

FILE *evg_out_file(evg_out *o)
{
    return o ? o->f : NULL;
}

/* Completes the writing: the temporary file gets the old file's mode
 * (and owner) and is flushed and closed, ready to be renamed; stdout is
 * flushed; a deferred output's temporary file is flushed and kept open.
 * Any write error (a full disk) is reported here. */
static int out_finish(evg_out *o, evg_error *err)
{
    int rc = 0;
    if (o->is_stdout) {
        if (fflush(stdout) != 0)
            rc = evg_error_set(err, EVG_EIO, "<stdout>: write failed: %s",
                               strerror(errno));
        return rc;
    }
    if (o->tmp) {
        int fd = o->fd;
        if (o->exists && fchown(fd, o->st.st_uid, o->st.st_gid) != 0 &&
            fchown(fd, (uid_t)-1, o->st.st_gid) != 0)
            errno = 0; /* not allowed: the file becomes ours */
        mode_t mode = o->exists ? (o->st.st_mode & 07777)
                                : (0666 & ~current_umask());
        if (fchmod(fd, mode) != 0)
            rc = evg_error_set(err, EVG_EIO, "%s: chmod failed: %s", o->path,
                               strerror(errno));
    }
    int bad = ferror(o->f) || fflush(o->f) != 0;
    int e = errno;
    if (!o->deferred) {
        if (fclose(o->f) != 0 && !bad) {
            bad = 1;
            e = errno;
        }
        o->f = NULL;
    }
    if (bad && !rc)
        rc = evg_error_set(err, EVG_EIO, "%s: write failed: %s", o->path,
                           strerror(e ? e : EIO));
    return rc;
}

/* Renames a finished temporary file over its target. */
static int out_replace(evg_out *o, evg_error *err)
{
    if (!o->tmp)
        return 0;
    if (rename(o->tmp, o->target) != 0)
        return evg_error_set(err, EVG_EIO, "%s: cannot replace: %s", o->path,
                             strerror(errno));
    free(o->tmp); /* renamed: nothing to remove */
    o->tmp = NULL;
    return 0;
}

/* Closes what is open, removes a temporary file left and frees `o`. */
static void out_discard(evg_out *o)
{
    if (!o)
        return;
    if (o->f && !o->is_stdout)
        fclose(o->f);
    if (o->tmp)
        unlink(o->tmp);
    free(o->tmp);
    free(o->target);
    free(o->path);
    free(o);
}

int evg_out_close(evg_out *o, int keep, evg_error *err)
{
    if (!o)
        return 0;
    int rc = out_finish(o, err);
    if (!rc && keep)
        rc = out_replace(o, err);
    out_discard(o);
    return rc;
}

/* ---- a set of outputs that replace their targets together ---- */

struct evg_outset {
    evg_out **v;
    size_t n, cap;
};

int evg_outset_new(evg_outset **out, evg_error *err)
{
    if (!(*out = calloc(1, sizeof(**out))))
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    return 0;
}

int evg_outset_add(evg_outset *s, const char *path, FILE **f, evg_error *err)
{
    *f = NULL;
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 8;
        evg_out **v = realloc(s->v, cap * sizeof(*v));
        if (!v)
            return evg_error_set(err, EVG_ENOMEM, "out of memory");
        s->v = v;
        s->cap = cap;
    }
    evg_out *o;
    int rc = out_open(path, 1, &o, err);
    if (rc)
        return rc;
    s->v[s->n++] = o;
    *f = o->f;
    return 0;
}

/* Copies a deferred output's temporary file to its real target. */
static int out_deliver(evg_out *o, evg_error *err)
{
    evg_out *d;
    int rc = out_open(o->path, 0, &d, err);
    if (rc)
        return rc;
    char chunk[65536];
    rewind(o->f);
    size_t n;
    while ((n = fread(chunk, 1, sizeof(chunk), o->f)) > 0)
        if (fwrite(chunk, 1, n, d->f) != n)
            break;
    if (ferror(o->f))
        rc = evg_error_set(err, EVG_EIO, "%s: cannot read back: %s", o->path,
                           strerror(errno));
    int e = evg_out_close(d, !rc, rc ? NULL : err);
    return rc ? rc : e;
}

int evg_outset_commit(evg_outset *s, evg_error *err)
{
    int rc = 0;
    size_t i;
    /* every output is complete before any old one is replaced */
    for (i = 0; i < s->n && !rc; i++)
        rc = out_finish(s->v[i], err);
    for (i = 0; i < s->n && !rc; i++)
        rc = out_replace(s->v[i], err);
    for (i = 0; i < s->n && !rc; i++)
        if (s->v[i]->deferred)
            rc = out_deliver(s->v[i], err);
    return rc;
}

void evg_outset_free(evg_outset *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++)
        out_discard(s->v[i]);
    free(s->v);
    free(s);
}

int evg_write_file_atomic(const char *path, const void *data, size_t len,
                          evg_error *err)
{
    evg_out *o;
    int rc = evg_out_open(path, &o, err);
    if (rc)
        return rc;
    int bad = len && fwrite(data, 1, len, o->f) != len;
    int e = errno;
    if (bad) {
        evg_error_set(err, EVG_EIO, "%s: write failed: %s",
                      strcmp(path, "-") == 0 ? "<stdout>" : path,
                      strerror(e));
        evg_out_close(o, 0, NULL);
        return EVG_EIO;
    }
    return evg_out_close(o, 1, err);
}

int evg_write_files_atomic(const char *const *paths, const void *const *data,
                           const size_t *lens, size_t n, evg_error *err)
{
    evg_outset *s;
    int rc = evg_outset_new(&s, err);
    for (size_t i = 0; i < n && !rc; i++) {
        FILE *f;
        if (!(rc = evg_outset_add(s, paths[i], &f, err)) && lens[i] &&
            fwrite(data[i], 1, lens[i], f) != lens[i])
            rc = evg_error_set(err, EVG_EIO, "%s: write failed: %s",
                               paths[i], strerror(errno));
    }
    if (!rc)
        rc = evg_outset_commit(s, err);
    evg_outset_free(s);
    return rc;
}
