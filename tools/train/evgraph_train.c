/* evgraph-train: trains the syntax model (tagger, lemmatizer, parser) from
 * CoNLL-U treebanks. `make model` runs it on the UD English treebanks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "train.h"
#include "train_events.h"

static void usage(FILE *f)
{
    fprintf(f,
            "Usage: evgraph-train -o MODEL [OPTIONS] TRAIN.conllu...\n"
            "       evgraph-train events --timebank DIR -o MODEL [OPTIONS]\n\n"
            "Trains the tagger, lemmatizer and dependency parser of evgraph\n"
            "from CoNLL-U treebanks and writes one model file. With `events`,\n"
            "trains the event-mention detector from TimeML instead\n"
            "(`evgraph-train events --help`).\n\n"
            "Options:\n"
            "  -o, --output FILE      model file to write (required)\n"
            "  -d, --dev FILE         treebank for choosing the best epoch\n"
            "      --tag-epochs N     tagger passes over the data (default 8)\n"
            "      --parse-epochs N   parser passes (default 15); with -d, the\n"
            "                         model keeps the epoch best on dev\n"
            "      --folds N          jackknife folds for the parser's tags\n"
            "                         (default 4; 1: gold tags)\n"
            "      --seed N           shuffling seed (default 20260101)\n"
            "      --prune N          leave out parser features updated fewer\n"
            "                         than N times in training (default 3)\n"
            "      --prune-tagger N   the same for tagger features (default 2)\n"
            "      --wordnet DIR      WordNet 3.0 database (Debian: wordnet-base,\n"
            "                         /usr/share/wordnet) for the lexicon of\n"
            "                         word classes kept in the model\n"
            "      --words FILE       word list for the lexicon (Debian:\n"
            "                         wamerican, /usr/share/dict/american-english)\n"
            "      --tag-beam N       with a lexicon: the second tagger pass\n"
            "                         decides the sentence as a whole, a beam\n"
            "                         of N (2 to 16; default 0, greedy)\n"
            "      --max-sentences N  use only the first N sentences of each\n"
            "                         file (for quick tests)\n"
            "  -q, --quiet            no progress on stderr\n"
            "  -h, --help             this help\n\n"
            "Exit status: 0 ok, 1 bad treebank, 2 usage error, 3 I/O error.\n");
}

int evg_train_number(const char *opt, const char *s, unsigned long long *out)
{
    char *e;
    if (!s || !*s || (*out = strtoull(s, &e, 10), *e)) {
        fprintf(stderr, "evgraph-train: %s: '%s' is not a number\n", opt,
                s ? s : "");
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "events"))
        return evg_train_events_main(argc - 1, argv + 1);
    syn_train_opts o;
    syn_train_defaults(&o);
    o.log = stderr;
    const char *out = NULL, *wordnet = NULL, *words = NULL;
    const char **train = calloc((size_t)argc, sizeof *train);
    size_t ntrain = 0;
    if (!train)
        return 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        unsigned long long n = 0;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            free(train);
            return 0;
        } else if (!strcmp(a, "-o") || !strcmp(a, "--output")) {
            out = v;
            i++;
        } else if (!strcmp(a, "-d") || !strcmp(a, "--dev")) {
            o.dev = v;
            i++;
        } else if (!strcmp(a, "--wordnet")) {
            wordnet = v;
            i++;
        } else if (!strcmp(a, "--words")) {
            words = v;
            i++;
        } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
            o.log = NULL;
        } else if (!strcmp(a, "--tag-epochs") || !strcmp(a, "--parse-epochs") ||
                   !strcmp(a, "--folds") || !strcmp(a, "--seed") ||
                   !strcmp(a, "--max-sentences") || !strcmp(a, "--prune") ||
                   !strcmp(a, "--prune-tagger") || !strcmp(a, "--tag-beam")) {
            if (evg_train_number(a, v, &n) < 0) {
                free(train);
                return 2;
            }
            i++;
            if (!strcmp(a, "--tag-epochs"))
                o.tag_epochs = (unsigned)n;
            else if (!strcmp(a, "--parse-epochs"))
                o.parse_epochs = (unsigned)n;
            else if (!strcmp(a, "--folds"))
                o.folds = (unsigned)n;
            else if (!strcmp(a, "--seed"))
                o.seed = n;
            else if (!strcmp(a, "--prune"))
                o.prune = (unsigned)n;
            else if (!strcmp(a, "--prune-tagger"))
                o.prune_tagger = (unsigned)n;
            else if (!strcmp(a, "--tag-beam")) {
                if (n == 1 || n > 16) {
                    fprintf(stderr, "evgraph-train: --tag-beam takes 0 or 2 "
                            "to 16\n");
                    free(train);
                    return 2;
                }
                o.tag_beam = (unsigned)n;
            }
            else
                o.max_sentences = (size_t)n;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "evgraph-train: unknown option '%s'\n", a);
            free(train);
            return 2;
        } else {
            train[ntrain++] = a;
        }
    }
    if (!out || !ntrain || (o.dev == NULL && argc > 1 &&
                            (!strcmp(argv[argc - 1], "-d")))) {
        fprintf(stderr, "evgraph-train: need -o MODEL and at least one "
                        "treebank (try --help)\n");
        free(train);
        return 2;
    }
    o.train = train;
    o.ntrain = ntrain;
    evg_error err;
    evg_error_clear(&err);
    evg_syn_model *m;
    char **lw = NULL;
    uint32_t *lv = NULL;
    size_t nl = 0;
    int rc = 0;
    if ((wordnet || words) &&
        (rc = evg_syn_lexicon_read(wordnet, words, &lw, &lv, &nl, &err)) < 0) {
        fprintf(stderr, "evgraph-train: %s\n", err.message);
        free(train);
        return rc == EVG_EIO ? 3 : 1;
    }
    o.lex_words = (const char *const *)lw;
    o.lex_values = lv;
    o.nlex = nl;
    rc = syn_train(&o, &m, &err);
    for (size_t i = 0; i < nl; i++)
        free(lw[i]);
    free(lw);
    free(lv);
    if (rc == 0) {
        rc = evg_syn_model_save(m, out, &err);
        evg_syn_model_free(m);
    }
    free(train);
    if (rc < 0) {
        fprintf(stderr, "evgraph-train: %s\n", err.message[0] ? err.message
                                                              : evg_strerror(rc));
        return rc == EVG_EIO ? 3 : 1;
    }
    return 0;
}
