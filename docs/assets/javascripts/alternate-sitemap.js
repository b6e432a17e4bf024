/*
 * Material for MkDocs 9.7+ requests "<href>/sitemap.xml" for every <link rel="alternate"> in the
 * head, expecting each alternate to be a language root. Our alternates are the same page in the
 * other languages (correct hreflang; mkdocs-static-i18n's switcher already links to the same
 * page), so those requests would only produce 404s — or, with absolute URLs, requests to another
 * origin. Send them to an empty sitemap shipped next to this script instead; every other request
 * goes through unchanged. Loaded before Material's bundle (overrides/main.html).
 */
(function () {
  // From file:// (offline bundle) Chromium refuses XHR to files, but accepts data: URLs; on a
  // server, a same-origin file keeps the Content-Security-Policy strict (connect-src 'self').
  var emptySitemap = location.protocol === "file:"
    ? "data:application/xml," + encodeURIComponent(
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>')
    : new URL("../empty-sitemap.xml", document.currentScript.src).href;
  function isAlternateSitemap(url) {
    var links = document.querySelectorAll('link[rel="alternate"][hreflang]');
    for (var i = 0; i < links.length; i++) {
      if (new URL("sitemap.xml", links[i].href).href === url) return true;
    }
    return false;
  }
  var open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    try {
      if (isAlternateSitemap(new URL(String(url), location.href).href)) args[1] = emptySitemap;
    } catch (e) { /* not a URL we handle */ }
    return open.apply(this, args);
  };
})();
