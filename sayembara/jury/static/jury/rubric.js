// Rubric levels beside each score input: tapping a level fills in its middle score; the level matching the
// typed score is highlighted. Works on the sheet page and the live page.
(function () {
  "use strict";
  function mark(fieldset) {
    var input = fieldset.querySelector(".score-input");
    var value = parseFloat((input.value || "").replace(",", "."));
    fieldset.querySelectorAll("button.level").forEach(function (button) {
      var low = parseFloat(button.dataset.low), high = parseFloat(button.dataset.high);
      button.classList.toggle("chosen", !isNaN(value) && value >= low && value <= high);
      button.setAttribute("aria-pressed", button.classList.contains("chosen") ? "true" : "false");
    });
  }
  function setup(root) {
    root.querySelectorAll("fieldset.criterion").forEach(function (fieldset) {
      var input = fieldset.querySelector(".score-input");
      if (!input || input.readOnly) return;
      fieldset.querySelectorAll("button.level").forEach(function (button) {
        button.addEventListener("click", function () {
          var low = parseFloat(button.dataset.low), high = parseFloat(button.dataset.high);
          input.value = String(Math.round((low + high) / 2));
          input.dispatchEvent(new Event("input", { bubbles: true }));
        });
      });
      input.addEventListener("input", function () { mark(fieldset); });
      mark(fieldset);
    });
  }
  window.sayembaraRubric = { setup: setup };
  document.addEventListener("DOMContentLoaded", function () { setup(document); });
})();
