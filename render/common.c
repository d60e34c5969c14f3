/* Shared pieces of the renderers: options, calendar arithmetic, escaping of
 * article text for Graphviz strings and URLs, event texts (dates,
 * tooltips), and running Graphviz in-process with its messages captured. */
#define _GNU_SOURCE /* dladdr */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "internal.h"

const char *const evg_render__quad_stroke[EVG_RENDER_KINDS] = {
    "#6b6b6b", "#1b7837", "#2166ac", "#c2650a", "#b2182b", "#8a7a00"};
const char *const evg_render__quad_fill[EVG_RENDER_KINDS] = {
    "#eeeeee", "#d9f0d3", "#d1e5f0", "#fde0bd", "#f6cfcb", "#f7f0c6"};
const char *const evg_render__quad_name[EVG_RENDER_KINDS] = {
    "other", "verbal cooperation", "material cooperation", "verbal conflict",
    "material conflict", "other event (no CAMEO code)"};

int evg_render__kind(const evg_gevent *e)
{
    if (!e->cameo)
        return EVG_RENDER_UNCODED;
    return e->quad_class >= 1 && e->quad_class <= 4 ? e->quad_class : 0;
}

int evg_render__any_uncoded(const evg_graph *g, const unsigned char *shown)
{
    size_t n = evg_graph_event_count(g);
    for (size_t i = 0; i < n; i++)
        if ((!shown || shown[i]) && !evg_graph_event(g, i)->cameo)
            return 1;
    return 0;
}
const char *const evg_render__month_abbr[12] = {"Jan", "Feb", "Mar", "Apr",
                                                "May", "Jun", "Jul", "Aug",
                                                "Sep", "Oct", "Nov", "Dec"};

void evg_render_opts_init(evg_render_opts *opts)
{
    memset(opts, 0, sizeof(*opts));
    opts->size = sizeof(*opts);
    opts->format = EVG_RENDER_SVG;
    opts->view = EVG_VIEW_TIMELINE;
    opts->lanes = 10;
    opts->width = 1600;
    opts->paper = EVG_PAPER_A4;
}

int evg_render_paper_parse(const char *name)
{
    if (name && strcasecmp(name, "a4") == 0)
        return EVG_PAPER_A4;
    if (name && strcasecmp(name, "letter") == 0)
        return EVG_PAPER_LETTER;
    return -1;
}

/* A report of another event of its sentence ("the daily reported", "the
 * newspaper said"): that event is drawn (attributed, where it is CAMEO's),
 * the report is not an event of its own on the timeline. */
static int folded(const evg_gevent *e, const evg_render_opts *opts)
{
    return !opts->show_uncertain && e->tells_of_other;
}

void evg_render_count(const evg_graph *g, const evg_render_opts *opts,
                      evg_render_counts *c)
{
    memset(c, 0, sizeof(*c));
    if (!g)
        return;
    evg_render_opts d;
    if (!opts) {
        evg_render_opts_init(&d);
        opts = &d;
    }
    size_t na = evg_graph_actor_count(g);
    unsigned char *used = calloc(na ? na : 1, 1);
    c->events = evg_graph_event_count(g);
    c->actors = na;
    const evg_graph_summary *sum = evg_graph_summary_get(g);
    if (sum) {
        c->filtered = sum->filtered;
        c->below_min = sum->below_confidence;
    }
    for (size_t i = 0; i < c->events; i++) {
        const evg_gevent *e = evg_graph_event(g, i);
        const char *m = e->modality ? e->modality : "";
        if (opts->show_uncertain)
            c->shown++;
        else if (folded(e, opts)) {
            c->reports++;
            continue;
        }
        else if (strcmp(m, "hypothetical") == 0)
            c->hypothetical++;
        else if (strcmp(m, "negated") == 0)
            c->negated++;
        else if (e->confidence < EVG_RENDER_MIN_CONFIDENCE)
            c->unsure++;
        else
            c->shown++;
        if (!used || !evg_render__visible(e, opts))
            continue;
        evg_render__mark_actors(e, na, used);
    }
    for (size_t i = 0; used && i < na; i++)
        c->actors_shown += used[i];
    free(used);
}

void evg_render_counts_text(const evg_render_counts *c, char *buf, size_t n)
{
    if (!n)
        return;
    size_t left = c->events - c->shown + c->filtered + c->below_min;
    int k = snprintf(buf, n, "%zu event%s drawn", c->shown,
                     c->shown == 1 ? "" : "s");
    if (k < 0 || (size_t)k >= n)
        return;
    if (!left)
        return;
    k += snprintf(buf + k, n - (size_t)k, ", %zu left out (", left);
    const char *sep = "";
    if (c->filtered && (size_t)k < n) {
        k += snprintf(buf + k, n - (size_t)k, "%zu filtered", c->filtered);
        sep = ", ";
    }
    if (c->below_min && (size_t)k < n) {
        k += snprintf(buf + k, n - (size_t)k, "%s%zu below --min-confidence",
                      sep, c->below_min);
        sep = ", ";
    }
    if (c->unsure && (size_t)k < n) {
        k += snprintf(buf + k, n - (size_t)k, "%s%zu under confidence %.1f",
                      sep, c->unsure, EVG_RENDER_MIN_CONFIDENCE);
        sep = ", ";
    }
    if (c->hypothetical && (size_t)k < n) {
        k += snprintf(buf + k, n - (size_t)k, "%s%zu hypothetical", sep,
                      c->hypothetical);
        sep = ", ";
    }
    if (c->negated && (size_t)k < n) {
        k += snprintf(buf + k, n - (size_t)k, "%s%zu negated", sep,
                      c->negated);
        sep = ", ";
    }
    if (c->reports && (size_t)k < n)
        k += snprintf(buf + k, n - (size_t)k, "%s%zu report%s of another event",
                      sep, c->reports, c->reports == 1 ? "" : "s");
    if ((size_t)k < n)
        snprintf(buf + k, n - (size_t)k, ")");
}

static const char *const format_names[] = {"dot", "svg", "png", "pdf", "html"};

int evg_render_format_parse(const char *name)
{
    for (int i = 0; i < 5; i++)
        if (name && strcmp(name, format_names[i]) == 0)
            return i;
    return -1;
}

const char *evg_render_format_ext(evg_render_format format)
{
    return (unsigned)format < 5 ? format_names[format] : "out";
}

int evg_render_view_parse(const char *name)
{
    if (!name)
        return -1;
    if (strcmp(name, "timeline") == 0)
        return EVG_VIEW_TIMELINE;
    if (strcmp(name, "graph") == 0)
        return EVG_VIEW_GRAPH;
    if (strcmp(name, "actors") == 0)
        return EVG_VIEW_ACTORS;
    return -1;
}

int evg_render(const evg_graph *g, const evg_render_opts *opts, char **out,
               size_t *len, evg_error *err)
{
    if (opts && opts->view != EVG_VIEW_TIMELINE)
        return evg_render_network(g, opts, out, len, err);
    return evg_render_timeline(g, opts, out, len, err);
}

/* ---- calendar ---- */

long evg_render__day_of(int y, int m, int d)
{
    return evg_date_days(y, m, d);
}

void evg_render__civil(long day, int *y, int *m, int *d)
{
    evg_date_civil(day, y, m, d);
}

int evg_render__weekday(long day)
{
    long w = (day + 3) % 7; /* 1970-01-01 was a Thursday */
    return (int)(w < 0 ? w + 7 : w);
}

int evg_render__parse_day(const char *s, long *day)
{
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return -1;
    int v[3] = {0, 0, 0};
    const int at[3] = {0, 5, 8}, n[3] = {4, 2, 2};
    for (int k = 0; k < 3; k++)
        for (int i = 0; i < n[k]; i++) {
            char c = s[at[k] + i];
            if (c < '0' || c > '9')
                return -1;
            v[k] = v[k] * 10 + (c - '0');
        }
    if (v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > evg_date_days_in_month(v[0], v[1]))
        return -1;
    *day = evg_render__day_of(v[0], v[1], v[2]);
    return 0;
}

/* ---- text ---- */

/* Bidirectional embedding, override and isolate controls: dropped, so an
 * article cannot reverse the text drawn after it. */
static int bidi_control(int32_t cp)
{
    return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

/* Whether `s` holds nothing but white space and control characters. */
static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] > ' ' && s[i] != 0x7f)
            return 0;
    return 1;
}

int evg_render__gv_text(evg_buf *b, const char *s, size_t max_chars)
{
    if (!s)
        return b->failed;
    size_t n = strlen(s), i = 0, chars = 0, start = b->len;
    int space = 0;
    while (i < n &&
           (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        i++;
    while (i < n) {
        size_t at = i;
        int32_t cp = evg_utf8_next(s, n, &i);
        int bad = cp < 0;
        if (bad)
            cp = 0xfffd;
        if (bidi_control(cp))
            continue;
        if (cp < 0x20 || cp == 0x7f || cp == ' ' || (cp >= 0x80 && cp < 0xa0) ||
            cp == 0x2028 || cp == 0x2029) {
            space = 1;
            continue;
        }
        size_t need = chars + (space ? 1 : 0) + 1;
        if (max_chars && need + 1 > max_chars &&
            !(need <= max_chars && blank(s + i, n - i))) {
            evg_buf_puts(b, "\xe2\x80\xa6"); /* ... */
            break;
        }
        if (space) {
            evg_buf_putc(b, ' ');
            chars++;
            space = 0;
        }
        chars++;
        if (cp == '\\')
            evg_buf_puts(b, "\\\\");
        else if (cp == '&') /* Graphviz decodes entities in labels */
            evg_buf_puts(b, "&amp;");
        else if (bad)
            evg_buf_puts(b, "\xef\xbf\xbd"); /* invalid byte */
        else
            evg_buf_append(b, s + at, i - at);
    }
    /* A value ending in a backslash would escape the closing quote when
     * agwrite() prints it: end with a space instead. */
    if (!b->failed && b->len > start && b->data[b->len - 1] == '\\')
        evg_buf_putc(b, ' ');
    return b->failed;
}

int evg_render__linkable(const char *s)
{
    if (!s || !s[0])
        return 0;
    /* a scheme is a letter, then letters, digits, + - or ., then ':'
     * (RFC 3986); without one the path is relative or absolute */
    char low[8];
    size_t n = 0;
    for (;; n++) {
        char c = s[n];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        int letter = c >= 'a' && c <= 'z';
        if (!(letter || (n > 0 && ((c >= '0' && c <= '9') || c == '+' ||
                                   c == '-' || c == '.'))))
            break;
        if (n < sizeof(low) - 1)
            low[n] = c;
    }
    if (n == 0 || s[n] != ':')
        return 1;
    low[n < sizeof(low) - 1 ? n : sizeof(low) - 1] = '\0';
    return n < sizeof(low) - 1 && (strcmp(low, "file") == 0 ||
                                   strcmp(low, "http") == 0 ||
                                   strcmp(low, "https") == 0);
}

int evg_render__url(evg_buf *b, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    if (!evg_render__linkable(s))
        return b->failed;
    if (s[0] == '/')
        evg_buf_puts(b, "file://");
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned char c = *p;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
            (c >= '0' && c <= '9') || strchr("/:.-_~", c))
            evg_buf_putc(b, (char)c);
        else {
            char e[3] = {'%', hex[c >> 4], hex[c & 15]};
            evg_buf_append(b, e, 3);
        }
    }
    return b->failed;
}

static void put_day(evg_buf *b, long day, int weekday, int year)
{
    int y, m, d;
    evg_render__civil(day, &y, &m, &d);
    static const char *const wd[7] = {"Mon", "Tue", "Wed", "Thu",
                                      "Fri", "Sat", "Sun"};
    if (weekday)
        evg_buf_printf(b, "%s ", wd[evg_render__weekday(day)]);
    evg_buf_printf(b, "%d %s", d, evg_render__month_abbr[m - 1]);
    if (year)
        evg_buf_printf(b, " %d", y);
}

int evg_render__date_text(evg_buf *b, const evg_gevent *e)
{
    long lo, hi;
    if (evg_render__parse_day(e->lo, &lo) != 0)
        return evg_buf_puts(b, "undated");
    if (evg_render__parse_day(e->hi, &hi) != 0 || hi < lo)
        hi = lo;
    int y1, m1, d1, y2, m2, d2;
    evg_render__civil(lo, &y1, &m1, &d1);
    evg_render__civil(hi, &y2, &m2, &d2);
    if (lo == hi) {
        put_day(b, lo, 1, 1);
    } else if (hi - lo == 6 && evg_render__weekday(lo) == 0) {
        evg_buf_puts(b, "week of ");
        put_day(b, lo, 0, 1);
    } else if (d1 == 1 && m1 == 1 && m2 == 12 && d2 == 31) {
        if (y1 == y2)
            evg_buf_printf(b, "%d", y1);
        else
            evg_buf_printf(b, "%d\xe2\x80\x93%d", y1, y2);
    } else if (y1 == y2 && m1 == m2 && d1 == 1 && d2 == evg_date_days_in_month(y2, m2)) {
        evg_buf_printf(b, "%s %d", evg_render__month_abbr[m1 - 1], y1);
    } else if (d1 == 1 && d2 == evg_date_days_in_month(y2, m2)) {
        evg_buf_printf(b, "%s %d\xe2\x80\x93%s %d",
                       evg_render__month_abbr[m1 - 1], y1,
                       evg_render__month_abbr[m2 - 1], y2);
    } else {
        put_day(b, lo, 0, y1 != y2);
        evg_buf_puts(b, "\xe2\x80\x93");
        put_day(b, hi, 0, 1);
    }
    return b->failed;
}

int evg_render__names(evg_buf *b, const evg_graph *g, const size_t *ids,
                      size_t n, size_t max)
{
    size_t shown = max && n > max ? max : n;
    for (size_t i = 0; i < shown; i++) {
        const evg_gactor *a = evg_graph_actor(g, ids[i]);
        if (i)
            evg_buf_puts(b, ", ");
        evg_buf_puts(b, a && a->name ? a->name : "?");
    }
    if (shown < n)
        evg_buf_printf(b, " +%zu", n - shown);
    return b->failed;
}

int evg_render__tooltip(evg_buf *b, const evg_graph *g, size_t i)
{
    const evg_gevent *e = evg_graph_event(g, i);
    if (!e)
        return b->failed;
    evg_render__date_text(b, e);
    if (e->time_value)
        evg_buf_printf(b, " (%s)", e->time_value);
    evg_buf_puts(b, ": ");
    if (e->n_sources)
        evg_render__names(b, g, e->sources, e->n_sources, 0);
    else
        evg_buf_puts(b, "(no source)");
    if (e->n_targets) {
        evg_buf_puts(b, " \xe2\x86\x92 ");
        evg_render__names(b, g, e->targets, e->n_targets, 0);
    }
    evg_buf_printf(b, " \xe2\x80\x94 %s", e->summary ? e->summary : "");
    if (e->cameo && e->label && e->label[0])
        evg_buf_printf(b, " [CAMEO %s %s]", e->cameo, e->label);
    else if (!e->cameo)
        evg_buf_printf(b, " [no CAMEO code%s%s]", e->tml_class ? ": " : "",
                       e->tml_class ? e->tml_class : "");
    for (size_t k = 0; k < e->n_args; k++) /* who and what, by role */
        evg_buf_printf(b, "%s%s: %s", k ? "; " : "\nParticipants: ",
                       e->args[k].role, e->args[k].text);
    if (e->modality && strcmp(e->modality, "asserted") != 0)
        evg_buf_printf(b, " (%s)", e->modality);
    if (e->evidence && e->evidence[0])
        evg_buf_printf(b, "\nEvidence: \xe2\x80\x9c%s\xe2\x80\x9d",
                       e->evidence);
    if (e->doc_path && e->doc_path[0])
        evg_buf_printf(b, "\nSource: %s", e->doc_path);
    else if (e->doc && e->doc[0])
        evg_buf_printf(b, "\nSource: %s", e->doc);
    return b->failed;
}

void evg_render__mark_actors(const evg_gevent *e, size_t na,
                             unsigned char *used)
{
    for (size_t k = 0; k < e->n_sources; k++)
        if (e->sources[k] < na)
            used[e->sources[k]] = 1;
    for (size_t k = 0; k < e->n_targets; k++)
        if (e->targets[k] < na)
            used[e->targets[k]] = 1;
}

int evg_render__visible(const evg_gevent *e, const evg_render_opts *opts)
{
    if (opts->show_uncertain)
        return 1;
    /* an event the coder is unsure of (no agent found, a nominal mention
     * with nothing to attach to) is evidence, not a fact to draw */
    if (e->confidence < EVG_RENDER_MIN_CONFIDENCE)
        return 0;
    return !e->modality || (strcmp(e->modality, "hypothetical") != 0 &&
                            strcmp(e->modality, "negated") != 0);
}

unsigned char *evg_render__shown(const evg_graph *g,
                                 const evg_render_opts *opts)
{
    size_t ne = evg_graph_event_count(g);
    unsigned char *shown = malloc(ne ? ne : 1);
    for (size_t i = 0; shown && i < ne; i++) {
        const evg_gevent *e = evg_graph_event(g, i);
        shown[i] = (unsigned char)(evg_render__visible(e, opts) &&
                                   !folded(e, opts));
    }
    return shown;
}

/* ---- Graphviz ---- */

/* Graphviz reports through a global hook: collect its messages here while a
 * render runs (Graphviz is not thread-safe anyway). */
static char *capture_to;

static int capture(char *message)
{
    if (capture_to && !capture_to[0] && message) {
        snprintf(capture_to, 256, "%s", message);
        size_t n = strlen(capture_to);
        while (n && (capture_to[n - 1] == '\n' || capture_to[n - 1] == ' '))
            capture_to[--n] = '\0';
    }
    return 0;
}

/* Graphviz contexts live as long as the process: the pango plugin of
 * Graphviz 2.42 keeps a pointer to the last font name, which a freed
 * context leaves dangling (a use-after-free on the next render); creating
 * them once also saves ~6 ms per picture.
 *
 * DOT, SVG and HTML use a context with only the core and neato plugins:
 * text widths come from Graphviz's own font metrics instead of pango, which
 * measures every label (half the layout time at 50,000 events) and makes
 * the SVG depend on the fonts installed. PNG and PDF need cairo, so they
 * use a context with every installed plugin. */
static GVC_t *full_gvc, *plain_gvc;
static int plain_tried;

static GVC_t *plain_context(void)
{
    static lt_symlist_t syms[3];
    static char names[2][64];
    static const char *const plugins[2] = {"core", "neato_layout"};
    if (plain_tried)
        return plain_gvc;
    plain_tried = 1;
    union {
        GVC_t *(*fn)(void);
        void *p;
    } self = {gvContext};
    Dl_info info;
    if (!dladdr(self.p, &info) || !info.dli_fname)
        return NULL;
    char dir[512];
    snprintf(dir, sizeof(dir), "%s", info.dli_fname);
    char *slash = strrchr(dir, '/');
    if (!slash)
        return NULL;
    *slash = '\0';
    for (int i = 0; i < 2; i++) {
        char path[600];
        snprintf(path, sizeof(path), "%s/graphviz/libgvplugin_%s.so.6", dir,
                 plugins[i]);
        void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
        if (!h)
            return NULL;
        snprintf(names[i], sizeof(names[i]), "gvplugin_%s_LTX_library",
                 plugins[i]);
        syms[i].name = names[i];
        syms[i].address = dlsym(h, names[i]);
        if (!syms[i].address)
            return NULL;
    }
    plain_gvc = gvContextPlugins(syms, 0);
    return plain_gvc;
}

int evg_render__gv_open(evg_render__gv *gv, const char *name,
                        evg_render_format fmt, evg_error *err)
{
    memset(gv, 0, sizeof(*gv));
    capture_to = gv->errbuf;
    agseterrf(capture);
    gv->errlevel = agseterr(AGERR);
    if (fmt != EVG_RENDER_PNG && fmt != EVG_RENDER_PDF)
        gv->gvc = plain_context();
    if (!gv->gvc) {
        if (!full_gvc)
            full_gvc = gvContext();
        gv->gvc = full_gvc;
    }
    if (!gv->gvc)
        return evg_error_set(err, EVG_EDEP, "graphviz: cannot create context");
    char nm[64];
    snprintf(nm, sizeof(nm), "%s", name);
    gv->g = agopen(nm, Agdirected, NULL);
    if (!gv->g) {
        gv->gvc = NULL;
        return evg_error_set(err, EVG_EDEP, "graphviz: cannot create graph");
    }
    return 0;
}

void evg_render__gv_close(evg_render__gv *gv)
{
    if (gv->g)
        agclose(gv->g);
    gv->g = NULL;
    gv->gvc = NULL;
    if (capture_to == gv->errbuf) {
        capture_to = NULL;
        agseterrf(NULL);
        agseterr(gv->errlevel);
    }
}

void evg_render__set(void *obj, const char *name, const char *value)
{
    static char empty[] = "";
    agsafeset(obj, (char *)(uintptr_t)name, (char *)(uintptr_t)value, empty);
}

/* Rewrites <title>NAME</title> of the nodes `title` knows about. */
static int retitle(const char *svg, size_t n, evg_render__title_fn title,
                   void *ctx, evg_buf *out)
{
    evg_buf scratch;
    evg_buf_init(&scratch, 0);
    size_t pos = 0;
    for (;;) {
        const char *t = pos < n ? strstr(svg + pos, "<title>") : NULL;
        if (!t)
            break;
        size_t open = (size_t)(t - svg) + 7;
        const char *c = strstr(svg + open, "</title>");
        if (!c)
            break;
        size_t close = (size_t)(c - svg);
        scratch.len = 0;
        const char *text =
            title ? title(ctx, svg + open, close - open, &scratch) : NULL;
        evg_buf_append(out, svg + pos, open - pos);
        if (text)
            evg_buf_xml(out, text, strlen(text));
        else
            evg_buf_append(out, svg + open, close - open);
        pos = close;
    }
    evg_buf_append(out, svg + pos, n - pos);
    int rc = out->failed ? out->failed : scratch.failed;
    evg_buf_dispose(&scratch);
    return rc;
}

static int gv_fail(evg_render__gv *gv, evg_error *err, const char *what)
{
    return evg_error_set(err, EVG_EDEP, "graphviz: %s%s%s", what,
                         gv->errbuf[0] ? ": " : "", gv->errbuf);
}

int evg_render__gv_emit(evg_render__gv *gv, const char *engine,
                        evg_render_format fmt, evg_render__title_fn title,
                        void *ctx, char **out, size_t *len, evg_error *err)
{
    *out = NULL;
    *len = 0;
    if (fmt == EVG_RENDER_DOT) {
        char *buf = NULL;
        size_t n = 0;
        FILE *f = open_memstream(&buf, &n);
        if (!f)
            return evg_error_set(err, EVG_ENOMEM, "out of memory");
        int bad = agwrite(gv->g, f) != 0;
        if (fclose(f) != 0 || !buf) {
            free(buf);
            return evg_error_set(err, EVG_ENOMEM, "out of memory");
        }
        if (bad) {
            free(buf);
            return gv_fail(gv, err, "writing the DOT source failed");
        }
        *out = buf;
        *len = n;
        return 0;
    }
    const char *device = fmt == EVG_RENDER_PNG   ? "png:cairo"
                         : fmt == EVG_RENDER_PDF ? "pdf:cairo"
                                                 : "svg";
    if (gvLayout(gv->gvc, gv->g, engine) != 0)
        return gv_fail(gv, err, "layout failed");
    char *data = NULL;
    unsigned int dlen = 0;
    int rc = gvRenderData(gv->gvc, gv->g, device, &data, &dlen);
    if (rc != 0 || !data) {
        gvFreeLayout(gv->gvc, gv->g);
        if (data)
            gvFreeRenderData(data);
        if (fmt == EVG_RENDER_PNG || fmt == EVG_RENDER_PDF)
            return evg_error_set(err, EVG_EDEP,
                                 "graphviz: cannot write %s (is Graphviz's "
                                 "cairo plugin, libgvplugin_pango, "
                                 "installed?)%s%s",
                                 format_names[fmt], gv->errbuf[0] ? ": " : "",
                                 gv->errbuf);
        return gv_fail(gv, err, "rendering failed");
    }
    evg_buf b;
    evg_buf_init(&b, 0);
    if (fmt == EVG_RENDER_SVG || fmt == EVG_RENDER_HTML)
        rc = retitle(data, dlen, title, ctx, &b);
    else
        rc = evg_buf_append(&b, data, dlen);
    if (!rc && fmt == EVG_RENDER_PDF && b.data)
        evg_render__pdf_undate(b.data, b.len);
    gvFreeRenderData(data);
    gvFreeLayout(gv->gvc, gv->g);
    if (rc || !b.data) {
        evg_buf_dispose(&b);
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    }
    *out = evg_buf_steal(&b, len);
    return 0;
}

int evg_render__begin(const evg_graph *g, const evg_render_opts **opts,
                      evg_render_opts *defaults, evg_render_view view,
                      char **out, size_t *len, evg_error *err)
{
    if (!out || !len)
        return evg_error_set(err, EVG_EINVAL, "render: no output given");
    *out = NULL;
    *len = 0;
    if (!g)
        return evg_error_set(err, EVG_EINVAL, "render: no graph given");
    evg_render_opts_init(defaults);
    defaults->view = view;
    if (*opts && evg_opts_adopt(defaults, sizeof(*defaults), *opts,
                                "evg_render_opts", err))
        return EVG_EINVAL;
    *opts = defaults;
    if ((unsigned)(*opts)->format > EVG_RENDER_HTML)
        return evg_error_set(err, EVG_EINVAL, "render: unknown format %d",
                             (int)(*opts)->format);
    return 0;
}

/* ---- text widths ---- */

/* Advance widths of ASCII 32..126 in 1/2048 em, those of DejaVu Sans (the
 * font a Debian browser substitutes for Helvetica, and wider than
 * Helvetica), so that a box sized with them holds its text with either. */
static const unsigned short glyph_w[95] = {
    651,  821,  942,  1716, 1303, 1946, 1597, 563,  799,  799,  1024, 1716,
    651,  739,  651,  690,  1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303,
    1303, 1303, 690,  690,  1716, 1716, 1716, 1087, 2048, 1401, 1405, 1430,
    1577, 1294, 1178, 1587, 1540, 604,  604,  1343, 1141, 1767, 1532, 1612,
    1235, 1612, 1423, 1300, 1251, 1499, 1401, 2025, 1403, 1251, 1403, 799,
    690,  799,  1716, 1024, 1024, 1255, 1300, 1126, 1300, 1260, 721,  1300,
    1298, 569,  569,  1186, 569,  1995, 1298, 1253, 1300, 842,  1067, 803,
    1298, 1212, 1675, 1212, 1212, 1075, 1303, 690,  1303, 1716};

double evg_render__text_w(const char *s, size_t n, double fs, int bold)
{
    double units = 0;
    size_t i = 0;
    while (i < n && s[i]) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\\' && i + 1 < n) { /* Graphviz escape: one character */
            i++;
            c = (unsigned char)s[i];
        } else if (c == '&' && i + 4 < n && memcmp(s + i, "&amp;", 5) == 0) {
            i += 4;
        }
        if (c < 0x80) {
            units += c >= 32 && c < 127 ? glyph_w[c - 32] : 0;
            i++;
            continue;
        }
        int32_t cp = evg_utf8_next(s, n, &i);
        units += cp >= 0x2e80 ? 2048 : 1716; /* wide scripts; others */
    }
    return units / 2048.0 * fs * (bold ? 1.12 : 1.0);
}

/* ---- dates ---- */

int evg_render__range_text(evg_buf *b, long lo, long hi)
{
    if (hi < lo)
        hi = lo;
    int y1, m1, d1, y2, m2, d2;
    evg_render__civil(lo, &y1, &m1, &d1);
    evg_render__civil(hi, &y2, &m2, &d2);
    if (lo == hi)
        put_day(b, lo, 0, 1);
    else if (y1 == y2 && m1 == m2)
        evg_buf_printf(b, "%d\xe2\x80\x93%d %s %d", d1, d2,
                       evg_render__month_abbr[m1 - 1], y1);
    else {
        put_day(b, lo, 0, y1 != y2);
        evg_buf_puts(b, " \xe2\x80\x93 ");
        put_day(b, hi, 0, 1);
    }
    return b->failed;
}

/* ---- links to source documents ---- */

/* Makes `p` absolute (against the working directory) and normal: no "."
 * or ".." components, no doubled slashes. malloc'd, NULL on failure. */
static char *absolute(const char *p)
{
    char *real = realpath(p, NULL);
    if (real)
        return real;
    char cwd[4096];
    if (p[0] != '/' && !getcwd(cwd, sizeof(cwd)))
        return NULL;
    size_t n = strlen(p) + (p[0] == '/' ? 0 : strlen(cwd)) + 2;
    char *in = malloc(n), *out = malloc(n);
    if (!in || !out) {
        free(in);
        free(out);
        return NULL;
    }
    snprintf(in, n, "%s/%s", p[0] == '/' ? "" : cwd, p);
    size_t o = 0;
    for (char *tok = strtok(in, "/"); tok; tok = strtok(NULL, "/")) {
        if (strcmp(tok, ".") == 0)
            continue;
        if (strcmp(tok, "..") == 0) {
            while (o > 0 && out[o - 1] != '/')
                o--;
            if (o > 0)
                o--;
            continue;
        }
        out[o++] = '/';
        size_t k = strlen(tok);
        memcpy(out + o, tok, k);
        o += k;
    }
    if (o == 0)
        out[o++] = '/';
    out[o] = '\0';
    free(in);
    return out;
}

/* Whether `s` starts with a URL scheme ("https:"). */
static int has_scheme(const char *s)
{
    size_t i = 0;
    while ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
           (i && ((s[i] >= '0' && s[i] <= '9') || s[i] == '+' ||
                  s[i] == '-' || s[i] == '.')))
        i++;
    return i > 1 && s[i] == ':';
}

int evg_render__doc_link(evg_buf *b, const evg_render_opts *opts,
                         const char *doc_path)
{
    if (!doc_path || !doc_path[0])
        return b->failed;
    if (has_scheme(doc_path) || (!opts->absolute_links &&
                                 (!opts->link_base || !opts->link_base[0])))
        return evg_render__url(b, doc_path);
    char *doc = absolute(doc_path);
    char *base = opts->absolute_links ? NULL : absolute(opts->link_base);
    if (!doc || (!opts->absolute_links && !base)) {
        free(doc);
        free(base);
        return evg_render__url(b, doc_path);
    }
    if (opts->absolute_links) {
        int rc = evg_render__url(b, doc);
        free(doc);
        return rc;
    }
    /* common leading components, then ".." for each left in the base */
    size_t i = 0, common = 0;
    while (doc[i] && doc[i] == base[i]) {
        if (doc[i] == '/')
            common = i;
        i++;
    }
    if (!base[i] && (doc[i] == '/' || !doc[i]))
        common = i;
    evg_buf rel;
    evg_buf_init(&rel, 0);
    for (const char *p = base + common; *p; p++)
        if (*p == '/' && p[1])
            evg_buf_puts(&rel, "../");
    evg_buf_puts(&rel, doc[common] == '/' ? doc + common + 1 : doc + common);
    int rc = rel.failed ? rel.failed : evg_render__url(b, rel.data ? rel.data : "");
    evg_buf_dispose(&rel);
    free(doc);
    free(base);
    return rc;
}
