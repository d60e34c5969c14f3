/* Modality and time anchoring through the whole extraction, with the
 * shipped syntax and event-mention models, on sentences written here: a
 * condition the parser reads as a preposition, a future event dated by a
 * time expression without a year, a reported event dated by the report
 * only when its tense says so, a time expression that belongs to a nested
 * event noun or to coordinated verbs, a past narrative's day, quoted
 * speech attributed to its speaker, the label of an event without a CAMEO
 * code, participants linked to an actor without naming it ("we" in a
 * speaker's words, "the plane" after a model), and the time anchoring of
 * each construction of docs/events.md (Time): time phrases, a reported
 * clause the parser hangs on the report's time, the tense of an event
 * without a time of its own, a day of the year in the future, a
 * postponement, adverbial clauses, aspectual verbs and adjectives.
 * Skipped (visibly) without the models. */
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

static void until_clause_is_hypothetical(void **state)
{
    evg_doc *doc = extract(state, "1990-08-15",
                           "Bush says he sees no hope for a solution at least "
                           "until economic sanctions force Saddam to withdraw "
                           "his army.");
    assert_int_equal(event(doc, "withdraw")->modality, EVG_MOD_HYPOTHETICAL);
    evg_doc_free(doc);
    doc = extract(state, "1990-08-15",
                  "The troops will stay in the region unless Iraq withdraws "
                  "from Kuwait.");
    assert_int_equal(event(doc, "withdraws")->modality, EVG_MOD_HYPOTHETICAL);
    evg_doc_free(doc);
}

static void future_never_before_the_document_date(void **state)
{
    /* "mid-August" was resolved to the August before the DCT */
    evg_doc *doc = extract(state, "2000-01-01",
                           "Israel will evacuate all 21 settlements in the "
                           "Gaza Strip in mid-August, a spokesman said.");
    const evg_event *e = event(doc, "evacuate");
    assert_int_equal(e->modality, EVG_MOD_PLANNED);
    assert_non_null(e->time.lo);
    assert_true(strcmp(e->time.lo, "2000-01-01") >= 0);
    assert_string_equal(e->time.lo, "2000-08-01");
    evg_doc_free(doc);
    /* a year the words fix: the future event is after the DCT, when is
     * not known */
    doc = extract(state, "2000-01-01",
                  "The company will open the plant in March 1999.");
    e = event(doc, "open");
    assert_true(!e->time.hi || strcmp(e->time.hi, "2000-01-01") >= 0);
    evg_doc_free(doc);
}

static void reported_event_takes_the_report_time_by_tense(void **state)
{
    evg_doc *doc = extract(state, "2019-05-23",
                           "The ministry said on Monday that it was reviewing "
                           "the deal. The newspaper reported on Monday that "
                           "the two sides had met in Seoul.");
    const evg_event *r = event(doc, "reviewing");
    assert_int_equal(r->time.basis, EVG_BASIS_TIMEX);
    assert_string_equal(r->time.lo, "2019-05-20");
    const evg_event *m = event(doc, "met");
    assert_int_not_equal(m->time.basis, EVG_BASIS_TIMEX);
    evg_doc_free(doc);
}

static void time_of_a_nested_event_noun(void **state)
{
    evg_doc *doc = extract(state, "1992-01-20",
                           "Libya offered compensation for the 1988 bombing "
                           "of the plane. Jobs said in a July 16 press "
                           "conference that buyers would get a case.");
    const evg_event *o = event(doc, "offered");
    assert_int_equal(o->time.basis, EVG_BASIS_DCT);
    const evg_event *b = event(doc, "bombing");
    assert_string_equal(b->time.value, "1988");
    const evg_event *s = event(doc, "said");
    assert_int_equal(s->time.basis, EVG_BASIS_TIMEX);
    assert_string_equal(s->time.lo, "1991-07-16");
    evg_doc_free(doc);
}

static void past_narrative_keeps_its_day(void **state)
{
    evg_doc *doc = extract(state, "2010-06-08",
                           "Yesterday, Apple unveiled the new phone at its "
                           "conference. The phone was praised by analysts. "
                           "Apple has sold 3 million phones. Last week, the "
                           "company hired a designer. The designer joined "
                           "the team.");
    const evg_event *u = event(doc, "unveiled");
    assert_string_equal(u->time.lo, "2010-06-07");
    const evg_event *p = event(doc, "praised");
    assert_int_equal(p->time.basis, EVG_BASIS_RELATION);
    assert_string_equal(p->time.lo, "2010-06-07");
    /* the perfect keeps the document date */
    assert_int_equal(event(doc, "sold")->time.basis, EVG_BASIS_DCT);
    /* "last week" ends the reference to yesterday */
    assert_int_equal(event(doc, "joined")->time.basis, EVG_BASIS_DCT);
    evg_doc_free(doc);
}

static void quoted_speech_is_its_speakers(void **state)
{
    evg_doc *doc = extract(state, "2019-05-23",
                           "\"Officials keep selling the gear to the "
                           "ministry,\" the Chosun Ilbo reported. Shares "
                           "fell sharply.");
    const evg_event *k = event(doc, "keep");
    assert_null(k->cameo);
    assert_int_equal(k->modality, EVG_MOD_REPORTED);
    assert_true(k->attributed < doc->n_entities);
    assert_string_equal(doc->entities[k->attributed].name, "Chosun Ilbo");
    /* the narrator's own */
    const evg_event *f = event(doc, "fell");
    assert_int_equal(f->modality, EVG_MOD_ASSERTED);
    assert_int_equal(f->attributed, EVG_NONE);
    evg_doc_free(doc);
}

static void label_carries_the_complement(void **state)
{
    evg_doc *doc = extract(state, "2019-05-23",
                           "Officials in Washington keep building a network "
                           "for the Foreign Ministry about the gear.");
    const evg_event *k = event(doc, "keep");
    assert_null(k->cameo);
    assert_non_null(k->summary);
    assert_string_equal(k->summary,
                        "Officials in Washington keep building a network "
                        "for the Foreign Ministry");
    evg_doc_free(doc);
}

static void coordinated_verbs_share_a_time_before_them(void **state)
{
    evg_doc *doc = extract(state, "2010-06-08",
                           "In April, the blog obtained a prototype and "
                           "published details online.");
    assert_string_equal(event(doc, "obtained")->time.value, "2010-04");
    assert_string_equal(event(doc, "published")->time.value, "2010-04");
    evg_doc_free(doc);
    /* after the first verb, the expression is that verb's alone */
    doc = extract(state, "2010-06-08",
                  "The firm hired 200 workers in March and opened a plant.");
    assert_string_equal(event(doc, "hired")->time.value, "2010-03");
    assert_int_equal(event(doc, "opened")->time.basis, EVG_BASIS_DCT);
    evg_doc_free(doc);
    /* a conjunct with a subject of its own is a clause of its own */
    doc = extract(state, "2010-06-08",
                  "Jobs started the company in 1976, and the company "
                  "released the Macintosh.");
    assert_int_equal(event(doc, "released")->time.basis, EVG_BASIS_DCT);
    evg_doc_free(doc);
}

/* The name of the actor of the event's first argument of `role`, or
 * NULL when that argument names no actor. */
static const char *arg_actor(const evg_doc *doc, const evg_event *e,
                             const char *role)
{
    for (size_t i = 0; i < e->n_args; i++)
        if (strcmp(e->args[i].role, role) == 0)
            return e->args[i].entity < doc->n_entities
                       ? doc->entities[e->args[i].entity].name
                       : NULL;
    fail_msg("no %s of '%s'", role, e->trigger.text);
    return NULL;
}

static void we_is_the_speakers_organization(void **state)
{
    evg_doc *doc = extract(state, "2019-05-23",
                           "\"We have reduced our effort,\" said Tom Jones, "
                           "a spokesman for Acme Corp.");
    assert_string_equal(arg_actor(doc, event(doc, "reduced"), "agent"),
                        "Acme Corp");
    evg_doc_free(doc);
    /* a speaker who names no organization: "we" stays unlinked */
    doc = extract(state, "2019-05-23",
                  "\"We have reduced our effort,\" said Tom Jones, a "
                  "spokesman.");
    assert_null(arg_actor(doc, event(doc, "reduced"), "agent"));
    evg_doc_free(doc);
    /* "the company" in the words of a person who speaks for one */
    doc = extract(state, "2019-05-23",
                  "EADS started a restructuring programme. Louis Gallois, "
                  "the Airbus chief executive, said the company expects to "
                  "cut 4,300 jobs.");
    assert_string_equal(arg_actor(doc, event(doc, "expects"), "agent"),
                        "Airbus");
    evg_doc_free(doc);
    doc = extract(state, "2019-05-23",
                  "EADS started a restructuring programme. Louis Gallois "
                  "said the company expects to cut 4,300 jobs.");
    assert_string_equal(arg_actor(doc, event(doc, "expects"), "agent"),
                        "EADS");
    evg_doc_free(doc);
    /* a quotation opened in a sentence before: its speaker's employer */
    doc = extract(state, "2019-05-23",
                  "Kelmar Vostrid CEO Jane Roe said on Monday, \"Everyone "
                  "told us we were crazy. But we took a big swing and we "
                  "won.\"");
    assert_string_equal(arg_actor(doc, event(doc, "took"), "agent"),
                        "Kelmar Vostrid");
    evg_doc_free(doc);
    /* the speaker named alone: the employer named with an earlier
     * mention of the same person */
    doc = extract(state, "2019-05-23",
                  "Kelmar Vostrid CEO Jane Roe spoke on Monday. \"We have "
                  "reduced our effort,\" said Roe.");
    assert_string_equal(arg_actor(doc, event(doc, "reduced"), "agent"),
                        "Kelmar Vostrid");
    evg_doc_free(doc);
    /* titles coordinated in the speaker's apposition are the speaker's
     * ("project manager and Acme vice president"); a verb of manner of
     * speech reports as "said" does */
    doc = extract(state, "2019-05-23",
                  "\"We are rolling out the first airplane,\" said Tom "
                  "Jones, project manager and Acme Corp vice president.");
    assert_string_equal(arg_actor(doc, event(doc, "rolling"), "agent"),
                        "Acme Corp");
    evg_doc_free(doc);
    doc = extract(state, "2019-05-23",
                  "Tom Jones enthused that the plant had doubled its "
                  "output.");
    assert_int_equal(event(doc, "doubled")->modality, EVG_MOD_REPORTED);
    evg_doc_free(doc);
    /* not in anyone's words: the narrator's "we" is nobody's */
    doc = extract(state, "2019-05-23",
                  "Acme Corp is hiring. We have reduced our effort.");
    assert_null(arg_actor(doc, event(doc, "reduced"), "agent"));
    evg_doc_free(doc);
}

static void the_plane_is_the_model_named_last(void **state)
{
    evg_doc *doc = extract(state, "2019-05-23",
                           "Boeing showed the 787 Dreamliner aircraft to "
                           "reporters. The aircraft carried 250 passengers.");
    assert_string_equal(arg_actor(doc, event(doc, "carried"), "agent"),
                        "Dreamliner");
    evg_doc_free(doc);
    /* the maker before a vehicle noun is no model */
    doc = extract(state, "2019-05-23",
                  "Boeing showed its aircraft to reporters. The aircraft "
                  "carried 250 passengers.");
    assert_null(arg_actor(doc, event(doc, "carried"), "agent"));
    evg_doc_free(doc);
    /* a model number that ends an actor's mention is that actor */
    doc = extract(state, "2019-05-23",
                  "Velmora Airlines bought a Boeing 787 last year. The 787 "
                  "carried 250 passengers on Monday.");
    assert_string_equal(arg_actor(doc, event(doc, "carried"), "agent"),
                        "Boeing 787");
    evg_doc_free(doc);
    /* a description whose head ends an actor's name is that actor */
    doc = extract(state, "2019-05-23",
                  "Apple opened the iTunes Music Store in 2003. The store "
                  "sold a million songs in its first week.");
    assert_string_equal(arg_actor(doc, event(doc, "sold"), "agent"),
                        "iTunes Music Store");
    evg_doc_free(doc);
    doc = extract(state, "2019-05-23",
                  "Apple opened a shop in 2003. The store sold a million "
                  "songs in its first week.");
    assert_null(arg_actor(doc, event(doc, "sold"), "agent"));
    evg_doc_free(doc);
    /* however far back the model was named, while no other model was
     * named since */
    doc = extract(state, "2019-05-23",
                  "Velmora Airlines bought an Airbus A350 last year. The "
                  "airline hired 200 pilots in March. Its shares rose in "
                  "April. Analysts praised the purchase in May. The plane "
                  "carried 250 passengers on Monday.");
    assert_string_equal(arg_actor(doc, event(doc, "carried"), "agent"),
                        "Airbus A350");
    evg_doc_free(doc);
    doc = extract(state, "2019-05-23",
                  "Velmora Airlines bought an Airbus A350 last year. The "
                  "airline hired 200 pilots in March. Its shares rose in "
                  "April. It also leased a Boeing 787 in May. The plane "
                  "carried 250 passengers on Monday.");
    assert_string_equal(arg_actor(doc, event(doc, "carried"), "agent"),
                        "Boeing 787");
    evg_doc_free(doc);
    /* an indefinite description refers to no model named before */
    doc = extract(state, "2019-05-23",
                  "Boeing showed the 787 Dreamliner aircraft to reporters. "
                  "A plane carried 250 passengers.");
    assert_null(arg_actor(doc, event(doc, "carried"), "agent"));
    evg_doc_free(doc);
}

/* "they", "it" the actor finder left unresolved, in what an organization
 * says: the organization; in what a person says: nobody. */
static void they_is_the_speaking_organization(void **state)
{
    evg_doc *doc = extract(state, "2019-05-23",
                           "Velmora Airlines have announced that they will "
                           "buy ten jets.");
    assert_string_equal(arg_actor(doc, event(doc, "buy"), "agent"),
                        "Velmora Airlines");
    evg_doc_free(doc);
    doc = extract(state, "2019-05-23",
                  "Tom Jones said that they will buy ten jets.");
    assert_null(arg_actor(doc, event(doc, "buy"), "agent"));
    evg_doc_free(doc);
}

/* An apposition is the head's own name, before whose parent or rival it
 * is. */
static void apposition_names_the_participant(void **state)
{
    evg_doc *doc = extract(state, "2019-05-23",
                           "Airbus parent EADS won a contract on Monday.");
    assert_string_equal(arg_actor(doc, event(doc, "won"), "agent"), "EADS");
    evg_doc_free(doc);
}

/* A description refers to the actor whose mention holds its head word
 * ("the airline": Velmora Airlines), else to the most salient one: a
 * subject before a phrase inside another noun phrase ("of Velmora
 * Airlines"), the current sentence before earlier ones. */
static void references_by_head_word_and_salience(void **state)
{
    evg_doc *doc = extract(state, "2019-05-23",
                           "Velmora Airlines said on Monday that it had "
                           "ordered ten jets from Boeing. The airline will "
                           "take the first jet in May.");
    assert_string_equal(arg_actor(doc, event(doc, "take"), "agent"),
                        "Velmora Airlines");
    evg_doc_free(doc);
    doc = extract(state, "2019-05-23",
                  "Ryanair will sell the tickets of Velmora Airlines when "
                  "it opens an office in Paris.");
    assert_string_equal(arg_actor(doc, event(doc, "opens"), "agent"),
                        "Ryanair");
    evg_doc_free(doc);
    /* the subject of the previous sentence before an owner in it */
    doc = extract(state, "2019-05-23",
                  "Qatar Airways has an order for two of Boeing's jets. "
                  "It will fly them in 2027.");
    assert_string_equal(arg_actor(doc, event(doc, "fly"), "agent"),
                        "Qatar Airways");
    evg_doc_free(doc);
    /* with no description head in an earlier mention, the company most
     * salient: the subject */
    doc = extract(state, "2019-05-23",
                  "Velmora Airlines bought ten jets from Boeing on Monday. "
                  "The company will take the first jet in May.");
    assert_string_equal(arg_actor(doc, event(doc, "take"), "agent"),
                        "Velmora Airlines");
    evg_doc_free(doc);
}

/* Whether the event has an argument of `role`. */
static int has_role(const evg_event *e, const char *role)
{
    for (size_t i = 0; i < e->n_args; i++)
        if (strcmp(e->args[i].role, role) == 0)
            return 1;
    return 0;
}

/* The doer of an infinitive without a subject of its own: after the
 * object of a verb of object control, that object; after another verb's
 * object, the subject (a purpose); on a name or a predicate noun, that
 * name or the subject; on another noun, nobody. */
static void infinitive_takes_its_doer(void **state)
{
    evg_doc *doc = extract(state, "2019-05-23",
                           "Northrop Grumman defeated Boeing to win the "
                           "contract.");
    assert_string_equal(arg_actor(doc, event(doc, "win"), "agent"),
                        "Northrop Grumman");
    evg_doc_free(doc);
    doc = extract(state, "2019-05-23",
                  "Velmora Airlines is exercising its options to purchase "
                  "five jets.");
    assert_string_equal(arg_actor(doc, event(doc, "purchase"), "agent"),
                        "Velmora Airlines");
    evg_doc_free(doc);
    doc = extract(state, "2019-05-23", "China urged Washington to stop the ban.");
    assert_string_equal(arg_actor(doc, event(doc, "stop"), "agent"),
                        "United States");
    evg_doc_free(doc);
    doc = extract(state, "2019-05-23",
                  "China Eastern Airlines to purchase twenty jets");
    assert_string_equal(arg_actor(doc, event(doc, "purchase"), "agent"),
                        "China Eastern Airlines");
    evg_doc_free(doc);
    doc = extract(state, "2019-05-23",
                  "Singapore Airlines is the first airline to fly the A380.");
    assert_string_equal(arg_actor(doc, event(doc, "fly"), "agent"),
                        "Singapore Airlines");
    evg_doc_free(doc);
    doc = extract(state, "2019-05-23",
                  "Velmora Airlines signed a contract to purchase five jets.");
    assert_false(has_role(event(doc, "purchase"), "agent"));
    evg_doc_free(doc);
}

static void time_phrases_date_their_predicate(void **state)
{
    /* a bare noun (obl:tmod), and on / in / since / until phrases */
    evg_doc *doc = extract(state, "2000-03-15",
                           "The company closed the plant Tuesday. The firm "
                           "sold the unit on March 2. The bank opened an "
                           "office in January. The company has cut jobs "
                           "since February. The strike lasted until "
                           "Friday.");
    assert_string_equal(event(doc, "closed")->time.lo, "2000-03-14");
    assert_string_equal(event(doc, "sold")->time.lo, "2000-03-02");
    assert_string_equal(event(doc, "opened")->time.value, "2000-01");
    assert_string_equal(event(doc, "cut")->time.value, "2000-02");
    assert_string_equal(event(doc, "lasted")->time.lo, "2000-03-10");
    evg_doc_free(doc);
}

static void reported_clause_hung_on_the_time(void **state)
{
    /* the parser hangs "that Iran ..." on "Monday" as a relative clause:
     * it is what Japan said all the same */
    evg_doc *doc = extract(state, "2000-03-15",
                           "Japan said on Monday that Iran is attacking "
                           "Iraq.");
    const evg_event *a = event(doc, "attacking");
    assert_int_equal(a->modality, EVG_MOD_REPORTED);
    assert_int_equal(a->time.basis, EVG_BASIS_TIMEX);
    assert_string_equal(a->time.lo, "2000-03-13");
    evg_doc_free(doc);
    /* a past perfect happened before the report, at a time not said;
     * Monday is no participant of the attack */
    doc = extract(state, "2000-03-15",
                  "Japan said on Monday that Iran had attacked Iraq.");
    a = event(doc, "attacked");
    assert_int_equal(a->modality, EVG_MOD_REPORTED);
    assert_int_equal(a->time.basis, EVG_BASIS_NONE);
    assert_string_equal(a->time.value, "PAST_REF");
    assert_false(has_role(a, "time"));
    evg_doc_free(doc);
}

static void tense_without_a_time_of_its_own(void **state)
{
    evg_doc *doc = extract(state, "2000-03-15",
                           "The company had hired a designer. The company "
                           "will open a plant. The company opened a shop.");
    const evg_event *h = event(doc, "hired");
    assert_int_equal(h->time.basis, EVG_BASIS_NONE);
    assert_string_equal(h->time.value, "PAST_REF");
    assert_null(h->time.lo);
    const evg_event *o = event(doc, "open");
    assert_int_equal(o->time.basis, EVG_BASIS_NONE);
    assert_string_equal(o->time.value, "FUTURE_REF");
    /* the simple past of a news story keeps the document date */
    assert_int_equal(event(doc, "opened")->time.basis, EVG_BASIS_DCT);
    evg_doc_free(doc);
}

static void future_by_a_day_of_the_year(void **state)
{
    /* "March 1" is a day of the year: a year on, not a week on */
    evg_doc *doc = extract(state, "2000-03-15",
                           "Israel will evacuate the settlements by "
                           "March 1.");
    const evg_event *e = event(doc, "evacuate");
    assert_int_equal(e->time.basis, EVG_BASIS_TIMEX);
    assert_string_equal(e->time.lo, "2001-03-01");
    evg_doc_free(doc);
}

static void postponement_keeps_its_own_time(void **state)
{
    evg_doc *doc = extract(state, "2000-03-15",
                           "The group postponed the demonstration to "
                           "May 5.");
    assert_int_equal(event(doc, "postponed")->time.basis, EVG_BASIS_DCT);
    assert_string_equal(event(doc, "demonstration")->time.lo, "2000-05-05");
    evg_doc_free(doc);
}

static void adverbial_clause_of_the_same_time(void **state)
{
    evg_doc *doc = extract(state, "2000-03-15",
                           "The union called a strike when the talks "
                           "collapsed on Monday.");
    const evg_event *c = event(doc, "called");
    assert_int_equal(c->time.basis, EVG_BASIS_TIMEX);
    assert_string_equal(c->time.lo, "2000-03-13");
    evg_doc_free(doc);
    doc = extract(state, "2000-03-15",
                  "The company has cut 500 jobs since the plant closed in "
                  "January.");
    assert_string_equal(event(doc, "cut")->time.value, "2000-01");
    evg_doc_free(doc);
    /* "after" puts the main clause later: not the same time */
    doc = extract(state, "2000-03-15",
                  "The union called a strike after the talks collapsed on "
                  "Monday.");
    assert_int_not_equal(event(doc, "called")->time.basis, EVG_BASIS_TIMEX);
    evg_doc_free(doc);
}

static void aspectual_takes_its_complements_time(void **state)
{
    evg_doc *doc = extract(state, "2000-03-15",
                           "The firm began selling the phone in July.");
    const evg_event *b = event(doc, "began");
    assert_int_equal(b->time.basis, EVG_BASIS_TIMEX);
    assert_string_equal(b->time.value, "1999-07");
    evg_doc_free(doc);
}

static void now_is_the_time_of_writing(void **state)
{
    evg_doc *doc = extract(state, "2010-06-08",
                           "The phone now uses a faster chip.");
    const evg_event *u = event(doc, "uses");
    assert_int_equal(u->time.basis, EVG_BASIS_TIMEX);
    assert_string_equal(u->time.value, "PRESENT_REF");
    assert_non_null(u->time.lo);
    assert_string_equal(u->time.lo, "2010-06-08");
    evg_doc_free(doc);
}

static void adjective_time_dates_no_predicate(void **state)
{
    evg_doc *doc = extract(state, "2000-03-15",
                           "The current chief executive praised the deal.");
    assert_int_equal(event(doc, "praised")->time.basis, EVG_BASIS_DCT);
    evg_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(until_clause_is_hypothetical),
        cmocka_unit_test(future_never_before_the_document_date),
        cmocka_unit_test(reported_event_takes_the_report_time_by_tense),
        cmocka_unit_test(time_of_a_nested_event_noun),
        cmocka_unit_test(past_narrative_keeps_its_day),
        cmocka_unit_test(quoted_speech_is_its_speakers),
        cmocka_unit_test(label_carries_the_complement),
        cmocka_unit_test(we_is_the_speakers_organization),
        cmocka_unit_test(the_plane_is_the_model_named_last),
        cmocka_unit_test(they_is_the_speaking_organization),
        cmocka_unit_test(apposition_names_the_participant),
        cmocka_unit_test(references_by_head_word_and_salience),
        cmocka_unit_test(infinitive_takes_its_doer),
        cmocka_unit_test(coordinated_verbs_share_a_time_before_them),
        cmocka_unit_test(time_phrases_date_their_predicate),
        cmocka_unit_test(reported_clause_hung_on_the_time),
        cmocka_unit_test(tense_without_a_time_of_its_own),
        cmocka_unit_test(future_by_a_day_of_the_year),
        cmocka_unit_test(postponement_keeps_its_own_time),
        cmocka_unit_test(adverbial_clause_of_the_same_time),
        cmocka_unit_test(aspectual_takes_its_complements_time),
        cmocka_unit_test(now_is_the_time_of_writing),
        cmocka_unit_test(adjective_time_dates_no_predicate),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
