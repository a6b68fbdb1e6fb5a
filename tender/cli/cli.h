/*
 * cli.h - the small pieces every subcommand shares: option matching, loading the definition,
 * writing a file atomically, and the exit codes.
 *
 * Exit codes (documented in --help and tender(1)):
 *   0  success: eligible for every lot applied for (check), classified (intensity)
 *   1  a negative outcome: not (or not yet) eligible, a boundary or out-of-band intensity
 *   2  bad input or usage: nothing was decided
 */
#ifndef TND_CLI_H
#define TND_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "scoring/check.h"
#include "tender/base/error.h"
#include "tender/base/readfile.h"

enum { TND_EXIT_OK = 0, TND_EXIT_NEGATIVE = 1, TND_EXIT_BAD_INPUT = 2 };

/* One subcommand: git-style dispatch table entry (main.c). */
typedef struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;   /* one line for `tender --help` */
} tnd_command;

int cmd_check(int argc, char **argv);
int cmd_intensity(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_evaluate(int argc, char **argv);
int cmd_verify(int argc, char **argv);
int cmd_forms(int argc, char **argv);
int cmd_letters(int argc, char **argv);
int cmd_tenders(int argc, char **argv);

/*
 * Matches argv[*i] against a long option "--name". For options with a value, accepts
 * "--name VALUE" and "--name=VALUE" and stores the value in *value (advancing *i).
 * Returns true when matched; a missing value prints an error and sets *bad.
 */
bool tnd_opt_flag(char **argv, int *i, const char *name);
bool tnd_opt_value(int argc, char **argv, int *i, const char *name, const char **value,
                   bool *bad);

/* Prints an error record to stderr as "tender: file:line: error: message\n  hint: ...". */
void tnd_print_error(const tnd_error *err);

/* The definition `tender` names (--tender: a path, a built-in id, or NULL for the default), or
 * NULL after printing why it cannot be loaded (every command then exits 2). */
tnd_definition *tnd_cli_definition(const char *tender);

/* Prints "tender <cmd>: message" plus "Zie 'tender <cmd> --help'." to stderr; returns 2. */
int tnd_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* True when path is the same file as one of inputs: the same path, the same device and inode
 * (another spelling, a hard link, a symlink), or the same folder and name of a file that does
 * not exist yet (tnd_same_file_index, tender/base/outfile.h). */
bool tnd_same_file_as_any(const char *path, const char *const *inputs, size_t n_inputs);

/*
 * Writes data to path as one output (tender/base/outfile.h): refused before writing when path is one
 * of `inputs`, not a regular file, or in a missing folder; written to an unnamed temp file,
 * fsync'ed and linked in place. On failure the target is untouched and no temp file is left.
 */
tnd_status tnd_write_atomic(const char *path, const void *data, size_t len,
                            const char *const *inputs, size_t n_inputs, tnd_error *err);

/* True when progress lines may be written to stderr (stderr is a terminal). */
bool tnd_progress_enabled(void);

/* A list of input paths (owned strings). */
typedef struct {
    char **paths;
    size_t n, cap;
} tnd_path_list;

bool tnd_path_list_add(tnd_path_list *l, const char *path);
/* Adds path; a directory adds every *.xml and *.xlsx file in it (not hidden files, not Excel's
 * "~$" lock files), sorted by name (reproducible runs). */
bool tnd_path_list_add_input(tnd_path_list *l, const char *path);
void tnd_path_list_free(tnd_path_list *l);

/* Bids read and checked (steps 1-2), in input order; failed inputs are left out. */
typedef struct {
    tnd_bid **bids;
    tnd_check_result **results;
    size_t n;
    size_t n_failed;              /* inputs refused (errors printed to stderr) */
    char (*sha256)[65];           /* per bid, the SHA-256 of its file; NULL unless asked for
                                     (tender/cli/bid_run.h) */
    tnd_file_id *ids;             /* per bid, which file was read (known: XML), with sha256 */
} tnd_checked_bids;

/*
 * Reads every path as a bid (*.xlsx: a filled-in form, tender/bid_xlsx.h; else XML), validates
 * it against def and runs tnd_check. Every refused input
 * is reported on stderr (file:line, what, fix) and counted in n_failed; the others are kept.
 * Progress goes to stderr only when it is a terminal and there are many bids.
 * Returns false only when out of memory.
 */
bool tnd_check_bids(const tnd_definition *def, const tnd_path_list *paths, tnd_checked_bids *out);
void tnd_checked_bids_free(tnd_checked_bids *c);

#endif
