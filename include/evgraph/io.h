/* File input and output helpers shared by the library and the command line:
 * capped whole-file reads and atomic (temporary file + rename) writes. */
#ifndef EVGRAPH_IO_H
#define EVGRAPH_IO_H

#include "evgraph/export.h"

#include <stddef.h>
#include <stdio.h>

#include "evgraph/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Reads all of `path` ("-" or NULL: stdin) into a malloc'd, NUL-terminated
 * buffer `*out` of `*len` bytes. More than `max` bytes: EVG_ELIMIT. Failure
 * to read: EVG_EIO with the system's reason. The caller frees `*out`. */
EVG_API int evg_read_file(const char *path, size_t max, char **out, size_t *len,
                  evg_error *err);

/* Writes `len` bytes to `path`. A regular file (or a new one) is written
 * through a temporary file in the same folder and a rename, so an existing
 * file is replaced whole or not at all; it keeps its mode, and a new file
 * gets 0666 less the umask. A symlink to a regular file is followed (the
 * file it points to is replaced, the link stays). Devices, FIFOs and
 * sockets (/dev/null, /dev/stdout, >(gzip)) are written in place. "-"
 * writes to stdout. EVG_EIO. */
EVG_API int evg_write_file_atomic(const char *path, const void *data, size_t len,
                          evg_error *err);

/* Writes `n` files as one (an evg_outset with the `n` buffers): if any
 * write fails (a full disk), no old file is touched and no temporary file
 * is left. EVG_EIO, EVG_ENOMEM. */
EVG_API int evg_write_files_atomic(const char *const *paths,
                                   const void *const *data,
                                   const size_t *lens, size_t n,
                                   evg_error *err);

/* Streamed output with the promises of evg_write_file_atomic: opens
 * `path` for writing (a regular file through a temporary file beside it;
 * devices, FIFOs, descriptor paths and "-" directly). Write to
 * evg_out_file(); evg_out_close() with `keep` renames the temporary file
 * over the target (keeping its mode), without `keep` removes it, leaving
 * the old file untouched. EVG_EIO, EVG_ENOMEM. */
typedef struct evg_out evg_out;
EVG_API int evg_out_open(const char *path, evg_out **out, evg_error *err);
EVG_API FILE *evg_out_file(evg_out *o);
EVG_API int evg_out_close(evg_out *o, int keep, evg_error *err);

/* Several streamed outputs that replace their targets together: each is
 * written, as it is made, into a temporary file (beside a regular or new
 * target; for a device, FIFO, descriptor path or "-", an anonymous one),
 * and evg_outset_commit() renames them all over their targets only when
 * every one is complete, then copies the others to their devices. If a
 * write or the commit fails (a full disk), no old file has been touched
 * and evg_outset_free() removes the temporary files.
 *
 * evg_outset_add() opens `path` as the next output and sets `*f` to the
 * stream to write to (borrowed: valid until the commit or the free); a
 * folder or an unwritable place is EVG_EIO at once. evg_outset_commit():
 * EVG_EIO naming the output that failed. evg_outset_free() accepts NULL
 * and removes what was not committed. */
typedef struct evg_outset evg_outset;
EVG_API int evg_outset_new(evg_outset **out, evg_error *err);
EVG_API int evg_outset_add(evg_outset *s, const char *path, FILE **f,
                           evg_error *err);
EVG_API int evg_outset_commit(evg_outset *s, evg_error *err);
EVG_API void evg_outset_free(evg_outset *s);

/* Checks that `s` (`len` bytes) is valid UTF-8. Returns 1 if it is; else 0
 * with the offset of the first bad byte in `*bad` (if not NULL). */
EVG_API int evg_utf8_valid(const char *s, size_t len, size_t *bad);

#ifdef __cplusplus
}
#endif
#endif
