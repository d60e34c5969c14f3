/* Dictionaries: the built-in gazetteer and trigger lexicon, compiled into
 * the binary from extract/data/, plus the user's own files (--dict). */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "evgraph/io.h"
#include "lexicon.h"

#define DICT_MAX ((size_t)64 << 20)

/* A user file says what it is on its first line: "#evgraph:triggers" for
 * the trigger lexicon; anything else extends the gazetteer. */
static int is_triggers(const char *data, size_t len)
{
    static const char tag[] = "#evgraph:triggers";
    return len >= sizeof(tag) - 1 && memcmp(data, tag, sizeof(tag) - 1) == 0;
}

int evg_lexicon_load(const char *const *user_files, size_t n_user,
                     evg_lexicon **out, evg_error *err)
{
    *out = NULL;
    evg_lexicon *lex = calloc(1, sizeof(*lex));
    if (!lex)
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    int rc;
    if ((rc = evg_extract__gazetteer_new(&lex->gaz, err)) ||
        (rc = evg_extract__triggers_new(&lex->trig, err)))
        goto done;
    for (size_t i = 0; i < n_user; i++) {
        char *data;
        size_t len;
        if ((rc = evg_read_file(user_files[i], DICT_MAX, &data, &len, err)))
            goto done;
        if (!evg_utf8_valid(data, len, NULL)) {
            free(data);
            rc = evg_error_set(err, EVG_EUTF8, "%s: not valid UTF-8",
                               user_files[i]);
            goto done;
        }
        const char *nul = memchr(data, '\0', len);
        if (nul) {
            long line = 1;
            for (const char *p = data; p < nul; p++)
                line += *p == '\n';
            free(data);
            rc = evg_error_set(err, EVG_EPARSE, "%s:%ld: NUL byte in the file",
                               user_files[i], line);
            goto done;
        }
        /* a byte order mark is no part of the first line */
        size_t bom = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
        rc = is_triggers(data + bom, len - bom)
                 ? evg_extract__triggers_add(lex->trig, data + bom, len - bom,
                                             user_files[i], err)
                 : evg_extract__gazetteer_add(lex->gaz, data + bom, len - bom,
                                              user_files[i], err);
        free(data);
        if (rc)
            goto done;
    }
done:
    if (rc) {
        evg_lexicon_free(lex);
        return rc;
    }
    *out = lex;
    return 0;
}

void evg_lexicon_free(evg_lexicon *lex)
{
    if (!lex)
        return;
    evg_extract__gazetteer_free(lex->gaz);
    evg_extract__triggers_free(lex->trig);
    free(lex);
}

static pthread_once_t default_once = PTHREAD_ONCE_INIT;
static evg_lexicon *default_lex;
static evg_error default_err;

static void free_default(void)
{
    evg_lexicon_free(default_lex);
    default_lex = NULL;
}

static void load_default(void)
{
    if (evg_lexicon_load(NULL, 0, &default_lex, &default_err) == 0)
        atexit(free_default); /* keeps LeakSanitizer honest */
}

const evg_lexicon *evg_extract__default_lexicon(evg_error *err)
{
    pthread_once(&default_once, load_default);
    if (!default_lex) {
        if (err)
            *err = default_err;
        return NULL;
    }
    return default_lex;
}
