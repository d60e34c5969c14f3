/* Builds the graph model from events documents: one vertex per actor (the
 * same code and name across documents is one actor) and one per event, with
 * source/target lists and event-event links. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void *evg_graph__push(evg_graph *g, void *items_ptr, size_t *n, size_t *cap,
                      size_t size)
{
    void **items = items_ptr;
    if (*n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 16;
        void *p = evg_arena_alloc(g->arena, ncap * size);
        if (!p)
            return NULL;
        if (*n)
            memcpy(p, *items, *n * size);
        *items = p;
        *cap = ncap;
    }
    char *slot = (char *)*items + *n * size;
    memset(slot, 0, size);
    (*n)++;
    return slot;
}

const char *evg_graph__strdup(evg_graph *g, const char *s)
{
    return s ? evg_arena_strndup(g->arena, s, strlen(s)) : NULL;
}

void evg_graph_opts_init(evg_graph_opts *opts)
{
    memset(opts, 0, sizeof(*opts));
    opts->merge = 1;
    opts->analyse = 1;
}

static int same(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* Index of the actor for entity `e`, adding it if new. */
static size_t actor_for(evg_graph *g, const evg_entity *e, int *rc)
{
    for (size_t i = 0; i < g->n_actors; i++) {
        evg_gactor *a = &g->actors[i];
        if (same(a->code, e->code) && same(a->name, e->name)) {
            a->mentions += e->n_mentions;
            return i;
        }
    }
    evg_gactor *a = EVG_GRAPH_PUSH(g, g->actors, g->n_actors, g->cap_actors);
    char id[32];
    if (!a) {
        *rc = EVG_ENOMEM;
        return 0;
    }
    snprintf(id, sizeof(id), "a%zu", g->n_actors);
    a->id = evg_graph__strdup(g, id);
    a->name = evg_graph__strdup(g, e->name ? e->name : "?");
    a->kind = evg_entity_kind_name(e->kind);
    a->code = evg_graph__strdup(g, e->code);
    a->country = evg_graph__strdup(g, e->country);
    a->mentions = e->n_mentions;
    a->community = -1;
    a->component = -1;
    if (!a->id || !a->name)
        *rc = EVG_ENOMEM;
    return g->n_actors - 1;
}

static size_t *map_ids(evg_graph *g, const size_t *ids, size_t n,
                       const size_t *actor_of, size_t n_ent, size_t *n_out)
{
    *n_out = 0;
    if (!n)
        return NULL;
    size_t *v = evg_arena_alloc(g->arena, n * sizeof(size_t));
    if (!v)
        return NULL;
    for (size_t i = 0; i < n; i++)
        if (ids[i] < n_ent)
            v[(*n_out)++] = actor_of[ids[i]];
    return v;
}

static int add_doc(evg_graph *g, const evg_doc *doc)
{
    int rc = 0;
    size_t *actor_of = NULL, *event_of = NULL;
    if (doc->n_entities &&
        !(actor_of = malloc(doc->n_entities * sizeof(size_t))))
        return EVG_ENOMEM;
    if (doc->n_events && !(event_of = malloc(doc->n_events * sizeof(size_t)))) {
        free(actor_of);
        return EVG_ENOMEM;
    }
    for (size_t i = 0; !rc && i < doc->n_entities; i++)
        actor_of[i] = actor_for(g, &doc->entities[i], &rc);
    for (size_t i = 0; !rc && i < doc->n_events; i++) {
        const evg_event *e = &doc->events[i];
        evg_gevent *v = EVG_GRAPH_PUSH(g, g->events, g->n_events, g->cap_events);
        if (!v) {
            rc = EVG_ENOMEM;
            break;
        }
        char id[32];
        snprintf(id, sizeof(id), "v%zu", g->n_events);
        event_of[i] = g->n_events - 1;
        v->id = evg_graph__strdup(g, id);
        v->cameo = evg_graph__strdup(g, e->cameo ? e->cameo : "");
        v->label = evg_graph__strdup(g, e->label ? e->label : "");
        v->summary = evg_graph__strdup(
            g, e->summary ? e->summary
                          : (e->label ? e->label
                                      : (e->trigger.text ? e->trigger.text : "")));
        v->quad_class = e->quad_class;
        v->goldstein = e->goldstein;
        v->time_value = evg_graph__strdup(g, e->time.value);
        v->lo = evg_graph__strdup(g, e->time.lo);
        v->hi = evg_graph__strdup(g, e->time.hi);
        v->basis = evg_basis_name(e->time.basis);
        v->modality = evg_modality_name(e->modality);
        v->confidence = e->confidence;
        v->trigger = evg_graph__strdup(g, e->trigger.text ? e->trigger.text : "");
        v->evidence = evg_graph__strdup(
            g, e->sentence < doc->n_sentences && doc->sentences[e->sentence].text
                   ? doc->sentences[e->sentence].text
                   : "");
        v->doc = evg_graph__strdup(g, doc->id ? doc->id : "");
        v->doc_path = evg_graph__strdup(g, doc->path);
        v->mentions = 1 + e->n_mentions;
        v->sources = map_ids(g, e->source, e->n_source, actor_of,
                             doc->n_entities, &v->n_sources);
        v->targets = map_ids(g, e->target, e->n_target, actor_of,
                             doc->n_entities, &v->n_targets);
        if (!v->id || !v->cameo || !v->summary || !v->evidence || !v->doc ||
            (e->n_source && !v->sources) || (e->n_target && !v->targets))
            rc = EVG_ENOMEM;
    }
    for (size_t i = 0; !rc && i < doc->n_relations; i++) {
        const evg_relation *r = &doc->relations[i];
        if (r->from >= doc->n_events || r->to >= doc->n_events)
            continue;
        evg_glink *l = EVG_GRAPH_PUSH(g, g->links, g->n_links, g->cap_links);
        if (!l) {
            rc = EVG_ENOMEM;
            break;
        }
        l->type = evg_rel_type_name(r->type);
        l->from = event_of[r->from];
        l->to = event_of[r->to];
    }
    free(actor_of);
    free(event_of);
    return rc;
}

int evg_graph_build(const evg_doc *const *docs, size_t n,
                    const evg_graph_opts *opts, evg_graph **out,
                    evg_error *err)
{
    (void)opts;
    *out = NULL;
    evg_arena *a = evg_arena_new();
    evg_graph *g = a ? evg_arena_alloc(a, sizeof(*g)) : NULL;
    if (!g) {
        evg_arena_free(a);
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    }
    g->arena = a;
    for (size_t i = 0; i < n; i++) {
        int rc = add_doc(g, docs[i]);
        if (rc) {
            evg_graph_free(g);
            return evg_error_set(err, rc, "building the graph: %s",
                                 evg_strerror(rc));
        }
    }
    *out = g;
    return 0;
}

void evg_graph_free(evg_graph *g)
{
    if (g)
        evg_arena_free(g->arena);
}

size_t evg_graph_actor_count(const evg_graph *g) { return g->n_actors; }
const evg_gactor *evg_graph_actor(const evg_graph *g, size_t i)
{
    return i < g->n_actors ? &g->actors[i] : NULL;
}
size_t evg_graph_event_count(const evg_graph *g) { return g->n_events; }
const evg_gevent *evg_graph_event(const evg_graph *g, size_t i)
{
    return i < g->n_events ? &g->events[i] : NULL;
}
size_t evg_graph_link_count(const evg_graph *g) { return g->n_links; }
const evg_glink *evg_graph_link(const evg_graph *g, size_t i)
{
    return i < g->n_links ? &g->links[i] : NULL;
}
