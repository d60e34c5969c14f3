/* Private helpers shared by every module: arena, growable buffer, UTF-8
 * decoding and text escaping. Not part of the public API. */
#ifndef EVG_CORE_H
#define EVG_CORE_H

#include <stddef.h>
#include <stdint.h>

#include "evgraph/error.h"

/* Arena: many small allocations freed at once. */
typedef struct evg_arena evg_arena;

evg_arena *evg_arena_new(void);
/* An arena whose first block holds `first` bytes (what the caller expects
 * to need; later blocks grow as usual). */
evg_arena *evg_arena_new_sized(size_t first);
void evg_arena_free(evg_arena *a);
/* Zeroed, 16-byte aligned memory, or NULL on out-of-memory. */
void *evg_arena_alloc(evg_arena *a, size_t n);
/* The same without zeroing (for memory the caller fills). */
void *evg_arena_alloc_raw(evg_arena *a, size_t n);
char *evg_arena_strndup(evg_arena *a, const char *s, size_t n);
/* Frees `p` (malloc'd) with the arena; 0, or -1 on out-of-memory (then
 * `p` is the caller's still). */
int evg_arena_adopt(evg_arena *a, void *p);
/* Appends a zeroed element of `size` bytes to an arena-backed array whose
 * fields are `*items_ptr` (a `T **`), `*n` and `*cap`, doubling it when
 * full; returns the element, or NULL on out-of-memory. Earlier element
 * pointers stay valid only until the array grows. */
void *evg_arena_push(evg_arena *a, void *items_ptr, size_t *n, size_t *cap,
                     size_t size);
/* Makes room for `need` elements of `size` bytes in a malloc'd array whose
 * fields are `*items_ptr` (a `T **`) and `*cap`: the capacity doubles from
 * `first` (or from `*cap`) until it holds `need`, and new room is zeroed.
 * EVG_ENOMEM leaves the array as it was. */
int evg_reserve(void *items_ptr, size_t *cap, size_t need, size_t size,
                size_t first);
/* evg_reserve without zeroing the new room: the pages of a big array
 * become resident only when they are written. */
int evg_reserve_raw(void *items_ptr, size_t *cap, size_t need, size_t size,
                    size_t first);
/* 32-bit FNV-1a of `n` bytes, for the small hash tables of the stages. */
static inline uint32_t evg_fnv32(const void *p, size_t n)
{
    const unsigned char *s = p;
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ s[i]) * 16777619u;
    return h;
}
/* Bytes handed out so far (for limits and benchmarks). */
size_t evg_arena_used(const evg_arena *a);

/* Growable byte buffer with a cap; always NUL-terminated once non-empty. */
typedef struct evg_buf {
    char *data;
    size_t len;
    size_t cap;
    size_t max;   /* 0: no cap */
    int failed;   /* sticky: an append ran out of memory or past `max` */
} evg_buf;

void evg_buf_init(evg_buf *b, size_t max);
void evg_buf_dispose(evg_buf *b);
int evg_buf_append(evg_buf *b, const char *s, size_t n);
int evg_buf_puts(evg_buf *b, const char *s);
int evg_buf_putc(evg_buf *b, char c);
int evg_buf_printf(evg_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Hands the buffer's memory to the caller (NUL-terminated) and resets `b`. */
char *evg_buf_steal(evg_buf *b, size_t *len);

/* Escapes `s` (`n` bytes, valid UTF-8) for XML text and attribute values. */
int evg_buf_xml(evg_buf *b, const char *s, size_t n);
/* Escapes for a JSON string body (no quotes added). */
int evg_buf_json(evg_buf *b, const char *s, size_t n);

/* Calendar: days since 1970-01-01 and back, month lengths, and strict
 * "YYYY-MM-DD" parsing (real dates only; returns 1 if valid). */
long evg_date_days(int y, int m, int d);
void evg_date_civil(long days, int *y, int *m, int *d);
int evg_date_days_in_month(int y, int m);
int evg_date_parse(const char *s, int *y, int *m, int *d);

/* qsort that accepts an empty array (qsort's base must never be NULL). */
void evg_sort(void *base, size_t n, size_t size,
              int (*cmp)(const void *, const void *));

/* Decodes one UTF-8 code point at s[*i] (bounded by n), advancing *i; returns
 * the code point, or -1 (advancing one byte) on an invalid sequence. */
int32_t evg_utf8_next(const char *s, size_t n, size_t *i);

/* Copies `s` into a malloc'd string that is valid UTF-8 with control
 * characters (other than tab and newline) replaced by spaces; invalid bytes
 * become U+FFFD. Returns NULL on out-of-memory. */
char *evg_text_clean(const char *s, size_t n);

/* The public options structs begin with `size_t size`, which their _init
 * function sets to sizeof the struct as the caller compiled it. Copies the
 * caller's `given` over `full` (holding this library's defaults), only the
 * bytes the caller's version of the struct has, so a program built against
 * older headers keeps working when fields are added. EVG_EINVAL (message
 * naming `what`, e.g. "evg_graph_opts") when `size` is 0 (never
 * initialised) or larger than this library's struct. */
int evg_opts_adopt(void *full, size_t full_size, const void *given,
                   const char *what, evg_error *err);

#endif
