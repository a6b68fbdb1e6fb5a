/*
 * form_layout.h - where every field of the two workbooks of `tender forms` lives: one truth for
 * the writers (fillin_xlsx.c, committee_xlsx.c) and the readers of filled-in workbooks.
 *
 * Rows and columns are 0-based, as libxlsxwriter and tender/xlsx.h count minus one: row 6 here is
 * row 7 in Excel, column 2 is C. TND_FORM_NO_ROW marks a field that this definition's form does
 * not have.
 *
 * Every sheet of both workbooks has its title in row 0, short instructions in rows 1-3, the
 * header of its (first) table in row TND_FORM_HEADER_ROW and data from TND_FORM_FIRST_ROW. Column
 * A holds a machine key ("sleutel") on every row that holds data: the field name, a ground code,
 * "referentie-1", the definition's rule id. A reader finds a row by position (this layout) and
 * checks the key in column A: a workbook whose keys differ from the layout was changed and is
 * refused naming sheet and cell.
 *
 * The bidder workbook (inschrijving-<id>.xlsx) is generated from the tender definition, so its
 * rows depend on the definition: tnd_fillin_layout_init computes them once. The committee workbook
 * (commissie-<id>.xlsx) has a fixed column layout; its sheets are named by lot.
 *
 * Values of list cells (what a reader accepts) are the TND_FORM_* texts below; numbers are number
 * cells (money in euros with cents, percentages as fractions: 95 % is 0.95), dates and times are
 * date serials.
 */
#ifndef TND_FORM_LAYOUT_H
#define TND_FORM_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "scoring/model.h"
#include "tender/base/error.h"

#define TND_FORM_NO_ROW (-1)

/* ------------------------------------------------------------------ every sheet */

#define TND_FORM_TITLE_ROW 0
#define TND_FORM_HEADER_ROW 5      /* row 6 in Excel */
#define TND_FORM_FIRST_ROW 6       /* row 7 in Excel */
#define TND_FORM_COL_KEY 0         /* A: sleutel (machine key; the rule id on 'Controle') */
#define TND_FORM_COL_LABEL 1       /* B: what the row is, in Dutch */

/* ------------------------------------------------------------------ bidder workbook: sheets */

#define TND_FORM_SHEET_GUIDE "Toelichting"
#define TND_FORM_SHEET_IDENTITY "Identiteit"
#define TND_FORM_SHEET_LOTS "Percelen"
#define TND_FORM_SHEET_FINANCIAL "Financieel"
#define TND_FORM_SHEET_INSURANCE "Verzekering en kwaliteit"
#define TND_FORM_SHEET_REFERENCES "Referenties"
#define TND_FORM_SHEET_REQUIREMENTS "Tariefgroep"
#define TND_FORM_SHEET_FTE "FTE"
#define TND_FORM_SHEET_LOCATIONS "Locaties"
#define TND_FORM_SHEET_GROUPS "Groepen"
#define TND_FORM_SHEET_PRODUCTS "Producten" /* only for a definition with <product-rules> that
                                               ask a declaration (caps, staffing, parents,
                                               ambulant alternative) */
#define TND_FORM_SHEET_CHECK "Controle"
#define TND_FORM_SHEET_LISTS "Lijsten"  /* hidden: lookup tables of the formulas */

/* List values (exactly these texts; Excel and LibreOffice compare them without case). */
#define TND_FORM_YES "ja"
#define TND_FORM_NO "nee"
#define TND_FORM_LANGUAGE_DUTCH "Nederlands"
#define TND_FORM_LANGUAGE_OTHER "andere taal"
#define TND_FORM_PROVIDER_REGULAR "regulier" /* the provider type that has no §9.6 maximum */
#define TND_FORM_NOT_APPLICABLE "n.v.t."     /* a locked cell of Bijlage XVI that is not asked */

/* Texts of the aanvullend plan van aanpak status, indexed by tnd_plan_status ("" = NONE). */
extern const char *const tnd_form_plan_texts[5];
/* Texts of a keurmerk status, indexed by tnd_keurmerk_status. */
extern const char *const tnd_form_keurmerk_texts[3];

/* ------------------------------------------------------------------ Identiteit */

/*
 * Bid-level fields: one row each, the value in column TND_FORM_ID_COL_BIDDER. Party fields: a
 * grid of one column per party: C the inschrijver (penvoerder in a combination), D-F up to three
 * combination members (read only when the field 'Combinatie' is ja), G-H up to two third parties
 * (derden) whose capacity the bid relies on. A member or third party counts when any of its cells
 * (on Identiteit or its insurance row) is filled.
 */
#define TND_FORM_MAX_MEMBERS 3
#define TND_FORM_MAX_THIRD 2
#define TND_FORM_N_PARTIES (1 + TND_FORM_MAX_MEMBERS + TND_FORM_MAX_THIRD)
#define TND_FORM_ID_COL_BIDDER 2   /* C */
#define TND_FORM_ID_COL_NOTE (TND_FORM_ID_COL_BIDDER + TND_FORM_N_PARTIES) /* I: toelichting */
#define TND_FORM_MAX_AGB TND_MAX_AGB

/* Party number p (0 = inschrijver, 1..3 members, 4..5 third parties) is in this column. */
static inline int tnd_form_party_col(int p) { return TND_FORM_ID_COL_BIDDER + p; }
static inline bool tnd_form_party_is_member(int p) { return p >= 1 && p <= TND_FORM_MAX_MEMBERS; }
static inline bool tnd_form_party_is_third(int p) { return p > TND_FORM_MAX_MEMBERS; }

typedef enum {
    TND_FORM_BID_SUBMIT_DATE,      /* date of submission (date serial) */
    TND_FORM_BID_SUBMIT_TIME,      /* time of submission (time serial); blank = 00:00 */
    TND_FORM_BID_PROVIDER_TYPE,    /* soort aanbieder: regulier or a §9.6 provider type */
    TND_FORM_BID_AGB,              /* first of TND_FORM_MAX_AGB rows of AGB codes (8 digits) */
    TND_FORM_BID_COMBINATION = TND_FORM_BID_AGB + TND_FORM_MAX_AGB, /* ja/nee */
    TND_FORM_BID_HOLDING,          /* ja/nee: part of a holding */
    TND_FORM_BID_HOLDING_NAME,
    TND_FORM_BID_HOLDING_DECLARATION, /* ja/nee: holdingverklaring attached */
    TND_FORM_BID_OPT_OUT,          /* ja/nee: no placement in a lower lot (only when allowed) */
    TND_FORM_BID_TRUTHFULNESS,     /* ja/nee: verklaring naar waarheid signed; blank = absent */
    TND_FORM_BID_SIGNATORY,        /* ja/nee: signatory authorised per KvK; blank = absent */
    TND_FORM_BID_MANDATE,          /* ja/nee: a machtiging is attached */
    TND_FORM_BID_MANDATE_GRANTOR,  /* ja/nee: the grantor is authorised */
    TND_FORM_BID_RESERVATIONS,     /* ja/nee: conditions or reservations attached */
    TND_FORM_BID_LANGUAGE,         /* Nederlands / andere taal; blank = Nederlands */
    TND_FORM_BID_FIELDS
} tnd_form_bid_field;

typedef enum {
    TND_FORM_PARTY_NAME,
    TND_FORM_PARTY_KVK,            /* 8 digits, text */
    TND_FORM_PARTY_LEGAL_FORM,
    /* the UEA grounds of the definition follow here: tnd_fillin_layout.ground_row */
    TND_FORM_PARTY_UEA_IIC,        /* ja/nee: relies on a third party (UEA deel II C) */
    TND_FORM_PARTY_UEA_IV,         /* ja/nee: suitability declared (UEA deel IV) */
    TND_FORM_PARTY_DOC_KVK,        /* date of the KvK extract */
    TND_FORM_PARTY_DOC_GEDRAG,     /* date of the Gedragsverklaring Aanbesteden */
    TND_FORM_PARTY_DOC_BELASTING,  /* date of the Belastingdienst statement */
    TND_FORM_PARTY_JOINT_LIABILITY,/* ja/nee, inschrijver and members: hoofdelijk aansprakelijk */
    TND_FORM_PARTY_RELIED_FOR,     /* third parties: what the bid relies on them for (code) */
    TND_FORM_PARTY_DECLARATION,    /* third parties: ja/nee, Verklaring inzet Derden signed */
    TND_FORM_PARTY_FIELDS
} tnd_form_party_field;

#define TND_FORM_MAX_DOC_CALCS 8 /* document rules with an age row under the party grid */

/* Rows of formulas under the party grid (one value per party column). */
typedef enum {
    TND_FORM_PARTY_CALC_PRESENT,   /* 1 when the party counts */
    TND_FORM_PARTY_CALC_HAS_UEA,   /* 1 when any UEA cell is filled */
    TND_FORM_PARTY_CALC_UEA_COMPLETE, /* 1 when the UEA answers every ground the form asks */
    TND_FORM_PARTY_CALC_UEA_SEV,   /* severity of the exclusion grounds (tnd_verdict number) */
    TND_FORM_PARTY_CALC_DOC_SEV,   /* first of one row per document of the definition */
    TND_FORM_PARTY_CALCS = TND_FORM_PARTY_CALC_DOC_SEV + TND_FORM_MAX_DOC_CALCS
} tnd_form_party_calc;

/* Key and Dutch label of a field. */
typedef struct {
    const char *key;
    const char *label;
} tnd_form_field_name;

extern const tnd_form_field_name tnd_form_bid_field_names[TND_FORM_BID_FIELDS];
extern const tnd_form_field_name tnd_form_party_field_names[TND_FORM_PARTY_FIELDS];

/* The document of the bid model behind a party field ("kvk-extract"), NULL for other fields. */
const char *tnd_form_party_document(tnd_form_party_field f);

/* ------------------------------------------------------------------ Percelen */

/* One row per lot of the definition (key "perceel-N"), followed by one row per product of that
 * lot (key "product-N-CODE"). */
#define TND_FORM_LOT_COL_CODE 2    /* C: lot number / product code */
#define TND_FORM_LOT_COL_APPLY 3   /* D: ja/nee */
#define TND_FORM_LOT_COL_CAPACITY 4/* E: places, on the group-care lot's row only */
#define TND_FORM_LOT_COL_NOTE 5    /* F */

/* ------------------------------------------------------------------ Financieel (Bijlage XVI) */

/* One row per item of the definition (key = item id), one column per year (ascending, the union
 * of the items' and norms' years). A cell of a year the item is not asked for holds the locked
 * text "n.v.t.". */
#define TND_FORM_FIN_COL_FIRST_YEAR 2 /* C */
#define TND_FORM_MAX_YEARS 12
#define TND_FORM_FIN_COL_VALUE 2   /* C: the single-value rows below the table */
#define TND_FORM_FIN_COL_SEV 3     /* D: severity next to a verdict text in C */

typedef enum {
    TND_FORM_FIN_STARTUP,          /* ja/nee: starting organisation without figures */
    TND_FORM_FIN_GOING_CONCERN,    /* ja/nee: negative continuïteitsverwachting; blank = absent */
    TND_FORM_FIN_PLAN,             /* tnd_form_plan_texts; blank = none */
    TND_FORM_FIN_FIELDS
} tnd_form_fin_field;

extern const tnd_form_field_name tnd_form_fin_field_names[TND_FORM_FIN_FIELDS];

/* ------------------------------------------------------------------ Verzekering en kwaliteit */

/* Insurance: one row per party (key "verzekering-<party key>"), in party order. */
#define TND_FORM_INS_COL_COVER 2       /* C: dekking per gebeurtenis (euro) */
#define TND_FORM_INS_COL_CONCERN 3     /* D: ja/nee concernpolis */
#define TND_FORM_INS_COL_NAMED 4       /* E: ja/nee als verzekerde vermeld */
#define TND_FORM_INS_COL_VERDICT 5     /* F: oordeel (formula) */
#define TND_FORM_INS_COL_SEV 6         /* G: ernst (formula) */
/* Certificates: TND_FORM_CERT_ROWS rows, key "certificaat-N". */
#define TND_FORM_CERT_ROWS 6
#define TND_FORM_CERT_COL_SCHEME 2     /* C */
#define TND_FORM_CERT_COL_EQUIVALENT 3 /* D: ja/nee */
#define TND_FORM_CERT_COL_VALID_UNTIL 4/* E: date; blank = no end date */
#define TND_FORM_CERT_COL_EVIDENCE 5   /* F: certificaat / registratie / kwaliteitsplan */
/* Keurmerken: one row per keurmerk kind named by the definition (key "keurmerk-<kind>"). */
#define TND_FORM_KEURMERK_COL_STATUS 2 /* C: tnd_form_keurmerk_texts */
#define TND_FORM_MAX_KEURMERK_KINDS 8

/* ------------------------------------------------------------------ Referenties */

/* def->references.count rows that count, then TND_FORM_EXTRA_REFERENCES rows that do not
 * (§5.4: only the first uploaded references count). Key "referentie-N". */
#define TND_FORM_EXTRA_REFERENCES 2
#define TND_FORM_MAX_REFERENCES 16
#define TND_FORM_MAX_COMPETENCES 4

typedef enum {
    TND_FORM_REF_REFERENT,         /* name */
    TND_FORM_REF_KIND,             /* soort referent: gemeente, rsj, ... */
    TND_FORM_REF_START,            /* date */
    TND_FORM_REF_END,              /* date */
    TND_FORM_REF_ONGOING,          /* ja/nee */
    TND_FORM_REF_COMPETENCE,       /* first of n_competences columns, ja/nee each */
    TND_FORM_REF_DISSOLVED = TND_FORM_REF_COMPETENCE + TND_FORM_MAX_COMPETENCES, /* ja/nee */
    TND_FORM_REF_CLIENTS,          /* whole number */
    TND_FORM_REF_FORECAST,         /* ja/nee */
    TND_FORM_REF_SUBCONTRACTOR,    /* name */
    TND_FORM_REF_SUBCONTRACTOR_DEPLOYED, /* ja/nee */
    TND_FORM_REF_THIRD_PARTY,      /* name of a derde of Identiteit */
    TND_FORM_REF_FIELDS
} tnd_form_ref_field;

/* ------------------------------------------------------------------ Tariefgroep */

/* Facts: one row per fact (and year) that a requirement of the definition names; key
 * "feit-<name>" or "feit-<name>-<year>". A one-of fact (cao) has up to TND_FORM_FACT_VALUES
 * values in C..F. The derived fact "locaties-in-regio" is a formula over 'Locaties'. */
#define TND_FORM_FACT_COL_VALUE 2      /* C */
#define TND_FORM_FACT_VALUES 4
#define TND_FORM_FACT_COL_RULES 6      /* G: the requirements that use the fact */
#define TND_FORM_MAX_FACTS 32
#define TND_FORM_DERIVED_LOCATIONS_FACT "locaties-in-regio"

typedef enum {
    TND_FORM_FACT_FLAG,            /* ja/nee */
    TND_FORM_FACT_NUMBER,          /* decimal */
    TND_FORM_FACT_MONEY,           /* euro */
    TND_FORM_FACT_TEXT,            /* one or more codes */
    TND_FORM_FACT_DERIVED          /* formula, not an input */
} tnd_form_fact_kind;

typedef struct {
    char name[TND_CODE_LEN];
    int year;                      /* 0 = no year */
    tnd_form_fact_kind kind;
    int row;
} tnd_form_fact;

/* ------------------------------------------------------------------ FTE, Locaties */

#define TND_FORM_FTE_COL_VALUE 2       /* C: fte per tariefgroep (key "fte-<code>") */
#define TND_FORM_MAX_FTE 24
#define TND_FORM_LOCATION_ROWS 12      /* key "locatie-N" */
#define TND_FORM_LOC_COL_NAME 2        /* C */
#define TND_FORM_LOC_COL_MUNICIPALITY 3/* D: municipality NAME of the definition; blank = outside */
#define TND_FORM_LOC_COL_PLACES 4      /* E */
#define TND_FORM_LOC_COL_DISTANCE 5    /* F: km as the crow flies; blank = 0 */
#define TND_FORM_LOC_COL_RESIDENTIAL 6 /* G: ja/nee */

/* ------------------------------------------------------------------ Groepen */

/* Residential groups (key "verblijfsgroep-N") and day groups (key "dagbestedingsgroep-N"). */
#define TND_FORM_GROUP_ROWS 10
#define TND_FORM_RES_COL_NAME 2        /* C */
#define TND_FORM_RES_COL_KIND 3        /* D: occupancy kind of the definition; blank = regular */
#define TND_FORM_RES_COL_PROVIDER 4    /* E: provider type; blank = the bid's */
#define TND_FORM_RES_COL_YOUTHS 5      /* F */
#define TND_FORM_RES_COL_OCCUPANCY 6   /* G: fraction (0.95) */
#define TND_FORM_RES_COL_HOURS 7       /* H: net group-staff hours per week */
#define TND_FORM_RES_COL_CLAIMED 8     /* I: intensity product of the residential lot */
#define TND_FORM_DAY_COL_NAME 2        /* C */
#define TND_FORM_DAY_COL_YOUTHS 3      /* D */
#define TND_FORM_DAY_COL_OPENING 4     /* E: opening hours per week */
#define TND_FORM_DAY_COL_HOURS 5       /* F: staff hours per week */
#define TND_FORM_DAY_COL_CLAIMED 6     /* G: product of the group-care lot */
/* formulas, both tables */
#define TND_FORM_GROUP_COL_USED 9      /* J: occupancy used (residential) */
#define TND_FORM_GROUP_COL_VALUE 10    /* K: intensity */
#define TND_FORM_GROUP_COL_CLASS 11    /* L: class, "grensgeval X/Y" or "buiten de banden" */
#define TND_FORM_GROUP_COL_VERDICT 12  /* M */
#define TND_FORM_GROUP_COL_SEV 13      /* N: severity of the classification */
#define TND_FORM_GROUP_COL_SEV_MAX 14  /* O: severity of maximum and eis 94 (residential) */
#define TND_FORM_GROUP_COL_PRESENT 15  /* P: 1 when the row is filled */
#define TND_FORM_GROUP_COL_BANDS 16    /* Q..: one 1/0 column per band (header = band code),
                                          sorted by lower limit; after the widest scale four
                                          helper columns: ondergrens (residential occupancy
                                          floor in millionths), te berekenen, teller, noemer
                                          (the exact intensity teller / noemer) */

/* ------------------------------------------------------------------ Producten (issue 11) */

/*
 * What a bid declares per product (<product-offers> of the XML, tender/bid.c), derived from the
 * definition's product rules, never from one region's numbers. One table per kind of
 * declaration, each with its header row, in this order:
 *  - maxima: one row per (perceel, voorziening, maat) that a cap rule names (key
 *    "maximum-<lot>-<product>-<measure>"): amount, unit, period, extensions, extension maximum
 *    and its unit, the exception invoked;
 *  - groepen: TND_FORM_PRODUCT_GROUP_ROWS rows per (perceel, voorziening) of a staffing rule
 *    (key "groep-<lot>-<product>-N"): name, category, children, staff;
 *  - gezinshuisouders: TND_FORM_PRODUCT_PARENT_ROWS rows per (perceel, voorziening) of a
 *    parent-qualification rule (key "ouder-<lot>-<product>-N"): name, ja/nee x3;
 *  - ambulant alternatief: one row per perceel of an ambulant rule (key "ambulant-<lot>"):
 *    eigen / onderaanneming, the subcontractor.
 * Columns C.. are inputs; the verdicts are the rows of 'Controle' (fillin_rules_products.c).
 */
#define TND_FORM_MAX_PRODUCT_ROWS 128
#define TND_FORM_PRODUCT_GROUP_ROWS 4
#define TND_FORM_PRODUCT_PARENT_ROWS 4
#define TND_FORM_CAP_COL_MAX 2         /* C: maximum (number) */
#define TND_FORM_CAP_COL_UNIT 3        /* D: minuut / uur / week / maand / jaar */
#define TND_FORM_CAP_COL_PER 4         /* E: period, the definition's text ("traject") */
#define TND_FORM_CAP_COL_EXTENSIONS 5  /* F: number of extensions or "onbeperkt"; blank = 0 */
#define TND_FORM_CAP_COL_EXT_MAX 6     /* G: longest extension (number); blank = none named */
#define TND_FORM_CAP_COL_EXT_UNIT 7    /* H: its unit */
#define TND_FORM_CAP_COL_EXCEPTION 8   /* I: id of the definition's exception invoked */
#define TND_FORM_PGROUP_COL_NAME 2     /* C */
#define TND_FORM_PGROUP_COL_CATEGORY 3 /* D: a category code of the rule */
#define TND_FORM_PGROUP_COL_YOUTHS 4   /* E: children at most */
#define TND_FORM_PGROUP_COL_STAFF 5    /* F: staff members present */
#define TND_FORM_PARENT_COL_NAME 2     /* C */
#define TND_FORM_PARENT_COL_PEDAGOGICAL 3 /* D: ja/nee */
#define TND_FORM_PARENT_COL_HBO 4      /* E: ja/nee */
#define TND_FORM_PARENT_COL_SCREENED 5 /* F: ja/nee */
#define TND_FORM_AMB_COL_KIND 2        /* C: eigen / onderaanneming; blank = none */
#define TND_FORM_AMB_COL_SUBCONTRACTOR 3 /* D */
#define TND_FORM_UNLIMITED "onbeperkt"
#define TND_FORM_AMB_OWN "eigen"
#define TND_FORM_AMB_SUBCONTRACTED "onderaanneming"

typedef enum {
    TND_FORM_PROW_CAP, TND_FORM_PROW_GROUP, TND_FORM_PROW_PARENT, TND_FORM_PROW_AMBULANT
} tnd_form_prow_kind;

typedef struct {
    tnd_form_prow_kind kind;
    int lot;
    char product[TND_CODE_LEN];    /* "" for AMBULANT */
    char measure[TND_CODE_LEN];    /* CAP */
    int n;                         /* GROUP, PARENT: 1.. within the product */
    int rule;                      /* def->product_rules index of the (first) rule */
    int row;
} tnd_form_prow;

/* ------------------------------------------------------------------ Controle */

/* One row per (rule, perceel) of steps 1-2; the lot is blank for a rule about the whole bid.
 * Then one row per lot of the definition (key "perceel-N"): its status for a lot applied for. */
#define TND_FORM_CHECK_COL_RULE 0      /* A: the definition's rule id */
#define TND_FORM_CHECK_COL_LABEL 1     /* B */
#define TND_FORM_CHECK_COL_SOURCE 2    /* C: § */
#define TND_FORM_CHECK_COL_LOT 3       /* D */
#define TND_FORM_CHECK_COL_VERDICT 4   /* E: tnd_verdict_dutch / tnd_lot_status_dutch text */
#define TND_FORM_CHECK_COL_SEV 5       /* F: tnd_verdict number (0 N.V.T. .. 6 VOLDOET NIET) */
#define TND_FORM_CHECK_COL_NOTE 6      /* G */
#define TND_FORM_LOT_NOT_APPLIED "niet ingeschreven"

/* ------------------------------------------------------------------ the computed layout */

#define TND_FORM_MAX_LOTS 32
#define TND_FORM_MAX_GROUNDS 64
#define TND_FORM_MAX_NORMS 4
#define TND_FORM_MAX_QUALITY 8
#define TND_FORM_MAX_REQUIREMENTS 64

typedef struct {
    /* Identiteit */
    int bid_row[TND_FORM_BID_FIELDS];
    int party_row[TND_FORM_PARTY_FIELDS];
    int ground_row[TND_FORM_MAX_GROUNDS];   /* per def->exclusion.grounds[i]; NO_ROW when the
                                               ground is not applied in this tender */
    int party_first_row, party_last_row;    /* input rows of the party grid */
    int party_calc_row[TND_FORM_PARTY_CALCS];
    int doc_calc_rule[TND_FORM_MAX_DOC_CALCS]; /* def->documents index behind each DOC_SEV row */
    int n_doc_calcs;

    /* Percelen: def->lots[i] on lot_row[i]; its product p on lot_row[i] + 1 + p */
    int lot_row[TND_FORM_MAX_LOTS];

    /* Financieel */
    int years[TND_FORM_MAX_YEARS];          /* column TND_FORM_FIN_COL_FIRST_YEAR + index */
    int n_years;
    int fin_item_row[TND_MAX_FIN_ITEMS];    /* per def->financial.items[i] */
    int fin_row[TND_FORM_FIN_FIELDS];
    int norm_value_row[TND_FORM_MAX_NORMS], norm_met_row[TND_FORM_MAX_NORMS];
    int norm_failed_row[TND_FORM_MAX_NORMS], norm_verdict_row[TND_FORM_MAX_NORMS];
    int fin_startup_active_row;             /* C: 1 when the start-up rule replaces the norms */
    int fin_outcome_row;                    /* C: worst of norms, start-up and going concern */
    int fin_going_concern_row, fin_startup_row, fin_plan_row; /* verdict C, severity D; on
                                               these and the norm verdict rows E holds the
                                               severity before an accepted plan of approach */

    /* Verzekering en kwaliteit */
    int ins_header_row, ins_row0;           /* party p on ins_row0 + p */
    int cert_header_row, cert_row0;
    int quality_row[TND_FORM_MAX_QUALITY];  /* per def->quality[i]: verdict F, severity G */
    int keurmerk_header_row;
    char keurmerk_kinds[TND_FORM_MAX_KEURMERK_KINDS][TND_CODE_LEN];
    int keurmerk_row[TND_FORM_MAX_KEURMERK_KINDS];
    int n_keurmerk_kinds;
    int keurmerk_rule_row[TND_FORM_MAX_QUALITY]; /* per def->keurmerken[i]: verdict F, sev G */

    /* Referenties */
    int ref_row0, n_ref_rows;               /* reference r on ref_row0 + r */
    int ref_col[TND_FORM_REF_FIELDS];       /* -1 for unused competence columns */
    int ref_col_counts;                     /* formula: 1 when the row counts and is filled */
    int ref_col_rule_sev;                   /* first of TND_FORM_REF_RULES severity columns */
    int ref_col_verdict;                    /* text: worst of the row */
    int ref_col_clean;                      /* 1 when the row has no finding */
    int ref_summary_row;                    /* summary rows (verdict C, severity D): the
                                               overall rule, then one per tnd_form_ref_rule */

    /* Tariefgroep */
    tnd_form_fact facts[TND_FORM_MAX_FACTS];
    int n_facts;
    int req_header_row;
    int req_row[TND_FORM_MAX_REQUIREMENTS]; /* per def->requirements[i]: verdict E, sev F */

    /* FTE */
    char fte_codes[TND_FORM_MAX_FTE][TND_CODE_LEN];
    int n_fte;                              /* code i on TND_FORM_FIRST_ROW + i */

    /* Locaties: row TND_FORM_FIRST_ROW + i */

    /* Groepen */
    int res_header_row, res_row0, day_header_row, day_row0;
    int group_summary_row;                  /* residential, maximum, day: verdict C, sev D */

    /* Producten (issue 11): no sheet when n_prows is 0 */
    tnd_form_prow prows[TND_FORM_MAX_PRODUCT_ROWS];
    int n_prows;
    int prow_header_row[4];                 /* per tnd_form_prow_kind, NO_ROW when absent */
} tnd_fillin_layout;

/* The key of a row of 'Producten' into buf. */
void tnd_form_prow_key(const tnd_form_prow *p, char *buf, size_t size);
/* The row of 'Producten' of a kind, lot, product (and measure for CAP, n for GROUP and PARENT),
 * NULL when the form has none. */
const tnd_form_prow *tnd_form_prow_find(const tnd_fillin_layout *L, tnd_form_prow_kind kind,
                                        int lot, const char *product, const char *measure, int n);

/* Rule columns of 'Referenties', in this order: one severity column per rule of §5.4. */
typedef enum {
    TND_FORM_REF_RULE_COMPETENCE, TND_FORM_REF_RULE_WINDOW, TND_FORM_REF_RULE_REFERENT,
    TND_FORM_REF_RULE_DISSOLVED, TND_FORM_REF_RULE_FORECAST, TND_FORM_REF_RULE_SUBCONTRACTOR,
    TND_FORM_REF_RULE_THIRD_PARTY, TND_FORM_REF_RULES
} tnd_form_ref_rule;

/*
 * Computes the bidder workbook's layout for `def`. Fails with TND_ERR_DEFINITION when the
 * definition has more of something than the form holds (more than TND_FORM_MAX_LOTS lots, ...).
 */
tnd_status tnd_fillin_layout_init(const tnd_definition *def, tnd_fillin_layout *out,
                                  tnd_error *err);

/* The party's key ("inschrijver", "lid-1", "derde-2") and Dutch column title. */
const char *tnd_form_party_key(int p);
const char *tnd_form_party_title(int p);

/* ------------------------------------------------------------------ committee workbook */

/*
 * One sheet per award lot with criteria: TND_FORM_COMMITTEE_SHEET_FMT ("Perceel 4"). One row per
 * score line (inschrijver x criterion x ronde), TND_FORM_COMMITTEE_ROWS rows from
 * TND_FORM_FIRST_ROW, columns below; the header texts of the member columns are the member codes
 * of the scores file ("lid-1" .. "lid-5", "consensus"). Scores are numbers on the definition's
 * scale. Column A holds the key "score-N".
 */
#define TND_FORM_COMMITTEE_SHEET_FMT "Perceel %d"
#define TND_FORM_COMMITTEE_ROWS 120
#define TND_FORM_COMMITTEE_MEMBERS 5
#define TND_FORM_COM_COL_KVK 1         /* B: KvK number of the inschrijver (8 digits, text) */
#define TND_FORM_COM_COL_NAME 2        /* C: name of the inschrijver */
#define TND_FORM_COM_COL_CRITERION 3   /* D: criterion id of the definition (leaf criteria) */
#define TND_FORM_COM_COL_ROUND 4       /* E: 1 or 2 */
#define TND_FORM_COM_COL_MEMBER 5      /* F..J: lid-1 .. lid-5 */
#define TND_FORM_COM_COL_CONSENSUS (TND_FORM_COM_COL_MEMBER + TND_FORM_COMMITTEE_MEMBERS) /* K */
#define TND_FORM_COM_COL_SPREAD (TND_FORM_COM_COL_CONSENSUS + 1) /* L: MAX - MIN of members */
#define TND_FORM_COM_CONSENSUS "consensus"

/* "lid-1" .. "lid-5" for i = 0..4. */
const char *tnd_form_committee_member(int i);

#endif
