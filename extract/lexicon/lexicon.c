/* Dictionaries: the built-in gazetteer (our files of extract/data/ and the
 * Phoenix dictionaries of extract/petrarch/) and trigger lexicon, compiled
 * into the binary, plus the user's own files (--dict) in our formats or
 * the TABARI/PETRARCH ones. The built-in gazetteer is read once per
 * process and shared: a lexicon with user files holds only their layer. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "evgraph/io.h"
#include "lexicon.h"
#include "triggers.h"

#define DICT_MAX ((size_t)64 << 20)

static pthread_once_t base_once = PTHREAD_ONCE_INIT;
static evg_gazetteer *base_gaz;
static evg_error base_err;

static void free_base(void)
{
    evg_extract__gazetteer_free(base_gaz);
    base_gaz = NULL;
}

static void load_base(void)
{
    if (evg_extract__gazetteer_new(&base_gaz, &base_err) == 0)
        atexit(free_base); /* keeps LeakSanitizer honest */
}

/* The built-in gazetteer, loaded at the first call; NULL with err set. */
static evg_gazetteer *builtin_gazetteer(evg_error *err)
{
    pthread_once(&base_once, load_base);
    if (!base_gaz && err)
        *err = base_err;
    return base_gaz;
}

int evg_lexicon_load(const char *const *user_files, size_t n_user,
                     evg_lexicon **out, evg_error *err)
{
    *out = NULL;
    evg_lexicon *lex = calloc(1, sizeof(*lex));
    if (!lex)
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    int rc;
    evg_gazetteer *base = builtin_gazetteer(err);
    if (!base) {
        rc = base_err.code ? base_err.code : EVG_ENOMEM;
        goto done;
    }
    lex->gaz = base; /* shared: freed at exit, never by a lexicon */
    if (n_user) {
        if ((rc = evg_extract__gazetteer_layer(base, &lex->gaz, err)))
            goto done;
        lex->own_gaz = 1;
    }
    if ((rc = evg_extract__triggers_new(&lex->trig, err)))
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
        const char *d = data + bom;
        size_t n = len - bom;
        evg_dict_format f = evg_extract__dict_format(d, n, user_files[i]);
        switch (f) {
        case EVG_DICT_TRIGGERS:
            rc = evg_extract__triggers_add(lex->trig, d, n, user_files[i], err);
            break;
        case EVG_DICT_VERBS:
            rc = evg_extract__petrarch_verbs_add(lex->trig, d, n,
                                                 user_files[i], NULL, err);
            break;
        case EVG_DICT_GAZETTEER:
            rc = evg_extract__gazetteer_add(lex->gaz, d, n, user_files[i], err);
            break;
        case EVG_DICT_UNKNOWN:
            rc = evg_error_set(
                err, EVG_EPARSE,
                "%s: not a dictionary format evgraph reads (our "
                "'phrase<TAB>class<TAB>CODE' gazetteer, a '#evgraph:triggers' "
                "lexicon, PETRARCH .actors, agents or verbs, or a discard list "
                "named *discard*)",
                user_files[i]);
            break;
        default:
            rc = evg_extract__petrarch_add(lex->gaz, f, d, n, user_files[i],
                                           err);
            break;
        }
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
    if (lex->own_gaz)
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
