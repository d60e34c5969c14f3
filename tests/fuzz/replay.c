/* Replays a fuzz target's saved corpus (every file in the folders given) as
 * an ordinary test, so any compiler runs what the fuzzer found. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evgraph/io.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
    size_t runs = 0;
    for (int i = 1; i < argc; i++) {
        DIR *d = opendir(argv[i]);
        if (!d) {
            fprintf(stderr, "replay: cannot open %s\n", argv[i]);
            return 1;
        }
        struct dirent *de;
        while ((de = readdir(d))) {
            if (de->d_name[0] == '.')
                continue;
            char path[4096];
            snprintf(path, sizeof(path), "%s/%s", argv[i], de->d_name);
            char *data;
            size_t len;
            evg_error err;
            if (evg_read_file(path, (size_t)1 << 24, &data, &len, &err))
                continue;
            LLVMFuzzerTestOneInput((const uint8_t *)data, len);
            free(data);
            runs++;
        }
        closedir(d);
    }
    printf("replayed %zu inputs\n", runs);
    return runs ? 0 : 1;
}
