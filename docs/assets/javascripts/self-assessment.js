/*
 * Self-assessment: averages per dimension and overall, computed in the browser from the
 * answers given (unanswered items are left out and counted), and the plan: the weakest items
 * (three, up to five when scores tie) with the tools that help raise them. Nothing is stored
 * or sent.
 */
(function () {
  "use strict";
  document.querySelectorAll("form.self-assessment").forEach(function (form) {
    var lang = document.documentElement.lang || "fr";
    var plan = document.querySelector(".sa-plan");
    function format(value) {
      return value.toLocaleString(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    }
    function show(row, sum, answered, total) {
      row.querySelector(".sa-score").textContent = answered ? format(sum / answered) : "—";
      row.querySelector(".sa-answered").textContent = answered + " / " + total;
    }
    function showPlan(scores) {
      if (!plan) return;
      var min = Number(plan.getAttribute("data-plan-min"));
      var max = Number(plan.getAttribute("data-plan-max"));
      var ranked = scores.slice().sort(function (a, b) { return a.score - b.score || a.order - b.order; });
      var chosen = ranked.slice(0, min);
      while (chosen.length < max && chosen.length < ranked.length &&
             ranked[chosen.length].score === chosen[chosen.length - 1].score) {
        chosen.push(ranked[chosen.length]);
      }
      var list = plan.querySelector(".sa-plan__list");
      list.querySelectorAll("[data-plan-item]").forEach(function (li) { li.hidden = true; });
      chosen.forEach(function (entry) {
        var li = list.querySelector('[data-plan-item="' + entry.id + '"]');
        li.querySelector("[data-plan-score]").textContent = String(entry.score);
        li.hidden = false;
        list.appendChild(li);  // in the order of the plan
      });
      plan.querySelector(".sa-plan__empty").hidden = chosen.length > 0;
    }
    function update() {
      var allSum = 0, allAnswered = 0, allTotal = 0, scores = [];
      form.querySelectorAll(".sa-dimension").forEach(function (dimension) {
        var sum = 0, answered = 0;
        var items = dimension.querySelectorAll(".sa-item");
        items.forEach(function (item) {
          var checked = item.querySelector("input:checked");
          if (checked) {
            sum += Number(checked.value); answered += 1;
            scores.push({ id: item.getAttribute("data-item"), score: Number(checked.value),
                          order: scores.length });
          }
        });
        var row = form.querySelector('[data-result="' + dimension.dataset.dimension + '"]');
        show(row, sum, answered, items.length);
        allSum += sum; allAnswered += answered; allTotal += items.length;
      });
      show(form.querySelector('[data-result="overall"]'), allSum, allAnswered, allTotal);
      showPlan(scores);
    }
    form.addEventListener("change", update);
    form.addEventListener("reset", function () { window.setTimeout(update, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    update();
  });
})();
