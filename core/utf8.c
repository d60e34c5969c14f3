/* UTF-8 validation and cleaning: every text that reaches a writer passes
 * through here first, because cJSON and igraph copy bad bytes as they are. */
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "evgraph/io.h"

int32_t evg_utf8_next(const char *str, size_t n, size_t *i)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t p = *i;
    unsigned char c = s[p];
    int32_t cp;
    size_t len;
    if (c < 0x80) {
        *i = p + 1;
        return c;
    } else if (c >= 0xc2 && c <= 0xdf) {
        len = 2;
        cp = c & 0x1f;
    } else if (c >= 0xe0 && c <= 0xef) {
        len = 3;
        cp = c & 0x0f;
    } else if (c >= 0xf0 && c <= 0xf4) {
        len = 4;
        cp = c & 0x07;
    } else {
        *i = p + 1;
        return -1;
    }
    if (p + len > n) {
        *i = p + 1;
        return -1;
    }
    for (size_t k = 1; k < len; k++) {
        if ((s[p + k] & 0xc0) != 0x80) {
            *i = p + 1;
            return -1;
        }
        cp = (cp << 6) | (s[p + k] & 0x3f);
    }
    /* overlong forms, surrogates, beyond U+10FFFF */
    if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) {
        *i = p + 1;
        return -1;
    }
    *i = p + len;
    return cp;
}

int evg_utf8_valid(const char *s, size_t len, size_t *bad)
{
    size_t i = 0;
    while (i < len) {
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        size_t at = i;
        if (evg_utf8_next(s, len, &i) < 0) {
            if (bad)
                *bad = at;
            return 0;
        }
    }
    return 1;
}

char *evg_text_clean(const char *s, size_t n)
{
    evg_buf b;
    evg_buf_init(&b, 0);
    size_t i = 0;
    while (i < n) {
        size_t at = i;
        int32_t cp = evg_utf8_next(s, n, &i);
        if (cp < 0)
            evg_buf_puts(&b, "\xef\xbf\xbd");
        else if ((cp < 0x20 && cp != '\n' && cp != '\t') || cp == 0x7f ||
                 (cp >= 0x80 && cp < 0xa0) || cp == 0xfffe || cp == 0xffff)
            evg_buf_putc(&b, ' ');
        else
            evg_buf_append(&b, s + at, i - at);
    }
    if (b.failed) {
        evg_buf_dispose(&b);
        return NULL;
    }
    return evg_buf_steal(&b, NULL);
}
