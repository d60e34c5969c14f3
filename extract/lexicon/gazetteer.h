/* The gazetteer's lookup interface, private to the actor finder
 * (entities.c) and the dictionary readers (gazetteer.c for our TSV format,
 * petrarch.c for the TABARI/PETRARCH formats). Phrases are stored as token
 * sequences in a hash table that also holds every phrase prefix, so a
 * longest match costs one probe per token and stops as soon as no phrase
 * continues. A user's gazetteer is a layer over the shared built-in one:
 * its entries are looked up first, the built-in table is never copied. */
#ifndef EVG_EXTRACT_GAZETTEER_H
#define EVG_EXTRACT_GAZETTEER_H

#include <stddef.h>
#include <stdint.h>

#include "lexicon.h"
#include "tokens.h"

typedef enum {
    EVG_GZ_COUNTRY = 1, /* a country or territory name */
    EVG_GZ_ADJ,         /* adjective or demonym: Chinese, South Korean */
    EVG_GZ_CAPITAL,     /* capital or seat of government (metonym) */
    EVG_GZ_IGO,         /* international organization */
    EVG_GZ_GOV,         /* government body: State Department */
    EVG_GZ_MEDIA,       /* newspaper, agency, broadcaster */
    EVG_GZ_ORG,         /* company or other organization */
    EVG_GZ_GROUP,       /* armed, political or ethnic group */
    EVG_GZ_PERSON,      /* a well-known person */
    EVG_GZ_TITLE,       /* comes before a person's name: President */
    EVG_GZ_ROLE,        /* noun naming a group or body: army, company */
    EVG_GZ_ORGWORD,     /* inside a name, makes it an organization */
    EVG_GZ_SUFFIX,      /* ends a company name: Inc, Corp */
    EVG_GZ_CITY,        /* a city or region inside one country */
    EVG_GZ_NCLASS
} evg_gz_class;

#define EVG_GZ_BIT(c) (1u << (c))

/* How an entry's code depends on the date (evg_gz_entry.dated). */
enum {
    EVG_GZ_ALWAYS = 0,  /* one code at every date */
    EVG_GZ_DATED = 1,   /* this code holds from `from` to `to` only */
    EVG_GZ_OTHERWISE = 2 /* the code of an actor with dated codes at the
                          * dates none of them covers */
};

typedef struct evg_gz_entry {
    const char *name;     /* canonical name ("" for titles and words) */
    const char *raw;      /* the phrase as written in the file */
    struct evg_gz_entry *next; /* further entries of the same phrase */
    int32_t from, to;     /* EVG_GZ_DATED: YYYYMMDD, inclusive; 0 open */
    char country[4];      /* "USA", "IGO", or "---" for "from context" */
    char sector[4];       /* "GOV", "BUS" ... or "" */
    unsigned char cls;    /* evg_gz_class */
    unsigned char exact;  /* match case-sensitively (US, AP, WHO) */
    unsigned char capfirst; /* text must start with a capital letter */
    unsigned char dated;  /* EVG_GZ_ALWAYS, _DATED, _OTHERWISE */
} evg_gz_entry;

/* Longest phrase starting at token `i` of `toks` (n tokens over `text`)
 * with an entry whose class is in `mask` and whose case rules fit the
 * text. Returns the number of tokens matched (0: none) and sets *out to
 * the entry that fits best at `date` (YYYYMMDD, 0 when unknown): a code
 * dated to cover the date (one held in office before one of the elite,
 * ELI), then the default of an actor with dated codes, then an undated
 * entry; among equals, the user's entries, then the first in file order.
 * Entries live as long as the gazetteer. */
size_t evg_gz_match(const evg_gazetteer *g, const char *text,
                    const evg_token *toks, size_t n, size_t i, unsigned mask,
                    long date, const evg_gz_entry **out);

/* One phrase for the dictionary readers: `phrase` (rawlen bytes; tokens
 * as the text's) with class `cls`, the code's country (3 bytes) and
 * sector (0 or 3 bytes), canonical name (borrowed: it must live in the
 * gazetteer's arena or be static), the case rules and dating. EVG_ELIMIT
 * (phrase too long), EVG_ENOMEM. */
typedef struct evg_gz_add {
    const char *phrase;
    size_t len;
    unsigned cls;
    const char *country, *sector;
    const char *name;
    int exact, capfirst;
    int dated;
    int32_t from, to;
} evg_gz_add;
int evg_gz__add(evg_gazetteer *g, const evg_gz_add *a);
/* A copy of `s` (n bytes) in the gazetteer's arena, or NULL. */
char *evg_gz__strndup(evg_gazetteer *g, const char *s, size_t n);
/* The lookups below tokenize `phrase` once for all of them (the
 * gazetteer keeps the last phrase's tokens and key). */
/* The name of the first entry of the exact phrase `phrase` (normalized
 * as keys are) with class `cls` (0: any undated body, organization or
 * group) and country `c3`, or NULL. */
const char *evg_gz__name_of(evg_gazetteer *g, const char *phrase, size_t len,
                            unsigned cls, const char *c3);
/* Is `phrase` a country, adjective or capital followed by one title or
 * role word ("US President", "US military"), as the finder composes? */
int evg_gz__composed(evg_gazetteer *g, const char *phrase, const char *upper,
                     size_t len);
/* Do the first words of `phrase` (not all of them) match an entry of a
 * class in `mask` ("President Bush" opens with a title)? */
int evg_gz__opens_with(evg_gazetteer *g, const char *phrase, size_t len,
                       unsigned mask);
/* Has the gazetteer (or its base) an entry for exactly `phrase`? */
int evg_gz__has(evg_gazetteer *g, const char *phrase, size_t len);
/* Is `s` (3 bytes) a CAMEO sector (role) code (actor_sectors.words)? */
int evg_gz__is_sector(const char *s);

/* The entry of class `cls` among those chained from `e` that fits, or
 * NULL. */
const evg_gz_entry *evg_gz_pick(const evg_gz_entry *e, unsigned mask);

#endif
