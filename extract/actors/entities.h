/* What the actor finder (entities.c) offers the later stages, above all the
 * event coder. After evg_extract__entities():
 *  - doc->entities holds one entity per actor, in order of first mention;
 *  - each entity's mentions are sorted by start offset, and no two mentions
 *    (of the same or of different entities) overlap (only the dual phrases
 *    added later by duals.c are shared by two entities); a mention may include
 *    the words that qualified it ("US President Donald Trump", "South
 *    Korean operator LG Uplus", "the company");
 *  - coreferent mentions ("its", "the company", "the Chinese telecom
 *    giant", "Washington") are mentions of the entity they refer to;
 *  - `code` is country (or IGO/IMG/NGO, or --- when unknown) plus an
 *    optional three-letter sector (GOV, MIL, BUS, LEG, MED, REB ...);
 *    `country` is the first three letters unless they are "---" (then
 *    NULL). */
#ifndef EVG_EXTRACT_ENTITIES_H
#define EVG_EXTRACT_ENTITIES_H

#include <stddef.h>

#include "core.h"
#include "evgraph/document.h"
#include "lexicon.h"

/* The stage: finds actors, merges their mentions, gives them CAMEO actor
 * codes. */
int evg_extract__entities(evg_doc *doc, const evg_lexicon *lex,
                          evg_error *err);

/* The index of the entity with a mention covering byte `offset` of the
 * text, or EVG_NONE. When `mention` is not NULL it receives the index of
 * that mention within the entity. O(entities x log mentions). */
size_t evg_extract__entity_at(const evg_doc *doc, size_t offset,
                              size_t *mention);

/* The entity with a mention overlapping [start, end) that starts first,
 * or EVG_NONE. Useful to map a syntactic argument (a noun phrase) to its
 * actor. */
size_t evg_extract__entity_in(const evg_doc *doc, size_t start, size_t end,
                              size_t *mention);

/* The sector part of an entity's code ("GOV" of "USAGOV"), or "" when the
 * code has none. Borrowed from the entity. */
const char *evg_extract__entity_sector(const evg_entity *e);

#endif
