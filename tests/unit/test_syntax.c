/* Syntax module: the arc-hybrid transition system and its oracle, model
 * training (deterministic), model files that are missing or damaged, the
 * tokenizer's UD conventions, and a parse by a model trained here. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <malloc.h>
#if defined(__SANITIZE_ADDRESS__)
size_t __sanitizer_get_current_allocated_bytes(void); /* the ASan runtime's */
#endif

#include "evgraph/io.h"
#include "doc/doc_layer.h"
#include "syntax/syn_stage.h"
#include "text/tokens.h"
#include "syntax/conllu.h"
#include "syntax/syn_file.h"
#include "syntax/syn_internal.h"
#include "syntax/train.h"
#include "model_file_fixture.h"

/* The syntax model's tables (the parser's inline one is as it was). */
static const uint32_t syntax_tables[] = {SYN_SEC('P', 'T', 'G', 'J'),
                                         SYN_SEC('P', 'T', 'A', 'G'),
                                         SYN_SEC('P', 'L', 'A', 'B'), 0};

#define TINY EVG_SOURCE_DIR "/tests/data/syntax_tiny.conllu"

static syn_conllu load_tiny(void)
{
    char *text;
    size_t len;
    evg_error err;
    assert_int_equal(evg_read_file(TINY, 1 << 20, &text, &len, &err), 0);
    syn_conllu c;
    assert_int_equal(syn_conllu_parse(text, len, &c, &err), 0);
    return c;
}

/* Follows the cheapest action (shift last among equals) to the end. */
static int oracle_tree(const syn_csent *s, int *out_head)
{
    size_t n = s->nwords;
    int *gold = calloc(n + 2, sizeof *gold);
    syn_state st;
    assert_int_equal(syn_state_init(&st, n), 0);
    gold[0] = -1;
    for (size_t i = 0; i < n; i++)
        gold[i + 1] = atoi(s->lines[s->words[i]].col[CU_HEAD]);
    int steps = 0;
    while (!syn_state_final(&st)) {
        int best = -1, bc = 1 << 30;
        for (int a = SYN_NACT - 1; a >= 0; a--) {
            if (!syn_state_valid(&st, a))
                continue;
            int c = syn_state_cost(&st, a, gold);
            if (c < bc) {
                bc = c;
                best = a;
            }
        }
        assert_true(best >= 0);
        syn_state_apply(&st, best, 0);
        steps++;
        assert_true(steps <= (int)(2 * n + 2));
    }
    int lost = 0;
    for (size_t i = 1; i <= n; i++) {
        out_head[i - 1] = st.head[i];
        lost += st.head[i] != gold[i];
    }
    syn_state_dispose(&st);
    free(gold);
    return lost;
}

static int is_projective(const syn_csent *s)
{
    size_t n = s->nwords;
    for (size_t d = 1; d <= n; d++) {
        int h = atoi(s->lines[s->words[d - 1]].col[CU_HEAD]);
        size_t lo = h < (int)d ? (size_t)h : d, hi = h < (int)d ? d : (size_t)h;
        for (size_t k = lo + 1; k < hi; k++) { /* k must descend from h */
            int a = (int)k;
            while (a != h && a != 0)
                a = atoi(s->lines[s->words[a - 1]].col[CU_HEAD]);
            if (a != h)
                return 0;
        }
    }
    return 1;
}

static void oracle_rebuilds_projective_trees(void **state)
{
    (void)state;
    syn_conllu c = load_tiny();
    int projective = 0, crossing = 0;
    for (size_t i = 0; i < c.n; i++) {
        int head[64];
        int lost = oracle_tree(&c.sents[i], head);
        if (is_projective(&c.sents[i])) {
            projective++;
            assert_int_equal(lost, 0);
        } else {
            /* a crossing arc cannot be built: the oracle loses it alone,
             * and the result is still one tree under the root */
            crossing++;
            assert_int_equal(lost, 1);
            int roots = 0;
            for (size_t k = 0; k < c.sents[i].nwords; k++)
                roots += head[k] == 0;
            assert_int_equal(roots, 1);
        }
    }
    assert_int_equal(projective, 6);
    assert_int_equal(crossing, 1);
    syn_conllu_dispose(&c);
}

static void state_refuses_a_second_root(void **state)
{
    (void)state;
    syn_state st;
    assert_int_equal(syn_state_init(&st, 2), 0);
    syn_state_apply(&st, SYN_SHIFT, 0);
    /* one word on the stack, one in the buffer: no RIGHT onto the root */
    assert_false(syn_state_valid(&st, SYN_RIGHT));
    assert_true(syn_state_valid(&st, SYN_LEFT));
    syn_state_apply(&st, SYN_SHIFT, 0);
    assert_true(syn_state_valid(&st, SYN_RIGHT));
    assert_false(syn_state_valid(&st, SYN_SHIFT));
    syn_state_apply(&st, SYN_RIGHT, 0);
    syn_state_apply(&st, SYN_RIGHT, 0);
    assert_true(syn_state_final(&st));
    assert_int_equal(st.head[2], 1);
    assert_int_equal(st.head[1], 0);
    syn_state_dispose(&st);
}

/* The parser's inline table answers every lookup, found or not, as the
 * table it is built from does, and the same table gives the same bytes. */
static void inline_table_answers_as_the_table(void **state)
{
    (void)state;
    syn_ptrain p;
    assert_int_equal(syn_ptrain_init(&p, SYN_NACT), 0);
    uint64_t x = 88172645463325252ull, keys[3000];
    for (size_t i = 0; i < 3000; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        keys[i] = x;
        p.t++;
        assert_int_equal(syn_ptrain_update(&p, &keys[i], 1, i % 3, 1.0f), 0);
        if (i % 2) /* some rows hold two classes, some three */
            assert_int_equal(
                syn_ptrain_update(&p, &keys[i], 1, (i + 1) % 3, -0.5f), 0);
    }
    syn_ptab a, b, c;
    assert_int_equal(syn_ptab_from_train(&a, &p, 0), 0);
    assert_int_equal(syn_ptab_from_train(&b, &p, 0), 0);
    assert_int_equal(syn_ptab_from_train(&c, &p, 0), 0);
    assert_int_equal(syn_ptab_inline(&b), 0);
    assert_int_equal(syn_ptab_inline(&c), 0);
    assert_int_equal(b.inl_bits, c.inl_bits);
    assert_memory_equal(b.inl, c.inl, (size_t)8 << b.inl_bits);
    size_t found = 0;
    for (size_t i = 0; i < 6000; i++) {
        uint64_t k = keys[i % 3000];
        if (i >= 3000) { /* features the table does not hold */
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            k = x;
        }
        int32_t sa[SYN_NACT] = {0}, sb[SYN_NACT] = {0};
        syn_ptab_score(&a, &k, 1, sa);
        syn_ptab_score(&b, &k, 1, sb);
        assert_memory_equal(sa, sb, sizeof sa);
        found += sa[0] || sa[1] || sa[2];
    }
    assert_true(found >= 2900);
    /* a whole batch at once */
    int32_t sa[SYN_NACT] = {0}, sb[SYN_NACT] = {0};
    syn_ptab_score(&a, keys, 100, sa);
    syn_ptab_score(&b, keys, 100, sb);
    assert_memory_equal(sa, sb, sizeof sa);
    syn_ptab_dispose(&a);
    syn_ptab_dispose(&b);
    syn_ptab_dispose(&c);
    syn_ptrain_dispose(&p);
}

/* The joined tagger table (the two passes' tables in one) answers every
 * lookup as the two tables do, found or not, dense row or not, and where
 * two features of a table share a fingerprint, as the table does. */
static void joined_table_answers_as_the_two(void **state)
{
    (void)state;
    enum { NC = 12, NK = 2000 };
    syn_ptrain pa, pb;
    assert_int_equal(syn_ptrain_init(&pa, NC), 0);
    assert_int_equal(syn_ptrain_init(&pb, NC), 0);
    uint64_t x = 0x2545f4914f6cdd1dull, keys[NK + 2];
    for (size_t i = 0; i < NK; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        keys[i] = x;
    }
    keys[NK] = keys[0] ^ 2; /* the fingerprint of keys[0], another key */
    keys[NK + 1] = keys[5] ^ 4;
    for (size_t i = 0; i < NK + 2; i++) {
        /* a third of the features in `a` only, a third in `b` only */
        size_t ncls = i % 7 == 0 ? NC : 1 + i % 3; /* some rows dense */
        for (size_t c = 0; c < ncls; c++) {
            float d = (float)((i * 7 + c * 3) % 11) - 5.0f;
            pa.t++;
            pb.t++;
            if (i % 3 != 1)
                assert_int_equal(syn_ptrain_update(&pa, &keys[i], 1,
                                                   (i + c) % NC, d), 0);
            if (i % 3 != 2)
                assert_int_equal(syn_ptrain_update(&pb, &keys[i], 1,
                                                   (i + 2 * c) % NC, -d), 0);
        }
    }
    syn_ptab a, b, j;
    assert_int_equal(syn_ptab_from_train(&a, &pa, 0), 0);
    assert_int_equal(syn_ptab_from_train(&b, &pb, 0), 0);
    assert_int_equal(syn_ptab_join(&j, &a, &b), 0);
    assert_int_equal(j.nclass, 2 * NC);
    for (int dense = 0; dense < 2; dense++) {
        if (dense) /* as a model file's table is read */
            assert_int_equal(syn_ptab_densify(&j, (uint32_t *)(uintptr_t)j.slot),
                             0);
        size_t found = 0;
        for (size_t i = 0; i < 2 * NK; i++) {
            uint64_t f[3] = {keys[i % (NK + 2)], keys[(i * 13) % NK], 0};
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            f[2] = i < NK ? keys[NK + i % 2] : x; /* x: held by neither */
            int32_t sa[NC] = {0}, sb[NC] = {0}, sj[2 * NC] = {0};
            int32_t s1[2 * NC] = {0}, s2[2 * NC] = {0};
            syn_ptab_score(&a, f, 3, sa);
            syn_ptab_score(&b, f, 3, sb);
            syn_ptab_score(&j, f, 3, sj);
            assert_memory_equal(sj, sa, sizeof sa);
            assert_memory_equal(sj + NC, sb, sizeof sb);
            syn_ptab_score2(&j, f, 1, 3, s1, s2); /* split: f[0] | f[1..] */
            for (size_t c = 0; c < 2 * NC; c++)
                assert_int_equal(s1[c] + s2[c], sj[c]);
            int32_t one[2 * NC] = {0};
            syn_ptab_score(&j, f, 1, one);
            assert_memory_equal(s1, one, sizeof one);
            for (size_t c = 0; c < NC; c++)
                found += sa[c] != 0;
        }
        assert_true(found > NK);
    }
    syn_ptab_dispose(&a);
    syn_ptab_dispose(&b);
    syn_ptab_dispose(&j);
    syn_ptrain_dispose(&pa);
    syn_ptrain_dispose(&pb);
}

/* The forms of a sample sentence (at most 64 words) and their word
 * features; returns how many. */
static size_t tiny_words(const syn_csent *cs, const syn_map *dict,
                         const char **form, syn_word *w)
{
    size_t n = cs->nwords;
    assert_true(n <= 64);
    for (size_t i = 0; i < n; i++)
        form[i] = cs->lines[cs->words[i]].col[CU_FORM];
    syn_map none = {0};
    syn_words(dict, &none, form, n, w);
    return n;
}

/* The parser features it keeps while b0 stays (syn_parse_buffer_feats)
 * are the same at every step with the same first buffer word, whatever
 * the stack and the arcs: checked along many action sequences. */
static void buffer_features_stay_with_b0(void **state)
{
    (void)state;
    syn_conllu c = load_tiny();
    syn_map none = {0};
    uint8_t coarse[4] = {0, 1, 2, 3};
    uint64_t x = 0x9e3779b97f4a7c15ull;
    size_t checked = 0;
    for (size_t q = 0; q < c.n; q++) {
        const char *form[64];
        syn_word w[64];
        uint16_t tags[64];
        size_t n = tiny_words(&c.sents[q], &none, form, w);
        for (size_t i = 0; i < n; i++)
            tags[i] = (uint16_t)(i % 4);
        for (int run = 0; run < 8; run++) {
            syn_state st;
            assert_int_equal(syn_state_init(&st, n), 0);
            uint64_t seen[66][SYN_PARSE_BUFFER_FEATS];
            int have[66] = {0};
            while (!syn_state_final(&st)) {
                uint64_t f[SYN_PARSE_FEATS];
                assert_int_equal(syn_parse_features(&st, w, tags, coarse, f),
                                 112); /* no lexicon: none of its 6 */
                assert_true(st.b <= n + 1);
                for (size_t j = 0; j < SYN_PARSE_BUFFER_FEATS; j++) {
                    uint64_t v = f[syn_parse_buffer_feats[j]];
                    if (have[st.b]) {
                        assert_true(seen[st.b][j] == v);
                        checked++;
                    }
                    seen[st.b][j] = v;
                }
                have[st.b] = 1;
                int act;
                do { /* a random valid action */
                    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
                    act = (int)(x % SYN_NACT);
                } while (!syn_state_valid(&st, act));
                syn_state_apply(&st, act, (uint16_t)(x >> 8 & 7));
            }
            syn_state_dispose(&st);
        }
    }
    assert_true(checked > 1000);
    syn_conllu_dispose(&c);
}

static char *train_tiny(const char *path, unsigned long long seed,
                        unsigned folds)
{
    syn_train_opts o;
    syn_train_defaults(&o);
    const char *files[] = {TINY};
    o.train = files;
    o.ntrain = 1;
    o.dev = TINY; /* the epoch chosen on dev: deterministic too */
    o.tag_epochs = 5;
    o.parse_epochs = 5;
    o.prune = o.prune_tagger = 1; /* on 7 sentences most features are
                                     updated once: keep them */
    o.folds = folds;
    o.seed = seed;
    evg_error err;
    evg_error_clear(&err);
    evg_syn_model *m;
    assert_int_equal(syn_train(&o, &m, &err), 0);
    assert_int_equal(evg_syn_model_save(m, path, &err), 0);
    evg_syn_model_free(m);
    char *bytes;
    size_t len;
    assert_int_equal(evg_read_file(path, 1 << 26, &bytes, &len, &err), 0);
    return bytes;
}

static size_t file_size(const char *path)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fclose(f);
    return (size_t)n;
}

static void training_is_deterministic(void **state)
{
    (void)state;
    char a[] = "/tmp/evg-syn-a-XXXXXX", b[] = "/tmp/evg-syn-b-XXXXXX";
    close(mkstemp(a));
    close(mkstemp(b));
    char *x = train_tiny(a, 7, 2), *y = train_tiny(b, 7, 2);
    size_t n = file_size(a);
    assert_int_equal(n, file_size(b));
    assert_memory_equal(x, y, n);
    free(x);
    free(y);
    unlink(a);
    unlink(b);
}

/* The mappings of this test's model files (/proc/self/maps): a model
 * file mapped stays so until its model is freed, and is unmapped on every
 * path, a failed load's too. */
static int mapped_models(void)
{
    FILE *f = fopen("/proc/self/maps", "r");
    if (!f)
        return 0; /* not Linux: nothing to count */
    char line[4096];
    int k = 0;
    while (fgets(line, sizeof line, f))
        k += strstr(line, "/tmp/evg-syn-") != NULL;
    fclose(f);
    return k;
}

/* Writes `len` bytes of `data` to a fresh file and tries to load it. */
static int load_bytes(const char *data, size_t len, evg_error *err)
{
    char p[] = "/tmp/evg-syn-bad-XXXXXX";
    int fd = mkstemp(p);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, data, len), (ssize_t)len);
    close(fd);
    evg_syn_model *m = NULL;
    evg_error_clear(err);
    int before = mapped_models();
    int rc = evg_syn_model_load(p, &m, err);
    assert_null(m);
    assert_int_equal(mapped_models(), before);
    unlink(p);
    return rc;
}

static void damaged_models_are_errors(void **state)
{
    (void)state;
    char p[] = "/tmp/evg-syn-m-XXXXXX";
    close(mkstemp(p));
    char *good = train_tiny(p, 1, 2);
    size_t n = file_size(p);
    evg_syn_model *m = NULL;
    evg_error err;
    assert_int_equal(evg_syn_model_load(p, &m, &err), 0);
    evg_syn_model_free(m);

    assert_int_equal(evg_syn_model_load("/nonexistent/model.evgm", &m, &err),
                     EVG_EIO);
    assert_null(m);
    /* truncated, at several places */
    size_t cuts[] = {0, 7, 31, 32, n / 2, n - 1};
    for (size_t i = 0; i < sizeof cuts / sizeof *cuts; i++) {
        assert_int_equal(load_bytes(good, cuts[i], &err), EVG_EPARSE);
        assert_non_null(strstr(err.message, cuts[i] < 8 ? "not an evgraph"
                                                        : "truncated"));
    }
    /* one flipped byte anywhere in the payload */
    char *bad = malloc(n);
    for (size_t at = 32; at < n; at += n / 97 + 1) {
        memcpy(bad, good, n);
        bad[at] ^= 0x5a;
        assert_int_equal(load_bytes(bad, n, &err), EVG_EPARSE);
        assert_non_null(strstr(err.message, "corrupt"));
    }
    /* another format version */
    memcpy(bad, good, n);
    bad[8] = 99;
    assert_int_equal(load_bytes(bad, n, &err), EVG_EPARSE);
    assert_non_null(strstr(err.message, "version"));
    /* not a model at all */
    assert_int_equal(load_bytes("# sent_id = 1\n", 14, &err), EVG_EPARSE);
    free(bad);
    free(good);
    unlink(p);
}

/* A training of the sample small enough to run twice in a test. */
static void quick_opts(syn_train_opts *o)
{
    static const char *files[] = {TINY};
    syn_train_defaults(o);
    o->train = files;
    o->ntrain = 1;
    o->tag_epochs = 3;
    o->parse_epochs = 2;
    o->prune = o->prune_tagger = 1;
    o->folds = 2;
}

/* The trained model m and the loaded model l tag every sentence of the
 * sample alike: with the lexicon's word classes (syn_words), or with
 * every word scored and none taken from the tag dictionary. */
static void assert_same_tags(const evg_syn_model *m, const evg_syn_model *l,
                             int lexicon)
{
    syn_conllu c = load_tiny();
    size_t words = 0;
    for (size_t k = 0; k < c.n; k++) {
        const char *form[64];
        syn_word w[64];
        uint16_t ta[64], tb[64];
        size_t n = tiny_words(&c.sents[k], &m->tagdict, form, w);
        if (lexicon)
            syn_words(&m->tagdict, &m->lexicon, form, n, w);
        else
            for (size_t i = 0; i < n; i++)
                w[i].dtag = 0xffff;
        assert_int_equal(syn_tag(m, w, n, ta), 0);
        assert_int_equal(syn_tag(l, w, n, tb), 0);
        assert_memory_equal(ta, tb, n * sizeof *ta);
        words += n;
    }
    assert_true(words > 50);
    syn_conllu_dispose(&c);
}

/* A model file holds the tagger's two passes joined: the loaded model
 * tags every sentence as the trained one, whose tables are apart. */
static void loaded_model_tags_as_trained(void **state)
{
    (void)state;
    syn_train_opts o;
    quick_opts(&o);
    evg_error err;
    evg_syn_model *m, *l;
    assert_int_equal(syn_train(&o, &m, &err), 0);
    assert_true(m->tagger2.cap > 0 && !m->tagjoint.cap);
    char p[] = "/tmp/evg-syn-j-XXXXXX";
    close(mkstemp(p));
    assert_int_equal(evg_syn_model_save(m, p, &err), 0);
    assert_int_equal(evg_syn_model_load(p, &l, &err), 0);
    unlink(p);
    assert_true(l->tagjoint.cap > 0 && !l->tagger.cap && !l->tagger2.cap);
    assert_same_tags(m, l, 0);
    evg_syn_model_free(m);
    evg_syn_model_free(l);
}

static evg_syn_model *tiny_model(void)
{
    char p[] = "/tmp/evg-syn-t-XXXXXX";
    close(mkstemp(p));
    free(train_tiny(p, 3, 1)); /* one pass: the sample is tiny */
    evg_syn_model *m;
    evg_error err;
    assert_int_equal(evg_syn_model_load(p, &m, &err), 0);
    unlink(p);
    return m;
}

/* Bytes of heap in use (the sanitizer's allocator counts its own). */
static size_t heap_in_use(void)
{
#if defined(__SANITIZE_ADDRESS__)
    return __sanitizer_get_current_allocated_bytes();
#else
    struct mallinfo2 mi = mallinfo2();
    return mi.uordblks + mi.hblkhd;
#endif
}

/* The parser's room for a sentence grows with its words by a few dozen
 * bytes each (the analysis, the forms, the made lemmas packed), beside a
 * piece's fixed scratch: a 10,000-word sentence took 2.7 MB, 256 bytes of
 * lemma room a word. One `s` serves sentence after sentence: a short
 * sentence after the long one is analysed as in a fresh one. */
static void sentence_room_grows_with_its_words(void **state)
{
    (void)state;
    evg_syn_model *m = tiny_model();
    const char *unit = "officials said talks went on ";
    size_t reps = 2000, ul = strlen(unit);
    char *text = malloc(4 + reps * ul + 16);
    strcpy(text, "The ");
    for (size_t i = 0; i < reps; i++)
        memcpy(text + 4 + i * ul, unit, ul);
    strcpy(text + 4 + reps * ul, "and ended.");
    size_t len = strlen(text);
    evg_syn_tokens t = {0};
    assert_int_equal(evg_syn_tokenize(m, text, 0, len, &t), 0);
    assert_true(t.n > 10000);
    size_t before = heap_in_use();
    evg_syn_sent s = {0};
    assert_int_equal(evg_syn_parse_tokens(m, text, &t, &s), 0);
    size_t used = heap_in_use() - before;
    assert_int_equal(s.n, t.n);
    assert_true(used <= 64 * s.n + ((size_t)256 << 10));
    /* the same room for the next sentence */
    const char *next = "Mr. Lee signed the deal.";
    assert_int_equal(evg_syn_parse_span(m, next, 0, strlen(next), &t, &s),
                     0);
    evg_syn_sent f = {0};
    evg_syn_tokens u = {0};
    assert_int_equal(evg_syn_parse_span(m, next, 0, strlen(next), &u, &f),
                     0);
    assert_int_equal(s.n, f.n);
    for (size_t i = 0; i < f.n; i++) {
        assert_string_equal(s.form[i], f.form[i]);
        assert_int_equal(s.tag[i], f.tag[i]);
        assert_int_equal(s.head[i], f.head[i]);
        assert_int_equal(s.rel[i], f.rel[i]);
        assert_string_equal(s.lemma[i], f.lemma[i]);
    }
    evg_syn_sent_dispose(&s);
    evg_syn_sent_dispose(&f);
    evg_syn_tokens_dispose(&t);
    evg_syn_tokens_dispose(&u);
    free(text);
    evg_syn_model_free(m);
}

static void tokens_follow_ud(void **state)
{
    (void)state;
    evg_syn_model *m = tiny_model();
    const char *text = "They don't trust Mr. Kim, a well-known U.S. "
                       "envoy, and couldn\xe2\x80\x99t wait.";
    evg_syn_tokens t = {0};
    assert_int_equal(evg_syn_tokenize(m, text, 0, strlen(text), &t), 0);
    const char *want[] = {"They", "do", "n't", "trust", "Mr.", "Kim", ",",
                          "a", "well-known", "U.S.", "envoy", ",", "and",
                          "could", "n\xe2\x80\x99t", "wait", "."};
    size_t nw = sizeof want / sizeof *want;
    assert_int_equal(t.n, nw);
    for (size_t i = 0; i < nw; i++) {
        size_t len = t.v[i].end - t.v[i].start;
        assert_int_equal(len, strlen(want[i]));
        assert_memory_equal(text + t.v[i].start, want[i], len);
    }
    /* addresses stay whole; runs of one punctuation mark are one token */
    const char *web = "See www.example.com/a-b or mail jo@example.org... "
                      "Now -- really.";
    const char *want2[] = {"See", "www.example.com/a-b", "or", "mail",
                           "jo@example.org", "...", "Now", "--", "really",
                           "."};
    t.n = 0;
    assert_int_equal(evg_syn_tokenize(m, web, 0, strlen(web), &t), 0);
    assert_int_equal(t.n, sizeof want2 / sizeof *want2);
    for (size_t i = 0; i < t.n; i++) {
        size_t len = t.v[i].end - t.v[i].start;
        assert_int_equal(len, strlen(want2[i]));
        assert_memory_equal(web + t.v[i].start, want2[i], len);
    }
    evg_syn_tokens_dispose(&t);
    evg_syn_model_free(m);
}

/* A document of `text` in two sentences, bounds[k] the bytes of sentence
 * k, through the tokens stage. */
static evg_doc *two_sentences(const char *text, size_t bounds[2][2])
{
    evg_doc *doc;
    assert_int_equal(evg_doc_new(&doc), 0);
    doc->text = evg_doc_strdup(doc, text);
    doc->text_len = strlen(text);
    for (size_t k = 0; k < 2; k++) {
        evg_sentence *s = EVG_DOC_PUSH(doc, doc->sentences, doc->n_sentences,
                                       doc->cap_sentences);
        assert_non_null(s);
        s->start = bounds[k][0];
        s->end = bounds[k][1];
    }
    assert_int_equal(evg_extract__tokens(doc), 0);
    return doc;
}

/* Each sentence's tokens as a stage reads them (into *a) are the
 * tokenizer's (into *b): places, lengths and flags. *a is left with the
 * last sentence's. Returns every flag seen. */
static unsigned same_as_tokenizer(evg_doc *doc, const char *text,
                                  size_t bounds[2][2], evg_tokens *a,
                                  evg_tokens *b)
{
    unsigned seen = 0;
    for (size_t k = 0; k < 2; k++) {
        b->n = 0;
        assert_int_equal(evg_extract__tokens_of(doc, k, a), 0);
        assert_int_equal(evg_extract__tokenize(text, bounds[k][0],
                                               bounds[k][1], b), 0);
        assert_int_equal(a->n, b->n);
        for (size_t i = 0; i < a->n; i++) {
            assert_int_equal(a->v[i].start, b->v[i].start);
            assert_int_equal(a->v[i].end, b->v[i].end);
            assert_int_equal(a->v[i].flags, b->v[i].flags);
            seen |= b->v[i].flags;
        }
    }
    return seen;
}

/* The stage keeps a token's place and length only (4 bytes): its flags,
 * made again from its bytes, are the tokenizer's, for every kind of token
 * (possessives with either apostrophe, a lone apostrophe, numbers,
 * capitals, all capitals, non-ASCII capitals and letters, dashes). */
static void stage_tokens_keep_their_flags(void **state)
{
    (void)state;
    const char *text =
        "\xc3\x89mile \xc3\x9cnal's firm and the U.S. government\xe2\x80\x99s "
        "envoy signed a $3.5 billion deal with NATO\xe2\x80\x99s unit, "
        "O'Brien's ' lawyers \xe2\x80\x99 said 'S.\n\n"
        "The ministers\xe2\x80\x99 talks \xe2\x80\x94 begun in the 1990s \xe2\x80\x94 "
        "ended; \xd0\x98\xd0\xb2\xd0\xb0\xd0\xbd\xd0\xb0's aide and the "
        "\xe2\x80\x9cIMF\xe2\x80\x9d met at 5pm on 2019-05-23 via e-mail.com.";
    size_t cut = (size_t)(strstr(text, "\n\n") - text);
    size_t bounds[2][2] = {{0, cut}, {cut + 2, strlen(text)}};
    evg_doc *doc = two_sentences(text, bounds);
    assert_non_null(doc->pieces);
    evg_tokens a = {0}, b = {0};
    unsigned seen = same_as_tokenizer(doc, text, bounds, &a, &b);
    assert_int_equal(seen, EVG_TOK_WORD | EVG_TOK_NUM | EVG_TOK_PUNCT |
                               EVG_TOK_CAP | EVG_TOK_UPPER);
    evg_extract__tokens_dispose(&a);
    evg_extract__tokens_dispose(&b);
    evg_doc_free(doc);
}

/* The document is tokenized once (the tokens stage): the parser's words
 * and every later stage's tokens come from that layer, not from the text
 * again. A layer changed by hand shows in what they read. */
static void stages_read_the_token_layer(void **state)
{
    (void)state;
    evg_syn_model *m = tiny_model();
    const char *text = "They don't trust New York. Kim waits.";
    size_t cut = (size_t)(strchr(text, '.') - text) + 1;
    size_t bounds[2][2] = {{0, cut}, {cut + 1, strlen(text)}};
    evg_doc *doc = two_sentences(text, bounds);
    evg_tokens a = {0}, b = {0};
    same_as_tokenizer(doc, text, bounds, &a, &b);
    assert_int_equal(a.n, 3); /* Kim waits . */
    /* "New" and "York" made one token in the layer */
    evg_doc_pieces *p = doc->pieces;
    size_t i = 3; /* They don't trust New York . */
    assert_memory_equal(text + bounds[0][0] + p->v[i].off, "New York", 8);
    p->v[i].len = (uint16_t)(p->v[i + 1].off + p->v[i + 1].len - p->v[i].off);
    memmove(p->v + i + 1, p->v + i + 2, (p->n - i - 2) * sizeof *p->v);
    p->n--;
    p->first[1]--;
    p->first[2]--;
    assert_int_equal(evg_extract__tokens_of(doc, 0, &a), 0);
    assert_int_equal(a.n, 5); /* They don't trust New_York . */
    assert_int_equal(a.v[3].end - a.v[3].start, strlen("New York"));
    /* the parser's words: They do n't trust "New York" . */
    assert_int_equal(evg_extract__syntax(doc, m), 0);
    size_t n;
    const evg_doc_token *w = evg_doc__sentence_tokens(doc, 0, &n, NULL);
    assert_int_equal(n, 6);
    assert_string_equal(w[4].form, "New York");
    assert_string_equal(w[2].form, "n't");
    /* a document made without the stage is tokenized on demand */
    evg_doc__pieces_free(doc);
    assert_int_equal(evg_extract__tokens_of(doc, 0, &a), 0);
    assert_int_equal(a.n, 6);
    evg_extract__tokens_dispose(&a);
    evg_extract__tokens_dispose(&b);
    evg_doc_free(doc);
    evg_syn_model_free(m);
}

static void analyse_gives_one_tree(void **state)
{
    (void)state;
    evg_syn_model *m = tiny_model();
    const char *form[] = {"Mr.", "Lee", "signed", "the", "deal", "."};
    size_t n = 6;
    uint16_t tag[6], rel[6];
    int head[6];
    const char *lemma[6];
    char buf[6 * 64];
    evg_syn_sent s = {n, form, tag, head, rel, lemma, buf, sizeof buf, NULL};
    assert_int_equal(evg_syn_analyse(m, &s), 0);
    int roots = 0;
    for (size_t i = 0; i < n; i++) {
        assert_true(head[i] >= 0 && head[i] <= (int)n && head[i] != (int)i + 1);
        roots += head[i] == 0;
        assert_true(tag[i] < evg_syn_ntags(m));
        assert_true(rel[i] < evg_syn_nrels(m));
        assert_non_null(lemma[i]);
    }
    assert_int_equal(roots, 1);
    /* learned from the sentences above (the sample holds this one) */
    assert_string_equal(evg_syn_upos(m, tag[3]), "DET");
    assert_string_equal(lemma[2], "sign");
    assert_int_equal(head[2], 0);
    evg_syn_model_free(m);
}

/* Rewrites the payload of model file `good` (`n` bytes) with the parser
 * table's header word `word` set to `v`, or every slot byte to `fill`
 * (when `word` is negative), under a valid checksum, and loads it. */
static int load_patched(const char *good, size_t n, int word, uint32_t v,
                        unsigned char fill, evg_syn_model **m,
                        evg_error *err)
{
    size_t len = n - SYN_FILE_HEADER;
    unsigned char *pay = malloc(len);
    memcpy(pay, good + SYN_FILE_HEADER, len);
    syn_reader r;
    assert_true(syn_section_find(pay, len, SYN_SEC('P', 'P', 'A', 'R'), &r));
    unsigned char *at = pay + (r.p - pay);
    if (word >= 0)
        memcpy(at + 4 * word, &v, 4);
    else
        memset(at + 16, fill, r.n - 16);
    evg_buf b;
    evg_buf_init(&b, 0);
    assert_int_equal(evg_buf_append(&b, (const char *)pay, len), 0);
    char p[] = "/tmp/evg-syn-p-XXXXXX";
    close(mkstemp(p));
    uint32_t version; /* the file's own */
    memcpy(&version, good + 8, 4);
    assert_int_equal(syn_file_save(p, good, version, &b, err), 0);
    evg_buf_dispose(&b);
    free(pay);
    *m = NULL;
    int rc = evg_syn_model_load(p, m, err);
    unlink(p);
    return rc;
}

/* The parser's inline table: a header that does not fit is an error; slots
 * of any bytes are read without a crash or an endless probe. */
static void inline_table_of_any_bytes(void **state)
{
    (void)state;
    char p[] = "/tmp/evg-syn-i-XXXXXX";
    close(mkstemp(p));
    char *good = train_tiny(p, 3, 1);
    size_t n = file_size(p);
    unlink(p);
    evg_syn_model *m;
    evg_error err;
    const struct { int word; uint32_t v; } bad[] = {
        {0, 7},  /* classes */
        {1, 17}, /* too few slots for the tag */
        {1, 40}, /* more than the section holds */
        {2, 1},  /* the reserved word */
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        assert_int_equal(load_patched(good, n, bad[i].word, bad[i].v, 0, &m,
                                      &err), EVG_EPARSE);
        assert_null(m);
        assert_non_null(strstr(err.message, "damaged"));
    }
    const unsigned char fills[] = {0xff, 0x5a, 0x01};
    for (size_t i = 0; i < sizeof fills; i++) {
        assert_int_equal(load_patched(good, n, -1, 0, fills[i], &m, &err), 0);
        const char *form[] = {"Mr.", "Lee", "signed", "the", "deal", "."};
        uint16_t tag[6], rel[6];
        int head[6];
        const char *lemma[6];
        char buf[6 * 64];
        evg_syn_sent s = {6, form, tag, head, rel, lemma, buf, sizeof buf,
                          NULL};
        assert_int_equal(evg_syn_analyse(m, &s), 0);
        int roots = 0;
        for (size_t k = 0; k < 6; k++)
            roots += head[k] == 0;
        assert_int_equal(roots, 1);
        evg_syn_model_free(m);
    }
    free(good);
}

static void conllu_errors_name_the_line(void **state)
{
    (void)state;
    evg_error err;
    syn_conllu c;
    char *t = strdup("# x\n1\tA\t_\t_\t_\t_\t_\t_\t_\t_\n3\tB\t_\t_\t_\t_\t_\t_\t_\t_\n");
    assert_int_equal(syn_conllu_parse(t, strlen(t), &c, &err), EVG_EPARSE);
    assert_non_null(strstr(err.message, "line 3"));
    t = strdup("1\tA\t_\n");
    assert_int_equal(syn_conllu_parse(t, strlen(t), &c, &err), EVG_EPARSE);
    assert_non_null(strstr(err.message, "10"));
}

#define LEMMAS EVG_SOURCE_DIR "/tests/data/syntax_lemmas.conllu"

/* A model trained on the lemma sample, with a lexicon (or none). */
static evg_syn_model *lemma_model(int with_lexicon)
{
    /* what a dictionary says of these words: base forms of verbs (V),
     * nouns (N), adjectives (A); a word list's word in small letters */
    const char *words[] = {"postpone", "mention", "question", "condition",
                           "station", "use", "close", "cause", "official",
                           "minister", "postponed"};
    const uint32_t values[] = {
        SYN_LEX_V, SYN_LEX_V | SYN_LEX_N, SYN_LEX_V | SYN_LEX_N,
        SYN_LEX_V | SYN_LEX_N, SYN_LEX_V | SYN_LEX_N, SYN_LEX_V | SYN_LEX_N,
        SYN_LEX_V | SYN_LEX_A, SYN_LEX_V | SYN_LEX_N, SYN_LEX_N | SYN_LEX_A,
        SYN_LEX_N, SYN_LEX_LOWER};
    syn_train_opts o;
    syn_train_defaults(&o);
    const char *files[] = {LEMMAS};
    o.train = files;
    o.ntrain = 1;
    o.tag_epochs = o.parse_epochs = 2;
    o.prune = o.prune_tagger = 1;
    o.folds = 1;
    if (with_lexicon) {
        o.lex_words = words;
        o.lex_values = values;
        o.nlex = sizeof values / sizeof *values;
    }
    evg_error err;
    evg_error_clear(&err);
    evg_syn_model *m;
    assert_int_equal(syn_train(&o, &m, &err), 0);
    return m;
}

static unsigned tag_named(const evg_syn_model *m, const char *xpos)
{
    for (unsigned t = 0; t < evg_syn_ntags(m); t++)
        if (!strcmp(evg_syn_xpos(m, t), xpos))
            return t;
    fail_msg("no tag %s", xpos);
    return 0;
}

/* The rule of "-oned" past tenses drops "ed" (mentioned, questioned); for
 * "postponed" that makes "postpon", which the lexicon does not know as a
 * verb, so the lemmatizer takes the next rule whose lemma it knows (the
 * past tenses' second rule, "drop d"). With a lexicon, a capitalized
 * plural takes the lower-cased lemma that the plurals in small letters
 * taught. */
static void lemmas_ask_the_lexicon(void **state)
{
    (void)state;
    evg_syn_model *m = lemma_model(1), *bare = lemma_model(0);
    char buf[64];
    unsigned vbd = tag_named(m, "VBD"), nns = tag_named(m, "NNS");
    assert_string_equal(syn_lemma(m, "postponed", vbd, buf, sizeof buf),
                        "postpone");
    assert_string_equal(syn_lemma(bare, "postponed", vbd, buf, sizeof buf),
                        "postpon"); /* the rules alone */
    /* the first rule's lemma known: kept; none known: the first rule's */
    assert_string_equal(syn_lemma(m, "questioned", vbd, buf, sizeof buf),
                        "question");
    assert_string_equal(syn_lemma(m, "zorbed", vbd, buf, sizeof buf),
                        "zorb");
    assert_string_equal(syn_lemma(m, "Officials", nns, buf, sizeof buf),
                        "official");
    /* without a lexicon, rules are learned as the format 3 models were
     * (a tie keeps the case), which the shipped model reproduces */
    assert_string_equal(syn_lemma(bare, "Officials", nns, buf, sizeof buf),
                        "Official");
    assert_string_equal(syn_lemma(m, "OFFICIALS", nns, buf, sizeof buf),
                        "official");
    /* the lexicon's inflected forms, found by the lemma rules, and its
     * bits in the word features */
    assert_true(syn_lex_find(&m->lexicon, "postponed") &
                SYN_LEX_V << SYN_LEX_INFL_SHIFT);
    assert_true(syn_lex_find(&m->lexicon, "Postpone") & SYN_LEX_V);
    assert_int_equal(syn_lex_find(&m->lexicon, "zorbed"), 0);
    assert_int_equal(syn_lex_find(&bare->lexicon, "postpone"), 0);
    /* a model with a lexicon and one without are both written as format
     * version 7, and each reads back as it was */
    char p[] = "/tmp/evg-syn-l-XXXXXX";
    close(mkstemp(p));
    evg_error err;
    evg_error_clear(&err);
    for (int with = 0; with < 2; with++) {
        assert_int_equal(evg_syn_model_save(with ? m : bare, p, &err), 0);
        char *bytes;
        size_t len;
        assert_int_equal(evg_read_file(p, 1 << 26, &bytes, &len, &err), 0);
        uint32_t version;
        memcpy(&version, bytes + 8, 4);
        assert_int_equal(version, 7);
        free(bytes);
        evg_syn_model *l;
        assert_int_equal(evg_syn_model_load(p, &l, &err), 0);
        assert_string_equal(syn_lemma(l, "postponed", vbd, buf, sizeof buf),
                            with ? "postpone" : "postpon");
        evg_syn_model_free(l);
    }
    unlink(p);
    evg_syn_model_free(m);
    evg_syn_model_free(bare);
}

/* A lexicon model whose second tagger pass is a beam (format 6): the
 * width is kept in the file, the loaded model (its passes joined) tags
 * every sentence as the trained one (its passes apart), and two trainings
 * give the same bytes. */
static evg_syn_model *beam_model(const char *path)
{
    const char *words[] = {"the", "dog", "barked", "said", "company"};
    const uint32_t values[] = {0, SYN_LEX_N | SYN_LEX_LOWER,
                               SYN_LEX_V << SYN_LEX_INFL_SHIFT,
                               SYN_LEX_V << SYN_LEX_INFL_SHIFT,
                               SYN_LEX_N | SYN_LEX_LOWER};
    syn_train_opts o;
    quick_opts(&o);
    o.tag_beam = 4;
    o.lex_words = words;
    o.lex_values = values;
    o.nlex = sizeof values / sizeof *values;
    evg_error err;
    evg_error_clear(&err);
    evg_syn_model *m;
    assert_int_equal(syn_train(&o, &m, &err), 0);
    assert_int_equal(m->beam, 4);
    assert_int_equal(evg_syn_model_save(m, path, &err), 0);
    return m;
}

static void beam_model_tags_as_trained(void **state)
{
    (void)state;
    char p[] = "/tmp/evg-syn-b4-XXXXXX", q[] = "/tmp/evg-syn-b5-XXXXXX";
    close(mkstemp(p));
    close(mkstemp(q));
    evg_syn_model *m = beam_model(p), *again = beam_model(q), *l;
    evg_error err;
    char *x, *y;
    size_t nx, ny;
    assert_int_equal(evg_read_file(p, 1 << 26, &x, &nx, &err), 0);
    assert_int_equal(evg_read_file(q, 1 << 26, &y, &ny, &err), 0);
    assert_int_equal(nx, ny);
    assert_memory_equal(x, y, nx);
    uint32_t version;
    memcpy(&version, x + 8, 4);
    assert_int_equal(version, 7);
    free(x);
    free(y);
    assert_int_equal(evg_syn_model_load(p, &l, &err), 0);
    assert_int_equal(l->beam, 4);
    assert_true(l->tagjoint.cap > 0 && !l->tagger2.cap);
    assert_same_tags(m, l, 1);
    unlink(p);
    unlink(q);
    evg_syn_model_free(m);
    evg_syn_model_free(again);
    evg_syn_model_free(l);
}

/* The payload of model file bytes `good` (`n`), copied. */
static unsigned char *payload_of(const char *good, size_t n, size_t *len)
{
    *len = n - SYN_FILE_HEADER;
    unsigned char *pay = malloc(*len);
    memcpy(pay, good + SYN_FILE_HEADER, *len);
    return pay;
}

/* Writes `pay` (`len` bytes) as a model file of `version` with a valid
 * checksum and loads it. */
static int load_payload(const char *magic, uint32_t version,
                        const unsigned char *pay, size_t len,
                        evg_syn_model **m, evg_error *err)
{
    evg_buf b;
    evg_buf_init(&b, 0);
    assert_int_equal(evg_buf_append(&b, (const char *)pay, len), 0);
    char p[] = "/tmp/evg-syn-q-XXXXXX";
    close(mkstemp(p));
    assert_int_equal(syn_file_save(p, magic, version, &b, err), 0);
    evg_buf_dispose(&b);
    *m = NULL;
    evg_error_clear(err);
    int before = mapped_models();
    int rc = evg_syn_model_load(p, m, err);
    assert_int_equal(mapped_models(),
                     before + (rc == 0 && (*m)->file.mapped));
    unlink(p);
    return rc;
}

/* A table section in its final form (format 7): header words, slots,
 * pairs, dense rows. */
typedef struct final_tab {
    uint32_t *w;                 /* the header's six words */
    uint32_t *slot, *pairs;
    int16_t *dense;
} final_tab;

static final_tab final_of(unsigned char *pay, size_t len, uint32_t name)
{
    syn_reader r;
    assert_true(syn_section_find(pay, len, name, &r));
    final_tab t;
    t.w = (uint32_t *)(pay + (r.p - pay));
    t.slot = t.w + 6;
    t.pairs = t.slot + 2 * (size_t)t.w[1];
    t.dense = (int16_t *)(t.pairs + t.w[2]);
    return t;
}

/* The first used slot whose row is dense (`dense`) or sparse, or -1. */
static long used_slot(final_tab t, int dense)
{
    for (uint32_t i = 0; i < t.w[1]; i++)
        if (t.slot[2 * i] && !(t.slot[2 * i + 1] >> 31) == !dense)
            return (long)i;
    return -1;
}

/* Format 7 keeps the tables as they are used and reads them in place:
 * whatever their bytes under a valid checksum, a row outside the table, a
 * class the model does not have, or no empty slot is an error. */
static void final_tables_are_checked(void **state)
{
    (void)state;
    char p[] = "/tmp/evg-syn-f-XXXXXX";
    close(mkstemp(p));
    char *good = train_tiny(p, 3, 2);
    size_t n = file_size(p);
    unlink(p);
    evg_syn_model *m;
    evg_error err;
    size_t len;
    unsigned char *pay = payload_of(good, n, &len);
    assert_int_equal(load_payload(good, 7, pay, len, &m, &err), 0);
    assert_true(m->file.mapped);
    assert_true(m->tagjoint.cap && m->labeler.cap);
    assert_true(m->tagjoint.ndense + m->labeler.ndense > 0);
    evg_syn_model_free(m);
    const uint32_t names[] = {SYN_SEC('P', 'T', 'G', 'J'),
                              SYN_SEC('P', 'L', 'A', 'B')};
    int dense_seen = 0;
    for (size_t k = 0; k < 2; k++)
        for (int c = 0; c < 9; c++) {
            free(pay);
            pay = payload_of(good, n, &len);
            final_tab t = final_of(pay, len, names[k]);
            long s;
            switch (c) {
            case 0: t.w[0]++; break;            /* classes */
            case 1: t.w[1]--; break;            /* slots: the size */
            case 2: t.w[4]++; break;            /* dense rows: the size */
            case 3: t.w[5] = 1; break;          /* the reserved word */
            case 4: t.w[4] = 0x80000000u; break;
            case 5: /* a sparse row past the pairs */
                s = used_slot(t, 0);
                assert_true(s >= 0);
                t.slot[2 * s + 1] = t.w[2];
                break;
            case 6: /* a sparse row's class */
                s = used_slot(t, 0);
                t.pairs[t.slot[2 * s + 1] + 1] |= 0xffffu << 16;
                break;
            case 7: /* a dense row past the dense rows */
                if ((s = used_slot(t, 1)) < 0)
                    continue;
                dense_seen = 1;
                t.slot[2 * s + 1] = 0x80000000u | t.w[4];
                break;
            case 8: /* no empty slot: a probe would not end */
                for (uint32_t i = 0; i < t.w[1]; i++)
                    if (!t.slot[2 * i]) {
                        t.slot[2 * i] = 1;
                        t.slot[2 * i + 1] = 0;
                    }
                break;
            }
            assert_int_equal(load_payload(good, 7, pay, len, &m, &err),
                             EVG_EPARSE);
            assert_null(m);
            assert_non_null(strstr(err.message, "damaged"));
        }
    assert_true(dense_seen);
    /* dense rows of any weights are read */
    free(pay);
    pay = payload_of(good, n, &len);
    for (size_t k = 0; k < 2; k++) {
        final_tab t = final_of(pay, len, names[k]);
        memset(t.dense, 0x7f, (size_t)t.w[4] * t.w[0] * 2);
    }
    assert_int_equal(load_payload(good, 7, pay, len, &m, &err), 0);
    evg_syn_model_free(m);
    assert_int_equal(mapped_models(), 0);
    free(pay);
    free(good);
}

/* Models of the versions before 7 (3 without a lexicon, 6 with a lexicon
 * and a beam) are still read: into memory, their tables densified there;
 * they tag as the same model in format 7, which is mapped. A flipped byte
 * of theirs is found by their checksum of one chain. */
static void older_formats_still_load(void **state)
{
    (void)state;
    for (int beam = 0; beam < 2; beam++) {
        char p[] = "/tmp/evg-syn-o-XXXXXX";
        close(mkstemp(p));
        evg_syn_model *m, *l, *old;
        evg_error err;
        if (beam) {
            m = beam_model(p);
        } else {
            syn_train_opts o;
            quick_opts(&o);
            assert_int_equal(syn_train(&o, &m, &err), 0);
            assert_int_equal(evg_syn_model_save(m, p, &err), 0);
        }
        char *bytes;
        size_t n, len;
        assert_int_equal(evg_read_file(p, 1 << 26, &bytes, &n, &err), 0);
        unlink(p);
        unsigned char *pay = payload_of(bytes, n, &len);
        assert_int_equal(load_payload(bytes, 7, pay, len, &l, &err), 0);
        assert_true(l->file.mapped);
        evg_buf b;
        evg_buf_init(&b, 0);
        payload_to_old(pay, len, &b, syntax_tables);
        assert_false(b.failed);
        uint32_t version = beam ? 6 : 3;
        assert_int_equal(load_payload(bytes, version,
                                      (const unsigned char *)b.data, b.len,
                                      &old, &err), 0);
        assert_false(old->file.mapped);
        assert_int_equal(old->file.version, version);
        assert_int_equal(old->beam, l->beam);
        assert_int_equal(old->tagjoint.ndense, l->tagjoint.ndense);
        assert_same_tags(l, old, beam);
        assert_same_tags(m, old, beam);
        evg_syn_model_free(old);
        /* the old checksum still finds a flipped byte */
        char q[] = "/tmp/evg-syn-r-XXXXXX";
        close(mkstemp(q));
        assert_int_equal(syn_file_save(q, bytes, version, &b, &err), 0);
        char *ob;
        size_t on;
        assert_int_equal(evg_read_file(q, 1 << 26, &ob, &on, &err), 0);
        unlink(q);
        ob[on / 2] ^= 0x21;
        assert_int_equal(load_bytes(ob, on, &err), EVG_EPARSE);
        assert_non_null(strstr(err.message, "corrupt"));
        free(ob);
        evg_buf_dispose(&b);
        free(pay);
        free(bytes);
        evg_syn_model_free(l);
        evg_syn_model_free(m);
        assert_int_equal(mapped_models(), 0);
    }
}

/* The parse's repairs (repair.c), on parses written here as a greedy
 * parser gets them wrong. Tags and relations by name; a word's lexicon
 * class noun.time for the time words. */
static char rp_tags[][2][8] = {
    {"PROPN", "NNP"}, {"NOUN", "NN"}, {"NOUN", "NNS"}, {"ADJ", "JJ"},
    {"PUNCT", ","}, {"PUNCT", "."}, {"CCONJ", "CC"}, {"VERB", "VBD"},
    {"VERB", "VBN"}, {"DET", "DT"}, {"AUX", "VBD"}, {"PRON", "PRP"}};
static char rp_rels[][16] = {"root", "nsubj", "nsubj:pass", "obj",
                                "obl:unmarked", "appos", "conj", "cc",
                                "punct", "amod", "det", "advcl", "acl",
                                "aux:pass", "obl"};

typedef struct rp_word {
    const char *form, *xpos, *rel;
    int head, time;
} rp_word;

static unsigned rp_find(size_t n, const char *s)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(rp_rels[i], s))
            return (unsigned)i;
    fail_msg("no %s", s);
    return 0;
}

/* Repairs the parse `in` and checks each word's head and relation against
 * `want` (the same words). */
static void rp_check(const rp_word *in, const rp_word *want, size_t n)
{
    size_t nt = sizeof rp_tags / sizeof *rp_tags;
    size_t nr = sizeof rp_rels / sizeof *rp_rels;
    char *upos[16], *xpos[16], *rels[16];
    for (size_t t = 0; t < nt; t++) {
        upos[t] = rp_tags[t][0];
        xpos[t] = rp_tags[t][1];
    }
    for (size_t r = 0; r < nr; r++)
        rels[r] = rp_rels[r];
    evg_syn_model m;
    memset(&m, 0, sizeof m);
    m.ntags = nt;
    m.upos = upos;
    m.xpos = xpos;
    m.nrels = nr;
    m.rels = rels;
    m.lexicon.cap = 1; /* a lexicon model's (the repairs read w[].lex) */
    assert_int_equal(syn_model_coarse(&m), 0);
    syn_word w[32];
    uint16_t tags[32], rel[33];
    int head[33];
    memset(w, 0, sizeof w);
    head[0] = -1;
    rel[0] = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned t = 0;
        int aux = !strncmp(in[i].rel, "aux", 3);
        while (strcmp(rp_tags[t][1], in[i].xpos) ||
               aux != !strcmp(rp_tags[t][0], "AUX"))
            t++;
        tags[i] = (uint16_t)t;
        w[i].punct = !strcmp(rp_tags[t][0], "PUNCT");
        w[i].has_lex = 1;
        w[i].lex = in[i].time ? 26u << SYN_LEX_NOUN_SHIFT : 0;
        head[i + 1] = in[i].head;
        rel[i + 1] = (uint16_t)rp_find(nr, in[i].rel);
    }
    syn_repair(&m, w, tags, n, head, rel);
    for (size_t i = 0; i < n; i++) {
        if (head[i + 1] != want[i].head ||
            rel[i + 1] != rp_find(nr, want[i].rel))
            fail_msg("%s: %d %s, want %d %s", in[i].form, head[i + 1],
                     rp_rels[rel[i + 1]], want[i].head, want[i].rel);
    }
    free(m.coarse);
    free(m.lexpos);
    free(m.finite);
    free(m.relcls);
}

static void repairs_mend_two_readings(void **state)
{
    (void)state;
    /* "Last week, Brazil, Chile and Peru signed the accord.": the list an
     * apposition of "week", or conjuncts of it, and "signed" without a
     * subject; the list is its subject */
    const rp_word appos[] = {
        {"Last", "JJ", "amod", 2, 0},    {"week", "NN", "obl:unmarked", 9, 1},
        {",", ",", "punct", 4, 0},       {"Brazil", "NNP", "appos", 2, 0},
        {",", ",", "punct", 6, 0},       {"Chile", "NNP", "conj", 4, 0},
        {"and", "CC", "cc", 8, 0},       {"Peru", "NNP", "conj", 4, 0},
        {"signed", "VBD", "root", 0, 0}, {"the", "DT", "det", 11, 0},
        {"accord", "NN", "obj", 9, 0},   {".", ".", "punct", 9, 0}};
    rp_word fixed[12];
    memcpy(fixed, appos, sizeof fixed);
    fixed[2] = (rp_word){",", ",", "punct", 2, 0};
    fixed[3] = (rp_word){"Brazil", "NNP", "nsubj", 9, 0};
    rp_check(appos, fixed, 12);
    rp_word conj[12];
    memcpy(conj, appos, sizeof conj);
    conj[3].rel = "conj";
    conj[4].head = 6;
    conj[5].head = conj[7].head = 2;
    rp_check(conj, fixed, 12);
    /* passive: "Last week, Brazil and Chile were warned." */
    const rp_word passive[] = {
        {"Last", "JJ", "amod", 2, 0},     {"week", "NN", "obl:unmarked", 8, 1},
        {",", ",", "punct", 4, 0},        {"Brazil", "NNP", "appos", 2, 0},
        {"and", "CC", "cc", 6, 0},        {"Chile", "NNP", "conj", 4, 0},
        {"were", "VBD", "aux:pass", 8, 0}, {"warned", "VBN", "root", 0, 0},
        {".", ".", "punct", 8, 0}};
    rp_word pfixed[9];
    memcpy(pfixed, passive, sizeof pfixed);
    pfixed[2].head = 2;
    pfixed[3] = (rp_word){"Brazil", "NNP", "nsubj:pass", 8, 0};
    rp_check(passive, pfixed, 9);
    /* left alone: the verb has a subject ("Last week, Monday, ministers
     * met"), or the apposition is a time itself */
    const rp_word subj[] = {
        {"Last", "JJ", "amod", 2, 0},  {"week", "NN", "obl:unmarked", 6, 1},
        {",", ",", "punct", 4, 0},     {"Monday", "NNP", "appos", 2, 1},
        {",", ",", "punct", 2, 0},     {"met", "VBD", "root", 0, 0},
        {".", ".", "punct", 6, 0}};
    rp_check(subj, subj, 7);
    rp_word has[12];
    memcpy(has, appos, sizeof has);
    has[9] = (rp_word){"they", "PRP", "nsubj", 9, 0};
    rp_check(has, has, 12);

    /* "Police returned the cars stolen last month.": "stolen" an adverbial
     * clause of "returned"; it modifies "cars" */
    const rp_word part[] = {
        {"Police", "NNS", "nsubj", 2, 0},     {"returned", "VBD", "root", 0, 0},
        {"the", "DT", "det", 4, 0},           {"cars", "NNS", "obj", 2, 0},
        {"stolen", "VBN", "advcl", 2, 0},     {"last", "JJ", "amod", 7, 0},
        {"month", "NN", "obl:unmarked", 5, 1}, {".", ".", "punct", 2, 0}};
    rp_word pacl[8];
    memcpy(pacl, part, sizeof pacl);
    pacl[4] = (rp_word){"stolen", "VBN", "acl", 4, 0};
    rp_check(part, pacl, 8);
    /* left alone: after a comma ("They left the room, angered."), or with
     * a subject of its own */
    const rp_word comma[] = {
        {"They", "PRP", "nsubj", 2, 0}, {"left", "VBD", "root", 0, 0},
        {"the", "DT", "det", 4, 0},     {"room", "NN", "obj", 2, 0},
        {",", ",", "punct", 6, 0},      {"angered", "VBN", "advcl", 2, 0},
        {".", ".", "punct", 2, 0}};
    rp_check(comma, comma, 7);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(oracle_rebuilds_projective_trees),
        cmocka_unit_test(state_refuses_a_second_root),
        cmocka_unit_test(inline_table_answers_as_the_table),
        cmocka_unit_test(joined_table_answers_as_the_two),
        cmocka_unit_test(loaded_model_tags_as_trained),
        cmocka_unit_test(buffer_features_stay_with_b0),
        cmocka_unit_test(training_is_deterministic),
        cmocka_unit_test(damaged_models_are_errors),
        cmocka_unit_test(tokens_follow_ud),
        cmocka_unit_test(stage_tokens_keep_their_flags),
        cmocka_unit_test(stages_read_the_token_layer),
        cmocka_unit_test(analyse_gives_one_tree),
        cmocka_unit_test(sentence_room_grows_with_its_words),
        cmocka_unit_test(inline_table_of_any_bytes),
        cmocka_unit_test(conllu_errors_name_the_line),
        cmocka_unit_test(lemmas_ask_the_lexicon),
        cmocka_unit_test(beam_model_tags_as_trained),
        cmocka_unit_test(final_tables_are_checked),
        cmocka_unit_test(older_formats_still_load),
        cmocka_unit_test(repairs_mend_two_readings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
