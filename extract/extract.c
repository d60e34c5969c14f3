/* The extraction driver: checks and copies the input, then runs the stages
 * (dateline, sentences, timexes, entities, events) in order. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evgraph/io.h"
#include "doc_events.h"
#include "doc_layer.h"
#include "pipeline.h"

void evg_extract_opts_init(evg_extract_opts *opts)
{
    memset(opts, 0, sizeof(*opts));
    opts->size = sizeof(*opts);
    opts->max_bytes = EVG_DEFAULT_MAX_BYTES;
    opts->max_sentence = EVG_DEFAULT_MAX_SENTENCE;
    opts->max_events = EVG_DEFAULT_MAX_EVENTS;
    opts->max_sentences = EVG_DEFAULT_MAX_SENTENCES;
}

int evg_extract__warn(evg_doc *doc, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    const char **slot =
        EVG_DOC_PUSH(doc, doc->warnings, doc->n_warnings, doc->cap_warnings);
    if (!slot)
        return EVG_ENOMEM;
    *slot = evg_doc_strdup(doc, msg);
    return *slot ? 0 : EVG_ENOMEM;
}

size_t evg_doc_warning_count(const evg_doc *doc)
{
    return doc ? doc->n_warnings : 0;
}

const char *evg_doc_warning(const evg_doc *doc, size_t i)
{
    return doc && i < doc->n_warnings ? doc->warnings[i] : NULL;
}

/* Old Mac line endings: a CR not followed by LF ends a line like LF does.
 * Replaced byte for byte, so offsets into the text stay those of the
 * input; CR LF stays as it is. */
static void lone_cr_to_lf(char *t, size_t n)
{
    for (char *p = memchr(t, '\r', n); p; p = memchr(p + 1, '\r', n - (size_t)(p + 1 - t)))
        if ((size_t)(p + 1 - t) == n || p[1] != '\n')
            *p = '\n';
}

/* Copies the text in, replacing invalid UTF-8 with U+FFFD when lenient;
 * valid text in a buffer the caller gives away (`*owned`, `len` + 1
 * bytes) becomes the document's without a copy (then `*owned` is NULL). */
static int load_text(evg_doc *doc, const char *text, size_t len,
                     char **owned, const evg_extract_opts *opts,
                     evg_error *err)
{
    const char *name = opts->path ? opts->path : "<input>";
    size_t bad;
    const char *nul = memchr(text, '\0', len);
    if (nul && !opts->lenient) {
        if (err)
            err->offset = (long long)(nul - text);
        return evg_error_set(err, EVG_EUTF8,
                             "%s: NUL byte at byte %zu: binary data, not "
                             "text (use --lenient to replace it)",
                             name, (size_t)(nul - text));
    }
    if (!nul && evg_utf8_valid(text, len, &bad)) {
        if (*owned) {
            char *t = *owned;
            if (evg_arena_adopt(doc->arena, t) < 0)
                return EVG_ENOMEM;
            *owned = NULL;
            if (memchr(t, '\r', len))
                lone_cr_to_lf(t, len);
            t[len] = '\0';
            doc->text = t;
            doc->text_len = len;
            return 0;
        }
        char *cr = NULL;
        if (memchr(text, '\r', len)) {
            if (!(cr = malloc(len ? len : 1)))
                return EVG_ENOMEM;
            memcpy(cr, text, len);
            lone_cr_to_lf(cr, len);
        }
        doc->text = evg_doc_strndup(doc, cr ? cr : text, len);
        doc->text_len = len;
        free(cr);
        return doc->text ? 0 : EVG_ENOMEM;
    }
    if (!opts->lenient) {
        if (err)
            err->offset = (long long)bad;
        return evg_error_set(err, EVG_EUTF8,
                             "%s: invalid UTF-8 at byte %zu (use --lenient "
                             "to replace bad bytes)",
                             name, bad);
    }
    evg_buf b;
    evg_buf_init(&b, 0);
    size_t i = 0, replaced = 0;
    bad = len;
    while (i < len) {
        size_t at = i;
        if (text[i] == '\0' || evg_utf8_next(text, len, &i) < 0) {
            if (at < bad)
                bad = at;
            i = at + 1;
            evg_buf_puts(&b, "\xef\xbf\xbd");
            replaced++;
        } else {
            evg_buf_append(&b, text + at, i - at);
        }
    }
    if (b.failed) {
        evg_buf_dispose(&b);
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    }
    if (b.len)
        lone_cr_to_lf(b.data, b.len);
    doc->text = evg_doc_strndup(doc, b.data, b.len);
    doc->text_len = b.len;
    evg_buf_dispose(&b);
    if (!doc->text)
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    return evg_extract__warn(doc,
                             "%s: replaced %zu invalid UTF-8 sequence%s "
                             "(first at byte %zu)",
                             name, replaced, replaced == 1 ? "" : "s", bad);
}

static int only_space(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strchr(" \t\r\n\f\v", s[i]))
            return 0;
    return 1;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static int extract_text(const char *text, size_t len, char **owned,
                        const evg_extract_opts *opts_in, evg_doc **out,
                        evg_error *err)
{
    evg_extract_opts defaults;
    const evg_extract_opts *opts = &defaults;
    *out = NULL;
    evg_extract_opts_init(&defaults);
    if (opts_in && evg_opts_adopt(&defaults, sizeof(defaults), opts_in,
                                  "evg_extract_opts", err))
        return EVG_EINVAL;
    const char *name = opts->path ? opts->path : "<input>";
    size_t max = opts->max_bytes ? opts->max_bytes : EVG_DEFAULT_MAX_BYTES;
    if (len > max)
        return evg_error_set(err, EVG_ELIMIT,
                             "%s: %zu bytes is over the document limit of "
                             "%zu bytes (--max-bytes)",
                             name, len, max);
    size_t bom = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    if (len == bom || only_space(text + bom, len - bom))
        return evg_error_set(err, EVG_EEMPTY, "%s: no text", name);
    if (opts->dct && !evg_date_valid(opts->dct))
        return evg_error_set(err, EVG_EINVAL,
                             "%s: document date '%s' is not YYYY-MM-DD", name,
                             opts->dct);

    const evg_lexicon *lex = opts->lexicon;
    if (!lex && !opts->sentences_only &&
        !(lex = evg_extract__default_lexicon(err)))
        return err ? err->code : EVG_EDEP;

    evg_doc *doc;
    if (evg_doc_new(&doc))
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    int rc = load_text(doc, text, len, owned, opts, err);
    if (rc)
        goto done;
    rc = EVG_ENOMEM;
    if (opts->path && !(doc->path = evg_doc_strdup(doc, opts->path)))
        goto done;
    const char *id = opts->id ? opts->id
                              : (opts->path ? base_name(opts->path) : "doc");
    if (!(doc->id = evg_doc_strdup(doc, id)))
        goto done;
    if ((opts->title && !(doc->title = evg_doc_strdup(doc, opts->title))) ||
        (opts->url && !(doc->url = evg_doc_strdup(doc, opts->url))) ||
        (opts->source && !(doc->source = evg_doc_strdup(doc, opts->source))))
        goto done;
    if (opts->dct) {
        memcpy(doc->dct, opts->dct, 10);
        doc->dct[10] = '\0';
        doc->dct_source =
            opts->dct_from_metadata ? EVG_DCT_METADATA : EVG_DCT_OPTION;
    }

    size_t body = 0;
    if ((rc = evg_extract__dateline(doc, &body, err)))
        goto done;
    if (!doc->dct[0] &&
        (rc = evg_extract__warn(doc,
                                "%s: no document date (dateline, record or "
                                "--dct); relative dates stay unanchored",
                                name)))
        goto done;
    if ((rc = evg_extract__sentences(doc, body, opts, err)))
        goto done;
    if (opts->sentences_only) {
        rc = opts->compact_sentences ? 0 : evg_doc__sentences_unpack(doc);
        goto done;
    }
    if ((rc = evg_extract__tokens(doc)) ||
        (rc = evg_extract__syntax(doc, opts->syntax)) ||
        (rc = evg_extract__mentions(doc, opts->syntax ? opts->mentions
                                                      : NULL)) ||
        (rc = evg_extract__timexes(doc, err)) ||
        (rc = evg_extract__entities(doc, lex, err)))
        goto done;
    /* the event coder is the last to read the tokens, and the layer's
     * words when they are not kept: it gives back those of the sentences
     * it has passed (evg_doc__release_before) */
    if (opts->drop_tokens)
        evg_doc__layer_transient(doc);
    if ((rc = evg_extract__events(doc, lex, opts, err)))
        goto done;
    evg_doc__pieces_free(doc);
    if (opts->drop_tokens)
        evg_doc__layer_free(doc);
    if ((rc = evg_extract__duals(doc, err)))
        goto done;
    /* the sentences: written out with a copy of each one's text, or kept
     * compact for the JSON writer (compact_sentences) */
    if (!opts->compact_sentences && (rc = evg_doc__sentences_unpack(doc)))
        goto done;
    if (opts->cameo_only && (rc = evg_doc_drop_uncoded(doc, NULL)))
        goto done;
    /* the token layer: freed, written out whole for the caller, or kept
     * compact for the JSON writer (compact_tokens) */
    if (opts->drop_tokens || !opts->compact_tokens || !doc->layer) {
        if ((rc = evg_doc__layer_end(doc, !opts->drop_tokens)))
            goto done;
    } else if ((rc = evg_doc__layer_keep(doc))) {
        goto done;
    }
    size_t max_events =
        opts->max_events ? opts->max_events : EVG_DEFAULT_MAX_EVENTS;
    if (evg_doc__event_count(doc) > max_events) {
        rc = evg_error_set(err, EVG_ELIMIT,
                           "%s: %zu events is over the limit of %zu "
                           "(--max-events)",
                           name, evg_doc__event_count(doc), max_events);
        goto done;
    }
    rc = 0;
done:
    if (rc) {
        if (rc == EVG_ELIMIT && (!err || !err->message[0]))
            evg_error_set(err, rc, "%s: 4 GiB and more is too long to parse "
                                   "(--no-parse)", name);
        if (rc == EVG_ENOMEM && (!err || !err->message[0]))
            evg_error_set(err, EVG_ENOMEM, "%s: out of memory", name);
        evg_doc_free(doc);
        return rc;
    }
    *out = doc;
    return 0;
}

int evg_extract_text(const char *text, size_t len,
                     const evg_extract_opts *opts, evg_doc **out,
                     evg_error *err)
{
    char *owned = NULL;
    return extract_text(text, len, &owned, opts, out, err);
}

int evg_extract__text_owned(char *text, size_t len,
                            const evg_extract_opts *opts, evg_doc **out,
                            evg_error *err)
{
    char *owned = text;
    int rc = extract_text(text, len, &owned, opts, out, err);
    free(owned); /* NULL once the document holds it */
    return rc;
}
