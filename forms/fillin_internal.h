/*
 * fillin_internal.h - what the two halves of the bidder workbook writer share: fillin_xlsx.c
 * writes the input cells (labels, validation, protection, prefill) and fillin_check.c with
 * fillin_rules_*.c the live formulas of the self-check (the calculation cells of every sheet and
 * the sheet 'Controle'; fillin_calc.h).
 * Not part of the public API (fillin_xlsx.h).
 */
#ifndef TND_FILLIN_INTERNAL_H
#define TND_FILLIN_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "forms/fillin_mirror.h"
#include "forms/layout/form_layout.h"
#include "forms/form_style.h"
#include "scoring/model.h"

/* The sheets of the workbook, in tab order. */
typedef enum {
    FI_GUIDE, FI_IDENTITY, FI_LOTS, FI_FINANCIAL, FI_INSURANCE, FI_REFERENCES, FI_REQUIREMENTS,
    FI_FTE, FI_LOCATIONS, FI_GROUPS, FI_PRODUCTS, FI_CHECK, FI_LISTS, FI_SHEETS
} tnd_fillin_sheet; /* FI_PRODUCTS only when the layout has rows for it (ws[] NULL else) */

/* The columns of the hidden sheet 'Lijsten': list values and lookup tables of the formulas.
 * Row 0 is a header; values start in row 1. */
typedef enum {
    FI_LIST_PROVIDER,        /* regulier + the provider types of the §9.6 maxima */
    FI_LIST_REFERENT,        /* referent kinds: allowed, forbidden, "overig" */
    FI_LIST_SCHEME,          /* quality schemes of every quality rule */
    FI_LIST_EVIDENCE,        /* certificaat, registratie, kwaliteitsplan */
    FI_LIST_OCCUPANCY,       /* occupancy kinds of the residential rules */
    FI_LIST_RES_CLAIM,       /* products of the residential lot */
    FI_LIST_DAY_CLAIM,       /* products of the group-care lot */
    FI_LIST_MUNICIPALITY,    /* municipality names */
    FI_LIST_PLAN,            /* plan-of-approach statuses */
    FI_LIST_KEURMERK,        /* keurmerk statuses */
    FI_LIST_MAX_TYPE,        /* maxima table: provider type | */
    FI_LIST_MAX_RANK,        /*   rank of its maximum product (99 = none) | */
    FI_LIST_MAX_MIN,         /*   minimum number of intensities */
    FI_LIST_RANK_CODE,       /* intensity products of the residential lot: code | */
    FI_LIST_RANK,            /*   rank */
    FI_LIST_FACT_VALUES,     /* first column of the one-of fact values, one column per fact */
    FI_LIST_COLUMNS = FI_LIST_FACT_VALUES + 8
} tnd_fillin_list;

#define FI_NO_RANK 99        /* a provider type without a maximum product */
#define FI_LIST_MAX 64       /* values of one list column */

typedef struct {
    tnd_form_writer w;
    const tnd_definition *def;
    const tnd_bid *bid;                     /* prefill, NULL for an empty form */
    tnd_fillin_layout L;
    lxw_worksheet *ws[FI_SHEETS];
    int list_len[FI_LIST_COLUMNS];          /* values in each column of 'Lijsten' */
    const char *list_values[FI_LIST_COLUMNS][FI_LIST_MAX]; /* the texts (owned by def) */
    int fact_list_col[TND_FORM_MAX_FACTS];  /* Lijsten column of a one-of fact, -1 = none */
    tnd_fillin_mirror *log;                 /* the rows of 'Controle' and their blocks, or NULL */
    size_t log_max, n_log;
} tnd_fillin;

/* The sheet names, indexed by tnd_fillin_sheet. */
extern const char *const tnd_fillin_sheet_names[FI_SHEETS];

/* "'Identiteit'!$C$7" (abs) or "'Identiteit'!C7" into buf (>= 64 bytes). */
void tnd_fillin_ref(tnd_fillin_sheet sheet, int row, int col, bool abs, char *buf, size_t size);
/* "$C$7" or "C7" on the same sheet. */
void tnd_fillin_cell(int row, int col, bool abs, char *buf, size_t size);
/* "'Lijsten'!$A$2:$A$13": the values of a list column. */
void tnd_fillin_list_range(const tnd_fillin *f, tnd_fillin_list column, char *buf, size_t size);

/* The Lijsten column (FI_LIST_FACT_VALUES + k) of a one-of fact, or -1. */
int tnd_fillin_fact_list(const tnd_fillin *f, int fact);

/* fillin_check.c: writes every formula of the self-check (calculation cells of the input sheets
 * and the sheet 'Controle'; the families: fillin_calc.h). Called after the input sheets are
 * written. */
void tnd_fillin_formulas(tnd_fillin *f);

/* fillin_mirror.c: logs a row of 'Controle' (rule id, the block that wrote it, perceel) when the
 * writer keeps a log. */
void tnd_fillin_log_mirror(tnd_fillin *f, const char *rule_id, const char *block, int lot);

#endif
