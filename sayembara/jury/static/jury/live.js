// The room's live scoring page. Scores are kept in the browser (localStorage) from the first keystroke; a
// submitted sheet waits in a queue until the server confirms it. Every submission carries a key made here once,
// so a resend after a dropped connection is recognised by the server and never applied twice, and the version of
// the sheet it was made from, so a change made meanwhile on another device is merged or, when both changed the same
// criterion, refused (409) without losing anything: the juror's scores stay on this device and in the form.
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
  function sendable() { return queue().filter(function (q) { return !q.held; }); }
  function newKey() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  function cardFor(entry) { return root.querySelector('.live-card[data-entry="' + entry + '"]'); }

  function showStatus() {
    var pending = sendable().length;
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
    // No comment field on this page: none is sent, so a comment written on the sheet page stays as it is.
    var comment = form.querySelector("[name=comment]");
    return { values: values, justifications: justifications, comment: comment ? comment.value : undefined };
  }

  // What the server held when this page (or the last answer) showed the sheet: the base of the merge.
  function original(card) {
    var pairs = {};
    card.querySelectorAll("fieldset.criterion").forEach(function (fs) {
      var id = fs.dataset.criterion;
      pairs[id] = [fs.querySelector('input[name="orig_' + id + '"]').value, fs.querySelector('input[name="origj_' + id + '"]').value];
    });
    return pairs;
  }

  // The server's stored sheet becomes the new base: its version and, per criterion, its score and justification.
  function rebase(card, body) {
    if (body.version !== undefined) card.dataset.version = body.version;
    if (!body.values) return;
    card.querySelectorAll("fieldset.criterion").forEach(function (fs) {
      var id = fs.dataset.criterion, pair = body.values[id] || ["", ""];
      fs.querySelector('input[name="orig_' + id + '"]').value = pair[0];
      fs.querySelector('input[name="origj_' + id + '"]').value = pair[1];
    });
  }

  // After a conflict: beside each criterion whose stored score differs from the juror's, show the stored one.
  function showTheirs(card, body) {
    card.querySelectorAll("fieldset.criterion").forEach(function (fs) {
      var id = fs.dataset.criterion, pair = (body.values || {})[id] || ["", ""];
      var mine = fs.querySelector(".score-input").value.trim().replace(",", ".");
      var note = fs.querySelector(".live-theirs");
      var differs = pair[0] !== "" && pair[0] !== mine;
      fs.classList.toggle("error", differs);
      if (!differs) { if (note) note.remove(); return; }
      if (!note) {
        note = document.createElement("p");
        note.className = "live-theirs muted";
        fs.querySelector(".score-row").after(note);
      }
      note.textContent = d.msgTheirs.replace("%s", pair[0]);
    });
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
    note.className = "card-state badge " + (state === "sent" ? "ok" : state === "refused" || state === "conflict" ? "danger" : "warn");
    var form = card.querySelector("form");
    if (form) {
      var locked = state === "sent" || state === "waiting";
      form.querySelectorAll("input, textarea, button").forEach(function (el) { el.disabled = locked; });
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

  function replaceItem(item, changes) {
    store(queueKey, queue().map(function (q) { return q.key === item.key ? Object.assign({}, q, changes) : q; }));
  }

  function flush() {
    showStatus();
    if (sending || !navigator.onLine) return;
    var items = sendable();
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
          if (card) { rebase(card, body); markCard(card, "sent", d.msgSent); }
          store(queueKey, queue().filter(function (q) { return q.key !== item.key; }));
          localStorage.removeItem(draftPrefix + item.entry);
        } else if (response.status === 409 && body && body.status === "conflict") {
          // Changed on another device, on a criterion changed here too: nothing was applied. Keep the scores here
          // (held, not resent on its own), take the stored sheet as the new base, and let the juror decide.
          replaceItem(item, { held: true });
          if (card) {
            rebase(card, body);
            showTheirs(card, body);
            markCard(card, "conflict", d.msgConflict);
            var error = card.querySelector(".card-error");
            if (error) error.textContent = d.msgConflict + " " + (body.message || "");
          }
        } else if (response.status === 409 || response.status === 404 || response.status === 400) {
          // Refused for good (sheet locked, stage closed, entry no longer yours): the scores stay in the form.
          if (card) markCard(card, "refused", (body && body.message) || d.msgRefused);
          store(queueKey, queue().filter(function (q) { return q.key !== item.key; }));
        } else {
          throw new Error("retry later");  // 403 (session ended), 5xx: keep it and try again
        }
      });
    }).then(function () {
      sending = false;
      flush();
    }, function () {
      sending = false;
      showStatus();
    });
  }

  // Items queued by an earlier version of this page carry no sheet version: they were made from what the page
  // showed, so they take the version and scores this page was served with.
  store(queueKey, queue().map(function (q) {
    if (q.version !== undefined) return q;
    var card = cardFor(q.entry);
    return card ? Object.assign({}, q, { version: Number(card.dataset.version || 0), original: original(card) }) : q;
  }));

  cards.forEach(function (card) {
    restoreDraft(card);
    var form = card.querySelector("form");
    var waiting = queue().filter(function (q) { return String(q.entry) === card.dataset.entry; })[0];
    if (waiting && waiting.held) markCard(card, "conflict", d.msgConflict);
    else if (waiting) markCard(card, "waiting", d.msgWaiting);
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
      card.querySelectorAll(".live-theirs").forEach(function (note) { note.remove(); });
      // A held submission of this card is replaced by this one, made from the sheet the server last showed.
      var items = queue().filter(function (q) { return !(q.held && String(q.entry) === card.dataset.entry); });
      if (items.some(function (q) { return String(q.entry) === card.dataset.entry; })) return;
      store(draftPrefix + card.dataset.entry, data);
      items.push({ key: newKey(), entry: card.dataset.entry, version: Number(card.dataset.version || 0),
                   original: original(card), values: data.values, justifications: data.justifications,
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
