/* The token layer while a document is being extracted (layer.c): compact,
 * 10 bytes a word instead of a whole evg_doc_token (about 110 with its
 * strings), since every stage from the parse to the events needs it for
 * the whole document. The form is the text's own bytes (offsets relative
 * to the sentence), lemmas are stored once per distinct lemma, tags and
 * relations are the parser's numbers. The stages read one sentence at a time, as an array of
 * evg_doc_token made on demand (evg_doc__sentence_tokens); at the end
 * the layer is freed, or written out into doc->tokens when the caller
 * keeps it (`--tokens`). A document read from JSON has no layer: these
 * calls then read doc->tokens. */
#ifndef EVG_DOC_LAYER_H
#define EVG_DOC_LAYER_H

#include <stddef.h>
#include <stdint.h>

#include "evgraph/document.h"

/* The sentences while a document is extracted (layer.c): 8 bytes a
 * sentence (its bytes [start, end) of the text) and a bit (boilerplate),
 * instead of an evg_sentence of 32, since a text of one-word sentences
 * ("Go. " repeated, a sentence every 4 bytes) would otherwise hold 8
 * times its size in them. The sentence stage makes them so for a text
 * under 4 GiB; every stage reads them through evg_doc__sentence. At the
 * end of extraction they are written out into doc->sentences, with a
 * copy of each one's text (evg_doc__sentences_unpack), unless the caller
 * asked to keep them compact (evg_extract_opts.compact_sentences): the
 * JSON writer then writes each sentence's text from the document's. */
typedef struct evg_doc_sent {
    uint32_t start, end;
} evg_doc_sent;

struct evg_doc_sents {
    evg_doc_sent *v;
    unsigned char *boiler; /* a bit a sentence */
    size_t cap;
};

/* Sentence `k` (< doc->n_sentences) of the document, compact or not (its
 * `text` NULL when compact). */
static inline evg_sentence evg_doc__sentence(const evg_doc *doc, size_t k)
{
    const evg_doc_sents *s = doc->sents;
    if (!s)
        return doc->sentences[k];
    evg_sentence r = {s->v[k].start, s->v[k].end, NULL,
                      (s->boiler[k >> 3] >> (k & 7)) & 1};
    return r;
}

/* Appends sentence [start, end) to the document, compact when its text is
 * under 4 GiB (the first call decides), else to doc->sentences.
 * EVG_ENOMEM. */
int evg_doc__sentence_add(evg_doc *doc, size_t start, size_t end,
                          int boilerplate);

/* Marks sentence `k` as boilerplate. */
void evg_doc__sentence_set_boilerplate(evg_doc *doc, size_t k);

/* Writes the compact sentences out into doc->sentences, each with a copy
 * of its text, and frees them; a document without them gets the copies
 * its sentences lack. EVG_ENOMEM (the compact ones are then kept). */
int evg_doc__sentences_unpack(evg_doc *doc);

/* Frees the compact sentences (evg_doc_free). */
void evg_doc__sentences_free(evg_doc *doc);

/* A token at the tokenizer's grain (extract/text/tokens.h), 4 bytes: its
 * first byte counted from its sentence's first, and its length. Its
 * EVG_TOK_* flags are not kept: they follow from its bytes
 * (evg_extract__tokens_of makes them again). The UD words of the layer
 * below are made from these (clitics split off, "Mr" "." joined). */
typedef struct evg_doc_piece {
    uint16_t off, len;
} evg_doc_piece;

/* The tokens of every sentence, made once per document by the tokens
 * stage (evg_extract__tokens) and read by every later stage: sentence k
 * holds tokens [first(k), first(k + 1)), numbered over the document. The
 * event coder, the last to read them, gives back those of the sentences
 * behind it as it goes (evg_doc__release_before): `v` then holds the
 * tokens from number `v0` on, `first` the sentences from `k0` on. A text
 * of 4 GiB or more, or with a token that starts 64 KiB or more into its
 * sentence or is that long (only with a --max-sentence over 64 KiB), has
 * none (the stages then tokenize each sentence themselves). */
struct evg_doc_pieces {
    evg_doc_piece *v;
    size_t n, cap, v0;
    uint32_t *first; /* n_sent + 1 - k0 entries */
    size_t n_sent, k0;
};

/* The tokens of sentence `k` in `*n` (NULL and 0 for a sentence without
 * any); NULL and 0 also when the document has none (doc->pieces NULL)
 * and for a sentence given back (evg_doc__release_before). */
const evg_doc_piece *evg_doc__sentence_pieces(const evg_doc *doc, size_t k,
                                              size_t *n);

/* Frees the tokens, if any (the extraction's end, evg_doc_free). */
void evg_doc__pieces_free(evg_doc *doc);

/* No stage reads sentences before `k` any more: the tokens of those
 * sentences are given back, and their words of the layer when it is
 * transient (evg_doc__layer_transient). The memory is given back in
 * steps (when what is behind is at least as much as what is ahead), so
 * calling this once a sentence costs time linear in the document. A
 * sentence given back has no tokens any more (evg_extract__tokens_of
 * then tokenizes it again) and, in a transient layer, no words. */
void evg_doc__release_before(evg_doc *doc, size_t k);

/* Hands the pages of memory freed so far back to the system (with glibc,
 * malloc_trim: it keeps them resident until an allocation reuses them),
 * for a stage that has just freed a great deal. */
void evg_doc__give_back(void);

/* Starts the layer of `doc` (after its sentences are known): `ntags` and
 * `nrels` are how many tags and relations the parser has. EVG_ENOMEM,
 * EVG_ELIMIT (a text of 4 GiB or more). */
int evg_doc__layer_begin(evg_doc *doc, size_t ntags, size_t nrels);

/* Gives tag `tag` its names (the document keeps copies; the first call
 * for a tag copies them, later ones do nothing) and relation `rel` its.
 * EVG_ENOMEM. */
int evg_doc__layer_tag(evg_doc *doc, unsigned tag, const char *upos,
                       const char *xpos);
int evg_doc__layer_rel(evg_doc *doc, unsigned rel, const char *name);

/* Appends a word of sentence `k` (sentences in order, words in order):
 * bytes [start, end) of the text, its lemma (NULL or equal to the form:
 * the form), tag, relation and head (1-based word of the sentence, 0:
 * root). EVG_ENOMEM. */
int evg_doc__layer_push(evg_doc *doc, size_t k, size_t start, size_t end,
                        const char *lemma, unsigned tag, unsigned rel,
                        size_t head);

/* The words of the layer (or of doc->tokens). */
size_t evg_doc__token_count(const evg_doc *doc);

/* The words of sentence `k` in `*n`, as evg_doc_token. With a layer the
 * array and its forms are the layer's scratch: valid until the call for
 * another sentence (lemmas, tag and relation names and classes live as
 * long as the document). NULL (and 0) for a sentence without words.
 * `*err` (may be NULL): EVG_ENOMEM when the words could not be made. */
const evg_doc_token *evg_doc__sentence_tokens(const evg_doc *doc, size_t k,
                                              size_t *n, int *err);

/* Words [from, from + count) of sentence `k` (as many as it has), as
 * evg_doc__sentence_tokens makes them, for a stage that reads a very long
 * sentence in windows: with a layer, a head outside those words is 0 (the
 * root) and the others count from `from`; without one (doc->tokens) the
 * words are the document's own, heads as in the whole sentence. */
const evg_doc_token *evg_doc__sentence_tokens_range(const evg_doc *doc,
                                                    size_t k, size_t from,
                                                    size_t count, size_t *n,
                                                    int *err);

/* The number of words of sentence `k`, and the first byte of its word
 * `i` (< that number), without making them. */
size_t evg_doc__sentence_word_count(const evg_doc *doc, size_t k);
size_t evg_doc__sentence_word_start(const evg_doc *doc, size_t k, size_t i);

/* A sentence of more than EVG_DOC_WINDOW words (UD words, or the
 * tokenizer's tokens without the parse) is read by the stages after the
 * parse in windows of that many, each as they read a sentence, so that
 * what a stage holds for a sentence does not grow with its length: the
 * parser's pieces (EVG_SYN_MAX_WORDS, docs/syntax.md), whose parses are
 * whole trees. A window is bytes [lo, hi) of the text (the tokens that
 * start there) and words [from, from + count) of the sentence
 * (evg_doc__sentence_tokens_range); `whole`: the sentence itself, read
 * as before. */
#define EVG_DOC_WINDOW 1024
typedef struct evg_doc_window {
    int whole;
    size_t lo, hi, from, count;
} evg_doc_window;

/* How many windows sentence `k` is read in (1 for a sentence of up to
 * EVG_DOC_WINDOW words). */
size_t evg_doc__windows(const evg_doc *doc, size_t k);

/* Window `w` (< evg_doc__windows) of sentence `k`. */
evg_doc_window evg_doc__window(const evg_doc *doc, size_t k, size_t w);

/* Frees the scratch of evg_doc__sentence_tokens (the last sentence's
 * words): a sentence of 10,000 words leaves about 1.4 MB there. The next
 * call makes it again. */
void evg_doc__layer_drop_view(evg_doc *doc);

/* Sets word `i` of sentence `k`'s event class (evg_tml_class_lookup's
 * pointer or NULL) and the detector's margin, which `conf_of(ctx,
 * margin)` makes its confidence (a word without a class has 0): the layer
 * keeps the margin (4 bytes, not 8) and makes the confidence when the
 * word is read, so `ctx` must last until the extraction's end (the
 * layer kept past it holds the confidences: evg_doc__layer_keep). */
void evg_doc__token_set_event(evg_doc *doc, size_t k, size_t i,
                              const char *tml_class, float margin,
                              double (*conf_of)(const void *ctx,
                                                float margin),
                              const void *ctx);

/* The part of speech of the word starting at byte `off` ("PROPN"), or
 * NULL when no word starts there. */
const char *evg_doc__upos_at(const evg_doc *doc, size_t off);
/* Its Penn tag ("VBD"), or NULL. */
const char *evg_doc__xpos_at(const evg_doc *doc, size_t off);

/* Ends the layer: with `keep`, writes it into doc->tokens (whole
 * evg_doc_token with copies of the forms), then frees it. EVG_ENOMEM
 * (the layer is freed all the same). */
int evg_doc__layer_end(evg_doc *doc, int keep);

/* Ends the extraction's use of the layer but keeps it, compact, for the
 * JSON writer (evg_extract_opts.compact_tokens): what only building it
 * needed is freed, and the event words' confidences are made from their
 * margins (the detector need not outlive the extraction). EVG_ENOMEM. */
int evg_doc__layer_keep(evg_doc *doc);

/* The layer will not be kept (evg_extract_opts.drop_tokens): the words
 * of the sentences behind the last reader may be given back
 * (evg_doc__release_before). */
void evg_doc__layer_transient(evg_doc *doc);

/* Frees the layer, if any (evg_doc_free). */
void evg_doc__layer_free(evg_doc *doc);

/* Not of the token layer, but as private to extraction: room for
 * exactly `n` arguments on event `ev`, which has none yet, for a stage
 * that knows how many it adds (evg_event_add_arg() makes room for two,
 * then doubles). EVG_ENOMEM. */
int evg_doc__arg_room(evg_doc *doc, evg_event *ev, size_t n);

#endif
