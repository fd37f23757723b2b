// Reading settings for older readers: text size and high contrast, kept in
// this browser. Without JavaScript the buttons stay hidden.
(function () {
  "use strict";
  var root = document.documentElement, box = document.getElementById("reader-settings");
  var sizes = ["", "text-large", "text-larger"];
  function get(k) { try { return localStorage.getItem(k) || ""; } catch (e) { return ""; } }
  function set(k, v) { try { localStorage.setItem(k, v); } catch (e) {} }
  function apply() {
    sizes.forEach(function (c) { if (c) root.classList.remove(c); });
    var size = get("folio-size");
    if (size) root.classList.add(size);
    root.classList.toggle("contrast", get("folio-contrast") === "1");
    if (!box) return;
    box.querySelectorAll("[data-size]").forEach(function (b) { b.setAttribute("aria-pressed", String(b.getAttribute("data-size") === size)); });
    var c = box.querySelector("[data-contrast]");
    if (c) c.setAttribute("aria-pressed", String(get("folio-contrast") === "1"));
  }
  apply();
  if (!box) return;
  box.hidden = false;
  box.addEventListener("click", function (e) {
    var b = e.target.closest("button");
    if (!b) return;
    if (b.hasAttribute("data-size")) set("folio-size", b.getAttribute("data-size"));
    if (b.hasAttribute("data-contrast")) set("folio-contrast", get("folio-contrast") === "1" ? "" : "1");
    apply();
  });
})();

// Video embeds (shortcodes bilibili, tencentvideo): a link to the video's
// page until the reader clicks it; only then is the player loaded, so no
// request goes to the video site before the reader asks.
document.addEventListener("click", function (e) {
  var a = e.target.closest && e.target.closest("a[data-embed]");
  if (!a || e.ctrlKey || e.metaKey || e.shiftKey) return;
  e.preventDefault();
  var f = document.createElement("iframe");
  f.src = a.getAttribute("data-embed");
  f.title = a.textContent;
  f.className = "embed-player";
  f.setAttribute("allowfullscreen", "");
  f.setAttribute("allow", "fullscreen; picture-in-picture");
  a.replaceWith(f);
});
