/*
 * bid_run.h - reading, validating and checking a list of bids (steps 1-2, §6) on all cores, with
 * the results handed over in input order, so the output is the same bytes whatever the number of
 * threads (issue 9).
 *
 * Each worker thread has its own tnd_bid_reader (notation match data) sharing one compiled bid XSD
 * and the definition (read-only). The calling thread receives the bids one by one, in input order,
 * through a sink: `tender check` reports and frees each bid (memory flat in the number of bids),
 * `tender evaluate` keeps a compact outcome per bid. Workers run at most a bounded window ahead of
 * the sink, so memory does not grow with the number of bids either way. Bids that are not in the
 * page cache are asked for ahead of the workers (tender/base/readahead.h), so that the disk and
 * the cores work at once.
 */
#ifndef TND_BID_RUN_H
#define TND_BID_RUN_H

#include <stdbool.h>
#include <stddef.h>

#include "scoring/check.h"
#include "tender/cli/cli.h"
#include "tender/base/error.h"

#define TND_JOBS_MAX 256

/* One input as the sink receives it. */
typedef struct {
    size_t index;                 /* position in the path list */
    const char *path;
    tnd_bid *bid;                 /* NULL when refused: err says why (file:line, fix) */
    tnd_check_result *result;     /* NULL when refused */
    tnd_error err;
    char sha256[65];              /* SHA-256 (hex) of the file, when tnd_bid_run_options.hash */
    tnd_file_id id;               /* which file was read (known for XML, tender/base/readfile.h) */
    bool from_worker;             /* read and checked on another thread, in its own malloc arena */
} tnd_bid_item;

typedef struct {
    int jobs;                     /* threads reading and checking; <= 1: the calling thread */
    bool hash;                    /* hash every input from the bytes read (audit trail) */
    bool knockouts_only;          /* keep only the findings the award and its workbook use
                                     (tnd_check_result_keep_knockouts) */
    bool progress;                /* progress on stderr when it is a terminal and the run is long */
    bool drop_details;            /* after the check, drop the details of every bid the award
                                     reads no further (tnd_award_reads_bid_details,
                                     tnd_bid_drop_details): issue 9, 100k bids within 1 GiB */
} tnd_bid_run_options;

/* Receives every input in input order on the calling thread. It may take item->bid and
 * item->result (set them to NULL); what it leaves is freed. Returns false to stop the run. */
typedef bool (*tnd_bid_sink)(void *ctx, tnd_bid_item *item);

/* Runs every path through read, validate against def, check. Returns false when out of memory
 * or when the sink stopped the run. */
bool tnd_bid_run(const tnd_definition *def, const tnd_path_list *paths,
                 const tnd_bid_run_options *o, tnd_bid_sink sink, void *ctx);

/* tnd_check_bids with options: keeps every bid and result in out (and, with o->hash, the
 * hashes in out->sha256 and the files' ids in out->ids). */
bool tnd_check_bids_with(const tnd_definition *def, const tnd_path_list *paths,
                         const tnd_bid_run_options *o, tnd_checked_bids *out);

/* The number of online cores (at least 1, at most TND_JOBS_MAX): the default of -j. */
int tnd_default_jobs(void);

/*
 * Matches "-j N", "-jN", "--jobs N" and "--jobs=N" at argv[*i] (advancing *i past a separate
 * value). N outside 1..TND_JOBS_MAX prints a usage error for cmd and sets *bad.
 */
bool tnd_opt_jobs(const char *cmd, int argc, char **argv, int *i, int *jobs, bool *bad);

#endif
