/*
 * fuzz_scores_csv.c - libFuzzer harness: the committee's scores CSV (tender/scores.c, §6.1),
 * read against the IJsselland definition. Property: no crash, no sanitizer report, no leak;
 * on refusal the record is empty; every accepted row is a score of the scale in a known round.
 */
#include "fuzz_common.h"

#include "tender/scores.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const tnd_definition *def = fuzz_default_definition();
    tnd_scores scores;
    memset(&scores, 0, sizeof scores);
    tnd_error err = { 0 };
    tnd_status rc = tnd_scores_load_memory((const char *)data, size, "fuzz-scores.csv", def,
                                           &scores, &err);
    if (rc != TND_OK && (scores.items || scores.n))
        abort(); /* scores.h: on error out is left empty */
    for (size_t i = 0; i < scores.n; i++) {
        const tnd_score *s = &scores.items[i];
        if ((s->round != 1 && s->round != 2) || strlen(s->bidder) != 8)
            abort();
    }
    tnd_scores_free(&scores);
    return 0;
}
