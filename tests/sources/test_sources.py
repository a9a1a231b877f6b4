"""Pages, feeds, CSV tables and URLs, served by a local HTTP server on 127.0.0.1."""

from __future__ import annotations

import datetime
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.cli import main
from kg.errors import InputError
from kg.readers import read_documents
from kg.sources import SourceOptions, web
from kg.sources.pages import url_identifier

DATA = Path(__file__).resolve().parent.parent / "data" / "sources"
PARAGRAPHS = [
    "France imposed sanctions on Iran in 2019, and the two governments have rarely spoken since.",
    "On Monday the foreign ministers of France and Iran met in Vienna for the first round of new talks, "
    "officials in Paris said. Both sides described the meeting as constructive.",
    "Germany criticized Iran over its missile programme last year, but Berlin welcomed the meeting.",
]


class Site:
    """What the test server holds and what it saw."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[int, str, bytes]] = {}
        self.requests: list[tuple[str, str]] = []  # (path, User-Agent)
        self.failures: dict[str, int] = {}  # path -> 503 answers still to give
        self.slow: set[str] = set()
        self.base = ""


@pytest.fixture
def site() -> Iterator[Site]:
    state = Site()

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            state.requests.append((self.path, self.headers.get("User-Agent", "")))
            if self.path in state.slow:
                import time

                time.sleep(1.5)
            if state.failures.get(self.path, 0) > 0:
                state.failures[self.path] -= 1
                status, media_type, body = 503, "text/plain", b"busy"
            else:
                status, media_type, body = state.pages.get(self.path, (404, "text/plain", b"not found"))
            try:
                self.send_response(status)
                self.send_header("Content-Type", media_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    page = (DATA / "talks-resume.html").read_bytes()
    state.pages["/talks-resume.html"] = (200, "text/html; charset=utf-8", page)
    state.pages["/world.rss"] = (
        200,
        "application/rss+xml",
        (DATA / "world.rss").read_bytes().replace(b"LINK_BASE", state.base.encode()),
    )
    state.pages["/robots.txt"] = (200, "text/plain", b"User-agent: *\nDisallow: /private/\n")
    state.pages["/private/memo.html"] = (200, "text/html", page)
    state.pages["/note.txt"] = (200, "text/plain; charset=utf-8", b"Chile and Peru signed a trade agreement.")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    web._robots.clear()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        web._robots.clear()


def test_saved_page_gives_main_text_title_and_date() -> None:
    [document] = read_documents([DATA / "talks-resume.html"])
    assert document.id == "talks-resume"
    assert document.title == "Talks resume in Vienna"
    assert document.date == datetime.date(2024, 2, 5)
    assert document.text == "\n\n".join(PARAGRAPHS)
    assert document.source == (DATA / "talks-resume.html").resolve().as_uri()


def test_page_without_an_article_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>x</title></head><body><nav>Home</nav></body></html>")
    with pytest.raises(InputError, match=rf"^{path}: no article text found in the page"):
        list(read_documents([path]))


def test_feed_items_are_documents_with_their_own_dates(site: Site) -> None:
    rss = DATA / "world.rss"
    documents = list(read_documents([rss]))
    assert [(d.id, d.title, d.date, d.text) for d in documents] == [
        (
            "ledger-2024-0205-talks",
            "Talks resume in Vienna",
            datetime.date(2024, 2, 5),
            "The foreign ministers of France and Iran met in Vienna.",
        ),
        (
            "ledger-2024-0206-trade",
            "Chile and Peru sign a trade deal",
            datetime.date(2024, 2, 6),
            "Chile and Peru signed a trade agreement in Lima on Tuesday.",
        ),
    ]
    [atom] = read_documents([DATA / "world.atom"])
    assert (atom.title, atom.date, atom.source) == (
        "Kenya criticizes Somalia",
        datetime.date(2024, 3, 1),
        "https://news.example.org/africa/kenya-somalia",
    )


def test_feed_with_fetch_reads_the_linked_pages(site: Site) -> None:
    documents = list(read_documents([f"{site.base}/world.rss"], options=SourceOptions(fetch=True, retries=0)))
    assert [d.id for d in documents] == ["ledger-2024-0205-talks", "ledger-2024-0206-trade"]
    assert documents[0].text == "\n\n".join(PARAGRAPHS)  # the page's main text
    assert documents[1].text == "Chile and Peru signed a trade agreement in Lima on Tuesday."  # 404: summary
    assert ("/talks-resume.html", documents and site.requests[-1][1]) in site.requests


def test_url_is_fetched_with_a_user_agent_after_robots_txt(site: Site) -> None:
    import kg

    [document] = read_documents([f"{site.base}/talks-resume.html"])
    assert document.text == "\n\n".join(PARAGRAPHS)
    assert document.id == url_identifier(f"{site.base}/talks-resume.html")
    assert document.source == f"{site.base}/talks-resume.html"
    assert [path for path, _ in site.requests] == ["/robots.txt", "/talks-resume.html"]
    assert {agent for _, agent in site.requests} == {f"geokg/{kg.__version__} (+https://w3id.org/geokg)"}
    [text] = read_documents([f"{site.base}/note.txt"], date=datetime.date(2024, 1, 2))
    assert (text.text, text.date) == ("Chile and Peru signed a trade agreement.", datetime.date(2024, 1, 2))
    assert [path for path, _ in site.requests].count("/robots.txt") == 1  # asked once per site


def test_robots_txt_disallow_is_honoured(site: Site) -> None:
    with pytest.raises(InputError, match=r"robots.txt does not allow geokg to fetch this page"):
        list(read_documents([f"{site.base}/private/memo.html"]))
    assert "/private/memo.html" not in [path for path, _ in site.requests]


def test_server_errors_are_retried_then_reported(site: Site) -> None:
    site.failures["/talks-resume.html"] = 1
    [document] = read_documents([f"{site.base}/talks-resume.html"], options=SourceOptions(retries=1))
    assert document.title == "Talks resume in Vienna"
    site.failures["/talks-resume.html"] = 5
    with pytest.raises(InputError, match=r"the server answered 503 Service Unavailable after 2 tries"):
        list(read_documents([f"{site.base}/talks-resume.html"], options=SourceOptions(retries=1)))
    with pytest.raises(InputError, match=r"/gone.html: the server answered 404 Not Found; check the URL"):
        list(read_documents([f"{site.base}/gone.html"]))


def test_slow_server_times_out(site: Site) -> None:
    site.slow.add("/talks-resume.html")
    with pytest.raises(InputError, match=r"cannot reach the server \(.*timed out.*\) after 1 tries"):
        list(read_documents([f"{site.base}/talks-resume.html"], options=SourceOptions(timeout=0.5, retries=0)))


def test_csv_rows_with_named_columns(tmp_path: Path) -> None:
    path = tmp_path / "wire.csv"
    path.write_text(
        'story,published,headline\n"Chile and Peru met.",2024-01-05,Talks\n'
        '"",2024-01-06,Empty\n"Kenya criticized Somalia.",2024-13-01,Bad date\n',
        encoding="utf-8",
    )
    problems: list[InputError] = []
    documents = list(
        read_documents(
            [path],
            on_error=problems.append,
            options=SourceOptions(text_column="story", date_column="published", title_column="headline"),
        )
    )
    assert [(d.id, d.text, d.date, d.title) for d in documents] == [
        ("wire-2", "Chile and Peru met.", datetime.date(2024, 1, 5), "Talks")
    ]
    assert [str(p).split(": ", 1)[0] for p in problems] == [f"{path}:3", f"{path}:4"]
    assert "empty 'story'" in str(problems[0]) and "invalid date '2024-13-01'" in str(problems[1])


def test_cli_builds_pages_feeds_and_url_lists(
    capsys, nlp, site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kg

    monkeypatch.setattr(kg, "load_pipeline", lambda model=None, **options: nlp)
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# today's reading\n{site.base}/talks-resume.html\n\n{site.base}/world.rss\n")
    code = main(["build", "--urls", str(urls), "--fetch", "--store", str(tmp_path / "s")])
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith("kg build: 3 document(s): 3 extracted, 0 unchanged, 0 skipped;")
    store = kg.KnowledgeGraph.load(tmp_path / "s")
    try:
        assert store.documents() == sorted(
            ["ledger-2024-0205-talks", "ledger-2024-0206-trade", url_identifier(f"{site.base}/talks-resume.html")]
        )
        rows = store.query(
            "SELECT ?d ?o WHERE { ?st rdf:subject gke:france ; rdf:predicate gkg:sanctioned ; "
            "rdf:object ?o ; prov:wasDerivedFrom ?d } ORDER BY ?d"
        )
        assert rows["o_iri"].tolist() == ["https://w3id.org/geokg/entity/iran"] * 2  # the page, twice
    finally:
        store.close()
