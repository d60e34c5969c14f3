/* Where articles come from: plain text files, stdin, folders of *.txt,
 * JSON Lines records (one article a line) and TimeML .tml files. */
#ifndef EVGRAPH_INPUT_H
#define EVGRAPH_INPUT_H

#include "evgraph/export.h"

#include <stddef.h>

#include "evgraph/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One article as read; all pointers borrowed from the reader and valid until
 * the next evg_input_next() or evg_input_free(). */
typedef struct evg_article {
    const char *id;     /* record id, or the file name without folder */
    const char *path;   /* file it came from ("-" for stdin) */
    const char *text;
    size_t len;
    const char *dct;    /* "YYYY-MM-DD" from the record or TimeML, or NULL */
    const char *title;
    const char *url;
    const char *source;
    long line;          /* JSON Lines line number, else 0 */
} evg_article;

typedef struct evg_input evg_input;

/* Opens `path` ("-" for stdin; a folder is walked recursively for *.txt,
 * *.jsonl and *.tml in name order). Records of `max_bytes` or more are an
 * error. EVG_EIO, EVG_ENOMEM. Free with evg_input_free(). */
EVG_API int evg_input_open(const char *path, size_t max_bytes, evg_input **out,
                   evg_error *err);

/* Reads the next article into `art`: returns 1, or 0 at the end, or a
 * negative EVG_E* code (EVG_EPARSE for a malformed record, which skips it:
 * the caller may go on). */
EVG_API int evg_input_next(evg_input *in, evg_article *art, evg_error *err);

EVG_API void evg_input_free(evg_input *in);

#ifdef __cplusplus
}
#endif
#endif
