/* The gazetteer's lookup interface, private to the actor finder
 * (entities.c). Phrases are stored as token sequences in a hash table that
 * also holds every phrase prefix, so a longest match costs one probe per
 * token and stops as soon as no phrase continues. */
#ifndef EVG_EXTRACT_GAZETTEER_H
#define EVG_EXTRACT_GAZETTEER_H

#include <stddef.h>

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

typedef struct evg_gz_entry {
    const char *name;     /* canonical name ("" for titles and words) */
    const char *raw;      /* the phrase as written in the file */
    char country[4];      /* "USA", "IGO", or "---" for "from context" */
    char sector[4];       /* "GOV", "BUS" ... or "" */
    unsigned char cls;    /* evg_gz_class */
    unsigned char exact;  /* match case-sensitively (US, AP, WHO) */
    unsigned char capfirst; /* text must start with a capital letter */
    const struct evg_gz_entry *next; /* further entries of the same phrase */
} evg_gz_entry;

/* Longest phrase starting at token `i` of `toks` (n tokens over `text`)
 * with an entry whose class is in `mask` and whose case rules fit the
 * text. Returns the number of tokens matched (0: none) and sets *out to
 * the first fitting entry. Entries live as long as the gazetteer. */
size_t evg_gz_match(const evg_gazetteer *g, const char *text,
                    const evg_token *toks, size_t n, size_t i, unsigned mask,
                    const evg_gz_entry **out);

/* The entry of class `cls` among those chained from `e` that fits, or
 * NULL. */
const evg_gz_entry *evg_gz_pick(const evg_gz_entry *e, unsigned mask);

#endif
