/* Text -> events document: reads an article, finds its sentences, time
 * expressions, actors and events. Uses only libc and cJSON. */
#ifndef EVGRAPH_EXTRACT_H
#define EVGRAPH_EXTRACT_H

#include "evgraph/export.h"

#include <stddef.h>

#include "evgraph/document.h"
#include "evgraph/error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct evg_lexicon evg_lexicon;
/* A syntax model: tagger, lemmatizer and dependency parser (docs/syntax.md). */
typedef struct evg_syn_model evg_syntax;
/* An event-mention model: TimeML events and their classes (docs/events.md). */
typedef struct evg_men_model evg_mentions;

typedef struct evg_extract_opts {
    size_t size;              /* sizeof(evg_extract_opts), set by evg_extract_opts_init():
                                 call it before setting any field */
    const char *dct;          /* "YYYY-MM-DD" given by the user, or NULL */
    int dct_from_metadata;    /* `dct` came from the record, not --dct */
    const char *title;        /* record metadata, each NULL when unknown */
    const char *url;
    const char *source;
    const char *id;           /* document id, or NULL to derive from path */
    const char *path;         /* where the text came from, for messages */
    int lenient;              /* replace invalid UTF-8 instead of failing */
    int keep_boilerplate;     /* code events in boilerplate sentences too */
    size_t max_bytes;         /* document size limit (0: default 16 MiB) */
    size_t max_sentence;      /* sentence length limit in bytes (0: 64 KiB) */
    size_t max_events;        /* events per document (0: 100000) */
    const evg_lexicon *lexicon; /* dictionaries, or NULL for the built-in */
    size_t max_sentences;     /* sentences per document (0: 200000) */
    const evg_syntax *syntax; /* when set, every sentence is parsed into the
                                 document's token layer (doc->tokens), which
                                 the later stages read: modality, event
                                 arguments, time anchoring */
    int cameo_only;           /* keep only CAMEO-coded events (drop those
                                 CAMEO has no code for) */
    const evg_mentions *mentions; /* with `syntax`: the event-mention
                                 detector labels the token layer; CAMEO
                                 events get their TimeML class, and every
                                 other event word becomes an event without a
                                 CAMEO code, unless `cameo_only`
                                 (docs/events.md) */
    int drop_tokens;          /* parse for the stages, but leave the token
                                 layer out of the document */
    int compact_tokens;       /* with the token layer kept (not
                                 drop_tokens): keep it in the document in
                                 its compact private form (12 bytes a word)
                                 instead of writing it out into
                                 doc->tokens (about 100 bytes a word), for
                                 a caller that only writes the document:
                                 evg_doc_write_json() and evg_doc_to_json()
                                 write the same tokens from it;
                                 doc->tokens stays empty */
    int compact_events;       /* keep the events in the document in their
                                 compact private form (40 bytes an event
                                 and its share of the side tables, instead
                                 of an evg_event of 240), for a caller that
                                 only writes or stores the document:
                                 evg_doc_write_json(), evg_doc_to_json()
                                 and evg_store_add() read the same events
                                 from it; doc->events stays empty */
    int compact_sentences;    /* keep the sentences in the document in
                                 their compact private form (8 bytes a
                                 sentence, its text not copied, instead of
                                 an evg_sentence of 32 and a copy), for a
                                 caller that only writes the document:
                                 evg_doc_write_json() and evg_doc_to_json()
                                 write the same sentences from it;
                                 doc->sentences stays NULL, n_sentences
                                 counts them */
    int sentences_only;       /* stop once the text is read (its dateline
                                 too) and split into sentences: no
                                 dictionaries are loaded (`lexicon` is not
                                 read) and no later stage runs, so the
                                 document holds its text and sentences
                                 alone, for a caller that wants no more
                                 (evgraph parse) */
} evg_extract_opts;

#define EVG_DEFAULT_MAX_BYTES ((size_t)16 << 20)
#define EVG_DEFAULT_MAX_SENTENCE ((size_t)64 << 10)
#define EVG_DEFAULT_MAX_EVENTS ((size_t)100000)
/* 16 MiB of news prose has about 100,000 sentences */
#define EVG_DEFAULT_MAX_SENTENCES ((size_t)200000)

/* Fills `opts` with the defaults. */
EVG_API void evg_extract_opts_init(evg_extract_opts *opts);

/* Loads the built-in dictionaries (gazetteer, trigger lexicon) plus each of
 * the `n_user` user files in `user_files` into `*out`. EVG_EIO, EVG_EPARSE
 * (naming file and line), EVG_ENOMEM. The caller frees it with
 * evg_lexicon_free(); it may be shared by any number of extractions. */
EVG_API int evg_lexicon_load(const char *const *user_files, size_t n_user,
                     evg_lexicon **out, evg_error *err);
EVG_API void evg_lexicon_free(evg_lexicon *lex);

/* Loads a syntax model file; `path` NULL: the default one ($EVGRAPH_MODEL,
 * else the installed or source tree's models/en-ud-syntax.evgm). EVG_EIO,
 * EVG_EPARSE (truncated, corrupt, another format version), EVG_ENOMEM. */
EVG_API int evg_syntax_load(const char *path, evg_syntax **out,
                            evg_error *err);
EVG_API void evg_syntax_free(evg_syntax *syntax);

/* Loads an event-mention model; `path` NULL: the default one
 * ($EVGRAPH_EVENTS_MODEL, else the installed or source tree's
 * models/en-timebank-events.evgm). EVG_EIO, EVG_EPARSE (not such a model,
 * truncated, corrupt, another format version), EVG_ENOMEM. Free it with
 * evg_mentions_free(); it may be shared by any number of extractions. */
EVG_API int evg_mentions_load(const char *path, evg_mentions **out,
                              evg_error *err);
EVG_API void evg_mentions_free(evg_mentions *mentions);

/* Extracts the events document from `len` bytes of article `text` into
 * `*out`. The text is copied; a dateline on its first line gives the DCT
 * unless opts->dct does. EVG_EUTF8 (offset in err), EVG_ELIMIT, EVG_EEMPTY,
 * EVG_ENOMEM. The caller frees `*out` with evg_doc_free(). */
EVG_API int evg_extract_text(const char *text, size_t len,
                     const evg_extract_opts *opts, evg_doc **out,
                     evg_error *err);

/* Warnings an extraction produced (e.g. "no document date"), borrowed from
 * `doc`, valid until it is freed. */
EVG_API size_t evg_doc_warning_count(const evg_doc *doc);
EVG_API const char *evg_doc_warning(const evg_doc *doc, size_t i);

#ifdef __cplusplus
}
#endif
#endif
