/* Unit tests of the event coder (extract/events/) and its trigger lexicon
 * (extract/lexicon/triggers.c). Most tests
 * build a document by hand (sentences, timexes, entities) so that each rule
 * is tested alone, whatever the other stages do; the last ones run the
 * whole pipeline on the seed article when ../shared is there. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "events.h"
#include "evgraph/extract.h"
#include "evgraph/io.h"
#include "pipeline.h"
#include "words.h"

/* ---- building documents by hand ---- */

typedef struct ent_spec {
    const char *name;
    const char *code;    /* CAMEO actor code */
    const char *country; /* ISO alpha-3 or NULL */
    const char *forms;   /* surface forms separated by '|' */
} ent_spec;

typedef struct tx_spec {
    const char *text;
    evg_timex_type type;
    const char *value, *lo, *hi;
} tx_spec;

static int word_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
}

/* Sentences end at ". ", "? " or the end of the text. */
static void add_sentences(evg_doc *doc)
{
    size_t start = 0, n = doc->text_len;
    for (size_t i = 0; i < n; i++) {
        int end = (doc->text[i] == '.' || doc->text[i] == '?') &&
                  (i + 1 == n || doc->text[i + 1] == ' ');
        if (!end && i + 1 != n)
            continue;
        evg_sentence *s = EVG_DOC_PUSH(doc, doc->sentences, doc->n_sentences,
                                       doc->cap_sentences);
        assert_non_null(s);
        s->start = start;
        s->end = i + 1;
        s->text = evg_doc_strndup(doc, doc->text + start, i + 1 - start);
        start = i + 2;
    }
}

static size_t sentence_of(const evg_doc *doc, size_t off)
{
    for (size_t i = 0; i < doc->n_sentences; i++)
        if (off >= doc->sentences[i].start && off < doc->sentences[i].end)
            return i;
    return 0;
}

static int cmp_mention(const void *a, const void *b)
{
    const evg_mention *x = a, *y = b;
    return x->span.start < y->span.start ? -1
                                         : (x->span.start > y->span.start);
}

static evg_doc *make_doc(const char *text, const char *dct,
                         const ent_spec *ents, size_t n_ents,
                         const tx_spec *txs, size_t n_txs)
{
    evg_doc *doc;
    assert_int_equal(evg_doc_new(&doc), 0);
    doc->text = evg_doc_strdup(doc, text);
    doc->text_len = strlen(text);
    if (dct) {
        memcpy(doc->dct, dct, 10);
        doc->dct[10] = '\0';
        doc->dct_source = EVG_DCT_OPTION;
    }
    add_sentences(doc);
    for (size_t i = 0; i < n_txs; i++) {
        const char *at = strstr(text, txs[i].text);
        assert_non_null(at);
        evg_timex *t = EVG_DOC_PUSH(doc, doc->timexes, doc->n_timexes,
                                    doc->cap_timexes);
        assert_non_null(t);
        size_t s = (size_t)(at - text);
        assert_int_equal(evg_doc_span(doc, &t->span, s,
                                      s + strlen(txs[i].text)),
                         0);
        t->type = txs[i].type;
        t->value = txs[i].value;
        t->lo = txs[i].lo;
        t->hi = txs[i].hi;
        t->sentence = sentence_of(doc, s);
    }
    for (size_t i = 0; i < n_ents; i++) {
        evg_entity *e = EVG_DOC_PUSH(doc, doc->entities, doc->n_entities,
                                     doc->cap_entities);
        assert_non_null(e);
        e->name = ents[i].name;
        e->code = ents[i].code;
        e->country = ents[i].country;
        e->kind = EVG_KIND_COUNTRY;
        const char *f = ents[i].forms;
        while (*f) {
            const char *bar = strchr(f, '|');
            size_t fl = bar ? (size_t)(bar - f) : strlen(f);
            for (const char *p = text; *p; p++) {
                if (strncmp(p, f, fl) != 0 ||
                    (p > text && word_char(p[-1])) || word_char(p[fl]))
                    continue;
                evg_mention *m = EVG_DOC_PUSH(doc, e->mentions,
                                              e->n_mentions, e->cap_mentions);
                assert_non_null(m);
                size_t s = (size_t)(p - text);
                assert_int_equal(evg_doc_span(doc, &m->span, s, s + fl), 0);
                m->with = EVG_NONE;
            }
            f += fl + (bar ? 1 : 0);
        }
        if (e->n_mentions)
            qsort(e->mentions, e->n_mentions, sizeof(evg_mention),
                  cmp_mention);
    }
    return doc;
}

static evg_doc *code(const char *text, const ent_spec *ents, size_t n_ents,
                     const tx_spec *txs, size_t n_txs)
{
    evg_doc *doc = make_doc(text, "2019-05-23", ents, n_ents, txs, n_txs);
    evg_error err;
    memset(&err, 0, sizeof(err));
    const evg_lexicon *lex = evg_extract__default_lexicon(&err);
    assert_non_null(lex);
    int rc = evg_extract__events(doc, lex, NULL, &err);
    if (rc)
        fprintf(stderr, "events: %s\n", err.message);
    assert_int_equal(rc, 0);
    assert_int_equal(evg_extract__duals(doc, &err), 0);
    return doc;
}

static void dump(const evg_doc *doc)
{
    for (size_t i = 0; i < doc->n_events; i++) {
        const evg_event *e = &doc->events[i];
        fprintf(stderr, "  v%zu %s '%s' src", i + 1, e->cameo,
                e->trigger.text);
        for (size_t k = 0; k < e->n_source; k++)
            fprintf(stderr, " %s", doc->entities[e->source[k]].name);
        fprintf(stderr, " tgt");
        for (size_t k = 0; k < e->n_target; k++)
            fprintf(stderr, " %s", doc->entities[e->target[k]].name);
        fprintf(stderr, " mod=%s time=%s basis=%s summary=%s\n",
                evg_modality_name(e->modality),
                e->time.value ? e->time.value : "-",
                evg_basis_name(e->time.basis),
                e->summary ? e->summary : "-");
    }
}

/* The event whose CAMEO code starts with `prefix`, or NULL. */
static const evg_event *find(const evg_doc *doc, const char *prefix)
{
    for (size_t i = 0; i < doc->n_events; i++)
        if (doc->events[i].cameo &&
            strncmp(doc->events[i].cameo, prefix, strlen(prefix)) == 0)
            return &doc->events[i];
    return NULL;
}

static const evg_event *must_find(const evg_doc *doc, const char *prefix)
{
    const evg_event *e = find(doc, prefix);
    if (!e) {
        fprintf(stderr, "no event %s* among:\n", prefix);
        dump(doc);
    }
    assert_non_null(e);
    return e;
}

static int has_actor(const evg_doc *doc, const size_t *v, size_t n,
                     const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(doc->entities[v[i]].name, name) == 0)
            return 1;
    return 0;
}

#define SRC(doc, e, name) \
    assert_true(has_actor((doc), (e)->source, (e)->n_source, (name)))
#define TGT(doc, e, name) \
    assert_true(has_actor((doc), (e)->target, (e)->n_target, (name)))

static const ent_spec WORLD[] = {
    {"United States", "USA", "USA", "United States|US|U.S.|Washington"},
    {"Huawei", "CHNBUS", "CHN", "Huawei|the company|its"},
    {"South Korea", "KOR", "KOR", "South Korea"},
    {"Japan", "JPN", "JPN", "Japan"},
    {"Australia", "AUS", "AUS", "Australia"},
    {"New Zealand", "NZL", "NZL", "New Zealand"},
    {"Iran", "IRN", "IRN", "Iran|Tehran"},
    {"Israel", "ISR", "ISR", "Israel"},
    {"Reuters", "MED", NULL, "Reuters"},
    {"Donald Trump", "USAGOV", "USA", "US President Donald Trump"},
    {"Commerce Department", "USAGOV", "USA", "the US Commerce Department"},
    {"Google", "USABUS", "USA", "Google"},
};
#define N_WORLD (sizeof(WORLD) / sizeof(WORLD[0]))

/* ---- triggers ---- */

static void events_lemmas(void **state)
{
    (void)state;
    evg_error err;
    assert_int_equal(evg_events__load_lemmas(&err), 0); /* irregular verbs */
    char lem[EVG_LEMMAS_MAX][EVG_LEMMA_MAX + 1];
    const char *cases[][2] = {{"issued", "issue"},  {"adding", "add"},
                              {"banned", "ban"},    {"denied", "deny"},
                              {"sanctions", "sanction"}, {"met", "meet"},
                              {"pushes", "push"},   {"banning", "ban"},
                              {"criticizes", "criticize"}};
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        size_t n = evg_events__lemmas(cases[i][0], strlen(cases[i][0]), lem);
        int found = 0;
        for (size_t k = 0; k < n; k++)
            found |= strcmp(lem[k], cases[i][1]) == 0;
        if (!found)
            fprintf(stderr, "%s -> no %s\n", cases[i][0], cases[i][1]);
        assert_true(found);
    }
    assert_int_equal(evg_events__inflection("banned", 6), 'd');
    assert_int_equal(evg_events__inflection("adding", 6), 'g');
    assert_int_equal(evg_events__inflection("ban", 3), 0);
}

static void events_lexicon_user_file(void **state)
{
    (void)state;
    evg_triggers *t;
    evg_error err;
    memset(&err, 0, sizeof(err));
    assert_int_equal(evg_extract__triggers_new(&t, &err), 0);
    const evg_trig_pat *const *pats;
    assert_int_equal(evg_events__patterns(t, "zorble", 6, &pats), 0);
    const char user[] = "#evgraph:triggers\nzorble\t111\tobj\tv\n";
    assert_int_equal(
        evg_extract__triggers_add(t, user, strlen(user), "user.tsv", &err),
        0);
    assert_int_equal(evg_events__patterns(t, "zorble", 6, &pats), 1);
    assert_string_equal(pats[0]->cameo->code, "111");
    assert_int_equal(pats[0]->cameo->quad_class, 3);
    const char bad[] = "#evgraph:triggers\nzorble\t999\tobj\tv\n";
    assert_int_equal(
        evg_extract__triggers_add(t, bad, strlen(bad), "bad.tsv", &err),
        EVG_EPARSE);
    assert_non_null(strstr(err.message, "bad.tsv:2"));
    const char bad2[] = "#evgraph:triggers\nzorble 111 obj v\n";
    assert_int_equal(
        evg_extract__triggers_add(t, bad2, strlen(bad2), "b2.tsv", &err),
        EVG_EPARSE);
    /* every CAMEO root is there with its quad class */
    for (int r = 1; r <= 20; r++) {
        char c[3] = {(char)('0' + r / 10), (char)('0' + r % 10), 0};
        const evg_cameo *k = evg_events__cameo(t, c);
        assert_non_null(k);
        assert_int_equal(k->quad_class,
                         r <= 5 ? 1 : r <= 8 ? 2 : r <= 13 ? 3 : 4);
    }
    evg_extract__triggers_free(t);
    evg_extract__triggers_free(NULL);
}

/* ---- rules ---- */

static void events_active_clause(void **state)
{
    (void)state;
    evg_doc *doc = code("Israel attacked Iran.", WORLD, N_WORLD, NULL, 0);
    const evg_event *e = must_find(doc, "18");
    SRC(doc, e, "Israel");
    TGT(doc, e, "Iran");
    assert_int_equal(e->n_source, 1);
    assert_int_equal(e->modality, EVG_MOD_ASSERTED);
    assert_int_equal(e->time.basis, EVG_BASIS_DCT);
    assert_string_equal(e->time.value, "2019-05-23");
    assert_string_equal(e->trigger.text, "attacked");
    assert_non_null(e->summary);
    evg_doc_free(doc);
}

/* "once again", "until now": adverbs, not clauses that hide the subject */
static void events_boundary_adverbs(void **state)
{
    (void)state;
    evg_doc *doc = code("Israel has once again attacked Iran.", WORLD,
                        N_WORLD, NULL, 0);
    const evg_event *e = must_find(doc, "18");
    SRC(doc, e, "Israel");
    TGT(doc, e, "Iran");
    evg_doc_free(doc);
    doc = code("Japan has until now rejected the offer of Australia.", WORLD,
               N_WORLD, NULL, 0);
    e = must_find(doc, "12");
    SRC(doc, e, "Japan");
    evg_doc_free(doc);
}

static void events_passive(void **state)
{
    (void)state;
    evg_doc *doc = code("Huawei has been accused by the United States of "
                        "spying.",
                        WORLD, N_WORLD, NULL, 0);
    const evg_event *e = must_find(doc, "112");
    SRC(doc, e, "United States");
    TGT(doc, e, "Huawei");
    assert_int_equal(e->n_source, 1);
    evg_doc_free(doc);
}

static void events_coordination(void **state)
{
    (void)state;
    evg_doc *doc = code("Australia, Japan, New Zealand and the United States "
                        "banned the company from government contracts.",
                        WORLD, N_WORLD, NULL, 0);
    const evg_event *e = must_find(doc, "17");
    assert_int_equal(e->n_source, 4);
    SRC(doc, e, "Australia");
    SRC(doc, e, "Japan");
    SRC(doc, e, "New Zealand");
    SRC(doc, e, "United States");
    TGT(doc, e, "Huawei");
    evg_doc_free(doc);
}

static void events_title_and_nominal_object(void **state)
{
    (void)state;
    evg_doc *doc = code("US President Donald Trump issued an executive order "
                        "adding Huawei to a trade blacklist.",
                        WORLD, N_WORLD, NULL, 0);
    const evg_event *e = must_find(doc, "163");
    SRC(doc, e, "Donald Trump");
    TGT(doc, e, "Huawei");
    assert_non_null(strstr(e->summary, "Huawei"));
    assert_non_null(strstr(e->summary, "blacklist"));
    /* "order" here is a noun: no demand */
    assert_null(find(doc, "10"));
    evg_doc_free(doc);
}

static void events_attribution(void **state)
{
    (void)state;
    evg_doc *doc = code("Reuters reported that Israel will attack Iran.",
                        WORLD, N_WORLD, NULL, 0);
    const evg_event *p = must_find(doc, "18");
    assert_int_equal(p->modality, EVG_MOD_PLANNED);
    evg_doc_free(doc);
    doc = code("Reuters reported that Israel would attack Iran.", WORLD,
               N_WORLD, NULL, 0);
    const evg_event *e = must_find(doc, "18");
    SRC(doc, e, "Israel");
    TGT(doc, e, "Iran");
    assert_int_equal(e->modality, EVG_MOD_REPORTED);
    assert_true(e->attributed != EVG_NONE);
    assert_string_equal(doc->entities[e->attributed].name, "Reuters");
    /* the report itself is not coded when it reports an event */
    assert_null(find(doc, "01"));
    evg_doc_free(doc);

    doc = code("According to Reuters, Israel attacked Iran.", WORLD, N_WORLD,
               NULL, 0);
    e = must_find(doc, "18");
    assert_int_equal(e->modality, EVG_MOD_REPORTED);
    assert_string_equal(doc->entities[e->attributed].name, "Reuters");
    evg_doc_free(doc);

    /* "X condemned Y and said ...": the condemnation is not reported */
    doc = code("Israel condemned Iran and said it would respond.", WORLD,
               N_WORLD, NULL, 0);
    e = must_find(doc, "111");
    assert_int_equal(e->modality, EVG_MOD_ASSERTED);
    assert_int_equal(e->attributed, EVG_NONE);
    evg_doc_free(doc);

    /* a statement with nothing codable inside is coded as such */
    doc = code("Israel said the weather was fine.", WORLD, N_WORLD, NULL, 0);
    e = must_find(doc, "010");
    SRC(doc, e, "Israel");
    evg_doc_free(doc);

    /* "X said Y must ..." is a demand on Y */
    doc = code("Israel said Iran must stop enrichment.", WORLD, N_WORLD, NULL,
               0);
    e = must_find(doc, "10");
    SRC(doc, e, "Israel");
    TGT(doc, e, "Iran");
    evg_doc_free(doc);
}

static void events_modality(void **state)
{
    (void)state;
    evg_doc *doc = code("Israel will attack Iran. Israel could attack Iran. "
                        "If Iran attacks, Israel might retaliate.",
                        WORLD, N_WORLD, NULL, 0);
    assert_true(doc->n_events >= 2);
    assert_int_equal(doc->events[0].modality, EVG_MOD_PLANNED);
    assert_int_equal(doc->events[1].modality, EVG_MOD_HYPOTHETICAL);
    for (size_t i = 2; i < doc->n_events; i++)
        assert_int_equal(doc->events[i].modality, EVG_MOD_HYPOTHETICAL);
    evg_doc_free(doc);
}

static void events_negation(void **state)
{
    (void)state;
    evg_doc *doc = code("Israel did not attack Iran.", WORLD, N_WORLD, NULL,
                        0);
    const evg_event *e = must_find(doc, "18");
    assert_int_equal(e->modality, EVG_MOD_NEGATED);
    evg_doc_free(doc);
    doc = code("Israel never attacked Iran.", WORLD, N_WORLD, NULL, 0);
    assert_int_equal(must_find(doc, "18")->modality, EVG_MOD_NEGATED);
    evg_doc_free(doc);
    /* "refused to" is a rejection, not a negated event */
    doc = code("Iran refused to meet Israel.", WORLD, N_WORLD, NULL, 0);
    const evg_event *r = must_find(doc, "12");
    SRC(doc, r, "Iran");
    TGT(doc, r, "Israel");
    assert_null(find(doc, "04"));
    evg_doc_free(doc);
}

static void events_delay_is_easing(void **state)
{
    (void)state;
    const tx_spec tx[] = {
        {"earlier this week", EVG_TIMEX_DATE, "2019-W21", "2019-05-20",
         "2019-05-26"},
        {"another 90 days", EVG_TIMEX_DURATION, "P90D", NULL, NULL}};
    evg_doc *doc = code("However, earlier this week, the US Commerce "
                        "Department said in a notice that the US government "
                        "would delay the implementation of the ban on trading "
                        "with Huawei for another 90 days.",
                        WORLD, N_WORLD, tx, 2);
    const evg_event *e = must_find(doc, "08");
    assert_null(find(doc, "12"));
    assert_null(find(doc, "17"));
    TGT(doc, e, "Huawei");
    assert_string_equal(e->time.value, "2019-W21");
    assert_int_equal(e->time.basis, EVG_BASIS_TIMEX);
    assert_int_equal(e->duration, 1);
    assert_int_equal(e->modality, EVG_MOD_REPORTED);
    assert_string_equal(doc->entities[e->attributed].name,
                        "Commerce Department");
    evg_doc_free(doc);
}

static void events_time_attachment(void **state)
{
    (void)state;
    const tx_spec tx[] = {{"Last year", EVG_TIMEX_DATE, "2018", "2018-01-01",
                           "2018-12-31"},
                          {"on Thursday", EVG_TIMEX_DATE, "2019-05-23",
                           "2019-05-23", "2019-05-23"}};
    evg_doc *doc = code("Last year, Japan banned Huawei. Reuters reported on "
                        "Thursday that Israel attacked Iran.",
                        WORLD, N_WORLD, tx, 2);
    const evg_event *b = must_find(doc, "17");
    assert_string_equal(b->time.value, "2018");
    assert_int_equal(b->time.timex, 0);
    /* the reporting verb's time does not leak into the report */
    const evg_event *a = must_find(doc, "18");
    assert_int_equal(a->time.basis, EVG_BASIS_DCT);
    assert_int_equal(a->time.timex, EVG_NONE);
    /* dates order the events */
    int before = 0;
    for (size_t i = 0; i < doc->n_relations; i++)
        before |= doc->relations[i].type == EVG_REL_BEFORE &&
                  &doc->events[doc->relations[i].from] == b;
    assert_true(before || a->time.basis != EVG_BASIS_TIMEX);
    evg_doc_free(doc);
}

/* A statement (a reporting verb coded for want of anything codable in
 * what it reports) is dated by a time of its own clause, never by one
 * inside the reported complement or the report it follows. */
static const char *statement_time(const char *text, const tx_spec *tx)
{
    evg_doc *doc = code(text, WORLD, N_WORLD, tx, 1);
    const evg_event *e = must_find(doc, "01");
    static char got[32];
    snprintf(got, sizeof(got), "%s",
             e->time.basis == EVG_BASIS_DCT     ? "dct"
             : e->time.basis == EVG_BASIS_TIMEX ? e->time.value
                                                : "other");
    evg_doc_free(doc);
    return got;
}

static void events_statement_time(void **state)
{
    (void)state;
    const tx_spec last_year = {"last year", EVG_TIMEX_DATE, "2018",
                               "2018-01-01", "2018-12-31"};
    const tx_spec next_year = {"next year", EVG_TIMEX_DATE, "2020",
                               "2020-01-01", "2020-12-31"};
    const tx_spec soon = {"soon", EVG_TIMEX_DATE, "FUTURE_REF", NULL, NULL};
    const tx_spec now = {"now", EVG_TIMEX_DATE, "PRESENT_REF", NULL, NULL};
    const tx_spec thu = {"Thursday", EVG_TIMEX_DATE, "2019-05-23",
                         "2019-05-23", "2019-05-23"};
    /* the complement's time is not the statement's */
    assert_string_equal(
        statement_time("Google said that its sales rose 20 percent last "
                       "year.",
                       &last_year),
        "dct");
    assert_string_equal(
        statement_time("Google said the company sold 13 million phones "
                       "last year.",
                       &last_year),
        "dct");
    assert_string_equal(
        statement_time("Google also announced that the new phone would be "
                       "available soon.",
                       &soon),
        "dct");
    assert_string_equal(
        statement_time("Google announced a new laptop, on sale now.", &now),
        "dct");
    assert_string_equal(
        statement_time("This switch, Google said, would happen beginning "
                       "next year.",
                       &next_year),
        "dct");
    assert_string_equal(
        statement_time("The switch will happen next year, Google said.",
                       &next_year),
        "dct");
    /* its own time */
    assert_string_equal(
        statement_time("Google said on Thursday that its sales rose.", &thu),
        "2019-05-23");
    assert_string_equal(
        statement_time("Google announced Thursday that its sales rose.",
                       &thu),
        "2019-05-23");
    assert_string_equal(
        statement_time("On Thursday, Google said that its sales rose.", &thu),
        "2019-05-23");
    assert_string_equal(
        statement_time("Google on Thursday said that its sales rose.", &thu),
        "2019-05-23");
    assert_string_equal(
        statement_time("Google said in a statement on Thursday that its "
                       "sales rose.",
                       &thu),
        "2019-05-23");
    assert_string_equal(
        statement_time("Google announced a new laptop on Thursday.", &thu),
        "2019-05-23");
}

/* A word of a time expression is never a trigger: "March" of a date line
 * glued to a headline is not the verb "march". */
static void events_no_trigger_in_timex(void **state)
{
    (void)state;
    const tx_spec tx[] = {{"March 19, 2007", EVG_TIMEX_DATE, "2007-03-19",
                           "2007-03-19", "2007-03-19"}};
    evg_doc *doc = code("Talks with Iran March 19, 2007 Israel attacked Iran.",
                        WORLD, N_WORLD, tx, 1);
    assert_null(find(doc, "14"));
    must_find(doc, "1");
    evg_doc_free(doc);
}

/* A subject pronoun that no actor stands for is still the subject: the
 * coder does not take another actor of the sentence as the source. */
static void events_unresolved_pronoun_subject(void **state)
{
    (void)state;
    evg_doc *doc = code("In Japan, he criticized Iran.", WORLD, N_WORLD,
                        NULL, 0);
    const evg_event *e = must_find(doc, "11");
    assert_int_equal(e->n_source, 0);
    TGT(doc, e, "Iran");
    evg_doc_free(doc);
    doc = code("Speaking to Google on Friday, she criticized Iran.", WORLD,
               N_WORLD, NULL, 0);
    e = must_find(doc, "11");
    assert_false(has_actor(doc, e->source, e->n_source, "Google"));
    TGT(doc, e, "Iran");
    evg_doc_free(doc);
    /* a pronoun resolved to an actor is that actor */
    const ent_spec ents[] = {{"Iran", "IRN", "IRN", "Iran|he"},
                             {"Japan", "JPN", "JPN", "Japan"}};
    doc = code("In Japan, he criticized Israel.", ents, 2, NULL, 0);
    e = must_find(doc, "11");
    SRC(doc, e, "Iran");
    evg_doc_free(doc);
}

/* An actor ending an apposition set off by commas is not the subject:
 * the actor before the apposition is. */
static void events_apposition_ending_in_actor(void **state)
{
    (void)state;
    evg_doc *doc = code("Japan, a close partner of Australia, criticized "
                        "Iran.",
                        WORLD, N_WORLD, NULL, 0);
    const evg_event *e = must_find(doc, "11");
    SRC(doc, e, "Japan");
    assert_int_equal(e->n_source, 1);
    evg_doc_free(doc);
    const ent_spec ents[] = {
        {"EADS", "---BUS", NULL,
         "European Aeronautic Defence and Space Company|EADS"},
        {"Airbus", "---BUS", NULL, "Airbus"},
        {"Iran", "IRN", "IRN", "Iran"}};
    doc = code("European Aeronautic Defence and Space Company (EADS), the "
               "parent company of Airbus, criticized Iran.",
               ents, 3, NULL, 0);
    e = must_find(doc, "11");
    SRC(doc, e, "EADS");
    assert_int_equal(e->n_source, 1);
    evg_doc_free(doc);
    /* "X did A, but (also) did B": B shares X; another subject does not */
    doc = code("Japan has not yet explained the plan, but also criticized "
               "Iran.",
               WORLD, N_WORLD, NULL, 0);
    e = must_find(doc, "11");
    SRC(doc, e, "Japan");
    evg_doc_free(doc);
    doc = code("Japan has not yet explained the plan, but the government "
               "criticized Iran.",
               WORLD, N_WORLD, NULL, 0);
    e = must_find(doc, "11");
    assert_int_equal(e->n_source, 0);
    evg_doc_free(doc);
    /* a list is not an apposition */
    doc = code("Japan, the United States and Australia, criticized Iran.",
               WORLD, N_WORLD, NULL, 0);
    e = must_find(doc, "11");
    SRC(doc, e, "Australia");
    SRC(doc, e, "United States");
    evg_doc_free(doc);
}

/* "..., said X": a reporting verb after a comma or closing quote with no
 * subject before it has its speaker after it. */
static void events_inverted_speaker(void **state)
{
    (void)state;
    evg_doc *doc = code("The weather was fine, said Japan.", WORLD, N_WORLD,
                        NULL, 0);
    const evg_event *e = must_find(doc, "010");
    SRC(doc, e, "Japan");
    evg_doc_free(doc);
    doc = code("\"The weather was fine,\" said US President Donald Trump "
               "during a visit.",
               WORLD, N_WORLD, NULL, 0);
    e = must_find(doc, "010");
    SRC(doc, e, "Donald Trump");
    evg_doc_free(doc);
    /* tokenized quotes (`` '') are quotes too */
    doc = code("`` The weather was fine , '' said Japan .", WORLD, N_WORLD,
               NULL, 0);
    e = must_find(doc, "010");
    SRC(doc, e, "Japan");
    evg_doc_free(doc);
    /* the report with a speaker is the statement, not a speakerless one
     * before it */
    doc = code("In response to critics saying that the weather was bad, "
               "Japan said that the weather was fine.",
               WORLD, N_WORLD, NULL, 0);
    e = must_find(doc, "010");
    SRC(doc, e, "Japan");
    evg_doc_free(doc);
    /* not after a subject: "Officials said Japan ..." is about Japan */
    doc = code("Officials said Japan was fine.", WORLD, N_WORLD, NULL, 0);
    assert_null(find(doc, "010"));
    evg_doc_free(doc);
}

/* A reporter speaking of itself: "X said (that) they would ...", "X said
 * they must ..." is X's own act, not a demand; and a reported event no
 * actor takes part in is not coded, so the statement stays. */
static void events_reporter_speaks_of_itself(void **state)
{
    (void)state;
    evg_doc *doc = code("Israel said that they would attack Iran.", WORLD,
                        N_WORLD, NULL, 0);
    const evg_event *e = must_find(doc, "18");
    SRC(doc, e, "Israel");
    TGT(doc, e, "Iran");
    assert_int_equal(e->modality, EVG_MOD_PLANNED);
    evg_doc_free(doc);
    doc = code("Israel said they must attack Iran.", WORLD, N_WORLD, NULL,
               0);
    assert_null(find(doc, "10"));
    e = must_find(doc, "18");
    SRC(doc, e, "Israel");
    TGT(doc, e, "Iran");
    evg_doc_free(doc);
    doc = code("Israel said they must increase production.", WORLD, N_WORLD,
               NULL, 0);
    assert_null(find(doc, "10"));
    e = must_find(doc, "010");
    SRC(doc, e, "Israel");
    evg_doc_free(doc);
    doc = code("Israel said that the weather would meet expectations.",
               WORLD, N_WORLD, NULL, 0);
    e = must_find(doc, "010");
    SRC(doc, e, "Israel");
    evg_doc_free(doc);
    /* a verb coordinated before the report is not reported by it: the
     * statement is coded too */
    doc = code("Israel condemned Iran and said the weather was fine.", WORLD,
               N_WORLD, NULL, 0);
    must_find(doc, "111");
    e = must_find(doc, "010");
    SRC(doc, e, "Israel");
    evg_doc_free(doc);
}

static void events_causal_cues(void **state)
{
    (void)state;
    const tx_spec tx[] = {{"last week", EVG_TIMEX_DATE, "2019-W20",
                           "2019-05-13", "2019-05-19"}};
    evg_doc *doc = code("The United States sanctioned Huawei last week. As a "
                        "result, Google suspended business with Huawei.",
                        WORLD, N_WORLD, tx, 1);
    const evg_event *s = must_find(doc, "163");
    const evg_event *g = must_find(doc, "160");
    SRC(doc, g, "Google");
    TGT(doc, g, "Huawei");
    int causes = 0;
    for (size_t i = 0; i < doc->n_relations; i++)
        causes |= doc->relations[i].type == EVG_REL_CAUSES &&
                  &doc->events[doc->relations[i].from] == s &&
                  &doc->events[doc->relations[i].to] == g;
    assert_true(causes);
    assert_int_equal(g->time.basis, EVG_BASIS_RELATION);
    assert_string_equal(g->time.lo, "2019-05-13");
    evg_doc_free(doc);

    /* a present perfect effect reaches up to the report: it keeps the
     * document date, and is still after its cause */
    doc = code("The United States sanctioned Huawei last week. As a "
               "result, Google has quietly suspended business with Huawei.",
               WORLD, N_WORLD, tx, 1);
    s = must_find(doc, "163");
    g = must_find(doc, "160");
    assert_int_equal(g->time.basis, EVG_BASIS_DCT);
    assert_string_equal(g->time.value, "2019-05-23");
    int after = 0;
    for (size_t i = 0; i < doc->n_relations; i++)
        after |= doc->relations[i].type == EVG_REL_AFTER &&
                 &doc->events[doc->relations[i].from] == g &&
                 &doc->events[doc->relations[i].to] == s;
    assert_true(after);
    evg_doc_free(doc);

    doc = code("Israel attacked Iran because of the sanctions on Israel by "
               "Iran.",
               WORLD, N_WORLD, NULL, 0);
    const evg_event *atk = must_find(doc, "18");
    causes = 0;
    for (size_t i = 0; i < doc->n_relations; i++)
        causes |= doc->relations[i].type == EVG_REL_CAUSES &&
                  &doc->events[doc->relations[i].to] == atk;
    assert_true(causes);
    evg_doc_free(doc);
}

static const evg_entity *entity_named(const evg_doc *doc, const char *name)
{
    for (size_t i = 0; i < doc->n_entities; i++)
        if (strcmp(doc->entities[i].name, name) == 0)
            return &doc->entities[i];
    fail_msg("no entity %s", name);
    return NULL;
}

/* The mention of `e` shared with another entity whose text is `text`. */
static const evg_mention *shared_mention(const evg_entity *e,
                                         const char *text)
{
    for (size_t k = 0; k < e->n_mentions; k++)
        if (e->mentions[k].with != EVG_NONE &&
            strcmp(e->mentions[k].span.text, text) == 0)
            return &e->mentions[k];
    fail_msg("%s has no shared mention '%s'", e->name, text);
    return NULL;
}

/* "the two sides" as a subject stands for the two parties just named */
static void events_dual_subject(void **state)
{
    (void)state;
    evg_doc *doc = code("Japan met South Korea on Monday, with the two sides "
                        "having discussed the sanctions on Iran.",
                        WORLD, N_WORLD, NULL, 0);
    int found = 0;
    for (size_t i = 0; i < doc->n_events; i++) {
        const evg_event *e = &doc->events[i];
        if (strcmp(e->trigger.text, "discussed") != 0)
            continue;
        found = 1;
        assert_int_equal(e->n_source, 2);
        int jpn = 0, kor = 0;
        for (size_t k = 0; k < e->n_source; k++) {
            jpn |= strcmp(doc->entities[e->source[k]].name, "Japan") == 0;
            kor |= strcmp(doc->entities[e->source[k]].name, "South Korea") == 0;
        }
        assert_true(jpn && kor);
        for (size_t k = 0; k < e->n_target; k++)
            assert_string_not_equal(doc->entities[e->target[k]].name, "Japan");
    }
    assert_true(found);
    /* the phrase is a mention of both entities, each naming the other */
    const evg_entity *jp = entity_named(doc, "Japan");
    const evg_entity *kr = entity_named(doc, "South Korea");
    const evg_mention *mj = shared_mention(jp, "the two sides");
    const evg_mention *mk = shared_mention(kr, "the two sides");
    assert_int_equal(mj->with, (size_t)(kr - doc->entities));
    assert_int_equal(mk->with, (size_t)(jp - doc->entities));
    assert_int_equal(mj->span.start, mk->span.start);
    evg_doc_free(doc);

    /* no two-party event before it: the two countries named last */
    doc = code("Iran stayed silent. Japan and Australia talked for years. "
               "The two countries condemned Israel on Monday.",
               WORLD, N_WORLD, NULL, 0);
    const evg_event *sg = must_find(doc, "11");
    assert_int_equal(sg->n_source, 2);
    SRC(doc, sg, "Japan");
    SRC(doc, sg, "Australia");
    shared_mention(entity_named(doc, "Australia"), "The two countries");
    evg_doc_free(doc);

    /* "both sides of the border" is a place */
    doc = code("Japan met South Korea. Troops gathered on both sides of the "
               "border.",
               WORLD, N_WORLD, NULL, 0);
    for (size_t i = 0; i < doc->n_entities; i++)
        for (size_t k = 0; k < doc->entities[i].n_mentions; k++)
            assert_int_equal(doc->entities[i].mentions[k].with, EVG_NONE);
    evg_doc_free(doc);
}

static void events_merge_mentions(void **state)
{
    (void)state;
    const tx_spec tx[] = {{"last week", EVG_TIMEX_DATE, "2019-W20",
                           "2019-05-13", "2019-05-19"}};
    evg_doc *doc = code("South Korea acted in the wake of Washington's "
                        "decision to add the company to the list. US "
                        "President Donald Trump last week added Huawei to a "
                        "trade blacklist.",
                        WORLD, N_WORLD, tx, 1);
    size_t n163 = 0;
    const evg_event *e = NULL;
    for (size_t i = 0; i < doc->n_events; i++)
        if (strcmp(doc->events[i].cameo, "163") == 0) {
            n163++;
            e = &doc->events[i];
        }
    if (n163 != 1)
        dump(doc);
    assert_int_equal(n163, 1);
    assert_int_equal(e->n_mentions, 1);
    assert_string_equal(e->time.value, "2019-W20");
    evg_doc_free(doc);
}

static void events_apposition_and_reporter(void **state)
{
    (void)state;
    /* the apposition's inner actor is not the subject */
    evg_doc *doc = code("Japan, a key US ally in the region, has refused to "
                        "meet Iran.",
                        WORLD, N_WORLD, NULL, 0);
    const evg_event *e = must_find(doc, "12");
    SRC(doc, e, "Japan");
    TGT(doc, e, "Iran");
    assert_int_equal(e->n_source, 1);
    evg_doc_free(doc);
    /* "X said on Friday they would ...": X's own plan */
    const tx_spec tx[] = {{"on Friday", EVG_TIMEX_DATE, "2019-05-17",
                           "2019-05-17", "2019-05-17"}};
    doc = code("Israel said on Friday they would attack Iran.", WORLD,
               N_WORLD, tx, 1);
    e = must_find(doc, "18");
    SRC(doc, e, "Israel");
    assert_int_equal(e->modality, EVG_MOD_PLANNED);
    /* and the report's time stays with the report */
    assert_int_equal(e->time.basis, EVG_BASIS_DCT);
    evg_doc_free(doc);
    /* "X reminded Y that it must ...": X's demand on Y */
    doc = code("Japan sent a reminder to Iran that Iran must cooperate with "
               "Israel.",
               WORLD, N_WORLD, NULL, 0);
    e = must_find(doc, "100");
    SRC(doc, e, "Japan");
    TGT(doc, e, "Iran");
    evg_doc_free(doc);
}

static void events_conditional_threat(void **state)
{
    (void)state;
    /* a threat is aimed at whoever its condition names */
    evg_doc *doc = code("Israel threatened to launch an offensive unless "
                        "Iran accepted the terms.",
                        WORLD, N_WORLD, NULL, 0);
    const evg_event *e = must_find(doc, "13");
    SRC(doc, e, "Israel");
    TGT(doc, e, "Iran");
    /* the threatened act is part of the threat, not an event */
    assert_null(find(doc, "19"));
    assert_null(find(doc, "18"));
    evg_doc_free(doc);
}

/* Of two patterns as long, the one that writes a word out wins over one
 * that names its class: "expel ~ ambassador" (161, reducing relations)
 * before "expel ~ &envoy" (166, expelling), whatever their order. */
static void events_specific_pattern_first(void **state)
{
    (void)state;
    evg_doc *doc = code("Iran expelled the ambassador of Israel.", WORLD,
                        N_WORLD, NULL, 0);
    must_find(doc, "161");
    assert_null(find(doc, "166"));
    evg_doc_free(doc);
}

static void events_confidence(void **state)
{
    (void)state;
    /* an unknown agent keeps the record below 0.5 */
    evg_doc *doc = code("Iran was attacked on the border.", WORLD, N_WORLD,
                        NULL, 0);
    const evg_event *e = must_find(doc, "18");
    assert_true(e->confidence < 0.5);
    evg_doc_free(doc);
    doc = code("Israel attacked Iran.", WORLD, N_WORLD, NULL, 0);
    assert_true(must_find(doc, "18")->confidence >= 0.8);
    evg_doc_free(doc);
    /* the event of a relative clause is background */
    doc = code("Japan condemned Israel, which attacked Iran.", WORLD, N_WORLD,
               NULL, 0);
    const evg_event *main_ev = must_find(doc, "111");
    const evg_event *sub = must_find(doc, "18");
    assert_true(sub->confidence < main_ev->confidence);
    evg_doc_free(doc);
}

static void events_quiet(void **state)
{
    (void)state;
    evg_doc *doc = code("The weather in Japan was fine. Prices rose in "
                        "Australia.",
                        WORLD, N_WORLD, NULL, 0);
    if (doc->n_events)
        dump(doc);
    assert_int_equal(doc->n_events, 0);
    evg_doc_free(doc);
    /* no actors at all: nothing coded */
    doc = code("They attacked and condemned.", WORLD, N_WORLD, NULL, 0);
    assert_int_equal(doc->n_events, 0);
    evg_doc_free(doc);
    /* showing a product is no protest, market demand no political one */
    doc = code("Google demonstrated the new phone in Japan. Google will meet "
               "growing demand in Japan.",
               WORLD, N_WORLD, NULL, 0);
    if (doc->n_events)
        dump(doc);
    assert_null(find(doc, "14"));
    assert_null(find(doc, "08"));
    evg_doc_free(doc);
    doc = code("Israel met the demands of Iran. Workers in Israel "
               "demonstrated against Iran.",
               WORLD, N_WORLD, NULL, 0);
    assert_non_null(find(doc, "083"));
    assert_non_null(find(doc, "141"));
    evg_doc_free(doc);
}

static void events_boilerplate(void **state)
{
    (void)state;
    evg_doc *doc = make_doc("Israel attacked Iran.", NULL, WORLD, N_WORLD,
                            NULL, 0);
    doc->sentences[0].boilerplate = 1;
    evg_error err;
    memset(&err, 0, sizeof(err));
    const evg_lexicon *lex = evg_extract__default_lexicon(&err);
    assert_int_equal(evg_extract__events(doc, lex, NULL, &err), 0);
    assert_int_equal(doc->n_events, 0);
    evg_extract_opts o;
    evg_extract_opts_init(&o);
    o.keep_boilerplate = 1;
    assert_int_equal(evg_extract__events(doc, lex, &o, &err), 0);
    assert_int_equal(doc->n_events, 1);
    /* no DCT: no time */
    assert_int_equal(doc->events[0].time.basis, EVG_BASIS_NONE);
    evg_doc_free(doc);
}

static void events_bad_input(void **state)
{
    (void)state;
    /* mentions out of range, empty sentences and odd bytes never crash */
    evg_doc *doc = make_doc("\"\" ; , attacked by by by . ? Israel.", NULL,
                            WORLD, N_WORLD, NULL, 0);
    evg_mention *m = EVG_DOC_PUSH(doc, doc->entities[0].mentions,
                                  doc->entities[0].n_mentions,
                                  doc->entities[0].cap_mentions);
    m->span.start = 5000;
    m->span.end = 6000;
    m->with = EVG_NONE;
    evg_error err;
    memset(&err, 0, sizeof(err));
    const evg_lexicon *lex = evg_extract__default_lexicon(&err);
    assert_int_equal(evg_extract__events(doc, lex, NULL, &err), 0);
    evg_doc_free(doc);
}

/* ---- the whole pipeline on the seed article ---- */

static const evg_event *find_root_actor(const evg_doc *doc, const char *root,
                                        const char *country_src)
{
    for (size_t i = 0; i < doc->n_events; i++) {
        const evg_event *e = &doc->events[i];
        if (strncmp(e->cameo, root, strlen(root)) != 0)
            continue;
        if (!country_src)
            return e;
        for (size_t k = 0; k < e->n_source; k++) {
            const char *c = doc->entities[e->source[k]].country;
            if (c && strcmp(c, country_src) == 0)
                return e;
        }
    }
    return NULL;
}

static evg_doc *extract_all(const char *text)
{
    evg_doc *doc;
    evg_error err;
    memset(&err, 0, sizeof(err));
    assert_int_equal(evg_extract_text(text, strlen(text), NULL, &doc, &err),
                     0);
    return doc;
}

static const evg_event *event_by_trigger(const evg_doc *doc, const char *t)
{
    for (size_t i = 0; i < doc->n_events; i++)
        if (strcmp(doc->events[i].trigger.text, t) == 0)
            return &doc->events[i];
    dump(doc);
    fail_msg("no event triggered by '%s'", t);
    return NULL;
}

/* A government body reporting what its own government will do is the
 * source; another reporter (a newspaper) is only the attributed one. A
 * quantified group of states is an actor of no country. */
static void events_reporter_and_groups(void **state)
{
    (void)state;
    evg_doc *doc = extract_all(
        "date 2021-03-04 SEOUL (AP) - The South Korean Foreign Ministry said "
        "on Wednesday that the South Korean government would lift the "
        "sanctions on Iran.");
    const evg_event *e = event_by_trigger(doc, "lift");
    assert_int_equal(e->n_source, 1);
    assert_string_equal(doc->entities[e->source[0]].name, "Foreign Ministry");
    assert_int_equal(e->attributed, e->source[0]);
    evg_doc_free(doc);

    doc = extract_all(
        "date 2021-03-04 SEOUL (AP) - The Chosun Ilbo newspaper said on "
        "Wednesday that the South Korean government would lift the "
        "sanctions on Iran.");
    e = event_by_trigger(doc, "lift");
    assert_int_equal(e->n_source, 1);
    assert_string_equal(doc->entities[e->source[0]].code, "KORGOV");
    assert_string_not_equal(doc->entities[e->source[0]].name, "Chosun Ilbo");
    assert_string_equal(doc->entities[e->attributed].name, "Chosun Ilbo");
    evg_doc_free(doc);

    doc = extract_all("date 2021-03-04 PARIS (AP) - Several countries "
                      "condemned Iran. A number of governments criticized "
                      "Israel.");
    e = event_by_trigger(doc, "condemned");
    assert_int_equal(e->n_source, 1);
    const evg_entity *g = &doc->entities[e->source[0]];
    assert_string_equal(g->code, "---");
    assert_int_equal(g->kind, EVG_KIND_GROUP);
    assert_null(g->country);
    e = event_by_trigger(doc, "criticized");
    assert_string_equal(doc->entities[e->source[0]].code, "---GOV");
    evg_doc_free(doc);
}

/* ---- CAMEO roles from a dependency tree written by hand ---- */

/* Codes `text` (one sentence) with the token layer read from `conll`:
 * "form lemma UPOS XPOS head deprel [class]" a line, as the parser would
 * give it, so that the coder's use of the tree is tested apart from the
 * parser's accuracy. `class` marks a word the event-mention stage took
 * for an event (its TimeML class). */
static evg_doc *code_parsed(const char *text, const char *conll)
{
    evg_doc *doc = make_doc(text, "2019-05-23", WORLD, N_WORLD, NULL, 0);
    assert_int_equal(doc->n_sentences, 1);
    size_t off = 0;
    for (const char *p = conll; *p;) {
        char f[6][48], cls[24] = "", line[256];
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        assert_true(len < sizeof(line));
        memcpy(line, p, len);
        line[len] = '\0';
        p += len + (nl ? 1 : 0);
        int head;
        int got = sscanf(line, "%47s %47s %47s %47s %d %47s %23s", f[0], f[1],
                         f[2], f[3], &head, f[4], cls);
        if (got < 6)
            continue;
        const char *at = strstr(text + off, f[0]);
        assert_non_null(at);
        evg_doc_token *t = EVG_DOC_PUSH(doc, doc->tokens, doc->n_tokens,
                                        doc->cap_tokens);
        assert_non_null(t);
        t->sentence = 0;
        t->start = (size_t)(at - text);
        t->end = t->start + strlen(f[0]);
        off = t->end;
        t->form = evg_doc_strdup(doc, f[0]);
        t->lemma = evg_doc_strdup(doc, f[1]);
        t->upos = evg_doc_strdup(doc, f[2]);
        t->xpos = evg_doc_strdup(doc, f[3]);
        t->head = (size_t)head;
        t->deprel = evg_doc_strdup(doc, f[4]);
        t->tml_class = got == 7 ? evg_tml_class_lookup(cls) : NULL;
        t->event_confidence = got == 7 ? 0.9 : 0.0;
    }
    evg_error err;
    memset(&err, 0, sizeof(err));
    const evg_lexicon *lex = evg_extract__default_lexicon(&err);
    assert_non_null(lex);
    int rc = evg_extract__events(doc, lex, NULL, &err);
    if (rc)
        fprintf(stderr, "events: %s\n", err.message);
    assert_int_equal(rc, 0);
    return doc;
}

/* A passive inside a relative clause: the `by` agent is the source, the
 * noun the clause describes the target (word order finds no target). */
static void events_parse_relative_passive(void **state)
{
    (void)state;
    evg_doc *doc = code_parsed(
        "Australia said Japan, which had been attacked by Iran, would "
        "retaliate.",
        "Australia Australia PROPN NNP 2 nsubj\n"
        "said say VERB VBD 0 root\n"
        "Japan Japan PROPN NNP 13 nsubj\n"
        ", , PUNCT , 8 punct\n"
        "which which PRON WDT 8 nsubj:pass\n"
        "had have AUX VBD 8 aux\n"
        "been be AUX VBN 8 aux:pass\n"
        "attacked attack VERB VBN 3 acl:relcl\n"
        "by by ADP IN 10 case\n"
        "Iran Iran PROPN NNP 8 obl:agent\n"
        ", , PUNCT , 8 punct\n"
        "would would AUX MD 13 aux\n"
        "retaliate retaliate VERB VB 2 ccomp\n"
        ". . PUNCT . 2 punct\n");
    const evg_event *e = must_find(doc, "18");
    SRC(doc, e, "Iran");
    TGT(doc, e, "Japan");
    assert_int_equal(e->n_source, 1);
    assert_int_equal(e->n_target, 1);
    evg_doc_free(doc);
}

/* Coordinated verbs: the second verb's doer is the first one's subject,
 * even with a phrase naming another actor between them. */
static void events_parse_coordinated_verbs(void **state)
{
    (void)state;
    evg_doc *doc = code_parsed(
        "Japan criticized Iran on Monday and, after talks with Australia, "
        "attacked Israel.",
        "Japan Japan PROPN NNP 2 nsubj\n"
        "criticized criticize VERB VBD 0 root\n"
        "Iran Iran PROPN NNP 2 obj\n"
        "on on ADP IN 5 case\n"
        "Monday Monday PROPN NNP 2 obl\n"
        "and and CCONJ CC 13 cc\n"
        ", , PUNCT , 9 punct\n"
        "after after ADP IN 9 case\n"
        "talks talk NOUN NNS 13 obl\n"
        "with with ADP IN 11 case\n"
        "Australia Australia PROPN NNP 9 nmod\n"
        ", , PUNCT , 9 punct\n"
        "attacked attack VERB VBD 2 conj\n"
        "Israel Israel PROPN NNP 13 obj\n"
        ". . PUNCT . 2 punct\n");
    const evg_event *e = must_find(doc, "18");
    assert_string_equal(e->trigger.text, "attacked");
    SRC(doc, e, "Japan");
    TGT(doc, e, "Israel");
    assert_int_equal(e->n_source, 1);
    evg_doc_free(doc);
}

/* An act announced on a condition introduced by "unless" is an
 * ultimatum (CAMEO 139); without the condition it keeps its own code. */
static void events_parse_ultimatum(void **state)
{
    (void)state;
    evg_doc *doc = code_parsed(
        "Japan will impose sanctions on Iran unless Iran frees the hostages.",
        "Japan Japan PROPN NNP 3 nsubj\n"
        "will will AUX MD 3 aux\n"
        "impose impose VERB VB 0 root\n"
        "sanctions sanction NOUN NNS 3 obj\n"
        "on on ADP IN 6 case\n"
        "Iran Iran PROPN NNP 3 obl\n"
        "unless unless SCONJ IN 9 mark\n"
        "Iran Iran PROPN NNP 9 nsubj\n"
        "frees free VERB VBZ 3 advcl\n"
        "the the DET DT 11 det\n"
        "hostages hostage NOUN NNS 9 obj\n"
        ". . PUNCT . 3 punct\n");
    const evg_event *e = must_find(doc, "139");
    SRC(doc, e, "Japan");
    TGT(doc, e, "Iran");
    assert_null(find(doc, "163"));
    evg_doc_free(doc);
    doc = code_parsed(
        "Japan will impose sanctions on Iran.",
        "Japan Japan PROPN NNP 3 nsubj\n"
        "will will AUX MD 3 aux\n"
        "impose impose VERB VB 0 root\n"
        "sanctions sanction NOUN NNS 3 obj\n"
        "on on ADP IN 6 case\n"
        "Iran Iran PROPN NNP 3 obl\n"
        ". . PUNCT . 3 punct\n");
    e = must_find(doc, "163");
    assert_int_equal(e->modality, EVG_MOD_PLANNED);
    assert_null(find(doc, "139"));
    evg_doc_free(doc);
}

/* "plans to impose" is planned even when the parser reads "plans" as a
 * noun and hangs the infinitive on the subject. */
static void events_parse_planned_despite_tagging(void **state)
{
    (void)state;
    evg_doc *doc = code_parsed(
        "Japan, like Australia, plans to impose sanctions on Iran.",
        "Japan Japan PROPN NNP 0 root\n"
        ", , PUNCT , 4 punct\n"
        "like like ADP IN 4 case\n"
        "Australia Australia PROPN NNP 1 nmod\n"
        ", , PUNCT , 6 punct\n"
        "plans plan NOUN NNS 4 conj\n"
        "to to PART TO 8 mark\n"
        "impose impose VERB VB 1 acl\n"
        "sanctions sanction NOUN NNS 8 obj\n"
        "on on ADP IN 11 case\n"
        "Iran Iran PROPN NNP 8 obl\n"
        ". . PUNCT . 1 punct\n");
    const evg_event *e = must_find(doc, "163");
    assert_int_equal(e->modality, EVG_MOD_PLANNED);
    evg_doc_free(doc);
}

/* Patterns matched over the dependency frame: the subject of a passive
 * stands for the object ("delay _ ban" in "the ban was delayed"), a gap
 * spans a whole object phrase ("add _ to _ blacklist"), and a "~" stays
 * inside one phrase. Without the tree, word order matches neither. */
static void events_parse_frame_patterns(void **state)
{
    (void)state;
    evg_doc *doc = code_parsed(
        "The ban on Huawei was delayed by the US Commerce Department.",
        "The the DET DT 2 det\n"
        "ban ban NOUN NN 6 nsubj:pass\n"
        "on on ADP IN 4 case\n"
        "Huawei Huawei PROPN NNP 2 nmod\n"
        "was be AUX VBD 6 aux:pass\n"
        "delayed delay VERB VBN 0 root\n"
        "by by ADP IN 11 case\n"
        "the the DET DT 11 det\n"
        "US US PROPN NNP 11 compound\n"
        "Commerce Commerce PROPN NNP 11 compound\n"
        "Department Department PROPN NNP 6 obl:agent\n"
        ". . PUNCT . 6 punct\n");
    const evg_event *e = must_find(doc, "085");
    SRC(doc, e, "Commerce Department");
    assert_int_equal(doc->n_events, 1); /* the ban is the delay's object */
    evg_doc_free(doc);
    doc = code("The ban on Huawei was delayed by the US Commerce "
               "Department.",
               WORLD, N_WORLD, NULL, 0);
    assert_null(find(doc, "085"));
    evg_doc_free(doc);

    doc = code_parsed(
        "Japan added Huawei and dozens of its smaller affiliates to a trade "
        "blacklist.",
        "Japan Japan PROPN NNP 2 nsubj\n"
        "added add VERB VBD 0 root\n"
        "Huawei Huawei PROPN NNP 2 obj\n"
        "and and CCONJ CC 5 cc\n"
        "dozens dozen NOUN NNS 3 conj\n"
        "of of ADP IN 9 case\n"
        "its its PRON PRP$ 9 nmod:poss\n"
        "smaller small ADJ JJR 9 amod\n"
        "affiliates affiliate NOUN NNS 5 nmod\n"
        "to to ADP IN 13 case\n"
        "a a DET DT 13 det\n"
        "trade trade NOUN NN 13 compound\n"
        "blacklist blacklist NOUN NN 2 obl\n"
        ". . PUNCT . 2 punct\n");
    e = must_find(doc, "163");
    SRC(doc, e, "Japan");
    TGT(doc, e, "Huawei");
    evg_doc_free(doc);
    doc = code("Japan added Huawei and dozens of its smaller affiliates to a "
               "trade blacklist.",
               WORLD, N_WORLD, NULL, 0);
    assert_null(find(doc, "163"));
    evg_doc_free(doc);

    /* "provide ~ intelligence" (cooperation) does not reach across five
     * words of a coordinated object: "provide _ to" (aid) stays */
    doc = code_parsed(
        "Japan is providing aerial photographs and other military "
        "intelligence to Iran.",
        "Japan Japan PROPN NNP 3 nsubj\n"
        "is be AUX VBZ 3 aux\n"
        "providing provide VERB VBG 0 root\n"
        "aerial aerial ADJ JJ 5 amod\n"
        "photographs photograph NOUN NNS 3 obj\n"
        "and and CCONJ CC 9 cc\n"
        "other other ADJ JJ 9 amod\n"
        "military military ADJ JJ 9 amod\n"
        "intelligence intelligence NOUN NN 5 conj\n"
        "to to ADP IN 11 case\n"
        "Iran Iran PROPN NNP 3 obl\n"
        ". . PUNCT . 3 punct\n");
    e = must_find(doc, "07");
    TGT(doc, e, "Iran");
    evg_doc_free(doc);
}

/* "X said Y must do Z" is X's demand on Y, Y the subject of the clause
 * with "must"; a relative clause inside it tells of an event of its own. */
static void events_parse_demand_on_subject(void **state)
{
    (void)state;
    evg_doc *doc = code_parsed(
        "Japan said Iran must return a ship that was seized by Israel.",
        "Japan Japan PROPN NNP 2 nsubj\n"
        "said say VERB VBD 0 root\n"
        "Iran Iran PROPN NNP 5 nsubj\n"
        "must must AUX MD 5 aux\n"
        "return return VERB VB 2 ccomp\n"
        "a a DET DT 7 det\n"
        "ship ship NOUN NN 5 obj\n"
        "that that PRON WDT 10 nsubj:pass\n"
        "was be AUX VBD 10 aux:pass\n"
        "seized seize VERB VBN 7 acl:relcl\n"
        "by by ADP IN 12 case\n"
        "Israel Israel PROPN NNP 10 obl:agent\n"
        ". . PUNCT . 2 punct\n");
    const evg_event *e = must_find(doc, "100");
    SRC(doc, e, "Japan");
    TGT(doc, e, "Iran");
    e = must_find(doc, "17");
    SRC(doc, e, "Israel");
    evg_doc_free(doc);
}

/* An event without a CAMEO code does not repeat a CAMEO event: not the
 * signing of an order whose relative clause is the coded act, nor a noun
 * the coded pattern took in ("denied the accusations"). */
static void events_parse_no_uncoded_duplicate(void **state)
{
    (void)state;
    evg_doc *doc = code_parsed(
        "US President Donald Trump signed an order that added Huawei to a "
        "blacklist.",
        "US US PROPN NNP 2 compound\n"
        "President President PROPN NNP 3 compound\n"
        "Donald Donald PROPN NNP 5 nsubj\n"
        "Trump Trump PROPN NNP 3 flat\n"
        "signed sign VERB VBD 0 root OCCURRENCE\n"
        "an a DET DT 7 det\n"
        "order order NOUN NN 5 obj\n"
        "that that PRON WDT 9 nsubj\n"
        "added add VERB VBD 7 acl:relcl OCCURRENCE\n"
        "Huawei Huawei PROPN NNP 9 obj\n"
        "to to ADP IN 13 case\n"
        "a a DET DT 13 det\n"
        "blacklist blacklist NOUN NN 9 obl\n"
        ". . PUNCT . 5 punct\n");
    const evg_event *e = must_find(doc, "16");
    SRC(doc, e, "Donald Trump");
    TGT(doc, e, "Huawei");
    assert_int_equal(doc->n_events, 1);
    evg_doc_free(doc);
    /* an order whose clause codes nothing is an event of its own */
    doc = code_parsed(
        "US President Donald Trump signed an order that took effect.",
        "US US PROPN NNP 2 compound\n"
        "President President PROPN NNP 3 compound\n"
        "Donald Donald PROPN NNP 5 nsubj\n"
        "Trump Trump PROPN NNP 3 flat\n"
        "signed sign VERB VBD 0 root OCCURRENCE\n"
        "an a DET DT 7 det\n"
        "order order NOUN NN 5 obj\n"
        "that that PRON WDT 9 nsubj\n"
        "took take VERB VBD 7 acl:relcl OCCURRENCE\n"
        "effect effect NOUN NN 9 obj\n"
        ". . PUNCT . 5 punct\n");
    int signed_ = 0;
    for (size_t i = 0; i < doc->n_events; i++)
        signed_ |= !doc->events[i].cameo &&
                   strcmp(doc->events[i].trigger.text, "signed") == 0;
    assert_true(signed_);
    evg_doc_free(doc);
    doc = code_parsed("Huawei denied the accusations.",
                      "Huawei Huawei PROPN NNP 2 nsubj\n"
                      "denied deny VERB VBD 0 root I_ACTION\n"
                      "the the DET DT 4 det\n"
                      "accusations accusation NOUN NNS 2 obj OCCURRENCE\n"
                      ". . PUNCT . 2 punct\n");
    e = must_find(doc, "01");
    SRC(doc, e, "Huawei");
    assert_int_equal(doc->n_events, 1);
    evg_doc_free(doc);
}

static void events_seed_article(void **state)
{
    (void)state;
    const char *path = EVG_SHARED_DIR "/seed/000_2a0cd735b0f74530.txt";
    FILE *f = fopen(path, "rb");
    if (!f) {
        printf("SKIP: %s is absent\n", path);
        skip();
        return;
    }
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof(buf), f);
    fclose(f);
    evg_doc *doc;
    evg_error err;
    memset(&err, 0, sizeof(err));
    assert_int_equal(evg_extract_text(buf, n, NULL, &doc, &err), 0);
    if (doc->n_entities == 0) {
        printf("SKIP: the actor finder found no entities yet\n");
        evg_doc_free(doc);
        skip();
        return;
    }
    dump(doc);
    /* the sanctions: executive order and the 2018 bans */
    const evg_event *order = find_root_actor(doc, "16", "USA");
    if (!order)
        order = find_root_actor(doc, "17", "USA");
    assert_non_null(order);
    const evg_event *delay = find_root_actor(doc, "08", NULL);
    assert_non_null(delay);
    assert_true(delay->duration != EVG_NONE);
    /* the Commerce Department reports its own government's act */
    assert_int_equal(delay->n_source, 1);
    assert_string_equal(doc->entities[delay->source[0]].name,
                        "Commerce Department");
    /* "accused by several countries": a group of states, no country */
    const evg_event *acc = find_root_actor(doc, "11", NULL);
    assert_non_null(acc);
    assert_int_equal(acc->n_source, 1);
    assert_string_equal(doc->entities[acc->source[0]].code, "---");
    const evg_event *deny = find_root_actor(doc, "01", "CHN");
    assert_non_null(deny);
    /* the 2018 bans by four governments, dated by "Last year" */
    const evg_event *bans = NULL;
    for (size_t i = 0; i < doc->n_events; i++)
        if (doc->events[i].n_source >= 4)
            bans = &doc->events[i];
    assert_non_null(bans);
    if (doc->n_timexes) {
        assert_string_equal(bans->time.value, "2018");
        assert_string_equal(order->time.value, "2019-W20");
        assert_string_equal(delay->time.value, "2019-W21");
    }
    /* Google's suspension is caused by the order and comes after it */
    int caused = 0;
    for (size_t i = 0; i < doc->n_relations; i++) {
        const evg_relation *r = &doc->relations[i];
        if (r->type == EVG_REL_CAUSES && doc->events[r->to].summary &&
            strncmp(doc->events[r->to].summary, "suspends", 8) == 0 &&
            strncmp(doc->events[r->from].cameo, "16", 2) == 0)
            caused = 1;
    }
    assert_true(caused);
    /* every event has evidence, modality and a time basis */
    for (size_t i = 0; i < doc->n_events; i++) {
        const evg_event *e = &doc->events[i];
        assert_true(e->trigger.end > e->trigger.start);
        assert_false(doc->sentences[e->sentence].boilerplate);
        assert_true(e->confidence > 0 && e->confidence <= 1);
    }
    evg_doc_free(doc);
}

/* The word lists of extract/data/ load through the one loader: each shipped
 * list is non-empty, lower case and NULL-terminated; the sorted one is in
 * order; a list that is not there is an EVG_EPARSE naming it. */
static void events_word_lists(void **state)
{
    (void)state;
    static const char *const names[] = {
        "determiners.words",     "pronouns.words",
        "auxiliaries.words",     "finite_auxiliaries.words",
        "be.words",              "clause_boundaries.words",
        "prepositions.words",    "never_actors.words",
        "name_connectors.words"};
    evg_error err;
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        const char *const *w = NULL;
        size_t n = 0;
        assert_int_equal(evg_words_list(names[i], 0, &w, &n, &err), 0);
        assert_true(n > 0);
        assert_null(w[n]);
        for (size_t k = 0; k < n; k++)
            for (const char *c = w[k]; *c; c++)
                assert_false(*c >= 'A' && *c <= 'Z');
    }
    const char *const *w = NULL;
    size_t n = 0;
    assert_int_equal(evg_words_list("never_actors.words", EVG_WORDS_SORTED,
                                    &w, &n, &err),
                     0);
    for (size_t k = 1; k < n; k++)
        assert_true(strcmp(w[k - 1], w[k]) < 0);
    /* parsed on first use, then shared */
    const char *const *again = NULL;
    assert_int_equal(evg_words_list("be.words", 0, &again, NULL, &err), 0);
    assert_int_equal(evg_words_list("be.words", 0, &w, NULL, &err), 0);
    assert_ptr_equal(w, again);
    assert_int_equal(evg_words_list("no_such.words", 0, &w, NULL, &err),
                     EVG_EPARSE);
    assert_non_null(strstr(err.message, "extract/data/no_such.words"));
    assert_int_equal(evg_events__load_words(&err), 0);
    assert_string_equal(evg_events__determiners[0], "the");
}

/* The coder's working memory for a sentence grows with its candidates
 * (about 4,000 in a sentence of 10,000 words, "officials said talks went
 * on ..."): a candidate holds its actors' entity numbers in 4 bytes, 232
 * bytes in all (376 with them in 8), and an actor set keeps no number it
 * cannot hold. */
static void events_candidate_size(void **state)
{
    (void)state;
    assert_true(sizeof(actor_set) <= 4 * (ACTORS_MAX + 1));
    assert_true(sizeof(cand) <= 232);
    actor_set as;
    memset(&as, 0, sizeof(as));
    evg_events__add_actor(&as, 7);
    evg_events__add_actor(&as, EVG_NONE);
    evg_events__add_actor(&as, 7);
    evg_events__add_actor(&as, (size_t)UINT32_MAX - 1);
    assert_int_equal(as.n, 2);
    assert_int_equal(as.v[0], 7);
    assert_int_equal(as.v[1], UINT32_MAX - 1);
    for (size_t e = 0; e < 2 * ACTORS_MAX; e++)
        evg_events__add_actor(&as, 100 + e);
    assert_int_equal(as.n, ACTORS_MAX);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(events_candidate_size),
        cmocka_unit_test(events_lemmas),
        cmocka_unit_test(events_lexicon_user_file),
        cmocka_unit_test(events_active_clause),
        cmocka_unit_test(events_boundary_adverbs),
        cmocka_unit_test(events_passive),
        cmocka_unit_test(events_coordination),
        cmocka_unit_test(events_title_and_nominal_object),
        cmocka_unit_test(events_attribution),
        cmocka_unit_test(events_modality),
        cmocka_unit_test(events_negation),
        cmocka_unit_test(events_delay_is_easing),
        cmocka_unit_test(events_time_attachment),
        cmocka_unit_test(events_statement_time),
        cmocka_unit_test(events_no_trigger_in_timex),
        cmocka_unit_test(events_unresolved_pronoun_subject),
        cmocka_unit_test(events_apposition_ending_in_actor),
        cmocka_unit_test(events_inverted_speaker),
        cmocka_unit_test(events_reporter_speaks_of_itself),
        cmocka_unit_test(events_causal_cues),
        cmocka_unit_test(events_dual_subject),
        cmocka_unit_test(events_merge_mentions),
        cmocka_unit_test(events_apposition_and_reporter),
        cmocka_unit_test(events_conditional_threat),
        cmocka_unit_test(events_specific_pattern_first),
        cmocka_unit_test(events_confidence),
        cmocka_unit_test(events_quiet),
        cmocka_unit_test(events_boilerplate),
        cmocka_unit_test(events_bad_input),
        cmocka_unit_test(events_reporter_and_groups),
        cmocka_unit_test(events_parse_relative_passive),
        cmocka_unit_test(events_parse_coordinated_verbs),
        cmocka_unit_test(events_parse_ultimatum),
        cmocka_unit_test(events_parse_planned_despite_tagging),
        cmocka_unit_test(events_parse_frame_patterns),
        cmocka_unit_test(events_parse_demand_on_subject),
        cmocka_unit_test(events_parse_no_uncoded_duplicate),
        cmocka_unit_test(events_seed_article),
        cmocka_unit_test(events_word_lists),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
