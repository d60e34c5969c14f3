/* The error record and code names used by every module. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "evgraph/error.h"
#include "evgraph/version.h"
#include "core.h"

void evg_error_clear(evg_error *err)
{
    if (!err)
        return;
    memset(err, 0, sizeof(*err));
    err->offset = -1;
}

int evg_error_set(evg_error *err, int code, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        err->code = code;
        va_start(ap, fmt);
        vsnprintf(err->message, sizeof(err->message), fmt, ap);
        va_end(ap);
    }
    return code;
}

const char *evg_strerror(int code)
{
    switch (code) {
    case EVG_OK: return "no error";
    case EVG_ENOMEM: return "out of memory";
    case EVG_EINVAL: return "invalid argument";
    case EVG_EIO: return "input/output error";
    case EVG_ELIMIT: return "limit exceeded";
    case EVG_EDEP: return "dependency failure";
    case EVG_EPARSE: return "malformed input";
    case EVG_EUTF8: return "invalid UTF-8";
    case EVG_EEMPTY: return "empty input";
    case EVG_ESCHEMA: return "event store of another schema version";
    default: return "unknown error";
    }
}

int evg_opts_adopt(void *full, size_t full_size, const void *given,
                   const char *what, evg_error *err)
{
    size_t size;
    memcpy(&size, given, sizeof(size));
    if (size < sizeof(size_t))
        return evg_error_set(err, EVG_EINVAL,
                             "%s: options not initialised (call %s_init "
                             "first)",
                             what, what);
    if (size > full_size)
        return evg_error_set(err, EVG_EINVAL,
                             "%s: options of %zu bytes come from a newer "
                             "evgraph than this library (%s, %zu bytes)",
                             what, size, EVG_VERSION, full_size);
    memcpy(full, given, size);
    return 0;
}
