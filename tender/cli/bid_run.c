/* bid_run.c - reading and checking many bids on all cores, in input order (see bid_run.h). */
#include "tender/cli/bid_run.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "scoring/award.h"
#include "tender/bid.h"
#include "tender/bid_xlsx.h"
#include "tender/base/readahead.h"
#include "tender/base/sha256.h"
#include "tender/form_cells.h"
#include "tender/xmlsafe.h"

/* Slots per thread that workers may run ahead of the sink: enough to keep every core busy while
 * the sink writes, small enough that memory stays flat (a slot holds one bid and its result,
 * read and checked: a few KiB). 32, not 8: the sink wakes once per half window, and 10k bids
 * at -j2 went from about 4,500 to 2,000 context switches (issue 9). */
#define WINDOW_PER_JOB 32
/* How far ahead of the input a reader takes the files are asked for when they are not in the
 * page cache (tender/base/readahead.h): a few MB of bids on their way from the disk. 100,000
 * bids read cold at -j2: 19.8 s without, 16.5 s at 128 files ahead, 15.0 s at 512 (13-14 s
 * from the cache). */
#define READAHEAD_FILES 512
/* Progress only for runs this long (in bids), and at most every PROGRESS_NS. */
#define PROGRESS_MIN_BIDS 20
#define PROGRESS_NS 200000000L

int tnd_default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1)
        return 1;
    return n > TND_JOBS_MAX ? TND_JOBS_MAX : (int)n;
}

bool tnd_opt_jobs(const char *cmd, int argc, char **argv, int *i, int *jobs, bool *bad)
{
    const char *arg = argv[*i], *value = NULL;
    if (strcmp(arg, "-j") == 0 || strcmp(arg, "--jobs") == 0) {
        if (*i + 1 >= argc) {
            tnd_usage_error(cmd, "optie %s verwacht een aantal (1 t/m %d)", arg, TND_JOBS_MAX);
            *bad = true;
            return true;
        }
        value = argv[++*i];
    } else if (strncmp(arg, "--jobs=", 7) == 0) {
        value = arg + 7;
    } else if (strncmp(arg, "-j", 2) == 0 && arg[2] >= '0' && arg[2] <= '9') {
        value = arg + 2;
    } else {
        return false;
    }
    char *end = NULL;
    long n = strtol(value, &end, 10);
    if (!*value || *end || n < 1 || n > TND_JOBS_MAX) {
        tnd_usage_error(cmd, "-j '%s': geef het aantal gelijktijdige taken, 1 t/m %d", value,
                        TND_JOBS_MAX);
        *bad = true;
        return true;
    }
    *jobs = (int)n;
    return true;
}

/* ------------------------------------------------------------------------------------------ */
/* One bid                                                                                     */

typedef struct {
    tnd_bid_item item;
    bool ready;                   /* processed, waiting for the sink */
    bool out_of_memory;
} slot;

static void item_clear(tnd_bid_item *it)
{
    if (it->result)
        tnd_check_result_free(it->result);
    free(it->result);
    tnd_bid_free(it->bid);
    it->result = NULL;
    it->bid = NULL;
}

/* Read, validate, check: what one worker does for input i. False only when out of memory. */
static bool process(const tnd_definition *def, const tnd_path_list *paths,
                    const tnd_bid_run_options *o, tnd_bid_reader *rd, size_t i, tnd_bid_item *it)
{
    memset(it, 0, sizeof *it);
    it->index = i;
    it->path = paths->paths[i];
    tnd_status rc;
    if (tnd_path_is_xlsx(it->path)) {
        rc = tnd_bid_xlsx_load(it->path, def, &it->bid, &it->err);
        /* A workbook is read through libzip: hash its file (the rare case, read twice). */
        if (rc == TND_OK && o->hash && !tnd_sha256_file(it->path, it->sha256, &it->err))
            rc = it->err.code;
    } else {
        rc = tnd_bid_read_file(rd, it->path, &it->bid, o->hash ? it->sha256 : NULL, &it->id,
                               &it->err);
        if (rc != TND_OK && tnd_bid_refuse_scores_csv(it->path, &it->err))
            rc = it->err.code;
    }
    if (rc == TND_OK)
        rc = tnd_bid_validate_against(it->bid, def, &it->err);
    if (rc != TND_OK) {
        tnd_bid_free(it->bid);
        it->bid = NULL;
        return true;
    }
    it->result = calloc(1, sizeof *it->result);
    if (!it->result || !(o->knockouts_only ? tnd_check_knockouts(def, it->bid, it->result)
                                           : tnd_check(def, it->bid, it->result))) {
        item_clear(it);
        return false;
    }
    if (o->drop_details && !tnd_award_reads_bid_details(def, it->bid))
        tnd_bid_drop_details(it->bid);
    return true;
}

/* ------------------------------------------------------------------------------------------ */
/* Progress                                                                                    */

typedef struct {
    bool on;
    size_t total;
    struct timespec start, last;
    bool shown;
} progress;

static double seconds_between(const struct timespec *a, const struct timespec *b)
{
    return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

static void progress_show(progress *p, size_t checked, size_t handed, bool force)
{
    if (!p->on)
        return;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (!force && (now.tv_sec - p->last.tv_sec) * 1000000000L + (now.tv_nsec - p->last.tv_nsec) <
                      PROGRESS_NS)
        return;
    p->last = now;
    double s = seconds_between(&p->start, &now);
    fprintf(stderr, "\rtender: %zu/%zu inschrijvingen gelezen en getoetst, %zu verwerkt, "
            "%.0f per seconde\033[K", checked, p->total, handed, s > 0 ? (double)checked / s : 0.0);
    p->shown = true;
}

/* Clears the progress line (before an error message, and at the end). */
static void progress_clear(progress *p)
{
    if (p->shown)
        fputs("\r\033[K", stderr);
    p->shown = false;
}

/* ------------------------------------------------------------------------------------------ */
/* The run                                                                                     */

typedef struct {
    const tnd_definition *def;
    const tnd_path_list *paths;
    const tnd_bid_run_options *o;
    slot *slots;
    size_t window;
    pthread_mutex_t lock;
    pthread_cond_t ready, space;
    size_t next;                  /* next input a worker takes */
    size_t handed;                /* inputs given to the sink so far */
    size_t done;                  /* inputs processed */
    size_t sink_wants;            /* 0, or the sink sleeps until inputs [handed, sink_wants) are
                                   * all processed */
    size_t workers_waiting;       /* workers asleep until the sink frees a slot */
    bool stop;
    tnd_readahead ahead;          /* the files after the ones taken, asked for when cold */
} shared;

/* Whether inputs [from, to) are all processed (to - from <= window; under the lock). */
static bool all_ready(const shared *sh, size_t from, size_t to)
{
    for (size_t k = from; k < to; k++)
        if (!sh->slots[k % sh->window].ready)
            return false;
    return true;
}

typedef struct {
    shared *sh;
    tnd_bid_reader *rd;
} worker;

static void *work(void *arg)
{
    worker *w = arg;
    shared *sh = w->sh;
    pthread_mutex_lock(&sh->lock);
    for (;;) {
        while (!sh->stop && sh->next < sh->paths->n && sh->next >= sh->handed + sh->window) {
            sh->workers_waiting++;
            pthread_cond_wait(&sh->space, &sh->lock);
            sh->workers_waiting--;
        }
        if (sh->stop || sh->next >= sh->paths->n)
            break;
        size_t i = sh->next++;
        slot *s = &sh->slots[i % sh->window];
        pthread_mutex_unlock(&sh->lock);
        tnd_readahead_taken(&sh->ahead, i);
        item_clear(&s->item); /* what the sink left of the slot's last input (hand_over) */
        bool ok = process(sh->def, sh->paths, sh->o, w->rd, i, &s->item);
        s->item.from_worker = true;
        pthread_mutex_lock(&sh->lock);
        s->out_of_memory = !ok;
        s->ready = true;
        sh->done++;
        if (sh->sink_wants && all_ready(sh, sh->handed, sh->sink_wants))
            pthread_cond_signal(&sh->ready);
    }
    pthread_mutex_unlock(&sh->lock);
    return NULL;
}

/* Hands item to the sink. What the sink left is freed here, or (a worker's item: `later`) by
 * the worker that takes the slot next, in its own arena: freed here, the worker's blocks went
 * into this thread's malloc cache and served the sink's copies, which then lived in the
 * worker's arena where the outputs could not reuse them (issue 9: 70 MB at 100,000 bids).
 * False when the run must stop. */
static bool hand_over(progress *p, tnd_bid_sink sink, void *ctx, slot *s, bool later)
{
    if (s->out_of_memory)
        return false;
    if (!s->item.bid)
        progress_clear(p); /* the sink prints the refusal */
    bool ok = sink(ctx, &s->item);
    if (!later)
        item_clear(&s->item);
    return ok;
}

/* The read-ahead of a run: READAHEAD_FILES ahead, files within the XML readers' limit. */
static void ahead_of(const tnd_path_list *paths, tnd_readahead *ra)
{
    tnd_readahead_init(ra, (const char *const *)paths->paths, paths->n, READAHEAD_FILES,
                       TND_XML_MAX_BYTES);
}

/* Every input on the calling thread: -j 1, or a single bid. */
static bool run_serial(const tnd_definition *def, const tnd_path_list *paths,
                       const tnd_bid_run_options *o, tnd_bid_sink sink, void *ctx, progress *p)
{
    tnd_error err;
    tnd_bid_reader *rd = NULL;
    if (tnd_bid_reader_new(&rd, &err) != TND_OK) {
        tnd_print_error(&err);
        return false;
    }
    slot *s = malloc(sizeof *s);
    bool ok = s != NULL;
    tnd_readahead ra;
    ahead_of(paths, &ra);
    for (size_t i = 0; ok && i < paths->n; i++) {
        tnd_readahead_taken(&ra, i);
        s->out_of_memory = !process(def, paths, o, rd, i, &s->item);
        ok = hand_over(p, sink, ctx, s, false);
        progress_show(p, i + 1, i + 1, false);
    }
    free(s);
    tnd_bid_reader_free(rd);
    return ok;
}

static bool run_parallel(const tnd_definition *def, const tnd_path_list *paths,
                         const tnd_bid_run_options *o, size_t jobs, tnd_bid_sink sink, void *ctx,
                         progress *p)
{
    tnd_error err;
    tnd_bid_reader *base = NULL;
    if (tnd_bid_reader_new(&base, &err) != TND_OK) {
        tnd_print_error(&err);
        return false;
    }
    /* Each worker allocates in a malloc arena of its own (glibc's default): on one shared
     * arena the workers waited for its lock, and a wait in glibc is a futex sleep (issue 9: 10k
     * bids at -j2 read in 0.57 s, 0.53 s now). What a sink keeps, it copies into this thread's
     * arena (keep, below): memory freed later (the details and placements after the award)
     * must serve the outputs built on this thread, or 100,000 bids need 1.2 GiB. */
    shared sh = { .def = def, .paths = paths, .o = o, .window = jobs * WINDOW_PER_JOB,
                  .lock = PTHREAD_MUTEX_INITIALIZER, .ready = PTHREAD_COND_INITIALIZER,
                  .space = PTHREAD_COND_INITIALIZER };
    ahead_of(paths, &sh.ahead);
    sh.slots = calloc(sh.window, sizeof *sh.slots);
    worker *ws = calloc(jobs, sizeof *ws);
    pthread_t *threads = calloc(jobs, sizeof *threads);
    bool ok = sh.slots && ws && threads;
    size_t started = 0;
    for (size_t t = 0; ok && t < jobs; t++) {
        ws[t].sh = &sh;
        if (tnd_bid_reader_clone(base, &ws[t].rd, &err) != TND_OK ||
            pthread_create(&threads[t], NULL, work, &ws[t]) != 0)
            ok = false;
        else
            started++;
    }
    for (size_t i = 0; ok && i < paths->n; i++) {
        slot *s = &sh.slots[i % sh.window];
        pthread_mutex_lock(&sh.lock);
        if (!s->ready) {
            /* Sleep until half a window is ready, not until this one input is: a wake-up per
             * bid cost more CPU than the sink's own work (kernel time at -j2 +130 %). */
            size_t batch = sh.window / 2 < paths->n - i ? sh.window / 2 : paths->n - i;
            sh.sink_wants = i + (batch > 0 ? batch : 1);
            while (!all_ready(&sh, i, sh.sink_wants))
                pthread_cond_wait(&sh.ready, &sh.lock);
            sh.sink_wants = 0;
        }
        size_t done = sh.done;
        pthread_mutex_unlock(&sh.lock);
        ok = hand_over(p, sink, ctx, s, true);
        pthread_mutex_lock(&sh.lock);
        s->ready = false;
        sh.handed = i + 1;
        if (sh.workers_waiting)
            pthread_cond_broadcast(&sh.space);
        pthread_mutex_unlock(&sh.lock);
        progress_show(p, done, i + 1, false);
    }
    pthread_mutex_lock(&sh.lock);
    sh.stop = true;
    pthread_cond_broadcast(&sh.space);
    pthread_mutex_unlock(&sh.lock);
    for (size_t t = 0; t < started; t++)
        pthread_join(threads[t], NULL);
    for (size_t k = 0; sh.slots && k < sh.window; k++)
        item_clear(&sh.slots[k].item); /* left by the sink, or processed after the run stopped */
    for (size_t t = 0; ws && t < jobs; t++)
        tnd_bid_reader_free(ws[t].rd);
    tnd_bid_reader_free(base);
    pthread_mutex_destroy(&sh.lock);
    pthread_cond_destroy(&sh.ready);
    pthread_cond_destroy(&sh.space);
    free(threads);
    free(ws);
    free(sh.slots);
    return ok;
}

bool tnd_bid_run(const tnd_definition *def, const tnd_path_list *paths,
                 const tnd_bid_run_options *o, tnd_bid_sink sink, void *ctx)
{
    /* libxml2 is thread-safe per document once initialised, on this thread, before any worker. */
    xmlInitParser();
    progress p = { o->progress && paths->n > PROGRESS_MIN_BIDS && tnd_progress_enabled(),
                   paths->n, { 0, 0 }, { 0, 0 }, false };
    clock_gettime(CLOCK_MONOTONIC, &p.start);
    p.last = p.start;
    size_t jobs = o->jobs > 1 ? (size_t)o->jobs : 1;
    if (jobs > paths->n)
        jobs = paths->n;
    bool ok = jobs <= 1 ? run_serial(def, paths, o, sink, ctx, &p)
                        : run_parallel(def, paths, o, jobs, sink, ctx, &p);
    progress_clear(&p);
    return ok;
}

/* ------------------------------------------------------------------------------------------ */
/* Keeping every bid                                                                           */

static bool keep(void *ctx, tnd_bid_item *it)
{
    tnd_checked_bids *out = ctx;
    if (!it->bid) {
        tnd_print_error(&it->err);
        out->n_failed++;
        return true;
    }
    if (out->sha256)
        memcpy(out->sha256[out->n], it->sha256, sizeof it->sha256);
    if (out->ids)
        out->ids[out->n] = it->id;
    if (it->from_worker) {
        /* a copy in this thread's arena; the worker's own is freed with the item (run_parallel) */
        tnd_bid *bid = tnd_bid_copy(it->bid);
        tnd_check_result *result = malloc(sizeof *result);
        if (!bid || !result || !tnd_check_result_copy(it->result, result)) {
            tnd_bid_free(bid);
            free(result);
            return false;
        }
        out->bids[out->n] = bid;
        out->results[out->n] = result;
    } else {
        out->bids[out->n] = it->bid;
        out->results[out->n] = it->result;
        it->bid = NULL;
        it->result = NULL;
    }
    out->n++;
    return true;
}

bool tnd_check_bids_with(const tnd_definition *def, const tnd_path_list *paths,
                         const tnd_bid_run_options *o, tnd_checked_bids *out)
{
    memset(out, 0, sizeof *out);
    size_t n = paths->n ? paths->n : 1;
    out->bids = calloc(n, sizeof *out->bids);
    out->results = calloc(n, sizeof *out->results);
    if (o->hash) {
        out->sha256 = calloc(n, sizeof *out->sha256);
        out->ids = calloc(n, sizeof *out->ids);
    }
    if (!out->bids || !out->results || (o->hash && (!out->sha256 || !out->ids)))
        return false;
    return tnd_bid_run(def, paths, o, keep, out);
}
