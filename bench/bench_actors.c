/* Benchmark of reading and the actor finder: generates a deterministic
 * corpus of news-like articles (a dateline, then sentences built from
 * country names, demonyms, capitals, organizations, titles with invented
 * person names, role words, pronouns and definite descriptions, plus a
 * teaser and a photo credit), then times the sentence splitter alone, the
 * actor finder alone (on documents already split), and the whole
 * extraction, and prints MB/s for each. No gold data involved.
 *
 * usage: bench_actors [--mb N] [--doc-kb N] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core.h"
#include "evgraph/evgraph.h"
#include "pipeline.h"
#include "bench_util.h"

static const char *const places[] = {
    "the United States", "South Korea", "Japan", "the U.S.", "Washington",
    "Beijing", "Iraq", "Sudan", "the European Union", "NATO", "Moscow",
    "Brazil", "Nigeria", "the Ivory Coast", "Pakistan", "Tehran"};
static const char *const adjs[] = {"Chinese", "South Korean", "Israeli",
    "French", "Iraqi", "US", "British", "Russian", "Turkish", "Palestinian"};
static const char *const roles[] = {"officials", "troops", "rebels",
    "lawmakers", "police", "diplomats", "companies", "government",
    "army", "negotiators"};
static const char *const titles[] = {"President", "Prime Minister",
    "Foreign Minister", "Gen.", "Judge", "opposition leader"};
static const char *const first[] = {"Ana", "Yosef", "Moussa", "Kenji",
    "Elena", "Tomas", "Amina", "Rahul", "Li", "Carlos"};
static const char *const last[] = {"Souza", "Amrani", "Diallo", "Sato",
    "Petrova", "Novak", "Bello", "Mehta", "Wei", "Ortega"};
static const char *const orgs[] = {"Huawei", "Google", "the State "
    "Department", "the Foreign Ministry", "Qorvane Holdings Inc.",
    "the Chosun Ilbo newspaper", "Hamas", "the Red Cross",
    "the Commerce Department", "Zentrix Mobile"};
static const char *const verbs[] = {"criticized", "met", "accused",
    "praised", "warned", "sanctioned", "called on", "rejected"};
static const char *const tails[] = {
    " over its decision to expand the program.",
    ", the company said on Thursday.",
    " after the talks, officials said.",
    " and said the country would respond.",
    ". \"We will not accept this,\" he said.",
    " in a statement posted on Monday."};

static void sentence(evg_buf *b)
{
    switch (rnd(5)) {
    case 0:
        evg_buf_printf(b, "%s %s %s %s %s%s ", PICK(adjs), PICK(titles),
                       PICK(first), PICK(last), PICK(verbs), PICK(tails));
        break;
    case 1:
        evg_buf_printf(b, "%s %s %s %s%s ", PICK(adjs), PICK(roles),
                       PICK(verbs), PICK(places), PICK(tails));
        break;
    case 2:
        evg_buf_printf(b, "%s %s %s%s ", PICK(orgs), PICK(verbs),
                       PICK(places), PICK(tails));
        break;
    case 3:
        evg_buf_printf(b, "The %s operator %s %s the %s firm%s ",
                       PICK(adjs), PICK(orgs), PICK(verbs), PICK(adjs),
                       PICK(tails));
        break;
    default:
        evg_buf_printf(b, "Mr. %s of %s %s the U.S. Navy on Jan. 5, "
                       "when growth was 3.5 percent%s ",
                       PICK(last), PICK(places), PICK(verbs), PICK(tails));
        break;
    }
}

static char *article(size_t kb, size_t *len)
{
    evg_buf b;
    evg_buf_init(&b, 0);
    evg_buf_printf(&b, "WASHINGTON, May %u, 2019 (Reuters) - ", 1 + rnd(28));
    while (b.len < kb * 1024) {
        for (unsigned k = 2 + rnd(4); k > 0; k--)
            sentence(&b);
        evg_buf_puts(&b, "\n\n");
        if (!rnd(8))
            evg_buf_puts(&b, "READ MORE: Officials Weigh New Sanctions\n\n");
        if (!rnd(12))
            evg_buf_puts(&b, "\xc2\xa9 AP Photo / Jane Doe Leaders Meet "
                             "in Geneva\n\n");
    }
    return evg_buf_steal(&b, len);
}

int main(int argc, char **argv)
{
    double mb = 8;
    size_t doc_kb = 8;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--mb"))
            mb = strtod(argv[i + 1], NULL);
        else if (!strcmp(argv[i], "--doc-kb"))
            doc_kb = (size_t)strtoul(argv[i + 1], NULL, 10);
    }
    if (mb <= 0 || doc_kb == 0) {
        fprintf(stderr, "usage: bench_actors [--mb N] [--doc-kb N]\n");
        return 2;
    }
    evg_error err;
    evg_error_clear(&err);
    const evg_lexicon *lex = evg_extract__default_lexicon(&err);
    if (!lex) {
        fprintf(stderr, "bench_actors: %s\n", err.message);
        return 1;
    }
    size_t ndocs = (size_t)(mb * 1024 / (double)doc_kb) + 1;
    char **docs = calloc(ndocs, sizeof(*docs));
    size_t *lens = calloc(ndocs, sizeof(*lens));
    size_t total = 0;
    if (!docs || !lens)
        return 1;
    for (size_t i = 0; i < ndocs; i++) {
        docs[i] = article(doc_kb, &lens[i]);
        if (!docs[i])
            return 1;
        total += lens[i];
    }
    double t_split = 0, t_ent = 0, t_all = 0;
    size_t n_ent = 0, n_ment = 0, n_sent = 0;
    evg_extract_opts o;
    evg_extract_opts_init(&o);
    o.dct = "2019-05-23";
    for (size_t i = 0; i < ndocs; i++) {
        evg_doc *doc;
        if (evg_doc_new(&doc))
            return 1;
        doc->text = docs[i];
        doc->text_len = lens[i];
        size_t body = 0;
        double t0 = wall_now();
        if (evg_extract__dateline(doc, &body, &err) ||
            evg_extract__sentences(doc, body, &o, &err))
            return 1;
        double t1 = wall_now();
        if (evg_extract__entities(doc, lex, &err))
            return 1;
        double t2 = wall_now();
        t_split += t1 - t0;
        t_ent += t2 - t1;
        n_sent += doc->n_sentences;
        n_ent += doc->n_entities;
        for (size_t k = 0; k < doc->n_entities; k++)
            n_ment += doc->entities[k].n_mentions;
        doc->text = NULL;
        evg_doc_free(doc);
        evg_doc *full;
        double t3 = wall_now();
        if (evg_extract_text(docs[i], lens[i], &o, &full, &err)) {
            fprintf(stderr, "bench_actors: %s\n", err.message);
            return 1;
        }
        t_all += wall_now() - t3;
        evg_doc_free(full);
    }
    double m = (double)total / (1024.0 * 1024.0);
    printf("corpus: %.1f MB in %zu articles of %zu KB; %zu sentences, "
           "%zu entities, %zu mentions\n",
           m, ndocs, doc_kb, n_sent, n_ent, n_ment);
    printf("dateline + sentences + boilerplate: %.1f MB/s\n", m / t_split);
    printf("actor finder (entities):            %.1f MB/s\n", m / t_ent);
    printf("whole extraction (evg_extract_text): %.1f MB/s\n", m / t_all);
    for (size_t i = 0; i < ndocs; i++)
        free(docs[i]);
    free(docs);
    free(lens);
    return 0;
}
