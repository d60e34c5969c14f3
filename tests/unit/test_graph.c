/* Unit tests of graph/: cross-document merging of actors and events,
 * filters, the actor projection, igraph analytics, every export format
 * (escaping, determinism, empty graphs) and the stats summary. Documents are
 * built by hand, so these tests do not depend on extraction. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core.h"
#include "evgraph/evgraph.h"

/* ---- building documents ---- */

static evg_doc *doc_new(const char *id)
{
    evg_doc *d;
    assert_int_equal(evg_doc_new(&d), 0);
    d->id = evg_doc_strdup(d, id);
    d->path = evg_doc_strdup(d, id);
    return d;
}

/* Adds an entity; `aliases` is a "|"-separated list or NULL. */
static size_t ent(evg_doc *d, const char *name, evg_entity_kind kind,
                  const char *code, const char *aliases)
{
    evg_entity *e = EVG_DOC_PUSH(d, d->entities, d->n_entities, d->cap_entities);
    assert_non_null(e);
    e->name = evg_doc_strdup(d, name);
    e->kind = kind;
    e->code = code ? evg_doc_strdup(d, code) : NULL;
    e->country = code ? evg_doc_strndup(d, code, 3) : NULL;
    evg_span *m = EVG_DOC_PUSH(d, e->mentions, e->n_mentions, e->cap_mentions);
    assert_non_null(m);
    m->text = e->name;
    while (aliases && *aliases) {
        const char *bar = strchr(aliases, '|');
        size_t n = bar ? (size_t)(bar - aliases) : strlen(aliases);
        const char **a =
            EVG_DOC_PUSH(d, e->aliases, e->n_aliases, e->cap_aliases);
        assert_non_null(a);
        *a = evg_doc_strndup(d, aliases, n);
        aliases = bar ? bar + 1 : "";
    }
    return d->n_entities - 1;
}

static size_t sentence(evg_doc *d, const char *text)
{
    evg_sentence *s =
        EVG_DOC_PUSH(d, d->sentences, d->n_sentences, d->cap_sentences);
    assert_non_null(s);
    s->text = evg_doc_strdup(d, text);
    return d->n_sentences - 1;
}

/* Adds an event with one source and one target (EVG_NONE: none), dated
 * lo..hi (NULL: undated). */
static size_t event(evg_doc *d, const char *cameo, int quad, double gs,
                    size_t src, size_t tgt, const char *lo, const char *hi,
                    evg_modality mod, const char *text)
{
    evg_event *e = EVG_DOC_PUSH(d, d->events, d->n_events, d->cap_events);
    assert_non_null(e);
    e->cameo = evg_doc_strdup(d, cameo);
    e->label = evg_doc_strdup(d, cameo);
    e->quad_class = quad;
    e->goldstein = gs;
    e->modality = mod;
    e->confidence = 0.5;
    e->time.timex = EVG_NONE;
    e->duration = EVG_NONE;
    e->attributed = EVG_NONE;
    e->time.lo = lo ? evg_doc_strdup(d, lo) : NULL;
    e->time.hi = hi ? evg_doc_strdup(d, hi) : NULL;
    e->time.value = lo ? evg_doc_strdup(d, lo) : NULL;
    e->time.basis = lo ? EVG_BASIS_TIMEX : EVG_BASIS_NONE;
    e->trigger.text = evg_doc_strdup(d, "did");
    e->sentence = sentence(d, text ? text : "Something happened.");
    if (src != EVG_NONE) {
        size_t *p = EVG_DOC_PUSH(d, e->source, e->n_source, e->cap_source);
        assert_non_null(p);
        *p = src;
    }
    if (tgt != EVG_NONE) {
        size_t *p = EVG_DOC_PUSH(d, e->target, e->n_target, e->cap_target);
        assert_non_null(p);
        *p = tgt;
    }
    return d->n_events - 1;
}

static void add_source(evg_doc *d, size_t ev, size_t src)
{
    evg_event *e = &d->events[ev];
    size_t *p = EVG_DOC_PUSH(d, e->source, e->n_source, e->cap_source);
    assert_non_null(p);
    *p = src;
}

static void relation(evg_doc *d, evg_rel_type t, size_t from, size_t to)
{
    evg_relation *r =
        EVG_DOC_PUSH(d, d->relations, d->n_relations, d->cap_relations);
    assert_non_null(r);
    r->type = t;
    r->from = from;
    r->to = to;
}

static evg_graph *build(evg_doc **docs, size_t n, const evg_graph_opts *o)
{
    evg_graph *g = NULL;
    evg_error err;
    evg_error_clear(&err);
    int rc = evg_graph_build((const evg_doc *const *)docs, n, o, &g, &err);
    if (rc)
        fail_msg("build failed: %s", err.message);
    return g;
}

static void free_docs(evg_doc **docs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        evg_doc_free(docs[i]);
}

static size_t find_actor(const evg_graph *g, const char *name)
{
    for (size_t i = 0; i < evg_graph_actor_count(g); i++)
        if (strcmp(evg_graph_actor(g, i)->name, name) == 0)
            return i;
    return EVG_NONE;
}

/* Writes `g` in `fmt` into a malloc'd string. */
static char *export(const evg_graph *g, evg_graph_format fmt, size_t *len)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    assert_non_null(f);
    evg_error err;
    evg_error_clear(&err);
    int rc = evg_graph_write(g, fmt, f, &err);
    assert_int_equal(fclose(f), 0);
    if (rc)
        fail_msg("export %d failed: %s", (int)fmt, err.message);
    if (len)
        *len = n;
    return buf;
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

static const evg_graph_format all_formats[] = {
    EVG_GRAPH_GRAPHML, EVG_GRAPH_GML, EVG_GRAPH_JSON, EVG_GRAPH_GEXF,
    EVG_GRAPH_CYTOSCAPE, EVG_GRAPH_JGF, EVG_GRAPH_CSV, EVG_GRAPH_CSV_NODES,
    EVG_GRAPH_TIMELINEJS, EVG_GRAPH_GEXF_1_3};
#define N_FORMATS (sizeof(all_formats) / sizeof(all_formats[0]))

/* Two documents about one story: the same actors under other names, the
 * same sanction reported twice with overlapping dates. */
static void story(evg_doc **docs)
{
    evg_doc *a = doc_new("a");
    size_t us = ent(a, "United States", EVG_KIND_COUNTRY, "USA", "US|U.S.");
    size_t hw = ent(a, "Huawei", EVG_KIND_ORGANIZATION, "CHNBUS", NULL);
    size_t cn = ent(a, "China", EVG_KIND_COUNTRY, "CHN", "Beijing");
    size_t v1 = event(a, "163", 4, -8, us, hw, "2019-05-13", "2019-05-19",
                      EVG_MOD_ASSERTED, "The US blacklisted Huawei last week.");
    size_t v2 = event(a, "112", 3, -2, cn, us, "2019-05-20", "2019-05-20",
                      EVG_MOD_REPORTED, "China accused the US.");
    relation(a, EVG_REL_CAUSES, v1, v2);
    evg_doc *b = doc_new("b");
    size_t us2 = ent(b, "U.S.", EVG_KIND_COUNTRY, "USA", "Washington");
    size_t hw2 = ent(b, "Huawei Technologies", EVG_KIND_ORGANIZATION,
                     "CHNBUS", "Huawei");
    size_t g2 = ent(b, "Google", EVG_KIND_ORGANIZATION, "USABUS", NULL);
    event(b, "163", 4, -8, us2, hw2, "2019-05-15", "2019-05-15",
          EVG_MOD_REPORTED, "Washington put Huawei on the entity list.");
    event(b, "161", 4, -4, g2, hw2, "2019-05-20", "2019-05-20",
          EVG_MOD_ASSERTED, "Google cut ties with Huawei.");
    docs[0] = a;
    docs[1] = b;
}

/* ---- merging ---- */

static void graph_merges_actors_by_name_alias_and_code(void **state)
{
    (void)state;
    evg_doc *docs[2];
    story(docs);
    evg_graph *g = build(docs, 2, NULL);
    assert_int_equal(evg_graph_actor_count(g), 4); /* US, Huawei, China, Google */
    size_t us = find_actor(g, "United States");
    assert_int_not_equal(us, EVG_NONE);
    const evg_gactor *a = evg_graph_actor(g, us);
    assert_int_equal(a->documents, 2);
    assert_int_equal(a->mentions, 2);
    assert_non_null(strstr(a->aliases, "Washington"));
    assert_non_null(strstr(a->aliases, "U.S."));
    assert_int_equal(find_actor(g, "Huawei Technologies"), EVG_NONE);
    evg_graph_free(g);
    free_docs(docs, 2);
}

/* Pronouns, titles and descriptions among two people's aliases ("he",
 * "the prime minister") never make them one actor, and are no aliases. */
static void graph_pronouns_never_join_people(void **state)
{
    (void)state;
    evg_doc *a = doc_new("a"), *b = doc_new("b");
    ent(a, "Martin Hale", EVG_KIND_PERSON, "AUSGOV",
        "Hale|he|his|the prime minister|He");
    ent(b, "Peter Lowe", EVG_KIND_PERSON, "AUSGOV",
        "Lowe|he|his|the prime minister|He");
    ent(a, "Zorblax", EVG_KIND_ORGANIZATION, "FRABUS", "its|it|the company");
    ent(b, "Quillon", EVG_KIND_ORGANIZATION, "FRABUS", "its|It|the company");
    evg_doc *docs[2] = {a, b};
    evg_graph *g = build(docs, 2, NULL);
    assert_int_equal(evg_graph_actor_count(g), 4);
    const evg_gactor *h = evg_graph_actor(g, find_actor(g, "Martin Hale"));
    assert_string_equal(h->aliases, "Hale"); /* the names only */
    assert_int_equal(h->documents, 1);
    evg_graph_free(g);
    free_docs(docs, 2);
}

/* A shared last name is no evidence when the full names differ: "Paul
 * Keating" and "Charles Keating" stay two, and a later bare "Keating" with
 * both around joins neither. */
static void graph_different_full_names_never_merge(void **state)
{
    (void)state;
    evg_doc *a = doc_new("a"), *b = doc_new("b"), *c = doc_new("c");
    ent(a, "Paul Keating", EVG_KIND_PERSON, "AUSGOV", "Keating");
    ent(b, "Charles Keating", EVG_KIND_PERSON, "USABUS", "Keating");
    ent(c, "Keating", EVG_KIND_PERSON, NULL, NULL);
    ent(c, "Saddam Hussein", EVG_KIND_PERSON, "IRQGOV", "Hussein");
    ent(a, "King Hussein", EVG_KIND_PERSON, "JORGOV", "Hussein");
    evg_doc *docs[3] = {a, b, c};
    evg_graph *g = build(docs, 3, NULL);
    assert_int_equal(evg_graph_actor_count(g), 5);
    assert_int_equal(evg_graph_actor(g, find_actor(g, "Paul Keating"))->documents, 1);
    assert_int_equal(evg_graph_actor(g, find_actor(g, "Charles Keating"))->documents, 1);
    evg_graph_free(g);
    free_docs(docs, 3);
}

/* Names as the news writes them: "Bill Smith" is "William Smith" (but
 * "George H. W. Bush" is not "George W. Bush"); a
 * full name or a company's name outweighs the country an article guessed,
 * a name spelled as no word is ("USAF") the whole code; a model's plural
 * is the model. A single common word ("Embassy") of two countries is two
 * actors. */
static void graph_name_variants_merge(void **state)
{
    (void)state;
    evg_doc *a = doc_new("a"), *b = doc_new("b");
    ent(a, "William Smith", EVG_KIND_PERSON, "GBRBUS", NULL);
    ent(b, "Bill Smith", EVG_KIND_PERSON, "GBRBUS", NULL);
    ent(a, "George W. Bush", EVG_KIND_PERSON, "USAGOV", "Bush");
    ent(b, "George H. W. Bush", EVG_KIND_PERSON, "USAGOV", NULL);
    ent(a, "Scott Carson", EVG_KIND_PERSON, "USABUS", NULL);
    ent(b, "Scott Carson", EVG_KIND_PERSON, "FRA", NULL);
    ent(a, "Ryanair", EVG_KIND_ORGANIZATION, "IRLBUS", NULL);
    ent(b, "Ryanair", EVG_KIND_ORGANIZATION, "USA", NULL);
    ent(a, "Foreign Ministry", EVG_KIND_GOVERNMENT, "KORGOV", NULL);
    ent(b, "Foreign Ministry", EVG_KIND_GOVERNMENT, "USAGOV", NULL);
    ent(a, "USAF", EVG_KIND_GROUP, "USAMIL", "United States Air Force");
    ent(b, "USAF", EVG_KIND_ORGANIZATION, "USAGOV", NULL);
    ent(a, "A380", EVG_KIND_ORGANIZATION, "USA", NULL);
    ent(b, "A380s", EVG_KIND_ORGANIZATION, "KOR", NULL);
    ent(a, "Embassy", EVG_KIND_ORGANIZATION, "GBR", NULL); /* British */
    ent(b, "Embassy", EVG_KIND_ORGANIZATION, "USA", NULL); /* US */
    evg_doc *docs[2] = {a, b};
    evg_graph *g = build(docs, 2, NULL);
    assert_int_equal(evg_graph_actor_count(g), 11);
    assert_int_equal(evg_graph_actor(g, find_actor(g, "USAF"))->documents, 2);
    assert_int_equal(evg_graph_actor(g, find_actor(g, "A380"))->documents, 2);
    const evg_gactor *w = evg_graph_actor(g, find_actor(g, "William Smith"));
    assert_int_equal(w->documents, 2);
    assert_string_equal(w->aliases, "Bill Smith");
    assert_int_not_equal(find_actor(g, "George H. W. Bush"), EVG_NONE);
    assert_int_equal(evg_graph_actor(g, find_actor(g, "Scott Carson"))->documents, 2);
    assert_int_equal(evg_graph_actor(g, find_actor(g, "Ryanair"))->documents, 2);
    evg_graph_free(g);
    free_docs(docs, 2);
}

/* A middle name written in one name only is no evidence by the names
 * alone: "George Bush" is not "George W. Bush", but "George Walker Bush"
 * is. Two people named by a dictionary are one only when it is the same
 * entry, whatever titles or aliases they share ("President George Bush" of
 * 1990 and of 2003); the same entry joins despite a title among aliases. */
static void graph_middle_names_need_a_dictionary(void **state)
{
    (void)state;
    evg_doc *a = doc_new("a"), *b = doc_new("b"), *c = doc_new("c");
    ent(a, "George W. Bush", EVG_KIND_PERSON, "USAGOV", NULL);
    ent(b, "George Bush", EVG_KIND_PERSON, "USAGOV", NULL);
    ent(c, "George Walker Bush", EVG_KIND_PERSON, "USAGOV", NULL);
    ent(a, "Ann Q. Vell", EVG_KIND_PERSON, "FRABUS", "President Ann Vell");
    a->entities[a->n_entities - 1].dictionary = 1;
    ent(b, "Ann Vell", EVG_KIND_PERSON, "FRABUS", "President Ann Vell");
    b->entities[b->n_entities - 1].dictionary = 1;
    ent(c, "Ann Q. Vell", EVG_KIND_PERSON, "FRABUS", NULL);
    c->entities[c->n_entities - 1].dictionary = 1;
    evg_doc *docs[3] = {a, b, c};
    evg_graph *g = build(docs, 3, NULL);
    assert_int_equal(evg_graph_actor_count(g), 4);
    const evg_gactor *w = evg_graph_actor(g, find_actor(g, "George W. Bush"));
    assert_int_equal(w->documents, 2);
    assert_string_equal(w->aliases, "George Walker Bush");
    assert_int_equal(evg_graph_actor(g, find_actor(g, "George Bush"))->documents, 1);
    assert_int_equal(evg_graph_actor(g, find_actor(g, "Ann Q. Vell"))->documents, 2);
    assert_int_equal(evg_graph_actor(g, find_actor(g, "Ann Vell"))->documents, 1);
    evg_graph_free(g);
    free_docs(docs, 3);
}

/* A place (kind location) is where an event happens, not an actor: no
 * vertex, and the event keeps its other actors. */
static void graph_places_are_not_actors(void **state)
{
    (void)state;
    evg_doc *a = doc_new("a");
    size_t x = ent(a, "Ulster Unionists", EVG_KIND_GROUP, "GBRPTY", NULL);
    size_t y = ent(a, "Belfast", EVG_KIND_LOCATION, "GBR", NULL);
    event(a, "010", 1, 0, x, y, NULL, NULL, EVG_MOD_ASSERTED, NULL);
    evg_doc *docs[1] = {a};
    evg_graph *g = build(docs, 1, NULL);
    assert_int_equal(evg_graph_actor_count(g), 1);
    assert_int_equal(find_actor(g, "Belfast"), EVG_NONE);
    assert_int_equal(evg_graph_event_count(g), 1);
    assert_int_equal(evg_graph_event(g, 0)->n_sources, 1);
    assert_int_equal(evg_graph_event(g, 0)->n_targets, 0);
    evg_graph_free(g);
    free_docs(docs, 1);
}

static void graph_keeps_actors_with_other_codes_apart(void **state)
{
    (void)state;
    evg_doc *a = doc_new("a"), *b = doc_new("b");
    size_t x = ent(a, "Beijing", EVG_KIND_GOVERNMENT, "CHNGOV", NULL);
    size_t y = ent(b, "Beijing", EVG_KIND_COUNTRY, "CHN", NULL);
    size_t z = ent(b, "Beijing", EVG_KIND_COUNTRY, NULL, NULL); /* no code */
    event(a, "010", 1, 0, x, EVG_NONE, NULL, NULL, EVG_MOD_ASSERTED, NULL);
    event(b, "010", 1, 0, y, z, NULL, NULL, EVG_MOD_ASSERTED, NULL);
    evg_doc *docs[2] = {a, b};
    evg_graph *g = build(docs, 2, NULL);
    /* CHNGOV and CHN differ; the code-less one joins the first match */
    assert_int_equal(evg_graph_actor_count(g), 2);
    evg_graph_free(g);
    free_docs(docs, 2);
}

static void graph_merges_people_by_surname_when_unambiguous(void **state)
{
    (void)state;
    evg_doc *a = doc_new("a"), *b = doc_new("b"), *c = doc_new("c");
    ent(a, "Donald Trump", EVG_KIND_PERSON, "USAGOV", NULL);
    ent(a, "George Bush", EVG_KIND_PERSON, "USAELI", NULL);
    ent(a, "Merkel", EVG_KIND_PERSON, "DEUGOV", NULL);
    ent(b, "Trump", EVG_KIND_PERSON, "USAGOV", NULL);     /* joins Donald */
    ent(b, "Jeb Bush", EVG_KIND_PERSON, "USAELI", NULL);  /* another Bush */
    ent(b, "Angela Merkel", EVG_KIND_PERSON, "DEUGOV", NULL); /* joins */
    ent(c, "Bush", EVG_KIND_PERSON, "USAELI", NULL);      /* ambiguous */
    ent(c, "Trump Tower", EVG_KIND_ORGANIZATION, "USABUS", NULL);
    evg_doc *docs[3] = {a, b, c};
    evg_graph *g = build(docs, 3, NULL);
    assert_int_equal(evg_graph_actor_count(g), 6);
    assert_int_equal(find_actor(g, "Trump"), EVG_NONE);
    assert_int_equal(evg_graph_actor(g, find_actor(g, "Donald Trump"))->documents, 2);
    assert_int_not_equal(find_actor(g, "Jeb Bush"), EVG_NONE);
    assert_int_not_equal(find_actor(g, "Bush"), EVG_NONE);
    /* the full name becomes the name, the bare one an alias */
    assert_int_equal(find_actor(g, "Merkel"), EVG_NONE);
    assert_string_equal(
        evg_graph_actor(g, find_actor(g, "Angela Merkel"))->aliases, "Merkel");
    evg_graph_free(g);
    free_docs(docs, 3);
}

static void graph_merges_event_reports_across_documents(void **state)
{
    (void)state;
    evg_doc *docs[2];
    story(docs);
    evg_graph *g = build(docs, 2, NULL);
    assert_int_equal(evg_graph_event_count(g), 3);
    const evg_gevent *e = evg_graph_event(g, 0);
    assert_string_equal(e->cameo, "163");
    assert_int_equal(e->n_reports, 2);
    assert_int_equal(e->mentions, 2);
    assert_string_equal(e->report_docs[0], "a");
    assert_string_equal(e->report_docs[1], "b");
    assert_string_equal(e->report_evidence[1],
                        "Washington put Huawei on the entity list.");
    /* the more precise date wins, the more certain modality too */
    assert_string_equal(e->lo, "2019-05-15");
    assert_string_equal(e->hi, "2019-05-15");
    assert_string_equal(e->modality, "asserted");
    evg_graph_free(g);
    free_docs(docs, 2);
}

static void graph_merge_needs_overlap_polarity_and_other_document(void **state)
{
    (void)state;
    evg_doc *a = doc_new("a"), *b = doc_new("b");
    size_t x = ent(a, "Japan", EVG_KIND_COUNTRY, "JPN", NULL);
    size_t y = ent(a, "Huawei", EVG_KIND_ORGANIZATION, "CHNBUS", NULL);
    /* same document twice: two events, not one */
    event(a, "163", 4, -8, x, y, "2018-01-01", "2018-12-31", EVG_MOD_ASSERTED, NULL);
    event(a, "163", 4, -8, x, y, "2018-01-01", "2018-12-31", EVG_MOD_ASSERTED, NULL);
    size_t x2 = ent(b, "Japan", EVG_KIND_COUNTRY, "JPN", NULL);
    size_t y2 = ent(b, "Huawei", EVG_KIND_ORGANIZATION, "CHNBUS", NULL);
    /* no overlap with 2018 */
    event(b, "163", 4, -8, x2, y2, "2019-03-01", "2019-03-01", EVG_MOD_ASSERTED, NULL);
    /* negated never merges with asserted */
    event(b, "163", 4, -8, x2, y2, "2018-06-01", "2018-06-01", EVG_MOD_NEGATED, NULL);
    /* other actors */
    event(b, "163", 4, -8, y2, x2, "2018-06-01", "2018-06-01", EVG_MOD_ASSERTED, NULL);
    /* this one does merge (into the first of the two) */
    event(b, "163", 4, -8, x2, y2, "2018-06-01", "2018-06-30", EVG_MOD_ASSERTED, NULL);
    evg_doc *docs[2] = {a, b};
    evg_graph *g = build(docs, 2, NULL);
    assert_int_equal(evg_graph_event_count(g), 5);
    assert_int_equal(evg_graph_event(g, 0)->n_reports, 2);
    assert_string_equal(evg_graph_event(g, 0)->lo, "2018-06-01");
    assert_int_equal(evg_graph_event(g, 1)->n_reports, 1);
    evg_graph_opts o;
    evg_graph_opts_init(&o);
    o.merge = 0;
    evg_graph_free(g);
    g = build(docs, 2, &o);
    assert_int_equal(evg_graph_event_count(g), 6);
    evg_graph_free(g);
    free_docs(docs, 2);
}

static void graph_ignores_malformed_dates(void **state)
{
    (void)state;
    evg_doc *a = doc_new("a");
    size_t x = ent(a, "X", EVG_KIND_COUNTRY, "XXX", NULL);
    event(a, "010", 1, 0, x, EVG_NONE, "2019", "2019-12-31", EVG_MOD_ASSERTED, NULL);
    event(a, "011", 1, 0, x, EVG_NONE, "2019-05-20", "2019-05-02", EVG_MOD_ASSERTED, NULL);
    event(a, "012", 1, 0, x, EVG_NONE, "2019-13-01", NULL, EVG_MOD_ASSERTED, NULL);
    evg_doc *docs[1] = {a};
    evg_graph *g = build(docs, 1, NULL);
    assert_null(evg_graph_event(g, 0)->lo);
    assert_string_equal(evg_graph_event(g, 1)->lo, "2019-05-20");
    assert_string_equal(evg_graph_event(g, 1)->hi, "2019-05-20");
    assert_null(evg_graph_event(g, 2)->lo);
    assert_int_equal(evg_graph_summary_get(g)->undated, 2);
    for (size_t i = 0; i < N_FORMATS; i++)
        free(export(g, all_formats[i], NULL));
    evg_graph_free(g);
    free_docs(docs, 1);
}

static void graph_links_follow_merged_events(void **state)
{
    (void)state;
    evg_doc *docs[2];
    story(docs);
    relation(docs[1], EVG_REL_BEFORE, 0, 1);
    relation(docs[1], EVG_REL_BEFORE, 0, 1); /* duplicate */
    relation(docs[1], EVG_REL_AFTER, 0, 0);  /* self loop */
    evg_graph *g = build(docs, 2, NULL);
    assert_int_equal(evg_graph_link_count(g), 2);
    const evg_glink *l = evg_graph_link(g, 0);
    assert_string_equal(l->type, "causes");
    assert_int_equal(l->from, 0);
    assert_int_equal(l->to, 1);
    l = evg_graph_link(g, 1);
    assert_string_equal(l->type, "before");
    assert_int_equal(l->to, 2);
    evg_graph_free(g);
    free_docs(docs, 2);
}

/* ---- projection and analytics ---- */

static void graph_projection_weights_dyads(void **state)
{
    (void)state;
    evg_doc *a = doc_new("a");
    size_t us = ent(a, "US", EVG_KIND_COUNTRY, "USA", NULL);
    size_t jp = ent(a, "Japan", EVG_KIND_COUNTRY, "JPN", NULL);
    size_t hw = ent(a, "Huawei", EVG_KIND_ORGANIZATION, "CHNBUS", NULL);
    size_t v = event(a, "163", 4, -8, us, hw, "2018-01-01", "2018-12-31",
                     EVG_MOD_ASSERTED, NULL);
    add_source(a, v, jp);
    event(a, "036", 1, 4, us, hw, "2019-01-01", "2019-01-01", EVG_MOD_ASSERTED, NULL);
    event(a, "111", 3, -2, hw, us, NULL, NULL, EVG_MOD_ASSERTED, NULL);
    event(a, "010", 1, 0, us, us, NULL, NULL, EVG_MOD_ASSERTED, NULL); /* self */
    evg_doc *docs[1] = {a};
    evg_graph *g = build(docs, 1, NULL);
    assert_int_equal(evg_graph_dyad_count(g), 3);
    const evg_gdyad *d = evg_graph_dyad(g, 0); /* busiest first */
    assert_int_equal(d->from, 0);
    assert_int_equal(d->to, 2);
    assert_int_equal(d->events, 2);
    assert_int_equal(d->quad[1], 1);
    assert_int_equal(d->quad[4], 1);
    assert_true(fabs(d->goldstein - (-4.0)) < 1e-9);
    assert_string_equal(d->first, "2018-01-01");
    assert_string_equal(d->last, "2019-01-01");
    assert_int_equal(evg_graph_dyad(g, 1)->events, 1);
    evg_graph_free(g);
    free_docs(docs, 1);
}

static void graph_analytics_fill_attributes(void **state)
{
    (void)state;
    evg_doc *a = doc_new("a");
    /* two groups: a triangle of cooperation and a separate pair */
    size_t x = ent(a, "X", EVG_KIND_COUNTRY, "XXX", NULL);
    size_t y = ent(a, "Y", EVG_KIND_COUNTRY, "YYY", NULL);
    size_t z = ent(a, "Z", EVG_KIND_COUNTRY, "ZZZ", NULL);
    size_t p = ent(a, "P", EVG_KIND_COUNTRY, "PPP", NULL);
    size_t q = ent(a, "Q", EVG_KIND_COUNTRY, "QQQ", NULL);
    ent(a, "Loner", EVG_KIND_PERSON, NULL, NULL);
    for (int i = 0; i < 3; i++) {
        event(a, "042", 1, 1.9, x, y, NULL, NULL, EVG_MOD_ASSERTED, NULL);
        event(a, "042", 1, 1.9, y, z, NULL, NULL, EVG_MOD_ASSERTED, NULL);
        event(a, "042", 1, 1.9, z, x, NULL, NULL, EVG_MOD_ASSERTED, NULL);
    }
    event(a, "190", 4, -10, p, q, NULL, NULL, EVG_MOD_ASSERTED, NULL);
    evg_doc *docs[1] = {a};
    evg_graph *g = build(docs, 1, NULL);
    const evg_graph_summary *s = evg_graph_summary_get(g);
    /* components: {X,Y,Z + 9 events}, {P,Q + 1 event}, {Loner} */
    assert_int_equal(s->components, 3);
    assert_int_equal(s->communities, 3);
    assert_true(s->modularity > 0.1); /* 0.09 + 0.09 */
    const evg_gactor *ax = evg_graph_actor(g, x), *ay = evg_graph_actor(g, y);
    const evg_gactor *ap = evg_graph_actor(g, p), *aq = evg_graph_actor(g, q);
    assert_int_equal(ax->degree, 6);
    assert_int_equal(ax->events, 6);
    assert_int_equal(ax->community, ay->community);
    assert_int_equal(ap->community, aq->community);
    assert_int_not_equal(ax->community, ap->community);
    assert_int_equal(ax->component, evg_graph_event(g, 0)->component);
    assert_int_not_equal(ax->component, ap->component);
    double sum = 0;
    for (size_t i = 0; i < evg_graph_actor_count(g); i++)
        sum += evg_graph_actor(g, i)->pagerank;
    assert_true(fabs(sum - 1.0) < 1e-6);
    assert_true(aq->pagerank > ap->pagerank); /* Q is acted upon */
    evg_graph_free(g);
    free_docs(docs, 1);
}

static void graph_betweenness_marks_brokers(void **state)
{
    (void)state;
    evg_doc *a = doc_new("a");
    size_t l = ent(a, "Left", EVG_KIND_COUNTRY, "LLL", NULL);
    size_t m = ent(a, "Middle", EVG_KIND_COUNTRY, "MMM", NULL);
    size_t r = ent(a, "Right", EVG_KIND_COUNTRY, "RRR", NULL);
    event(a, "040", 1, 1, l, m, NULL, NULL, EVG_MOD_ASSERTED, NULL);
    event(a, "040", 1, 1, m, r, NULL, NULL, EVG_MOD_ASSERTED, NULL);
    evg_doc *docs[1] = {a};
    evg_graph *g = build(docs, 1, NULL);
    assert_true(fabs(evg_graph_actor(g, m)->betweenness - 1.0) < 1e-9);
    assert_true(evg_graph_actor(g, l)->betweenness == 0);
    evg_graph_free(g);
    free_docs(docs, 1);
}

/* ---- betweenness by brute force, to check igraph's and ours ---- */

#define BF_N 10
#define BF_MAXD 64

typedef struct bf_graph {
    size_t n, nd;
    size_t from[BF_MAXD], to[BF_MAXD];
    double len[BF_MAXD];
    double d[BF_N][BF_N];     /* shortest distances */
    double sigma[BF_N][BF_N]; /* shortest path counts (parallel edges
                                 are different paths) */
} bf_graph;

static int bf_eq(double a, double b)
{
    return fabs(a - b) <= 1e-9 * (fabs(a) > 1 ? fabs(a) : 1);
}

/* sigma[s][t] over the edges into t that lie on a shortest path, in order
 * of distance from s */
static void bf_paths(bf_graph *b)
{
    for (size_t i = 0; i < b->n; i++)
        for (size_t j = 0; j < b->n; j++)
            b->d[i][j] = i == j ? 0 : INFINITY;
    for (size_t e = 0; e < b->nd; e++) {
        size_t u = b->from[e], w = b->to[e];
        if (b->len[e] < b->d[u][w])
            b->d[u][w] = b->d[w][u] = b->len[e];
    }
    for (size_t k = 0; k < b->n; k++)
        for (size_t i = 0; i < b->n; i++)
            for (size_t j = 0; j < b->n; j++)
                if (b->d[i][k] + b->d[k][j] < b->d[i][j] &&
                    !bf_eq(b->d[i][k] + b->d[k][j], b->d[i][j]))
                    b->d[i][j] = b->d[i][k] + b->d[k][j];
    for (size_t s = 0; s < b->n; s++) {
        size_t order[BF_N], n = 0;
        for (size_t t = 0; t < b->n; t++)
            if (isfinite(b->d[s][t]))
                order[n++] = t;
        for (size_t i = 1; i < n; i++) /* by distance */
            for (size_t j = i; j > 0 && b->d[s][order[j]] < b->d[s][order[j - 1]]; j--) {
                size_t x = order[j];
                order[j] = order[j - 1];
                order[j - 1] = x;
            }
        for (size_t t = 0; t < b->n; t++)
            b->sigma[s][t] = t == s;
        for (size_t i = 1; i < n; i++) {
            size_t t = order[i];
            for (size_t e = 0; e < b->nd; e++)
                for (int side = 0; side < 2; side++) {
                    size_t u = side ? b->to[e] : b->from[e];
                    size_t w = side ? b->from[e] : b->to[e];
                    if (w == t && bf_eq(b->d[s][u] + b->len[e], b->d[s][t]))
                        b->sigma[s][t] += b->sigma[s][u];
                }
        }
    }
}

/* Actors' and events' betweenness of `g` computed from scratch over the
 * undirected projection (edge = dyad, length 1 / events) and compared. */
static void bf_check(const evg_graph *g)
{
    bf_graph *b = calloc(1, sizeof(*b));
    assert_non_null(b);
    b->n = evg_graph_actor_count(g);
    b->nd = evg_graph_dyad_count(g);
    assert_true(b->n <= BF_N && b->nd <= BF_MAXD);
    for (size_t e = 0; e < b->nd; e++) {
        const evg_gdyad *d = evg_graph_dyad(g, e);
        b->from[e] = d->from;
        b->to[e] = d->to;
        b->len[e] = 1.0 / (double)d->events;
    }
    bf_paths(b);
    double vb[BF_N] = {0}, eb[BF_MAXD] = {0};
    for (size_t s = 0; s < b->n; s++)
        for (size_t t = s + 1; t < b->n; t++) {
            if (!isfinite(b->d[s][t]))
                continue;
            double all = b->sigma[s][t], dst = b->d[s][t];
            for (size_t v = 0; v < b->n; v++)
                if (v != s && v != t && bf_eq(b->d[s][v] + b->d[v][t], dst))
                    vb[v] += b->sigma[s][v] * b->sigma[v][t] / all;
            for (size_t e = 0; e < b->nd; e++)
                for (int side = 0; side < 2; side++) {
                    size_t u = side ? b->to[e] : b->from[e];
                    size_t w = side ? b->from[e] : b->to[e];
                    if (bf_eq(b->d[s][u] + b->len[e] + b->d[w][t], dst))
                        eb[e] += b->sigma[s][u] * b->sigma[w][t] / all;
                }
        }
    for (size_t v = 0; v < b->n; v++)
        assert_true(bf_eq(evg_graph_actor(g, v)->betweenness, vb[v]));
    double ev[64] = {0};
    assert_true(evg_graph_event_count(g) <= 64);
    for (size_t e = 0; e < b->nd; e++) {
        const evg_gdyad *d = evg_graph_dyad(g, e);
        for (size_t k = 0; k < d->events; k++)
            ev[d->event_list[k]] += eb[e] / (double)d->events;
    }
    for (size_t i = 0; i < evg_graph_event_count(g); i++)
        assert_true(bf_eq(evg_graph_event(g, i)->betweenness, ev[i]));
    free(b);
}

/* Random projections with reciprocal dyads, busy dyads, events with two
 * sources and two components: every actor's and event's betweenness
 * equals the brute-force count. */
static void graph_betweenness_matches_brute_force(void **state)
{
    (void)state;
    static const char *const names[BF_N] = {"A0", "A1", "A2", "A3", "A4",
                                            "A5", "A6", "A7", "A8", "A9"};
    uint64_t x = 12345;
    for (int round = 0; round < 8; round++) {
        evg_doc *a = doc_new("a");
        size_t ids[BF_N];
        for (size_t i = 0; i < BF_N; i++)
            ids[i] = ent(a, names[i], EVG_KIND_COUNTRY, NULL, NULL);
        for (int k = 0; k < 30; k++) {
            x = x * 6364136223846793005u + 1442695040888963407u;
            /* actors 0-6 and 7-9 in two groups (round 0: one group) */
            size_t lo = round && (x >> 60) % 4 == 0 ? 7 : 0;
            size_t span = lo ? 3 : (round ? 7 : BF_N);
            size_t s = lo + (x >> 33) % span, t = lo + (x >> 45) % span;
            if (s == t)
                continue;
            size_t ev = event(a, "040", 1, 1, ids[s], ids[t], NULL, NULL,
                              EVG_MOD_ASSERTED, NULL);
            if ((x >> 20) % 5 == 0) {
                size_t s2 = lo + (x >> 25) % span;
                if (s2 != s && s2 != t)
                    add_source(a, ev, ids[s2]);
            }
        }
        evg_doc *docs[1] = {a};
        evg_graph *g = build(docs, 1, NULL);
        bf_check(g);
        evg_graph_free(g);
        free_docs(docs, 1);
    }
}

/* Events share their dyads' edge betweenness; actors carry their events'
 * numbers; every numeric attribute is on every node of the exports. */
static void graph_numbers_on_every_vertex(void **state)
{
    (void)state;
    evg_doc *a = doc_new("a");
    size_t l = ent(a, "Left", EVG_KIND_COUNTRY, "LLL", NULL);
    size_t m = ent(a, "Middle", EVG_KIND_COUNTRY, "MMM", NULL);
    size_t r = ent(a, "Right", EVG_KIND_COUNTRY, "RRR", NULL);
    size_t t = ent(a, "Tail", EVG_KIND_COUNTRY, "TTT", NULL);
    size_t lone = ent(a, "Loner", EVG_KIND_PERSON, NULL, NULL);
    /* the path Left - Middle - Right - Tail, dyads of 2, 1 and 2 events */
    event(a, "040", 1, 1, l, m, NULL, NULL, EVG_MOD_ASSERTED, NULL);
    event(a, "040", 1, 1, l, m, NULL, NULL, EVG_MOD_ASSERTED, NULL);
    event(a, "111", 3, -2, m, r, NULL, NULL, EVG_MOD_ASSERTED, NULL);
    event(a, "050", 2, 3.5, t, r, NULL, NULL, EVG_MOD_ASSERTED, NULL);
    event(a, "111", 3, -2, t, r, NULL, NULL, EVG_MOD_ASSERTED, NULL);
    /* in no dyad: a source without target, no actor at all */
    event(a, "190", 4, -10, l, EVG_NONE, NULL, NULL, EVG_MOD_ASSERTED, NULL);
    event(a, "010", 1, 0, EVG_NONE, EVG_NONE, NULL, NULL, EVG_MOD_ASSERTED,
          NULL);
    evg_doc *docs[1] = {a};
    evg_graph *g = build(docs, 1, NULL);
    assert_int_equal(evg_graph_event_count(g), 7);
    /* edge betweenness on a path of four: 1*3, 2*2, 3*1 actor pairs */
    const double want[7] = {1.5, 1.5, 4, 1.5, 1.5, 0, 0};
    double sum = 0;
    for (size_t i = 0; i < 7; i++) {
        const evg_gevent *v = evg_graph_event(g, i);
        assert_true(fabs(v->betweenness - want[i]) < 1e-9);
        sum += v->betweenness;
    }
    assert_true(fabs(sum - 10) < 1e-9);
    assert_true(fabs(evg_graph_actor(g, m)->betweenness - 2) < 1e-9);
    assert_int_equal(evg_graph_event(g, 6)->community, -1);
    /* Left: two events of class 1, one of class 4 */
    const evg_gactor *al = evg_graph_actor(g, l);
    assert_int_equal(al->events, 3);
    assert_int_equal(al->quad_class, 1);
    assert_true(fabs(al->goldstein - (1 + 1 - 10) / 3.0) < 1e-9);
    assert_true(fabs(al->confidence - 0.5) < 1e-9);
    assert_int_equal(al->reports, 3);
    /* Tail: one event of class 2 and one of class 3: the higher class */
    assert_int_equal(evg_graph_actor(g, t)->quad_class, 3);
    assert_true(fabs(evg_graph_actor(g, t)->goldstein - 0.75) < 1e-9);
    const evg_gactor *ao = evg_graph_actor(g, lone);
    assert_int_equal(ao->events, 0);
    assert_int_equal(ao->quad_class, 0);
    assert_true(ao->goldstein == 0 && ao->confidence == 0);
    assert_int_equal(ao->reports, 0);
    /* 5 actors + 7 events: every number on all 12 nodes of GML and
     * GraphML (igraph's writer leaves NaN out) */
    char *s = export(g, EVG_GRAPH_GML, NULL);
    char *edges = strstr(s, "\n  edge [");
    assert_non_null(edges);
    *edges = '\0'; /* edges have a quad_class and goldstein too */
    static const char *const nums[] = {
        "mentions", "documents", "events", "degree", "pagerank",
        "betweenness", "community", "component", "quad_class", "goldstein",
        "confidence", "reports"};
    char key[40];
    for (size_t i = 0; i < sizeof(nums) / sizeof(nums[0]); i++) {
        snprintf(key, sizeof(key), "\n    %s ", nums[i]);
        assert_int_equal(count(s, key), 12);
    }
    assert_int_equal(count(s, "\n    events 1\n"), 7);
    free(s);
    s = export(g, EVG_GRAPH_GRAPHML, NULL);
    edges = strstr(s, "<edge ");
    assert_non_null(edges);
    *edges = '\0';
    for (size_t i = 0; i < sizeof(nums) / sizeof(nums[0]); i++) {
        snprintf(key, sizeof(key), "<data key=\"%s\">", nums[i]);
        assert_int_equal(count(s, key), 12);
    }
    free(s);
    evg_graph_free(g);
    free_docs(docs, 1);
}

/* ---- filters ---- */

static void graph_filter_entity_keeps_its_neighbourhood(void **state)
{
    (void)state;
    evg_doc *docs[2];
    story(docs);
    evg_graph_opts o;
    evg_graph_opts_init(&o);
    o.entity = "google"; /* case does not matter */
    evg_graph *g = build(docs, 2, &o);
    assert_int_equal(evg_graph_event_count(g), 1);
    assert_int_equal(evg_graph_actor_count(g), 2); /* Google, Huawei */
    assert_string_equal(evg_graph_actor(g, 0)->id, "a1");
    assert_string_equal(evg_graph_event(g, 0)->id, "v1");
    evg_graph_free(g);
    o.entity = "Beijing"; /* an alias of China */
    g = build(docs, 2, &o);
    assert_int_equal(evg_graph_event_count(g), 1);
    assert_int_equal(evg_graph_link_count(g), 0);
    evg_graph_free(g);
    o.entity = "Nobody";
    evg_graph *none = NULL;
    evg_error err;
    evg_error_clear(&err);
    assert_int_equal(evg_graph_build((const evg_doc *const *)docs, 2, &o,
                                     &none, &err),
                     EVG_EINVAL);
    assert_null(none);
    assert_non_null(strstr(err.message, "Nobody"));
    free_docs(docs, 2);
}

static void graph_filter_dates_roots_quads_modalities(void **state)
{
    (void)state;
    evg_doc *docs[2];
    story(docs);
    evg_graph_opts o;
    evg_graph_opts_init(&o);
    o.from = "2019-05-16";
    evg_graph *g = build(docs, 2, &o);
    assert_int_equal(evg_graph_event_count(g), 2); /* the merged 05-15 goes */
    evg_graph_free(g);
    evg_graph_opts_init(&o);
    o.to = "2019-05-15";
    g = build(docs, 2, &o);
    assert_int_equal(evg_graph_event_count(g), 1);
    assert_int_equal(evg_graph_actor_count(g), 2);
    evg_graph_free(g);
    evg_graph_opts_init(&o);
    o.roots = "11, 03";
    g = build(docs, 2, &o);
    assert_int_equal(evg_graph_event_count(g), 1);
    assert_string_equal(evg_graph_event(g, 0)->cameo, "112");
    evg_graph_free(g);
    evg_graph_opts_init(&o);
    o.quad_class = 4;
    g = build(docs, 2, &o);
    assert_int_equal(evg_graph_event_count(g), 2);
    evg_graph_free(g);
    evg_graph_opts_init(&o);
    o.modalities = 1u << EVG_MOD_REPORTED;
    g = build(docs, 2, &o);
    assert_int_equal(evg_graph_event_count(g), 1);
    assert_string_equal(evg_graph_event(g, 0)->cameo, "112");
    evg_graph_free(g);
    free_docs(docs, 2);
}

/* ---- exports ---- */

static void graph_format_names_parse(void **state)
{
    (void)state;
    const char *names[] = {"graphml", "gml", "json", "gexf", "cytoscape",
                           "jgf", "csv", "csv-nodes", "timelinejs"};
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        int f = evg_graph_format_parse(names[i]);
        assert_true(f >= 0);
        assert_non_null(strstr(EVG_GRAPH_FORMAT_NAMES, names[i]));
    }
    assert_int_equal(evg_graph_format_parse("GraphML"), -1);
    assert_int_equal(evg_graph_format_parse("dot"), -1);
}


static int valid_text(const char *s, size_t n, int allow_newline)
{
    size_t i = 0;
    while (i < n) {
        int32_t c = evg_utf8_next(s, n, &i);
        if (c < 0 || (c < 0x20 && !(allow_newline && (c == '\n' || c == '\r'))))
            return 0;
    }
    return 1;
}

static void graph_exports_clean_hostile_text(void **state)
{
    (void)state;
    evg_doc *a = doc_new("a\"<&>");
    size_t x = ent(a, "Bad \xff\xfe Name\x01\x1f", EVG_KIND_PERSON, "USA",
                   "<script>alert(1)</script>");
    size_t y = ent(a, "=cmd|' /C calc'!A0", EVG_KIND_GROUP, NULL, NULL);
    event(a, "112", 3, -2, x, y, "2019-01-01", "2019-01-01", EVG_MOD_ASSERTED,
          "He said \"<b>no</b>\" & left,\tthen\nwent \x02home.\xc3");
    evg_doc *docs[1] = {a};
    evg_graph *g = build(docs, 1, NULL);
    assert_non_null(strstr(evg_graph_actor(g, 0)->name, "\xef\xbf\xbd"));
    for (size_t i = 0; i < N_FORMATS; i++) {
        size_t n;
        char *out = export(g, all_formats[i], &n);
        assert_true(n > 0);
        assert_true(valid_text(out, n, 1));
        /* raw markup is right in CSV and GML, wrong in XML and JSON */
        if (all_formats[i] != EVG_GRAPH_CSV &&
            all_formats[i] != EVG_GRAPH_CSV_NODES &&
            all_formats[i] != EVG_GRAPH_GML) {
            assert_null(strstr(out, "<script>"));
            assert_null(strstr(out, "<b>"));
        }
        if (all_formats[i] == EVG_GRAPH_CSV_NODES)
            assert_non_null(strstr(out, "\"'=cmd|' /C calc'!A0\""));
        if (all_formats[i] == EVG_GRAPH_TIMELINEJS)
            assert_non_null(strstr(out, "\\u0026lt;b\\u0026gt;"));
        if (all_formats[i] == EVG_GRAPH_GEXF)
            assert_non_null(strstr(out, "&lt;script&gt;"));
        free(out);
    }
    evg_graph_free(g);
    free_docs(docs, 1);
}

static void graph_exports_are_deterministic(void **state)
{
    (void)state;
    for (int proj = 0; proj < 2; proj++) {
        evg_doc *docs[2];
        story(docs);
        evg_graph_opts o;
        evg_graph_opts_init(&o);
        o.projection = proj ? EVG_PROJ_ACTORS : EVG_PROJ_NONE;
        evg_graph *g1 = build(docs, 2, &o), *g2 = build(docs, 2, &o);
        for (size_t i = 0; i < N_FORMATS; i++) {
            size_t n1, n2;
            char *x = export(g1, all_formats[i], &n1);
            char *y = export(g2, all_formats[i], &n2);
            assert_int_equal(n1, n2);
            assert_memory_equal(x, y, n1);
            free(x);
            free(y);
        }
        evg_graph_free(g1);
        evg_graph_free(g2);
        free_docs(docs, 2);
    }
}

static void graph_exports_empty_graph(void **state)
{
    (void)state;
    evg_graph *g = build(NULL, 0, NULL);
    assert_int_equal(evg_graph_actor_count(g), 0);
    assert_int_equal(evg_graph_summary_get(g)->components, 0);
    for (size_t i = 0; i < N_FORMATS; i++)
        free(export(g, all_formats[i], NULL));
    evg_graph_free(g);
}

static void graph_exports_counts_agree(void **state)
{
    (void)state;
    evg_doc *docs[2];
    story(docs);
    evg_graph *g = build(docs, 2, NULL);
    /* 4 actors + 3 events; edges: 3 source + 3 target + 1 causes */
    char *s = export(g, EVG_GRAPH_GEXF, NULL);
    assert_non_null(strstr(s, "xmlns=\"http://www.gexf.net/1.2draft\""));
    assert_non_null(strstr(s, "version=\"1.2\""));
    assert_int_equal(count(s, "<node id="), 7);
    assert_int_equal(count(s, "<edge id="), 7);
    assert_non_null(strstr(s, "mode=\"dynamic\""));
    assert_non_null(strstr(s, "timeformat=\"date\""));
    assert_non_null(strstr(s, "start=\"2019-05-15\" end=\"2019-05-15\""));
    free(s);
    s = export(g, EVG_GRAPH_GRAPHML, NULL);
    assert_int_equal(count(s, "<node id="), 7);
    assert_int_equal(count(s, "<edge "), 7);
    free(s);
    s = export(g, EVG_GRAPH_GML, NULL);
    assert_int_equal(count(s, "  node [\n"), 7);
    assert_int_equal(count(s, "  edge [\n"), 7);
    /* ASCII, labels are the (unique) ids, keys as named */
    for (const char *p = s; *p; p++)
        assert_true((unsigned char)*p < 0x80);
    assert_non_null(strstr(s, "    label \"v3\"\n"));
    assert_non_null(strstr(s, "    quad_class "));
    assert_null(strstr(s, "nan"));
    free(s);
    s = export(g, EVG_GRAPH_GEXF_1_3, NULL);
    assert_non_null(strstr(s, "xmlns=\"http://gexf.net/1.3\""));
    assert_non_null(strstr(s, "version=\"1.3\""));
    assert_int_equal(count(s, "<node id="), 7);
    free(s);
    s = export(g, EVG_GRAPH_CYTOSCAPE, NULL);
    assert_int_equal(count(s, "{\"data\":{\"id\":\"a"), 4);
    assert_int_equal(count(s, "{\"data\":{\"id\":\"v"), 3);
    assert_int_equal(count(s, "{\"data\":{\"id\":\"e"), 7);
    free(s);
    s = export(g, EVG_GRAPH_JGF, NULL);
    assert_non_null(strstr(s, "\"nodes\":{\"a1\":{"));
    assert_int_equal(count(s, "\"relation\":"), 7);
    free(s);
    s = export(g, EVG_GRAPH_CSV, NULL);
    assert_int_equal(count(s, "\r\n"), 4); /* header + 3 events */
    assert_non_null(strstr(s, "\r\nv1,2019-05-15,2019-05-15,"));
    free(s);
    s = export(g, EVG_GRAPH_CSV_NODES, NULL);
    assert_int_equal(count(s, "\r\n"), 8);
    free(s);
    s = export(g, EVG_GRAPH_TIMELINEJS, NULL);
    assert_int_equal(count(s, "\"unique_id\""), 3);
    assert_int_equal(count(s, "\\u003cblockquote\\u003e"), 4); /* 2+1+1 reports */
    free(s);
    evg_graph_free(g);
    free_docs(docs, 2);
}

/* A failing stream: igraph's writer reports the error through the
 * handler evgraph installs (no abort), text writers return EVG_EIO. */
static void graph_export_write_errors_are_reported(void **state)
{
    (void)state;
    evg_doc *docs[2];
    story(docs);
    evg_graph *g = build(docs, 2, NULL);
    for (size_t i = 0; i < N_FORMATS; i++) {
        FILE *ro = fopen("/dev/null", "r");
        assert_non_null(ro);
        evg_error err;
        evg_error_clear(&err);
        int rc = evg_graph_write(g, all_formats[i], ro, &err);
        fclose(ro);
        assert_true(rc == EVG_EDEP || rc == EVG_EIO);
        assert_int_equal(err.code, rc);
        assert_true(err.message[0] != '\0');
        if (rc == EVG_EDEP)
            assert_non_null(strstr(err.message, "igraph"));
    }
    evg_graph_free(g);
    free_docs(docs, 2);
}

static void graph_projection_exports_actors_only(void **state)
{
    (void)state;
    evg_doc *docs[2];
    story(docs);
    evg_graph_opts o;
    evg_graph_opts_init(&o);
    o.projection = EVG_PROJ_ACTORS;
    evg_graph *g = build(docs, 2, &o);
    char *s = export(g, EVG_GRAPH_JSON, NULL);
    assert_int_equal(count(s, "\"type\":\"actor\""), 4);
    assert_int_equal(count(s, "\"type\":\"event\""), 0);
    assert_int_equal(count(s, "\"type\":\"dyad\""), 3);
    assert_non_null(strstr(s, "\"verbal_conflict\":1"));
    free(s);
    s = export(g, EVG_GRAPH_CSV, NULL);
    assert_true(strncmp(s, "source_id,", 10) == 0);
    assert_int_equal(count(s, "\r\n"), 4);
    free(s);
    evg_graph_free(g);
    free_docs(docs, 2);
}

static void graph_timelinejs_date_precision(void **state)
{
    (void)state;
    evg_doc *a = doc_new("a");
    size_t x = ent(a, "X", EVG_KIND_COUNTRY, "XXX", NULL);
    event(a, "010", 1, 0, x, EVG_NONE, "2020-01-01", "2020-12-31", EVG_MOD_ASSERTED, NULL);
    event(a, "011", 1, 0, x, EVG_NONE, "2020-02-01", "2020-02-29", EVG_MOD_ASSERTED, NULL);
    event(a, "012", 1, 0, x, EVG_NONE, "2019-05-13", "2019-05-19", EVG_MOD_ASSERTED, NULL);
    event(a, "013", 1, 0, x, EVG_NONE, NULL, NULL, EVG_MOD_ASSERTED, NULL);
    evg_doc *docs[1] = {a};
    evg_graph *g = build(docs, 1, NULL);
    char *s = export(g, EVG_GRAPH_TIMELINEJS, NULL);
    assert_non_null(strstr(s, "\"start_date\":{\"year\":2020},"));
    assert_non_null(strstr(s, "\"start_date\":{\"year\":2020,\"month\":2},"));
    assert_non_null(strstr(s, "\"start_date\":{\"year\":2019,\"month\":5,"
                              "\"day\":13},\"end_date\":{\"year\":2019,"
                              "\"month\":5,\"day\":19}"));
    assert_int_equal(count(s, "\"unique_id\""), 3); /* the undated one is left out */
    /* in date order */
    assert_true(strstr(s, "\"v3\"") < strstr(s, "\"v1\""));
    free(s);
    evg_graph_free(g);
    free_docs(docs, 1);
}

static void graph_stats_summarise(void **state)
{
    (void)state;
    evg_doc *docs[2];
    story(docs);
    evg_graph *g = build(docs, 2, NULL);
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    assert_non_null(f);
    assert_int_equal(evg_graph_stats_write(g, 2, f, NULL), 0);
    fclose(f);
    assert_non_null(strstr(buf, "graph: 2 documents, 4 event reports -> 3 events, 4 actors"));
    assert_non_null(strstr(buf, "dates: 2019-05-15 .. 2019-05-20 (0 undated events)"));
    assert_non_null(strstr(buf, "reported by several documents: 1 event\n"));
    assert_non_null(strstr(buf, "top actors by degree:\n"));
    assert_non_null(strstr(buf, "top actors by PageRank:\n"));
    assert_non_null(strstr(buf, "busiest dyads"));
    /* top 2: Huawei and the US tie on degree; Huawei, acted upon by two
     * actors, has the higher PageRank */
    char *deg = strstr(buf, "top actors by degree:");
    char *end = strstr(buf, "top actors by PageRank:");
    char *hw = strstr(deg, "Huawei"), *us = strstr(deg, "United States");
    assert_non_null(hw);
    assert_non_null(us);
    assert_true(hw < us && us < end);
    size_t lines = 0; /* title, column heads, two rows, blank line */
    for (char *p = deg; p < end; p++)
        lines += *p == '\n';
    assert_int_equal(lines, 5);
    free(buf);
    evg_graph_free(g);
    free_docs(docs, 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(graph_merges_actors_by_name_alias_and_code),
        cmocka_unit_test(graph_keeps_actors_with_other_codes_apart),
        cmocka_unit_test(graph_merges_people_by_surname_when_unambiguous),
        cmocka_unit_test(graph_pronouns_never_join_people),
        cmocka_unit_test(graph_different_full_names_never_merge),
        cmocka_unit_test(graph_name_variants_merge),
        cmocka_unit_test(graph_middle_names_need_a_dictionary),
        cmocka_unit_test(graph_places_are_not_actors),
        cmocka_unit_test(graph_merges_event_reports_across_documents),
        cmocka_unit_test(graph_merge_needs_overlap_polarity_and_other_document),
        cmocka_unit_test(graph_ignores_malformed_dates),
        cmocka_unit_test(graph_links_follow_merged_events),
        cmocka_unit_test(graph_projection_weights_dyads),
        cmocka_unit_test(graph_analytics_fill_attributes),
        cmocka_unit_test(graph_betweenness_marks_brokers),
        cmocka_unit_test(graph_numbers_on_every_vertex),
        cmocka_unit_test(graph_betweenness_matches_brute_force),
        cmocka_unit_test(graph_filter_entity_keeps_its_neighbourhood),
        cmocka_unit_test(graph_filter_dates_roots_quads_modalities),
        cmocka_unit_test(graph_format_names_parse),
        cmocka_unit_test(graph_exports_clean_hostile_text),
        cmocka_unit_test(graph_exports_are_deterministic),
        cmocka_unit_test(graph_exports_empty_graph),
        cmocka_unit_test(graph_exports_counts_agree),
        cmocka_unit_test(graph_export_write_errors_are_reported),
        cmocka_unit_test(graph_projection_exports_actors_only),
        cmocka_unit_test(graph_timelinejs_date_precision),
        cmocka_unit_test(graph_stats_summarise),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
