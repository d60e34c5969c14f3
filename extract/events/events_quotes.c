/* Quoted speech over several sentences. Within a sentence the parse says
 * who speaks ('"...," he said': the reporting verb beside the quoted
 * clause, frames.c); a quotation of several sentences names its speaker
 * once, where it closes ('"Iran attacked Iraq. The attack was a
 * mistake," the minister said') or before it opens ('The minister said:
 * "Iran attacked Iraq. The attack was a mistake."'). The events inside
 * it are that speaker's: attributed to them, and `reported` when the
 * sentence asserted them. A quotation left open for more than
 * QUOTE_SENTENCES sentences is taken for a stray mark and forgotten. */
#include <string.h>

#include "events.h"

#define QUOTE_SENTENCES 6
#define QUOTE_MARKS 32

typedef struct qmark {
    size_t at; /* byte offset */
    int open;  /* 1 opens, 0 closes */
} qmark;

/* The quotation marks of bytes [a, b), reading an ASCII '"' as opening
 * or closing by the state before it; *open is the state at the start
 * and is left at the end. Returns the number of marks kept (at most
 * QUOTE_MARKS; later ones still change the state). */
static size_t scan(const char *t, size_t a, size_t b, int *open, qmark *m)
{
    size_t n = 0;
    /* a '"' that starts a sentence opens, even inside a quotation: news
     * reopens a quotation at each paragraph without closing the last */
    size_t i = a;
    while (i < b && (t[i] == ' ' || t[i] == '\n' || t[i] == '\t'))
        i++;
    if (i < b && t[i] == '"' && *open)
        i++;
    for (; i < b; i++) {
        int kind = -1;
        if (t[i] == '"')
            kind = !*open;
        else if (i + 2 < b && (unsigned char)t[i] == 0xe2 &&
                 (unsigned char)t[i + 1] == 0x80 &&
                 ((unsigned char)t[i + 2] == 0x9c ||
                  (unsigned char)t[i + 2] == 0x9d))
            kind = (unsigned char)t[i + 2] == 0x9c;
        else if (i + 1 < b && t[i] == '`' && t[i + 1] == '`')
            kind = 1;
        else if (i + 1 < b && t[i] == '\'' && t[i + 1] == '\'')
            kind = 0;
        if (kind < 0)
            continue;
        if (kind == *open) /* "open" while open: keep the first */
            continue;
        *open = kind;
        if (n < QUOTE_MARKS)
            m[n++] = (qmark){i, kind};
        if (t[i] == '`' || t[i] == '\'')
            i++;
    }
    return n;
}

static int reporting(const evg_event *ev)
{
    return (ev->tml_class && strcmp(ev->tml_class, "REPORTING") == 0) ||
           (ev->cameo && ev->cameo[0] == '0' && ev->cameo[1] == '1');
}

/* The speaker a reporting event of sentence s between bytes [a, b) names:
 * its source. */
static size_t reporter(const evg_doc *doc, size_t s, size_t first, size_t a,
                       size_t b)
{
    for (size_t e = first; e < doc->n_events; e++) {
        const evg_event *ev = &doc->events[e];
        if (ev->sentence == s && ev->trigger.start >= a &&
            ev->trigger.end <= b && reporting(ev) && ev->n_source)
            return ev->source[0];
    }
    return EVG_NONE;
}

static void give(evg_doc *doc, size_t e, size_t speaker)
{
    evg_event *ev = &doc->events[e];
    if (ev->attributed == EVG_NONE)
        ev->attributed = speaker;
    if (ev->modality == EVG_MOD_ASSERTED)
        ev->modality = EVG_MOD_REPORTED;
}

void evg_events__quotes(ev_state *st, size_t s, size_t lo, size_t hi,
                        size_t first)
{
    evg_doc *doc = st->doc;
    const struct {
        size_t start, end;
    } sent = {lo, hi}, *sen = &sent;
    if (!st->q_open) {
        st->q_speaker = EVG_NONE;
        st->q_from = EVG_NONE;
        st->q_sentences = 0;
    }
    int was_open = st->q_open, open = st->q_open;
    qmark m[QUOTE_MARKS];
    size_t n = scan(doc->text, sen->start, sen->end, &open, m);
    /* the quotation open at the start closes here: its speaker is named
     * after the close, or inside the sentence by the parse */
    if (was_open && n && !m[0].open) {
        size_t c = m[0].at;
        size_t who = reporter(doc, s, first, c, sen->end);
        if (who == EVG_NONE)
            who = st->q_speaker;
        for (size_t e = first; who == EVG_NONE && e < doc->n_events; e++)
            if (doc->events[e].trigger.start < c &&
                doc->events[e].attributed != EVG_NONE)
                who = doc->events[e].attributed;
        if (who != EVG_NONE) {
            for (size_t e = st->q_from; e != EVG_NONE && e < first; e++)
                give(doc, e, who);
            for (size_t e = first; e < doc->n_events; e++)
                if (doc->events[e].trigger.start < c)
                    give(doc, e, who);
        }
        st->q_from = EVG_NONE;
        st->q_speaker = EVG_NONE;
        st->q_sentences = 0;
    } else if (was_open && !n) {
        /* the whole sentence is quoted */
        if (st->q_speaker != EVG_NONE)
            for (size_t e = first; e < doc->n_events; e++)
                give(doc, e, st->q_speaker);
        else if (st->q_from == EVG_NONE && first < doc->n_events)
            st->q_from = first;
    }
    /* a quotation that opens here and stays open */
    if (open && n && m[n - 1].open) {
        size_t o = m[n - 1].at;
        if (!was_open || n > 1) {
            st->q_speaker = reporter(doc, s, first, sen->start, o);
            st->q_from = EVG_NONE;
            st->q_sentences = 0;
        }
        for (size_t e = first; e < doc->n_events; e++) {
            if (doc->events[e].trigger.start < o)
                continue;
            if (st->q_speaker != EVG_NONE)
                give(doc, e, st->q_speaker);
            else if (st->q_from == EVG_NONE)
                st->q_from = e;
        }
    }
    st->q_open = open;
    if (open && ++st->q_sentences > QUOTE_SENTENCES) {
        st->q_open = 0;
        st->q_from = EVG_NONE;
        st->q_speaker = EVG_NONE;
    }
}
