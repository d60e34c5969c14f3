/* What the commands share: the parsed settings, messages, exit statuses,
 * the streaming extraction and the writers; used by main.c and by each
 * command that has a file of its own (extract.c, ingest.c, query.c). */
#ifndef EVG_CLI_COMMANDS_H
#define EVG_CLI_COMMANDS_H

#include <stddef.h>
#include <stdio.h>

#include "evgraph/evgraph.h"

#include "cli.h"

typedef struct settings {
    const char *output;
    evg_graph_format graph_format;
    const char *format;
    int pretty;
    evg_extract_opts ex;
    const char **dicts;
    size_t n_dicts;
    evg_graph_opts gr;
    evg_render_opts rd;
    size_t top;        /* stats: rows per ranking */
    int gexf13;        /* --gexf-version 1.3 */
    const char *conllu_in, *model; /* parse, --tokens */
    int tokens;                    /* extract, run, ingest: the token layer */
    int no_parse;                  /* extract, run, ingest: no syntax model */
    evg_syntax *syntax;            /* its model, once loaded */
    const char *events_model;      /* --events-model */
    evg_mentions *mentions;        /* the event-mention model, loaded with
                                      the syntax model */
    size_t jobs;       /* extraction threads (0: one per core) */
    const char *db;    /* ingest, query: the store */
    int upgrade;       /* ingest: migrate an older store */
    size_t batch;      /* ingest: documents per transaction (0: default) */
    size_t merge_every; /* ingest: documents between index merges (0: default) */
} settings;

/* --quiet: no warnings, no progress line. */
extern int quiet;

/* Prints "evgraph: <message>" on stderr. */
void msg(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* The exit status for an EVG_E* code. */
int exit_for(int code);

/* Prints err's message (or the code's description); returns the exit
 * status for `code`. */
int fail(const evg_error *err, int code);

/* Loads the built-in dictionaries plus --dict files; prints and returns an
 * exit status on failure. */
int cli_load_lexicon(settings *st, evg_lexicon **lex);

/* Called for each extracted article in input order, with its JSON line
 * (no newline, NULL unless the pipeline was asked to serialize); returns 0
 * or an exit status that stops the run. The callback owns `doc`. */
typedef int (*cli_doc_fn)(evg_doc *doc, const char *json, size_t json_len,
                          void *ctx);

/* Extracts every article under `paths` (stdin when none) with st->jobs
 * threads, handing the documents to `each` in input order. At most a few
 * documents per thread are in memory at once. Bad articles are reported and
 * skipped; returns the worst exit status. `json`: serialize each document
 * (in the worker threads). Shows a progress line on a terminal stderr. */
int cli_extract_stream(char **paths, int n_paths, const settings *st,
                       const evg_lexicon *lex, int json, cli_doc_fn each,
                       void *ctx);

/* Parses events documents, one a line, from `f` (whose first line,
 * already read, is `first`) with st->jobs threads, handing them to `each`
 * in order. Bad lines are reported as NAME:LINE and skipped; returns the
 * worst exit status. */
int cli_parse_stream(FILE *f, const char *name, const char *first,
                     const settings *st, cli_doc_fn each, void *ctx);

/* Writes a graph export / a picture of `g` to `path` ("-": stdout). */
int cli_write_graph(const evg_graph *g, evg_graph_format fmt,
                    const char *path);
int cli_write_render(const evg_graph *g, const evg_render_opts *ro,
                     const char *path);

/* The commands that live in their own files. */
int cmd_extract(int argc, char **argv, settings *st);
int cmd_ingest(int argc, char **argv, settings *st);
int cmd_query(int argc, char **argv, settings *st);

#endif
