/* Benchmark of loading the dictionaries: times the first load of the
 * built-in gazetteer (our files of extract/data/ and the Phoenix actors
 * and agents files of extract/petrarch/) with the trigger lexicon, and
 * reports the gazetteer's entries, the bytes it holds and the process's
 * resident memory before and after. Then times a user's PETRARCH-format
 * file layered over it (the Phoenix countries file read again as a
 * --dict file). No gold data involved.
 *
 * usage: bench_dict */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_util.h"
#include "core.h"
#include "evgraph/evgraph.h"
#include "lexicon/lexicon.h"

/* Resident set size of this process, in KB (VmRSS), or -1. */
static long rss_kb(const char *field)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long v = -1;
    size_t fl = strlen(field);
    while (f && fgets(line, sizeof(line), f))
        if (!strncmp(line, field, fl))
            v = strtol(line + fl, NULL, 10);
    if (f)
        fclose(f);
    return v;
}

int main(void)
{
    evg_error err;
    evg_error_clear(&err);
    long before = rss_kb("VmRSS:");
    double w0 = wall_now(), c0 = cpu_now();
    evg_lexicon *lex = NULL;
    if (evg_lexicon_load(NULL, 0, &lex, &err)) {
        fprintf(stderr, "bench_dict: %s\n", err.message);
        return 1;
    }
    double w1 = wall_now(), c1 = cpu_now();
    long after = rss_kb("VmRSS:");
    size_t entries = 0;
    size_t bytes = evg_extract__gazetteer_size(lex->gaz, &entries);
    printf("built-in dictionaries: loaded in %.1f ms wall, %.1f ms CPU\n",
           (w1 - w0) * 1e3, (c1 - c0) * 1e3);
    printf("gazetteer: %zu entries, %.1f MB held; resident memory %.1f MB "
           "-> %.1f MB (+%.1f MB)\n",
           entries, (double)bytes / 1048576.0, (double)before / 1024.0,
           (double)after / 1024.0, (double)(after - before) / 1024.0);
    evg_lexicon_free(lex);
    const char *user[] = {EVG_SOURCE_DIR
                          "/extract/petrarch/Phoenix.Countries.actors.txt"};
    w0 = wall_now();
    if (evg_lexicon_load(user, 1, &lex, &err)) {
        fprintf(stderr, "bench_dict: %s\n", err.message);
        return 1;
    }
    w1 = wall_now();
    bytes = evg_extract__gazetteer_size(lex->gaz, &entries);
    printf("a 1.4 MB PETRARCH .actors file as --dict: %.1f ms wall, %zu "
           "entries, %.1f MB held\n",
           (w1 - w0) * 1e3, entries, (double)bytes / 1048576.0);
    evg_lexicon_free(lex);
    return 0;
}
