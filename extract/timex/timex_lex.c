/* The time tagger's word list: extract/data/timex.tsv (compiled in) parsed
 * once into a hash table that the recognizer consults per token. */
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "timex.h"
#include "words.h"

#define MAX_WORDS 512

/* The tagger's word lists (extract/data/NAME.words), timex_tagger.h. */
const char *const *evg_timex__function_words;
const char *const *evg_timex__short_months;
const char *const *evg_timex__month_cues;
const char *const *evg_timex__decades;

static const evg_words_use uses[] = {
    {"function_words.words", 0, &evg_timex__function_words, NULL},
    {"short_months.words", 0, &evg_timex__short_months, NULL},
    {"month_cues.words", 0, &evg_timex__month_cues, NULL},
    {"decades.words", EVG_WORDS_COUNT(8), &evg_timex__decades, NULL}};
static evg_words_set lists = EVG_WORDS_SET(uses);

int evg_timex__load_words(evg_error *err)
{
    return evg_words_load(&lists, err);
}

static const char *const class_names[TX_NCLASS] = {
    "month",  "wday",   "unit", "num",   "ord",    "season", "pod",  "rel",
    "dayrel", "ref",    "set",  "fuzzy", "approx", "less",   "more", "eqless",
    "pos",    "fut",    "past", "ago",   "tz",     "fiscal", "ampm", "clock",
    "lead"};

static tx_word words[MAX_WORDS];
static size_t n_words;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static int class_of(const char *s, size_t n)
{
    for (int i = 0; i < TX_NCLASS; i++)
        if (strlen(class_names[i]) == n && memcmp(class_names[i], s, n) == 0)
            return i;
    return -1;
}

static tx_word *find_or_add(const char *w, size_t n)
{
    for (size_t i = 0; i < n_words; i++)
        if (strlen(words[i].word) == n && memcmp(words[i].word, w, n) == 0)
            return &words[i];
    if (n_words == MAX_WORDS || n >= sizeof(words[0].word))
        return NULL;
    tx_word *e = &words[n_words++];
    for (size_t i = 0; i < n; i++)
        e->word[i] = (char)tolower((unsigned char)w[i]);
    return e;
}

/* One line "word<TAB>class<TAB>value"; malformed lines are skipped (the
 * unit tests check that the built-in file has none). */
static void parse_line(const char *s, size_t n)
{
    if (n == 0 || s[0] == '#')
        return;
    const char *t1 = memchr(s, '\t', n);
    if (!t1)
        return;
    const char *rest = t1 + 1;
    const char *t2 = memchr(rest, '\t', (size_t)(s + n - rest));
    if (!t2)
        return;
    int cls = class_of(rest, (size_t)(t2 - rest));
    char num[16];
    size_t vl = (size_t)(s + n - t2 - 1);
    if (cls < 0 || vl == 0 || vl >= sizeof(num))
        return;
    memcpy(num, t2 + 1, vl);
    num[vl] = '\0';
    char *end;
    long v = strtol(num, &end, 10);
    if (*end != '\0' && *end != '\r')
        return;
    tx_word *e = find_or_add(s, (size_t)(t1 - s));
    if (!e)
        return;
    e->cls |= 1u << cls;
    e->val[cls] = (short)v;
}

#define TABLE_SIZE 2048 /* power of two, over 2 x MAX_WORDS */
static short table[TABLE_SIZE]; /* index + 1 into words, 0 = empty */

static unsigned hash(const char *s, size_t n)
{
    unsigned h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static void index_words(void)
{
    for (size_t i = 0; i < n_words; i++) {
        size_t n = strlen(words[i].word);
        unsigned h = hash(words[i].word, n) & (TABLE_SIZE - 1);
        while (table[h])
            h = (h + 1) & (TABLE_SIZE - 1);
        table[h] = (short)(i + 1);
    }
}

static void load(void)
{
    const evg_embedded *f = evg_extract__embedded("timex.tsv");
    if (!f)
        return;
    const char *p = f->data, *end = f->data + f->len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        parse_line(p, n);
        p += n + 1;
    }
    index_words();
}

const tx_word *evg_timex__lookup(const char *s, size_t n)
{
    char key[16];
    if (n == 0 || n >= sizeof(key))
        return NULL;
    pthread_once(&once, load);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80)
            return NULL;
        key[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    unsigned h = hash(key, n) & (TABLE_SIZE - 1);
    while (table[h]) {
        const tx_word *w = &words[table[h] - 1];
        if (memcmp(w->word, key, n) == 0 && w->word[n] == '\0')
            return w;
        h = (h + 1) & (TABLE_SIZE - 1);
    }
    return NULL;
}
