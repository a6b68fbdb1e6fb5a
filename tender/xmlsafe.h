/*
 * xmlsafe.h - loading untrusted XML safely and validating it against an XSD.
 *
 * Bids come from outside parties. Every XML document is read through here:
 *  - no DTD loading, no external entities, no network (XML_PARSE_NONET), no XInclude;
 *  - a document that declares a DOCTYPE with an internal subset or any ENTITY is refused
 *    (TND_ERR_XML_UNSAFE) before anything is resolved;
 *  - bounded size (TND_XML_MAX_BYTES) and nesting depth (TND_XML_MAX_DEPTH), bounded text;
 *  - parse errors carry file:line and a plain message.
 * libxml2's global error handlers are never used to print: errors go into tnd_error.
 */
#ifndef TND_XMLSAFE_H
#define TND_XMLSAFE_H

#include <libxml/tree.h>
#include <stddef.h>

#include "tender/base/error.h"
#include "tender/base/readfile.h"

#define TND_XML_MAX_BYTES (16L * 1024 * 1024) /* 16 MiB per document */
#define TND_XML_MAX_DEPTH 64                  /* element nesting */

typedef struct tnd_schema tnd_schema;

/* Reads and parses a file. name is used in messages (normally the path). NULL on error. */
xmlDocPtr tnd_xml_read_file(const char *path, tnd_error *err);

/* Parses a buffer (e.g. an embedded document or an xlsx part); name is used in messages. */
xmlDocPtr tnd_xml_read_memory(const char *buf, size_t len, const char *name, tnd_error *err);

/*
 * The same for a data document such as a bid, whose elements hold either elements or text, never
 * both: the white space between elements is not kept as text nodes (libxml2 XML_PARSE_NOBLANKS;
 * an element holding only white space keeps it). That white space is a third of the nodes of a
 * bid; building, validating and freeing them was a quarter of reading one (issue 9).
 */
xmlDocPtr tnd_xml_read_data_memory(const char *buf, size_t len, const char *name, tnd_error *err);
/* ...from a file, also putting the SHA-256 (hex) of the bytes read into sha256 (if not NULL) once
 * they are read, whether or not they parse: the bytes parsed are the bytes hashed; and which file
 * they came from into *id (if not NULL; tender/base/readfile.h). */
xmlDocPtr tnd_xml_read_data_file_hashed(const char *path, char sha256[65], tnd_file_id *id,
                                        tnd_error *err);

/*
 * The one way a reader turns a file or a buffer into its own struct: parse safely (as
 * tnd_xml_read_data_*: definitions, ESPD and XBRL are data documents), hand the tree to
 * `from_doc`, free the tree. `name` is used in messages (NULL:
 * ""); err may be NULL. Returns what from_doc returns, or the parse error.
 */
typedef tnd_status (*tnd_xml_from_doc)(xmlDocPtr doc, const char *name, void *out, tnd_error *err);
tnd_status tnd_xml_load_file(const char *path, tnd_xml_from_doc from_doc, void *out,
                             tnd_error *err);
tnd_status tnd_xml_load_memory(const char *buf, size_t len, const char *name,
                               tnd_xml_from_doc from_doc, void *out, tnd_error *err);

/*
 * Checks a tree as tnd_xml_read_* do after parsing: no DTD or entity nodes (TND_ERR_XML_UNSAFE),
 * no element nested deeper than TND_XML_MAX_DEPTH (TND_ERR_TOO_LARGE, with its line), a root
 * element present. Iterative, so any depth is safe to check. For trees built elsewhere.
 */
tnd_status tnd_xml_check_tree(xmlDocPtr doc, const char *name, tnd_error *err);

/* Compiles an XSD held in memory (schemas are embedded). NULL on error (err filled). */
tnd_schema *tnd_schema_new(const char *xsd, size_t len, const char *name, tnd_error *err);
void tnd_schema_free(tnd_schema *s);

/*
 * Validates doc against the schema. On the first violation fills err with the file name given,
 * the line of the offending element, libxml2's message reworded where useful, and a hint that
 * names the documentation (docs/...). Returns TND_OK or TND_ERR_SCHEMA.
 */
tnd_status tnd_schema_validate(const tnd_schema *s, xmlDocPtr doc, const char *name,
                               tnd_error *err);

/* Element helpers used by the readers. Text is trimmed; returned strings are malloc'd. */
char *tnd_xml_text(xmlNodePtr node);                    /* element text content, trimmed */
char *tnd_xml_attr(xmlNodePtr node, const char *name);  /* attribute or NULL */
/* The same into the caller's buf of size bytes when the trimmed text fits (the result is buf),
 * else malloc'd (the caller frees a result that is not buf): no allocation for the short values
 * of a bid (issue 9). */
char *tnd_xml_text_into(xmlNodePtr node, char *buf, size_t size);
char *tnd_xml_attr_into(xmlNodePtr node, const char *name, char *buf, size_t size);
xmlNodePtr tnd_xml_child(xmlNodePtr node, const char *name);      /* first element child */
xmlNodePtr tnd_xml_next(xmlNodePtr node, const char *name);       /* next element sibling
                                                                     with that name (NULL=any) */
long tnd_xml_line(xmlNodePtr node);

#endif
