/* Fuzz target: any bytes as a TimeML (.tml) file: read or refused
 * cleanly, and the article read must extract or fail cleanly. */
#include <stdint.h>
#include <stdlib.h>

#include "tmpfile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_extract_file(fuzz_tmpfile("in.tml", data, size));
    return 0;
}
