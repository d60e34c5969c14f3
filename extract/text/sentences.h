/* The sentence splitter (sentences.c), the stage after the dateline. */
#ifndef EVG_EXTRACT_SENTENCES_H
#define EVG_EXTRACT_SENTENCES_H

#include <stddef.h>

#include "core.h"
#include "evgraph/document.h"
#include "evgraph/extract.h"

/* Splits text[body, text_len) into sentences and marks boilerplate. The
 * sentences' `text` stays NULL while the stages run (they read the
 * document's text): evg_extract__sentence_texts copies it in at the end,
 * when less of the stages' working memory is held. */
int evg_extract__sentences(evg_doc *doc, size_t body,
                           const evg_extract_opts *opts, evg_error *err);
/* Each sentence's copy of its text. EVG_ENOMEM. */
int evg_extract__sentence_texts(evg_doc *doc);

#endif
