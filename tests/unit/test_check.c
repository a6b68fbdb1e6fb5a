/*
 * test_check.c - steps 1 and 2 of the evaluation (§6) and the lot placement (§4.3.1): the check
 * engine core of scoring/check.c.
 *
 * The tender definition is built here as an IJsselland-like file would hold it: nine lots, the
 * lot combination rules of §4.3.1 L945-958, the cascade 5 -> 3 -> 1 (4 -> 3 -> 1 awarded, 3 -> 1,
 * 2 -> 1), the step-1 items, a few UEA grounds of parts III A, III B and III C (§5.2), the
 * documents with their age limits, and enough of the other families (financial norms, insurance,
 * references, quality, AGB, §5.6 requirements) that a complete bid passes them all. Each test
 * starts from that complete bid and changes the one thing it is about.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "scoring/check_internal.h"

#define D(u) ((tnd_dec){ (u) })
#define DATE(y, m, d) ((tnd_date){ (y), (m), (d) })
#define EURO(e) ((tnd_cents)(e) * 100)

/* ------------------------------------------------------------------ the definition */

enum { N_LOTS = 9, N_COMBOS = 5, N_REQUIRED = 12, N_GROUNDS = 4, N_DOCUMENTS = 3,
       N_QUALITY = 2, N_REQUIREMENTS = 3, N_DECLARATIONS = 8, N_RES_BANDS = 3, N_GRP_BANDS = 2 };

typedef struct {
    tnd_definition def;
    tnd_resolution resolutions[1];
    tnd_lot lots[N_LOTS];
    tnd_product products[N_LOTS][12];
    tnd_combo_rule combos[N_COMBOS];
    tnd_required_item required[N_REQUIRED];
    tnd_ground grounds[N_GROUNDS];
    tnd_document_rule documents[N_DOCUMENTS];
    tnd_quality_rule quality[N_QUALITY];
    tnd_keurmerk_rule keurmerken[1];
    tnd_requirement requirements[N_REQUIREMENTS];
    tnd_declaration_rule declarations[N_DECLARATIONS];
    tnd_intensity_band res_bands[N_RES_BANDS];
    tnd_intensity_band grp_bands[N_GRP_BANDS];
    tnd_provider_max maxima[1];
    tnd_award_lot awards[1];
} def_fixture;

static void set_ref(tnd_rule_ref *ref, const char *id, const char *source, const char *label)
{
    strcpy(ref->id, id);
    strcpy(ref->source, source);
    strcpy(ref->label, label);
}

static void add_product(tnd_lot *lot, const char *code, const char *group, int rank)
{
    tnd_product *p = &lot->products[lot->n_products++];
    strcpy(p->code, code);
    strcpy(p->name, code);
    strcpy(p->group, group);
    p->rank = rank;
}

static void build_lots(def_fixture *f)
{
    static const char *const tg[] = { "TG1", "TG2", "TG3", "TG4", "TG5", "TG6", "TG7" };
    static const char *const groups[] = { "licht", "middel", "middelzwaar", "zwaar" };
    static const char *const intensities[] = { "C", "D", "E", "F", "G", "H", "I", "J", "K" };
    for (int i = 0; i < N_LOTS; i++) {
        tnd_lot *lot = &f->lots[i];
        lot->number = i + 1;
        snprintf(lot->name, sizeof lot->name, "Perceel %d", i + 1);
        strcpy(lot->source, "§3.2 L224-240");
        lot->products = f->products[i];
        if (lot->number <= 5)
            for (int k = 0; k < 7; k++)
                add_product(lot, tg[k], "", k);
        else if (lot->number == 6)
            for (int k = 0; k < 4; k++)
                add_product(lot, groups[k], "", k);
        else if (lot->number == 7) {
            add_product(lot, "MST", "", 0);
            add_product(lot, "ZIT", "", 1);
        } else if (lot->number == 8)
            for (int k = 0; k < 9; k++)
                add_product(lot, intensities[k], "intensiteit", k + 2);
        else {
            add_product(lot, "diagnostiek", "", 0);
            add_product(lot, "behandeling", "", 1);
        }
    }
    f->lots[3].requirements_include = 3; /* §5.6: GGZ 2 meets all of GGZ 1 */
    f->lots[4].requirements_include = 4; /* GGZ 3 meets all of GGZ 2 */
    f->def.lots = f->lots;
    f->def.n_lots = N_LOTS;
}

/* §4.3.1 L945-958 */
static void build_combinations(def_fixture *f)
{
    tnd_combo_rule *c = f->combos;
    set_ref(&c[0].ref, "COMBI-1-5", "§4.3.1 L945", "Ten hoogste één van de percelen 1 t/m 5");
    c[0].kind = TND_COMBO_AT_MOST;
    c[0].count = 1;
    for (int i = 0; i < 5; i++)
        c[0].lots[c[0].n_lots++] = i + 1;
    set_ref(&c[1].ref, "COMBI-6", "§4.3.1 L948-950", "Perceel 6 alleen met een van 1 t/m 5");
    c[1].kind = TND_COMBO_REQUIRES_ANY;
    c[1].lot = 6;
    for (int i = 0; i < 5; i++)
        c[1].lots[c[1].n_lots++] = i + 1;
    set_ref(&c[2].ref, "COMBI-7", "§4.3.1 L948-950", "Perceel 7 alleen met een van 1 t/m 5");
    c[2].kind = TND_COMBO_REQUIRES_ANY;
    c[2].lot = 7;
    for (int i = 0; i < 5; i++)
        c[2].lots[c[2].n_lots++] = i + 1;
    set_ref(&c[3].ref, "COMBI-8", "§4.3.1 L953-955", "Perceel 8 alleen met een van 1 t/m 6");
    c[3].kind = TND_COMBO_REQUIRES_ANY;
    c[3].lot = 8;
    for (int i = 0; i < 6; i++)
        c[3].lots[c[3].n_lots++] = i + 1;
    strcpy(c[3].except_provider_types[c[3].n_except++], "gezinshuis");
    set_ref(&c[4].ref, "COMBI-9", "§4.3.1 L946-947", "Perceel 9: beide voorzieningen");
    c[4].kind = TND_COMBO_ALL_PRODUCTS;
    c[4].lot = 9;
    f->def.combo_rules = c;
    f->def.n_combo_rules = N_COMBOS;
}

/* §4.3.1 L958-969, resolution: 5 -> 3 -> 1, 4 -> 3 -> 1 (awarded), 3 -> 1, 2 -> 1. */
static void build_cascade(def_fixture *f)
{
    tnd_cascade *c = &f->def.cascade;
    set_ref(&c->ref, "CASCADE", "§4.3.1 L958-969", "Terugval naar een lager perceel");
    c->chains[0] = (tnd_cascade_chain){ 5, { 3, 1 }, 2, false };
    c->chains[1] = (tnd_cascade_chain){ 4, { 3, 1 }, 2, true };
    c->chains[2] = (tnd_cascade_chain){ 3, { 1 }, 1, false };
    c->chains[3] = (tnd_cascade_chain){ 2, { 1 }, 1, false };
    c->n_chains = 4;
    c->opt_out_allowed = true;
    tnd_award_lot *a = &f->awards[0];
    set_ref(&a->ref, "GUNNING-4", "§6.1.2", "Gunning perceel 4");
    a->lot = 4;
    a->kind = TND_AWARD_RANKED;
    a->max_awarded = 5;
    f->def.awards = f->awards;
    f->def.n_awards = 1;
}

/* §6 step 1 */
static void build_required(def_fixture *f)
{
    static const char *const items[N_REQUIRED] = {
        "submission-time", "uea", "financial-figures", "going-concern-statement", "insurance",
        "quality-evidence", "kvk-extract", "references", "agb", "truthfulness-declaration",
        "signature", "lots",
    };
    for (int i = 0; i < N_REQUIRED; i++) {
        tnd_required_item *r = &f->required[i];
        char id[TND_ID_LEN];
        snprintf(id, sizeof id, "VOLLEDIG-%s", items[i]);
        set_ref(&r->ref, id, "§6 L1650-1660", items[i]);
        strcpy(r->item, items[i]);
    }
    f->def.required = f->required;
    f->def.n_required = N_REQUIRED;
}

/* §5.2 L1290-1300 */
static void build_exclusion(def_fixture *f)
{
    static const struct {
        const char *code, *part, *label;
        tnd_ground_effect effect;
    } g[N_GROUNDS] = {
        { "corruption", "IIIA", "Corruptie", TND_GROUND_EXCLUDE },
        { "tax-payment", "IIIB", "Betaling van belastingen", TND_GROUND_EXCLUDE },
        { "bankruptcy", "IIIC", "Faillissement", TND_GROUND_REVIEW },
        { "conflict-of-interest", "IIIC", "Belangenconflict", TND_GROUND_NOT_APPLIED },
    };
    set_ref(&f->def.exclusion.ref, "UITSLUITING", "§5.2 L1290-1296", "Uitsluitingsgronden (UEA)");
    for (int i = 0; i < N_GROUNDS; i++) {
        strcpy(f->grounds[i].code, g[i].code);
        strcpy(f->grounds[i].part, g[i].part);
        strcpy(f->grounds[i].label, g[i].label);
        f->grounds[i].effect = g[i].effect;
        snprintf(f->grounds[i].source, sizeof f->grounds[i].source, "§5.2 L1293 UEA deel %s",
                 g[i].part);
    }
    f->def.exclusion.grounds = f->grounds;
    f->def.exclusion.n_grounds = N_GROUNDS;
}

/* §5.2 L1298 (KvK at submission), §5.9 (on request) */
static void build_documents(def_fixture *f)
{
    tnd_document_rule *d = f->documents;
    set_ref(&d[0].ref, "DOC-KVK", "§5.2 L1298", "Uittreksel KvK niet ouder dan 6 maanden");
    strcpy(d[0].document, "kvk-extract");
    d[0].max_months = 6;
    d[0].when = TND_DOC_AT_SUBMISSION;
    set_ref(&d[1].ref, "DOC-GVA", "§5.2 L1302; §5.9", "Gedragsverklaring Aanbesteden");
    strcpy(d[1].document, "gedragsverklaring");
    d[1].max_months = 24;
    d[1].when = TND_DOC_ON_REQUEST;
    set_ref(&d[2].ref, "DOC-BELASTING", "§5.2 L1304; §5.9", "Verklaring Belastingdienst");
    strcpy(d[2].document, "belastingverklaring");
    d[2].max_months = 6;
    d[2].when = TND_DOC_ON_REQUEST;
    f->def.documents = d;
    f->def.n_documents = N_DOCUMENTS;
}

static void fin_item(tnd_financial_rules *fin, const char *id, const char *label, int first,
                     int last, bool negative)
{
    tnd_fin_item *it = &fin->items[fin->n_items++];
    strcpy(it->id, id);
    strcpy(it->label, label);
    for (int y = first; y <= last; y++)
        it->years[it->n_years++] = y;
    it->may_be_negative = negative;
}

static void fin_norm(tnd_financial_rules *fin, const char *id, const char *label, int num0,
                     int num1, int den, int64_t threshold, bool percent, int places, int last)
{
    tnd_fin_norm *n = &fin->norms[fin->n_norms++];
    set_ref(&n->ref, id, "§5.3.1 L1355-1360", label);
    n->num_items[n->n_num++] = num0;
    if (num1 >= 0)
        n->num_items[n->n_num++] = num1;
    n->den_items[n->n_den++] = den;
    n->op = TND_OP_GT;
    n->threshold = D(threshold);
    n->percent = percent;
    n->display_places = places;
    for (int y = 2019; y <= last; y++)
        n->years[n->n_years++] = y;
    n->degenerate = TND_DEGENERATE_NOT_MET;
}

/* §5.3.1 L1338-1393 */
static void build_financial(def_fixture *f)
{
    tnd_financial_rules *fin = &f->def.financial;
    set_ref(&fin->ref, "FIN", "§5.3.1 L1338-1393", "Financiële geschiktheid");
    fin_item(fin, "resultaat", "Resultaat", 2019, 2023, true);
    fin_item(fin, "omzet", "Omzet", 2019, 2023, false);
    fin_item(fin, "eigen-vermogen", "Totaal eigen vermogen", 2019, 2021, true);
    fin_item(fin, "activa", "Totaal activa", 2019, 2021, false);
    fin_item(fin, "vlottende-activa", "Totaal vlottende activa", 2019, 2021, false);
    fin_item(fin, "liquide-middelen", "Liquide middelen", 2019, 2021, false);
    fin_item(fin, "kortlopende-schulden", "Totaal overige kortlopende schulden", 2019, 2021, false);
    fin_norm(fin, "FIN-RENTABILITEIT", "Rentabiliteit", 0, -1, 1, 15000, true, 2, 2023);
    fin_norm(fin, "FIN-SOLVABILITEIT", "Solvabiliteit", 2, -1, 3, 200000, true, 1, 2021);
    fin_norm(fin, "FIN-CURRENT-RATIO", "Current ratio", 4, 5, 6, 1000000, false, 2, 2021);
    fin->norms[2].degenerate = TND_DEGENERATE_MET_IF_POSITIVE;
    set_ref(&fin->year_rule, "FIN-JAREN", "§5.3.1 L1371-1378", "Per norm, niet per jaar");
    fin->bands[0] = (tnd_year_band){ 0, 1, TND_PASS };
    fin->bands[1] = (tnd_year_band){ 2, 2, TND_REVIEW };
    fin->bands[2] = (tnd_year_band){ 3, -1, TND_PLAN_REQUIRED };
    fin->n_bands = 3;
    set_ref(&fin->going_concern, "FIN-CONTINUITEIT", "§5.3.1 L1380-1384", "Continuïteit");
    fin->going_concern_year = 2021;
    fin->going_concern_verdict = TND_PLAN_REQUIRED;
    set_ref(&fin->startup, "FIN-STARTER", "§5.3.1 L1386-1389", "Startende onderneming");
    fin->startup_verdict = TND_REVIEW;
    set_ref(&fin->plan, "FIN-PLAN", "§5.3.1 L1390-1393", "Aanvullend plan van aanpak");
}

/* §5.3.2, §5.4, §5.5 */
static void build_suitability(def_fixture *f)
{
    tnd_definition *def = &f->def;
    set_ref(&def->insurance.ref, "VERZEKERING", "§5.3.2 L1395-1411", "Aansprakelijkheid");
    def->insurance.min_per_event = EURO(2000000);
    def->insurance.every_member = true;
    def->insurance.declared_only = TND_CONDITIONAL;

    tnd_reference_rules *ref = &def->references;
    set_ref(&ref->ref, "REF", "§5.4 L1413-1420", "Referenties");
    ref->count = 2;
    static const char *const kc[] = { "KC1", "KC2", "KC3" };
    for (int i = 0; i < 3; i++) {
        strcpy(ref->competences[i].id, kc[i]);
        strcpy(ref->competences[i].label, kc[i]);
    }
    ref->n_competences = 3;
    set_ref(&ref->competence_rule, "REF-KC", "§5.4 L1425-1450", "Kerncompetenties");
    ref->window_years = 3;
    set_ref(&ref->window_rule, "REF-PERIODE", "§5.4 L1455", "Periode");
    strcpy(ref->referent_kinds_allowed[ref->n_allowed++], "gemeente");
    strcpy(ref->referent_kinds_forbidden[ref->n_forbidden++], "rsj");
    set_ref(&ref->referent_rule, "REF-REFERENT", "§5.4 L1460", "Referent");
    set_ref(&ref->dissolved_rule, "REF-ONTBONDEN", "§5.4 L1470", "Ontbonden");
    set_ref(&ref->forecast_rule, "REF-PROGNOSE", "§5.4 L1465", "Lopend contract");
    set_ref(&ref->subcontractor_rule, "REF-ONDERAANNEMER", "§5.4 L1467", "Onderaannemer");
    set_ref(&ref->third_party_rule, "REF-DERDE", "§5.4 L1480-1487", "Beroep op derden");

    tnd_quality_rule *q = f->quality;
    set_ref(&q[0].ref, "KWALITEIT-1-7-9", "§5.5.1.1 L1495", "Kwaliteitssysteem");
    for (int l = 1; l <= 9; l++)
        if (l != 8)
            q[0].lots[q[0].n_lots++] = l;
    strcpy(q[0].schemes[q[0].n_schemes++], "HKZ");
    strcpy(q[0].schemes[q[0].n_schemes++], "ZIN-REGISTER");
    q[0].equivalent_review = true;
    set_ref(&q[1].ref, "KWALITEIT-8", "§5.5.1.1 L1505", "Kwaliteitssysteem verblijf");
    q[1].lots[q[1].n_lots++] = 8;
    strcpy(q[1].schemes[q[1].n_schemes++], "ISO-9001:2015");
    q[1].equivalent_review = true;
    def->quality = q;
    def->n_quality = N_QUALITY;

    tnd_keurmerk_rule *k = &f->keurmerken[0];
    set_ref(&k->ref, "KEURMERK-GEZINSHUIS", "§5.5.1.2 L1520", "Keurmerk gezinshuizen");
    k->lot = 8;
    strcpy(k->provider_type, "gezinshuis");
    strcpy(k->keurmerk, "keurmerk-gezinshuizen");
    k->in_progress = TND_CONDITIONAL;
    k->within_months = 12;
    def->keurmerken = k;
    def->n_keurmerken = 1;

    set_ref(&def->agb.ref, "AGB", "§5.5.1.3 L1535", "Eén AGB-code");
    def->agb.count = 1;
}

/* §5.6 L1540-1596 */
static void build_requirements(def_fixture *f)
{
    tnd_requirement *q = f->requirements;
    set_ref(&q[0].ref, "TG-3-FTE", "§5.6 L1570", "Minimaal 5 fte behandelaren in loondienst");
    q[0].lot = 3;
    q[0].kind = TND_REQ_NUMBER;
    strcpy(q[0].fact, "fte-behandelaren-loondienst");
    q[0].op = TND_OP_GE;
    q[0].number = D(5000000);
    set_ref(&q[1].ref, "TG-4-LOCATIE", "§5.6 L1580", "Minimaal 1 locatie in de regio");
    q[1].lot = 4;
    q[1].kind = TND_REQ_NUMBER;
    strcpy(q[1].fact, "locaties-in-regio");
    q[1].op = TND_OP_GE;
    q[1].number = D(1000000);
    set_ref(&q[2].ref, "TG-5-WVGGZ", "§5.6 L1592", "Voert de WVGGZ uit");
    q[2].lot = 5;
    q[2].kind = TND_REQ_FLAG;
    strcpy(q[2].fact, "wvggz");
    f->def.requirements = q;
    f->def.n_requirements = N_REQUIREMENTS;
}

/* §4.1.3, §4.1.5, §4.1.10, §5.8 */
static void build_declarations(def_fixture *f)
{
    static const struct {
        const char *id, *kind;
        tnd_verdict on_violation;
    } d[N_DECLARATIONS] = {
        { "VERKL-WAARHEID", "truthfulness", TND_FAIL },
        { "VERKL-ONDERTEKENING", "signatory", TND_FAIL },
        { "VERKL-HOOFDELIJK", "joint-liability", TND_FAIL },
        { "VERKL-PENVOERDER", "penvoerder", TND_FAIL },
        { "VERKL-DERDEN", "third-party-declaration", TND_FAIL },
        { "VERKL-HOLDING", "holding-declaration", TND_FAIL },
        { "VERKL-VOORBEHOUD", "no-reservations", TND_REVIEW },
        { "VERKL-TAAL", "language", TND_FAIL },
    };
    for (int i = 0; i < N_DECLARATIONS; i++) {
        set_ref(&f->declarations[i].ref, d[i].id, "§4.1.5", d[i].kind);
        strcpy(f->declarations[i].kind, d[i].kind);
        f->declarations[i].on_violation = d[i].on_violation;
    }
    f->def.declarations = f->declarations;
    f->def.n_declarations = N_DECLARATIONS;
}

/* §9 and §8.5.3: a few bands, so the intensity family has a scale to work with. */
static void build_intensity(def_fixture *f)
{
    tnd_residential_rules *res = &f->def.residential;
    set_ref(&res->ref, "INTENSITEIT-VERBLIJF", "§9 L4125-4175", "Begeleidingsintensiteit");
    res->lot = 8;
    strcpy(res->product_group, "intensiteit");
    f->res_bands[0] = (tnd_intensity_band){ "C", D(100000), true, D(1200000), true };
    f->res_bands[1] = (tnd_intensity_band){ "D", D(1200000), true, D(1800000), false };
    f->res_bands[2] = (tnd_intensity_band){ "E", D(1800000), true, D(2400000), false };
    res->scale.bands = f->res_bands;
    res->scale.n_bands = N_RES_BANDS;
    res->occupancy[0] = (tnd_occupancy_rule){ "regular", true, D(950000), "§9 L4136" };
    res->n_occupancy = 1;
    f->maxima[0] = (tnd_provider_max){ "gezinshuis", "E", 0, "§9.6 L4020" };
    res->maxima = f->maxima;
    res->n_maxima = 1;
    set_ref(&res->max_rule, "INTENSITEIT-MAX", "§9.6 L4005-4050", "Maximale intensiteit");
    tnd_group_rules *grp = &f->def.group;
    set_ref(&grp->ref, "INTENSITEIT-GROEP", "§8.5.3 L3521-3575", "Groepsintensiteit");
    grp->lot = 6;
    f->grp_bands[0] = (tnd_intensity_band){ "licht", D(100000), true, D(190000), true };
    f->grp_bands[1] = (tnd_intensity_band){ "middel", D(190000), true, D(280000), true };
    grp->scale.bands = f->grp_bands;
    grp->scale.n_bands = N_GRP_BANDS;
}

static void build_definition(def_fixture *f)
{
    memset(f, 0, sizeof *f);
    tnd_definition *def = &f->def;
    strcpy(def->id, "test-ijsselland");
    set_ref(&def->closing, "SLUITINGSTIJD", "§3.6 L381", "Uiterste moment van inschrijven");
    strcpy(def->closing.resolution, "R-SLUITINGSTIJD");
    def->closing_time = (tnd_datetime){ DATE(2022, 7, 18), 11, 0, 0 };
    strcpy(f->resolutions[0].id, "R-SLUITINGSTIJD");
    strcpy(f->resolutions[0].source, "§3.3 L253; §3.6 L381");
    strcpy(f->resolutions[0].text, "NvI 2 noemt 12:00, §3.6 noemt 11:00; aangehouden: 11:00");
    def->resolutions = f->resolutions;
    def->n_resolutions = 1;
    build_lots(f);
    build_combinations(f);
    build_cascade(f);
    build_required(f);
    build_exclusion(f);
    build_documents(f);
    build_financial(f);
    build_suitability(f);
    build_requirements(f);
    build_declarations(f);
    build_intensity(f);
}

/* ------------------------------------------------------------------ the complete bid */

typedef struct {
    tnd_bid bid;
    tnd_bid_lot lots[N_LOTS];
    char lot_products[N_LOTS][TND_MAX_BID_PRODUCTS][TND_CODE_LEN]; /* lots[i].products */
    tnd_uea_answer answers[3][N_GROUNDS];     /* bidder, member, third party */
    tnd_party members[1];
    tnd_party third_parties[1];
    tnd_figure figures[40];
    tnd_certificate certificates[2];
    tnd_reference references[3];
    tnd_fact facts[4];
    tnd_keurmerk keurmerken[1];
} bid_fixture;

/* UEA of a party: every ground of the tender answered "nee". */
static void answer_all_no(tnd_party *p, tnd_uea_answer *answers)
{
    static const char *const codes[] = { "corruption", "tax-payment", "bankruptcy",
                                         "conflict-of-interest" };
    p->has_uea = true;
    p->answers = answers;
    p->n_answers = N_GROUNDS;
    for (int i = 0; i < N_GROUNDS; i++) {
        strcpy(answers[i].code, codes[i]);
        answers[i].yes = false;
    }
}

static void set_answer(tnd_party *p, const char *code, bool yes)
{
    for (size_t i = 0; i < p->n_answers; i++)
        if (strcmp(p->answers[i].code, code) == 0)
            p->answers[i].yes = yes;
}

/* A party that meets every party requirement: UEA, insurance, documents. */
static void complete_party(tnd_party *p, const char *name, tnd_uea_answer *answers)
{
    strcpy(p->name, name);
    strcpy(p->kvk, "41237788");
    strcpy(p->legal_form, "stichting");
    answer_all_no(p, answers);
    p->has_part_iv = true;
    p->part_iv_yes = true;
    p->has_insurance = true;
    p->insurance_cover = EURO(2500000);
    p->named_insured = true;
    p->has_kvk_extract = true;
    p->kvk_extract = DATE(2022, 7, 4);
    p->has_gedragsverklaring = true;
    p->gedragsverklaring = DATE(2022, 3, 15);
    p->has_belastingverklaring = true;
    p->belastingverklaring = DATE(2022, 6, 1);
    p->joint_liability_signed = true;
}

static void add_figure(bid_fixture *b, const char *item, int year, tnd_cents amount)
{
    tnd_figure *fg = &b->figures[b->bid.n_figures++];
    strcpy(fg->item, item);
    fg->year = year;
    fg->amount = amount;
}

/* Bijlage XVI figures that meet every §5.3.1 norm in every year with a margin. */
static void complete_figures(bid_fixture *b)
{
    b->bid.figures = b->figures;
    b->bid.has_financials = true;
    for (int y = 2019; y <= 2023; y++) {
        add_figure(b, "resultaat", y, EURO(120000));
        add_figure(b, "omzet", y, EURO(5000000));
        if (y > 2021)
            continue;
        add_figure(b, "eigen-vermogen", y, EURO(1400000));
        add_figure(b, "activa", y, EURO(3200000));
        add_figure(b, "vlottende-activa", y, EURO(1500000));
        add_figure(b, "liquide-middelen", y, EURO(800000));
        add_figure(b, "kortlopende-schulden", y, EURO(1200000));
    }
}

static void complete_reference(tnd_reference *r, const char *referent, tnd_date start,
                               tnd_date end)
{
    strcpy(r->referent, referent);
    strcpy(r->referent_kind, "gemeente");
    r->start = start;
    r->has_end = true;
    r->end = end;
    static const char *const kc[] = { "KC1", "KC2", "KC3" };
    for (int i = 0; i < 3; i++)
        strcpy(r->competences[i], kc[i]);
    r->n_competences = 3;
    r->has_clients_served = true;
    r->clients_served = 40;
}

static void add_fact_number(bid_fixture *b, const char *name, int64_t units)
{
    tnd_fact *f = &b->facts[b->bid.n_facts++];
    strcpy(f->name, name);
    f->type = TND_FACT_NUMBER;
    f->number = D(units);
}

static void add_fact_flag(bid_fixture *b, const char *name, bool value)
{
    tnd_fact *f = &b->facts[b->bid.n_facts++];
    strcpy(f->name, name);
    f->type = TND_FACT_FLAG;
    f->flag = value;
}

static tnd_fact *fact(bid_fixture *b, const char *name)
{
    for (size_t i = 0; i < b->bid.n_facts; i++)
        if (strcmp(b->facts[i].name, name) == 0)
            return &b->facts[i];
    return NULL;
}

/* Applies for `lot` with every product of that lot in the definition. */
static void apply_for(bid_fixture *b, const def_fixture *d, int lot)
{
    tnd_bid_lot *bl = &b->lots[b->bid.n_lots++];
    memset(bl, 0, sizeof *bl);
    bl->products = b->lot_products[bl - b->lots];
    bl->number = lot;
    const tnd_lot *dl = &d->lots[lot - 1];
    for (size_t i = 0; i < dl->n_products; i++)
        strcpy(bl->products[bl->n_products++], dl->products[i].code);
}

/* A bid that meets every requirement of the definition; it applies for no lot yet. */
static void build_bid(bid_fixture *b)
{
    memset(b, 0, sizeof *b);
    tnd_bid *bid = &b->bid;
    strcpy(bid->tender_id, "test-ijsselland");
    complete_party(&bid->bidder, "Stichting Jeugdzorg De Vecht", b->answers[0]);
    strcpy(bid->provider_type, "regulier");
    strcpy(bid->agb[0], "73731234");
    bid->n_agb = 1;
    bid->has_submission = true;
    bid->submitted = (tnd_datetime){ DATE(2022, 7, 18), 10, 12, 0 };
    bid->lots = b->lots;
    complete_figures(b);
    bid->has_going_concern = true;
    b->certificates[0] =
        (tnd_certificate){ "HKZ", false, true, DATE(2024, 9, 30), "certificaat", 0 };
    b->certificates[1] =
        (tnd_certificate){ "ISO-9001:2015", false, true, DATE(2025, 3, 31), "certificaat", 0 };
    bid->certificates = b->certificates;
    bid->n_certificates = 2;
    complete_reference(&b->references[0], "Gemeente Apeldoorn", DATE(2020, 1, 1),
                       DATE(2021, 12, 31));
    complete_reference(&b->references[1], "Gemeente Zwolle", DATE(2019, 9, 1), DATE(2022, 6, 30));
    bid->references = b->references;
    bid->n_references = 2;
    bid->has_references = true;
    bid->facts = b->facts;
    add_fact_number(b, "fte-behandelaren-loondienst", 6000000);
    add_fact_number(b, "locaties-in-regio", 2000000);
    add_fact_flag(b, "wvggz", true);
    bid->has_truthfulness = true;
    bid->truthfulness_signed = true;
    bid->has_signatory = true;
    bid->signatory_authorised = true;
    bid->language_dutch = true;
}

/* Turns the bid into a combination of the bidder (penvoerder) and one member. */
static void make_combination(bid_fixture *b)
{
    b->bid.is_combination = true;
    complete_party(&b->members[0], "Zorgboerderij Het Erf", b->answers[1]);
    b->bid.members = b->members;
    b->bid.n_members = 1;
}

/* ------------------------------------------------------------------ fixture and lookups */

typedef struct {
    def_fixture d;
    bid_fixture b;
    tnd_check_result r;
} world;

static int setup(void **state)
{
    world *w = calloc(1, sizeof *w);
    if (!w)
        return -1;
    build_definition(&w->d);
    build_bid(&w->b);
    *state = w;
    return 0;
}

static int teardown(void **state)
{
    world *w = *state;
    tnd_check_result_free(&w->r);
    free(w);
    return 0;
}

static const tnd_check_result *run(world *w)
{
    tnd_check_result_free(&w->r);
    assert_true(tnd_check(&w->d.def, &w->b.bid, &w->r));
    assert_false(w->r.out_of_memory);
    return &w->r;
}

/* The first finding of rule `id` (lot < -1: any lot; subject NULL: any subject). */
static const tnd_finding *find(const tnd_check_result *r, const char *id, int lot,
                               const char *subject)
{
    for (size_t i = 0; i < r->n_findings; i++) {
        const tnd_finding *f = &r->findings[i];
        if (strcmp(f->rule_id, id) == 0 && (lot < -1 || f->lot == lot) &&
            (!subject || strcmp(f->subject, subject) == 0))
            return f;
    }
    return NULL;
}

static size_t count(const tnd_check_result *r, const char *id)
{
    size_t n = 0;
    for (size_t i = 0; i < r->n_findings; i++)
        n += strcmp(r->findings[i].rule_id, id) == 0;
    return n;
}

static size_t count_verdict(const tnd_check_result *r, const char *id, tnd_verdict v)
{
    size_t n = 0;
    for (size_t i = 0; i < r->n_findings; i++)
        n += strcmp(r->findings[i].rule_id, id) == 0 && r->findings[i].verdict == v;
    return n;
}

#define ANY_LOT (-9)
#define BIDDER "Stichting Jeugdzorg De Vecht"

/* ------------------------------------------------------------------ baseline */

static void test_complete_bid_on_lot_3_is_eligible_and_placed_in_lot_3(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    const tnd_check_result *r = run(w);
    for (size_t i = 0; i < r->n_findings; i++)
        if (r->findings[i].lot >= 0 && r->findings[i].verdict > TND_PASS)
            fail_msg("unexpected %s %s: %s", tnd_verdict_name(r->findings[i].verdict),
                     r->findings[i].rule_id, r->findings[i].reason);
    assert_int_equal(r->n_placements, 1);
    assert_int_equal(r->placements[0].applied, 3);
    assert_int_equal(r->placements[0].placed, 3);
    assert_int_equal(r->placements[0].status, TND_LOT_ELIGIBLE);
    assert_false(r->placements[0].awaiting_award);
    assert_string_equal(r->placements[0].path, "3: voldoet");
    assert_int_equal(r->stopped_at_step, 0);
    assert_true(r->eligible_all);
}

static void test_findings_follow_the_document_order(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    const tnd_check_result *r = run(w);
    /* step 1 first: the closing time, then the required items in definition order */
    assert_string_equal(r->findings[0].rule_id, "SLUITINGSTIJD");
    for (int i = 0; i < N_REQUIRED; i++) {
        assert_int_equal(r->findings[1 + i].step, 1);
        assert_string_equal(r->findings[1 + i].rule_id, w->d.required[i].ref.id);
        assert_int_equal(r->findings[1 + i].verdict, TND_PASS);
    }
    /* then step 2, starting with the exclusion grounds */
    assert_int_equal(r->findings[1 + N_REQUIRED].step, 2);
    assert_string_equal(r->findings[1 + N_REQUIRED].rule_id, "UITSLUITING");
    for (size_t i = 1 + N_REQUIRED; i < r->n_findings; i++)
        assert_int_equal(r->findings[i].step, 2);
    /* the lot combination rule comes after the §5.6 requirements, the declarations last */
    const tnd_finding *combo = find(r, "COMBI-1-5", 3, NULL);
    const tnd_finding *req = find(r, "TG-3-FTE", 3, NULL);
    const tnd_finding *decl = find(r, "VERKL-TAAL", 0, NULL);
    assert_non_null(combo);
    assert_non_null(req);
    assert_non_null(decl);
    assert_true(req < combo);
    assert_true(combo < decl);
    assert_ptr_equal(decl, &r->findings[r->n_findings - 1]);
}

/* ------------------------------------------------------------------ §3.6 closing time */

static void test_submission_exactly_at_closing_time_passes(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    w->b.bid.submitted = (tnd_datetime){ DATE(2022, 7, 18), 11, 0, 0 };
    const tnd_check_result *r = run(w);
    const tnd_finding *f = find(r, "SLUITINGSTIJD", 0, NULL);
    assert_non_null(f);
    /* §3.6: "uiterlijk op maandag 18 juli 2022 om 11:00 uur": 11:00:00 is on time */
    assert_int_equal(f->verdict, TND_PASS);
    assert_int_equal(f->step, 1);
    assert_string_equal(f->source, "§3.6 L381");
    assert_string_equal(f->resolution, "R-SLUITINGSTIJD");
    assert_string_equal(f->found, "18-07-2022 11:00");
    assert_string_equal(f->norm, "uiterlijk 18-07-2022 11:00");
    assert_string_equal(f->reason,
                        "ingediend op 18-07-2022 11:00, uiterlijk op de sluitingstijd "
                        "18-07-2022 11:00");
    assert_int_equal(r->stopped_at_step, 0);
}

static void test_submission_one_second_late_fails_naming_the_resolution(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    w->b.bid.submitted = (tnd_datetime){ DATE(2022, 7, 18), 11, 0, 1 };
    const tnd_check_result *r = run(w);
    const tnd_finding *f = find(r, "SLUITINGSTIJD", 0, NULL);
    assert_non_null(f);
    /* §3.6: after the closing time the bid is invalid; NvI 2 (§3.3) also names 12:00 */
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->found, "18-07-2022 11:00:01");
    assert_string_equal(f->reason,
                        "ingediend op 18-07-2022 11:00:01, na de sluitingstijd 18-07-2022 11:00: "
                        "ongeldig (sluitingstijd volgens resolutie R-SLUITINGSTIJD)");
    /* the resolution's text is listed once under "Toegepaste resoluties", not in the reason */
    assert_string_equal(f->resolution, "R-SLUITINGSTIJD");
    assert_int_equal(r->stopped_at_step, 1);
    assert_int_equal(r->placements[0].placed, 0);
    assert_int_equal(r->placements[0].status, TND_LOT_NOT_ELIGIBLE);
    assert_false(r->eligible_all);
}

static void test_missing_submission_time_is_missing_and_stops_at_step_1(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    w->b.bid.has_submission = false;
    const tnd_check_result *r = run(w);
    const tnd_finding *f = find(r, "SLUITINGSTIJD", 0, NULL);
    assert_non_null(f);
    assert_int_equal(f->verdict, TND_MISSING); /* §3.6 */
    assert_string_equal(f->reason, "tijdstip van indiening ontbreekt: vul het tijdstip van "
                                   "indienen in");
    f = find(r, "VOLLEDIG-submission-time", 0, NULL);
    assert_int_equal(f->verdict, TND_MISSING);
    assert_string_equal(f->reason, "ontbreekt: tijdstip van indiening; vul het in");
    /* without a submission time the age of a document cannot be judged */
    f = find(r, "DOC-KVK", 0, BIDDER);
    assert_int_equal(f->verdict, TND_NOT_APPLICABLE);
    assert_string_equal(f->reason, "geen tijdstip van indiening: leeftijd niet te bepalen");
    assert_int_equal(r->stopped_at_step, 1);
    assert_false(r->eligible_all);
}

/* ------------------------------------------------------------------ §5.2 documents */

static void test_kvk_extract_exactly_6_months_old_passes(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    w->b.bid.bidder.kvk_extract = DATE(2022, 1, 18);
    const tnd_check_result *r = run(w);
    const tnd_finding *f = find(r, "DOC-KVK", 0, BIDDER);
    assert_non_null(f);
    /* §5.2 L1298: "niet ouder dan 6 maanden" at submission (18-07-2022): 18-01-2022 is in time */
    assert_int_equal(f->verdict, TND_PASS);
    assert_int_equal(f->step, 2);
    assert_string_equal(f->found, "18-01-2022");
    assert_string_equal(f->norm, "gedateerd van 18-01-2022 t/m 18-07-2022");
    assert_string_equal(f->reason, "niet ouder dan 6 maanden bij indiening op 18-07-2022");
}

static void test_kvk_extract_one_day_older_than_6_months_fails(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    w->b.bid.bidder.kvk_extract = DATE(2022, 1, 17);
    const tnd_check_result *r = run(w);
    const tnd_finding *f = find(r, "DOC-KVK", 0, BIDDER);
    assert_non_null(f);
    assert_int_equal(f->verdict, TND_FAIL); /* §5.2 L1298 */
    assert_string_equal(f->found, "17-01-2022");
    assert_string_equal(f->reason, "ouder dan 6 maanden bij indiening op 18-07-2022");
    assert_int_equal(r->placements[0].placed, 0);
    assert_int_equal(r->stopped_at_step, 2);
}

static void test_kvk_extract_dated_after_submission_fails(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    w->b.bid.bidder.kvk_extract = DATE(2022, 7, 19);
    const tnd_check_result *r = run(w);
    const tnd_finding *f = find(r, "DOC-KVK", 0, BIDDER);
    assert_non_null(f);
    assert_int_equal(f->verdict, TND_FAIL); /* §5.2 L1298: dated at submission at the latest */
    assert_string_equal(f->reason, "gedateerd na indiening (18-07-2022)");
}

static void test_kvk_extract_dated_on_the_submission_day_passes(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    w->b.bid.bidder.kvk_extract = DATE(2022, 7, 18);
    const tnd_check_result *r = run(w);
    assert_int_equal(find(r, "DOC-KVK", 0, BIDDER)->verdict, TND_PASS); /* §5.2 L1298 */
}

static void test_kvk_extract_of_each_combination_member_is_checked(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    make_combination(&w->b);
    w->b.members[0].kvk_extract = DATE(2021, 12, 31);
    const tnd_check_result *r = run(w);
    /* §5.2: every member gives its own evidence */
    assert_int_equal(find(r, "DOC-KVK", 0, BIDDER)->verdict, TND_PASS);
    const tnd_finding *f = find(r, "DOC-KVK", 0, "Zorgboerderij Het Erf");
    assert_non_null(f);
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->found, "31-12-2021");
}

static void test_missing_kvk_extract_is_reported_once_in_step_1(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    w->b.bid.bidder.has_kvk_extract = false;
    const tnd_check_result *r = run(w);
    const tnd_finding *f = find(r, "VOLLEDIG-kvk-extract", 0, NULL);
    assert_int_equal(f->verdict, TND_MISSING); /* §6 step 1 */
    assert_string_equal(f->reason,
                        "ontbreekt: uittreksel KvK van " BIDDER "; voeg het toe");
    assert_int_equal(count(r, "DOC-KVK"), 0); /* no duplicate in step 2 */
    assert_int_equal(r->stopped_at_step, 1);
}

static void test_missing_gedragsverklaring_is_conditional_and_still_eligible(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    w->b.bid.bidder.has_gedragsverklaring = false;
    const tnd_check_result *r = run(w);
    const tnd_finding *f = find(r, "DOC-GVA", 0, BIDDER);
    assert_non_null(f);
    /* §5.9: requested after the intended award */
    assert_int_equal(f->verdict, TND_CONDITIONAL);
    assert_string_equal(f->reason, "niet bijgevoegd: op te vragen na voorgenomen gunning (§5.9)");
    assert_string_equal(f->norm, "niet ouder dan 24 maanden");
    assert_int_equal(r->placements[0].placed, 3);
    assert_int_equal(r->placements[0].status, TND_LOT_CONDITIONAL);
    assert_string_equal(r->placements[0].path, "3: voldoet onder voorwaarde");
    assert_true(r->eligible_all); /* CONDITIONAL counts as admitted: exit code 0 */
}

static void test_gedragsverklaring_older_than_24_months_fails(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    w->b.bid.bidder.gedragsverklaring = DATE(2020, 7, 17);
    const tnd_check_result *r = run(w);
    /* §5.9: if supplied, its age is checked: 24 months before 18-07-2022 is 18-07-2020 */
    const tnd_finding *f = find(r, "DOC-GVA", 0, BIDDER);
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "ouder dan 24 maanden bij indiening op 18-07-2022");
}

/* ------------------------------------------------------------------ §5.2 exclusion */

static void test_ground_in_part_iiia_answered_yes_excludes(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    set_answer(&w->b.bid.bidder, "corruption", true);
    const tnd_check_result *r = run(w);
    const tnd_finding *f = find(r, "UITSLUITING", 0, BIDDER);
    assert_non_null(f);
    /* §5.2: III A applies in full: "yes" excludes */
    assert_int_equal(f->verdict, TND_FAIL);
    assert_int_equal(f->step, 2);
    assert_string_equal(f->source, "§5.2 L1293 UEA deel IIIA");
    assert_string_equal(f->found, "corruption: ja");
    assert_string_equal(f->norm, "nee");
    assert_string_equal(f->reason,
                        "uitgesloten: uitsluitingsgrond 'Corruptie' (UEA deel IIIA) met ja "
                        "beantwoord");
    assert_int_equal(count(r, "UITSLUITING"), 1); /* no PASS beside the FAIL */
    assert_int_equal(r->stopped_at_step, 2);
    assert_int_equal(r->placements[0].placed, 0);
    assert_int_equal(r->placements[0].status, TND_LOT_NOT_ELIGIBLE);
    assert_false(r->eligible_all);
}

static void test_ground_in_part_iiib_answered_yes_excludes(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    set_answer(&w->b.bid.bidder, "tax-payment", true);
    const tnd_check_result *r = run(w);
    assert_int_equal(find(r, "UITSLUITING", 0, BIDDER)->verdict, TND_FAIL); /* §5.2 III B */
}

static void test_ground_in_part_iiic_answered_yes_goes_to_review_and_bid_pends(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    set_answer(&w->b.bid.bidder, "bankruptcy", true);
    const tnd_check_result *r = run(w);
    const tnd_finding *f = find(r, "UITSLUITING", 0, BIDDER);
    assert_non_null(f);
    /* §5.2: a ticked III C ground "may" exclude: a reviewer decides */
    assert_int_equal(f->verdict, TND_REVIEW);
    assert_string_equal(f->reason,
                        "uitsluitingsgrond 'Faillissement' (UEA deel IIIC) met ja beantwoord: kan "
                        "worden uitgesloten; beoordelaar beslist");
    assert_int_equal(r->placements[0].placed, 3);
    assert_int_equal(r->placements[0].status, TND_LOT_PENDING);
    assert_string_equal(r->placements[0].path, "3: in beoordeling");
    assert_int_equal(r->stopped_at_step, 0);
    assert_false(r->eligible_all); /* REVIEW open: exit code 1 */
}

static void test_ground_not_ticked_in_part_iiic_adds_no_finding(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    set_answer(&w->b.bid.bidder, "conflict-of-interest", true);
    const tnd_check_result *r = run(w);
    /* §5.2: III C grounds apply only as ticked; this one is not */
    assert_int_equal(count(r, "UITSLUITING"), 1);
    const tnd_finding *f = find(r, "UITSLUITING", 0, BIDDER);
    assert_int_equal(f->verdict, TND_PASS);
    assert_string_equal(f->reason, "alle uitsluitingsgronden met nee beantwoord");
    assert_true(r->eligible_all);
}

static void test_each_party_gets_its_own_exclusion_verdict(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    make_combination(&w->b);
    complete_party(&w->b.third_parties[0], "Derde BV", w->b.answers[2]);
    w->b.third_parties[0].declaration_signed = true;
    w->b.bid.third_parties = w->b.third_parties;
    w->b.bid.n_third_parties = 1;
    w->b.bid.bidder.part_iic_yes = true;
    set_answer(&w->b.third_parties[0], "corruption", true);
    const tnd_check_result *r = run(w);
    /* §5.2: members and third parties give their own UEA, checked the same way */
    assert_int_equal(count(r, "UITSLUITING"), 3);
    assert_int_equal(find(r, "UITSLUITING", 0, BIDDER)->verdict, TND_PASS);
    assert_int_equal(find(r, "UITSLUITING", 0, "Zorgboerderij Het Erf")->verdict, TND_PASS);
    assert_int_equal(find(r, "UITSLUITING", 0, "Derde BV")->verdict, TND_FAIL);
    /* order: bidder, member, third party */
    assert_true(find(r, "UITSLUITING", 0, BIDDER) <
                find(r, "UITSLUITING", 0, "Zorgboerderij Het Erf"));
    assert_true(find(r, "UITSLUITING", 0, "Zorgboerderij Het Erf") <
                find(r, "UITSLUITING", 0, "Derde BV"));
}

static void test_unanswered_ground_is_missing_in_step_1_naming_the_code(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    w->b.bid.bidder.n_answers = 2; /* "bankruptcy" (III C, ticked) unanswered */
    const tnd_check_result *r = run(w);
    const tnd_finding *f = find(r, "VOLLEDIG-uea", 0, NULL);
    assert_int_equal(f->verdict, TND_MISSING); /* §6 step 1, §5.2 */
    assert_string_equal(f->reason,
                        "ontbreekt: UEA van " BIDDER ": geen antwoord op uitsluitingsgrond "
                        "bankruptcy (deel IIIC); vul het antwoord aan");
    assert_int_equal(count(r, "UITSLUITING"), 0); /* incomplete UEA: no PASS in step 2 */
    assert_int_equal(r->stopped_at_step, 1);
}

/* The answers in another order than the definition's grounds (a hand-made file may list them
 * so): every ground still finds its own answer, and an unanswered one is still named. */
static void test_answers_in_reverse_order_are_each_found(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    tnd_party *p = &w->b.bid.bidder;
    for (size_t i = 0, j = p->n_answers - 1; i < j; i++, j--) {
        tnd_uea_answer t = p->answers[i];
        p->answers[i] = p->answers[j];
        p->answers[j] = t;
    }
    set_answer(p, "tax-payment", true); /* III A or B: excludes */
    const tnd_check_result *r = run(w);
    assert_int_equal(find(r, "VOLLEDIG-uea", 0, NULL)->verdict, TND_PASS);
    const tnd_finding *f = find(r, "UITSLUITING", 0, BIDDER);
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->found, "tax-payment: ja");
    assert_int_equal(count(r, "UITSLUITING"), 1);

}

static void test_unanswered_ground_is_named_when_the_others_come_in_reverse_order(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    tnd_party *p = &w->b.bid.bidder; /* corruption, tax-payment, bankruptcy, conflict-of-interest */
    tnd_uea_answer kept[3] = { p->answers[3], p->answers[1], p->answers[0] };
    memcpy(p->answers, kept, sizeof kept);
    p->n_answers = 3; /* "bankruptcy" (III C, ticked) unanswered */
    const tnd_check_result *r = run(w);
    const tnd_finding *f = find(r, "VOLLEDIG-uea", 0, NULL);
    assert_int_equal(f->verdict, TND_MISSING);
    assert_string_equal(f->reason,
                        "ontbreekt: UEA van " BIDDER ": geen antwoord op uitsluitingsgrond "
                        "bankruptcy (deel IIIC); vul het antwoord aan");
}

static void test_unanswered_ground_that_is_not_applied_is_not_missing(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    w->b.bid.bidder.n_answers = 3; /* only "conflict-of-interest" (not ticked) unanswered */
    const tnd_check_result *r = run(w);
    assert_int_equal(find(r, "VOLLEDIG-uea", 0, NULL)->verdict, TND_PASS);
    assert_int_equal(find(r, "UITSLUITING", 0, BIDDER)->verdict, TND_PASS);
}

static void test_member_without_uea_is_missing(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    make_combination(&w->b);
    w->b.members[0].has_uea = false;
    const tnd_check_result *r = run(w);
    const tnd_finding *f = find(r, "VOLLEDIG-uea", 0, NULL);
    assert_int_equal(f->verdict, TND_MISSING);
    assert_string_equal(f->reason, "ontbreekt: UEA van Zorgboerderij Het Erf; voeg het ingevulde "
                                   "UEA toe");
}

/* ------------------------------------------------------------------ step 1 items */

static void test_missing_financial_figure_is_missing_naming_item_and_year(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    for (size_t i = 0; i < w->b.bid.n_figures; i++)
        if (strcmp(w->b.figures[i].item, "activa") == 0 && w->b.figures[i].year == 2020)
            strcpy(w->b.figures[i].item, "iets-anders");
    const tnd_check_result *r = run(w);
    const tnd_finding *f = find(r, "VOLLEDIG-financial-figures", 0, NULL);
    assert_non_null(f);
    /* §5.3.1 / Bijlage XVI: a missing figure is incompleteness (step 1), not a zero */
    assert_int_equal(f->verdict, TND_MISSING);
    assert_int_equal(f->step, 1);
    assert_string_equal(f->reason,
                        "ontbreekt: financieel gegeven 'Totaal activa' over 2020; vul het aan");
    assert_int_equal(r->stopped_at_step, 1);
    assert_int_equal(r->placements[0].placed, 0);
}

static void test_startup_without_figures_is_not_missing(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    w->b.bid.n_figures = 0;
    w->b.bid.has_financials = false;
    w->b.bid.startup = true;
    const tnd_check_result *r = run(w);
    const tnd_finding *f = find(r, "VOLLEDIG-financial-figures", 0, NULL);
    /* §5.3.1 L1386-1389: a start-up is judged in step 2 (a talk), not as incomplete */
    assert_int_equal(f->verdict, TND_PASS);
    assert_string_equal(f->reason, "startende onderneming zonder cijfers: beoordeling in stap 2");
}

static void test_startup_without_2021_accounts_needs_no_going_concern_statement(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    w->b.bid.n_figures = 0;
    w->b.bid.has_financials = false;
    w->b.bid.startup = true;
    w->b.bid.has_going_concern = false;
    const tnd_check_result *r = run(w);
    const tnd_finding *f = find(r, "VOLLEDIG-going-concern-statement", 0, NULL);
    /* §5.3.1 L1380-1381 asks a statement on the 2021 accounts; a start-up without them is
     * talked to instead (L1385-1388): not MISSING, the bid goes on to step 2 (REVIEW) */
    assert_int_equal(f->verdict, TND_PASS);
    assert_string_equal(f->reason,
                        "startende onderneming zonder jaarrekening 2021: beoordeling in stap 2");
    assert_int_equal(r->stopped_at_step, 0);
    assert_int_equal(find(r, "FIN-STARTER", 0, NULL)->verdict, TND_REVIEW);
    assert_int_equal(r->placements[0].placed, 3);
    assert_int_equal(r->placements[0].status, TND_LOT_PENDING);
}

static void test_startup_with_2021_accounts_still_needs_going_concern_statement(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    w->b.bid.startup = true; /* figures of 2019-2023 complete, so 2021 accounts exist */
    w->b.bid.has_going_concern = false;
    const tnd_check_result *r = run(w);
    const tnd_finding *f = find(r, "VOLLEDIG-going-concern-statement", 0, NULL);
    /* §5.3.1 L1380-1381 */
    assert_int_equal(f->verdict, TND_MISSING);
    assert_string_equal(f->reason,
                        "ontbreekt: verklaring over de continuïteit (jaarrekening); voeg die toe");
    assert_int_equal(r->stopped_at_step, 1);
}

static void test_required_item_limited_to_lots_applies_only_to_those(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    w->d.required[5].lots[0] = 8; /* quality-evidence only for lot 8 */
    w->d.required[5].n_lots = 1;
    w->b.bid.n_certificates = 0;
    const tnd_check_result *r = run(w);
    assert_int_equal(count(r, "VOLLEDIG-quality-evidence"), 0);
    w->d.required[5].lots[1] = 3;
    w->d.required[5].n_lots = 2;
    r = run(w);
    const tnd_finding *f = find(r, "VOLLEDIG-quality-evidence", 0, NULL);
    assert_int_equal(f->verdict, TND_MISSING);
    assert_string_equal(f->reason,
                        "ontbreekt: bewijs van het kwaliteitssysteem; voeg een certificaat, "
                        "registratie of kwaliteitsplan toe");
}

static void test_unknown_required_item_goes_to_review(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    strcpy(w->d.required[0].item, "fax-cover");
    const tnd_check_result *r = run(w);
    const tnd_finding *f = find(r, "VOLLEDIG-submission-time", 0, NULL);
    assert_int_equal(f->verdict, TND_REVIEW);
    assert_string_equal(f->reason, "onbekend onderdeel in definitie: 'fax-cover'");
}

static void test_insurance_item_is_met_by_part_iv_alone(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    w->b.bid.bidder.has_insurance = false;
    const tnd_check_result *r = run(w);
    assert_int_equal(find(r, "VOLLEDIG-insurance", 0, NULL)->verdict, TND_PASS); /* §5.3.2 */
    w->b.bid.bidder.has_part_iv = false;
    r = run(w);
    assert_int_equal(find(r, "VOLLEDIG-insurance", 0, NULL)->verdict, TND_MISSING);
}

static void test_bid_without_lots_stops_at_step_1(void **state)
{
    world *w = *state;
    const tnd_check_result *r = run(w);
    assert_int_equal(find(r, "VOLLEDIG-lots", 0, NULL)->verdict, TND_MISSING);
    assert_int_equal(r->n_placements, 0);
    assert_null(r->placements);
    assert_int_equal(r->stopped_at_step, 1);
    assert_false(r->eligible_all);
}

/* ------------------------------------------------------------------ §4.3.1 lot combinations */

static void test_bids_on_lots_1_and_3_both_fail_at_most_one_of_1_to_5(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    apply_for(&w->b, &w->d, 1);
    const tnd_check_result *r = run(w);
    /* §4.3.1 L945: "slechts één perceel van de percelen 1 t/m 5" */
    assert_int_equal(count(r, "COMBI-1-5"), 2);
    const tnd_finding *f1 = find(r, "COMBI-1-5", 1, NULL), *f3 = find(r, "COMBI-1-5", 3, NULL);
    assert_non_null(f1);
    assert_non_null(f3);
    assert_true(f1 < f3); /* ascending lot order */
    assert_int_equal(f1->verdict, TND_FAIL);
    assert_int_equal(f3->verdict, TND_FAIL);
    assert_string_equal(f1->reason, "inschrijving op meer dan één van de percelen 1-5");
    assert_string_equal(f1->found, "percelen 1, 3");
    assert_string_equal(f1->norm, "ten hoogste één van 1-5");
    /* placements in ascending lot order; lot 1 has no fallback; lot 3 does not fall back: the
     * application breaks the combination rule, which a lower lot cannot cure */
    assert_int_equal(r->n_placements, 2);
    assert_int_equal(r->placements[0].applied, 1);
    assert_int_equal(r->placements[0].placed, 0);
    assert_string_equal(r->placements[0].path, "1: COMBI-1-5 niet voldaan; geen terugval");
    assert_int_equal(r->placements[1].applied, 3);
    assert_int_equal(r->placements[1].placed, 0);
    assert_string_equal(r->placements[1].path,
                        "3: COMBI-1-5 niet voldaan; geen terugval: de inschrijving schendt een "
                        "combinatieregel (§4.3.1)");
    assert_int_equal(r->stopped_at_step, 2);
    assert_false(r->eligible_all);
}

static void test_lots_failing_the_combination_rule_do_not_fall_back(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 5);
    apply_for(&w->b, &w->d, 2);
    const tnd_check_result *r = run(w);
    /* §4.3.1: a bid on two of lots 1-5 breaks the rule itself; a lower lot cannot cure it (it
     * would otherwise be placed in lot 1 twice) */
    assert_int_equal(r->placements[0].applied, 2);
    assert_int_equal(r->placements[0].placed, 0);
    assert_string_equal(r->placements[0].path,
                        "2: COMBI-1-5 niet voldaan; geen terugval: de inschrijving schendt een "
                        "combinatieregel (§4.3.1)");
    assert_int_equal(r->placements[1].applied, 5);
    assert_int_equal(r->placements[1].placed, 0);
    assert_int_equal(r->stopped_at_step, 2);
    assert_false(r->eligible_all);
}

static void test_lot_6_alone_fails_requires_one_of_lots_1_to_5(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 6);
    const tnd_check_result *r = run(w);
    const tnd_finding *f = find(r, "COMBI-6", 6, NULL);
    assert_non_null(f);
    /* §4.3.1 L948-950: lots 6, 7, 8 only together with one of lots 1-5 */
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "perceel 6 alleen samen met een van de percelen 1-5");
    assert_string_equal(f->found, "geen");
    assert_string_equal(f->norm, "ook een van de percelen 1-5");
    assert_int_equal(r->placements[0].placed, 0);
    assert_string_equal(r->placements[0].path, "6: COMBI-6 niet voldaan; geen terugval");
}

static void test_lot_6_with_lot_3_passes_the_combination_rule(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 6);
    apply_for(&w->b, &w->d, 3);
    const tnd_check_result *r = run(w);
    const tnd_finding *f = find(r, "COMBI-6", 6, NULL);
    assert_int_equal(f->verdict, TND_PASS); /* §4.3.1 L948-950 */
    assert_string_equal(f->reason, "perceel 6 samen met een van de percelen 1-5");
    assert_string_equal(f->found, "perceel 3");
    assert_int_equal(find(r, "COMBI-1-5", 3, NULL)->verdict, TND_PASS);
    assert_string_equal(find(r, "COMBI-1-5", 3, NULL)->found, "perceel 3");
}

static void test_lot_8_alone_as_gezinshuis_passes_the_combination_rule(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 8);
    strcpy(w->b.bid.provider_type, "gezinshuis");
    const tnd_check_result *r = run(w);
    /* §4.3.1 L953-955: "Een uitzondering hierop zijn enkel Gezinshuizen" */
    assert_int_equal(count(r, "COMBI-8"), 1);
    assert_int_equal(count_verdict(r, "COMBI-8", TND_FAIL), 0);
    const tnd_finding *f = find(r, "COMBI-8", 8, NULL);
    assert_int_equal(f->verdict, TND_PASS);
    assert_string_equal(f->reason, "uitzondering voor gezinshuis: perceel 8 zonder een van de "
                                   "percelen 1-6 toegestaan");
}

static void test_lot_8_alone_as_regular_provider_fails(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 8);
    const tnd_check_result *r = run(w);
    const tnd_finding *f = find(r, "COMBI-8", 8, NULL);
    assert_int_equal(f->verdict, TND_FAIL); /* §4.3.1 L953-955 */
    assert_string_equal(f->reason, "perceel 8 alleen samen met een van de percelen 1-6");
}

static void test_lot_9_with_one_product_fails_naming_the_missing_product(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 9);
    apply_for(&w->b, &w->d, 3);
    w->b.lots[0].n_products = 1; /* diagnostiek only */
    const tnd_check_result *r = run(w);
    const tnd_finding *f = find(r, "COMBI-9", 9, NULL);
    assert_non_null(f);
    /* §4.3.1 L946-947: "dienen beide voorzieningen (diagnostiek en behandeling) te leveren" */
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "perceel 9 vereist alle producten; ontbreekt: behandeling");
    assert_string_equal(f->found, "1 van 2 producten");
    assert_string_equal(f->norm, "alle 2 producten");
    /* lot 9 may be combined with one of lots 1-5: lot 3 stays placed */
    assert_int_equal(find(r, "COMBI-1-5", 3, NULL)->verdict, TND_PASS);
    assert_int_equal(r->placements[0].applied, 3);
    assert_int_equal(r->placements[0].placed, 3);
    assert_int_equal(r->placements[1].applied, 9);
    assert_int_equal(r->placements[1].placed, 0);
    assert_int_equal(r->stopped_at_step, 0);
    assert_false(r->eligible_all);
}

static void test_lot_9_with_both_products_passes(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 9);
    const tnd_check_result *r = run(w);
    const tnd_finding *f = find(r, "COMBI-9", 9, NULL);
    assert_int_equal(f->verdict, TND_PASS); /* §4.3.1 L946-947 */
    assert_string_equal(f->reason, "alle producten van perceel 9 aangeboden");
}

/* ------------------------------------------------------------------ §4.3.1 cascade */

static void test_lot_5_requirement_failing_places_in_lot_3_with_the_path(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 5);
    fact(&w->b, "wvggz")->flag = false;
    const tnd_check_result *r = run(w);
    /* §5.6 L1592 fails for lot 5; §4.3.1 L958-969: placed in the next lower lot it meets */
    assert_int_equal(count_verdict(r, "TG-5-WVGGZ", TND_FAIL), 1);
    assert_int_equal(r->n_placements, 1);
    assert_int_equal(r->placements[0].applied, 5);
    assert_int_equal(r->placements[0].placed, 3);
    assert_int_equal(r->placements[0].status, TND_LOT_ELIGIBLE);
    assert_false(r->placements[0].opted_out);
    assert_string_equal(r->placements[0].path, "5 -> 3 (5: TG-5-WVGGZ niet voldaan; 3: voldoet)");
    /* lot 3 was evaluated for the cascade: its findings are marked so */
    const tnd_finding *f = find(r, "TG-3-FTE", 3, NULL);
    assert_non_null(f);
    assert_true(f->cascade);
    assert_int_equal(f->verdict, TND_PASS);
    assert_int_equal(r->stopped_at_step, 0);
    assert_false(r->eligible_all); /* placed lower than applied */
}

static void test_cascade_goes_down_to_lot_1_when_lot_3_fails_too(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 5);
    fact(&w->b, "fte-behandelaren-loondienst")->number = D(4900000);
    const tnd_check_result *r = run(w);
    /* §5.6 L1570 (>= 5 fte) is part of lot 5 (cumulative) and of lot 3 */
    assert_int_equal(r->placements[0].placed, 1);
    assert_string_equal(r->placements[0].path,
                        "5 -> 3 -> 1 (5: TG-3-FTE niet voldaan; 3: TG-3-FTE niet voldaan; "
                        "1: voldoet)");
}

static void test_cascade_opt_out_places_nowhere(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 5);
    fact(&w->b, "wvggz")->flag = false;
    w->b.bid.cascade_opt_out = true;
    const tnd_check_result *r = run(w);
    /* §4.3.1 L966-969: opted out in Bijlage I item 2: assessed only for the lot applied for */
    assert_int_equal(r->placements[0].placed, 0);
    assert_true(r->placements[0].opted_out);
    assert_int_equal(r->placements[0].status, TND_LOT_NOT_ELIGIBLE);
    assert_string_equal(r->placements[0].path,
                        "geen terugval: inschrijver heeft afgezien (Bijlage I punt 2)");
    assert_int_equal(count(r, "TG-3-FTE"), 1); /* only as part of lot 5, not as a fallback */
    assert_false(find(r, "TG-3-FTE", 5, NULL)->cascade);
    assert_int_equal(r->stopped_at_step, 2);
    assert_false(r->eligible_all);
}

/* §4.3.1: a lot the bid applied for itself is placed on its own application, never a second time
 * through the cascade (a definition without the rule "one of lots 1-5" lets a bid apply for 5 and
 * 3): lot 5 falling back skips lot 3 and goes on to lot 1, as the award's own fallback does. */
static void test_cascade_skips_a_lot_the_bid_applied_for_itself(void **state)
{
    world *w = *state;
    w->d.def.n_combo_rules = 0;
    apply_for(&w->b, &w->d, 3);
    apply_for(&w->b, &w->d, 5);
    fact(&w->b, "wvggz")->flag = false;
    const tnd_check_result *r = run(w);
    assert_int_equal(r->n_placements, 2);
    assert_int_equal(r->placements[0].applied, 3);
    assert_int_equal(r->placements[0].placed, 3);
    assert_int_equal(r->placements[1].applied, 5);
    assert_int_equal(r->placements[1].placed, 1);
    assert_string_equal(r->placements[1].path,
                        "5 -> 1 (5: TG-5-WVGGZ niet voldaan; 3: eigen inschrijving, daar "
                        "beoordeeld; 1: voldoet)");
}

/* §4.3.1: a lot without a lower lot in the definition's chains has no fallback: not placed, and
 * the path says so. */
static void test_lot_without_a_chain_has_no_fallback(void **state)
{
    world *w = *state;
    w->d.def.cascade.n_chains = 0;
    apply_for(&w->b, &w->d, 5);
    fact(&w->b, "wvggz")->flag = false;
    const tnd_check_result *r = run(w);
    assert_int_equal(r->placements[0].placed, 0);
    assert_int_equal(r->placements[0].status, TND_LOT_NOT_ELIGIBLE);
    assert_false(r->placements[0].opted_out);
    assert_string_equal(r->placements[0].path, "5: TG-5-WVGGZ niet voldaan; geen terugval");
    assert_int_equal(count(r, "TG-3-FTE"), 1); /* lot 3 not evaluated as a fallback */
}

static void test_general_failure_places_no_lot(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 5);
    fact(&w->b, "wvggz")->flag = false;
    w->b.bid.truthfulness_signed = false;
    const tnd_check_result *r = run(w);
    /* §4.1.5: an unsigned truthfulness declaration fails the bid as a whole */
    assert_int_equal(find(r, "VERKL-WAARHEID", 0, NULL)->verdict, TND_FAIL);
    assert_int_equal(r->placements[0].placed, 0);
    assert_int_equal(r->placements[0].status, TND_LOT_NOT_ELIGIBLE);
    assert_string_equal(r->placements[0].path, "5: algemene eisen niet voldaan; geen plaatsing");
    assert_int_equal(count(r, "TG-3-FTE"), 1); /* no fallback was evaluated */
    assert_int_equal(r->stopped_at_step, 2);
}

static void test_lot_4_passing_awaits_the_award(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 4);
    const tnd_check_result *r = run(w);
    /* §4.3.1: lot 4 is placed only when awarded (top 5, §6.1.2) */
    assert_int_equal(r->placements[0].placed, 4);
    assert_int_equal(r->placements[0].status, TND_LOT_ELIGIBLE);
    assert_true(r->placements[0].awaiting_award);
    assert_string_equal(r->placements[0].path, "4 (plaatsing afhankelijk van gunning, top 5)");
    assert_true(r->eligible_all); /* awaiting the award counts as admitted */
}

static void test_lot_4_failing_falls_back_to_lot_3(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 4);
    fact(&w->b, "locaties-in-regio")->number = D(0);
    const tnd_check_result *r = run(w);
    assert_int_equal(r->placements[0].placed, 3);
    assert_false(r->placements[0].awaiting_award);
    assert_string_equal(r->placements[0].path, "4 -> 3 (4: TG-4-LOCATIE niet voldaan; 3: voldoet)");
}

/* ------------------------------------------------------------------ declarations */

static void test_signatory_with_mandate_of_an_authorised_grantor_passes(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    w->b.bid.signatory_authorised = false;
    w->b.bid.has_mandate = true;
    w->b.bid.mandate_grantor_authorised = true;
    const tnd_check_result *r = run(w);
    const tnd_finding *f = find(r, "VERKL-ONDERTEKENING", 0, NULL);
    assert_int_equal(f->verdict, TND_PASS); /* §4.1.3: machtiging */
    assert_string_equal(f->reason, "machtiging door een tekenbevoegde volgens het KvK-uittreksel");
    w->b.bid.mandate_grantor_authorised = false;
    r = run(w);
    f = find(r, "VERKL-ONDERTEKENING", 0, NULL);
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "machtiging gegeven door iemand die niet tekenbevoegd is");
}

static void test_reservations_go_to_review(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    w->b.bid.reservations = true;
    const tnd_check_result *r = run(w);
    const tnd_finding *f = find(r, "VERKL-VOORBEHOUD", 0, NULL);
    /* §4.1.5: a bid with reservations "may" be declared invalid */
    assert_int_equal(f->verdict, TND_REVIEW);
    assert_string_equal(f->reason,
                        "voorwaarden of voorbehouden bij de inschrijving: kan ongeldig worden "
                        "verklaard");
    assert_int_equal(r->placements[0].status, TND_LOT_PENDING);
    assert_false(r->eligible_all);
}

static void test_bid_not_in_dutch_fails(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    w->b.bid.language_dutch = false;
    const tnd_check_result *r = run(w);
    assert_int_equal(find(r, "VERKL-TAAL", 0, NULL)->verdict, TND_FAIL); /* §4.1.10b */
}

/* §5.2: a definition naming a document the program does not know is not silently passed: one
 * REVIEW finding names it (per rule, not per party). */
static void test_unknown_document_in_the_definition_goes_to_review(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    strcpy(w->d.documents[2].document, "vog");
    const tnd_check_result *r = run(w);
    assert_int_equal(count(r, "DOC-BELASTING"), 1);
    const tnd_finding *f = find(r, "DOC-BELASTING", 0, NULL);
    assert_int_equal(f->verdict, TND_REVIEW);
    assert_string_equal(f->reason, "onbekend document in definitie: 'vog'");
    assert_string_equal(f->source, "§5.2 L1304; §5.9");
}

/* §4.1.5: a declaration kind the program does not know is not silently passed: REVIEW. */
static void test_unknown_declaration_in_the_definition_goes_to_review(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    strcpy(w->d.declarations[7].kind, "geheimhouding");
    const tnd_check_result *r = run(w);
    const tnd_finding *f = find(r, "VERKL-TAAL", 0, NULL);
    assert_int_equal(f->verdict, TND_REVIEW);
    assert_string_equal(f->reason, "onbekende verklaring in definitie: 'geheimhouding'");
}

/* §4.1.10b: a declaration whose definition names no verdict for a violation fails when violated
 * (never passes by default). */
static void test_violated_declaration_without_a_verdict_in_the_definition_fails(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    w->d.declarations[7].on_violation = TND_PASS;
    w->b.bid.language_dutch = false;
    const tnd_check_result *r = run(w);
    const tnd_finding *f = find(r, "VERKL-TAAL", 0, NULL);
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "inschrijving niet in het Nederlands");
    assert_int_equal(r->placements[0].placed, 0);
}

static void test_combination_member_without_joint_liability_fails(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    make_combination(&w->b);
    w->b.members[0].joint_liability_signed = false;
    const tnd_check_result *r = run(w);
    /* §5.8: every member signs joint and several liability */
    const tnd_finding *f = find(r, "VERKL-HOOFDELIJK", 0, NULL);
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->subject, "Zorgboerderij Het Erf");
    assert_string_equal(f->reason,
                        "hoofdelijke aansprakelijkheid niet ondertekend door "
                        "Zorgboerderij Het Erf");
    f = find(r, "VERKL-PENVOERDER", 0, NULL);
    assert_int_equal(f->verdict, TND_PASS);
    assert_string_equal(f->reason, "penvoerder aangewezen: " BIDDER);
}

static void test_combination_penvoerder_without_joint_liability_fails(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    make_combination(&w->b);
    w->b.bid.bidder.joint_liability_signed = false;
    const tnd_check_result *r = run(w);
    /* §4.1.12 L718-722, §5.8 L1620-1623: "elke deelnemer aan de Combinatie", the penvoerder
     * included, signs joint and several liability */
    const tnd_finding *f = find(r, "VERKL-HOOFDELIJK", 0, NULL);
    assert_int_equal(count(r, "VERKL-HOOFDELIJK"), 1);
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->subject, BIDDER);
    assert_string_equal(f->reason, "hoofdelijke aansprakelijkheid niet ondertekend door " BIDDER);
    assert_int_equal(r->placements[0].placed, 0);
}

static void test_declarations_that_do_not_apply_add_no_finding(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    const tnd_check_result *r = run(w);
    /* no combination, no third party, no holding */
    assert_int_equal(count(r, "VERKL-HOOFDELIJK"), 0);
    assert_int_equal(count(r, "VERKL-PENVOERDER"), 0);
    assert_int_equal(count(r, "VERKL-DERDEN"), 0);
    assert_int_equal(count(r, "VERKL-HOLDING"), 0);
    assert_int_equal(count(r, "VERKL-WAARHEID"), 1);
}

static void test_third_party_without_part_iic_yes_fails(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    complete_party(&w->b.third_parties[0], "Derde BV", w->b.answers[2]);
    w->b.third_parties[0].declaration_signed = true;
    w->b.bid.third_parties = w->b.third_parties;
    w->b.bid.n_third_parties = 1;
    const tnd_check_result *r = run(w);
    const tnd_finding *f = find(r, "VERKL-DERDEN", 0, "Derde BV");
    /* §5.4 L1480-1487: reliance needs UEA II C "ja" and a signed Verklaring inzet Derden */
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "beroep op een derde zonder UEA deel II C 'ja'");
    w->b.bid.bidder.part_iic_yes = true;
    r = run(w);
    assert_int_equal(find(r, "VERKL-DERDEN", 0, "Derde BV")->verdict, TND_PASS);
}

/* §5.4 L1480-1487: relying on a third party needs its signed Verklaring inzet Derden; UEA II C
 * "ja" alone is not enough. The finding names the third party and fails the bid. */
static void test_third_party_with_unsigned_declaration_fails(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    complete_party(&w->b.third_parties[0], "Derde BV", w->b.answers[2]);
    w->b.third_parties[0].declaration_signed = false;
    w->b.bid.third_parties = w->b.third_parties;
    w->b.bid.n_third_parties = 1;
    w->b.bid.bidder.part_iic_yes = true;
    const tnd_check_result *r = run(w);
    const tnd_finding *f = find(r, "VERKL-DERDEN", 0, "Derde BV");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "verklaring inzet derden niet ondertekend");
    assert_string_equal(f->source, "§4.1.5");
    assert_int_equal(count(r, "VERKL-DERDEN"), 1);
    assert_int_equal(r->placements[0].placed, 0);
    assert_false(r->eligible_all);
}

/* §4.1.12, §5.8: a combination names its penvoerder (the bidder of the bid); a combination bid
 * without one fails, and the finding says so. */
static void test_combination_without_penvoerder_fails(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    make_combination(&w->b);
    w->b.bid.bidder.name[0] = '\0';
    const tnd_check_result *r = run(w);
    assert_int_equal(count(r, "VERKL-PENVOERDER"), 1);
    const tnd_finding *f = find(r, "VERKL-PENVOERDER", 0, NULL);
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "geen penvoerder aangewezen");
    assert_string_equal(f->subject, "");
    assert_string_equal(f->source, "§4.1.5");
    assert_int_equal(r->placements[0].placed, 0);
    assert_false(r->eligible_all);
}

static void test_holding_without_declaration_fails(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    w->b.bid.has_holding = true;
    strcpy(w->b.bid.holding, "Zorggroep Holding BV");
    const tnd_check_result *r = run(w);
    const tnd_finding *f = find(r, "VERKL-HOLDING", 0, "Zorggroep Holding BV");
    assert_int_equal(f->verdict, TND_FAIL); /* §5.8: holdingverklaring */
    w->b.bid.holding_declaration = true;
    r = run(w);
    assert_int_equal(find(r, "VERKL-HOLDING", 0, NULL)->verdict, TND_PASS);
}

/* ------------------------------------------------------------------ internals */

static void test_findings_worst_ignores_detail_rows_and_other_lots(void **state)
{
    (void)state;
    tnd_check_result r = { 0 };
    tnd_rule_ref ref = { "R", "§0", "regel", "" };
    assert_non_null(tnd_add_finding(&r, 2, &ref, -1, TND_FAIL, "detail"));
    assert_non_null(tnd_add_finding(&r, 2, &ref, 0, TND_CONDITIONAL, "algemeen"));
    assert_non_null(tnd_add_finding(&r, 2, &ref, 3, TND_REVIEW, "perceel 3"));
    assert_non_null(tnd_add_finding(&r, 2, &ref, 5, TND_MISSING, "perceel 5"));
    assert_int_equal(tnd_findings_worst(&r, 0, true), TND_CONDITIONAL);
    assert_int_equal(tnd_findings_worst(&r, 3, true), TND_REVIEW);
    assert_int_equal(tnd_findings_worst(&r, 5, true), TND_MISSING);
    assert_int_equal(tnd_findings_worst(&r, 1, true), TND_CONDITIONAL);
    assert_int_equal(tnd_findings_worst(&r, 1, false), TND_NOT_APPLICABLE);
    assert_int_equal(tnd_findings_worst(&r, 3, false), TND_REVIEW);
    tnd_check_result_free(&r);
    assert_null(r.findings);
    assert_int_equal(r.n_findings, 0);
}

static void test_add_finding_copies_the_rule_and_grows(void **state)
{
    (void)state;
    tnd_check_result r = { 0 };
    tnd_rule_ref ref = { "FIN-SOLVABILITEIT", "§5.3.1 L1357", "Solvabiliteit", "R-JAREN" };
    for (int i = 0; i < 100; i++)
        assert_non_null(tnd_add_finding(&r, 2, &ref, 0, TND_PASS, "jaar %d", 2000 + i));
    assert_int_equal(r.n_findings, 100);
    const tnd_finding *f = &r.findings[99];
    assert_string_equal(f->rule_id, "FIN-SOLVABILITEIT");
    assert_string_equal(f->source, "§5.3.1 L1357");
    assert_string_equal(f->requirement, "Solvabiliteit");
    assert_string_equal(f->resolution, "R-JAREN");
    assert_string_equal(f->reason, "jaar 2099");
    assert_string_equal(f->subject, "");
    assert_false(f->cascade);
    tnd_check_result_free(&r);
}

static void test_long_reason_is_cut_on_a_character_boundary(void **state)
{
    (void)state;
    tnd_check_result r = { 0 };
    char longtext[TND_REASON_LEN + 16];
    /* "ï" is two bytes: LEN-2 ASCII bytes + "ï" would need LEN bytes + NUL */
    memset(longtext, 'a', TND_REASON_LEN - 2);
    strcpy(longtext + TND_REASON_LEN - 2, "ïëë");
    tnd_finding *f = tnd_add_finding(&r, 2, NULL, 0, TND_PASS, "%s", longtext);
    assert_non_null(f);
    assert_int_equal(strlen(f->reason), TND_REASON_LEN - 2);
    assert_int_equal(f->reason[TND_REASON_LEN - 3], 'a');
    char field[8];
    tnd_finding_set(field, sizeof field, "%s", "€ 2.000.000,00"); /* "€" is three bytes */
    assert_string_equal(field, "€ 2.0");
    tnd_finding_set(field, 6, "%s", "ab€cd");
    assert_string_equal(field, "ab€");
    tnd_finding_set(field, 5, "%s", "ab€cd");
    assert_string_equal(field, "ab");
    /* a four-byte character cut after 1, 2 or 3 of its bytes goes whole; a field of only
       continuation bytes is left as cut; a field of size 0 is not written */
    tnd_finding_set(field, 4, "%s", "a\xF0\x9F\x98\x80");
    assert_string_equal(field, "a");
    tnd_finding_set(field, 6, "%s", "a\xF0\x9F\x98\x80" "b");
    assert_string_equal(field, "a\xF0\x9F\x98\x80");
    tnd_finding_set(field, 3, "%s", "\x80\x80\x80\x80");
    assert_string_equal(field, "\x80\x80");
    field[0] = 'x';
    tnd_finding_set(field, 0, "%s", "niets");
    assert_int_equal(field[0], 'x');
    tnd_check_result_free(&r);
}

/* tnd_finding_set ("%d", "%s" through its copy without vsnprintf, a text without a
 * conversion) gives the bytes snprintf gives, at every field size, cut included. */
static void test_finding_set_gives_the_bytes_of_snprintf(void **state)
{
    (void)state;
    static const int numbers[] = { 0, 7, -7, 2019, 123456789, -2147483647 - 1, 2147483647 };
    static const char *const texts[] = { "", "nee", "alle jaren voldaan", "ab€cd",
                                         "geen 100%-score" };
    for (size_t size = 1; size <= 14; size++) {
        char got[16], want[16];
        for (size_t i = 0; i < sizeof numbers / sizeof numbers[0]; i++) {
            tnd_finding_set(got, size, "%d", numbers[i]);
            snprintf(want, size, "%d", numbers[i]);
            assert_string_equal(got, want);
        }
        for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
            if (strchr(texts[i], '%'))
                continue; /* not a format without conversions */
            tnd_finding_set(got, size, texts[i]);
            tnd_finding_set(want, size, "%s", texts[i]); /* the cut of "%s" (UTF-8 whole) */
            assert_string_equal(got, want);
        }
    }
    char field[32];
    tnd_finding_set(field, sizeof field, "%s", "geen 100%-score"); /* a % in the text: copied */
    assert_string_equal(field, "geen 100%-score");
    tnd_finding_set(field, sizeof field, "100%% en %d", 3); /* any other format: vsnprintf */
    assert_string_equal(field, "100% en 3");
}

static void test_verdict_and_status_names(void **state)
{
    (void)state;
    assert_string_equal(tnd_verdict_name(TND_PLAN_REQUIRED), "PLAN REQUIRED");
    assert_string_equal(tnd_verdict_name(TND_NOT_APPLICABLE), "NOT APPLICABLE");
    assert_string_equal(tnd_verdict_dutch(TND_FAIL), "VOLDOET NIET");
    assert_string_equal(tnd_verdict_dutch(TND_CONDITIONAL), "ONDER VOORWAARDE");
    assert_null(tnd_verdict_name((tnd_verdict)42));
    tnd_verdict v = TND_PASS;
    assert_true(tnd_verdict_parse("PLAN_REQUIRED", &v));
    assert_int_equal(v, TND_PLAN_REQUIRED);
    assert_true(tnd_verdict_parse("NOT APPLICABLE", &v));
    assert_int_equal(v, TND_NOT_APPLICABLE);
    assert_true(tnd_verdict_parse("CONDITIONAL", &v));
    assert_int_equal(v, TND_CONDITIONAL);
    assert_false(tnd_verdict_parse("pass", &v));
    assert_false(tnd_verdict_parse("", &v));
    assert_int_equal(v, TND_CONDITIONAL);
    assert_int_equal(tnd_verdict_worse(TND_MISSING, TND_FAIL), TND_FAIL);
    assert_int_equal(tnd_verdict_worse(TND_REVIEW, TND_CONDITIONAL), TND_REVIEW);
    assert_int_equal(tnd_verdict_worse(TND_PASS, TND_NOT_APPLICABLE), TND_PASS);
    assert_string_equal(tnd_lot_status_name(TND_LOT_NOT_ELIGIBLE), "NOT ELIGIBLE");
    assert_string_equal(tnd_lot_status_dutch(TND_LOT_CONDITIONAL), "TOEGELATEN ONDER VOORWAARDE");
    assert_string_equal(tnd_lot_status_dutch(TND_LOT_PENDING), "IN BEOORDELING");
    /* outside the tables: no name, never a neighbour's */
    assert_null(tnd_verdict_dutch((tnd_verdict)42));
    assert_null(tnd_lot_status_name((tnd_lot_status)42));
    assert_null(tnd_lot_status_dutch((tnd_lot_status)42));
    assert_false(tnd_verdict_parse(NULL, &v));
}

/* ------------------------------------------------------------------ issue 8: closing window */

/* §3.3 L251-253 (12:00 after Nota van inlichtingen 2) against §3.6 L381 (11:00). */
static void set_review_window(world *w)
{
    w->d.def.has_closing_review = true;
    w->d.def.closing_review_until = (tnd_datetime){ DATE(2022, 7, 18), 12, 0, 0 };
    strcpy(w->d.def.closing_review_source, "§3.3 L251-253");
}

static void test_submission_one_second_after_11_is_review_naming_both_texts(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    set_review_window(w);
    w->b.bid.submitted = (tnd_datetime){ DATE(2022, 7, 18), 11, 0, 1 };
    const tnd_check_result *r = run(w);
    const tnd_finding *f = find(r, "SLUITINGSTIJD", 0, NULL);
    /* the NvIs prevail (L361-362): between the two hours the officer decides, not the tool */
    assert_int_equal(f->verdict, TND_REVIEW);
    assert_int_equal(f->step, 1);
    assert_string_equal(f->reason,
                        "ingediend op 18-07-2022 11:00:01: na 18-07-2022 11:00 (§3.6 L381) maar "
                        "uiterlijk 18-07-2022 12:00 (§3.3 L251-253); het document noemt beide "
                        "tijden: beoordelen, niet ongeldig (resolutie R-SLUITINGSTIJD)");
    assert_string_equal(f->norm, "uiterlijk 18-07-2022 11:00; t/m 18-07-2022 12:00 beoordelen");
    assert_string_equal(f->resolution, "R-SLUITINGSTIJD");
    assert_int_equal(r->stopped_at_step, 0);
    assert_int_equal(r->placements[0].placed, 3);
    assert_int_equal(r->placements[0].status, TND_LOT_PENDING);
    assert_false(r->eligible_all);
}

static void test_submission_exactly_at_12_is_still_review(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    set_review_window(w);
    w->b.bid.submitted = (tnd_datetime){ DATE(2022, 7, 18), 12, 0, 0 };
    const tnd_check_result *r = run(w);
    /* "18 juli 2022, 12:00" is inclusive, as 11:00 is */
    assert_int_equal(find(r, "SLUITINGSTIJD", 0, NULL)->verdict, TND_REVIEW);
    assert_int_equal(r->stopped_at_step, 0);
}

static void test_submission_one_second_after_12_fails(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    set_review_window(w);
    w->b.bid.submitted = (tnd_datetime){ DATE(2022, 7, 18), 12, 0, 1 };
    const tnd_check_result *r = run(w);
    const tnd_finding *f = find(r, "SLUITINGSTIJD", 0, NULL);
    /* §3.6 L393-395: late whichever hour holds */
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason,
                        "ingediend op 18-07-2022 12:00:01, na de laatste genoemde sluitingstijd "
                        "18-07-2022 12:00 (§3.3 L251-253): ongeldig (resolutie R-SLUITINGSTIJD)");
    assert_int_equal(r->stopped_at_step, 1);
    assert_int_equal(r->placements[0].placed, 0);
}

static void test_submission_exactly_at_11_passes_with_a_review_window(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    set_review_window(w);
    w->b.bid.submitted = (tnd_datetime){ DATE(2022, 7, 18), 11, 0, 0 };
    const tnd_check_result *r = run(w);
    assert_int_equal(find(r, "SLUITINGSTIJD", 0, NULL)->verdict, TND_PASS); /* §3.6 L381 */
    assert_true(r->eligible_all);
}

/* ------------------------------------------------------------------ issue 8: valid choice of 1-5 */

static void test_lot_7_with_two_of_lots_1_to_5_fails_the_valid_choice(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 1);
    apply_for(&w->b, &w->d, 3);
    apply_for(&w->b, &w->d, 7);
    const tnd_check_result *r = run(w);
    /* §4.3.1 L947-949: "die gekozen hebben voor één van de percelen 1 t/m 5"; a bid on 1 and 3
     * breaks L945 itself and chooses nothing */
    const tnd_finding *f = find(r, "COMBI-7", 7, NULL);
    assert_non_null(f);
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "perceel 7 alleen samen met een geldige inschrijving op een van "
                                   "de percelen 1-5; percelen 1, 3 schenden zelf een "
                                   "combinatieregel");
    assert_string_equal(f->found, "percelen 1, 3");
    assert_int_equal(r->placements[2].applied, 7);
    assert_int_equal(r->placements[2].placed, 0);
    assert_int_equal(r->stopped_at_step, 2);
}

static void test_lot_8_with_only_an_invalid_lot_6_fails(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 6);
    apply_for(&w->b, &w->d, 8);
    const tnd_check_result *r = run(w);
    /* lot 6 without 1-5 breaks L947-949, so it does not open lot 8 (L952-954) */
    assert_int_equal(find(r, "COMBI-6", 6, NULL)->verdict, TND_FAIL);
    const tnd_finding *f = find(r, "COMBI-8", 8, NULL);
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "perceel 8 alleen samen met een geldige inschrijving op een van "
                                   "de percelen 1-6; perceel 6 schendt zelf een combinatieregel");
}

static void test_lot_8_with_a_valid_lot_6_passes(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    apply_for(&w->b, &w->d, 6);
    apply_for(&w->b, &w->d, 8);
    const tnd_check_result *r = run(w);
    assert_int_equal(find(r, "COMBI-6", 6, NULL)->verdict, TND_PASS); /* §4.3.1 L947-954 */
    assert_int_equal(find(r, "COMBI-8", 8, NULL)->verdict, TND_PASS);
}

/* ------------------------------------------------------------------ issue 8: per product */

/* Lots 3 and 8; lot 8 offers the intensities given; one group of 4 youths at 100 % with `hours`
 * staff hours a week, claiming `claimed` (test bands: D 1,2 tot 1,8; E 1,8 tot 2,4). */
static tnd_residential_group one_group;
static void residential_bid(world *w, const char *const *offered, int n, long hours,
                            const char *claimed)
{
    apply_for(&w->b, &w->d, 3);
    tnd_bid_lot *bl = &w->b.lots[w->b.bid.n_lots++];
    memset(bl, 0, sizeof *bl);
    bl->products = w->b.lot_products[bl - w->b.lots];
    bl->number = 8;
    for (int i = 0; i < n; i++)
        strcpy(bl->products[bl->n_products++], offered[i]);
    memset(&one_group, 0, sizeof one_group);
    strcpy(one_group.name, "Leefgroep De Eik");
    strcpy(one_group.kind, "regular");
    one_group.youths = 4;
    one_group.occupancy = D(1000000);
    one_group.staff_hours_week = D(hours * 1000000);
    strcpy(one_group.claimed, claimed);
    w->b.bid.residential_groups = &one_group;
    w->b.bid.n_residential_groups = 1;
}

static void test_claim_other_than_computed_holds_only_that_product(void **state)
{
    world *w = *state;
    static const char *const offered[] = { "D", "E" };
    residential_bid(w, offered, 2, 56, "D"); /* 56 / 7 / 4 = 2,00 => E */
    w->d.def.residential.on_mismatch = TND_REVIEW;
    const tnd_check_result *r = run(w);
    const tnd_finding *f = find(r, "INTENSITEIT-VERBLIJF", 8, "Leefgroep De Eik");
    /* §4.1.8 L567-573: verification meeting, intensities may be adjusted */
    assert_int_equal(f->verdict, TND_REVIEW);
    assert_string_equal(f->product, "D");
    assert_string_equal(f->reason, "2,00 => berekend E, opgegeven D; aangehouden voor "
                                   "verificatieoverleg");
    /* §3.2 L218-219: E is bid separately and stays admitted */
    assert_int_equal(r->placements[1].applied, 8);
    assert_int_equal(r->placements[1].placed, 8);
    assert_int_equal(r->placements[1].status, TND_LOT_ELIGIBLE);
    assert_string_equal(r->placements[1].products, "product D: BEOORDELEN (INTENSITEIT-VERBLIJF)");
    assert_string_equal(r->placements[1].path,
                        "8: voldoet; product D: BEOORDELEN (INTENSITEIT-VERBLIJF)");
    assert_false(r->eligible_all); /* a product is still open */
}

static void test_claim_other_than_computed_on_the_only_product_holds_the_lot(void **state)
{
    world *w = *state;
    static const char *const offered[] = { "D" };
    residential_bid(w, offered, 1, 56, "D");
    w->d.def.residential.on_mismatch = TND_REVIEW;
    const tnd_check_result *r = run(w);
    /* every product held: the lot is in review, not refused */
    assert_int_equal(r->placements[1].placed, 8);
    assert_int_equal(r->placements[1].status, TND_LOT_PENDING);
}

static void test_claim_mismatch_without_review_refuses_only_that_product(void **state)
{
    world *w = *state;
    static const char *const offered[] = { "D", "E" };
    residential_bid(w, offered, 2, 56, "D");
    /* on_mismatch not set: FAIL, still per product */
    const tnd_check_result *r = run(w);
    assert_int_equal(find(r, "INTENSITEIT-VERBLIJF", 8, "Leefgroep De Eik")->verdict, TND_FAIL);
    assert_int_equal(r->placements[1].status, TND_LOT_ELIGIBLE);
    assert_string_equal(r->placements[1].products,
                        "product D: VOLDOET NIET (INTENSITEIT-VERBLIJF)");
}

static void test_claim_mismatch_on_every_product_refuses_the_lot(void **state)
{
    world *w = *state;
    static const char *const offered[] = { "D" };
    residential_bid(w, offered, 1, 56, "D");
    const tnd_check_result *r = run(w);
    assert_int_equal(r->placements[1].placed, 0);
    assert_int_equal(r->placements[1].status, TND_LOT_NOT_ELIGIBLE);
    assert_string_equal(r->placements[1].path, "8: INTENSITEIT-VERBLIJF niet voldaan; geen terugval");
}

static void test_claim_as_computed_holds_nothing(void **state)
{
    world *w = *state;
    static const char *const offered[] = { "D", "E" };
    residential_bid(w, offered, 2, 56, "E");
    w->d.def.residential.on_mismatch = TND_REVIEW;
    const tnd_check_result *r = run(w);
    assert_int_equal(find(r, "INTENSITEIT-VERBLIJF", 8, "Leefgroep De Eik")->verdict, TND_PASS);
    assert_string_equal(r->placements[1].products, "");
    assert_string_equal(r->placements[1].path, "8: voldoet");
    assert_true(r->eligible_all);
}

/* ------------------------------------------------------------------ issue 8: completeness */

static void test_intensity_bid_without_a_group_calculation_is_missing_for_that_product(void **state)
{
    world *w = *state;
    static const char *const offered[] = { "D", "E" };
    residential_bid(w, offered, 2, 56, "E"); /* the only group computes and claims E */
    set_ref(&w->d.def.residential.calc_rule, "INTENSITEIT-BEREKENING", "§9 L4156-4158",
            "Berekening per groep");
    const tnd_check_result *r = run(w);
    /* §9 L4156-4158: the calculation per group behind every intensity bid */
    const tnd_finding *f = find(r, "INTENSITEIT-BEREKENING", 8, "perceel 8: D");
    assert_non_null(f);
    assert_int_equal(f->step, 1);
    assert_int_equal(f->verdict, TND_MISSING);
    assert_string_equal(f->product, "D");
    assert_string_equal(f->reason, "ontbreekt: berekening per groep voor intensiteit D; voeg een "
                                   "groep met haar berekening toe die D opgeeft");
    assert_null(find(r, "INTENSITEIT-BEREKENING", 8, "perceel 8: E"));
    /* E stands on its own calculation; the bid does not stop at step 1 */
    assert_int_equal(r->stopped_at_step, 0);
    assert_int_equal(r->placements[1].status, TND_LOT_ELIGIBLE);
    assert_string_equal(r->placements[1].products,
                        "product D: ONTBREEKT (INTENSITEIT-BEREKENING)");
}

static void test_every_intensity_bid_with_a_group_calculation_passes(void **state)
{
    world *w = *state;
    static const char *const offered[] = { "E" };
    residential_bid(w, offered, 1, 56, "E");
    set_ref(&w->d.def.residential.calc_rule, "INTENSITEIT-BEREKENING", "§9 L4156-4158",
            "Berekening per groep");
    const tnd_check_result *r = run(w);
    const tnd_finding *f = find(r, "INTENSITEIT-BEREKENING", 8, NULL);
    assert_int_equal(f->verdict, TND_PASS);
    assert_string_equal(f->reason, "berekening per groep achter elke opgegeven intensiteit");
    assert_true(r->eligible_all);
}

static void test_group_care_lot_without_capacity_is_missing_for_that_lot(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    apply_for(&w->b, &w->d, 6);
    set_ref(&w->d.def.group.capacity_rule, "GROEP-CAPACITEIT", "§8.3.2 L3348-3349",
            "Voorzieningen en capaciteit");
    const tnd_check_result *r = run(w);
    /* §8.3.2 L3348-3349: "welke capaciteit er beschikbaar is" */
    const tnd_finding *f = find(r, "GROEP-CAPACITEIT", 6, NULL);
    assert_int_equal(f->step, 1);
    assert_int_equal(f->verdict, TND_MISSING);
    assert_string_equal(f->reason, "ontbreekt: beschikbare capaciteit; geef bij perceel 6 de "
                                   "voorzieningen en de beschikbare capaciteit op");
    assert_int_equal(r->stopped_at_step, 0); /* lot 3 is not touched */
    assert_int_equal(r->placements[0].status, TND_LOT_ELIGIBLE);
    assert_int_equal(r->placements[1].placed, 0);
}

static void test_group_care_lot_with_one_place_passes(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    apply_for(&w->b, &w->d, 6);
    w->b.lots[1].capacity = 1;
    set_ref(&w->d.def.group.capacity_rule, "GROEP-CAPACITEIT", "§8.3.2 L3348-3349",
            "Voorzieningen en capaciteit");
    const tnd_check_result *r = run(w);
    const tnd_finding *f = find(r, "GROEP-CAPACITEIT", 6, NULL);
    assert_int_equal(f->verdict, TND_PASS);
    assert_string_equal(f->found, "1 plaatsen");
}

/* §3.3 L251-253 against §3.6 L381 in a definition that names no resolution for the closing time:
 * the verdicts are the same, the text cites no resolution. */
static void test_closing_window_without_a_resolution_is_review_then_fail_without_citing_one(
    void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    set_review_window(w);
    w->d.def.closing.resolution[0] = '\0';
    w->b.bid.submitted = (tnd_datetime){ DATE(2022, 7, 18), 11, 30, 0 };
    const tnd_check_result *r = run(w);
    const tnd_finding *f = find(r, "SLUITINGSTIJD", 0, NULL);
    assert_int_equal(f->verdict, TND_REVIEW);
    assert_string_equal(f->reason,
                        "ingediend op 18-07-2022 11:30: na 18-07-2022 11:00 (§3.6 L381) maar "
                        "uiterlijk 18-07-2022 12:00 (§3.3 L251-253); het document noemt beide "
                        "tijden: beoordelen, niet ongeldig");
    assert_string_equal(f->source, "§3.6 L381");

    w->b.bid.submitted = (tnd_datetime){ DATE(2022, 7, 18), 12, 30, 0 };
    r = run(w);
    f = find(r, "SLUITINGSTIJD", 0, NULL);
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "ingediend op 18-07-2022 12:30, na de laatste genoemde "
                                   "sluitingstijd 18-07-2022 12:00 (§3.3 L251-253): ongeldig");
    assert_int_equal(r->stopped_at_step, 1);
}

/* §3.6 L393-395: a "review until" that is not after the closing time opens no window: one second
 * late is late, and the norm names the closing time only. */
static void test_review_window_ending_at_the_closing_time_opens_no_window(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    set_review_window(w);
    w->d.def.closing_review_until = w->d.def.closing_time;
    w->d.def.closing.resolution[0] = '\0';
    w->b.bid.submitted = (tnd_datetime){ DATE(2022, 7, 18), 11, 0, 1 };
    const tnd_check_result *r = run(w);
    const tnd_finding *f = find(r, "SLUITINGSTIJD", 0, NULL);
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason, "ingediend op 18-07-2022 11:00:01, na de sluitingstijd "
                                   "18-07-2022 11:00: ongeldig");
    assert_string_equal(f->norm, "uiterlijk 18-07-2022 11:00");
    assert_int_equal(r->stopped_at_step, 1);
}

/* §8.3.2 L3348-3349: capacity without the products (voorzieningen) of the group-care lot is as
 * incomplete as products without capacity. */
static void test_group_care_lot_with_capacity_but_no_products_is_missing(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    apply_for(&w->b, &w->d, 6);
    w->b.lots[1].capacity = 12;
    w->b.lots[1].n_products = 0;
    set_ref(&w->d.def.group.capacity_rule, "GROEP-CAPACITEIT", "§8.3.2 L3348-3349",
            "Voorzieningen en capaciteit");
    const tnd_check_result *r = run(w);
    const tnd_finding *f = find(r, "GROEP-CAPACITEIT", 6, NULL);
    assert_int_equal(f->step, 1);
    assert_int_equal(f->verdict, TND_MISSING);
    assert_string_equal(f->reason, "ontbreekt: voorzieningen groepsaanbod; geef bij perceel 6 de "
                                   "voorzieningen en de beschikbare capaciteit op");
    assert_string_equal(f->found, "geen producten");
    assert_string_equal(f->source, "§8.3.2 L3348-3349");
    assert_int_equal(r->placements[1].placed, 0);
}

/* §5.2: a party that left its name empty is still named in the finding, by its role and place:
 * "combinatielid 1", "derde 1". */
static void test_unnamed_member_and_third_party_are_named_by_their_role(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    make_combination(&w->b);
    w->b.members[0].name[0] = '\0';
    w->b.members[0].has_uea = false;
    const tnd_check_result *r = run(w);
    const tnd_finding *f = find(r, "VOLLEDIG-uea", 0, NULL);
    assert_int_equal(f->verdict, TND_MISSING);
    assert_string_equal(f->reason, "ontbreekt: UEA van combinatielid 1; voeg het ingevulde UEA "
                                   "toe");

    w->b.members[0].has_uea = true;
    complete_party(&w->b.third_parties[0], "", w->b.answers[2]);
    w->b.third_parties[0].declaration_signed = true;
    w->b.bid.third_parties = w->b.third_parties;
    w->b.bid.n_third_parties = 1;
    w->b.bid.bidder.part_iic_yes = true;
    set_answer(&w->b.third_parties[0], "corruption", true);
    r = run(w);
    f = find(r, "UITSLUITING", 0, "derde 1");
    assert_int_equal(f->verdict, TND_FAIL);
    assert_int_equal(find(r, "UITSLUITING", 0, "combinatielid 1")->verdict, TND_PASS);
}

/* ------------------------------------------------------------------ issue 7: corners */

static void test_combination_rule_of_at_most_two_lots_counts_as_written(void **state)
{
    world *w = *state;
    /* a definition allowing two of lots 1-5 (IJsselland allows one): the count is the rule's */
    w->d.combos[0].count = 2;
    apply_for(&w->b, &w->d, 1);
    apply_for(&w->b, &w->d, 3);
    const tnd_check_result *r = run(w);
    const tnd_finding *f = find(r, "COMBI-1-5", 1, NULL);
    assert_int_equal(f->verdict, TND_PASS);
    assert_string_equal(f->reason, "inschrijving op ten hoogste 2 van de percelen 1-5");
    assert_string_equal(f->norm, "ten hoogste 2 van 1-5");
}

static void test_lot_9_without_any_product_names_both_missing(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 9);
    apply_for(&w->b, &w->d, 3);
    w->b.lots[0].n_products = 0;
    const tnd_check_result *r = run(w);
    /* §4.3.1 L946-947: both voorzieningen, each missing one named */
    const tnd_finding *f = find(r, "COMBI-9", 9, NULL);
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->reason,
                        "perceel 9 vereist alle producten; ontbreekt: diagnostiek, behandeling");
    assert_string_equal(f->found, "0 van 2 producten");
}

static void test_references_declared_without_any_listed_are_missing_in_step_1(void **state)
{
    world *w = *state;
    apply_for(&w->b, &w->d, 3);
    w->b.bid.n_references = 0; /* "has references" with none given */
    const tnd_check_result *r = run(w);
    const tnd_finding *f = find(r, "VOLLEDIG-references", 0, NULL);
    assert_non_null(f);
    assert_int_equal(f->step, 1);
    assert_int_equal(f->verdict, TND_MISSING);
    assert_int_equal(r->stopped_at_step, 1);
}

static void test_both_products_held_hold_the_lot_and_are_each_named(void **state)
{
    world *w = *state;
    /* §3.2 L218-219, §4.1.8 L567-573: each group's claim differs from its computed intensity,
     * one on D and one on E; with every product held the lot waits for the meeting */
    static const char *const offered[] = { "D", "E" };
    residential_bid(w, offered, 2, 56, "D"); /* 56 / 7 / 4 = 2,00 => E, claimed D */
    static tnd_residential_group groups[2];
    groups[0] = one_group;
    groups[1] = one_group;
    strcpy(groups[1].name, "Leefgroep De Beuk");
    groups[1].staff_hours_week = D(40000000); /* 40 / 7 / 4 = 1,43 => D, claimed E */
    strcpy(groups[1].claimed, "E");
    w->b.bid.residential_groups = groups;
    w->b.bid.n_residential_groups = 2;
    w->d.def.residential.on_mismatch = TND_REVIEW;
    const tnd_check_result *r = run(w);
    assert_int_equal(r->placements[1].applied, 8);
    assert_int_equal(r->placements[1].placed, 8);
    assert_int_equal(r->placements[1].status, TND_LOT_PENDING);
    assert_string_equal(r->placements[1].products,
                        "product D: BEOORDELEN (INTENSITEIT-VERBLIJF); product E: BEOORDELEN "
                        "(INTENSITEIT-VERBLIJF)");
}

static void test_ground_without_its_own_source_cites_the_exclusion_rule(void **state)
{
    world *w = *state;
    /* a definition naming no line for the ground: the § of the exclusion rule stands */
    w->d.grounds[0].source[0] = '\0';
    apply_for(&w->b, &w->d, 3);
    set_answer(&w->b.bid.bidder, "corruption", true);
    const tnd_check_result *r = run(w);
    const tnd_finding *f = find(r, "UITSLUITING", 0, BIDDER);
    assert_int_equal(f->verdict, TND_FAIL);
    assert_string_equal(f->source, "§5.2 L1290-1296");
}

static void test_rule_failing_for_two_groups_is_named_once_in_the_path(void **state)
{
    world *w = *state;
    /* §9: two groups claim D and both compute E: D is refused twice by the same rule; with the
     * only product refused the lot is refused, and the path names the rule once */
    static const char *const offered[] = { "D" };
    residential_bid(w, offered, 1, 56, "D");
    static tnd_residential_group groups[2];
    groups[0] = one_group;
    groups[1] = one_group;
    strcpy(groups[1].name, "Leefgroep De Beuk");
    w->b.bid.residential_groups = groups;
    w->b.bid.n_residential_groups = 2;
    const tnd_check_result *r = run(w);
    assert_int_equal(count_verdict(r, "INTENSITEIT-VERBLIJF", TND_FAIL), 2);
    assert_int_equal(r->placements[1].applied, 8);
    assert_int_equal(r->placements[1].placed, 0);
    assert_string_equal(r->placements[1].path, "8: INTENSITEIT-VERBLIJF niet voldaan; geen "
                                               "terugval");
}

static void test_products_without_a_staffing_calculation_need_no_group(void **state)
{
    world *w = *state;
    /* §9 L4156-4158: only intensity products of the scale need a group's calculation; H is not
     * in this scale and C belongs to another product group (pleegzorg-like): neither is asked */
    strcpy(w->d.products[7][0].group, "pleegzorg");
    static const char *const offered[] = { "C", "E", "H" };
    residential_bid(w, offered, 3, 56, "E"); /* 56 / 7 / 4 = 2,00 => E, as claimed */
    set_ref(&w->d.def.residential.calc_rule, "INTENSITEIT-BEREKENING", "§9 L4156-4158",
            "Berekening per groep");
    const tnd_check_result *r = run(w);
    assert_int_equal(count(r, "INTENSITEIT-BEREKENING"), 1);
    const tnd_finding *f = find(r, "INTENSITEIT-BEREKENING", 8, NULL);
    assert_int_equal(f->verdict, TND_PASS);
    assert_string_equal(f->reason, "berekening per groep achter elke opgegeven intensiteit");
}

static void test_requires_any_rule_whose_set_holds_its_own_lot_is_met_by_it(void **state)
{
    world *w = *state;
    /* a definition writing "lot 6 with one of 1-6": the lot itself is in the set and counts */
    w->d.combos[1].lots[w->d.combos[1].n_lots++] = 6;
    apply_for(&w->b, &w->d, 6);
    const tnd_check_result *r = run(w);
    const tnd_finding *f = find(r, "COMBI-6", 6, NULL);
    assert_int_equal(f->verdict, TND_PASS);
    assert_string_equal(f->reason, "perceel 6 samen met een van de percelen 1-6");
}

static void test_all_products_rule_for_a_lot_the_definition_lacks_adds_nothing(void **state)
{
    world *w = *state;
    /* COMBI-9 names lot 9, which this definition does not have: nothing to compare against */
    apply_for(&w->b, &w->d, 9);
    apply_for(&w->b, &w->d, 3);
    w->d.def.n_lots = 8;
    const tnd_check_result *r = run(w);
    assert_int_equal(count(r, "COMBI-9"), 0);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_complete_bid_on_lot_3_is_eligible_and_placed_in_lot_3),
        T(test_findings_follow_the_document_order),
        T(test_submission_exactly_at_closing_time_passes),
        T(test_submission_one_second_late_fails_naming_the_resolution),
        T(test_missing_submission_time_is_missing_and_stops_at_step_1),
        T(test_kvk_extract_exactly_6_months_old_passes),
        T(test_kvk_extract_one_day_older_than_6_months_fails),
        T(test_kvk_extract_dated_after_submission_fails),
        T(test_kvk_extract_dated_on_the_submission_day_passes),
        T(test_kvk_extract_of_each_combination_member_is_checked),
        T(test_missing_kvk_extract_is_reported_once_in_step_1),
        T(test_missing_gedragsverklaring_is_conditional_and_still_eligible),
        T(test_gedragsverklaring_older_than_24_months_fails),
        T(test_ground_in_part_iiia_answered_yes_excludes),
        T(test_ground_in_part_iiib_answered_yes_excludes),
        T(test_ground_in_part_iiic_answered_yes_goes_to_review_and_bid_pends),
        T(test_ground_not_ticked_in_part_iiic_adds_no_finding),
        T(test_each_party_gets_its_own_exclusion_verdict),
        T(test_unanswered_ground_is_missing_in_step_1_naming_the_code),
        T(test_answers_in_reverse_order_are_each_found),
        T(test_unanswered_ground_is_named_when_the_others_come_in_reverse_order),
        T(test_unanswered_ground_that_is_not_applied_is_not_missing),
        T(test_member_without_uea_is_missing),
        T(test_unnamed_member_and_third_party_are_named_by_their_role),
        T(test_missing_financial_figure_is_missing_naming_item_and_year),
        T(test_startup_without_figures_is_not_missing),
        T(test_startup_without_2021_accounts_needs_no_going_concern_statement),
        T(test_startup_with_2021_accounts_still_needs_going_concern_statement),
        T(test_required_item_limited_to_lots_applies_only_to_those),
        T(test_unknown_required_item_goes_to_review),
        T(test_insurance_item_is_met_by_part_iv_alone),
        T(test_bid_without_lots_stops_at_step_1),
        T(test_bids_on_lots_1_and_3_both_fail_at_most_one_of_1_to_5),
        T(test_lots_failing_the_combination_rule_do_not_fall_back),
        T(test_lot_6_alone_fails_requires_one_of_lots_1_to_5),
        T(test_lot_6_with_lot_3_passes_the_combination_rule),
        T(test_lot_8_alone_as_gezinshuis_passes_the_combination_rule),
        T(test_lot_8_alone_as_regular_provider_fails),
        T(test_lot_9_with_one_product_fails_naming_the_missing_product),
        T(test_lot_9_with_both_products_passes),
        T(test_lot_5_requirement_failing_places_in_lot_3_with_the_path),
        T(test_cascade_goes_down_to_lot_1_when_lot_3_fails_too),
        T(test_cascade_opt_out_places_nowhere),
        T(test_cascade_skips_a_lot_the_bid_applied_for_itself),
        T(test_lot_without_a_chain_has_no_fallback),
        T(test_general_failure_places_no_lot),
        T(test_lot_4_passing_awaits_the_award),
        T(test_lot_4_failing_falls_back_to_lot_3),
        T(test_signatory_with_mandate_of_an_authorised_grantor_passes),
        T(test_reservations_go_to_review),
        T(test_bid_not_in_dutch_fails),
        T(test_combination_member_without_joint_liability_fails),
        T(test_combination_penvoerder_without_joint_liability_fails),
        T(test_declarations_that_do_not_apply_add_no_finding),
        T(test_third_party_without_part_iic_yes_fails),
        T(test_third_party_with_unsigned_declaration_fails),
        T(test_unknown_document_in_the_definition_goes_to_review),
        T(test_unknown_declaration_in_the_definition_goes_to_review),
        T(test_violated_declaration_without_a_verdict_in_the_definition_fails),
        T(test_combination_without_penvoerder_fails),
        T(test_holding_without_declaration_fails),
        T(test_submission_one_second_after_11_is_review_naming_both_texts),
        T(test_submission_exactly_at_12_is_still_review),
        T(test_submission_one_second_after_12_fails),
        T(test_submission_exactly_at_11_passes_with_a_review_window),
        T(test_closing_window_without_a_resolution_is_review_then_fail_without_citing_one),
        T(test_review_window_ending_at_the_closing_time_opens_no_window),
        T(test_lot_7_with_two_of_lots_1_to_5_fails_the_valid_choice),
        T(test_lot_8_with_only_an_invalid_lot_6_fails),
        T(test_lot_8_with_a_valid_lot_6_passes),
        T(test_claim_other_than_computed_holds_only_that_product),
        T(test_claim_other_than_computed_on_the_only_product_holds_the_lot),
        T(test_claim_mismatch_without_review_refuses_only_that_product),
        T(test_claim_mismatch_on_every_product_refuses_the_lot),
        T(test_combination_rule_of_at_most_two_lots_counts_as_written),
        T(test_lot_9_without_any_product_names_both_missing),
        T(test_references_declared_without_any_listed_are_missing_in_step_1),
        T(test_both_products_held_hold_the_lot_and_are_each_named),
        T(test_ground_without_its_own_source_cites_the_exclusion_rule),
        T(test_rule_failing_for_two_groups_is_named_once_in_the_path),
        T(test_products_without_a_staffing_calculation_need_no_group),
        T(test_requires_any_rule_whose_set_holds_its_own_lot_is_met_by_it),
        T(test_all_products_rule_for_a_lot_the_definition_lacks_adds_nothing),
        T(test_claim_as_computed_holds_nothing),
        T(test_intensity_bid_without_a_group_calculation_is_missing_for_that_product),
        T(test_every_intensity_bid_with_a_group_calculation_passes),
        T(test_group_care_lot_without_capacity_is_missing_for_that_lot),
        T(test_group_care_lot_with_one_place_passes),
        T(test_group_care_lot_with_capacity_but_no_products_is_missing),
        cmocka_unit_test(test_findings_worst_ignores_detail_rows_and_other_lots),
        cmocka_unit_test(test_add_finding_copies_the_rule_and_grows),
        cmocka_unit_test(test_long_reason_is_cut_on_a_character_boundary),
        cmocka_unit_test(test_finding_set_gives_the_bytes_of_snprintf),
        cmocka_unit_test(test_verdict_and_status_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
