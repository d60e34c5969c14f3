/* Unit tests of the trigger lexicon's pattern format (extract/lexicon/
 * triggers.c: role markers, a source column, word classes), of the
 * built-in pattern files, and of the PETRARCH verb dictionary reader
 * (petrarch_verbs.c) on a small dictionary written for these tests, then
 * on PETRARCH's own CAMEO.2.0.txt when ../shared holds it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "events.h"
#include "evgraph/extract.h"
#include "lexicon.h"
#include "triggers.h"

#include "models_fixture.h"

/* The built-in lexicon holds at least this many patterns. */
#define EVG_TEST_MIN_PATTERNS 3000
/* ... and this many for each of the 20 CAMEO roots */
#define EVG_TEST_MIN_PER_ROOT 50

static evg_triggers *fresh(void)
{
    evg_triggers *t;
    evg_error err;
    memset(&err, 0, sizeof(err));
    assert_int_equal(evg_extract__triggers_new(&t, &err), 0);
    return t;
}

/* The number of built-in word classes, through a lexicon of its own. */
static const evg_triggers *t0c(void)
{
    static evg_triggers *t;
    if (!t)
        t = fresh(); /* freed at exit by the process */
    return t;
}

/* The pattern of head `head` whose words, joined by spaces, are `words`. */
static const evg_trig_pat *pattern_prio(const evg_triggers *t,
                                        const char *head, const char *words,
                                        int prio);

static const evg_trig_pat *pattern(const evg_triggers *t, const char *head,
                                   const char *words)
{
    return pattern_prio(t, head, words, -1);
}

/* The same, of priority `prio` (-1: any, the first in lookup order). */
static const evg_trig_pat *pattern_prio(const evg_triggers *t,
                                        const char *head, const char *words,
                                        int prio)
{
    const evg_trig_pat *const *pats;
    size_t n = evg_events__patterns(t, head, strlen(head), &pats);
    for (size_t i = 0; i < n; i++) {
        char buf[512] = "";
        for (size_t k = 0; k < pats[i]->n_words; k++) {
            if (k)
                strcat(buf, " ");
            strcat(buf, pats[i]->words[k]);
        }
        if (strcmp(buf, words) == 0 && (prio < 0 || pats[i]->prio == prio))
            return pats[i];
    }
    return NULL;
}

static int has_role(const char *const *v, size_t n, const char *r)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(v[i], r) == 0)
            return 1;
    return 0;
}

/* ---- our format ---- */

static void lexicon_role_markers_and_classes(void **state)
{
    (void)state;
    evg_triggers *t = fresh();
    evg_error err;
    memset(&err, 0, sizeof(err));
    const char user[] =
        "#evgraph:triggers\n"
        "&arms\tweapon, arms, fighter jet, missile\n"
        "receive _ &arms _ from $\t072\tsubj\tv\n"
        "$ obtain _ loan _ from +\t071\tnone\tv\n"
        "acquire _ &arms\t072\tsubj\tv\tfrom\n";
    assert_int_equal(
        evg_extract__triggers_add(t, user, strlen(user), "user.tsv", &err),
        0);
    const evg_trig_pat *p = pattern(t, "receive", "receive _ &arms _ from");
    assert_non_null(p);
    assert_string_equal(p->cameo->code, "072");
    assert_int_equal(p->n_sources, 1);
    assert_string_equal(p->sources[0], "from");
    assert_true(has_role(p->targets, p->n_targets, "subj"));
    assert_non_null(p->classes[2]);
    assert_int_equal(p->classes[2]->n_phrases, 4);
    assert_int_equal(p->classes[2]->phrases[2].n_words, 2); /* fighter jet */
    assert_int_equal(p->prio, EVG_PRIO_USER);
    p = pattern(t, "obtain", "obtain _ loan _ from");
    assert_non_null(p);
    assert_string_equal(p->sources[0], "subj");
    assert_string_equal(p->targets[0], "from");
    p = pattern(t, "acquire", "acquire _ &arms");
    assert_non_null(p);
    assert_string_equal(p->sources[0], "from");
    evg_extract__triggers_free(t);
}

/* The built-in patterns are read once a process and shared: a lexicon a
 * user file adds to gets its own patterns and classes, and neither the
 * built-in ones nor another lexicon see the additions, before or after
 * it is freed. */
static void lexicon_user_additions_stay_private(void **state)
{
    (void)state;
    evg_triggers *a = fresh(), *b = fresh();
    evg_error err;
    memset(&err, 0, sizeof(err));
    const evg_trig_pat *builtin = pattern(b, "accuse", "accuse");
    assert_non_null(builtin);
    const char user[] = "#evgraph:triggers\n"
                        "&gizmo\twidget, gadget\n"
                        "frobnicate _ &gizmo\t072\tobj\tv\n";
    assert_int_equal(
        evg_extract__triggers_add(a, user, strlen(user), "user.tsv", &err), 0);
    assert_non_null(pattern(a, "frobnicate", "frobnicate _ &gizmo"));
    assert_non_null(pattern(a, "accuse", "accuse"));
    assert_non_null(evg_events__class(a, "&gizmo", 6));
    assert_null(pattern(b, "frobnicate", "frobnicate _ &gizmo"));
    assert_null(evg_events__class(b, "&gizmo", 6));
    size_t na = evg_events__lexicon_stats(a, NULL, NULL);
    size_t nb = evg_events__lexicon_stats(b, NULL, NULL);
    assert_int_equal(na, nb + 1);
    evg_extract__triggers_free(a);
    evg_triggers *c = fresh();
    assert_null(pattern(c, "frobnicate", "frobnicate _ &gizmo"));
    assert_int_equal(evg_events__lexicon_stats(c, NULL, NULL), nb);
    assert_ptr_equal(pattern(b, "accuse", "accuse"), builtin);
    evg_extract__triggers_free(c);
    evg_extract__triggers_free(b);
}

static void lexicon_format_errors(void **state)
{
    (void)state;
    static const struct {
        const char *text, *msg;
    } cases[] = {
        {"#evgraph:triggers\nget _ &nothing\t072\tobj\tv\n",
         "x.tsv:2: unknown word class '&nothing'"},
        {"#evgraph:triggers\n&arms\n", "x.tsv:2: expected '&name<TAB>"},
        {"#evgraph:triggers\n&arms\t , \n", "x.tsv:2: empty word class"},
        {"#evgraph:triggers\n&a b\tx\n", "x.tsv:2: bad word class name"},
        {"#evgraph:triggers\n\nget _ x\t072\tobj\tv\ta,b,c,d,e,f,g\n",
         "x.tsv:3: too many sources"},
        {"#evgraph:triggers\nget _ &\t072\tobj\tv\n",
         "x.tsv:2: unknown word class '&'"},
        {"#evgraph:triggers\n$\t072\tobj\tv\n", "x.tsv:2: empty pattern"},
        {"#evgraph:triggers\nget _\t072\tobj\tv\n",
         "x.tsv:2: a pattern must start with a word"},
        {"#evgraph:triggers\nhost _ summit\t043:999\tobj\tv\n",
         "x.tsv:2: unknown CAMEO code '999'"},
        {"#evgraph:triggers\nhost _ summit\t043:\tobj\tv\n",
         "x.tsv:2: unknown CAMEO code ''"},
        {"#evgraph:triggers\nsign _ bill\t-:057\tnone\tx\n",
         "x.tsv:2: unknown CAMEO code '-:057'"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        evg_triggers *t = fresh();
        evg_error err;
        memset(&err, 0, sizeof(err));
        int rc = evg_extract__triggers_add(t, cases[i].text,
                                           strlen(cases[i].text), "x.tsv",
                                           &err);
        if (rc != EVG_EPARSE || !strstr(err.message, cases[i].msg))
            fprintf(stderr, "case %zu: rc %d '%s'\n", i, rc, err.message);
        assert_int_equal(rc, EVG_EPARSE);
        assert_non_null(strstr(err.message, cases[i].msg));
        assert_null(strchr(err.message, '\n'));
        evg_extract__triggers_free(t);
    }
}

/* The built-in pattern files: every root has patterns, the total is what
 * docs/events.md says, and each file holds valid lines (loading fails on
 * any bad line). */
static void lexicon_builtin_counts(void **state)
{
    (void)state;
    evg_triggers *t = fresh();
    size_t roots[21], classes;
    size_t n = evg_events__lexicon_stats(t, &classes, roots);
    for (int r = 1; r <= 20; r++) {
        if (roots[r] < EVG_TEST_MIN_PER_ROOT)
            fprintf(stderr, "root %02d: %zu patterns\n", r, roots[r]);
        assert_true(roots[r] >= EVG_TEST_MIN_PER_ROOT);
    }
    printf("built-in lexicon: %zu patterns, %zu word classes\n", n, classes);
    assert_true(n >= EVG_TEST_MIN_PATTERNS);
    evg_extract__triggers_free(t);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* No pattern is listed twice with the same kind in the built-in files (a
 * gap "_" or "~" counts as the same word). */
static void lexicon_builtin_no_duplicates(void **state)
{
    (void)state;
    static const char *const files[] = {
        EVG_SOURCE_DIR "/extract/data/triggers.tsv",
        EVG_SOURCE_DIR "/extract/data/cameo_patterns.tsv"};
    char **pats = NULL;
    size_t n = 0, cap = 0;
    for (size_t f = 0; f < 2; f++) {
        FILE *fp = fopen(files[f], "r");
        assert_non_null(fp);
        char line[4096];
        while (fgets(line, sizeof(line), fp)) {
            if (line[0] == '#' || line[0] == '&' || line[0] == '\n')
                continue;
            /* the pattern and its kind (a verb and a noun may share
             * their words: "ban") */
            char *fld[4] = {line, NULL, NULL, NULL};
            for (int k = 1; k < 4; k++) {
                fld[k] = strchr(fld[k - 1], '\t');
                assert_non_null(fld[k]);
                *fld[k]++ = '\0';
            }
            size_t kl = strcspn(fld[3], "\t\n");
            size_t pl = strlen(line);
            line[pl] = '\t';
            memmove(line + pl + 1, fld[3], kl);
            line[pl + 1 + kl] = '\0';
            for (char *c = line; *c; c++)
                if (*c == '~')
                    *c = '_';
            if (n == cap) {
                cap = cap ? cap * 2 : 1024;
                pats = realloc(pats, cap * sizeof(*pats));
                assert_non_null(pats);
            }
            pats[n] = strdup(line);
            assert_non_null(pats[n]);
            n++;
        }
        fclose(fp);
    }
    qsort(pats, n, sizeof(*pats), cmp_str);
    size_t dups = 0;
    for (size_t i = 1; i < n; i++)
        if (strcmp(pats[i], pats[i - 1]) == 0) {
            fprintf(stderr, "listed twice: %s\n", pats[i]);
            dups++;
        }
    for (size_t i = 0; i < n; i++)
        free(pats[i]);
    free(pats);
    assert_int_equal(dups, 0);
}

/* ---- coding with a role mapping ---- */

typedef struct ent_spec {
    const char *name, *code, *country, *form;
} ent_spec;

static evg_doc *doc_with(const char *text, const ent_spec *ents, size_t n)
{
    evg_doc *doc;
    assert_int_equal(evg_doc_new(&doc), 0);
    doc->text = evg_doc_strdup(doc, text);
    doc->text_len = strlen(text);
    memcpy(doc->dct, "2020-01-02", 11);
    doc->dct_source = EVG_DCT_OPTION;
    evg_sentence *s = EVG_DOC_PUSH(doc, doc->sentences, doc->n_sentences,
                                   doc->cap_sentences);
    assert_non_null(s);
    s->start = 0;
    s->end = doc->text_len;
    s->text = evg_doc_strdup(doc, text);
    for (size_t i = 0; i < n; i++) {
        evg_entity *e = EVG_DOC_PUSH(doc, doc->entities, doc->n_entities,
                                     doc->cap_entities);
        assert_non_null(e);
        e->name = ents[i].name;
        e->code = ents[i].code;
        e->country = ents[i].country;
        e->kind = EVG_KIND_COUNTRY;
        const char *at = strstr(text, ents[i].form);
        assert_non_null(at);
        evg_mention *m =
            EVG_DOC_PUSH(doc, e->mentions, e->n_mentions, e->cap_mentions);
        assert_non_null(m);
        size_t st = (size_t)(at - text);
        assert_int_equal(
            evg_doc_span(doc, &m->span, st, st + strlen(ents[i].form)), 0);
        m->with = EVG_NONE;
    }
    return doc;
}

static const ent_spec PAIR[] = {{"Israel", "ISR", "ISR", "Israel"},
                                {"Russia", "RUS", "RUS", "Russia"}};

static const evg_event *coded(const evg_doc *doc, const char *code);

/* Codes `text` with the built-in lexicon plus `extra` (ours or
 * PETRARCH's) and returns the first event with `code`. */
static const evg_event *code_with(evg_doc *doc, const char *extra, int verbs,
                                  const char *code)
{
    evg_error err;
    memset(&err, 0, sizeof(err));
    const evg_lexicon *def = evg_extract__default_lexicon(&err);
    assert_non_null(def);
    evg_lexicon lex = {def->gaz, 0, fresh()};
    if (extra && verbs)
        assert_int_equal(evg_extract__petrarch_verbs_add(
                             lex.trig, extra, strlen(extra), "v.txt", NULL,
                             &err),
                         0);
    else if (extra)
        assert_int_equal(evg_extract__triggers_add(lex.trig, extra,
                                                   strlen(extra), "u.tsv",
                                                   &err),
                         0);
    assert_int_equal(evg_extract__events(doc, &lex, NULL, &err), 0);
    evg_extract__triggers_free(lex.trig);
    return coded(doc, code);
}

/* The first event of `doc` with `code`. */
static const evg_event *coded(const evg_doc *doc, const char *code)
{
    for (size_t i = 0; i < doc->n_events; i++)
        if (doc->events[i].cameo && strcmp(doc->events[i].cameo, code) == 0)
            return &doc->events[i];
    for (size_t i = 0; i < doc->n_events; i++)
        fprintf(stderr, "  %s '%s'\n", doc->events[i].cameo,
                doc->events[i].trigger.text);
    fail_msg("no event %s", code);
    return NULL;
}

static void assert_dir(const evg_doc *doc, const evg_event *e,
                       const char *src, const char *tgt)
{
    assert_int_equal(e->n_source, 1);
    assert_int_equal(e->n_target, 1);
    assert_string_equal(doc->entities[e->source[0]].name, src);
    assert_string_equal(doc->entities[e->target[0]].name, tgt);
}

static void lexicon_role_mapping_codes(void **state)
{
    (void)state;
    const char pats[] = "#evgraph:triggers\n"
                        "&arms\tweapon, fighter jet, missile\n"
                        "receive _ &arms _ from $\t072\tsubj\tv\n";
    /* the oblique of "from" is the source, the subject the target */
    evg_doc *doc = doc_with("Israel received fighter jets from Russia.", PAIR,
                            2);
    const evg_event *e = code_with(doc, pats, 0, "072");
    assert_dir(doc, e, "Russia", "Israel");
    evg_doc_free(doc);
    /* a class must be defined before a pattern uses it */
    const char late[] = "#evgraph:triggers\nshell _ &town\t195\tobj\tv\n"
                        "&town\tcity, town\n";
    evg_triggers *t = fresh();
    evg_error err;
    memset(&err, 0, sizeof(err));
    assert_int_equal(
        evg_extract__triggers_add(t, late, strlen(late), "p.tsv", &err),
        EVG_EPARSE);
    assert_non_null(strstr(err.message, "p.tsv:2: unknown word class"));
    evg_extract__triggers_free(t);
    /* "$" before the head and "+" after a preposition */
    const char sub[] = "#evgraph:triggers\n$ obtain _ loan _ from +\t071\t"
                       "none\tv\n";
    doc = doc_with("Israel obtained a loan from Russia.", PAIR, 2);
    e = code_with(doc, sub, 0, "071");
    assert_dir(doc, e, "Israel", "Russia");
    evg_doc_free(doc);
    /* "043:042": Israel hosts, and Russia visits, one summit */
    const char host[] = "#evgraph:triggers\nhost _ summit\t043:042\twith\tv\n";
    doc = doc_with("Israel hosted a summit with Russia.", PAIR, 2);
    e = code_with(doc, host, 0, "043");
    assert_dir(doc, e, "Israel", "Russia");
    e = coded(doc, "042");
    assert_dir(doc, e, "Russia", "Israel");
    assert_int_equal(e->trigger.start, coded(doc, "043")->trigger.start);
    evg_doc_free(doc);
}

/* ---- PETRARCH's verb dictionary ---- */

/* A small dictionary in PETRARCH's format, written for these tests. */
static const char VERBS[] =
    "# a test dictionary\n"
    "<!-- a comment\n"
    "   over two lines -->\n"
    "&ARMS\n"
    "+WEAPON\n"
    "# a comment inside a set\n"
    "+FIGHTER_JET\n"
    "+ROCKET_LAUNCHER_\n"
    "\n"
    "&PLACE_\n"
    "+CAPITAL\n"
    "+BORDER TOWN\n"
    "\n"
    "####### VERB PATTERNS #######\n"
    "---  OBTAIN   [---]  ---\n"
    "OBTAIN\n"
    "RECEIVE   # a note\n"
    "GET {GETS GETTING GOT GOTTEN}\n"
    "- * &ARMS                     [:072]   # RECEIVE\n"
    "- * {DEATH THREAT}            [:138]\n"
    "- * LOAN (FROM $)             [071]\n"
    "- * ACCESS                    [---]\n"
    "- &ARMS * SHIPMENT            [072]   ; before the verb: left out\n"
    "- * UNKNOWN_SET &NOTDEFINED   [072]\n"
    "- * BOMBING/EXPLOSION         [190]\n"
    "- % * AID                     [070]\n"
    "\n"
    "---  VISIT   [042]  ---\n"
    "VISIT\n"
    "+CALL_ON {+CALLS_ON +CALLED_ON +CALLING_ON} [040]\n"
    "SPEED {SPEEDS SPED SPEEDING}\n"
    "- * (TO &PLACE_)             [043:042]\n"
    "- + * BY $                   [042]\n"
    "\n"
    "---  OFFEND   [:110]  ---\n"
    "OUTRAGE\n"
    "\n"
    "######## TRANSFORMATIONS ##########\n"
    "~ a (a b ATTACK) SAY = a b 015\n";

static void petrarch_verbs_small(void **state)
{
    (void)state;
    evg_triggers *t = fresh();
    evg_error err;
    memset(&err, 0, sizeof(err));
    size_t before = evg_events__lexicon_stats(t, NULL, NULL), skipped = 0;
    assert_true(evg_extract__petrarch_verbs_detect(VERBS, strlen(VERBS)));
    assert_int_equal(evg_extract__dict_format(VERBS, strlen(VERBS), "x.txt"),
                     EVG_DICT_VERBS);
    int rc = evg_extract__petrarch_verbs_add(t, VERBS, strlen(VERBS),
                                             "verbs.txt", &skipped, &err);
    if (rc)
        fprintf(stderr, "%s\n", err.message);
    assert_int_equal(rc, 0);
    /* left out: the pattern with a word before the verb, the undefined set,
     * the disjunction, the compound actor, the transformation */
    assert_int_equal(skipped, 5);
    size_t classes, classes0;
    evg_events__lexicon_stats(t0c(), &classes0, NULL);
    size_t after = evg_events__lexicon_stats(t, &classes, NULL);
    classes -= classes0;
    /* OBTAIN: 3 verbs x 4 patterns (GET's irregular GOT and GOTTEN are
     * known to the lemmatizer); VISIT: VISIT, CALL ON, SPEED and its SPED
     * alone, and x 2 patterns */
    assert_int_equal(after - before, 3 * 4 + 4 + 4 * 2 + 1);
    assert_int_equal(classes, 2);
    /* a synonym set: phrases with "_" are words in a row */
    const evg_trig_pat *p = pattern(t, "receive", "receive _ &arms");
    assert_non_null(p);
    assert_int_equal(p->prio, EVG_PRIO_PETRARCH);
    assert_int_equal(p->classes[2]->n_phrases, 3);
    assert_int_equal(p->classes[2]->phrases[1].n_words, 2);
    assert_string_equal(p->classes[2]->phrases[1].words[1], "jet");
    /* "[:072]": the event goes the other way */
    assert_string_equal(p->cameo->code, "072");
    assert_true(has_role(p->sources, p->n_sources, "obj"));
    assert_true(has_role(p->targets, p->n_targets, "subj"));
    /* "{DEATH THREAT}": words in a row */
    p = pattern(t, "get", "get _ death threat");
    assert_non_null(p);
    assert_string_equal(p->cameo->code, "138");
    /* "(FROM $)": the source is the object of "from" */
    p = pattern(t, "obtain", "obtain _ loan _ from");
    assert_non_null(p);
    assert_string_equal(p->sources[0], "from");
    assert_string_equal(p->targets[0], "subj"); /* no "+": the subject */
    /* "[---]": no event, blocks shorter patterns */
    p = pattern(t, "get", "get _ access");
    assert_non_null(p);
    assert_int_equal(p->kind, EVG_TK_NONE);
    assert_null(p->cameo);
    /* the block's code for its verbs alone, a verb's own code first */
    p = pattern_prio(t, "visit", "visit", EVG_PRIO_PETRARCH);
    assert_non_null(p);
    assert_string_equal(p->cameo->code, "042");
    /* of two patterns as long, the built-in one is tried first */
    assert_int_equal(pattern(t, "visit", "visit")->prio, EVG_PRIO_BUILTIN);
    p = pattern_prio(t, "call", "call on", EVG_PRIO_PETRARCH);
    assert_non_null(p);
    assert_string_equal(p->cameo->code, "040");
    /* "[043:042]": the act, and the other side's in a second event */
    p = pattern(t, "visit", "visit _ to _ &place_");
    assert_non_null(p);
    assert_string_equal(p->cameo->code, "043");
    assert_non_null(p->mirror);
    assert_string_equal(p->mirror->code, "042");
    assert_null(pattern(t, "visit", "visit _ by")->mirror);
    /* a block's "[:110]" holds for its verbs alone: "X outraged Y" is Y's
     * disapproval of X */
    p = pattern(t, "outrage", "outrage");
    assert_non_null(p);
    assert_string_equal(p->cameo->code, "110");
    assert_null(p->mirror);
    assert_true(has_role(p->sources, p->n_sources, "obj"));
    assert_true(has_role(p->targets, p->n_targets, "subj"));
    /* an irregular form the lemmatizer does not know heads its own */
    assert_non_null(pattern(t, "sped", "sped"));
    assert_non_null(pattern(t, "sped", "sped _ to _ &place_"));
    /* "+ * BY $": the subject is the target, the by-agent the source */
    p = pattern(t, "visit", "visit _ by");
    assert_non_null(p);
    assert_string_equal(p->sources[0], "by");
    assert_string_equal(p->targets[0], "subj");
    /* without a verb dictionary, no "obtain" */
    evg_triggers *t0 = fresh();
    assert_null(pattern(t0, "obtain", "obtain _ loan _ from"));
    evg_extract__triggers_free(t0);
    evg_extract__triggers_free(t);
}

static void petrarch_verbs_codes_events(void **state)
{
    (void)state;
    evg_doc *doc = doc_with("Israel received fighter jets from Russia.", PAIR,
                            2);
    const evg_event *e = code_with(doc, VERBS, 1, "072");
    assert_dir(doc, e, "Russia", "Israel");
    evg_doc_free(doc);
    doc = doc_with("Israel obtained a loan from Russia.", PAIR, 2);
    e = code_with(doc, VERBS, 1, "071");
    assert_dir(doc, e, "Russia", "Israel");
    evg_doc_free(doc);
    /* a block's "[:110]": Israel disapproves of Russia */
    doc = doc_with("Russia outraged Israel.", PAIR, 2);
    e = code_with(doc, VERBS, 1, "110");
    assert_dir(doc, e, "Israel", "Russia");
    evg_doc_free(doc);
    /* "[043:042]": the act one way, its mirror the other */
    doc = doc_with("Israel sped to the capital of Russia.", PAIR, 2);
    e = code_with(doc, VERBS, 1, "043");
    assert_dir(doc, e, "Israel", "Russia");
    e = coded(doc, "042");
    assert_dir(doc, e, "Russia", "Israel");
    evg_doc_free(doc);
}

static void petrarch_verbs_errors(void **state)
{
    (void)state;
    static const struct {
        const char *text, *msg;
    } cases[] = {
        {"--- A [010] ---\nSAY\n- * AID\n", "v.txt:3: a pattern without its "
                                            "'[code]'"},
        {"--- A [010] ---\nSAY\n- * AID [7x1]\n",
         "v.txt:3: bad CAMEO code"},
        {"--- A [010] ---\nSAY\n- * AID [999]\n",
         "v.txt:3: unknown CAMEO code '999'"},
        {"--- A [010] ---\nSAY\n- AID [070]\n",
         "v.txt:3: a pattern without '*'"},
        {"--- A [010] ---\nSAY\n- * * AID [070]\n",
         "v.txt:3: a pattern with two '*'"},
        {"--- A [010] ---\nSAY\n--- B [010]\n",
         "v.txt:3: a block header is '--- NAME [code] ---'"},
        {"SAY\n--- A [010] ---\n", "v.txt:1: a verb or pattern before"},
        {"--- A [010] ---\nSAY IT LOUD\n", "v.txt:2: expected a verb"},
        {"&SET\n+A\n&EMPTY\n--- A [010] ---\nSAY\n",
         "v.txt:3: a synonym set without '+' phrases"},
        {"--- A [010] ---\nSAY {SAID\n", "v.txt:2: '{' without '}'"},
        {"--- A [0x0] ---\nSAY\n", "v.txt:1: bad CAMEO code"},
        {"--- A [010] ---\nSAY [010\n", "v.txt:2: '[' without ']'"},
        {"--- A [01] ---\nSAY [999]\n", "v.txt:2: unknown CAMEO code '999'"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        evg_triggers *t = fresh();
        evg_error err;
        memset(&err, 0, sizeof(err));
        int rc = evg_extract__petrarch_verbs_add(t, cases[i].text,
                                                 strlen(cases[i].text),
                                                 "v.txt", NULL, &err);
        if (rc != EVG_EPARSE || !strstr(err.message, cases[i].msg))
            fprintf(stderr, "case %zu: rc %d '%s'\n", i, rc, err.message);
        assert_int_equal(rc, EVG_EPARSE);
        assert_non_null(strstr(err.message, cases[i].msg));
        assert_null(strchr(err.message, '\n'));
        evg_extract__triggers_free(t);
    }
    /* a file with no block is not a verb dictionary */
    assert_false(evg_extract__petrarch_verbs_detect("SAY\n- * X [010]\n",
                                                    16));
}

/* PETRARCH's own dictionary, when ../shared holds it. */
static void petrarch_verbs_real_file(void **state)
{
    (void)state;
    const char *path = EVG_SHARED_DIR "/data/petrarch/CAMEO.2.0.txt";
    FILE *f = fopen(path, "rb");
    if (!f) {
        printf("SKIP: %s is absent\n", path);
        skip();
        return;
    }
    static char buf[1 << 20];
    size_t n = fread(buf, 1, sizeof(buf), f);
    fclose(f);
    assert_true(n < sizeof(buf));
    assert_int_equal(evg_extract__dict_format(buf, n, path), EVG_DICT_VERBS);
    evg_triggers *t = fresh();
    evg_error err;
    memset(&err, 0, sizeof(err));
    size_t classes0, classes, skipped = 0;
    size_t before = evg_events__lexicon_stats(t, &classes0, NULL);
    int rc = evg_extract__petrarch_verbs_add(t, buf, n, path, &skipped, &err);
    if (rc)
        fprintf(stderr, "%s\n", err.message);
    assert_int_equal(rc, 0);
    size_t added = evg_events__lexicon_stats(t, &classes, NULL) - before;
    classes -= classes0;
    printf("CAMEO.2.0.txt: %zu patterns (verbs x patterns), %zu synonym "
           "sets, %zu patterns left out\n",
           added, classes, skipped);
    /* 4,668 patterns over 1,817 verbs in 397 blocks */
    assert_true(added > 40000);
    assert_int_equal(classes, 40);
    assert_true(skipped < 4668 / 10);
    /* "received a loan" is economic aid the other way ([:071]) */
    const evg_trig_pat *p = pattern(t, "receive", "receive _ loan");
    assert_non_null(p);
    assert_string_equal(p->cameo->code, "071");
    assert_true(has_role(p->targets, p->n_targets, "subj"));
    /* "--- VISIT [042:043] ---": a visit is also its host's act */
    p = pattern_prio(t, "visit", "visit", EVG_PRIO_PETRARCH);
    assert_non_null(p);
    assert_string_equal(p->cameo->code, "042");
    assert_non_null(p->mirror);
    assert_string_equal(p->mirror->code, "043");
    /* "--- OFFEND [:110] ---": "X outraged Y" is Y's disapproval */
    p = pattern_prio(t, "outrage", "outrage", EVG_PRIO_PETRARCH);
    assert_non_null(p);
    assert_string_equal(p->cameo->code, "110");
    assert_true(has_role(p->sources, p->n_sources, "obj"));
    assert_true(has_role(p->targets, p->n_targets, "subj"));
    evg_extract__triggers_free(t);
}

/* ---- PETRARCH's patterns over the parse ---- */

/* Extracts `text` with the shipped models and a PETRARCH verb dictionary
 * `verbs` (written to a file and loaded as --dict loads it). */
static evg_doc *extract_with_verbs(void **state, const char *verbs,
                                   const char *text)
{
    models *m = *state;
    if (!m->syn || !m->men) {
        print_message("skipped: the shipped models are absent\n");
        skip();
    }
    char path[128];
    snprintf(path, sizeof(path), "/tmp/evg_lexicon_%ld_verbs.txt",
             (long)getpid());
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fputs(verbs, f) >= 0, 1);
    assert_int_equal(fclose(f), 0);
    evg_lexicon *lex = NULL;
    evg_error err;
    evg_error_clear(&err);
    const char *files[] = {path};
    int rc = evg_lexicon_load(files, 1, &lex, &err);
    remove(path);
    assert_int_equal(rc, 0);
    evg_extract_opts o;
    evg_extract_opts_init(&o);
    o.dct = "2020-01-02";
    o.syntax = m->syn;
    o.mentions = m->men;
    o.lexicon = lex;
    evg_doc *doc = NULL;
    assert_int_equal(evg_extract_text(text, strlen(text), &o, &doc, &err), 0);
    evg_lexicon_free(lex);
    return doc;
}

static int has_code(const evg_doc *doc, const char *code)
{
    for (size_t i = 0; i < doc->n_events; i++)
        if (doc->events[i].cameo && strcmp(doc->events[i].cameo, code) == 0)
            return 1;
    return 0;
}

/* PETRARCH-2 matches a pattern's nouns on the verb's own phrases: "said
 * Iran needs aid" is no "* AID" of "said" (the aid is in the clause the
 * report governs), while "bestowed generous aid on Iraq" is
 * "* AID (ON +)" with its words apart. */
static void petrarch_verbs_over_the_parse(void **state)
{
    static const char verbs[] = "--- SAY [---] ---\n"
                                "SAY\n"
                                "- * AID [033]\n"
                                "\n"
                                "--- BESTOW [---] ---\n"
                                "BESTOW\n"
                                "- * AID (ON +) [071]\n";
    evg_doc *doc = extract_with_verbs(state, verbs,
                                      "Japan said Iran needs aid from Iraq.");
    assert_false(has_code(doc, "033"));
    evg_doc_free(doc);
    doc = extract_with_verbs(state, verbs,
                             "Japan bestowed generous aid on Iraq.");
    const evg_event *e = coded(doc, "071");
    assert_int_equal(e->n_source, 1);
    assert_int_equal(e->n_target, 1);
    assert_string_equal(doc->entities[e->source[0]].name, "Japan");
    assert_string_equal(doc->entities[e->target[0]].name, "Iraq");
    evg_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(lexicon_role_markers_and_classes),
        cmocka_unit_test(lexicon_user_additions_stay_private),
        cmocka_unit_test(lexicon_format_errors),
        cmocka_unit_test(lexicon_builtin_counts),
        cmocka_unit_test(lexicon_builtin_no_duplicates),
        cmocka_unit_test(lexicon_role_mapping_codes),
        cmocka_unit_test(petrarch_verbs_small),
        cmocka_unit_test(petrarch_verbs_codes_events),
        cmocka_unit_test(petrarch_verbs_errors),
        cmocka_unit_test(petrarch_verbs_real_file),
    };
    const struct CMUnitTest parsed[] = {
        cmocka_unit_test(petrarch_verbs_over_the_parse),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    return failed + cmocka_run_group_tests(parsed, setup, teardown);
}
