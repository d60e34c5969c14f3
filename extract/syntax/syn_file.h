/* The container every evgraph model file uses (docs/syntax.md, "The model
 * file"): an 8-byte magic, u32 format version, u32 byte-order mark, u64
 * payload length, u64 payload checksum, then sections of u32 name, u32
 * zero, u64 length and the bytes padded to 8. The syntax model and the
 * event-mention model (extract/mentions/) share it, and the perceptron
 * tables and hash maps they store. */
#ifndef EVG_SYN_FILE_H
#define EVG_SYN_FILE_H

#include <stddef.h>
#include <stdint.h>

#include "core.h"
#include "syn_internal.h"

#define SYN_SEC(a, b, c, d) ((uint32_t)(a) | (uint32_t)(b) << 8 | \
                             (uint32_t)(c) << 16 | (uint32_t)(d) << 24)

/* A section's bytes, borrowed from the loaded file. */
typedef struct syn_reader {
    const unsigned char *p;
    size_t n;
} syn_reader;

/* Where the models are looked for when the build does not say (the build
 * sets both: the source tree's models/ and the installed data folder). */
#ifndef EVG_MODEL_INSTALL_DIR
#define EVG_MODEL_INSTALL_DIR "/usr/local/share/evgraph"
#endif
#ifndef EVG_MODEL_SOURCE_DIR
#define EVG_MODEL_SOURCE_DIR "models"
#endif

/* The path of a model file: $ENV_NAME when set, else the first of the
 * `n` places (the source tree's, the installed copy) that can be read,
 * else the first place, for the error message. */
const char *syn_model_path(const char *env_name, const char *const *places,
                           size_t n);

/* Writing: sections into a payload buffer (errors are kept in the
 * buffer's `failed` and returned by syn_file_save). */
void syn_section_put(evg_buf *b, uint32_t name, const void *p, size_t n);
void syn_table_put(evg_buf *b, uint32_t name, const syn_ptab *t);
void syn_map_put(evg_buf *b, const syn_map *m);
/* Writes header and payload to `path`, atomically. EVG_EIO, EVG_ENOMEM. */
int syn_file_save(const char *path, const char magic[8], uint32_t version,
                  const evg_buf *payload, evg_error *err);

/* Reading: the whole file into `*data` (malloc'd, the caller frees it),
 * its header checked: magic, byte order, version, length, checksum. The
 * payload is data + SYN_FILE_HEADER, `*n` bytes. `what` names the kind of
 * model in messages ("syntax model"). EVG_EIO, EVG_EPARSE, EVG_ENOMEM. */
#define SYN_FILE_HEADER 32
int syn_file_load(const char *path, const char magic[8], uint32_t version,
                  const char *what, char **data, size_t *n, evg_error *err);
/* Finds a section of the payload; 0 when absent or when the sections
 * overrun the payload. */
int syn_section_find(const unsigned char *pay, size_t n, uint32_t name,
                     syn_reader *out);
/* A table with `nclass` classes, checked and densified in place (the
 * file's bytes are rewritten); 0 when inconsistent. */
int syn_table_get(syn_reader r, syn_ptab *t, size_t nclass);
/* A map whose values are all below `limit`; 0 when inconsistent. */
int syn_map_get(syn_reader r, syn_map *m, uint32_t limit);

#endif
