/* The per-document limits that are checked while a document is extracted,
 * not once it is done: --max-events refuses an input dense in events as
 * soon as the events the coder has settled (which no later step drops)
 * are over the limit, so such an input is refused before the rest of it
 * is coded (docs/robustness.md, "Memory budget"). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(max_events_refuses_early),
        cmocka_unit_test(max_events_at_the_limit),
        cmocka_unit_test(max_events_counts_what_is_kept),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
