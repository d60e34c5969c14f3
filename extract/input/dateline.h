/* The dateline reader (dateline.c), the first stage of extraction. */
#ifndef EVG_EXTRACT_DATELINE_H
#define EVG_EXTRACT_DATELINE_H

#include <stddef.h>

#include "core.h"
#include "evgraph/document.h"

/* Reads a dateline on the first line (DCT, place, source) unless the DCT
 * is already set; sets *body to where the article text begins. */
int evg_extract__dateline(evg_doc *doc, size_t *body, evg_error *err);

#endif
