/* Tokens (tokens.c): words, numbers and punctuation with byte offsets into
 * the text, shared by the dictionaries and every later stage. */
#ifndef EVG_EXTRACT_TOKENS_H
#define EVG_EXTRACT_TOKENS_H

#include <stddef.h>

#include "core.h"
#include "doc_layer.h" /* the document's tokens */

enum {
    EVG_TOK_WORD = 1u << 0,   /* letters (may hold ' - . inside: U.S., don't) */
    EVG_TOK_NUM = 1u << 1,    /* starts with a digit: 90, 2019-05-23, 3.5 */
    EVG_TOK_PUNCT = 1u << 2,  /* one punctuation character or symbol */
    EVG_TOK_CAP = 1u << 3,    /* first letter upper case */
    EVG_TOK_UPPER = 1u << 4   /* all letters upper case (US, NATO) */
};

typedef struct evg_token {
    size_t start;
    size_t end;
    unsigned flags;
} evg_token;

typedef struct evg_tokens {
    evg_token *v;
    size_t n;
    size_t cap;
} evg_tokens;

/* Appends the tokens of text[start, end) to `out` (malloc'd storage).
 * Curly apostrophes count as apostrophes. EVG_ENOMEM. */
int evg_extract__tokenize(const char *text, size_t start, size_t end,
                          evg_tokens *out);
void evg_extract__tokens_dispose(evg_tokens *t);

/* The tokens stage: tokenizes every sentence of `doc` once, into
 * doc->pieces, which the later stages read (the parser's UD words, the
 * actor finder, the event coder). EVG_ENOMEM. */
int evg_extract__tokens(evg_doc *doc);

/* Sets `out` to the tokens of sentence `k`: the document's (the tokens
 * stage's), or, for a document made without that stage (by hand, or
 * read back from JSON), the sentence tokenized now. EVG_ENOMEM. */
int evg_extract__tokens_of(const evg_doc *doc, size_t k, evg_tokens *out);
/* The same for window `win` of sentence `k` (evg_doc__window): the
 * tokens that start in its bytes [lo, hi), or the whole sentence's for a
 * window that is the sentence itself. EVG_ENOMEM. */
int evg_extract__tokens_in(const evg_doc *doc, size_t k,
                           const evg_doc_window *win, evg_tokens *out);

/* Case-insensitive comparison of token `t` with the ASCII word `w`. */
int evg_extract__tok_is(const char *text, const evg_token *t, const char *w);

#endif
