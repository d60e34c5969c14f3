/* evgraph parse: CoNLL-U for articles (tokenized, tagged, lemmatized and
 * parsed), or for CoNLL-U whose tokens are given (--conllu-in). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <stdarg.h>

#include "conllu.h"
#include "core.h"
#include "evgraph/document.h"
#include "evgraph/extract.h"
#include "evgraph/input.h"
#include "evgraph/io.h"
#include "cli.h"
#include "syntax.h"


static void pmsg(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

static void pmsg(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("evgraph: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

static int pfail(const evg_error *err, int code)
{
    pmsg("%s", err->message[0] ? err->message : evg_strerror(code));
    return code == EVG_EIO ? EXIT_IO : EXIT_INPUT;
}


/* Fills the annotation columns of one CoNLL-U sentence and prints it. */
static int print_conllu_sent(const evg_syn_model *m, syn_csent *cs,
                             evg_buf *out)
{
    size_t n = cs->nwords;
    const char **form = malloc((n ? n : 1) * sizeof *form);
    evg_syn_sent s;
    if (!form)
        return EVG_ENOMEM;
    for (size_t i = 0; i < n; i++)
        form[i] = cs->lines[cs->words[i]].col[CU_FORM];
    int rc = evg_syn_sent_init(&s, form, n);
    if (rc == 0)
        rc = evg_syn_analyse(m, &s);
    if (rc == 0) {
        size_t w = 0;
        for (size_t i = 0; i < cs->nlines; i++) {
            syn_cline *l = &cs->lines[i];
            if (!l->word) {
                if (l->col[CU_ID]) { /* a range or empty node: as read */
                    for (int c = 0; c < CU_NCOL; c++)
                        evg_buf_printf(out, "%s%s", c ? "\t" : "", l->col[c]);
                    evg_buf_putc(out, '\n');
                } else {
                    evg_buf_printf(out, "%s\n", l->text);
                }
                continue;
            }
            evg_buf_printf(out, "%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t_\t%s\n",
                           l->col[CU_ID], l->col[CU_FORM], s.lemma[w],
                           evg_syn_upos(m, s.tag[w]), evg_syn_xpos(m, s.tag[w]),
                           "_", s.head[w], evg_syn_rel(m, s.rel[w]),
                           l->col[CU_MISC]);
            w++;
        }
        evg_buf_putc(out, '\n');
    }
    evg_syn_sent_dispose(&s);
    free(form);
    return rc;
}

static int parse_conllu_file(const evg_syn_model *m, const char *path,
                             evg_buf *out, evg_error *err)
{
    char *text;
    size_t len;
    int rc = evg_read_file(path, (size_t)1 << 30, &text, &len, err);
    if (rc < 0)
        return rc;
    size_t bad;
    if (evg_utf8_valid(text, len, &bad) < 0) {
        free(text);
        return evg_error_set(err, EVG_EUTF8,
                             "%s: not valid UTF-8 (byte %zu)", path, bad);
    }
    syn_conllu c;
    if ((rc = syn_conllu_parse(text, len, &c, err)) < 0) {
        char why[EVG_ERROR_MSG_MAX];
        snprintf(why, sizeof why, "%s", err ? err->message : "");
        return evg_error_set(err, rc, "%s: %s", path, why);
    }
    if (!c.n) {
        syn_conllu_dispose(&c);
        return evg_error_set(err, EVG_EEMPTY, "%s: no sentences", path);
    }
    for (size_t i = 0; i < c.n && rc == 0; i++)
        rc = print_conllu_sent(m, &c.sents[i], out);
    syn_conllu_dispose(&c);
    if (rc < 0)
        return evg_error_set(err, rc, "out of memory");
    return 0;
}

/* One sentence of an article: tokens, analysis, CoNLL-U. */
static int print_text_sent(const evg_syn_model *m, const char *text,
                           size_t start, size_t end, const char *id,
                           size_t k, evg_buf *out)
{
    evg_syn_tokens t = {0};
    evg_syn_sent s = {0};
    int rc = evg_syn_parse_span(m, text, start, end, &t, &s);
    size_t n = s.n;
    const char *const *form = s.form;
    if (rc == 0 && n) {
        evg_buf_printf(out, "# sent_id = %s-%zu\n# text = ", id, k);
        for (size_t i = start; i < end; i++) /* one line: spaces for breaks */
            evg_buf_putc(out, text[i] == '\n' || text[i] == '\r' ||
                                      text[i] == '\t' ? ' ' : text[i]);
        evg_buf_putc(out, '\n');
        for (size_t i = 0; i < n; i++) {
            int glued = i + 1 < n && t.v[i + 1].start == t.v[i].end;
            evg_buf_printf(out, "%zu\t%s\t%s\t%s\t%s\t_\t%d\t%s\t_\t"
                           "%sTokenRange=%zu:%zu\n", i + 1, form[i],
                           s.lemma[i], evg_syn_upos(m, s.tag[i]),
                           evg_syn_xpos(m, s.tag[i]), s.head[i],
                           evg_syn_rel(m, s.rel[i]),
                           glued ? "SpaceAfter=No|" : "", t.v[i].start,
                           t.v[i].end);
        }
        evg_buf_putc(out, '\n');
    }
    evg_syn_sent_dispose(&s);
    evg_syn_tokens_dispose(&t);
    return rc;
}

/* Every article of `path`: its sentences as the extractor splits them. */
static int parse_articles(const evg_syn_model *m, const char *path,
                          evg_buf *out, int *status)
{
    evg_error err;
    evg_error_clear(&err);
    evg_input *in;
    int rc = evg_input_open(path, EVG_DEFAULT_MAX_BYTES, &in, &err);
    if (rc < 0)
        return pfail(&err, rc);
    evg_article art;
    while ((rc = evg_input_next(in, &art, &err)) != 0) {
        if (rc < 0) {
            *status = pfail(&err, rc);
            if (rc == EVG_EPARSE)
                continue;
            break;
        }
        evg_extract_opts opts;
        evg_extract_opts_init(&opts);
        opts.path = art.path;
        opts.dct = art.dct;
        opts.sentences_only = 1; /* the parse needs no dictionaries */
        evg_doc *doc = NULL;
        evg_error_clear(&err);
        rc = evg_extract_text(art.text, art.len, &opts, &doc, &err);
        if (rc < 0) {
            *status = pfail(&err, rc);
            continue;
        }
        for (size_t k = 0; k < doc->n_sentences && rc == 0; k++)
            rc = print_text_sent(m, doc->text, doc->sentences[k].start,
                                 doc->sentences[k].end, art.id, k + 1, out);
        evg_doc_free(doc);
        if (rc < 0) {
            pmsg("out of memory");
            *status = EXIT_INPUT;
            break;
        }
    }
    evg_input_free(in);
    return *status;
}

int cli_parse(const char *conllu, const char *model, const char *output,
              char **inputs, int nin)
{
    static char stdin_name[] = "-";
    char *stdin_only[] = {stdin_name};
    if (conllu && nin) {
        pmsg("parse: give either --conllu-in FILE or articles, not both");
        return EXIT_USAGE;
    }
    if (!conllu && !nin) {
        inputs = stdin_only;
        nin = 1;
    }
    evg_error err;
    evg_error_clear(&err);
    evg_syn_model *m;
    if (!model)
        model = evg_syn_default_model();
    int rc = evg_syn_model_load(model, &m, &err);
    if (rc < 0) {
        pmsg("%s", err.message);
        return EXIT_INPUT;
    }
    evg_buf out;
    evg_buf_init(&out, 0);
    int status = 0;
    if (conllu) {
        if ((rc = parse_conllu_file(m, conllu, &out, &err)) < 0)
            status = pfail(&err, rc);
    } else {
        for (int i = 0; i < nin; i++) {
            int st = 0;
            parse_articles(m, inputs[i], &out, &st);
            if (st && !status)
                status = st;
        }
    }
    if (!out.failed && out.len && (status == 0 || !conllu)) {
        if (output) {
            if (evg_write_file_atomic(output, out.data, out.len, &err) < 0)
                status = pfail(&err, err.code);
        } else if (fwrite(out.data, 1, out.len, stdout) != out.len ||
                   fflush(stdout) != 0) {
            pmsg("stdout: write failed");
            status = EXIT_IO;
        }
    } else if (out.failed) {
        pmsg("out of memory");
        status = EXIT_INPUT;
    }
    evg_buf_dispose(&out);
    evg_syn_model_free(m);
    return status;
}
