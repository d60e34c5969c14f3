/* The extraction pipeline: one folder and static library per stage, each
 * reading what the earlier ones put in the document, in this order:
 *   input/dateline   the dateline: DCT, place and source
 *   text/            sentences, then tokens: each sentence tokenized once,
 *                    kept in the document for every later stage
 *   syntax/          the token layer to UD conventions, tags, lemmas and
 *                    dependencies, when a model is given (--tokens)
 *   mentions/        TimeML event words and their classes, on the token
 *                    layer
 *   timex/           time expressions
 *   actors/          actors (entities) and their CAMEO codes
 *   events/          events, their arguments, modality, time and relations
 *   duals/           "the two sides" and other phrases for two actors
 * on top of doc/ (the events document and its JSON), words/ (the data
 * files compiled in) and lexicon/ (gazetteer and trigger lexicon). The
 * driver (extract.c) runs them. */
#ifndef EVG_EXTRACT_PIPELINE_H
#define EVG_EXTRACT_PIPELINE_H

#include "core.h"
#include "evgraph/document.h"
#include "evgraph/extract.h"

#include "dateline.h"
#include "sentences.h"
#include "tokens.h"
#include "timex.h"
#include "entities.h"
#include "events.h"
#include "duals.h"
#include "syn_stage.h" /* syntax/: the token layer */
#include "men_stage.h" /* mentions/: event words on the token layer */

/* Adds a warning line to the document. EVG_ENOMEM. */
int evg_extract__warn(evg_doc *doc, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* evg_extract_text on `text`, a malloc'd buffer of `len` + 1 bytes that
 * the call takes: valid UTF-8 becomes the document's text as it is (lone
 * CRs turned into LFs in place) instead of a copy; it is freed otherwise.
 * What a caller that no longer needs its text saves: a copy of the input
 * while the stages run. */
int evg_extract__text_owned(char *text, size_t len,
                            const evg_extract_opts *opts, evg_doc **out,
                            evg_error *err);

#endif
