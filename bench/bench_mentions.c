/* Event-mention speed: the detector's model load, its pass over the token
 * layer (words per CPU second, one core) and what it adds to a whole
 * extraction that parses (CPU time with and without it).
 *
 *   bench_mentions [--model FILE] [--syntax FILE] [--rounds N] [PATH]
 *
 * PATH: articles (a file or folder, as `evgraph extract` reads them);
 * default ../shared's TimeBank when present, else the repository's
 * fixtures. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_util.h"
#include "evgraph/extract.h"
#include "evgraph/input.h"
#include "mentions/men_stage.h"
#include "mentions/mentions.h"

#ifndef EVG_SOURCE_DIR
#define EVG_SOURCE_DIR "."
#endif

typedef struct art {
    char *text, *dct;
    size_t len;
} art;

int main(int argc, char **argv)
{
    const char *model = NULL, *syntax = NULL;
    const char *path = EVG_SOURCE_DIR "/../shared/data/timebank";
    int rounds = 3;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--model") && i + 1 < argc)
            model = argv[++i];
        else if (!strcmp(argv[i], "--syntax") && i + 1 < argc)
            syntax = argv[++i];
        else if (!strcmp(argv[i], "--rounds") && i + 1 < argc)
            rounds = atoi(argv[++i]);
        else if (argv[i][0] != '-')
            path = argv[i];
    }
    if (rounds < 1)
        rounds = 1;
    evg_error err;
    evg_error_clear(&err);
    evg_input *in = NULL;
    if (evg_input_open(path, (size_t)16 << 20, &in, &err) < 0) {
        path = EVG_SOURCE_DIR "/fixtures";
        if (evg_input_open(path, (size_t)16 << 20, &in, &err) < 0) {
            fprintf(stderr, "bench_mentions: %s\n", err.message);
            return 1;
        }
    }
    art *arts = NULL;
    size_t n = 0, cap = 0, bytes = 0;
    evg_article a;
    int rc;
    while ((rc = evg_input_next(in, &a, &err)) != 0) {
        if (rc < 0)
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 64;
            arts = realloc(arts, cap * sizeof *arts);
            if (!arts)
                return 1;
        }
        arts[n].text = malloc(a.len + 1);
        memcpy(arts[n].text, a.text, a.len);
        arts[n].len = a.len;
        arts[n].dct = a.dct ? strdup(a.dct) : NULL;
        bytes += a.len;
        n++;
    }
    evg_input_free(in);

    evg_syntax *syn = NULL;
    if (evg_syntax_load(syntax, &syn, &err) < 0) {
        fprintf(stderr, "bench_mentions: %s\n", err.message);
        return 1;
    }
    evg_mentions *men = NULL;
    double load = 1e9;
    for (int r = 0; r < 5; r++) {
        evg_mentions_free(men);
        double t0 = wall_now();
        if (evg_mentions_load(model, &men, &err) < 0) {
            fprintf(stderr, "bench_mentions: %s\n", err.message);
            return 1;
        }
        if (wall_now() - t0 < load)
            load = wall_now() - t0;
    }
    printf("model %s: loaded in %.1f ms, best of 5\n",
           model ? model : evg_men_default_model(), load * 1e3);

    /* whole extraction with the parse, without and with the detector;
     * the detector's own pass timed on the documents' token layers */
    double best[2] = {1e9, 1e9}, best_pass = 1e9;
    size_t words = 0, found = 0;
    for (int r = 0; r < rounds; r++) {
        for (int with = 0; with < 2; with++) {
            double cpu = 0, pass = 0;
            words = found = 0;
            for (size_t i = 0; i < n; i++) {
                evg_extract_opts o;
                evg_extract_opts_init(&o);
                o.dct = arts[i].dct;
                o.dct_from_metadata = arts[i].dct != NULL;
                o.syntax = syn;
                o.mentions = with ? men : NULL;
                evg_doc *doc = NULL;
                double t0 = cpu_now();
                if (evg_extract_text(arts[i].text, arts[i].len, &o, &doc,
                                     &err) < 0)
                    continue;
                cpu += cpu_now() - t0;
                if (with) {
                    double p0 = cpu_now();
                    if (evg_extract__mentions(doc, men) < 0)
                        return 1;
                    pass += cpu_now() - p0;
                    words += doc->n_tokens;
                    for (size_t k = 0; k < doc->n_tokens; k++)
                        found += doc->tokens[k].tml_class != NULL;
                }
                evg_doc_free(doc);
            }
            if (cpu < best[with])
                best[with] = cpu;
            if (with && pass < best_pass)
                best_pass = pass;
        }
    }
    printf("%s: %zu articles, %.2f MB, %zu words, %zu event words\n", path,
           n, (double)bytes / 1e6, words, found);
    printf("detector pass alone: %.3f s CPU, %.0f words/s (one core), best "
           "of %d\n", best_pass, (double)words / best_pass, rounds);
    printf("extraction with the parse: %.3f s CPU without the detector, "
           "%.3f s with it (+%.1f%%); %.2f MB/s with it\n", best[0], best[1],
           100.0 * (best[1] - best[0]) / best[0],
           (double)bytes / 1e6 / best[1]);
    for (size_t i = 0; i < n; i++) {
        free(arts[i].text);
        free(arts[i].dct);
    }
    free(arts);
    evg_mentions_free(men);
    evg_syntax_free(syn);
    return 0;
}
