/* The time tagger's word lists: extract/data/timex.tsv (compiled in, read
 * by the one word-list loader as triples) built once into a hash table
 * that the recognizer consults per token, and the .words lists the
 * grammar reads. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "timex.h"
#include "words.h"

#define MAX_WORDS 512

/* The tagger's word lists (extract/data/NAME.words), timex.h; and
 * timex.tsv: word, class, value. */
const char *const *evg_timex__function_words;
const char *const *evg_timex__short_months;
const char *const *evg_timex__month_cues;
const char *const *evg_timex__decades;
const char *const *evg_timex__year_blockers_before;
const char *const *evg_timex__year_blockers_after;
const char *const *evg_timex__period_same;
const char *const *evg_timex__period_current;
const char *const *evg_timex__modals;
const char *const *evg_timex__duration_fillers;
const char *const *evg_timex__day_kinds;
static const char *const *tsv;
static size_t n_tsv;

static const evg_words_use uses[] = {
    {"timex.tsv", EVG_WORDS_TRIPLES, &tsv, &n_tsv},
    {"function_words.words", 0, &evg_timex__function_words, NULL},
    {"short_months.words", 0, &evg_timex__short_months, NULL},
    {"month_cues.words", 0, &evg_timex__month_cues, NULL},
    {"decades.words", EVG_WORDS_COUNT(8), &evg_timex__decades, NULL},
    {"year_blockers_before.words", 0, &evg_timex__year_blockers_before, NULL},
    {"year_blockers_after.words", 0, &evg_timex__year_blockers_after, NULL},
    {"period_same.words", 0, &evg_timex__period_same, NULL},
    {"period_current.words", 0, &evg_timex__period_current, NULL},
    {"modals.words", 0, &evg_timex__modals, NULL},
    {"duration_fillers.words", 0, &evg_timex__duration_fillers, NULL},
    {"day_kinds.words", 0, &evg_timex__day_kinds, NULL}};
static evg_words_set lists = EVG_WORDS_SET(uses);

static const char *const class_names[TX_NCLASS] = {
    "month",  "wday",   "unit", "num",   "ord",    "season", "pod",  "rel",
    "dayrel", "ref",    "set",  "fuzzy", "approx", "less",   "more", "eqless",
    "pos",    "fut",    "past", "ago",   "tz",     "fiscal", "ampm", "clock",
    "lead"};

static tx_word words[MAX_WORDS];
static size_t n_words;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static int built_rc;
static evg_error built_err;

static int class_of(const char *s)
{
    for (int i = 0; i < TX_NCLASS; i++)
        if (strcmp(class_names[i], s) == 0)
            return i;
    return -1;
}

static tx_word *find_or_add(const char *w)
{
    for (size_t i = 0; i < n_words; i++)
        if (strcmp(words[i].word, w) == 0)
            return &words[i];
    if (n_words == MAX_WORDS || strlen(w) >= sizeof(words[0].word))
        return NULL;
    tx_word *e = &words[n_words++];
    strcpy(e->word, w);
    return e;
}

#define TABLE_SIZE 2048 /* power of two, over 2 x MAX_WORDS */
static short table[TABLE_SIZE]; /* index + 1 into words, 0 = empty */

static void index_words(void)
{
    for (size_t i = 0; i < n_words; i++) {
        size_t n = strlen(words[i].word);
        unsigned h = evg_fnv32(words[i].word, n) & (TABLE_SIZE - 1);
        while (table[h])
            h = (h + 1) & (TABLE_SIZE - 1);
        table[h] = (short)(i + 1);
    }
}

/* The table from the lines of timex.tsv: a class the tagger knows and a
 * whole number on each; a word of 16 bytes or more, or more than
 * MAX_WORDS words, is an error too. */
static void build(void)
{
    for (size_t i = 0; i < n_tsv && !built_rc; i++) {
        const char *w = tsv[3 * i], *cl = tsv[3 * i + 1], *v = tsv[3 * i + 2];
        int cls = class_of(cl);
        char *end;
        long val = strtol(v, &end, 10);
        tx_word *e = NULL;
        if (cls < 0 || *end || end == v || val < -9999 || val > 9999 ||
            !(e = find_or_add(w))) {
            built_rc = evg_error_set(&built_err, EVG_EPARSE,
                                     "extract/data/timex.tsv: word '%s', "
                                     "class '%s', value '%s': a word under "
                                     "16 bytes (%d words at most), a class "
                                     "of the tagger and a whole number",
                                     w, cl, v, MAX_WORDS);
            break;
        }
        e->cls |= 1u << cls;
        e->val[cls] = (short)val;
    }
    if (!built_rc)
        index_words();
}

int evg_timex__load_words(evg_error *err)
{
    int rc = evg_words_load(&lists, err);
    if (rc)
        return rc;
    pthread_once(&once, build);
    if (built_rc && err)
        *err = built_err;
    return built_rc;
}

const tx_word *evg_timex__lookup(const char *s, size_t n)
{
    char key[16];
    if (n == 0 || n >= sizeof(key))
        return NULL;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80)
            return NULL;
        key[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    unsigned h = evg_fnv32(key, n) & (TABLE_SIZE - 1);
    while (table[h]) {
        const tx_word *w = &words[table[h] - 1];
        if (memcmp(w->word, key, n) == 0 && w->word[n] == '\0')
            return w;
        h = (h + 1) & (TABLE_SIZE - 1);
    }
    return NULL;
}
