/* The graph as every exporter sees it: nodes and edges in a stable order
 * with one fixed list of attribute columns per view (actors and events, or
 * the actor projection), so GraphML, GML, GEXF and the JSON flavours carry
 * the same attributes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Columns of the actor-event view. Every number is set on every node,
 * with a meaning for both kinds (docs/graph.md), so that no reader fills
 * in NaN; strings that belong to one kind only are unset on the other. */
enum {
    N_TYPE, N_LABEL, N_NAME, N_KIND, N_CODE, N_COUNTRY, N_ALIASES,
    N_MENTIONS, N_DOCUMENTS, N_EVENTS, N_DEGREE, N_PAGERANK, N_BETWEENNESS,
    N_COMMUNITY, N_COMPONENT, N_START, N_END,
    N_CAMEO, N_CAMEO_LABEL, N_SUMMARY, N_QUAD, N_GOLDSTEIN, N_TIME_VALUE,
    N_BASIS, N_MODALITY, N_CONFIDENCE, N_TRIGGER, N_EVIDENCE, N_DOCUMENT,
    N_PATH, N_SENTENCE, N_REPORTS, N_REPORT_SENTENCES, N_REPORT_EVIDENCE,
    N_TIMEML_CLASS, N_ARGS, N_FULL_COLS
};

static const evg_col node_cols[] = {
    {"type", EVG_COL_STR}, {"label", EVG_COL_STR}, {"name", EVG_COL_STR},
    {"kind", EVG_COL_STR}, {"code", EVG_COL_STR}, {"country", EVG_COL_STR},
    {"aliases", EVG_COL_STR}, {"mentions", EVG_COL_INT},
    {"documents", EVG_COL_INT}, {"events", EVG_COL_INT},
    {"degree", EVG_COL_INT}, {"pagerank", EVG_COL_NUM},
    {"betweenness", EVG_COL_NUM}, {"community", EVG_COL_INT},
    {"component", EVG_COL_INT}, {"start", EVG_COL_STR}, {"end", EVG_COL_STR},
    {"cameo", EVG_COL_STR}, {"cameo_label", EVG_COL_STR},
    {"summary", EVG_COL_STR}, {"quad_class", EVG_COL_INT},
    {"goldstein", EVG_COL_NUM}, {"time_value", EVG_COL_STR},
    {"basis", EVG_COL_STR}, {"modality", EVG_COL_STR},
    {"confidence", EVG_COL_NUM}, {"trigger", EVG_COL_STR},
    {"evidence", EVG_COL_STR}, {"document", EVG_COL_STR},
    {"path", EVG_COL_STR}, {"sentence", EVG_COL_STR},
    {"reports", EVG_COL_INT}, {"report_sentences", EVG_COL_STR},
    {"report_evidence", EVG_COL_STR},
    {"timeml_class", EVG_COL_STR}, {"args", EVG_COL_STR},
};
/* The projection's nodes are the actor columns up to N_END. */
#define N_ACTOR_COLS (N_END + 1)

enum { E_TYPE, E_WEIGHT, E_START, E_END, E_QUAD, E_GOLDSTEIN, E_FULL_COLS };
static const evg_col edge_cols[] = {
    {"type", EVG_COL_STR}, {"weight", EVG_COL_NUM}, {"start", EVG_COL_STR},
    {"end", EVG_COL_STR}, {"quad_class", EVG_COL_INT},
    {"goldstein", EVG_COL_NUM},
};

enum {
    D_TYPE, D_WEIGHT, D_START, D_END, D_EVENTS, D_Q1, D_Q2, D_Q3, D_Q4,
    D_GOLDSTEIN, D_COLS
};
static const evg_col dyad_cols[] = {
    {"type", EVG_COL_STR}, {"weight", EVG_COL_NUM}, {"start", EVG_COL_STR},
    {"end", EVG_COL_STR}, {"events", EVG_COL_INT},
    {"verbal_cooperation", EVG_COL_INT}, {"material_cooperation", EVG_COL_INT},
    {"verbal_conflict", EVG_COL_INT}, {"material_conflict", EVG_COL_INT},
    {"goldstein", EVG_COL_NUM},
};

_Static_assert(sizeof(node_cols) / sizeof(node_cols[0]) == N_FULL_COLS,
               "node columns");
_Static_assert(sizeof(edge_cols) / sizeof(edge_cols[0]) == E_FULL_COLS,
               "edge columns");
_Static_assert(sizeof(dyad_cols) / sizeof(dyad_cols[0]) == D_COLS,
               "dyad columns");

static void set_s(evg_val *v, const char *s)
{
    if (s) {
        v->set = 1;
        v->s = s;
    }
}
static void set_d(evg_val *v, double d)
{
    v->set = 1;
    v->d = d;
}
static void set_i(evg_val *v, long long i)
{
    v->set = 1;
    v->i = i;
    v->d = (double)i;
}

/* "; "-joined or " | "-joined list in the table's arena. */
static const char *join(evg_arena *a, const char **v, size_t n,
                        const char **pre, const char *sep)
{
    evg_buf b;
    evg_buf_init(&b, 0);
    evg_buf_puts(&b, "");
    for (size_t i = 0; i < n; i++) {
        if (i)
            evg_buf_puts(&b, sep);
        if (pre) {
            evg_buf_puts(&b, pre[i]);
            evg_buf_putc(&b, ':');
        }
        evg_buf_puts(&b, v[i]);
    }
    const char *r = b.failed ? NULL : evg_arena_strndup(a, b.data, b.len);
    evg_buf_dispose(&b);
    return r;
}

void evg_graph__put_args(evg_buf *b, const evg_gevent *v)
{
    evg_buf_puts(b, "");
    for (size_t i = 0; i < v->n_args; i++) {
        if (i)
            evg_buf_puts(b, "; ");
        evg_buf_puts(b, v->args[i].role);
        evg_buf_putc(b, ':');
        evg_buf_puts(b, v->args[i].text);
    }
}

static void actor_row(evg_val *r, const evg_gactor *a)
{
    set_s(&r[N_TYPE], "actor");
    set_s(&r[N_LABEL], a->name);
    set_s(&r[N_NAME], a->name);
    set_s(&r[N_KIND], a->kind);
    set_s(&r[N_CODE], a->code ? a->code : "");
    set_s(&r[N_COUNTRY], a->country ? a->country : "");
    set_s(&r[N_ALIASES], a->aliases ? a->aliases : "");
    set_i(&r[N_MENTIONS], (long long)a->mentions);
    set_i(&r[N_DOCUMENTS], (long long)a->documents);
    set_i(&r[N_EVENTS], (long long)a->events);
    set_i(&r[N_DEGREE], (long long)a->degree);
    set_d(&r[N_PAGERANK], a->pagerank);
    set_d(&r[N_BETWEENNESS], a->betweenness);
    set_i(&r[N_COMMUNITY], a->community);
    set_i(&r[N_COMPONENT], a->component);
    set_s(&r[N_START], a->first);
    set_s(&r[N_END], a->last);
}

/* The event columns of an actor: aggregates of its events. Not in the
 * actor projection, whose nodes have only the actor columns. */
static void actor_event_cols(evg_val *r, const evg_gactor *a)
{
    set_i(&r[N_QUAD], a->quad_class);
    set_d(&r[N_GOLDSTEIN], a->goldstein);
    set_d(&r[N_CONFIDENCE], a->confidence);
    set_i(&r[N_REPORTS], (long long)a->reports);
}

void evg_graph__table_free(evg_table *t)
{
    if (t)
        evg_arena_free(t->arena);
}

static void *alloc_n(evg_arena *a, size_t n, size_t size)
{
    return evg_arena_alloc(a, (n ? n : 1) * size);
}
#define ALLOC(a, n, T) ((T *)alloc_n((a), (n), sizeof(T)))

int evg_graph__table(const evg_graph *g, evg_table **out)
{
    *out = NULL;
    evg_arena *a = evg_arena_new();
    evg_table *t = a ? evg_arena_alloc(a, sizeof(*t)) : NULL;
    if (!t) {
        evg_arena_free(a);
        return EVG_ENOMEM;
    }
    t->arena = a;
    int proj = g->projection == EVG_PROJ_ACTORS;
    t->projection = proj;
    size_t na = g->n_actors, ne = proj ? 0 : g->n_events;
    t->n_nodes = na + ne;
    if (proj) {
        t->n_edges = g->n_dyads;
    } else {
        t->n_edges = g->n_links;
        for (size_t i = 0; i < ne; i++)
            t->n_edges += g->events[i].n_sources + g->events[i].n_targets;
    }
    t->ncols = node_cols;
    /* the TimeML class and participant columns only when some event has
     * them, so graphs of version 1 documents keep their exact columns */
    int by_role = 0;
    for (size_t i = 0; i < ne && !by_role; i++)
        by_role = g->events[i].tml_class || g->events[i].n_args;
    t->n_ncols = proj ? N_ACTOR_COLS : by_role ? N_FULL_COLS : N_TIMEML_CLASS;
    t->ecols = proj ? dyad_cols : edge_cols;
    t->n_ecols = proj ? D_COLS : E_FULL_COLS;
    size_t nn = t->n_nodes, nE = t->n_edges;
    t->node_id = ALLOC(a, nn, const char *);
    t->node_label = ALLOC(a, nn, const char *);
    t->node_start = ALLOC(a, nn, const char *);
    t->node_end = ALLOC(a, nn, const char *);
    t->nvals = ALLOC(a, nn * t->n_ncols, evg_val);
    t->edge_id = ALLOC(a, nE, const char *);
    t->edge_from = ALLOC(a, nE, size_t);
    t->edge_to = ALLOC(a, nE, size_t);
    t->edge_type = ALLOC(a, nE, const char *);
    t->edge_weight = ALLOC(a, nE, double);
    t->edge_start = ALLOC(a, nE, const char *);
    t->edge_end = ALLOC(a, nE, const char *);
    t->edge_dyad = ALLOC(a, nE, const evg_gdyad *);
    t->graph = g;
    t->evals = ALLOC(a, nE * t->n_ecols, evg_val);
    if (!t->node_id || !t->node_label || !t->node_start || !t->node_end ||
        !t->nvals || !t->edge_id || !t->edge_from || !t->edge_to ||
        !t->edge_type || !t->edge_weight || !t->edge_start || !t->edge_end ||
        !t->edge_dyad ||
        !t->evals)
        goto nomem;
    for (size_t i = 0; i < na; i++) {
        const evg_gactor *ac = &g->actors[i];
        t->node_id[i] = ac->id;
        t->node_label[i] = ac->name;
        t->node_start[i] = ac->first;
        t->node_end[i] = ac->last;
        actor_row(&t->nvals[i * t->n_ncols], ac);
        if (!proj)
            actor_event_cols(&t->nvals[i * t->n_ncols], ac);
    }
    for (size_t i = 0; i < ne; i++) {
        const evg_gevent *v = &g->events[i];
        size_t n = na + i;
        evg_val *r = &t->nvals[n * t->n_ncols];
        const char *hi = v->hi ? v->hi : v->lo;
        t->node_id[n] = v->id;
        t->node_label[n] = v->summary;
        t->node_start[n] = v->lo;
        t->node_end[n] = hi;
        set_s(&r[N_TYPE], "event");
        set_s(&r[N_LABEL], v->summary);
        set_s(&r[N_NAME], v->summary);
        /* 0 (-1 for community and component) when not analysed, as an
         * actor's */
        set_i(&r[N_DEGREE], (long long)v->degree);
        set_d(&r[N_PAGERANK], v->pagerank);
        set_d(&r[N_BETWEENNESS], v->betweenness);
        set_i(&r[N_COMMUNITY], v->community);
        set_i(&r[N_EVENTS], 1); /* the event itself */
        set_i(&r[N_MENTIONS], (long long)v->mentions);
        set_i(&r[N_COMPONENT], v->component);
        set_s(&r[N_START], v->lo);
        set_s(&r[N_END], hi);
        set_s(&r[N_CAMEO], v->cameo);
        set_s(&r[N_CAMEO_LABEL], v->label);
        set_s(&r[N_SUMMARY], v->summary);
        set_i(&r[N_QUAD], v->quad_class);
        set_d(&r[N_GOLDSTEIN], v->goldstein);
        set_s(&r[N_TIME_VALUE], v->time_value ? v->time_value : "");
        set_s(&r[N_BASIS], v->basis);
        set_s(&r[N_MODALITY], v->modality);
        set_d(&r[N_CONFIDENCE], v->confidence);
        set_s(&r[N_TRIGGER], v->trigger);
        set_s(&r[N_EVIDENCE], v->evidence);
        set_s(&r[N_DOCUMENT], v->doc);
        set_s(&r[N_PATH], v->doc_path ? v->doc_path : "");
        set_s(&r[N_SENTENCE], v->sentence);
        set_i(&r[N_REPORTS], (long long)v->n_reports);
        set_i(&r[N_DOCUMENTS], (long long)v->n_reports);
        const char *rs = join(a, v->report_sentences, v->n_reports,
                              v->report_docs, "; ");
        const char *re = join(a, v->report_evidence, v->n_reports, NULL, " | ");
        if (!rs || !re)
            goto nomem;
        set_s(&r[N_REPORT_SENTENCES], rs);
        set_s(&r[N_REPORT_EVIDENCE], re);
        /* events without a CAMEO code: cameo and cameo_label stay unset
         * (the set_s above skip NULL), quad_class and goldstein are 0 */
        if (by_role)
            set_s(&r[N_TIMEML_CLASS], v->tml_class);
        if (by_role && v->n_args) {
            evg_buf ab;
            evg_buf_init(&ab, 0);
            evg_graph__put_args(&ab, v);
            const char *ga = ab.failed ? NULL
                                       : evg_arena_strndup(a, ab.data, ab.len);
            evg_buf_dispose(&ab);
            if (!ga)
                goto nomem;
            set_s(&r[N_ARGS], ga);
        }
    }
    size_t k = 0;
    char id[32];
    if (proj) {
        for (size_t i = 0; i < g->n_dyads; i++, k++) {
            const evg_gdyad *d = &g->dyads[i];
            evg_val *r = &t->evals[k * t->n_ecols];
            t->edge_from[k] = d->from;
            t->edge_to[k] = d->to;
            t->edge_type[k] = "dyad";
            t->edge_dyad[k] = d;
            t->edge_weight[k] = (double)d->events;
            t->edge_start[k] = d->first;
            t->edge_end[k] = d->last;
            set_s(&r[D_TYPE], "dyad");
            set_d(&r[D_WEIGHT], (double)d->events);
            set_s(&r[D_START], d->first);
            set_s(&r[D_END], d->last);
            set_i(&r[D_EVENTS], (long long)d->events);
            for (int q = 1; q <= 4; q++)
                set_i(&r[D_Q1 + q - 1], (long long)d->quad[q]);
            set_d(&r[D_GOLDSTEIN], d->goldstein);
        }
    } else {
        for (size_t i = 0; i < ne; i++) {
            const evg_gevent *v = &g->events[i];
            const char *hi = v->hi ? v->hi : v->lo;
            for (int side = 0; side < 2; side++) {
                size_t n = side ? v->n_targets : v->n_sources;
                const size_t *ids = side ? v->targets : v->sources;
                for (size_t j = 0; j < n; j++, k++) {
                    evg_val *r = &t->evals[k * t->n_ecols];
                    t->edge_from[k] = side ? na + i : ids[j];
                    t->edge_to[k] = side ? ids[j] : na + i;
                    t->edge_type[k] = side ? "target" : "source";
                    t->edge_weight[k] = 1.0;
                    t->edge_start[k] = v->lo;
                    t->edge_end[k] = hi;
                    set_s(&r[E_TYPE], t->edge_type[k]);
                    set_d(&r[E_WEIGHT], 1.0);
                    set_s(&r[E_START], v->lo);
                    set_s(&r[E_END], hi);
                    set_i(&r[E_QUAD], v->quad_class);
                    set_d(&r[E_GOLDSTEIN], v->goldstein);
                }
            }
        }
        for (size_t i = 0; i < g->n_links; i++, k++) {
            const evg_glink *l = &g->links[i];
            evg_val *r = &t->evals[k * t->n_ecols];
            t->edge_from[k] = na + l->from;
            t->edge_to[k] = na + l->to;
            t->edge_type[k] = l->type;
            t->edge_weight[k] = 1.0;
            /* no spell: the link's two events may not overlap in time */
            t->edge_start[k] = NULL;
            t->edge_end[k] = NULL;
            set_s(&r[E_TYPE], l->type);
            set_d(&r[E_WEIGHT], 1.0);
        }
    }
    for (size_t i = 0; i < nE; i++) {
        snprintf(id, sizeof(id), "e%zu", i + 1);
        if (!(t->edge_id[i] = evg_arena_strndup(a, id, strlen(id))))
            goto nomem;
    }
    *out = t;
    return 0;
nomem:
    evg_graph__table_free(t);
    return EVG_ENOMEM;
}
