/* Growable, capped byte buffers and the escaping every writer relies on. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"

void evg_buf_init(evg_buf *b, size_t max)
{
    memset(b, 0, sizeof(*b));
    b->max = max;
}

void evg_buf_dispose(evg_buf *b)
{
    if (!b)
        return;
    free(b->data);
    memset(b, 0, sizeof(*b));
}

int evg_reserve_raw(void *items_ptr, size_t *cap, size_t need, size_t size,
                    size_t first)
{
    void **items = items_ptr;
    if (need <= *cap)
        return 0;
    size_t ncap = *cap ? *cap : (first ? first : 1);
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2)
            return EVG_ENOMEM;
        ncap *= 2;
    }
    if (ncap > SIZE_MAX / size)
        return EVG_ENOMEM;
    void *p = realloc(*items, ncap * size);
    if (!p)
        return EVG_ENOMEM;
    *items = p;
    *cap = ncap;
    return 0;
}

int evg_reserve(void *items_ptr, size_t *cap, size_t need, size_t size,
                size_t first)
{
    void **items = items_ptr;
    size_t old = *cap;
    int rc = evg_reserve_raw(items_ptr, cap, need, size, first);
    if (!rc && *cap > old)
        memset((char *)*items + old * size, 0, (*cap - old) * size);
    return rc;
}

static int reserve(evg_buf *b, size_t extra)
{
    if (b->failed)
        return b->failed;
    if (extra > SIZE_MAX - b->len - 1) {
        b->failed = EVG_ENOMEM;
        return b->failed;
    }
    size_t need = b->len + extra + 1;
    if (b->max && need > b->max + 1) {
        b->failed = EVG_ELIMIT;
        return b->failed;
    }
    if (need <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *p = realloc(b->data, cap);
    if (!p) {
        b->failed = EVG_ENOMEM;
        return b->failed;
    }
    b->data = p;
    b->cap = cap;
    return 0;
}

int evg_buf_append(evg_buf *b, const char *s, size_t n)
{
    int rc = reserve(b, n);
    if (rc)
        return rc;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

int evg_buf_puts(evg_buf *b, const char *s)
{
    return evg_buf_append(b, s, strlen(s));
}

int evg_buf_putc(evg_buf *b, char c)
{
    return evg_buf_append(b, &c, 1);
}

int evg_buf_printf(evg_buf *b, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof(small), fmt, ap);
    va_end(ap);
    if (n < 0)
        return b->failed = EVG_EINVAL;
    if ((size_t)n < sizeof(small))
        return evg_buf_append(b, small, (size_t)n);
    int rc = reserve(b, (size_t)n);
    if (rc)
        return rc;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return 0;
}

char *evg_buf_steal(evg_buf *b, size_t *len)
{
    if (!b->data && reserve(b, 0) == 0)
        b->data[0] = '\0';
    char *p = b->data;
    if (len)
        *len = b->len;
    memset(b, 0, sizeof(*b));
    return p;
}

int evg_buf_xml(evg_buf *b, const char *s, size_t n)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        const char *rep = NULL;
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        case '\n': rep = "&#10;"; break;
        case '\t': rep = "&#9;"; break;
        default:
            if (c < 0x20 || c == 0x7f)
                rep = " ";
        }
        if (rep) {
            evg_buf_append(b, s + run, i - run);
            evg_buf_puts(b, rep);
            run = i + 1;
        }
    }
    return evg_buf_append(b, s + run, n - run);
}

int evg_buf_json(evg_buf *b, const char *s, size_t n)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        char esc[8];
        const char *rep = NULL;
        switch (c) {
        case '"': rep = "\\\""; break;
        case '\\': rep = "\\\\"; break;
        case '\n': rep = "\\n"; break;
        case '\r': rep = "\\r"; break;
        case '\t': rep = "\\t"; break;
        case '<': rep = "\\u003c"; break; /* safe inside <script> */
        case '>': rep = "\\u003e"; break;
        case '&': rep = "\\u0026"; break;
        default:
            if (c < 0x20 || c == 0x7f) {
                snprintf(esc, sizeof(esc), "\\u%04x", c);
                rep = esc;
            }
        }
        if (rep) {
            evg_buf_append(b, s + run, i - run);
            evg_buf_puts(b, rep);
            run = i + 1;
        }
    }
    return evg_buf_append(b, s + run, n - run);
}

void evg_sort(void *base, size_t n, size_t size,
              int (*cmp)(const void *, const void *))
{
    if (n > 1)
        qsort(base, n, size, cmp);
}
