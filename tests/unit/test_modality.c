/* Modality and attribution from the parse, through the whole extraction
 * with the shipped syntax and event-mention models, on sentences written
 * here, one test for each rule (docs/events.md, Attribution and
 * modality): the scope of negation, modals, conditions ("if", "until",
 * "unless"), questions, the complements of hope, fear and expectation,
 * and quoted speech attributed to its speaker, within a sentence and over
 * several. Skipped (visibly) without the models. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "evgraph/extract.h"
#include "evgraph/io.h"

#include "models_fixture.h"


static const char *speaker(const evg_doc *doc, const evg_event *e)
{
    return e->attributed < doc->n_entities ? doc->entities[e->attributed].name
                                           : NULL;
}

/* "not" negates its own clause; what a denied report or intention is
 * about is not asserted either; "without" and a negative determiner on
 * an argument negate their clause, and no more. */
static void negation_and_its_scope(void **state)
{
    evg_doc *doc = extract(state, "2020-01-01", "Iran did not attack Iraq.");
    assert_int_equal(event(doc, "attack")->modality, EVG_MOD_NEGATED);
    evg_doc_free(doc);
    doc = extract(state, "2020-01-01",
                  "Israel did not say that Syria attacked Lebanon.");
    const evg_event *a = event(doc, "attacked");
    assert_int_equal(a->modality, EVG_MOD_HYPOTHETICAL);
    assert_int_equal(a->attributed, EVG_NONE);
    evg_doc_free(doc);
    doc = extract(state, "2020-01-01",
                  "Iran withdrew its troops without firing a shot.");
    assert_int_equal(event(doc, "firing")->modality, EVG_MOD_NEGATED);
    assert_int_equal(event(doc, "withdrew")->modality, EVG_MOD_ASSERTED);
    evg_doc_free(doc);
    doc = extract(state, "2020-01-01",
                  "No agreement was reached by Iran and Iraq.");
    assert_int_equal(event(doc, "reached")->modality, EVG_MOD_NEGATED);
    evg_doc_free(doc);
}

/* A modal on the verb: "could" hypothetical, "will" planned, also under
 * a report. */
static void modals(void **state)
{
    evg_doc *doc = extract(state, "2020-01-01",
                           "Japan said that Iran could attack Iraq.");
    assert_int_equal(event(doc, "attack")->modality, EVG_MOD_HYPOTHETICAL);
    evg_doc_free(doc);
    doc = extract(state, "2020-01-01", "Iran will attack Iraq.");
    assert_int_equal(event(doc, "attack")->modality, EVG_MOD_PLANNED);
    evg_doc_free(doc);
}

/* The clause "if" opens is hypothetical; its main clause keeps its own
 * modality (a conditional plan is a plan, as CAMEO codes threats). */
static void conditional_if(void **state)
{
    evg_doc *doc = extract(state, "2020-01-01",
                           "If Iraq attacks Kuwait, the United States will "
                           "impose sanctions on Iraq.");
    assert_int_equal(event(doc, "attacks")->modality, EVG_MOD_HYPOTHETICAL);
    assert_int_equal(event(doc, "impose")->modality, EVG_MOD_PLANNED);
    evg_doc_free(doc);
}

/* "until" and "unless" open conditions; "until Friday" is a time. */
static void until_and_unless(void **state)
{
    evg_doc *doc = extract(state, "2020-01-01",
                           "Iraq will keep its army in Kuwait until the "
                           "United Nations lifts the sanctions.");
    assert_int_equal(event(doc, "lifts")->modality, EVG_MOD_HYPOTHETICAL);
    evg_doc_free(doc);
    doc = extract(state, "2020-01-01",
                  "Iraq will not withdraw from Kuwait unless the United "
                  "Nations lifts the sanctions.");
    assert_int_equal(event(doc, "lifts")->modality, EVG_MOD_HYPOTHETICAL);
    assert_int_equal(event(doc, "withdraw")->modality, EVG_MOD_NEGATED);
    evg_doc_free(doc);
    doc = extract(state, "2020-01-01", "Iran will attack Iraq until Friday.");
    assert_int_equal(event(doc, "attack")->modality, EVG_MOD_PLANNED);
    evg_doc_free(doc);
}

/* A question asks about its own clause: an inverted auxiliary or a
 * wh-word; a clause beside it keeps its modality. */
static void questions(void **state)
{
    evg_doc *doc = extract(state, "2020-01-01", "Did Iran attack Iraq?");
    assert_int_equal(event(doc, "attack")->modality, EVG_MOD_HYPOTHETICAL);
    evg_doc_free(doc);
    doc = extract(state, "2020-01-01", "Why did Iran attack Iraq?");
    assert_int_equal(event(doc, "attack")->modality, EVG_MOD_HYPOTHETICAL);
    evg_doc_free(doc);
    doc = extract(state, "2020-01-01",
                  "Israel attacked Gaza; will Egypt condemn Israel?");
    assert_int_equal(event(doc, "attacked")->modality, EVG_MOD_ASSERTED);
    assert_int_equal(event(doc, "condemn")->modality, EVG_MOD_HYPOTHETICAL);
    evg_doc_free(doc);
}

/* The complement of hope, fear and another's expectation is not
 * asserted; one's own expectation is a plan. */
static void hope_fear_and_expectation(void **state)
{
    evg_doc *doc = extract(state, "2020-01-01",
                           "Officials have no hope that Iraq would withdraw "
                           "from Kuwait.");
    assert_int_equal(event(doc, "withdraw")->modality, EVG_MOD_HYPOTHETICAL);
    evg_doc_free(doc);
    doc = extract(state, "2020-01-01",
                  "Israel fears that Syria will attack Lebanon.");
    assert_int_equal(event(doc, "attack")->modality, EVG_MOD_HYPOTHETICAL);
    evg_doc_free(doc);
    doc = extract(state, "2020-01-01",
                  "Israel hopes that Egypt will sign the treaty.");
    assert_int_equal(event(doc, "sign")->modality, EVG_MOD_HYPOTHETICAL);
    evg_doc_free(doc);
    doc = extract(state, "2020-01-01",
                  "Japan expects Iran to release the hostages.");
    assert_int_equal(event(doc, "release")->modality, EVG_MOD_HYPOTHETICAL);
    evg_doc_free(doc);
    doc = extract(state, "2020-01-01", "Iran expects to release the hostages.");
    assert_int_equal(event(doc, "release")->modality, EVG_MOD_PLANNED);
    evg_doc_free(doc);
}

/* A report covers the clause it governs, or the clause it stands beside
 * ("..., the minister said"), and no more. */
static void report_covers_its_clause(void **state)
{
    evg_doc *doc = extract(state, "2020-01-01",
                           "Iran attacked Iraq, the Japanese foreign "
                           "minister said.");
    const evg_event *a = event(doc, "attacked");
    assert_int_equal(a->modality, EVG_MOD_REPORTED);
    assert_string_equal(speaker(doc, a), "Japanese foreign minister");
    evg_doc_free(doc);
    doc = extract(state, "2020-01-01",
                  "Iran attacked Iraq on Monday, after Japan said that "
                  "Israel had threatened Syria.");
    a = event(doc, "attacked");
    assert_int_equal(a->modality, EVG_MOD_ASSERTED);
    assert_int_equal(a->attributed, EVG_NONE);
    const evg_event *t = event(doc, "threatened");
    assert_int_equal(t->modality, EVG_MOD_REPORTED);
    assert_string_equal(speaker(doc, t), "Japan");
    assert_false(event(doc, "said")->modality == EVG_MOD_REPORTED);
    evg_doc_free(doc);
    /* the report read by the parser as a conjunct without a conjunction,
     * or as the head of what it reports */
    doc = extract(state, "2019-05-23",
                  "Google suspended business with Huawei after the order, "
                  "Reuters reported.");
    const evg_event *g = event(doc, "suspended");
    assert_int_equal(g->modality, EVG_MOD_REPORTED);
    assert_string_equal(speaker(doc, g), "Reuters");
    assert_int_equal(event(doc, "reported")->attributed, EVG_NONE);
    evg_doc_free(doc);
    doc = extract(state, "2019-05-23",
                  "Officials in Washington keep warning the Foreign Ministry "
                  "that Huawei gear is risky, Reuters reported.");
    const evg_event *w = event(doc, "warning");
    assert_int_equal(w->modality, EVG_MOD_REPORTED);
    assert_string_equal(speaker(doc, w), "Reuters");
    evg_doc_free(doc);
}

/* A quotation of several sentences is its speaker's, named where it
 * closes or before it opens; the narrator's next sentence is not. */
static void quotation_over_sentences(void **state)
{
    evg_doc *doc = extract(state, "2020-01-01",
                           "\"Iran attacked Iraq last week. The attack was a "
                           "mistake,\" the Japanese foreign minister told "
                           "reporters. Shares of Toyota fell on Monday.");
    const evg_event *a = event(doc, "attacked");
    assert_int_equal(a->modality, EVG_MOD_REPORTED);
    assert_string_equal(speaker(doc, a), "Japanese foreign minister");
    const evg_event *m = event(doc, "mistake");
    assert_string_equal(speaker(doc, m), "Japanese foreign minister");
    const evg_event *f = event(doc, "fell");
    assert_int_equal(f->modality, EVG_MOD_ASSERTED);
    assert_int_equal(f->attributed, EVG_NONE);
    evg_doc_free(doc);
    doc = extract(state, "2020-01-01",
                  "The Chinese foreign minister said: \"Israel bombed Gaza. "
                  "The bombing killed ten people.\" Shares of Toyota fell.");
    const evg_event *k = event(doc, "killed");
    assert_int_equal(k->modality, EVG_MOD_REPORTED);
    assert_string_equal(speaker(doc, k), "Chinese foreign minister");
    assert_int_equal(event(doc, "fell")->attributed, EVG_NONE);
    evg_doc_free(doc);
}

/* What a recommendation or proposal asks for is not asserted ("a
 * recommendation that X reopen"); what a relative clause on such a noun
 * tells is ("the demand which Iran made" was made). */
static void recommendation_and_relative(void **state)
{
    evg_doc *doc = extract(state, "2020-01-01",
                           "The watchdog issued a recommendation that the "
                           "Air Force reopen the competition.");
    assert_int_equal(event(doc, "reopen")->modality, EVG_MOD_HYPOTHETICAL);
    assert_int_equal(event(doc, "issued")->modality, EVG_MOD_ASSERTED);
    evg_doc_free(doc);
    doc = extract(state, "2020-01-01",
                  "The demand which Iran made was rejected.");
    assert_int_equal(event(doc, "made")->modality, EVG_MOD_ASSERTED);
    evg_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(negation_and_its_scope),
        cmocka_unit_test(modals),
        cmocka_unit_test(conditional_if),
        cmocka_unit_test(until_and_unless),
        cmocka_unit_test(questions),
        cmocka_unit_test(hope_fear_and_expectation),
        cmocka_unit_test(recommendation_and_relative),
        cmocka_unit_test(report_covers_its_clause),
        cmocka_unit_test(quotation_over_sentences),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
