/*
 * Material for MkDocs downloads the search index of the page's language as soon as a page
 * loads — the heaviest part of a first visit, although most readers never search. Hold that
 * one request until the reader shows an intent to search (focus or pointer on the search
 * field, the search toggle, or a search keyboard shortcut); Material shows "initialising
 * search" meanwhile. Loaded before Material's bundle (overrides/main.html).
 */
(function () {
  "use strict";
  var released = false;
  var waiting = [];
  function release() {
    if (released) return;
    released = true;
    waiting.forEach(function (send) { send(); });
    waiting = [];
  }
  function inSearch(target) {
    return target && target.closest && target.closest(".md-search, label[for='__search']");
  }
  document.addEventListener("focusin", function (e) { if (inSearch(e.target)) release(); });
  document.addEventListener("pointerover", function (e) { if (inSearch(e.target)) release(); });
  document.addEventListener("change", function (e) {
    if (e.target && e.target.id === "__search") release();
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "s" || e.key === "f" || e.key === "/") release();
  }, true);

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.__deferSearchIndex = /search\/search_index\.json$/.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this;
    var args = arguments;
    if (xhr.__deferSearchIndex && !released) {
      waiting.push(function () { send.apply(xhr, args); });
      return;
    }
    return send.apply(xhr, args);
  };
})();
