package main

import "folio.dev/folio/generator/diag"

// usageOf is the help in lang: editors read Chinese, and a mistake in a
// flag is followed by it.
func usageOf(lang diag.Lang) string {
	if lang == diag.English {
		return usage
	}
	return usageZH
}

const usageZH = `folio 把 Markdown 文章生成出版物网站。

用法：
  folio build [选项]            生成网站，写入 public/
  folio serve [选项]            在 http://127.0.0.1:1313/ 预览网站，每次保存都重新生成
  folio new 种类 标题 [选项]    新建一页：种类是 notice（通知）、news（新闻）、event（活动）、
                                issue（一期内刊）或 article（内刊文章）
  folio check [选项]            在内存里生成网站，报告找不到的链接、图片和 #小节
  folio wechat 页面 [选项]      把一篇新闻、通知或文章整理成可粘贴到公众号编辑器的样子
  folio version                 显示版本
  folio help                    显示这份说明

build 的选项：
  -s, --source 文件夹       网站所在的文件夹（默认：当前文件夹）
  -d, --destination 文件夹  生成的网站写到哪里（默认：网站文件夹/public）
      --baseURL 网址        网站的地址，代替 config.toml 里的（也代替 FOLIO_BASEURL）
      --drafts              也发布 draft = true 的草稿
      --future              也发布日期在将来的页面
      --now 时间            当作现在是这个时间来生成（2024-06-21 或 2024-06-21T09:00:00+08:00）
      --minify              把 HTML、CSS、JS、JSON、SVG、XML 压缩得更小
                            （也可在 config.toml 写 minify = true）
      --quiet               只显示错误
      --report 文件         把这次生成的情况写成 JSON，其中 next_change 是不用提交、
                            网站下次会自己变化的时间（到时再生成一次）

serve 的选项：
  -s, --source 文件夹       网站所在的文件夹（默认：当前文件夹）
  -p, --port 端口           端口（默认 1313）
      --bind 地址           监听的地址（默认 127.0.0.1：只有这台电脑能打开；
                            0.0.0.0：其他电脑也能打开，地址会显示出来）
      --allow-host 名字     除 localhost 和 --bind 的地址外，还允许用哪些主机名打开预览
                            （用逗号隔开，或多次写这个选项）
      --drafts=false        不显示草稿（默认显示，带“草稿”标记）
      --future=false        不显示日期在将来的页面（默认显示，带“定时发布”标记）
      --poll 间隔           每隔一段时间（如 1s）检查一次改动，而不是等系统通知：
                            用于 Docker、WSL 和网络文件夹
      --open                在浏览器里打开网站

check 的选项：
  -s, --source 文件夹       网站所在的文件夹（默认：当前文件夹）
      --external            也逐个打开指向其他网站的链接（打不开的算警告；
                            结果在 .folio-linkcache.json 里保存一天）
      --drafts、--future、--now   同 build

wechat 的选项（页面：它的内容文件，或它的网址，如 /news/2024/06/a/）：
  -s, --source 文件夹       网站所在的文件夹（默认：当前文件夹）
  -o 文件                   把正文（要粘贴的 HTML）写进这个文件；标题、摘要和封面照常显示
      --baseURL 网址、--drafts、--future、--now   同 build

new 的选项：
  -s, --source 文件夹       网站所在的文件夹（默认：当前文件夹）
      --section 名字        通知和新闻放在哪个栏目，即 content/ 里的哪个文件夹
                            （默认 notices、news）

每个命令都可以加 --lang zh-CN 或 --lang en，选择提示信息的语言（默认是网站
config.toml 里 languageCode 的语言）。每条提示都带一个编号，两种语言相同；
docs/diagnostics.md 列出了所有编号。

在 GitHub Actions 上（GITHUB_ACTIONS=true），build 和 check 还会把每个问题写成
标注（::error file=...,line=...,col=...::...），并列在这次运行的摘要里
（$GITHUB_STEP_SUMMARY）；生成成功时也会写下 next_change。
`
