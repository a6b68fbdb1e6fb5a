/*
 * audit.h - what every output of `tender evaluate` records about the run it comes from: the tool
 * version, the evaluation date, the command line, each input with its SHA-256, the procedure and
 * the run id. The award workbook (Audit sheet, forms/award_xlsx.c) and the JSON
 * (forms/award_json.c) write the same record; tender/cli/evaluate_run.c fills it.
 */
#ifndef TND_AUDIT_H
#define TND_AUDIT_H

#include <stddef.h>

#include "scoring/model.h"
#include "scoring/rounds.h"

/* One input file of the evaluation, as listed on the Audit sheet. The texts are not copied (issue
 * 9: two 512-byte copies per bid were a tenth of the memory of a run): they point into strings
 * that live as long as the run (the command line, the bid's file, the definition's file). */
typedef struct {
    const char *role;           /* "aanbestedingsdefinitie", "inschrijving", "scores", ... */
    const char *path;           /* as given on the command line */
    const char *name;           /* what the Audit sheet shows: the path relative to the folder
                                   given (--bids), or the file name; never an absolute path; a
                                   tail of `path`, or the definition's name */
    char sha256[65];            /* lowercase hex (tender/base/sha256.h) */
} tnd_audit_input;

/* What the Audit sheet records about the run. */
typedef struct {
    const char *tool_version;    /* "0.1.0" */
    const char *evaluation_date; /* YYYY-MM-DD, from --date or SOURCE_DATE_EPOCH; 1980 or later */
    const char *arguments;       /* the command line as run */
    const tnd_audit_input *inputs;
    size_t n_inputs;
    const tnd_procedure *procedure; /* (issue 8 §4) rounds and decisions: the Procedure sheet;
                                       NULL = no such sheet */
    const char *run_id;          /* SHA-256 of version, date and input hashes, also in the JSON
                                  * (a workbook and a JSON of different runs are told apart);
                                  * NULL: no row */
} tnd_audit;

#endif
