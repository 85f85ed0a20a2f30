(function () {
  "use strict";
  // Hover or click a highlight: show the fields of every record covering it,
  // read back from the record tables below (textContent only, never markup).
  var tip = document.getElementById("tip"), pinned = null, selected = [];

  function recordBox(rid) {
    var tr = document.getElementById("rec-" + rid);
    if (!tr) return null;
    var table = tr.closest("table"), heads = table.tHead.rows[0].cells;
    var box = document.createElement("div"), h = document.createElement("h3");
    h.textContent = table.getAttribute("data-kind");
    box.appendChild(h);
    var t = document.createElement("table"), tb = document.createElement("tbody");
    for (var i = 1; i < heads.length; i++) {
      var v = tr.cells[i] ? tr.cells[i].textContent : "";
      if (v === "") continue;
      var row = document.createElement("tr"), th = document.createElement("th"), td = document.createElement("td");
      th.textContent = heads[i].textContent;
      td.textContent = v;
      row.appendChild(th); row.appendChild(td); tb.appendChild(row);
    }
    t.appendChild(tb); box.appendChild(t);
    return box;
  }
  function refs(el) { return (el.getAttribute("data-r") || "").split(" ").filter(Boolean); }
  function show(el) {
    tip.textContent = "";
    refs(el).forEach(function (rid) { var b = recordBox(rid); if (b) tip.appendChild(b); });
    if (!tip.firstChild) { hide(); return; }
    // beside the text when the window has room (so the tip covers no text), else below the highlight
    var r = el.getBoundingClientRect(), box = document.getElementById("text").getBoundingClientRect();
    var room = document.documentElement.clientWidth - box.right - 16;
    if (room >= 280) {
      tip.style.maxWidth = Math.min(520, room) + "px";
      tip.style.left = (window.scrollX + box.right + 8) + "px";
      tip.style.top = (window.scrollY + r.top - 4) + "px";
    } else {
      tip.style.maxWidth = "";
      tip.style.left = Math.max(4, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - 540)) + "px";
      tip.style.top = (window.scrollY + r.bottom + 6) + "px";
    }
    tip.classList.add("on");
  }
  function hide() { tip.classList.remove("on"); }
  function select(el) {
    selected.forEach(function (tr) { tr.classList.remove("sel"); });
    selected = [];
    if (!el) return;
    refs(el).forEach(function (rid) {
      var tr = document.getElementById("rec-" + rid);
      if (tr) { tr.classList.add("sel"); selected.push(tr); }
    });
  }
  document.addEventListener("mouseover", function (e) {
    if (pinned) return;
    var el = e.target.closest ? e.target.closest(".hl[data-r]") : null;
    if (el) show(el); else if (!tip.contains(e.target)) hide();
  });
  document.addEventListener("click", function (e) {
    var el = e.target.closest ? e.target.closest(".hl[data-r]") : null;
    if (el) { pinned = el; show(el); select(el); return; }
    if (!tip.contains(e.target)) { pinned = null; hide(); select(null); }
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { pinned = null; hide(); select(null); return; }
    if (e.ctrlKey || e.metaKey || e.altKey || /^(INPUT|SELECT|TEXTAREA)$/.test(e.target.tagName)) return;
    var go = {n: "nav-next", p: "nav-prev", i: "nav-index"}[e.key];
    var a = go && document.getElementById(go);
    if (a) location.href = a.href;
  });
  function flash() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (id.slice(0, 2) !== "h-") return;
    var rid = id.slice(2);
    Array.prototype.forEach.call(document.querySelectorAll(".hl[data-r]"), function (el) {
      if (refs(el).indexOf(rid) >= 0) {
        el.classList.add("flash");
        setTimeout(function () { el.classList.remove("flash"); }, 1500);
      }
    });
  }
  // legend checkboxes hide or show one kind of highlight
  var text = document.getElementById("text");
  Array.prototype.forEach.call(document.querySelectorAll("#legend input[data-k]"), function (box) {
    box.addEventListener("change", function () {
      if (text) text.classList.toggle("no-" + box.getAttribute("data-k"), !box.checked);
    });
  });
  window.addEventListener("hashchange", flash);
  flash();
  document.documentElement.setAttribute("data-ready", "1");
})();
