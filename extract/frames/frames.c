/* Frames from the dependency tree (see frames.h). Every rule reads UD v2
 * relations and the lemmas of a few word classes, which are data files
 * (extract/data/frame_*.words). */
#include <stdlib.h>
#include <ctype.h>
#include <string.h>

#include "frames.h"
#include "words.h"

#define DEPTH_MAX 8 /* links followed up the tree to find an agent */

static const char *const *hypo_heads, *const *planned_heads,
    *const *negative_heads, *const *cond_marks, *const *light_verbs,
    *const *loc_preps, *const *recip_preps, *const *reporting,
    *const *relatives, *const *negations, *const *hypo_modals,
    *const *planned_modals, *const *future_aux, *const *perfect_aux,
    *const *occasion_preps, *const *sched_verbs, *const *sched_preps,
    *const *simul_marks, *const *object_control,
    *const *reduced_passive_verbs,
    *const *opposition_nouns, *const *member_preps;

static const evg_words_use uses[] = {
    {"frame_hypothetical_heads.words", EVG_WORDS_SORTED, &hypo_heads, NULL},
    {"frame_planned_heads.words", EVG_WORDS_SORTED, &planned_heads, NULL},
    {"frame_negative_heads.words", EVG_WORDS_SORTED, &negative_heads, NULL},
    {"frame_conditional_marks.words", EVG_WORDS_SORTED, &cond_marks, NULL},
    {"frame_light_verbs.words", EVG_WORDS_SORTED, &light_verbs, NULL},
    {"frame_object_control.words", EVG_WORDS_SORTED, &object_control, NULL},
    {"frame_locative_preps.words", EVG_WORDS_SORTED, &loc_preps, NULL},
    {"frame_recipient_preps.words", EVG_WORDS_SORTED, &recip_preps, NULL},
    {"frame_reporting.words", EVG_WORDS_SORTED, &reporting, NULL},
    {"frame_relative_pronouns.words", EVG_WORDS_SORTED, &relatives, NULL},
    {"negations.words", 0, &negations, NULL},
    {"modal_hypothetical.words", 0, &hypo_modals, NULL},
    {"modal_planned.words", 0, &planned_modals, NULL},
    {"frame_future_auxiliaries.words", EVG_WORDS_SORTED, &future_aux, NULL},
    {"frame_perfect_auxiliaries.words", EVG_WORDS_SORTED, &perfect_aux,
     NULL},
    {"frame_occasion_preps.words", EVG_WORDS_SORTED, &occasion_preps, NULL},
    {"frame_scheduling_verbs.words", EVG_WORDS_SORTED, &sched_verbs,
     NULL},
    {"frame_scheduling_preps.words", EVG_WORDS_SORTED, &sched_preps,
     NULL},
    {"frame_simultaneous_marks.words", EVG_WORDS_SORTED, &simul_marks,
     NULL},
    {"frame_reduced_passive_verbs.words", EVG_WORDS_SORTED,
     &reduced_passive_verbs, NULL},
    {"frame_opposition_nouns.words", EVG_WORDS_SORTED, &opposition_nouns,
     NULL},
    {"frame_member_preps.words", EVG_WORDS_SORTED, &member_preps, NULL},
};
static evg_words_set lists = EVG_WORDS_SET(uses);

int evg_frames_load(evg_error *err)
{
    return evg_words_load(&lists, err);
}

/* The dependents index of evg_frames_use_kids, for this thread, and what
 * is worked out once per sentence beside it: the report set beside each
 * word (beside_report), filled on first use. */
static _Thread_local struct {
    const evg_doc_token *w;
    size_t n;
    const uint32_t *at, *v;
    size_t *beside;
    int beside_tried;
    size_t qm;           /* the last question mark, once qm_known */
    int qm_known;
} kids_of;

void evg_frames_use_kids(const evg_doc_token *w, size_t n,
                         const uint32_t *kid_at, const uint32_t *kids)
{
    free(kids_of.beside);
    kids_of.w = w;
    kids_of.n = n;
    kids_of.at = kid_at;
    kids_of.v = kids;
    kids_of.beside = NULL;
    kids_of.beside_tried = 0;
    kids_of.qm_known = 0;
}


/* The dependents of word p of w[0 .. n-1] in word order, from the index
 * when it is this sentence's, else by a scan. */
typedef struct kid_it {
    const evg_doc_token *w;
    size_t p, q, end;
    const uint32_t *v;
} kid_it;

static inline kid_it kid_first(const evg_doc_token *w, size_t n, size_t p)
{
    kid_it it = {w, p, 0, n, NULL};
    if (kids_of.at && kids_of.w == w && kids_of.n == n && p < n) {
        it.q = kids_of.at[p];
        it.end = kids_of.at[p + 1];
        it.v = kids_of.v;
    }
    return it;
}

static inline int kid_next(kid_it *it, size_t *j)
{
    if (it->v) {
        if (it->q >= it->end)
            return 0;
        *j = it->v[it->q++];
        return 1;
    }
    while (it->q < it->end)
        if (it->w[it->q++].head == it->p + 1) {
            *j = it->q - 1;
            return 1;
        }
    return 0;
}

/* Runs the statement after it for each dependent j of word p. */
#define FOR_KIDS(j, w, n, p)                                               \
    for (kid_it it_ = kid_first(w, n, p); kid_next(&it_, &(j));)

static int in(const char *word, const char *const *list)
{
    if (!word)
        return 0;
    for (; *list; list++)
        if (strcmp(word, *list) == 0)
            return 1;
    return 0;
}

/* Whether verb t is one of object control (frame_object_control.words):
 * by its lemma, else by its form without an ending ("persuaded",
 * "urging", "presses"), for a lemma the tagger got wrong; irregular
 * forms ("told", "sent") are in the list. */
static int object_control_verb(const evg_doc_token *t)
{
    if (in(t->lemma, object_control))
        return 1;
    char b[32];
    size_t n = t->form ? strlen(t->form) : 0;
    if (n < 3 || n + 2 > sizeof(b))
        return 0;
    for (size_t i = 0; i <= n; i++)
        b[i] = (char)((t->form[i] >= 'A' && t->form[i] <= 'Z')
                          ? t->form[i] - 'A' + 'a'
                          : t->form[i]);
    if (in(b, object_control))
        return 1;
    static const char *const endings[] = {"ing", "ed", "es", "d", "s", NULL};
    for (const char *const *e = endings; *e; e++) {
        size_t k = strlen(*e);
        if (n <= k + 2 || strcmp(b + n - k, *e) != 0)
            continue;
        char stem[32];
        memcpy(stem, b, n - k);
        stem[n - k] = '\0';
        if (in(stem, object_control))
            return 1;
        stem[n - k] = 'e';
        stem[n - k + 1] = '\0';
        if (in(stem, object_control))
            return 1;
    }
    return 0;
}

int evg_fr_base_is(const char *rel, const char *base)
{
    size_t n = strlen(base);
    return rel && strncmp(rel, base, n) == 0 && (rel[n] == '\0' || rel[n] == ':');
}

static int rel_is(const char *rel, const char *full)
{
    return rel && strcmp(rel, full) == 0;
}

static int upos_is(const evg_doc_token *t, const char *u)
{
    return t->upos && strcmp(t->upos, u) == 0;
}

static int xpos_is(const evg_doc_token *t, const char *x)
{
    return t->xpos && strcmp(t->xpos, x) == 0;
}

/* Word i's head as a 0-based index, or EVG_NONE at the root. */
static size_t head_of(const evg_doc_token *w, size_t n, size_t i)
{
    size_t h = w[i].head;
    return h >= 1 && h <= n ? h - 1 : EVG_NONE;
}

/* The first child of p with relation `rel` (exactly, or by base relation
 * when `by_base`), or EVG_NONE. */
static size_t child(const evg_doc_token *w, size_t n, size_t p,
                    const char *rel, int by_base)
{
    size_t j;
    FOR_KIDS(j, w, n, p)
        if (w[j].head == p + 1 &&
            (by_base ? evg_fr_base_is(w[j].deprel, rel) : rel_is(w[j].deprel, rel)))
            return j;
    return EVG_NONE;
}

const char *evg_frame_prep_of(const evg_doc_token *w, size_t n, size_t j)
{
    size_t c = child(w, n, j, "case", 0);
    return c != EVG_NONE ? w[c].lemma : NULL;
}

static int to_infinitive(const evg_doc_token *w, size_t n, size_t p);

/* "Boeing allowed to bid", "troops ordered to withdraw": a past form of
 * a verb whose active puts an object before its infinitive
 * (frame_reduced_passive_verbs.words) with that infinitive and no object is a
 * passive without its auxiliary. */
static int reduced_passive(const evg_doc_token *w, size_t n, size_t p)
{
    if (!(xpos_is(&w[p], "VBN") || xpos_is(&w[p], "VBD")) ||
        !in(w[p].lemma, reduced_passive_verbs) ||
        child(w, n, p, "obj", 0) != EVG_NONE ||
        child(w, n, p, "iobj", 0) != EVG_NONE)
        return 0;
    size_t x = child(w, n, p, "xcomp", 0);
    return x != EVG_NONE && x > p && to_infinitive(w, n, x);
}

/* "return weapons and equipment seized last year from peacekeepers": a
 * past participle with no auxiliary or marker of its own, right after
 * the object of the verb it is hung on as a complement (xcomp), describes
 * that object, a reduced relative the parser took for a complement. The
 * object, or EVG_NONE. */
static size_t object_participle(const evg_doc_token *w, size_t n, size_t p)
{
    if (!xpos_is(&w[p], "VBN") || !rel_is(w[p].deprel, "xcomp") ||
        child(w, n, p, "aux", 1) != EVG_NONE ||
        child(w, n, p, "mark", 0) != EVG_NONE ||
        child(w, n, p, "nsubj", 1) != EVG_NONE)
        return EVG_NONE;
    size_t h = head_of(w, n, p);
    size_t o = h == EVG_NONE ? EVG_NONE : child(w, n, h, "obj", 0);
    if (o == EVG_NONE || o > p)
        return EVG_NONE;
    /* nothing but the object's phrase between it and the participle */
    for (size_t j = o + 1; j < p; j++) {
        size_t k = j;
        for (int d = 0; d < DEPTH_MAX && k != o && w[k].head; d++)
            k = w[k].head - 1;
        if (k != o || upos_is(&w[j], "PUNCT"))
            return EVG_NONE;
    }
    return o;
}

static int is_passive(const evg_doc_token *w, size_t n, size_t p)
{
    if (reduced_passive(w, n, p) || object_participle(w, n, p) != EVG_NONE)
        return 1;
    if (child(w, n, p, "nsubj:pass", 0) != EVG_NONE ||
        child(w, n, p, "aux:pass", 0) != EVG_NONE ||
        child(w, n, p, "obl:agent", 0) != EVG_NONE)
        return 1;
    /* "a bill signed by the minister", "Kuwait, occupied since August" */
    return xpos_is(&w[p], "VBN") &&
           (rel_is(w[p].deprel, "acl") || rel_is(w[p].deprel, "amod"));
}

/* A relative pronoun stands for the noun its clause modifies; where the
 * parse did not attach the clause to a noun, for the noun right before
 * the pronoun ("Iran, which had condemned"). */
static size_t resolve(const evg_doc_token *w, size_t n, size_t p, size_t j,
                      evg_fr_how *how)
{
    if (!in(w[j].lemma, relatives) ||
        !(xpos_is(&w[j], "WDT") || xpos_is(&w[j], "WP")) ||
        evg_frame_hung_report(w, n, p) != EVG_NONE)
        return j;
    size_t h = head_of(w, n, p);
    if (evg_fr_base_is(w[p].deprel, "acl") && h != EVG_NONE) {
        *how = EVG_FR_RELATIVE;
        return h;
    }
    for (size_t k = j; k-- > 0;) {
        if (upos_is(&w[k], "PUNCT"))
            continue;
        if (upos_is(&w[k], "NOUN") || upos_is(&w[k], "PROPN")) {
            *how = EVG_FR_RELATIVE;
            return k;
        }
        break;
    }
    return j;
}

static size_t agent_of(const evg_doc_token *w, size_t n, size_t p, int depth,
                       evg_fr_how *how);

/* A clause has one subject: a common noun subject j of p that the parser
 * made a second subject right before a name is the name's title ("Aer
 * Lingus rival Ryanair has been attempting": Ryanair); the name then,
 * else j. */
static size_t named_subject(const evg_doc_token *w, size_t n, size_t p,
                            size_t j)
{
    if (upos_is(&w[j], "NOUN") && j + 1 < n && j + 1 != p &&
        w[j + 1].head == p + 1 && evg_fr_base_is(w[j + 1].deprel, "nsubj") &&
        upos_is(&w[j + 1], "PROPN"))
        return j + 1;
    return j;
}

/* A subject takes no preposition or case marker: a phrase with one that
 * the parser made the subject ("At the company's conference, its CEO
 * unveiled ...": "conference") is a fronted oblique, and the phrase set
 * after it (an apposition, conjunct, list item or unlabeled dependent of
 * it, for the parser) is the subject; j itself when there is none. */
static size_t subject_past_oblique(const evg_doc_token *w, size_t n, size_t p,
                                   size_t j)
{
    size_t c = child(w, n, j, "case", 0);
    if (c == EVG_NONE || c > j)
        return j;
    /* the last such phrase, the one right before the verb (not "(WWDC)"
     * after "the Worldwide Developers Conference") */
    size_t k, last = j;
    FOR_KIDS(k, w, n, j) {
        if (k <= j || k >= p || w[k].head != j + 1)
            continue;
        if ((rel_is(w[k].deprel, "appos") || rel_is(w[k].deprel, "conj") ||
             rel_is(w[k].deprel, "list") || rel_is(w[k].deprel, "dep")) &&
            (upos_is(&w[k], "NOUN") || upos_is(&w[k], "PROPN") ||
             upos_is(&w[k], "PRON")) &&
            child(w, n, k, "case", 0) == EVG_NONE)
            last = k;
    }
    if (last != j)
        return last;
    /* deeper in the phrase: the words after its last comma before the
     * verb, a noun phrase the parser hung below the fronted one ("At the
     * company's own conference at the center in San Francisco, Apple CEO
     * Steve Jobs introduced") */
    size_t comma = EVG_NONE;
    for (size_t i = p; i-- > j + 1;)
        if (w[i].form && strcmp(w[i].form, ",") == 0) {
            comma = i;
            break;
        }
    if (comma == EVG_NONE || comma + 1 >= p)
        return j;
    size_t top = EVG_NONE;
    for (size_t i = comma + 1; i < p; i++) {
        if (upos_is(&w[i], "VERB") || upos_is(&w[i], "AUX") ||
            upos_is(&w[i], "ADP") || upos_is(&w[i], "PUNCT") ||
            upos_is(&w[i], "SCONJ") || upos_is(&w[i], "CCONJ"))
            return j;
        size_t h = head_of(w, n, i);
        if (top == EVG_NONE && (h == EVG_NONE || h <= comma || h >= p))
            top = i;
    }
    if (top == EVG_NONE ||
        !(upos_is(&w[top], "NOUN") || upos_is(&w[top], "PROPN") ||
          upos_is(&w[top], "PRON")))
        return j;
    /* inside the fronted phrase */
    size_t q = top;
    for (int d = 0; d < DEPTH_MAX && q != EVG_NONE && q != j; d++)
        q = head_of(w, n, q);
    return q == j ? top : j;
}

/* The subject of a finite verb the parser gave none, from the phrases
 * before it: a time word takes no name, so a bare time noun holding a
 * name as its compound ("Apple Computer today launched", read as a
 * compound of "today") has the verb's subject in that name; a fronted
 * oblique holding a noun phrase after a comma ("At the show, company
 * chairman X unveiled", read as a list of "show") has it in that phrase
 * (subject_past_oblique). EVG_NONE otherwise. */
static size_t subject_before_time(const evg_doc_token *w, size_t n, size_t p)
{
    if (!(xpos_is(&w[p], "VBD") || xpos_is(&w[p], "VBZ") ||
          xpos_is(&w[p], "VBP")))
        return EVG_NONE;
    size_t j;
    FOR_KIDS(j, w, n, p) {
        if (j >= p)
            break;
        if (w[j].head == p + 1 && evg_fr_base_is(w[j].deprel, "obl")) {
            size_t k = subject_past_oblique(w, n, p, j);
            int comma = 0;
            for (size_t i = j + 1; i < k && !comma; i++)
                comma = w[i].form && strcmp(w[i].form, ",") == 0;
            if (k != j && comma)
                return k;
        }
        if (w[j].head != p + 1 ||
            !(rel_is(w[j].deprel, "obl:tmod") ||
              rel_is(w[j].deprel, "obl:unmarked") ||
              rel_is(w[j].deprel, "obl:npmod") ||
              rel_is(w[j].deprel, "nmod:tmod")) ||
            child(w, n, j, "case", 0) != EVG_NONE)
            continue;
        size_t k, name = EVG_NONE;
        for (kid_it in_ = kid_first(w, n, j); kid_next(&in_, &k);)
            if (k < j && w[k].head == j + 1 &&
                rel_is(w[k].deprel, "compound") &&
                (upos_is(&w[k], "PROPN") || upos_is(&w[k], "NOUN")))
                name = k; /* the last one: the name's head */
        if (name != EVG_NONE && upos_is(&w[name], "PROPN"))
            return name;
    }
    return EVG_NONE;
}

/* Whether verb p is a "to" infinitive: its marker is the particle "to". */
static int to_infinitive(const evg_doc_token *w, size_t n, size_t p)
{
    size_t m = child(w, n, p, "mark", 0);
    return m != EVG_NONE && xpos_is(&w[m], "TO");
}

/* The grammatical subject of p (active or passive), else its agent by
 * inheritance: the controller of "X was urged to" is X. */
static size_t subject_of(const evg_doc_token *w, size_t n, size_t p,
                         int depth, evg_fr_how *how)
{
    size_t s = child(w, n, p, "nsubj", 1);
    if (s != EVG_NONE)
        return resolve(w, n, p,
                       named_subject(w, n, p, subject_past_oblique(w, n, p, s)),
                       how);
    return agent_of(w, n, p, depth + 1, how);
}

static size_t agent_of(const evg_doc_token *w, size_t n, size_t p, int depth,
                       evg_fr_how *how)
{
    *how = EVG_FR_DIRECT;
    if (depth > DEPTH_MAX)
        return EVG_NONE;
    int passive = is_passive(w, n, p);
    size_t j;
    FOR_KIDS(j, w, n, p) {
        if (w[j].head != p + 1)
            continue;
        if (passive &&
            (rel_is(w[j].deprel, "obl:agent") ||
             (evg_fr_base_is(w[j].deprel, "obl") &&
              evg_frame_prep_of(w, n, j) &&
              strcmp(evg_frame_prep_of(w, n, j), "by") == 0))) {
            *how = EVG_FR_BY_AGENT;
            return j;
        }
        if (!passive && (rel_is(w[j].deprel, "nsubj") ||
                         rel_is(w[j].deprel, "nsubj:outer"))) {
            return resolve(w, n, p,
                           named_subject(w, n, p,
                                         subject_past_oblique(w, n, p, j)),
                           how);
        }
    }
    if (passive)
        return EVG_NONE;
    size_t named = subject_before_time(w, n, p);
    if (named != EVG_NONE)
        return named;
    size_t h = head_of(w, n, p);
    if (h == EVG_NONE)
        return EVG_NONE;
    const char *rel = w[p].deprel;
    size_t a;
    if (rel_is(rel, "conj") && !upos_is(&w[p], "NOUN") &&
        !upos_is(&w[p], "PROPN")) {
        a = subject_of(w, n, h, depth, how);
        if (a != EVG_NONE && *how == EVG_FR_DIRECT)
            *how = EVG_FR_CONJOINED;
        return a;
    }
    /* An infinitive after the object of a verb of object control is that
     * object's to do, whether the parser calls it a complement or an
     * adverbial clause ("persuaded Iraq to release", "pressed Seoul again
     * and again to stop"). */
    size_t o = child(w, n, h, "obj", 0);
    if (o == EVG_NONE)
        o = child(w, n, h, "iobj", 0);
    int controlled = rel_is(rel, "advcl") && xpos_is(&w[p], "VB") &&
                     to_infinitive(w, n, p) && o != EVG_NONE && o < p &&
                     object_control_verb(&w[h]);
    if (rel_is(rel, "xcomp") || controlled) {
        /* "urged Washington to stop": Washington; "defeated Boeing to
         * win": the subject (frame_object_control.words) */
        if (o != EVG_NONE && object_control_verb(&w[h])) {
            *how = EVG_FR_CONTROL;
            return o;
        }
        a = subject_of(w, n, h, depth, how);
        if (a != EVG_NONE && *how == EVG_FR_DIRECT)
            *how = EVG_FR_CONTROL;
        return a;
    }
    /* A non-finite adverbial clause without a subject of its own shares
     * the main clause's: "ended the crisis by agreeing to", "left after
     * signing", "came to Beijing to meet", and "Facing troops, Saddam
     * sought". A participle in -ed with a subordinator ("when asked")
     * is passive, and its doer is not the main clause's subject. An
     * infinitive after another verb's object is the subject's purpose
     * ("is exercising its options to purchase five aircraft"); after the
     * object of a verb of object control it is the object's (above). */
    if (rel_is(rel, "advcl") &&
        (xpos_is(&w[p], "VBG") ||
         (xpos_is(&w[p], "VBN") && child(w, n, p, "mark", 0) == EVG_NONE) ||
         (xpos_is(&w[p], "VB") && to_infinitive(w, n, p) &&
          ((child(w, n, h, "obj", 0) == EVG_NONE &&
            child(w, n, h, "iobj", 0) == EVG_NONE) ||
           !object_control_verb(&w[h]))))) {
        a = subject_of(w, n, h, depth, how);
        if (a != EVG_NONE && *how == EVG_FR_DIRECT)
            *how = EVG_FR_CONJOINED;
        return a;
    }
    if (rel_is(rel, "acl") && xpos_is(&w[p], "VBG")) {
        *how = EVG_FR_RELATIVE; /* "troops attacking the city" */
        return h;
    }
    /* An infinitival relative on a name is the name's to do (a headline:
     * "China Eastern Airlines to purchase twenty jets"); on a predicate
     * noun, its subject's ("Singapore Airlines is the first airline to
     * fly the A380"). On another noun the doer is not said ("a contract
     * to purchase", "the decision to award"). */
    if (rel_is(rel, "acl") && xpos_is(&w[p], "VB") && to_infinitive(w, n, p)) {
        if (upos_is(&w[h], "PROPN")) {
            *how = EVG_FR_RELATIVE;
            return h;
        }
        if ((upos_is(&w[h], "NOUN") || upos_is(&w[h], "PROPN")) &&
            child(w, n, h, "cop", 0) != EVG_NONE) {
            a = subject_of(w, n, h, depth, how);
            if (a != EVG_NONE && *how == EVG_FR_DIRECT)
                *how = EVG_FR_RELATIVE;
            return a;
        }
    }
    if ((upos_is(&w[p], "NOUN") || upos_is(&w[p], "PROPN")) &&
        rel_is(rel, "obj") && in(w[h].lemma, light_verbs)) {
        a = subject_of(w, n, h, depth, how);
        if (a != EVG_NONE)
            *how = EVG_FR_LIGHT;
        return a;
    }
    return EVG_NONE;
}

static void add(evg_frame *f, evg_fr_role role, evg_fr_how how, size_t word,
                const char *prep)
{
    if (word == EVG_NONE || word == f->pred || f->n_arg >= EVG_FR_ARGS)
        return;
    for (size_t i = 0; i < f->n_arg; i++)
        if (f->arg[i].word == word)
            return;
    f->arg[f->n_arg++] = (evg_fr_arg){role, how, word, prep};
}

evg_fr_role evg_frame_prep_role(const char *prep)
{
    if (in(prep, recip_preps))
        return EVG_FR_RECIPIENT;
    if (in(prep, loc_preps))
        return EVG_FR_LOCATION;
    return EVG_FR_OBLIQUE;
}

/* The role of a prepositional phrase of a verb. */
static evg_fr_role oblique_role(const evg_doc_token *w, size_t j,
                                const char *prep)
{
    if (rel_is(w[j].deprel, "obl:tmod") || rel_is(w[j].deprel, "nmod:tmod") ||
        rel_is(w[j].deprel, "obl:unmarked") ||
        rel_is(w[j].deprel, "nmod:unmarked") ||
        rel_is(w[j].deprel, "obl:npmod"))
        return EVG_FR_TIME;
    return evg_frame_prep_role(prep);
}

int evg_frame_member_prep(const char *prep)
{
    return in(prep, member_preps);
}

/* "until sanctions force him to withdraw", parsed with "until" as the
 * preposition of the subject: a conditional subordinator before the
 * subject opens the clause all the same. */
static int cond_subject(const evg_doc_token *w, size_t n, size_t s)
{
    size_t j;
    FOR_KIDS(j, w, n, s) {
        if (j >= s)
            break;
        if (w[j].head == s + 1 && rel_is(w[j].deprel, "case") &&
            in(w[j].lemma, cond_marks))
            return 1;
    }
    return 0;
}

/* The same mistake one step further: "until" read as a preposition takes
 * the subject ("sanctions") into the phrase before it, and the verb right
 * after the noun is left without a subject. */
static int cond_stranded_subject(const evg_doc_token *w, size_t n, size_t p)
{
    if (p == 0 || w[p - 1].head == p + 1)
        return 0;
    size_t j;
    FOR_KIDS(j, w, n, p)
        if (w[j].head == p + 1 && (evg_fr_base_is(w[j].deprel, "nsubj") ||
                                   evg_fr_base_is(w[j].deprel, "csubj")))
            return 0;
    const char *u = w[p - 1].upos;
    if (!u || (strcmp(u, "NOUN") && strcmp(u, "PROPN") && strcmp(u, "PRON")))
        return 0;
    return cond_subject(w, n, p - 1);
}

/* Whether word j has a negative determiner: "no agreement", "no one". */
static int negative_det(const evg_doc_token *w, size_t n, size_t j)
{
    size_t d = child(w, n, j, "det", 0);
    return d != EVG_NONE && in(w[d].lemma, negations);
}

static unsigned own_mod(const evg_doc_token *w, size_t n, size_t p)
{
    unsigned mod = 0;
    int noun = upos_is(&w[p], "NOUN") || upos_is(&w[p], "PROPN");
    if (w[p].upos && !strcmp(w[p].upos, "VERB") &&
        cond_stranded_subject(w, n, p))
        mod |= EVG_FR_HYPOTHETICAL;
    /* "no attack": a negative determiner on the event noun */
    if (noun && negative_det(w, n, p))
        mod |= EVG_FR_NEGATED;
    size_t j;
    FOR_KIDS(j, w, n, p) {
        if (w[j].head != p + 1)
            continue;
        const char *rel = w[j].deprel, *lem = w[j].lemma;
        if (evg_fr_base_is(rel, "advmod") && in(lem, negations))
            mod |= EVG_FR_NEGATED;
        /* "withdrew without firing a shot" */
        else if ((rel_is(rel, "mark") || rel_is(rel, "case")) &&
                 in(lem, negations))
            mod |= EVG_FR_NEGATED;
        /* "no agreement was reached", "killed no one": a negative
         * determiner on the subject or object of a verb */
        else if (!noun &&
                 (evg_fr_base_is(rel, "nsubj") || rel_is(rel, "obj")) &&
                 negative_det(w, n, j))
            mod |= EVG_FR_NEGATED;
        else if (evg_fr_base_is(rel, "aux") && in(lem, hypo_modals))
            mod |= EVG_FR_HYPOTHETICAL;
        else if (evg_fr_base_is(rel, "aux") && in(lem, planned_modals))
            mod |= EVG_FR_PLANNED |
                   (lem && strcmp(lem, "would") == 0 ? EVG_FR_WOULD : 0) |
                   (in(lem, future_aux) || in(w[j].form, future_aux)
                        ? EVG_FR_FUTURE
                        : 0);
        else if ((rel_is(rel, "mark") || rel_is(rel, "case")) &&
                 in(lem, cond_marks))
            mod |= EVG_FR_HYPOTHETICAL;
        else if (evg_fr_base_is(rel, "nsubj") && cond_subject(w, n, j))
            mod |= EVG_FR_HYPOTHETICAL;
    }
    return mod;
}

/* What p's governor makes of it: a complement of "hope" is hypothetical,
 * of "agree" planned, of "fail" negated, of "say" reported; conditions
 * and plans reach down through complements and coordination. */
/* A reporting verb set beside the clause it reports ('"...," he said',
 * "Iran attacked, officials said": parataxis; a parser may call it a
 * conjunct, but one without a conjunction), or EVG_NONE. */
/* Whether word j, an adverbial clause, is rather a report set after the
 * clause it hangs on ("X suspended business, Reuters reported", read as
 * an `advcl` of "suspended"): after its head, with no subordinator, a
 * subject of its own, and nothing reported of its own (no object, no
 * complement clause). A participle without a subject ("..., saying it
 * would") stays the adverbial it is. */
static int report_after(const evg_doc_token *w, size_t n, size_t j)
{
    size_t h = head_of(w, n, j);
    return evg_fr_base_is(w[j].deprel, "advcl") && h != EVG_NONE && h < j &&
           child(w, n, j, "mark", 0) == EVG_NONE &&
           child(w, n, j, "nsubj", 1) != EVG_NONE &&
           child(w, n, j, "obj", 1) == EVG_NONE &&
           child(w, n, j, "ccomp", 1) == EVG_NONE &&
           child(w, n, j, "xcomp", 1) == EVG_NONE;
}

/* Whether word j is a report set beside a clause: a parataxis, a
 * conjunct without a conjunction, or an adverbial clause read for one
 * (report_after), of a reporting verb not negated. */
static int report_beside(const evg_doc_token *w, size_t n, size_t j)
{
    return (evg_fr_base_is(w[j].deprel, "parataxis") ||
            (rel_is(w[j].deprel, "conj") &&
             child(w, n, j, "cc", 0) == EVG_NONE) ||
            report_after(w, n, j)) &&
           in(w[j].lemma, reporting) && !(own_mod(w, n, j) & EVG_FR_NEGATED);
}

/* A clause a report set after it may reach up through. */
static int reaches_up(const char *rel)
{
    return evg_fr_base_is(rel, "ccomp") || evg_fr_base_is(rel, "xcomp") ||
           evg_fr_base_is(rel, "advcl") || evg_fr_base_is(rel, "conj");
}

/* beside_report for every word of the sentence at once, walking up from
 * each report instead of scanning the sentence for each word: word q gets
 * the first report j whose head is q, or whose chain of heads reaches q
 * through clauses (reaches_up) with q before j. NULL when out of memory. */
static size_t *beside_all(const evg_doc_token *w, size_t n)
{
    size_t *b = malloc((n ? n : 1) * sizeof(*b));
    if (!b)
        return NULL;
    for (size_t q = 0; q < n; q++)
        b[q] = EVG_NONE;
    for (size_t j = 0; j < n; j++) {
        if (!report_beside(w, n, j))
            continue;
        size_t q = head_of(w, n, j);
        for (int d = 0; q != EVG_NONE && d <= DEPTH_MAX; d++) {
            if ((d == 0 || q <= j) && b[q] == EVG_NONE)
                b[q] = j;
            if (!reaches_up(w[q].deprel))
                break;
            q = head_of(w, n, q);
        }
    }
    return b;
}

static size_t beside_report(const evg_doc_token *w, size_t n, size_t p)
{
    if (kids_of.at && kids_of.w == w && kids_of.n == n && p < n) {
        if (!kids_of.beside_tried) {
            kids_of.beside_tried = 1;
            kids_of.beside = beside_all(w, n);
        }
        if (kids_of.beside)
            return kids_of.beside[p];
    }
    for (size_t j = 0; j < n; j++) {
        if (!report_beside(w, n, j))
            continue;
        /* on p, or after p on a clause p governs ("X keep warning Y that
         * Z is risky, the newspaper reported", hung on "risky"): a report
         * set after the words covers them all */
        size_t q = head_of(w, n, j);
        for (int d = 0; q != EVG_NONE && d <= DEPTH_MAX; d++) {
            if (q == p)
                return j;
            if (j < p || !reaches_up(w[q].deprel))
                break;
            q = head_of(w, n, q);
        }
    }
    return EVG_NONE;
}

/* Whether clause head c asks a question, `qm` being the sentence's last
 * question mark: the mark after it, and an auxiliary or copula before its
 * subject ("Did Iran attack", "Will Egypt condemn") or a wh-word before it
 * ("Who attacked", "Why did Iran attack", "Which country attacked"). A
 * relative clause asks nothing. Linear in c. */
static int asks(const evg_doc_token *w, size_t n, size_t c, size_t qm)
{
    if (qm == EVG_NONE || qm <= c || evg_fr_base_is(w[c].deprel, "acl"))
        return 0;
    size_t subj = EVG_NONE, aux = EVG_NONE;
    for (size_t j = 0; j < c; j++) {
        size_t h = w[j].head;
        int wh = xpos_is(&w[j], "WP") || xpos_is(&w[j], "WRB") ||
                 xpos_is(&w[j], "WP$") || xpos_is(&w[j], "WDT");
        /* the wh-word, or the wh-determiner of a phrase of c */
        if (wh && (h == c + 1 || (h >= 1 && h <= n && w[h - 1].head == c + 1)))
            return 1;
        if (h != c + 1)
            continue;
        const char *rel = w[j].deprel;
        if (evg_fr_base_is(rel, "nsubj") && subj == EVG_NONE)
            subj = j;
        else if ((evg_fr_base_is(rel, "aux") || rel_is(rel, "cop")) &&
                 aux == EVG_NONE)
            aux = j;
    }
    return aux != EVG_NONE && subj != EVG_NONE && aux < subj;
}

/* Whether word p lies in a question: in a clause that asks one, or one it
 * governs other than a relative clause. When no clause of a sentence
 * with a question mark asks ("Iran attacked Iraq?"), the clause the mark
 * closes does. */
static int in_question(const evg_doc_token *w, size_t n, size_t p)
{
    size_t qm = EVG_NONE;
    int cached = kids_of.at && kids_of.w == w && kids_of.n == n;
    if (cached && kids_of.qm_known) {
        qm = kids_of.qm;
    } else {
        for (size_t j = 0; j < n; j++)
            if (w[j].form && strcmp(w[j].form, "?") == 0)
                qm = j;
        if (cached) {
            kids_of.qm = qm;
            kids_of.qm_known = 1;
        }
    }
    if (qm == EVG_NONE)
        return 0;
    /* a clause head: a verb, an auxiliary, or what a copula hangs on */
    int any = 0;
    for (size_t c = 0; c < qm && !any; c++) {
        size_t k = c;
        if (rel_is(w[c].deprel, "cop"))
            k = head_of(w, n, c);
        else if (!upos_is(&w[c], "VERB") && !upos_is(&w[c], "AUX"))
            continue;
        any = k != EVG_NONE && asks(w, n, k, qm);
    }
    size_t q = p;
    for (int depth = 0; q != EVG_NONE && depth <= DEPTH_MAX; depth++) {
        if (any ? asks(w, n, q, qm) : q == head_of(w, n, qm))
            return 1;
        if (evg_fr_base_is(w[q].deprel, "acl") ||
            (evg_fr_base_is(w[q].deprel, "parataxis") && any))
            return 0;
        q = head_of(w, n, q);
    }
    return 0;
}

size_t evg_frame_hung_report(const evg_doc_token *w, size_t n, size_t p)
{
    if (p >= n || !evg_fr_base_is(w[p].deprel, "acl"))
        return EVG_NONE;
    size_t h = head_of(w, n, p);
    if (h == EVG_NONE || h + 1 >= p ||
        !(evg_fr_base_is(w[h].deprel, "obl") ||
          rel_is(w[h].deprel, "nmod:tmod")))
        return EVG_NONE;
    size_t r = head_of(w, n, h);
    if (r == EVG_NONE || !in(w[r].lemma, reporting) ||
        (own_mod(w, n, r) & EVG_FR_NEGATED))
        return EVG_NONE;
    /* "that" right after the noun, and a subject of the clause's own */
    if (w[h + 1].head != p + 1 || !w[h + 1].lemma ||
        strcmp(w[h + 1].lemma, "that") != 0)
        return EVG_NONE;
    size_t j;
    FOR_KIDS(j, w, n, p) {
        if (w[j].head == p + 1 && j != h + 1 &&
            evg_fr_base_is(w[j].deprel, "nsubj"))
            return r;
    }
    return EVG_NONE;
}

static unsigned mod_of(const evg_doc_token *w, size_t n, size_t p,
                       size_t *report, int depth)
{
    size_t hung = evg_frame_hung_report(w, n, p);
    if (hung != EVG_NONE) {
        /* "said on Monday that Iran is attacking": a parser may hang the
         * complement on the time; it is the report's all the same */
        *report = hung;
        return own_mod(w, n, p) | EVG_FR_REPORTED;
    }
    unsigned mod = own_mod(w, n, p);
    size_t beside = beside_report(w, n, p);
    if (beside != EVG_NONE) {
        mod |= EVG_FR_REPORTED;
        *report = beside;
    }
    size_t h = head_of(w, n, p);
    if (h == EVG_NONE || depth > DEPTH_MAX)
        return mod;
    const char *rel = w[p].deprel;
    if (object_participle(w, n, p) != EVG_NONE)
        rel = "acl"; /* it says what its noun is */
    int complement = evg_fr_base_is(rel, "xcomp") || evg_fr_base_is(rel, "ccomp") ||
                     evg_fr_base_is(rel, "acl") || evg_fr_base_is(rel, "csubj");
    unsigned up = 0;
    /* a relative clause or participle says what its noun is: it takes
     * nothing from the clause around it */
    if ((complement && !evg_fr_base_is(rel, "acl")) || evg_fr_base_is(rel, "advcl") ||
        evg_fr_base_is(rel, "conj") || evg_fr_base_is(rel, "parataxis")) {
        size_t r = EVG_NONE;
        up = mod_of(w, n, h, &r, depth + 1);
        mod |= up & (EVG_FR_HYPOTHETICAL | EVG_FR_PLANNED | EVG_FR_WOULD);
        if (evg_fr_base_is(rel, "conj") || complement) {
            mod |= up & EVG_FR_REPORTED;
            if (r != EVG_NONE && *report == EVG_NONE)
                *report = r;
        }
    } else if (evg_fr_base_is(rel, "nsubj") || evg_fr_base_is(rel, "obj") ||
               evg_fr_base_is(rel, "iobj") || evg_fr_base_is(rel, "obl") ||
               evg_fr_base_is(rel, "nmod")) {
        /* an event noun among the words of a report is the speaker's
         * too ('"The attack was a mistake," he said'), though what the
         * clause asserts or plans is not the noun's */
        size_t r = EVG_NONE;
        up = mod_of(w, n, h, &r, depth + 1);
        if ((up & EVG_FR_REPORTED) && *report == EVG_NONE) {
            mod |= EVG_FR_REPORTED;
            *report = r;
        }
    }
    /* "Greece, like most members, plans to impose": a parser may read
     * the verb before "to" as a noun or hang the infinitive elsewhere;
     * the words themselves say the act is planned */
    if (p >= 2 && h != p - 2 && head_of(w, n, p - 1) == p &&
        rel_is(w[p - 1].deprel, "mark") && w[p - 1].lemma &&
        strcmp(w[p - 1].lemma, "to") == 0 && in(w[p - 2].lemma, planned_heads))
        mod |= EVG_FR_PLANNED;
    /* a relative clause says what its noun is: "the proposal that the
     * minister made" was made, "the proposal that Iran withdraw" is the
     * proposal's content */
    if (complement && (rel_is(rel, "acl:relcl") ||
                       evg_frame_relative_clause(w, n, p)))
        complement = 0;
    if (complement) {
        const char *hl = w[h].lemma;
        if (in(hl, hypo_heads))
            mod |= EVG_FR_HYPOTHETICAL;
        else if (in(hl, planned_heads))
            /* a plan is its agent's own: "Iran expects to release" is
             * planned, "Japan expects Iran to release" Japan's belief */
            mod |= evg_fr_base_is(rel, "xcomp") &&
                           (child(w, n, h, "obj", 0) != EVG_NONE ||
                            child(w, n, h, "iobj", 0) != EVG_NONE)
                       ? EVG_FR_HYPOTHETICAL
                       : EVG_FR_PLANNED;
        else if (evg_fr_base_is(rel, "xcomp") && in(hl, negative_heads))
            mod |= EVG_FR_NEGATED;
        /* "no hope that ...", "never expected to" */
        size_t d = child(w, n, h, "det", 0);
        if (d != EVG_NONE && in(w[d].lemma, negations))
            mod |= EVG_FR_HYPOTHETICAL;
        /* "did not say that Syria attacked", "did not agree to
         * withdraw": what a denied report or intention is about is not
         * asserted (a refusal's complement stays negated) */
        if ((up & EVG_FR_NEGATED) && !evg_fr_base_is(rel, "acl") &&
            !in(hl, negative_heads)) {
            mod |= EVG_FR_HYPOTHETICAL;
            mod &= ~(unsigned)(EVG_FR_REPORTED | EVG_FR_PLANNED | EVG_FR_WOULD);
            *report = EVG_NONE;
        }
    }
    /* the complement of a report, or what it reports set before it,
     * which a parser may hang on it as a clause without a subordinator
     * ("X keep warning Y, the newspaper reported") */
    int before = evg_fr_base_is(rel, "advcl") && p < h &&
                 child(w, n, p, "mark", 0) == EVG_NONE;
    if ((evg_fr_base_is(rel, "ccomp") || evg_fr_base_is(rel, "parataxis") ||
         before) &&
        in(w[h].lemma, reporting) && !(own_mod(w, n, h) & EVG_FR_NEGATED) &&
        beside == EVG_NONE) {
        mod |= EVG_FR_REPORTED;
        *report = h;
    }
    /* the report beside a clause is not its own report */
    if (*report == p) {
        mod &= ~(unsigned)EVG_FR_REPORTED;
        *report = EVG_NONE;
    }
    return mod;
}

void evg_frame_build(const evg_doc_token *w, size_t n, size_t p,
                     evg_frame *f)
{
    memset(f, 0, sizeof(*f));
    f->pred = p;
    f->report = EVG_NONE;
    if (p >= n)
        return;
    const evg_doc_token *t = &w[p];
    f->nominal = upos_is(t, "NOUN") || upos_is(t, "PROPN");
    /* a participle used as an adjective: "occupied Kuwait", "the
     * disputed islands" (a verb form the tagger left as a verb, or an
     * adjective in -ed) */
    size_t len = t->form ? strlen(t->form) : 0;
    f->modifier = !f->nominal && rel_is(t->deprel, "amod") &&
                  (xpos_is(t, "VBN") ||
                   (len > 3 && strcmp(t->form + len - 2, "ed") == 0)) &&
                  /* "have staged rallies" read as an adjective of the
                   * rallies: a verb with auxiliaries is a clause */
                  child(w, n, p, "aux", 1) == EVG_NONE;
    f->passive = !f->nominal && is_passive(w, n, p);
    evg_fr_how how;
    size_t a = agent_of(w, n, p, 0, &how);
    add(f, EVG_FR_AGENT, how, a, how == EVG_FR_BY_AGENT ? "by" : NULL);
    size_t h = head_of(w, n, p);
    size_t j;
    FOR_KIDS(j, w, n, p) {
        if (w[j].head != p + 1)
            continue;
        const char *rel = w[j].deprel;
        const char *prep = evg_frame_prep_of(w, n, j);
        how = EVG_FR_DIRECT;
        if (rel_is(rel, "obj") || rel_is(rel, "nsubj:pass") ||
            (rel_is(rel, "nsubj") && f->passive)) {
            /* the subject of a passive the parser labeled active
             * ("Boeing allowed to bid": reduced_passive) */
            size_t o = resolve(w, n, p, j, &how);
            add(f, EVG_FR_PATIENT, how, o, NULL);
        } else if (rel_is(rel, "iobj")) {
            add(f, EVG_FR_RECIPIENT, how, j, NULL);
        } else if (f->nominal &&
                   (rel_is(rel, "nmod:poss") || rel_is(rel, "compound") ||
                    rel_is(rel, "amod"))) {
            /* "Iran's attack", "US sanctions", "Iraqi shelling" */
            if (!upos_is(&w[j], "NOUN") || rel_is(rel, "nmod:poss"))
                add(f, EVG_FR_AGENT, how, j, NULL);
        } else if (f->nominal && evg_fr_base_is(rel, "nmod")) {
            if (prep && strcmp(prep, "by") == 0)
                add(f, EVG_FR_AGENT, EVG_FR_BY_AGENT, j, prep);
            else if (prep && (strcmp(prep, "of") == 0 ||
                              strcmp(prep, "on") == 0 ||
                              strcmp(prep, "against") == 0))
                add(f, EVG_FR_PATIENT, how, j, prep);
            else
                add(f, oblique_role(w, j, prep), how, j, prep);
        } else if (evg_fr_base_is(rel, "obl") && !rel_is(rel, "obl:agent")) {
            if (f->passive && prep && strcmp(prep, "by") == 0)
                continue; /* the agent, found above */
            add(f, oblique_role(w, j, prep), how, j, prep);
        } else if (rel_is(rel, "advmod") && upos_is(&w[j], "NOUN")) {
            add(f, EVG_FR_TIME, how, j, NULL); /* "yesterday" as a noun */
        }
    }
    /* the noun a participle, relative clause or adjective modifies */
    if (h != EVG_NONE && !f->nominal) {
        const char *rel = t->deprel;
        int patient_gap = f->passive ||
                          (rel_is(rel, "acl:relcl") &&
                           child(w, n, p, "obj", 0) == EVG_NONE &&
                           child(w, n, p, "nsubj", 0) != EVG_NONE);
        if ((evg_fr_base_is(rel, "acl") || rel_is(rel, "amod")) &&
            (patient_gap || f->modifier) &&
            evg_frame_hung_report(w, n, p) == EVG_NONE)
            add(f, EVG_FR_PATIENT, EVG_FR_RELATIVE, h, NULL);
        size_t o = object_participle(w, n, p);
        if (o != EVG_NONE)
            add(f, EVG_FR_PATIENT, EVG_FR_RELATIVE, o, NULL);
    }
    /* a participle that describes a noun (a reduced relative): what it
     * tells is background to its clause */
    f->reduced = !f->nominal && object_participle(w, n, p) != EVG_NONE;
    /* arguments coordinated with an argument: "X and Y", "X, Y and Z" */
    size_t n0 = f->n_arg;
    for (size_t i = 0; i < n0; i++)
        FOR_KIDS(j, w, n, f->arg[i].word)
            if (w[j].head == f->arg[i].word + 1 && rel_is(w[j].deprel, "conj") &&
                !upos_is(&w[j], "VERB"))
                add(f, f->arg[i].role, EVG_FR_COORDINATED, j, f->arg[i].prep);
    f->mod = mod_of(w, n, p, &f->report, 0);
    if (in_question(w, n, p))
        f->mod |= EVG_FR_HYPOTHETICAL;
}

int evg_frame_relative_clause(const evg_doc_token *w, size_t n, size_t p)
{
    if (p >= n || evg_frame_hung_report(w, n, p) != EVG_NONE)
        return 0;
    if (w[p].deprel && strstr(w[p].deprel, ":relcl"))
        return 1;
    size_t j;
    FOR_KIDS(j, w, n, p) {
        if (j >= p)
            break;
        if (w[j].head == p + 1 &&
            (evg_fr_base_is(w[j].deprel, "nsubj") ||
             evg_fr_base_is(w[j].deprel, "obj")) &&
            in(w[j].lemma, relatives) &&
            (xpos_is(&w[j], "WDT") || xpos_is(&w[j], "WP")))
            return 1;
    }
    return 0;
}

/* Whether verb t is one of `list` by its lemma or, where the lemmatizer
 * missed ("postponed" -> "postpon"), by its form less a regular ending
 * (-s, -es, -d, -ed, -ing, -ing for a silent e). */
static int verb_in(const evg_doc_token *t, const char *const *list)
{
    if (in(t->lemma, list))
        return 1;
    static const char *const ends[] = {"s", "es", "d", "ed", "ing"};
    size_t len = t->form ? strlen(t->form) : 0;
    char low[32], buf[34];
    if (len < 4 || len >= sizeof(low))
        return 0;
    for (size_t i = 0; i < len; i++)
        low[i] = (char)tolower((unsigned char)t->form[i]);
    for (size_t e = 0; e < sizeof(ends) / sizeof(ends[0]); e++) {
        size_t k = strlen(ends[e]);
        if (len <= k + 2 || memcmp(low + len - k, ends[e], k) != 0)
            continue;
        memcpy(buf, low, len - k);
        buf[len - k] = '\0';
        if (in(buf, list))
            return 1;
        if (k == 3) { /* "postponing": the silent e back */
            buf[len - k] = 'e';
            buf[len - k + 1] = '\0';
            if (in(buf, list))
                return 1;
        }
    }
    return 0;
}

int evg_frame_scheduled_time(const evg_doc_token *w, size_t n, size_t p,
                             size_t j)
{
    return p < n && j < n && head_of(w, n, j) == p &&
           verb_in(&w[p], sched_verbs) &&
           in(evg_frame_prep_of(w, n, j), sched_preps);
}

int evg_frame_same_time_clause(const evg_doc_token *w, size_t n, size_t p)
{
    if (p >= n || !(evg_fr_base_is(w[p].deprel, "advcl") ||
                    evg_fr_base_is(w[p].deprel, "acl")))
        return 0;
    /* "when" as the clause's subordinator or its first word's adverb (a
     * parser may hang the clause on the noun before it) */
    size_t j;
    FOR_KIDS(j, w, n, p) {
        if (j >= p)
            break;
        if (w[j].head == p + 1 &&
            (rel_is(w[j].deprel, "mark") ||
             (rel_is(w[j].deprel, "advmod") && xpos_is(&w[j], "WRB"))))
            return in(w[j].lemma, simul_marks) &&
                   (evg_fr_base_is(w[p].deprel, "advcl") ||
                    rel_is(w[j].deprel, "advmod"));
    }
    return 0;
}

int evg_frame_occasion(const evg_doc_token *w, size_t n, size_t j)
{
    if (j >= n || !(evg_fr_base_is(w[j].deprel, "obl") ||
                    evg_fr_base_is(w[j].deprel, "nmod")))
        return 0;
    return in(evg_frame_prep_of(w, n, j), occasion_preps);
}

evg_fr_tense evg_frame_tense(const evg_doc_token *w, size_t n, size_t p)
{
    if (p >= n)
        return EVG_FR_TENSE_NONE;
    int perfect = 0, finite_past = 0, finite_present = 0;
    size_t j;
    FOR_KIDS(j, w, n, p) {
        if (w[j].head != p + 1 ||
            !(evg_fr_base_is(w[j].deprel, "aux") ||
              rel_is(w[j].deprel, "cop")))
            continue;
        const char *lem = w[j].lemma, *form = w[j].form;
        if (xpos_is(&w[j], "MD") || in(lem, planned_modals) ||
            in(lem, hypo_modals)) {
            if (in(lem, future_aux) || in(form, future_aux))
                return EVG_FR_TENSE_FUTURE;
            if (lem && strcmp(lem, "would") == 0)
                return EVG_FR_TENSE_WOULD;
            if (in(lem, hypo_modals) || xpos_is(&w[j], "MD"))
                return EVG_FR_TENSE_MODAL;
        }
        /* the first finite auxiliary carries the tense */
        if (in(form, perfect_aux) && !rel_is(w[j].deprel, "cop") &&
            !finite_past && !finite_present)
            perfect = 1;
        else if (xpos_is(&w[j], "VBD"))
            finite_past = 1;
        else if (xpos_is(&w[j], "VBZ") || xpos_is(&w[j], "VBP"))
            finite_present = 1;
    }
    if (perfect)
        return EVG_FR_TENSE_PERFECT;
    if (finite_past || xpos_is(&w[p], "VBD"))
        return EVG_FR_TENSE_PAST;
    if (finite_present || xpos_is(&w[p], "VBZ") || xpos_is(&w[p], "VBP"))
        return EVG_FR_TENSE_PRESENT;
    return EVG_FR_TENSE_NONE;
}

int evg_frame_past_perfect(const evg_doc_token *w, size_t n, size_t p)
{
    if (evg_frame_tense(w, n, p) != EVG_FR_TENSE_PERFECT)
        return 0;
    size_t j;
    FOR_KIDS(j, w, n, p) {
        if (w[j].head == p + 1 && evg_fr_base_is(w[j].deprel, "aux") &&
            in(w[j].form, perfect_aux))
            return xpos_is(&w[j], "VBD");
    }
    return 0;
}

const evg_fr_arg *evg_frame_next(const evg_frame *f, evg_fr_role role,
                                 size_t *at)
{
    for (; *at < f->n_arg; (*at)++)
        if (f->arg[*at].role == role)
            return &f->arg[(*at)++];
    return NULL;
}

const char *evg_fr_role_name(evg_fr_role role)
{
    static const char *const names[] = {"agent",    "patient", "recipient",
                                        "location", "time",    "theme"};
    return (unsigned)role < sizeof(names) / sizeof(names[0]) ? names[role]
                                                              : "theme";
}

int evg_frame_opposition(const evg_doc_token *w, size_t n, size_t j)
{
    return j < n && in(w[j].lemma, opposition_nouns);
}
