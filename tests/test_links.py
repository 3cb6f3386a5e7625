"""One link policy for every output (lecturekit.layout.links), and every output keeps to it."""

from __future__ import annotations

import pytest

from lecturekit.layout.links import followable


@pytest.mark.parametrize(
    ("href", "anywhere", "on_the_web_page"),
    [
        ("https://example.org/a?b=c", True, True),
        ("http://example.org", True, True),
        ("mailto:course@example.org", True, True),
        ("HTTPS://EXAMPLE.ORG", True, True),
        ("notes/week2.html", False, True),  # relative: only a page has somewhere to resolve it from
        ("#outcomes", False, True),
        ("javascript:alert(1)", False, False),
        ("JavaScript:alert(1)", False, False),
        ("data:text/html,<script>x</script>", False, False),
        ("file:///etc/passwd", False, False),
        ("ftp://example.org/file", False, False),
        ("//evil.example/x", False, False),  # protocol-relative: another host
        ("java\tscript:alert(1)", False, False),  # a control character browsers would skip
        ("http://[::1", False, False),  # unparsable
        ("", False, False),
    ],
)
def test_only_http_https_and_mailto_are_followed_and_relative_links_only_on_the_page(
    href, anywhere, on_the_web_page
):
    assert followable(href) is anywhere
    assert followable(href, relative=True) is on_the_web_page
