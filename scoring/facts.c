/* facts.c - the fact vocabulary (see facts.h): one row per fact a requirement can name. */
#include "scoring/facts.h"

#include <string.h>

#include "scoring/types.h"

#define COUNT_MAX 10000000       /* no fact counts more people or places than this */
#define FTE_MAX 100000           /* fte of one organisation */

#define FLAG_FACT(name, label)                                                                  \
    { name, TND_FACT_KIND_FLAG, false, TND_FACT_IN_BID, "", 0, 0, "", "ja", label }

static const tnd_fact_spec specs[] = {
    /* §5.6 L1556, L1568: the cao('s) the bidder falls under (one element per cao) */
    { "cao", TND_FACT_KIND_TEXT, false, TND_FACT_IN_BID, "", 0, 0, "", "jeugdzorg",
      "cao('s) waaronder de inschrijver valt" },
    /* §5.6 L1546, L1562-1563, L1572-1573: revenue under the Jeugdwet, per year */
    { "jeugdwet-omzet", TND_FACT_KIND_MONEY, true, TND_FACT_IN_BID, "euro", 0, INT64_MAX,
      "0 of meer", "€ 1.250.000,00", "omzet Jeugdwet in een jaar" },
    /* §5.6 L1575 */
    { "fte-behandelaren-loondienst", TND_FACT_KIND_DECIMAL, false, TND_FACT_IN_BID, "fte", 0,
      FTE_MAX * TND_DEC_SCALE, "0 t/m 100.000", "7,5", "fte behandelaren in loondienst" },
    FLAG_FACT("multidisciplinair-team-tg5", "multidisciplinair team met TG5-medewerker(s)"),
    FLAG_FACT("tg6-tg7-medewerkers", "beschikt over TG6- en/of TG7-medewerker(s)"),
    /* §5.6 L1581-1582 */
    { "ggz-verblijf-jeugdigen-regio", TND_FACT_KIND_COUNT, false, TND_FACT_IN_BID, "jeugdigen",
      0, COUNT_MAX, "0 t/m 10000000", "12",
      "jeugdigen uit de regio aan wie Jeugd-ggz verblijf wordt geleverd" },
    FLAG_FACT("lta-ackjp", "landelijk gecontracteerd binnen het LTA voor de academische functie"),
    FLAG_FACT("academische-functie-regio", "academische functie beschikbaar binnen de regio"),
    FLAG_FACT("wvggz", "brengt de Wvggz in uitvoering"),
    FLAG_FACT("nkd-lid", "aangesloten bij het Nederlands Kwaliteitsinstituut Dyslexie"),
    FLAG_FACT("protocol-dyslexie",
              "werkt volgens het Protocol Dyslexie Diagnostiek en Behandeling"),
    /* §5.6 L1584-1585: counted by the reader from <locations> (municipality inside the area) */
    { "locaties-in-regio", TND_FACT_KIND_COUNT, false, TND_FACT_DERIVED, "locaties", 0,
      COUNT_MAX, "0 t/m 10000000", "1", "locaties in het gebied van de aanbesteding" },
};

const tnd_fact_spec *tnd_fact_specs(size_t *n)
{
    *n = sizeof specs / sizeof specs[0];
    return specs;
}

const tnd_fact_spec *tnd_fact_spec_find(const char *name)
{
    for (size_t i = 0; name && i < sizeof specs / sizeof specs[0]; i++)
        if (strcmp(specs[i].name, name) == 0)
            return &specs[i];
    return NULL;
}

tnd_fact_type tnd_fact_kind_type(tnd_fact_kind kind)
{
    switch (kind) {
    case TND_FACT_KIND_FLAG:
        return TND_FACT_FLAG;
    case TND_FACT_KIND_COUNT:
    case TND_FACT_KIND_DECIMAL:
        return TND_FACT_NUMBER;
    case TND_FACT_KIND_MONEY:
        return TND_FACT_MONEY;
    case TND_FACT_KIND_TEXT:
        break;
    }
    return TND_FACT_TEXT;
}

bool tnd_fact_kind_fits(tnd_fact_kind kind, tnd_req_kind req)
{
    switch (req) {
    case TND_REQ_FLAG:
        return kind == TND_FACT_KIND_FLAG;
    case TND_REQ_NUMBER:
        return kind == TND_FACT_KIND_COUNT || kind == TND_FACT_KIND_DECIMAL;
    case TND_REQ_MONEY:
        return kind == TND_FACT_KIND_MONEY;
    case TND_REQ_ONE_OF:
        return kind == TND_FACT_KIND_TEXT;
    case TND_REQ_BIDS_PRODUCT:
        break;
    }
    return false;
}

const char *tnd_fact_kind_element(tnd_fact_kind kind)
{
    static const char *const names[] = {
        [TND_FACT_KIND_FLAG] = "flag",     [TND_FACT_KIND_COUNT] = "number",
        [TND_FACT_KIND_DECIMAL] = "number", [TND_FACT_KIND_MONEY] = "money",
        [TND_FACT_KIND_TEXT] = "one-of",
    };
    return (size_t)kind < sizeof names / sizeof names[0] ? names[kind] : "?";
}

const char *tnd_fact_kind_dutch(tnd_fact_kind kind)
{
    static const char *const names[] = {
        [TND_FACT_KIND_FLAG] = "ja/nee-gegeven", [TND_FACT_KIND_COUNT] = "geheel getal",
        [TND_FACT_KIND_DECIMAL] = "getal",    [TND_FACT_KIND_MONEY] = "bedrag",
        [TND_FACT_KIND_TEXT] = "tekst",
    };
    return (size_t)kind < sizeof names / sizeof names[0] ? names[kind] : "?";
}
