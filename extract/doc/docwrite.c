/* The events document written as JSON (schema evgraph-events/2), streamed:
 * every value goes to the stream as it is met, so memory holds no tree
 * and no copy of the text, however many sentences, words, entities or
 * mentions the document has. The bytes are those cJSON_PrintUnformatted
 * (or, pretty, cJSON_Print) gives for the whole document as a tree, which
 * the reader parses back: keys in a fixed order, strings escaped as cJSON
 * escapes them, numbers printed as cJSON prints them. */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "core.h"
#include "evgraph/document.h"
#include "doc_events.h"
#include "doc_layer.h"

#define MAX_DEPTH 8 /* the document nests 5 deep */

typedef struct writer {
    FILE *f;
    char buf[8192];          /* bytes not yet handed to the stream */
    size_t len;
    int pretty;
    int depth;               /* open objects and arrays */
    size_t count[MAX_DEPTH]; /* members or elements written in each */
    char array[MAX_DEPTH];   /* is it an array (else an object)? */
    int failed;              /* a write failed, or nesting too deep */
    int nomem;               /* out of memory (a sentence's tokens) */
} writer;

static void flush(writer *w)
{
    if (!w->failed && w->len && fwrite(w->buf, 1, w->len, w->f) != w->len)
        w->failed = 1;
    w->len = 0;
}

/* Through the writer's own buffer: the pieces are small and many. */
static void put(writer *w, const char *s, size_t n)
{
    if (w->len + n > sizeof w->buf) {
        flush(w);
        if (n > sizeof w->buf) {
            if (!w->failed && fwrite(s, 1, n, w->f) != n)
                w->failed = 1;
            return;
        }
    }
    memcpy(w->buf + w->len, s, n);
    w->len += n;
}

/* A number's decimal digits. */
static void put_int(writer *w, char prefix, unsigned long long u, int minus)
{
    char s[32];
    size_t i = sizeof s;
    do {
        s[--i] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (minus)
        s[--i] = '-';
    if (prefix)
        s[--i] = prefix;
    put(w, s + i, sizeof s - i);
}

static void put_s(writer *w, const char *s)
{
    put(w, s, strlen(s));
}

static void tabs(writer *w, int n)
{
    static const char t[] = "\t\t\t\t\t\t\t\t";
    put(w, t, (size_t)n);
}

/* A string as cJSON prints it: quote, backslash and the control
 * characters escaped (\b \f \n \r \t, the others \u00xx), all else as
 * it is. */
/* A JSON string of the bytes of `s` up to its NUL or its `n`th byte,
 * whichever comes first (as a copy of `n` bytes would end). */
static void put_stringn(writer *w, const char *s, size_t n)
{
    put(w, "\"", 1);
    const char *run = s;
    for (; n && *s; s++, n--) {
        unsigned char c = (unsigned char)*s;
        if (c > 31 && c != '"' && c != '\\')
            continue;
        put(w, run, (size_t)(s - run));
        run = s + 1;
        char e[8];
        switch (c) {
        case '"': put_s(w, "\\\""); break;
        case '\\': put_s(w, "\\\\"); break;
        case '\b': put_s(w, "\\b"); break;
        case '\f': put_s(w, "\\f"); break;
        case '\n': put_s(w, "\\n"); break;
        case '\r': put_s(w, "\\r"); break;
        case '\t': put_s(w, "\\t"); break;
        default:
            snprintf(e, sizeof e, "\\u%04x", c);
            put_s(w, e);
        }
    }
    put(w, run, (size_t)(s - run));
    put(w, "\"", 1);
}

static void put_string(writer *w, const char *s)
{
    put_stringn(w, s, SIZE_MAX);
}

/* Before an array's element: the separator from the one before. */
static void element(writer *w)
{
    if (w->depth && w->array[w->depth - 1] && w->count[w->depth - 1]++)
        put(w, w->pretty ? ", " : ",", w->pretty ? 2 : 1);
}

/* An object's member name (and the separator from the member before). */
static void key(writer *w, const char *k)
{
    if (w->count[w->depth - 1]++) {
        put(w, ",", 1);
        if (w->pretty)
            put(w, "\n", 1);
    }
    if (w->pretty)
        tabs(w, w->depth);
    put_string(w, k);
    put(w, ":\t", w->pretty ? 2 : 1);
}

static void open_(writer *w, int array)
{
    element(w);
    if (w->depth == MAX_DEPTH) {
        w->failed = 1;
        return;
    }
    put(w, array ? "[" : "{\n", array || !w->pretty ? 1 : 2);
    w->array[w->depth] = (char)array;
    w->count[w->depth++] = 0;
}

static void close_(writer *w)
{
    if (!w->depth)
        return;
    int array = w->array[w->depth - 1];
    if (!array && w->pretty) {
        if (w->count[w->depth - 1])
            put(w, "\n", 1);
        tabs(w, w->depth - 1);
    }
    put(w, array ? "]" : "}", 1);
    w->depth--;
}

/* Values, as array elements or after key(). */
static void str(writer *w, const char *s)
{
    element(w);
    if (s)
        put_string(w, s);
    else
        put(w, "null", 4);
}

static void null_(writer *w)
{
    element(w);
    put(w, "null", 4);
}

/* A number as cJSON prints it: a whole number within int's range as
 * "%d" does (cJSON's own rule), any other by cJSON itself. */
static void num(writer *w, double v)
{
    if (v >= (double)INT_MIN && v <= (double)INT_MAX && v == (double)(int)v) {
        int i = (int)v;
        element(w);
        put_int(w, 0, i < 0 ? 0ull - (unsigned long long)(long long)i
                            : (unsigned long long)i, i < 0);
        return;
    }
    cJSON n;
    char buf[64];
    memset(&n, 0, sizeof n);
    n.type = cJSON_Number;
    cJSON_SetNumberHelper(&n, v);
    element(w);
    if (cJSON_PrintPreallocated(&n, buf, (int)sizeof buf, 0))
        put_s(w, buf);
    else
        w->failed = 1;
}

static void boolean(writer *w, int b)
{
    element(w);
    put_s(w, b ? "true" : "false");
}

static void id(writer *w, char prefix, size_t i)
{
    if (i == EVG_NONE) {
        null_(w);
        return;
    }
    element(w); /* a letter and digits: nothing to escape */
    put(w, "\"", 1);
    put_int(w, prefix, (unsigned long long)i + 1, 0);
    put(w, "\"", 1);
}

/* key: value shorthands */
static void k_str(writer *w, const char *k, const char *s)
{
    key(w, k);
    str(w, s);
}

static void k_strn(writer *w, const char *k, const char *s, size_t n)
{
    key(w, k);
    element(w);
    put_stringn(w, s, n);
}

static void k_num(writer *w, const char *k, double v)
{
    key(w, k);
    num(w, v);
}

static void k_id(writer *w, const char *k, char prefix, size_t i)
{
    key(w, k);
    id(w, prefix, i);
}

static void k_open(writer *w, const char *k, int array)
{
    key(w, k);
    open_(w, array);
}

static void span(writer *w, const evg_span *s)
{
    k_str(w, "text", s->text ? s->text : "");
    k_num(w, "start", (double)s->start);
    k_num(w, "end", (double)s->end);
}

static void ids(writer *w, const char *k, char prefix, const size_t *v,
                size_t n)
{
    k_open(w, k, 1);
    for (size_t i = 0; i < n; i++)
        id(w, prefix, v[i]);
    close_(w);
}

static void write_document(writer *w, const evg_doc *doc)
{
    k_open(w, "document", 0);
    k_str(w, "id", doc->id);
    k_str(w, "path", doc->path);
    k_str(w, "dct", doc->dct[0] ? doc->dct : NULL);
    k_str(w, "dct_source", evg_dct_source_name(doc->dct_source));
    k_str(w, "place", doc->place);
    k_str(w, "source", doc->source);
    k_str(w, "title", doc->title);
    k_str(w, "url", doc->url);
    k_open(w, "warnings", 1);
    for (size_t i = 0; i < doc->n_warnings; i++)
        str(w, doc->warnings[i]);
    close_(w);
    close_(w);
}

/* The token layer of sentence `k`: from doc->tokens, the tokens from *at
 * on while they are that sentence's; from the compact layer
 * (evg_extract_opts.compact_tokens), the sentence's words made on demand. */
static void write_tokens(writer *w, const evg_doc *doc, size_t k, size_t *at)
{
    const evg_doc_token *v = NULL;
    size_t n = 0;
    if (doc->layer) {
        int e;
        v = evg_doc__sentence_tokens(doc, k, &n, &e);
        if (e) {
            w->failed = w->nomem = 1;
            return;
        }
    } else {
        v = doc->tokens + *at;
        while (*at < doc->n_tokens && doc->tokens[*at].sentence == k)
            ++*at, n++;
    }
    k_open(w, "tokens", 1);
    for (size_t i = 0; i < n; i++) {
        const evg_doc_token *t = &v[i];
        open_(w, 0);
        k_num(w, "start", (double)t->start);
        k_num(w, "end", (double)t->end);
        k_str(w, "form", t->form);
        k_str(w, "lemma", t->lemma);
        k_str(w, "upos", t->upos);
        k_str(w, "xpos", t->xpos);
        k_num(w, "head", (double)t->head);
        k_str(w, "deprel", t->deprel);
        close_(w);
    }
    close_(w);
}

static void write_sentences(writer *w, const evg_doc *doc)
{
    k_open(w, "sentences", 1);
    size_t tok = 0;
    int has_tokens = evg_doc__token_count(doc) > 0;
    for (size_t i = 0; i < doc->n_sentences && !w->failed; i++) {
        evg_sentence s = evg_doc__sentence(doc, i);
        open_(w, 0);
        k_id(w, "id", 's', i);
        k_num(w, "start", (double)s.start);
        k_num(w, "end", (double)s.end);
        key(w, "boilerplate");
        boolean(w, s.boilerplate);
        if (s.text || !doc->sents || !doc->text || s.end < s.start ||
            s.end > doc->text_len)
            k_str(w, "text", s.text ? s.text : "");
        else /* compact: the document's bytes, as the copy would hold */
            k_strn(w, "text", doc->text + s.start, s.end - s.start);
        if (has_tokens)
            write_tokens(w, doc, i, &tok);
        close_(w);
    }
    close_(w);
}

static void write_timexes(writer *w, const evg_doc *doc)
{
    k_open(w, "timexes", 1);
    for (size_t i = 0; i < doc->n_timexes && !w->failed; i++) {
        const evg_timex *t = &doc->timexes[i];
        open_(w, 0);
        k_id(w, "id", 't', i);
        span(w, &t->span);
        k_str(w, "type", evg_timex_type_name(t->type));
        k_str(w, "value", t->value);
        k_str(w, "mod", t->mod);
        if (t->lo || t->hi) {
            k_open(w, "bounds", 0);
            k_str(w, "start", t->lo);
            k_str(w, "end", t->hi);
            close_(w);
        } else {
            key(w, "bounds");
            null_(w);
        }
        k_id(w, "sentence", 's', t->sentence);
        close_(w);
    }
    close_(w);
}

static void write_entities(writer *w, const evg_doc *doc)
{
    k_open(w, "entities", 1);
    for (size_t i = 0; i < doc->n_entities && !w->failed; i++) {
        const evg_entity *e = &doc->entities[i];
        open_(w, 0);
        k_id(w, "id", 'e', i);
        k_str(w, "name", e->name);
        k_str(w, "kind", evg_entity_kind_name(e->kind));
        k_str(w, "code", e->code);
        k_str(w, "country", e->country);
        if (e->dictionary && e->kind == EVG_KIND_PERSON) {
            key(w, "dictionary");
            boolean(w, 1);
        }
        k_open(w, "aliases", 1);
        for (size_t k = 0; k < e->n_aliases; k++)
            str(w, e->aliases[k]);
        close_(w);
        k_open(w, "mentions", 1);
        for (size_t k = 0; k < e->n_mentions && !w->failed; k++) {
            const evg_mention *m = &e->mentions[k];
            open_(w, 0);
            span(w, &m->span);
            if (m->code)
                k_str(w, "code", m->code);
            if (m->with != EVG_NONE)
                k_id(w, "with", 'e', m->with);
            close_(w);
        }
        close_(w);
        close_(w);
    }
    close_(w);
}

static void write_time(writer *w, const evg_event_time *t)
{
    k_open(w, "time", 0);
    k_str(w, "value", t->value);
    k_str(w, "start", t->lo);
    k_str(w, "end", t->hi);
    k_id(w, "timex", 't', t->timex);
    k_str(w, "basis", evg_basis_name(t->basis));
    close_(w);
}

/* An event's participants by role: [{"role", "entity", "text", "start",
 * "end"}]. */
static void write_args(writer *w, const evg_event *e)
{
    k_open(w, "args", 1);
    for (size_t k = 0; k < e->n_args; k++) {
        const evg_arg *a = &e->args[k];
        open_(w, 0);
        k_str(w, "role", a->role);
        k_id(w, "entity", 'e', a->entity);
        span(w, &a->span);
        close_(w);
    }
    close_(w);
}

static void write_events(writer *w, const evg_doc *doc)
{
    k_open(w, "events", 1);
    /* from the compact form when the document keeps it (doc_events.h) */
    size_t n = evg_doc__event_count(doc);
    for (size_t i = 0; i < n && !w->failed; i++) {
        evg_event ev;
        if (evg_doc__event_get(doc, i, &ev)) {
            w->nomem = w->failed = 1;
            break;
        }
        const evg_event *e = &ev;
        open_(w, 0);
        k_id(w, "id", 'v', i);
        k_str(w, "cameo", e->cameo);
        k_str(w, "label", e->label);
        /* no CAMEO code: no quad class or Goldstein value either */
        key(w, "quad_class");
        if (e->cameo)
            num(w, e->quad_class);
        else
            null_(w);
        key(w, "goldstein");
        if (e->cameo)
            num(w, e->goldstein);
        else
            null_(w);
        k_str(w, "class", e->tml_class);
        k_str(w, "summary", e->summary);
        k_open(w, "trigger", 0);
        span(w, &e->trigger);
        close_(w);
        ids(w, "source", 'e', e->source, e->n_source);
        ids(w, "target", 'e', e->target, e->n_target);
        write_args(w, e);
        write_time(w, &e->time);
        k_id(w, "duration", 't', e->duration);
        k_str(w, "modality", evg_modality_name(e->modality));
        k_id(w, "attributed_to", 'e', e->attributed);
        k_id(w, "sentence", 's', e->sentence);
        k_num(w, "confidence", e->confidence);
        k_open(w, "mentions", 1);
        for (size_t k = 0; k < e->n_mentions; k++) {
            open_(w, 0);
            span(w, &e->mentions[k]);
            close_(w);
        }
        close_(w);
        close_(w);
    }
    close_(w);
}

static void write_relations(writer *w, const evg_doc *doc)
{
    k_open(w, "relations", 1);
    for (size_t i = 0; i < doc->n_relations && !w->failed; i++) {
        const evg_relation *r = &doc->relations[i];
        open_(w, 0);
        k_str(w, "type", evg_rel_type_name(r->type));
        k_id(w, "from", 'v', r->from);
        k_id(w, "to", 'v', r->to);
        close_(w);
    }
    close_(w);
}

int evg_doc_write_json(const evg_doc *doc, int pretty, FILE *out,
                       evg_error *err)
{
    writer w;
    memset(&w, 0, sizeof w);
    w.f = out;
    w.pretty = pretty;
    open_(&w, 0);
    k_str(&w, "schema", EVG_SCHEMA);
    write_document(&w, doc);
    write_sentences(&w, doc);
    write_timexes(&w, doc);
    write_entities(&w, doc);
    write_events(&w, doc);
    write_relations(&w, doc);
    close_(&w);
    flush(&w);
    if (w.nomem)
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    if (w.failed)
        return evg_error_set(err, EVG_EIO,
                             "writing the events document failed");
    return 0;
}
