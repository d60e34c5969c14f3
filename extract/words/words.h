/* The data files of extract/data/, compiled into the binary by the build
 * (cmake/embed.cmake), as every dictionary and word list reads them. */
#ifndef EVG_EXTRACT_WORDS_H
#define EVG_EXTRACT_WORDS_H

#include <stddef.h>

#include "core.h"

typedef struct evg_embedded {
    const char *name;
    const char *data;
    size_t len;
} evg_embedded;
/* The embedded file `name` ("gazetteer.tsv"), or NULL. */
const evg_embedded *evg_extract__embedded(const char *name);

/* Word lists: extract/data/NAME (e.g. "determiners.words"), one word or
 * phrase per line, lower case UTF-8, in the order of the file; lines
 * starting with '#' and blank lines are skipped. A list of pairs
 * (EVG_WORDS_PAIRS, e.g. "irregular_verbs.words") holds two such words a
 * line, separated by one tab; a list of triples (EVG_WORDS_TRIPLES,
 * "timex.tsv") three. */
enum {
    EVG_WORDS_SORTED = 1, /* in strcmp order of the (first) words, no repeats */
    EVG_WORDS_PAIRS = 2,  /* two words a line: list[2i] TAB list[2i + 1] */
    EVG_WORDS_TRIPLES = 4 /* three: list[3i] TAB list[3i + 1] TAB ... */
};
/* Words a line of a list read with FLAGS: 1, 2 or 3. */
size_t evg_words_columns(int flags);
/* The list must hold exactly N lines: a list whose order means something
 * (the months, January first). N below 2^20. */
#define EVG_WORDS_COUNT(n) ((n) << 8)

/* Sets *out to the NULL-terminated list NAME and *n (if not NULL) to its
 * length in lines (a list of pairs holds 2 * n words, of triples 3 * n).
 * Each list is read once, at its first use, and lives until exit;
 * thread-safe. The one error policy of every list: a list that is absent,
 * empty, holds a malformed line, is out of order (with EVG_WORDS_SORTED)
 * or of the wrong length (with EVG_WORDS_COUNT) is a broken build; the
 * call returns EVG_EPARSE naming the file and line (EVG_ENOMEM when memory
 * runs out), and the stage that asked returns it. Nothing is cached after
 * a failure. */
int evg_words_list(const char *name, int flags, const char *const **out,
                   size_t *n, evg_error *err);

/* The lists a module reads, loaded together by evg_words_load(). */
typedef struct evg_words_use {
    const char *file;          /* "determiners.words" */
    int flags;                 /* EVG_WORDS_* */
    const char *const **list;  /* set to the NULL-terminated list */
    size_t *n;                 /* set to its length in lines, or NULL */
} evg_words_use;

typedef struct evg_words_set {
    const evg_words_use *use;
    size_t n;
    int loaded; /* guarded by the loader's lock */
} evg_words_set;
#define EVG_WORDS_SET(uses) {(uses), sizeof(uses) / sizeof((uses)[0]), 0}

/* Sets every list of `set` (evg_words_list() for each) the first time it
 * succeeds; later calls only check that it did. Errors as
 * evg_words_list(). A stage calls it once per document before it reads
 * the lists. */
int evg_words_load(evg_words_set *set, evg_error *err);

/* What evg_words_list() does with an embedded file, on `len` bytes of
 * `data` read as the list NAME: the words point into *buf (NUL-separated
 * copy of the data); free *buf and *words with free(). Same errors. */
int evg_words_parse(const char *name, const char *data, size_t len,
                    int flags, char **buf, const char ***words, size_t *n,
                    evg_error *err);

#endif
