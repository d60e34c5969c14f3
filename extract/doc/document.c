/* The events document's memory and enum names; every stage appends into it
 * through these calls, and everything lives in the document's arena. */
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "evgraph/document.h"
#include "doc_events.h"
#include "doc_layer.h"
#include "internal.h"

int evg_doc_new(evg_doc **out)
{
    return evg_doc__new_sized(out, 0);
}

int evg_doc__new_sized(evg_doc **out, size_t bytes)
{
    *out = NULL;
    evg_arena *a = evg_arena_new_sized(bytes);
    if (!a)
        return EVG_ENOMEM;
    evg_doc *d = evg_arena_alloc(a, sizeof(*d));
    if (!d) {
        evg_arena_free(a);
        return EVG_ENOMEM;
    }
    d->arena = a;
    *out = d;
    return 0;
}

void evg_doc_free(evg_doc *doc)
{
    if (doc) {
        evg_doc__layer_free(doc);
        evg_doc__pieces_free(doc);
        evg_doc__events_free(doc);
        evg_doc__sentences_free(doc);
        evg_arena_free(doc->arena);
    }
}

const char *evg_doc_strndup(evg_doc *doc, const char *s, size_t n)
{
    return evg_arena_strndup(doc->arena, s, n);
}

const char *evg_doc_strdup(evg_doc *doc, const char *s)
{
    return s ? evg_arena_strndup(doc->arena, s, strlen(s)) : NULL;
}

/* A document holds many small arrays (an event's sources and targets, its
 * arguments, an entity's aliases): most have one to three elements. The
 * first room is what one element takes in the arena (16 bytes at least:
 * two sizes), not the arena's eight elements (64 bytes for one source);
 * `first` elements when given. */
static void *push(evg_doc *doc, void *items_ptr, size_t *n, size_t *cap,
                  size_t size, size_t first)
{
    if (*cap == 0 && *n == 0 && size) {
        if (!first)
            first = size < 16 ? 16 / size : 1;
        void *p = evg_arena_alloc(doc->arena, first * size);
        if (!p)
            return NULL;
        *(void **)items_ptr = p;
        *cap = first;
    }
    return evg_arena_push(doc->arena, items_ptr, n, cap, size);
}

void *evg_doc_push(evg_doc *doc, void *items_ptr, size_t *n, size_t *cap,
                   size_t size)
{
    return push(doc, items_ptr, n, cap, size, 0);
}

int evg_doc_span(evg_doc *doc, evg_span *span, size_t start, size_t end)
{
    span->start = start;
    span->end = end;
    span->text = NULL;
    if (!doc->text || end > doc->text_len || start > end)
        return EVG_EINVAL;
    span->text = evg_doc_strndup(doc, doc->text + start, end - start);
    return span->text ? 0 : EVG_ENOMEM;
}

#define NAMES(fn, pfn, T, ...)                                             \
    static const char *const fn##_names[] = {__VA_ARGS__};                 \
    const char *fn(T v)                                                    \
    {                                                                      \
        size_t n = sizeof(fn##_names) / sizeof(fn##_names[0]);             \
        return (size_t)v < n ? fn##_names[v] : "unknown";                  \
    }                                                                      \
    int pfn(const char *s)                                                 \
    {                                                                      \
        size_t n = sizeof(fn##_names) / sizeof(fn##_names[0]);             \
        for (size_t i = 0; s && i < n; i++)                                \
            if (strcmp(s, fn##_names[i]) == 0)                             \
                return (int)i;                                             \
        return -1;                                                         \
    }

NAMES(evg_timex_type_name, evg_timex_type_parse, evg_timex_type, "DATE",
      "TIME", "DURATION", "SET")
NAMES(evg_entity_kind_name, evg_entity_kind_parse, evg_entity_kind,
      "country", "organization", "person", "government", "group",
      "location")
NAMES(evg_modality_name, evg_modality_parse, evg_modality, "asserted",
      "reported", "planned", "hypothetical", "negated")
NAMES(evg_basis_name, evg_basis_parse, evg_time_basis, "none", "timex",
      "dct", "relation")
NAMES(evg_rel_type_name, evg_rel_type_parse, evg_rel_type, "causes",
      "before", "after", "overlaps")
NAMES(evg_dct_source_name, evg_dct_source_parse, evg_dct_source, "none",
      "dateline", "option", "metadata")

/* Closed sets whose members are stored as pointers to these strings, so
 * that a document never holds a class or role the library does not know. */
static const char *find_name(const char *const *names, size_t n, const char *s)
{
    for (size_t i = 0; s && i < n; i++)
        if (strcmp(s, names[i]) == 0)
            return names[i];
    return NULL;
}

static const char *const tml_classes[] = {"OCCURRENCE", "REPORTING", "STATE",
                                          "I_ACTION",   "I_STATE",   "ASPECTUAL",
                                          "PERCEPTION"};
static const char *const arg_roles[] = {"agent",    "patient", "recipient",
                                        "location", "time",    "theme"};

const char *evg_tml_class_lookup(const char *s)
{
    return find_name(tml_classes, sizeof(tml_classes) / sizeof(*tml_classes),
                     s);
}

const char *evg_arg_role_lookup(const char *s)
{
    return find_name(arg_roles, sizeof(arg_roles) / sizeof(*arg_roles), s);
}

/* The text of entity `e`'s mention at exactly [start, end), or NULL.
 * Mentions are in text order (by start). */
static const char *mention_text(const evg_entity *e, size_t start,
                                size_t end)
{
    size_t lo = 0, hi = e->n_mentions;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (e->mentions[mid].span.start < start)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < e->n_mentions && e->mentions[lo].span.start == start; lo++)
        if (e->mentions[lo].span.end == end && e->mentions[lo].span.text)
            return e->mentions[lo].span.text;
    return NULL;
}

int evg_event_add_arg(evg_doc *doc, evg_event *ev, const char *role,
                      size_t entity, size_t start, size_t end)
{
    const char *r = evg_arg_role_lookup(role);
    if (!r || (entity != EVG_NONE && entity >= doc->n_entities))
        return EVG_EINVAL;
    evg_span sp;
    /* an actor's argument is mostly one of its mentions: share the
     * mention's copy of the bytes (a document of 10,000-word sentences
     * has a hundred thousand arguments in 1 MB) */
    const char *shared =
        entity != EVG_NONE && doc->text && end <= doc->text_len &&
                start <= end
            ? mention_text(&doc->entities[entity], start, end)
            : NULL;
    if (shared) {
        sp.start = start;
        sp.end = end;
        sp.text = shared;
    } else {
        int rc = evg_doc_span(doc, &sp, start, end);
        if (rc)
            return rc;
    }
    /* most events have two arguments: room for two at once; while the
     * document is extracted, the room is taken from and given back to
     * that of events already packed (doc_events.h) */
    if (doc->evpack && ev->n_args == ev->cap_args &&
        ev->cap_args < SIZE_MAX / 4) {
        size_t cap = ev->cap_args ? ev->cap_args * 2 : 2;
        evg_arg *v = evg_doc__args_take(doc, cap);
        if (!v)
            return EVG_ENOMEM;
        if (ev->n_args)
            memcpy(v, ev->args, ev->n_args * sizeof(*v));
        evg_doc__args_give(doc, ev->args, ev->cap_args);
        ev->args = v;
        ev->cap_args = cap;
    }
    evg_arg *a = push(doc, &ev->args, &ev->n_args, &ev->cap_args,
                      sizeof *ev->args, 2);
    if (!a)
        return EVG_ENOMEM;
    a->role = r;
    a->entity = entity;
    a->span = sp;
    return 0;
}

int evg_doc__arg_room(evg_doc *doc, evg_event *ev, size_t n)
{
    if (ev->cap_args || !n)
        return 0;
    if (n > SIZE_MAX / sizeof(*ev->args))
        return EVG_ENOMEM;
    evg_arg *v = evg_doc__args_take(doc, n);
    if (!v)
        return EVG_ENOMEM;
    ev->args = v;
    ev->cap_args = n;
    return 0;
}

int evg_doc_drop_uncoded(evg_doc *doc, size_t *dropped)
{
    size_t n = evg_doc__event_count(doc), kept = 0;
    if (dropped)
        *dropped = 0;
    if (!n)
        return 0;
    size_t *map = malloc(n * sizeof(size_t)); /* old index -> new or NONE */
    if (!map)
        return EVG_ENOMEM;
    /* the events packed while the document is extracted (doc_events.h)
     * come first; moving a packed event to an earlier place allocates
     * nothing, so the document is unchanged on failure */
    for (size_t i = 0; i < n; i++) {
        evg_event e;
        int rc = evg_doc__event_get(doc, i, &e);
        if (rc) {
            free(map);
            return rc;
        }
        map[i] = e.cameo ? kept++ : EVG_NONE;
        if (map[i] != EVG_NONE && map[i] != i) {
            rc = evg_doc__event_move(doc, map[i], i);
            if (rc) {
                free(map);
                return rc;
            }
        }
    }
    evg_doc__events_truncate(doc, kept);
    size_t r = 0;
    for (size_t i = 0; i < doc->n_relations; i++) {
        evg_relation rel = doc->relations[i];
        if (rel.from >= n || rel.to >= n || map[rel.from] == EVG_NONE ||
            map[rel.to] == EVG_NONE)
            continue;
        rel.from = map[rel.from];
        rel.to = map[rel.to];
        doc->relations[r++] = rel;
    }
    doc->n_relations = r;
    free(map);
    if (dropped)
        *dropped = n - kept;
    return 0;
}
