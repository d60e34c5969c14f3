/* The events while a document is extracted (evpack.c): compact, 40 bytes
 * an event instead of a whole evg_event (240), since a text dense in
 * events (an event every 4 to 14 bytes) would otherwise hold 17 to 60
 * times its size in them. The event coder packs each event once it is
 * final (merged, and out of reach of any later event); the events still
 * open stay in doc->events behind the packed ones. The strings an event
 * points to (CAMEO code and label, class, summary, the trigger's text,
 * the time's value and days) are the document's own: the pack holds each
 * distinct pointer once and an event its number among them; the code,
 * label, Goldstein value, quad class, class and modality of an event are
 * one number among the distinct such tuples, its time another; its
 * arguments are packed too (24 bytes each instead of 40: the arena room
 * of the arrays they leave is used again for later events' arguments);
 * its sources, targets and mentions stay in the arena, their pointers in
 * a side table for the events that have any.
 *
 * The calls below read the document's events as one list, packed first,
 * then doc->events; for a document without a pack (read from JSON, made
 * by a library caller) that is doc->events. At the end of extraction the
 * pack is written out into doc->events (evg_doc__events_unpack) unless
 * the caller asked to keep it compact (evg_extract_opts.compact_events):
 * the JSON writer writes from it. */
#ifndef EVG_DOC_EVENTS_H
#define EVG_DOC_EVENTS_H

#include <stddef.h>

#include "evgraph/document.h"

/* How many events the document has (packed and in doc->events). */
size_t evg_doc__event_count(const evg_doc *doc);

/* Event `i` (i < evg_doc__event_count) into `*out`: its strings and
 * arrays are the document's (arrays with capacity = length when packed,
 * so that a push onto them copies), but for a packed event its arguments,
 * which are the pack's scratch: valid until the next call. EVG_ENOMEM
 * (the scratch). */
int evg_doc__event_get(const evg_doc *doc, size_t i, evg_event *out);

/* Replaces event `i` with `*ev`; a packed event keeps the arguments it
 * has (no caller changes them once the event is final). EVG_ENOMEM,
 * EVG_ELIMIT (an index or count of 4G or more). */
int evg_doc__event_put(evg_doc *doc, size_t i, const evg_event *ev);

/* Moves event `from` to place `to` (to < from: keeping the events that
 * stay, in order), overwriting what is there; the event at `from` is then
 * only to be overwritten or cut off (evg_doc__events_truncate), as it may
 * share its side room with the moved one. Allocates nothing when both
 * are packed. EVG_ENOMEM, EVG_ELIMIT. */
int evg_doc__event_move(evg_doc *doc, size_t to, size_t from);

/* Whether this document's events can be packed (a text under 4 GiB). */
int evg_doc__events_packable(const evg_doc *doc);

/* Starts the pack of a document whose events can be packed (the event
 * coder, before its first event). EVG_ENOMEM. */
int evg_doc__events_begin(evg_doc *doc);

/* Room for `n` arguments of an event being coded: an array given back
 * (evg_doc__args_give) of that capacity, else new room in the arena; NULL
 * when out of memory. */
evg_arg *evg_doc__args_take(evg_doc *doc, size_t n);

/* Gives back the argument array `v` of capacity `cap` of an event packed
 * or merged away, for later events to use (documents with a pack only;
 * nothing else may point into it). */
void evg_doc__args_give(evg_doc *doc, evg_arg *v, size_t cap);

/* Appends `*ev` to the packed events: the caller removes it from
 * doc->events (the packed ones come first). EVG_ENOMEM, EVG_ELIMIT. */
int evg_doc__events_pack(evg_doc *doc, const evg_event *ev);

/* Keeps the first `n` events (n <= the count). */
void evg_doc__events_truncate(evg_doc *doc, size_t n);

/* Writes the packed events out into doc->events (the packed first, then
 * those already there) and frees the pack. EVG_ENOMEM (the document is
 * then unchanged). */
int evg_doc__events_unpack(evg_doc *doc);

/* The bytes the packed events take (their records, side and value
 * tables), for tests and benchmarks. */
size_t evg_doc__events_bytes(const evg_doc *doc);

/* Frees the pack (evg_doc_free). */
void evg_doc__events_free(evg_doc *doc);

#endif
