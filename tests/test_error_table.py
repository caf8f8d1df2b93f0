"""One row per error message: an edit of the fixture data and the exact error it must give.

Each row breaks one thing in a copy of tests/fixtures/data and runs `check`; the
whole stderr line must be `file:line:col: message`, and nothing else may be
reported (one mistake, one error). Lines are given relative to the edited line,
so that unrelated changes to the fixture do not move them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import compose
from generator.cli import main

from conftest import FIXTURE_DATA

# (name, file, old text (None: the whole file), new text, [(line - edited line, column, message)])
Row = tuple[str, str, str | None, str, list[tuple[int, int, str]]]

# Rows whose error comes from reading the YAML: each runs with libyaml and with PyYAML's own parser.
YAML_ROWS: list[Row] = [
    (
        "nul",
        "roller.yaml",
        "namn: Ekonomichef",
        "namn: Ekono\x00michef",
        [
            (0, 16, "filen innehåller ett NUL-tecken (U+0000); den är troligen inte en textfil"),
        ],
    ),
    (
        "control-char",
        "roller.yaml",
        "namn: Ekonomichef",
        "namn: Ekono\x07michef",
        [
            (0, 16, "osynligt styrtecken U+0007 i texten; ta bort det (skriv om ordet om du inte ser det)"),
        ],
    ),
    (
        "c1-char",
        "roller.yaml",
        "namn: Ekonomichef",
        "namn: Ekono\x85michef",
        [
            (0, 16, "osynligt styrtecken U+0085 i texten; ta bort det (skriv om ordet om du inte ser det)"),
        ],
    ),
    (
        "direction-override",  # "Trojan Source": the rest of the line would be shown turned round
        "roller.yaml",
        "namn: Ekonomichef",
        "namn: Ekono\u202emichef",
        [
            (
                0,
                16,
                "osynligt riktningstecken U+202E i texten: det kan ändra i vilken ordning texten efter det visas; "
                "ta bort det (skriv om ordet om du inte ser det)",
            ),
        ],
    ),
    (
        "direction-control-202a",  # the ends of the refused ranges
        "roller.yaml",
        "namn: Ekonomichef",
        "namn: Ekono\u202amichef",
        [
            (
                0,
                16,
                "osynligt riktningstecken U+202A i texten: det kan ändra i vilken ordning texten efter det visas; "
                "ta bort det (skriv om ordet om du inte ser det)",
            ),
        ],
    ),
    (
        "direction-control-2066",  # the ends of the refused ranges
        "roller.yaml",
        "namn: Ekonomichef",
        "namn: Ekono\u2066michef",
        [
            (
                0,
                16,
                "osynligt riktningstecken U+2066 i texten: det kan ändra i vilken ordning texten efter det visas; "
                "ta bort det (skriv om ordet om du inte ser det)",
            ),
        ],
    ),
    (
        "direction-control-2069",  # the ends of the refused ranges
        "roller.yaml",
        "namn: Ekonomichef",
        "namn: Ekono\u2069michef",
        [
            (
                0,
                16,
                "osynligt riktningstecken U+2069 i texten: det kan ändra i vilken ordning texten efter det visas; "
                "ta bort det (skriv om ordet om du inte ser det)",
            ),
        ],
    ),
    (
        "escaped-direction-isolate",
        "roller.yaml",
        "namn: Ekonomichef",
        'namn: "Ekono\\u2067michef"',
        [
            (
                0,
                11,
                "osynligt riktningstecken U+2067 i texten: det kan ändra i vilken ordning texten efter det visas; "
                "ta bort det (skriv om ordet om du inte ser det)",
            ),
        ],
    ),
    (
        "escaped-control",
        "roller.yaml",
        "namn: Ekonomichef",
        'namn: "Ekono\\x07michef"',
        [
            (0, 11, "osynligt styrtecken U+0007 i texten; ta bort det (skriv om ordet om du inte ser det)"),
        ],
    ),
    (
        "escaped-surrogate",
        "roller.yaml",
        "namn: Ekonomichef",
        'namn: "Ekono\\ud800michef"',
        [
            (0, 11, "osynligt styrtecken U+D800 i texten; ta bort det (skriv om ordet om du inte ser det)"),
        ],
    ),
    (
        "tab",
        "roller.yaml",
        "    namn: Ekonomichef\n",
        "\tnamn: Ekonomichef\n",
        [
            (0, 1, "tabbtecken får inte användas för indrag; använd mellanslag"),
        ],
    ),
    (
        "duplicate-key",
        "roller.yaml",
        "    plural: ekonomicheferna\n",
        "    plural: ekonomicheferna\n    plural: igen\n",
        [
            (1, 5, "nyckeln 'plural' står två gånger (första gången på rad 7)"),
        ],
    ),
    (
        "key-not-scalar",
        "roller.yaml",
        "    plural: ekonomicheferna\n",
        "    plural: ekonomicheferna\n    [a]: b\n",
        [
            (1, 5, "en nyckel måste vara ett enkelt ord, inte en lista eller tabell"),
        ],
    ),
    (
        "tag",
        "roller.yaml",
        "namn: Ekonomichef",
        "namn: !!python/object/apply:os.system ['true']",
        [
            (
                0,
                11,
                "taggen '!!python/object/apply:os.system' är inte tillåten; skriv värdet utan tagg (inga '!'-taggar)",
            ),
        ],
    ),
    (
        "alias",
        "roller.yaml",
        "namn: Ekonomichef",
        "namn: *a",
        [
            (0, 11, "alias ('*namn') används inte i handbokens filer; skriv ut värdet på nytt"),
        ],
    ),
    (
        "anchor-twice",
        "roller.yaml",
        "namn: Ekonomichef\n    plural: ekonomicheferna",
        "namn: &a Ekonomichef\n    plural: &a ekonomicheferna",
        [
            (1, 13, "ankare ('&namn') används inte i handbokens filer; ta bort det"),
        ],
    ),
    (
        "too-deep",
        "roller.yaml",
        "    en_per_kommun: false\n",
        "    en_per_kommun: " + "[" * 25 + "]" * 25 + "\n",
        [
            (0, 37, "värdena är nästlade i fler än 20 nivåer; så djupt går inte i handbokens filer"),
        ],
    ),
    (
        "colon",
        "grupper.yaml",
        "    typ: beredning\n",
        "    typ: beredning: fel\n",
        [
            (0, 19, "ett kolon står där det inte får stå; sätt texten inom citattecken eller rätta indraget"),
        ],
    ),
    (
        "no-colon",
        "roller.yaml",
        "    plural: ekonomicheferna\n",
        "    plural: ekonomicheferna\n    plural\n    x: y\n",
        [
            (1, 5, "kolon saknas efter nyckeln, eller så är indraget fel"),
        ],
    ),
    (
        "no-colon-before-quotes",
        "motesplan-2026.yaml",
        '    plats: Stadshuset, Norrby; sal "Ek" \\ plan 2\n',
        '    plats "Kommunhuset"\n',
        [
            (0, 5, "kolon saknas efter nyckeln, eller så är indraget fel"),
        ],
    ),
    (
        "indent",
        "roller.yaml",
        "    plural: ekonomicheferna\n",
        "    plural: ekonomicheferna\n  x: y\n",
        [
            (1, 3, "indraget stämmer inte med raderna ovanför"),
        ],
    ),
    (
        "open-quote",
        "roller.yaml",
        "namn: Ekonomichef",
        'namn: "Ekonomichef',
        [
            (8, 1, "ett citattecken stängs aldrig"),
        ],
    ),
    (
        "open-bracket",
        "grupper.yaml",
        "        manader: [mars]\n",
        "        manader: [mars\n",
        [
            (1, 13, "en lista inom hakparenteser [ ] är inte rätt avslutad"),
        ],
    ),
    (
        "open-brace",
        "roller.yaml",
        "namn: Ekonomichef",
        "namn: {a: b",
        [
            (1, 11, "en tabell inom klammerparenteser { } är inte rätt avslutad"),
        ],
    ),
    (
        "list-in-map",
        "roller.yaml",
        "    plural: ekonomicheferna\n",
        "    plural: ekonomicheferna\n    - x\n",
        [
            (1, 5, "indraget stämmer inte med raderna ovanför"),
        ],
    ),
    (
        "at-sign",
        "roller.yaml",
        "namn: Ekonomichef",
        "namn: @Ekonomichef",
        [
            (0, 11, "ett tecken står där det inte får stå; sätt texten inom citattecken"),
        ],
    ),
    (
        "backtick",
        "roller.yaml",
        "namn: Ekonomichef",
        "namn: `Ekonomichef`",
        [
            (0, 11, "ett tecken står där det inte får stå; sätt texten inom citattecken"),
        ],
    ),
    (
        "unknown-escape",
        "roller.yaml",
        "namn: Ekonomichef",
        'namn: "Ekonomi\\qchef"',
        [
            (0, 20, "ett okänt \\-tecken inom \"…\"; skriv texten inom '…' eller utan citattecken"),
        ],
    ),
    (
        "short-escape",
        "roller.yaml",
        "namn: Ekonomichef",
        'namn: "Ekonomi\\x4gchef"',
        [
            (0, 21, 'ett ofullständigt \\x-, \\u- eller \\U-tecken inom "…"'),
        ],
    ),
    (
        "two-documents",
        "roller.yaml",
        "  - id: verksamhetschef\n",
        "---\n  - id: verksamhetschef\n",
        [
            (0, 1, "filen ska vara ett enda dokument; ta bort '---' och det som följer"),
        ],
    ),
    (
        "directive",
        "roller.yaml",
        "roller:\n",
        "%YAML 2.0\n---\nroller:\n",
        [
            (0, 1, "direktiv ('%YAML', '%TAG') och taggar används inte i handbokens filer"),
        ],
    ),
    (
        "block-indicator",
        "samverkan.yaml",
        "syfte: |-\n",
        "syfte: |0\n",
        [
            (0, 9, "fel efter '|' eller '>': skriv bara '|' eller '>' och texten på raderna under"),
        ],
    ),
    (
        "block-comment",
        "samverkan.yaml",
        "syfte: |-\n",
        "syfte: |- x\n",
        [
            (0, 11, "efter '|' eller '>' får bara en kommentar stå på raden"),
        ],
    ),
    (
        "empty-file",
        "roller.yaml",
        None,
        "",
        [
            (0, 1, "filen är tom"),
        ],
    ),
    # libyaml reads the next rows otherwise than PyYAML (it allows the tab, skips the mark, takes the
    # '#', reads on past '?', types the empty '!' value as text, ends the file on a line of its own);
    # they must still give PyYAML's message at PyYAML's place.
    (
        "tab-in-value",
        "roller.yaml",
        "namn: Ekonomichef",
        "namn: Ekono\tmichef",
        [
            (0, 16, "tabbtecken får inte användas för indrag; använd mellanslag"),
        ],
    ),
    (
        "tab-after-colon",
        "roller.yaml",
        "namn: Ekonomichef",
        "namn:\tEkonomichef",
        [
            (0, 10, "tabbtecken får inte användas för indrag; använd mellanslag"),
        ],
    ),
    (
        "byte-order-mark-in-line",
        "grupper.yaml",
        "        manader: [mars]\n",
        "        manader: [m\ufeffars, febuari]\n",
        [
            (0, 19, "okänd månad 'm\ufeffars'; menade du 'mars'? (i grupper[0].moten[0].manader[0])"),
            (0, 25, "okänd månad 'febuari'; menade du 'februari'? (i grupper[0].moten[0].manader[1])"),
        ],
    ),
    (
        "block-indicator-hash",
        "samverkan.yaml",
        "syfte: |-\n",
        "syfte: |-#\n",
        [
            (0, 10, "fel efter '|' eller '>': skriv bara '|' eller '>' och texten på raderna under"),
        ],
    ),
    (
        "question-mark-in-brackets",
        "grupper.yaml",
        "        manader: [mars]\n",
        "        manader: [mars?]\n",
        [
            (0, 23, "en lista inom hakparenteser [ ] är inte rätt avslutad"),
        ],
    ),
    (
        "empty-with-exclamation-mark",
        "roller.yaml",
        "namn: Ekonomichef",
        "namn: !",
        [
            (0, 11, "värdet saknas; väntade en text (i roller[1].namn)"),
        ],
    ),
    (
        "no-line-break-at-the-end",
        "roller.yaml",
        "    plural: verksamhetscheferna\n    en_per_kommun: false\n",
        "    plural: verksamhetscheferna\n    ? en_per_kommun",
        [
            (1, 20, "värdet saknas; väntade true eller false (i roller[2].en_per_kommun)"),
        ],
    ),
    (
        "escape-of-no-character",
        "roller.yaml",
        "namn: Ekonomichef",
        'namn: "Ekonomi\\U0011FFFFchef"',
        [
            (0, 19, 'ett \\U-tecken inom "…" som inte finns i Unicode; det högsta är \\U0010FFFF'),
        ],
    ),
]
ROWS: list[Row] = [
    *YAML_ROWS,
    (
        "unknown-key",
        "grupper.yaml",
        "        amne: Delår\n",
        "        amne: Delår\n        manad: [oktober]\n",
        [
            (
                1,
                9,
                "okänd nyckel 'manad'; menade du 'manader'? tillåtna nycklar här: id, manader, amne, kort, processer, samband_med, anmarkning, deltagare, diskussionspunkter (i grupper[0].moten[1].manad)",
            ),
        ],
    ),
    (
        "missing-key",
        "roller.yaml",
        "  - id: kd\n    namn: Kommundirektör\n",
        "  - id: kd\n",
        [
            (0, 5, "nyckeln 'namn' saknas (Rollens namn i singular, t.ex. 'Ekonomichef'.) (i roller[0])"),
        ],
    ),
    (
        "not-int",
        "grupper.yaml",
        "    minst_moten_per_ar: 2\n",
        "    minst_moten_per_ar: två\n",
        [
            (0, 25, "väntade ett heltal (t.ex. 3), fick 'två' (i grupper[0].minst_moten_per_ar)"),
        ],
    ),
    (
        "int-too-big",
        "grupper.yaml",
        "    minst_moten_per_ar: 2\n",
        "    minst_moten_per_ar: 99999999999\n",
        [
            (0, 25, "väntade ett tal från 0 till 1000, fick '99999999999' (i grupper[0].minst_moten_per_ar)"),
        ],
    ),
    (
        "year-too-small",
        "samverkan.yaml",
        "handboksar: 2026",
        "handboksar: 0",
        [
            (0, 13, "väntade ett tal från 2000 till 2100, fick '0' (i handboksar)"),
        ],
    ),
    (
        "year-too-big",
        "samverkan.yaml",
        "handboksar: 2026",
        "handboksar: 9999",
        [
            (0, 13, "väntade ett tal från 2000 till 2100, fick '9999' (i handboksar)"),
        ],
    ),
    (
        "list-expected",
        "grupper.yaml",
        "        processer: [budget]\n        diskussionspunkter: var\n",
        "        processer: budget\n        diskussionspunkter: var\n",
        [
            (0, 20, "väntade en lista (rader som börjar med '- '), fick 'budget' (i grupper[0].moten[0].processer)"),
        ],
    ),
    (
        "list-too-long",
        "grupper.yaml",
        "        manader: [mars]\n",
        "        manader: [" + ", ".join(["mars"] * 201) + "]\n",
        [
            (0, 18, "listan har 201 rader; högst 200 går (i grupper[0].moten[0].manader)"),
        ],
    ),
    (
        "list-empty",
        "grupper.yaml",
        None,
        "grupper: []\n",
        [
            (0, 10, "listan är tom; 'grupper' behöver minst en rad"),
        ],
    ),
    (
        "object-expected",
        "samverkan.yaml",
        "kommunikation:\n  lokal_profil: Värdkommunens profil gäller för lokaler.\n  gemensam_profil: Båda kommunerna syns i all kommunikation.\n",
        "kommunikation: ja\n",
        [
            (0, 16, "väntade nycklar med värden (t.ex. 'namn: …'), fick 'ja' (i kommunikation)"),
        ],
    ),
    (
        "text-expected",
        "roller.yaml",
        "namn: Ekonomichef",
        "namn: [Ekonomichef]",
        [
            (0, 11, "väntade en text, fick en lista (i roller[1].namn)"),
        ],
    ),
    (
        "value-missing",
        "roller.yaml",
        "namn: Ekonomichef",
        "namn:",
        [
            (0, 10, "värdet saknas; väntade en text (i roller[1].namn)"),
        ],
    ),
    (
        "text-empty",
        "roller.yaml",
        "namn: Ekonomichef",
        'namn: ""',
        [
            (0, 11, "texten är tom (i roller[1].namn)"),
        ],
    ),
    (
        "text-too-long",
        "roller.yaml",
        "namn: Ekonomichef",
        "namn: " + "a" * 1001,
        [
            (0, 11, "texten är längre än 1000 tecken; korta den (i roller[1].namn)"),
        ],
    ),
    (
        "prose-too-long",
        "samverkan.yaml",
        "bakgrund: Samverkan startade 2020.",
        "bakgrund: " + "a " * 5001,
        [
            (0, 11, "texten är längre än 10000 tecken; korta den eller dela upp den (i bakgrund)"),
        ],
    ),
    (
        "prose-brackets",
        "samverkan.yaml",
        "bakgrund: Samverkan startade 2020.",
        'bakgrund: "' + "[" * 5000 + '"',
        [
            (0, 11, "texten har fler än 200 hakparenteser '[' (i bakgrund)"),
        ],
    ),
    (
        "prose-unclosed-brackets",
        "samverkan.yaml",
        "bakgrund: Samverkan startade 2020.",
        "bakgrund: Se [1] och " + "[" * 11 + "x.",
        [
            (0, 11, "texten har fler än 10 '[' som aldrig stängs med ']' (i bakgrund)"),
        ],
    ),
    (
        "prose-nested-lists",
        "samverkan.yaml",
        "bakgrund: Samverkan startade 2020.",
        'bakgrund: "' + "- " * 3000 + 'x"',
        [
            (0, 11, "listorna i texten är nästlade i fler än 8 nivåer (i bakgrund)"),
        ],
    ),
    (
        "prose-inline-script",
        "samverkan.yaml",
        "bakgrund: Samverkan startade 2020.",
        "bakgrund: Se [här](javascript:alert(1)).",
        [
            (0, 11, "länkar får bara gå till http:, https: eller mailto:, inte 'javascript:' (i bakgrund)"),
        ],
    ),
    (
        "prose-reference-script",
        "samverkan.yaml",
        "bakgrund: Samverkan startade 2020.",
        'bakgrund: "Se [här].\\n\\n[här]: javascript:alert(1)"',
        [
            (0, 11, "länkar får bara gå till http:, https: eller mailto:, inte 'javascript:' (i bakgrund)"),
        ],
    ),
    (
        "prose-image-data",
        "samverkan.yaml",
        "bakgrund: Samverkan startade 2020.",
        "bakgrund: Se ![x](data:text/html,x).",
        [
            (0, 11, "länkar får bara gå till http:, https: eller mailto:, inte 'data:' (i bakgrund)"),
        ],
    ),
    (
        "prose-entity-script",
        "samverkan.yaml",
        "bakgrund: Samverkan startade 2020.",
        "bakgrund: Se [x](javascript&#58;alert(1)).",
        [
            (
                0,
                11,
                "länken 'javascript&#58;alert(1)' är relativ och leder ingenstans från de genererade sidorna; skriv hela adressen (https://…) (i bakgrund)",
            ),
        ],
    ),
    (
        "prose-relative",
        "samverkan.yaml",
        "bakgrund: Samverkan startade 2020.",
        "bakgrund: Se [a](../x).",
        [
            (
                0,
                11,
                "länken '../x' är relativ och leder ingenstans från de genererade sidorna; skriv hela adressen (https://…) (i bakgrund)",
            ),
        ],
    ),
    (
        "not-bool",
        "roller.yaml",
        "    en_per_kommun: false\n",
        "    en_per_kommun: kanske\n",
        [
            (0, 20, "väntade true eller false (ja/nej), fick 'kanske' (i roller[2].en_per_kommun)"),
        ],
    ),
    (
        "date-format",
        "samverkan.yaml",
        "versionsdatum: 2026-01-15",
        "versionsdatum: 15/1 2026",
        [
            (0, 16, "väntade ett datum som ÅÅÅÅ-MM-DD, t.ex. 2023-09-27, fick '15/1 2026' (i versionsdatum)"),
        ],
    ),
    (
        "date-impossible",
        "samverkan.yaml",
        "datum: 2024-02-29",
        "datum: 2023-02-29",
        [
            (0, 14, "datumet '2023-02-29' finns inte i kalendern (i medlemmar[0].antagande.datum)"),
        ],
    ),
    (
        "time-format",
        "motesplan-2026.yaml",
        '    start: "09:00"\n',
        "    start: 9.00\n",
        [
            (0, 12, "väntade en tid som TT:MM, t.ex. '09:00', fick '9.00' (i moten[0].start)"),
        ],
    ),
    (
        "month-unknown",
        "grupper.yaml",
        "        manader: [mars]\n",
        "        manader: [febuari]\n",
        [
            (0, 19, "okänd månad 'febuari'; menade du 'februari'? (i grupper[0].moten[0].manader[0])"),
        ],
    ),
    (
        "deadline-format",
        "processer.yaml",
        "senast: 30 april",
        "senast: 30 april 2026",
        [
            (
                0,
                17,
                "väntade en dag och månad ('30 april') eller en månad ('december'), fick '30 april 2026' (i processer[0].steg[3].senast)",
            ),
        ],
    ),
    (
        "deadline-month",
        "processer.yaml",
        "senast: 30 april",
        "senast: 30 apirl",
        [
            (0, 17, "okänd månad 'apirl'; menade du 'april'? (i processer[0].steg[3].senast)"),
        ],
    ),
    (
        "deadline-31-april",
        "processer.yaml",
        "senast: 30 april",
        "senast: 31 april",
        [
            (0, 17, "'31 april' finns inte: april har 30 dagar (i processer[0].steg[3].senast)"),
        ],
    ),
    (
        "deadline-29-february",
        "processer.yaml",
        "senast: 30 april",
        "senast: 29 februari",
        [
            (0, 17, "'29 februari' finns inte: februari har 28 dagar (i processer[0].steg[3].senast)"),
        ],
    ),
    (
        "enum",
        "grupper.yaml",
        "    typ: beredning\n",
        "    typ: nämnd\n",
        [
            (
                0,
                10,
                "okänt värde 'nämnd'; välj ett av: politisk, ledning, beredning, samordning, extern (i grupper[1].typ)",
            ),
        ],
    ),
    (
        "id-invalid",
        "roller.yaml",
        "  - id: kd\n",
        "  - id: Kommun Direktör\n",
        [
            (
                0,
                9,
                "ogiltigt id 'Kommun Direktör': använd små bokstäver a–z, siffror och bindestreck (t.ex. 'styrgrupp-mars') (i roller[0].id)",
            ),
        ],
    ),
    (
        "address-not-https",
        "handbok.yaml",
        "adress: https://example.org/samverkanshandbok/",
        "adress: handbok",
        [
            (
                0,
                9,
                "adressen måste vara en fullständig webbadress som börjar med https://, t.ex. https://kommun.github.io/handbok/ (i adress)",
            ),
        ],
    ),
    (
        "address-script",
        "handbok.yaml",
        "adress: https://example.org/samverkanshandbok/",
        "adress: 'https://a/x\");alert(1);//</script>'",
        [
            (
                0,
                9,
                "adressen innehåller tecknet '\"', som inte får stå i handbokens adress; bara bokstäver a–z och A–Z, siffror, '-', '.', '_', '~', '/' och %-koder (i adress)",
            ),
        ],
    ),
    (
        "address-javascript",
        "handbok.yaml",
        "adress: https://example.org/samverkanshandbok/",
        "adress: javascript://%0aalert(1)//",
        [
            (
                0,
                9,
                "adressen måste vara en fullständig webbadress som börjar med https://, t.ex. https://kommun.github.io/handbok/ (i adress)",
            ),
        ],
    ),
    (
        "address-plain-http",
        "handbok.yaml",
        "adress: https://example.org/samverkanshandbok/",
        "adress: http://example.org/",
        [
            (
                0,
                9,
                "adressen måste börja med https:// (http:// går bara för förhandsvisning på localhost), t.ex. https://kommun.github.io/handbok/ (i adress)",
            ),
        ],
    ),
    (
        "address-user",
        "handbok.yaml",
        "adress: https://example.org/samverkanshandbok/",
        "adress: https://x@example.org/",
        [
            (
                0,
                9,
                "adressen har inget giltigt värdnamn efter https://, t.ex. https://kommun.github.io/handbok/ (i adress)",
            ),
        ],
    ),
    (
        "id-duplicate",
        "roller.yaml",
        "    en_per_kommun: false\n",
        "    en_per_kommun: false\n  - id: ekonomichef\n    namn: X\n    plural: x\n",
        [
            (
                1,
                9,
                "id 'ekonomichef' används redan (första gången i DATA/exempel/roller.yaml:5:9); ett id måste vara unikt (i roller[3].id)",
            ),
        ],
    ),
    (
        "id-duplicate-hides-the-id-it-replaced",
        "grupper.yaml",
        "      - id: styrgrupp-mars\n",
        "      - id: styrgrupp-hosten\n",
        [
            (
                5,
                13,
                "id 'styrgrupp-hosten' används redan (första gången i DATA/exempel/grupper.yaml:38:13); ett id måste vara unikt; hänvisningarna till 'styrgrupp-mars' hittar inget möte: var det id:t som ska stå här? (i grupper[0].moten[1].id)",
            ),
        ],
    ),
    (
        "reference-unknown",
        "processer.yaml",
        "        mote: styrgrupp-mars\n",
        "        mote: styrgrupp-maj\n",
        [
            (
                0,
                15,
                "okänt möte 'styrgrupp-maj': det finns inget möte (grupper.yaml, moten) med det id:t; menade du 'styrgrupp-mars'? (i processer[0].steg[1].mote)",
            ),
        ],
    ),
    (
        "reserved-body-index",
        "grupper.yaml",
        "    syfte: Antar budgeten.\n",
        "    syfte: Antar budgeten.\n  - id: index\n    namn: X\n    typ: extern\n",
        [
            (
                1,
                9,
                "id 'index' krockar med handbokens egna sidor (organisationens översikt, kalenderfilerna alla.ics och tidsgranser.ics, checklistorna); välj ett annat id (i grupper[3].id)",
            ),
        ],
    ),
    (
        "reserved-body-alla",
        "grupper.yaml",
        "    syfte: Antar budgeten.\n",
        "    syfte: Antar budgeten.\n  - id: alla\n    namn: X\n    typ: extern\n",
        [
            (
                1,
                9,
                "id 'alla' krockar med handbokens egna sidor (organisationens översikt, kalenderfilerna alla.ics och tidsgranser.ics, checklistorna); välj ett annat id (i grupper[3].id)",
            ),
        ],
    ),
    (
        "reserved-process-index",
        "processer.yaml",
        "    anmarkning: Tiderna uppdateras årligen.\n",
        "    anmarkning: Tiderna uppdateras årligen.\n  - id: index\n    namn: X\n",
        [
            (
                1,
                9,
                "id 'index' krockar med handbokens egna sidor (översikten över årsprocesserna, checklistorna); välj ett annat id (i processer[1].id)",
            ),
        ],
    ),
    (
        "reserved-occasion-checklist",
        "grupper.yaml",
        "      - id: styrgrupp-extra\n",
        "      - id: arsprocess-budget\n",
        [
            (
                0,
                13,
                "id 'arsprocess-budget' krockar med handbokens egna sidor (checklistorna och mallarna för anteckningar); välj ett annat id (i grupper[0].moten[2].id)",
            ),
        ],
    ),
    (
        "reserved-occasion-minutes",
        "grupper.yaml",
        "      - id: styrgrupp-extra\n",
        "      - id: styrgrupp-var-anteckningar\n",
        [
            (
                0,
                13,
                "id 'styrgrupp-var-anteckningar' krockar med handbokens egna sidor (checklistorna och mallarna för anteckningar); välj ett annat id (i grupper[0].moten[2].id)",
            ),
        ],
    ),
    (
        "output-collision",
        "grupper.yaml",
        "      - id: styrgrupp-extra\n        amne: Extra möte vid behov\n",
        "      - id: styrgrupp-var\n        amne: Extra möte vid behov\n        processer: [budget]\n",
        [
            (
                0,
                9,
                "blir samma fil som en annan sida (som DATA/exempel/grupper.yaml:38:9): exempel/checklistor/styrgrupp-var.md; byt id på den ena",
            ),
        ],
    ),
    (
        "step-body-and-meeting",
        "processer.yaml",
        "        mote: styrgrupp-mars\n",
        "        mote: styrgrupp-mars\n        grupp: styrgrupp\n",
        [
            (-2, 9, "ange antingen 'grupp' eller 'mote', inte båda: mötet talar redan om vilken grupp det gäller"),
        ],
    ),
    (
        "body-prepares-for-itself",
        "grupper.yaml",
        "    bereder_for: [styrgrupp]\n",
        "    bereder_for: [ekonomiberedning]\n",
        [
            (-12, 5, "gruppen 'ekonomiberedning' kan inte bereda åt eller rapportera till sig själv"),
        ],
    ),
    (
        "responsibility-nobody",
        "grupper.yaml",
        "    kallelse:\n      utsedd: true\n",
        "    kallelse:\n      utsedd: false\n",
        [
            (1, 7, "ange vem som ansvarar: 'roll', eller 'utsedd: true' om det utses inför varje möte"),
        ],
    ),
    (
        "municipality-and-rotating",
        "grupper.yaml",
        "      kommun: norrby\n",
        "      kommun: norrby\n      var_sin_gang: true\n",
        [
            (-1, 7, "'kommun' och 'var_sin_gang' går inte ihop: ansvaret ligger antingen hos en kommun eller går runt"),
        ],
    ),
    (
        "month-twice",
        "grupper.yaml",
        "        manader: [mars]\n",
        "        manader: [mars, mars]\n",
        [
            (-1, 9, "månaden 'mars' står två gånger"),
        ],
    ),
    (
        "occasion-dated-twice",
        "motesplan-2026.yaml",
        "  - id: extra-styrgrupp-maj\n    grupp: styrgrupp\n    rubrik: Extra möte om lokaler\n",
        "  - mote: styrgrupp-mars\n",
        [
            (0, 5, "mötet 'styrgrupp-mars' har redan ett datum på rad 9; ett extra möte får ett eget 'id'"),
        ],
    ),
    (
        "meeting-identity-mixed",
        "motesplan-2026.yaml",
        "  - mote: styrgrupp-mars\n",
        "  - mote: styrgrupp-mars\n    rubrik: Extra\n",
        [
            (0, 5, "ett möte med 'mote' får inte ha 'id', 'grupp' eller 'rubrik': de kommer från grupper.yaml"),
        ],
    ),
    (
        "meeting-identity-missing",
        "motesplan-2026.yaml",
        "    rubrik: Extra möte om lokaler\n",
        "",
        [
            (-2, 5, "ange 'mote' (ett möte i grupper.yaml), eller 'id', 'grupp' och 'rubrik' för ett extra möte"),
        ],
    ),
    (
        "meeting-wrong-year",
        "motesplan-2026.yaml",
        "    datum: 2026-05-20\n",
        "    datum: 2027-05-20\n",
        [
            (-3, 5, "datumet 2027-05-20 ligger inte i år 2026"),
        ],
    ),
    (
        "meeting-end-before-start",
        "motesplan-2026.yaml",
        '    slut: "12:00"\n',
        '    slut: "08:00"\n',
        [
            (-3, 5, "'slut' måste komma efter 'start'"),
        ],
    ),
    (
        "meeting-end-without-start",
        "motesplan-2026.yaml",
        '    start: "13:00"\n',
        "",
        [
            (-4, 5, "'slut' måste komma efter 'start'"),
        ],
    ),
    (
        "meeting-moved-without-reason",
        "motesplan-2026.yaml",
        "    anledning: Krock med budgetdagen\n",
        "",
        [
            (-9, 5, "ett möte med status 'flyttat' behöver en 'anledning'"),
        ],
    ),
    (
        "meeting-cancelled-without-reason",
        "motesplan-2026.yaml",
        "    anledning: Frågan löstes i beredningen\n",
        "",
        [
            (-7, 5, "ett möte med status 'installt' behöver en 'anledning'"),
        ],
    ),
    (
        "moved-from-not-moved",
        "motesplan-2026.yaml",
        "    status: flyttat\n",
        "    status: planerat\n",
        [
            (-7, 5, "'flyttat_fran' hör bara till möten med status 'flyttat'"),
        ],
    ),
    (
        "video-not-https",
        "motesplan-2026.yaml",
        "    videolank: https://video.example.org/styrgrupp\n",
        "    videolank: http://video.example.org/styrgrupp\n",
        [
            (-5, 5, "'videolank' ska vara en fullständig adress som börjar med https://"),
        ],
    ),
    (
        "schedule-year-mismatch",
        "motesplan-2026.yaml",
        "ar: 2026\n",
        "ar: 2027\n",
        [
            (0, 1, "filen heter motesplan-2026.yaml men 'ar' är 2027; året i namnet och i filen ska vara samma"),
        ],
    ),
    (
        "schedule-year-bounds",
        "motesplan-2026.yaml",
        "ar: 2026\n",
        "ar: 1999\n",
        [
            (0, 5, "väntade ett tal från 2000 till 2100, fick '1999' (i ar)"),
        ],
    ),
]


def run_check(data: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["check", "--data", str(data)])
    stderr = capsys.readouterr().err
    assert "Traceback" not in stderr
    return code, [line for line in stderr.splitlines() if line.startswith(str(data))]


# Every row with the parser the generator picks; the YAML rows with PyYAML's own parser as well.
CASES = [pytest.param(row, None, id=row[0]) for row in ROWS] + [
    pytest.param(row, "python", id=f"{row[0]}-python") for row in YAML_ROWS
]


@pytest.mark.parametrize(("row", "parser"), CASES)
def test_each_error_message(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    row: Row,
    parser: str | None,
) -> None:
    _, file, old, new, expected = row
    if parser == "python":
        monkeypatch.setattr(compose, "PARSER", compose.PurePythonParser)
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    path = data / file if file == "handbok.yaml" else data / "exempel" / file
    text = path.read_text(encoding="utf-8")
    if old is None:
        line = 1
        path.write_text(new, encoding="utf-8")
    else:
        assert text.count(old) == 1, f"{old!r} must occur once in {file}"
        line = text[: text.index(old)].count("\n") + 1
        path.write_text(text.replace(old, new), encoding="utf-8")
    code, errors = run_check(data, capsys)
    assert code == 1
    shown = [
        f"{path}:{line + offset}:{column}: {message.replace('DATA/', f'{data}/')}"
        for offset, column, message in expected
    ]
    assert errors == shown


def test_the_table_covers_every_message_once() -> None:
    names = [r[0] for r in ROWS]
    assert len(names) == len(set(names))
    messages = {message.split(" (i ")[0] for *_, expected in ROWS for _, _, message in expected}
    assert len(messages) >= 80
