/* Events beyond CAMEO: the words the event-mention stage marked in the
 * token layer (extract/mentions/). A word inside the trigger of a CAMEO
 * event gives that event its TimeML class; any other becomes an event
 * without a CAMEO code (cameo NULL), with its class, its word as trigger,
 * the detector's confidence, and the modality and date the coder gives
 * its own events (evg_events__modality, evg_events__pick_time). Run for
 * each sentence right after its CAMEO events are emitted, so events stay
 * in text order. */
#include <string.h>

#include "events.h"
#include "evgraph/extract.h"

int evg_events__uncoded(ev_state *st, sent_ctx *s,
                        const evg_extract_opts *opts)
{
    evg_doc *doc = st->doc;
    size_t si = s->index;
    int cameo_only = opts && opts->cameo_only;
    for (size_t i = 0; i < s->n_ud; i++) {
        const evg_doc_token *t = &s->ud[i];
        if (!t->tml_class)
            continue;
        int coded = 0;
        for (size_t c = 0; c < s->n_cand; c++) {
            size_t e = s->cand[c].ev;
            if (e == EVG_NONE)
                continue;
            evg_event *ev = &doc->events[e];
            if (t->start < ev->trigger.end && t->end > ev->trigger.start) {
                if (!ev->tml_class)
                    ev->tml_class = t->tml_class;
                coded = 1;
            }
        }
        if (coded || cameo_only || !s->tok.n)
            continue;
        evg_event *ev =
            EVG_DOC_PUSH(doc, doc->events, doc->n_events, doc->cap_events);
        if (!ev)
            return EVG_ENOMEM;
        ev->tml_class = t->tml_class;
        if (evg_doc_span(doc, &ev->trigger, t->start, t->end))
            return EVG_ENOMEM;
        size_t h = evg_events__token_at(s, t->start);
        if (h >= s->tok.n)
            h = s->tok.n - 1;
        int would, rc = 0;
        evg_frame f;
        ev->attributed = EVG_NONE;
        if (evg_events__frame_at(s, h, &f)) {
            ev->modality = evg_events__frame_modality(&f, &would);
            /* said by someone: quoted or reported speech is its
             * speaker's */
            if (f.mod & EVG_FR_REPORTED) {
                ev->attributed = evg_events__speaker(s, &f);
                if (ev->modality == EVG_MOD_ASSERTED)
                    ev->modality = EVG_MOD_REPORTED;
            }
            /* participants by role from the parse; CAMEO's view of them,
             * the source and target, is the agent and the patient or
             * recipient */
            if ((rc = evg_events__frame_args(st, s, &f, ev)) ||
                (rc = evg_events__frame_summary(st, s, &f, ev)))
                return rc;
        } else {
            ev->modality = evg_events__modality(s, h, &would);
        }
        actor_set src = {0}, tgt = {0};
        for (size_t k = 0; k < ev->n_args; k++) {
            const evg_arg *g = &ev->args[k];
            if (g->entity == EVG_NONE)
                continue;
            if (!strcmp(g->role, "agent"))
                evg_events__add_actor(&src, g->entity);
            else if (!strcmp(g->role, "patient") ||
                     !strcmp(g->role, "recipient"))
                evg_events__add_actor(&tgt, g->entity);
        }
        for (size_t k = 0; k < src.n; k++) {
            size_t *slot = evg_doc_push(doc, &ev->source, &ev->n_source,
                                        &ev->cap_source, sizeof(size_t));
            if (!slot)
                return EVG_ENOMEM;
            *slot = src.v[k];
        }
        for (size_t k = 0; k < tgt.n; k++) {
            int self = 0;
            for (size_t q = 0; q < src.n; q++)
                self |= src.v[q] == tgt.v[k];
            size_t *slot = self ? NULL
                                : evg_doc_push(doc, &ev->target, &ev->n_target,
                                               &ev->cap_target, sizeof(size_t));
            if (!self && !slot)
                return EVG_ENOMEM;
            if (slot)
                *slot = tgt.v[k];
        }
        if (evg_events__pick_time(st, s, h, 0, EVG_NONE, ev))
            return EVG_ENOMEM;
        ev->sentence = si;
        ev->confidence = t->event_confidence;
        ev_meta m = {0};
        m.sentence = si;
        m.noun = t->upos && (!strcmp(t->upos, "NOUN") ||
                             !strcmp(t->upos, "PROPN"));
        rc = evg_events__push_meta(st, &m);
        if (rc)
            return rc;
    }
    return 0;
}
