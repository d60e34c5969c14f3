/* The actor finder: names from the gazetteer and capitalized spans, the role
 * words around them ("US President", "South Korean operator"), definite
 * descriptions and pronouns that refer back ("the company", "its"), merged
 * into one entity per actor with a CAMEO actor code. Runs after sentence
 * splitting; the event coder reads what it leaves in doc->entities. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>


#include "doc_layer.h"
#include "entities_finder.h"

static int strong_sector(const char *s)
{
    static const char *const strong[] = {"GOV", "MIL", "COP", "REB", "LEG",
                                         "OPP", "REF", "JUD", "SPY", NULL};
    for (const char *const *p = strong; *p; p++)
        if (s && !strcmp(s, *p))
            return 1;
    return 0;
}

/* Does the parse tag token i with the part of speech `pos`? */
static int up_is(const ctx *x, size_t i, const char *pos)
{
    const char *up = i < x->n ? evg_doc__upos_at(x->doc, x->tk[i].start)
                              : NULL;
    return up && !strcmp(up, pos);
}

/* Is the word before token i one that qualifies the noun phrase starting
 * there ("rival militias", "Moslem forces"), not a function word or
 * punctuation? */
static int modified(const ctx *x, size_t i)
{
    if (i == 0 || !is_word(&x->tk[i - 1]))
        return 0;
    const char *up = evg_doc__upos_at(x->doc, x->tk[i - 1].start);
    if (up)
        return !strcmp(up, "ADJ") || !strcmp(up, "PROPN") ||
               !strcmp(up, "NOUN") || !strcmp(up, "NUM");
    return (x->tk[i - 1].flags & EVG_TOK_CAP) ||
           !evg_actors__stop_word(x->t, &x->tk[i - 1]);
}

/* Does the parse tag no token of [s, e) a verb ("company told
 * customers" is no noun phrase)? Without the parse: none is known. */
static int no_verb(const ctx *x, size_t s, size_t e)
{
    for (size_t i = s; i < e; i++)
        if (up_is(x, i, "VERB") || up_is(x, i, "AUX"))
            return 0;
    return 1;
}

/* The number of words of `s` ("security forces": 2). */
static size_t words_in(const char *s)
{
    size_t n = 1;
    for (; *s; s++)
        n += *s == ' ';
    return n;
}

/* The sectors of a state's own bodies: its government, legislature,
 * courts, armed forces, police and intelligence. */
static int state_sector(const char *s)
{
    static const char *const state[] = {"GOV", "MIL", "COP", "LEG", "JUD",
                                        "SPY", NULL};
    for (const char *const *p = state; *p; p++)
        if (s && !strcmp(s, *p))
            return 1;
    return 0;
}

/* "rebels in Darfur", "president of Armenia", "students throughout
 * Indonesia", "a missionary from Calgary": the country after a role (of a
 * country, its capital, or a city the gazetteer places in one); after
 * "from", also of a country's adjective past a number or a quantifier
 * ("doctors from two American aid groups": people from a body come from
 * its country). */
static const evg_gz_entry *country_after(const ctx *x, size_t j)
{
    if (!(tok_is(x, j, "in") || tok_is(x, j, "of") || tok_is(x, j, "from") ||
          tok_is(x, j, "throughout") || tok_is(x, j, "across")))
        return NULL;
    unsigned mask = B(COUNTRY) | B(CAPITAL) | B(CITY);
    if (tok_is(x, j, "from")) {
        mask |= B(ADJ);
        if (j + 1 < x->n && (up_is(x, j + 1, "NUM") ||
                             word_in(x->t, &x->tk[j + 1],
                                     evg_actors__quantifiers) ||
                             tok_is(x, j + 1, "a") || tok_is(x, j + 1, "an")))
            j++;
    }
    j++;
    if (tok_is(x, j, "the"))
        j++;
    const evg_gz_entry *e;
    if (evg_actors__gz(x, j, mask, &e) &&
        memcmp(e->country, "---", 3) != 0)
        return e;
    return NULL;
}

/* "of southern Serbia", "in the Golan Heights": the country (or a place
 * the gazetteer places in one) after "of" or "in", past "the" and one
 * lower-case word, or NULL. */
static const evg_gz_entry *country_of_place(const ctx *x, size_t j)
{
    if (!(tok_is(x, j, "of") || tok_is(x, j, "in")))
        return NULL;
    j++;
    if (tok_is(x, j, "the"))
        j++;
    if (j < x->n && is_lower_word(x->t, &x->tk[j]) &&
        !evg_actors__stop_word(x->t, &x->tk[j]))
        j++; /* "southern" */
    const evg_gz_entry *e;
    if (evg_actors__gz(x, j, B(COUNTRY) | B(CAPITAL) | B(CITY), &e) &&
        memcmp(e->country, "---", 3) != 0)
        return e;
    return NULL;
}

/* Is token j a quotation mark ("``", "''", a straight or curly quote)? */
static int quote_tok(const ctx *x, size_t j)
{
    const char *w = x->t + x->tk[j].start;
    size_t n = x->tk[j].end - x->tk[j].start;
    if (n == 3 && (unsigned char)w[0] == 0xe2 && (unsigned char)w[1] == 0x80 &&
        ((unsigned char)w[2] >= 0x98 && (unsigned char)w[2] <= 0x9d))
        return 1;
    for (size_t i = 0; i < n; i++)
        if (w[i] != '`' && w[i] != '\'' && w[i] != '"')
            return 0;
    return n > 0;
}

/* Is the name at token i written after a model number ("the 787
 * Dreamliner", "their new 787 `` Dreamliner ''"): a number of two to five
 * characters, no year, after a determiner or an adjective? Such a name
 * is a product's. */
static int model_number_before(const ctx *x, size_t i)
{
    size_t k = i;
    while (k > 0 && k + 2 > i && quote_tok(x, k - 1))
        k--;
    if (k < 2)
        return 0;
    const evg_token *nt = &x->tk[k - 1];
    const char *w = x->t + nt->start;
    size_t n = nt->end - nt->start;
    if (!(nt->flags & EVG_TOK_NUM) || n < 2 || n > 5 ||
        !isdigit((unsigned char)w[0]) || w[0] == '0')
        return 0;
    long v = 0;
    for (size_t q = 0; q < n; q++) {
        if (!isdigit((unsigned char)w[q]))
            return 0;
        v = v * 10 + (w[q] - '0');
    }
    if (n == 4 && v >= 1800 && v <= 2100)
        return 0;
    return tok_is(x, k - 2, "the") || tok_is(x, k - 2, "a") ||
           tok_is(x, k - 2, "its") || tok_is(x, k - 2, "their") ||
           (is_lower_word(x->t, &x->tk[k - 2]) && up_is(x, k - 2, "ADJ"));
}

/* Is token j a noun for a place below a country (place_kinds.words:
 * "town", "village", "city"), or its plural ("towns", "cities")? */
static int place_noun(const ctx *x, size_t j)
{
    if (j >= x->n || !is_lower_word(x->t, &x->tk[j]))
        return 0;
    if (word_in(x->t, &x->tk[j], evg_actors__place_kinds))
        return 1;
    const char *w = x->t + x->tk[j].start;
    size_t n = x->tk[j].end - x->tk[j].start;
    if (n < 4 || w[n - 1] != 's')
        return 0;
    for (const char *const *p = evg_actors__place_kinds; *p; p++) {
        size_t l = strlen(*p);
        if ((l == n - 1 && !memcmp(w, *p, l)) ||
            (l == n - 2 && (*p)[l - 1] == 'y' && !memcmp(w, *p, l - 1) &&
             !memcmp(w + l - 1, "ies", 3) && n == l + 2))
            return 1;
    }
    return 0;
}

/* "Iraqi towns", "the Bosnian town of Gorazde": a place noun after the
 * country word at token k, past at most MAX_MODS modifiers. */
static int place_noun_after(const ctx *x, size_t k)
{
    for (size_t m = 0; m <= MAX_MODS && k < x->n; m++, k++) {
        if (place_noun(x, k))
            return 1;
        if (!is_lower_word(x->t, &x->tk[k]) ||
            evg_actors__stop_word(x->t, &x->tk[k]))
            return 0;
    }
    return 0;
}

/* "a village in Western Cambodia", "villages near Macedonia": a place
 * noun, then "in", "near" or "of" (and a capitalized word), before the
 * country's name at token i. */
static int place_noun_before(const ctx *x, size_t i)
{
    size_t k = i;
    if (k >= 2 && (x->tk[k - 1].flags & EVG_TOK_CAP) && is_word(&x->tk[k - 1]))
        k--; /* "Western" */
    if (k >= 2 && tok_is(x, k - 1, "the"))
        k--;
    return k >= 2 &&
           (tok_is(x, k - 1, "in") || tok_is(x, k - 1, "near") ||
            tok_is(x, k - 1, "of")) &&
           place_noun(x, k - 2);
}

typedef struct chain {
    size_t i0, start, end;
    int det, definite;
    const evg_gz_entry *c, *title, *role, *name;
    size_t c_start, c_end;
    size_t name_s, name_e;
    const evg_gz_entry *maker; /* "Boeing 777": the maker of the product
                                * named */
    size_t nick_s, nick_e;     /* "Boeing 787 Dreamliner", "Boeing 787
                                * `` Dreamliner ''": the product's own
                                * name after its maker's model number */
    int unknown, possessive;
    int hyphen; /* "Huawei-made": a mention, never an antecedent */
} chain;

static int mod_ok(const ctx *x, size_t j)
{
    if (j >= x->n || !is_lower_word(x->t, &x->tk[j]))
        return 0;
    /* a verb the parse finds is no modifier ("Britain hired new police":
     * two actors and a verb), except a participle ("armed forces",
     * "ruling party", "state-owned companies") */
    if (up_is(x, j, "AUX"))
        return 0;
    if (up_is(x, j, "VERB")) {
        const char *xp = evg_doc__xpos_at(x->doc, x->tk[j].start);
        if (!xp || (strcmp(xp, "VBN") != 0 && strcmp(xp, "VBG") != 0))
            return 0;
    }
    const evg_token *k = &x->tk[j];
    size_t n = k->end - k->start;
    if (n > 2 && memcmp(x->t + k->end - 2, "ly", 2) == 0)
        return 0;
    return !evg_actors__stop_word(x->t, k) ||
           word_in(x->t, k, evg_actors__modifiers);
}

/* The gazetteer name before the hyphen of a token such as "Chinese-made"
 * (lower-case after the hyphen), or NULL. */
static const evg_gz_entry *hyphen_prefix(const ctx *x, size_t j)
{
    if (j >= x->n || !is_word(&x->tk[j]) || !(x->tk[j].flags & EVG_TOK_CAP))
        return NULL;
    const evg_token *k = &x->tk[j];
    const char *h = memchr(x->t + k->start, '-', k->end - k->start);
    if (!h || h + 1 >= x->t + k->end || !islower((unsigned char)h[1]))
        return NULL;
    evg_token sub = *k;
    sub.end = (size_t)(h - x->t);
    const evg_gz_entry *e;
    if (evg_gz_match(x->g, x->t, &sub, 1, 0, M_PREFIX | M_NAME, x->date, &e))
        return e;
    return NULL;
}

/* A capitalized plural of a title ("Presidents", "Ministers") at token j:
 * the title's entry, or NULL. */
static const evg_gz_entry *plural_title(const ctx *x, size_t j)
{
    if (j >= x->n || !is_word(&x->tk[j]) || !(x->tk[j].flags & EVG_TOK_CAP))
        return NULL;
    const evg_token *k = &x->tk[j];
    if (k->end - k->start < 4 || x->t[k->end - 1] != 's')
        return NULL;
    evg_token sub = *k;
    sub.end--;
    const evg_gz_entry *e;
    if (evg_gz_match(x->g, x->t, &sub, 1, 0, B(TITLE), x->date, &e) == 1)
        return e;
    return NULL;
}

/* Is token i the last word of an organization's name (an organization
 * word such as "Airlines", "Bank", "Forces", or a company suffix)? */
static int org_word(const ctx *x, size_t i)
{
    const evg_gz_entry *e;
    return i < x->n && (x->tk[i].flags & EVG_TOK_CAP) &&
           evg_actors__gz(x, i, B(ORGWORD) | B(SUFFIX), &e) != 0;
}

/* Is token i a company suffix ("Inc.", "Co.", "AG")? */
static int suffix_word(const ctx *x, size_t i)
{
    const evg_gz_entry *e;
    return i < x->n && evg_actors__gz(x, i, B(SUFFIX), &e) != 0;
}

/* Is token i a capitalized word of a trade after a company's name
 * (company_descriptors.words: "Computer" of "Apple Computer")? */
static int descriptor_word(const ctx *x, size_t i)
{
    return i < x->n && is_word(&x->tk[i]) && (x->tk[i].flags & EVG_TOK_CAP) &&
           word_in(x->t, &x->tk[i], evg_actors__company_descriptors);
}

/* Is token i a head of names of things (name_heads.words: "Store",
 * "Center"), or its plural ("Stores")? */
static int thing_head(const ctx *x, size_t i)
{
    if (word_in(x->t, &x->tk[i], evg_actors__name_heads))
        return 1;
    evg_token sg = x->tk[i];
    if (sg.end - sg.start < 4 || x->t[sg.end - 1] != 's')
        return 0;
    sg.end--;
    return word_in(x->t, &sg, evg_actors__name_heads);
}

/* Does the organization word at j (a gazetteer entry e of len tokens)
 * open a name that goes on past a connector ("Movement for Democratic
 * Change", "Party for Freedom"), at the start of a chain (`any` 0)? */
static int orgword_opens(const ctx *x, size_t j, size_t len,
                         const evg_gz_entry *e, int any)
{
    return !any && len == 1 && e->cls == EVG_GZ_ORGWORD &&
           (x->tk[j].flags & EVG_TOK_CAP) && j + 1 < x->n &&
           is_lower_word(x->t, &x->tk[j + 1]) &&
           evg_actors__cap_span(x, j) > 2;
}

/* Length of a run of capitalized words at i, not gazetteer names, that
 * ends with an organization word ("Eastern Airlines" after "China"), or of
 * one word that is the head of a thing's name ("Stores" after "Apple": the
 * shops, not the company), or 0. */
static size_t org_after(const ctx *x, size_t i)
{
    const evg_gz_entry *e;
    if (i >= x->n || !is_word(&x->tk[i]) || !(x->tk[i].flags & EVG_TOK_CAP) ||
        evg_actors__gz(x, i, M_NAME | B(ADJ) | B(TITLE) | B(ROLE), &e))
        return 0;
    size_t l = evg_actors__cap_span(x, i);
    return l && (org_word(x, i + l - 1) || (l == 1 && thing_head(x, i)))
               ? l
               : 0;
}

/* After a capitalized name ending with an organization word at i - 1:
 * "of" and a country's name ("Bank | of England"). Returns the tokens of
 * "of" + country and the country's entry, or 0. */
static size_t of_country(const ctx *x, size_t i, const evg_gz_entry **c)
{
    if (i == 0 || !org_word(x, i - 1) || !tok_is(x, i, "of"))
        return 0;
    size_t l = evg_actors__gz(x, i + 1, B(COUNTRY), c);
    if (!l || is_possessive(x, i + 1 + l))
        return 0;
    return 1 + l;
}

/* Does the unknown name of `nl` words at i look like a thing or a place
 * rather than a person? Its last word is a common head of such names or
 * its plural ("App Store", "Apple Stores", "Mission Control", "Trade
 * Center"), its first a place
 * prefix ("San Francisco", "Port Harcourt"), or a word is spelled as no
 * name is ("iPhone", "PowerPC": lower case first, or two capitals inside;
 * but a particle of a person's name after a first name is a person's:
 * "Charles de Gaulle", not "Financiere de Paribas"). */
/* Whether the n bytes at w are capital letters only ("OS", "JSA"). */
static int all_capitals(const char *w, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (!isupper((unsigned char)w[k]))
            return 0;
    return 1;
}

/* Whether the n bytes at w are a Roman numeral ("II", "VIII", "XVI"):
 * the part of a person's name that a king or a pope has. */
static int roman_numeral(const char *w, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (!strchr("IVXLC", w[k]))
            return 0;
    return 1;
}

static int thing_name(const ctx *x, size_t i, size_t nl)
{
    int given = evg_actors__first_name(x, i);
    if (thing_head(x, i + nl - 1) ||
        word_in(x->t, &x->tk[i], evg_actors__place_prefixes))
        return 1;
    for (size_t j = i; j < i + nl; j++) {
        if (!is_word(&x->tk[j]) &&
            !(j > i && x->t[x->tk[j].start] == '.' &&
              x->tk[j - 1].end - x->tk[j - 1].start == 1))
            return 1; /* "AT&T", "FTSE 100": no person's name (but the
                       * stop of "Michael R. Bloomberg") */
        const char *w = x->t + x->tk[j].start;
        size_t n = x->tk[j].end - x->tk[j].start, caps = 0;
        if (j > i && evg_actors__particle(x, j) && given &&
            (j + 1 < i + nl || memchr(w, '-', x->tk[j].end - x->tk[j].start)))
            continue; /* "Charles de Gaulle", "Abdul Amir al-Anbari" */
        if (islower((unsigned char)w[0]))
            return 1;
        for (size_t k = 1; k < n; k++)
            if (isdigit((unsigned char)w[k]))
                return 1; /* "Airbus A380": no person's name has digits */
        if (!given && n >= 2 && all_capitals(w, n) && !roman_numeral(w, n))
            return 1; /* "Mac OS X", "JSA Research": an acronym in it
                       * (after a first name the text ran a person's
                       * name into a company's: "Steven Snyder TWA") */
        for (size_t k = 1; k < n; k++)
            caps += isupper((unsigned char)w[k]) && islower((unsigned char)w[k - 1]);
        if (caps >= 2 || (caps == 1 && n > 2 &&
                          isupper((unsigned char)w[n - 1]))) /* "PowerPC" */
            return 1;
    }
    return 0;
}

/* Is the name at tokens [i, e) a company's before the title and name of
 * one of its people ("Northrop Grumman CEO Ron Sugar", "Acme Chief
 * Executive Jane Roe"): a title of employer_titles.words after it, a
 * capitalized word after the title, and no known first name opening it
 * ("Tony Blair" stays a person)? */
static int employer_name(const ctx *x, size_t i, size_t e)
{
    if (e + 1 >= x->n || !is_word(&x->tk[e]) ||
        !(x->tk[e].flags & EVG_TOK_CAP) ||
        !word_in(x->t, &x->tk[e], evg_actors__employer_titles) ||
        evg_actors__first_name(x, i))
        return 0;
    for (size_t k = e + 1; k < x->n && k < e + 4; k++) {
        if (!is_word(&x->tk[k]) || !(x->tk[k].flags & EVG_TOK_CAP))
            return 0;
        if (!word_in(x->t, &x->tk[k], evg_actors__employer_titles))
            return 1;
    }
    return 0;
}

/* The part of speech the parse gives the word starting at byte `off`
 * ("PROPN"), or NULL when the document has no token layer (no model
 * loaded) or no word starts there. */
static const char *upos_at(const ctx *x, size_t off)
{
    return evg_doc__upos_at(x->doc, off);
}

/* Does word i have a capital after a lower-case letter ("DaimlerChrysler",
 * "McDonald")? Such a word is a name even opening a sentence. */
static int inner_capital(const ctx *x, size_t i)
{
    const char *w = x->t + x->tk[i].start;
    size_t n = x->tk[i].end - x->tk[i].start;
    for (size_t k = 1; k < n; k++)
        if (isupper((unsigned char)w[k]) && islower((unsigned char)w[k - 1]))
            return 1;
    return 0;
}

/* Is the name at i introduced as a place: "the city of Kharkiv", "the
 * town of Gorazde", "Sindh province of"? */
static int place_of(const ctx *x, size_t i)
{
    return i >= 2 && tok_is(x, i - 1, "of") &&
           word_in(x->t, &x->tk[i - 2], evg_actors__place_kinds);
}

/* Tokens of a portfolio before a minister's title at i ("Trade and
 * Industry | Minister", "Planning and Investment | Minister"): unknown
 * capitalized words, "and", "&" or a comma between them, then a title
 * naming a minister, secretary or commissioner. 0 when there is none. */
static size_t portfolio(const ctx *x, size_t i)
{
    size_t j = i, words = 0;
    while (j < x->n && j < i + 8) {
        const evg_token *k = &x->tk[j];
        const evg_gz_entry *e;
        size_t len = evg_actors__gz(x, j, M_ALL, &e);
        if (len && e->cls == EVG_GZ_TITLE) {
            if (!words || !e->name ||
                !(strstr(e->name, "minister") || strstr(e->name, "secretary") ||
                  strstr(e->name, "commissioner")))
                return 0;
            return j - i;
        }
        if (len)
            return 0;
        if (is_word(k) && (k->flags & EVG_TOK_CAP) &&
            !evg_actors__stop_word(x->t, k))
            words++;
        else if (!(words && (tok_is(x, j, "and") || tok_is(x, j, "&"))))
            return 0;
        j++;
    }
    return 0;
}

/* Does the dictionary's person name of `len` tokens at i go on with a
 * capitalized word the dictionary does not know ("John Paul Stevens",
 * "Nelson Mandela Foundation")? Then the text names someone or something
 * else. Not in headlines (every word capitalized), nor before a suffix
 * ("Jr.") or a word that is never a name ("Monday"). */
static int longer_name(const ctx *x, size_t i, size_t len)
{
    size_t k = i + len;
    const evg_gz_entry *e;
    if (x->boiler || k >= x->n || !is_word(&x->tk[k]) ||
        !(x->tk[k].flags & EVG_TOK_CAP) ||
        evg_actors__stop_word(x->t, &x->tk[k]) ||
        evg_actors__gz(x, k, M_ALL, &e))
        return 0;
    const char *s = x->t + x->tk[i].start;
    return evg_names_words(s, x->tk[k].end - x->tk[i].start) >
           evg_names_words(s, x->tk[k - 1].end - x->tk[i].start);
}

static void parse_chain(const ctx *x, size_t i, chain *ch)
{
    memset(ch, 0, sizeof(*ch));
    ch->i0 = i;
    if (tok_is(x, i, "the")) {
        ch->det = ch->definite = 1;
        i++;
    } else if (tok_is(x, i, "a") || tok_is(x, i, "an")) {
        ch->det = 1;
        i++;
    }
    ch->start = i;
    size_t j = i, commit = i, mods = 0;
    int any = 0;
    for (;;) {
        const evg_gz_entry *e;
        size_t len = evg_actors__gz(x, j, M_ALL, &e);
        if (len == 1 && (e->cls == EVG_GZ_ROLE || e->cls == EVG_GZ_TITLE) &&
            is_lower_word(x->t, &x->tk[j]) && up_is(x, j, "ADJ") &&
            up_is(x, j + 1, "ADJ"))
            len = 0; /* "an official Syrian newspaper": an adjective, by
                      * the parse, before another adjective is no role */
        if (len && e->cls == EVG_GZ_PERSON && longer_name(x, j, len))
            len = 0; /* "John Paul Stevens": not "John Paul" */
        if (!len && !any && (e = hyphen_prefix(x, j)) != NULL) {
            /* "Vietnamese-led forces", "Huawei-made equipment" */
            if (e->cls == EVG_GZ_ADJ || e->cls == EVG_GZ_COUNTRY ||
                e->cls == EVG_GZ_CAPITAL || e->cls == EVG_GZ_IGO) {
                ch->start = ch->c_start = j;
                ch->c = e;
                ch->c_end = commit = ++j;
                any = 1;
                continue;
            }
            ch->start = ch->name_s = j;
            ch->name = e;
            ch->name_e = commit = j + 1;
            ch->hyphen = 1;
            break;
        }
        if (len && !any && e->cls == EVG_GZ_COUNTRY && !is_possessive(x, j + len)) {
            /* "China Eastern Airlines", "Korea Telecom": a country name
             * opening an organization's own name */
            size_t l2 = org_after(x, j + len);
            if (l2) {
                ch->start = ch->c_start = ch->name_s = j;
                ch->c = e;
                ch->c_end = j + len;
                ch->unknown = 1;
                ch->name_e = commit = j + len + l2;
                break;
            }
        }
        if (len && (e->cls == EVG_GZ_ADJ ||
                    (!any && (e->cls == EVG_GZ_COUNTRY ||
                              e->cls == EVG_GZ_CAPITAL ||
                              e->cls == EVG_GZ_IGO)))) {
            if (ch->c || ch->title || ch->role || mods)
                break;
            if (!any)
                ch->start = j;
            ch->c = e;
            ch->c_start = j;
            j += len;
            ch->c_end = j;
            if (is_possessive(x, j)) {
                ch->possessive = 1;
                j++;
            }
            commit = j;
            mods = 0;
            any = 1;
            continue;
        }
        if (len && e->cls == EVG_GZ_TITLE && !any && !ch->det &&
            (x->tk[j].flags & EVG_TOK_CAP)) {
            size_t l = evg_actors__cap_span(x, j + len);
            if (l && org_word(x, j + len + l - 1)) {
                /* "General Electric Company", "General Motors Corp.": a
                 * title word opening an organization's name */
                ch->start = ch->name_s = j;
                ch->unknown = 1;
                ch->name_e = commit = j + len + l;
                break;
            }
        }
        if (!len && !ch->title && (e = plural_title(x, j)) != NULL) {
            /* "Presidents Leonid Kuchma and Boris Yeltsin" */
            len = 1;
        }
        if (len && e->cls == EVG_GZ_TITLE && ch->role && mods)
            break; /* "Iraqi officials met President Weber": two actors */
        if (len && e->cls == EVG_GZ_TITLE) {
            if (!any)
                ch->start = j;
            if (!ch->title || (!ch->title->sector[0] && e->sector[0]))
                ch->title = e;
            j += len;
            commit = j;
            mods = 0;
            any = 1;
            continue;
        }
        if (!any && !mods && j < x->n && (x->tk[j].flags & EVG_TOK_CAP) &&
            !(len && (M_NAME & EVG_GZ_BIT(e->cls)))) {
            size_t l = evg_actors__cap_span(x, j);
            if (len && e->cls == EVG_GZ_ROLE && l > len &&
                org_word(x, j + l - 1)) {
                /* "the Government Accountability Office": a role word
                 * opening an organization's name */
                ch->start = ch->name_s = j;
                ch->unknown = 1;
                ch->name_e = commit = j + l;
                break;
            }
            /* "the Bank of England", "Central Bank of Nigeria": an
             * organization of a country, named after it */
            const evg_gz_entry *of_c = NULL;
            size_t of_l = l ? of_country(x, j + l, &of_c) : 0;
            if (of_l) {
                ch->start = ch->name_s = j;
                ch->c = of_c;
                ch->c_start = j + l + 1;
                ch->c_end = j + l + of_l;
                ch->unknown = 1;
                ch->name_e = commit = j + l + of_l;
                break;
            }
        }
        if (len && e->cls == EVG_GZ_ROLE && !(any && !mods &&
                                               (x->tk[j].flags & EVG_TOK_CAP) &&
                                               evg_actors__cap_span(x,
                                                                    j) > len)) {
            if (!any && !ch->det)
                ch->start = j;
            /* the head noun decides ("paper workers": LAB), except that
             * "rebel leaders" stay rebels */
            if (!ch->role || strcmp(e->sector, "GOV") != 0)
                ch->role = e;
            j += len;
            commit = j;
            mods = 0;
            any = 1;
            continue;
        }
        if (len && e->cls == EVG_GZ_ROLE && any && !mods &&
            (x->tk[j].flags & EVG_TOK_CAP) && evg_actors__cap_span(x,
                                                                   j) > len) {
            /* "Nigerian Union of Teachers": the role word starts a name */
            len = 0;
        }
        if ((len && (M_NAME & EVG_GZ_BIT(e->cls))) ||
            (!len && j < x->n && is_word(&x->tk[j]) &&
             (x->tk[j].flags & EVG_TOK_CAP))) {
            if (mods) {
                /* "United States warned Iran": two actors; but "Israeli
                 * right-winger Ariel Sharon" (nouns before a proper noun,
                 * by the parse) describes the person named */
                int desc = ch->c && !ch->role && !ch->title &&
                           up_is(x, j, "PROPN");
                for (size_t q = j - mods; q < j && desc; q++)
                    desc = up_is(x, q, "NOUN");
                if (!desc)
                    break;
                mods = 0;
            }
        }
        if (len && !ch->c && !ch->title &&
            (e->cls == EVG_GZ_GOV || e->cls == EVG_GZ_IGO ||
             e->cls == EVG_GZ_MEDIA || e->cls == EVG_GZ_ORG ||
             e->cls == EVG_GZ_GROUP)) {
            /* "Pentagon spokesman Kenneth Bacon": the body gives the
             * person's country */
            const evg_gz_entry *t2;
            size_t tl = evg_actors__gz(x, j + len, B(TITLE), &t2);
            if (tl && j + len + tl < x->n && is_word(&x->tk[j + len + tl]) &&
                (x->tk[j + len + tl].flags & EVG_TOK_CAP)) {
                if (!any)
                    ch->start = j;
                ch->c = e;
                ch->c_start = j;
                ch->c_end = j + len;
                j += len;
                commit = j;
                mods = 0;
                any = 1;
                continue;
            }
        }
        if (len && e->cls == EVG_GZ_ORG && j + len < x->n &&
            (evg_actors__name_number(x, j + len) ||
             evg_actors__model_code(x, j + len))) {
            /* "Boeing 777", "Airbus A380": a product named after its
             * maker, not the maker */
            if (!any)
                ch->start = j;
            ch->unknown = 1;
            ch->name_s = j;
            ch->name_e = commit = j + len + 1;
            ch->maker = e;
            size_t k = j + len + 1;
            while (k < x->n && k < j + len + 3 && quote_tok(x, k))
                k++;
            const evg_gz_entry *e2;
            if (k < x->n && is_word(&x->tk[k]) &&
                (x->tk[k].flags & EVG_TOK_CAP) &&
                !evg_actors__gz(x, k, M_ALL, &e2)) {
                size_t l = evg_actors__cap_span(x, k);
                if (l) {
                    ch->nick_s = k;
                    ch->nick_e = k + l;
                }
            }
            break;
        }
        if (len && (M_NAME & EVG_GZ_BIT(e->cls))) {
            if (!any)
                ch->start = j;
            ch->name = e;
            ch->name_s = j;
            ch->name_e = j + len;
            commit = j + len;
            if (e->cls == EVG_GZ_ORG) {
                size_t l2 = org_after(x, j + len), k2 = j + len;
                while (k2 < j + len + l2 &&
                       (suffix_word(x, k2) || descriptor_word(x, k2)))
                    k2++;
                size_t d = j + len;
                while (descriptor_word(x, d))
                    d++;
                if (l2 && k2 == j + len + l2) {
                    /* "Boeing Co.", "Apple Inc.", "Apple Computer Inc.":
                     * the company itself */
                    ch->name_e = commit = k2;
                } else if (l2) {
                    /* "Apple Corps", "Ford Motor Company": another
                     * name, which the known one only opens */
                    ch->name = NULL;
                    ch->unknown = 1;
                    ch->name_e = commit = j + len + l2;
                } else if (d > j + len) {
                    /* "Apple Computer", "Ford Motor": the company by a
                     * fuller name (no actor "Computer") */
                    ch->name_e = commit = d;
                }
            }
            break;
        }
        if (!len && !ch->title && !ch->role && !ch->name) {
            size_t pl = portfolio(x, j);
            if (pl) {
                /* "Planning and Investment Minister Tran Xuan Gia": the
                 * capitalized words name the ministry, not an actor */
                if (!any)
                    ch->start = j;
                j += pl;
                any = 1;
                mods = 0;
                continue;
            }
        }
        if ((!len || orgword_opens(x, j, len, e, any)) && !x->boiler &&
            j < x->n && is_word(&x->tk[j]) &&
            ((x->tk[j].flags & EVG_TOK_CAP) ||
             evg_actors__brand_word(x, j))) {
            size_t l = evg_actors__cap_span(x, j);
            if (l) {
                if (!any)
                    ch->start = j;
                ch->unknown = 1;
                ch->name_s = j;
                ch->name_e = j + l;
                commit = j + l;
            }
            break;
        }
        if ((ch->c || ch->det || ch->role) && mods < MAX_MODS && mod_ok(x, j)) {
            mods++;
            j++;
            continue;
        }
        if (ch->title && !ch->role && !ch->c && !ch->name && j == commit &&
            tok_is(x, j, "of")) {
            /* "Secretary of the Air Force James Roche": a body written
             * as a name after "of" is part of the title of the person
             * named after it */
            size_t k = j + 1;
            if (tok_is(x, k, "the"))
                k++;
            const evg_gz_entry *b;
            size_t l = k < x->n && (x->tk[k].flags & EVG_TOK_CAP)
                           ? evg_actors__gz(x, k, B(ROLE), &b)
                           : 0;
            const evg_gz_entry *n2;
            if (l && k + l + 1 < x->n && is_word(&x->tk[k + l]) &&
                (x->tk[k + l].flags & EVG_TOK_CAP) &&
                !evg_actors__gz(x, k + l, M_ALL & ~B(PERSON), &n2) &&
                evg_actors__cap_span(x, k + l) >= 2) {
                if (!ch->title->sector[0] && b->sector[0])
                    ch->title = b;
                j = commit = k + l;
                continue;
            }
        }
        if ((ch->title || ch->role) && !ch->c && !ch->name && j == commit &&
            tok_is(x, j, "of")) {
            /* "the president of Armenia", "the government of Sudan":
             * the role belongs to the country named after it; "the
             * government of Sindh province", "the governor of the Tyumen
             * region": to the country of a place in it */
            size_t k = j + 1;
            if (tok_is(x, k, "the"))
                k++;
            const evg_gz_entry *c;
            size_t l = evg_actors__gz(x, k, B(COUNTRY) | B(CITY), &c);
            if (l && c->cls == EVG_GZ_CITY &&
                memcmp(c->country, "---", 3) == 0)
                l = 0; /* a region across countries */
            if (l && !is_possessive(x, k + l) &&
                !(k + l < x->n && (x->tk[k + l].flags & EVG_TOK_CAP) &&
                  is_word(&x->tk[k + l]))) {
                ch->c = c;
                ch->c_start = k;
                ch->c_end = commit = k + l;
            }
        }
        break;
    }
    ch->end = commit;
}

static void copy3(char dst[4], const char *src)
{
    memcpy(dst, src, 3);
    dst[3] = '\0';
}

/* Is token i - 1 "ethnic" ("ethnic Albanians", "ethnic Turks")? */
static int ethnic_before(const ctx *x, size_t i)
{
    return i > 0 && tok_is(x, i - 1, "ethnic");
}

/* Is the chain's adjective a plural demonym used as a noun ("the
 * Palestinians", "Nigerians")? Its last word ends in "s" and without it
 * is a demonym of the same country (the chain has no noun after it). */
static int people_plural(const ctx *x, const chain *ch)
{
    size_t n = ch->c_end - ch->c_start;
    const evg_token *last = &x->tk[ch->c_end - 1];
    if (n > 4 || ch->possessive || last->end - last->start < 4 ||
        x->t[last->end - 1] != 's')
        return 0;
    evg_token sub[4];
    memcpy(sub, &x->tk[ch->c_start], n * sizeof(*sub));
    sub[n - 1].end--;
    const evg_gz_entry *e;
    return evg_gz_match(x->g, x->t, sub, n, 0, B(ADJ), x->date, &e) == n &&
           memcmp(e->country, ch->c->country, 3) == 0;
}

/* Is the word before token `i` one that makes a capital a place ("in
 * Washington", "visited Seoul") rather than its government? */
static int locative(const ctx *x, size_t i)
{
    return i > 0 && word_in(x->t, &x->tk[i - 1], evg_actors__locatives);
}

/* The first token of a quantifier right before token `i` ("several",
 * "many other", "a number of", "five"), or EVG_NONE. "the two" and "both"
 * are not quantifiers here: they name a known pair (duals.c). */
static size_t quantified(const ctx *x, size_t i)
{
    if (i == 0)
        return EVG_NONE;
    size_t k = i - 1;
    if (tok_is(x, k, "of") && k > 0 &&
        word_in(x->t, &x->tk[k - 1], evg_actors__quantity_nouns)) {
        k--;
        if (k > 0 && (tok_is(x, k - 1, "a") || tok_is(x, k - 1, "the")))
            k--;
        return k;
    }
    if (!word_in(x->t, &x->tk[k], evg_actors__quantifiers))
        return EVG_NONE;
    /* "many other countries" */
    if (k > 0 && word_in(x->t, &x->tk[k - 1], evg_actors__quantifiers))
        k--;
    if (k > 0 && (tok_is(x, k - 1, "the") || tok_is(x, k - 1, "these") ||
                  tok_is(x, k - 1, "those") || tok_is(x, k - 1, "both")))
        return EVG_NONE;
    return k;
}

/* "several countries", "many governments": states the text does not name,
 * one group actor of no country (code --- plus the role's sector), never
 * given a country from the context. */
static long group_of_states(ctx *x, const chain *ch, size_t q,
                            const char *sector)
{
    cand *d = evg_actors__push(x, x->tk[q].start, x->tk[ch->end - 1].end);
    if (!d)
        return EVG_ENOMEM;
    evg_actors__set_sector(d, sector);
    d->kind = EVG_KIND_GROUP;
    d->kk = 'r'; /* a plural: never what "it" or "its" refers to */
    d->needs_country = 0;
    return (long)(ch->end - ch->i0);
}

/* "Asia-Pacific Economic Cooperation (APEC)", "the United States Air
 * Force (USAF)": an acronym defined after the name just pushed is a
 * mention (and a name) of its actor. Returns the tokens it takes (0 or 3)
 * or EVG_ENOMEM. */
static long acronym_after(ctx *x, size_t k)
{
    const evg_token *tk = x->tk;
    if (!(k + 2 < x->n && x->t[tk[k].start] == '(' &&
          (tk[k + 1].flags & EVG_TOK_UPPER) && is_word(&tk[k + 1]) &&
          x->t[tk[k + 2].start] == ')'))
        return 0;
    size_t root = x->c.n - 1;
    if (x->c.v[root].ante != CAND_NONE)
        root = x->c.v[root].ante;
    if (evg_actors__push_ref(x, tk[k + 1].start, tk[k + 1].end, root))
        return EVG_ENOMEM;
    x->c.v[x->c.n - 1].is_name = 1; /* an acronym defined here */
    return 3;
}

/* Does a word such as "former" come before the chain's title? */
static int past_title(const ctx *x, const chain *ch)
{
    size_t k = ch->start;
    if (k > 0 && word_in(x->t, &x->tk[k - 1], evg_actors__past_titles))
        return 1;
    /* inside the chain, before its name: "the former president", "Former
     * Socialist prime minister Andreas Papandreou" */
    size_t e = ch->name || ch->unknown ? ch->name_s : ch->end;
    for (size_t j = ch->i0; j < e && j < x->n; j++)
        if (word_in(x->t, &x->tk[j], evg_actors__past_titles))
            return 1;
    return 0;
}

/* The title a dictionary's person is named with ("pope" of "Pope John
 * Paul II", "king" of "King Abdullah"), or NULL. */
static const char *name_title(const ctx *x, const char *name)
{
    const char *sp = name ? strchr(name, ' ') : NULL;
    if (!sp)
        return NULL;
    evg_token t = {0, (size_t)(sp - name),
                   EVG_TOK_WORD |
                       (isupper((unsigned char)name[0]) ? EVG_TOK_CAP : 0u)};
    const evg_gz_entry *e;
    if (evg_gz_match(x->g, name, &t, 1, 0, B(TITLE), x->date, &e) == 1 &&
        e->name && e->name[0])
        return e->name;
    return NULL;
}

/* Turns a parsed chain into a mention. Returns tokens consumed (>= 1
 * when a mention was made, 0 when none) or a negative error. */
static long emit(ctx *x, const chain *ch)
{
    const evg_token *tk = x->tk;
    int has_name = ch->name || ch->unknown;
    size_t endtok = ch->end;
    if (has_name) {
        /* "the Chosun Ilbo newspaper", "Foreign Ministry official" */
        const evg_gz_entry *r;
        size_t rl = evg_actors__gz(x, endtok, B(ROLE) | B(TITLE), &r);
        const evg_gz_entry *role = ch->role;
        if (!rl) {
            /* "Ibo traditional elders" (adjectives, by the parse),
             * "Cankaya district administration" (a place noun before a
             * government's head): the role still follows the name */
            size_t k = endtok;
            while (k < x->n && k < endtok + 2 &&
                   (place_noun(x, k) ||
                    ((up_is(x, k, "ADJ")) && is_lower_word(x->t, &tk[k]))))
                k++;
            if (k > endtok && (rl = evg_actors__gz(x, k, B(ROLE), &r)) &&
                place_noun(x, k - 1) &&
                !word_in(x->t, &tk[k + rl - 1], evg_actors__government_heads))
                rl = 0;
            if (rl)
                rl += k - endtok;
        }
        if (rl && !(r->cls == EVG_GZ_TITLE && endtok + rl < x->n &&
                    (tk[endtok + rl].flags & EVG_TOK_CAP))) {
            /* "the Dreamliner aircraft": a model of a vehicle, not a
             * military */
            if (!role && !word_in(x->t, &tk[endtok + rl - 1],
                                  evg_actors__vehicles))
                role = r;
            endtok += rl;
        }
        size_t s = ch->start, e = endtok;
        /* a lone capitalized word opening a sentence is no evidence */
        const char *up = upos_at(x, tk[s].start);
        if (ch->unknown && s == ch->name_s && ch->name_e == s + 1 && up &&
            strcmp(up, "PROPN") != 0 &&
            evg_actors__same_name(x, x->c.n, tk[s].start, tk[s].end) ==
                EVG_NONE &&
            evg_actors__same_model(x, x->c.n, tk[s].start, tk[s].end) ==
                EVG_NONE)
            return 0; /* the parse: "Still", "Overall" open a sentence */
        if (ch->unknown && s == ch->name_s && ch->name_e == s + 1 && !up &&
            (s == 0 || !is_word(&tk[s - 1])) &&
            !(tk[s].flags & EVG_TOK_UPPER) && !inner_capital(x, s) &&
            (s == 0 || x->t[tk[s - 1].start] == '"' ||
             (unsigned char)x->t[tk[s - 1].start] == 0xe2) &&
            evg_actors__same_name(x, x->c.n, tk[s].start,
                                  tk[s].end) == EVG_NONE)
            return 0;
        cand *d = evg_actors__push(x, tk[s].start, tk[e - 1].end);
        if (!d)
            return EVG_ENOMEM;
        d->nstart = (uint32_t)tk[ch->name_s].start;
        d->nend = (uint32_t)tk[ch->name_e - 1].end;
        d->is_name = 1;
        if (ch->title)
            d->title = ch->title->name;
        if (ch->c) {
            evg_actors__set_country(d, ch->c->country, 1);
            d->cprefix = ch->c->cls != EVG_GZ_IGO;
        } else if (ch->maker) {
            /* "Boeing 777": a product is of its maker's country, not of
             * the story's */
            evg_actors__set_country(d, ch->maker->country, 1);
        }
        int product = ch->maker != NULL;
        const evg_gz_entry *after = country_after(x, endtok);
        if (ch->name) {
            const evg_gz_entry *n = ch->name;
            if (memcmp(n->country, "---", 3) != 0)
                evg_actors__set_country(d, n->country, 1);
            d->kk = memcmp(n->country, "---", 3) != 0 || n->cls == EVG_GZ_CITY
                        ? 'g'
                        : 'b';
            /* a title or role in the text says what the actor is now: the
             * dictionary's code of the elite (ELI, out of office at the
             * date) or one without a sector gives way to it, unless the
             * title is a past one ("former President") */
            const evg_gz_entry *title = ch->title, *inner;
            size_t nl = ch->name_e - ch->name_s, il;
            if (!title && nl > 1 &&
                (il = evg_actors__gz(x, ch->name_s, B(TITLE), &inner)) &&
                il < nl)
                title = inner; /* a dictionary phrase "President Obama" */
            if (!role && nl > 1 &&
                evg_actors__gz(x, ch->name_e - 1, B(ROLE), &inner) == 1)
                role = inner;  /* "Bush administration" */
            if (n->cls == EVG_GZ_PERSON && !d->title)
                /* "John Paul", the dictionary's "Pope John Paul II":
                 * named with his title, which "the Pope" refers to */
                d->title = name_title(x, n->name);
            if (n->cls == EVG_GZ_PERSON && past_title(x, ch))
                /* "ousted President Akayev", "former president Carlos
                 * Menem": out of office, one of the elite (ELI) */
                evg_actors__set_sector(d, "ELI");
            if (n->sector[0] && memcmp(n->sector, "ELI", 3) != 0)
                evg_actors__set_sector(d, n->sector);
            if (title && !past_title(x, ch))
                evg_actors__set_sector(d, title->sector);
            if (role && n->cls == EVG_GZ_GROUP && !n->sector[0] &&
                !strcmp(role->sector, "GOV"))
                /* "Yoruba leaders", "Ibo traditional elders": the
                 * leaders of a people, not of a state, are its elite */
                evg_actors__set_sector(d, "ELI");
            if (role)
                evg_actors__set_sector(d, role->sector);
            evg_actors__set_sector(d, n->sector);
            if (n->cls == EVG_GZ_GROUP && !n->sector[0] && !title && !role &&
                !ch->hyphen)
                /* a people named as such ("Iraqi Kurds", "the Hutu"): its
                 * civilians, as a plural demonym is ("Libyans") */
                evg_actors__set_sector(d, "CVL");
            d->kind = evg_actors__kind_of_class(n->cls, d->sector);
            if (n->cls == EVG_GZ_COUNTRY || n->cls == EVG_GZ_CAPITAL ||
                n->cls == EVG_GZ_CITY)
                d->is_place = 1;
            d->metonym = n->cls == EVG_GZ_CAPITAL && !ch->hyphen &&
                         !role && !ch->title &&
                         (is_possessive(x, ch->name_e) ||
                          !locative(x, ch->start));
            /* "a curfew in Abidjan", "bombed Tel Aviv": a city as a
             * place; as a participant, the people there */
            d->people = (n->cls == EVG_GZ_CAPITAL || n->cls == EVG_GZ_CITY) &&
                        !d->metonym && !ch->hyphen && !role && !ch->title &&
                        memcmp(n->country, "---", 3) != 0;
            d->name = n->name;
            d->adj_only = ch->hyphen != 0;
            if (ch->hyphen) { /* "Huawei-built": the name is "Huawei" */
                const char *hy = memchr(x->t + d->nstart, '-',
                                        d->nend - d->nstart);
                if (hy)
                    d->nend = (uint32_t)(hy - x->t);
            }
            if (n->cls == EVG_GZ_CITY &&
                word_in(x->t, &tk[ch->name_e - 1], evg_actors__place_heads))
                d->drop = 1; /* "the Gulf", "the Persian Gulf" */
            if (n->cls == EVG_GZ_PERSON && ch->name_e - ch->name_s == 1 &&
                !ch->c && !role) {
                /* "Bush" after "President Bush": the article's own
                 * person of that last name (George Bush in 1990), not
                 * the gazetteer's undated alias (George W. Bush) */
                size_t r0 = evg_actors__same_name(x, x->c.n - 1, d->nstart,
                                                  d->nend);
                if (r0 != EVG_NONE && x->c.v[r0].kind == EVG_KIND_PERSON &&
                    x->c.v[r0].name && n->name &&
                    strcmp(x->c.v[r0].name, n->name) != 0)
                    d->ante = (uint32_t)r0;
            }
        } else {
            int org;
            const char *sec = evg_actors__name_sector(x, ch->name_s,
                                                      ch->name_e - ch->name_s, &org);
            size_t nl = ch->name_e - ch->name_s, n0 = ch->name_s;
            const evg_token *firstw = &tk[ch->name_s];
            const char *fh = memchr(x->t + firstw->start, '-',
                                    firstw->end - firstw->start);
            if (nl > 1 && fh && fh + 1 < x->t + firstw->end &&
                islower((unsigned char)fh[1])) {
                /* "Atlanta-based BellSouth": the modifier is no part of
                 * the name */
                d->nstart = (uint32_t)tk[ch->name_s + 1].start;
                n0++;
                nl--;
            }
            const evg_token *lastw = &tk[ch->name_e - 1];
            const char *hy = memchr(x->t + lastw->start, '-',
                                    lastw->end - lastw->start);
            if (hy && hy > x->t + lastw->start && hy + 1 < x->t + lastw->end &&
                islower((unsigned char)hy[1])) {
                /* "EADS-led", "Seattle-based": a modifier made of a name;
                 * the name is the part before the hyphen */
                d->nend = (uint32_t)(hy - x->t);
                d->adj_only = 1;
                if (nl == 1) {
                    size_t r1 = evg_actors__same_name(x, x->c.n - 1,
                                                      d->nstart, d->nend);
                    if (r1 != EVG_NONE) {
                        d->ante = (uint32_t)r1;
                        d->kind = x->c.v[r1].kind;
                        d->kk = 'n';
                        return (long)(endtok - ch->i0);
                    }
                }
            }
            if (nl > 1 && word_in(x->t, &tk[ch->name_s],
                                  evg_actors__operation_words)) {
                /* "Operation Desert Shield": later "Desert Shield" alone
                 * is the same operation */
                d->nstart = (uint32_t)tk[ch->name_s + 1].start;
                d->drop = 1;
            }
            int publication = word_in(x->t, lastw,
                                      evg_actors__publication_heads) &&
                              !org;
            if (publication) {
                evg_actors__set_sector(d, "MED");
                org = 1;
                sec = "MED";
            }
            if (org && sec && !strcmp(sec, "NGO") && !ch->c) {
                /* "Third World Water Forum", "Association of African
                 * Jurists": a non-governmental body across countries,
                 * CAMEO's NGO, of no country the story could lend it */
                int across = 0;
                for (size_t j = n0; j < n0 + nl && !across; j++)
                    across = word_in(x->t, &tk[j], evg_actors__transnational);
                if (across) {
                    evg_actors__set_country(d, "NGO", 1);
                    sec = "";
                    product = 1; /* no country from the context either */
                }
            }
            if (org) {
                evg_actors__set_sector(d, sec);
                d->kind = evg_actors__kind_of_sector(sec,
                                                     EVG_KIND_ORGANIZATION);
            } else if (ch->title) {
                evg_actors__set_sector(d, past_title(x, ch)
                                              ? "ELI"
                                              : ch->title->sector);
                d->kind = EVG_KIND_PERSON;
            } else if (role) {
                evg_actors__set_sector(d, role->sector);
                d->kind = evg_actors__kind_of_sector(role->sector,
                                                     EVG_KIND_ORGANIZATION);
            } else if (evg_actors__all_caps_acronym(x, n0, nl)) {
                d->kind = EVG_KIND_ORGANIZATION;
            } else if (ch->name_s > 0 &&
                       (tok_is(x, ch->name_s - 1, "in") ||
                        tok_is(x, ch->name_s - 1, "at") ||
                        tok_is(x, ch->name_s - 1, "near") ||
                        (tok_is(x, ch->name_s - 1, "from") &&
                         !(nl >= 2 && nl <= 4 && !ch->det &&
                           evg_actors__first_name(x, n0) &&
                           !thing_name(x, n0, nl))) ||
                        place_of(x, ch->name_s))) {
                /* "in San Francisco", "the city of Kharkiv", "a
                 * missionary from Calgary" (but "a letter from Charles
                 * de Gaulle": a first name starts a person's name) */
                d->kind = EVG_KIND_LOCATION;
                d->people = 1;
            } else if (nl >= 2 && nl <= 4 && !ch->det &&
                       !thing_name(x, n0, nl) &&
                       !employer_name(x, n0, ch->name_e)) {
                d->kind = EVG_KIND_PERSON;
            } else {
                d->kind = EVG_KIND_ORGANIZATION;
            }
            if (!ch->title && word_in(x->t, lastw, evg_actors__place_heads)) {
                /* "Red Sea", "Sindh Province": a place, whatever it does
                 * in the sentence */
                d->kind = EVG_KIND_LOCATION;
                d->drop = 1;
            }
            d->kk = 'n';
            size_t r0 = evg_actors__same_name(x, x->c.n - 1, d->nstart,
                                              d->nend);
            if (r0 == EVG_NONE && d->kind == EVG_KIND_PERSON)
                r0 = evg_actors__same_person(x, x->c.n - 1, d->nstart,
                                             d->nend);
            if (r0 == EVG_NONE && nl == 1 && !ch->title && !role &&
                evg_actors__first_name(x, n0)) {
                /* "Steve announced" after "Steve Jobs": a first name alone
                 * is the one earlier person of that first name */
                r0 = evg_actors__same_first_name(x, x->c.n - 1, d->nstart,
                                                 d->nend);
                if (r0 != EVG_NONE)
                    d->kind = EVG_KIND_PERSON;
            }
            if (r0 == EVG_NONE)
                /* "the A380", "the Airbus 380" after "the Airbus A380":
                 * the product */
                r0 = evg_actors__same_model(x, x->c.n - 1, d->nstart,
                                            d->nend);
            if (r0 != EVG_NONE && d->kind != EVG_KIND_PERSON &&
                employer_name(x, n0, ch->name_e)) {
                /* "Northrop Grumman won ... Northrop Grumman CEO Ron
                 * Sugar said": the name taken for a person's was a
                 * company's, in each earlier mention of it */
                size_t nn = d->nend - d->nstart;
                size_t lo = x->c.n > NAME_WINDOW ? x->c.n - NAME_WINDOW : 0;
                for (size_t k = lo; k + 1 < x->c.n; k++) {
                    cand *o = &x->c.v[k];
                    if (o->kind == EVG_KIND_PERSON && o->is_name &&
                        o->nend - o->nstart == nn &&
                        !memcmp(x->t + o->nstart, x->t + d->nstart, nn))
                        o->kind = EVG_KIND_ORGANIZATION;
                }
            }
            int spelled = 0;
            if (r0 == EVG_NONE && nl == 1 && d->nend - d->nstart > 4 &&
                x->t[d->nend - 1] == 's' && x->t[d->nend - 2] != 's') {
                /* "Dreamliners" after "Dreamliner": the model's plural */
                r0 = evg_actors__same_name(x, x->c.n - 1, d->nstart,
                                           d->nend - 1);
                if (r0 != EVG_NONE && x->c.v[r0].kind != EVG_KIND_ORGANIZATION)
                    r0 = EVG_NONE;
                spelled = r0 != EVG_NONE;
            }
            if (r0 == EVG_NONE && nl == 1 && d->nend - d->nstart > 3 &&
                d->nend - d->nstart < 64 && x->t[d->nend - 1] != 's') {
                /* "the Dreamliner" after "Boeing 787 Dreamliners" */
                char pl[64];
                size_t pn = d->nend - d->nstart;
                memcpy(pl, x->t + d->nstart, pn);
                pl[pn] = 's';
                r0 = evg_actors__same_bytes(x, x->c.n - 1, pl, pn + 1);
                if (r0 != EVG_NONE && x->c.v[r0].kind != EVG_KIND_ORGANIZATION)
                    r0 = EVG_NONE;
                spelled = r0 != EVG_NONE;
            }
            if (r0 == EVG_NONE) {
                r0 = evg_actors__same_letters(x, x->c.n - 1, d->nstart,
                                              d->nend);
                spelled = r0 != EVG_NONE;
                /* "DaimlerChrysler" after "Daimler Chrysler": no person's
                 * name is written run together, so the earlier spaced
                 * form was a company's, not a person's */
                if (spelled && x->c.v[r0].kind == EVG_KIND_PERSON &&
                    !memchr(x->t + d->nstart, ' ', d->nend - d->nstart))
                    x->c.v[r0].kind = EVG_KIND_ORGANIZATION;
            }
            if (r0 == EVG_NONE && !ch->c && !ch->title && !role &&
                x->t[d->nend - 1] != 's' && model_number_before(x, n0)) {
                /* "the 787 Dreamliner": a product's name, of no country
                 * the story could lend it */
                d->kind = EVG_KIND_ORGANIZATION;
                product = 1;
            }
            /* the same name again is the same actor; a title before it
             * only tells more of a person ("Prime Minister Howard") */
            if (r0 != EVG_NONE && !ch->c && (!role || spelled) &&
                (!ch->title || x->c.v[r0].kind == EVG_KIND_PERSON)) {
                d->ante = (uint32_t)r0;
                d->kind = x->c.v[r0].kind;
            }
        }
        int media = !strcmp(d->sector, "MED");
        if (media && (x->credit ||
                      (ch->name_s > 0 &&
                       (tok_is(x, ch->name_s - 1, "in") ||
                        (tok_is(x, ch->name_s - 1, "the") && ch->name_s > 1 &&
                         tok_is(x, ch->name_s - 2, "in"))))))
            d->skip = 1; /* "posted in the Federal Register", a photo
                          * credit: where it appeared, not who acted */
        if (!d->country[0] && after)
            evg_actors__set_country(d, after->country, 1);
        /* a region across countries ("the Gulf") keeps none */
        d->needs_country = !(ch->name && ch->name->cls == EVG_GZ_CITY) &&
                           !product;
        if (ch->nick_e && endtok == ch->name_e) {
            /* "Boeing 787 Dreamliner": the product's own name, a mention
             * and a name of the same actor */
            size_t pi = x->c.n - 1;
            size_t root = x->c.v[pi].ante != CAND_NONE ? x->c.v[pi].ante : pi;
            if (evg_actors__push_ref(x, tk[ch->nick_s].start,
                                     tk[ch->nick_e - 1].end, root))
                return EVG_ENOMEM;
            x->c.v[x->c.n - 1].is_name = 1;
            return (long)(ch->nick_e - ch->i0);
        }
        long used = acronym_after(x, endtok);
        if (used < 0)
            return used;
        return (long)(endtok + (size_t)used - ch->i0);
    }
    if (ch->role || ch->title) {
        const evg_gz_entry *r = ch->role ? ch->role : ch->title;
        int want_person = !ch->role;
        int want_country = !r->sector[0] && (!strcmp(r->name, "country") ||
                                             !strcmp(r->name, "nation") ||
                                             !strcmp(r->name, "countries") ||
                                             !strcmp(r->name, "nations"));
        const char *sec = r->sector;
        if (!strcmp(sec, "MED") &&
            ((ch->start > 0 &&
              word_in(x->t, &tk[ch->start - 1], evg_actors__state_media)) ||
             (ch->i0 < ch->start &&
              word_in(x->t, &tk[ch->i0], evg_actors__state_media))))
            sec = "GOV"; /* "an official Syrian newspaper", "state-run
                          * media": the state's voice */
        const char *c3 = NULL;
        size_t rl = strlen(r->name);
        int plural = rl > 2 && r->name[rl - 1] == 's' &&
                     r->name[rl - 2] != 's'; /* not "business" */
        int gov = word_in(x->t, &tk[ch->end - 1], evg_actors__government_heads);
        if (gov && !ch->c)
            want_country = 1;
        char cbuf[4] = "";
        /* "ethnic Albanians", "the Albanian population": an ethnic
         * group, of the country it lives in */
        int ethnic = ch->c && (ethnic_before(x, ch->c_start) ||
                               (ch->c->cls == EVG_GZ_ADJ &&
                                word_in(x->t, &tk[ch->end - 1],
                                        evg_actors__ethnic_heads)));
        if (ch->c && memcmp(ch->c->country, "---", 3) != 0 && !ethnic) {
            copy3(cbuf, ch->c->country);
            c3 = cbuf;
        }
        size_t s = ch->definite && !ch->c ? ch->i0 : ch->start;
        size_t e = ch->end;
        /* "the alliance", "the bloc": an international organization
         * named just before, or nobody */
        int igo_only = !c3 && memcmp(r->country, "IGO", 3) == 0 &&
                       !r->sector[0];
        if (!ch->c && word_in(x->t, &tk[ch->end - 1], evg_actors__vehicles))
            return (long)(ch->end - ch->i0); /* "the helicopters": things */
        if (ch->definite && !(gov && ch->c)) {
            size_t root = evg_actors__antecedent(x, want_person,
                                                 want_person ? r->name : NULL,
                                                 sec,
                                                 igo_only ? "IGO" : c3, want_country,
                                                 plural, &tk[e - 1]);
            if (root != EVG_NONE) {
                if (evg_actors__push_ref(x, tk[s].start, tk[e - 1].end, root))
                    return EVG_ENOMEM;
                cand *rf = &x->c.v[x->c.n - 1];
                if (want_person)
                    rf->title = r->name; /* "the Pope" again, later */
                if (!strcmp(sec, "GOV") &&
                    x->c.v[root].kind == EVG_KIND_COUNTRY &&
                    x->c.v[root].country[0]) {
                    /* "the Palestinian administrators", "the government"
                     * of a country named before: the mention is its
                     * government (a code of its own, as a capital
                     * speaking for it) */
                    evg_actors__set_country(rf, x->c.v[root].country, 1);
                    rf->metonym = 1;
                }
                return (long)(e - ch->i0);
            }
        }
        if (igo_only)
            return 0;
        const evg_token *head = &tk[ch->end - 1];
        int plural_word = head->end - head->start > 3 &&
                          x->t[head->end - 1] == 's' &&
                          x->t[head->end - 2] != 's'; /* not "business" */
        if ((want_country ||
             word_in(x->t, head, evg_actors__government_plurals)) &&
            (plural || plural_word) && !ch->c && !ch->det && !x->boiler) {
            size_t q = quantified(x, ch->start);
            if (q != EVG_NONE)
                return group_of_states(x, ch, q, sec);
        }
        if (want_country || (want_person && !c3) || (x->boiler && !c3))
            return 0; /* boilerplate: no actors guessed from role words */
        /* "students throughout Indonesia", "a missionary from Calgary":
         * a role of a country named after it is a group of that country */
        const evg_gz_entry *after = country_after(x, e);
        /* "Moslem fundamentalist demonstrators", "thousands of people":
         * a plural role with a qualifier in it or a quantity is a
         * description of some of a country's people, a mention of the
         * country the context names (with the role's code), never an
         * actor of its own; "the Albanian population": an ethnic group,
         * of the country the context gives; a bare one ("demonstrators")
         * names nobody in particular */
        int described = !c3 && !after && !ch->det && !ethnic &&
                        !strong_sector(sec) &&
                        (((plural || plural_word) &&
                          e - ch->start > words_in(r->name) &&
                          no_verb(x, ch->start, e)) ||
                         ((plural || plural_word ||
                           tok_is(x, ch->start - 1, "of")) &&
                          quantified(x, ch->start) != EVG_NONE));
        int qualified = ethnic || described;
        if (!c3 && !after && strcmp(r->country, "---") == 0 && !qualified &&
            (!strong_sector(sec) ||
             (!ch->det && !plural && strcmp(r->name, "police") != 0)))
            return 0;
        cand *d = evg_actors__push(x, tk[ch->start].start, tk[e - 1].end);
        if (!d)
            return EVG_ENOMEM;
        if (c3)
            evg_actors__set_country(d, c3, 1);
        else if (memcmp(r->country, "---", 3) != 0)
            evg_actors__set_country(d, r->country, 1);
        else if (after)
            evg_actors__set_country(d, after->country, 1);
        evg_actors__set_sector(d, sec);
        d->kind = (unsigned char)(want_person
                                      ? EVG_KIND_PERSON
                                      : evg_actors__kind_of_sector(
                                            sec, EVG_KIND_GROUP));
        d->needs_country = 1;
        if (ethnic)
            copy3(d->avoid, ch->c->country);
        d->name = r->name; /* role canonical: key part */
        d->kk = 'r';
        /* "Officials said", "Officials in Washington": a state's body
         * named by a bare plural, no name of its own */
        d->bare = !c3 && !ch->det && !ch->c && (plural || plural_word) &&
                  !ethnic && state_sector(sec) && !modified(x, ch->start) &&
                  !tok_is(x, e, "of") && e - ch->start <= words_in(r->name);
        /* "the US government", "Serbian authorities": the government of
         * a country the document names is a mention of that country, with
         * the government's code, as "the government" after it is */
        if (c3 && gov && !strcmp(sec, "GOV") && !ch->possessive &&
            e - ch->c_end == 1)
            d->bare = 1;
        d->described = described != 0;
        long used = c3 ? acronym_after(x, e) : 0;
        if (used < 0)
            return used;
        return (long)(e + (size_t)used - ch->i0);
    }
    if (ch->c) {
        const evg_gz_entry *c = ch->c;
        if (memcmp(c->country, "---", 3) == 0)
            return 0;
        /* "Hungarian and Romanian officials": the role applies to both */
        const evg_gz_entry *r = NULL, *a2;
        size_t k = ch->c_end;
        /* "U.S. and Russian negotiators": a country written as an
         * adjective before another adjective and a role shares it too */
        if ((c->cls == EVG_GZ_ADJ ||
             (c->cls == EVG_GZ_COUNTRY && !ch->det &&
              (tok_is(x, k, "and") || tok_is(x, k, "or")))) &&
            !ch->possessive &&
            (tok_is(x, k, "and") || tok_is(x, k, "or") ||
             (k < x->n && x->t[tk[k].start] == ','))) {
            size_t l2 = evg_actors__gz(x, k + 1, B(ADJ), &a2);
            if (l2)
                evg_actors__gz(x, k + 1 + l2, B(ROLE), &r);
        }
        if (c->cls == EVG_GZ_ADJ && !r && !ch->possessive && k < x->n &&
            is_word(&tk[k])) {
            /* "Albanian rebel-held territory", "Iraqi army-backed": a
             * role in a hyphenated modifier stands for the group */
            const char *hy = memchr(x->t + tk[k].start, '-',
                                    tk[k].end - tk[k].start);
            if (hy && hy > x->t + tk[k].start && hy + 1 < x->t + tk[k].end &&
                islower((unsigned char)hy[1])) {
                evg_token sub = tk[k];
                sub.end = (size_t)(hy - x->t);
                const evg_gz_entry *hr;
                if (evg_gz_match(x->g, x->t, &sub, 1, 0, B(ROLE), x->date,
                                 &hr) == 1)
                    r = hr;
            }
        }
        if (c->cls == EVG_GZ_ADJ && !r && !ch->possessive &&
            ethnic_before(x, ch->c_start)) {
            /* "ethnic Albanians": a minority, of the country it lives in */
            cand *d = evg_actors__push(x, tk[ch->c_start - 1].start,
                                       tk[ch->c_end - 1].end);
            if (!d)
                return EVG_ENOMEM;
            copy3(d->avoid, c->country);
            evg_actors__set_sector(d, "CVL"); /* a people, not a state */
            d->kind = EVG_KIND_GROUP;
            d->needs_country = 1;
            d->name = c->name;
            d->kk = 'r';
            return (long)(ch->c_end - ch->i0);
        }
        if (c->cls == EVG_GZ_ADJ && !r && people_plural(x, ch)) {
            /* "Palestinians protested": the people of the country,
             * civilians (CVL), not its state; "the Albanians of southern
             * Serbia": of the country they live in */
            cand *d = evg_actors__push(x, tk[ch->c_start].start,
                                       tk[ch->c_end - 1].end);
            if (!d)
                return EVG_ENOMEM;
            const evg_gz_entry *home = country_of_place(x, ch->c_end);
            evg_actors__set_country(d, home ? home->country : c->country, 1);
            evg_actors__set_sector(d, "CVL");
            d->kind = EVG_KIND_GROUP;
            d->name = c->name;
            d->kk = 'r';
            return (long)(ch->c_end - ch->i0);
        }
        cand *d = evg_actors__push(x, tk[ch->c_start].start,
                                   tk[ch->c_end - 1].end);
        if (!d)
            return EVG_ENOMEM;
        evg_actors__set_country(d, c->country, 1);
        evg_actors__set_sector(d, c->sector);
        if (r) {
            evg_actors__set_sector(d, r->sector);
            d->kind = evg_actors__kind_of_sector(r->sector, EVG_KIND_GROUP);
            d->name = r->name;
            d->kk = 'r';
            return (long)(ch->c_end - ch->i0);
        }
        d->kind = evg_actors__kind_of_class(c->cls, d->sector);
        d->is_place = c->cls != EVG_GZ_IGO;
        d->metonym = c->cls == EVG_GZ_CAPITAL &&
                     (is_possessive(x, ch->c_end) || !locative(x, ch->c_start));
        /* "in Algiers", "Iraqi towns", "a village in Western Cambodia":
         * a place below the country, its people as a participant */
        d->people = (c->cls == EVG_GZ_CAPITAL && !d->metonym) ||
                    (c->cls == EVG_GZ_ADJ && !ch->possessive &&
                     place_noun_after(x, ch->c_end)) ||
                    (c->cls == EVG_GZ_COUNTRY && place_noun_before(x, ch->c_start));
        d->adj_only = c->cls == EVG_GZ_ADJ;
        d->name = c->name;
        d->kk = 'g';
        d->is_name = 1;
        return (long)(ch->c_end - ch->i0);
    }
    return 0;
}


/* "2003-05-23" as 20030523; 0 when not a date. */
static long dct_number(const char *d)
{
    long v = 0;
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7) {
            if (d[i] != '-')
                return 0;
            continue;
        }
        if (!isdigit((unsigned char)d[i]))
            return 0;
        v = v * 10 + (d[i] - '0');
    }
    return v;
}

static int title_case(const ctx *x)
{
    size_t words = 0, caps = 0;
    if (!x->n || (x->tk[x->n - 1].flags & EVG_TOK_PUNCT))
        return 0;
    for (size_t i = 0; i < x->n; i++) {
        const evg_token *k = &x->tk[i];
        if (!is_word(k) || k->end - k->start <= 3)
            continue; /* short function words: of, to, the */
        words++;
        caps += (k->flags & EVG_TOK_CAP) != 0;
    }
    return words >= 3 && caps * 10 >= words * 8;
}

int evg_extract__entities(evg_doc *doc, const evg_lexicon *lex,
                          evg_error *err)
{
    ctx x;
    memset(&x, 0, sizeof(x));
    x.doc = doc;
    x.g = lex ? lex->gaz : NULL;
    x.t = doc->text;
    if (!x.g || !doc->text)
        return 0;
    /* candidates keep offsets and sentence numbers in 4 bytes */
    if (doc->text_len >= UINT32_MAX || doc->n_sentences >= UINT32_MAX)
        return evg_error_set(err, EVG_ELIMIT,
                             "text too long for the actor finder (4 GiB)");
    x.date = dct_number(doc->dct);
    /* PETRARCH's discard list takes CAMEO's codes from a sentence, not its
     * actors: the event coder applies it (events.c) */
    int rc = evg_actors__load_words(err);
    if (!rc)
        rc = evg_names_load(err);
    if (rc)
        return rc;
    evg_tokens toks = {0};
    /* a sentence of more than EVG_DOC_WINDOW words in windows of that
     * many (doc_layer.h) */
    for (size_t s = 0; s < doc->n_sentences && !rc; s++) {
        const evg_sentence sent = evg_doc__sentence(doc, s), *sn = &sent;
        size_t n_win = evg_doc__windows(doc, s);
        for (size_t w = 0; w < n_win && !rc; w++) {
            evg_doc_window win = evg_doc__window(doc, s, w);
            if ((rc = evg_extract__tokens_in(doc, s, &win, &toks)))
                break;
            x.sent = s;
            x.tk = toks.v;
            x.ud = evg_doc__sentence_tokens_range(doc, s, win.from, win.count,
                                                  &x.n_ud, NULL);
            if (!x.ud || !x.ud[0].deprel)
                x.n_ud = 0; /* no parse (--no-parse): no roles */
            x.n = toks.n;
            /* boilerplate and title-case lines (headlines) name no new actors
             * from capitalized words alone */
            x.boiler = sn->boilerplate || title_case(&x);
            x.credit = sn->boilerplate;
            size_t i = 0;
            while (i < x.n) {
                int p = evg_actors__pronoun(&x, i);
                if (p < 0) {
                    rc = p;
                    break;
                }
                if (p) {
                    i++;
                    continue;
                }
                chain ch;
                parse_chain(&x, i, &ch);
                long used = emit(&x, &ch);
                if (used < 0) {
                    rc = (int)used;
                    break;
                }
                i += used > 0 ? (size_t)used : 1;
            }
        }
    }
    evg_extract__tokens_dispose(&toks);
    if (!rc)
        rc = evg_actors__build(&x);
    if (!rc && x.nfail)
        rc = EVG_ENOMEM;
    free(x.c.v);
    free(x.ntab);
    if (rc)
        return evg_error_set(err, rc, "actor finder: out of memory");
    return 0;
}
