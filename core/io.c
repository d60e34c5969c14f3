/* Whole-file reads with a size cap, and writes that replace a file whole or
 * leave it untouched (temporary file in the same folder, then rename). */
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

int evg_write_file_atomic(const char *path, const void *data, size_t len,
                          evg_error *err)
{
    if (strcmp(path, "-") == 0) {
        if (len && fwrite(data, 1, len, stdout) != len)
            return evg_error_set(err, EVG_EIO, "<stdout>: write failed: %s",
                                 strerror(errno));
        return 0;
    }
    size_t plen = strlen(path);
    char *tmp = malloc(plen + 16);
    if (!tmp)
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    snprintf(tmp, plen + 16, "%s.tmpXXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        int e = errno;
        free(tmp);
        return evg_error_set(err, EVG_EIO, "%s: cannot write: %s", path,
                             strerror(e));
    }
    int rc = 0;
    const char *p = data;
    size_t left = len;
    while (left) {
        ssize_t w = write(fd, p, left);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            rc = evg_error_set(err, EVG_EIO, "%s: write failed: %s", path,
                               strerror(errno));
            break;
        }
        p += w;
        left -= (size_t)w;
    }
    /* mkstemp makes 0600; outputs are ordinary files */
    if (!rc && fchmod(fd, 0644) != 0)
        rc = evg_error_set(err, EVG_EIO, "%s: chmod failed: %s", path,
                           strerror(errno));
    if (close(fd) != 0 && !rc)
        rc = evg_error_set(err, EVG_EIO, "%s: write failed: %s", path,
                           strerror(errno));
    if (!rc && rename(tmp, path) != 0)
        rc = evg_error_set(err, EVG_EIO, "%s: cannot replace: %s", path,
                           strerror(errno));
    if (rc)
        unlink(tmp);
    free(tmp);
    return rc;
}
