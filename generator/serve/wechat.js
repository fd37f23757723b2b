// folio serve: the 复制到公众号 button of news posts, notices and journal
// articles. It puts the page, as `folio wechat` prints it, on the clipboard
// as rich text, for pasting into the 公众号 editor. Only folio serve adds
// this script; folio build never does.
(function () {
  var button = document.createElement("button");
  button.type = "button";
  button.id = "folio-wechat";
  button.textContent = "复制到公众号";
  button.title = "把正文复制为公众号编辑器可粘贴的格式（标题、摘要、封面另填）";
  button.style.cssText = "position:fixed;left:1rem;bottom:1rem;z-index:2147483645;min-height:2.75rem;padding:0 1rem;border:1px solid #07c160;border-radius:4px;background:#07c160;color:#fff;font:15px/1 -apple-system,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;cursor:pointer;box-shadow:0 2px 8px rgba(0,0,0,.2)";
  var status = document.createElement("p");
  status.id = "folio-wechat-status";
  status.setAttribute("role", "status");
  status.style.cssText = "position:fixed;left:1rem;bottom:4.25rem;z-index:2147483645;max-width:calc(100vw - 2rem);margin:0;padding:.5rem .75rem;border-radius:4px;background:#222;color:#fff;font:14px/1.5 -apple-system,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;display:none";
  var hideLater = 0;
  // say shows a line above the button; a confirmation goes after a while,
  // a failure stays until the next click.
  function say(text, linger) {
    clearTimeout(hideLater);
    status.textContent = text;
    status.style.display = text ? "block" : "none";
    if (linger) { hideLater = setTimeout(function () { say(""); }, linger); }
  }
  // copyRich copies through the Clipboard API where the page is a secure
  // context (localhost), else through a selection and execCommand, which
  // also works when the preview is opened from another computer's address.
  function copyRich(html, text) {
    if (window.ClipboardItem && navigator.clipboard && navigator.clipboard.write && window.isSecureContext) {
      return navigator.clipboard.write([new ClipboardItem({
        "text/html": new Blob([html], { type: "text/html" }),
        "text/plain": new Blob([text], { type: "text/plain" })
      })]);
    }
    return new Promise(function (resolve, reject) {
      var box = document.createElement("div");
      box.contentEditable = "true";
      box.style.cssText = "position:fixed;left:-9999px;top:0";
      box.innerHTML = html;
      document.body.appendChild(box);
      var range = document.createRange();
      range.selectNodeContents(box);
      var sel = getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      var ok = document.execCommand("copy");
      sel.removeAllRanges();
      box.remove();
      if (ok) { resolve(); } else { reject(new Error("浏览器不允许复制")); }
    });
  }
  button.addEventListener("click", function () {
    say("正在准备……");
    fetch("/__folio/wechat?path=" + encodeURIComponent(decodeURIComponent(location.pathname)), { cache: "no-store" })
      .then(function (r) {
        if (!r.ok) { return r.text().then(function (t) { throw new Error(t); }); }
        return r.json();
      })
      .then(function (a) {
        var box = document.createElement("div");
        box.innerHTML = a.html;
        return copyRich(a.html, box.textContent).then(function () { return a; });
      })
      .then(function (a) {
        var line = "已复制正文，可到公众号编辑器粘贴；标题、摘要和封面请另填。";
        if (a.warnings.length) { line += "有 " + a.warnings.length + " 处公众号显示不了，已改为文字和链接（folio wechat 可列出每一处）。"; }
        say(line, 12000);
        button.setAttribute("data-copied", String(a.html.length));
      })
      .catch(function (e) { say("没有复制：" + e.message); });
  });
  document.body.appendChild(status);
  document.body.appendChild(button);
  // Room below the page's end, so that the button never covers the last of
  // it (the footer's 阅读设置 on a phone).
  var pad = parseFloat(getComputedStyle(document.body).paddingBottom) || 0;
  document.body.style.paddingBottom = (pad + button.offsetHeight + 32) + "px";
})();
