/* Shared by the unit tests of model files (test_syntax, test_mentions):
 * a payload of format 7 (extract/syntax/syn_file.h, SYN_FILE_LANES_FROM)
 * rewritten in the layout of the versions before it, to check that those
 * are still read. Include after <cmocka.h> and "syntax/syn_file.h". */
#ifndef EVG_TEST_MODEL_FILE_FIXTURE_H
#define EVG_TEST_MODEL_FILE_FIXTURE_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Rewrites a format 7 payload as the versions before it held it: each
 * table of `tables` (section names, 0 ending the list) with its rows all
 * sparse in its pairs and a header of four words. */
static inline void payload_to_old(const unsigned char *pay, size_t len,
                                  evg_buf *out, const uint32_t *tables)
{
    size_t i = 0;
    while (i + 16 <= len) {
        uint32_t name;
        uint64_t n;
        memcpy(&name, pay + i, 4);
        memcpy(&n, pay + i + 8, 8);
        const unsigned char *d = pay + i + 16;
        int table = 0;
        for (size_t t = 0; tables[t]; t++)
            table |= tables[t] == name;
        if (table) {
            uint32_t w[6];
            memcpy(w, d, 24);
            uint32_t nc = w[0], cap = w[1], np = w[2];
            uint32_t *slot = malloc((size_t)cap * 8);
            memcpy(slot, d + 24, (size_t)cap * 8);
            const unsigned char *pairs = d + 24 + (size_t)cap * 8;
            const unsigned char *dense = pairs + (size_t)np * 4;
            evg_buf rows;
            evg_buf_init(&rows, 0);
            assert_int_equal(evg_buf_append(&rows, (const char *)pairs,
                                            (size_t)np * 4), 0);
            uint32_t total = np;
            for (uint32_t s = 0; s < cap; s++) {
                if (!slot[2 * s] || !(slot[2 * s + 1] >> 31))
                    continue;
                size_t row = slot[2 * s + 1] & 0x7fffffffu;
                uint32_t k = 0, v[1024];
                for (uint32_t c = 0; c < nc; c++) {
                    int16_t x;
                    memcpy(&x, dense + (row * nc + c) * 2, 2);
                    if (x)
                        v[1 + k++] = c << 16 | (uint16_t)x;
                }
                v[0] = k;
                assert_int_equal(evg_buf_append(&rows, (const char *)v,
                                                (1 + k) * 4), 0);
                slot[2 * s + 1] = total;
                total += 1 + k;
            }
            evg_buf sec;
            evg_buf_init(&sec, 0);
            uint32_t h[4] = {nc, cap, total, w[3]};
            assert_int_equal(evg_buf_append(&sec, (const char *)h, 16), 0);
            assert_int_equal(evg_buf_append(&sec, (const char *)slot,
                                            (size_t)cap * 8), 0);
            assert_int_equal(evg_buf_append(&sec, rows.data, rows.len), 0);
            syn_section_put(out, name, sec.data, sec.len);
            evg_buf_dispose(&sec);
            evg_buf_dispose(&rows);
            free(slot);
        } else {
            syn_section_put(out, name, d, (size_t)n);
        }
        i += 16 + (size_t)n + (8 - (size_t)n % 8) % 8;
    }
}

#endif
