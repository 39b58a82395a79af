// Draws the insights charts from the JSON the page carries; the same numbers are in the tables beside them.
(function () {
  "use strict";
  const source = document.getElementById("insights-data");
  if (!source || typeof Chart === "undefined") return;
  const data = JSON.parse(source.textContent);
  const labels = JSON.parse(document.getElementById("insights-labels").textContent);
  const palette = ["#0b5d4b", "#d08a1c", "#3a6fb0", "#a23b3b", "#6b4fa0", "#2f8f83", "#8a8a2e", "#555"];
  const integerAxis = { beginAtZero: true, ticks: { precision: 0 } };
  function draw(id, config) {
    const canvas = document.getElementById(id);
    if (canvas) new Chart(canvas, Object.assign({ options: {} }, config));
  }
  draw("chart-by-type", {
    type: "bar",
    data: {
      labels: data.years,
      datasets: data.byType.labels.map((label, i) => ({ label: label, data: data.byType.rows.map(r => r[i]), backgroundColor: palette[i % palette.length] })),
    },
    options: { maintainAspectRatio: false, scales: { x: { stacked: true }, y: Object.assign({ stacked: true }, integerAxis) } },
  });
  draw("chart-funnel", {
    type: "bar",
    data: {
      labels: data.funnel.labels,
      datasets: data.years.map((year, i) => ({ label: String(year), data: data.funnel.rows[i], backgroundColor: palette[i % palette.length] })),
    },
    options: { maintainAspectRatio: false, scales: { y: integerAxis } },
  });
  draw("chart-coverage", {
    type: "bar",
    data: {
      labels: data.coverage.labels,
      datasets: [
        { label: labels.tookPart, data: data.coverage.tookPart, backgroundColor: palette[0] },
        { label: labels.dropped, data: data.coverage.dropped, backgroundColor: palette[3] },
        { label: labels.never, data: data.coverage.never, backgroundColor: "#bbb" },
      ],
    },
    options: { indexAxis: "y", maintainAspectRatio: false, scales: { x: Object.assign({ stacked: true }, integerAxis), y: { stacked: true } } },
  });
  draw("chart-categories", {
    type: "bar",
    data: {
      labels: data.years,
      datasets: data.categories.labels.map((label, i) => ({ label: label, data: data.categories.rows.map(r => r[i]), backgroundColor: palette[i % palette.length] })),
    },
    options: { maintainAspectRatio: false, scales: { x: { stacked: true }, y: Object.assign({ stacked: true }, integerAxis) } },
  });
  const scores = document.getElementById("scores-data");
  if (scores) {
    const s = JSON.parse(scores.textContent);
    draw("chart-scores", {
      type: "line",
      data: { labels: s.buckets, datasets: s.series.map((row, i) => ({ label: row.label, data: row.data, borderColor: palette[i % palette.length], fill: false, tension: 0.2 })) },
      options: { maintainAspectRatio: false, scales: { y: integerAxis } },
    });
  }
})();
