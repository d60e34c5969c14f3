/* Fuzz target: any bytes as a user dictionary (--dict): a gazetteer, or a
 * trigger lexicon when the first byte is odd (the bytes after it follow a
 * "#evgraph:triggers" header). Loading must succeed or fail cleanly with
 * the file and line named; a loaded lexicon must serve an extraction. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "evgraph/evgraph.h"
#include "tmpfile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char header[] = "#evgraph:triggers\n";
static const char article[] =
    "WASHINGTON, May 23, 2019 (Reuters) - The United States accused China "
    "of theft on Monday. Japan and South Korea agreed to meet in Tokyo.\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0 || size > (1 << 16))
        return 0;
    int triggers = data[0] & 1;
    size_t n = size - 1 + (triggers ? sizeof(header) - 1 : 0);
    uint8_t *buf = malloc(n ? n : 1);
    if (!buf)
        return 0;
    size_t at = 0;
    if (triggers) {
        memcpy(buf, header, sizeof(header) - 1);
        at = sizeof(header) - 1;
    }
    memcpy(buf + at, data + 1, size - 1);
    const char *path = fuzz_tmpfile("user.dict", buf, n);
    free(buf);
    evg_lexicon *lex;
    evg_error err;
    evg_error_clear(&err);
    const char *files[1] = {path};
    if (evg_lexicon_load(files, 1, &lex, &err)) {
        if (!strstr(err.message, "user.dict"))
            abort(); /* a refusal names the file */
        return 0;
    }
    evg_extract_opts opts;
    evg_extract_opts_init(&opts);
    opts.lexicon = lex;
    evg_doc *doc;
    if (evg_extract_text(article, sizeof(article) - 1, &opts, &doc, &err) == 0)
        evg_doc_free(doc);
    evg_lexicon_free(lex);
    return 0;
}
