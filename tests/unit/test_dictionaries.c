/* Unit tests of the dictionary readers (extract/lexicon/petrarch.c,
 * gazetteer.c) through --dict files written here: TABARI/PETRARCH .actors
 * with codes restricted to dates and chosen by the document's date, agents
 * that combine with a country, discard lists, the detection of each
 * format and the errors on malformed files; and the shipped Phoenix
 * dictionaries as the built-in actor knowledge. */
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
#include "lexicon/lexicon.h"

/* Writes `data` to a temporary file whose name ends with `suffix`; the
 * caller unlinks it. */
static void write_tmp(char *path, size_t cap, const char *suffix,
                      const char *data)
{
    snprintf(path, cap, "/tmp/evg_dict_%ld_%s", (long)getpid(), suffix);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(data, f);
    fclose(f);
}

static evg_lexicon *load(const char *suffix, const char *data, char *path,
                         size_t cap)
{
    write_tmp(path, cap, suffix, data);
    const char *files[] = {path};
    evg_lexicon *lex = NULL;
    evg_error err;
    evg_error_clear(&err);
    if (evg_lexicon_load(files, 1, &lex, &err))
        fail_msg("load failed: %s", err.message);
    return lex;
}

/* The error message of loading `data` as a dictionary (EVG_EPARSE). */
static void load_fails(const char *suffix, const char *data, const char *want)
{
    char path[256];
    write_tmp(path, sizeof(path), suffix, data);
    const char *files[] = {path};
    evg_lexicon *lex = NULL;
    evg_error err;
    evg_error_clear(&err);
    assert_int_equal(evg_lexicon_load(files, 1, &lex, &err), EVG_EPARSE);
    assert_null(lex);
    if (!strstr(err.message, want))
        fail_msg("'%s' does not say '%s'", err.message, want);
    assert_non_null(strstr(err.message, path));
    unlink(path);
}

static evg_doc *extract_at(const char *text, const char *dct,
                           const evg_lexicon *lex)
{
    evg_extract_opts o;
    evg_extract_opts_init(&o);
    o.dct = dct;
    o.lexicon = lex;
    evg_doc *doc = NULL;
    evg_error err;
    evg_error_clear(&err);
    if (evg_extract_text(text, strlen(text), &o, &doc, &err))
        fail_msg("extract failed: %s", err.message);
    return doc;
}

/* The entity with a mention whose text is `m`, or NULL. */
static const evg_entity *by_mention(const evg_doc *doc, const char *m)
{
    for (size_t i = 0; i < doc->n_entities; i++)
        for (size_t k = 0; k < doc->entities[i].n_mentions; k++)
            if (!strcmp(doc->entities[i].mentions[k].span.text, m))
                return &doc->entities[i];
    return NULL;
}

static void dictionaries_format_detection(void **state)
{
    (void)state;
    const char *ours = "# mine\nZorblax\torg\tFRABUS\tZorblax\n";
    const char *actors = "# actors\nZORBLAX_DYNAMICS_  [FRABUS]\n"
                         "+ZORBLAX\n";
    const char *agents = "!PERSON! = MAN, WOMAN\nFERRY!PERSON! [~BUS]\n";
    const char *agents2 = "LIGHTHOUSE_KEEPER [~GOV] # note\n";
    const char *discards = "+CRICKET_\nMARATHON\n";
    assert_int_equal(evg_extract__dict_format(ours, strlen(ours), "a.tsv"),
                     EVG_DICT_GAZETTEER);
    assert_int_equal(evg_extract__dict_format("#evgraph:triggers\n", 18,
                                              "t.tsv"),
                     EVG_DICT_TRIGGERS);
    assert_int_equal(evg_extract__dict_format(actors, strlen(actors),
                                              "x.actors"),
                     EVG_DICT_ACTORS);
    assert_int_equal(evg_extract__dict_format(agents, strlen(agents), "x"),
                     EVG_DICT_AGENTS);
    assert_int_equal(evg_extract__dict_format(agents2, strlen(agents2), "x"),
                     EVG_DICT_AGENTS);
    assert_int_equal(evg_extract__dict_format(discards, strlen(discards),
                                              "my.discards.txt"),
                     EVG_DICT_DISCARDS);
    /* plain words are a discard list only by the file's name */
    assert_int_equal(evg_extract__dict_format(discards, strlen(discards),
                                              "words.txt"),
                     EVG_DICT_UNKNOWN);
    load_fails("words.txt", discards, "not a dictionary format");
}

static const char two_presidents[] =
    "# two men called President Halvard, at different times\n"
    "ARNE_HALVARD_  # the elder\n"
    "+PRESIDENT_HALVARD\n"
    "\t[NORELI 19500101-19890119]\n"
    "\t[NORGOV 890120-930120]\n"
    "\t[NORELI]\n"
    "ARNE_B._HALVARD_\n"
    "+PRESIDENT_HALVARD_\n"
    "\t[NORELI 640101-010119]\n"
    "\t[NORGOV 010120-090120]\n"
    "\t[NORELI]\n"
    "KNUT_OSKARSEN_ [NORGOV 20150101-20191231] [NORELI]\n";

static void dictionaries_dated_codes_follow_the_date(void **state)
{
    (void)state;
    char path[256];
    evg_lexicon *lex = load("people.actors", two_presidents, path,
                            sizeof(path));
    const char *text = "President Halvard met Knut Oskarsen in Oslo.";
    struct {
        const char *dct, *name, *code, *knut;
    } want[] = {{"1990-06-01", "Arne Halvard", "NORGOV", "NORELI"},
                {"2003-06-01", "Arne B. Halvard", "NORGOV", "NORELI"},
                /* out of office for the dictionary, but the text says
                 * "President": the title wins (see below) */
                {"2017-06-01", "Arne Halvard", "NORGOV", "NORGOV"}};
    for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
        evg_doc *doc = extract_at(text, want[i].dct, lex);
        const evg_entity *p = by_mention(doc, "President Halvard");
        assert_non_null(p);
        assert_string_equal(p->name, want[i].name);
        assert_string_equal(p->code, want[i].code);
        assert_int_equal(p->kind, EVG_KIND_PERSON);
        const evg_entity *k = by_mention(doc, "Knut Oskarsen");
        assert_non_null(k);
        assert_string_equal(k->code, want[i].knut);
        evg_doc_free(doc);
    }
    evg_lexicon_free(lex);
    unlink(path);
}

/* A role that changes hands, dated in the dictionary: the holder at the
 * document's date. */
static void dictionaries_office_resolves_by_date(void **state)
{
    (void)state;
    char path[256];
    evg_lexicon *lex = load("ceo.actors",
                            "ANNA_BERG_\n"
                            "+CHIEF_EXECUTIVE_OF_NORDAX\n"
                            "\t[SWEBUS 20100101-20151231]\n"
                            "\t[SWEELI]\n"
                            "JONAS_LIND_\n"
                            "+CHIEF_EXECUTIVE_OF_NORDAX_\n"
                            "\t[SWEBUS 20160101-20221231]\n",
                            path, sizeof(path));
    const char *text = "The chief executive of Nordax resigned on Monday.";
    evg_doc *doc = extract_at(text, "2012-04-02", lex);
    const evg_entity *p = by_mention(doc, "chief executive of Nordax");
    assert_non_null(p);
    assert_string_equal(p->name, "Anna Berg");
    assert_string_equal(p->code, "SWEBUS");
    evg_doc_free(doc);
    doc = extract_at(text, "2018-04-02", lex);
    p = by_mention(doc, "chief executive of Nordax");
    assert_non_null(p);
    assert_string_equal(p->name, "Jonas Lind");
    evg_doc_free(doc);
    evg_lexicon_free(lex);
    unlink(path);
}

static void dictionaries_title_in_text_outranks_elite(void **state)
{
    (void)state;
    char path[256];
    evg_lexicon *lex = load("people.actors", two_presidents, path,
                            sizeof(path));
    /* out of office at the date (NORELI), but the text calls him
     * Minister: the title says what he is; "former" keeps the elite */
    evg_doc *doc = extract_at("Prime Minister Knut Oskarsen spoke. Former "
                              "Prime Minister Arne Halvard listened.",
                              "2012-03-01", lex);
    assert_string_equal(by_mention(doc, "Prime Minister Knut Oskarsen")->code,
                        "NORGOV");
    const evg_entity *a = by_mention(doc,
                                     "Former Prime Minister Arne Halvard");
    assert_non_null(a);
    assert_string_equal(a->code, "NORELI");
    evg_doc_free(doc);
    evg_lexicon_free(lex);
    unlink(path);
}

static void dictionaries_agents_combine_with_countries(void **state)
{
    (void)state;
    char path[256];
    evg_lexicon *lex = load("my.agents",
                            "# sector nouns\n"
                            "!PERSON! = MAN, MEN, WOMAN, WOMEN\n"
                            "FERRY!PERSON! [~BUS]\n"
                            "LIGHTHOUSE_KEEPER [~GOVENV] # stopped\n"
                            "SHEEP_SHEARER {} [~AGR]\n"
                            "ABBEY {ABBEYS} [~CHR]\n"
                            "HUMAN_RIGHTS_BODY  [NGO~]\n",
                            path, sizeof(path));
    evg_doc *doc = extract_at(
        "Greek ferrymen blocked the port. Iraqi lighthouse keepers "
        "protested. Welsh sheep shearers cheered. A Chilean human rights "
        "body objected.",
        "2019-05-23", lex);
    assert_string_equal(by_mention(doc, "Greek ferrymen")->code, "GRCBUS");
    /* the plural is made from the singular */
    assert_string_equal(by_mention(doc, "Iraqi lighthouse keepers")->code,
                        "IRQGOV");
    /* "{}": no plural is made, so "shearers" is no agent */
    assert_null(by_mention(doc, "Welsh sheep shearers"));
    const evg_entity *ngo = by_mention(doc, "Chilean human rights body");
    assert_non_null(ngo);
    assert_string_equal(ngo->country, "CHL");
    evg_doc_free(doc);
    evg_lexicon_free(lex);
    unlink(path);
}

/* The CAMEO code of the coded event whose trigger is `trigger`, or "" when
 * no event with that trigger has one. */
static const char *code_of(const evg_doc *doc, const char *trigger)
{
    for (size_t i = 0; i < doc->n_events; i++)
        if (doc->events[i].cameo &&
            !strcmp(doc->events[i].trigger.text, trigger))
            return doc->events[i].cameo;
    return "";
}

/* A discarded sentence (sports, entertainment) is coded with no CAMEO
 * event; its actors stay (with the parse, its events too, uncoded, with
 * their participants: test_roles), so that a story about a band and a
 * company still has a timeline. */
static void dictionaries_discards_leave_text_uncoded(void **state)
{
    (void)state;
    /* the shipped Phoenix list is built in: "MARATHON" discards a
     * sentence, but a year does not (discards_skipped.words) */
    const char *text = "Kenyan troops arrived in Somalia in 1990. "
                       "Ethiopian police arrested the runners after the "
                       "marathon in Nairobi.";
    evg_doc *doc = extract_at(text, "2019-05-23", NULL);
    assert_string_equal(code_of(doc, "arrived in"), "042");
    assert_string_equal(code_of(doc, "arrested"), "");
    assert_non_null(by_mention(doc, "Ethiopian police"));
    evg_doc_free(doc);
    text = "Kenyan troops arrived in Somalia. "
           "Ethiopian police arrested the runners after the zorbball cup "
           "in Nairobi.";
    doc = extract_at(text, "2019-05-23", NULL);
    assert_string_equal(code_of(doc, "arrested"), "173");
    evg_doc_free(doc);
    char path[256];
    evg_lexicon *lex = load("sports.discards", "# sports\nZORBBALL_\n",
                            path, sizeof(path));
    doc = extract_at(text, "2019-05-23", lex);
    assert_string_equal(code_of(doc, "arrived in"), "042");
    assert_string_equal(code_of(doc, "arrested"), "");
    assert_non_null(by_mention(doc, "Ethiopian police"));
    evg_doc_free(doc);
    evg_lexicon_free(lex);
    unlink(path);
    /* '+': the whole story */
    lex = load("sports.discards", "+ZORBBALL_\n", path, sizeof(path));
    doc = extract_at(text, "2019-05-23", lex);
    assert_string_equal(code_of(doc, "arrived in"), "");
    assert_string_equal(code_of(doc, "arrested"), "");
    assert_non_null(by_mention(doc, "Kenyan troops"));
    assert_non_null(by_mention(doc, "Ethiopian police"));
    evg_doc_free(doc);
    evg_lexicon_free(lex);
    unlink(path);
    /* a user's list is applied whole: its years discard */
    lex = load("years.discards", "1990\n", path, sizeof(path));
    doc = extract_at("Kenyan troops arrived in Somalia in 1990.",
                     "2019-05-23", lex);
    assert_string_equal(code_of(doc, "arrived in"), "");
    assert_non_null(by_mention(doc, "Kenyan troops"));
    evg_doc_free(doc);
    evg_lexicon_free(lex);
    unlink(path);
}

static void dictionaries_malformed_files_name_the_line(void **state)
{
    (void)state;
    load_fails("a.actors", "GOOD_ACTOR [USAGOV]\n+SYNONYM\n\t[USAGOV 0101-]\n",
               ":3: bad date restriction");
    load_fails("b.actors", "\n+ORPHAN_SYNONYM\nACTOR_ [USA]\n",
               ":2: a synonym before any actor");
    load_fails("c.actors", "ACTOR_ [USAGOV]\n\t[USAGOV 990101-000101\n",
               ":2: '[' without its ']'");
    load_fails("d.actors", "ACTOR_ [usagov]\n", ":1: a code is 3 to 15");
    load_fails("e.actors", "ACTOR_ [USAGOV 991301-000101]\n",
               ":1: bad date restriction");
    load_fails("f.agents", "POLICE [~COP]\nRIOT_SQUAD [COP]\n",
               ":2: an agent's code is");
    load_fails("g.agents", "POLICE [~COP]\nRIOT!X! [~COP]\n",
               ":2: a '!NAME!' substitution not defined");
    load_fails("h.tsv", "Good\torg\tUSABUS\tGood\nBad\tclassless\n",
               ":2: expected 'phrase<TAB>class<TAB>CODE");
}

/* The built-in Phoenix dictionaries under our gazetteer. */
static void dictionaries_builtin_phoenix(void **state)
{
    (void)state;
    /* dated identity of a real office holder, the agents' sector nouns,
     * a spelling the Phoenix files know */
    const char *text = "President Bush met Iraqi policemen and Afganistan "
                       "officials.";
    evg_doc *doc = extract_at(text, "1990-05-01", NULL);
    const evg_entity *b = by_mention(doc, "President Bush");
    assert_non_null(b);
    assert_string_equal(b->name, "George Bush");
    assert_string_equal(b->code, "USAGOV");
    assert_string_equal(by_mention(doc, "Iraqi policemen")->code, "IRQCOP");
    assert_string_equal(by_mention(doc, "Afganistan officials")->code,
                        "AFGGOV");
    evg_doc_free(doc);
    doc = extract_at(text, "2003-05-01", NULL);
    b = by_mention(doc, "President Bush");
    assert_string_equal(b->name, "George W. Bush");
    assert_string_equal(b->code, "USAGOV");
    evg_doc_free(doc);
    /* "Bush" after "President Bush" is the same man at either date */
    doc = extract_at("President Bush spoke. Bush said he would act.",
                     "1990-08-15", NULL);
    b = by_mention(doc, "Bush");
    assert_non_null(b);
    assert_string_equal(b->name, "George Bush");
    assert_ptr_equal(b, by_mention(doc, "President Bush"));
    evg_doc_free(doc);
    /* a country is coded as it is now, whatever state it was part of */
    doc = extract_at("Serbia rejected the plan.", "1999-05-01", NULL);
    assert_string_equal(by_mention(doc, "Serbia")->code, "SRB");
    evg_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(dictionaries_format_detection),
        cmocka_unit_test(dictionaries_dated_codes_follow_the_date),
        cmocka_unit_test(dictionaries_office_resolves_by_date),
        cmocka_unit_test(dictionaries_title_in_text_outranks_elite),
        cmocka_unit_test(dictionaries_agents_combine_with_countries),
        cmocka_unit_test(dictionaries_discards_leave_text_uncoded),
        cmocka_unit_test(dictionaries_malformed_files_name_the_line),
        cmocka_unit_test(dictionaries_builtin_phoenix),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
