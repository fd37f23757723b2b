// folio search: the index is static files made at build time
// (generator/search). The query is split into tokens exactly as the index
// was: Han runs into overlapping pairs, Latin words lowercased, digit runs.
// Titles and text are put on the page as text, never as HTML. A result
// whose summary lacks the query shows an excerpt of its text around the
// first match instead, from a text file fetched for it alone.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  if (!form) return;
  var input = form.elements.q, secSel = form.elements.section, yearSel = form.elements.year;
  var out = document.getElementById("search-results"), status = document.getElementById("search-status");
  var base = form.getAttribute("data-index");
  var meta = null, shards = {}, results = {}, texts = {}, timer = 0, run = 0;

  function fold(c) {
    var n = c.codePointAt(0);
    if (n >= 0xFF01 && n <= 0xFF5E) c = String.fromCodePoint(n - 0xFEE0);
    return c.toLowerCase();
  }
  var han = /\p{Script=Han}/u;
  function tokens(text) {
    var out = [], run = [], word = "", kind = 0;
    function flushHan() {
      if (run.length === 1) out.push(run[0]);
      for (var i = 0; i + 1 < run.length; i++) out.push(run[i] + run[i + 1]);
      run = [];
    }
    function flushWord() { if (word) out.push(word); word = ""; kind = 0; }
    for (var c of text) {
      c = fold(c);
      if (han.test(c)) { flushWord(); run.push(c); continue; }
      var k = /[a-z]/.test(c) ? 1 : /[0-9]/.test(c) ? 2 : 0;
      if (k && c.length === 1) {
        flushHan();
        if (k !== kind) { flushWord(); kind = k; }
        word += c;
        continue;
      }
      flushHan(); flushWord();
    }
    flushHan(); flushWord();
    return out;
  }
  window.folioTokens = tokens; // for the tests: the index and the query must agree

  function shardOf(token, n) {
    var h = 0x811c9dc5, bytes = new TextEncoder().encode(token);
    for (var i = 0; i < bytes.length; i++) { h ^= bytes[i]; h = Math.imul(h, 0x01000193) >>> 0; }
    return h % n;
  }
  function load(name, cache) {
    if (!cache[name]) cache[name] = fetch(base + name).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    });
    return cache[name];
  }
  function index() {
    if (!meta) meta = fetch(base + "index.json", { cache: "no-cache" }).then(function (r) { return r.json(); });
    return meta;
  }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  // find returns where the first of words is in text, and its length.
  function find(text, words) {
    var low = text.toLowerCase(), at = -1, len = 0;
    words.forEach(function (w) {
      var i = low.indexOf(w.toLowerCase());
      if (i >= 0 && (at < 0 || i < at || (i === at && w.length > len))) { at = i; len = w.length; }
    });
    return at < 0 ? null : [at, len];
  }
  // excerpt is the part of text around the first of words, or "".
  function excerpt(text, words) {
    var f = find(text, words);
    if (!f) return "";
    var start = Math.max(0, f[0] - 30), end = Math.min(text.length, f[0] + f[1] + 70);
    if (/[\uDC00-\uDFFF]/.test(text[start])) start--; // never half a character
    if (/[\uD800-\uDBFF]/.test(text[end - 1])) end++;
    return (start > 0 ? "…" : "") + text.slice(start, end).trim() + (end < text.length ? "…" : "");
  }
  // mark puts the text into parent, with the query's words in <mark>.
  function mark(parent, text, words) {
    var re = words.length ? new RegExp(words.map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }).join("|"), "gi") : null;
    var last = 0, m;
    while (re && (m = re.exec(text))) {
      if (!m[0]) break;
      parent.appendChild(document.createTextNode(text.slice(last, m.index)));
      parent.appendChild(el("mark", m[0]));
      last = m.index + m[0].length;
    }
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function search() {
    var q = input.value.trim(), mine = ++run;
    var params = new URLSearchParams();
    if (q) params.set("q", q);
    if (secSel.value) params.set("section", secSel.value);
    if (yearSel.value) params.set("year", yearSel.value);
    history.replaceState(null, "", location.pathname + (params.toString() ? "?" + params : ""));
    var toks = Array.from(new Set(tokens(q)));
    if (!toks.length) { out.textContent = ""; status.textContent = ""; return; }
    index().then(function (m) {
      return Promise.all(toks.map(function (t) {
        return load(m.t[shardOf(t, m.t.length)], shards).then(function (s) { return s[t]; });
      })).then(function (lists) {
        var scores = {}, hits = {}, inTitle = {}, N = m.n;
        lists.forEach(function (list) {
          if (!list) return;
          var ids = list[0], vals = list[1], id = 0, df = ids.length;
          var idf = Math.log(1 + (N - df + 0.5) / (df + 0.5));
          for (var i = 0; i < ids.length; i++) {
            id += ids[i];
            var tf = vals[i] >> 1, title = vals[i] & 1;
            var s = idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * m.len[id] / m.avgdl));
            scores[id] = (scores[id] || 0) + s;
            hits[id] = (hits[id] || 0) + 1;
            inTitle[id] = (inTitle[id] || 0) + title;
          }
        });
        var ids = Object.keys(scores).map(Number).filter(function (id) {
          return (!secSel.value || m.sections[m.sec[id]][0] === secSel.value) && (!yearSel.value || String(m.year[id]) === yearSel.value);
        });
        var all = ids.filter(function (id) { return hits[id] === toks.length; });
        if (all.length) ids = all; // every word if any page has them all
        // Title matches first, then BM25 over the text, then newer (pages
        // are numbered newest first).
        ids.sort(function (a, b) { return (inTitle[b] || 0) - (inTitle[a] || 0) || scores[b] - scores[a] || a - b; });
        var top = ids.slice(0, 20);
        return Promise.all(top.map(function (id) {
          return load(m.d[Math.floor(id / m.ds)], results).then(function (r) { return r[id % m.ds]; });
        })).then(function (docs) {
          if (mine !== run) return;
          out.textContent = "";
          status.textContent = ids.length ? status.getAttribute("data-found").replace("%d", ids.length) : status.getAttribute("data-none");
          // The words as typed, and their tokens for text that has them apart.
          var words = q.split(/\s+/).filter(Boolean).concat(toks).sort(function (a, b) { return b.length - a.length; });
          docs.forEach(function (d, i) {
            var li = el("li", "", "item"), a = el("a", "", "item-title");
            a.href = d[1];
            mark(a, d[0], words);
            li.appendChild(a);
            var info = el("p", "", "item-meta");
            info.appendChild(el("span", m.sections[m.sec[top[i]]][1], "section"));
            if (d[2]) {
              var time = el("time", shownDate(d[2]));
              time.setAttribute("datetime", d[2]);
              info.appendChild(time);
            }
            li.appendChild(info);
            var p = el("p", "", "item-summary");
            mark(p, d[3], words);
            li.appendChild(p);
            out.appendChild(li);
            if (!find(d[3], words) && d[4]) load(d[4], texts).then(function (text) {
              var x = excerpt(text, words);
              if (!x || mine !== run) return;
              p.textContent = "";
              mark(p, x, words);
            }, function () {}); // the summary stays
          });
        });
      });
    }).catch(function () { status.textContent = status.getAttribute("data-error"); });
  }
  // A short pause after a keystroke: typing fast, or an input method
  // composing a word, makes one search, and results still follow at once.
  // A date of the index (2024-03-05) as the site's pages show dates
  // (render.FormatDate): 2024年3月5日 on a Chinese site.
  function shownDate(iso) {
    var p = iso.split("-");
    if (!/^zh/.test(document.documentElement.lang) || p.length !== 3) return iso;
    return +p[0] + "年" + +p[1] + "月" + +p[2] + "日";
  }
  function later() { clearTimeout(timer); timer = setTimeout(search, 25); }

  index().then(function (m) {
    var years = {};
    m.sections.forEach(function (s) { if (s[0]) secSel.appendChild(new Option(s[1], s[0])); }); // pages outside sections (about) are under 全部 only
    m.year.forEach(function (y) { if (y) years[y] = 1; });
    Object.keys(years).sort().reverse().forEach(function (y) { yearSel.appendChild(new Option(y, y)); });
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || input.value;
    secSel.value = params.get("section") || "";
    yearSel.value = params.get("year") || "";
    if (input.value) search();
  });
  input.addEventListener("input", later);
  secSel.addEventListener("change", search);
  yearSel.addEventListener("change", search);
  form.addEventListener("submit", function (e) { e.preventDefault(); search(); });
})();
