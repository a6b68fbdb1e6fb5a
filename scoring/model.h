/*
 * model.h - the plain C model of a tender definition and of a bid.
 *
 * tender/ fills these structs from XML (definition.c, bid.c); scoring/ decides on them.
 * Strings are fixed-size buffers inside the structs, so a struct owns everything it holds except
 * the arrays, which its free function releases (tnd_definition_free, tnd_bid_free in tender/).
 * Every rule of the definition carries a tnd_rule_ref: an id, the § source in the tender document
 * and a Dutch label, so that every verdict can be followed back to the text.
 */
#ifndef TND_MODEL_H
#define TND_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "scoring/intensity.h"
#include "scoring/types.h"

#define TND_ID_LEN 48
#define TND_SOURCE_LEN 96
#define TND_LABEL_LEN 160
#define TND_NAME_LEN 160
#define TND_TEXT_LEN 512
#define TND_RESOLUTION_LEN 1280 /* a resolution quotes both readings and the lines of each */
#define TND_CODE_LEN 32
#define TND_MAX_SET 16        /* members of a small set: lots in a rule, codes in a requirement */

/* The sizes of the fixed arrays of the model. A loop over one is bounded by TND_COUNTOF(array)
 * (scoring/types.h), never by a repeated literal, so an array that grows is never cut off. */
#define TND_MAX_EXCEPT_TYPES 4   /* tnd_combo_rule.except_provider_types */
#define TND_MAX_CHAIN_TO 8       /* tnd_cascade_chain.to: fallback lots */
#define TND_MAX_CHAINS 8         /* tnd_cascade_rules.chains */
#define TND_MAX_FIN_YEARS 8      /* years of a Bijlage XVI item or of a norm */
#define TND_MAX_NORM_ITEMS 4     /* items summed in the numerator or denominator of a norm */
#define TND_MAX_FIN_ITEMS 8      /* tnd_financial_rules.items */
#define TND_MAX_NORMS 4          /* tnd_financial_rules.norms */
#define TND_MAX_YEAR_BANDS 4     /* tnd_financial_rules.bands */
#define TND_MAX_COMPETENCES 4    /* competences of §5.4 and those a reference covers */
#define TND_MAX_REFERENT_KINDS 4 /* allowed and forbidden referent kinds */
#define TND_MAX_OCCUPANCY 4      /* tnd_residential_rules.occupancy */
#define TND_MAX_STAFFING 8       /* tnd_group_rules.staffing */
#define TND_MAX_CRITERIA 12      /* criteria of an award lot (and the scores of an entry) */
#define TND_MAX_SCALE_VALUES 12  /* values of the committee's score scale */
#define TND_MAX_OBJECTIONS 8     /* objection terms of the letters */
#define TND_MAX_BID_PRODUCTS 24  /* products a bid offers on one lot */
#define TND_MAX_FACT_VALUES 4    /* values of a text fact of a bid */
#define TND_MAX_AGB 4            /* AGB codes of a bid */

/* Verdicts, in order of severity for "worst of" (see tnd_verdict_worse in check.h). */
typedef enum {
    TND_NOT_APPLICABLE = 0,
    TND_PASS,
    TND_CONDITIONAL,     /* passes under a condition (keurmerk within a year, verify after award) */
    TND_REVIEW,          /* a reviewer of the Opdrachtgever decides */
    TND_PLAN_REQUIRED,   /* aanvullend plan van aanpak required (§5.3.1) */
    TND_MISSING,         /* a required item is absent (step 1) */
    TND_FAIL
} tnd_verdict;

/* Identity and citation of one rule in the definition. */
typedef struct {
    char id[TND_ID_LEN];          /* "FIN-SOLVABILITEIT" */
    char source[TND_SOURCE_LEN];  /* "§5.3.1 L1357" */
    char label[TND_LABEL_LEN];    /* "Solvabiliteit" (Dutch, shown to users) */
    char resolution[TND_ID_LEN];  /* id of a tnd_resolution this rule applies, or "" */
} tnd_rule_ref;

/* How the definition resolves an ambiguity of the document (digest "Resolution"). */
typedef struct {
    char id[TND_ID_LEN];
    char source[TND_SOURCE_LEN];
    char text[TND_RESOLUTION_LEN];
} tnd_resolution;

/* ------------------------------------------------------------------ definition: lots */

typedef struct {
    char unit[16];                /* "minuut", "uur", "etmaal", "stuk" */
    tnd_cents amount;             /* per unit */
} tnd_tariff;

typedef struct {
    char code[TND_CODE_LEN];      /* "TG1", "licht", "H", "GGZ-C", "diagnostiek" */
    char name[TND_LABEL_LEN];
    char group[TND_CODE_LEN];     /* "intensiteit", "ggz-verblijf", "" */
    int rank;                     /* order inside the lot's group: A=0 < B < ... < K */
    tnd_tariff tariffs[2];
    int n_tariffs;
    char note[TND_LABEL_LEN];     /* a remark shown with the tariff ("H below G as printed") */
} tnd_product;

typedef struct {
    int number;                   /* perceel number */
    char name[TND_LABEL_LEN];
    char source[TND_SOURCE_LEN];
    tnd_product *products;
    size_t n_products;
    char (*municipalities)[TND_CODE_LEN];  /* municipality ids */
    size_t n_municipalities;
    int requirements_include;     /* §5.6 "voldoen aan de voorwaarden voor GGZ 1": lot whose
                                     requirements also apply (cumulative), 0 = none */
} tnd_lot;

typedef struct {
    char id[TND_CODE_LEN];        /* "zwolle" */
    char name[TND_NAME_LEN];      /* "Zwolle" */
} tnd_municipality;

typedef enum {
    TND_COMBO_AT_MOST,            /* at most `count` of `lots` */
    TND_COMBO_REQUIRES_ANY,       /* `lot` only together with one of `lots` */
    TND_COMBO_ALL_PRODUCTS        /* `lot` requires every product of the lot */
} tnd_combo_kind;

typedef struct {
    tnd_rule_ref ref;
    tnd_combo_kind kind;
    int count;
    int lot;
    int lots[TND_MAX_SET];
    int n_lots;
    /* REQUIRES_ANY does not apply to these provider types */
    char except_provider_types[TND_MAX_EXCEPT_TYPES][TND_CODE_LEN];
    int n_except;
} tnd_combo_rule;

typedef struct {
    int from;                     /* lot applied for */
    int to[TND_MAX_CHAIN_TO];     /* fallback lots, in order */
    int n_to;
    bool awarded_competitively;   /* `from` is placed only when awarded (lot 4: top 5) */
} tnd_cascade_chain;

typedef struct {
    tnd_rule_ref ref;
    tnd_cascade_chain chains[TND_MAX_CHAINS];
    int n_chains;
    bool opt_out_allowed;         /* Bijlage I item 2, last field */
} tnd_cascade;

/* ------------------------------------------------------------------ definition: step 1 */

/*
 * Items a complete bid must contain (§6 step 1). `item` names what the engine checks for:
 * "submission-time", "uea", "financial-figures", "going-concern-statement", "insurance",
 * "quality-evidence", "kvk-extract", "references", "agb", "truthfulness-declaration",
 * "signature", "lots". `lots` limits an item to bids on those lots (empty = every bid).
 */
typedef struct {
    tnd_rule_ref ref;
    char item[TND_CODE_LEN];
    int lots[TND_MAX_SET];
    int n_lots;
} tnd_required_item;

/* ------------------------------------------------------------------ definition: step 2 */

typedef enum {
    TND_GROUND_EXCLUDE,           /* "yes" => excluded (UEA III A, III B) */
    TND_GROUND_REVIEW,            /* "yes" => may be excluded: REVIEW (III C, ticked) */
    TND_GROUND_NOT_APPLIED        /* III C not ticked in this tender */
} tnd_ground_effect;

typedef struct {
    char code[TND_ID_LEN];        /* ESPD-style code: "corruption", "bankruptcy" */
    char part[8];                 /* "IIIA", "IIIB", "IIIC" */
    char label[TND_LABEL_LEN];
    tnd_ground_effect effect;
    char source[TND_SOURCE_LEN];
} tnd_ground;

typedef struct {
    tnd_rule_ref ref;
    tnd_ground *grounds;
    size_t n_grounds;
} tnd_exclusion_rules;

typedef enum { TND_DOC_AT_SUBMISSION, TND_DOC_ON_REQUEST } tnd_doc_when;

/* Age limit of a document at the time of submission ("niet ouder dan 6 maanden"). */
typedef struct {
    tnd_rule_ref ref;
    char document[TND_CODE_LEN];  /* "kvk-extract", "gedragsverklaring", "belastingverklaring" */
    int max_months;
    tnd_doc_when when;            /* ON_REQUEST: missing => CONDITIONAL "te verifiëren" (§5.9) */
} tnd_document_rule;

/* A line of Bijlage XVI: an amount per year. `id` is also the bid's element name. */
typedef struct {
    char id[TND_CODE_LEN];        /* "resultaat", "omzet", "eigen-vermogen", "activa",
                                     "vlottende-activa", "liquide-middelen", "kortlopende-schulden" */
    char label[TND_LABEL_LEN];    /* "Totaal eigen vermogen" */
    int years[TND_MAX_FIN_YEARS]; /* years for which the figure is required */
    int n_years;
    bool may_be_negative;         /* result and equity may be negative; assets may not */
} tnd_fin_item;

typedef enum {
    TND_DEGENERATE_NOT_MET,          /* denominator <= 0: cannot compute, counted as not met */
    TND_DEGENERATE_MET_IF_POSITIVE   /* denominator == 0 and numerator > 0: met (infinite) */
} tnd_degenerate_rule;

typedef struct {
    tnd_rule_ref ref;
    int num_items[TND_MAX_NORM_ITEMS]; /* indices into tnd_financial_rules.items; summed */
    int n_num;
    int den_items[TND_MAX_NORM_ITEMS];
    int n_den;
    tnd_op op;                    /* TND_OP_GT: strict "> 20,0%" */
    tnd_dec threshold;            /* as a fraction: 0.20 for 20,0 % */
    bool percent;                 /* show as a percentage */
    int display_places;           /* decimals shown: 2 for 1,50 %, 1 for 20,0 % */
    int years[TND_MAX_FIN_YEARS]; /* years over which failures are counted */
    int n_years;
    tnd_degenerate_rule degenerate;
} tnd_fin_norm;

typedef struct {
    int min_failed, max_failed;   /* inclusive; max_failed < 0 means no upper bound */
    tnd_verdict verdict;
} tnd_year_band;

typedef struct {
    tnd_rule_ref ref;             /* the overall requirement (§5.3.1) */
    tnd_fin_item items[TND_MAX_FIN_ITEMS];
    int n_items;
    tnd_fin_norm norms[TND_MAX_NORMS];
    int n_norms;
    tnd_rule_ref year_rule;       /* "per norm, niet per kalenderjaar" L1371-1378 */
    tnd_year_band bands[TND_MAX_YEAR_BANDS];
    int n_bands;
    tnd_rule_ref going_concern;   /* L1380-1384 */
    int going_concern_year;
    tnd_verdict going_concern_verdict;
    tnd_rule_ref startup;         /* L1386-1389 */
    tnd_verdict startup_verdict;
    tnd_rule_ref plan;            /* a required plan that is rejected or not delivered => FAIL */
    tnd_rule_ref reliance;        /* reliance on a group company, third party or holding guarantee
                                     for the norms (IJsselland §4.1.12 L740-744, §5.8 L1640-1642):
                                     own figures short => REVIEW on the other's; "" = none */
} tnd_financial_rules;

typedef struct {
    tnd_rule_ref ref;
    tnd_cents min_per_event;      /* >= */
    bool every_member;            /* combination: every member shows cover */
    bool combination_total;       /* combination (§5.3.2 L1409-1411): every member shows *an*
                                     insurance; the combination's cover meets min_per_event */
    tnd_verdict declared_only;    /* only UEA part IV "ja", no cover stated: CONDITIONAL */
} tnd_insurance_rule;

typedef struct {
    char id[8];                   /* "KC1" */
    char label[TND_LABEL_LEN];
} tnd_competence;

typedef struct {
    tnd_rule_ref ref;             /* overall §5.4 */
    int count;                    /* exactly the first `count` references count; fewer fails */
    tnd_competence competences[TND_MAX_COMPETENCES];
    int n_competences;
    tnd_rule_ref competence_rule;
    int window_years;             /* executed within N years before the closing date */
    tnd_rule_ref window_rule;
    char referent_kinds_allowed[TND_MAX_REFERENT_KINDS][TND_CODE_LEN];  /* "gemeente" */
    int n_allowed;
    char referent_kinds_forbidden[TND_MAX_REFERENT_KINDS][TND_CODE_LEN]; /* "rsj", ... */
    int n_forbidden;
    tnd_rule_ref referent_rule;
    tnd_rule_ref dissolved_rule;  /* dissolved early for underperformance / no client: rejected */
    tnd_rule_ref forecast_rule;   /* ongoing: only results achieved so far */
    tnd_rule_ref subcontractor_rule;
    tnd_rule_ref third_party_rule;/* reliance: UEA II C "ja" + Verklaring inzet Derden */
} tnd_reference_rules;

typedef struct {
    tnd_rule_ref ref;
    int lots[TND_MAX_SET];
    int n_lots;
    char schemes[TND_MAX_SET][TND_CODE_LEN]; /* accepted: "HKZ", "ISO-9001:2015", "ZIN-REGISTER" */
    int n_schemes;
    bool equivalent_review;       /* a scheme declared "equivalent" goes to REVIEW */
    char review_schemes[TND_MAX_SET][TND_CODE_LEN]; /* a valid certificate of one of these (and
                                     none accepted) goes to REVIEW: the text names it as an
                                     example for every bidder (IJsselland HKZ on lot 8) */
    int n_review_schemes;
} tnd_quality_rule;

typedef struct {
    tnd_rule_ref ref;
    int lot;
    char provider_type[TND_CODE_LEN];  /* "gezinshuis", "zorgboerderij" */
    char keurmerk[TND_CODE_LEN];       /* "keurmerk-gezinshuizen", "keurmerk-landbouw-zorg" */
    tnd_verdict in_progress;           /* CONDITIONAL: to be obtained within `within_months` */
    int within_months;
} tnd_keurmerk_rule;

typedef struct {
    tnd_rule_ref ref;
    int count;                    /* exactly this many AGB codes */
} tnd_agb_rule;

/*
 * A requirement on a named fact of the bid (§5.6 tariff groups, lot 9 NKD/protocol).
 * The facts, what each holds and which requirement kind fits it: the one table of
 * scoring/facts.c (the definition loader refuses a kind that does not fit).
 */
typedef enum {
    TND_REQ_FLAG,                 /* fact is true */
    TND_REQ_NUMBER,               /* fact op number */
    TND_REQ_MONEY,                /* fact op money */
    TND_REQ_ONE_OF,               /* one of the fact's values is in `values` */
    TND_REQ_BIDS_PRODUCT          /* the bid applies for one of `values` in `product_lot` */
} tnd_req_kind;

typedef struct {
    tnd_rule_ref ref;
    int lot;                      /* the lot this requirement belongs to */
    tnd_req_kind kind;
    char fact[TND_CODE_LEN];
    int year;                     /* per-year facts; 0 = none */
    tnd_op op;
    tnd_dec number;
    tnd_cents money;
    char values[TND_MAX_SET][TND_CODE_LEN];
    int n_values;
    int product_lot;
} tnd_requirement;

/* Declarations and signatures (§5.8, §4.1.3, §4.1.5, §4.1.12). `kind` names the check:
 * "truthfulness", "signatory", "joint-liability", "penvoerder", "third-party-declaration",
 * "holding-declaration", "no-reservations", "language". */
typedef struct {
    tnd_rule_ref ref;
    char kind[TND_CODE_LEN];
    tnd_verdict on_violation;     /* FAIL, or REVIEW where the document says "may" */
} tnd_declaration_rule;

/* ------------------------------------------------------------------ definition: intensity */

typedef struct {
    char provider_type[TND_CODE_LEN]; /* "pleegzorg", "zzp1", "kdv", "gezinshuis", ... */
    char max_product[TND_CODE_LEN];   /* highest intensity it may bid: "E"; "" = no maximum */
    int min_products;                 /* a fasehuis bids at least 2 intensities; else 0 */
    char source[TND_SOURCE_LEN];
} tnd_provider_max;

typedef struct {
    tnd_rule_ref ref;             /* residential classification (§9) */
    int lot;                      /* 8 */
    char product_group[TND_CODE_LEN]; /* "intensiteit": products classified by the scale */
    tnd_intensity_scale scale;
    tnd_occupancy_rule occupancy[TND_MAX_OCCUPANCY];
    int n_occupancy;
    tnd_provider_max *maxima;
    size_t n_maxima;
    tnd_rule_ref max_rule;        /* §9.6 maximum per provider type, eis 94 */
    tnd_rule_ref calc_rule;       /* completeness: a calculation per group behind every intensity
                                     product bid (IJsselland §9 L4156-4158, rekentool); "" = none */
    tnd_verdict on_mismatch;      /* a group's claim other than computed, or above the provider
                                     maximum: FAIL (default) or REVIEW (§4.1.8 verification
                                     meeting); judged per product, not per lot */
} tnd_residential_rules;

typedef struct {
    tnd_rule_ref ref;             /* group-care classification (§8.5.3) */
    int lot;                      /* 6 */
    tnd_intensity_scale scale;
    struct {                      /* Bijlage XII staffing norm per class (informative) */
        char band[TND_CODE_LEN];
        tnd_dec youths_per_staff;  /* "één begeleider op 3 jeugdigen" */
        char resolution[TND_ID_LEN]; /* a reading about this norm, "" = none */
    } staffing[TND_MAX_STAFFING];
    int n_staffing;
    tnd_rule_ref capacity_rule;   /* completeness: the products and the capacity available
                                     (IJsselland §8.3.2 L3348-3349); "" = none */
} tnd_group_rules;

/* ------------------------------------------------------------------ definition: per product */

/*
 * (issue 11, format version 2) Rules on single products (voorzieningen) of a lot, from
 * <product-rules>: a region whose products carry their own conditions (Holland Rijnland 2021:
 * a product sheet per product code) admits or refuses each product on its own. Every finding of
 * these rules names its product (tnd_finding.product), except the ambulant alternative, which is
 * about the provider on the lot. Evaluated in scoring/rules_products.c.
 */
typedef enum {
    TND_PRULE_QUALITY,            /* a certificate of one of `schemes` (for `provider_type`) */
    TND_PRULE_CAP,                /* the maximum inzet or duration the bid applies per product */
    TND_PRULE_STAFFING,           /* youths per staff member of each group, per category */
    TND_PRULE_PARENTS,            /* gezinshuis: the qualifications of the gezinshuisouders */
    TND_PRULE_AMBULANT            /* verblijf only with an ambulant alternative, own or subcontracted */
} tnd_product_rule_kind;

/* The units a cap is written in; a bid's cap compares with the definition's when both units are
 * of one dimension: inzet (minuut, uur) or duration (maand, jaar); a week only with a week. */
typedef enum { TND_UNIT_MINUTE, TND_UNIT_HOUR, TND_UNIT_WEEK, TND_UNIT_MONTH, TND_UNIT_YEAR }
    tnd_cap_unit;

/* A documented exception to a cap (L6466-6489): with `has_max`, a higher limit that applies
 * under it (53A01: 180 min once for a new client, L7091-7097); without, the provider carries the
 * burden of proof and a reviewer decides. */
typedef struct {
    char id[TND_ID_LEN];
    char source[TND_SOURCE_LEN];
    char text[TND_TEXT_LEN];
    bool has_max;
    tnd_dec max;                  /* in the unit of the cap */
} tnd_cap_exception;

typedef struct {
    char code[TND_CODE_LEN];      /* "1", "2", "3" */
    tnd_dec max_youths_per_staff; /* "1 medewerker op maximaal 4 kinderen": 4 (inclusive) */
    char source[TND_SOURCE_LEN];
} tnd_staffing_category;

#define TND_CAP_UNLIMITED (-1)    /* extensions: "steeds mogelijk" (L6461-6463) */

typedef struct {
    tnd_rule_ref ref;
    tnd_product_rule_kind kind;
    int lot;
    char products[TND_MAX_SET][TND_CODE_LEN]; /* the products it applies to (AMBULANT: none) */
    int n_products;
    /* QUALITY */
    char schemes[TND_MAX_SET][TND_CODE_LEN];
    int n_schemes;
    bool equivalent_review;       /* a scheme declared equivalent goes to REVIEW */
    char provider_type[TND_CODE_LEN]; /* only for this provider type ("zorgboerderij"); "" = all */
    /* CAP */
    char measure[TND_CODE_LEN];   /* what is capped: "inzet", "duur", "weken" */
    tnd_dec max;
    tnd_cap_unit unit;
    char per[TND_CODE_LEN];       /* the period: "6-maanden", "traject", "client-jaar", "jaar" */
    int extensions;               /* extensions allowed, TND_CAP_UNLIMITED, 0 = none */
    bool has_extension_max;
    tnd_dec extension_max;        /* the longest extension ... */
    tnd_cap_unit extension_unit;  /* ... in this unit */
    tnd_cap_exception exceptions[6];
    int n_exceptions;
    /* STAFFING */
    tnd_staffing_category categories[6];
    int n_categories;
    /* AMBULANT */
    int via_lots[TND_MAX_SET];    /* a bid on one of these lots is the own ambulant alternative */
    int n_via_lots;
} tnd_product_rule;

/* ------------------------------------------------------------------ definition: award */

typedef enum {
    TND_AWARD_ADMIT,              /* admitted on steps 1-2 (lots 6, 7, 8) */
    TND_AWARD_THRESHOLD,          /* every bid whose plan scores >= minimum (lots 1,2,3,5,9) */
    TND_AWARD_RANKED              /* weighted score, at most max_awarded (lot 4) */
} tnd_award_kind;

typedef struct {
    char id[TND_CODE_LEN];        /* "normaliseren", "A" */
    char label[TND_LABEL_LEN];
    tnd_dec weight;               /* share within its parent (0.5, 0.4) */
    int parent;                   /* index of the parent criterion, -1 = top level */
    bool has_minimum;
    tnd_dec minimum;              /* consensus score >= minimum (6.0) */
    int revisions;                /* revisions allowed below the minimum (1) */
    bool revised_capped;          /* a revised score counts at most `minimum` in the mark: the
                                     revision decides the threshold only; false: in full */
    char resolution[TND_ID_LEN];  /* resolution of how a revised score counts, "" = none */
    bool computed_locations;      /* criterion C: computed from the bid's locations */
    long locations_min_places;    /* >= 10 places ... */
    tnd_dec locations_max_km;     /* ... within <= 15 km */
    int locations_score;          /* ... gives score 10 */
    char source[TND_SOURCE_LEN];
} tnd_criterion;

/*
 * Price-quality formula of a lot that competes on price (IJsselland does not; other regions do).
 * Q is the weighted quality score on the definition's scale, P the bid's price.
 */
typedef enum {
    TND_PRICE_NONE = 0,
    TND_PRICE_RELATIVE_LOWEST,    /* "relative-lowest": WQ*Q + WP*max*Pbest/Pi */
    TND_PRICE_WEIGHTED_RANGE,     /* "weighted-range": price score linear between Pmin and Pmax */
    TND_PRICE_LOGARITHMIC,        /* "logarithmic": WQ*Q + WP*max*(1 - log(Pi/Pbest)/log A) */
    TND_PRICE_VALUE,              /* "value": fictitious price Pi - value_per_point*Q; lowest wins */
    TND_PRICE_QUALITY_RATIO       /* "quality-price-ratio": Q / Pi; highest wins */
} tnd_price_kind;

typedef struct {
    tnd_price_kind kind;
    tnd_dec quality_weight;       /* WQ (0.6) */
    tnd_dec price_weight;         /* WP (0.4) */
    tnd_cents pmin, pmax;         /* weighted-range: a price <= pmin scores max, >= pmax scores 0 */
    tnd_dec log_base;             /* logarithmic: coefficient A (> 1) */
    tnd_cents value_per_point;    /* value: euros of fictitious discount per quality point */
    char source[TND_SOURCE_LEN];
} tnd_price_rule;

/* The one kind of tie rule: "higher-score:" and the id of a criterion that takes scores. */
#define TND_TIE_RULE_HIGHER_SCORE "higher-score:"

typedef struct {
    tnd_rule_ref ref;
    int lot;
    tnd_award_kind kind;
    tnd_criterion criteria[TND_MAX_CRITERIA];
    int n_criteria;
    int max_awarded;              /* 0 = no maximum */
    char tie_rule[TND_ID_LEN + TND_CODE_LEN]; /* "" = a tie is reported, never decided;
                                     "higher-score:<criterion id>": the higher consensus on that
                                     scored criterion decides (TND_TIE_RULE_HIGHER_SCORE) */
    char price_formula[TND_CODE_LEN]; /* "" = no price competition; else a tnd_price_kind name */
    tnd_price_rule price;
    int plan_lots[TND_MAX_SET];   /* ADMIT: admitted only while the bidder's plan on one of these
                                     lots stands (IJsselland lots 6-8: the lot 1-5 Plan van Aanpak
                                     Normaliseren, §4.3 L916-918); a bid on none of them needs no
                                     plan. Empty: admitted on steps 1-2 alone */
    int n_plan_lots;
} tnd_award_lot;

typedef struct {
    int values[TND_MAX_SCALE_VALUES]; /* 0 2 4 6 8 10 */
    char labels[TND_MAX_SCALE_VALUES][TND_CODE_LEN]; /* "Geen antwoord" ... "Uitmuntend" */
    int n_values;
    char source[TND_SOURCE_LEN];
} tnd_score_scale;

/* ------------------------------------------------------------------ definition: letters */

/* One end of the objection period (bezwaartermijn, §3.3 planning / §4.1.9) for some lots. */
typedef struct {
    int lots[TND_MAX_SET];        /* the lots it is for; n_lots 0 = every lot no other term names */
    int n_lots;
    tnd_date until;               /* last day, inclusive ("tot en met") */
    char source[TND_SOURCE_LEN];  /* "§3.3 L299" */
    char resolution[TND_ID_LEN];  /* the reading that chose this date, or "" */
} tnd_objection_term;

/* What the award letters (tender letters) need from the document: who writes, how to reach them,
 * and the objection periods. Absent (has_letters false) when the definition has no <letters>. */
typedef struct {
    char source[TND_SOURCE_LEN];
    char sender[TND_NAME_LEN];    /* the contracting authority in full */
    char sender_source[TND_SOURCE_LEN];
    char contact[TND_TEXT_LEN];   /* where a bidder sends questions and notices */
    char contact_source[TND_SOURCE_LEN];
    tnd_objection_term objections[TND_MAX_OBJECTIONS];
    int n_objections;
    char standstill[1024];        /* what the standstill means for the contract and for objections */
    char standstill_source[TND_SOURCE_LEN];
} tnd_letter_rules;

/* ------------------------------------------------------------------ definition: assignments */

/*
 * (issue 11, GRJR) Assignments (opdrachten) above the lots, with their procedure phases and the
 * number of contractors, and the open points (placeholders) the region still has to fill in.
 * GRJR 2021: A systeemaanbieders (lot 1), B prestatieaanbieders (lots 2-6), C flexaanbieders
 * (lot 7), inkoopstrategie §3.2 L1172-1184, §3.4 L1570-1588. A tender without <assignments>
 * (IJsselland) has none: every count is 0 and nothing changes.
 */
typedef enum {
    TND_PHASE_ADMISSION,          /* "admission": toelating op voorwaarden (SAS 1) */
    TND_PHASE_SELECTION,          /* "selection": selectie van de beste (SAS 2, first of SAS 3/4) */
    TND_PHASE_DIALOGUE,           /* "dialogue": dialoog / ontwikkeltraject (SAS 3/4) */
    TND_PHASE_CONTRACTING         /* "contracting": contractering, also in later rounds (SAS 4) */
} tnd_phase_kind;

typedef struct {
    char id[TND_CODE_LEN];        /* "selectie", "dialoog" */
    tnd_phase_kind kind;
    char label[TND_LABEL_LEN];    /* Dutch: "Selectie op kenmerken en plan" */
    char source[TND_SOURCE_LEN];
} tnd_phase;

#define TND_MAX_PHASES 4

typedef struct {
    char id[TND_CODE_LEN];        /* "A" */
    char name[TND_LABEL_LEN];     /* "Opdracht systeemaanbieders" */
    char source[TND_SOURCE_LEN];
    int lots[TND_MAX_SET];        /* the lots (percelen) of the assignment */
    int n_lots;
    char procedure[TND_CODE_LEN]; /* "SAS-3": the procedure variant, "" = not named */
    char procedure_resolution[TND_ID_LEN]; /* the reading that chose it, "" = none */
    tnd_phase phases[TND_MAX_PHASES];      /* in order; the result of `tender evaluate` belongs
                                              to the first admission or selection phase */
    int n_phases;
    bool has_count;               /* a <contractors> rule: minimum and/or maximum number */
    tnd_rule_ref count_rule;      /* OPDR-A-AANTAL */
    int min_contractors;          /* 0 = no minimum */
    int max_contractors;          /* 0 = no maximum */
    bool below_minimum_refuses;   /* true: fewer than the minimum is "onder het minimum" (FAIL);
                                     false: provisional (voorlopig, REVIEW): the document leaves
                                     the number to the region */
} tnd_assignment;

/* A condition between two assignments: no bid on both (exclusive), or explicitly allowed. */
typedef struct {
    tnd_rule_ref ref;
    bool exclusive;               /* true: <exclusive> (L1586-1588); false: <combinable> */
    int a, b;                     /* indices into tnd_definition.assignments */
} tnd_assignment_pair;

/* An open point of the document: criteria or weights not given yet (GRJR §3.2 L1203-1207). A
 * definition with one is refused by `tender evaluate` (nothing can be awarded on it) while
 * `tender rules` and `tender check` (the knock-outs) work. */
typedef struct {
    tnd_rule_ref ref;             /* OPEN-A-GUNNINGSCRITERIA */
    int lot;                      /* the lot whose <award> holds it */
    long line;                    /* line of <placeholder> in the definition file */
} tnd_placeholder;

/* ------------------------------------------------------------------ definition */

/* (issue 8 §4) The procedure's rounds: the one re-submission of a bidder that dropped out
 * (§3.3 L253-255, L302; §4.1.4 L498-511) and herstel on request (§4.1.4 L474-487). Absent
 * elements leave has_* false: such a tender has one round and no herstel. */
typedef struct {
    bool has_resubmission;
    char resubmission_id[TND_ID_LEN];       /* the resolution id: "RES-HERINSCHRIJVING" */
    char resubmission_source[TND_SOURCE_LEN];
    tnd_datetime resubmission_time;         /* 05-09-2022 12:00 */
    int resubmission_except[TND_MAX_SET];   /* lots without re-submission (lot 4, L467-470) */
    int n_resubmission_except;
    bool has_herstel;
    tnd_rule_ref herstel;                   /* PROC-HERSTEL */
    int herstel_working_days;               /* 5 (L483-486) */
} tnd_rounds_rules;

/* The namespaces of the definition format (docs/definition-format.md, "Versions"). A version-1
 * document is read as version 2 (renaming the namespace is the migration). */
#define TND_DEFINITION_NS_1 "urn:tender:definition:1"
#define TND_DEFINITION_NS_2 "urn:tender:definition:2"

typedef struct {
    int format_version;           /* the version the file was written in: 1 or 2 */
    char id[TND_ID_LEN];          /* "ijsselland-2023" */
    char title[TND_LABEL_LEN];
    char authority[TND_NAME_LEN];
    char document[TND_TEXT_LEN];  /* the document the § references point into */
    char timezone[TND_CODE_LEN];  /* "Europe/Amsterdam" */
    char file[TND_TEXT_LEN];      /* where it was loaded from ("(ingebouwd)" if embedded) */

    tnd_rule_ref closing;         /* §3.6 */
    char steps_source[TND_SOURCE_LEN]; /* where the document sets out steps 1-3 ("§6"); "" =
                                          none: outputs name the steps without a source */
    tnd_datetime closing_time;
    tnd_rounds_rules rounds;      /* (issue 8 §4) re-submission and herstel */
    bool has_closing_review;      /* the document also names a later hour (IJsselland: 12:00 in
                                     Nota van inlichtingen 2, §3.3 L251-253): a bid received after
                                     closing_time up to closing_review_until is REVIEW, not late */
    tnd_datetime closing_review_until;
    char closing_review_source[TND_SOURCE_LEN]; /* where the later hour is written */

    tnd_resolution *resolutions;
    size_t n_resolutions;
    tnd_municipality *municipalities;
    size_t n_municipalities;
    tnd_lot *lots;
    size_t n_lots;
    tnd_combo_rule *combo_rules;
    size_t n_combo_rules;
    tnd_cascade cascade;

    tnd_required_item *required;
    size_t n_required;
    tnd_exclusion_rules exclusion;
    tnd_document_rule *documents;
    size_t n_documents;
    tnd_financial_rules financial;
    tnd_insurance_rule insurance;
    tnd_reference_rules references;
    tnd_quality_rule *quality;
    size_t n_quality;
    tnd_keurmerk_rule *keurmerken;
    size_t n_keurmerken;
    tnd_agb_rule agb;
    tnd_requirement *requirements;
    size_t n_requirements;
    tnd_declaration_rule *declarations;
    size_t n_declarations;
    tnd_residential_rules residential;
    tnd_group_rules group;
    tnd_product_rule *product_rules; /* (format 2) <product-rules>, in definition order */
    size_t n_product_rules;

    tnd_score_scale score_scale;
    tnd_award_lot *awards;
    size_t n_awards;

    bool has_letters;             /* <letters>: data for the award letters (tender letters) */
    tnd_letter_rules letters;

    /* (issue 11) <assignments>, and the <placeholder>s of the awards; all empty when absent */
    tnd_assignment *assignments;
    size_t n_assignments;
    tnd_assignment_pair *assignment_pairs;
    size_t n_assignment_pairs;
    tnd_placeholder *placeholders;
    size_t n_placeholders;
} tnd_definition;

/* ------------------------------------------------------------------ bid */

typedef struct {
    char code[TND_ID_LEN];        /* ground code as in the definition */
    bool yes;
    long line;
} tnd_uea_answer;

/* One legal person in the bid: the bidder (or penvoerder), a combination member, a third party. */
typedef struct {
    char name[TND_NAME_LEN];
    char kvk[9];
    char legal_form[TND_CODE_LEN];
    long line;

    bool has_uea;
    tnd_uea_answer *answers;
    size_t n_answers;
    bool has_part_iv;             /* UEA part IV answered */
    bool part_iv_yes;
    bool part_iic_yes;            /* UEA II C: relies on a third party's capacity */

    bool has_insurance;
    tnd_cents insurance_cover;    /* per event */
    bool concern_policy;
    bool named_insured;           /* on a concern policy: named as insured */
    long insurance_line;

    bool has_kvk_extract;
    tnd_date kvk_extract;
    bool has_gedragsverklaring;
    tnd_date gedragsverklaring;
    bool has_belastingverklaring;
    tnd_date belastingverklaring;

    /* third parties only */
    char relied_for[TND_CODE_LEN];/* "references", "financial" */
    bool declaration_signed;      /* Verklaring inzet Derden / Bijlage I signed by both */
    /* combination members */
    bool joint_liability_signed;
} tnd_party;

typedef struct {
    int number;
    char (*products)[TND_CODE_LEN]; /* the n_products codes, at their own count (at most
                                     TND_MAX_BID_PRODUCTS; tnd_bid_lot_add_product, freed by
                                     tnd_bid_free): 24 fixed rows were 768 bytes a lot (issue 9) */
    int n_products;
    long capacity;                /* lot 6: places; 0 if not stated */
    long line;
} tnd_bid_lot;

typedef struct {
    char item[TND_CODE_LEN];      /* tnd_fin_item.id */
    int year;
    tnd_cents amount;
    long line;
} tnd_figure;

typedef enum { TND_PLAN_NONE = 0, TND_PLAN_SUBMITTED, TND_PLAN_ACCEPTED, TND_PLAN_REJECTED,
               TND_PLAN_NOT_DELIVERED } tnd_plan_status;

typedef struct {
    char scheme[TND_CODE_LEN];    /* "HKZ", "ISO-9001:2015", "NEN-EN-15224", "ZIN-REGISTER",
                                     "PREZO", "NIAZ", "NTPN", or another name */
    bool equivalent;              /* declared equivalent to an accepted scheme */
    bool has_valid_until;
    tnd_date valid_until;
    char evidence[TND_CODE_LEN];  /* "certificaat", "registratie", "kwaliteitsplan" */
    long line;
} tnd_certificate;

typedef enum { TND_KEURMERK_NONE = 0, TND_KEURMERK_HELD, TND_KEURMERK_IN_PROGRESS } tnd_keurmerk_status;

typedef struct {
    char kind[TND_CODE_LEN];      /* "keurmerk-gezinshuizen", "keurmerk-landbouw-zorg" */
    tnd_keurmerk_status status;
    long line;
} tnd_keurmerk;

typedef struct {
    char referent[TND_NAME_LEN];
    char referent_kind[TND_CODE_LEN]; /* "gemeente", "rsj", "rsj-medewerker", other */
    tnd_date start;
    bool has_end;
    tnd_date end;
    bool ongoing;
    char competences[TND_MAX_COMPETENCES][8]; /* "KC1".. covered by this reference */
    int n_competences;
    bool dissolved_early;         /* ontbonden wegens onvoldoende presteren */
    bool has_clients_served;
    long clients_served;
    bool forecast_results;        /* results stated are a forecast */
    char subcontractor[TND_NAME_LEN]; /* experience of a subcontractor, "" if own */
    bool subcontractor_deployed;
    char third_party[TND_NAME_LEN];   /* experience of a relied-on third party, "" if own */
    long line;
} tnd_reference;

typedef enum { TND_FACT_FLAG, TND_FACT_NUMBER, TND_FACT_MONEY, TND_FACT_TEXT } tnd_fact_type;

typedef struct {
    char name[TND_CODE_LEN];
    int year;                     /* 0 if the fact has no year */
    tnd_fact_type type;
    bool flag;
    tnd_dec number;
    tnd_cents money;
    char values[TND_MAX_FACT_VALUES][TND_CODE_LEN]; /* TEXT: one or more values (cao) */
    int n_values;
    long line;
} tnd_fact;

typedef struct {
    char name[TND_NAME_LEN];
    char municipality[TND_CODE_LEN]; /* a municipality id, or "" outside the tender's area */
    long places;
    tnd_dec distance_km;          /* as the crow flies to the region; 0 inside */
    bool residential;             /* verblijf (else ambulant) */
    long line;
} tnd_location;

typedef struct {
    char tariff_group[TND_CODE_LEN]; /* "TG1" */
    tnd_dec fte;
    long line;
} tnd_fte;

typedef struct {
    char name[TND_NAME_LEN];
    char kind[16];                /* occupancy rule: "regular", "kdv", "crisis" */
    char provider_type[TND_CODE_LEN];
    long youths;
    tnd_dec occupancy;
    tnd_dec staff_hours_week;
    char claimed[TND_CODE_LEN];   /* intensity the bid claims for this group: "J" */
    long line;
} tnd_residential_group;

typedef struct {
    char name[TND_NAME_LEN];
    long youths;
    tnd_dec opening_hours_week;
    tnd_dec staff_hours_week;
    char claimed[TND_CODE_LEN];   /* "middel" */
    long line;
} tnd_day_group;

/* (issue 11) What a bid declares per product it offers (<product-offers>): the caps it applies,
 * its groups with their staffing, the gezinshuisouders. Judged by scoring/rules_products.c. */
typedef struct {
    char measure[TND_CODE_LEN];   /* the definition's cap measure: "inzet", "duur", "weken" */
    tnd_dec max;
    tnd_cap_unit unit;
    char per[TND_CODE_LEN];
    int extensions;               /* TND_CAP_UNLIMITED or a count */
    bool has_extension_max;
    tnd_dec extension_max;
    tnd_cap_unit extension_unit;
    char exception[TND_ID_LEN];   /* the definition's exception it invokes, "" = none */
    long line;
} tnd_offer_cap;

typedef struct {
    char name[TND_NAME_LEN];
    char category[TND_CODE_LEN];  /* staffing category claimed: "1", "2", "3" */
    long youths;                  /* children in the group at most */
    long staff;                   /* staff members present */
    long line;
} tnd_offer_group;

typedef struct {
    char name[TND_NAME_LEN];
    bool pedagogical;             /* a completed pedagogical education (L2876-2877) */
    bool hbo_level;               /* hbo werk- en denkniveau (L2877-2880) */
    bool screened;                /* screened on the instapnormen (L2880-2884) */
    long line;
} tnd_offer_parent;

typedef struct {
    int lot;
    char product[TND_CODE_LEN];
    tnd_offer_cap caps[4];
    int n_caps;
    tnd_offer_group groups[8];
    int n_groups;
    tnd_offer_parent parents[4];
    int n_parents;
    long line;
} tnd_product_offer;

/* The ambulant alternative a verblijf provider declares for a lot (L619-632). */
typedef struct {
    int lot;
    bool subcontracted;           /* onderaanneming (else its own) */
    char subcontractor[TND_NAME_LEN];
    long line;
} tnd_ambulant_alternative;

typedef struct {
    char *file;                   /* path it was read from, at its own length (tnd_bid_set_file;
                                     freed by tnd_bid_free): 512 fixed bytes per bid were 5 % of
                                     an evaluation's memory (issue 9) */
    char tender_id[TND_ID_LEN];   /* the tender this bid is for */

    tnd_party bidder;             /* single bidder, or the penvoerder of a combination */
    bool is_combination;
    tnd_party *members;           /* other combination members */
    size_t n_members;
    tnd_party *third_parties;
    size_t n_third_parties;
    bool has_holding;
    char holding[TND_NAME_LEN];
    bool holding_declaration;
    bool holding_guarantee;       /* the holding guarantees the obligations (§5.8 L1640-1642) */

    char provider_type[TND_CODE_LEN]; /* "regulier", "gezinshuis", "zorgboerderij", ... */
    char agb[TND_MAX_AGB][9];
    int n_agb;

    bool has_submission;
    tnd_datetime submitted;

    tnd_bid_lot *lots;
    size_t n_lots;
    bool cascade_opt_out;

    bool has_financials;
    tnd_figure *figures;
    size_t n_figures;
    bool startup;                 /* starting organisation without figures */
    bool has_going_concern;
    bool going_concern_negative;
    tnd_plan_status financial_plan;

    tnd_certificate *certificates;
    size_t n_certificates;
    tnd_keurmerk *keurmerken;
    size_t n_keurmerken;

    tnd_reference *references;    /* in upload order */
    size_t n_references;
    bool has_references;

    tnd_fact *facts;
    size_t n_facts;
    tnd_location *locations;
    size_t n_locations;
    tnd_fte *fte;
    size_t n_fte;
    tnd_residential_group *residential_groups;
    size_t n_residential_groups;
    tnd_day_group *day_groups;
    size_t n_day_groups;

    tnd_product_offer *offers;    /* (issue 11) <product-offers> */
    size_t n_offers;
    tnd_ambulant_alternative *ambulant;
    size_t n_ambulant;

    /* declarations */
    bool has_truthfulness;
    bool truthfulness_signed;
    bool has_signatory;
    bool signatory_authorised;    /* authorised per the KvK extract */
    bool has_mandate;
    bool mandate_grantor_authorised;
    bool reservations;            /* conditions or reservations attached to the bid */
    bool language_dutch;

    /* (issue 9) tnd_bid_drop_details freed the parties' UEA answers, the third parties, figures,
     * certificates, keurmerken, references, facts, locations, FTE and groups after the check:
     * tnd_check refuses such a bid rather than judge it on missing data */
    bool details_dropped;
} tnd_bid;

/* The arrays of flat items a tnd_bid owns, each with its count: X(array, count). One list for
 * every function that frees or copies a bid (tnd_bid_free, tnd_bid_copy) and for the tests, so
 * an array added here is never left out of one of them. Not here: file, the parties and the lots,
 * whose items hold arrays of their own. */
#define TND_BID_FLAT_ARRAYS(X)                                                                  \
    X(figures, n_figures)                                                                       \
    X(certificates, n_certificates)                                                             \
    X(keurmerken, n_keurmerken)                                                                 \
    X(references, n_references)                                                                 \
    X(facts, n_facts)                                                                           \
    X(locations, n_locations)                                                                   \
    X(fte, n_fte)                                                                               \
    X(residential_groups, n_residential_groups)                                                 \
    X(day_groups, n_day_groups)                                                                 \
    X(offers, n_offers)                                                                         \
    X(ambulant, n_ambulant)

/* Lookup helpers (pure). NULL / -1 when absent. */
const tnd_lot *tnd_definition_lot(const tnd_definition *def, int number);
const tnd_product *tnd_lot_product(const tnd_lot *lot, const char *code);
const tnd_municipality *tnd_definition_municipality(const tnd_definition *def, const char *id);
const tnd_resolution *tnd_definition_resolution(const tnd_definition *def, const char *id);
const tnd_award_lot *tnd_definition_award(const tnd_definition *def, int lot);
/* (issue 11) The assignment that holds lot, or NULL; the phase a result of tender evaluate on
 * that assignment belongs to (its first admission or selection phase), or NULL. */
const tnd_assignment *tnd_definition_assignment_of(const tnd_definition *def, int lot);

/* The length of the section part of a definition's source, what a title cites: "§4.3.1 L956-969;
 * §5.6 L1579" -> the 7 bytes of "§4.3.1"; "" -> 0. Outputs take the § from the definition, so a
 * tender whose document numbers its sections otherwise is never cited by IJsselland's numbers. */
int tnd_source_section_len(const char *source);
const tnd_phase *tnd_assignment_result_phase(const tnd_assignment *a);
const char *tnd_phase_kind_name(tnd_phase_kind k);   /* "selection", ... */
const char *tnd_phase_kind_dutch(tnd_phase_kind k);  /* "selectie", ... */
int tnd_definition_fin_item(const tnd_definition *def, const char *id);
const tnd_bid_lot *tnd_bid_lot_find(const tnd_bid *bid, int number);
bool tnd_bid_applies(const tnd_bid *bid, int number);
/* Is `product` among the products the bid applies for on `lot`? */
bool tnd_bid_applies_product(const tnd_bid *bid, int lot, const char *product);
const tnd_fact *tnd_bid_fact(const tnd_bid *bid, const char *name, int year);
const tnd_figure *tnd_bid_figure(const tnd_bid *bid, const char *item, int year);
/* (issue 11) The bid's declaration for one product of a lot, NULL when it has none. */
const tnd_product_offer *tnd_bid_offer(const tnd_bid *bid, int lot, const char *product);
/* "minuut", "uur", "week", "maand", "jaar" <-> tnd_cap_unit; parse returns false when unknown. */
const char *tnd_cap_unit_name(tnd_cap_unit u);
bool tnd_cap_unit_parse(const char *name, tnd_cap_unit *out);

/* A rule of the definition and the source file of the engine that decides it. */
typedef struct {
    const tnd_rule_ref *ref;
    const char *engine;           /* "scoring/rules_financial.c" */
} tnd_rule_entry;

/* Every rule of the definition with a non-empty id, in definition order: at most `max` entries
 * are stored in out; returns the total number (call with max 0 to count). Used to generate and
 * check the rule table in docs/rules.md. */
size_t tnd_definition_rules(const tnd_definition *def, tnd_rule_entry *out, size_t max);

/* n items of `size` bytes from p in an array of their own (a deep copy's arrays: tnd_bid_copy,
 * tnd_check_result_copy). NULL stays NULL; when out of memory, NULL and *ok set false. */
void *tnd_items_copy(const void *p, size_t n, size_t size, bool *ok);

/* qsort/bsearch order of an array of `const char *`: strcmp of the texts pointed to. */
int tnd_cmp_text_ptrs(const void *a, const void *b);

#endif
