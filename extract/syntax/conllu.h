/* CoNLL-U reading and writing for the parser's input and output and for the
 * trainer's treebanks. Lines are kept as read: comments, multi-word token
 * ranges and empty nodes pass through unchanged. */
#ifndef EVG_SYN_CONLLU_H
#define EVG_SYN_CONLLU_H

#include <stddef.h>

#include "evgraph/error.h"

enum { CU_ID, CU_FORM, CU_LEMMA, CU_UPOS, CU_XPOS, CU_FEATS, CU_HEAD,
       CU_DEPREL, CU_DEPS, CU_MISC, CU_NCOL };

typedef struct syn_cline {
    char *text;            /* the line, for comments and other lines */
    char *col[CU_NCOL];    /* the columns, for token lines */
    int word;              /* 1: a syntactic word (integer ID) */
} syn_cline;

typedef struct syn_csent {
    size_t nlines, nwords;
    syn_cline *lines;
    size_t *words;         /* line number of each word */
    long first_line;       /* in the file, 1-based */
} syn_csent;

typedef struct syn_conllu {
    size_t n;
    syn_csent *sents;
    char *text;            /* the file's bytes, split in place */
} syn_conllu;

/* Takes ownership of `text` (malloc'd, `len` bytes). Errors name the line. */
int syn_conllu_parse(char *text, size_t len, syn_conllu *out, evg_error *err);
void syn_conllu_dispose(syn_conllu *c);

#endif
