/* Fuzz target: any bytes as a JSON Lines article file. Every record must be
 * read or refused cleanly (a malformed record is skipped, the file goes
 * on), and every article read must extract or fail cleanly. */
#include <stdint.h>
#include <stdlib.h>

#include "evgraph/evgraph.h"
#include "tmpfile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_tmpfile("in.jsonl", data, size);
    evg_input *in;
    evg_error err;
    evg_error_clear(&err);
    if (evg_input_open(path, 1 << 16, &in, &err))
        return 0;
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
    return 0;
}
