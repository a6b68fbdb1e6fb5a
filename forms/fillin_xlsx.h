/*
 * fillin_xlsx.h - the bidder's fill-in workbook of `tender forms` (issue 4 item 1a):
 * inschrijving-<tender id>.xlsx, generated from the tender definition.
 *
 * Sheets (layout: forms/layout/form_layout.h; how a provider uses it: docs/provider-guide.md):
 *   Toelichting               how to fill in, what the colours mean
 *   Identiteit                the bid (submission time, AGB, provider type, combination, holding,
 *                             declarations) and a grid of parties (inschrijver, combination
 *                             members, third parties): name, KvK, UEA answers per ground, part
 *                             II C and IV, document dates, joint liability
 *   Percelen                  per lot and product of the definition: ja/nee; group-care capacity
 *   Financieel                Bijlage XVI items x years ("n.v.t." where not asked), then live
 *                             formulas: every norm's ratio and met/not met per year, the number
 *                             of failed years, the verdict per the definition's year bands,
 *                             going concern, start-up, plan of approach
 *   Verzekering en kwaliteit  cover per event per party with the minimum check, certificates,
 *                             quality-system verdict per rule, keurmerken
 *   Referenties               the counted references and two that do not count; per rule of
 *                             §5.4 a check (competences, window, referent, ...)
 *   Tariefgroep               the facts the §5.6 requirements name, and per requirement its check
 *   FTE, Locaties             FTE per tariefgroep; locations (the derived fact locaties-in-regio)
 *   Groepen                   residential and day groups: intensity, class (incl. "grensgeval"
 *                             on a shared limit), the claim's verdict
 *   Controle                  the self-check: one row per rule and lot of steps 1-2 with the
 *                             definition's rule id in column A and the Dutch verdict
 *                             (tnd_verdict_dutch) in green / orange / red; per lot the status
 *   Lijsten                   (hidden) lookup tables of the formulas
 *
 * Input cells, validation, prefill: fillin_xlsx.c; the formulas of the self-check: fillin_check.c
 * and fillin_rules_*.c, one file per scoring/ file they mirror (fillin_calc.h).
 * Every number a formula compares against comes from the definition. Labels are locked, input
 * cells unlocked (yellow) and validated; every sheet is protected without a password. Formulas
 * use only functions Excel and LibreOffice compute alike. The self-check is a convenience:
 * `tender check` is the authoritative verdict.
 */
#ifndef TND_FILLIN_XLSX_H
#define TND_FILLIN_XLSX_H

#include <stddef.h>

#include "scoring/model.h"
#include "tender/base/error.h"
#include "tender/base/outfile.h"

/*
 * Checks that `bid` fits the form of `def` (at most 3 combination members, 2 third parties, 4 AGB
 * codes, 6 certificates, count + 2 references, 12 locations, 10 groups of each kind, only the
 * form's FTE codes and keurmerk kinds). TND_ERR_TOO_LARGE names what does not fit.
 */
tnd_status tnd_fillin_prefill_fits(const tnd_definition *def, const tnd_bid *bid, tnd_error *err);

/*
 * Writes the fill-in workbook of `def` to `path` (atomically, see forms/xlsx_common.h). With a
 * `prefill` bid (may be NULL) its values are written into the input cells, so a provider (or a
 * test) starts from an existing bid. The document date is the tender's closing date, so two runs
 * give identical bytes.
 *
 * Errors: those of tnd_fillin_layout_init and tnd_fillin_prefill_fits, and of writing
 * (TND_ERR_IO for a missing directory, TND_ERR_USAGE for a protected input).
 */
tnd_status tnd_fillin_write(const char *path, const tnd_definition *def, const tnd_bid *prefill,
                            const char *const *protected_inputs, size_t n_protected,
                            tnd_error *err);

/* As tnd_fillin_write, into `out` (tender/base/outfile.h) begun by the caller after checking every
 * output: built and settled, committed or aborted by the caller together with its other
 * outputs. */
tnd_status tnd_fillin_write_to(tnd_outfile *out, const tnd_definition *def, const tnd_bid *prefill,
                               tnd_error *err);

#endif
