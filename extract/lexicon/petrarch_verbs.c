/* PETRARCH's verb dictionary (CAMEO.2.0.txt and files in its format) read
 * into the trigger lexicon: synonym sets become word classes, each verb of
 * a block with each pattern of the block becomes one pattern of ours, and
 * the "$" / "+" places of a pattern become its role mapping. The format,
 * and what is read or left out of it, is in docs/events.md. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "triggers.h"
#include "words.h"

#define LINE_MAX_BYTES 2048
#define ELEMS_MAX 32 /* elements of one pattern */
#define VERBS_MAX 512 /* verbs of one block */
#define FORMS_MAX 8   /* irregular forms of one verb */

typedef struct vd_reader {
    const char *data, *name;
    size_t len, pos, line;
    int in_comment; /* inside <!-- ... --> */
    evg_error *err;
    const char *const *preps; /* role_prepositions.words */
} vd_reader;

/* One verb of a block: its words ("ask", "for") and code. */
typedef struct vd_verb {
    char words[4][EVG_LEMMA_MAX + 1];
    size_t n_words;
    char forms[FORMS_MAX][EVG_LEMMA_MAX + 1]; /* irregular first words */
    size_t n_forms;
    char code[8]; /* "" for the block's */
    char mirror[8]; /* the other side's code ("[042:043]"), or "" */
    int swap;       /* "[:b]": the other side's code only */
    size_t line;
} vd_verb;

/* One pattern of a block, kept until the block ends. */
typedef struct vd_pat {
    char *text; /* between "-" and "[" */
    char code[16];
    size_t line;
} vd_pat;

typedef struct vd_block {
    char code[8]; /* "---" none */
    char mirror[8]; /* as in vd_verb */
    int swap;
    vd_verb *verbs;
    size_t n_verbs;
    vd_pat *pats;
    size_t n_pats, cap_pats;
} vd_block;

static int bad(vd_reader *r, size_t line, const char *what)
{
    return evg_error_set(r->err, EVG_EPARSE, "%s:%zu: %s", r->name, line,
                         what);
}

/* The next line without its comments (#, ;, <!-- -->), trimmed; 0 at the
 * end of the data. */
static int next_line(vd_reader *r, char *buf, size_t cap, int *too_long)
{
    *too_long = 0;
    if (r->pos >= r->len)
        return 0;
    size_t eol = r->pos;
    while (eol < r->len && r->data[eol] != '\n')
        eol++;
    r->line++;
    size_t n = eol - r->pos;
    if (n >= cap) {
        *too_long = 1;
        n = cap - 1;
    }
    const char *l = r->data + r->pos;
    r->pos = eol + 1;
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (r->in_comment) {
            if (i + 3 <= n && memcmp(l + i, "-->", 3) == 0) {
                r->in_comment = 0;
                i += 2;
            }
            continue;
        }
        if (i + 4 <= n && memcmp(l + i, "<!--", 4) == 0) {
            r->in_comment = 1;
            i += 3;
            continue;
        }
        if (l[i] == '#' || l[i] == ';')
            break;
        buf[o++] = l[i] == '\t' || l[i] == '\r' ? ' ' : l[i];
    }
    while (o && buf[o - 1] == ' ')
        o--;
    buf[o] = '\0';
    return 1;
}

static void lower(char *s)
{
    for (; *s; s++)
        *s = (char)tolower((unsigned char)*s);
}

/* Splits a PETRARCH phrase ("DEBT_RELIEF", "CASH_") into words in place:
 * underscores become spaces, a trailing one is dropped. */
static void unscore(char *s)
{
    size_t n = strlen(s);
    while (n && s[n - 1] == '_')
        s[--n] = '\0';
    for (char *p = s; *p; p++)
        if (*p == '_')
            *p = ' ';
    lower(s);
}

/* Reads the digits of a code between `a` and `e` into `out` ("---" is
 * none). */
static int code_part(vd_reader *r, size_t line, const char *a, const char *e,
                     char *out, size_t cap)
{
    while (a < e && *a == ' ')
        a++;
    while (e > a && (e[-1] == ' ' || e[-1] == '!'))
        e--;
    size_t n = (size_t)(e - a);
    if (n == 3 && memcmp(a, "---", 3) == 0) {
        memcpy(out, "---", 4);
        return 0;
    }
    if (n < 2 || n > 4 || n >= cap)
        return bad(r, line, "bad CAMEO code in '[...]'");
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)a[i]))
            return bad(r, line, "bad CAMEO code in '[...]'");
    memcpy(out, a, n);
    out[n] = '\0';
    return 0;
}

/* The code inside "[...]" at `open`. PETRARCH's "[a:b]" is the code of
 * the act (a) and of the same act seen from the other side (b: X visits
 * Y, "[042:043]", so Y hosts X), which PETRARCH codes as a second event
 * with the actors exchanged: `mirror` gets b, "" when there is none.
 * "[:b]" has only the other side's: `out` gets b and *swap is set. */
static int read_code(vd_reader *r, size_t line, const char *open, char *out,
                     size_t cap, char *mirror, size_t mcap, int *swap)
{
    const char *close = strchr(open, ']');
    if (!close)
        return bad(r, line, "'[' without ']'");
    const char *a = open + 1, *colon = memchr(a, ':', (size_t)(close - a));
    *swap = 0;
    mirror[0] = '\0';
    if (!colon)
        return code_part(r, line, a, close, out, cap);
    const char *b = colon + 1, *be = close, *ae = colon;
    while (a < ae && *a == ' ')
        a++;
    while (b < be && *b == ' ')
        b++;
    while (be > b && be[-1] == ' ')
        be--;
    if (a == ae) { /* "[:b]" */
        *swap = 1;
        return code_part(r, line, b, be, out, cap);
    }
    if (code_part(r, line, a, ae, out, cap))
        return r->err->code;
    if (b == be)
        return 0; /* "[a:]" */
    if (code_part(r, line, b, be, mirror, mcap))
        return r->err->code;
    if (strcmp(mirror, "---") == 0)
        mirror[0] = '\0';
    return 0;
}

/* The code as our table knows it: "0344" falls back to "034" (in place;
 * unchanged when no prefix is known). */
static const char *known_code(const evg_triggers *t, char *code)
{
    char orig[16];
    size_t n = strlen(code);
    if (n >= sizeof(orig))
        return NULL;
    memcpy(orig, code, n + 1);
    while (n >= 2) {
        if (evg_events__cameo(t, code))
            return code;
        code[--n] = '\0';
    }
    memcpy(code, orig, strlen(orig) + 1);
    return NULL;
}

/* ---- synonym sets ---- */

typedef struct vd_set {
    char name[EVG_LEMMA_MAX + 2];
    char **phrases;
    size_t n, cap;
    size_t line;
} vd_set;

static void set_clear(vd_set *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->phrases[i]);
    free(s->phrases);
    memset(s, 0, sizeof(*s));
}

static int set_flush(vd_reader *r, evg_triggers *t, vd_set *s)
{
    int rc = 0;
    if (s->name[0]) {
        if (!s->n)
            rc = bad(r, s->line, "a synonym set without '+' phrases");
        else
            rc = evg_events__add_class(t, s->name,
                                       (const char *const *)s->phrases, s->n,
                                       r->name, s->line, r->err);
    }
    set_clear(s);
    return rc;
}

/* ---- patterns ---- */

/* One element of a pattern. */
typedef enum { E_WORD, E_CLASS, E_SOURCE, E_TARGET, E_SKIP, E_VERB } e_kind;
typedef struct elem {
    e_kind kind;
    char text[EVG_LEMMA_MAX + 2];
    int glued; /* follows the previous element with no gap ("{A B}") */
} elem;

/* Splits a pattern's text into elements; 1 when it cannot be expressed
 * (a disjunction "A/B", a compound actor "%", brackets that do not
 * balance), -1 on a syntax error. */
static int parse_elems(char *text, elem *el, size_t *n, const char **why)
{
    *n = 0;
    int brace = 0, paren = 0, first_in_brace = 0;
    char *p = text;
    while (*p) {
        if (*p == ' ') {
            p++;
            continue;
        }
        if (*p == '{') {
            if (brace) {
                *why = "nested '{'";
                return 1;
            }
            brace = 1;
            first_in_brace = 1;
            p++;
            continue;
        }
        if (*p == '}') {
            if (!brace) {
                *why = "'}' without '{'";
                return 1;
            }
            brace = 0;
            p++;
            continue;
        }
        if (*p == '(') {
            if (paren || brace) {
                *why = "nested '('";
                return 1;
            }
            paren = 1;
            p++;
            continue;
        }
        if (*p == ')') {
            if (!paren) {
                *why = "')' without '('";
                return 1;
            }
            paren = 0;
            p++;
            continue;
        }
        char *e = p;
        while (*e && *e != ' ' && *e != '{' && *e != '}' && *e != '(' &&
               *e != ')')
            e++;
        size_t k = (size_t)(e - p);
        char tok[LINE_MAX_BYTES * 3];
        memcpy(tok, p, k);
        tok[k] = '\0';
        p = e;
        if (memchr(tok, '/', k) || memchr(tok, '%', k))
            return 1;
        /* a phrase of words joined by "_" is words in a row */
        char *sub = tok;
        int glue = brace && !first_in_brace;
        first_in_brace = 0;
        while (*sub) {
            char *u = strchr(sub, '_');
            if (u)
                *u = '\0';
            if (*sub) {
                if (*n == ELEMS_MAX || strlen(sub) > EVG_LEMMA_MAX)
                    return 1;
                elem *x = &el[(*n)++];
                memset(x, 0, sizeof(*x));
                x->glued = glue;
                if (strcmp(sub, "*") == 0 || strcmp(sub, "**") == 0)
                    x->kind = E_VERB;
                else if (strcmp(sub, "$") == 0)
                    x->kind = E_SOURCE;
                else if (strcmp(sub, "+") == 0)
                    x->kind = E_TARGET;
                else if (strcmp(sub, "^") == 0)
                    x->kind = E_SKIP;
                else
                    x->kind = sub[0] == '&' ? E_CLASS : E_WORD;
                if (x->kind == E_WORD || x->kind == E_CLASS) {
                    for (const char *c = sub + (x->kind == E_CLASS); *c; c++)
                        if (!isalnum((unsigned char)*c) && *c != '-' &&
                            *c != '\'' && *c != '.' && *c != ',' &&
                            !(x->kind == E_CLASS && *c == '_')) {
                            *why = "unexpected character in a pattern";
                            return -1;
                        }
                    memcpy(x->text, sub, strlen(sub) + 1);
                    lower(x->text);
                }
                glue = 1;
            }
            if (!u)
                break;
            /* "&NAME_": the underscore belongs to the set's name */
            if (sub[0] == '&' && !u[1]) {
                size_t l = strlen(el[*n - 1].text);
                el[*n - 1].text[l] = '_';
                el[*n - 1].text[l + 1] = '\0';
                break;
            }
            sub = u + 1;
        }
        if (!brace)
            glue = 0;
    }
    if (brace || paren)
        return 1; /* brackets that do not balance: left out, counted */
    return 0;
}

/* Adds a role once. */
static void role(const char **v, size_t *n, const char *r)
{
    for (size_t i = 0; i < *n; i++)
        if (strcmp(v[i], r) == 0)
            return;
    if (*n < EVG_PAT_TARGETS)
        v[(*n)++] = r;
}

/* Emits the patterns of one block pattern for every verb of the block;
 * counts what it cannot express in *skipped. */
static int emit_pattern(vd_reader *r, evg_triggers *t, const vd_block *b,
                        const vd_pat *vp, size_t *skipped)
{
    elem el[ELEMS_MAX];
    size_t ne;
    const char *why = NULL;
    /* "**" is the older spelling of "*"; "*SCEPTICAL" is "* SCEPTICAL" */
    char text[LINE_MAX_BYTES * 3];
    size_t o = 0;
    for (const char *c = vp->text; *c && o + 4 < sizeof(text); c++) {
        if (*c == '*') {
            while (c[1] == '*')
                c++;
            text[o++] = ' ';
            text[o++] = '*';
            text[o++] = ' ';
        } else {
            text[o++] = *c;
        }
    }
    text[o] = '\0';
    int rc = parse_elems(text, el, &ne, &why);
    if (rc < 0)
        return bad(r, vp->line, why);
    if (rc == 1 && !strchr(text, '*'))
        return bad(r, vp->line, "a pattern without '*' (the verb)");
    char code[16], mirror[8];
    int swap = 0;
    if (read_code(r, vp->line, vp->code, code, sizeof(code), mirror,
                  sizeof(mirror), &swap))
        return r->err->code;
    if (strcmp(code, "---") == 0 && mirror[0]) {
        /* "[---:b]": only the other side's act, as "[:b]" */
        memcpy(code, mirror, sizeof(mirror));
        mirror[0] = '\0';
        swap = 1;
    }
    int none = strcmp(code, "---") == 0;
    if (!none && !known_code(t, code))
        return evg_error_set(r->err, EVG_EPARSE,
                             "%s:%zu: unknown CAMEO code '%s'", r->name,
                             vp->line, code);
    if (mirror[0] && !known_code(t, mirror))
        return evg_error_set(r->err, EVG_EPARSE,
                             "%s:%zu: unknown CAMEO code '%s'", r->name,
                             vp->line, mirror);
    char full[24];
    snprintf(full, sizeof(full), "%s%s%s", code, mirror[0] ? ":" : "",
             mirror);
    if (rc == 1) {
        (*skipped)++;
        return 0;
    }
    size_t verb = ne;
    for (size_t i = 0; i < ne; i++)
        if (el[i].kind == E_VERB) {
            if (verb != ne)
                return bad(r, vp->line, "a pattern with two '*'");
            verb = i;
        }
    if (verb == ne)
        return bad(r, vp->line, "a pattern without '*' (the verb)");
    /* a synonym set not defined before: PETRARCH ignores the pattern */
    for (size_t i = 0; i < ne; i++)
        if (el[i].kind == E_CLASS &&
            !evg_events__class(t, el[i].text, strlen(el[i].text))) {
            (*skipped)++;
            return 0;
        }
    /* before the verb: only the subject's role; a word there ("&MILITARY
     * *", "PROSECUTOR *") is a constraint our patterns cannot state */
    const char *src[EVG_PAT_TARGETS], *tgt[EVG_PAT_TARGETS];
    size_t ns = 0, nt = 0;
    for (size_t i = 0; i < verb; i++) {
        if (el[i].kind == E_SOURCE)
            role(src, &ns, EVG_ROLE_SUBJ);
        else if (el[i].kind == E_TARGET)
            role(tgt, &nt, EVG_ROLE_SUBJ);
        else if (el[i].kind != E_SKIP) {
            (*skipped)++;
            return 0;
        }
    }
    /* after it: words with gaps between, roles where "$" and "+" stand */
    const char *tail[ELEMS_MAX * 2];
    size_t nl = 0;
    const char *last_word = NULL;
    for (size_t i = verb + 1; i < ne; i++) {
        const elem *x = &el[i];
        if (x->kind == E_SOURCE || x->kind == E_TARGET) {
            const char *place = last_word && evg_events__role_prep(r->preps, last_word)
                                    ? last_word
                                    : EVG_ROLE_OBJ;
            if (x->kind == E_SOURCE)
                role(src, &ns, place);
            else
                role(tgt, &nt, place);
            last_word = NULL;
            continue;
        }
        if (x->kind == E_SKIP || x->kind == E_VERB) {
            last_word = NULL;
            continue;
        }
        if (nl + 2 > sizeof(tail) / sizeof(*tail)) {
            (*skipped)++;
            return 0;
        }
        if (!x->glued || !nl)
            tail[nl++] = "_";
        tail[nl++] = x->text;
        last_word = x->text;
    }
    /* no "+": the object, or the subject when "$" stands after the verb
     * ("* LOAN (FROM $)": the one who obtains the loan) */
    if (!nt) {
        int subj_src = !ns;
        for (size_t i = 0; i < ns; i++)
            subj_src |= strcmp(src[i], EVG_ROLE_SUBJ) == 0;
        role(tgt, &nt, subj_src ? EVG_ROLE_OBJ : EVG_ROLE_SUBJ);
    }
    if (swap) {
        /* "[:code]": the event goes the other way */
        const char *a[EVG_PAT_TARGETS];
        size_t na = ns;
        memcpy(a, src, ns * sizeof(*a));
        if (!ns)
            a[na++] = EVG_ROLE_SUBJ;
        ns = nt;
        memcpy(src, tgt, nt * sizeof(*src));
        nt = na;
        memcpy(tgt, a, na * sizeof(*tgt));
    }
    for (size_t v = 0; v < b->n_verbs; v++) {
        const vd_verb *vb = &b->verbs[v];
        for (size_t f = 0; f <= vb->n_forms; f++) {
            const char *words[EVG_PAT_WORDS];
            size_t nw = 0;
            if (vb->n_words + nl > EVG_PAT_WORDS) {
                (*skipped)++;
                break;
            }
            words[nw++] = f ? vb->forms[f - 1] : vb->words[0];
            for (size_t k = 1; k < vb->n_words; k++)
                words[nw++] = vb->words[k];
            for (size_t k = 0; k < nl; k++)
                words[nw++] = tail[k];
            if ((rc = evg_events__add_pattern(
                     t, words, nw, none ? "-" : full, src, ns, tgt, nt,
                     none ? EVG_TK_NONE : EVG_TK_VERB, EVG_PRIO_PETRARCH,
                     r->name, vp->line, r->err)))
                return rc;
        }
    }
    return 0;
}

/* Emits a block: its verbs alone (with their code, else the block's) and
 * its patterns. */
static int emit_block(vd_reader *r, evg_triggers *t, vd_block *b,
                      size_t *skipped)
{
    int rc = 0;
    for (size_t v = 0; v < b->n_verbs && !rc; v++) {
        vd_verb *vb = &b->verbs[v];
        char code[8], mirror[8];
        int own = vb->code[0] != '\0';
        memcpy(code, own ? vb->code : b->code, sizeof(code));
        memcpy(mirror, own ? vb->mirror : b->mirror, sizeof(mirror));
        int swap = own ? vb->swap : b->swap;
        if (strcmp(code, "---") == 0 && mirror[0]) {
            memcpy(code, mirror, sizeof(mirror));
            mirror[0] = '\0';
            swap = 1;
        }
        if (strcmp(code, "---") == 0 || !code[0])
            continue;
        if (!known_code(t, code) || (mirror[0] && !known_code(t, mirror)))
            return evg_error_set(r->err, EVG_EPARSE,
                                 "%s:%zu: unknown CAMEO code '%s'", r->name,
                                 vb->line,
                                 known_code(t, code) ? mirror : code);
        char full[24];
        snprintf(full, sizeof(full), "%s%s%s", code, mirror[0] ? ":" : "",
                 mirror);
        /* the verb alone: subject -> object; "[:b]" the other way */
        static const char *const obj[] = {EVG_ROLE_OBJ};
        static const char *const subj[] = {EVG_ROLE_SUBJ};
        for (size_t f = 0; f <= vb->n_forms && !rc; f++) {
            const char *words[4];
            for (size_t k = 0; k < vb->n_words; k++)
                words[k] = vb->words[k];
            if (f)
                words[0] = vb->forms[f - 1];
            rc = evg_events__add_pattern(t, words, vb->n_words, full,
                                         swap ? obj : NULL, swap ? 1 : 0,
                                         swap ? subj : obj, 1, EVG_TK_VERB,
                                         EVG_PRIO_PETRARCH, r->name, vb->line,
                                         r->err);
        }
    }
    for (size_t i = 0; i < b->n_pats && !rc; i++)
        rc = emit_pattern(r, t, b, &b->pats[i], skipped);
    for (size_t i = 0; i < b->n_pats; i++)
        free(b->pats[i].text);
    b->n_pats = 0;
    b->n_verbs = 0;
    return rc;
}

/* Reads a verb line: "ASK [020]", "SPEED {SPEEDING SPEEDS SPED}",
 * "+ASK_FOR {+ASKED_FOR ...} [020]". */
static int read_verb(vd_reader *r, const evg_triggers *t, char *l,
                     vd_verb *v)
{
    memset(v, 0, sizeof(*v));
    v->line = r->line;
    char *br = strchr(l, '[');
    if (br) {
        if (read_code(r, r->line, br, v->code, sizeof(v->code), v->mirror,
                      sizeof(v->mirror), &v->swap))
            return r->err->code;
        *br = '\0';
    }
    char *brace = strchr(l, '{');
    char *forms = NULL;
    if (brace) {
        char *close = strchr(brace, '}');
        if (!close)
            return bad(r, r->line, "'{' without '}'");
        *close = '\0';
        *brace = '\0';
        forms = brace + 1;
    }
    char *w = l;
    while (*w == ' ' || *w == '+')
        w++;
    char *e = w + strlen(w);
    while (e > w && e[-1] == ' ')
        *--e = '\0';
    if (!*w || strchr(w, ' '))
        return bad(r, r->line, "expected a verb ('SAY', '+ASK_FOR') and its "
                               "forms '{...}'");
    unscore(w);
    for (char *p = w; *p;) {
        char *s = strchr(p, ' ');
        if (s)
            *s = '\0';
        if (v->n_words == 4 || strlen(p) > EVG_LEMMA_MAX)
            return bad(r, r->line, "verb too long");
        memcpy(v->words[v->n_words++], p, strlen(p) + 1);
        p = s ? s + 1 : p + strlen(p);
    }
    /* irregular forms our lemmatizer does not map onto the verb become
     * heads of their own */
    for (char *p = forms; p && *p;) {
        while (*p == ' ' || *p == '+')
            p++;
        if (!*p)
            break;
        char *s = p;
        while (*s && *s != ' ')
            s++;
        char f[LINE_MAX_BYTES];
        size_t n = (size_t)(s - p);
        memcpy(f, p, n);
        f[n] = '\0';
        p = s;
        char *u = strchr(f, '_');
        if (u)
            *u = '\0';
        lower(f);
        n = strlen(f);
        if (!n || n > EVG_LEMMA_MAX || v->n_forms == FORMS_MAX)
            continue;
        char lem[EVG_LEMMAS_MAX][EVG_LEMMA_MAX + 1];
        size_t nl = evg_events__lemmas(f, n, lem);
        int known = 0;
        for (size_t k = 0; k < nl; k++)
            known |= strcmp(lem[k], v->words[0]) == 0;
        if (!known)
            memcpy(v->forms[v->n_forms++], f, n + 1);
    }
    (void)t;
    return 0;
}

int evg_extract__petrarch_verbs_detect(const char *data, size_t len)
{
    /* a block header "---  NAME  [code]  ---" among the first 3000 lines */
    size_t i = 0, lines = 0;
    while (i < len && lines < 3000) {
        size_t eol = i;
        while (eol < len && data[eol] != '\n')
            eol++;
        const char *l = data + i;
        size_t n = eol - i;
        if (n > 8 && memcmp(l, "---", 3) == 0 && memchr(l, '[', n) &&
            memchr(l, ']', n)) {
            size_t e = n;
            while (e && (l[e - 1] == ' ' || l[e - 1] == '\r' ||
                         l[e - 1] == '\t'))
                e--;
            if (e > 6 && memcmp(l + e - 3, "---", 3) == 0)
                return 1;
        }
        i = eol + 1;
        lines++;
    }
    return 0;
}

int evg_extract__petrarch_verbs_add(evg_triggers *t, const char *data,
                                    size_t len, const char *name,
                                    size_t *skipped, evg_error *err)
{
    size_t skip = 0;
    vd_reader r = {data, name ? name : "<verbs>", len, 0, 0, 0, err, NULL};
    vd_block b = {0};
    vd_set set = {0};
    int rc = 0, in_block = 0, too_long;
    char l[LINE_MAX_BYTES];
    if (!(b.verbs = malloc(VERBS_MAX * sizeof(*b.verbs))))
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    int rc_set = evg_events__load_lemmas(err);
    if (!rc_set)
        rc_set = evg_words_list("role_prepositions.words", 0, &r.preps, NULL,
                                err);
    if (rc_set) {
        free(b.verbs);
        return rc_set;
    }
    while (!rc && next_line(&r, l, sizeof(l), &too_long)) {
        if (too_long) {
            rc = bad(&r, r.line, "line too long");
            break;
        }
        if (!l[0])
            continue; /* a synonym set's phrases may be spread out */
        if (l[0] == '&') {
            if ((rc = set_flush(&r, t, &set)))
                break;
            size_t n = strlen(l);
            if (strchr(l, ' ') || n > EVG_LEMMA_MAX) {
                rc = bad(&r, r.line, "a synonym set is named '&NAME'");
                break;
            }
            memcpy(set.name, l, n + 1);
            lower(set.name);
            set.line = r.line;
            continue;
        }
        if (set.name[0] && l[0] == '+') {
            if (evg_reserve(&set.phrases, &set.cap, set.n + 1,
                            sizeof(*set.phrases), 16) ||
                !(set.phrases[set.n] = malloc(strlen(l)))) {
                rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
                break;
            }
            memcpy(set.phrases[set.n], l + 1, strlen(l));
            unscore(set.phrases[set.n]);
            set.n++;
            continue;
        }
        if ((rc = set_flush(&r, t, &set)))
            break;
        if (memcmp(l, "---", 3) == 0) {
            size_t n = strlen(l);
            if (n < 7 || memcmp(l + n - 3, "---", 3) != 0) {
                /* "####### VERB PATTERNS" style rulers are comments; a
                 * header must end with "---" too */
                rc = bad(&r, r.line,
                         "a block header is '--- NAME [code] ---'");
                break;
            }
            if (in_block && (rc = emit_block(&r, t, &b, &skip)))
                break;
            in_block = 1;
            memcpy(b.code, "---", 4);
            b.mirror[0] = '\0';
            b.swap = 0;
            char *br = strchr(l, '[');
            if (br && read_code(&r, r.line, br, b.code, sizeof(b.code),
                                b.mirror, sizeof(b.mirror), &b.swap)) {
                rc = err->code;
                break;
            }
            continue;
        }
        if (l[0] == '~') {
            skip++; /* a transformation of nested events */
            continue;
        }
        if (!in_block) {
            rc = bad(&r, r.line,
                     "a verb or pattern before the first '--- NAME [code] "
                     "---' block");
            break;
        }
        if (l[0] == '-') {
            char *br = strrchr(l, '[');
            if (!br) {
                rc = bad(&r, r.line, "a pattern without its '[code]'");
                break;
            }
            if (evg_reserve(&b.pats, &b.cap_pats, b.n_pats + 1,
                            sizeof(*b.pats), 16)) {
                rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
                break;
            }
            vd_pat *p = &b.pats[b.n_pats];
            size_t cl = strlen(br);
            if (cl >= sizeof(p->code)) {
                rc = bad(&r, r.line, "bad CAMEO code in '[...]'");
                break;
            }
            memcpy(p->code, br, cl + 1);
            *br = '\0';
            if (!(p->text = malloc(strlen(l)))) {
                rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
                break;
            }
            memcpy(p->text, l + 1, strlen(l));
            p->line = r.line;
            b.n_pats++;
            continue;
        }
        if (b.n_verbs == VERBS_MAX) {
            rc = bad(&r, r.line, "more than 512 verbs in a block");
            break;
        }
        rc = read_verb(&r, t, l, &b.verbs[b.n_verbs]);
        if (!rc)
            b.n_verbs++;
    }
    if (!rc)
        rc = set_flush(&r, t, &set);
    if (!rc && in_block)
        rc = emit_block(&r, t, &b, &skip);
    if (!rc && !in_block)
        rc = evg_error_set(err, EVG_EPARSE,
                           "%s: no '--- NAME [code] ---' verb block", r.name);
    set_clear(&set);
    for (size_t i = 0; i < b.n_pats; i++)
        free(b.pats[i].text);
    free(b.pats);
    free(b.verbs);
    if (skipped)
        *skipped = skip;
    if (rc)
        return rc;
    return evg_events__lexicon_done(t, err);
}
