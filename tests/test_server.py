"""The production web server configuration (deploy/nginx.conf): headers, compression, caching,
a Content-Security-Policy that allows every inline script of the built site and nothing else."""

from __future__ import annotations

import base64
import gzip
import hashlib
import re
import urllib.request

import pytest

from tests.conftest import ROOT

CONF = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
CSP = re.search(r'add_header Content-Security-Policy "([^"]+)"', CONF)[1]


def _directives(csp: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in csp.split(";") if part.strip()}


def test_csp_allows_no_other_origin():
    for name, sources in _directives(CSP).items():
        for source in sources:
            assert source in ("'self'", "'none'", "data:") or source.startswith("'sha256-"), \
                f"{name} allows {source}"
    assert "'unsafe-inline'" not in CSP and "'unsafe-eval'" not in CSP


def test_every_inline_script_is_allowed_by_hash(site):
    allowed = {s[len("'sha256-"):-1] for s in _directives(CSP)["script-src"]
               if s.startswith("'sha256-")}
    found = {}
    for page in site.pages():
        html = (site.dir / page).read_text(encoding="utf-8")
        for body in re.findall(r"<script>(.*?)</script>", html, re.S):
            digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
            found.setdefault(digest, page)
    missing = {d: str(p) for d, p in found.items() if d not in allowed}
    assert not missing, f"inline scripts not allowed by deploy/nginx.conf: {missing}"
    assert not allowed - set(found), "deploy/nginx.conf allows hashes no page uses"


def test_no_inline_style_attribute(site):
    offenders = [str(p) for p in site.pages()
                 if re.search(r"<[a-z][^>]*\sstyle=", (site.dir / p).read_text(encoding="utf-8"))]
    assert not offenders, f"style attributes (blocked by style-src 'self'): {offenders[:5]}"


def _get(url: str, gzip_ok: bool = True):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    try:
        return urllib.request.urlopen(request, timeout=10)
    except urllib.error.HTTPError as error:
        return error


@pytest.fixture()
def nginx(site):
    if site.server != "nginx":
        pytest.skip("nginx is not installed here (CI installs it: .ci/run)")
    return site


def test_security_headers_on_pages_assets_and_errors(nginx):
    for path in ["", "nl/method/p3-job-search/", "assets/stylesheets/extra.css",
                 "pdf/checklists/p1-project.fr.pdf", "de/nothing-here/"]:
        response = _get(nginx.url + path)
        headers = response.headers
        assert headers["Content-Security-Policy"] == CSP, path
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "no-referrer"
        assert "camera=()" in headers["Permissions-Policy"]


def test_compression_and_caching(nginx):
    page = _get(nginx.url + "nl/about/")
    assert page.headers["Content-Encoding"] == "gzip"
    assert b'lang="nl"' in gzip.decompress(page.read())
    assert page.headers["Cache-Control"] == "max-age=300"
    bundle = next((nginx.dir / "assets" / "javascripts").glob("bundle.*.min.js")).name
    asset = _get(nginx.url + f"assets/javascripts/{bundle}")
    assert asset.headers["Cache-Control"] == "max-age=31536000"
    own = _get(nginx.url + "assets/javascripts/site.js")
    assert own.headers["Cache-Control"] == "max-age=3600"


def test_unknown_addresses_get_the_404_page_of_their_language(nginx):
    for prefix, lang in [("", "fr"), ("nl/", "nl"), ("de/", "de")]:
        response = _get(nginx.url + prefix + "no/such/page/", gzip_ok=False)
        assert response.status == 404
        assert f'<html lang="{lang}"'.encode() in response.read()
