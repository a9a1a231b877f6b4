from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

import pytest

from kg.cli import main
from kg.errors import InputError
from kg.evaluation import (
    AssertedTrap,
    EvaluationReport,
    GoldItem,
    RedocCounts,
    Scores,
    SpuriousStatement,
    TimeError,
    Trap,
    evaluate,
    evaluate_redocred,
    load_gold_set,
    load_redocred,
)
from kg.records import Document, Entity, Relation, TimeSpan

ANDORRA = Entity("andorra", "Andorra", "Country", qid="Q228")
MALTA = Entity("malta", "Malta", "Country", qid="Q233")
CHILE = Entity("chile", "Chile", "Country")
PERU = Entity("peru", "Peru", "Country")
VARGA = Entity("lena-varga", "Lena Varga", "Person")
FORUM = Entity("fisheries-forum", "Fisheries Forum", "InternationalOrganization")

ACCORD_TEXT = (
    "Andorra signed a fisheries accord with Malta on Monday. "
    "Prime Minister Lena Varga of Andorra praised the deal before flying to Valletta."
)
FORUM_TEXT = "Chile joined the Pacific Fisheries Forum this month. Peru criticised Chile for the move."


def write_lines(path: Path, records: Iterable[dict]) -> None:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    write_lines(
        tmp_path / "docs.jsonl",
        [
            {"id": "accord", "date": "2021-05-10", "text": ACCORD_TEXT},
            {"id": "forum", "date": "2022-11-02", "text": FORUM_TEXT},
        ],
    )
    write_lines(
        tmp_path / "gold.jsonl",
        [
            {
                "doc": "accord",
                "s": ["AND"],
                "p": ["signedAgreementWith", "agreedWith"],
                "o": ["MLT"],
                "time": "2021-05",
            },
            {"doc": "accord", "s": ["Varga"], "p": ["leaderOf"], "o": ["AND"], "time": None},
            {"doc": "accord", "s": ["MLT"], "p": ["visited"], "o": ["AND"], "time": None, "optional": True},
            {"doc": "forum", "s": ["CHL"], "p": ["joined"], "o": ["PFF"], "time": "2022-11"},
            {"doc": "forum", "s": ["CHL"], "p": ["memberOf"], "o": ["PFF"], "time": None, "optional": False},
            {"doc": "forum", "s": ["PER"], "p": ["criticized"], "o": ["CHL"], "time": "2022-11-02"},
        ],
    )
    (tmp_path / "entities.json").write_text(
        json.dumps(
            {
                "AND": {"aliases": ["Andorra", "Principality of Andorra"], "qid": "Q228"},
                "MLT": {"aliases": ["Malta"], "qid": "Q233"},
                "Varga": {"aliases": ["Varga"], "qid": None},
                "CHL": {"aliases": ["Chile"], "qid": "Q298"},
                "PER": {"aliases": ["Peru"], "qid": "Q419"},
                "PFF": {"aliases": ["Pacific Fisheries Forum", "PFF"], "qid": None},
            }
        ),
        encoding="utf-8",
    )
    return tmp_path


def statement(
    subject: Entity,
    predicate: str,
    object_: Entity,
    document_id: str,
    *,
    evidence: str = "",
    subject_text: str | None = None,
    object_text: str | None = None,
    time: TimeSpan | None = None,
    modality: str = "Asserted",
    char_start: int = 0,
) -> Relation:
    return Relation(
        subject=subject,
        predicate=predicate,
        object=object_,
        document_id=document_id,
        evidence=evidence,
        char_start=char_start,
        char_end=char_start + len(evidence),
        subject_text=subject_text or subject.label,
        object_text=object_text or object_.label,
        time=time,
        modality=modality,
    )


def fixed(*relations: Relation):
    def extract(documents: list[Document]) -> list[Relation]:
        return list(relations)

    return extract


def test_load_gold_set_reads_documents_items_and_entities(gold_dir: Path) -> None:
    gold = load_gold_set(gold_dir)

    assert [document.id for document in gold.documents] == ["accord", "forum"]
    assert gold.documents[0].text == ACCORD_TEXT
    assert gold.items[0] == GoldItem(
        "accord", ("AND",), ("signedAgreementWith", "agreedWith"), ("MLT",), "2021-05", False
    )
    assert gold.items[2].optional is True
    assert gold.entities["PFF"].aliases == ("Pacific Fisheries Forum", "PFF")
    assert gold.entities["Varga"].qid is None


def test_evaluate_counts_matches_misses_and_spurious_statements(gold_dir: Path) -> None:
    gold = load_gold_set(gold_dir)
    accord = statement(
        MALTA,
        "signedAgreementWith",
        ANDORRA,
        "accord",
        evidence="Andorra signed a fisheries accord with Malta on Monday.",
        time=TimeSpan("on Monday", point="2021-05-10"),
    )
    extract = fixed(
        accord,
        accord,  # a duplicate counts once
        statement(VARGA, "leaderOf", ANDORRA, "accord", subject_text="Varga"),
        statement(MALTA, "visited", ANDORRA, "accord"),  # optional item only
        statement(
            CHILE,
            "joined",
            FORUM,
            "forum",
            object_text="the Pacific Fisheries Forum",
            time=TimeSpan("this year", point="2022"),
        ),
        statement(CHILE, "memberOf", FORUM, "forum", object_text="the Pacific Fisheries Forum", modality="Future"),
        statement(PERU, "sanctioned", CHILE, "forum", evidence="Peru criticised Chile."),
        statement(PERU, "sanctioned", CHILE, "forum", evidence="Peru criticised Chile again."),
        statement(CHILE, "criticized", PERU, "forum", evidence="Peru criticised Chile."),
    )

    report = evaluate(gold, extract, symmetric=frozenset({"signedAgreementWith", "agreedWith"}))

    assert report.micro == Scores(tp=3, fp=2, fn=2)
    assert report.micro.precision == pytest.approx(0.6)
    assert report.micro.recall == pytest.approx(0.6)
    assert report.micro.f1 == pytest.approx(0.6)
    assert report.per_relation == {
        "criticized": Scores(tp=0, fp=1, fn=1),
        "joined": Scores(tp=1, fp=0, fn=0),
        "leaderOf": Scores(tp=1, fp=0, fn=0),
        "memberOf": Scores(tp=0, fp=0, fn=1),
        "sanctioned": Scores(tp=0, fp=1, fn=0),
        "signedAgreementWith": Scores(tp=1, fp=0, fn=0),
    }
    # 2021-05-10 agrees with 2021-05; 2022 is less precise than 2022-11.
    assert report.time_accuracy == pytest.approx(0.5)
    assert (report.time_correct, report.time_total) == (1, 2)
    assert [item.relation for item in report.misses] == ["memberOf", "criticized"]
    assert report.spurious == (
        SpuriousStatement("forum", "Peru", "sanctioned", "Chile", "Peru criticised Chile."),
        SpuriousStatement("forum", "Chile", "criticized", "Peru", "Peru criticised Chile."),
    )


def test_report_serialises_to_json_and_a_fixed_width_table(gold_dir: Path) -> None:
    gold = load_gold_set(gold_dir)
    report = evaluate(
        gold,
        fixed(
            statement(VARGA, "leaderOf", ANDORRA, "accord"),
            statement(PERU, "sanctioned", CHILE, "forum", evidence="Peru criticised\nChile."),
        ),
    )

    data = json.loads(json.dumps(report.to_dict()))
    assert data["micro"] == {"precision": 0.5, "recall": 0.2, "f1": pytest.approx(2 / 7), "tp": 1, "fp": 1, "fn": 4}
    assert data["time_accuracy"] is None
    assert data["misses"][0] == {
        "doc": "accord",
        "s": ["AND"],
        "p": ["signedAgreementWith", "agreedWith"],
        "o": ["MLT"],
        "time": "2021-05",
        "optional": False,
    }
    lines = report.to_text().splitlines()
    assert lines[0] == "P 0.500  R 0.200  F1 0.286  time accuracy n/a  traps asserted 0 of 0"
    assert lines[2] == "relation              tp   fp   fn   prec    rec     f1"
    assert "leaderOf               1    0    0  1.000  1.000  1.000" in lines
    assert "micro                  1    1    4  0.500  0.200  0.286" in lines
    assert "time accuracy: n/a (no matched gold item has a time)" in lines
    assert "  accord  AND signedAgreementWith|agreedWith MLT  time 2021-05" in lines
    assert "  forum   CHL memberOf PFF" in lines
    assert '  forum   Peru sanctioned Chile  "Peru criticised Chile."' in lines


def test_reversed_statement_matches_only_symmetric_relations(gold_dir: Path) -> None:
    gold = load_gold_set(gold_dir)
    reversed_accord = statement(MALTA, "signedAgreementWith", ANDORRA, "accord")

    plain = evaluate(gold, fixed(reversed_accord))
    symmetric = evaluate(gold, fixed(reversed_accord), symmetric=frozenset({"signedAgreementWith"}))

    assert plain.per_relation["signedAgreementWith"] == Scores(tp=0, fp=1, fn=1)
    assert symmetric.per_relation["signedAgreementWith"] == Scores(tp=1, fp=0, fn=0)


def test_super_property_matches_gold_relation(tmp_path: Path) -> None:
    write_lines(tmp_path / "docs.jsonl", [{"id": "d", "text": "Andorra and Malta signed a pact."}])
    write_lines(tmp_path / "gold.jsonl", [{"doc": "d", "s": ["AND"], "p": ["agreedWith"], "o": ["MLT"], "time": None}])
    (tmp_path / "entities.json").write_text(
        json.dumps({"AND": {"aliases": ["Andorra"], "qid": None}, "MLT": {"aliases": ["Malta"], "qid": None}})
    )
    gold = load_gold_set(tmp_path)
    extract = fixed(statement(ANDORRA, "signedAgreementWith", MALTA, "d"))

    def super_properties(relation: str) -> frozenset[str]:
        if relation == "signedAgreementWith":
            return frozenset({"signedAgreementWith", "agreedWith"})
        return frozenset({relation})

    assert evaluate(gold, extract).micro == Scores(tp=0, fp=1, fn=1)
    with_super = evaluate(gold, extract, super_properties=super_properties)
    assert with_super.micro == Scores(tp=1, fp=0, fn=0)


def test_non_asserted_statements_are_not_scored(gold_dir: Path) -> None:
    gold = load_gold_set(gold_dir)
    extract = fixed(
        statement(VARGA, "leaderOf", ANDORRA, "accord", modality="Hypothetical"),
        statement(PERU, "attacked", CHILE, "forum", modality="Negated"),
    )

    report = evaluate(gold, extract)

    assert report.micro == Scores(tp=0, fp=0, fn=5)
    assert report.spurious == ()


def test_entities_resolve_by_qid_alias_text_and_folded_names(gold_dir: Path) -> None:
    gold = load_gold_set(gold_dir)
    principality = Entity("principality", "The Principality", "Country", qid="Q228")
    malta_aliased = Entity("mt", "Republic of Malta", "Country", aliases=("MALTA",))
    chile_accented = Entity("cl", "Chilé", "Country")
    extract = fixed(
        statement(principality, "agreedWith", malta_aliased, "accord"),
        statement(chile_accented, "joined", FORUM, "forum", object_text="PFF"),
        # a surname alias matches the end of a person's label, not of other names
        statement(Entity("x", "Lena Varga", "Organization"), "leaderOf", ANDORRA, "accord"),
    )

    report = evaluate(gold, extract)

    assert report.per_relation["signedAgreementWith"].tp == 1
    assert report.per_relation["joined"].tp == 1
    assert report.per_relation["leaderOf"] == Scores(tp=0, fp=1, fn=1)


@pytest.mark.parametrize(
    ("broken", "content", "fragment"),
    [
        (
            "gold.jsonl",
            '{"doc": "accord", "s": ["XYZ"], "p": ["visited"], "o": ["MLT"]}\n',
            "gold.jsonl:1: unknown entity key 'XYZ' in \"s\"; add it to entities.json",
        ),
        (
            "gold.jsonl",
            '\n{"doc": "nope", "s": ["AND"], "p": ["visited"], "o": ["MLT"]}\n',
            "gold.jsonl:2: unknown document 'nope'",
        ),
        (
            "gold.jsonl",
            '{"doc": "accord", "s": ["AND"], "p": [], "o": ["MLT"]}\n',
            'gold.jsonl:1: "p" must be a non-empty list of strings',
        ),
        (
            "gold.jsonl",
            '{"doc": "accord", "s": ["AND"], "p": ["visited"], "o": ["MLT"], "time": "May"}\n',
            "gold.jsonl:1: \"time\" is 'May'",
        ),
        ("gold.jsonl", '{"doc": "accord", ', "gold.jsonl:1: invalid JSON"),
        ("entities.json", '{"AND": {"qid": null}}', "entities.json: entity 'AND' needs \"aliases\""),
        ("entities.json", "[1, 2", "entities.json: invalid JSON"),
        ("docs.jsonl", '{"id": "accord"}\n', 'docs.jsonl:1: missing or empty "text"'),
    ],
)
def test_malformed_gold_set_raises_input_error(gold_dir: Path, broken: str, content: str, fragment: str) -> None:
    (gold_dir / broken).write_text(content, encoding="utf-8")

    with pytest.raises(InputError) as caught:
        load_gold_set(gold_dir)

    assert str(gold_dir / fragment.split(":")[0]) in str(caught.value)
    assert fragment in str(caught.value)


def test_missing_gold_files_raise_input_error(gold_dir: Path, tmp_path: Path) -> None:
    (gold_dir / "entities.json").unlink()

    with pytest.raises(InputError, match="entities.json: missing; a gold set directory holds"):
        load_gold_set(gold_dir)
    with pytest.raises(InputError, match="gold set directory not found"):
        load_gold_set(tmp_path / "absent")


# --------------------------------------------------------------------------- Re-DocRED

VARNIA_SENTENCES = [
    "Lorsk is the capital of Varnia.",
    "Varnia is a member of the Northern League.",
]


def mention(sentence: int, text: str) -> dict:
    start = VARNIA_SENTENCES[sentence].index(text)
    return {"text": text, "sent_id": sentence, "char_start": start, "char_end": start + len(text)}


def varnia_record(title: str = "Varnia") -> dict:
    return {
        "title": title,
        "sentences": VARNIA_SENTENCES,
        "entities": [
            {"id": 0, "canonical": "Lorsk", "type": "LOC", "aliases": ["Lorsk"], "mentions": [mention(0, "Lorsk")]},
            {
                "id": 1,
                "canonical": "Varnia",
                "type": "LOC",
                "aliases": ["Varnia", "Republic of Varnia"],
                "mentions": [mention(0, "Varnia"), mention(1, "Varnia")],
            },
            {
                "id": 2,
                "canonical": "Northern League",
                "type": "ORG",
                "aliases": ["Northern League"],
                "mentions": [mention(1, "Northern League")],
            },
        ],
        "relations": [
            {"head_id": 1, "tail_id": 0, "relation": "P36", "evidence": [0]},
            {"head_id": 0, "tail_id": 1, "relation": "P1376", "evidence": [0]},
            {"head_id": 1, "tail_id": 2, "relation": "P463", "evidence": [1]},
            # no annotated evidence: the fallback (sentences naming both) counts
            {"head_id": 0, "tail_id": 1, "relation": "P17", "evidence": [], "evidence_fallback": [0]},
            # no sentence at all: not findable at sentence level
            {"head_id": 2, "tail_id": 0, "relation": "P131", "evidence": [], "evidence_fallback": []},
            {"head_id": 1, "tail_id": 0, "relation": "P571", "evidence": [0]},
        ],
    }


ALIGNMENT = {
    "P36": [("capitalOf", True)],
    "P1376": [("capitalOf", False)],
    "P463": [("memberOf", False)],
    "P17": [("locatedIn", False)],
    "P131": [("locatedIn", False)],
}


def test_load_redocred_reads_documents(tmp_path: Path) -> None:
    path = tmp_path / "geo.jsonl"
    write_lines(path, [varnia_record("Varnia (country)"), varnia_record("Varnia (country)")])

    docs = load_redocred(path)

    assert [doc.id for doc in docs] == ["varnia-country", "varnia-country-2"]
    assert docs[0].document() == Document("varnia-country", " ".join(VARNIA_SENTENCES), title="Varnia (country)")
    assert docs[0].sentence_starts == (0, 32)
    assert docs[0].entities[1].mentions[1].sentence == 1
    assert docs[0].relations[3].sentences == (0,)


def test_load_redocred_names_the_malformed_line(tmp_path: Path) -> None:
    path = tmp_path / "geo.jsonl"
    record = varnia_record()
    del record["entities"][0]["mentions"]
    write_lines(path, [varnia_record(), record])

    with pytest.raises(InputError, match=r"geo\.jsonl:2: not a Re-DocRED document"):
        load_redocred(path)


def test_evaluate_redocred_maps_statements_to_wikidata_facts(tmp_path: Path) -> None:
    path = tmp_path / "geo.jsonl"
    write_lines(path, [varnia_record()])
    docs = load_redocred(path)
    lorsk = Entity("lorsk", "Lorsk", "Place")
    varnia = Entity("varnia", "Varnia", "Country")
    league = Entity("league", "Northern League Alliance", "InternationalOrganization")
    pact = Entity("pact", "Atlantis Pact", "InternationalOrganization")
    first, second = VARNIA_SENTENCES[0], VARNIA_SENTENCES[1]
    seen: list[list[Document]] = []

    def extract(documents: list[Document]) -> list[Relation]:
        seen.append(documents)
        in_second = dict(evidence=second, char_start=32)
        member = statement(varnia, "memberOf", league, "varnia", object_text="the Northern League", **in_second)
        return [
            statement(lorsk, "capitalOf", varnia, "varnia", evidence=first),
            member,
            member,  # a duplicate is one prediction
            statement(varnia, "capitalOf", lorsk, "varnia", evidence=first),  # types fit no property
            statement(lorsk, "locatedIn", varnia, "varnia", evidence=first),
            statement(varnia, "memberOf", pact, "varnia", **in_second),
            statement(varnia, "criticized", league, "varnia", **in_second),
            statement(lorsk, "capitalOf", varnia, "varnia", evidence=first, modality="Negated"),
        ]

    report = evaluate_redocred(docs, extract, ALIGNMENT)

    assert seen[0][0].text == ("Lorsk is the capital of Varnia. Varnia is a member of the Northern League.")
    assert report.per_property["P36"] == RedocCounts(predicted=1, correct=1, gold=1, found=1)
    assert report.per_property["P1376"] == RedocCounts(predicted=0, correct=0, gold=1, found=1)
    assert report.per_property["P463"] == RedocCounts(predicted=1, correct=1, gold=1, found=1)
    assert report.per_property["P17"] == RedocCounts(predicted=1, correct=1, gold=1, found=1)
    assert report.per_property["P131"] == RedocCounts(predicted=0, correct=0, gold=0, found=0)
    assert report.overall == RedocCounts(predicted=3, correct=3, gold=4, found=4)
    assert report.overall.precision == pytest.approx(1.0)
    assert (report.unresolved, report.unaligned, report.gold_without_sentence) == (1, 2, 1)
    assert [(p.head, p.property, p.tail, p.sentence, p.correct) for p in report.predictions] == [
        (1, "P36", 0, 0, True),
        (1, "P463", 2, 1, True),
        (0, "P17", 1, 0, True),
    ]
    lines = report.to_text().splitlines()
    assert lines[0] == "property predicted correct   prec  gold found    rec"
    assert "P36              1       1  1.000     1     1  1.000" in lines
    assert "overall          3       3  1.000     4     4  1.000" in lines
    assert json.loads(json.dumps(report.to_dict()))["overall"]["correct"] == 3


def test_evaluate_redocred_prefers_entity_mentioned_in_the_sentence(tmp_path: Path) -> None:
    sentences = ["Tbilisi is the capital of Georgia.", "Atlanta lies in Georgia."]
    record = {
        "title": "Two Georgias",
        "sentences": sentences,
        "entities": [
            {
                "id": 0,
                "canonical": "Georgia",
                "type": "LOC",
                "aliases": ["Georgia"],
                "mentions": [{"text": "Georgia", "sent_id": 0, "char_start": 26, "char_end": 33}],
            },
            {
                "id": 1,
                "canonical": "Atlanta",
                "type": "LOC",
                "aliases": ["Atlanta"],
                "mentions": [{"text": "Atlanta", "sent_id": 1, "char_start": 0, "char_end": 7}],
            },
            {
                "id": 2,
                "canonical": "Georgia",
                "type": "LOC",
                "aliases": ["Georgia"],
                "mentions": [{"text": "Georgia", "sent_id": 1, "char_start": 16, "char_end": 23}],
            },
        ],
        "relations": [{"head_id": 1, "tail_id": 2, "relation": "P131", "evidence": [1]}],
    }
    path = tmp_path / "geo.jsonl"
    write_lines(path, [record])
    docs = load_redocred(path)
    atlanta = Entity("atlanta", "Atlanta", "Place")
    georgia = Entity("georgia", "Georgia", "Place")
    extract = fixed(statement(atlanta, "locatedIn", georgia, "two-georgias", evidence=sentences[1], char_start=35))

    report = evaluate_redocred(docs, extract, {"P131": [("locatedIn", False)]})

    assert report.per_property["P131"] == RedocCounts(predicted=1, correct=1, gold=1, found=1)


def test_redocred_alignment_follows_entity_types() -> None:
    from kg.evaluation.relations import _fits_property

    person = Entity("ada-varn", "Ada Varn", "Person")
    country = Entity("varnia", "Varnia", "Country")
    party = Entity("blue-party", "Blue Party", "Organization")
    town = Entity("lorsk", "Lorsk", "Place")
    leads_country = statement(person, "leaderOf", country, "varnia")
    leads_party = statement(person, "leaderOf", party, "varnia")
    assert _fits_property("P35", True, leads_country)
    assert not _fits_property("P35", True, leads_party)
    assert _fits_property("P488", True, leads_party)
    assert _fits_property("P17", False, statement(town, "locatedIn", country, "varnia"))
    assert not _fits_property("P131", False, statement(town, "locatedIn", country, "varnia"))


# --------------------------------------------------------------------------- traps, time, agents

KENYA = Entity("kenya", "Kenya", "Country", iso3="KEN", demonyms=("Kenyan",))
MALI = Entity("mali", "Mali", "Country", iso3="MLI", demonyms=("Malian",))
FRANCE = Entity("france", "France", "Country", iso3="FRA", demonyms=("French",))
RUTO = Entity("william-ruto", "William Ruto", "Person")


def agent(country: Entity, sector: str) -> Entity:
    return Entity(
        f"{country.key}-{sector.lower()}",
        f"{country.label} ({sector.lower()})",
        "Agent",
        country=country.key,
        sector=sector,
    )


KENYA_TEXT = (
    "Kenyan police fired on protesters in Nairobi on Tuesday. President William Ruto said "
    "the army will be deployed. Opposition leaders urged Ruto this month to drop the bill."
)
MALI_TEXT = (
    "Mali's junta expelled the French ambassador. Bamako had criticised Paris in December. "
    "France said its troops would leave Mali, and Paris may meet Bamako's envoys."
)


@pytest.fixture
def news_dir(tmp_path: Path) -> Path:
    write_lines(
        tmp_path / "docs.jsonl",
        [
            {"id": "kenya", "date": "2024-06-25", "text": KENYA_TEXT},
            {"id": "mali", "date": "2022-01-31", "text": MALI_TEXT},
        ],
    )
    write_lines(
        tmp_path / "gold.jsonl",
        [
            {
                "doc": "kenya",
                "s": ["KEN", "KEN_POLICE"],
                "p": ["attacked", "coerced"],
                "o": ["KEN_PROTESTERS"],
                "time": "2024-06-25",
            },
            {"doc": "kenya", "s": ["Ruto"], "p": ["leaderOf"], "o": ["KEN"], "time": None},
            {"doc": "kenya", "s": ["KEN_OPPOSITION"], "p": ["requested"], "o": ["Ruto"], "time": "2024-06"},
            {"doc": "mali", "s": ["MLI", "MLI_JUNTA"], "p": ["expelled"], "o": ["FRA"], "time": "2022-01"},
            {"doc": "mali", "s": ["MLI"], "p": ["criticized"], "o": ["FRA"], "time": "2021-12"},
            {"doc": "mali", "s": ["FRA", "FRA_MIL"], "p": ["hasMilitaryPresenceIn"], "o": ["MLI"], "time": "2022"},
        ],
    )
    write_lines(
        tmp_path / "not_asserted.jsonl",
        [
            {"doc": "kenya", "s": ["KEN_MIL"], "p": ["attacked"], "o": ["KEN_PROTESTERS"], "why": "future"},
            {"doc": "mali", "s": ["FRA", "FRA_MIL"], "p": ["withdrewFrom"], "o": ["MLI"], "why": "future"},
            {"doc": "mali", "s": ["FRA"], "p": ["metWith"], "o": ["MLI"], "why": "speculation"},
            {"doc": "mali", "s": ["MLI"], "p": ["agreedWith"], "o": ["FRA"], "why": "negated"},
        ],
    )
    (tmp_path / "entities.json").write_text(
        json.dumps(
            {
                key: {"aliases": aliases, "qid": None}
                for key, aliases in {
                    "KEN": ["Kenya"],
                    "KEN_POLICE": ["Kenyan police"],
                    "KEN_MIL": ["Kenyan army"],
                    "KEN_PROTESTERS": ["Kenyan protesters"],
                    "KEN_OPPOSITION": ["Kenyan opposition"],
                    "Ruto": ["Ruto"],
                    "MLI": ["Mali", "Bamako"],
                    "MLI_JUNTA": ["Malian junta"],
                    "FRA": ["France", "Paris"],
                    "FRA_MIL": ["French troops"],
                }.items()
            }
        ),
        encoding="utf-8",
    )
    return tmp_path


def news_statements() -> list[Relation]:
    """What an extractor might find in the two documents, agents with their countries."""
    police, protesters = agent(KENYA, "Police"), agent(KENYA, "Protesters")
    junta, troops = agent(MALI, "Military"), agent(FRANCE, "Military")
    kenya = [
        # undated event: compared at 2024-06-25, its document's date
        statement(
            police,
            "attacked",
            protesters,
            "kenya",
            subject_text="Kenyan police",
            object_text="protesters",
            evidence="Kenyan police fired on protesters",
        ),
        statement(RUTO, "leaderOf", KENYA, "kenya"),
        statement(
            agent(KENYA, "Opposition"),
            "requested",
            RUTO,
            "kenya",
            subject_text="Opposition leaders",
            evidence="Opposition leaders urged Ruto",
            time=TimeSpan("this month", point="2024-06"),
        ),
        # "the army will be deployed": the trap, kept with its modality (right)
        statement(
            agent(KENYA, "Military"), "attacked", protesters, "kenya", subject_text="the army", modality="Future"
        ),
    ]
    mali = [
        statement(
            junta,
            "expelled",
            FRANCE,
            "mali",
            subject_text="Mali's junta",
            evidence="Mali's junta expelled the French ambassador.",
        ),
        # undated: at 2022-01-31, not in December 2021
        statement(MALI, "criticized", FRANCE, "mali", subject_text="Bamako"),
        # undated standing relation: no time, so it does not agree with "2022"
        statement(troops, "hasMilitaryPresenceIn", MALI, "mali", subject_text="its troops"),
        # traps asserted: through the agent's country key, and in reversed order
        statement(
            troops,
            "withdrewFrom",
            MALI,
            "mali",
            subject_text="its troops",
            evidence="France said its troops would leave Mali",
        ),
        statement(
            MALI, "metWith", FRANCE, "mali", subject_text="Bamako's envoys", evidence="Paris may meet Bamako's envoys."
        ),
        # a sub-property of the trap's relation, negated: not asserted (right)
        statement(MALI, "signedAgreementWith", FRANCE, "mali", modality="Negated"),
    ]
    return [replace(relation, countries=(KENYA,)) for relation in kenya] + [
        replace(relation, countries=(MALI, FRANCE)) for relation in mali
    ]


def score_news(gold_path: Path, relations: list[Relation]) -> EvaluationReport:
    return evaluate(
        load_gold_set(gold_path),
        fixed(*relations),
        super_properties=lambda p: frozenset({p, "agreedWith"} if p == "signedAgreementWith" else {p}),
        symmetric=frozenset({"metWith", "agreedWith", "signedAgreementWith"}),
    )


def test_traps_asserted_are_counted_and_listed(news_dir: Path) -> None:
    report = score_news(news_dir, news_statements())

    assert report.traps_total == 4
    assert report.traps_asserted == (
        AssertedTrap(
            Trap("mali", ("FRA", "FRA_MIL"), ("withdrewFrom",), ("MLI",), "future"),
            SpuriousStatement(
                "mali", "France (military)", "withdrewFrom", "Mali", "France said its troops would leave Mali"
            ),
        ),
        AssertedTrap(
            Trap("mali", ("FRA",), ("metWith",), ("MLI",), "speculation"),
            SpuriousStatement("mali", "Mali", "metWith", "France", "Paris may meet Bamako's envoys."),
        ),
    )
    # the Future attack and the Negated agreement match traps with their modality
    assert report.traps_not_asserted == 2
    # asserted traps are also spurious: no gold item matches them
    assert report.micro == Scores(tp=6, fp=2, fn=0)


def test_a_non_asserted_statement_matching_a_trap_is_not_a_trap_asserted(news_dir: Path) -> None:
    relations = [r for r in news_statements() if r.predicate not in ("withdrewFrom", "metWith")]
    negated = [replace(r, modality="Negated") for r in news_statements() if r.predicate in ("withdrewFrom", "metWith")]

    report = score_news(news_dir, relations + negated)

    assert report.traps_asserted == ()
    assert report.traps_not_asserted == 4
    assert report.micro == Scores(tp=6, fp=0, fn=0)


def test_undated_events_are_timed_at_their_document_date(news_dir: Path) -> None:
    report = score_news(news_dir, news_statements())

    # five matched items with a gold time: the attack and the expulsion agree through
    # their document's date, the request through its own; December 2021 is not the
    # document's date, and an undated presence (a standing relation) has no time.
    assert (report.time_correct, report.time_total, report.time_from_document) == (3, 5, 2)
    assert report.time_accuracy == pytest.approx(0.6)
    assert report.time_errors == (
        TimeError(GoldItem("mali", ("MLI",), ("criticized",), ("FRA",), "2021-12"), ("2022-01-31 (document date)",)),
        TimeError(GoldItem("mali", ("FRA", "FRA_MIL"), ("hasMilitaryPresenceIn",), ("MLI",), "2022"), ("none",)),
    )


def test_a_dated_statement_is_compared_at_its_own_time(news_dir: Path) -> None:
    dated = [
        replace(r, time=TimeSpan("in December", point="2021-12")) if r.predicate in ("criticized", "expelled") else r
        for r in news_statements()
    ]

    report = score_news(news_dir, dated)

    # criticized now agrees; expelled (gold 2022-01) no longer does
    assert (report.time_correct, report.time_total, report.time_from_document) == (3, 5, 1)


def test_news_report_text_and_json(news_dir: Path) -> None:
    report = score_news(news_dir, news_statements())

    lines = report.to_text().splitlines()
    assert lines[0] == "P 0.750  R 1.000  F1 0.857  time accuracy 0.600  traps asserted 2 of 4"
    assert (
        "time accuracy: 0.600 (3 of 5 matched items with a gold time; 2 by an undated event's document date)"
    ) in lines
    assert "traps asserted: 2 of 4 (2 more found with their modality, not asserted)" in lines
    assert lines[lines.index("wrong times (2):") + 1 :][:2] == [
        "  mali  MLI criticized FRA  time 2021-12, found 2022-01-31 (document date)",
        "  mali  FRA|FRA_MIL hasMilitaryPresenceIn MLI  time 2022, found none",
    ]
    assert lines[lines.index("asserted traps (2):") + 1 :][:2] == [
        '  mali  France (military) withdrewFrom Mali  [future]  "France said its troops would leave Mali"',
        '  mali  Mali metWith France  [speculation]  "Paris may meet Bamako\'s envoys."',
    ]
    data = json.loads(json.dumps(report.to_dict()))
    assert data["time_from_document"] == 2
    assert data["time_errors"][0] == {
        "doc": "mali",
        "s": ["MLI"],
        "p": ["criticized"],
        "o": ["FRA"],
        "time": "2021-12",
        "optional": False,
        "found": ["2022-01-31 (document date)"],
    }
    assert data["traps"] == {
        "total": 4,
        "asserted": 2,
        "not_asserted": 2,
        "asserted_traps": [
            {
                "doc": "mali",
                "s": ["FRA", "FRA_MIL"],
                "p": ["withdrewFrom"],
                "o": ["MLI"],
                "why": "future",
                "statement": {
                    "doc": "mali",
                    "subject": "France (military)",
                    "predicate": "withdrewFrom",
                    "object": "Mali",
                    "evidence": "France said its troops would leave Mali",
                },
            },
            {
                "doc": "mali",
                "s": ["FRA"],
                "p": ["metWith"],
                "o": ["MLI"],
                "why": "speculation",
                "statement": {
                    "doc": "mali",
                    "subject": "Mali",
                    "predicate": "metWith",
                    "object": "France",
                    "evidence": "Paris may meet Bamako's envoys.",
                },
            },
        ],
    }


def test_agents_find_their_country_in_other_statements_of_the_run(news_dir: Path) -> None:
    # Kenya, Mali and France are subjects or objects of other statements
    bare = [replace(r, countries=()) for r in news_statements()]

    assert score_news(news_dir, bare).micro == Scores(tp=6, fp=2, fn=0)


def test_an_agent_of_another_country_does_not_match(news_dir: Path) -> None:
    malian_police = agent(MALI, "Police")
    relations = [
        replace(r, subject=malian_police, subject_text="Malian police", countries=(KENYA, MALI))
        if r.predicate == "attacked" and r.asserted
        else r
        for r in news_statements()
    ]

    report = score_news(news_dir, relations)

    assert [(item.document_id, item.relation) for item in report.misses] == [("kenya", "attacked")]


def test_an_agent_outside_the_suffix_table_matches_only_its_country(news_dir: Path) -> None:
    # Kenya's media are Kenya, never KEN_PROTESTERS or any other agent key
    media = agent(KENYA, "Media")
    relations = [replace(r, subject=media) if r.predicate == "requested" else r for r in news_statements()]

    report = score_news(news_dir, relations)

    assert [(item.document_id, item.relation) for item in report.misses] == [("kenya", "requested")]
    assert report.spurious[0] == SpuriousStatement(
        "kenya", "Kenya (media)", "requested", "William Ruto", "Opposition leaders urged Ruto"
    )


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (
            '{"doc": "kenya", "s": ["KEN"], "p": ["attacked"], "o": ["KEN"]}\n',
            'not_asserted.jsonl:1: "why" must say why the statement is not asserted',
        ),
        (
            '{"doc": "chad", "s": ["KEN"], "p": ["attacked"], "o": ["KEN"], "why": "future"}\n',
            "not_asserted.jsonl:1: unknown document 'chad'",
        ),
        (
            '{"doc": "kenya", "s": ["TCD"], "p": ["attacked"], "o": ["KEN"], "why": "future"}\n',
            "not_asserted.jsonl:1: unknown entity key 'TCD' in \"s\"; add it to entities.json",
        ),
        ("[1]\n", "not_asserted.jsonl:1: expected a JSON object with doc, s, p, o and why"),
    ],
)
def test_malformed_traps_raise_input_error(news_dir: Path, content: str, fragment: str) -> None:
    (news_dir / "not_asserted.jsonl").write_text(content, encoding="utf-8")

    with pytest.raises(InputError) as caught:
        load_gold_set(news_dir)

    assert f"{news_dir / fragment}" in str(caught.value)


def test_gold_set_without_traps_loads_none(news_dir: Path) -> None:
    (news_dir / "not_asserted.jsonl").unlink()

    assert load_gold_set(news_dir).traps == ()


def test_cli_eval_reports_traps_and_time(capsys, news_dir: Path, fixed_extraction) -> None:
    fixed_extraction.extend(news_statements())

    assert main(["eval", str(news_dir), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["micro"]["tp"] == 6 and data["micro"]["fp"] == 2
    assert (data["time_correct"], data["time_total"]) == (3, 5)
    assert (data["traps"]["total"], data["traps"]["asserted"]) == (4, 2)

    assert main(["eval", str(news_dir)]) == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        "P 0.750  R 1.000  F1 0.857  time accuracy 0.600  traps asserted 2 of 4"
    )
