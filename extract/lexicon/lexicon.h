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
    evg_gazetteer *gaz;   /* the built-in one, or a user's layer over it */
    int own_gaz;          /* gaz is a layer this lexicon frees */
    evg_triggers *trig;
};

/* The built-in gazetteer: our files of extract/data/ and the Phoenix
 * dictionaries of extract/petrarch/ under them (docs/input.md). */
int evg_extract__gazetteer_new(evg_gazetteer **out, evg_error *err);
/* An empty gazetteer whose lookups fall through to `base` (borrowed: it
 * must outlive the layer); the user's files are added to it. */
int evg_extract__gazetteer_layer(const evg_gazetteer *base,
                                 evg_gazetteer **out, evg_error *err);
/* Adds `len` bytes of our TSV format (README "--dict"). EVG_EPARSE naming
 * `name` and the line, EVG_ELIMIT, EVG_ENOMEM. */
int evg_extract__gazetteer_add(evg_gazetteer *g, const char *data,
                               size_t len, const char *name, evg_error *err);
void evg_extract__gazetteer_free(evg_gazetteer *g);
/* Bytes the gazetteer holds (its table and arena, not its base); sets
 * *entries to its number of entries when not NULL. */
size_t evg_extract__gazetteer_size(const evg_gazetteer *g, size_t *entries);

/* The dictionary formats --dict reads (petrarch.c). */
typedef enum {
    EVG_DICT_UNKNOWN = 0,
    EVG_DICT_GAZETTEER, /* ours: phrase TAB class TAB CODE [TAB name] */
    EVG_DICT_TRIGGERS,  /* ours: "#evgraph:triggers" first line */
    EVG_DICT_ACTORS,    /* TABARI/PETRARCH .actors */
    EVG_DICT_AGENTS,    /* TABARI/PETRARCH agents */
    EVG_DICT_DISCARDS,  /* PETRARCH discard list */
    EVG_DICT_VERBS      /* PETRARCH verb dictionary (CAMEO.2.0.txt) */
} evg_dict_format;
/* The format of `len` bytes of a dictionary file named `name`, read from
 * its lines (docs/input.md); EVG_DICT_UNKNOWN when no rule applies. */
evg_dict_format evg_extract__dict_format(const char *data, size_t len,
                                         const char *name);
/* A human name of the format ("PETRARCH actors"). */
const char *evg_extract__dict_format_name(evg_dict_format f);
/* Adds a file of one of the TABARI/PETRARCH formats to `g`. EVG_EPARSE
 * naming `name` and the line, EVG_ELIMIT, EVG_ENOMEM. */
int evg_extract__petrarch_add(evg_gazetteer *g, evg_dict_format f,
                              const char *data, size_t len, const char *name,
                              evg_error *err);
/* Adds the shipped Phoenix actors, agents and discard files (built in; the
 * discards but for the phrases of discards_skipped.words). */
int evg_extract__petrarch_builtin(evg_gazetteer *g, evg_error *err);
/* Does `g` (or a layer under it) hold any discard phrase? */
int evg_extract__has_discards(const evg_gazetteer *g);
/* Is a sentence or a story to be left uncoded by the discard lists of `g`
 * and its base? `text` from `start` to `end`; returns 0 (no), 1 (the
 * sentence), 2 (the whole story). */
int evg_extract__discarded(const evg_gazetteer *g, const char *text,
                           size_t start, size_t end);

int evg_extract__triggers_new(evg_triggers **out, evg_error *err);
int evg_extract__triggers_add(evg_triggers *t, const char *data, size_t len,
                              const char *name, evg_error *err);
void evg_extract__triggers_free(evg_triggers *t);

/* The lexicon used when the caller passes none (loaded once, never freed
 * before exit; NULL with err set on failure). */
const evg_lexicon *evg_extract__default_lexicon(evg_error *err);

#endif
