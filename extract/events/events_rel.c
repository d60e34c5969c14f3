/* The event coder across the document: merges mentions of one event
 * ("Washington's decision to add the company to the list" and the executive
 * order that did it), drops nominal mentions that match nothing, then
 * writes the relations: causes from cue phrases, after for effects without
 * a date of their own, before from the events' dates. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "doc_events.h"
#include "events.h"

void evg_events__state_dispose(ev_state *st)
{
    free(st->ment);
    free(st->tx_order);
    free(st->tx_first);
    free(st->meta);
    free(st->rels);
    free(st->model_of);
    free(st->str_tab);
    free(st->alias);
    memset(st, 0, sizeof(*st));
}

/* The country an actor stands for when it acts as a state: countries,
 * governments and their officials, not companies or media of it. */
static const char *country_of(const evg_doc *doc, size_t e)
{
    if (e >= doc->n_entities)
        return NULL;
    const evg_entity *en = &doc->entities[e];
    if (en->code && strlen(en->code) > 3) {
        const char *sector = en->code + 3;
        if (strncmp(sector, "GOV", 3) != 0 && strncmp(sector, "MIL", 3) != 0 &&
            strncmp(sector, "LEG", 3) != 0 && strncmp(sector, "JUD", 3) != 0)
            return NULL;
    }
    return en->country;
}

/* 1: the two actor lists share an entity or a country, 0: both non-empty
 * and disjoint, -1: one is empty. */
static int actors_meet(const evg_doc *doc, const size_t *a, size_t na,
                       const size_t *b, size_t nb)
{
    if (!na || !nb)
        return -1;
    for (size_t i = 0; i < na; i++)
        for (size_t k = 0; k < nb; k++) {
            if (a[i] == b[k])
                return 1;
            const char *ca = country_of(doc, a[i]);
            const char *cb = country_of(doc, b[k]);
            if (ca && cb && strcmp(ca, cb) == 0)
                return 1;
        }
    return 0;
}

static int times_meet(const evg_event *a, const evg_event *b)
{
    if (a->time.basis != EVG_BASIS_TIMEX || b->time.basis != EVG_BASIS_TIMEX)
        return 1;
    if (!a->time.lo || !a->time.hi || !b->time.lo || !b->time.hi)
        return 1;
    return strcmp(a->time.lo, b->time.hi) <= 0 &&
           strcmp(b->time.lo, a->time.hi) <= 0;
}

static int same_event(const ev_state *st, size_t i, size_t j)
{
    const evg_doc *doc = st->doc;
    const evg_event *a = &doc->events[i], *b = &doc->events[j];
    const ev_meta *ma = &st->meta[i], *mb = &st->meta[j];
    if (ma->statement || mb->statement)
        return 0;
    if (!a->cameo || !b->cameo || strncmp(a->cameo, b->cameo, 3) != 0)
        return 0;
    if (ma->sentence == mb->sentence && !ma->noun && !mb->noun)
        return 0;
    if ((a->modality == EVG_MOD_NEGATED) != (b->modality == EVG_MOD_NEGATED))
        return 0;
    int t = actors_meet(doc, a->target, a->n_target, b->target, b->n_target);
    int s = actors_meet(doc, a->source, a->n_source, b->source, b->n_source);
    if (t == 0 || s == 0)
        return 0;
    if (t < 0 && s < 0)
        return 0;
    if (t < 0 && !(ma->noun || mb->noun))
        return 0; /* two verbs with one shared side: maybe two events */
    return times_meet(a, b);
}

/* A statement between the same actors as an earlier event elaborates it
 * ("the US keeps telling the ministry ..." after "the US called on South
 * Korea ..."). */
static int same_exchange(const ev_state *st, size_t keep, size_t stmt)
{
    const evg_doc *doc = st->doc;
    const evg_event *a = &doc->events[keep], *b = &doc->events[stmt];
    if (st->meta[keep].statement)
        return 0;
    return actors_meet(doc, a->source, a->n_source, b->source,
                       b->n_source) == 1 &&
           actors_meet(doc, a->target, a->n_target, b->target,
                       b->n_target) == 1;
}

static int better(const ev_state *st, size_t i, size_t j)
{
    const evg_event *a = &st->doc->events[i], *b = &st->doc->events[j];
    int sa = (a->time.basis == EVG_BASIS_TIMEX) * 4 + !st->meta[i].noun * 2 +
             (a->n_source > 0);
    int sb = (b->time.basis == EVG_BASIS_TIMEX) * 4 + !st->meta[j].noun * 2 +
             (b->n_source > 0);
    if (sa != sb)
        return sa > sb;
    return i < j;
}

/* The mention arrays of the merge are recycled up to this capacity (an
 * array of more, 12 KiB and up, grows in a block of its own: see
 * evg_arena_push) */
#define SPARE_MENT_MAX 512

/* The bucket of capacity `cap`, or -1 when it is not recycled (not a power
 * of two up to SPARE_MENT_MAX: an array the merge did not make). */
static int spare_bucket(size_t cap)
{
    for (int k = 0; (size_t)1 << k <= SPARE_MENT_MAX; k++)
        if ((size_t)1 << k == cap)
            return k;
    return -1;
}

/* Gives back the mention array of event `ev`, which nothing else points
 * to any more. */
static void give_mentions(ev_state *st, evg_event *ev)
{
    int k = spare_bucket(ev->cap_mentions);
    if (k < 0 || !ev->mentions)
        return;
    memcpy(ev->mentions, &st->spare_ment[k], sizeof(void *));
    st->spare_ment[k] = ev->mentions;
    ev->mentions = NULL;
    ev->n_mentions = ev->cap_mentions = 0;
}

static int add_mention(ev_state *st, evg_event *keep, const evg_span *sp)
{
    evg_doc *doc = st->doc;
    size_t n = keep->n_mentions, cap = keep->cap_mentions;
    int k = spare_bucket(cap ? cap * 2 : 1);
    if (n == cap && k >= 0 && (cap == 0 || spare_bucket(cap) >= 0)) {
        /* double it in recycled room, and recycle the old */
        evg_span *v = st->spare_ment[k];
        if (v)
            memcpy(&st->spare_ment[k], v, sizeof(void *));
        else if (!(v = evg_arena_alloc(doc->arena,
                                       ((size_t)1 << k) * sizeof(*v))))
            return EVG_ENOMEM;
        if (n)
            memcpy(v, keep->mentions, n * sizeof(*v));
        give_mentions(st, keep);
        keep->mentions = v;
        keep->n_mentions = n;
        keep->cap_mentions = (size_t)1 << k;
    }
    evg_span *m = EVG_DOC_PUSH(doc, keep->mentions, keep->n_mentions,
                               keep->cap_mentions);
    if (!m)
        return EVG_ENOMEM;
    *m = *sp;
    return 0;
}

/* Folds event `drop` into `keep`. */
static int fold(ev_state *st, size_t keep, size_t drop)
{
    evg_doc *doc = st->doc;
    evg_event *k = &doc->events[keep];
    evg_event *d = &doc->events[drop];
    if (add_mention(st, k, &d->trigger))
        return EVG_ENOMEM;
    for (size_t i = 0; i < d->n_mentions; i++)
        if (add_mention(st, k, &d->mentions[i]))
            return EVG_ENOMEM;
    /* copied: the dropped event's own array is for later merges */
    give_mentions(st, d);
    if (!k->n_source && d->n_source) {
        k->source = d->source;
        k->n_source = d->n_source;
        k->cap_source = d->cap_source;
    }
    if (!k->n_target && d->n_target) {
        k->target = d->target;
        k->n_target = d->n_target;
        k->cap_target = d->cap_target;
    }
    if (k->time.basis != EVG_BASIS_TIMEX && d->time.basis == EVG_BASIS_TIMEX)
        k->time = d->time;
    if (k->duration == EVG_NONE)
        k->duration = d->duration;
    if (k->attributed == EVG_NONE && d->attributed != EVG_NONE) {
        k->attributed = d->attributed;
        if (k->modality == EVG_MOD_ASSERTED)
            k->modality = EVG_MOD_REPORTED;
    }
    if (d->confidence > k->confidence)
        k->confidence = d->confidence;
    if (!k->summary || st->meta[keep].noun)
        k->summary = d->summary ? d->summary : k->summary;
    st->meta[drop].dead = 1;
    st->meta[keep].mention_only = 0;
    return 0;
}

/* alias[] covers the original numbers of the first `n` events. */
static int alias_cover(ev_state *st, size_t n)
{
    size_t want = n + st->shift;
    if (want >= UINT32_MAX)
        return EVG_ELIMIT;
    if (want <= st->n_alias)
        return 0;
    if (evg_reserve_raw(&st->alias, &st->cap_alias, want, sizeof(*st->alias),
                        64) < 0)
        return EVG_ENOMEM;
    for (size_t o = st->n_alias; o < want; o++)
        st->alias[o] = (uint32_t)o;
    st->n_alias = want;
    return 0;
}

/* Compares each event from `merged` up to `upto` with the MERGE_BACK
 * events made before it (the merged-away ones among them count) and folds
 * mentions of one event together. */
static int merge_upto(ev_state *st, size_t upto)
{
    int rc = alias_cover(st, upto);
    if (rc)
        return rc;
    for (size_t i = st->merged; i < upto; i++) {
        size_t lim = i > MERGE_BACK ? i - MERGE_BACK : 0;
        for (size_t j = i; j-- > lim;) {
            if (st->meta[j].dead || st->meta[i].dead)
                continue;
            int stmt = st->meta[i].statement && same_exchange(st, j, i);
            if (!stmt && !same_event(st, j, i))
                continue;
            size_t keep = stmt ? j : (better(st, j, i) ? j : i);
            size_t drop = keep == j ? i : j;
            if ((rc = fold(st, keep, drop)))
                return rc;
            st->alias[drop + st->shift] = (uint32_t)(keep + st->shift);
            if (keep == i)
                continue; /* i lives on: look for further partners */
            break;
        }
    }
    if (upto > st->merged)
        st->merged = upto;
    return 0;
}

/* The events from `kept` up to `end` are final (no later event is
 * compared with them): drops the nominal mentions without an actor that
 * matched nothing, and counts the others (n_final). Packed (doc_events.h):
 * the live ones go to the document's packed events and leave doc->events
 * with those merged away, the events after them moving to its start
 * (`kept` stays 0); else they stay, the events after them moving over
 * the room of those merged away. */
static int settle(ev_state *st, size_t end)
{
    evg_doc *doc = st->doc;
    int packed = evg_doc__events_packable(doc);
    size_t w = st->kept;
    for (size_t i = st->kept; i < end; i++) {
        if (st->meta[i].mention_only && !st->meta[i].dead) {
            st->meta[i].dead = 1;
            st->alias[i + st->shift] = UINT32_MAX;
        }
        if (packed && st->meta[i].dead) {
            evg_doc__args_give(doc, doc->events[i].args,
                               doc->events[i].cap_args);
            continue;
        }
        if (st->meta[i].dead)
            continue;
        st->n_final += !st->coded_only || doc->events[i].cameo;
        if (packed) {
            /* its arguments are packed with it: their room is for later
             * events */
            int rc = evg_doc__events_pack(doc, &doc->events[i]);
            if (rc)
                return rc;
            evg_doc__args_give(doc, doc->events[i].args,
                               doc->events[i].cap_args);
            continue;
        }
        if (w != i) {
            doc->events[w] = doc->events[i];
            st->meta[w] = st->meta[i];
        }
        w++;
    }
    size_t gone = end - w;
    if (gone) {
        memmove(&doc->events[w], &doc->events[end],
                (doc->n_events - end) * sizeof(*doc->events));
        memmove(&st->meta[w], &st->meta[end],
                (st->n_meta - end) * sizeof(*st->meta));
        doc->n_events -= gone;
        st->n_meta -= gone;
        st->shift += gone;
        st->merged -= gone;
        if (st->q_from != EVG_NONE)
            st->q_from -= gone;
    }
    st->kept = w;
    return 0;
}

/* settle() when this many events at least are final */
#define SETTLE_MIN 256

int evg_events__merge_progress(ev_state *st)
{
    size_t n = st->doc->n_events;
    /* a quotation still open may yet attribute its events */
    size_t upto = st->q_from != EVG_NONE && st->q_from < n ? st->q_from : n;
    int rc = merge_upto(st, upto);
    if (rc)
        return rc;
    if (st->merged > MERGE_BACK &&
        st->merged - MERGE_BACK >= st->kept + SETTLE_MIN) {
        rc = settle(st, st->merged - MERGE_BACK);
    }
    return rc;
}

static size_t resolve(const uint32_t *alias, size_t i)
{
    for (int guard = 0; i != EVG_NONE && alias[i] != i && guard < 64;
         guard++)
        i = alias[i] == UINT32_MAX ? EVG_NONE : alias[i];
    return i;
}

typedef struct dated {
    const char *lo, *hi;
    size_t index;
} dated;

/* Is the trigger of `e` a present perfect ("has repeatedly called")? Such
 * an event reaches up to the time of the report, so it keeps the document
 * date; only a simple-past effect takes its dates from its cause. */
static int present_perfect(const evg_doc *doc, const evg_event *e)
{
    const char *t = doc->text;
    size_t p = e->trigger.start;
    if (!t || p > doc->text_len)
        return 0;
    for (int words = 0; words < 3; words++) {
        while (p > 0 && (t[p - 1] == ' ' || t[p - 1] == '\t' || t[p - 1] == '\n'))
            p--;
        size_t end = p;
        while (p > 0 && (isalpha((unsigned char)t[p - 1]) || t[p - 1] == '\''))
            p--;
        size_t n = end - p;
        if (n == 0)
            return 0;
        if ((n == 3 && strncasecmp(t + p, "has", 3) == 0) ||
            (n == 4 && strncasecmp(t + p, "have", 4) == 0) ||
            (n >= 3 && strncasecmp(t + end - 3, "'ve", 3) == 0))
            return 1;
        /* adverbs between auxiliary and participle: "has repeatedly" */
        if (!(n > 3 && strncasecmp(t + end - 2, "ly", 2) == 0) &&
            !(n == 4 && strncasecmp(t + p, "also", 4) == 0) &&
            !(n == 7 && strncasecmp(t + p, "already", 7) == 0))
            return 0;
    }
    return 0;
}

static int cmp_dated(const void *a, const void *b)
{
    const dated *x = a, *y = b;
    int c = strcmp(x->lo, y->lo);
    if (c)
        return c;
    if ((c = strcmp(x->hi, y->hi)))
        return c;
    return x->index < y->index ? -1 : (x->index > y->index);
}

static int has_rel(const evg_doc *doc, evg_rel_type t, size_t from,
                   size_t to, size_t since)
{
    /* duplicates come from the same sentence: look at the recent ones */
    if (doc->n_relations > since + 32)
        since = doc->n_relations - 32;
    for (size_t i = since; i < doc->n_relations; i++)
        if (doc->relations[i].type == t && doc->relations[i].from == from &&
            doc->relations[i].to == to)
            return 1;
    return 0;
}

static int push_rel(evg_doc *doc, evg_rel_type t, size_t from, size_t to,
                    size_t since)
{
    if (from == to || has_rel(doc, t, from, to, since))
        return 0;
    evg_relation *r =
        EVG_DOC_PUSH(doc, doc->relations, doc->n_relations,
                     doc->cap_relations);
    if (!r)
        return EVG_ENOMEM;
    r->type = t;
    r->from = from;
    r->to = to;
    return 0;
}

int evg_events__finish(ev_state *st)
{
    evg_doc *doc = st->doc;
    size_t first_new = 0;
    int rc = merge_upto(st, doc->n_events);
    if (rc)
        return rc;
    if ((rc = settle(st, doc->n_events)))
        return rc;
    /* the events' numbers as made, and their indexes now (packed ones
     * first: doc_events.h) */
    size_t n = st->n_alias;
    if (n == 0)
        return 0;
    size_t *newidx = malloc(n * sizeof(size_t));
    size_t n_ev = evg_doc__event_count(doc);
    dated *ds = malloc((n_ev ? n_ev : 1) * sizeof(dated));
    rc = EVG_ENOMEM;
    if (!newidx || !ds)
        goto done;
    size_t w = 0;
    for (size_t o = 0; o < n; o++)
        newidx[o] = st->alias[o] == o ? w++ : EVG_NONE;
    first_new = doc->n_relations;
    /* cue relations; effects without a date of their own follow their
     * cause */
    for (size_t r = 0; r < st->n_rels; r++) {
        size_t f = resolve(st->alias, st->rels[r].from);
        size_t t = resolve(st->alias, st->rels[r].to);
        if (f == EVG_NONE || t == EVG_NONE)
            continue;
        f = newidx[f];
        t = newidx[t];
        if (f == EVG_NONE || t == EVG_NONE || f == t)
            continue;
        if ((rc = push_rel(doc, st->rels[r].type, f, t, first_new)))
            goto done;
        if (st->rels[r].type != EVG_REL_CAUSES)
            continue;
        evg_event eff, cause;
        if ((rc = evg_doc__event_get(doc, f, &cause)) ||
            (rc = evg_doc__event_get(doc, t, &eff)))
            goto done;
        if (eff.time.basis != EVG_BASIS_TIMEX && cause.time.lo) {
            if (!present_perfect(doc, &eff)) {
                eff.time.basis = EVG_BASIS_RELATION;
                eff.time.value = NULL;
                eff.time.timex = EVG_NONE;
                eff.time.lo = cause.time.lo;
                eff.time.hi = st->dct && strcmp(st->dct, cause.time.lo) >= 0
                                  ? st->dct
                                  : NULL;
                if ((rc = evg_doc__event_put(doc, t, &eff)))
                    goto done;
            }
            if ((rc = push_rel(doc, EVG_REL_AFTER, t, f, first_new)))
                goto done;
        }
    }
    /* before, from dates: consecutive events in time order */
    size_t nd = 0;
    for (size_t i = 0; i < n_ev; i++) {
        evg_event e;
        if ((rc = evg_doc__event_get(doc, i, &e)))
            goto done;
        if (e.time.basis == EVG_BASIS_TIMEX && e.time.lo && e.time.hi) {
            ds[nd].lo = e.time.lo;
            ds[nd].hi = e.time.hi;
            ds[nd].index = i;
            nd++;
        }
    }
    evg_sort(ds, nd, sizeof(*ds), cmp_dated);
    for (size_t i = 0; i + 1 < nd; i++) {
        /* link to the next event that starts after this one ends */
        for (size_t k = i + 1; k < nd && k < i + 8; k++)
            if (strcmp(ds[i].hi, ds[k].lo) < 0) {
                if ((rc = push_rel(doc, EVG_REL_BEFORE, ds[i].index,
                                   ds[k].index, first_new)))
                    goto done;
                break;
            }
    }
    rc = 0;
done:
    free(newidx);
    free(ds);
    return rc;
}
