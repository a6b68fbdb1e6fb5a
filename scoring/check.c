/*
 * check.c - steps 1 and 2 of the evaluation (§6) and the lot placement (§4.3.1).
 *
 * tnd_check runs the rule families in the order of the document, so the findings read like the
 * document: step 1 (closing time §3.6, completeness), then step 2 (exclusion grounds §5.2, the age
 * of documents, financial §5.3.1, insurance §5.3.2, references §5.4, quality and keurmerk §5.5.1
 * per lot, AGB §5.5.1.3, requirements §5.6 per lot, intensity §9 / §8.5.3, lot combination rules
 * §4.3.1, declarations §4.1.3 / §4.1.5 / §5.8). The families about the bid as a whole live here;
 * the financial and suitability families live in rules_financial.c and rules_suitability.c.
 * Afterwards every lot applied for gets a status and a placement, going down the cascade of the
 * definition when the lot itself is not met.
 *
 * Every number a rule compares against (closing time, age limits, lot sets, counts) comes from
 * the definition; every finding carries the § source of the rule that produced it.
 */
#include "scoring/check_internal.h"

#include <stdarg.h>
#include <stdio.h> /* vsnprintf only: text formatting into fixed buffers, no I/O */
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ text helpers */

/* After a truncating vsnprintf: drops a UTF-8 sequence that the cut left incomplete, so a
 * truncated Dutch reason ("continuïteit") never ends in half a character. */
static void utf8_trim_tail(char *s)
{
    size_t len = strlen(s), i = len, continuation = 0;
    while (i > 0 && continuation < 4 && ((unsigned char)s[i - 1] & 0xC0) == 0x80) {
        i--;
        continuation++;
    }
    if (i == 0)
        return;
    unsigned char lead = (unsigned char)s[i - 1];
    size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (need != continuation + 1)
        s[i - 1] = '\0';
}

__attribute__((format(printf, 3, 0)))
static void format_into(char *dst, size_t size, const char *fmt, va_list ap)
{
    if (size == 0)
        return;
    if (fmt[0] == '%' && fmt[1] == 's' && fmt[2] == '\0') {
        /* The most common format (every finding copies its rule's id, source and label): a copy,
         * cut as vsnprintf would cut it, without the cost of a format (issue 9). */
        va_list probe;
        va_copy(probe, ap);
        const char *text = va_arg(probe, const char *);
        va_end(probe);
        if (text) {
            size_t len = strnlen(text, size);
            if (len < size) {
                memcpy(dst, text, len + 1);
            } else {
                memcpy(dst, text, size - 1);
                dst[size - 1] = '\0';
                utf8_trim_tail(dst);
            }
            return;
        }
    }
    int n = vsnprintf(dst, size, fmt, ap);
    if (n < 0)
        dst[0] = '\0';
    else if ((size_t)n >= size)
        utf8_trim_tail(dst);
}

void tnd_finding_set(char *field, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    format_into(field, size, fmt, ap);
    va_end(ap);
}

/* Appends formatted text to the NUL-terminated text in buf (truncating safely). */
__attribute__((format(printf, 3, 4)))
static void text_append(char *buf, size_t size, const char *fmt, ...)
{
    size_t len = strlen(buf);
    if (len + 1 >= size)
        return;
    va_list ap;
    va_start(ap, fmt);
    format_into(buf + len, size - len, fmt, ap);
    va_end(ap);
}

/* "één" for 1 (as the document writes "meer dan één"), else the number. */
static void count_word(int n, char *buf, size_t size)
{
    if (n == 1)
        tnd_finding_set(buf, size, "één");
    else
        tnd_finding_set(buf, size, "%d", n);
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static bool int_in(const int *set, int n, int v)
{
    for (int i = 0; i < n; i++)
        if (set[i] == v)
            return true;
    return false;
}

/* A set of lot numbers as the document writes it: runs of three or more as "1-5", others
 * separated by ", " ("1-5, 9"). */
static void lot_set_text(const int *lots, int n, char *buf, size_t size)
{
    int sorted[TND_MAX_SET];
    if (n > TND_MAX_SET)
        n = TND_MAX_SET;
    memcpy(sorted, lots, (size_t)n * sizeof *sorted);
    qsort(sorted, (size_t)n, sizeof *sorted, cmp_int);
    buf[0] = '\0';
    for (int i = 0; i < n;) {
        int j = i;
        while (j + 1 < n && sorted[j + 1] == sorted[j] + 1)
            j++;
        const char *sep = i ? ", " : "";
        if (j - i >= 2) {
            text_append(buf, size, "%s%d-%d", sep, sorted[i], sorted[j]);
            i = j + 1;
        } else {
            text_append(buf, size, "%s%d", sep, sorted[i]);
            i++;
        }
    }
}

/* ------------------------------------------------------------------ findings and verdicts */

/* The verdicts whose findings the award and its workbook read (tnd_check_result_keep_knockouts). */
static bool is_knockout(tnd_verdict v)
{
    return v == TND_FAIL || v == TND_MISSING || v == TND_REVIEW || v == TND_PLAN_REQUIRED;
}

bool tnd_finding_texts_wanted(const tnd_check_result *r, tnd_verdict v)
{
    return !r->knockout_texts_only || is_knockout(v);
}

tnd_finding *tnd_add_finding(tnd_check_result *r, int step, const tnd_rule_ref *ref, int lot,
                             tnd_verdict verdict, const char *reason_fmt, ...)
{
    if (r->out_of_memory)
        return NULL;
    if (r->n_findings == r->cap_findings) {
        /* 64 to start: a bid has about 50 findings, and growing from 32 copied 36 KiB of
         * findings for almost every bid (issue 9) */
        size_t cap = r->cap_findings ? r->cap_findings * 2 : 64;
        tnd_finding *grown = cap <= SIZE_MAX / sizeof *grown
                                 ? realloc(r->findings, cap * sizeof *grown)
                                 : NULL;
        if (!grown) {
            r->out_of_memory = true;
            return NULL;
        }
        r->findings = grown;
        r->cap_findings = cap;
    }
    tnd_finding *f = &r->findings[r->n_findings++];
    memset(f, 0, sizeof *f);
    f->step = step;
    f->lot = lot;
    f->verdict = verdict;
    bool texts = tnd_finding_texts_wanted(r, verdict);
    if (ref) {
        tnd_finding_set(f->rule_id, sizeof f->rule_id, "%s", ref->id);
        if (texts) {
            tnd_finding_set(f->source, sizeof f->source, "%s", ref->source);
            tnd_finding_set(f->requirement, sizeof f->requirement, "%s", ref->label);
            tnd_finding_set(f->resolution, sizeof f->resolution, "%s", ref->resolution);
        }
    }
    if (!texts)
        return f; /* dropped when tnd_check_knockouts ends: only its rule, no texts */
    va_list ap;
    va_start(ap, reason_fmt);
    format_into(f->reason, sizeof f->reason, reason_fmt, ap);
    va_end(ap);
    return f;
}

tnd_verdict tnd_findings_worst(const tnd_check_result *r, int lot, bool include_general)
{
    tnd_verdict worst = TND_NOT_APPLICABLE;
    for (size_t i = 0; i < r->n_findings; i++) {
        const tnd_finding *f = &r->findings[i];
        if (f->lot < 0) /* detail row (a norm's value for one year): informational */
            continue;
        if (f->product[0]) /* decides one product only: see lot_status */
            continue;
        if (f->lot == lot || (include_general && f->lot == 0))
            worst = tnd_verdict_worse(worst, f->verdict);
    }
    return worst;
}

tnd_verdict tnd_verdict_worse(tnd_verdict a, tnd_verdict b)
{
    return a > b ? a : b;
}

/* Names of the verdicts, indexed by tnd_verdict: for reports, for definition files, Dutch. */
static const struct {
    const char *name, *key, *dutch;
} verdict_names[] = {
    [TND_NOT_APPLICABLE] = { "NOT APPLICABLE", "NOT_APPLICABLE", "N.V.T." },
    [TND_PASS] = { "PASS", "PASS", "VOLDOET" },
    [TND_CONDITIONAL] = { "CONDITIONAL", "CONDITIONAL", "ONDER VOORWAARDE" },
    [TND_REVIEW] = { "REVIEW", "REVIEW", "BEOORDELEN" },
    [TND_PLAN_REQUIRED] = { "PLAN REQUIRED", "PLAN_REQUIRED", "PLAN VAN AANPAK" },
    [TND_MISSING] = { "MISSING", "MISSING", "ONTBREEKT" },
    [TND_FAIL] = { "FAIL", "FAIL", "VOLDOET NIET" },
};
#define N_VERDICTS (sizeof verdict_names / sizeof verdict_names[0])

/* Names of the lot statuses, indexed by tnd_lot_status: English and Dutch. */
static const struct {
    const char *name, *dutch;
} lot_status_names[] = {
    [TND_LOT_ELIGIBLE] = { "ELIGIBLE", "TOEGELATEN" },
    [TND_LOT_CONDITIONAL] = { "CONDITIONAL", "TOEGELATEN ONDER VOORWAARDE" },
    [TND_LOT_PENDING] = { "PENDING", "IN BEOORDELING" },
    [TND_LOT_NOT_ELIGIBLE] = { "NOT ELIGIBLE", "NIET TOEGELATEN" },
};
#define N_LOT_STATUSES (sizeof lot_status_names / sizeof lot_status_names[0])

const char *tnd_verdict_name(tnd_verdict v)
{
    return (size_t)v < N_VERDICTS ? verdict_names[v].name : NULL;
}

const char *tnd_verdict_dutch(tnd_verdict v)
{
    return (size_t)v < N_VERDICTS ? verdict_names[v].dutch : NULL;
}

bool tnd_verdict_parse(const char *name, tnd_verdict *out)
{
    for (size_t v = 0; name && v < N_VERDICTS; v++)
        if (strcmp(name, verdict_names[v].key) == 0 || strcmp(name, verdict_names[v].name) == 0) {
            *out = (tnd_verdict)v;
            return true;
        }
    return false;
}

const char *tnd_lot_status_name(tnd_lot_status s)
{
    return (size_t)s < N_LOT_STATUSES ? lot_status_names[s].name : NULL;
}

const char *tnd_lot_status_dutch(tnd_lot_status s)
{
    return (size_t)s < N_LOT_STATUSES ? lot_status_names[s].dutch : NULL;
}

/* ------------------------------------------------------------------ parties */

/* The parties of a bid in a fixed order: the bidder (penvoerder), the combination members, and
 * (with_third) the relied-on third parties. */
static size_t party_count(const tnd_bid *bid, bool with_third)
{
    return 1 + bid->n_members + (with_third ? bid->n_third_parties : 0);
}

static const tnd_party *party_at(const tnd_bid *bid, size_t i)
{
    if (i == 0)
        return &bid->bidder;
    if (i - 1 < bid->n_members)
        return &bid->members[i - 1];
    return &bid->third_parties[i - 1 - bid->n_members];
}

/* The party's name, or its role when the bid left the name empty. */
static void party_label(const tnd_bid *bid, size_t i, char *buf, size_t size)
{
    const tnd_party *p = party_at(bid, i);
    if (p->name[0])
        tnd_finding_set(buf, size, "%s", p->name);
    else if (i == 0)
        tnd_finding_set(buf, size, "inschrijver");
    else if (i - 1 < bid->n_members)
        tnd_finding_set(buf, size, "combinatielid %zu", i);
    else
        tnd_finding_set(buf, size, "derde %zu", i - bid->n_members);
}

/*
 * The party's answer to ground `code`, NULL when it gave none. The search starts at *from and
 * wraps around; *from is then set after the answer found. The grounds are asked in the
 * definition's order, in which the forms list them, so the next answer is usually the one at
 * *from: a party's answers cost one comparison each instead of a scan each (issue 9). Any start
 * finds the same answer, because a party answers a ground once: the bid reader, the bid workbook
 * and the ESPD import each refuse or merge a second answer to a ground.
 */
static const tnd_uea_answer *uea_answer(const tnd_party *p, const char *code, size_t *from)
{
    size_t n = p->n_answers;
    for (size_t k = 0; k < n; k++) {
        size_t i = (*from + k) % n;
        if (strcmp(p->answers[i].code, code) == 0) {
            *from = i + 1;
            return &p->answers[i];
        }
    }
    return NULL;
}

/* ------------------------------------------------------------------ step 1: closing time */

/* §3.6: a bid submitted after the closing time is invalid; exactly on the closing time is on
 * time ("uiterlijk ... om 11:00 uur"). Where the document also names a later hour (IJsselland:
 * 11:00 at L295 and L381, 12:00 after Nota van inlichtingen 2 at L251-253, and the Nota's prevail,
 * L361-362), a bid received between the two is neither on time nor late: REVIEW naming both
 * texts, for the officer to settle against the Nota and the platform's vault time. Both hours come
 * from the definition (<closing at review-until>). */
static void check_closing_time(const tnd_definition *def, const tnd_bid *bid, tnd_check_result *r)
{
    char deadline[24], when[24], until[24];
    tnd_datetime_nl(def->closing_time, deadline);
    tnd_datetime_nl(def->closing_review_until, until);
    bool window = def->has_closing_review &&
                  tnd_datetime_cmp(def->closing_review_until, def->closing_time) > 0;
    tnd_finding *f;
    if (!bid->has_submission) {
        f = tnd_add_finding(r, 1, &def->closing, 0, TND_MISSING,
                            "tijdstip van indiening ontbreekt: vul het tijdstip van indienen in");
    } else {
        tnd_datetime_nl(bid->submitted, when);
        const tnd_resolution *res = tnd_definition_resolution(def, def->closing.resolution);
        if (tnd_datetime_cmp(bid->submitted, def->closing_time) <= 0)
            f = tnd_add_finding(r, 1, &def->closing, 0, TND_PASS,
                                "ingediend op %s, uiterlijk op de sluitingstijd %s", when,
                                deadline);
        else if (window && tnd_datetime_cmp(bid->submitted, def->closing_review_until) <= 0)
            f = tnd_add_finding(r, 1, &def->closing, 0, TND_REVIEW,
                                "ingediend op %s: na %s (%s) maar uiterlijk %s (%s); het "
                                "document noemt beide tijden: beoordelen, niet ongeldig%s%s%s",
                                when, deadline, def->closing.source, until,
                                def->closing_review_source, res ? " (resolutie " : "",
                                res ? res->id : "", res ? ")" : "");
        else if (window)
            f = tnd_add_finding(r, 1, &def->closing, 0, TND_FAIL,
                                "ingediend op %s, na de laatste genoemde sluitingstijd %s (%s): "
                                "ongeldig%s%s%s", when, until, def->closing_review_source,
                                res ? " (resolutie " : "", res ? res->id : "", res ? ")" : "");
        else if (res)
            f = tnd_add_finding(r, 1, &def->closing, 0, TND_FAIL,
                                "ingediend op %s, na de sluitingstijd %s: ongeldig (sluitingstijd "
                                "volgens resolutie %s)", when, deadline, res->id);
        else
            f = tnd_add_finding(r, 1, &def->closing, 0, TND_FAIL,
                                "ingediend op %s, na de sluitingstijd %s: ongeldig", when,
                                deadline);
        if (f)
            tnd_finding_set(f->found, sizeof f->found, "%s", when);
    }
    if (f && window)
        tnd_finding_set(f->norm, sizeof f->norm, "uiterlijk %s; t/m %s beoordelen", deadline,
                        until);
    else if (f)
        tnd_finding_set(f->norm, sizeof f->norm, "uiterlijk %s", deadline);
}

/* ------------------------------------------------------------------ step 1: required items */

/*
 * One checker per item name of tnd_required_item. Returns true when the item is present; when
 * absent it writes what to add into `text`; when present it may write a remark (else "").
 */
typedef bool (*item_check)(const tnd_definition *def, const tnd_bid *bid, char *text, size_t size);

static bool item_submission_time(const tnd_definition *def, const tnd_bid *bid, char *text,
                                 size_t size)
{
    if (!bid->has_submission)
        tnd_finding_set(text, size, "tijdstip van indiening; vul het in");
    return bid->has_submission;
}

/* UEA of every party, with an answer on every ground the tender applies (§5.2). */
static bool item_uea(const tnd_definition *def, const tnd_bid *bid, char *text, size_t size)
{
    for (size_t i = 0; i < party_count(bid, true); i++) {
        const tnd_party *p = party_at(bid, i);
        char name[TND_NAME_LEN];
        party_label(bid, i, name, sizeof name);
        if (!p->has_uea) {
            tnd_finding_set(text, size, "UEA van %s; voeg het ingevulde UEA toe", name);
            return false;
        }
        size_t from = 0;
        for (size_t g = 0; g < def->exclusion.n_grounds; g++) {
            const tnd_ground *ground = &def->exclusion.grounds[g];
            if (ground->effect == TND_GROUND_NOT_APPLIED || uea_answer(p, ground->code, &from))
                continue;
            tnd_finding_set(text, size,
                            "UEA van %s: geen antwoord op uitsluitingsgrond %s (deel %s); "
                            "vul het antwoord aan", name, ground->code, ground->part);
            return false;
        }
    }
    return true;
}

/* Every figure of Bijlage XVI for the years the definition requires, unless a start-up. */
static bool item_financial_figures(const tnd_definition *def, const tnd_bid *bid, char *text,
                                   size_t size)
{
    if (bid->startup) {
        tnd_finding_set(text, size, "startende onderneming zonder cijfers: beoordeling in stap 2");
        return true;
    }
    const tnd_financial_rules *fin = &def->financial;
    for (int i = 0; i < fin->n_items; i++)
        for (int y = 0; y < fin->items[i].n_years; y++)
            if (!tnd_bid_figure(bid, fin->items[i].id, fin->items[i].years[y])) {
                tnd_finding_set(text, size, "financieel gegeven '%s' over %d; vul het aan",
                                fin->items[i].label, fin->items[i].years[y]);
                return false;
            }
    return true;
}

/* Is any Bijlage XVI figure of `year` that the definition requires absent? */
static bool figures_of_year_incomplete(const tnd_definition *def, const tnd_bid *bid, int year)
{
    const tnd_financial_rules *fin = &def->financial;
    for (int i = 0; i < fin->n_items; i++)
        for (int y = 0; y < fin->items[i].n_years; y++)
            if (fin->items[i].years[y] == year && !tnd_bid_figure(bid, fin->items[i].id, year))
                return true;
    return false;
}

/* §5.3.1 L1380-1381: the statement is about the annual accounts of the going-concern year. A
 * start-up without the figures of that year has no such accounts to declare on (L1385-1388: it
 * is talked to in step 2 instead), so for it the statement is not missing. */
static bool item_going_concern(const tnd_definition *def, const tnd_bid *bid, char *text,
                               size_t size)
{
    int year = def->financial.going_concern_year;
    if (!bid->has_going_concern && bid->startup && figures_of_year_incomplete(def, bid, year)) {
        tnd_finding_set(text, size,
                        "startende onderneming zonder jaarrekening %d: beoordeling in stap 2",
                        year);
        return true;
    }
    if (!bid->has_going_concern)
        tnd_finding_set(text, size, "verklaring over de continuïteit (jaarrekening); voeg die toe");
    return bid->has_going_concern;
}

static bool item_insurance(const tnd_definition *def, const tnd_bid *bid, char *text, size_t size)
{
    bool ok = bid->bidder.has_insurance || bid->bidder.has_part_iv;
    if (!ok)
        tnd_finding_set(text, size,
                        "verzekering: vul de dekking per gebeurtenis of UEA deel IV in");
    return ok;
}

static bool item_quality_evidence(const tnd_definition *def, const tnd_bid *bid, char *text,
                                  size_t size)
{
    if (bid->n_certificates == 0)
        tnd_finding_set(text, size,
                        "bewijs van het kwaliteitssysteem; voeg een certificaat, registratie of "
                        "kwaliteitsplan toe");
    return bid->n_certificates > 0;
}

static bool item_kvk_extract(const tnd_definition *def, const tnd_bid *bid, char *text,
                             size_t size)
{
    for (size_t i = 0; i < party_count(bid, false); i++)
        if (!party_at(bid, i)->has_kvk_extract) {
            char name[TND_NAME_LEN];
            party_label(bid, i, name, sizeof name);
            tnd_finding_set(text, size, "uittreksel KvK van %s; voeg het toe", name);
            return false;
        }
    return true;
}

static bool item_references(const tnd_definition *def, const tnd_bid *bid, char *text,
                            size_t size)
{
    bool ok = bid->has_references && bid->n_references >= 1;
    if (!ok)
        tnd_finding_set(text, size, "referenties; voeg de referenties toe");
    return ok;
}

static bool item_agb(const tnd_definition *def, const tnd_bid *bid, char *text, size_t size)
{
    if (bid->n_agb < 1)
        tnd_finding_set(text, size, "AGB-code; vul de AGB-code in (Bijlage I)");
    return bid->n_agb >= 1;
}

static bool item_truthfulness(const tnd_definition *def, const tnd_bid *bid, char *text,
                              size_t size)
{
    if (!bid->has_truthfulness)
        tnd_finding_set(text, size, "verklaring naar waarheid; voeg die toe");
    return bid->has_truthfulness;
}

static bool item_signature(const tnd_definition *def, const tnd_bid *bid, char *text, size_t size)
{
    if (!bid->has_signatory)
        tnd_finding_set(text, size, "ondertekening; vul de ondertekenaar in");
    return bid->has_signatory;
}

/* §8.3.1 L3326-3327 (IJsselland): the fte working in each tariff group at the time of bidding. */
static bool item_fte(const tnd_definition *def, const tnd_bid *bid, char *text, size_t size)
{
    if (bid->n_fte < 1)
        tnd_finding_set(text, size, "fte per tariefgroep op het moment van inschrijving; vul die "
                                    "in (<fte>)");
    return bid->n_fte >= 1;
}

static bool item_lots(const tnd_definition *def, const tnd_bid *bid, char *text, size_t size)
{
    if (bid->n_lots < 1)
        tnd_finding_set(text, size, "keuze van percelen; geef ten minste één perceel op");
    return bid->n_lots >= 1;
}

static const struct {
    const char *item;
    item_check present;
} item_checks[] = {
    { "submission-time", item_submission_time },
    { "uea", item_uea },
    { "financial-figures", item_financial_figures },
    { "going-concern-statement", item_going_concern },
    { "insurance", item_insurance },
    { "quality-evidence", item_quality_evidence },
    { "kvk-extract", item_kvk_extract },
    { "references", item_references },
    { "agb", item_agb },
    { "truthfulness-declaration", item_truthfulness },
    { "signature", item_signature },
    { "lots", item_lots },
    { "fte-per-tariff-group", item_fte },
};

/* An item limited to some lots applies when the bid applies for one of them. */
static bool required_item_applies(const tnd_required_item *item, const tnd_bid *bid)
{
    if (item->n_lots == 0)
        return true;
    for (int i = 0; i < item->n_lots; i++)
        if (tnd_bid_applies(bid, item->lots[i]))
            return true;
    return false;
}

/* §6 step 1: completeness. */
static void check_required_items(const tnd_definition *def, const tnd_bid *bid,
                                 tnd_check_result *r)
{
    const size_t n_checks = sizeof item_checks / sizeof item_checks[0];
    size_t from = 0; /* the items come in the table's order as a rule: look there first */
    for (size_t i = 0; i < def->n_required; i++) {
        const tnd_required_item *item = &def->required[i];
        if (!required_item_applies(item, bid))
            continue;
        item_check present = NULL; /* the table's names are unique: any start finds the same */
        for (size_t j = 0; j < n_checks && !present; j++) {
            size_t k = (from + j) % n_checks;
            if (strcmp(item->item, item_checks[k].item) == 0) {
                present = item_checks[k].present;
                from = k + 1;
            }
        }
        if (!present) {
            tnd_add_finding(r, 1, &item->ref, 0, TND_REVIEW,
                            "onbekend onderdeel in definitie: '%s'", item->item);
            continue;
        }
        char text[TND_REASON_LEN] = "";
        tnd_finding *f;
        if (present(def, bid, text, sizeof text)) {
            f = tnd_add_finding(r, 1, &item->ref, 0, TND_PASS, "%s", text[0] ? text : "aanwezig");
            if (f) /* how a missing item is treated (herstel, RES-ONVOLLEDIG) does not apply */
                f->resolution[0] = '\0';
        } else
            tnd_add_finding(r, 1, &item->ref, 0, TND_MISSING, "ontbreekt: %s", text);
    }
}

/* ------------------------------------------------------------------ step 2: exclusion */

/* §5.2: UEA part III A and III B "yes" excludes; a ticked III C ground "yes" goes to a reviewer.
 * A party without a (complete) UEA gets no finding here: step 1 reports it as MISSING. */
static void check_exclusion(const tnd_definition *def, const tnd_bid *bid, tnd_check_result *r)
{
    const tnd_exclusion_rules *ex = &def->exclusion;
    if (!ex->ref.id[0]) /* no <exclusion> in the definition (GRJR, RES-GEEN-UITSLUITINGSGRONDEN) */
        return;
    for (size_t i = 0; i < party_count(bid, true); i++) {
        const tnd_party *p = party_at(bid, i);
        if (!p->has_uea)
            continue;
        char name[TND_NAME_LEN];
        party_label(bid, i, name, sizeof name);
        bool any_yes = false, complete = true;
        size_t from = 0;
        for (size_t g = 0; g < ex->n_grounds; g++) {
            const tnd_ground *ground = &ex->grounds[g];
            if (ground->effect == TND_GROUND_NOT_APPLIED)
                continue;
            const tnd_uea_answer *a = uea_answer(p, ground->code, &from);
            if (!a) {
                complete = false;
                continue;
            }
            if (!a->yes)
                continue;
            any_yes = true;
            tnd_finding *f =
                ground->effect == TND_GROUND_EXCLUDE
                    ? tnd_add_finding(r, 2, &ex->ref, 0, TND_FAIL,
                                      "uitgesloten: uitsluitingsgrond '%s' (UEA deel %s) met ja "
                                      "beantwoord", ground->label, ground->part)
                    : tnd_add_finding(r, 2, &ex->ref, 0, TND_REVIEW,
                                      "uitsluitingsgrond '%s' (UEA deel %s) met ja beantwoord: "
                                      "kan worden uitgesloten; beoordelaar beslist",
                                      ground->label, ground->part);
            if (!f)
                return;
            if (ground->effect == TND_GROUND_EXCLUDE)
                f->resolution[0] = '\0'; /* the resolution concerns the III C grounds only */
            tnd_finding_set(f->subject, sizeof f->subject, "%s", name);
            tnd_finding_set(f->found, sizeof f->found, "%s: ja", ground->code);
            tnd_finding_set(f->norm, sizeof f->norm, "nee");
            if (ground->source[0])
                tnd_finding_set(f->source, sizeof f->source, "%s", ground->source);
        }
        if (!any_yes && complete) {
            tnd_finding *f = tnd_add_finding(r, 2, &ex->ref, 0, TND_PASS,
                                             "alle uitsluitingsgronden met nee beantwoord");
            if (f) {
                f->resolution[0] = '\0';
                tnd_finding_set(f->subject, sizeof f->subject, "%s", name);
            }
        }
    }
}

/* ------------------------------------------------------------------ step 2: documents */

/* The date of a document of a party by its definition name; false for an unknown name. */
static bool party_document(const tnd_party *p, const char *document, bool *has, tnd_date *date)
{
    if (strcmp(document, "kvk-extract") == 0) {
        *has = p->has_kvk_extract;
        *date = p->kvk_extract;
    } else if (strcmp(document, "gedragsverklaring") == 0) {
        *has = p->has_gedragsverklaring;
        *date = p->gedragsverklaring;
    } else if (strcmp(document, "belastingverklaring") == 0) {
        *has = p->has_belastingverklaring;
        *date = p->belastingverklaring;
    } else {
        return false;
    }
    return true;
}

/*
 * §5.2 / §5.9: a document may not be older than max_months at the time of submission; exactly
 * max_months old is still in time. Checked for the bidder and every combination member.
 * Missing AT_SUBMISSION documents are step 1's (no duplicate here); a missing ON_REQUEST
 * document is asked for after the intended award: CONDITIONAL.
 */
static void check_documents(const tnd_definition *def, const tnd_bid *bid, tnd_check_result *r)
{
    for (size_t d = 0; d < def->n_documents; d++) {
        const tnd_document_rule *rule = &def->documents[d];
        for (size_t i = 0; i < party_count(bid, false); i++) {
            const tnd_party *p = party_at(bid, i);
            bool has;
            tnd_date date;
            if (!party_document(p, rule->document, &has, &date)) {
                tnd_add_finding(r, 2, &rule->ref, 0, TND_REVIEW,
                                "onbekend document in definitie: '%s'", rule->document);
                break;
            }
            char name[TND_NAME_LEN];
            party_label(bid, i, name, sizeof name);
            tnd_finding *f = NULL;
            if (!has) {
                if (rule->when == TND_DOC_ON_REQUEST)
                    f = tnd_add_finding(r, 2, &rule->ref, 0, TND_CONDITIONAL,
                                        "niet bijgevoegd: op te vragen na voorgenomen gunning "
                                        "(§5.9)");
                if (f) {
                    tnd_finding_set(f->subject, sizeof f->subject, "%s", name);
                    tnd_finding_set(f->norm, sizeof f->norm, "niet ouder dan %d maanden",
                                    rule->max_months);
                }
                continue;
            }
            char dated[12];
            tnd_date_nl(date, dated);
            if (!bid->has_submission) {
                f = tnd_add_finding(r, 2, &rule->ref, 0, TND_NOT_APPLICABLE,
                                    "geen tijdstip van indiening: leeftijd niet te bepalen");
                if (f) {
                    tnd_finding_set(f->subject, sizeof f->subject, "%s", name);
                    tnd_finding_set(f->found, sizeof f->found, "%s", dated);
                    tnd_finding_set(f->norm, sizeof f->norm, "niet ouder dan %d maanden",
                                    rule->max_months);
                }
                continue;
            }
            tnd_date submitted = bid->submitted.date;
            tnd_date oldest = tnd_date_add_months(submitted, -rule->max_months);
            char oldest_text[12], submitted_text[12];
            tnd_date_nl(oldest, oldest_text);
            tnd_date_nl(submitted, submitted_text);
            if (tnd_date_cmp(date, submitted) > 0)
                f = tnd_add_finding(r, 2, &rule->ref, 0, TND_FAIL,
                                    "gedateerd na indiening (%s)", submitted_text);
            else if (tnd_date_cmp(date, oldest) < 0)
                f = tnd_add_finding(r, 2, &rule->ref, 0, TND_FAIL,
                                    "ouder dan %d maanden bij indiening op %s", rule->max_months,
                                    submitted_text);
            else
                f = tnd_add_finding(r, 2, &rule->ref, 0, TND_PASS,
                                    "niet ouder dan %d maanden bij indiening op %s",
                                    rule->max_months, submitted_text);
            if (f) {
                tnd_finding_set(f->subject, sizeof f->subject, "%s", name);
                tnd_finding_set(f->found, sizeof f->found, "%s", dated);
                tnd_finding_set(f->norm, sizeof f->norm, "gedateerd van %s t/m %s", oldest_text,
                                submitted_text);
            }
        }
    }
}

/* ------------------------------------------------------------------ step 2: lot combinations */

/* The lots of a rule's set the bid applies for, as "perceel 3" / "percelen 1, 3" / "geen"
 * into found; returns how many. */
static int applied_in_set(const tnd_bid *bid, const int *lots, int n, char *found, size_t size)
{
    int applied[TND_MAX_SET] = { 0 }, k = 0;
    for (int i = 0; i < n && i < TND_MAX_SET; i++)
        if (tnd_bid_applies(bid, lots[i]))
            applied[k++] = lots[i];
    char list[64];
    lot_set_text(applied, k, list, sizeof list);
    if (k == 0)
        tnd_finding_set(found, size, "geen");
    else
        tnd_finding_set(found, size, "%s %s", k == 1 ? "perceel" : "percelen", list);
    return k;
}

static void combo_at_most(const tnd_combo_rule *c, const tnd_bid *bid, int lot,
                          tnd_check_result *r)
{
    char set[64], count[16];
    lot_set_text(c->lots, c->n_lots, set, sizeof set);
    count_word(c->count, count, sizeof count);
    char found[TND_VALUE_LEN];
    int n_applied = applied_in_set(bid, c->lots, c->n_lots, found, sizeof found);
    tnd_finding *f =
        n_applied > c->count
            ? tnd_add_finding(r, 2, &c->ref, lot, TND_FAIL,
                              "inschrijving op meer dan %s van de percelen %s", count, set)
            : tnd_add_finding(r, 2, &c->ref, lot, TND_PASS,
                              "inschrijving op ten hoogste %s van de percelen %s", count, set);
    if (f) {
        tnd_finding_set(f->found, sizeof f->found, "%s", found);
        tnd_finding_set(f->norm, sizeof f->norm, "ten hoogste %s van %s", count, set);
    }
}

static bool fails_combination(const tnd_definition *def, const tnd_check_result *r, int lot);

/* §4.3.1 L947-949: lots 6 and 7 are for bidders "die gekozen hebben voor één van de percelen 1 t/m
 * 5" (lot 8 likewise with 1-6). Only an application that is itself valid counts: one that breaks
 * a combination rule (two of lots 1-5; lot 6 without 1-5) chooses nothing. The findings of lower
 * lots are already in r (lots are checked in ascending order). */
static void combo_requires_any(const tnd_definition *def, const tnd_combo_rule *c,
                               const tnd_bid *bid, tnd_check_result *r)
{
    char set[64];
    lot_set_text(c->lots, c->n_lots, set, sizeof set);
    bool excepted = false;
    for (int i = 0; i < c->n_except && i < (int)TND_COUNTOF(c->except_provider_types); i++)
        if (strcmp(bid->provider_type, c->except_provider_types[i]) == 0)
            excepted = true;
    char found[TND_VALUE_LEN], broken[64];
    int n_valid = 0, invalid[TND_MAX_SET], n_invalid = 0;
    for (int i = 0; i < c->n_lots && i < TND_MAX_SET; i++) {
        if (!tnd_bid_applies(bid, c->lots[i]))
            continue;
        if (c->lots[i] != c->lot && fails_combination(def, r, c->lots[i]))
            invalid[n_invalid++] = c->lots[i];
        else
            n_valid++;
    }
    applied_in_set(bid, c->lots, c->n_lots, found, sizeof found);
    lot_set_text(invalid, n_invalid, broken, sizeof broken);
    tnd_finding *f;
    if (n_valid > 0)
        f = tnd_add_finding(r, 2, &c->ref, c->lot, TND_PASS,
                            "perceel %d samen met een van de percelen %s", c->lot, set);
    else if (excepted)
        f = tnd_add_finding(r, 2, &c->ref, c->lot, TND_PASS,
                            "uitzondering voor %s: perceel %d zonder een van de percelen %s "
                            "toegestaan", bid->provider_type, c->lot, set);
    else if (n_invalid > 0)
        f = tnd_add_finding(r, 2, &c->ref, c->lot, TND_FAIL,
                            "perceel %d alleen samen met een geldige inschrijving op een van de "
                            "percelen %s; %s %s %s zelf een combinatieregel", c->lot, set,
                            n_invalid == 1 ? "perceel" : "percelen", broken,
                            n_invalid == 1 ? "schendt" : "schenden");
    else
        f = tnd_add_finding(r, 2, &c->ref, c->lot, TND_FAIL,
                            "perceel %d alleen samen met een van de percelen %s", c->lot, set);
    if (f) {
        tnd_finding_set(f->found, sizeof f->found, "%s", found);
        tnd_finding_set(f->norm, sizeof f->norm, "ook een van de percelen %s", set);
    }
}

static void combo_all_products(const tnd_definition *def, const tnd_combo_rule *c,
                               const tnd_bid *bid, tnd_check_result *r)
{
    const tnd_lot *lot = tnd_definition_lot(def, c->lot);
    const tnd_bid_lot *bl = tnd_bid_lot_find(bid, c->lot);
    if (!lot || !bl)
        return;
    char missing[TND_VALUE_LEN] = "";
    for (size_t p = 0; p < lot->n_products; p++) {
        bool bid_for = false;
        for (int k = 0; k < bl->n_products; k++)
            if (strcmp(bl->products[k], lot->products[p].code) == 0)
                bid_for = true;
        if (!bid_for)
            text_append(missing, sizeof missing, "%s%s", missing[0] ? ", " : "",
                        lot->products[p].code);
    }
    tnd_finding *f =
        missing[0] ? tnd_add_finding(r, 2, &c->ref, c->lot, TND_FAIL,
                                     "perceel %d vereist alle producten; ontbreekt: %s", c->lot,
                                     missing)
                   : tnd_add_finding(r, 2, &c->ref, c->lot, TND_PASS,
                                     "alle producten van perceel %d aangeboden", c->lot);
    if (f) {
        tnd_finding_set(f->found, sizeof f->found, "%d van %zu producten", bl->n_products,
                        lot->n_products);
        tnd_finding_set(f->norm, sizeof f->norm, "alle %zu producten", lot->n_products);
    }
}

/* §4.3.1: which lots may be combined. A finding belongs to the lot that offends (or, when the
 * rule holds, that the rule concerns), in ascending lot order. */
static void check_lot_combinations(const tnd_definition *def, const tnd_bid *bid,
                                   const int *lots, size_t n_lots, tnd_check_result *r)
{
    for (size_t l = 0; l < n_lots; l++)
        for (size_t i = 0; i < def->n_combo_rules; i++) {
            const tnd_combo_rule *c = &def->combo_rules[i];
            switch (c->kind) {
            case TND_COMBO_AT_MOST:
                if (int_in(c->lots, c->n_lots, lots[l]))
                    combo_at_most(c, bid, lots[l], r);
                break;
            case TND_COMBO_REQUIRES_ANY:
                if (c->lot == lots[l])
                    combo_requires_any(def, c, bid, r);
                break;
            case TND_COMBO_ALL_PRODUCTS:
                if (c->lot == lots[l])
                    combo_all_products(def, c, bid, r);
                break;
            }
        }
}

/* ------------------------------------------------------------------ step 2: declarations */

/* The verdict of a violated declaration: the definition's, FAIL when it names none. */
static tnd_verdict violation(const tnd_declaration_rule *d)
{
    return d->on_violation > TND_PASS ? d->on_violation : TND_FAIL;
}

/* Adds a declaration finding about `subject` (a party or holding name; NULL: the bid). */
__attribute__((format(printf, 5, 6)))
static void declaration_finding(tnd_check_result *r, const tnd_declaration_rule *d,
                                tnd_verdict v, const char *subject, const char *fmt, ...)
{
    tnd_finding *f = tnd_add_finding(r, 2, &d->ref, 0, v, "%s", "");
    if (!f)
        return;
    va_list ap;
    va_start(ap, fmt);
    format_into(f->reason, sizeof f->reason, fmt, ap);
    va_end(ap);
    if (subject)
        tnd_finding_set(f->subject, sizeof f->subject, "%s", subject);
}

/*
 * §4.1.3, §4.1.5, §4.1.10, §5.8: declarations and signatures. A declaration that does not apply
 * to this bid (no combination, no third party, no holding) adds no finding; an absent
 * truthfulness declaration or signatory is step 1's.
 */
static void check_declarations(const tnd_definition *def, const tnd_bid *bid,
                               tnd_check_result *r)
{
    for (size_t i = 0; i < def->n_declarations; i++) {
        const tnd_declaration_rule *d = &def->declarations[i];
        const char *kind = d->kind;
        if (strcmp(kind, "truthfulness") == 0) {
            if (!bid->has_truthfulness)
                continue;
            if (bid->truthfulness_signed)
                declaration_finding(r, d, TND_PASS, NULL, "verklaring ondertekend");
            else
                declaration_finding(r, d, violation(d), NULL,
                                    "verklaring naar waarheid niet ondertekend");
        } else if (strcmp(kind, "signatory") == 0) {
            if (!bid->has_signatory)
                continue;
            if (bid->signatory_authorised)
                declaration_finding(r, d, TND_PASS, NULL,
                                    "ondertekenaar is tekenbevoegd volgens het KvK-uittreksel");
            else if (bid->has_mandate && bid->mandate_grantor_authorised)
                declaration_finding(r, d, TND_PASS, NULL,
                                    "machtiging door een tekenbevoegde volgens het KvK-uittreksel");
            else if (bid->has_mandate)
                declaration_finding(r, d, violation(d), NULL,
                                    "machtiging gegeven door iemand die niet tekenbevoegd is");
            else
                declaration_finding(r, d, violation(d), NULL,
                                    "ondertekenaar niet tekenbevoegd en geen machtiging");
        } else if (strcmp(kind, "joint-liability") == 0) {
            if (!bid->is_combination)
                continue;
            /* §4.1.12 L718-722, §5.8 L1620-1623: "elke deelnemer aan de Combinatie" signs, the
             * penvoerder too */
            bool all = true;
            for (size_t m = 0; m < party_count(bid, false); m++)
                if (!party_at(bid, m)->joint_liability_signed) {
                    char name[TND_NAME_LEN];
                    party_label(bid, m, name, sizeof name);
                    declaration_finding(r, d, violation(d), name,
                                        "hoofdelijke aansprakelijkheid niet ondertekend door %s",
                                        name);
                    all = false;
                }
            if (all)
                declaration_finding(r, d, TND_PASS, NULL,
                                    "hoofdelijke aansprakelijkheid door alle leden ondertekend");
        } else if (strcmp(kind, "penvoerder") == 0) {
            if (!bid->is_combination)
                continue;
            if (bid->bidder.name[0])
                declaration_finding(r, d, TND_PASS, bid->bidder.name,
                                    "penvoerder aangewezen: %s", bid->bidder.name);
            else
                declaration_finding(r, d, violation(d), NULL,
                                    "geen penvoerder aangewezen");
        } else if (strcmp(kind, "third-party-declaration") == 0) {
            for (size_t t = 0; t < bid->n_third_parties; t++) {
                const tnd_party *p = &bid->third_parties[t];
                char name[TND_NAME_LEN];
                party_label(bid, 1 + bid->n_members + t, name, sizeof name);
                if (!p->declaration_signed)
                    declaration_finding(r, d, violation(d), name,
                                        "verklaring inzet derden niet ondertekend");
                else if (!bid->bidder.part_iic_yes)
                    declaration_finding(r, d, violation(d), name,
                                        "beroep op een derde zonder UEA deel II C 'ja'");
                else
                    declaration_finding(r, d, TND_PASS, name,
                                        "verklaring inzet derden ondertekend; UEA deel II C 'ja'");
            }
        } else if (strcmp(kind, "holding-declaration") == 0) {
            if (!bid->has_holding)
                continue;
            if (bid->holding_declaration)
                declaration_finding(r, d, TND_PASS, bid->holding,
                                    "holdingverklaring bijgevoegd");
            else
                declaration_finding(r, d, violation(d), bid->holding,
                                    "onderdeel van een holding zonder holdingverklaring");
        } else if (strcmp(kind, "no-reservations") == 0) {
            if (bid->reservations)
                declaration_finding(r, d, violation(d), NULL,
                                    "voorwaarden of voorbehouden bij de inschrijving: kan "
                                    "ongeldig worden verklaard");
            else
                declaration_finding(r, d, TND_PASS, NULL,
                                    "geen voorwaarden of voorbehouden");
            if (!bid->reservations && r->n_findings && !r->out_of_memory)
                r->findings[r->n_findings - 1].resolution[0] = '\0'; /* nothing to weigh */
        } else if (strcmp(kind, "language") == 0) {
            if (bid->language_dutch)
                declaration_finding(r, d, TND_PASS, NULL, "inschrijving in het Nederlands");
            else
                declaration_finding(r, d, violation(d), NULL,
                                    "inschrijving niet in het Nederlands");
        } else {
            declaration_finding(r, d, TND_REVIEW, NULL,
                                "onbekende verklaring in definitie: '%s'", kind);
        }
    }
}

/* ------------------------------------------------------------------ lot status and placement */

static tnd_lot_status status_of(tnd_verdict worst)
{
    switch (worst) {
    case TND_FAIL:
    case TND_MISSING:
        return TND_LOT_NOT_ELIGIBLE;
    case TND_REVIEW:
    case TND_PLAN_REQUIRED:
        return TND_LOT_PENDING;
    case TND_CONDITIONAL:
        return TND_LOT_CONDITIONAL;
    case TND_PASS:
    case TND_NOT_APPLICABLE:
        break;
    }
    return TND_LOT_ELIGIBLE;
}

/* Worst verdict of the findings about product `code` of `lot` alone; the first such finding with
 * that verdict in *first. */
static tnd_verdict product_worst(const tnd_check_result *r, int lot, const char *code,
                                 const tnd_finding **first)
{
    tnd_verdict worst = TND_NOT_APPLICABLE;
    *first = NULL;
    for (size_t i = 0; i < r->n_findings; i++) {
        const tnd_finding *f = &r->findings[i];
        if (f->lot != lot || !f->product[0] || strcmp(f->product, code) != 0)
            continue;
        if (!*first || f->verdict > worst)
            *first = f;
        worst = tnd_verdict_worse(worst, f->verdict);
    }
    return worst;
}

/* §3.2 L218-219: the products of a lot are bid separately ("voorzieningen waarop afzonderlijk kan
 * worden ingeschreven"), so a finding about one product holds or refuses that product and leaves
 * the others admitted. The lot is refused only when every product bid is refused, and held when
 * every product bid is held or refused. */
static tnd_lot_status lot_status(const tnd_bid *bid, const tnd_check_result *r, int lot)
{
    tnd_verdict worst = tnd_findings_worst(r, lot, true);
    const tnd_bid_lot *bl = tnd_bid_lot_find(bid, lot);
    int n = 0, refused = 0, held = 0;
    for (int i = 0; bl && i < bl->n_products; i++) {
        const tnd_finding *f;
        tnd_verdict v = product_worst(r, lot, bl->products[i], &f);
        n++;
        refused += v == TND_FAIL || v == TND_MISSING;
        held += v == TND_REVIEW || v == TND_PLAN_REQUIRED;
    }
    if (n > 0 && refused == n)
        worst = tnd_verdict_worse(worst, TND_FAIL);
    else if (n > 0 && refused + held == n)
        worst = tnd_verdict_worse(worst, TND_REVIEW);
    return status_of(worst);
}

/* "product J: BEOORDELEN (INT-VERBLIJF); product K: VOLDOET NIET (INT-MAX-AANBIEDERSTYPE)": the
 * products of `lot` held or refused on their own, in the bid's order. */
static void products_note(const tnd_bid *bid, const tnd_check_result *r, int lot, char *buf,
                          size_t size)
{
    const tnd_bid_lot *bl = tnd_bid_lot_find(bid, lot);
    buf[0] = '\0';
    for (int i = 0; bl && i < bl->n_products; i++) {
        const tnd_finding *f;
        tnd_verdict v = product_worst(r, lot, bl->products[i], &f);
        if (v < TND_REVIEW || !f)
            continue;
        text_append(buf, size, "%sproduct %s: %s (%s)", buf[0] ? "; " : "", bl->products[i],
                    tnd_verdict_dutch(v), f->rule_id);
    }
}

static const tnd_cascade_chain *cascade_chain(const tnd_definition *def, int lot)
{
    for (int i = 0; i < def->cascade.n_chains && i < (int)TND_COUNTOF(def->cascade.chains); i++)
        if (def->cascade.chains[i].from == lot)
            return &def->cascade.chains[i];
    return NULL;
}

/* "5: TG-5-WVGGZ niet voldaan" or "3: voldoet" appended to path: why a lot was (not) met. */
static void path_step(const tnd_check_result *r, int lot, tnd_lot_status status, char *path,
                      size_t size)
{
    if (status != TND_LOT_NOT_ELIGIBLE) {
        text_append(path, size, "%d: %s", lot,
                    status == TND_LOT_ELIGIBLE      ? "voldoet"
                    : status == TND_LOT_CONDITIONAL ? "voldoet onder voorwaarde"
                                                    : "in beoordeling");
        return;
    }
    text_append(path, size, "%d: ", lot);
    bool first = true;
    for (size_t i = 0; i < r->n_findings; i++) {
        const tnd_finding *f = &r->findings[i];
        if (f->lot != lot || (f->verdict != TND_FAIL && f->verdict != TND_MISSING))
            continue;
        bool seen = false; /* a rule failing for several groups or products is named once */
        for (size_t j = 0; j < i; j++)
            if (r->findings[j].lot == lot && strcmp(r->findings[j].rule_id, f->rule_id) == 0 &&
                (r->findings[j].verdict == TND_FAIL || r->findings[j].verdict == TND_MISSING))
                seen = true;
        if (seen)
            continue;
        text_append(path, size, "%s%s", first ? "" : ", ", f->rule_id);
        first = false;
    }
    text_append(path, size, "%sniet voldaan", first ? "" : " ");
}

/* True when lot failed a lot-combination rule: the application itself breaks §4.3.1, which a
 * placement in a lower lot cannot cure (a bid on lots 2 and 3 is not placed in lot 1 twice). */
static bool fails_combination(const tnd_definition *def, const tnd_check_result *r, int lot)
{
    for (size_t i = 0; i < r->n_findings; i++) {
        const tnd_finding *f = &r->findings[i];
        if (f->lot != lot || f->verdict != TND_FAIL)
            continue;
        for (size_t c = 0; c < def->n_combo_rules; c++)
            if (strcmp(def->combo_rules[c].ref.id, f->rule_id) == 0)
                return true;
    }
    return false;
}

/* Lots already evaluated as a cascade target, so a lot reached from two chains runs once. */
typedef struct {
    int lots[64];
    int n;
} evaluated_lots;

/* Evaluates fallback lot `lot` for the cascade when the bid did not apply for it: its quality
 * and §5.6 requirements only; combination rules do not apply to a lot one is placed in. */
static void evaluate_fallback(const tnd_definition *def, const tnd_bid *bid, int lot,
                              evaluated_lots *done, tnd_check_result *r)
{
    if (tnd_bid_applies(bid, lot) || int_in(done->lots, done->n, lot))
        return;
    if (done->n < (int)TND_COUNTOF(done->lots))
        done->lots[done->n++] = lot;
    tnd_rules_quality(def, bid, lot, true, r);
    tnd_rules_requirements(def, bid, lot, true, r);
}

/*
 * §4.3.1: a lot applied for and met is placed in that lot (lot 4: once awarded). A lot not met
 * goes down its chain to the first lower lot whose requirements the bid meets, unless the bid
 * opted out. Nothing is placed when the general (lot 0) requirements are not met.
 */
static void place_lot(const tnd_definition *def, const tnd_bid *bid, int lot,
                      tnd_lot_status general, evaluated_lots *done, tnd_check_result *r,
                      tnd_placement *p)
{
    memset(p, 0, sizeof *p);
    p->applied = lot;
    p->status = TND_LOT_NOT_ELIGIBLE;
    if (general == TND_LOT_NOT_ELIGIBLE) {
        tnd_finding_set(p->path, sizeof p->path,
                        "%d: algemene eisen niet voldaan; geen plaatsing", lot);
        return;
    }
    const tnd_cascade_chain *chain = cascade_chain(def, lot);
    tnd_lot_status own = lot_status(bid, r, lot);
    if (own != TND_LOT_NOT_ELIGIBLE) {
        p->placed = lot;
        p->status = own;
        if (chain && chain->awarded_competitively) {
            const tnd_award_lot *award = tnd_definition_award(def, lot);
            p->awaiting_award = true;
            if (award && award->max_awarded > 0)
                tnd_finding_set(p->path, sizeof p->path,
                                "%d (plaatsing afhankelijk van gunning, top %d)", lot,
                                award->max_awarded);
            else
                tnd_finding_set(p->path, sizeof p->path, "%d (plaatsing afhankelijk van gunning)",
                                lot);
        } else {
            path_step(r, lot, own, p->path, sizeof p->path);
        }
        products_note(bid, r, lot, p->products, sizeof p->products);
        if (p->products[0])
            text_append(p->path, sizeof p->path, "; %s", p->products);
        return;
    }
    if (!chain || chain->n_to == 0 || fails_combination(def, r, lot)) {
        path_step(r, lot, own, p->path, sizeof p->path);
        text_append(p->path, sizeof p->path, chain && chain->n_to ? "; geen terugval: de "
                    "inschrijving schendt een combinatieregel (§4.3.1)" : "; geen terugval");
        return;
    }
    if (bid->cascade_opt_out) {
        p->opted_out = true;
        tnd_finding_set(p->path, sizeof p->path,
                        "geen terugval: inschrijver heeft afgezien (Bijlage I punt 2)");
        return;
    }
    char route[64], reasons[TND_REASON_LEN];
    tnd_finding_set(route, sizeof route, "%d", lot);
    reasons[0] = '\0';
    path_step(r, lot, own, reasons, sizeof reasons);
    for (int i = 0; i < chain->n_to && i < (int)TND_COUNTOF(chain->to); i++) {
        int to = chain->to[i];
        /* as the award's fallback (award.c): a lot the bid applied for itself is placed on that
         * application, never a second time through the cascade, and a lot awarded competitively
         * is never a fallback target (RES-CASCADE-FIGUUR1) */
        const tnd_cascade_chain *target = cascade_chain(def, to);
        if (tnd_bid_applies(bid, to) || (target && target->awarded_competitively)) {
            text_append(reasons, sizeof reasons, "; %d: %s", to,
                        tnd_bid_applies(bid, to) ? "eigen inschrijving, daar beoordeeld"
                                                 : "competitief gegund, geen terugval");
            continue;
        }
        evaluate_fallback(def, bid, to, done, r);
        tnd_lot_status s = lot_status(bid, r, to);
        text_append(route, sizeof route, " -> %d", to);
        text_append(reasons, sizeof reasons, "; ");
        path_step(r, to, s, reasons, sizeof reasons);
        if (s != TND_LOT_NOT_ELIGIBLE) {
            p->placed = to;
            p->status = s;
            tnd_finding_set(p->path, sizeof p->path, "%s (%s)", route, reasons);
            return;
        }
    }
    tnd_finding_set(p->path, sizeof p->path, "%s (%s): geen perceel", route, reasons);
}

static bool place_lots(const tnd_definition *def, const tnd_bid *bid, const int *lots,
                       size_t n_lots, evaluated_lots *done, tnd_check_result *r)
{
    if (n_lots == 0)
        return true;
    r->placements = calloc(n_lots, sizeof *r->placements);
    if (!r->placements) {
        r->out_of_memory = true;
        return false;
    }
    tnd_lot_status general = status_of(tnd_findings_worst(r, 0, true));
    for (size_t i = 0; i < n_lots; i++) {
        place_lot(def, bid, lots[i], general, done, r, &r->placements[i]);
        r->n_placements++;
    }
    return true;
}

/* §6: the step at which the whole bid stopped. */
static int stopped_at_step(const tnd_check_result *r)
{
    for (size_t i = 0; i < r->n_findings; i++) {
        const tnd_finding *f = &r->findings[i];
        if (f->step == 1 && f->lot == 0 && (f->verdict == TND_FAIL || f->verdict == TND_MISSING))
            return 1;
    }
    for (size_t i = 0; i < r->n_placements; i++)
        if (r->placements[i].placed != 0)
            return 0;
    return 2;
}

/* Exit code 0: every lot applied for placed in that very lot and admitted (CONDITIONAL counts,
 * a lot awaiting its competitive award counts). */
static bool eligible_all(const tnd_check_result *r)
{
    if (r->n_placements == 0)
        return false;
    for (size_t i = 0; i < r->n_placements; i++) {
        const tnd_placement *p = &r->placements[i];
        if (p->placed != p->applied ||
            (p->status != TND_LOT_ELIGIBLE && p->status != TND_LOT_CONDITIONAL) ||
            p->products[0]) /* a product held or refused: not everything applied for */
            return false;
    }
    return true;
}

/* ------------------------------------------------------------------ the check */

/* The lot numbers the bid applies for, ascending (findings and placements follow this order). */
static int *applied_lots(const tnd_bid *bid)
{
    if (bid->n_lots == 0)
        return NULL;
    int *lots = malloc(bid->n_lots * sizeof *lots);
    if (!lots)
        return NULL;
    for (size_t i = 0; i < bid->n_lots; i++)
        lots[i] = bid->lots[i].number;
    qsort(lots, bid->n_lots, sizeof *lots, cmp_int);
    return lots;
}

static bool check_bid(const tnd_definition *def, const tnd_bid *bid, tnd_check_result *out,
                      bool knockout_texts_only)
{
    memset(out, 0, sizeof *out);
    out->knockout_texts_only = knockout_texts_only;
    if (bid->details_dropped) { /* never a verdict on a bid without its details (issue 9) */
        out->out_of_memory = true;
        return false;
    }
    int *lots = applied_lots(bid);
    size_t n_lots = lots ? bid->n_lots : 0;
    if (!lots && bid->n_lots) {
        out->out_of_memory = true;
        return false;
    }

    /* step 1 */
    check_closing_time(def, bid, out);
    check_required_items(def, bid, out);

    /* step 2, in the order of the document */
    check_exclusion(def, bid, out);
    check_documents(def, bid, out);
    tnd_rules_financial(def, bid, out);
    tnd_rules_insurance(def, bid, out);
    tnd_rules_references(def, bid, out);
    for (size_t i = 0; i < n_lots; i++)
        tnd_rules_quality(def, bid, lots[i], false, out);
    tnd_rules_agb(def, bid, out);
    for (size_t i = 0; i < n_lots; i++)
        tnd_rules_requirements(def, bid, lots[i], false, out);
    tnd_rules_intensity(def, bid, out);
    tnd_rules_products(def, bid, out);
    check_lot_combinations(def, bid, lots, n_lots, out);
    check_declarations(def, bid, out);

    evaluated_lots done = { .n = 0 };
    if (place_lots(def, bid, lots, n_lots, &done, out)) {
        out->stopped_at_step = stopped_at_step(out);
        out->eligible_all = eligible_all(out);
    }
    free(lots);
    return !out->out_of_memory;
}

bool tnd_check(const tnd_definition *def, const tnd_bid *bid, tnd_check_result *out)
{
    return check_bid(def, bid, out, false);
}

bool tnd_check_knockouts(const tnd_definition *def, const tnd_bid *bid, tnd_check_result *out)
{
    bool ok = check_bid(def, bid, out, true);
    out->knockout_texts_only = false; /* what comes later (the rounds, a new placement) writes
                                         every text, as before */
    if (ok)
        tnd_check_result_keep_knockouts(out);
    return ok;
}

/* (issue 8 §4) After scoring/rounds.c changed verdicts (an officer's decision, a herstel): the
 * placement again, as tnd_check would have made it. The cascade findings stay (a fallback lot
 * already evaluated is not evaluated twice); only the placements are redone. */
bool tnd_check_replace(const tnd_definition *def, const tnd_bid *bid, tnd_check_result *r)
{
    if (bid->details_dropped) { /* the placement may run lot rules again (issue 9) */
        r->out_of_memory = true;
        return false;
    }
    free(r->placements);
    r->placements = NULL;
    r->n_placements = 0;
    r->stopped_at_step = 0;
    r->eligible_all = false;
    int *lots = applied_lots(bid);
    size_t n_lots = lots ? bid->n_lots : 0;
    if (!lots && bid->n_lots) {
        r->out_of_memory = true;
        return false;
    }
    evaluated_lots done = { .n = 0 };
    for (size_t i = 0; i < r->n_findings; i++)
        if (r->findings[i].cascade && r->findings[i].lot > 0 &&
            !int_in(done.lots, done.n, r->findings[i].lot) && done.n < (int)TND_COUNTOF(done.lots))
            done.lots[done.n++] = r->findings[i].lot;
    if (place_lots(def, bid, lots, n_lots, &done, r)) {
        r->stopped_at_step = stopped_at_step(r);
        r->eligible_all = eligible_all(r);
    }
    free(lots);
    return !r->out_of_memory;
}

void tnd_check_result_keep_knockouts(tnd_check_result *r)
{
    size_t kept = 0;
    for (size_t i = 0; i < r->n_findings; i++) {
        if (is_knockout(r->findings[i].verdict)) {
            if (kept != i)
                r->findings[kept] = r->findings[i];
            kept++;
        }
    }
    r->n_findings = kept;
    if (kept == r->cap_findings)
        return;
    if (kept == 0) {
        free(r->findings);
        r->findings = NULL;
        r->cap_findings = 0;
        return;
    }
    tnd_finding *fit = realloc(r->findings, kept * sizeof *fit);
    if (fit) { /* a failed shrink keeps the larger block, which is still correct */
        r->findings = fit;
        r->cap_findings = kept;
    }
}

void tnd_check_result_drop_placements(tnd_check_result *r)
{
    free(r->placements);
    r->placements = NULL;
    r->n_placements = 0;
    r->placements_dropped = true;
}

bool tnd_check_result_copy(const tnd_check_result *from, tnd_check_result *to)
{
    bool ok = true;
    *to = *from;
    to->findings = tnd_items_copy(from->findings, from->n_findings, sizeof *from->findings, &ok);
    to->cap_findings = to->findings ? from->n_findings : 0;
    to->placements =
        tnd_items_copy(from->placements, from->n_placements, sizeof *from->placements, &ok);
    if (!ok)
        tnd_check_result_free(to);
    return ok;
}

void tnd_check_result_free(tnd_check_result *r)
{
    if (!r)
        return;
    free(r->findings);
    free(r->placements);
    memset(r, 0, sizeof *r);
}
