/* Benchmark of the time tagger: generates a deterministic corpus of
 * news-like text (sentence templates filled with many forms of dates,
 * times, durations and sets, plus plain sentences and number-heavy
 * distractors), then times the tagger alone (evg_extract__timexes over
 * documents whose sentences are already split) and the whole extraction
 * (evg_extract_text), and prints MB/s for each. No gold data involved.
 * Times are CPU time of the thread, so the figures are per core.
 *
 * usage: bench_timex [--mb N] [--whole-mb N] [--doc-kb N]
 *   --mb: corpus size (default 64), --whole-mb: how much of it goes through
 *   the whole extraction (default 16, 0 to skip), --doc-kb: document size */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "evgraph/evgraph.h"
#include "pipeline.h"
#include "bench_util.h"

static const char *const actors[] = {
    "The Commerce Department", "Huawei",        "The central bank",
    "Prime Minister Abe",      "The European Union", "Rebel forces",
    "The company",             "Police",        "The ministry",
    "Shareholders",            "The U.S. Navy", "Negotiators"};
static const char *const verbs[] = {
    "announced new sanctions", "signed the agreement", "raised interest rates",
    "reported a loss",         "held talks",           "delayed the ban",
    "opened an inquiry",       "cut its forecast",     "met the delegation",
    "rejected the offer"};
static const char *const months[] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December",
    "Jan.",    "Feb.",     "Sept.",     "Oct.",    "Nov.",     "Dec."};
static const char *const wdays[] = {"Monday",   "Tuesday", "Wednesday",
                                    "Thursday", "Friday",  "Saturday",
                                    "Sunday"};
static const char *const rel[] = {
    "last week",       "this week",         "next month",
    "last year",       "earlier this week", "later this month",
    "yesterday",       "today",             "tomorrow",
    "this morning",    "last night",        "the third quarter",
    "a year earlier",  "two weeks ago",     "recently",
    "now",             "in the past",       "the weekend",
    "early next year", "the end of 2018",   "the past two months"};
static const char *const durs[] = {
    "for another 90 days", "for two years",     "for half an hour",
    "for several months",  "for a decade",      "for more than three weeks",
    "for about 18 months", "for nearly a year", "for 2 1/2 years"};
static const char *const sets[] = {"every week", "daily", "annually",
                                   "each month", "every Monday"};
static const char *const plain[] = {
    "The statement did not give details of the talks between the two "
    "sides, which have been strained by a long dispute over trade.",
    "Officials said 1,500 workers and 2,300 soldiers were moved to the "
    "region, and 37 people were injured in the clashes.",
    "Analysts expect growth of 3.5 percent, while the index stood at 2,045 "
    "points and the currency traded at 109.8 to the dollar.",
    "The Sunday Times reported that the minister may march with protesters "
    "in the capital, according to people familiar with the matter.",
    "Critics say the plan would cost $1.2 billion and leave millions of "
    "households without access to affordable broadband services.",
    "The group, which is based in the north of the country, has denied any "
    "role in the attack and called for an independent investigation.",
    "Shares of the company rose 4 percent in New York, giving it a market "
    "value of about $40 billion, the highest among its peers.",
    "Opposition leaders accused the government of ignoring the concerns of "
    "farmers and small businesses in the poorest provinces.",
    "The agreement covers tariffs on steel, aluminium and farm goods, as "
    "well as rules on state subsidies and intellectual property.",
    "Witnesses described scenes of chaos as residents fled the area, "
    "carrying what they could, while rescue teams searched the rubble.",
    "In a statement, the spokesman said the decision reflected the views of "
    "all member states and would be reviewed by the council.",
    "Neither side has published the full text, but diplomats familiar with "
    "the draft say it leaves the most difficult questions open."};

/* Appends one sentence to `b`. */
static void sentence(evg_buf *b)
{
    /* about one time expression per 400 bytes, as in TimeBank news */
    unsigned k = rnd(24);
    const char *who = PICK(actors), *what = PICK(verbs);
    switch (k) {
    case 0:
        evg_buf_printf(b, "%s %s on %s %u, %u. ", who, what, PICK(months),
                       1 + rnd(28), 1985 + rnd(40));
        break;
    case 1:
        evg_buf_printf(b, "%s %s on %s. ", who, what, PICK(wdays));
        break;
    case 2:
        evg_buf_printf(b, "%s %s %s. ", who, what, PICK(rel));
        break;
    case 3:
        evg_buf_printf(b, "%s %s %s, officials said. ", who, what,
                       PICK(durs));
        break;
    case 4:
        evg_buf_printf(b, "%s %s at %u p.m. %s. ", who, what, 1 + rnd(11),
                       PICK(wdays));
        break;
    case 5:
        evg_buf_printf(b, "%s %s in %s %u and will meet %s. ", who, what,
                       PICK(months), 1990 + rnd(35), PICK(sets));
        break;
    case 6:
        evg_buf_printf(b, "%s %s on %u-%02u-%02u, %s. ", who, what,
                       2000 + rnd(25), 1 + rnd(12), 1 + rnd(28), PICK(rel));
        break;
    default:
        evg_buf_printf(b, "%s ", PICK(plain));
        break;
    }
}

typedef struct corpus {
    char **docs;
    size_t *lens;
    size_t n;
    size_t bytes;
} corpus;

static int make_corpus(corpus *c, size_t total, size_t doc_bytes)
{
    size_t cap = total / doc_bytes + 2;
    c->docs = calloc(cap, sizeof(*c->docs));
    c->lens = calloc(cap, sizeof(*c->lens));
    c->n = 0;
    c->bytes = 0;
    if (!c->docs || !c->lens)
        return -1;
    while (c->bytes < total && c->n < cap) {
        evg_buf b;
        evg_buf_init(&b, 0);
        while (b.len < doc_bytes) {
            sentence(&b);
            if (rnd(8) == 0)
                evg_buf_puts(&b, "\n\n");
        }
        if (b.failed) {
            evg_buf_dispose(&b);
            return -1;
        }
        c->docs[c->n] = evg_buf_steal(&b, &c->lens[c->n]);
        c->bytes += c->lens[c->n];
        c->n++;
    }
    return 0;
}

/* Sentences split at ". " and blank lines: enough for the tagger alone. */
static int split(evg_doc *doc)
{
    size_t start = 0;
    for (size_t i = 0; i + 1 < doc->text_len; i++) {
        if ((doc->text[i] == '.' && doc->text[i + 1] == ' ') ||
            (doc->text[i] == '\n' && doc->text[i + 1] == '\n')) {
            evg_sentence *s = EVG_DOC_PUSH(doc, doc->sentences,
                                           doc->n_sentences,
                                           doc->cap_sentences);
            if (!s)
                return -1;
            s->start = start;
            s->end = i + 1;
            start = i + 2;
        }
    }
    return 0;
}

/* The tagger alone reads the token layer: the tokens stage runs first,
 * timed apart (`*tok_secs`), as the pipeline runs it once for every
 * stage. */
static int bench_tagger(const corpus *c, size_t *n_timexes, double *secs,
                        double *tok_secs)
{
    *n_timexes = 0;
    *secs = 0;
    *tok_secs = 0;
    for (size_t i = 0; i < c->n; i++) {
        evg_doc *doc;
        if (evg_doc_new(&doc))
            return -1;
        doc->text = c->docs[i];
        doc->text_len = c->lens[i];
        memcpy(doc->dct, "2019-05-23", 11);
        if (split(doc)) {
            evg_doc_free(doc);
            return -1;
        }
        double t0 = cpu_now();
        if (evg_extract__tokens(doc)) {
            evg_doc_free(doc);
            return -1;
        }
        *tok_secs += cpu_now() - t0;
        evg_error err;
        memset(&err, 0, sizeof(err));
        t0 = cpu_now();
        int rc = evg_extract__timexes(doc, &err);
        *secs += cpu_now() - t0;
        *n_timexes += doc->n_timexes;
        evg_doc_free(doc);
        if (rc) {
            fprintf(stderr, "bench_timex: %s\n", err.message);
            return -1;
        }
    }
    return 0;
}

static int bench_whole(const corpus *c, size_t max_bytes, size_t *bytes,
                       size_t *n_timexes, double *secs)
{
    evg_extract_opts o;
    evg_extract_opts_init(&o);
    o.dct = "2019-05-23";
    *bytes = 0;
    *n_timexes = 0;
    double t0 = cpu_now();
    for (size_t i = 0; i < c->n && *bytes < max_bytes; i++) {
        evg_doc *doc;
        evg_error err;
        memset(&err, 0, sizeof(err));
        if (evg_extract_text(c->docs[i], c->lens[i], &o, &doc, &err)) {
            fprintf(stderr, "bench_timex: %s\n", err.message);
            return -1;
        }
        *n_timexes += doc->n_timexes;
        *bytes += c->lens[i];
        evg_doc_free(doc);
    }
    *secs = cpu_now() - t0;
    return 0;
}

static size_t arg_mb(const char *s, const char *name)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (*end || v < 0 || v > 4096) {
        fprintf(stderr, "bench_timex: bad %s '%s'\n", name, s);
        exit(2);
    }
    return (size_t)v;
}

int main(int argc, char **argv)
{
    size_t mb = 64, whole_mb = 16, doc_kb = 256;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--mb") == 0)
            mb = arg_mb(argv[i + 1], "--mb");
        else if (strcmp(argv[i], "--whole-mb") == 0)
            whole_mb = arg_mb(argv[i + 1], "--whole-mb");
        else if (strcmp(argv[i], "--doc-kb") == 0)
            doc_kb = arg_mb(argv[i + 1], "--doc-kb");
    }
    corpus c;
    double t0 = cpu_now();
    if (!mb || !doc_kb || make_corpus(&c, mb << 20, doc_kb << 10)) {
        fprintf(stderr, "bench_timex: out of memory\n");
        return 1;
    }
    double gen = cpu_now() - t0;
    printf("corpus: %zu documents, %.1f MB generated in %.2f s\n", c.n,
           (double)c.bytes / 1048576.0, gen);
    size_t nt, wb = 0, wn = 0;
    double ts, tt, ws = 0;
    /* best of three passes */
    int rc = 0;
    ts = tt = 1e30;
    for (int pass = 0; pass < 3 && !rc; pass++) {
        double t, tok;
        rc = bench_tagger(&c, &nt, &t, &tok);
        if (t < ts)
            ts = t;
        if (tok < tt)
            tt = tok;
    }
    if (!rc)
        printf("tokens stage (evg_extract__tokens, best of 3, CPU time): "
               "%.1f MB in %.3f s = %.1f MB/s\n",
               (double)c.bytes / 1048576.0, tt,
               (double)c.bytes / 1048576.0 / (tt > 0 ? tt : 1e-9));
    if (!rc)
        printf("tagger on the token layer (evg_extract__timexes, best of 3, "
               "CPU time): %.1f MB in %.3f s = %.1f MB/s, %zu timexes\n",
               (double)c.bytes / 1048576.0, ts,
               (double)c.bytes / 1048576.0 / (ts > 0 ? ts : 1e-9), nt);
    if (!rc && whole_mb)
        rc = bench_whole(&c, whole_mb << 20, &wb, &wn, &ws);
    if (!rc && whole_mb)
        printf("whole extraction (evg_extract_text, CPU time): %.1f MB in %.3f s = "
               "%.1f MB/s, %zu timexes\n",
               (double)wb / 1048576.0, ws,
               (double)wb / 1048576.0 / (ws > 0 ? ws : 1e-9), wn);
    for (size_t i = 0; i < c.n; i++)
        free(c.docs[i]);
    free(c.docs);
    free(c.lens);
    return rc ? 1 : 0;
}
