/* The sentence splitter (sentences.c), the stage after the dateline. */
#ifndef EVG_EXTRACT_SENTENCES_H
#define EVG_EXTRACT_SENTENCES_H

#include <stddef.h>

#include "core.h"
#include "evgraph/document.h"
#include "evgraph/extract.h"

/* Splits text[body, text_len) into sentences and marks boilerplate, in
 * their compact form (doc_layer.h: the stages read them through
 * evg_doc__sentence, and the document's text, not a copy of each
 * sentence's): evg_doc__sentences_unpack writes them out at the end. */
int evg_extract__sentences(evg_doc *doc, size_t body,
                           const evg_extract_opts *opts, evg_error *err);

#endif
