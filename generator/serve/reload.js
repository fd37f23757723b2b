// folio serve: live reload, the error overlay and the warnings panel. Only folio serve adds this
// script to pages; folio build never does.
(function () {
  // folioWords, before this script, are the words in the editor's language.
  var words = typeof folioWords === "object" ? folioWords : {};
  var here = decodeURIComponent(location.pathname).replace(/\/$/, "/index.html").replace(/^\//, "");
  var overlay = null;
  function show(errors) {
    hide();
    overlay = document.createElement("div");
    overlay.id = "folio-errors";
    overlay.setAttribute("role", "alert");
    overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.92);color:#fff;font:15px/1.6 -apple-system,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;padding:2rem";
    var h = document.createElement("h2");
    h.textContent = words.overlayTitle;
    h.style.cssText = "margin:0 0 .5rem;color:#ff8a80";
    var p = document.createElement("p");
    p.textContent = words.overlayIntro;
    overlay.appendChild(h);
    overlay.appendChild(p);
    var ul = document.createElement("ul");
    ul.style.cssText = "padding-left:1.2rem";
    errors.forEach(function (e) {
      var li = document.createElement("li");
      li.style.cssText = "margin:.6rem 0";
      var where = document.createElement("code");
      where.textContent = e.where;
      where.style.cssText = "color:#ffd54f;font-family:ui-monospace,monospace";
      li.appendChild(where);
      if (e.kind) {
        var kind = document.createElement("strong");
        kind.textContent = " " + e.kind;
        li.appendChild(kind);
      }
      li.appendChild(document.createElement("br"));
      li.appendChild(document.createTextNode((e.code ? "[" + e.code + "] " : "") + e.message));
      ul.appendChild(li);
    });
    overlay.appendChild(ul);
    document.body.appendChild(overlay);
  }
  function hide() {
    if (overlay) { overlay.remove(); overlay = null; }
  }
  // The warnings panel: a small box at the bottom corner listing the last
  // good build's warnings. Closing it (the button, or Escape inside it)
  // hides these warnings for the tab until they change.
  var panel = null;
  var dismissedKey = "folio-warnings-dismissed";
  function dismissed(key) {
    try { return sessionStorage.getItem(dismissedKey) === key; } catch (e) { return false; }
  }
  function closePanel(key) {
    if (panel) { panel.remove(); panel = null; }
    try { sessionStorage.setItem(dismissedKey, key); } catch (e) { /* private mode: closed for now only */ }
  }
  function warn(warnings) {
    if (panel) { panel.remove(); panel = null; }
    var key = JSON.stringify(warnings);
    if (!warnings.length || dismissed(key)) { return; }
    panel = document.createElement("div");
    panel.id = "folio-warnings";
    panel.setAttribute("role", "status");
    panel.setAttribute("aria-labelledby", "folio-warnings-title");
    panel.style.cssText = "position:fixed;right:1rem;bottom:1rem;z-index:2147483646;box-sizing:border-box;width:26rem;max-width:calc(100vw - 2rem);max-height:40vh;overflow:auto;background:#fffbe6;color:#222;border:1px solid #c9a227;border-radius:6px;box-shadow:0 2px 12px rgba(0,0,0,.25);font:14px/1.5 -apple-system,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;padding:.75rem 2.5rem .75rem 1rem;text-align:left";
    var h = document.createElement("h2");
    h.id = "folio-warnings-title";
    h.textContent = words.panelTitle.replace("{n}", warnings.length);
    h.style.cssText = "margin:0 0 .25rem;font-size:15px;color:#6b4f00";
    var p = document.createElement("p");
    p.textContent = words.panelIntro;
    p.style.cssText = "margin:0 0 .25rem";
    var ul = document.createElement("ul");
    ul.style.cssText = "margin:0;padding-left:1.1rem";
    warnings.forEach(function (w) {
      var li = document.createElement("li");
      li.style.cssText = "margin:.3rem 0";
      var where = document.createElement("code");
      where.textContent = w.where;
      where.style.cssText = "color:#5a3e00;font-family:ui-monospace,monospace;font-weight:bold";
      li.appendChild(where);
      li.appendChild(document.createTextNode((words.lang === "en" ? ": " : "：") + (w.code ? "[" + w.code + "] " : "") + w.message));
      ul.appendChild(li);
    });
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "×";
    close.setAttribute("aria-label", words.panelClose);
    close.title = words.panelClose + " (Esc)";
    close.style.cssText = "position:absolute;top:.4rem;right:.4rem;width:1.8rem;height:1.8rem;border:1px solid #c9a227;border-radius:4px;background:#fff;color:#222;font-size:18px;line-height:1;cursor:pointer";
    close.addEventListener("click", function () { closePanel(key); });
    panel.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape") { closePanel(key); }
    });
    panel.appendChild(close);
    panel.appendChild(h);
    panel.appendChild(p);
    panel.appendChild(ul);
    document.body.appendChild(panel);
  }
  var source = new EventSource("/__folio/events");
  source.addEventListener("warnings", function (ev) { warn(JSON.parse(ev.data)); });
  source.addEventListener("errors", function (ev) { show(JSON.parse(ev.data)); });
  source.addEventListener("reload", function (ev) {
    hide();
    var changed = JSON.parse(ev.data);
    var css = changed.filter(function (p) { return /\.css$/.test(p); });
    if (changed.indexOf(here) >= 0 || changed.length > css.length && changed.some(function (p) { return !/\.(html|xml|ics|txt|css)$/.test(p); })) {
      location.reload();
      return;
    }
    css.forEach(function (p) {
      document.querySelectorAll('link[rel="stylesheet"]').forEach(function (link) {
        var url = new URL(link.href);
        if (url.pathname.replace(/^\//, "") === p) {
          url.searchParams.set("folio", Date.now());
          link.href = url.toString();
        }
      });
    });
  });
})();
