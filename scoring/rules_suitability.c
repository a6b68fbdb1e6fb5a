/*
 * rules_suitability.c - the suitability requirements of step 2 (§6): insurance (§5.3.2),
 * references (§5.4), quality system and keurmerk (§5.5.1.1-2), AGB code (§5.5.1.3), the
 * tariff-group requirements of each lot (§5.6, lot 9 eisen 106-108) and the support intensity that
 * a bid claims for its residential groups (§9, lot 8) and day groups (§8.5.3, lot 6).
 *
 * Every number here comes from the definition (amounts, counts, windows, schemes, bands); the code
 * only knows how each kind of rule compares. Amounts are compared in cents and decimals exactly, so
 * € 1.999.999,99 and 4,99 FTE are below their norms and never round up into them.
 *
 * What is absent is mostly step 1's business (required items): when a family finds nothing to
 * judge (no insurance answer, no references, no AGB code) it adds no finding rather than a second
 * MISSING.
 */
#include "scoring/check_internal.h"

#include <stdarg.h>
#include <stdio.h> /* (v)snprintf only: text into fixed buffers, no I/O */
#include <string.h>

/* Fills subject, found and norm of a finding just added (f may be NULL: out of memory). */
static void describe(tnd_finding *f, const char *subject, const char *found, const char *norm)
{
    if (!f)
        return;
    tnd_finding_set(f->subject, sizeof f->subject, "%s", subject);
    tnd_finding_set(f->found, sizeof f->found, "%s", found);
    tnd_finding_set(f->norm, sizeof f->norm, "%s", norm);
}

/* Whether the finding just added keeps its texts: not NULL (out of memory), and not one that
 * tnd_check_knockouts drops, whose subject, found and norm nobody reads (issue 9). */
static bool described(const tnd_check_result *r, const tnd_finding *f)
{
    return f && tnd_finding_texts_wanted(r, f->verdict);
}

/* Appends `text` to a ", "-separated list in buf. */
static void list_append(char *buf, size_t size, const char *text)
{
    size_t len = strlen(buf);
    if (len + 1 < size)
        snprintf(buf + len, size - len, "%s%s", len ? ", " : "", text);
}

static bool contains_int(const int *set, int n, int value)
{
    for (int i = 0; i < n; i++)
        if (set[i] == value)
            return true;
    return false;
}

static bool contains_code(const char (*set)[TND_CODE_LEN], int n, const char *code)
{
    for (int i = 0; i < n; i++)
        if (strcmp(set[i], code) == 0)
            return true;
    return false;
}

/* The date documents and certificates are judged at: the submission, else the closing time. */
static tnd_date judgement_date(const tnd_definition *def, const tnd_bid *bid)
{
    return bid->has_submission ? bid->submitted.date : def->closing_time.date;
}

/* ------------------------------------------------------------------ §5.3.2 insurance */

/* One party's business-liability cover. Nothing stated at all: no finding (step 1 "insurance"). */
static void insurance_of_party(const tnd_insurance_rule *rule, const tnd_party *p,
                               tnd_check_result *r)
{
    char min[32], cover[32], norm[TND_VALUE_LEN];
    tnd_cents_nl(rule->min_per_event, min);
    snprintf(norm, sizeof norm, ">= %s per gebeurtenis", min);
    tnd_finding *f;
    if (p->has_insurance && p->concern_policy && !p->named_insured) {
        f = tnd_add_finding(r, 2, &rule->ref, 0, TND_FAIL,
                            "concernpolis zonder vermelding als verzekerde");
        describe(f, p->name, "concernpolis, niet als verzekerde vermeld", norm);
    } else if (p->has_insurance) {
        bool met = p->insurance_cover >= rule->min_per_event;
        tnd_cents_nl(p->insurance_cover, cover);
        f = tnd_add_finding(r, 2, &rule->ref, 0, met ? TND_PASS : TND_FAIL,
                            "dekking %s per gebeurtenis; norm >= %s: %s", cover, min,
                            met ? "voldaan" : "niet voldaan");
        describe(f, p->name, cover, norm);
    } else if (p->has_part_iv && p->part_iv_yes) {
        f = tnd_add_finding(r, 2, &rule->ref, 0, rule->declared_only,
                            "UEA deel IV: ja; polis wordt geverifieerd na voorgenomen gunning");
        describe(f, p->name, "UEA deel IV: ja", norm);
    } else if (p->has_part_iv) {
        f = tnd_add_finding(r, 2, &rule->ref, 0, TND_FAIL,
                            "UEA deel IV: nee; verzekering bedrijfsaansprakelijkheid niet "
                            "aangetoond");
        describe(f, p->name, "UEA deel IV: nee", norm);
    }
}

/* One member's evidence of insurance in a combination judged as a whole (§5.3.2 L1409-1410:
 * "alle leden ... bewijs van verzekering"): present or not; the amount counts for the whole. */
static void insurance_evidence_of_member(const tnd_insurance_rule *rule, const tnd_party *p,
                                         tnd_check_result *r)
{
    char cover[32];
    tnd_finding *f;
    if (p->has_insurance && p->concern_policy && !p->named_insured) {
        f = tnd_add_finding(r, 2, &rule->ref, 0, TND_FAIL,
                            "concernpolis zonder vermelding als verzekerde");
        describe(f, p->name, "concernpolis, niet als verzekerde vermeld", "bewijs van verzekering");
    } else if (p->has_insurance && p->insurance_cover > 0) {
        tnd_cents_nl(p->insurance_cover, cover);
        f = tnd_add_finding(r, 2, &rule->ref, 0, TND_PASS,
                            "bewijs van verzekering: dekking %s per gebeurtenis (telt mee voor de "
                            "dekking van de combinatie)", cover);
        describe(f, p->name, cover, "bewijs van verzekering");
    } else if (p->has_part_iv && p->part_iv_yes && !p->has_insurance) {
        f = tnd_add_finding(r, 2, &rule->ref, 0, rule->declared_only,
                            "UEA deel IV: ja; polis wordt geverifieerd na voorgenomen gunning");
        describe(f, p->name, "UEA deel IV: ja", "bewijs van verzekering");
    } else {
        f = tnd_add_finding(r, 2, &rule->ref, 0, TND_FAIL,
                            "geen bewijs van verzekering bedrijfsaansprakelijkheid: elk lid van "
                            "de combinatie toont een verzekering; voeg de polis of verklaring toe");
        describe(f, p->name[0] ? p->name : "combinatielid", "geen", "bewijs van verzekering");
    }
}

/* §5.3.2 L1411: "De dekking van de Combinatie dient ten minste het ... vereiste bedrag per
 * gebeurtenis te bedragen". One member's policy at the amount covers the combination; separate
 * policies that reach it only together may or may not cover one event of the combination, which
 * the text does not settle: REVIEW, never a silent pass or fail. Below the amount even together:
 * FAIL, unless a member's cover is still to be verified (declared only): then that verdict. */
static void insurance_of_combination(const tnd_insurance_rule *rule, const tnd_bid *bid,
                                     tnd_check_result *r)
{
    char min[32], best[32], total[32], norm[TND_VALUE_LEN];
    tnd_cents largest = 0, sum = 0;
    bool unverified = false;
    for (size_t i = 0; i <= bid->n_members; i++) {
        const tnd_party *p = i == 0 ? &bid->bidder : &bid->members[i - 1];
        bool counts = p->has_insurance && !(p->concern_policy && !p->named_insured);
        if (counts) {
            largest = p->insurance_cover > largest ? p->insurance_cover : largest;
            sum += p->insurance_cover; /* amounts are bounded by the bid reader */
        }
        unverified = unverified || (!p->has_insurance && p->has_part_iv && p->part_iv_yes);
    }
    tnd_cents_nl(rule->min_per_event, min);
    tnd_cents_nl(largest, best);
    tnd_cents_nl(sum, total);
    snprintf(norm, sizeof norm, "combinatie >= %s per gebeurtenis", min);
    tnd_finding *f;
    if (largest >= rule->min_per_event)
        f = tnd_add_finding(r, 2, &rule->ref, 0, TND_PASS,
                            "dekking van de combinatie %s per gebeurtenis (hoogste polis); norm "
                            ">= %s: voldaan", best, min);
    else if (sum >= rule->min_per_event)
        f = tnd_add_finding(r, 2, &rule->ref, 0, TND_REVIEW,
                            "geen polis van %s; de polissen samen %s per gebeurtenis: beoordelen "
                            "of zij samen de combinatie per gebeurtenis dekken", min, total);
    else if (unverified)
        f = tnd_add_finding(r, 2, &rule->ref, 0, rule->declared_only,
                            "opgegeven dekking samen %s per gebeurtenis; polis van een lid wordt "
                            "geverifieerd na voorgenomen gunning", total);
    else
        f = tnd_add_finding(r, 2, &rule->ref, 0, TND_FAIL,
                            "dekking van de combinatie %s per gebeurtenis (polissen samen); norm "
                            ">= %s: niet voldaan", total, min);
    describe(f, "combinatie", largest >= rule->min_per_event ? best : total, norm);
}

/* §5.3.2: the bidder and, in a combination, every member. No reliance on third parties. */
void tnd_rules_insurance(const tnd_definition *def, const tnd_bid *bid, tnd_check_result *r)
{
    const tnd_insurance_rule *rule = &def->insurance;
    if (rule->combination_total && bid->is_combination) {
        for (size_t i = 0; i <= bid->n_members; i++) {
            const tnd_party *p = i == 0 ? &bid->bidder : &bid->members[i - 1];
            if (i == 0 && !p->has_insurance && !p->has_part_iv)
                continue; /* step 1 reports the bidder's missing insurance */
            insurance_evidence_of_member(rule, p, r);
        }
        insurance_of_combination(rule, bid, r);
        return;
    }
    size_t first = r->n_findings;
    insurance_of_party(rule, &bid->bidder, r);
    if (rule->every_member)
        for (size_t i = 0; i < bid->n_members; i++)
            insurance_of_party(rule, &bid->members[i], r);
    /* a resolution about the combination's cover does not concern a single party's own cover */
    for (size_t i = first; rule->combination_total && !r->out_of_memory && i < r->n_findings; i++)
        r->findings[i].resolution[0] = '\0';
}

/* ------------------------------------------------------------------ §5.4 references */

static bool reference_covers(const tnd_reference *ref, const char *competence)
{
    for (int i = 0; i < ref->n_competences; i++)
        if (strcmp(ref->competences[i], competence) == 0)
            return true;
    return false;
}

static const tnd_party *third_party_named(const tnd_bid *bid, const char *name)
{
    for (size_t i = 0; i < bid->n_third_parties; i++)
        if (strcmp(bid->third_parties[i].name, name) == 0)
            return &bid->third_parties[i];
    return NULL;
}

/* "01-01-2020 t/m 31-12-2021", "01-01-2020 t/m heden (lopend)" */
static void reference_period(const tnd_reference *ref, char *buf, size_t size)
{
    char start[16], end[16];
    tnd_date_nl(ref->start, start);
    if (ref->ongoing)
        snprintf(buf, size, "%s t/m heden (lopend)", start);
    else if (ref->has_end) {
        tnd_date_nl(ref->end, end);
        snprintf(buf, size, "%s t/m %s", start, end);
    } else
        snprintf(buf, size, "%s t/m (geen einddatum)", start);
}

/* One counted reference being judged: what its findings need, and how many it got. */
typedef struct {
    const tnd_reference_rules *rules;
    const tnd_reference *ref;
    size_t index;
    bool texts;                   /* the three texts below are made (reference_texts) */
    char subject[TND_NAME_LEN];   /* "referentie 1: Gemeente Zwolle" */
    char covered[TND_VALUE_LEN];  /* the competences the reference shows */
    char all[TND_VALUE_LEN];      /* the core competences */
    int n_findings;
    tnd_check_result *r;
} reference_check;

/* The texts of the reference's findings, made once and only for a finding that keeps them. */
static void reference_texts(reference_check *c)
{
    if (c->texts)
        return;
    c->texts = true;
    tnd_finding_set(c->subject, sizeof c->subject, "referentie %zu: %s", c->index + 1,
                    c->ref->referent);
    for (int i = 0; i < c->ref->n_competences; i++)
        list_append(c->covered, sizeof c->covered, c->ref->competences[i]);
    for (int i = 0; i < c->rules->n_competences; i++)
        list_append(c->all, sizeof c->all, c->rules->competences[i].id);
}

/* Adds a finding about the reference under rule `rule`; found/norm may be NULL. */
__attribute__((format(printf, 6, 7)))
static void reference_finding(reference_check *c, const tnd_rule_ref *rule, tnd_verdict verdict,
                              const char *found, const char *norm, const char *reason_fmt, ...)
{
    char reason[TND_REASON_LEN];
    va_list ap;
    va_start(ap, reason_fmt);
    vsnprintf(reason, sizeof reason, reason_fmt, ap);
    va_end(ap);
    c->n_findings++;
    tnd_finding *f = tnd_add_finding(c->r, 2, rule, 0, verdict, "%s", reason);
    if (!described(c->r, f))
        return;
    reference_texts(c);
    describe(f, c->subject, found ? found : "", norm ? norm : "");
}

/* §5.4 voorwaarde 1: every core competence, each missing one named. */
static void check_competences(reference_check *c)
{
    for (int i = 0; i < c->rules->n_competences; i++) {
        const tnd_competence *k = &c->rules->competences[i];
        if (reference_covers(c->ref, k->id))
            continue;
        reference_texts(c); /* a FAIL keeps its texts */
        reference_finding(c, &c->rules->competence_rule, TND_FAIL,
                          c->covered[0] ? c->covered : "geen", c->all,
                          "kerncompetentie %s (%s) niet aangetoond", k->id, k->label);
    }
}

/* §5.4 voorwaarde 2, resolution: the period must overlap [closing - N years, closing]. */
static void check_period(reference_check *c, tnd_date closing)
{
    const tnd_reference *ref = c->ref;
    int years = c->rules->window_years;
    tnd_date window_start = tnd_date_add_months(closing, -12 * years);
    bool started = tnd_date_cmp(ref->start, closing) <= 0;
    bool recent = ref->ongoing || (ref->has_end && tnd_date_cmp(ref->end, window_start) >= 0);
    if (started && recent)
        return;
    char period[TND_VALUE_LEN], from[16], to[16], norm[TND_VALUE_LEN];
    reference_period(ref, period, sizeof period);
    tnd_date_nl(window_start, from);
    tnd_date_nl(closing, to);
    snprintf(norm, sizeof norm, "overlap met %s t/m %s", from, to);
    if (!ref->ongoing && !ref->has_end)
        reference_finding(c, &c->rules->window_rule, TND_FAIL, period, norm,
                          "geen einddatum en niet lopend: niet aantoonbaar binnen de periode van "
                          "%d jaar vóór sluitingsdatum",
                          years);
    else
        reference_finding(c, &c->rules->window_rule, TND_FAIL, period, norm,
                          "buiten de periode van %d jaar vóór sluitingsdatum", years);
}

/* §5.4 voorwaarden 5-6: a forbidden referent (RSJ, its staff) fails; one that is not of an
 * allowed kind (a municipality) goes to a reviewer. */
static void check_referent(reference_check *c)
{
    const tnd_reference_rules *rr = c->rules;
    const char *kind = c->ref->referent_kind;
    bool forbidden = contains_code(rr->referent_kinds_forbidden, rr->n_forbidden, kind);
    if (!forbidden &&
        (rr->n_allowed == 0 || contains_code(rr->referent_kinds_allowed, rr->n_allowed, kind)))
        return;
    char allowed[TND_VALUE_LEN] = "";
    for (int i = 0; i < rr->n_allowed; i++) {
        size_t len = strlen(allowed);
        snprintf(allowed + len, sizeof allowed - len, "%s%s", i ? " of " : "",
                 rr->referent_kinds_allowed[i]);
    }
    if (forbidden)
        reference_finding(c, &rr->referent_rule, TND_FAIL, kind, allowed,
                          "referent van soort %s kan geen referent zijn", kind);
    else
        reference_finding(c, &rr->referent_rule, TND_REVIEW, kind, allowed,
                          "referent is geen %s; beoordelaar beslist", allowed);
}

/* §5.4 voorwaarden 7-9 and reliance on a third party (L1478-1487): UEA II C "ja" and a signed
 * Verklaring inzet Derden from a third party of that name. */
static void check_conduct(reference_check *c, const tnd_bid *bid)
{
    const tnd_reference_rules *rr = c->rules;
    const tnd_reference *ref = c->ref;
    if (ref->dissolved_early)
        reference_finding(c, &rr->dissolved_rule, TND_FAIL, NULL, NULL,
                          "contract tussentijds ontbonden wegens onvoldoende presteren");
    if (ref->has_clients_served && ref->clients_served == 0)
        reference_finding(c, &rr->dissolved_rule, TND_FAIL, "0 cliënten", ">= 1 cliënt",
                          "nooit een cliënt ondersteund");
    if (ref->forecast_results)
        reference_finding(c, &rr->forecast_rule, TND_FAIL, "prognose", "behaalde resultaten",
                          "resultaten zijn een prognose; alleen werkelijk behaalde resultaten "
                          "tellen");
    if (ref->subcontractor[0] && !ref->subcontractor_deployed)
        reference_finding(c, &rr->subcontractor_rule, TND_FAIL, ref->subcontractor,
                          "onderaannemer wordt ingezet",
                          "ervaring van onderaannemer %s, die niet bij de uitvoering wordt "
                          "ingezet",
                          ref->subcontractor);
    if (!ref->third_party[0])
        return;
    const tnd_party *third = third_party_named(bid, ref->third_party);
    const char *norm = "UEA deel II C: ja en Verklaring inzet Derden";
    if (!bid->bidder.part_iic_yes)
        reference_finding(c, &rr->third_party_rule, TND_FAIL, ref->third_party, norm,
                          "ervaring van derde %s zonder \"ja\" bij UEA deel II C",
                          ref->third_party);
    else if (!third)
        reference_finding(c, &rr->third_party_rule, TND_FAIL, ref->third_party, norm,
                          "ervaring van derde %s, maar die derde is niet opgegeven",
                          ref->third_party);
    else if (!third->declaration_signed)
        reference_finding(c, &rr->third_party_rule, TND_FAIL, ref->third_party, norm,
                          "ervaring van derde %s zonder ondertekende Verklaring inzet Derden",
                          ref->third_party);
}

/* Every condition of §5.4 on one counted reference; one PASS when all hold. */
static void judge_reference(const tnd_definition *def, const tnd_bid *bid, size_t index,
                            tnd_check_result *r)
{
    reference_check c = { .rules = &def->references, .ref = &bid->references[index],
                          .index = index, .r = r };
    check_competences(&c);
    check_period(&c, def->closing_time.date);
    check_referent(&c);
    check_conduct(&c, bid);
    if (c.n_findings == 0) {
        char period[TND_VALUE_LEN] = "";
        if (tnd_finding_texts_wanted(r, TND_PASS))
            reference_period(c.ref, period, sizeof period);
        tnd_finding *f = tnd_add_finding(r, 2, &c.rules->ref, 0, TND_PASS,
                                         "voldoet aan alle kerncompetenties en voorwaarden (%s)",
                                         period);
        if (described(r, f)) {
            reference_texts(&c);
            describe(f, c.subject, c.covered, c.all);
        }
    }
}

/* §5.4: exactly the first `count` references uploaded count; fewer fail; later ones are ignored. */
void tnd_rules_references(const tnd_definition *def, const tnd_bid *bid, tnd_check_result *r)
{
    const tnd_reference_rules *rr = &def->references;
    size_t n = bid->n_references;
    if (n == 0)
        return; /* step 1: "references" */
    char found[16], norm[16]; /* the number uploaded and required, for the findings below */
    tnd_finding_set(found, sizeof found, "%zu", n);
    snprintf(norm, sizeof norm, "%d", rr->count);
    if (n < (size_t)rr->count) {
        tnd_finding *f = tnd_add_finding(r, 2, &rr->ref, 0, TND_FAIL, "%zu %s; vereist: %d", n,
                                         n == 1 ? "referentie" : "referenties", rr->count);
        describe(f, "referenties", found, norm);
    }
    for (size_t i = 0; i < n; i++) {
        if (i < (size_t)rr->count) {
            judge_reference(def, bid, i, r);
            continue;
        }
        tnd_finding *f = tnd_add_finding(r, 2, &rr->ref, 0, TND_NOT_APPLICABLE,
                                         "telt niet mee: alleen de eerste %d", rr->count);
        if (!described(r, f))
            continue;
        char subject[TND_NAME_LEN];
        tnd_finding_set(subject, sizeof subject, "referentie %zu: %s", i + 1,
                        bid->references[i].referent);
        describe(f, subject, found, norm);
    }
}

/* ------------------------------------------------------------------ §5.5.1.3 AGB */

void tnd_rules_agb(const tnd_definition *def, const tnd_bid *bid, tnd_check_result *r)
{
    const tnd_agb_rule *rule = &def->agb;
    if (bid->n_agb == 0)
        return; /* step 1: "agb" */
    char codes[TND_VALUE_LEN] = "", norm[32] = "";
    if (tnd_finding_texts_wanted(r, bid->n_agb == rule->count ? TND_PASS : TND_FAIL)) {
        for (int i = 0; i < bid->n_agb; i++)
            list_append(codes, sizeof codes, bid->agb[i]);
        snprintf(norm, sizeof norm, "precies %d", rule->count);
    }
    tnd_finding *f;
    if (bid->n_agb == rule->count)
        f = tnd_add_finding(r, 2, &rule->ref, 0, TND_PASS, "AGB-code %s opgegeven", codes);
    else if (bid->n_agb > rule->count && rule->count == 1)
        f = tnd_add_finding(r, 2, &rule->ref, 0, TND_FAIL, "meer dan één AGB-code opgegeven (%s)",
                            codes);
    else
        f = tnd_add_finding(r, 2, &rule->ref, 0, TND_FAIL, "%d AGB-codes opgegeven; vereist: %d",
                            bid->n_agb, rule->count);
    if (described(r, f))
        describe(f, bid->bidder.name, codes, norm);
}

/* ------------------------------------------------------------------ §5.5.1.1-2 quality */

static const tnd_quality_rule *quality_rule_for(const tnd_definition *def, int lot)
{
    for (size_t i = 0; i < def->n_quality; i++)
        if (contains_int(def->quality[i].lots, def->quality[i].n_lots, lot))
            return &def->quality[i];
    return NULL;
}

static bool certificate_valid(const tnd_certificate *c, tnd_date on)
{
    return !c->has_valid_until || tnd_date_cmp(c->valid_until, on) >= 0;
}

tnd_certificate_pick tnd_certificates_pick(const tnd_bid *bid,
                                           const char (*schemes)[TND_CODE_LEN], int n_schemes,
                                           tnd_date on, char *given, size_t size)
{
    tnd_certificate_pick pick = { NULL, NULL, NULL };
    for (size_t i = 0; i < bid->n_certificates; i++) {
        const tnd_certificate *c = &bid->certificates[i];
        bool listed = contains_code(schemes, n_schemes, c->scheme);
        bool valid = certificate_valid(c, on);
        list_append(given, size, c->scheme);
        if (listed && valid && !pick.accepted)
            pick.accepted = c;
        else if (!listed && c->equivalent && valid && !pick.equivalent)
            pick.equivalent = c;
        else if (listed && !valid && !pick.expired)
            pick.expired = c;
    }
    return pick;
}

/*
 * §5.5.1.1: the best certificate decides. An accepted scheme, valid at submission: PASS. Else a
 * valid scheme declared equivalent, when the definition sends those to a reviewer: REVIEW. Else an
 * accepted scheme that had expired: FAIL naming the date. Else: FAIL listing what is accepted.
 */
static void judge_quality_system(const tnd_definition *def, const tnd_bid *bid, int lot,
                                 bool cascade, tnd_check_result *r)
{
    const tnd_quality_rule *rule = quality_rule_for(def, lot);
    if (!rule)
        return;
    tnd_date on = judgement_date(def, bid);
    const tnd_certificate *doubt = NULL;
    char given[TND_VALUE_LEN] = "", schemes[TND_VALUE_LEN] = "";
    tnd_certificate_pick pick = tnd_certificates_pick(bid, rule->schemes, rule->n_schemes, on,
                                                      given, sizeof given);
    const tnd_certificate *accepted = pick.accepted, *equivalent = pick.equivalent,
                          *expired = pick.expired;
    /* every verdict but PASS is a knock-out, whose texts are always kept */
    for (int i = 0; (!accepted || tnd_finding_texts_wanted(r, TND_PASS)) && i < rule->n_schemes;
         i++)
        list_append(schemes, sizeof schemes, rule->schemes[i]);
    for (size_t i = 0; i < bid->n_certificates && !doubt && !accepted; i++) {
        const tnd_certificate *c = &bid->certificates[i];
        if (!contains_code(rule->schemes, rule->n_schemes, c->scheme) &&
            certificate_valid(c, on) &&
            contains_code(rule->review_schemes, rule->n_review_schemes, c->scheme))
            doubt = c;
    }

    tnd_finding *f;
    char date[16];
    if (accepted) {
        f = tnd_add_finding(r, 2, &rule->ref, lot, TND_PASS, "%s (%s)", accepted->scheme,
                            accepted->evidence[0] ? accepted->evidence : "certificaat");
        if (described(r, f))
            describe(f, accepted->scheme, accepted->scheme, schemes);
    } else if (equivalent && rule->equivalent_review) {
        f = tnd_add_finding(r, 2, &rule->ref, lot, TND_REVIEW,
                            "%s opgegeven als gelijkwaardig aan %s; beoordelaar beslist",
                            equivalent->scheme, schemes);
        describe(f, equivalent->scheme, equivalent->scheme, schemes);
    } else if (doubt) {
        f = tnd_add_finding(r, 2, &rule->ref, lot, TND_REVIEW,
                            "%s: niet genoemd voor dit perceel (%s), wel als voorbeeld voor elke "
                            "inschrijver; beoordelaar beslist of het voldoet", doubt->scheme,
                            schemes);
        describe(f, doubt->scheme, doubt->scheme, schemes);
    } else if (expired) {
        tnd_date_nl(expired->valid_until, date);
        f = tnd_add_finding(r, 2, &rule->ref, lot, TND_FAIL, "certificaat %s verlopen op %s",
                            expired->scheme, date);
        describe(f, expired->scheme, date, schemes);
    } else {
        f = tnd_add_finding(r, 2, &rule->ref, lot, TND_FAIL,
                            "geen geaccepteerd kwaliteitssysteem (%s); geaccepteerd: %s",
                            given[0] ? given : "geen certificaat", schemes);
        describe(f, "kwaliteitssysteem", given[0] ? given : "geen", schemes);
    }
    if (f)
        f->cascade = cascade;
}

static const tnd_keurmerk *bid_keurmerk(const tnd_bid *bid, const char *kind)
{
    for (size_t i = 0; i < bid->n_keurmerken; i++)
        if (strcmp(bid->keurmerken[i].kind, kind) == 0)
            return &bid->keurmerken[i];
    return NULL;
}

/* §5.5.1.2: gezinshuis and zorgboerderij on lot 8 hold their keurmerk, or obtain it in time. */
static void judge_keurmerk(const tnd_definition *def, const tnd_bid *bid, int lot, bool cascade,
                           tnd_check_result *r)
{
    for (size_t i = 0; i < def->n_keurmerken; i++) {
        const tnd_keurmerk_rule *rule = &def->keurmerken[i];
        if (rule->lot != lot || strcmp(rule->provider_type, bid->provider_type) != 0)
            continue;
        const tnd_keurmerk *k = bid_keurmerk(bid, rule->keurmerk);
        tnd_keurmerk_status status = k ? k->status : TND_KEURMERK_NONE;
        char norm[TND_VALUE_LEN] = "";
        tnd_verdict verdict = status == TND_KEURMERK_HELD          ? TND_PASS
                              : status == TND_KEURMERK_IN_PROGRESS ? rule->in_progress
                                                                   : TND_FAIL;
        if (tnd_finding_texts_wanted(r, verdict))
            snprintf(norm, sizeof norm, "%s of gelijkwaardig", rule->keurmerk);
        tnd_finding *f;
        if (status == TND_KEURMERK_HELD) {
            f = tnd_add_finding(r, 2, &rule->ref, lot, verdict, "%s behaald", rule->keurmerk);
            describe(f, rule->provider_type, "behaald", norm);
        } else if (status == TND_KEURMERK_IN_PROGRESS) {
            f = tnd_add_finding(r, 2, &rule->ref, lot, verdict,
                                "%s in behandeling: binnen %d maanden te behalen", rule->keurmerk,
                                rule->within_months);
            describe(f, rule->provider_type, "in behandeling", norm);
        } else {
            f = tnd_add_finding(r, 2, &rule->ref, lot, verdict,
                                "geen %s en niet aantoonbaar in behandeling", rule->keurmerk);
            describe(f, rule->provider_type, "geen", norm);
        }
        if (f)
            f->cascade = cascade;
    }
}

void tnd_rules_quality(const tnd_definition *def, const tnd_bid *bid, int lot, bool cascade,
                       tnd_check_result *r)
{
    if (!cascade && !tnd_bid_applies(bid, lot))
        return;
    judge_quality_system(def, bid, lot, cascade, r);
    judge_keurmerk(def, bid, lot, cascade, r);
}

/* ------------------------------------------------------------------ §5.6 requirements */

/* "cao" or "jeugdwet-omzet 2021" */
static void fact_subject(const tnd_requirement *q, char *buf, size_t size)
{
    if (q->year)
        snprintf(buf, size, "%s %d", q->fact, q->year);
    else
        snprintf(buf, size, "%s", q->fact);
}

/* Whether the bid applies for a product of the requirement's set on its lot; bid_list (may be
 * NULL) gets every product the bid applies for there. */
static bool bids_product(const tnd_bid *bid, const tnd_requirement *q, char *bid_list, size_t size)
{
    const tnd_bid_lot *bl = tnd_bid_lot_find(bid, q->product_lot);
    bool found = false;
    if (bid_list)
        bid_list[0] = '\0';
    for (int i = 0; bl && i < bl->n_products; i++) {
        if (bid_list)
            list_append(bid_list, size, bl->products[i]);
        found = found || contains_code(q->values, q->n_values, bl->products[i]);
    }
    return found;
}

/* Whether the bid meets requirement q (fact: the bid's fact q names; NULL for a product
 * requirement). The texts of the finding are made apart, and only when kept. */
static bool requirement_met(const tnd_bid *bid, const tnd_requirement *q, const tnd_fact *fact)
{
    switch (q->kind) {
    case TND_REQ_BIDS_PRODUCT:
        return bids_product(bid, q, NULL, 0);
    case TND_REQ_FLAG:
        return fact->type == TND_FACT_FLAG && fact->flag;
    case TND_REQ_NUMBER:
        return tnd_op_holds(q->op, tnd_dec_cmp(fact->number, q->number));
    case TND_REQ_MONEY:
        return tnd_op_holds(q->op, (fact->money > q->money) - (fact->money < q->money));
    case TND_REQ_ONE_OF:
        for (int i = 0; i < fact->n_values; i++)
            if (contains_code(q->values, q->n_values, fact->values[i]))
                return true;
        return false;
    }
    return false;
}

/* One requirement judged for `lot` (which may include the requirement's own lot, §5.6). */
static void judge_requirement(const tnd_bid *bid, const tnd_requirement *q, int lot, bool cascade,
                              tnd_check_result *r)
{
    const tnd_fact *fact = tnd_bid_fact(bid, q->fact, q->year);
    bool judged = q->kind == TND_REQ_BIDS_PRODUCT || fact;
    bool met = judged && requirement_met(bid, q, fact);
    tnd_finding *f = NULL;
    if (judged && !tnd_finding_texts_wanted(r, met ? TND_PASS : TND_FAIL)) {
        f = tnd_add_finding(r, 2, &q->ref, lot, TND_PASS, "%s", ""); /* dropped: no texts */
        if (f)
            f->cascade = cascade;
        return;
    }
    char subject[TND_NAME_LEN], found[TND_VALUE_LEN] = "", norm[TND_VALUE_LEN] = "";
    char values[TND_VALUE_LEN] = "";
    for (int i = 0; i < q->n_values; i++)
        list_append(values, sizeof values, q->values[i]);
    fact_subject(q, subject, sizeof subject);
    const char *outcome = met ? "voldaan" : "niet voldaan";

    if (q->kind == TND_REQ_BIDS_PRODUCT) {
        bids_product(bid, q, found, sizeof found);
        snprintf(subject, sizeof subject, "perceel %d", q->product_lot);
        tnd_finding_set(norm, sizeof norm, "een van %s", values);
        if (!found[0])
            snprintf(found, sizeof found, "geen inschrijving");
        f = tnd_add_finding(r, 2, &q->ref, lot, met ? TND_PASS : TND_FAIL,
                            "perceel %d: %s; norm een van %s: %s", q->product_lot, found, values,
                            outcome);
    } else if (!fact) {
        f = tnd_add_finding(r, 2, &q->ref, lot, TND_MISSING, "%s: gegeven ontbreekt", subject);
        snprintf(found, sizeof found, "ontbreekt");
    } else if (q->kind == TND_REQ_FLAG) {
        snprintf(found, sizeof found, "%s", fact->flag ? "ja" : "nee");
        snprintf(norm, sizeof norm, "ja");
        f = tnd_add_finding(r, 2, &q->ref, lot, met ? TND_PASS : TND_FAIL, "%s: %s; vereist: ja",
                            subject, found);
    } else if (q->kind == TND_REQ_NUMBER || q->kind == TND_REQ_MONEY) {
        char limit[40];
        if (q->kind == TND_REQ_NUMBER) {
            tnd_dec_nl_compact(fact->number, found);
            tnd_dec_nl_compact(q->number, limit);
        } else {
            tnd_cents_nl(fact->money, found);
            tnd_cents_nl(q->money, limit);
        }
        snprintf(norm, sizeof norm, "%s %s", tnd_op_symbol(q->op), limit);
        f = tnd_add_finding(r, 2, &q->ref, lot, met ? TND_PASS : TND_FAIL,
                            "%s is %s; norm %s: %s", subject, found, norm, outcome);
    } else if (q->kind == TND_REQ_ONE_OF) {
        for (int i = 0; i < fact->n_values; i++)
            list_append(found, sizeof found, fact->values[i]);
        tnd_finding_set(norm, sizeof norm, "een van %s", values);
        f = tnd_add_finding(r, 2, &q->ref, lot, met ? TND_PASS : TND_FAIL,
                            "%s: %s; norm een van %s: %s", subject, found[0] ? found : "geen",
                            values, outcome);
    }
    describe(f, subject, found, norm);
    if (f)
        f->cascade = cascade;
}

/* §5.6 "cumulatief": the lot's own requirements, then those of the lot it includes (GGZ 3 ->
 * GGZ 2 -> GGZ 1), all reported on `lot`. The chain is bounded by the number of lots, so a cyclic
 * definition cannot loop. */
void tnd_rules_requirements(const tnd_definition *def, const tnd_bid *bid, int lot, bool cascade,
                            tnd_check_result *r)
{
    if (!cascade && !tnd_bid_applies(bid, lot))
        return;
    int current = lot;
    for (size_t depth = 0; current != 0 && depth <= def->n_lots; depth++) {
        for (size_t i = 0; i < def->n_requirements; i++)
            if (def->requirements[i].lot == current)
                judge_requirement(bid, &def->requirements[i], lot, cascade, r);
        const tnd_lot *l = tnd_definition_lot(def, current);
        current = l ? l->requirements_include : 0;
    }
}

/* ------------------------------------------------------------------ §9, §8.5.3 intensity */

/* The value with 2 decimals, rounded once from the exact fraction. */
static void intensity_nl(const tnd_intensity_result *res, char *buf, size_t size)
{
    char text[32];
    tnd_dec_nl(tnd_fraction_round(res->num, res->den, 2), 2, text);
    snprintf(buf, size, "%s", text);
}

/* "J: 4,1 t/m 4,6", "D: 1,2 tot 1,8" */
static void band_text(const tnd_intensity_scale *scale, const char *code, char *buf, size_t size)
{
    for (size_t i = 0; i < scale->n_bands; i++) {
        const tnd_intensity_band *b = &scale->bands[i];
        if (strcmp(b->code, code) != 0)
            continue;
        char from[40], to[40];
        tnd_dec_nl_compact(b->from, from);
        tnd_dec_nl_compact(b->to, to);
        snprintf(buf, size, "%s: %s%s %s %s", code, b->from_inclusive ? "" : "> ", from,
                 b->to_inclusive ? "t/m" : "tot", to);
        return;
    }
    snprintf(buf, size, "%s: geen band", code[0] ? code : "niets opgegeven");
}

/* Marks finding f as deciding product `code` of `lot` alone, when the lot has that product. */
static void scope_to_product(tnd_finding *f, const tnd_lot *lot, const char *code)
{
    if (f && lot && code[0] && tnd_lot_product(lot, code))
        tnd_finding_set(f->product, sizeof f->product, "%s", code);
}

/* The verdict of a claim the computation does not support: the definition's (REVIEW for a
 * verification meeting, §4.1.8 L567-573), FAIL when it names none. */
static tnd_verdict mismatch_verdict(tnd_verdict configured)
{
    return configured > TND_PASS ? configured : TND_FAIL;
}

/*
 * The computed intensity against the claim (§9 L4148-4163, §8.5.3): in one band and claimed: PASS;
 * another band claimed: `mismatch`; on a limit shared by two bands ("grensgeval") and one of them
 * claimed: REVIEW, to be agreed; outside every band: `mismatch`, no intensity. `note` is appended
 * to the reason (the occupancy floor). The finding decides the claimed product only (§3.2
 * L218-219: products are bid separately).
 */
static void judge_claim(const tnd_rule_ref *ref, const tnd_lot *lot_def, int lot,
                        const tnd_intensity_scale *scale, const tnd_intensity_result *res,
                        const char *name, const char *claimed, const char *note,
                        tnd_verdict mismatch, tnd_check_result *r)
{
    char value[32], found[TND_VALUE_LEN], norm[TND_VALUE_LEN];
    intensity_nl(res, value, sizeof value);
    band_text(scale, claimed, norm, sizeof norm);
    const char *shown = claimed[0] ? claimed : "niets";
    const char *held = mismatch == TND_REVIEW ? "; aangehouden voor verificatieoverleg" : "";
    tnd_finding *f;
    if (res->outcome == TND_INTENSITY_IN_BAND) {
        const char *code = scale->bands[res->band[0]].code;
        bool met = strcmp(code, claimed) == 0;
        snprintf(found, sizeof found, "%s => %s", value, code);
        if (met)
            f = tnd_add_finding(r, 2, ref, lot, TND_PASS, "%s%s", found, note);
        else
            f = tnd_add_finding(r, 2, ref, lot, mismatch, "%s => berekend %s, opgegeven %s%s%s",
                                value, code, shown, note, held);
    } else if (res->outcome == TND_INTENSITY_BOUNDARY) {
        const char *low = scale->bands[res->band[0]].code, *high = scale->bands[res->band[1]].code;
        bool candidate = strcmp(low, claimed) == 0 || strcmp(high, claimed) == 0;
        snprintf(found, sizeof found, "%s => %s of %s", value, low, high);
        if (candidate)
            f = tnd_add_finding(r, 2, ref, lot, TND_REVIEW, "grensgeval %s: %s of %s, in overleg%s",
                                value, low, high, note);
        else
            f = tnd_add_finding(r, 2, ref, lot, mismatch,
                                "grensgeval %s: %s of %s; opgegeven %s%s%s", value, low, high,
                                shown, note, held);
    } else {
        snprintf(found, sizeof found, "%s", value);
        f = tnd_add_finding(r, 2, ref, lot, mismatch,
                            "%s: buiten alle banden: geen intensiteit%s%s", value, note, held);
    }
    describe(f, name, found, norm);
    scope_to_product(f, lot_def, claimed);
}

static const tnd_occupancy_rule *occupancy_rule(const tnd_residential_rules *res, const char *kind)
{
    for (int i = 0; i < res->n_occupancy; i++)
        if (strcmp(res->occupancy[i].kind, kind) == 0)
            return &res->occupancy[i];
    return NULL;
}

static const tnd_provider_max *provider_max(const tnd_residential_rules *res, const char *type)
{
    for (size_t i = 0; i < res->n_maxima; i++)
        if (strcmp(res->maxima[i].provider_type, type) == 0)
            return &res->maxima[i];
    return NULL;
}

/* The intensity product `code` of the lot (its group is the residential product group). */
static const tnd_product *intensity_product(const tnd_residential_rules *res, const tnd_lot *lot,
                                            const char *code)
{
    const tnd_product *p = tnd_lot_product(lot, code);
    return p && strcmp(p->group, res->product_group) == 0 ? p : NULL;
}

/* Does `product` exceed the provider type's maximum (§9.6)? */
static bool above_maximum(const tnd_residential_rules *res, const tnd_lot *lot,
                          const tnd_provider_max *max, const char *product)
{
    if (!max || !max->max_product[0])
        return false;
    const tnd_product *p = intensity_product(res, lot, product);
    const tnd_product *top = intensity_product(res, lot, max->max_product);
    return p && top && p->rank > top->rank;
}

/* "H, I" or "geen": what the bid offers on `lot`. */
static void offered_text(const tnd_bid *bid, int lot, char *buf, size_t size)
{
    const tnd_bid_lot *bl = tnd_bid_lot_find(bid, lot);
    buf[0] = '\0';
    for (int i = 0; bl && i < bl->n_products; i++)
        list_append(buf, size, bl->products[i]);
    if (!buf[0])
        snprintf(buf, size, "geen");
}

/* Eis 94: a provider delivers only intensities it bid on. */
static void judge_claim_offered(const tnd_rule_ref *ref, const tnd_bid *bid, int lot,
                                const char *name, const char *claimed, const char *why,
                                tnd_check_result *r)
{
    if (!claimed[0] || tnd_bid_applies_product(bid, lot, claimed))
        return;
    char offered[TND_VALUE_LEN], norm[TND_VALUE_LEN];
    offered_text(bid, lot, offered, sizeof offered);
    snprintf(norm, sizeof norm, "%s aangeboden op perceel %d", claimed, lot);
    tnd_finding *f = tnd_add_finding(r, 2, ref, lot, TND_FAIL,
                                     "opgegeven intensiteit %s niet aangeboden op perceel %d%s",
                                     claimed, lot, why);
    describe(f, name, offered, norm);
}

/* §9.6: the bid's own intensity products may not exceed its provider type's maximum. */
static void judge_offered_maximum(const tnd_definition *def, const tnd_bid *bid, const tnd_lot *lot,
                                  tnd_check_result *r)
{
    const tnd_residential_rules *res = &def->residential;
    const tnd_provider_max *max = provider_max(res, bid->provider_type);
    const tnd_bid_lot *bl = tnd_bid_lot_find(bid, res->lot);
    for (int i = 0; bl && i < bl->n_products; i++) {
        if (!above_maximum(res, lot, max, bl->products[i]))
            continue;
        char subject[TND_NAME_LEN], norm[TND_VALUE_LEN];
        snprintf(subject, sizeof subject, "perceel %d: %s", res->lot, bl->products[i]);
        snprintf(norm, sizeof norm, "<= %s", max->max_product);
        tnd_verdict v = mismatch_verdict(res->on_mismatch);
        tnd_finding *f = tnd_add_finding(r, 2, &res->max_rule, res->lot, v,
                                         "intensiteit %s aangeboden; maximale intensiteit voor %s "
                                         "is %s%s",
                                         bl->products[i], bid->provider_type, max->max_product,
                                         v == TND_REVIEW ? "; aangehouden voor verificatieoverleg"
                                                         : "");
        describe(f, subject, bl->products[i], norm);
        scope_to_product(f, lot, bl->products[i]);
    }
}

/* Provider type number i of the bid: 0 is the bid's own, then each residential group's. */
static const char *provider_type_at(const tnd_bid *bid, size_t i)
{
    return i == 0 ? bid->provider_type : bid->residential_groups[i - 1].provider_type;
}

/* §9.6: a provider type that must bid several intensities (fasehuis: at least two). Checked once
 * per provider type present in the bid (the bid's own and each group's). */
static void judge_min_products(const tnd_definition *def, const tnd_bid *bid, const tnd_lot *lot,
                               tnd_check_result *r)
{
    const tnd_residential_rules *res = &def->residential;
    const tnd_bid_lot *bl = tnd_bid_lot_find(bid, res->lot);
    int offered = 0;
    for (int i = 0; bl && i < bl->n_products; i++)
        offered += intensity_product(res, lot, bl->products[i]) != NULL;
    for (size_t t = 0; t <= bid->n_residential_groups; t++) {
        const char *type = provider_type_at(bid, t);
        bool seen = false;
        for (size_t e = 0; e < t && !seen; e++)
            seen = strcmp(provider_type_at(bid, e), type) == 0;
        const tnd_provider_max *max = type[0] && !seen ? provider_max(res, type) : NULL;
        if (!max || max->min_products <= 0 || offered >= max->min_products)
            continue;
        char found[16], norm[32];
        snprintf(found, sizeof found, "%d", offered);
        snprintf(norm, sizeof norm, ">= %d", max->min_products);
        tnd_finding *f = tnd_add_finding(r, 2, &res->max_rule, res->lot, TND_FAIL,
                                         "%s biedt %d %s aan; vereist: minimaal %d", type, offered,
                                         offered == 1 ? "intensiteit" : "intensiteiten",
                                         max->min_products);
        describe(f, type, found, norm);
    }
}

/* One residential group of lot 8: classification, provider maximum, eis 94. */
static void judge_residential_group(const tnd_definition *def, const tnd_bid *bid,
                                    const tnd_lot *lot, const tnd_residential_group *g,
                                    tnd_check_result *r)
{
    const tnd_residential_rules *res = &def->residential;
    const tnd_occupancy_rule *occ = occupancy_rule(res, g->kind);
    tnd_intensity_result result;
    tnd_finding *f;
    if (!occ) {
        f = tnd_add_finding(r, 2, &res->ref, res->lot, TND_REVIEW,
                            "onbekende groepssoort %s: geen bezettingsregel in de definitie",
                            g->kind);
        describe(f, g->name, g->kind, "groepssoort uit de definitie");
    } else if (!tnd_intensity_residential(&res->scale, occ, g->youths, g->occupancy,
                                          g->staff_hours_week, &result)) {
        f = tnd_add_finding(r, 2, &res->ref, res->lot, TND_REVIEW,
                            "niet te berekenen: ongeldige groepsgegevens (jeugdigen, "
                            "bezettingsgraad of uren)");
        describe(f, g->name, "ongeldig", "jeugdigen >= 1, bezettingsgraad 0-100%");
    } else {
        char note[TND_REASON_LEN] = "";
        if (result.floor_applied) {
            char given[40], floor[40];
            tnd_dec_nl_compact((tnd_dec){ g->occupancy.units * 100 }, given);
            tnd_dec_nl_compact((tnd_dec){ result.occupancy_used.units * 100 }, floor);
            snprintf(note, sizeof note, "; bezettingsgraad %s%% verhoogd naar ondergrens %s%%",
                     given, floor);
        }
        judge_claim(&res->ref, lot, res->lot, &res->scale, &result, g->name, g->claimed, note,
                    mismatch_verdict(res->on_mismatch), r);
    }

    const tnd_provider_max *max =
        provider_max(res, g->provider_type[0] ? g->provider_type : bid->provider_type);
    if (above_maximum(res, lot, max, g->claimed)) {
        char norm[TND_VALUE_LEN];
        tnd_verdict v = mismatch_verdict(res->on_mismatch);
        snprintf(norm, sizeof norm, "<= %s", max->max_product);
        f = tnd_add_finding(r, 2, &res->max_rule, res->lot, v,
                            "maximale intensiteit voor %s is %s; opgegeven %s%s",
                            max->provider_type, max->max_product, g->claimed,
                            v == TND_REVIEW ? "; aangehouden voor verificatieoverleg" : "");
        describe(f, g->name, g->claimed, norm);
        scope_to_product(f, lot, g->claimed);
    }
    judge_claim_offered(&res->max_rule, bid, res->lot, g->name, g->claimed, " (eis 94)", r);
}

/* Bijlage XII L4891-4908 gives a staffing norm per class ("één begeleider op 3 jeugdigen" for
 * zwaar) that does not agree with the §8.5.3 bands: 1 op 3 is 0,333, middelzwaar. A group staffed
 * exactly at the norm of the class it claims, whose computation puts it in another class, followed
 * the document's own example: REVIEW naming the norm's resolution, never a silent refusal. */
static void staffed_at_the_norm(const tnd_group_rules *grp, const tnd_day_group *g, tnd_finding *f)
{
    if (f->verdict != TND_FAIL || g->staff_hours_week.units <= 0)
        return;
    for (int i = 0; i < grp->n_staffing && i < (int)TND_COUNTOF(grp->staffing); i++) {
        if (strcmp(grp->staffing[i].band, g->claimed) != 0 || !grp->staffing[i].resolution[0])
            continue;
        /* youths x opening hours = norm x staff hours: one staff member per `norm` youths */
        __extension__ __int128 lhs = (__int128)g->youths * g->opening_hours_week.units *
                                     TND_DEC_SCALE;
        __extension__ __int128 rhs =
            (__int128)grp->staffing[i].youths_per_staff.units * g->staff_hours_week.units;
        if (lhs != rhs)
            return;
        char norm[40];
        tnd_dec_nl_compact(grp->staffing[i].youths_per_staff, norm);
        f->verdict = TND_REVIEW;
        size_t len = strlen(f->reason);
        snprintf(f->reason + len, sizeof f->reason - len,
                 "; precies de personeelsnorm voor %s (één begeleider op %s jeugdigen, Bijlage XII): "
                 "beoordelen", g->claimed, norm);
        snprintf(f->resolution, sizeof f->resolution, "%s", grp->staffing[i].resolution);
        return;
    }
}

/* One day group of lot 6: the group-care scale, no occupancy and no provider maxima. */
static void judge_day_group(const tnd_definition *def, const tnd_bid *bid, const tnd_day_group *g,
                            tnd_check_result *r)
{
    const tnd_group_rules *grp = &def->group;
    tnd_intensity_result result;
    if (!tnd_intensity_group(&grp->scale, g->youths, g->opening_hours_week, g->staff_hours_week,
                             &result)) {
        tnd_finding *f = tnd_add_finding(r, 2, &grp->ref, grp->lot, TND_REVIEW,
                                         "niet te berekenen: ongeldige groepsgegevens (jeugdigen, "
                                         "openingsuren of uren)");
        describe(f, g->name, "ongeldig", "jeugdigen >= 1, openingsuren > 0");
    } else {
        size_t before = r->n_findings;
        judge_claim(&grp->ref, tnd_definition_lot(def, grp->lot), grp->lot, &grp->scale, &result,
                    g->name, g->claimed, "", TND_FAIL, r);
        if (r->n_findings > before && !r->out_of_memory)
            staffed_at_the_norm(grp, g, &r->findings[r->n_findings - 1]);
    }
    judge_claim_offered(&grp->ref, bid, grp->lot, g->name, g->claimed, "", r);
}

/* Completeness of the group-care lot (IJsselland §8.3.2 L3348-3349): the bid states which
 * products it can deliver and the capacity available. Step 1, of that lot only. */
static void judge_group_capacity(const tnd_definition *def, const tnd_bid *bid,
                                 tnd_check_result *r)
{
    const tnd_group_rules *grp = &def->group;
    const tnd_bid_lot *bl = tnd_bid_lot_find(bid, grp->lot);
    if (!grp->capacity_rule.id[0] || !bl)
        return;
    char found[TND_VALUE_LEN];
    tnd_finding *f;
    if (bl->n_products > 0 && bl->capacity > 0) {
        snprintf(found, sizeof found, "%ld plaatsen", bl->capacity);
        f = tnd_add_finding(r, 1, &grp->capacity_rule, grp->lot, TND_PASS,
                            "voorzieningen en capaciteit opgegeven: %ld plaatsen", bl->capacity);
    } else {
        snprintf(found, sizeof found, "%s", bl->n_products ? "geen capaciteit" : "geen producten");
        f = tnd_add_finding(r, 1, &grp->capacity_rule, grp->lot, TND_MISSING,
                            "ontbreekt: %s; geef bij perceel %d de voorzieningen en de beschikbare "
                            "capaciteit op", bl->n_products ? "beschikbare capaciteit"
                                                            : "voorzieningen groepsaanbod",
                            grp->lot);
    }
    describe(f, "capaciteit", found, "voorzieningen en capaciteit > 0");
}

/* Completeness of the residential lot (IJsselland §9 L4156-4158, the rekentool): every intensity
 * product bid that the scale classifies has at least one group whose calculation claims it. A
 * missing calculation is MISSING for that product alone (§3.2 L218-219). Step 1. */
static void judge_calculations(const tnd_definition *def, const tnd_bid *bid, const tnd_lot *lot,
                               tnd_check_result *r)
{
    const tnd_residential_rules *res = &def->residential;
    const tnd_bid_lot *bl = tnd_bid_lot_find(bid, res->lot);
    if (!res->calc_rule.id[0] || !bl)
        return;
    bool all = true;
    for (int i = 0; i < bl->n_products; i++) {
        const char *code = bl->products[i];
        bool banded = false;
        for (size_t b = 0; b < res->scale.n_bands; b++)
            banded = banded || strcmp(res->scale.bands[b].code, code) == 0;
        if (!banded || !intensity_product(res, lot, code))
            continue; /* pleegzorg A/B and jeugd-ggz classes have no staffing calculation */
        bool claimed = false;
        for (size_t g = 0; g < bid->n_residential_groups && !claimed; g++)
            claimed = strcmp(bid->residential_groups[g].claimed, code) == 0;
        if (claimed)
            continue;
        all = false;
        char subject[TND_NAME_LEN];
        snprintf(subject, sizeof subject, "perceel %d: %s", res->lot, code);
        tnd_finding *f = tnd_add_finding(r, 1, &res->calc_rule, res->lot, TND_MISSING,
                                         "ontbreekt: berekening per groep voor intensiteit %s; "
                                         "voeg een groep met haar berekening toe die %s opgeeft",
                                         code, code);
        describe(f, subject, "geen groep", "een groep per opgegeven intensiteit");
        scope_to_product(f, lot, code);
    }
    if (all) {
        tnd_finding *f = tnd_add_finding(r, 1, &res->calc_rule, res->lot, TND_PASS,
                                         "berekening per groep achter elke opgegeven intensiteit");
        describe(f, "berekening", "aanwezig", "een groep per opgegeven intensiteit");
    }
}

/* Day groups first, then residential groups: document order (§8.5.3 before §9), which is also
 * lot order (6 before 8). */
void tnd_rules_intensity(const tnd_definition *def, const tnd_bid *bid, tnd_check_result *r)
{
    judge_group_capacity(def, bid, r);
    if (def->group.lot && tnd_bid_applies(bid, def->group.lot))
        for (size_t i = 0; i < bid->n_day_groups; i++)
            judge_day_group(def, bid, &bid->day_groups[i], r);
    const tnd_residential_rules *res = &def->residential;
    if (res->lot && tnd_bid_applies(bid, res->lot)) {
        const tnd_lot *lot = tnd_definition_lot(def, res->lot);
        judge_calculations(def, bid, lot, r);
        judge_offered_maximum(def, bid, lot, r);
        judge_min_products(def, bid, lot, r);
        for (size_t i = 0; i < bid->n_residential_groups; i++)
            judge_residential_group(def, bid, lot, &bid->residential_groups[i], r);
    }
}
