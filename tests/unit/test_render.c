/* Unit tests of the renderers: formats, escaping of article text into DOT,
 * SVG and HTML (DOT read back by Graphviz), determinism, lanes and entity
 * options, hidden uncertain events, the network views, calendar helpers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../render/internal.h" /* extract/ has an internal.h too */
#include "evgraph/evgraph.h"

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *p = malloc((size_t)n + 1);
    if (p && fread(p, 1, (size_t)n, f) != (size_t)n) {
        free(p);
        p = NULL;
    }
    fclose(f);
    if (p) {
        p[n] = '\0';
        *len = (size_t)n;
    }
    return p;
}

/* Builds the graph of tests/data/render_story*.json (both documents, or
 * only the first). */
/* Confidence given to the story's "urges ..." event before the graph is
 * built (negative: as in the file). */
static double urge_confidence = -1;

static evg_graph *story_graph(int both)
{
    const char *names[2] = {"render_story.json", "render_story2.json"};
    evg_doc *docs[2] = {NULL, NULL};
    size_t n = both ? 2 : 1;
    for (size_t i = 0; i < n; i++) {
        char path[512];
        snprintf(path, sizeof(path), "%s/tests/data/%s", EVG_SOURCE_DIR,
                 names[i]);
        size_t len = 0;
        char *json = slurp(path, &len);
        assert_non_null(json);
        evg_error err;
        evg_error_clear(&err);
        int rc = evg_doc_from_json(json, len, &docs[i], &err);
        if (rc)
            fprintf(stderr, "%s: %s\n", path, err.message);
        assert_int_equal(rc, 0);
        free(json);
        for (size_t k = 0; urge_confidence >= 0 && k < docs[i]->n_events; k++)
            if (strncmp(docs[i]->events[k].summary, "urges", 5) == 0)
                docs[i]->events[k].confidence = urge_confidence;
    }
    evg_graph_opts go;
    evg_graph_opts_init(&go);
    evg_graph *g = NULL;
    evg_error err;
    evg_error_clear(&err);
    int rc = evg_graph_build((const evg_doc *const *)docs, n, &go, &g, &err);
    if (rc)
        fprintf(stderr, "graph: %s\n", err.message);
    assert_int_equal(rc, 0);
    for (size_t i = 0; i < n; i++)
        evg_doc_free(docs[i]);
    return g;
}

static char *render(const evg_graph *g, const evg_render_opts *o, size_t *len)
{
    char *out = NULL;
    size_t n = 0;
    evg_error err;
    evg_error_clear(&err);
    int rc = evg_render(g, o, &out, &n, &err);
    if (rc)
        fprintf(stderr, "render: %s\n", err.message);
    assert_int_equal(rc, 0);
    assert_non_null(out);
    assert_true(n > 0);
    if (len)
        *len = n;
    return out;
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

/* Index of the graph event whose summary starts with `prefix`. */
static size_t event_named(const evg_graph *g, const char *prefix)
{
    for (size_t i = 0; i < evg_graph_event_count(g); i++)
        if (strncmp(evg_graph_event(g, i)->summary, prefix, strlen(prefix)) ==
            0)
            return i;
    fail_msg("no event '%s'", prefix);
    return 0;
}

static void render_formats(void **state)
{
    (void)state;
    evg_graph *g = story_graph(1);
    evg_render_opts o;
    evg_render_opts_init(&o);
    size_t n;
    char *svg = render(g, &o, &n);
    assert_non_null(strstr(svg, "<svg"));
    assert_non_null(strstr(svg, "</svg>"));
    /* visible events are drawn, hypothetical and negated ones are not */
    char id[32];
    size_t hyp = event_named(g, "would join"), neg = event_named(g, "bans LG");
    size_t blk = event_named(g, "blacklists");
    snprintf(id, sizeof(id), "id=\"ev%zu\"", blk);
    assert_non_null(strstr(svg, id));
    snprintf(id, sizeof(id), "id=\"ev%zu\"", hyp);
    assert_null(strstr(svg, id));
    snprintf(id, sizeof(id), "id=\"ev%zu\"", neg);
    assert_null(strstr(svg, id));
    assert_non_null(strstr(svg, "2 left out (1 hypothetical, 1 negated)"));
    free(svg);

    o.show_uncertain = 1;
    svg = render(g, &o, &n);
    snprintf(id, sizeof(id), "id=\"ev%zu\"", hyp);
    assert_non_null(strstr(svg, id));
    assert_non_null(strstr(svg, "NOT: bans LG Uplus"));
    free(svg);

    o.format = EVG_RENDER_PNG;
    char *png = render(g, &o, &n);
    assert_true(n > 8 && memcmp(png, "\x89PNG\r\n\x1a\n", 8) == 0);
    free(png);
    o.format = EVG_RENDER_PDF;
    char *pdf = render(g, &o, &n);
    assert_true(n > 5 && memcmp(pdf, "%PDF-", 5) == 0);
    free(pdf);
    o.format = EVG_RENDER_HTML;
    char *html = render(g, &o, &n);
    assert_true(strncmp(html, "<!DOCTYPE html>", 15) == 0);
    assert_non_null(strstr(html, "<svg"));
    assert_non_null(strstr(html, "id=\"f-actor\""));
    assert_non_null(strstr(html, "<table id=\"events\">"));
    /* self-contained: nothing fetched from the network */
    assert_null(strstr(html, "src=\"http"));
    assert_null(strstr(html, "href=\"http"));
    free(html);
    evg_graph_free(g);
}

static void render_escaping(void **state)
{
    (void)state;
    evg_graph *g = story_graph(1);
    evg_render_opts o;
    evg_render_opts_init(&o);
    o.show_uncertain = 1;
    char *svg = render(g, &o, NULL);
    /* article text never becomes markup */
    assert_null(strstr(svg, "<script"));
    assert_null(strstr(svg, "<b>"));
    assert_non_null(strstr(svg, "&lt;script&gt;"));
    /* the URL of the source document is percent-encoded */
    assert_non_null(strstr(svg, "news/a%26b%20%22story%22%20%3C1%3E.txt"));
    assert_null(strstr(svg, "a&b"));
    /* the evidence sentence is the <title> of its event */
    assert_non_null(strstr(svg, "Evidence: \xe2\x80\x9cHuawei said on Thursday "
                                "&lt;script&gt;alert(&quot;x&quot;)"));
    /* an entity in the text stays text: "&amp;" is shown as typed */
    assert_non_null(strstr(svg, "South Korea &quot;]&lt;b&gt;&amp;amp;"));
    free(svg);

    o.format = EVG_RENDER_HTML;
    char *html = render(g, &o, NULL);
    assert_int_equal(count(html, "<script"), 1); /* ours only */
    assert_null(strstr(html, "<b>"));
    assert_non_null(strstr(html, "rejects &lt;script&gt;alert(&quot;x&quot;)"
                                 "&lt;/script&gt; &quot;claims&quot; ]&quot;"
                                 " &amp; co \\"));
    free(html);

    /* DOT: Graphviz reads it back and gets the same text */
    o.format = EVG_RENDER_DOT;
    size_t n;
    char *dot = render(g, &o, &n);
    assert_non_null(strstr(dot, "layout=nop2"));
    Agraph_t *back = agmemread(dot);
    assert_non_null(back);
    char name[32];
    snprintf(name, sizeof(name), "ev%zu", event_named(g, "rejects"));
    Agnode_t *node = agnode(back, name, 0);
    assert_non_null(node);
    char *tip = agget(node, (char *)(uintptr_t) "tooltip");
    assert_non_null(tip);
    assert_non_null(strstr(tip, "<script>alert(\"x\")</script> it \"rejects\" "
                                "the claims ]\" &amp; more \\\\ end."));
    char *label = agget(node, (char *)(uintptr_t) "label");
    assert_non_null(label);
    assert_non_null(strstr(label, "rejects\\n<script>al"));
    assert_non_null(agget(node, (char *)(uintptr_t) "pos"));
    agclose(back);
    free(dot);
    evg_graph_free(g);
}

static void render_deterministic(void **state)
{
    (void)state;
    evg_graph *g = story_graph(1);
    evg_render_opts o;
    evg_render_opts_init(&o);
    for (int f = EVG_RENDER_DOT; f <= EVG_RENDER_HTML; f++) {
        if (f == EVG_RENDER_PDF || f == EVG_RENDER_PNG)
            continue; /* cairo stamps dates into PDF */
        o.format = (evg_render_format)f;
        size_t n1, n2;
        char *a = render(g, &o, &n1), *b = render(g, &o, &n2);
        assert_int_equal(n1, n2);
        assert_memory_equal(a, b, n1);
        free(a);
        free(b);
    }
    evg_graph_free(g);
}

static void render_lanes_and_entity(void **state)
{
    (void)state;
    evg_graph *g = story_graph(1);
    evg_render_opts o;
    evg_render_opts_init(&o);
    o.lanes = 2;
    char *svg = render(g, &o, NULL);
    /* two actor lanes and one for everybody else */
    assert_int_equal(count(svg, "class=\"node lane lane_"), 3);
    assert_non_null(strstr(svg, "Other actors"));
    free(svg);

    o.lanes = 0; /* default */
    o.entity = "google";
    svg = render(g, &o, NULL);
    const char *lane0 = strstr(svg, "<g id=\"lab0\"");
    assert_non_null(lane0);
    const char *title = strstr(lane0, "<title>");
    assert_non_null(title);
    assert_true(strncmp(title, "<title>Google (", 15) == 0);
    free(svg);
    evg_graph_free(g);
}

/* A target without a lane is named after an arrow in the event's box,
 * unless the box's summary names it already. */
static void render_target_named_once(void **state)
{
    (void)state;
    evg_graph *g = story_graph(1);
    evg_render_opts o;
    evg_render_opts_init(&o);
    o.format = EVG_RENDER_DOT;
    o.lanes = 1;
    o.entity = "google"; /* Google's lane; Huawei and the US have none */
    char *dot = render(g, &o, NULL);
    /* in a label the arrow starts a line (\n in DOT; tooltips have it
     * between source and target). "suspends business with Huawei",
     * "urges South Korea to avoid Huawei": Huawei not named again */
    assert_null(strstr(dot, "\\n\xe2\x86\x92 Huawei"));
    assert_non_null(strstr(dot, "\\n\xe2\x86\x92 South Korea"));
    /* "rejects ..." by Huawei does not name the United States */
    assert_non_null(strstr(dot, "\\n\xe2\x86\x92 United States"));
    free(dot);
    evg_graph_free(g);
}

static void render_empty(void **state)
{
    (void)state;
    evg_doc *doc;
    const char *json =
        "{\"schema\": \"evgraph-events/1\", \"document\": "
        "{\"id\": \"empty\"}, \"sentences\": [], \"timexes\": "
        "[], \"entities\": [], \"events\": [], \"relations\": []}";
    evg_error err;
    evg_error_clear(&err);
    int rc = evg_doc_from_json(json, strlen(json), &doc, &err);
    if (rc)
        fprintf(stderr, "%s\n", err.message);
    assert_int_equal(rc, 0);
    evg_graph_opts go;
    evg_graph_opts_init(&go);
    evg_graph *g;
    assert_int_equal(
        evg_graph_build((const evg_doc *const *)&doc, 1, &go, &g, &err), 0);
    evg_doc_free(doc);
    evg_render_opts o;
    evg_render_opts_init(&o);
    for (int v = EVG_VIEW_TIMELINE; v <= EVG_VIEW_ACTORS; v++) {
        o.view = (evg_render_view)v;
        char *svg = render(g, &o, NULL);
        assert_non_null(strstr(svg, "</svg>"));
        free(svg);
    }
    evg_graph_free(g);
}

static void render_network_views(void **state)
{
    (void)state;
    evg_graph *g = story_graph(1);
    evg_render_opts o;
    evg_render_opts_init(&o);
    o.view = EVG_VIEW_GRAPH;
    char *svg = render(g, &o, NULL);
    assert_non_null(strstr(svg, "class=\"node actor\""));
    assert_non_null(strstr(svg, "class=\"node event q4\""));
    assert_non_null(strstr(svg, "Actors and events"));
    free(svg);
    o.view = EVG_VIEW_ACTORS;
    svg = render(g, &o, NULL);
    assert_non_null(strstr(svg, "class=\"node actor\""));
    assert_null(strstr(svg, "class=\"node event"));
    free(svg);
    o.format = EVG_RENDER_DOT;
    char *dot = render(g, &o, NULL);
    assert_non_null(strstr(dot, "layout=neato"));
    Agraph_t *back = agmemread(dot);
    assert_non_null(back);
    agclose(back);
    free(dot);
    evg_graph_free(g);
}

static void render_bad_arguments(void **state)
{
    (void)state;
    evg_graph *g = story_graph(1);
    evg_render_opts o;
    evg_render_opts_init(&o);
    evg_error err;
    evg_error_clear(&err);
    size_t n;
    assert_int_equal(evg_render_timeline(g, &o, NULL, &n, &err), EVG_EINVAL);
    char *out = (char *)1;
    assert_int_equal(evg_render_timeline(NULL, &o, &out, &n, &err), EVG_EINVAL);
    assert_null(out);
    o.format = (evg_render_format)42;
    assert_int_equal(evg_render_timeline(g, &o, &out, &n, &err), EVG_EINVAL);
    assert_null(out);
    evg_graph_free(g);
}

static void render_names(void **state)
{
    (void)state;
    assert_int_equal(evg_render_format_parse("dot"), EVG_RENDER_DOT);
    assert_int_equal(evg_render_format_parse("svg"), EVG_RENDER_SVG);
    assert_int_equal(evg_render_format_parse("png"), EVG_RENDER_PNG);
    assert_int_equal(evg_render_format_parse("pdf"), EVG_RENDER_PDF);
    assert_int_equal(evg_render_format_parse("html"), EVG_RENDER_HTML);
    assert_int_equal(evg_render_format_parse("SVG"), -1);
    assert_int_equal(evg_render_format_parse(""), -1);
    assert_int_equal(evg_render_view_parse("graph"), EVG_VIEW_GRAPH);
    assert_int_equal(evg_render_view_parse("actors"), EVG_VIEW_ACTORS);
    assert_int_equal(evg_render_view_parse("timeline"), EVG_VIEW_TIMELINE);
    assert_int_equal(evg_render_view_parse("tree"), -1);
    assert_string_equal(evg_render_format_ext(EVG_RENDER_HTML), "html");
    evg_render_opts o;
    evg_render_opts_init(&o);
    assert_int_equal(o.format, EVG_RENDER_SVG);
    assert_int_equal(o.lanes, 10);
    assert_int_equal(o.width, 1600);
}

static void render_calendar(void **state)
{
    (void)state;
    long d;
    assert_int_equal(evg_render__parse_day("1970-01-01", &d), 0);
    assert_int_equal(d, 0);
    assert_int_equal(evg_render__parse_day("2019-05-23", &d), 0);
    assert_int_equal(evg_render__weekday(d), 3); /* Thursday */
    int y, m, dd;
    evg_render__civil(d, &y, &m, &dd);
    assert_true(y == 2019 && m == 5 && dd == 23);
    assert_int_equal(evg_render__parse_day("2020-02-29", &d), 0);
    assert_int_equal(evg_render__parse_day("2019-02-29", &d), -1);
    assert_int_equal(evg_render__parse_day("2019-13-01", &d), -1);
    assert_int_equal(evg_render__parse_day("2019-5-1", &d), -1);
    assert_int_equal(evg_render__parse_day(NULL, &d), -1);

    struct {
        const char *lo, *hi, *want;
    } cases[] = {
        {"2019-05-23", "2019-05-23", "Thu 23 May 2019"},
        {"2019-05-13", "2019-05-19", "week of 13 May 2019"},
        {"2018-01-01", "2018-12-31", "2018"},
        {"2019-06-01", "2019-06-30", "Jun 2019"},
        {"2019-05-30", "2019-06-02",
         "30 May\xe2\x80\x93"
         "2 Jun 2019"},
        {NULL, NULL, "undated"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        evg_gevent e;
        memset(&e, 0, sizeof(e));
        e.lo = cases[i].lo;
        e.hi = cases[i].hi;
        evg_buf b;
        evg_buf_init(&b, 0);
        evg_render__date_text(&b, &e);
        assert_string_equal(b.data, cases[i].want);
        evg_buf_dispose(&b);
    }
}

static void render_gv_text(void **state)
{
    (void)state;
    evg_buf b;
    evg_buf_init(&b, 0);
    evg_render__gv_text(&b, "  a\\b\n\t\"c\" & d\\", 0);
    /* backslashes doubled, & kept literal, never ending in a backslash */
    assert_string_equal(b.data, "a\\\\b \"c\" &amp; d\\\\ ");
    b.len = 0;
    evg_render__gv_text(&b, "abcdefghij", 4);
    assert_string_equal(b.data, "abc\xe2\x80\xa6");
    b.len = 0;
    evg_render__gv_text(&b, "abcd  ", 4);
    assert_string_equal(b.data, "abcd");
    b.len = 0;
    evg_render__gv_text(&b, "a\xe2\x80\xae" "b\xe2\x81\xa6" "c", 0); /* RLO, LRI */
    assert_string_equal(b.data, "abc");
    b.len = 0;
    evg_render__gv_text(&b, "bad \xff byte", 0);
    assert_string_equal(b.data, "bad \xef\xbf\xbd byte");
    b.len = 0;
    evg_render__url(&b, "/data/a&b c\"<>\\.txt");
    assert_string_equal(b.data, "file:///data/a%26b%20c%22%3C%3E%5C.txt");
    /* only file:, http:, https: and scheme-less paths become links */
    static const char *const links[] = {
        "news/a.txt", "/srv/a.txt", "HTTPS://example.org/a", "http://x/y",
        "file:///a", "a/b:c", "./javascript:x", "1ab:c"};
    for (size_t i = 0; i < sizeof(links) / sizeof(*links); i++)
        assert_true(evg_render__linkable(links[i]));
    static const char *const texts[] = {
        "javascript:document.title='PWNED'", "JavaScript:alert(1)",
        "data:text/html,<b>", "vbscript:x", "jav.a+s-c:x", "", NULL};
    for (size_t i = 0; i < sizeof(texts) / sizeof(*texts); i++) {
        assert_false(evg_render__linkable(texts[i]));
        b.len = 0;
        evg_render__url(&b, texts[i]);
        assert_int_equal(b.len, 0);
    }
    evg_buf_dispose(&b);
}

/* An event the coder is unsure of (confidence under 0.5) is left out like
 * a hypothetical one, and drawn with --show-uncertain. */
static void render_low_confidence(void **state)
{
    (void)state;
    urge_confidence = 0.4;
    evg_graph *g = story_graph(0);
    urge_confidence = -1;
    evg_render_opts o;
    evg_render_opts_init(&o);
    size_t n;
    char id[32];
    snprintf(id, sizeof(id), "id=\"ev%zu\"", event_named(g, "urges"));
    char *svg = render(g, &o, &n);
    assert_null(strstr(svg, id));
    assert_non_null(strstr(svg, "3 left out (1 under confidence 0.5, 1 hypothetical, 1 negated)"));
    free(svg);
    o.show_uncertain = 1;
    svg = render(g, &o, &n);
    assert_non_null(strstr(svg, id));
    free(svg);
    /* the page's table marks it */
    o.format = EVG_RENDER_HTML;
    char *html = render(g, &o, &n);
    assert_non_null(strstr(html, "(uncertain: 0.40)"));
    free(html);
    evg_graph_free(g);
}

/* A report (REPORTING, no CAMEO code) is not drawn beside the event it
 * tells of ("Iran attacked Iraq, the daily reported"); a report that tells
 * of nothing drawn stays, and --show-uncertain draws both. */
static void render_folds_reports(void **state)
{
    (void)state;
    const char *json =
        "{\"schema\": \"evgraph-events/2\", \"document\": {\"id\": \"r\", "
        "\"dct\": \"2019-05-23\"},"
        "\"sentences\": [{\"id\": \"s1\", \"start\": 0, \"end\": 40, "
        "\"text\": \"Iran attacked Iraq, the daily reported.\"},"
        "{\"id\": \"s2\", \"start\": 41, \"end\": 60, "
        "\"text\": \"The daily reported.\"}],"
        "\"entities\": [{\"id\": \"e1\", \"name\": \"Iran\", \"kind\": "
        "\"country\", \"code\": \"IRN\", \"mentions\": []},"
        "{\"id\": \"e2\", \"name\": \"Iraq\", \"kind\": \"country\", "
        "\"code\": \"IRQ\", \"mentions\": []},"
        "{\"id\": \"e3\", \"name\": \"Daily\", \"kind\": "
        "\"organization\", \"code\": \"IRNMED\", \"mentions\": []}],"
        "\"events\": ["
        "{\"id\": \"v1\", \"cameo\": \"190\", \"label\": \"fight\", "
        "\"quad_class\": 4, \"goldstein\": -10, \"class\": \"OCCURRENCE\", "
        "\"summary\": \"attacks Iraq\", \"trigger\": {\"text\": "
        "\"attacked\", \"start\": 5, \"end\": 13}, \"source\": [\"e1\"], "
        "\"target\": [\"e2\"], \"args\": [], \"time\": {\"value\": "
        "\"2019-05-23\", \"start\": \"2019-05-23\", \"end\": "
        "\"2019-05-23\", \"basis\": \"dct\"}, \"modality\": \"reported\", "
        "\"sentence\": \"s1\", \"confidence\": 0.9, \"mentions\": []},"
        "{\"id\": \"v2\", \"cameo\": null, \"label\": null, \"quad_class\": "
        "null, \"goldstein\": null, \"class\": \"REPORTING\", \"summary\": "
        "\"the daily reported\", \"trigger\": {\"text\": \"reported\", "
        "\"start\": 30, \"end\": 38}, \"source\": [\"e3\"], \"target\": [], "
        "\"args\": [], \"time\": {\"value\": \"2019-05-23\", \"start\": "
        "\"2019-05-23\", \"end\": \"2019-05-23\", \"basis\": \"dct\"}, "
        "\"modality\": \"asserted\", \"sentence\": \"s1\", \"confidence\": "
        "0.9, \"mentions\": []},"
        "{\"id\": \"v3\", \"cameo\": null, \"label\": null, \"quad_class\": "
        "null, \"goldstein\": null, \"class\": \"REPORTING\", \"summary\": "
        "\"The daily reported\", \"trigger\": {\"text\": \"reported\", "
        "\"start\": 51, \"end\": 59}, \"source\": [\"e3\"], \"target\": [], "
        "\"args\": [], \"time\": {\"value\": \"2019-05-23\", \"start\": "
        "\"2019-05-23\", \"end\": \"2019-05-23\", \"basis\": \"dct\"}, "
        "\"modality\": \"asserted\", \"sentence\": \"s2\", \"confidence\": "
        "0.9, \"mentions\": []}],"
        "\"relations\": []}";
    evg_doc *doc = NULL;
    evg_error err;
    evg_error_clear(&err);
    int rc = evg_doc_from_json(json, strlen(json), &doc, &err);
    if (rc)
        fprintf(stderr, "doc: %s\n", err.message);
    assert_int_equal(rc, 0);
    evg_graph_opts go;
    evg_graph_opts_init(&go);
    go.merge = 0;
    evg_graph *g = NULL;
    assert_int_equal(
        evg_graph_build((const evg_doc *const *)&doc, 1, &go, &g, &err), 0);
    evg_doc_free(doc);
    evg_render_opts o;
    evg_render_opts_init(&o);
    evg_render_counts c;
    evg_render_count(g, &o, &c);
    assert_int_equal(c.shown, 2);
    assert_int_equal(c.reports, 1);
    char text[256];
    evg_render_counts_text(&c, text, sizeof(text));
    assert_string_equal(text, "2 events drawn, 1 left out (1 report of "
                              "another event)");
    size_t n;
    char *svg = render(g, &o, &n);
    char id[3][32];
    for (int k = 0; k < 3; k++)
        snprintf(id[k], sizeof(id[k]), "id=\"ev%zu\"",
                 event_named(g, k == 0 ? "attacks" : k == 1 ? "the daily"
                                                            : "The daily"));
    assert_non_null(strstr(svg, id[0]));
    assert_null(strstr(svg, id[1]));
    assert_non_null(strstr(svg, id[2]));
    free(svg);
    o.show_uncertain = 1;
    svg = render(g, &o, &n);
    assert_non_null(strstr(svg, id[1]));
    free(svg);
    evg_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(render_formats),
        cmocka_unit_test(render_low_confidence),
        cmocka_unit_test(render_folds_reports),
        cmocka_unit_test(render_escaping),
        cmocka_unit_test(render_deterministic),
        cmocka_unit_test(render_lanes_and_entity),
        cmocka_unit_test(render_target_named_once),
        cmocka_unit_test(render_empty),
        cmocka_unit_test(render_network_views),
        cmocka_unit_test(render_bad_arguments),
        cmocka_unit_test(render_names),
        cmocka_unit_test(render_calendar),
        cmocka_unit_test(render_gv_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
