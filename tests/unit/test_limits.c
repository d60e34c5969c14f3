/* The per-document limits that are checked while a document is extracted,
 * not once it is done: --max-events refuses an input dense in events as
 * soon as the events the coder has settled (which no later step drops)
 * are over the limit, so such an input is refused before the rest of it
 * is coded (docs/robustness.md, "Memory budget"). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core.h"
#include "doc/doc_layer.h"
#include "doc_events.h"
#include "text/tokens.h"
#include "evgraph/evgraph.h"
#include "models_fixture.h"

#define GO_SENTENCES 4000 /* "Go. ": one event each, none merged */

static char *go_text(size_t *len)
{
    char *t = malloc(4 * GO_SENTENCES + 1);
    assert_non_null(t);
    for (size_t i = 0; i < GO_SENTENCES; i++)
        memcpy(t + 4 * i, "Go. ", 4);
    t[4 * GO_SENTENCES] = '\0';
    *len = 4 * GO_SENTENCES;
    return t;
}

/* News prose whose events merge and have actors and arguments: 400
 * times three sentences. */
static char *prose_text(size_t *len)
{
    static const char *unit =
        "China accused the United States of bullying on Monday. "
        "Beijing said Washington had threatened Huawei, and the US "
        "rejected the accusation. The two sides met in Geneva last week "
        "and agreed to resume talks. ";
    size_t n = strlen(unit), reps = 400;
    char *t = malloc(n * reps + 1);
    assert_non_null(t);
    for (size_t i = 0; i < reps; i++)
        memcpy(t + i * n, unit, n);
    t[n * reps] = '\0';
    *len = n * reps;
    return t;
}

static int run(void **state, const char *text, size_t len, size_t max_events,
               int cameo_only, evg_doc **doc, evg_error *err)
{
    evg_extract_opts o;
    models_opts(state, "2019-05-23", &o);
    o.max_events = max_events;
    o.cameo_only = cameo_only;
    evg_error_clear(err);
    *doc = NULL;
    return evg_extract_text(text, len, &o, doc, err);
}

/* An event every 4 bytes: refused where the limit was passed, a fraction
 * of the way into the text, with that place in err.offset. */
static void max_events_refuses_early(void **state)
{
    size_t len;
    char *text = go_text(&len);
    evg_doc *doc;
    evg_error err;
    assert_int_equal(run(state, text, len, 200, 0, &doc, &err), EVG_ELIMIT);
    assert_null(doc);
    assert_non_null(strstr(err.message, "--max-events"));
    assert_true(err.offset > 4 * 200);
    assert_true(err.offset < (long long)len / 4);
    free(text);
}

/* The limit itself is allowed: as many events as the limit, extracted. */
static void max_events_at_the_limit(void **state)
{
    size_t len;
    char *text = go_text(&len);
    evg_doc *doc;
    evg_error err;
    assert_int_equal(run(state, text, len, GO_SENTENCES, 0, &doc, &err), 0);
    assert_int_equal(doc->n_events, GO_SENTENCES);
    evg_doc_free(doc);
    assert_int_equal(run(state, text, len, GO_SENTENCES - 1, 0, &doc, &err),
                     EVG_ELIMIT);
    free(text);
}

/* With cameo_only the events CAMEO has no code for are dropped, so they do
 * not count against the limit while the document is coded. */
static void max_events_counts_what_is_kept(void **state)
{
    size_t len;
    char *text = go_text(&len);
    evg_doc *doc;
    evg_error err;
    assert_int_equal(run(state, text, len, 10, 1, &doc, &err), 0);
    assert_int_equal(doc->n_events, 0);
    evg_doc_free(doc);
    free(text);
}

/* Both documents written as JSON give the same bytes; frees both. */
static void assert_same_json_and_free(evg_doc *full, evg_doc *compact)
{
    evg_error err;
    evg_error_clear(&err);
    char *a = NULL, *b = NULL;
    assert_int_equal(evg_doc_to_json(full, 0, &a, &err), 0);
    assert_int_equal(evg_doc_to_json(compact, 0, &b, &err), 0);
    assert_string_equal(a, b);
    free(a);
    free(b);
    evg_doc_free(full);
    evg_doc_free(compact);
}

/* The same document extracted with its events and sentences compact and
 * written out: the same JSON; with them compact, what the document holds
 * for its sentences and events stays within a bound a sentence ("Go. ":
 * one event each) that a whole evg_event of 240 bytes each, or an
 * evg_sentence of 32 and its copied text, would pass (docs/robustness.md,
 * "Memory budget"). */
static void compact_events_same_json_and_bound(void **state)
{
    size_t len;
    char *text = go_text(&len);
    evg_extract_opts o;
    models_opts(state, "2019-05-23", &o);
    evg_doc *full, *compact;
    evg_error err;
    evg_error_clear(&err);
    assert_int_equal(evg_extract_text(text, len, &o, &full, &err), 0);
    o.compact_events = 1;
    o.compact_sentences = 1;
    assert_int_equal(evg_extract_text(text, len, &o, &compact, &err), 0);
    assert_null(compact->sentences);
    assert_int_equal(compact->n_sentences, GO_SENTENCES);
    assert_int_equal(full->n_events, GO_SENTENCES);
    assert_int_equal(evg_doc__event_count(full), GO_SENTENCES);
    assert_int_equal(evg_doc__events_bytes(full), 0);
    assert_int_equal(evg_doc__event_count(compact), GO_SENTENCES);
    size_t held = evg_arena_used(compact->arena) +
                  evg_doc__events_bytes(compact) +
                  compact->sents->cap * (sizeof(evg_doc_sent) + 1);
    size_t whole = evg_arena_used(full->arena);
    print_message("bytes a sentence: %zu compact, %zu whole\n",
                  held / GO_SENTENCES, whole / GO_SENTENCES);
    assert_true(held < (size_t)GO_SENTENCES * 310); /* 322 before */
    assert_same_json_and_free(full, compact);
    free(text);
}

/* A text whose events merge and have actors and arguments, written from
 * the compact form and from doc->events: the same JSON, with and without
 * cameo_only. */
static void compact_events_same_json_prose(void **state)
{
    size_t len;
    char *text = prose_text(&len);
    for (int cameo_only = 0; cameo_only < 2; cameo_only++) {
        evg_extract_opts o;
        models_opts(state, "2019-05-23", &o);
        o.cameo_only = cameo_only;
        evg_doc *full, *compact;
        evg_error err;
        evg_error_clear(&err);
        assert_int_equal(evg_extract_text(text, len, &o, &full, &err), 0);
        o.compact_events = 1;
        o.compact_sentences = cameo_only; /* both forms of the sentences */
        assert_int_equal(evg_extract_text(text, len, &o, &compact, &err),
                         0);
        assert_true(full->n_events > 10);
        assert_int_equal(compact->n_events, 0);
        assert_int_equal(evg_doc__event_count(compact), full->n_events);
        assert_same_json_and_free(full, compact);
    }
    free(text);
}

/* Events with sources and arguments ("officials said talks went on ...",
 * an event every 14 bytes, one of the memory table's inputs): the same
 * JSON from both forms, and the pack keeps only the arrays each event has
 * (sources and arguments: a side record of 24 bytes instead of a 48-byte
 * struct), so the packed records and tables stay under 110 bytes an
 * event (they were 127). */
static void compact_events_side_bound(void **state)
{
    static const char *unit = "officials said talks went on ";
    size_t n = strlen(unit), reps = 400;
    char *text = malloc(n * reps + 16);
    assert_non_null(text);
    memcpy(text, "The ", 4);
    for (size_t i = 0; i < reps; i++)
        memcpy(text + 4 + i * n, unit, n);
    size_t len = 4 + n * reps;
    memcpy(text + len, "and ended.", 11);
    len += 10;
    evg_extract_opts o;
    models_opts(state, "2019-05-23", &o);
    evg_doc *full, *compact;
    evg_error err;
    evg_error_clear(&err);
    assert_int_equal(evg_extract_text(text, len, &o, &full, &err), 0);
    o.compact_events = 1;
    assert_int_equal(evg_extract_text(text, len, &o, &compact, &err), 0);
    size_t n_ev = evg_doc__event_count(compact);
    assert_true(n_ev > 500);
    size_t per = evg_doc__events_bytes(compact) / n_ev;
    print_message("packed bytes an event: %zu; the arena's: %zu\n", per,
                  evg_arena_used(compact->arena) / n_ev);
    assert_true(per < 110);
    assert_same_json_and_free(full, compact);
    free(text);
}

/* The tokenizer's tokens of the sentences before the event coder are
 * given back as it goes (evg_doc__release_before): those still held are
 * the stage's, those given back are tokenized again, the same. */
static void tokens_given_back(void **state)
{
    (void)state;
    size_t len;
    char *text = go_text(&len);
    evg_doc *doc;
    assert_int_equal(evg_doc_new(&doc), 0);
    doc->text = evg_doc_strndup(doc, text, len);
    doc->text_len = len;
    for (size_t k = 0; k < GO_SENTENCES; k++) {
        evg_sentence *s = EVG_DOC_PUSH(doc, doc->sentences, doc->n_sentences,
                                       doc->cap_sentences);
        assert_non_null(s);
        s->start = 4 * k;
        s->end = 4 * k + 3;
    }
    assert_int_equal(evg_extract__tokens(doc), 0);
    evg_doc_pieces *p = doc->pieces;
    assert_int_equal(p->n, 2 * GO_SENTENCES); /* Go . */
    size_t at = GO_SENTENCES * 3 / 4;
    evg_doc__release_before(doc, at);
    assert_int_equal(p->k0, at);
    assert_int_equal(p->v0, 2 * at);
    assert_true(p->cap <= 2 * (GO_SENTENCES - at));
    evg_tokens a = {0}, b = {0};
    for (size_t k = 0; k < GO_SENTENCES; k += 97) {
        b.n = 0;
        assert_int_equal(evg_extract__tokens_of(doc, k, &a), 0);
        assert_int_equal(evg_extract__tokenize(text, 4 * k, 4 * k + 3, &b),
                         0);
        assert_int_equal(a.n, 2);
        assert_int_equal(b.n, 2);
        for (size_t i = 0; i < 2; i++) {
            assert_int_equal(a.v[i].start, b.v[i].start);
            assert_int_equal(a.v[i].end, b.v[i].end);
            assert_int_equal(a.v[i].flags, b.v[i].flags);
        }
    }
    /* a few sentences more do not move the rest again */
    evg_doc__release_before(doc, at + 8);
    assert_int_equal(p->k0, at);
    evg_extract__tokens_dispose(&a);
    evg_extract__tokens_dispose(&b);
    evg_doc_free(doc);
    free(text);
}

/* The token layer's words given back as the coder goes when they are not
 * kept (drop_tokens): the same document as with the layer written out
 * whole at the end, but for the tokens. */
static void layer_given_back_same_json(void **state)
{
    for (int prose = 0; prose < 2; prose++) {
        size_t len;
        char *text = prose ? prose_text(&len) : go_text(&len);
        evg_extract_opts o;
        models_opts(state, "2019-05-23", &o);
        evg_doc *kept, *dropped;
        evg_error err;
        evg_error_clear(&err);
        assert_int_equal(evg_extract_text(text, len, &o, &kept, &err), 0);
        assert_true(kept->n_tokens >= 2 * GO_SENTENCES);
        kept->n_tokens = 0; /* written without them */
        o.drop_tokens = 1;
        assert_int_equal(evg_extract_text(text, len, &o, &dropped, &err), 0);
        assert_int_equal(dropped->n_tokens, 0);
        assert_null(dropped->layer);
        assert_null(dropped->pieces);
        assert_same_json_and_free(kept, dropped);
        free(text);
    }
}

/* "The officials said talks went on ... and ended." with `reps` times
 * "officials said talks went on " (five words each), then a short
 * sentence: a coded event ("talks", CAMEO 040) and uncoded ones ("said",
 * "went") every five words. */
static char *long_sentence(size_t reps, size_t *len)
{
    static const char *unit = "officials said talks went on ";
    static const char *tail = "and ended. Japan accused China of theft.";
    size_t n = strlen(unit), t = strlen(tail);
    char *s = malloc(4 + n * reps + t + 1);
    assert_non_null(s);
    memcpy(s, "The ", 4);
    for (size_t i = 0; i < reps; i++)
        memcpy(s + 4 + i * n, unit, n);
    memcpy(s + 4 + n * reps, tail, t + 1);
    *len = 4 + n * reps + t;
    return s;
}

/* The events of sentence 0, in the document's order: whether an event
 * without a CAMEO code comes before a coded one. The coder makes a
 * sentence's coded events, then its uncoded ones: read whole, a sentence
 * has all its coded events first; read in windows, each window's. */
static int uncoded_before_coded(const evg_doc *doc)
{
    int uncoded = 0;
    for (size_t i = 0; i < doc->n_events; i++) {
        const evg_event *ev = &doc->events[i];
        if (ev->sentence != 0)
            continue;
        if (!ev->cameo)
            uncoded = 1;
        else if (uncoded)
            return 1;
    }
    return 0;
}

/* A sentence of more than EVG_DOC_WINDOW words is read in windows of
 * that many by the stages after the parse (the parser's pieces): the
 * windows cover it in order, the words of a window have their heads
 * among them or at the root, and the coder codes each window as a
 * sentence (its coded events, then its uncoded ones, before the next
 * window's). A sentence of up to EVG_DOC_WINDOW words is read whole. */
static void long_sentence_in_windows(void **state)
{
    /* 2,560 words: three windows; 1,000 words: one */
    size_t sizes[] = {511, 199};
    for (int k = 0; k < 2; k++) {
        size_t len;
        char *text = long_sentence(sizes[k], &len);
        evg_extract_opts o;
        models_opts(state, "2019-05-23", &o);
        evg_doc *doc;
        evg_error err;
        evg_error_clear(&err);
        assert_int_equal(evg_extract_text(text, len, &o, &doc, &err), 0);
        assert_int_equal(doc->n_sentences, 2);
        size_t words = evg_doc__sentence_word_count(doc, 0);
        size_t n_win = evg_doc__windows(doc, 0);
        assert_int_equal(n_win, (words + EVG_DOC_WINDOW - 1) /
                                    EVG_DOC_WINDOW);
        assert_int_equal(n_win, k == 0 ? 3 : 1);
        assert_int_equal(evg_doc__windows(doc, 1), 1);
        size_t at = doc->sentences[0].start;
        for (size_t w = 0; w < n_win; w++) {
            evg_doc_window win = evg_doc__window(doc, 0, w);
            assert_int_equal(win.whole, n_win == 1);
            assert_int_equal(win.lo, at);
            assert_int_equal(win.from, w * EVG_DOC_WINDOW);
            if (w > 0)
                assert_int_equal(win.lo, doc->tokens[win.from].start);
            at = win.hi;
        }
        assert_int_equal(at, doc->sentences[0].end);
        /* read whole: coded events first; in windows: window by window */
        assert_int_equal(uncoded_before_coded(doc), n_win > 1);
        evg_doc_free(doc);
        free(text);
    }
}

/* The words of a window of the token layer: heads counted from the
 * window's first word, those outside it at the root (0). */
static void window_words_heads(void **state)
{
    size_t len;
    char *text = long_sentence(511, &len);
    evg_extract_opts o;
    models_opts(state, "2019-05-23", &o);
    o.compact_tokens = 1; /* the layer kept, compact */
    evg_doc *doc;
    evg_error err;
    evg_error_clear(&err);
    assert_int_equal(evg_extract_text(text, len, &o, &doc, &err), 0);
    assert_non_null(doc->layer);
    size_t words = evg_doc__sentence_word_count(doc, 0), n_all, n_win;
    int rc;
    /* a copy of the whole sentence's words (the view is scratch) */
    const evg_doc_token *all = evg_doc__sentence_tokens(doc, 0, &n_all, &rc);
    assert_int_equal(rc, 0);
    assert_int_equal(n_all, words);
    evg_doc_token *copy = malloc(n_all * sizeof(*copy));
    assert_non_null(copy);
    memcpy(copy, all, n_all * sizeof(*copy));
    for (size_t w = 0; w < evg_doc__windows(doc, 0); w++) {
        evg_doc_window win = evg_doc__window(doc, 0, w);
        const evg_doc_token *v = evg_doc__sentence_tokens_range(
            doc, 0, win.from, win.count, &n_win, &rc);
        assert_int_equal(rc, 0);
        assert_true(n_win <= EVG_DOC_WINDOW);
        assert_int_equal(v[0].start, win.lo);
        for (size_t i = 0; i < n_win; i++) {
            const evg_doc_token *c = &copy[win.from + i];
            assert_int_equal(v[i].start, c->start);
            assert_string_equal(v[i].form, c->form);
            if (c->head > win.from && c->head <= win.from + n_win)
                assert_int_equal(v[i].head, c->head - win.from);
            else
                assert_int_equal(v[i].head, 0);
        }
    }
    free(copy);
    evg_doc_free(doc);
    free(text);
}

static double half_margin(const void *ctx, float margin)
{
    (void)ctx;
    return (double)margin / 2;
}

/* A word of the token layer is 10 bytes: a length of 4 KiB and more, and
 * the 65,535th distinct lemma of a document and those after it, are kept
 * in its overflow table; read back whole, with the event class beside a
 * long length, and a confidence made from the margin. */
static void layer_fields_overflow(void **state)
{
    (void)state;
    enum { WORDS = 70000, LONG = 5000 };
    size_t len = (size_t)WORDS * 2 + LONG;
    char *text = malloc(len + 1);
    assert_non_null(text);
    memset(text, 'a', LONG);
    for (size_t i = 0; i < WORDS; i++)
        memcpy(text + LONG + 2 * i, " b", 2);
    text[len] = '\0';
    evg_doc *doc;
    assert_int_equal(evg_doc_new(&doc), 0);
    doc->text = evg_doc_strndup(doc, text, len);
    doc->text_len = len;
    assert_int_equal(evg_doc__sentence_add(doc, 0, LONG, 0), 0);
    assert_int_equal(evg_doc__sentence_add(doc, LONG + 1, len, 0), 0);
    assert_int_equal(evg_doc__layer_begin(doc, 2, 2), 0);
    assert_int_equal(evg_doc__layer_tag(doc, 0, "NOUN", "NN"), 0);
    assert_int_equal(evg_doc__layer_tag(doc, 1, "VERB", "VB"), 0);
    assert_int_equal(evg_doc__layer_rel(doc, 0, "root"), 0);
    assert_int_equal(evg_doc__layer_rel(doc, 1, "dep"), 0);
    assert_int_equal(evg_doc__layer_push(doc, 0, 0, LONG, "long", 1, 0, 0),
                     0);
    char lemma[16];
    for (size_t i = 0; i < WORDS; i++) {
        snprintf(lemma, sizeof lemma, "l%zu", i);
        size_t at = LONG + 2 * i + 1;
        assert_int_equal(evg_doc__layer_push(doc, 1, at, at + 1, lemma,
                                             (unsigned)(i & 1), 1, 1),
                         0);
    }
    const char *cls = evg_tml_class_lookup("OCCURRENCE");
    assert_non_null(cls);
    evg_doc__token_set_event(doc, 0, 0, cls, 0.5f, half_margin, NULL);
    evg_doc__token_set_event(doc, 1, WORDS - 1, cls, 1.5f, half_margin,
                             NULL);
    size_t n;
    const evg_doc_token *t = evg_doc__sentence_tokens(doc, 0, &n, NULL);
    assert_int_equal(n, 1);
    assert_int_equal(t[0].end - t[0].start, LONG);
    assert_string_equal(t[0].lemma, "long");
    assert_string_equal(t[0].upos, "VERB");
    assert_ptr_equal(t[0].tml_class, cls);
    assert_true(t[0].event_confidence == 0.25);
    t = evg_doc__sentence_tokens(doc, 1, &n, NULL);
    assert_int_equal(n, WORDS);
    for (size_t i = 0; i < WORDS; i += 997) {
        snprintf(lemma, sizeof lemma, "l%zu", i);
        assert_string_equal(t[i].lemma, lemma);
        assert_int_equal(t[i].start, LONG + 2 * i + 1);
        assert_int_equal(t[i].end, LONG + 2 * i + 2);
        assert_string_equal(t[i].upos, i & 1 ? "VERB" : "NOUN");
        assert_string_equal(t[i].deprel, "dep");
        assert_int_equal(t[i].head, 1);
        assert_null(t[i].tml_class);
    }
    assert_string_equal(t[WORDS - 1].lemma, "l69999");
    assert_ptr_equal(t[WORDS - 1].tml_class, cls);
    assert_true(t[WORDS - 1].event_confidence == 0.75);
    /* kept past the extraction: the confidences made once */
    assert_int_equal(evg_doc__layer_keep(doc), 0);
    t = evg_doc__sentence_tokens(doc, 1, &n, NULL);
    assert_true(t[WORDS - 1].event_confidence == 0.75);
    assert_true(t[WORDS - 2].event_confidence == 0.0);
    evg_doc_free(doc);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(max_events_refuses_early),
        cmocka_unit_test(max_events_at_the_limit),
        cmocka_unit_test(max_events_counts_what_is_kept),
        cmocka_unit_test(compact_events_same_json_and_bound),
        cmocka_unit_test(compact_events_same_json_prose),
        cmocka_unit_test(compact_events_side_bound),
        cmocka_unit_test(tokens_given_back),
        cmocka_unit_test(layer_given_back_same_json),
        cmocka_unit_test(long_sentence_in_windows),
        cmocka_unit_test(window_words_heads),
        cmocka_unit_test(layer_fields_overflow),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
