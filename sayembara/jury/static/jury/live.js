// The room's live scoring page. Scores are kept in the browser (localStorage) from the first keystroke; a
// submitted sheet waits in a queue until the server confirms it. Every submission carries a key made here once,
// so a resend after a dropped connection is recognised by the server and never applied twice.
(function () {
  "use strict";
  var root = document.getElementById("live");
  if (!root) return;
  var d = root.dataset;
  var queueKey = "sayembara-live-queue-" + d.stage + "-" + d.juror;
  var draftPrefix = "sayembara-live-draft-" + d.stage + "-" + d.juror + "-";
  var statusBox = document.getElementById("live-status");
  var cards = Array.prototype.slice.call(root.querySelectorAll(".live-card"));
  var position = document.getElementById("live-position");
  var current = 0;
  var sending = false;

  function load(key, fallback) {
    try { var raw = localStorage.getItem(key); return raw ? JSON.parse(raw) : fallback; } catch (e) { return fallback; }
  }
  function store(key, value) { localStorage.setItem(key, JSON.stringify(value)); }
  function queue() { return load(queueKey, []); }
  function newKey() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  function cardFor(entry) { return root.querySelector('.live-card[data-entry="' + entry + '"]'); }

  function showStatus() {
    var pending = queue().length;
    var offline = !navigator.onLine;
    statusBox.classList.toggle("offline", offline || pending > 0);
    if (offline) statusBox.textContent = d.msgOffline.replace("%s", pending);
    else if (pending) statusBox.textContent = d.msgPending.replace("%s", pending);
    else statusBox.textContent = d.msgOnline;
  }

  function show(index) {
    if (!cards.length) return;
    current = Math.max(0, Math.min(cards.length - 1, index));
    cards.forEach(function (card, i) { card.hidden = i !== current; });
    position.textContent = (current + 1) + " / " + cards.length;
    window.scrollTo(0, 0);
  }

  function collect(form) {
    var values = {}, justifications = {};
    form.querySelectorAll("fieldset.criterion").forEach(function (fs) {
      var id = fs.dataset.criterion;
      values[id] = fs.querySelector(".score-input").value.trim();
      justifications[id] = fs.querySelector("textarea").value;
    });
    return { values: values, justifications: justifications, comment: (form.querySelector("[name=comment]") || {}).value || "" };
  }

  function restoreDraft(card) {
    var form = card.querySelector("form");
    if (!form) return;
    var draft = load(draftPrefix + card.dataset.entry, null);
    if (!draft) return;
    form.querySelectorAll("fieldset.criterion").forEach(function (fs) {
      var id = fs.dataset.criterion;
      if (draft.values[id] !== undefined) fs.querySelector(".score-input").value = draft.values[id];
      if (draft.justifications[id] !== undefined) fs.querySelector("textarea").value = draft.justifications[id];
    });
  }

  function markCard(card, state, text) {
    var note = card.querySelector(".card-state");
    note.textContent = text;
    note.className = "card-state badge " + (state === "sent" ? "ok" : state === "refused" ? "danger" : "warn");
    var form = card.querySelector("form");
    if (form && state !== "refused") {
      form.querySelectorAll("input, textarea, button").forEach(function (el) { el.disabled = true; });
    }
  }

  function validate(card, data) {
    var problems = [];
    card.querySelectorAll("fieldset.criterion").forEach(function (fs) {
      var raw = data.values[fs.dataset.criterion].replace(",", ".");
      var value = parseFloat(raw), low = parseFloat(fs.dataset.min), high = parseFloat(fs.dataset.max);
      var bad = raw === "" || isNaN(value) || value < low || value > high;
      fs.classList.toggle("error", bad);
      if (bad) problems.push(fs.querySelector("h3").firstChild.textContent.trim());
    });
    return problems;
  }

  function flush() {
    showStatus();
    if (sending || !navigator.onLine) return;
    var items = queue();
    if (!items.length) return;
    sending = true;
    var item = items[0];
    fetch(d.syncUrl, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": d.csrf },
      body: JSON.stringify(item)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        var card = cardFor(item.entry);
        if (response.status === 200) {
          if (card) markCard(card, "sent", d.msgSent);
        } else if (response.status === 409 || response.status === 404 || response.status === 400) {
          if (card) markCard(card, "refused", (body && body.message) || d.msgRefused);
        } else {
          throw new Error("retry later");  // 403 (session ended), 5xx: keep it and try again
        }
        store(queueKey, queue().filter(function (q) { return q.key !== item.key; }));
        localStorage.removeItem(draftPrefix + item.entry);
      });
    }).then(function () {
      sending = false;
      flush();
    }, function () {
      sending = false;
      showStatus();
    });
  }

  cards.forEach(function (card) {
    restoreDraft(card);
    var form = card.querySelector("form");
    var waiting = queue().some(function (q) { return String(q.entry) === card.dataset.entry; });
    if (waiting) markCard(card, "waiting", d.msgWaiting);
    if (!form) return;
    form.addEventListener("input", function () {
      store(draftPrefix + card.dataset.entry, collect(form));
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var data = collect(form);
      var problems = validate(card, data);
      var error = card.querySelector(".card-error");
      if (problems.length) { error.textContent = d.msgIncomplete + " " + problems.join(", "); return; }
      error.textContent = "";
      var items = queue();
      if (items.some(function (q) { return String(q.entry) === card.dataset.entry; })) return;
      items.push({ key: newKey(), entry: card.dataset.entry, values: data.values, justifications: data.justifications,
                   comment: data.comment, submit: true });
      store(queueKey, items);
      markCard(card, "waiting", d.msgWaiting);
      flush();
      if (current < cards.length - 1) setTimeout(function () { show(current + 1); }, 400);
    });
  });

  document.getElementById("live-prev").addEventListener("click", function () { show(current - 1); });
  document.getElementById("live-next").addEventListener("click", function () { show(current + 1); });
  window.addEventListener("online", flush);
  window.addEventListener("offline", showStatus);
  setInterval(flush, 10000);
  var firstOpen = cards.findIndex(function (card) { return card.querySelector("form") && !card.querySelector("form [disabled]"); });
  show(firstOpen >= 0 ? firstOpen : 0);
  flush();
})();
