/* Datelines: the first line of a wire story often says when and where it was
 * filed. Recognized forms (first stage of the pipeline):
 *   date 2019-05-23 TOKYO (Sputnik) -        the seed's own form
 *   WASHINGTON, May 23, 2019 (Reuters) -     wire style, date optional
 *   LONDON (AP) —                            place and source only
 *   May 23, 2019 / 2019-05-23 / 23 May 2019  a first line that is a date
 * They give the document creation time (DCT, unless an option or the
 * record's metadata already did), the place and the source. */
#include <ctype.h>
#include <string.h>

#include "core.h"
#include "dateline.h"
#include "words.h"

/* The dateline's word lists (extract/data/): the twelve months in order
 * and the days of the week. */
static const char *const *months;
static const char *const *days;

static const evg_words_use uses[] = {
    {"months.words", EVG_WORDS_COUNT(12), &months, NULL},
    {"weekdays.words", 0, &days, NULL}};
static evg_words_set lists = EVG_WORDS_SET(uses);

/* A real date (the calendar is core/date.c's: 29 February only in leap
 * years), in the years a dateline may name. */
static int valid_ymd(int y, int m, int d)
{
    return y >= 1000 && y <= 9999 && d >= 1 &&
           d <= evg_date_days_in_month(y, m);
}

/* Writes "YYYY-MM-DD" (the values are checked by valid_ymd). */
static void fmt_date(char out[11], int y, int m, int d)
{
    out[0] = (char)('0' + y / 1000 % 10);
    out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10);
    out[3] = (char)('0' + y % 10);
    out[4] = '-';
    out[5] = (char)('0' + m / 10 % 10);
    out[6] = (char)('0' + m % 10);
    out[7] = '-';
    out[8] = (char)('0' + d / 10 % 10);
    out[9] = (char)('0' + d % 10);
    out[10] = '\0';
}

static size_t skip_sp(const char *t, size_t n, size_t i)
{
    while (i < n && (t[i] == ' ' || t[i] == '\t'))
        i++;
    return i;
}

/* Digits at t[i..]: value in *v (at most `max` digits); returns the end. */
static size_t digits(const char *t, size_t n, size_t i, int max, int *v)
{
    size_t j = i;
    *v = 0;
    while (j < n && j - i < (size_t)max && isdigit((unsigned char)t[j]))
        *v = *v * 10 + (t[j++] - '0');
    if (j < n && isdigit((unsigned char)t[j]))
        return i; /* too many digits */
    return j;
}

/* A month name or its abbreviation ("Jan.", "Sept") at t[i..]: 1-12 and
 * the end in *end, or 0. */
static int month_at(const char *t, size_t n, size_t i, size_t *end)
{
    size_t j = i;
    while (j < n && isalpha((unsigned char)t[j]))
        j++;
    size_t len = j - i;
    if (len < 3)
        return 0;
    for (int m = 0; m < 12; m++) {
        size_t ml = strlen(months[m]);
        if (len > ml)
            continue;
        size_t k = 0;
        while (k < len && tolower((unsigned char)t[i + k]) == months[m][k])
            k++;
        if (k == len && (len == ml || len == 3 || (m == 8 && len == 4))) {
            if (j < n && t[j] == '.' && len < ml)
                j++;
            *end = j;
            return m + 1;
        }
    }
    return 0;
}

/* A date at t[i..]: ISO "2019-05-23", "May 23, 2019", "23 May 2019", with
 * an optional weekday first ("Thursday, May 23, 2019"). Writes
 * "YYYY-MM-DD" (or "" when the year is missing) and returns the end, or i
 * when there is no date. */
static size_t date_at(const char *t, size_t n, size_t i, char out[11])
{
    int y = 0, m = 0, d = 0;
    size_t j;
    out[0] = '\0';
    /* ISO */
    j = digits(t, n, i, 4, &y);
    if (j == i + 4 && j < n && t[j] == '-') {
        size_t k = digits(t, n, j + 1, 2, &m);
        if (k == j + 3 && k < n && t[k] == '-') {
            size_t e = digits(t, n, k + 1, 2, &d);
            if (e == k + 3 && valid_ymd(y, m, d)) {
                fmt_date(out, y, m, d);
                return e;
            }
        }
        return i;
    }
    /* weekday */
    size_t p = i;
    for (int w = 0; days[w]; w++) {
        size_t dl = strlen(days[w]);
        if (p + dl <= n) {
            size_t k = 0;
            while (k < dl && tolower((unsigned char)t[p + k]) == days[w][k])
                k++;
            if (k == dl) {
                p = skip_sp(t, n, p + dl + (p + dl < n && t[p + dl] == ','));
                break;
            }
        }
    }
    size_t me;
    if ((m = month_at(t, n, p, &me))) {
        /* May 23, 2019 */
        size_t k = skip_sp(t, n, me);
        size_t e = digits(t, n, k, 2, &d);
        if (e == k)
            return i;
        size_t after_day = e;
        if (e < n && t[e] == ',')
            e++;
        e = skip_sp(t, n, e);
        size_t ye = digits(t, n, e, 4, &y);
        if (ye == e + 4 && valid_ymd(y, m, d)) {
            fmt_date(out, y, m, d);
            return ye;
        }
        return d >= 1 && d <= 31 ? after_day : i;
    }
    /* 23 May 2019 */
    j = digits(t, n, p, 2, &d);
    if (j > p && j < n && t[j] == ' ' && (m = month_at(t, n, j + 1, &me))) {
        size_t e = skip_sp(t, n, me);
        if (e < n && t[e] == ',')
            e = skip_sp(t, n, e + 1);
        size_t ye = digits(t, n, e, 4, &y);
        if (ye == e + 4 && valid_ymd(y, m, d)) {
            fmt_date(out, y, m, d);
            return ye;
        }
    }
    return i;
}

/* A dash ending a dateline: "-", "--", en or em dash, or ":". Returns
 * the end, or i. */
static size_t dash_at(const char *t, size_t n, size_t i)
{
    if (i < n && t[i] == '-')
        return i + 1 < n && t[i + 1] == '-' ? i + 2 : i + 1;
    if (i + 2 < n && (unsigned char)t[i] == 0xe2 &&
        (unsigned char)t[i + 1] == 0x80 &&
        ((unsigned char)t[i + 2] == 0x93 || (unsigned char)t[i + 2] == 0x94))
        return i + 3;
    if (i < n && (t[i] == ':' || t[i] == '_'))
        return i + 1; /* "_" is the old AP dash: "BAGHDAD, Iraq (AP)_" */
    return i;
}

/* Capitalized words ("Iraq", "Calif.") at t[i..] followed by " (": the
 * second part of "BAGHDAD, Iraq (AP)"; returns the end or i. */
static size_t region_at(const char *t, size_t n, size_t i)
{
    size_t j = i, last = i;
    while (j < n && isupper((unsigned char)t[j])) {
        j++;
        while (j < n && (isalpha((unsigned char)t[j]) || t[j] == '.'))
            j++;
        last = j;
        if (j + 1 < n && t[j] == ' ' && isupper((unsigned char)t[j + 1]))
            j++;
        else
            break;
    }
    size_t k = skip_sp(t, n, last);
    return last > i && k < n && t[k] == '(' ? last : i;
}

/* An upper-case place at t[i..] ("WASHINGTON", "NEW DELHI", "ST. LOUIS");
 * returns its end (trailing spaces trimmed), or i. */
static size_t place_at(const char *t, size_t n, size_t i)
{
    size_t j = i, last = i;
    int letters = 0;
    while (j < n) {
        unsigned char c = (unsigned char)t[j];
        if (isupper(c)) {
            letters++;
            j++;
            last = j;
        } else if (c >= 0x80) {
            /* non-ASCII letters in a place name: accept, they have no case
             * test here */
            j++;
            last = j;
        } else if (c == '.' && letters && isupper((unsigned char)t[j - 1])) {
            j++;
            last = j; /* D.C. */
        } else if ((c == ' ' || c == '-' || c == '\'') && letters) {
            j++;
        } else {
            break;
        }
    }
    if (letters < 2)
        return i;
    /* the place must not run into a lower-case word */
    if (last < n && islower((unsigned char)t[last]))
        return i;
    return last;
}

static int set_place(evg_doc *doc, const char *t, size_t s, size_t e)
{
    while (e > s && (t[e - 1] == ' ' || t[e - 1] == ','))
        e--;
    if (e > s && !doc->place && !(doc->place = evg_doc_strndup(doc, t + s, e - s)))
        return EVG_ENOMEM;
    return 0;
}

static void set_dct(evg_doc *doc, const char *date)
{
    if (!doc->dct[0] && date[0]) {
        memcpy(doc->dct, date, 11);
        doc->dct_source = EVG_DCT_DATELINE;
    }
}

/* "(Reuters)" at t[i..]: the name's span in [*ss, *se), returns the end
 * or i. */
static size_t source_at(const char *t, size_t n, size_t i, size_t *ss,
                        size_t *se)
{
    if (i >= n || t[i] != '(')
        return i;
    size_t e = i + 1;
    while (e < n && e - i < 80 && t[e] != ')' && t[e] != '\n')
        e++;
    if (e >= n || t[e] != ')' || e == i + 1)
        return i;
    *ss = i + 1;
    *se = e;
    return e + 1;
}

static int set_source(evg_doc *doc, size_t ss, size_t se)
{
    if (se > ss && !doc->source &&
        !(doc->source = evg_doc_strndup(doc, doc->text + ss, se - ss)))
        return EVG_ENOMEM;
    return 0;
}

int evg_extract__dateline(evg_doc *doc, size_t *body, evg_error *err)
{
    const char *t = doc->text;
    size_t n = doc->text_len, i = 0;
    *body = 0;
    int rc = evg_words_load(&lists, err);
    if (rc || !t)
        return rc;
    while (i < n && isspace((unsigned char)t[i]))
        i++;
    if (i + 3 <= n && memcmp(t + i, "\xef\xbb\xbf", 3) == 0)
        i += 3; /* byte order mark */
    size_t eol = i;
    while (eol < n && t[eol] != '\n')
        eol++;
    char date[11];

    /* "date 2019-05-23 TOKYO (Sputnik) -" */
    if (n - i > 5 && strncmp(t + i, "date ", 5) == 0) {
        size_t p = date_at(t, n, skip_sp(t, n, i + 5), date);
        if (p == skip_sp(t, n, i + 5) || !date[0])
            return 0;
        set_dct(doc, date);
        p = skip_sp(t, n, p);
        size_t pl = p;
        while (p < eol && t[p] != '(' && dash_at(t, n, p) == p)
            p++;
        if ((rc = set_place(doc, t, pl, p)))
            goto done;
        size_t ss = 0, se = 0;
        p = skip_sp(t, n, source_at(t, n, p, &ss, &se));
        if ((rc = set_source(doc, ss, se)))
            goto done;
        p = dash_at(t, n, p);
        *body = skip_sp(t, n, p);
        goto done;
    }

    /* a first line that is only a date */
    size_t de = date_at(t, n, i, date);
    if (de > i && date[0]) {
        size_t k = skip_sp(t, n, de);
        if (k < n && t[k] == '\r')
            k++;
        if (k >= n || t[k] == '\n') {
            set_dct(doc, date);
            *body = k;
            goto done;
        }
    }

    /* "WASHINGTON, May 23, 2019 (Reuters) -", "LONDON (AP) —" */
    size_t pe = place_at(t, n, i);
    if (pe == i)
        goto done;
    size_t p = skip_sp(t, n, pe);
    char d2[11] = "";
    if (p < n && t[p] == ',') {
        size_t q = skip_sp(t, n, p + 1);
        size_t e = date_at(t, n, q, d2);
        if (e == q) {
            /* "WASHINGTON, D.C. (AP) -": a second place part */
            size_t e2 = place_at(t, n, q);
            if (e2 == q)
                e2 = region_at(t, n, q);
            if (e2 == q)
                goto done;
            pe = e2;
            p = skip_sp(t, n, e2);
            if (p < n && t[p] == ',') {
                q = skip_sp(t, n, p + 1);
                e = date_at(t, n, q, d2);
                if (e == q)
                    goto done;
                p = skip_sp(t, n, e);
            }
        } else {
            p = skip_sp(t, n, e);
        }
    }
    size_t before_src = p, ss = 0, se = 0;
    p = skip_sp(t, n, source_at(t, n, p, &ss, &se));
    size_t de2 = dash_at(t, n, p);
    if (de2 == p || (p == before_src && !d2[0] && t[p] == ':'))
        goto done; /* no dash: not a dateline (a heading, a sentence) */
    if ((rc = set_place(doc, t, i, pe)) || (rc = set_source(doc, ss, se)))
        goto done;
    if (d2[0])
        set_dct(doc, d2);
    *body = skip_sp(t, n, de2);
done:
    if (rc)
        return evg_error_set(err, rc, "out of memory");
    return 0;
}
