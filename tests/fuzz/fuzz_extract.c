/* Fuzz target: any bytes as an article, with and without a DCT and with
 * --lenient. Extraction must fail cleanly or produce a document that
 * serializes and reads back. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "evgraph/evgraph.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    for (int mode = 0; mode < 2; mode++) {
        evg_extract_opts opts;
        evg_extract_opts_init(&opts);
        opts.lenient = mode;
        opts.dct = mode ? "2019-12-30" : NULL;
        opts.max_sentence = 4096;
        evg_doc *doc;
        evg_error err;
        evg_error_clear(&err);
        if (evg_extract_text((const char *)data, size, &opts, &doc, &err))
            continue;
        char *json;
        if (evg_doc_to_json(doc, 0, &json, &err) == 0) {
            evg_doc *back;
            if (evg_doc_from_json(json, strlen(json), &back, &err) != 0)
                abort(); /* our own output must read back */
            evg_doc_free(back);
            free(json);
        }
        evg_doc_free(doc);
    }
    return 0;
}
