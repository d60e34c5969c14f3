/* Private interfaces of the time-expression tagger: the word list
 * (timex_lex.c), calendar arithmetic and TimeML value formatting
 * (timex_cal.c) and the recognizer (timex.c and the parts listed in
 * timex_tagger.h). */
#ifndef EVG_EXTRACT_TIMEX_H
#define EVG_EXTRACT_TIMEX_H

#include <limits.h>
#include <stddef.h>

#include "core.h"
#include "evgraph/document.h"

/* The stage: finds and normalizes time expressions against doc->dct. */
int evg_extract__timexes(evg_doc *doc, evg_error *err);

/* Word classes of extract/data/timex.tsv; one word may have several. */
enum {
    TX_MONTH,
    TX_WDAY,
    TX_UNIT,
    TX_NUM,
    TX_ORD,
    TX_SEASON,
    TX_POD,
    TX_REL,
    TX_DAYREL,
    TX_REF,
    TX_SET,
    TX_FUZZY,
    TX_APPROX,
    TX_LESS,
    TX_MORE,
    TX_EQLESS,
    TX_POS,
    TX_FUT,
    TX_PAST,
    TX_AGO,
    TX_TZ,
    TX_FISCAL,
    TX_AMPM,
    TX_CLOCK,
    TX_LEAD, /* may begin an expression ("the", "every") */
    TX_NCLASS
};

/* Units (values of class "unit" and "set"). */
enum {
    TX_U_SEC = 1,
    TX_U_MIN,
    TX_U_HOUR,
    TX_U_DAY,
    TX_U_WEEK,
    TX_U_WEEKEND,
    TX_U_MONTH,
    TX_U_QUARTER,
    TX_U_YEAR,
    TX_U_DECADE,
    TX_U_CENTURY,
    TX_U_MILLENNIUM,
    TX_U_HALF
};

typedef struct tx_word {
    char word[16];
    unsigned cls;                /* 1u << TX_* */
    short val[TX_NCLASS];        /* value per class */
} tx_word;

/* The word `s` (`n` bytes, any case) or NULL. The table is built by
 * evg_timex__load_words() and lives until exit; thread-safe. */
const tx_word *evg_timex__lookup(const char *s, size_t n);

/* The tagger's word lists and the table of timex.tsv: reads them (once),
 * before evg_timex__lookup() may run; EVG_EPARSE, EVG_ENOMEM. */
int evg_timex__load_words(evg_error *err);
/* extract/data/NAME.words, NULL-terminated: words that follow an adverb,
 * not an adjective; month names of at most four letters; words that make
 * a bare month name a month; the decades, twenties to nineties, in order */
extern const char *const *evg_timex__function_words;
extern const char *const *evg_timex__short_months;
extern const char *const *evg_timex__month_cues;
extern const char *const *evg_timex__decades;
/* words before and after a four-digit number that make it no year; "the
 * same quarter", "the current quarter"; modals before "one day"; words
 * between a number and its unit ("five more days", "five trading days") */
extern const char *const *evg_timex__year_blockers_before;
extern const char *const *evg_timex__year_blockers_after;
extern const char *const *evg_timex__period_same;
extern const char *const *evg_timex__period_current;
extern const char *const *evg_timex__modals;
extern const char *const *evg_timex__duration_fillers;
extern const char *const *evg_timex__day_kinds;

/* Granularity of a value. */
enum {
    TX_G_NONE = 0,
    TX_G_MILLENNIUM,
    TX_G_CENTURY,
    TX_G_DECADE,
    TX_G_YEAR,
    TX_G_HALF,
    TX_G_QUARTER,
    TX_G_SEASON,
    TX_G_MONTH,
    TX_G_WEEK,
    TX_G_WEEKEND,
    TX_G_DAY,
    TX_G_TIME,
    TX_G_REF
};

#define TX_X INT_MIN /* unknown component: printed as X */

/* A TimeML value before it is printed. */
typedef struct tx_val {
    int type;     /* EVG_TIMEX_* */
    int gran;     /* TX_G_* for dates and times */
    int y, m, d;  /* year; month or half/quarter/season/week number; day */
    int wday;     /* 1..7 for "XXXX-WXX-4", else 0 */
    int pod;      /* part of day 1..5, or 0 */
    int hh, mi;   /* clock time, or -1 */
    int ref;      /* 1 PRESENT_REF, 2 PAST_REF, 3 FUTURE_REF */
    int n2;       /* duration in half units (5 = 2.5), TX_X when vague */
    int unit;     /* duration or set unit (TX_U_*) */
    const char *mod;
} tx_val;

/* Calendar helpers (proleptic Gregorian). */
long evg_timex__days(int y, int m, int d);
void evg_timex__civil(long days, int *y, int *m, int *d);
int evg_timex__mdays(int y, int m);
/* ISO weekday 1 (Monday) .. 7. */
int evg_timex__weekday(int y, int m, int d);
/* ISO week-year and week of a date. */
void evg_timex__isoweek(int y, int m, int d, int *wy, int *wn);
/* Monday of ISO week `wn` of week-year `wy`, as days. */
long evg_timex__week_monday(int wy, int wn);

/* Moves a DATE value by `n` of its own granularity (years, quarters ...). */
void evg_timex__shift(tx_val *v, int n);
/* Sets `v` to the period of granularity `gran` holding date y-m-d. */
void evg_timex__at(tx_val *v, int gran, int y, int m, int d);

/* Prints the TimeML value of `v` into `buf` (`cap` >= 32). */
void evg_timex__format(const tx_val *v, char *buf, size_t cap);
/* First and last day covered by a dated value, "YYYY-MM-DD"; returns 0
 * when the value has no calendar extent. */
int evg_timex__bounds(const tx_val *v, char lo[11], char hi[11]);

#endif
