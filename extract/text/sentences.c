/* Sentence splitting for news English, after the dateline and before every
 * other stage. Full stops, question and exclamation marks (with any closing
 * quotes and brackets) end sentences except after abbreviations (Mr., Gen.,
 * Jan., Inc.), initials (Donald J. Trump), acronyms inside a sentence
 * (U.S.), decimals and ellipses that continue in lower case. Blank lines end
 * sentences, and so does a headline-like line without a final stop. Each
 * sentence is then checked for boilerplate: teasers ("READ MORE:"), photo
 * credits and the headline glued after them, captions, "Follow us" and
 * copyright lines. */
#include <ctype.h>
#include <pthread.h>
#include <string.h>

#include "doc_layer.h"
#include "sentences.h"
#include "words.h"

/* The splitter's word lists (extract/data/): abbreviations whose stop
 * never ends a sentence, those that do not before a number ("No. 10"),
 * those that end one only before a typical sentence opener ("Inc."), the
 * openers, how boilerplate sentences begin and the phrases that mark one
 * wherever they stand. */
static const char *const *abbrev_hard;
static const char *const *abbrev_num;
static const char *const *abbrev_soft;
static const char *const *openers;
static const char *const *boiler_leads;
static const char *const *boiler_marks;

static const evg_words_use uses[] = {
    {"abbreviations.words", 0, &abbrev_hard, NULL},
    {"abbreviations_numeric.words", 0, &abbrev_num, NULL},
    {"abbreviations_final.words", 0, &abbrev_soft, NULL},
    {"sentence_openers.words", 0, &openers, NULL},
    {"boilerplate_leads.words", 0, &boiler_leads, NULL},
    {"boilerplate_markers.words", EVG_WORDS_PAIRS, &boiler_marks, NULL}};
static evg_words_set lists = EVG_WORDS_SET(uses);

/* The word lists are tried in full at every period and sentence start:
 * compare up to the first difference instead of measuring each word. */
static int word_eq(const char *t, size_t s, size_t e, const char *w)
{
    size_t n = e - s;
    for (size_t i = 0; i < n; i++)
        if (!w[i] || tolower((unsigned char)t[s + i]) != w[i])
            return 0;
    return w[n] == '\0';
}

static int in_list(const char *t, size_t s, size_t e,
                   const char *const *list)
{
    for (const char *const *w = list; *w; w++)
        if (word_eq(t, s, e, *w))
            return 1;
    return 0;
}

static int is_space_at(const char *t, size_t n, size_t i, size_t *len)
{
    if (i >= n)
        return 0;
    unsigned char c = (unsigned char)t[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
        c == '\v') {
        *len = 1;
        return 1;
    }
    if (c == 0xc2 && i + 1 < n && (unsigned char)t[i + 1] == 0xa0) {
        *len = 2; /* no-break space */
        return 1;
    }
    if (c == 0xe2 && i + 2 < n && (unsigned char)t[i + 1] == 0x80 &&
        (((unsigned char)t[i + 2] >= 0x80 && (unsigned char)t[i + 2] <= 0x8a) ||
         (unsigned char)t[i + 2] == 0xaf)) {
        *len = 3;
        return 1;
    }
    return 0;
}

/* Closing quotes and brackets after a stop: " ' ) ] ” ’ » */
static size_t closers(const char *t, size_t n, size_t i)
{
    for (;;) {
        if (i < n && (t[i] == '"' || t[i] == '\'' || t[i] == ')' ||
                      t[i] == ']')) {
            i++;
        } else if (i + 2 < n && (unsigned char)t[i] == 0xe2 &&
                   (unsigned char)t[i + 1] == 0x80 &&
                   ((unsigned char)t[i + 2] == 0x9d ||
                    (unsigned char)t[i + 2] == 0x99)) {
            i += 3;
        } else if (i + 1 < n && (unsigned char)t[i] == 0xc2 &&
                   (unsigned char)t[i + 1] == 0xbb) {
            i += 2;
        } else {
            return i;
        }
    }
}

/* Closing quotes and brackets that tokenized text sets off from the stop
 * by a space (". \"", ". ''", ". )"): returns the end of the last one
 * that is followed by white space or the end, or `after` when there is
 * none. A straight double quote closes when the sentence from `start`
 * has an odd number of them or when it ends the line (a quotation over
 * several sentences), a bracket only when one is open. */
static size_t spaced_closers(const char *t, size_t n, size_t start,
                             size_t after)
{
    size_t end = after, l;
    size_t quotes = 0, paren = 0, brack = 0;
    if (after >= n || t[after] != ' ')
        return after;
    for (size_t q = start; q < after; q++) {
        quotes += t[q] == '"';
        paren += t[q] == '(';
        paren -= paren && t[q] == ')';
        brack += t[q] == '[';
        brack -= brack && t[q] == ']';
    }
    for (size_t j = after; j < n && t[j] == ' ';) {
        size_t k = j + 1, c = 0;
        size_t eol = k + 1;
        while (eol < n && (t[eol] == ' ' || t[eol] == '\t'))
            eol++;
        if (k + 1 < n && t[k] == '\'' && t[k + 1] == '\'')
            c = k + 2;
        else if (k < n && t[k] == '"' && (eol == n || t[eol] == '\n' ||
                                          t[eol] == '\r'))
            c = k + 1; /* a quote ending the paragraph closes one */
        else if (k < n && ((t[k] == ')' && paren) || (t[k] == ']' && brack) ||
                           (t[k] == '"' && quotes % 2)))
            c = k + 1;
        else if (k + 2 < n && (unsigned char)t[k] == 0xe2 &&
                 (unsigned char)t[k + 1] == 0x80 &&
                 ((unsigned char)t[k + 2] == 0x9d ||
                  (unsigned char)t[k + 2] == 0x99))
            c = k + 3;
        else if (k + 1 < n && (unsigned char)t[k] == 0xc2 &&
                 (unsigned char)t[k + 1] == 0xbb)
            c = k + 2;
        if (!c || (c < n && !is_space_at(t, n, c, &l)))
            break;
        quotes += t[k] == '"';
        paren -= paren && t[k] == ')';
        brack -= brack && t[k] == ']';
        end = j = c;
    }
    return end;
}

/* The next word after position i (skipping spaces and opening quotes and
 * brackets): its span, or s == e at the end. */
static void next_word(const char *t, size_t n, size_t i, size_t *s,
                      size_t *e)
{
    size_t l;
    for (;;) {
        if (is_space_at(t, n, i, &l)) {
            i += l;
        } else if (i < n && (t[i] == '"' || t[i] == '\'' || t[i] == '(' ||
                             t[i] == '[')) {
            i++;
        } else if (i + 2 < n && (unsigned char)t[i] == 0xe2 &&
                   (unsigned char)t[i + 1] == 0x80 &&
                   ((unsigned char)t[i + 2] == 0x9c ||
                    (unsigned char)t[i + 2] == 0x98)) {
            i += 3;
        } else {
            break;
        }
    }
    *s = i;
    while (i < n && (isalnum((unsigned char)t[i]) || t[i] == '.' ||
                     t[i] == '\'' || (unsigned char)t[i] >= 0x80)) {
        if (t[i] == '.' && !(i + 1 < n && isalpha((unsigned char)t[i + 1])))
            break;
        i++;
    }
    *e = i;
}

/* Decides whether the stop at t[i] ('.', '?', '!' or the last dot of an
 * ellipsis) ends a sentence; `word` is where the word before it starts. */
static int ends_sentence(const char *t, size_t n, size_t word, size_t i,
                         size_t after)
{
    size_t ns, ne;
    next_word(t, n, after, &ns, &ne);
    if (ns >= n)
        return 1;
    unsigned char first = (unsigned char)t[ns];
    if (islower(first))
        return 0; /* "Why?" he asked. / "... and then" */
    if (first == ',' || first == ';' || first == ':')
        return 0; /* "One more thing ..." , the tagline */
    if (t[i] != '.')
        return 1;
    /* the word before the dot */
    size_t wl = i - word;
    if (wl == 0)
        return 1; /* "..." or ". ." */
    if (wl == 1 && isupper((unsigned char)t[word]))
        return 0; /* an initial: Donald J. Trump */
    if (in_list(t, word, i, abbrev_hard))
        return 0;
    if (in_list(t, word, i, abbrev_num))
        return !isdigit(first);
    if (in_list(t, word, i, abbrev_soft) ||
        (wl >= 3 && memchr(t + word, '.', wl) &&
         isupper((unsigned char)t[word])))
        return in_list(t, ns, ne, openers);
    if (isdigit(first) && wl <= 4 && isupper((unsigned char)t[word]))
        return 0; /* "Jan. 5", "No. 10" not in the lists */
    return 1;
}

/* A line that reads as a headline: no final stop and mostly capitalized
 * words (at least two), or all upper case. */
static int headline_like(const char *t, size_t s, size_t e)
{
    while (e > s && isspace((unsigned char)t[e - 1]))
        e--;
    while (s < e && isspace((unsigned char)t[s]))
        s++;
    if (e <= s)
        return 0;
    char last = t[e - 1];
    if (last == '.' || last == ',' || last == ';' || last == '"' ||
        last == '!' || last == '?')
        return 0;
    size_t words = 0, caps = 0, lower_letters = 0;
    size_t i = s;
    while (i < e) {
        while (i < e && isspace((unsigned char)t[i]))
            i++;
        if (i >= e)
            break;
        size_t ws = i;
        while (i < e && !isspace((unsigned char)t[i])) {
            if (islower((unsigned char)t[i]))
                lower_letters++;
            i++;
        }
        unsigned char c = (unsigned char)t[ws];
        if (isalpha(c) || c >= 0x80) {
            words++;
            if (isupper(c) || c >= 0x80)
                caps++;
            else if (i - ws <= 3)
                caps++; /* short function words in title case: of, to */
        }
    }
    if (words < 2)
        return words == 1 && lower_letters == 0;
    return caps * 10 >= words * 8 || lower_letters == 0;
}

static int starts_with(const char *t, size_t s, size_t e, const char *p)
{
    for (size_t i = 0; p[i]; i++)
        if (s + i >= e ||
            tolower((unsigned char)t[s + i]) != tolower((unsigned char)p[i]))
            return 0;
    return 1;
}

enum { MARK_CREDIT = 1, MARK_OTHER = 2 };

/* The MARK_* of each phrase of boilerplate_markers.words, and for each
 * byte the phrases that start with it (in lower case), a chain of
 * indexes + 1 through marker_next; built once from the list. */
#define MAX_MARKERS 255
static unsigned char marker_kind[MAX_MARKERS];
static unsigned char marker_next[MAX_MARKERS];
static unsigned char marker_first[256];
static pthread_once_t markers_once = PTHREAD_ONCE_INIT;
static int markers_rc;
static evg_error markers_err;

static void index_markers(void)
{
    size_t i = 0;
    while (boiler_marks[2 * i])
        i++;
    while (i-- > 0 && !markers_rc) { /* backwards: chains in file order */
        const char *kind = boiler_marks[2 * i + 1];
        int k = !strcmp(kind, "credit")  ? MARK_CREDIT
                : !strcmp(kind, "other") ? MARK_OTHER
                                         : 0;
        unsigned char c = (unsigned char)boiler_marks[2 * i][0];
        if (!k || i >= MAX_MARKERS)
            markers_rc = evg_error_set(
                &markers_err, EVG_EPARSE,
                "extract/data/boilerplate_markers.words: '%s' marks '%s', "
                "not credit or other (%d phrases at most)",
                boiler_marks[2 * i], kind, MAX_MARKERS);
        else {
            marker_kind[i] = (unsigned char)k;
            marker_next[i] = marker_first[c];
            marker_first[c] = (unsigned char)(i + 1);
        }
    }
}

/* One pass over a sentence for the markers that may sit anywhere in it:
 * MARK_CREDIT for photo credits (©, "(Photo", "/ Reuters", "Getty
 * Images"), MARK_OTHER for "follow us on" and "all rights reserved". */
static int markers(const char *t, size_t s, size_t e)
{
    int m = 0;
    for (size_t i = s; i < e; i++) {
        unsigned char c = (unsigned char)t[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c | 0x20);
        if (c == 0xc2 && i + 1 < e && (unsigned char)t[i + 1] == 0xa9)
            m |= MARK_CREDIT;
        for (size_t k = marker_first[c]; k; k = marker_next[k - 1])
            if (starts_with(t, i, e, boiler_marks[2 * (k - 1)]))
                m |= marker_kind[k - 1];
    }
    return m;
}

/* Boilerplate: teasers, credits, captions, calls to follow, copyright. */
static int boilerplate(const evg_doc *doc, size_t s, size_t e, int first)
{
    const char *t = doc->text;
    for (const char *const *p = boiler_leads; *p; p++)
        if (starts_with(t, s, e, *p))
            return 1;
    if (starts_with(t, s, e, "(c) "))
        return 1; /* the copyright sign in ASCII */
    /* a credit line: "© Sputnik / ..." anywhere makes the sentence one */
    if (markers(t, s, e))
        return 1;
    /* a headline inside the body: another article's title, a caption */
    if (!first && headline_like(t, s, e))
        return 1;
    return 0;
}

/* A photo credit: the caption text before it in the same paragraph is
 * boilerplate too. */
static int credit(const char *t, size_t s, size_t e)
{
    return (markers(t, s, e) & MARK_CREDIT) || starts_with(t, s, e, "photo:");
}

static int add(evg_doc *doc, size_t s, size_t e, const evg_extract_opts *opts,
               evg_error *err)
{
    const char *t = doc->text;
    size_t l;
    while (s < e && is_space_at(t, e, s, &l))
        s += l;
    while (e > s && isspace((unsigned char)t[e - 1]))
        e--;
    while (e > s + 1 && (unsigned char)t[e - 2] == 0xc2 &&
           (unsigned char)t[e - 1] == 0xa0)
        e -= 2;
    if (s >= e)
        return 0;
    size_t most = opts && opts->max_sentences ? opts->max_sentences
                                              : EVG_DEFAULT_MAX_SENTENCES;
    if (doc->n_sentences >= most) {
        if (err)
            err->offset = (long long)s;
        return evg_error_set(err, EVG_ELIMIT,
                             "%s: more than %zu sentences (--max-sentences)",
                             opts && opts->path ? opts->path : "<input>",
                             most);
    }
    size_t max = opts && opts->max_sentence ? opts->max_sentence
                                            : EVG_DEFAULT_MAX_SENTENCE;
    if (e - s > max) {
        if (err)
            err->offset = (long long)s;
        return evg_error_set(err, EVG_ELIMIT,
                             "%s: sentence at byte %zu is %zu bytes, over the "
                             "limit of %zu bytes (--max-sentence)",
                             opts && opts->path ? opts->path : "<input>", s,
                             e - s, max);
    }
    int bp = boilerplate(doc, s, e, doc->n_sentences == 0);
    if (evg_doc__sentence_add(doc, s, e, bp))
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    if (bp && doc->n_sentences >= 2 && credit(t, s, e)) {
        evg_sentence prev = evg_doc__sentence(doc, doc->n_sentences - 2);
        int same_para = 1;
        for (size_t i = prev.end; i + 1 < s; i++)
            if (t[i] == '\n' && memchr(t + i + 1, '\n', s - i - 1))
                same_para = 0;
        if (same_para && prev.end - prev.start < 400 &&
            doc->n_sentences >= 3) /* the caption the credit belongs to */
            evg_doc__sentence_set_boilerplate(doc, doc->n_sentences - 2);
    }
    return 0;
}

int evg_extract__sentences(evg_doc *doc, size_t body,
                           const evg_extract_opts *opts, evg_error *err)
{
    const char *t = doc->text;
    size_t n = doc->text_len, start = body;
    int rc = evg_words_load(&lists, err);
    if (rc)
        return rc;
    pthread_once(&markers_once, index_markers);
    if (markers_rc) {
        if (err)
            *err = markers_err;
        return markers_rc;
    }
    if (!t)
        return 0;
    size_t line_start = body;
    for (size_t i = body; i < n; i++) {
        char c = t[i];
        if (c == '\n') {
            size_t j = i + 1, l;
            while (j < n && t[j] != '\n' && is_space_at(t, n, j, &l))
                j += l;
            int para = j < n && t[j] == '\n';
            /* a headline line without a stop ends where the line ends */
            /* a wrapped line goes on in lower case; after a headline a
             * new sentence starts with a capital */
            size_t ns, ne;
            next_word(t, n, i + 1, &ns, &ne);
            int head = !para && line_start == start && ns < n &&
                       !islower((unsigned char)t[ns]) &&
                       headline_like(t, line_start, i);
            if (para || head) {
                if ((rc = add(doc, start, i, opts, err)))
                    return rc;
                start = i + 1;
            }
            line_start = i + 1;
            continue;
        }
        if (c == '\xe2' && i + 2 < n && (unsigned char)t[i + 1] == 0x80 &&
            (unsigned char)t[i + 2] == 0xa6) {
            /* a Unicode ellipsis: a stop only before a capital */
            size_t after = closers(t, n, i + 3), l;
            i += 2;
            if (after < n && !is_space_at(t, n, after, &l))
                continue;
            if (!ends_sentence(t, n, i, i, after))
                continue;
            if ((rc = add(doc, start, after, opts, err)))
                return rc;
            start = after;
            continue;
        }
        if (c != '.' && c != '?' && c != '!')
            continue;
        size_t stop = i;
        /* ellipsis: treat its last dot as the stop */
        while (c == '.' && i + 1 < n && t[i + 1] == '.')
            i++;
        if (i + 3 < n && (unsigned char)t[i + 1] == 0xe2 &&
            (unsigned char)t[i + 2] == 0x80 && (unsigned char)t[i + 3] == 0xa6)
            i += 3; /* "?…" */
        size_t after = closers(t, n, i + 1);
        size_t l;
        /* tokenized text glued at sentence ends: "processors .The" */
        int glued = c == '.' && i == stop && stop > body &&
                    t[stop - 1] == ' ' && after < n &&
                    isupper((unsigned char)t[after]) && after + 1 < n &&
                    islower((unsigned char)t[after + 1]);
        if (glued) {
            if ((rc = add(doc, start, after, opts, err)))
                return rc;
            start = after;
            continue;
        }
        if (after < n && !is_space_at(t, n, after, &l))
            continue; /* 3.5, U.S.-led, e-mail.com */
        size_t word = stop;
        while (word > body && (isalpha((unsigned char)t[word - 1]) ||
                               t[word - 1] == '.' || t[word - 1] == '\''))
            word--;
        int ends = i > stop ? ends_sentence(t, n, i, i, after) /* ellipsis */
                            : ends_sentence(t, n, word, stop, after);
        if (!ends)
            continue;
        after = spaced_closers(t, n, start, after);
        if ((rc = add(doc, start, after, opts, err)))
            return rc;
        start = after;
        i = after > 0 ? after - 1 : after;
    }
    return add(doc, start, n, opts, err);
}
