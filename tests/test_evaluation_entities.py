"""Entity-mention scoring: gold mentions from aliases, links by QID or name, Re-DocRED types."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import pytest

import kg
from kg.cli import main
from kg.evaluation import (
    EntityReport,
    GoldEntity,
    GoldItem,
    GoldSet,
    Scores,
    evaluate_entities,
    evaluate_redocred_entities,
    load_redocred,
)
from kg.evaluation.entities import MentionError
from kg.records import Document, Entity, Mention

# "Democratic Republic of the Congo" holds both "Republic of the Congo" and "Congo":
# the longest alias is the gold mention, so the whole name belongs to COD, not COG.
SUMMIT_TEXT = (
    "The Democratic Republic of the Congo and Angola signed a border pact. "
    "Congo welcomed it, and Angolan officials praised Luanda's role."
)
ENVOYS_TEXT = "Kinshasa hosted Angolan envoys. Angola later thanked the DR Congo."

GOLD_ENTITIES = {
    "COD": GoldEntity("COD", ("Democratic Republic of the Congo", "DR Congo"), "Q974"),
    "COG": GoldEntity("COG", ("Congo", "Republic of the Congo"), "Q971"),
    "AGO": GoldEntity("AGO", ("Angola",), "Q916"),
}

# Linked by QID only: "DRC" is not one of the gold names.
DRC = Entity("dr-congo", "DRC", "Country", qid="Q974")
# Linked by name only: no QID.
ANGOLA = Entity("angola", "Angola", "Country")
DR_CONGO_BY_NAME = Entity("democratic-republic-of-the-congo", "Democratic Republic of the Congo", "Country")
LUANDA = Entity("luanda", "Luanda", "Place")
KINSHASA = Entity("kinshasa", "Kinshasa", "Place")


def at(text: str, name: str, occurrence: int = 1) -> int:
    """Offset of the ``occurrence``-th ``name`` in ``text``."""
    start = -1
    for _ in range(occurrence):
        start = text.index(name, start + 1)
    return start


def mention(entity: Entity, text: str, name: str, occurrence: int = 1, via: str = "name") -> Mention:
    start = at(text, name, occurrence)
    return Mention(entity.key, name, start, start + len(name), via)


def gold_set() -> GoldSet:
    return GoldSet(
        documents=(Document("summit", SUMMIT_TEXT), Document("envoys", ENVOYS_TEXT)),
        items=(GoldItem("summit", ("COD",), ("signedAgreementWith",), ("AGO",)),),
        entities=GOLD_ENTITIES,
    )


def fixed(*found: tuple[str, Mention, Entity]):
    """A fake ``find`` returning ``found`` and recording the documents it was given."""

    def find(documents: list[Document]) -> Iterable[tuple[str, Mention, Entity]]:
        find.seen.append(documents)
        return list(found)

    find.seen = []
    return find


@pytest.fixture
def summit_report() -> tuple[EntityReport, object]:
    inner_congo = at(SUMMIT_TEXT, "Congo")  # inside "Democratic Republic of the Congo"
    find = fixed(
        ("summit", Mention(DRC.key, "Congo", inner_congo, inner_congo + 5), DRC),
        ("summit", mention(ANGOLA, SUMMIT_TEXT, "Angola"), ANGOLA),
        ("summit", mention(DRC, SUMMIT_TEXT, "Congo", 2), DRC),  # the Republic of the Congo, linked wrongly
        ("summit", mention(LUANDA, SUMMIT_TEXT, "Luanda"), LUANDA),
        ("summit", mention(ANGOLA, SUMMIT_TEXT, "Angolan", via="demonym"), ANGOLA),
        ("envoys", mention(KINSHASA, ENVOYS_TEXT, "Kinshasa"), KINSHASA),
        ("envoys", mention(DR_CONGO_BY_NAME, ENVOYS_TEXT, "DR Congo"), DR_CONGO_BY_NAME),
    )
    return evaluate_entities(gold_set(), find), find


def test_find_is_given_the_gold_documents(summit_report) -> None:
    _, find = summit_report

    assert find.seen == [[Document("summit", SUMMIT_TEXT), Document("envoys", ENVOYS_TEXT)]]


def test_evaluate_entities_counts_linked_mentions(summit_report) -> None:
    report, _ = summit_report

    # tp: the DRC (by QID), Angola (by name), DR Congo (by name); fp: Congo linked to the DRC;
    # fn: Congo in the summit text, Angola in the envoys text.
    assert report.scores == Scores(tp=3, fp=1, fn=2)
    assert report.scores.precision == pytest.approx(0.75)
    assert report.scores.recall == pytest.approx(0.6)
    assert report.scores.f1 == pytest.approx(6 / 9)
    assert report.per_type == {}


def test_mentions_outside_the_gold_inventory_are_unscored(summit_report) -> None:
    report, _ = summit_report

    # Luanda, "Angolan" (a demonym is not the alias "Angola") and Kinshasa.
    assert report.unscored == 3


def test_misses_and_wrong_links_are_listed(summit_report) -> None:
    report, _ = summit_report
    congo = at(SUMMIT_TEXT, "Congo", 2)

    assert report.misses == [
        MentionError("summit", "Congo", congo, "COG", "nothing"),
        MentionError("envoys", "Angola", at(ENVOYS_TEXT, "Angola "), "AGO", "nothing"),
    ]
    assert report.wrong == [MentionError("summit", "Congo", congo, "COG", "dr-congo (Country)")]
    assert str(report.wrong[0]) == f"summit  {congo:>5}  'Congo': expected COG, found dr-congo (Country)"


def test_longest_alias_is_the_gold_mention() -> None:
    text = "The Republic of the Congo and the Democratic Republic of the Congo disagree; Congo left."
    gold = GoldSet((Document("d", text),), (), GOLD_ENTITIES)

    report = evaluate_entities(gold, fixed())

    start_cog = at(text, "Republic of the Congo")
    start_cod = at(text, "Democratic Republic of the Congo")
    assert report.misses == [
        MentionError("d", "Republic of the Congo", start_cog, "COG", "nothing"),
        MentionError("d", "Democratic Republic of the Congo", start_cod, "COD", "nothing"),
        MentionError("d", "Congo", at(text, "Congo left"), "COG", "nothing"),
    ]
    assert report.scores == Scores(tp=0, fp=0, fn=3)


def test_alias_inside_a_longer_word_is_not_a_gold_mention() -> None:
    text = "Angolan and Congolese diplomats met."
    gold = GoldSet((Document("d", text),), (), GOLD_ENTITIES)

    report = evaluate_entities(gold, fixed(("d", mention(ANGOLA, text, "Angolan", via="demonym"), ANGOLA)))

    assert report.scores == Scores(tp=0, fp=0, fn=0)
    assert report.misses == []
    assert report.unscored == 1


@pytest.mark.parametrize(
    "entity, correct",
    [
        (Entity("x", "Mbanza", "Country", qid="Q916"), True),  # QID only
        (Entity("x", "ANGOLA", "Country"), True),  # name, ignoring case
        (Entity("x", "the Angola", "Country"), True),  # name, ignoring a leading "the"
        (Entity("x", "Republic of Angola", "Country", aliases=("Angola",)), True),  # an alias of the entity
        (Entity("x", "Mbanza", "Country", qid="Q971"), False),  # another gold entity's QID
        (Entity("x", "Mbanza", "Country"), False),  # neither
    ],
    ids=["qid", "name-case", "name-the", "alias", "other-qid", "unknown"],
)
def test_link_resolves_by_qid_or_name(entity: Entity, correct: bool) -> None:
    text = "Angola voted."
    gold = GoldSet((Document("d", text),), (), GOLD_ENTITIES)

    report = evaluate_entities(gold, fixed(("d", Mention("x", "Angola", 0, 6), entity)))

    assert report.scores == (Scores(1, 0, 0) if correct else Scores(0, 1, 1))
    assert len(report.wrong) == (0 if correct else 1)


def test_link_is_judged_by_the_entity_not_the_mention_text() -> None:
    # The text reads "Angola", but the mention is linked to the Congo: wrong.
    text = "Angola voted."
    gold = GoldSet((Document("d", text),), (), GOLD_ENTITIES)
    congo = Entity("republic-of-the-congo", "Republic of the Congo", "Country")

    report = evaluate_entities(gold, fixed(("d", Mention(congo.key, "Angola", 0, 6), congo)))

    assert report.scores == Scores(tp=0, fp=1, fn=1)
    assert report.wrong == [MentionError("d", "Angola", 0, "AGO", "republic-of-the-congo (Country)")]


def test_person_resolves_through_the_end_of_the_name() -> None:
    text = "Dolmani spoke, then Varek Dolmani left."
    gold = GoldSet((Document("d", text),), (), {"Dolmani": GoldEntity("Dolmani", ("Dolmani",))})
    dolmani = Entity("varek-dolmani", "Varek Dolmani", "Person")

    report = evaluate_entities(
        gold,
        fixed(
            ("d", Mention(dolmani.key, "Dolmani", 0, 7, "coreference"), dolmani),
            ("d", mention(dolmani, text, "Varek Dolmani"), dolmani),
        ),
    )

    assert report.scores == Scores(tp=2, fp=0, fn=0)


def test_gold_mention_found_twice_counts_once() -> None:
    text = "Angola and the DR Congo met."
    gold = GoldSet((Document("d", text),), (), GOLD_ENTITIES)

    report = evaluate_entities(
        gold,
        fixed(
            ("d", Mention(ANGOLA.key, "Angola", 0, 6), ANGOLA),
            ("d", Mention(ANGOLA.key, "Ango", 0, 4), ANGOLA),
            ("d", Mention(ANGOLA.key, "gola", 2, 6), ANGOLA),
        ),
    )

    assert report.scores == Scores(tp=1, fp=0, fn=1)
    assert report.scores.recall == pytest.approx(0.5)
    assert report.misses == [MentionError("d", "DR Congo", at(text, "DR Congo"), "COD", "nothing")]


def test_report_text_and_json(summit_report) -> None:
    report, _ = summit_report

    lines = report.to_text().splitlines()

    assert lines[0] == "entities                        tp    fp    fn   prec    rec     f1"
    assert lines[1] == "-" * len(lines[0])
    assert lines[2] == "all mentions                     3     1     2  0.750  0.600  0.667"
    assert lines[3] == "not scored: 3 predicted mentions of entities outside the gold inventory"
    assert lines[4] == "misses (2):"
    assert lines[7] == "wrong links (1):"
    assert len(lines) == 9
    data = report.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["scores"] == {"tp": 3, "fp": 1, "fn": 2, "precision": 0.75, "recall": 0.6, "f1": pytest.approx(6 / 9)}
    assert data["per_type"] == {}
    assert data["unscored"] == 3
    assert data["wrong"] == [
        {
            "document_id": "summit",
            "text": "Congo",
            "start": at(SUMMIT_TEXT, "Congo", 2),
            "expected": "COG",
            "found": "dr-congo (Country)",
        }
    ]
    assert [miss["text"] for miss in data["misses"]] == ["Congo", "Angola"]


# ---------------------------------------------------------------------- Re-DocRED

CABINET_SENTENCES = [
    "Mara Olsen chairs the Nordic Fisheries Board in Tromso.",
    "Norway funds the board, and Olsen met Iceland in May.",
]


def redoc_mention(sentence: int, text: str) -> dict:
    start = CABINET_SENTENCES[sentence].index(text)
    return {"text": text, "sent_id": sentence, "char_start": start, "char_end": start + len(text)}


def write_redocred(path: Path) -> Path:
    record = {
        "title": "Nordic cabinet",
        "sentences": CABINET_SENTENCES,
        "entities": [
            {
                "id": 0,
                "canonical": "Mara Olsen",
                "type": "PER",
                "aliases": ["Mara Olsen", "Olsen"],
                "mentions": [redoc_mention(0, "Mara Olsen"), redoc_mention(1, "Olsen")],
            },
            {
                "id": 1,
                "canonical": "Nordic Fisheries Board",
                "type": "ORG",
                "aliases": ["Nordic Fisheries Board"],
                "mentions": [redoc_mention(0, "Nordic Fisheries Board")],
            },
            {
                "id": 2,
                "canonical": "Tromso",
                "type": "LOC",
                "aliases": ["Tromso"],
                "mentions": [redoc_mention(0, "Tromso")],
            },
            {
                "id": 3,
                "canonical": "Norway",
                "type": "LOC",
                "aliases": ["Norway"],
                "mentions": [redoc_mention(1, "Norway")],
            },
            {
                "id": 4,
                "canonical": "Iceland",
                "type": "ORG",
                "aliases": ["Iceland"],
                "mentions": [redoc_mention(1, "Iceland")],
            },
            {"id": 5, "canonical": "May", "type": "TIME", "aliases": ["May"], "mentions": [redoc_mention(1, "May")]},
        ],
        "relations": [{"head_id": 0, "tail_id": 1, "relation": "P488", "evidence": [0]}],
    }
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


def test_redocred_entities_score_type_agreement(tmp_path: Path) -> None:
    docs = load_redocred(write_redocred(tmp_path / "cabinet.jsonl"))
    text = docs[0].document().text
    second = len(CABINET_SENTENCES[0]) + 1
    olsen = Entity("mara-olsen", "Mara Olsen", "Person")
    board_as_place = Entity("nordic-fisheries-board", "Nordic Fisheries Board", "Place")
    tromso = Entity("tromso", "Tromso", "Place")
    norway = Entity("norway", "Norway", "Country")
    iceland = Entity("iceland", "Iceland", "Country")
    may = Entity("may", "May", "Person")

    def found(entity: Entity, name: str, occurrence: int = 1):
        return (docs[0].id, mention(entity, text, name, occurrence), entity)

    find = fixed(
        found(olsen, "Mara Olsen"),  # PER <- Person
        found(olsen, "Mara"),  # the same gold mention again: counts once
        found(board_as_place, "Nordic Fisheries Board"),  # ORG <- Place: wrong type
        found(tromso, "Tromso"),  # LOC <- Place
        found(norway, "Norway"),  # LOC <- Country
        found(iceland, "Iceland"),  # ORG <- Country agrees too
        found(may, "May"),  # TIME is not scored
    )

    report = evaluate_redocred_entities(docs, find)

    assert find.seen == [[docs[0].document()]]
    assert report.per_type == {
        "LOC": Scores(tp=2, fp=0, fn=0),
        "ORG": Scores(tp=1, fp=1, fn=1),
        "PER": Scores(tp=1, fp=0, fn=1),
    }
    assert report.scores == Scores(tp=4, fp=1, fn=2)
    assert report.unscored == 1
    assert report.wrong == [MentionError(docs[0].id, "Nordic Fisheries Board", at(text, "Nordic"), "ORG", "Place")]
    assert report.misses == [
        MentionError(docs[0].id, "Nordic Fisheries Board", at(text, "Nordic"), "ORG", "nothing"),
        MentionError(docs[0].id, "Olsen", second + CABINET_SENTENCES[1].index("Olsen"), "PER", "nothing"),
    ]
    lines = report.to_text().splitlines()
    assert lines[0] == "entities                        tp    fp    fn   prec    rec     f1"
    assert lines[2:6] == [
        "LOC                              2     0     0  1.000  1.000  1.000",
        "ORG                              1     1     1  0.500  0.500  0.500",
        "PER                              1     0     1  1.000  0.500  0.667",
        "all mentions                     4     1     2  0.800  0.667  0.727",
    ]
    data = report.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["per_type"]["ORG"] == {"tp": 1, "fp": 1, "fn": 1, "precision": 0.5, "recall": 0.5, "f1": 0.5}


# ---------------------------------------------------------------------- command line


@pytest.fixture
def shared_pipeline(monkeypatch: pytest.MonkeyPatch, nlp) -> None:
    """Let the command reuse the session's pipeline instead of loading its own."""
    real_load_pipeline = kg.load_pipeline

    def load_pipeline(model: str | None = None, **options):
        return nlp if model is None and not options else real_load_pipeline(model, **options)

    monkeypatch.setattr(kg, "load_pipeline", load_pipeline)


def test_cli_eval_entities_prints_the_table(capsys, tmp_path: Path, shared_pipeline) -> None:
    text = "Uzbekistan signed an agreement with Kazakhstan in 2019."
    (tmp_path / "docs.jsonl").write_text(
        json.dumps({"id": "accord", "date": "2019-06-01", "text": text}) + "\n", encoding="utf-8"
    )
    (tmp_path / "gold.jsonl").write_text(
        json.dumps({"doc": "accord", "s": ["UZB"], "p": ["signedAgreementWith"], "o": ["KAZ"], "time": "2019"}) + "\n",
        encoding="utf-8",
    )
    (tmp_path / "entities.json").write_text(
        json.dumps(
            {
                "UZB": {"aliases": ["Uzbekistan"], "qid": "Q265"},
                "KAZ": {"aliases": ["Kazakhstan"], "qid": "Q232"},
            }
        ),
        encoding="utf-8",
    )

    code = main(["eval", "--entities", str(tmp_path)])

    out, err = capsys.readouterr()
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "entities                        tp    fp    fn   prec    rec     f1"
    assert "all mentions                     2     0     0  1.000  1.000  1.000" in lines
    assert "misses (0):" in lines
    assert "wrong links (0):" in lines
