/* Frames from dependency trees (extract/frames/): each construction of
 * issue-style English the frame must read, on trees written by hand in UD
 * v2, so that the rules are tested apart from the parser's accuracy. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "frames/frames.h"

#define MAXW 40

typedef struct tree {
    evg_doc_token w[MAXW];
    char buf[MAXW][5][32];
    size_t n;
} tree;

/* Reads "form lemma UPOS XPOS head deprel" lines, one word a line. */
static void build(tree *t, const char *conll)
{
    memset(t, 0, sizeof(*t));
    const char *p = conll;
    size_t off = 0;
    while (*p && t->n < MAXW) {
        char (*b)[32] = t->buf[t->n];
        int head, used = 0;
        if (sscanf(p, "%31s %31s %31s %31s %d %31s%n", b[0], b[1], b[2],
                   b[3], &head, b[4], &used) != 6)
            break;
        evg_doc_token *w = &t->w[t->n++];
        w->form = b[0];
        w->lemma = b[1];
        w->upos = b[2];
        w->xpos = b[3];
        w->head = (size_t)head;
        w->deprel = b[4];
        w->start = off;
        w->end = off + strlen(b[0]);
        off = w->end + 1;
        p += used;
        while (*p == '\n' || *p == ' ')
            p++;
    }
}

static size_t word(const tree *t, const char *form)
{
    for (size_t i = 0; i < t->n; i++)
        if (strcmp(t->w[i].form, form) == 0)
            return i;
    fail_msg("no word '%s'", form);
    return 0;
}

/* The forms of the arguments of `role`, space-separated. */
static const char *args(const tree *t, const evg_frame *f, evg_fr_role role)
{
    static char out[256];
    out[0] = '\0';
    size_t at = 0;
    const evg_fr_arg *a;
    while ((a = evg_frame_next(f, role, &at))) {
        if (out[0])
            strcat(out, " ");
        strcat(out, t->w[a->word].form);
    }
    return out;
}

/* The frame of `pred`, built twice: by scanning the sentence for each
 * word's dependents, and from an index of them (evg_frames_use_kids, as
 * the event coder does); both must agree. */
static void frame(const tree *t, const char *pred, evg_frame *f)
{
    evg_frame_build(t->w, t->n, word(t, pred), f);
    uint32_t kid_at[MAXW + 1] = {0}, kids[MAXW];
    size_t k = 0;
    for (size_t p = 0; p < t->n; p++) {
        kid_at[p] = (uint32_t)k;
        for (size_t j = 0; j < t->n; j++)
            if (t->w[j].head == p + 1)
                kids[k++] = (uint32_t)j;
    }
    kid_at[t->n] = (uint32_t)k;
    evg_frame g;
    evg_frames_use_kids(t->w, t->n, kid_at, kids);
    evg_frame_build(t->w, t->n, word(t, pred), &g);
    evg_frames_use_kids(NULL, 0, NULL, NULL);
    assert_int_equal(g.pred, f->pred);
    assert_int_equal(g.passive, f->passive);
    assert_int_equal(g.nominal, f->nominal);
    assert_int_equal(g.modifier, f->modifier);
    assert_int_equal(g.mod, f->mod);
    assert_int_equal(g.report, f->report);
    assert_int_equal(g.n_arg, f->n_arg);
    for (size_t i = 0; i < f->n_arg; i++) {
        assert_int_equal(g.arg[i].role, f->arg[i].role);
        assert_int_equal(g.arg[i].how, f->arg[i].how);
        assert_int_equal(g.arg[i].word, f->arg[i].word);
        assert_ptr_equal(g.arg[i].prep, f->arg[i].prep);
    }
}

static int setup(void **state)
{
    (void)state;
    evg_error err;
    evg_error_clear(&err);
    return evg_frames_load(&err);
}

static void active_subject_and_object(void **state)
{
    (void)state;
    tree t;
    build(&t, "Iran Iran PROPN NNP 2 nsubj\n"
              "condemned condemn VERB VBD 0 root\n"
              "Iraq Iraq PROPN NNP 2 obj\n"
              ". . PUNCT . 2 punct\n");
    evg_frame f;
    frame(&t, "condemned", &f);
    assert_string_equal(args(&t, &f, EVG_FR_AGENT), "Iran");
    assert_string_equal(args(&t, &f, EVG_FR_PATIENT), "Iraq");
    assert_int_equal(f.passive, 0);
    assert_int_equal(f.mod, 0);
}

static void passive_and_its_by_agent(void **state)
{
    (void)state;
    tree t;
    /* "The talks were suspended by Israel." */
    build(&t, "The the DET DT 2 det\n"
              "talks talk NOUN NNS 4 nsubj:pass\n"
              "were be AUX VBD 4 aux:pass\n"
              "suspended suspend VERB VBN 0 root\n"
              "by by ADP IN 6 case\n"
              "Israel Israel PROPN NNP 4 obl:agent\n"
              ". . PUNCT . 4 punct\n");
    evg_frame f;
    frame(&t, "suspended", &f);
    assert_int_equal(f.passive, 1);
    assert_string_equal(args(&t, &f, EVG_FR_AGENT), "Israel");
    assert_string_equal(args(&t, &f, EVG_FR_PATIENT), "talks");
    assert_int_equal(f.arg[0].how, EVG_FR_BY_AGENT);
}

static void object_and_subject_control(void **state)
{
    (void)state;
    tree t;
    /* "China urged Washington to stop the ban." */
    build(&t, "China China PROPN NNP 2 nsubj\n"
              "urged urge VERB VBD 0 root\n"
              "Washington Washington PROPN NNP 2 obj\n"
              "to to PART TO 5 mark\n"
              "stop stop VERB VB 2 xcomp\n"
              "the the DET DT 7 det\n"
              "ban ban NOUN NN 5 obj\n");
    evg_frame f;
    frame(&t, "stop", &f);
    assert_string_equal(args(&t, &f, EVG_FR_AGENT), "Washington");
    assert_int_equal(f.arg[0].how, EVG_FR_CONTROL);
    assert_true(f.mod & EVG_FR_HYPOTHETICAL); /* urged, not done */
    /* "Syria agreed to withdraw its troops." */
    build(&t, "Syria Syria PROPN NNP 2 nsubj\n"
              "agreed agree VERB VBD 0 root\n"
              "to to PART TO 4 mark\n"
              "withdraw withdraw VERB VB 2 xcomp\n"
              "its its PRON PRP$ 6 nmod:poss\n"
              "troops troop NOUN NNS 4 obj\n");
    frame(&t, "withdraw", &f);
    assert_string_equal(args(&t, &f, EVG_FR_AGENT), "Syria");
    assert_true(f.mod & EVG_FR_PLANNED);
    assert_false(f.mod & EVG_FR_HYPOTHETICAL);
    /* the infinitive after the object read as an adverbial clause: the
     * object's to do all the same ("Iran persuaded Iraq to release the
     * hostages"); after another verb's object, the subject's purpose
     * ("Iran bought missiles to defend the coast") */
    build(&t, "Iran Iran PROPN NNP 2 nsubj\n"
              "persuaded persuade VERB VBD 0 root\n"
              "Iraq Iraq PROPN NNP 2 obj\n"
              "to to PART TO 5 mark\n"
              "release release VERB VB 2 advcl\n"
              "the the DET DT 7 det\n"
              "hostages hostage NOUN NNS 5 obj\n");
    frame(&t, "release", &f);
    assert_string_equal(args(&t, &f, EVG_FR_AGENT), "Iraq");
    assert_int_equal(f.arg[0].how, EVG_FR_CONTROL);
    build(&t, "Iran Iran PROPN NNP 2 nsubj\n"
              "bought buy VERB VBD 0 root\n"
              "missiles missile NOUN NNS 2 obj\n"
              "to to PART TO 5 mark\n"
              "defend defend VERB VB 2 advcl\n"
              "the the DET DT 7 det\n"
              "coast coast NOUN NN 5 obj\n");
    frame(&t, "defend", &f);
    assert_string_equal(args(&t, &f, EVG_FR_AGENT), "Iran");
}

static void coordinated_verbs_and_arguments(void **state)
{
    (void)state;
    tree t;
    /* "Japan and Australia criticized Beijing and recalled envoys." */
    build(&t, "Japan Japan PROPN NNP 4 nsubj\n"
              "and and CCONJ CC 3 cc\n"
              "Australia Australia PROPN NNP 1 conj\n"
              "criticized criticize VERB VBD 0 root\n"
              "Beijing Beijing PROPN NNP 4 obj\n"
              "and and CCONJ CC 7 cc\n"
              "recalled recall VERB VBD 4 conj\n"
              "envoys envoy NOUN NNS 7 obj\n");
    evg_frame f;
    frame(&t, "criticized", &f);
    assert_string_equal(args(&t, &f, EVG_FR_AGENT), "Japan Australia");
    frame(&t, "recalled", &f);
    assert_string_equal(args(&t, &f, EVG_FR_AGENT), "Japan Australia");
    assert_int_equal(f.arg[0].how, EVG_FR_CONJOINED);
    assert_string_equal(args(&t, &f, EVG_FR_PATIENT), "envoys");
}

static void relative_clauses(void **state)
{
    (void)state;
    tree t;
    /* "Iran, which condemned Iraq, ..." */
    build(&t, "Iran Iran PROPN NNP 0 root\n"
              ", , PUNCT , 4 punct\n"
              "which which PRON WDT 4 nsubj\n"
              "condemned condemn VERB VBD 1 acl:relcl\n"
              "Iraq Iraq PROPN NNP 4 obj\n");
    evg_frame f;
    frame(&t, "condemned", &f);
    assert_string_equal(args(&t, &f, EVG_FR_AGENT), "Iran");
    assert_int_equal(f.arg[0].how, EVG_FR_RELATIVE);
    /* "the city that troops shelled": the noun is the patient */
    build(&t, "the the DET DT 2 det\n"
              "city city NOUN NN 0 root\n"
              "that that PRON WDT 5 obj\n"
              "troops troop NOUN NNS 5 nsubj\n"
              "shelled shell VERB VBD 2 acl:relcl\n");
    frame(&t, "shelled", &f);
    assert_string_equal(args(&t, &f, EVG_FR_AGENT), "troops");
    assert_string_equal(args(&t, &f, EVG_FR_PATIENT), "city");
    /* reduced relative: "a bill signed by the president" */
    build(&t, "a a DET DT 2 det\n"
              "bill bill NOUN NN 0 root\n"
              "signed sign VERB VBN 2 acl\n"
              "by by ADP IN 6 case\n"
              "the the DET DT 6 det\n"
              "president president NOUN NN 3 obl:agent\n");
    frame(&t, "signed", &f);
    assert_int_equal(f.passive, 1);
    assert_string_equal(args(&t, &f, EVG_FR_AGENT), "president");
    assert_string_equal(args(&t, &f, EVG_FR_PATIENT), "bill");
}

static void participles(void **state)
{
    (void)state;
    tree t;
    /* "Rebels shelled the town, killing 20." */
    build(&t, "Rebels rebel NOUN NNS 2 nsubj\n"
              "shelled shell VERB VBD 0 root\n"
              "the the DET DT 4 det\n"
              "town town NOUN NN 2 obj\n"
              ", , PUNCT , 6 punct\n"
              "killing kill VERB VBG 2 advcl\n"
              "20 20 NUM CD 6 obj\n");
    evg_frame f;
    frame(&t, "killing", &f);
    assert_string_equal(args(&t, &f, EVG_FR_AGENT), "Rebels");
    /* "Americans in occupied Kuwait": a modifier, no agent */
    build(&t, "Americans American PROPN NNPS 0 root\n"
              "in in ADP IN 4 case\n"
              "occupied occupied ADJ JJ 4 amod\n"
              "Kuwait Kuwait PROPN NNP 1 nmod\n");
    frame(&t, "occupied", &f);
    assert_int_equal(f.modifier, 1);
    assert_string_equal(args(&t, &f, EVG_FR_AGENT), "");
    assert_string_equal(args(&t, &f, EVG_FR_PATIENT), "Kuwait");
}

static void nominal_predicates(void **state)
{
    (void)state;
    tree t;
    /* "Iraq's invasion of Kuwait" */
    build(&t, "Iraq Iraq PROPN NNP 3 nmod:poss\n"
              "'s 's PART POS 1 case\n"
              "invasion invasion NOUN NN 0 root\n"
              "of of ADP IN 5 case\n"
              "Kuwait Kuwait PROPN NNP 3 nmod\n");
    evg_frame f;
    frame(&t, "invasion", &f);
    assert_int_equal(f.nominal, 1);
    assert_string_equal(args(&t, &f, EVG_FR_AGENT), "Iraq");
    assert_string_equal(args(&t, &f, EVG_FR_PATIENT), "Kuwait");
    /* "Israel launched an attack on Gaza": the light verb's subject */
    build(&t, "Israel Israel PROPN NNP 2 nsubj\n"
              "launched launch VERB VBD 0 root\n"
              "an a DET DT 4 det\n"
              "attack attack NOUN NN 2 obj\n"
              "on on ADP IN 6 case\n"
              "Gaza Gaza PROPN NNP 4 nmod\n");
    frame(&t, "attack", &f);
    assert_string_equal(args(&t, &f, EVG_FR_AGENT), "Israel");
    assert_int_equal(f.arg[0].how, EVG_FR_LIGHT);
    assert_string_equal(args(&t, &f, EVG_FR_PATIENT), "Gaza");
    /* "X condemned the attack": no light verb, no agent for the attack */
    build(&t, "Egypt Egypt PROPN NNP 2 nsubj\n"
              "condemned condemn VERB VBD 0 root\n"
              "the the DET DT 4 det\n"
              "attack attack NOUN NN 2 obj\n");
    frame(&t, "attack", &f);
    assert_string_equal(args(&t, &f, EVG_FR_AGENT), "");
}

static void obliques_by_preposition(void **state)
{
    (void)state;
    tree t;
    /* "France sent aid to Liberia in May." */
    build(&t, "France France PROPN NNP 2 nsubj\n"
              "sent send VERB VBD 0 root\n"
              "aid aid NOUN NN 2 obj\n"
              "to to ADP IN 5 case\n"
              "Liberia Liberia PROPN NNP 2 obl\n"
              "in in ADP IN 7 case\n"
              "Geneva Geneva PROPN NNP 2 obl\n"
              "Monday Monday PROPN NNP 2 obl:tmod\n");
    evg_frame f;
    frame(&t, "sent", &f);
    assert_string_equal(args(&t, &f, EVG_FR_RECIPIENT), "Liberia");
    assert_string_equal(args(&t, &f, EVG_FR_LOCATION), "Geneva");
    assert_string_equal(args(&t, &f, EVG_FR_TIME), "Monday");
}

static void negation_and_modals(void **state)
{
    (void)state;
    tree t;
    evg_frame f;
    build(&t, "Iraq Iraq PROPN NNP 3 nsubj\n"
              "did do AUX VBD 3 aux\n"
              "withdraw withdraw VERB VB 0 root\n"
              "not not PART RB 3 advmod\n");
    frame(&t, "withdraw", &f);
    assert_true(f.mod & EVG_FR_NEGATED);
    build(&t, "Iraq Iraq PROPN NNP 3 nsubj\n"
              "could could AUX MD 3 aux\n"
              "withdraw withdraw VERB VB 0 root\n");
    frame(&t, "withdraw", &f);
    assert_true(f.mod & EVG_FR_HYPOTHETICAL);
    build(&t, "Iraq Iraq PROPN NNP 3 nsubj\n"
              "will will AUX MD 3 aux\n"
              "withdraw withdraw VERB VB 0 root\n");
    frame(&t, "withdraw", &f);
    assert_true(f.mod & EVG_FR_PLANNED);
    assert_false(f.mod & EVG_FR_WOULD);
    /* "Iraq failed to withdraw." */
    build(&t, "Iraq Iraq PROPN NNP 2 nsubj\n"
              "failed fail VERB VBD 0 root\n"
              "to to PART TO 4 mark\n"
              "withdraw withdraw VERB VB 2 xcomp\n");
    frame(&t, "withdraw", &f);
    assert_true(f.mod & EVG_FR_NEGATED);
    frame(&t, "failed", &f);
    assert_false(f.mod & EVG_FR_NEGATED);
}

static void conditions_and_questions(void **state)
{
    (void)state;
    tree t;
    evg_frame f;
    /* "Troops will leave until sanctions force Saddam to withdraw." */
    build(&t, "Troops troop NOUN NNS 3 nsubj\n"
              "will will AUX MD 3 aux\n"
              "leave leave VERB VB 0 root\n"
              "until until SCONJ IN 6 mark\n"
              "sanctions sanction NOUN NNS 6 nsubj\n"
              "force force VERB VBP 3 advcl\n"
              "Saddam Saddam PROPN NNP 6 obj\n"
              "to to PART TO 9 mark\n"
              "withdraw withdraw VERB VB 6 xcomp\n");
    frame(&t, "force", &f);
    assert_true(f.mod & EVG_FR_HYPOTHETICAL);
    frame(&t, "withdraw", &f);
    assert_true(f.mod & EVG_FR_HYPOTHETICAL);
    assert_string_equal(args(&t, &f, EVG_FR_AGENT), "Saddam");
    /* "Did Iran attack?" */
    build(&t, "Did do AUX VBD 3 aux\n"
              "Iran Iran PROPN NNP 3 nsubj\n"
              "attack attack VERB VB 0 root\n"
              "? ? PUNCT . 3 punct\n");
    frame(&t, "attack", &f);
    assert_true(f.mod & EVG_FR_HYPOTHETICAL);
}

static void complements_of_hope_and_report(void **state)
{
    (void)state;
    tree t;
    evg_frame f;
    /* "There is no hope that Iraq would withdraw." */
    build(&t, "There there PRON EX 2 expl\n"
              "is be VERB VBZ 0 root\n"
              "no no DET DT 4 det\n"
              "hope hope NOUN NN 2 nsubj\n"
              "that that SCONJ IN 8 mark\n"
              "Iraq Iraq PROPN NNP 8 nsubj\n"
              "would would AUX MD 8 aux\n"
              "withdraw withdraw VERB VB 4 acl\n");
    frame(&t, "withdraw", &f);
    assert_true(f.mod & EVG_FR_HYPOTHETICAL);
    assert_string_equal(args(&t, &f, EVG_FR_AGENT), "Iraq");
    /* "Officials said Iran attacked." */
    build(&t, "Officials official NOUN NNS 2 nsubj\n"
              "said say VERB VBD 0 root\n"
              "Iran Iran PROPN NNP 4 nsubj\n"
              "attacked attack VERB VBD 2 ccomp\n");
    frame(&t, "attacked", &f);
    assert_true(f.mod & EVG_FR_REPORTED);
    assert_int_equal(f.report, word(&t, "said"));
    assert_false(f.mod & EVG_FR_HYPOTHETICAL);
    /* a report after what it reports, read as an adverbial clause of it
     * (no subordinator, a subject, nothing of its own reported): "Google
     * suspended business, Reuters reported." */
    build(&t, "Google Google PROPN NNP 2 nsubj\n"
              "suspended suspend VERB VBD 0 root\n"
              "business business NOUN NN 2 obj\n"
              ", , PUNCT , 6 punct\n"
              "Reuters Reuters PROPN NNP 6 nsubj\n"
              "reported report VERB VBD 2 advcl\n");
    frame(&t, "suspended", &f);
    assert_true(f.mod & EVG_FR_REPORTED);
    assert_int_equal(f.report, word(&t, "reported"));
    frame(&t, "reported", &f);
    assert_false(f.mod & EVG_FR_REPORTED);
    /* with a subordinator it is the adverbial clause it looks like:
     * "Google suspended business after Reuters reported." */
    build(&t, "Google Google PROPN NNP 2 nsubj\n"
              "suspended suspend VERB VBD 0 root\n"
              "business business NOUN NN 2 obj\n"
              "after after SCONJ IN 6 mark\n"
              "Reuters Reuters PROPN NNP 6 nsubj\n"
              "reported report VERB VBD 2 advcl\n");
    frame(&t, "suspended", &f);
    assert_false(f.mod & EVG_FR_REPORTED);
    /* a relative clause takes nothing from the clause around it: "Rebels
     * will free the men whom they seized." */
    build(&t, "Rebels rebel NOUN NNS 3 nsubj\n"
              "will will AUX MD 3 aux\n"
              "free free VERB VB 0 root\n"
              "the the DET DT 5 det\n"
              "men man NOUN NNS 3 obj\n"
              "whom whom PRON WP 8 obj\n"
              "they they PRON PRP 8 nsubj\n"
              "seized seize VERB VBD 5 acl:relcl\n");
    frame(&t, "seized", &f);
    assert_false(f.mod & EVG_FR_PLANNED);
    assert_string_equal(args(&t, &f, EVG_FR_PATIENT), "men");
}

/* The subordinator a parser took for the preposition of the subject:
 * "Bush sees no hope at least until economic sanctions force Saddam to
 * withdraw his army." The clause is a condition all the same, and so is
 * what it governs; a preposition "until" of a time ("until Friday") is
 * not. */
static void condition_read_as_preposition(void **state)
{
    (void)state;
    tree t;
    evg_frame f;
    build(&t, "Bush Bush PROPN NNP 2 nsubj\n"
              "sees see VERB VBZ 0 root\n"
              "no no DET DT 4 det\n"
              "hope hope NOUN NN 2 obj\n"
              "until until ADP IN 6 case\n"
              "sanctions sanction NOUN NNS 7 nsubj\n"
              "force force VERB VBP 2 ccomp\n"
              "Saddam Saddam PROPN NNP 7 obj\n"
              "to to PART TO 10 mark\n"
              "withdraw withdraw VERB VB 7 xcomp\n");
    frame(&t, "force", &f);
    assert_true(f.mod & EVG_FR_HYPOTHETICAL);
    frame(&t, "withdraw", &f);
    assert_true(f.mod & EVG_FR_HYPOTHETICAL);
    frame(&t, "sees", &f);
    assert_false(f.mod & EVG_FR_HYPOTHETICAL);
    /* "Troops will stay until Friday." */
    build(&t, "Troops troop NOUN NNS 3 nsubj\n"
              "will will AUX MD 3 aux\n"
              "stay stay VERB VB 0 root\n"
              "until until ADP IN 5 case\n"
              "Friday Friday PROPN NNP 3 obl\n");
    frame(&t, "stay", &f);
    assert_false(f.mod & EVG_FR_HYPOTHETICAL);
    assert_true(f.mod & EVG_FR_PLANNED);
}

/* Tense, which says whether a reported event happened at the time of the
 * report, and the future, which never falls before the document date. */
static void tense_and_future(void **state)
{
    (void)state;
    tree t;
    evg_frame f;
    /* "Israel will evacuate the settlements." */
    build(&t, "Israel Israel PROPN NNP 3 nsubj\n"
              "will will AUX MD 3 aux\n"
              "evacuate evacuate VERB VB 0 root\n"
              "the the DET DT 5 det\n"
              "settlements settlement NOUN NNS 3 obj\n");
    frame(&t, "evacuate", &f);
    assert_true(f.mod & EVG_FR_FUTURE);
    assert_int_equal(evg_frame_tense(t.w, t.n, 2), EVG_FR_TENSE_FUTURE);
    /* "Officials said they would delay it and had met, were meeting, met." */
    build(&t, "Officials official NOUN NNS 2 nsubj\n"
              "said say VERB VBD 0 root\n"
              "they they PRON PRP 5 nsubj\n"
              "would would AUX MD 5 aux\n"
              "delay delay VERB VB 2 ccomp\n"
              "had have AUX VBD 7 aux\n"
              "met meet VERB VBN 5 conj\n"
              "were be AUX VBD 9 aux\n"
              "meeting meet VERB VBG 5 conj\n"
              "met meet VERB VBD 5 conj\n"
              "is be AUX VBZ 12 aux\n"
              "cutting cut VERB VBG 5 conj\n");
    frame(&t, "delay", &f);
    assert_false(f.mod & EVG_FR_FUTURE);
    assert_true(f.mod & EVG_FR_WOULD);
    assert_int_equal(evg_frame_tense(t.w, t.n, 1), EVG_FR_TENSE_PAST);
    assert_int_equal(evg_frame_tense(t.w, t.n, 4), EVG_FR_TENSE_WOULD);
    assert_int_equal(evg_frame_tense(t.w, t.n, 6), EVG_FR_TENSE_PERFECT);
    assert_int_equal(evg_frame_tense(t.w, t.n, 8), EVG_FR_TENSE_PAST);
    assert_int_equal(evg_frame_tense(t.w, t.n, 9), EVG_FR_TENSE_PAST);
    assert_int_equal(evg_frame_tense(t.w, t.n, 11), EVG_FR_TENSE_PRESENT);
    /* "to delay" has no tense of its own */
    build(&t, "They they PRON PRP 2 nsubj\n"
              "agreed agree VERB VBD 0 root\n"
              "to to PART TO 4 mark\n"
              "delay delay VERB VB 2 xcomp\n");
    assert_int_equal(evg_frame_tense(t.w, t.n, 3), EVG_FR_TENSE_NONE);
}

/* "Jobs said at a press conference ..." (the conference is the occasion
 * of the report) against "offered compensation for the bombing". */
static void occasion_of_an_event(void **state)
{
    (void)state;
    tree t;
    build(&t, "Jobs Jobs PROPN NNP 2 nsubj\n"
              "said say VERB VBD 0 root\n"
              "at at ADP IN 5 case\n"
              "a a DET DT 5 det\n"
              "conference conference NOUN NN 2 obl\n"
              "for for ADP IN 8 case\n"
              "the the DET DT 8 det\n"
              "bombing bombing NOUN NN 2 obl\n");
    assert_true(evg_frame_occasion(t.w, t.n, 4));
    assert_false(evg_frame_occasion(t.w, t.n, 7));
    assert_false(evg_frame_occasion(t.w, t.n, 1));
}

/* A clause has one subject: a common noun the parser made a second
 * subject right before a name is the name's title ("Aer Lingus rival
 * Ryanair has been attempting to take over"), for the verb and the
 * infinitive it controls. */
static void title_read_as_second_subject(void **state)
{
    (void)state;
    tree t;
    build(&t, "Zorvex Zorvex PROPN NNP 2 compound\n"
              "rival rival NOUN NN 6 nsubj\n"
              "Quorbit Quorbit PROPN NNP 6 nsubj\n"
              "has have AUX VBZ 6 aux\n"
              "been be AUX VBN 6 aux\n"
              "attempting attempt VERB VBG 0 root\n"
              "to to PART TO 8 mark\n"
              "buy buy VERB VB 6 xcomp\n"
              "Zorvex Zorvex PROPN NNP 8 obj\n"
              ". . PUNCT . 6 punct\n");
    evg_frame f;
    frame(&t, "attempting", &f);
    assert_string_equal(args(&t, &f, EVG_FR_AGENT), "Quorbit");
    frame(&t, "buy", &f);
    assert_string_equal(args(&t, &f, EVG_FR_AGENT), "Quorbit");
    /* two names stay as the parser gave them */
    build(&t, "Zorvex Zorvex PROPN NNP 3 nsubj\n"
              "Quorbit Quorbit PROPN NNP 3 nsubj\n"
              "merged merge VERB VBD 0 root\n"
              ". . PUNCT . 3 punct\n");
    frame(&t, "merged", &f);
    assert_string_equal(args(&t, &f, EVG_FR_AGENT), "Zorvex");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(active_subject_and_object),
        cmocka_unit_test(passive_and_its_by_agent),
        cmocka_unit_test(object_and_subject_control),
        cmocka_unit_test(coordinated_verbs_and_arguments),
        cmocka_unit_test(relative_clauses),
        cmocka_unit_test(participles),
        cmocka_unit_test(nominal_predicates),
        cmocka_unit_test(obliques_by_preposition),
        cmocka_unit_test(negation_and_modals),
        cmocka_unit_test(conditions_and_questions),
        cmocka_unit_test(complements_of_hope_and_report),
        cmocka_unit_test(condition_read_as_preposition),
        cmocka_unit_test(tense_and_future),
        cmocka_unit_test(occasion_of_an_event),
        cmocka_unit_test(title_read_as_second_subject),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
