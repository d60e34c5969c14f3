/* For fuzz targets whose input is a file: writes the bytes to a file with
 * the given name in a private temporary folder made once per process. */
#ifndef EVG_FUZZ_TMPFILE_H
#define EVG_FUZZ_TMPFILE_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

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

#endif
