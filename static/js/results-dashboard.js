// Draws the dashboard's charts with Chart.js from the data the page embeds (already masked).
// Without JavaScript, or without Chart.js, the tables beside each chart are the page.
(function () {
  "use strict";
  if (typeof window.Chart === "undefined") return;
  document.querySelectorAll("[data-results-chart]").forEach(function (figure) {
    var source = document.getElementById(figure.dataset.resultsChart);
    var canvas = figure.querySelector("canvas");
    if (!source || !canvas) return;
    var chart = JSON.parse(source.textContent);
    figure.hidden = false;
    new window.Chart(canvas, {
      type: chart.type,
      data: {
        labels: chart.labels,
        datasets: chart.datasets.map(function (set) {
          return { label: set.label, data: set.data, spanGaps: false };
        }),
      },
      options: {
        responsive: true,
        animation: false,
        plugins: { title: { display: true, text: chart.title } },
        scales: { y: { beginAtZero: true } },
      },
    });
  });
})();
