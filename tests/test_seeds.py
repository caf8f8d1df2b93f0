"""Every rule in the two policy documents reaches the built handbook.

Each sentence of the seed documents in ../shared/seeds/ is looked up in the
text of the built site. Lines that the handbook shows as structure rather than
as the same words (tables of contents, the "Månad / Processer" tables, headings
that became page titles) are listed below with where the reader finds them.
"""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT

SEEDS = ROOT.parent / "shared" / "seeds"
SEED_FILES = {"sml": "000_4d083429db6bd63b.txt", "sydnarke": "001_9242e76b7bef3b36.txt"}

# Seed statements that the handbook shows as structure rather than in the same words,
# and where a reader finds them. Everything else must appear word for word.
SHOWN_AS_STRUCTURE = {
    "sml": {
        # Title page and table of contents: the overview page's "Styrdokument" section.
        "SAMORDNING OCH STYRNING INOM AVTALSSAMVERKAN",
        "Antagen av Kommunfullmäktige i Sotenäs kommun 2023-09-27 § 92",
        "Antagen av Kommunfullmäktige i Lysekils kommun 2023-10-18 § 128",
        "Antagen av kommunfullmäktige i Munkedals kommun 2023-09-25 § 126",
        "Innehåll",
        # Section headings that became pages and page sections.
        "Ex på beslutspunkter",
        "Årsprocesser samt diskussionspunkter",
        "Diskussionspunkter styrgruppsmöten",
        # The "Månad / Processer" tables: each body's "Möten under året" and the årshjul.
        "Månad Processer",
        "Mars Årsbokslut/uppstart budgetprocess",
        "Oktober Delårsbokslut/avstämning kommande år",
        "Februari Årsbokslut/uppstart budgetprocess",
        "Mars Årsbokslut/uppstart budgetprocess (samverkansråd)",
        "September/oktober Delårsbokslut/avstämning kommande år (samverkansråd)",
        # Members, attendees, meetings, convener, notice and minutes: each body's "I korthet".
        "Råd för avtalssamverkan SML representeras av Kommunstyrelsens kommunalråd och oppositionsråd samt kommundirektörerna från respektive kommun.",
        "Vid dessa möten deltar gemensamma verksamheters chefer.",
        "Möten sker minst två gånger per år.",
        "Kallelse och handlingar utsänds inför mötet på utsedd kommuns ansvar.",
        "I styrgrupp ingår kommundirektörerna och de administrativa cheferna.",
        "De administrativa cheferna är sammankallande och ansvariga för mötet var sin gång.",
        "Vid behov bokas möte in med chefer för gemensamma verksamheter.",
        "Ekonomichefen i Lysekil sammankallar.",
        "Kallelse och handlingar utsänds inför mötet på utsedd chefs ansvar.",
        "Verksamhetschefen kallar till beredningsmöten inom respektive avtalsområde.",
        "Kallelse och handlingar utsänds inför mötet på utsedd verksamhetschefs ansvar.",
        "Mötesanteckningar skrivs och mailas ut efter mötet.",
        # The heading over the budget steps on the process page.
        "Beskrivning av budgetprocessen.",
    },
    "sydnarke": {
        # The overview page's "Styrdokument" section.
        "(beslutad av kommundirektörerna i Sydnärke – reviderad 2021-12-01)",
        # Samordningsgrupp's convener, minutes and duties: its page's "I korthet" and "Uppgifter".
        "Sammanställande är ansvarig för verksamheten (förvaltningschef eller motsvarande) och det ska föras minnesanteckningar som ska tillsändas sekreteraren för ledningsgruppen (KC/KD-syd).",
        "Gruppen ska även bereda och diskutera strategiska frågor och inriktningar innan ledningsgruppen tar ställning till dessa.",
        # Members and duties: the body pages' "I korthet" and "Uppgifter".
        "Består av respektive ordförande i kommunstyrelserna (KSO) samt kommuncheferna/kommundirektörerna i respektive kommun.",
        "Består av kommuncheferna/kommundirektörerna i respektive kommun.",
        "Gruppen ansvarar också för att bereda frågor inför beslut i respektive fullmäktige och att lyfta frågor till samverkansgruppen.",
    },
}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.skip += tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self.skip -= tag in ("script", "style")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def normalise(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def site_text(site: Path, cooperation: str) -> str:
    parser = _Text()
    for page in sorted((site / cooperation).rglob("index.html")):
        parser.feed(page.read_text(encoding="utf-8"))
        parser.parts.append("\n")
    return normalise(" ".join(parser.parts))


def seed_statements(text: str) -> list[str]:
    """Sentences, list items and headings, without list markers, section numbers or a closing colon."""
    statements = []
    for line in text.splitlines():
        line = normalise(line)
        line = re.sub(r"^(- (?:[a-z]\. )?|\d+\. )", "", line)
        line = re.sub(r"^\d+(\.\d+)+ ", "", line)
        if not line or re.search(r"\.{5}\s*\d+$", line):  # table-of-contents lines
            continue
        statements += [s.removesuffix(":") for s in re.split(r"(?<=[.?])\s+(?=[A-ZÅÄÖ])", line)]
    return statements


@pytest.mark.parametrize("cooperation", sorted(SEED_FILES))
def test_every_seed_statement_is_in_the_handbook(cooperation: str, shipped_site: Path) -> None:
    seed = SEEDS / SEED_FILES[cooperation]
    if not seed.is_file():
        if os.environ.get("CI") and not os.environ.get("HANDBOK_SKIP_SEEDS"):
            pytest.fail(f"{seed} saknas; i CI ska styrdokumenten finnas (eller HANDBOK_SKIP_SEEDS=1 vara satt)")
        pytest.skip(f"{seed} finns inte (shared/ ligger bredvid repot)")
    text = site_text(shipped_site, cooperation)
    structure = {normalise(s) for s in SHOWN_AS_STRUCTURE[cooperation]}
    missing = [s for s in seed_statements(seed.read_text(encoding="utf-8")) if s not in structure and s not in text]
    assert missing == [], "\n".join(missing)
