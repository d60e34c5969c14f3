/* Article readers: plain text files, stdin, folders (walked recursively in
 * name order), JSON Lines records and TimeML .tml files. Each yields
 * evg_article records for the extraction driver. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cjson/cJSON.h>

#include "core.h"
#include "evgraph/date.h"
#include "evgraph/extract.h"
#include "evgraph/input.h"
#include "evgraph/io.h"
#include "input_tml.h"

typedef enum { K_TEXT, K_JSONL, K_TML } kind;

typedef struct pathlist {
    char **v;
    size_t n, cap, next;
} pathlist;

struct evg_input {
    size_t max;
    pathlist files;     /* files still to read, in order */
    /* the file being read */
    char *path;
    kind k;
    FILE *jsonl;        /* open JSON Lines file */
    long line;
    long records;       /* records (or refusals) in it so far */
    int endless;        /* not a regular file: may never end (/dev/zero) */
    int stop;           /* read no more of it */
    char *linebuf;
    size_t linecap;
    /* what the current article borrows */
    char *text;
    size_t len;
    cJSON *record;
    char dct[11];
    char id[64];
};

static int push_path(pathlist *l, const char *p)
{
    if (evg_reserve(&l->v, &l->cap, l->n + 1, sizeof(*l->v), 16))
        return EVG_ENOMEM;
    if (!(l->v[l->n] = strdup(p)))
        return EVG_ENOMEM;
    l->n++;
    return 0;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static int wanted(const char *name)
{
    return ends_with(name, ".txt") || ends_with(name, ".jsonl") ||
           ends_with(name, ".ndjson") || ends_with(name, ".tml");
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The folders being walked, from the top: a symlink back to one of them
 * is a loop, skipped (the rest of the folder is still read). */
typedef struct ancestor {
    dev_t dev;
    ino_t ino;
    const struct ancestor *up;
} ancestor;

/* Adds the wanted files under `dir`, sorted, depth first. */
static int walk(pathlist *out, const char *dir, int depth,
                const ancestor *up, evg_error *err)
{
    if (depth > 64)
        return evg_error_set(err, EVG_ELIMIT, "%s: folders nested too deep",
                             dir);
    DIR *d = opendir(dir);
    if (!d)
        return evg_error_set(err, EVG_EIO, "%s: cannot read folder: %s", dir,
                             strerror(errno));
    pathlist here = {0};
    int rc = 0;
    struct dirent *de;
    while (!rc && (de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue; /* hidden files, . and .. */
        size_t n = strlen(dir) + strlen(de->d_name) + 2;
        char *p = malloc(n);
        if (!p) {
            rc = EVG_ENOMEM;
            break;
        }
        snprintf(p, n, "%s/%s", dir, de->d_name);
        rc = push_path(&here, p);
        free(p);
    }
    closedir(d);
    if (here.n)
        evg_sort(here.v, here.n, sizeof(char *), cmp_str);
    for (size_t i = 0; !rc && i < here.n; i++) {
        struct stat st;
        if (stat(here.v[i], &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode)) {
            const ancestor *a = up;
            while (a && !(a->dev == st.st_dev && a->ino == st.st_ino))
                a = a->up;
            if (a)
                continue; /* a link back to a folder being walked */
            ancestor self = {st.st_dev, st.st_ino, up};
            rc = walk(out, here.v[i], depth + 1, &self, err);
        }
        else if (S_ISREG(st.st_mode) && wanted(here.v[i]))
            rc = push_path(out, here.v[i]);
    }
    for (size_t i = 0; i < here.n; i++)
        free(here.v[i]);
    free(here.v);
    if (rc == EVG_ENOMEM)
        evg_error_set(err, rc, "out of memory");
    return rc;
}

int evg_input_open(const char *path, size_t max_bytes, evg_input **out,
                   evg_error *err)
{
    *out = NULL;
    if (!path)
        path = "-";
    evg_input *in = calloc(1, sizeof(*in));
    if (!in)
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    in->max = max_bytes ? max_bytes : EVG_DEFAULT_MAX_BYTES;
    struct stat st;
    int rc;
    if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        ancestor top = {st.st_dev, st.st_ino, NULL};
        rc = walk(&in->files, path, 0, &top, err);
        if (!rc && in->files.n == 0)
            rc = evg_error_set(err, EVG_EIO,
                               "%s: no *.txt, *.jsonl or *.tml files in folder",
                               path);
    } else if (strcmp(path, "-") != 0 && stat(path, &st) != 0) {
        rc = evg_error_set(err, EVG_EIO, "%s: cannot open: %s", path,
                           strerror(errno));
    } else {
        rc = push_path(&in->files, path);
        if (rc)
            evg_error_set(err, rc, "out of memory");
    }
    if (rc) {
        evg_input_free(in);
        return rc;
    }
    *out = in;
    return 0;
}

static void release_current(evg_input *in)
{
    free(in->text);
    in->text = NULL;
    in->len = 0;
    cJSON_Delete(in->record);
    in->record = NULL;
}

static void close_file(evg_input *in)
{
    if (in->jsonl && in->jsonl != stdin)
        fclose(in->jsonl);
    in->jsonl = NULL;
    free(in->path);
    in->path = NULL;
}

static const char *base_name(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

/* ---- TimeML ---- */

static int append_unescaped(evg_buf *b, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        if (s[i] != '&') {
            size_t j = i;
            while (j < n && s[j] != '&')
                j++;
            evg_buf_append(b, s + i, j - i);
            i = j;
            continue;
        }
        const char *semi = memchr(s + i, ';', n - i < 12 ? n - i : 12);
        if (!semi) {
            evg_buf_putc(b, '&');
            i++;
            continue;
        }
        size_t len = (size_t)(semi - (s + i)) + 1;
        const char *ent = s + i;
        char utf[5] = {0};
        if (len == 5 && memcmp(ent, "&amp;", 5) == 0)
            evg_buf_putc(b, '&');
        else if (len == 4 && memcmp(ent, "&lt;", 4) == 0)
            evg_buf_putc(b, '<');
        else if (len == 4 && memcmp(ent, "&gt;", 4) == 0)
            evg_buf_putc(b, '>');
        else if (len == 6 && memcmp(ent, "&quot;", 6) == 0)
            evg_buf_putc(b, '"');
        else if (len == 6 && memcmp(ent, "&apos;", 6) == 0)
            evg_buf_putc(b, '\'');
        else if (len > 3 && ent[1] == '#') {
            char *end;
            long cp = ent[2] == 'x' || ent[2] == 'X'
                          ? strtol(ent + 3, &end, 16)
                          : strtol(ent + 2, &end, 10);
            if (end != semi || cp <= 0 || cp > 0x10ffff ||
                (cp >= 0xd800 && cp <= 0xdfff)) {
                evg_buf_append(b, ent, len);
            } else if (cp < 0x80) {
                utf[0] = (char)cp;
                evg_buf_putc(b, utf[0]);
            } else if (cp < 0x800) {
                utf[0] = (char)(0xc0 | (cp >> 6));
                utf[1] = (char)(0x80 | (cp & 0x3f));
                evg_buf_append(b, utf, 2);
            } else if (cp < 0x10000) {
                utf[0] = (char)(0xe0 | (cp >> 12));
                utf[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
                utf[2] = (char)(0x80 | (cp & 0x3f));
                evg_buf_append(b, utf, 3);
            } else {
                utf[0] = (char)(0xf0 | (cp >> 18));
                utf[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
                utf[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
                utf[3] = (char)(0x80 | (cp & 0x3f));
                evg_buf_append(b, utf, 4);
            }
        } else {
            evg_buf_append(b, ent, len);
        }
        i += len;
    }
    return b->failed;
}

/* The DCT: the value of the TIMEX3 marked as the creation time. */
static void tml_dct(const char *s, char dct[11])
{
    dct[0] = '\0';
    const char *t = strstr(s, "functionInDocument=\"CREATION_TIME\"");
    if (!t)
        return;
    const char *open = t;
    while (open > s && *open != '<')
        open--;
    const char *close = strchr(t, '>');
    const char *v = strstr(open, "value=\"");
    if (!v || (close && v > close))
        return;
    v += 7;
    if (strlen(v) >= 10 && v[4] == '-' && v[7] == '-' &&
        isdigit((unsigned char)v[0]) && isdigit((unsigned char)v[9])) {
        memcpy(dct, v, 10);
        dct[10] = '\0';
    } else if (strlen(v) >= 8 && isdigit((unsigned char)v[0]) &&
               isdigit((unsigned char)v[7])) { /* 19980108 */
        snprintf(dct, 11, "%.4s-%.2s-%.2s", v, v + 4, v + 6);
    }
}

int evg_input__tml_body(const char *open, const char *close, evg_buf *b,
                        evg_tml_tag_fn on_tag, void *arg)
{
    const char *p = open;
    while (p < close) {
        const char *lt = memchr(p, '<', (size_t)(close - p));
        const char *stop = lt ? lt : close;
        append_unescaped(b, p, (size_t)(stop - p));
        if (!lt)
            break;
        const char *gt = memchr(lt, '>', (size_t)(close - lt));
        p = gt ? gt + 1 : close;
        if (on_tag && !b->failed)
            on_tag(lt, (size_t)(p - lt), b->len, arg);
        /* sentence elements (<s>...</s>, as in tokenized corpora) are
         * the corpus's sentences, often glued together or one per line: a
         * paragraph break after each keeps a headline, a date line and the
         * first sentence apart (a single line break would not) */
        if (gt && gt - lt == 3 && memcmp(lt, "</s>", 4) == 0 && p < close)
            evg_buf_append(b, "\n\n", 2);
    }
    return b->failed;
}

static int tml_text(evg_input *in, const char *name, evg_error *err)
{
    const char *s = in->text;
    const char *open = strstr(s, "<TEXT>");
    const char *close = open ? strstr(open, "</TEXT>") : NULL;
    if (!open || !close)
        return evg_error_set(err, EVG_EPARSE, "%s: TimeML file has no <TEXT>",
                             name);
    tml_dct(s, in->dct);
    evg_buf b;
    evg_buf_init(&b, in->max);
    evg_input__tml_body(open + 6, close, &b, NULL, NULL);
    if (b.failed) {
        int code = b.failed;
        evg_buf_dispose(&b);
        return evg_error_set(err, code, "%s: %s", name, evg_strerror(code));
    }
    free(in->text);
    in->text = evg_buf_steal(&b, &in->len);
    return in->text ? 0 : evg_error_set(err, EVG_ENOMEM, "out of memory");
}

/* ---- JSON Lines ---- */

static const char *rec_str(const cJSON *rec, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(rec, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* Reads one line of the JSON Lines file into in->linebuf (NUL-terminated,
 * length in *n). A line over the limit is read to its end but not kept:
 * EVG_ELIMIT, and the next call goes on with the next line. 0 at the end
 * of the file, 1 for a line, or a negative EVG_E* code. */
static int read_line(evg_input *in, size_t *n, evg_error *err)
{
    size_t len = 0;
    int over = 0, c = EOF;
    errno = 0;
    while ((c = getc_unlocked(in->jsonl)) != EOF) {
        if (!over && len + 2 > in->linecap) {
            size_t cap = in->linecap ? in->linecap * 2 : 4096;
            if (cap > in->max + 2)
                cap = in->max + 2;
            if (len + 2 > cap) {
                over = 1; /* keep reading to the line's end, keep nothing */
            } else {
                char *p = realloc(in->linebuf, cap);
                if (!p)
                    return evg_error_set(err, EVG_ENOMEM,
                                         "%s:%ld: out of memory", in->path,
                                         in->line + 1);
                in->linebuf = p;
                in->linecap = cap;
            }
        }
        if (!over)
            in->linebuf[len] = (char)c;
        else if (in->endless)
            break; /* its end may never come */
        len++;
        if (c == '\n')
            break;
    }
    if (ferror(in->jsonl))
        return evg_error_set(err, EVG_EIO, "%s: read failed: %s", in->path,
                             strerror(errno ? errno : EIO));
    if (len == 0)
        return 0;
    in->line++;
    if (over && in->endless) {
        in->stop = 1;
        return evg_error_set(err, EVG_ELIMIT,
                             "%s:%ld: record larger than the limit of %zu "
                             "bytes (--max-bytes); the rest is not read",
                             in->path, in->line, in->max);
    }
    if (over)
        return evg_error_set(err, EVG_ELIMIT,
                             "%s:%ld: record larger than the limit of %zu "
                             "bytes (--max-bytes)",
                             in->path, in->line, in->max);
    in->linebuf[len] = '\0';
    *n = len;
    return 1;
}

static int next_record(evg_input *in, evg_article *art, evg_error *err)
{
    for (;;) {
        size_t n = 0;
        int rc = read_line(in, &n, err);
        if (rc < 0 && rc != EVG_ENOMEM && rc != EVG_EIO)
            in->records++;
        if (rc <= 0) {
            if (rc == 0 && in->records == 0)
                return evg_error_set(err, EVG_EEMPTY,
                                     "%s: no records (JSON Lines file "
                                     "without a non-blank line)",
                                     in->path);
            return rc;
        }
        size_t k = 0;
        if (in->line == 1 && n >= 3 && memcmp(in->linebuf, "\xEF\xBB\xBF", 3) == 0)
            k = 3; /* a byte order mark */
        size_t start = k;
        while (k < n && isspace((unsigned char)in->linebuf[k]))
            k++;
        if (k == n)
            continue;
        in->records++;
        in->record = cJSON_ParseWithLength(in->linebuf + start, n - start);
        if (!cJSON_IsObject(in->record))
            return evg_error_set(err, EVG_EPARSE,
                                 "%s:%ld: not a JSON object", in->path,
                                 in->line);
        const char *text = rec_str(in->record, "text");
        if (!text)
            return evg_error_set(err, EVG_EPARSE,
                                 "%s:%ld: record has no \"text\" string",
                                 in->path, in->line);
        const char *date = rec_str(in->record, "dct");
        if (!date)
            date = rec_str(in->record, "date");
        if (date) {
            if (strlen(date) >= 10) {
                memcpy(in->dct, date, 10);
                in->dct[10] = '\0';
            }
            if (strlen(date) < 10 || !evg_date_valid(in->dct) ||
                (date[10] && date[10] != 'T' && date[10] != ' '))
                return evg_error_set(err, EVG_EPARSE,
                                     "%s:%ld: \"date\" '%.32s' is not "
                                     "YYYY-MM-DD (a real date)",
                                     in->path, in->line, date);
            art->dct = in->dct;
        }
        const char *id = rec_str(in->record, "id");
        if (!id) {
            snprintf(in->id, sizeof(in->id), "%s:%ld", base_name(in->path),
                     in->line);
            id = in->id;
        }
        art->id = id;
        art->path = in->path;
        art->text = text;
        art->len = strlen(text);
        art->title = rec_str(in->record, "title");
        art->url = rec_str(in->record, "url");
        art->source = rec_str(in->record, "source");
        art->line = in->line;
        return 1;
    }
}

static kind sniff(const char *path, FILE *f)
{
    if (ends_with(path, ".jsonl") || ends_with(path, ".ndjson"))
        return K_JSONL;
    if (ends_with(path, ".tml"))
        return K_TML;
    if (strcmp(path, "-") == 0) {
        int c;
        while ((c = getc(f)) != EOF && isspace(c))
            ;
        if (c != EOF)
            ungetc(c, f);
        if (c == '{')
            return K_JSONL;
        if (c == '<')
            return K_TML;
    }
    return K_TEXT;
}

int evg_input_next(evg_input *in, evg_article *art, evg_error *err)
{
    memset(art, 0, sizeof(*art));
    release_current(in);
    for (;;) {
        if (in->jsonl) {
            int rc = next_record(in, art, err);
            if (rc == EVG_EEMPTY || rc == EVG_EIO || in->stop)
                close_file(in); /* nothing more to read in this file */
            if (rc != 0)
                return rc;
            close_file(in);
            continue;
        }
        close_file(in);
        if (in->files.next >= in->files.n)
            return 0;
        const char *p = in->files.v[in->files.next++];
        if (!(in->path = strdup(p)))
            return evg_error_set(err, EVG_ENOMEM, "out of memory");
        int is_stdin = strcmp(p, "-") == 0;
        in->k = sniff(p, stdin);
        if (in->k == K_JSONL) {
            in->jsonl = is_stdin ? stdin : fopen(p, "rb");
            in->line = 0;
            in->records = 0;
            in->stop = 0;
            struct stat fst;
            in->endless = !in->jsonl || fstat(fileno(in->jsonl), &fst) != 0 ||
                          !S_ISREG(fst.st_mode);
            if (!in->jsonl)
                return evg_error_set(err, EVG_EIO, "%s: cannot open: %s", p,
                                     strerror(errno));
            continue;
        }
        int rc = evg_read_file(p, in->max, &in->text, &in->len, err);
        if (rc)
            return rc;
        if (in->k == K_TML && (rc = tml_text(in, p, err)))
            return rc;
        art->path = in->path;
        art->id = is_stdin ? "stdin" : base_name(in->path);
        art->text = in->text;
        art->len = in->len;
        art->dct = in->k == K_TML && in->dct[0] ? in->dct : NULL;
        return 1;
    }
}

void evg_input_free(evg_input *in)
{
    if (!in)
        return;
    release_current(in);
    close_file(in);
    for (size_t i = 0; i < in->files.n; i++)
        free(in->files.v[i]);
    free(in->files.v);
    free(in->linebuf);
    free(in);
}
