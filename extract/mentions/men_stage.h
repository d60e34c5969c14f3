/* The event-mention stage (stage.c): after syntax, before events. */
#ifndef EVG_MENTIONS_STAGE_H
#define EVG_MENTIONS_STAGE_H

#include "evgraph/document.h"
#include "evgraph/extract.h"

/* Sets tml_class and event_confidence of every word of doc->tokens that
 * the detector `m` takes for an event; nothing when `m` is NULL or the
 * document has no token layer. EVG_ENOMEM. */
int evg_extract__mentions(evg_doc *doc, const evg_mentions *m);

#endif
