/*
 * espd.h - importing a party's UEA (Uniform Europees Aanbestedingsdocument, the EU's ESPD) from an
 * ESPD Response into the bid model (docs/espd-import.md).
 *
 * An ESPD Response is a UBL 2.x QualificationApplicationResponse, ESPD-EDM versions 2.x to 4.x.
 * Each cac:TenderingCriterion is identified by its cbc:CriterionTypeCode (v2: CRITERION.EXCLUSION.
 * CONVICTIONS.FRAUD, v3/v4: fraud) and its cbc:ID (a UUID from the ESPD criteria taxonomy); the
 * mapping table in espd.c turns those into our ground codes (UEA deel III A/B/C, §5.2), deel IV
 * ("alle selectiecriteria", §5 L1272) with the insured amount (§5.3.2), and deel II C (reliance on
 * a third party, §5.4). Answers are the cac:TenderingCriterionResponse elements whose
 * cbc:ValidatedCriterionPropertyID names the criterion's "your answer" question.
 *
 * Nothing is dropped silently: a criterion the table does not map, or a mapped criterion without an
 * answer, is listed in tnd_espd. Merging never overwrites an answer of the bid: a difference is a
 * conflict, recorded with both values and lines, and the worse answer is kept (docs/espd-import.md).
 */
#ifndef TND_ESPD_H
#define TND_ESPD_H

#include <stdbool.h>
#include <stddef.h>

#include "scoring/model.h"
#include "tender/base/error.h"

#define TND_ESPD_CODE_LEN 96     /* criterion type code or UUID as written (cut with "...") */

/* What a criterion of the ESPD becomes in the bid model. */
typedef enum {
    TND_ESPD_GROUND,             /* an exclusion ground: tnd_uea_answer with `ground` as code */
    TND_ESPD_PART_IV,            /* deel IV: all selection criteria satisfied -> part_iv_yes */
    TND_ESPD_PART_IIC,           /* deel II C: relies on the capacities of others -> part_iic_yes */
    TND_ESPD_INSURANCE           /* deel IV C: insured amount -> insurance_cover */
} tnd_espd_target;

/* One row of the mapping table (espd.c): the official identifiers of one criterion. */
typedef struct {
    tnd_espd_target target;
    const char *ground;          /* our ground code for TND_ESPD_GROUND ("fraud"), else NULL */
    const char *part;            /* "IIIA", "IIIB", "IIIC", "IV", "IIC" */
    const char *code_v2;         /* ESPD-EDM 2.x CriterionTypeCode */
    const char *code_v1;         /* older 2.x/1.x spelling still met in files, or NULL */
    const char *code_eu;         /* v3/v4 code (EU authority table "criterion") */
    const char *code_eu_alt;     /* another v3/v4 spelling of the same criterion, or NULL */
    const char *uuid;            /* criterion cbc:ID in the ESPD criteria taxonomy */
    const char *uuid_alt;        /* an older taxonomy UUID of the same criterion, or NULL */
} tnd_espd_mapping;

/* The whole mapping table, in UEA order; *n receives the number of rows. */
const tnd_espd_mapping *tnd_espd_mappings(size_t *n);

/* Our code of a row: the ground code, or "deel-iv", "deel-iic", "verzekering". */
const char *tnd_espd_target_code(const tnd_espd_mapping *m);

/*
 * The row for a criterion: by type code (any spelling above, exact) and else by UUID (case
 * ignored). NULL when neither is known. When both are known but name different criteria, the file
 * contradicts itself: *contradiction is set (if not NULL) and NULL is returned.
 */
const tnd_espd_mapping *tnd_espd_lookup(const char *type_code, const char *uuid,
                                        bool *contradiction);

/* A criterion the import did not turn into an answer: not in the table, or not answered. */
typedef struct {
    char type_code[TND_ESPD_CODE_LEN];
    char id[TND_ESPD_CODE_LEN];  /* cbc:ID (UUID) */
    char name[TND_LABEL_LEN];    /* cbc:Name, for the message */
    char target[TND_ID_LEN];     /* unanswered: our code ("fraud", "deel-iv"); unknown: "" */
    long line;                   /* of the cac:TenderingCriterion */
    bool exclusion;              /* an exclusion criterion (part III) */
    bool has_answer;             /* unknown criteria: its first yes/no question was answered */
    bool yes;
    long answer_line;
} tnd_espd_criterion;

typedef struct {
    char file[TND_TEXT_LEN];
    char profile[64];            /* cbc:ProfileExecutionID: "ESPD-EDMv2.1.1-BASIC" */
    char version[16];            /* "2.1.1" */
    int version_major;           /* 2, 3 or 4 */
    char customization[128];     /* cbc:CustomizationID (recorded, not used for the version) */

    /* economic operator (cac:EconomicOperatorParty/cac:Party) */
    char name[TND_NAME_LEN];
    char kvk[9];                 /* "" when the ESPD names no KvK number */
    char other_ids[160];         /* the party's identifiers that are not a KvK number, as
                                    "DE153301871 (VAT)", for the message when no KvK is given */
    long party_line;

    tnd_uea_answer *answers;     /* exclusion grounds answered; line = the response's line */
    size_t n_answers;
    bool has_part_iv;
    bool part_iv_yes;
    long part_iv_line;
    bool has_part_iic;
    bool part_iic_yes;
    long part_iic_line;
    bool has_insurance;
    tnd_cents insurance_cover;   /* lowest amount answered, in euro cents */
    long insurance_line;

    tnd_espd_criterion *unknown;     /* criteria the table does not map */
    size_t n_unknown;
    tnd_espd_criterion *unanswered;  /* mapped criteria without an answer */
    size_t n_unanswered;
} tnd_espd;

/*
 * Reads an ESPD Response through tender/xmlsafe.h (no DTD or entities, bounded size and depth).
 * Refuses with file:line and a hint: a request instead of a response, ESPD-EDM 1.x or 5.x,
 * contradicting answers, a yes/no that is not xs:boolean, an amount that is not in EUR.
 */
tnd_status tnd_espd_load_file(const char *path, tnd_espd **out, tnd_error *err);
tnd_status tnd_espd_load_memory(const char *buf, size_t len, const char *name, tnd_espd **out,
                                tnd_error *err);
void tnd_espd_free(tnd_espd *espd);

/* One difference between the bid and the ESPD. Values are Dutch text ("ja", "€ 2.000.000,00"). */
typedef struct {
    char subject[TND_ID_LEN];    /* ground code, "deel-iv", "deel-iic" or "verzekering" */
    char party[TND_NAME_LEN];
    char bid_value[32];
    char espd_value[32];
    char kept[32];               /* the worse of the two, now in the bid */
    long bid_line;
    long espd_line;
} tnd_espd_conflict;

typedef struct {
    tnd_espd_conflict *items;
    size_t n;
    size_t n_filled;             /* answers taken over where the bid had none */
    char party[TND_NAME_LEN];    /* the party the ESPD was merged into */
    bool kvk_checked;            /* false: the ESPD names no KvK number, identity not checked */
    bool name_checked;           /* no KvK number in the ESPD: matched to the party by its name */
} tnd_espd_conflicts;

/*
 * Merges the ESPD into the party of the bid with the same KvK number (the bidder, a combination
 * member or a third party; the bidder when the ESPD has no KvK number). Where the party has no
 * answer the ESPD's is taken; where both answer differently the worse is kept and the conflict
 * recorded: "ja" for a ground and for II C, "nee" for IV, the lower insured amount.
 * A KvK number that matches no party: TND_ERR_REFERENCE (wrong file). On any error the bid is
 * unchanged. conflicts is filled on success; free it with tnd_espd_conflicts_free.
 */
tnd_status tnd_espd_merge(const tnd_espd *espd, tnd_bid *bid, tnd_espd_conflicts *conflicts,
                          tnd_error *err);
void tnd_espd_conflicts_free(tnd_espd_conflicts *c);

/* True when a person must look before the bid is admitted: a conflict, or an exclusion criterion
 * the table does not map answered "ja". `tender check` then exits with 1 at least. */
bool tnd_espd_needs_review(const tnd_espd *espd, const tnd_espd_conflicts *conflicts);

/* One Dutch line (no newline) for a conflict / a listed criterion, naming files and lines. */
void tnd_espd_conflict_text(const tnd_espd_conflict *c, const char *bid_file,
                            const char *espd_file, char *buf, size_t size);
void tnd_espd_criterion_text(const tnd_espd_criterion *c, bool unknown, const char *espd_file,
                             char *buf, size_t size);

#endif
