/* The word lists of extract/data/ and their one loader (extract/words/):
 * every shipped list loads with the flags its module reads it with, sorted
 * lists are in order, and a list that is missing, empty, malformed or out
 * of order is an EVG_EPARSE naming the file and line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <dirent.h>

#include "events.h"
#include "evgraph/extract.h"
#include "pipeline.h"
#include "timex.h"
#include "words.h"

#define S EVG_WORDS_SORTED
#define P EVG_WORDS_PAIRS
#define T EVG_WORDS_TRIPLES

/* Every .words file of extract/data/ and how it is read, and the other
 * files the loader reads. */
static const struct {
    const char *file;
    int flags;
} shipped[] = {
    {"abbreviations.words", 0},
    {"actor_sectors.words", S},
    {"abbreviations_final.words", 0},
    {"abbreviations_numeric.words", 0},
    {"auxiliaries.words", 0},
    {"be.words", 0},
    {"boundary_adverbs.words", P},
    {"boilerplate_leads.words", 0},
    {"boilerplate_markers.words", P},
    {"clause_boundaries.words", 0},
    {"clause_markers.words", 0},
    {"company_descriptors.words", 0},
    {"day_kinds.words", 0},
    {"decades.words", EVG_WORDS_COUNT(8)},
    {"definite_determiners.words", 0},
    {"determiners.words", 0},
    {"discards_skipped.words", S},
    {"dual_phrases.words", P},
    {"duration_fillers.words", 0},
    {"expletive_adjectives.words", 0},
    {"expletive_be.words", 0},
    {"finite_auxiliaries.words", 0},
    {"frame_conditional_marks.words", S},
    {"frame_future_auxiliaries.words", S},
    {"frame_hypothetical_heads.words", S},
    {"frame_light_verbs.words", S},
    {"frame_object_control.words", S},
    {"frame_locative_preps.words", S},
    {"frame_negative_heads.words", S},
    {"frame_reduced_passive_verbs.words", S},
    {"frame_occasion_preps.words", S},
    {"frame_opposition_nouns.words", S},
    {"frame_member_preps.words", S},
    {"frame_perfect_auxiliaries.words", S},
    {"frame_planned_heads.words", S},
    {"frame_recipient_preps.words", S},
    {"frame_relative_pronouns.words", S},
    {"frame_reporting.words", S},
    {"frame_scheduling_preps.words", S},
    {"frame_scheduling_verbs.words", S},
    {"frame_simultaneous_marks.words", S},
    {"elliptic_objects.words", 0},
    {"employer_titles.words", 0},
    {"ethnic_heads.words", 0},
    {"function_words.words", 0},
    {"generic_government.words", 0},
    {"government_heads.words", 0},
    {"government_plurals.words", 0},
    {"party_preps.words", 0},
    {"person_gender.words", P | S},
    {"pronouns_plural.words", 0},
    {"irregular_verbs.words", S | P},
    {"locatives.words", 0},
    {"modal_hypothetical.words", 0},
    {"modal_planned.words", 0},
    {"modals.words", 0},
    {"month_cues.words", 0},
    {"months.words", EVG_WORDS_COUNT(12)},
    {"name_connectors.words", 0},
    {"name_particles.words", 0},
    {"name_heads.words", 0},
    {"name_suffixes.words", 0},
    {"negations.words", 0},
    {"never_actors.words", S},
    {"nicknames.words", P},
    {"number_scales.words", 0},
    {"obligation_modals.words", 0},
    {"operation_words.words", 0},
    {"passive_adjectives.words", 0},
    {"past_titles.words", 0},
    {"period_current.words", 0},
    {"period_same.words", 0},
    {"phrase_openers.words", 0},
    {"place_heads.words", 0},
    {"place_kinds.words", 0},
    {"place_prefixes.words", 0},
    {"prepositions.words", 0},
    {"role_prepositions.words", 0},
    {"pronouns.words", 0},
    {"pronouns_first_plural.words", 0},
    {"pronouns_person.words", 0},
    {"pronouns_thing.words", 0},
    {"publication_heads.words", 0},
    {"quantifiers.words", 0},
    {"quantity_nouns.words", 0},
    {"raising_verbs.words", 0},
    {"report_time_fillers.words", 0},
    {"reporter_pronouns.words", 0},
    {"role_modifiers.words", 0},
    {"sentence_openers.words", 0},
    {"short_months.words", 0},
    {"state_media_marks.words", 0},
    {"subject_pronouns.words", 0},
    {"subordinators.words", 0},
    {"summary_dangling.words", 0},
    {"timex.tsv", T},
    {"transnational_words.words", 0},
    {"ultimatum_marks.words", 0},
    {"vehicles.words", 0},
    {"product_heads.words", 0},
    {"weekdays.words", 0},
    {"year_blockers_after.words", 0},
    {"year_blockers_before.words", 0},
};
#define N_SHIPPED (sizeof(shipped) / sizeof(shipped[0]))

static int lower_case(const char *w)
{
    for (; *w; w++)
        if (*w >= 'A' && *w <= 'Z')
            return 0;
    return 1;
}

/* Each shipped list loads, is lower case, NULL-terminated, in order when
 * sorted, and two columns wide when a list of pairs. */
static void words_shipped_lists_load(void **state)
{
    (void)state;
    evg_error err;
    for (size_t i = 0; i < N_SHIPPED; i++) {
        const char *const *w = NULL;
        size_t n = 0;
        int rc = evg_words_list(shipped[i].file, shipped[i].flags, &w, &n,
                                &err);
        if (rc)
            fail_msg("%s: %s", shipped[i].file, err.message);
        assert_true(n > 0);
        size_t cols = evg_words_columns(shipped[i].flags);
        size_t words = cols * n;
        assert_null(w[words]);
        for (size_t k = 0; k < words; k++) {
            assert_non_null(w[k]);
            assert_true(lower_case(w[k]));
        }
        if (shipped[i].flags & S)
            for (size_t k = cols; k < words; k += cols)
                assert_true(strcmp(w[k - cols], w[k]) < 0);
    }
}

/* Every .words file in the source tree is one the table above names (so
 * each is checked), and each named one exists. */
static void words_every_file_is_known(void **state)
{
    (void)state;
    DIR *d = opendir(EVG_SOURCE_DIR "/extract/data");
    assert_non_null(d);
    size_t seen = 0;
    for (struct dirent *e; (e = readdir(d));) {
        size_t l = strlen(e->d_name);
        if (l < 6 || strcmp(e->d_name + l - 6, ".words") != 0)
            continue;
        size_t i = 0;
        while (i < N_SHIPPED && strcmp(shipped[i].file, e->d_name) != 0)
            i++;
        if (i == N_SHIPPED)
            fail_msg("extract/data/%s is not checked by test_words.c",
                     e->d_name);
        seen++;
    }
    closedir(d);
    size_t named = 0;
    for (size_t i = 0; i < N_SHIPPED; i++) {
        size_t l = strlen(shipped[i].file);
        named += l > 6 && strcmp(shipped[i].file + l - 6, ".words") == 0;
    }
    assert_int_equal(seen, named);
}

/* Lists are parsed once and shared; the modules' loaders succeed. */
static void words_parsed_once(void **state)
{
    (void)state;
    evg_error err;
    const char *const *a = NULL, *const *b = NULL;
    assert_int_equal(evg_words_list("be.words", 0, &a, NULL, &err), 0);
    assert_int_equal(evg_words_list("be.words", 0, &b, NULL, &err), 0);
    assert_ptr_equal(a, b);
    assert_int_equal(evg_events__load_words(&err), 0);
    assert_int_equal(evg_events__load_lemmas(&err), 0);
    assert_int_equal(evg_timex__load_words(&err), 0);
    assert_string_equal(evg_timex__decades[7], "nineties");
    /* a set loads each of its lists */
    const char *const *x = NULL, *const *y = NULL;
    size_t nx = 0;
    const evg_words_use use[] = {{"be.words", 0, &x, &nx},
                                 {"irregular_verbs.words", S | P, &y, NULL}};
    evg_words_set set = EVG_WORDS_SET(use);
    assert_int_equal(evg_words_load(&set, &err), 0);
    assert_ptr_equal(x, a);
    assert_true(nx > 0);
    assert_string_equal(y[0], "arose");
    assert_string_equal(y[1], "arise");
    assert_int_equal(evg_words_load(&set, &err), 0);
}

static int parse(const char *text, int flags, evg_error *err)
{
    char *buf = NULL;
    const char **w = NULL;
    size_t n = 0;
    int rc = evg_words_parse("test.words", text, strlen(text), flags, &buf,
                             &w, &n, err);
    if (!rc)
        assert_null(w[evg_words_columns(flags) * n]);
    free(buf);
    free(w);
    return rc;
}

/* The one error policy: EVG_EPARSE naming the file and the line. */
static void expect_error(const char *text, int flags, const char *where)
{
    evg_error err;
    memset(&err, 0, sizeof(err));
    if (parse(text, flags, &err) != EVG_EPARSE)
        fail_msg("no error for \"%s\"", text);
    if (!strstr(err.message, "extract/data/test.words") ||
        !strstr(err.message, where))
        fail_msg("\"%s\": message \"%s\" does not say \"%s\"", text,
                 err.message, where);
}

static void words_bad_lists_fail(void **state)
{
    (void)state;
    evg_error err;
    /* good ones: comments and blank lines are skipped, phrases and
     * UTF-8 are words */
    assert_int_equal(parse("# c\n\nthe\nin this photo\n\xe2\x80\x99s\n", 0,
                           &err),
                     0);
    assert_int_equal(parse("a\nb\nc", S, &err), 0);
    assert_int_equal(parse("arose\tarise\nbegan\tbegin\n", S | P, &err), 0);
    /* missing */
    const char *const *w;
    assert_int_equal(evg_words_list("no_such.words", 0, &w, NULL, &err),
                     EVG_EPARSE);
    assert_non_null(strstr(err.message, "extract/data/no_such.words"));
    /* empty */
    expect_error("", 0, "empty");
    expect_error("# only a comment\n\n", 0, "empty");
    /* malformed words */
    expect_error("the\nThe\n", 0, "line 2");
    expect_error("the\nan \n", 0, "line 2");
    expect_error("# c\n a\n", 0, "line 2");
    expect_error("a\tb\n", 0, "line 1");
    expect_error("a\r\n", 0, "line 1");
    expect_error("a\n"
                 "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                 "\n",
                 0, "line 2");
    /* malformed pairs: no tab, two tabs, an empty or bad column */
    expect_error("arose\tarise\nbegan\n", P, "line 2");
    expect_error("arose\tarise\tx\n", P, "line 1");
    expect_error("arose\t\n", P, "line 1");
    expect_error("\tarise\n", P, "line 1");
    expect_error("arose\tArise\n", P, "line 1");
    /* triples: three words, two tabs */
    assert_int_equal(parse("may\tmonth\t5\n# c\nweek\tunit\t7\n", T, &err),
                     0);
    expect_error("may\tmonth\t5\nweek\tunit\n", T, "line 2");
    expect_error("may\tmonth\t5\tx\n", T, "line 1");
    expect_error("may\tmonth\t\n", T, "line 1");
    /* out of order or repeated, when sorted */
    expect_error("b\na\n", S, "line 2");
    expect_error("a\n# c\na\n", S, "line 3");
    expect_error("began\tbegin\narose\tarise\n", S | P, "line 2");
    assert_int_equal(parse("b\na\n", 0, &err), 0); /* order is free */
    /* a list of a fixed length */
    assert_int_equal(parse("a\nb\n", EVG_WORDS_COUNT(2), &err), 0);
    expect_error("a\nb\nc\n", EVG_WORDS_COUNT(2), "3 entries where 2");
    expect_error("a\n", EVG_WORDS_COUNT(2), "1 entries where 2");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(words_shipped_lists_load),
        cmocka_unit_test(words_every_file_is_known),
        cmocka_unit_test(words_parsed_once),
        cmocka_unit_test(words_bad_lists_fail),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
