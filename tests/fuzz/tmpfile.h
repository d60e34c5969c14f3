/* For fuzz targets whose input is a file: writes the bytes to a file with
 * the given name in a private temporary folder made once per process, and
 * reads it as articles (the reader picks the format by the name). */
#ifndef EVG_FUZZ_TMPFILE_H
#define EVG_FUZZ_TMPFILE_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "evgraph/evgraph.h"

static const char *fuzz_tmpfile(const char *name, const uint8_t *data,
                                size_t size)
{
    static char dir[64], path[128];
    if (!dir[0]) {
        snprintf(dir, sizeof(dir), "/tmp/evgraph-fuzz-XXXXXX");
        if (!mkdtemp(dir))
            abort();
    }
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0)
        abort();
    return path;
}

/* Every article of file `path` is read or refused cleanly (a malformed
 * record is skipped, the file goes on), and extracts or fails cleanly. */
static inline void fuzz_extract_file(const char *path)
{
    evg_input *in;
    evg_error err;
    evg_error_clear(&err);
    if (evg_input_open(path, 1 << 16, &in, &err))
        return;
    evg_article art;
    int rc;
    while ((rc = evg_input_next(in, &art, &err)) != 0) {
        if (rc < 0) {
            if (rc != EVG_EPARSE)
                break;
            continue;
        }
        evg_extract_opts opts;
        evg_extract_opts_init(&opts);
        opts.dct = art.dct;
        opts.dct_from_metadata = art.dct != NULL;
        opts.title = art.title;
        opts.url = art.url;
        opts.source = art.source;
        opts.id = art.id;
        opts.path = art.path;
        opts.max_sentence = 4096;
        evg_doc *doc;
        if (evg_extract_text(art.text, art.len, &opts, &doc, &err) == 0)
            evg_doc_free(doc);
    }
    evg_input_free(in);
}

#endif
