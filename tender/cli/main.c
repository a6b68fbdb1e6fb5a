/*
 * main.c - `tender`: one table of subcommands, each a cmd_<name>() in tender/cmd_<name>.c
 * (the git.c / builtin/ layout).
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "tender/cli/cli.h"

static const tnd_command commands[] = {
    { "check", cmd_check, "stap 1 en 2: knock-outs en plaatsing per perceel van een inschrijving" },
    { "evaluate", cmd_evaluate, "stap 1-3: gunning per perceel en de gunningswerkmap (xlsx)" },
    { "verify", cmd_verify, "voor auditors: rekent een gunningswerkmap na uit de invoer" },
    { "forms", cmd_forms, "invulformulier (met zelfcontrole) en commissieformulier (xlsx)" },
    { "letters", cmd_letters, "voorgenomen gunningsbeslissing: een brief per inschrijver (HTML, PDF)" },
    { "intensity", cmd_intensity, "begeleidingsintensiteit van verblijf (stay) of groepsaanbod (group)" },
    { "rules", cmd_rules, "alle regels van de aanbestedingsdefinitie met hun bron (§)" },
    { "tenders", cmd_tenders, "de ingebouwde aanbestedingsdefinities (kies met --tender ID)" },
};

static void usage(FILE *out)
{
    fputs("Gebruik: tender <opdracht> [opties]\n"
          "\n"
          "Beoordeelt inschrijvingen op aanbestedingen jeugdhulp volgens een\n"
          "aanbestedingsdefinitie (standaard: RSJ IJsselland 2023, ingebouwd).\n"
          "\n"
          "Opdrachten:\n",
          out);
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(out, "  %-10s  %s\n", commands[i].name, commands[i].summary);
    fputs("\n"
          "Algemene opties:\n"
          "  -h, --help     deze hulp; 'tender <opdracht> --help' voor een opdracht\n"
          "  --version      versie\n"
          "\n"
          "Exitcodes:\n"
          "  0  gelukt: toegelaten voor elk perceel / intensiteit vastgesteld\n"
          "  1  negatieve uitkomst: niet (of nog niet) toegelaten, grensgeval\n"
          "  2  ongeldige invoer of gebruik: er is niets besloten\n"
          "\n"
          "Zie ook: man tender, docs/user-guide.md\n",
          out);
}

int main(int argc, char **argv)
{
    /* stdout's buffer is set here, not left to its first write: glibc mallocs it then, and after
     * `evaluate` has written its workbook that malloc merges the million small blocks the
     * workbook freed, before the summary's first line (issue 9: 30 ms at 10,000 bids, 0.35 s at
     * 100,000). Static: stdio flushes it at exit, after main has returned. Line-buffered on a
     * terminal, as stdio would choose. */
    static char stdout_buffer[BUFSIZ];
    setvbuf(stdout, stdout_buffer, isatty(STDOUT_FILENO) ? _IOLBF : _IOFBF, sizeof stdout_buffer);
    if (argc < 2) {
        usage(stderr);
        return TND_EXIT_BAD_INPUT;
    }
    const char *name = argv[1];
    if (strcmp(name, "-h") == 0 || strcmp(name, "--help") == 0 || strcmp(name, "help") == 0) {
        if (strcmp(name, "help") == 0 && argc > 2) {
            for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
                if (strcmp(argv[2], commands[i].name) == 0) {
                    char *help_argv[] = { argv[2], "--help", NULL };
                    return commands[i].run(2, help_argv);
                }
        }
        usage(stdout);
        return TND_EXIT_OK;
    }
    if (strcmp(name, "--version") == 0 || strcmp(name, "version") == 0) {
        printf("tender %s\n", TND_VERSION);
        return TND_EXIT_OK;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(name, commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "tender: onbekende opdracht '%s'\n\n", name);
    usage(stderr);
    return TND_EXIT_BAD_INPUT;
}
