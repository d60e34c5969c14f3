/* Unit tests of the actor finder: gazetteer names, role words and CAMEO
 * codes, unknown names, coreference (pronouns, definite descriptions,
 * capitals as metonyms), the --dict format and the seed article's actors.
 * Each test runs the whole pipeline through evg_extract_text(). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "entities.h"
#include "evgraph/evgraph.h"

/* The whole extraction of `text` at the document date `dct`, with the
 * lexicon `lex` (NULL: the built-in one) and the parse of `syn` (NULL:
 * none); every other helper below is this with some of them fixed. */
static evg_doc *extract_full(const char *text, const char *dct,
                             const evg_lexicon *lex, const evg_syntax *syn)
{
    evg_extract_opts o;
    evg_extract_opts_init(&o);
    o.dct = dct;
    o.lexicon = lex;
    o.syntax = syn;
    evg_doc *doc = NULL;
    evg_error err;
    evg_error_clear(&err);
    if (evg_extract_text(text, strlen(text), &o, &doc, &err))
        fail_msg("extract failed: %s", err.message);
    return doc;
}

static evg_doc *extract_with(const char *text, const evg_lexicon *lex)
{
    return extract_full(text, "2019-05-23", lex, NULL);
}

static void entities_mentions_sorted_and_disjoint(const evg_doc *doc);

static evg_doc *extract_at(const char *text, const char *dct)
{
    return extract_full(text, dct, NULL, NULL);
}

static evg_doc *extract(const char *text)
{
    return extract_with(text, NULL);
}

static evg_doc *extract_parsed(const char *text, const evg_syntax *syn)
{
    return extract_full(text, "2019-05-23", NULL, syn);
}

/* The shipped syntax model; the test is skipped, visibly, when the file
 * is absent, and fails when it is there but does not load. */
static evg_syntax *syntax_model(void)
{
    const char *path = EVG_SOURCE_DIR "/models/en-ud-syntax.evgm";
    if (access(path, R_OK)) {
        print_message("SKIP: no syntax model at %s\n", path);
        skip();
    }
    evg_syntax *syn = NULL;
    evg_error err;
    evg_error_clear(&err);
    if (evg_syntax_load(path, &syn, &err))
        fail_msg("%s: %s", path, err.message);
    return syn;
}

static const evg_entity *by_name(const evg_doc *doc, const char *name)
{
    for (size_t i = 0; i < doc->n_entities; i++)
        if (!strcmp(doc->entities[i].name, name))
            return &doc->entities[i];
    fail_msg("no entity named '%s'", name);
    return NULL;
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

static int has_mention(const evg_entity *e, const char *m)
{
    for (size_t k = 0; k < e->n_mentions; k++)
        if (!strcmp(e->mentions[k].span.text, m))
            return 1;
    return 0;
}

static void expect(const evg_doc *doc, const char *name, const char *code,
                   evg_entity_kind kind)
{
    const evg_entity *e = by_name(doc, name);
    assert_string_equal(e->code, code);
    assert_int_equal(e->kind, kind);
}

static void entities_country_names_are_one_entity(void **state)
{
    (void)state;
    evg_doc *doc = extract("The United States warned Iran. The U.S. said "
                           "Washington's patience was thin, and US "
                           "officials agreed.");
    const evg_entity *us = by_name(doc, "United States");
    assert_string_equal(us->code, "USA");
    assert_string_equal(us->country, "USA");
    assert_int_equal(us->kind, EVG_KIND_COUNTRY);
    assert_true(has_mention(us, "United States"));
    assert_true(has_mention(us, "U.S."));
    assert_true(has_mention(us, "Washington"));
    expect(doc, "Iran", "IRN", EVG_KIND_COUNTRY);
    expect(doc, "US officials", "USAGOV", EVG_KIND_GOVERNMENT);
    evg_doc_free(doc);
}

static void entities_demonym_and_role_code_a_company(void **state)
{
    (void)state;
    evg_doc *doc = extract("South Korean operator Zentrix Mobile signed a "
                           "deal. The mobile operator said it was glad.");
    const evg_entity *e = by_name(doc, "Zentrix Mobile");
    assert_string_equal(e->code, "KORBUS");
    assert_int_equal(e->kind, EVG_KIND_ORGANIZATION);
    assert_true(has_mention(e, "the mobile operator") ||
                has_mention(e, "The mobile operator"));
    assert_true(has_mention(e, "it"));
    evg_doc_free(doc);
}

static void entities_title_before_person(void **state)
{
    (void)state;
    evg_doc *doc = extract("Israeli Prime Minister Yosef Amrani met "
                           "President Ana Souza of Brazil. Amrani said he "
                           "was pleased.");
    const evg_entity *p = by_name(doc, "Yosef Amrani");
    assert_string_equal(p->code, "ISRGOV");
    assert_int_equal(p->kind, EVG_KIND_PERSON);
    assert_true(has_mention(p, "Amrani"));
    assert_true(has_mention(p, "he"));
    const evg_entity *q = by_name(doc, "Ana Souza");
    assert_string_equal(q->code, "BRAGOV"); /* "of Brazil" */
    evg_doc_free(doc);
}

static void entities_known_person_with_title(void **state)
{
    (void)state;
    evg_doc *doc = extract("US President Donald Trump signed the order.");
    const evg_entity *p = by_name(doc, "Donald Trump");
    assert_string_equal(p->code, "USAGOV");
    assert_int_equal(p->kind, EVG_KIND_PERSON);
    assert_true(has_mention(p, "US President Donald Trump"));
    evg_doc_free(doc);
}

static int has_alias(const evg_entity *e, const char *a)
{
    for (size_t k = 0; k < e->n_aliases; k++)
        if (!strcmp(e->aliases[k], a))
            return 1;
    return 0;
}

/* An entity's aliases are the names it merged from, never a pronoun or a
 * description; the mentions keep those. */
static void entities_aliases_are_names(void **state)
{
    (void)state;
    evg_doc *doc = extract("Chinese telecom giant Huawei said its sales "
                           "rose. The company, Huawei Technologies, hired "
                           "staff.");
    const evg_entity *h = by_name(doc, "Huawei");
    assert_true(has_mention(h, "its"));
    assert_true(has_mention(h, "The company"));
    assert_false(has_alias(h, "its"));
    assert_false(has_alias(h, "The company"));
    assert_false(has_alias(h, "Chinese telecom giant Huawei"));
    evg_doc_free(doc);
}

/* A title refers back only to a person named with that title: "the Pope"
 * is never the president who met him, nor anyone when no pope is named. */
static void entities_title_needs_its_holder(void **state)
{
    (void)state;
    evg_doc *doc = extract("Pope John Paul met President Zoltan Varga on "
                           "Monday. The Pope said the talks went well.");
    const evg_entity *p = by_mention(doc, "The Pope");
    assert_non_null(p);
    assert_true(has_mention(p, "Pope John Paul"));
    assert_false(has_mention(by_mention(doc, "President Zoltan Varga"),
                             "The Pope"));
    evg_doc_free(doc);
    doc = extract("President Zoltan Varga spoke on Monday. The Pope said "
                  "he was pleased.");
    assert_null(by_mention(doc, "The Pope"));
    evg_doc_free(doc);
}

/* Nicknames and initials: "Bill Smith" is the earlier "William Smith";
 * "Charles Keating" is not "Paul Keating". */
static void entities_person_name_variants(void **state)
{
    (void)state;
    evg_doc *doc = extract("William Smith, a banker, met Paul Keating on "
                           "Monday. Bill Smith said Charles Keating was "
                           "not invited.");
    const evg_entity *w = by_name(doc, "William Smith");
    assert_true(has_mention(w, "Bill Smith"));
    assert_true(has_alias(w, "Bill Smith"));
    const evg_entity *p = by_name(doc, "Paul Keating");
    assert_false(has_mention(p, "Charles Keating"));
    assert_non_null(by_name(doc, "Charles Keating"));
    evg_doc_free(doc);
    /* a middle initial in one name only is no evidence ("George Bush" and
     * his son "George W. Bush" in one article) ... */
    doc = extract("Ronald Q. Vell met Ronald Vell, his father, on Monday. "
                  "Ron Q. Vell said Ronald Vell was tired.");
    w = by_name(doc, "Ronald Q. Vell");
    assert_true(has_mention(w, "Ron Q. Vell"));
    assert_false(has_mention(w, "Ronald Vell"));
    assert_false(w->dictionary);
    evg_doc_free(doc);
    /* ... but a dictionary entry is: its person is marked */
    doc = extract("President George W. Bush met Tony Blair on Monday.");
    w = by_name(doc, "George W. Bush");
    assert_true(w->dictionary);
    evg_doc_free(doc);
}

/* Pronouns agree with their antecedent: "she" is never a man, "he" never
 * a woman (a gendered title or first name), "they" a plural group and
 * never a person or a country; with no agreeing antecedent, none. */
static void entities_pronouns_agree(void **state)
{
    (void)state;
    evg_doc *doc = extract("Hillary Rodham met Peter Weber on Monday. She "
                           "said the talks went well.");
    const evg_entity *h = by_name(doc, "Hillary Rodham");
    assert_true(has_mention(h, "She"));
    assert_false(has_mention(by_name(doc, "Peter Weber"), "She"));
    evg_doc_free(doc);
    doc = extract("Mrs. Rudd met Zoltan Varga on Monday. He said the "
                  "talks went well.");
    assert_true(has_mention(by_name(doc, "Zoltan Varga"), "He"));
    evg_doc_free(doc);
    doc = extract("Queen Ines of Velmora spoke on Monday. He was absent.");
    assert_null(by_mention(doc, "He"));
    evg_doc_free(doc);
    /* "Iraqi officials met President Anton Weber": two actors */
    doc = extract("Iraqi officials met President Anton Weber in France. "
                  "They said the talks went well.");
    assert_non_null(by_name(doc, "Anton Weber"));
    const evg_entity *o = by_mention(doc, "Iraqi officials");
    assert_non_null(o);
    assert_true(has_mention(o, "They"));
    evg_doc_free(doc);
    doc = extract("President Anton Weber visited France. They said the "
                  "talks went well.");
    assert_null(by_mention(doc, "They"));
    evg_doc_free(doc);
}

/* Company names as the news writes them: suffixes, a title word opening
 * the name, symbols, run-together and spaced forms, a model number. */
static void entities_company_names(void **state)
{
    (void)state;
    evg_doc *doc = extract("The board of General Electric Company met on "
                           "Monday. It bought a unit of AT&T from Zorvex "
                           "Holdings. DaimlerChrysler said it would not "
                           "bid, and a Daimler Chrysler spokeswoman "
                           "declined to comment. The Boeing 777 flew for "
                           "Boeing.");
    expect(doc, "General Electric Company", "---BUS",
           EVG_KIND_ORGANIZATION);
    assert_null(by_mention(doc, "Electric Company"));
    const evg_entity *t = by_name(doc, "AT&T");
    assert_int_equal(t->kind, EVG_KIND_ORGANIZATION);
    assert_null(by_mention(doc, "T"));
    const evg_entity *d = by_name(doc, "DaimlerChrysler");
    assert_true(has_alias(d, "Daimler Chrysler"));
    assert_int_equal(d->kind, EVG_KIND_ORGANIZATION);
    assert_int_not_equal(by_mention(doc, "Boeing 777"),
                         by_mention(doc, "Boeing"));
    assert_int_not_equal(by_mention(doc, "Boeing 777")->kind,
                         EVG_KIND_PERSON);
    evg_doc_free(doc);
    /* the spaced form first: two capitalized words look like a person's
     * name until the run-together form shows it is a company's */
    doc = extract("William Smith, the chief executive of Daimler Chrysler, "
                  "met the board on Monday. DaimlerChrysler said the talks "
                  "went well.");
    d = by_mention(doc, "DaimlerChrysler");
    assert_non_null(d);
    assert_ptr_equal(d, by_mention(doc, "Daimler Chrysler"));
    assert_int_equal(d->kind, EVG_KIND_ORGANIZATION);
    assert_int_equal(by_mention(doc, "William Smith")->kind, EVG_KIND_PERSON);
    evg_doc_free(doc);
    /* a hyphenated modifier before the name is no part of it */
    doc = extract("The Lakeview-based Quorbit said on Monday that it would "
                  "hire. Quorbit shares rose.");
    const evg_entity *q = by_mention(doc, "Lakeview-based Quorbit");
    assert_non_null(q);
    assert_string_equal(q->name, "Quorbit");
    assert_int_equal(q->kind, EVG_KIND_ORGANIZATION);
    assert_true(has_mention(q, "Quorbit"));
    evg_doc_free(doc);
}

/* An acronym defined in the text is a name of its actor. */
static void entities_acronym_defined_in_text(void **state)
{
    (void)state;
    evg_doc *doc = extract("The United States Air Force (USAF) ordered "
                           "tankers on Monday. The USAF said the order was "
                           "final.");
    const evg_entity *f = by_mention(doc, "United States Air Force");
    assert_non_null(f);
    assert_true(has_alias(f, "USAF"));
    assert_int_equal(by_mention(doc, "USAF"), f);
    evg_doc_free(doc);
}

/* What is not an actor: bodies of water, an operation's name (also
 * repeated alone), vehicles without an owner, a publication something was
 * posted in, a credit line's agency, hyphenated modifiers and plural
 * titles as parts of names. */
static void entities_things_are_not_actors(void **state)
{
    (void)state;
    evg_doc *doc = extract(
        "Ships sailed into the Red Sea during Operation Desert Shield. "
        "Desert Shield began in August. Helicopters flew over the city. "
        "The rule was posted in the Federal Register on Monday. Zorvex "
        "said on Monday it would hire staff. The Zorvex-led group lost a "
        "bid. Presidents Anton Weber and Luis Ortega met on Friday.\n\n"
        "Photo: Sputnik / staff\n");
    assert_null(by_mention(doc, "Red Sea"));
    assert_null(by_mention(doc, "Operation Desert Shield"));
    assert_null(by_mention(doc, "Desert Shield"));
    assert_null(by_mention(doc, "Helicopters"));
    assert_null(by_mention(doc, "Federal Register"));
    assert_null(by_mention(doc, "Sputnik"));
    const evg_entity *z = by_name(doc, "Zorvex");
    assert_true(has_mention(z, "Zorvex-led"));
    /* the plural title belongs to the mention, not to the name */
    const evg_entity *w = by_mention(doc, "Presidents Anton Weber");
    assert_non_null(w);
    assert_string_equal(w->name, "Anton Weber");
    assert_int_equal(w->kind, EVG_KIND_PERSON);
    evg_doc_free(doc);
    /* a country's helicopters stand for its military */
    doc = extract("Iraqi helicopters attacked the town.");
    const evg_entity *m = by_mention(doc, "Iraqi helicopters");
    assert_non_null(m);
    assert_string_equal(m->code, "IRQMIL");
    evg_doc_free(doc);
}

/* With the parse (a syntax model loaded), a lone capitalized word opening
 * a sentence is a name when the parse tags it a proper noun ("Zorvex
 * said"), not when it is another word ("Meanwhile"); without it, such a
 * word is no evidence of a name. */
static void entities_parse_tells_names_opening_sentences(void **state)
{
    (void)state;
    const char *text = "Meanwhile the talks went on. Zorvex said on Monday "
                       "that it would hire staff.";
    evg_doc *doc = extract(text);
    assert_null(by_mention(doc, "Zorvex"));
    assert_null(by_mention(doc, "Meanwhile"));
    evg_doc_free(doc);
    evg_syntax *syn = syntax_model();
    doc = extract_parsed(text, syn);
    assert_non_null(by_mention(doc, "Zorvex"));
    assert_null(by_mention(doc, "Meanwhile"));
    evg_doc_free(doc);
    evg_syntax_free(syn);
}

/* Products and brands: a known company's name opening another name is
 * that other name ("Apple Corps" is not Apple; "Apple Inc." is); brand
 * spellings ("iPod"), model numbers ("iPhone 3G", "iPhone 4") and a
 * model's plural ("Dreamliners") after its singular. */
static void entities_products_and_brands(void **state)
{
    (void)state;
    evg_doc *doc = extract("Apple Corps sued Apple Inc. over the iPod on "
                           "Monday. The iPhone 3G and the iPhone 4 sold "
                           "well. Boeing said the Dreamliner aircraft was "
                           "late, and Dreamliners cost more.");
    assert_int_not_equal(by_mention(doc, "Apple Corps"),
                         by_mention(doc, "Apple Inc"));
    assert_string_equal(by_mention(doc, "Apple Inc")->name, "Apple");
    assert_non_null(by_mention(doc, "iPod"));
    assert_non_null(by_mention(doc, "iPhone 3G"));
    assert_non_null(by_mention(doc, "iPhone 4"));
    const evg_entity *d = by_mention(doc, "Dreamliner aircraft");
    assert_non_null(d);
    assert_true(has_mention(d, "Dreamliners"));
    assert_string_equal(evg_extract__entity_sector(d), ""); /* no MIL */
    evg_doc_free(doc);
    /* a maker's name before a model's code of letters and digits names
     * the model, no person ("Airbus A350"), and the code alone later is
     * the same model */
    doc = extract("The Airbus A350 landed in Toulouse on Monday. Airbus "
                  "said the A350 would carry 300 passengers, and the first "
                  "A350 will enter service in May. The Airbus 350 seats "
                  "300. Qantas ordered six A350s.");
    const evg_entity *a = by_mention(doc, "Airbus A350");
    assert_non_null(a);
    assert_ptr_not_equal(a, by_mention(doc, "Airbus"));
    assert_int_not_equal(a->kind, EVG_KIND_PERSON);
    assert_true(has_mention(a, "A350"));
    assert_true(has_mention(a, "Airbus 350"));
    assert_true(has_mention(a, "A350s")); /* the model's plural */
    evg_doc_free(doc);
    /* a maker's name before a model's plural names the model */
    doc = extract("Qantas ordered six Airbus A350s on Monday.");
    assert_non_null(by_mention(doc, "Airbus A350s"));
    assert_null(by_mention(doc, "Airbus"));
    evg_doc_free(doc);
    /* a name before the title and name of one of its people is a
     * company's, in its earlier mentions too; one that opens with a known
     * first name stays a person's */
    doc = extract("Kelmar Vostrid won a contract on Monday. Kelmar Vostrid "
                  "Chief Executive Jane Roe said it would hire 200 "
                  "workers.");
    const evg_entity *k = by_mention(doc, "Kelmar Vostrid");
    assert_non_null(k);
    assert_int_equal(k->kind, EVG_KIND_ORGANIZATION);
    assert_int_equal(by_mention(doc, "Chief Executive Jane Roe")->kind,
                     EVG_KIND_PERSON);
    evg_doc_free(doc);
    /* an acronym inside a name is no person's ("Mac OS X"), a Roman
     * numeral may be */
    doc = extract("Kelmar Inc. released Zorvex OS Lite on Monday. Henry "
                  "Vostrid III spoke on Tuesday.");
    assert_int_equal(by_mention(doc, "Zorvex OS Lite")->kind,
                     EVG_KIND_ORGANIZATION);
    assert_int_equal(by_mention(doc, "Henry Vostrid III")->kind,
                     EVG_KIND_PERSON);
    evg_doc_free(doc);
    doc = extract("Laura Vostrid met reporters on Monday.");
    assert_int_equal(by_mention(doc, "Laura Vostrid")->kind,
                     EVG_KIND_PERSON);
    evg_doc_free(doc);
}

/* A middle initial never ends a name, even before a known name ("Michael
 * R. Bloomberg" is one person, not "Michael R" and the news agency); an
 * operation's name named alone before "Operation ..." is no actor either;
 * titles such as "Chief of Staff" are not part of the name. */
static void entities_initials_operations_titles(void **state)
{
    (void)state;
    evg_doc *doc = extract("Michael R. Bloomberg said on Monday that the "
                           "city would grow. Desert Storm was short, said "
                           "Chief of Staff John Sununu, who backed "
                           "Operation Desert Storm.");
    const evg_entity *m = by_mention(doc, "Michael R. Bloomberg");
    assert_non_null(m);
    assert_int_equal(m->kind, EVG_KIND_PERSON);
    assert_null(by_mention(doc, "Michael R"));
    assert_null(by_mention(doc, "Desert Storm"));
    const evg_entity *j = by_mention(doc, "Chief of Staff John Sununu");
    assert_non_null(j);
    assert_string_equal(j->name, "John Sununu");
    evg_doc_free(doc);
}

static void entities_igo_codes_and_roles(void **state)
{
    (void)state;
    evg_doc *doc = extract("UN peacekeepers left Darfur. NATO and the "
                           "European Union protested, and the IAEA "
                           "called for talks.");
    const evg_entity *pk = by_mention(doc, "UN peacekeepers");
    assert_non_null(pk);
    assert_string_equal(pk->code, "IGOMIL");
    assert_string_equal(pk->country, "IGO");
    expect(doc, "NATO", "IGOMIL", EVG_KIND_GROUP);
    expect(doc, "European Union", "IGO", EVG_KIND_ORGANIZATION);
    expect(doc, "International Atomic Energy Agency", "IGO",
           EVG_KIND_ORGANIZATION);
    expect(doc, "Darfur", "SDN", EVG_KIND_LOCATION); /* a place */
    evg_doc_free(doc);
}

static void entities_unknown_country_keeps_role(void **state)
{
    (void)state;
    evg_doc *doc = extract("Rebels attacked a convoy at dawn.");
    const evg_entity *r = by_mention(doc, "Rebels");
    assert_non_null(r);
    assert_string_equal(r->code, "---REB");
    assert_null(r->country);
    evg_doc_free(doc);
}

static void entities_context_gives_country(void **state)
{
    (void)state;
    evg_doc *doc = extract("Fighting spread across Senegal on Monday. "
                           "Rebels attacked a convoy, and Moussa Diallo "
                           "condemned it.");
    assert_string_equal(by_mention(doc, "Rebels")->code, "SENREB");
    const evg_entity *p = by_name(doc, "Moussa Diallo");
    assert_string_equal(p->country, "SEN");
    assert_int_equal(p->kind, EVG_KIND_PERSON);
    evg_doc_free(doc);
}

static void entities_company_suffix_and_orgwords(void **state)
{
    (void)state;
    evg_doc *doc = extract("Qorvane Holdings Inc. sued the Kenyan "
                           "Anti-Corruption Commission, and the Nigerian "
                           "Union of Teachers went on strike.");
    const evg_entity *c = by_name(doc, "Qorvane Holdings Inc");
    assert_string_equal(c->code + 3, "BUS");
    const evg_entity *k = by_name(doc, "Anti-Corruption Commission");
    assert_string_equal(k->code, "KENGOV");
    const evg_entity *u = by_name(doc, "Union of Teachers");
    assert_string_equal(u->code, "NGALAB");
    evg_doc_free(doc);
}

static void entities_possessive_country_and_bodies(void **state)
{
    (void)state;
    evg_doc *doc = extract("Burundi's government rejected the plan. The "
                           "Foreign Ministry said a Japanese Foreign "
                           "Ministry official had agreed.");
    const evg_entity *g = by_mention(doc, "Burundi's government");
    assert_non_null(g);
    assert_string_equal(g->code, "BDIGOV");
    const evg_entity *fm = by_name(doc, "Foreign Ministry");
    assert_string_equal(fm->code, "JPNGOV"); /* from its other mention */
    assert_int_equal(fm->n_mentions, 2);
    evg_doc_free(doc);
}

static void entities_coordinated_adjectives_share_role(void **state)
{
    (void)state;
    evg_doc *doc = extract("Senior Hungarian and Romanian officials met.");
    assert_string_equal(by_mention(doc, "Hungarian")->code, "HUNGOV");
    assert_string_equal(by_mention(doc, "Romanian officials")->code,
                        "ROUGOV");
    evg_doc_free(doc);
    /* a country written as an adjective shares the role too */
    doc = extract("U.S. and Russian negotiators met in Geneva.");
    assert_string_equal(by_mention(doc, "U.S.")->code, "USAGOV");
    assert_string_equal(by_mention(doc, "Russian negotiators")->code,
                        "RUSGOV");
    evg_doc_free(doc);
    /* a role in a hyphenated modifier: the group */
    doc = extract("The army shelled Albanian rebel-held territory.");
    assert_string_equal(by_mention(doc, "Albanian")->code, "ALBREB");
    evg_doc_free(doc);
    /* a government's description of a country: its government */
    doc = extract("Settlers in the West Bank burned the offices of the "
                  "Palestinian administrators.");
    const evg_entity *p = by_mention(doc, "Palestinian administrators");
    assert_non_null(p);
    assert_string_equal(p->name, "Palestine");
    for (size_t i = 0; i < p->n_mentions; i++)
        if (!strcmp(p->mentions[i].span.text, "Palestinian administrators"))
            assert_string_equal(p->mentions[i].code, "PSEGOV");
    evg_doc_free(doc);
}

static void entities_acronym_in_brackets(void **state)
{
    (void)state;
    evg_doc *doc = extract("The Ceasefire Monitoring Committee (CMC) met in "
                           "Juba. The CMC said talks would resume.");
    const evg_entity *e = by_name(doc, "Ceasefire Monitoring Committee");
    assert_int_equal(e->n_mentions, 3);
    assert_true(has_mention(e, "CMC"));
    evg_doc_free(doc);
}

static void entities_hyphenated_prefix(void **state)
{
    (void)state;
    evg_doc *doc = extract("Vietnamese-led forces entered the city.");
    const evg_entity *e = by_mention(doc, "Vietnamese-led forces");
    assert_non_null(e);
    assert_string_equal(e->code, "VNMMIL");
    evg_doc_free(doc);
}

static void entities_body_before_title_gives_country(void **state)
{
    (void)state;
    evg_doc *doc = extract("Pentagon spokesman Kenneth Bacon said ships "
                           "left the Gulf for Basra.");
    const evg_entity *p = by_name(doc, "Kenneth Bacon");
    assert_string_equal(p->country, "USA");
    assert_int_equal(p->kind, EVG_KIND_PERSON);
    /* a body of water is where things happen: no entity at all */
    assert_null(by_mention(doc, "Gulf"));
    expect(doc, "Basra", "IRQ", EVG_KIND_LOCATION);
    evg_doc_free(doc);
}

static void entities_headline_invents_no_actors(void **state)
{
    (void)state;
    evg_doc *doc = extract("Talks Collapse as Huawei Rejects Zorblax Offer\n"
                           "Huawei said on Monday it rejected the offer.");
    assert_null(by_mention(doc, "Talks Collapse"));
    assert_null(by_mention(doc, "Zorblax Offer"));
    const evg_entity *h = by_name(doc, "Huawei");
    assert_int_equal(h->n_mentions, 3); /* headline, body, "it" */
    evg_doc_free(doc);
}

static void entities_lowercase_words_are_not_names(void **state)
{
    (void)state;
    evg_doc *doc = extract("It said us and them were fine, and the "
                           "government contracts were signed.");
    assert_null(by_mention(doc, "us"));
    assert_null(by_mention(doc, "government"));
    assert_null(by_mention(doc, "It")); /* expletive or no antecedent */
    evg_doc_free(doc);
}

/* A country's name inside an organization's own name stays in it; "<org
 * word> of <country>" is that country's organization; a role word opening
 * an organization's name is part of it. */
static void entities_country_inside_org_names(void **state)
{
    (void)state;
    evg_doc *doc = extract("China Eastern Airlines ordered jets. Korea "
                           "Telecom signed a deal with the Bank of England. "
                           "Zorvex Commercial Airplanes delivered a jet. "
                           "The Government Accountability Office criticized "
                           "the plan. China protested.");
    expect(doc, "China Eastern Airlines", "CHNBUS", EVG_KIND_ORGANIZATION);
    expect(doc, "Korea Telecom", "KORBUS", EVG_KIND_ORGANIZATION);
    expect(doc, "Bank of England", "GBRBUS", EVG_KIND_ORGANIZATION);
    /* a maker's division: words of the trade end a company's name, not a
     * person's ("Commercial Airplanes" is no person) */
    assert_int_equal(by_name(doc, "Zorvex Commercial Airplanes")->kind,
                     EVG_KIND_ORGANIZATION);
    /* its country comes from the context (here China, the main one) */
    const evg_entity *gao = by_name(doc, "Government Accountability Office");
    assert_string_equal(gao->code + 3, "GOV");
    assert_int_equal(gao->kind, EVG_KIND_GOVERNMENT);
    /* the country on its own is still the country */
    const evg_entity *cn = by_name(doc, "China");
    assert_string_equal(cn->code, "CHN");
    assert_int_equal(cn->n_mentions, 1);
    entities_mentions_sorted_and_disjoint(doc);
    evg_doc_free(doc);
}

/* "the president of Armenia": a role or title followed by "of" and a
 * country is that country's, and never refers back to another country's
 * person. */
static void entities_role_of_country(void **state)
{
    (void)state;
    evg_doc *doc = extract("Putin offered to negotiate with the president "
                           "of Armenia. The government of Sudan lifted the "
                           "curfew. Troops of Nigeria attacked the rebels.");
    expect(doc, "president of Armenia", "ARMGOV", EVG_KIND_PERSON);
    expect(doc, "government of Sudan", "SDNGOV", EVG_KIND_GOVERNMENT);
    expect(doc, "Troops of Nigeria", "NGAMIL", EVG_KIND_GROUP);
    assert_int_equal(by_name(doc, "Vladimir Putin")->n_mentions, 1);
    evg_doc_free(doc);
}

/* "ethnic Albanians" are a minority: their country is the one they live
 * in, from the context, never the demonym's own. */
static void entities_ethnic_groups(void **state)
{
    (void)state;
    evg_doc *doc = extract("Ethnic Albanians in Kosovo protested against "
                           "Serbia. Serbian police arrested ethnic Albanian "
                           "guerrillas.");
    const evg_entity *e = by_mention(doc, "Ethnic Albanians");
    assert_non_null(e);
    assert_string_equal(e->code, "SRBCVL"); /* a people: civilians */
    assert_int_equal(e->kind, EVG_KIND_GROUP);
    e = by_mention(doc, "Albanian guerrillas");
    assert_non_null(e);
    assert_string_equal(e->code, "SRBREB");
    evg_doc_free(doc);
    /* nothing else in the text: no country rather than the wrong one */
    doc = extract("Ethnic Albanians protested.");
    e = by_mention(doc, "Ethnic Albanians");
    assert_non_null(e);
    assert_null(e->country);
    evg_doc_free(doc);
}

/* "Planning and Investment Minister Tran Xuan Gia": the portfolio is part
 * of the title, not an actor; a company suffix before the final stop
 * ("Acme Corp.") still makes a company. */
static void entities_portfolio_and_final_suffix(void **state)
{
    (void)state;
    evg_doc *doc = extract("Planning and Investment Minister Tran Xuan Gia "
                           "said Vietnam will open its economy. Britain sued "
                           "Zenvo Corp.");
    expect(doc, "Tran Xuan Gia", "VNMGOV", EVG_KIND_PERSON);
    assert_null(by_mention(doc, "Investment"));
    assert_null(by_mention(doc, "Planning"));
    assert_true(has_mention(by_name(doc, "Tran Xuan Gia"),
                            "Planning and Investment Minister Tran Xuan Gia"));
    expect(doc, "Zenvo Corp", "GBRBUS", EVG_KIND_ORGANIZATION);
    evg_doc_free(doc);
}

/* Unknown names of two to four words are persons unless they look like a
 * thing or a place, so "he" finds the person; a company of another
 * country named once does not give the story its country. */
static void entities_person_names_and_things(void **state)
{
    (void)state;
    evg_doc *doc = extract("Steve Jobs spoke in San Francisco. The App Store "
                           "and Mission Control opened, and he said Current "
                           "PowerPC chips are slow. Jobs said he would sue "
                           "Samsung.");
    const evg_entity *jobs = by_name(doc, "Steve Jobs");
    assert_int_equal(jobs->kind, EVG_KIND_PERSON);
    assert_true(has_mention(jobs, "he"));
    assert_true(has_mention(jobs, "Jobs"));
    assert_int_equal(by_name(doc, "San Francisco")->kind, EVG_KIND_LOCATION);
    assert_int_equal(by_name(doc, "App Store")->kind, EVG_KIND_ORGANIZATION);
    assert_int_equal(by_name(doc, "Mission Control")->kind,
                     EVG_KIND_ORGANIZATION);
    assert_int_not_equal(by_mention(doc, "Current PowerPC")->kind,
                         EVG_KIND_PERSON);
    /* not Samsung's Korea (San Francisco, a US city, may give USA) */
    assert_true(!jobs->country || strcmp(jobs->country, "KOR") != 0);
    expect(doc, "Samsung", "KORBUS", EVG_KIND_ORGANIZATION);
    evg_doc_free(doc);
    doc = extract("Russian forces shelled the Ukrainian city of Kharkiv and "
                  "the town of Izyum.");
    assert_int_equal(by_name(doc, "Kharkiv")->kind, EVG_KIND_LOCATION);
    assert_int_equal(by_name(doc, "Izyum")->kind, EVG_KIND_LOCATION);
    assert_non_null(by_mention(doc, "Russian forces"));
    evg_doc_free(doc);
}

/* "the alliance", "the bloc", "the world body" refer back to an
 * international organization, or to nobody. */
static void entities_igo_descriptions(void **state)
{
    (void)state;
    evg_doc *doc = extract("NATO met Russia. The alliance said it would "
                           "wait. Hungary criticized the European Union, "
                           "and the bloc replied.");
    assert_true(has_mention(by_name(doc, "NATO"), "The alliance"));
    assert_true(has_mention(by_name(doc, "European Union"), "the bloc"));
    evg_doc_free(doc);
    doc = extract("The ruling alliance in India won the vote.");
    assert_null(by_mention(doc, "The ruling alliance"));
    assert_null(by_mention(doc, "alliance"));
    evg_doc_free(doc);
}

/* A capital speaks for its government unless the words make it a place. */
static void entities_capital_metonym_code(void **state)
{
    (void)state;
    evg_doc *doc = extract("Washington has pressed Seoul to act. Officials "
                           "in Washington said Tokyo's decision was wrong.");
    const evg_entity *us = by_name(doc, "United States");
    assert_int_equal(us->n_mentions, 3);
    assert_string_equal(us->mentions[0].code, "USAGOV");
    /* "Officials": a bare description of the government, no actor of its
     * own */
    assert_string_equal(us->mentions[1].span.text, "Officials");
    assert_string_equal(us->mentions[1].code, "USAGOV");
    /* "in Washington": a place, its people as a participant */
    assert_string_equal(us->mentions[2].code, "USACVL");
    const evg_entity *kr = by_name(doc, "South Korea");
    assert_string_equal(kr->mentions[0].code, "KORGOV");
    const evg_entity *jp = by_name(doc, "Japan");
    assert_string_equal(jp->mentions[0].code, "JPNGOV");
    assert_string_equal(us->code, "USA");
    evg_doc_free(doc);
}

/* A place below a country, named as a place, stands for its people (CVL);
 * a bare plural of a state's body is a mention of its country; a people's
 * leaders are its elite; a people "of" another country lives there. */
static void entities_places_people_and_descriptions(void **state)
{
    (void)state;
    evg_doc *doc = extract("President Laurent Gbagbo will extend the curfew "
                           "in Abidjan. Iran threatened to shell Iraqi "
                           "towns. Turkish authorities imposed a curfew in "
                           "the town of Cizre.");
    const evg_entity *ci = by_mention(doc, "Abidjan");
    assert_non_null(ci);
    assert_string_equal(ci->code, "CIV");
    for (size_t k = 0; k < ci->n_mentions; k++)
        if (!strcmp(ci->mentions[k].span.text, "Abidjan"))
            assert_string_equal(ci->mentions[k].code, "CIVCVL");
    const evg_entity *iq = by_mention(doc, "Iraqi");
    assert_non_null(iq);
    assert_string_equal(iq->mentions[0].code, "IRQCVL");
    const evg_entity *cz = by_mention(doc, "Cizre");
    assert_non_null(cz);
    assert_string_equal(cz->mentions[0].code, "TURCVL");
    evg_doc_free(doc);

    /* with no country named, a bare plural stays a group of its own */
    doc = extract("Officials said the talks had failed.");
    const evg_entity *of = by_mention(doc, "Officials");
    assert_non_null(of);
    assert_int_equal(of->kind, EVG_KIND_GOVERNMENT);
    assert_null(of->mentions[0].code);
    evg_doc_free(doc);
    doc = extract("Japan said on Monday that it would wait. Officials said "
                  "the talks had failed.");
    const evg_entity *jp = by_name(doc, "Japan");
    assert_true(has_mention(jp, "Officials"));
    evg_doc_free(doc);

    doc = extract("The Albanians of southern Serbia are demanding autonomy "
                  "from Serbian authorities.");
    assert_string_equal(by_mention(doc, "Albanians")->code, "SRBCVL");
    evg_doc_free(doc);
}

/* A product named by its maker, number and own name is one actor, of the
 * maker's country; its own name after a model number takes no country
 * from the story. */
static void entities_product_names(void **state)
{
    (void)state;
    evg_doc *doc = extract("Aeroflot has negotiated the purchase of 22 new "
                           "Boeing 787 Dreamliners. The Dreamliner will be "
                           "delivered in 2014.");
    const evg_entity *p = by_mention(doc, "Boeing 787");
    assert_non_null(p);
    assert_string_equal(p->code, "USA");
    assert_true(has_mention(p, "Dreamliners"));
    assert_true(has_mention(p, "Dreamliner"));
    evg_doc_free(doc);
    doc = extract("Air Canada ordered the 787 Dreamliner.");
    const evg_entity *d = by_mention(doc, "Dreamliner");
    assert_non_null(d);
    assert_string_equal(d->code, "---");
    evg_doc_free(doc);
}

static void entities_mentions_sorted_and_disjoint(const evg_doc *doc)
{
    size_t total = 0;
    for (size_t i = 0; i < doc->n_entities; i++) {
        const evg_entity *e = &doc->entities[i];
        assert_true(e->n_mentions > 0);
        for (size_t k = 0; k < e->n_mentions; k++) {
            total++;
            const evg_span *sp = &e->mentions[k].span;
            assert_true(sp->start < sp->end);
            if (k)
                assert_true(e->mentions[k - 1].span.end <= sp->start);
            if (e->mentions[k].with != EVG_NONE)
                continue; /* shared by two entities: checked below */
            size_t m;
            assert_int_equal(evg_extract__entity_at(doc, sp->start, &m), i);
            assert_int_equal(m, k);
        }
    }
    /* no overlaps across entities: every byte belongs to one mention, but
     * for a dual phrase, which belongs to both of its entities */
    for (size_t i = 0; i < doc->n_entities; i++)
        for (size_t j = i + 1; j < doc->n_entities; j++)
            for (size_t a = 0; a < doc->entities[i].n_mentions; a++)
                for (size_t b = 0; b < doc->entities[j].n_mentions; b++) {
                    const evg_mention *mx = &doc->entities[i].mentions[a];
                    const evg_mention *my = &doc->entities[j].mentions[b];
                    const evg_span *x = &mx->span, *y = &my->span;
                    if (mx->with == j && my->with == i) {
                        /* a dual phrase: the same span in both */
                        assert_int_equal(x->start, y->start);
                        assert_int_equal(x->end, y->end);
                        continue;
                    }
                    assert_false(x->start < y->end && y->start < x->end);
                }
    assert_true(total > 0);
}

static void entities_seed_article(void **state)
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
    evg_doc *doc = extract(buf);
    expect(doc, "Huawei", "CHNBUS", EVG_KIND_ORGANIZATION);
    expect(doc, "United States", "USA", EVG_KIND_COUNTRY);
    expect(doc, "South Korea", "KOR", EVG_KIND_COUNTRY);
    expect(doc, "LG Uplus", "KORBUS", EVG_KIND_ORGANIZATION);
    expect(doc, "Google", "USABUS", EVG_KIND_ORGANIZATION);
    expect(doc, "Commerce Department", "USAGOV", EVG_KIND_GOVERNMENT);
    expect(doc, "State Department", "USAGOV", EVG_KIND_GOVERNMENT);
    expect(doc, "Foreign Ministry", "KORGOV", EVG_KIND_GOVERNMENT);
    expect(doc, "Donald Trump", "USAGOV", EVG_KIND_PERSON);
    expect(doc, "Australia", "AUS", EVG_KIND_COUNTRY);
    expect(doc, "Japan", "JPN", EVG_KIND_COUNTRY);
    expect(doc, "New Zealand", "NZL", EVG_KIND_COUNTRY);
    expect(doc, "Chosun Ilbo", "KORMED", EVG_KIND_ORGANIZATION);
    const evg_entity *h = by_name(doc, "Huawei");
    assert_true(has_mention(h, "the company"));
    assert_true(has_mention(h, "its"));
    assert_true(has_mention(h, "Chinese telecom giant"));
    assert_true(has_mention(h, "Chinese telecommunications giant Huawei"));
    const evg_entity *us = by_name(doc, "United States");
    assert_true(has_mention(us, "US"));
    assert_true(has_mention(us, "U.S."));
    assert_true(has_mention(us, "Washington"));
    assert_true(has_mention(by_name(doc, "LG Uplus"), "the mobile operator"));
    assert_true(has_mention(by_name(doc, "Chosun Ilbo"), "the media outlet"));
    /* "Washington's decision": the capital speaks for the government */
    for (size_t k = 0; k < us->n_mentions; k++)
        if (!strcmp(us->mentions[k].span.text, "Washington"))
            assert_string_equal(us->mentions[k].code, "USAGOV");
    /* "accused by several countries of ... spying on its behalf through
     * its devices": a group of states, never what "its" refers to */
    const evg_entity *sc = by_name(doc, "several countries");
    assert_string_equal(sc->code, "---");
    assert_int_equal(sc->n_mentions, 1);
    /* "the two sides": one mention of both parties of the meeting */
    const evg_entity *fm = by_name(doc, "Foreign Ministry");
    const evg_entity *sd = by_name(doc, "State Department");
    assert_int_equal(fm->n_mentions, 3);
    size_t shared = 0;
    for (size_t k = 0; k < fm->n_mentions; k++)
        if (fm->mentions[k].with != EVG_NONE) {
            shared++;
            assert_string_equal(fm->mentions[k].span.text, "the two sides");
            assert_ptr_equal(&doc->entities[fm->mentions[k].with], sd);
            assert_true(has_mention(sd, "the two sides"));
        }
    assert_int_equal(shared, 1);
    /* one entity per actor */
    size_t huawei = 0;
    for (size_t i = 0; i < doc->n_entities; i++)
        huawei += !strcmp(doc->entities[i].name, "Huawei");
    assert_int_equal(huawei, 1);
    /* the photo credit's name is boilerplate, not an actor */
    assert_null(by_mention(doc, "\xd0\x9a\xd0\xb8\xd1\x80\xd0\xb8\xd0\xbb"
                                "\xd0\xbb \xd0\x9a\xd0\xb0\xd0\xbb\xd0\xbb"
                                "\xd0\xb8\xd0\xbd\xd0\xb8\xd0\xba\xd0\xbe"
                                "\xd0\xb2"));
    entities_mentions_sorted_and_disjoint(doc);
    evg_doc_free(doc);
}

static void entities_invariants_on_mixed_text(void **state)
{
    (void)state;
    evg_doc *doc = extract(
        "Russian President Vladimir Putin met Chinese leader Xi Jinping in "
        "Beijing. Putin said the two countries would cooperate. The "
        "Kremlin and the State Department traded barbs, while Hamas and "
        "Israeli troops clashed in the Gaza Strip. The group said its "
        "fighters would respond.");
    expect(doc, "Vladimir Putin", "RUSGOV", EVG_KIND_PERSON);
    expect(doc, "Xi Jinping", "CHNGOV", EVG_KIND_PERSON);
    assert_true(has_mention(by_name(doc, "Vladimir Putin"), "Putin"));
    assert_true(has_mention(by_name(doc, "Russia"), "Kremlin"));
    expect(doc, "Hamas", "PSEREB", EVG_KIND_GROUP);
    assert_string_equal(by_mention(doc, "Israeli troops")->code, "ISRMIL");
    entities_mentions_sorted_and_disjoint(doc);
    evg_doc_free(doc);
}

static void entities_user_dict_extends_gazetteer(void **state)
{
    (void)state;
    char path[] = "/tmp/evg_dict_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    const char *data = "# my actors\nZorblax Dynamics\torg\tFRABUS\tZorblax\n"
                       "Velmora\tcountry\tVLM\tVelmora\n"
                       "Google\torg\tIRLBUS\tGoogle Ireland\n";
    assert_int_equal(write(fd, data, strlen(data)), (ssize_t)strlen(data));
    close(fd);
    const char *files[] = {path};
    evg_lexicon *lex = NULL;
    evg_error err;
    evg_error_clear(&err);
    assert_int_equal(evg_lexicon_load(files, 1, &lex, &err), 0);
    evg_doc *doc = extract_with("Zorblax Dynamics signed a deal with "
                                "Velmora and Google.", lex);
    expect(doc, "Zorblax", "FRABUS", EVG_KIND_ORGANIZATION);
    expect(doc, "Velmora", "VLM", EVG_KIND_COUNTRY);
    expect(doc, "Google Ireland", "IRLBUS", EVG_KIND_ORGANIZATION);
    evg_doc_free(doc);
    evg_lexicon_free(lex);

    /* a malformed line names the file and line */
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("Good\torg\tUSABUS\tGood\nBad line without tabs\n", f);
    fclose(f);
    evg_error_clear(&err);
    assert_int_equal(evg_lexicon_load(files, 1, &lex, &err), EVG_EPARSE);
    assert_null(lex);
    assert_non_null(strstr(err.message, ":2:"));
    unlink(path);
}

/* A person's full name before "of" ends there ("Louis Gallois of
 * Aerospatiale"), and the surname alone later is that person; a particle
 * inside a name after a first name ("Charles de Gaulle", "al-Zoubi") is a
 * person's, not a thing's; people named in one list lend each other no
 * country. */
static void entities_person_names_with_of_and_particles(void **state)
{
    (void)state;
    evg_doc *doc = extract("Louis Gallois of Aerospatiale met the board on "
                           "Monday. Gallois said the company would cut "
                           "jobs.");
    const evg_entity *g = by_mention(doc, "Louis Gallois");
    assert_non_null(g);
    assert_string_equal(g->name, "Louis Gallois");
    assert_int_equal(g->kind, EVG_KIND_PERSON);
    assert_ptr_equal(by_mention(doc, "Gallois"), g);
    const evg_entity *a = by_mention(doc, "Aerospatiale");
    assert_non_null(a);
    assert_ptr_not_equal(a, g);
    assert_int_not_equal(a->kind, EVG_KIND_PERSON);
    evg_doc_free(doc);
    /* "of" inside an organization's name still joins it */
    doc = extract("Marta Kovac met officials of the Kestrel Institute of "
                  "Technology on Monday.");
    assert_int_equal(by_mention(doc, "Marta Kovac")->kind, EVG_KIND_PERSON);
    assert_non_null(by_mention(doc, "Kestrel Institute of Technology"));
    evg_doc_free(doc);
    doc = extract("The exhibition shows letters from Charles de Gaulle, "
                  "Vladimir Putin and Helmut Kohl. Ahmed Hadi al-Zoubi "
                  "opened it, and Compagnie de Velmora paid for it.");
    const evg_entity *d = by_mention(doc, "Charles de Gaulle");
    assert_non_null(d);
    assert_int_equal(d->kind, EVG_KIND_PERSON);
    assert_null(d->country); /* not Putin's, not Kohl's */
    const evg_entity *z = by_mention(doc, "Ahmed Hadi al-Zoubi");
    assert_non_null(z);
    assert_int_equal(z->kind, EVG_KIND_PERSON);
    const evg_entity *c = by_mention(doc, "Compagnie de Velmora");
    assert_non_null(c);
    assert_int_equal(c->kind, EVG_KIND_ORGANIZATION);
    evg_doc_free(doc);
}

/* A company's officer works for the company named right before him, or
 * described there ("the company president and CEO ..."), in a story set
 * elsewhere; firms named together lend each other no country. */
static void entities_officer_of_a_company(void **state)
{
    (void)state;
    evg_doc *doc = extract("Boeing opened a plant in the United States on "
                           "Monday, and Washington praised Boeing. Earlier "
                           "in the day, Boeing received a letter from "
                           "Airbus. The company president and CEO Louis "
                           "Ferrand said the day was a great one.");
    const evg_entity *f = by_mention(doc, "CEO Louis Ferrand");
    assert_non_null(f);
    assert_int_equal(f->kind, EVG_KIND_PERSON);
    assert_string_equal(f->code, "FRABUS"); /* Airbus's, not the story's */
    evg_doc_free(doc);
    doc = extract("The United States Air Force chose a tanker on Friday. "
                  "Washington said Vestrand Dynamics and Siemens won the "
                  "contract.");
    const evg_entity *v = by_mention(doc, "Vestrand Dynamics");
    assert_non_null(v);
    assert_true(!v->country || strcmp(v->country, "DEU") != 0);
    evg_doc_free(doc);
    /* nor to a state's body: a firm's country is not the ministry's */
    doc = extract("Britain ordered new tankers for its air force on "
                  "Monday. A Siemens-led consortium signed a contract with "
                  "the Defense Ministry.");
    const evg_entity *m = by_mention(doc, "Defense Ministry");
    assert_non_null(m);
    assert_true(!m->country || strcmp(m->country, "DEU") != 0);
    evg_doc_free(doc);
}

/* A verb the parse finds ends a noun phrase: "Britain hired new police"
 * is the country and the police, not one actor; a participle still
 * modifies ("Iraqi armed forces"). */
static void entities_verb_ends_phrase(void **state)
{
    (void)state;
    evg_syntax *syn = syntax_model();
    evg_doc *doc = extract_parsed("Britain hired new police on Monday. "
                                  "Iraqi armed forces attacked the town.",
                                  syn);
    const evg_entity *b = by_mention(doc, "Britain");
    assert_non_null(b);
    assert_int_equal(b->kind, EVG_KIND_COUNTRY);
    const evg_entity *p = by_mention(doc, "police");
    assert_non_null(p);
    assert_ptr_not_equal(p, b);
    assert_non_null(by_mention(doc, "Iraqi armed forces"));
    evg_doc_free(doc);
    evg_syntax_free(syn);
}

/* A dated dictionary name: "John Paul" during his pontificate is Pope
 * John Paul II (the Holy See's religious leader, VATREL), not the country
 * of the story, and "the Pope" after it is he, not Castro; outside those
 * dates, and in a longer name, it is nobody the dictionary knows. */
static void entities_dated_name_of_a_pope(void **state)
{
    (void)state;
    evg_doc *doc = extract_at("Cuban President Fidel Castro invited John "
                              "Paul to Havana. Castro said Cuba was "
                              "ready. The Pope arrived on Wednesday.",
                              "1998-01-20");
    const evg_entity *p = by_mention(doc, "John Paul");
    assert_non_null(p);
    assert_string_equal(p->name, "Pope John Paul II");
    assert_string_equal(p->code, "VATREL");
    assert_int_equal(p->kind, EVG_KIND_PERSON);
    assert_ptr_equal(by_mention(doc, "The Pope"), p);
    const evg_entity *c = by_name(doc, "Fidel Castro");
    assert_ptr_not_equal(c, p);
    assert_false(has_alias(c, "Pope"));
    evg_doc_free(doc);
    doc = extract_at("John Paul met the mayor of Havana.", "1970-05-02");
    p = by_mention(doc, "John Paul");
    assert_true(p == NULL || strcmp(p->code, "VATREL") != 0);
    evg_doc_free(doc);
    doc = extract_at("Justice John Paul Stevens wrote the opinion.",
                     "1998-01-20");
    p = by_mention(doc, "Justice John Paul Stevens");
    if (!p)
        p = by_mention(doc, "John Paul Stevens");
    assert_non_null(p);
    assert_int_equal(p->kind, EVG_KIND_PERSON);
    assert_true(p->country == NULL || strcmp(p->country, "VAT") != 0);
    evg_doc_free(doc);
}

/* A name that opens with an organization word and goes on past a
 * connector is one name ("Movement for Democratic Change" is no person
 * "Democratic Change"); people "from" a body of a country are of that
 * country ("doctors from two Kelmarian aid groups"). */
static void entities_org_word_names_and_from(void **state)
{
    (void)state;
    evg_doc *doc = extract("The Movement for Democratic Change won the "
                           "vote in Zimbabwe on Monday.");
    const evg_entity *m = by_mention(doc, "Movement for Democratic Change");
    assert_non_null(m);
    assert_int_not_equal(m->kind, EVG_KIND_PERSON);
    assert_null(by_mention(doc, "Democratic Change"));
    evg_doc_free(doc);
    doc = extract("Doctors from two American aid groups visited Iraq. "
                  "Teachers from several Kenyan schools met in Nairobi.");
    const evg_entity *d = by_mention(doc, "Doctors");
    assert_non_null(d);
    assert_string_equal(d->code, "USAMED");
    const evg_entity *t = by_mention(doc, "Teachers");
    assert_non_null(t);
    assert_string_equal(t->code, "KENEDU");
    evg_doc_free(doc);
}

/* A known company's name and a word of its trade is the company by a
 * fuller name ("Apple Computer", "Ford Motor Co."), not the company and an
 * organization "Computer"; with an organization word it is another name
 * ("Apple Corps"). */
static void entities_company_fuller_name(void **state)
{
    (void)state;
    evg_doc *doc = extract("Apple Computer launched a phone on Monday. "
                           "Apple Corps sued Apple on Tuesday, and Ford "
                           "Motor Co. said Ford would cut jobs.");
    const evg_entity *a = by_mention(doc, "Apple Computer");
    assert_non_null(a);
    assert_string_equal(a->name, "Apple");
    assert_true(has_mention(a, "Apple"));
    assert_null(by_mention(doc, "Computer"));
    assert_ptr_not_equal(by_mention(doc, "Apple Corps"), a);
    const evg_entity *f = by_mention(doc, "Ford Motor Co");
    assert_non_null(f);
    assert_true(has_mention(f, "Ford"));
    evg_doc_free(doc);
}

/* A description written as a name ("the Air Force") is the institution
 * an earlier name holds its head word of, however far back, not the most
 * salient body of the same code ("the Pentagon" named just before). */
static void entities_capitalized_description(void **state)
{
    (void)state;
    evg_doc *doc = extract("The United States Air Force signed a deal on "
                           "Monday. Boeing built planes. Boeing sold "
                           "planes. Airbus sold planes. Airbus built jets. "
                           "Rescue helicopters went to the Pentagon. "
                           "Senators said the Air Force chose a European "
                           "company.");
    const evg_entity *f = by_mention(doc, "the Air Force");
    assert_non_null(f);
    assert_string_equal(f->name, "United States Air Force");
    assert_ptr_not_equal(f, by_mention(doc, "Pentagon"));
    evg_doc_free(doc);
    /* a body after a title's "of" is part of the title of the person
     * named after it, who is no body the description can name */
    doc = extract("The United States Air Force signed a deal on Monday. "
                  "Secretary of the Air Force James Roche said the Air "
                  "Force would buy tankers.");
    const evg_entity *r = by_mention(doc, "Secretary of the Air Force James "
                                          "Roche");
    assert_non_null(r);
    assert_int_equal(r->kind, EVG_KIND_PERSON);
    assert_string_equal(r->name, "James Roche");
    f = by_mention(doc, "United States Air Force");
    assert_non_null(f);
    assert_true(has_mention(f, "the Air Force"));
    evg_doc_free(doc);
}

/* A first name alone is the one earlier person whose name it opens
 * ("Steve" after "Steve Jobs"), and nobody's when two are ("Steve Jobs
 * and Steve Wozniak"). */
static void entities_first_name_alone(void **state)
{
    (void)state;
    evg_syntax *syn = syntax_model(); /* a sentence's first word: the parse */
    evg_doc *doc = extract_parsed("Kelmar CEO Steve Vostrid spoke on Monday. "
                                  "Steve announced a new phone.", syn);
    const evg_entity *p = by_mention(doc, "Steve");
    assert_non_null(p);
    assert_int_equal(p->kind, EVG_KIND_PERSON);
    assert_string_equal(p->name, "Steve Vostrid");
    evg_doc_free(doc);
    doc = extract_parsed("Steve Vostrid and Steve Zorvan founded Kelmar Inc. "
                         "on Monday. Steve said it was fun.", syn);
    p = by_mention(doc, "Steve");
    assert_true(p == NULL || (strcmp(p->name, "Steve Vostrid") != 0 &&
                              strcmp(p->name, "Steve Zorvan") != 0));
    evg_doc_free(doc);
    evg_syntax_free(syn);
}

/* "Chief Executive Officer" is one title, no person "Officer". */
static void entities_officer_titles(void **state)
{
    (void)state;
    evg_doc *doc = extract("Steve Vostrid, the Kelmar Chief Executive "
                           "Officer, spoke on Monday. Kelmar Chief Operating "
                           "Officer Jane Roe quit.");
    for (size_t i = 0; i < doc->n_entities; i++)
        assert_string_not_equal(doc->entities[i].name, "Officer");
    const evg_entity *r = by_mention(doc, "Kelmar Chief Operating Officer "
                                          "Jane Roe");
    if (!r)
        r = by_mention(doc, "Chief Operating Officer Jane Roe");
    assert_non_null(r);
    assert_int_equal(r->kind, EVG_KIND_PERSON);
    assert_string_equal(r->name, "Jane Roe");
    evg_doc_free(doc);
}

/* "USAF officials" are a group of the USAF's people: "the USAF" after
 * them is still the USAF its parenthesis named, not the officials. */
static void entities_name_before_role_keeps_its_actor(void **state)
{
    (void)state;
    evg_doc *doc = extract("The Kelmar Zorvex Agency (KZA) signed a deal "
                           "on Monday. KZA officials said it was good. The "
                           "KZA denied it on Tuesday.");
    const evg_entity *a = by_mention(doc, "Kelmar Zorvex Agency");
    assert_non_null(a);
    int n = 0;
    for (size_t k = 0; k < a->n_mentions; k++)
        n += !strcmp(a->mentions[k].span.text, "KZA");
    assert_int_equal(n, 2); /* the parenthesis and "The KZA" */
    evg_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(entities_country_names_are_one_entity),
        cmocka_unit_test(entities_demonym_and_role_code_a_company),
        cmocka_unit_test(entities_title_before_person),
        cmocka_unit_test(entities_pronouns_agree),
        cmocka_unit_test(entities_known_person_with_title),
        cmocka_unit_test(entities_igo_codes_and_roles),
        cmocka_unit_test(entities_unknown_country_keeps_role),
        cmocka_unit_test(entities_context_gives_country),
        cmocka_unit_test(entities_company_suffix_and_orgwords),
        cmocka_unit_test(entities_possessive_country_and_bodies),
        cmocka_unit_test(entities_coordinated_adjectives_share_role),
        cmocka_unit_test(entities_acronym_in_brackets),
        cmocka_unit_test(entities_hyphenated_prefix),
        cmocka_unit_test(entities_body_before_title_gives_country),
        cmocka_unit_test(entities_headline_invents_no_actors),
        cmocka_unit_test(entities_lowercase_words_are_not_names),
        cmocka_unit_test(entities_country_inside_org_names),
        cmocka_unit_test(entities_capital_metonym_code),
        cmocka_unit_test(entities_role_of_country),
        cmocka_unit_test(entities_ethnic_groups),
        cmocka_unit_test(entities_portfolio_and_final_suffix),
        cmocka_unit_test(entities_person_names_and_things),
        cmocka_unit_test(entities_igo_descriptions),
        cmocka_unit_test(entities_seed_article),
        cmocka_unit_test(entities_invariants_on_mixed_text),
        cmocka_unit_test(entities_user_dict_extends_gazetteer),
        cmocka_unit_test(entities_aliases_are_names),
        cmocka_unit_test(entities_title_needs_its_holder),
        cmocka_unit_test(entities_person_name_variants),
        cmocka_unit_test(entities_company_names),
        cmocka_unit_test(entities_acronym_defined_in_text),
        cmocka_unit_test(entities_things_are_not_actors),
        cmocka_unit_test(entities_parse_tells_names_opening_sentences),
        cmocka_unit_test(entities_products_and_brands),
        cmocka_unit_test(entities_initials_operations_titles),
        cmocka_unit_test(entities_places_people_and_descriptions),
        cmocka_unit_test(entities_product_names),
        cmocka_unit_test(entities_person_names_with_of_and_particles),
        cmocka_unit_test(entities_dated_name_of_a_pope),
        cmocka_unit_test(entities_officer_of_a_company),
        cmocka_unit_test(entities_verb_ends_phrase),
        cmocka_unit_test(entities_org_word_names_and_from),
        cmocka_unit_test(entities_company_fuller_name),
        cmocka_unit_test(entities_capitalized_description),
        cmocka_unit_test(entities_first_name_alone),
        cmocka_unit_test(entities_officer_titles),
        cmocka_unit_test(entities_name_before_role_keeps_its_actor),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
