/* The timeline's texts: box labels wrapped to their width, group and lane
 * labels, tooltips, the subtitle; and the widths they take, estimated from
 * the font's metrics so the layout needs no renderer. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "timeline.h"

static int count_chars(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xc0) != 0x80;
    return n;
}

/* Width of the widest line of escaped label `s` ("\\n", "\\l", "\\r" end
 * lines). */
double evg_tl__label_w(const char *s, double fs, int bold)
{
    double best = 0;
    size_t start = 0, i = 0, n = strlen(s);
    while (i <= n) {
        int end = i == n;
        if (!end && s[i] == '\\' && i + 1 < n) {
            char c = s[i + 1];
            if (c == 'n' || c == 'l' || c == 'r')
                end = 1;
            else {
                i += 2;
                continue;
            }
        }
        if (end) {
            double w = evg_render__text_w(s + start, i - start, fs, bold);
            if (w > best)
                best = w;
            i += 2;
            start = i;
            continue;
        }
        i++;
    }
    return best;
}

/* Appends up to `max` characters of the words of `s` starting at *pos as
 * one line (escaped); advances *pos. On the `last` line, text that does not
 * fit is cut with an ellipsis. Returns the characters used. */
static int wrap_line(evg_buf *b, const char *s, size_t *pos, int max, int last)
{
    size_t n = strlen(s), i = *pos, end;
    int chars = 0;
    while (i < n && s[i] == ' ')
        i++;
    size_t start = i;
    end = i;
    while (i < n) {
        size_t w = i;
        int wc = 0;
        while (w < n && s[w] != ' ') {
            wc += ((unsigned char)s[w] & 0xc0) != 0x80;
            w++;
        }
        if (chars && chars + 1 + wc > max)
            break;
        chars += (chars ? 1 : 0) + wc;
        end = w;
        i = w;
        while (i < n && s[i] == ' ')
            i++;
        if (chars >= max)
            break;
    }
    char tmp[512];
    size_t len = end - start;
    if (len >= sizeof(tmp))
        len = sizeof(tmp) - 1;
    memcpy(tmp, s + start, len);
    tmp[len] = '\0';
    evg_render__gv_text(b, tmp, (size_t)max);
    int used = chars > max ? max : chars;
    size_t rest = end;
    while (rest < n && s[rest] == ' ')
        rest++;
    if (last && rest < n && chars <= max) {
        evg_buf_puts(b, "\xe2\x80\xa6");
        used++;
        end = n;
    }
    *pos = end;
    return used;
}

/* Appends the text of `nb` (which it disposes of) as one more escaped label
 * line, keeping count of lines and of the widest line. */
static void add_line(evg_buf *b, evg_buf *nb, int *widest, int *lines)
{
    size_t at = b->len;
    evg_render__gv_text(b, nb->data ? nb->data : "", WRAP + 3);
    evg_buf_dispose(nb);
    int w = count_chars(b->data + at);
    if (w > *widest)
        *widest = w;
    evg_buf_puts(b, "\\n");
    (*lines)++;
}

/* Whether the first `n` bytes of `text` hold actor `a`'s name as whole
 * words. */
static int names_in(const char *text, size_t n, const evg_gactor *a)
{
    if (!a || !a->name || !a->name[0])
        return 0;
    size_t k = strlen(a->name);
    for (size_t i = 0; i + k <= n; i++) {
        if (memcmp(text + i, a->name, k) != 0)
            continue;
        int before = i == 0 || !isalnum((unsigned char)text[i - 1]);
        int after = i + k == n || !isalnum((unsigned char)text[i + k]);
        if (before && after)
            return 1;
    }
    return 0;
}

/* Whether the box of event `e` names its target `k` after the arrow: the
 * target has no lane, and the first `n` bytes of the summary (what the
 * box shows of it) do not name it already ("presses South Korea"). */
static int target_in_box(const tl *t, const evg_gevent *e, size_t k,
                         const char *summary, size_t n)
{
    return evg_tl__lane_of(t, e->targets[k]) == EVG_NONE &&
           !names_in(summary, n, evg_graph_actor(t->g, e->targets[k]));
}

/* Builds the escaped, multi-line label of event `te` and its box size. */
int evg_tl__make_label(tl *t, tl_event *te)
{
    const evg_gevent *e = evg_graph_event(t->g, te->idx);
    evg_buf *b = &t->text;
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
    int widest = 0, lines = 0;
    char *plain = evg_text_clean(e->summary ? e->summary : "",
                                 strlen(e->summary ? e->summary : ""));
    if (!plain)
        return EVG_ENOMEM;
    for (char *p = plain; *p; p++)
        if (*p == '\t' || *p == '\n')
            *p = ' ';
    if (e->modality && strcmp(e->modality, "negated") == 0) {
        evg_buf_puts(b, "NOT: ");
        widest = 5;
    }
    size_t pos = 0;
    for (int l = 0; l < 2 && plain[pos]; l++) {
        int w = wrap_line(b, plain, &pos, WRAP, l == 1);
        if (l == 0 && widest)
            w += widest;
        if (w > widest)
            widest = w;
        lines++;
        evg_buf_puts(b, "\\n");
        while (plain[pos] == ' ')
            pos++;
    }
    size_t shown_len = pos; /* the summary's bytes the box shows */
    if (!lines) {
        evg_buf_puts(b, "(event)\\n");
        lines = 1;
        widest = 7;
    }
    const tl_lane *ln = &t->lanes[te->lane];
    /* sources that have no lane of their own are named in the box */
    if (ln->actor == EVG_NONE && e->n_sources) {
        evg_buf nb;
        evg_buf_init(&nb, 0);
        evg_render__names(&nb, t->g, e->sources, e->n_sources, 2);
        add_line(b, &nb, &widest, &lines);
    } else if (e->n_sources > 1) {
        /* coordinated sources: name the others */
        evg_buf nb;
        evg_buf_init(&nb, 0);
        evg_buf_puts(&nb, "with ");
        size_t shown = 0;
        for (size_t k = 0; k < e->n_sources; k++) {
            if (evg_tl__lane_of(t, e->sources[k]) == te->lane &&
                ln->actor == e->sources[k])
                continue;
            if (shown == 2) {
                shown++;
                break;
            }
            const evg_gactor *a = evg_graph_actor(t->g, e->sources[k]);
            evg_buf_printf(&nb, "%s%s", shown ? ", " : "",
                           a && a->name ? a->name : "?");
            shown++;
        }
        if (shown > 2)
            evg_buf_printf(&nb, " +%zu", e->n_sources - 3);
        add_line(b, &nb, &widest, &lines);
    }
    /* targets without a lane after an arrow */
    size_t extra_tgt = 0;
    for (size_t k = 0; k < e->n_targets; k++)
        extra_tgt += (size_t)target_in_box(t, e, k, plain, shown_len);
    if (extra_tgt) {
        evg_buf nb;
        evg_buf_init(&nb, 0);
        evg_buf_puts(&nb, "\xe2\x86\x92 ");
        size_t shown = 0;
        for (size_t k = 0; k < e->n_targets; k++) {
            if (!target_in_box(t, e, k, plain, shown_len))
                continue;
            if (shown == 2)
                break;
            const evg_gactor *a = evg_graph_actor(t->g, e->targets[k]);
            evg_buf_printf(&nb, "%s%s", shown ? ", " : "",
                           a && a->name ? a->name : "?");
            shown++;
        }
        if (extra_tgt > shown)
            evg_buf_printf(&nb, " +%zu", extra_tgt - shown);
        add_line(b, &nb, &widest, &lines);
    }
    free(plain);
    size_t at = b->len;
    evg_render__date_text(b, e);
    int w = count_chars(b->data + at);
    if (w > widest)
        widest = w;
    lines++;
    if (b->failed)
        return b->failed;
    te->label = malloc(b->len + 1);
    if (!te->label)
        return EVG_ENOMEM;
    memcpy(te->label, b->data, b->len + 1);
    (void)widest;
    te->w = evg_tl__label_w(te->label, BOX_FS, 0) + BOX_PAD;
    te->h = (double)lines * LINE_H + 8.0;
    return 0;
}

double evg_tl__est_w(const char *s, double fs)
{
    return evg_tl__label_w(s, fs, 0) + 4.0;
}

/* Escaped lane label: the actor's name wrapped, then kind and country. */
void evg_tl__lane_label(tl *t, size_t l, evg_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
    if (t->lanes[l].actor == EVG_NONE) {
        evg_buf_puts(b, "Other actors\\r");
        return;
    }
    const evg_gactor *a = evg_graph_actor(t->g, t->lanes[l].actor);
    char *plain = evg_text_clean(a->name ? a->name : "?",
                                 strlen(a->name ? a->name : "?"));
    if (!plain) {
        b->failed = EVG_ENOMEM;
        return;
    }
    for (char *p = plain; *p; p++)
        if (*p == '\t' || *p == '\n')
            *p = ' ';
    size_t pos = 0;
    /* 19 characters of 11 pt bold fill the label column */
    for (int line = 0; line < 2 && plain[pos]; line++) {
        wrap_line(b, plain, &pos, 19, line == 1);
        evg_buf_puts(b, "\\r");
        while (plain[pos] == ' ')
            pos++;
    }
    free(plain);
}

const char *evg_tl__lane_sub(tl *t, size_t l, char *buf, size_t n)
{
    const tl_lane *ln = &t->lanes[l];
    if (ln->actor == EVG_NONE) {
        snprintf(buf, n, "%zu event%s\\r", ln->count,
                 ln->count == 1 ? "" : "s");
        return buf;
    }
    const evg_gactor *a = evg_graph_actor(t->g, ln->actor);
    /* "organization \xc2\xb7 USABUS" (the code tells two actors of one name
     * apart), then "source of 25, target of 3" */
    evg_buf b;
    evg_buf_init(&b, 0);
    if (a->kind)
        evg_buf_puts(&b, a->kind);
    const char *code = a->code && a->code[0] ? a->code : a->country;
    if (code && code[0] &&
        !(a->kind && strcmp(a->kind, "country") == 0 && a->country &&
          strcmp(code, a->country) == 0))
        evg_buf_printf(&b, "%s%s", b.len ? " \xc2\xb7 " : "", code);
    evg_buf e;
    evg_buf_init(&e, 0);
    evg_render__gv_text(&e, b.data ? b.data : "", 30);
    if (e.len)
        evg_buf_puts(&e, "\\r");
    evg_buf_printf(&e, "source of %zu, target of %zu\\r", ln->n_src,
                   ln->n_tgt);
    snprintf(buf, n, "%s", e.data ? e.data : "\\r");
    evg_buf_dispose(&e);
    evg_buf_dispose(&b);
    return buf;
}

/* The tooltip of a group: how many events, their dates, then one line per
 * event (the first 30). */
static const char *group_title(tl *t, size_t h, evg_buf *b)
{
    const tl_event *he = &t->ev[h];
    evg_buf_printf(b, "%zu events", he->n_in);
    if (he->c_dated) {
        evg_buf_puts(b, ", ");
        evg_render__range_text(b, he->clo, he->chi);
    }
    if (he->c_undated)
        evg_buf_puts(b, he->c_dated ? " and undated" : ", undated");
    size_t shown = 0;
    for (size_t k = 0; k < t->n_ev && shown < 30; k++) {
        const tl_event *m = &t->ev[k];
        if (k != h && m->head != h)
            continue;
        const evg_gevent *e = evg_graph_event(t->g, m->idx);
        evg_buf_puts(b, "\n");
        evg_render__date_text(b, e);
        evg_buf_puts(b, ": ");
        evg_render__names(b, t->g, e->sources, e->n_sources, 2);
        if (e->n_targets) {
            evg_buf_puts(b, " \xe2\x86\x92 ");
            evg_render__names(b, t->g, e->targets, e->n_targets, 2);
        }
        evg_buf_printf(b, " \xe2\x80\x94 %s", e->summary ? e->summary : "");
        shown++;
    }
    if (he->n_in > shown)
        evg_buf_printf(b, "\n\xe2\x80\xa6 and %zu more", he->n_in - shown);
    return b->data ? b->data : "";
}

const char *evg_tl__title(void *ctx, const char *name, size_t n,
                            evg_buf *scratch)
{
    tl *t = ctx;
    char nm[48];
    if (n >= sizeof(nm))
        return "";
    memcpy(nm, name, n);
    nm[n] = '\0';
    char *end;
    if (nm[0] == 'c' && nm[1] == 'l' && nm[2] >= '0' && nm[2] <= '9') {
        unsigned long long i = strtoull(nm + 2, &end, 10);
        if (*end == '\0' && i < evg_graph_event_count(t->g) &&
            t->ev_of[i] != EVG_NONE)
            return group_title(t, t->ev_of[i], scratch);
        return "";
    }
    if (nm[0] == 'e' && nm[1] == 'v' && nm[2] >= '0' && nm[2] <= '9') {
        unsigned long long i = strtoull(nm + 2, &end, 10);
        if (*end == '\0' && i < evg_graph_event_count(t->g)) {
            evg_render__tooltip(scratch, t->g, (size_t)i);
            return scratch->data ? scratch->data : "";
        }
        return "";
    }
    size_t skip = strncmp(nm, "lab", 3) == 0    ? 3
                  : strncmp(nm, "rail", 4) == 0 ? 4
                  : strncmp(nm, "lane", 4) == 0 ? 4
                                                : 0;
    if (skip && nm[skip] >= '0' && nm[skip] <= '9') {
        unsigned long long l = strtoull(nm + skip, &end, 10);
        if (*end == '\0' && l < t->n_lanes) {
            if (t->lanes[l].actor == EVG_NONE)
                return "Other actors";
            const evg_gactor *a = evg_graph_actor(t->g, t->lanes[l].actor);
            evg_buf_printf(scratch, "%s (%s%s%s)", a->name ? a->name : "?",
                           a->code ? a->code : "", a->code ? ", " : "",
                           a->id ? a->id : "");
            return scratch->data ? scratch->data : "";
        }
    }
    if (strcmp(nm, "timeline") == 0)
        return NULL;
    return "";
}

/* The escaped label of group `h`: "5 events", the first event, "and 4
 * more", the dates; each line cut to the box. */
int evg_tl__group_label(tl *t, tl_event *h)
{
    evg_buf *b = &t->text;
    b->len = 0;
    evg_buf line;
    evg_buf_init(&line, 0);
    double room = h->w - BOX_PAD;
    for (int l = 0; l < 4; l++) {
        line.len = 0;
        if (line.data)
            line.data[0] = '\0';
        if (l == 0)
            evg_buf_printf(&line, "%zu events", h->n_in);
        else if (l == 1) {
            const evg_gevent *e = evg_graph_event(t->g, h->idx);
            evg_buf_puts(&line, e->summary ? e->summary : "");
        } else if (l == 2)
            evg_buf_printf(&line, "and %zu more", h->n_in - 1);
        else if (h->c_dated) {
            evg_render__range_text(&line, h->clo, h->chi);
            if (h->c_undated)
                evg_buf_puts(&line, " +");
        } else
            evg_buf_puts(&line, "undated");
        /* cut to the box, a character at a time */
        size_t at = b->len;
        size_t max = 0;
        for (;;) {
            b->len = at;
            evg_render__gv_text(b, line.data ? line.data : "", max);
            double w = evg_render__text_w(b->data + at, b->len - at, BOX_FS,
                                          l == 0);
            if (w <= room || b->failed)
                break;
            size_t chars = (size_t)count_chars(b->data + at);
            max = chars > 2 ? chars - 1 : 1;
            if (chars <= 2)
                break;
        }
        evg_buf_puts(b, "\\n");
    }
    evg_buf_dispose(&line);
    if (b->failed)
        return b->failed;
    free(h->label);
    h->label = malloc(b->len + 1);
    if (!h->label)
        return EVG_ENOMEM;
    memcpy(h->label, b->data, b->len + 1);
    return 0;
}

/* The subtitle: what is drawn and left out, the dates, lanes, groups. */
void evg_tl__subtitle(tl *t, evg_buf *out)
{
    char buf[256];
    {
        evg_render_counts c;
        evg_render_count(t->g, t->opts, &c);
        evg_render_counts_text(&c, buf, sizeof(buf));
        size_t n = strlen(buf);
        long lo = 0, hi = 0;
        int any = 0;
        for (size_t i = 0; i < t->n_ev; i++)
            if (t->ev[i].dated) {
                const evg_gevent *e = evg_graph_event(t->g, t->ev[i].idx);
                long a, z;
                if (evg_render__parse_day(e->lo, &a) != 0)
                    continue;
                if (evg_render__parse_day(e->hi, &z) != 0 || z < a)
                    z = a;
                if (!any || a < lo)
                    lo = a;
                if (!any || z > hi)
                    hi = z;
                any = 1;
            }
        evg_buf_append(out, buf, n);
        if (any) {
            evg_buf_puts(out, " \xc2\xb7 ");
            evg_render__range_text(out, lo, hi);
        }
        evg_buf_printf(out, " \xc2\xb7 %zu lane%s", t->n_lanes,
                       t->n_lanes == 1 ? "" : "s");
        if (t->n_groups)
            evg_buf_printf(out, " \xc2\xb7 %zu events grouped in %zu boxes",
                           t->n_grouped, t->n_groups);
        if (t->n_clipped)
            evg_buf_printf(out, " \xc2\xb7 %zu open-ended date%s cut at the "
                                 "axis",
                           t->n_clipped, t->n_clipped == 1 ? "" : "s");
        if (t->n_pages > 1)
            evg_buf_printf(out, " \xc2\xb7 page %zu of %zu", t->page,
                           t->n_pages);
    }
}

/* Width of the legend drawn by draw_legend(). */
double evg_tl__legend_w(const tl *t)
{
    double x = 0;
    for (int q = 1; q <= (t->uncoded ? EVG_RENDER_UNCODED : 4); q++)
        x += 22 + evg_tl__est_w(evg_render__quad_name[q], 9) + 14;
    static const char *const mods[] = {"reported", "planned", "hypothetical",
                                       "negated"};
    for (int k = 0; k < (t->opts->show_uncertain ? 4 : 2); k++)
        x += 22 + evg_tl__est_w(mods[k], 9) + 14;
    x += 28 + evg_tl__est_w("causes", 9) + 14;
    x += 28 + evg_tl__est_w("imprecise date (week, year)", 9) + 14;
    if (t->n_groups)
        x += 22 + evg_tl__est_w("several events (click to list them)", 9);
    return x;
}
