/* The event coder's word classes: determiners, pronouns, auxiliaries,
 * finite verbs, forms of "be", clause boundaries and prepositions, read
 * from the .words files of extract/data/, and the token tests built on
 * them (events.h holds the inline ones). */
#include <stddef.h>

#include "events.h"
#include "words.h"

const char *const *evg_events__determiners;
const char *const *evg_events__pronouns;
const char *const *evg_events__aux;
const char *const *evg_events__finite;
const char *const *evg_events__be;
const char *const *evg_events__boundary;
const char *const *evg_events__prepositions;
const char *const *evg_events__planned;
const char *const *evg_events__hypothetical;
const char *const *evg_events__negations;
const char *const *evg_events__passive_adj;
const char *const *evg_events__reduced_passive_verbs;
const char *const *evg_events__reporter_pron;
const char *const *evg_events__obligation;
const char *const *evg_events__subject_pron;
const char *const *evg_events__report_fillers;
const char *const *evg_events__phrase_openers;
const char *const *evg_events__clause_markers;
const char *const *evg_events__dangling;
const char *const *evg_events__generic_gov;
const char *const *evg_events__subordinators;
const char *const *evg_events__ultimatum_marks;
const char *const *evg_events__elliptic_objects;
const char *const *evg_events__boundary_adverbs;
size_t evg_events__n_boundary_adverbs;

static const evg_words_use uses[] = {
    {"determiners.words", 0, &evg_events__determiners, NULL},
    {"pronouns.words", 0, &evg_events__pronouns, NULL},
    {"auxiliaries.words", 0, &evg_events__aux, NULL},
    {"finite_auxiliaries.words", 0, &evg_events__finite, NULL},
    {"be.words", 0, &evg_events__be, NULL},
    {"clause_boundaries.words", 0, &evg_events__boundary, NULL},
    {"prepositions.words", 0, &evg_events__prepositions, NULL},
    {"modal_planned.words", 0, &evg_events__planned, NULL},
    {"modal_hypothetical.words", 0, &evg_events__hypothetical, NULL},
    {"negations.words", 0, &evg_events__negations, NULL},
    {"passive_adjectives.words", 0, &evg_events__passive_adj, NULL},
    {"frame_reduced_passive_verbs.words", EVG_WORDS_SORTED,
     &evg_events__reduced_passive_verbs, NULL},
    {"reporter_pronouns.words", 0, &evg_events__reporter_pron, NULL},
    {"obligation_modals.words", 0, &evg_events__obligation, NULL},
    {"subject_pronouns.words", 0, &evg_events__subject_pron, NULL},
    {"report_time_fillers.words", 0, &evg_events__report_fillers, NULL},
    {"phrase_openers.words", 0, &evg_events__phrase_openers, NULL},
    {"clause_markers.words", 0, &evg_events__clause_markers, NULL},
    {"summary_dangling.words", 0, &evg_events__dangling, NULL},
    {"generic_government.words", 0, &evg_events__generic_gov, NULL},
    {"subordinators.words", 0, &evg_events__subordinators, NULL},
    {"ultimatum_marks.words", 0, &evg_events__ultimatum_marks, NULL},
    {"elliptic_objects.words", 0, &evg_events__elliptic_objects, NULL},
    {"boundary_adverbs.words", EVG_WORDS_PAIRS, &evg_events__boundary_adverbs,
     &evg_events__n_boundary_adverbs}};
static evg_words_set lists = EVG_WORDS_SET(uses);

int evg_events__load_words(evg_error *err)
{
    int rc = evg_words_load(&lists, err);
    if (!rc)
        rc = evg_events__load_links(err);
    return rc ? rc : evg_events__load_lemmas(err);
}

int evg_events__is(const sent_ctx *s, size_t i, const char *w)
{
    if (i >= s->tok.n)
        return 0;
    /* `w` is lower case: compare without measuring it first */
    const evg_token *t = &s->tok.v[i];
    size_t n = t->end - t->start;
    for (size_t k = 0; k < n; k++)
        if (!w[k] || ev_lower(s->text[t->start + k]) != (unsigned char)w[k])
            return 0;
    return w[n] == '\0';
}

/* The first character of a tokenized-text quote, `` or '' (two tokens
 * of one character each), which is a clause boundary like a quote mark. */
int evg_events__ptb_quote(const sent_ctx *s, size_t i)
{
    char c = s->text[s->tok.v[i].start];
    if (!(s->tok.v[i].flags & EVG_TOK_PUNCT) || (c != '`' && c != '\''))
        return 0;
    if (i > 0 && s->tok.v[i - 1].end == s->tok.v[i].start &&
        s->text[s->tok.v[i - 1].start] == c)
        return 0; /* the second of the pair */
    return i + 1 < s->tok.n && s->tok.v[i + 1].start == s->tok.v[i].end &&
           s->text[s->tok.v[i + 1].start] == c &&
           (s->tok.v[i + 1].flags & EVG_TOK_PUNCT);
}

size_t evg_events__barriers(const sent_ctx *s, size_t a, size_t b)
{
    if (a > b) {
        size_t t = a;
        a = b;
        b = t;
    }
    if (b <= a + 1)
        return 0;
    return s->bar[b] - s->bar[a + 1];
}
