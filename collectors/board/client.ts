// The board's script in the browser, served inline as plain JavaScript: it polls /board.json and
// moves classes and texts on the server-rendered SVG and tables, and lists a clicked site's devices.
// No framework and no build chain: the page is drawn by the server, so all that is left for the
// browser is ~80 lines of DOM updates; a framework would add a bundler, a lockfile tree and some
// hundred KB to a page that must stay under 300 KB for a thousand links, and nothing to show for it.
// Written as ES2017 a current Chromium and Firefox run as is; it reads its settings from the JSON
// in <script id="board-config">.
export const BOARD_CLIENT_JS = String.raw`(function () {
  "use strict";
  var cfg = JSON.parse(document.getElementById("board-config").textContent);
  var T = cfg.texts;
  var byAttr = function (attr) {
    var m = {};
    document.querySelectorAll("[" + attr + "]").forEach(function (el) {
      var k = el.getAttribute(attr);
      (m[k] = m[k] || []).push(el);
    });
    return m;
  };
  var linkEls = byAttr("data-link");
  var siteEls = byAttr("data-site");
  var devEls = byAttr("data-device");
  var last = null;
  var selected = null;
  var pct = function (u) { return u === null ? "–" : Math.round(u * 100) + " %"; };
  var time = function (iso) { return iso ? iso.slice(11, 19) + " UTC" : T.never; };
  var setText = function (id, text) { var el = document.getElementById(id); if (el) el.textContent = text; };
  var swapClass = function (el, prefix, value) {
    var cls = (el.getAttribute("class") || "").split(" ").filter(function (c) { return c && c.indexOf(prefix) !== 0; });
    cls.push(prefix + value);
    el.setAttribute("class", cls.join(" "));
  };
  function listOrNone(id, items) {
    var el = document.getElementById(id);
    if (!el) return;
    el.textContent = "";
    if (items.length === 0) { var li = document.createElement("li"); li.textContent = T.none; el.appendChild(li); return; }
    items.forEach(function (s) { var li = document.createElement("li"); li.textContent = s; el.appendChild(li); });
  }
  function showSite(id) {
    selected = id;
    var panel = document.getElementById("site-panel");
    if (!panel || !last) return;
    panel.textContent = "";
    var h = document.createElement("h3");
    h.textContent = cfg.siteNames[id] || id;
    panel.appendChild(h);
    var table = document.createElement("table");
    var head = table.insertRow();
    [T.device, T.state, T.lastPoll, T.errors].forEach(function (t) { var th = document.createElement("th"); th.textContent = t; head.appendChild(th); });
    last.devices.filter(function (d) { return d.site === id; }).forEach(function (d) {
      var row = table.insertRow();
      row.setAttribute("data-panel-device", d.id);
      [d.id, d.up === null ? T.state_unknown : d.up ? T.state_up : T.state_down, time(d.lastPoll), d.errors.join(", ")].forEach(function (v) { row.insertCell().textContent = v; });
    });
    panel.appendChild(table);
  }
  function apply(s) {
    last = s;
    s.links.forEach(function (l) {
      (linkEls[l.id] || []).forEach(function (el) {
        if (el.tagName === "TD") el.textContent = pct(l.utilisation);
        else { swapClass(el, "lvl-", l.level); el.setAttribute("data-level", l.level); }
      });
    });
    s.sites.forEach(function (st) {
      (siteEls[st.id] || []).forEach(function (el) {
        if (el.tagName === "TD") el.textContent = T["state_" + st.state] + " (" + st.up + "/" + (st.up + st.down + st.unknown) + ")";
        else { swapClass(el, "st-", st.state); el.setAttribute("data-state", st.state); }
      });
    });
    s.devices.forEach(function (d) {
      (devEls[d.id] || []).forEach(function (row) { // the ?site= table, when the page lists one
        row.cells[1].textContent = d.up === null ? T.state_unknown : d.up ? T.state_up : T.state_down;
        row.cells[2].textContent = time(d.lastPoll);
        row.cells[3].textContent = d.errors.join(", ");
      });
    });
    setText("n-up", s.summary.devicesUp);
    setText("n-down", s.summary.devicesDown);
    setText("n-unknown", s.summary.devicesUnknown);
    setText("updated", T.updated.replace("{time}", time(s.generatedAt)));
    listOrNone("errors", Object.keys(s.summary.errorsByReason).sort().map(function (r) { return r + ": " + s.summary.errorsByReason[r]; }));
    listOrNone("over-quota", s.summary.opdsOverQuota);
    if (s.summary.compliance) setText("score", T.score.replace("{score}", s.summary.compliance.score));
    if (selected) showSite(selected);
    document.body.setAttribute("data-updated", s.generatedAt);
    document.body.setAttribute("data-applied", String(Number(document.body.getAttribute("data-applied") || 0) + 1));
  }
  Object.keys(siteEls).forEach(function (id) {
    siteEls[id].forEach(function (el) {
      if (el.tagName === "TD") return;
      el.addEventListener("click", function () { showSite(id); });
    });
  });
  function poll() {
    fetch(cfg.jsonUrl, { cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(apply)
      .catch(function () { document.body.setAttribute("data-stale", "1"); })
      .then(function () { setTimeout(poll, cfg.refreshMs); });
  }
  poll();
})();`;
