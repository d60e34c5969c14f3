/* Builds the graph model from events documents: one vertex per actor (the
 * same code and name or alias across documents is one actor), one per
 * event (the same event reported by several documents is one vertex with
 * all its reports), event-event links; then filters, the actor dyads and
 * the analytics (analyse.c). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actors.h"
#include "hindex.h"
#include "internal.h"
#include "names.h"

void *evg_graph__push(evg_graph *g, void *items_ptr, size_t *n, size_t *cap,
                      size_t size)
{
    return evg_arena_push(g->arena, items_ptr, n, cap, size);
}

const char *evg_graph__strdup(evg_graph *g, const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s), i = 0;
    int clean = 1;
    while (i < n && clean) {
        int32_t cp = evg_utf8_next(s, n, &i);
        if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) ||
            cp == 0xfffe || cp == 0xffff)
            clean = 0;
    }
    if (clean)
        return evg_arena_strndup(g->arena, s, n);
    char *c = evg_text_clean(s, n);
    if (!c)
        return NULL;
    for (char *p = c; *p; p++) /* tabs and newlines too: one-line fields */
        if (*p == '\n' || *p == '\t')
            *p = ' ';
    const char *r = evg_arena_strndup(g->arena, c, strlen(c));
    free(c);
    return r;
}

void evg_graph_opts_init(evg_graph_opts *opts)
{
    memset(opts, 0, sizeof(*opts));
    opts->size = sizeof(*opts);
    opts->merge = 1;
    opts->analyse = 1;
    opts->projection = EVG_PROJ_NONE;
}

/* ---- build state ---- */

typedef struct strlist {
    const char **v;
    size_t n, cap;
} strlist;

static int strlist_push(strlist *l, const char *s)
{
    if (evg_reserve(&l->v, &l->cap, l->n + 1, sizeof(*l->v), 4))
        return EVG_ENOMEM;
    l->v[l->n++] = s;
    return 0;
}

typedef struct actor_x {
    size_t last_doc; /* +1; to count documents */
} actor_x;

typedef struct event_x {
    const char *key; /* what merges: the CAMEO code, or "~trigger" */
    strlist docs, sentences, evidence;
    size_t last_doc; /* +1 */
    int mod_rank;
    int dated;       /* the event's dates as days (same_event()'s test on */
    long dlo, dhi;   /* them, made first: a month's bucket may hold scores
                      * of events of one key on other days) */
} event_x;

typedef struct builder {
    evg_graph *g;
    evg_actor_book book; /* who the entities are (graph/actors.h) */
    evg_hindex event_keys; /* cameo + actors -> event */
    evg_hindex link_keys;
    actor_x *ax;
    size_t cap_ax;
    event_x *ex;
    size_t cap_ex;
    int merge;
} builder;

char *evg_graph_name_key(const char *name)
{
    return evg_actor_book_norm(name);
}

static const char *graph_dup(void *g, const char *s)
{
    return evg_graph__strdup(g, s);
}

/* The actor of entity `e` (the actor book's rule, graph/actors.h); the
 * graph's actor mirrors the book's name, code and country. */
static int actor_for(builder *b, const evg_entity *e, size_t doc_no,
                     size_t *out)
{
    evg_graph *g = b->g;
    size_t ai;
    unsigned changed;
    int rc = evg_actor_book_find(&b->book, e, &ai);
    if (!rc)
        rc = evg_actor_book_join(&b->book, ai, e, &ai, &changed);
    if (rc)
        return rc;
    if (changed & EVG_BOOK_NEW) {
        evg_gactor *a = EVG_GRAPH_PUSH(g, g->actors, g->n_actors, g->cap_actors);
        if (!a || evg_reserve(&b->ax, &b->cap_ax, g->n_actors,
                              sizeof(*b->ax), 64))
            return EVG_ENOMEM;
        a->kind = evg_entity_kind_name(e->kind);
        a->community = -1;
        a->component = -1;
    }
    evg_gactor *a = &g->actors[ai];
    const evg_book_actor *ba = &b->book.actors[ai];
    a->name = ba->name;
    a->code = ba->code;
    a->country = ba->country;
    a->mentions += e->n_mentions;
    actor_x *x = &b->ax[ai];
    if (x->last_doc != doc_no + 1) {
        x->last_doc = doc_no + 1;
        a->documents++;
    }
    *out = ai;
    return 0;
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

/* Maps entity indexes to sorted, distinct actor indexes in the arena. */
static size_t *map_ids(evg_graph *g, const size_t *ids, size_t n,
                       const size_t *actor_of, size_t n_ent, size_t *n_out,
                       int *rc)
{
    *n_out = 0;
    if (!n)
        return NULL;
    size_t *v = evg_arena_alloc(g->arena, n * sizeof(size_t));
    if (!v) {
        *rc = EVG_ENOMEM;
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        if (ids[i] < n_ent && actor_of[ids[i]] != EVG_NONE)
            v[(*n_out)++] = actor_of[ids[i]];
    evg_sort(v, *n_out, sizeof(size_t), cmp_size);
    size_t k = 0;
    for (size_t i = 0; i < *n_out; i++)
        if (k == 0 || v[k - 1] != v[i])
            v[k++] = v[i];
    *n_out = k;
    return v;
}

/* Days since 1970-01-01 of "YYYY-MM-DD" (proleptic Gregorian). */
static long days_of(const char *s)
{
    if (!s || strlen(s) < 10)
        return 0;
    char day[11];
    memcpy(day, s, 10);
    day[10] = '\0';
    int y, m, d;
    if (!evg_date_parse(day, &y, &m, &d))
        return 0;
    return evg_date_days(y, m, d);
}

static const char *hi_of(const evg_gevent *v) { return v->hi ? v->hi : v->lo; }

/* Same event? Same CAMEO code (or, without one, the same trigger word)
 * and actors (the hash checked those's hash), compatible polarity, dates
 * overlapping or both unknown. */
static int same_event(const evg_gevent *v, const char *vkey,
                      const evg_event *e, const char *key,
                      const size_t *src, size_t ns, const size_t *tgt,
                      size_t nt, const char *lo, const char *hi)
{
    if (strcmp(vkey, key) != 0 || v->n_sources != ns || v->n_targets != nt)
        return 0;
    if (ns && memcmp(v->sources, src, ns * sizeof(size_t)) != 0)
        return 0;
    if (nt && memcmp(v->targets, tgt, nt * sizeof(size_t)) != 0)
        return 0;
    if ((strcmp(v->modality, "negated") == 0) !=
        (e->modality == EVG_MOD_NEGATED))
        return 0;
    if (!v->lo && !lo)
        return 1;
    if (!v->lo || !lo)
        return 0;
    return strcmp(v->lo, hi) <= 0 && strcmp(lo, hi_of(v)) <= 0;
}

static int mod_rank(evg_modality m)
{
    switch (m) {
    case EVG_MOD_ASSERTED: return 0;
    case EVG_MOD_REPORTED: return 1;
    case EVG_MOD_PLANNED: return 2;
    case EVG_MOD_HYPOTHETICAL: return 3;
    default: return 4;
    }
}

/* Events are indexed by code, actors and each calendar month they cover,
 * so that a story told thousands of times (the same two actors meeting
 * every week for years) does not make the lookup quadratic. Spans longer
 * than LONG_SPAN months go into one shared bucket; undated events into
 * another. */
#define LONG_SPAN 36
#define MONTH_UNDATED (-1L)
#define MONTH_LONG (-2L)

static uint64_t event_hash(const char *cameo, const size_t *src, size_t ns,
                           const size_t *tgt, size_t nt, long month)
{
    uint64_t h = evg_fnv(EVG_FNV0, cameo, strlen(cameo) + 1);
    h = evg_fnv(h, &ns, sizeof(ns));
    if (ns)
        h = evg_fnv(h, src, ns * sizeof(size_t));
    if (nt)
        h = evg_fnv(h, tgt, nt * sizeof(size_t));
    return evg_fnv(h, &month, sizeof(month));
}

static long month_of(const char *ymd)
{
    return strtol(ymd, NULL, 10) * 12 + strtol(ymd + 5, NULL, 10) - 1;
}

/* "s3" for sentence index 2; "" when the event names no sentence. */
static char *sentence_id(char *buf, size_t n, size_t i, size_t n_sentences)
{
    if (i < n_sentences)
        snprintf(buf, n, "s%zu", i + 1);
    else
        buf[0] = '\0';
    return buf;
}

/* The merge key of an event: its CAMEO code, or for an event without
 * one "~" and its trigger in lower case, so that a sale and a loss on the
 * same day between the same firms stay two events. In the arena. */
static const char *event_key(evg_graph *g, const evg_event *e)
{
    if (e->cameo)
        return evg_arena_strndup(g->arena, e->cameo, strlen(e->cameo));
    const char *t = e->trigger.text ? e->trigger.text : "";
    size_t n = strlen(t);
    char *k = evg_arena_alloc(g->arena, n + 2);
    if (!k)
        return NULL;
    k[0] = '~';
    for (size_t i = 0; i < n; i++)
        k[i + 1] = (char)(t[i] >= 'A' && t[i] <= 'Z' ? t[i] + 32 : t[i]);
    k[n + 1] = '\0';
    return k;
}

/* Entity indexes of the arguments of `e` in roles `r1` or `r2`, into a
 * malloc'd array (NULL and *n 0 when there are none). */
static size_t *arg_entities(const evg_event *e, const char *r1,
                            const char *r2, size_t *n, int *rc)
{
    *n = 0;
    size_t *v = e->n_args ? malloc(e->n_args * sizeof(size_t)) : NULL;
    if (e->n_args && !v) {
        *rc = EVG_ENOMEM;
        return NULL;
    }
    for (size_t i = 0; i < e->n_args; i++) {
        const evg_arg *a = &e->args[i];
        if (a->entity != EVG_NONE && a->role &&
            (strcmp(a->role, r1) == 0 || (r2 && strcmp(a->role, r2) == 0)))
            v[(*n)++] = a->entity;
    }
    return v;
}

/* A label for an event without a CAMEO label: the words of its sentence
 * from its first to its last core participant, trigger included ("Acme
 * sold its plant to Zeta"), when that is short; else the trigger and
 * those participants joined. */
#define LABEL_MAX 80
static const char *uncoded_summary(evg_graph *g, const evg_doc *doc,
                                   const evg_event *e)
{
    static const char *const core[] = {"agent", "patient", "theme",
                                       "recipient"};
    const char *trig = e->trigger.text ? e->trigger.text : "";
    size_t lo = e->trigger.start, hi = e->trigger.end;
    int have = *trig != '\0';
    for (size_t i = 0; i < e->n_args; i++) {
        const evg_arg *a = &e->args[i];
        int is_core = 0;
        for (size_t k = 0; k < sizeof(core) / sizeof(*core); k++)
            is_core |= a->role && strcmp(a->role, core[k]) == 0;
        if (!is_core || a->span.end <= a->span.start)
            continue;
        if (!have || a->span.start < lo)
            lo = a->span.start;
        if (!have || a->span.end > hi)
            hi = a->span.end;
        have = 1;
    }
    const evg_sentence *st =
        e->sentence < doc->n_sentences ? &doc->sentences[e->sentence] : NULL;
    if (have && st && st->text && lo >= st->start && hi > lo &&
        hi - st->start <= strlen(st->text) && hi - lo <= LABEL_MAX) {
        const char *r = evg_arena_strndup(g->arena, st->text + (lo - st->start),
                                          hi - lo);
        return r ? evg_graph__strdup(g, r) : NULL;
    }
    evg_buf b;
    evg_buf_init(&b, 0);
    evg_buf_puts(&b, "");
    for (size_t k = 0; k < 4; k++) { /* agent, trigger, patient|theme, recipient */
        if (k == 1) {
            if (b.len && *trig)
                evg_buf_putc(&b, ' ');
            evg_buf_puts(&b, trig);
            continue;
        }
        for (size_t i = 0; i < e->n_args; i++) {
            const evg_arg *a = &e->args[i];
            int want = a->role && (k == 0   ? strcmp(a->role, "agent") == 0
                                   : k == 2 ? (strcmp(a->role, "patient") == 0 ||
                                               strcmp(a->role, "theme") == 0)
                                            : strcmp(a->role, "recipient") == 0);
            if (!want || !a->span.text || !*a->span.text)
                continue;
            if (b.len)
                evg_buf_puts(&b, k == 3 ? " \xe2\x86\x92 " : " "); /* → */
            evg_buf_puts(&b, a->span.text);
        }
    }
    size_t n = b.len;
    if (n > LABEL_MAX) { /* cut on a character boundary, mark the cut */
        n = LABEL_MAX;
        while (n && ((unsigned char)b.data[n] & 0xC0) == 0x80)
            n--;
        b.len = n;
        evg_buf_puts(&b, "\xe2\x80\xa6");
    }
    const char *r = b.failed ? NULL : evg_graph__strdup(g, b.data);
    evg_buf_dispose(&b);
    return r;
}

/* An event's arguments with their entities as actors. */
static const evg_garg *copy_args(evg_graph *g, const evg_event *e,
                                 const size_t *actor_of, size_t n_ent, int *rc)
{
    if (!e->n_args)
        return NULL;
    evg_garg *v = evg_arena_alloc(g->arena, e->n_args * sizeof(*v));
    if (!v) {
        *rc = EVG_ENOMEM;
        return NULL;
    }
    for (size_t i = 0; i < e->n_args; i++) {
        const evg_arg *a = &e->args[i];
        v[i].role = evg_graph__strdup(g, a->role ? a->role : "");
        v[i].actor = a->entity < n_ent ? actor_of[a->entity] : EVG_NONE;
        v[i].text = evg_graph__strdup(g, a->span.text ? a->span.text : "");
        if (!v[i].role || !v[i].text)
            *rc = EVG_ENOMEM;
    }
    return v;
}

/* Adds one report of event `e` of `doc`; merges it into an earlier vertex
 * from another document when it is the same event. */
static int add_event(builder *b, const evg_doc *doc, size_t doc_no,
                     const evg_event *e, const size_t *actor_of, size_t *out)
{
    evg_graph *g = b->g;
    int rc = 0;
    size_t ns, nt;
    size_t *src, *tgt;
    if (!e->cameo && !e->n_source && !e->n_target) {
        /* no CAMEO view of the participants: take them by role */
        size_t na, np;
        size_t *ag = arg_entities(e, "agent", NULL, &na, &rc);
        size_t *pa = arg_entities(e, "patient", "recipient", &np, &rc);
        src = map_ids(g, ag, na, actor_of, doc->n_entities, &ns, &rc);
        tgt = map_ids(g, pa, np, actor_of, doc->n_entities, &nt, &rc);
        free(ag);
        free(pa);
    } else {
        src = map_ids(g, e->source, e->n_source, actor_of, doc->n_entities,
                      &ns, &rc);
        tgt = map_ids(g, e->target, e->n_target, actor_of, doc->n_entities,
                      &nt, &rc);
    }
    if (rc)
        return rc;
    const char *cameo = event_key(g, e);
    if (!cameo)
        return EVG_ENOMEM;
    /* dates go into GEXF and TimelineJS as they are: only well-formed
     * ones count, and a span never ends before it starts */
    const char *lo = evg_date_valid(e->time.lo) ? e->time.lo : NULL;
    const char *hi = lo && evg_date_valid(e->time.hi) && strcmp(e->time.hi, lo) >= 0
                         ? e->time.hi
                         : lo;
    long m0 = lo ? month_of(lo) : MONTH_UNDATED;
    long m1 = lo ? month_of(hi) : MONTH_UNDATED;
    int long_span = m1 - m0 >= LONG_SPAN;
    long dlo = lo ? days_of(lo) : 0, dhi = lo ? days_of(hi) : 0;
    size_t vi = EVG_NONE;
    /* buckets to search: every month of the span, and the long spans */
    for (long m = m0; b->merge && m <= m1 + (lo ? 1 : 0); m++) {
        long month = m > m1 ? MONTH_LONG : m;
        uint64_t h = event_hash(cameo, src, ns, tgt, nt, month);
        for (size_t j = evg_hindex_first(&b->event_keys, h); j;
             j = b->event_keys.nodes[j - 1].next) {
            const evg_hnode *nd = &b->event_keys.nodes[j - 1];
            const event_x *x = &b->ex[nd->item];
            if (nd->h == h && nd->item < vi && x->last_doc != doc_no + 1 &&
                (lo ? x->dated && x->dlo <= dhi && dlo <= x->dhi
                    : !x->dated) &&
                same_event(&g->events[nd->item], b->ex[nd->item].key, e,
                           cameo, src, ns, tgt, nt, lo, hi))
                vi = nd->item;
        }
    }
    char sid[32];
    sentence_id(sid, sizeof(sid), e->sentence, doc->n_sentences);
    const char *evidence =
        e->sentence < doc->n_sentences && doc->sentences[e->sentence].text
            ? doc->sentences[e->sentence].text
            : "";
    const char *c_doc = evg_graph__strdup(g, doc->id ? doc->id : "");
    const char *c_sid = evg_graph__strdup(g, sid);
    const char *c_evi = evg_graph__strdup(g, evidence);
    if (!c_doc || !c_sid || !c_evi)
        return EVG_ENOMEM;
    evg_gevent *v;
    if (vi == EVG_NONE) {
        v = EVG_GRAPH_PUSH(g, g->events, g->n_events, g->cap_events);
        if (!v || evg_reserve(&b->ex, &b->cap_ex, g->n_events,
                              sizeof(*b->ex), 64))
            return EVG_ENOMEM;
        vi = g->n_events - 1;
        if (long_span)
            rc = evg_hindex_add(&b->event_keys,
                            event_hash(cameo, src, ns, tgt, nt, MONTH_LONG),
                            NULL, vi);
        for (long m = m0; !rc && !long_span && m <= m1; m++)
            rc = evg_hindex_add(&b->event_keys,
                            event_hash(cameo, src, ns, tgt, nt, m), NULL, vi);
        if (rc)
            return rc;
        b->ex[vi].key = cameo;
        v->cameo = e->cameo ? evg_graph__strdup(g, e->cameo) : NULL;
        v->label = e->cameo ? evg_graph__strdup(g, e->label ? e->label : "")
                            : NULL;
        if (e->summary)
            v->summary = evg_graph__strdup(g, e->summary);
        else if (!e->cameo)
            v->summary = uncoded_summary(g, doc, e);
        else
            v->summary = evg_graph__strdup(
                g, e->label ? e->label
                            : (e->trigger.text ? e->trigger.text : ""));
        /* no code, no CAMEO scores: whatever the document said */
        v->quad_class = e->cameo ? e->quad_class : 0;
        v->goldstein = e->cameo ? e->goldstein : 0;
        v->tml_class = evg_graph__strdup(g, e->tml_class);
        v->args = copy_args(g, e, actor_of, doc->n_entities, &rc);
        v->n_args = rc ? 0 : e->n_args;
        if (rc)
            return rc;
        v->time_value = evg_graph__strdup(g, e->time.value);
        v->lo = evg_graph__strdup(g, lo);
        v->hi = evg_graph__strdup(g, hi);
        v->basis = evg_basis_name(e->time.basis);
        v->modality = evg_modality_name(e->modality);
        v->confidence = e->confidence;
        v->trigger = evg_graph__strdup(g, e->trigger.text ? e->trigger.text : "");
        v->evidence = c_evi;
        v->doc = c_doc;
        v->doc_path = evg_graph__strdup(g, doc->path);
        v->doc_title = doc->title && doc->title[0]
                           ? evg_graph__strdup(g, doc->title)
                           : NULL;
        v->sentence = c_sid;
        v->sources = src;
        v->n_sources = ns;
        v->targets = tgt;
        v->n_targets = nt;
        v->component = -1;
        v->community = -1;
        b->ex[vi].mod_rank = mod_rank(e->modality);
        b->ex[vi].dated = lo != NULL;
        b->ex[vi].dlo = dlo;
        b->ex[vi].dhi = dhi;
        if ((e->cameo && (!v->cameo || !v->label)) || !v->summary ||
            (e->tml_class && !v->tml_class) || !v->trigger ||
            (e->time.value && !v->time_value) || (lo && (!v->lo || !v->hi)) ||
            (doc->path && !v->doc_path))
            return EVG_ENOMEM;
    } else {
        v = &g->events[vi];
        event_x *x = &b->ex[vi];
        /* keep the most precise date and the most certain modality */
        if (lo && days_of(hi) - days_of(lo) < days_of(hi_of(v)) - days_of(v->lo)) {
            v->lo = evg_graph__strdup(g, lo);
            v->hi = evg_graph__strdup(g, hi);
            x->dlo = dlo;
            x->dhi = dhi;
            v->time_value = evg_graph__strdup(g, e->time.value);
            v->basis = evg_basis_name(e->time.basis);
            if (!v->lo || !v->hi || (e->time.value && !v->time_value))
                return EVG_ENOMEM;
        }
        if (mod_rank(e->modality) < x->mod_rank) {
            x->mod_rank = mod_rank(e->modality);
            v->modality = evg_modality_name(e->modality);
        }
        if (e->confidence > v->confidence)
            v->confidence = e->confidence;
    }
    event_x *x = &b->ex[vi];
    x->last_doc = doc_no + 1;
    v->mentions += 1 + e->n_mentions;
    if (strlist_push(&x->docs, c_doc) || strlist_push(&x->sentences, c_sid) ||
        strlist_push(&x->evidence, c_evi))
        return EVG_ENOMEM;
    *out = vi;
    return 0;
}

static int add_link(builder *b, const char *type, size_t from, size_t to)
{
    evg_graph *g = b->g;
    uint64_t h = evg_fnv(evg_fnv(evg_fnv(EVG_FNV0, type, strlen(type)), &from, sizeof(from)),
                     &to, sizeof(to));
    for (size_t j = evg_hindex_first(&b->link_keys, h); j;
         j = b->link_keys.nodes[j - 1].next) {
        const evg_hnode *nd = &b->link_keys.nodes[j - 1];
        const evg_glink *l = &g->links[nd->item];
        if (nd->h == h && l->from == from && l->to == to &&
            strcmp(l->type, type) == 0)
            return 0;
    }
    evg_glink *l = EVG_GRAPH_PUSH(g, g->links, g->n_links, g->cap_links);
    if (!l)
        return EVG_ENOMEM;
    l->type = type;
    l->from = from;
    l->to = to;
    return evg_hindex_add(&b->link_keys, h, NULL, g->n_links - 1);
}

/* The sentence holding byte `at` of `doc`, or EVG_NONE. */
static size_t sentence_at(const evg_doc *doc, size_t at)
{
    size_t lo = 0, hi = doc->n_sentences;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->sentences[mid].end <= at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < doc->n_sentences && doc->sentences[lo].start <= at ? lo
                                                                    : EVG_NONE;
}

/* How many events (by trigger or a further mention) each sentence of
 * `doc` holds: a malloc'd array, NULL when the document has no sentences
 * or out of memory (*rc). */
static size_t *events_per_sentence(const evg_doc *doc, int *rc)
{
    if (!doc->n_sentences)
        return NULL;
    size_t *n = calloc(doc->n_sentences, sizeof(*n));
    if (!n) {
        *rc = EVG_ENOMEM;
        return NULL;
    }
    for (size_t i = 0; i < doc->n_events; i++) {
        const evg_event *e = &doc->events[i];
        if (e->sentence < doc->n_sentences)
            n[e->sentence]++;
        for (size_t k = 0; k < e->n_mentions; k++) {
            size_t si = sentence_at(doc, e->mentions[k].start);
            int seen = si == EVG_NONE || si == e->sentence;
            for (size_t q = 0; q < k && !seen; q++)
                seen = sentence_at(doc, e->mentions[q].start) == si;
            if (!seen)
                n[si]++;
        }
    }
    return n;
}

static int add_doc(builder *b, const evg_doc *doc, size_t doc_no)
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
    for (size_t i = 0; !rc && i < doc->n_entities; i++) {
        /* a place is where events happen, not who takes part */
        actor_of[i] = EVG_NONE;
        if (doc->entities[i].kind != EVG_KIND_LOCATION)
            rc = actor_for(b, &doc->entities[i], doc_no, &actor_of[i]);
    }
    size_t *per_sentence = events_per_sentence(doc, &rc);
    for (size_t i = 0; !rc && i < doc->n_events; i++) {
        const evg_event *e = &doc->events[i];
        rc = add_event(b, doc, doc_no, e, actor_of, &event_of[i]);
        if (!rc && per_sentence && !e->cameo && e->tml_class &&
            strcmp(e->tml_class, "REPORTING") == 0 &&
            e->sentence < doc->n_sentences && per_sentence[e->sentence] > 1)
            b->g->events[event_of[i]].tells_of_other = 1;
    }
    free(per_sentence);
    for (size_t i = 0; !rc && i < doc->n_relations; i++) {
        const evg_relation *r = &doc->relations[i];
        if (r->from >= doc->n_events || r->to >= doc->n_events ||
            event_of[r->from] == event_of[r->to])
            continue;
        rc = add_link(b, evg_rel_type_name(r->type), event_of[r->from],
                      event_of[r->to]);
    }
    b->g->summary.reports += doc->n_events;
    free(actor_of);
    free(event_of);
    return rc;
}

/* Joins a list with "; " into the arena. */
static const char *join_list(evg_graph *g, const char **v, size_t n)
{
    evg_buf b;
    evg_buf_init(&b, 0);
    evg_buf_puts(&b, "");
    for (size_t i = 0; i < n; i++) {
        if (b.len)
            evg_buf_puts(&b, "; ");
        evg_buf_puts(&b, v[i]);
    }
    const char *r = b.failed ? NULL : evg_arena_strndup(g->arena, b.data, b.len);
    evg_buf_dispose(&b);
    return r;
}

static const char **copy_list(evg_graph *g, const strlist *l)
{
    const char **v = evg_arena_alloc(g->arena, (l->n ? l->n : 1) * sizeof(*v));
    if (v && l->n)
        memcpy(v, l->v, l->n * sizeof(*v));
    return v;
}

/* Moves the build-time lists into the public structs. */
static int finish_lists(builder *b)
{
    evg_graph *g = b->g;
    for (size_t i = 0; i < g->n_actors; i++) {
        const evg_book_actor *ba = &b->book.actors[i];
        const char *s = join_list(g, ba->aliases, ba->n_aliases);
        if (!s)
            return EVG_ENOMEM;
        g->actors[i].aliases = s;
    }
    for (size_t i = 0; i < g->n_events; i++) {
        evg_gevent *v = &g->events[i];
        event_x *x = &b->ex[i];
        v->n_reports = x->docs.n;
        v->report_docs = copy_list(g, &x->docs);
        v->report_sentences = copy_list(g, &x->sentences);
        v->report_evidence = copy_list(g, &x->evidence);
        if (!v->report_docs || !v->report_sentences || !v->report_evidence)
            return EVG_ENOMEM;
    }
    return 0;
}

/* ---- filters ---- */

static int ci_equal(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        int x = (unsigned char)*a, y = (unsigned char)*b;
        if (x >= 'A' && x <= 'Z')
            x += 32;
        if (y >= 'A' && y <= 'Z')
            y += 32;
        if (x != y)
            return 0;
    }
    return *a == *b;
}

/* Is `cameo` under one of the comma-listed roots? Never for an event
 * without a code. */
static int root_listed(const char *roots, const char *cameo)
{
    if (!cameo)
        return 0;
    size_t cl = strlen(cameo);
    const char *p = roots;
    while (*p) {
        const char *e = strchr(p, ',');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        while (n && *p == ' ')
            p++, n--;
        while (n && p[n - 1] == ' ')
            n--;
        if (n && n <= cl && strncmp(cameo, p, n) == 0)
            return 1;
        if (!e)
            break;
        p = e + 1;
    }
    return 0;
}

static int event_passes(const evg_gevent *v, const evg_graph_opts *o)
{
    if ((o->from || o->to) && !v->lo)
        return 0;
    if (o->from && strcmp(hi_of(v), o->from) < 0)
        return 0;
    if (o->to && strcmp(v->lo, o->to) > 0)
        return 0;
    if (o->roots && *o->roots && !root_listed(o->roots, v->cameo))
        return 0;
    if (o->cameo_only && !v->cameo)
        return 0;
    if (o->quad_class && v->quad_class != o->quad_class)
        return 0;
    if (v->confidence < o->min_confidence)
        return 0;
    if (o->modalities) {
        int m = evg_modality_parse(v->modality);
        if (m < 0 || !(o->modalities & (1u << m)))
            return 0;
    }
    return 1;
}

static int actor_matches(const evg_gactor *a, const char *q, const char *nq)
{
    if (ci_equal(a->name, q) || (a->code && ci_equal(a->code, q)))
        return 1;
    char *n = evg_actor_book_norm(a->name);
    int hit = n && *nq && strcmp(n, nq) == 0;
    free(n);
    const char *p = a->aliases;
    while (!hit && p && *p) {
        const char *e = strstr(p, "; ");
        size_t len = e ? (size_t)(e - p) : strlen(p);
        char *one = malloc(len + 1);
        if (!one)
            return -1;
        memcpy(one, p, len);
        one[len] = '\0';
        char *n1 = evg_actor_book_norm(one);
        hit = n1 && *nq && strcmp(n1, nq) == 0;
        free(one);
        free(n1);
        p = e ? e + 2 : NULL;
    }
    return hit;
}

static int involves(const evg_gevent *v, const unsigned char *mark)
{
    for (size_t i = 0; i < v->n_sources; i++)
        if (mark[v->sources[i]])
            return 1;
    for (size_t i = 0; i < v->n_targets; i++)
        if (mark[v->targets[i]])
            return 1;
    return 0;
}

static int renumber(size_t *ids, size_t n, const size_t *map)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (map[ids[i]] != EVG_NONE)
            ids[k++] = map[ids[i]];
    return (int)(n - k);
}

/* Applies the filters of `o`, keeping the order of what stays. */
static int apply_filters(evg_graph *g, const evg_graph_opts *o, evg_error *err)
{
    int active = o->from || o->to || (o->roots && *o->roots) ||
                 o->quad_class || o->modalities || o->min_confidence > 0 ||
                 (o->entity && *o->entity) || o->cameo_only;
    if (!active)
        return 0;
    int rc = 0;
    unsigned char *keep_e = calloc(g->n_events + 1, 1);
    unsigned char *keep_a = calloc(g->n_actors + 1, 1);
    unsigned char *seed = calloc(g->n_actors + 1, 1);
    size_t *amap = malloc((g->n_actors + 1) * sizeof(size_t));
    size_t *emap = malloc((g->n_events + 1) * sizeof(size_t));
    char *nq = NULL;
    if (!keep_e || !keep_a || !seed || !amap || !emap) {
        rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < g->n_events; i++)
        keep_e[i] = (unsigned char)event_passes(&g->events[i], o);
    if (o->entity && *o->entity) {
        if (!(nq = evg_actor_book_norm(o->entity))) {
            rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
            goto done;
        }
        size_t hits = 0;
        for (size_t i = 0; i < g->n_actors; i++) {
            int m = actor_matches(&g->actors[i], o->entity, nq);
            if (m < 0) {
                rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
                goto done;
            }
            seed[i] = (unsigned char)m;
            hits += (size_t)m;
        }
        if (!hits) {
            rc = evg_error_set(err, EVG_EINVAL,
                               "--entity: no actor named '%.60s' in the graph",
                               o->entity);
            goto done;
        }
        for (size_t i = 0; i < g->n_events; i++)
            if (keep_e[i] && !involves(&g->events[i], seed))
                keep_e[i] = 0;
        for (size_t i = 0; i < g->n_actors; i++)
            keep_a[i] = seed[i];
    }
    for (size_t i = 0; i < g->n_events; i++)
        if (!keep_e[i]) {
            /* why it goes: below --min-confidence, or another option */
            if (g->events[i].confidence < o->min_confidence)
                g->summary.below_confidence++;
            else
                g->summary.filtered++;
        }
    for (size_t i = 0; i < g->n_events; i++) {
        if (!keep_e[i])
            continue;
        const evg_gevent *v = &g->events[i];
        for (size_t k = 0; k < v->n_sources; k++)
            keep_a[v->sources[k]] = 1;
        for (size_t k = 0; k < v->n_targets; k++)
            keep_a[v->targets[k]] = 1;
    }
    size_t na = 0, ne = 0, nl = 0;
    for (size_t i = 0; i < g->n_actors; i++) {
        amap[i] = keep_a[i] ? na : EVG_NONE;
        if (keep_a[i])
            g->actors[na++] = g->actors[i];
    }
    for (size_t i = 0; i < g->n_events; i++) {
        emap[i] = keep_e[i] ? ne : EVG_NONE;
        if (keep_e[i])
            g->events[ne++] = g->events[i];
    }
    for (size_t i = 0; i < ne; i++) {
        evg_gevent *v = &g->events[i];
        v->n_sources -= (size_t)renumber(v->sources, v->n_sources, amap);
        v->n_targets -= (size_t)renumber(v->targets, v->n_targets, amap);
        /* an argument whose actor went stays, without its actor */
        evg_garg *ga = (evg_garg *)(uintptr_t)v->args;
        for (size_t k = 0; k < v->n_args; k++)
            if (ga[k].actor != EVG_NONE)
                ga[k].actor = amap[ga[k].actor];
    }
    for (size_t i = 0; i < g->n_links; i++) {
        evg_glink l = g->links[i];
        if (emap[l.from] == EVG_NONE || emap[l.to] == EVG_NONE)
            continue;
        l.from = emap[l.from];
        l.to = emap[l.to];
        g->links[nl++] = l;
    }
    g->n_actors = na;
    g->n_events = ne;
    g->n_links = nl;
done:
    free(keep_e);
    free(keep_a);
    free(seed);
    free(amap);
    free(emap);
    free(nq);
    return rc;
}

/* An actor's quad class: the one most of its events have, ties to the
 * higher (more conflictual) class; 0 without events of a known class. */
static int main_quad(const size_t q[5])
{
    int best = 0;
    for (int c = 1; c <= 4; c++)
        if (q[c] && (!best || q[c] >= q[best]))
            best = c;
    return best;
}

/* Ids, event counts, date spans and event aggregates (quad class,
 * Goldstein, confidence, reports) of actors; the summary's date range. */
static int finish_fields(evg_graph *g)
{
    char id[32];
    size_t (*quads)[5] = calloc(g->n_actors ? g->n_actors : 1, sizeof(*quads));
    if (!quads)
        return EVG_ENOMEM;
    for (size_t i = 0; i < g->n_actors; i++) {
        evg_gactor *a = &g->actors[i];
        snprintf(id, sizeof(id), "a%zu", i + 1);
        if (!(a->id = evg_graph__strdup(g, id))) {
            free(quads);
            return EVG_ENOMEM;
        }
        a->events = 0;
        a->first = a->last = NULL;
        a->goldstein = a->confidence = 0;
        a->reports = 0;
    }
    evg_graph_summary *s = &g->summary;
    s->undated = 0;
    s->first = s->last = NULL;
    for (size_t i = 0; i < g->n_events; i++) {
        evg_gevent *v = &g->events[i];
        snprintf(id, sizeof(id), "v%zu", i + 1);
        if (!(v->id = evg_graph__strdup(g, id))) {
            free(quads);
            return EVG_ENOMEM;
        }
        if (!v->lo)
            s->undated++;
        else {
            if (!s->first || strcmp(v->lo, s->first) < 0)
                s->first = v->lo;
            if (!s->last || strcmp(hi_of(v), s->last) > 0)
                s->last = hi_of(v);
        }
        for (int side = 0; side < 2; side++) {
            const size_t *ids = side ? v->targets : v->sources;
            size_t n = side ? v->n_targets : v->n_sources;
            for (size_t k = 0; k < n; k++) {
                evg_gactor *a = &g->actors[ids[k]];
                /* an actor on both sides of one event counts once */
                int dup = 0;
                if (side)
                    for (size_t j = 0; j < v->n_sources && !dup; j++)
                        dup = v->sources[j] == ids[k];
                if (!dup) {
                    a->events++;
                    a->confidence += v->confidence;
                    a->reports += v->n_reports;
                    /* CAMEO's scores come from coded events only: those
                     * without a code have none (quads[][0]: coded events
                     * of no quad class) */
                    if (v->cameo) {
                        a->goldstein += v->goldstein;
                        quads[ids[k]][v->quad_class >= 1 &&
                                              v->quad_class <= 4
                                          ? v->quad_class
                                          : 0]++;
                    }
                }
                if (v->lo) {
                    if (!a->first || strcmp(v->lo, a->first) < 0)
                        a->first = v->lo;
                    if (!a->last || strcmp(hi_of(v), a->last) > 0)
                        a->last = hi_of(v);
                }
            }
        }
    }
    for (size_t i = 0; i < g->n_actors; i++) {
        evg_gactor *a = &g->actors[i];
        size_t coded = 0;
        for (int c = 0; c <= 4; c++)
            coded += quads[i][c];
        if (coded)
            a->goldstein /= (double)coded;
        if (a->events)
            a->confidence /= (double)a->events;
        a->quad_class = main_quad(quads[i]);
    }
    free(quads);
    return 0;
}

int evg_graph_build(const evg_doc *const *docs, size_t n,
                    const evg_graph_opts *opts, evg_graph **out,
                    evg_error *err)
{
    evg_graph_opts defaults;
    *out = NULL;
    int lrc = evg_names_load(err);
    if (lrc)
        return lrc;
    evg_graph_opts_init(&defaults);
    if (opts && evg_opts_adopt(&defaults, sizeof(defaults), opts,
                               "evg_graph_opts", err))
        return EVG_EINVAL;
    opts = &defaults;
    evg_arena *a = evg_arena_new();
    evg_graph *g = a ? evg_arena_alloc(a, sizeof(*g)) : NULL;
    if (!g) {
        evg_arena_free(a);
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    }
    g->arena = a;
    g->projection = opts->projection;
    g->summary.documents = n;
    g->summary.components = -1;
    g->summary.communities = -1;
    builder b;
    memset(&b, 0, sizeof(b));
    b.g = g;
    b.merge = opts->merge;
    int rc = evg_actor_book_init(&b.book, graph_dup, g, err);
    if (rc) {
        evg_graph_free(g);
        return rc;
    }
    for (size_t i = 0; !rc && i < n; i++)
        rc = add_doc(&b, docs[i], i);
    if (!rc)
        rc = finish_lists(&b);
    if (rc)
        evg_error_set(err, rc, "building the graph: %s", evg_strerror(rc));
    for (size_t i = 0; i < g->n_events && b.ex; i++) {
        free(b.ex[i].docs.v);
        free(b.ex[i].sentences.v);
        free(b.ex[i].evidence.v);
    }
    free(b.ax);
    free(b.ex);
    evg_actor_book_dispose(&b.book);
    evg_hindex_dispose(&b.event_keys);
    evg_hindex_dispose(&b.link_keys);
    if (!rc)
        rc = apply_filters(g, opts, err);
    if (!rc && (rc = finish_fields(g)))
        evg_error_set(err, rc, "building the graph: %s", evg_strerror(rc));
    if (!rc && (rc = evg_graph__dyads(g)))
        evg_error_set(err, rc, "building the graph: %s", evg_strerror(rc));
    if (!rc && opts->analyse)
        rc = evg_graph__analyse(g, err);
    if (rc) {
        evg_graph_free(g);
        return rc;
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
size_t evg_graph_dyad_count(const evg_graph *g) { return g->n_dyads; }
const evg_gdyad *evg_graph_dyad(const evg_graph *g, size_t i)
{
    return i < g->n_dyads ? &g->dyads[i] : NULL;
}
const evg_graph_summary *evg_graph_summary_get(const evg_graph *g)
{
    return &g->summary;
}
