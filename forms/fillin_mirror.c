/*
 * fillin_mirror.c - the log of which formula block wrote which row of 'Controle', and the rules
 * of a definition that the bidder workbook cannot check, each with its reason (fillin_mirror.h).
 */
#include "forms/fillin_mirror.h"

#include <string.h>

#include "forms/fillin_internal.h"

void tnd_fillin_log_mirror(tnd_fillin *f, const char *rule_id, const char *block, int lot)
{
    if (!f->log)
        return;
    if (f->n_log < f->log_max)
        f->log[f->n_log] = (tnd_fillin_mirror){ rule_id, block, lot };
    f->n_log++;
}

/*
 * The rules of the definitions in fixtures/tenders/ without a row on 'Controle', and why a
 * workbook the bidder fills in cannot check them. A definition that gains a rule needs a block
 * (fillin_check.c, fillin_rules_*.c) or a line here; tests/unit/test_fillin_mirror.c fails
 * until it has one.
 */
const tnd_fillin_unchecked tnd_fillin_unchecked_rules[] = {
    /* ijsselland-2023 */
    { "PROC-HERSTEL", "herstel op verzoek van de aanbesteder na het indienen (§4.1.4, "
                      "scoring/rounds.c): een stap tussen de rondes, geen eigenschap van de "
                      "ingevulde inschrijving" },
    { "PERCEEL-INDELING", "de indeling in een lager perceel (§4.3.1 Figuur 1, check.c "
                          "place_lots) volgt uit welke percelen niet gehaald worden; het blad "
                          "'Controle' toont per perceel de status, `tender check` plaatst" },
    /* ijsselland-2023 and regio-voorbeeld-2024 */
    { "FIN-DRAAGKRACHT", "de overkoepelende eis (§5.3.1): haar oordeel zijn de rijen van elke "
                         "norm, continuïteit, starter, plan van aanpak en beroep op een derde" },
    { "FIN-PER-NORM", "de wijze van beoordelen (per norm, niet per kalenderjaar, §5.3.1 "
                      "L1371-1378) zit in de formule van elke norm (jaren niet voldaan en de "
                      "banden van de definitie), zonder eigen bevinding" },
    { "GUNNING-P1", "gunning (stap 3, scoring/award.c): scores van de beoordelingscommissie "
                    "en prijzen, niet door de inschrijver in te vullen; het commissieformulier "
                    "(forms/committee_xlsx.c) draagt de criteria" },
    { "GUNNING-P2", "gunning (stap 3): zie GUNNING-P1" },
    { "GUNNING-P3", "gunning (stap 3): zie GUNNING-P1" },
    { "GUNNING-P4", "gunning (stap 3, rangschikking en maximum aantal opdrachtnemers): zie "
                    "GUNNING-P1" },
    { "GUNNING-P5", "gunning (stap 3): zie GUNNING-P1" },
    { "GUNNING-P6", "gunning (stap 3, toegelaten op het plan van aanpak van perceel 1-5): zie "
                    "GUNNING-P1" },
    { "GUNNING-P7", "gunning (stap 3, toegelaten op het plan van aanpak van perceel 1-5): zie "
                    "GUNNING-P1" },
    { "GUNNING-P8", "gunning (stap 3, toegelaten op het plan van aanpak van perceel 1-5): zie "
                    "GUNNING-P1" },
    { "GUNNING-P9", "gunning (stap 3): zie GUNNING-P1" },
    /* grjr-2021 (issue 11): the award and what follows it, not the filled-in bid */
    { "GUNNING-A", "gunning (stap 3): zie GUNNING-P1; criteria nog open (OPEN-A-CRITERIA)" },
    { "GUNNING-B1", "gunning (stap 3): zie GUNNING-P1; criteria nog open (OPEN-B1-CRITERIA)" },
    { "GUNNING-B2", "gunning (stap 3): zie GUNNING-P1; criteria nog open (OPEN-B2-CRITERIA)" },
    { "GUNNING-B3", "gunning (stap 3): zie GUNNING-P1; criteria nog open (OPEN-B3-CRITERIA)" },
    { "GUNNING-B4", "gunning (stap 3): zie GUNNING-P1; criteria nog open (OPEN-B4-CRITERIA)" },
    { "GUNNING-B5", "gunning (stap 3): zie GUNNING-P1; criteria nog open (OPEN-B5-CRITERIA)" },
    { "GUNNING-C", "toelating na stap 1 en 2 (stap 3, SAS 1): zie GUNNING-P1" },
    { "OPDR-A-OOK-B", "geen eis: de definitie staat A met B uitdrukkelijk toe (§3.2 L1237-1239); "
                      "de loader weigert een tegenstrijdige uitsluiting" },
    { "OPDR-A-AANTAL", "het aantal opdrachtnemers van opdracht A na de gunning (scoring/"
                       "rules_lots.c): geen eigenschap van één inschrijving" },
    { "OPEN-A-CRITERIA", "een open plek van de definitie: tender evaluate weigert zolang de "
                         "regio haar niet heeft ingevuld; niets voor de inschrijver" },
    { "OPEN-B1-CRITERIA", "een open plek van de definitie: zie OPEN-A-CRITERIA" },
    { "OPEN-B2-CRITERIA", "een open plek van de definitie: zie OPEN-A-CRITERIA" },
    { "OPEN-B3-CRITERIA", "een open plek van de definitie: zie OPEN-A-CRITERIA" },
    { "OPEN-B4-CRITERIA", "een open plek van de definitie: zie OPEN-A-CRITERIA" },
    { "OPEN-B5-CRITERIA", "een open plek van de definitie: zie OPEN-A-CRITERIA" },
    /* holland-rijnland-2021 (format 2): admission per segment, no scoring */
    { "TOELATING-HR-S1", "toelating (stap 3, scoring/award.c, kind admit): volgt uit de rijen "
                         "van het segment; het blad 'Controle' toont per perceel de status" },
    { "TOELATING-HR-S2", "toelating (stap 3): zie TOELATING-HR-S1" },
    { "TOELATING-HR-S3", "toelating (stap 3): zie TOELATING-HR-S1" },
    { "TOELATING-HR-S4", "toelating (stap 3): zie TOELATING-HR-S1" },
    { "TOELATING-HR-S5", "toelating (stap 3): zie TOELATING-HR-S1" },
    { "TOELATING-HR-S6", "toelating (stap 3): zie TOELATING-HR-S1" },
    { "TOELATING-HR-S7", "toelating (stap 3): zie TOELATING-HR-S1" },
};
const size_t tnd_fillin_n_unchecked_rules = TND_COUNTOF(tnd_fillin_unchecked_rules);

const char *tnd_fillin_unchecked_reason(const char *rule_id)
{
    for (size_t i = 0; i < tnd_fillin_n_unchecked_rules; i++)
        if (strcmp(tnd_fillin_unchecked_rules[i].rule_id, rule_id) == 0)
            return tnd_fillin_unchecked_rules[i].reason;
    return NULL;
}

const char *tnd_fillin_coverage(const char *rule_id, const tnd_fillin_mirror *log, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(log[i].rule_id, rule_id) == 0)
            return log[i].block;
    return tnd_fillin_unchecked_reason(rule_id);
}
