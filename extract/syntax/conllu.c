/* CoNLL-U reader: see conllu.h. */
#include "conllu.h"

#include <stdlib.h>
#include <string.h>

#include "core.h"

static int is_uint(const char *s)
{
    if (!*s || *s == '0')
        return 0;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return 0;
    return 1;
}

static int flush(syn_conllu *c, size_t *cap, syn_csent *cur)
{
    if (!cur->nlines)
        return 0;
    if (evg_reserve(&c->sents, cap, c->n + 1, sizeof *c->sents, 64) < 0)
        return EVG_ENOMEM;
    c->sents[c->n++] = *cur;
    memset(cur, 0, sizeof *cur);
    return 0;
}

int syn_conllu_parse(char *text, size_t len, syn_conllu *out, evg_error *err)
{
    memset(out, 0, sizeof *out);
    out->text = text;
    size_t scap = 0, lcap = 0, wcap = 0;
    syn_csent cur = {0};
    long lineno = 0;
    char *p = text, *end = text + len;
    int rc = 0;
    while (p < end && rc == 0) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *e = nl ? nl : end;
        if (e > p && e[-1] == '\r')
            e[-1] = 0;
        *e = 0; /* the byte after the last line is the buffer's NUL */
        lineno++;
        char *line = p;
        p = nl ? nl + 1 : end;
        if (!*line) {
            if (cur.nlines && !cur.nwords) {
                rc = evg_error_set(err, EVG_EPARSE,
                                   "line %ld: sentence without words", lineno);
                break;
            }
            rc = flush(out, &scap, &cur);
            lcap = wcap = 0;
            continue;
        }
        if (!cur.nlines)
            cur.first_line = lineno;
        if (evg_reserve(&cur.lines, &lcap, cur.nlines + 1, sizeof *cur.lines,
                        32) < 0) {
            rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
            break;
        }
        syn_cline *l = &cur.lines[cur.nlines++];
        l->text = line;
        if (line[0] == '#')
            continue;
        size_t k = 0;
        for (char *q = line; k < CU_NCOL; k++) {
            l->col[k] = q;
            char *tab = strchr(q, '\t');
            if (!tab) {
                k++;
                break;
            }
            if (k == CU_NCOL - 1)
                break;
            *tab = 0;
            q = tab + 1;
        }
        if (k != CU_NCOL || strchr(l->col[CU_MISC], '\t')) {
            rc = evg_error_set(err, EVG_EPARSE,
                               "line %ld: a token line needs 10 tab-separated "
                               "columns", lineno);
            break;
        }
        if (strchr(l->col[CU_ID], '-') || strchr(l->col[CU_ID], '.'))
            continue;
        if (!is_uint(l->col[CU_ID]) ||
            strtoul(l->col[CU_ID], NULL, 10) != cur.nwords + 1) {
            rc = evg_error_set(err, EVG_EPARSE,
                               "line %ld: word ID '%s' out of sequence",
                               lineno, l->col[CU_ID]);
            break;
        }
        if (!*l->col[CU_FORM]) {
            rc = evg_error_set(err, EVG_EPARSE, "line %ld: empty FORM",
                               lineno);
            break;
        }
        if (evg_reserve(&cur.words, &wcap, cur.nwords + 1, sizeof *cur.words,
                        32) < 0) {
            rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
            break;
        }
        l->word = 1;
        cur.words[cur.nwords++] = cur.nlines - 1;
    }
    if (rc == 0 && cur.nlines && !cur.nwords)
        rc = evg_error_set(err, EVG_EPARSE, "line %ld: sentence without words",
                           lineno);
    if (rc == 0)
        rc = flush(out, &scap, &cur);
    if (rc < 0) {
        free(cur.lines);
        free(cur.words);
        syn_conllu_dispose(out);
    }
    return rc;
}

void syn_conllu_dispose(syn_conllu *c)
{
    for (size_t i = 0; i < c->n; i++) {
        free(c->sents[i].lines);
        free(c->sents[i].words);
    }
    free(c->sents);
    free(c->text);
    memset(c, 0, sizeof *c);
}
