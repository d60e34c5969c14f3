/* The dictionaries (lexicon.c, gazetteer.c, triggers.c): the built-in
 * gazetteer and trigger lexicon, read from extract/data/, plus the user's
 * own files; the actor finder and the event coder read them. */
#ifndef EVG_EXTRACT_LEXICON_H
#define EVG_EXTRACT_LEXICON_H

#include <stddef.h>

#include "core.h"
#include "evgraph/document.h"
#include "evgraph/extract.h"

typedef struct evg_gazetteer evg_gazetteer;
typedef struct evg_triggers evg_triggers;

struct evg_lexicon {
    evg_gazetteer *gaz;
    evg_triggers *trig;
};

/* Built-in gazetteer, then `data` of further files (same format) added. */
int evg_extract__gazetteer_new(evg_gazetteer **out, evg_error *err);
int evg_extract__gazetteer_add(evg_gazetteer *g, const char *data,
                               size_t len, const char *name, evg_error *err);
void evg_extract__gazetteer_free(evg_gazetteer *g);

int evg_extract__triggers_new(evg_triggers **out, evg_error *err);
int evg_extract__triggers_add(evg_triggers *t, const char *data, size_t len,
                              const char *name, evg_error *err);
void evg_extract__triggers_free(evg_triggers *t);

/* The lexicon used when the caller passes none (loaded once, never freed
 * before exit; NULL with err set on failure). */
const evg_lexicon *evg_extract__default_lexicon(evg_error *err);

#endif
