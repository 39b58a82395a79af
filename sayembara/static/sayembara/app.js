/* Small behaviours shared by every page, driven by data-attributes instead of inline handlers
   (the Content-Security-Policy forbids inline scripts). Listeners sit on the document, so they
   also work for content that htmx swaps in.

   data-confirm="Question?"   on a form (submit) or a button/link (click): ask first, stop if refused
   data-autosubmit            on a select: send its form when the choice changes
   data-busy                  on a form: on submit, disable its buttons and show its [data-busy-note]
   data-print                 on a button: print the page
   data-select-all            on an input: select its text when clicked
   data-copy-from="id"        on a button: copy the value of the element with that id
   data-deadline="ISO date"   a live countdown; data-days and data-closed hold the words
   data-upload-refusal        inside an htmx target: where a 413 answer (body too large, refused by the
                              server before reading it) is shown, instead of htmx dropping error answers
   .table-wrap                a table too wide for the screen scrolls sideways: while it does, it is a
                              focusable, named region (tabindex="0", role="region", aria-label from the
                              nearest heading, or the body's data-table-label) so the keyboard can scroll it */
(function () {
  "use strict";

  // Capture phase: a refused confirmation stops the event before any other listener (e.g. data-once).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.matches("form[data-confirm]") && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target.closest("[data-confirm]:not(form), [data-print], [data-select-all], [data-copy-from]") : null;
    if (!target) return;
    if (target.matches("[data-confirm]") && !window.confirm(target.dataset.confirm)) {
      event.preventDefault();
      event.stopImmediatePropagation();
      return;
    }
    if (target.matches("[data-print]")) {
      window.print();
    } else if (target.matches("[data-select-all]")) {
      target.select();
    } else if (target.matches("[data-copy-from]")) {
      var source = document.getElementById(target.dataset.copyFrom);
      if (source && navigator.clipboard) navigator.clipboard.writeText(source.value);
    }
  }, true);

  document.addEventListener("change", function (event) {
    var select = event.target;
    if (!select.matches || !select.matches("[data-autosubmit]") || !select.form) return;
    if (select.form.requestSubmit) select.form.requestSubmit(); else select.form.submit();
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (event.defaultPrevented || !form.matches("form[data-busy]")) return;
    // After this tick, so that the pressed button's own name and value are still sent.
    setTimeout(function () {
      form.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
      form.querySelectorAll("[data-busy-note]").forEach(function (note) { note.hidden = false; });
    }, 0);
  });

  document.addEventListener("htmx:beforeSwap", function (event) {
    var detail = event.detail;
    if (!detail || !detail.xhr || detail.xhr.status !== 413 || !detail.target || !detail.target.querySelector) return;
    var box = detail.target.querySelector("[data-upload-refusal]");
    if (!box) return;
    detail.shouldSwap = true;
    detail.isError = false;
    detail.target = box;
    detail.swapOverride = "innerHTML";
  });

  function countdown(box) {
    var end = new Date(box.dataset.deadline).getTime();
    if (isNaN(end)) return;
    function pad(n) { return String(n).padStart(2, "0"); }
    function tick() {
      var left = Math.max(0, Math.floor((end - Date.now()) / 1000));
      if (left === 0) { box.textContent = box.dataset.closed; return; }
      var d = Math.floor(left / 86400); left %= 86400;
      var h = Math.floor(left / 3600); left %= 3600;
      var m = Math.floor(left / 60), s = left % 60;
      box.textContent = d + " " + box.dataset.days + " " + pad(h) + ":" + pad(m) + ":" + pad(s);
      setTimeout(tick, 1000);
    }
    tick();
  }

  function tableLabel(wrap) {
    var table = wrap.querySelector("table");
    var caption = table && table.querySelector("caption");
    if (caption) return caption.textContent.trim();
    var section = wrap.closest("section, .card, main");
    var heading = section && section.querySelector("h1, h2, h3");
    var label = heading ? heading.textContent.replace(/\s+/g, " ").trim() : "";
    return label || document.body.dataset.tableLabel || "";
  }

  function scrollableTables() {
    document.querySelectorAll(".table-wrap").forEach(function (wrap) {
      if (wrap.dataset.staticRegion === undefined) wrap.dataset.staticRegion = wrap.hasAttribute("tabindex") ? "1" : "0";
      if (wrap.dataset.staticRegion === "1") return;  // the template made it a region already
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        if (!wrap.hasAttribute("aria-label")) wrap.setAttribute("aria-label", tableLabel(wrap));
      } else if (wrap.getAttribute("tabindex") === "0") {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    });
  }

  function start() {
    document.querySelectorAll("[data-deadline]").forEach(countdown);
    scrollableTables();
    var pending = null;
    window.addEventListener("resize", function () { clearTimeout(pending); pending = setTimeout(scrollableTables, 150); });
    document.addEventListener("htmx:afterSettle", scrollableTables);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
