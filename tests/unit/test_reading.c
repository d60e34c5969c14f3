/* Unit tests of reading an article: datelines (DCT, place, source),
 * sentence splitting for news English, boilerplate marking and the
 * sentence length limit. Each test runs the whole pipeline through
 * evg_extract_text(). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "evgraph/evgraph.h"
#include "pipeline.h" /* evg_extract__text_owned */

static evg_doc *extract(const char *text, const char *dct)
{
    evg_extract_opts o;
    evg_extract_opts_init(&o);
    o.dct = dct;
    evg_doc *doc = NULL;
    evg_error err;
    evg_error_clear(&err);
    int rc = evg_extract_text(text, strlen(text), &o, &doc, &err);
    if (rc)
        fail_msg("extract failed: %s", err.message);
    return doc;
}

/* The sentence texts joined by " | ". */
static void sentences(const evg_doc *doc, char *out, size_t cap)
{
    size_t k = 0;
    out[0] = '\0';
    for (size_t i = 0; i < doc->n_sentences; i++) {
        int w = snprintf(out + k, cap - k, "%s%s", i ? " | " : "",
                         doc->sentences[i].text);
        if (w < 0 || (size_t)w >= cap - k)
            break;
        k += (size_t)w;
    }
}

static void expect_split(const char *text, const char *want)
{
    evg_doc *doc = extract(text, "2019-05-23");
    char got[2048];
    sentences(doc, got, sizeof(got));
    assert_string_equal(got, want);
    evg_doc_free(doc);
}

static void reading_abbreviations_do_not_split(void **state)
{
    (void)state;
    expect_split("Mr. Smith met Gen. Jones on Jan. 5 at Acme Inc. in "
                 "Washington. They talked.",
                 "Mr. Smith met Gen. Jones on Jan. 5 at Acme Inc. in "
                 "Washington. | They talked.");
}

static void reading_us_inside_and_at_end(void **state)
{
    (void)state;
    expect_split("The U.S. Navy sailed. Officials moved to the U.S. The "
                 "talks ended.",
                 "The U.S. Navy sailed. | Officials moved to the U.S. | The "
                 "talks ended.");
}

static void reading_initials_and_decimals(void **state)
{
    (void)state;
    expect_split("Donald J. Trump said growth was 3.5 percent. Prices rose.",
                 "Donald J. Trump said growth was 3.5 percent. | Prices "
                 "rose.");
}

static void reading_ellipses(void **state)
{
    (void)state;
    expect_split("He waited... and waited. Then... Nothing happened.",
                 "He waited... and waited. | Then... | Nothing happened.");
}

static void reading_quotes(void **state)
{
    (void)state;
    expect_split("\"We will win,\" he said. \"Why?\" she asked. "
                 "\xe2\x80\x9cNo.\xe2\x80\x9d The end.",
                 "\"We will win,\" he said. | \"Why?\" she asked. | "
                 "\xe2\x80\x9cNo.\xe2\x80\x9d | The end.");
}

static void reading_paragraphs_and_headlines(void **state)
{
    (void)state;
    expect_split("Talks Collapse in Geneva\nThe talks collapsed on "
                 "Monday\nafter hours of debate.\n\nA second paragraph "
                 "without a stop\n\nThird one.",
                 "Talks Collapse in Geneva | The talks collapsed on "
                 "Monday\nafter hours of debate. | A second paragraph "
                 "without a stop | Third one.");
}

static void reading_tokenized_text_glued_at_stops(void **state)
{
    (void)state;
    expect_split("It used Intel processors .The iMac is faster , they said "
                 ".",
                 "It used Intel processors . | The iMac is faster , they "
                 "said .");
}

/* Each <s> element of a tokenized TimeML file is a sentence of its own,
 * glued to the next one or one per line: a headline, a date line and the
 * first sentence stay apart. */
static void reading_timeml_sentences(void **state)
{
    (void)state;
    char dir[] = "/tmp/evgrdXXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof(path), "%s/a.tml", dir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs("<TimeML><DOCID>7</DOCID><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" "
          "value=\"2007-03-19\" functionInDocument=\"CREATION_TIME\">"
          "2007-03-19</TIMEX3></DCT><TEXT><s id=\"0\">Talks resume in "
          "Geneva</s><s id=\"1\">March 19 , 2007</s><s id=\"2\">The "
          "talks resumed on Monday .</s>\n<s id=\"3\">Officials met at "
          "the UN</s>\n<s id=\"4\">They agreed .</s></TEXT></TimeML>",
          f);
    fclose(f);
    evg_input *in;
    evg_error err;
    evg_error_clear(&err);
    assert_int_equal(evg_input_open(path, 0, &in, &err), 0);
    evg_article art;
    assert_int_equal(evg_input_next(in, &art, &err), 1);
    /* a blank line after each element: offsets count it */
    assert_non_null(strstr(art.text, "Geneva\n\nMarch 19 , 2007\n\nThe"));
    evg_extract_opts o;
    evg_extract_opts_init(&o);
    o.dct = art.dct;
    evg_doc *doc = NULL;
    assert_int_equal(evg_extract_text(art.text, art.len, &o, &doc, &err), 0);
    char got[512];
    sentences(doc, got, sizeof(got));
    assert_string_equal(got, "Talks resume in Geneva | March 19 , 2007 | The "
                             "talks resumed on Monday . | Officials met at "
                             "the UN | They agreed .");
    evg_doc_free(doc);
    evg_input_free(in);
    unlink(path);
    rmdir(dir);
}

/* Tokenized text sets closing quotes and brackets off from the stop: they
 * stay with their sentence, an opening quote goes with the next one. */
static void reading_tokenized_closers(void **state)
{
    (void)state;
    expect_split("He said , \" We won . \" Then he left .",
                 "He said , \" We won . \" | Then he left .");
    expect_split("He said `` We won . '' Then he left .",
                 "He said `` We won . '' | Then he left .");
    expect_split("They are faster ( up to four times . ) The iMac sold .",
                 "They are faster ( up to four times . ) | The iMac sold .");
    expect_split("He won . \" We are happy , \" he said .",
                 "He won . | \" We are happy , \" he said .");
    /* a quotation over several sentences closes at the paragraph end */
    expect_split("He said : \" We won . We are happy . \"\n\nThey left .",
                 "He said : \" We won . | We are happy . \" | They left .");
    expect_split("It reads , \" One more thing ... \" , the tagline .",
                 "It reads , \" One more thing ... \" , the tagline .");
}

static void reading_wrapped_lines_do_not_split(void **state)
{
    (void)state;
    expect_split("The U.S. Navy and the Japanese Self Defense Forces\n"
                 "conducted exercises on Monday.",
                 "The U.S. Navy and the Japanese Self Defense Forces\n"
                 "conducted exercises on Monday.");
}

static void reading_offsets_point_into_text(void **state)
{
    (void)state;
    const char *text = "First one. Second one.";
    evg_doc *doc = extract(text, "2019-05-23");
    assert_int_equal(doc->n_sentences, 2);
    assert_int_equal(doc->sentences[1].start, 11);
    assert_int_equal(doc->sentences[1].end, strlen(text));
    evg_doc_free(doc);
}

/* A text the document takes (evg_extract__text_owned) reads as a copy
 * does: valid UTF-8 becomes the document's text itself, with lone CRs
 * made LFs in it; each sentence's text is its span of the document's
 * text; text the reading refuses or replaces is freed (the sanitizer's
 * leak check). */
static void reading_owned_text(void **state)
{
    (void)state;
    const char *text = "First one.\rSecond one.\r\nThird one.";
    evg_doc *a = extract(text, "2019-05-23");
    evg_extract_opts o;
    evg_extract_opts_init(&o);
    o.dct = "2019-05-23";
    evg_error err;
    char *own = strdup(text);
    evg_doc *b = NULL;
    assert_int_equal(evg_extract__text_owned(own, strlen(text), &o, &b, &err),
                     0);
    assert_ptr_equal(b->text, own);
    assert_string_equal(a->text, b->text);
    assert_int_equal(a->n_sentences, 3);
    assert_int_equal(b->n_sentences, a->n_sentences);
    for (size_t i = 0; i < b->n_sentences; i++) {
        const evg_sentence *sa = &a->sentences[i], *sb = &b->sentences[i];
        assert_int_equal(sa->start, sb->start);
        assert_int_equal(sa->end, sb->end);
        assert_string_equal(sa->text, sb->text);
        assert_int_equal(strlen(sb->text), sb->end - sb->start);
        assert_memory_equal(sb->text, b->text + sb->start, strlen(sb->text));
    }
    evg_doc_free(a);
    evg_doc_free(b);
    o.lenient = 1;
    own = strdup("Bad \xff byte here.");
    assert_int_equal(evg_extract__text_owned(own, strlen(own), &o, &b, &err),
                     0);
    assert_string_equal(b->text, "Bad \xef\xbf\xbd byte here.");
    evg_doc_free(b);
    own = strdup("  \n ");
    assert_int_equal(evg_extract__text_owned(own, strlen(own), &o, &b, &err),
                     EVG_EEMPTY);
    assert_null(b);
}

static void reading_dateline_seed_form(void **state)
{
    (void)state;
    evg_doc *doc = extract(" date 2019-05-23 TOKYO (Sputnik) - The talks "
                           "ended.", NULL);
    assert_string_equal(doc->dct, "2019-05-23");
    assert_int_equal(doc->dct_source, EVG_DCT_DATELINE);
    assert_string_equal(doc->place, "TOKYO");
    assert_string_equal(doc->source, "Sputnik");
    assert_int_equal(doc->n_sentences, 1);
    assert_string_equal(doc->sentences[0].text, "The talks ended.");
    evg_doc_free(doc);
}

static void reading_dateline_wire_with_date(void **state)
{
    (void)state;
    evg_doc *doc = extract("WASHINGTON, May 23, 2019 (Reuters) - The "
                           "talks ended.", NULL);
    assert_string_equal(doc->dct, "2019-05-23");
    assert_string_equal(doc->place, "WASHINGTON");
    assert_string_equal(doc->source, "Reuters");
    assert_string_equal(doc->sentences[0].text, "The talks ended.");
    evg_doc_free(doc);
}

static void reading_dateline_place_source_dash(void **state)
{
    (void)state;
    evg_doc *doc = extract("LONDON (AP) \xe2\x80\x94 The talks ended.", NULL);
    assert_string_equal(doc->dct, "");
    assert_int_equal(doc->dct_source, EVG_DCT_NONE);
    assert_string_equal(doc->place, "LONDON");
    assert_string_equal(doc->source, "AP");
    assert_string_equal(doc->sentences[0].text, "The talks ended.");
    assert_true(evg_doc_warning_count(doc) >= 1); /* no DCT */
    evg_doc_free(doc);
}

static void reading_dateline_place_with_region(void **state)
{
    (void)state;
    evg_doc *doc = extract("BAGHDAD, Iraq (AP)_ An inspector resumed work.",
                           "1998-03-06");
    assert_string_equal(doc->place, "BAGHDAD, Iraq");
    assert_string_equal(doc->source, "AP");
    assert_string_equal(doc->sentences[0].text,
                        "An inspector resumed work.");
    evg_doc_free(doc);
}

static void reading_dateline_date_line(void **state)
{
    (void)state;
    evg_doc *doc = extract("Thursday, May 23, 2019\nThe talks ended.", NULL);
    assert_string_equal(doc->dct, "2019-05-23");
    assert_string_equal(doc->sentences[0].text, "The talks ended.");
    evg_doc_free(doc);
    doc = extract("23 May 2019\n\nThe talks ended.", NULL);
    assert_string_equal(doc->dct, "2019-05-23");
    evg_doc_free(doc);
}

static void reading_dateline_option_wins(void **state)
{
    (void)state;
    evg_doc *doc = extract("date 2019-05-23 TOKYO (Sputnik) - Text.",
                           "2020-01-02");
    assert_string_equal(doc->dct, "2020-01-02");
    assert_int_equal(doc->dct_source, EVG_DCT_OPTION);
    assert_string_equal(doc->place, "TOKYO");
    evg_doc_free(doc);
}

static void reading_no_dateline_in_ordinary_text(void **state)
{
    (void)state;
    evg_doc *doc = extract("NATO said on Monday it would meet.", NULL);
    assert_null(doc->place);
    assert_string_equal(doc->sentences[0].text,
                        "NATO said on Monday it would meet.");
    evg_doc_free(doc);
    doc = extract("May 2019 was warm. It rained.", NULL);
    assert_string_equal(doc->dct, "");
    evg_doc_free(doc);
}

static void reading_boilerplate_marked(void **state)
{
    (void)state;
    evg_doc *doc = extract(
        "The talks ended on Monday.\n\n"
        "READ MORE: Who Won the Talks?\n\n"
        "\xc2\xa9 Sputnik / John Smith Lawmakers Introduce Bill to Ban "
        "Imports\n\n"
        "The ministers left.\n\n"
        "Follow us on Twitter for more.\n\n"
        "Copyright 2019 Example News. All rights reserved.",
        "2019-05-23");
    assert_int_equal(doc->n_sentences, 7);
    assert_false(doc->sentences[0].boilerplate);
    assert_true(doc->sentences[1].boilerplate);
    assert_true(doc->sentences[2].boilerplate);
    assert_false(doc->sentences[3].boilerplate);
    assert_true(doc->sentences[4].boilerplate);
    assert_true(doc->sentences[5].boilerplate);
    assert_true(doc->sentences[6].boilerplate); /* All rights reserved. */
    evg_doc_free(doc);
}

static void reading_captions_marked(void **state)
{
    (void)state;
    evg_doc *doc = extract("Talks resumed in Geneva.\n\nProtesters gather "
                           "outside the venue on Monday. (Photo: AFP)\n\n"
                           "Image caption The delegates arrived late.\n\n"
                           "The talks ended.",
                           "2019-05-23");
    size_t marked = 0;
    for (size_t i = 0; i < doc->n_sentences; i++)
        marked += (size_t)doc->sentences[i].boilerplate;
    assert_int_equal(doc->n_sentences, 5);
    assert_false(doc->sentences[0].boilerplate);
    assert_true(doc->sentences[1].boilerplate); /* the caption */
    assert_true(doc->sentences[2].boilerplate); /* its credit */
    assert_true(doc->sentences[3].boilerplate);
    assert_false(doc->sentences[4].boilerplate);
    assert_int_equal(marked, 3);
    evg_doc_free(doc);
}

static void reading_seed_boilerplate(void **state)
{
    (void)state;
    const char *path = EVG_SHARED_DIR "/seed/000_2a0cd735b0f74530.txt";
    FILE *f = fopen(path, "rb");
    if (!f) {
        printf("SKIP: %s not found (no ../shared)\n", path);
        skip();
    }
    char buf[16384];
    size_t n = fread(buf, 1, sizeof(buf) - 1, f);
    fclose(f);
    buf[n] = '\0';
    evg_doc *doc = extract(buf, NULL);
    assert_string_equal(doc->dct, "2019-05-23");
    assert_string_equal(doc->place, "TOKYO");
    assert_string_equal(doc->source, "Sputnik");
    size_t boiler = 0;
    for (size_t i = 0; i < doc->n_sentences; i++) {
        const evg_sentence *s = &doc->sentences[i];
        int teaser = strncmp(s->text, "READ MORE", 9) == 0;
        int credit = strstr(s->text, "\xc2\xa9 Sputnik") != NULL;
        assert_int_equal(s->boilerplate, teaser || credit);
        boiler += (size_t)s->boilerplate;
        if (credit) /* the glued headline belongs to the credit */
            assert_non_null(strstr(s->text, "Remove Huawei Equipment"));
    }
    assert_int_equal(boiler, 2);
    evg_doc_free(doc);
}

static void reading_sentence_limit(void **state)
{
    (void)state;
    char text[400];
    memset(text, 'a', sizeof(text) - 1);
    text[sizeof(text) - 1] = '\0';
    evg_extract_opts o;
    evg_extract_opts_init(&o);
    o.max_sentence = 100;
    o.dct = "2019-05-23";
    evg_doc *doc = NULL;
    evg_error err;
    evg_error_clear(&err);
    assert_int_equal(evg_extract_text(text, strlen(text), &o, &doc, &err),
                     EVG_ELIMIT);
    assert_null(doc);
    assert_non_null(strstr(err.message, "--max-sentence"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reading_abbreviations_do_not_split),
        cmocka_unit_test(reading_owned_text),
        cmocka_unit_test(reading_us_inside_and_at_end),
        cmocka_unit_test(reading_initials_and_decimals),
        cmocka_unit_test(reading_ellipses),
        cmocka_unit_test(reading_quotes),
        cmocka_unit_test(reading_paragraphs_and_headlines),
        cmocka_unit_test(reading_tokenized_text_glued_at_stops),
        cmocka_unit_test(reading_timeml_sentences),
        cmocka_unit_test(reading_tokenized_closers),
        cmocka_unit_test(reading_wrapped_lines_do_not_split),
        cmocka_unit_test(reading_offsets_point_into_text),
        cmocka_unit_test(reading_dateline_seed_form),
        cmocka_unit_test(reading_dateline_wire_with_date),
        cmocka_unit_test(reading_dateline_place_source_dash),
        cmocka_unit_test(reading_dateline_place_with_region),
        cmocka_unit_test(reading_dateline_date_line),
        cmocka_unit_test(reading_dateline_option_wins),
        cmocka_unit_test(reading_no_dateline_in_ordinary_text),
        cmocka_unit_test(reading_boilerplate_marked),
        cmocka_unit_test(reading_captions_marked),
        cmocka_unit_test(reading_seed_boilerplate),
        cmocka_unit_test(reading_sentence_limit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
