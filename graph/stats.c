/* `evgraph stats`: a readable summary of a built graph (sizes, date range,
 * quad classes, components, communities, top actors, busiest dyads). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Sort keys copied out of the actors: qsort has no context argument. */
typedef struct rank {
    size_t i, degree;
    double pagerank;
} rank;

static int by_degree(const void *a, const void *b)
{
    const rank *x = a, *y = b;
    if (x->degree != y->degree)
        return x->degree > y->degree ? -1 : 1;
    if (x->pagerank != y->pagerank)
        return x->pagerank > y->pagerank ? -1 : 1;
    return x->i < y->i ? -1 : 1;
}

static int by_pagerank(const void *a, const void *b)
{
    const rank *x = a, *y = b;
    if (x->pagerank != y->pagerank)
        return x->pagerank > y->pagerank ? -1 : 1;
    if (x->degree != y->degree)
        return x->degree > y->degree ? -1 : 1;
    return x->i < y->i ? -1 : 1;
}

/* Prints `s` cut to `w` display columns (counting UTF-8 code points) and
 * padded to it. */
static void cell(evg_buf *b, const char *s, size_t w)
{
    size_t n = strlen(s), i = 0, cols = 0;
    while (i < n && cols < w) {
        size_t at = i;
        evg_utf8_next(s, n, &i);
        if (cols + 1 == w && i < n) {
            evg_buf_puts(b, "~");
            cols++;
            break;
        }
        evg_buf_append(b, s + at, i - at);
        cols++;
    }
    for (; cols < w; cols++)
        evg_buf_putc(b, ' ');
}

static void actor_table(evg_buf *b, const evg_graph *g, const rank *idx,
                        size_t top)
{
    evg_buf_printf(b, "  %3s  %-28s %-8s %6s %6s %8s %11s %9s\n", "#",
                   "actor", "code", "degree", "events", "pagerank",
                   "betweenness", "community");
    for (size_t k = 0; k < top; k++) {
        const evg_gactor *a = &g->actors[idx[k].i];
        evg_buf_printf(b, "  %3zu  ", k + 1);
        cell(b, a->name, 28);
        evg_buf_putc(b, ' ');
        cell(b, a->code ? a->code : "-", 8);
        evg_buf_printf(b, " %6zu %6zu %8.4f %11.2f %9ld\n", a->degree,
                       a->events, a->pagerank, a->betweenness,
                       a->community);
    }
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

static void summary(evg_buf *b, const evg_graph *g)
{
    const evg_graph_summary *s = &g->summary;
    evg_buf_printf(b,
                   "graph: %zu document%s, %zu event report%s -> %zu "
                   "event%s, %zu actor%s, %zu event link%s, %zu dyad%s\n",
                   s->documents, s->documents == 1 ? "" : "s", s->reports,
                   s->reports == 1 ? "" : "s", g->n_events,
                   g->n_events == 1 ? "" : "s", g->n_actors,
                   g->n_actors == 1 ? "" : "s", g->n_links,
                   g->n_links == 1 ? "" : "s", g->n_dyads,
                   g->n_dyads == 1 ? "" : "s");
    if (s->first)
        evg_buf_printf(b, "dates: %s .. %s", s->first, s->last);
    else
        evg_buf_puts(b, "dates: none");
    evg_buf_printf(b, " (%zu undated event%s)\n", s->undated,
                   s->undated == 1 ? "" : "s");
    size_t q[5] = {0};
    size_t merged = 0, uncoded = 0;
    for (size_t i = 0; i < g->n_events; i++) {
        int c = g->events[i].quad_class;
        if (!g->events[i].cameo)
            uncoded++; /* no code: no quad class either */
        else
            q[c >= 1 && c <= 4 ? c : 0]++;
        if (g->events[i].n_reports > 1)
            merged++;
    }
    evg_buf_printf(b,
                   "quad classes: verbal cooperation %zu, material "
                   "cooperation %zu, verbal conflict %zu, material conflict "
                   "%zu",
                   q[1], q[2], q[3], q[4]);
    if (q[0])
        evg_buf_printf(b, ", unclassified %zu", q[0]);
    if (uncoded) {
        /* events CAMEO has no code for, by TimeML class */
        static const char *const cls[] = {"OCCURRENCE", "REPORTING",
                                          "STATE",      "I_ACTION",
                                          "I_STATE",    "ASPECTUAL",
                                          "PERCEPTION"};
        size_t n_cls = sizeof(cls) / sizeof(*cls), counts[8] = {0};
        for (size_t i = 0; i < g->n_events; i++) {
            const evg_gevent *v = &g->events[i];
            if (v->cameo)
                continue;
            size_t k = 0;
            while (k < n_cls && (!v->tml_class || strcmp(v->tml_class, cls[k])))
                k++;
            counts[k]++; /* counts[n_cls]: no class or another one */
        }
        evg_buf_printf(b, "\nevents without a CAMEO code: %zu (", uncoded);
        int first = 1;
        for (size_t k = 0; k <= n_cls; k++) {
            if (!counts[k])
                continue;
            evg_buf_printf(b, "%s%s %zu", first ? "" : ", ",
                           k < n_cls ? cls[k] : "no class", counts[k]);
            first = 0;
        }
        evg_buf_putc(b, ')');
    }
    evg_buf_printf(b, "\nreported by several documents: %zu event%s\n",
                   merged, merged == 1 ? "" : "s");
}

/* qsort has no context argument: the community sizes by_size compares */
static _Thread_local const size_t *sort_size;

static int by_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    if (sort_size[x] != sort_size[y])
        return sort_size[x] > sort_size[y] ? -1 : 1;
    return x < y ? -1 : x > y;
}

static int communities(evg_buf *b, const evg_graph *g, size_t top)
{
    long nc = g->summary.communities;
    if (nc <= 0)
        return 0;
    size_t *size = calloc((size_t)nc, sizeof(size_t));
    size_t *order = malloc((size_t)nc * sizeof(size_t));
    if (!size || !order) {
        free(size);
        free(order);
        return EVG_ENOMEM;
    }
    for (size_t i = 0; i < g->n_actors; i++)
        if (g->actors[i].community >= 0 && g->actors[i].community < nc)
            size[g->actors[i].community]++;
    /* largest first; ties by number */
    for (long c = 0; c < nc; c++)
        order[c] = (size_t)c;
    sort_size = size;
    evg_sort(order, (size_t)nc, sizeof(size_t), by_size);
    evg_buf_printf(b,
                   "\ncommunities: %ld (%s on the actor projection, "
                   "modularity %.4f)\n",
                   nc, g->summary.leiden ? "Leiden" : "Louvain",
                   g->summary.modularity);
    size_t shown = 0;
    for (size_t k = 0; k < (size_t)nc && shown < top; k++) {
        size_t c = order[k];
        if (size[c] < 2 && k > 0)
            break; /* singletons are not worth listing */
        evg_buf_printf(b, "  %zu (%zu actor%s): ", c, size[c],
                       size[c] == 1 ? "" : "s");
        size_t listed = 0;
        for (size_t i = 0; i < g->n_actors && listed < 8; i++)
            if ((size_t)g->actors[i].community == c) {
                evg_buf_printf(b, "%s%s", listed ? ", " : "",
                               g->actors[i].name);
                listed++;
            }
        evg_buf_puts(b, listed < size[c] ? ", ...\n" : "\n");
        shown++;
    }
    free(size);
    free(order);
    return 0;
}

static int components(evg_buf *b, const evg_graph *g)
{
    long nc = g->summary.components;
    if (nc < 0)
        return 0;
    size_t *sz = calloc((size_t)nc + 1, sizeof(size_t));
    if (!sz)
        return EVG_ENOMEM;
    for (size_t i = 0; i < g->n_actors; i++)
        if (g->actors[i].component >= 0 && g->actors[i].component < nc)
            sz[g->actors[i].component]++;
    for (size_t i = 0; i < g->n_events; i++)
        if (g->events[i].component >= 0 && g->events[i].component < nc)
            sz[g->events[i].component]++;
    evg_sort(sz, (size_t)nc, sizeof(size_t), cmp_size);
    evg_buf_printf(b, "components: %ld", nc);
    if (nc > 0)
        evg_buf_printf(b, " (largest has %zu of %zu nodes)", sz[nc - 1],
                       g->n_actors + g->n_events);
    evg_buf_putc(b, '\n');
    free(sz);
    return 0;
}

int evg_graph_stats_write(const evg_graph *g, size_t top, FILE *out,
                          evg_error *err)
{
    evg_buf b;
    evg_buf_init(&b, 0);
    int rc = 0;
    size_t na = g->n_actors;
    rank *idx = malloc((na ? na : 1) * sizeof(rank));
    if (!idx) {
        rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
        goto done;
    }
    if (top == 0)
        top = 10;
    summary(&b, g);
    if ((rc = components(&b, g)) || (rc = communities(&b, g, top))) {
        rc = evg_error_set(err, rc, "out of memory");
        goto done;
    }
    size_t n = na < top ? na : top;
    for (size_t i = 0; i < na; i++)
        idx[i] = (rank){i, g->actors[i].degree, g->actors[i].pagerank};
    if (na) {
        evg_sort(idx, na, sizeof(rank), by_degree);
        evg_buf_puts(&b, "\ntop actors by degree:\n");
        actor_table(&b, g, idx, n);
        evg_sort(idx, na, sizeof(rank), by_pagerank);
        evg_buf_puts(&b, "\ntop actors by PageRank:\n");
        actor_table(&b, g, idx, n);
        if (g->summary.betweenness_sources)
            evg_buf_printf(&b,
                           "  (betweenness estimated from %zu of %zu "
                           "actors as path sources)\n",
                           g->summary.betweenness_sources, na);
    }
    /* events without a CAMEO code or quad class get their own column,
     * shown only when some dyad has one */
    int other = 0;
    for (size_t i = 0; i < g->n_dyads && i < top; i++)
        other |= g->dyads[i].quad[0] > 0;
    if (g->n_dyads) {
        evg_buf_printf(&b, "\nbusiest dyads (source -> target):\n"
                           "  %-24s    %-24s %6s %5s %5s %5s %5s",
                       "source", "target", "events", "vcoop", "mcoop",
                       "vconf", "mconf");
        if (other)
            evg_buf_printf(&b, " %5s", "other");
        evg_buf_printf(&b, " %9s  %s\n", "goldstein", "dates");
        for (size_t i = 0; i < g->n_dyads && i < top; i++) {
            const evg_gdyad *d = &g->dyads[i];
            evg_buf_puts(&b, "  ");
            cell(&b, g->actors[d->from].name, 24);
            evg_buf_puts(&b, " -> ");
            cell(&b, g->actors[d->to].name, 24);
            evg_buf_printf(&b, " %6zu %5zu %5zu %5zu %5zu", d->events,
                           d->quad[1], d->quad[2], d->quad[3], d->quad[4]);
            if (other)
                evg_buf_printf(&b, " %5zu", d->quad[0]);
            evg_buf_printf(&b, " %9.1f  ", d->goldstein);
            if (d->first)
                evg_buf_printf(&b, "%s .. %s\n", d->first, d->last);
            else
                evg_buf_puts(&b, "-\n");
        }
    }
    if (b.failed) {
        rc = evg_error_set(err, b.failed, "out of memory");
        goto done;
    }
    if (fwrite(b.data, 1, b.len, out) != b.len)
        rc = evg_error_set(err, EVG_EIO, "writing the summary failed");
done:
    free(idx);
    evg_buf_dispose(&b);
    return rc;
}
