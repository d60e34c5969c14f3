/* Private parts of the events document shared by its files. */
#ifndef EVG_DOC_INTERNAL_H
#define EVG_DOC_INTERNAL_H

#include <stddef.h>

#include "evgraph/document.h"

/* evg_doc_new() with a first block of `bytes` in the document's arena (0:
 * the arena's default), for a reader that knows about how much it needs.
 * EVG_ENOMEM. */
int evg_doc__new_sized(evg_doc **out, size_t bytes);

#endif
