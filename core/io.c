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

/* Writes all of `data` to `fd`; 0 or an errno value. */
static int write_all(int fd, const void *data, size_t len)
{
    const char *p = data;
    while (len) {
        ssize_t w = write(fd, p, len);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        p += w;
        len -= (size_t)w;
    }
    return 0;
}

/* Devices, FIFOs, sockets and the target of a dangling symlink are written
 * through as they are: replacing them would turn /dev/null into a regular
 * file, or leave a FIFO's reader with nothing. */
static int write_in_place(const char *path, const void *data, size_t len,
                          int flags, evg_error *err)
{
    int fd = open(path, O_WRONLY | O_NOCTTY | flags, 0666);
    if (fd < 0)
        return evg_error_set(err, EVG_EIO, "%s: cannot write: %s", path,
                             strerror(errno));
    int e = write_all(fd, data, len);
    if (close(fd) != 0 && !e)
        e = errno;
    if (e)
        return evg_error_set(err, EVG_EIO, "%s: write failed: %s", path,
                             strerror(e));
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

/* A file written beside its target, waiting to be renamed over it. */
typedef struct staged {
    char *tmp;    /* NULL: nothing staged (written in place, or failed) */
    char *target; /* the path itself, or the file its symlink points to */
} staged;

static void unstage(staged *sg)
{
    if (sg->tmp)
        unlink(sg->tmp);
    free(sg->tmp);
    free(sg->target);
    sg->tmp = sg->target = NULL;
}

/* Writes `data` where `path` wants it: "-", descriptor paths, devices,
 * FIFOs and dangling symlinks at once (*in_place = 1); a regular or new
 * file into a temporary file beside it (`sg`), renamed by the caller. */
static int stage(const char *path, const void *data, size_t len, staged *sg,
                 int *in_place, evg_error *err)
{
    sg->tmp = sg->target = NULL;
    *in_place = 1;
    if (strcmp(path, "-") == 0) {
        if (len && fwrite(data, 1, len, stdout) != len)
            return evg_error_set(err, EVG_EIO, "<stdout>: write failed: %s",
                                 strerror(errno));
        if (fflush(stdout) != 0)
            return evg_error_set(err, EVG_EIO, "<stdout>: write failed: %s",
                                 strerror(errno));
        return 0;
    }
    int fd0 = fd_path(path);
    if (fd0 >= 0) {
        if (fd0 == 1)
            fflush(stdout);
        int e = fcntl(fd0, F_GETFL) < 0 ? errno : write_all(fd0, data, len);
        if (e)
            return evg_error_set(err, EVG_EIO, "%s: write failed: %s", path,
                                 strerror(e));
        return 0;
    }
    struct stat st, lst;
    int exists = stat(path, &st) == 0; /* through symlinks */
    if (exists && S_ISDIR(st.st_mode))
        return evg_error_set(err, EVG_EIO, "%s: is a directory", path);
    if (exists && !S_ISREG(st.st_mode))
        return write_in_place(path, data, len, O_TRUNC, err);
    char *real = NULL;
    if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)) {
        if (!exists) /* a dangling link: create what it points to */
            return write_in_place(path, data, len, O_CREAT | O_TRUNC, err);
        /* replace the file the link points to; the link stays */
        if (!(real = realpath(path, NULL)))
            return evg_error_set(err, EVG_EIO, "%s: cannot resolve: %s",
                                 path, strerror(errno));
    }
    *in_place = 0;
    sg->target = real ? real : strdup(path);
    size_t plen = sg->target ? strlen(sg->target) : 0;
    if (!sg->target || !(sg->tmp = malloc(plen + 16))) {
        unstage(sg);
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    }
    snprintf(sg->tmp, plen + 16, "%s.tmpXXXXXX", sg->target);
    int rc = 0;
    int fd = mkstemp(sg->tmp);
    if (fd < 0) {
        rc = evg_error_set(err, EVG_EIO, "%s: cannot write: %s", path,
                           strerror(errno));
        free(sg->tmp);
        sg->tmp = NULL;
        unstage(sg);
        return rc;
    }
    int e = write_all(fd, data, len);
    if (e)
        rc = evg_error_set(err, EVG_EIO, "%s: write failed: %s", path,
                           strerror(e));
    /* mkstemp makes 0600: a replaced file keeps its mode (and owner, when
     * allowed); a new one gets 0666 less the umask, as with open(2) */
    if (!rc && exists && fchown(fd, st.st_uid, st.st_gid) != 0 &&
        fchown(fd, (uid_t)-1, st.st_gid) != 0)
        errno = 0; /* not allowed: the file becomes ours, as on a rewrite */
    mode_t mode = exists ? (st.st_mode & 07777) : (0666 & ~current_umask());
    if (!rc && fchmod(fd, mode) != 0)
        rc = evg_error_set(err, EVG_EIO, "%s: chmod failed: %s", path,
                           strerror(errno));
    if (close(fd) != 0 && !rc)
        rc = evg_error_set(err, EVG_EIO, "%s: write failed: %s", path,
                           strerror(errno));
    if (rc)
        unstage(sg);
    return rc;
}

static int commit(const char *path, staged *sg, evg_error *err)
{
    int rc = 0;
    if (rename(sg->tmp, sg->target) != 0)
        rc = evg_error_set(err, EVG_EIO, "%s: cannot replace: %s", path,
                           strerror(errno));
    else {
        free(sg->tmp); /* renamed: nothing to remove */
        sg->tmp = NULL;
    }
    unstage(sg);
    return rc;
}

int evg_write_file_atomic(const char *path, const void *data, size_t len,
                          evg_error *err)
{
    staged sg;
    int in_place;
    int rc = stage(path, data, len, &sg, &in_place, err);
    if (rc || in_place)
        return rc;
    return commit(path, &sg, err);
}

int evg_write_files_atomic(const char *const *paths, const void *const *data,
                           const size_t *lens, size_t n, evg_error *err)
{
    staged *sg = calloc(n ? n : 1, sizeof(*sg));
    if (!sg)
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    int rc = 0;
    size_t i;
    /* every regular file is written beside its target first; only when
     * all are complete do they replace the old ones */
    for (i = 0; i < n && !rc; i++) {
        struct stat st;
        if (stat(paths[i], &st) == 0 && !S_ISREG(st.st_mode) &&
            !S_ISDIR(st.st_mode))
            continue; /* a device or FIFO: written in place, last */
        int in_place;
        rc = stage(paths[i], data[i], lens[i], &sg[i], &in_place, err);
    }
    for (i = 0; i < n && !rc; i++)
        if (sg[i].tmp)
            rc = commit(paths[i], &sg[i], err);
    for (i = 0; i < n && !rc; i++) {
        struct stat st;
        if (stat(paths[i], &st) == 0 && !S_ISREG(st.st_mode) &&
            !S_ISDIR(st.st_mode))
            rc = evg_write_file_atomic(paths[i], data[i], lens[i], err);
    }
    for (i = 0; i < n; i++)
        unstage(&sg[i]);
    free(sg);
    return rc;
}

/* ---- streamed output with the same promises ---- */

struct evg_out {
    FILE *f;
    int is_stdout;
    char *path;   /* for messages */
    char *tmp;    /* the temporary file, renamed over `target` at the end */
    char *target;
    int exists;   /* `target` existed: keep its mode and owner */
    struct stat st;
};

int evg_out_open(const char *path, evg_out **out, evg_error *err)
{
    *out = NULL;
    evg_out *o = calloc(1, sizeof(*o));
    if (!o || !(o->path = strdup(path))) {
        free(o);
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    }
    int rc = 0, fd0 = fd_path(path);
    struct stat lst;
    if (strcmp(path, "-") == 0 || fd0 == 1) {
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
    } else if ((o->exists = stat(path, &o->st) == 0) &&
               S_ISDIR(o->st.st_mode)) {
        rc = evg_error_set(err, EVG_EIO, "%s: is a directory", path);
    } else if ((o->exists && !S_ISREG(o->st.st_mode)) ||
               (!o->exists && lstat(path, &lst) == 0 &&
                S_ISLNK(lst.st_mode))) {
        /* a device or FIFO, or what a dangling link names: in place */
        if (!(o->f = fopen(path, "w")))
            rc = evg_error_set(err, EVG_EIO, "%s: cannot write: %s", path,
                               strerror(errno));
    } else {
        int link = lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode);
        o->target = link ? realpath(path, NULL) : strdup(path);
        size_t n = o->target ? strlen(o->target) + 16 : 0;
        int fd = -1;
        if (!o->target || !(o->tmp = malloc(n)))
            rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
        else {
            snprintf(o->tmp, n, "%s.tmpXXXXXX", o->target);
            if ((fd = mkstemp(o->tmp)) < 0 || !(o->f = fdopen(fd, "w"))) {
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

FILE *evg_out_file(evg_out *o)
{
    return o ? o->f : NULL;
}

int evg_out_close(evg_out *o, int keep, evg_error *err)
{
    if (!o)
        return 0;
    int rc = 0;
    if (o->is_stdout) {
        if (fflush(stdout) != 0)
            rc = evg_error_set(err, EVG_EIO, "<stdout>: write failed: %s",
                               strerror(errno));
    } else {
        if (o->tmp && keep) {
            int fd = fileno(o->f);
            if (o->exists && fchown(fd, o->st.st_uid, o->st.st_gid) != 0 &&
                fchown(fd, (uid_t)-1, o->st.st_gid) != 0)
                errno = 0; /* not allowed: the file becomes ours */
            mode_t mode = o->exists ? (o->st.st_mode & 07777)
                                    : (0666 & ~current_umask());
            if (fchmod(fd, mode) != 0)
                rc = evg_error_set(err, EVG_EIO, "%s: chmod failed: %s",
                                   o->path, strerror(errno));
        }
        int bad = ferror(o->f) || fflush(o->f) != 0;
        int e = errno;
        if (fclose(o->f) != 0 && !bad) {
            bad = 1;
            e = errno;
        }
        if (bad && !rc)
            rc = evg_error_set(err, EVG_EIO, "%s: write failed: %s", o->path,
                               strerror(e ? e : EIO));
        if (o->tmp) {
            if (!rc && keep && rename(o->tmp, o->target) != 0)
                rc = evg_error_set(err, EVG_EIO, "%s: cannot replace: %s",
                                   o->path, strerror(errno));
            if (rc || !keep)
                unlink(o->tmp);
        }
    }
    free(o->tmp);
    free(o->target);
    free(o->path);
    free(o);
    return rc;
}
