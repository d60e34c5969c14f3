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

#endif
