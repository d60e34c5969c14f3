/* `evgraph ingest`: adds articles (extracted here, in parallel) or events
 * documents (JSON Lines, or one JSON document) to the event store, each
 * document one transaction (evg_store_add(); --batch groups them), and
 * prints what it did. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "commands.h"
#include "doc_events.h"

typedef struct ingest {
    const settings *st;
    evg_store *store;
    size_t added, known, events;
    int status;
} ingest;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int store_doc(ingest *g, evg_doc *doc)
{
    evg_error err;
    evg_error_clear(&err);
    int added = 0;
    size_t p_docs, p_events;
    evg_store_pending(g->store, &p_docs, &p_events);
    int rc = evg_store_add(g->store, doc, &added, &err);
    if (rc) {
        /* the group not yet committed went back with it */
        g->added -= p_docs;
        g->events -= p_events;
    } else {
        if (added) {
            g->added++;
            g->events += evg_doc__event_count(doc);
        } else {
            g->known++;
        }
    }
    evg_doc_free(doc);
    return rc ? fail(&err, rc) : 0;
}

static int store_extracted(evg_doc *doc, const char *json, size_t len,
                           void *ctx)
{
    (void)json;
    (void)len;
    return store_doc(ctx, doc);
}

/* Does this line open an events document ({"schema": ...})? */
static int events_line(const char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
        s++;
    if (*s != '{')
        return 0;
    s++;
    while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
        s++;
    return *s == '\0' || strncmp(s, "\"schema\"", 8) == 0;
}

static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return 0;
    return 1;
}

/* Ingests an events file: JSON Lines, or one (indented) JSON document.
 * `f` is positioned after `first` (its first line). */
static int ingest_events(ingest *g, const char *name, FILE *f, char *first,
                         size_t max)
{
    evg_error err;
    const char *s = first;
    while (*s == ' ' || *s == '\t')
        s++;
    if (s[0] == '{' && blank(s + 1, strlen(s + 1))) {
        /* one indented document: read it whole */
        char *buf = NULL;
        size_t len = 0;
        FILE *m = open_memstream(&buf, &len);
        if (!m) {
            msg("out of memory");
            return EXIT_INPUT;
        }
        fputs(first, m);
        char chunk[65536];
        size_t k;
        while ((k = fread(chunk, 1, sizeof(chunk), f)) > 0 && len <= max)
            fwrite(chunk, 1, k, m);
        if (fclose(m) != 0) {
            free(buf);
            msg("out of memory");
            return EXIT_INPUT;
        }
        if (len > max) {
            free(buf);
            msg("%s: events document larger than %zu bytes (--max-bytes)",
                name, max);
            return EXIT_INPUT;
        }
        evg_doc *doc;
        evg_error_clear(&err);
        int rc = evg_doc_from_json(buf, len, &doc, &err);
        free(buf);
        if (rc) {
            msg("%s: %s", name, err.message);
            return EXIT_INPUT;
        }
        return store_doc(g, doc);
    }
    /* JSON Lines, one document a line, parsed in parallel */
    return cli_parse_stream(f, name, first, g->st, store_extracted, g);
}

/* The lexicon and models, loaded the first time articles are met (events
 * documents need none). Returns an exit status. */
static int need_lexicon(settings *st, evg_lexicon **lex, int *stop)
{
    int rc = *lex ? EXIT_OK : cli_load_lexicon(st, lex);
    if (rc)
        *stop = 1; /* no use trying the next inputs */
    return rc;
}

/* One input: events documents are stored as they are, anything else is
 * read as articles and extracted. Returns an exit status; sets `*stop` when
 * the store itself failed. */
static int ingest_path(ingest *g, char *path, settings *st,
                       evg_lexicon **lex, size_t max, int *stop)
{
    int is_stdin = strcmp(path, "-") == 0;
    const char *name = is_stdin ? "<stdin>" : path;
    struct stat sb;
    int rc;
    if (!is_stdin && stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
        return (rc = need_lexicon(st, lex, stop))
                   ? rc
                   : cli_extract_stream(&path, 1, st, *lex, 0,
                                        store_extracted, g);
    FILE *f = is_stdin ? stdin : fopen(path, "r");
    if (!f) {
        msg("%s: cannot read: %s", name, strerror(errno));
        return EXIT_IO;
    }
    /* read in 1 MB blocks, not stdio's 4 KB: the thread that reads the
     * lines is the one that writes the store */
    static char inbuf[1 << 20];
    static int stdin_set;
    if (!is_stdin || !stdin_set++)
        setvbuf(f, is_stdin ? NULL : inbuf, _IOFBF, sizeof(inbuf));
    char *first = NULL;
    size_t cap = 0;
    ssize_t n = getline(&first, &cap, f);
    int status;
    if (n <= 0) {
        /* nothing piped in, or an empty shard's output */
        status = ferror(f) ? EXIT_IO : EXIT_OK;
        if (status)
            msg("%s: read failed: %s", name, strerror(errno));
        else if (!is_stdin && !quiet)
            msg("warning: %s: empty, nothing to ingest", name);
    } else if (n > 0 && events_line(first)) {
        status = ingest_events(g, name, f, first, max);
        if (status == EXIT_IO || status == EXIT_DEP)
            *stop = 1;
    } else if (is_stdin) {
        msg("<stdin>: not events documents (to ingest articles, give their "
            "files or folders)");
        status = EXIT_INPUT;
    } else {
        fclose(f);
        f = NULL;
        status = (rc = need_lexicon(st, lex, stop))
                     ? rc
                     : cli_extract_stream(&path, 1, st, *lex, 0,
                                          store_extracted, g);
    }
    free(first);
    if (f && !is_stdin)
        fclose(f);
    return status;
}

int cmd_ingest(int argc, char **argv, settings *st)
{
    if (!st->db) {
        msg("ingest: no store given (--db FILE.db; see 'evgraph help ingest')");
        return EXIT_USAGE;
    }
    evg_error err;
    evg_error_clear(&err);
    ingest g = {0};
    g.st = st;
    unsigned flags = EVG_STORE_CREATE | (st->upgrade ? EVG_STORE_UPGRADE : 0);
    int rc = evg_store_open(st->db, flags, &g.store, &err);
    if (rc)
        return fail(&err, rc);
    if (st->batch)
        evg_store_set_batch(g.store, st->batch);
    if (st->merge_every)
        evg_store_set_merge(g.store, st->merge_every);
    int from = evg_store_found_version(g.store);
    if (st->upgrade && from && from < EVG_STORE_VERSION && !quiet)
        msg("%s: migrated from schema version %d to %d", st->db, from,
            EVG_STORE_VERSION);
    evg_lexicon *lex = NULL; /* loaded when articles come */
    static char dash[] = "-";
    static char *stdin_only[] = {dash};
    if (argc == 0 && !(st->upgrade && isatty(STDIN_FILENO))) {
        argv = stdin_only;
        argc = 1;
    }
    size_t max = st->ex.max_bytes ? st->ex.max_bytes : EVG_DEFAULT_MAX_BYTES;
    st->ex.compact_events = 1; /* the store reads them packed */
    double t0 = now();
    int status = EXIT_OK, stop = 0;
    for (int i = 0; i < argc && !stop; i++) {
        rc = ingest_path(&g, argv[i], st, &lex, max, &stop);
        if (rc > status)
            status = rc;
    }
    evg_lexicon_free(lex);
    evg_store_counts c;
    evg_error_clear(&err);
    rc = evg_store_commit(g.store, &err);
    double secs = now() - t0;
    if (!rc)
        rc = evg_store_counts_get(g.store, &c, &err);
    if (rc && fail(&err, rc) > status)
        status = exit_for(rc);
    if (!rc && !quiet) {
        msg("ingest: %zu documents added (%zu events), %zu already stored, "
            "%.2f s, %.0f events/s", g.added, g.events, g.known, secs,
            secs > 0 ? (double)g.events / secs : 0.0);
        msg("%s: %zu documents, %zu event reports, %zu events, %zu actors, "
            "%.1f MB (%.0f bytes per report)", st->db, c.documents,
            c.reports, c.events, c.actors, (double)c.bytes / 1e6,
            c.reports ? (double)c.bytes / (double)c.reports : 0.0);
    }
    evg_store_close(g.store);
    return status;
}
