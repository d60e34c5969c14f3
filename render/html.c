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
    "#picture{overflow:auto;border-bottom:1px solid #dde;height:calc(100vh - "
    "150px);min-height:320px;cursor:grab;position:relative;outline:none}\n"
    "#picture.drag{cursor:grabbing}\n"
    "#picture svg{display:block}\n"
    "#zoom{display:flex;gap:4px;align-items:center}\n"
    "#zoom button{min-width:2.2em}\n"
    "g.group{cursor:pointer}\n"
    "#grouplist{position:fixed;right:16px;top:120px;max-width:560px;"
    "max-height:70vh;overflow:auto;background:#fff;border:1px solid #99a;"
    "box-shadow:0 4px 18px #0003;padding:8px 12px;z-index:5;font-size:12.5px}"
    "\n#grouplist table{margin:4px 0;width:100%}\n"
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
    "tr.q5 td:first-child{border-left:4px solid #8a7a00}\n"
    ".mod{font-style:italic;color:#666}\n";

/* Filters rows and the SVG elements of each event (box id "evN", joins
 * and causes edges class "of_evN"). */
/* The script, in pieces (C compilers need not take long literals). */
static const char *const script_js[] = {
    "(function(){\n",
    "var rows=[].slice.call(document.querySelectorAll('#events tbody tr'));\n",
    "var fa=document.getElementById('f-actor'),",
    "fq=document.getElementById('f-quad'),\n",
    "ff=document.getElementById('f-from'),ft=document.getElementById('f-to'),\n",
    "cnt=document.getElementById('count'),pic=document.getElementById('picture'),",
    "svg=pic.querySelector('svg');\n",
    "function all(s){return [].slice.call(document.querySelectorAll(s));}\n",
    /* lanes: band, labels, rail; y range in SVG units */
    "var lanes=all('g.lane').map(function(g){var i=g.id.slice(4),b=g.getBBox();",
    "return {i:i,top:b.y,h:b.height,els:[g,document.getElementById('lab'+i),",
    "document.getElementById('sub'+i),document.getElementById('rail'+i)]};});\n",
    "var base=all('#graph0 > g').map(function(g){var b=g.getBBox();",
    "return {g:g,y:b.y+b.height/2,p:[].slice.call(g.querySelectorAll(",
    "'path,polygon'))};});\n",
    "base.forEach(function(o){o.p.forEach(function(e){e.d0=e.getAttribute(",
    "e.tagName==='path'?'d':'points');});});\n",
    "var vb=svg.viewBox.baseVal,H0=vb.height,W0=vb.width,hAttr=svg.getAttribute('height');\n",
    "function show(id,on){var g=document.getElementById(id);\n",
    " if(g)g.style.display=on?'':'none';\n",
    " all('.of_'+id).forEach(function(e){e.style.display=on?'':'none';});}\n",
    /* shift everything under hidden lanes up; joins are redrawn point by point */
    "function relayout(){var hid=lanes.filter(function(l){return l.off;});\n",
    " function dy(y){var d=0;hid.forEach(function(l){if(y>=l.top+l.h-0.5)d+=l.h;});return d;}\n",
    " base.forEach(function(o){if(o.g.classList.contains('lane')||o.g.classList.contains('gap'))return;\n",
    "  if(o.g.classList.contains('edge')){o.p.forEach(function(e){var k=0;\n",
    "   e.setAttribute(e.tagName==='path'?'d':'points',e.d0.replace(/(-?[0-9.]+),(-?[0-9.]+)/g,",
    "function(m,x,y){return x+','+(parseFloat(y)-dy(parseFloat(y)));}));});return;}\n",
    "  var d=dy(o.y);o.g.setAttribute('transform',d?'translate(0,'+(-d)+')':'');});\n",
    " var total=0;hid.forEach(function(l){total+=l.h;});\n",
    " lanes.forEach(function(l){var d=dy(l.top);l.els.forEach(function(e){if(!e)return;\n",
    "  e.style.display=l.off?'none':'';e.setAttribute('transform',d?'translate(0,'+(-d)+')':'');});\n",
    "  if(!l.off){var b=l.els[0];b.setAttribute('transform',d?'translate(0,'+(-d)+')':'');}});\n",
    " all('g.gap polygon,g.gap path').forEach(function(e){if(e.d1===undefined)e.d1=e.getAttribute(",
    "e.tagName==='path'?'d':'points');var ys=e.d1.match(/-?[0-9.]+,(-?[0-9.]+)/g)||[];\n",
    "  var lo=Math.max.apply(null,ys.map(function(p){return parseFloat(p.split(',')[1]);}));\n",
    "  e.setAttribute(e.tagName==='path'?'d':'points',e.d1.replace(/(-?[0-9.]+),(-?[0-9.]+)/g,",
    "function(m,x,y){y=parseFloat(y);return x+','+(y>=lo-0.5?y-total:y);}));});\n",
    " vb.height=H0-total;zoom(Z);}\n",
    "function apply(){var a=fa.value,q=fq.value,f=ff.value,t=ft.value,n=0,",
    "off=[],vis={};\n",
    " rows.forEach(function(r){var d=r.dataset;\n",
    "  var ok=(!a||d.actors.indexOf('|'+a+'|')>=0)&&(!q||d.quad===q)&&\n",
    "   (!f||(d.hi!==''&&d.hi>=f))&&(!t||(d.lo!==''&&d.lo<=t));\n",
    "  r.hidden=!ok;if(ok){n++;vis[d.ev]=1;show(d.ev,true);}else off.push(d.ev);});\n",
    " off.forEach(function(id){show(id,false);});\n",
    /* a group stays while one of its events does */
    " all('g.group').forEach(function(g){var on=[].some.call(g.classList,function(c){",
    "return c.slice(0,3)==='in_'&&vis[c.slice(3)];});g.style.display=on?'':'none';});\n",
    " lanes.forEach(function(l){l.off=!all('.inlane'+l.i).some(function(e){",
    "return e.style.display!=='none';});});\n",
    " relayout();\n",
    " var unk=cnt.getAttribute('data-unknown');\n",
    " cnt.textContent=(unk&&!a?'no actor \\u201c'+unk+'\\u201d, all shown: ':'')+n+' of '+rows.length+' events shown';\n",
    " document.body.setAttribute('data-shown',String(n));\n",
    " var h=[];if(a)h.push('actor='+encodeURIComponent(a));\n",
    " if(q)h.push('quad='+q);if(f)h.push('from='+f);if(t)h.push('to='+t);\n",
    " if(history.replaceState)history.replaceState(null,'',",
    "h.length?'#'+h.join('&'):location.pathname+location.search);}\n",
    /* actor= takes what --entity takes: a name, an alias, an id, a code */
    "function actorKey(v){v=v.toLowerCase();var hit='';\n",
    " [].forEach.call(fa.options,function(o){if(hit||!o.value)return;\n",
    "  if((o.getAttribute('data-keys')||'').split('|').indexOf(v)>=0)hit=o.value;});\n",
    " return hit;}\n",
    "function fromHash(){var p=location.hash.replace(/^#/,'').split('&');\n",
    " p.forEach(function(kv){var i=kv.indexOf('=');if(i<0)return;\n",
    "  var k=kv.slice(0,i),v=decodeURIComponent(kv.slice(i+1));\n",
    "  if(k==='actor'){var m=actorKey(v);fa.value=m;\n",
    "   if(!m)cnt.setAttribute('data-unknown',v);}\n",
    "  else if(k==='quad')fq.value=v;else if(k==='from')ff.value=v;\n",
    "  else if(k==='to')ft.value=v;else if(k==='group')openAtLoad=v;});}\n",
    /* zoom and pan: buttons, ctrl+wheel, keys + - 0 1 and arrows, drag */
    "var Z=1;function fitW(){return (pic.clientWidth-4)/W0;}\n",
    "function zoom(z,cx,cy){var old=Z;Z=Math.max(0.05,Math.min(8,z));\n",
    " var sl=pic.scrollLeft,st=pic.scrollTop;cx=cx===undefined?pic.clientWidth/2:cx;",
    "cy=cy===undefined?pic.clientHeight/2:cy;\n",
    " svg.setAttribute('width',(vb.width*Z)+'pt');svg.setAttribute('height',(vb.height*Z)+'pt');\n",
    " pic.scrollLeft=(sl+cx)*Z/old-cx;pic.scrollTop=(st+cy)*Z/old-cy;\n",
    " document.getElementById('zl').textContent=Math.round(Z*100)+'%';\n",
    " document.body.setAttribute('data-zoom',Z.toFixed(3));}\n",
    "function fit(page){var zw=fitW()*0.75,zh=(pic.clientHeight-4)/vb.height*0.75;",
    "zoom(page?Math.min(zw,zh):zw);pic.scrollLeft=0;pic.scrollTop=0;}\n",
    "document.getElementById('z-in').onclick=function(){zoom(Z*1.25);};\n",
    "document.getElementById('z-out').onclick=function(){zoom(Z/1.25);};\n",
    "document.getElementById('z-fit').onclick=function(){fit(false);};\n",
    "document.getElementById('z-page').onclick=function(){fit(true);};\n",
    "document.getElementById('z-one').onclick=function(){zoom(1);};\n",
    "pic.addEventListener('wheel',function(e){if(!e.ctrlKey)return;e.preventDefault();\n",
    " var r=pic.getBoundingClientRect();zoom(Z*(e.deltaY<0?1.15:1/1.15),e.clientX-r.left,e.clientY-r.top);},{passive:false});\n",
    "pic.addEventListener('keydown',function(e){var s=60;\n",
    " if(e.key==='+'||e.key==='=')zoom(Z*1.25);else if(e.key==='-')zoom(Z/1.25);\n",
    " else if(e.key==='0')fit(false);else if(e.key==='1')zoom(1);\n",
    " else if(e.key==='ArrowLeft')pic.scrollLeft-=s;else if(e.key==='ArrowRight')pic.scrollLeft+=s;\n",
    " else if(e.key==='ArrowUp')pic.scrollTop-=s;else if(e.key==='ArrowDown')pic.scrollTop+=s;\n",
    " else return;e.preventDefault();});\n",
    "var drag=null,moved=false;pic.addEventListener('mousedown',function(e){if(e.button)return;moved=false;",
    "drag={x:e.clientX,y:e.clientY,l:pic.scrollLeft,t:pic.scrollTop,m:0};pic.classList.add('drag');});\n",
    "window.addEventListener('mousemove',function(e){if(!drag)return;drag.m=1;moved=true;",
    "pic.scrollLeft=drag.l-(e.clientX-drag.x);pic.scrollTop=drag.t-(e.clientY-drag.y);});\n",
    "window.addEventListener('mouseup',function(){drag=null;pic.classList.remove('drag');});\n",
    /* a group box lists its events on click */
    "var gl=document.getElementById('grouplist');\n",
    "function openGroup(g){if(!g)return;var ids=[].filter.call(g.classList,function(c){return c.slice(0,3)==='in_';});\n",
    " var h='<button type=\"button\" id=\"gl-close\">close</button> <strong>'+ids.length+' events</strong><table>';\n",
    " ids.forEach(function(c){var r=document.getElementById('row-'+c.slice(3));if(!r||r.hidden)return;\n",
    "  h+='<tr class=\"'+r.className+'\">'+[0,1,2,3].map(function(k){return '<td>'+r.cells[k].innerHTML+'</td>';}).join('')+'</tr>';});\n",
    " gl.innerHTML=h+'</table>';gl.hidden=false;gl.setAttribute('data-group',g.id);\n",
    " document.getElementById('gl-close').onclick=function(){gl.hidden=true;};}\n",
    "all('g.group').forEach(function(g){g.addEventListener('click',function(e){\n",
    " e.preventDefault();if(moved)return;openGroup(g);});});\n",
    "[fa,fq,ff,ft].forEach(function(e){e.addEventListener('change',apply);",
    "e.addEventListener('input',apply);});\n",
    "document.getElementById('f-reset').addEventListener('click',function(){\n",
    " fa.value='';fq.value='';ff.value='';ft.value='';apply();});\n",
    "var openAtLoad='';fromHash();apply();fit(false);\n",
    /* #group=cl12 opens that box's list: a group can be linked to */
    "if(openAtLoad)openGroup(document.getElementById(openAtLoad));\n",
    "})();\n",
    NULL};

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
        evg_render__mark_actors(e, na, used);
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
    {
        evg_render_counts c;
        evg_render_count(g, opts, &c);
        char counts[256];
        evg_render_counts_text(&c, counts, sizeof(counts));
        evg_buf_puts(&b, "</h1><p class=\"sub\">");
        esc(&b, counts);
        evg_buf_printf(&b,
                       "; %zu of %zu actors. Hover over a box for the "
                       "evidence sentence; click it for the source document"
                       "%s. Zoom: ctrl+wheel, + and &minus; keys; drag to "
                       "pan.</p></header>\n",
                       c.actors_shown, c.actors,
                       opts->view == EVG_VIEW_TIMELINE
                           ? ", or a box of several events for their list"
                           : "");
        (void)nshown;
    }
    evg_buf_puts(&b, "<form id=\"filters\" onsubmit=\"return false\">\n"
                     "<label>Actor <select id=\"f-actor\"><option "
                     "value=\"\">all actors</option>");
    for (size_t k = 0; k < nact; k++) {
        const evg_gactor *a = evg_graph_actor(g, acts[k].i);
        evg_buf_puts(&b, "<option value=\"");
        esc(&b, a->id);
        /* the keys --entity takes: name, aliases, id, CAMEO code */
        evg_buf_puts(&b, "\" data-keys=\"");
        evg_buf keys;
        evg_buf_init(&keys, 0);
        evg_buf_printf(&keys, "%s|%s|%s", a->name ? a->name : "",
                       a->id ? a->id : "", a->code ? a->code : "");
        for (const char *p = a->aliases; p && *p;) {
            size_t span = strcspn(p, ";");
            evg_buf_putc(&keys, '|');
            while (span && *p == ' ') {
                p++;
                span--;
            }
            evg_buf_append(&keys, p, span);
            p += span + (p[span] == ';');
        }
        for (size_t q = 0; keys.data && q < keys.len; q++)
            if (keys.data[q] >= 'A' && keys.data[q] <= 'Z')
                keys.data[q] = (char)(keys.data[q] - 'A' + 'a');
        esc(&b, keys.data ? keys.data : "");
        evg_buf_dispose(&keys);
        evg_buf_puts(&b, "\">");
        esc(&b, acts[k].name);
        evg_buf_puts(&b, "</option>");
    }
    evg_buf_puts(&b, "</select></label>\n<label>Type <select id=\"f-quad\">"
                     "<option value=\"\">all types</option>");
    int kinds = evg_render__any_uncoded(g, NULL) ? EVG_RENDER_KINDS : 5;
    for (int q = 1; q < kinds; q++)
        evg_buf_printf(&b, "<option value=\"%d\">%s</option>", q,
                       evg_render__quad_name[q]);
    evg_buf_puts(&b,
                 "</select></label>\n"
                 "<label>From <input type=\"date\" id=\"f-from\"></label>\n"
                 "<label>To <input type=\"date\" id=\"f-to\"></label>\n"
                 "<button type=\"button\" id=\"f-reset\">Show all</button>\n"
                 "<span id=\"count\"></span>\n"
                 "<span id=\"zoom\">Zoom <button type=\"button\" "
                 "id=\"z-out\" title=\"zoom out (-)\">&minus;</button>"
                 "<span id=\"zl\">100%</span><button type=\"button\" "
                 "id=\"z-in\" title=\"zoom in (+)\">+</button><button "
                 "type=\"button\" id=\"z-fit\" title=\"fit the width (0)\">"
                 "fit width</button><button type=\"button\" id=\"z-page\">"
                 "whole picture</button><button type=\"button\" "
                 "id=\"z-one\" title=\"actual size (1)\">1:1</button>"
                 "</span>\n</form>\n<div id=\"grouplist\" hidden></div>\n");
    /* the timeline draws its own legend; the network views do not */
    if (opts->view != EVG_VIEW_TIMELINE) {
        evg_buf_puts(&b, "<div class=\"legend\">");
        for (int q = 1; q < kinds; q++)
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
    evg_buf_puts(&b, "<div id=\"picture\" tabindex=\"0\">\n");
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
        int q = evg_render__kind(e);
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
        } else if (!e->cameo && e->tml_class) {
            evg_buf_puts(&b, " (");
            esc(&b, e->tml_class);
            evg_buf_puts(&b, ")");
        }
        evg_buf_puts(&b, "</td><td class=\"ev\">");
        esc(&b, e->evidence);
        evg_buf_puts(&b, "</td><td>");
        if (evg_render__linkable(e->doc_path)) {
            text.len = 0;
            evg_render__doc_link(&text, opts, e->doc_path);
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
    evg_buf_puts(&b, "</tbody>\n</table>\n<script>\n");
    for (size_t k = 0; script_js[k]; k++)
        evg_buf_puts(&b, script_js[k]);
    evg_buf_puts(&b, "</script>\n</body>\n</html>\n");
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
