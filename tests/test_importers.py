"""Importers: the article as the lecturer has it (copied text, a saved page, a Word file, a PDF)
builds the lecture its Markdown would, with the author's title and headings, the publication
credited and no page furniture on any slide."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

from lecturekit.cli import main
from lecturekit.importers import import_file
from lecturekit.importers.document import escape
from lecturekit.importers.plaintext import import_text
from lecturekit.model.lesson import paragraphs, plain
from lecturekit.model.reader import parse_article
from lecturekit.pipeline.build import Options, build_article

from .helpers import FIXTURES, SEED, schema_findings

IMPORTS = FIXTURES / "imports"
SEED_TEXT = IMPORTS / "text" / "linkilaw-startup-north-korea.txt"
MB = 4 * 1024 * 1024


def slides(pptx: Path) -> list[tuple[str, str]]:
    """Return each slide's title and the rest of what it shows, from the deck reopened."""
    shown = []
    for slide in Presentation(str(pptx)).slides:
        title = slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""
        body = [
            shape.text_frame.text
            for shape in slide.shapes
            if shape.has_text_frame and shape != slide.shapes.title
        ]
        shown.append((title, "\n".join(body)))
    return shown


def build(article: Path, out: Path) -> Path:
    result = build_article(article, Options(out=out))
    return result.outputs[0]


@pytest.fixture(scope="module")
def seed_decks(tmp_path_factory):
    out = tmp_path_factory.mktemp("seed")
    return build(SEED, out / "md"), build(SEED_TEXT, out / "txt")


def test_the_copied_seed_gives_the_same_lecture_as_its_markdown(seed_decks):
    markdown, text = (slides(deck) for deck in seed_decks)
    assert [title for title, _ in text] == [title for title, _ in markdown]
    assert text[0][0] == "What It’s Like Having A Startup In North Korea"
    assert schema_findings(seed_decks[1]) == []


def test_the_copied_seed_credits_the_publication_and_shows_no_furniture(seed_decks):
    shown = slides(seed_decks[1])
    sources = next(body for title, body in shown if title == "Sources")
    assert "Linkilaw Business News" in sources
    everything = "\n".join(f"{title}\n{body}" for title, body in shown)
    for furniture in ("Let us know in the comments", "startup in north korea", "What it's like having"):
        assert furniture not in everything
    assert everything.count("Linkilaw") == 1  # on the sources slide only


def test_the_import_says_what_it_inferred_and_where():
    found = [str(f) for f in import_file(SEED_TEXT, MB).found]
    assert "title: What It’s Like Having A Startup In North Korea (line 3)" in found
    assert "source: Linkilaw Business News (line 5)" in found
    assert "heading 2: What Is Holding Startups Back? (line 17)" in found
    assert "heading 3: Noko Jeans (line 27)" in found
    assert "left out: Let us know in the comments! (line 36)" in found
    assert "left out: startup in north korea (line 38)" in found


def test_import_writes_markdown_that_builds_the_same_deck(tmp_path, capsys, seed_decks):
    article = tmp_path / "article.md"
    assert main(["import", str(SEED_TEXT), "-o", str(article)]) == 0
    err = capsys.readouterr().err
    assert "source: Linkilaw Business News (line 5)" in err
    assert article.read_text(encoding="utf-8").startswith(
        "---\ntitle: What It’s Like Having A Startup In North Korea\nsource: Linkilaw Business News\n---\n"
    )
    assert slides(build(article, tmp_path / "out")) == slides(seed_decks[1])


def test_a_build_of_an_import_prints_what_it_read(tmp_path, capsys):
    assert main(["build", str(SEED_TEXT), "--out", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert "imported; it read:" in err and "heading 3: Nosotek (line 32, a heading lost in the copy)" in err


def _markdown(text: str) -> str:
    return import_text(text).markdown()


def test_wrapped_lines_are_joined_and_lists_kept():
    text = (
        "A Title\n\nThe first paragraph was wrapped\nat forty characters by the\nmail client.\n\n"
        "What it needs:\n\n- flour\n- water\n- salt\n\nThe end of it all, said plainly here.\n"
    )
    md = _markdown(text)
    assert "The first paragraph was wrapped at forty characters by the mail client." in md
    assert "- flour\n- water\n- salt" in md
    lesson = parse_article(md, Path("a.md"))
    assert lesson.meta.title == "A Title"


def test_numbered_headings_take_their_level_from_the_number():
    text = (
        "Report\n\n1. Background\n\nSome text about it that runs on.\n\n1.1 Earlier work\n\n"
        "More text that runs on here.\n\n2. Method\n\nHow it was done, told in full.\n"
    )
    md = _markdown(text)
    assert "## 1\\. Background" in md and "### 1.1 Earlier work" in md and "## 2\\. Method" in md


def test_a_text_without_blank_lines_has_a_paragraph_a_line():
    md = _markdown("Title line\nFirst paragraph, a whole one.\nSecond paragraph, also whole.\n")
    assert "First paragraph, a whole one.\n\nSecond paragraph, also whole." in md


@pytest.mark.parametrize(
    "text",
    ["# not a heading", "1. not a list", "*not emphasis*", "<b>not html</b>", "[not](a link)", "&amp; stays"],
)
def test_text_is_escaped_so_markdown_shows_it_as_written(text):
    lesson = parse_article(f"Para\n\n{escape(text)}\n", Path("a.md"))
    shown = [b for s in lesson.sections for b in s.blocks]
    assert "".join(span.text for span in shown[-1].inlines) == text


def test_a_text_file_in_markdown_is_read_as_markdown(tmp_path):
    article = tmp_path / "notes.txt"
    article.write_text("---\ntitle: Notes\n---\n\n## Part\n\nText *with* emphasis.\n", encoding="utf-8")
    assert import_file(article, MB).markdown == article.read_text(encoding="utf-8")


def test_an_empty_text_file_is_one_clear_error(tmp_path, capsys):
    article = tmp_path / "empty.txt"
    article.write_text("\n\n", encoding="utf-8")
    assert main(["build", str(article), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "empty.txt: error: the file is empty" in err and "Traceback" not in err


# Word files and PDFs written by others (tests/fixtures/imports/SOURCES.md): the title, the
# headings in order, and what must not reach the article (running headers, page numbers, a
# table of contents, the authors' list, a deleted tracked change).
DOCUMENTS = [
    (
        "word/02-fedramp-working-with-oscal.docx",
        "Working with OSCAL Files",
        ["## XML and JSON Formats", "## SSP File Concepts", "## OSCAL-based FedRAMP SSP Template"],
        [],
    ),
    (
        "word/03-gsa-guidance-acquisition-accessible-eit.docx",
        "Guidance on Acquisition for Accessible EIT",
        ["## Determining Need", "## Identifying Requirements", "## Conducting Market Research"],
        [],
    ),
    (
        "word/04-gsa-guidance-508-solicitations.docx",
        "GSA’s Section 508 Program",
        ["## Knowing Your Responsibility", "## About GSA’s Section 508 Guidance Documents"],
        [],
    ),
    (
        "word/06-gsa-technology-accessibility-playbook.docx",
        "Technology Accessibility Playbook",
        [
            "## Introduction",  # set as plain text, over headings one level down
            "## Play 1: Establish a Section 508 Program Manager",
            "## Play 2: Assess your Section 508 program maturity",
        ],
        ["Last updated 8/20/18", "*How to build"],  # the date line; the subtitle, in the front matter
    ),
    (
        "word/07-aed-word2013-authoring-testing-guide.docx",  # headings in styles based on Heading 2
        "Revised Section 508 BASIC AUTHORING AND TESTING GUIDE MS WORD 2013",
        [
            "## Introduction",
            "## Document Formatting",
            "## Text Formatting",
            "### Use Styles to Create Headings",
        ],
        ["TOC Heading", "Contents\n"],  # its table of contents
    ),
    (
        "word/09-gsa-presentations-tracked-changes.docx",
        "Accessibility Presentations and Workshop Materials",
        ["## 2019", "## 2018", "## 2017"],
        [],
    ),
    (
        "pdf/03-jose-good-enough-practices-module.pdf",
        "Good Enough Practices in Scientific Computing: A Learning Module for Researchers",
        ["## Summary", "## Statement of Need", "## Learning objectives, design, and experience"],
        [
            "https://doi.org/10.21105/jose.00279",
            "Tomasz Zieliński 1, Andres",
            "Submitted:",  # the journal's sidebar
            "Authors of papers retain copyright",
            "School of Biological Sciences",  # the affiliations
        ],
    ),
    (
        "pdf/05-joss-draft-eyecite.pdf",
        "eyecite: A tool for parsing legal citations",
        ["## Summary", "## State of the field", "## Limitations and future work"],
        ["¿VOL?", "Jack Cushman1, Matthew Dahl2", "Reviewers:", "Library Innovation Lab"],
    ),
    (
        "pdf/06-plos-good-enough-practices.pdf",
        "Good Enough Practices in Scientific Computing",
        ["## Abstract", "## Introduction", "## 1 Data Management", "## 2 Software", "### Manual Versioning"],
        ["PLOS Computational Biology |", "1 / 21", "1 2 3 4 5"],  # the margin's line numbers too
    ),
    (
        "pdf/09-va-directive-6221.pdf",
        "Department of Veterans Affairs",
        ["## 1\\. PURPOSE AND SCOPE", "## 2\\. POLICY"],
        ["VA DIRECTIVE 6221 DECEMBER 1, 2008\n"],
    ),
    (
        "pdf/10-fedramp-oscal-vendor-resources.pdf",
        "Adopting OSCAL",
        ["## FedRAMP Resources", "## NIST Resources"],
        ["FedRAMP.gov page"],
    ),
]


@pytest.mark.parametrize(("name", "title", "headings", "absent"), DOCUMENTS, ids=[d[0] for d in DOCUMENTS])
def test_a_document_keeps_its_title_and_headings_and_leaves_its_furniture(
    name, title, headings, absent, tmp_path
):
    markdown = import_file(IMPORTS / name, MB, tmp_path).markdown
    lesson = parse_article(markdown, tmp_path / "a.md")
    assert lesson.meta.title == title
    lines = markdown.splitlines()
    found = [next(k for k, line in enumerate(lines) if line.startswith(h)) for h in headings]
    assert found == sorted(found), "the headings keep their order"
    for furniture in absent:
        assert furniture not in markdown


@pytest.mark.parametrize(
    ("name", "author", "journal"),
    [
        (
            "pdf/03-jose-good-enough-practices-module.pdf",
            "Tomasz Zieliński et al.",
            "Journal of Open Source Education",
        ),
        (
            "pdf/05-joss-draft-eyecite.pdf",
            "Jack Cushman, Matthew Dahl, Michael Lissner",
            "",
        ),  # a draft: "¿VOL?"
    ],
)
def test_a_paper_credits_its_authors_from_its_byline_and_its_journal_from_its_running_citation(
    name, author, journal
):
    lesson = parse_article(import_file(IMPORTS / name, MB).markdown, IMPORTS / name)
    assert (lesson.meta.author, lesson.meta.source) == (author, journal)


def test_a_word_files_line_in_italics_under_its_title_is_its_subtitle(tmp_path):
    name = IMPORTS / "word" / "06-gsa-technology-accessibility-playbook.docx"
    lesson = parse_article(import_file(name, MB, tmp_path).markdown, name)
    assert lesson.meta.subtitle == "How to build an effective Section 508 Program"


def test_a_tracked_deletion_and_a_comment_stay_out_of_a_word_import(tmp_path):
    markdown = import_file(
        IMPORTS / "word" / "09-gsa-presentations-tracked-changes.docx", MB, tmp_path
    ).markdown
    assert "comment" not in markdown.lower()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("word/90-encrypted-password-Password1234_.docx", "this Word file is password-protected"),
        ("pdf/91-encrypted-password-openpassword.pdf", "this PDF is password-protected"),
        ("pdf/90-scanned-no-text-huckfinn-p22.pdf", "this PDF has no text layer"),
    ],
)
def test_a_file_that_cannot_be_read_is_one_clear_error_and_keeps_what_was_built(
    name, message, tmp_path, capsys
):
    source = tmp_path / Path(name).name
    source.write_bytes((IMPORTS / name).read_bytes())
    out = tmp_path / "out"
    out.mkdir()
    earlier = out / f"{source.stem}.pptx"
    earlier.write_bytes(b"built before")
    assert main(["build", str(source), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert err.count("\n") <= 2  # the message and what to do
    assert earlier.read_bytes() == b"built before"


def test_a_damaged_word_file_is_one_clear_error(tmp_path, capsys):
    source = tmp_path / "broken.docx"
    source.write_bytes(b"PK\x03\x04 not really a zip")
    assert main(["import", str(source)]) == 1
    assert "this Word file cannot be read" in capsys.readouterr().err


@pytest.mark.parametrize("name", [d[0] for d in DOCUMENTS[:2] + DOCUMENTS[5:7]])
def test_an_imported_document_builds_a_valid_deck(name, tmp_path):
    deck = build(IMPORTS / name, tmp_path)
    assert schema_findings(deck) == []
    shown = slides(deck)
    assert shown[0][0] == next(d[1] for d in DOCUMENTS if d[0] == name)


# Saved web pages of twelve sites (tests/fixtures/imports/SOURCES.md): the article's title without
# the site's name, its first headings, and none of the page's navigation, footer or comments.
PAGES = [
    (
        "01-wikipedia-neural-network",
        "Neural network",
        ["## In biology", "## In machine learning"],
        ["Retrieved from", "Privacy Policy"],
    ),
    (
        "02-whitehouse-digital-transition",
        "The Obama Administration Digital Transition: Moving Forward",
        ["## Digital assets that will remain with the White House"],
        ["Jump to navigation", "Privacy Policy"],
    ),
    (
        "03-noaa-galveston-hurricane",
        "120 Years Ago Today, the Great Galveston Hurricane Made Landfall",
        [],
        ["Skip to main content", "Privacy Policy"],
    ),
    (
        "04-mozilla-hacks-fetch-api",
        "This API is so Fetching!",
        ["## Feature detection", "## Simple fetching"],
        ["Skip to content", "Posted by", "Privacy Policy"],
    ),
    (
        "06-v8-standalone-wasm",
        "Outside the web: standalone WebAssembly binaries using Emscripten",
        ["## Using standalone mode in Emscripten"],
        ["Posted by"],
    ),
    (
        "07-wikimedia-blog-interactive-maps",
        "Interactive maps, now in your language",
        ["## A wish fulfilled", "## Limitations and workarounds"],  # an h4, then h3s: both parts
        # the author's bio, and the pictures' captions and credits
        ["Subscribe", "Comments", "Joe Matazzoni is a product manager", "Торнау", "The same map after"],
    ),
    (
        "08-wikimedia-foundation-turkey-news",
        "Access to Wikipedia restored in Turkey after more than two and a half years",
        [],
        ["Skip to content", "Subscribe", "Cookie"],
    ),
    (
        "10-globalvoices-de-nicaragua",
        "Ein Jahr voller Proteste: Nicaraguaner wollen nicht mehr nur den Rücktritt Ortegas, sondern einen Neuanfang",
        [],
        ["Comments"],
    ),
    ("12-thm-arsnova-frag-jetzt", "»frag.jetzt«", [], ["Skip to content"]),
    (
        "13-blogger-siliconexposed-greenpak",
        "Open Verilog flow for Silego GreenPak4 programmable logic devices",
        ["## So what's a GreenPak?"],
        ["Subscribe", "Posted by"],
    ),
    ("14-anarcat-cdpath", "CDPATH replacements", ["## What I use now", "## Shell jumpers"], []),
    (
        "15-creativecommons-what-we-do",
        "What we do",
        ["## What is Creative Commons?", "## Global Affiliate Network"],
        ["Skip to content", "Newsletter", "Sign up"],
    ),
]


@pytest.mark.parametrize(("name", "title", "headings", "absent"), PAGES, ids=[p[0] for p in PAGES])
def test_a_saved_page_gives_its_article_without_the_site_around_it(name, title, headings, absent):
    page = IMPORTS / "web" / f"{name}.html"
    markdown = import_file(page, MB).markdown
    lesson = parse_article(markdown, page)
    assert lesson.meta.title == title
    unnamed = ("06-v8-standalone-wasm", "14-anarcat-cdpath")  # pages that name neither site nor address
    assert bool(lesson.meta.source) != (name in unnamed)  # the site is credited when the page names it
    lines = markdown.splitlines()
    assert [h for h in headings if h in lines] == headings
    for furniture in absent:
        assert furniture in page.read_text(encoding="utf-8", errors="replace")  # the page has it
        assert furniture not in markdown


@pytest.mark.parametrize("name", [p[0] for p in PAGES])
def test_a_saved_page_shows_no_markup_of_its_own(name):
    """Emphasis the extraction leaves unbalanced ("<b>, lang=</b>") is dropped, not shown as "**":
    the only stars shown are the author's own ("More on this at the bottom.**")."""
    page = IMPORTS / "web" / f"{name}.html"
    lesson = parse_article(import_file(page, MB).markdown, page)
    shown = " ".join(plain(p.inlines) for s in lesson.sections for b in s.blocks for p in paragraphs(b))
    assert shown.count("**") <= page.read_text(encoding="utf-8", errors="replace").count("**")
    assert "](" not in shown


def test_a_paragraph_ends_without_a_break_and_the_comment_form_link_is_left_out():
    """Global Voices ends a paragraph with a <br> and offers "abbrechen" (cancel) by its comment
    form: neither is the article's. A break that ends a paragraph would show as a "\\"."""
    page = IMPORTS / "web" / "10-globalvoices-de-nicaragua.html"
    imported = import_file(page, MB)
    blocks = imported.markdown.split("\n\n")
    assert any(block.endswith("(<https://www.facebook.com/ipadenic>)).") for block in blocks)
    assert not [block for block in blocks if block.rstrip().endswith("\\")]
    assert "abbrechen" in page.read_text(encoding="utf-8") and "abbrechen" not in imported.markdown
    assert ("left out", "abbrechen (a link to the comment form)") in [
        (f.what, f.text) for f in imported.found
    ]


def test_a_saved_page_builds_a_valid_deck(tmp_path):
    deck = build(IMPORTS / "web" / "04-mozilla-hacks-fetch-api.html", tmp_path)
    assert schema_findings(deck) == []
    assert slides(deck)[0][0] == "This API is so Fetching!"


def test_a_page_without_article_text_is_one_clear_error(tmp_path, capsys):
    page = tmp_path / "empty.html"
    page.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    assert main(["build", str(page), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "no article text found in this page" in err and "Traceback" not in err


def test_a_page_saved_in_latin_1_reads_as_written(tmp_path):
    page = tmp_path / "café.html"
    text = "Le café est une boisson préparée à partir des graines torréfiées du caféier. " * 6
    html = f"<html><head><meta charset='iso-8859-1'><title>Le café</title></head><body><article><h1>Le café</h1><p>{text}</p></article></body></html>"
    page.write_bytes(html.encode("latin-1"))
    markdown = import_file(page, MB).markdown
    assert "Le café est une boisson préparée" in markdown and "title: Le café" in markdown


@pytest.fixture(scope="module")
def server():
    """A web server on this machine, serving the saved pages: the tests never use the network."""
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(IMPORTS))
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as httpd:
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
        httpd.shutdown()


def test_an_address_is_fetched_kept_and_built_with_its_address_credited(server, tmp_path, capsys):
    url = f"{server}/web/04-mozilla-hacks-fetch-api.html"
    out = tmp_path / "out"
    assert main(["build", url, "--out", str(out)]) == 0
    kept = out / "fetched" / "04-mozilla-hacks-fetch-api.html"
    assert kept.read_bytes().startswith(f"<!-- saved from url=({len(url):04d}){url} -->".encode())
    shown = slides(out / "04-mozilla-hacks-fetch-api.pptx")
    assert shown[0][0] == "This API is so Fetching!"
    assert url in next(body for title, body in shown if title == "Sources")


def test_import_of_an_address_writes_its_markdown(server, tmp_path, capsys):
    article = tmp_path / "fetch.md"
    assert main(["import", f"{server}/pdf/05-joss-draft-eyecite.pdf", "-o", str(article)]) == 0
    assert "title: 'eyecite: A tool for parsing legal citations'" in article.read_text(encoding="utf-8")
    assert main(["build", f"{server}/SOURCES.md", "--out", str(tmp_path / "md"), "-q"]) == 0  # Markdown too


@pytest.mark.parametrize(
    ("path", "message"),
    [("/web/no-such-page.html", "HTTP 404"), ("/", "no article text found in this page")],
)
def test_an_address_that_cannot_be_built_is_one_clear_error(server, path, message, tmp_path, capsys):
    assert main(["build", server + path, "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and err.count("\n") <= 2


def test_an_address_without_a_network_says_so(tmp_path, capsys):
    import socket

    with socket.socket() as closed:  # a port nothing listens on: the connection is refused
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    assert main(["import", f"http://127.0.0.1:{port}/page.html"]) == 1
    err = capsys.readouterr().err
    assert "the page could not be fetched" in err and "offline" in err


@pytest.mark.parametrize(
    "name",
    [
        "web/13-blogger-siliconexposed-greenpak.html",
        "word/03-gsa-guidance-acquisition-accessible-eit.docx",
        "pdf/05-joss-draft-eyecite.pdf",
    ],
)
def test_import_round_trips_every_kind(name, tmp_path, capsys):
    """Importing, then building the Markdown, gives the deck building the source gives."""
    source = IMPORTS / name
    article = tmp_path / "md" / f"{source.stem}.md"
    assert main(["import", str(source), "-o", str(article)]) == 0
    assert slides(build(article, tmp_path / "from-md")) == slides(build(source, tmp_path / "from-source"))


def test_a_saved_pages_pictures_come_from_its_files_folder(tmp_path):
    from PIL import Image

    folder = tmp_path / "page_files"
    folder.mkdir()
    Image.new("RGB", (400, 300), "steelblue").save(folder / "map.png")
    text = "Maps now show the names of places in the reader's own language, wherever the data has them. " * 5
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Maps</title></head><body><article><h1>Maps</h1>"
        f"<p>{text}</p><img src='page_files/map.png' alt='A map of Asia'><p>{text}</p></article></body></html>",
        encoding="utf-8",
    )
    markdown = import_file(page, MB).markdown
    assert "![A map of Asia](<page_files/map.png>)" in markdown
    deck = Presentation(str(build(page, tmp_path / "out")))
    pictures = [
        s for slide in deck.slides for s in slide.shapes if s.shape_type == 13
    ]  # MSO_SHAPE_TYPE.PICTURE
    assert pictures


def test_a_markdown_build_loads_no_importer(tmp_path):
    """Adding input formats does not slow a Markdown build: their libraries load only for their kind."""
    import subprocess
    import sys

    probe = (
        "import sys; from lecturekit.cli import main; code = main(['build', sys.argv[1], '--out', sys.argv[2], '-q']);"
        "heavy = [m for m in ('trafilatura', 'mammoth', 'markdownify', 'pdfplumber', 'urllib.request',"
        " 'lecturekit.importers.webpage', 'lecturekit.importers.fetch') if m in sys.modules]; print(code, heavy)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(SEED), str(tmp_path)], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "0 []"


def test_a_pdf_list_ends_where_a_line_stands_left_of_its_bullets():
    markdown = import_file(IMPORTS / "pdf" / "03-jose-good-enough-practices-module.pdf", MB).markdown
    assert "\n\nThe approach is to emphasise a set of shared principles across the episodes:\n\n" in markdown
    assert "- Manuscripts: How do I write a collaborative paper?\n" in markdown


def test_a_pdf_line_broken_at_a_hyphen_joins_its_word_and_keeps_a_hyphen_before_a_word():
    from lecturekit.importers.pdf import _joined

    assert _joined(["the docu-", "mentation of it"]) == "the documentation of it"
    assert (
        _joined(["cio.gov/performance-metrics-", "and-measures/ today"])
        == "cio.gov/performance-metrics-and-measures/ today"
    )
    assert _joined(["a line", "and the next"]) == "a line and the next"
