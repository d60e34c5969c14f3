/* The event coder, second half of a sentence: turns trigger candidates into
 * evg_event entries with time (the governing timex, else the sentence's,
 * else the DCT), duration, confidence and a short summary, and records the
 * causal and temporal cues between them for events_rel.c. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "doc_layer.h"
#include "entities.h"
#include "events.h"
#include "frames.h"

typedef struct tx_key {
    size_t sentence, start, index;
} tx_key;

static int cmp_timex(const void *a, const void *b)
{
    const tx_key *x = a, *y = b;
    if (x->sentence != y->sentence)
        return x->sentence < y->sentence ? -1 : 1;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return x->index < y->index ? -1 : (x->index > y->index);
}

int evg_events__timex_index(ev_state *st)
{
    evg_doc *doc = st->doc;
    size_t nt = doc->n_timexes;
    if (nt >= UINT32_MAX)
        return EVG_ELIMIT;
    st->tx_order = malloc((nt ? nt : 1) * sizeof(size_t));
    st->tx_first = calloc(doc->n_sentences + 2, sizeof(*st->tx_first));
    tx_key *keys = malloc((nt ? nt : 1) * sizeof(*keys));
    if (!st->tx_order || !st->tx_first || !keys) {
        free(keys);
        return EVG_ENOMEM;
    }
    size_t k = 0;
    for (size_t i = 0; i < nt; i++)
        if (doc->timexes[i].sentence < doc->n_sentences) {
            keys[k].sentence = doc->timexes[i].sentence;
            keys[k].start = doc->timexes[i].span.start;
            keys[k].index = i;
            k++;
        }
    evg_sort(keys, k, sizeof(*keys), cmp_timex);
    for (size_t i = 0; i < k; i++)
        st->tx_order[i] = keys[i].index;
    size_t pos = 0;
    for (size_t si = 0; si <= doc->n_sentences; si++) {
        while (pos < k && keys[pos].sentence < si)
            pos++;
        st->tx_first[si] = (uint32_t)pos;
    }
    free(keys);
    st->tx_first[doc->n_sentences] = (uint32_t)k;
    st->tx_first[doc->n_sentences + 1] = (uint32_t)k;
    st->prev_first = EVG_NONE;
    if (doc->dct[0] && !(st->dct = evg_doc_strdup(doc, doc->dct)))
        return EVG_ENOMEM;
    return 0;
}

int evg_events__add_rel(ev_state *st, evg_rel_type type, size_t from,
                        size_t to)
{
    if (from == EVG_NONE || to == EVG_NONE || from == to)
        return 0;
    return evg_events__add_rel_orig(st, type, from + st->shift,
                                    to + st->shift);
}

int evg_events__add_rel_orig(ev_state *st, evg_rel_type type, size_t from,
                             size_t to)
{
    if (from == EVG_NONE || to == EVG_NONE || from == to)
        return 0;
    if (evg_reserve_raw(&st->rels, &st->cap_rels, st->n_rels + 1,
                        sizeof(*st->rels), 16) < 0)
        return EVG_ENOMEM;
    st->rels[st->n_rels].type = type;
    st->rels[st->n_rels].from = from;
    st->rels[st->n_rels].to = to;
    st->n_rels++;
    return 0;
}

/* Token holding byte `off`, or the first token after it. */
size_t evg_events__token_at(const sent_ctx *s, size_t off)
{
    size_t lo = 0, hi = s->tok.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->tok.v[mid].end <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* A timex right after a reporting verb ("said on Thursday") dates the
 * report, not what it reports. */
static int report_time(const sent_ctx *s, size_t tt, size_t *reporter)
{
    for (size_t i = 0; i < s->n_cand; i++) {
        const cand *c = &s->cand[i];
        if (c->pat->kind != EVG_TK_REPORT || c->head >= tt ||
            tt > c->end + 3)
            continue;
        int ok = 1;
        for (size_t j = c->end; j < tt && ok; j++) {
            int fill = 0;
            for (const char *const *f = evg_events__report_fillers; *f; f++)
                fill |= evg_events__is(s, j, *f);
            ok = fill;
        }
        if (ok) {
            *reporter = i;
            return 1;
        }
    }
    return 0;
}

static int word_any(const sent_ctx *s, size_t j, const char *const *w)
{
    for (; *w; w++)
        if (evg_events__is(s, j, *w))
            return 1;
    return 0;
}

static int is_comma(const sent_ctx *s, size_t j)
{
    return (s->tok.v[j].flags & EVG_TOK_PUNCT) &&
           s->text[s->tok.v[j].start] == ',';
}


/* Whether tokens [a, b) (outside time expressions) hold a clause of their
 * own: a comma or dash, a clause boundary, another trigger, an auxiliary, a
 * pronoun subject, a conjunction, or a past form after a noun ("the
 * company sold"); an adverbial ("at a news conference") or a subject
 * ("Apple CEO Steve Jobs") does not. */
static int clausal(const sent_ctx *s, size_t a, size_t b, size_t head)
{
    if (b <= a)
        return 0;
    if (s->bar[b] != s->bar[a])
        return 1;
    for (size_t j = a; j < b; j++) {
        if (s->in_tx[j])
            continue;
        const evg_token *t = &s->tok.v[j];
        /* a comma or dash sets off a clause or an aside; a symbol ("$",
         * "%") does not */
        int sep = (t->flags & EVG_TOK_PUNCT) &&
                  strchr(",-;:", s->text[t->start]) != NULL;
        if (sep || (t->flags & EVG_TOK_PUNCT &&
                    (unsigned char)s->text[t->start] >= 0x80 &&
                    t->end - t->start == 3 &&
                    memcmp(s->text + t->start, "\xe2\x80", 2) == 0) ||
            (s->trig_at[j] && j != head) ||
            word_any(s, j, evg_events__clause_markers))
            return 1;
        if (j > a && !word_any(s, j - 1, evg_events__phrase_openers) &&
            evg_events__inflection(s->text + t->start, t->end - t->start) ==
                'd')
            return 1;
    }
    return 0;
}

/* Whether the timex at tokens [tt, te) is the reporting verb ci's own
 * time, not one of what it reports. A reporter takes a time of its own
 * clause only: right after it ("said on Thursday", "announced Tuesday",
 * "said in a statement on Thursday", "announced new laptops on
 * Wednesday"), between subject and verb ("Apple on Tuesday announced"),
 * or in an adverbial opening the sentence ("On Tuesday, Apple said").
 * The time of its complement ("said that his company sold ... last
 * year", "announced that X would be soon available", "announced X, on
 * sale now") or of a report it follows ("The switch will happen next
 * year, he said") is not its own. */
static int own_report_time(const sent_ctx *s, size_t ci, size_t tt,
                           size_t te)
{
    const cand *c = &s->cand[ci];
    size_t rep;
    if (tt >= c->end) {
        if (report_time(s, tt, &rep) && rep == ci)
            return 1;
        return tt <= c->end + 8 && !clausal(s, c->end, tt, c->head);
    }
    if (te > c->head)
        return 0;
    size_t comma = EVG_NONE;
    for (size_t j = te; j < c->head; j++)
        if (is_comma(s, j)) {
            comma = j;
            break;
        }
    if (comma == EVG_NONE)
        return !clausal(s, te, c->head, c->head);
    /* an opening adverbial: from the sentence start or a comma, made of
     * a preposition or the time itself, then the subject */
    size_t cs = tt;
    while (cs > 0 && !is_comma(s, cs - 1))
        cs--;
    if (!s->in_tx[cs] && !word_any(s, cs, evg_events__phrase_openers))
        return 0;
    return !clausal(s, cs, tt, c->head) && !clausal(s, te, comma, c->head) &&
           !clausal(s, comma + 1, c->head, c->head);
}

int evg_events__pick_time(ev_state *st, const sent_ctx *s, size_t head,
                          int report, size_t ci, evg_event *ev)
{
    evg_doc *doc = st->doc;
    size_t best = EVG_NONE, best_bar = 0, best_dist = 0;
    for (size_t k = s->tx_lo; k < s->tx_hi;
         k++) {
        size_t ti = st->tx_order[k];
        const evg_timex *tx = &doc->timexes[ti];
        if (tx->type == EVG_TIMEX_DURATION || tx->type == EVG_TIMEX_SET)
            continue;
        size_t tt = evg_events__token_at(s, tx->span.start);
        /* the parse says which predicate the expression modifies */
        int fits =
            evg_events__timex_fits(s, head, tx->span.start, tx->span.end);
        if (fits == 2) {
            best = ti;
            break;
        }
        if (!fits)
            continue;
        size_t rep;
        /* the report's own time, which the parse gives the reported
         * event when its tense puts it there (fits 3) */
        if (fits != 3 && report_time(s, tt, &rep) && rep != ci)
            continue;
        if (report && ci != EVG_NONE &&
            !own_report_time(s, ci, tt, evg_events__token_at(s, tx->span.end)))
            continue;
        size_t bar = evg_events__barriers(s, head, tt);
        size_t dist = tt > head ? tt - head : head - tt;
        if (best == EVG_NONE || bar < best_bar ||
            (bar == best_bar && dist < best_dist)) {
            best = ti;
            best_bar = bar;
            best_dist = dist;
        }
    }
    ev->duration = EVG_NONE;
    if (best != EVG_NONE) {
        const evg_timex *tx = &doc->timexes[best];
        ev->time.value = tx->value;
        ev->time.lo = tx->lo;
        ev->time.hi = tx->hi;
        ev->time.timex = best;
        ev->time.basis = EVG_BASIS_TIMEX;
        /* "it now uses", "currently sells": the time of writing */
        if (st->dct && !tx->lo && tx->value &&
            strcmp(tx->value, "PRESENT_REF") == 0) {
            ev->time.lo = st->dct;
            ev->time.hi = st->dct;
        }
    } else if (st->dct) {
        ev->time.value = st->dct;
        ev->time.lo = st->dct;
        ev->time.hi = st->dct;
        ev->time.timex = EVG_NONE;
        ev->time.basis = EVG_BASIS_DCT;
    } else {
        ev->time.timex = EVG_NONE;
        ev->time.basis = EVG_BASIS_NONE;
    }
    evg_events__tense_time(st, s, head, ev);
    evg_events__narrative_time(st, s, head, ev);
    return evg_events__future_time(st, s, head, ev);
}

/* Durations ("for another 90 days") bound the nearest event before them
 * in the same clause. */
static void attach_durations(ev_state *st, const sent_ctx *s)
{
    evg_doc *doc = st->doc;
    for (size_t k = s->tx_lo; k < s->tx_hi;
         k++) {
        size_t ti = st->tx_order[k];
        if (doc->timexes[ti].type != EVG_TIMEX_DURATION)
            continue;
        size_t tt = evg_events__token_at(s, doc->timexes[ti].span.start);
        const cand *best = NULL;
        for (size_t i = 0; i < s->n_cand; i++) {
            const cand *c = &s->cand[i];
            if (c->ev == EVG_NONE || c->head >= tt || tt > c->head + 20 ||
                evg_events__barriers(s, c->head, tt))
                continue;
            best = c;
        }
        if (best && doc->events[best->ev].duration == EVG_NONE)
            doc->events[best->ev].duration = ti;
    }
}

/* ---- summary ---- */

static void put_third_person(evg_buf *b, const char *lemma)
{
    size_t n = strlen(lemma);
    evg_buf_puts(b, lemma);
    if (n == 0)
        return;
    char last = lemma[n - 1];
    char prev = n > 1 ? lemma[n - 2] : 0;
    if (last == 's' || last == 'x' || last == 'z' || last == 'o' ||
        (last == 'h' && (prev == 's' || prev == 'c')))
        evg_buf_puts(b, "es");
    else if (last == 'y' && prev && !strchr("aeiou", prev)) {
        b->len--;
        evg_buf_puts(b, "ies");
    } else {
        evg_buf_putc(b, 's');
    }
}

/* A summary cut at its word limit must not end on a word that leads into
 * what was cut ("postpones restrictions ... for"). */
static void trim_dangling(evg_buf *b)
{
    for (int again = 1; again && !b->failed && b->len;) {
        again = 0;
        size_t sp = b->len;
        while (sp > 0 && b->data[sp - 1] != ' ')
            sp--;
        if (sp == 0)
            break; /* never drop the trigger itself */
        for (const char *const *w = evg_events__dangling; *w; w++) {
            if (strlen(*w) == b->len - sp &&
                strncmp(b->data + sp, *w, b->len - sp) == 0) {
                b->len = sp - 1;
                b->data[b->len] = '\0';
                again = 1;
                break;
            }
        }
    }
}

static const char *make_summary(ev_state *st, const sent_ctx *s,
                                const cand *c)
{
    evg_buf b;
    evg_buf_init(&b, 160);
    const evg_trig_pat *p = c->pat;
    if (c->noun) {
        const evg_token *t = &s->tok.v[c->head];
        const evg_token *e = t;
        if (p->n_words > 1 && evg_trig_literal(p->words[1]) &&
            c->end > c->head)
            e = &s->tok.v[c->end - 1]; /* "hunger strike" */
        evg_buf_append(&b, s->text + t->start, e->end - t->start);
    } else {
        /* multi-word heads ("call on", "hold talks"): the first word
         * inflected, the rest of the literal run as written */
        put_third_person(&b, p->words[0]);
        for (size_t w = 1; w < p->n_words && evg_trig_literal(p->words[w]);
             w++) {
            evg_buf_putc(&b, ' ');
            evg_buf_puts(&b, p->words[w]);
        }
    }
    size_t first = c->head + 1;
    if (p->n_words > 1 && evg_trig_literal(p->words[1]))
        first = c->end;
    size_t stop = c->end;
    /* reach the target's mention when it comes soon after */
    for (size_t j = first; j < s->tok.n && j < c->head + 10; j++) {
        int hit = 0;
        if (s->ent[j] != EVG_NONE)
            for (size_t k = 0; k < c->tgt.n; k++)
                hit |= s->ent[j] == c->tgt.v[k];
        if (hit) {
            while (j + 1 < s->tok.n && s->mid[j + 1] == s->mid[j])
                j++;
            /* "its activity": the possessed noun too */
            if (j + 1 < s->tok.n && !(s->tok.v[j].flags & EVG_TOK_CAP) &&
                s->tok.v[j].end - s->tok.v[j].start <= 5)
                j++;
            if (j + 1 > stop)
                stop = j + 1;
            break;
        }
    }
    if (c->passive && c->tgt.n) {
        const evg_entity *e = &st->doc->entities[c->tgt.v[0]];
        evg_buf_putc(&b, ' ');
        evg_buf_puts(&b, e->name ? e->name : "");
        stop = first;
    }
    size_t words = 0;
    size_t last_m = EVG_NONE;
    for (size_t j = first; j < stop && j < s->tok.n && words < 8; j++) {
        const evg_token *t = &s->tok.v[j];
        if (evg_events__is(s, j, "a") || evg_events__is(s, j, "an") ||
            evg_events__is(s, j, "the"))
            continue;
        if (t->flags & EVG_TOK_PUNCT && !(s->text[t->start] == '-'))
            continue;
        if (s->ent[j] != EVG_NONE) {
            if (s->mid[j] == last_m)
                continue;
            last_m = s->mid[j];
            const evg_entity *e = &st->doc->entities[s->ent[j]];
            int pron = t->end - t->start <= 5 &&
                       !(t->flags & EVG_TOK_CAP);
            evg_buf_putc(&b, ' ');
            if (pron || !e->name)
                evg_buf_append(&b, s->text + t->start, t->end - t->start);
            else
                evg_buf_puts(&b, e->name);
            words++;
            continue;
        }
        evg_buf_putc(&b, ' ');
        evg_buf_append(&b, s->text + t->start, t->end - t->start);
        words++;
    }
    trim_dangling(&b);
    const char *out = NULL;
    if (!b.failed && b.len)
        out = evg_events__str(st, b.data, b.len);
    else if (!b.failed)
        out = NULL;
    evg_buf_dispose(&b);
    return out;
}


/* Is entity `e` a government named only as such ("the US government",
 * "the administration", "Chinese authorities")? */
static int generic_government(const evg_entity *e)
{
    if (!e->name || e->kind != EVG_KIND_GOVERNMENT)
        return 0;
    const char *last = strrchr(e->name, ' ');
    last = last ? last + 1 : e->name;
    for (const char *const *w = evg_events__generic_gov; *w; w++)
        if (strcasecmp(last, *w) == 0)
            return 1;
    return 0;
}

/* Is the last mention of country entity `e` in [from, to) one that speaks
 * for its government ("the US government", a mention of the United States
 * with the code USAGOV, extract/actors/)? */
static int government_mention(const evg_entity *e, size_t from, size_t to)
{
    if (e->kind != EVG_KIND_COUNTRY)
        return 0;
    const evg_mention *last = NULL;
    for (size_t k = 0; k < e->n_mentions; k++)
        if (e->mentions[k].span.start >= from && e->mentions[k].span.end <= to)
            last = &e->mentions[k];
    return last && last->code && strlen(last->code) == 6 &&
           strcmp(last->code + 3, "GOV") == 0;
}

/* "The US Commerce Department said ... the US government would delay the
 * ban": a government body or official that reports what its own
 * government will do speaks of its own act, so it is the source (and
 * still the attributed reporter). The government is a body named as such
 * or its country's mention that speaks for it. */
static void speaker_acts(evg_doc *doc, evg_event *ev, size_t sent_start)
{
    if (ev->attributed == EVG_NONE || ev->n_source != 1 ||
        ev->source[0] >= doc->n_entities ||
        ev->attributed >= doc->n_entities)
        return;
    const evg_entity *agent = &doc->entities[ev->source[0]];
    const evg_entity *sp = &doc->entities[ev->attributed];
    if (!(generic_government(agent) ||
          government_mention(agent, sent_start, ev->trigger.start)) ||
        !agent->country || !sp->country ||
        strcmp(agent->country, sp->country) != 0 || !sp->code ||
        strcmp(evg_extract__entity_sector(sp), "GOV") != 0)
        return;
    ev->source[0] = ev->attributed;
    for (size_t q = 0; q < ev->n_target;)
        if (ev->target[q] == ev->attributed)
            ev->target[q] = ev->target[--ev->n_target];
        else
            q++;
}

/* How sure the coder is of the record as a whole: who did what to whom.
 * An event whose agent is unknown stays below 0.5, as do bare statements;
 * both actors, a verb and a multi-word pattern bring it near 0.9. */
static double confidence(const cand *c)
{
    double v = 0.1;
    if (c->src.n)
        v += 0.45;
    if (c->tgt.n || c->pat->n_targets == 0)
        v += 0.2;
    if (!c->noun)
        v += 0.1;
    if (c->pat->n_words > 1)
        v += 0.05;
    if (c->pat->kind == EVG_TK_REPORT && !c->demand)
        v -= 0.2;
    return v > 0.95 ? 0.95 : (v < 0.05 ? 0.05 : v);
}

static int push_actors(evg_doc *doc, size_t **v, size_t *n, size_t *cap,
                       const actor_set *as)
{
    for (size_t i = 0; i < as->n; i++) {
        size_t *slot = evg_doc_push(doc, v, n, cap, sizeof(size_t));
        if (!slot)
            return EVG_ENOMEM;
        *slot = as->v[i];
    }
    return 0;
}

int evg_events__push_meta(ev_state *st, const ev_meta *m)
{
    if (evg_reserve_raw(&st->meta, &st->cap_meta, st->n_meta + 1,
                        sizeof(*st->meta), 32) < 0)
        return EVG_ENOMEM;
    st->meta[st->n_meta++] = *m;
    return 0;
}

/* Whether the predicate of trigger token h governs an adverbial clause
 * opened by an ultimatum's marker ("... unless Chad holds elections"). */
static int on_condition(const sent_ctx *s, size_t h)
{
    size_t p = s->n_ud ? evg_events__ud_word(s, h) : EVG_NONE;
    if (p == EVG_NONE)
        return 0;
    for (size_t j = 0; j < s->n_ud; j++) {
        if (s->ud[j].head != p + 1 || !evg_fr_base_is(s->ud[j].deprel, "advcl"))
            continue;
        for (size_t k = 0; k < s->n_ud; k++)
            if (s->ud[k].head == j + 1 && s->ud[k].deprel &&
                strcmp(s->ud[k].deprel, "mark") == 0 && s->ud[k].lemma &&
                ev_bytes_in(s->ud[k].lemma, strlen(s->ud[k].lemma),
                            evg_events__ultimatum_marks))
                return 1;
    }
    return 0;
}

static int emit_one(ev_state *st, sent_ctx *s, size_t ci)
{
    cand *c = &s->cand[ci];
    evg_doc *doc = st->doc;
    const evg_cameo *code = c->pat->cameo;
    /* killing and attacking by armed forces is conventional military
     * force (19), not unconventional violence (18) */
    if (strcmp(code->code, "180") == 0) {
        for (size_t i = 0; i < c->src.n; i++) {
            const char *ac = doc->entities[c->src.v[i]].code;
            if (ac && strlen(ac) >= 6 && memcmp(ac + 3, "MIL", 3) == 0) {
                const evg_cameo *f = evg_events__cameo(st->trig, "190");
                if (f)
                    code = f;
                break;
            }
        }
    }
    if (c->demand) {
        const evg_cameo *d = evg_events__cameo(st->trig, "100");
        if (d)
            code = d;
    }
    /* "will withdraw its force unless Chad holds elections": an act
     * announced on a condition the other side must meet is an ultimatum
     * (CAMEO 139), whatever the act; statements and threats keep their
     * code */
    if (c->mod == EVG_MOD_PLANNED && strncmp(code->code, "01", 2) != 0 &&
        strncmp(code->code, "02", 2) != 0 &&
        strncmp(code->code, "13", 2) != 0 && on_condition(s, c->head)) {
        const evg_cameo *u = evg_events__cameo(st->trig, "139");
        if (u)
            code = u;
    }
    evg_event *ev =
        EVG_DOC_PUSH(doc, doc->events, doc->n_events, doc->cap_events);
    if (!ev)
        return EVG_ENOMEM;
    c->ev = doc->n_events - 1;
    if (!(ev->cameo = evg_events__strz(st, code->code)) ||
        !(ev->label = evg_events__strz(st, code->label)))
        return EVG_ENOMEM;
    ev->quad_class = code->quad_class;
    ev->goldstein = code->goldstein;
    const evg_token *h = &s->tok.v[c->head];
    size_t tend = h->end;
    int gap = 0;
    for (size_t w = 1; w < c->pat->n_words; w++)
        gap |= !evg_trig_literal(c->pat->words[w]);
    if (!gap && c->end > c->head)
        tend = s->tok.v[c->end - 1].end;
    if (evg_events__span(st, &ev->trigger, h->start, tend))
        return EVG_ENOMEM;
    if (push_actors(doc, &ev->source, &ev->n_source, &ev->cap_source,
                    &c->src) ||
        push_actors(doc, &ev->target, &ev->n_target, &ev->cap_target,
                    &c->tgt))
        return EVG_ENOMEM;
    if (c->framed) {
        evg_frame f;
        evg_events__cand_frame(s, c, &f);
        if (evg_events__frame_args(st, s, &f, ev, NULL))
            return EVG_ENOMEM;
    }
    if (evg_events__pick_time(st, s, c->head, c->pat->kind == EVG_TK_REPORT,
                              ci, ev))
        return EVG_ENOMEM;
    ev->modality = c->mod;
    ev->attributed = c->attributed;
    speaker_acts(doc, ev, evg_doc__sentence(doc, s->index).start);
    ev->sentence = s->index;
    ev->confidence = confidence(c);
    ev->summary = make_summary(st, s, c);
    ev_meta m = {0};
    m.sentence = (uint32_t)s->index;
    m.noun = c->noun != 0;
    m.statement = c->pat->kind == EVG_TK_REPORT;
    m.mention_only = c->noun && !c->src.n;
    return evg_events__push_meta(st, &m);
}

/* Cue phrases inside the sentence: the event after the cue causes (or
 * precedes) the one it modifies. Returns the number of tokens of the cue
 * at token j, and its relation in *type (causes or before-reversed). */
static size_t cue_at(const sent_ctx *s, size_t j, int *kind)
{
    /* every cue starts with one of these letters: skip the rest fast */
    char c0 = (char)tolower((unsigned char)s->text[s->tok.v[j].start]);
    if (!strchr("abdfi", c0) || !(s->tok.v[j].flags & EVG_TOK_WORD))
        return 0;
    /* kind 1: causes (cause follows the cue), 2: after (the event after the
     * cue came first), 3: before (the event after the cue came later) */
    if (evg_events__is(s, j, "because") && evg_events__is(s, j + 1, "of")) {
        *kind = 1;
        return 2;
    }
    if (evg_events__is(s, j, "due") && evg_events__is(s, j + 1, "to")) {
        *kind = 1;
        return 2;
    }
    if (evg_events__is(s, j, "in") && evg_events__is(s, j + 1, "the") &&
        evg_events__is(s, j + 2, "wake") && evg_events__is(s, j + 3, "of")) {
        *kind = 1;
        return 4;
    }
    if (evg_events__is(s, j, "as") && evg_events__is(s, j + 1, "a") &&
        (evg_events__is(s, j + 2, "result") ||
         evg_events__is(s, j + 2, "consequence")) &&
        evg_events__is(s, j + 3, "of")) {
        *kind = 1;
        return 4;
    }
    if (evg_events__is(s, j, "in") &&
        (evg_events__is(s, j + 1, "response") ||
         evg_events__is(s, j + 1, "retaliation") ||
         evg_events__is(s, j + 1, "reaction")) &&
        (evg_events__is(s, j + 2, "to") || evg_events__is(s, j + 2, "for"))) {
        *kind = 1;
        return 3;
    }
    if (evg_events__is(s, j, "because") || evg_events__is(s, j, "following")) {
        *kind = 1;
        return 1;
    }
    if (evg_events__is(s, j, "after")) {
        *kind = 2;
        return 1;
    }
    if (evg_events__is(s, j, "before")) {
        *kind = 3;
        return 1;
    }
    return 0;
}

static int sentence_cues(ev_state *st, sent_ctx *s, size_t first_ev)
{
    int rc = 0;
    /* "As a result, ...": the previous sentence's main event causes this
     * sentence's first */
    size_t lim = s->tok.n < 5 ? s->tok.n : 5;
    for (size_t j = 0; j < lim; j++) {
        int res = (evg_events__is(s, j, "as") &&
                   evg_events__is(s, j + 1, "a") &&
                   (evg_events__is(s, j + 2, "result") ||
                    evg_events__is(s, j + 2, "consequence")) &&
                   !evg_events__is(s, j + 3, "of")) ||
                  evg_events__is(s, j, "consequently") ||
                  evg_events__is(s, j, "therefore") ||
                  evg_events__is(s, j, "hence");
        if (res && first_ev != EVG_NONE && st->prev_first != EVG_NONE) {
            /* prev_first is an original number: its event may have
             * been merged away */
            if ((rc = evg_events__add_rel_orig(st, EVG_REL_CAUSES,
                                               st->prev_first,
                                               first_ev + st->shift)))
                return rc;
            break;
        }
    }
    /* "thereby restricting": the previous event causes this one */
    for (size_t i = 1; i < s->n_cand; i++) {
        cand *c = &s->cand[i];
        if (c->ev == EVG_NONE || c->head == 0 ||
            !(evg_events__is(s, c->head - 1, "thereby") ||
              evg_events__is(s, c->head - 1, "thus")))
            continue;
        for (size_t k = i; k-- > 0;)
            if (s->cand[k].ev != EVG_NONE) {
                if ((rc = evg_events__add_rel(st, EVG_REL_CAUSES,
                                              s->cand[k].ev, c->ev)))
                    return rc;
                break;
            }
    }
    for (size_t j = 0; j < s->tok.n; j++) {
        int kind = 0;
        size_t len = cue_at(s, j, &kind);
        if (!len)
            continue;
        size_t ce = j + len;
        /* the event introduced by the cue */
        const cand *inner = NULL;
        for (size_t i = 0; i < s->n_cand; i++) {
            const cand *c = &s->cand[i];
            if (c->head >= ce && c->head < ce + 15 &&
                (c->ev != EVG_NONE || c->noun)) {
                if (c->ev != EVG_NONE)
                    inner = c;
                break;
            }
        }
        if (!inner)
            continue;
        /* the event it modifies: the nearest before the cue, else the
         * first one after the cue's clause */
        const cand *outer = NULL;
        for (size_t i = 0; i < s->n_cand; i++) {
            const cand *c = &s->cand[i];
            if (c->ev == EVG_NONE)
                continue;
            if (c->head < j)
                outer = c;
        }
        if (!outer) {
            for (size_t i = 0; i < s->n_cand; i++) {
                const cand *c = &s->cand[i];
                if (c->ev != EVG_NONE && c->head > inner->head &&
                    c != inner) {
                    int comma = 0;
                    for (size_t q = inner->head; q < c->head; q++)
                        comma |= s->tok.v[q].flags & EVG_TOK_PUNCT &&
                                 s->text[s->tok.v[q].start] == ',';
                    if (comma) {
                        outer = c;
                        break;
                    }
                }
            }
        }
        if (!outer)
            continue;
        if (kind == 1)
            rc = evg_events__add_rel(st, EVG_REL_CAUSES, inner->ev,
                                     outer->ev);
        else if (kind == 2)
            rc = evg_events__add_rel(st, EVG_REL_BEFORE, inner->ev,
                                     outer->ev);
        else
            rc = evg_events__add_rel(st, EVG_REL_BEFORE, outer->ev,
                                     inner->ev);
        if (rc)
            return rc;
        j = ce - 1;
    }
    return 0;
}

/* Whether the clause of token h is subordinate: the nearest clause
 * boundary before it opens a relative or adverbial clause. */
static int subordinate(const sent_ctx *s, size_t h)
{
    if (s->bound_before[h] == UINT32_MAX)
        return 0;
    size_t j = s->bound_before[h];
    for (const char *const *w = evg_events__subordinators; *w; w++)
        if (evg_events__is(s, j, *w))
            return 1;
    /* "a general strike that shut down the city": "that" after a noun
     * opens a relative clause, after a verb a complement */
    if (evg_events__is(s, j, "that") && j > 0 && !s->trig_at[j - 1] &&
        (s->tok.v[j - 1].flags & EVG_TOK_WORD) &&
        !(s->tok.v[j - 1].flags & EVG_TOK_CAP))
        return 1;
    return 0;
}

/* A pattern with a mirror code (PETRARCH's "visit [042:043]": X visits
 * Y, so Y hosts X; "[046:046]": talks are both sides') codes the act of
 * each side: for every event of the sentence coded by such a pattern
 * with both a source and a target, a second event with the actors
 * exchanged and the mirror code. It shares the trigger, time, modality,
 * attribution and arguments of the first. */
static int emit_mirrors(ev_state *st, sent_ctx *s)
{
    evg_doc *doc = st->doc;
    for (size_t i = 0; i < s->n_cand; i++) {
        const cand *c = &s->cand[i];
        if (c->ev == EVG_NONE || !c->pat->mirror || !c->pat->cameo)
            continue;
        const evg_event *o = &doc->events[c->ev];
        /* the act as coded, not turned into another (a demand, force) */
        if (!o->n_source || !o->n_target || !o->cameo ||
            strcmp(o->cameo, c->pat->cameo->code) != 0)
            continue;
        const evg_cameo *code = c->pat->mirror;
        size_t oi = c->ev;
        evg_event *ev =
            EVG_DOC_PUSH(doc, doc->events, doc->n_events, doc->cap_events);
        if (!ev)
            return EVG_ENOMEM;
        o = &doc->events[oi]; /* the array may have moved */
        *ev = *o;
        ev->source = ev->target = NULL;
        ev->n_source = ev->n_target = ev->cap_source = ev->cap_target = 0;
        ev->args = NULL;
        ev->n_args = ev->cap_args = 0;
        ev->mentions = NULL;
        ev->n_mentions = ev->cap_mentions = 0;
        ev->summary = NULL;
        if (!(ev->cameo = evg_events__strz(st, code->code)) ||
            !(ev->label = evg_events__strz(st, code->label)))
            return EVG_ENOMEM;
        ev->quad_class = code->quad_class;
        ev->goldstein = code->goldstein;
        for (size_t k = 0; k < o->n_target; k++) {
            size_t *slot = EVG_DOC_PUSH(doc, ev->source, ev->n_source,
                                        ev->cap_source);
            if (!slot)
                return EVG_ENOMEM;
            *slot = o->target[k];
        }
        for (size_t k = 0; k < o->n_source; k++) {
            size_t *slot = EVG_DOC_PUSH(doc, ev->target, ev->n_target,
                                        ev->cap_target);
            if (!slot)
                return EVG_ENOMEM;
            *slot = o->source[k];
        }
        for (size_t k = 0; k < o->n_args; k++) {
            evg_arg *a = EVG_DOC_PUSH(doc, ev->args, ev->n_args, ev->cap_args);
            if (!a)
                return EVG_ENOMEM;
            *a = o->args[k];
        }
        ev_meta m = st->meta[oi];
        int rc = evg_events__push_meta(st, &m);
        if (rc)
            return rc;
    }
    return 0;
}

int evg_events__emit(ev_state *st, sent_ctx *s)
{
    size_t first_ev = EVG_NONE;
    for (size_t i = 0; i < s->n_cand; i++) {
        cand *c = &s->cand[i];
        c->ev = EVG_NONE;
        if (c->absorbed || (!c->src.n && !c->tgt.n))
            continue;
        int rc = emit_one(st, s, i);
        if (rc)
            return rc;
        if (first_ev == EVG_NONE && !st->meta[c->ev].mention_only)
            first_ev = c->ev;
    }
    /* ", a member of the team trying to broker a pact has said": events
     * inside a trailing attribution describe the reporter. The heads
     * grow along the list of candidates: each report's span of heads is
     * a span of the list, counted in `inside` (one pass for all reports,
     * instead of every candidate for every report) */
    uint32_t *after_comma = s->scratch, *inside = s->scratch2;
    after_comma[0] = 0; /* token after the last comma before token i */
    for (size_t j = 0; j < s->tok.n; j++)
        after_comma[j + 1] = s->tok.v[j].flags & EVG_TOK_PUNCT &&
                                     s->text[s->tok.v[j].start] == ','
                                 ? (uint32_t)(j + 1)
                                 : after_comma[j];
    memset(inside, 0, (s->n_cand + 1) * sizeof(*inside));
    for (size_t i = 0; i < s->n_cand; i++) {
        const cand *r = &s->cand[i];
        if (r->pat->kind != EVG_TK_REPORT || !r->absorbed)
            continue;
        size_t cm = after_comma[r->head];
        if (cm == 0)
            continue;
        size_t lo = 0, hi = i; /* the first candidate from cm on */
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (s->cand[mid].head < cm)
                lo = mid + 1;
            else
                hi = mid;
        }
        inside[lo]++;
        inside[i]--;
    }
    uint32_t open = 0; /* spans open at k (counted modulo 2^32) */
    for (size_t k = 0; k < s->n_cand; k++) {
        open += inside[k];
        if (open)
            s->cand[k].background = 1;
    }
    /* ", saying he would ...": a participial report elaborates the main
     * event (all after the first) */
    size_t saying = EVG_NONE;
    for (size_t i = 0; i < s->n_cand && saying == EVG_NONE; i++) {
        const cand *r = &s->cand[i];
        const evg_token *t = &s->tok.v[r->head];
        if (r->pat->kind != EVG_TK_REPORT || r->head == 0 ||
            !(s->tok.v[r->head - 1].flags & EVG_TOK_PUNCT &&
              s->text[s->tok.v[r->head - 1].start] == ',') ||
            evg_events__inflection(s->text + t->start, t->end - t->start) !=
                'g')
            continue;
        saying = r->head;
    }
    for (size_t k = 0; k < s->n_cand && saying != EVG_NONE; k++)
        if (s->cand[k].head > saying)
            s->cand[k].background = 1;
    /* background: events of subordinate clauses are less sure to be news
     * of their own when the sentence has a main-clause event */
    int main_ev = 0;
    for (size_t i = 0; i < s->n_cand; i++)
        if (s->cand[i].ev != EVG_NONE && !subordinate(s, s->cand[i].head) &&
            !s->cand[i].background)
            main_ev = 1;
    for (size_t i = 0; i < s->n_cand && main_ev; i++)
        if (s->cand[i].ev != EVG_NONE &&
            (subordinate(s, s->cand[i].head) || s->cand[i].background))
            st->doc->events[s->cand[i].ev].confidence *= 0.5;
    int rc = emit_mirrors(st, s);
    if (rc)
        return rc;
    attach_durations(st, s);
    rc = sentence_cues(st, s, first_ev);
    if (rc)
        return rc;
    if (first_ev != EVG_NONE)
        st->prev_first = first_ev + st->shift;
    return 0;
}
