/* The HTML page: one self-contained file (no network) with the rendered
 * SVG, a legend, the table of events and a small inline script that filters
 * by actor, type and date (also from the URL hash: #actor=..&quad=..&from=
 * ..&to=..). Every text from the articles is HTML-escaped. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static const char style_css[] =
    "body{font-family:Helvetica,Arial,sans-serif;margin:0;color:#1a1a1a;"
    "background:#fff}\n"
    "header{padding:14px 20px 4px}h1{font-size:20px;margin:0 0 4px}\n"
    ".sub{color:#555;margin:0;font-size:13px}\n"
    "form{display:flex;flex-wrap:wrap;gap:14px;align-items:center;"
    "padding:10px 20px;background:#f4f6f9;border-top:1px solid #dde;"
    "border-bottom:1px solid #dde;position:sticky;top:0;z-index:2;"
    "font-size:13px}\n"
    "form label{display:flex;gap:6px;align-items:center}\n"
    "#count{color:#444;font-weight:bold}\n"
    ".legend{padding:8px 20px;font-size:12px;display:flex;flex-wrap:wrap;"
    "gap:14px}\n"
    ".sw{display:inline-block;width:14px;height:10px;border:1.5px solid;"
    "border-radius:3px;vertical-align:middle;margin-right:4px}\n"
    "#picture{overflow:auto;border-bottom:1px solid #dde;padding:0 10px}\n"
    "#picture svg{display:block}\n"
    "table{border-collapse:collapse;margin:12px 20px 40px;font-size:12.5px;"
    "width:calc(100% - 40px)}\n"
    "th,td{border-bottom:1px solid #e3e6ea;padding:5px 8px;text-align:left;"
    "vertical-align:top}\n"
    "th{background:#f4f6f9;position:sticky;top:44px}\n"
    "td.ev{max-width:520px;color:#444}\n"
    "tr.q1 td:first-child{border-left:4px solid #1b7837}\n"
    "tr.q2 td:first-child{border-left:4px solid #2166ac}\n"
    "tr.q3 td:first-child{border-left:4px solid #c2650a}\n"
    "tr.q4 td:first-child{border-left:4px solid #b2182b}\n"
    "tr.q0 td:first-child{border-left:4px solid #6b6b6b}\n"
    ".mod{font-style:italic;color:#666}\n";

/* Filters rows and the SVG elements of each event (box id "evN", joins
 * and causes edges class "of_evN"). */
static const char script_js[] =
    "(function(){\n"
    "var rows=[].slice.call(document.querySelectorAll('#events tbody tr'));\n"
    "var fa=document.getElementById('f-actor'),"
    "fq=document.getElementById('f-quad'),\n"
    "ff=document.getElementById('f-from'),ft=document.getElementById('f-to'),\n"
    "cnt=document.getElementById('count');\n"
    "function show(id,on){var g=document.getElementById(id);\n"
    " if(g)g.style.display=on?'':'none';\n"
    " [].forEach.call(document.querySelectorAll('.of_'+id),function(e){"
    "e.style.display=on?'':'none';});}\n"
    "function apply(){var a=fa.value,q=fq.value,f=ff.value,t=ft.value,n=0,"
    "off=[];\n"
    " rows.forEach(function(r){var d=r.dataset;\n"
    "  var ok=(!a||d.actors.indexOf('|'+a+'|')>=0)&&(!q||d.quad===q)&&\n"
    "   (!f||(d.hi!==''&&d.hi>=f))&&(!t||(d.lo!==''&&d.lo<=t));\n"
    "  r.hidden=!ok;if(ok){n++;show(d.ev,true);}else off.push(d.ev);});\n"
    " off.forEach(function(id){show(id,false);});\n"
    " cnt.textContent=n+' of '+rows.length+' events shown';\n"
    " document.body.setAttribute('data-shown',String(n));\n"
    " var h=[];if(a)h.push('actor='+encodeURIComponent(a));\n"
    " if(q)h.push('quad='+q);if(f)h.push('from='+f);if(t)h.push('to='+t);\n"
    " if(history.replaceState)history.replaceState(null,'',"
    "h.length?'#'+h.join('&'):location.pathname+location.search);}\n"
    "function fromHash(){var p=location.hash.replace(/^#/,'').split('&');\n"
    " p.forEach(function(kv){var i=kv.indexOf('=');if(i<0)return;\n"
    "  var k=kv.slice(0,i),v=decodeURIComponent(kv.slice(i+1));\n"
    "  if(k==='actor'){[].forEach.call(fa.options,function(o){\n"
    "    if(o.value===v||o.text.toLowerCase()===v.toLowerCase())"
    "fa.value=o.value;});}\n"
    "  else if(k==='quad')fq.value=v;else if(k==='from')ff.value=v;\n"
    "  else if(k==='to')ft.value=v;});}\n"
    "[fa,fq,ff,ft].forEach(function(e){e.addEventListener('change',apply);"
    "e.addEventListener('input',apply);});\n"
    "document.getElementById('f-reset').addEventListener('click',function(){\n"
    " fa.value='';fq.value='';ff.value='';ft.value='';apply();});\n"
    "fromHash();apply();\n"
    "})();\n";

typedef struct order {
    long lo;
    size_t i;
} order;

static int cmp_order(const void *a, const void *b)
{
    const order *x = a, *y = b;
    if (x->lo != y->lo)
        return x->lo < y->lo ? -1 : 1;
    return (x->i > y->i) - (x->i < y->i);
}

static void esc(evg_buf *b, const char *s)
{
    if (s)
        evg_buf_xml(b, s, strlen(s));
}

static void names_cell(evg_buf *b, const evg_graph *g, const size_t *ids,
                       size_t n)
{
    evg_buf t;
    evg_buf_init(&t, 0);
    evg_render__names(&t, g, ids, n, 0);
    evg_buf_puts(b, "<td>");
    if (t.data)
        esc(b, t.data);
    evg_buf_puts(b, "</td>");
    evg_buf_dispose(&t);
}

typedef struct actor_opt {
    const char *name;
    size_t i;
} actor_opt;

static int cmp_actor(const void *a, const void *b)
{
    const actor_opt *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    return c ? c : (x->i > y->i) - (x->i < y->i);
}

int evg_render__html(const evg_graph *g, const evg_render_opts *opts,
                     const char *svg, size_t svg_len,
                     const unsigned char *shown, char **out, size_t *len,
                     evg_error *err)
{
    size_t ne = evg_graph_event_count(g), na = evg_graph_actor_count(g);
    order *ord = malloc((ne ? ne : 1) * sizeof(*ord));
    actor_opt *acts = malloc((na ? na : 1) * sizeof(*acts));
    unsigned char *used = calloc(na ? na : 1, 1);
    evg_buf b;
    evg_buf_init(&b, 0);
    int rc = 0;
    if (!ord || !acts || !used) {
        rc = EVG_ENOMEM;
        goto done;
    }
    size_t n = 0, nshown = 0;
    for (size_t i = 0; i < ne; i++) {
        if (!shown[i])
            continue;
        const evg_gevent *e = evg_graph_event(g, i);
        long lo;
        ord[n].lo = evg_render__parse_day(e->lo, &lo) == 0 ? lo : 1L << 40;
        ord[n++].i = i;
        for (size_t k = 0; k < e->n_sources; k++)
            if (e->sources[k] < na)
                used[e->sources[k]] = 1;
        for (size_t k = 0; k < e->n_targets; k++)
            if (e->targets[k] < na)
                used[e->targets[k]] = 1;
    }
    nshown = n;
    evg_sort(ord, n, sizeof(*ord), cmp_order);
    size_t nact = 0;
    for (size_t i = 0; i < na; i++)
        if (used[i]) {
            const evg_gactor *a = evg_graph_actor(g, i);
            acts[nact].name = a->name ? a->name : "?";
            acts[nact++].i = i;
        }
    evg_sort(acts, nact, sizeof(*acts), cmp_actor);

    const char *title = opts->title                       ? opts->title
                        : opts->view == EVG_VIEW_TIMELINE ? "Event timeline"
                                                          : "Event graph";
    evg_buf_puts(&b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                     "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
                     "content=\"width=device-width, initial-scale=1\">\n"
                     "<title>");
    esc(&b, title);
    evg_buf_printf(&b,
                   "</title>\n<style>\n%s</style>\n</head>\n<body>\n"
                   "<header><h1>",
                   style_css);
    esc(&b, title);
    evg_buf_printf(&b,
                   "</h1><p class=\"sub\">%zu events, %zu actors. Hover "
                   "over a box for the evidence sentence; click it for "
                   "the source document.</p></header>\n",
                   nshown, nact);
    evg_buf_puts(&b, "<form id=\"filters\" onsubmit=\"return false\">\n"
                     "<label>Actor <select id=\"f-actor\"><option "
                     "value=\"\">all actors</option>");
    for (size_t k = 0; k < nact; k++) {
        const evg_gactor *a = evg_graph_actor(g, acts[k].i);
        evg_buf_puts(&b, "<option value=\"");
        esc(&b, a->id);
        evg_buf_puts(&b, "\">");
        esc(&b, acts[k].name);
        evg_buf_puts(&b, "</option>");
    }
    evg_buf_puts(&b, "</select></label>\n<label>Type <select id=\"f-quad\">"
                     "<option value=\"\">all types</option>");
    for (int q = 1; q <= 4; q++)
        evg_buf_printf(&b, "<option value=\"%d\">%s</option>", q,
                       evg_render__quad_name[q]);
    evg_buf_puts(&b,
                 "</select></label>\n"
                 "<label>From <input type=\"date\" id=\"f-from\"></label>\n"
                 "<label>To <input type=\"date\" id=\"f-to\"></label>\n"
                 "<button type=\"button\" id=\"f-reset\">Show all</button>\n"
                 "<span id=\"count\"></span>\n</form>\n");
    /* the timeline draws its own legend; the network views do not */
    if (opts->view != EVG_VIEW_TIMELINE) {
        evg_buf_puts(&b, "<div class=\"legend\">");
        for (int q = 1; q <= 4; q++)
            evg_buf_printf(&b,
                           "<span><span class=\"sw\" style=\"background:%s;"
                           "border-color:%s\"></span>%s</span>",
                           evg_render__quad_fill[q], evg_render__quad_stroke[q],
                           evg_render__quad_name[q]);
        evg_buf_puts(&b,
                     "<span><span class=\"sw\" style=\"border-style:dashed\">"
                     "</span>reported</span><span><span class=\"sw\" "
                     "style=\"border-style:dotted\"></span>planned</span>"
                     "<span style=\"color:#6a3d9a\">&#10230; causes</span>"
                     "</div>\n");
    }
    evg_buf_puts(&b, "<div id=\"picture\">\n");
    /* the SVG inline, without its XML prolog and doctype */
    const char *s = svg_len ? strstr(svg, "<svg") : NULL;
    if (s)
        evg_buf_append(&b, s, svg_len - (size_t)(s - svg));
    evg_buf_puts(&b,
                 "</div>\n<table id=\"events\">\n<thead><tr><th>Date</th>"
                 "<th>Who</th><th>What</th><th>To whom</th><th>Type</th>"
                 "<th>Evidence</th><th>Source</th></tr></thead>\n<tbody>\n");
    evg_buf text;
    evg_buf_init(&text, 0);
    for (size_t k = 0; k < n; k++) {
        size_t i = ord[k].i;
        const evg_gevent *e = evg_graph_event(g, i);
        int q = e->quad_class >= 1 && e->quad_class <= 4 ? e->quad_class : 0;
        evg_buf_printf(&b,
                       "<tr id=\"row-ev%zu\" class=\"q%d\" data-ev=\"ev%zu\" "
                       "data-quad=\"%d\" data-actors=\"|",
                       i, q, i, q);
        for (int side = 0; side < 2; side++) {
            const size_t *ids = side ? e->targets : e->sources;
            size_t nids = side ? e->n_targets : e->n_sources;
            for (size_t j = 0; j < nids; j++) {
                const evg_gactor *a = evg_graph_actor(g, ids[j]);
                if (a) {
                    esc(&b, a->id);
                    evg_buf_putc(&b, '|');
                }
            }
        }
        long day;
        evg_buf_puts(&b, "\" data-lo=\"");
        if (evg_render__parse_day(e->lo, &day) == 0)
            esc(&b, e->lo);
        evg_buf_puts(&b, "\" data-hi=\"");
        if (evg_render__parse_day(e->hi, &day) == 0)
            esc(&b, e->hi);
        else if (evg_render__parse_day(e->lo, &day) == 0)
            esc(&b, e->lo);
        evg_buf_puts(&b, "\"><td>");
        text.len = 0;
        evg_render__date_text(&text, e);
        esc(&b, text.data);
        evg_buf_puts(&b, "</td>");
        names_cell(&b, g, e->sources, e->n_sources);
        evg_buf_puts(&b, "<td>");
        esc(&b, e->summary);
        if (e->modality && strcmp(e->modality, "asserted") != 0) {
            evg_buf_puts(&b, " <span class=\"mod\">(");
            esc(&b, e->modality);
            evg_buf_puts(&b, ")</span>");
        }
        if (e->confidence < EVG_RENDER_MIN_CONFIDENCE)
            evg_buf_printf(&b, " <span class=\"mod\">(uncertain: %.2f)</span>",
                           e->confidence);
        evg_buf_puts(&b, "</td>");
        names_cell(&b, g, e->targets, e->n_targets);
        evg_buf_printf(&b, "<td>%s", evg_render__quad_name[q]);
        if (e->cameo && e->cameo[0]) {
            evg_buf_puts(&b, " (");
            esc(&b, e->cameo);
            evg_buf_puts(&b, ")");
        }
        evg_buf_puts(&b, "</td><td class=\"ev\">");
        esc(&b, e->evidence);
        evg_buf_puts(&b, "</td><td>");
        if (evg_render__linkable(e->doc_path)) {
            text.len = 0;
            evg_render__url(&text, e->doc_path);
            evg_buf_puts(&b, "<a href=\"");
            esc(&b, text.data);
            evg_buf_puts(&b, "\">");
            esc(&b, e->doc && e->doc[0] ? e->doc : e->doc_path);
            evg_buf_puts(&b, "</a>");
        } else {
            esc(&b, e->doc);
        }
        evg_buf_puts(&b, "</td></tr>\n");
    }
    evg_buf_dispose(&text);
    evg_buf_printf(&b,
                   "</tbody>\n</table>\n<script>\n%s</script>\n"
                   "</body>\n</html>\n",
                   script_js);
    rc = b.failed;
done:
    free(ord);
    free(acts);
    free(used);
    if (rc || !b.data) {
        evg_buf_dispose(&b);
        return evg_error_set(err, rc ? rc : EVG_ENOMEM, "render: html: %s",
                             evg_strerror(rc ? rc : EVG_ENOMEM));
    }
    *out = evg_buf_steal(&b, len);
    return 0;
}
