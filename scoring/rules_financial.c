/*
 * rules_financial.c - financial suitability (§5.3.1 L1338-1393).
 *
 * Each norm (rentabiliteit, solvabiliteit, current ratio) is a fraction of summed Bijlage XVI
 * figures compared with a threshold. Judged "per norm en niet per kalenderjaar" (L1371-1378): per
 * norm the years in which it is not met are counted, and the count picks the verdict from the
 * definition's bands (1 year: no consequence, 2: the Opdrachtgever decides on a plan, 3 or more:
 * a plan is required). A negative going-concern statement requires a plan regardless (L1380-1384);
 * a start-up that cannot show figures goes to a talk (L1386-1389). The result is PASS, REVIEW or
 * PLAN REQUIRED; it becomes FAIL only through the plan: a required plan rejected or not delivered.
 *
 * Why exact fractions: the norms are strict ("> 20,0%"), so equity that is exactly a fifth of the
 * assets must fail and one cent more must pass. tnd_fraction_cmp compares num/den with the
 * threshold in integers; the percentages shown are rounded from the same exact fraction.
 *
 * Findings (all step 2): one detail row per norm and year (lot -1: informational, never part of a
 * lot status, so a single bad year cannot fail a bid), one summary per norm with the band verdict
 * (lot 0), then going concern, then the plan. A missing figure is step 1's business (required item
 * "financial-figures"): here the year is only reported as unknown.
 */
#include "scoring/check_internal.h"

#include <stdio.h> /* snprintf only: text into fixed buffers, no I/O */
#include <string.h>

typedef enum { YEAR_UNKNOWN, YEAR_MET, YEAR_NOT_MET } year_outcome;

/* A label as a name inside a sentence: lower-case first letter, without a trailing formula in
 * parentheses ("Solvabiliteit (totaal eigen vermogen / totaal activa)" -> "solvabiliteit"), so
 * that a reason stays one readable line. */
static void label_in_sentence(const char *label, char *buf, size_t size)
{
    snprintf(buf, size, "%s", label);
    char *formula = strstr(buf, " (");
    if (formula && formula != buf)
        *formula = '\0';
    if (buf[0] >= 'A' && buf[0] <= 'Z')
        buf[0] = (char)(buf[0] - 'A' + 'a');
}

/*
 * The norm's value num/den (den > 0) as shown, "19,8%" or "1,25": with `places` decimals and a
 * Dutch comma, rounded half away from zero from the exact fraction (never via double, never
 * rounded twice). A percentage is the fraction times 100.
 */
static void norm_value_nl(const tnd_fin_norm *n, int64_t num, int64_t den, int places, char *buf,
                          size_t size)
{
    __extension__ typedef __int128 i128;
    int shift = n->percent ? 2 : 0;
    i128 scaled = num;
    for (int i = 0; i < shift + places; i++)
        scaled *= 10;
    bool negative = scaled < 0;
    if (negative)
        scaled = -scaled;
    i128 q = (scaled * 2 + den) / ((i128)den * 2);
    i128 unit = 1;
    for (int i = 0; i < places; i++)
        unit *= 10;
    unsigned long long whole = (unsigned long long)(q / unit);
    unsigned long long part = (unsigned long long)(q % unit);
    /* Written by hand, not by snprintf: this runs for every norm and year of every bid (issue
     * 9). At most 1 + 20 + 1 + places + 1 + 1 bytes; cut like snprintf when size is smaller. */
    char text[64], *p = text;
    if (negative && q)
        *p++ = '-';
    char digits[24];
    int nd = 0;
    do {
        digits[nd++] = (char)('0' + whole % 10);
        whole /= 10;
    } while (whole);
    while (nd)
        *p++ = digits[--nd];
    if (places > 0) {
        *p++ = ',';
        for (int i = places - 1; i >= 0; i--) {
            p[i] = (char)('0' + part % 10);
            part /= 10;
        }
        p += places;
    }
    if (n->percent)
        *p++ = '%';
    size_t len = (size_t)(p - text);
    if (size == 0)
        return;
    if (len >= size)
        len = size - 1;
    memcpy(buf, text, len);
    buf[len] = '\0';
}

/* "> 20,0%" */
static void norm_text(const tnd_fin_norm *n, char *buf, size_t size)
{
    char value[64];
    norm_value_nl(n, n->threshold.units, TND_DEC_SCALE, n->display_places, value, sizeof value);
    snprintf(buf, size, "%s %s", tnd_op_symbol(n->op), value);
}

/*
 * The found value with the norm's display places, or with more when the rounded value would read
 * the same as the threshold while the exact value differs: 20,0001% must not be shown as "20,0%"
 * next to "voldaan".
 */
static void found_text(const tnd_fin_norm *n, int64_t num, int64_t den, char *buf, size_t size)
{
    int places = n->display_places;
    bool equal = tnd_fraction_cmp(num, den, n->threshold) == 0;
    for (;;) {
        char threshold[64];
        norm_value_nl(n, num, den, places, buf, size);
        norm_value_nl(n, n->threshold.units, TND_DEC_SCALE, places, threshold, sizeof threshold);
        if (equal || strcmp(buf, threshold) != 0 || places >= 8)
            return;
        places++;
    }
}

/* Sum of the figures `items` for `year`; false when one of them is absent. */
static bool sum_figures(const tnd_definition *def, const tnd_bid *bid, const int *items, int n,
                        int year, int64_t *sum)
{
    *sum = 0;
    for (int i = 0; i < n; i++) {
        if (items[i] < 0 || items[i] >= def->financial.n_items)
            return false;
        const tnd_figure *f = tnd_bid_figure(bid, def->financial.items[items[i]].id, year);
        if (!f)
            return false;
        *sum += f->amount;
    }
    return true;
}

/* "omzet" or "totaal vlottende activa + liquide middelen" */
static void items_text(const tnd_definition *def, const int *items, int n, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int i = 0; i < n && used < size; i++) {
        char label[TND_LABEL_LEN];
        if (items[i] < 0 || items[i] >= def->financial.n_items)
            continue;
        label_in_sentence(def->financial.items[items[i]].label, label, sizeof label);
        int w = snprintf(buf + used, size - used, "%s%s", i ? " + " : "", label);
        used += w > 0 ? (size_t)w : 0;
    }
}

/* The texts of a norm that every year's row repeats: made once per norm, not once per year, and
 * only when a finding that gets its texts needs them (tnd_finding_texts_wanted). */
typedef struct {
    const tnd_definition *def;
    const tnd_fin_norm *n;
    bool made;
    char label[TND_LABEL_LEN];     /* "solvabiliteit" */
    char norm[TND_VALUE_LEN];      /* "> 20,0%" */
    char den_text[TND_REASON_LEN]; /* "totaal activa" */
    const char *strict;            /* " (strikt)" or "" */
} norm_texts;

static const norm_texts *made(norm_texts *t)
{
    if (!t->made) {
        label_in_sentence(t->n->ref.label, t->label, sizeof t->label);
        norm_text(t->n, t->norm, sizeof t->norm);
        items_text(t->def, t->n->den_items, t->n->n_den, t->den_text, sizeof t->den_text);
        t->strict = t->n->op == TND_OP_GT || t->n->op == TND_OP_LT ? " (strikt)" : "";
        t->made = true;
    }
    return t;
}

/* Judges one norm in one year and adds its detail row. UNKNOWN (no row) when a figure is absent. */
static year_outcome judge_year(const tnd_definition *def, const tnd_bid *bid, const tnd_fin_norm *n,
                               norm_texts *texts, int year, tnd_check_result *r)
{
    int64_t num, den;
    if (!sum_figures(def, bid, n->num_items, n->n_num, year, &num) ||
        !sum_figures(def, bid, n->den_items, n->n_den, year, &den))
        return YEAR_UNKNOWN;

    bool degenerate_met = den == 0 && num > 0 && n->degenerate == TND_DEGENERATE_MET_IF_POSITIVE;
    bool met = degenerate_met ||
               (den > 0 && tnd_op_holds(n->op, tnd_fraction_cmp(num, den, n->threshold)));
    if (!tnd_finding_texts_wanted(r, met ? TND_PASS : TND_FAIL)) {
        tnd_add_finding(r, 2, &n->ref, TND_FINDING_DETAIL, met ? TND_PASS : TND_FAIL, "%s", "");
        return met ? YEAR_MET : YEAR_NOT_MET;
    }
    const norm_texts *t = made(texts);
    char found[TND_VALUE_LEN];
    const char *label = t->label, *norm = t->norm, *den_text = t->den_text, *strict = t->strict;

    year_outcome outcome;
    tnd_finding *f;
    if (degenerate_met) {
        outcome = YEAR_MET;
        tnd_finding_set(found, sizeof found, "oneindig");
        f = tnd_add_finding(r, 2, &n->ref, TND_FINDING_DETAIL, TND_PASS,
                            "%s %d is oneindig (%s 0, teller positief); norm %s%s: voldaan", label,
                            year, den_text, norm, strict);
    } else if (den <= 0) {
        /* §5.3.1 resolution: a norm that cannot be computed counts as not met, and says so. */
        outcome = YEAR_NOT_MET;
        tnd_finding_set(found, sizeof found, "niet te berekenen");
        bool zero_with_rule = den == 0 && n->degenerate == TND_DEGENERATE_MET_IF_POSITIVE;
        f = tnd_add_finding(r, 2, &n->ref, TND_FINDING_DETAIL, TND_FAIL,
                            "%s %d niet te berekenen: %s %s; geteld als niet voldaan", label, year,
                            den_text, zero_with_rule ? "0 en teller <= 0" : "<= 0");
    } else {
        outcome = met ? YEAR_MET : YEAR_NOT_MET;
        found_text(n, num, den, found, sizeof found);
        f = tnd_add_finding(r, 2, &n->ref, TND_FINDING_DETAIL, met ? TND_PASS : TND_FAIL,
                            "%s %d is %s; norm %s%s: %s", label, year, found, norm, strict,
                            met ? "voldaan" : "niet voldaan");
    }
    if (f) {
        tnd_finding_set(f->subject, sizeof f->subject, "%d", year);
        tnd_finding_set(f->found, sizeof f->found, "%s", found);
        tnd_finding_set(f->norm, sizeof f->norm, "%s", norm);
    }
    return outcome;
}

/* The verdict of the band that holds `failed` years (§5.3.1 L1371-1378). */
static bool band_verdict(const tnd_financial_rules *fin, int failed, tnd_verdict *out)
{
    for (int i = 0; i < fin->n_bands; i++) {
        const tnd_year_band *b = &fin->bands[i];
        if (failed >= b->min_failed && (b->max_failed < 0 || failed <= b->max_failed)) {
            *out = b->verdict;
            return true;
        }
    }
    return false;
}

/* What the band verdict means for the bidder, in the document's words. */
static const char *band_consequence(tnd_verdict v, int failed)
{
    switch (v) {
    case TND_PASS:
        return failed ? "1 jaar niet voldoen heeft geen gevolgen" : "norm elk jaar voldaan";
    case TND_REVIEW:
        return "opdrachtgever beoordeelt of een aanvullend plan van aanpak nodig is";
    case TND_PLAN_REQUIRED:
        return "aanvullend plan van aanpak nodig";
    default:
        return "oordeel volgens de definitie";
    }
}

/* Appends `year` to a list "2019, 2021" in buf. */
static void append_year(char *buf, size_t size, int year)
{
    size_t len = strlen(buf);
    if (len < size)
        snprintf(buf + len, size - len, "%s%d", len ? ", " : "", year);
}

/* The norm's years, ascending (definition order is not trusted to be sorted). */
static int sorted_years(const tnd_fin_norm *n, int years[TND_MAX_FIN_YEARS])
{
    int max = (int)TND_COUNTOF(n->years);
    int count = n->n_years < max ? n->n_years : max;
    memcpy(years, n->years, (size_t)count * sizeof years[0]);
    for (int i = 1; i < count; i++)
        for (int j = i; j > 0 && years[j - 1] > years[j]; j--) {
            int t = years[j];
            years[j] = years[j - 1];
            years[j - 1] = t;
        }
    return count;
}

/* "2019-2023" for consecutive years, else "2019, 2021, 2023". */
static void years_subject(const int *years, int count, char *buf, size_t size)
{
    bool consecutive = count > 1;
    for (int i = 1; i < count; i++)
        consecutive = consecutive && years[i] == years[i - 1] + 1;
    buf[0] = '\0';
    if (consecutive) {
        snprintf(buf, size, "%d-%d", years[0], years[count - 1]);
        return;
    }
    for (int i = 0; i < count; i++)
        append_year(buf, size, years[i]);
}

/* One norm over its years: detail rows, then the summary; returns the summary verdict. */
static tnd_verdict judge_norm(const tnd_definition *def, const tnd_bid *bid, const tnd_fin_norm *n,
                              tnd_check_result *r)
{
    const tnd_financial_rules *fin = &def->financial;
    int years[TND_MAX_FIN_YEARS];
    int count = sorted_years(n, years);
    int failed = 0, unknown = 0;
    char failed_list[64] = "", unknown_list[64] = "";
    norm_texts t = { .def = def, .n = n, .made = false };
    for (int i = 0; i < count; i++) {
        year_outcome o = judge_year(def, bid, n, &t, years[i], r);
        if (o == YEAR_NOT_MET) {
            failed++;
            append_year(failed_list, sizeof failed_list, years[i]);
        } else if (o == YEAR_UNKNOWN) {
            unknown++;
            append_year(unknown_list, sizeof unknown_list, years[i]);
        }
    }

    /* the verdict first: a summary that tnd_check_knockouts drops needs no texts */
    tnd_verdict verdict;
    bool banded = unknown == count || band_verdict(fin, failed, &verdict);
    if (unknown == count)
        verdict = TND_NOT_APPLICABLE;
    else if (!banded)
        verdict = TND_REVIEW;
    if (!tnd_finding_texts_wanted(r, verdict)) {
        tnd_add_finding(r, 2, &n->ref, 0, verdict, "%s", "");
        return verdict;
    }
    char found[TND_VALUE_LEN], unknown_note[96] = "";
    const char *label = made(&t)->label, *norm = t.norm;
    if (unknown)
        snprintf(unknown_note, sizeof unknown_note, "; %s onbekend: cijfers ontbreken",
                 unknown_list);

    tnd_finding *f;
    if (unknown == count) {
        snprintf(found, sizeof found, "geen cijfers");
        f = tnd_add_finding(r, 2, &n->ref, 0, verdict,
                            "%s niet te beoordelen: cijfers ontbreken voor alle jaren (%s)", label,
                            unknown_list);
    } else {
        if (failed == 0)
            snprintf(found, sizeof found, unknown ? "alle bekende jaren voldaan"
                                                  : "alle jaren voldaan");
        else
            snprintf(found, sizeof found, "%d %s niet voldaan (%s)", failed,
                     failed == 1 ? "jaar" : "jaren", failed_list);
        if (banded)
            f = tnd_add_finding(r, 2, &n->ref, 0, verdict, "%s: %s%s; %s (per norm, %s)", label,
                                found, unknown_note, band_consequence(verdict, failed),
                                fin->year_rule.source);
        else
            f = tnd_add_finding(r, 2, &n->ref, 0, verdict,
                                "%s: %s%s; geen beoordelingsband voor %d jaren in de definitie",
                                label, found, unknown_note, failed);
    }
    if (f) {
        years_subject(years, count, f->subject, sizeof f->subject);
        tnd_finding_set(f->found, sizeof f->found, "%s", found);
        tnd_finding_set(f->norm, sizeof f->norm, "%s", norm);
    }
    return verdict;
}

/* Is any figure the definition requires (Bijlage XVI) absent? */
static bool figures_incomplete(const tnd_definition *def, const tnd_bid *bid)
{
    const tnd_financial_rules *fin = &def->financial;
    for (int i = 0; i < fin->n_items; i++)
        for (int y = 0; y < fin->items[i].n_years; y++)
            if (!tnd_bid_figure(bid, fin->items[i].id, fin->items[i].years[y]))
                return true;
    return false;
}

/* §5.3.1 L1386-1389: a start-up without figures is not judged on the norms but talked to. */
static tnd_verdict judge_startup(const tnd_definition *def, const tnd_bid *bid, tnd_check_result *r)
{
    const tnd_financial_rules *fin = &def->financial;
    tnd_finding *f = tnd_add_finding(r, 2, &fin->startup, 0, fin->startup_verdict,
                                     "startende organisatie zonder volledige cijfers: "
                                     "opdrachtgever gaat in gesprek en kan om een aanvullend "
                                     "plan van aanpak vragen");
    if (f) {
        tnd_finding_set(f->subject, sizeof f->subject, "%s", bid->bidder.name);
        tnd_finding_set(f->found, sizeof f->found, "startende organisatie, cijfers onvolledig");
        tnd_finding_set(f->norm, sizeof f->norm, "normen aantoonbaar");
    }
    return fin->startup_verdict;
}

/* §5.3.1 L1380-1384: a negative going-concern statement requires a plan, whatever the norms say.
 * No statement: no finding (step 1 reports the missing "going-concern-statement"). */
static tnd_verdict judge_going_concern(const tnd_definition *def, const tnd_bid *bid,
                                       tnd_check_result *r)
{
    const tnd_financial_rules *fin = &def->financial;
    if (!bid->has_going_concern)
        return TND_NOT_APPLICABLE;
    tnd_verdict verdict = bid->going_concern_negative ? fin->going_concern_verdict : TND_PASS;
    tnd_finding *f;
    if (bid->going_concern_negative)
        f = tnd_add_finding(r, 2, &fin->going_concern, 0, verdict,
                            "negatieve continuïteitsverwachting jaarrekening %d: aanvullend plan "
                            "van aanpak nodig, los van de normen",
                            fin->going_concern_year);
    else
        f = tnd_add_finding(r, 2, &fin->going_concern, 0, verdict,
                            "jaarrekening %d bevat geen negatieve continuïteitsverwachting "
                            "(verklaring inschrijver)",
                            fin->going_concern_year);
    if (f) {
        tnd_finding_set(f->subject, sizeof f->subject, "jaarrekening %d", fin->going_concern_year);
        tnd_finding_set(f->found, sizeof f->found, "%s",
                        bid->going_concern_negative ? "negatief" : "niet negatief");
        tnd_finding_set(f->norm, sizeof f->norm, "geen negatieve continuïteitsverwachting");
    }
    return verdict;
}

/*
 * The plan of approach, when the financial outcome asks for one (REVIEW or PLAN REQUIRED): accepted
 * => PASS (the norm findings keep their verdicts, the officer sees both); rejected or not delivered
 * => FAIL, the only way §5.3.1 ends in a FAIL; submitted and not yet assessed => REVIEW. No plan
 * information: no finding.
 */
static const struct {
    tnd_plan_status status;
    tnd_verdict verdict;
    const char *found;
    const char *reason;
} plan_outcomes[] = {
    { TND_PLAN_ACCEPTED, TND_PASS, "geaccepteerd", "plan van aanpak geaccepteerd" },
    { TND_PLAN_REJECTED, TND_FAIL, "afgewezen",
      "vereist plan van aanpak afgewezen: financiële geschiktheid niet aangetoond" },
    { TND_PLAN_NOT_DELIVERED, TND_FAIL, "niet aangeleverd",
      "vereist plan van aanpak niet aangeleverd: financiële geschiktheid niet aangetoond" },
    { TND_PLAN_SUBMITTED, TND_REVIEW, "ingediend",
      "plan van aanpak ingediend, nog niet beoordeeld door opdrachtgever" },
};

static void judge_plan(const tnd_definition *def, const tnd_bid *bid, tnd_verdict outcome,
                       tnd_check_result *r)
{
    if (outcome != TND_REVIEW && outcome != TND_PLAN_REQUIRED)
        return;
    for (size_t i = 0; i < sizeof plan_outcomes / sizeof plan_outcomes[0]; i++) {
        if (plan_outcomes[i].status != bid->financial_plan)
            continue;
        tnd_finding *f = tnd_add_finding(r, 2, &def->financial.plan, 0, plan_outcomes[i].verdict,
                                         "%s", plan_outcomes[i].reason);
        if (f) {
            tnd_finding_set(f->subject, sizeof f->subject, "plan van aanpak");
            tnd_finding_set(f->found, sizeof f->found, "%s", plan_outcomes[i].found);
            tnd_finding_set(f->norm, sizeof f->norm, "normen binnen 2 jaar voldaan");
        }
    }
}

/*
 * §5.3.1 L1390-1393: a required plan that the Opdrachtgever accepted settles the shortfall: the
 * norms must be met within 2 years. The norm findings keep their counts and reasons but become
 * CONDITIONAL (admitted under that condition) instead of staying open for review forever.
 */
static void settle_by_accepted_plan(tnd_check_result *r, size_t first)
{
    for (size_t i = first; i < r->n_findings; i++) {
        tnd_finding *f = &r->findings[i];
        if (f->lot != 0 || (f->verdict != TND_REVIEW && f->verdict != TND_PLAN_REQUIRED))
            continue;
        f->verdict = TND_CONDITIONAL;
        size_t len = strlen(f->reason);
        snprintf(f->reason + len, sizeof f->reason - len,
                 "; plan van aanpak geaccepteerd: normen binnen 2 jaar te halen");
    }
}

/* The party the bid relies on for its financial standing, "" when none: a third party relied on
 * for "financial" with a signed declaration, or the holding that guarantees (§5.8 L1640-1642). */
static const char *financial_backer(const tnd_bid *bid)
{
    for (size_t i = 0; i < bid->n_third_parties; i++)
        if (strcmp(bid->third_parties[i].relied_for, "financial") == 0 &&
            bid->third_parties[i].declaration_signed)
            return bid->third_parties[i].name[0] ? bid->third_parties[i].name : "derde";
    if (bid->has_holding && bid->holding_guarantee)
        return bid->holding[0] ? bid->holding : "holding";
    return "";
}

/* §4.1.12 L740-744: for the financial norms a bidder may rely on group companies and other third
 * parties; §5.8 L1640-1642: a holding may guarantee the contract. The norms are computed on the
 * bid's own figures only; when these fall short and the bid relies on another's standing, the
 * officer judges on that party's figures or guarantee: REVIEW, never a silent pass or fail. */
static void judge_reliance(const tnd_definition *def, const tnd_bid *bid, tnd_verdict outcome,
                           tnd_check_result *r)
{
    const tnd_financial_rules *fin = &def->financial;
    const char *backer = financial_backer(bid);
    if (!fin->reliance.id[0] || !backer[0])
        return;
    tnd_finding *f;
    if (outcome <= TND_CONDITIONAL)
        f = tnd_add_finding(r, 2, &fin->reliance, 0, TND_PASS,
                            "beroep op %s voor de financiële draagkracht; de eigen cijfers voldoen "
                            "al", backer);
    else
        f = tnd_add_finding(r, 2, &fin->reliance, 0, TND_REVIEW,
                            "eigen cijfers voldoen niet (%s); beroep op %s: beoordelaar beslist op "
                            "de cijfers of garantie van %s", tnd_verdict_dutch(outcome), backer,
                            backer);
    if (f) {
        tnd_finding_set(f->subject, sizeof f->subject, "%s", backer);
        tnd_finding_set(f->found, sizeof f->found, "beroep op %s", backer);
        tnd_finding_set(f->norm, sizeof f->norm, "normen op eigen cijfers of die van %s", backer);
    }
}

void tnd_rules_financial(const tnd_definition *def, const tnd_bid *bid, tnd_check_result *r)
{
    const tnd_financial_rules *fin = &def->financial;
    size_t first = r->n_findings;
    tnd_verdict outcome = TND_NOT_APPLICABLE;
    if (bid->startup && figures_incomplete(def, bid))
        outcome = tnd_verdict_worse(outcome, judge_startup(def, bid, r));
    else
        for (int i = 0; i < fin->n_norms; i++)
            outcome = tnd_verdict_worse(outcome, judge_norm(def, bid, &fin->norms[i], r));
    outcome = tnd_verdict_worse(outcome, judge_going_concern(def, bid, r));
    judge_plan(def, bid, outcome, r);
    judge_reliance(def, bid, outcome, r);
    if (bid->financial_plan == TND_PLAN_ACCEPTED &&
        (outcome == TND_REVIEW || outcome == TND_PLAN_REQUIRED))
        settle_by_accepted_plan(r, first);
}
