/* Unit tests of core/ (buffers, escaping, UTF-8, arena, atomic writes), the
 * events document's JSON form and the input readers. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "core.h"
#include "evgraph/evgraph.h"

static void core_buf_xml_escapes(void **state)
{
    (void)state;
    evg_buf b;
    evg_buf_init(&b, 0);
    const char *s = "<script>\"a\" & 'b'\x01</script>";
    assert_int_equal(evg_buf_xml(&b, s, strlen(s)), 0);
    assert_string_equal(b.data, "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39; "
                                "&lt;/script&gt;");
    evg_buf_dispose(&b);
}

static void core_buf_json_escapes(void **state)
{
    (void)state;
    evg_buf b;
    evg_buf_init(&b, 0);
    const char *s = "a\"b\\c\n</script>\x1f";
    assert_int_equal(evg_buf_json(&b, s, strlen(s)), 0);
    assert_string_equal(b.data, "a\\\"b\\\\c\\n\\u003c/script\\u003e\\u001f");
    evg_buf_dispose(&b);
}

static void core_buf_cap_is_enforced(void **state)
{
    (void)state;
    evg_buf b;
    evg_buf_init(&b, 8);
    assert_int_equal(evg_buf_puts(&b, "12345678"), 0);
    assert_int_equal(evg_buf_putc(&b, '9'), EVG_ELIMIT);
    assert_int_equal(b.failed, EVG_ELIMIT);
    assert_int_equal(evg_buf_puts(&b, "x"), EVG_ELIMIT); /* sticky */
    evg_buf_dispose(&b);
}

static void core_buf_printf_grows(void **state)
{
    (void)state;
    evg_buf b;
    evg_buf_init(&b, 0);
    char big[1000];
    memset(big, 'x', sizeof(big) - 1);
    big[sizeof(big) - 1] = '\0';
    assert_int_equal(evg_buf_printf(&b, "%s|%d", big, 42), 0);
    assert_int_equal(b.len, 1002);
    assert_string_equal(b.data + 999, "|42");
    evg_buf_dispose(&b);
}

static void core_utf8_validation(void **state)
{
    (void)state;
    size_t bad = 0;
    assert_true(evg_utf8_valid("Кирилл © – “x”", strlen("Кирилл © – “x”"), &bad));
    assert_false(evg_utf8_valid("ab\xc0\xaf", 4, &bad)); /* overlong '/' */
    assert_int_equal(bad, 2);
    assert_false(evg_utf8_valid("\xed\xa0\x80", 3, &bad)); /* surrogate */
    assert_int_equal(bad, 0);
    assert_false(evg_utf8_valid("abc\xe2\x80", 5, &bad)); /* truncated */
    assert_int_equal(bad, 3);
    assert_false(evg_utf8_valid("\xf4\x90\x80\x80", 4, &bad)); /* > U+10FFFF */
}

static void core_text_clean_replaces_bad_bytes(void **state)
{
    (void)state;
    char *s = evg_text_clean("a\xff" "b\x01" "c\n", 6);
    assert_non_null(s);
    assert_string_equal(s, "a\xef\xbf\xbd" "b c\n");
    free(s);
}

static void core_dates(void **state)
{
    (void)state;
    assert_true(evg_date_valid("2020-02-29"));
    assert_false(evg_date_valid("2019-02-29"));
    assert_false(evg_date_valid("1900-02-29"));
    assert_true(evg_date_valid("2000-02-29"));
    assert_false(evg_date_valid("2019-04-31"));
    assert_false(evg_date_valid("2019-13-01"));
    assert_false(evg_date_valid("2019-05-2"));
    assert_false(evg_date_valid("2019-05-233"));
    assert_false(evg_date_valid(NULL));
    assert_int_equal(evg_date_days(1970, 1, 1), 0);
    assert_int_equal(evg_date_days(2019, 5, 23), 18039);
    for (long day = -800000; day < 800000; day += 997) {
        int y, m, d;
        evg_date_civil(day, &y, &m, &d);
        assert_int_equal(evg_date_days(y, m, d), day);
        assert_true(d >= 1 && d <= evg_date_days_in_month(y, m));
    }
}

static void core_arena_aligns_and_zeroes(void **state)
{
    (void)state;
    evg_arena *a = evg_arena_new();
    assert_non_null(a);
    for (size_t i = 1; i < 5000; i += 37) {
        unsigned char *p = evg_arena_alloc(a, i);
        assert_non_null(p);
        assert_int_equal((uintptr_t)p % 16, 0);
        for (size_t k = 0; k < i; k++)
            assert_int_equal(p[k], 0);
        memset(p, 0xab, i);
    }
    void *big = evg_arena_alloc(a, (size_t)1 << 20);
    assert_non_null(big);
    evg_arena_free(a);
    evg_arena_free(NULL);
}

static void core_atomic_write_replaces_whole(void **state)
{
    (void)state;
    char dir[] = "/tmp/evgcoreXXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof(path), "%s/out.txt", dir);
    evg_error err;
    evg_error_clear(&err);
    assert_int_equal(evg_write_file_atomic(path, "first", 5, &err), 0);
    assert_int_equal(evg_write_file_atomic(path, "second", 6, &err), 0);
    char *data;
    size_t len;
    assert_int_equal(evg_read_file(path, 100, &data, &len, &err), 0);
    assert_int_equal(len, 6);
    assert_memory_equal(data, "second", 6);
    free(data);
    assert_int_equal(evg_read_file(path, 3, &data, &len, &err), EVG_ELIMIT);
    assert_null(data);
    char bad[96];
    snprintf(bad, sizeof(bad), "%s/missing/out.txt", dir);
    assert_int_equal(evg_write_file_atomic(bad, "x", 1, &err), EVG_EIO);
    assert_non_null(strstr(err.message, "missing/out.txt"));
    unlink(path);
    rmdir(dir);
}

static int file_is(const char *path, const char *want)
{
    char *data;
    size_t len;
    evg_error err;
    if (evg_read_file(path, 100, &data, &len, &err))
        return 0;
    int same = len == strlen(want) && memcmp(data, want, len) == 0;
    free(data);
    return same;
}

static size_t files_in(const char *dir)
{
    size_t n = 0;
    DIR *d = opendir(dir);
    for (struct dirent *de; d && (de = readdir(d));)
        n += de->d_name[0] != '.';
    if (d)
        closedir(d);
    return n;
}

/* A set of streamed outputs replaces its targets together at the commit,
 * and not at all when it is freed before (a failure half-way). */
static void core_outset_replaces_together(void **state)
{
    (void)state;
    char dir[] = "/tmp/evgcoreXXXXXX";
    assert_non_null(mkdtemp(dir));
    char a[64], b[64], sub[64];
    snprintf(a, sizeof(a), "%s/a.txt", dir);
    snprintf(b, sizeof(b), "%s/b.txt", dir);
    snprintf(sub, sizeof(sub), "%s/sub", dir);
    evg_error err;
    evg_error_clear(&err);
    assert_int_equal(evg_write_file_atomic(a, "old a", 5, &err), 0);
    assert_int_equal(evg_write_file_atomic(b, "old b", 5, &err), 0);
    evg_outset *s;
    FILE *fa, *fb;
    /* abandoned after writing both: nothing replaced, nothing left */
    assert_int_equal(evg_outset_new(&s, &err), 0);
    assert_int_equal(evg_outset_add(s, a, &fa, &err), 0);
    assert_int_equal(evg_outset_add(s, b, &fb, &err), 0);
    fputs("new a", fa);
    fputs("new b", fb);
    assert_int_equal(files_in(dir), 4); /* two temporary files beside */
    evg_outset_free(s);
    assert_true(file_is(a, "old a"));
    assert_true(file_is(b, "old b"));
    assert_int_equal(files_in(dir), 2);
    /* a folder among the outputs: refused at once */
    assert_int_equal(mkdir(sub, 0700), 0);
    assert_int_equal(evg_outset_new(&s, &err), 0);
    assert_int_equal(evg_outset_add(s, a, &fa, &err), 0);
    assert_int_equal(evg_outset_add(s, sub, &fb, &err), EVG_EIO);
    assert_non_null(strstr(err.message, "is a directory"));
    evg_outset_free(s);
    assert_true(file_is(a, "old a"));
    /* committed: both replaced */
    assert_int_equal(evg_outset_new(&s, &err), 0);
    assert_int_equal(evg_outset_add(s, a, &fa, &err), 0);
    assert_int_equal(evg_outset_add(s, b, &fb, &err), 0);
    fputs("new a", fa);
    fputs("new b", fb);
    assert_int_equal(evg_outset_commit(s, &err), 0);
    evg_outset_free(s);
    evg_outset_free(NULL);
    assert_true(file_is(a, "new a"));
    assert_true(file_is(b, "new b"));
    assert_int_equal(files_in(dir), 3);
    unlink(a);
    unlink(b);
    rmdir(sub);
    rmdir(dir);
}

/* A small document built by hand, the way the stages fill it. */
static evg_doc *sample_doc(void)
{
    evg_doc *d;
    assert_int_equal(evg_doc_new(&d), 0);
    const char *text = "Trump banned \"Huawei\" <b> last week.";
    d->text = evg_doc_strdup(d, text);
    d->text_len = strlen(text);
    d->id = "doc-1";
    d->path = "fixtures/x.txt";
    memcpy(d->dct, "2019-05-23", 11);
    d->dct_source = EVG_DCT_DATELINE;
    evg_sentence *s = EVG_DOC_PUSH(d, d->sentences, d->n_sentences, d->cap_sentences);
    s->start = 0;
    s->end = d->text_len;
    s->text = d->text;
    evg_timex *t = EVG_DOC_PUSH(d, d->timexes, d->n_timexes, d->cap_timexes);
    assert_int_equal(evg_doc_span(d, &t->span, 26, 35), 0);
    t->type = EVG_TIMEX_DATE;
    t->value = "2019-W20";
    t->lo = "2019-05-13";
    t->hi = "2019-05-19";
    for (int i = 0; i < 2; i++) {
        evg_entity *e = EVG_DOC_PUSH(d, d->entities, d->n_entities, d->cap_entities);
        e->name = i ? "Huawei" : "Donald Trump";
        e->kind = i ? EVG_KIND_ORGANIZATION : EVG_KIND_PERSON;
        e->code = i ? "CHNBUS" : "USAGOV";
        e->country = i ? "CHN" : "USA";
        e->dictionary = !i; /* a person a dictionary names */
        evg_mention *m = EVG_DOC_PUSH(d, e->mentions, e->n_mentions,
                                      e->cap_mentions);
        assert_int_equal(evg_doc_span(d, &m->span, i ? 14 : 0, i ? 20 : 5), 0);
        /* a mention's own code and its other entity survive the trip */
        m->with = i ? 0 : EVG_NONE;
        if (!i)
            m->code = "USAGOV";
    }
    evg_event *v = EVG_DOC_PUSH(d, d->events, d->n_events, d->cap_events);
    v->cameo = "1721";
    v->label = "impose restrictions";
    v->quad_class = 4;
    v->goldstein = -9.5;
    assert_int_equal(evg_doc_span(d, &v->trigger, 6, 12), 0);
    size_t *src = evg_doc_push(d, &v->source, &v->n_source, &v->cap_source, sizeof(size_t));
    *src = 0;
    size_t *tgt = evg_doc_push(d, &v->target, &v->n_target, &v->cap_target, sizeof(size_t));
    *tgt = 1;
    v->time.value = "2019-W20";
    v->time.timex = 0;
    v->time.basis = EVG_BASIS_TIMEX;
    v->duration = EVG_NONE;
    v->attributed = EVG_NONE;
    v->sentence = 0;
    v->confidence = 0.75;
    v->tml_class = evg_tml_class_lookup("OCCURRENCE");
    assert_int_equal(evg_event_add_arg(d, v, "agent", 0, 0, 5), 0);
    assert_int_equal(evg_event_add_arg(d, v, "patient", 1, 14, 20), 0);
    assert_int_equal(evg_event_add_arg(d, v, "time", EVG_NONE, 26, 35), 0);
    /* an event CAMEO has no code for, with its class and participants */
    v = EVG_DOC_PUSH(d, d->events, d->n_events, d->cap_events);
    v->tml_class = evg_tml_class_lookup("I_ACTION");
    assert_int_equal(evg_doc_span(d, &v->trigger, 6, 12), 0);
    assert_int_equal(evg_event_add_arg(d, v, "theme", EVG_NONE, 22, 25), 0);
    v->time.timex = EVG_NONE;
    v->duration = EVG_NONE;
    v->attributed = EVG_NONE;
    v->sentence = 0;
    v->confidence = 0.5;
    return d;
}

static void document_json_round_trip(void **state)
{
    (void)state;
    evg_doc *d = sample_doc();
    evg_error err;
    evg_error_clear(&err);
    char *a, *b;
    assert_int_equal(evg_doc_to_json(d, 0, &a, &err), 0);
    assert_non_null(strstr(a, "\"schema\":\"evgraph-events/2\""));
    assert_non_null(strstr(a, "\\\"Huawei\\\""));
    assert_non_null(strstr(a, "\"cameo\":null,\"label\":null,\"quad_class\":"
                              "null,\"goldstein\":null,\"class\":\"I_ACTION\""));
    assert_non_null(strstr(a, "\"args\":[{\"role\":\"agent\",\"entity\":\"e1\","
                              "\"text\":\"Trump\",\"start\":0,\"end\":5}"));
    assert_non_null(strstr(a, "{\"role\":\"time\",\"entity\":null,"));
    evg_doc *back;
    assert_int_equal(evg_doc_from_json(a, strlen(a), &back, &err), 0);
    assert_int_equal(evg_doc_to_json(back, 0, &b, &err), 0);
    assert_string_equal(a, b);
    assert_int_equal(back->events[0].source[0], 0);
    assert_int_equal(back->events[0].target[0], 1);
    assert_string_equal(back->timexes[0].hi, "2019-05-19");
    assert_string_equal(back->entities[0].mentions[0].code, "USAGOV");
    assert_non_null(strstr(a, "\"country\":\"USA\",\"dictionary\":true,"));
    assert_true(back->entities[0].dictionary);
    assert_false(back->entities[1].dictionary);
    assert_int_equal(back->entities[0].mentions[0].with, EVG_NONE);
    assert_int_equal(back->entities[1].mentions[0].with, 0);
    /* classes and roles come back as the library's own strings */
    assert_ptr_equal(back->events[0].tml_class, evg_tml_class_lookup("OCCURRENCE"));
    assert_int_equal(back->events[0].n_args, 3);
    assert_ptr_equal(back->events[0].args[1].role, evg_arg_role_lookup("patient"));
    assert_int_equal(back->events[0].args[1].entity, 1);
    assert_int_equal(back->events[0].args[2].entity, EVG_NONE);
    assert_string_equal(back->events[0].args[2].span.text, "last week");
    assert_null(back->events[1].cameo);
    assert_null(back->events[1].label);
    assert_int_equal(back->events[1].quad_class, 0);
    assert_true(back->events[1].goldstein == 0);
    assert_string_equal(back->events[1].args[0].span.text, "<b>");
    free(a);
    free(b);
    evg_doc_free(back);
    evg_doc_free(d);
}

/* Version 1 documents (before classes, args and uncoded events) read as
 * they always did: every event coded, no class, no args. */
static void document_json_reads_version_1(void **state)
{
    (void)state;
    const char *v1 =
        "{\"schema\":\"evgraph-events/1\",\"document\":{\"id\":\"x\"},"
        "\"entities\":[{\"id\":\"e1\",\"name\":\"A\"},{\"id\":\"e2\","
        "\"name\":\"B\"}],\"events\":[{\"id\":\"v1\",\"cameo\":\"042\","
        "\"label\":\"make a visit\",\"quad_class\":1,\"goldstein\":1.9,"
        "\"source\":[\"e1\"],\"target\":[\"e2\"]}]}";
    evg_error err;
    evg_error_clear(&err);
    evg_doc *d;
    assert_int_equal(evg_doc_from_json(v1, strlen(v1), &d, &err), 0);
    assert_string_equal(d->events[0].cameo, "042");
    assert_int_equal(d->events[0].quad_class, 1);
    assert_null(d->events[0].tml_class);
    assert_int_equal(d->events[0].n_args, 0);
    char *a;
    assert_int_equal(evg_doc_to_json(d, 0, &a, &err), 0);
    assert_non_null(strstr(a, "\"schema\":\"evgraph-events/2\""));
    assert_non_null(strstr(a, "\"goldstein\":1.9,\"class\":null,"));
    assert_non_null(strstr(a, "\"target\":[\"e2\"],\"args\":[],\"time\""));
    free(a);
    evg_doc_free(d);
    /* version 1 has no uncoded events */
    const char *nocode = "{\"schema\":\"evgraph-events/1\",\"document\":"
                         "{\"id\":\"x\"},\"events\":[{\"cameo\":null}]}";
    assert_int_equal(evg_doc_from_json(nocode, strlen(nocode), &d, &err),
                     EVG_EPARSE);
    assert_non_null(strstr(err.message, "missing 'cameo'"));
}

/* --cameo-only: the uncoded events go, the relations between the others
 * are renumbered, those that touched a removed event go too. */
static void document_drops_uncoded_events(void **state)
{
    (void)state;
    evg_doc *d = sample_doc(); /* v1 coded, v2 uncoded */
    evg_event *v = EVG_DOC_PUSH(d, d->events, d->n_events, d->cap_events);
    v->cameo = "042";
    v->label = "make a visit";
    v->quad_class = 1;
    const size_t rel[][2] = {{0, 1}, {1, 2}, {2, 0}};
    for (size_t k = 0; k < 3; k++) {
        evg_relation *r = EVG_DOC_PUSH(d, d->relations, d->n_relations,
                                       d->cap_relations);
        r->type = EVG_REL_BEFORE;
        r->from = rel[k][0];
        r->to = rel[k][1];
    }
    size_t dropped = 99;
    assert_int_equal(evg_doc_drop_uncoded(d, &dropped), 0);
    assert_int_equal(dropped, 1);
    assert_int_equal(d->n_events, 2);
    assert_string_equal(d->events[0].cameo, "1721");
    assert_string_equal(d->events[1].cameo, "042");
    assert_int_equal(d->n_relations, 1);
    assert_int_equal(d->relations[0].from, 1);
    assert_int_equal(d->relations[0].to, 0);
    assert_int_equal(evg_doc_drop_uncoded(d, &dropped), 0);
    assert_int_equal(dropped, 0);
    evg_doc_free(d);
}

static void document_json_rejects_bad_input(void **state)
{
    (void)state;
    evg_error err;
    evg_doc *d;
    const char *cases[] = {
        "",
        "{",
        "[1,2]",
        "{\"schema\":\"other/1\"}",
        "{\"schema\":\"evgraph-events/1\"}",
        "{\"schema\":\"evgraph-events/1\",\"document\":{\"id\":3}}",
        "{\"schema\":\"evgraph-events/1\",\"document\":{\"id\":\"x\"},"
        "\"events\":[{\"cameo\":\"01\",\"source\":[\"e1\"]}]}",
        "{\"schema\":\"evgraph-events/1\",\"document\":{\"id\":\"x\"},"
        "\"events\":[{\"cameo\":\"01\",\"modality\":\"maybe\"}]}",
        "{\"schema\":\"evgraph-events/1\",\"document\":{\"id\":\"x\"},"
        "\"sentences\":[{\"start\":-4,\"end\":2}]}",
        /* version 2: unknown class or role, a dangling argument, an uncoded
         * event with a quad class or a label, args that are not objects */
        "{\"schema\":\"evgraph-events/2\",\"document\":{\"id\":\"x\"},"
        "\"events\":[{\"cameo\":null,\"class\":\"EVENT\"}]}",
        "{\"schema\":\"evgraph-events/2\",\"document\":{\"id\":\"x\"},"
        "\"events\":[{\"cameo\":null,\"args\":[{\"role\":\"actor\"}]}]}",
        "{\"schema\":\"evgraph-events/2\",\"document\":{\"id\":\"x\"},"
        "\"events\":[{\"cameo\":null,\"args\":[{\"start\":1,\"end\":2}]}]}",
        "{\"schema\":\"evgraph-events/2\",\"document\":{\"id\":\"x\"},"
        "\"events\":[{\"cameo\":null,\"args\":[{\"role\":\"agent\","
        "\"entity\":\"e4\"}]}]}",
        "{\"schema\":\"evgraph-events/2\",\"document\":{\"id\":\"x\"},"
        "\"events\":[{\"cameo\":null,\"quad_class\":3}]}",
        "{\"schema\":\"evgraph-events/2\",\"document\":{\"id\":\"x\"},"
        "\"events\":[{\"cameo\":null,\"label\":\"make a visit\"}]}",
        "{\"schema\":\"evgraph-events/2\",\"document\":{\"id\":\"x\"},"
        "\"events\":[{\"cameo\":null,\"args\":[\"e1\"]}]}",
        "{\"schema\":\"evgraph-events/3\",\"document\":{\"id\":\"x\"}}",
        /* JSON Lines is not one document */
        "{\"schema\":\"evgraph-events/1\",\"document\":{\"id\":\"x\"}}\n"
        "{\"schema\":\"evgraph-events/1\",\"document\":{\"id\":\"y\"}}\n",
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        evg_error_clear(&err);
        assert_int_equal(evg_doc_from_json(cases[i], strlen(cases[i]), &d, &err),
                         EVG_EPARSE);
        assert_null(d);
        assert_true(err.message[0] != '\0');
    }
}

static char *write_temp(const char *dir, const char *name, const char *body)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    snprintf(p, n, "%s/%s", dir, name);
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    fputs(body, f);
    fclose(f);
    return p;
}

static void input_reads_jsonl_tml_and_folders(void **state)
{
    (void)state;
    char dir[] = "/tmp/evginXXXXXX";
    assert_non_null(mkdtemp(dir));
    char *p1 = write_temp(dir, "b.jsonl",
                          "{\"id\":\"r1\",\"date\":\"2019-05-23T10:00:00Z\","
                          "\"text\":\"One.\",\"extra\":[1]}\n\n"
                          "{\"text\":\"Two.\",\"title\":\"T\"}\n");
    char *p2 = write_temp(dir, "a.tml",
                          "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" "
                          "value=\"1998-01-08\" functionInDocument=\"CREATION_TIME\">"
                          "01/08/98</TIMEX3></DCT><TEXT>Rates &amp; <TIMEX3 "
                          "tid=\"t1\">today</TIMEX3>.<s>A .</s><s>B</s></TEXT>"
                          "</TimeML>");
    char *p3 = write_temp(dir, "c.md", "ignored");
    evg_input *in;
    evg_error err;
    evg_error_clear(&err);
    assert_int_equal(evg_input_open(dir, 0, &in, &err), 0);
    evg_article art;
    assert_int_equal(evg_input_next(in, &art, &err), 1);
    assert_string_equal(art.id, "a.tml");
    assert_string_equal(art.dct, "1998-01-08");
    /* a paragraph break after each <s> element */
    assert_string_equal(art.text, "Rates & today.A .\n\nB");
    assert_int_equal(evg_input_next(in, &art, &err), 1);
    assert_string_equal(art.id, "r1");
    assert_string_equal(art.dct, "2019-05-23");
    assert_string_equal(art.text, "One.");
    assert_int_equal(art.line, 1);
    assert_int_equal(evg_input_next(in, &art, &err), 1);
    assert_string_equal(art.id, "b.jsonl:3");
    assert_null(art.dct);
    assert_string_equal(art.title, "T");
    assert_int_equal(evg_input_next(in, &art, &err), 0);
    evg_input_free(in);
    unlink(p1);
    unlink(p2);
    unlink(p3);
    rmdir(dir);
    free(p1);
    free(p2);
    free(p3);
}

static void input_bad_record_is_skipped(void **state)
{
    (void)state;
    char dir[] = "/tmp/evginXXXXXX";
    assert_non_null(mkdtemp(dir));
    char *p = write_temp(dir, "x.jsonl",
                         "{\"text\":\"ok one\"}\n{broken\n{\"id\":5}\n"
                         "{\"text\":\"ok two\",\"date\":\"May 5\"}\n"
                         "{\"text\":\"ok three\"}\n");
    evg_input *in;
    evg_error err;
    evg_error_clear(&err);
    assert_int_equal(evg_input_open(p, 0, &in, &err), 0);
    evg_article art;
    assert_int_equal(evg_input_next(in, &art, &err), 1);
    assert_int_equal(evg_input_next(in, &art, &err), EVG_EPARSE);
    assert_non_null(strstr(err.message, "x.jsonl:2"));
    assert_int_equal(evg_input_next(in, &art, &err), EVG_EPARSE);
    assert_non_null(strstr(err.message, "no \"text\""));
    assert_int_equal(evg_input_next(in, &art, &err), EVG_EPARSE);
    assert_non_null(strstr(err.message, "not YYYY-MM-DD"));
    assert_int_equal(evg_input_next(in, &art, &err), 1);
    assert_string_equal(art.text, "ok three");
    assert_int_equal(evg_input_next(in, &art, &err), 0);
    evg_input_free(in);
    unlink(p);
    rmdir(dir);
    free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(core_buf_xml_escapes),
        cmocka_unit_test(core_buf_json_escapes),
        cmocka_unit_test(core_buf_cap_is_enforced),
        cmocka_unit_test(core_buf_printf_grows),
        cmocka_unit_test(core_utf8_validation),
        cmocka_unit_test(core_text_clean_replaces_bad_bytes),
        cmocka_unit_test(core_dates),
        cmocka_unit_test(core_arena_aligns_and_zeroes),
        cmocka_unit_test(core_atomic_write_replaces_whole),
        cmocka_unit_test(core_outset_replaces_together),
        cmocka_unit_test(document_json_round_trip),
        cmocka_unit_test(document_json_reads_version_1),
        cmocka_unit_test(document_drops_uncoded_events),
        cmocka_unit_test(document_json_rejects_bad_input),
        cmocka_unit_test(input_reads_jsonl_tml_and_folders),
        cmocka_unit_test(input_bad_record_is_skipped),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
