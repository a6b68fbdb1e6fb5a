/*
 * bid_xlsx.c - a filled-in bidder workbook into tnd_bid (see bid_xlsx.h; layout
 * forms/layout/form_layout.h; the XML reader it must agree with: tender/bid.c).
 *
 * One function per sheet, each reading the rows the layout names: the key in column A first,
 * then the input cells through tender/form_cells.h. What the form leaves blank stays absent, as
 * in an XML bid that leaves the element out: step 1 of the evaluation reports it (§6). The
 * formulas of the self-check ('Controle', the verdict columns) are never read: `tender check`
 * decides, not the cached result of a spreadsheet.
 *
 * Where the form and the XML differ in shape, the form's meaning is mapped onto the XML's:
 *  - a blank ja/nee that the XML would leave out is absent (has_* false);
 *  - a member or third party counts when any of its cells is filled (form_layout.h), members
 *    only when 'Combinatie' is ja;
 *  - municipalities are chosen by name and stored as the definition's id;
 *  - a date typed with a time of day in the submission date cell keeps that time (a late bid
 *    never becomes 00:00); a different time in the time cell is refused.
 */
#include "tender/bid_xlsx.h"

#include <ctype.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "forms/layout/form_layout.h"
#include "tender/bid.h"
#include "tender/form_cells.h"
#include "tender/notation.h"
#include "tender/xlsx.h"
#include "tender/base/textsafe.h"

/* Absurd-value bounds, the same as the XML reader's (tender/bid.c). */
#define YOUTHS_MAX 1000
#define HOURS_MAX 10000
#define WEEK_HOURS 168
#define FTE_MAX 100000
#define DISTANCE_MAX_KM 100000
#define PLACES_MAX 100000
#define CLIENTS_MAX 10000000
#define MAX_CAO 4
#define DEFAULT_GROUP_KIND "regular" /* no kind: the regular occupancy floor (bid.c) */

#define FORM_NAME "het invulformulier van deze aanbesteding (tender forms)"

typedef struct {
    const char *path;
    const tnd_definition *def;
    tnd_fillin_layout L;
    tnd_xlsx *book;
    tnd_notation *nt;
    tnd_error *err;
    tnd_bid *bid;
} reader;

static tnd_dec dec_int(long v)
{
    return tnd_dec_from_int(v);
}

static int max_int(int a, int b)
{
    return a > b ? a : b;
}

/* Opens a sheet with room for rows 0..last_row and columns 0..last_col. */
static tnd_status open_sheet(reader *r, const char *name, int last_row, int last_col,
                             tnd_form_sheet **s)
{
    return tnd_form_sheet_open(r->book, name, last_row + 1, last_col + 1, FORM_NAME, s, r->err);
}

/* "Inschrijver (penvoerder), KvK-nummer (8 cijfers)": a field in a column of a grid. */
static void what_of(char *buf, size_t size, const char *column, const char *field)
{
    snprintf(buf, size, "%s, %s", column, field);
}

/* An 8-digit number (KvK, AGB) typed as text or number. */
static tnd_status read_digits(reader *r, tnd_form_sheet *s, int row, int col, const char *what,
                              bool (*parse)(const tnd_notation *, const char *, char[9], char *,
                                            size_t),
                              char out[9])
{
    char text[64], why[256] = "";
    TND_TRY(tnd_form_text(s, row, col, what, text, sizeof text, r->err));
    out[0] = '\0';
    if (!text[0])
        return TND_OK;
    if (parse(r->nt, text, out, why, sizeof why))
        return TND_OK;
    out[0] = '\0';
    char q[TND_QUOTE_SIZE];
    tnd_text_quote(q, text);
    return tnd_form_fail(s, row, col, r->err, TND_ERR_VALUE,
                         "typ de 8 cijfers (bijvoorbeeld 41237788); begint het nummer met een 0, "
                         "maak de cel dan tekst (typ een ' ervoor), anders valt de 0 weg",
                         "%s: '%s' is %s", what, q, why);
}

/* ------------------------------------------------------------------------------------------ */
/* Identiteit                                                                                  */

/* The last row of the sheet the reader uses. */
static int identity_last_row(const tnd_fillin_layout *L)
{
    int last = L->party_last_row;
    for (int f = 0; f < TND_FORM_BID_FIELDS; f++)
        last = max_int(last, L->bid_row[f]);
    return last;
}

static tnd_status identity_keys(reader *r, tnd_form_sheet *s)
{
    const tnd_fillin_layout *L = &r->L;
    for (int f = 0; f < TND_FORM_BID_FIELDS; f++)
        if (L->bid_row[f] != TND_FORM_NO_ROW)
            TND_TRY(tnd_form_key(s, L->bid_row[f], tnd_form_bid_field_names[f].key, r->err));
    for (int f = 0; f < TND_FORM_PARTY_FIELDS; f++)
        TND_TRY(tnd_form_key(s, L->party_row[f], tnd_form_party_field_names[f].key, r->err));
    for (size_t g = 0; g < r->def->exclusion.n_grounds && g < TND_FORM_MAX_GROUNDS; g++)
        if (L->ground_row[g] != TND_FORM_NO_ROW)
            TND_TRY(tnd_form_key(s, L->ground_row[g], r->def->exclusion.grounds[g].code, r->err));
    return TND_OK;
}

/* A bid-level ja/nee. */
static tnd_status bid_flag(reader *r, tnd_form_sheet *s, tnd_form_bid_field f, bool *present,
                           bool *out)
{
    *present = false;
    if (r->L.bid_row[f] == TND_FORM_NO_ROW)
        return TND_OK;
    return tnd_form_yes_no(s, r->L.bid_row[f], TND_FORM_ID_COL_BIDDER,
                           tnd_form_bid_field_names[f].label, present, out, r->err);
}

static tnd_status read_submission(reader *r, tnd_form_sheet *s)
{
    const tnd_fillin_layout *L = &r->L;
    int col = TND_FORM_ID_COL_BIDDER;
    int date_row = L->bid_row[TND_FORM_BID_SUBMIT_DATE];
    int time_row = L->bid_row[TND_FORM_BID_SUBMIT_TIME];
    bool has_date, has_time = false;
    tnd_date date;
    int date_seconds = 0, seconds = 0;
    TND_TRY(tnd_form_date(s, date_row, col, tnd_form_bid_field_names[TND_FORM_BID_SUBMIT_DATE].label,
                      &has_date, &date, &date_seconds, r->err));
    if (time_row != TND_FORM_NO_ROW)
        TND_TRY(tnd_form_time(s, time_row, col,
                          tnd_form_bid_field_names[TND_FORM_BID_SUBMIT_TIME].label, &has_time,
                          &seconds, r->err));
    if (has_time && !has_date)
        return tnd_form_fail(s, time_row, col, r->err, TND_ERR_VALUE,
                             "vul ook de datum van indienen in (de cel erboven)",
                             "tijd van indienen zonder datum");
    if (has_time && date_seconds && date_seconds != seconds)
        return tnd_form_fail(s, time_row, col, r->err, TND_ERR_VALUE,
                             "laat de tijd alleen in deze cel staan: typ in de cel erboven "
                             "alleen de datum",
                             "de datum van indienen bevat een andere tijd dan deze cel");
    if (!has_date)
        return TND_OK;
    if (!has_time)
        seconds = date_seconds;
    r->bid->has_submission = true;
    r->bid->submitted = (tnd_datetime){ date, seconds / 3600, seconds / 60 % 60, seconds % 60 };
    return TND_OK;
}

static tnd_status read_bid_fields(reader *r, tnd_form_sheet *s)
{
    const tnd_fillin_layout *L = &r->L;
    tnd_bid *bid = r->bid;
    int col = TND_FORM_ID_COL_BIDDER;
    bool present, yes;
    TND_TRY(read_submission(r, s));
    TND_TRY(tnd_form_text(s, L->bid_row[TND_FORM_BID_PROVIDER_TYPE], col,
                      tnd_form_bid_field_names[TND_FORM_BID_PROVIDER_TYPE].label,
                      bid->provider_type, sizeof bid->provider_type, r->err));
    for (int i = 0; i < TND_FORM_MAX_AGB && i < (int)TND_COUNTOF(bid->agb); i++) {
        TND_TRY(read_digits(r, s, L->bid_row[TND_FORM_BID_AGB + i], col,
                        tnd_form_bid_field_names[TND_FORM_BID_AGB + i].label, tnd_parse_agb,
                        bid->agb[bid->n_agb]));
        if (bid->agb[bid->n_agb][0])
            bid->n_agb++;
    }
    TND_TRY(bid_flag(r, s, TND_FORM_BID_COMBINATION, &present, &bid->is_combination));
    TND_TRY(bid_flag(r, s, TND_FORM_BID_HOLDING, &present, &bid->has_holding));
    if (bid->has_holding) {
        TND_TRY(tnd_form_text(s, L->bid_row[TND_FORM_BID_HOLDING_NAME], col,
                          tnd_form_bid_field_names[TND_FORM_BID_HOLDING_NAME].label,
                          bid->holding, sizeof bid->holding, r->err));
        TND_TRY(bid_flag(r, s, TND_FORM_BID_HOLDING_DECLARATION, &present,
                     &bid->holding_declaration));
    }
    TND_TRY(bid_flag(r, s, TND_FORM_BID_OPT_OUT, &present, &bid->cascade_opt_out));
    TND_TRY(bid_flag(r, s, TND_FORM_BID_TRUTHFULNESS, &bid->has_truthfulness,
                 &bid->truthfulness_signed));
    TND_TRY(bid_flag(r, s, TND_FORM_BID_SIGNATORY, &bid->has_signatory, &bid->signatory_authorised));
    TND_TRY(bid_flag(r, s, TND_FORM_BID_MANDATE, &present, &yes));
    bid->has_mandate = present && yes;
    if (bid->has_mandate)
        TND_TRY(bid_flag(r, s, TND_FORM_BID_MANDATE_GRANTOR, &present,
                     &bid->mandate_grantor_authorised));
    TND_TRY(bid_flag(r, s, TND_FORM_BID_RESERVATIONS, &present, &bid->reservations));
    static const char *const languages[] = { TND_FORM_LANGUAGE_DUTCH, TND_FORM_LANGUAGE_OTHER };
    int language;
    TND_TRY(tnd_form_choice(s, L->bid_row[TND_FORM_BID_LANGUAGE], col,
                        tnd_form_bid_field_names[TND_FORM_BID_LANGUAGE].label, languages, 2,
                        &language, r->err));
    bid->language_dutch = language != 1; /* blank: Nederlands, as §4.1.10b requires */
    return TND_OK;
}

/* Does party p have any cell filled, on Identiteit or on its insurance row? */
static bool party_filled(const tnd_fillin_layout *L, tnd_form_sheet *id, tnd_form_sheet *ins,
                         int p)
{
    int col = tnd_form_party_col(p);
    for (int row = L->party_first_row; row <= L->party_last_row; row++)
        if (!tnd_form_blank(id, row, col))
            return true;
    return tnd_form_row_filled(ins, L->ins_row0 + p, TND_FORM_INS_COL_COVER,
                               TND_FORM_INS_COL_NAMED);
}

static tnd_status party_flag(reader *r, tnd_form_sheet *s, int p, tnd_form_party_field f,
                             bool *present, bool *out)
{
    char what[320];
    what_of(what, sizeof what, tnd_form_party_title(p), tnd_form_party_field_names[f].label);
    return tnd_form_yes_no(s, r->L.party_row[f], tnd_form_party_col(p), what, present, out,
                           r->err);
}

static tnd_status party_text(reader *r, tnd_form_sheet *s, int p, tnd_form_party_field f,
                             char *dst, size_t size)
{
    char what[320];
    what_of(what, sizeof what, tnd_form_party_title(p), tnd_form_party_field_names[f].label);
    return tnd_form_text(s, r->L.party_row[f], tnd_form_party_col(p), what, dst, size, r->err);
}

static tnd_status party_date(reader *r, tnd_form_sheet *s, int p, tnd_form_party_field f,
                             bool *present, tnd_date *out)
{
    char what[320];
    what_of(what, sizeof what, tnd_form_party_title(p), tnd_form_party_field_names[f].label);
    return tnd_form_date(s, r->L.party_row[f], tnd_form_party_col(p), what, present, out, NULL,
                         r->err);
}

/* UEA: one answer per ground the form asks, in the definition's order; part II C and IV. */
static tnd_status read_uea(reader *r, tnd_form_sheet *s, int p, tnd_party *party)
{
    const tnd_exclusion_rules *ex = &r->def->exclusion;
    int col = tnd_form_party_col(p);
    party->answers = calloc(ex->n_grounds ? ex->n_grounds : 1, sizeof *party->answers);
    if (!party->answers)
        return tnd_error_nomem(r->err, r->path);
    for (size_t g = 0; g < ex->n_grounds && g < TND_FORM_MAX_GROUNDS; g++) {
        int row = r->L.ground_row[g];
        if (row == TND_FORM_NO_ROW)
            continue;
        char what[400];
        bool present, yes = false;
        snprintf(what, sizeof what, "%s, uitsluitingsgrond %s (UEA deel %s)",
                 tnd_form_party_title(p), ex->grounds[g].label, ex->grounds[g].part);
        TND_TRY(tnd_form_yes_no(s, row, col, what, &present, &yes, r->err));
        if (!present)
            continue;
        tnd_uea_answer *a = &party->answers[party->n_answers++];
        snprintf(a->code, sizeof a->code, "%s", ex->grounds[g].code);
        a->yes = yes;
        a->line = row + 1;
        party->has_uea = true;
    }
    bool present;
    TND_TRY(party_flag(r, s, p, TND_FORM_PARTY_UEA_IIC, &present, &party->part_iic_yes));
    party->has_uea = party->has_uea || present;
    TND_TRY(party_flag(r, s, p, TND_FORM_PARTY_UEA_IV, &party->has_part_iv, &party->part_iv_yes));
    party->has_uea = party->has_uea || party->has_part_iv;
    return TND_OK;
}

static tnd_status read_insurance(reader *r, tnd_form_sheet *ins, int p, tnd_party *party)
{
    int row = r->L.ins_row0 + p;
    char what[320];
    bool present;
    what_of(what, sizeof what, tnd_form_party_title(p), "dekking per gebeurtenis");
    TND_TRY(tnd_form_money(ins, row, TND_FORM_INS_COL_COVER, what, false, &party->has_insurance,
                       &party->insurance_cover, r->err));
    what_of(what, sizeof what, tnd_form_party_title(p), "concernpolis");
    TND_TRY(tnd_form_yes_no(ins, row, TND_FORM_INS_COL_CONCERN, what, &present,
                        &party->concern_policy, r->err));
    what_of(what, sizeof what, tnd_form_party_title(p), "als verzekerde vermeld");
    TND_TRY(tnd_form_yes_no(ins, row, TND_FORM_INS_COL_NAMED, what, &present,
                        &party->named_insured, r->err));
    party->insurance_line = row + 1;
    return TND_OK;
}

static tnd_status read_party(reader *r, tnd_form_sheet *id, tnd_form_sheet *ins, int p,
                             tnd_party *party)
{
    bool present;
    char what[320];
    party->line = r->L.party_first_row + 1;
    TND_TRY(party_text(r, id, p, TND_FORM_PARTY_NAME, party->name, sizeof party->name));
    what_of(what, sizeof what, tnd_form_party_title(p),
            tnd_form_party_field_names[TND_FORM_PARTY_KVK].label);
    TND_TRY(read_digits(r, id, r->L.party_row[TND_FORM_PARTY_KVK], tnd_form_party_col(p), what,
                    tnd_parse_kvk, party->kvk));
    TND_TRY(party_text(r, id, p, TND_FORM_PARTY_LEGAL_FORM, party->legal_form,
                   sizeof party->legal_form));
    TND_TRY(read_uea(r, id, p, party));
    TND_TRY(party_date(r, id, p, TND_FORM_PARTY_DOC_KVK, &party->has_kvk_extract,
                   &party->kvk_extract));
    TND_TRY(party_date(r, id, p, TND_FORM_PARTY_DOC_GEDRAG, &party->has_gedragsverklaring,
                   &party->gedragsverklaring));
    TND_TRY(party_date(r, id, p, TND_FORM_PARTY_DOC_BELASTING, &party->has_belastingverklaring,
                   &party->belastingverklaring));
    TND_TRY(party_flag(r, id, p, TND_FORM_PARTY_JOINT_LIABILITY, &present,
                   &party->joint_liability_signed));
    TND_TRY(party_text(r, id, p, TND_FORM_PARTY_RELIED_FOR, party->relied_for,
                   sizeof party->relied_for));
    TND_TRY(party_flag(r, id, p, TND_FORM_PARTY_DECLARATION, &present, &party->declaration_signed));
    return read_insurance(r, ins, p, party);
}

/* The inschrijver, the combination members (when 'Combinatie' is ja) and the third parties. */
static tnd_status read_parties(reader *r, tnd_form_sheet *id, tnd_form_sheet *ins)
{
    tnd_bid *bid = r->bid;
    bid->members = calloc(TND_FORM_MAX_MEMBERS, sizeof *bid->members);
    bid->third_parties = calloc(TND_FORM_MAX_THIRD, sizeof *bid->third_parties);
    if (!bid->members || !bid->third_parties)
        return tnd_error_nomem(r->err, r->path);
    TND_TRY(read_party(r, id, ins, 0, &bid->bidder));
    for (int p = 1; p < TND_FORM_N_PARTIES; p++) {
        bool member = tnd_form_party_is_member(p);
        if ((member && !bid->is_combination) || !party_filled(&r->L, id, ins, p))
            continue;
        tnd_party *party = member ? &bid->members[bid->n_members++]
                                  : &bid->third_parties[bid->n_third_parties++];
        TND_TRY(read_party(r, id, ins, p, party));
    }
    return TND_OK;
}

/* ------------------------------------------------------------------------------------------ */
/* Percelen                                                                                    */

static tnd_status read_lots(reader *r)
{
    const tnd_definition *def = r->def;
    const tnd_fillin_layout *L = &r->L;
    tnd_bid *bid = r->bid;
    int last = TND_FORM_FIRST_ROW;
    for (size_t i = 0; i < def->n_lots; i++)
        last = max_int(last, L->lot_row[i] + (int)def->lots[i].n_products);
    tnd_form_sheet *s;
    TND_TRY(open_sheet(r, TND_FORM_SHEET_LOTS, last, TND_FORM_LOT_COL_CAPACITY, &s));
    tnd_status rc = TND_OK;
    bid->lots = calloc(def->n_lots ? def->n_lots : 1, sizeof *bid->lots);
    if (!bid->lots)
        rc = tnd_error_nomem(r->err, r->path);
    for (size_t i = 0; rc == TND_OK && i < def->n_lots; i++) {
        const tnd_lot *lot = &def->lots[i];
        int row = L->lot_row[i];
        char key[64], what[TND_LABEL_LEN + 64];
        bool present, applied = false;
        snprintf(key, sizeof key, "perceel-%d", lot->number);
        snprintf(what, sizeof what, "perceel %d (%s)", lot->number, lot->name);
        rc = tnd_form_key(s, row, key, r->err);
        if (rc == TND_OK)
            rc = tnd_form_yes_no(s, row, TND_FORM_LOT_COL_APPLY, what, &present, &applied,
                                 r->err);
        tnd_bid_lot *bl = &bid->lots[bid->n_lots];
        memset(bl, 0, sizeof *bl);
        bl->number = lot->number;
        bl->line = row + 1;
        if (rc == TND_OK && applied && lot->number == def->group.lot) /* the only capacity */
            rc = tnd_form_count(s, row, TND_FORM_LOT_COL_CAPACITY, what, 0, PLACES_MAX,
                                &present, &bl->capacity, r->err);
        for (size_t p = 0; rc == TND_OK && p < lot->n_products; p++) {
            const char *code = lot->products[p].code;
            bool yes = false;
            int prow = row + 1 + (int)p;
            snprintf(key, sizeof key, "product-%d-%s", lot->number, code);
            snprintf(what, sizeof what, "perceel %d, voorziening %s", lot->number, code);
            rc = tnd_form_key(s, prow, key, r->err);
            if (rc == TND_OK)
                rc = tnd_form_yes_no(s, prow, TND_FORM_LOT_COL_APPLY, what, &present, &yes,
                                     r->err);
            if (rc == TND_OK && yes && !applied)
                rc = tnd_form_fail(s, prow, TND_FORM_LOT_COL_APPLY, r->err, TND_ERR_VALUE,
                                   "zet het perceel op ja of de voorziening op nee",
                                   "voorziening %s staat op ja, maar perceel %d niet", code,
                                   lot->number);
            if (rc == TND_OK && yes && bl->n_products < TND_MAX_BID_PRODUCTS &&
                !tnd_bid_lot_add_product(bl, code))
                rc = tnd_error_nomem(r->err, r->path);
        }
        if (rc == TND_OK && applied) {
            bid->n_lots++;
        } else { /* not counted in n_lots, so tnd_bid_free would not see its products */
            free(bl->products);
            bl->products = NULL;
            bl->n_products = 0;
        }
    }
    tnd_form_sheet_close(s);
    return rc;
}

/* ------------------------------------------------------------------------------------------ */
/* Financieel (Bijlage XVI, §5.3.1)                                                            */

static bool item_asks_year(const tnd_fin_item *item, int year)
{
    for (int y = 0; y < item->n_years && y < (int)TND_COUNTOF(item->years); y++)
        if (item->years[y] == year)
            return true;
    return false;
}

/* The year in the header of column col must be the layout's: a shifted column would put a
 * figure in another year. */
static tnd_status check_year_header(reader *r, tnd_form_sheet *s, int col, int year)
{
    char text[32], expected[16];
    TND_TRY(tnd_form_text(s, TND_FORM_HEADER_ROW, col, "kop van de jaarkolom", text, sizeof text,
                      r->err));
    snprintf(expected, sizeof expected, "%d", year);
    if (strcmp(text, expected) == 0)
        return TND_OK;
    char q[TND_QUOTE_SIZE];
    tnd_text_quote(q, text);
    return tnd_form_fail(s, TND_FORM_HEADER_ROW, col, r->err, TND_ERR_SCHEMA,
                         "gebruik het formulier zoals het gemaakt is (tender forms): verplaats "
                         "of verwijder geen kolommen",
                         "de indeling van het formulier is gewijzigd: de jaarkolom heeft kop "
                         "'%s', verwacht %d", q, year);
}

static tnd_status read_figures(reader *r, tnd_form_sheet *s)
{
    const tnd_financial_rules *fin = &r->def->financial;
    const tnd_fillin_layout *L = &r->L;
    tnd_bid *bid = r->bid;
    for (int i = 0; i < fin->n_items && i < (int)TND_COUNTOF(fin->items); i++)
        TND_TRY(tnd_form_key(s, L->fin_item_row[i], fin->items[i].id, r->err));
    bid->figures = calloc((size_t)(L->n_years * fin->n_items) + 1, sizeof *bid->figures);
    if (!bid->figures)
        return tnd_error_nomem(r->err, r->path);
    /* year by year, as a Bijlage XVI in XML lists them */
    for (int y = 0; y < L->n_years; y++) {
        int col = TND_FORM_FIN_COL_FIRST_YEAR + y;
        TND_TRY(check_year_header(r, s, col, L->years[y]));
        for (int i = 0; i < fin->n_items && i < (int)TND_COUNTOF(fin->items); i++) {
            const tnd_fin_item *item = &fin->items[i];
            int row = L->fin_item_row[i];
            if (!item_asks_year(item, L->years[y]))
                continue; /* the locked "n.v.t." cell of a year the item is not asked for */
            char what[TND_LABEL_LEN + 16];
            snprintf(what, sizeof what, "%s %d", item->label, L->years[y]);
            tnd_figure *f = &bid->figures[bid->n_figures];
            bool present;
            TND_TRY(tnd_form_money(s, row, col, what, item->may_be_negative, &present, &f->amount,
                               r->err));
            if (!present)
                continue; /* no figure: absent, never zero (§5.3.1) */
            snprintf(f->item, sizeof f->item, "%s", item->id);
            f->year = L->years[y];
            f->line = row + 1;
            bid->n_figures++;
            bid->has_financials = true;
        }
    }
    return TND_OK;
}

static tnd_status read_financials(reader *r)
{
    const tnd_fillin_layout *L = &r->L;
    tnd_bid *bid = r->bid;
    int last = 0;
    for (int f = 0; f < TND_FORM_FIN_FIELDS; f++)
        last = max_int(last, L->fin_row[f]);
    tnd_form_sheet *s;
    TND_TRY(open_sheet(r, TND_FORM_SHEET_FINANCIAL, last,
                   TND_FORM_FIN_COL_FIRST_YEAR + L->n_years - 1, &s));
    tnd_status rc = read_figures(r, s);
    for (int f = 0; rc == TND_OK && f < TND_FORM_FIN_FIELDS; f++)
        rc = tnd_form_key(s, L->fin_row[f], tnd_form_fin_field_names[f].key, r->err);
    int col = TND_FORM_FIN_COL_VALUE;
    bool present = false;
    if (rc == TND_OK)
        rc = tnd_form_yes_no(s, L->fin_row[TND_FORM_FIN_STARTUP], col,
                             tnd_form_fin_field_names[TND_FORM_FIN_STARTUP].label, &present,
                             &bid->startup, r->err);
    bid->has_financials = bid->has_financials || present;
    if (rc == TND_OK)
        rc = tnd_form_yes_no(s, L->fin_row[TND_FORM_FIN_GOING_CONCERN], col,
                             tnd_form_fin_field_names[TND_FORM_FIN_GOING_CONCERN].label,
                             &bid->has_going_concern, &bid->going_concern_negative, r->err);
    bid->has_financials = bid->has_financials || bid->has_going_concern;
    int plan = -1;
    if (rc == TND_OK)
        rc = tnd_form_choice(s, L->fin_row[TND_FORM_FIN_PLAN], col,
                             tnd_form_fin_field_names[TND_FORM_FIN_PLAN].label,
                             tnd_form_plan_texts, 5, &plan, r->err);
    if (plan > 0) {
        bid->financial_plan = (tnd_plan_status)plan;
        bid->has_financials = true;
    }
    tnd_form_sheet_close(s);
    return rc;
}

/* ------------------------------------------------------------------------------------------ */
/* Verzekering en kwaliteit: certificates and keurmerken (insurance is read per party)          */

static tnd_status read_certificates(reader *r, tnd_form_sheet *s)
{
    const tnd_fillin_layout *L = &r->L;
    tnd_bid *bid = r->bid;
    bid->certificates = calloc(TND_FORM_CERT_ROWS, sizeof *bid->certificates);
    if (!bid->certificates)
        return tnd_error_nomem(r->err, r->path);
    for (int k = 0; k < TND_FORM_CERT_ROWS; k++) {
        int row = L->cert_row0 + k;
        char key[32], what[64];
        snprintf(key, sizeof key, "certificaat-%d", k + 1);
        TND_TRY(tnd_form_key(s, row, key, r->err));
        if (!tnd_form_row_filled(s, row, TND_FORM_CERT_COL_SCHEME, TND_FORM_CERT_COL_EVIDENCE))
            continue;
        tnd_certificate *c = &bid->certificates[bid->n_certificates++];
        bool present;
        c->line = row + 1;
        snprintf(what, sizeof what, "certificaat %d, kwaliteitssysteem", k + 1);
        TND_TRY(tnd_form_text(s, row, TND_FORM_CERT_COL_SCHEME, what, c->scheme, sizeof c->scheme,
                          r->err));
        snprintf(what, sizeof what, "certificaat %d, gelijkwaardig", k + 1);
        TND_TRY(tnd_form_yes_no(s, row, TND_FORM_CERT_COL_EQUIVALENT, what, &present,
                            &c->equivalent, r->err));
        snprintf(what, sizeof what, "certificaat %d, geldig tot", k + 1);
        TND_TRY(tnd_form_date(s, row, TND_FORM_CERT_COL_VALID_UNTIL, what, &c->has_valid_until,
                          &c->valid_until, NULL, r->err));
        snprintf(what, sizeof what, "certificaat %d, bewijs", k + 1);
        TND_TRY(tnd_form_text(s, row, TND_FORM_CERT_COL_EVIDENCE, what, c->evidence,
                          sizeof c->evidence, r->err));
    }
    return TND_OK;
}

static tnd_status read_keurmerken(reader *r, tnd_form_sheet *s)
{
    const tnd_fillin_layout *L = &r->L;
    tnd_bid *bid = r->bid;
    bid->keurmerken = calloc((size_t)L->n_keurmerk_kinds + 1, sizeof *bid->keurmerken);
    if (!bid->keurmerken)
        return tnd_error_nomem(r->err, r->path);
    for (int k = 0; k < L->n_keurmerk_kinds; k++) {
        int row = L->keurmerk_row[k];
        char key[64], what[64];
        snprintf(key, sizeof key, "keurmerk-%s", L->keurmerk_kinds[k]);
        TND_TRY(tnd_form_key(s, row, key, r->err));
        snprintf(what, sizeof what, "status %s", L->keurmerk_kinds[k]);
        int status;
        TND_TRY(tnd_form_choice(s, row, TND_FORM_KEURMERK_COL_STATUS, what, tnd_form_keurmerk_texts,
                            3, &status, r->err));
        if (status < 0)
            continue;
        tnd_keurmerk *m = &bid->keurmerken[bid->n_keurmerken++];
        snprintf(m->kind, sizeof m->kind, "%s", L->keurmerk_kinds[k]);
        m->status = (tnd_keurmerk_status)status;
        m->line = row + 1;
    }
    return TND_OK;
}

/* ------------------------------------------------------------------------------------------ */
/* Referenties (§5.4)                                                                          */

static tnd_status read_reference(reader *r, tnd_form_sheet *s, int n, int row,
                                 tnd_reference *ref)
{
    const int *col = r->L.ref_col;
    const tnd_reference_rules *rules = &r->def->references;
    char what[96];
    bool present;
    ref->line = row + 1;
#define WHAT(field) (snprintf(what, sizeof what, "referentie %d, %s", n, field), what)
    TND_TRY(tnd_form_text(s, row, col[TND_FORM_REF_REFERENT], WHAT("referent"), ref->referent,
                      sizeof ref->referent, r->err));
    TND_TRY(tnd_form_text(s, row, col[TND_FORM_REF_KIND], WHAT("soort referent"),
                      ref->referent_kind, sizeof ref->referent_kind, r->err));
    TND_TRY(tnd_form_date(s, row, col[TND_FORM_REF_START], WHAT("begindatum"), &present, &ref->start,
                      NULL, r->err));
    TND_TRY(tnd_form_date(s, row, col[TND_FORM_REF_END], WHAT("einddatum"), &ref->has_end, &ref->end,
                      NULL, r->err));
    TND_TRY(tnd_form_yes_no(s, row, col[TND_FORM_REF_ONGOING], WHAT("lopend"), &present,
                        &ref->ongoing, r->err));
    for (int c = 0; c < rules->n_competences && c < TND_FORM_MAX_COMPETENCES; c++) {
        bool yes = false;
        if (col[TND_FORM_REF_COMPETENCE + c] < 0)
            continue;
        TND_TRY(tnd_form_yes_no(s, row, col[TND_FORM_REF_COMPETENCE + c],
                            WHAT(rules->competences[c].id), &present, &yes, r->err));
        if (yes)
            snprintf(ref->competences[ref->n_competences++], sizeof ref->competences[0], "%s",
                     rules->competences[c].id);
    }
    TND_TRY(tnd_form_yes_no(s, row, col[TND_FORM_REF_DISSOLVED], WHAT("voortijdig ontbonden"),
                        &present, &ref->dissolved_early, r->err));
    TND_TRY(tnd_form_count(s, row, col[TND_FORM_REF_CLIENTS], WHAT("aantal cliënten"), 0,
                       CLIENTS_MAX, &ref->has_clients_served, &ref->clients_served, r->err));
    TND_TRY(tnd_form_yes_no(s, row, col[TND_FORM_REF_FORECAST], WHAT("resultaten zijn prognose"),
                        &present, &ref->forecast_results, r->err));
    TND_TRY(tnd_form_text(s, row, col[TND_FORM_REF_SUBCONTRACTOR], WHAT("onderaannemer"),
                      ref->subcontractor, sizeof ref->subcontractor, r->err));
    TND_TRY(tnd_form_yes_no(s, row, col[TND_FORM_REF_SUBCONTRACTOR_DEPLOYED],
                        WHAT("onderaannemer ingezet"), &present, &ref->subcontractor_deployed,
                        r->err));
    TND_TRY(tnd_form_text(s, row, col[TND_FORM_REF_THIRD_PARTY], WHAT("derde"), ref->third_party,
                      sizeof ref->third_party, r->err));
#undef WHAT
    if (ref->has_end && ref->start.year != 0 && tnd_date_cmp(ref->end, ref->start) < 0) {
        char start[16];
        tnd_date_nl(ref->start, start);
        return tnd_form_fail(s, row, col[TND_FORM_REF_END], r->err, TND_ERR_RANGE,
                             "controleer begin- en einddatum",
                             "referentie %d: de einddatum ligt vóór de begindatum %s", n, start);
    }
    return TND_OK;
}

static tnd_status read_references(reader *r)
{
    const tnd_fillin_layout *L = &r->L;
    tnd_bid *bid = r->bid;
    int first_col = TND_FORM_COL_LABEL + 1, last_col = 0;
    for (int f = 0; f < TND_FORM_REF_FIELDS; f++)
        last_col = max_int(last_col, L->ref_col[f]);
    tnd_form_sheet *s;
    TND_TRY(open_sheet(r, TND_FORM_SHEET_REFERENCES, L->ref_row0 + L->n_ref_rows - 1, last_col, &s));
    tnd_status rc = TND_OK;
    bid->references = calloc((size_t)L->n_ref_rows + 1, sizeof *bid->references);
    if (!bid->references)
        rc = tnd_error_nomem(r->err, r->path);
    for (int i = 0; rc == TND_OK && i < L->n_ref_rows; i++) {
        int row = L->ref_row0 + i;
        char key[32];
        snprintf(key, sizeof key, "referentie-%d", i + 1);
        rc = tnd_form_key(s, row, key, r->err);
        if (rc != TND_OK || !tnd_form_row_filled(s, row, first_col, last_col))
            continue;
        bid->has_references = true;
        rc = read_reference(r, s, i + 1, row, &bid->references[bid->n_references++]);
    }
    tnd_form_sheet_close(s);
    return rc;
}

/* ------------------------------------------------------------------------------------------ */
/* Tariefgroep (facts of §5.6), FTE                                                            */

static tnd_status read_fact(reader *r, tnd_form_sheet *s, const tnd_form_fact *ff, tnd_fact *f,
                            bool *present)
{
    int row = ff->row, col = TND_FORM_FACT_COL_VALUE;
    char what[96];
    snprintf(what, sizeof what, ff->year ? "%s %d" : "%s", ff->name, ff->year);
    memset(f, 0, sizeof *f);
    snprintf(f->name, sizeof f->name, "%s", ff->name);
    f->year = ff->year;
    f->line = row + 1;
    *present = false;
    switch (ff->kind) {
    case TND_FORM_FACT_FLAG:
        f->type = TND_FACT_FLAG;
        return tnd_form_yes_no(s, row, col, what, present, &f->flag, r->err);
    case TND_FORM_FACT_NUMBER:
        f->type = TND_FACT_NUMBER;
        return tnd_form_decimal(s, row, col, what, dec_int(0), false, dec_int(CLIENTS_MAX),
                                "0 t/m 10.000.000", present, &f->number, r->err);
    case TND_FORM_FACT_MONEY:
        f->type = TND_FACT_MONEY;
        return tnd_form_money(s, row, col, what, false, present, &f->money, r->err);
    case TND_FORM_FACT_TEXT:
        f->type = TND_FACT_TEXT;
        for (int v = 0; v < TND_FORM_FACT_VALUES && v < MAX_CAO; v++) {
            char *value = f->values[f->n_values];
            TND_TRY(tnd_form_text(s, row, col + v, what, value, sizeof f->values[0], r->err));
            if (!value[0])
                continue;
            for (int k = 0; k < f->n_values; k++)
                if (strcasecmp(f->values[k], value) == 0) {
                    char q[TND_QUOTE_SIZE];
                    tnd_text_quote(q, value);
                    return tnd_form_fail(s, row, col + v, r->err, TND_ERR_VALUE,
                                         "noem elke waarde één keer",
                                         "%s: '%s' staat er twee keer", what, q);
                }
            f->n_values++;
        }
        *present = f->n_values > 0;
        return TND_OK;
    case TND_FORM_FACT_DERIVED:
        return TND_OK; /* a formula over 'Locaties'; computed from the locations below */
    }
    return TND_OK;
}

static tnd_status read_facts(reader *r)
{
    const tnd_fillin_layout *L = &r->L;
    tnd_bid *bid = r->bid;
    int last = TND_FORM_FIRST_ROW;
    for (int i = 0; i < L->n_facts; i++)
        last = max_int(last, L->facts[i].row);
    tnd_form_sheet *s;
    TND_TRY(open_sheet(r, TND_FORM_SHEET_REQUIREMENTS, last,
                   TND_FORM_FACT_COL_VALUE + TND_FORM_FACT_VALUES - 1, &s));
    tnd_status rc = TND_OK;
    /* one more for the derived locaties-in-regio */
    bid->facts = calloc((size_t)L->n_facts + 1, sizeof *bid->facts);
    if (!bid->facts)
        rc = tnd_error_nomem(r->err, r->path);
    for (int i = 0; rc == TND_OK && i < L->n_facts; i++) {
        const tnd_form_fact *ff = &L->facts[i];
        char key[80];
        bool present;
        snprintf(key, sizeof key, ff->year ? "feit-%s-%d" : "feit-%s", ff->name, ff->year);
        rc = tnd_form_key(s, ff->row, key, r->err);
        if (rc == TND_OK && ff->kind != TND_FORM_FACT_DERIVED)
            rc = read_fact(r, s, ff, &bid->facts[bid->n_facts], &present);
        if (rc == TND_OK && ff->kind != TND_FORM_FACT_DERIVED && present)
            bid->n_facts++;
    }
    tnd_form_sheet_close(s);
    return rc;
}

static tnd_status read_fte(reader *r)
{
    const tnd_fillin_layout *L = &r->L;
    tnd_bid *bid = r->bid;
    tnd_form_sheet *s;
    TND_TRY(open_sheet(r, TND_FORM_SHEET_FTE, TND_FORM_FIRST_ROW + L->n_fte, TND_FORM_FTE_COL_VALUE,
                   &s));
    tnd_status rc = TND_OK;
    bid->fte = calloc((size_t)L->n_fte + 1, sizeof *bid->fte);
    if (!bid->fte)
        rc = tnd_error_nomem(r->err, r->path);
    for (int i = 0; rc == TND_OK && i < L->n_fte; i++) {
        int row = TND_FORM_FIRST_ROW + i;
        char key[64], what[64];
        bool present;
        tnd_fte *f = &bid->fte[bid->n_fte];
        snprintf(key, sizeof key, "fte-%s", L->fte_codes[i]);
        snprintf(what, sizeof what, "fte %s", L->fte_codes[i]);
        rc = tnd_form_key(s, row, key, r->err);
        if (rc == TND_OK)
            rc = tnd_form_decimal(s, row, TND_FORM_FTE_COL_VALUE, what, dec_int(0), false,
                                  dec_int(FTE_MAX), "0 t/m 100.000", &present, &f->fte, r->err);
        if (rc == TND_OK && present) {
            snprintf(f->tariff_group, sizeof f->tariff_group, "%s", L->fte_codes[i]);
            f->line = row + 1;
            bid->n_fte++;
        }
    }
    tnd_form_sheet_close(s);
    return rc;
}

/* ------------------------------------------------------------------------------------------ */
/* Locaties                                                                                    */

static tnd_status read_location(reader *r, tnd_form_sheet *s, int n, int row, tnd_location *loc)
{
    const tnd_definition *def = r->def;
    char what[64];
    bool present, has_distance;
    loc->line = row + 1;
#define WHAT(field) (snprintf(what, sizeof what, "locatie %d, %s", n, field), what)
    TND_TRY(tnd_form_text(s, row, TND_FORM_LOC_COL_NAME, WHAT("naam"), loc->name, sizeof loc->name,
                      r->err));
    /* chosen by name from the definition's municipalities; stored as its id */
    const char *names[64];
    size_t n_names = 0;
    for (size_t m = 0; m < def->n_municipalities && n_names < TND_COUNTOF(names); m++)
        names[n_names++] = def->municipalities[m].name;
    int m;
    TND_TRY(tnd_form_choice(s, row, TND_FORM_LOC_COL_MUNICIPALITY, WHAT("gemeente"), names, n_names,
                        &m, r->err));
    if (m >= 0)
        snprintf(loc->municipality, sizeof loc->municipality, "%s", def->municipalities[m].id);
    TND_TRY(tnd_form_count(s, row, TND_FORM_LOC_COL_PLACES, WHAT("plaatsen"), 0, PLACES_MAX,
                       &present, &loc->places, r->err));
    TND_TRY(tnd_form_decimal(s, row, TND_FORM_LOC_COL_DISTANCE, WHAT("afstand (km)"), dec_int(0),
                         false, dec_int(DISTANCE_MAX_KM), "0 t/m 100.000 km", &has_distance,
                         &loc->distance_km, r->err));
    TND_TRY(tnd_form_yes_no(s, row, TND_FORM_LOC_COL_RESIDENTIAL, WHAT("verblijf"), &present,
                        &loc->residential, r->err));
#undef WHAT
    /* outside the area a blank distance would silently mean "inside" (§6.1 criterion C) */
    if (!loc->municipality[0] && !has_distance)
        return tnd_form_fail(s, row, TND_FORM_LOC_COL_DISTANCE, r->err, TND_ERR_VALUE,
                             "kies de gemeente (kolom D) of vul de afstand hemelsbreed in km in",
                             "locatie %d ligt buiten het gebied (geen gemeente) en noemt geen "
                             "afstand", n);
    return TND_OK;
}

/* locaties-in-regio: the number of locations inside the tender's area, as bid.c derives it. */
static void add_locations_fact(tnd_bid *bid, int row)
{
    tnd_fact *f = &bid->facts[bid->n_facts++];
    memset(f, 0, sizeof *f);
    snprintf(f->name, sizeof f->name, TND_FORM_DERIVED_LOCATIONS_FACT);
    f->type = TND_FACT_NUMBER;
    f->line = row + 1;
    long inside = 0;
    for (size_t i = 0; i < bid->n_locations; i++)
        if (bid->locations[i].municipality[0])
            inside++;
    f->number = dec_int(inside);
}

static tnd_status read_locations(reader *r)
{
    tnd_bid *bid = r->bid;
    tnd_form_sheet *s;
    TND_TRY(open_sheet(r, TND_FORM_SHEET_LOCATIONS, TND_FORM_FIRST_ROW + TND_FORM_LOCATION_ROWS - 1,
                   TND_FORM_LOC_COL_RESIDENTIAL, &s));
    tnd_status rc = TND_OK;
    bid->locations = calloc(TND_FORM_LOCATION_ROWS, sizeof *bid->locations);
    if (!bid->locations)
        rc = tnd_error_nomem(r->err, r->path);
    for (int i = 0; rc == TND_OK && i < TND_FORM_LOCATION_ROWS; i++) {
        int row = TND_FORM_FIRST_ROW + i;
        char key[32];
        snprintf(key, sizeof key, "locatie-%d", i + 1);
        rc = tnd_form_key(s, row, key, r->err);
        if (rc == TND_OK &&
            tnd_form_row_filled(s, row, TND_FORM_LOC_COL_NAME, TND_FORM_LOC_COL_RESIDENTIAL))
            rc = read_location(r, s, i + 1, row, &bid->locations[bid->n_locations++]);
    }
    if (rc == TND_OK && bid->n_locations)
        add_locations_fact(bid, TND_FORM_FIRST_ROW);
    tnd_form_sheet_close(s);
    return rc;
}

/* ------------------------------------------------------------------------------------------ */
/* Groepen (§9, §8.5.3)                                                                        */

/* A product of lot `lot` of the definition, by code: the intensity a group claims. */
static tnd_status read_claim(reader *r, tnd_form_sheet *s, int row, int col, int lot,
                             const char *what, char *out)
{
    const tnd_lot *l = tnd_definition_lot(r->def, lot);
    const char *codes[64];
    size_t n = 0;
    for (size_t p = 0; l && p < l->n_products && n < TND_COUNTOF(codes); p++)
        codes[n++] = l->products[p].code;
    int index;
    TND_TRY(tnd_form_choice(s, row, col, what, codes, n, &index, r->err));
    if (index >= 0)
        snprintf(out, TND_CODE_LEN, "%s", codes[index]);
    return TND_OK;
}

static tnd_status read_residential_group(reader *r, tnd_form_sheet *s, int n, int row,
                                         tnd_residential_group *g)
{
    const tnd_residential_rules *res = &r->def->residential;
    char what[64];
    bool present;
    g->line = row + 1;
#define WHAT(field) (snprintf(what, sizeof what, "verblijfsgroep %d, %s", n, field), what)
    TND_TRY(tnd_form_text(s, row, TND_FORM_RES_COL_NAME, WHAT("naam"), g->name, sizeof g->name,
                      r->err));
    const char *kinds[TND_MAX_OCCUPANCY];
    for (int k = 0; k < res->n_occupancy && k < (int)TND_COUNTOF(kinds); k++)
        kinds[k] = res->occupancy[k].kind;
    int kind;
    TND_TRY(tnd_form_choice(s, row, TND_FORM_RES_COL_KIND, WHAT("soort groep"), kinds,
                        (size_t)(res->n_occupancy < (int)TND_COUNTOF(kinds) ? res->n_occupancy
                                                                    : (int)TND_COUNTOF(kinds)),
                        &kind, r->err));
    snprintf(g->kind, sizeof g->kind, "%s", kind >= 0 ? kinds[kind] : DEFAULT_GROUP_KIND);
    TND_TRY(tnd_form_text(s, row, TND_FORM_RES_COL_PROVIDER, WHAT("soort aanbieder"),
                      g->provider_type, sizeof g->provider_type, r->err));
    TND_TRY(tnd_form_count(s, row, TND_FORM_RES_COL_YOUTHS, WHAT("aantal jeugdigen"), 1, YOUTHS_MAX,
                       &present, &g->youths, r->err));
    TND_TRY(tnd_form_decimal(s, row, TND_FORM_RES_COL_OCCUPANCY, WHAT("bezetting"), dec_int(0), true,
                         dec_int(1), "groter dan 0% en ten hoogste 100%; 95% is 0,95", &present,
                         &g->occupancy, r->err));
    TND_TRY(tnd_form_decimal(s, row, TND_FORM_RES_COL_HOURS, WHAT("uren groepsleiding per week"),
                         dec_int(0), false, dec_int(HOURS_MAX), "0 t/m 10.000 uur per week",
                         &present, &g->staff_hours_week, r->err));
    TND_TRY(read_claim(r, s, row, TND_FORM_RES_COL_CLAIMED, res->lot, WHAT("geclaimde intensiteit"),
                   g->claimed));
#undef WHAT
    return TND_OK;
}

static tnd_status read_day_group(reader *r, tnd_form_sheet *s, int n, int row, tnd_day_group *g)
{
    char what[64];
    bool present;
    g->line = row + 1;
#define WHAT(field) (snprintf(what, sizeof what, "dagbestedingsgroep %d, %s", n, field), what)
    TND_TRY(tnd_form_text(s, row, TND_FORM_DAY_COL_NAME, WHAT("naam"), g->name, sizeof g->name,
                      r->err));
    TND_TRY(tnd_form_count(s, row, TND_FORM_DAY_COL_YOUTHS, WHAT("aantal jeugdigen"), 1, YOUTHS_MAX,
                       &present, &g->youths, r->err));
    TND_TRY(tnd_form_decimal(s, row, TND_FORM_DAY_COL_OPENING, WHAT("openingsuren per week"),
                         dec_int(0), true, dec_int(WEEK_HOURS),
                         "groter dan 0 en ten hoogste 168 uur per week", &present,
                         &g->opening_hours_week, r->err));
    TND_TRY(tnd_form_decimal(s, row, TND_FORM_DAY_COL_HOURS, WHAT("uren begeleiding per week"),
                         dec_int(0), false, dec_int(HOURS_MAX), "0 t/m 10.000 uur per week",
                         &present, &g->staff_hours_week, r->err));
    TND_TRY(read_claim(r, s, row, TND_FORM_DAY_COL_CLAIMED, r->def->group.lot,
                   WHAT("geclaimde intensiteit"), g->claimed));
#undef WHAT
    return TND_OK;
}

static tnd_status read_groups(reader *r)
{
    const tnd_fillin_layout *L = &r->L;
    tnd_bid *bid = r->bid;
    tnd_form_sheet *s;
    TND_TRY(open_sheet(r, TND_FORM_SHEET_GROUPS, L->day_row0 + TND_FORM_GROUP_ROWS - 1,
                   TND_FORM_RES_COL_CLAIMED, &s));
    tnd_status rc = TND_OK;
    bid->residential_groups = calloc(TND_FORM_GROUP_ROWS, sizeof *bid->residential_groups);
    bid->day_groups = calloc(TND_FORM_GROUP_ROWS, sizeof *bid->day_groups);
    if (!bid->residential_groups || !bid->day_groups)
        rc = tnd_error_nomem(r->err, r->path);
    for (int i = 0; rc == TND_OK && i < TND_FORM_GROUP_ROWS; i++) {
        int row = L->res_row0 + i;
        char key[40];
        snprintf(key, sizeof key, "verblijfsgroep-%d", i + 1);
        rc = tnd_form_key(s, row, key, r->err);
        if (rc == TND_OK &&
            tnd_form_row_filled(s, row, TND_FORM_RES_COL_NAME, TND_FORM_RES_COL_CLAIMED))
            rc = read_residential_group(r, s, i + 1, row,
                                        &bid->residential_groups[bid->n_residential_groups++]);
    }
    for (int i = 0; rc == TND_OK && i < TND_FORM_GROUP_ROWS; i++) {
        int row = L->day_row0 + i;
        char key[40];
        snprintf(key, sizeof key, "dagbestedingsgroep-%d", i + 1);
        rc = tnd_form_key(s, row, key, r->err);
        if (rc == TND_OK &&
            tnd_form_row_filled(s, row, TND_FORM_DAY_COL_NAME, TND_FORM_DAY_COL_CLAIMED))
            rc = read_day_group(r, s, i + 1, row, &bid->day_groups[bid->n_day_groups++]);
    }
    tnd_form_sheet_close(s);
    return rc;
}

/* ------------------------------------------------------------------------------------------ */
/* Producten (issue 11: <product-offers> of the XML, tender/bid.c read_product_offers)         */

#define CAP_MAX 1000000           /* as bid.c: no cap of a product sheet is near a million units */
#define EXTENSIONS_MAX 99

static const char *const cap_unit_texts[] = { "minuut", "uur", "week", "maand", "jaar" };

/* A text that equals one of the definition's (without case) becomes the definition's spelling,
 * so the formula (which compares without case) and `tender check` (exactly) agree. */
static void as_spelled(char *text, size_t size, const char *const *known, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (known[i] && strcasecmp(text, known[i]) == 0) {
            snprintf(text, size, "%s", known[i]);
            return;
        }
}

static tnd_status read_unit(reader *r, tnd_form_sheet *s, int row, int col, const char *what,
                            tnd_cap_unit *out)
{
    int index;
    TND_TRY(tnd_form_choice(s, row, col, what, cap_unit_texts, TND_COUNTOF(cap_unit_texts),
                            &index, r->err));
    if (index < 0)
        return tnd_form_fail(s, row, col, r->err, TND_ERR_VALUE, "kies minuut, uur, week, maand "
                             "of jaar", "%s ontbreekt", what);
    tnd_cap_unit_parse(cap_unit_texts[index], out);
    return TND_OK;
}

/* The offer of (lot, product) in bid->offers (room for one per row of the layout). */
static tnd_product_offer *offer_of(tnd_bid *bid, int lot, const char *product, int row)
{
    for (size_t i = 0; i < bid->n_offers; i++)
        if (bid->offers[i].lot == lot && strcmp(bid->offers[i].product, product) == 0)
            return &bid->offers[i];
    tnd_product_offer *o = &bid->offers[bid->n_offers++];
    o->lot = lot;
    snprintf(o->product, sizeof o->product, "%s", product);
    o->line = row + 1;
    return o;
}

static tnd_status read_cap_row(reader *r, tnd_form_sheet *s, const tnd_form_prow *p,
                               tnd_offer_cap *cap)
{
    const tnd_product_rule *pr = &r->def->product_rules[p->rule];
    char what[TND_CODE_LEN * 2 + 48];
    bool present;
    int row = p->row;
    cap->line = row + 1;
    snprintf(cap->measure, sizeof cap->measure, "%s", p->measure);
#define WHAT(field) (snprintf(what, sizeof what, "%s %s, %s", p->product, p->measure, field), what)
    TND_TRY(tnd_form_decimal(s, row, TND_FORM_CAP_COL_MAX, WHAT("maximum"), dec_int(0), true,
                             dec_int(CAP_MAX), "groter dan 0 en ten hoogste 1.000.000", &present,
                             &cap->max, r->err));
    if (!present)
        return tnd_form_fail(s, row, TND_FORM_CAP_COL_MAX, r->err, TND_ERR_VALUE,
                             "vul het maximum in of maak de rij leeg", "%s ontbreekt",
                             WHAT("maximum"));
    TND_TRY(read_unit(r, s, row, TND_FORM_CAP_COL_UNIT, WHAT("eenheid"), &cap->unit));
    TND_TRY(tnd_form_text(s, row, TND_FORM_CAP_COL_PER, WHAT("periode"), cap->per,
                          sizeof cap->per, r->err));
    if (!cap->per[0])
        return tnd_form_fail(s, row, TND_FORM_CAP_COL_PER, r->err, TND_ERR_VALUE,
                             "vul de periode in, bijvoorbeeld de periode van de norm",
                             "%s ontbreekt", WHAT("periode"));
    const char *periods[] = { pr->per };
    as_spelled(cap->per, sizeof cap->per, periods, 1);
    char ext[16] = "";
    TND_TRY(tnd_form_text(s, row, TND_FORM_CAP_COL_EXTENSIONS, WHAT("verlengingen"), ext,
                          sizeof ext, r->err));
    if (strcasecmp(ext, TND_FORM_UNLIMITED) == 0) {
        cap->extensions = TND_CAP_UNLIMITED;
    } else {
        long n = 0;
        TND_TRY(tnd_form_count(s, row, TND_FORM_CAP_COL_EXTENSIONS, WHAT("verlengingen"), 0,
                               EXTENSIONS_MAX, &present, &n, r->err));
        cap->extensions = (int)n;
    }
    TND_TRY(tnd_form_decimal(s, row, TND_FORM_CAP_COL_EXT_MAX, WHAT("verlenging ten hoogste"),
                             dec_int(0), true, dec_int(CAP_MAX),
                             "groter dan 0 en ten hoogste 1.000.000", &cap->has_extension_max,
                             &cap->extension_max, r->err));
    if (cap->has_extension_max)
        TND_TRY(read_unit(r, s, row, TND_FORM_CAP_COL_EXT_UNIT, WHAT("eenheid verlenging"),
                          &cap->extension_unit));
    else if (!tnd_form_blank(s, row, TND_FORM_CAP_COL_EXT_UNIT))
        return tnd_form_fail(s, row, TND_FORM_CAP_COL_EXT_UNIT, r->err, TND_ERR_VALUE,
                             "vul de verlenging ten hoogste in (kolom G) of maak de eenheid leeg",
                             "%s zonder verlenging ten hoogste", WHAT("eenheid verlenging"));
    TND_TRY(tnd_form_text(s, row, TND_FORM_CAP_COL_EXCEPTION, WHAT("uitzondering"),
                          cap->exception, sizeof cap->exception, r->err));
#undef WHAT
    const char *ids[TND_COUNTOF(pr->exceptions)];
    for (int x = 0; x < pr->n_exceptions; x++)
        ids[x] = pr->exceptions[x].id;
    as_spelled(cap->exception, sizeof cap->exception, ids, (size_t)pr->n_exceptions);
    return TND_OK;
}

static tnd_status read_group_row(reader *r, tnd_form_sheet *s, const tnd_form_prow *p,
                                 tnd_offer_group *g)
{
    const tnd_product_rule *pr = &r->def->product_rules[p->rule];
    char what[TND_CODE_LEN + 48];
    bool present;
    int row = p->row;
    g->line = row + 1;
#define WHAT(field) (snprintf(what, sizeof what, "%s groep %d, %s", p->product, p->n, field), what)
    TND_TRY(tnd_form_text(s, row, TND_FORM_PGROUP_COL_NAME, WHAT("naam"), g->name, sizeof g->name,
                          r->err));
    TND_TRY(tnd_form_text(s, row, TND_FORM_PGROUP_COL_CATEGORY, WHAT("categorie"), g->category,
                          sizeof g->category, r->err));
    TND_TRY(tnd_form_count(s, row, TND_FORM_PGROUP_COL_YOUTHS, WHAT("kinderen"), 1, YOUTHS_MAX,
                           &present, &g->youths, r->err));
    if (present)
        TND_TRY(tnd_form_count(s, row, TND_FORM_PGROUP_COL_STAFF, WHAT("medewerkers"), 1,
                               YOUTHS_MAX, &present, &g->staff, r->err));
    if (!present || !g->category[0]) {
        int col = !g->category[0] ? TND_FORM_PGROUP_COL_CATEGORY
                  : g->youths == 0 ? TND_FORM_PGROUP_COL_YOUTHS : TND_FORM_PGROUP_COL_STAFF;
        return tnd_form_fail(s, row, col, r->err, TND_ERR_VALUE,
                             "vul categorie, kinderen en medewerkers in of maak de rij leeg",
                             "%s ontbreekt", WHAT(col == TND_FORM_PGROUP_COL_CATEGORY ? "categorie"
                                                  : col == TND_FORM_PGROUP_COL_YOUTHS
                                                      ? "kinderen" : "medewerkers"));
    }
#undef WHAT
    const char *codes[TND_COUNTOF(pr->categories)];
    for (int k = 0; k < pr->n_categories; k++)
        codes[k] = pr->categories[k].code;
    as_spelled(g->category, sizeof g->category, codes, (size_t)pr->n_categories);
    return TND_OK;
}

static tnd_status read_parent_row(reader *r, tnd_form_sheet *s, const tnd_form_prow *p,
                                  tnd_offer_parent *par)
{
    char what[TND_CODE_LEN + 64];
    bool present;
    int row = p->row;
    par->line = row + 1;
    static const struct { int col; const char *field; } flags[] = {
        { TND_FORM_PARENT_COL_PEDAGOGICAL, "pedagogisch opgeleid" },
        { TND_FORM_PARENT_COL_HBO, "hbo-niveau" },
        { TND_FORM_PARENT_COL_SCREENED, "gescreend" },
    };
    bool *out[] = { &par->pedagogical, &par->hbo_level, &par->screened };
    snprintf(what, sizeof what, "%s gezinshuisouder %d, naam", p->product, p->n);
    TND_TRY(tnd_form_text(s, row, TND_FORM_PARENT_COL_NAME, what, par->name, sizeof par->name,
                          r->err));
    for (size_t i = 0; i < TND_COUNTOF(flags); i++) {
        snprintf(what, sizeof what, "%s gezinshuisouder %d, %s", p->product, p->n,
                 flags[i].field);
        TND_TRY(tnd_form_yes_no(s, row, flags[i].col, what, &present, out[i], r->err));
        if (!present) /* XML requires all three (L2875-2885): a blank would read as nee */
            return tnd_form_fail(s, row, flags[i].col, r->err, TND_ERR_VALUE,
                                 "vul ja of nee in of maak de rij leeg", "%s ontbreekt", what);
    }
    return TND_OK;
}

static tnd_status read_ambulant_row(reader *r, tnd_form_sheet *s, const tnd_form_prow *p,
                                    tnd_ambulant_alternative *a)
{
    static const char *const kinds[] = { TND_FORM_AMB_OWN, TND_FORM_AMB_SUBCONTRACTED };
    char what[64];
    int row = p->row, kind;
    a->lot = p->lot;
    a->line = row + 1;
    snprintf(what, sizeof what, "perceel %d, ambulant alternatief", p->lot);
    TND_TRY(tnd_form_choice(s, row, TND_FORM_AMB_COL_KIND, what, kinds, TND_COUNTOF(kinds), &kind,
                            r->err));
    snprintf(what, sizeof what, "perceel %d, onderaannemer", p->lot);
    TND_TRY(tnd_form_text(s, row, TND_FORM_AMB_COL_SUBCONTRACTOR, what, a->subcontractor,
                          sizeof a->subcontractor, r->err));
    if (kind < 0)
        return tnd_form_fail(s, row, TND_FORM_AMB_COL_KIND, r->err, TND_ERR_VALUE,
                             "kies eigen of onderaanneming",
                             "perceel %d: onderaannemer zonder soort ambulant alternatief",
                             p->lot);
    a->subcontracted = kind == 1;
    if (a->subcontracted && !a->subcontractor[0]) /* as bid.c read_ambulant */
        return tnd_form_fail(s, row, TND_FORM_AMB_COL_SUBCONTRACTOR, r->err, TND_ERR_VALUE,
                             "vul de naam van de onderaannemer in",
                             "onderaanneming zonder de naam van de onderaannemer");
    return TND_OK;
}

static tnd_status read_products(reader *r)
{
    const tnd_fillin_layout *L = &r->L;
    tnd_bid *bid = r->bid;
    if (L->n_prows == 0) /* no sheet 'Producten' in this tender's form */
        return TND_OK;
    tnd_form_sheet *s;
    TND_TRY(open_sheet(r, TND_FORM_SHEET_PRODUCTS, L->prows[L->n_prows - 1].row,
                       TND_FORM_CAP_COL_EXCEPTION, &s));
    tnd_status rc = TND_OK;
    bid->offers = calloc((size_t)L->n_prows, sizeof *bid->offers);
    bid->ambulant = calloc((size_t)L->n_prows, sizeof *bid->ambulant);
    if (!bid->offers || !bid->ambulant)
        rc = tnd_error_nomem(r->err, r->path);
    for (int i = 0; rc == TND_OK && i < L->n_prows; i++) {
        const tnd_form_prow *p = &L->prows[i];
        char key[TND_CODE_LEN * 2 + 32];
        tnd_form_prow_key(p, key, sizeof key);
        rc = tnd_form_key(s, p->row, key, r->err);
        int last = p->kind == TND_FORM_PROW_CAP        ? TND_FORM_CAP_COL_EXCEPTION
                   : p->kind == TND_FORM_PROW_AMBULANT ? TND_FORM_AMB_COL_SUBCONTRACTOR
                                                       : TND_FORM_PGROUP_COL_STAFF;
        if (rc != TND_OK || !tnd_form_row_filled(s, p->row, TND_FORM_CAP_COL_MAX, last))
            continue;
        if (p->kind == TND_FORM_PROW_AMBULANT) {
            rc = read_ambulant_row(r, s, p, &bid->ambulant[bid->n_ambulant++]);
            continue;
        }
        tnd_product_offer *o = offer_of(bid, p->lot, p->product, p->row);
        if (p->kind == TND_FORM_PROW_CAP && o->n_caps < (int)TND_COUNTOF(o->caps))
            rc = read_cap_row(r, s, p, &o->caps[o->n_caps++]);
        else if (p->kind == TND_FORM_PROW_GROUP && o->n_groups < (int)TND_COUNTOF(o->groups))
            rc = read_group_row(r, s, p, &o->groups[o->n_groups++]);
        else if (p->kind == TND_FORM_PROW_PARENT && o->n_parents < (int)TND_COUNTOF(o->parents))
            rc = read_parent_row(r, s, p, &o->parents[o->n_parents++]);
        else /* not reached: the layout has at most 4 caps (measures), 4 groups, 4 parents */
            rc = tnd_form_fail(s, p->row, TND_FORM_CAP_COL_MAX, r->err, TND_ERR_TOO_LARGE, NULL,
                               "te veel regels voor voorziening %s", p->product);
    }
    tnd_form_sheet_close(s);
    return rc;
}

/* ------------------------------------------------------------------------------------------ */
/* The workbook                                                                                */

/* Identiteit and the insurance rows of 'Verzekering en kwaliteit' together: a party's cells are
 * on both; then the certificates and keurmerken of the same sheet. */
static tnd_status read_identity_and_quality(reader *r)
{
    const tnd_fillin_layout *L = &r->L;
    tnd_form_sheet *id = NULL, *ins = NULL;
    int ins_last = L->cert_row0 + TND_FORM_CERT_ROWS - 1;
    for (int k = 0; k < L->n_keurmerk_kinds; k++)
        ins_last = max_int(ins_last, L->keurmerk_row[k]);
    tnd_status rc = open_sheet(r, TND_FORM_SHEET_IDENTITY, identity_last_row(L),
                               tnd_form_party_col(TND_FORM_N_PARTIES - 1), &id);
    if (rc == TND_OK)
        rc = open_sheet(r, TND_FORM_SHEET_INSURANCE, ins_last, TND_FORM_CERT_COL_EVIDENCE, &ins);
    if (rc == TND_OK)
        rc = identity_keys(r, id);
    for (int p = 0; rc == TND_OK && p < TND_FORM_N_PARTIES; p++) {
        char key[64];
        snprintf(key, sizeof key, "verzekering-%s", tnd_form_party_key(p));
        rc = tnd_form_key(ins, L->ins_row0 + p, key, r->err);
    }
    if (rc == TND_OK)
        rc = read_bid_fields(r, id);
    if (rc == TND_OK)
        rc = read_parties(r, id, ins);
    if (rc == TND_OK)
        rc = read_certificates(r, ins);
    if (rc == TND_OK)
        rc = read_keurmerken(r, ins);
    tnd_form_sheet_close(id);
    tnd_form_sheet_close(ins);
    return rc;
}

static tnd_status read_workbook(reader *r)
{
    TND_TRY(read_identity_and_quality(r));
    TND_TRY(read_lots(r));
    TND_TRY(read_financials(r));
    TND_TRY(read_references(r));
    TND_TRY(read_facts(r));
    TND_TRY(read_fte(r));
    TND_TRY(read_locations(r));
    TND_TRY(read_groups(r));
    return read_products(r);
}

tnd_status tnd_bid_xlsx_load(const char *path, const tnd_definition *def, tnd_bid **out,
                             tnd_error *err)
{
    tnd_error local;
    if (!err)
        err = &local;
    *out = NULL;
    reader r = { .path = path, .def = def, .err = err };
    tnd_status rc = tnd_fillin_layout_init(def, &r.L, err);
    if (rc != TND_OK)
        return rc;
    if (!(r.book = tnd_xlsx_open(path, err)))
        return err->code;
    r.nt = tnd_notation_new();
    r.bid = calloc(1, sizeof *r.bid);
    if (!r.nt || !r.bid) {
        rc = tnd_error_nomem(r.err, r.path);
    } else {
        snprintf(r.bid->tender_id, sizeof r.bid->tender_id, "%s", def->id);
        rc = tnd_bid_set_file(r.bid, path) ? read_workbook(&r) : tnd_error_nomem(r.err, r.path);
    }
    tnd_notation_free(r.nt);
    tnd_xlsx_close(r.book);
    if (rc != TND_OK) {
        tnd_bid_free(r.bid);
        return rc;
    }
    tnd_error_clear(err);
    *out = r.bid;
    return TND_OK;
}

/*
 * A committee scores file (CSV) given where a bid belongs: its header names "perceel" and
 * "score" and it is no XML. Sniffed from the first KiB so the user reads "this is a scores file"
 * instead of an XML syntax error on line 1 (issue 10 §4).
 */
static bool looks_like_scores_csv(const char *path)
{
    /* as tender/base/readfile.c: never block on a FIFO, read only a regular file (the reader that
     * follows names anything else) */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0)
        return false;
    struct stat st;
    char head[1025];
    ssize_t got = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? read(fd, head, sizeof head - 1) : -1;
    close(fd);
    if (got < 0)
        return false;
    size_t n = (size_t)got;
    head[n] = '\0';
    if (memchr(head, '\0', n))
        return false;
    size_t i = 0;
    if (n >= 3 && (unsigned char)head[0] == 0xEF && (unsigned char)head[1] == 0xBB &&
        (unsigned char)head[2] == 0xBF)
        i = 3;
    while (i < n && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n'))
        i++;
    if (i == n || head[i] == '<')
        return false;
    for (char *p = head; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return strstr(head, "perceel") && strstr(head, "score") && (strchr(head, ';') || strchr(head, ','));
}

bool tnd_bid_refuse_scores_csv(const char *path, tnd_error *err)
{
    if (!looks_like_scores_csv(path))
        return false;
    tnd_error_set(err, TND_ERR_VALUE, path, 1,
                  "geef een inschrijving (.xml of het ingevulde formulier .xlsx); het "
                  "scorebestand hoort bij tender evaluate --scores",
                  "dit is een scorebestand van de commissie (CSV), geen inschrijving");
    return true;
}

tnd_status tnd_bid_load_input(const char *path, const tnd_definition *def, tnd_bid **out,
                              tnd_error *err)
{
    if (tnd_path_is_xlsx(path))
        return tnd_bid_xlsx_load(path, def, out, err);
    tnd_status rc = tnd_bid_load_file(path, out, err);
    if (rc != TND_OK && tnd_bid_refuse_scores_csv(path, err))
        return err->code;
    return rc;
}
