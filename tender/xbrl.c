/*
 * xbrl.c - reading an SBR annual-account instance (XBRL 2.1, Nederlandse Taxonomie) and merging
 * its Bijlage XVI figures into a bid (see xbrl.h and docs/xbrl-import.md).
 *
 * Layers, as in bid.c and espd.c: xmlsafe refuses unsafe or oversized XML; this file then reads
 * only what it needs by namespace and local name: contexts (entity, period, dimensions), units,
 * and the facts that are children of xbrli:xbrl. The taxonomy itself is not loaded (no network,
 * no DTS discovery): the concepts are known by the table below, and everything else is listed.
 */
#include "tender/xbrl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/tree.h>

#include "tender/notation.h"
#include "tender/xmlsafe.h"

#define NS_XBRLI "http://www.xbrl.org/2003/instance"
#define NS_LINK "http://www.xbrl.org/2003/linkbase"
#define NS_XLINK "http://www.w3.org/1999/xlink"
#define NS_XBRLDI "http://xbrl.org/2006/xbrldi"
#define NS_ISO4217 "http://www.xbrl.org/2003/iso4217"
#define NS_XSI "http://www.w3.org/2001/XMLSchema-instance"
#define NS_XHTML "http://www.w3.org/1999/xhtml"

/* Limits: a real annual account has a few hundred facts and a few dozen contexts. */
#define MAX_CONTEXTS 10000
#define MAX_UNITS 1000
#define MAX_FACTS 20000
#define MAX_TAKEN 1000            /* facts of the seven Bijlage XVI concepts */
#define MAX_EURO 10000000000000LL /* 10^13 euro: no amount in a bid means more (bid.h) */

#define HINT_DOCS "het verwachte formaat staat in docs/xbrl-import.md"

/* ------------------------------------------------------------------------------------------ */
/* The mapping table                                                                           */

/*
 * Concept names of the NT dictionary jenv-bw2-data (BW2 titel 9), the same local names in every
 * NT release (the namespace URI changes: .../nt16/jenv/20211208/dictionary/jenv-bw2-data for the
 * 2021 annual accounts). Where they were found:
 *  - Assets, AssetsCurrent, CashAndCashEquivalents, Equity, LiabilitiesCurrent: the KvK balance
 *    sheet presentation linkbase of the NT (kvk-balance-sheet-education-pre.xml, NT11 20170419,
 *    concepts of venj-bw2-data, the dictionary's name before it became jenv-bw2-data in NT13;
 *    test resources of github.com/dvreeze/tqa), and the NT calculation linkbase of the micro
 *    balance sheet (jenv-bw2-i_Assets = AssetsCurrent + AssetsNoncurrent + ...). Assets is declared
 *    with xbrli:periodType="instant" (jenv-bw2-data.xsd).
 *  - NetResultAfterTax: the KvK statement of comprehensive income (venj-bw2-i:NetResultAfterTax,
 *    tests of github.com/dvreeze/xbrl) and the 2024+ filer taxonomy bw2-titel9:NetResultAfterTax.
 *  - NetRevenue: an NT19 KvK micro instance (jenv-bw2-i:NetRevenue, duration context).
 * The lines are those of Bijlage XVI as the definition names them (§5.3.1 L1338-1393,
 * <financial> in the IJsselland definition). Instances of the care-institution entry point
 * (kvk-rpt-jaarverantwoording-2021-nlgaap-zorginstellingen.xsd, NT16 20211208, listed in Arelle's
 * validate/NL plugin) are read through the same concepts; a care-specific concept for the
 * "bedrijfsopbrengsten" of the RJ 655 model could not be confirmed and is not mapped. Not in the
 * table, and so listed when met: the suggested spellings CurrentAssets, ShorttermDebts,
 * RevenueNetto, ResultAfterTax (no such concepts found).
 */
static const tnd_xbrl_mapping mappings[] = {
    { "NetResultAfterTax", "resultaat", TND_XBRL_DURATION, "Resultaat na belastingen" },
    { "NetRevenue", "omzet", TND_XBRL_DURATION, "Netto-omzet" },
    { "Equity", "eigen-vermogen", TND_XBRL_INSTANT, "Eigen vermogen" },
    { "Assets", "activa", TND_XBRL_INSTANT, "Activa (totaal)" },
    { "AssetsCurrent", "vlottende-activa", TND_XBRL_INSTANT, "Vlottende activa" },
    { "CashAndCashEquivalents", "liquide-middelen", TND_XBRL_INSTANT, "Liquide middelen" },
    { "LiabilitiesCurrent", "kortlopende-schulden", TND_XBRL_INSTANT, "Kortlopende schulden" },
};

#define N_MAPPINGS (sizeof mappings / sizeof mappings[0])

const tnd_xbrl_mapping *tnd_xbrl_mappings(size_t *n)
{
    if (n)
        *n = N_MAPPINGS;
    return mappings;
}

bool tnd_xbrl_is_jenv_namespace(const char *uri)
{
    return uri && strstr(uri, "/jenv/") && strstr(uri, "jenv-bw2");
}

bool tnd_xbrl_is_common_data_namespace(const char *uri)
{
    static const char host[] = "http://www.nltaxonomie.nl/nt";
    static const char tail[] = "/dictionary/nl-common-data";
    size_t len = uri ? strlen(uri) : 0;
    return len > sizeof host + sizeof tail && strncmp(uri, host, sizeof host - 1) == 0 &&
           strcmp(uri + len - (sizeof tail - 1), tail) == 0;
}

const tnd_xbrl_mapping *tnd_xbrl_lookup(const char *namespace_uri, const char *local_name)
{
    if (!tnd_xbrl_is_jenv_namespace(namespace_uri) || !local_name)
        return NULL;
    for (size_t i = 0; i < N_MAPPINGS; i++)
        if (strcmp(local_name, mappings[i].concept) == 0)
            return &mappings[i];
    return NULL;
}

const char *tnd_xbrl_statements_name(tnd_xbrl_statements s)
{
    switch (s) {
    case TND_XBRL_SEPARATE:
        return "enkelvoudig";
    case TND_XBRL_CONSOLIDATED:
        return "geconsolideerd";
    case TND_XBRL_STATEMENTS_DEFAULT:
        break;
    }
    return "";
}

/* ------------------------------------------------------------------------------------------ */
/* Small helpers                                                                               */

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

/* copy_cut, with control characters (a newline in a name) replaced by spaces: text from the file
 * goes into one-line messages. */
static void clean_in_place(char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7f)
            *s = ' ';
}

static void copy_clean(char *dst, size_t size, const char *src)
{
    copy_cut(dst, size, src);
    clean_in_place(dst);
}

static bool in_namespace(xmlNodePtr n, const char *ns)
{
    return n && n->ns && xmlStrEqual(n->ns->href, BAD_CAST ns);
}

static bool is_element(xmlNodePtr n, const char *ns, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST name) &&
           in_namespace(n, ns);
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

/* "prefix:local" as written in the document. */
static void qname_of(xmlNodePtr n, char *buf, size_t size)
{
    char tmp[TND_XBRL_NAME_LEN * 2];
    if (n->ns && n->ns->prefix)
        snprintf(tmp, sizeof tmp, "%s:%s", (const char *)n->ns->prefix, (const char *)n->name);
    else
        snprintf(tmp, sizeof tmp, "%s", (const char *)n->name);
    copy_cut(buf, size, tmp);
}

/* Resolves a QName written as element text or attribute value ("iso4217:EUR") at node n: the
 * namespace URI (NULL when the prefix is not declared) and a pointer to the local part. */
static const char *resolve_qname(xmlNodePtr n, const char *qname, const char **local)
{
    const char *colon = strchr(qname, ':');
    xmlNsPtr ns;
    if (colon) {
        char prefix[128];
        size_t len = (size_t)(colon - qname);
        if (len >= sizeof prefix)
            return NULL;
        memcpy(prefix, qname, len);
        prefix[len] = '\0';
        ns = xmlSearchNs(n->doc, n, BAD_CAST prefix);
        *local = colon + 1;
    } else {
        ns = xmlSearchNs(n->doc, n, NULL);
        *local = qname;
    }
    return ns ? (const char *)ns->href : NULL;
}

bool tnd_xbrl_parse_euros(const char *text, tnd_cents *out, char *why, size_t why_size)
{
    const char *p = text;
    bool negative = false;
    if (*p == '+' || *p == '-')
        negative = *p++ == '-';
    long long euro = 0;
    int digits = 0, cents = 0, places = 0;
    bool too_large = false, fraction_of_cent = false;
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
                fraction_of_cent = true;
            places++;
            p++;
            digits++;
        }
    }
    const char *problem = NULL;
    if (digits == 0 || *p != '\0')
        problem = "geen xs:decimal: alleen cijfers, eventueel een teken en een decimale punt, "
                  "zonder duizendtallen, spaties of exponent";
    else if (fraction_of_cent)
        problem = "een fractie van een cent (meer dan twee decimalen die niet nul zijn)";
    else if (too_large || euro > MAX_EURO || (euro == MAX_EURO && cents > 0))
        problem = "meer dan 10^13 euro";
    if (problem) {
        if (why && why_size)
            snprintf(why, why_size, "%s", problem);
        return false;
    }
    if (places == 1)
        cents *= 10;
    tnd_cents v = (tnd_cents)(euro * 100 + cents);
    *out = negative ? -v : v;
    return true;
}

/* Does s contain needle, ignoring ASCII case? */
static bool contains_nocase(const char *s, const char *needle)
{
    size_t n = strlen(needle);
    for (; *s; s++)
        if (strncasecmp(s, needle, n) == 0)
            return true;
    return false;
}

/* "INF" or an integer ("-3", "0", "2"). */
static bool valid_decimals(const char *s)
{
    if (strcmp(s, "INF") == 0)
        return true;
    if (*s == '-' || *s == '+')
        s++;
    if (!*s || strlen(s) > 9)
        return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

/* "INF" or a non-negative integer. */
static bool valid_precision(const char *s)
{
    if (strcmp(s, "INF") == 0)
        return true;
    if (!*s || strlen(s) > 9)
        return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

/* xs:date "2021-12-31", optionally with a time zone ("Z", "+01:00"); a time of day is refused. */
static bool parse_xs_date(const char *s, tnd_date *out)
{
    int y = 0, m = 0, d = 0;
    for (int i = 0; i < 10; i++) {
        char c = s[i];
        bool dash = i == 4 || i == 7;
        if (dash ? c != '-' : (c < '0' || c > '9'))
            return false;
    }
    for (int i = 0; i < 4; i++)
        y = y * 10 + (s[i] - '0');
    m = (s[5] - '0') * 10 + (s[6] - '0');
    d = (s[8] - '0') * 10 + (s[9] - '0');
    const char *tz = s + 10;
    bool tz_ok = *tz == '\0' || strcmp(tz, "Z") == 0 ||
                 ((tz[0] == '+' || tz[0] == '-') && strlen(tz) == 6 && tz[3] == ':');
    out->year = y;
    out->month = m;
    out->day = d;
    return tz_ok && tnd_date_valid(*out);
}

/* ------------------------------------------------------------------------------------------ */
/* Reading                                                                                     */

typedef struct {
    char *id;                     /* malloc'd */
    long line;
    int year;                     /* 0: the period is not a financial year ending 31-12 */
    bool instant;                 /* else duration (or forever: year 0) */
    char period[64];              /* "31-12-2021", "01-01-2021 t/m 31-12-2021", "forever" */
    char period_problem[TND_XBRL_DETAIL_LEN];
    tnd_xbrl_statements statements;
    char dim_problem[160]; /* "" when the dimensions are acceptable */
} xcontext;

typedef struct {
    char *id;                     /* malloc'd */
    long line;
    bool eur;
    char measure[64];             /* "iso4217:USD", "xbrli:pure", "samengesteld (divide)" */
} unit;

typedef struct {
    const char *file;
    tnd_error *err;
    tnd_xbrl *x;
    tnd_notation *notation;
    xcontext *ctx;
    size_t n_ctx;
    unit *units;
    size_t n_units;
    size_t cap_facts, cap_issues;
    long kvk_from_fact_line;
} reader;

static int cmp_context(const void *a, const void *b)
{
    return strcmp(((const xcontext *)a)->id, ((const xcontext *)b)->id);
}

static int cmp_unit(const void *a, const void *b)
{
    return strcmp(((const unit *)a)->id, ((const unit *)b)->id);
}

static const xcontext *find_context(const reader *r, const char *id)
{
    xcontext key = { .id = (char *)id };
    return r->n_ctx ? bsearch(&key, r->ctx, r->n_ctx, sizeof *r->ctx, cmp_context) : NULL;
}

static const unit *find_unit(const reader *r, const char *id)
{
    unit key = { .id = (char *)id };
    return r->n_units ? bsearch(&key, r->units, r->n_units, sizeof *r->units, cmp_unit) : NULL;
}

/* Sets the instance's KvK number; a second, different one is refused. */
static tnd_status set_kvk(reader *r, xmlNodePtr node, const char *text, bool says_kvk)
{
    char kvk[9], why[128], shown[64];
    copy_cut(shown, sizeof shown, text);
    if (!tnd_parse_kvk(r->notation, text, kvk, why, sizeof why)) {
        if (!says_kvk)
            return TND_OK;
        return tnd_error_set(r->err, TND_ERR_VALUE, r->file, tnd_xml_line(node),
                             "een KvK-nummer heeft 8 cijfers, bijvoorbeeld 41237788",
                             "KvK-nummer '%s' van de rechtspersoon: %s", shown, why);
    }
    tnd_xbrl *x = r->x;
    if (x->kvk[0] && strcmp(x->kvk, kvk) != 0)
        return tnd_error_set(r->err, TND_ERR_VALUE, r->file, tnd_xml_line(node),
                             "een jaarrekening hoort bij één rechtspersoon; kies het juiste "
                             "bestand",
                             "twee KvK-nummers in één jaarrekening: %s (regel %ld) en %s", x->kvk,
                             x->kvk_line, kvk);
    if (!x->kvk[0]) {
        memcpy(x->kvk, kvk, sizeof x->kvk);
        x->kvk_line = tnd_xml_line(node);
    }
    return TND_OK;
}

static tnd_status read_entity(reader *r, xmlNodePtr entity)
{
    xmlNodePtr id = child(entity, NS_XBRLI, "identifier");
    if (!id)
        return tnd_error_set(r->err, TND_ERR_VALUE, r->file, tnd_xml_line(entity),
                             "een context heeft <xbrli:identifier scheme=\"http://www.kvk.nl/"
                             "kvk-id\">KvK-nummer</xbrli:identifier>; " HINT_DOCS,
                             "xbrli:entity zonder xbrli:identifier");
    char *scheme = tnd_xml_attr(id, "scheme");
    char *text = tnd_xml_text(id);
    tnd_status rc = TND_OK;
    if (!text)
        rc = tnd_error_nomem(r->err, r->file);
    else if (scheme && contains_nocase(scheme, "kvk"))
        rc = set_kvk(r, id, text, true);
    free(scheme);
    free(text);
    return rc;
}

/* One xbrldi:explicitMember: the statements axis and a commercial basis are accepted. */
static void read_explicit_member(xmlNodePtr m, xcontext *c, bool *seen_statements)
{
    char *dim = tnd_xml_attr(m, "dimension");
    char *member = tnd_xml_text(m);
    const char *dim_local = "", *member_local = "";
    const char *dim_ns = dim ? resolve_qname(m, dim, &dim_local) : NULL;
    const char *member_ns = member ? resolve_qname(m, member, &member_local) : NULL;
    bool jenv = dim_ns && strstr(dim_ns, "jenv-bw2") && member_ns && strstr(member_ns, "jenv-bw2");
    if (jenv && strcmp(dim_local, "FinancialStatementsTypeAxis") == 0 && !*seen_statements &&
        (strcmp(member_local, "SeparateMember") == 0 ||
         strcmp(member_local, "ConsolidatedMember") == 0)) {
        c->statements = member_local[0] == 'S' ? TND_XBRL_SEPARATE : TND_XBRL_CONSOLIDATED;
        *seen_statements = true;
    } else if (jenv && strcmp(dim_local, "BasisOfPreparationAxis") == 0 &&
               strcmp(member_local, "CommercialMember") == 0) {
        /* the commercial annual account (jaarrekening): the figures Bijlage XVI asks for */
    } else if (!c->dim_problem[0]) {
        if (jenv && strcmp(member_local, "FiscalMember") == 0)
            snprintf(c->dim_problem, sizeof c->dim_problem,
                     "fiscale grondslag (%.50s = %.50s), niet de commerciële jaarrekening",
                     dim ? dim : "", member ? member : "");
        else
            snprintf(c->dim_problem, sizeof c->dim_problem, "dimensie %.70s = %.70s",
                     dim ? dim : "(geen)", member ? member : "");
    }
    free(dim);
    free(member);
}

/* xbrli:segment / xbrli:scenario: which statements, and whether anything else narrows it. */
static void read_dimensions(xmlNodePtr holder, xcontext *c, bool *seen_statements)
{
    for (xmlNodePtr m = holder ? holder->children : NULL; m; m = m->next) {
        if (m->type != XML_ELEMENT_NODE)
            continue;
        if (is_element(m, NS_XBRLDI, "explicitMember")) {
            read_explicit_member(m, c, seen_statements);
        } else if (!c->dim_problem[0]) {
            char name[TND_XBRL_NAME_LEN];
            qname_of(m, name, sizeof name);
            if (is_element(m, NS_XBRLDI, "typedMember")) {
                char *dim = tnd_xml_attr(m, "dimension");
                snprintf(c->dim_problem, sizeof c->dim_problem, "getypeerde dimensie %.100s",
                         dim ? dim : "(geen)");
                free(dim);
            } else {
                snprintf(c->dim_problem, sizeof c->dim_problem, "%s bevat <%.100s>",
                         (const char *)holder->name, name);
            }
        }
    }
}

static void read_period(xmlNodePtr period, xcontext *c)
{
    xmlNodePtr instant = child(period, NS_XBRLI, "instant");
    xmlNodePtr start = child(period, NS_XBRLI, "startDate");
    xmlNodePtr end = child(period, NS_XBRLI, "endDate");
    char *a = instant ? tnd_xml_text(instant) : start ? tnd_xml_text(start) : NULL;
    char *b = end ? tnd_xml_text(end) : NULL;
    tnd_date da = { 0, 0, 0 }, db = { 0, 0, 0 };
    bool ok_a = a && parse_xs_date(a, &da), ok_b = b && parse_xs_date(b, &db);
    if (instant) {
        c->instant = true;
        if (!ok_a) {
            snprintf(c->period, sizeof c->period, "%.40s", a ? a : "");
            snprintf(c->period_problem, sizeof c->period_problem,
                     "balansdatum '%s' is geen datum (jjjj-mm-dd)", c->period);
        } else {
            tnd_date_nl(da, c->period);
            if (da.month == 12 && da.day == 31)
                c->year = da.year;
            else
                snprintf(c->period_problem, sizeof c->period_problem,
                         "balansdatum %s is geen 31 december (gebroken boekjaar): niet "
                         "automatisch aan een jaar van bijlage XVI toegekend", c->period);
        }
    } else if (start && end) {
        if (!ok_a || !ok_b) {
            snprintf(c->period, sizeof c->period, "%.25s t/m %.25s", a ? a : "", b ? b : "");
            snprintf(c->period_problem, sizeof c->period_problem,
                     "periode '%s' bestaat niet uit twee datums (jjjj-mm-dd)", c->period);
        } else {
            char sa[11], sb[11];
            tnd_date_nl(da, sa);
            tnd_date_nl(db, sb);
            snprintf(c->period, sizeof c->period, "%s t/m %s", sa, sb);
            if (da.year == db.year && da.month == 1 && da.day == 1 && db.month == 12 &&
                db.day == 31)
                c->year = db.year;
            else
                snprintf(c->period_problem, sizeof c->period_problem,
                         "periode %s is geen boekjaar van 1 januari t/m 31 december: niet "
                         "automatisch aan een jaar van bijlage XVI toegekend", c->period);
        }
    } else {
        snprintf(c->period, sizeof c->period, "%s",
                 child(period, NS_XBRLI, "forever") ? "forever" : "(leeg)");
        snprintf(c->period_problem, sizeof c->period_problem,
                 "periode '%s' is geen boekjaar", c->period);
    }
    free(a);
    free(b);
}

/* The id attribute of an xbrli:context or xbrli:unit, malloc'd into *id; refused when absent. */
static tnd_status read_id(reader *r, xmlNodePtr node, char **id, long *line)
{
    *line = tnd_xml_line(node);
    *id = tnd_xml_attr(node, "id");
    if (!*id)
        return tnd_error_set(r->err, TND_ERR_VALUE, r->file, *line, HINT_DOCS,
                             "xbrli:%s zonder id", (const char *)node->name);
    return TND_OK;
}

static tnd_status read_context(reader *r, xmlNodePtr node, xcontext *c)
{
    tnd_status rc = read_id(r, node, &c->id, &c->line);
    if (rc != TND_OK)
        return rc;
    xmlNodePtr entity = child(node, NS_XBRLI, "entity");
    xmlNodePtr period = child(node, NS_XBRLI, "period");
    if (!entity || !period)
        return tnd_error_set(r->err, TND_ERR_VALUE, r->file, c->line,
                             "een context heeft xbrli:entity en xbrli:period; " HINT_DOCS,
                             "context '%.64s' zonder %s", c->id,
                             entity ? "xbrli:period" : "xbrli:entity");
    rc = read_entity(r, entity);
    if (rc != TND_OK)
        return rc;
    read_period(period, c);
    bool seen_statements = false;
    read_dimensions(child(entity, NS_XBRLI, "segment"), c, &seen_statements);
    read_dimensions(child(node, NS_XBRLI, "scenario"), c, &seen_statements);
    clean_in_place(c->period);
    clean_in_place(c->period_problem);
    clean_in_place(c->dim_problem);
    return TND_OK;
}

static tnd_status read_unit(reader *r, xmlNodePtr node, unit *u)
{
    tnd_status rc = read_id(r, node, &u->id, &u->line);
    if (rc != TND_OK)
        return rc;
    xmlNodePtr measure = child(node, NS_XBRLI, "measure");
    if (!measure || next(measure, NS_XBRLI, "measure")) {
        snprintf(u->measure, sizeof u->measure, "%s",
                 measure ? "samengesteld (meer measures)" : "samengesteld (divide)");
        return TND_OK;
    }
    char *text = tnd_xml_text(measure);
    if (!text)
        return tnd_error_nomem(r->err, r->file);
    const char *local = "";
    const char *ns = resolve_qname(measure, text, &local);
    copy_clean(u->measure, sizeof u->measure, text);
    u->eur = ns && strcmp(ns, NS_ISO4217) == 0 && strcmp(local, "EUR") == 0;
    free(text);
    return TND_OK;
}

/* Counts the root's children named ns:name, refusing more than max. */
static tnd_status count_children(reader *r, xmlNodePtr root, const char *name, size_t max,
                                 const char *what, size_t *n)
{
    *n = 0;
    for (xmlNodePtr c = child(root, NS_XBRLI, name); c; c = next(c, NS_XBRLI, name))
        if (++*n > max)
            return tnd_error_set(r->err, TND_ERR_TOO_LARGE, r->file, tnd_xml_line(c),
                                 "een jaarrekening heeft er veel minder; controleer of het "
                                 "juiste bestand is gekozen",
                                 "meer dan %zu %s", max, what);
    return TND_OK;
}

static tnd_status read_contexts_and_units(reader *r, xmlNodePtr root)
{
    size_t n_ctx, n_units;
    tnd_status rc = count_children(r, root, "context", MAX_CONTEXTS, "contexten", &n_ctx);
    if (rc == TND_OK)
        rc = count_children(r, root, "unit", MAX_UNITS, "eenheden", &n_units);
    if (rc != TND_OK)
        return rc;
    r->ctx = calloc(n_ctx ? n_ctx : 1, sizeof *r->ctx);
    r->units = calloc(n_units ? n_units : 1, sizeof *r->units);
    if (!r->ctx || !r->units)
        return tnd_error_nomem(r->err, r->file);
    for (xmlNodePtr c = child(root, NS_XBRLI, "context"); c && rc == TND_OK;
         c = next(c, NS_XBRLI, "context"))
        rc = read_context(r, c, &r->ctx[r->n_ctx++]);
    for (xmlNodePtr u = child(root, NS_XBRLI, "unit"); u && rc == TND_OK;
         u = next(u, NS_XBRLI, "unit"))
        rc = read_unit(r, u, &r->units[r->n_units++]);
    if (rc != TND_OK)
        return rc;
    qsort(r->ctx, r->n_ctx, sizeof *r->ctx, cmp_context);
    qsort(r->units, r->n_units, sizeof *r->units, cmp_unit);
    for (size_t i = 1; i < r->n_ctx; i++)
        if (strcmp(r->ctx[i - 1].id, r->ctx[i].id) == 0)
            return tnd_error_set(r->err, TND_ERR_VALUE, r->file, r->ctx[i].line,
                                 "elke context heeft een eigen id",
                                 "context-id '%.64s' komt twee keer voor (ook regel %ld)",
                                 r->ctx[i].id, r->ctx[i - 1].line);
    for (size_t i = 1; i < r->n_units; i++)
        if (strcmp(r->units[i - 1].id, r->units[i].id) == 0)
            return tnd_error_set(r->err, TND_ERR_VALUE, r->file, r->units[i].line,
                                 "elke eenheid heeft een eigen id",
                                 "unit-id '%.64s' komt twee keer voor (ook regel %ld)",
                                 r->units[i].id, r->units[i - 1].line);
    return TND_OK;
}

/* Appends one zeroed element of `size` bytes to the array *arr of *n elements (capacity *cap,
 * doubled when full); NULL when out of memory, the array then unchanged. */
static void *append(void **arr, size_t *n, size_t *cap, size_t size)
{
    if (*n == *cap) {
        size_t grown_cap = *cap ? *cap * 2 : 16;
        void *grown = realloc(*arr, grown_cap * size);
        if (!grown)
            return NULL;
        *arr = grown;
        *cap = grown_cap;
    }
    char *slot = (char *)*arr + (*n)++ * size;
    memset(slot, 0, size);
    return slot;
}

static tnd_xbrl_issue *add_issue(reader *r, tnd_xbrl_issue_kind kind, xmlNodePtr fact,
                                 const char *context_id, const char *value)
{
    tnd_xbrl *x = r->x;
    void *base = x->issues;
    tnd_xbrl_issue *i = append(&base, &x->n_issues, &r->cap_issues, sizeof *i);
    x->issues = base;
    if (!i)
        return NULL;
    i->kind = kind;
    qname_of(fact, i->concept, sizeof i->concept);
    copy_clean(i->context, sizeof i->context, context_id);
    copy_clean(i->value, sizeof i->value, value ? value : "");
    i->line = tnd_xml_line(fact);
    return i;
}

static tnd_xbrl_fact *add_fact(reader *r)
{
    tnd_xbrl *x = r->x;
    void *base = x->facts;
    tnd_xbrl_fact *f = append(&base, &x->n_facts, &r->cap_facts, sizeof *f);
    x->facts = base;
    return f;
}

/* Attributes of one numeric fact, malloc'd (NULL when absent). */
typedef struct {
    char *context, *unit, *decimals, *precision, *value;
} fact_attrs;

static void free_attrs(fact_attrs *a)
{
    free(a->context);
    free(a->unit);
    free(a->decimals);
    free(a->precision);
    free(a->value);
}

/* decimals / precision as XBRL 2.1 §4.6.3 requires for a non-nil numeric fact. */
static tnd_status check_accuracy(reader *r, xmlNodePtr node, const fact_attrs *a, bool nil)
{
    const char *hint = "een bedrag heeft decimals=\"INF\", decimals=\"0\" of bijvoorbeeld "
                       "decimals=\"-3\" (afgerond op duizenden)";
    long line = tnd_xml_line(node);
    if (nil)
        return TND_OK;
    if (a->decimals && a->precision)
        return tnd_error_set(r->err, TND_ERR_VALUE, r->file, line, hint,
                             "feit met zowel decimals als precision");
    if (!a->decimals && !a->precision)
        return tnd_error_set(r->err, TND_ERR_VALUE, r->file, line, hint,
                             "numeriek feit zonder decimals (of precision)");
    if (a->decimals && !valid_decimals(a->decimals))
        return tnd_error_set(r->err, TND_ERR_VALUE, r->file, line, hint,
                             "decimals=\"%.16s\" is geen INF of geheel getal", a->decimals);
    if (a->precision && !valid_precision(a->precision))
        return tnd_error_set(r->err, TND_ERR_VALUE, r->file, line, hint,
                             "precision=\"%.16s\" is geen INF of niet-negatief geheel getal",
                             a->precision);
    return TND_OK;
}

/* Stores a fact of a mapped concept; a precision attribute is noted, not used. */
static tnd_status take_fact(reader *r, xmlNodePtr node, const tnd_xbrl_mapping *map,
                            const fact_attrs *a, const xcontext *c, tnd_cents cents)
{
    if (r->x->n_facts >= MAX_TAKEN)
        return tnd_error_set(r->err, TND_ERR_TOO_LARGE, r->file, tnd_xml_line(node),
                             "een jaarrekening heeft er veel minder; controleer het bestand",
                             "meer dan %d feiten voor de regels van bijlage XVI", MAX_TAKEN);
    tnd_xbrl_fact *f = add_fact(r);
    if (!f)
        return tnd_error_nomem(r->err, r->file);
    qname_of(node, f->concept, sizeof f->concept);
    f->map = map;
    snprintf(f->item, sizeof f->item, "%s", map->item);
    f->year = c->year;
    f->cents = cents;
    copy_cut(f->value, sizeof f->value, a->value);
    copy_cut(f->decimals, sizeof f->decimals, a->decimals ? a->decimals : "");
    copy_clean(f->context, sizeof f->context, c->id);
    f->statements = c->statements;
    f->line = tnd_xml_line(node);
    if (!a->precision)
        return TND_OK;
    tnd_xbrl_issue *issue = add_issue(r, TND_XBRL_PRECISION_IGNORED, node, c->id, a->value);
    if (!issue)
        return tnd_error_nomem(r->err, r->file);
    snprintf(issue->detail, sizeof issue->detail,
             "precision=\"%.16s\" in plaats van decimals: genegeerd, de waarde is overgenomen "
             "zoals geschreven", a->precision);
    return TND_OK;
}

/* A fact of a mapped concept: taken, or listed with the reason it is not. */
static tnd_status read_mapped_fact(reader *r, xmlNodePtr node, const tnd_xbrl_mapping *map,
                                   const fact_attrs *a, const xcontext *c, const unit *u,
                                   bool nil)
{
    tnd_cents cents = 0;
    if (!nil) {
        char why[160];
        if (!tnd_xbrl_parse_euros(a->value, &cents, why, sizeof why)) {
            char shown[48];
            copy_clean(shown, sizeof shown, a->value);
            bool range = strstr(why, "10^13") != NULL;
            return tnd_error_set(r->err, range ? TND_ERR_RANGE : TND_ERR_VALUE, r->file,
                                 tnd_xml_line(node),
                                 "een bedrag in een XBRL-instantie is een xs:decimal in euro, "
                                 "bijvoorbeeld 1234567.89",
                                 "waarde '%s' van %s: %s", shown, map->concept, why);
        }
    }
    tnd_xbrl_issue *issue = NULL;
    if (nil) {
        if ((issue = add_issue(r, TND_XBRL_REFUSED_NIL, node, c->id, "")))
            snprintf(issue->detail, sizeof issue->detail,
                     "xsi:nil=\"true\": geen waarde; niet als nul gerekend");
    } else if (!u->eur) {
        if ((issue = add_issue(r, TND_XBRL_REFUSED_UNIT, node, c->id, a->value)))
            snprintf(issue->detail, sizeof issue->detail,
                     "eenheid '%s' is geen iso4217:EUR; de aanbesteding rekent in euro en er "
                     "wordt niet omgerekend", u->measure);
    } else if (c->dim_problem[0]) {
        if ((issue = add_issue(r, TND_XBRL_REFUSED_DIMENSION, node, c->id, a->value)))
            snprintf(issue->detail, sizeof issue->detail, "context met %s", c->dim_problem);
    } else if (c->instant != (map->period == TND_XBRL_INSTANT)) {
        if ((issue = add_issue(r, TND_XBRL_REFUSED_PERIOD, node, c->id, a->value)))
            snprintf(issue->detail, sizeof issue->detail,
                     "%s met een %s (%s); het concept is een %s", map->concept,
                     c->instant ? "balansdatum" : "periode", c->period,
                     map->period == TND_XBRL_INSTANT ? "balanspost (instant)"
                                                     : "post over een periode (duration)");
    } else if (!c->year) {
        if ((issue = add_issue(r, TND_XBRL_REFUSED_PERIOD, node, c->id, a->value)))
            snprintf(issue->detail, sizeof issue->detail, "%s", c->period_problem);
    } else {
        return take_fact(r, node, map, a, c, cents);
    }
    return issue ? TND_OK : tnd_error_nomem(r->err, r->file);
}

/* A non-numeric fact: only the identity facts are read. */
static tnd_status read_other_fact(reader *r, xmlNodePtr node, const tnd_xbrl_mapping *map)
{
    if (map)
        return tnd_error_set(r->err, TND_ERR_VALUE, r->file, tnd_xml_line(node),
                             "een bedrag heeft unitRef naar een xbrli:unit met iso4217:EUR",
                             "%s zonder unitRef", map->concept);
    r->x->n_other_facts++;
    /* NT19 and later put the entity's name and KvK number in nl-common-data (nl-cd:), older
     * taxonomies in jenv-bw2-i: read both (issue 10 §4). */
    if (!node->ns || !(tnd_xbrl_is_jenv_namespace((const char *)node->ns->href) ||
                       tnd_xbrl_is_common_data_namespace((const char *)node->ns->href)))
        return TND_OK;
    bool kvk = xmlStrEqual(node->name, BAD_CAST "ChamberOfCommerceRegistrationNumber");
    bool name = xmlStrEqual(node->name, BAD_CAST "LegalEntityName");
    if (!kvk && !name)
        return TND_OK;
    char *text = tnd_xml_text(node);
    if (!text)
        return tnd_error_nomem(r->err, r->file);
    tnd_status rc = TND_OK;
    if (kvk)
        rc = set_kvk(r, node, text, true);
    else if (!r->x->name[0])
        copy_clean(r->x->name, sizeof r->x->name, text);
    free(text);
    return rc;
}

static tnd_status read_fact(reader *r, xmlNodePtr node)
{
    fact_attrs a = { tnd_xml_attr(node, "contextRef"), tnd_xml_attr(node, "unitRef"),
                     tnd_xml_attr(node, "decimals"), tnd_xml_attr(node, "precision"),
                     tnd_xml_text(node) };
    tnd_status rc = TND_OK;
    const tnd_xbrl_mapping *map =
        tnd_xbrl_lookup(node->ns ? (const char *)node->ns->href : NULL, (const char *)node->name);
    char name[TND_XBRL_NAME_LEN];
    qname_of(node, name, sizeof name);
    const xcontext *c = a.context ? find_context(r, a.context) : NULL;
    const unit *u = a.unit ? find_unit(r, a.unit) : NULL;
    xmlChar *nil_attr = xmlGetNsProp(node, BAD_CAST "nil", BAD_CAST NS_XSI);
    bool nil = nil_attr && (xmlStrEqual(nil_attr, BAD_CAST "true") ||
                            xmlStrEqual(nil_attr, BAD_CAST "1"));
    xmlFree(nil_attr);
    if (!a.value)
        rc = tnd_error_nomem(r->err, r->file);
    else if (!a.context) /* a tuple or another construct without a context: not a fact here */
        r->x->n_other_facts++;
    else if (!c)
        rc = tnd_error_set(r->err, TND_ERR_REFERENCE, r->file, tnd_xml_line(node),
                           "contextRef noemt het id van een xbrli:context in dit bestand",
                           "%s verwijst naar context '%.64s', die niet bestaat", name, a.context);
    else if (!a.unit)
        rc = read_other_fact(r, node, map);
    else if (!u)
        rc = tnd_error_set(r->err, TND_ERR_REFERENCE, r->file, tnd_xml_line(node),
                           "unitRef noemt het id van een xbrli:unit in dit bestand",
                           "%s verwijst naar eenheid '%.64s', die niet bestaat", name, a.unit);
    else if (map) {
        /* only the facts that may be taken must be valid numbers; others are just listed */
        rc = check_accuracy(r, node, &a, nil);
        if (rc == TND_OK)
            rc = read_mapped_fact(r, node, map, &a, c, u, nil);
    }
    else {
        tnd_xbrl_issue *i = add_issue(r, TND_XBRL_UNKNOWN_CONCEPT, node, c->id, a.value);
        if (!i)
            rc = tnd_error_nomem(r->err, r->file);
        else if (node->ns && tnd_xbrl_is_jenv_namespace((const char *)node->ns->href))
            snprintf(i->detail, sizeof i->detail,
                     "geen regel van bijlage XVI (niet in de koppeltabel); niet als nul "
                     "gerekend");
        else
            snprintf(i->detail, sizeof i->detail,
                     "geen concept van jenv-bw2-data (namespace %.120s); niet als nul gerekend",
                     node->ns ? (const char *)node->ns->href : "(geen)");
    }
    free_attrs(&a);
    return rc;
}

/* Two facts for the same figure in one instance must agree (the fact without dimension and the
 * enkelvoudige one count as the same statements). */
static tnd_status check_duplicates(reader *r)
{
    const tnd_xbrl *x = r->x;
    for (size_t i = 0; i < x->n_facts; i++)
        for (size_t j = i + 1; j < x->n_facts; j++) {
            const tnd_xbrl_fact *a = &x->facts[i], *b = &x->facts[j];
            bool cons_a = a->statements == TND_XBRL_CONSOLIDATED;
            bool cons_b = b->statements == TND_XBRL_CONSOLIDATED;
            if (a->map != b->map || a->year != b->year || cons_a != cons_b ||
                a->cents == b->cents)
                continue;
            return tnd_error_set(r->err, TND_ERR_VALUE, r->file, b->line,
                                 "een jaarrekening geeft per post en jaar één bedrag; vraag een "
                                 "gecorrigeerd bestand",
                                 "%s %d staat hier op %s en op regel %ld op %s", b->concept,
                                 b->year, b->value, a->line, a->value);
        }
    return TND_OK;
}

static void read_schema_ref(reader *r, xmlNodePtr root)
{
    xmlNodePtr ref = child(root, NS_LINK, "schemaRef");
    if (!ref)
        return;
    char *href = (char *)xmlGetNsProp(ref, BAD_CAST "href", BAD_CAST NS_XLINK);
    if (!href)
        return;
    tnd_xbrl *x = r->x;
    copy_clean(x->schema_ref, sizeof x->schema_ref, href);
    const char *base = strrchr(href, '/');
    copy_clean(x->entry_point, sizeof x->entry_point, base ? base + 1 : href);
    x->care_institution = strstr(x->entry_point, "zorginstellingen") != NULL;
    xmlFree(href);
}

static tnd_status read_root(reader *r, xmlDocPtr doc)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    long line = tnd_xml_line(root);
    if (in_namespace(root, NS_XHTML) || (root && xmlStrEqual(root->name, BAD_CAST "html")))
        return tnd_error_set(r->err, TND_ERR_VALUE, r->file, line,
                             "lever de jaarrekening als XBRL-instantie (.xbrl, hoofdelement "
                             "xbrli:xbrl); " HINT_DOCS,
                             "dit is Inline XBRL (XHTML); dat wordt niet gelezen");
    if (!is_element(root, NS_XBRLI, "xbrl"))
        return tnd_error_set(r->err, TND_ERR_VALUE, r->file, line,
                             "een SBR-jaarrekening heeft hoofdelement xbrli:xbrl (namespace "
                             NS_XBRLI "); " HINT_DOCS,
                             "hoofdelement <%s> is geen xbrli:xbrl",
                             root ? (const char *)root->name : "");
    read_schema_ref(r, root);
    tnd_status rc = read_contexts_and_units(r, root);
    size_t n = 0;
    for (xmlNodePtr c = root->children; c && rc == TND_OK; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || in_namespace(c, NS_XBRLI) || in_namespace(c, NS_LINK))
            continue;
        if (++n > MAX_FACTS)
            return tnd_error_set(r->err, TND_ERR_TOO_LARGE, r->file, tnd_xml_line(c),
                                 "een jaarrekening heeft er veel minder; controleer of het "
                                 "juiste bestand is gekozen",
                                 "meer dan %d feiten", MAX_FACTS);
        rc = read_fact(r, c);
    }
    if (rc == TND_OK)
        rc = check_duplicates(r);
    return rc;
}

static void free_reader(reader *r)
{
    for (size_t i = 0; i < r->n_ctx; i++)
        free(r->ctx[i].id);
    for (size_t i = 0; i < r->n_units; i++)
        free(r->units[i].id);
    free(r->ctx);
    free(r->units);
    tnd_notation_free(r->notation);
}

static tnd_status load_doc(xmlDocPtr doc, const char *name, void *result, tnd_error *err)
{
    tnd_xbrl **out = result; /* as tnd_xml_load_* hands it over */
    tnd_xbrl *x = calloc(1, sizeof *x);
    reader r = { .file = name, .err = err, .x = x };
    tnd_status rc;
    if (!x || !(r.notation = tnd_notation_new()))
        rc = tnd_error_nomem(err, name);
    else {
        copy_cut(x->file, sizeof x->file, name);
        rc = read_root(&r, doc);
    }
    free_reader(&r);
    if (rc != TND_OK) {
        tnd_xbrl_free(x);
        return rc;
    }
    tnd_error_clear(err);
    *out = x;
    return TND_OK;
}

tnd_status tnd_xbrl_load_file(const char *path, tnd_xbrl **out, tnd_error *err)
{
    *out = NULL;
    return tnd_xml_load_file(path, load_doc, out, err);
}

tnd_status tnd_xbrl_load_memory(const char *buf, size_t len, const char *name, tnd_xbrl **out,
                                tnd_error *err)
{
    *out = NULL;
    return tnd_xml_load_memory(buf, len, name, load_doc, out, err);
}

void tnd_xbrl_free(tnd_xbrl *x)
{
    if (!x)
        return;
    free(x->facts);
    free(x->issues);
    free(x);
}

/* ------------------------------------------------------------------------------------------ */
/* Merging                                                                                     */

void tnd_xbrl_report_init(tnd_xbrl_report *rep)
{
    memset(rep, 0, sizeof *rep);
}

void tnd_xbrl_report_free(tnd_xbrl_report *rep)
{
    if (!rep)
        return;
    free(rep->entries);
    memset(rep, 0, sizeof *rep);
}

bool tnd_xbrl_needs_review(const tnd_xbrl_report *rep)
{
    return rep && rep->n_conflicts > 0;
}

static bool asks_year(const tnd_fin_item *item, int year)
{
    for (int y = 0; y < item->n_years; y++)
        if (item->years[y] == year)
            return true;
    return false;
}

/* The fact taken for the figure of fact i: the first without dimension or enkelvoudig, else the
 * first geconsolideerd one. */
static size_t chosen_fact(const tnd_xbrl *x, size_t i)
{
    const tnd_xbrl_fact *f = &x->facts[i];
    size_t first_any = i, first_primary = (size_t)-1;
    for (size_t j = 0; j < x->n_facts; j++) {
        const tnd_xbrl_fact *g = &x->facts[j];
        if (g->map != f->map || g->year != f->year)
            continue;
        if (j < first_any)
            first_any = j;
        if (g->statements != TND_XBRL_CONSOLIDATED && first_primary == (size_t)-1)
            first_primary = j;
    }
    return first_primary != (size_t)-1 ? first_primary : first_any;
}

/* The entry of an earlier merge into this report that filled item/year, NULL if none. */
static const tnd_xbrl_entry *filled_before(const tnd_xbrl_report *rep, size_t n_before,
                                           const char *item, int year)
{
    for (size_t i = 0; i < n_before; i++)
        if (rep->entries[i].outcome == TND_XBRL_FILLED && rep->entries[i].year == year &&
            strcmp(rep->entries[i].item, item) == 0)
            return &rep->entries[i];
    return NULL;
}

tnd_status tnd_xbrl_merge(const tnd_xbrl *x, const tnd_definition *def, tnd_bid *bid,
                          tnd_xbrl_report *rep, tnd_error *err)
{
    const char *bkvk = bid->bidder.kvk;
    if (x->kvk[0] && bkvk[0] && strcmp(x->kvk, bkvk) != 0)
        return tnd_error_set(err, TND_ERR_REFERENCE, x->file, x->kvk_line,
                             "kies de jaarrekening van de inschrijver zelf; de cijfers van "
                             "bijlage XVI horen bij de inschrijver (§5.3.1)",
                             "de jaarrekening is van KvK %s (%.80s), maar de inschrijving %s is "
                             "van KvK %s", x->kvk, x->name[0] ? x->name : "naam onbekend",
                             bid->file, bkvk);
    /* decide first, change nothing: on any error the bid is unchanged */
    size_t n_new = 0;
    for (size_t i = 0; i < x->n_facts; i++) {
        const tnd_xbrl_fact *f = &x->facts[i];
        int k = tnd_definition_fin_item(def, f->item);
        if (k < 0 || !asks_year(&def->financial.items[k], f->year) || chosen_fact(x, i) != i)
            continue;
        const tnd_fin_item *item = &def->financial.items[k];
        if (f->cents < 0 && !item->may_be_negative) {
            char amount[32];
            tnd_cents_nl(f->cents, amount);
            return tnd_error_set(err, TND_ERR_RANGE, x->file, f->line,
                                 "controleer het teken in de jaarrekening",
                                 "%s %d: %s is negatief; %s kan volgens de aanbesteding niet "
                                 "negatief zijn (%s)", f->concept, f->year, amount, item->label,
                                 def->financial.ref.source);
        }
        if (!tnd_bid_figure(bid, f->item, f->year))
            n_new++;
    }
    if (rep->n + x->n_facts > rep->cap) {
        size_t cap = rep->n + x->n_facts + 16;
        tnd_xbrl_entry *grown = realloc(rep->entries, cap * sizeof *grown);
        if (!grown)
            return tnd_error_nomem(err, x->file);
        rep->entries = grown;
        rep->cap = cap;
    }
    if (n_new) {
        tnd_figure *grown = realloc(bid->figures, (bid->n_figures + n_new) * sizeof *grown);
        if (!grown)
            return tnd_error_nomem(err, x->file);
        bid->figures = grown;
    }

    size_t n_before = rep->n;
    rep->kvk_checked = x->kvk[0] && bkvk[0];
    for (size_t i = 0; i < x->n_facts; i++) {
        const tnd_xbrl_fact *f = &x->facts[i];
        tnd_xbrl_entry *e = &rep->entries[rep->n++];
        memset(e, 0, sizeof *e);
        snprintf(e->item, sizeof e->item, "%s", f->item);
        e->year = f->year;
        copy_cut(e->concept, sizeof e->concept, f->concept);
        copy_cut(e->context, sizeof e->context, f->context);
        e->statements = f->statements;
        copy_cut(e->file, sizeof e->file, x->file);
        e->line = f->line;
        e->amount = f->cents;
        int k = tnd_definition_fin_item(def, f->item);
        size_t chosen = chosen_fact(x, i);
        if (k < 0 || !asks_year(&def->financial.items[k], f->year)) {
            e->outcome = TND_XBRL_NOT_ASKED;
            continue;
        }
        if (chosen != i) {
            e->outcome = TND_XBRL_NOT_USED;
            e->kept = x->facts[chosen].cents;
            copy_cut(e->kept_file, sizeof e->kept_file, x->file);
            e->kept_line = x->facts[chosen].line;
            continue;
        }
        const tnd_figure *have = tnd_bid_figure(bid, f->item, f->year);
        if (!have) {
            tnd_figure *nf = &bid->figures[bid->n_figures++];
            memset(nf, 0, sizeof *nf);
            snprintf(nf->item, sizeof nf->item, "%s", f->item);
            nf->year = f->year;
            nf->amount = f->cents;
            nf->line = f->line;
            bid->has_financials = true;
            e->outcome = TND_XBRL_FILLED;
            rep->n_filled++;
        } else if (have->amount == f->cents) {
            e->outcome = TND_XBRL_SAME;
            rep->n_same++;
        } else {
            /* never resolved silently: the bid's amount stays, the Opdrachtgever looks */
            e->outcome = TND_XBRL_CONFLICT;
            e->kept = have->amount;
            const tnd_xbrl_entry *earlier = filled_before(rep, n_before, f->item, f->year);
            copy_cut(e->kept_file, sizeof e->kept_file, earlier ? earlier->file : bid->file);
            e->kept_line = earlier ? earlier->line : have->line;
            rep->n_conflicts++;
        }
    }
    tnd_error_clear(err);
    return TND_OK;
}

/* ------------------------------------------------------------------------------------------ */
/* Messages                                                                                    */

/* "jenv-bw2-i:NetRevenue (context FY2021, enkelvoudig, regel 57)" */
static void fact_place(const char *concept, const char *context_id, tnd_xbrl_statements s,
                       long line, char *buf, size_t size)
{
    const char *st = tnd_xbrl_statements_name(s);
    snprintf(buf, size, "%s (context %s%s%s, regel %ld)", concept, context_id, st[0] ? ", " : "", st,
             line);
}

void tnd_xbrl_entry_text(const tnd_xbrl_entry *e, const char *bid_file, char *buf, size_t size)
{
    char place[TND_XBRL_NAME_LEN + TND_XBRL_ID_LEN + 64], amount[32], kept[32];
    fact_place(e->concept, e->context, e->statements, e->line, place, sizeof place);
    tnd_cents_nl(e->amount, amount);
    tnd_cents_nl(e->kept, kept);
    switch (e->outcome) {
    case TND_XBRL_FILLED:
        snprintf(buf, size, "XBRL %s: %s -> %s %d: %s overgenomen", e->file, place, e->item,
                 e->year, amount);
        break;
    case TND_XBRL_SAME:
        snprintf(buf, size, "XBRL %s: %s -> %s %d: %s, gelijk aan de inschrijving", e->file,
                 place, e->item, e->year, amount);
        break;
    case TND_XBRL_CONFLICT: {
        bool from_bid = bid_file && strcmp(e->kept_file, bid_file) == 0;
        snprintf(buf, size,
                 "tegenstrijdig: %s %d: %s %s:%ld '%s', XBRL %s:%ld (%s, context %s) '%s'; "
                 "aangehouden: '%s' (%s), de Opdrachtgever beoordeelt", e->item, e->year,
                 from_bid ? "inschrijving" : "eerder ingelezen XBRL", e->kept_file, e->kept_line,
                 kept, e->file, e->line, e->concept, e->context, amount, kept,
                 from_bid ? "de inschrijving" : "het eerst ingelezen bestand");
        break;
    }
    case TND_XBRL_NOT_ASKED:
        snprintf(buf, size,
                 "XBRL %s: %s -> %s %d: niet overgenomen, de aanbesteding vraagt %s niet over %d",
                 e->file, place, e->item, e->year, e->item, e->year);
        break;
    case TND_XBRL_NOT_USED:
        snprintf(buf, size,
                 "XBRL %s: %s -> %s %d: %s niet gebruikt; het cijfer komt uit regel %ld (%s)",
                 e->file, place, e->item, e->year, amount, e->kept_line, kept);
        break;
    }
}

void tnd_xbrl_issue_text(const tnd_xbrl_issue *i, const char *file, char *buf, size_t size)
{
    const char *f = file ? file : "";
    if (i->kind == TND_XBRL_PRECISION_IGNORED)
        snprintf(buf, size, "XBRL %s:%ld: %s (context %s): %s", f, i->line, i->concept,
                 i->context, i->detail);
    else if (i->value[0])
        snprintf(buf, size, "XBRL %s:%ld: niet overgenomen: %s (context %s) = %s: %s", f,
                 i->line, i->concept, i->context, i->value, i->detail);
    else
        snprintf(buf, size, "XBRL %s:%ld: niet overgenomen: %s (context %s): %s", f, i->line,
                 i->concept, i->context, i->detail);
}
