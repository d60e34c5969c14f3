/* Fuzz target: any bytes as a JSON Lines article file. Every record must be
 * read or refused cleanly (a malformed record is skipped, the file goes
 * on), and every article read must extract or fail cleanly. */
#include <stdint.h>
#include <stdlib.h>

#include "tmpfile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_extract_file(fuzz_tmpfile("in.jsonl", data, size));
    return 0;
}
