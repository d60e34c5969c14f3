/* The data files of extract/data/, compiled into the binary by the build
 * (cmake/embed.cmake), as every dictionary and word list reads them. */
#ifndef EVG_EXTRACT_WORDS_H
#define EVG_EXTRACT_WORDS_H

#include <stddef.h>

#include "core.h"

typedef struct evg_embedded {
    const char *name;
    const char *data;
    size_t len;
} evg_embedded;
/* The embedded file `name` ("gazetteer.tsv"), or NULL. */
const evg_embedded *evg_extract__embedded(const char *name);

/* Word lists: extract/data/NAME (e.g. "determiners.words"), one word or
 * phrase per line, lower case UTF-8, in the order of the file; lines
 * starting with '#' and blank lines are skipped. */
enum { EVG_WORDS_SORTED = 1 }; /* the list must be in strcmp order */

/* Sets *out to the NULL-terminated list NAME and *n (if not NULL) to its
 * length. Each list is read once, at its first use, and lives until exit;
 * thread-safe. The one error policy of every list: a list that is absent,
 * empty, holds a malformed line or (with EVG_WORDS_SORTED) is out of order
 * is a broken build; the call returns EVG_EPARSE naming the file and line
 * (EVG_ENOMEM when memory runs out), and the stage that asked returns it.
 * Nothing is cached after a failure. */
int evg_words_list(const char *name, int flags, const char *const **out,
                   size_t *n, evg_error *err);

#endif
