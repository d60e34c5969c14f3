/* Error codes and the caller-owned error record every fallible evgraph call
 * fills; shared by all modules, no global state. */
#ifndef EVGRAPH_ERROR_H
#define EVGRAPH_ERROR_H

#include "evgraph/export.h"

#ifdef __cplusplus
extern "C" {
#endif

enum {
    EVG_OK = 0,
    EVG_ENOMEM = -1,  /* out of memory */
    EVG_EINVAL = -2,  /* invalid argument (a bug in the caller) */
    EVG_EIO = -3,     /* reading or writing a file failed */
    EVG_ELIMIT = -4,  /* an input went past a configured limit */
    EVG_EDEP = -5,    /* igraph, Graphviz or cJSON reported a failure */
    EVG_EPARSE = -6,  /* malformed input (JSON, TimeML, options) */
    EVG_EUTF8 = -7,   /* input is not valid UTF-8 */
    EVG_EEMPTY = -8,  /* input holds no text */
    EVG_ESCHEMA = -9  /* an event store of another schema version */
};

#define EVG_ERROR_MSG_MAX 256

/* Filled by a failing call when the caller passes one; `line` and `column`
 * are 1-based positions in the input when known, else 0; `offset` is a byte
 * offset when known, else -1. */
typedef struct evg_error {
    int code;
    long line;
    long column;
    long long offset;
    char message[EVG_ERROR_MSG_MAX];
} evg_error;

/* Resets `err` to "no error". Accepts NULL. */
EVG_API void evg_error_clear(evg_error *err);

/* Records `code` and a printf-style message in `err` (if not NULL) and
 * returns `code`, so callers can write `return evg_error_set(...)`. */
EVG_API int evg_error_set(evg_error *err, int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* A short static description of an EVG_E* code. */
EVG_API const char *evg_strerror(int code);

#ifdef __cplusplus
}
#endif
#endif
