/*
 * Material for MkDocs' bundle starts after the page's first paint. Its start-up reads the
 * scroll position, which makes the browser lay out the whole page inside the bundle's own
 * task; on a long page (a phase page on a phone) that task, with the mounting of Material's
 * components, blocked the main thread for over 100 ms. Started after the first paint, the
 * page is already laid out when it runs, and the mounting comes in a task of its own: the
 * reader sees the text sooner and no task is long. Nothing the reader needs waits for it —
 * navigation, checklists and forms work without it; search, the table-of-contents follow and
 * the back-to-top button appear a moment later.
 *
 * The template (overrides/main.html) leaves Material's script tags inert, their address in
 * data-after-paint-src. They are started here, in document order, then told the page is ready:
 * Material waits for DOMContentLoaded, which has passed by then, so it is announced again.
 * The site's other scripts (this file's neighbours in site.js) do not listen for that event.
 */
(function () {
  "use strict";
  // Material's drawer and search toggles start closed. Firefox restores a checkbox's state
  // after a reload; Material's template prevented that with autocomplete="off", which HTML
  // does not allow on a checkbox (overrides/base.html). This file runs once the page is
  // parsed, after any such restoring (Material, once started, closes both as well).
  ["__drawer", "__search"].forEach(function (id) {
    var toggle = document.getElementById(id);
    if (toggle) toggle.checked = false;
  });
  function start() {
    var inert = document.querySelectorAll("script[data-after-paint-src]");
    var left = inert.length;
    function announce() { document.dispatchEvent(new Event("DOMContentLoaded")); }
    function done() {
      left -= 1;
      // In a task of its own: Material's start-up and the mounting of its components that
      // this event sets off would otherwise make one long task with the bundle's evaluation.
      if (left === 0) window.setTimeout(announce, 0);
    }
    Array.prototype.forEach.call(inert, function (placeholder) {
      var script = document.createElement("script");
      script.src = placeholder.getAttribute("data-after-paint-src");
      script.async = false;  // run in document order, like the deferred scripts they replace
      script.onload = done;
      script.onerror = done;
      placeholder.replaceWith(script);
    });
  }
  function afterFirstPaint(callback) {
    var types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
    if (types.indexOf("paint") < 0) {  // no paint timing: the frame after the next one
      window.requestAnimationFrame(function () { window.setTimeout(callback, 0); });
      return;
    }
    var observer = new PerformanceObserver(function () {
      observer.disconnect();
      callback();
    });
    observer.observe({ type: "paint", buffered: true });  // buffered: if it has painted already
  }
  document.addEventListener("DOMContentLoaded", function () { afterFirstPaint(start); },
    { once: true });
})();
