/* The proposal form: live word counters, autosave, and a copy in the browser so no typed text is lost
   (an expired login, a lost connection, a closed tab). Works without it: the form posts normally. */
(function () {
  "use strict";
  // The messages, translated, sit in data-attributes of #entry-text (edit.html): no inline script.
  var holder = document.getElementById("entry-text");
  var T = holder ? holder.dataset : {};
  function fmt(s, v) { return s.replace(/\{(\w+)\}/g, function (_, k) { return v[k]; }); }
  // Same rule as the server (services.count_words): runs of non-space characters.
  function words(text) { var t = text.trim(); return t ? t.split(/\s+/).length : 0; }

  document.querySelectorAll("form[data-once]").forEach(function (form) {
    form.addEventListener("submit", function () {
      // A double click sends once; the server also ignores a repeated send.
      setTimeout(function () { form.querySelectorAll("button[type=submit]").forEach(function (b) { b.disabled = true; }); }, 0);
    });
  });

  var form = document.getElementById("proposal-form");
  if (!form) return;
  var statusEl = document.getElementById("save-status");
  var key = "sayembara-entry-" + form.dataset.entry;
  var versionInput = form.querySelector("input[name=version]");
  var timer = null, saving = false, blocked = false;

  function setStatus(text, problem) { statusEl.textContent = text; statusEl.classList.toggle("problem", !!problem); }

  function updateCounter(area) {
    var limit = parseInt(area.dataset.wordLimit, 10), n = words(area.value);
    var counter = document.querySelector('[data-counter-for="' + area.id + '"]');
    if (!counter) return;
    var over = n > limit;
    counter.textContent = over ? fmt(T.over, {n: n, limit: limit, over: n - limit}) : fmt(T.words, {n: n, limit: limit});
    counter.classList.toggle("over", over);
    area.setAttribute("aria-invalid", over ? "true" : "false");
  }
  var areas = form.querySelectorAll("textarea[data-word-limit]");
  areas.forEach(function (a) { updateCounter(a); a.addEventListener("input", function () { updateCounter(a); }); });

  var spbe = document.getElementById("spbe");
  function toggleSpbe() {
    var yes = form.querySelector("input[name=is_application][value='1']");
    if (spbe && yes) spbe.hidden = !yes.checked;
  }
  form.querySelectorAll("input[name=is_application]").forEach(function (r) { r.addEventListener("change", toggleSpbe); });
  toggleSpbe();

  function fields() {
    var data = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.type === "hidden" || el.type === "submit") return;
      if (el.type === "checkbox" || el.type === "radio") { if (el.checked) (data[el.name] = data[el.name] || []).push(el.value); }
      else data[el.name] = el.value;
    });
    return data;
  }
  function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }
  function keepLocal() {
    try { localStorage.setItem(key, JSON.stringify({version: versionInput.value, fields: fields(), at: Date.now()})); } catch (e) { /* full or private mode */ }
  }
  function restore(saved) {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || !(el.name in saved.fields) && el.type !== "checkbox" && el.type !== "radio") return;
      var v = saved.fields[el.name];
      if (el.type === "checkbox" || el.type === "radio") el.checked = (v || []).indexOf(el.value) !== -1;
      else if (el.type !== "hidden") el.value = v;
    });
    // Keep the version the text was written against, so that a save over someone else's newer save is told.
    versionInput.value = saved.version;
    areas.forEach(updateCounter); toggleSpbe();
    setStatus(T.restored, true);
  }

  try {
    var saved = JSON.parse(localStorage.getItem(key) || "null");
    if (saved && saved.fields) {
      if (same(saved.fields, fields())) localStorage.removeItem(key); else restore(saved);
    }
  } catch (e) { localStorage.removeItem(key); }

  // A section over its word limit is saved all the same; the server says which ones must be shortened before sending.
  function showWarnings(warnings) {
    form.querySelectorAll("[data-warning-for]").forEach(function (el) {
      var text = warnings[el.dataset.warningFor] || "";
      el.textContent = text; el.hidden = !text;
    });
  }

  function autosave() {
    if (saving || blocked) return;
    saving = true; setStatus(T.saving);
    var body = new FormData(form);
    fetch(form.dataset.autosaveUrl, {method: "POST", body: body, credentials: "same-origin",
      headers: {"X-Autosave": "1", "X-Requested-With": "XMLHttpRequest"}})
      .then(function (r) {
        var json = (r.headers.get("Content-Type") || "").indexOf("application/json") !== -1;
        if (r.redirected || !json) { setStatus(T.expired, true); return null; }
        return r.json().then(function (data) { return {status: r.status, data: data}; });
      })
      .then(function (result) {
        if (!result) return;
        if (result.data.ok) {
          showWarnings(result.data.warnings || {});
          var checklist = document.getElementById("entry-checklist");
          if (checklist && result.data.checklist) checklist.innerHTML = result.data.checklist;
          versionInput.value = result.data.version;
          var f = form.querySelector("input[name=force]"); if (f) f.value = "";
          localStorage.removeItem(key); setStatus(result.data.message);
        } else {
          if (result.data.conflict) blocked = true;
          setStatus(result.data.message, true);
        }
      })
      .catch(function () { setStatus(T.offline, true); })
      .finally(function () { saving = false; });
  }

  form.addEventListener("input", function () {
    keepLocal(); setStatus(T.unsaved);
    clearTimeout(timer); timer = setTimeout(autosave, 4000);
  });
  form.addEventListener("change", function () { keepLocal(); });
  form.addEventListener("submit", function () { clearTimeout(timer); keepLocal(); });
  window.addEventListener("online", function () { if (localStorage.getItem(key)) autosave(); });
})();
