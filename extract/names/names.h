/* Personal names as the news writes them: whether two names can be one
 * person ("Bill Smith" and "William Smith", never "Paul Keating" and
 * "Charles Keating", nor by the name alone "George Bush" and "George W.
 * Bush"), read with the
 * nickname pairs of extract/data/nicknames.words. The actor finder asks it
 * within an article, the graph across articles. */
#ifndef EVG_EXTRACT_NAMES_H
#define EVG_EXTRACT_NAMES_H

#include <stddef.h>

#include "core.h"

/* Reads the name lists (once; thread-safe). EVG_EPARSE naming the file and
 * line of a broken list, EVG_ENOMEM. */
int evg_names_load(evg_error *err);

/* Words of a personal name (`n` bytes of `s`), a generational suffix
 * ("Jr.") left out: 0 for none. A full name has two or more. */
size_t evg_names_words(const char *s, size_t n);

/* Can the personal names `a` and `b` (`an`, `bn` bytes) be one person by
 * the names alone? Both full: the same last name (case, dots and a suffix
 * aside), first names that agree (equal, one the other's initial, or a
 * nickname pair), and the same number of middle names, each agreeing
 * ("George W. Bush" and "George Walker Bush"; not "George Bush": a middle
 * part written in one name only is evidence only when a dictionary
 * gives it). One of them a single word: it is the other's last name (or
 * the same word). Returns 1 or 0; 0 also before evg_names_load()
 * succeeded. */
int evg_names_agree(const char *a, size_t an, const char *b, size_t bn);

/* A name split into its words once, for comparing it with many others:
 * lower case, without dots and commas, a generational suffix left out. */
#define EVG_NAME_MAXW 8
#define EVG_NAME_WLEN 32
typedef struct evg_name {
    char w[EVG_NAME_MAXW][EVG_NAME_WLEN];
    size_t n; /* words, as evg_names_words counts them */
} evg_name;

/* Splits `n` bytes of `s` into `out`: 1, or 0 when a word is too long or
 * there are too many (such a name is compared with none). */
int evg_names_split(const char *s, size_t n, evg_name *out);

/* evg_names_agree of two split names. */
int evg_names_agree_split(const evg_name *a, const evg_name *b);

/* The key a full personal name is known by whatever the form of its first
 * name: "last|first|middle initials" with the first name as its full form
 * ("bill smith" -> "smith|william|", "George W. Bush" -> "bush|george|w"),
 * lower case, into buf (cap bytes). Returns its length, or 0 when the
 * name is not a full name or does not fit. */
size_t evg_names_key(const char *s, size_t n, char *buf, size_t cap);

/* Can `s` (`n` bytes) be a name at all: it has a capital, a digit or a
 * letter beyond ASCII, and is no pronoun ("He", "Its")? A description
 * ("the company") or a pronoun is never a key that joins actors. */
int evg_names_is_name(const char *s, size_t n);

/* Is the word `s` (`n` bytes) a first name the nickname pairs know ("Tom",
 * "Thomas", "Bill")? So "Tom King" is a name, not "Tom" and a king. */
int evg_names_first_name(const char *s, size_t n);

/* The full first name a short form (lower case) stands for ("bill" ->
 * "william"; the first pair when several), or NULL. */
const char *evg_names_full_first(const char *w);

#endif
