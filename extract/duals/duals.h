/* Dual phrases (duals.c), the stage after the event coder. */
#ifndef EVG_EXTRACT_DUALS_H
#define EVG_EXTRACT_DUALS_H

#include "core.h"
#include "evgraph/document.h"

/* Resolves dual phrases ("the two sides") to the two actors they stand
 * for: a mention shared by both entities, and both as the sources of an
 * event the phrase is the subject of. EVG_ENOMEM; EVG_EPARSE when the
 * phrase list (extract/data/dual_phrases.words) is broken. */
int evg_extract__duals(evg_doc *doc, evg_error *err);

#endif
