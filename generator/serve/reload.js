// folio serve: live reload and the error overlay. Only folio serve adds this
// script to pages; folio build never does.
(function () {
  var here = decodeURIComponent(location.pathname).replace(/\/$/, "/index.html").replace(/^\//, "");
  var overlay = null;
  function show(errors) {
    hide();
    overlay = document.createElement("div");
    overlay.id = "folio-errors";
    overlay.setAttribute("role", "alert");
    overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,20,.92);color:#fff;font:15px/1.6 -apple-system,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;padding:2rem";
    var h = document.createElement("h2");
    h.textContent = "网站没有更新：内容有错误";
    h.style.cssText = "margin:0 0 .5rem;color:#ff8a80";
    var p = document.createElement("p");
    p.textContent = "请按提示修改下面列出的文件并保存，改好后本提示会自动消失。浏览器中显示的是上一次成功生成的网站。";
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
      li.appendChild(document.createTextNode(e.message));
      ul.appendChild(li);
    });
    overlay.appendChild(ul);
    document.body.appendChild(overlay);
  }
  function hide() {
    if (overlay) { overlay.remove(); overlay = null; }
  }
  var source = new EventSource("/__folio/events");
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
