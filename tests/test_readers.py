from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from kg.errors import InputError, InputWarning
from kg.readers import parse_date, read_documents
from kg.records import Document


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_txt_file_becomes_one_document_with_headline_title(tmp_path: Path) -> None:
    text = "Andorra and Malta sign fishing pact\n\nThe two governments signed the pact on Monday.\n"
    path = tmp_path / "pact.txt"
    path.write_text(text, encoding="utf-8")

    documents = list(read_documents([path], date=datetime.date(2024, 3, 4)))

    assert documents == [
        Document(
            id="pact",
            text=text,
            date=datetime.date(2024, 3, 4),
            title="Andorra and Malta sign fishing pact",
            source=path.resolve().as_uri(),
        )
    ]


def test_txt_first_line_that_is_a_sentence_is_not_a_title(tmp_path: Path) -> None:
    path = tmp_path / "body.txt"
    path.write_text("Iceland hosted the talks.\nNorway attended.\n", encoding="utf-8")

    (document,) = read_documents([path])

    assert document.title is None
    assert document.date is None


def test_txt_single_line_is_not_a_title(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text("Lesotho joins the customs union", encoding="utf-8")

    assert next(read_documents([path])).title is None


def test_txt_keeps_crlf_line_endings_and_strips_bom(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"\xef\xbb\xbfBhutan opens embassy\r\n\r\nThimphu announced it.\r\n")

    (document,) = read_documents([str(path)])

    assert document.text == "Bhutan opens embassy\r\n\r\nThimphu announced it.\r\n"
    assert document.title == "Bhutan opens embassy"


def test_jsonl_records_become_documents(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "docs.jsonl",
        [
            json.dumps(
                {
                    "id": "n1",
                    "text": "Ghana recalled its envoy.",
                    "date": "2021-07-08",
                    "title": "Envoy recalled",
                    "url": "https://example.org/n1",
                }
            ),
            "",
            json.dumps({"id": "n2", "text": "Togo\u2028replied.", "date": "2021-07-09T16:30:00Z"}),
            json.dumps({"id": "n3", "text": "Benin stayed silent.", "extra": 1}),
        ],
    )

    documents = list(read_documents([path]))

    assert documents == [
        Document(
            "n1", "Ghana recalled its envoy.", datetime.date(2021, 7, 8), "Envoy recalled", "https://example.org/n1"
        ),
        Document("n2", "Togo\u2028replied.", datetime.date(2021, 7, 9), None, path.resolve().as_uri()),
        Document("n3", "Benin stayed silent.", None, None, path.resolve().as_uri()),
    ]


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        ('{"id": "x", "text": ', "invalid JSON"),
        ('["x", "y"]', "expected a JSON object"),
        ('{"text": "Oman mediated."}', 'missing or non-string "id"'),
        ('{"id": 7, "text": "Oman mediated."}', 'missing or non-string "id"'),
        ('{"id": "x", "text": "  "}', 'missing or empty "text"'),
        ('{"id": "x", "text": "Oman mediated.", "title": 3}', '"title" must be a string or null'),
    ],
)
def test_malformed_jsonl_line_is_reported_with_line_number_and_skipped(
    tmp_path: Path, line: str, fragment: str
) -> None:
    path = write_jsonl(
        tmp_path / "docs.jsonl",
        [
            json.dumps({"id": "ok1", "text": "Kenya voted."}),
            "",
            line,
            json.dumps({"id": "ok2", "text": "Uganda abstained."}),
        ],
    )
    errors: list[InputError] = []

    documents = list(read_documents([path], on_error=errors.append))

    assert [document.id for document in documents] == ["ok1", "ok2"]
    assert len(errors) == 1
    message = str(errors[0])
    assert message.startswith(f"{path}:3: ")
    assert fragment in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("08/07/2021", "invalid date '08/07/2021': expected YYYY-MM-DD"),
        ("2021-02-30", "invalid date '2021-02-30'"),
        ("2087-03-09 junk", "invalid date '2087-03-09 junk'"),
        ("2099-01-01", "date 2099-01-01 is in the future"),
    ],
)
def test_jsonl_line_with_a_bad_date_keeps_its_document_without_the_date(
    tmp_path: Path, value: str, fragment: str
) -> None:
    path = write_jsonl(
        tmp_path / "docs.jsonl",
        [
            json.dumps({"id": "ok1", "text": "Kenya voted.", "date": "2024-01-02"}),
            json.dumps({"id": "x", "text": "Oman mediated.", "date": value}),
        ],
    )
    errors: list[InputError] = []
    warnings: list[InputWarning] = []

    documents = list(read_documents([path], on_error=errors.append, on_warning=warnings.append))

    assert [(d.id, d.text, d.date) for d in documents] == [
        ("ok1", "Kenya voted.", datetime.date(2024, 1, 2)),
        ("x", "Oman mediated.", None),
    ]
    assert errors == []
    (warning,) = warnings
    message = str(warning)
    assert message.startswith(f"{path}:2: {fragment}")
    assert message.endswith(
        "; the date was dropped and record 'x' read without one (relative dates in it stay unresolved)"
    )


def test_jsonl_is_read_line_by_line_and_a_line_not_in_utf8_costs_only_itself(tmp_path: Path) -> None:
    first = json.dumps({"id": "ok1", "text": "Kenya voted."}).encode() + b"\n"
    latin1 = b'{"id": "x", "text": "Bogot\xe1 talks"}\n'
    nul = b'{"id": "y", "text": "a\x00b"}\n'
    path = tmp_path / "docs.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + first + latin1 + nul + json.dumps({"id": "ok2", "text": "Uganda met."}).encode())
    errors: list[InputError] = []

    documents = read_documents([path], on_error=errors.append)

    assert next(documents).id == "ok1"
    assert errors == []  # the later lines are not read yet
    assert [document.id for document in documents] == ["ok2"]
    assert [str(error) for error in errors] == [
        f"{path}:2: invalid UTF-8 at byte offset {3 + len(first) + 26}; convert the file to UTF-8 "
        "(for example with iconv)",
        f"{path}:3: a NUL byte at byte offset {3 + len(first) + len(latin1) + 22}; convert the file to UTF-8 "
        "(for example with iconv)",
    ]


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"GIF89a\x00\x01\n{}\n", "binary file (NUL byte at byte offset 6); give a UTF-8 text file"),
        ('{"id": "a", "text": "Cuba"}\n'.encode("utf-16"), "the file is UTF-16 encoded; save it as UTF-8"),
        (b"\xef\xbb\xbf\n  \n", "the file is empty; give a file with text in it"),
    ],
)
def test_jsonl_file_refused_as_a_whole_names_the_file(tmp_path: Path, content: bytes, fragment: str) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_bytes(content)
    errors: list[InputError] = []

    assert list(read_documents([path], on_error=errors.append)) == []
    assert [str(error) for error in errors] == [f"{path}: {fragment}"]


def test_malformed_jsonl_line_raises_without_handler(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "docs.jsonl", ['{"id": "a", "text": "Fiji signed."}', "{oops"])

    with pytest.raises(InputError, match=r"docs\.jsonl:2: invalid JSON"):
        list(read_documents([path]))


def test_duplicate_ids_name_both_places(tmp_path: Path) -> None:
    first = write_jsonl(tmp_path / "a.jsonl", ['{"id": "same", "text": "Chad met Niger."}'])
    second = write_jsonl(tmp_path / "b.jsonl", ["", '{"id": "same", "text": "Mali met Chad."}'])
    errors: list[InputError] = []

    documents = list(read_documents([first, second], on_error=errors.append))

    assert [document.text for document in documents] == ["Chad met Niger."]
    assert str(errors[0]).startswith(f"{second}:2: duplicate document id 'same'")
    assert f"already used at {first}:1" in str(errors[0])


def test_directory_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "second.txt").write_text("Laos hosted a summit.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Nepal sent a delegation.", encoding="utf-8")
    write_jsonl(tmp_path / "c.jsonl", ['{"id": "third", "text": "Peru protested."}'])
    (tmp_path / "notes.docx").write_text("ignored", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("ignored", encoding="utf-8")

    documents = list(read_documents([tmp_path]))

    assert [document.id for document in documents] == ["a", "second", "third"]


def test_directory_without_documents_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "notes.docx").write_text("nothing to read", encoding="utf-8")

    with pytest.raises(InputError, match="no .txt, .jsonl, .html, .csv or feed files found") as caught:
        list(read_documents([tmp_path]))
    assert str(caught.value).startswith(str(tmp_path))


@pytest.mark.parametrize(
    ("name", "content", "fragment"),
    [
        ("empty.txt", b"", "the file is empty"),
        ("blank.jsonl", b"  \n\n\t\n", "the file is empty"),
        ("bom-only.txt", b"\xef\xbb\xbf\n", "the file is empty"),
        ("binary.txt", b"GIF89a\x00\x01", "binary file (NUL byte at byte offset 6)"),
        ("latin1.txt", b"Bogot\xe1 talks", "invalid UTF-8 at byte offset 5"),
        ("bom-latin1.txt", b"\xef\xbb\xbfBogot\xe1 talks", "invalid UTF-8 at byte offset 8"),
        ("wide.txt", "Cuba".encode("utf-16"), "UTF-16 encoded; save it as UTF-8"),
        ("table.docx", b"a,b", "unsupported input type '.docx'; give a .txt, .jsonl, .html, .csv"),
        ("table.csv", b"a,b\n1,2\n", "no column 'text' (columns: 'a', 'b'); name the text column with --text-column"),
    ],
)
def test_unreadable_inputs_raise_input_error_naming_the_path(
    tmp_path: Path, name: str, content: bytes, fragment: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)

    with pytest.raises(InputError) as caught:
        list(read_documents([path]))

    assert str(caught.value).startswith(f"{path}: ")
    assert fragment in str(caught.value)


def test_missing_file_is_reported_and_other_inputs_still_read(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Samoa joined.", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    errors: list[InputError] = []

    documents = list(read_documents([missing, good], on_error=errors.append))

    assert [document.id for document in documents] == ["good"]
    assert [str(error) for error in errors] == [f"{missing}: no such file or directory; check the path"]


def test_unreadable_file_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("Tonga voted.", encoding="utf-8")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)

    with pytest.raises(InputError) as caught:
        list(read_documents([path]))

    assert str(caught.value) == (f"{path}: cannot read the file (Permission denied); check that it is readable")


def test_parse_date_accepts_dates_and_iso_datetimes() -> None:
    assert parse_date("2023-09-27") == datetime.date(2023, 9, 27)
    assert parse_date("2023-09-27T08:15:00.5+02:00") == datetime.date(2023, 9, 27)


@pytest.mark.parametrize("value", ["27.09.2023", "2023-9-27", "2023-13-01", "yesterday", ""])
def test_parse_date_rejects_other_formats(value: str) -> None:
    with pytest.raises(InputError, match=r"invalid date .*expected YYYY-MM-DD"):
        parse_date(value)


def test_parse_date_reads_wire_service_stamps() -> None:
    assert parse_date("26-FEB-1987 15:49:56.01") == datetime.date(1987, 2, 26)
    assert parse_date("3-mar-1987") == datetime.date(1987, 3, 3)
    with pytest.raises(InputError, match="31-FEB-1987"):
        parse_date("31-FEB-1987 10:00")
