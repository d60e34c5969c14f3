/* Datelines: the first line of a wire story often says when and where it was
 * filed ("date 2019-05-23 TOKYO (Sputnik) -"). This gives the document
 * creation time (DCT), the place and the source. */
#include <ctype.h>
#include <string.h>

#include "internal.h"

/* Parses "YYYY-MM-DD" at s (n bytes available). */
static int iso_date_at(const char *s, size_t n, char out[11])
{
    if (n < 10)
        return 0;
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7) {
            if (s[i] != '-')
                return 0;
        } else if (!isdigit((unsigned char)s[i])) {
            return 0;
        }
    }
    if (n > 10 && isdigit((unsigned char)s[10]))
        return 0;
    memcpy(out, s, 10);
    out[10] = '\0';
    return 1;
}

int evg_extract__dateline(evg_doc *doc, size_t *body, evg_error *err)
{
    (void)err;
    const char *t = doc->text;
    size_t n = doc->text_len, i = 0;
    *body = 0;
    while (i < n && isspace((unsigned char)t[i]))
        i++;
    /* "date 2019-05-23 PLACE (Source) -" */
    if (n - i > 5 && strncmp(t + i, "date ", 5) == 0) {
        char dct[11];
        if (!iso_date_at(t + i + 5, n - i - 5, dct))
            return 0;
        if (!doc->dct[0]) {
            memcpy(doc->dct, dct, 11);
            doc->dct_source = EVG_DCT_DATELINE;
        }
        size_t p = i + 15;
        while (p < n && t[p] == ' ')
            p++;
        size_t place = p;
        while (p < n && t[p] != '(' && t[p] != '\n' && t[p] != '-')
            p++;
        size_t place_end = p;
        while (place_end > place && t[place_end - 1] == ' ')
            place_end--;
        if (place_end > place &&
            !(doc->place = evg_doc_strndup(doc, t + place, place_end - place)))
            return EVG_ENOMEM;
        if (p < n && t[p] == '(') {
            size_t src = p + 1, e = src;
            while (e < n && t[e] != ')' && t[e] != '\n')
                e++;
            if (e < n && t[e] == ')') {
                if (!doc->source &&
                    !(doc->source = evg_doc_strndup(doc, t + src, e - src)))
                    return EVG_ENOMEM;
                p = e + 1;
            }
        }
        while (p < n && t[p] == ' ')
            p++;
        if (p < n && t[p] == '-')
            p++;
        *body = p;
    }
    return 0;
}
