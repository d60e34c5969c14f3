/* The syntax stage (stage.c): the token layer of a document. */
#ifndef EVG_SYNTAX_STAGE_H
#define EVG_SYNTAX_STAGE_H

#include "evgraph/document.h"
#include "syntax.h"

/* Parses every sentence of `doc` into its token layer (doc_layer.h);
 * nothing when `m` is NULL. EVG_ENOMEM, EVG_ELIMIT. */
int evg_extract__syntax(evg_doc *doc, const evg_syn_model *m);

#endif
