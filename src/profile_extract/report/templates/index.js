(function () {
  "use strict";
  // The page table: rows come from the JSON data island, filtered, sorted and
  // shown one slice at a time. Page content only ever goes in via textContent.
  var D = JSON.parse(document.getElementById("page-data").textContent);
  var C = {};
  D.cols.forEach(function (c, i) { C[c] = i; });
  var rows = D.rows, view = rows, page = 0, sortKey = null, sortDir = 1;
  var $ = function (id) { return document.getElementById(id); };
  var body = $("rows"), info = $("info");
  var STATUS_ORDER = {failed: 0, partial: 1, empty: 2, unknown: 3, ok: 4};

  function val(r, k) {
    if (k === "we") return r[C.warn] + r[C.err];
    if (k === "status") return STATUS_ORDER[r[C.status]] !== undefined ? STATUS_ORDER[r[C.status]] : 9;
    return r[C[k]];
  }
  function matches(r) {
    var st = $("f-status").value, cov = $("f-cov").value, fd = $("f-find").value,
        rec = $("f-rec").value, q = $("f-text").value.trim().toLowerCase();
    if (st && r[C.status] !== st) return false;
    var c = r[C.coverage];
    if (cov === "none") { if (c !== null) return false; }
    else if (cov === "full") { if (c === null || c < 1) return false; }
    else if (cov) { if (c === null || c >= parseFloat(cov)) return false; }
    if (fd === "we" && r[C.warn] + r[C.err] === 0) return false;
    if (fd === "e" && r[C.err] === 0) return false;
    if (fd === "0" && r[C.nfd] !== 0) return false;
    if (fd.slice(0, 2) === "c:" && !(r[C.codes] && r[C.codes][fd.slice(2)])) return false;
    if (rec === "0" && r[C.nf] + r[C.ne] + r[C.nc] + r[C.ns] !== 0) return false;
    if (rec === "facts" && !r[C.nf]) return false;
    if (rec === "events" && !r[C.ne]) return false;
    if (rec === "contacts" && !r[C.nc]) return false;
    if (rec === "stories" && !r[C.ns]) return false;
    if (q) {
      var hay = (r[C.source] + " " + (r[C.title] || "") + " " + (r[C.country] || "") + " " + r[C.id]).toLowerCase();
      if (hay.indexOf(q) < 0) return false;
    }
    return true;
  }
  function cmp(a, b) {
    var x = val(a, sortKey), y = val(b, sortKey);
    if (x === null || x === undefined) return (y === null || y === undefined) ? 0 : 1;
    if (y === null || y === undefined) return -1;
    if (typeof x === "string") return sortDir * x.localeCompare(y);
    return sortDir * (x - y);
  }
  var CONTROLS = ["f-status", "f-cov", "f-find", "f-rec", "f-text", "f-size"];
  function saveState() {
    // filters, sort and page live in the URL fragment, so "back" from a page view keeps them
    var parts = CONTROLS.map(function (id) { return id + "=" + encodeURIComponent($(id).value); });
    if (sortKey) parts.push("sort=" + encodeURIComponent(sortKey) + "&dir=" + sortDir);
    parts.push("page=" + page);
    try { history.replaceState(null, "", "#" + parts.join("&")); } catch (e) { /* file: may refuse */ }
  }
  function loadState() {
    var st = {};
    location.hash.slice(1).split("&").forEach(function (kv) {
      var i = kv.indexOf("=");
      if (i > 0) st[kv.slice(0, i)] = decodeURIComponent(kv.slice(i + 1));
    });
    CONTROLS.forEach(function (id) {
      if (st[id] === undefined) return;
      var el = $(id);
      if (el.tagName === "SELECT" && !Array.prototype.some.call(el.options, function (o) { return o.value === st[id]; })) return;
      el.value = st[id];
    });
    if (st.sort && C[st.sort] !== undefined || st.sort === "we") {
      sortKey = st.sort;
      sortDir = st.dir === "-1" ? -1 : 1;
      var th = document.querySelector('#pages th[data-k="' + sortKey + '"]');
      if (th) th.classList.add(sortDir > 0 ? "asc" : "desc");
    }
    return parseInt(st.page, 10) || 0;
  }
  function apply(keepPage) {
    view = rows.filter(matches);
    if (sortKey) view.sort(cmp);
    if (keepPage !== true) page = 0;
    render();
  }
  function td(text, cls) {
    var el = document.createElement("td");
    el.textContent = text === null || text === undefined ? "" : String(text);
    if (cls) el.className = cls;
    return el;
  }
  function render() {
    var size = parseInt($("f-size").value, 10) || 100;
    var pages = Math.max(1, Math.ceil(view.length / size));
    if (page >= pages) page = pages - 1;
    var frag = document.createDocumentFragment();
    view.slice(page * size, (page + 1) * size).forEach(function (r) {
      var tr = document.createElement("tr");
      var cell = document.createElement("td");
      cell.className = "src mono";
      var a = document.createElement("a");
      a.href = "pages/" + encodeURIComponent(r[C.file]);
      a.textContent = r[C.source] || r[C.id];
      cell.appendChild(a);
      tr.appendChild(cell);
      tr.appendChild(td(r[C.title]));
      tr.appendChild(td(r[C.country]));
      var st = document.createElement("td"), badge = document.createElement("span");
      badge.className = "st st-" + r[C.status];
      badge.textContent = r[C.status];
      st.appendChild(badge);
      tr.appendChild(st);
      var c = r[C.coverage];
      tr.appendChild(td(c === null ? "\u2014" : Math.round(c * 100) + "%", "n"));
      ["nf", "ne", "nc", "ns", "nfd"].forEach(function (k) { tr.appendChild(td(r[C[k]], "n")); });
      var we = td(r[C.warn] + r[C.err] ? r[C.warn] + " / " + r[C.err] : "", "n" + (r[C.err] ? " sev-error" : r[C.warn] ? " sev-warning" : ""));
      tr.appendChild(we);
      frag.appendChild(tr);
    });
    body.textContent = "";
    body.appendChild(frag);
    info.textContent = view.length + " of " + rows.length + " pages \u00b7 page " + (page + 1) + " of " + pages;
    $("prev").disabled = page === 0;
    $("next").disabled = page >= pages - 1;
    saveState();
  }
  ["f-status", "f-cov", "f-find", "f-rec"].forEach(function (id) { $(id).addEventListener("change", function () { apply(); }); });
  $("f-size").addEventListener("change", render);
  var timer = null;
  $("f-text").addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(apply, 150); });
  $("prev").addEventListener("click", function () { page = Math.max(0, page - 1); render(); });
  $("next").addEventListener("click", function () { page += 1; render(); });
  Array.prototype.forEach.call(document.querySelectorAll("#pages th.sort"), function (th) {
    th.addEventListener("click", function () {
      var k = th.getAttribute("data-k");
      if (sortKey === k) sortDir = -sortDir; else { sortKey = k; sortDir = th.classList.contains("n") ? -1 : 1; }
      Array.prototype.forEach.call(document.querySelectorAll("#pages th.sort"), function (h) { h.classList.remove("asc", "desc"); });
      th.classList.add(sortDir > 0 ? "asc" : "desc");
      apply();
    });
  });
  page = loadState();
  apply(true);
  // links in the summary (a status, a finding code) set the filters through the fragment
  window.addEventListener("hashchange", function () {
    CONTROLS.forEach(function (id) { if (id !== "f-size") $(id).value = ""; });
    page = loadState();
    apply(true);
    $("pages-h").scrollIntoView();
  });
  document.documentElement.setAttribute("data-ready", "1");
})();
