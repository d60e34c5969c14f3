/* The syntax model's lexicon, read at training time: the words of
 * WordNet's index and exception files (Debian: wordnet-base,
 * /usr/share/wordnet) and of a word list (Debian: wamerican,
 * /usr/share/dict/american-english), lower-cased, each with its SYN_LEX_*
 * bits (syn_internal.h): the parts of speech of which WordNet has it as a
 * base form or, by its exception lists, an inflected form, the first
 * noun and verb senses' lexicographer files, and whether the word list
 * writes it in small letters or with a capital. The inflected forms the
 * lemma rules find are added by the syntax trainer. */
#ifndef EVG_TRAIN_LEXICON_H
#define EVG_TRAIN_LEXICON_H

#include <stddef.h>
#include <stdint.h>

#include "syn_internal.h"

/* Either source may be NULL. The words and values are malloc'd (each
 * word too). EVG_EIO, EVG_EPARSE, EVG_ENOMEM. */
int evg_syn_lexicon_read(const char *wordnet, const char *words,
                         char ***word, uint32_t **value, size_t *n,
                         evg_error *err);

#endif
