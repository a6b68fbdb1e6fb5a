/*
 * facts.h - the fact vocabulary: every fact of a bid that a requirement of a tender definition
 * can name (§5.6 tariff-group requirements, lot 9 eisen 106-108), in one table (facts.c).
 *
 * One table, four users (issue 12 "one fact vocabulary"):
 *   - tender/bid.c reads <facts> by it: which kind of value each element holds, its range and
 *     the example in a refusal;
 *   - tender/definition.c refuses, at load time and with file:line, a requirement whose kind
 *     does not fit the fact (<number> on a money fact) or whose year does not (a per-year fact
 *     without year=, a year= on a fact without years);
 *   - tests/unit/test_facts.c fails when tender/schema/bid.xsd (<facts>) or
 *     tender/schema/definition.xsd (simpleType Fact) drift from it;
 *   - docs/definition-format.md and docs/bid-format.md describe it.
 *
 * Adding a fact: one row in facts.c; then, as test_facts says, the element in bid.xsd's
 * complexType Facts (type YearAmount when per year, Code for text, else Typed) and the value in
 * definition.xsd's simpleType Fact. A derived fact (computed from another part of the bid) is in
 * definition.xsd only, and its reader computes it (bid.c: locaties-in-regio).
 * Pure data: standard headers only, no state.
 */
#ifndef TND_FACTS_H
#define TND_FACTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "scoring/model.h"

/* What a fact holds. The requirement kinds that can judge it: tnd_fact_kind_fits. */
typedef enum {
    TND_FACT_KIND_FLAG,      /* ja / nee                              <flag>    */
    TND_FACT_KIND_COUNT,     /* a whole number                        <number>  */
    TND_FACT_KIND_DECIMAL,   /* an exact decimal (tnd_dec)            <number>  */
    TND_FACT_KIND_MONEY,     /* euro, in cents                        <money>   */
    TND_FACT_KIND_TEXT       /* one or more codes ("jeugdzorg")       <one-of>  */
} tnd_fact_kind;

typedef enum {
    TND_FACT_IN_BID,         /* an element of <facts> in the bid */
    TND_FACT_DERIVED         /* computed by the reader from another part of the bid */
} tnd_fact_origin;

typedef struct {
    const char *name;        /* element name in <facts>; fact="..." in a definition */
    tnd_fact_kind kind;
    bool per_year;           /* the bid gives it per year (year="2021"); a requirement names one */
    tnd_fact_origin origin;
    const char *unit;        /* Dutch unit for people ("euro", "fte", "jeugdigen"); "" if none */
    int64_t min, max;        /* allowed range in the stored unit: cents (money), millionths
                                (decimal), the number (count); unused for flag and text */
    const char *range_text;  /* the range as a person reads it: "0 t/m 100.000" */
    const char *example;     /* a correct value, for hints: "€ 1.250.000,00", "7,5", "ja" */
    const char *label;       /* Dutch description */
} tnd_fact_spec;

/* The table, in the order of facts.c; n is set to its length. */
const tnd_fact_spec *tnd_fact_specs(size_t *n);

/* The fact called name, or NULL. */
const tnd_fact_spec *tnd_fact_spec_find(const char *name);

/* The type a fact of this kind is stored as in tnd_fact (count and decimal: NUMBER). */
tnd_fact_type tnd_fact_kind_type(tnd_fact_kind kind);

/* True when a requirement of kind req can judge a fact of this kind (bids-product names no
 * fact: false). */
bool tnd_fact_kind_fits(tnd_fact_kind kind, tnd_req_kind req);

/* The definition element that judges a fact of this kind: "flag", "number", "money", "one-of". */
const char *tnd_fact_kind_element(tnd_fact_kind kind);

/* Dutch name of the kind for messages: "ja/nee-gegeven", "geheel getal", "getal", "bedrag",
 * "tekst". */
const char *tnd_fact_kind_dutch(tnd_fact_kind kind);

#endif
