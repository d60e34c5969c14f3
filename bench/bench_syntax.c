/* Syntax speed: model load time, tagging + lemmatizing + parsing speed on
 * given tokens (one core), tokenizing + parsing speed on raw text, and the
 * process's peak memory.
 *
 *   bench_syntax [--model FILE] [--conllu FILE] [--text FILE] [--rounds N]
 *
 * Defaults: the default model; ../shared's UD English EWT test file for the
 * tokens and the repository's fixtures for raw text, when present. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "bench_util.h"
#include "evgraph/io.h"
#include "syntax/conllu.h"
#include "syntax/syntax.h"

#ifndef EVG_SOURCE_DIR
#define EVG_SOURCE_DIR "."
#endif

static long peak_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

/* Parses every sentence once; returns the words parsed. */
static size_t parse_all(const evg_syn_model *m, const syn_conllu *c)
{
    size_t words = 0;
    for (size_t q = 0; q < c->n; q++) {
        const syn_csent *cs = &c->sents[q];
        size_t n = cs->nwords;
        const char *form[EVG_SYN_MAX_WORDS];
        uint16_t tag[EVG_SYN_MAX_WORDS], rel[EVG_SYN_MAX_WORDS];
        int head[EVG_SYN_MAX_WORDS];
        const char *lemma[EVG_SYN_MAX_WORDS];
        static char buf[EVG_SYN_MAX_WORDS * 64];
        if (n > EVG_SYN_MAX_WORDS)
            continue;
        for (size_t i = 0; i < n; i++)
            form[i] = cs->lines[cs->words[i]].col[CU_FORM];
        evg_syn_sent s = {n, form, tag, head, rel, lemma, buf, sizeof buf, NULL};
        if (evg_syn_analyse(m, &s) < 0)
            exit(1);
        words += n;
    }
    return words;
}

/* Tokenizes and parses raw text split at blank lines and full stops; returns
 * the bytes read. */
static size_t parse_text(const evg_syn_model *m, const char *text, size_t len,
                         size_t *words)
{
    size_t start = 0;
    evg_syn_tokens t = {0};
    evg_syn_sent s = {0};
    while (start < len) {
        size_t end = start;
        while (end < len && !(text[end] == '.' && (end + 1 == len ||
                                                   text[end + 1] == ' ' ||
                                                   text[end + 1] == '\n')))
            end++;
        if (end < len)
            end++;
        if (evg_syn_parse_span(m, text, start, end, &t, &s) < 0)
            exit(1);
        *words += s.n;
        start = end;
    }
    evg_syn_sent_dispose(&s);
    evg_syn_tokens_dispose(&t);
    return len;
}

int main(int argc, char **argv)
{
    const char *model = evg_syn_default_model();
    const char *conllu = EVG_SOURCE_DIR
        "/../shared/data/ud-english/en_ewt-ud-test.conllu";
    const char *textf = EVG_SOURCE_DIR "/fixtures/huawei-south-korea.txt";
    int rounds = 3;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--model"))
            model = argv[i + 1];
        else if (!strcmp(argv[i], "--conllu"))
            conllu = argv[i + 1];
        else if (!strcmp(argv[i], "--text"))
            textf = argv[i + 1];
        else if (!strcmp(argv[i], "--rounds"))
            rounds = atoi(argv[i + 1]);
    }
    if (rounds < 1)
        rounds = 1;
    evg_error err;
    evg_syn_model *m;
    /* the first load, a fresh process's (what a command pays), then the
     * best of five more: wall time and CPU time */
    double load_wall = 1e9, load_cpu = 1e9, first_wall = 0, first_cpu = 0;
    m = NULL;
    for (int r = 0; r < 6; r++) {
        evg_syn_model_free(m);
        double w0 = wall_now(), c0 = cpu_now();
        if (evg_syn_model_load(model, &m, &err) < 0) {
            fprintf(stderr, "bench_syntax: %s\n", err.message);
            return 1;
        }
        double w = wall_now() - w0, c = cpu_now() - c0;
        if (!r) {
            first_wall = w;
            first_cpu = c;
            continue;
        }
        if (w < load_wall)
            load_wall = w;
        if (c < load_cpu)
            load_cpu = c;
    }
    FILE *mf = fopen(model, "rb");
    long msize = 0;
    if (mf && fseek(mf, 0, SEEK_END) == 0)
        msize = ftell(mf);
    if (mf)
        fclose(mf);
    printf("model %s (%.1f MB): first load in %.1f ms (CPU %.1f ms); "
           "loaded again in %.1f ms (CPU %.1f ms), best of 5\n",
           model, (double)msize / 1e6, first_wall * 1e3, first_cpu * 1e3,
           load_wall * 1e3, load_cpu * 1e3);

    char *text;
    size_t len;
    if (evg_read_file(conllu, (size_t)1 << 30, &text, &len, &err) == 0) {
        syn_conllu c;
        if (syn_conllu_parse(text, len, &c, &err) < 0) {
            fprintf(stderr, "bench_syntax: %s: %s\n", conllu, err.message);
            return 1;
        }
        double best = 1e9;
        size_t words = 0;
        for (int r = 0; r < rounds; r++) {
            double t0 = cpu_now();
            words = parse_all(m, &c);
            double t = cpu_now() - t0;
            if (t < best)
                best = t;
        }
        printf("given tokens (%s): %zu words, best of %d: %.3f s CPU, "
               "%.0f words/s (tag + lemma + parse, one core)\n",
               conllu, words, rounds, best, (double)words / best);
        syn_conllu_dispose(&c);
    } else {
        printf("given tokens: skipped (%s)\n", err.message);
    }
    if (evg_read_file(textf, (size_t)1 << 30, &text, &len, &err) == 0) {
        /* repeat the text to about 1 MB */
        size_t copies = len ? (1u << 20) / len + 1 : 1;
        char *big = malloc(copies * (len + 1) + 1);
        size_t bl = 0;
        for (size_t i = 0; i < copies; i++) {
            memcpy(big + bl, text, len);
            bl += len;
            big[bl++] = '\n';
        }
        double best = 1e9;
        size_t words = 0;
        for (int r = 0; r < rounds; r++) {
            words = 0;
            double t0 = cpu_now();
            parse_text(m, big, bl, &words);
            double t = cpu_now() - t0;
            if (t < best)
                best = t;
        }
        printf("raw text (%s x %zu, %.2f MB): best of %d: %.3f s CPU, "
               "%.2f MB/s, %.0f words/s (tokenize + tag + lemma + parse)\n",
               textf, copies, (double)bl / 1e6, rounds, best,
               (double)bl / 1e6 / best, (double)words / best);
        free(big);
        free(text);
    }
    printf("peak memory: %.1f MB\n", (double)peak_kb() / 1024.0);
    evg_syn_model_free(m);
    return 0;
}
