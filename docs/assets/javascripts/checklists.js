/*
 * Checklists: ticks and fields are kept in this browser only (localStorage), never sent
 * anywhere. "Reset" clears them; "Print blank" prints the checklist without the ticks and the
 * text typed in. Works on every page that holds a <form class="checklist">.
 */
(function () {
  "use strict";
  var PREFIX = "jobcoaching.checklist.";

  function today() {
    var lang = document.documentElement.lang || "fr";
    return new Date().toLocaleDateString(lang, { year: "numeric", month: "long", day: "numeric" });
  }

  function setup(form) {
    var key = PREFIX + form.getAttribute("data-checklist");
    var status = form.querySelector(".checklist__status");
    var say = function (text) { if (status) status.textContent = text; };
    var inputs = form.querySelectorAll("input[type=checkbox], input[type=text]");

    function save() {
      var state = {};
      inputs.forEach(function (input) {
        state[input.name] = input.type === "checkbox" ? input.checked : input.value;
      });
      try {
        localStorage.setItem(key, JSON.stringify(state));
        say(form.getAttribute("data-msg-saved"));
      } catch (e) { /* storage unavailable (private mode): ticking still works */ }
    }

    function restore() {
      var state;
      try { state = JSON.parse(localStorage.getItem(key) || "{}"); } catch (e) { state = {}; }
      inputs.forEach(function (input) {
        if (!(input.name in state)) return;
        if (input.type === "checkbox") input.checked = state[input.name] === true;
        else input.value = String(state[input.name]);
      });
    }

    restore();
    form.addEventListener("change", save);
    form.addEventListener("input", function (event) {
      if (event.target.type === "text") save();
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    var reset = form.querySelector("[data-checklist-reset]");
    if (reset) reset.addEventListener("click", function () {
      if (!window.confirm(form.getAttribute("data-msg-confirm"))) return;
      inputs.forEach(function (input) {
        if (input.type === "checkbox") input.checked = false; else input.value = "";
      });
      try { localStorage.removeItem(key); } catch (e) { /* nothing stored */ }
      say(form.getAttribute("data-msg-cleared"));
    });

    var print = form.querySelector("[data-checklist-print]");
    if (print) print.addEventListener("click", function () { window.print(); });
    var blank = form.querySelector("[data-checklist-print-blank]");
    if (blank) blank.addEventListener("click", function () {
      form.classList.add("checklist--blank");
      window.print();
    });
  }

  function fillDates() {
    document.querySelectorAll("[data-print-date]").forEach(function (el) {
      el.textContent = today();
    });
  }

  window.addEventListener("beforeprint", fillDates);
  window.addEventListener("afterprint", function () {
    document.querySelectorAll(".checklist--blank").forEach(function (form) {
      form.classList.remove("checklist--blank");
    });
  });
  document.querySelectorAll("form.checklist").forEach(setup);
  document.querySelectorAll("[data-print-page]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
  // The printing date is filled just before printing only (beforeprint, above): formatting a
  // first date loads the browser's locale data, 10–20 ms of a phone's start-up otherwise.
})();
