/*
 * xbrl.h - importing the yearly figures of Bijlage XVI (§5.3.1) from Dutch SBR annual-account
 * instances (XBRL 2.1, Nederlandse Taxonomie) into the bid model (docs/xbrl-import.md).
 *
 * An SBR annual account (jaarverantwoording, deposited with the KvK) is an xbrli:xbrl instance
 * whose facts are concepts of the NT dictionary jenv-bw2-data (prefix jenv-bw2-i, Burgerlijk
 * Wetboek boek 2 titel 9). The namespace URI changes with every NT release
 * (http://www.nltaxonomie.nl/nt16/jenv/20211208/dictionary/jenv-bw2-data, .../nt17/jenv/...), so a
 * fact is recognised by its local name in any namespace whose URI contains "/jenv/" and
 * "jenv-bw2". The mapping table in xbrl.c turns seven concepts into our financial items
 * (resultaat, omzet, eigen-vermogen, activa, vlottende-activa, liquide-middelen,
 * kortlopende-schulden). Instances of the care-institution entry point (kvk-rpt-jaarverantwoording-
 * YYYY-nlgaap-zorginstellingen) are read through the same concepts; no care-specific (RJ) concept
 * is mapped (docs/xbrl-import.md, "Limits").
 *
 * Nothing is dropped silently: a monetary fact the table does not map is listed (never taken as
 * zero), and a mapped fact that cannot be taken (another currency, a dimension other than
 * enkelvoudig/geconsolideerd on a commercial basis, a period that is not a financial year ending
 * 31 December, xsi:nil) is listed with the reason. Merging never overwrites a figure of the bid:
 * a different amount is a conflict, the bid's amount is kept and the conflict reported.
 */
#ifndef TND_XBRL_H
#define TND_XBRL_H

#include <stdbool.h>
#include <stddef.h>

#include "scoring/model.h"
#include "tender/base/error.h"

#define TND_XBRL_NAME_LEN 160    /* concept as written ("jenv-bw2-i:NetRevenue"), cut with "..." */
#define TND_XBRL_ID_LEN 96       /* context id as written, cut with "..." */
#define TND_XBRL_DETAIL_LEN 200  /* reason a fact was not taken (Dutch) */

typedef enum { TND_XBRL_INSTANT, TND_XBRL_DURATION } tnd_xbrl_period_type;

/* One row of the mapping table (xbrl.c): a jenv-bw2-data concept and the item it feeds. */
typedef struct {
    const char *concept;         /* local name in jenv-bw2-data: "NetRevenue" */
    const char *item;            /* tnd_fin_item.id: "omzet" */
    tnd_xbrl_period_type period; /* the concept's xbrli:periodType */
    const char *label_nl;        /* the line in the annual account: "Netto-omzet" */
} tnd_xbrl_mapping;

/* The whole table, in Bijlage XVI order; *n receives the number of rows. */
const tnd_xbrl_mapping *tnd_xbrl_mappings(size_t *n);

/* True for a namespace URI of the NT's jenv-bw2 dictionary (any release): contains "/jenv/" and
 * "jenv-bw2". */
bool tnd_xbrl_is_jenv_namespace(const char *uri);

/* True for the Nederlandse Taxonomie's common-data dictionary (NT19 and later:
 * http://www.nltaxonomie.nl/nt19/sbr/20240301/dictionary/nl-common-data), where the entity's
 * LegalEntityName and ChamberOfCommerceRegistrationNumber are. */
bool tnd_xbrl_is_common_data_namespace(const char *uri);

/* The row of a concept (namespace URI and local name); NULL when not a mapped jenv-bw2 concept. */
const tnd_xbrl_mapping *tnd_xbrl_lookup(const char *namespace_uri, const char *local_name);

/* Which statements a fact belongs to (jenv-bw2-dim:FinancialStatementsTypeAxis). */
typedef enum {
    TND_XBRL_STATEMENTS_DEFAULT = 0, /* no dimension: the instance's only statements */
    TND_XBRL_SEPARATE,               /* SeparateMember: enkelvoudig (the legal person itself) */
    TND_XBRL_CONSOLIDATED            /* ConsolidatedMember: geconsolideerd (the group) */
} tnd_xbrl_statements;

/* A fact taken from the instance: one amount for one item and one year. */
typedef struct {
    char concept[TND_XBRL_NAME_LEN]; /* as written: "jenv-bw2-i:NetRevenue" */
    const tnd_xbrl_mapping *map;     /* its row of the table */
    char item[TND_CODE_LEN];         /* "omzet" */
    int year;                        /* financial year: the year of the instant / end date */
    tnd_cents cents;                 /* exact: the xs:decimal text in euros, times 100 */
    char value[48];                  /* the value as written (cut with "...") */
    char decimals[16];               /* "INF", "0", "-3"; "" when only precision was given */
    char context[TND_XBRL_ID_LEN];
    tnd_xbrl_statements statements;
    long line;
} tnd_xbrl_fact;

typedef enum {
    TND_XBRL_UNKNOWN_CONCEPT,    /* a monetary fact the table does not map: not taken, not zero */
    TND_XBRL_REFUSED_UNIT,       /* mapped, but not in iso4217:EUR */
    TND_XBRL_REFUSED_DIMENSION,  /* mapped, but its context has other dimensions */
    TND_XBRL_REFUSED_PERIOD,     /* mapped, but the period is not a financial year ending 31-12
                                    (or of the wrong period type) */
    TND_XBRL_REFUSED_NIL,        /* mapped, xsi:nil="true": no value */
    TND_XBRL_PRECISION_IGNORED   /* taken; its precision attribute (instead of decimals) noted */
} tnd_xbrl_issue_kind;

/* A fact that was not taken (or taken with a remark), with the reason. */
typedef struct {
    tnd_xbrl_issue_kind kind;
    char concept[TND_XBRL_NAME_LEN];
    char context[TND_XBRL_ID_LEN];
    char value[48];
    char detail[TND_XBRL_DETAIL_LEN]; /* "eenheid iso4217:USD", "dimensie ... = ...", ... */
    long line;
} tnd_xbrl_issue;

typedef struct {
    char file[TND_TEXT_LEN];
    char schema_ref[TND_TEXT_LEN];   /* link:schemaRef xlink:href */
    char entry_point[TND_LABEL_LEN]; /* its file name: "kvk-rpt-jaarverantwoording-2021-nlgaap-
                                        middelgroot.xsd" */
    bool care_institution;           /* the entry point is a "zorginstellingen" one */
    char kvk[9];                     /* entity identifier (scheme http://www.kvk.nl/kvk-id) or
                                        jenv-bw2-i:ChamberOfCommerceRegistrationNumber; "" if none */
    long kvk_line;
    char name[TND_NAME_LEN];         /* LegalEntityName (jenv-bw2-i:, or nl-cd: from NT19), "" if absent */

    tnd_xbrl_fact *facts;            /* in document order */
    size_t n_facts;
    tnd_xbrl_issue *issues;          /* in document order */
    size_t n_issues;
    size_t n_other_facts;            /* non-monetary facts (names, dates, texts): not needed */
} tnd_xbrl;

/*
 * Reads an instance through tender/xmlsafe.h (no DTD or entities, bounded size and depth).
 * Refuses with file:line and a hint: another root than xbrli:xbrl (Inline XBRL included), a fact
 * whose contextRef or unitRef names nothing, contexts of two different KvK numbers, a KvK
 * identifier that is not 8 digits, a value that is no xs:decimal, a fraction of a cent, an amount
 * above 10^13 euro, a decimals attribute that is not INF or an integer, a numeric fact without
 * decimals or precision (or with both), two different values for one concept, year and
 * statements.
 */
tnd_status tnd_xbrl_load_file(const char *path, tnd_xbrl **out, tnd_error *err);
tnd_status tnd_xbrl_load_memory(const char *buf, size_t len, const char *name, tnd_xbrl **out,
                                tnd_error *err);
void tnd_xbrl_free(tnd_xbrl *x);

/*
 * xs:decimal euro text into cents, exactly, without floating point: "1234567.89" -> 123456789,
 * "-1500" -> -150000, "+0.5" -> 50, "12.300" -> 1230. False (why filled, if not NULL) for
 * anything else: no digits, letters, exponent, a non-zero third decimal, more than 10^13 euro.
 */
bool tnd_xbrl_parse_euros(const char *text, tnd_cents *out, char *why, size_t why_size);

/* What happened to one fact when merged into the bid. */
typedef enum {
    TND_XBRL_FILLED,     /* the bid had no figure: taken from the instance */
    TND_XBRL_SAME,       /* the bid has the same amount: nothing changes */
    TND_XBRL_CONFLICT,   /* the bid (or an instance merged before) has another amount: kept */
    TND_XBRL_NOT_ASKED,  /* the definition does not ask this item for this year */
    TND_XBRL_NOT_USED    /* another fact for the same figure was taken (enkelvoudig or without
                            dimension before geconsolideerd) */
} tnd_xbrl_outcome;

typedef struct {
    tnd_xbrl_outcome outcome;
    char item[TND_CODE_LEN];
    int year;
    char concept[TND_XBRL_NAME_LEN];
    char context[TND_XBRL_ID_LEN];
    tnd_xbrl_statements statements;
    char file[TND_TEXT_LEN];      /* the instance */
    long line;                    /* the fact's line in it */
    tnd_cents amount;             /* the instance's amount */
    /* CONFLICT: the amount kept and where it stands (the bid, or an instance merged earlier) */
    tnd_cents kept;
    char kept_file[TND_TEXT_LEN];
    long kept_line;
} tnd_xbrl_entry;

/* Accumulates over several merges (one instance per financial year): initialise once, merge each
 * instance, free once. A conflict with a figure that an earlier merge into the same report filled
 * names that instance, not the bid. */
typedef struct {
    tnd_xbrl_entry *entries;
    size_t n, cap;
    size_t n_filled, n_same, n_conflicts;
    bool kvk_checked;             /* the last merge compared the instance's KvK with the bid's */
} tnd_xbrl_report;

void tnd_xbrl_report_init(tnd_xbrl_report *rep);
void tnd_xbrl_report_free(tnd_xbrl_report *rep);

/*
 * Merges the instance's facts into the bidder's figures (bid->figures) for the items and years
 * the definition asks (tnd_definition_fin_item, tnd_fin_item.years). Per figure the fact without
 * dimension or enkelvoudig is taken before a geconsolideerd one. A figure the bid lacks is filled
 * (its line is the fact's line in the instance); an equal figure is left; a different figure is a
 * CONFLICT: the bid's amount is kept and reported. Every fact gets an entry in rep.
 * Refused, with the bid unchanged: the instance's KvK differs from the bidder's
 * (TND_ERR_REFERENCE); a negative amount for an item that cannot be negative (TND_ERR_RANGE).
 */
tnd_status tnd_xbrl_merge(const tnd_xbrl *x, const tnd_definition *def, tnd_bid *bid,
                          tnd_xbrl_report *rep, tnd_error *err);

/* True when a person must look before the bid is admitted: a conflict. */
bool tnd_xbrl_needs_review(const tnd_xbrl_report *rep);

/* "enkelvoudig", "geconsolideerd" or "" */
const char *tnd_xbrl_statements_name(tnd_xbrl_statements s);

/*
 * One Dutch line (no newline) per entry, e.g.
 *   "jenv-bw2-i:NetRevenue (context FY2021, regel 57) -> omzet 2021: € 5.236.400,00 overgenomen"
 * and for a conflict both amounts and places (bid_file names the bid).
 */
void tnd_xbrl_entry_text(const tnd_xbrl_entry *e, const char *bid_file, char *buf, size_t size);
/* "XBRL file:line: niet overgenomen: concept (context C): reason" */
void tnd_xbrl_issue_text(const tnd_xbrl_issue *i, const char *file, char *buf, size_t size);

#endif
