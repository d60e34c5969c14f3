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
/* Writes header and payload to `path`, atomically. EVG_EIO, EVG_ENOMEM.
 * The checksum is the one of `version` (SYN_FILE_LANES_FROM). */
int syn_file_save(const char *path, const char magic[8], uint32_t version,
                  const evg_buf *payload, evg_error *err);

/* Format versions from this one on (of either kind of model) have the
 * checksum of eight lanes, and their tables are stored in the form they
 * are used in (nothing is rewritten on load): the file is mapped
 * read-only rather than read. Older versions have the checksum of one
 * chain and are read into memory, where their tables are densified. */
#define SYN_FILE_LANES_FROM 7u

/* A loaded model file (syn_file, syn_internal.h). */
/* Opens `path` and checks its header: magic, byte order, a version of
 * `versions` (those this evgraph reads, the newest first, 0 ending the
 * list), length, checksum. Versions from SYN_FILE_LANES_FROM on are
 * mapped read-only (read when mapping fails), older ones read into
 * writable memory. `what` names the kind of model in messages ("syntax
 * model"). EVG_EIO, EVG_EPARSE, EVG_ENOMEM; on error `f` holds nothing. */
#define SYN_FILE_HEADER 32
int syn_file_load(const char *path, const char magic[8],
                  const uint32_t *versions, const char *what, syn_file *f,
                  evg_error *err);
/* Unmaps or frees the file's bytes (any number of times). */
void syn_file_release(syn_file *f);
/* Finds a section of the payload; 0 when absent or when the sections
 * overrun the payload. */
int syn_section_find(const unsigned char *pay, size_t n, uint32_t name,
                     syn_reader *out);
/* A section of the payload as a string of its own (malloc, NUL added):
 * the model's INFO text; NULL when absent or out of memory. */
char *syn_section_text(const unsigned char *pay, size_t n, uint32_t name);
/* A table with `nclass` classes, checked and densified in place (the
 * file's bytes are rewritten: versions before SYN_FILE_LANES_FROM); 0 when
 * inconsistent. */
int syn_table_get(syn_reader r, syn_ptab *t, size_t nclass);
/* Writing and reading a table in its final form (versions from
 * SYN_FILE_LANES_FROM on): u32 classes, u32 slots, u32 pairs, f32 scale,
 * u32 dense rows, u32 zero, then the slots (a dense row's offset has the
 * top bit set), the pairs of the rows left sparse, and the dense rows of
 * `classes` 16-bit weights each. Read in place, checked, never
 * rewritten; 0 when inconsistent. */
void syn_table_put_final(evg_buf *b, uint32_t name, const syn_ptab *t);
int syn_table_get_final(syn_reader r, syn_ptab *t, size_t nclass);
/* A table of file `f` as its version stores it: syn_table_get_final from
 * SYN_FILE_LANES_FROM on, else syn_table_get. */
int syn_table_read(const syn_file *f, syn_reader r, syn_ptab *t,
                   size_t nclass);
/* A map whose values are all below `limit`; 0 when inconsistent. */
int syn_map_get(syn_reader r, syn_map *m, uint32_t limit);

#endif
