/* The events document as JSON (schema evgraph-events/2; version 1 still
 * reads): written with a fixed key order so outputs are stable, and read
 * back for `graph` and `render`. cJSON builds and parses; every text was
 * validated as UTF-8. */
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

/* cJSON_AddItemTo* does not take ownership when it fails: free it here. */
static int add(cJSON *obj, const char *key, cJSON *item)
{
    if (!item)
        return EVG_ENOMEM;
    int ok = key ? cJSON_AddItemToObject(obj, key, item)
                 : cJSON_AddItemToArray(obj, item);
    if (!ok) {
        cJSON_Delete(item);
        return EVG_ENOMEM;
    }
    return 0;
}

static int add_str(cJSON *obj, const char *key, const char *s)
{
    return add(obj, key, s ? cJSON_CreateString(s) : cJSON_CreateNull());
}

static int add_num(cJSON *obj, const char *key, double v)
{
    return add(obj, key, cJSON_CreateNumber(v));
}

static int add_id(cJSON *obj, const char *key, char prefix, size_t i)
{
    char id[32];
    if (i == EVG_NONE)
        return add(obj, key, cJSON_CreateNull());
    snprintf(id, sizeof(id), "%c%zu", prefix, i + 1);
    return add_str(obj, key, id);
}

static int add_span(cJSON *obj, const evg_span *s, int with_text)
{
    int rc = 0;
    if (with_text)
        rc = add_str(obj, "text", s->text ? s->text : "");
    if (!rc)
        rc = add_num(obj, "start", (double)s->start);
    if (!rc)
        rc = add_num(obj, "end", (double)s->end);
    return rc;
}

static int add_ids(cJSON *obj, const char *key, char prefix,
                   const size_t *ids, size_t n)
{
    cJSON *arr = cJSON_CreateArray();
    int rc = add(obj, key, arr);
    for (size_t i = 0; !rc && i < n; i++)
        rc = add_id(arr, NULL, prefix, ids[i]);
    return rc;
}

static cJSON *new_obj_in(cJSON *parent, const char *key, int *rc)
{
    cJSON *o = cJSON_CreateObject();
    if (!*rc)
        *rc = add(parent, key, o);
    else
        cJSON_Delete(o);
    return *rc ? NULL : o;
}

/* Streaming: the document is written section by section and each array
 * element is built, printed and freed on its own, so memory holds one
 * element at a time instead of a tree of the whole document. The bytes are
 * those cJSON_Print / cJSON_PrintUnformatted give for the whole tree. */
typedef struct emitter {
    FILE *f;
    int pretty;
    size_t keys;  /* keys of the root object written */
    size_t items; /* elements of the open array written */
    int failed;   /* a write failed */
} emitter;

static void put(emitter *em, const char *s)
{
    if (!em->failed && fputs(s, em->f) == EOF)
        em->failed = 1;
}

/* `s` as printed on its own, `depth` levels deeper (pretty: that many
 * tabs after each line break; strings hold no raw line breaks). */
static void put_nested(emitter *em, const char *s, int depth)
{
    if (!em->pretty) {
        put(em, s);
        return;
    }
    for (const char *nl; !em->failed && (nl = strchr(s, '\n')); s = nl + 1) {
        if (fwrite(s, 1, (size_t)(nl - s) + 1, em->f) != (size_t)(nl - s) + 1 ||
            fwrite("\t\t", 1, (size_t)depth, em->f) != (size_t)depth)
            em->failed = 1;
    }
    put(em, s);
}

/* Prints and frees `item` (cJSON), a member of the root object (depth 1)
 * or an element of one of its arrays (depth 2). */
static int put_item(emitter *em, cJSON *item, int depth)
{
    char *s = em->pretty ? cJSON_Print(item) : cJSON_PrintUnformatted(item);
    cJSON_Delete(item);
    if (!s)
        return EVG_ENOMEM;
    put_nested(em, s, depth);
    free(s);
    return em->failed ? EVG_EIO : 0;
}

static void put_key(emitter *em, const char *key)
{
    if (em->keys++)
        put(em, ",");
    put(em, em->pretty ? "\n\t\"" : "\"");
    put(em, key);
    put(em, em->pretty ? "\":\t" : "\":");
}

/* Writes `value` (freed) as the root object's next key. */
static int put_member(emitter *em, const char *key, cJSON *value)
{
    if (!value)
        return EVG_ENOMEM;
    put_key(em, key);
    return put_item(em, value, 1);
}

static void open_array(emitter *em, const char *key)
{
    put_key(em, key);
    put(em, "[");
    em->items = 0;
}

/* Prints and frees the elements built in `arr` so far. */
static int flush_items(emitter *em, cJSON *arr)
{
    cJSON *it;
    while ((it = arr->child)) {
        cJSON_DetachItemViaPointer(arr, it);
        if (em->items++)
            put(em, em->pretty ? ", " : ",");
        int rc = put_item(em, it, 2);
        if (rc)
            return rc;
    }
    return 0;
}

static int close_array(emitter *em, cJSON *arr, int rc)
{
    cJSON_Delete(arr);
    if (!rc)
        put(em, "]");
    return rc ? rc : em->failed ? EVG_EIO : 0;
}

static int fill_document(cJSON *d, const evg_doc *doc)
{
    int rc;
    if ((rc = add_str(d, "id", doc->id)) || (rc = add_str(d, "path", doc->path)) ||
        (rc = add_str(d, "dct", doc->dct[0] ? doc->dct : NULL)) ||
        (rc = add_str(d, "dct_source", evg_dct_source_name(doc->dct_source))) ||
        (rc = add_str(d, "place", doc->place)) ||
        (rc = add_str(d, "source", doc->source)) ||
        (rc = add_str(d, "title", doc->title)) ||
        (rc = add_str(d, "url", doc->url)))
        return rc;
    cJSON *w = cJSON_CreateArray();
    if ((rc = add(d, "warnings", w)))
        return rc;
    for (size_t i = 0; !rc && i < doc->n_warnings; i++)
        rc = add_str(w, NULL, doc->warnings[i]);
    return rc;
}

static int write_document(emitter *em, const evg_doc *doc)
{
    cJSON *d = cJSON_CreateObject();
    int rc = d ? fill_document(d, doc) : EVG_ENOMEM;
    if (rc) {
        cJSON_Delete(d);
        return rc;
    }
    return put_member(em, "document", d);
}

/* The token layer of sentence `k` into its object `o`: the tokens from
 * *at on, while they are that sentence's. */
static int write_tokens(cJSON *o, const evg_doc *doc, size_t k, size_t *at)
{
    cJSON *arr = cJSON_CreateArray();
    int rc = add(o, "tokens", arr);
    for (; !rc && *at < doc->n_tokens && doc->tokens[*at].sentence == k;
         ++*at) {
        const evg_doc_token *t = &doc->tokens[*at];
        cJSON *w = new_obj_in(arr, NULL, &rc);
        if (rc || (rc = add_num(w, "start", (double)t->start)) ||
            (rc = add_num(w, "end", (double)t->end)) ||
            (rc = add_str(w, "form", t->form)) ||
            (rc = add_str(w, "lemma", t->lemma)) ||
            (rc = add_str(w, "upos", t->upos)) ||
            (rc = add_str(w, "xpos", t->xpos)) ||
            (rc = add_num(w, "head", (double)t->head)))
            break;
        rc = add_str(w, "deprel", t->deprel);
    }
    return rc;
}

static int write_sentences(emitter *em, const evg_doc *doc)
{
    cJSON *arr = cJSON_CreateArray();
    if (!arr)
        return EVG_ENOMEM;
    open_array(em, "sentences");
    int rc = 0;
    size_t tok = 0;
    for (size_t i = 0; !rc && i < doc->n_sentences; i++) {
        const evg_sentence *s = &doc->sentences[i];
        cJSON *o = new_obj_in(arr, NULL, &rc);
        if (rc || (rc = add_id(o, "id", 's', i)) ||
            (rc = add_num(o, "start", (double)s->start)) ||
            (rc = add_num(o, "end", (double)s->end)) ||
            (rc = add(o, "boilerplate", cJSON_CreateBool(s->boilerplate))))
            break;
        rc = add_str(o, "text", s->text ? s->text : "");
        if (!rc && doc->n_tokens)
            rc = write_tokens(o, doc, i, &tok);
        if (!rc)
            rc = flush_items(em, arr);
    }
    return close_array(em, arr, rc);
}

static int write_timexes(emitter *em, const evg_doc *doc)
{
    cJSON *arr = cJSON_CreateArray();
    if (!arr)
        return EVG_ENOMEM;
    open_array(em, "timexes");
    int rc = 0;
    for (size_t i = 0; !rc && i < doc->n_timexes; i++) {
        const evg_timex *t = &doc->timexes[i];
        cJSON *o = new_obj_in(arr, NULL, &rc);
        if (rc || (rc = add_id(o, "id", 't', i)) ||
            (rc = add_span(o, &t->span, 1)) ||
            (rc = add_str(o, "type", evg_timex_type_name(t->type))) ||
            (rc = add_str(o, "value", t->value)) ||
            (rc = add_str(o, "mod", t->mod)))
            break;
        if (t->lo || t->hi) {
            cJSON *b = new_obj_in(o, "bounds", &rc);
            if (rc || (rc = add_str(b, "start", t->lo)) ||
                (rc = add_str(b, "end", t->hi)))
                break;
        } else if ((rc = add(o, "bounds", cJSON_CreateNull()))) {
            break;
        }
        rc = add_id(o, "sentence", 's', t->sentence);
        if (!rc)
            rc = flush_items(em, arr);
    }
    return close_array(em, arr, rc);
}

static int write_entities(emitter *em, const evg_doc *doc)
{
    cJSON *arr = cJSON_CreateArray();
    if (!arr)
        return EVG_ENOMEM;
    open_array(em, "entities");
    int rc = 0;
    for (size_t i = 0; !rc && i < doc->n_entities; i++) {
        const evg_entity *e = &doc->entities[i];
        cJSON *o = new_obj_in(arr, NULL, &rc);
        if (rc || (rc = add_id(o, "id", 'e', i)) ||
            (rc = add_str(o, "name", e->name)) ||
            (rc = add_str(o, "kind", evg_entity_kind_name(e->kind))) ||
            (rc = add_str(o, "code", e->code)) ||
            (rc = add_str(o, "country", e->country)))
            break;
        cJSON *al = cJSON_CreateArray();
        if ((rc = add(o, "aliases", al)))
            break;
        for (size_t k = 0; !rc && k < e->n_aliases; k++)
            rc = add_str(al, NULL, e->aliases[k]);
        cJSON *ms = cJSON_CreateArray();
        if (rc || (rc = add(o, "mentions", ms)))
            break;
        for (size_t k = 0; !rc && k < e->n_mentions; k++) {
            const evg_mention *mn = &e->mentions[k];
            cJSON *m = new_obj_in(ms, NULL, &rc);
            if (!rc)
                rc = add_span(m, &mn->span, 1);
            if (!rc && mn->code)
                rc = add_str(m, "code", mn->code);
            if (!rc && mn->with != EVG_NONE)
                rc = add_id(m, "with", 'e', mn->with);
        }
        if (!rc)
            rc = flush_items(em, arr);
    }
    return close_array(em, arr, rc);
}

static int write_time(cJSON *o, const evg_event_time *t)
{
    int rc = 0;
    cJSON *tm = new_obj_in(o, "time", &rc);
    if (rc || (rc = add_str(tm, "value", t->value)) ||
        (rc = add_str(tm, "start", t->lo)) || (rc = add_str(tm, "end", t->hi)) ||
        (rc = add_id(tm, "timex", 't', t->timex)))
        return rc;
    return add_str(tm, "basis", evg_basis_name(t->basis));
}

/* An event's participants by role: [{"role", "entity", "text", "start",
 * "end"}]. */
static int write_args(cJSON *o, const evg_event *e)
{
    cJSON *arr = cJSON_CreateArray();
    int rc = add(o, "args", arr);
    for (size_t k = 0; !rc && k < e->n_args; k++) {
        const evg_arg *a = &e->args[k];
        cJSON *m = new_obj_in(arr, NULL, &rc);
        if (rc || (rc = add_str(m, "role", a->role)) ||
            (rc = add_id(m, "entity", 'e', a->entity)))
            break;
        rc = add_span(m, &a->span, 1);
    }
    return rc;
}

static int write_events(emitter *em, const evg_doc *doc)
{
    cJSON *arr = cJSON_CreateArray();
    if (!arr)
        return EVG_ENOMEM;
    open_array(em, "events");
    int rc = 0;
    for (size_t i = 0; !rc && i < doc->n_events; i++) {
        const evg_event *e = &doc->events[i];
        cJSON *o = new_obj_in(arr, NULL, &rc);
        if (rc || (rc = add_id(o, "id", 'v', i)) ||
            (rc = add_str(o, "cameo", e->cameo)) ||
            (rc = add_str(o, "label", e->label)))
            break;
        /* no CAMEO code: no quad class or Goldstein value either */
        if (e->cameo)
            rc = add_num(o, "quad_class", e->quad_class);
        else
            rc = add(o, "quad_class", cJSON_CreateNull());
        if (rc)
            break;
        if (e->cameo)
            rc = add_num(o, "goldstein", e->goldstein);
        else
            rc = add(o, "goldstein", cJSON_CreateNull());
        if (rc || (rc = add_str(o, "class", e->tml_class)) ||
            (rc = add_str(o, "summary", e->summary)))
            break;
        cJSON *tr = new_obj_in(o, "trigger", &rc);
        if (rc || (rc = add_span(tr, &e->trigger, 1)) ||
            (rc = add_ids(o, "source", 'e', e->source, e->n_source)) ||
            (rc = add_ids(o, "target", 'e', e->target, e->n_target)) ||
            (rc = write_args(o, e)) || (rc = write_time(o, &e->time)) ||
            (rc = add_id(o, "duration", 't', e->duration)) ||
            (rc = add_str(o, "modality", evg_modality_name(e->modality))) ||
            (rc = add_id(o, "attributed_to", 'e', e->attributed)) ||
            (rc = add_id(o, "sentence", 's', e->sentence)) ||
            (rc = add_num(o, "confidence", e->confidence)))
            break;
        cJSON *ms = cJSON_CreateArray();
        if ((rc = add(o, "mentions", ms)))
            break;
        for (size_t k = 0; !rc && k < e->n_mentions; k++) {
            cJSON *m = new_obj_in(ms, NULL, &rc);
            if (!rc)
                rc = add_span(m, &e->mentions[k], 1);
        }
        if (!rc)
            rc = flush_items(em, arr);
    }
    return close_array(em, arr, rc);
}

static int write_relations(emitter *em, const evg_doc *doc)
{
    cJSON *arr = cJSON_CreateArray();
    if (!arr)
        return EVG_ENOMEM;
    open_array(em, "relations");
    int rc = 0;
    for (size_t i = 0; !rc && i < doc->n_relations; i++) {
        const evg_relation *r = &doc->relations[i];
        cJSON *o = new_obj_in(arr, NULL, &rc);
        if (rc || (rc = add_str(o, "type", evg_rel_type_name(r->type))) ||
            (rc = add_id(o, "from", 'v', r->from)))
            break;
        rc = add_id(o, "to", 'v', r->to);
        if (!rc)
            rc = flush_items(em, arr);
    }
    return close_array(em, arr, rc);
}

int evg_doc_write_json(const evg_doc *doc, int pretty, FILE *out,
                       evg_error *err)
{
    emitter em = {out, pretty, 0, 0, 0};
    put(&em, "{");
    int rc = put_member(&em, "schema", cJSON_CreateString(EVG_SCHEMA));
    if (!rc && !(rc = write_document(&em, doc)) &&
        !(rc = write_sentences(&em, doc)) && !(rc = write_timexes(&em, doc)) &&
        !(rc = write_entities(&em, doc)) && !(rc = write_events(&em, doc)))
        rc = write_relations(&em, doc);
    if (!rc)
        put(&em, pretty ? "\n}" : "}");
    if (!rc && em.failed)
        rc = EVG_EIO;
    if (rc == EVG_EIO)
        return evg_error_set(err, rc, "writing the events document failed");
    if (rc)
        return evg_error_set(err, rc, "cannot serialize events document: %s",
                             evg_strerror(rc));
    return 0;
}

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
