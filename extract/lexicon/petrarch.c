/* Readers of the TABARI/PETRARCH dictionary formats: .actors files (a
 * phrase, its '+' synonyms and its codes, some restricted to dates), the
 * agents file (sector nouns that combine with a country: "Iraqi police" is
 * IRQCOP) and the discard list, into the gazetteer. The shipped Phoenix
 * dictionaries (extract/petrarch/) are read here at load time, under our
 * own gazetteer files; --dict files of these formats are recognized by
 * their lines (evg_extract__dict_format). docs/input.md has the rules. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "gazetteer.h"
#include "triggers.h"
#include "words.h"

#define PHRASE_MAX 255
#define CODE_MAX 15
#define SUBST_MAX 32
#define SUBST_ITEMS 32

static const char *const builtin_actors[] = {
    "gazetteer_people.actors", "Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt", NULL};
static const char builtin_agents[] = "Phoenix.agents.txt";
static const char builtin_discards[] = "Phoenix.discards.txt";

/* ---- sectors ---- */

static const char *const *sectors;
static size_t n_sectors;

static int cmp_word(const void *a, const void *b)
{
    return strcmp((const char *)a, *(const char *const *)b);
}

int evg_gz__is_sector(const char *s)
{
    char w[4];
    for (int i = 0; i < 3; i++)
        w[i] = (char)tolower((unsigned char)s[i]);
    w[3] = '\0';
    return sectors && bsearch(w, sectors, n_sectors, sizeof(*sectors),
                              cmp_word) != NULL;
}

static const char *const *connectors; /* name_connectors.words */

static int load_sectors(evg_error *err)
{
    int rc = evg_words_list("actor_sectors.words", EVG_WORDS_SORTED, &sectors,
                            &n_sectors, err);
    if (!rc)
        rc = evg_words_list("name_connectors.words", 0, &connectors, NULL,
                            err);
    return rc;
}

/* ---- lines ---- */

typedef struct reader {
    const char *data, *name;
    size_t len, pos;
    long line;
    int in_comment; /* inside a multi-line <!-- --> comment */
    evg_error *err;
} reader;

/* The next line without its comments ('#', ';', <!-- -->) and outer
 * blanks at the end; *lead tells whether it began with a blank. Returns
 * 0 at the end of the data. */
static int next_line(reader *r, const char **out, size_t *n, int *lead)
{
    while (r->pos < r->len) {
        size_t s = r->pos, e = s;
        while (e < r->len && r->data[e] != '\n')
            e++;
        r->pos = e + 1;
        r->line++;
        const char *l = r->data + s;
        size_t m = e - s;
        if (r->in_comment) {
            const char *c = NULL;
            for (size_t i = 0; i + 2 < m + 0 && !c; i++)
                if (l[i] == '-' && l[i + 1] == '-' && l[i + 2] == '>')
                    c = l + i;
            if (!c)
                continue;
            r->in_comment = 0;
            m -= (size_t)(c + 3 - l);
            l = c + 3;
        }
        for (size_t i = 0; i < m; i++) {
            if (l[i] == '#' || l[i] == ';') {
                m = i;
                break;
            }
            if (i + 3 < m && memcmp(l + i, "<!--", 4) == 0) {
                int closed = 0;
                for (size_t j = i + 4; j + 2 < m; j++)
                    if (memcmp(l + j, "-->", 3) == 0)
                        closed = 1;
                r->in_comment = !closed;
                m = i;
                break;
            }
        }
        while (m && (l[m - 1] == ' ' || l[m - 1] == '\t' || l[m - 1] == '\r'))
            m--;
        if (!m)
            continue;
        *lead = l[0] == ' ' || l[0] == '\t';
        while (*lead && m && (l[0] == ' ' || l[0] == '\t')) {
            l++;
            m--;
        }
        *out = l;
        *n = m;
        return 1;
    }
    return 0;
}

static int bad(reader *r, const char *what)
{
    if (r->err)
        r->err->line = r->line;
    return evg_error_set(r->err, EVG_EPARSE, "%s:%ld: %s", r->name, r->line,
                         what);
}

/* A dictionary phrase ("GEORGE_W._BUSH_", "US PREsident") as the news
 * writes it: underscores become spaces, each word capitalized as a name
 * ("George W. Bush") when `title`, else lower case. Returns its length, 0
 * when empty or too long. */
static const char *const *connectors;
static size_t phrase_text(const char *s, size_t n, int title, char *out)
{
    size_t k = 0;
    int start = 1;
    while (n && (s[n - 1] == '_' || s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    while (n && (s[0] == '_' || s[0] == ' ' || s[0] == '\t')) {
        s++;
        n--;
    }
    for (size_t i = 0; i < n; i++) {
        char c = s[i] == '_' || s[i] == '\t' ? ' ' : s[i];
        if (c == ' ' && k && out[k - 1] == ' ')
            continue;
        if (k >= PHRASE_MAX)
            return 0;
        unsigned char u = (unsigned char)c;
        if (isalpha(u))
            c = (char)(title && start ? toupper(u) : tolower(u));
        out[k++] = c;
        start = c == ' ' || c == '-' || c == '(' || c == '/' ||
                (c == '.' && i + 1 < n && s[i + 1] != '_' && s[i + 1] != ' ');
    }
    out[k] = '\0';
    if (title) {
        /* "Pope John Paul II", "Abdullah II": a regnal number after a
         * name stays in capitals */
        size_t w = k;
        while (w > 0 && out[w - 1] != ' ')
            w--;
        int roman = w > 0 && k - w <= 5;
        for (size_t i = w; i < k && roman; i++)
            roman = strchr("iIvVxX", out[i]) != NULL;
        for (size_t i = w; i < k && roman; i++)
            out[i] = (char)toupper((unsigned char)out[i]);
    }
    if (title && connectors) {
        /* "Department of State": the small words inside a name */
        for (size_t i = 1; i < k; i++) {
            if (out[i - 1] != ' ')
                continue;
            size_t e = i;
            while (e < k && out[e] != ' ')
                e++;
            for (const char *const *w = connectors; *w; w++)
                if (strlen(*w) == e - i && !strncasecmp(out + i, *w, e - i))
                    out[i] = (char)tolower((unsigned char)out[i]);
        }
    }
    return k;
}

/* ---- codes ---- */

typedef struct code {
    char country[4], sector[4];
    int32_t from, to;
    int dated;
} code;

/* YYMMDD (00-30: 20YY, else 19YY) or YYYYMMDD, read as TABARI and
 * PETRARCH read them: up to 7 digits are YYMMDD (the first 6 count), 8 or
 * more YYYYMMDD (the first 8 count). */
static int parse_date(const char *s, size_t n, int32_t *out)
{
    if (n < 6 || n > 12)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return -1;
    size_t use = n <= 7 ? 6 : 8;
    long v = 0;
    for (size_t i = 0; i < use; i++)
        v = v * 10 + (s[i] - '0');
    if (use == 6)
        v += (v / 10000 <= 30 ? 20000000L : 19000000L);
    long m = v / 100 % 100, d = v % 100;
    if (m < 1 || m > 12 || d < 1 || d > 31)
        return -1;
    *out = (int32_t)v;
    return 0;
}

/* A code such as USAGOVLEG: the country (or IGO/NGO/IMG...) and the first
 * later part that is a sector; a lone sector ("ELI") has no country. */
static void split_code(const char *c, size_t n, code *out)
{
    memset(out->country, 0, 4);
    memset(out->sector, 0, 4);
    if (n == 3 && evg_gz__is_sector(c)) {
        memcpy(out->country, "---", 3);
        memcpy(out->sector, c, 3);
        return;
    }
    memcpy(out->country, c, 3);
    for (size_t i = 3; i + 3 <= n; i += 3)
        if (evg_gz__is_sector(c + i)) {
            memcpy(out->sector, c + i, 3);
            return;
        }
}

/* Reads "[CODE]", "[CODE YYMMDD-YYMMDD]", "[CODE <DATE]", "[CODE >DATE]"
 * groups from `s` (n bytes) into codes[]; for agents, `agent` accepts
 * "[~CODE]" and "[CODE~]" (then *tilde: 1 before, 2 after). */
static int parse_codes(reader *r, const char *s, size_t n, code *codes,
                       size_t *nc, size_t max, int agent, int *tilde)
{
    size_t i = 0, groups = 0;
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == '\t'))
            i++;
        if (i >= n)
            break;
        if (s[i] != '[' && groups)
            break; /* notes after the codes ("Newspapers/Magazines") */
        if (s[i] != '[')
            return bad(r, "expected '[CODE]' or '[CODE DATE-DATE]'");
        groups++;
        size_t close = i + 1;
        while (close < n && s[close] != ']')
            close++;
        if (close >= n && agent) {
            /* "[~ENV}": a slip PETRARCH's own files make */
            close = i + 1;
            while (close < n && s[close] != '}')
                close++;
        }
        if (close >= n)
            return bad(r, "'[' without its ']'");
        const char *c = s + i + 1;
        size_t cl = close - i - 1;
        while (cl && (*c == ' ' || *c == '\t')) {
            c++;
            cl--;
        }
        int t = 0;
        if (agent && cl && c[0] == '~') {
            t = 1;
            c++;
            cl--;
        }
        size_t w = 0;
        while (w < cl && (isupper((unsigned char)c[w]) ||
                          isdigit((unsigned char)c[w]) || c[w] == '-'))
            w++;
        size_t j = w;
        if (agent && !t && j < cl && c[j] == '~') {
            t = 2;
            j++;
        }
        if (w < 3 || w > CODE_MAX)
            return bad(r, "a code is 3 to 15 capital letters ('USAGOV', "
                          "'IGOUNO', '---')");
        if (agent && !t)
            return bad(r, "an agent's code is '[~CODE]' or '[CODE~]'");
        if (agent)
            *tilde = t;
        if (*nc >= max)
            return bad(r, "too many codes for one actor");
        code *o = &codes[*nc];
        memset(o, 0, sizeof(*o));
        split_code(c, w, o);
        while (j < cl && (c[j] == ' ' || c[j] == '\t'))
            j++;
        if (j < cl) {
            if (agent)
                return bad(r, "an agent's code has no dates");
            const char *d = c + j;
            size_t dl = cl - j, k = 0;
            while (dl && (d[dl - 1] == ' ' || d[dl - 1] == '\t'))
                dl--;
            if (d[0] == '<' || d[0] == '>') {
                k = 1;
                while (k < dl && d[k] == ' ')
                    k++;
                int32_t v;
                if (parse_date(d + k, dl - k, &v))
                    return bad(r, "bad date in a restriction (YYMMDD or "
                                  "YYYYMMDD)");
                if (d[0] == '<')
                    o->to = v;
                else
                    o->from = v;
            } else if (!memchr(d, '-', dl)) {
                /* a lone date: the code holds from then on */
                if (parse_date(d, dl, &o->from))
                    return bad(r, "bad date in a restriction (YYMMDD or "
                                  "YYYYMMDD)");
            } else {
                const char *dash = memchr(d, '-', dl);
                if (parse_date(d, (size_t)(dash - d), &o->from) ||
                    parse_date(dash + 1, dl - (size_t)(dash + 1 - d), &o->to))
                    return bad(r, "bad date restriction (expected "
                                  "'DATE-DATE', '<DATE' or '>DATE', dates "
                                  "YYMMDD or YYYYMMDD)");
                /* one that ends before it begins (the Phoenix files
                 * hold a few) never holds, as in PETRARCH */
            }
            o->dated = 1;
        }
        (*nc)++;
        i = close + 1;
    }
    return 0;
}

/* ---- .actors ---- */

typedef struct span {
    const char *s;
    size_t n;
} span;

typedef struct block {
    span *ph;
    size_t nph, cph;
    code codes[64];
    size_t nc;
    long line;
} block;

/* What an actor's phrases are, from its code: a country's own block (its
 * first phrase is a country our gazetteer knows) holds its name, then the
 * places and spellings that stand for it; an actor with dated codes is a
 * person holding offices; else the sector decides. */
static unsigned class_of(const code *c, int primary, int dated,
                         int country_block)
{
    if (country_block)
        return primary ? EVG_GZ_COUNTRY : EVG_GZ_CITY;
    if (dated)
        return EVG_GZ_PERSON;
    if (!memcmp(c->country, "IGO", 3))
        return EVG_GZ_IGO;
    const char *s = c->sector;
    if (s[0]) {
        static const char *const gov[] = {"GOV", "MIL", "LEG", "JUD", "COP",
                                          "SPY", NULL};
        static const char *const grp[] = {"REB", "OPP", "PTY", "INS", "SEP",
                                          "UAF", "CRM", NULL};
        for (const char *const *p = gov; *p; p++)
            if (!memcmp(s, *p, 3))
                return EVG_GZ_GOV;
        for (const char *const *p = grp; *p; p++)
            if (!memcmp(s, *p, 3))
                return EVG_GZ_GROUP;
        if (!memcmp(s, "MED", 3) || !memcmp(s, "JRN", 3))
            return EVG_GZ_MEDIA;
        return EVG_GZ_ORG;
    }
    if (!memcmp(c->country, "IMG", 3))
        return EVG_GZ_GROUP;
    if (!memcmp(c->country, "NGO", 3) || !memcmp(c->country, "MNC", 3))
        return EVG_GZ_ORG;
    return primary ? EVG_GZ_COUNTRY : EVG_GZ_CITY;
}

/* Is `a` a spelling of `b` (edit distance at most one in five letters)?
 * "Afganistan" is Afghanistan; "Kandahar" is not. */
static int spelling_of(const char *a, size_t an, const char *b, size_t bn)
{
    size_t lim = (bn < an ? an : bn) / 5;
    if (lim < 1)
        lim = 1;
    if (an > 64 || bn > 64 || (an > bn ? an - bn : bn - an) > lim)
        return 0;
    size_t row[65];
    for (size_t j = 0; j <= bn; j++)
        row[j] = j;
    for (size_t i = 1; i <= an; i++) {
        size_t diag = row[0], best;
        row[0] = best = i;
        for (size_t j = 1; j <= bn; j++) {
            size_t up = row[j];
            size_t v = diag + (tolower((unsigned char)a[i - 1]) !=
                               tolower((unsigned char)b[j - 1]));
            if (up + 1 < v)
                v = up + 1;
            if (row[j - 1] + 1 < v)
                v = row[j - 1] + 1;
            row[j] = v;
            diag = up;
            if (v < best)
                best = v;
        }
        if (best > lim)
            return 0;
    }
    return row[bn] <= lim;
}

static int flush_block(reader *r, evg_gazetteer *g, block *b)
{
    int dated = 0, rc = 0;
    for (size_t i = 0; i < b->nc; i++)
        dated |= b->codes[i].dated;
    char buf[PHRASE_MAX + 1], first[PHRASE_MAX + 1];
    size_t firstn = 0;
    const char *pname = NULL;
    int country_block = 0;
    for (size_t p = 0; p < b->nph && !rc; p++) {
        size_t n = phrase_text(b->ph[p].s, b->ph[p].n, 1, buf);
        if (n > 4 && !strncasecmp(buf, "the ", 4)) {
            /* "THE_WHITE_HOUSE": the finder reads the article itself */
            memmove(buf, buf + 4, n - 3);
            n -= 4;
        }
        if (!n)
            continue;
        if (p == 0) {
            memcpy(first, buf, n + 1);
            firstn = n;
            /* a country our gazetteer names: its name, and its block */
            for (size_t i = 0; i < b->nc && !pname; i++)
                pname = evg_gz__name_of(g, buf, n, EVG_GZ_COUNTRY,
                                        b->codes[i].country);
            country_block = pname != NULL;
            if (!pname && !(pname = evg_gz__strndup(g, buf, n)))
                return evg_error_set(r->err, EVG_ENOMEM, "out of memory");
        }
        if (p == 0 && country_block) {
            /* a country is coded as the country it is now, as our
             * gazetteer codes it, not as the state it belonged to then
             * ("[SCGSRB 920428-060605]"): its undated code, else the
             * open-ended one */
            size_t k = 0, undated = 0;
            for (size_t i = 0; i < b->nc; i++)
                undated += !b->codes[i].dated;
            for (size_t i = 0; i < b->nc; i++) {
                code c = b->codes[i];
                if (c.dated && (undated || c.to))
                    continue;
                c.dated = 0;
                c.from = c.to = 0;
                b->codes[k++] = c;
            }
            b->nc = k;
            dated = 0;
        }
        /* a place in a country is itself; a spelling of the country's
         * name is the country */
        int spelling = p > 0 && spelling_of(buf, n, first, firstn);
        const char *name = pname;
        if (p > 0 && country_block && !spelling &&
            !(name = evg_gz__strndup(g, buf, n)))
            return evg_error_set(r->err, EVG_ENOMEM, "out of memory");
        /* "US President", "US military": our finder reads a country
         * and a title or role word itself, and then goes on to the
         * name after them ("US President Donald Trump") */
        char up[PHRASE_MAX + 1];
        for (size_t q = 0; q <= n; q++)
            up[q] = (char)toupper((unsigned char)buf[q]);
        if (!country_block && evg_gz__composed(g, buf, up, n))
            continue;
        /* a phrase our gazetteer has is read as ours says, except the
         * dated codes of people, which the dates choose among */
        if (!dated && p > 0 && evg_gz__has(g, buf, n))
            continue;
        if (p == 0 && !country_block && !dated) {
            /* a body our gazetteer names keeps our name */
            for (size_t q = 0; q < b->nph && q < 8; q++) {
                char alt[PHRASE_MAX + 1];
                size_t an = phrase_text(b->ph[q].s, b->ph[q].n, 1, alt);
                const char *ours = an ? evg_gz__name_of(g, alt, an, 0,
                                                        b->nc ? b->codes[0].country
                                                              : "---")
                                      : NULL;
                if (ours) {
                    pname = name = ours;
                    break;
                }
            }
        }
        int office = dated && evg_gz__opens_with(g, buf, n,
                                                  EVG_GZ_BIT(EVG_GZ_TITLE));
        for (size_t i = 0; i < b->nc && !rc; i++) {
            const code *c = &b->codes[i];
            if (!memcmp(c->country, "---", 3) && !c->sector[0])
                continue; /* the null code: nothing to say then */
            /* a multinational (MNC) is coded by the country the text
             * gives it ("China Eastern Airlines": CHNBUS), as our finder
             * does; the Phoenix MNC entries are left out */
            if (!memcmp(c->country, "MNC", 3))
                continue;
            evg_gz_add a = {0};
            a.phrase = buf;
            a.len = n;
            a.cls = class_of(c, p == 0 || spelling, dated, country_block);
            a.country = c->country;
            a.sector = c->sector;
            a.name = name;
            /* a name needs its capital; an office held by turns does not
             * ("the chief executive of Nordax", "president Halvard") */
            a.capfirst = !office;
            a.dated = c->dated ? EVG_GZ_DATED
                               : dated ? EVG_GZ_OTHERWISE : EVG_GZ_ALWAYS;
            a.from = c->from;
            a.to = c->to;
            rc = evg_gz__add(g, &a);
        }
    }
    if (rc == EVG_ELIMIT) {
        r->line = b->line;
        return bad(r, "phrase too long");
    }
    if (rc)
        return evg_error_set(r->err, rc, "out of memory");
    b->nph = 0;
    b->nc = 0;
    return 0;
}

static int push_phrase(block *b, const char *s, size_t n)
{
    if (evg_reserve(&b->ph, &b->cph, b->nph + 1, sizeof(*b->ph), 16))
        return EVG_ENOMEM;
    b->ph[b->nph].s = s;
    b->ph[b->nph].n = n;
    b->nph++;
    return 0;
}

static int read_actors(reader *r, evg_gazetteer *g)
{
    block b;
    memset(&b, 0, sizeof(b));
    int open = 0, rc = 0;
    const char *l;
    size_t n;
    int lead;
    while (!rc && next_line(r, &l, &n, &lead)) {
        const char *br = memchr(l, '[', n);
        size_t pl = br ? (size_t)(br - l) : n;
        if (lead && l[0] == '[') {
            if (!open) {
                rc = bad(r, "a code line before any actor");
                break;
            }
            rc = parse_codes(r, l, n, b.codes, &b.nc, 64, 0, NULL);
            continue;
        }
        int syn = l[0] == '+' || lead; /* an indented phrase: a synonym */
        if (syn) {
            size_t skip = l[0] == '+';
            if (!open) {
                rc = bad(r, "a synonym before any actor");
                break;
            }
            if (pl <= skip) {
                rc = bad(r, "an empty '+' synonym");
                break;
            }
            if ((rc = push_phrase(&b, l + skip, pl - skip)) != 0) {
                rc = evg_error_set(r->err, rc, "out of memory");
                break;
            }
        } else {
            if (open && (rc = flush_block(r, g, &b)))
                break;
            if (!pl) {
                rc = bad(r, "a code without its actor's phrase");
                break;
            }
            open = 1;
            b.line = r->line;
            if ((rc = push_phrase(&b, l, pl)) != 0) {
                rc = evg_error_set(r->err, rc, "out of memory");
                break;
            }
        }
        if (br)
            rc = parse_codes(r, br, n - pl, b.codes, &b.nc, 64, 0, NULL);
    }
    if (!rc && open)
        rc = flush_block(r, g, &b);
    free(b.ph);
    return rc;
}

/* ---- agents ---- */

typedef struct subst {
    char name[32];
    char items[SUBST_ITEMS][48];
    size_t n;
} subst;

/* Adds one agent phrase: 0, 1 when our gazetteer has it (left out), or
 * an error. */
static int add_agent(reader *r, evg_gazetteer *g, const char *s, size_t n,
                     const code *c, int tilde)
{
    char buf[PHRASE_MAX + 1];
    size_t k = phrase_text(s, n, 0, buf);
    if (!k)
        return bad(r, "an agent phrase too long or empty");
    if (evg_gz__has(g, buf, k))
        return 1; /* our gazetteer says what the word is (and its plural:
                   * "Presidents Anton Weber" is a title) */
    const char *name = evg_gz__strndup(g, buf, k);
    if (!name)
        return evg_error_set(r->err, EVG_ENOMEM, "out of memory");
    evg_gz_add a = {0};
    a.phrase = buf;
    a.len = k;
    a.cls = EVG_GZ_ROLE;
    char country[4] = "---", sector[4] = "";
    if (tilde == 2) {
        memcpy(country, c->country, 3); /* "NGO~": the code goes first */
    } else {
        /* "~GOVFRM": after the country, its first part is the sector */
        memcpy(sector, c->country[0] == '-' ? c->sector : c->country, 3);
    }
    a.country = country;
    a.sector = sector;
    a.name = name;
    int rc = evg_gz__add(g, &a);
    if (rc == EVG_ELIMIT)
        return bad(r, "phrase too long");
    if (rc)
        return evg_error_set(r->err, rc, "out of memory");
    return 0;
}

/* The regular English plural of the phrase's last word (TABARI adds S,
 * IES after a consonant and Y, ES after S, SH, CH, X). */
static size_t plural(const char *s, size_t n, char *out)
{
    while (n && (s[n - 1] == '_' || s[n - 1] == ' '))
        n--;
    if (!n || n + 3 > PHRASE_MAX)
        return 0;
    memcpy(out, s, n);
    char a = (char)toupper((unsigned char)s[n - 1]);
    char b = n > 1 ? (char)toupper((unsigned char)s[n - 2]) : 0;
    if (a == 'Y' && b && !strchr("AEIOU", b)) {
        memcpy(out + n - 1, "IES", 3);
        return n + 2;
    }
    if (a == 'S' || a == 'X' || (a == 'H' && (b == 'S' || b == 'C'))) {
        memcpy(out + n, "ES", 2);
        return n + 2;
    }
    out[n] = 'S';
    return n + 1;
}

static int read_agents(reader *r, evg_gazetteer *g)
{
    subst *subs = calloc(SUBST_MAX, sizeof(*subs));
    size_t nsubs = 0;
    if (!subs)
        return evg_error_set(r->err, EVG_ENOMEM, "out of memory");
    const char *l;
    size_t n;
    int lead, rc = 0;
    while (!rc && next_line(r, &l, &n, &lead)) {
        const char *eq = memchr(l, '=', n);
        if (l[0] == '!' && eq) {
            /* !PERSON! = MAN, MEN, WOMAN */
            const char *e2 = memchr(l + 1, '!', (size_t)(eq - l - 1));
            if (!e2 || (size_t)(e2 - l + 1) >= sizeof(subs->name) ||
                nsubs >= SUBST_MAX) {
                rc = bad(r, "a substitution set is '!NAME! = A, B, ...'");
                break;
            }
            subst *sb = &subs[nsubs++];
            memcpy(sb->name, l, (size_t)(e2 - l + 1));
            const char *p = eq + 1, *end = l + n;
            while (p < end && !rc) {
                const char *q = p;
                while (q < end && *q != ',')
                    q++;
                const char *a = p, *z = q;
                while (a < z && (*a == ' ' || *a == '\t'))
                    a++;
                while (z > a && (z[-1] == ' ' || z[-1] == '\t'))
                    z--;
                if (z > a) {
                    if (sb->n >= SUBST_ITEMS ||
                        (size_t)(z - a) >= sizeof(sb->items[0]))
                        rc = bad(r, "substitution set too long");
                    else {
                        memcpy(sb->items[sb->n], a, (size_t)(z - a));
                        sb->items[sb->n++][z - a] = '\0';
                    }
                }
                p = q + 1;
            }
            continue;
        }
        const char *br = memchr(l, '[', n);
        if (!br)
            continue; /* a phrase without a code says nothing (PETRARCH) */
        code c;
        size_t nc = 0;
        int tilde = 0;
        if ((rc = parse_codes(r, br, n - (size_t)(br - l), &c, &nc, 1, 1,
                              &tilde)))
            break;
        const char *brace = memchr(l, '{', (size_t)(br - l));
        size_t pl = (size_t)((brace ? brace : br) - l);
        while (pl && (l[pl - 1] == ' ' || l[pl - 1] == '\t'))
            pl--;
        if (!pl) {
            rc = bad(r, "an agent code without its phrase");
            break;
        }
        /* a substitution marker: one phrase per item, no plurals */
        const char *m1 = memchr(l, '!', pl);
        if (m1) {
            const char *m2 = memchr(m1 + 1, '!', pl - (size_t)(m1 + 1 - l));
            subst *sb = NULL;
            for (size_t i = 0; m2 && i < nsubs && !sb; i++)
                if (strlen(subs[i].name) == (size_t)(m2 - m1 + 1) &&
                    !memcmp(subs[i].name, m1, (size_t)(m2 - m1 + 1)))
                    sb = &subs[i];
            if (!sb) {
                rc = bad(r, "a '!NAME!' substitution not defined before "
                            "its use");
                break;
            }
            for (size_t i = 0; i < sb->n && !rc; i++) {
                char buf[PHRASE_MAX + 1];
                size_t a = (size_t)(m1 - l), il = strlen(sb->items[i]);
                size_t rest = pl - (size_t)(m2 + 1 - l);
                if (a + il + rest > PHRASE_MAX) {
                    rc = bad(r, "phrase too long");
                    break;
                }
                memcpy(buf, l, a);
                memcpy(buf + a, sb->items[i], il);
                memcpy(buf + a + il, m2 + 1, rest);
                rc = add_agent(r, g, buf, a + il + rest, &c, tilde);
                rc = rc > 0 ? 0 : rc;
            }
            continue;
        }
        if ((rc = add_agent(r, g, l, pl, &c, tilde)) != 0) {
            if (rc > 0)
                rc = 0; /* ours: no plural either */
            continue;
        }
        if (brace) {
            const char *close = memchr(brace, '}', (size_t)(br - brace));
            if (!close) {
                rc = bad(r, "'{' without its '}'");
                break;
            }
            const char *p = brace + 1;
            while (p < close && !rc) {
                while (p < close && (*p == ' ' || *p == ','))
                    p++;
                const char *q = p;
                while (q < close && *q != ' ' && *q != ',')
                    q++;
                if (q > p && (rc = add_agent(r, g, p, (size_t)(q - p), &c,
                                             tilde)) > 0)
                    rc = 0;
                p = q;
            }
        } else {
            char buf[PHRASE_MAX + 1];
            size_t k = plural(l, pl, buf);
            if (k && (rc = add_agent(r, g, buf, k, &c, tilde)) > 0)
                rc = 0;
        }
    }
    free(subs);
    return rc;
}

/* ---- discards ---- */

int evg_gz__add_discard(evg_gazetteer *g, const char *s, size_t n, int story,
                        int word);

/* Phrases of the built-in discard list left out (discards_skipped.words,
 * sorted, lower case), or NULL while reading a user's list. */
static const char *const *disc_skip;
static size_t n_disc_skip;

static int read_discards(reader *r, evg_gazetteer *g, int builtin)
{
    const char *l;
    size_t n;
    int lead, rc = 0;
    while (!rc && next_line(r, &l, &n, &lead)) {
        int story = l[0] == '+';
        const char *s = l + story;
        size_t m = n - (size_t)story;
        while (m && (*s == ' ' || *s == '\t')) {
            s++;
            m--;
        }
        if (memchr(s, '[', m))
            return bad(r, "a discard line is a phrase, '+' first for the "
                          "whole story");
        int word = m && s[m - 1] == '_';
        char buf[PHRASE_MAX + 1];
        size_t k = phrase_text(s, m, 0, buf);
        if (!k)
            return bad(r, "an empty or too long discard phrase");
        if (builtin && disc_skip &&
            bsearch(buf, disc_skip, n_disc_skip, sizeof(*disc_skip),
                    cmp_word))
            continue;
        rc = evg_gz__add_discard(g, buf, k, story, word);
        if (rc)
            return evg_error_set(r->err, rc, "out of memory");
    }
    return rc;
}

/* ---- formats ---- */

static int ci_contains(const char *h, const char *needle)
{
    size_t nl = strlen(needle);
    for (; h && *h; h++) {
        size_t i = 0;
        while (i < nl && h[i] &&
               tolower((unsigned char)h[i]) == needle[i])
            i++;
        if (i == nl)
            return 1;
    }
    return 0;
}

evg_dict_format evg_extract__dict_format(const char *data, size_t len,
                                         const char *name)
{
    static const char tag[] = "#evgraph:triggers";
    if (len >= sizeof(tag) - 1 && memcmp(data, tag, sizeof(tag) - 1) == 0)
        return EVG_DICT_TRIGGERS;
    if (evg_extract__petrarch_verbs_detect(data, len))
        return EVG_DICT_VERBS;
    reader r = {data, name, len, 0, 0, 0, NULL};
    const char *l;
    size_t n;
    int lead, seen = 0, codes = 0;
    while (seen < 500 && next_line(&r, &l, &n, &lead)) {
        /* ours: a tab, then a lower-case class word, then a tab */
        const char *t = memchr(l, '\t', n);
        if (t && !seen) {
            size_t k = (size_t)(t - l) + 1, c = k;
            while (c < n && islower((unsigned char)l[c]))
                c++;
            if (c > k && (c == n || l[c] == '\t'))
                return EVG_DICT_GAZETTEER;
        }
        seen++;
        const char *br = memchr(l, '[', n);
        if (br && br + 1 < l + n && (br[1] == '~' || memchr(br, '~', (size_t)(l + n - br))))
            return EVG_DICT_AGENTS;
        if (l[0] == '!' && memchr(l, '=', n))
            return EVG_DICT_AGENTS;
        if (br)
            codes++;
    }
    if (codes)
        return EVG_DICT_ACTORS;
    if (!seen)
        return EVG_DICT_GAZETTEER; /* only comments: nothing to add */
    if (name && ci_contains(name, "discard"))
        return EVG_DICT_DISCARDS;
    return EVG_DICT_UNKNOWN;
}

const char *evg_extract__dict_format_name(evg_dict_format f)
{
    switch (f) {
    case EVG_DICT_GAZETTEER:
        return "gazetteer";
    case EVG_DICT_TRIGGERS:
        return "trigger lexicon";
    case EVG_DICT_ACTORS:
        return "PETRARCH actors";
    case EVG_DICT_AGENTS:
        return "PETRARCH agents";
    case EVG_DICT_DISCARDS:
        return "PETRARCH discards";
    case EVG_DICT_VERBS:
        return "PETRARCH verbs";
    default:
        return "unknown";
    }
}

int evg_extract__petrarch_add(evg_gazetteer *g, evg_dict_format f,
                              const char *data, size_t len, const char *name,
                              evg_error *err)
{
    int rc = load_sectors(err);
    if (rc)
        return rc;
    reader r = {data, name ? name : "<dictionary>", len, 0, 0, 0, err};
    switch (f) {
    case EVG_DICT_ACTORS:
        return read_actors(&r, g);
    case EVG_DICT_AGENTS:
        return read_agents(&r, g);
    case EVG_DICT_DISCARDS:
        return read_discards(&r, g, 0);
    default:
        return evg_error_set(err, EVG_EINVAL, "%s: not a PETRARCH dictionary",
                             r.name);
    }
}

int evg_extract__petrarch_builtin(evg_gazetteer *g, evg_error *err)
{
    for (const char *const *f = builtin_actors; *f; f++) {
        const evg_embedded *e = evg_extract__embedded(*f);
        if (!e)
            return evg_error_set(err, EVG_EDEP,
                                 "built-in dictionary %s is missing", *f);
        int rc = evg_extract__petrarch_add(g, EVG_DICT_ACTORS, e->data, e->len,
                                           *f, err);
        if (rc)
            return rc;
    }
    const evg_embedded *e = evg_extract__embedded(builtin_agents);
    if (!e)
        return evg_error_set(err, EVG_EDEP,
                             "built-in dictionary %s is missing",
                             builtin_agents);
    int rc = evg_extract__petrarch_add(g, EVG_DICT_AGENTS, e->data, e->len,
                                       builtin_agents, err);
    if (rc)
        return rc;
    /* the discard list, but for the phrases of discards_skipped.words */
    if (!(e = evg_extract__embedded(builtin_discards)))
        return evg_error_set(err, EVG_EDEP,
                             "built-in dictionary %s is missing",
                             builtin_discards);
    if ((rc = evg_words_list("discards_skipped.words", EVG_WORDS_SORTED,
                             &disc_skip, &n_disc_skip, err)))
        return rc;
    reader r = {e->data, builtin_discards, e->len, 0, 0, 0, err};
    return read_discards(&r, g, 1);
}
