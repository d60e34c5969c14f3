/* The event coder's word classes: determiners, pronouns, auxiliaries,
 * finite verbs, forms of "be", clause boundaries and prepositions, and the
 * token tests built on them (events.h holds the inline ones). */
#include <stddef.h>

#include "events.h"

const char *const evg_events__determiners[] = {
    "the", "a", "an", "its", "their", "his", "her", "our", "your", "my",
    "this", "these", "those", "any", "no", "every", "each", "some",
    "another", "'s", "’s", "such", NULL};
const char *const evg_events__pronouns[] = {
    "they", "he", "she", "it", "we", "i", "you", "who", "that", "which", NULL};
const char *const evg_events__aux[] = {
    "to", "will", "would", "shall", "should", "can", "could", "may",
    "might", "must", "do", "does", "did", "not", "never", "also", "has",
    "have", "had", "then", "later", "now", "already", "jointly", "again",
    "formally", "once", "still", "just", "today", "yesterday", NULL};
const char *const evg_events__finite[] = {
    "has", "have", "had", "will", "would", "shall", "did", "does", "do",
    "can", "could", "may", "might", "must", "should", NULL};
const char *const evg_events__be[] = {"is",    "are",   "was", "were", "be",
                                      "been", "being", "'s",  "’s",   NULL};
const char *const evg_events__boundary[] = {
    ";", ":", "that", "which", "who", "whom", "whose", "because",
    "while", "although", "though", "but", "whereas", "if", "unless",
    "when", "after", "before", "since", "\"", "“", "”", "(", ")", "as",
    "following", "amid", "despite", "where", "until", "once", NULL};
const char *const evg_events__prepositions[] = {
    "in", "at", "on", "into", "near", "against", "across", "to", "toward",
    "towards", "with", "from", "about", "over", "under", "through",
    "within", "between", "among", "despite", "for", "by", "via", "like",
    "than", "upon", "onto", "outside", "inside", NULL};

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
