/*
 * definition.h - loading a tender definition (XML, validated against tender/schema/definition.xsd)
 * into the plain model of scoring/model.h.
 *
 * The IJsselland 2023 definition is compiled into the binary and is the default when no
 * --tender is given. Loading checks the schema and then the consistency that an XSD cannot
 * express (every lot a rule names exists, every referenced item, product and resolution exists,
 * bands are ordered), reporting file:line and a fix for the first problem.
 */
#ifndef TND_DEFINITION_H
#define TND_DEFINITION_H

#include <stdbool.h>

#include "scoring/model.h"
#include "tender/base/buf.h"
#include "tender/base/error.h"
#include "tender/embedded.h"

/* Loads and validates a definition file. On success *out owns a new definition. */
tnd_status tnd_definition_load_file(const char *path, tnd_definition **out, tnd_error *err);

/* Loads the embedded default (IJsselland 2023). file is set to "(ingebouwd) ijsselland-2023.xml".
 * Its bytes are validated against the definition XSD when the program is built, not on every
 * load (issue 9); every other definition is validated when loaded. Where the build's image of
 * it is linked in (the program), that image is copied instead of parsing the XML. */
tnd_status tnd_definition_load_default(tnd_definition **out, tnd_error *err);

/* Loads from memory, validated against the definition XSD; name is used in messages. */
tnd_status tnd_definition_load_memory(const char *buf, size_t len, const char *name,
                                      tnd_definition **out, tnd_error *err);

/* path NULL => default. Otherwise a file that exists, else the built-in definition with that id
 * (`--tender grjr-2021`; its file is then "(ingebouwd) grjr-2021.xml"); a word that is neither
 * (no '/', no '.') is a usage error listing the built-in ids. */
tnd_status tnd_definition_load(const char *path, tnd_definition **out, tnd_error *err);

/* The built-in definition with this id, or NULL. */
const tnd_embedded_tender *tnd_definition_builtin(const char *id);

/* The built-in definition that tnd_definition_load(arg) loads: NULL when arg is NULL (the
 * default), a file that exists, or no built-in id. Callers that hash or protect the definition
 * as an input file use the embedded bytes instead when this is not NULL. */
const tnd_embedded_tender *tnd_definition_builtin_for(const char *arg);

void tnd_definition_free(tnd_definition *def);

/*
 * (issue 9) Appends the image of a parsed definition to out: the definition and every array it
 * owns, without addresses. tender/cli/definition_image.c writes the default definition's image
 * when the program is built; tnd_definition_load_default copies it instead of parsing the XML.
 * The image fits only the build that wrote it (its header of sizes is checked). False when out
 * of memory.
 */
bool tnd_definition_image_write(const tnd_definition *def, tnd_buf *out);

/* The definition of an image (a new one, freed with tnd_definition_free), or NULL: *bad when
 * the image does not fit this build or is cut short or too long (the caller then parses the
 * XML), else out of memory. */
tnd_definition *tnd_definition_image_read(const unsigned char *img, size_t size, bool *bad);

#endif
