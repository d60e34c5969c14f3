/* Dual phrases: "the two sides", "both countries", "the two leaders" stand
 * for two actors named just before. Runs after the event coder, because the
 * best clue to the pair is the latest event with a source and a target ("a
 * US official met a Foreign Ministry official, with the two sides having
 * discussed ..."); without one, the two latest actors of a fitting kind.
 * The phrase becomes a mention of both entities (each points to the other
 * through `with`), and an event the phrase is the subject of takes both as
 * its sources. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "doc_layer.h"
#include "doc_events.h"
#include "duals.h"
#include "entities.h"
#include "words.h"

enum { WANT_ANY = 0, WANT_COUNTRY, WANT_PERSON };

/* The phrases and what each stands for (extract/data/dual_phrases.words,
 * pairs: duals[2 * i] the phrase, duals[2 * i + 1] "any", "country" or
 * "person"), tried in the order of the file. */
static const char *const *duals;
static size_t n_duals;

static const evg_words_use uses[] = {
    {"dual_phrases.words", EVG_WORDS_PAIRS, &duals, &n_duals}};
static evg_words_set lists = EVG_WORDS_SET(uses);

/* WANT_* of the second column of dual_phrases.words, or -1. */
static int want_of(const char *w)
{
    return !strcmp(w, "any")       ? WANT_ANY
           : !strcmp(w, "country") ? WANT_COUNTRY
           : !strcmp(w, "person")  ? WANT_PERSON
                                   : -1;
}

#define SUBJECT_REACH 40 /* bytes from the phrase's end to its verb */

static int word_byte(char c)
{
    return isalnum((unsigned char)c) || c == '-' || c == '\'';
}

/* Does the entity fit what the phrase asks for? */
static int fits(const evg_entity *e, int want)
{
    switch (want) {
    case WANT_COUNTRY:
        return e->kind == EVG_KIND_COUNTRY || e->kind == EVG_KIND_GOVERNMENT;
    case WANT_PERSON:
        return e->kind == EVG_KIND_PERSON;
    default:
        return e->kind != EVG_KIND_LOCATION;
    }
}

/* The latest mention of entity `e` that ends at or before `before` and
 * starts at or after `from`: its end + 1, or 0 when there is none.
 * Mentions are in text order: binary search, then a short walk back. */
static size_t last_end(const evg_entity *e, size_t from, size_t before)
{
    size_t lo = 0, hi = e->n_mentions;
    while (lo < hi) { /* first mention starting at or after `before` */
        size_t mid = lo + (hi - lo) / 2;
        if (e->mentions[mid].span.start < before)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t k = lo; k-- > 0;) {
        const evg_mention *m = &e->mentions[k];
        if (m->span.start < from)
            break;
        if (m->span.end <= before && m->with == EVG_NONE)
            return m->span.end + 1;
    }
    return 0;
}

/* The pair the phrase at [at, ..) of sentence `s` stands for: the parties
 * of the latest two-party event before it in this sentence or the one
 * before; else the two actors mentioned last. 0 on success, 1 when
 * there is none, EVG_ENOMEM. */
static int find_pair(const evg_doc *doc, size_t s, size_t at, int want,
                     size_t pair[2])
{
    size_t from = evg_doc__sentence(doc, s > 0 ? s - 1 : 0).start;
    size_t best = EVG_NONE, bstart = 0, n_ev = evg_doc__event_count(doc);
    evg_event ev;
    for (size_t i = 0; i < n_ev; i++) {
        if (evg_doc__event_get(doc, i, &ev))
            return EVG_ENOMEM;
        if (ev.trigger.start >= at || ev.trigger.start < from ||
            !ev.n_source || !ev.n_target || ev.source[0] == ev.target[0] ||
            ev.modality == EVG_MOD_NEGATED ||
            ev.modality == EVG_MOD_HYPOTHETICAL)
            continue;
        if (best == EVG_NONE || ev.trigger.start > bstart) {
            best = i;
            bstart = ev.trigger.start;
        }
    }
    if (best != EVG_NONE) {
        if (evg_doc__event_get(doc, best, &ev))
            return EVG_ENOMEM;
        pair[0] = ev.source[0];
        pair[1] = ev.target[0];
        if (fits(&doc->entities[pair[0]], want) &&
            fits(&doc->entities[pair[1]], want))
            return 0;
    }
    size_t end1 = 0, end2 = 0;
    pair[0] = pair[1] = EVG_NONE;
    for (size_t i = 0; i < doc->n_entities; i++) {
        const evg_entity *e = &doc->entities[i];
        if (!fits(e, want))
            continue;
        size_t end = last_end(e, from, at);
        if (end > end1) {
            end2 = end1;
            pair[1] = pair[0];
            end1 = end;
            pair[0] = i;
        } else if (end > end2) {
            end2 = end;
            pair[1] = i;
        }
    }
    if (pair[1] == EVG_NONE)
        return 1;
    /* name them in text order */
    size_t t = pair[0];
    pair[0] = pair[1];
    pair[1] = t;
    return 0;
}

/* Adds [start, end) as a mention of entity `e` shared with `other`,
 * keeping the mentions in text order. */
static int add_shared(evg_doc *doc, size_t e, size_t other, size_t start,
                      size_t end)
{
    evg_entity *en = &doc->entities[e];
    evg_mention *m =
        EVG_DOC_PUSH(doc, en->mentions, en->n_mentions, en->cap_mentions);
    if (!m)
        return EVG_ENOMEM;
    size_t k = en->n_mentions - 1;
    while (k > 0 && en->mentions[k - 1].span.start > start) {
        en->mentions[k] = en->mentions[k - 1];
        k--;
    }
    m = &en->mentions[k];
    memset(m, 0, sizeof(*m));
    m->with = other;
    return evg_doc_span(doc, &m->span, start, end);
}

/* Does [start, end) overlap a mention of some entity already? */
static int taken(const evg_doc *doc, size_t start, size_t end)
{
    return evg_extract__entity_in(doc, start, end, NULL) != EVG_NONE;
}

/* Gives the events whose subject is the phrase ending at `end`
 * (only auxiliaries and adverbs between: "the two sides (have) discussed")
 * the pair as their sources. */
static int give_sources(evg_doc *doc, size_t s, size_t end,
                        const size_t pair[2])
{
    size_t n_ev = evg_doc__event_count(doc);
    for (size_t i = 0; i < n_ev; i++) {
        evg_event ev, *e = &ev;
        if (evg_doc__event_get(doc, i, e))
            return EVG_ENOMEM;
        if (e->sentence != s || e->trigger.start < end ||
            e->trigger.start - end > SUBJECT_REACH)
            continue;
        size_t words = 0;
        for (size_t k = end; k < e->trigger.start; k++)
            if (doc->text[k] == ' ' && k + 1 < e->trigger.start &&
                doc->text[k + 1] != ' ')
                words++;
        if (words > 2)
            continue;
        /* the phrase is the subject: it overrides an agent carried over
         * from an earlier clause ("X met Y, and the two sides discussed") */
        int had_agent = e->n_source > 0;
        e->n_source = 0;
        for (int j = 0; j < 2; j++) {
            size_t *slot = EVG_DOC_PUSH(doc, e->source, e->n_source,
                                        e->cap_source);
            if (!slot)
                return EVG_ENOMEM;
            *slot = pair[j];
            for (size_t q = 0; q < e->n_target;)
                if (e->target[q] == pair[j])
                    e->target[q] = e->target[--e->n_target];
                else
                    q++;
        }
        /* an agent found through an anaphor: less sure than a named one */
        if (!had_agent)
            e->confidence =
                e->confidence + 0.35 > 0.95 ? 0.95 : e->confidence + 0.35;
        int rc = evg_doc__event_put(doc, i, e);
        if (rc)
            return rc;
    }
    return 0;
}

int evg_extract__duals(evg_doc *doc, evg_error *err)
{
    int rc = evg_words_load(&lists, err);
    if (rc || !doc->text)
        return rc;
    /* the bytes a phrase may start with, either case */
    unsigned char first[256] = {0};
    for (size_t d = 0; d < n_duals; d++) {
        if (want_of(duals[2 * d + 1]) < 0)
            return evg_error_set(err, EVG_EPARSE,
                                 "extract/data/dual_phrases.words: '%s' "
                                 "stands for '%s', not any, country or "
                                 "person",
                                 duals[2 * d], duals[2 * d + 1]);
        first[(unsigned char)duals[2 * d][0]] = 1;
        first[(unsigned char)toupper((unsigned char)duals[2 * d][0])] = 1;
    }
    for (size_t s = 0; s < doc->n_sentences; s++) {
        const evg_sentence sent = evg_doc__sentence(doc, s), *sn = &sent;
        if (sn->boilerplate || sn->end > doc->text_len)
            continue;
        for (size_t p = sn->start; p < sn->end; p++) {
            if ((p > sn->start && word_byte(doc->text[p - 1])) ||
                !first[(unsigned char)doc->text[p]])
                continue;
            for (size_t d = 0; d < n_duals; d++) {
                const char *phrase = duals[2 * d];
                size_t n = strlen(phrase);
                size_t q = p + n;
                if (q > sn->end ||
                    strncasecmp(doc->text + p, phrase, n) != 0 ||
                    (q < sn->end && word_byte(doc->text[q])))
                    continue;
                /* "both sides of the border" is a place, not actors */
                if (q + 3 < sn->end && strncasecmp(doc->text + q, " of ", 4) == 0)
                    break;
                size_t pair[2];
                int found = taken(doc, p, q)
                                ? 1
                                : find_pair(doc, s, p,
                                            want_of(duals[2 * d + 1]), pair);
                if (found < 0)
                    return evg_error_set(err, found, "out of memory");
                if (found)
                    break;
                if ((rc = add_shared(doc, pair[0], pair[1], p, q)) ||
                    (rc = add_shared(doc, pair[1], pair[0], p, q)) ||
                    (rc = give_sources(doc, s, q, pair)))
                    return evg_error_set(err, rc, "out of memory");
                p = q - 1;
                break;
            }
        }
    }
    return 0;
}
