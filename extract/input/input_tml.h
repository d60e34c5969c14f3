/* The TimeML reader's text of <TEXT>, shared with the event-mention
 * trainer (tools/train/), which needs the offsets of the EVENT tags in
 * exactly the text that `evgraph extract FILE.tml` reads. */
#ifndef EVG_INPUT_TML_H
#define EVG_INPUT_TML_H

#include <stddef.h>

#include "core.h"

/* Called for each tag: its bytes `tag` (`n` bytes, '<' to '>') and the
 * length of the text written so far (the tag's offset in the text). */
typedef void (*evg_tml_tag_fn)(const char *tag, size_t n, size_t at,
                               void *arg);

/* Appends to `b` the text between `open` (just after <TEXT>) and `close`
 * (at </TEXT>): tags removed, entities unescaped, a paragraph break after
 * each </s>. Returns b->failed (EVG_ENOMEM, EVG_ELIMIT) or 0. */
int evg_input__tml_body(const char *open, const char *close, evg_buf *b,
                        evg_tml_tag_fn on_tag, void *arg);

#endif
