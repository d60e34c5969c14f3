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

/* Writes `n` files as one: each regular (or new) file is first written
 * beside its target, and only when every one is complete are they renamed
 * over the old files; if any write fails (a full disk), no old file is
 * touched and no temporary file is left. Devices and FIFOs among them are
 * written in place after the renames. EVG_EIO, EVG_ENOMEM. */
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

/* Checks that `s` (`len` bytes) is valid UTF-8. Returns 1 if it is; else 0
 * with the offset of the first bad byte in `*bad` (if not NULL). */
EVG_API int evg_utf8_valid(const char *s, size_t len, size_t *bad);

#ifdef __cplusplus
}
#endif
#endif
