// The home page's bar chart of proposals per year, from the JSON the page carries (#trend-data)
// and the series name on the canvas (data-label).
(function () {
  "use strict";
  const source = document.getElementById("trend-data");
  const canvas = document.getElementById("trend-chart");
  if (!source || !canvas || typeof Chart === "undefined") return;
  const rows = JSON.parse(source.textContent);
  new Chart(canvas, {
    type: "bar",
    data: { labels: rows.map(r => r.year), datasets: [{ label: canvas.dataset.label, data: rows.map(r => r.n), backgroundColor: "#0b5d4b" }] },
    options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
  });
})();
