/* Benchmark of the timeline renderer: deterministic synthetic news (actors
 * with a skewed activity, days and imprecise weeks/months, coordinated
 * sources, causes links, a stretch of older events that the axis
 * compresses) at 100 / 1,000 / 10,000 / 50,000 events. Prints the time of
 * evgraph's pinned-position SVG and DOT renders, the peak memory, and beside
 * them the time the `dot` program takes on an equivalent timeline left to
 * dot's own layout (each actor's events chained, LR), with a time limit.
 *
 * usage: bench_render [--max N] [--no-dot] [--dot-limit N]
 *                     [--join-limit N] [--keep DIR] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core.h"
#include "evgraph/evgraph.h"
#include "bench_util.h"

#define N_ACTORS 60

/* CPU seconds of this process (user + system): the machine may be busy. */
static double cpu(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
           (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
}

static double peak_mb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_maxrss / 1024.0;
}

static void day_str(long day, char out[16])
{
    int y, m, d;
    evg_date_civil(day, &y, &m, &d);
    snprintf(out, 16, "%04u-%02u-%02u", (unsigned)y % 10000u,
             (unsigned)m % 100u, (unsigned)d % 100u);
}

static const char *const verbs[][4] = {
    /* cameo, label, summary, quad */
    {"010", "make statement", "comments on the talks", "1"},
    {"036", "express intent to meet", "offers talks", "1"},
    {"040", "consult", "meets officials", "1"},
    {"057", "sign formal agreement", "signs a trade deal", "2"},
    {"0863", "ease sanctions", "delays the ban by 90 days", "2"},
    {"111", "criticize or denounce", "criticises the decision", "3"},
    {"130", "threaten", "threatens retaliation", "3"},
    {"163", "impose embargo", "blacklists the company", "4"},
    {"172", "impose restrictions", "restricts exports", "4"},
    {"190", "use conventional force", "seizes equipment", "4"},
};

static int push_str(evg_doc *doc, const char **slot, const char *s)
{
    *slot = evg_doc_strdup(doc, s);
    return *slot ? 0 : -1;
}

/* One document of `n` events over `days` days. */
static evg_doc *make_doc(size_t n, long days)
{
    evg_doc *doc;
    if (evg_doc_new(&doc))
        return NULL;
    char buf[256];
    push_str(doc, &doc->id, "bench");
    push_str(doc, &doc->path, "bench/news.txt");
    for (int a = 0; a < N_ACTORS; a++) {
        evg_entity *e = EVG_DOC_PUSH(doc, doc->entities, doc->n_entities,
                                     doc->cap_entities);
        if (!e)
            goto fail;
        snprintf(buf, sizeof(buf), "Actor %02d %s", a,
                 a % 3 == 0   ? "Ministry"
                 : a % 3 == 1 ? "Corp"
                              : "Republic");
        push_str(doc, &e->name, buf);
        e->kind = a % 3 == 0   ? EVG_KIND_GOVERNMENT
                  : a % 3 == 1 ? EVG_KIND_ORGANIZATION
                               : EVG_KIND_COUNTRY;
        snprintf(buf, sizeof(buf), "X%02dGOV", a);
        push_str(doc, &e->code, buf);
        push_str(doc, &e->country, "XXX");
    }
    long base = 17897; /* 2019-01-01 */
    for (size_t i = 0; i < n; i++) {
        evg_sentence *s = EVG_DOC_PUSH(doc, doc->sentences, doc->n_sentences,
                                       doc->cap_sentences);
        if (!s)
            goto fail;
        const char *const *v = verbs[rnd(10)];
        snprintf(buf, sizeof(buf),
                 "Officials said on day %zu that the actor %s, according to "
                 "a report & a \"source\" <quoted>.",
                 i, v[2]);
        push_str(doc, &s->text, buf);
        evg_event *e =
            EVG_DOC_PUSH(doc, doc->events, doc->n_events, doc->cap_events);
        if (!e)
            goto fail;
        push_str(doc, &e->cameo, v[0]);
        push_str(doc, &e->label, v[1]);
        push_str(doc, &e->summary, v[2]);
        e->quad_class = v[3][0] - '0';
        e->goldstein = e->quad_class <= 2 ? 3.0 : -5.0;
        /* skewed activity: a few actors act a lot */
        size_t src = rnd(N_ACTORS) % (1 + rnd(N_ACTORS));
        size_t *p = evg_doc_push(doc, &e->source, &e->n_source, &e->cap_source,
                                 sizeof(size_t));
        if (!p)
            goto fail;
        *p = src;
        if (rnd(20) == 0) /* coordinated sources */
            for (int k = 0; k < 3; k++) {
                p = evg_doc_push(doc, &e->source, &e->n_source, &e->cap_source,
                                 sizeof(size_t));
                if (!p)
                    goto fail;
                *p = (src + 1 + (size_t)k * 7) % N_ACTORS;
            }
        p = evg_doc_push(doc, &e->target, &e->n_target, &e->cap_target,
                         sizeof(size_t));
        if (!p)
            goto fail;
        *p = (src + 1 + rnd(N_ACTORS - 1)) % N_ACTORS;
        long day = base + (long)rnd((unsigned)days);
        if (rnd(33) == 0)
            day -= 700 + rnd(60); /* an older stretch: compressed */
        long lo = day, hi = day;
        unsigned kind = rnd(20);
        if (kind == 0) { /* a week */
            lo = day - ((day + 3) % 7);
            hi = lo + 6;
        } else if (kind == 1) { /* about a month */
            lo = day - 10;
            hi = day + 19;
        }
        char los[16], his[16];
        day_str(lo, los);
        day_str(hi, his);
        push_str(doc, &e->time.lo, los);
        push_str(doc, &e->time.hi, his);
        push_str(doc, &e->time.value, lo == hi ? los : "2019-XX");
        e->time.basis = EVG_BASIS_TIMEX;
        e->time.timex = EVG_NONE;
        e->duration = EVG_NONE;
        e->attributed = EVG_NONE;
        e->sentence = doc->n_sentences - 1;
        e->confidence = 0.8;
        unsigned m = rnd(10);
        e->modality = m < 7   ? EVG_MOD_ASSERTED
                      : m < 9 ? EVG_MOD_REPORTED
                              : EVG_MOD_PLANNED;
        if (i > 10 && rnd(50) == 0) {
            evg_relation *r = EVG_DOC_PUSH(
                doc, doc->relations, doc->n_relations, doc->cap_relations);
            if (!r)
                goto fail;
            r->type = EVG_REL_CAUSES;
            r->from = i - 1 - rnd(10);
            r->to = i;
        }
    }
    return doc;
fail:
    evg_doc_free(doc);
    return NULL;
}

/* The same timeline for dot's own layout: event boxes with the same
 * labels, each actor's events chained in date order, left to right, and
 * (with `joins`) each event joined to its target actors as the timeline
 * does. Without joins it is the form dot handles best (PITFALLS.md): a
 * lower bound for dot that draws less than the timeline. */
static int write_dot_equivalent(const evg_graph *g, const char *path, int joins)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fprintf(f, "digraph timeline {\n rankdir=LR;\n node [shape=box, "
               "style=\"rounded,filled\", fontname=Helvetica, fontsize=10];\n");
    size_t ne = evg_graph_event_count(g), na = evg_graph_actor_count(g);
    long *last = malloc(na * sizeof(long));
    if (!last) {
        fclose(f);
        return -1;
    }
    for (size_t a = 0; a < na; a++) {
        last[a] = -1;
        fprintf(f, " a%zu [label=\"%s\", shape=plaintext];\n", a,
                evg_graph_actor(g, a)->name);
    }
    /* events sorted by date: the graph keeps document order */
    size_t *ord = malloc(ne * sizeof(size_t));
    if (!ord) {
        free(last);
        fclose(f);
        return -1;
    }
    for (size_t i = 0; i < ne; i++)
        ord[i] = i;
    for (size_t i = 1; i < ne; i++) { /* insertion sort on few distinct keys */
        size_t k = ord[i], j = i;
        const char *key = evg_graph_event(g, k)->lo;
        while (j > 0 && strcmp(evg_graph_event(g, ord[j - 1])->lo, key) > 0) {
            ord[j] = ord[j - 1];
            j--;
        }
        ord[j] = k;
    }
    for (size_t r = 0; r < ne; r++) {
        size_t i = ord[r];
        const evg_gevent *e = evg_graph_event(g, i);
        fprintf(f, " e%zu [label=\"%s\\n%s\"];\n", i, e->summary, e->lo);
        size_t a = e->sources[0];
        if (last[a] < 0)
            fprintf(f, " a%zu -> e%zu;\n", a, i);
        else
            fprintf(f, " e%ld -> e%zu;\n", last[a], i);
        last[a] = (long)i;
        for (size_t t = 0; joins && t < e->n_targets; t++)
            fprintf(f, " e%zu -> a%zu [constraint=false];\n", i, e->targets[t]);
    }
    fprintf(f, "}\n");
    free(ord);
    free(last);
    return fclose(f);
}

/* CPU seconds `dot -Tsvg` takes on `path` (user + system, so that a busy
 * machine does not flatter evgraph), or -1 after `limit` seconds of wall
 * clock, -2 if it failed. */
static double time_dot(const char *path, int limit)
{
    char lim[32];
    snprintf(lim, sizeof(lim), "%d", limit);
    double t0 = wall_now();
    pid_t pid = fork();
    if (pid == 0) {
        execlp("timeout", "timeout", lim, "dot", "-Tsvg", "-o", "/dev/null",
               path, (char *)NULL);
        _exit(127);
    }
    int st = 0;
    if (pid < 0 || waitpid(pid, &st, 0) < 0)
        return -2;
    (void)t0;
    /* `timeout` reports its child's CPU time in its own children's */
    struct rusage ch;
    getrusage(RUSAGE_CHILDREN, &ch);
    static double before = 0;
    double all = (double)ch.ru_utime.tv_sec +
                 (double)ch.ru_utime.tv_usec / 1e6 +
                 (double)ch.ru_stime.tv_sec + (double)ch.ru_stime.tv_usec / 1e6;
    double t = all - before;
    before = all;
    if (!WIFEXITED(st) || WEXITSTATUS(st) == 124)
        return -1;
    return WEXITSTATUS(st) == 0 ? t : -2;
}

static void fmt_dot(double t, double ours, char col[32], char speed[32])
{
    if (t >= 0) {
        snprintf(col, 32, "%.2f", t);
        snprintf(speed, 32, "%.1fx", t / ours);
    } else {
        snprintf(col, 32, "%s",
                 t == -1   ? ">300 killed"
                 : t == -2 ? "failed"
                           : "skipped");
        snprintf(speed, 32, "-");
    }
}

int main(int argc, char **argv)
{
    size_t max = 50000, dot_limit = 3000, join_limit = 1000;
    int use_dot = 1;
    const char *keep = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--max") == 0 && i + 1 < argc)
            max = strtoul(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--dot-limit") == 0 && i + 1 < argc)
            dot_limit = strtoul(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--join-limit") == 0 && i + 1 < argc)
            join_limit = strtoul(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--no-dot") == 0)
            use_dot = 0;
        else if (strcmp(argv[i], "--keep") == 0 && i + 1 < argc)
            keep = argv[++i];
        else {
            fprintf(stderr, "usage: bench_render [--max N] [--no-dot] "
                            "[--dot-limit N] [--join-limit N] [--keep DIR]\n");
            return 2;
        }
    }
    const size_t sizes[] = {100, 1000, 10000, 50000};
    const long spans[] = {20, 90, 365, 730};
    printf("bench_render: timeline of synthetic news, %d actors, default "
           "lanes and width; SVG, DOT, HTML and PDF rendered in-process with "
           "pinned positions\n",
           N_ACTORS);
    printf("%8s %8s %9s %9s %9s %9s %8s %8s %8s | %11s %8s | %11s %8s\n",
           "events", "svg_MB", "build_s", "svg_s", "svg_cpu_s", "dotsrc_s",
           "html_s", "pdf_s", "peak_MB",
           "dot_same_s", "speedup", "dot_chain_s", "speedup");
    int status = 0;
    for (size_t k = 0; k < 4 && sizes[k] <= max; k++) {
        evg_doc *doc = make_doc(sizes[k], spans[k]);
        if (!doc) {
            fprintf(stderr, "bench_render: out of memory\n");
            return 1;
        }
        evg_graph_opts go;
        evg_graph_opts_init(&go);
        go.merge = 0;
        go.analyse = 0;
        evg_graph *g;
        evg_error err;
        evg_error_clear(&err);
        double t0 = wall_now();
        if (evg_graph_build((const evg_doc *const *)&doc, 1, &go, &g, &err)) {
            fprintf(stderr, "bench_render: %s\n", err.message);
            evg_doc_free(doc);
            return 1;
        }
        double t_build = wall_now() - t0;
        evg_doc_free(doc);
        evg_render_opts ro;
        evg_render_opts_init(&ro);
        char *svg = NULL, *dot = NULL;
        size_t svg_len = 0, dot_len = 0;
        t0 = wall_now();
        double c0 = cpu();
        int rc = evg_render_timeline(g, &ro, &svg, &svg_len, &err);
        double t_svg = wall_now() - t0, c_svg = cpu() - c0;
        ro.format = EVG_RENDER_DOT;
        t0 = wall_now();
        if (!rc)
            rc = evg_render_timeline(g, &ro, &dot, &dot_len, &err);
        double t_dot_src = wall_now() - t0;
        /* the HTML page (SVG + table + script) and the PDF (cairo) */
        double t_html = -1, t_pdf = -1;
        char *other = NULL;
        size_t other_len = 0;
        ro.format = EVG_RENDER_HTML;
        t0 = wall_now();
        if (!rc && (rc = evg_render_timeline(g, &ro, &other, &other_len,
                                             &err)) == 0)
            t_html = wall_now() - t0;
        free(other);
        other = NULL;
        ro.format = EVG_RENDER_PDF;
        t0 = wall_now();
        if (!rc && (rc = evg_render_timeline(g, &ro, &other, &other_len,
                                             &err)) == 0)
            t_pdf = wall_now() - t0;
        free(other);
        if (rc) {
            fprintf(stderr, "bench_render: %s\n", err.message);
            status = 1;
        }
        double dot_prog = -3, dot_chain = -3;
        char tmpl[] = "/tmp/evg_bench_XXXXXX";
        char path[512];
        if (use_dot && sizes[k] <= dot_limit && mkdtemp(tmpl)) {
            snprintf(path, sizeof(path), "%s/equivalent.dot", tmpl);
            if (sizes[k] <= join_limit && write_dot_equivalent(g, path, 1) == 0)
                dot_prog = time_dot(path, 300);
            if (write_dot_equivalent(g, path, 0) == 0)
                dot_chain = time_dot(path, 300);
            unlink(path);
            rmdir(tmpl);
        }
        if (keep) {
            snprintf(path, sizeof(path), "%s/timeline-%zu.svg", keep, sizes[k]);
            FILE *f = fopen(path, "wb");
            if (f) {
                fwrite(svg, 1, svg_len, f);
                fclose(f);
            }
        }
        char dcol[32], scol[32], ccol[32], s2col[32];
        fmt_dot(dot_prog, c_svg, dcol, scol);
        fmt_dot(dot_chain, c_svg, ccol, s2col);
        printf("%8zu %8.1f %9.3f %9.3f %9.3f %9.3f %8.3f %8.3f %8.1f | %11s "
               "%8s | %11s %8s\n",
               sizes[k], (double)svg_len / 1e6, t_build, t_svg, c_svg,
               t_dot_src, t_html, t_pdf, peak_mb(), dcol, scol, ccol, s2col);
        fflush(stdout);
        free(svg);
        free(dot);
        evg_graph_free(g);
    }
    if (use_dot)
        printf("dot_same_s: `dot -Tsvg` on the same timeline left to dot's "
               "layout (actor chains + joins to targets, rankdir=LR), up to "
               "%zu events; dot_chain_s: the form dot handles best (chains "
               "only, draws less), up to %zu events; 300 s limit; dot times "
               "and speedups are CPU seconds; svg_s: evgraph's whole render "
               "(layout + SVG), wall "
               "clock, svg_cpu_s the CPU time it used\n",
               join_limit, dot_limit);
    return status;
}
