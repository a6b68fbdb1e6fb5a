/*
 * award.c - step 3 of the evaluation (§6, §6.1): the award per lot from the committee's consensus
 * scores, and the final placement of every bidder (see award.h).
 *
 * tnd_evaluate works in four passes:
 *   1. every lot a bidder applied for becomes an entry of a lot: a candidate in the lot where
 *      tnd_check placed it (§4.3.1), and an EXCLUDED entry in the lot it applied for when steps
 *      1-2 did not place it there;
 *   2. the lots awarded competitively (a cascade chain marked awarded_competitively: lot 4) are
 *      awarded first. A bidder scored there but not awarded (NOT_RANKED, or losing a tie on the
 *      tie rule) falls back along that chain into the first lower lot whose requirements it meets,
 *      found by running tnd_check on the bid with that lot in place of the lot applied for, unless
 *      it opted out of the cascade (Bijlage I item 2). A SET_ASIDE plan does not fall back: the
 *      plan that failed the minimum is the same plan;
 *   3. every other lot is awarded on its own candidates plus those fallbacks, each scored on the
 *      criterion of the same id, from its rows for that lot or else for the lot it applied for;
 *   4. each bidder's outcome per lot applied for: final lot, status and the path that led there.
 *
 * The award rules per kind of tnd_award_lot (§6.1):
 *   ADMIT      (lots 6-8, §6.1 L1702-1704): placed ELIGIBLE or CONDITIONAL -> ADMITTED;
 *   THRESHOLD  (lots 1, 2, 3, 5, 9, §6.1.1 L1804-1807): every criterion with a minimum reaches it
 *              in round 1, or after the revision(s) the definition allows in round 2;
 *   RANKED     (lot 4, §6.1.2 L1835-1993): final mark = sum over the leaf criteria of consensus x
 *              factor (the product of the weights down the criteria tree), computed exactly in
 *              128-bit integers; the minimum applies to its own criterion only; at most
 *              max_awarded GRANTED; a tie at the last place is decided only by the definition's
 *              tie_rule or, where it names none, by the officer's decisions (tnd_tie_settlement,
 *              issue 8 §4), else reported as undecided.
 * A lot with a price formula (not IJsselland) ranks on scoring/price.c's total instead of the mark.
 * Every number comes from the definition; every reason names the § source of the rule applied.
 */
#include "scoring/award.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h> /* vsnprintf only: text into fixed buffers, no I/O */
#include <stdlib.h>
#include <string.h>

#include "scoring/check_internal.h"
#include "scoring/price.h"

__extension__ typedef __int128 i128; /* GCC/Clang, as in types.c and price.c */

/* Levels of nested criteria whose weight products stay exact inside 128 bits (scores up to
 * INT_MAX, 12 criteria): 10^(6*4) * 2^31 * 12 < 2^127. */
#define MAX_DEPTH 4

/* (issue 8 §4) the largest tie the officer's decisions can settle (ties beyond stay undecided) */
#define TND_MAX_TIE 64

/* ------------------------------------------------------------------ status names */

static const struct {
    const char *name, *dutch, *word;
} STATUS[] = {
    [TND_AWARD_GRANTED] = {"GRANTED", "GEGUND", "gegund"},
    [TND_AWARD_ADMITTED] = {"ADMITTED", "TOEGELATEN", "toegelaten"},
    [TND_AWARD_REVISION_OPEN] = {"REVISION_OPEN", "HERKANSING OPEN", "herkansing open"},
    [TND_AWARD_SET_ASIDE] = {"SET_ASIDE", "TERZIJDE GELEGD", "terzijde gelegd"},
    [TND_AWARD_NOT_RANKED] = {"NOT_RANKED", "NIET GEGUND", "niet gegund"},
    [TND_AWARD_TIE] = {"TIE", "GELIJKE STAND", "gelijke stand, onbeslist"},
    [TND_AWARD_NO_SCORES] = {"NO_SCORES", "SCORE ONTBREEKT", "score ontbreekt"},
    [TND_AWARD_PENDING] = {"PENDING", "IN BEOORDELING", "in beoordeling"},
    [TND_AWARD_EXCLUDED] = {"EXCLUDED", "NIET TOEGELATEN", "niet toegelaten"},
};

static bool status_known(tnd_award_status s)
{
    return (unsigned)s < sizeof STATUS / sizeof STATUS[0];
}

const char *tnd_award_status_name(tnd_award_status s)
{
    return status_known(s) ? STATUS[s].name : "?";
}

const char *tnd_award_status_dutch(tnd_award_status s)
{
    return status_known(s) ? STATUS[s].dutch : "?";
}

/* ------------------------------------------------------------------ text helpers */

/* Appends formatted text to buf; tnd_finding_set truncates on a whole UTF-8 character. */
__attribute__((format(printf, 3, 4)))
static void append(char *buf, size_t size, const char *fmt, ...)
{
    size_t len = strlen(buf);
    if (len + 1 >= size)
        return;
    char piece[1024]; /* longer than any buffer appended to, so a cut here is cut again below */
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(piece, sizeof piece, fmt, ap);
    va_end(ap);
    tnd_finding_set(buf + len, size - len, "%s", piece);
}

/*
 * An entry's reason after its lot's award, when the cascade adds to it (fall_back): the text is
 * kept at its own length (issue 9), so the longer text replaces it. Out of memory keeps the old.
 */
__attribute__((format(printf, 2, 3)))
static void entry_append(tnd_award_entry *e, const char *fmt, ...)
{
    char text[TND_REASON_LEN], piece[1024];
    tnd_finding_set(text, sizeof text, "%s", e->reason ? e->reason : "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(piece, sizeof piece, fmt, ap);
    va_end(ap);
    append(text, sizeof text, "%s", piece);
    char *longer = strdup(text);
    if (longer) {
        free(e->reason);
        e->reason = longer;
    }
}

/* A mark in Dutch notation with the decimals it needs, at least one: "7,4", "6,0", "6,85". */
static void mark_text(tnd_dec d, char buf[32])
{
    tnd_dec_nl(d, 6, buf);
    size_t n = strlen(buf);
    while (n >= 3 && buf[n - 1] == '0' && buf[n - 2] != ',')
        buf[--n] = '\0';
}

/* A distance or count in Dutch notation without trailing zeros: "15", "12,5". */
static void number_text(tnd_dec d, char buf[32])
{
    mark_text(d, buf);
    size_t n = strlen(buf);
    if (n >= 2 && buf[n - 1] == '0' && buf[n - 2] == ',')
        buf[n - 2] = '\0';
}

static void minimum_text(const tnd_criterion *cr, char buf[32])
{
    mark_text(cr->minimum, buf);
}

/* ------------------------------------------------------------------ exact arithmetic */

static i128 scale_pow(int k)
{
    i128 p = 1;
    while (k-- > 0)
        p *= TND_DEC_SCALE;
    return p;
}

/* num / den (den > 0) rounded to the nearest integer, halves away from zero. */
static int64_t round_div(i128 num, i128 den)
{
    i128 q = num / den, r = num % den;
    if (r < 0)
        r = -r;
    if (2 * r >= den)
        q += num < 0 ? -1 : 1;
    return (int64_t)q;
}

/* The exact value num / SCALE^places as tnd_dec (rounded to 6 decimals only when it has more). */
static tnd_dec dec_of(i128 num, int places)
{
    if (places == 0)
        return (tnd_dec){(int64_t)(num * TND_DEC_SCALE)};
    return (tnd_dec){round_div(num, scale_pow(places - 1))};
}

/* ------------------------------------------------------------------ the criteria tree */

static bool criterion_is_leaf(const tnd_award_lot *rule, int i)
{
    for (int k = 0; k < rule->n_criteria; k++)
        if (rule->criteria[k].parent == i)
            return false;
    return true;
}

/* The criterion a tie rule "higher-score:<criterion id>" names, when it takes scores (a leaf);
 * -1 for no rule, another rule or an unknown criterion (the loader refuses those, with the file
 * and line: tender/definition.c). */
static int tie_criterion(const tnd_award_lot *rule)
{
    size_t prefix = strlen(TND_TIE_RULE_HIGHER_SCORE);
    if (strncmp(rule->tie_rule, TND_TIE_RULE_HIGHER_SCORE, prefix) != 0)
        return -1;
    for (int i = 0; i < rule->n_criteria; i++)
        if (strcmp(rule->criteria[i].id, rule->tie_rule + prefix) == 0)
            return criterion_is_leaf(rule, i) ? i : -1;
    return -1;
}

/*
 * The product of the weights from criterion i up to, not including, `root` (-1: the award), as
 * an exact fraction *product / SCALE^*levels. False when root is not above i or the path is
 * deeper than MAX_DEPTH (a malformed parent chain counts as too deep).
 */
static bool weight_path(const tnd_award_lot *rule, int i, int root, i128 *product, int *levels)
{
    i128 p = 1;
    int n = 0;
    for (int c = i; c != root; c = rule->criteria[c].parent) {
        if (c < 0 || c >= rule->n_criteria || n >= MAX_DEPTH)
            return false;
        p *= rule->criteria[c].weight.units;
        n++;
    }
    *product = p;
    *levels = n;
    return true;
}

/* Deepest level of the tree (1 = top-level criteria only); MAX_DEPTH + 1 when deeper. */
static int tree_depth(const tnd_award_lot *rule)
{
    int depth = 0;
    for (int i = 0; i < rule->n_criteria; i++) {
        i128 p;
        int levels;
        if (!weight_path(rule, i, -1, &p, &levels))
            return MAX_DEPTH + 1;
        if (levels > depth)
            depth = levels;
    }
    return depth;
}

static const tnd_criterion_score *entry_score(const tnd_award_entry *e, int criterion)
{
    for (int k = 0; k < e->n_scores; k++)
        if (e->scores[k].criterion == criterion)
            return &e->scores[k];
    return NULL;
}

/*
 * The mark of `root` (-1: the award as a whole) as the exact fraction *num / SCALE^*places: the
 * sum over the leaf criteria below it of consensus x the weights between (§6.1.2 L1983-1987).
 * False when a leaf below it has no score (num then holds the sum of the scored ones).
 */
static bool exact_mark(const tnd_award_lot *rule, const tnd_award_entry *e, int root, i128 *num,
                       int *places)
{
    int depth = 0;
    for (int i = 0; i < rule->n_criteria; i++) {
        i128 p;
        int levels;
        if (criterion_is_leaf(rule, i) && weight_path(rule, i, root, &p, &levels) &&
            levels > depth)
            depth = levels;
    }
    i128 sum = 0;
    bool complete = true;
    for (int i = 0; i < rule->n_criteria; i++) {
        i128 p;
        int levels;
        if (!criterion_is_leaf(rule, i) || !weight_path(rule, i, root, &p, &levels))
            continue;
        const tnd_criterion_score *cs = entry_score(e, i);
        if (!cs || !cs->has_score) {
            complete = false;
            continue;
        }
        sum += (i128)cs->consensus * p * scale_pow(depth - levels);
    }
    *num = sum;
    *places = depth;
    return complete;
}

bool tnd_award_mark(const tnd_award_lot *rule, const tnd_award_entry *e, int criterion,
                    tnd_dec *out)
{
    *out = (tnd_dec){0};
    if (!rule || criterion < -1 || criterion >= rule->n_criteria ||
        tree_depth(rule) > MAX_DEPTH)
        return false;
    i128 num;
    int places;
    bool complete = exact_mark(rule, e, criterion, &num, &places);
    *out = dec_of(num, places);
    return complete;
}

/* ------------------------------------------------------------------ criterion C: locations */

static bool location_in_region(const tnd_definition *def, const tnd_lot *lot, const char *id)
{
    if (!id[0])
        return false;
    if (!lot)
        return tnd_definition_municipality(def, id) != NULL;
    for (size_t m = 0; m < lot->n_municipalities; m++)
        if (strcmp(lot->municipalities[m], id) == 0)
            return true;
    return false;
}

static long places_within(const tnd_definition *def, const tnd_lot *lot, const tnd_bid *bid,
                          tnd_dec max_km)
{
    long sum = 0;
    for (size_t i = 0; i < bid->n_locations; i++) {
        const tnd_location *loc = &bid->locations[i];
        if (loc->places <= 0)
            continue;
        if (location_in_region(def, lot, loc->municipality) ||
            tnd_dec_cmp(loc->distance_km, max_km) <= 0)
            sum += loc->places;
    }
    return sum;
}

long tnd_award_places_within(const tnd_definition *def, const tnd_bid *bid, tnd_dec max_km)
{
    return places_within(def, NULL, bid, max_km);
}

long tnd_award_places_within_lot(const tnd_definition *def, int lot, const tnd_bid *bid,
                                 tnd_dec max_km)
{
    const tnd_lot *l = tnd_definition_lot(def, lot);
    return l ? places_within(def, l, bid, max_km) : places_within(def, NULL, bid, max_km);
}

/* ------------------------------------------------------------------ the scores file, indexed */

/* A row's lookup key in integers, in the order of cmp_rows (issue 9: the binary search compared
 * strings inside rows scattered over the scores, a cache miss a step at 100,000 bids). */
typedef struct {
    int lot;
    unsigned criterion;     /* rank of the criterion id among the file's ids, in strcmp order */
    uint64_t bidder;        /* kvk_key */
} row_key;

typedef struct {
    const tnd_score **rows; /* sorted by lot, criterion, bidder, round, line */
    row_key *keys;          /* keys[i] is the key of rows[i] */
    const char **criteria;  /* the distinct criterion ids of the rows, sorted */
    size_t n, n_criteria;
} row_index;

/* A KvK number (at most 8 bytes: char[9] in tnd_score and tnd_bidder) as an integer whose order
 * is strcmp's: its bytes big-endian, padded with zero bytes. */
static uint64_t kvk_key(const char *kvk)
{
    uint64_t k = 0;
    bool ended = false;
    for (int i = 0; i < 8; i++) {
        unsigned char ch = ended ? 0 : (unsigned char)kvk[i];
        ended = ch == 0;
        k = k << 8 | ch;
    }
    return k;
}

static int cmp_row_key(const row_key *a, const row_key *b)
{
    if (a->lot != b->lot)
        return a->lot < b->lot ? -1 : 1;
    if (a->criterion != b->criterion)
        return a->criterion < b->criterion ? -1 : 1;
    return (a->bidder > b->bidder) - (a->bidder < b->bidder);
}

/* The rank of criterion among the index's ids; false when no row has it. */
static bool criterion_rank(const row_index *ix, const char *criterion, unsigned *rank)
{
    size_t lo = 0, hi = ix->n_criteria;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(ix->criteria[mid], criterion);
        if (c == 0) {
            *rank = (unsigned)mid;
            return true;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}

static int cmp_key(int lot, const char *criterion, const char *bidder, const tnd_score *s)
{
    int c;
    if (lot != s->lot)
        return lot < s->lot ? -1 : 1;
    if ((c = strcmp(criterion, s->criterion)) != 0)
        return c;
    return strcmp(bidder, s->bidder);
}

static int cmp_rows(const void *pa, const void *pb)
{
    const tnd_score *a = *(const tnd_score *const *)pa, *b = *(const tnd_score *const *)pb;
    int c = cmp_key(a->lot, a->criterion, a->bidder, b);
    if (c != 0)
        return c;
    if (a->round != b->round)
        return a->round < b->round ? -1 : 1;
    return (a->line > b->line) - (a->line < b->line);
}

static bool index_rows(const tnd_scores *scores, row_index *ix)
{
    memset(ix, 0, sizeof *ix);
    if (!scores || scores->n == 0)
        return true;
    ix->rows = malloc(scores->n * sizeof *ix->rows);
    ix->keys = malloc(scores->n * sizeof *ix->keys);
    ix->criteria = malloc(scores->n * sizeof *ix->criteria);
    if (!ix->rows || !ix->keys || !ix->criteria)
        return false;
    for (size_t i = 0; i < scores->n; i++)
        ix->rows[i] = &scores->items[i];
    ix->n = scores->n;
    qsort(ix->rows, ix->n, sizeof *ix->rows, cmp_rows);
    /* the criterion ids: one at each change of lot or criterion in the sorted rows, then sorted
     * and each kept once */
    size_t m = 0;
    for (size_t i = 0; i < ix->n; i++)
        if (i == 0 || ix->rows[i]->lot != ix->rows[i - 1]->lot ||
            strcmp(ix->rows[i]->criterion, ix->rows[i - 1]->criterion) != 0)
            ix->criteria[m++] = ix->rows[i]->criterion;
    qsort(ix->criteria, m, sizeof *ix->criteria, tnd_cmp_text_ptrs);
    for (size_t i = 0; i < m; i++)
        if (ix->n_criteria == 0 || strcmp(ix->criteria[ix->n_criteria - 1], ix->criteria[i]) != 0)
            ix->criteria[ix->n_criteria++] = ix->criteria[i];
    for (size_t i = 0; i < ix->n; i++) {
        ix->keys[i].lot = ix->rows[i]->lot;
        criterion_rank(ix, ix->rows[i]->criterion, &ix->keys[i].criterion);
        ix->keys[i].bidder = kvk_key(ix->rows[i]->bidder);
    }
    return true;
}

static void row_index_free(row_index *ix)
{
    free(ix->rows);
    free(ix->keys);
    free(ix->criteria);
    memset(ix, 0, sizeof *ix);
}

/* What one round holds for one lot, criterion and bidder. */
typedef struct {
    bool any;                     /* a row of this round exists */
    bool has_consensus;
    int consensus;
    int n_members, min, max;
} round_rows;

/* Rounds 1 and 2 (r[1], r[2]) of one lot, criterion and bidder; false when there is no row. */
static bool gather(const row_index *ix, int lot, const char *criterion, const char *bidder,
                   round_rows r[3])
{
    memset(r, 0, 3 * sizeof *r);
    row_key key = { lot, 0, kvk_key(bidder) };
    if (!criterion_rank(ix, criterion, &key.criterion))
        return false;
    size_t lo = 0, hi = ix->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cmp_row_key(&key, &ix->keys[mid]) > 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    bool found = false;
    for (size_t i = lo; i < ix->n && cmp_row_key(&key, &ix->keys[i]) == 0; i++) {
        const tnd_score *s = ix->rows[i];
        if (s->round < 1 || s->round > 2)
            continue;
        round_rows *q = &r[s->round];
        found = q->any = true;
        if (strcmp(s->member, TND_CONSENSUS) == 0) {
            q->has_consensus = true;
            q->consensus = s->score;
        } else {
            if (q->n_members == 0 || s->score < q->min)
                q->min = s->score;
            if (q->n_members == 0 || s->score > q->max)
                q->max = s->score;
            q->n_members++;
        }
    }
    return found;
}

/* ------------------------------------------------------------------ candidates */

/* Items grouped by bidder (a stable counting sort): the items of bidder b are
 * item[start[b]] .. item[start[b + 1] - 1], in their original order. */
typedef struct {
    size_t *start;                /* n_bidders + 2 */
    size_t *item;
} by_bidder;

/* Groups m items by key[i] (a bidder index, at most n_bidders). False when out of memory. */
static bool group_by_bidder(size_t n_bidders, const size_t *key, size_t m, by_bidder *g)
{
    g->start = calloc(n_bidders + 2, sizeof *g->start);
    g->item = malloc((m ? m : 1) * sizeof *g->item);
    size_t *next = malloc((n_bidders + 1) * sizeof *next);
    bool ok = g->start && g->item && next;
    if (ok) {
        for (size_t i = 0; i < m; i++)
            g->start[key[i] + 1]++;
        for (size_t b = 0; b <= n_bidders; b++)
            g->start[b + 1] += g->start[b];
        memcpy(next, g->start, (n_bidders + 1) * sizeof *next);
        for (size_t i = 0; i < m; i++)
            g->item[next[key[i]]++] = i;
    }
    free(next);
    return ok;
}

static void by_bidder_free(by_bidder *g)
{
    free(g->start);
    free(g->item);
    g->start = g->item = NULL;
}

/* One entry of a lot before it is scored. */
typedef struct {
    size_t bidder;                /* index into the bids */
    int applied;                  /* lot applied for */
    int lot;                      /* lot it is an entry of */
    tnd_lot_status check_status;  /* steps 1-2 for `lot` */
    bool excluded;                /* applied for `lot` but not placed there by steps 1-2 */
    bool fallback;                /* reached `lot` after not being awarded `applied` */
    size_t note;                  /* excluded: why; fallback: the route so far; pending: what */
    size_t products;              /* products held or refused on their own (tnd_placement) */
                                  /* both: offsets into eval_ctx.texts, 0 = none (issue 9: two
                                     full-size rows made a candidate 832 bytes, 140 MB of fresh
                                     pages at 100,000 bids) */
} candidate;

/* The candidates' texts, one after the other, each ending in '\0'; offset 0 is the empty text. */
typedef struct {
    char *data;
    size_t len, cap;
} text_pool;

typedef struct work work;

/* The rows a lot is decided in (award_lot), kept from one lot to the next and grown to the
 * largest (issue 9: allocated per lot they were 0.9 KB an entry of fresh pages, 20,000 page
 * faults at 100,000 bids). */
typedef struct {
    tnd_award_entry *entries;     /* the drafts, before their order is decided */
    work *ws;
    char (*reasons)[TND_REASON_LEN];
    tnd_criterion_score *scores;
    size_t cap, cap_scores;
} lot_rows;

typedef struct {
    const tnd_definition *def;
    const tnd_bid *const *bids;
    const tnd_check_result *const *checks;
    size_t n;
    const tnd_price *prices;
    size_t n_prices;
    const tnd_price **prices_sorted; /* by lot, KvK, then file order: find_price */
    row_index rows;
    candidate *cands;
    size_t n_cands, cap_cands;
    text_pool texts;              /* the candidates' notes and products */
    lot_rows rows_of_lot;
    const tnd_evaluation *out;    /* the lots awarded so far (an ADMIT lot reads its plan lots) */
    bool oom;
    /* Indexes built once, so that no lookup scans every bidder (issue 9: the scans per placement
     * made the award O(N^2)); *ops counts the steps of the lookups (tnd_evaluation.operations). */
    struct bid_slot *by_address;  /* the bids sorted by address: bidder_index */
    by_bidder entries, falls;     /* per bidder: its lot entries, its fallback records */
    size_t *entry_lot, *entry_at; /* entries.item -> (index into out->lots, index into entries) */
    int *n_ranked;                /* per lot index: ranked_count, -1 = not counted yet */
    unsigned *best_at;            /* [lot index * n + bidder]: 1 + the index of the bidder's entry
                                     of that lot with the highest plan_standing (the first of
                                     equals), 0 = none or the lot is not awarded yet */
    unsigned long long *ops;
    const tnd_tie_settlement *ties; /* the officer's tie decisions (issue 8 §4), may be NULL */
    size_t n_ties;
} eval_ctx;

static candidate *add_candidate(eval_ctx *c, size_t bidder, int applied, int lot)
{
    if (c->n_cands == c->cap_cands) {
        size_t cap = c->cap_cands ? 2 * c->cap_cands : 32;
        candidate *grown = realloc(c->cands, cap * sizeof *grown);
        if (!grown) {
            c->oom = true;
            return NULL;
        }
        c->cands = grown;
        c->cap_cands = cap;
    }
    candidate *k = &c->cands[c->n_cands++];
    memset(k, 0, sizeof *k);
    k->bidder = bidder;
    k->applied = applied;
    k->lot = lot;
    return k;
}

/* Keeps text in the pool; its offset, or 0 (the empty text) for an empty one or out of memory
 * (c->oom set, the award then fails). */
static size_t keep_text(eval_ctx *c, const char *text)
{
    size_t len = strlen(text);
    if (len == 0)
        return 0;
    text_pool *p = &c->texts;
    if (p->len + len + 1 > p->cap) {
        size_t cap = p->cap ? p->cap : 4096;
        while (cap < p->len + len + 1)
            cap *= 2;
        char *grown = realloc(p->data, cap);
        if (!grown) {
            c->oom = true;
            return 0;
        }
        p->data = grown;
        p->cap = cap;
    }
    if (p->len == 0)
        p->data[p->len++] = '\0'; /* offset 0 */
    size_t at = p->len;
    memcpy(p->data + at, text, len + 1);
    p->len += len + 1;
    return at;
}

static const char *text_at(const eval_ctx *c, size_t at)
{
    return at ? c->texts.data + at : "";
}

static bool finding_applies(const tnd_finding *f, int lot)
{
    return f->lot == 0 || f->lot == lot;
}

/* "stap 2: FIN-SOLVABILITEIT (§5.3.1 L1357): <reason>" for the first FAIL or MISSING that
 * applies to `lot` (the findings are in document order: step 1 first). */
static void first_failure(const tnd_check_result *r, int lot, char *buf, size_t size)
{
    for (size_t i = 0; i < r->n_findings; i++) {
        const tnd_finding *f = &r->findings[i];
        if (!f->cascade && finding_applies(f, lot) &&
            (f->verdict == TND_FAIL || f->verdict == TND_MISSING)) {
            tnd_finding_set(buf, size, "stap %d: %s (%s): %s", f->step, f->rule_id, f->source,
                            f->reason);
            return;
        }
    }
    tnd_finding_set(buf, size, "niet geplaatst in perceel %d", lot);
}

/* The rule ids (each once) of the findings for `lot` with one of two verdicts, ", "-separated. */
static void rule_ids(const tnd_check_result *r, int lot, tnd_verdict v1, tnd_verdict v2,
                     char *buf, size_t size)
{
    buf[0] = '\0';
    for (size_t i = 0; i < r->n_findings; i++) {
        const tnd_finding *f = &r->findings[i];
        if (!finding_applies(f, lot) || (f->verdict != v1 && f->verdict != v2))
            continue;
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++)
            seen = finding_applies(&r->findings[j], lot) &&
                   (r->findings[j].verdict == v1 || r->findings[j].verdict == v2) &&
                   strcmp(r->findings[j].rule_id, f->rule_id) == 0;
        if (!seen)
            append(buf, size, "%s%s", buf[0] ? ", " : "", f->rule_id);
    }
}

static void pending_note(const tnd_check_result *r, int lot, char *buf, size_t size)
{
    char ids[TND_REASON_LEN];
    rule_ids(r, lot, TND_REVIEW, TND_PLAN_REQUIRED, ids, sizeof ids);
    int step = 2; /* the first open step: a REVIEW of the closing time is step 1's */
    for (size_t i = 0; i < r->n_findings; i++)
        if (finding_applies(&r->findings[i], lot) && r->findings[i].step < step &&
            (r->findings[i].verdict == TND_REVIEW || r->findings[i].verdict == TND_PLAN_REQUIRED))
            step = r->findings[i].step;
    tnd_finding_set(buf, size, "stap %d nog niet afgerond (%s): gunning na afronding", step,
                    ids[0] ? ids : "beoordeling open");
}

/* Pass 1: the entries that steps 1-2 give every lot. */
static void place_candidates(eval_ctx *c)
{
    for (size_t b = 0; b < c->n && !c->oom; b++) {
        const tnd_check_result *r = c->checks[b];
        for (size_t k = 0; k < r->n_placements && !c->oom; k++) {
            const tnd_placement *p = &r->placements[k];
            bool stopped = r->stopped_at_step == 1 || r->stopped_at_step == 2;
            char text[TND_REASON_LEN];
            if (stopped || p->placed != p->applied) {
                candidate *x = add_candidate(c, b, p->applied, p->applied);
                if (!x)
                    return;
                x->excluded = true;
                x->check_status = TND_LOT_NOT_ELIGIBLE;
                first_failure(r, p->applied, text, sizeof text);
                if (!stopped && p->placed != 0)
                    append(text, sizeof text, "; geplaatst: %s", p->path);
                else if (!stopped)
                    append(text, sizeof text, "; %s", p->path);
                x->note = keep_text(c, text);
            }
            if (stopped || p->placed == 0)
                continue;
            candidate *x = add_candidate(c, b, p->applied, p->placed);
            if (!x)
                return;
            x->check_status = p->status;
            tnd_finding_set(text, sizeof text, "%s", p->products);
            x->products = keep_text(c, text);
            if (p->status == TND_LOT_PENDING) {
                pending_note(r, p->placed, text, sizeof text);
                x->note = keep_text(c, text);
            }
        }
    }
}

/* ------------------------------------------------------------------ scoring one criterion */

typedef enum {
    LEAF_OK,
    LEAF_OK_REVISED,              /* the minimum reached after the revision (round 2) */
    LEAF_MISSING,                 /* no consensus score */
    LEAF_REVISION_OPEN,
    LEAF_SET_ASIDE
} leaf_state;

/* Severity for combining the leaves of one entry. */
static int leaf_rank(leaf_state s)
{
    switch (s) {
    case LEAF_OK: return 0;
    case LEAF_OK_REVISED: return 1;
    case LEAF_MISSING: return 2;
    case LEAF_REVISION_OPEN: return 3;
    case LEAF_SET_ASIDE: return 4;
    }
    return 0;
}

static void set_spread(tnd_criterion_score *cs, const round_rows *q)
{
    cs->n_members = q->n_members;
    cs->member_min = q->n_members ? q->min : 0;
    cs->member_max = q->n_members ? q->max : 0;
    cs->consensus_outside_members =
        cs->has_score && q->n_members > 0 && (cs->consensus < q->min || cs->consensus > q->max);
}

/*
 * Scores leaf criterion ci of `rule` for a bidder who is an entry of `lot` after applying for
 * `applied`; writes a Dutch note on what decided it into note. The rows come from `lot`, or
 * from `applied` when the bidder has none for this criterion in `lot` (a fallback competes on
 * the plan it submitted). §6.1.1 L1804-1807: minimum 6,0, one revision; §6.1.2 L1943-1945:
 * criterion C from the locations.
 */
static leaf_state score_leaf(const eval_ctx *c, const tnd_award_lot *rule, int ci, int lot,
                             int applied, const tnd_bid *bid, tnd_criterion_score *cs, char *note,
                             size_t size)
{
    const tnd_criterion *cr = &rule->criteria[ci];
    i128 product;
    int levels;
    memset(cs, 0, sizeof *cs);
    cs->criterion = ci;
    cs->first_round = -1;
    note[0] = '\0';
    if (weight_path(rule, ci, -1, &product, &levels))
        cs->factor = dec_of(product, levels);
    else
        product = 0, levels = 0;

    round_rows r[3];
    int rows_lot = lot;
    if (!gather(&c->rows, lot, cr->id, bid->bidder.kvk, r) && applied != lot &&
        gather(&c->rows, applied, cr->id, bid->bidder.kvk, r))
        rows_lot = applied;

    if (cr->computed_locations) {
        char km[32];
        long places = tnd_award_places_within_lot(c->def, lot, bid, cr->locations_max_km);
        number_text(cr->locations_max_km, km);
        if (places >= cr->locations_min_places) {
            cs->has_score = cs->computed = true;
            cs->consensus = cr->locations_score;
            cs->round = 0;
            set_spread(cs, &r[1]);
            cs->consensus_outside_members = false;
            cs->weighted = dec_of((i128)cs->consensus * product, levels);
            tnd_finding_set(note, size, "criterium %s berekend: %ld plekken in de regio of "
                            "binnen %s km (minimaal %ld): %d (%s)", cr->id, places, km,
                            cr->locations_min_places, cs->consensus, cr->source);
            return LEAF_OK;
        }
        if (!r[1].has_consensus) /* said only when the committee's score is missing too */
            tnd_finding_set(note, size, "criterium %s: %ld plekken in de regio of binnen %s "
                            "km (minder dan %ld): score van de commissie", cr->id, places, km,
                            cr->locations_min_places);
    }

    if (!r[1].has_consensus) {
        set_spread(cs, &r[1]);
        append(note, size, "%s%s: geen consensusscore (ronde 1)", note[0] ? "; " : "",
               cr->label);
        if (applied != lot)
            append(note, size, " in perceel %d of %d", lot, applied);
        return LEAF_MISSING;
    }
    leaf_state state = LEAF_OK;
    int used = 1;
    cs->has_score = true;
    cs->consensus = r[1].consensus;
    if (cr->has_minimum) {
        char min[32];
        minimum_text(cr, min);
        cs->first_round = r[1].consensus;
        if (tnd_dec_cmp(tnd_dec_from_int(r[1].consensus), cr->minimum) >= 0) {
            append(note, size, "%s%s %d >= %s (%s)", note[0] ? "; " : "", cr->label,
                   r[1].consensus, min, cr->source);
            if (r[2].any)
                append(note, size, "; ronde 2 genegeerd: ronde 1 haalde het minimum al");
        } else if (cr->revisions < 1) {
            state = LEAF_SET_ASIDE;
            append(note, size, "%s%s %d < %s zonder herkansing (%s)", note[0] ? "; " : "",
                   cr->label, r[1].consensus, min, cr->source);
        } else if (r[2].has_consensus) {
            used = 2;
            cs->consensus = r[2].consensus;
            bool met = tnd_dec_cmp(tnd_dec_from_int(r[2].consensus), cr->minimum) >= 0;
            state = met ? LEAF_OK_REVISED : LEAF_SET_ASIDE;
            append(note, size, "%s%s ronde 1: %d < %s, na herziening %d %s %s (%s)",
                   note[0] ? "; " : "", cr->label, r[1].consensus, min, r[2].consensus,
                   met ? ">=" : "<", min, cr->source);
            /* the document does not say how a revised score counts in a mark: the definition
             * names it (cap-at-minimum: the revision decides the threshold only) */
            int cap = (int)(cr->minimum.units / TND_DEC_SCALE);
            if (met && cr->revised_capped && cs->consensus > cap) {
                cs->consensus = cap;
                append(note, size, "; in het eindcijfer telt %d", cap);
            }
            if (met && cr->resolution[0])
                append(note, size, " (resolutie %s)", cr->resolution);
        } else if (r[2].any) {
            state = LEAF_MISSING;
            append(note, size, "%s%s ronde 1: %d < %s; ronde 2 zonder consensusscore",
                   note[0] ? "; " : "", cr->label, r[1].consensus, min);
        } else {
            state = LEAF_REVISION_OPEN;
            append(note, size, "%s%s ronde 1: %d < %s; de eenmalige herziening is nog niet "
                   "beoordeeld (%s)", note[0] ? "; " : "", cr->label, r[1].consensus, min,
                   cr->source);
        }
    } else if (r[2].any) {
        append(note, size, "%s%s: ronde 2 genegeerd (geen herkansing)", note[0] ? "; " : "",
               cr->label);
    }
    cs->round = used;
    set_spread(cs, &r[used]);
    cs->weighted = dec_of((i128)cs->consensus * product, levels);
    if (rows_lot != lot && note[0])
        append(note, size, ", score uit perceel %d", rows_lot);
    else if (rows_lot != lot)
        append(note, size, "%s: score uit perceel %d", cr->label, rows_lot);
    if (cs->consensus_outside_members)
        append(note, size, "%slet op: consensus %d van %s buiten de scores van de leden (%d-%d)",
               note[0] ? "; " : "", cs->consensus, cr->id, cs->member_min, cs->member_max);
    return state;
}

/* ------------------------------------------------------------------ one lot */

/* An entry while its lot is decided. */
struct work {
    tnd_award_entry *e;
    const candidate *cand;
    leaf_state state;             /* worst of the leaves */
    bool rankable;                /* scored, minimum met, steps 1-2 settled */
    i128 key;                     /* larger is better: the exact mark, or -rank of the price */
    int tie_score;                /* consensus on the criterion with a minimum (tie rule) */
    char notes[TND_REASON_LEN];   /* what the criteria said */
};

/* Rows for n entries of a lot with `per` scores each, zeroed (as calloc'ed). False when out of
 * memory (what was there stays, freed with the context). */
static bool reserve_lot_rows(lot_rows *r, size_t n, size_t per)
{
    if (n > r->cap) {
        tnd_award_entry *entries = realloc(r->entries, n * sizeof *entries);
        if (entries)
            r->entries = entries;
        work *ws = realloc(r->ws, n * sizeof *ws);
        if (ws)
            r->ws = ws;
        char(*reasons)[TND_REASON_LEN] = realloc(r->reasons, n * sizeof *reasons);
        if (reasons)
            r->reasons = reasons;
        if (!entries || !ws || !reasons)
            return false;
        r->cap = n;
    }
    if (n * per > r->cap_scores) {
        tnd_criterion_score *scores = realloc(r->scores, n * per * sizeof *scores);
        if (!scores)
            return false;
        r->scores = scores;
        r->cap_scores = n * per;
    }
    memset(r->entries, 0, n * sizeof *r->entries);
    memset(r->ws, 0, n * sizeof *r->ws);
    memset(r->reasons, 0, n * sizeof *r->reasons);
    memset(r->scores, 0, n * per * sizeof *r->scores);
    return true;
}

static void lot_rows_free(lot_rows *r)
{
    free(r->entries);
    free(r->ws);
    free(r->reasons);
    free(r->scores);
    memset(r, 0, sizeof *r);
}

static int cmp_work(const work *a, const work *b)
{
    if (a->rankable != b->rankable)
        return a->rankable ? -1 : 1;
    bool ax = a->e->status == TND_AWARD_EXCLUDED, bx = b->e->status == TND_AWARD_EXCLUDED;
    if (ax != bx)
        return ax ? 1 : -1;
    if (a->key != b->key)
        return a->key > b->key ? -1 : 1;
    int c = strcmp(a->e->bid->bidder.kvk, b->e->bid->bidder.kvk);
    if (c != 0)
        return c;
    if (a->e->applied != b->e->applied)
        return a->e->applied < b->e->applied ? -1 : 1;
    return (a->cand->bidder > b->cand->bidder) - (a->cand->bidder < b->cand->bidder);
}

static int cmp_work_qsort(const void *a, const void *b)
{
    return cmp_work(a, b);
}

/* Tie rule order inside a group of equal keys: higher score on the tie rule's criterion first. */
static int cmp_work_tie(const void *pa, const void *pb)
{
    const work *a = pa, *b = pb;
    if (a->tie_score != b->tie_score)
        return a->tie_score > b->tie_score ? -1 : 1;
    return cmp_work(a, b);
}

/* Scores every leaf of an entry and sets the entry's total (the exact mark, rounded only when
 * it has more than 6 decimals) and the tie-rule score. */
static void score_entry(const eval_ctx *c, const tnd_award_lot *rule, int lot, work *w)
{
    tnd_award_entry *e = w->e;
    int tie_ci = tie_criterion(rule);
    w->state = LEAF_OK;
    w->notes[0] = '\0';
    for (int i = 0; i < rule->n_criteria && i < TND_MAX_CRITERIA; i++) {
        if (!criterion_is_leaf(rule, i))
            continue;
        char note[TND_REASON_LEN];
        tnd_criterion_score *cs = &e->scores[e->n_scores++];
        leaf_state s = score_leaf(c, rule, i, lot, e->applied, e->bid, cs, note, sizeof note);
        if (leaf_rank(s) > leaf_rank(w->state))
            w->state = s;
        if (note[0])
            append(w->notes, sizeof w->notes, "%s%s", w->notes[0] ? "; " : "", note);
        if (i == tie_ci)
            w->tie_score = cs->consensus;
    }
    i128 num;
    int places;
    exact_mark(rule, e, -1, &num, &places);
    e->total = dec_of(num, places);
    w->key = num;
}

static void set_reason(tnd_award_entry *e, const char *head, const char *notes)
{
    tnd_finding_set(e->reason, TND_REASON_LEN, "%s%s%s", head, notes[0] ? ": " : "", notes);
}

/* Status of an entry that is not ranked: from steps 1-2 or from its criteria. False when the
 * entry is still to be ranked (or granted, in a THRESHOLD lot). */
static bool settle_unranked(const eval_ctx *c, work *w)
{
    tnd_award_entry *e = w->e;
    if (w->cand->check_status == TND_LOT_PENDING) {
        e->status = TND_AWARD_PENDING;
        tnd_finding_set(e->reason, TND_REASON_LEN, "%s", text_at(c, w->cand->note));
        return true;
    }
    switch (w->state) {
    case LEAF_SET_ASIDE:
        e->status = TND_AWARD_SET_ASIDE;
        set_reason(e, "terzijde gelegd", w->notes);
        return true;
    case LEAF_REVISION_OPEN:
        e->status = TND_AWARD_REVISION_OPEN;
        set_reason(e, "herkansing open", w->notes);
        return true;
    case LEAF_MISSING:
        e->status = TND_AWARD_NO_SCORES;
        set_reason(e, "score ontbreekt", w->notes);
        return true;
    case LEAF_OK:
    case LEAF_OK_REVISED:
        break;
    }
    return false;
}

static int cmp_price_key(int lot, const char *kvk, const tnd_price *p)
{
    if (lot != p->lot)
        return lot < p->lot ? -1 : 1;
    return strcmp(kvk, p->bidder);
}

static int cmp_prices(const void *pa, const void *pb)
{
    const tnd_price *a = *(const tnd_price *const *)pa, *b = *(const tnd_price *const *)pb;
    int c = cmp_price_key(a->lot, a->bidder, b);
    if (c != 0)
        return c;
    return (a > b) - (a < b); /* file order */
}

/* The prices sorted once, so that a price lot does not scan every price per entry (issue 9). */
static bool index_prices(eval_ctx *c)
{
    if (c->n_prices == 0)
        return true;
    c->prices_sorted = malloc(c->n_prices * sizeof *c->prices_sorted);
    if (!c->prices_sorted)
        return false;
    for (size_t i = 0; i < c->n_prices; i++)
        c->prices_sorted[i] = &c->prices[i];
    qsort(c->prices_sorted, c->n_prices, sizeof *c->prices_sorted, cmp_prices);
    return true;
}

/* The first price (in file order) of kvk for lot, or NULL: a binary search. */
static const tnd_price *find_price(const eval_ctx *c, int lot, const char *kvk)
{
    size_t lo = 0, hi = c->n_prices;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        ++*c->ops;
        if (cmp_price_key(lot, kvk, c->prices_sorted[mid]) > 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < c->n_prices && cmp_price_key(lot, kvk, c->prices_sorted[lo]) == 0
               ? c->prices_sorted[lo] : NULL;
}

/*
 * A lot with a price formula: the quality mark and the price of every rankable entry go through
 * scoring/price.c, whose exact order (rank) becomes the key. An entry without a price gets
 * NO_SCORES. Returns false when out of memory.
 */
static bool price_lot(const eval_ctx *c, const tnd_award_lot *rule, int lot, work *ws, size_t n)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (!ws[i].rankable)
            continue;
        const tnd_price *p = find_price(c, lot, ws[i].e->bid->bidder.kvk);
        if (!p) {
            ws[i].rankable = false;
            ws[i].e->status = TND_AWARD_NO_SCORES;
            set_reason(ws[i].e, "score ontbreekt", "geen prijs opgegeven voor dit perceel");
            continue;
        }
        ws[i].e->has_price = true;
        ws[i].e->price = p->price;
        m++;
    }
    if (m == 0)
        return true;
    tnd_dec *quality = malloc(m * sizeof *quality);
    tnd_cents *price = malloc(m * sizeof *price);
    tnd_price_outcome *out = malloc(m * sizeof *out);
    size_t *which = malloc(m * sizeof *which);
    bool ok = quality && price && out && which;
    if (ok) {
        size_t k = 0;
        for (size_t i = 0; i < n; i++)
            if (ws[i].rankable) {
                tnd_award_mark(rule, ws[i].e, -1, &quality[k]);
                price[k] = ws[i].e->price;
                which[k++] = i;
            }
        char reason[TND_REASON_LEN];
        tnd_dec max = tnd_price_scale_max(&c->def->score_scale);
        if (tnd_price_evaluate(&rule->price, max, quality, price, m, out, NULL, reason,
                               sizeof reason)) {
            for (size_t j = 0; j < m; j++) {
                tnd_award_entry *e = ws[which[j]].e;
                e->price_score = out[j].price_score;
                e->total = out[j].total;
                ws[which[j]].key = -(i128)out[j].rank;
            }
        } else {
            for (size_t j = 0; j < m; j++) {
                ws[which[j]].rankable = false;
                ws[which[j]].e->status = TND_AWARD_NO_SCORES;
                set_reason(ws[which[j]].e, "prijsformule niet toe te passen", reason);
            }
        }
    }
    free(quality);
    free(price);
    free(out);
    free(which);
    return ok;
}

/* "12345678 Naam, 23456789 Naam" of ws[from..to). */
static void bidder_list(const work *ws, size_t from, size_t to, char *buf, size_t size)
{
    buf[0] = '\0';
    for (size_t i = from; i < to; i++)
        append(buf, size, "%s%s %s", i > from ? ", " : "", ws[i].e->bid->bidder.kvk,
               ws[i].e->bid->bidder.name);
}

static void rank_reason(tnd_award_entry *e, const tnd_award_lot *rule, int of, const char *what,
                        const char *notes)
{
    char mark[32], head[TND_REASON_LEN];
    mark_text(e->total, mark);
    if (rule->max_awarded > 0)
        tnd_finding_set(head, sizeof head, "%s: rang %d van %d, %s %s, maximaal %d (%s)",
                        STATUS[e->status].word, e->rank, of,
                        rule->price.kind != TND_PRICE_NONE ? "totaal" : "eindcijfer", mark,
                        rule->max_awarded, rule->ref.source);
    else
        tnd_finding_set(head, sizeof head, "%s: rang %d van %d, %s %s (%s)",
                        STATUS[e->status].word, e->rank, of,
                        rule->price.kind != TND_PRICE_NONE ? "totaal" : "eindcijfer", mark,
                        rule->ref.source);
    if (what && what[0])
        append(head, sizeof head, "; %s", what);
    set_reason(e, head, notes);
}

/*
 * The tie rule "higher-score:<criterion>" on the tied group ws[from..to) with `places` places
 * left: the higher consensus on that criterion wins; bidders still equal across the last
 * place stay TIE. Returns true when such a tie remains. The group keeps its order (KvK asc).
 */
static bool apply_tie_rule(work *ws, size_t from, size_t to, size_t places)
{
    qsort(ws + from, to - from, sizeof *ws, cmp_work_tie);
    size_t cut = from + places - 1, win_to = from + places, tie_from = win_to, tie_to = win_to;
    if (ws[cut].tie_score == ws[win_to].tie_score) {
        tie_from = cut;
        while (tie_from > from && ws[tie_from - 1].tie_score == ws[cut].tie_score)
            tie_from--;
        while (tie_to < to && ws[tie_to].tie_score == ws[cut].tie_score)
            tie_to++;
    }
    for (size_t i = from; i < to; i++)
        ws[i].e->status = i < tie_from ? TND_AWARD_GRANTED
                          : i < tie_to ? TND_AWARD_TIE
                                       : TND_AWARD_NOT_RANKED;
    qsort(ws + from, to - from, sizeof *ws, cmp_work_qsort);
    return tie_to > tie_from;
}

/* "gelijke stand om plaats 5 (eindcijfer 6,8) tussen <KvK naam, ...>; <verdict>": the list of
 * bidders is shortened when needed so that the verdict always fits. */
static void tie_text(tnd_lot_award *la, const work *ws, size_t from, size_t to, size_t place,
                     const char *verdict)
{
    char mark[32], head[96], names[TND_REASON_LEN];
    mark_text(ws[from].e->total, mark);
    tnd_finding_set(head, sizeof head, "gelijke stand om plaats %zu (%s %s) tussen ", place,
                    la->rule->price.kind != TND_PRICE_NONE ? "totaal" : "eindcijfer", mark);
    size_t used = strlen(head) + strlen(verdict) + 3; /* "; " and the NUL */
    size_t room = used < sizeof names ? sizeof names - used : 1;
    bidder_list(ws, from, to, names, room < sizeof names ? room : sizeof names);
    tnd_finding_set(la->tie_text, sizeof la->tie_text, "%s%s; %s", head, names, verdict);
}

/*
 * §4.3 L913-915: at most max_awarded. ws[0..n) are the rankable entries in order (key desc, KvK
 * asc). Equal keys share a rank. When equal keys straddle the last place, the tie is decided
 * only by the definition's tie rule (RES-GELIJKE-STAND), else every tied bidder gets TIE.
 */
/* (issue 8 §4) The officer's decisions on the tie ws[from..to) with `places` places left, when
 * the definition names no tie rule: settled only when exactly `places` distinct tied bidders are
 * named; then win[i - from] marks who takes a place and text[i - from] is that decision. */
static bool officer_settles(const tnd_lot_award *la, const work *ws, size_t from, size_t to,
                            size_t places, const tnd_tie_settlement *ties, size_t n_ties,
                            bool *win, const char **text)
{
    size_t named = 0;
    for (size_t t = 0; t < n_ties; t++) {
        if (ties[t].lot != la->lot)
            continue;
        size_t i = from;
        while (i < to && strcmp(ws[i].e->bid->bidder.kvk, ties[t].kvk) != 0)
            i++;
        if (i == to || win[i - from])
            return false; /* not in the tie, or named twice: refused by scoring/rounds.c */
        win[i - from] = true;
        text[i - from] = ties[t].text;
        named++;
    }
    return named == places;
}

static void rank_lot(tnd_lot_award *la, work *ws, size_t n, const tnd_tie_settlement *ties,
                     size_t n_ties)
{
    const tnd_award_lot *rule = la->rule;
    for (size_t i = 0; i < n; i++)
        ws[i].e->rank = (i > 0 && ws[i].key == ws[i - 1].key) ? ws[i - 1].e->rank : (int)i + 1;
    size_t max = rule->max_awarded > 0 ? (size_t)rule->max_awarded : n;
    size_t granted = n < max ? n : max, tie_from = granted, tie_to = granted;
    if (n > max && ws[max - 1].key == ws[max].key) {
        tie_from = max - 1;
        while (tie_from > 0 && ws[tie_from - 1].key == ws[max - 1].key)
            tie_from--;
        tie_to = max;
        while (tie_to < n && ws[tie_to].key == ws[max - 1].key)
            tie_to++;
        granted = tie_from;
    }
    for (size_t i = 0; i < n; i++)
        ws[i].e->status = i < granted ? TND_AWARD_GRANTED
                          : i < tie_from || i >= tie_to ? TND_AWARD_NOT_RANKED
                                                        : TND_AWARD_TIE;
    char decided[TND_REASON_LEN] = "";
    if (tie_to > tie_from) {
        char verdict[TND_REASON_LEN];
        int tie_ci = tie_criterion(rule);
        la->tie = true;
        la->tie_rank = ws[tie_from].e->rank;
        la->tie_places = (int)(max - tie_from);
        bool win[TND_MAX_TIE] = { false };
        const char *text[TND_MAX_TIE] = { NULL };
        if (rule->tie_rule[0] == '\0' && n_ties > 0 && tie_to - tie_from <= TND_MAX_TIE &&
            officer_settles(la, ws, tie_from, tie_to, max - tie_from, ties, n_ties, win, text)) {
            /* RES-GELIJKE-STAND: the document names no rule; the officer's motivated decision
             * (e.g. a drawing of lots) gives the places, the others fall back (§4.3.1) */
            la->tie_settled = true;
            for (size_t i = tie_from; i < tie_to; i++)
                ws[i].e->status = win[i - tie_from] ? TND_AWARD_GRANTED : TND_AWARD_NOT_RANKED;
            tnd_finding_set(verdict, sizeof verdict, "beslist door besluit van de aanbesteder");
            if (rule->ref.resolution[0])
                append(verdict, sizeof verdict, " (resolutie %s)", rule->ref.resolution);
            const char *first = NULL; /* the losers cite the first decision that gave a place */
            for (size_t i = tie_from; i < tie_to; i++)
                if (win[i - tie_from]) {
                    append(verdict, sizeof verdict, "; plaats aan KvK %s",
                           ws[i].e->bid->bidder.kvk);
                    first = first ? first : text[i - tie_from];
                }
            tie_text(la, ws, tie_from, tie_to, max, verdict);
            for (size_t i = 0; i < n; i++) {
                tnd_award_entry *e = ws[i].e;
                char what[TND_REASON_LEN] = "";
                if (i >= tie_from && i < tie_to)
                    tnd_finding_set(what, sizeof what,
                                    "gelijke stand op de laatste plaats, %s: %s",
                                    win[i - tie_from] ? "plaats toegekend" : "plaats niet toegekend",
                                    win[i - tie_from] ? text[i - tie_from] : first);
                rank_reason(e, rule, (int)n, what, ws[i].notes);
                if (e->status == TND_AWARD_GRANTED)
                    la->n_granted++;
            }
            return;
        }
        if (rule->tie_rule[0] == '\0') {
            tnd_finding_set(verdict, sizeof verdict,
                            "onbeslist: de definitie noemt geen beslisregel");
            if (rule->ref.resolution[0])
                append(verdict, sizeof verdict, " (resolutie %s)", rule->ref.resolution);
        } else if (tie_ci < 0) {
            tnd_finding_set(verdict, sizeof verdict,
                            "onbeslist: beslisregel '%s' wordt niet ondersteund", rule->tie_rule);
        } else {
            bool undecided = apply_tie_rule(ws, tie_from, tie_to, max - tie_from);
            tnd_finding_set(verdict, sizeof verdict, "beslisregel %s: hogere score op %s%s",
                            rule->tie_rule, rule->criteria[tie_ci].label,
                            undecided ? ", daarna nog gelijk: onbeslist" : ": beslist");
            tnd_finding_set(decided, sizeof decided, "gelijke stand beslist met %s",
                            rule->tie_rule);
        }
        tie_text(la, ws, tie_from, tie_to, max, verdict);
    }
    for (size_t i = 0; i < n; i++) {
        tnd_award_entry *e = ws[i].e;
        bool in_tie = i >= tie_from && i < tie_to;
        const char *what = e->status == TND_AWARD_TIE ? "gelijke stand op de laatste plaats: "
                                                        "onbeslist"
                           : in_tie                   ? decided
                                                      : "";
        rank_reason(e, rule, (int)n, what, ws[i].notes);
        if (e->status == TND_AWARD_GRANTED)
            la->n_granted++;
    }
}

/* Does the bid apply for one of the rule's plan lots? */
static bool plan_lots_bid(const tnd_bid *bid, const tnd_award_lot *rule)
{
    for (int k = 0; k < rule->n_plan_lots && k < TND_MAX_SET; k++)
        if (tnd_bid_applies(bid, rule->plan_lots[k]))
            return true;
    return false;
}

/* How far a plan lot's entry lets the bidder's plan stand, worst first: an entry that holds its
 * plan (awarded, or met the minimum but outside the maximum number) ranks highest. */
static int plan_standing(tnd_award_status s)
{
    switch (s) {
    case TND_AWARD_GRANTED:
    case TND_AWARD_NOT_RANKED:
    case TND_AWARD_TIE: return 6;
    case TND_AWARD_REVISION_OPEN: return 5;
    case TND_AWARD_PENDING: return 4;
    case TND_AWARD_NO_SCORES: return 3;
    case TND_AWARD_SET_ASIDE: return 2;
    case TND_AWARD_ADMITTED:
    case TND_AWARD_EXCLUDED: break;
    }
    return 1;
}

/* c->best_at of lot la, its entries final and in the order of ws (plan_withholds). */
static void index_best(eval_ctx *c, const tnd_lot_award *la, const work *ws)
{
    unsigned *best = c->best_at + (size_t)(la - c->out->lots) * c->n;
    for (size_t i = 0; i < la->n_entries; i++) {
        unsigned *at = &best[ws[i].cand->bidder];
        if (!*at || plan_standing(la->entries[i].status) >
                        plan_standing(la->entries[*at - 1].status))
            *at = (unsigned)i + 1;
    }
}

/*
 * §4.3 L916-918: on every lot but 4 only bidders scoring 6,0 or more on the Plan van Aanpak
 * Normaliseren get a contract; §6.1 L1702-1704: lots 6-8 ask no *additional* plan, the plan of the
 * bidder's lot 1-5 bid applies. So an ADMIT lot with plan lots follows the best entry of the bid on
 * those lots (decided before: competitive lots first, then by lot number). A bid on none of them
 * (the gezinshuis on lot 8 alone, L952-954) has no plan and needs none. Returns false when the
 * plan stands (the caller admits).
 */
static bool plan_withholds(const eval_ctx *c, work *w, const tnd_award_lot *rule)
{
    tnd_award_entry *e = w->e;
    const tnd_award_entry *best = NULL;
    int best_lot = 0;
    if (!plan_lots_bid(e->bid, rule))
        return false;
    for (size_t i = 0; c->out && i < c->out->n_lots; i++) {
        const tnd_lot_award *la = &c->out->lots[i];
        bool plan_lot = false;
        for (int k = 0; k < rule->n_plan_lots && k < TND_MAX_SET; k++)
            plan_lot = plan_lot || rule->plan_lots[k] == la->lot;
        /* the bidder's best entry of that lot: one lookup, not a scan of its entries (issue 9) */
        unsigned at = plan_lot ? c->best_at[i * c->n + w->cand->bidder] : 0;
        ++*c->ops;
        if (at && (!best || plan_standing(la->entries[at - 1].status) >
                                plan_standing(best->status))) {
            best = &la->entries[at - 1];
            best_lot = la->lot;
        }
    }
    int standing = best ? plan_standing(best->status) : 1;
    if (standing == 6)
        return false;
    static const tnd_award_status follows[] = {
        [1] = TND_AWARD_EXCLUDED, [2] = TND_AWARD_SET_ASIDE, [3] = TND_AWARD_NO_SCORES,
        [4] = TND_AWARD_PENDING, [5] = TND_AWARD_REVISION_OPEN,
    };
    e->status = follows[standing];
    if (best)
        tnd_finding_set(e->reason, TND_REASON_LEN,
                        "plan van aanpak normaliseren van perceel %d: %s; perceel %d volgt dat "
                        "plan (%s)", best_lot, STATUS[best->status].word, w->cand->lot,
                        rule->ref.source);
    else
        tnd_finding_set(e->reason, TND_REASON_LEN,
                        "geen plaatsing op een perceel met het plan van aanpak normaliseren; "
                        "perceel %d volgt dat plan (%s)", w->cand->lot, rule->ref.source);
    return true;
}

static void admit_entry(const eval_ctx *c, work *w, const tnd_award_lot *rule)
{
    tnd_award_entry *e = w->e;
    if (w->cand->check_status == TND_LOT_PENDING) {
        e->status = TND_AWARD_PENDING;
        tnd_finding_set(e->reason, TND_REASON_LEN, "%s", text_at(c, w->cand->note));
        return;
    }
    if (plan_withholds(c, w, rule))
        return;
    e->status = TND_AWARD_ADMITTED;
    tnd_finding_set(e->reason, TND_REASON_LEN, "toegelaten na stap 1 en 2%s%s (%s)",
                    w->cand->check_status == TND_LOT_CONDITIONAL ? ", onder voorwaarde" : "",
                    rule->n_plan_lots == 0 ? ""
                    : plan_lots_bid(e->bid, rule) ? " en met een plan van aanpak normaliseren "
                                                    "van 6,0 of hoger"
                                                  : "; geen inschrijving op een perceel met plan "
                                                    "van aanpak: geen plan vereist",
                    rule->ref.source);
    if (w->cand->products)
        append(e->reason, TND_REASON_LEN, "; %s", text_at(c, w->cand->products));
}

static void threshold_entry(const eval_ctx *c, work *w)
{
    if (settle_unranked(c, w))
        return;
    w->e->status = TND_AWARD_GRANTED;
    set_reason(w->e, w->state == LEAF_OK_REVISED ? "gegund na herziening" : "gegund", w->notes);
}

/* Adds how an entry came into a lot it did not apply for: a fallback after not being awarded
 * ("terugval uit perceel 4"), or the placement by steps 1-2 ("ingedeeld vanuit perceel 5"). */
static void fallback_note(work *w)
{
    if (w->cand->fallback)
        append(w->notes, sizeof w->notes, "%sterugval uit perceel %d (§4.3.1)",
               w->notes[0] ? "; " : "", w->cand->applied);
    else if (w->cand->applied != w->cand->lot)
        append(w->notes, sizeof w->notes, "%singedeeld vanuit perceel %d (§4.3.1)",
               w->notes[0] ? "; " : "", w->cand->applied);
}

/* Decides lot la from the candidates with lot == la->lot. Returns false when out of memory. */
static bool award_lot(eval_ctx *c, tnd_lot_award *la)
{
    size_t n = 0;
    for (size_t i = 0; i < c->n_cands; i++)
        n += c->cands[i].lot == la->lot;
    la->rule = tnd_definition_award(c->def, la->lot);
    if (n == 0)
        return true;
    const tnd_award_lot *rule = la->rule;
    /* While the lot is awarded each entry writes its reason into a full-size row and its scores
     * into room for every criterion (c->rows_of_lot); the final entries keep both at their own
     * size (issue 9). */
    int n_scores = rule ? (rule->n_criteria < TND_MAX_CRITERIA ? rule->n_criteria
                                                               : TND_MAX_CRITERIA) : 0;
    if (!reserve_lot_rows(&c->rows_of_lot, n, (size_t)(n_scores ? n_scores : 1)))
        return false;
    tnd_award_entry *drafts = c->rows_of_lot.entries;
    work *ws = c->rows_of_lot.ws;
    char(*reasons)[TND_REASON_LEN] = c->rows_of_lot.reasons;
    tnd_criterion_score *scores = c->rows_of_lot.scores;
    bool deep = rule && tree_depth(rule) > MAX_DEPTH;
    for (size_t i = 0; i < c->n_cands; i++) {
        const candidate *k = &c->cands[i];
        if (k->lot != la->lot)
            continue;
        work *w = &ws[la->n_entries];
        w->e = &drafts[la->n_entries];
        w->e->reason = reasons[la->n_entries];
        w->e->scores = &scores[la->n_entries * (size_t)n_scores];
        la->n_entries++;
        w->cand = k;
        w->e->bid = c->bids[k->bidder];
        w->e->applied = k->applied;
        if (k->excluded) {
            w->e->status = TND_AWARD_EXCLUDED;
            tnd_finding_set(w->e->reason, TND_REASON_LEN, "%s", text_at(c, k->note));
            continue;
        }
        if (!rule) {
            w->e->status = TND_AWARD_NO_SCORES;
            tnd_finding_set(w->e->reason, TND_REASON_LEN,
                            "de definitie heeft geen gunningsregel voor perceel %d", la->lot);
            continue;
        }
        if (deep) {
            w->e->status = TND_AWARD_NO_SCORES;
            tnd_finding_set(w->e->reason, TND_REASON_LEN,
                            "criteria dieper genest dan %d niveaus: niet exact te berekenen",
                            MAX_DEPTH);
            continue;
        }
        if (rule->kind == TND_AWARD_ADMIT) {
            admit_entry(c, w, rule);
            continue;
        }
        score_entry(c, rule, la->lot, w);
        fallback_note(w);
        bool competitive = rule->kind == TND_AWARD_RANKED || rule->price.kind != TND_PRICE_NONE;
        if (!competitive)
            threshold_entry(c, w);
        else
            w->rankable = !settle_unranked(c, w);
    }
    bool ok = true;
    if (rule && !deep && rule->price.kind != TND_PRICE_NONE)
        ok = price_lot(c, rule, la->lot, ws, la->n_entries);
    qsort(ws, la->n_entries, sizeof *ws, cmp_work_qsort);
    size_t n_rank = 0;
    while (n_rank < la->n_entries && ws[n_rank].rankable)
        n_rank++;
    if (n_rank > 0)
        rank_lot(la, ws, n_rank, c->ties, c->n_ties);
    for (size_t i = 0; i < la->n_entries; i++)
        if (!ws[i].rankable && ws[i].e->status == TND_AWARD_GRANTED)
            la->n_granted++;
        else if (ws[i].e->status == TND_AWARD_ADMITTED)
            la->n_granted++;
    /* the entries in the order decided above */
    tnd_award_entry *sorted = calloc(la->n_entries, sizeof *sorted);
    for (size_t i = 0; sorted && i < la->n_entries; i++) {
        sorted[i] = *ws[i].e;
        sorted[i].reason = strdup(ws[i].e->reason);
        sorted[i].scores = NULL;
        if (ws[i].e->n_scores > 0) {
            sorted[i].scores = malloc((size_t)ws[i].e->n_scores * sizeof *sorted[i].scores);
            if (sorted[i].scores)
                memcpy(sorted[i].scores, ws[i].e->scores,
                       (size_t)ws[i].e->n_scores * sizeof *sorted[i].scores);
        }
        if (!sorted[i].reason || (ws[i].e->n_scores > 0 && !sorted[i].scores)) {
            la->n_entries = i + 1; /* the final entries so far, freed with the evaluation */
            la->entries = sorted;
            return false;
        }
    }
    if (sorted) {
        la->entries = sorted;
        index_best(c, la, ws);
    } else {
        la->n_entries = 0; /* the drafts are the context's rows, never the lot's */
    }
    return ok && sorted;
}

/* ------------------------------------------------------------------ the cascade after the award */

static bool lot_competitive(const tnd_definition *def, int lot)
{
    for (int i = 0; i < def->cascade.n_chains && i < (int)TND_COUNTOF(def->cascade.chains); i++)
        if (def->cascade.chains[i].from == lot && def->cascade.chains[i].awarded_competitively)
            return true;
    return false;
}

bool tnd_award_reads_bid_details(const tnd_definition *def, const tnd_bid *bid)
{
    for (size_t i = 0; i < bid->n_lots; i++) {
        int lot = bid->lots[i].number;
        if (lot_competitive(def, lot)) /* fall_back -> fallback_check: tnd_check on the bid */
            return true;
        for (size_t a = 0; a < def->n_awards; a++) /* score_leaf: places_within */
            for (int k = 0; def->awards[a].lot == lot && k < def->awards[a].n_criteria; k++)
                if (def->awards[a].criteria[k].computed_locations)
                    return true;
    }
    return false;
}

static const tnd_cascade_chain *chain_of(const tnd_definition *def, int lot)
{
    for (int i = 0; i < def->cascade.n_chains && i < (int)TND_COUNTOF(def->cascade.chains); i++)
        if (def->cascade.chains[i].from == lot)
            return &def->cascade.chains[i];
    return NULL;
}

/*
 * Steps 1-2 for lot `to` as a fallback of `applied`: tnd_check on the bid with `to` in place of
 * `applied` (same products), so the requirements of `to` (§5.6) and everything general are
 * judged as for a bid on `to`. *status is the status of `to` itself; why lists what failed.
 * Returns false when out of memory.
 */
static bool fallback_check(const tnd_definition *def, const tnd_bid *bid, int applied, int to,
                           tnd_lot_status *status, char *why, size_t size)
{
    *status = TND_LOT_NOT_ELIGIBLE;
    why[0] = '\0';
    tnd_bid copy = *bid;
    tnd_bid_lot *lots = malloc((bid->n_lots ? bid->n_lots : 1) * sizeof *lots);
    if (!lots)
        return false;
    for (size_t i = 0; i < bid->n_lots; i++) {
        lots[i] = bid->lots[i];
        if (lots[i].number == applied)
            lots[i].number = to;
    }
    copy.lots = lots;
    tnd_check_result r;
    /* only the placements and the knock-out findings' rules and steps are read below */
    bool ok = tnd_check_knockouts(def, &copy, &r);
    if (ok) {
        for (size_t k = 0; k < r.n_placements; k++) {
            const tnd_placement *p = &r.placements[k];
            if (p->applied != to)
                continue;
            if (p->placed == to)
                *status = p->status;
        }
        if (*status == TND_LOT_NOT_ELIGIBLE) {
            rule_ids(&r, to, TND_FAIL, TND_MISSING, why, size);
            if (!why[0])
                tnd_finding_set(why, size, "eisen");
        } else if (*status == TND_LOT_PENDING) {
            pending_note(&r, to, why, size);
        }
    }
    tnd_check_result_free(&r);
    free(lots);
    return ok;
}


/* How a bidder not awarded its competitive lot went on (for its outcome path). */
typedef struct {
    size_t bidder;
    int applied;
    int lot;                      /* fallback lot it became a candidate of, 0 = none */
    char route[TND_REASON_LEN];   /* "4 -> niet gegund (rang 6 van 7) -> 3" */
} fallback_rec;

/* The number of ranked entries of lot la, counted once per lot (its ranks are final when this is
 * first asked: after its award). */
static int ranked_count(const eval_ctx *c, const tnd_evaluation *out, const tnd_lot_award *la)
{
    size_t li = (size_t)(la - out->lots);
    if (c->n_ranked[li] < 0) {
        int n = 0;
        for (size_t i = 0; i < la->n_entries; i++)
            n += la->entries[i].rank > 0;
        *c->ops += la->n_entries;
        c->n_ranked[li] = n;
    }
    return c->n_ranked[li];
}

/*
 * §4.3.1 L958-969: a bidder not awarded its competitive lot is placed in the next lower lot of
 * the chain whose requirements it meets, unless it opted out (Bijlage I item 2). A competitive
 * lot is never a fallback target (RES-CASCADE-FIGUUR1), nor a lot the bidder applied for itself
 * (it is a candidate there already). Adds the fallback candidate and fills rec. Returns false
 * when out of memory.
 */
static bool fall_back(eval_ctx *c, const tnd_evaluation *out, tnd_lot_award *la,
                      tnd_award_entry *e, size_t bidder, fallback_rec *rec)
{
    const tnd_bid *bid = c->bids[bidder];
    const tnd_cascade_chain *chain = chain_of(c->def, la->lot);
    rec->bidder = bidder;
    rec->applied = e->applied;
    rec->lot = 0;
    tnd_finding_set(rec->route, sizeof rec->route, "%d -> niet gegund (rang %d van %d)",
                    la->lot, e->rank, ranked_count(c, out, la));
    if (bid->cascade_opt_out) {
        append(rec->route, sizeof rec->route,
               "; geen terugval: inschrijver heeft afgezien (Bijlage I punt 2)");
        entry_append(e, "; geen terugval (afgezien)");
        return true;
    }
    for (int i = 0; chain && i < chain->n_to && i < (int)TND_COUNTOF(chain->to); i++) {
        int to = chain->to[i];
        if (lot_competitive(c->def, to) || tnd_bid_applies(bid, to))
            continue;
        tnd_lot_status status;
        char why[TND_REASON_LEN];
        if (!fallback_check(c->def, bid, e->applied, to, &status, why, sizeof why))
            return false;
        if (status == TND_LOT_NOT_ELIGIBLE) {
            append(rec->route, sizeof rec->route, " -> %d: %s niet voldaan", to, why);
            continue;
        }
        candidate *k = add_candidate(c, bidder, e->applied, to);
        if (!k)
            return false;
        k->fallback = true;
        k->check_status = status;
        if (status == TND_LOT_PENDING)
            k->note = keep_text(c, why);
        rec->lot = to;
        append(rec->route, sizeof rec->route, " -> %d", to);
        entry_append(e, "; terugval naar perceel %d (§4.3.1)", to);
        return true;
    }
    append(rec->route, sizeof rec->route, "%s", chain && chain->n_to ? ": geen perceel"
                                                                    : "; geen terugval");
    entry_append(e, "; geen terugval");
    return true;
}

/* ------------------------------------------------------------------ outcomes per bidder */

static tnd_lot_award *lot_award(tnd_evaluation *out, int lot)
{
    for (size_t i = 0; i < out->n_lots; i++)
        if (out->lots[i].lot == lot)
            return &out->lots[i];
    return NULL;
}

/* The entry of bidder b in `lot` for the lot it applied for: among b's own entries. */
static const tnd_award_entry *find_entry(const eval_ctx *c, tnd_evaluation *out, int lot, size_t b,
                                         int applied)
{
    tnd_lot_award *la = lot_award(out, lot);
    if (!la)
        return NULL;
    size_t li = (size_t)(la - out->lots);
    for (size_t k = c->entries.start[b]; k < c->entries.start[b + 1]; k++) {
        size_t r = c->entries.item[k];
        ++*c->ops;
        if (c->entry_lot[r] == li && la->entries[c->entry_at[r]].applied == applied)
            return &la->entries[c->entry_at[r]];
    }
    return NULL;
}

/* A status that keeps the bidder in the lot (decided for it, or not decided yet). */
static bool status_holds_place(tnd_award_status s)
{
    return s == TND_AWARD_GRANTED || s == TND_AWARD_ADMITTED || s == TND_AWARD_REVISION_OPEN ||
           s == TND_AWARD_TIE || s == TND_AWARD_NO_SCORES || s == TND_AWARD_PENDING;
}

/* "4: gegund (rang 2 van 7)" or "3: gegund" appended to path. */
static void path_award(const eval_ctx *c, char *path, size_t size, tnd_evaluation *out, int lot,
                       const tnd_award_entry *e)
{
    append(path, size, "%d: %s", lot, STATUS[e->status].word);
    if (e->rank > 0)
        append(path, size, " (rang %d van %d)", e->rank,
               ranked_count(c, out, lot_award(out, lot)));
}

/* Settles the outcome of bidder b. Returns false when out of memory. */
static bool bidder_outcome(const eval_ctx *c, tnd_evaluation *out, size_t b,
                           const fallback_rec *falls, size_t n_falls)
{
    tnd_bidder_outcome *o = &out->bidders[b];
    const tnd_check_result *r = c->checks[b];
    const tnd_bid *bid = c->bids[b];
    bool stopped = r->stopped_at_step == 1 || r->stopped_at_step == 2;
    bool holds = false, decided_against = false;
    o->bid = bid;
    o->check = r;
    size_t rows = r->n_placements < TND_MAX_SET ? r->n_placements : TND_MAX_SET;
    o->path = calloc(rows + 1, sizeof *o->path); /* NULL-terminated */
    if (!o->path)
        return false;
    for (size_t k = 0; k < r->n_placements && k < TND_MAX_SET; k++) {
        const tnd_placement *p = &r->placements[k];
        int i = o->n_applied++, lot = 0;
        char path[TND_REASON_LEN]; /* kept at its own length below (issue 9) */
        const tnd_award_entry *e = NULL;
        o->applied[i] = p->applied;
        path[0] = '\0';
        if (stopped || p->placed == 0) {
            e = find_entry(c, out, p->applied, b, p->applied);
            append(path, TND_REASON_LEN, "%s", stopped && e ? e->reason : p->path);
        } else {
            lot = p->placed;
            e = find_entry(c, out, lot, b, p->applied);
            const fallback_rec *rec = NULL;
            for (size_t q = c->falls.start[b];
                 q < c->falls.start[b + 1] && e && e->status == TND_AWARD_NOT_RANKED; q++) {
                const fallback_rec *f = &falls[c->falls.item[q]];
                ++*c->ops;
                if (f->applied == p->applied)
                    rec = f; /* the last one, as in the order they were made */
            }
            if (rec) {
                append(path, TND_REASON_LEN, "%s", rec->route);
                if (rec->lot) {
                    lot = rec->lot;
                    e = find_entry(c, out, lot, b, p->applied);
                    if (e)
                        append(path, TND_REASON_LEN, ": %s", STATUS[e->status].word);
                }
            } else if (e) {
                if (p->placed != p->applied)
                    append(path, TND_REASON_LEN, "%s; ", p->path);
                path_award(c, path, TND_REASON_LEN, out, lot, e);
            }
        }
        o->status[i] = e ? e->status : TND_AWARD_EXCLUDED;
        o->placed[i] = e && status_holds_place(e->status) ? lot : 0;
        if (!e && !path[0])
            append(path, TND_REASON_LEN, "%s", p->path);
        if (!(o->path[i] = strdup(path)))
            return false;
        holds = holds || status_holds_place(o->status[i]);
        decided_against = decided_against || o->status[i] == TND_AWARD_SET_ASIDE ||
                          o->status[i] == TND_AWARD_NOT_RANKED;
    }
    /* §6: the step at which the bid stopped; 3 when every lot was decided against it there */
    if (stopped)
        o->stopped_at_step = r->stopped_at_step;
    else if (holds)
        o->stopped_at_step = 0;
    else
        o->stopped_at_step = decided_against ? 3 : 2;
    return true;
}

size_t tnd_award_unknown_bidder_rows(const tnd_evaluation *ev, const tnd_scores *scores,
                                     size_t *rows, size_t max)
{
    /* The KvK numbers of the bidders, sorted once: a binary search per row, not a scan of every
     * bidder (issue 9). Without memory for that, the scan. */
    const char **kvks = ev->n_bidders ? malloc(ev->n_bidders * sizeof *kvks) : NULL;
    for (size_t b = 0; kvks && b < ev->n_bidders; b++)
        kvks[b] = ev->bidders[b].bid->bidder.kvk;
    if (kvks)
        qsort(kvks, ev->n_bidders, sizeof *kvks, tnd_cmp_text_ptrs);
    size_t n = 0;
    for (size_t i = 0; scores && i < scores->n; i++) {
        bool known = false;
        const char *key = scores->items[i].bidder;
        if (kvks)
            known = bsearch(&key, kvks, ev->n_bidders, sizeof *kvks, tnd_cmp_text_ptrs) != NULL;
        for (size_t b = 0; !kvks && b < ev->n_bidders && !known; b++)
            known = strcmp(ev->bidders[b].bid->bidder.kvk, key) == 0;
        if (known)
            continue;
        if (rows && n < max)
            rows[n] = i;
        n++;
    }
    free(kvks);
    return n;
}

/* ------------------------------------------------------------------ the evaluation */

void tnd_evaluation_free(tnd_evaluation *e)
{
    if (!e)
        return;
    for (size_t i = 0; e->lots && i < e->n_lots; i++) {
        for (size_t j = 0; e->lots[i].entries && j < e->lots[i].n_entries; j++) {
            free(e->lots[i].entries[j].reason);
            free(e->lots[i].entries[j].scores);
        }
        free(e->lots[i].entries);
    }
    free(e->lots);
    for (size_t i = 0; e->bidders && i < e->n_bidders; i++) {
        for (size_t k = 0; e->bidders[i].path && e->bidders[i].path[k]; k++)
            free(e->bidders[i].path[k]);
        free(e->bidders[i].path);
    }
    free(e->bidders);
    memset(e, 0, sizeof *e);
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* Awards the lots that are (competitive = true) or are not awarded competitively. */
static bool award_lots(eval_ctx *c, tnd_evaluation *out, bool competitive)
{
    for (size_t i = 0; i < out->n_lots; i++)
        if (lot_competitive(c->def, out->lots[i].lot) == competitive &&
            !award_lot(c, &out->lots[i]))
            return false;
    return true;
}

struct bid_slot {
    uintptr_t bid;
    size_t index;
};

static int cmp_bid_slot(const void *pa, const void *pb)
{
    const struct bid_slot *a = pa, *b = pb;
    if (a->bid != b->bid)
        return a->bid < b->bid ? -1 : 1;
    return (a->index > b->index) - (a->index < b->index);
}

/* The first index of bid among the bids (c->n when absent): a binary search by address. */
static size_t bidder_index(const eval_ctx *c, const tnd_bid *bid)
{
    uintptr_t key = (uintptr_t)bid;
    size_t lo = 0, hi = c->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        ++*c->ops;
        if (c->by_address[mid].bid < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < c->n && c->by_address[lo].bid == key ? c->by_address[lo].index : c->n;
}

static bool index_bids(eval_ctx *c)
{
    c->by_address = malloc((c->n ? c->n : 1) * sizeof *c->by_address);
    if (!c->by_address)
        return false;
    for (size_t b = 0; b < c->n; b++)
        c->by_address[b] = (struct bid_slot){ (uintptr_t)c->bids[b], b };
    qsort(c->by_address, c->n, sizeof *c->by_address, cmp_bid_slot);
    return true;
}

/* Every entry of every lot, grouped by bidder (lot order, then entry order, kept). */
static bool index_entries(eval_ctx *c, const tnd_evaluation *out)
{
    size_t m = 0;
    for (size_t i = 0; i < out->n_lots; i++)
        m += out->lots[i].n_entries;
    size_t *key = malloc((m ? m : 1) * sizeof *key);
    c->entry_lot = malloc((m ? m : 1) * sizeof *c->entry_lot);
    c->entry_at = malloc((m ? m : 1) * sizeof *c->entry_at);
    bool ok = key && c->entry_lot && c->entry_at;
    for (size_t i = 0, r = 0; ok && i < out->n_lots; i++) {
        for (size_t j = 0; j < out->lots[i].n_entries; j++, r++) {
            key[r] = bidder_index(c, out->lots[i].entries[j].bid);
            c->entry_lot[r] = i;
            c->entry_at[r] = j;
        }
    }
    ok = ok && group_by_bidder(c->n, key, m, &c->entries);
    free(key);
    return ok;
}

static bool index_falls(eval_ctx *c, const fallback_rec *falls, size_t n_falls)
{
    size_t *key = malloc((n_falls ? n_falls : 1) * sizeof *key);
    if (!key)
        return false;
    for (size_t f = 0; f < n_falls; f++)
        key[f] = falls[f].bidder;
    bool ok = group_by_bidder(c->n, key, n_falls, &c->falls);
    free(key);
    return ok;
}

bool tnd_evaluate(const tnd_definition *def, const tnd_bid *const *bids,
                  const tnd_check_result *const *checks, size_t n, const tnd_scores *scores,
                  const tnd_price *prices, size_t n_prices, tnd_evaluation *out)
{
    return tnd_evaluate_settled(def, bids, checks, n, scores, prices, n_prices, NULL, 0, out);
}

bool tnd_evaluate_settled(const tnd_definition *def, const tnd_bid *const *bids,
                          const tnd_check_result *const *checks, size_t n,
                          const tnd_scores *scores, const tnd_price *prices, size_t n_prices,
                          const tnd_tie_settlement *ties, size_t n_ties, tnd_evaluation *out)
{
    memset(out, 0, sizeof *out);
    for (size_t b = 0; b < n; b++)
        if (checks[b]->placements_dropped) /* a caller that freed them too early: refuse, loudly */
            return false;
    eval_ctx c = {.def = def, .bids = bids, .checks = checks, .n = n, .prices = prices,
                  .n_prices = n_prices, .out = out, .ties = ties, .n_ties = n_ties};
    fallback_rec *falls = NULL;
    size_t n_falls = 0, cap_falls = 0;
    c.ops = &out->operations;
    c.n_ranked = malloc((def->n_lots ? def->n_lots : 1) * sizeof *c.n_ranked);
    for (size_t i = 0; c.n_ranked && i < def->n_lots; i++)
        c.n_ranked[i] = -1;
    c.best_at = calloc(def->n_lots && n ? def->n_lots * n : 1, sizeof *c.best_at);
    bool ok = c.n_ranked && c.best_at && index_rows(scores, &c.rows) && index_bids(&c) &&
              index_prices(&c);

    /* one lot award per lot of the definition, by lot number */
    int *numbers = def->n_lots ? malloc(def->n_lots * sizeof *numbers) : NULL;
    out->lots = def->n_lots ? calloc(def->n_lots, sizeof *out->lots) : NULL;
    out->bidders = n ? calloc(n, sizeof *out->bidders) : NULL;
    ok = ok && (!def->n_lots || (numbers && out->lots)) && (!n || out->bidders);
    if (ok) {
        for (size_t i = 0; i < def->n_lots; i++)
            numbers[i] = def->lots[i].number;
        qsort(numbers, def->n_lots, sizeof *numbers, cmp_int);
        for (size_t i = 0; i < def->n_lots; i++)
            out->lots[out->n_lots++].lot = numbers[i];
        out->n_bidders = n;
    }
    free(numbers);

    if (ok) {
        place_candidates(&c);
        ok = !c.oom && award_lots(&c, out, true);
    }
    /* §4.3.1: not awarded a competitive lot -> the next lower lot of its chain */
    for (size_t i = 0; ok && i < out->n_lots; i++) {
        tnd_lot_award *la = &out->lots[i];
        if (!lot_competitive(def, la->lot))
            continue;
        for (size_t j = 0; ok && j < la->n_entries; j++) {
            tnd_award_entry *e = &la->entries[j];
            size_t b = bidder_index(&c, e->bid);
            if (e->status != TND_AWARD_NOT_RANKED || b == c.n)
                continue;
            if (n_falls == cap_falls) {
                size_t cap = cap_falls ? 2 * cap_falls : 8;
                fallback_rec *grown = realloc(falls, cap * sizeof *grown);
                if (!grown) {
                    ok = false;
                    break;
                }
                falls = grown;
                cap_falls = cap;
            }
            ok = fall_back(&c, out, la, e, b, &falls[n_falls++]);
        }
    }
    ok = ok && award_lots(&c, out, false);
    ok = ok && index_entries(&c, out) && index_falls(&c, falls, n_falls);
    for (size_t b = 0; ok && b < n; b++)
        ok = bidder_outcome(&c, out, b, falls, n_falls);

    free(falls);
    free(c.cands);
    free(c.texts.data);
    lot_rows_free(&c.rows_of_lot);
    row_index_free(&c.rows);
    free(c.prices_sorted);
    free(c.by_address);
    by_bidder_free(&c.entries);
    by_bidder_free(&c.falls);
    free(c.entry_lot);
    free(c.entry_at);
    free(c.n_ranked);
    free(c.best_at);
    if (!ok || c.oom) {
        tnd_evaluation_free(out);
        out->out_of_memory = true;
        return false;
    }
    return true;
}
