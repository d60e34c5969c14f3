/* GraphML: evgraph writes it from its export table (graph/write_graphml.c);
 * these tests hold that output byte for byte against igraph's own
 * igraph_write_graph_graphml given the same table as C attributes (how
 * the export was first made), on the fixtures' documents in both
 * projections, on hostile text and on an empty graph. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <igraph.h>

#include "igraph_call.h"
#include "internal.h"

/* ---- the reference: igraph's writer over the table as C attributes ---- */

static int set_column(igraph_t *ig, int edges, const char *name,
                      evg_col_kind kind, size_t n, const evg_val *vals,
                      size_t stride, const char *const *plain,
                      igraph_strvector_t *sv, igraph_vector_t *nv,
                      evg_error *err)
{
    int rc = 0;
    if (kind == EVG_COL_STR || plain) {
        IG(igraph_strvector_resize(sv, (igraph_integer_t)n));
        for (size_t i = 0; i < n; i++) {
            const char *s = plain ? plain[i]
                                  : (vals[i * stride].set ? vals[i * stride].s
                                                          : "");
            IG(igraph_strvector_set(sv, (igraph_integer_t)i, s ? s : ""));
        }
        if (edges)
            IG(igraph_cattribute_EAS_setv(ig, name, sv));
        else
            IG(igraph_cattribute_VAS_setv(ig, name, sv));
    } else {
        IG(igraph_vector_resize(nv, (igraph_integer_t)n));
        for (size_t i = 0; i < n; i++)
            VECTOR(*nv)[i] = vals[i * stride].set ? vals[i * stride].d : NAN;
        if (edges)
            IG(igraph_cattribute_EAN_setv(ig, name, nv));
        else
            IG(igraph_cattribute_VAN_setv(ig, name, nv));
    }
done:
    return rc;
}

static int write_reference(const evg_table *t, FILE *out, evg_error *err)
{
    evg_graph__igraph_init();
    int rc = 0, have_graph = 0;
    igraph_t ig;
    igraph_vector_int_t edges = {0};
    igraph_strvector_t sv = {0};
    igraph_vector_t nv = {0};
    IG(igraph_strvector_init(&sv, 0));
    IG(igraph_vector_init(&nv, 0));
    IG(igraph_vector_int_init(&edges, (igraph_integer_t)(2 * t->n_edges)));
    for (size_t i = 0; i < t->n_edges; i++) {
        VECTOR(edges)[2 * i] = (igraph_integer_t)t->edge_from[i];
        VECTOR(edges)[2 * i + 1] = (igraph_integer_t)t->edge_to[i];
    }
    IG(igraph_create(&ig, &edges, (igraph_integer_t)t->n_nodes,
                     IGRAPH_DIRECTED));
    have_graph = 1;
    IG(igraph_cattribute_GAS_set(&ig, "creator", "evgraph"));
    if ((rc = set_column(&ig, 0, "key", EVG_COL_STR, t->n_nodes, NULL, 0,
                         t->node_id, &sv, &nv, err)))
        goto done;
    for (size_t c = 0; c < t->n_ncols; c++)
        if ((rc = set_column(&ig, 0, t->ncols[c].name, t->ncols[c].kind,
                             t->n_nodes, t->nvals + c, t->n_ncols, NULL, &sv,
                             &nv, err)))
            goto done;
    if ((rc = set_column(&ig, 1, "key", EVG_COL_STR, t->n_edges, NULL, 0,
                         t->edge_id, &sv, &nv, err)))
        goto done;
    for (size_t c = 0; c < t->n_ecols; c++)
        if ((rc = set_column(&ig, 1, t->ecols[c].name, t->ecols[c].kind,
                             t->n_edges, t->evals + c, t->n_ecols, NULL, &sv,
                             &nv, err)))
            goto done;
    IG(igraph_write_graph_graphml(&ig, out, 0));
done:
    if (have_graph)
        igraph_destroy(&ig);
    igraph_vector_int_destroy(&edges);
    igraph_strvector_destroy(&sv);
    igraph_vector_destroy(&nv);
    return rc;
}

/* ---- comparing ---- */

static void same_as_igraph(const evg_graph *g)
{
    evg_table *t = NULL;
    assert_int_equal(evg_graph__table(g, &t), 0);
    char *ours = NULL, *ref = NULL;
    size_t n_ours = 0, n_ref = 0;
    evg_error err;
    evg_error_clear(&err);
    FILE *f = open_memstream(&ref, &n_ref);
    assert_non_null(f);
    assert_int_equal(write_reference(t, f, &err), 0);
    fclose(f);
    f = open_memstream(&ours, &n_ours);
    assert_non_null(f);
    assert_int_equal(evg_graph_write(g, EVG_GRAPH_GRAPHML, f, &err), 0);
    fclose(f);
    assert_true(n_ref > 0);
    if (n_ours != n_ref || memcmp(ours, ref, n_ref) != 0) {
        size_t i = 0;
        while (i < n_ours && i < n_ref && ours[i] == ref[i])
            i++;
        fail_msg("GraphML differs from igraph's at byte %zu of %zu/%zu: "
                 "'%.60s' against '%.60s'", i, n_ours, n_ref, ours + i,
                 ref + i);
    }
    free(ours);
    free(ref);
    evg_graph__table_free(t);
}

static size_t read_docs(const char *path, evg_doc ***out)
{
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char *line = NULL;
    size_t cap = 0, n = 0;
    evg_doc **docs = NULL;
    ssize_t len;
    while ((len = getline(&line, &cap, f)) > 0) {
        evg_doc *d;
        evg_error err;
        evg_error_clear(&err);
        if (evg_doc_from_json(line, (size_t)len, &d, &err))
            fail_msg("%s: %s", path, err.message);
        docs = realloc(docs, (n + 1) * sizeof(*docs));
        assert_non_null(docs);
        docs[n++] = d;
    }
    free(line);
    fclose(f);
    *out = docs;
    return n;
}

static void graphml_matches_igraph_on_the_fixtures(void **state)
{
    (void)state;
    evg_doc **docs;
    size_t n = read_docs(EVG_SOURCE_DIR "/fixtures/expected/all.events.jsonl",
                         &docs);
    assert_true(n > 0);
    for (int proj = 0; proj < 2; proj++) {
        evg_graph_opts o;
        evg_graph_opts_init(&o);
        o.projection = proj ? EVG_PROJ_ACTORS : EVG_PROJ_NONE;
        evg_graph *g;
        evg_error err;
        evg_error_clear(&err);
        assert_int_equal(evg_graph_build((const evg_doc *const *)docs, n, &o,
                                         &g, &err), 0);
        assert_true(evg_graph_event_count(g) > 0);
        same_as_igraph(g);
        evg_graph_free(g);
    }
    for (size_t i = 0; i < n; i++)
        evg_doc_free(docs[i]);
    free(docs);
}

static void graphml_matches_igraph_on_hostile_text(void **state)
{
    (void)state;
    evg_doc *d;
    assert_int_equal(evg_doc_new(&d), 0);
    d->id = evg_doc_strdup(d, "a\"<&>'");
    d->path = d->id;
    for (int k = 0; k < 2; k++) {
        evg_entity *e =
            EVG_DOC_PUSH(d, d->entities, d->n_entities, d->cap_entities);
        assert_non_null(e);
        e->name = evg_doc_strdup(d, k ? "O'Brien & <Sons> \"Ltd\"\t\xff\x01"
                                      : "Caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80");
        e->kind = EVG_KIND_ORGANIZATION;
        e->code = k ? NULL : evg_doc_strdup(d, "USABUS");
    }
    evg_sentence *s =
        EVG_DOC_PUSH(d, d->sentences, d->n_sentences, d->cap_sentences);
    assert_non_null(s);
    s->text = evg_doc_strdup(d, "He said \"<b>no</b>\" & left,\tthen\nwent.");
    evg_event *e = EVG_DOC_PUSH(d, d->events, d->n_events, d->cap_events);
    assert_non_null(e);
    e->cameo = evg_doc_strdup(d, "112");
    e->label = evg_doc_strdup(d, "Accuse & <blame>");
    e->quad_class = 3;
    e->goldstein = -2.2;
    e->confidence = 1.0 / 3.0;
    e->time.timex = EVG_NONE;
    e->duration = EVG_NONE;
    e->attributed = EVG_NONE;
    e->time.lo = e->time.hi = e->time.value = evg_doc_strdup(d, "2019-01-01");
    e->time.basis = EVG_BASIS_TIMEX;
    e->sentence = 0;
    e->trigger.text = evg_doc_strdup(d, "said");
    size_t *p = EVG_DOC_PUSH(d, e->source, e->n_source, e->cap_source);
    assert_non_null(p);
    *p = 0;
    p = EVG_DOC_PUSH(d, e->target, e->n_target, e->cap_target);
    assert_non_null(p);
    *p = 1;
    for (int proj = 0; proj < 2; proj++) {
        evg_graph_opts o;
        evg_graph_opts_init(&o);
        o.projection = proj ? EVG_PROJ_ACTORS : EVG_PROJ_NONE;
        evg_graph *g;
        evg_error err;
        evg_error_clear(&err);
        assert_int_equal(evg_graph_build((const evg_doc *const *)&d, 1, &o,
                                         &g, &err), 0);
        same_as_igraph(g);
        evg_graph_free(g);
    }
    /* and nothing at all */
    evg_graph *g;
    evg_error err;
    evg_error_clear(&err);
    assert_int_equal(evg_graph_build(NULL, 0, NULL, &g, &err), 0);
    same_as_igraph(g);
    evg_graph_free(g);
    evg_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(graphml_matches_igraph_on_the_fixtures),
        cmocka_unit_test(graphml_matches_igraph_on_hostile_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
