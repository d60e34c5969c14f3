/* evgraph-train events: trains the event-mention detector from TimeML
 * (TimeBank's EVENT annotations). Each .tml file's text is read as
 * `evgraph extract` reads it, split and parsed by the syntax model, and
 * each gold EVENT is given to the token its bytes overlap. With --cv K it
 * also scores K-fold cross-validation by document: every document is
 * labeled by a model trained on the other folds only, and the mentions
 * found are written for tools/score_timeml_events.py. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core.h"
#include "evgraph/extract.h"
#include "evgraph/io.h"
#include "input_tml.h"
#include "mentions.h"
#include "train_events.h"
#include "wordnet.h"

#define MAX_TML ((size_t)64 << 20)
#ifndef EVG_CLASSES_DEFAULT
#define EVG_CLASSES_DEFAULT "tools/train/tml_classes.tsv"
#endif

/* The class names, fixed and in this order: class numbers in the model
 * file follow them (TimeML 1.2's EVENT classes). */
static const char *const class_names[] = {
    "NONE", "OCCURRENCE", "REPORTING", "STATE", "I_ACTION", "I_STATE",
    "ASPECTUAL", "PERCEPTION",
};
#define NCLASS (sizeof class_names / sizeof *class_names)

typedef struct gold_ev {
    size_t start, end;
    unsigned cls;
} gold_ev;

typedef struct tml_doc {
    char *name;
    evg_doc *doc;
    uint8_t *gold;
    gold_ev *ev;
    size_t nev, capev;
    size_t open_at;  /* the open EVENT's offset, SIZE_MAX when none */
    unsigned open_cls;
    int bad_class;
} tml_doc;

static unsigned class_of(const char *tag, size_t n)
{
    const char *c = NULL;
    for (size_t i = 0; i + 8 <= n; i++)
        if (!memcmp(tag + i, " class=\"", 8)) {
            c = tag + i + 8;
            break;
        }
    if (!c)
        return 0;
    for (unsigned k = 1; k < NCLASS; k++) {
        size_t len = strlen(class_names[k]);
        if ((size_t)(tag + n - c) > len && !memcmp(c, class_names[k], len) &&
            c[len] == '"')
            return k;
    }
    return 0;
}

static void on_tag(const char *tag, size_t n, size_t at, void *arg)
{
    tml_doc *d = arg;
    if (n > 7 && !memcmp(tag, "<EVENT ", 7)) {
        d->open_at = at;
        d->open_cls = class_of(tag, n);
        if (!d->open_cls)
            d->bad_class = 1;
    } else if (n == 8 && !memcmp(tag, "</EVENT>", 8) && d->open_at != SIZE_MAX) {
        if (d->open_cls &&
            evg_reserve(&d->ev, &d->capev, d->nev + 1, sizeof *d->ev, 64) == 0)
            d->ev[d->nev++] = (gold_ev){d->open_at, at, d->open_cls};
        d->open_at = SIZE_MAX;
    }
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The .tml files of `dir`, sorted by name (bytes). */
static int list_tml(const char *dir, char ***out, size_t *n, evg_error *err)
{
    DIR *d = opendir(dir);
    if (!d)
        return evg_error_set(err, EVG_EIO, "%s: cannot open the folder",
                             dir);
    char **v = NULL;
    size_t cap = 0, k = 0;
    struct dirent *e;
    int rc = 0;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".tml"))
            continue;
        if (evg_reserve(&v, &cap, k + 1, sizeof *v, 256) < 0 ||
            !(v[k] = strdup(e->d_name))) {
            rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
            break;
        }
        k++;
    }
    closedir(d);
    if (!rc && !k)
        rc = evg_error_set(err, EVG_EPARSE, "%s: no .tml files", dir);
    if (rc) {
        for (size_t i = 0; i < k; i++)
            free(v[i]);
        free(v);
        return rc;
    }
    qsort(v, k, sizeof *v, cmp_str);
    *out = v;
    *n = k;
    return 0;
}

/* Reads one file: its text, its token layer, each token's gold class. */
static int load_doc(const char *dir, const char *name, const evg_syntax *syn,
                    tml_doc *d, size_t *lost, evg_error *err)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    char *raw = NULL;
    size_t len;
    int rc = evg_read_file(path, MAX_TML, &raw, &len, err);
    if (rc < 0)
        return rc;
    d->open_at = SIZE_MAX;
    const char *open = strstr(raw, "<TEXT>");
    const char *close = open ? strstr(open, "</TEXT>") : NULL;
    if (!open || !close) {
        free(raw);
        return evg_error_set(err, EVG_EPARSE, "%s: no <TEXT>", path);
    }
    evg_buf b;
    evg_buf_init(&b, MAX_TML);
    evg_input__tml_body(open + 6, close, &b, on_tag, d);
    free(raw);
    if (b.failed || d->bad_class) {
        evg_buf_dispose(&b);
        return evg_error_set(err, b.failed ? b.failed : EVG_EPARSE,
                             "%s: %s", path,
                             b.failed ? "out of memory"
                                      : "an EVENT without a TimeML class");
    }
    evg_extract_opts o;
    evg_extract_opts_init(&o);
    o.syntax = syn;
    o.path = path;
    o.id = name;
    o.dct = "2000-01-01"; /* dates play no part here; no warning wanted */
    rc = evg_extract_text(b.data ? b.data : "", b.len, &o, &d->doc, err);
    evg_buf_dispose(&b);
    if (rc < 0)
        return rc;
    const evg_doc *doc = d->doc;
    if (!(d->gold = calloc(doc->n_tokens ? doc->n_tokens : 1, 1)))
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    /* each event to the first word its bytes overlap (tokens and events
     * are both in text order) */
    size_t t = 0;
    for (size_t e = 0; e < d->nev; e++) {
        const gold_ev *g = &d->ev[e];
        while (t < doc->n_tokens && doc->tokens[t].end <= g->start)
            t++;
        size_t k = t;
        while (k < doc->n_tokens && doc->tokens[k].start < g->end &&
               !strcmp(doc->tokens[k].upos, "PUNCT"))
            k++;
        if (k < doc->n_tokens && doc->tokens[k].start < g->end &&
            doc->tokens[k].end > g->start)
            d->gold[k] = (uint8_t)g->cls;
        else
            (*lost)++;
    }
    return 0;
}

static int cmp_entry(const void *a, const void *b)
{
    const syn_entry *x = a, *y = b;
    return x->key < y->key ? -1 : x->key > y->key;
}

/* The class list: lines "lemma TAB v|n|a TAB CLASS" ('#' comments and
 * blank lines left out) as map entries (evg_men_class_key, a bit per
 * class), one per word and part of speech, sorted by key. */
static int read_classes(const char *path, syn_entry **out, size_t *nout,
                        evg_error *err)
{
    char *text = NULL;
    size_t len;
    int rc = evg_read_file(path, MAX_TML, &text, &len, err);
    if (rc < 0)
        return rc;
    syn_entry *v = NULL;
    size_t n = 0, cap = 0, lineno = 0;
    for (char *line = text; !rc && line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = 0;
        lineno++;
        if (*line && *line != '#') {
            char *t1 = strchr(line, '\t');
            char *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
            unsigned cls = 0;
            if (t2 && t2 - t1 == 2 && strchr("vna", t1[1]) && t1 > line)
                for (unsigned k = 1; k < NCLASS; k++)
                    if (!strcmp(t2 + 1, class_names[k]))
                        cls = k;
            if (!cls) {
                rc = evg_error_set(err, EVG_EPARSE, "%s:%zu: expected "
                                   "'lemma<TAB>v|n|a<TAB>CLASS' with a "
                                   "TimeML class", path, lineno);
                break;
            }
            *t1 = 0;
            if (evg_reserve(&v, &cap, n + 1, sizeof *v, 256) < 0) {
                rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
                break;
            }
            v[n++] = (syn_entry){evg_men_class_key(t1[1], line), 1u << cls,
                                 0};
        }
        line = nl ? nl + 1 : NULL;
    }
    free(text);
    if (!rc && !n)
        rc = evg_error_set(err, EVG_EPARSE, "%s: no words", path);
    if (rc < 0) {
        free(v);
        return rc;
    }
    qsort(v, n, sizeof *v, cmp_entry);
    size_t k = 0; /* a word under two classes: one entry with both bits */
    for (size_t i = 0; i < n; i++) {
        if (k && v[k - 1].key == v[i].key)
            v[k - 1].value |= v[i].value;
        else
            v[k++] = v[i];
    }
    *out = v;
    *nout = k;
    return 0;
}

static void doc_dispose(tml_doc *d)
{
    free(d->name);
    evg_doc_free(d->doc);
    free(d->gold);
    free(d->ev);
}

/* Held-out margins of the mentions found, and whether each was a gold
 * event: for the confidence scale of the model written. */
typedef struct heldout {
    float *margin;
    unsigned char *right;
    size_t n, cap, capr;
} heldout;

/* A document's held-out scores (evg_men_scores_doc), by the model of the
 * folds it is not in. */
typedef struct doc_scores {
    uint8_t *evc;
    float *evm, *gap;
} doc_scores;

/* Writes the mentions of document `d` with the bias `bias`, one a line:
 * file, start, end, class, confidence, text. */
static int predict(const evg_men_model *m, const tml_doc *d,
                   const doc_scores *ds, float bias, FILE *out, heldout *ho)
{
    const evg_doc *doc = d->doc;
    size_t n = doc->n_tokens;
    uint8_t *cls = malloc(n ? n : 1);
    float *mar = malloc((n ? n : 1) * sizeof *mar);
    int rc = cls && mar ? 0 : EVG_ENOMEM;
    if (!rc)
        evg_men_decide(bias, ds->evc, ds->evm, ds->gap, n, cls, mar);
    for (size_t i = 0; !rc && i < n; i++) {
        if (!cls[i])
            continue;
        const evg_doc_token *t = &doc->tokens[i];
        fprintf(out, "%s\t%zu\t%zu\t%s\t%.3f\t%s\n", d->name, t->start, t->end,
                m->names[cls[i]], evg_men_confidence(m, mar[i]), t->form);
        if (evg_reserve(&ho->margin, &ho->cap, ho->n + 1, sizeof *ho->margin,
                        1024) < 0 ||
            evg_reserve(&ho->right, &ho->capr, ho->n + 1, 1, 1024) < 0) {
            rc = EVG_ENOMEM;
            break;
        }
        ho->margin[ho->n] = mar[i];
        ho->right[ho->n++] = d->gold[i] != 0;
    }
    free(cls);
    free(mar);
    return rc;
}

/* The bias from the held-out scores of every document for which
 * skip(i) is 0 (fold < 0: every document). */
static int fold_bias(const tml_doc *docs, const doc_scores *ds, size_t ndocs,
                     unsigned long long cv, long long fold, float *bias)
{
    size_t n = 0;
    for (size_t i = 0; i < ndocs; i++)
        if (fold < 0 || i % cv != (unsigned long long)fold)
            n += docs[i].doc->n_tokens;
    float *evm = malloc((n ? n : 1) * sizeof *evm);
    unsigned char *gold = malloc(n ? n : 1);
    if (!evm || !gold) {
        free(evm);
        free(gold);
        return EVG_ENOMEM;
    }
    size_t k = 0;
    for (size_t i = 0; i < ndocs; i++) {
        if (fold >= 0 && i % cv == (unsigned long long)fold)
            continue;
        size_t m = docs[i].doc->n_tokens;
        memcpy(evm + k, ds[i].evm, m * sizeof *evm);
        memcpy(gold + k, docs[i].gold, m);
        k += m;
    }
    *bias = evg_men_threshold(evm, gold, n);
    free(evm);
    free(gold);
    return 0;
}

static void usage(FILE *f)
{
    fprintf(f,
            "Usage: evgraph-train events --timebank DIR -o MODEL [OPTIONS]\n"
            "       evgraph-train events --timebank DIR --cv K --predict FILE\n\n"
            "With both --cv and -o, the model written (trained on every\n"
            "document) takes its confidence scale from the held-out margins of\n"
            "the cross-validation.\n\n"
            "Trains the event-mention detector (TimeML events) and its class\n"
            "stage (their TimeML classes) from the EVENT annotations of the\n"
            ".tml files of DIR.\n\n"
            "Options:\n"
            "  -o, --output FILE    model file to write\n"
            "      --timebank DIR   folder of TimeML files (required)\n"
            "      --syntax FILE    syntax model (default: the one evgraph\n"
            "                       loads, $EVGRAPH_MODEL or\n"
            "                       models/en-ud-syntax.evgm)\n"
            "      --wordnet DIR    WordNet 3.0 database (default\n"
            "                       /usr/share/wordnet, Debian's wordnet-base;\n"
            "                       '' for none): the supersenses of nouns and\n"
            "                       verbs, stored in the model\n"
            "      --classes FILE   the class list: words whose TimeML class\n"
            "                       follows from their meaning (default: the\n"
            "                       source tree's tools/train/tml_classes.tsv;\n"
            "                       '' for none), stored in the model\n"
            "      --epochs N       passes over the data (default 10)\n"
            "      --prune N        leave out features updated fewer than N\n"
            "                       times (default 1)\n"
            "      --dropout P      leave out P%% of a word's features, drawn\n"
            "                       at random, at each training step (0 to\n"
            "                       99, default 80; 0: none)\n"
            "      --members N      train N perceptrons, each from its own\n"
            "                       seed, and average them (1 to 64,\n"
            "                       default 5)\n"
            "      --seed N         shuffling and dropout seed (default\n"
            "                       20260101)\n"
            "      --cv K           K-fold cross-validation by document: file\n"
            "                       i of the name-sorted list is in fold i mod K\n"
            "      --predict FILE   with --cv: the held-out mentions, one a\n"
            "                       line (file, start, end, class, confidence,\n"
            "                       word), '-' for stdout\n"
            "      --oracle WHAT    with --cv and without -o, a bound, not a\n"
            "                       figure: the class stage ('class') or the\n"
            "                       whole model ('all') trained on every\n"
            "                       document, the held-out ones included\n"
            "  -q, --quiet          no progress on stderr\n"
            "  -h, --help           this help\n\n"
            "Exit status: 0 ok, 1 bad data or model, 2 usage error, 3 I/O "
            "error.\n");
}

int evg_train_events_main(int argc, char **argv)
{
    evg_men_train_opts o;
    evg_men_train_defaults(&o);
    o.names = class_names;
    o.nclass = NCLASS;
    FILE *log = stderr;
    const char *out = NULL, *dir = NULL, *synpath = NULL, *predpath = NULL;
    const char *wndir = "/usr/share/wordnet";
    const char *clpath = EVG_CLASSES_DEFAULT;
    unsigned long long cv = 0;
    int oracle_what = 0; /* 1: the class stage, 2: the whole model */
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        unsigned long long n = 0;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
            log = NULL;
        } else if (!strcmp(a, "-o") || !strcmp(a, "--output") ||
                   !strcmp(a, "--timebank") || !strcmp(a, "--syntax") ||
                   !strcmp(a, "--predict") || !strcmp(a, "--wordnet") ||
                   !strcmp(a, "--classes") || !strcmp(a, "--oracle")) {
            if (!v) {
                fprintf(stderr, "evgraph-train: %s needs a value\n", a);
                return 2;
            }
            if (!strcmp(a, "--timebank"))
                dir = v;
            else if (!strcmp(a, "--syntax"))
                synpath = v;
            else if (!strcmp(a, "--predict"))
                predpath = v;
            else if (!strcmp(a, "--wordnet"))
                wndir = v;
            else if (!strcmp(a, "--classes"))
                clpath = v;
            else if (!strcmp(a, "--oracle")) {
                oracle_what = !strcmp(v, "class") ? 1
                              : !strcmp(v, "all") ? 2
                                                  : -1;
                if (oracle_what < 0) {
                    fprintf(stderr, "evgraph-train: --oracle: 'class' or "
                                    "'all', not '%s'\n", v);
                    return 2;
                }
            } else
                out = v;
            i++;
        } else if (!strcmp(a, "--epochs") || !strcmp(a, "--prune") ||
                   !strcmp(a, "--seed") || !strcmp(a, "--cv") ||
                   !strcmp(a, "--dropout") || !strcmp(a, "--members")) {
            if (evg_train_number(a, v, &n) < 0)
                return 2;
            i++;
            if (!strcmp(a, "--epochs"))
                o.epochs = (unsigned)n;
            else if (!strcmp(a, "--prune"))
                o.prune = (unsigned)n;
            else if (!strcmp(a, "--seed"))
                o.seed = n;
            else if (!strcmp(a, "--dropout")) {
                if (n > 99) {
                    fprintf(stderr, "evgraph-train: --dropout: 0 to 99, "
                                    "not %llu\n", n);
                    return 2;
                }
                o.dropout = (unsigned)n;
            } else if (!strcmp(a, "--members")) {
                if (n < 1 || n > 64) {
                    fprintf(stderr, "evgraph-train: --members: 1 to 64, "
                                    "not %llu\n", n);
                    return 2;
                }
                o.members = (unsigned)n;
            } else
                cv = n;
        } else {
            fprintf(stderr, "evgraph-train: events: unknown argument '%s' "
                            "(try --help)\n", a);
            return 2;
        }
    }
    if (oracle_what && (!cv || out)) {
        fprintf(stderr, "evgraph-train: events: --oracle needs --cv and no "
                        "-o (try --help)\n");
        return 2;
    }
    if (!dir || (!out && !cv) || cv == 1 || (predpath && !cv)) {
        fprintf(stderr, "evgraph-train: events: need --timebank DIR and -o "
                        "MODEL or --cv K (K >= 2) (try --help)\n");
        return 2;
    }
    o.log = log;

    evg_error err;
    evg_error_clear(&err);
    evg_syntax *syn = NULL;
    char **names = NULL;
    size_t ndocs = 0, lost = 0, nev = 0;
    tml_doc *docs = NULL;
    evg_men_doc *md = NULL;
    unsigned char *use = NULL;
    FILE *pred = NULL;
    syn_entry *senses = NULL, *listed = NULL;
    heldout ho = {0};
    doc_scores *ds = NULL;
    evg_men_model *names_model = NULL, *oracle = NULL;
    float all_bias = 0;
    /* the quick checks first: the folder, WordNet, then the syntax model */
    int rc = list_tml(dir, &names, &ndocs, &err);
    if (!rc && *wndir)
        rc = evg_wordnet_senses(wndir, &senses, &o.nsenses, &err);
    o.senses = senses;
    if (!rc && *clpath)
        rc = read_classes(clpath, &listed, &o.nclasses, &err);
    o.classes = listed;
    if (!rc)
        rc = evg_syntax_load(synpath, &syn, &err);
    if (!rc && (!(docs = calloc(ndocs, sizeof *docs)) ||
                !(md = calloc(ndocs, sizeof *md)) ||
                !(use = calloc(ndocs, 1))))
        rc = evg_error_set(&err, EVG_ENOMEM, "out of memory");
    for (size_t i = 0; !rc && i < ndocs; i++) {
        docs[i].name = names[i];
        names[i] = NULL;
        rc = load_doc(dir, docs[i].name, syn, &docs[i], &lost, &err);
        if (rc)
            break;
        nev += docs[i].nev;
        md[i] = (evg_men_doc){docs[i].name, docs[i].doc->tokens,
                              docs[i].doc->n_tokens, docs[i].gold};
    }
    if (!rc && log)
        fprintf(log, "events: %zu documents, %zu gold events, %zu outside "
                     "every sentence's words\n", ndocs, nev, lost);
    if (!rc && cv) {
        if (!predpath)
            pred = fopen("/dev/null", "w");
        else if (!strcmp(predpath, "-"))
            pred = stdout;
        else
            pred = fopen(predpath, "w");
        if (!pred)
            rc = evg_error_set(&err, EVG_EIO, "%s: cannot write",
                               predpath ? predpath : "/dev/null");
        /* every document scored by the model of the other folds */
        if (!rc && !(ds = calloc(ndocs, sizeof *ds)))
            rc = evg_error_set(&err, EVG_ENOMEM, "out of memory");
        /* --oracle: a model of every document, the held-out ones
         * included, whose class stage (or all of it) labels them: how far
         * these features and this learner go when they have seen the
         * labels they are scored on */
        if (!rc && oracle_what) {
            FILE *keep = o.log;
            o.log = NULL;
            rc = evg_men_train(&o, md, ndocs, NULL, &oracle, &err);
            o.log = keep;
        }
        for (unsigned long long k = 0; !rc && k < cv; k++) {
            for (size_t i = 0; i < ndocs; i++)
                use[i] = i % cv != k;
            evg_men_model *m = NULL;
            FILE *keep = o.log;
            o.log = NULL;
            rc = evg_men_train(&o, md, ndocs, use, &m, &err);
            o.log = keep;
            syn_ptab own_ctab;
            memset(&own_ctab, 0, sizeof own_ctab);
            if (!rc) {
                own_ctab = m->ctab;
                if (oracle_what == 1)
                    m->ctab = oracle->ctab; /* lent: given back below */
            }
            for (size_t i = 0; !rc && i < ndocs; i++) {
                if (use[i])
                    continue;
                size_t n = docs[i].doc->n_tokens ? docs[i].doc->n_tokens : 1;
                if (!(ds[i].evc = malloc(n)) ||
                    !(ds[i].evm = malloc(n * sizeof (float))) ||
                    !(ds[i].gap = malloc(n * sizeof (float))) ||
                    evg_men_scores_doc(oracle_what == 2 ? oracle : m,
                                       docs[i].doc, ds[i].evc, ds[i].evm,
                                       ds[i].gap) < 0)
                    rc = evg_error_set(&err, EVG_ENOMEM, "out of memory");
            }
            if (m)
                m->ctab = own_ctab;
            if (!rc && !names_model)
                names_model = m; /* for the class names and the scale */
            else
                evg_men_model_free(m);
            if (!rc && log)
                fprintf(log, "events: fold %llu of %llu done\n", k + 1, cv);
        }
        /* each fold's mentions with the bias the other folds' held-out
         * scores choose, so that no document sets its own threshold */
        for (unsigned long long k = 0; !rc && k < cv; k++) {
            float bias;
            if (fold_bias(docs, ds, ndocs, cv, (long long)k, &bias) < 0) {
                rc = evg_error_set(&err, EVG_ENOMEM, "out of memory");
                break;
            }
            for (size_t i = 0; !rc && i < ndocs; i++)
                if (i % cv == k &&
                    predict(names_model, &docs[i], &ds[i], bias, pred, &ho) < 0)
                    rc = evg_error_set(&err, EVG_ENOMEM, "out of memory");
        }
        if (!rc && fold_bias(docs, ds, ndocs, cv, -1, &all_bias) < 0)
            rc = evg_error_set(&err, EVG_ENOMEM, "out of memory");
        int to_stdout = pred == stdout;
        int bad = pred && (to_stdout ? fflush(pred) : fclose(pred)) != 0;
        if (bad && !rc)
            rc = evg_error_set(&err, EVG_EIO, "%s: write failed",
                               predpath ? predpath : "/dev/null");
    }
    if (!rc && out) {
        evg_men_model *m = NULL;
        rc = evg_men_train(&o, md, ndocs, NULL, &m, &err);
        if (!rc && ho.n) {
            m->bias = all_bias;
            m->calib = evg_men_calibrate(ho.margin, ho.right, ho.n);
            if (log)
                fprintf(log, "events: event bias %.3f, confidence scale "
                             "%.3f, from %zu held-out mentions\n",
                        (double)m->bias, (double)m->calib, ho.n);
        }
        if (!rc)
            rc = evg_men_model_save(m, out, &err);
        evg_men_model_free(m);
    }
    for (size_t i = 0; docs && i < ndocs; i++)
        doc_dispose(&docs[i]);
    for (size_t i = 0; names && i < ndocs; i++)
        free(names[i]);
    free(names);
    free(docs);
    free(md);
    free(use);
    free(senses);
    free(listed);
    for (size_t i = 0; ds && i < ndocs; i++) {
        free(ds[i].evc);
        free(ds[i].evm);
        free(ds[i].gap);
    }
    free(ds);
    evg_men_model_free(names_model);
    evg_men_model_free(oracle);
    free(ho.margin);
    free(ho.right);
    evg_syntax_free(syn);
    if (rc < 0) {
        fprintf(stderr, "evgraph-train: %s\n",
                err.message[0] ? err.message : evg_strerror(rc));
        return rc == EVG_EIO ? 3 : 1;
    }
    return 0;
}
