/*
 * test_espd.c - importing a UEA / ESPD Response (tender/espd.c, docs/espd-import.md).
 *
 * The fixtures in fixtures/espd/ are ESPD Responses in the official layout (ESPD-EDM 2.1.1 and
 * 4.0.0) for Stichting Jeugdzorg De Vecht (KvK 41237788), the bidder of
 * fixtures/bids/example-complete-bid.xml. Short documents for single behaviours are built inline.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scoring/check.h"
#include "tender/bid.h"
#include "tender/definition.h"
#include "tender/espd.h"

#define FIX TND_SOURCE_DIR "/fixtures/"
#define V2_ALL_NO FIX "espd/uea-v2.1.1-de-vecht-all-no.xml"
#define V4_ALL_NO FIX "espd/uea-v4.0.0-de-vecht-all-no.xml"
#define V2_IIIC_YES FIX "espd/uea-v2.1.1-de-vecht-iiic-professional-misconduct-yes.xml"
#define V2_CONFLICTS FIX "espd/uea-v2.1.1-de-vecht-conflicts-with-example-bid.xml"
#define V2_UNKNOWN FIX "espd/uea-v2.1.1-de-vecht-unknown-criterion.xml"
#define HOSTILE FIX "espd/uea-hostile-doctype-entity.xml"
#define BID_WITHOUT_UEA FIX "espd/bid-de-vecht-without-uea.xml"
#define BID_EXAMPLE FIX "bids/example-complete-bid.xml"
#define BID_OTHER_KVK FIX "bids/lot1-uea-iiia-fraud-yes-excluded-bid.xml"
#define BID_COMBINATION FIX "bids/lot1-combination-member-under-insured-bid.xml"

/* ------------------------------------------------------------------ inline documents */

#define NS_DECL                                                                                 \
    "xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:QualificationApplicationResponse-2\" " \
    "xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\" "    \
    "xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\""

#define PROFILE(v) "<cbc:ProfileExecutionID>ESPD-EDMv" v "</cbc:ProfileExecutionID>\n"
#define PARTY(kvk)                                                                             \
    "<cac:EconomicOperatorParty><cac:Party><cac:PartyIdentification><cbc:ID>" kvk            \
    "</cbc:ID></cac:PartyIdentification><cac:PartyName><cbc:Name>Test BV</cbc:Name>"          \
    "</cac:PartyName></cac:Party></cac:EconomicOperatorParty>\n"
/* a criterion whose "your answer" question (INDICATOR) has the ID q */
#define CRIT(code, uuid, q)                                                                    \
    "<cac:TenderingCriterion><cbc:ID>" uuid "</cbc:ID><cbc:CriterionTypeCode>" code            \
    "</cbc:CriterionTypeCode><cbc:Name>" code "</cbc:Name>"                                   \
    "<cac:TenderingCriterionPropertyGroup><cac:TenderingCriterionProperty><cbc:ID>" q          \
    "</cbc:ID><cbc:TypeCode>QUESTION</cbc:TypeCode><cbc:ValueDataTypeCode>INDICATOR"           \
    "</cbc:ValueDataTypeCode></cac:TenderingCriterionProperty>"                               \
    "</cac:TenderingCriterionPropertyGroup></cac:TenderingCriterion>\n"
#define RESP(q, value)                                                                         \
    "<cac:TenderingCriterionResponse><cbc:ValidatedCriterionPropertyID>" q                    \
    "</cbc:ValidatedCriterionPropertyID><cac:ResponseValue><cbc:ResponseIndicator>" value     \
    "</cbc:ResponseIndicator></cac:ResponseValue></cac:TenderingCriterionResponse>\n"
#define INSURANCE(q)                                                                           \
    "<cac:TenderingCriterion><cbc:ID>7604bd40-4462-4086-8763-a50da51a869c</cbc:ID>"            \
    "<cbc:CriterionTypeCode>indem-insu</cbc:CriterionTypeCode>"                               \
    "<cac:TenderingCriterionPropertyGroup><cac:TenderingCriterionProperty><cbc:ID>" q          \
    "</cbc:ID><cbc:TypeCode>QUESTION</cbc:TypeCode><cbc:ValueDataTypeCode>AMOUNT"              \
    "</cbc:ValueDataTypeCode></cac:TenderingCriterionProperty>"                               \
    "</cac:TenderingCriterionPropertyGroup></cac:TenderingCriterion>\n"
#define AMOUNT_RESP(q, currency, value)                                                        \
    "<cac:TenderingCriterionResponse><cbc:ValidatedCriterionPropertyID>" q                    \
    "</cbc:ValidatedCriterionPropertyID><cac:ResponseValue><cbc:ResponseAmount currencyID=\"" \
    currency "\">" value "</cbc:ResponseAmount></cac:ResponseValue>"                          \
    "</cac:TenderingCriterionResponse>\n"

#define FRAUD_UUID "297d2323-3ede-424e-94bc-a91561e6f320"
#define DOC(body) "<QualificationApplicationResponse " NS_DECL ">\n" body \
                  "</QualificationApplicationResponse>\n"

static tnd_status load_text(const char *text, tnd_espd **out, tnd_error *err)
{
    return tnd_espd_load_memory(text, strlen(text), "inline.xml", out, err);
}

static tnd_espd *load_fixture(const char *path)
{
    tnd_espd *e = NULL;
    tnd_error err;
    tnd_status rc = tnd_espd_load_file(path, &e, &err);
    if (rc != TND_OK)
        fprintf(stderr, "%s:%ld: %s\n", err.file, err.line, err.message);
    assert_int_equal(rc, TND_OK);
    assert_non_null(e);
    return e;
}

static tnd_bid *load_bid(const char *path)
{
    tnd_bid *bid = NULL;
    tnd_error err;
    assert_int_equal(tnd_bid_load_file(path, &bid, &err), TND_OK);
    return bid;
}

static const tnd_uea_answer *answer(const tnd_party *p, const char *code)
{
    for (size_t i = 0; i < p->n_answers; i++)
        if (strcmp(p->answers[i].code, code) == 0)
            return &p->answers[i];
    return NULL;
}

/* ------------------------------------------------------------------ the mapping table */

typedef struct {
    const char *ground, *part, *v2, *eu, *uuid;
} ground_row;

/* Every ground of the IJsselland definition (<exclusion>, §5.2 L1288-1294) with its official
 * identifiers: ESPD-EDM 2.x type code, v3/v4 EU code and taxonomy UUID. */
static const ground_row grounds[] = {
    { "criminal-organisation", "IIIA",
      "CRITERION.EXCLUSION.CONVICTIONS.PARTICIPATION_IN_CRIMINAL_ORGANISATION", "crime-org",
      "005eb9ed-1347-4ca3-bb29-9bc0db64e1ab" },
    { "corruption", "IIIA", "CRITERION.EXCLUSION.CONVICTIONS.CORRUPTION", "corruption",
      "c27b7c4e-c837-4529-b867-ed55ce639db5" },
    { "fraud", "IIIA", "CRITERION.EXCLUSION.CONVICTIONS.FRAUD", "fraud",
      "297d2323-3ede-424e-94bc-a91561e6f320" },
    { "terrorism", "IIIA", "CRITERION.EXCLUSION.CONVICTIONS.TERRORIST_OFFENCES", "terr-offence",
      "d486fb70-86b3-4e75-97f2-0d71b5697c7d" },
    { "money-laundering", "IIIA", "CRITERION.EXCLUSION.CONVICTIONS.MONEY_LAUNDERING",
      "finan-laund", "47112079-6fec-47a3-988f-e561668c3aef" },
    { "child-labour", "IIIA", "CRITERION.EXCLUSION.CONVICTIONS.CHILD_LABOUR-HUMAN_TRAFFICKING",
      "human-traffic", "d789d01a-fe03-4ccd-9898-73f9cfa080d1" },
    { "tax-payment", "IIIB", "CRITERION.EXCLUSION.CONTRIBUTIONS.PAYMENT_OF_TAXES", "tax-pay",
      "b61bbeb7-690e-4a40-bc68-d6d4ecfaa3d4" },
    { "social-security-payment", "IIIB",
      "CRITERION.EXCLUSION.CONTRIBUTIONS.PAYMENT_OF_SOCIAL_SECURITY", "socsec-pay",
      "7d85e333-bbab-49c0-be8d-c36d71a72f5e" },
    { "environmental-law", "IIIC", "CRITERION.EXCLUSION.SOCIAL.ENVIRONMENTAL_LAW", "envir-law",
      "a80ddb62-d25b-4e4e-ae22-3968460dc0a9" },
    { "social-law", "IIIC", "CRITERION.EXCLUSION.SOCIAL.SOCIAL_LAW", "socsec-law",
      "a261a395-ed17-4939-9c75-b9ff1109ca6e" },
    { "labour-law", "IIIC", "CRITERION.EXCLUSION.SOCIAL.LABOUR_LAW", "labour-law",
      "a34b70d6-c43d-4726-9a88-8e2b438424bf" },
    { "bankruptcy", "IIIC", "CRITERION.EXCLUSION.BUSINESS.BANKRUPTCY", "bankruptcy",
      "d3732c09-7d62-4edc-a172-241da6636e7c" },
    { "insolvency", "IIIC", "CRITERION.EXCLUSION.BUSINESS.INSOLVENCY", "insolvency",
      "396f288a-e267-4c20-851a-ed4f7498f137" },
    { "arrangement-with-creditors", "IIIC", "CRITERION.EXCLUSION.BUSINESS.CREDITORS_ARRANGEMENT",
      "cred-arran", "68918c7a-f5bc-4a1a-a62f-ad8983600d48" },
    { "analogous-situation", "IIIC", "CRITERION.EXCLUSION.BUSINESS.BANKRUPTCY_ANALOGOUS",
      "bankr-nat", "daffa2a9-9f8f-4568-8be8-7b8bf306d096" },
    { "liquidator", "IIIC", "CRITERION.EXCLUSION.BUSINESS.LIQUIDATOR_ADMINISTERED", "liq-admin",
      "8fda202a-0c37-41bb-9d7d-de3f49edbfcb" },
    { "business-suspended", "IIIC", "CRITERION.EXCLUSION.BUSINESS.ACTIVITIES_SUSPENDED",
      "susp-act", "166536e2-77f7-455c-b018-70582474e4f6" },
    { "professional-misconduct", "IIIC", "CRITERION.EXCLUSION.MISCONDUCT.MC_PROFESSIONAL",
      "prof-misconduct", "514d3fde-1e3e-4dcd-b02a-9f984d5bbda3" },
    { "distorting-competition", "IIIC", "CRITERION.EXCLUSION.MISCONDUCT.MARKET_DISTORTION",
      "distorsion", "56d13e3d-76e8-4f23-8af6-13e60a2ee356" },
    { "conflict-of-interest", "IIIC",
      "CRITERION.EXCLUSION.CONFLICT_OF_INTEREST.PROCEDURE_PARTICIPATION", "partic-confl",
      "b1b5ac18-f393-4280-9659-1367943c1a2e" },
    { "prior-involvement", "IIIC",
      "CRITERION.EXCLUSION.CONFLICT_OF_INTEREST.PROCEDURE_PREPARATION", "prep-confl",
      "61874050-5130-4f1c-a174-720939c7b483" },
    { "early-termination", "IIIC", "CRITERION.EXCLUSION.CONFLICT_OF_INTEREST.EARLY_TERMINATION",
      "sanction", "3293e92b-7f3e-42f1-bee6-a7641bb04251" },
    { "misrepresentation", "IIIC", "CRITERION.EXCLUSION.CONFLICT_OF_INTEREST.MISINTERPRETATION",
      "misrepresent", "696a75b2-6107-428f-8b74-82affb67e184" },
};
#define N_GROUNDS (sizeof grounds / sizeof grounds[0])

/* §5.2 L1292-1294: every ground maps from its v2 code, its v3/v4 code and its UUID alone. */
static void test_mapping_every_ground_by_v2_code_eu_code_and_uuid(void **state)
{
    (void)state;
    for (size_t i = 0; i < N_GROUNDS; i++) {
        const tnd_espd_mapping *by_v2 = tnd_espd_lookup(grounds[i].v2, NULL, NULL);
        const tnd_espd_mapping *by_eu = tnd_espd_lookup(grounds[i].eu, NULL, NULL);
        const tnd_espd_mapping *by_id = tnd_espd_lookup(NULL, grounds[i].uuid, NULL);
        assert_non_null(by_v2);
        assert_ptr_equal(by_v2, by_eu);
        assert_ptr_equal(by_v2, by_id);
        assert_int_equal(by_v2->target, TND_ESPD_GROUND);
        assert_string_equal(by_v2->ground, grounds[i].ground);
        assert_string_equal(by_v2->part, grounds[i].part);
    }
}

/* §5 L1260-1267, §5.2 L1288-1294: the table covers exactly the definition's grounds, with the
 * definition's part (III A and B exclude, III C is reviewed). */
static void test_mapping_covers_exactly_the_grounds_of_the_definition(void **state)
{
    (void)state;
    tnd_definition *def = NULL;
    tnd_error err;
    assert_int_equal(tnd_definition_load_default(&def, &err), TND_OK);
    assert_int_equal(def->exclusion.n_grounds, 23);
    size_t n_rows, n_ground_rows = 0;
    const tnd_espd_mapping *rows = tnd_espd_mappings(&n_rows);
    assert_int_equal(n_rows, 26);
    for (size_t r = 0; r < n_rows; r++)
        if (rows[r].target == TND_ESPD_GROUND)
            n_ground_rows++;
    assert_int_equal(n_ground_rows, def->exclusion.n_grounds);
    for (size_t g = 0; g < def->exclusion.n_grounds; g++) {
        int found = 0;
        for (size_t r = 0; r < n_rows; r++)
            if (rows[r].target == TND_ESPD_GROUND &&
                strcmp(rows[r].ground, def->exclusion.grounds[g].code) == 0) {
                found++;
                assert_string_equal(rows[r].part, def->exclusion.grounds[g].part);
            }
        assert_int_equal(found, 1);
    }
    tnd_definition_free(def);
}

/* §5 L1272, §5.3.2 L1400-1402, §5.4 L1477-1479: deel IV, the insured amount and deel II C. */
static void test_mapping_part_iv_insurance_and_reliance(void **state)
{
    (void)state;
    const tnd_espd_mapping *m = tnd_espd_lookup("CRITERION.SELECTION.ALL_SATISFIED", NULL, NULL);
    assert_non_null(m);
    assert_int_equal(m->target, TND_ESPD_PART_IV);
    assert_ptr_equal(tnd_espd_lookup("SELECTION.ALL_CRITERIA_SATISFIED", NULL, NULL), m);
    assert_ptr_equal(tnd_espd_lookup(NULL, "7e7db838-eeac-46d9-ab39-42927486f22d", NULL), m);
    assert_ptr_equal(tnd_espd_lookup(NULL, "f4dc58dd-af45-4602-a4c8-3dca30fac082", NULL), m);

    m = tnd_espd_lookup("CRITERION.SELECTION.ECONOMIC_FINANCIAL_STANDING.RISK_INDEMNITY_INSURANCE",
                        NULL, NULL);
    assert_non_null(m);
    assert_int_equal(m->target, TND_ESPD_INSURANCE);
    assert_ptr_equal(tnd_espd_lookup("indem-insu", NULL, NULL), m);
    assert_ptr_equal(tnd_espd_lookup(NULL, "7604bd40-4462-4086-8763-a50da51a869c", NULL), m);

    m = tnd_espd_lookup("CRITERION.OTHER.EO_DATA.RELIES_ON_OTHER_CAPACITIES", NULL, NULL);
    assert_non_null(m);
    assert_int_equal(m->target, TND_ESPD_PART_IIC);
    assert_ptr_equal(tnd_espd_lookup("relied", NULL, NULL), m);
    assert_ptr_equal(tnd_espd_lookup(NULL, "0d62c6ed-f074-4fcf-8e9f-f691351d52ad", NULL), m);
}

static void test_mapping_old_eu_spelling_and_uppercase_uuid(void **state)
{
    (void)state;
    const tnd_espd_mapping *m = tnd_espd_lookup("misinterpr", NULL, NULL);
    assert_non_null(m);
    assert_string_equal(m->ground, "misrepresentation");
    m = tnd_espd_lookup(NULL, "297D2323-3EDE-424E-94BC-A91561E6F320", NULL);
    assert_non_null(m);
    assert_string_equal(m->ground, "fraud");
}

static void test_mapping_unknown_code_and_uuid_is_null(void **state)
{
    (void)state;
    bool contradiction = true;
    assert_null(tnd_espd_lookup("CRITERION.EXCLUSION.NATIONAL.OTHER",
                                "63adb07d-db1b-4ef0-a14e-a99785cf8cf6", &contradiction));
    assert_false(contradiction);
    /* the brief's name for the insurance criterion is not an official code */
    assert_null(tnd_espd_lookup(
        "CRITERION.SELECTION.ECONOMIC_FINANCIAL_STANDING.PROFESSIONAL_RISK_INSURANCE", NULL, NULL));
}

static void test_mapping_code_and_uuid_of_different_criteria_is_a_contradiction(void **state)
{
    (void)state;
    bool contradiction = false;
    assert_null(tnd_espd_lookup("fraud", "c27b7c4e-c837-4529-b867-ed55ce639db5", &contradiction));
    assert_true(contradiction);
}

/* ------------------------------------------------------------------ versions */

static void test_version_v2_1_1_from_profile_execution_id(void **state)
{
    (void)state;
    tnd_espd *e = load_fixture(V2_ALL_NO);
    assert_string_equal(e->version, "2.1.1");
    assert_int_equal(e->version_major, 2);
    assert_string_equal(e->profile, "ESPD-EDMv2.1.1-BASIC");
    assert_string_equal(e->customization, "urn:www.cenbii.eu:transaction:biitrdm092:ver3.0");
    tnd_espd_free(e);
}

static void test_version_v4_0_0_from_profile_execution_id(void **state)
{
    (void)state;
    tnd_espd *e = load_fixture(V4_ALL_NO);
    assert_string_equal(e->version, "4.0.0");
    assert_int_equal(e->version_major, 4);
    assert_string_equal(e->profile, "ESPD-EDMv4.0.0");
    assert_string_equal(e->customization, "");
    tnd_espd_free(e);
}

static void test_version_from_version_id_scheme_when_no_profile(void **state)
{
    (void)state;
    tnd_espd *e = NULL;
    tnd_error err;
    assert_int_equal(
        load_text(DOC("<cbc:VersionID schemeVersionID=\"3.3.0\">1.0</cbc:VersionID>\n"), &e, &err),
        TND_OK);
    assert_string_equal(e->version, "3.3.0");
    assert_int_equal(e->version_major, 3);
    tnd_espd_free(e);
}

static void test_version_5_is_refused_with_its_line(void **state)
{
    (void)state;
    tnd_espd *e = NULL;
    tnd_error err;
    assert_int_equal(load_text(DOC("\n" PROFILE("5.0.0")), &e, &err), TND_ERR_VALUE);
    assert_null(e);
    assert_string_equal(err.file, "inline.xml");
    assert_int_equal(err.line, 3);
    assert_string_equal(err.message, "ESPD-EDM-versie 5.0.0 wordt niet ondersteund (2.x t/m 4.x)");
}

static void test_version_missing_is_refused(void **state)
{
    (void)state;
    tnd_espd *e = NULL;
    tnd_error err;
    assert_int_equal(load_text(DOC(""), &e, &err), TND_ERR_VALUE);
    /* issue 10 §4: says what the file has, not an empty value of an element it lacks */
    assert_string_equal(err.message, "ESPD-EDM-versie niet te bepalen: geen cbc:ProfileExecutionID; "
                                     "cbc:VersionID '' (schemeVersionID ''), en de criteriumcodes "
                                     "wijzen niet op één versie (0 met 2.x-codes CRITERION.*, 0 "
                                     "met EU-codes)");
}

static void test_request_instead_of_response_is_refused(void **state)
{
    (void)state;
    tnd_espd *e = NULL;
    tnd_error err;
    const char *req = "<QualificationApplicationRequest xmlns=\"urn:oasis:names:specification:ubl:"
                      "schema:xsd:QualificationApplicationRequest-2\"/>";
    assert_int_equal(load_text(req, &e, &err), TND_ERR_VALUE);
    assert_string_equal(err.message, "dit is een ESPD-verzoek (QualificationApplicationRequest), "
                                     "geen ingevuld UEA");
}

static void test_espd_v1_root_is_refused(void **state)
{
    (void)state;
    tnd_espd *e = NULL;
    tnd_error err;
    const char *v1 = "<espd:ESPDResponse xmlns:espd=\"urn:grow:names:specification:ubl:schema:xsd:"
                     "ESPDResponse-1\"/>";
    assert_int_equal(load_text(v1, &e, &err), TND_ERR_VALUE);
    assert_int_equal(err.line, 1);
    assert_non_null(strstr(err.message, "hoofdelement <ESPDResponse> is geen "
                                        "QualificationApplicationResponse"));
}

/* ------------------------------------------------------------------ reading the fixtures */

/* §5.2: the complete v2.1.1 response: 23 grounds "nee", deel IV "ja", EUR 2.500.000, II C "nee". */
static void test_v2_all_no_reads_every_ground_part_iv_insurance_and_identity(void **state)
{
    (void)state;
    tnd_espd *e = load_fixture(V2_ALL_NO);
    assert_string_equal(e->kvk, "41237788");
    assert_string_equal(e->name, "Stichting Jeugdzorg De Vecht");
    assert_int_equal(e->party_line, 41);
    assert_int_equal(e->n_answers, 23);
    for (size_t i = 0; i < N_GROUNDS; i++) {
        assert_string_equal(e->answers[i].code, grounds[i].ground);
        assert_false(e->answers[i].yes);
        assert_int_equal(e->answers[i].line, 1390 + 16 * (long)i); /* <cbc:ResponseIndicator> */
    }
    assert_true(e->has_part_iv);
    assert_true(e->part_iv_yes);
    assert_int_equal(e->part_iv_line, 1758);
    assert_true(e->has_insurance);
    assert_int_equal(e->insurance_cover, 250000000); /* € 2.500.000,00 */
    assert_int_equal(e->insurance_line, 1766);
    assert_true(e->has_part_iic);
    assert_false(e->part_iic_yes);
    assert_int_equal(e->part_iic_line, 1782);
    assert_int_equal(e->n_unknown, 0);
    assert_int_equal(e->n_unanswered, 0);
    tnd_espd_free(e);
}

/* v4: EU codes; the national sub-criterion's own "Your Answer" comes first in the file and is
 * not the criterion's answer; no "all selection criteria" criterion exists, so no deel IV. */
static void test_v4_all_no_reads_eu_codes_and_has_no_part_iv(void **state)
{
    (void)state;
    tnd_espd *e = load_fixture(V4_ALL_NO);
    assert_string_equal(e->kvk, "41237788");
    assert_int_equal(e->n_answers, 23);
    for (size_t i = 0; i < N_GROUNDS; i++) {
        assert_string_equal(e->answers[i].code, grounds[i].ground);
        assert_false(e->answers[i].yes);
        assert_int_equal(e->answers[i].line, 1725 + 24 * (long)i);
    }
    assert_false(e->has_part_iv);
    assert_true(e->has_insurance);
    assert_int_equal(e->insurance_cover, 250000000);
    assert_int_equal(e->insurance_line, 2269);
    assert_true(e->has_part_iic);
    assert_false(e->part_iic_yes);
    assert_int_equal(e->n_unknown, 0);
    assert_int_equal(e->n_unanswered, 0);
    tnd_espd_free(e);
}

static void test_v4_national_subcriterion_answer_is_not_the_criterion_answer(void **state)
{
    (void)state;
    static const char doc[] = DOC(
        PROFILE("4.0.0")
        "<cac:TenderingCriterion><cbc:ID>" FRAUD_UUID "</cbc:ID>"
        "<cbc:CriterionTypeCode>fraud</cbc:CriterionTypeCode>"
        "<cac:SubTenderingCriterion><cac:TenderingCriterionPropertyGroup>"
        "<cac:TenderingCriterionProperty><cbc:ID>SUB-Q</cbc:ID><cbc:TypeCode>QUESTION"
        "</cbc:TypeCode><cbc:ValueDataTypeCode>INDICATOR</cbc:ValueDataTypeCode>"
        "</cac:TenderingCriterionProperty></cac:TenderingCriterionPropertyGroup>"
        "</cac:SubTenderingCriterion>"
        "<cac:TenderingCriterionPropertyGroup><cac:TenderingCriterionPropertyGroup/>"
        "<cac:TenderingCriterionProperty><cbc:ID>REQ</cbc:ID><cbc:TypeCode>REQUIREMENT"
        "</cbc:TypeCode><cbc:ValueDataTypeCode>INDICATOR</cbc:ValueDataTypeCode>"
        "</cac:TenderingCriterionProperty>"
        "<cac:SubsidiaryTenderingCriterionPropertyGroup><cac:TenderingCriterionProperty>"
        "<cbc:ID>MAIN-Q</cbc:ID><cbc:TypeCode>QUESTION</cbc:TypeCode><cbc:ValueDataTypeCode>"
        "INDICATOR</cbc:ValueDataTypeCode></cac:TenderingCriterionProperty>"
        "</cac:SubsidiaryTenderingCriterionPropertyGroup>"
        "</cac:TenderingCriterionPropertyGroup></cac:TenderingCriterion>\n"
        RESP("SUB-Q", "true") RESP("MAIN-Q", "false"));
    tnd_espd *e = NULL;
    tnd_error err;
    assert_int_equal(load_text(doc, &e, &err), TND_OK);
    assert_int_equal(e->n_answers, 1);
    assert_string_equal(e->answers[0].code, "fraud");
    assert_false(e->answers[0].yes);
    assert_int_equal(e->answers[0].line, 5);
    tnd_espd_free(e);
}

/* §5.2 L1294: a III C ground answered "ja". */
static void test_v2_iiic_professional_misconduct_yes(void **state)
{
    (void)state;
    tnd_espd *e = load_fixture(V2_IIIC_YES);
    assert_int_equal(e->n_answers, 23);
    for (size_t i = 0; i < e->n_answers; i++)
        assert_int_equal(e->answers[i].yes,
                         strcmp(e->answers[i].code, "professional-misconduct") == 0);
    assert_string_equal(e->answers[17].code, "professional-misconduct");
    assert_int_equal(e->answers[17].line, 1661);
    tnd_espd_free(e);
}

/* Nothing is dropped silently: the purely national ground has no IJsselland ground. */
static void test_unknown_criterion_is_listed_with_its_answer(void **state)
{
    (void)state;
    tnd_espd *e = load_fixture(V2_UNKNOWN);
    assert_int_equal(e->n_answers, 23);
    assert_int_equal(e->n_unknown, 1);
    const tnd_espd_criterion *c = &e->unknown[0];
    assert_string_equal(c->type_code, "CRITERION.EXCLUSION.NATIONAL.OTHER");
    assert_string_equal(c->id, "63adb07d-db1b-4ef0-a14e-a99785cf8cf6");
    assert_string_equal(c->name, "Purely national exclusion grounds");
    assert_string_equal(c->target, "");
    assert_int_equal(c->line, 1317);
    assert_true(c->exclusion);
    assert_true(c->has_answer);
    assert_true(c->yes);
    assert_int_equal(c->answer_line, 1785);
    assert_true(tnd_espd_needs_review(e, NULL));
    char text[1024];
    tnd_espd_criterion_text(c, true, "uea.xml", text, sizeof text);
    assert_string_equal(text,
                        "UEA uea.xml:1317: criterium niet herkend en niet overgenomen: "
                        "CRITERION.EXCLUSION.NATIONAL.OTHER "
                        "[63adb07d-db1b-4ef0-a14e-a99785cf8cf6] 'Purely national exclusion "
                        "grounds', een uitsluitingsgrond, beantwoord met 'ja' (regel 1785); de "
                        "Opdrachtgever beoordeelt");
    tnd_espd_free(e);
}

static void test_unknown_selection_criterion_answered_ja_needs_no_review(void **state)
{
    (void)state;
    tnd_espd *e = NULL;
    tnd_error err;
    assert_int_equal(load_text(DOC(PROFILE("2.1.1")
                                   CRIT("CRITERION.OTHER.EO_DATA.SHELTERED_WORKSHOP", "x", "Q1")
                                   RESP("Q1", "true")), &e, &err), TND_OK);
    assert_int_equal(e->n_unknown, 1);
    assert_false(e->unknown[0].exclusion);
    assert_true(e->unknown[0].yes);
    assert_false(tnd_espd_needs_review(e, NULL));
    tnd_espd_free(e);
}

static void test_mapped_criterion_without_answer_is_listed_unanswered(void **state)
{
    (void)state;
    tnd_espd *e = NULL;
    tnd_error err;
    assert_int_equal(load_text(DOC(PROFILE("2.1.1")
                                   CRIT("CRITERION.EXCLUSION.CONVICTIONS.FRAUD", FRAUD_UUID, "Q1")),
                               &e, &err), TND_OK);
    assert_int_equal(e->n_answers, 0);
    assert_int_equal(e->n_unanswered, 1);
    assert_string_equal(e->unanswered[0].target, "fraud");
    assert_int_equal(e->unanswered[0].line, 3);
    assert_true(e->unanswered[0].exclusion);
    assert_false(e->unanswered[0].has_answer);
    char text[512];
    tnd_espd_criterion_text(&e->unanswered[0], false, "uea.xml", text, sizeof text);
    assert_string_equal(text, "UEA uea.xml:3: geen antwoord op CRITERION.EXCLUSION.CONVICTIONS."
                              "FRAUD (uitsluitingsgrond fraud (deel IIIA)); het antwoord in de "
                              "inschrijving blijft gelden");
    tnd_espd_free(e);
}

/* ------------------------------------------------------------------ refusals */

static void test_hostile_doctype_with_entities_is_refused(void **state)
{
    (void)state;
    tnd_espd *e = NULL;
    tnd_error err;
    assert_int_equal(tnd_espd_load_file(HOSTILE, &e, &err), TND_ERR_XML_UNSAFE);
    assert_null(e);
    assert_int_equal(err.line, 7);
    assert_string_equal(err.file, HOSTILE);
    assert_string_equal(err.message, "DOCTYPE/ENTITY-declaraties zijn niet toegestaan");
}

static void test_indicator_that_is_not_xs_boolean_is_refused(void **state)
{
    (void)state;
    tnd_espd *e = NULL;
    tnd_error err;
    assert_int_equal(load_text(DOC(PROFILE("2.1.1") CRIT("fraud", FRAUD_UUID, "Q1")
                                   RESP("Q1", "ja")), &e, &err), TND_ERR_VALUE);
    assert_int_equal(err.line, 4);
    assert_string_equal(err.message, "cbc:ResponseIndicator 'ja' is geen true of false");
}

static void test_contradicting_answers_to_one_question_are_refused(void **state)
{
    (void)state;
    tnd_espd *e = NULL;
    tnd_error err;
    assert_int_equal(load_text(DOC(PROFILE("2.1.1") CRIT("fraud", FRAUD_UUID, "Q1")
                                   RESP("Q1", "false") RESP("Q1", "true")), &e, &err),
                     TND_ERR_VALUE);
    assert_int_equal(err.line, 5);
    assert_string_equal(err.message, "criterium 'fraud' is op regel 4 met 'nee' en hier met 'ja' "
                                     "beantwoord");
}

static void test_two_criteria_sharing_an_answer_question_are_refused(void **state)
{
    (void)state;
    tnd_espd *e = NULL;
    tnd_error err;
    assert_int_equal(load_text(DOC(PROFILE("2.1.1") CRIT("fraud", FRAUD_UUID, "Q1")
                                   CRIT("corruption", "", "Q1")), &e, &err), TND_ERR_VALUE);
    assert_int_equal(err.line, 4);
}

static void test_insured_amount_in_another_currency_is_refused(void **state)
{
    (void)state;
    tnd_espd *e = NULL;
    tnd_error err;
    assert_int_equal(load_text(DOC(PROFILE("3.3.0") INSURANCE("A1")
                                   AMOUNT_RESP("A1", "USD", "2500000")), &e, &err),
                     TND_ERR_VALUE);
    assert_string_equal(err.message, "verzekerd bedrag in valuta 'USD' in plaats van EUR");
}

static void test_insured_amount_with_a_fraction_of_a_cent_is_refused(void **state)
{
    (void)state;
    tnd_espd *e = NULL;
    tnd_error err;
    assert_int_equal(load_text(DOC(PROFILE("3.3.0") INSURANCE("A1")
                                   AMOUNT_RESP("A1", "EUR", "2000000.005")), &e, &err),
                     TND_ERR_VALUE);
    assert_string_equal(err.message,
                        "verzekerd bedrag '2000000.005' is geen bedrag in hele centen");
    assert_int_equal(load_text(DOC(PROFILE("3.3.0") INSURANCE("A1")
                                   AMOUNT_RESP("A1", "EUR", "-1")), &e, &err),
                     TND_ERR_RANGE);
}

/* Per lot the amount may be given more than once: the lowest counts, exactly in cents. */
static void test_insured_amount_lowest_of_several_exact_in_cents(void **state)
{
    (void)state;
    tnd_espd *e = NULL;
    tnd_error err;
    assert_int_equal(load_text(DOC(PROFILE("3.3.0") INSURANCE("A1")
                                   AMOUNT_RESP("A1", "EUR", "2500000.5")
                                   AMOUNT_RESP("A1", "EUR", "1999999.99")), &e, &err), TND_OK);
    assert_int_equal(e->insurance_cover, 199999999);
    assert_int_equal(e->insurance_line, 5);
    tnd_espd_free(e);
}

static void test_two_different_kvk_numbers_are_refused(void **state)
{
    (void)state;
    tnd_espd *e = NULL;
    tnd_error err;
    static const char doc[] = DOC(
        PROFILE("2.1.1")
        "<cac:EconomicOperatorParty><cac:Party>"
        "<cac:PartyIdentification><cbc:ID>41237788</cbc:ID></cac:PartyIdentification>\n"
        "<cac:PartyIdentification><cbc:ID schemeID=\"KVK\">4123 9900</cbc:ID>"
        "</cac:PartyIdentification></cac:Party></cac:EconomicOperatorParty>\n");
    assert_int_equal(load_text(doc, &e, &err), TND_ERR_VALUE);
    assert_int_equal(err.line, 4);
    assert_string_equal(err.message, "twee KvK-nummers voor de ondernemer: 41237788 en 41239900");
}

static void test_kvk_scheme_with_a_value_that_is_no_kvk_number_is_refused(void **state)
{
    (void)state;
    tnd_espd *e = NULL;
    tnd_error err;
    assert_int_equal(load_text(DOC(PROFILE("2.1.1")
                                   "<cac:EconomicOperatorParty><cac:Party><cac:PartyIdentification>"
                                   "<cbc:ID schemeAgencyID=\"NL-KVK\">1234</cbc:ID>"
                                   "</cac:PartyIdentification></cac:Party>"
                                   "</cac:EconomicOperatorParty>\n"), &e, &err),
                     TND_ERR_VALUE);
    assert_non_null(strstr(err.message, "KvK-nummer '1234' van de ondernemer"));
}

static void test_vat_number_is_not_taken_for_a_kvk_number(void **state)
{
    (void)state;
    tnd_espd *e = NULL;
    tnd_error err;
    assert_int_equal(load_text(DOC(PROFILE("2.1.1") PARTY("NL123456789B01")), &e, &err), TND_OK);
    assert_string_equal(e->kvk, "");
    assert_string_equal(e->name, "Test BV");
    tnd_espd_free(e);
}

/* ------------------------------------------------------------------ merging */

/* The bid without <uea> takes every answer from the ESPD. */
static void test_merge_fills_missing_answers(void **state)
{
    (void)state;
    tnd_bid *bid = load_bid(BID_WITHOUT_UEA);
    tnd_espd *e = load_fixture(V2_ALL_NO);
    assert_false(bid->bidder.has_uea);
    tnd_espd_conflicts c;
    tnd_error err;
    assert_int_equal(tnd_espd_merge(e, bid, &c, &err), TND_OK);
    assert_int_equal(c.n, 0);
    assert_int_equal(c.n_filled, 25); /* 23 grounds, deel IV, deel II C */
    assert_string_equal(c.party, "Stichting Jeugdzorg De Vecht");
    assert_true(c.kvk_checked);
    assert_true(bid->bidder.has_uea);
    assert_int_equal(bid->bidder.n_answers, 23);
    const tnd_uea_answer *a = answer(&bid->bidder, "fraud");
    assert_non_null(a);
    assert_false(a->yes);
    assert_int_equal(a->line, 1422);
    assert_true(bid->bidder.has_part_iv);
    assert_true(bid->bidder.part_iv_yes);
    assert_false(bid->bidder.part_iic_yes);
    /* the bid states its own cover: the ESPD's equal amount is no conflict and not "filled" */
    assert_int_equal(bid->bidder.insurance_cover, 250000000);
    assert_false(tnd_espd_needs_review(e, &c));
    tnd_espd_conflicts_free(&c);
    tnd_espd_free(e);
    tnd_bid_free(bid);
}

/* §5.2 L1292-1293: a conflict is recorded with both values and lines, never resolved silently:
 * the ground keeps "ja" (excludes), the insurance the lower amount. */
static void test_merge_conflict_recorded_and_worse_answer_kept(void **state)
{
    (void)state;
    tnd_bid *bid = load_bid(BID_EXAMPLE);
    tnd_espd *e = load_fixture(V2_CONFLICTS);
    tnd_espd_conflicts c;
    tnd_error err;
    assert_int_equal(tnd_espd_merge(e, bid, &c, &err), TND_OK);
    assert_int_equal(c.n_filled, 0);
    assert_int_equal(c.n, 2);
    assert_string_equal(c.items[0].subject, "fraud");
    assert_string_equal(c.items[0].party, "Stichting Jeugdzorg De Vecht");
    assert_string_equal(c.items[0].bid_value, "nee");
    assert_string_equal(c.items[0].espd_value, "ja");
    assert_string_equal(c.items[0].kept, "ja");
    assert_int_equal(c.items[0].bid_line, 20);
    assert_int_equal(c.items[0].espd_line, 1422);
    assert_string_equal(c.items[1].subject, "verzekering");
    assert_string_equal(c.items[1].bid_value, "\xe2\x82\xac 2.500.000,00");
    assert_string_equal(c.items[1].espd_value, "\xe2\x82\xac 1.500.000,00");
    assert_string_equal(c.items[1].kept, "\xe2\x82\xac 1.500.000,00");
    assert_int_equal(c.items[1].bid_line, 44);
    assert_int_equal(c.items[1].espd_line, 1774);
    assert_true(answer(&bid->bidder, "fraud")->yes);
    assert_int_equal(answer(&bid->bidder, "fraud")->line, 20);
    assert_int_equal(bid->bidder.insurance_cover, 150000000);
    assert_true(tnd_espd_needs_review(e, &c));

    char text[1024];
    tnd_espd_conflict_text(&c.items[0], "bid.xml", "uea.xml", text, sizeof text);
    assert_string_equal(text, "tegenstrijdig: Stichting Jeugdzorg De Vecht, uitsluitingsgrond "
                              "fraud (deel IIIA): inschrijving bid.xml:20 'nee', UEA "
                              "uea.xml:1422 'ja'; aangehouden: 'ja' (het zwaarste), de "
                              "Opdrachtgever beoordeelt");
    tnd_espd_conflicts_free(&c);
    tnd_espd_free(e);
    tnd_bid_free(bid);
}

/* §5.2 L1292-1293, §5.3.2: after the merge the check excludes on fraud and fails the cover. */
static void test_merge_conflict_then_check_excludes_and_fails_insurance(void **state)
{
    (void)state;
    tnd_definition *def = NULL;
    tnd_error err;
    assert_int_equal(tnd_definition_load_default(&def, &err), TND_OK);
    tnd_bid *bid = load_bid(BID_EXAMPLE);
    tnd_espd *e = load_fixture(V2_CONFLICTS);
    tnd_espd_conflicts c;
    assert_int_equal(tnd_espd_merge(e, bid, &c, &err), TND_OK);
    assert_int_equal(tnd_bid_validate_against(bid, def, &err), TND_OK);
    tnd_check_result r;
    memset(&r, 0, sizeof r);
    assert_true(tnd_check(def, bid, &r));
    assert_false(r.eligible_all);
    assert_int_equal(r.stopped_at_step, 2);
    int exclusion_fail = 0, insurance_fail = 0;
    for (size_t i = 0; i < r.n_findings; i++) {
        if (strcmp(r.findings[i].rule_id, def->exclusion.ref.id) == 0 &&
            r.findings[i].verdict == TND_FAIL)
            exclusion_fail++;
        if (strcmp(r.findings[i].rule_id, def->insurance.ref.id) == 0 &&
            r.findings[i].verdict == TND_FAIL)
            insurance_fail++;
    }
    assert_int_equal(exclusion_fail, 1);
    assert_int_equal(insurance_fail, 1);
    tnd_check_result_free(&r);
    tnd_espd_conflicts_free(&c);
    tnd_espd_free(e);
    tnd_bid_free(bid);
    tnd_definition_free(def);
}

/* §5.2 L1294: a III C "ja" from the ESPD makes the exclusion requirement REVIEW. */
static void test_merge_iiic_yes_then_check_is_review(void **state)
{
    (void)state;
    tnd_definition *def = NULL;
    tnd_error err;
    assert_int_equal(tnd_definition_load_default(&def, &err), TND_OK);
    tnd_bid *bid = load_bid(BID_WITHOUT_UEA);
    tnd_espd *e = load_fixture(V2_IIIC_YES);
    tnd_espd_conflicts c;
    assert_int_equal(tnd_espd_merge(e, bid, &c, &err), TND_OK);
    assert_int_equal(c.n, 0);
    tnd_check_result r;
    memset(&r, 0, sizeof r);
    assert_true(tnd_check(def, bid, &r));
    int review = 0;
    for (size_t i = 0; i < r.n_findings; i++)
        if (strcmp(r.findings[i].rule_id, def->exclusion.ref.id) == 0)
            review += r.findings[i].verdict == TND_REVIEW;
    assert_int_equal(review, 1);
    assert_false(r.eligible_all);
    tnd_check_result_free(&r);
    tnd_espd_conflicts_free(&c);
    tnd_espd_free(e);
    tnd_bid_free(bid);
    tnd_definition_free(def);
}

/* §5 L1272: deel IV "nee" in the ESPD against "ja" in the bid keeps "nee". */
static void test_merge_part_iv_conflict_keeps_nee(void **state)
{
    (void)state;
    tnd_bid *bid = load_bid(BID_EXAMPLE);
    tnd_espd *e = NULL;
    tnd_error err;
    assert_int_equal(load_text(DOC(PROFILE("2.1.1") PARTY("41237788")
                                   CRIT("CRITERION.SELECTION.ALL_SATISFIED", "", "Q4")
                                   RESP("Q4", "false")), &e, &err), TND_OK);
    tnd_espd_conflicts c;
    assert_int_equal(tnd_espd_merge(e, bid, &c, &err), TND_OK);
    assert_int_equal(c.n, 1);
    assert_string_equal(c.items[0].subject, "deel-iv");
    assert_string_equal(c.items[0].bid_value, "ja");
    assert_string_equal(c.items[0].espd_value, "nee");
    assert_string_equal(c.items[0].kept, "nee");
    assert_int_equal(c.items[0].espd_line, 5);
    assert_false(bid->bidder.part_iv_yes);
    tnd_espd_conflicts_free(&c);
    tnd_espd_free(e);
    tnd_bid_free(bid);
}

/* §5.4 L1477-1479: deel II C "ja" in the ESPD against "nee" in the bid keeps "ja". */
static void test_merge_part_iic_conflict_keeps_ja(void **state)
{
    (void)state;
    tnd_bid *bid = load_bid(BID_EXAMPLE);
    tnd_espd *e = NULL;
    tnd_error err;
    assert_int_equal(load_text(DOC(PROFILE("2.1.1") PARTY("41237788")
                                   CRIT("relied", "", "Q2") RESP("Q2", "true")), &e, &err),
                     TND_OK);
    tnd_espd_conflicts c;
    assert_int_equal(tnd_espd_merge(e, bid, &c, &err), TND_OK);
    assert_int_equal(c.n, 1);
    assert_string_equal(c.items[0].subject, "deel-iic");
    assert_string_equal(c.items[0].kept, "ja");
    assert_true(bid->bidder.part_iic_yes);
    tnd_espd_conflicts_free(&c);
    tnd_espd_free(e);
    tnd_bid_free(bid);
}

/* A UEA of another company: wrong file, refused, bid unchanged. */
static void test_merge_kvk_of_no_party_is_reference_error_and_bid_unchanged(void **state)
{
    (void)state;
    tnd_bid *bid = load_bid(BID_OTHER_KVK);
    tnd_espd *e = load_fixture(V2_ALL_NO);
    size_t before = bid->bidder.n_answers;
    bool fraud = answer(&bid->bidder, "fraud")->yes;
    tnd_espd_conflicts c;
    tnd_error err;
    assert_int_equal(tnd_espd_merge(e, bid, &c, &err), TND_ERR_REFERENCE);
    assert_string_equal(err.file, V2_ALL_NO);
    assert_int_equal(err.line, 41);
    assert_non_null(strstr(err.message, "het UEA is van KvK 41237788 (Stichting Jeugdzorg De "
                                        "Vecht), maar de inschrijving"));
    assert_non_null(strstr(err.message, "is van KvK 66770913"));
    assert_int_equal(c.n, 0);
    assert_null(c.items);
    assert_int_equal(bid->bidder.n_answers, before);
    assert_true(fraud);
    assert_true(answer(&bid->bidder, "fraud")->yes);
    tnd_espd_free(e);
    tnd_bid_free(bid);
}

/* §4.1.12 L766-770: each combination member gives its own UEA; it is matched by KvK. */
static void test_merge_into_combination_member_by_kvk(void **state)
{
    (void)state;
    tnd_bid *bid = load_bid(BID_COMBINATION);
    assert_int_equal(bid->n_members, 1);
    tnd_espd *e = NULL;
    tnd_error err;
    assert_int_equal(load_text(DOC(PROFILE("3.3.0") PARTY("63207718") INSURANCE("A1")
                                   AMOUNT_RESP("A1", "EUR", "2000000")), &e, &err), TND_OK);
    tnd_espd_conflicts c;
    assert_int_equal(tnd_espd_merge(e, bid, &c, &err), TND_OK);
    assert_string_equal(c.party, "Zorgco\xc3\xb6peratie Noordoost-Veluwe U.A.");
    assert_int_equal(c.n, 1);
    assert_string_equal(c.items[0].subject, "verzekering");
    assert_string_equal(c.items[0].kept, "\xe2\x82\xac 1.000.000,00");
    assert_int_equal(bid->members[0].insurance_cover, 100000000);
    tnd_espd_conflicts_free(&c);
    tnd_espd_free(e);
    tnd_bid_free(bid);
}

static void test_merge_without_kvk_goes_to_the_bidder_unchecked(void **state)
{
    (void)state;
    tnd_bid *bid = load_bid(BID_WITHOUT_UEA);
    tnd_espd *e = NULL;
    tnd_error err;
    assert_int_equal(load_text(DOC(PROFILE("2.1.1") CRIT("fraud", FRAUD_UUID, "Q1")
                                   RESP("Q1", "false")), &e, &err), TND_OK);
    tnd_espd_conflicts c;
    assert_int_equal(tnd_espd_merge(e, bid, &c, &err), TND_OK);
    assert_false(c.kvk_checked);
    assert_int_equal(c.n_filled, 1);
    assert_string_equal(c.party, "Stichting Jeugdzorg De Vecht");
    assert_true(bid->bidder.has_uea);
    assert_int_equal(bid->bidder.n_answers, 1);
    tnd_espd_conflicts_free(&c);
    tnd_espd_free(e);
    tnd_bid_free(bid);
}

/* ------------------------------------------------------------------ docs/espd-import.md */

/* "`a`" or "`a` / `b`" */
static void codes(char *buf, size_t size, const char *a, const char *b)
{
    if (!a)
        snprintf(buf, size, "(geen)");
    else if (b)
        snprintf(buf, size, "`%s` / `%s`", a, b);
    else
        snprintf(buf, size, "`%s`", a);
}

/* One source of truth: the table in the docs is the table in espd.c, row for row. */
static void test_docs_mapping_table_matches_the_code(void **state)
{
    (void)state;
    FILE *f = fopen(TND_SOURCE_DIR "/docs/espd-import.md", "r");
    assert_non_null(f);
    static char doc[65536];
    size_t len = fread(doc, 1, sizeof doc - 1, f);
    fclose(f);
    doc[len] = '\0';
    const char *table = strstr(doc, "## Mapping table");
    assert_non_null(table);
    const char *end = strstr(table, "Notes on the table");
    assert_non_null(end);
    size_t n_rows = 0;
    for (const char *p = table; p && p < end; p = strchr(p + 1, '\n'))
        if (strncmp(p, "\n| `", 4) == 0)
            n_rows++;
    size_t n;
    const tnd_espd_mapping *m = tnd_espd_mappings(&n);
    assert_int_equal(n_rows, n);
    for (size_t i = 0; i < n; i++) {
        char v2[256], eu[128], id[128], row[640];
        codes(v2, sizeof v2, m[i].code_v2, m[i].code_v1);
        codes(eu, sizeof eu, m[i].code_eu, m[i].code_eu_alt);
        codes(id, sizeof id, m[i].uuid, m[i].uuid_alt);
        snprintf(row, sizeof row, "\n| `%s` | %s | %s | %s | %s |\n", tnd_espd_target_code(&m[i]),
                 m[i].part, v2, eu, id);
        const char *at = strstr(table, row);
        if (!at || at > end)
            fail_msg("row missing in docs/espd-import.md: %s", row + 1);
    }
}

/* ---- the published ESPD-EDM examples (fixtures/espd/published/README.md, EUPL-1.2) ---- */

#define PUB FIX "espd/published/"

typedef struct {
    const char *file;
    const char *version;       /* as reported; "2.x"/"3.x" when the root does not state it */
    const char *name;
    const char *other_ids;
    size_t answers, unknown, unanswered;
    tnd_cents insured;
} published_case;

/* Issue 10 §4: every published version from 2.1.0 to 4.x is read. The counts are those the
 * examples' README gives (all exclusion grounds answered "true"; the national ground and the
 * selection criteria are not in the mapping table). */
static void test_every_published_espd_version_is_read(void **state)
{
    (void)state;
    static const published_case cases[] = {
        { PUB "v2.1.0-UPRC-Regulated-Response.xml", "2.1.0", "__EoName",
          "DE153301871 (EU-COM-GROW)", 23, 38, 0, 45031 },
        { PUB "v2.1.1-BASIC-ESPDResponse.xml", "2.1.1", "__EoName", "DE153301871 (EU-COM-GROW)",
          23, 40, 0, 1000000000 },
        /* no cbc:ProfileExecutionID, VersionID 1.0: the CRITERION.* codes say 2.x */
        { PUB "v2.1.1-EXTENDED-ESPDResponse.xml", "2.x", "__ProcurerName",
          "AD123456789 (EU-COM-GROW)", 23, 42, 0, 1000000000 },
        /* no cbc:ProfileExecutionID, VersionID 1.0: the EU criterion codes say 3.x */
        { PUB "v3.0.0-ESPD-Response.xml", "3.x", "__ProcurerName", "AD123456789 (EU-COM-GROW)",
          23, 37, 0, 1000000000 },
        /* tax-pay and socsec-pay answered only in a national sub-criterion: unanswered */
        { PUB "v4.0.0-ESPD-Response.xml", "4.0.0", "__Procurer Official Name__",
          "AD123456789 (OP)", 21, 37, 2, 100000000000 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const published_case *c = &cases[i];
        tnd_espd *e = load_fixture(c->file);
        assert_string_equal(e->version, c->version);
        assert_string_equal(e->name, c->name);
        assert_string_equal(e->kvk, "");
        assert_string_equal(e->other_ids, c->other_ids);
        assert_int_equal(e->n_answers, c->answers);
        for (size_t j = 0; j < e->n_answers; j++)
            assert_true(e->answers[j].yes);
        assert_int_equal(e->n_unknown, c->unknown);
        assert_int_equal(e->n_unanswered, c->unanswered);
        assert_true(e->has_part_iic && e->part_iic_yes);
        assert_true(e->has_insurance);
        assert_int_equal(e->insurance_cover, c->insured);
        tnd_espd_free(e);
    }
    tnd_espd *e = NULL;
    tnd_error err;
    assert_int_equal(tnd_espd_load_file(PUB "v4.1.0-ESPD-Request.xml", &e, &err), TND_ERR_VALUE);
    assert_null(e);
    assert_int_equal(err.line, 2);
}

/* A response that states no version and whose criteria show no generation is refused with what
 * it does have, never naming an element it lacks as if it were empty. */
static void test_version_unstated_and_no_known_codes_is_refused_saying_what_is_there(void **state)
{
    (void)state;
    tnd_espd *e = NULL;
    tnd_error err;
    assert_int_equal(load_text(DOC(CRIT("no-such-code", "00000000-0000-0000-0000-000000000000",
                                        "Q1") RESP("Q1", "false")), &e, &err),
                     TND_ERR_VALUE);
    assert_null(e);
    assert_non_null(strstr(err.message, "ESPD-EDM-versie niet te bepalen: geen "
                                        "cbc:ProfileExecutionID; cbc:VersionID ''"));
    assert_null(strstr(err.message, "cbc:ProfileExecutionID ''"));
}

/* Issue 10 §4: a UEA without a KvK number (VAT id only) whose name is no party of the bid is
 * refused, and the bid is left as it was; before, it was merged with 25 conflicts. */
static void test_uea_without_kvk_of_another_name_is_refused_not_merged(void **state)
{
    (void)state;
    tnd_bid *bid = load_bid(BID_WITHOUT_UEA);
    tnd_espd *e = load_fixture(PUB "v3.0.0-ESPD-Response.xml");
    tnd_espd_conflicts c;
    tnd_error err;
    assert_int_equal(tnd_espd_merge(e, bid, &c, &err), TND_ERR_REFERENCE);
    assert_non_null(strstr(err.message, "het UEA noemt geen KvK-nummer (wel: AD123456789 "
                                        "(EU-COM-GROW)) en de naam '__ProcurerName' is geen partij"));
    assert_false(bid->bidder.has_uea);
    assert_int_equal(bid->bidder.n_answers, 0);
    assert_int_equal(bid->bidder.insurance_cover, 250000000);
    tnd_espd_free(e);
    tnd_bid_free(bid);
}

/* The same UEA merges when its name is that of the bidder (case and spacing aside): matched on
 * the name, reported as such. */
static void test_uea_without_kvk_merges_into_the_party_of_the_same_name(void **state)
{
    (void)state;
    tnd_bid *bid = load_bid(BID_WITHOUT_UEA);
    snprintf(bid->bidder.name, sizeof bid->bidder.name, "__procurername ");
    tnd_espd *e = load_fixture(PUB "v2.1.1-EXTENDED-ESPDResponse.xml");
    tnd_espd_conflicts c;
    tnd_error err;
    assert_int_equal(tnd_espd_merge(e, bid, &c, &err), TND_OK);
    assert_false(c.kvk_checked);
    assert_true(c.name_checked);
    assert_true(bid->bidder.has_uea);
    assert_int_equal(bid->bidder.n_answers, 23);
    tnd_espd_conflicts_free(&c);
    tnd_espd_free(e);
    tnd_bid_free(bid);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mapping_every_ground_by_v2_code_eu_code_and_uuid),
        cmocka_unit_test(test_mapping_covers_exactly_the_grounds_of_the_definition),
        cmocka_unit_test(test_mapping_part_iv_insurance_and_reliance),
        cmocka_unit_test(test_mapping_old_eu_spelling_and_uppercase_uuid),
        cmocka_unit_test(test_mapping_unknown_code_and_uuid_is_null),
        cmocka_unit_test(test_mapping_code_and_uuid_of_different_criteria_is_a_contradiction),
        cmocka_unit_test(test_version_v2_1_1_from_profile_execution_id),
        cmocka_unit_test(test_version_v4_0_0_from_profile_execution_id),
        cmocka_unit_test(test_version_from_version_id_scheme_when_no_profile),
        cmocka_unit_test(test_version_5_is_refused_with_its_line),
        cmocka_unit_test(test_version_missing_is_refused),
        cmocka_unit_test(test_request_instead_of_response_is_refused),
        cmocka_unit_test(test_espd_v1_root_is_refused),
        cmocka_unit_test(test_v2_all_no_reads_every_ground_part_iv_insurance_and_identity),
        cmocka_unit_test(test_v4_all_no_reads_eu_codes_and_has_no_part_iv),
        cmocka_unit_test(test_v4_national_subcriterion_answer_is_not_the_criterion_answer),
        cmocka_unit_test(test_v2_iiic_professional_misconduct_yes),
        cmocka_unit_test(test_unknown_criterion_is_listed_with_its_answer),
        cmocka_unit_test(test_unknown_selection_criterion_answered_ja_needs_no_review),
        cmocka_unit_test(test_mapped_criterion_without_answer_is_listed_unanswered),
        cmocka_unit_test(test_hostile_doctype_with_entities_is_refused),
        cmocka_unit_test(test_indicator_that_is_not_xs_boolean_is_refused),
        cmocka_unit_test(test_contradicting_answers_to_one_question_are_refused),
        cmocka_unit_test(test_two_criteria_sharing_an_answer_question_are_refused),
        cmocka_unit_test(test_insured_amount_in_another_currency_is_refused),
        cmocka_unit_test(test_insured_amount_with_a_fraction_of_a_cent_is_refused),
        cmocka_unit_test(test_insured_amount_lowest_of_several_exact_in_cents),
        cmocka_unit_test(test_two_different_kvk_numbers_are_refused),
        cmocka_unit_test(test_kvk_scheme_with_a_value_that_is_no_kvk_number_is_refused),
        cmocka_unit_test(test_vat_number_is_not_taken_for_a_kvk_number),
        cmocka_unit_test(test_merge_fills_missing_answers),
        cmocka_unit_test(test_merge_conflict_recorded_and_worse_answer_kept),
        cmocka_unit_test(test_merge_conflict_then_check_excludes_and_fails_insurance),
        cmocka_unit_test(test_merge_iiic_yes_then_check_is_review),
        cmocka_unit_test(test_merge_part_iv_conflict_keeps_nee),
        cmocka_unit_test(test_merge_part_iic_conflict_keeps_ja),
        cmocka_unit_test(test_merge_kvk_of_no_party_is_reference_error_and_bid_unchanged),
        cmocka_unit_test(test_merge_into_combination_member_by_kvk),
        cmocka_unit_test(test_merge_without_kvk_goes_to_the_bidder_unchecked),
        cmocka_unit_test(test_every_published_espd_version_is_read),
        cmocka_unit_test(test_version_unstated_and_no_known_codes_is_refused_saying_what_is_there),
        cmocka_unit_test(test_uea_without_kvk_of_another_name_is_refused_not_merged),
        cmocka_unit_test(test_uea_without_kvk_merges_into_the_party_of_the_same_name),
        cmocka_unit_test(test_docs_mapping_table_matches_the_code),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
