/* Shared by the unit tests that run the whole extraction with the shipped
 * syntax and event-mention models (test_anchoring, test_modality,
 * test_roles): loading them once per group, extracting a text with them
 * (skipped, visibly, when the models are absent) and finding an event by
 * its trigger. Include after <cmocka.h> and "evgraph/extract.h". */
#ifndef EVG_TEST_MODELS_FIXTURE_H
#define EVG_TEST_MODELS_FIXTURE_H

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct models {
    evg_syntax *syn;
    evg_mentions *men;
} models;

static inline int setup(void **state)
{
    const char *sp = EVG_SOURCE_DIR "/models/en-ud-syntax.evgm";
    const char *mp = EVG_SOURCE_DIR "/models/en-timebank-events.evgm";
    models *m = calloc(1, sizeof(*m));
    if (!m)
        return -1;
    *state = m;
    if (access(sp, R_OK) || access(mp, R_OK))
        return 0;
    evg_error err;
    evg_error_clear(&err);
    if (evg_syntax_load(sp, &m->syn, &err) ||
        evg_mentions_load(mp, &m->men, &err))
        return -1;
    return 0;
}

static inline int teardown(void **state)
{
    models *m = *state;
    evg_syntax_free(m->syn);
    evg_mentions_free(m->men);
    free(m);
    return 0;
}

/* Options that extract with the shipped models and document date `dct`
 * (the test is skipped, visibly, when the models are absent). */
static inline void models_opts(void **state, const char *dct,
                               evg_extract_opts *o)
{
    models *m = *state;
    if (!m->syn || !m->men) {
        print_message("skipped: the shipped models are absent\n");
        skip();
    }
    evg_extract_opts_init(o);
    o->dct = dct;
    o->syntax = m->syn;
    o->mentions = m->men;
}

static inline evg_doc *extract(void **state, const char *dct, const char *text)
{
    evg_extract_opts o;
    models_opts(state, dct, &o);
    evg_doc *doc = NULL;
    evg_error err;
    evg_error_clear(&err);
    assert_int_equal(evg_extract_text(text, strlen(text), &o, &doc, &err), 0);
    return doc;
}

/* The event whose trigger is `word`. */
static inline const evg_event *event(const evg_doc *doc, const char *word)
{
    for (size_t i = 0; i < doc->n_events; i++)
        if (doc->events[i].trigger.text &&
            strcmp(doc->events[i].trigger.text, word) == 0)
            return &doc->events[i];
    fail_msg("no event '%s'", word);
    return NULL;
}

#endif
