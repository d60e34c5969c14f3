/* The events of a document in their compact form while it is extracted
 * (doc_events.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "doc_events.h"
#include "doc_layer.h"

/* Distinct fixed-size values (a pointer, a tuple of an event's fields),
 * each with its number: open addressing over the numbers. The values are
 * built zeroed first, so that their padding compares equal. */
typedef struct blobtab {
    unsigned char *v;
    size_t size;       /* bytes a value */
    size_t n, cap;     /* values, and room for them */
    uint32_t *slot;    /* number + 1, 0: empty; nslot a power of two */
    size_t nslot;
} blobtab;

/* An event's code and what goes with it: few distinct in a document. */
typedef struct pk_kind {
    const char *cameo, *label, *tml;
    double goldstein;
    int quad;
    int modality;
} pk_kind;

typedef struct pk_time {
    const char *value, *lo, *hi;
    size_t timex;
    int basis;
    int pad;
} pk_time;

/* The arrays of an event that has any: sources, targets and mentions in
 * the document's arena, arguments packed (`args`, from args_at). Stored
 * as a record of 4-byte words in `sv` holding only the arrays the event
 * has (side_put): 24 bytes for an event with sources and arguments,
 * where the whole struct took 48 for every event with a side. */
typedef struct pk_side {
    size_t *source, *target;
    evg_span *mentions;
    uint32_t args_at;
    uint32_t n_source, n_target, n_args, n_mentions;
    uint32_t duration, attributed; /* PK_NONE: none */
} pk_side;

/* 24 bytes an argument (an evg_arg is 40). */
typedef struct pk_arg {
    const char *text;
    uint32_t start, end;
    uint32_t entity; /* PK_NONE: EVG_NONE */
    uint32_t role;   /* number in `strs` */
} pk_arg;

/* argument arrays of up to this many elements given back while the
 * document is extracted are used again (args_take) */
#define RECYCLE_MAX 64

#define PK_NONE UINT32_MAX

/* 40 bytes an event (its duration and speaker, which few events have,
 * are in its side record: they took 8 bytes of every event). */
typedef struct pk_event {
    uint32_t trig_start, trig_end;
    uint32_t trig_text, summary; /* numbers in `strs` */
    uint32_t kind, time;         /* numbers in `kinds`, `times` */
    uint32_t sentence;           /* PK_NONE: EVG_NONE */
    uint32_t side;               /* its record in `sv` or PK_NONE */
    double confidence;
} pk_event;

struct evg_doc_evpack {
    pk_event *v;
    size_t n, cap;
    uint32_t *sv; /* side records (side_put) */
    size_t n_sv, cap_sv;
    pk_arg *args;
    size_t n_args, cap_args;
    blobtab strs, kinds, times;
    /* the arguments of the last packed event read (evg_doc__event_get) */
    evg_arg *scratch;
    size_t cap_scratch;
    /* arena room of argument arrays given back, by capacity: each holds
     * the next in its first bytes */
    void *spare[RECYCLE_MAX + 1];
};

/* The packed events' arrays grow by doubling, in one piece each: a copy
 * that moves leaves the room it had, which glibc keeps resident (the
 * events grow as the coder goes, and nothing else fits there); from this
 * size on, it is handed back when the array has moved (evg_doc__give_back:
 * a few times a document). */
#define GIVE_BACK_MIN ((size_t)64 << 10)

static int grow(void *items_ptr, size_t *cap, size_t need, size_t size,
                size_t first)
{
    void **items = items_ptr;
    void *was = *items;
    size_t had = *cap;
    if (evg_reserve_raw(items_ptr, cap, need, size, first) < 0)
        return -1;
    if (*items != was && was && had * size >= GIVE_BACK_MIN)
        evg_doc__give_back();
    return 0;
}

static int blob_grow(blobtab *t)
{
    size_t ns = t->nslot ? t->nslot * 2 : 64;
    uint32_t *s = calloc(ns, sizeof(*s));
    if (!s)
        return EVG_ENOMEM;
    for (size_t i = 0; i < t->n; i++) {
        size_t k = evg_fnv32(t->v + i * t->size, t->size) & (ns - 1);
        while (s[k])
            k = (k + 1) & (ns - 1);
        s[k] = (uint32_t)(i + 1);
    }
    free(t->slot);
    t->slot = s;
    t->nslot = ns;
    return 0;
}

/* The number of the value at `b` (t->size bytes), added when new. */
static int blob_id(blobtab *t, const void *b, uint32_t *id)
{
    uint32_t h = evg_fnv32(b, t->size);
    size_t k = 0;
    if (t->nslot)
        for (k = h & (t->nslot - 1); t->slot[k]; k = (k + 1) & (t->nslot - 1))
            if (memcmp(t->v + (t->slot[k] - 1) * t->size, b, t->size) == 0) {
                *id = t->slot[k] - 1;
                return 0;
            }
    /* new: room for it first (a value already there allocates nothing) */
    if ((t->n + 1) * 2 > t->nslot) {
        if (blob_grow(t))
            return EVG_ENOMEM;
        for (k = h & (t->nslot - 1); t->slot[k]; k = (k + 1) & (t->nslot - 1))
            ;
    }
    if (t->n >= PK_NONE - 1)
        return EVG_ELIMIT;
    if (evg_reserve_raw(&t->v, &t->cap, t->n + 1, t->size, 16) < 0)
        return EVG_ENOMEM;
    memcpy(t->v + t->n * t->size, b, t->size);
    t->slot[k] = (uint32_t)(t->n + 1);
    *id = (uint32_t)t->n++;
    return 0;
}

static const void *blob_at(const blobtab *t, uint32_t id)
{
    return t->v + (size_t)id * t->size;
}

static void blob_free(blobtab *t)
{
    free(t->v);
    free(t->slot);
}

static int str_id(evg_doc_evpack *p, const char *s, uint32_t *id)
{
    return blob_id(&p->strs, &s, id);
}

static const char *str_at(const evg_doc_evpack *p, uint32_t id)
{
    const char *s;
    memcpy(&s, blob_at(&p->strs, id), sizeof(s));
    return s;
}

/* A size or index in 4 bytes (EVG_NONE: PK_NONE). */
static int small(size_t v, uint32_t *out)
{
    if (v == EVG_NONE) {
        *out = PK_NONE;
        return 0;
    }
    if (v >= PK_NONE)
        return EVG_ELIMIT;
    *out = (uint32_t)v;
    return 0;
}

static size_t big(uint32_t v)
{
    return v == PK_NONE ? EVG_NONE : v;
}

static int side_of(const evg_event *ev, pk_side *sd)
{
    memset(sd, 0, sizeof(*sd));
    if (ev->n_source >= PK_NONE || ev->n_target >= PK_NONE ||
        ev->n_args >= PK_NONE || ev->n_mentions >= PK_NONE)
        return EVG_ELIMIT;
    int rc;
    if ((rc = small(ev->duration, &sd->duration)) ||
        (rc = small(ev->attributed, &sd->attributed)))
        return rc;
    sd->source = ev->n_source ? ev->source : NULL;
    sd->target = ev->n_target ? ev->target : NULL;
    sd->mentions = ev->n_mentions ? ev->mentions : NULL;
    sd->n_source = (uint32_t)ev->n_source;
    sd->n_target = (uint32_t)ev->n_target;
    sd->n_args = (uint32_t)ev->n_args;
    sd->n_mentions = (uint32_t)ev->n_mentions;
    return 0;
}

/* A side record: a word of flags, then for each array the event has, in
 * this order, its length and (sources, targets, mentions) its pointer in
 * two words or (arguments) where they start in p->args; then its
 * duration and its speaker when it has them, a word each. */
enum {
    SD_SOURCE = 1,
    SD_TARGET = 2,
    SD_MENTIONS = 4,
    SD_ARGS = 8,
    SD_DURATION = 16,
    SD_ATTRIBUTED = 32
};

static size_t side_words(uint32_t flags)
{
    return 1 + 3 * !!(flags & SD_SOURCE) + 3 * !!(flags & SD_TARGET) +
           3 * !!(flags & SD_MENTIONS) + 2 * !!(flags & SD_ARGS) +
           !!(flags & SD_DURATION) + !!(flags & SD_ATTRIBUTED);
}

static uint32_t side_flags(const pk_side *sd)
{
    return (sd->n_source ? SD_SOURCE : 0) | (sd->n_target ? SD_TARGET : 0) |
           (sd->n_mentions ? SD_MENTIONS : 0) | (sd->n_args ? SD_ARGS : 0) |
           (sd->duration != PK_NONE ? SD_DURATION : 0) |
           (sd->attributed != PK_NONE ? SD_ATTRIBUTED : 0);
}

static void side_get(const evg_doc_evpack *p, uint32_t at, pk_side *sd)
{
    memset(sd, 0, sizeof(*sd));
    sd->duration = sd->attributed = PK_NONE;
    const uint32_t *w = p->sv + at;
    uint32_t flags = *w++;
    if (flags & SD_SOURCE) {
        sd->n_source = *w++;
        memcpy(&sd->source, w, sizeof(sd->source));
        w += 2;
    }
    if (flags & SD_TARGET) {
        sd->n_target = *w++;
        memcpy(&sd->target, w, sizeof(sd->target));
        w += 2;
    }
    if (flags & SD_MENTIONS) {
        sd->n_mentions = *w++;
        memcpy(&sd->mentions, w, sizeof(sd->mentions));
        w += 2;
    }
    if (flags & SD_ARGS) {
        sd->n_args = *w++;
        sd->args_at = *w++;
    }
    if (flags & SD_DURATION)
        sd->duration = *w++;
    if (flags & SD_ATTRIBUTED)
        sd->attributed = *w;
}

/* Stores `*sd` as a record: over the record at `had` when that has the
 * same arrays, else at the end of p->sv; its place in *at. */
static int side_put(evg_doc_evpack *p, const pk_side *sd, uint32_t had,
                    uint32_t *at)
{
    _Static_assert(sizeof(void *) <= 2 * sizeof(uint32_t),
                   "a pointer in two words");
    uint32_t flags = side_flags(sd);
    size_t nw = side_words(flags);
    if (had == PK_NONE || p->sv[had] != flags) {
        if (p->n_sv + nw >= PK_NONE)
            return EVG_ELIMIT;
        if (grow(&p->sv, &p->cap_sv, p->n_sv + nw,
                            sizeof(*p->sv), 64) < 0)
            return EVG_ENOMEM;
        had = (uint32_t)p->n_sv;
        p->n_sv += nw;
    }
    uint32_t *w = p->sv + had;
    *w++ = flags;
    if (flags & SD_SOURCE) {
        *w++ = sd->n_source;
        memcpy(w, &sd->source, sizeof(sd->source));
        w += 2;
    }
    if (flags & SD_TARGET) {
        *w++ = sd->n_target;
        memcpy(w, &sd->target, sizeof(sd->target));
        w += 2;
    }
    if (flags & SD_MENTIONS) {
        *w++ = sd->n_mentions;
        memcpy(w, &sd->mentions, sizeof(sd->mentions));
        w += 2;
    }
    if (flags & SD_ARGS) {
        *w++ = sd->n_args;
        *w++ = sd->args_at;
    }
    if (flags & SD_DURATION)
        *w++ = sd->duration;
    if (flags & SD_ATTRIBUTED)
        *w = sd->attributed;
    *at = had;
    return 0;
}

/* Packs the arguments of `ev` at the end of p->args into `*sd`. */
static int pack_args(evg_doc_evpack *p, const evg_event *ev, pk_side *sd)
{
    sd->args_at = 0;
    if (!ev->n_args)
        return 0;
    if (p->n_args + ev->n_args >= PK_NONE)
        return EVG_ELIMIT;
    if (grow(&p->args, &p->cap_args, p->n_args + ev->n_args,
                        sizeof(*p->args), 64) < 0)
        return EVG_ENOMEM;
    for (size_t k = 0; k < ev->n_args; k++) {
        const evg_arg *a = &ev->args[k];
        pk_arg *q = &p->args[p->n_args + k];
        int rc;
        if (a->span.start >= PK_NONE || a->span.end >= PK_NONE)
            return EVG_ELIMIT;
        q->text = a->span.text;
        q->start = (uint32_t)a->span.start;
        q->end = (uint32_t)a->span.end;
        if ((rc = small(a->entity, &q->entity)) ||
            (rc = str_id(p, a->role, &q->role)))
            return rc;
    }
    sd->args_at = (uint32_t)p->n_args;
    p->n_args += ev->n_args;
    return 0;
}

/* Packs `*ev` into `*pe`; `had` is its side number before (PK_NONE for a
 * new event), whose room is used again. With `keep_args` the arguments
 * stay those packed before (the event's are the pack's scratch). */
static int pack(evg_doc_evpack *p, const evg_event *ev, uint32_t had,
                int keep_args, pk_event *pe)
{
    pk_kind k;
    pk_time t;
    memset(&k, 0, sizeof(k));
    memset(&t, 0, sizeof(t));
    k.cameo = ev->cameo;
    k.label = ev->label;
    k.tml = ev->tml_class;
    k.goldstein = ev->goldstein;
    k.quad = ev->quad_class;
    k.modality = (int)ev->modality;
    t.value = ev->time.value;
    t.lo = ev->time.lo;
    t.hi = ev->time.hi;
    t.timex = ev->time.timex;
    t.basis = (int)ev->time.basis;
    int rc;
    if (ev->trigger.start >= PK_NONE || ev->trigger.end >= PK_NONE)
        return EVG_ELIMIT;
    pe->trig_start = (uint32_t)ev->trigger.start;
    pe->trig_end = (uint32_t)ev->trigger.end;
    if ((rc = str_id(p, ev->trigger.text, &pe->trig_text)) ||
        (rc = str_id(p, ev->summary, &pe->summary)) ||
        (rc = blob_id(&p->kinds, &k, &pe->kind)) ||
        (rc = blob_id(&p->times, &t, &pe->time)) ||
        (rc = small(ev->sentence, &pe->sentence)))
        return rc;
    pe->confidence = ev->confidence;
    pe->side = PK_NONE;
    uint32_t args_at = 0;
    if (keep_args && had != PK_NONE) {
        pk_side old;
        side_get(p, had, &old);
        args_at = old.args_at;
    }
    if (!ev->n_source && !ev->n_target && !ev->n_args && !ev->n_mentions &&
        ev->duration == EVG_NONE && ev->attributed == EVG_NONE)
        return 0;
    pk_side sd;
    if ((rc = side_of(ev, &sd)))
        return rc;
    if (keep_args)
        sd.args_at = args_at;
    else if ((rc = pack_args(p, ev, &sd)))
        return rc;
    return side_put(p, &sd, had, &pe->side);
}

/* The event at `pe` into `*ev`; its arguments into `args` (room for
 * them), or into the pack's scratch when NULL. EVG_ENOMEM (the scratch). */
static int unpack(evg_doc_evpack *p, const pk_event *pe, evg_event *ev,
                  evg_arg *args)
{
    memset(ev, 0, sizeof(*ev));
    const pk_kind *k = blob_at(&p->kinds, pe->kind);
    const pk_time *t = blob_at(&p->times, pe->time);
    ev->cameo = k->cameo;
    ev->label = k->label;
    ev->tml_class = k->tml;
    ev->goldstein = k->goldstein;
    ev->quad_class = k->quad;
    ev->modality = (evg_modality)k->modality;
    ev->time.value = t->value;
    ev->time.lo = t->lo;
    ev->time.hi = t->hi;
    ev->time.timex = t->timex;
    ev->time.basis = (evg_time_basis)t->basis;
    ev->trigger.start = pe->trig_start;
    ev->trigger.end = pe->trig_end;
    ev->trigger.text = str_at(p, pe->trig_text);
    ev->summary = str_at(p, pe->summary);
    ev->duration = EVG_NONE;
    ev->attributed = EVG_NONE;
    ev->sentence = big(pe->sentence);
    ev->confidence = pe->confidence;
    if (pe->side == PK_NONE)
        return 0;
    pk_side side;
    side_get(p, pe->side, &side);
    const pk_side *sd = &side;
    ev->duration = big(sd->duration);
    ev->attributed = big(sd->attributed);
    /* the arrays are the arena's: a push onto one makes a copy (capacity
     * = length), as the room behind it may be another event's */
    ev->source = sd->source;
    ev->n_source = ev->cap_source = sd->n_source;
    ev->target = sd->target;
    ev->n_target = ev->cap_target = sd->n_target;
    ev->mentions = sd->mentions;
    ev->n_mentions = ev->cap_mentions = sd->n_mentions;
    if (!sd->n_args)
        return 0;
    if (!args) {
        if (evg_reserve_raw(&p->scratch, &p->cap_scratch, sd->n_args,
                            sizeof(*p->scratch), 8) < 0)
            return EVG_ENOMEM;
        args = p->scratch;
    }
    for (size_t j = 0; j < sd->n_args; j++) {
        const pk_arg *q = &p->args[sd->args_at + j];
        args[j].role = str_at(p, q->role);
        args[j].entity = big(q->entity);
        args[j].span.start = q->start;
        args[j].span.end = q->end;
        args[j].span.text = q->text;
    }
    ev->args = args;
    ev->n_args = ev->cap_args = sd->n_args;
    return 0;
}

static size_t n_packed(const evg_doc *doc)
{
    return doc->evpack ? doc->evpack->n : 0;
}

size_t evg_doc__event_count(const evg_doc *doc)
{
    return n_packed(doc) + doc->n_events;
}

int evg_doc__event_get(const evg_doc *doc, size_t i, evg_event *out)
{
    size_t np = n_packed(doc);
    if (i < np)
        return unpack(doc->evpack, &doc->evpack->v[i], out, NULL);
    *out = doc->events[i - np];
    return 0;
}

/* Replaces event i; with `keep_args`, a packed event keeps its packed
 * arguments. */
static int put(evg_doc *doc, size_t i, const evg_event *ev, int keep_args)
{
    size_t np = n_packed(doc);
    if (i >= np) {
        doc->events[i - np] = *ev;
        return 0;
    }
    pk_event pe;
    int rc = pack(doc->evpack, ev, doc->evpack->v[i].side, keep_args, &pe);
    if (!rc)
        doc->evpack->v[i] = pe;
    return rc;
}

int evg_doc__event_put(evg_doc *doc, size_t i, const evg_event *ev)
{
    return put(doc, i, ev, 1);
}

int evg_doc__event_move(evg_doc *doc, size_t to, size_t from)
{
    size_t np = n_packed(doc);
    if (to == from)
        return 0;
    if (to < np && from < np) {
        doc->evpack->v[to] = doc->evpack->v[from];
        return 0;
    }
    /* from doc->events (a packed event is never moved behind one) */
    evg_event e;
    int rc = evg_doc__event_get(doc, from, &e);
    return rc ? rc : put(doc, to, &e, from < np);
}

int evg_doc__events_packable(const evg_doc *doc)
{
    return doc->text_len < PK_NONE;
}

int evg_doc__events_begin(evg_doc *doc)
{
    if (doc->evpack || !evg_doc__events_packable(doc))
        return 0;
    evg_doc_evpack *p = calloc(1, sizeof(*p));
    if (!p)
        return EVG_ENOMEM;
    p->strs.size = sizeof(const char *);
    p->kinds.size = sizeof(pk_kind);
    p->times.size = sizeof(pk_time);
    doc->evpack = p;
    return 0;
}

int evg_doc__events_pack(evg_doc *doc, const evg_event *ev)
{
    int rc = evg_doc__events_begin(doc);
    evg_doc_evpack *p = doc->evpack;
    if (rc || !p)
        return rc ? rc : EVG_ELIMIT;
    if (grow(&p->v, &p->cap, p->n + 1, sizeof(*p->v), 64) < 0)
        return EVG_ENOMEM;
    rc = pack(p, ev, PK_NONE, 0, &p->v[p->n]);
    if (!rc)
        p->n++;
    return rc;
}

evg_arg *evg_doc__args_take(evg_doc *doc, size_t n)
{
    evg_doc_evpack *p = doc->evpack;
    if (p && n && n <= RECYCLE_MAX && p->spare[n]) {
        void *v = p->spare[n];
        memcpy(&p->spare[n], v, sizeof(void *));
        return v;
    }
    if (!n || n > SIZE_MAX / sizeof(evg_arg))
        return NULL;
    return evg_arena_alloc(doc->arena, n * sizeof(evg_arg));
}

void evg_doc__args_give(evg_doc *doc, evg_arg *v, size_t cap)
{
    evg_doc_evpack *p = doc->evpack;
    if (!p || !v || !cap || cap > RECYCLE_MAX)
        return;
    memcpy(v, &p->spare[cap], sizeof(void *));
    p->spare[cap] = v;
}

void evg_doc__events_truncate(evg_doc *doc, size_t n)
{
    size_t np = n_packed(doc);
    if (n <= np) {
        if (doc->evpack)
            doc->evpack->n = n;
        doc->n_events = 0;
    } else if (n - np < doc->n_events) {
        doc->n_events = n - np;
    }
}

int evg_doc__events_unpack(evg_doc *doc)
{
    evg_doc_evpack *p = doc->evpack;
    if (!p)
        return 0;
    size_t n = p->n + doc->n_events;
    if (n && n > SIZE_MAX / sizeof(evg_event))
        return EVG_ENOMEM;
    evg_event *v = n ? evg_arena_alloc(doc->arena, n * sizeof(*v)) : NULL;
    if (n && !v)
        return EVG_ENOMEM;
    /* the arguments: arrays in the arena, one an event */
    size_t na = 0;
    for (size_t i = 0; i < p->n; i++)
        if (p->v[i].side != PK_NONE) {
            pk_side sd;
            side_get(p, p->v[i].side, &sd);
            na += sd.n_args;
        }
    evg_arg *args = na ? evg_arena_alloc(doc->arena, na * sizeof(*args))
                       : NULL;
    if (na && !args)
        return EVG_ENOMEM;
    for (size_t i = 0; i < p->n; i++) {
        (void)unpack(p, &p->v[i], &v[i], args);
        args += v[i].n_args;
    }
    if (doc->n_events)
        memcpy(v + p->n, doc->events, doc->n_events * sizeof(*v));
    doc->events = v;
    doc->n_events = doc->cap_events = n;
    evg_doc__events_free(doc);
    return 0;
}

size_t evg_doc__events_bytes(const evg_doc *doc)
{
    const evg_doc_evpack *p = doc->evpack;
    if (!p)
        return 0;
    return p->n * sizeof(*p->v) + p->n_sv * sizeof(*p->sv) +
           p->n_args * sizeof(*p->args) +
           p->strs.n * p->strs.size + p->kinds.n * p->kinds.size +
           p->times.n * p->times.size +
           (p->strs.nslot + p->kinds.nslot + p->times.nslot) *
               sizeof(uint32_t);
}

void evg_doc__events_free(evg_doc *doc)
{
    evg_doc_evpack *p = doc ? doc->evpack : NULL;
    if (!p)
        return;
    free(p->v);
    free(p->sv);
    free(p->args);
    free(p->scratch);
    blob_free(&p->strs);
    blob_free(&p->kinds);
    blob_free(&p->times);
    free(p);
    doc->evpack = NULL;
}
