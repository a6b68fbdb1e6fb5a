/* award_json.c - the evaluation as JSON (see award_json.h). */
#include "forms/award_json.h"

#include <stdlib.h>

#include "forms/json.h"
#include "scoring/rules_lots.h"

static const char *award_kind_name(tnd_award_kind k)
{
    switch (k) {
    case TND_AWARD_ADMIT: return "admit";
    case TND_AWARD_THRESHOLD: return "threshold";
    case TND_AWARD_RANKED: return "ranked";
    }
    return "?";
}

static void json_dec(tnd_json *w, const char *key, tnd_dec d)
{
    char text[32];
    tnd_dec_str(d, 6, text);
    tnd_json_str(w, key, text);
}

static void json_entry(tnd_json *w, const tnd_lot_award *lot, const tnd_award_entry *e)
{
    tnd_json_open(w, NULL, '{');
    tnd_json_int_or_null(w, "rank", e->rank);
    tnd_json_str(w, "kvk", e->bid->bidder.kvk);
    tnd_json_str(w, "name", e->bid->bidder.name);
    tnd_json_int(w, "applied", e->applied);
    tnd_json_str(w, "status", tnd_award_status_name(e->status));
    tnd_json_str(w, "status_nl", tnd_award_status_dutch(e->status));
    if (lot->rule && lot->rule->kind != TND_AWARD_ADMIT) {
        /* a total only when every criterion has a score (as the workbook's Totaal column) */
        bool complete = e->n_scores > 0;
        for (int i = 0; i < e->n_scores; i++)
            complete = complete && e->scores[i].has_score;
        if (complete) {
            json_dec(w, "total", e->total);
        } else {
            tnd_json_start(w, "total");
            tnd_buf_puts(w->out, "null");
        }
    }
    if (e->has_price) {
        tnd_json_int(w, "price_cents", e->price);
        json_dec(w, "price_score", e->price_score);
    }
    tnd_json_open(w, "scores", '[');
    for (int i = 0; i < e->n_scores; i++) {
        const tnd_criterion_score *c = &e->scores[i];
        tnd_json_open(w, NULL, '{');
        tnd_json_str(w, "criterion", lot->rule->criteria[c->criterion].id);
        tnd_json_bool(w, "has_score", c->has_score);
        if (c->has_score) {
            tnd_json_int(w, "consensus", c->consensus);
            tnd_json_int(w, "round", c->round);
        }
        tnd_json_bool(w, "computed", c->computed);
        json_dec(w, "factor", c->factor);
        json_dec(w, "weighted", c->weighted);
        tnd_json_int(w, "members", c->n_members);
        if (c->n_members) {
            tnd_json_int(w, "member_min", c->member_min);
            tnd_json_int(w, "member_max", c->member_max);
        }
        tnd_json_bool(w, "consensus_outside_members", c->consensus_outside_members);
        tnd_json_close(w, '}');
    }
    tnd_json_close(w, ']');
    tnd_json_str(w, "reason", e->reason);
    tnd_json_close(w, '}');
}

/* (issue 8 §4) The round evaluated and every decision with its motivation and use. */
static void json_procedure(tnd_json *w, const tnd_procedure *pr)
{
    tnd_json_open(w, "procedure", '{');
    tnd_json_int(w, "round", pr->round);
    tnd_json_str(w, "summary", pr->summary);
    if (pr->rules->has_resubmission) {
        char at[24];
        tnd_datetime_iso(pr->rules->resubmission_time, at);
        tnd_json_str(w, "resubmission_deadline", at);
    }
    tnd_json_int(w, "provisional", (long long)pr->n_provisional);
    tnd_json_int(w, "final", (long long)pr->n_final);
    tnd_json_open(w, "decisions", '[');
    for (size_t i = 0; pr->decisions && i < pr->decisions->n; i++) {
        const tnd_decision *d = &pr->decisions->items[i];
        char date[11];
        tnd_date_iso(d->date, date);
        tnd_json_open(w, NULL, '{');
        tnd_json_int(w, "line", d->line);
        tnd_json_str(w, "kvk", d->kvk);
        tnd_json_int(w, "round", d->round);
        tnd_json_str(w, "rule", d->rule_id);
        tnd_json_str(w, "decision", tnd_decision_kind_text(d->kind));
        tnd_json_str(w, "motivation", d->motivation);
        tnd_json_str(w, "date", date);
        tnd_json_str(w, "officer", d->officer);
        tnd_json_str(w, "use", pr->uses ? tnd_decision_use_dutch(pr->uses[i]) : "");
        tnd_json_close(w, '}');
    }
    tnd_json_close(w, ']');
    tnd_json_close(w, '}');
}

/* (issue 11) Per assignment: its lots, procedure, the phase the result belongs to and the
 * phases after it, and the number of contractors against its minimum and maximum. */
static void json_assignments(tnd_json *w, const tnd_definition *def, const tnd_evaluation *ev)
{
    tnd_assignment_count *counts = calloc(def->n_assignments, sizeof *counts);
    if (!counts) {
        w->out->oom = true;
        return;
    }
    size_t n_counts = tnd_assignment_counts(def, ev, counts, def->n_assignments);
    if (n_counts > def->n_assignments)
        n_counts = def->n_assignments;
    tnd_json_open(w, "assignments", '[');
    for (size_t i = 0; i < def->n_assignments; i++) {
        const tnd_assignment *a = &def->assignments[i];
        const tnd_phase *ph = tnd_assignment_result_phase(a);
        tnd_json_open(w, NULL, '{');
        tnd_json_str(w, "id", a->id);
        tnd_json_str(w, "name", a->name);
        tnd_json_open(w, "lots", '[');
        for (int k = 0; k < a->n_lots; k++) {
            tnd_json_start(w, NULL);
            tnd_buf_printf(w->out, "%d", a->lots[k]);
        }
        tnd_json_close(w, ']');
        tnd_json_str_or_null(w, "procedure", a->procedure);
        tnd_json_str_or_null(w, "phase", ph ? ph->id : "");
        tnd_json_str_or_null(w, "phase_kind", ph ? tnd_phase_kind_name(ph->kind) : "");
        tnd_json_open(w, "next_phases", '[');
        for (int k = ph ? (int)(ph - a->phases) + 1 : 0; k < a->n_phases; k++) {
            tnd_json_start(w, NULL);
            tnd_json_string(w->out, a->phases[k].id);
        }
        tnd_json_close(w, ']');
        const tnd_assignment_count *c = NULL;
        for (size_t k = 0; k < n_counts; k++)
            if (counts[k].assignment == a)
                c = &counts[k];
        if (c) {
            char verdict[32];
            if (c->n_contractors >= 0)
                tnd_json_int(w, "contractors", c->n_contractors);
            else /* not counted (rules_lots.h): no number, count_reason says why */
                tnd_json_str_or_null(w, "contractors", NULL);
            tnd_json_int_or_null(w, "min_contractors", a->min_contractors);
            tnd_json_int_or_null(w, "max_contractors", a->max_contractors);
            tnd_json_str(w, "count_verdict", tnd_json_machine_name(tnd_verdict_name(c->verdict),
                                                                   verdict, sizeof verdict));
            tnd_json_str(w, "count_rule", a->count_rule.id);
            tnd_json_str(w, "count_reason", c->reason);
        }
        tnd_json_close(w, '}');
    }
    tnd_json_close(w, ']');
    free(counts);
}

bool tnd_award_json(const tnd_definition *def, const tnd_evaluation *ev,
                    const char *evaluation_date, const char *run_id, const tnd_procedure *pr,
                    tnd_buf *out)
{
    return tnd_award_json_stream(def, ev, evaluation_date, run_id, pr, out, NULL, NULL, 0);
}

bool tnd_award_json_stream(const tnd_definition *def, const tnd_evaluation *ev,
                           const char *evaluation_date, const char *run_id,
                           const tnd_procedure *pr, tnd_buf *out,
                           bool (*flush)(void *ctx, tnd_buf *out), void *flush_ctx, size_t chunk)
{
    tnd_json w = { .out = out, .flush = flush, .flush_ctx = flush_ctx, .chunk = chunk };
    tnd_json_open(&w, NULL, '{');
    tnd_json_str(&w, "format", "tender-evaluate/1");
    tnd_json_open(&w, "tender", '{');
    tnd_json_str(&w, "id", def->id);
    tnd_json_str(&w, "title", def->title);
    tnd_json_str(&w, "definition", def->file);
    /* issue 11: the format version, named from version 2 on; a version-1 file (read as 2)
     * keeps the output it always had, byte for byte */
    if (def->format_version >= 2)
        tnd_json_int(&w, "format_version", def->format_version);
    tnd_json_close(&w, '}');
    tnd_json_str(&w, "evaluation_date", evaluation_date);
    if (run_id)
        tnd_json_str(&w, "run_id", run_id);
    if (pr)
        json_procedure(&w, pr);
    tnd_json_open(&w, "lots", '[');
    for (size_t i = 0; i < ev->n_lots; i++) {
        const tnd_lot_award *lot = &ev->lots[i];
        const tnd_lot *l = tnd_definition_lot(def, lot->lot);
        tnd_json_open(&w, NULL, '{');
        tnd_json_int(&w, "lot", lot->lot);
        tnd_json_str(&w, "name", l ? l->name : "");
        tnd_json_str(&w, "kind", lot->rule ? award_kind_name(lot->rule->kind) : "none");
        tnd_json_int_or_null(&w, "max_awarded", lot->rule ? lot->rule->max_awarded : 0);
        tnd_json_int(&w, "granted", lot->n_granted);
        tnd_json_bool(&w, "tie", lot->tie);
        tnd_json_str_or_null(&w, "tie_text", lot->tie_text);
        /* (issue 11) the assignment and the procedure phase this result belongs to */
        const tnd_assignment *as = tnd_definition_assignment_of(def, lot->lot);
        if (as) {
            const tnd_phase *ph = tnd_assignment_result_phase(as);
            tnd_json_str(&w, "assignment", as->id);
            tnd_json_str_or_null(&w, "phase", ph ? ph->id : "");
        }
        tnd_json_open(&w, "entries", '[');
        for (size_t j = 0; j < lot->n_entries; j++)
            json_entry(&w, lot, &lot->entries[j]);
        tnd_json_close(&w, ']');
        tnd_json_close(&w, '}');
    }
    tnd_json_close(&w, ']');
    if (def->n_assignments)
        json_assignments(&w, def, ev);
    tnd_json_open(&w, "bidders", '[');
    for (size_t i = 0; i < ev->n_bidders; i++) {
        const tnd_bidder_outcome *b = &ev->bidders[i];
        tnd_json_open(&w, NULL, '{');
        tnd_json_str(&w, "kvk", b->bid->bidder.kvk);
        tnd_json_str(&w, "name", b->bid->bidder.name);
        tnd_json_str(&w, "file", b->bid->file);
        tnd_json_int_or_null(&w, "stopped_at_step", b->stopped_at_step);
        const tnd_procedure_bidder *pb = pr && i < pr->n_bidders ? &pr->bidders[i] : NULL;
        if (pb) {
            tnd_json_int(&w, "round", pb->resubmitted ? 2 : 1);
            tnd_json_str(&w, "round1", pb->round1);
            tnd_json_str_or_null(&w, "herstel", pb->herstel);
        }
        tnd_json_open(&w, "lots", '[');
        for (int k = 0; k < b->n_applied; k++) {
            tnd_json_open(&w, NULL, '{');
            tnd_json_int(&w, "applied", b->applied[k]);
            tnd_json_int_or_null(&w, "placed", b->placed[k]);
            tnd_json_str(&w, "status", tnd_award_status_name(b->status[k]));
            tnd_json_str(&w, "status_nl", tnd_award_status_dutch(b->status[k]));
            tnd_json_str(&w, "path", b->path[k]);
            if (pb && k < TND_MAX_SET) {
                tnd_json_bool(&w, "final", !pb->provisional[k]);
                tnd_json_str(&w, "finality", pb->finality[k]);
            }
            tnd_json_close(&w, '}');
        }
        tnd_json_close(&w, ']');
        tnd_json_close(&w, '}');
    }
    tnd_json_close(&w, ']');
    tnd_json_close(&w, '}');
    tnd_buf_append(out, "\n", 1);
    return !out->oom;
}
