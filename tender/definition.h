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

#include "scoring/model.h"
#include "tender/base/error.h"

/* Loads and validates a definition file. On success *out owns a new definition. */
tnd_status tnd_definition_load_file(const char *path, tnd_definition **out, tnd_error *err);

/* Loads the embedded default (IJsselland 2023). file is set to "(ingebouwd) ijsselland-2023.xml". */
tnd_status tnd_definition_load_default(tnd_definition **out, tnd_error *err);

/* Loads from memory; name is used in messages. */
tnd_status tnd_definition_load_memory(const char *buf, size_t len, const char *name,
                                      tnd_definition **out, tnd_error *err);

/* path NULL => default. */
tnd_status tnd_definition_load(const char *path, tnd_definition **out, tnd_error *err);

void tnd_definition_free(tnd_definition *def);

#endif
