/*
 * espd.c - reading an ESPD Response (UEA) and merging it into a bid (see espd.h and
 * docs/espd-import.md).
 *
 * Layers, as in bid.c: xmlsafe refuses unsafe or oversized XML; this file then reads only what it
 * needs by namespace and local name (UBL cac/cbc), and refuses values it cannot mean. The ESPD's
 * own schemas and Schematron are not applied: a file that passes them but uses a criterion we do
 * not know is still read, and the criterion is listed, never dropped.
 */
#include "tender/espd.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/tree.h>

#include "tender/notation.h"
#include "tender/xmlsafe.h"

#define NS_UBL "urn:oasis:names:specification:ubl:schema:xsd:"
#define NS_RESPONSE NS_UBL "QualificationApplicationResponse-2"
#define NS_REQUEST NS_UBL "QualificationApplicationRequest-2"
#define NS_CAC NS_UBL "CommonAggregateComponents-2"
#define NS_CBC NS_UBL "CommonBasicComponents-2"

/* Limits: a real ESPD Response is far below them (the v4.0.0 sample with every criterion has 67
 * criteria and about a thousand responses). */
#define MAX_CRITERIA 512
#define MAX_RESPONSES 20000
#define MAX_EURO 10000000000000LL /* 10^13 euro: no insured amount means more (bid.h) */

#define HINT_DOCS "het verwachte formaat staat in docs/espd-import.md"

/* ------------------------------------------------------------------------------------------ */
/* The mapping table                                                                           */

/*
 * Source of the identifiers (the ESPD-EDM repository, github.com/OP-TED/ESPD-EDM):
 *  - code_v2 and uuid: the ESPD-EDM 2.x criteria taxonomy (type code list "CriteriaTypeCode",
 *    taxonomy v2.1.1, ESPD/uuid/v2.1.1_*); the same UUIDs are kept in v3 and v4
 *    (codelists/ESPD-criterion.xml v3.0.0, ESPD_Response.xml v4.0.0);
 *  - code_eu: the EU authority table "criterion" (listID http://publications.europa.eu/resource/
 *    authority/criterion, version 20230315-0, ESPD/codelists/v3.2.0/Criterion.gc) used from v3.
 * The grounds are those of UEA deel III as the tender applies them (§5 L1260-1267,
 * §5.2 L1288-1294; the IJsselland definition, <exclusion>); deel IV and the insurance §5 L1272,
 * §5.3.2 L1400-1402; deel II C §5.4 L1477-1479. v3/v4 have no "all selection criteria"
 * criterion: there deel IV is only known from the bid.
 */
static const tnd_espd_mapping mappings[] = {
    /* UEA deel III A: convictions (art. 57(1) Directive 2014/24/EU) */
    { TND_ESPD_GROUND, "criminal-organisation", "IIIA",
      "CRITERION.EXCLUSION.CONVICTIONS.PARTICIPATION_IN_CRIMINAL_ORGANISATION", NULL, "crime-org",
      NULL, "005eb9ed-1347-4ca3-bb29-9bc0db64e1ab", NULL },
    { TND_ESPD_GROUND, "corruption", "IIIA", "CRITERION.EXCLUSION.CONVICTIONS.CORRUPTION", NULL,
      "corruption", NULL, "c27b7c4e-c837-4529-b867-ed55ce639db5", NULL },
    { TND_ESPD_GROUND, "fraud", "IIIA", "CRITERION.EXCLUSION.CONVICTIONS.FRAUD", NULL, "fraud",
      NULL, "297d2323-3ede-424e-94bc-a91561e6f320", NULL },
    { TND_ESPD_GROUND, "terrorism", "IIIA", "CRITERION.EXCLUSION.CONVICTIONS.TERRORIST_OFFENCES",
      NULL, "terr-offence", NULL, "d486fb70-86b3-4e75-97f2-0d71b5697c7d", NULL },
    { TND_ESPD_GROUND, "money-laundering", "IIIA",
      "CRITERION.EXCLUSION.CONVICTIONS.MONEY_LAUNDERING", NULL, "finan-laund", NULL,
      "47112079-6fec-47a3-988f-e561668c3aef", NULL },
    { TND_ESPD_GROUND, "child-labour", "IIIA",
      "CRITERION.EXCLUSION.CONVICTIONS.CHILD_LABOUR-HUMAN_TRAFFICKING", NULL, "human-traffic", NULL,
      "d789d01a-fe03-4ccd-9898-73f9cfa080d1", NULL },
    /* UEA deel III B: taxes and social security (art. 57(2)) */
    { TND_ESPD_GROUND, "tax-payment", "IIIB", "CRITERION.EXCLUSION.CONTRIBUTIONS.PAYMENT_OF_TAXES",
      NULL, "tax-pay", NULL, "b61bbeb7-690e-4a40-bc68-d6d4ecfaa3d4", NULL },
    { TND_ESPD_GROUND, "social-security-payment", "IIIB",
      "CRITERION.EXCLUSION.CONTRIBUTIONS.PAYMENT_OF_SOCIAL_SECURITY", NULL, "socsec-pay", NULL,
      "7d85e333-bbab-49c0-be8d-c36d71a72f5e", NULL },
    /* UEA deel III C: facultative grounds (art. 57(4)) */
    { TND_ESPD_GROUND, "environmental-law", "IIIC", "CRITERION.EXCLUSION.SOCIAL.ENVIRONMENTAL_LAW",
      NULL, "envir-law", NULL, "a80ddb62-d25b-4e4e-ae22-3968460dc0a9", NULL },
    { TND_ESPD_GROUND, "social-law", "IIIC", "CRITERION.EXCLUSION.SOCIAL.SOCIAL_LAW", NULL,
      "socsec-law", NULL, "a261a395-ed17-4939-9c75-b9ff1109ca6e", NULL },
    { TND_ESPD_GROUND, "labour-law", "IIIC", "CRITERION.EXCLUSION.SOCIAL.LABOUR_LAW", NULL,
      "labour-law", NULL, "a34b70d6-c43d-4726-9a88-8e2b438424bf", NULL },
    { TND_ESPD_GROUND, "bankruptcy", "IIIC", "CRITERION.EXCLUSION.BUSINESS.BANKRUPTCY", NULL,
      "bankruptcy", NULL, "d3732c09-7d62-4edc-a172-241da6636e7c", NULL },
    { TND_ESPD_GROUND, "insolvency", "IIIC", "CRITERION.EXCLUSION.BUSINESS.INSOLVENCY", NULL,
      "insolvency", NULL, "396f288a-e267-4c20-851a-ed4f7498f137", NULL },
    { TND_ESPD_GROUND, "arrangement-with-creditors", "IIIC",
      "CRITERION.EXCLUSION.BUSINESS.CREDITORS_ARRANGEMENT", NULL, "cred-arran", NULL,
      "68918c7a-f5bc-4a1a-a62f-ad8983600d48", NULL },
    { TND_ESPD_GROUND, "analogous-situation", "IIIC",
      "CRITERION.EXCLUSION.BUSINESS.BANKRUPTCY_ANALOGOUS", NULL, "bankr-nat", NULL,
      "daffa2a9-9f8f-4568-8be8-7b8bf306d096", NULL },
    { TND_ESPD_GROUND, "liquidator", "IIIC", "CRITERION.EXCLUSION.BUSINESS.LIQUIDATOR_ADMINISTERED",
      NULL, "liq-admin", NULL, "8fda202a-0c37-41bb-9d7d-de3f49edbfcb", NULL },
    { TND_ESPD_GROUND, "business-suspended", "IIIC",
      "CRITERION.EXCLUSION.BUSINESS.ACTIVITIES_SUSPENDED", NULL, "susp-act", NULL,
      "166536e2-77f7-455c-b018-70582474e4f6", NULL },
    { TND_ESPD_GROUND, "professional-misconduct", "IIIC",
      "CRITERION.EXCLUSION.MISCONDUCT.MC_PROFESSIONAL", NULL, "prof-misconduct", NULL,
      "514d3fde-1e3e-4dcd-b02a-9f984d5bbda3", NULL },
    { TND_ESPD_GROUND, "distorting-competition", "IIIC",
      "CRITERION.EXCLUSION.MISCONDUCT.MARKET_DISTORTION", NULL, "distorsion", NULL,
      "56d13e3d-76e8-4f23-8af6-13e60a2ee356", NULL },
    { TND_ESPD_GROUND, "conflict-of-interest", "IIIC",
      "CRITERION.EXCLUSION.CONFLICT_OF_INTEREST.PROCEDURE_PARTICIPATION", NULL, "partic-confl",
      NULL, "b1b5ac18-f393-4280-9659-1367943c1a2e", NULL },
    { TND_ESPD_GROUND, "prior-involvement", "IIIC",
      "CRITERION.EXCLUSION.CONFLICT_OF_INTEREST.PROCEDURE_PREPARATION", NULL, "prep-confl", NULL,
      "61874050-5130-4f1c-a174-720939c7b483", NULL },
    { TND_ESPD_GROUND, "early-termination", "IIIC",
      "CRITERION.EXCLUSION.CONFLICT_OF_INTEREST.EARLY_TERMINATION", NULL, "sanction", NULL,
      "3293e92b-7f3e-42f1-bee6-a7641bb04251", NULL },
    /* "misinterpr" is the older spelling of the EU table, "misrepresent" the corrected one */
    { TND_ESPD_GROUND, "misrepresentation", "IIIC",
      "CRITERION.EXCLUSION.CONFLICT_OF_INTEREST.MISINTERPRETATION", NULL, "misrepresent",
      "misinterpr", "696a75b2-6107-428f-8b74-82affb67e184", NULL },
    /* UEA deel IV alpha: all selection criteria satisfied (v1 code and UUID still in use) */
    { TND_ESPD_PART_IV, NULL, "IV", "CRITERION.SELECTION.ALL_SATISFIED",
      "SELECTION.ALL_CRITERIA_SATISFIED", NULL, NULL, "f4dc58dd-af45-4602-a4c8-3dca30fac082",
      "7e7db838-eeac-46d9-ab39-42927486f22d" },
    /* UEA deel IV B: professional risk indemnity insurance, insured amount */
    { TND_ESPD_INSURANCE, NULL, "IV",
      "CRITERION.SELECTION.ECONOMIC_FINANCIAL_STANDING.RISK_INDEMNITY_INSURANCE", NULL,
      "indem-insu", NULL, "7604bd40-4462-4086-8763-a50da51a869c", NULL },
    /* UEA deel II C: relies on the capacities of other entities */
    { TND_ESPD_PART_IIC, NULL, "IIC", "CRITERION.OTHER.EO_DATA.RELIES_ON_OTHER_CAPACITIES", NULL,
      "relied", NULL, "0d62c6ed-f074-4fcf-8e9f-f691351d52ad", NULL },
};

/* Exclusion criteria the table knows but the tender has no ground for ("purely national"). */
static const char *const unmapped_exclusions[] = {
    "CRITERION.EXCLUSION.NATIONAL.OTHER", "nati-ground", "63adb07d-db1b-4ef0-a14e-a99785cf8cf6",
};

const tnd_espd_mapping *tnd_espd_mappings(size_t *n)
{
    if (n)
        *n = sizeof mappings / sizeof mappings[0];
    return mappings;
}

const char *tnd_espd_target_code(const tnd_espd_mapping *m)
{
    switch (m->target) {
    case TND_ESPD_GROUND:
        return m->ground;
    case TND_ESPD_PART_IV:
        return "deel-iv";
    case TND_ESPD_PART_IIC:
        return "deel-iic";
    case TND_ESPD_INSURANCE:
        return "verzekering";
    }
    return "";
}

static bool same(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

static const tnd_espd_mapping *by_code(const char *code)
{
    if (!code || !code[0])
        return NULL;
    for (size_t i = 0; i < sizeof mappings / sizeof mappings[0]; i++) {
        const tnd_espd_mapping *m = &mappings[i];
        if (same(code, m->code_v2) || same(code, m->code_v1) || same(code, m->code_eu) ||
            same(code, m->code_eu_alt))
            return m;
    }
    return NULL;
}

static const tnd_espd_mapping *by_uuid(const char *uuid)
{
    if (!uuid || !uuid[0])
        return NULL;
    for (size_t i = 0; i < sizeof mappings / sizeof mappings[0]; i++) {
        const tnd_espd_mapping *m = &mappings[i];
        if ((m->uuid && strcasecmp(uuid, m->uuid) == 0) ||
            (m->uuid_alt && strcasecmp(uuid, m->uuid_alt) == 0))
            return m;
    }
    return NULL;
}

const tnd_espd_mapping *tnd_espd_lookup(const char *type_code, const char *uuid,
                                        bool *contradiction)
{
    const tnd_espd_mapping *c = by_code(type_code), *u = by_uuid(uuid);
    if (contradiction)
        *contradiction = c && u && c != u;
    if (c && u && c != u)
        return NULL;
    return c ? c : u;
}

/* The row of one of our ground codes (for its part), NULL if none. */
static const tnd_espd_mapping *by_ground(const char *ground)
{
    for (size_t i = 0; i < sizeof mappings / sizeof mappings[0]; i++)
        if (same(ground, mappings[i].ground))
            return &mappings[i];
    return NULL;
}

static bool is_exclusion_code(const char *type_code, const char *uuid)
{
    if (type_code && strncmp(type_code, "CRITERION.EXCLUSION.", 20) == 0)
        return true;
    for (size_t i = 0; i < sizeof unmapped_exclusions / sizeof unmapped_exclusions[0]; i++)
        if ((type_code && strcmp(type_code, unmapped_exclusions[i]) == 0) ||
            (uuid && strcasecmp(uuid, unmapped_exclusions[i]) == 0))
            return true;
    return false;
}

/* ------------------------------------------------------------------------------------------ */
/* XML helpers: UBL elements by namespace and local name                                       */

static bool is_element(xmlNodePtr n, const char *ns, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST name) && n->ns &&
           xmlStrEqual(n->ns->href, BAD_CAST ns);
}

static xmlNodePtr first_from(xmlNodePtr c, const char *ns, const char *name)
{
    for (; c; c = c->next)
        if (is_element(c, ns, name))
            return c;
    return NULL;
}

static xmlNodePtr child(xmlNodePtr n, const char *ns, const char *name)
{
    return n ? first_from(n->children, ns, name) : NULL;
}

static xmlNodePtr next(xmlNodePtr n, const char *ns, const char *name)
{
    return n ? first_from(n->next, ns, name) : NULL;
}

/* Copies src into dst (size > 3), cutting with "..." at a UTF-8 character boundary. */
static void copy_cut(char *dst, size_t size, const char *src)
{
    size_t len = src ? strlen(src) : 0;
    if (len < size) {
        memcpy(dst, src ? src : "", len + 1);
        return;
    }
    size_t keep = size - 4;
    while (keep > 0 && ((unsigned char)src[keep] & 0xC0) == 0x80)
        keep--;
    memcpy(dst, src, keep);
    memcpy(dst + keep, "...", 4);
}

/* ------------------------------------------------------------------------------------------ */
/* Reading                                                                                     */

/* One cac:TenderingCriterion while reading. */
typedef struct {
    const tnd_espd_mapping *map;  /* NULL: not in the table */
    char *type_code;              /* malloc'd, "" when absent */
    char *id;
    char *name;
    char *question;               /* cbc:ID of its answer question, NULL when none */
    long line;
    bool answered;
    bool yes;
    tnd_cents amount;
    long answer_line;
} criterion;

typedef struct {
    const char *file;
    tnd_error *err;
    tnd_espd *e;
    tnd_notation *notation;
    criterion *crit;
    size_t n_crit;
    char version_note[128];  /* why the version was not read from the root; "" when it was */
    long version_line;
} reader;

/* Trimmed text of the cbc child `name` of n (malloc'd; "" when absent); NULL only on OOM. */
static char *cbc_text(xmlNodePtr n, const char *name)
{
    xmlNodePtr c = child(n, NS_CBC, name);
    return c ? tnd_xml_text(c) : strdup("");
}

/* "ESPD-EDMv2.1.1-BASIC" or "2.1.1" -> 2, 1, 1; false if not that shape. */
static bool parse_version(const char *s, int v[3])
{
    if (strncmp(s, "ESPD-EDMv", 9) == 0)
        s += 9;
    for (int i = 0; i < 3; i++) {
        if (*s < '0' || *s > '9')
            return false;
        long x = 0;
        while (*s >= '0' && *s <= '9' && x < 1000)
            x = x * 10 + (*s++ - '0');
        v[i] = (int)x;
        if (i < 2 && *s++ != '.')
            return false;
    }
    return *s == '\0' || *s == '-';
}

/* ESPD-EDM puts its version in cbc:ProfileExecutionID ("ESPD-EDMv2.1.1-BASIC"); cbc:VersionID's
 * schemeVersionID is used only when that is absent. cbc:CustomizationID names the CEN BII
 * transaction, not the ESPD-EDM version: it is recorded only. */
static tnd_status read_version(reader *r, xmlNodePtr root)
{
    tnd_espd *e = r->e;
    char *profile = cbc_text(root, "ProfileExecutionID");
    char *custom = cbc_text(root, "CustomizationID");
    xmlNodePtr vnode = child(root, NS_CBC, "VersionID");
    char *scheme = vnode ? tnd_xml_attr(vnode, "schemeVersionID") : NULL;
    if (!profile || !custom) {
        free(profile);
        free(custom);
        free(scheme);
        return tnd_error_nomem(r->err, r->file);
    }
    copy_cut(e->profile, sizeof e->profile, profile);
    copy_cut(e->customization, sizeof e->customization, custom);
    int v[3] = { 0, 0, 0 };
    bool known = profile[0] ? parse_version(profile, v) : (scheme && parse_version(scheme, v));
    long line = tnd_xml_line(child(root, NS_CBC, profile[0] ? "ProfileExecutionID" : "VersionID"));
    tnd_status rc = TND_OK;
    if (!known && !profile[0]) {
        /* No cbc:ProfileExecutionID and no ESPD-EDM version in cbc:VersionID: the published
         * v2.1.1 EXTENDED and v3.0.0 examples have VersionID 1.0 (schemeVersionID 2.0), the
         * version of the document itself. The generation is then read from the criterion codes
         * (infer_version, after the criteria). */
        char *vtext = vnode ? tnd_xml_text(vnode) : strdup("");
        if (!vtext) {
            free(profile);
            free(custom);
            free(scheme);
            return tnd_error_nomem(r->err, r->file);
        }
        snprintf(r->version_note, sizeof r->version_note,
                 "geen cbc:ProfileExecutionID; cbc:VersionID '%.20s' (schemeVersionID '%.20s')",
                 vtext, scheme ? scheme : "");
        r->version_line = line ? line : tnd_xml_line(root);
        free(vtext);
    } else if (!known)
        rc = tnd_error_set(r->err, TND_ERR_VALUE, r->file, line,
                           "een ESPD Response van versie 2.x t/m 4.x heeft bijvoorbeeld "
                           "<cbc:ProfileExecutionID>ESPD-EDMv2.1.1-BASIC</cbc:ProfileExecutionID>",
                           "ESPD-EDM-versie onbekend: cbc:ProfileExecutionID '%s'", e->profile);
    else if (v[0] < 2 || v[0] > 4)
        rc = tnd_error_set(r->err, TND_ERR_VALUE, r->file, line,
                           "exporteer het UEA als ESPD-EDM 2.x, 3.x of 4.x; " HINT_DOCS,
                           "ESPD-EDM-versie %d.%d.%d wordt niet ondersteund (2.x t/m 4.x)",
                           v[0], v[1], v[2]);
    else {
        snprintf(e->version, sizeof e->version, "%d.%d.%d", v[0], v[1], v[2]);
        e->version_major = v[0];
    }
    free(profile);
    free(custom);
    free(scheme);
    return rc;
}

/* Does the scheme attribute of an identifier say KvK? ("KVK", "NL:KVK", ISO 6523 ICD 0106) */
static bool scheme_is_kvk(xmlNodePtr id)
{
    static const char *const attrs[] = { "schemeID", "schemeName", "schemeAgencyID" };
    bool kvk = false;
    for (size_t i = 0; i < sizeof attrs / sizeof attrs[0] && !kvk; i++) {
        char *v = tnd_xml_attr(id, attrs[i]);
        if (v) {
            for (char *p = v; *p; p++)
                if (strncasecmp(p, "kvk", 3) == 0)
                    kvk = true;
            if (strcmp(v, "0106") == 0)
                kvk = true;
        }
        free(v);
    }
    return kvk;
}

/* cac:EconomicOperatorParty/cac:Party: name and KvK number (a cbc:ID whose scheme says KvK, or
 * whose value is 8 digits). Two different KvK numbers are refused. */
static tnd_status read_party(reader *r, xmlNodePtr root)
{
    tnd_espd *e = r->e;
    xmlNodePtr party = child(child(root, NS_CAC, "EconomicOperatorParty"), NS_CAC, "Party");
    if (!party)
        return TND_OK;
    e->party_line = tnd_xml_line(party);
    char *name = cbc_text(child(party, NS_CAC, "PartyName"), "Name");
    if (!name)
        return tnd_error_nomem(r->err, r->file);
    copy_cut(e->name, sizeof e->name, name);
    free(name);
    for (xmlNodePtr pi = child(party, NS_CAC, "PartyIdentification"); pi;
         pi = next(pi, NS_CAC, "PartyIdentification")) {
        xmlNodePtr id = child(pi, NS_CBC, "ID");
        if (!id)
            continue;
        char *text = tnd_xml_text(id);
        if (!text)
            return tnd_error_nomem(r->err, r->file);
        bool says_kvk = scheme_is_kvk(id);
        char kvk[9], why[128];
        bool is_kvk = tnd_parse_kvk(r->notation, text, kvk, why, sizeof why);
        char shown[64];
        copy_cut(shown, sizeof shown, text);
        free(text);
        if (says_kvk && !is_kvk)
            return tnd_error_set(r->err, TND_ERR_VALUE, r->file, tnd_xml_line(id),
                                 "een KvK-nummer heeft 8 cijfers, bijvoorbeeld 41237788",
                                 "KvK-nummer '%s' van de ondernemer: %s", shown, why);
        if (!is_kvk) {
            /* a VAT or other national id: kept for the message, never matched as a KvK */
            char *scheme = tnd_xml_attr(id, "schemeAgencyID");
            if (!scheme)
                scheme = tnd_xml_attr(id, "schemeID");
            size_t len = strlen(e->other_ids);
            if (len + 1 < sizeof e->other_ids)
                snprintf(e->other_ids + len, sizeof e->other_ids - len, "%s%s%s%.40s%s",
                         len ? ", " : "", shown, scheme ? " (" : "", scheme ? scheme : "",
                         scheme ? ")" : "");
            free(scheme);
            continue;
        }
        if (e->kvk[0] && strcmp(e->kvk, kvk) != 0)
            return tnd_error_set(r->err, TND_ERR_VALUE, r->file, tnd_xml_line(id),
                                 "een UEA hoort bij één ondernemer; kies het juiste bestand",
                                 "twee KvK-nummers voor de ondernemer: %s en %s", e->kvk, kvk);
        memcpy(e->kvk, kvk, sizeof e->kvk);
    }
    return TND_OK;
}

/* Is property p a QUESTION with this cbc:ValueDataTypeCode? */
static bool question_of_type(xmlNodePtr p, const char *datatype)
{
    char *type = cbc_text(p, "TypeCode");
    char *data = cbc_text(p, "ValueDataTypeCode");
    bool yes = type && data && strcmp(type, "QUESTION") == 0 && strcmp(data, datatype) == 0;
    free(type);
    free(data);
    return yes;
}

/* The first QUESTION of that data type below group, in document order (into subsidiary groups).
 * Recursion is bounded by TND_XML_MAX_DEPTH, which xmlsafe enforced. */
static xmlNodePtr find_question(xmlNodePtr group, const char *datatype)
{
    for (xmlNodePtr c = group->children; c; c = c->next) {
        if (is_element(c, NS_CAC, "TenderingCriterionProperty") && question_of_type(c, datatype))
            return c;
        if (is_element(c, NS_CAC, "SubsidiaryTenderingCriterionPropertyGroup")) {
            xmlNodePtr q = find_question(c, datatype);
            if (q)
                return q;
        }
    }
    return NULL;
}

/*
 * The criterion's answer question: the first INDICATOR question ("your answer") of its own
 * property groups, or for the insurance the first AMOUNT question. cac:SubTenderingCriterion
 * (v3/v4 national sub-criteria with their own "your answer") is not the criterion's answer.
 */
static xmlNodePtr answer_question(xmlNodePtr crit, const tnd_espd_mapping *map)
{
    const char *datatype = map && map->target == TND_ESPD_INSURANCE ? "AMOUNT" : "INDICATOR";
    for (xmlNodePtr g = child(crit, NS_CAC, "TenderingCriterionPropertyGroup"); g;
         g = next(g, NS_CAC, "TenderingCriterionPropertyGroup")) {
        xmlNodePtr q = find_question(g, datatype);
        if (q)
            return q;
    }
    return NULL;
}

static tnd_status read_criterion(reader *r, xmlNodePtr node, criterion *c)
{
    c->line = tnd_xml_line(node);
    c->type_code = cbc_text(node, "CriterionTypeCode");
    c->id = cbc_text(node, "ID");
    c->name = cbc_text(node, "Name");
    if (!c->type_code || !c->id || !c->name)
        return tnd_error_nomem(r->err, r->file);
    bool contradiction;
    c->map = tnd_espd_lookup(c->type_code, c->id, &contradiction);
    if (contradiction)
        return tnd_error_set(r->err, TND_ERR_VALUE, r->file, c->line,
                             "controleer het criterium; " HINT_DOCS,
                             "criterium met code '%.96s' en UUID '%.64s' die bij verschillende "
                             "criteria horen", c->type_code, c->id);
    xmlNodePtr q = answer_question(node, c->map);
    if (q) {
        c->question = cbc_text(q, "ID");
        if (!c->question)
            return tnd_error_nomem(r->err, r->file);
        if (!c->question[0]) {
            free(c->question);
            c->question = NULL;
        }
    }
    return TND_OK;
}

static tnd_status read_criteria(reader *r, xmlNodePtr root)
{
    size_t n = 0;
    for (xmlNodePtr c = child(root, NS_CAC, "TenderingCriterion"); c;
         c = next(c, NS_CAC, "TenderingCriterion"))
        if (++n > MAX_CRITERIA)
            return tnd_error_set(r->err, TND_ERR_TOO_LARGE, r->file, tnd_xml_line(c),
                                 "een UEA heeft er veel minder; controleer of het juiste bestand "
                                 "is gekozen",
                                 "meer dan %d criteria (cac:TenderingCriterion)", MAX_CRITERIA);
    r->crit = calloc(n ? n : 1, sizeof *r->crit);
    if (!r->crit)
        return tnd_error_nomem(r->err, r->file);
    tnd_status rc = TND_OK;
    for (xmlNodePtr c = child(root, NS_CAC, "TenderingCriterion"); c && rc == TND_OK;
         c = next(c, NS_CAC, "TenderingCriterion"))
        rc = read_criterion(r, c, &r->crit[r->n_crit++]);
    /* a response names a question by its ID: two criteria with the same answer ID are ambiguous */
    for (size_t i = 0; rc == TND_OK && i < r->n_crit; i++)
        for (size_t j = i + 1; rc == TND_OK && r->crit[i].question && j < r->n_crit; j++)
            if (r->crit[j].question && strcmp(r->crit[i].question, r->crit[j].question) == 0)
                rc = tnd_error_set(r->err, TND_ERR_VALUE, r->file, r->crit[j].line,
                                   "elke vraag heeft een eigen ID; " HINT_DOCS,
                                   "de antwoordvraag '%.64s' staat ook bij het criterium op regel "
                                   "%ld: antwoorden zijn niet toe te wijzen",
                                   r->crit[j].question, r->crit[i].line);
    return rc;
}

/* xs:boolean: "true", "false", "1", "0". */
static bool parse_xs_boolean(const char *s, bool *out)
{
    if (strcmp(s, "true") == 0 || strcmp(s, "1") == 0)
        *out = true;
    else if (strcmp(s, "false") == 0 || strcmp(s, "0") == 0)
        *out = false;
    else
        return false;
    return true;
}

/* xs:decimal euro amount into cents: "2500000", "2500000.00", "+1.5"; a third decimal must be 0. */
static tnd_status parse_amount(reader *r, xmlNodePtr node, const char *s, tnd_cents *out)
{
    const char *p = s;
    if (*p == '+')
        p++;
    bool negative = *s == '-';
    if (negative)
        p++;
    long long euro = 0;
    int digits = 0, cents = 0, places = 0;
    bool ok = true, too_large = false;
    while (*p >= '0' && *p <= '9') {
        if (euro > MAX_EURO)
            too_large = true;
        else
            euro = euro * 10 + (*p - '0');
        p++;
        digits++;
    }
    if (*p == '.') {
        p++;
        while (*p >= '0' && *p <= '9') {
            if (places < 2)
                cents = cents * 10 + (*p - '0');
            else if (*p != '0')
                ok = false; /* a fraction of a cent */
            places++;
            p++;
            digits++;
        }
    }
    ok = ok && digits > 0 && *p == '\0';
    char shown[64];
    copy_cut(shown, sizeof shown, s);
    if (!ok)
        return tnd_error_set(r->err, TND_ERR_VALUE, r->file, tnd_xml_line(node),
                             "schrijf het bedrag als xs:decimal in euro, bijvoorbeeld 2500000.00",
                             "verzekerd bedrag '%s' is geen bedrag in hele centen", shown);
    if (negative || too_large || euro > MAX_EURO)
        return tnd_error_set(r->err, TND_ERR_RANGE, r->file, tnd_xml_line(node),
                             "het verzekerde bedrag ligt tussen 0 en 10^13 euro",
                             "verzekerd bedrag '%s' kan niet bedoeld zijn", shown);
    if (places == 1)
        cents *= 10;
    *out = (tnd_cents)(euro * 100 + cents);
    return TND_OK;
}

/* The answer in one cac:TenderingCriterionResponse for criterion c. */
static tnd_status read_answer(reader *r, xmlNodePtr resp, criterion *c)
{
    long line = tnd_xml_line(resp);
    bool amount = c->map && c->map->target == TND_ESPD_INSURANCE;
    const char *want = amount ? "ResponseAmount" : "ResponseIndicator";
    xmlNodePtr value = NULL;
    for (xmlNodePtr rv = child(resp, NS_CAC, "ResponseValue"); rv && !value;
         rv = next(rv, NS_CAC, "ResponseValue"))
        value = child(rv, NS_CBC, want);
    if (!value)
        return tnd_error_set(r->err, TND_ERR_VALUE, r->file, line,
                             amount ? "het antwoord staat in cac:ResponseValue/cbc:ResponseAmount"
                                    : "het antwoord staat in cac:ResponseValue/"
                                      "cbc:ResponseIndicator (true of false)",
                             "antwoord op criterium '%.96s' zonder cbc:%s", c->type_code, want);
    char *text = tnd_xml_text(value);
    if (!text)
        return tnd_error_nomem(r->err, r->file);
    tnd_status rc = TND_OK;
    if (amount) {
        char *currency = tnd_xml_attr(value, "currencyID");
        tnd_cents cents = 0;
        if (!currency || strcmp(currency, "EUR") != 0)
            rc = tnd_error_set(r->err, TND_ERR_VALUE, r->file, tnd_xml_line(value),
                               "de aanbesteding rekent in euro: currencyID=\"EUR\"",
                               "verzekerd bedrag in valuta '%.16s' in plaats van EUR",
                               currency ? currency : "(geen)");
        else
            rc = parse_amount(r, value, text, &cents);
        free(currency);
        /* per lot the amount may be answered more than once: the lowest counts (worst case) */
        if (rc == TND_OK && (!c->answered || cents < c->amount)) {
            c->amount = cents;
            c->answer_line = tnd_xml_line(value);
        }
    } else {
        bool yes;
        char shown[64];
        copy_cut(shown, sizeof shown, text);
        if (!parse_xs_boolean(text, &yes))
            rc = tnd_error_set(r->err, TND_ERR_VALUE, r->file, tnd_xml_line(value),
                               "een ja/nee-antwoord is true of false",
                               "cbc:ResponseIndicator '%s' is geen true of false", shown);
        else if (c->answered && yes != c->yes)
            rc = tnd_error_set(r->err, TND_ERR_VALUE, r->file, tnd_xml_line(value),
                               "het UEA spreekt zichzelf tegen; vraag de inschrijver om een "
                               "gecorrigeerd UEA",
                               "criterium '%.96s' is op regel %ld met '%s' en hier met '%s' "
                               "beantwoord", c->type_code, c->answer_line,
                               c->yes ? "ja" : "nee", yes ? "ja" : "nee");
        else if (!c->answered) {
            c->yes = yes;
            c->answer_line = tnd_xml_line(value);
        }
    }
    free(text);
    if (rc == TND_OK)
        c->answered = true;
    return rc;
}

static tnd_status read_responses(reader *r, xmlNodePtr root)
{
    size_t n = 0;
    tnd_status rc = TND_OK;
    for (xmlNodePtr resp = child(root, NS_CAC, "TenderingCriterionResponse"); resp && rc == TND_OK;
         resp = next(resp, NS_CAC, "TenderingCriterionResponse")) {
        if (++n > MAX_RESPONSES)
            return tnd_error_set(r->err, TND_ERR_TOO_LARGE, r->file, tnd_xml_line(resp),
                                 "een UEA heeft er veel minder; controleer of het juiste bestand "
                                 "is gekozen",
                                 "meer dan %d antwoorden (cac:TenderingCriterionResponse)",
                                 MAX_RESPONSES);
        char *prop = cbc_text(resp, "ValidatedCriterionPropertyID");
        if (!prop)
            return tnd_error_nomem(r->err, r->file);
        /* responses to other questions (dates, descriptions, evidence) are not needed here */
        for (size_t i = 0; i < r->n_crit; i++)
            if (r->crit[i].question && strcmp(r->crit[i].question, prop) == 0) {
                rc = read_answer(r, resp, &r->crit[i]);
                break;
            }
        free(prop);
    }
    return rc;
}

static void fill_listed(tnd_espd_criterion *out, const criterion *c, const char *target)
{
    copy_cut(out->type_code, sizeof out->type_code, c->type_code);
    copy_cut(out->id, sizeof out->id, c->id);
    copy_cut(out->name, sizeof out->name, c->name);
    copy_cut(out->target, sizeof out->target, target ? target : "");
    out->line = c->line;
    out->exclusion = c->map ? c->map->target == TND_ESPD_GROUND
                            : is_exclusion_code(c->type_code, c->id);
    out->has_answer = c->answered;
    out->yes = c->yes;
    out->answer_line = c->answer_line;
}

/* Sets a yes/no of deel IV or II C; the same criterion twice must agree. */
static tnd_status set_flag(reader *r, const criterion *c, bool *has, bool *value, long *line)
{
    if (*has && *value != c->yes)
        return tnd_error_set(r->err, TND_ERR_VALUE, r->file, c->answer_line,
                             "het UEA spreekt zichzelf tegen; vraag om een gecorrigeerd UEA",
                             "criterium '%.96s' is hier '%s', op regel %ld '%s'", c->type_code,
                             c->yes ? "ja" : "nee", *line, *value ? "ja" : "nee");
    *has = true;
    *value = c->yes;
    *line = c->answer_line;
    return TND_OK;
}

/* Turns the criteria read into answers, the unknown list and the unanswered list. */
static tnd_status collect(reader *r)
{
    tnd_espd *e = r->e;
    size_t n = r->n_crit ? r->n_crit : 1;
    e->answers = calloc(n, sizeof *e->answers);
    e->unknown = calloc(n, sizeof *e->unknown);
    e->unanswered = calloc(n, sizeof *e->unanswered);
    if (!e->answers || !e->unknown || !e->unanswered)
        return tnd_error_nomem(r->err, r->file);
    tnd_status rc = TND_OK;
    for (size_t i = 0; i < r->n_crit && rc == TND_OK; i++) {
        const criterion *c = &r->crit[i];
        if (!c->map) {
            fill_listed(&e->unknown[e->n_unknown++], c, NULL);
            continue;
        }
        if (!c->answered) {
            fill_listed(&e->unanswered[e->n_unanswered++], c, tnd_espd_target_code(c->map));
            continue;
        }
        switch (c->map->target) {
        case TND_ESPD_GROUND: {
            tnd_uea_answer *dup = NULL;
            for (size_t a = 0; a < e->n_answers; a++)
                if (strcmp(e->answers[a].code, c->map->ground) == 0)
                    dup = &e->answers[a];
            if (dup && dup->yes != c->yes)
                rc = tnd_error_set(r->err, TND_ERR_VALUE, r->file, c->answer_line,
                                   "het UEA spreekt zichzelf tegen; vraag om een gecorrigeerd UEA",
                                   "uitsluitingsgrond %s is hier '%s', op regel %ld '%s'",
                                   c->map->ground, c->yes ? "ja" : "nee", dup->line,
                                   dup->yes ? "ja" : "nee");
            else if (!dup) {
                tnd_uea_answer *a = &e->answers[e->n_answers++];
                copy_cut(a->code, sizeof a->code, c->map->ground);
                a->yes = c->yes;
                a->line = c->answer_line;
            }
            break;
        }
        case TND_ESPD_PART_IV:
            rc = set_flag(r, c, &e->has_part_iv, &e->part_iv_yes, &e->part_iv_line);
            break;
        case TND_ESPD_PART_IIC:
            rc = set_flag(r, c, &e->has_part_iic, &e->part_iic_yes, &e->part_iic_line);
            break;
        case TND_ESPD_INSURANCE:
            if (!e->has_insurance || c->amount < e->insurance_cover) {
                e->insurance_cover = c->amount;
                e->insurance_line = c->answer_line;
            }
            e->has_insurance = true;
            break;
        }
    }
    return rc;
}

/*
 * The ESPD-EDM generation of a response whose root does not state it, from its criterion codes:
 * 2.x codes are "CRITERION.EXCLUSION.CONVICTIONS.FRAUD", 3.x and 4.x use the EU authority table
 * ("fraud"). 4.x always states cbc:ProfileExecutionID (ESPD-EDMv4.0.0), so an unstated EU-coded
 * file is 3.x. The answers are read the same way in every generation; only the message shows it.
 */
static tnd_status infer_version(reader *r)
{
    size_t v2 = 0, eu = 0;
    for (size_t i = 0; i < r->n_crit; i++) {
        const char *code = r->crit[i].type_code ? r->crit[i].type_code : "";
        if (strncmp(code, "CRITERION.", 10) == 0)
            v2++;
        else if (code[0] && tnd_espd_lookup(code, NULL, NULL))
            eu++;
    }
    if ((v2 == 0) == (eu == 0))
        return tnd_error_set(r->err, TND_ERR_VALUE, r->file, r->version_line,
                             "exporteer het UEA opnieuw als ESPD Response (ESPD-EDM 2.x t/m 4.x); "
                             HINT_DOCS,
                             "ESPD-EDM-versie niet te bepalen: %s, en de criteriumcodes wijzen "
                             "niet op één versie (%zu met 2.x-codes CRITERION.*, %zu met "
                             "EU-codes)", r->version_note, v2, eu);
    r->e->version_major = v2 ? 2 : 3;
    snprintf(r->e->version, sizeof r->e->version, "%s", v2 ? "2.x" : "3.x");
    return TND_OK;
}

static tnd_status read_root(reader *r, xmlDocPtr doc)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    long line = tnd_xml_line(root);
    if (is_element(root, NS_REQUEST, "QualificationApplicationRequest"))
        return tnd_error_set(r->err, TND_ERR_VALUE, r->file, line,
                             "lees het UEA dat de inschrijver heeft ingevuld (ESPD Response), niet "
                             "het verzoek van de aanbestedende dienst",
                             "dit is een ESPD-verzoek (QualificationApplicationRequest), geen "
                             "ingevuld UEA");
    if (!is_element(root, NS_RESPONSE, "QualificationApplicationResponse"))
        return tnd_error_set(r->err, TND_ERR_VALUE, r->file, line,
                             "ESPD-EDM 1.x (espd:ESPDResponse) wordt niet gelezen: exporteer het "
                             "UEA als ESPD-EDM 2.x t/m 4.x; " HINT_DOCS,
                             "hoofdelement <%s> is geen QualificationApplicationResponse (UBL, "
                             "namespace ...QualificationApplicationResponse-2)",
                             (const char *)root->name);
    tnd_status rc = read_version(r, root);
    if (rc == TND_OK)
        rc = read_party(r, root);
    if (rc == TND_OK)
        rc = read_criteria(r, root);
    if (rc == TND_OK && r->e->version_major == 0)
        rc = infer_version(r);
    if (rc == TND_OK)
        rc = read_responses(r, root);
    if (rc == TND_OK)
        rc = collect(r);
    return rc;
}

static void free_criteria(reader *r)
{
    for (size_t i = 0; i < r->n_crit; i++) {
        free(r->crit[i].type_code);
        free(r->crit[i].id);
        free(r->crit[i].name);
        free(r->crit[i].question);
    }
    /* criteria after a failed one were never read: their pointers are NULL (calloc) */
    free(r->crit);
}

static tnd_status load_doc(xmlDocPtr doc, const char *name, void *result, tnd_error *err)
{
    tnd_espd **out = result; /* as tnd_xml_load_* hands it over */
    tnd_espd *e = calloc(1, sizeof *e);
    reader r = { name, err, e, NULL, NULL, 0, "", 0 };
    tnd_status rc;
    if (!e || !(r.notation = tnd_notation_new()))
        rc = tnd_error_nomem(err, name);
    else {
        copy_cut(e->file, sizeof e->file, name);
        rc = read_root(&r, doc);
    }
    free_criteria(&r);
    tnd_notation_free(r.notation);
    if (rc != TND_OK) {
        tnd_espd_free(e);
        return rc;
    }
    tnd_error_clear(err);
    *out = e;
    return TND_OK;
}

tnd_status tnd_espd_load_file(const char *path, tnd_espd **out, tnd_error *err)
{
    *out = NULL;
    return tnd_xml_load_file(path, load_doc, out, err);
}

tnd_status tnd_espd_load_memory(const char *buf, size_t len, const char *name, tnd_espd **out,
                                tnd_error *err)
{
    *out = NULL;
    return tnd_xml_load_memory(buf, len, name, load_doc, out, err);
}

void tnd_espd_free(tnd_espd *espd)
{
    if (!espd)
        return;
    free(espd->answers);
    free(espd->unknown);
    free(espd->unanswered);
    free(espd);
}

/* ------------------------------------------------------------------------------------------ */
/* Merging                                                                                     */

static const char *yes_no(bool yes)
{
    return yes ? "ja" : "nee";
}

/* The party with the ESPD's KvK number, or the bidder when the ESPD names none (or when neither
 * the ESPD's number nor any other is in the bid: then the bidder's empty number is filled). */
/* Names equal ignoring ASCII case and runs of white space ("Stichting  De Vecht" = "STICHTING
 * DE VECHT"): how a name typed in two tools differs without being another party. */
static void name_key(const char *in, char *out, size_t size)
{
    size_t n = 0;
    bool space = false;
    for (; *in && n + 2 < size; in++) {
        unsigned char c = (unsigned char)*in;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = n > 0;
            continue;
        }
        if (space)
            out[n++] = ' ';
        space = false;
        out[n++] = (char)tolower(c);
    }
    out[n] = '\0';
}

static bool same_name(const char *a, const char *b)
{
    char ka[TND_NAME_LEN * 2], kb[TND_NAME_LEN * 2];
    name_key(a, ka, sizeof ka);
    name_key(b, kb, sizeof kb);
    return ka[0] && strcmp(ka, kb) == 0;
}

/*
 * The party of a UEA without a KvK number (a foreign operator's ESPD names only a VAT id): the
 * party of the bid with the same name. A UEA whose name is no party of the bid is refused
 * (issue 10 §4): merging it would put another operator's answers into this bid. Without a name
 * either, nothing can be compared: the bidder, reported as not checked.
 */
static tnd_party *party_by_name(const tnd_espd *e, tnd_bid *bid, tnd_error *err)
{
    if (!e->name[0])
        return &bid->bidder;
    if (same_name(bid->bidder.name, e->name))
        return &bid->bidder;
    for (size_t i = 0; i < bid->n_members; i++)
        if (same_name(bid->members[i].name, e->name))
            return &bid->members[i];
    for (size_t i = 0; i < bid->n_third_parties; i++)
        if (same_name(bid->third_parties[i].name, e->name))
            return &bid->third_parties[i];
    tnd_error_set(err, TND_ERR_REFERENCE, e->file, e->party_line,
                  "kies het UEA van deze inschrijver, of van een combinatielid of derde uit de "
                  "inschrijving; staat de naam anders gespeld, vul dan in het UEA het KvK-nummer in",
                  "het UEA noemt geen KvK-nummer (wel: %.60s) en de naam '%.80s' is geen partij van "
                  "de inschrijving %s (inschrijver '%.80s'); niet samengevoegd",
                  e->other_ids[0] ? e->other_ids : "geen ander nummer", e->name, bid->file,
                  bid->bidder.name);
    return NULL;
}

static tnd_party *party_for(const tnd_espd *e, tnd_bid *bid, tnd_error *err)
{
    if (!e->kvk[0])
        return party_by_name(e, bid, err);
    if (strcmp(bid->bidder.kvk, e->kvk) == 0)
        return &bid->bidder;
    for (size_t i = 0; i < bid->n_members; i++)
        if (strcmp(bid->members[i].kvk, e->kvk) == 0)
            return &bid->members[i];
    for (size_t i = 0; i < bid->n_third_parties; i++)
        if (strcmp(bid->third_parties[i].kvk, e->kvk) == 0)
            return &bid->third_parties[i];
    if (!bid->bidder.kvk[0])
        return &bid->bidder;
    tnd_error_set(err, TND_ERR_REFERENCE, e->file, e->party_line,
                  "kies het UEA van deze inschrijver, of van een combinatielid of derde uit de "
                  "inschrijving",
                  "het UEA is van KvK %s (%.80s), maar de inschrijving %s is van KvK %s en noemt "
                  "geen partij met KvK %s", e->kvk, e->name[0] ? e->name : "naam onbekend",
                  bid->file, bid->bidder.kvk, e->kvk);
    return NULL;
}

static tnd_espd_conflict *add_conflict(tnd_espd_conflicts *out, const tnd_party *p,
                                       const char *subject, long bid_line, long espd_line)
{
    tnd_espd_conflict *c = &out->items[out->n++];
    copy_cut(c->subject, sizeof c->subject, subject);
    copy_cut(c->party, sizeof c->party, p->name[0] ? p->name : "inschrijver");
    c->bid_line = bid_line;
    c->espd_line = espd_line;
    return c;
}

static void flag_conflict(tnd_espd_conflicts *out, const tnd_party *p, const char *subject,
                          bool bid, bool espd, bool kept, long bid_line, long espd_line)
{
    tnd_espd_conflict *c = add_conflict(out, p, subject, bid_line, espd_line);
    snprintf(c->bid_value, sizeof c->bid_value, "%s", yes_no(bid));
    snprintf(c->espd_value, sizeof c->espd_value, "%s", yes_no(espd));
    snprintf(c->kept, sizeof c->kept, "%s", yes_no(kept));
}

static tnd_uea_answer *party_answer(tnd_party *p, const char *code)
{
    for (size_t i = 0; i < p->n_answers; i++)
        if (strcmp(p->answers[i].code, code) == 0)
            return &p->answers[i];
    return NULL;
}

/* Exclusion grounds: a missing answer is taken over; a different one is a conflict and "ja" (the
 * answer that can exclude, §5.2) is kept, so no exclusion is missed. */
static void merge_grounds(const tnd_espd *e, tnd_party *p, tnd_espd_conflicts *out)
{
    for (size_t i = 0; i < e->n_answers; i++) { /* the ESPD's ground codes are unique (collect) */
        const tnd_uea_answer *ea = &e->answers[i];
        tnd_uea_answer *ba = party_answer(p, ea->code);
        if (!ba) {
            p->answers[p->n_answers++] = *ea;
            out->n_filled++;
        } else if (ba->yes != ea->yes) {
            flag_conflict(out, p, ea->code, ba->yes, ea->yes, true, ba->line, ea->line);
            ba->yes = true;
        }
    }
}

tnd_status tnd_espd_merge(const tnd_espd *espd, tnd_bid *bid, tnd_espd_conflicts *conflicts,
                          tnd_error *err)
{
    memset(conflicts, 0, sizeof *conflicts);
    tnd_party *p = party_for(espd, bid, err);
    if (!p)
        return TND_ERR_REFERENCE;
    /* allocate everything first: on failure the bid is unchanged */
    conflicts->items = calloc(espd->n_answers + 3, sizeof *conflicts->items);
    if (!conflicts->items)
        return tnd_error_nomem(err, espd->file);
    size_t n_new = 0;
    for (size_t i = 0; i < espd->n_answers; i++)
        if (!party_answer(p, espd->answers[i].code))
            n_new++;
    if (n_new) {
        tnd_uea_answer *grown = realloc(p->answers, (p->n_answers + n_new) * sizeof *grown);
        if (!grown) {
            tnd_espd_conflicts_free(conflicts);
            return tnd_error_nomem(err, espd->file);
        }
        p->answers = grown;
    }

    bool had_uea = p->has_uea;
    copy_cut(conflicts->party, sizeof conflicts->party, p->name[0] ? p->name : "inschrijver");
    conflicts->kvk_checked = espd->kvk[0] && p->kvk[0];
    conflicts->name_checked = !espd->kvk[0] && espd->name[0] && p->name[0];
    if (!p->kvk[0] && espd->kvk[0])
        memcpy(p->kvk, espd->kvk, sizeof p->kvk);
    if (!p->name[0] && espd->name[0])
        copy_cut(p->name, sizeof p->name, espd->name);

    merge_grounds(espd, p, conflicts);
    if (espd->n_answers || espd->has_part_iv || espd->has_part_iic)
        p->has_uea = true;

    if (espd->has_part_iv) {
        if (!p->has_part_iv) {
            p->has_part_iv = true;
            p->part_iv_yes = espd->part_iv_yes;
            conflicts->n_filled++;
        } else if (p->part_iv_yes != espd->part_iv_yes) {
            /* deel IV "nee" fails the suitability requirements: the worse answer */
            flag_conflict(conflicts, p, "deel-iv", p->part_iv_yes, espd->part_iv_yes, false,
                          p->line, espd->part_iv_line);
            p->part_iv_yes = false;
        }
    }
    if (espd->has_part_iic) {
        /* the bid model has no "answered" flag for II C: a bid with its own <uea> answered it */
        if (!had_uea) {
            p->part_iic_yes = espd->part_iic_yes;
            conflicts->n_filled++;
        } else if (p->part_iic_yes != espd->part_iic_yes) {
            /* II C "ja" makes the reliance rules apply (§5.4 L1477-1479): the stricter answer */
            flag_conflict(conflicts, p, "deel-iic", p->part_iic_yes, espd->part_iic_yes, true,
                          p->line, espd->part_iic_line);
            p->part_iic_yes = true;
        }
    }
    if (espd->has_insurance) {
        if (!p->has_insurance) {
            p->has_insurance = true;
            p->insurance_cover = espd->insurance_cover;
            p->insurance_line = espd->insurance_line;
            conflicts->n_filled++;
        } else if (p->insurance_cover != espd->insurance_cover) {
            tnd_cents kept = p->insurance_cover < espd->insurance_cover ? p->insurance_cover
                                                                        : espd->insurance_cover;
            tnd_espd_conflict *c = add_conflict(conflicts, p, "verzekering", p->insurance_line,
                                                espd->insurance_line);
            tnd_cents_nl(p->insurance_cover, c->bid_value);
            tnd_cents_nl(espd->insurance_cover, c->espd_value);
            tnd_cents_nl(kept, c->kept);
            p->insurance_cover = kept;
        }
    }
    tnd_error_clear(err);
    return TND_OK;
}

void tnd_espd_conflicts_free(tnd_espd_conflicts *c)
{
    if (!c)
        return;
    free(c->items);
    memset(c, 0, sizeof *c);
}

bool tnd_espd_needs_review(const tnd_espd *espd, const tnd_espd_conflicts *conflicts)
{
    if (conflicts && conflicts->n)
        return true;
    for (size_t i = 0; espd && i < espd->n_unknown; i++)
        if (espd->unknown[i].exclusion && espd->unknown[i].has_answer && espd->unknown[i].yes)
            return true;
    return false;
}

/* ------------------------------------------------------------------------------------------ */
/* Messages                                                                                    */

/* "uitsluitingsgrond fraud (deel IIIA)", "UEA deel IV (alle geschiktheidseisen)", ... */
static void subject_text(const char *subject, char *buf, size_t size)
{
    const tnd_espd_mapping *m = by_ground(subject);
    if (m)
        snprintf(buf, size, "uitsluitingsgrond %s (deel %s)", subject, m->part);
    else if (strcmp(subject, "deel-iv") == 0)
        snprintf(buf, size, "UEA deel IV (voldoet aan alle geschiktheidseisen)");
    else if (strcmp(subject, "deel-iic") == 0)
        snprintf(buf, size, "UEA deel II C (beroep op de draagkracht van derden)");
    else if (strcmp(subject, "verzekering") == 0)
        snprintf(buf, size, "verzekerd bedrag per gebeurtenis");
    else
        snprintf(buf, size, "%s", subject);
}

void tnd_espd_conflict_text(const tnd_espd_conflict *c, const char *bid_file,
                            const char *espd_file, char *buf, size_t size)
{
    char what[128];
    subject_text(c->subject, what, sizeof what);
    snprintf(buf, size,
             "tegenstrijdig: %s, %s: inschrijving %s:%ld '%s', UEA %s:%ld '%s'; aangehouden: "
             "'%s' (het zwaarste), de Opdrachtgever beoordeelt",
             c->party, what, bid_file ? bid_file : "", c->bid_line, c->bid_value,
             espd_file ? espd_file : "", c->espd_line, c->espd_value, c->kept);
}

void tnd_espd_criterion_text(const tnd_espd_criterion *c, bool unknown, const char *espd_file,
                             char *buf, size_t size)
{
    const char *file = espd_file ? espd_file : "";
    const char *code = c->type_code[0] ? c->type_code : "(geen CriterionTypeCode)";
    if (!unknown) {
        char what[128];
        subject_text(c->target, what, sizeof what);
        snprintf(buf, size,
                 "UEA %s:%ld: geen antwoord op %s (%s); het antwoord in de inschrijving blijft "
                 "gelden", file, c->line, code, what);
        return;
    }
    char answer[48] = "niet beantwoord";
    if (c->has_answer)
        snprintf(answer, sizeof answer, "beantwoord met '%s' (regel %ld)", yes_no(c->yes),
                 c->answer_line);
    snprintf(buf, size,
             "UEA %s:%ld: criterium niet herkend en niet overgenomen: %s [%s] '%s'%s, %s%s", file,
             c->line, code, c->id[0] ? c->id : "geen ID", c->name,
             c->exclusion ? ", een uitsluitingsgrond" : "", answer,
             c->exclusion && c->has_answer && c->yes ? "; de Opdrachtgever beoordeelt" : "");
}
