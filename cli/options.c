/* The tables of commands and options, and --help printed from them. */
#include <ctype.h>
#include <string.h>

#include "cli.h"

#define GRAPH_FORMATS \
    "graphml gml gexf json cytoscape jgf csv csv-nodes timelinejs"

const cli_opt cli_options[] = {
    {"output", 'o', A_FILE, "PATH",
     C_EXTRACT | C_GRAPH | C_RENDER | C_STATS | C_PARSE | C_QUERY,
     "write to PATH instead of stdout (replaced atomically)", NULL},
    {"output", 'o', A_DIR, "DIR", C_RUN,
     "write the outputs into DIR (default out/)", NULL},
    {"format", 'f', A_CHOICE, "FMT", C_GRAPH,
     "graphml (default), gml, gexf, json, cytoscape, jgf, csv (events; "
     "dyads with --projection actors), csv-nodes or timelinejs",
     GRAPH_FORMATS},
    {"format", 'f', A_CHOICE, "FMT", C_RENDER,
     "svg (default), dot, png, pdf or html (one page with filters)",
     "svg dot png pdf html"},
    {"format", 'f', A_WORD, "LIST", C_RUN,
     "outputs to write, of events, graphml, html, svg, dot, png, pdf "
     "(default \"events,graphml,html,svg,dot\")", NULL},
    {"format", 'f', A_CHOICE, "FMT", C_QUERY,
     "svg (default), html, pdf, png, dot (pictures) or graphml, gml, gexf, "
     "json, cytoscape, jgf, csv, csv-nodes, timelinejs (exports)",
     "svg html pdf png dot " GRAPH_FORMATS},
    {"db", O_DB, A_FILE, "FILE", C_INGEST | C_QUERY,
     "the SQLite event store (created by ingest when missing)", NULL},
    {"upgrade", O_UPGRADE, A_NONE, NULL, C_INGEST,
     "migrate a store written by an older evgraph to this version first",
     NULL},
    {"batch", O_BATCH, A_WORD, "N", C_INGEST,
     "documents per transaction (default 1: each its own; more: fewer "
     "commits, and a kill takes back up to N)", NULL},
    {"merge-every", O_MERGE_EVERY, A_WORD, "N", C_INGEST,
     "bring the actor and date indexes up to date every N documents "
     "(default 10000; queries read the rest directly)", NULL},
    {"jobs", 'j', A_WORD, "N", C_EXTRACT | C_RUN | C_INGEST,
     "extract with N threads, output in input order (default: one per core)",
     NULL},
    {"width", O_WIDTH, A_WORD, "PX", C_RENDER | C_RUN | C_QUERY,
     "fit the timeline to this width in pixels (default 1600)", NULL},
    {"paper", O_PAPER, A_CHOICE, "SIZE", C_RENDER | C_RUN | C_QUERY,
     "PDF pages: a4 (default) or letter, landscape; as many as the lanes "
     "need, each with its own axis", "a4 letter"},
    {"absolute-links", O_ABS_LINKS, A_NONE, NULL, C_RENDER | C_RUN | C_QUERY,
     "link source documents by absolute file: URLs (default: relative to "
     "the output file)", NULL},
    {"gexf-version", O_GEXF_VERSION, A_CHOICE, "V", C_GRAPH | C_QUERY,
     "GEXF flavour for -f gexf: 1.2 (default; networkx, Gephi, graphology "
     "read it) or 1.3",
     "1.2 1.3"},
    {"view", O_VIEW, A_CHOICE, "VIEW", C_RENDER | C_QUERY,
     "timeline (default), graph (actors and events) or actors",
     "timeline graph actors"},
    {"dct", O_DCT, A_WORD, "YYYY-MM-DD", C_EXTRACT | C_RUN | C_INGEST,
     "document creation date (overrides datelines and records)", NULL},
    {"lenient", O_LENIENT, A_NONE, NULL, C_EXTRACT | C_RUN | C_INGEST,
     "replace invalid UTF-8 with U+FFFD and warn, instead of failing", NULL},
    {"keep-boilerplate", O_KEEP_BP, A_NONE, NULL, C_EXTRACT | C_RUN | C_INGEST,
     "code events in teasers, captions and credits too", NULL},
    {"dict", O_DICT, A_FILE, "FILE", C_EXTRACT | C_RUN | C_INGEST,
     "add a dictionary: gazetteer, trigger lexicon, PETRARCH actors, agents, discards or verbs (repeatable)", NULL},
    {"max-bytes", O_MAX_BYTES, A_WORD, "N", C_EXTRACT | C_RUN | C_INGEST,
     "largest article accepted, in bytes (default 16777216)", NULL},
    {"max-sentence", O_MAX_SENT, A_WORD, "N", C_EXTRACT | C_RUN | C_INGEST,
     "longest sentence accepted, in bytes (default 65536)", NULL},
    {"max-sentences", O_MAX_SENTS, A_WORD, "N", C_EXTRACT | C_RUN | C_INGEST,
     "most sentences per article (default 200000)", NULL},
    {"max-events", O_MAX_EVENTS, A_WORD, "N", C_EXTRACT | C_RUN | C_INGEST,
     "most events per article (default 100000)", NULL},
    {"pretty", O_PRETTY, A_NONE, NULL, C_EXTRACT, "indent the JSON", NULL},
    {"lanes", O_LANES, A_WORD, "N", C_RENDER | C_RUN | C_QUERY,
     "swimlanes for the N busiest actors (default 10)", NULL},
    {"show-uncertain", O_UNCERTAIN, A_NONE, NULL, C_RENDER | C_RUN | C_QUERY,
     "also draw hypothetical, negated and low-confidence (< 0.5) events",
     NULL},
    {"entity", O_ENTITY, A_WORD, "NAME", C_GRAPH | C_RENDER | C_STATS |
         C_QUERY,
     "keep only this actor and its neighbourhood", NULL},
    {"from", O_FROM, A_WORD, "YYYY-MM-DD", C_GRAPH | C_RENDER | C_STATS |
         C_QUERY,
     "keep events ending on or after this date", NULL},
    {"to", O_TO, A_WORD, "YYYY-MM-DD", C_GRAPH | C_RENDER | C_STATS |
         C_QUERY,
     "keep events starting on or before this date", NULL},
    {"root", O_ROOT, A_WORD, "LIST", C_GRAPH | C_STATS,
     "keep events whose CAMEO code starts with one of these (\"16,17\"; "
     "events without a code never match)",
     NULL},
    {"quad", O_QUAD, A_CHOICE, "N", C_GRAPH | C_STATS | C_QUERY,
     "keep events of quad class N (1 verbal coop .. 4 material conflict)",
     "1 2 3 4"},
    {"modality", O_MODALITY, A_WORD, "LIST", C_GRAPH | C_STATS | C_QUERY,
     "keep events of these modalities (\"asserted,reported\")", NULL},
    {"min-confidence", O_MIN_CONF, A_WORD, "X",
     C_GRAPH | C_RENDER | C_STATS | C_QUERY,
     "keep events the coder is at least this sure of, 0 to 1 (default 0: "
     "all; pictures leave out those under 0.5)",
     NULL},
    {"cameo", O_ROOT, A_WORD, "LIST", C_QUERY,
     "keep events whose CAMEO code starts with one of these (\"16,17\"; "
     "events without a code never match)",
     NULL},
    {"cameo-only", O_CAMEO_ONLY, A_NONE, NULL,
     C_EXTRACT | C_RUN | C_GRAPH | C_RENDER | C_STATS | C_QUERY,
     "keep only CAMEO-coded events (the political event data), leaving "
     "out the events CAMEO has no code for", NULL},
    {"projection", O_PROJECTION, A_CHOICE, "VIEW", C_GRAPH | C_QUERY,
     "none (actors and events, default) or actors (weighted dyads)",
     "none actors"},
    {"top", O_TOP, A_WORD, "N", C_STATS, "rows in each ranking (default 10)",
     NULL},
    {"conllu-in", O_CONLLU_IN, A_FILE, "FILE", C_PARSE,
     "read CoNLL-U and keep its tokens (ID, FORM, MISC); fill in UPOS, "
     "XPOS, LEMMA, HEAD and DEPREL", NULL},
    {"tokens", O_TOKENS, A_NONE, NULL, C_EXTRACT | C_RUN | C_INGEST,
     "add the token layer to the events document: UD tokens with their "
     "tag, lemma, head and relation (docs/syntax.md)", NULL},
    {"no-parse", O_NO_PARSE, A_NONE, NULL, C_EXTRACT | C_RUN | C_INGEST,
     "skip the dependency parse and the event-mention detector: faster, "
     "but only CAMEO events, with no arguments by role, their modality "
     "and time from word order alone", NULL},
    {"model", O_MODEL, A_FILE, "FILE", C_PARSE | C_EXTRACT | C_RUN | C_INGEST,
     "syntax model (default: $EVGRAPH_MODEL, else the installed "
     "en-ud-syntax.evgm)", NULL},
    {"events-model", O_EVENTS_MODEL, A_FILE, "FILE",
     C_EXTRACT | C_RUN | C_INGEST,
     "event-mention model, read with the syntax model (default: "
     "$EVGRAPH_EVENTS_MODEL, else the installed en-timebank-events.evgm)",
     NULL},
    {"quiet", 'q', A_NONE, NULL, C_ALL, "print no warnings or progress", NULL},
    {"help", 'h', A_NONE, NULL, C_ALL, "show this help and exit", NULL},
};
const size_t cli_n_options = sizeof(cli_options) / sizeof(cli_options[0]);

const cli_command cli_commands[] = {
    {"extract", C_EXTRACT, "extract [OPTIONS] [FILE|DIR|-]...",
     "print the events document of each article (JSON; one line each)",
     A_FILE},
    {"graph", C_GRAPH, "graph [OPTIONS] [EVENTS.json|-]...",
     "build the relationship graph from events documents and export it",
     A_FILE},
    {"render", C_RENDER, "render [OPTIONS] [EVENTS.json|-]...",
     "draw the timeline (or relationship view) as SVG, DOT, PNG, PDF or HTML",
     A_FILE},
    {"run", C_RUN, "run [OPTIONS] FILE|DIR...",
     "extract, graph and render in one go into a folder", A_FILE},
    {"stats", C_STATS, "stats [OPTIONS] [EVENTS.json|-]...",
     "summarise the graph: sizes, dates, top actors, busiest dyads", A_FILE},
    {"parse", C_PARSE, "parse [OPTIONS] [FILE|DIR|-]...",
     "tag, lemmatize and parse English sentences; print CoNLL-U "
     "(Universal Dependencies)", A_FILE},
    {"ingest", C_INGEST, "ingest --db FILE.db [OPTIONS] [FILE|DIR|-]...",
     "add articles or events documents to a SQLite event store", A_FILE},
    {"query", C_QUERY, "query --db FILE.db [OPTIONS]",
     "render or export the events of a store that match the filters",
     A_NONE},
};
const size_t cli_n_commands = sizeof(cli_commands) / sizeof(cli_commands[0]);

const char cli_exit_help[] =
    "Exit status: 0 ok, 1 bad input or processing error, 2 usage error,\n"
    "3 input/output error, 4 dependency failure (igraph, Graphviz, cJSON,\n"
    "SQLite).\n";

const char cli_input_help[] =
    "Articles: plain UTF-8 text files (a first line such as\n"
    "'date 2019-05-23 TOKYO (Sputnik) -' gives the date), stdin ('-'),\n"
    "folders (walked for *.txt, *.jsonl, *.tml), JSON Lines records\n"
    "(id, date, title, text, url, source) and TimeML .tml files.\n";

const cli_command *cli_find_command(const char *name)
{
    for (size_t i = 0; i < cli_n_commands; i++)
        if (strcmp(cli_commands[i].name, name) == 0)
            return &cli_commands[i];
    return NULL;
}

void cli_print_help(FILE *f, const cli_command *cmd)
{
    if (!cmd) {
        fprintf(f, "Usage: evgraph COMMAND [OPTIONS] [INPUT]...\n\n"
                   "Turns English news articles into an event timeline and a "
                   "relationship graph.\n\nCommands:\n");
        for (size_t i = 0; i < cli_n_commands; i++)
            fprintf(f, "  %-10s %s\n", cli_commands[i].name,
                    cli_commands[i].summary);
        fprintf(f, "  %-10s %s\n", "help",
                "help COMMAND: that command's options");
        fprintf(f, "  %-10s %s\n", "completion",
                "completion bash|zsh: print the shell completion script");
        fprintf(f, "\nOptions: -h, --help; -V, --version\n\n%s\n%s",
                cli_input_help, cli_exit_help);
        return;
    }
    fprintf(f, "Usage: evgraph %s\n\n%c%s.\n\nOptions:\n", cmd->usage,
            toupper((unsigned char)cmd->summary[0]), cmd->summary + 1);
    for (size_t i = 0; i < cli_n_options; i++) {
        const cli_opt *o = &cli_options[i];
        if (!(o->commands & cmd->bit))
            continue;
        char left[64];
        if (o->key < 256)
            snprintf(left, sizeof(left), "-%c, --%s%s%s", o->key, o->name,
                     o->arg ? " " : "", o->arg ? o->arg : "");
        else
            snprintf(left, sizeof(left), "    --%s%s%s", o->name,
                     o->arg ? " " : "", o->arg ? o->arg : "");
        fprintf(f, "  %-30s %s\n", left, o->help);
    }
    if (cmd->bit & (C_EXTRACT | C_RUN | C_INGEST))
        fprintf(f, "\n%s", cli_input_help);
    fprintf(f, "\n%s", cli_exit_help);
}
