/* The reports a connection added since the last merge, held in memory
 * for the merge (store.c): their rows of report_dates and arguments,
 * sorted here and read by SQLite through two virtual tables, so that the
 * merge neither reads the reports back from evidence nor sorts them in
 * SQLite's sorter (that was more than half of a merge's time, and the
 * merges a fifth of the ingest's writing thread). */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void evg_pending_reset(evg_pending *p, int broken)
{
    p->n_dates = p->n_args = 0;
    p->first = p->last = 0;
    p->broken = broken;
}

void evg_pending_dispose(evg_pending *p)
{
    free(p->dates);
    free(p->args);
    memset(p, 0, sizeof(*p));
}

/* Gives up on the list: the next merge reads the reports from the
 * database. */
static void give_up(evg_pending *p)
{
    evg_pending_reset(p, 1);
}

void evg_pending_report(evg_pending *p, sqlite3_int64 report,
                        const char *cameo, const char *lo,
                        const char *actors)
{
    if (p->broken)
        return;
    if (!lo)
        lo = "";
    size_t n_lo = strlen(lo);
    if (n_lo >= sizeof(p->dates[0].lo) ||
        (p->n_dates && report != p->last + 1) ||
        evg_reserve(&p->dates, &p->cap_dates, p->n_dates + 1,
                    sizeof(*p->dates), 1024)) {
        give_up(p);
        return;
    }
    evg_pending_date *d = &p->dates[p->n_dates++];
    memset(d, 0, sizeof(*d));
    size_t n_root = strlen(cameo) < 2 ? strlen(cameo) : 2;
    memcpy(d->root, cameo, n_root);
    memcpy(d->lo, lo, n_lo);
    d->report = report;
    if (p->n_dates == 1)
        p->first = report;
    p->last = report;
    /* the actors: a JSON array of ids, the targets' negated */
    for (const char *s = actors; s && *s;) {
        char *end;
        long long v = strtoll(s, &end, 10);
        if (end == s) {
            s++;
            continue;
        }
        s = end;
        if (evg_reserve(&p->args, &p->cap_args, p->n_args + 1,
                        sizeof(*p->args), 1024)) {
            give_up(p);
            return;
        }
        evg_pending_arg *a = &p->args[p->n_args++];
        a->actor = v < 0 ? -v : v;
        a->report = report;
        a->role = v < 0;
    }
}

int evg_pending_covers(const evg_pending *p, sqlite3_int64 done,
                       sqlite3_int64 last)
{
    return !p->broken && p->n_dates && p->first == done + 1 &&
           p->last == last;
}

static int cmp_date(const void *a, const void *b)
{
    const evg_pending_date *x = a, *y = b;
    int c = strcmp(x->root, y->root);
    if (!c)
        c = strcmp(x->lo, y->lo);
    return c ? c : (x->report > y->report) - (x->report < y->report);
}

static int cmp_arg(const void *a, const void *b)
{
    const evg_pending_arg *x = a, *y = b;
    if (x->actor != y->actor)
        return x->actor < y->actor ? -1 : 1;
    if (x->report != y->report)
        return x->report < y->report ? -1 : 1;
    return (x->role > y->role) - (x->role < y->role);
}

void evg_pending_sort(evg_pending *p)
{
    evg_sort(p->dates, p->n_dates, sizeof(*p->dates), cmp_date);
    evg_sort(p->args, p->n_args, sizeof(*p->args), cmp_arg);
}

/* ---- the virtual tables evg_pending_dates (root, lo, report) and
 * evg_pending_args (actor, report, role): the lists, in their order ---- */

typedef struct pvtab {
    sqlite3_vtab base;
    evg_pending *p;
    int args; /* evg_pending_args */
} pvtab;

typedef struct pcursor {
    sqlite3_vtab_cursor base;
    size_t i;
} pcursor;

static int p_connect(sqlite3 *db, void *aux, int argc,
                     const char *const *argv, sqlite3_vtab **out,
                     char **err)
{
    (void)argc;
    (void)err;
    int args = strcmp(argv[0], "evg_pending_args") == 0;
    int rc = sqlite3_declare_vtab(db, args ? "CREATE TABLE x(actor, report, "
                                             "role)"
                                           : "CREATE TABLE x(root, lo, "
                                             "report)");
    if (rc != SQLITE_OK)
        return rc;
    pvtab *t = sqlite3_malloc(sizeof(*t));
    if (!t)
        return SQLITE_NOMEM;
    memset(t, 0, sizeof(*t));
    t->p = aux;
    t->args = args;
    *out = &t->base;
    return SQLITE_OK;
}

static int p_disconnect(sqlite3_vtab *t)
{
    sqlite3_free(t);
    return SQLITE_OK;
}

static int p_best_index(sqlite3_vtab *vt, sqlite3_index_info *info)
{
    pvtab *t = (pvtab *)vt;
    size_t n = t->args ? t->p->n_args : t->p->n_dates;
    info->estimatedCost = (double)n + 1;
    info->estimatedRows = (sqlite3_int64)n;
    return SQLITE_OK;
}

static int p_open(sqlite3_vtab *vt, sqlite3_vtab_cursor **out)
{
    (void)vt;
    pcursor *c = sqlite3_malloc(sizeof(*c));
    if (!c)
        return SQLITE_NOMEM;
    memset(c, 0, sizeof(*c));
    *out = &c->base;
    return SQLITE_OK;
}

static int p_close(sqlite3_vtab_cursor *c)
{
    sqlite3_free(c);
    return SQLITE_OK;
}

static int p_filter(sqlite3_vtab_cursor *c, int idx, const char *idx_str,
                    int argc, sqlite3_value **argv)
{
    (void)idx;
    (void)idx_str;
    (void)argc;
    (void)argv;
    ((pcursor *)c)->i = 0;
    return SQLITE_OK;
}

static int p_next(sqlite3_vtab_cursor *c)
{
    ((pcursor *)c)->i++;
    return SQLITE_OK;
}

static int p_eof(sqlite3_vtab_cursor *c)
{
    pvtab *t = (pvtab *)c->pVtab;
    return ((pcursor *)c)->i >= (t->args ? t->p->n_args : t->p->n_dates);
}

static int p_column(sqlite3_vtab_cursor *c, sqlite3_context *cx, int col)
{
    pvtab *t = (pvtab *)c->pVtab;
    size_t i = ((pcursor *)c)->i;
    if (t->args) {
        const evg_pending_arg *a = &t->p->args[i];
        sqlite3_result_int64(cx, col == 0   ? a->actor
                                 : col == 1 ? a->report
                                            : a->role);
    } else {
        const evg_pending_date *d = &t->p->dates[i];
        if (col == 0)
            sqlite3_result_text(cx, d->root, -1, SQLITE_STATIC);
        else if (col == 1)
            sqlite3_result_text(cx, d->lo, -1, SQLITE_STATIC);
        else
            sqlite3_result_int64(cx, d->report);
    }
    return SQLITE_OK;
}

static int p_rowid(sqlite3_vtab_cursor *c, sqlite3_int64 *out)
{
    *out = (sqlite3_int64)((pcursor *)c)->i;
    return SQLITE_OK;
}

static const sqlite3_module pending_module = {
    .xConnect = p_connect,
    .xBestIndex = p_best_index,
    .xDisconnect = p_disconnect,
    .xOpen = p_open,
    .xClose = p_close,
    .xFilter = p_filter,
    .xNext = p_next,
    .xEof = p_eof,
    .xColumn = p_column,
    .xRowid = p_rowid,
};

int evg_pending_register(sqlite3 *db, evg_pending *p)
{
    if (sqlite3_create_module(db, "evg_pending_dates", &pending_module, p) !=
            SQLITE_OK ||
        sqlite3_create_module(db, "evg_pending_args", &pending_module, p) !=
            SQLITE_OK)
        return -1;
    return 0;
}
