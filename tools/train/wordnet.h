/* WordNet's lexicographer files (supersenses) of English nouns and verbs,
 * read from a WordNet 3.0 database folder (Debian: wordnet-base,
 * /usr/share/wordnet) for the event-mention trainer. */
#ifndef EVG_TRAIN_WORDNET_H
#define EVG_TRAIN_WORDNET_H

#include <stddef.h>

#include "mentions.h"

/* Every single-word noun and verb lemma of the index files as a map entry
 * (evg_men_sense_key, evg_men_sense_value) into `*out` (malloc'd, `*n`
 * entries, sorted by key). EVG_EIO, EVG_EPARSE, EVG_ENOMEM. */
int evg_wordnet_senses(const char *dir, syn_entry **out, size_t *n,
                       evg_error *err);

#endif
