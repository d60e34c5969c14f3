/* The event coder's word classes: determiners, pronouns, auxiliaries,
 * finite verbs, forms of "be", clause boundaries and prepositions, read
 * from the .words files of extract/data/, and the token tests built on
 * them (events.h holds the inline ones). */
#include <pthread.h>
#include <stddef.h>

#include "events.h"
#include "words.h"

const char *const *evg_events__determiners;
const char *const *evg_events__pronouns;
const char *const *evg_events__aux;
const char *const *evg_events__finite;
const char *const *evg_events__be;
const char *const *evg_events__boundary;
const char *const *evg_events__prepositions;

static pthread_once_t words_once = PTHREAD_ONCE_INIT;
static int words_rc;
static evg_error words_err;

static void load_words(void)
{
    static const struct {
        const char *file;
        const char *const **list;
    } lists[] = {{"determiners.words", &evg_events__determiners},
                 {"pronouns.words", &evg_events__pronouns},
                 {"auxiliaries.words", &evg_events__aux},
                 {"finite_auxiliaries.words", &evg_events__finite},
                 {"be.words", &evg_events__be},
                 {"clause_boundaries.words", &evg_events__boundary},
                 {"prepositions.words", &evg_events__prepositions}};
    for (size_t i = 0; i < sizeof(lists) / sizeof(lists[0]) && !words_rc; i++)
        words_rc = evg_words_list(lists[i].file, 0, lists[i].list, NULL,
                                  &words_err);
}

int evg_events__load_words(evg_error *err)
{
    pthread_once(&words_once, load_words);
    if (words_rc && err)
        *err = words_err;
    return words_rc;
}

int evg_events__is(const sent_ctx *s, size_t i, const char *w)
{
    if (i >= s->tok.n)
        return 0;
    /* `w` is lower case: compare without measuring it first */
    const evg_token *t = &s->tok.v[i];
    size_t n = t->end - t->start;
    for (size_t k = 0; k < n; k++)
        if (!w[k] || ev_lower(s->text[t->start + k]) != (unsigned char)w[k])
            return 0;
    return w[n] == '\0';
}

/* The first character of a tokenized-text quote, `` or '' (two tokens
 * of one character each), which is a clause boundary like a quote mark. */
int evg_events__ptb_quote(const sent_ctx *s, size_t i)
{
    char c = s->text[s->tok.v[i].start];
    if (!(s->tok.v[i].flags & EVG_TOK_PUNCT) || (c != '`' && c != '\''))
        return 0;
    if (i > 0 && s->tok.v[i - 1].end == s->tok.v[i].start &&
        s->text[s->tok.v[i - 1].start] == c)
        return 0; /* the second of the pair */
    return i + 1 < s->tok.n && s->tok.v[i + 1].start == s->tok.v[i].end &&
           s->text[s->tok.v[i + 1].start] == c &&
           (s->tok.v[i + 1].flags & EVG_TOK_PUNCT);
}

size_t evg_events__barriers(const sent_ctx *s, size_t a, size_t b)
{
    if (a > b) {
        size_t t = a;
        a = b;
        b = t;
    }
    if (b <= a + 1)
        return 0;
    return s->bar[b] - s->bar[a + 1];
}
