/* Reading a slice of the store back: the evidence rows that match a query
 * (through the actor, date and CAMEO indexes), then, for each source
 * article, a document holding only those events with their actors,
 * sentences and relations, which the graph builds from as it would from
 * the events files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "evgraph/graph.h"
#include "internal.h"

enum { R_CAMEO, R_LABEL, R_TRIGGER, R_VALUE, R_LO, R_HI, R_BASIS,
       R_MODALITY, R_SUMMARY, R_SOURCES, R_TARGETS, R_CLASS, R_ARGS, R_N };

typedef struct row {
    long long id, doc, idx;
    char *s[R_N]; /* cameo label trigger value lo hi basis modality summary
                     sources targets class args */
    int quad;
    double goldstein, confidence;
    long long trig_start, trig_end, attributed, sentence, n_mentions;
} row;

static int db_error(sqlite3 *db, evg_error *err)
{
    if (sqlite3_errcode(db) == SQLITE_NOMEM)
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    return evg_error_set(err, EVG_EDEP, "sqlite: %s", sqlite3_errmsg(db));
}

static char *col_dup(sqlite3_stmt *s, int i, int *bad)
{
    const unsigned char *t = sqlite3_column_text(s, i);
    if (!t)
        return NULL;
    char *c = strdup((const char *)t);
    if (!c)
        *bad = 1;
    return c;
}

static void rows_free(row *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        for (int k = 0; k < R_N; k++)
            free(v[i].s[k]);
    free(v);
}

/* How many roots `q` lists ("16,17": 2). */
static int n_roots(const evg_store_query *q)
{
    int n = 0;
    for (const char *p = q->roots; p && *p; n++) {
        const char *e = strchr(p, ',');
        p = e ? e + 1 : p + strlen(p);
    }
    return n;
}

/* Appends " AND ..." clauses for `q` to `b`. The values are numbered
 * parameters, bound by bind_query(): ?1..?R the roots, then the end
 * date, the earliest start (`lo_min`: the query's start less the longest
 * span stored), the start date, the quad class. `merged` is the last
 * report merged into report_dates and arguments (meta's
 * 'indexed_through'); those are found through them (an actor's through
 * arguments, else one range of report_dates per root); `pending` selects the reports after it instead,
 * read by row id with their actors from their rows (evidence.actors). */
static void where_clause(evg_buf *b, const evg_store_query *q,
                         long long merged, int pending)
{
    int nr = n_roots(q);
    char num[160];
    snprintf(num, sizeof(num), " AND v.id %s %lld", pending ? ">" : "<=",
             merged);
    evg_buf_puts(b, num);
    /* the parameters' numbers */
    int p_to = nr + 1, p_lo = nr + 2, p_from = nr + 3, p_quad = nr + 4;
    /* an actor's reports are few: they lead (found by arguments), the
     * dates and roots only filter them */
    if (!pending && !q->entity && (nr || q->from || q->to)) {
        evg_buf_puts(b, " AND v.id IN (SELECT d.report FROM report_dates d "
                        "WHERE d.root IN (");
        if (!nr)
            evg_buf_puts(b, "SELECT root FROM roots");
        for (int i = 1; i <= nr; i++) {
            snprintf(num, sizeof(num), "%ssubstr(?%d, 1, 2)", i > 1 ? ", " : "",
                     i);
            evg_buf_puts(b, num);
        }
        evg_buf_puts(b, ")");
        if (q->from || q->to)
            evg_buf_puts(b, " AND d.lo <> ''");
        if (q->to) {
            snprintf(num, sizeof(num), " AND d.lo <= ?%d", p_to);
            evg_buf_puts(b, num);
        }
        if (q->from) {
            snprintf(num, sizeof(num), " AND d.lo >= ?%d", p_lo);
            evg_buf_puts(b, num);
        }
        evg_buf_puts(b, ")");
    }
    if (nr) {
        /* each root listed by its whole prefix */
        evg_buf_puts(b, " AND (0");
        for (int i = 1; i <= nr; i++) {
            snprintf(num, sizeof(num),
                     " OR (v.root = substr(?%d, 1, 2) AND "
                     "substr(v.cameo, 1, length(?%d)) = ?%d)", i, i, i);
            evg_buf_puts(b, num);
        }
        evg_buf_puts(b, ")");
    }
    if (q->from || q->to)
        evg_buf_puts(b, " AND v.lo IS NOT NULL");
    if (q->to) {
        snprintf(num, sizeof(num), " AND v.lo <= ?%d", p_to);
        evg_buf_puts(b, num);
    }
    if (q->from) {
        snprintf(num, sizeof(num),
                 " AND v.lo >= ?%d AND max(coalesce(v.hi, v.lo), v.lo) >= ?%d",
                 p_lo, p_from);
        evg_buf_puts(b, num);
    }
    if (q->quad_class) {
        snprintf(num, sizeof(num), " AND v.quad = ?%d", p_quad);
        evg_buf_puts(b, num);
    }
    if (q->entity)
        evg_buf_puts(b, pending
                            ? " AND EXISTS (SELECT 1 FROM json_each(v.actors) "
                              "a WHERE abs(a.value) IN (SELECT actor FROM "
                              "q_actors))"
                            : " AND v.id IN (SELECT a.report FROM arguments a "
                              "WHERE a.actor IN (SELECT actor FROM q_actors))");
}

static void bind_query(sqlite3_stmt *s, const evg_store_query *q,
                       const char *lo_min)
{
    int i = 1;
    for (const char *p = q->roots; p && *p;) {
        const char *e = strchr(p, ',');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        p += n + (e ? 1 : 0);
        /* a root with surrounding spaces trimmed, as the graph reads them */
        const char *r = e ? p - n - 1 : p - n;
        while (n && *r == ' ')
            r++, n--;
        while (n && r[n - 1] == ' ')
            n--;
        sqlite3_bind_text(s, i++, r, (int)n, SQLITE_TRANSIENT);
    }
    if (q->to)
        sqlite3_bind_text(s, i, q->to, -1, SQLITE_STATIC);
    if (q->from) {
        sqlite3_bind_text(s, i + 1, lo_min, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, i + 2, q->from, -1, SQLITE_STATIC);
    }
    if (q->quad_class)
        sqlite3_bind_int(s, i + 3, q->quad_class);
}

/* The earliest start an event may have and still reach `from`:
 * `from` less the longest span stored, "YYYY-MM-DD" into `out`. */
static int lo_bound(sqlite3 *db, const char *from, char out[16],
                    evg_error *err)
{
    snprintf(out, 16, "%s", "0000-00-00");
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(db, "SELECT date(?1, '-' || coalesce((SELECT "
                               "value FROM meta WHERE key = 'max_span_days')"
                               ", 0) || ' days')", -1, &s, NULL) != SQLITE_OK)
        return db_error(db, err);
    sqlite3_bind_text(s, 1, from, -1, SQLITE_STATIC);
    if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
        snprintf(out, 16, "%s", (const char *)sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    return 0;
}

/* Fills the temporary table q_actors with the actors `entity` names: by a
 * normalized name or alias, by CAMEO code or by name, ignoring case.
 * Returns how many, or -1. */
static long find_actors(sqlite3 *db, const char *entity, evg_error *err)
{
    char *key = evg_graph_name_key(entity);
    if (!key) {
        evg_error_set(err, EVG_ENOMEM, "out of memory");
        return -1;
    }
    long n = -1;
    sqlite3_stmt *s = NULL;
    if (evg_store__exec(db, "CREATE TEMP TABLE IF NOT EXISTS q_actors "
                            "(actor INTEGER PRIMARY KEY);"
                            "DELETE FROM q_actors;", err))
        goto done;
    if (sqlite3_prepare_v2(db,
                           "INSERT OR IGNORE INTO q_actors "
                           "SELECT actor FROM actor_names WHERE name = ?1 "
                           "UNION SELECT id FROM actors WHERE "
                           "code = ?2 COLLATE NOCASE OR name = ?2 COLLATE NOCASE",
                           -1, &s, NULL) != SQLITE_OK) {
        db_error(db, err);
        goto done;
    }
    sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, entity, -1, SQLITE_STATIC);
    if (sqlite3_step(s) != SQLITE_DONE) {
        db_error(db, err);
        goto done;
    }
    n = sqlite3_changes(db);
done:
    sqlite3_finalize(s);
    free(key);
    return n;
}

static int cmp_row(const void *a, const void *b)
{
    const row *x = a, *y = b;
    if (x->doc != y->doc)
        return x->doc < y->doc ? -1 : 1;
    return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* The last report merged into the indexes (meta's 'indexed_through'). */
static int merged_through(sqlite3 *db, long long *out, evg_error *err)
{
    sqlite3_stmt *s;
    *out = 0;
    if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = "
                               "'indexed_through'", -1, &s, NULL) != SQLITE_OK)
        return db_error(db, err);
    int r = sqlite3_step(s);
    if (r == SQLITE_ROW)
        *out = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return r == SQLITE_ROW || r == SQLITE_DONE ? 0 : db_error(db, err);
}

/* Appends to v[0..*n) the rows of one part of the store: the reports the
 * indexes hold, or (`pending`) those after `merged`. */
static int select_part(sqlite3 *db, const evg_store_query *q,
                       long long merged, int pending, row **out, size_t *n_out,
                       size_t *cap_out, evg_error *err)
{
    evg_buf b;
    evg_buf_init(&b, 0);
    evg_buf_puts(&b,
                 "SELECT v.id, v.doc, v.idx, v.cameo, v.label, v.trigger, "
                 "v.value, v.lo, v.hi, v.basis, v.modality, v.summary, v.quad, "
                 "v.goldstein, v.confidence, v.trigger_start, v.trigger_end, "
                 "v.attributed, v.sentence, v.n_mentions, v.sources, v.targets, "
                 "v.class, v.args "
                 "FROM evidence v "
                 "WHERE 1");
    char lo_min[16] = "";
    if (q->from) {
        int rc0 = lo_bound(db, q->from, lo_min, err);
        if (rc0) {
            evg_buf_dispose(&b);
            return rc0;
        }
    }
    where_clause(&b, q, merged, pending);
    evg_buf_puts(&b, " ORDER BY v.doc, v.idx");
    if (b.failed) {
        evg_buf_dispose(&b);
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    }
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(db, b.data, -1, &s, NULL) != SQLITE_OK) {
        evg_buf_dispose(&b);
        return db_error(db, err);
    }
    evg_buf_dispose(&b);
    bind_query(s, q, lo_min);
    row *v = *out;
    size_t n = *n_out, cap = *cap_out;
    int rc = 0, r;
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        if (evg_reserve(&v, &cap, n + 1, sizeof(*v), 256)) {
            rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
            break;
        }
        row *w = &v[n++];
        int bad = 0;
        w->id = sqlite3_column_int64(s, 0);
        w->doc = sqlite3_column_int64(s, 1);
        w->idx = sqlite3_column_int64(s, 2);
        for (int k = 0; k < R_SOURCES; k++)
            w->s[k] = col_dup(s, 3 + k, &bad);
        w->s[R_SOURCES] = col_dup(s, 20, &bad);
        w->s[R_TARGETS] = col_dup(s, 21, &bad);
        w->s[R_CLASS] = col_dup(s, 22, &bad);
        w->s[R_ARGS] = col_dup(s, 23, &bad);
        w->quad = sqlite3_column_int(s, 12);
        w->goldstein = sqlite3_column_double(s, 13);
        w->confidence = sqlite3_column_double(s, 14);
        w->trig_start = sqlite3_column_int64(s, 15);
        w->trig_end = sqlite3_column_int64(s, 16);
        w->attributed = sqlite3_column_type(s, 17) == SQLITE_NULL
                            ? -1
                            : sqlite3_column_int64(s, 17);
        w->sentence = sqlite3_column_type(s, 18) == SQLITE_NULL
                          ? -1
                          : sqlite3_column_int64(s, 18);
        w->n_mentions = sqlite3_column_int64(s, 19);
        if (bad) {
            rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
            break;
        }
    }
    if (!rc && r != SQLITE_DONE)
        rc = db_error(db, err);
    sqlite3_finalize(s);
    *out = v;
    *n_out = n;
    *cap_out = cap;
    return rc;
}

/* The matching rows, in the order the documents and their events were
 * stored: the merged part through the indexes, then the part after. */
static int select_rows(sqlite3 *db, const evg_store_query *q, row **out,
                       size_t *n_out, evg_error *err)
{
    *out = NULL;
    *n_out = 0;
    row *v = NULL;
    size_t n = 0, cap = 0;
    long long merged = 0;
    int rc = merged_through(db, &merged, err);
    for (int pending = 0; !rc && pending < 2; pending++)
        rc = select_part(db, q, merged, pending, &v, &n, &cap, err);
    if (rc) {
        rows_free(v, n);
        return rc;
    }
    /* a document's reports are merged together, and documents are
     * stored in order: sorted already but for a store another writer
     * filled at the same time */
    for (size_t i = 1; i < n; i++)
        if (cmp_row(&v[i - 1], &v[i]) > 0) {
            qsort(v, n, sizeof(*v), cmp_row);
            break;
        }
    *out = v;
    *n_out = n;
    return 0;
}

/* The statement that reads one document's row. */
typedef struct readers {
    sqlite3_stmt *doc;
} readers;

static const char *dup(evg_doc *d, sqlite3_stmt *s, int i, int *bad)
{
    const unsigned char *t = sqlite3_column_text(s, i);
    if (!t)
        return NULL;
    const char *c = evg_doc_strdup(d, (const char *)t);
    if (!c)
        *bad = 1;
    return c;
}

static int step_row(sqlite3_stmt *s)
{
    int r = sqlite3_step(s);
    return r == SQLITE_ROW ? 1 : r == SQLITE_DONE ? 0 : -1;
}

static const char *json_str(evg_doc *d, const cJSON *a, int i, int *bad)
{
    const cJSON *x = cJSON_GetArrayItem(a, i);
    if (!cJSON_IsString(x))
        return NULL;
    const char *c = evg_doc_strdup(d, x->valuestring);
    if (!c)
        *bad = 1;
    return c;
}

/* Maps a stored entity index to the document's, adding the entity (from
 * the document's stored list) the first time. `map` has n_ent slots,
 * EVG_NONE when not yet added. */
static int entity(evg_doc *d, const cJSON *list, size_t idx, size_t *map,
                  size_t n_ent, size_t *out)
{
    *out = EVG_NONE;
    if (idx >= n_ent)
        return 0;
    if (map[idx] != EVG_NONE) {
        *out = map[idx];
        return 0;
    }
    const cJSON *a = cJSON_GetArrayItem(list, (int)idx);
    if (!cJSON_IsArray(a))
        return 0;
    evg_entity *e = EVG_DOC_PUSH(d, d->entities, d->n_entities, d->cap_entities);
    if (!e)
        return EVG_ENOMEM;
    int bad = 0;
    e->name = json_str(d, a, 1, &bad);
    const cJSON *kind = cJSON_GetArrayItem(a, 2);
    int k = cJSON_IsString(kind) ? evg_entity_kind_parse(kind->valuestring)
                                 : -1;
    e->kind = k < 0 ? EVG_KIND_ORGANIZATION : (evg_entity_kind)k;
    e->code = json_str(d, a, 3, &bad);
    e->country = json_str(d, a, 4, &bad);
    const cJSON *al = cJSON_GetArrayItem(a, 5), *x;
    cJSON_ArrayForEach(x, al) {
        if (!cJSON_IsString(x) || bad)
            continue;
        const char **slot = EVG_DOC_PUSH(d, e->aliases, e->n_aliases,
                                         e->cap_aliases);
        if (!slot || !(*slot = evg_doc_strdup(d, x->valuestring)))
            bad = 1;
    }
    const cJSON *dict = cJSON_GetArrayItem(a, 7);
    e->dictionary = cJSON_IsNumber(dict) && dict->valuedouble != 0 &&
                    e->kind == EVG_KIND_PERSON;
    const cJSON *nm = cJSON_GetArrayItem(a, 6);
    double n_m = cJSON_IsNumber(nm) ? nm->valuedouble : 0;
    for (double i = 0; i < n_m && !bad; i++) {
        evg_mention *m = EVG_DOC_PUSH(d, e->mentions, e->n_mentions,
                                      e->cap_mentions);
        if (!m)
            bad = 1;
        else {
            m->span.text = "";
            m->with = EVG_NONE;
        }
    }
    if (bad)
        return EVG_ENOMEM;
    map[idx] = d->n_entities - 1;
    *out = map[idx];
    return 0;
}

/* Parses the JSON list in column `col` of document `doc_row`'s row `q`
 * (NULL when there is none). */
static int read_list(sqlite3_stmt *q, int col, long long doc_row,
                     cJSON **out, evg_error *err)
{
    *out = NULL;
    const char *t = (const char *)sqlite3_column_text(q, col);
    int n = sqlite3_column_bytes(q, col);
    if (t && !(*out = cJSON_ParseWithLength(t, (size_t)n)))
        return evg_error_set(err, EVG_EDEP, "store: document %lld: "
                             "damaged list", doc_row);
    return 0;
}

/* Builds the document of rows v[0..n) (all of one article). */
static int build_doc(sqlite3 *db, readers *rd, const row *v, size_t n,
                     evg_doc **out, evg_error *err)
{
    evg_doc *d = NULL;
    size_t *emap = NULL, *vmap = NULL;
    cJSON *ents = NULL, *sents = NULL, *rels = NULL;
    int rc = evg_doc_new(&d);
    if (rc)
        return evg_error_set(err, rc, "out of memory");
    long long doc_row = v[0].doc;
    sqlite3_reset(rd->doc);
    sqlite3_bind_int64(rd->doc, 1, doc_row);
    int r = step_row(rd->doc);
    if (r <= 0) {
        rc = r < 0 ? db_error(db, err)
                   : evg_error_set(err, EVG_EDEP, "store: document %lld is "
                                   "missing", doc_row);
        goto done;
    }
    int bad = 0;
    d->id = dup(d, rd->doc, 0, &bad);
    d->path = dup(d, rd->doc, 1, &bad);
    d->title = dup(d, rd->doc, 2, &bad);
    d->url = dup(d, rd->doc, 3, &bad);
    d->source = dup(d, rd->doc, 4, &bad);
    d->place = dup(d, rd->doc, 5, &bad);
    const char *dct = (const char *)sqlite3_column_text(rd->doc, 6);
    if (dct && strlen(dct) == 10)
        memcpy(d->dct, dct, 11);
    const char *dsrc = (const char *)sqlite3_column_text(rd->doc, 7);
    int ds = dsrc ? evg_dct_source_parse(dsrc) : -1;
    d->dct_source = ds < 0 ? EVG_DCT_NONE : (evg_dct_source)ds;
    size_t n_sent = (size_t)sqlite3_column_int64(rd->doc, 8);
    size_t n_ent = (size_t)sqlite3_column_int64(rd->doc, 9);
    size_t n_ev = (size_t)sqlite3_column_int64(rd->doc, 10);
    if (bad)
        goto nomem;
    if ((rc = read_list(rd->doc, 12, doc_row, &ents, err)) ||
        (rc = read_list(rd->doc, 11, doc_row, &sents, err)) ||
        (rc = read_list(rd->doc, 13, doc_row, &rels, err)))
        goto done;
    /* every sentence slot exists (ids stay "s<N>"); only those the events
     * cite are read */
    for (size_t i = 0; i < n_sent; i++) {
        evg_sentence *s = EVG_DOC_PUSH(d, d->sentences, d->n_sentences,
                                       d->cap_sentences);
        if (!s)
            goto nomem;
        s->text = "";
    }
    emap = malloc((n_ent + 1) * sizeof(*emap));
    vmap = malloc((n_ev + 1) * sizeof(*vmap));
    if (!emap || !vmap)
        goto nomem;
    for (size_t i = 0; i <= n_ent; i++)
        emap[i] = EVG_NONE;
    for (size_t i = 0; i <= n_ev; i++)
        vmap[i] = EVG_NONE;
    /* the entities the events name, in the article's order, so that the
     * graph numbers actors as it would from the whole document */
    unsigned char *need = calloc(n_ent + 1, 1);
    if (!need)
        goto nomem;
    for (size_t i = 0; i < n; i++) {
        if (v[i].attributed >= 0 && (size_t)v[i].attributed < n_ent)
            need[v[i].attributed] = 1;
        for (int role = 0; role < 2; role++)
            for (const char *p = v[i].s[role ? R_TARGETS : R_SOURCES];
                 p && *p;) {
                char *end;
                unsigned long long ix = strtoull(p, &end, 10);
                if (end == p)
                    break;
                if (ix < n_ent)
                    need[ix] = 1;
                p = *end == ',' ? end + 1 : end;
            }
        /* the actors among its participants by role */
        cJSON *args = v[i].s[R_ARGS] ? cJSON_Parse(v[i].s[R_ARGS]) : NULL;
        const cJSON *a;
        cJSON_ArrayForEach(a, args) {
            const cJSON *ix = cJSON_GetArrayItem(a, 1);
            if (cJSON_IsNumber(ix) && ix->valuedouble >= 0 &&
                ix->valuedouble < (double)n_ent)
                need[(size_t)ix->valuedouble] = 1;
        }
        cJSON_Delete(args);
    }
    for (size_t i = 0; i < n_ent && !rc; i++) {
        size_t ignored;
        if (need[i])
            rc = entity(d, ents, i, emap, n_ent, &ignored);
    }
    free(need);
    if (rc)
        goto fail;
    for (size_t i = 0; i < n; i++) {
        const row *w = &v[i];
        evg_event *e = EVG_DOC_PUSH(d, d->events, d->n_events, d->cap_events);
        if (!e)
            goto nomem;
        if ((size_t)w->idx < n_ev)
            vmap[w->idx] = d->n_events - 1;
        const char **f[] = {&e->cameo, &e->label, &e->trigger.text,
                            &e->time.value, &e->time.lo, &e->time.hi};
        for (int k = 0; k <= R_HI; k++)
            if (w->s[k] && !(*f[k] = evg_doc_strdup(d, w->s[k])))
                goto nomem;
        if (e->cameo && !*e->cameo) { /* '': no CAMEO code */
            e->cameo = NULL;
            e->label = NULL;
        }
        e->tml_class = evg_tml_class_lookup(w->s[R_CLASS]);
        int b = w->s[R_BASIS] ? evg_basis_parse(w->s[R_BASIS]) : -1;
        e->time.basis = b < 0 ? EVG_BASIS_NONE : (evg_time_basis)b;
        e->time.timex = EVG_NONE;
        e->duration = EVG_NONE;
        int m = w->s[R_MODALITY] ? evg_modality_parse(w->s[R_MODALITY]) : -1;
        e->modality = m < 0 ? EVG_MOD_ASSERTED : (evg_modality)m;
        if (w->s[R_SUMMARY] &&
            !(e->summary = evg_doc_strdup(d, w->s[R_SUMMARY])))
            goto nomem;
        e->quad_class = w->quad;
        e->goldstein = w->goldstein;
        e->confidence = w->confidence;
        e->trigger.start = (size_t)w->trig_start;
        e->trigger.end = (size_t)w->trig_end;
        e->sentence = w->sentence >= 0 ? (size_t)w->sentence : EVG_NONE;
        size_t ev_i = d->n_events - 1;
        if ((rc = entity(d, ents, w->attributed >= 0 ?
                         (size_t)w->attributed : EVG_NONE, emap, n_ent,
                         &d->events[ev_i].attributed)))
            goto fail;
        for (int role = 0; role < 2; role++) {
            const char *p = w->s[role ? R_TARGETS : R_SOURCES];
            while (p && *p) {
                char *end;
                unsigned long long ix = strtoull(p, &end, 10);
                if (end == p)
                    break;
                p = *end == ',' ? end + 1 : end;
                size_t ent;
                if ((rc = entity(d, ents, (size_t)ix, emap, n_ent, &ent)))
                    goto fail;
                if (ent == EVG_NONE)
                    continue;
                e = &d->events[ev_i];
                size_t *slot = role ? EVG_DOC_PUSH(d, e->target, e->n_target,
                                                   e->cap_target)
                                    : EVG_DOC_PUSH(d, e->source, e->n_source,
                                                   e->cap_source);
                if (!slot)
                    goto nomem;
                *slot = ent;
            }
        }
        /* participants by role, their actors renumbered as the others */
        cJSON *args = w->s[R_ARGS] ? cJSON_Parse(w->s[R_ARGS]) : NULL;
        const cJSON *a;
        cJSON_ArrayForEach(a, args) {
            const cJSON *role = cJSON_GetArrayItem(a, 0);
            const cJSON *ix = cJSON_GetArrayItem(a, 1);
            const cJSON *st0 = cJSON_GetArrayItem(a, 2);
            const cJSON *en0 = cJSON_GetArrayItem(a, 3);
            const cJSON *tx = cJSON_GetArrayItem(a, 4);
            const char *rn = evg_arg_role_lookup(
                cJSON_IsString(role) ? role->valuestring : NULL);
            if (!rn || !cJSON_IsNumber(st0) || !cJSON_IsNumber(en0) ||
                !cJSON_IsString(tx))
                continue;
            size_t ent = EVG_NONE;
            if (cJSON_IsNumber(ix) && ix->valuedouble >= 0 &&
                (rc = entity(d, ents, (size_t)ix->valuedouble, emap, n_ent,
                             &ent))) {
                cJSON_Delete(args);
                goto fail;
            }
            e = &d->events[ev_i];
            evg_arg *ga = EVG_DOC_PUSH(d, e->args, e->n_args, e->cap_args);
            if (!ga || !(ga->span.text = evg_doc_strdup(d, tx->valuestring))) {
                cJSON_Delete(args);
                goto nomem;
            }
            ga->role = rn;
            ga->entity = ent;
            ga->span.start = (size_t)st0->valuedouble;
            ga->span.end = (size_t)en0->valuedouble;
        }
        cJSON_Delete(args);
        e = &d->events[ev_i];
        for (long long k = 0; k < w->n_mentions; k++) {
            evg_span *sp = EVG_DOC_PUSH(d, e->mentions, e->n_mentions,
                                        e->cap_mentions);
            if (!sp)
                goto nomem;
            sp->text = "";
        }
        /* the cited sentence */
        if (w->sentence >= 0 && (size_t)w->sentence < n_sent &&
            !*d->sentences[w->sentence].text) {
            const cJSON *x = cJSON_GetArrayItem(sents, (int)w->sentence);
            const cJSON *t = cJSON_GetArrayItem(x, 3);
            if (cJSON_IsString(t)) {
                evg_sentence *se = &d->sentences[w->sentence];
                se->start = (size_t)cJSON_GetArrayItem(x, 0)->valuedouble;
                se->end = (size_t)cJSON_GetArrayItem(x, 1)->valuedouble;
                se->boilerplate = cJSON_GetArrayItem(x, 2)->valuedouble != 0;
                if (!(se->text = evg_doc_strdup(d, t->valuestring)))
                    goto nomem;
            }
        }
    }
    /* relations between the events kept: [[type, from, to]] */
    const cJSON *rl;
    cJSON_ArrayForEach(rl, rels) {
        const cJSON *type = cJSON_GetArrayItem(rl, 0);
        const cJSON *from = cJSON_GetArrayItem(rl, 1);
        const cJSON *to = cJSON_GetArrayItem(rl, 2);
        if (!cJSON_IsString(type) || !cJSON_IsNumber(from) ||
            !cJSON_IsNumber(to) || from->valuedouble < 0 ||
            to->valuedouble < 0)
            continue;
        size_t a = (size_t)from->valuedouble;
        size_t b2 = (size_t)to->valuedouble;
        int t = evg_rel_type_parse(type->valuestring);
        if (t < 0 || a >= n_ev || b2 >= n_ev || vmap[a] == EVG_NONE ||
            vmap[b2] == EVG_NONE)
            continue;
        evg_relation *rel = EVG_DOC_PUSH(d, d->relations, d->n_relations,
                                         d->cap_relations);
        if (!rel)
            goto nomem;
        rel->type = (evg_rel_type)t;
        rel->from = vmap[a];
        rel->to = vmap[b2];
    }
    goto done;
nomem:
    rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
    goto done;
fail:
    if (rc == EVG_EDEP)
        rc = db_error(db, err);
    else
        rc = evg_error_set(err, rc, "out of memory");
done:
    cJSON_Delete(ents);
    cJSON_Delete(sents);
    cJSON_Delete(rels);
    free(emap);
    free(vmap);
    if (rc) {
        evg_doc_free(d);
        return rc;
    }
    *out = d;
    return 0;
}

static void readers_free(readers *rd)
{
    sqlite3_finalize(rd->doc);
}

int evg_store_select(evg_store *st, const evg_store_query *q,
                     evg_doc ***docs, size_t *n_docs, evg_error *err)
{
    *docs = NULL;
    *n_docs = 0;
    sqlite3 *db = evg_store__db(st);
    readers rd = {0};
    row *v = NULL;
    size_t n = 0;
    evg_doc **out = NULL;
    size_t n_out = 0, cap = 0;
    int rc = evg_store__exec(db, "BEGIN", err); /* one consistent snapshot */
    if (rc)
        return rc;
    if (q->entity && *q->entity) {
        long hits = find_actors(db, q->entity, err);
        if (hits < 0) {
            rc = err ? err->code : EVG_EDEP;
            goto done;
        }
        if (hits == 0) {
            rc = evg_error_set(err, EVG_EINVAL,
                               "--entity: no actor named '%.60s' in the store",
                               q->entity);
            goto done;
        }
    }
    evg_store_query qq = *q;
    if (qq.entity && !*qq.entity)
        qq.entity = NULL;
    if ((rc = select_rows(db, &qq, &v, &n, err)))
        goto done;
    if (sqlite3_prepare_v2(db, "SELECT doc_id, path, title, url, source, "
                               "place, dct, dct_source, n_sentences, "
                               "n_entities, n_events, sentences, entities, "
                               "relations FROM documents WHERE id = ?1",
                           -1, &rd.doc, NULL) != SQLITE_OK) {
        rc = db_error(db, err);
        goto done;
    }
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && v[j].doc == v[i].doc)
            j++;
        if (evg_reserve(&out, &cap, n_out + 1, sizeof(*out), 64)) {
            rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
            goto done;
        }
        if ((rc = build_doc(db, &rd, v + i, j - i, &out[n_out], err)))
            goto done;
        n_out++;
        i = j;
    }
done:
    readers_free(&rd);
    rows_free(v, n);
    sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    if (rc) {
        evg_store_docs_free(out, n_out);
        return rc;
    }
    *docs = out;
    *n_docs = n_out;
    return 0;
}

void evg_store_docs_free(evg_doc **docs, size_t n_docs)
{
    if (!docs)
        return;
    for (size_t i = 0; i < n_docs; i++)
        evg_doc_free(docs[i]);
    free(docs);
}
