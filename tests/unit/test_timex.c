/* Unit tests of the time tagger (extract/timex*.c): each construction of
 * issue 3 through the public pipeline (evg_extract_text with a DCT),
 * looking only at doc->timexes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "evgraph/evgraph.h"
#include "pipeline.h"
#include "words.h"

/* Runs the pipeline on `text` with `dct` (NULL: none). */
static evg_doc *run(const char *text, const char *dct)
{
    evg_extract_opts o;
    evg_extract_opts_init(&o);
    o.dct = dct;
    evg_doc *doc = NULL;
    evg_error err;
    memset(&err, 0, sizeof(err));
    int rc = evg_extract_text(text, strlen(text), &o, &doc, &err);
    if (rc)
        fprintf(stderr, "extract failed: %s\n", err.message);
    assert_int_equal(rc, 0);
    assert_non_null(doc);
    return doc;
}

static const evg_timex *find(const evg_doc *doc, const char *text)
{
    for (size_t i = 0; i < doc->n_timexes; i++)
        if (strcmp(doc->timexes[i].span.text, text) == 0)
            return &doc->timexes[i];
    return NULL;
}

static void dump(const evg_doc *doc)
{
    for (size_t i = 0; i < doc->n_timexes; i++)
        fprintf(stderr, "  [%s] %s %s\n", doc->timexes[i].span.text,
                evg_timex_type_name(doc->timexes[i].type),
                doc->timexes[i].value);
}

/* Checks that `text` holds the expression `span` with this type, value and
 * mod (NULL: none). */
static void expect(const char *text, const char *dct, const char *span,
                   evg_timex_type type, const char *value, const char *mod)
{
    evg_doc *doc = run(text, dct);
    const evg_timex *t = find(doc, span);
    if (!t) {
        fprintf(stderr, "no timex [%s] in \"%s\"; found:\n", span, text);
        dump(doc);
    }
    assert_non_null(t);
    if (strcmp(t->value, value) != 0 || t->type != type)
        fprintf(stderr, "[%s]: got %s %s, want %s %s\n", span,
                evg_timex_type_name(t->type), t->value,
                evg_timex_type_name(type), value);
    assert_string_equal(t->value, value);
    assert_int_equal(t->type, type);
    if (mod) {
        assert_non_null(t->mod);
        assert_string_equal(t->mod, mod);
    } else {
        assert_null(t->mod);
    }
    evg_doc_free(doc);
}

static void expect_none(const char *text)
{
    evg_doc *doc = run(text, "2019-05-23");
    if (doc->n_timexes) {
        fprintf(stderr, "false alarm in \"%s\":\n", text);
        dump(doc);
    }
    assert_int_equal(doc->n_timexes, 0);
    evg_doc_free(doc);
}

#define D EVG_TIMEX_DATE
#define T EVG_TIMEX_TIME
#define U EVG_TIMEX_DURATION
#define S EVG_TIMEX_SET
#define SEED "2019-05-23"

static void timex_seed_article_expressions(void **state)
{
    (void)state;
    const char *text =
        "U.S. President Donald Trump signed an executive order last week "
        "that added Huawei to a trade blacklist. The Commerce Department "
        "earlier this week delayed the ban for another 90 days. Last year, "
        "Australia, Japan and New Zealand banned Huawei. Huawei's founder "
        "spoke on Thursday.";
    evg_doc *doc = run(text, SEED);
    static const char *const want[][2] = {{"last week", "2019-W20"},
                                          {"earlier this week", "2019-W21"},
                                          {"another 90 days", "P90D"},
                                          {"Last year", "2018"},
                                          {"Thursday", "2019-05-23"}};
    for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
        const evg_timex *t = find(doc, want[i][0]);
        if (!t)
            dump(doc);
        assert_non_null(t);
        assert_string_equal(t->value, want[i][1]);
    }
    /* text order and sentence indexes */
    for (size_t i = 1; i < doc->n_timexes; i++)
        assert_true(doc->timexes[i - 1].span.start <
                    doc->timexes[i].span.start);
    assert_int_equal(find(doc, "last week")->sentence, 0);
    assert_int_equal(find(doc, "Last year")->sentence, 2);
    evg_doc_free(doc);
}

static void timex_absolute_dates(void **state)
{
    (void)state;
    expect("It opened on May 23, 2019.", SEED, "May 23, 2019", D,
           "2019-05-23", NULL);
    expect("It opened on 23 May 2019.", SEED, "23 May 2019", D, "2019-05-23",
           NULL);
    expect("It opened on 2019-05-23.", SEED, "2019-05-23", D, "2019-05-23",
           NULL);
    expect("It opened on 5/23/2019.", SEED, "5/23/2019", D, "2019-05-23",
           NULL);
    expect("It opened in May 2019.", SEED, "May 2019", D, "2019-05", NULL);
    expect("It opened in 2017.", SEED, "2017", D, "2017", NULL);
    expect("It was built on Thursday, March 5, 1998.", SEED,
           "Thursday, March 5, 1998", D, "1998-03-05", NULL);
    expect("Sales fell on Sept. 30.", SEED, "Sept. 30", D, "2018-09-30",
           NULL);
    expect("It opened on the twenty-third of May.", SEED,
           "the twenty-third of May", D, "2019-05-23", NULL);
    expect("It opened on May thirty-first.", SEED, "May thirty-first", D,
           "2019-05-31", NULL);
    expect("The union formed in nineteen ninety-six.", SEED,
           "nineteen ninety-six", D, "1996", NULL);
}

static void timex_decades_centuries_quarters_seasons(void **state)
{
    (void)state;
    expect("Prices rose in the 1990s.", SEED, "the 1990s", D, "199", NULL);
    expect("Prices rose in the '80s.", SEED, "the '80s", D, "198", NULL);
    expect("It is a problem of the 21st century.", SEED, "the 21st century",
           D, "20", NULL);
    expect("It is a problem of the twenty-first century.", SEED,
           "the twenty-first century", D, "20", NULL);
    expect("Profit rose in the second quarter of 2019.", SEED,
           "the second quarter of 2019", D, "2019-Q2", NULL);
    expect("Profit rose in the first half of 2018.", SEED,
           "the first half of 2018", D, "2018-H1", NULL);
    expect("It opens in summer 2019.", SEED, "summer 2019", D, "2019-SU",
           NULL);
    expect("In fiscal 2018, it earned $5 million.", SEED, "fiscal 2018", D,
           "2018", NULL);
    /* a quarter still to come is last year's unless the clause is future */
    expect("Third-quarter profit rose.", SEED, "Third-quarter", D, "2018-Q3",
           NULL);
    expect("Profit will rise in the third quarter.", SEED, "the third quarter",
           D, "2019-Q3", NULL);
}

static void timex_relative_days(void **state)
{
    (void)state;
    expect("He arrived today.", SEED, "today", D, "2019-05-23", NULL);
    expect("He arrived yesterday.", SEED, "yesterday", D, "2019-05-22",
           NULL);
    expect("He will arrive tomorrow.", SEED, "tomorrow", D, "2019-05-24",
           NULL);
    expect("He left three days ago.", SEED, "three days ago", D,
           "2019-05-20", NULL);
    expect("He left two weeks ago.", SEED, "two weeks ago", D, "2019-W19",
           NULL);
    expect("He spoke this morning.", SEED, "this morning", T,
           "2019-05-23TMO", NULL);
    expect("He spoke last night.", SEED, "last night", T, "2019-05-22TNI",
           NULL);
    expect("He spoke yesterday afternoon.", SEED, "yesterday afternoon", T,
           "2019-05-22TAF", NULL);
    expect("Shares rose at mid-afternoon yesterday.", SEED,
           "mid-afternoon yesterday", T, "2019-05-22TAF", "MID");
}

static void timex_relative_periods(void **state)
{
    (void)state;
    expect("Talks resume next week.", SEED, "next week", D, "2019-W22",
           NULL);
    expect("Sales fell last month.", SEED, "last month", D, "2019-04", NULL);
    expect("Sales rose this year.", SEED, "this year", D, "2019", NULL);
    expect("Sales will rise next year.", SEED, "next year", D, "2020", NULL);
    expect("Sales fell this quarter.", SEED, "this quarter", D, "2019-Q2",
           NULL);
    expect("Sales fell last quarter.", SEED, "last quarter", D, "2019-Q1",
           NULL);
    expect("Talks failed last weekend.", SEED, "last weekend", D,
           "2019-W20-WE", NULL);
    expect("Talks fail last May.", SEED, "last May", D, "2018-05", NULL);
    expect("A deal is due later this month.", SEED, "later this month", D,
           "2019-05", "END");
    expect("It began early 2019.", SEED, "early 2019", D, "2019", "START");
    expect("It ends in mid-November.", SEED, "mid-November", D, "2018-11",
           "MID");
    expect("It ended at the end of 2018.", SEED, "the end of 2018", D, "2018",
           "END");
}

static void timex_weekdays_follow_tense(void **state)
{
    (void)state;
    /* DCT 2019-05-23 is a Thursday */
    expect("The ministers met on Thursday.", SEED, "Thursday", D,
           "2019-05-23", NULL);
    expect("The ministers met on Monday.", SEED, "Monday", D, "2019-05-20",
           NULL);
    expect("The ministers met on Friday.", SEED, "Friday", D, "2019-05-17",
           NULL);
    expect("The ministers will meet on Friday.", SEED, "Friday", D,
           "2019-05-24", NULL);
    expect("He said they would meet Monday.", SEED, "Monday", D, "2019-05-27",
           NULL);
    expect("They are going to meet on Tuesday.", SEED, "Tuesday", D,
           "2019-05-28", NULL);
    expect("They'll meet next Monday.", SEED, "next Monday", D, "2019-05-27",
           NULL);
}

static void timex_iso_weeks_around_new_year(void **state)
{
    (void)state;
    /* 2021-01-01 is a Friday in 2020-W53 */
    expect("He left last week.", "2021-01-01", "last week", D, "2020-W52",
           NULL);
    expect("He left this week.", "2021-01-01", "this week", D, "2020-W53",
           NULL);
    expect("He leaves next week.", "2021-01-01", "next week", D, "2021-W01",
           NULL);
    /* 2019-12-30 is a Monday in 2020-W01 */
    expect("He left this week.", "2019-12-30", "this week", D, "2020-W01",
           NULL);
    expect("He left last week.", "2019-12-30", "last week", D, "2019-W52",
           NULL);
    /* 2016-01-03 is a Sunday in 2015-W53 */
    expect("He left this week.", "2016-01-03", "this week", D, "2015-W53",
           NULL);
    expect("Sales rose last year.", "2016-01-03", "last year", D, "2015",
           NULL);
    expect("He left last month.", "2016-01-03", "last month", D, "2015-12",
           NULL);
}

static void timex_clock_times(void **state)
{
    (void)state;
    expect("The vote closed at 3 p.m.", SEED, "3 p.m.", T, "2019-05-23T15:00",
           NULL);
    expect("Trading stops at 15:00 GMT.", SEED, "15:00 GMT", T,
           "2019-05-23T15:00", NULL);
    expect("They met at noon.", SEED, "noon", T, "2019-05-23T12:00", NULL);
    expect("He was shot at 10 p.m. Wednesday, police said.", SEED,
           "10 p.m. Wednesday", T, "2019-05-22T22:00", NULL);
}

/* The tagger reads the document's tokens: a space the tokens stage skips
 * (U+2009 thin space, U+200B zero width space) separates words as a
 * space does, a symbol such as U+2192 separates them as punctuation does,
 * and a hyphenated word is read in its parts. */
static void timex_on_the_token_layer(void **state)
{
    (void)state;
    expect("The vote closed at 3\xe2\x80\x89p.m. today.", SEED,
           "3\xe2\x80\x89p.m. today", T, "2019-05-23T15:00", NULL);
    expect("He left 3\xe2\x80\x8b weeks ago.", SEED,
           "3\xe2\x80\x8b weeks ago", D, "2019-W18", NULL);
    expect("Next meeting\xe2\x86\x92Monday.", SEED, "Monday", D,
           "2019-05-27", NULL);
    expect("Its third-quarter profit rose.", SEED, "third-quarter", D,
           "2018-Q3", NULL); /* the last third quarter reported */
    expect("Prices peaked in the mid-1990s.", SEED, "the mid-1990s", D, "199",
           "MID");
}

static void timex_durations(void **state)
{
    (void)state;
    expect("The ban is delayed by 90 days.", SEED, "90 days", U, "P90D",
           NULL);
    expect("He served two years in prison.", SEED, "two years", U, "P2Y",
           NULL);
    expect("They waited half an hour.", SEED, "half an hour", U, "PT30M",
           NULL);
    expect("It lasted several months.", SEED, "several months", U, "PXM",
           NULL);
    expect("It lasted a decade.", SEED, "a decade", U, "P10Y", NULL);
    expect("It lasted 2 1/2 years.", SEED, "2 1/2 years", U, "P2Y6M", NULL);
    expect("It lasted twenty-one days.", SEED, "twenty-one days", U, "P21D",
           NULL);
    expect("It signed a five-year contract.", SEED, "five-year", U, "P5Y",
           NULL);
    expect("Sales fell in the past two months.", SEED, "the past two months",
           U, "P2M", NULL);
    /* a future "in N units" points to a date */
    expect("The bonds will be redeemed in five years.", SEED, "five years", D,
           "2024", NULL);
}

static void timex_sets(void **state)
{
    (void)state;
    expect("They meet every week.", SEED, "every week", S, "P1W", NULL);
    expect("Prices are set daily.", SEED, "daily", S, "XXXX-XX-XX", NULL);
    expect("Profit grows 5% annually.", SEED, "annually", S, "XXXX", NULL);
    expect("Wages are paid hourly.", SEED, "hourly", S, "PT1H", NULL);
    expect("They meet each Monday.", SEED, "each Monday", S, "XXXX-WXX-1",
           NULL);
}

static void timex_modifiers(void **state)
{
    (void)state;
    expect("It lasted about two years.", SEED, "about two years", U, "P2Y",
           "APPROX");
    expect("It lasted more than three months.", SEED,
           "more than three months", U, "P3M", "MORE_THAN");
    expect("It lasted nearly a decade.", SEED, "nearly a decade", U, "P10Y",
           "LESS_THAN");
    expect("Wait at least 30 days.", SEED, "at least 30 days", U, "P30D",
           "EQUAL_OR_MORE");
    expect("Wait up to 180 days.", SEED, "up to 180 days", U, "P180D",
           "EQUAL_OR_LESS");
    expect("It happened around Nov. 1.", SEED, "around Nov. 1", D,
           "2018-11-01", "APPROX");
    expect("Sales rise in 2020 and beyond.", SEED, "2020 and beyond", D,
           "2020", "ON_OR_AFTER");
}

static void timex_reference_words(void **state)
{
    (void)state;
    expect("Prices are now falling.", SEED, "now", D, "PRESENT_REF", NULL);
    expect("Prices are currently falling.", SEED, "currently", D,
           "PRESENT_REF", NULL);
    expect("Prices fell recently.", SEED, "recently", D, "PAST_REF", NULL);
    expect("Things were different in the past.", SEED, "the past", D,
           "PAST_REF", NULL);
    expect("Prices may rise in the future.", SEED, "the future", D,
           "FUTURE_REF", NULL);
}

static void timex_anchored_to_last_date(void **state)
{
    (void)state;
    const char *text = "Profit rose 10% in the third quarter. A year earlier, "
                       "the company lost money.";
    evg_doc *doc = run(text, "1989-10-26");
    const evg_timex *q = find(doc, "the third quarter");
    const evg_timex *y = find(doc, "A year earlier");
    assert_non_null(q);
    assert_non_null(y);
    assert_string_equal(q->value, "1989-Q3");
    assert_string_equal(y->value, "1988-Q3");
    evg_doc_free(doc);
    expect("He arrived on Feb. 3. Later that day he left.", "1998-02-27",
           "Later that day", D, "1998-02-03", "END");
    /* the report's own quarter, not one mentioned in passing or ahead */
    expect("Net rose in the third quarter. After a flat second quarter, "
           "sales grew. Charges hit the year-earlier period.",
           "1989-11-01", "the year-earlier period", D, "1988-Q3", NULL);
    expect("Profit fell in the third quarter. Losses may last through the "
           "third quarter of 1990. In the year-ago period, it earned $1.",
           "1989-10-26", "the year-ago period", D, "1988-Q3", NULL);
    expect("He was promoted in March 1995, and the following year he "
           "retired.", "1998-04-18", "the following year", D, "1996", NULL);
}

static void timex_nearby_months_and_year_end(void **state)
{
    (void)state;
    /* no tense cue: a month up to three months ahead is the coming one */
    expect("The loans run through January.", "1989-10-30", "January", D,
           "1990-01", NULL);
    expect("Its shares peaked in March.", "1989-11-02", "March", D,
           "1989-03", NULL);
    expect("The deal had been due to expire Friday evening.", "1989-10-30",
           "Friday evening", EVG_TIMEX_TIME, "1989-10-27TEV", NULL);
    /* "year-end" is the closing date of the books */
    expect("It hopes to close the sale by year-end.", "1989-11-02",
           "year-end", D, "1989-12-31", NULL);
    expect("The index is up 4% since year-end.", "1989-10-30", "year-end",
           D, "1988-12-31", NULL);
    /* the start of what has gone on "since" a month is past, whatever
     * the infinitive in the clause says */
    expect("Acme has been trying to buy Vexco since December.",
           "2007-06-09", "December", D, "2006-12", NULL);
    expect("The sale should close by year end.", "1989-10-30",
           "year end", D, "1989", "END");
    expect("They will live without it for a while.", "1998-01-11",
           "a while", EVG_TIMEX_DURATION, "PXX", NULL);
    expect("Funds will sell bonds in the weeks ahead.", "1989-10-27",
           "the weeks ahead", EVG_TIMEX_DURATION, "PXW", NULL);
    expect("The bomb hit the 8-month-old truce.", "1998-03-22",
           "8-month-old", EVG_TIMEX_DURATION, "P8M", NULL);
    expect_none("He is a 37-year-old lawyer.");
    expect("Islam will one day be the largest faith there.", "1998-03-03",
           "one day", D, "FUTURE_REF", NULL);
    expect("Losses will last through the first two quarters of 1990.",
           "1989-10-26", "the first two quarters of 1990", D, "1990-H1",
           NULL);
    expect("Sales stalled in the last half of the '80s.", "1989-10-26",
           "the last half of the '80s", D, "198", "END");
    expect("In the quarter ended July 31, Jayark had a loss.", "1989-10-30",
           "the quarter", D, "1989-Q2", NULL);
    expect("Flights leave on Tuesday nights from March 30.", "1998-02-13",
           "Tuesday nights", EVG_TIMEX_SET, "XXXX-WXX-2TNI", NULL);
    expect("Stocks fell Friday, down 4.5% from the previous Friday.",
           "1989-10-30", "previous Friday", D, "1989-10-20", NULL);
    expect_none("This is VOA Today.");
    expect("The stock will terminate on Nov. 30. Until then, it trades.",
           "1989-10-30", "then", D, "1989-11-30", NULL);
    expect("Eight days after Oct. 12, the day before the plunge, it fell.",
           "1989-10-30", "the day", D, "1989-10-12", NULL);
    expect("For the quarter ended Sept. 30, net rose to $133 million from "
           "$100 million a year earlier.", "1989-10-26", "a year earlier", D,
           "1988-09-30", NULL);
    expect("Over the years many more patients survived.", "1998-03-31",
           "the years", EVG_TIMEX_DURATION, "PXY", NULL);
    expect("The offer runs until 5 p.m. EST, Nov. 6.", "1989-10-30",
           "5 p.m. EST, Nov. 6", EVG_TIMEX_TIME, "1989-11-06T17:00", NULL);
}

static void timex_false_alarms(void **state)
{
    (void)state;
    expect_none("You may leave whenever you want.");
    expect_none("May I ask a question?");
    expect_none("Thousands march on the capital.");
    expect_none("The Sunday Times reported the story.");
    expect_none("The plant employs 1,500 workers.");
    expect_none("He paid $1990 for the car.");
    expect_none("Turnout rose 2015 votes.");
    expect_none("Some 1250 people were evacuated from room 1999.");
    expect_none("He was 37 years old.");
    expect_none("The company cut its quarterly dividend.");
    expect_none("The fall of the Berlin Wall changed Europe.");
    expect_none("Iraq imports about three-quarters of its food.");
    expect_none("The second group arrived.");
}

static void timex_without_dct_uses_x(void **state)
{
    (void)state;
    expect("He left last week.", NULL, "last week", D, "XXXX-WXX", NULL);
    expect("He left yesterday.", NULL, "yesterday", D, "XXXX-XX-XX", NULL);
    expect("He left on Thursday.", NULL, "Thursday", D, "XXXX-WXX-4", NULL);
    expect("He left on May 23.", NULL, "May 23", D, "XXXX-05-23", NULL);
    expect("Sales fell last year.", NULL, "last year", D, "XXXX", NULL);
    expect("He left in 2017.", NULL, "2017", D, "2017", NULL);
}

static void timex_calendar_bounds(void **state)
{
    (void)state;
    const char *text = "He left last week. Profit rose in the second quarter "
                       "of 2019. Prices rose in the 1990s. The US will delay "
                       "the ban for another 90 days. Talks ended in "
                       "February 2020.";
    evg_doc *doc = run(text, SEED);
    static const char *const want[][3] = {
        {"last week", "2019-05-13", "2019-05-19"},
        {"the second quarter of 2019", "2019-04-01", "2019-06-30"},
        {"the 1990s", "1990-01-01", "1999-12-31"},
        {"another 90 days", "2019-05-23", "2019-08-20"},
        {"February 2020", "2020-02-01", "2020-02-29"}};
    for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
        const evg_timex *t = find(doc, want[i][0]);
        if (!t)
            dump(doc);
        assert_non_null(t);
        assert_non_null(t->lo);
        assert_non_null(t->hi);
        assert_string_equal(t->lo, want[i][1]);
        assert_string_equal(t->hi, want[i][2]);
    }
    evg_doc_free(doc);
}

/* The built-in word list parses completely: three tab-separated fields,
 * a known class and a number on every line that is not a comment. */
static void timex_word_list_is_well_formed(void **state)
{
    (void)state;
    const evg_embedded *f = evg_extract__embedded("timex.tsv");
    assert_non_null(f);
    const char *p = f->data, *end = f->data + f->len;
    int lines = 0;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        if (n && p[0] != '#') {
            char line[128];
            assert_true(n < sizeof(line));
            memcpy(line, p, n);
            line[n] = '\0';
            char *t1 = strchr(line, '\t');
            assert_non_null(t1);
            char *t2 = strchr(t1 + 1, '\t');
            assert_non_null(t2);
            char *e;
            strtol(t2 + 1, &e, 10);
            assert_true(e != t2 + 1 && *e == '\0');
            assert_true(t1 - line < 16);
            lines++;
        }
        p += n + 1;
    }
    assert_true(lines > 100);
}

static void timex_bad_input_does_not_crash(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "On 99/99/9999 at 25:61 on Febtember 31st, 2019-02-30.",
        "the the the of of - - - 's 's",
        "999999999999 years ago, in the 99999999th century.",
        "a a a a half half an an hour hour quarter quarter",
        "last last last next next this week week"};
    for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
        evg_doc *doc = run(texts[i], SEED);
        for (size_t k = 0; k < doc->n_timexes; k++)
            assert_non_null(doc->timexes[k].value);
        evg_doc_free(doc);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(timex_seed_article_expressions),
        cmocka_unit_test(timex_absolute_dates),
        cmocka_unit_test(timex_decades_centuries_quarters_seasons),
        cmocka_unit_test(timex_relative_days),
        cmocka_unit_test(timex_relative_periods),
        cmocka_unit_test(timex_weekdays_follow_tense),
        cmocka_unit_test(timex_iso_weeks_around_new_year),
        cmocka_unit_test(timex_clock_times),
        cmocka_unit_test(timex_on_the_token_layer),
        cmocka_unit_test(timex_durations),
        cmocka_unit_test(timex_sets),
        cmocka_unit_test(timex_modifiers),
        cmocka_unit_test(timex_reference_words),
        cmocka_unit_test(timex_anchored_to_last_date),
        cmocka_unit_test(timex_nearby_months_and_year_end),
        cmocka_unit_test(timex_false_alarms),
        cmocka_unit_test(timex_without_dct_uses_x),
        cmocka_unit_test(timex_calendar_bounds),
        cmocka_unit_test(timex_word_list_is_well_formed),
        cmocka_unit_test(timex_bad_input_does_not_crash),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
