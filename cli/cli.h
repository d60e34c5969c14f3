/* The command line's tables: commands and options. One table drives
 * getopt_long, --help, the man page's option list and the bash and zsh
 * completion scripts, so none of them drifts from the others. A new
 * subcommand adds a C_* bit, a row to cli_commands[] and its options' rows
 * to cli_options[] (cli/options.c). */
#ifndef EVG_CLI_H
#define EVG_CLI_H

#include <stddef.h>
#include <stdio.h>

enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2, EXIT_IO = 3, EXIT_DEP = 4 };

/* One bit per subcommand. */
enum {
    C_EXTRACT = 1u << 0,
    C_GRAPH = 1u << 1,
    C_RENDER = 1u << 2,
    C_RUN = 1u << 3,
    C_STATS = 1u << 4,
    C_PARSE = 1u << 5,
    C_INGEST = 1u << 6,
    C_QUERY = 1u << 7,
    C_ALL = 0xffffu
};

/* Keys of the long-only options (short ones use their letter). */
enum {
    O_DCT = 256, O_LENIENT, O_KEEP_BP, O_DICT, O_MAX_BYTES, O_MAX_SENT,
    O_MAX_EVENTS, O_PRETTY, O_LANES, O_UNCERTAIN, O_ENTITY, O_FROM, O_TO,
    O_PROJECTION, O_ROOT, O_QUAD, O_MODALITY, O_MIN_CONF, O_TOP, O_VIEW,
    O_WIDTH, O_ABS_LINKS, O_PAPER,
    O_GEXF_VERSION, O_MAX_SENTS, O_CONLLU_IN, O_MODEL, O_EVENTS_MODEL, O_TOKENS,
    O_NO_PARSE, O_DB, O_UPGRADE, O_BATCH, O_MERGE_EVERY, O_CAMEO_ONLY
};

/* What an option's argument is, for completion. */
typedef enum {
    A_NONE = 0, /* no argument */
    A_WORD,     /* free text (a name, a number, a date) */
    A_FILE,     /* a file path */
    A_DIR,      /* a folder path */
    A_CHOICE    /* one of `choices` */
} cli_arg_kind;

typedef struct cli_opt {
    const char *name;     /* long name, without "--" */
    int key;              /* short letter, or an O_* key */
    cli_arg_kind kind;
    const char *arg;      /* argument's name in help ("FMT"), or NULL */
    unsigned commands;    /* C_* bits of the commands that take it */
    const char *help;
    const char *choices;  /* A_CHOICE: the values, space-separated */
} cli_opt;

typedef struct cli_command {
    const char *name;
    unsigned bit;
    const char *usage;    /* "graph [OPTIONS] [EVENTS.json|-]..." */
    const char *summary;  /* one line, lower case, no full stop */
    cli_arg_kind operands; /* what its operands are, for completion */
} cli_command;

extern const cli_opt cli_options[];
extern const size_t cli_n_options;
extern const cli_command cli_commands[];
extern const size_t cli_n_commands;

extern const char cli_exit_help[];
extern const char cli_input_help[];

/* `evgraph parse` (cli/parse.c): CoNLL-U for the articles in `inputs`, or
 * for the tokens of `conllu` when given; writes to `output` or stdout.
 * Returns an exit status. */
int cli_parse(const char *conllu, const char *model, const char *output,
              char **inputs, int n_inputs);

/* The command named `name`, or NULL. */
const cli_command *cli_find_command(const char *name);

/* --help: the overview (`cmd` NULL) or one command's usage and options. */
void cli_print_help(FILE *f, const cli_command *cmd);

/* When `data` (the file `name`, as read) is plainly not an events document
 * (an article, an SVG or PNG picture, another export, binary data), writes
 * one line saying what it is and what to run into `buf` and returns it;
 * NULL when it may be an events document (JSON the reader then checks). */
const char *cli_sniff(const char *data, size_t len, const char *name,
                      char *buf, size_t size);

/* `evgraph completion SHELL`: writes the bash or zsh completion script, or
 * (`man`) the evgraph(1) man page, all from the tables above. Returns an
 * exit status. */
int cli_completion(int argc, char **argv);

#endif
