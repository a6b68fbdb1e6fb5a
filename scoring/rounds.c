/*
 * rounds.c - the procedure's rounds and the officer's decisions (see rounds.h, issue 8 §4).
 *
 * Every date and term comes from the definition (<resubmission at except-lots>, <herstel
 * working-days>); nothing here knows a tender's numbers.
 */
#include "scoring/rounds.h"

#include <stdarg.h>
#include <stdio.h> /* vsnprintf only: text into fixed buffers, no I/O */
#include <stdlib.h>
#include <string.h>

#include "scoring/check_internal.h"

static const char *const kind_texts[TND_DECISION_KIND_COUNT] = {
    "akkoord", "afgewezen", "herstel-gevraagd", "hersteld", "gelijke-stand-gegund"
};

const char *tnd_decision_kind_text(tnd_decision_kind k)
{
    return (unsigned)k < TND_DECISION_KIND_COUNT ? kind_texts[k] : "?";
}

bool tnd_decision_kind_parse(const char *text, tnd_decision_kind *out)
{
    for (int k = 0; k < TND_DECISION_KIND_COUNT; k++)
        if (strcmp(text, kind_texts[k]) == 0) {
            *out = (tnd_decision_kind)k;
            return true;
        }
    return false;
}

const char *tnd_decision_use_dutch(tnd_decision_use u)
{
    switch (u) {
    case TND_DECISION_APPLIED:
        return "toegepast";
    case TND_DECISION_LATE_HERSTEL:
        return "te laat hersteld: niet toegepast";
    case TND_DECISION_LATER_ROUND:
        return "latere ronde: nog niet toegepast";
    case TND_DECISION_SUPERSEDED:
        return "vervallen door herinschrijving";
    case TND_DECISION_NOT_YET:
        return "na de beoordelingsdatum: nog niet toegepast";
    }
    return "?";
}

/* Appends to a fixed buffer; when it is cut, a multi-byte character cut in half goes too. */
static void append(char *dst, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void append(char *dst, size_t size, const char *fmt, ...)
{
    size_t len = strlen(dst);
    if (len + 1 >= size)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(dst + len, size - len, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n < size - len)
        return;
    size_t end = strlen(dst), i = end;
    while (i > 0 && ((unsigned char)dst[i - 1] & 0xC0) == 0x80)
        i--;
    if (i > 0 && ((unsigned char)dst[i - 1] & 0xC0) == 0xC0) {
        unsigned char lead = (unsigned char)dst[i - 1];
        size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
        if (end - (i - 1) < need)
            dst[i - 1] = '\0';
    }
}

static bool problem(tnd_round_problem *p, long line, const char *kvk, const char *hint,
                    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static bool problem(tnd_round_problem *p, long line, const char *kvk, const char *hint,
                    const char *fmt, ...)
{
    memset(p, 0, sizeof *p);
    p->line = line;
    tnd_finding_set(p->kvk, sizeof p->kvk, "%s", kvk ? kvk : "");
    tnd_finding_set(p->hint, sizeof p->hint, "%s", hint ? hint : "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->message, sizeof p->message, fmt, ap);
    va_end(ap);
    return false;
}

/* ------------------------------------------------------------------ dates */

/* 0 = Monday ... 6 = Sunday (1970-01-01 was a Thursday). */
static int weekday(tnd_date d)
{
    int64_t days = tnd_date_days(d);
    int w = (int)(((days % 7) + 7 + 3) % 7);
    return w;
}

static tnd_date next_day(tnd_date d)
{
    static const int days_in[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    int y = d.year;
    int dim =
        days_in[d.month - 1] + (d.month == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
    if (++d.day > dim) {
        d.day = 1;
        if (++d.month > 12) {
            d.month = 1;
            d.year++;
        }
    }
    return d;
}

tnd_date tnd_add_working_days(tnd_date d, int n)
{
    while (n > 0) {
        d = next_day(d);
        if (weekday(d) < 5)
            n--;
    }
    return d;
}

/* ------------------------------------------------------------------ round 2: re-submission */

bool tnd_rounds_resubmission_definition(const tnd_definition *def, tnd_definition *out)
{
    if (!def->rounds.has_resubmission)
        return false;
    *out = *def;
    out->closing_time = def->rounds.resubmission_time;
    /* the window between two stated hours (§3.3 L251-253 against §3.6 L381) is round 1's; the
     * re-submission has one hour (L255, L302): after it a bid is late */
    out->has_closing_review = false;
    tnd_finding_set(out->closing.source, sizeof out->closing.source, "%s",
                    def->rounds.resubmission_source);
    tnd_finding_set(out->closing.label, sizeof out->closing.label, "Sluitingstijd herinschrijving");
    tnd_finding_set(out->closing.resolution, sizeof out->closing.resolution, "%s",
                    def->rounds.resubmission_id);
    return true;
}

static bool lot_excepted(const tnd_rounds_rules *r, int lot)
{
    for (int i = 0; i < r->n_resubmission_except && i < TND_MAX_SET; i++)
        if (r->resubmission_except[i] == lot)
            return true;
    return false;
}

/* A lot applied for that steps 1-2 did not place in that very lot: the bidder "is afgevallen"
 * for it (L498-502). */
static bool dropped_out(const tnd_placement *p)
{
    return p->placed != p->applied;
}

static bool dropped_on_resubmittable_lot(const tnd_rounds_rules *r, const tnd_check_result *c)
{
    for (size_t i = 0; i < c->n_placements; i++)
        if (dropped_out(&c->placements[i]) && !lot_excepted(r, c->placements[i].applied))
            return true;
    return false;
}

static int excepted_lot_of(const tnd_rounds_rules *r, const tnd_bid *bid)
{
    for (size_t i = 0; i < bid->n_lots; i++)
        if (lot_excepted(r, bid->lots[i].number))
            return bid->lots[i].number;
    return 0;
}

bool tnd_rounds_match_resubmissions(const tnd_definition *def, const tnd_bid *const *first,
                                    const tnd_check_result *const *first_checks, size_t n_first,
                                    const tnd_bid *const *resub, size_t n_resub,
                                    size_t *first_index, tnd_round_problem *p)
{
    const tnd_rounds_rules *r = &def->rounds;
    for (size_t k = 0; k < n_resub; k++) {
        const char *kvk = resub[k]->bidder.kvk;
        long line = (long)k + 1;
        if (!r->has_resubmission)
            return problem(p, line, kvk, "laat --resubmissions weg",
                           "de aanbestedingsdefinitie kent geen herinschrijving");
        for (size_t j = 0; j < k; j++)
            if (strcmp(resub[j]->bidder.kvk, kvk) == 0)
                return problem(p, line, kvk, "houd één herinschrijving per inschrijver over",
                               "KvK %s schrijft twee keer opnieuw in; herinschrijving mag "
                               "eenmalig (%s)",
                               kvk, r->resubmission_source);
        size_t at = n_first;
        for (size_t i = 0; i < n_first; i++)
            if (strcmp(first[i]->bidder.kvk, kvk) == 0)
                at = i;
        if (at == n_first)
            return problem(p, line, kvk,
                           "alleen een inschrijver uit ronde 1 kan opnieuw "
                           "inschrijven; controleer het KvK-nummer",
                           "KvK %s heeft in ronde 1 niet ingeschreven", kvk);
        int lot = excepted_lot_of(r, resub[k]);
        if (!lot)
            lot = excepted_lot_of(r, first[at]);
        if (lot)
            return problem(p, line, kvk,
                           "dat perceel kent alleen herstel op verzoek "
                           "(besluitenbestand: herstel-gevraagd, dan hersteld)",
                           "KvK %s: een inschrijving met perceel %d kan niet opnieuw "
                           "inschrijven (%s)",
                           kvk, lot, r->resubmission_source);
        if (!dropped_on_resubmittable_lot(r, first_checks[at]))
            return problem(p, line, kvk,
                           "herinschrijving is er alleen voor een inschrijver "
                           "die is afgevallen; laat dit bestand weg",
                           "KvK %s is in ronde 1 niet afgevallen bij stap 1 of 2 (%s)", kvk,
                           r->resubmission_source);
        first_index[k] = at;
    }
    return true;
}

/* ------------------------------------------------------------------ decisions */

static bool is_review(tnd_verdict v)
{
    return v == TND_REVIEW || v == TND_PLAN_REQUIRED;
}

static bool is_failure(tnd_verdict v)
{
    return v == TND_MISSING || v == TND_FAIL;
}

static bool kind_matches(tnd_decision_kind k, tnd_verdict v)
{
    return (k == TND_DECISION_ACCEPT || k == TND_DECISION_REJECT) ? is_review(v) : is_failure(v);
}

static bool rule_known(const tnd_definition *def, const char *id)
{
    size_t n = tnd_definition_rules(def, NULL, 0);
    tnd_rule_entry *all = calloc(n ? n : 1, sizeof *all);
    if (!all)
        return true; /* out of memory: the finding check below still refuses */
    tnd_definition_rules(def, all, n);
    bool found = false;
    for (size_t i = 0; i < n && !found; i++)
        found = strcmp(all[i].ref->id, id) == 0;
    free(all);
    return found;
}

/* The ranked award with a maximum whose id is `id`, or NULL. */
static const tnd_award_lot *ranked_award(const tnd_definition *def, const char *id)
{
    for (size_t i = 0; i < def->n_awards; i++)
        if (strcmp(def->awards[i].ref.id, id) == 0)
            return def->awards[i].kind == TND_AWARD_RANKED && def->awards[i].max_awarded > 0
                       ? &def->awards[i]
                       : NULL;
    return NULL;
}

/* A tie decision fits the definition: an award that ranks up to a maximum and names no tie rule
 * of its own (a tie-rule decides itself; the officer settles only what the document leaves
 * open, RES-GELIJKE-STAND). */
static bool validate_tie(const tnd_definition *def, const tnd_decision *d, tnd_round_problem *p)
{
    const tnd_award_lot *a = ranked_award(def, d->rule_id);
    if (!a)
        return problem(p, d->line, d->kvk,
                       "gebruik het id van de gunningsregel van een perceel met een maximum "
                       "aantal (zie 'tender rules', bijvoorbeeld GUNNING-P4)",
                       "'gelijke-stand-gegund' op %s: dat is geen rangschikking met een maximum "
                       "aantal opdrachtnemers",
                       d->rule_id);
    if (a->tie_rule[0])
        return problem(p, d->line, d->kvk, "laat de regel weg",
                       "perceel %d beslist een gelijke stand zelf met beslisregel %s", a->lot,
                       a->tie_rule);
    return true;
}

static bool has_finding(const tnd_check_result *c, const tnd_decision *d)
{
    for (size_t i = 0; i < c->n_findings; i++)
        if (c->findings[i].lot != TND_FINDING_DETAIL &&
            strcmp(c->findings[i].rule_id, d->rule_id) == 0 &&
            kind_matches(d->kind, c->findings[i].verdict))
            return true;
    return false;
}

static const tnd_decision *herstel_request(const tnd_decisions *ds, const tnd_decision *d)
{
    for (size_t i = 0; i < ds->n; i++) {
        const tnd_decision *q = &ds->items[i];
        if (q->kind == TND_DECISION_HERSTEL_ASKED && q->round == d->round &&
            strcmp(q->kvk, d->kvk) == 0 && strcmp(q->rule_id, d->rule_id) == 0)
            return q;
    }
    return NULL;
}

/* The last day of the herstel period of a request (RES-HERSTEL-WERKDAGEN). */
static tnd_date herstel_deadline(const tnd_definition *def, const tnd_decision *request)
{
    return tnd_add_working_days(request->date, def->rounds.herstel_working_days);
}

/* Changes every finding of the rule to `verdict` and says who decided what. */
static void set_verdicts(tnd_check_result *c, const tnd_decision *d, tnd_verdict verdict,
                         const char *what)
{
    char date[11];
    tnd_date_nl(d->date, date);
    for (size_t i = 0; i < c->n_findings; i++) {
        tnd_finding *f = &c->findings[i];
        if (f->lot == TND_FINDING_DETAIL || strcmp(f->rule_id, d->rule_id) != 0 ||
            !kind_matches(d->kind, f->verdict))
            continue;
        f->verdict = verdict;
        append(f->reason, sizeof f->reason, " | %s %s door %s: %s", what, date, d->officer,
               d->motivation);
    }
}

static bool validate(const tnd_definition *def, const tnd_decisions *ds, size_t i,
                     const tnd_check_result *c, tnd_date eval_date, tnd_round_problem *p)
{
    const tnd_decision *d = &ds->items[i];
    char date[11];
    tnd_date_nl(d->date, date);
    (void)eval_date;
    if ((d->kind == TND_DECISION_HERSTEL_ASKED || d->kind == TND_DECISION_HERSTELD) &&
        !def->rounds.has_herstel)
        return problem(p, d->line, d->kvk, "laat de regel weg",
                       "de aanbestedingsdefinitie kent geen herstel");
    if (!has_finding(c, d))
        return problem(p, d->line, d->kvk,
                       d->kind <= TND_DECISION_REJECT
                           ? "akkoord/afgewezen alleen voor een eis met oordeel BEOORDELEN of "
                             "PLAN VAN AANPAK (zie het blad Knock-outs)"
                           : "herstel alleen voor een eis met oordeel ONTBREEKT of VOLDOET NIET",
                       "regel %s is voor KvK %s in ronde %d niet %s", d->rule_id, d->kvk, d->round,
                       d->kind <= TND_DECISION_REJECT ? "BEOORDELEN of PLAN VAN AANPAK"
                                                      : "ONTBREEKT of VOLDOET NIET");
    if (d->kind == TND_DECISION_HERSTELD) {
        const tnd_decision *q = herstel_request(ds, d);
        if (!q)
            return problem(p, d->line, d->kvk,
                           "voeg de regel 'herstel-gevraagd' met de datum "
                           "van het verzoek toe",
                           "'hersteld' voor %s zonder verzoek tot herstel", d->rule_id);
        if (tnd_date_cmp(d->date, q->date) < 0)
            return problem(p, d->line, d->kvk, "controleer de datums",
                           "'hersteld' op %s ligt voor het verzoek (regel %ld)", date, q->line);
    }
    return true;
}

/* The check a decision of round `round` concerns, or NULL when it is not used now. */
static tnd_check_result *decision_target(const tnd_round_view *v, tnd_check_result *const *r1,
                                         size_t bidder, int round, tnd_decision_use *use)
{
    *use = TND_DECISION_APPLIED;
    if (round > v->round) {
        *use = TND_DECISION_LATER_ROUND;
        return NULL;
    }
    bool resub = v->resubmitted && v->resubmitted[bidder];
    if (round == 1 && resub) {
        *use = TND_DECISION_SUPERSEDED;
        return r1 ? r1[bidder] : NULL; /* validated, not applied */
    }
    return v->checks[bidder];
}

bool tnd_rounds_apply_decisions(const tnd_definition *def, const tnd_decisions *ds,
                                const tnd_round_view *v, tnd_check_result *const *r1,
                                tnd_decision_use *uses, tnd_round_problem *p)
{
    memset(p, 0, sizeof *p);
    if (!ds)
        return true;
    bool *touched = calloc(v->n ? v->n : 1, sizeof *touched);
    if (!touched)
        return problem(p, 0, "", NULL, "onvoldoende geheugen");
    bool ok = true;
    /* validate everything first: no verdict changes when one row is wrong */
    for (size_t i = 0; i < ds->n && ok; i++) {
        const tnd_decision *d = &ds->items[i];
        size_t b = v->n;
        for (size_t j = 0; j < v->n; j++)
            if (strcmp(v->bids[j]->bidder.kvk, d->kvk) == 0)
                b = j;
        if (b == v->n) {
            ok = problem(p, d->line, d->kvk, "controleer het KvK-nummer (blad Inschrijvers)",
                         "KvK %s is geen inschrijver van deze beoordeling", d->kvk);
            break;
        }
        if (!rule_known(def, d->rule_id)) {
            ok = problem(p, d->line, d->kvk, "gebruik een regel-id uit 'tender rules'",
                         "onbekende regel '%s'", d->rule_id);
            break;
        }
        if (d->round > 2) {
            ok = problem(p, d->line, d->kvk, "ronde 1 (inschrijving) of 2 (herinschrijving)",
                         "onbekende ronde %d", d->round);
            break;
        }
        tnd_check_result *c = decision_target(v, r1, b, d->round, &uses[i]);
        if (d->kind == TND_DECISION_TIE_AWARDED) {
            /* checked against the ranking after the award (tnd_rounds_check_ties) */
            if (!validate_tie(def, d, p)) {
                ok = false;
                break;
            }
            if (uses[i] == TND_DECISION_APPLIED && tnd_date_cmp(d->date, v->evaluation_date) > 0)
                uses[i] = TND_DECISION_NOT_YET;
            continue;
        }
        if (uses[i] == TND_DECISION_LATER_ROUND)
            continue;
        if (uses[i] == TND_DECISION_APPLIED && tnd_date_cmp(d->date, v->evaluation_date) > 0)
            uses[i] = TND_DECISION_NOT_YET;
        if (c)
            ok = validate(def, ds, i, c, v->evaluation_date, p);
    }
    /* then apply: herstel-gevraagd changes nothing by itself */
    for (size_t i = 0; i < ds->n && ok; i++) {
        const tnd_decision *d = &ds->items[i];
        if (uses[i] != TND_DECISION_APPLIED)
            continue;
        size_t b = 0;
        for (size_t j = 0; j < v->n; j++)
            if (strcmp(v->bids[j]->bidder.kvk, d->kvk) == 0)
                b = j;
        tnd_check_result *c = v->checks[b];
        char what[96];
        switch (d->kind) {
        case TND_DECISION_ACCEPT:
            set_verdicts(c, d, TND_PASS, "besluit akkoord");
            touched[b] = true;
            break;
        case TND_DECISION_REJECT:
            set_verdicts(c, d, TND_FAIL, "besluit afgewezen");
            touched[b] = true;
            break;
        case TND_DECISION_HERSTEL_ASKED:
        case TND_DECISION_TIE_AWARDED: /* settles the ranking: tnd_rounds_tie_settlements */
            break;
        case TND_DECISION_HERSTELD: {
            tnd_date last = herstel_deadline(def, herstel_request(ds, d));
            if (tnd_date_cmp(d->date, last) > 0) {
                uses[i] = TND_DECISION_LATE_HERSTEL;
                char l[11];
                tnd_date_nl(last, l);
                tnd_finding_set(what, sizeof what, "herstel te laat (termijn tot en met %s, %s) op",
                                l, def->rounds.herstel.source);
                set_verdicts(c, d, TND_FAIL, what);
            } else {
                set_verdicts(c, d, TND_PASS, "hersteld");
            }
            touched[b] = true;
            break;
        }
        case TND_DECISION_KIND_COUNT:
            break;
        }
    }
    for (size_t b = 0; b < v->n && ok; b++)
        if (touched[b] && !tnd_check_replace(def, v->bids[b], v->checks[b]))
            ok = problem(p, 0, "", NULL, "onvoldoende geheugen");
    free(touched);
    return ok;
}

/* ------------------------------------------------------------------ ties */

static bool tie_applied(const tnd_decisions *ds, const tnd_decision_use *uses, size_t i)
{
    return ds->items[i].kind == TND_DECISION_TIE_AWARDED && uses[i] == TND_DECISION_APPLIED;
}

bool tnd_rounds_tie_settlements(const tnd_definition *def, const tnd_decisions *ds,
                                const tnd_decision_use *uses, tnd_tie_settlement **out,
                                size_t *n_out)
{
    *out = NULL;
    *n_out = 0;
    size_t n = 0;
    for (size_t i = 0; ds && i < ds->n; i++)
        n += tie_applied(ds, uses, i);
    if (!n)
        return true;
    tnd_tie_settlement *t = calloc(n, sizeof *t);
    if (!t)
        return false;
    for (size_t i = 0; i < ds->n; i++) {
        const tnd_decision *d = &ds->items[i];
        const tnd_award_lot *a = tie_applied(ds, uses, i) ? ranked_award(def, d->rule_id) : NULL;
        if (!a)
            continue;
        tnd_tie_settlement *s = &t[(*n_out)++];
        char date[11];
        tnd_date_nl(d->date, date);
        s->lot = a->lot;
        memcpy(s->kvk, d->kvk, sizeof s->kvk);
        /* the motivation itself is on the Procedure sheet: the entry's reason keeps its notes */
        tnd_finding_set(s->text, sizeof s->text,
                        "besluit %s door %s (besluitenbestand regel %ld, motivering: blad "
                        "Procedure)",
                        date, d->officer, d->line);
    }
    *out = t;
    return true;
}

static const tnd_lot_award *lot_award(const tnd_evaluation *ev, int lot)
{
    for (size_t i = 0; i < ev->n_lots; i++)
        if (ev->lots[i].lot == lot)
            return &ev->lots[i];
    return NULL;
}

bool tnd_rounds_check_ties(const tnd_definition *def, const tnd_decisions *ds,
                           const tnd_decision_use *uses, const tnd_evaluation *ev,
                           tnd_round_problem *p)
{
    memset(p, 0, sizeof *p);
    for (size_t i = 0; ds && i < ds->n; i++) {
        if (!tie_applied(ds, uses, i))
            continue;
        const tnd_decision *d = &ds->items[i];
        const tnd_award_lot *a = ranked_award(def, d->rule_id);
        const tnd_lot_award *la = a ? lot_award(ev, a->lot) : NULL;
        if (!la || !la->tie)
            return problem(p, d->line, d->kvk,
                           "laat de regel weg: alleen een gelijke stand op de laatste plaats "
                           "wordt door de aanbesteder beslist",
                           "perceel %d heeft geen gelijke stand op de laatste plaats",
                           a ? a->lot : 0);
        bool tied = false;
        for (size_t e = 0; e < la->n_entries && !tied; e++)
            tied = strcmp(la->entries[e].bid->bidder.kvk, d->kvk) == 0 &&
                   la->entries[e].rank == la->tie_rank;
        if (!tied)
            return problem(p, d->line, d->kvk,
                           "noem een inschrijver uit de gelijke stand (blad Gunning)",
                           "KvK %s staat niet in de gelijke stand van perceel %d", d->kvk,
                           a->lot);
        /* the same place given twice, or more winners than places: which counts is a choice */
        size_t named = 1;
        for (size_t j = 0; j < i; j++) {
            if (!tie_applied(ds, uses, j) || strcmp(ds->items[j].rule_id, d->rule_id) != 0)
                continue;
            if (strcmp(ds->items[j].kvk, d->kvk) == 0)
                return problem(p, d->line, d->kvk, "één besluit per plaats: verwijder een regel",
                               "KvK %s krijgt de plaats in perceel %d al op regel %ld", d->kvk,
                               a->lot, ds->items[j].line);
            if (++named > (size_t)la->tie_places)
                return problem(p, d->line, d->kvk,
                               "verwijder of corrigeer een van beide regels",
                               "perceel %d heeft %d plaats(en) voor de gelijke stand; regel %ld "
                               "gaf die al aan KvK %s",
                               a->lot, la->tie_places, ds->items[j].line, ds->items[j].kvk);
        }
    }
    /* every row fits the tie: now the places must all be given */
    for (size_t i = 0; ds && i < ds->n; i++) {
        if (!tie_applied(ds, uses, i))
            continue;
        const tnd_decision *d = &ds->items[i];
        const tnd_award_lot *a = ranked_award(def, d->rule_id);
        const tnd_lot_award *la = lot_award(ev, a->lot);
        if (!la->tie_settled) {
            size_t total = 0;
            for (size_t j = 0; j < ds->n; j++)
                total += tie_applied(ds, uses, j) && strcmp(ds->items[j].rule_id, d->rule_id) == 0;
            return problem(p, d->line, d->kvk,
                           "geef elke plaats met een eigen regel aan één inschrijver uit de "
                           "gelijke stand",
                           "perceel %d heeft %d plaats(en) voor de gelijke stand; de besluiten "
                           "geven er %zu",
                           a->lot, la->tie_places, total);
        }
    }
    return true;
}

/* ------------------------------------------------------------------ finality */

static bool entry_open(tnd_award_status s)
{
    return s == TND_AWARD_PENDING || s == TND_AWARD_REVISION_OPEN || s == TND_AWARD_NO_SCORES ||
           s == TND_AWARD_TIE;
}

/* The open entries of every lot of ev, counted once (parallel to ev->lots; NULL when out of
 * memory): counting them for every outcome made settling grow with the square of the bids,
 * 0.8 s of 100,000 (issue 9). */
static size_t *count_open_entries(const tnd_evaluation *ev, unsigned long long *ops)
{
    size_t *open = calloc(ev->n_lots ? ev->n_lots : 1, sizeof *open);
    for (size_t i = 0; open && i < ev->n_lots; i++) {
        for (size_t j = 0; j < ev->lots[i].n_entries; j++)
            open[i] += entry_open(ev->lots[i].entries[j].status);
        *ops += ev->lots[i].n_entries;
    }
    return open;
}

static size_t open_entries(const tnd_evaluation *ev, const size_t *open, int lot)
{
    size_t n = 0;
    for (size_t i = 0; i < ev->n_lots; i++)
        if (ev->lots[i].lot == lot)
            n += open[i];
    return n;
}

/* The rules still to decide on a lot (REVIEW / PLAN REQUIRED findings of that lot or all). */
static void open_rules(const tnd_check_result *c, int lot, char *out, size_t size)
{
    out[0] = '\0';
    for (size_t i = 0; c && i < c->n_findings; i++) {
        const tnd_finding *f = &c->findings[i];
        if (!is_review(f->verdict) || (f->lot != 0 && f->lot != lot))
            continue;
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++)
            seen = is_review(c->findings[j].verdict) &&
                   (c->findings[j].lot == 0 || c->findings[j].lot == lot) &&
                   strcmp(c->findings[j].rule_id, f->rule_id) == 0;
        if (!seen)
            append(out, size, "%s%s", out[0] ? ", " : "", f->rule_id);
    }
}

static const tnd_placement *placement_of(const tnd_check_result *c, int lot)
{
    for (size_t i = 0; c && i < c->n_placements; i++)
        if (c->placements[i].applied == lot)
            return &c->placements[i];
    return NULL;
}

/* The herstel decisions (asked and received), by KvK and then in the file's order: a bidder's
 * are found by a binary search, not by a scan of every decision per bidder, which grew with the
 * bids times the decisions (issue 9). */
typedef struct {
    const tnd_decision **items;
    size_t n;
} herstel_index;

static int by_kvk_then_order(const void *a, const void *b)
{
    const tnd_decision *x = *(const tnd_decision *const *)a, *y = *(const tnd_decision *const *)b;
    int c = strcmp(x->kvk, y->kvk);
    return c ? c : (x > y) - (x < y); /* the decisions' array order */
}

static bool herstel_index_make(const tnd_decisions *ds, herstel_index *hx)
{
    hx->n = 0;
    hx->items = calloc(ds && ds->n ? ds->n : 1, sizeof *hx->items);
    if (!hx->items)
        return false;
    for (size_t i = 0; ds && i < ds->n; i++)
        if (ds->items[i].kind == TND_DECISION_HERSTEL_ASKED ||
            ds->items[i].kind == TND_DECISION_HERSTELD)
            hx->items[hx->n++] = &ds->items[i];
    qsort(hx->items, hx->n, sizeof *hx->items, by_kvk_then_order);
    return true;
}

/* The open herstel request of a bidder (round `round`), if any: text and whether still open. */
static bool herstel_state(const tnd_definition *def, const herstel_index *hx, const char *kvk,
                          int round, tnd_date eval, char *text, size_t size,
                          unsigned long long *ops)
{
    text[0] = '\0';
    bool open = false;
    size_t lo = 0, hi = hx->n; /* the first of kvk's decisions */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(hx->items[mid]->kvk, kvk) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t end = lo;
    while (end < hx->n && strcmp(hx->items[end]->kvk, kvk) == 0)
        end++;
    *ops += end - lo;
    for (size_t i = lo; i < end; i++) {
        const tnd_decision *q = hx->items[i];
        if (q->kind != TND_DECISION_HERSTEL_ASKED || q->round != round ||
            tnd_date_cmp(q->date, eval) > 0)
            continue;
        bool done = false;
        for (size_t j = lo; j < end; j++) {
            const tnd_decision *d = hx->items[j];
            if (d->kind == TND_DECISION_HERSTELD && d->round == round &&
                tnd_date_cmp(d->date, eval) <= 0 && strcmp(d->rule_id, q->rule_id) == 0)
                done = true;
        }
        *ops += end - lo;
        char asked[11], last[11];
        tnd_date_nl(q->date, asked);
        tnd_date last_d = herstel_deadline(def, q);
        tnd_date_nl(last_d, last);
        bool pending = !done && tnd_date_cmp(eval, last_d) <= 0;
        append(text, size, "%sherstel %s gevraagd op %s, termijn tot en met %s: %s",
               text[0] ? "; " : "", q->rule_id, asked, last,
               done      ? "ontvangen"
               : pending ? "open"
                         : "niet ontvangen");
        open = open || pending;
    }
    return open;
}

void tnd_rounds_round1_text(const tnd_check_result *c, char *out, size_t size)
{
    out[0] = '\0';
    for (size_t i = 0; c && i < c->n_placements; i++) {
        const tnd_placement *p = &c->placements[i];
        append(out, size, "%sperceel %d: %s", i ? "; " : "", p->applied,
               p->placed == p->applied ? tnd_lot_status_dutch(p->status)
               : p->placed > 0         ? "teruggevallen"
                                       : "NIET TOEGELATEN");
        if (p->placed != p->applied && p->placed > 0)
            append(out, size, " naar %d", p->placed);
    }
}

static void settle_lot(const tnd_definition *def, const tnd_evaluation *ev,
                       const size_t *open_by_lot, const tnd_bidder_outcome *o, int j,
                       bool resubmitted, bool herstel_open, tnd_date eval,
                       tnd_procedure_bidder *pb, char *text, size_t size)
{
    const tnd_rounds_rules *r = &def->rounds;
    int lot = o->applied[j];
    bool *prov = &pb->provisional[j];
    const tnd_placement *pl = placement_of(o->check, lot);
    char deadline[24];
    tnd_datetime_nl(r->resubmission_time, deadline);
    if (pl && dropped_out(pl)) {
        /* an open herstel request can cure any failure, on any lot (§4.1.4 L474-487) */
        if (herstel_open) {
            *prov = true;
            tnd_finding_set(text, size, "voorlopig: herstel op verzoek loopt (%s)",
                            r->herstel.source);
            return;
        }
        if (lot_excepted(r, lot) || !r->has_resubmission) {
            tnd_finding_set(text, size, "definitief: perceel %d kent geen herinschrijving%s%s%s",
                            lot, r->has_resubmission ? " (" : "",
                            r->has_resubmission ? r->resubmission_source : "",
                            r->has_resubmission ? ")" : "");
            return;
        }
        if (resubmitted) {
            tnd_finding_set(text, size,
                            "definitief: na herinschrijving niet voldaan, ongeldig "
                            "(§4.1.5 L509-511; %s)",
                            r->resubmission_id);
            return;
        }
        if (tnd_date_cmp(eval, r->resubmission_time.date) <= 0) {
            *prov = true;
            tnd_finding_set(text, size,
                            "voorlopig: afgevallen voor perceel %d, herinschrijving mogelijk "
                            "tot %s (%s)",
                            lot, deadline, r->resubmission_id);
            return;
        }
        tnd_finding_set(text, size,
                        "definitief: afgevallen voor perceel %d, geen herinschrijving "
                        "ontvangen voor %s (%s)",
                        lot, deadline, r->resubmission_id);
        return;
    }
    tnd_award_status s = o->status[j];
    char rules[TND_REASON_LEN];
    switch (s) {
    case TND_AWARD_PENDING:
        *prov = true;
        open_rules(o->check, o->placed[j] > 0 ? o->placed[j] : lot, rules, sizeof rules);
        tnd_finding_set(text, size,
                        "voorlopig: besluit aanbesteder nodig over %s (RES-BESLUIT-AANBESTEDER)",
                        rules[0] ? rules : "een open eis");
        return;
    case TND_AWARD_REVISION_OPEN:
        *prov = true;
        tnd_finding_set(text, size, "voorlopig: herkansing Plan van Aanpak nog niet beoordeeld");
        return;
    case TND_AWARD_NO_SCORES:
        *prov = true;
        tnd_finding_set(text, size, "voorlopig: consensusscore ontbreekt");
        return;
    case TND_AWARD_TIE:
        *prov = true;
        tnd_finding_set(text, size, "voorlopig: gelijke stand onbeslist");
        return;
    default:
        break;
    }
    if (s == TND_AWARD_SET_ASIDE) {
        const tnd_award_lot *a = tnd_definition_award(def, o->placed[j] > 0 ? o->placed[j] : lot);
        const char *src = "";
        for (int c = 0; a && c < a->n_criteria && !src[0]; c++)
            if (a->criteria[c].has_minimum)
                src = a->criteria[c].source;
        tnd_finding_set(text, size, "definitief: na de herkansing onder de norm%s%s%s",
                        src[0] ? " (" : "", src, src[0] ? ")" : "");
        return;
    }
    /* a competitive lot (a maximum number) is not settled while one of its entries is open:
     * that decides who is granted, and who falls back from it (§4.3.1) */
    if (s != TND_AWARD_GRANTED && s != TND_AWARD_NOT_RANKED && s != TND_AWARD_ADMITTED) {
        tnd_finding_set(text, size, "definitief");
        return;
    }
    int where = lot;
    const tnd_award_lot *rule = tnd_definition_award(def, where);
    size_t open = rule && rule->max_awarded > 0 ? open_entries(ev, open_by_lot, where) : 0;
    if (!open && o->placed[j] > 0 && o->placed[j] != lot) {
        where = o->placed[j];
        rule = tnd_definition_award(def, where);
        open = rule && rule->max_awarded > 0 ? open_entries(ev, open_by_lot, where) : 0;
    }
    if (open) {
        *prov = true;
        tnd_finding_set(text, size,
                        "voorlopig: gunning perceel %d hangt af van %zu open inschrijving(en)",
                        where, open);
        return;
    }
    /* Admitted with a product held for the verification meeting (§4.1.8 L567-573; products are
     * admitted separately, §3.2 L218-219): the lot stands, the held product waits for the
     * officer's decision. */
    open_rules(o->check, o->placed[j] > 0 ? o->placed[j] : lot, rules, sizeof rules);
    if (rules[0]) {
        *prov = true;
        tnd_finding_set(text, size,
                        "voorlopig: besluit aanbesteder nodig over %s voor een product "
                        "(RES-BESLUIT-AANBESTEDER)",
                        rules);
        return;
    }
    tnd_finding_set(text, size, "definitief");
}

bool tnd_rounds_settle(const tnd_definition *def, const tnd_evaluation *ev,
                       const char (*round1_texts)[TND_REASON_LEN], const bool *resubmitted,
                       int round, tnd_date eval, const tnd_decisions *decisions,
                       const tnd_decision_use *uses, tnd_procedure *out)
{
    memset(out, 0, sizeof *out);
    out->round = round;
    out->evaluation_date = eval;
    out->rules = &def->rounds;
    out->decisions = decisions;
    out->uses = uses;
    out->bidders = calloc(ev->n_bidders ? ev->n_bidders : 1, sizeof *out->bidders);
    size_t *open_by_lot = count_open_entries(ev, &out->operations);
    herstel_index hx = { NULL, 0 };
    if (!out->bidders || !open_by_lot || !herstel_index_make(decisions, &hx)) {
        free(out->bidders);
        out->bidders = NULL;
        free(open_by_lot);
        return false;
    }
    out->n_bidders = ev->n_bidders;
    bool ok = true;
    for (size_t i = 0; ok && i < ev->n_bidders; i++) {
        const tnd_bidder_outcome *o = &ev->bidders[i];
        tnd_procedure_bidder *pb = &out->bidders[i];
        pb->resubmitted = resubmitted && resubmitted[i];
        char text[TND_REASON_LEN]; /* each text is kept at its own length (issue 9) */
        if (round1_texts)
            tnd_finding_set(text, sizeof text, "%s", round1_texts[i]);
        else
            tnd_rounds_round1_text(o->check, text, sizeof text);
        pb->round1 = strdup(text);
        int bid_round = pb->resubmitted ? 2 : 1;
        pb->herstel_open = herstel_state(def, &hx, o->bid->bidder.kvk, bid_round, eval, text,
                                         sizeof text, &out->operations);
        pb->herstel = strdup(text);
        int n = o->n_applied < 0 ? 0 : o->n_applied > TND_MAX_SET ? TND_MAX_SET : o->n_applied;
        pb->finality = calloc((size_t)n + 1, sizeof *pb->finality); /* NULL-terminated */
        ok = pb->round1 && pb->herstel && pb->finality;
        for (int j = 0; ok && j < n; j++) {
            settle_lot(def, ev, open_by_lot, o, j, pb->resubmitted, pb->herstel_open, eval, pb,
                       text, sizeof text);
            out->operations += ev->n_lots;
            pb->finality[j] = strdup(text);
            ok = pb->finality[j] != NULL;
            if (!ok)
                break;
            if (pb->provisional[j])
                out->n_provisional++;
            else
                out->n_final++;
        }
    }
    free(open_by_lot);
    free(hx.items);
    if (!ok) {
        tnd_procedure_free(out); /* never a shorter table */
        return false;
    }
    tnd_finding_set(out->summary, sizeof out->summary,
                    "Ronde %d (%s): %zu uitkomst(en) voorlopig, %zu "
                    "definitief",
                    round, round == 1 ? "inschrijving" : "herinschrijving", out->n_provisional,
                    out->n_final);
    return true;
}

void tnd_procedure_free(tnd_procedure *p)
{
    if (!p)
        return;
    for (size_t i = 0; p->bidders && i < p->n_bidders; i++) {
        tnd_procedure_bidder *pb = &p->bidders[i];
        for (size_t j = 0; pb->finality && pb->finality[j]; j++)
            free(pb->finality[j]);
        free(pb->finality);
        free(pb->round1);
        free(pb->herstel);
    }
    free(p->bidders);
    memset(p, 0, sizeof *p);
}
