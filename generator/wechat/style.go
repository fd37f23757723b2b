package wechat

// The look of the fragment, one inline style per element. The 公众号
// editor keeps only style attributes (no <style>, no classes, no custom
// properties), so the default theme's stylesheet is written out here with
// its variables resolved (--text #1f2328, --muted #59636e, --accent
// #a4161a, --line #d8dee4, --bg-soft #f6f8fa) and its rem sizes in px: the
// editor's root font size is not the theme's. Sizes follow WeChat's own
// articles (16px body, 1.75 line height), a little smaller than the
// theme's 17px.
const (
	ink    = "#1f2328"
	muted  = "#59636e"
	accent = "#a4161a"
	line   = "#d8dee4"
	soft   = "#f6f8fa"
)

const (
	styleRoot = "font-family:-apple-system,BlinkMacSystemFont,PingFang SC,Hiragino Sans GB,Microsoft YaHei,sans-serif;font-size:16px;color:" + ink + ";line-height:1.75;letter-spacing:0;word-break:normal;overflow-wrap:break-word;text-align:left"
	styleP    = "margin:0 0 1em;text-align:justify"
	// Chinese paragraphs of notices, news and articles are indented two
	// characters, as the theme does (.page-post .prose > p).
	styleIndent    = "text-indent:2em"
	styleImageP    = "margin:1em 0;text-align:center;text-indent:0"
	styleH2        = "margin:2em 0 1em;font-size:18px;line-height:1.4;font-weight:700;color:" + ink + ";border-left:4px solid " + accent + ";padding-left:8px"
	styleH3        = "margin:1.5em 0 .8em;font-size:17px;line-height:1.4;font-weight:700;color:" + ink
	styleH4        = "margin:1.2em 0 .6em;font-size:16px;line-height:1.4;font-weight:700;color:" + ink
	styleQuote     = "margin:1em 0;padding:.5em 1em;border-left:4px solid " + line + ";background:" + soft + ";color:" + muted
	styleNote      = "margin:1em 0;padding:.6em 1em;border:1px solid " + line + ";border-left:4px solid " + muted + ";background:" + soft
	styleWarning   = "margin:1em 0;padding:.6em 1em;border:1px solid " + line + ";border-left:4px solid " + accent + ";background:" + soft
	styleNoteLabel = "margin:0 0 .3em;font-weight:700;text-indent:0;color:" + ink
	styleQuoteP    = "margin:.3em 0;text-align:justify;text-indent:0"
	stylePre       = "margin:1em 0;padding:1em;background:" + soft + ";overflow-x:auto;font-size:13px;line-height:1.6;text-align:left"
	styleCode      = "font-family:Menlo,Consolas,monospace;font-size:.9em;background:" + soft + ";padding:.1em .3em;border-radius:3px"
	stylePreCode   = "font-family:Menlo,Consolas,monospace;font-size:13px;white-space:pre"
	styleLink      = "color:" + accent + ";text-decoration:underline"
	styleLinkText  = "color:" + accent
	styleNoteRef   = "color:" + accent + ";font-size:.75em;line-height:0;vertical-align:super"
	styleStrong    = "font-weight:700"
	styleEm        = "font-style:italic"
	styleDel       = "text-decoration:line-through"
	styleSup       = "font-size:.75em;line-height:0;vertical-align:super"
	styleSub       = "font-size:.75em;line-height:0;vertical-align:sub"
	styleMark      = "background:#fff3cd"
	styleSpan      = "color:inherit"
	styleHr        = "margin:2em 0;border:0;border-top:1px solid " + line
	styleImg       = "display:block;max-width:100%;height:auto;margin:0 auto"
	styleFigure    = "margin:1.5em 0;text-align:center"
	styleCaption   = "margin:.5em 0 0;font-size:14px;color:" + muted + ";text-align:center;text-indent:0"
	styleTableWrap = "margin:1em 0;overflow-x:auto"
	styleTable     = "border-collapse:collapse;min-width:100%;font-size:14px;line-height:1.6"
	styleRowGroup  = "vertical-align:top"
	styleRow       = "border:0"
	styleTh        = "border:1px solid " + line + ";padding:.4em .6em;background:" + soft + ";font-weight:700"
	styleTd        = "border:1px solid " + line + ";padding:.4em .6em"
	styleList      = "margin:0 0 1em"
	// A list item is a paragraph with its marker written as text and a
	// hanging indent: the editor drops <li> markers, and turns nested
	// lists into a mess.
	styleItem     = "margin:0 0 .4em;text-align:left;text-indent:-1.5em;padding-left:%.1fem"
	styleItemMore = "margin:0 0 .4em;text-align:left;padding-left:%.1fem"
	styleTerm     = "margin:.8em 0 .2em;font-weight:700"
	styleDef      = "margin:0 0 .6em;padding-left:2em"
	stylePlace    = "margin:1em 0;padding:.8em 1em;border:1px dashed " + line + ";color:" + muted + ";text-align:center;text-indent:0"
	styleDocNo    = "margin:0 0 1em;text-align:center;color:" + muted
	styleMeta     = "margin:0 0 1em;text-align:center;color:" + muted + ";font-size:14px"
	styleAbstract = "margin:0 0 1em;padding:.5em 1em;background:" + soft + ";font-size:15px"
	styleBoxP     = "margin:.3em 0;text-align:justify"
	styleSection  = "margin:1.5em 0 1em"
	styleLabel    = "margin:0 0 .4em;font-weight:700"
	styleLine     = "margin:0 0 .4em;text-align:left;word-break:break-all"
	styleNotes    = "margin:2em 0 0;padding-top:1em;border-top:1px solid " + line + ";font-size:14px;color:" + muted
	styleNotesH   = "margin:0 0 .6em;font-size:15px;font-weight:700;color:" + ink
	styleSign     = "margin:2em 0 1em;text-align:right;line-height:2"
)
