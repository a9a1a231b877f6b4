"""PLOVER records: loading, actor codes, records found, statement precision, kinds."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from kg.cli import main
from kg.errors import InputError
from kg.evaluation import (
    PloverActor,
    PloverCounts,
    PloverRecord,
    evaluate_plover,
    is_plover_file,
    load_plover,
)
from kg.graph.namespace import SYMMETRIC_RELATIONS
from kg.graph.ontology import plover_types, super_properties
from kg.records import Document, Entity, Relation

RUSSIA = Entity("russia", "Russia", "Country", iso3="RUS")
UKRAINE = Entity("ukraine", "Ukraine", "Country", iso3="UKR")
EGYPT = Entity("egypt", "Egypt", "Country", iso3="EGY")
HUNGARY = Entity("hungary", "Hungary", "Country", iso3="HUN")
ROMANIA = Entity("romania", "Romania", "Country", iso3="ROU")
FRANCE = Entity("france", "France", "Country", iso3="FRA")
JAPAN = Entity("japan", "Japan", "Country", iso3="JPN")
KENYA = Entity("kenya", "Kenya", "Country", iso3="KEN")
CROATIA = Entity("croatia", "Croatia", "Country", iso3="HRV")
SYRIA = Entity("syria", "Syria", "Country", iso3="SYR")
SUDAN = Entity("sudan", "Sudan", "Country", iso3="SDN")
NIGERIA = Entity("nigeria", "Nigeria", "Country", iso3="NGA")
UN = Entity("united-nations", "United Nations", "InternationalOrganization")
KHARKIV = Entity("kharkiv", "Kharkiv", "Place", country="ukraine")
CHIRAC = Entity("jacques-chirac", "Jacques Chirac", "Person")
HASHIMOTO = Entity("ryutaro-hashimoto", "Ryutaro Hashimoto", "Person")
RUTO = Entity("william-ruto", "William Ruto", "Person")
RIGHTS_GROUP = Entity("human-rights-watch", "Human Rights Watch", "Organization")
SPLM = Entity("splm", "SPLM/A", "Organization", country="sudan")
BOKO_HARAM = Entity("boko-haram", "Boko Haram", "Organization", country="nigeria")


def agent(country: Entity, sector: str) -> Entity:
    return Entity(
        f"{country.key}-{sector.lower()}",
        f"{country.label} ({sector.lower()})",
        "Agent",
        country=country.key,
        sector=sector,
    )


def actor(text: str, code: str, sector: str | None = None) -> dict:
    return {"actorText": text, "code": code, **({"sector": sector} if sector else {})}


SENTENCES = {
    "r-assault": "Russian troops shelled Ukrainian positions near Kharkiv.",
    "r-coerce": "Egyptian police arrested demonstrators in Cairo.",
    "r-agree": "Senior Hungarian and Romanian officials agreed on Wednesday to cooperate.",
    "r-consult": "French President Jacques Chirac hosted Japanese Prime Minister Ryutaro Hashimoto.",
    "r-protest": "Kenyan protesters marched against President William Ruto.",
    "r-accuse": "A human rights group accused Croatian authorities of failing refugees.",
    "r-reject": "Syria rejected the UN plan and warned the United Nations against sanctions.",
    "r-rebels": "The Sudanese government and the SPLM/A agreed to allow humanitarian access.",
    "r-retreat": "Israel will evacuate all 21 settlements in the Gaza Strip.",
    "r-mobilize": "The Nigerian army put troops on alert against Boko Haram.",
}

RECORDS = [
    {
        "id": "r-assault",
        "event": "FIGHT",
        "source": [actor("Russian troops", "RUS", "MIL")],
        "target": [actor("Ukrainian positions", "UKR", "MIL")],
    },
    {
        "id": "r-coerce",
        "event": "COERCE",
        "source": [actor("Egyptian police", "EGY", "COP")],
        "target": [actor("demonstrators", "EGY", "OPP")],
    },
    {
        "id": "r-agree",
        "event": "AGREE",
        "target": "",
        "source": [actor("Hungarian", "HUN", "GOV"), actor("Romanian", "ROU", "GOV")],
    },
    {
        "id": "r-consult",
        "event": "CONSULT",
        "source": [actor("French President Jacques Chirac", "FRA", "GOV")],
        "target": [actor("Japanese Prime Minister Ryutaro Hashimoto", "JAP", "GOV")],
    },
    {"id": "r-protest", "event": "PROTEST", "source": [actor("Kenyan protesters", "KEN", "OPP")]},
    {
        "id": "r-accuse",
        "event": "DISAPPROVE",
        "source": [actor("human rights group", "NGO")],
        "target": [actor("Croatian authorities", "HRV", "GOV")],
    },
    {"id": "r-reject", "event": "REJECT", "source": [actor("Syria", "SYR")], "target": [actor("UN", "IGOUNO")]},
    {
        "id": "r-rebels",
        "event": "AGREE",
        "target": None,
        "source": [actor("Sudanese government", "SDN", "GOV"), actor("SPLM/A", "SDN", "REB")],
    },
    {"id": "r-retreat", "event": "RETREAT", "source": [actor("Israel", "ISR")], "target": [actor("Gaza Strip", "PSE")]},
    {
        "id": "r-mobilize",
        "event": "MOBILIZE",
        "source": [actor("Nigerian army", "NGA", "MIL")],
        "target": [actor("Boko Haram", "NGA", "REB")],
    },
]
# a second record of the Syrian sentence
THREATEN = {
    "id": "r-threaten",
    "event": "THREATEN",
    "source": [actor("Syria", "SYR")],
    "target": [actor("United Nations", "IGO")],
    "text": SENTENCES["r-reject"],
}


@pytest.fixture
def gsr(tmp_path: Path) -> Path:
    path = tmp_path / "gsr.jsonl"
    lines = [
        {**record, "date": "2000-01-01", "text": SENTENCES[record["id"]], "textInfo": {"markup": "..."}}
        for record in RECORDS
    ]
    lines.insert(7, {**THREATEN, "date": "2000-01-01"})
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def said(
    subject: Entity,
    predicate: str,
    object_: Entity,
    document_id: str,
    *,
    modality: str = "Asserted",
    countries: tuple[Entity, ...] = (),
) -> Relation:
    text = SENTENCES[document_id]
    return Relation(
        subject,
        predicate,
        object_,
        document_id,
        text,
        0,
        len(text),
        subject.label,
        object_.label,
        modality=modality,
        countries=countries,
    )


def extracted() -> list[Relation]:
    return [
        said(agent(RUSSIA, "Military"), "attacked", UKRAINE, "r-assault", countries=(RUSSIA,)),
        # wrong event type for the record: threatened is THREATEN, not ASSAULT
        said(RUSSIA, "threatened", UKRAINE, "r-assault"),
        # a place resolves to no actor code
        said(RUSSIA, "attacked", KHARKIV, "r-assault"),
        said(agent(EGYPT, "Police"), "coerced", agent(EGYPT, "Protesters"), "r-coerce", countries=(EGYPT,)),
        said(HUNGARY, "agreedWith", ROMANIA, "r-agree"),
        said(CHIRAC, "metWith", HASHIMOTO, "r-consult"),
        # the titles give the persons' countries; leaderOf has no PLOVER type
        said(CHIRAC, "leaderOf", FRANCE, "r-consult"),
        said(HASHIMOTO, "leaderOf", JAPAN, "r-consult"),
        said(agent(KENYA, "Protesters"), "protestedAgainst", RUTO, "r-protest", countries=(KENYA,)),
        said(RIGHTS_GROUP, "criticized", CROATIA, "r-accuse"),
        said(SYRIA, "rejected", UN, "r-reject"),
        said(SYRIA, "rejected", UN, "r-reject"),  # a duplicate counts once
        said(SYRIA, "threatened", UN, "r-reject"),
        said(SPLM, "agreedWith", SUDAN, "r-rebels"),
        # a negated statement is not scored at all
        said(
            agent(NIGERIA, "Military"),
            "mobilizedAgainst",
            BOKO_HARAM,
            "r-mobilize",
            modality="Negated",
            countries=(NIGERIA,),
        ),
        said(agent(NIGERIA, "Military"), "attacked", BOKO_HARAM, "r-mobilize", countries=(NIGERIA,)),
    ]


def score(path: Path, relations: list[Relation]):
    return evaluate_plover(
        load_plover(path),
        lambda documents: relations,
        plover_types(),
        super_properties=super_properties,
        symmetric=SYMMETRIC_RELATIONS,
    )


def test_load_plover_reads_records_and_their_sentences(gsr: Path) -> None:
    gold = load_plover(gsr)

    assert [record.id for record in gold.records][:3] == ["r-assault", "r-coerce", "r-agree"]
    assert len(gold.records) == 11
    first = gold.records[0]
    assert first == PloverRecord(
        id="r-assault",
        event="ASSAULT",
        sources=(PloverActor("Russian troops", "RUS", "MIL"),),
        targets=(PloverActor("Ukrainian positions", "UKR", "MIL"),),
        text=SENTENCES["r-assault"],
        document_id="r-assault",
        published_event="FIGHT",
    )
    by_id = {record.id: record for record in gold.records}
    assert by_id["r-accuse"].event == "ACCUSE"
    assert by_id["r-consult"].targets[0].code == "JPN"  # JAP, as published
    assert by_id["r-agree"].targets == () and by_id["r-protest"].targets == ()
    # the second record of the Syrian sentence shares its document
    assert by_id["r-threaten"].document_id == "r-reject"
    assert len(gold.documents) == 10
    assert gold.documents[0] == Document(
        "r-assault", SENTENCES["r-assault"], date=__import__("datetime").date(2000, 1, 1)
    )


@pytest.mark.parametrize(
    ("sources", "targets", "kind"),
    [
        (["RUS"], ["UKR"], "interstate"),
        (["EGY"], ["EGY"], "domestic"),
        (["ISR"], ["PSE", "ISR"], "domestic"),
        (["HUN", "ROU"], [], "interstate"),  # compound actors of two countries
        (["SDN", "SDN"], [], "domestic"),  # a government and its rebels
        (["KEN"], [], "domestic"),  # one actor only
        ([], ["IRQ"], "domestic"),
        (["IGO"], ["SYR"], "interstate"),
    ],
)
def test_record_kind(sources: list[str], targets: list[str], kind: str) -> None:
    record = PloverRecord(
        "r",
        "ASSAULT",
        tuple(PloverActor("", c) for c in sources),
        tuple(PloverActor("", c) for c in targets),
        "text",
        "r",
    )
    assert record.kind == kind


def test_records_found_statement_precision_and_strict_f1(gsr: Path) -> None:
    report = score(gsr, extracted())

    assert report.by_kind == {
        "interstate": PloverCounts(records=7, found=6, statements=8, correct=6),
        "domestic": PloverCounts(records=4, found=3, statements=4, correct=3),
    }
    assert report.overall == PloverCounts(records=11, found=9, statements=12, correct=9)
    assert report.overall.recall == pytest.approx(9 / 11)
    assert report.overall.precision == pytest.approx(0.75)
    assert report.overall.f1 == pytest.approx(2 * (9 / 11) * 0.75 / (9 / 11 + 0.75))
    assert report.by_kind["interstate"].f1 == pytest.approx(2 * (6 / 7) * 0.75 / (6 / 7 + 0.75))
    assert report.by_kind["domestic"].f1 == pytest.approx(0.75)
    assert [record.id for record in report.misses] == ["r-retreat", "r-mobilize"]
    assert {str(statement) for statement in report.wrong} == {
        "Russia [RUS] threatened Ukraine [UKR]",
        "Russia [RUS] attacked Kharkiv [-]",
        "Nigeria (military) [NGA] attacked Boko Haram [NGA]",
    }
    assert report.by_event["ASSAULT"] == PloverCounts(records=1, found=1, statements=3, correct=1)
    assert report.by_event["THREATEN"] == PloverCounts(records=1, found=1, statements=2, correct=1)
    assert report.by_event["AGREE"] == PloverCounts(records=2, found=2, statements=2, correct=2)
    assert report.by_event["MOBILIZE"] == PloverCounts(records=1, found=0, statements=0, correct=0)
    assert list(report.by_event) == [
        "AGREE",
        "CONSULT",
        "RETREAT",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
    ]


def test_a_statement_of_the_wrong_event_type_finds_no_record(gsr: Path) -> None:
    # Russia threatened Ukraine stays; the attack is gone
    relations = [r for r in extracted() if not (r.document_id == "r-assault" and r.predicate == "attacked")]

    report = score(gsr, relations)

    assert "r-assault" in [record.id for record in report.misses]
    # only the Nigerian attack (a wrong statement) is left under ASSAULT
    assert report.by_event["ASSAULT"] == PloverCounts(records=1, found=0, statements=1, correct=0)


def test_a_non_asserted_statement_finds_no_record(gsr: Path) -> None:
    relations = [replace(r, modality="Future") if r.document_id == "r-coerce" else r for r in extracted()]

    report = score(gsr, relations)

    assert report.by_kind["domestic"] == PloverCounts(records=4, found=2, statements=3, correct=2)


def test_a_person_resolves_through_the_titles_of_the_same_document(gsr: Path) -> None:
    without_titles = [r for r in extracted() if r.predicate != "leaderOf"]

    report = score(gsr, without_titles)

    assert "r-consult" in [record.id for record in report.misses]
    assert "Jacques Chirac [-] metWith Ryutaro Hashimoto [-]" in {str(s) for s in report.wrong}


def test_an_agent_of_another_country_finds_no_record(gsr: Path) -> None:
    egyptian_police, protesters = agent(EGYPT, "Police"), agent(KENYA, "Protesters")
    relations = [
        said(egyptian_police, "coerced", protesters, "r-coerce", countries=(EGYPT, KENYA))
        if r.document_id == "r-coerce"
        else r
        for r in extracted()
    ]

    report = score(gsr, relations)

    assert "r-coerce" in [record.id for record in report.misses]


def test_compound_actors_need_two_different_entities(gsr: Path) -> None:
    relations = [
        said(HUNGARY, "agreedWith", HUNGARY, "r-agree") if r.document_id == "r-agree" else r for r in extracted()
    ]

    report = score(gsr, relations)

    assert "r-agree" in [record.id for record in report.misses]


def test_report_text_and_json(gsr: Path) -> None:
    report = score(gsr, extracted())

    lines = report.to_text().splitlines()
    assert lines[0] == (
        "records found 9 of 11 (0.818)  statement precision 0.750 (9 of 12)  "
        "strict F1 0.783  interstate 0.800  domestic 0.750"
    )
    assert lines[2:8] == [
        "records    records found recall statements correct   prec strict F1",
        "-------------------------------------------------------------------",
        "interstate       7     6  0.857          8       6  0.750     0.800",
        "domestic         4     3  0.750          4       3  0.750     0.750",
        "-------------------------------------------------------------------",
        "overall         11     9  0.818         12       9  0.750     0.783",
    ]
    assert "misses (2):" in lines
    assert (
        "  r-retreat   RETREAT interstate: Israel (ISR) -> Gaza Strip (PSE)  "
        '"Israel will evacuate all 21 settlements in the Gaza Strip."'
    ) in lines
    assert "wrong statements (3):" in lines
    assert (
        '  r-assault   Russia [RUS] attacked Kharkiv [-]  "Russian troops shelled Ukrainian positions near Kharkiv."'
    ) in lines

    data = json.loads(json.dumps(report.to_dict()))
    assert data["overall"] == {
        "records": 11,
        "found": 9,
        "recall": pytest.approx(9 / 11),
        "statements": 12,
        "correct": 9,
        "precision": 0.75,
        "strict_f1": pytest.approx(0.7826, abs=1e-4),
    }
    assert data["by_kind"]["domestic"]["strict_f1"] == 0.75
    assert data["by_event"]["REJECT"] == {
        "records": 1,
        "found": 1,
        "recall": 1.0,
        "statements": 1,
        "correct": 1,
        "precision": 1.0,
        "strict_f1": 1.0,
    }
    assert [item["record"] for item in data["found"]] == [
        "r-assault",
        "r-coerce",
        "r-agree",
        "r-consult",
        "r-protest",
        "r-accuse",
        "r-reject",
        "r-threaten",
        "r-rebels",
    ]
    assert data["misses"][0]["id"] == "r-retreat"
    assert data["wrong"][0] == {
        "doc": "r-assault",
        "subject": "Russia",
        "subject_codes": ["RUS"],
        "predicate": "threatened",
        "object": "Ukraine",
        "object_codes": ["UKR"],
        "evidence": SENTENCES["r-assault"],
        "kind": "interstate",
        "event": "THREATEN",
        "record": None,
    }


def test_is_plover_file_tells_plover_from_redocred(gsr: Path, tmp_path: Path) -> None:
    redocred = tmp_path / "redoc.jsonl"
    redocred.write_text(
        json.dumps({"title": "T", "sentences": ["A."], "entities": [], "relations": []}) + "\n", encoding="utf-8"
    )
    broken = tmp_path / "broken.jsonl"
    broken.write_text("{not json\n", encoding="utf-8")

    assert is_plover_file(gsr) is True
    assert is_plover_file(redocred) is False
    assert is_plover_file(broken) is False


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            {"id": "x", "event": "PARTY", "source": [], "text": "A."},
            "unknown event type 'PARTY'; use one of AGREE, CONSULT",
        ),
        (
            {"id": "x", "event": "AGREE", "source": [{"actorText": "Chile"}], "text": "A."},
            'each actor of "source" needs a "code"',
        ),
        ({"id": "x", "event": "AGREE", "source": {"code": "CHL"}, "text": "A."}, '"source" must be a list of actors'),
        ({"id": "x", "event": "AGREE", "source": [], "text": ""}, '"text" must be the record\'s sentence'),
        ({"event": "AGREE", "source": [], "text": "A."}, '"id" must be a non-empty string'),
        (
            {"id": "x", "event": "AGREE", "source": [], "text": "A.", "date": "01/01/2000"},
            "\"date\" is '01/01/2000'; give YYYY-MM-DD",
        ),
    ],
)
def test_malformed_record_raises_input_error(tmp_path: Path, line: dict, message: str) -> None:
    path = tmp_path / "gsr.jsonl"
    path.write_text("\n" + json.dumps(line) + "\n", encoding="utf-8")

    with pytest.raises(InputError) as caught:
        load_plover(path)

    assert str(caught.value).startswith(f"{path}:2: ")
    assert message in str(caught.value)


def test_duplicate_record_id_and_bad_json_raise_input_error(gsr: Path) -> None:
    first = gsr.read_text(encoding="utf-8").splitlines()[0]
    gsr.write_text(first + "\n" + first + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"gsr.jsonl:2: duplicate record id 'r-assault'"):
        load_plover(gsr)
    gsr.write_text(first + "\n{\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"gsr.jsonl:2: invalid JSON"):
        load_plover(gsr)


def test_target_given_as_a_string_is_no_target(tmp_path: Path) -> None:
    path = tmp_path / "gsr.jsonl"
    path.write_text(
        json.dumps(
            {
                "id": "x",
                "event": "AGREE",
                "text": "A.",
                "target": "diplomatic",
                "source": [actor("Turkish", "TUR"), actor("Greek", "GRC")],
            }
        )
        + "\n",
        encoding="utf-8",
    )

    assert load_plover(path).records[0].targets == ()


# --------------------------------------------------------------------------- command line


def test_cli_eval_scores_plover_records(capsys, gsr: Path, fixed_extraction) -> None:
    fixed_extraction.extend(extracted())

    assert main(["eval", str(gsr), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["overall"]["found"] == 9 and data["overall"]["correct"] == 9
    assert data["by_kind"]["interstate"]["records"] == 7

    assert main(["eval", str(gsr)]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("records found 9 of 11 (0.818)")


def test_cli_eval_entities_refuses_plover_records(capsys, gsr: Path, fixed_extraction) -> None:
    assert main(["eval", "--entities", str(gsr)]) == 4  # InputError
    assert capsys.readouterr().err == (
        f"kg eval: error: {gsr}: PLOVER records code events, not entity mentions; drop --entities to score the events\n"
    )
