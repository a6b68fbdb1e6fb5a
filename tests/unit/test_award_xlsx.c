/*
 * test_award_xlsx.c - the award workbook (forms/award_xlsx.c), read back from the file: unzipped
 * with libzip, the XML parsed with libxml2.
 *
 * The evaluation is built by hand, as scoring/award.c would fill it, on the shipped IJsselland
 * definition: lot 4 with the worked example of the digest (8 / 6 / 8 / 10 / 4 -> 7,4) and a
 * second bidder, a bidder knocked out in step 2 (lots 1 and 8) and a gezinshuis admitted to lot 8.
 * What is tested is how the given outcome is written: sheets, key cells, cell types, safety of
 * bidder text, the Audit sheet, byte-identical output and the atomic write.
 *
 * Cells are named as in Excel ("P7"); the layout is in docs/award-workbook.md. libxlsxwriter
 * writes worksheet i (in tab order) as xl/worksheets/sheet<i>.xml.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <dirent.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <zip.h>

#include "forms/award_xlsx.h"
#include "tender/definition.h"

#define NS_MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

/* Tab order: Samenvatting, Perceel 1..9, Knock-outs, Inschrijvers, Tarieven, Audit. */
enum {
    SHEET_SUMMARY = 1, SHEET_LOT1 = 2, SHEET_LOT4 = 5, SHEET_LOT8 = 9, SHEET_KNOCKOUTS = 11,
    SHEET_BIDDERS = 12, SHEET_TARIFFS = 13, SHEET_AUDIT = 14
};

#define NAME_EQUALS "=SOM(A1:A9) Zorg B.V."
#define SHA_DEF "3f0a6c1d2e4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeef"
#define SHA_BID "aa00bb11cc22dd33ee44ff5566778899aabbccddeeff00112233445566778899"

/* ------------------------------------------------------------------ fixture */

typedef struct {
    tnd_definition *def;
    tnd_bid bids[4];
    tnd_check_result checks[4];
    tnd_finding findings[8];
    tnd_award_entry lot1[1], lot4[2], lot8[2];
    char reasons[5][TND_REASON_LEN];                  /* the entries' reasons (allocated by */
    tnd_criterion_score scores4[2][TND_MAX_CRITERIA]; /* tnd_evaluate) and lot 4's scores */
    tnd_lot_award lots[9];
    tnd_bidder_outcome outcomes[4];
    char path_text[4][TND_MAX_SET][TND_REASON_LEN];
    char *paths[4][TND_MAX_SET + 1]; /* outcomes[i].path (allocated by tnd_evaluate) */
    tnd_evaluation ev;
    tnd_audit_input inputs[2];
    tnd_audit audit;
    char dir[64];
} fixture;

static void copy(char *dst, size_t size, const char *src)
{
    snprintf(dst, size, "%s", src);
}

#define SET(field, text) copy((field), sizeof(field), (text))

static tnd_dec dec(int64_t units)
{
    return (tnd_dec){ units };
}

static int criterion(const tnd_award_lot *rule, const char *id)
{
    for (int i = 0; i < rule->n_criteria; i++)
        if (strcmp(rule->criteria[i].id, id) == 0)
            return i;
    fail_msg("criterion %s not in the definition", id);
    return -1;
}

/* Row k of the fixture's reasons, holding text: what tnd_evaluate allocates per entry. */
static char *reason_row(fixture *fx, int k, const char *text)
{
    SET(fx->reasons[k], text);
    return fx->reasons[k];
}

static void score(tnd_award_entry *e, const tnd_award_lot *rule, const char *id, int consensus,
                  int round, int64_t factor_units)
{
    tnd_criterion_score *s = &e->scores[e->n_scores++];
    memset(s, 0, sizeof *s);
    s->criterion = criterion(rule, id);
    s->has_score = true;
    s->consensus = consensus;
    s->round = round;
    s->first_round = -1;
    s->factor = dec(factor_units);
    s->weighted = dec(consensus * factor_units);
}

static tnd_finding *finding(fixture *fx, int step, const char *rule, const char *source,
                            const char *requirement, int lot, tnd_verdict v, const char *reason)
{
    tnd_check_result *r = &fx->checks[2];
    tnd_finding *f = &fx->findings[r->n_findings++];
    memset(f, 0, sizeof *f);
    f->step = step;
    SET(f->rule_id, rule);
    SET(f->source, source);
    SET(f->requirement, requirement);
    f->lot = lot;
    f->verdict = v;
    SET(f->reason, reason);
    return f;
}

static void outcome(fixture *fx, int i, const int *applied, const int *placed,
                    const tnd_award_status *status, int n, int stopped)
{
    tnd_bidder_outcome *o = &fx->outcomes[i];
    o->bid = &fx->bids[i];
    o->check = &fx->checks[i];
    o->n_applied = n;
    for (int j = 0; j < n; j++)
        fx->paths[i][j] = fx->path_text[i][j];
    o->path = fx->paths[i];
    for (int j = 0; j < n; j++) {
        o->applied[j] = applied[j];
        o->placed[j] = placed[j];
        o->status[j] = status[j];
    }
    o->stopped_at_step = stopped;
}

static int setup(void **state)
{
    fixture *fx = calloc(1, sizeof *fx);
    assert_non_null(fx);
    tnd_error err;
    assert_int_equal(tnd_definition_load_default(&fx->def, &err), TND_OK);
    const tnd_award_lot *p4 = tnd_definition_award(fx->def, 4);
    assert_non_null(p4);

    SET(fx->bids[0].bidder.name, NAME_EQUALS);
    SET(fx->bids[0].bidder.kvk, "12345678");
    SET(fx->bids[1].bidder.name, "Jeugdzorg Oost B.V.");
    SET(fx->bids[1].bidder.kvk, "23456789");
    SET(fx->bids[2].bidder.name, "Kleinschalig Wonen");
    SET(fx->bids[2].bidder.kvk, "34567890");
    /* a tab and a multi-byte character cut off by a fixed-size field */
    SET(fx->bids[3].bidder.name, "Gezinshuis\tDe Linde\xC3");
    SET(fx->bids[3].bidder.kvk, "45678901");

    /* Bidder 3: knocked out in step 2 (§5.3.1 solvability); PASS rows are not knock-outs. */
    fx->checks[2].findings = fx->findings;
    finding(fx, 1, "VOLL-TIJDIG", "§3.6 L381", "Inschrijving tijdig ingediend", 0, TND_PASS,
            "Op tijd ontvangen");
    tnd_finding *f = finding(fx, 2, "FIN-SOLVABILITEIT", "§5.3.1 L1357", "Solvabiliteit", 0,
                             TND_FAIL, "Solvabiliteit niet boven 20,0% in 2 van 3 jaren");
    SET(f->found, "19,8%");
    SET(f->norm, "> 20,0%");
    SET(f->resolution, "RES-FIN-JAREN");
    f = finding(fx, 2, "FIN-SOLVABILITEIT", "§5.3.1 L1357", "Solvabiliteit", TND_FINDING_DETAIL,
                TND_FAIL, "2021: 19,8%");
    SET(f->subject, "2021");
    finding(fx, 2, "UEA-IIIC-FAILLISSEMENT", "§5.2 L1294", "Uitsluitingsgrond faillissement", 0,
            TND_REVIEW, "UEA deel III C met 'ja' beantwoord: de Opdrachtgever beslist");
    f = finding(fx, 2, "GGZ1-OMZET", "§5.6 L1546", "Omzet Jeugdwet 2021", 1, TND_PLAN_REQUIRED,
                "Plan van aanpak vereist");
    f->cascade = true;
    fx->checks[2].stopped_at_step = 2;

    /* Lot 4, §6.1.2: 0,5 x 8 + 0,5 x (0,4 x 6 + 0,2 x 8 + 0,2 x 10 + 0,2 x 4) = 7,4 */
    tnd_award_entry *a = &fx->lot4[0];
    a->bid = &fx->bids[0];
    a->applied = 4;
    a->scores = fx->scores4[0];
    score(a, p4, "normaliseren", 8, 1, 500000);
    a->scores[0].n_members = 3;
    a->scores[0].member_min = 6;
    a->scores[0].member_max = 8;
    score(a, p4, "A", 6, 1, 200000);
    score(a, p4, "B", 8, 1, 100000);
    score(a, p4, "C", 10, 1, 100000);
    a->scores[3].computed = true;
    score(a, p4, "D", 4, 1, 100000);
    a->total = dec(7400000);
    a->rank = 1;
    a->status = TND_AWARD_GRANTED;
    a->reason = reason_row(fx, 0, "Rang 1 van maximaal 5");
    /* 0,5 x 6 + 0,5 x (0,4 x 6 + 0,2 x 6 + 0,2 x 6 + 0,2 x 8) = 6,2, after the one revision */
    tnd_award_entry *b = &fx->lot4[1];
    b->bid = &fx->bids[1];
    b->applied = 4;
    b->scores = fx->scores4[1];
    score(b, p4, "normaliseren", 6, 2, 500000);
    b->scores[0].first_round = 4;
    score(b, p4, "A", 6, 1, 200000);
    score(b, p4, "B", 6, 1, 100000);
    score(b, p4, "C", 6, 1, 100000);
    score(b, p4, "D", 8, 1, 100000);
    b->total = dec(6200000);
    b->rank = 2;
    b->status = TND_AWARD_GRANTED;
    b->reason = reason_row(fx, 1, "Rang 2 van maximaal 5; normaliseren na herziening 6");

    fx->lot1[0] = (tnd_award_entry){ .bid = &fx->bids[2], .applied = 1,
                                     .status = TND_AWARD_EXCLUDED };
    fx->lot1[0].reason = reason_row(fx, 2, "Gestopt in stap 2");
    fx->lot8[0] = (tnd_award_entry){ .bid = &fx->bids[3], .applied = 8,
                                     .status = TND_AWARD_ADMITTED };
    fx->lot8[0].reason = reason_row(fx, 3, "Toegelaten na stap 1 en 2");
    fx->lot8[1] = (tnd_award_entry){ .bid = &fx->bids[2], .applied = 8,
                                     .status = TND_AWARD_EXCLUDED };
    fx->lot8[1].reason = reason_row(fx, 4, "Gestopt in stap 2");

    for (int k = 0; k < 9; k++) {
        fx->lots[k].lot = k + 1;
        fx->lots[k].rule = tnd_definition_award(fx->def, k + 1);
    }
    fx->lots[0].entries = fx->lot1;
    fx->lots[0].n_entries = 1;
    fx->lots[3].entries = fx->lot4;
    fx->lots[3].n_entries = 2;
    fx->lots[3].n_granted = 2;
    fx->lots[7].entries = fx->lot8;
    fx->lots[7].n_entries = 2;
    fx->lots[7].n_granted = 1;

    static const tnd_award_status granted[] = { TND_AWARD_GRANTED };
    static const tnd_award_status excluded[] = { TND_AWARD_EXCLUDED, TND_AWARD_EXCLUDED };
    static const tnd_award_status admitted[] = { TND_AWARD_ADMITTED };
    outcome(fx, 0, (int[]){ 4 }, (int[]){ 4 }, granted, 1, 0);
    outcome(fx, 1, (int[]){ 4 }, (int[]){ 4 }, granted, 1, 0);
    outcome(fx, 2, (int[]){ 1, 8 }, (int[]){ 0, 0 }, excluded, 2, 2);
    outcome(fx, 3, (int[]){ 8 }, (int[]){ 8 }, admitted, 1, 0);
    SET(fx->path_text[0][0], "4: gegund (rang 1)");
    SET(fx->path_text[2][0], "1: gestopt in stap 2 (solvabiliteit)");

    fx->ev.lots = fx->lots;
    fx->ev.n_lots = 9;
    fx->ev.bidders = fx->outcomes;
    fx->ev.n_bidders = 4;

    fx->inputs[0].role = "definitie";
    fx->inputs[0].path = "fixtures/tenders/ijsselland-2023.xml";
    SET(fx->inputs[0].sha256, SHA_DEF);
    fx->inputs[1].role = "inschrijving";
    fx->inputs[1].path = "bids/=kwaadaardig.xml";
    SET(fx->inputs[1].sha256, SHA_BID);
    fx->audit = (tnd_audit){ .tool_version = "0.1.0", .evaluation_date = "2022-10-03",
                             .arguments = "tender evaluate --bids bids --scores s.csv -o a.xlsx",
                             .inputs = fx->inputs, .n_inputs = 2 };

    copy(fx->dir, sizeof fx->dir, "/tmp/test_award_xlsx.XXXXXX");
    assert_non_null(mkdtemp(fx->dir));
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    fixture *fx = *state;
    DIR *d = opendir(fx->dir);
    if (d) {
        struct dirent *de;
        char path[512];
        while ((de = readdir(d)) != NULL) {
            if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
                continue;
            snprintf(path, sizeof path, "%s/%s", fx->dir, de->d_name);
            unlink(path);
        }
        closedir(d);
    }
    rmdir(fx->dir);
    tnd_definition_free(fx->def);
    free(fx);
    return 0;
}

static void path_in(const fixture *fx, const char *name, char *buf, size_t size)
{
    snprintf(buf, size, "%s/%s", fx->dir, name);
}

/* Writes the fixture's workbook to <dir>/name and asserts success. */
static void write_book(fixture *fx, const char *name, char *path, size_t size)
{
    path_in(fx, name, path, size);
    tnd_error err;
    tnd_error_clear(&err);
    tnd_status st = tnd_award_workbook_write(path, fx->def, &fx->ev, &fx->audit, NULL, 0, &err);
    if (st != TND_OK)
        fail_msg("write failed: %s", err.message);
}

static int count_entries(const char *dir)
{
    int n = 0;
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *de;
    while ((de = readdir(d)) != NULL)
        n += strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0;
    closedir(d);
    return n;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return buf;
}

/* ------------------------------------------------------------------ reading the xlsx back */

/* The bytes of one zip entry, NUL-terminated; NULL when the entry does not exist. */
static char *zip_entry(const char *xlsx, const char *name)
{
    int zerr = 0;
    zip_t *z = zip_open(xlsx, ZIP_RDONLY, &zerr);
    assert_non_null(z);
    zip_stat_t st;
    char *buf = NULL;
    if (zip_stat(z, name, 0, &st) == 0) {
        zip_file_t *zf = zip_fopen(z, name, 0);
        assert_non_null(zf);
        buf = malloc(st.size + 1);
        assert_non_null(buf);
        assert_int_equal(zip_fread(zf, buf, st.size), (zip_int64_t)st.size);
        buf[st.size] = '\0';
        zip_fclose(zf);
    }
    zip_close(z);
    return buf;
}

static xmlDocPtr entry_doc(const char *xlsx, const char *name)
{
    char *xml = zip_entry(xlsx, name);
    if (!xml)
        fail_msg("no %s in the workbook", name);
    xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), name, NULL, XML_PARSE_NONET);
    free(xml);
    assert_non_null(doc);
    return doc;
}

/* Evaluates an XPath (prefix m = the spreadsheetml namespace). Caller frees the result. */
static xmlXPathObjectPtr xpath(xmlDocPtr doc, const char *expr)
{
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    assert_non_null(ctx);
    xmlXPathRegisterNs(ctx, BAD_CAST "m", BAD_CAST NS_MAIN);
    xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST expr, ctx);
    xmlXPathFreeContext(ctx);
    assert_non_null(r);
    return r;
}

static size_t node_count(xmlXPathObjectPtr r)
{
    return r->nodesetval ? (size_t)r->nodesetval->nodeNr : 0;
}

/* The sheet names of xl/workbook.xml, in tab order, joined with '|'. */
static void sheet_names(const char *xlsx, char *buf, size_t size)
{
    xmlDocPtr doc = entry_doc(xlsx, "xl/workbook.xml");
    xmlXPathObjectPtr r = xpath(doc, "/m:workbook/m:sheets/m:sheet");
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < node_count(r); i++) {
        xmlChar *name = xmlGetProp(r->nodesetval->nodeTab[i], BAD_CAST "name");
        len += (size_t)snprintf(buf + len, size - len, "%s%s", i ? "|" : "", (char *)name);
        xmlFree(name);
    }
    xmlXPathFreeObject(r);
    xmlFreeDoc(doc);
}

/* Shared string number index, or NULL. */
static char *shared_string(const char *xlsx, long index)
{
    xmlDocPtr doc = entry_doc(xlsx, "xl/sharedStrings.xml");
    char expr[64];
    snprintf(expr, sizeof expr, "/m:sst/m:si[%ld]", index + 1);
    xmlXPathObjectPtr r = xpath(doc, expr);
    char *s = NULL;
    if (node_count(r) == 1) {
        xmlChar *c = xmlNodeGetContent(r->nodesetval->nodeTab[0]);
        s = strdup((char *)c);
        xmlFree(c);
    }
    xmlXPathFreeObject(r);
    xmlFreeDoc(doc);
    return s;
}

typedef struct {
    bool exists;
    char type[8];       /* the t attribute; "" when absent (a number: the default t is "n") */
    bool has_formula;   /* an <f> child */
    bool has_style;
    char value[4096];   /* <v> of a number; the text of a shared string */
} cell;

static cell read_cell(const char *xlsx, int sheet, const char *ref)
{
    cell c;
    memset(&c, 0, sizeof c);
    char name[64], expr[128];
    snprintf(name, sizeof name, "xl/worksheets/sheet%d.xml", sheet);
    xmlDocPtr doc = entry_doc(xlsx, name);
    snprintf(expr, sizeof expr, "//m:sheetData/m:row/m:c[@r='%s']", ref);
    xmlXPathObjectPtr r = xpath(doc, expr);
    if (node_count(r) == 1) {
        xmlNodePtr n = r->nodesetval->nodeTab[0];
        c.exists = true;
        xmlChar *t = xmlGetProp(n, BAD_CAST "t");
        if (t)
            copy(c.type, sizeof c.type, (char *)t);
        xmlFree(t);
        xmlChar *s = xmlGetProp(n, BAD_CAST "s");
        c.has_style = s != NULL;
        xmlFree(s);
        for (xmlNodePtr k = n->children; k; k = k->next) {
            if (k->type != XML_ELEMENT_NODE)
                continue;
            if (xmlStrcmp(k->name, BAD_CAST "f") == 0)
                c.has_formula = true;
            if (xmlStrcmp(k->name, BAD_CAST "v") == 0) {
                xmlChar *v = xmlNodeGetContent(k);
                copy(c.value, sizeof c.value, (char *)v);
                xmlFree(v);
            }
        }
    }
    xmlXPathFreeObject(r);
    xmlFreeDoc(doc);
    if (strcmp(c.type, "s") == 0) {
        char *s = shared_string(xlsx, strtol(c.value, NULL, 10));
        assert_non_null(s);
        copy(c.value, sizeof c.value, s);
        free(s);
    }
    return c;
}

/*
 * A number cell (no t attribute or t="n") whose value reads back as exactly the double of
 * `value`: libxlsxwriter writes 16 significant digits (594.06 as 594.0599999999999), which is
 * the same double, so the comparison is on the parsed value, exactly (==, no tolerance).
 */
static void assert_number(const char *xlsx, int sheet, const char *ref, const char *value)
{
    cell c = read_cell(xlsx, sheet, ref);
    if (!c.exists)
        fail_msg("%s: no cell %s", xlsx, ref);
    if (c.type[0] && strcmp(c.type, "n") != 0)
        fail_msg("cell %s is t='%s' (%s), not a number", ref, c.type, c.value);
    assert_false(c.has_formula);
    char *end;
    double got = strtod(c.value, &end);
    if (!c.value[0] || *end || got != strtod(value, NULL))
        fail_msg("cell %s holds %s, expected %s", ref, c.value, value);
}

/* A string cell (shared string) holding exactly `text`. */
static void assert_text(const char *xlsx, int sheet, const char *ref, const char *text)
{
    cell c = read_cell(xlsx, sheet, ref);
    if (!c.exists)
        fail_msg("no cell %s (expected '%s')", ref, text);
    if (strcmp(c.type, "s") != 0)
        fail_msg("cell %s is t='%s', not a string", ref, c.type);
    assert_false(c.has_formula);
    assert_string_equal(c.value, text);
}

static void assert_empty(const char *xlsx, int sheet, const char *ref)
{
    cell c = read_cell(xlsx, sheet, ref);
    if (c.exists && c.value[0])
        fail_msg("cell %s should be empty, holds '%s'", ref, c.value);
}

/* ------------------------------------------------------------------ sheets */

static void test_sheets_in_order_summary_lots_knockouts_bidders_tariffs_audit(void **state)
{
    fixture *fx = *state;
    char path[256], names[512];
    write_book(fx, "gunning.xlsx", path, sizeof path);
    sheet_names(path, names, sizeof names);
    assert_string_equal(names, "Samenvatting|Perceel 1|Perceel 2|Perceel 3|Perceel 4|Perceel 5|"
                               "Perceel 6|Perceel 7|Perceel 8|Perceel 9|Knock-outs|Inschrijvers|"
                               "Tarieven|Audit");
}

static void test_summary_counts_per_lot_as_numbers(void **state)
{
    fixture *fx = *state;
    char path[256];
    write_book(fx, "gunning.xlsx", path, sizeof path);
    assert_text(path, SHEET_SUMMARY, "A1",
                "Gunning - Inkoop Jeugdhulp Voorzieningen RSJ IJsselland 2023");
    assert_number(path, SHEET_SUMMARY, "B3", "44837"); /* 03-10-2022 as an Excel date */
    assert_number(path, SHEET_SUMMARY, "B4", "4");
    assert_text(path, SHEET_SUMMARY, "A6", "Perceel");
    assert_text(path, SHEET_SUMMARY, "G6", "Gegund / toegelaten");
    /* lot 1: one bidder, stopped in step 2 */
    assert_number(path, SHEET_SUMMARY, "A7", "1");
    assert_number(path, SHEET_SUMMARY, "D7", "1");
    assert_number(path, SHEET_SUMMARY, "E7", "0");
    assert_number(path, SHEET_SUMMARY, "F7", "0");
    assert_number(path, SHEET_SUMMARY, "G7", "0");
    assert_number(path, SHEET_SUMMARY, "H7", "1");
    assert_number(path, SHEET_SUMMARY, "I7", "0");
    assert_empty(path, SHEET_SUMMARY, "J7");
    /* lot 4: §6.1.2 at most 5; both granted */
    assert_text(path, SHEET_SUMMARY, "B10", "Ambulant individueel - GGZ 2");
    assert_text(path, SHEET_SUMMARY, "C10", "rangschikking op eindcijfer");
    assert_number(path, SHEET_SUMMARY, "D10", "2");
    assert_number(path, SHEET_SUMMARY, "E10", "2");
    assert_number(path, SHEET_SUMMARY, "F10", "2");
    assert_number(path, SHEET_SUMMARY, "G10", "2");
    assert_number(path, SHEET_SUMMARY, "H10", "0");
    assert_number(path, SHEET_SUMMARY, "J10", "5");
    assert_text(path, SHEET_SUMMARY, "K10", "nee");
    /* lot 8: §6.1 L1702-1704 admitted on steps 1-2 */
    assert_number(path, SHEET_SUMMARY, "D14", "2");
    assert_number(path, SHEET_SUMMARY, "E14", "1");
    assert_number(path, SHEET_SUMMARY, "F14", "1");
    assert_number(path, SHEET_SUMMARY, "G14", "1");
    assert_number(path, SHEET_SUMMARY, "H14", "1");
    assert_number(path, SHEET_SUMMARY, "A15", "9");
    assert_empty(path, SHEET_SUMMARY, "A16");
    /* the column chart of the summary is chart 1 */
    char *chart = zip_entry(path, "xl/charts/chart1.xml");
    assert_non_null(chart);
    assert_non_null(strstr(chart, "<c:barDir val=\"col\"/>"));
    assert_non_null(strstr(chart, "<c:f>Samenvatting!$A$7:$A$15</c:f>"));
    free(chart);
}

static void test_lot4_worked_example_total_7_4_is_a_number_cell(void **state)
{
    fixture *fx = *state;
    char path[256];
    write_book(fx, "gunning.xlsx", path, sizeof path);
    assert_text(path, SHEET_LOT4, "A1", "Perceel 4 - Ambulant individueel - GGZ 2");
    assert_text(path, SHEET_LOT4, "P6", "Totaal");
    assert_text(path, SHEET_LOT4, "E6", "Score Plan van Aanpak Normaliseren");
    assert_text(path, SHEET_LOT4, "F6", "Ronde Plan van Aanpak Normaliseren");
    assert_text(path, SHEET_LOT4, "G6", "Factor Plan van Aanpak Normaliseren");
    assert_text(path, SHEET_LOT4, "L6", "Score Locaties in de regio");
    assert_number(path, SHEET_LOT4, "A7", "1");
    assert_text(path, SHEET_LOT4, "C7", "12345678");
    assert_number(path, SHEET_LOT4, "D7", "4");
    /* §6.1.2: 8 / 6 / 8 / 10 / 4 with factors 0,5 0,2 0,1 0,1 0,1 -> 7,4 */
    assert_number(path, SHEET_LOT4, "E7", "8");
    assert_number(path, SHEET_LOT4, "F7", "1");
    assert_number(path, SHEET_LOT4, "G7", "0.5");
    assert_number(path, SHEET_LOT4, "H7", "6");
    assert_number(path, SHEET_LOT4, "I7", "0.2");
    assert_number(path, SHEET_LOT4, "L7", "10");
    assert_number(path, SHEET_LOT4, "M7", "0.1");
    assert_number(path, SHEET_LOT4, "N7", "4");
    assert_number(path, SHEET_LOT4, "P7", "7.4");
    assert_text(path, SHEET_LOT4, "Q7", tnd_award_status_dutch(TND_AWARD_GRANTED));
    assert_text(path, SHEET_LOT4, "R7", "Rang 1 van maximaal 5");
    assert_text(path, SHEET_LOT4, "S7", "normaliseren: beoordelaars 6-8; C: berekend uit locaties");
    /* §6.1.2 one revision: the score used is round 2 */
    assert_number(path, SHEET_LOT4, "E8", "6");
    assert_number(path, SHEET_LOT4, "F8", "2");
    assert_number(path, SHEET_LOT4, "P8", "6.2");
    assert_empty(path, SHEET_LOT4, "B9");
    assert_text(path, SHEET_LOT4, "A4", "Gelijke stand: geen");
    assert_text(path, SHEET_LOT4, "A5",
                "Beslisregel bij gelijke stand: geen; een gelijke stand wordt gemeld, niet beslist "
                "(resolutie RES-GELIJKE-STAND).");
}

static void test_lot_sheet_has_autofilter_frozen_header_traffic_lights_and_chart(void **state)
{
    fixture *fx = *state;
    char path[256];
    write_book(fx, "gunning.xlsx", path, sizeof path);
    char *xml = zip_entry(path, "xl/worksheets/sheet5.xml");
    assert_non_null(xml);
    assert_non_null(strstr(xml, "<autoFilter ref=\"A6:S8\"/>"));
    assert_non_null(strstr(xml, "<pane xSplit=\"2\" ySplit=\"6\" topLeftCell=\"C7\" "
                                "activePane=\"bottomRight\" state=\"frozen\"/>"));
    assert_non_null(strstr(xml, "<conditionalFormatting sqref=\"P7:Q8\">"));
    char expect[512];
    snprintf(expect, sizeof expect, "<formula>OR($Q7=\"%s\",$Q7=\"%s\")</formula>",
             tnd_award_status_dutch(TND_AWARD_GRANTED), tnd_award_status_dutch(TND_AWARD_ADMITTED));
    assert_non_null(strstr(xml, expect));
    free(xml);
    /* the bar chart of lot 4's totals is chart 2; lots without totals have none */
    char *chart = zip_entry(path, "xl/charts/chart2.xml");
    assert_non_null(chart);
    assert_non_null(strstr(chart, "<c:barDir val=\"bar\"/>"));
    assert_non_null(strstr(chart, "<c:f>'Perceel 4'!$P$7:$P$8</c:f>"));
    assert_non_null(strstr(chart, "<c:f>'Perceel 4'!$B$7:$B$8</c:f>"));
    free(chart);
    assert_null(zip_entry(path, "xl/charts/chart3.xml"));
}

static void test_admit_lot_lists_the_admitted_bidders(void **state)
{
    fixture *fx = *state;
    char path[256];
    write_book(fx, "gunning.xlsx", path, sizeof path);
    /* §6.1 L1702-1704: no criteria, so Totaal follows Perceel ingeschreven */
    assert_text(path, SHEET_LOT8, "E6", "Totaal");
    assert_text(path, SHEET_LOT8, "F6", "Status");
    assert_text(path, SHEET_LOT8, "C7", "45678901");
    assert_empty(path, SHEET_LOT8, "E7");
    assert_text(path, SHEET_LOT8, "F7", tnd_award_status_dutch(TND_AWARD_ADMITTED));
    assert_text(path, SHEET_LOT8, "F8", tnd_award_status_dutch(TND_AWARD_EXCLUDED));
    assert_text(path, SHEET_LOT8, "B10", "Toegelaten inschrijvers (1)");
    assert_text(path, SHEET_LOT8, "C11", "45678901");
    assert_empty(path, SHEET_LOT8, "B12");
    /* lot 1: the excluded bidder has no total and no rank */
    assert_empty(path, SHEET_LOT1, "A7");
    assert_text(path, SHEET_LOT1, "B7", "Kleinschalig Wonen");
    assert_empty(path, SHEET_LOT1, "H7"); /* Totaal: E score, F ronde, G factor, H totaal */
    assert_text(path, SHEET_LOT1, "H6", "Totaal");
}

static void test_tie_at_the_last_place_is_named_and_coloured_orange(void **state)
{
    fixture *fx = *state;
    /* §6.1.2 / RES-GELIJKE-STAND: a tie is reported with the bidders involved, never decided */
    fx->lots[3].tie = true;
    SET(fx->lots[3].tie_text, "plaats 2: Jeugdzorg Oost B.V. en =SOM(A1:A9) Zorg B.V. gelijk "
                              "(6,2); onbeslist");
    fx->lot4[1].status = TND_AWARD_TIE;
    fx->outcomes[1].status[0] = TND_AWARD_TIE;
    char path[256];
    write_book(fx, "gunning.xlsx", path, sizeof path);
    assert_text(path, SHEET_LOT4, "A4", "Gelijke stand: plaats 2: Jeugdzorg Oost B.V. en "
                                        "=SOM(A1:A9) Zorg B.V. gelijk (6,2); onbeslist");
    assert_text(path, SHEET_LOT4, "Q8", tnd_award_status_dutch(TND_AWARD_TIE));
    assert_text(path, SHEET_SUMMARY, "K10", "ja");
    assert_number(path, SHEET_SUMMARY, "G10", "1");
    assert_number(path, SHEET_SUMMARY, "I10", "1");
    assert_text(path, SHEET_BIDDERS, "F8", tnd_award_status_dutch(TND_AWARD_TIE));
    char *xml = zip_entry(path, "xl/worksheets/sheet5.xml");
    assert_non_null(xml);
    char expect[256];
    snprintf(expect, sizeof expect, ",$Q7=\"%s\",", tnd_award_status_dutch(TND_AWARD_TIE));
    const char *orange = strstr(xml, "dxfId=\"1\""); /* the second rule: orange */
    assert_non_null(orange);
    const char *end = strstr(orange, "</cfRule>");
    assert_non_null(end);
    const char *hit = strstr(orange, expect);
    assert_true(hit && hit < end);
    free(xml);
}

/* ------------------------------------------------------------------ bidder text */

static void test_name_starting_with_equals_stays_text_and_no_formula_anywhere(void **state)
{
    fixture *fx = *state;
    char path[256];
    write_book(fx, "gunning.xlsx", path, sizeof path);
    cell c = read_cell(path, SHEET_LOT4, "B7");
    assert_true(c.exists);
    assert_string_equal(c.type, "s");
    assert_false(c.has_formula);
    assert_string_equal(c.value, NAME_EQUALS);
    assert_text(path, SHEET_BIDDERS, "A7", NAME_EQUALS);
    assert_text(path, SHEET_AUDIT, "B17", "bids/=kwaadaardig.xml");
    for (int s = 1; s <= SHEET_AUDIT; s++) {
        char name[64];
        snprintf(name, sizeof name, "xl/worksheets/sheet%d.xml", s);
        char *xml = zip_entry(path, name);
        assert_non_null(xml);
        if (strstr(xml, "<f>") || strstr(xml, "<f "))
            fail_msg("%s holds a formula", name);
        free(xml);
    }
}

static void test_control_characters_and_cut_utf8_are_made_safe(void **state)
{
    fixture *fx = *state;
    char path[256];
    write_book(fx, "gunning.xlsx", path, sizeof path);
    /* tab -> space, the cut-off 0xC3 -> U+FFFD */
    assert_text(path, SHEET_LOT8, "B7", "Gezinshuis De Linde\xEF\xBF\xBD");
}

/* ---------------------------------------------------------------- knock-outs, bidders, tariffs */

static void test_knockouts_list_fail_review_plan_and_details_not_pass(void **state)
{
    fixture *fx = *state;
    char path[256];
    write_book(fx, "gunning.xlsx", path, sizeof path);
    assert_text(path, SHEET_KNOCKOUTS, "A6", "Inschrijver");
    assert_text(path, SHEET_KNOCKOUTS, "M6", "Bron §");
    /* §5.3.1: solvability FAIL, step 2, every lot */
    assert_text(path, SHEET_KNOCKOUTS, "A7", "Kleinschalig Wonen");
    assert_text(path, SHEET_KNOCKOUTS, "B7", "34567890");
    assert_number(path, SHEET_KNOCKOUTS, "C7", "2");
    assert_text(path, SHEET_KNOCKOUTS, "D7", "Solvabiliteit");
    assert_text(path, SHEET_KNOCKOUTS, "E7", "FIN-SOLVABILITEIT");
    assert_text(path, SHEET_KNOCKOUTS, "F7", "alle");
    assert_empty(path, SHEET_KNOCKOUTS, "G7");
    assert_text(path, SHEET_KNOCKOUTS, "I7", tnd_verdict_dutch(TND_FAIL));
    assert_text(path, SHEET_KNOCKOUTS, "J7", "19,8%");
    assert_text(path, SHEET_KNOCKOUTS, "K7", "> 20,0%");
    assert_text(path, SHEET_KNOCKOUTS, "L7", "Solvabiliteit niet boven 20,0% in 2 van 3 jaren");
    assert_text(path, SHEET_KNOCKOUTS, "M7", "§5.3.1 L1357");
    assert_text(path, SHEET_KNOCKOUTS, "N7", "RES-FIN-JAREN");
    /* the year detail under it */
    assert_text(path, SHEET_KNOCKOUTS, "F8", "detail");
    assert_text(path, SHEET_KNOCKOUTS, "H8", "2021");
    /* §5.2 L1294: III C "ja" is REVIEW */
    assert_text(path, SHEET_KNOCKOUTS, "I9", tnd_verdict_dutch(TND_REVIEW));
    /* a lot-specific PLAN REQUIRED found on the way down the cascade */
    assert_number(path, SHEET_KNOCKOUTS, "F10", "1");
    assert_text(path, SHEET_KNOCKOUTS, "G10", "ja");
    assert_text(path, SHEET_KNOCKOUTS, "I10", tnd_verdict_dutch(TND_PLAN_REQUIRED));
    /* the PASS finding is not a knock-out */
    assert_empty(path, SHEET_KNOCKOUTS, "A11");
}

static void test_bidders_one_row_per_lot_applied_with_placement_and_step(void **state)
{
    fixture *fx = *state;
    char path[256];
    write_book(fx, "gunning.xlsx", path, sizeof path);
    assert_text(path, SHEET_BIDDERS, "C7", "4");
    assert_number(path, SHEET_BIDDERS, "D7", "4");
    assert_number(path, SHEET_BIDDERS, "E7", "4");
    assert_text(path, SHEET_BIDDERS, "F7", tnd_award_status_dutch(TND_AWARD_GRANTED));
    assert_text(path, SHEET_BIDDERS, "G7", "4: gegund (rang 1)");
    assert_text(path, SHEET_BIDDERS, "H7", "geen");
    /* §6: the bid that stopped at step 2, one row per lot applied for */
    assert_text(path, SHEET_BIDDERS, "A9", "Kleinschalig Wonen");
    assert_text(path, SHEET_BIDDERS, "C9", "1, 8");
    assert_number(path, SHEET_BIDDERS, "D9", "1");
    assert_text(path, SHEET_BIDDERS, "E9", "geen");
    assert_text(path, SHEET_BIDDERS, "F9", tnd_award_status_dutch(TND_AWARD_EXCLUDED));
    assert_number(path, SHEET_BIDDERS, "H9", "2");
    assert_number(path, SHEET_BIDDERS, "D10", "8");
    assert_number(path, SHEET_BIDDERS, "H10", "2");
    assert_number(path, SHEET_BIDDERS, "E11", "8");
    assert_empty(path, SHEET_BIDDERS, "A12");
}

static void test_tariffs_are_euro_number_cells(void **state)
{
    fixture *fx = *state;
    char path[256];
    write_book(fx, "gunning.xlsx", path, sizeof path);
    /* §8.5.1 L3413-3440: lot 1 TG1 EUR 1,08 per minute */
    assert_number(path, SHEET_TARIFFS, "A7", "1");
    assert_text(path, SHEET_TARIFFS, "C7", "TG1");
    assert_text(path, SHEET_TARIFFS, "F7", "minuut");
    assert_number(path, SHEET_TARIFFS, "G7", "1.08");
    assert_true(read_cell(path, SHEET_TARIFFS, "G7").has_style);
    char *styles = zip_entry(path, "xl/styles.xml");
    assert_non_null(styles);
    assert_non_null(strstr(styles, "formatCode=\"[$\xE2\x82\xAC-413] #,##0.00\""));
    free(styles);
    /* §9 L4112-4122: class G EUR 594,06 and H 529,57 (H below G, kept as printed) */
    assert_number(path, SHEET_TARIFFS, "G63", "594.06");
    assert_text(path, SHEET_TARIFFS, "C64", "GGZ-H");
    assert_number(path, SHEET_TARIFFS, "G64", "529.57");
    assert_text(path, SHEET_TARIFFS, "H64", "Tarief H ligt onder tarief G, zoals gedrukt "
                                            "(L4120-4122); zie RES-GGZ-TARIEF-H");
    assert_number(path, SHEET_TARIFFS, "G68", "5620");
}

static void test_every_tariff_of_the_definition_reads_back_as_its_amount(void **state)
{
    fixture *fx = *state;
    char path[256];
    write_book(fx, "gunning.xlsx", path, sizeof path);
    int row = 7, n = 0;
    for (size_t l = 0; l < fx->def->n_lots; l++) {
        const tnd_lot *lot = &fx->def->lots[l];
        for (size_t p = 0; p < lot->n_products; p++) {
            const tnd_product *pr = &lot->products[p];
            for (int t = 0; t < (pr->n_tariffs ? pr->n_tariffs : 1); t++, row++) {
                char ref[16], expect[32];
                snprintf(ref, sizeof ref, "C%d", row);
                assert_text(path, SHEET_TARIFFS, ref, pr->code);
                if (!pr->n_tariffs)
                    continue;
                snprintf(ref, sizeof ref, "G%d", row);
                snprintf(expect, sizeof expect, "%lld.%02lld",
                         (long long)(pr->tariffs[t].amount / 100),
                         (long long)(pr->tariffs[t].amount % 100));
                assert_number(path, SHEET_TARIFFS, ref, expect);
                n++;
            }
        }
    }
    assert_true(n >= 60); /* §10: 35 + 4 + 2 + 17 + 4 tariffs */
    char ref[16];
    snprintf(ref, sizeof ref, "A%d", row);
    assert_empty(path, SHEET_TARIFFS, ref);
}

/* ------------------------------------------------------------------ audit */

static void test_audit_lists_inputs_with_sha256_resolutions_date_and_arguments(void **state)
{
    fixture *fx = *state;
    char path[256];
    write_book(fx, "gunning.xlsx", path, sizeof path);
    assert_text(path, SHEET_AUDIT, "A4", "Programma");
    assert_text(path, SHEET_AUDIT, "B5", "0.1.0");
    assert_text(path, SHEET_AUDIT, "A6", "Evaluatiedatum");
    assert_number(path, SHEET_AUDIT, "B6", "44837");
    assert_text(path, SHEET_AUDIT, "B7", fx->audit.arguments);
    assert_text(path, SHEET_AUDIT, "B8", "ijsselland-2023");
    assert_text(path, SHEET_AUDIT, "B12", fx->def->file);
    assert_text(path, SHEET_AUDIT, "A14", "Invoerbestanden");
    assert_text(path, SHEET_AUDIT, "C15", "SHA-256");
    assert_text(path, SHEET_AUDIT, "A16", "definitie");
    assert_text(path, SHEET_AUDIT, "C16", SHA_DEF);
    assert_text(path, SHEET_AUDIT, "A17", "inschrijving");
    assert_text(path, SHEET_AUDIT, "C17", SHA_BID);
    assert_text(path, SHEET_AUDIT, "A19", "Resoluties van de definitie");
    assert_text(path, SHEET_AUDIT, "A21", fx->def->resolutions[0].id);
    assert_text(path, SHEET_AUDIT, "B21", fx->def->resolutions[0].source);
    char ref[16];
    snprintf(ref, sizeof ref, "A%zu", 21 + fx->def->n_resolutions - 1);
    assert_text(path, SHEET_AUDIT, ref, fx->def->resolutions[fx->def->n_resolutions - 1].id);
    /* the document date is the evaluation date, not the clock */
    char *core = zip_entry(path, "docProps/core.xml");
    assert_non_null(core);
    assert_non_null(strstr(core, "<dcterms:created xsi:type=\"dcterms:W3CDTF\">"
                                 "2022-10-03T00:00:00Z</dcterms:created>"));
    assert_non_null(strstr(core, "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">"
                                 "2022-10-03T00:00:00Z</dcterms:modified>"));
    free(core);
}

/* ------------------------------------------------------------------ determinism, atomic write */

static void test_two_writes_two_seconds_apart_are_byte_identical(void **state)
{
    fixture *fx = *state;
    char first[256], second[256];
    write_book(fx, "eerste.xlsx", first, sizeof first);
    sleep(2); /* zip times have a 2 s resolution: a clock in the file would show */
    write_book(fx, "tweede.xlsx", second, sizeof second);
    size_t n1, n2;
    char *a = read_file(first, &n1), *b = read_file(second, &n2);
    assert_non_null(a);
    assert_non_null(b);
    assert_true(n1 > 1000);
    assert_int_equal(n1, n2);
    assert_memory_equal(a, b, n1);
    free(a);
    free(b);
}

static void test_refuses_to_overwrite_a_protected_input(void **state)
{
    fixture *fx = *state;
    char input[256], other_spelling[300];
    path_in(fx, "scores.csv", input, sizeof input);
    FILE *f = fopen(input, "w");
    assert_non_null(f);
    fputs("perceel;criterium\n", f);
    fclose(f);
    snprintf(other_spelling, sizeof other_spelling, "%s/./scores.csv", fx->dir);
    const char *protected_inputs[] = { "/nonexistent/definitie.xml", input };
    tnd_error err;
    tnd_error_clear(&err);
    assert_int_equal(tnd_award_workbook_write(other_spelling, fx->def, &fx->ev, &fx->audit,
                                              protected_inputs, 2, &err),
                     TND_ERR_USAGE);
    assert_string_equal(err.message, "weigert een invoerbestand te overschrijven");
    size_t n;
    char *kept = read_file(input, &n);
    assert_string_equal(kept, "perceel;criterium\n");
    free(kept);
    assert_int_equal(count_entries(fx->dir), 1);
}

static void test_missing_directory_gives_io_error_and_leaves_no_file(void **state)
{
    fixture *fx = *state;
    char path[256];
    path_in(fx, "bestaat-niet/gunning.xlsx", path, sizeof path);
    tnd_error err;
    tnd_error_clear(&err);
    assert_int_equal(tnd_award_workbook_write(path, fx->def, &fx->ev, &fx->audit, NULL, 0, &err),
                     TND_ERR_IO);
    assert_string_equal(err.file, path);
    assert_int_equal(count_entries(fx->dir), 0);
}

static void test_error_while_writing_removes_temp_file_and_keeps_target(void **state)
{
    fixture *fx = *state;
    char path[256];
    path_in(fx, "gunning.xlsx", path, sizeof path);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("vorige versie", f);
    fclose(f);
    /* a text longer than a cell holds (32.767 characters) */
    size_t len = 40000;
    char *args = malloc(len + 1);
    assert_non_null(args);
    memset(args, 'x', len);
    args[len] = '\0';
    fx->audit.arguments = args;
    tnd_error err;
    tnd_error_clear(&err);
    assert_int_equal(tnd_award_workbook_write(path, fx->def, &fx->ev, &fx->audit, NULL, 0, &err),
                     TND_ERR_TOO_LARGE);
    free(args);
    size_t n;
    char *kept = read_file(path, &n);
    assert_string_equal(kept, "vorige versie");
    free(kept);
    assert_int_equal(count_entries(fx->dir), 1);
}

static void test_evaluation_date_must_be_iso_and_from_1980(void **state)
{
    fixture *fx = *state;
    char path[256];
    path_in(fx, "gunning.xlsx", path, sizeof path);
    tnd_error err;
    fx->audit.evaluation_date = "03-10-2022";
    assert_int_equal(tnd_award_workbook_write(path, fx->def, &fx->ev, &fx->audit, NULL, 0, &err),
                     TND_ERR_VALUE);
    fx->audit.evaluation_date = "2022-02-30";
    assert_int_equal(tnd_award_workbook_write(path, fx->def, &fx->ev, &fx->audit, NULL, 0, &err),
                     TND_ERR_VALUE);
    /* 1970-01-01 would be time_t 0, which libxlsxwriter replaces by the clock */
    fx->audit.evaluation_date = "1970-01-01";
    assert_int_equal(tnd_award_workbook_write(path, fx->def, &fx->ev, &fx->audit, NULL, 0, &err),
                     TND_ERR_RANGE);
    fx->audit.evaluation_date = NULL;
    assert_int_equal(tnd_award_workbook_write(path, fx->def, &fx->ev, &fx->audit, NULL, 0, &err),
                     TND_ERR_USAGE);
    assert_int_equal(tnd_award_workbook_write(path, fx->def, &fx->ev, NULL, NULL, 0, &err),
                     TND_ERR_USAGE);
    assert_int_equal(count_entries(fx->dir), 0);
}

static void test_overwrites_an_earlier_workbook_keeping_its_permissions(void **state)
{
    fixture *fx = *state;
    char path[256];
    write_book(fx, "gunning.xlsx", path, sizeof path);
    assert_int_equal(chmod(path, 0640), 0);
    write_book(fx, "gunning.xlsx", path, sizeof path);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0640);
    assert_int_equal(count_entries(fx->dir), 1);
}

/* ------------------------------------------------------------------ LibreOffice (optional) */

static bool have_soffice(void)
{
    return system("command -v soffice >/dev/null 2>&1") == 0;
}

static void test_libreoffice_opens_the_workbook(void **state)
{
    fixture *fx = *state;
    char path[256], cmd[1024], csv[300];
    write_book(fx, "gunning.xlsx", path, sizeof path);
    snprintf(cmd, sizeof cmd,
             "cd '%s' && HOME='%s' soffice --headless --convert-to csv --outdir '%s' '%s' "
             ">/dev/null 2>&1", fx->dir, fx->dir, fx->dir, path);
    int rc = system(cmd);
    assert_true(WIFEXITED(rc) && WEXITSTATUS(rc) == 0);
    snprintf(csv, sizeof csv, "%s/gunning.csv", fx->dir);
    size_t n;
    char *text = read_file(csv, &n);
    assert_non_null(text);
    assert_non_null(strstr(text, "Gunning - Inkoop Jeugdhulp Voorzieningen RSJ IJsselland 2023"));
    free(text);
}

int main(int argc, char **argv)
{
#define TEST(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        TEST(test_sheets_in_order_summary_lots_knockouts_bidders_tariffs_audit),
        TEST(test_summary_counts_per_lot_as_numbers),
        TEST(test_lot4_worked_example_total_7_4_is_a_number_cell),
        TEST(test_lot_sheet_has_autofilter_frozen_header_traffic_lights_and_chart),
        TEST(test_admit_lot_lists_the_admitted_bidders),
        TEST(test_tie_at_the_last_place_is_named_and_coloured_orange),
        TEST(test_name_starting_with_equals_stays_text_and_no_formula_anywhere),
        TEST(test_control_characters_and_cut_utf8_are_made_safe),
        TEST(test_knockouts_list_fail_review_plan_and_details_not_pass),
        TEST(test_bidders_one_row_per_lot_applied_with_placement_and_step),
        TEST(test_tariffs_are_euro_number_cells),
        TEST(test_every_tariff_of_the_definition_reads_back_as_its_amount),
        TEST(test_audit_lists_inputs_with_sha256_resolutions_date_and_arguments),
        TEST(test_two_writes_two_seconds_apart_are_byte_identical),
        TEST(test_refuses_to_overwrite_a_protected_input),
        TEST(test_missing_directory_gives_io_error_and_leaves_no_file),
        TEST(test_error_while_writing_removes_temp_file_and_keeps_target),
        TEST(test_evaluation_date_must_be_iso_and_from_1980),
        TEST(test_overwrites_an_earlier_workbook_keeping_its_permissions),
    };
    /* The LibreOffice check is its own ctest (unit.test_award_xlsx.libreoffice, CMakeLists.txt): without
       soffice it reports SKIPPED to ctest (exit 77) instead of passing unseen. */
    if (argc > 1 && strcmp(argv[1], "--libreoffice") == 0) {
        if (!have_soffice()) {
            fprintf(stderr, "SKIPPED: LibreOffice (soffice) is not installed\n");
            return 77;
        }
        const struct CMUnitTest libreoffice[] = {
            TEST(test_libreoffice_opens_the_workbook),
        };
        return cmocka_run_group_tests(libreoffice, NULL, NULL);
    }
    return cmocka_run_group_tests(tests, NULL, NULL);
}
