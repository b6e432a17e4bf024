/*
 * Paper from the browser, on every page: a footer on each printed page (site, page, language,
 * version date, address when the site has a public one, printing date — the page numbers come
 * from extra.css), and what was typed printed in full: before printing, each text field gets a
 * plain-text copy that paper shows instead of the field (a field would print as a scroll box
 * that cuts the text). Also "forget everything on this computer": what this site keeps in this
 * browser (checklist ticks and names) is erased, for shared computers.
 */
(function () {
  "use strict";
  var FIELDS = ".worksheet__form textarea, .worksheet__form input[type=text], " +
    "form.checklist input[type=text], form.self-assessment textarea";

  function cssString(text) {
    return '"' + text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\A ") + '"';
  }

  function footer() {
    var source = document.getElementById("paper-trace");
    if (!source) return;
    var lang = document.documentElement.lang || "fr";
    var printed = new Date().toLocaleDateString(lang, { year: "numeric", month: "long", day: "numeric" });
    var text = source.getAttribute("data-trace") + "\n" +
      source.getAttribute("data-printed") + " " + printed;
    document.documentElement.style.setProperty("--paper-trace", cssString(text));
  }

  function mirror(field) {
    var copy = field.nextElementSibling;
    if (!copy || !copy.classList.contains("print-value")) {
      copy = document.createElement("div");
      copy.className = "print-value";
      copy.setAttribute("aria-hidden", "true");
      field.parentNode.insertBefore(copy, field.nextSibling);
    }
    copy.textContent = field.value;
    var lines = Number(field.getAttribute("data-lines") || 0);
    copy.classList.toggle("print-value--lines", lines > 0);
    if (lines > 0) copy.style.minHeight = (lines * 7) + "mm";
  }

  window.addEventListener("beforeprint", function () {
    footer();
    document.querySelectorAll(FIELDS).forEach(mirror);
  });

  document.querySelectorAll("[data-forget-all]").forEach(function (button) {
    button.addEventListener("click", function () {
      if (!window.confirm(button.getAttribute("data-confirm"))) return;
      try { window.localStorage.clear(); } catch (e) { /* storage unavailable */ }
      try { window.sessionStorage.clear(); } catch (e) { /* storage unavailable */ }
      document.querySelectorAll("form").forEach(function (form) { form.reset(); });
      document.querySelectorAll(".checklist__status, [data-forget-status]").forEach(function (el) {
        el.textContent = button.getAttribute("data-done");
      });
    });
  });
})();
