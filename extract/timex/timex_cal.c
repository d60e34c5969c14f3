/* Calendar arithmetic for the time tagger: day numbers, ISO weeks, moving a
 * value by its own granularity, and printing TimeML values and calendar
 * bounds. */
#include <stdio.h>
#include <string.h>

#include "timex.h"

/* Day numbers come from core's calendar (days since 1970-01-01). */
long evg_timex__days(int y, int m, int d)
{
    return evg_date_days(y, m, d);
}

void evg_timex__civil(long z, int *y, int *m, int *d)
{
    evg_date_civil(z, y, m, d);
}

int evg_timex__mdays(int y, int m)
{
    int n = evg_date_days_in_month(y, m);
    return n ? n : 31;
}

int evg_timex__weekday(int y, int m, int d)
{
    long z = evg_timex__days(y, m, d); /* 1970-01-01 was a Thursday */
    long w = ((z % 7) + 7 + 3) % 7;    /* 0 = Monday */
    return (int)w + 1;
}

long evg_timex__week_monday(int wy, int wn)
{
    long jan4 = evg_timex__days(wy, 1, 4);
    long monday1 = jan4 - (evg_timex__weekday(wy, 1, 4) - 1);
    return monday1 + 7L * (wn - 1);
}

void evg_timex__isoweek(int y, int m, int d, int *wy, int *wn)
{
    long z = evg_timex__days(y, m, d);
    long thursday = z - (evg_timex__weekday(y, m, d) - 1) + 3;
    int ty, tm, td;
    evg_timex__civil(thursday, &ty, &tm, &td);
    *wy = ty;
    *wn = (int)((thursday - evg_timex__days(ty, 1, 1)) / 7 + 1);
}

static void shift_days(tx_val *v, long n)
{
    long z = evg_timex__days(v->y, v->m, v->d) + n;
    evg_timex__civil(z, &v->y, &v->m, &v->d);
}

/* Moves period number `v->m` (1..per) by n, carrying into the year. */
static void shift_period(tx_val *v, int n, int per)
{
    long k = (long)v->y * per + (v->m - 1) + n;
    long y = k >= 0 ? k / per : -((-k + per - 1) / per);
    v->y = (int)y;
    v->m = (int)(k - y * per) + 1;
}

void evg_timex__at(tx_val *v, int gran, int y, int m, int d)
{
    v->gran = gran;
    v->y = y;
    v->m = m;
    v->d = d;
    switch (gran) {
    case TX_G_MILLENNIUM:
        v->y = y / 1000 * 1000;
        break;
    case TX_G_CENTURY:
        v->y = y / 100 * 100;
        break;
    case TX_G_DECADE:
        v->y = y / 10 * 10;
        break;
    case TX_G_HALF:
        v->m = (m - 1) / 6 + 1;
        break;
    case TX_G_QUARTER:
        v->m = (m - 1) / 3 + 1;
        break;
    case TX_G_SEASON: /* winter belongs to the year of its December */
        v->m = m == 12 || m <= 2 ? 4 : (m - 3) / 3 + 1;
        if (m <= 2)
            v->y = y - 1;
        break;
    case TX_G_WEEK:
    case TX_G_WEEKEND:
        evg_timex__isoweek(y, m, d, &v->y, &v->m);
        break;
    default:
        break;
    }
}

void evg_timex__shift(tx_val *v, int n)
{
    if (v->y == TX_X)
        return;
    switch (v->gran) {
    case TX_G_MILLENNIUM:
        v->y += 1000 * n;
        break;
    case TX_G_CENTURY:
        v->y += 100 * n;
        break;
    case TX_G_DECADE:
        v->y += 10 * n;
        break;
    case TX_G_YEAR:
        v->y += n;
        break;
    case TX_G_HALF:
        shift_period(v, n, 2);
        break;
    case TX_G_QUARTER:
        shift_period(v, n, 4);
        break;
    case TX_G_SEASON:
        shift_period(v, n, 4);
        break;
    case TX_G_MONTH:
        shift_period(v, n, 12);
        break;
    case TX_G_WEEK:
    case TX_G_WEEKEND: {
        long z = evg_timex__week_monday(v->y, v->m) + 7L * n;
        int y, m, d;
        evg_timex__civil(z, &y, &m, &d);
        evg_timex__isoweek(y, m, d, &v->y, &v->m);
        break;
    }
    case TX_G_DAY:
    case TX_G_TIME:
        shift_days(v, n);
        break;
    default:
        break;
    }
}

static const char *const pods[] = {"", "MO", "AF", "EV", "NI", "DT"};
static const char *const seasons[] = {"", "SP", "SU", "FA", "WI"};

static void put_year(char *buf, size_t cap, int y)
{
    if (y == TX_X)
        snprintf(buf, cap, "XXXX");
    else
        snprintf(buf, cap, "%04d", y);
}

/* Each component prints as X when unknown: "XXXX-WXX", "XXXX-05-23". */
static void put2(char *buf, size_t cap, int v, int width)
{
    if (v == TX_X)
        snprintf(buf, cap, "%s", width == 1 ? "X" : "XX");
    else
        snprintf(buf, cap, "%0*d", width, v);
}

static void format_date(const tx_val *v, char *buf, size_t cap)
{
    char y[16], m[16], d[16];
    put_year(y, sizeof(y), v->y);
    put2(m, sizeof(m), v->m, 2);
    put2(d, sizeof(d), v->d, 2);
    int known = v->y != TX_X;
    switch (v->gran) {
    case TX_G_MILLENNIUM:
        snprintf(buf, cap, known ? "%d" : "X", known ? v->y / 1000 : 0);
        break;
    case TX_G_CENTURY:
        snprintf(buf, cap, known ? "%02d" : "XX", known ? v->y / 100 : 0);
        break;
    case TX_G_DECADE:
        snprintf(buf, cap, known ? "%03d" : "XXX", known ? v->y / 10 : 0);
        break;
    case TX_G_YEAR:
        snprintf(buf, cap, "%s", y);
        break;
    case TX_G_HALF:
    case TX_G_QUARTER:
        put2(m, sizeof(m), v->m, 1);
        snprintf(buf, cap, "%s-%c%s", y, v->gran == TX_G_HALF ? 'H' : 'Q', m);
        break;
    case TX_G_SEASON:
        snprintf(buf, cap, "%s-%s", y,
                 seasons[v->m >= 1 && v->m <= 4 ? v->m : 4]);
        break;
    case TX_G_MONTH:
        snprintf(buf, cap, "%s-%s", y, m);
        break;
    case TX_G_WEEK:
    case TX_G_WEEKEND:
        if (!known)
            snprintf(m, sizeof(m), "XX");
        if (v->wday)
            snprintf(buf, cap, "%s-W%s-%d", y, m, v->wday);
        else
            snprintf(buf, cap, "%s-W%s%s", y, m,
                     v->gran == TX_G_WEEKEND ? "-WE" : "");
        break;
    default: /* day, time */
        if (v->wday && !known)
            snprintf(buf, cap, "XXXX-WXX-%d", v->wday);
        else
            snprintf(buf, cap, "%s-%s-%s", y, m, d);
        break;
    }
}

static const char unit_letter[] = {0,   'S', 'M', 'H', 'D', 'W', 'D',
                                   'M', 'Q', 'Y', 'Y', 'Y', 'Y', 'M'};

static int unit_is_time(int unit)
{
    return unit >= TX_U_SEC && unit <= TX_U_HOUR;
}

/* Whole units and a half: 2.5 years -> P2Y6M, half an hour -> PT30M. */
static void format_duration(const tx_val *v, char *buf, size_t cap)
{
    int unit = v->unit;
    const char *t = unit_is_time(unit) ? "T" : "";
    if (unit == 0 && v->n2 == TX_X) {
        snprintf(buf, cap, "PXX"); /* "a while": no unit at all */
        return;
    }
    if (unit < TX_U_SEC || unit > TX_U_HALF)
        unit = TX_U_YEAR;
    if (v->n2 == TX_X) {
        const char *u = unit == TX_U_DECADE      ? "DE"
                        : unit == TX_U_CENTURY    ? "CE"
                        : unit == TX_U_MILLENNIUM ? "ML"
                                                  : NULL;
        if (u)
            snprintf(buf, cap, "PX%s", u);
        else
            snprintf(buf, cap, "P%sX%c", t, unit_letter[unit]);
        return;
    }
    long n = v->n2 / 2;
    int half = v->n2 % 2;
    if (unit == TX_U_HOUR && !half && n >= 24 && n % 24 == 0) {
        snprintf(buf, cap, "P%ldD", n / 24); /* "twenty four hours" */
        return;
    }
    static const int mult[] = {0, 1, 1, 1, 1, 1, 2, 1, 3, 1, 10, 100, 1000, 6};
    static const int base[] = {0,         TX_U_SEC,  TX_U_MIN,  TX_U_HOUR,
                               TX_U_DAY,  TX_U_WEEK, TX_U_DAY,  TX_U_MONTH,
                               TX_U_MONTH, TX_U_YEAR, TX_U_YEAR, TX_U_YEAR,
                               TX_U_YEAR, TX_U_MONTH};
    /* half a unit in the next smaller one */
    static const int sub[] = {0, 0, 30, 30, 12, 0, 1, 15, 45, 6, 5, 50, 500, 3};
    static const char sub_letter[] = {0,   0,   'S', 'M', 'H', 0,   'D',
                                      'D', 'D', 'M', 'Y', 'Y', 'Y', 'M'};
    if (unit == TX_U_QUARTER && !half) {
        snprintf(buf, cap, "P%ldQ", n);
        return;
    }
    n *= mult[unit];
    int b = base[unit];
    if (!half) {
        snprintf(buf, cap, "P%s%ld%c", t, n, unit_letter[b]);
    } else if (unit == TX_U_WEEK) {
        snprintf(buf, cap, "P%ldD", n * 7 + 3);
    } else if (sub_letter[unit] == unit_letter[b]) {
        snprintf(buf, cap, "P%s%ld%c", t, n + sub[unit], unit_letter[b]);
    } else if (n == 0) {
        int st = unit_is_time(unit) || unit == TX_U_DAY;
        snprintf(buf, cap, "P%s%d%c", st ? "T" : "", sub[unit],
                 sub_letter[unit]);
    } else if (unit == TX_U_DAY) {
        snprintf(buf, cap, "P%ldDT%dH", n, sub[unit]);
    } else {
        snprintf(buf, cap, "P%s%ld%c%d%c", t, n, unit_letter[b], sub[unit],
                 sub_letter[unit]);
    }
}

void evg_timex__format(const tx_val *v, char *buf, size_t cap)
{
    static const char *const refs[] = {"", "PRESENT_REF", "PAST_REF",
                                       "FUTURE_REF"};
    if (v->type == EVG_TIMEX_DURATION ||
        (v->type == EVG_TIMEX_SET && v->unit)) {
        format_duration(v, buf, cap);
        return;
    }
    if (v->gran == TX_G_REF) {
        snprintf(buf, cap, "%s", refs[v->ref >= 1 && v->ref <= 3 ? v->ref : 1]);
        return;
    }
    format_date(v, buf, cap);
    if (v->gran == TX_G_TIME || (v->gran == TX_G_DAY && v->pod)) {
        size_t len = strlen(buf);
        if (v->hh >= 0)
            snprintf(buf + len, cap - len, "T%02d:%02d", v->hh,
                     v->mi < 0 ? 0 : v->mi);
        else if (v->pod > 0 && v->pod <= 5)
            snprintf(buf + len, cap - len, "T%s", pods[v->pod]);
    }
}

static void put_day(char out[11], long z)
{
    int y, m, d;
    evg_timex__civil(z, &y, &m, &d);
    if (y < 0 || y > 9999) {
        y = y < 0 ? 0 : 9999;
        m = y ? 12 : 1;
        d = y ? 31 : 1;
    }
    /* "%04d-%02d-%02d" by hand: two calls for each time expression */
    out[0] = (char)('0' + y / 1000);
    out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10);
    out[3] = (char)('0' + y % 10);
    out[4] = '-';
    out[5] = (char)('0' + m / 10);
    out[6] = (char)('0' + m % 10);
    out[7] = '-';
    out[8] = (char)('0' + d / 10);
    out[9] = (char)('0' + d % 10);
    out[10] = '\0';
}

/* First and last day of the period, as day numbers. */
static int period(const tx_val *v, long *a, long *b)
{
    int y = v->y;
    switch (v->gran) {
    case TX_G_MILLENNIUM:
        *a = evg_timex__days(y, 1, 1);
        *b = evg_timex__days(y + 999, 12, 31);
        return 1;
    case TX_G_CENTURY:
        *a = evg_timex__days(y, 1, 1);
        *b = evg_timex__days(y + 99, 12, 31);
        return 1;
    case TX_G_DECADE:
        *a = evg_timex__days(y, 1, 1);
        *b = evg_timex__days(y + 9, 12, 31);
        return 1;
    case TX_G_YEAR:
        *a = evg_timex__days(y, 1, 1);
        *b = evg_timex__days(y, 12, 31);
        return 1;
    case TX_G_HALF:
    case TX_G_QUARTER: {
        int len = v->gran == TX_G_HALF ? 6 : 3;
        int m0 = (v->m - 1) * len + 1;
        *a = evg_timex__days(y, m0, 1);
        *b = evg_timex__days(y, m0 + len - 1,
                             evg_timex__mdays(y, m0 + len - 1));
        return 1;
    }
    case TX_G_SEASON: {
        int m0 = v->m * 3; /* SP 3, SU 6, FA 9, WI 12 */
        *a = evg_timex__days(y, m0, 1);
        *b = evg_timex__days(y + (m0 == 12), m0 == 12 ? 2 : m0 + 2, 1);
        int ey, em, ed;
        evg_timex__civil(*b, &ey, &em, &ed);
        *b = evg_timex__days(ey, em, evg_timex__mdays(ey, em));
        return 1;
    }
    case TX_G_MONTH:
        if (v->m == TX_X)
            return 0;
        *a = evg_timex__days(y, v->m, 1);
        *b = evg_timex__days(y, v->m, evg_timex__mdays(y, v->m));
        return 1;
    case TX_G_WEEK:
        if (v->m == TX_X)
            return 0;
        *a = evg_timex__week_monday(y, v->m);
        *b = *a + 6;
        return 1;
    case TX_G_WEEKEND:
        if (v->m == TX_X)
            return 0;
        *a = evg_timex__week_monday(y, v->m) + 5;
        *b = *a + 1;
        return 1;
    case TX_G_DAY:
    case TX_G_TIME:
        if (v->d == TX_X)
            return 0;
        *a = *b = evg_timex__days(y, v->m, v->d);
        return 1;
    default:
        return 0;
    }
}

int evg_timex__bounds(const tx_val *v, char lo[11], char hi[11])
{
    long a, b;
    if ((v->type != EVG_TIMEX_DATE && v->type != EVG_TIMEX_TIME) ||
        v->y == TX_X || v->wday || !period(v, &a, &b))
        return 0;
    put_day(lo, a);
    put_day(hi, b);
    return 1;
}
