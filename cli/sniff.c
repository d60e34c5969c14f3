/* What a file given to graph, render or stats is, when it is not an events
 * document: an article, a picture, another export. The user gets one line
 * saying what it is and what to run, instead of a parser error per line. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "evgraph/io.h"

static int starts(const char *s, size_t n, const char *prefix)
{
    size_t k = strlen(prefix);
    return n >= k && memcmp(s, prefix, k) == 0;
}

/* Case-insensitive search for `needle` in the first `n` bytes. */
static int has(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++) {
        size_t j = 0;
        while (j < k && (s[i + j] | 0x20) == (needle[j] | 0x20))
            j++;
        if (j == k)
            return 1;
    }
    return 0;
}

static const char extract_hint[] =
    "run 'evgraph extract %s > events.json' first (or 'evgraph run %s')";

const char *cli_sniff(const char *data, size_t len, const char *name,
                      char *buf, size_t size)
{
    static const struct {
        const char *magic;
        size_t n;
        const char *what;
    } magic[] = {
        {"\x89PNG\r\n\x1a\n", 8, "a PNG image"},
        {"\xff\xd8\xff", 3, "a JPEG image"},
        {"GIF8", 4, "a GIF image"},
        {"%PDF-", 5, "a PDF file"},
        {"\x1f\x8b", 2, "a gzip archive"},
        {"PK\x03\x04", 4, "a zip archive"},
    };
    const char *what = NULL;
    int article = 0;
    for (size_t i = 0; i < sizeof(magic) / sizeof(magic[0]); i++)
        if (len >= magic[i].n && memcmp(data, magic[i].magic, magic[i].n) == 0)
            what = magic[i].what;
    size_t k = 0;
    if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
        k = 3; /* byte order mark */
    while (k < len && (data[k] == ' ' || data[k] == '\t' || data[k] == '\r' ||
                       data[k] == '\n'))
        k++;
    const char *s = data + k;
    size_t n = len - k, head = n < 4096 ? n : 4096;
    if (what)
        ;
    else if (n == 0)
        return NULL; /* the reader says "empty" */
    else if (memchr(data, '\0', len < 4096 ? len : 4096) ||
             !evg_utf8_valid(data, len < 4096 ? len : 4096, NULL))
        what = "binary data";
    else if (s[0] == '<') {
        if (has(s, head, "<svg"))
            what = "an SVG picture (what 'evgraph render' writes)";
        else if (has(s, head, "<graphml"))
            what = "a GraphML graph (what 'evgraph graph' writes)";
        else if (has(s, head, "<gexf"))
            what = "a GEXF graph (what 'evgraph graph -f gexf' writes)";
        else if (has(s, head, "<html") || has(s, head, "<!doctype html"))
            what = "an HTML page";
        else if (has(s, head, "<timeml") || has(s, head, "<TEXT>")) {
            what = "a TimeML article";
            article = 1;
        } else
            what = "an XML file";
    } else if (starts(s, n, "digraph") || starts(s, n, "strict digraph") ||
               starts(s, n, "graph {") || starts(s, n, "graph \""))
        what = "a DOT graph (what 'evgraph render -f dot' writes)";
    else if (starts(s, n, "Creator ") || starts(s, n, "graph ["))
        what = "a GML graph (what 'evgraph graph -f gml' writes)";
    else if (s[0] == '{' || s[0] == '[') {
        /* JSON: an events document unless it is plainly something else;
         * the first record decides */
        const char *nl = memchr(s, '\n', head);
        size_t first = nl ? (size_t)(nl - s) : head;
        if (has(s, first, "\"schema\""))
            return NULL;
        if (has(s, first, "\"elements\""))
            what = "a Cytoscape.js graph (what 'evgraph graph -f cytoscape' "
                   "writes)";
        else if (has(s, first, "\"nodes\"") &&
                 (has(s, first, "\"directed\"") || has(s, first, "\"graph\"")))
            what = "a graph export (what 'evgraph graph -f json' or -f jgf "
                   "writes)";
        else if (has(s, head, "\"events\"") && has(s, first, "\"title\"") &&
                 has(s, head, "\"start_date\""))
            what = "a TimelineJS timeline (what 'evgraph graph -f timelinejs' "
                   "writes)";
        else if (has(s, first, "\"text\"")) {
            what = "JSON Lines articles";
            article = 1;
        } else
            return NULL; /* the reader names what is missing */
    } else if (has(s, head < 200 ? head : 200, "event_id,") ||
               has(s, head < 200 ? head : 200, "id,type,label"))
        what = "a CSV table (what 'evgraph graph -f csv' writes)";
    else {
        what = "plain text, not an events document (an article?)";
        article = 1;
    }
    if (article) {
        char hint[512];
        const char *arg = strcmp(name, "<stdin>") == 0 ? "-" : name;
        snprintf(hint, sizeof(hint), extract_hint, arg, arg);
        snprintf(buf, size, "%s: %s: %s", name, what, hint);
    } else
        snprintf(buf, size,
                 "%s: %s, not an events document: give the JSON that "
                 "'evgraph extract' writes",
                 name, what);
    return buf;
}
