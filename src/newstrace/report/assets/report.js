/* newstrace report and web UI: tooltips on quotes and claims, speaker focus, evidence links. No dependencies. */
(function () {
  "use strict";
  var tip = document.createElement("div");
  tip.id = "nt-tip";
  tip.setAttribute("role", "tooltip");
  document.body.appendChild(tip);

  function add(label, value) {
    if (!value) return;
    var row = document.createElement("div");
    var b = document.createElement("b");
    b.textContent = label + ": ";
    row.appendChild(b);
    row.appendChild(document.createTextNode(value));
    tip.appendChild(row);
  }
  function show(el, ev) {
    tip.textContent = "";
    var claim = el.closest(".claim");
    var quote = el.closest(".q");
    if (quote) {
      add("speaker", quote.dataset.speaker);
      add("cue", quote.dataset.cue);
      add("kind", quote.dataset.kind);
    }
    if (claim) {
      add("claim score", claim.dataset.score);
      add("checks", claim.dataset.checks);
    }
    if (!tip.firstChild) return;
    tip.style.display = "block";
    move(ev);
  }
  function move(ev) {
    var x = Math.min(ev.clientX + 14, window.innerWidth - tip.offsetWidth - 8);
    tip.style.left = x + "px";
    tip.style.top = (ev.clientY + 16) + "px";
  }
  document.addEventListener("mouseover", function (ev) {
    var el = ev.target.closest && ev.target.closest(".q, .claim");
    if (el) show(el, ev); else tip.style.display = "none";
  });
  document.addEventListener("mousemove", function (ev) { if (tip.style.display === "block") move(ev); });
  /* Keyboard: a focused highlight shows the same details under it. */
  document.addEventListener("focusin", function (ev) {
    var el = ev.target.closest && ev.target.closest(".q, .claim");
    if (!el) { tip.style.display = "none"; return; }
    var box = ev.target.getBoundingClientRect();
    show(el, {clientX: box.left, clientY: box.bottom});
  });
  document.addEventListener("focusout", function () { tip.style.display = "none"; });
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") tip.style.display = "none"; });

  /* Clicking a speaker card dims every quote but theirs; clicking again clears it. */
  function focusSpeaker(card) {
    var article = card.closest(".nt-article") || document.body;
    var on = !card.classList.contains("focus");
    article.querySelectorAll("li.speaker.focus, .q.focus").forEach(function (x) { x.classList.remove("focus"); });
    article.querySelectorAll("li.speaker button.only-speaker").forEach(function (x) { x.setAttribute("aria-pressed", "false"); });
    article.classList.toggle("dim", on);
    if (!on) return;
    card.classList.add("focus");
    var button = card.querySelector("button.only-speaker");
    if (button) button.setAttribute("aria-pressed", "true");
    article.querySelectorAll('.q[data-speaker-id="' + CSS.escape(card.dataset.speakerId) + '"]')
      .forEach(function (q) { q.classList.add("focus"); });
  }
  document.addEventListener("click", function (ev) {
    var card = ev.target.closest && ev.target.closest("li.speaker");
    if (card && !ev.target.closest("a")) focusSpeaker(card);
  });

  /* In-page links to spans inside collapsed boilerplate open it, then flash the target. */
  function reveal(id) {
    var target = id && document.getElementById(id);
    if (!target) return;
    for (var d = target.closest("details"); d; d = d.parentElement && d.parentElement.closest("details")) d.open = true;
    target.scrollIntoView({block: "center"});
    target.classList.remove("flash");
    void target.offsetWidth;
    target.classList.add("flash");
  }
  document.addEventListener("click", function (ev) {
    var a = ev.target.closest && ev.target.closest('a[href^="#"]');
    if (!a) return;
    ev.preventDefault();
    var id = decodeURIComponent(a.getAttribute("href").slice(1));
    history.replaceState(null, "", "#" + id);
    reveal(id);
  });
  if (location.hash) reveal(decodeURIComponent(location.hash.slice(1)));
})();
