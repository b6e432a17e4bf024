/*
 * Self-assessment: averages per dimension and overall, computed in the browser from the
 * answers given (unanswered items are left out and counted). Nothing is stored or sent.
 */
(function () {
  "use strict";
  document.querySelectorAll("form.self-assessment").forEach(function (form) {
    var lang = document.documentElement.lang || "fr";
    function format(value) {
      return value.toLocaleString(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    }
    function show(row, sum, answered, total) {
      row.querySelector(".sa-score").textContent = answered ? format(sum / answered) : "—";
      row.querySelector(".sa-answered").textContent = answered + " / " + total;
    }
    function update() {
      var allSum = 0, allAnswered = 0, allTotal = 0;
      form.querySelectorAll(".sa-dimension").forEach(function (dimension) {
        var sum = 0, answered = 0;
        var items = dimension.querySelectorAll(".sa-item");
        items.forEach(function (item) {
          var checked = item.querySelector("input:checked");
          if (checked) { sum += Number(checked.value); answered += 1; }
        });
        var row = form.querySelector('[data-result="' + dimension.dataset.dimension + '"]');
        show(row, sum, answered, items.length);
        allSum += sum; allAnswered += answered; allTotal += items.length;
      });
      show(form.querySelector('[data-result="overall"]'), allSum, allAnswered, allTotal);
    }
    form.addEventListener("change", update);
    form.addEventListener("reset", function () { window.setTimeout(update, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    update();
  });
})();
