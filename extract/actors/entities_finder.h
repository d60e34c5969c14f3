/* The actor finder's working state, private to extract/actors/: the
 * candidate mentions, the finder's context, and what each part offers the
 * others. The parts, each using only those before it: entities_words.c
 * (word tests, candidates, unknown names), entities_refs.c (pronouns and
 * descriptions that refer back, names seen before), entities_merge.c (one
 * entity per actor, and the lookups of later stages), entities.c (role
 * words, descriptions and names in chains; the stage). */
#ifndef EVG_EXTRACT_ENTITIES_FINDER_H
#define EVG_EXTRACT_ENTITIES_FINDER_H

#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "entities.h"
#include "gazetteer.h"
#include "names.h"

#define B(c) EVG_GZ_BIT(EVG_GZ_##c)
#define M_PREFIX (B(COUNTRY) | B(ADJ) | B(CAPITAL) | B(IGO))
#define M_NAME                                                              \
    (B(COUNTRY) | B(CAPITAL) | B(IGO) | B(GOV) | B(MEDIA) | B(ORG) |         \
     B(GROUP) | B(PERSON) | B(CITY))
#define M_ALL 0xffffffffu
#define MAX_MODS 3
#define COREF_WINDOW 4 /* sentences a description or pronoun looks back */
#define NAME_WINDOW 4096 /* mentions a body looks at for its country
                          * (bounds the cost on very long documents) */

enum { REF_NONE = 0, REF_PRONOUN_THING, REF_PRONOUN_PERSON, REF_DESC };

#define CAND_NONE UINT32_MAX /* no antecedent */

enum { CAND_EMBEDDED = 0, CAND_OBLIQUE, CAND_OBJECT, CAND_SUBJECT };

/* A candidate mention. A document of ten names a sentence has a hundred
 * thousand in 1 MB, so it is packed: byte offsets, the sentence and the
 * antecedent in 4 bytes each (evg_extract__entities refuses a text of 4
 * GiB, evg_actors__push more than UINT32_MAX - 1 candidates), the kind in
 * a byte, the flags in bits, and no merge key of its own (the map of
 * keys holds one a key): 56 bytes (104 with sizes and a byte a flag, 64
 * with a key). */
typedef struct cand {
    uint32_t start, end;   /* mention span */
    uint32_t nstart, nend; /* the name inside it (aliases), or = span */
    uint32_t sent;
    unsigned char kind;  /* evg_entity_kind */
    char kk;             /* key kind: g gazetteer name, b body of any
                          * country, r role group, n unknown name */
    /* flags, 0 or 1 (one bit each) */
    _Bool explicit_country : 1;
    _Bool needs_country : 1; /* take the country from context if
                                  * unknown */
    _Bool is_place : 1; /* a country, capital or adjective mention */
    _Bool cprefix : 1;  /* a country named before it ("US President") */
    _Bool adj_only : 1; /* a bare adjective ("Hungarian") */
    _Bool metonym : 1;  /* a capital speaking for its government
                             * ("Washington's decision") */
    _Bool is_name : 1;  /* a name (not a pronoun or description): its
                             * name part becomes an alias of the entity */
    _Bool drop : 1;  /* no actor: an operation's name; kept to tell
                          * later mentions of the same name */
    _Bool skip : 1;  /* this mention is no actor's ("posted in the
                          * Federal Register", a photo credit) */
    _Bool people : 1; /* a place below a country named as a place
                           * ("a curfew in Abidjan", "Iraqi towns", "the
                           * town of Cizre"): as a participant it stands
                           * for the people there, its country's
                           * civilians (the mention's code: CVL) */
    _Bool bare : 1;  /* a bare plural of a state's role with no
                          * country word ("Officials said"), a country's
                          * government ("the US government"): a mention
                          * of its country's entity, with the role's
                          * code, when the document names the country */
    _Bool described : 1; /* a description of some of a country's
                              * people ("thousands of people", "Moslem
                              * fundamentalist demonstrators"): a mention
                              * of the country named, as bare is */
    unsigned role : 2;   /* its place in the parse, what makes it salient
                          * to a later pronoun or description: CAND_SUBJECT,
                          * CAND_OBJECT, CAND_OBLIQUE, or 0 inside another
                          * noun phrase ("of Singapore Airlines", "Airbus
                          * A320 jets") or without a parse */
    uint32_t ante;       /* antecedent cand for references, or CAND_NONE */
    char country[4];     /* "" while unknown */
    char sector[4];
    char avoid[4];       /* "ethnic Albanians": not this country's own
                          * actors; the country comes from the context */
    const char *name;    /* canonical name proposal (borrowed or NULL) */
    const char *title;   /* canonical title it was named with ("prime
                          * minister"), or NULL */
} cand;
_Static_assert(sizeof(cand) <= 56, "a candidate takes 56 bytes at most");

typedef struct cands {
    cand *v;
    size_t n, cap;
} cands;

typedef struct nslot {
    const char *s; /* name bytes (in the text or the gazetteer) */
    size_t n;
    size_t hash;
    size_t root;
} nslot;

typedef struct ctx {
    nslot *ntab;   /* names seen so far -> root cand (latest wins) */
    size_t ncap, nused, indexed;
    int nfail;     /* out of memory while indexing */
    evg_doc *doc;
    const evg_gazetteer *g;
    long date;     /* the document's date, YYYYMMDD (0: unknown): picks
                    * dated dictionary codes */
    const char *t;
    cands c;
    size_t sent;
    int boiler;    /* boilerplate or a headline: no names guessed */
    int credit;    /* boilerplate (credits, captions, bylines) */
    const evg_token *tk;
    size_t n;
    const evg_doc_token *ud; /* the sentence's words in the parse, or NULL */
    size_t n_ud;
} ctx;

static inline int word_in(const char *t, const evg_token *k,
                         const char *const *list)
{
    for (const char *const *w = list; *w; w++)
        if (evg_extract__tok_is(t, k, *w))
            return 1;
    return 0;
}

static inline int is_word(const evg_token *k)
{
    return (k->flags & EVG_TOK_WORD) != 0;
}

static inline int is_lower_word(const char *t, const evg_token *k)
{
    return is_word(k) && !(k->flags & EVG_TOK_CAP) &&
           islower((unsigned char)t[k->start]);
}

static inline int tok_is(const ctx *x, size_t i, const char *w)
{
    return i < x->n && evg_extract__tok_is(x->t, &x->tk[i], w);
}

static inline int is_possessive(const ctx *x, size_t i)
{
    if (i >= x->n)
        return 0;
    const evg_token *k = &x->tk[i];
    const char *s = x->t + k->start;
    size_t n = k->end - k->start;
    return (n == 2 && s[0] == '\'' && (s[1] == 's' || s[1] == 'S')) ||
           (n == 4 && memcmp(s, "\xe2\x80\x99", 3) == 0 &&
            (s[3] == 's' || s[3] == 'S'));
}

/* ---- entities_words.c: word tests, candidates, unknown names ---- */
/* Reads the finder's word lists (once); EVG_EPARSE, EVG_ENOMEM. */
int evg_actors__load_words(evg_error *err);
/* The finder's word lists of extract/data/ (NAME.words, NULL-terminated),
 * set by evg_actors__load_words(). */
extern const char *const *evg_actors__modifiers; /* role_modifiers.words */
extern const char *const *evg_actors__name_heads;
extern const char *const *evg_actors__place_prefixes;
extern const char *const *evg_actors__place_kinds;
extern const char *const *evg_actors__locatives;
extern const char *const *evg_actors__quantifiers;
extern const char *const *evg_actors__quantity_nouns;
extern const char *const *evg_actors__government_heads;
extern const char *const *evg_actors__government_plurals;
extern const char *const *evg_actors__pronouns_thing;
extern const char *const *evg_actors__pronouns_person;
extern const char *const *evg_actors__pronouns_plural;
/* The longest word of the thing, person and plural pronoun lists (set by
 * evg_actors__load_words): a longer token is none of them. */
extern size_t evg_actors__pronoun_len[3];
/* The gender the word `w` (`n` bytes: a first name, a title, a pronoun)
 * gives a person: 'm', 'f', or 0 when it says none (person_gender.words). */
int evg_actors__gender(const char *w, size_t n);
extern const char *const *evg_actors__raising; /* raising_verbs.words */
extern const char *const *evg_actors__expletive_be;
/* expletive_adjectives.words */
extern const char *const *evg_actors__expletive_adj;
extern const char *const *evg_actors__place_heads;
extern const char *const *evg_actors__operation_words;
extern const char *const *evg_actors__vehicles;
extern const char *const *evg_actors__publication_heads;
extern const char *const *evg_actors__number_scales;
/* past_titles.words: "former", "ousted" before a title */
extern const char *const *evg_actors__past_titles;
/* transnational_words.words: "World", "African" in an NGO's name */
extern const char *const *evg_actors__transnational;
/* state_media_marks.words: "official", "state-run" before a news outlet */
extern const char *const *evg_actors__state_media;
/* ethnic_heads.words: "population", "minority" after a demonym */
extern const char *const *evg_actors__ethnic_heads;
extern const char *const *evg_actors__employer_titles; /* employer_titles.words */
extern const char *const *evg_actors__company_descriptors; /* company_descriptors.words */

int evg_actors__stop_word(const char *t, const evg_token *k);
size_t evg_actors__gz(const ctx *x, size_t i, unsigned mask,
                      const evg_gz_entry **e);
char *evg_actors__keydup(const char *a, const char *b, size_t bn);
cand *evg_actors__push(ctx *x, size_t start, size_t end);
/* The place in the parse of the phrase at bytes [start, end) of the
 * current sentence: CAND_SUBJECT ("nsubj", "csubj"), CAND_OBJECT ("obj",
 * "iobj", a headline's root), CAND_OBLIQUE ("obl") or CAND_EMBEDDED; a
 * conjunct or apposition has the place of what it is joined to. */
int evg_actors__role(const ctx *x, size_t start, size_t end);
void evg_actors__set_country(cand *d, const char *c3, int explicit_);
void evg_actors__set_sector(cand *d, const char *s);
evg_entity_kind evg_actors__kind_of_sector(const char *s,
                                           evg_entity_kind dflt);
evg_entity_kind evg_actors__kind_of_class(unsigned cls, const char *sector);
size_t evg_actors__cap_span(const ctx *x, size_t i);
/* Is token j a particle of a person's name ("de", "al-Assad")? */
int evg_actors__particle(const ctx *x, size_t j);
/* Is token i a first name ("Louis", "Bill"), not a title or a pronoun? */
int evg_actors__first_name(const ctx *x, size_t i);
int evg_actors__name_number(const ctx *x, size_t j);
/* Is token j a model's code of letters and digits: one or two capitals,
 * two to four digits, capitals after them ("A380", "A330", "KC45",
 * "A350XWB")? After a company's name it names a product ("Airbus
 * A380"), as a number does ("Boeing 777"). */
int evg_actors__model_code(const ctx *x, size_t j);
/* A brand's spelling, lower case then a capital: "iPod", "eBay". */
int evg_actors__brand_word(const ctx *x, size_t j);
const char *evg_actors__name_sector(const ctx *x, size_t i, size_t len,
                                    int *org);
int evg_actors__all_caps_acronym(const ctx *x, size_t i, size_t len);

/* ---- entities_refs.c: references and names seen before ---- */
size_t evg_actors__antecedent(const ctx *x, int want_person,
                              const char *title, const char *sector,
                              const char *country, int want_country,
                              int allow_groups, const evg_token *head);
int evg_actors__push_ref(ctx *x, size_t s, size_t e, size_t root);
int evg_actors__pronoun(ctx *x, size_t i);
size_t evg_actors__same_name(ctx *x, size_t upto, size_t s, size_t e);
/* A first name alone (bytes s..e: "Steve") after a person whose name it
 * opens ("Steve Jobs"): the root cand of the one such person before
 * `upto`, or EVG_NONE when none or several ("Steve Wozniak" too). */
size_t evg_actors__same_first_name(const ctx *x, size_t upto, size_t s,
                                   size_t e);
/* A model's code alone ("A380", bytes s..e) after an earlier product
 * named with its maker ("Airbus A380"), or a product named as an earlier
 * one with the code's capitals left out ("Airbus 380"): the root cand of
 * the latest such product before `upto`, or EVG_NONE. */
size_t evg_actors__same_model(const ctx *x, size_t upto, size_t s, size_t e);
/* As evg_actors__same_name, for the `n` bytes at `p` (any buffer). */
size_t evg_actors__same_bytes(ctx *x, size_t upto, const char *p, size_t n);
size_t evg_actors__same_person(const ctx *x, size_t upto, size_t s, size_t e);
size_t evg_actors__same_letters(const ctx *x, size_t upto, size_t s, size_t e);

/* ---- entities_merge.c: merging ---- */
int evg_actors__build(ctx *x);

#endif
