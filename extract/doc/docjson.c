/* The events document as JSON (schema evgraph-events/2; version 1 still
 * reads): serialized into memory (the writer itself, streamed, is
 * docwrite.c) and read back for `graph` and `render` with cJSON; every
 * text was validated as UTF-8. */
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "core.h"
#include "evgraph/document.h"
#include "evgraph/io.h"
#include "internal.h"

int evg_doc_to_json(const evg_doc *doc, int pretty, char **out,
                    evg_error *err)
{
    *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(out, &len);
    if (!f)
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    int rc = evg_doc_write_json(doc, pretty, f, err);
    if (fclose(f) != 0 && !rc)
        rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
    if (rc) {
        free(*out);
        *out = NULL;
    }
    return rc;
}

/* ---- reading ---- */

/* Ids are names, not positions: each list's "id" strings map to the items'
 * indexes, and references are looked up by name, so documents edited,
 * filtered or merged by other tools read back. An item without an id gets
 * the one `extract` would give it ("e3" for the third entity). Output
 * always numbers the ids afresh. */
typedef struct idmap {
    const char *list;    /* "entities", for messages */
    const char *kind;    /* "entity" */
    char prefix;         /* 'e': default ids */
    const char **keys;   /* open addressing, `cap` slots (a power of 2) */
    size_t *vals;
    size_t cap;
} idmap;

enum { MAP_SENTENCES, MAP_TIMEXES, MAP_ENTITIES, MAP_EVENTS, N_MAPS };

typedef struct reader {
    evg_doc *doc;
    evg_error *err;
    int version;       /* schema version: 1 or 2 */
    const char *where; /* key path for messages */
    idmap maps[N_MAPS];
} reader;

static uint64_t id_hash(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

/* The slot of `key` in `m`: its own, or the empty one where it would go. */
static size_t id_slot(const idmap *m, const char *key)
{
    size_t i = (size_t)id_hash(key) & (m->cap - 1);
    while (m->keys[i] && strcmp(m->keys[i], key) != 0)
        i = (i + 1) & (m->cap - 1);
    return i;
}

static void idmap_dispose(idmap *m)
{
    free(m->keys);
    free(m->vals);
    m->keys = NULL;
    m->vals = NULL;
    m->cap = 0;
}

static int bad(reader *r, const char *what);

/* Reads the ids of the items of `arr` into `m` before any reference to
 * them is resolved (an entity's mention may name a later entity). */
static int idmap_build(reader *r, idmap *m, const cJSON *arr)
{
    size_t n = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, arr)
        n++;
    m->cap = 16;
    while (m->cap < 2 * n)
        m->cap *= 2;
    m->keys = calloc(m->cap, sizeof(*m->keys));
    m->vals = malloc(m->cap * sizeof(*m->vals));
    if (!m->keys || !m->vals)
        return EVG_ENOMEM;
    size_t i = 0;
    cJSON_ArrayForEach(it, arr)
    {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(it, "id");
        const char *key;
        if (!v || cJSON_IsNull(v)) {
            char def[32];
            snprintf(def, sizeof(def), "%c%zu", m->prefix, i + 1);
            key = evg_doc_strdup(r->doc, def);
            if (!key)
                return EVG_ENOMEM;
        } else if (!cJSON_IsString(v) || !v->valuestring[0]) {
            char msg[96];
            snprintf(msg, sizeof(msg), "item %zu: 'id' must be a non-empty "
                                       "string", i + 1);
            return bad(r, msg);
        } else
            key = v->valuestring;
        size_t slot = id_slot(m, key);
        if (m->keys[slot]) {
            char msg[160];
            snprintf(msg, sizeof(msg), "%s id '%.60s' is given twice (items "
                                       "%zu and %zu)",
                     m->kind, key, m->vals[slot] + 1, i + 1);
            return bad(r, msg);
        }
        m->keys[slot] = key;
        m->vals[slot] = i++;
    }
    return 0;
}

static int bad(reader *r, const char *what)
{
    return evg_error_set(r->err, EVG_EPARSE, "events document: %s: %s",
                         r->where, what);
}

static const char *get_str(reader *r, const cJSON *o, const char *key,
                           int required, int *rc)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!v || cJSON_IsNull(v)) {
        if (required && !*rc) {
            char m[96];
            snprintf(m, sizeof(m), "missing '%s'", key);
            *rc = bad(r, m);
        }
        return NULL;
    }
    if (!cJSON_IsString(v)) {
        if (!*rc) {
            char m[96];
            snprintf(m, sizeof(m), "'%s' must be a string", key);
            *rc = bad(r, m);
        }
        return NULL;
    }
    if (!evg_utf8_valid(v->valuestring, strlen(v->valuestring), NULL)) {
        if (!*rc)
            *rc = bad(r, "text is not valid UTF-8");
        return NULL;
    }
    const char *s = evg_doc_strdup(r->doc, v->valuestring);
    if (!s && !*rc)
        *rc = EVG_ENOMEM;
    return s;
}

static double get_num(reader *r, const cJSON *o, const char *key, double def,
                      int *rc)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!v || cJSON_IsNull(v))
        return def;
    if (!cJSON_IsNumber(v)) {
        if (!*rc) {
            char m[96];
            snprintf(m, sizeof(m), "'%s' must be a number", key);
            *rc = bad(r, m);
        }
        return def;
    }
    if (!isfinite(v->valuedouble)) { /* 1e999 reads as infinity */
        if (!*rc) {
            char m[96];
            snprintf(m, sizeof(m), "'%s' is out of range", key);
            *rc = bad(r, m);
        }
        return def;
    }
    return v->valuedouble;
}

/* A whole number from `lo` to `hi` (checked before any conversion: casting
 * an out-of-range double to int is undefined). */
static int get_int(reader *r, const cJSON *o, const char *key, int lo, int hi,
                   int def, int *rc)
{
    double v = get_num(r, o, key, def, rc);
    if (!(v >= lo && v <= hi) || v != (double)(int)v) {
        if (!*rc) {
            char m[96];
            snprintf(m, sizeof(m), "'%s' must be a whole number from %d to %d",
                     key, lo, hi);
            *rc = bad(r, m);
        }
        return def;
    }
    return (int)v;
}

static size_t get_offset(reader *r, const cJSON *o, const char *key, int *rc)
{
    double v = get_num(r, o, key, 0, rc);
    if (v < 0 || v > 1e15) {
        if (!*rc)
            *rc = bad(r, "offset out of range");
        return 0;
    }
    return (size_t)v;
}

/* The index of the item a reference names; EVG_NONE for null. */
static size_t get_ref(reader *r, const cJSON *v, int map, int *rc)
{
    if (!v || cJSON_IsNull(v))
        return EVG_NONE;
    const idmap *m = &r->maps[map];
    const char *s = cJSON_IsString(v) ? v->valuestring : NULL;
    size_t slot = s && m->cap ? id_slot(m, s) : 0;
    if (!s || !m->cap || !m->keys[slot]) {
        if (!*rc) {
            char msg[160];
            if (s)
                snprintf(msg, sizeof(msg), "reference '%.60s' names no %s "
                                           "(no such id in '%s')",
                         s, m->kind, m->list);
            else
                snprintf(msg, sizeof(msg), "a reference to a %s must be an "
                                           "id string", m->kind);
            *rc = bad(r, msg);
        }
        return EVG_NONE;
    }
    return m->vals[slot];
}

static const cJSON *get_array(reader *r, const cJSON *o, const char *key,
                              int *rc)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!v || cJSON_IsNull(v))
        return NULL;
    if (!cJSON_IsArray(v)) {
        if (!*rc) {
            char m[96];
            snprintf(m, sizeof(m), "'%s' must be an array", key);
            *rc = bad(r, m);
        }
        return NULL;
    }
    return v;
}

static void read_span(reader *r, const cJSON *o, evg_span *s, int *rc)
{
    s->text = get_str(r, o, "text", 0, rc);
    s->start = get_offset(r, o, "start", rc);
    s->end = get_offset(r, o, "end", rc);
    if (!s->text && !*rc)
        s->text = "";
}

static int read_enum(reader *r, const cJSON *o, const char *key,
                     int (*parse)(const char *), int def, int *rc)
{
    const char *s = get_str(r, o, key, 0, rc);
    if (!s)
        return def;
    int v = parse(s);
    if (v < 0 && !*rc) {
        char m[128];
        snprintf(m, sizeof(m), "unknown %s '%.40s'", key, s);
        *rc = bad(r, m);
    }
    return v < 0 ? def : v;
}

static void read_doc_meta(reader *r, const cJSON *root, int *rc)
{
    evg_doc *doc = r->doc;
    const cJSON *d = cJSON_GetObjectItemCaseSensitive(root, "document");
    r->where = "document";
    if (!cJSON_IsObject(d)) {
        *rc = bad(r, "missing");
        return;
    }
    doc->id = get_str(r, d, "id", 1, rc);
    doc->path = get_str(r, d, "path", 0, rc);
    doc->place = get_str(r, d, "place", 0, rc);
    doc->source = get_str(r, d, "source", 0, rc);
    doc->title = get_str(r, d, "title", 0, rc);
    doc->url = get_str(r, d, "url", 0, rc);
    const char *dct = get_str(r, d, "dct", 0, rc);
    if (dct) {
        if (strlen(dct) != 10 && !*rc)
            *rc = bad(r, "'dct' must be YYYY-MM-DD");
        else
            memcpy(doc->dct, dct, 11);
    }
    doc->dct_source = (evg_dct_source)read_enum(r, d, "dct_source",
                                                evg_dct_source_parse, 0, rc);
    const cJSON *w = get_array(r, d, "warnings", rc), *it;
    cJSON_ArrayForEach(it, w)
    {
        const char **slot = EVG_DOC_PUSH(doc, doc->warnings, doc->n_warnings,
                                         doc->cap_warnings);
        if (!slot || !cJSON_IsString(it)) {
            if (!*rc)
                *rc = slot ? bad(r, "warnings must be strings") : EVG_ENOMEM;
            return;
        }
        *slot = evg_doc_strdup(doc, it->valuestring);
    }
}

/* Reads the "mentions" array of `o` into a span array. */
static void read_mentions(reader *r, const cJSON *o, evg_span **spans,
                          size_t *n, size_t *cap, int *rc)
{
    const cJSON *ms = get_array(r, o, "mentions", rc), *m;
    cJSON_ArrayForEach(m, ms)
    {
        if (*rc)
            return;
        evg_span *s = evg_doc_push(r->doc, spans, n, cap, sizeof(*s));
        if (!s) {
            *rc = EVG_ENOMEM;
            return;
        }
        read_span(r, m, s, rc);
    }
}

/* Reads an entity's "mentions": spans with an optional own "code" and the
 * other entity ("with") of a mention shared by two, which may be a later
 * entity: every entity id is known before the first is read. */
static void read_entity_mentions(reader *r, const cJSON *o, evg_entity *e,
                                 size_t self, int *rc)
{
    const cJSON *ms = get_array(r, o, "mentions", rc), *m;
    cJSON_ArrayForEach(m, ms)
    {
        if (*rc)
            return;
        evg_mention *mn = EVG_DOC_PUSH(r->doc, e->mentions, e->n_mentions,
                                       e->cap_mentions);
        if (!mn) {
            *rc = EVG_ENOMEM;
            return;
        }
        read_span(r, m, &mn->span, rc);
        mn->code = get_str(r, m, "code", 0, rc);
        mn->with = get_ref(r, cJSON_GetObjectItemCaseSensitive(m, "with"),
                           MAP_ENTITIES, rc);
        if (!*rc && mn->with == self)
            *rc = bad(r, "a mention cannot be shared with its own entity");
    }
}

/* A sentence's token layer, when it has one. */
static void read_tokens(reader *r, const cJSON *sent, size_t k, int *rc)
{
    evg_doc *doc = r->doc;
    const cJSON *arr = get_array(r, sent, "tokens", rc), *it;
    size_t first = doc->n_tokens;
    cJSON_ArrayForEach(it, arr)
    {
        if (*rc)
            return;
        evg_doc_token *t = EVG_DOC_PUSH(doc, doc->tokens, doc->n_tokens,
                                        doc->cap_tokens);
        if (!t) {
            *rc = EVG_ENOMEM;
            return;
        }
        t->sentence = k;
        t->start = get_offset(r, it, "start", rc);
        t->end = get_offset(r, it, "end", rc);
        t->form = get_str(r, it, "form", 1, rc);
        t->lemma = get_str(r, it, "lemma", 0, rc);
        t->upos = get_str(r, it, "upos", 0, rc);
        t->xpos = get_str(r, it, "xpos", 0, rc);
        t->deprel = get_str(r, it, "deprel", 0, rc);
        t->head = get_offset(r, it, "head", rc);
    }
    /* heads are word numbers of the same sentence */
    for (size_t i = first; !*rc && i < doc->n_tokens; i++)
        if (doc->tokens[i].head > doc->n_tokens - first)
            *rc = bad(r, "token head out of range");
}

static void read_sentences(reader *r, const cJSON *root, int *rc)
{
    evg_doc *doc = r->doc;
    r->where = "sentences";
    const cJSON *arr = get_array(r, root, "sentences", rc), *it;
    cJSON_ArrayForEach(it, arr)
    {
        if (*rc)
            return;
        evg_sentence *s = EVG_DOC_PUSH(doc, doc->sentences, doc->n_sentences,
                                       doc->cap_sentences);
        if (!s) {
            *rc = EVG_ENOMEM;
            return;
        }
        s->start = get_offset(r, it, "start", rc);
        s->end = get_offset(r, it, "end", rc);
        s->text = get_str(r, it, "text", 0, rc);
        s->boilerplate =
            cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(it, "boilerplate"));
        read_tokens(r, it, doc->n_sentences - 1, rc);
    }
}

static void read_timexes(reader *r, const cJSON *root, int *rc)
{
    evg_doc *doc = r->doc;
    r->where = "timexes";
    const cJSON *arr = get_array(r, root, "timexes", rc), *it;
    cJSON_ArrayForEach(it, arr)
    {
        if (*rc)
            return;
        evg_timex *t = EVG_DOC_PUSH(doc, doc->timexes, doc->n_timexes,
                                    doc->cap_timexes);
        if (!t) {
            *rc = EVG_ENOMEM;
            return;
        }
        read_span(r, it, &t->span, rc);
        t->type = (evg_timex_type)read_enum(r, it, "type",
                                            evg_timex_type_parse, 0, rc);
        t->value = get_str(r, it, "value", 0, rc);
        t->mod = get_str(r, it, "mod", 0, rc);
        const cJSON *b = cJSON_GetObjectItemCaseSensitive(it, "bounds");
        if (cJSON_IsObject(b)) {
            t->lo = get_str(r, b, "start", 0, rc);
            t->hi = get_str(r, b, "end", 0, rc);
        }
        t->sentence = get_ref(r, cJSON_GetObjectItemCaseSensitive(it, "sentence"),
                              MAP_SENTENCES, rc);
    }
}

static void read_entities(reader *r, const cJSON *root, int *rc)
{
    evg_doc *doc = r->doc;
    r->where = "entities";
    const cJSON *arr = get_array(r, root, "entities", rc), *it, *m;
    cJSON_ArrayForEach(it, arr)
    {
        if (*rc)
            return;
        evg_entity *e = EVG_DOC_PUSH(doc, doc->entities, doc->n_entities,
                                     doc->cap_entities);
        if (!e) {
            *rc = EVG_ENOMEM;
            return;
        }
        e->name = get_str(r, it, "name", 1, rc);
        e->kind = (evg_entity_kind)read_enum(r, it, "kind",
                                             evg_entity_kind_parse, 0, rc);
        e->code = get_str(r, it, "code", 0, rc);
        e->country = get_str(r, it, "country", 0, rc);
        const cJSON *dk = cJSON_GetObjectItemCaseSensitive(it, "dictionary");
        if (dk && !cJSON_IsBool(dk) && !*rc)
            *rc = bad(r, "dictionary must be true or false");
        e->dictionary = cJSON_IsTrue(dk) && e->kind == EVG_KIND_PERSON;
        const cJSON *al = get_array(r, it, "aliases", rc);
        cJSON_ArrayForEach(m, al)
        {
            const char **slot =
                EVG_DOC_PUSH(doc, e->aliases, e->n_aliases, e->cap_aliases);
            if (!slot || !cJSON_IsString(m)) {
                if (!*rc)
                    *rc = slot ? bad(r, "aliases must be strings") : EVG_ENOMEM;
                return;
            }
            *slot = evg_doc_strdup(doc, m->valuestring);
        }
        read_entity_mentions(r, it, e, doc->n_entities - 1, rc);
    }
}

static void read_refs(reader *r, const cJSON *o, const char *key,
                      size_t **ids, size_t *n, size_t *cap, int *rc)
{
    const cJSON *arr = get_array(r, o, key, rc), *it;
    cJSON_ArrayForEach(it, arr)
    {
        size_t ref = get_ref(r, it, MAP_ENTITIES, rc);
        if (*rc)
            return;
        size_t *slot = evg_doc_push(r->doc, ids, n, cap, sizeof(size_t));
        if (!slot) {
            *rc = EVG_ENOMEM;
            return;
        }
        *slot = ref;
    }
}

/* An event's "args" (version 2): each with a known role, an optional
 * entity reference and its span. */
static void read_args(reader *r, const cJSON *o, evg_event *e, int *rc)
{
    const cJSON *arr = get_array(r, o, "args", rc), *it;
    cJSON_ArrayForEach(it, arr)
    {
        if (*rc)
            return;
        if (!cJSON_IsObject(it)) {
            *rc = bad(r, "args must be objects");
            return;
        }
        evg_arg *a = EVG_DOC_PUSH(r->doc, e->args, e->n_args, e->cap_args);
        if (!a) {
            *rc = EVG_ENOMEM;
            return;
        }
        const char *role = get_str(r, it, "role", 1, rc);
        a->role = evg_arg_role_lookup(role);
        if (role && !a->role && !*rc) {
            char m[160];
            snprintf(m, sizeof(m), "unknown argument role '%.40s' (agent, "
                                   "patient, recipient, location, time, theme)",
                     role);
            *rc = bad(r, m);
        }
        a->entity = get_ref(r, cJSON_GetObjectItemCaseSensitive(it, "entity"),
                            MAP_ENTITIES, rc);
        read_span(r, it, &a->span, rc);
    }
}

/* CAMEO fields. Version 1: every event has a code. Version 2: "cameo":
 * null is an event CAMEO has no code for, and then it has no label, quad
 * class or Goldstein value either (0 in memory). */
static void read_cameo(reader *r, const cJSON *it, evg_event *e, int *rc)
{
    e->cameo = get_str(r, it, "cameo", r->version < 2, rc);
    e->label = get_str(r, it, "label", 0, rc);
    e->quad_class = get_int(r, it, "quad_class", 0, 4, 0, rc);
    e->goldstein = get_num(r, it, "goldstein", 0, rc);
    if (!e->cameo && !*rc && (e->label || e->quad_class || e->goldstein != 0))
        *rc = bad(r, "an event with \"cameo\": null has no CAMEO 'label', "
                     "'quad_class' or 'goldstein' (null)");
    const char *cls = get_str(r, it, "class", 0, rc);
    e->tml_class = evg_tml_class_lookup(cls);
    if (cls && !e->tml_class && !*rc) {
        char m[200];
        snprintf(m, sizeof(m), "unknown TimeML class '%.40s' (OCCURRENCE, "
                               "REPORTING, STATE, I_ACTION, I_STATE, "
                               "ASPECTUAL, PERCEPTION)",
                 cls);
        *rc = bad(r, m);
    }
}

static void read_events(reader *r, const cJSON *root, int *rc)
{
    evg_doc *doc = r->doc;
    r->where = "events";
    const cJSON *arr = get_array(r, root, "events", rc), *it;
    cJSON_ArrayForEach(it, arr)
    {
        if (*rc)
            return;
        evg_event *e = EVG_DOC_PUSH(doc, doc->events, doc->n_events,
                                    doc->cap_events);
        if (!e) {
            *rc = EVG_ENOMEM;
            return;
        }
        read_cameo(r, it, e, rc);
        e->summary = get_str(r, it, "summary", 0, rc);
        e->confidence = get_num(r, it, "confidence", 0, rc);
        const cJSON *tr = cJSON_GetObjectItemCaseSensitive(it, "trigger");
        if (cJSON_IsObject(tr))
            read_span(r, tr, &e->trigger, rc);
        else
            e->trigger.text = "";
        read_refs(r, it, "source", &e->source, &e->n_source, &e->cap_source, rc);
        read_refs(r, it, "target", &e->target, &e->n_target, &e->cap_target, rc);
        read_args(r, it, e, rc);
        const cJSON *tm = cJSON_GetObjectItemCaseSensitive(it, "time");
        e->time.timex = EVG_NONE;
        if (cJSON_IsObject(tm)) {
            e->time.value = get_str(r, tm, "value", 0, rc);
            e->time.lo = get_str(r, tm, "start", 0, rc);
            e->time.hi = get_str(r, tm, "end", 0, rc);
            e->time.timex =
                get_ref(r, cJSON_GetObjectItemCaseSensitive(tm, "timex"),
                        MAP_TIMEXES, rc);
            e->time.basis = (evg_time_basis)read_enum(r, tm, "basis",
                                                      evg_basis_parse, 0, rc);
        }
        e->duration = get_ref(r, cJSON_GetObjectItemCaseSensitive(it, "duration"),
                              MAP_TIMEXES, rc);
        e->modality = (evg_modality)read_enum(r, it, "modality",
                                              evg_modality_parse, 0, rc);
        e->attributed =
            get_ref(r, cJSON_GetObjectItemCaseSensitive(it, "attributed_to"),
                    MAP_ENTITIES, rc);
        e->sentence = get_ref(r, cJSON_GetObjectItemCaseSensitive(it, "sentence"),
                              MAP_SENTENCES, rc);
        read_mentions(r, it, &e->mentions, &e->n_mentions, &e->cap_mentions,
                      rc);
    }
}

static void read_relations(reader *r, const cJSON *root, int *rc)
{
    evg_doc *doc = r->doc;
    r->where = "relations";
    const cJSON *arr = get_array(r, root, "relations", rc), *it;
    cJSON_ArrayForEach(it, arr)
    {
        if (*rc)
            return;
        evg_relation *rel = EVG_DOC_PUSH(doc, doc->relations, doc->n_relations,
                                         doc->cap_relations);
        if (!rel) {
            *rc = EVG_ENOMEM;
            return;
        }
        rel->type = (evg_rel_type)read_enum(r, it, "type", evg_rel_type_parse,
                                            0, rc);
        rel->from = get_ref(r, cJSON_GetObjectItemCaseSensitive(it, "from"),
                            MAP_EVENTS, rc);
        rel->to = get_ref(r, cJSON_GetObjectItemCaseSensitive(it, "to"),
                          MAP_EVENTS, rc);
        if (!*rc && (rel->from == EVG_NONE || rel->to == EVG_NONE))
            *rc = bad(r, "relation needs 'from' and 'to'");
    }
}

/* While a document is read, its parse tree comes from an arena of the
 * reading thread's and goes all at once: cJSON otherwise allocates and
 * frees every node and string on its own, which was a third of the time
 * spent reading events files. Anywhere else (the writers' trees, other
 * threads) the hooks are plain malloc and free. */
static _Thread_local evg_arena *tree_arena;

static void *tree_alloc(size_t n)
{
    return tree_arena ? evg_arena_alloc_raw(tree_arena, n) : malloc(n);
}

static void tree_free(void *p)
{
    if (!tree_arena)
        free(p);
}

static void tree_hooks(void)
{
    cJSON_Hooks h = {tree_alloc, tree_free};
    cJSON_InitHooks(&h);
}

int evg_doc_from_json(const char *json, size_t len, evg_doc **out,
                      evg_error *err)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, tree_hooks);
    *out = NULL;
    evg_arena *trees = evg_arena_new();
    if (!trees)
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    tree_arena = trees;
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(json, len, &end, 0);
    if (!root) {
        tree_arena = NULL;
        evg_arena_free(trees);
        size_t at = end && end >= json ? (size_t)(end - json) : 0;
        if (err)
            err->offset = (long long)at;
        return evg_error_set(err, EVG_EPARSE,
                             "events document: malformed JSON near byte %zu",
                             at);
    }
    int rc = 0;
    evg_doc *doc = NULL;
    /* one document only: JSON Lines input is split by the caller */
    size_t used = end && end >= json ? (size_t)(end - json) : len;
    while (used < len && (json[used] == ' ' || json[used] == '\t' ||
                          json[used] == '\r' || json[used] == '\n'))
        used++;
    if (used < len) {
        if (err)
            err->offset = (long long)used;
        rc = evg_error_set(err, EVG_EPARSE,
                           "events document: trailing data at byte %zu", used);
        goto done;
    }
    const cJSON *schema = cJSON_GetObjectItemCaseSensitive(root, "schema");
    int version = 0;
    if (cJSON_IsObject(root) && cJSON_IsString(schema))
        version = strcmp(schema->valuestring, EVG_SCHEMA) == 0      ? 2
                  : strcmp(schema->valuestring, EVG_SCHEMA_V1) == 0 ? 1
                                                                    : 0;
    if (!version) {
        rc = evg_error_set(err, EVG_EPARSE,
                           "not an events document (schema is not '%s' or "
                           "'%s')",
                           EVG_SCHEMA, EVG_SCHEMA_V1);
        goto done;
    }
    /* a document takes about twice its JSON's size (its strings and
     * arrays): one block that fits most of them, not a default block
     * and a doubled one (a 1,000,000-event file holds 195,000 of them) */
    if (evg_doc__new_sized(&doc, len * 5 / 2 + 1024)) {
        rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
        goto done;
    }
    reader r = {doc, err, version, "document",
                {{"sentences", "sentence", 's', NULL, NULL, 0},
                 {"timexes", "time expression", 't', NULL, NULL, 0},
                 {"entities", "entity", 'e', NULL, NULL, 0},
                 {"events", "event", 'v', NULL, NULL, 0}}};
    static const char *const lists[N_MAPS] = {"sentences", "timexes",
                                              "entities", "events"};
    read_doc_meta(&r, root, &rc);
    for (int k = 0; k < N_MAPS && !rc; k++) {
        r.where = lists[k];
        const cJSON *arr = get_array(&r, root, lists[k], &rc);
        if (!rc)
            rc = idmap_build(&r, &r.maps[k], arr);
    }
    if (!rc)
        read_sentences(&r, root, &rc);
    if (!rc)
        read_timexes(&r, root, &rc);
    if (!rc)
        read_entities(&r, root, &rc);
    if (!rc)
        read_events(&r, root, &rc);
    if (!rc)
        read_relations(&r, root, &rc);
    if (rc == EVG_ENOMEM)
        evg_error_set(err, EVG_ENOMEM, "out of memory");
    for (int k = 0; k < N_MAPS; k++)
        idmap_dispose(&r.maps[k]);
done:
    tree_arena = NULL; /* the tree goes with its arena */
    evg_arena_free(trees);
    if (rc) {
        evg_doc_free(doc);
        return rc;
    }
    *out = doc;
    return 0;
}
