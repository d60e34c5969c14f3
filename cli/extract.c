/* `evgraph extract` and the streaming, parallel extraction under it (also
 * used by `run` and `ingest`): the main thread reads articles and hands
 * them over in order, worker threads extract (and serialize) them, and the
 * main thread passes the results on in input order. A ring of a few slots
 * per thread bounds memory by the largest documents, not the corpus. */
#ifdef __linux__
#define _GNU_SOURCE /* fopencookie */
#endif
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "commands.h"
#include "doc_events.h"
#include "pipeline.h"

/* ---- progress line ---- */

typedef struct progress {
    int on;
    double t0, last;
    double total;      /* input bytes, 0 when unknown (stdin) */
    double bytes;      /* article bytes done */
    size_t docs, events;
} progress;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int wanted_ext(const char *name)
{
    const char *dot = strrchr(name, '.');
    return dot && (strcmp(dot, ".txt") == 0 || strcmp(dot, ".jsonl") == 0 ||
                   strcmp(dot, ".tml") == 0);
}

/* Bytes under `path` that the reader will read (files it walks). */
static double input_size(const char *path, int top, int depth)
{
    struct stat sb;
    if (strcmp(path, "-") == 0 || stat(path, &sb) != 0)
        return 0;
    if (S_ISREG(sb.st_mode))
        return top || wanted_ext(path) ? (double)sb.st_size : 0;
    if (!S_ISDIR(sb.st_mode) || depth > 32)
        return 0;
    double sum = 0;
    DIR *d = opendir(path);
    if (!d)
        return 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue;
        size_t n = strlen(path) + strlen(de->d_name) + 2;
        char *p = malloc(n);
        if (!p)
            break;
        snprintf(p, n, "%s/%s", path, de->d_name);
        sum += input_size(p, 0, depth + 1);
        free(p);
    }
    closedir(d);
    return sum;
}

static void progress_show(progress *p, int final)
{
    if (!p->on)
        return;
    double t = now();
    if (!final && t - p->last < 0.25)
        return;
    p->last = t;
    double el = t - p->t0 > 1e-6 ? t - p->t0 : 1e-6;
    double mbs = p->bytes / 1e6 / el;
    char eta[32] = "";
    if (!final && p->total > 0 && p->bytes > 0 && p->bytes < p->total) {
        double s = el * (p->total - p->bytes) / p->bytes;
        snprintf(eta, sizeof(eta), ", ETA %dm%02ds", (int)(s / 60),
                 (int)s % 60);
    }
    fprintf(stderr, "\revgraph: %zu documents, %.2f MB/s, %zu events%s\033[K",
            p->docs, mbs, p->events, eta);
    if (final)
        fputc('\n', stderr);
}

/* ---- the ring of slots ---- */

enum { S_FREE = 0, S_READY, S_BUSY, S_DONE };

typedef struct slot {
    int state;
    char *text;
    size_t len;
    long line;          /* events line: its number, else 0 (an article) */
    char *id, *path, *dct, *title, *url, *source;
    evg_doc *doc;
    char *json;
    size_t json_len;
    int rc;
    evg_error err;
} slot;

typedef struct pipeline {
    const settings *st;
    const evg_lexicon *lex;
    int json;
    const char *name;   /* events file, for messages */
    slot *ring;
    size_t n_ring;
    size_t next_in, next_take, next_out; /* sequence numbers */
    size_t idle;        /* workers waiting for work */
    size_t want;        /* the main thread waits until this one is done */
    int main_waiting;
    int closing;
    pthread_mutex_t mu;
    pthread_cond_t work, done;
} pipeline;

static void slot_clear(slot *s)
{
    free(s->text);
    free(s->id);
    free(s->path);
    free(s->dct);
    free(s->title);
    free(s->url);
    free(s->source);
    evg_doc_free(s->doc);
    free(s->json);
    memset(s, 0, sizeof(*s));
}

static char *dup_or_null(const char *s, int *bad)
{
    if (!s)
        return NULL;
    char *c = strdup(s);
    if (!c)
        *bad = 1;
    return c;
}

/* Copies the reader's borrowed article into the slot. */
static int slot_fill(slot *s, const evg_article *a)
{
    int bad = 0;
    s->text = malloc(a->len + 1);
    if (!s->text)
        return EVG_ENOMEM;
    memcpy(s->text, a->text, a->len);
    s->text[a->len] = '\0';
    s->len = a->len;
    s->id = dup_or_null(a->id, &bad);
    s->path = dup_or_null(a->path, &bad);
    s->dct = dup_or_null(a->dct, &bad);
    s->title = dup_or_null(a->title, &bad);
    s->url = dup_or_null(a->url, &bad);
    s->source = dup_or_null(a->source, &bad);
    return bad ? EVG_ENOMEM : 0;
}

/* Articles up to this size are serialized by the worker threads, into
 * at most SERIALIZE_RATIO times their size (and 16 KiB): news prose
 * gives about ten times its size, `Go. ` repeated (an event every 4
 * bytes) 120 times; an article whose JSON grows past that is streamed by
 * the main thread, as a longer one is (docs/robustness.md, "Memory
 * budget"). */
#define SERIALIZE_MAX ((size_t)16 << 10)
#define SERIALIZE_RATIO 32

#ifdef __GLIBC__
/* A memory stream that refuses to grow past `max` bytes (`over`). */
typedef struct capped {
    char *data;
    size_t len, cap, max;
    int over;
} capped;

static ssize_t capped_write(void *cookie, const char *buf, size_t n)
{
    capped *m = cookie;
    if (m->over || n > m->max - m->len) {
        m->over = 1;
        return 0; /* an error: the writer stops */
    }
    if (m->len + n + 1 > m->cap) {
        size_t c = m->cap ? m->cap : 4096;
        while (c < m->len + n + 1)
            c *= 2;
        char *d = realloc(m->data, c);
        if (!d)
            return 0;
        m->data = d;
        m->cap = c;
    }
    memcpy(m->data + m->len, buf, n);
    m->len += n;
    m->data[m->len] = '\0';
    return (ssize_t)n;
}

/* The document's JSON into s->json when it is at most `max` bytes, else
 * nothing (the main thread streams it). */
static void serialize_capped(pipeline *p, slot *s, size_t max)
{
    capped m = {NULL, 0, 0, max, 0};
    cookie_io_functions_t io = {NULL, capped_write, NULL, NULL};
    FILE *f = fopencookie(&m, "w", io);
    if (!f) {
        s->rc = evg_error_set(&s->err, EVG_ENOMEM, "out of memory");
        return;
    }
    s->rc = evg_doc_write_json(s->doc, p->st->pretty, f, &s->err);
    int bad = fclose(f) != 0;
    if (m.over) { /* too long to hold: streamed when its turn comes */
        free(m.data);
        s->rc = 0;
        evg_error_clear(&s->err);
        return;
    }
    if (bad && !s->rc)
        s->rc = evg_error_set(&s->err, EVG_ENOMEM, "out of memory");
    if (s->rc) {
        free(m.data);
        return;
    }
    s->json = m.data;
    s->json_len = m.len;
}
#endif

/* Extracts (and serializes) one slot; runs without the lock. */
static void slot_work(pipeline *p, slot *s)
{
    if (s->line) {
        evg_error_clear(&s->err);
        s->rc = evg_doc_from_json(s->text, s->len, &s->doc, &s->err);
        free(s->text);
        s->text = NULL;
        return;
    }
    evg_extract_opts ex = p->st->ex;
    ex.lexicon = p->lex;
    ex.path = s->path;
    ex.id = s->id;
    ex.title = s->title;
    ex.url = s->url;
    ex.source = s->source;
    if (!ex.dct && s->dct) {
        ex.dct = s->dct;
        ex.dct_from_metadata = 1;
    }
    evg_error_clear(&s->err);
    /* the document takes the slot's copy of the text: no second copy */
    char *text = s->text;
    s->text = NULL;
    s->rc = evg_extract__text_owned(text, s->len, &ex, &s->doc, &s->err);
    if (!s->rc && p->json && s->len <= SERIALIZE_MAX) {
        /* the streamed writer, into this document's own buffer: the main
         * thread writes the buffers in input order. A longer article's
         * JSON (several times its size) is never held whole: the main
         * thread streams it straight to the output when its turn comes */
#ifdef __GLIBC__
        size_t max = s->len * SERIALIZE_RATIO;
        serialize_capped(p, s, max > SERIALIZE_MAX ? max : SERIALIZE_MAX);
        return;
#endif
        FILE *m = open_memstream(&s->json, &s->json_len);
        if (!m) {
            s->rc = evg_error_set(&s->err, EVG_ENOMEM, "out of memory");
            return;
        }
        s->rc = evg_doc_write_json(s->doc, p->st->pretty, m, &s->err);
        if (fclose(m) != 0 && !s->rc)
            s->rc = evg_error_set(&s->err, EVG_ENOMEM, "out of memory");
    }
}

/* Are the slots the main thread waits for done? (Under the lock.) Threads
 * hand work over in batches: the main thread waits for half the ring
 * rather than each slot, and is woken once for them, and a worker is woken
 * when a few slots are ready; a wake-up per document cost more CPU than
 * the second thread gained. */
static int wanted_done(const pipeline *p)
{
    for (size_t q = p->next_out; q < p->want; q++)
        if (p->ring[q % p->n_ring].state != S_DONE)
            return 0;
    return 1;
}

static void *worker(void *arg)
{
    pipeline *p = arg;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (p->next_take == p->next_in && !p->closing) {
            p->idle++;
            pthread_cond_wait(&p->work, &p->mu);
            p->idle--;
        }
        if (p->next_take == p->next_in)
            break; /* closing and nothing left */
        slot *s = &p->ring[p->next_take % p->n_ring];
        p->next_take++;
        s->state = S_BUSY;
        pthread_mutex_unlock(&p->mu);
        slot_work(p, s);
        pthread_mutex_lock(&p->mu);
        s->state = S_DONE;
        if (p->main_waiting && wanted_done(p))
            pthread_cond_signal(&p->done);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

typedef struct sink {
    const char *name;   /* events file being read, for messages */
    cli_doc_fn each;
    void *ctx;
    int status;  /* worst so far */
    int stop;    /* the callback asked to stop */
    progress pr;
} sink;

static void worse(int *status, int code)
{
    if (code > *status)
        *status = code;
}

/* Hands one finished slot on (in order) and frees it. */
static void deliver(sink *k, slot *s)
{
    if (s->rc && s->line) {
        msg("%s:%ld: %s", k->name, s->line, s->err.message);
        worse(&k->status, EXIT_INPUT);
    } else if (s->rc) {
        fail(&s->err, s->rc);
        worse(&k->status, exit_for(s->rc));
    } else if (!k->stop) {
        if (!quiet)
            for (size_t w = 0; w < evg_doc_warning_count(s->doc); w++)
                msg("warning: %s", evg_doc_warning(s->doc, w));
        k->pr.docs++;
        k->pr.events += evg_doc__event_count(s->doc);
        k->pr.bytes += (double)(s->line ? s->len : s->doc->text_len);
        evg_doc *doc = s->doc;
        s->doc = NULL;
        int rc = k->each(doc, s->json, s->json_len, k->ctx);
        if (rc) {
            worse(&k->status, rc);
            k->stop = 1;
        }
        progress_show(&k->pr, 0);
    }
    slot_clear(s);
}

/* Delivers finished slots in order; with `wait`, waits for the oldest. */
static void drain(pipeline *p, sink *k, int wait)
{
    pthread_mutex_lock(&p->mu);
    for (;;) {
        if (p->next_out == p->next_in)
            break;
        slot *s = &p->ring[p->next_out % p->n_ring];
        if (s->state != S_DONE) {
            if (!wait)
                break;
            /* wake the workers for what is ready, then wait for the
             * oldest half of the ring (or all that is left) */
            if (p->idle && p->next_take != p->next_in)
                pthread_cond_broadcast(&p->work);
            p->want = p->next_out + p->n_ring / 2;
            if (p->want > p->next_in)
                p->want = p->next_in;
            p->main_waiting = 1;
            while (!wanted_done(p))
                pthread_cond_wait(&p->done, &p->mu);
            p->main_waiting = 0;
            continue;
        }
        pthread_mutex_unlock(&p->mu);
        deliver(k, s);
        pthread_mutex_lock(&p->mu);
        p->next_out++;
        wait = 0; /* one slot is free now */
    }
    pthread_mutex_unlock(&p->mu);
}

static size_t default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (size_t)n : 1;
}

/* glibc serves a block of 128 KiB and more with mmap, and gives it back
 * when freed, until the first such block is freed: then it raises that
 * threshold to the block's size (up to 32 MiB), and the big arrays of the
 * next documents (words, events, arena blocks) come from the heap, where
 * their outgrown copies stay resident. A fixed threshold keeps them
 * mapped: 1 MB of news prose peaks 1.6 MB lower (docs/robustness.md). */
static void fixed_mmap_threshold(void)
{
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
}

/* Starts `jobs` - 1 ... `jobs` worker threads (none for one job: the
 * caller's thread does the work). Returns 0 or an exit status. */
static int pipeline_start(pipeline *p, size_t jobs, pthread_t **th,
                          size_t *n_th)
{
    *th = NULL;
    *n_th = 0;
    if (jobs <= 1)
        return 0;
    p->n_ring = jobs * 8;
    p->ring = calloc(p->n_ring, sizeof(*p->ring));
    *th = calloc(jobs, sizeof(**th));
    if (!p->ring || !*th) {
        free(p->ring);
        free(*th);
        p->ring = NULL;
        *th = NULL;
        msg("out of memory");
        return EXIT_INPUT;
    }
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->work, NULL);
    pthread_cond_init(&p->done, NULL);
    for (; *n_th < jobs; (*n_th)++)
        if (pthread_create(&(*th)[*n_th], NULL, worker, p) != 0)
            break;
    return 0; /* no thread at all: the caller's thread works alone */
}

/* Queues one filled slot (or works on it here without threads). */
static void pipeline_submit(pipeline *p, sink *k, size_t n_th, slot *s)
{
    if (!n_th) {
        slot_work(p, s);
        deliver(k, s);
        return;
    }
    pthread_mutex_lock(&p->mu);
    s->state = S_READY;
    p->next_in++;
    /* an idle worker is woken when a few slots wait for it */
    if (p->idle && p->next_in - p->next_take >= p->n_ring / 4)
        pthread_cond_signal(&p->work);
    pthread_mutex_unlock(&p->mu);
    drain(p, k, 0);
}

/* The slot to fill next: waits for room in the ring. */
static slot *pipeline_slot(pipeline *p, sink *k, size_t n_th, slot *local)
{
    if (!n_th) {
        memset(local, 0, sizeof(*local));
        return local;
    }
    if (p->next_in - p->next_out == p->n_ring)
        drain(p, k, 1);
    return &p->ring[p->next_in % p->n_ring];
}

static void pipeline_finish(pipeline *p, sink *k, pthread_t *th, size_t n_th)
{
    if (n_th) {
        pthread_mutex_lock(&p->mu);
        p->closing = 1;
        pthread_cond_broadcast(&p->work);
        pthread_mutex_unlock(&p->mu);
        while (p->next_out != p->next_in)
            drain(p, k, 1);
        for (size_t i = 0; i < n_th; i++)
            pthread_join(th[i], NULL);
        pthread_mutex_destroy(&p->mu);
        pthread_cond_destroy(&p->work);
        pthread_cond_destroy(&p->done);
    }
    free(th);
    free(p->ring);
    if (k->pr.on && k->pr.docs)
        progress_show(&k->pr, 1);
}

int cli_extract_stream(char **paths, int n_paths, const settings *st,
                       const evg_lexicon *lex, int json, cli_doc_fn each,
                       void *ctx)
{
    static char dash[] = "-";
    static char *stdin_only[] = {dash};
    if (n_paths == 0) {
        paths = stdin_only;
        n_paths = 1;
    }
    sink k = {NULL, each, ctx, EXIT_OK, 0, {0}};
    k.pr.on = !quiet && isatty(STDERR_FILENO);
    k.pr.t0 = k.pr.last = now();
    if (k.pr.on)
        for (int i = 0; i < n_paths; i++)
            k.pr.total += input_size(paths[i], 1, 0);
    pipeline p;
    memset(&p, 0, sizeof(p));
    p.st = st;
    p.lex = lex;
    p.json = json;
    pthread_t *th;
    size_t n_th;
    fixed_mmap_threshold();
    int rc = pipeline_start(&p, st->jobs ? st->jobs : default_jobs(), &th,
                            &n_th);
    if (rc)
        return rc;
    size_t max = st->ex.max_bytes ? st->ex.max_bytes : EVG_DEFAULT_MAX_BYTES;
    for (int i = 0; i < n_paths && !k.stop; i++) {
        evg_error err;
        evg_error_clear(&err);
        evg_input *in;
        rc = evg_input_open(paths[i], max, &in, &err);
        if (rc) {
            worse(&k.status, fail(&err, rc));
            continue;
        }
        while (!k.stop) {
            evg_article art;
            evg_error_clear(&err);
            rc = evg_input_next(in, &art, &err);
            if (rc == 0)
                break;
            if (rc < 0) {
                worse(&k.status, fail(&err, rc));
                if (rc == EVG_ENOMEM)
                    break;
                continue; /* a bad record or file: go on with the next */
            }
            slot local, *s = pipeline_slot(&p, &k, n_th, &local);
            if (slot_fill(s, &art)) {
                slot_clear(s);
                msg("out of memory");
                worse(&k.status, EXIT_INPUT);
                k.stop = 1;
                break;
            }
            pipeline_submit(&p, &k, n_th, s);
        }
        evg_input_free(in);
    }
    pipeline_finish(&p, &k, th, n_th);
    return k.status;
}

static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return 0;
    return 1;
}

int cli_parse_stream(FILE *f, const char *name, const char *first,
                     const settings *st, cli_doc_fn each, void *ctx)
{
    sink k = {name, each, ctx, EXIT_OK, 0, {0}};
    k.pr.on = !quiet && isatty(STDERR_FILENO);
    k.pr.t0 = k.pr.last = now();
    pipeline p;
    memset(&p, 0, sizeof(p));
    p.st = st;
    pthread_t *th;
    size_t n_th;
    int rc = pipeline_start(&p, st->jobs ? st->jobs : default_jobs(), &th,
                            &n_th);
    if (rc)
        return rc;
    size_t max = st->ex.max_bytes ? st->ex.max_bytes : EVG_DEFAULT_MAX_BYTES;
    char *line = NULL;
    size_t cap = 0;
    for (long no = 1; !k.stop; no++) {
        ssize_t n;
        const char *text = line;
        if (no == 1) {
            text = first;
            n = (ssize_t)strlen(first);
        } else if ((n = getline(&line, &cap, f)) < 0) {
            break;
        } else {
            text = line;
        }
        if (blank(text, (size_t)n))
            continue;
        if ((size_t)n > max) {
            msg("%s:%ld: events document larger than %zu bytes "
                "(--max-bytes)", name, no, max);
            worse(&k.status, EXIT_INPUT);
            continue;
        }
        slot local, *s = pipeline_slot(&p, &k, n_th, &local);
        if (!(s->text = malloc((size_t)n + 1))) {
            msg("out of memory");
            worse(&k.status, EXIT_INPUT);
            break;
        }
        memcpy(s->text, text, (size_t)n + 1);
        s->len = (size_t)n;
        s->line = no;
        pipeline_submit(&p, &k, n_th, s);
    }
    if (ferror(f)) {
        msg("%s: read failed: %s", name, strerror(errno));
        worse(&k.status, EXIT_IO);
    }
    free(line);
    pipeline_finish(&p, &k, th, n_th);
    return k.status;
}

/* ---- the output: -o goes through evg_out (a temporary file beside the
 * target, renamed over it at the end; devices and pipes in place) ---- */

typedef struct outfile {
    const char *path;  /* for messages */
    evg_out *o;        /* NULL: stdout */
    FILE *f;
    int pretty;
    size_t written;
    int failed;        /* a write failed (and was reported) */
} outfile;

/* Writes one document: its JSON serialized by a worker, or (a long
 * article) streamed from the document itself. */
static int write_line(evg_doc *doc, const char *json, size_t len, void *ctx)
{
    outfile *o = ctx;
    int rc = 0;
    if (json) {
        if (fwrite(json, 1, len, o->f) != len)
            rc = EVG_EIO;
    } else {
        evg_error err;
        evg_error_clear(&err);
        rc = evg_doc_write_json(doc, o->pretty, o->f, &err);
        if (rc && rc != EVG_EIO) {
            evg_doc_free(doc);
            return fail(&err, rc);
        }
        len = 1; /* not counted: `written` only tells whether any was */
    }
    evg_doc_free(doc);
    if (rc || putc('\n', o->f) == EOF) {
        msg("%s: write failed: %s", o->path, strerror(errno));
        o->failed = 1;
        return EXIT_IO;
    }
    o->written += len + 1;
    return 0;
}

int cmd_extract(int argc, char **argv, settings *st)
{
    evg_lexicon *lex;
    int rc = cli_load_lexicon(st, &lex);
    if (rc)
        return rc;
    st->ex.compact_events = 1; /* the documents are only written */
    st->ex.compact_sentences = 1;
    outfile o = {"<stdout>", NULL, stdout, st->pretty, 0, 0};
    evg_error err;
    evg_error_clear(&err);
    if (st->output && strcmp(st->output, "-") != 0) {
        o.path = st->output;
        if ((rc = evg_out_open(st->output, &o.o, &err))) {
            evg_lexicon_free(lex);
            return fail(&err, rc);
        }
        o.f = evg_out_file(o.o);
    }
    int status = cli_extract_stream(argv, argc, st, lex, 1, write_line, &o);
    evg_lexicon_free(lex);
    if (o.o) {
        /* what was written is kept, even when another input failed; a
         * failed write (a full disk) keeps nothing: the old file stays */
        evg_error_clear(&err);
        rc = evg_out_close(o.o, !o.failed && (status == EXIT_OK ||
                                              o.written > 0),
                           o.failed ? NULL : &err);
        if (rc && !o.failed && fail(&err, rc) > status)
            status = exit_for(rc);
    }
    return status;
}
