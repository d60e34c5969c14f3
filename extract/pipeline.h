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

#endif
