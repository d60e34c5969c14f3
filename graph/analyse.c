/* Analytics through igraph: the actor projection's dyads (who acted on whom,
 * how often, how cooperatively), degree, PageRank, betweenness, Louvain
 * communities and connected components, written into the actor and event
 * attributes. Betweenness and communities run on the actor projection,
 * which stays small where the actor-event graph does not; an event's
 * betweenness is its share of its dyads' edge betweenness there. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <dlfcn.h>
#include <igraph.h>

#include "igraph_call.h"
#include "internal.h"

/* Betweenness is exact up to this many actors; above, it is estimated from
 * EVG_BETWEENNESS_SOURCES shortest-path sources (docs/graph.md). */
#define EVG_BETWEENNESS_EXACT 2000
#define EVG_BETWEENNESS_SOURCES 64
/* Communities: Louvain up to this many actors, Leiden above. */
#define EVG_LOUVAIN_MAX 10000

static _Thread_local char igraph_msg[EVG_ERROR_MSG_MAX];

/* igraph calls this instead of aborting; igraph expects the handler to
 * free its "finally" stack. */
static void on_igraph_error(const char *reason, const char *file, int line,
                            igraph_error_t code)
{
    (void)file, (void)line;
    snprintf(igraph_msg, sizeof(igraph_msg), "igraph: %s (%s)",
             reason ? reason : "unknown error", igraph_strerror(code));
    IGRAPH_FINALLY_FREE();
}

static void on_igraph_warning(const char *reason, const char *file, int line)
{
    (void)reason, (void)file, (void)line; /* the library never prints */
}

void evg_graph__igraph_init(void)
{
    igraph_set_error_handler(on_igraph_error);
    igraph_set_warning_handler(on_igraph_warning);
    igraph_set_attribute_table(&igraph_cattribute_table);
    /* PRPACK's PageRank sums in parallel under OpenMP (igraph's libgomp),
     * and the order of the partial sums changed its last digits from run
     * to run: one thread keeps every export the same bytes. Looked up
     * where igraph loaded it, so evgraph itself does not link OpenMP. */
    void (*set_threads)(int) = NULL;
    void *self = dlopen(NULL, RTLD_LAZY);
    if (self) {
        *(void **)&set_threads = dlsym(self, "omp_set_num_threads");
        if (set_threads)
            set_threads(1);
        dlclose(self);
    }
}

const char *evg_graph__igraph_message(void)
{
    return igraph_msg[0] ? igraph_msg : "igraph: unknown error";
}

/* ---- dyads ---- */

typedef struct triple {
    size_t from, to, event;
} triple;

static int cmp_triple(const void *a, const void *b)
{
    const triple *x = a, *y = b;
    if (x->from != y->from)
        return x->from < y->from ? -1 : 1;
    if (x->to != y->to)
        return x->to < y->to ? -1 : 1;
    return x->event < y->event ? -1 : x->event > y->event;
}

static int cmp_dyad(const void *a, const void *b)
{
    const evg_gdyad *x = a, *y = b;
    if (x->events != y->events)
        return x->events > y->events ? -1 : 1;
    if (x->from != y->from)
        return x->from < y->from ? -1 : 1;
    return x->to < y->to ? -1 : x->to > y->to;
}

int evg_graph__dyads(evg_graph *g)
{
    size_t n = 0;
    for (size_t i = 0; i < g->n_events; i++)
        n += g->events[i].n_sources * g->events[i].n_targets;
    g->n_dyads = 0;
    if (!n)
        return 0;
    triple *t = malloc(n * sizeof(*t));
    if (!t)
        return EVG_ENOMEM;
    size_t k = 0;
    for (size_t i = 0; i < g->n_events; i++) {
        const evg_gevent *v = &g->events[i];
        for (size_t s = 0; s < v->n_sources; s++)
            for (size_t r = 0; r < v->n_targets; r++)
                if (v->sources[s] != v->targets[r])
                    t[k++] = (triple){v->sources[s], v->targets[r], i};
    }
    evg_sort(t, k, sizeof(*t), cmp_triple);
    int rc = 0;
    size_t *ev = evg_arena_alloc(g->arena, (k ? k : 1) * sizeof(size_t));
    if (!ev) {
        free(t);
        return EVG_ENOMEM;
    }
    for (size_t i = 0; i < k && !rc; i++) {
        evg_gdyad *d;
        if (i == 0 || t[i].from != t[i - 1].from || t[i].to != t[i - 1].to) {
            d = EVG_GRAPH_PUSH(g, g->dyads, g->n_dyads, g->cap_dyads);
            if (!d) {
                rc = EVG_ENOMEM;
                break;
            }
            d->from = t[i].from;
            d->to = t[i].to;
            d->event_list = ev + i; /* the run of triples that follows */
        }
        d = &g->dyads[g->n_dyads - 1];
        ev[i] = t[i].event;
        const evg_gevent *v = &g->events[t[i].event];
        d->events++;
        /* events without a code count in quad[0] and add no Goldstein */
        d->quad[v->quad_class >= 1 && v->quad_class <= 4 ? v->quad_class : 0]++;
        if (v->cameo)
            d->goldstein += v->goldstein;
        if (v->lo) {
            const char *hi = v->hi ? v->hi : v->lo;
            if (!d->first || strcmp(v->lo, d->first) < 0)
                d->first = v->lo;
            if (!d->last || strcmp(hi, d->last) > 0)
                d->last = hi;
        }
    }
    free(t);
    if (!rc)
        evg_sort(g->dyads, g->n_dyads, sizeof(*g->dyads), cmp_dyad);
    return rc;
}

/* ---- igraph analytics ---- */

/* Renumbers a membership vector by first appearance, so community and
 * component numbers do not depend on igraph's internal order. */
static long *renumber(const igraph_vector_int_t *m, size_t n, long *count)
{
    long *out = malloc((n ? n : 1) * sizeof(long));
    long *seen = malloc((n ? n : 1) * sizeof(long));
    if (!out || !seen) {
        free(out);
        free(seen);
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        seen[i] = -1;
    long next = 0;
    for (size_t i = 0; i < n; i++) {
        igraph_integer_t c = VECTOR(*m)[i];
        if (c < 0 || (size_t)c >= n) {
            out[i] = next++;
            continue;
        }
        if (seen[c] < 0)
            seen[c] = next++;
        out[i] = seen[c];
    }
    free(seen);
    *count = next;
    return out;
}

/* Betweenness of the actors and of the dyads (edges) of `und`, the
 * undirected actor projection whose edge i is dyad i, with `dist` as
 * lengths (NULL: no edges). Exact up to EVG_BETWEENNESS_EXACT actors;
 * above, estimated from EVG_BETWEENNESS_SOURCES sources spread evenly over
 * the actors and scaled up (Brandes and Pich 2007), so that cost grows
 * with the graph's size, not with its square.
 *
 * One shortest-path pass serves both: igraph computes the edge
 * betweenness, and an actor's follows from the edges at it. A shortest
 * path uses two of an actor's edges where it runs through the actor and one
 * where it ends there, and igraph counts every (source, target) pair with
 * weight 1/2 on an undirected graph, so
 *     sum of the edge betweenness at v = 2 betweenness(v) + ends(v) / 2
 * where ends(v) counts the ordered (source, other actor of the source's
 * component) pairs with v at one end: 2 (c - 1) when every actor is a
 * source (c: the size of v's component); otherwise the sources of v's
 * component other than v, plus c - 1 when v is a source. The unit tests
 * check the result against a brute-force count. */
static int betweenness(evg_graph *g, const igraph_t *und,
                       const igraph_vector_t *dist, igraph_vector_t *vb,
                       igraph_vector_t *eb, evg_error *err)
{
    size_t na = g->n_actors, nd = g->n_dyads;
    int rc = 0, exact = na <= EVG_BETWEENNESS_EXACT;
    size_t ns = exact ? na : EVG_BETWEENNESS_SOURCES;
    double *ends = calloc(na ? na : 1, sizeof(double));
    double *comp_src = calloc(na ? na : 1, sizeof(double));
    igraph_vector_int_t src = {0}, memb = {0}, csize = {0};
    IG(igraph_vector_int_init(&src, 0));
    IG(igraph_vector_int_init(&memb, 0));
    IG(igraph_vector_int_init(&csize, 0));
    if (!ends || !comp_src) {
        rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
        goto done;
    }
    IG(igraph_connected_components(und, &memb, &csize, NULL, IGRAPH_WEAK));
    if (exact) {
        IG(igraph_edge_betweenness(und, eb, 0, dist));
        for (size_t v = 0; v < na; v++)
            ends[v] = 2.0 * (double)(VECTOR(csize)[VECTOR(memb)[v]] - 1);
    } else {
        IG(igraph_vector_int_resize(&src, (igraph_integer_t)ns));
        for (size_t i = 0; i < ns; i++) {
            size_t v = i * na / ns; /* distinct: na > ns */
            VECTOR(src)[i] = (igraph_integer_t)v;
            comp_src[VECTOR(memb)[v]] += 1;
            ends[v] += (double)(VECTOR(csize)[VECTOR(memb)[v]] - 1);
        }
        for (size_t v = 0; v < na; v++)
            ends[v] += comp_src[VECTOR(memb)[v]];
        for (size_t i = 0; i < ns; i++)
            ends[VECTOR(src)[i]] -= 1; /* itself */
        IG(igraph_edge_betweenness_subset(
            und, eb, igraph_ess_all(IGRAPH_EDGEORDER_ID), 0,
            igraph_vss_vector(&src), igraph_vss_all(), dist));
        g->summary.betweenness_sources = ns;
    }
    IG(igraph_vector_resize(vb, (igraph_integer_t)na));
    igraph_vector_null(vb);
    for (size_t i = 0; i < nd; i++) {
        VECTOR(*vb)[g->dyads[i].from] += VECTOR(*eb)[i];
        VECTOR(*vb)[g->dyads[i].to] += VECTOR(*eb)[i];
    }
    for (size_t v = 0; v < na; v++) {
        double at = VECTOR(*vb)[v];
        double b = (at - ends[v] / 2) / 2;
        /* rounding leaves a trace (~1e-12 of `at`) where no path runs
         * through v */
        VECTOR(*vb)[v] = b > 1e-9 * (at > 1 ? at : 1) ? b : 0;
    }
    if (!exact) {
        igraph_vector_scale(vb, (double)na / (double)ns);
        igraph_vector_scale(eb, (double)na / (double)ns);
    }
done:
    free(ends);
    free(comp_src);
    igraph_vector_int_destroy(&src);
    igraph_vector_int_destroy(&memb);
    igraph_vector_int_destroy(&csize);
    return rc;
}


int evg_graph__analyse(evg_graph *g, evg_error *err)
{
    evg_graph__igraph_init();
    igraph_msg[0] = '\0';
    size_t na = g->n_actors, ne = g->n_events, nd = g->n_dyads;
    int rc = 0;
    long *memb = NULL;
    int have_full = 0, have_proj = 0, have_und = 0;
    igraph_t full, proj, und;
    /* zeroed, so that destroying one never initialised is harmless */
    igraph_vector_int_t edges = {0}, deg = {0}, comp = {0}, comm = {0};
    igraph_vector_t w = {0}, dist = {0}, pr = {0}, btw = {0}, ebtw = {0},
                    mod = {0}, str = {0};
    IG(igraph_vector_int_init(&edges, 0));
    IG(igraph_vector_int_init(&deg, 0));
    IG(igraph_vector_int_init(&comp, 0));
    IG(igraph_vector_int_init(&comm, 0));
    IG(igraph_vector_init(&w, 0));
    IG(igraph_vector_init(&dist, 0));
    IG(igraph_vector_init(&pr, 0));
    IG(igraph_vector_init(&btw, 0));
    IG(igraph_vector_init(&ebtw, 0));
    IG(igraph_vector_init(&mod, 0));
    IG(igraph_vector_init(&str, 0));
    if (na + ne == 0) {
        g->summary.components = 0;
        g->summary.communities = 0;
        goto done;
    }

    /* the actor-event graph: degree and components */
    for (size_t i = 0; i < ne; i++) {
        const evg_gevent *v = &g->events[i];
        igraph_integer_t ev = (igraph_integer_t)(na + i);
        for (size_t k = 0; k < v->n_sources; k++) {
            IG(igraph_vector_int_push_back(&edges, (igraph_integer_t)v->sources[k]));
            IG(igraph_vector_int_push_back(&edges, ev));
        }
        for (size_t k = 0; k < v->n_targets; k++) {
            IG(igraph_vector_int_push_back(&edges, ev));
            IG(igraph_vector_int_push_back(&edges, (igraph_integer_t)v->targets[k]));
        }
    }
    for (size_t i = 0; i < g->n_links; i++) {
        IG(igraph_vector_int_push_back(&edges, (igraph_integer_t)(na + g->links[i].from)));
        IG(igraph_vector_int_push_back(&edges, (igraph_integer_t)(na + g->links[i].to)));
    }
    IG(igraph_create(&full, &edges, (igraph_integer_t)(na + ne), IGRAPH_DIRECTED));
    have_full = 1;
    IG(igraph_degree(&full, &deg, igraph_vss_all(), IGRAPH_ALL, 1));
    for (size_t i = 0; i < na; i++)
        g->actors[i].degree = (size_t)VECTOR(deg)[i];
    for (size_t i = 0; i < ne; i++)
        g->events[i].degree = (size_t)VECTOR(deg)[na + i];
    /* events have no place in the actor projection: their PageRank is
     * that of the actor-event graph */
    igraph_real_t full_value;
    IG(igraph_pagerank(&full, IGRAPH_PAGERANK_ALGO_PRPACK, &pr, &full_value,
                       igraph_vss_all(), 1, 0.85, NULL, NULL));
    for (size_t i = 0; i < ne; i++)
        g->events[i].pagerank = VECTOR(pr)[na + i];
    igraph_integer_t ncomp = 0;
    IG(igraph_connected_components(&full, &comp, NULL, &ncomp, IGRAPH_WEAK));
    long count = 0;
    if (!(memb = renumber(&comp, na + ne, &count))) {
        rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < na; i++)
        g->actors[i].component = memb[i];
    for (size_t i = 0; i < ne; i++)
        g->events[i].component = memb[na + i];
    g->summary.components = count;
    free(memb);
    memb = NULL;
    if (na == 0) {
        g->summary.communities = 0;
        goto done;
    }

    /* the actor projection: PageRank, betweenness, communities */
    igraph_vector_int_clear(&edges);
    IG(igraph_vector_resize(&w, (igraph_integer_t)nd));
    IG(igraph_vector_resize(&dist, (igraph_integer_t)nd));
    for (size_t i = 0; i < nd; i++) {
        IG(igraph_vector_int_push_back(&edges, (igraph_integer_t)g->dyads[i].from));
        IG(igraph_vector_int_push_back(&edges, (igraph_integer_t)g->dyads[i].to));
        VECTOR(w)[i] = (double)g->dyads[i].events;
        VECTOR(dist)[i] = 1.0 / (double)g->dyads[i].events;
    }
    IG(igraph_create(&proj, &edges, (igraph_integer_t)na, IGRAPH_DIRECTED));
    have_proj = 1;
    igraph_real_t value;
    IG(igraph_pagerank(&proj, IGRAPH_PAGERANK_ALGO_PRPACK, &pr, &value,
                       igraph_vss_all(), 1, 0.85, nd ? &w : NULL, NULL));
    IG(igraph_create(&und, &edges, (igraph_integer_t)na, IGRAPH_UNDIRECTED));
    have_und = 1;
    if ((rc = betweenness(g, &und, nd ? &dist : NULL, &btw, &ebtw, err)))
        goto done;
    for (size_t i = 0; i < na; i++) {
        g->actors[i].pagerank = VECTOR(pr)[i];
        g->actors[i].betweenness = VECTOR(btw)[i];
    }
    /* an event carries an equal share of the paths along each of its
     * dyads (an event with several sources or targets is in several) */
    for (size_t i = 0; i < ne; i++)
        g->events[i].betweenness = 0;
    for (size_t i = 0; i < nd; i++) {
        const evg_gdyad *d = &g->dyads[i];
        double share = VECTOR(ebtw)[i] / (double)d->events;
        for (size_t k = 0; k < d->events; k++)
            g->events[d->event_list[k]].betweenness += share;
    }
    double q = 0;
    if (nd) {
        /* Louvain visits vertices in random order: seed it for
         * repeatable output */
        IG(igraph_rng_seed(igraph_rng_default(), 20190523));
        if (na <= EVG_LOUVAIN_MAX) {
            IG(igraph_community_multilevel(&und, &w, 1.0, &comm, NULL, &mod));
            for (igraph_integer_t i = 0; i < igraph_vector_size(&mod); i++)
                if (i == 0 || VECTOR(mod)[i] > q)
                    q = VECTOR(mod)[i];
        } else {
            /* igraph's Louvain can take minutes on large sparse graphs
             * (23 s at 80,000 actors, 69 s at 60,000); Leiden optimising
             * modularity (node strengths as weights, resolution 1/2m)
             * stays near-linear. */
            IG(igraph_strength(&und, &str, igraph_vss_all(), IGRAPH_ALL, 1, &w));
            double total = 0;
            for (size_t i = 0; i < nd; i++)
                total += VECTOR(w)[i];
            IG(igraph_community_leiden(&und, &w, &str, 1.0 / (2.0 * total),
                                       0.01, 0, 2, &comm, NULL, NULL));
            IG(igraph_modularity(&und, &comm, &w, 1.0, 0, &q));
            g->summary.leiden = 1;
        }
        if (!isfinite(q))
            q = 0;
    } else {
        IG(igraph_vector_int_resize(&comm, (igraph_integer_t)na));
        for (size_t i = 0; i < na; i++)
            VECTOR(comm)[i] = (igraph_integer_t)i;
    }
    if (!(memb = renumber(&comm, na, &count))) {
        rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < na; i++)
        g->actors[i].community = memb[i];
    for (size_t i = 0; i < ne; i++) {
        const evg_gevent *v = &g->events[i];
        g->events[i].community = v->n_sources   ? memb[v->sources[0]]
                                 : v->n_targets ? memb[v->targets[0]]
                                                : -1;
    }
    g->summary.communities = count;
    g->summary.modularity = q;
done:
    free(memb);
    if (have_full)
        igraph_destroy(&full);
    if (have_proj)
        igraph_destroy(&proj);
    if (have_und)
        igraph_destroy(&und);
    igraph_vector_int_destroy(&edges);
    igraph_vector_int_destroy(&deg);
    igraph_vector_int_destroy(&comp);
    igraph_vector_int_destroy(&comm);
    igraph_vector_destroy(&w);
    igraph_vector_destroy(&dist);
    igraph_vector_destroy(&pr);
    igraph_vector_destroy(&btw);
    igraph_vector_destroy(&ebtw);
    igraph_vector_destroy(&mod);
    igraph_vector_destroy(&str);
    return rc;
}
