"""The handout as a web page, loaded in headless Chromium: accessible, safe to host, reflowing.

axe-core (vendored in tests/vendor/axe-core) checks every page against the WCAG 2.1 A and AA
rules; the page must give zero violations for the seed, the instructor edition, every fixture
article, the rich-content fixture (pictures, tables, code) and a text in right-to-left scripts.
Chromium and chromedriver come from the system (.ci/run installs Debian's); without them the
tests skip, except in CI, where they must run.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import shutil
from pathlib import Path

import pytest

from lecturekit.options import HandoutOptions
from lecturekit.pipeline.build import Options, build_article

from .helpers import FIXTURES, SEED

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
AXE_SHA256 = "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
ARTICLES = sorted((FIXTURES / "articles").glob("*-*.md"))
PAGES = {
    "seed": (SEED, False),
    "seed-instructor": (SEED, True),
    "rich": (FIXTURES / "rich" / "rich.md", False),
    "languages": (FIXTURES / "rich" / "languages.md", False),
    **{a.stem: (a, False) for a in ARTICLES},
}
HOSTILE = """---
title: Hostile </title><script>alert(1)</script>
---
## Part <img src=x onerror=alert(1)>

A [trap](javascript:alert(1)) and a [fine link](https://example.org) and <iframe src="https://example.org"></iframe>.

<script>alert(2)</script>

![alt with </style> and "quotes" onerror=alert(3)](pic.png)

```html
</style><script>alert(4)</script>
```

> Quoted <b onmouseover=alert(5)>bold</b>.
"""


@pytest.fixture(scope="session")
def browser():
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    driver_path = shutil.which("chromedriver")
    if not chromium or not driver_path:
        if os.environ.get("CI"):
            pytest.fail("Chromium and chromedriver are required in CI: .ci/run installs chromium-driver")
        pytest.skip("Chromium not installed (these tests run in CI)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_script_timeout(120)
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def pages(tmp_path_factory):
    """Build every page once: name -> the .html file."""
    out = tmp_path_factory.mktemp("html")
    built = {}
    for name, (article, instructor) in PAGES.items():
        result = build_article(
            article, Options(out=out / name, handout=HandoutOptions(instructor=instructor))
        )
        built[name] = next(
            p for p in result.outputs if p.name.endswith("instructor.html" if instructor else "handout.html")
        )
    hostile = out / "hostile.md"
    hostile.write_text(HOSTILE, encoding="utf-8")
    (out / "pic.png").write_bytes((FIXTURES / "rich" / "icon.png").read_bytes())
    built["hostile"] = next(
        p for p in build_article(hostile, Options(out=out / "hostile")).outputs if p.suffix == ".html"
    )
    return built


def axe_violations(driver) -> list[dict]:
    source = AXE.read_text(encoding="utf-8")
    assert hashlib.sha256(AXE.read_bytes()).hexdigest() == AXE_SHA256, "the vendored axe-core changed"
    driver.execute_script(source)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
        ".then(r => done(r.passes.length ? r.violations : [{id: 'nothing-checked', help: ''}]),"
        " e => done([{id: 'axe-error', help: String(e)}]));",
        WCAG_AA,
    )
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n.get("html", "")[:120] for n in v.get("nodes", [])][:3]}
        for v in result
    ]


@pytest.mark.parametrize("name", [*PAGES, "hostile"])
def test_axe_finds_no_wcag_21_aa_violation(browser, pages, name):
    browser.get(pages[name].as_uri())
    assert axe_violations(browser) == []


def test_axe_catches_what_it_should(browser, tmp_path):
    """The check can fail: a page with an unlabelled field, a picture without alt text and
    grey-on-white text gets those violations."""
    page = tmp_path / "bad.html"
    page.write_text(
        '<!DOCTYPE html><html lang="en"><head><title>Bad</title></head><body><main><h1>Bad</h1>'
        '<img src="data:image/png;base64,iVBORw0KGgo="><textarea></textarea>'
        '<p style="color:#bbb">faint</p></main></body></html>',
        encoding="utf-8",
    )
    browser.get(page.as_uri())
    found = {v["id"] for v in axe_violations(browser)}
    assert {"image-alt", "label", "color-contrast"} <= found, found


def test_the_page_is_semantic(browser, pages):
    browser.get(pages["rich"].as_uri())
    run = browser.execute_script
    assert run("return document.documentElement.lang") == "en-GB"
    assert run("return document.querySelectorAll('h1').length") == 1
    levels = run("return [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1])")
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), levels  # never a skipped level
    assert run("return document.querySelectorAll('main').length") == 1
    assert run("return document.querySelectorAll('nav a[href^=\"#\"]').length") >= 3
    assert run("return document.querySelectorAll('main section[aria-labelledby]').length") >= 3
    assert run("return document.querySelectorAll('table th[scope=col]').length") >= 3
    assert run("return document.querySelectorAll('pre code span').length") > 10  # highlighted
    alts = run("return [...document.images].map(i => i.getAttribute('alt'))")
    assert "" in alts and any(a and a.startswith("Bar chart") for a in alts)  # decorative and described
    assert run("return [...document.images].every(i => i.src.startsWith('data:image/'))")


def seed_questions() -> tuple:
    from lecturekit.options import Options
    from lecturekit.pipeline.build import plan_article

    return plan_article(SEED, Options()).questions.questions


def test_questions_are_an_ordered_list_with_labelled_answer_boxes(browser, pages):
    browser.get(pages["seed"].as_uri())
    run = browser.execute_script
    items = run(
        "return [...document.querySelectorAll('ol.questions > li')].map(li => li.querySelector('.question').textContent)"
    )
    assert len(items) == len(seed_questions()) >= 3
    assert run(
        "return [...document.querySelectorAll('textarea')].every(t => document.querySelector(`label[for=\"${t.id}\"]`))"
    )
    assert run("return document.querySelectorAll('ol.questions textarea').length") == len(items)
    text = run("return document.body.innerText")
    assert "By the end of this lecture you can:" in text and "A good answer mentions" not in text


def test_it_reflows_at_320_px_with_no_horizontal_scrolling(browser, pages, tmp_path):
    for name in ("seed", "rich", "swc-shell-intro", "languages"):
        browser.get(pages[name].as_uri())
        browser.set_window_size(320, 900)
        inner = browser.execute_script("return window.innerWidth")
        assert inner <= 340, inner  # the window really is that narrow
        assert browser.execute_script("return document.documentElement.scrollWidth") <= inner, name
        browser.save_screenshot(str(tmp_path / f"{name}-320.png"))
        browser.set_window_size(1280, 900)
        browser.save_screenshot(str(tmp_path / f"{name}-1280.png"))
    assert (tmp_path / "rich-320.png").stat().st_size > 10_000


def test_no_script_no_external_request_and_a_policy_that_forbids_scripts(browser, pages):
    for name in ("seed", "rich", "hostile"):
        html = pages[name].read_text(encoding="utf-8")
        assert "<script" not in html.lower() and "<iframe" not in html.lower()
        policy = html.split('http-equiv="Content-Security-Policy" content="')[1].split('"')[0]
        assert "default-src &#39;none&#39;" in policy and "script-src" not in policy
        browser.get(pages[name].as_uri())
        requested = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
        assert all(url.startswith("data:") for url in requested), requested


def test_hostile_content_is_shown_as_text_never_run(browser, pages):
    browser.get(pages["hostile"].as_uri())
    run = browser.execute_script
    assert run("return document.querySelectorAll('script, iframe, b, [onerror], [onmouseover]').length") == 0
    hrefs = run("return [...document.links].map(a => a.getAttribute('href'))")
    assert "https://example.org" in hrefs and not any(h.lower().startswith("javascript") for h in hrefs)
    text = run("return document.body.innerText")
    assert "</style><script>alert(4)</script>" in text  # the code, as written
    assert "<img src=x onerror=alert(1)>" in text  # the heading's raw HTML, as text
    assert run("return document.title").startswith("Hostile </title><script>")
    alts = run("return [...document.images].map(i => i.alt)")
    # The alt text as CommonMark gives it: the plain text of the description, raw HTML left out.
    assert alts == ['alt with  and "quotes" onerror=alert(3)']


def test_printing_gives_a_clean_handout_with_answer_space(browser, pages, tmp_path):
    import base64
    import io

    from pypdf import PdfReader

    browser.get(pages["seed"].as_uri())
    pdf = browser.execute_cdp_cmd("Page.printToPDF", {"printBackground": False, "preferCSSPageSize": True})
    reader = PdfReader(io.BytesIO(base64.b64decode(pdf["data"])))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Discussion questions" in text and "In this handout" not in text  # no on-screen contents
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (595, 842)  # A4, as the article asks
