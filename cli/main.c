/* The evgraph command line: graph, render, run, stats and the options of
 * every command (extract, ingest and query have files of their own). Reads articles or
 * events documents, calls the public API, writes data to stdout or files
 * (atomically) and diagnostics to stderr as "evgraph: ...". */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "commands.h"

int quiet;

void msg(const char *fmt, ...)
{
    va_list ap;
    fputs("evgraph: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

int exit_for(int code)
{
    switch (code) {
    case EVG_OK: return EXIT_OK;
    case EVG_EIO: return EXIT_IO;
    case EVG_EDEP: return EXIT_DEP;
    default: return EXIT_INPUT;
    }
}

int fail(const evg_error *err, int code)
{
    msg("%s", err->message[0] ? err->message : evg_strerror(code));
    return exit_for(code);
}

static int parse_size(const char *name, const char *s, size_t *out)
{
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || end == s || *end || v <= 0) {
        msg("--%s: '%s' is not a positive number", name, s);
        return -1;
    }
    *out = (size_t)v;
    return 0;
}

/* "asserted,reported" -> bit set of (1u << evg_modality). */
static int parse_modalities(const char *s, unsigned *bits)
{
    *bits = 0;
    while (*s) {
        const char *e = strchr(s, ',');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        char one[32];
        int m = -1;
        if (n < sizeof(one)) {
            memcpy(one, s, n);
            one[n] = '\0';
            m = evg_modality_parse(one);
        }
        if (m < 0) {
            msg("--modality: '%.*s' is not one of asserted, reported, "
                "planned, hypothetical, negated", (int)(n < 40 ? n : 40), s);
            return -1;
        }
        *bits |= 1u << m;
        s += n + (e ? 1 : 0);
    }
    if (!*bits) {
        msg("--modality: empty list");
        return -1;
    }
    return 0;
}

/* Parses the options of `cmd`; returns the index of the first operand, or
 * -1 after a usage error, or -2 after --help. */
static int parse_with(const cli_command *cmd, int argc, char **argv,
                      settings *st, struct option *longopts)
{
    char shortopts[64];
    size_t nl = 0, ns = 0;
    shortopts[ns++] = ':';
    for (size_t i = 0; i < cli_n_options; i++) {
        const cli_opt *o = &cli_options[i];
        if (!(o->commands & cmd->bit))
            continue;
        longopts[nl].name = o->name;
        longopts[nl].has_arg = o->kind != A_NONE ? required_argument : no_argument;
        longopts[nl].flag = NULL;
        longopts[nl].val = o->key;
        nl++;
        if (o->key < 256 && ns + 2 < sizeof(shortopts)) {
            shortopts[ns++] = (char)o->key;
            if (o->kind != A_NONE)
                shortopts[ns++] = ':';
        }
    }
    memset(&longopts[nl], 0, sizeof(longopts[nl]));
    shortopts[ns] = '\0';
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
        switch (c) {
        case 'h': cli_print_help(stdout, cmd); return -2;
        case 'q': quiet = 1; break;
        case 'o': st->output = optarg; break;
        case O_DB: st->db = optarg; break;
        case O_UPGRADE: st->upgrade = 1; break;
        case O_BATCH:
            if (parse_size("batch", optarg, &st->batch))
                return -1;
            break;
        case O_MERGE_EVERY:
            if (parse_size("merge-every", optarg, &st->merge_every))
                return -1;
            break;
        case 'j':
            if (parse_size("jobs", optarg, &st->jobs))
                return -1;
            if (st->jobs > 256) {
                msg("--jobs: '%s' is more than 256 threads", optarg);
                return -1;
            }
            break;
        case O_CONLLU_IN: st->conllu_in = optarg; break;
        case O_MODEL: st->model = optarg; break;
        case O_EVENTS_MODEL: st->events_model = optarg; break;
        case O_TOKENS: st->tokens = 1; break;
        case O_NO_PARSE: st->no_parse = 1; break;
        case 'f': st->format = optarg; break;
        case O_DCT:
            if (!evg_date_valid(optarg)) {
                msg("--dct: '%s' is not a date (YYYY-MM-DD)", optarg);
                return -1;
            }
            st->ex.dct = optarg;
            break;
        case O_LENIENT: st->ex.lenient = 1; break;
        case O_KEEP_BP: st->ex.keep_boilerplate = 1; break;
        case O_DICT: {
            const char **d = realloc(st->dicts, (st->n_dicts + 1) * sizeof(*d));
            if (!d) {
                msg("out of memory");
                return -1;
            }
            st->dicts = d;
            st->dicts[st->n_dicts++] = optarg;
            break;
        }
        case O_MAX_BYTES:
            if (parse_size("max-bytes", optarg, &st->ex.max_bytes))
                return -1;
            break;
        case O_MAX_SENT:
            if (parse_size("max-sentence", optarg, &st->ex.max_sentence))
                return -1;
            break;
        case O_MAX_EVENTS:
            if (parse_size("max-events", optarg, &st->ex.max_events))
                return -1;
            break;
        case O_MAX_SENTS:
            if (parse_size("max-sentences", optarg, &st->ex.max_sentences))
                return -1;
            break;
        case O_PRETTY: st->pretty = 1; break;
        case O_LANES:
            if (parse_size("lanes", optarg, &st->rd.lanes))
                return -1;
            break;
        case O_UNCERTAIN: st->rd.show_uncertain = 1; break;
        case O_ABS_LINKS: st->rd.absolute_links = 1; break;
        case O_PAPER: {
            int v = evg_render_paper_parse(optarg);
            if (v < 0) {
                msg("--paper: '%s' is not a4 or letter", optarg);
                return -1;
            }
            st->rd.paper = (evg_render_paper)v;
            break;
        }
        case O_WIDTH:
            if (parse_size("width", optarg, &st->rd.width))
                return -1;
            if (st->rd.width < 600 || st->rd.width > 20000) {
                msg("--width: %s is not between 600 and 20000 pixels", optarg);
                return -1;
            }
            break;
        case O_ENTITY:
            st->gr.entity = optarg;
            st->rd.entity = optarg; /* its lane comes first */
            break;
        case O_VIEW: {
            int v = evg_render_view_parse(optarg);
            if (v < 0) {
                msg("--view: unknown view '%s' (timeline, graph, actors)",
                    optarg);
                return -1;
            }
            st->rd.view = (evg_render_view)v;
            break;
        }
        case O_ROOT: st->gr.roots = optarg; break;
        case O_CAMEO_ONLY:
            st->gr.cameo_only = 1; /* graph, render, stats, query, run */
            st->ex.cameo_only = 1; /* extract, run */
            break;
        case O_GEXF_VERSION:
            if (strcmp(optarg, "1.2") != 0 && strcmp(optarg, "1.3") != 0) {
                msg("--gexf-version: '%s' is not 1.2 or 1.3", optarg);
                return -1;
            }
            st->gexf13 = optarg[2] == '3';
            break;

        case O_QUAD:
            if (strlen(optarg) != 1 || optarg[0] < '1' || optarg[0] > '4') {
                msg("--quad: '%s' is not a quad class (1 to 4)", optarg);
                return -1;
            }
            st->gr.quad_class = optarg[0] - '0';
            break;
        case O_MODALITY:
            if (parse_modalities(optarg, &st->gr.modalities))
                return -1;
            break;
        case O_MIN_CONF: {
            char *end = NULL;
            double v = strtod(optarg, &end);
            if (!end || end == optarg || *end || !(v >= 0 && v <= 1)) {
                msg("--min-confidence: '%s' is not a number from 0 to 1",
                    optarg);
                return -1;
            }
            st->gr.min_confidence = v;
            break;
        }
        case O_PROJECTION:
            if (strcmp(optarg, "actors") == 0)
                st->gr.projection = EVG_PROJ_ACTORS;
            else if (strcmp(optarg, "none") == 0)
                st->gr.projection = EVG_PROJ_NONE;
            else {
                msg("--projection: '%s' is not 'actors' or 'none'", optarg);
                return -1;
            }
            break;
        case O_TOP:
            if (parse_size("top", optarg, &st->top))
                return -1;
            break;
        case O_FROM:
        case O_TO:
            if (!evg_date_valid(optarg)) {
                msg("--%s: '%s' is not a date (YYYY-MM-DD)",
                    c == O_FROM ? "from" : "to", optarg);
                return -1;
            }
            if (c == O_FROM)
                st->gr.from = optarg;
            else
                st->gr.to = optarg;
            break;
        case ':':
            msg("%s: option '%s' needs an argument", cmd->name, argv[optind - 1]);
            return -1;
        default:
            msg("%s: unknown option '%s' (see 'evgraph help %s')", cmd->name,
                argv[optind - 1], cmd->name);
            return -1;
        }
    }
    return optind;
}

static int parse_options(const cli_command *cmd, int argc, char **argv,
                         settings *st)
{
    struct option *longopts = calloc(cli_n_options + 1, sizeof(*longopts));
    if (!longopts) {
        msg("out of memory");
        return -1;
    }
    int rc = parse_with(cmd, argc, argv, st, longopts);
    free(longopts);
    return rc;
}

/* ---- reading inputs ---- */

typedef struct doclist {
    evg_doc **v;
    size_t n, cap;
} doclist;

static int doclist_push(doclist *l, evg_doc *d)
{
    if (l->n == l->cap) {
        size_t ncap = l->cap ? l->cap * 2 : 8;
        evg_doc **p = realloc(l->v, ncap * sizeof(*p));
        if (!p)
            return EVG_ENOMEM;
        l->v = p;
        l->cap = ncap;
    }
    l->v[l->n++] = d;
    return 0;
}

static void doclist_dispose(doclist *l)
{
    for (size_t i = 0; i < l->n; i++)
        evg_doc_free(l->v[i]);
    free(l->v);
    memset(l, 0, sizeof(*l));
}

/* ---- events JSON Lines parsed in parallel ---- */

typedef struct lines {
    size_t n;
    const char **at;    /* each non-blank line */
    size_t *len, *no;   /* its length and number */
    evg_doc **docs;     /* parsed, or NULL */
    char **errs;        /* else why (malloc'd) */
    size_t next;        /* the next chunk of lines to take */
    pthread_mutex_t mu;
} lines;

enum { LINE_CHUNK = 64 };

static void *parse_lines_worker(void *arg)
{
    lines *ls = arg;
    for (;;) {
        pthread_mutex_lock(&ls->mu);
        size_t from = ls->next;
        ls->next += LINE_CHUNK;
        pthread_mutex_unlock(&ls->mu);
        if (from >= ls->n)
            return NULL;
        size_t to = from + LINE_CHUNK < ls->n ? from + LINE_CHUNK : ls->n;
        for (size_t i = from; i < to; i++) {
            evg_error err;
            evg_error_clear(&err);
            if (evg_doc_from_json(ls->at[i], ls->len[i], &ls->docs[i], &err)) {
                ls->docs[i] = NULL;
                ls->errs[i] = strdup(err.message);
            }
        }
    }
}

static void lines_dispose(lines *ls, size_t from)
{
    for (size_t i = from; i < ls->n; i++)
        evg_doc_free(ls->docs[i]);
    for (size_t i = 0; i < ls->n; i++)
        free(ls->errs[i]);
    free(ls->at);
    free(ls->len);
    free(ls->no);
    free(ls->docs);
    free(ls->errs);
    memset(ls, 0, sizeof(*ls));
}

/* Parses every non-blank line of `data` into ls->docs (or ls->errs), on
 * as many threads as there are cores. EVG_ENOMEM. */
static int parse_lines(const char *data, size_t len, lines *ls)
{
    memset(ls, 0, sizeof(*ls));
    size_t cap = 0;
    for (size_t pos = 0, no = 1; pos < len; no++) {
        const char *s = data + pos;
        const char *e = memchr(s, '\n', len - pos);
        size_t n = e ? (size_t)(e - s) : len - pos;
        pos += n + 1;
        size_t k = 0;
        while (k < n && (s[k] == ' ' || s[k] == '\t' || s[k] == '\r'))
            k++;
        if (k == n)
            continue;
        if (ls->n == cap) {
            cap = cap ? cap * 2 : 1024;
            const char **a = realloc(ls->at, cap * sizeof(*a));
            if (a)
                ls->at = a;
            size_t *l = realloc(ls->len, cap * sizeof(*l));
            if (l)
                ls->len = l;
            size_t *o = realloc(ls->no, cap * sizeof(*o));
            if (o)
                ls->no = o;
            if (!a || !l || !o) {
                lines_dispose(ls, 0);
                return EVG_ENOMEM;
            }
        }
        ls->at[ls->n] = s;
        ls->len[ls->n] = n;
        ls->no[ls->n++] = no;
    }
    ls->docs = calloc(ls->n + 1, sizeof(*ls->docs));
    ls->errs = calloc(ls->n + 1, sizeof(*ls->errs));
    if (!ls->docs || !ls->errs) {
        lines_dispose(ls, 0);
        return EVG_ENOMEM;
    }
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    size_t n_th = cores > 1 ? (size_t)cores : 1;
    if (n_th > 16)
        n_th = 16;
    if (n_th > ls->n / LINE_CHUNK)
        n_th = ls->n / LINE_CHUNK;
    pthread_t th[16];
    size_t started = 0;
    pthread_mutex_init(&ls->mu, NULL);
    /* the calling thread works too */
    for (; started + 1 < n_th; started++)
        if (pthread_create(&th[started], NULL, parse_lines_worker, ls) != 0)
            break;
    parse_lines_worker(ls);
    for (size_t i = 0; i < started; i++)
        pthread_join(th[i], NULL);
    pthread_mutex_destroy(&ls->mu);
    return 0;
}

/* Reads events documents: one JSON object, or JSON Lines. */
static int read_events_file(const char *path, doclist *docs)
{
    evg_error err;
    evg_error_clear(&err);
    char *data;
    size_t len;
    int rc = evg_read_file(path, (size_t)1 << 31, &data, &len, &err);
    if (rc)
        return fail(&err, rc);
    const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
    char kind[1024];
    if (cli_sniff(data, len, name, kind, sizeof(kind))) {
        msg("%s", kind);
        free(data);
        return EXIT_INPUT;
    }
    evg_doc *doc;
    rc = evg_doc_from_json(data, len, &doc, &err);
    if (rc == 0) {
        free(data);
        if (doclist_push(docs, doc)) {
            evg_doc_free(doc);
            msg("out of memory");
            return EXIT_INPUT;
        }
        return EXIT_OK;
    }
    size_t blank = 0;
    while (blank < len && strchr(" \t\r\n", data[blank]))
        blank++;
    if (blank == len) {
        msg("%s: no events document (the file is empty or blank)", name);
        free(data);
        return EXIT_INPUT;
    }
    /* not one document: try JSON Lines when there are several lines */
    int status = EXIT_OK;
    const char *nl = memchr(data, '\n', len);
    int several = nl && (size_t)(nl - data) + 1 < len;
    if (!several) {
        msg("%s: %s", name, err.message);
        free(data);
        return EXIT_INPUT;
    }
    /* JSON Lines start with a whole record on the first line; anything
     * else (a pretty-printed document with an error, say) is one error */
    size_t at = 0;
    while (at < len && (data[at] == ' ' || data[at] == '\t' ||
                        data[at] == '\r' || data[at] == '\n'))
        at++;
    const char *first_end = memchr(data + at, '\n', len - at);
    size_t first_len = first_end ? (size_t)(first_end - data) - at : len - at;
    char one_err[sizeof(err.message)];
    snprintf(one_err, sizeof(one_err), "%s", err.message);
    evg_error_clear(&err);
    if (evg_doc_from_json(data + at, first_len, &doc, &err) == 0)
        evg_doc_free(doc);
    else if (err.code == EVG_EPARSE) {
        /* malformed: a multi-line document; otherwise the first record
         * is no events document and the rest will not be either */
        msg("%s: %s", name,
            strstr(err.message, "malformed JSON") ? one_err : err.message);
        free(data);
        return EXIT_INPUT;
    }
    /* the lines are parsed on every core (a 1,000,000-event file is
     * 1.3 GB of JSON), then taken in order */
    lines ls;
    if (parse_lines(data, len, &ls)) {
        free(data);
        msg("out of memory");
        return EXIT_INPUT;
    }
    size_t found = 0, bad_lines = 0;
    enum { MAX_SHOWN = 10 };
    for (size_t i = 0; i < ls.n; i++) {
        if (!ls.docs[i]) {
            if (++bad_lines <= MAX_SHOWN)
                msg("%s:%zu: %s", name, ls.no[i],
                    ls.errs[i] ? ls.errs[i] : "out of memory");
            status = EXIT_INPUT;
            continue;
        }
        if (doclist_push(docs, ls.docs[i])) {
            lines_dispose(&ls, i);
            free(data);
            msg("out of memory");
            return EXIT_INPUT;
        }
        ls.docs[i] = NULL;
        found++;
    }
    lines_dispose(&ls, 0);
    if (bad_lines > MAX_SHOWN)
        msg("%s: %zu more bad lines not shown (%zu of %zu lines read)", name,
            bad_lines - MAX_SHOWN, found, found + bad_lines);
    free(data);
    return status;
}

static int read_events(char **paths, int n, doclist *docs)
{
    int status = EXIT_OK;
    if (n == 0)
        return read_events_file("-", docs);
    for (int i = 0; i < n; i++) {
        int rc = read_events_file(paths[i], docs);
        if (rc > status)
            status = rc;
    }
    return status;
}

/* ---- commands ---- */

typedef struct extract_ctx {
    const char *out;
    int pretty;
    FILE *tmp;   /* where -o output goes (run: a memory stream) */
    char *buf;
    size_t len;
    evg_out *o;  /* -o of extract and stats */
} extract_ctx;

static int print_doc(evg_doc *doc, void *p)
{
    extract_ctx *c = p;
    evg_error err;
    evg_error_clear(&err);
    FILE *f = c->tmp ? c->tmp : stdout;
    /* streamed: a big document is never held twice as JSON text */
    int rc = evg_doc_write_json(doc, c->pretty, f, &err);
    if (rc && rc != EVG_EIO)
        return fail(&err, rc);
    if (rc || fputc('\n', f) == EOF) {
        msg("%s: write failed: %s", c->out ? c->out : "<stdout>",
            strerror(errno));
        return EXIT_IO;
    }
    return 0;
}

/* -o: the output is streamed into a temporary file beside the target and
 * replaces it at the end (evg_out), never held whole in memory. */
static int open_capture(extract_ctx *c)
{
    if (!c->out || strcmp(c->out, "-") == 0)
        return 0;
    evg_error err;
    evg_error_clear(&err);
    int rc = evg_out_open(c->out, &c->o, &err);
    if (rc)
        return fail(&err, rc);
    c->tmp = evg_out_file(c->o);
    return 0;
}

static int close_capture(extract_ctx *c, int status)
{
    if (!c->o)
        return status;
    /* something written is kept, even when another input failed */
    long at = ftell(c->tmp);
    int keep = status == EXIT_OK || at > 0 || at < 0;
    evg_error err;
    evg_error_clear(&err);
    int rc = evg_out_close(c->o, keep, &err);
    c->o = NULL;
    c->tmp = NULL;
    if (rc) {
        int e = fail(&err, rc);
        if (e > status)
            status = e;
    }
    return status;
}

int cli_load_lexicon(settings *st, evg_lexicon **lex)
{
    evg_error err;
    evg_error_clear(&err);
    int rc = evg_lexicon_load(st->dicts, st->n_dicts, lex, &err);
    if (rc)
        return fail(&err, rc);
    /* the syntax model and the event-mention detector that reads its
     * token layer (the small model first: its errors come quickly),
     * unless --no-parse; any failure of them is bad input (1) */
    if (st->no_parse && (st->tokens || st->model || st->events_model)) {
        evg_lexicon_free(*lex);
        *lex = NULL;
        msg("--no-parse: not with --%s",
            st->tokens ? "tokens" : st->model ? "model" : "events-model");
        return EXIT_USAGE;
    }
    if (!st->no_parse && !st->syntax) {
        int men_failed =
            (rc = evg_mentions_load(st->events_model, &st->mentions, &err)) != 0;
        if (men_failed || (rc = evg_syntax_load(st->model, &st->syntax, &err))) {
            evg_lexicon_free(*lex);
            *lex = NULL;
            const char *given = men_failed ? st->events_model : st->model;
            msg("%s%s%s%s", err.message[0] ? err.message : evg_strerror(rc),
                given ? "" : men_failed ? " (--events-model FILE" : " (--model FILE",
                given ? "" : " names another; --no-parse extracts without the "
                             "parse",
                given ? "" : ")");
            return EXIT_INPUT;
        }
    }
    st->ex.syntax = st->syntax;
    st->ex.mentions = st->mentions;
    st->ex.drop_tokens = !st->tokens;
    st->ex.compact_tokens = 1; /* the documents are only written */
    return 0;
}


static int build_graph(doclist *docs, settings *st, evg_graph **g)
{
    evg_error err;
    evg_error_clear(&err);
    int rc = evg_graph_build((const evg_doc *const *)docs->v, docs->n, &st->gr,
                             g, &err);
    return rc ? fail(&err, rc) : 0;
}

/* Writes a graph export to `path` ("-": stdout), streamed through evg_out:
 * a regular file is written beside its target and renamed over it only
 * when complete, so a failed export leaves the old file. */
int cli_write_graph(const evg_graph *g, evg_graph_format fmt,
                    const char *path)
{
    evg_error err;
    evg_error_clear(&err);
    evg_out *o;
    int rc = evg_out_open(path, &o, &err);
    if (rc)
        return fail(&err, rc);
    rc = evg_graph_write(g, fmt, evg_out_file(o), &err);
    evg_error cerr;
    evg_error_clear(&cerr);
    int crc = evg_out_close(o, rc == 0, &cerr);
    /* a failed write: the output's own message names the file */
    if (crc && (!rc || rc == EVG_EIO))
        return fail(&cerr, crc);
    return rc ? fail(&err, rc) : 0;
}

/* The picture for `path` as a malloc'd buffer. */
static int render_bytes(const evg_graph *g, const evg_render_opts *ro,
                        const char *path, char **buf, size_t *len)
{
    evg_error err;
    evg_error_clear(&err);
    /* links to the source documents are relative to the output's folder */
    evg_render_opts o = *ro;
    char *dir = NULL;
    if (strcmp(path, "-") != 0) {
        const char *slash = strrchr(path, '/');
        dir = slash ? strndup(path, (size_t)(slash - path) + (slash == path))
                    : strdup(".");
        o.link_base = dir;
    }
    int rc = evg_render(g, &o, buf, len, &err);
    free(dir);
    return rc ? fail(&err, rc) : 0;
}

int cli_write_render(const evg_graph *g, const evg_render_opts *ro,
                     const char *path)
{
    char *buf;
    size_t len;
    int rc = render_bytes(g, ro, path, &buf, &len);
    if (rc)
        return rc;
    evg_error err;
    evg_error_clear(&err);
    rc = evg_write_file_atomic(path, buf, len, &err);
    free(buf);
    return rc ? fail(&err, rc) : 0;
}

/* Reads events documents, builds the graph and hands it to `action`; the
 * worst exit status of reading and acting is returned. */
static int with_graph(int argc, char **argv, settings *st,
                      int (*action)(const evg_graph *, settings *))
{
    doclist docs = {0};
    int status = read_events(argv, argc, &docs);
    if (status == EXIT_OK || docs.n) {
        evg_graph *g;
        int rc = build_graph(&docs, st, &g);
        /* the graph holds copies of what it needs: the documents go
         * before the exports build their tables */
        doclist_dispose(&docs);
        if (!rc) {
            rc = action(g, st);
            evg_graph_free(g);
        }
        if (rc > status)
            status = rc;
    }
    doclist_dispose(&docs);
    return status;
}

static int export_graph(const evg_graph *g, settings *st)
{
    return cli_write_graph(g, st->graph_format, st->output ? st->output : "-");
}

static int render_graph(const evg_graph *g, settings *st)
{
    return cli_write_render(g, &st->rd, st->output ? st->output : "-");
}

static int cmd_graph(int argc, char **argv, settings *st)
{
    int fmt = evg_graph_format_parse(st->format ? st->format : "graphml");
    if (fmt < 0) {
        msg("graph: unknown format '%s' (%s)", st->format,
            EVG_GRAPH_FORMAT_NAMES);
        return EXIT_USAGE;
    }
    st->graph_format = (evg_graph_format)fmt;
    if (st->gexf13 && fmt != EVG_GRAPH_GEXF) {
        msg("graph: --gexf-version applies to -f gexf only");
        return EXIT_USAGE;
    }
    if (st->gexf13)
        st->graph_format = EVG_GRAPH_GEXF_1_3;

    return with_graph(argc, argv, st, export_graph);
}

static int print_stats(const evg_graph *g, settings *st)
{
    extract_ctx c = {st->output, 0, NULL, NULL, 0, NULL};
    int rc = open_capture(&c);
    if (rc)
        return rc;
    evg_error err;
    evg_error_clear(&err);
    int e = evg_graph_stats_write(g, st->top, c.tmp ? c.tmp : stdout, &err);
    if (!e) {
        /* the same counts every picture prints */
        evg_render_counts cn;
        evg_render_count(g, &st->rd, &cn);
        char counts[256];
        evg_render_counts_text(&cn, counts, sizeof(counts));
        fprintf(c.tmp ? c.tmp : stdout,
                "\npictures (render, run): %s; %zu of %zu actors take part "
                "in the events drawn\n",
                counts, cn.actors_shown, cn.actors);
    }
    return close_capture(&c, e ? fail(&err, e) : 0);
}

static int cmd_stats(int argc, char **argv, settings *st)
{
    return with_graph(argc, argv, st, print_stats);
}

static int cmd_render(int argc, char **argv, settings *st)
{
    int fmt = evg_render_format_parse(st->format ? st->format : "svg");
    if (fmt < 0) {
        msg("render: unknown format '%s' (svg, dot, png, pdf, html)",
            st->format);
        return EXIT_USAGE;
    }
    st->rd.format = (evg_render_format)fmt;
    return with_graph(argc, argv, st, render_graph);
}

static char *join(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s", dir, name);
    return p;
}

static void print_names(FILE *f, const evg_graph *g, const size_t *ids,
                        size_t n, int width)
{
    char line[256];
    size_t used = 0;
    line[0] = '\0';
    for (size_t i = 0; i < n && used < sizeof(line) - 1; i++) {
        const evg_gactor *a = evg_graph_actor(g, ids[i]);
        int w = snprintf(line + used, sizeof(line) - used, "%s%s",
                         i ? ", " : "", a ? a->name : "?");
        if (w < 0)
            break;
        used += (size_t)w;
    }
    if (n == 0)
        snprintf(line, sizeof(line), "-");
    if ((int)strlen(line) > width && width > 3) {
        line[width - 3] = '\0';
        strcat(line, "...");
    }
    fprintf(f, "%-*s", width, line);
}

static void print_table(const evg_graph *g)
{
    size_t n = evg_graph_event_count(g);
    printf("%-18s %-30s %-24s %s\n", "DATE", "WHO", "TO WHOM", "WHAT");
    for (size_t i = 0; i < n; i++) {
        const evg_gevent *e = evg_graph_event(g, i);
        char when[32];
        if (e->time_value)
            snprintf(when, sizeof(when), "%s", e->time_value);
        else if (e->lo && e->hi && strcmp(e->lo, e->hi) != 0)
            snprintf(when, sizeof(when), "%s..%s", e->lo, e->hi + 5);
        else
            snprintf(when, sizeof(when), "%s", e->lo ? e->lo : "?");
        printf("%-18s ", when);
        print_names(stdout, g, e->sources, e->n_sources, 30);
        putchar(' ');
        print_names(stdout, g, e->targets, e->n_targets, 24);
        int flagged = strcmp(e->modality, "asserted") != 0;
        /* "-": an event CAMEO has no code for */
        printf(" %s %s%s%s%s\n", e->cameo ? e->cameo : "-", e->summary,
               flagged ? " [" : "",
               flagged ? e->modality : "", flagged ? "]" : "");
    }
}

static int collect(evg_doc *doc, const char *json, size_t len, void *ctx)
{
    (void)json;
    (void)len;
    if (doclist_push(ctx, doc)) {
        evg_doc_free(doc);
        msg("out of memory");
        return EXIT_INPUT;
    }
    return 0;
}

/* Reports a failed write to `f` (for `path`) and returns EXIT_IO. The
 * reason is read again from a flush: the library that wrote may have
 * changed errno since. */
static int write_failed(const char *path, FILE *f)
{
    int e = errno;
    if (fflush(f) != 0 && errno)
        e = errno;
    msg("%s: write failed: %s", path, strerror(e ? e : EIO));
    return EXIT_IO;
}

static int cmd_run(int argc, char **argv, settings *st)
{
    if (argc == 0) {
        msg("run: no input (give article files or folders; see 'evgraph help run')");
        return EXIT_USAGE;
    }
    /* the outputs chosen with -f (default: events, graph, HTML page, SVG
     * and DOT timelines) */
    static const char *const kinds[] = {"events", "graphml", "html", "svg",
                                        "dot", "png", "pdf"};
    static const char *const files[] = {"events.json", "graph.graphml",
                                        "timeline.html", "timeline.svg",
                                        "timeline.dot", "timeline.png",
                                        "timeline.pdf"};
    enum { N_KINDS = 7 };
    int want[N_KINDS] = {1, 1, 1, 1, 1, 0, 0};
    if (st->format) {
        memset(want, 0, sizeof(want));
        const char *p = st->format;
        while (*p) {
            size_t n = strcspn(p, ",");
            int k = 0;
            while (k < N_KINDS &&
                   !(strlen(kinds[k]) == n && strncmp(p, kinds[k], n) == 0))
                k++;
            if (k == N_KINDS) {
                msg("run: -f: unknown output '%.*s' (events, graphml, html, "
                    "svg, dot, png, pdf)", (int)(n < 40 ? n : 40), p);
                return EXIT_USAGE;
            }
            want[k] = 1;
            p += n + (p[n] == ',');
        }
        int any = 0;
        for (int k = 0; k < N_KINDS; k++)
            any |= want[k];
        if (!any) {
            msg("run: -f: no output named (events, graphml, html, svg, dot, "
                "png, pdf)");
            return EXIT_USAGE;
        }
    }
    const char *dir = st->output ? st->output : "out";
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        msg("%s: cannot create folder: %s", dir, strerror(errno));
        return EXIT_IO;
    }
    struct stat sb;
    if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
        msg("%s: not a folder", dir);
        return EXIT_IO;
    }
    evg_lexicon *lex;
    int rc = cli_load_lexicon(st, &lex);
    if (rc)
        return rc;
    doclist docs = {0};
    int status = cli_extract_stream(argv, argc, st, lex, 0, collect, &docs);
    evg_lexicon_free(lex);
    /* the models (35 MB) are done with: the graph and the pictures are
     * built without them */
    evg_syntax_free(st->syntax);
    evg_mentions_free(st->mentions);
    st->syntax = NULL;
    st->mentions = NULL;
    st->ex.syntax = NULL;
    st->ex.mentions = NULL;
    if (docs.n == 0) {
        msg("run: no article could be read");
        doclist_dispose(&docs);
        return status ? status : EXIT_INPUT;
    }
    evg_graph *g = NULL;
    char written[256] = "";
    /* each output is streamed into a temporary file beside its target as
     * it is made (one at a time in memory, at most), and they replace the
     * old ones together at the end: a full disk half-way leaves all the
     * old files, not new events beside an old graph */
    evg_outset *set = NULL;
    evg_error err;
    evg_error_clear(&err);
    size_t n_docs = docs.n;
    if ((rc = build_graph(&docs, st, &g)))
        goto done;
    if (!want[0])
        doclist_dispose(&docs); /* the graph holds what the rest needs */
    if ((rc = evg_outset_new(&set, &err))) {
        rc = fail(&err, rc);
        goto done;
    }
    for (int k = 0; k < N_KINDS && !rc; k++) {
        if (!want[k])
            continue;
        char *path = join(dir, files[k]);
        FILE *f = NULL;
        int e;
        if (!path) {
            msg("out of memory");
            rc = EXIT_INPUT;
            break;
        }
        if ((e = evg_outset_add(set, path, &f, &err))) {
            rc = fail(&err, e);
        } else if (k == 0) {
            extract_ctx c = {path, 0, f, NULL, 0, NULL};
            for (size_t i = 0; i < docs.n && !rc; i++)
                rc = print_doc(docs.v[i], &c);
            doclist_dispose(&docs); /* written: the pictures need only g */
        } else if (k == 1) {
            if ((e = evg_graph_write(g, EVG_GRAPH_GRAPHML, f, &err)))
                rc = ferror(f) ? write_failed(path, f) : fail(&err, e);
        } else {
            evg_render_opts ro = st->rd;
            ro.format = (evg_render_format)evg_render_format_parse(kinds[k]);
            char *buf;
            size_t len;
            if (!(rc = render_bytes(g, &ro, path, &buf, &len))) {
                if (len && fwrite(buf, 1, len, f) != len)
                    rc = write_failed(path, f);
                free(buf);
            }
        }
        free(path);
        if (!rc) {
            size_t at = strlen(written);
            snprintf(written + at, sizeof(written) - at, "%s%s",
                     at ? "," : "", files[k]);
        }
    }
    if (!rc) {
        int e = evg_outset_commit(set, &err);
        if (e)
            rc = fail(&err, e);
    }
    evg_outset_free(set);
    if (rc)
        goto done;
    print_table(g);
    if (!quiet) {
        evg_render_counts cn;
        evg_render_count(g, &st->rd, &cn);
        char counts[256];
        evg_render_counts_text(&cn, counts, sizeof(counts));
        msg("%zu article%s, %zu events (%s), %zu actors -> %s/{%s}",
            n_docs, n_docs == 1 ? "" : "s", evg_graph_event_count(g), counts,
            evg_graph_actor_count(g), dir, written);
    }
done:
    evg_graph_free(g);
    doclist_dispose(&docs);
    return rc > status ? rc : status;
}

static int finish(int status)
{
    if (ferror(stdout) || fclose(stdout) != 0) {
        msg("<stdout>: write failed: %s", strerror(errno));
        return EXIT_IO;
    }
    return status;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        cli_print_help(stderr, NULL);
        return EXIT_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
        cli_print_help(stdout, NULL);
        return finish(EXIT_OK);
    }
    if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0) {
        printf("evgraph %s\n", evg_version());
        return finish(EXIT_OK);
    }
    if (strcmp(name, "help") == 0) {
        if (argc < 3) {
            cli_print_help(stdout, NULL);
            return finish(EXIT_OK);
        }
        const cli_command *c = cli_find_command(argv[2]);
        if (!c) {
            msg("help: unknown command '%s'", argv[2]);
            return EXIT_USAGE;
        }
        cli_print_help(stdout, c);
        return finish(EXIT_OK);
    }
    if (strcmp(name, "completion") == 0)
        return finish(cli_completion(argc - 2, argv + 2));
    const cli_command *cmd = cli_find_command(name);
    if (!cmd) {
        msg("unknown command '%s' (try 'evgraph --help')", name);
        return EXIT_USAGE;
    }
    settings st;
    memset(&st, 0, sizeof(st));
    evg_extract_opts_init(&st.ex);
    evg_graph_opts_init(&st.gr);
    evg_render_opts_init(&st.rd);
    int first = parse_options(cmd, argc - 1, argv + 1, &st);
    int status;
    if (first == -2)
        status = EXIT_OK;
    else if (first < 0)
        status = EXIT_USAGE;
    else {
        int n = argc - 1 - first;
        char **ops = argv + 1 + first;
        switch (cmd->bit) {
        case C_EXTRACT: status = cmd_extract(n, ops, &st); break;
        case C_GRAPH: status = cmd_graph(n, ops, &st); break;
        case C_RENDER: status = cmd_render(n, ops, &st); break;
        case C_STATS: status = cmd_stats(n, ops, &st); break;
        case C_INGEST: status = cmd_ingest(n, ops, &st); break;
        case C_QUERY: status = cmd_query(n, ops, &st); break;
        case C_PARSE:
            status = cli_parse(st.conllu_in, st.model, st.output, ops, n);
            break;
        default: status = cmd_run(n, ops, &st); break;
        }
    }
    free(st.dicts);
    evg_syntax_free(st.syntax);
    evg_mentions_free(st.mentions);
    return finish(status);
}
