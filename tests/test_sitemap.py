"""scripts.sitemap: x-default follows each French alternate."""

from scripts.sitemap import add_x_default

SITEMAP = """<urlset>
    <url>
        <loc>https://x.org/nl/about/</loc>
        <xhtml:link rel="alternate" hreflang="fr" href="https://x.org/about/"/>
        <xhtml:link rel="alternate" hreflang="nl" href="https://x.org/nl/about/"/>
    </url>
</urlset>
"""


def test_x_default_added_once_per_url():
    result = add_x_default(SITEMAP)
    assert result.count('hreflang="x-default" href="https://x.org/about/"') == 1
    assert result.index('hreflang="fr"') < result.index('hreflang="x-default"') \
        < result.index('hreflang="nl"')
    assert add_x_default(result) == result
