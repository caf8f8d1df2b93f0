"""Reading YAML: libyaml and PyYAML's own parser give the same values, messages and positions.

`check` composes with libyaml (C) where PyYAML has it and with PyYAML's parser (Python)
otherwise, and again with PyYAML for any file libyaml refuses or may read otherwise.
Every test here runs with both, so that a difference between them fails a test: hostile
input (alias bombs, deep nesting, huge values), positions after unusual characters, and
a seeded comparison of both on the fixture data and plans and on edits of them.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest
import yaml

from generator import compose
from generator.compose import Mapping, Scalar, YamlValue
from generator.errors import ErrorLog
from generator.load import load_text

from conftest import FIXTURE_DATA, PLAN_FIXTURES, require_tool

PARSERS = ["libyaml", "python"]


def use(parser: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if parser == "libyaml":
        require_tool("libyaml i PyYAML (yaml.__with_libyaml__)", yaml.__with_libyaml__)
        monkeypatch.setattr(compose, "PARSER", yaml.CSafeLoader)
    else:
        monkeypatch.setattr(compose, "PARSER", compose.PurePythonParser)


@pytest.fixture(params=PARSERS)
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    use(request.param, monkeypatch)
    return str(request.param)


def read(text: str) -> tuple[YamlValue | None, list[str]]:
    log = ErrorLog()
    value = load_text(text, "f.yaml", log)
    return value, [str(e) for e in log.errors]


def test_the_pinned_pyyaml_has_libyaml() -> None:
    require_tool("libyaml i PyYAML (yaml.__with_libyaml__)", yaml.__with_libyaml__)
    assert compose.PARSER is yaml.CSafeLoader


ALIAS = "alias ('*namn') används inte i handbokens filer; skriv ut värdet på nytt"
DEEP = "värdena är nästlade i fler än 20 nivåer; så djupt går inte i handbokens filer"
LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{name}: &{name} [{', '.join([f'*{before}'] * 9)}]\n" for before, name in zip("abcdefgh", "bcdefghi", strict=True)
)

# (name, text, the errors it must give): the same with either parser.
HOSTILE = [
    ("billion-laughs", LAUGHS, [f"f.yaml:2:8: {ALIAS}"]),
    ("alias-bomb-of-a-2-MB-file", "a: &a x\n" + "b: *a\n" * 300_000, [f"f.yaml:2:4: {ALIAS}"]),
    ("alias-inside-a-refused-tag", "a: !!python/object [*x]\n", [f"f.yaml:1:21: {ALIAS}"]),
    ("deep-brackets-of-a-2-MB-file", "a: " + "[" * 1_900_000 + "\n", [f"f.yaml:1:23: {DEEP}"]),
    ("deep-keys", "".join(" " * (2 * i) + "k:\n" for i in range(600)), [f"f.yaml:20:39: {DEEP}"]),
    ("long-key", "k" * 1100 + ": v\n", [
        "f.yaml:1:1101: ett kolon står där det inte får stå; sätt texten inom citattecken eller rätta indraget"
    ]),
    ("escape-beyond-every-integer", 'a: "x\\UFFFFFFFFy"\n', [
        'f.yaml:1:6: ett \\U-tecken inom "…" som inte finns i Unicode; det högsta är \\U0010FFFF'
    ]),
    ("escaped-surrogate-pair", 'a: "\\ud83d\\ude00"\n', [
        "f.yaml:1:4: osynligt styrtecken U+D83D i texten; ta bort det (skriv om ordet om du inte ser det)"
    ]),
    ("repeated-key-hides-its-value", "a: 1\na: !!python/name:os.system\n", [
        "f.yaml:2:1: nyckeln 'a' står två gånger (första gången på rad 1)"
    ]),
    ("empty", "", ["f.yaml:1:1: filen är tom"]),
    ("only-a-comment", "# bara en kommentar\n", ["f.yaml:1:1: filen är tom"]),
    ("document-end-then-more", "a: 1\n...\nb: 2\n", [
        "f.yaml:3:1: filen ska vara ett enda dokument utan '---' och '%'-direktiv"
    ]),
    # Lines and columns after characters the parsers count in their own ways.
    ("windows-line-ends", "a: 1\r\nb: [x, *y]\r\n", [f"f.yaml:2:8: {ALIAS}"]),
    ("line-separator", "a: x\u2028b: *y\n", [f"f.yaml:2:4: {ALIAS}"]),
    ("emoji-before", "a: [😀, *y]\n", [f"f.yaml:1:8: {ALIAS}"]),
    ("byte-order-mark-in-a-quoted-value", "a: 'x\ufeffy'\nb: [c, !x d]\n", [
        "f.yaml:2:8: taggen '!x' är inte tillåten; skriv värdet utan tagg (inga '!'-taggar)"
    ]),
    ("question-mark-in-quotes-in-brackets", "a: ['Vad gör vi?', !x b]\n", [
        "f.yaml:1:20: taggen '!x' är inte tillåten; skriv värdet utan tagg (inga '!'-taggar)"
    ]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "errors"), [row[1:] for row in HOSTILE], ids=[row[0] for row in HOSTILE])
def test_hostile_yaml_is_refused_where_it_stands(parser: str, text: str, errors: list[str]) -> None:
    value, found = read(text)
    assert found == errors
    assert value is None


@pytest.mark.parametrize(
    ("text", "length"),
    [("a: " + "x" * 1_900_000 + "\n", 1_900_000), ('a: "' + "å" * 900_000 + '"\n', 900_000)],
    ids=["plain", "quoted"],
)
def test_a_huge_value_is_read_whole(parser: str, text: str, length: int) -> None:
    value, errors = read(text)
    assert errors == []
    assert isinstance(value, Mapping)
    (_, scalar), *_ = value.entries
    assert isinstance(scalar, Scalar) and len(scalar.text) == length and scalar.pos.column == 4


def test_values_keep_type_and_quoting(parser: str) -> None:
    value, errors = read("a: 2\nb: '2'\nc: !!str 2\nd: ! 2\ne: !\nf: |\n  x\n")
    assert errors == []
    assert isinstance(value, Mapping)
    scalars = [v for _, v in value.entries if isinstance(v, Scalar)]
    assert [(s.text, s.tag.rsplit(":", 1)[1], s.plain, s.pos.line) for s in scalars] == [
        ("2", "int", True, 1),
        ("2", "str", False, 2),
        ("2", "str", True, 3),
        ("2", "int", True, 4),
        ("", "null", True, 5),
        ("x\n", "str", False, 6),
    ]


# --- Both parsers on the data and on edits of it ----------------------------------------

# What editors type by mistake, and what YAML treats specially.
PIECES = ["\t", ":", ": ", "- ", "#", " #", "[", "]", "{", "}", ",", "'", '"', "\\", "|", ">", "|-", "&a ",
          "*a", "!", "!!str ", "%", "---\n", "...\n", "?", "? ", "@", "`", "\r\n", "\n", "\n  ", "  ", "\ufeff",
          "\u2028", "\u00a0", "x", "Vad?", "[Vad gör vi?]", "{a: b?}", "|#", "\\U0010FFFF", "\\x41", "~",
          "2026-01-15"]  # fmt: skip
VALUES = ["[Vad gör vi?]", "{fråga: vem?}", "!", "! 2", "|#\n  x", ">-#\n  x", "x\ty", "'x\ty'", "a\ufeffb",
          "[a, \ufeffb, c]", "? x", "&a x", "*a", '"\\U00110000"', "[" * 22 + "x" + "]" * 22]  # fmt: skip


def corpus() -> Iterator[tuple[str, str]]:
    files = sorted([*FIXTURE_DATA.rglob("*.yaml"), *PLAN_FIXTURES.rglob("*.yaml")])
    texts = [(f"{p.parent.name}/{p.name}", p.read_text(encoding="utf-8")) for p in files]
    yield from texts
    pick = random.Random(16)  # noqa: S311 (not for secrets: the same edits on every run)
    for number in range(300):
        name, text = pick.choice(texts)
        for _ in range(pick.randint(1, 3)):
            values = [i + 2 for i in range(len(text)) if text.startswith(": ", i)]
            if values and pick.random() < 0.3:  # a whole value replaced
                at = pick.choice(values)
                text = text[:at] + pick.choice(VALUES) + text[text.find("\n", at) % (len(text) + 1) :]
            else:  # a piece inserted, half of them where a value starts, where more survive
                at = pick.choice(values) if values and pick.random() < 0.5 else pick.randrange(len(text) + 1)
                text = text[:at] + pick.choice(PIECES) + text[at:]
        if pick.random() < 0.2:
            text = text.rstrip("\n")
        yield f"{name}-edit-{number}", text


CORPUS = list(corpus())


def test_both_parsers_read_the_data_and_its_edits_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    results: dict[str, list[tuple[YamlValue | None, list[str]]]] = {}
    for parser in PARSERS:
        use(parser, monkeypatch)
        results[parser] = [read(text) for _, text in CORPUS]
    differ = [name for (name, _), a, b in zip(CORPUS, *results.values(), strict=True) if a != b]
    assert differ == []
    readable = sum(value is not None for value, _ in results["python"])
    assert 20 < readable < len(CORPUS) - 20, "the edits should leave some files readable and break others"
