/*
 * xmlsafe.c - loading untrusted XML safely and validating it against an XSD (see xmlsafe.h).
 *
 * Bids are written by outside parties, so every document is treated as hostile. The defences, in
 * the order they run:
 *   1. size: more than TND_XML_MAX_BYTES is refused before a byte is parsed;
 *   2. bytes: empty documents and documents holding a NUL byte are refused;
 *   3. pre-scan: the raw bytes must not contain "<!DOCTYPE" or "<!ENTITY" (so no entity is ever
 *      declared, let alone resolved: no XXE, no "billion laughs");
 *   4. parse with a fresh context, XML_PARSE_NONET, and without NOENT / DTDLOAD / DTDATTR /
 *      XINCLUDE / HUGE. SAX hooks stop the parser at a DOCTYPE (catches a DOCTYPE the pre-scan
 *      cannot see, e.g. in a UTF-7 or EBCDIC document) and at nesting deeper than
 *      TND_XML_MAX_DEPTH (so a deep document never becomes a deep tree);
 *   5. after parsing: no DTD node, no entity node, depth checked again by an iterative walk.
 * libxml2 would print its errors on stderr; while we parse or validate, its structured and generic
 * handlers point at a collector that keeps the first error, and they are restored afterwards.
 */
#include "tender/xmlsafe.h"

#include "tender/base/readfile.h"
#include "tender/base/sha256.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/schemasInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

/* No NOENT, DTDLOAD, DTDATTR, DTDVALID, XINCLUDE or HUGE: those are what make XML dangerous.
 * BIG_LINES keeps line numbers right past line 65535. */
#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES)
/* Data documents (bids, definitions, ESPD, XBRL, schemas): no text between elements (xmlsafe.h);
 * a short text (a number, a date, "ja") is kept inside its node, not in a block of its own
 * (COMPACT: -0.8 % instructions, issue 9). Such a tree must not be changed, and none is: tender
 * only reads its trees, and libxml2's schema parser only unlinks and frees nodes. */
#define DATA_OPTIONS (PARSE_OPTIONS | XML_PARSE_NOBLANKS | XML_PARSE_COMPACT)

#define HINT_UNSAFE "verwijder de <!DOCTYPE ...> regel; een inschrijving heeft geen DTD nodig"
#define HINT_TAGS "controleer of elke <tag> een bijbehorende </tag> heeft"
#define HINT_SCHEMA "zie docs/bid-format.md of docs/definition-format.md voor het schema"
#define MSG_UNSAFE "DOCTYPE/ENTITY-declaraties zijn niet toegestaan"

struct tnd_schema {
    xmlSchemaPtr schema;
    xmlDocPtr doc; /* the XSD as parsed once: the compiled schema may point into it */
};

/* ------------------------------------------------------------------------------------------ */
/* Messages                                                                                    */

/* Copies at most size-1 bytes, never cutting a UTF-8 sequence in half. */
static void copy_utf8(char *dst, size_t size, const char *src, size_t len)
{
    if (size == 0)
        return;
    if (len > size - 1) {
        len = size - 1;
        while (len > 0 && ((unsigned char)src[len] & 0xC0) == 0x80)
            len--; /* src[len] is the first byte dropped: back up to a character start */
    }
    memcpy(dst, src, len);
    dst[len] = '\0';
}

/* A "{uri}" namespace prefix as libxml2 writes it in schema messages: an URI (so it has a ':')
 * without spaces or quotes, directly followed by a name. Text in braces inside a quoted value,
 * such as '{x}', is left alone. Returns the length of "{uri}", or 0. */
static size_t namespace_braces(const char *s)
{
    size_t i = 1;
    int colon = 0;
    if (s[0] != '{')
        return 0;
    for (; s[i] && s[i] != '}'; i++) {
        if (s[i] == ' ' || s[i] == '\'' || s[i] == '"' || s[i] == '{')
            return 0;
        if (s[i] == ':')
            colon = 1;
    }
    if (s[i] != '}' || !colon)
        return 0;
    unsigned char next = (unsigned char)s[i + 1];
    if (!(next == '_' || next >= 0x80 || (next >= 'A' && next <= 'Z') ||
          (next >= 'a' && next <= 'z')))
        return 0;
    return i + 1;
}

/*
 * Makes a libxml2 message fit for a terminal and a report: one line, no control characters
 * (a value from a bid may contain U+0085 or U+009B), runs of white space collapsed, trailing
 * newline gone and, for schema messages, "{urn:...}name" shortened to "name".
 */
static void clean_message(char *dst, size_t size, const char *src, int strip_namespaces)
{
    char tmp[1024];
    size_t n = 0;
    if (!src)
        src = "";
    while (*src && n < sizeof tmp - 1) {
        unsigned char c = (unsigned char)*src;
        size_t skip = strip_namespaces ? namespace_braces(src) : 0;
        if (skip) {
            src += skip;
        } else if (c < 0x20 || c == 0x7F) {
            if (n > 0 && tmp[n - 1] != ' ')
                tmp[n++] = ' ';
            src++;
        } else if (c == 0xC2 && (unsigned char)src[1] >= 0x80 && (unsigned char)src[1] <= 0x9F) {
            tmp[n++] = '?'; /* C1 control character */
            src += 2;
        } else if (c == ' ' && n > 0 && tmp[n - 1] == ' ') {
            src++;
        } else {
            tmp[n++] = (char)c;
            src++;
        }
    }
    while (n > 0 && tmp[n - 1] == ' ')
        n--;
    size_t start = (n > 0 && tmp[0] == ' ') ? 1 : 0;
    copy_utf8(dst, size, tmp + start, n - start);
}

/* ------------------------------------------------------------------------------------------ */
/* Capturing libxml2's errors                                                                  */

/* The first error-level diagnostic libxml2 reported (warnings are ignored). */
typedef struct {
    int have;
    int code;    /* xmlParserErrors */
    long line;
    int column;
    xmlNodePtr node; /* schema validation: the offending element, if known */
    char message[512];
} xml_diag;

static void diag_record(xml_diag *d, xmlErrorPtr e)
{
    if (!d || !e || d->have || e->level < XML_ERR_ERROR)
        return;
    d->have = 1;
    d->code = e->code;
    d->line = e->line;
    d->column = e->int2; /* the parser puts the column there */
    d->node = e->node;
    snprintf(d->message, sizeof d->message, "%s", e->message ? e->message : "");
}

static void on_libxml_error(void *data, xmlErrorPtr e)
{
    diag_record(data, e);
}

/* libxml2 still calls xmlGenericError directly in a few places; while we run, it says nothing. */
static void on_generic_error(void *data, const char *fmt, ...)
{
}

/* The handlers libxml2 had before we silenced it (thread-local in libxml2). */
typedef struct {
    xmlStructuredErrorFunc structured;
    void *structured_data;
    xmlGenericErrorFunc generic;
    void *generic_data;
} saved_handlers;

static void handlers_capture(saved_handlers *saved, xml_diag *d)
{
    saved->structured = xmlStructuredError;
    saved->structured_data = xmlStructuredErrorContext;
    saved->generic = xmlGenericError;
    saved->generic_data = xmlGenericErrorContext;
    xmlSetStructuredErrorFunc(d, on_libxml_error);
    xmlSetGenericErrorFunc(d, on_generic_error);
}

static void handlers_restore(const saved_handlers *saved)
{
    xmlSetStructuredErrorFunc(saved->structured_data, saved->structured);
    xmlSetGenericErrorFunc(saved->generic_data, saved->generic);
}

/* ------------------------------------------------------------------------------------------ */
/* Parsing                                                                                     */

/* What the SAX hooks of one parse know (ctxt->_private). */
typedef struct {
    xml_diag diag;
    tnd_status refused; /* set by a hook that stopped the parser, else TND_OK */
    long refused_line;
    char element[72];   /* the element that was too deep */
    int depth;
} parse_state;

static long ctxt_line(xmlParserCtxtPtr ctxt)
{
    return ctxt->input ? (long)ctxt->input->line : 0;
}

static void refuse_and_stop(xmlParserCtxtPtr ctxt, tnd_status code)
{
    parse_state *st = ctxt->_private;
    if (st->refused == TND_OK) {
        st->refused = code;
        st->refused_line = ctxt_line(ctxt);
    }
    xmlStopParser(ctxt);
}

/* Called at "<!DOCTYPE name ...", before an internal subset is read: stop right there. */
static void on_doctype(void *ctx, const xmlChar *name, const xmlChar *external_id,
                       const xmlChar *system_id)
{
    refuse_and_stop(ctx, TND_ERR_XML_UNSAFE);
}

static void on_entity_decl(void *ctx, const xmlChar *name, int type, const xmlChar *public_id,
                           const xmlChar *system_id, xmlChar *content)
{
    refuse_and_stop(ctx, TND_ERR_XML_UNSAFE);
}

static void on_start_element(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                             const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
                             int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
    xmlParserCtxtPtr ctxt = ctx;
    parse_state *st = ctxt->_private;
    if (++st->depth > TND_XML_MAX_DEPTH) {
        if (st->refused == TND_OK)
            copy_utf8(st->element, sizeof st->element, (const char *)localname,
                      strlen((const char *)localname));
        refuse_and_stop(ctxt, TND_ERR_TOO_LARGE);
        return;
    }
    xmlSAX2StartElementNs(ctx, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes,
                          nb_defaulted, attributes);
}

static void on_end_element(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                           const xmlChar *uri)
{
    xmlParserCtxtPtr ctxt = ctx;
    parse_state *st = ctxt->_private;
    st->depth--;
    xmlSAX2EndElementNs(ctx, localname, prefix, uri);
}

static tnd_status depth_error(tnd_error *err, const char *file, long line, const char *element)
{
    return tnd_error_set(err, TND_ERR_TOO_LARGE, file, line,
                         "zo diep geneste XML hoort niet in een inschrijving; controleer of het "
                         "juiste bestand is gekozen",
                         "element <%s> is dieper genest dan %d niveaus", element,
                         TND_XML_MAX_DEPTH);
}

static tnd_status unsafe_error(tnd_error *err, const char *file, long line)
{
    return tnd_error_set(err, TND_ERR_XML_UNSAFE, file, line, HINT_UNSAFE, "%s", MSG_UNSAFE);
}

static const char *malformed_hint(int code)
{
    switch (code) {
    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_ENCODING:
    case XML_ERR_UNKNOWN_ENCODING:
    case XML_ERR_UNSUPPORTED_ENCODING:
        return "sla het bestand op als UTF-8, of noem de juiste encoding in "
               "<?xml version=\"1.0\" encoding=\"...\"?>";
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_ERR_ENTITYREF_SEMICOL_MISSING:
    case XML_ERR_NAME_REQUIRED:
        return "schrijf een losse & als &amp; en een losse < als &lt;";
    case XML_ERR_DOCUMENT_END:
        return "een XML-document heeft precies een hoofdelement; kijk wat er na de laatste "
               "afsluitende tag staat";
    default:
        return HINT_TAGS;
    }
}

static tnd_status malformed_error(tnd_error *err, const char *file, const xml_diag *d)
{
    char message[512];
    if (!d->have)
        return tnd_error_set(err, TND_ERR_XML_MALFORMED, file, 0, HINT_TAGS,
                             "geen geldige XML");
    if (d->code == XML_ERR_NO_MEMORY)
        return tnd_error_nomem(err, file);
    clean_message(message, sizeof message, d->message, 0);
    tnd_error_set(err, TND_ERR_XML_MALFORMED, file, d->line, malformed_hint(d->code),
                  "geen geldige XML: %s", message);
    if (err && d->column > 0)
        snprintf(err->where, sizeof err->where, "kolom %d", d->column);
    return TND_ERR_XML_MALFORMED;
}

/* Line (1-based) of byte offset off in buf. */
static long line_of(const char *buf, size_t off)
{
    long line = 1;
    for (size_t i = 0; i < off; i++)
        if (buf[i] == '\n')
            line++;
    return line;
}

/* True when buf (len bytes left) starts with the upper-case ASCII word, in any case. */
static int starts_nocase(const char *buf, size_t len, const char *word, size_t n)
{
    if (len < n)
        return 0;
    for (size_t j = 0; j < n; j++) {
        unsigned char c = (unsigned char)buf[j];
        if (c >= 'a' && c <= 'z')
            c = (unsigned char)(c - 'a' + 'A');
        if (c != (unsigned char)word[j])
            return 0;
    }
    return 1;
}

/*
 * The offset of the first "<!DOCTYPE" or, when there is none, of the first "<!ENTITY" (any
 * case) in bytes that may hold anything; -1 if neither. One pass that jumps from '<' to '<'
 * (issue 9: two byte-by-byte passes over every file before).
 */
static long find_declaration(const char *buf, size_t len)
{
    long entity = -1;
    const char *end = buf + len;
    for (const char *p = buf; (p = memchr(p, '<', (size_t)(end - p))) != NULL; p++) {
        if (starts_nocase(p, (size_t)(end - p), "<!DOCTYPE", 9))
            return (long)(p - buf);
        if (entity < 0 && starts_nocase(p, (size_t)(end - p), "<!ENTITY", 8))
            entity = (long)(p - buf);
    }
    return entity;
}

static int only_white_space(const char *buf, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (buf[i] != ' ' && buf[i] != '\t' && buf[i] != '\n' && buf[i] != '\r')
            return 0;
    return 1;
}

/* Checks on the raw bytes, before libxml2 sees them. */
static tnd_status check_bytes(const char *buf, size_t len, const char *file, tnd_error *err)
{
    if (len > (size_t)TND_XML_MAX_BYTES)
        return tnd_error_set(err, TND_ERR_TOO_LARGE, file, 0,
                             "een inschrijving is veel kleiner; controleer of het juiste bestand "
                             "is gekozen",
                             "het document is groter dan %ld MiB (%zu bytes)",
                             TND_XML_MAX_BYTES / (1024 * 1024), len);
    if (!buf || len == 0 || only_white_space(buf, len))
        return tnd_error_set(err, TND_ERR_XML_MALFORMED, file, 0,
                             "kies het juiste bestand; het verwachte formaat staat in docs/",
                             "het document is leeg");
    const char *nul = memchr(buf, '\0', len);
    if (nul)
        return tnd_error_set(err, TND_ERR_XML_MALFORMED, file, line_of(buf, (size_t)(nul - buf)),
                             "sla het bestand op als UTF-8 tekst; UTF-16 en binaire bestanden "
                             "worden niet gelezen",
                             "het document bevat een NUL-byte (geen XML-tekst)");
    long at = find_declaration(buf, len);
    if (at >= 0)
        return unsafe_error(err, file, line_of(buf, (size_t)at));
    return TND_OK;
}

/*
 * The node after n in document order below top, without recursion (a hostile document must not
 * be able to choose our stack depth). Descends into elements only, so entity content is not
 * visited; *depth follows the moves. NULL when the walk is done.
 */
static xmlNodePtr walk_next(xmlNodePtr n, xmlNodePtr top, int *depth)
{
    if (n->type == XML_ELEMENT_NODE && n->children) {
        (*depth)++;
        return n->children;
    }
    while (n && n != top && !n->next) {
        n = n->parent;
        (*depth)--;
    }
    return (!n || n == top) ? NULL : n->next;
}

/*
 * Walks the whole tree without recursion (a hostile document must not be able to choose our stack
 * depth) and refuses DTD and entity nodes and nesting deeper than the limit. The SAX hooks have
 * already stopped such a parse; this also covers trees that were not built by our parser.
 */
tnd_status tnd_xml_check_tree(xmlDocPtr doc, const char *name, tnd_error *err)
{
    const char *file = name ? name : "";
    if (!doc)
        return tnd_error_set(err, TND_ERR_XML_MALFORMED, file, 0, NULL, "geen document");
    if (doc->intSubset || doc->extSubset)
        return unsafe_error(err, file, 0);
    if (!xmlDocGetRootElement(doc))
        return tnd_error_set(err, TND_ERR_XML_MALFORMED, file, 0, HINT_TAGS,
                             "het document heeft geen hoofdelement");
    xmlNodePtr top = (xmlNodePtr)doc;
    int depth = 1; /* of n: the root element is at depth 1 */
    for (xmlNodePtr n = top->children; n; n = walk_next(n, top, &depth)) {
        switch (n->type) {
        case XML_DTD_NODE:
        case XML_ENTITY_REF_NODE:
        case XML_ENTITY_NODE:
        case XML_ENTITY_DECL:
        case XML_DOCUMENT_TYPE_NODE:
            return unsafe_error(err, file, tnd_xml_line(n));
        case XML_ELEMENT_NODE:
            if (depth > TND_XML_MAX_DEPTH)
                return depth_error(err, file, tnd_xml_line(n), (const char *)n->name);
            break;
        default:
            break;
        }
    }
    return TND_OK;
}

/*
 * Windows (Notepad, older Excel exports) writes text in Windows-1252 but often declares it as
 * ISO-8859-1. The two differ only in bytes 0x80-0x9F: control characters in ISO-8859-1, printable
 * in Windows-1252 (0x80 is the euro sign). A bid in which "€ 2.000.000,00" would read as
 * "<control> 2.000.000,00" is read as Windows-1252 instead, as browsers do with that label (WHATWG
 * Encoding Standard); the five bytes Windows-1252 leaves undefined are refused with that
 * explanation (issue 10 §4). Returns the encoding to force, or NULL.
 */
static const char *declared_latin1_with_c1(const char *buf, size_t len, const char *file,
                                           tnd_error *err, bool *refused)
{
    *refused = false;
    if (len < 6 || memcmp(buf, "<?xml", 5) != 0)
        return NULL;
    const char *end = memchr(buf, '>', len < 200 ? len : 200);
    if (!end)
        return NULL;
    char decl[201];
    size_t n = (size_t)(end - buf);
    for (size_t i = 0; i < n; i++)
        decl[i] = (char)tolower((unsigned char)buf[i]);
    decl[n] = '\0';
    const char *enc = strstr(decl, "encoding");
    if (!enc)
        return NULL;
    enc += 8;
    while (*enc == ' ' || *enc == '=' || *enc == '"' || *enc == '\'')
        enc++;
    static const char *const labels[] = { "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1",
                                          "latin-1", "l1" };
    bool latin1 = false;
    for (size_t i = 0; i < sizeof labels / sizeof labels[0] && !latin1; i++) {
        size_t l = strlen(labels[i]);
        latin1 = strncmp(enc, labels[i], l) == 0 && (enc[l] == '"' || enc[l] == '\'');
    }
    if (!latin1)
        return NULL;
    long line = 1;
    bool c1 = false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)buf[i];
        line += c == '\n';
        if (c < 0x80 || c > 0x9F)
            continue;
        c1 = true;
        if (c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D) {
            *refused = true;
            tnd_error_set(err, TND_ERR_XML_MALFORMED, file, line,
                          "sla het bestand op als UTF-8, of noem de juiste encoding in "
                          "<?xml version=\"1.0\" encoding=\"...\"?>",
                          "het bestand noemt encoding ISO-8859-1, maar byte 0x%02X is daarin een "
                          "stuurteken en bestaat ook in Windows-1252 niet: de juiste tekenset is "
                          "onbekend", c);
            return NULL;
        }
    }
    return c1 ? "windows-1252" : NULL;
}

static xmlDocPtr read_memory(const char *buf, size_t len, const char *name, int options,
                             tnd_error *err)
{
    const char *file = name ? name : "";
    if (check_bytes(buf, len, file, err) != TND_OK)
        return NULL;
    bool refused;
    const char *forced = declared_latin1_with_c1(buf, len, file, err, &refused);
    if (refused)
        return NULL;

    xmlInitParser();
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt || !ctxt->sax) {
        xmlFreeParserCtxt(ctxt);
        tnd_error_nomem(err, file);
        return NULL;
    }
    parse_state st;
    memset(&st, 0, sizeof st);
    ctxt->_private = &st;
    ctxt->sax->internalSubset = on_doctype;
    ctxt->sax->externalSubset = on_doctype;
    ctxt->sax->entityDecl = on_entity_decl;
    ctxt->sax->startElementNs = on_start_element;
    ctxt->sax->endElementNs = on_end_element;

    saved_handlers saved;
    handlers_capture(&saved, &st.diag);
    /* URL NULL: nothing in the document is resolved relative to the file's location. */
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, buf, (int)len, NULL, forced, options);
    handlers_restore(&saved);

    tnd_status rc;
    if (st.refused == TND_ERR_XML_UNSAFE)
        rc = unsafe_error(err, file, st.refused_line);
    else if (st.refused == TND_ERR_TOO_LARGE)
        rc = depth_error(err, file, st.refused_line, st.element);
    else if (!doc || st.diag.have || !ctxt->wellFormed || !ctxt->nsWellFormed)
        rc = malformed_error(err, file, &st.diag);
    else
        rc = tnd_xml_check_tree(doc, file, err);
    xmlFreeParserCtxt(ctxt);
    if (rc != TND_OK) {
        xmlFreeDoc(doc);
        return NULL;
    }
    tnd_error_clear(err);
    return doc;
}

xmlDocPtr tnd_xml_read_memory(const char *buf, size_t len, const char *name, tnd_error *err)
{
    return read_memory(buf, len, name, PARSE_OPTIONS, err);
}

xmlDocPtr tnd_xml_read_data_memory(const char *buf, size_t len, const char *name, tnd_error *err)
{
    return read_memory(buf, len, name, DATA_OPTIONS, err);
}

static xmlDocPtr read_file(const char *path, char sha256[65], tnd_file_id *id, int options,
                           tnd_error *err);

static tnd_status load_parsed(xmlDocPtr doc, const char *name, tnd_xml_from_doc from_doc,
                              void *out, tnd_error *err)
{
    if (!doc)
        return err->code;
    tnd_status rc = from_doc(doc, name, out, err);
    xmlFreeDoc(doc);
    return rc;
}

tnd_status tnd_xml_load_file(const char *path, tnd_xml_from_doc from_doc, void *out,
                             tnd_error *err)
{
    tnd_error local;
    if (!err)
        err = &local;
    return load_parsed(read_file(path, NULL, NULL, DATA_OPTIONS, err), path, from_doc, out, err);
}

tnd_status tnd_xml_load_memory(const char *buf, size_t len, const char *name,
                               tnd_xml_from_doc from_doc, void *out, tnd_error *err)
{
    tnd_error local;
    if (!err)
        err = &local;
    if (!name)
        name = "";
    return load_parsed(read_memory(buf, len, name, DATA_OPTIONS, err), name, from_doc, out, err);
}

static xmlDocPtr read_file(const char *path, char sha256[65], tnd_file_id *id, int options,
                           tnd_error *err)
{
    char *buf = NULL;
    size_t len = 0;
    tnd_status rc = tnd_read_file_bounded_id(path, (size_t)TND_XML_MAX_BYTES, &buf, &len, id, err);
    if (rc == TND_ERR_TOO_LARGE) {
        check_bytes(NULL, len, path, err); /* the size message, in one place */
        return NULL;
    }
    if (rc != TND_OK)
        return NULL;
    if (sha256)
        tnd_sha256_buf(buf, len, sha256); /* the bytes parsed are the bytes hashed */
    xmlDocPtr doc = read_memory(buf, len, path, options, err);
    free(buf);
    return doc;
}

xmlDocPtr tnd_xml_read_file(const char *path, tnd_error *err)
{
    return read_file(path, NULL, NULL, PARSE_OPTIONS, err);
}

xmlDocPtr tnd_xml_read_data_file_hashed(const char *path, char sha256[65], tnd_file_id *id,
                                        tnd_error *err)
{
    return read_file(path, sha256, id, DATA_OPTIONS, err);
}

/* ------------------------------------------------------------------------------------------ */
/* Schemas                                                                                     */

/* An embedded schema must stand alone: xs:include/import/redefine with a schemaLocation would
 * make libxml2 load another file (with entity substitution on, and possibly over the network). */
static tnd_status check_schema_stands_alone(xmlDocPtr doc, const char *file, tnd_error *err)
{
    static const char *const loaders[] = {"include", "import", "redefine", "override"};
    xmlNodePtr top = (xmlNodePtr)doc;
    int depth = 1;
    for (xmlNodePtr n = top->children; n; n = walk_next(n, top, &depth)) {
        if (n->type == XML_ELEMENT_NODE) {
            for (size_t i = 0; i < sizeof loaders / sizeof loaders[0]; i++) {
                if (xmlStrEqual(n->name, BAD_CAST loaders[i]) &&
                    xmlHasProp(n, BAD_CAST "schemaLocation"))
                    return tnd_error_set(err, TND_ERR_SCHEMA, file, tnd_xml_line(n),
                                         "neem de definities op in het schema zelf",
                                         "het schema laadt een ander bestand (xs:%s "
                                         "schemaLocation); ingebouwde schema's staan op zichzelf",
                                         loaders[i]);
            }
        }
    }
    return TND_OK;
}

tnd_schema *tnd_schema_new(const char *xsd, size_t len, const char *name, tnd_error *err)
{
    const char *file = name ? name : "";
    /* The XSD is ours, but it goes through the same checks: no DTD, no entities, no includes.
     * The schema is compiled from this tree, not from the bytes again (issue 9: the second
     * parse was a tenth of `tender check` of one bid). */
    xmlDocPtr doc = read_memory(xsd, len, file, DATA_OPTIONS, err);
    if (!doc)
        return NULL;
    if (check_schema_stands_alone(doc, file, err) != TND_OK) {
        xmlFreeDoc(doc);
        return NULL;
    }

    tnd_schema *s = calloc(1, sizeof *s);
    if (!s) {
        xmlFreeDoc(doc);
        tnd_error_nomem(err, file);
        return NULL;
    }
    s->doc = doc;
    xml_diag diag;
    memset(&diag, 0, sizeof diag);
    saved_handlers saved;
    handlers_capture(&saved, &diag);
    xmlSchemaParserCtxtPtr pctxt = xmlSchemaNewDocParserCtxt(doc);
    if (pctxt) {
        xmlSchemaSetParserStructuredErrors(pctxt, on_libxml_error, &diag);
        s->schema = xmlSchemaParse(pctxt);
        xmlSchemaFreeParserCtxt(pctxt);
    }
    handlers_restore(&saved);

    if (!s->schema || diag.have) {
        char message[512];
        clean_message(message, sizeof message, diag.have ? diag.message : "onbekende fout", 1);
        tnd_error_set(err, TND_ERR_SCHEMA, file, diag.line, NULL, "het schema is ongeldig: %s",
                      message);
        tnd_schema_free(s);
        return NULL;
    }
    tnd_error_clear(err);
    return s;
}

void tnd_schema_free(tnd_schema *s)
{
    if (!s)
        return;
    if (s->schema)
        xmlSchemaFree(s->schema);
    xmlFreeDoc(s->doc); /* after the schema, which may point into it */
    free(s);
}

static void describe_namespace(char *buf, size_t size, const xmlChar *href)
{
    if (href)
        snprintf(buf, size, "namespace '%s'", (const char *)href);
    else
        snprintf(buf, size, "geen namespace");
}

tnd_status tnd_schema_validate(const tnd_schema *s, xmlDocPtr doc, const char *name,
                               tnd_error *err)
{
    const char *file = name ? name : "";
    if (!s || !s->schema || !doc)
        return tnd_error_set(err, TND_ERR_SCHEMA, file, 0, NULL, "geen schema of document");

    xml_diag diag;
    memset(&diag, 0, sizeof diag);
    saved_handlers saved;
    handlers_capture(&saved, &diag);
    int ret = -1;
    xmlSchemaValidCtxtPtr vctxt = xmlSchemaNewValidCtxt(s->schema);
    if (vctxt) {
        xmlSchemaSetValidStructuredErrors(vctxt, on_libxml_error, &diag);
        ret = xmlSchemaValidateDoc(vctxt, doc);
        xmlSchemaFreeValidCtxt(vctxt);
    }
    handlers_restore(&saved);

    if (!vctxt)
        return tnd_error_nomem(err, file);
    if (ret == 0 && !diag.have) {
        tnd_error_clear(err);
        return TND_OK;
    }
    if (!diag.have)
        return tnd_error_set(err, TND_ERR_SCHEMA, file, 0, HINT_SCHEMA,
                             "het document voldoet niet aan het schema (libxml2-code %d)", ret);
    xmlNodePtr node = diag.node;
    char message[512];
    clean_message(message, sizeof message, diag.message, 1);
    /* With the "{uri}" parts gone, "Element 'kvk': not expected. Expected is ( kvk )" would hide
     * that the element is in the wrong namespace (often a forgotten xmlns): say so. */
    if (node && node->type == XML_ELEMENT_NODE) {
        const xmlChar *have = node->ns ? node->ns->href : NULL;
        const xmlChar *want = s->schema->targetNamespace;
        if (!xmlStrEqual(have, want)) {
            char have_text[300], want_text[300], noted[1280];
            describe_namespace(have_text, sizeof have_text, have);
            describe_namespace(want_text, sizeof want_text, want);
            snprintf(noted, sizeof noted, "%s (<%s> heeft %s; het schema verwacht %s)", message,
                     (const char *)node->name, have_text, want_text);
            clean_message(message, sizeof message, noted, 0);
        }
    }
    return tnd_error_set(err, TND_ERR_SCHEMA, file, diag.line, HINT_SCHEMA, "%s", message);
}

/* ------------------------------------------------------------------------------------------ */
/* Element helpers                                                                             */

static int is_ascii_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Trims ASCII white space and U+00A0 (no-break space, common in text pasted from Word/Excel)
 * from both ends of s (NULL reads as ""), and copies what is left into buf when it fits in size
 * bytes, else into a malloc'd copy. Returns the copy; NULL only when out of memory. */
static char *trimmed_into(const char *s, char *buf, size_t size)
{
    if (!s)
        s = "";
    size_t start = 0, end = strlen(s);
    for (;;) {
        if (start < end && is_ascii_space(s[start]))
            start++;
        else if (start + 2 <= end && (unsigned char)s[start] == 0xC2 &&
                 (unsigned char)s[start + 1] == 0xA0)
            start += 2;
        else
            break;
    }
    for (;;) {
        if (end > start && is_ascii_space(s[end - 1]))
            end--;
        else if (end >= start + 2 && (unsigned char)s[end - 2] == 0xC2 &&
                 (unsigned char)s[end - 1] == 0xA0)
            end -= 2;
        else
            break;
    }
    char *out = end - start < size ? buf : malloc(end - start + 1);
    if (!out)
        return NULL;
    memcpy(out, s + start, end - start);
    out[end - start] = '\0';
    return out;
}

/* The usual element, one text (or none): that text as it stands ("" for none), without the
 * copy that xmlNodeGetContent makes of the descendants' texts joined (issue 9). NULL for any
 * other element: its content must be joined. */
static const char *single_text(xmlNodePtr node)
{
    if (node->type != XML_ELEMENT_NODE)
        return NULL;
    xmlNodePtr c = node->children;
    if (!c)
        return "";
    if (!c->next && (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE))
        return (const char *)c->content;
    return NULL;
}

char *tnd_xml_text_into(xmlNodePtr node, char *buf, size_t size)
{
    if (!node)
        return NULL;
    const char *text = single_text(node);
    if (text)
        return trimmed_into(text, buf, size);
    xmlChar *content = xmlNodeGetContent(node);
    char *out = trimmed_into((const char *)content, buf, size);
    xmlFree(content);
    return out;
}

char *tnd_xml_text(xmlNodePtr node)
{
    return tnd_xml_text_into(node, NULL, 0);
}

char *tnd_xml_attr_into(xmlNodePtr node, const char *name, char *buf, size_t size)
{
    if (!node || !name || node->type != XML_ELEMENT_NODE)
        return NULL;
    /* The usual attribute, one text: its text as it stands, without xmlGetProp's copy (issue
     * 9). xmlHasProp finds the attribute as xmlGetProp does. */
    xmlAttrPtr a = xmlHasProp(node, BAD_CAST name);
    if (!a)
        return NULL;
    if (a->type == XML_ATTRIBUTE_NODE && a->children && !a->children->next &&
        a->children->type == XML_TEXT_NODE)
        return trimmed_into((const char *)a->children->content, buf, size);
    xmlChar *value = xmlGetProp(node, BAD_CAST name);
    if (!value)
        return NULL;
    char *out = trimmed_into((const char *)value, buf, size);
    xmlFree(value);
    return out;
}

char *tnd_xml_attr(xmlNodePtr node, const char *name)
{
    return tnd_xml_attr_into(node, name, NULL, 0);
}

/* c or the first element sibling after it with that local name (any element if name is NULL). */
static xmlNodePtr element_from(xmlNodePtr c, const char *name)
{
    for (; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && (!name || xmlStrEqual(c->name, BAD_CAST name)))
            return c;
    return NULL;
}

xmlNodePtr tnd_xml_child(xmlNodePtr node, const char *name)
{
    return node ? element_from(node->children, name) : NULL;
}

xmlNodePtr tnd_xml_next(xmlNodePtr node, const char *name)
{
    return node ? element_from(node->next, name) : NULL;
}

long tnd_xml_line(xmlNodePtr node)
{
    if (!node)
        return 0;
    long line = xmlGetLineNo(node);
    return line > 0 ? line : 0;
}
