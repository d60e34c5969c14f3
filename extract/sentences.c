/* Sentence splitting: full stops, question and exclamation marks and
 * paragraph breaks end sentences, except after known abbreviations. */
#include <ctype.h>
#include <string.h>

#include "internal.h"

static const char *const abbrevs[] = {"mr", "mrs", "ms", "dr", "gen", "sen",
    "rep", "gov", "st", "jan", "feb", "mar", "apr", "aug", "sep", "sept",
    "oct", "nov", "dec", "inc", "corp", "co", "ltd", "jr", "sr", "vs", "no",
    "prof", "lt", "col", "capt", "sgt", "u.s", "u.k", "u.n", "e.g", "i.e",
    NULL};

static int is_abbrev(const char *t, size_t word, size_t dot)
{
    size_t n = dot - word;
    if (n == 1 && isupper((unsigned char)t[word]))
        return 1; /* an initial: Donald J. Trump */
    for (const char *const *a = abbrevs; *a; a++) {
        if (strlen(*a) != n)
            continue;
        size_t k = 0;
        while (k < n && tolower((unsigned char)t[word + k]) == (*a)[k])
            k++;
        if (k == n)
            return 1;
    }
    return 0;
}

static int add(evg_doc *doc, size_t s, size_t e)
{
    const char *t = doc->text;
    while (s < e && isspace((unsigned char)t[s]))
        s++;
    while (e > s && isspace((unsigned char)t[e - 1]))
        e--;
    if (s == e)
        return 0;
    evg_sentence *sn = EVG_DOC_PUSH(doc, doc->sentences, doc->n_sentences,
                                    doc->cap_sentences);
    if (!sn)
        return EVG_ENOMEM;
    sn->start = s;
    sn->end = e;
    sn->text = evg_doc_strndup(doc, t + s, e - s);
    return sn->text ? 0 : EVG_ENOMEM;
}

int evg_extract__sentences(evg_doc *doc, size_t body,
                           const evg_extract_opts *opts, evg_error *err)
{
    (void)opts;
    (void)err;
    const char *t = doc->text;
    size_t n = doc->text_len, start = body;
    for (size_t i = body; i < n; i++) {
        char c = t[i];
        if (c == '\n') {
            size_t j = i + 1;
            while (j < n && (t[j] == ' ' || t[j] == '\t' || t[j] == '\r'))
                j++;
            if (j < n && t[j] == '\n') {
                if (add(doc, start, i))
                    return EVG_ENOMEM;
                start = j;
            }
            continue;
        }
        if (c != '.' && c != '?' && c != '!')
            continue;
        size_t j = i + 1;
        while (j < n && (t[j] == '"' || t[j] == ')' || t[j] == '\''))
            j++;
        if (j + 2 < n && memcmp(t + j, "\xe2\x80\x9d", 3) == 0)
            j += 3;
        if (j < n && !isspace((unsigned char)t[j]))
            continue;
        if (c == '.') {
            size_t w = i;
            while (w > body && (isalpha((unsigned char)t[w - 1]) || t[w - 1] == '.'))
                w--;
            if (is_abbrev(t, w, i))
                continue;
        }
        if (add(doc, start, j))
            return EVG_ENOMEM;
        start = j;
    }
    return add(doc, start, n);
}
