package diag

// The catalog: every message folio says to an editor, in Chinese and
// English. A code's letter is its family (F front matter, K a TOML
// document's keys and values, C config.toml, L links, I images, M the
// Markdown text, T the theme, X two files making one output, E encoding,
// R files, S what is not published, H hints for the settings, P, Q and N
// parts of other messages and what the commands say, B bugs, U the
// command's use). docs/diagnostics.md lists them all (go test
// ./generator/diag -update writes it); how to add one is said there.
//
// In a message, {name} is a value given to Add or Msg, in the order args
// lists them, and {name:q} the value in quotes.

// Front matter.
const (
	FMUnclosed          Code = "F01"
	FMYAML              Code = "F02"
	FMMissing           Code = "F03"
	FMNoTitle           Code = "F04"
	FMPostNoDate        Code = "F05"
	FMIssueNoDate       Code = "F06"
	FMIssueNoNumber     Code = "F07"
	FMEventNoStart      Code = "F08"
	FMEventEndsEarly    Code = "F09"
	FMStatusUnknown     Code = "F10"
	FMTypeUnknown       Code = "F11"
	FMEmptyItem         Code = "F12"
	FMRegistration      Code = "F13"
	FMURL               Code = "F14"
	FMSlugNotOnePart    Code = "F15"
	FMSlugChar          Code = "F16"
	FMPermalinkURL      Code = "F17"
	FMAlias             Code = "F18"
	FMLayoutUnknown     Code = "F19"
	FMCoverMissing      Code = "F20"
	FMPDFMissing        Code = "F21"
	FMColumnUnknown     Code = "F22"
	FMIssueNumberTaken  Code = "F23"
	FMAttachmentMissing Code = "F24"
	FMTooManyTerms      Code = "F25"
	FMTermNoLetter      Code = "F26"
	FMTermNoPage        Code = "F27"
	FMTermSpellings     Code = "F28"
	FMArticleNoIssue    Code = "F29"
	FMKeepNotPhoto      Code = "F30"
	FMKeepMetadata      Code = "F31"
	FMImageNotPhoto     Code = "F32"
)

// A TOML document's keys and values (front matter or config.toml).
const (
	TOMLSyntax          Code = "K01"
	TOMLUnreadable      Code = "K02"
	TOMLTooManyKeys     Code = "K03"
	TOMLUnknownKey      Code = "K04"
	TOMLNotDate         Code = "K05"
	TOMLNotText         Code = "K06"
	TOMLNotBool         Code = "K07"
	TOMLNotWholeNumber  Code = "K08"
	TOMLNotNumber       Code = "K09"
	TOMLNotTable        Code = "K10"
	TOMLTableNotText    Code = "K11"
	TOMLNotList         Code = "K12"
	TOMLNotListOfTables Code = "K13"
	TOMLItemNotText     Code = "K14"
	TOMLItemNotTable    Code = "K15"
	TOMLItemNotWhole    Code = "K16"
)

// config.toml.
const (
	ConfigUnreadable    Code = "C01"
	ConfigPaginate      Code = "C02"
	ConfigTaxonomy      Code = "C03"
	ConfigTimeZone      Code = "C04"
	ConfigTimeZoneLocal Code = "C05"
	ConfigBaseURL       Code = "C06"
	ConfigMenuLink      Code = "C07"
	ConfigFooterLink    Code = "C08"
	ConfigPermalinkPart Code = "C09"
	ConfigPermalinkRoot Code = "C10"
	ConfigThemeMissing  Code = "C11"
)

// Links.
const (
	LinkBroken        Code = "L01"
	LinkBrokenInSite  Code = "L02"
	LinkBrokenOutside Code = "L03"
)

// Images.
const (
	ImageNoAlt  Code = "I01"
	ImageBroken Code = "I02"
)

// The Markdown text.
const (
	MarkupTooDeep        Code = "M01"
	MarkupFailed         Code = "M02"
	MarkupRawHTML        Code = "M03"
	MarkupSpacedAddress  Code = "M04"
	MarkupFullWidthMarks Code = "M05"
	MarkupNotHeading     Code = "M06"
)

// The theme.
const (
	ThemeSymlink        Code = "T01"
	ThemeNoBaseof       Code = "T02"
	ThemeUnreadable     Code = "T03"
	ThemeSyntax         Code = "T04"
	ThemeExec           Code = "T05"
	ThemeMissingT       Code = "T06"
	ThemeI18nSyntax     Code = "T07"
	ThemeLinkBroken     Code = "T08"
	ThemeTemplateFailed Code = "T09"
	ThemeNoLayout       Code = "T10"
	ThemeNoLayouts      Code = "T11"
)

// Two files making one output.
const (
	CollisionBoth   Code = "X01"
	CollisionInPath Code = "X02"
)

// Encoding.
const (
	EncodingNotUTF8  Code = "E01"
	EncodingControls Code = "E02"
)

// Files of content/, and the destination being written.
const (
	FileUnreadable  Code = "R01"
	FileNoContent   Code = "R02"
	FileTooBig      Code = "R03"
	FileSymlink     Code = "R04"
	FileHTML        Code = "R05"
	FileSVGZ        Code = "R06"
	FileSVGBroken   Code = "R07"
	FileSVGCleaned  Code = "R08"
	FilePathChar    Code = "R09"
	FileNameURL     Code = "R10"
	FileNoHome      Code = "R11"
	FileWriteFailed Code = "R12"
	FileChanged     Code = "R13"
	FileDestBusy    Code = "R19"
)

// Internal errors and the command's use.
const (
	InternalBug         Code = "B01"
	UsageDestination    Code = "U01"
	UsageNow            Code = "U02"
	UsageFlag           Code = "U03"
	UsageArgument       Code = "U04"
	UsageCommand        Code = "U05"
	UsageBaseURL        Code = "U06"
	UsageLang           Code = "U07"
	UsageNoConfig       Code = "U08"
	UsagePortInUse      Code = "U09"
	UsageNew            Code = "U10"
	UsageNewSection     Code = "U11"
	UsageNewKind        Code = "U12"
	UsageNewArchetype   Code = "U13"
	UsageNewExists      Code = "U14"
	UsageNewNoArchetype Code = "U15"
	UsageNewNoIssue     Code = "U16"
)

// What the command says at the end (not diagnostics: kind part).
const (
	SaidBuildFailed   Code = "P01"
	SaidBuilt         Code = "P02"
	SaidCheckProblems Code = "P03"
	SaidCheckClean    Code = "P04"
	SaidCheckWarnings Code = "Q11"
	WhyStopped        Code = "Q14"
	SaidServeFailed   Code = "P05"
	SaidServeBuilt    Code = "P06"
	SaidWarnings      Code = "P07"
	More              Code = "P08"
	Nothing           Code = "P09"
	HintDidYouMean    Code = "P10"
	SaidFirstBuild    Code = "P11"
	SaidOverlayTitle  Code = "P12"
	SaidOverlayIntro  Code = "P13"
	SaidPanelTitle    Code = "P14"
	SaidPanelIntro    Code = "P15"
	SaidPanelClose    Code = "P16"
	SaidPages         Code = "P17"
	SaidKindCount     Code = "P18"
	SaidCannotBuild   Code = "P19"
	SaidNoReport      Code = "P28"
	SaidMinified      Code = "P29"
	SaidNoNextChange  Code = "P39"
	SaidSiteBuilt     Code = "P47"
	SaidFiles         Code = "P48"
	SaidServing       Code = "P49"
	SaidServingOthers Code = "P99"
	SaidStopped       Code = "Q01"
	SaidBuildErrors   Code = "Q08"
	SaidBug           Code = "Q09"
	SaidNewNoPlace    Code = "Q02"
	SaidNewPreview    Code = "Q03"
	SaidNewDraft      Code = "Q04"
	SaidNewFuture     Code = "Q05"
	SaidNewBundle     Code = "Q06"
	SaidNewColumns    Code = "Q07"
)

// The kinds of pages, named.
const (
	NameHome    Code = "N01"
	NameSection Code = "N02"
	NamePage    Code = "N03"
	NamePost    Code = "N04"
	NameEvent   Code = "N05"
	NameIssue   Code = "N06"
	NameArticle Code = "N07"
	NameTerm    Code = "N08"
)

// Parts of other messages: why a link leads nowhere, why a page is not
// published, how to fix a TOML mistake, what a value is.
const (
	WhyNoFile           Code = "P20"
	WhyFolder           Code = "P21"
	WhyFrontMatterError Code = "P22"
	WhyUnpublished      Code = "P23"
	WhyNoPageInSite     Code = "P24"
	WhyNoPageLinkFile   Code = "S09"
	WhyNoPageForMenu    Code = "S15"
	WhyNotAddress       Code = "P25"
	WhyOutsideBase      Code = "P26"
	WhyNoPart           Code = "P27"
	WhyDraft            Code = "S01"
	WhyFuture           Code = "S02"
	WhyExpired          Code = "S03"
	WhyIssueUnpublished Code = "S04"
	WhyInFolderOf       Code = "S05"
	WhyBelongsTo        Code = "S06"
	HintPunctuation     Code = "P30"
	HintDate            Code = "P31"
	HintTwice           Code = "P32"
	HintUnclosedQuote   Code = "H01"
	KeysHere            Code = "H02"
	KeysInTable         Code = "H03"
	ParserSaid          Code = "H04"
	DateSeparator       Code = "H05"
	HintQuote           Code = "H06"
	HintBool            Code = "H07"
	HintListComma       Code = "H08"
	HintEquals          Code = "H09"
	HintKeyName         Code = "H10"
	QuoteIt             Code = "H11"
	HintList            Code = "H12"
	HintNumber          Code = "H13"
	HintSyntax          Code = "P33"
	DateMonth           Code = "P34"
	DateDay             Code = "P35"
	DateTime            Code = "P36"
	KeysAllowed         Code = "P37"
	KeysAllowedMore     Code = "P38"
	ValueText           Code = "P40"
	ValueNumber         Code = "P41"
	ValueBool           Code = "P42"
	ValueDate           Code = "P43"
	ValueList           Code = "P44"
	ValueTable          Code = "P45"
	ValueOther          Code = "P46"
	BadSpace            Code = "P50"
	BadLineBreak        Code = "P51"
	BadTab              Code = "P52"
	BadNUL              Code = "P53"
	BadControl          Code = "P54"
	BadChar             Code = "P55"
	BadUTF8             Code = "P56"
	BadEscape           Code = "P57"
	LinkHasBadChar      Code = "P58"
	LinkRunsScript      Code = "P59"
	URLNotFromRoot      Code = "P60"
	URLNotPlain         Code = "P61"
	URLHasBadChar       Code = "P62"
	URLLeavesSite       Code = "P63"
	ImageUnreadable     Code = "P64"
	ImageSizeOdd        Code = "P65"
	SVGNotUTF8          Code = "P66"
	SVGNoRoot           Code = "P67"
	SVGEntity           Code = "P68"
	SVGNotSVG           Code = "P69"
	SVGTooDeep          Code = "P78"
	SVGEndsEarly        Code = "P79"
	SVGSyntax           Code = "P97"
	SVGDropped          Code = "P98"
	FixSlugOrURL        Code = "P70"
	FixAlias            Code = "P71"
	FixRename           Code = "P72"
	FixOneSlug          Code = "P73"
	FixOneAlias         Code = "P74"
	FixOneFile          Code = "P75"
	FixEither           Code = "P76"
	SourceAlias         Code = "P77"
	Generated404        Code = "P86"
	GeneratedPage       Code = "P87"
	GeneratedListPage   Code = "P88"
	GeneratedRedirect   Code = "P89"
	GeneratedPageOf     Code = "P90"
	GeneratedSearch     Code = "P91"
	GeneratedRobots     Code = "P92"
	GeneratedSitemap    Code = "P93"
	GeneratedCalendar   Code = "P94"
	GeneratedFeed       Code = "P95"
	GeneratedOther      Code = "P96"
	DestRoot            Code = "P80"
	DestReplaces        Code = "P81"
	DestInSource        Code = "P82"
	DestSymlink         Code = "P83"
	DestFile            Code = "P84"
	DestNotSite         Code = "P85"
)

// Journal articles left out of a published issue, folio new's title and
// section, and what folio new says of an article that follows its issue.
const (
	ArticleDraftInIssue  Code = "S10"
	ArticleFutureInIssue Code = "S11"
	SaidNewIssueDraft    Code = "S12"
	SaidNewIssueFuture   Code = "S13"
	UsageNewNoTitle      Code = "U26"
	UsageNewNoSection    Code = "U27"
	UsageNewNoSections   Code = "U28"
	UsageNewSectionKind  Code = "U29"
	FMNoTitleLeftOut     Code = "F33"
	FMFullWidthPlus      Code = "F34"
	FMPublishKeyInParams Code = "F35"
	FMOwnKeyInParams     Code = "F36"
	EventPublishedLate   Code = "S16"
	DateFarAhead         Code = "S17"
	FMPlaceholder        Code = "F37"
	FMAuthorNoName       Code = "F38"
	WhyNoFileInSite      Code = "L04"
	LinkNoScheme         Code = "L05"
)

// Shortcodes: {{< name >}} calls in the Markdown text.
const (
	ShortcodeCloserNotOpen  Code = "G01"
	ShortcodeBracketsDiffer Code = "G02"
	ShortcodeLiteralOpen    Code = "G03"
	ShortcodeNoName         Code = "G04"
	ShortcodeTagOpen        Code = "G05"
	ShortcodeCloserArgs     Code = "G06"
	ShortcodeQuoteOpen      Code = "G07"
	ShortcodeValueOpen      Code = "G08"
	ShortcodeMixedArgs      Code = "G09"
	ShortcodeUnknown        Code = "G10"
	ShortcodeNeverClosed    Code = "G11"
	ShortcodeFailed         Code = "G12"
	ShortcodeInnerFailed    Code = "G13"
	ShortcodeNoTarget       Code = "G14"
	ShortcodeIDTaken        Code = "G15"
	ShortcodeNeedsArg       Code = "G16"
	ShortcodeNeedsKey       Code = "G17"
	ShortcodeNoTargetNone   Code = "G18"
	ShortcodeNoTargetIDs    Code = "G19"
	ShortcodeNoTargetPage   Code = "G20"
	ShortcodeMissingWord    Code = "G21"
)

// What the 公众号 (WeChat official account) editor will lose of a page
// pasted into it (folio wechat).
const (
	WeChatBaseURL        Code = "W01"
	WeChatUnpublished    Code = "W02"
	WeChatTitleLong      Code = "W03"
	WeChatSummaryLong    Code = "W04"
	WeChatImageMissing   Code = "W05"
	WeChatImageBig       Code = "W06"
	WeChatImageFormat    Code = "W07"
	WeChatEmbed          Code = "W08"
	WeChatTagDropped     Code = "W09"
	WeChatTableWide      Code = "W10"
	WeChatBaseURLExample Code = "W11"
)

// The theme's shortcode templates and partialCached.
const (
	ThemeShortcodeUnreadable  Code = "T12"
	ThemePartialCachedDiffers Code = "T13"
)

// What folio wechat says about the page it was asked for.
const (
	UsageWeChatPage        Code = "U17"
	UsageWeChatNoPage      Code = "U18"
	UsageWeChatNotExported Code = "U19"
	UsageWeChatWrite       Code = "U20"
	SaidWeChatErrors       Code = "Q10"
	WhyWeChatNoSuchPage    Code = "S08"
	WhyWeChatUnpublished   Code = "S07"
	WhyWeChatFolder        Code = "S14"
)

// What the commands say about their own use: folders that cannot be
// used or written, flags written wrong (issue 21).
const (
	UsageDestHome       Code = "U21"
	UsageDestUnwritable Code = "U22"
	UsageNoSource       Code = "U23"
	UsageFlagNoValue    Code = "U24"
	UsageFlagValue      Code = "U25"
	FileWhyCannotWrite  Code = "R20"
	FileWhyDiskFull     Code = "R21"
	FileWhyReadOnly     Code = "R22"
	ConfigMissing       Code = "C15"
	ConfigNoPermission  Code = "C16"
	WhyOutIsFolder      Code = "Q12"
	WhyNotFolder        Code = "Q13"
)

// Photos (issue 19): what keeps a photo from being published, and what an
// editor should know about one.
const (
	ImageRefused       Code = "I03"
	ImageFileRefused   Code = "I04"
	ImageWarned        Code = "I05"
	ImageNarrow        Code = "I06"
	ImageCacheDir      Code = "I07"
	ImageWhyUnreadable Code = "I10"
	ImageWhyHEIC       Code = "I11"
	ImageWhyNotImage   Code = "I12"
	ImageWhyMislabeled Code = "I13"
	ImageWhySizeOdd    Code = "I14"
	ImageWhyBomb       Code = "I15"
	ImageWhyCut        Code = "I16"
	ImageWhyNoDecode   Code = "I17"
	ImageWhyGIF        Code = "I18"
	ImageWhyCacheWrite Code = "I19"
	ImageWhyLarge      Code = "I20"
	ImageSaidPending   Code = "I21"
	ImageWhyLUT        Code = "I22"
	ImageWhySpace      Code = "I23"
	ImageWhyICCBroken  Code = "I24"
	ConfigImageWidths  Code = "C12"
	ConfigImageQuality Code = "C13"
	ConfigKeepMetadata Code = "C14"
)

func errorOf(kind Kind, args []string, zh, en string, example ...any) entry {
	return entry{severity: Error, kind: kind, args: args, zh: zh, en: en, example: example}
}

func warningOf(kind Kind, args []string, zh, en string, example ...any) entry {
	return entry{severity: Warning, kind: kind, args: args, zh: zh, en: en, example: example}
}

func partOf(args []string, zh, en string, example ...any) entry {
	return entry{kind: KindPart, args: args, zh: zh, en: en, example: example}
}

func names(n ...string) []string { return n }

var catalog = map[Code]entry{
	// Front matter.
	FMUnclosed: errorOf(KindFrontMatter, nil,
		"文件第 1 行的 +++ 没有结束：在最后一项设置之后加一行，只写 +++",
		"the +++ on line 1 is never closed; add a line with only +++ after the last key"),
	FMYAML: errorOf(KindFrontMatter, nil,
		"文件开头用了 --- 行（YAML 写法），folio 读的是两行 +++ 之间的设置：把两行 --- 都改成 +++，每项写成 键 = \"值\"",
		"folio reads the settings between +++ lines (TOML), not YAML between --- lines; change both --- lines to +++ and write keys as key = \"value\""),
	FMMissing: errorOf(KindFrontMatter, nil,
		"文件开头没有设置：第一行写 +++，然后写 title = \"页面标题\"（新闻和通知还要写 date = 2024-06-21），再写一行 +++",
		"the file has no front matter; start it with a line +++, then title = \"页面标题\" (and date = 2024-06-21 for news and notices), then another line +++"),
	FMFullWidthPlus: errorOf(KindFrontMatter, nil,
		"这一行的 ＋＋＋ 是中文全角的加号，folio 认不出：切换到英文输入法，重新输入三个半角加号 +++（开头和结尾的两行都要是 +++）",
		"this line's ＋＋＋ are full-width plus signs, which folio does not read as front matter's +++; type them again with an English input method (both the first and the closing line are +++)"),
	FMNoTitle: errorOf(KindFrontMatter, nil,
		"页面没有标题：在文件开头两行 +++ 之间加一行 title = \"页面标题\"",
		"the page has no title; add a line like title = \"页面标题\" between the +++ lines"),
	FMPostNoDate: errorOf(KindFrontMatter, nil,
		"新闻和通知需要日期：在文件开头两行 +++ 之间加一行 date = 2024-06-21",
		"a post (news, notice) needs a date; add a line like date = 2024-06-21"),
	FMIssueNoDate: errorOf(KindFrontMatter, nil,
		"期刊的一期需要出版日期：在 _index.md 开头加一行 date = 2024-06-21",
		"an issue needs a date; add a line like date = 2024-06-21 to its _index.md"),
	FMIssueNoNumber: errorOf(KindFrontMatter, nil,
		"期刊的一期需要期号：加一行 number = 15（第 15 期）",
		"an issue needs its number (期); add a line like number = 15"),
	FMEventNoStart: errorOf(KindFrontMatter, nil,
		"活动需要开始时间：加一行 start = 2024-07-15（全天）或 start = 2024-07-15T09:00:00（几点开始）",
		"an event needs a start; add a line like start = 2024-07-15 or start = 2024-07-15T09:00:00"),
	FMEventEndsEarly: errorOf(KindFrontMatter, names("end", "start"),
		"活动的结束时间（end = {end}）早于开始时间（start = {start}）：请核对这两个日期",
		"the event ends (end = {end}) before it starts (start = {start}); check the two dates",
		"2024-07-14 00:00", "2024-07-15 00:00"),
	FMStatusUnknown: errorOf(KindFrontMatter, names("status"),
		"status = {status:q} 不是 folio 认识的状态：活动取消写 status = \"cancelled\"，延期写 \"postponed\"，照常举行就不要写 status",
		"status {status:q} is not known; write status = \"cancelled\" (取消) or \"postponed\" (延期), or leave it out for a scheduled event",
		"取消"),
	FMTypeUnknown: errorOf(KindFrontMatter, names("type"),
		"type = {type:q} 不是 folio 认识的页面类型：写 \"page\"（普通页面）、\"post\"（新闻通知）或 \"event\"（活动），或者不写 type",
		"unknown type {type:q} (use \"page\", \"post\" or \"event\", or leave type out)",
		"news"),
	FMEmptyItem: errorOf(KindFrontMatter, names("key"),
		"{key} 的列表里有一个空项 \"\"：把它删掉",
		"{key} has an empty item; remove the \"\" from the list",
		"tags"),
	FMRegistration: errorOf(KindFrontMatter, names("url", "problem"),
		"报名链接 registration = {url:q} {problem}",
		"registration = {url:q} {problem}",
		"javascript:alert(1)", Msg(LinkRunsScript, "javascript")),
	FMURL: errorOf(KindFrontMatter, names("url", "problem"),
		"网址 url = {url:q} {problem}",
		"url {url:q} {problem}",
		"/a b/", Msg(URLHasBadChar, Msg(BadSpace))),
	FMSlugNotOnePart: errorOf(KindFrontMatter, names("slug"),
		"slug = {slug:q} 只能是网址中的一段，不能含 / \\ ? #，也不能是 . 或 ..：写成 slug = \"skills-fair\" 这样",
		"slug {slug:q} must be one part of a URL, without / \\ ? # and not . or ..; write it like slug = \"skills-fair\"",
		"../../x"),
	FMSlugChar: errorOf(KindFrontMatter, names("slug", "char"),
		"slug = {slug:q} 含有{char}，网址里不能有：写成 slug = \"skills-fair\" 这样（词之间用 -）",
		"slug {slug:q} has {char}, which cannot be in a URL; write it like slug = \"skills-fair\" (a - between words)",
		"技能 大赛", Msg(BadSpace)),
	FMPermalinkURL: errorOf(KindFrontMatter, names("pattern", "problem"),
		"按 config.toml 里 [permalinks] 的格式 {pattern:q} 生成的网址{problem}：修改 slug",
		"the permalink pattern {pattern:q} gives a URL that {problem}",
		"/news/:year/:slug/", Msg(URLLeavesSite)),
	FMAlias: errorOf(KindFrontMatter, names("alias", "problem"),
		"旧网址 aliases 中的 {alias:q} {problem}",
		"alias {alias:q} {problem}",
		"/old\x1b/", Msg(URLHasBadChar, Msg(BadControl, "U+001B"))),
	FMLayoutUnknown: errorOf(KindFrontMatter, names("layout", "hint", "layouts"),
		"模板里没有 layout = {layout:q} 这个版式{hint}。可用的版式有 {layouts:q}：选一个，或者不写 layout，用页面默认的版式（网站的 layouts/{layout}.html 文件可以添加这个版式）",
		"layout {layout:q} is not a layout of the theme{hint}; the layouts are {layouts:q}; use one of them, or leave layout out for the page's usual one (a file layouts/{layout}.html in the site would add it)",
		"singel", DidYouMean("single"), []string{"list", "single"}),
	FMCoverMissing: errorOf(KindFrontMatter, names("name", "dir"),
		"封面 cover = {name:q} 不在这一期的文件夹 content/{dir}/ 里：把图片放进去，或者改正文件名",
		"cover {name:q} is not in the issue's folder, content/{dir}/; put the image there or correct the name",
		"cover.jpg", "journal/2024/15"),
	FMPDFMissing: errorOf(KindFrontMatter, names("name", "dir"),
		"PDF 文件 pdf = {name:q} 不在这一期的文件夹 content/{dir}/ 里：把文件放进去，或者改正文件名",
		"pdf {name:q} is not in the issue's folder, content/{dir}/; put the file there or correct the name",
		"15.pdf", "journal/2024/15"),
	FMColumnUnknown: errorOf(KindFrontMatter, names("column", "hint", "columns", "issue"),
		"栏目 column = {column:q} 不是这一期的栏目{hint}：请用 {columns:q} 之一（栏目列在 {issue} 的 columns 里）",
		"column {column:q} is not one of the issue's columns{hint}; use one of {columns:q}, as listed in {issue}",
		"教学研讨", DidYouMean("教学研究"), []string{"卷首语", "教学研究"}, "content/journal/2024/15/_index.md"),
	FMIssueNumberTaken: errorOf(KindFrontMatter, names("other", "number", "volume"),
		"{other} 也是 {volume} 年第 {number} 期：给其中一期换一个期号",
		"{other} is also issue {number} of {volume}; give one of them another number",
		"content/journal/2024/15/_index.md", 15, 2024),
	FMAttachmentMissing: errorOf(KindFrontMatter, names("name", "dir"),
		"附件 {name:q} 不在页面的文件夹（{dir}）里：带附件的通知是一个文件夹，里面放 index.md 和附件",
		"attachment {name:q} is not in the page's folder ({dir}); a notice with files is a folder with index.md and the files beside it",
		"回执.csv", "content/notices/a"),
	FMKeepNotPhoto: errorOf(KindFrontMatter, names("name", "dir"),
		"keepMetadata 里的 {name:q} 不是页面文件夹（{dir}）里的照片：只写和 index.md 放在同一个文件夹里的照片文件名，例如 keepMetadata = [\"合影.jpg\"]",
		"{name:q} in keepMetadata is not a photo of the page's folder ({dir}); name only photos in the folder of index.md, as in keepMetadata = [\"合影.jpg\"]",
		"合影.jpg", "content/news/camp"),
	FMKeepMetadata: warningOf(KindFrontMatter, names("name"),
		"keepMetadata 会把照片 {name} 连同 EXIF、XMP、IPTC 信息一起发布：拍摄地点的 GPS 位置、手机型号和序列号都会公开。除非已经检查过这张照片，否则请把它从 keepMetadata 里删掉",
		"keepMetadata publishes the photo {name} with its EXIF, XMP and IPTC data: the GPS position where it was taken, the phone and its serial number; remove it from keepMetadata unless the photo was checked",
		"合影.jpg"),
	FMImageNotPhoto: errorOf(KindFrontMatter, names("name", "dir"),
		"image 写的 {name:q} 不是页面文件夹（{dir}）里的照片：把照片（JPEG、PNG、GIF 或 WebP）和 index.md 放在同一个文件夹里，这里只写它的文件名，例如 image = \"合影.jpg\"",
		"image {name:q} is not a photo of the page's folder ({dir}); put the photo (JPEG, PNG, GIF or WebP) in the folder of index.md and write only its name, as in image = \"合影.jpg\"",
		"合影.jpg", "content/news/camp"),
	FMTooManyTerms: errorOf(KindFrontMatter, names("key", "n", "max"),
		"设置 {key} 写了 {n} 项，一页最多 {max} 项：只留读者会查找的几项",
		"{key} has {n} terms, more than the {max} a page may have; keep the few a reader would look for",
		"tags", 1000, 200),
	FMTermNoLetter: errorOf(KindFrontMatter, names("key", "value"),
		"设置 {key} 里的 {value:q} 没有文字或数字，无法生成它的网址：写一个词，例如 {key} = [\"技能大赛\"]",
		"{key}: {value:q} has no letter or digit to make the term's address from; write a word, like {key} = [\"技能大赛\"]",
		"tags", "!!!"),
	FMTermNoPage: errorOf(KindFrontMatter, names("key", "value", "hint", "known"),
		"设置 {key} 里的 {value:q} 在 content/{key}/ 下没有对应的页面{hint}：请用文件夹名或标题写其中之一（{known}），或者新建 content/{key}/<文件夹>/_index.md",
		"{key}: {value:q} has no page in content/{key}/{hint}; name one of {known} by its folder or title, or add content/{key}/<folder>/_index.md",
		"committees", "数控委", DidYouMean("cnc"), []string{"cnc", "weld"}),
	FMTermSpellings: errorOf(KindFrontMatter, names("key", "value", "other", "file", "url"),
		"设置 {key} 里的 {value:q} 和 {other:q}（在 {file}）生成了同一个页面 {url}：两个页面里请用同一种写法",
		"{key}: {value:q} and {other:q} (in {file}) both make the term page {url}; write the term the same way in both pages",
		"tags", "section", "Section", "content/a.md", "/tags/section/"),
	FMArticleNoIssue: errorOf(KindFrontMatter, names("section"),
		"期刊文章要放在某一期的文件夹里，即 content/{section}/<年>/<期号>/，和那一期的 _index.md 放在一起：把文件移过去",
		"a journal article must be in an issue's folder, content/{section}/<year>/<number>/, beside the issue's _index.md; move the file there",
		"journal"),

	// TOML documents.
	TOMLSyntax: errorOf(KindFrontMatter, names("hint", "said"),
		"设置的写法有误：{hint}{said}",
		"{hint}{said}",
		Msg(HintSyntax), Msg(ParserSaid, "expected a top-level item to end with a newline, comment, or EOF, but got '%' instead")),
	TOMLUnreadable: errorOf(KindFrontMatter, names("err"),
		"设置无法读取：{err}",
		"the settings cannot be read: {err}",
		"unexpected EOF"),
	TOMLTooManyKeys: errorOf(KindFrontMatter, names("n", "max"),
		"写了 {n} 项设置，一个文件最多 {max} 项：只留 folio 读取的设置，其余数据另存为一个文件",
		"{n} keys, more than the {max} a document may have; keep the keys folio reads and move data to a file of its own",
		100001, 1000),
	TOMLUnknownKey: errorOf(KindFrontMatter, names("key", "hint"),
		"folio 不认识设置 {key:q}{hint}",
		"unknown key {key:q}{hint}",
		"dat", DidYouMean("date")),
	TOMLNotDate: errorOf(KindFrontMatter, names("key", "value"),
		"设置 {key} = {value} 不是日期：日期写成 {key} = 2024-06-21，时间写成 {key} = 2024-06-21T09:30:00（不加引号）",
		"{key} = {value} is not a date; write a date like {key} = 2024-06-21 or a time like {key} = 2024-06-21T09:30:00",
		"date", `"昨天"`),
	TOMLNotText: errorOf(KindFrontMatter, names("key", "example", "value"),
		"设置 {key} 应当是加引号的文字，例如 {key} = \"{example}\"；现在写的是{value}",
		"{key} must be text in quotes, like {key} = \"{example}\"; it is {value}",
		"title", "2024", Msg(ValueNumber, 2024)),
	TOMLNotBool: errorOf(KindFrontMatter, names("key", "value"),
		"设置 {key} 只能写 true（是）或 false（否），不加引号；现在写的是{value}",
		"{key} must be true or false; it is {value}",
		"draft", `"yes"`),
	TOMLNotWholeNumber: errorOf(KindFrontMatter, names("key", "value"),
		"设置 {key} 应当是整数，不加引号，例如 {key} = 3；现在写的是{value}",
		"{key} must be a whole number without quotes, like {key} = 3; it is {value}",
		"weight", `"3"`),
	TOMLNotNumber: errorOf(KindFrontMatter, names("key", "value"),
		"设置 {key} 应当是数字，不加引号；现在写的是{value}",
		"{key} must be a number without quotes; it is {value}",
		"ratio", `"1.5"`),
	TOMLNotTable: errorOf(KindFrontMatter, names("key", "path", "value"),
		"设置 {key} 应当是一组设置：单独一行写 [{path}]，下面每行写 键 = 值；现在写的是{value}",
		"{key} must be a table, written [{path}] on a line of its own followed by key = value lines; it is {value}",
		"params", "params", Msg(ValueText, "x")),
	TOMLTableNotText: errorOf(KindFrontMatter, names("key", "value"),
		"设置 {key} 应当是加引号的文字；现在写的是{value}",
		"{key} must be text in quotes; it is {value}",
		"icp", Msg(ValueNumber, 1)),
	TOMLNotList: errorOf(KindFrontMatter, names("key", "value", "kind"),
		"设置 {key} 应当是列表，写成 {key} = [{value}]（方括号）；现在写的是{kind}",
		"{key} must be a list, like {key} = [{value}]; it is {kind}",
		"tags", `"a"`, Msg(ValueText, "a")),
	TOMLNotListOfTables: errorOf(KindFrontMatter, names("key", "value"),
		"设置 {key} 应当是一组组设置的列表，写成 {key} = [{...}, {...}]；现在写的是{value}",
		"{key} must be a list of tables, like {key} = [{...}, {...}]; it is {value}",
		"authors", Msg(ValueText, "张三")),
	TOMLItemNotText: errorOf(KindFrontMatter, names("key", "item", "value", "fix"),
		"设置 {key} 应当是加引号的文字的列表；第 {item} 项是{value}{fix}",
		"{key} must be a list of texts in quotes; item {item} is {value}{fix}",
		"tags", 2, Msg(ValueNumber, 2024), Msg(QuoteIt, `"2024"`)),
	TOMLItemNotWhole: errorOf(KindFrontMatter, names("key", "item", "value"),
		"设置 {key} 应当是整数的列表，例如 {key} = [480, 800]；第 {item} 项是{value}",
		"{key} must be a list of whole numbers, like {key} = [480, 800]; item {item} is {value}",
		"widths", 2, Msg(ValueText, "800")),
	TOMLItemNotTable: errorOf(KindFrontMatter, names("key", "item", "value"),
		"设置 {key} 的每一项应当写成 {name = \"...\"} 这样；第 {item} 项是{value}",
		"{key} must be a list of tables like {name = \"...\"}; item {item} is {value}",
		"authors", 1, Msg(ValueText, "张三")),

	// config.toml.
	ConfigUnreadable: errorOf(KindConfig, names("err"),
		"无法读取网站配置文件：{err}（请在网站的文件夹里运行 folio，或者用 --source 指定它）",
		"cannot read the site's configuration: {err} (run folio in the site's folder, or pass --source)",
		"read config.toml: input/output error"),
	ConfigPaginate: errorOf(KindConfig, names("n"),
		"paginate = {n}：它是列表每页显示的条数，请写一个大于 0 的数，或者不写（默认 10）",
		"paginate = {n}: it is the number of items on a page of a list; write a number above 0, or leave it out for 10",
		0),
	ConfigTaxonomy: errorOf(KindConfig, names("name"),
		"[taxonomies] 里的分类 {name:q} folio 不认识：folio 有 tags（标签）、categories（分类）和 committees（专业委员会）",
		"taxonomy {name:q} is not known; folio has tags, categories and committees",
		"topics"),
	ConfigTimeZone: errorOf(KindConfig, names("zone", "err"),
		"时区 timeZone = {zone:q} 无法识别（{err}）：写成 \"Asia/Shanghai\" 这样的名称",
		"time zone {zone:q}: {err}; use a name like \"Asia/Shanghai\"",
		"Beijing", "unknown time zone Beijing"),
	ConfigTimeZoneLocal: errorOf(KindConfig, nil,
		"时区 timeZone = \"Local\" 会用生成网站的那台电脑的时区，不同电脑生成的网站会不一样：写成 \"Asia/Shanghai\" 这样的名称",
		"time zone \"Local\": the build machine's zone would make the site differ between machines; use a name like \"Asia/Shanghai\""),
	ConfigBaseURL: errorOf(KindConfig, names("url"),
		"网站地址 baseURL = {url:q} 应当是完整的地址，例如 \"https://www.example.org/\"",
		"baseURL {url:q} must be a full address like \"https://www.example.org/\"",
		"www.example.org"),
	ConfigMenuLink: errorOf(KindConfig, names("name", "url", "problem"),
		"菜单项 {name:q} 的链接 url = {url:q} {problem}",
		"menu {name:q}: url {url:q} {problem}",
		"坏", "vbscript:msgbox(1)", Msg(LinkRunsScript, "vbscript")),
	ConfigFooterLink: errorOf(KindConfig, names("key", "url", "problem"),
		"页脚的 {key} = {url:q} {problem}",
		"{key} = {url:q} {problem}",
		"icpLink", "javascript:alert(1)", Msg(LinkRunsScript, "javascript")),
	ConfigPermalinkPart: errorOf(KindConfig, names("pattern", "part"),
		"[permalinks] 的网址格式 {pattern:q} 里有 folio 不认识的部分 {part}（可用 :year、:month、:day、:slug、:section、:filename）",
		"permalink {pattern:q} has an unknown part {part} (use :year, :month, :day, :slug, :section or :filename)",
		"/news/:yyyy/:slug/", ":yyyy"),
	ConfigPermalinkRoot: errorOf(KindConfig, names("pattern"),
		"[permalinks] 的网址格式 {pattern:q} 必须以 / 开头",
		"permalink {pattern:q} must start with /",
		"news/:slug/"),
	ConfigThemeMissing: errorOf(KindConfig, names("theme", "dir"),
		"找不到主题 theme = {theme:q}：没有文件夹 {dir}。请把 theme 写成 themes/ 里某个文件夹的名字",
		"theme {theme:q} not found: there is no folder {dir}; set theme to the name of a folder in themes/",
		"nope", "themes/nope"),

	// Links.
	LinkBroken: errorOf(KindLink, names("target", "problem"),
		"链接 {target}：{problem}",
		"link to {target}: {problem}",
		"../notices/plan.md", Msg(WhyNoFile, "content/notices/plan.md")),
	LinkBrokenInSite: errorOf(KindLink, names("url", "problem"),
		"链接 {url}：{problem}",
		"link to {url}: {problem}",
		"/about/#history", Msg(WhyNoPart, "history")),
	LinkBrokenOutside: warningOf(KindLink, names("url", "problem"),
		"链接 {url}：{problem}（这是从本机检查的结果，对方网站也可能只是暂时打不开）",
		"link to {url}: {problem} (checked from here; the other site may only be down for now)",
		"https://example.org/x", "the other site answered 404 Not Found"),

	// Images.
	ImageNoAlt: warningOf(KindImage, names("src"),
		"图片 {src} 没有说明：在方括号里写上图片的内容，例如 ![夏令营合影]({src})，看不到图片的读者（包括用读屏软件的读者）只能读到它",
		"image {src} has no description; write what it shows between the brackets: ![夏令营合影]({src})",
		"photo.jpg"),
	ImageBroken: warningOf(KindImage, names("src", "problem"),
		"图片 {src}：{problem}。读者会看到一张破损的图片，页面也无法给出它的尺寸：请重新导出或上传这张图片",
		"image {src}: {problem}: readers would see a broken image, and the page cannot give its size; export or upload the image again",
		"photo.png", Msg(ImageUnreadable, "content/news/a/photo.png", "PNG", "image: unknown format")),

	// The Markdown text.
	MarkupTooDeep: errorOf(KindMarkup, names("max"),
		"列表或引用嵌套超过了 {max} 层：没有页面需要这么多层，而且每多一层都会让转换变慢，请减少层数",
		"a list or quote nested more than {max} levels deep; no page needs so many, and each level more costs the converter time for all the ones before: flatten it",
		100),
	MarkupFailed: errorOf(KindMarkup, names("err"),
		"正文无法转换：{err}",
		"cannot render the Markdown: {err}",
		"unexpected EOF"),
	MarkupRawHTML: warningOf(KindMarkup, nil,
		"正文里的 HTML 代码没有发布（为了安全，网站不发布正文里的 HTML）：请改用 Markdown 写法，或用 {{< figure >}}、{{< table >}}、{{< video >}} 等简码；确实需要 HTML 时请找网站的维护人员",
		"raw HTML is left out of the page (for safety, the site does not publish HTML in a text); write it in Markdown, or with a shortcode such as {{< figure >}}, {{< table >}} or {{< video >}}; if it must be HTML, ask the site's maintainer (README: [markup] unsafe)"),
	MarkupSpacedAddress: warningOf(KindMarkup, names("text"),
		"{text} 没有成为图片或链接，读者会看到这段原样的文字：地址里有空格，Markdown 不认；把文件名里的空格去掉，或把地址写在尖括号里，如 ![合影](<学员 合影.jpg>)",
		"{text} is not an image or a link, and readers see it as it is written: Markdown does not read an address with a space; take the spaces out of the file's name, or write the address in angle brackets, like ![合影](<学员 合影.jpg>)",
		"![合影](学员 合影.jpg)"),
	MarkupFullWidthMarks: warningOf(KindMarkup, names("text"),
		"{text} 里有中文输入法打出的全角符号 ！（ ），Markdown 只认英文的 ! ( )，所以它没能显示成图片或链接，读者会看到这些符号：请用英文输入法重打这几个符号",
		"{text} has full-width ！（ ）, typed with a Chinese input method, and Markdown reads only ! ( ), so it is not shown as the image or link it was meant to be, and readers see the marks: type them again with an English input method",
		"[回执]（回执.csv）"),
	MarkupNotHeading: warningOf(KindMarkup, names("text"),
		"{text} 没有成为标题，读者会看到前面的 #：# 和标题文字之间要有一个空格，如 ## 活动花絮",
		"{text} is not a heading, and readers see its #: put a space between the # and the heading's words, like ## 活动花絮",
		"##活动花絮"),

	// The theme.
	ThemeSymlink: warningOf(KindTheme, nil,
		"这是一个符号链接（快捷方式），folio 不跟随它，它指向的内容不会发布：请把文件或文件夹复制到这里",
		"a symbolic link, which folio does not follow: what it points to is not published; copy the file or folder here instead of linking to it"),
	ThemeNoBaseof: errorOf(KindTheme, nil,
		"主题缺少 layouts/baseof.html：每个版式都要填进它，所以主题必须有这个文件（可以从 themes/default 复制）",
		"layouts/baseof.html is missing; every layout fills it, so the theme needs one (copy it from themes/default)"),
	ThemeUnreadable: errorOf(KindTheme, names("err"),
		"无法读取版式文件：{err}",
		"cannot read layout: {err}",
		"permission denied"),
	ThemeSyntax: errorOf(KindTheme, names("detail"),
		"版式的写法有误：{detail}",
		"{detail}",
		`unexpected "}" in operand`),
	ThemeExec: errorOf(KindTheme, names("detail", "page", "more"),
		"版式运行出错：{detail}（生成 {page} 时，另有 {more} 个页面出同样的错）",
		"{detail} (rendering {page} and {more} more)",
		`executing "main" at <.Page.Nope>: can't evaluate field Nope`, "about/index.html", 0),
	ThemeMissingT: errorOf(KindTheme, names("key", "hint", "file"),
		"版式用了文字 T {key:q}，但 i18n 文件里都没有它{hint}：在 {file} 里加一行 {key} = \"……\"",
		"a layout asks for T {key:q}, which no i18n file has{hint}; add {key} = \"...\" to {file}",
		"readMore", DidYouMean("readmore"), "i18n/zh-CN.toml"),
	ThemeI18nSyntax: errorOf(KindTheme, names("err"),
		"i18n 文件的写法有误：{err}（每行写 键 = \"文字\"）",
		"i18n: {err} (each line is key = \"text\")",
		"expected '=' after key"),
	ThemeLinkBroken: errorOf(KindTheme, names("page", "url", "problem"),
		"版式在页面 {page} 里写的链接 {url}：{problem}",
		"the page {page} links to {url}: {problem}",
		"about/index.html", "/abuot/", Msg(WhyNoPageInSite)),
	ThemeTemplateFailed: errorOf(KindTheme, names("detail", "page"),
		"版式运行出错：{detail}（生成 {page} 时）",
		"{detail} (rendering {page})",
		`executing "main" at <.Page.Nope>: can't evaluate field Nope`, "about/index.html"),

	ThemeNoLayout: partOf(names("layout"),
		"主题没有 layouts/{layout}.html 这个版式：请添加一个",
		"the theme has no layouts/{layout}.html; add one",
		"404"),
	ThemeNoLayouts: partOf(names("layout", "fallback"),
		"主题既没有 layouts/{layout}.html，也没有 layouts/{fallback}.html：请添加其中一个",
		"the theme has no layouts/{layout}.html or layouts/{fallback}.html; add one",
		"taxonomy", "list"),

	// Collisions.
	CollisionBoth: errorOf(KindCollision, names("first", "second", "path", "fix"),
		"{first} 和 {second} 生成了同一个文件 {path}{fix}",
		"{first} and {second} both make {path}{fix}",
		"content/a.md", "content/b.md:3:1", "a/index.html", Msg(FixOneSlug)),
	CollisionInPath: errorOf(KindCollision, names("inside", "path", "file", "dir", "fix"),
		"{inside} 生成 {path}，但 {file} 已经生成了同名的文件 {dir}{fix}",
		"{inside} makes {path}, but {file} makes {dir}, a file of that name{fix}",
		"content/feed-page.md:3:1", "feed.xml/index.html", "the feed", "feed.xml", Msg(FixEither, Msg(FixSlugOrURL, "content/feed-page.md"))),

	// Encoding.
	EncodingNotUTF8: errorOf(KindEncoding, nil,
		"文件不是 UTF-8 编码（可能是 GBK 等编码，或者根本不是文本）：请用 UTF-8 编码重新保存",
		"the file is not valid UTF-8 text (it may be in GBK or another encoding, or not text at all); save it as UTF-8"),
	EncodingControls: warningOf(KindEncoding, names("n"),
		"删除了 {n} 个看不见的控制字符，第一个在这里（从 Word 复制过来的？）：订阅源里不能有这种字符",
		"removed {n} invisible control character(s), the first here (pasted from Word?); they are not allowed in feeds",
		2),

	// Files.
	FileUnreadable: errorOf(KindFile, names("err"),
		"无法读取：{err}",
		"cannot read: {err}",
		"permission denied"),
	FileNoContent: errorOf(KindFile, names("err"),
		"没有 content 文件夹（{err}）：网站的页面都放在 content/ 里",
		"there is no content folder: {err}; the site's pages go in content/",
		"stat content: no such file or directory"),
	FileTooBig: errorOf(KindFile, names("mb", "max"),
		"文件有 {mb} MB，超过了 Markdown 文件最多 {max} MB 的限制：把它拆成几个页面，或者做成文件（PDF）发布，再链接到它",
		"the file has {mb} MB, more than the {max} MB a Markdown file may have; split it into pages, or publish it as a file (a PDF) and link to it",
		"40.0", 32),
	FileSymlink: warningOf(KindFile, nil,
		"这是一个符号链接（快捷方式），folio 不跟随它，它指向的内容不会发布：请把文件或文件夹复制到这里",
		"a symbolic link, which folio does not follow: what it points to is not published; copy the file or folder here instead of linking to it"),
	FileHTML: errorOf(KindSafety, names("ext"),
		"content/ 里的 HTML 文件（{ext}）会原样发布，其中的脚本会在网站上运行：请改写成 Markdown（带开头设置的 .md 文件）；如果所有能提交内容的人都可信，可以在 config.toml 的 [markup] 下设置 unsafe = true",
		"a file of HTML ({ext}) in content/ would be published as it is, and a script in it would run on the site; write it as Markdown (a .md file with front matter), or, if everyone who can commit to the site is trusted, set unsafe = true under [markup] in config.toml",
		".html"),
	FileSVGZ: errorOf(KindSafety, nil,
		"压缩的矢量图（.svgz）无法检查其中有没有脚本：请另存为普通的 .svg",
		"a compressed drawing (.svgz) cannot be checked for script; save it as plain .svg"),
	FileSVGBroken: errorOf(KindSafety, names("detail"),
		"这个矢量图无法按 SVG 读取：{detail}。请在绘图软件里重新导出为普通 SVG",
		"the drawing cannot be read as SVG: {detail}; export it again as plain SVG from the drawing program",
		"element <g> closed by </svg>"),
	FileSVGCleaned: warningOf(KindSafety, names("what"),
		"矢量图发布时去掉了可能运行脚本或加载其他文件的部分：{what}。如果图因此缺了需要的内容，请改用图形和文字画出来",
		"the drawing is published without what could run script or load other files: {what}; if the drawing lost something it needs, draw it with shapes and text instead",
		[]Message{Msg(SVGDropped, "<script>", 3), Msg(SVGDropped, "onload", 1)}),
	FilePathChar: errorOf(KindFile, names("path", "char"),
		"文件路径 {path:q} 含有{char}，网址里不能有：给文件或文件夹改名，或者在开头设置里写 url",
		"the file's path {path:q} has {char}, which cannot be in a URL; rename the file or its folder, or set url",
		"news/技能 大赛", Msg(BadSpace)),
	FileNameURL: errorOf(KindFile, names("url", "problem"),
		"文件名生成的网址 {url:q} {problem}：给文件改名，或者在开头设置里写 slug",
		"the file's name makes the URL {url:q}, which {problem}; rename the file, or set slug",
		"/news/%E6/", Msg(URLHasBadChar, Msg(BadEscape, "%E6"))),
	FileNoHome: errorOf(KindFile, nil,
		"网站没有首页：新建 content/_index.md，写上 title",
		"the site has no home page; create content/_index.md with a title"),
	FileChanged: errorOf(KindFile, nil,
		"这个文件在生成网站的过程中被改动了：保存好以后再生成一次",
		"the file changed while the site was being built; build again once it is saved"),
	FileDestBusy: errorOf(KindFile, nil,
		"另一个 folio build 正在写入这个文件夹：等它结束后，再运行一次 folio build。在 CI 里，请让写入同一个文件夹的任务依次执行，不要同时运行",
		"another folio build is writing this folder: run folio build again once it has ended (in CI, make the jobs that write this folder run one after another, not at once)"),
	FileWriteFailed: errorOf(KindFile, names("err"),
		"无法写入网站：{err}",
		"cannot write the site: {err}",
		"no space left on device"),

	// Bugs and the command's use.
	InternalBug: errorOf(KindInternal, names("value"),
		"内部错误：{value}。这是 folio 的程序错误，不是文件写错了：请报告给 folio 的开发者",
		"internal error: {value}; this is a bug in folio, not a mistake in the file: please report it to folio's developers",
		"runtime error: index out of range"),
	UsageDestination: errorOf(KindUsage, names("problem"),
		"{problem}",
		"{problem}",
		Msg(DestRoot, "/")),
	UsageNow: errorOf(KindUsage, names("value"),
		"--now {value:q} 不是时间：写成 2024-06-21 或 2024-06-21T09:00:00+08:00",
		"--now {value:q} is not a time; write it like 2024-06-21 or 2024-06-21T09:00:00+08:00",
		"昨天"),
	UsageFlag: errorOf(KindUsage, names("flag", "hint"),
		"没有 {flag} 这个选项{hint}。运行 folio help 可以看到每个命令的选项",
		"unknown option {flag}{hint}; folio help lists each command's options",
		"--destnation", Msg(HintDidYouMean, "--destination")),
	UsageArgument: errorOf(KindUsage, names("arg"),
		"多余的参数 {arg:q}：文件夹要写在选项后面，例如 -d public。运行 folio help 可以看到每个命令的写法",
		"unexpected argument {arg:q}; a folder goes after its option, like -d public (folio help shows how each command is written)",
		"public"),
	UsageCommand: errorOf(KindUsage, names("command", "hint"),
		"没有 {command:q} 这个命令{hint}",
		"unknown command {command:q}{hint}",
		"biuld", Msg(HintDidYouMean, "build")),
	UsageBaseURL: errorOf(KindUsage, names("url"),
		"--baseURL {url:q} 应当是完整的地址，例如 \"https://www.example.org/\"",
		"--baseURL {url:q} must be a full address like \"https://www.example.org/\"",
		"example.org"),
	UsageNoConfig: errorOf(KindUsage, names("dir", "command"),
		"{dir} 里没有 config.toml，不是网站的文件夹：请在网站的文件夹里运行 {command}，或者用 --source（-s）指定网站的文件夹",
		"{dir} has no config.toml, so it is not a site's folder; run {command} in the site's folder, or give it with --source (-s)",
		"/home/editor", "folio serve"),
	UsagePortInUse: errorOf(KindUsage, names("addr"),
		"{addr} 已经被别的程序占用（另一个 folio serve？）：用 --port 换一个端口",
		"{addr} is taken by another program (another folio serve?); choose another with --port",
		"127.0.0.1:1313"),
	UsageNew: errorOf(KindUsage, nil,
		"请写 folio new 类型 \"标题\"，类型是 notice（通知）、news（新闻）、event（活动）、issue（期刊的一期）或 article（期刊文章）",
		"write folio new KIND \"TITLE\", KIND being notice, news, event, issue or article"),
	UsageNewSection: errorOf(KindUsage, names("section"),
		"--section {section:q} 不是栏目：请写 content/ 里一个文件夹的名字，例如 news 或 notices",
		"--section {section:q} is not a section: give the name of a folder inside content/, such as news or notices",
		"../x"),
	UsageNewKind: errorOf(KindUsage, names("kind"),
		"没有 {kind:q} 这种类型：请写 notice、news、event、issue 或 article",
		"unknown kind {kind:q}; write notice, news, event, issue or article",
		"nwes"),
	UsageNewArchetype: errorOf(KindUsage, names("kind", "err"),
		"页面模板 archetypes/{kind}.md 有误：{err}",
		"archetype {kind}.md: {err}",
		"news", `template: news:3: unexpected "}" in operand`),
	UsageNewExists: errorOf(KindUsage, names("path"),
		"{path} 已经存在；folio new 从不覆盖文件：换一个标题，或者直接编辑那个文件",
		"{path} already exists; folio new never overwrites a file: give another title, or edit that file",
		"content/news/2026/skills-fair/index.md"),
	UsageNewNoArchetype: errorOf(KindUsage, names("kind", "theme"),
		"没有 {kind} 的页面模板：archetypes/{kind}.md 和 themes/{theme}/archetypes/{kind}.md 都不存在",
		"no archetype for {kind}: neither archetypes/{kind}.md nor themes/{theme}/archetypes/{kind}.md exists",
		"news", "default"),
	UsageNewNoIssue: errorOf(KindUsage, names("journal"),
		"{journal} 里还没有期刊，而文章要放进最新的一期：先用 folio new issue 新建一期（或者 folio new issue \"2026年第1期\" 指定年份和期号）",
		"there is no journal issue yet in {journal}, and an article goes into the newest issue; make one first with folio new issue (or folio new issue \"2026年第1期\" to give its year and number)",
		"content/journal"),
	UsageNewNoTitle: errorOf(KindUsage, names("kind"),
		"标题是空的：请在类型后面写上标题，例如 folio new {kind} \"关于举办技能竞赛的通知\"",
		"the title is empty; write it after the kind, for example folio new {kind} \"关于举办技能竞赛的通知\"",
		"notice"),
	UsageNewNoSection: errorOf(KindUsage, names("section", "hint", "sections"),
		"没有 content/{section} 这个栏目{hint}：--section 请写已有的栏目：{sections}；要开一个新栏目，先在 content/ 里建好这个文件夹",
		"there is no section content/{section}{hint}; give --section an existing one: {sections}; for a new section, make its folder in content/ first",
		"notice", Msg(HintDidYouMean, "notices"), []string{"news", "notices"}),
	UsageNewNoSections: errorOf(KindUsage, names("section"),
		"没有 content/{section} 这个栏目，content/ 里也还没有别的栏目：不写 --section，folio new 会放进默认的栏目（通知放 notices，新闻放 news）；要开一个新栏目，先在 content/ 里建好这个文件夹",
		"there is no section content/{section}, nor any other in content/ yet; leave --section out and folio new uses the default one (notices for a notice, news for news), or make the folder in content/ first",
		"notice"),
	UsageLang: errorOf(KindUsage, names("lang"),
		"--lang {lang:q}：folio 会说 zh-CN（中文）和 en（英文）",
		"--lang {lang:q}: folio speaks zh-CN (Chinese) and en (English)",
		"fr"),

	// What the command says at the end.
	SaidBuildFailed: partOf(names("n", "dest"),
		"folio：{n} 个错误；什么也没写，{dest} 保持原样",
		"folio: {n} error(s); nothing was written, {dest} is as it was",
		2, "public"),
	SaidBuilt: partOf(names("pages", "files", "changed", "dest", "took"),
		"folio：已生成 {pages}，共 {files} 个文件（{changed} 个有变化），写入 {dest}，用时 {took}",
		"folio: built {pages} -> {files} files ({changed} changed) in {dest} in {took}",
		Msg(SaidPages, 4, []Message{Msg(SaidKindCount, 3, Msg(NamePost)), Msg(SaidKindCount, 1, Msg(NameHome))}), 300, 3, "public", "1.2s"),
	SaidCheckProblems: partOf(names("n"),
		"folio check：{n} 个问题",
		"folio check: {n} problem(s)",
		3),
	SaidCheckClean: partOf(names("pages", "files"),
		"folio check：没有问题（{pages} 个页面，{files} 个文件）",
		"folio check: no problems ({pages} pages, {files} files)",
		42, 300),
	SaidCheckWarnings: partOf(names("n", "pages", "files"),
		"folio check：没有错误，{n} 个警告（{pages} 个页面，{files} 个文件）",
		"folio check: no errors, {n} warning(s) ({pages} pages, {files} files)",
		2, 42, 300),
	SaidServeFailed: partOf(names("what", "n", "took"),
		"{what}：{n} 个错误，预览仍显示上一次成功生成的网站（{took}）",
		"{what}: {n} error(s), still serving the last good site ({took})",
		"content/news/a.md", 1, "35ms"),
	SaidServeBuilt: partOf(names("what", "pages", "changed", "took"),
		"{what}：生成了 {pages} 个网页文件（列表页、分页也算在内），{changed} 个文件有变化，用时 {took}",
		"{what}: rendered {pages} HTML file(s) (lists and their pages included), {changed} file(s) changed, in {took}",
		"content/news/a.md", 1, 2, "35ms"),
	SaidWarnings: partOf(names("n"),
		"，{n} 个警告",
		", {n} warning(s)",
		2),
	SaidFirstBuild: partOf(nil, "第一次生成", "first build"),
	SaidPages: partOf(names("n", "kinds"),
		"{n} 个页面（{kinds}）",
		"{n} pages ({kinds})",
		8, []Message{Msg(SaidKindCount, 3, Msg(NamePost)), Msg(SaidKindCount, 1, Msg(NameEvent))}),
	SaidKindCount: partOf(names("n", "kind"),
		"{kind} {n}",
		"{n} {kind}",
		3, Msg(NamePost)),
	SaidCannotBuild: partOf(names("err", "dest"),
		"folio build：{err}；{dest} 保持原样",
		"folio build: {err}; {dest} is as it was",
		"no space left on device", "public"),
	WhyStopped: partOf(nil,
		"已停止：按了 Ctrl-C，或者收到了让它停下的信号",
		"stopped: Ctrl-C was pressed, or a signal to stop came"),
	SaidNoReport: partOf(names("err"),
		"无法写入报告：{err}",
		"cannot write the report: {err}",
		"permission denied"),
	SaidNoNextChange: partOf(nil, "无", "none"),
	SaidServing: partOf(names("url"),
		"网站在 {url}（按 Ctrl-C 停止）",
		"the site is at {url} (Ctrl-C stops)",
		"http://127.0.0.1:1313/"),
	SaidServingOthers: partOf(names("urls"),
		"其他电脑可以打开 {urls}",
		"other computers can open it at {urls}",
		"http://192.168.1.5:1313/"),
	SaidStopped: partOf(nil, "已停止", "stopped"),
	SaidBuildErrors: partOf(names("n"),
		"folio build：{n} 个错误，网站没有更新",
		"folio build: {n} error(s); nothing was published",
		2),
	SaidBug: partOf(names("file"),
		"folio：这是 folio 的程序错误，不是网站内容写错了；请把文件 {file} 发给 folio 的开发者，里面记录了出错的位置",
		"folio: this is a bug in folio, not a mistake in your site; please report it to folio's developers with the file {file}, which says where it happened",
		"/tmp/folio-bug-1.txt"),
	SaidNewNoPlace: partOf(nil,
		"预览：folio 无法确定这个页面的位置；运行 folio build 可以看到原因",
		"preview: folio could not place the page; folio build says why"),
	SaidNewPreview: partOf(names("url"),
		"预览：{url}（先运行 folio serve）",
		"preview: {url} (folio serve)",
		"http://127.0.0.1:1313/news/2026/skills-fair/"),
	SaidNewDraft: partOf(nil,
		"草稿：folio serve 的预览里能看到它（带“草稿”标记）；删掉 draft = true 后，folio build 才会发布它",
		"draft: folio serve shows it with a 草稿 banner; folio build publishes it once you delete draft = true"),
	SaidNewFuture: partOf(nil,
		"定时发布：folio serve 的预览里能看到它（带“定时发布”标记）；到了日期，folio build 才会发布它",
		"dated in the future: folio serve shows it with a 定时发布 banner; folio build publishes it once its date comes"),
	SaidNewBundle: partOf(names("dir"),
		"照片和附件：放在 {dir} 里，和 index.md 放在一起",
		"photos and attachments: put them in {dir}, beside index.md",
		"content/news/2026/skills-fair"),
	SaidNewColumns: partOf(names("columns"),
		"栏目：column 请写这一期的栏目之一：{columns}",
		"column: write one of the issue's columns: {columns}",
		[]string{"卷首语", "教学研究"}),
	SaidSiteBuilt: partOf(nil, "folio build：网站已生成", "folio build: the site was built"),
	SaidFiles: partOf(names("pages", "files", "changed"),
		"{pages}，{files} 个文件（{changed} 个有变化）",
		"{pages}, {files} files ({changed} changed)",
		Msg(SaidPages, 1, []Message{Msg(SaidKindCount, 1, Msg(NameHome))}), 300, 3),
	SaidMinified: partOf(names("before", "after"),
		"，压缩 {before} -> {after} KB",
		", minified {before} -> {after} KB",
		900, 600),
	SaidOverlayTitle: partOf(nil,
		"网站没有更新：内容有错误",
		"The site was not updated: the content has errors"),
	SaidOverlayIntro: partOf(nil,
		"请按提示修改下面列出的文件并保存，改好后本提示会自动消失。浏览器中显示的是上一次成功生成的网站。",
		"Fix the files listed below as each message says and save: this notice goes away by itself once they are fixed. The browser shows the site as it was last built without errors."),
	SaidPanelTitle: partOf(names("n"),
		"有 {n} 条提醒",
		"{n} warning(s)",
		2),
	SaidPanelIntro: partOf(nil,
		"网站已更新。这些内容不会阻止发布，但读者可能看不到或看不清，建议修改：",
		"The site was updated. These do not stop it from being published, but readers may not see them or see them well; consider fixing them:"),
	SaidPanelClose: partOf(nil, "关闭提醒", "Close the warnings"),
	More: partOf(names("n"),
		"……还有 {n} 条",
		"... and {n} more",
		5),
	Nothing: partOf(nil, "", ""),
	HintDidYouMean: partOf(names("name"),
		"（是不是想写 {name:q}？）",
		" (did you mean {name:q}?)",
		"date"),

	// Why a link leads nowhere.
	WhyNoFile: partOf(names("file"),
		"没有文件 {file}：请检查路径（大小写也要一致），路径是相对于本文件所在的文件夹",
		"there is no file {file}; check the path (upper and lower case must match), relative to this file's folder",
		"content/news/plan.md"),
	WhyFolder: partOf(names("file", "index"),
		"{file} 是一个文件夹：请链接到其中的 {index}",
		"{file} is a folder: link to its {index}",
		"content/news/fair", "fair/index.md"),
	WhyFrontMatterError: partOf(names("file", "at"),
		"文件 {file} 存在，但其开头的设置有错误，见 {at} 那一条（改正后链接就能用）",
		"the file {file} is there, but its front matter has an error, reported at {at} (the link works once it is fixed)",
		"content/news/b.md", "content/news/b.md:3:8"),
	WhyUnpublished: partOf(names("file", "why"),
		"{file} 在这次生成中不发布：{why}",
		"{file} is not published in this build: {why}",
		"content/news/b.md", Msg(WhyDraft)),
	WhyNoPageInSite: partOf(nil,
		"网站里没有这个页面或文件",
		"there is no such page or file in the site"),
	WhyNoPageLinkFile: partOf(nil,
		"网站里没有这个页面：请检查地址。链接站内文章时，最好写它的文件（如 [标题](../notices/plan.md)），folio 会算出它的地址，文章改名或移动后链接也不会断",
		"there is no such page in the site; check the address, or link to the page's file ([标题](../notices/plan.md)): folio works out its address, and the link never breaks when the page moves"),
	WhyNoPageForMenu: partOf(nil,
		"网站里没有这个页面：写好这一页，或把 url 改成已有页面的地址，或删去这一项",
		"there is no such page in the site: write the page, point the url at a page that exists, or remove the item"),
	WhyNotAddress: partOf(nil,
		"这不是一个有效的地址",
		"it is not a valid address"),
	WhyOutsideBase: partOf(names("base"),
		"它指向网站路径 {base} 之外",
		"it leads outside the site's base path {base}",
		"/sub/"),
	WhyNoPart: partOf(names("id"),
		"页面里没有 #{id} 这一部分（页面目录里能看到各标题的 id）",
		"the page has no part #{id} (its headings' ids are shown in its table of contents)",
		"history"),
	WhyDraft: partOf(nil,
		"它是草稿（draft = true；用 --drafts 生成才包括它）",
		"it is a draft (draft = true; build with --drafts to include it)"),
	WhyFuture: partOf(names("date"),
		"它定于 {date} 发布（用 --future 生成才包括它）",
		"it is to be published on {date} (build with --future to include it)",
		"2027-01-01 09:00"),
	WhyExpired: partOf(names("date"),
		"它已于 {date} 过期（expiryDate）",
		"it expired on {date} (expiryDate)",
		"2024-01-01 00:00"),
	WhyIssueUnpublished: partOf(names("issue", "why"),
		"它所在的这一期 {issue} 不发布：{why}",
		"its issue {issue} is not published: {why}",
		"content/journal/2024/15/_index.md", Msg(WhyDraft)),
	WhyInFolderOf: partOf(names("page", "why"),
		"它在 {page} 的文件夹里，而那个页面不发布：{why}",
		"it is in the folder of {page}, which is not published: {why}",
		"content/news/a/index.md", Msg(WhyDraft)),
	WhyBelongsTo: partOf(names("page", "why"),
		"它属于 {page}，而那个页面不发布：{why}",
		"it belongs to {page}, which is not published: {why}",
		"content/news/a/index.md", Msg(WhyDraft)),
	ArticleDraftInIssue: warningOf(KindSchedule, names("issue"),
		"这篇文章是草稿（draft = true），而它所在的这一期 {issue} 已经发布：folio build 不会发布这篇文章，网站上本期的目录里也没有它。要随本期一起发布，请删除这一行",
		"this article is a draft (draft = true), but its issue {issue} is published: folio build leaves the article out, and the published issue's contents do not list it; delete this line to publish it with the issue",
		"content/journal/2026/3/_index.md"),
	ArticleFutureInIssue: warningOf(KindSchedule, names("issue", "date"),
		"这篇文章定于 {date} 才发布，而它所在的这一期 {issue} 已经发布：在那之前 folio build 不会发布这篇文章，网站上本期的目录里也没有它。要随本期一起发布，请删除这一行，或把日期改早",
		"this article is to be published on {date}, but its issue {issue} is published: until then folio build leaves the article out, and the published issue's contents do not list it; delete this line, or make the date earlier, to publish it with the issue",
		"content/journal/2026/3/_index.md", "2027-01-01 09:00"),
	WhyNoFileInSite: partOf(nil,
		"网站里没有这个文件：请检查文件名的拼写（大小写也要一致）和文件放的位置：static/ 里的文件，地址就是它在 static/ 下的路径（static/images/a.png 的地址是 /images/a.png）；和页面放在一起的照片和附件，请写相对于本文件的路径（如 ![照片](photo.jpg)），folio 会检查它在不在",
		"there is no such file in the site; check the file name's spelling (upper and lower case count) and where the file is: a file of static/ has its path below static/ as its address (static/images/a.png is /images/a.png); for a photo or attachment beside the page, write its path from this file (![照片](photo.jpg)), and folio checks that it is there"),
	FMPublishKeyInParams: errorOf(KindFrontMatter, names("key"),
		"{key} 写在了 [params] 那一行的下面，那里只是给版式用的附加数据，folio 不会按它决定这一页发不发布、何时发布：把这一行移到 [params] 的上面",
		"{key} is below the [params] line, where it is extra data for the layouts: folio does not read it to decide whether or when the page is published; move the line above [params]",
		"draft"),
	FMOwnKeyInParams: warningOf(KindFrontMatter, names("key", "own"),
		"{key} 写在了 [params] 那一行的下面，那里只是给版式用的附加数据，folio 不会把它当作这一页的 {own}：把这一行移到 [params] 的上面",
		"{key} is below the [params] line, where it is extra data for the layouts: folio does not read it as the page's {own}; move the line above [params]",
		"title", "title"),
	EventPublishedLate: warningOf(KindSchedule, names("key", "date", "start"),
		"{key} = {date} 已到活动当天（start = {start}）：{key} 是这条活动在网站上发布的时间，到那时网站上才有它，读者事先看不到；一般写今天，活动的时间只写在 start",
		"{key} = {date} is on or after the event's day (start = {start}): {key} is when the event is published on the site, and readers do not see it before then; write today's date, and the event's time only in start",
		"date", "2026-12-05 00:00", "2026-12-05 09:00"),
	DateFarAhead: warningOf(KindSchedule, names("key", "date"),
		"{key} = {date} 在五年以后，这一页要到那时才发布：年份是不是写错了？",
		"{key} = {date} is more than five years ahead, and the page is published only then: is the year mistyped?",
		"date", "2207-01-05 00:00"),
	FMPlaceholder: errorOf(KindFrontMatter, names("prompt"),
		"正文里还留着 folio new 写的提示文字 {prompt}……：换成正文后再发布；还没写好的话，在开头两行 +++ 之间加一行 draft = true，先不发布",
		"the text still has folio new's prompt {prompt}…: write the text over it before publishing, or add a line draft = true between the +++ lines to keep the page back until it is written",
		"（在这里写"),
	FMAuthorNoName: errorOf(KindFrontMatter, names("n"),
		"第 {n} 位作者的 name 是空的（文章的引用格式会以句号开头）：填上作者的姓名，或删掉这一项",
		"author {n} has an empty name (the article's citation would start with a full stop); write the author's name, or remove the item",
		1),
	FMNoTitleLeftOut: warningOf(KindFrontMatter, nil,
		"页面没有标题；它这次不发布（草稿或还没到发布日期），所以不妨碍生成网站，但发布前要补上：在文件开头两行 +++ 之间加一行 title = \"页面标题\"",
		"the page has no title; it is not published in this build (a draft, or dated later), so the site still builds, but before publishing it add a line like title = \"页面标题\" between the +++ lines"),
	SaidNewIssueDraft: partOf(names("issue"),
		"草稿：这一期还是草稿，文章随本期一起发布，所以文件里没写 draft；folio serve 的预览里能看到它（带“草稿”标记）；删掉 {issue} 里的 draft = true 后，folio build 才会把本期和这篇文章一起发布",
		"draft: its issue is a draft and the article is published with it, so the file has no draft line; folio serve shows it with a 草稿 banner; folio build publishes the issue and the article once you delete draft = true in {issue}",
		"content/journal/2026/3/_index.md"),
	SaidNewIssueFuture: partOf(names("issue"),
		"定时发布：这一期的日期还没到，文章随本期一起发布，所以文件里没写 draft；folio serve 的预览里能看到它（带“定时发布”标记）；到了 {issue} 里写的日期，folio build 才会把本期和这篇文章一起发布",
		"scheduled: its issue is dated in the future and the article is published with it, so the file has no draft line; folio serve shows it with a 定时发布 banner; folio build publishes the issue and the article once the date in {issue} comes",
		"content/journal/2026/3/_index.md"),

	// How to fix a TOML mistake.
	HintPunctuation: partOf(nil,
		"设置里的标点要用英文半角：引号写 \" \" 而不是 “ ”，逗号写 , 而不是 ，，等号写 = 而不是 ＝，方括号写 [ ] 而不是 ［ ］，引号外的空格用半角空格而不是全角空格",
		"write TOML's punctuation in plain ASCII: \" \" instead of “ ”, a comma instead of ，, = instead of ＝, [ ] instead of ［ ］, and outside quotes a plain space instead of a full-width one"),
	HintDate: partOf(names("what"),
		"{what}日期写成 2024-06-21（月和日都是两位数），时间写成 2024-06-21T09:30:00",
		"{what}write a date as 2024-06-21 (two-digit month and day) or 2024-06-21T09:30:00",
		Msg(DateMonth, 13)),
	HintTwice: partOf(nil,
		"每个设置项、每个 [分组] 只能写一次：把两处合并",
		"each key and each [table] may be written only once; merge the two"),
	HintUnclosedQuote: partOf(nil,
		"文字的引号没有成对：在这段文字的末尾补上英文引号 \"（文字要写在一行里）",
		"a text's quotes are not closed: add the closing \" at the end of the text (a text is written on one line)"),
	ParserSaid: partOf(names("detail"),
		"（读取设置的程序报告：{detail}）",
		" (the TOML reader says: {detail})",
		"expected value but found \"a\" instead"),
	DateSeparator: partOf(nil,
		"年、月、日之间用短横线 - 隔开，不用 /、. 或“年月日”；",
		"a date's year, month and day are separated by hyphens, not by /, . or 年月日; "),
	HintQuote: partOf(names("key", "value"),
		"文字要加英文引号：写成 {key} = \"{value}\"",
		"text is written in quotes: {key} = \"{value}\"",
		"title", "标题"),
	HintBool: partOf(names("key", "value"),
		"是或否写成小写的 true 或 false，不加引号：写成 {key} = {value}",
		"yes or no is written true or false, in lower case and without quotes: {key} = {value}",
		"draft", "true"),
	HintListComma: partOf(nil,
		"列表的各项之间用英文逗号隔开：写成 [\"甲\", \"乙\"]",
		"a list's items are separated by commas: [\"a\", \"b\"]"),
	HintEquals: partOf(nil,
		"每行写成 键 = 值：键的后面要有英文等号 =",
		"each line is key = value: an = follows the key"),
	HintKeyName: partOf(nil,
		"设置的名字只用英文字母、数字、- 和 _（如 title、date）；自己的数据写在 [params] 下",
		"a key's name is made of ASCII letters, digits, - and _ (title, date); data of your own goes under [params]"),
	HintList: partOf(names("key", "items"),
		"{key} 是列表：写在方括号里，每一项加英文引号，用英文逗号隔开，写成 {key} = [{items}]",
		"{key} is a list: in brackets, each item in quotes, separated by commas: {key} = [{items}]",
		"tags", `"技能大赛", "职业教育"`),
	HintNumber: partOf(names("key"),
		"{key} 写阿拉伯数字，不加引号，如 {key} = 3",
		"{key} is a number in digits, without quotes, like {key} = 3",
		"weight"),
	QuoteIt: partOf(names("value"),
		"：加上英文引号，写成 {value}",
		": put it in quotes, {value}",
		`"2024"`),
	HintSyntax: partOf(nil,
		"文字要加英文引号 \"\"，列表用方括号 [ ]，每行写一项 键 = 值",
		"TOML syntax: text in \"quotes\", lists in [brackets], one key = value per line"),
	DateMonth: partOf(names("month"),
		"月份写成了 {month}，月份只有 1 到 12；",
		"month {month} does not exist (there are months 1 to 12); ",
		13),
	DateDay: partOf(names("year", "month", "days", "day"),
		"{year} 年 {month} 月只有 {days} 天，没有 {day} 日；",
		"month {month} of {year} has {days} days, so day {day} does not exist; ",
		2023, 2, 28, 30),
	DateTime: partOf(names("hour", "minute"),
		"{hour}:{minute} 不是一天中的时间（时 0–23，分 0–59）；",
		"{hour}:{minute} is not a time of day (hours 0–23, minutes 0–59); ",
		"25", "00"),
	KeysAllowed: partOf(names("where", "keys"),
		"（{where}可以写的设置有 {keys}）",
		" (the keys allowed {where} are {keys})",
		Msg(KeysInTable, "footer"), []string{"copyright", "icp"}),
	KeysAllowedMore: partOf(names("where", "keys"),
		"（{where}可以写的设置有 {keys} 等；自己的数据请写在 [params] 下）",
		" (the keys allowed {where} are {keys}, ...; put your own data under [params])",
		Msg(KeysHere), []string{"aliases", "attachments"}),
	KeysHere:    partOf(nil, "这里", "here"),
	KeysInTable: partOf(names("table"), "[{table}] 里", "in [{table}]", "footer"),
	ValueText:   partOf(names("text"), "文字 {text:q}", "the text {text:q}", "a"),
	ValueNumber: partOf(names("number"), "数字 {number}", "the number {number}", 3),
	ValueBool:   partOf(names("value"), " {value}", "{value}", true),
	ValueDate:   partOf(nil, "日期", "a date"),
	ValueList:   partOf(nil, "列表", "a list"),
	ValueTable:  partOf(nil, "一组设置", "a table"),
	ValueOther:  partOf(names("type"), "{type}", "{type}", "?"),

	// What a URL or link may not hold.
	BadSpace:     partOf(nil, "空格", "a space"),
	BadLineBreak: partOf(nil, "换行", "a line break"),
	BadTab:       partOf(nil, "制表符（Tab）", "a tab"),
	BadNUL:       partOf(nil, "空字符（U+0000）", "a NUL character (U+0000)"),
	BadControl:   partOf(names("char"), "看不见的控制字符 {char}", "the invisible control character {char}", "U+001B"),
	BadChar:      partOf(names("char"), "字符 {char}", "the character {char}", "<"),
	BadUTF8:      partOf(nil, "不是 UTF-8 的字符", "a character that is not valid UTF-8"),
	BadEscape: partOf(names("escape"),
		"编码 {escape:q}（请直接写字符本身：写“新闻”，不要写 %E6%96%B0…）",
		"{escape:q}, an encoded character (write the character itself: 新闻, not %E6%96%B0…)",
		"%E6"),
	LinkHasBadChar: partOf(names("char"),
		"含有{char}，链接里不能有：请删掉（空格写成 %20）",
		"has {char}, which cannot be in a link; remove it (write a space as %20)",
		Msg(BadSpace)),
	LinkNoScheme: partOf(names("url"),
		"少了开头的 https://：这样写，读者的浏览器会把它当作本网站里的一个路径，点开找不到页面；请写成 {url:q}",
		"lacks https:// at its start: as it is, readers' browsers take it for a path of this site and find nothing; write {url:q}",
		"https://www.example.org/register"),
	LinkRunsScript: partOf(names("scheme"),
		"是 {scheme}: 链接，可能在读者的浏览器里运行脚本，所以模板会把它换成 #ZgotmplZ：请写 https://（或 http://、mailto:）开头的地址，或者 /about/ 这样的路径",
		"is a {scheme}: link, which could run script in readers' browsers, so the theme would print #ZgotmplZ instead; write an address starting with https:// (or http://, mailto:), or a path like /about/",
		"javascript"),
	URLNotFromRoot: partOf(nil,
		"必须是从网站根目录开始的路径，以 / 开头，例如 \"/about/\"",
		"must be a path from the site root, starting with /, like \"/about/\""),
	URLNotPlain: partOf(nil,
		"只能是普通路径，不能含 \\ ? # 或 //",
		"must be a plain path, without \\ ? # or //"),
	URLHasBadChar: partOf(names("char"),
		"含有{char}，网址里不能有：写成 \"/news/skills-fair/\" 这样（词之间用 -）",
		"has {char}, which cannot be in a URL; write it like \"/news/skills-fair/\" (a - between words)",
		Msg(BadSpace)),
	URLLeavesSite: partOf(nil,
		"不能含 . 或 .. 这样的部分，那会跑出网站的文件夹：写从网站根目录开始的路径，例如 \"/about/\"",
		"must not contain . or .. parts: it would leave the site's folder; write a path from the site root like \"/about/\""),
	ImageUnreadable: partOf(names("file", "format", "err"),
		"{file} 无法按 {format} 图片读取（{err}）",
		"{file} cannot be read as a {format} image ({err})",
		"content/news/a/photo.png", "PNG", "image: unknown format"),
	ImageSizeOdd: partOf(names("file", "width", "height"),
		"{file} 标明的尺寸是 {width}×{height} 像素",
		"{file} says it is {width}×{height} pixels",
		"content/news/a/photo.png", 0, 0),
	SVGNotUTF8: partOf(nil, "文件不是 UTF-8 文本", "the file is not UTF-8 text"),
	SVGNoRoot:  partOf(nil, "文件里没有 <svg> 元素", "the file has no <svg> element"),
	SVGNotSVG: partOf(names("element"),
		"文件不是 SVG 矢量图：它的第一个元素是 <{element}>，不是 <svg>",
		"the file is not an SVG drawing: its first element is <{element}>, not <svg>",
		"html"),
	SVGTooDeep: partOf(names("max"),
		"图里的元素嵌套超过 {max} 层",
		"the drawing nests elements more than {max} deep",
		256),
	SVGEndsEarly: partOf(names("element"),
		"文件在 </{element}> 之前就结束了（文件不完整）",
		"the file ends before </{element}>",
		"svg"),
	SVGSyntax: partOf(names("detail"),
		"XML 写法有误（{detail}）",
		"{detail}",
		"element <g> closed by </svg>"),
	SVGDropped: partOf(names("what", "line"),
		"{what}（第 {line} 行）",
		"{what} (line {line})",
		"<script>", 3),
	SVGEntity: partOf(names("detail"),
		"XML 写法有误（{detail}）：除 &amp; &lt; &gt; &quot; &apos; 之外不能用实体",
		"{detail} (entities other than &amp; &lt; &gt; &quot; &apos; are not allowed; export the drawing again as plain SVG)",
		"invalid character entity &b;"),

	// How to fix a collision.
	FixSlugOrURL: partOf(names("file"), "在 {file} 开头的设置里写一个不同的 slug（网址的最后一段）或 url（整个网址）", "give {file} another slug or url", "content/a.md"),
	FixAlias:     partOf(names("file"), "修改 {file} 里的旧网址 aliases", "change the alias in {file}", "content/a.md"),
	FixRename:    partOf(names("file"), "给 {file} 改名或移动它", "rename or move {file}", "content/robots.txt"),
	FixOneSlug:   partOf(nil, "：在其中一个文件开头的设置里写一个不同的 slug（网址的最后一段）或 url（整个网址）", "; give one of them another slug or url"),
	FixOneAlias:  partOf(nil, "：修改其中一个旧网址", "; change one of the aliases"),
	FixOneFile:   partOf(nil, "：给其中一个改名或移动它", "; rename or move one of them"),
	FixEither: partOf(names("fixes"), "：{fixes}", "; {fixes}",
		Either{Msg(FixSlugOrURL, "content/a.md"), Msg(FixRename, "content/bundle/old.html")}),

	// The kinds of pages, in the build's summary.
	NameHome:    partOf(nil, "首页", "home"),
	NameSection: partOf(nil, "栏目", "section(s)"),
	NamePage:    partOf(nil, "普通页面", "page(s)"),
	NamePost:    partOf(nil, "新闻通知", "post(s)"),
	NameEvent:   partOf(nil, "活动", "event(s)"),
	NameIssue:   partOf(nil, "期刊", "issue(s)"),
	NameArticle: partOf(nil, "期刊文章", "article(s)"),
	NameTerm:    partOf(nil, "标签和委员会", "term(s)"),

	// What makes an output, in a collision.
	SourceAlias:       partOf(names("pos"), "{pos} 里的旧网址（aliases）", "an alias in {pos}", "content/c.md:4:1"),
	Generated404:      partOf(nil, "404 页面", "the 404 page"),
	GeneratedPage:     partOf(names("layout", "url"), "folio 生成的 {layout} 页面 {url}", "the {layout} page {url}", "taxonomy", "/tags/"),
	GeneratedListPage: partOf(names("n", "url"), "列表 {url} 的第 {n} 页", "page {n} of the list {url}", 2, "/news/"),
	GeneratedRedirect: partOf(names("url"), "列表 {url} 第 1 页的跳转", "the redirect from page 1 of the list {url}", "/news/"),
	GeneratedPageOf:   partOf(names("layout", "file"), "{file} 的 {layout} 页面", "the {layout} page of {file}", "archive", "content/news/_index.md"),
	GeneratedSearch:   partOf(nil, "搜索索引", "the search index"),
	GeneratedRobots:   partOf(nil, "robots.txt", "robots.txt"),
	GeneratedSitemap:  partOf(nil, "网站地图（sitemap）", "the sitemap"),
	GeneratedCalendar: partOf(nil, "日历文件", "the calendar"),
	GeneratedFeed:     partOf(nil, "订阅源（feed）", "the feed"),
	GeneratedOther:    partOf(nil, "folio", "folio"),

	// A destination folio must not replace.
	DestRoot: partOf(names("dest"),
		"目标文件夹 {dest} 是整个文件系统的根目录：请选一个文件夹，例如 public",
		"destination {dest} is the root of the file system; choose a folder such as public",
		"/"),
	DestReplaces: partOf(names("dest", "what"),
		"目标文件夹 {dest} 会替换掉 {what}：请选项目里的一个文件夹，例如 public",
		"destination {dest} would replace {what}; choose a folder inside the project such as public",
		".", "/home/editor/site"),
	DestInSource: partOf(names("dest", "folder"),
		"目标文件夹 {dest} 在网站的 {folder} 文件夹里面：请选一个文件夹，例如 public",
		"destination {dest} is inside the site's {folder} folder; choose a folder such as public",
		"content/public", "content"),
	DestSymlink: partOf(names("dest"),
		"目标文件夹 {dest} 是一个符号链接：folio 会整个替换它写入的文件夹，请给出真正的文件夹",
		"destination {dest} is a symbolic link; folio replaces the folder it writes, so give it the real folder",
		"public"),
	DestFile: partOf(names("dest"),
		"目标 {dest} 是一个文件，不是文件夹：请选一个文件夹，例如 public",
		"destination {dest} is a file, not a folder; choose a folder such as public",
		"public"),
	DestNotSite: partOf(names("dest"),
		"目标文件夹 {dest} 里已经有文件，却没有 index.html，看起来不是 folio 生成的网站：请清空它，或者换一个文件夹",
		"destination {dest} already holds files and has no index.html, so it does not look like a site folio built; empty it or choose another folder",
		"Documents"),

	// Shortcodes.
	ShortcodeCloserNotOpen: errorOf(KindMarkup, names("closer", "name", "opener"),
		"{closer} 要结束 {name}，但这里前面没有打开的 {name}：请删掉它，或在前面先写 {opener}",
		"{closer} closes {name}, which is not open here; remove it, or open it before with {opener}",
		"{{% /note %}}", "note", "{{% note %}}"),
	ShortcodeBracketsDiffer: errorOf(KindMarkup, names("name", "opener", "closer"),
		"{name} 用 {opener} 打开，却用 {closer} 结束：开头和结尾要用同一种括号",
		"{name} is opened with {opener} and closed with {closer}; use the same brackets for both",
		"note", "{{% note %}}", "{{< /note >}}"),
	ShortcodeLiteralOpen: errorOf(KindMarkup, names("open", "close"),
		"照原样显示的短代码 {open}/* 没有用 */{close} 结束：请在后面补上 */{close}",
		"a literal {open}/* is never closed with */{close}",
		"{{<", ">}}"),
	ShortcodeNoName: errorOf(KindMarkup, names("open"),
		"{open} 后面要紧跟短代码的名字，例如 {{< figure src=\"photo.jpg\" >}}；如果只是想把 {open} 当文字显示，请写成 {{</* */>}}",
		"{open} must be followed by the shortcode's name, like {{< figure src=\"photo.jpg\" >}}; to write {open} as text, write {{</* */>}}",
		"{{<"),
	ShortcodeTagOpen: errorOf(KindMarkup, names("name", "open", "close"),
		"短代码 {name} 的 {open} 没有用 {close} 结束：请在参数后面补上 {close}",
		"shortcode {name}: {open} is never closed with {close}",
		"figure", "{{<", ">}}"),
	ShortcodeCloserArgs: errorOf(KindMarkup, names("name", "closer"),
		"{name} 的结束标记不带参数：请写成 {closer}",
		"the closing tag of {name} takes no arguments; write {closer}",
		"note", "{{% /note %}}"),
	ShortcodeQuoteOpen: errorOf(KindMarkup, names("name"),
		"短代码 {name} 的一个参数有开头的引号、没有结尾的引号：请用同样的引号把它括起来",
		"shortcode {name}: a quoted argument is never closed; end it with the same quote it starts with",
		"figure"),
	ShortcodeValueOpen: errorOf(KindMarkup, names("name", "key"),
		"短代码 {name} 的 {key} 的值有开头的引号、没有结尾的引号：请用同样的引号把它括起来",
		"shortcode {name}: the value of {key} is never closed; end it with the same quote it starts with",
		"figure", "caption"),
	ShortcodeMixedArgs: errorOf(KindMarkup, names("name"),
		"短代码 {name} 的参数要么都写成 名字=\"值\"，要么都只写值，不能两种混用",
		"shortcode {name}: arguments are either all named (key=\"value\") or all positional, not both",
		"figure"),
	ShortcodeUnknown: errorOf(KindMarkup, names("name", "hint", "names"),
		"没有名为 {name:q} 的短代码{hint}。可用的短代码是 layouts/shortcodes/ 里的文件：{names}",
		"shortcode {name:q} is unknown{hint}; the shortcodes are the files of layouts/shortcodes/: {names}",
		"figur", Msg(HintDidYouMean, "figure"), []string{"figure", "note", "table"}),
	ShortcodeNeverClosed: errorOf(KindMarkup, names("name", "closer"),
		"短代码 {name} 包着一段文字，但没有结束：请在那段文字后面写上 {closer}",
		"shortcode {name} is never closed: it wraps text, so end that text with {closer}",
		"note", "{{% /note %}}"),
	ShortcodeFailed: errorOf(KindTheme, names("name", "problem"),
		"短代码 {name} 的模板运行出错：{problem}",
		"shortcode {name}: {problem}",
		"figure", "template: figure.html:3: executing ..."),
	ShortcodeInnerFailed: errorOf(KindMarkup, names("name", "problem"),
		"短代码 {name} 里面的文字无法转换：{problem}",
		"shortcode {name}: cannot render its Markdown: {problem}",
		"note", "..."),
	ShortcodeNoTarget: errorOf(KindMarkup, names("id", "fix"),
		"本页没有 id 为 {id:q} 的图或表：{fix}",
		"no figure or table of this page has id {id:q}; {fix}",
		"campus", Msg(ShortcodeNoTargetIDs, []string{"fig1", "tab1"})),
	ShortcodeNoTargetNone: partOf(nil,
		"本页还没有带 id 的图或表。请给图或表加上 id 和说明，例如 {{< figure src=\"campus.jpg\" caption=\"校园\" id=\"campus\" >}}",
		"there is none: give the figure or table an id and a caption, like {{< figure src=\"campus.jpg\" caption=\"校园\" id=\"campus\" >}}"),
	ShortcodeNoTargetIDs: partOf(names("ids"),
		"本页的 id 有 {ids}",
		"the ids of this page are {ids}",
		[]string{"fig1", "tab1"}),
	ShortcodeNoTargetPage: partOf(names("example"),
		"ref 只给本页的图和表编号；要链接到另一篇，请写指向它的文件的链接，例如 [标题]({example})",
		"ref numbers this page's figures and tables; to link to a page, write a link to its file, like [标题]({example})",
		"../notices/plan.md"),
	ShortcodeIDTaken: errorOf(KindMarkup, names("name", "id", "what", "number"),
		"短代码 {name}：id {id:q} 已经是本页{what}{number}的 id 了；每个图和表要用不同的 id",
		"shortcode {name}: id {id:q} is already {what} {number}'s on this page; give each figure and table an id of its own",
		"figure", "campus", "图", 1),
	ShortcodeNeedsArg: errorOf(KindMarkup, names("name", "number", "example"),
		"短代码 {name} 缺少第 {number} 个参数：请写在名字后面，例如 {example}",
		"shortcode {name} needs its argument {number}; write it after the name, like {example}",
		"bilibili", 1, "{{< bilibili VALUE >}}"),
	ShortcodeNeedsKey: errorOf(KindMarkup, names("name", "key", "example"),
		"短代码 {name} 缺少 {key}：请写成 {example}",
		"shortcode {name} needs {key}; write it like {example}",
		"figure", "src", "{{< figure src=\"...\" >}}"),
	ShortcodeMissingWord: partOf(names("key", "hint"),
		"主题和网站的 i18n 文件里都没有 {key:q} 这个词{hint}",
		"no i18n file of the theme or the site has the key {key:q}{hint}",
		"figureN", ""),

	// What the 公众号 editor loses.
	WeChatBaseURL: warningOf(KindWeChat, names("base"),
		"公众号：baseURL {base:q} 不是完整网址，公众号取不到图片，参考链接也打不开；请在 config.toml 写上网站的网址，如 baseURL = \"https://www.example.org/\"",
		"WeChat: baseURL {base:q} is not a whole address, so the 公众号 cannot fetch the pictures and the reference links do not open; write the site's address in config.toml, like baseURL = \"https://www.example.org/\"",
		"/"),
	WeChatBaseURLExample: warningOf(KindWeChat, names("base"),
		"公众号：config.toml 的 baseURL {base:q} 还是示例地址，读者打不开，公众号也取不到图片；请在 config.toml 写上网站真正的网址（发布时由 FOLIO_BASEURL 指定的也可以：FOLIO_BASEURL=https://… folio wechat …）",
		"WeChat: config.toml's baseURL {base:q} is still an example address that no reader can open, and the 公众号 cannot fetch the pictures from it; write the site's real address in config.toml (or give the published one: FOLIO_BASEURL=https://… folio wechat …)",
		"https://www.example.org/"),
	WeChatUnpublished: warningOf(KindWeChat, names("what"),
		"公众号：本页是{what}，网站上还没有它和它的图片，公众号取不到图片、参考链接也打不开；请先发布网站，再粘贴到公众号",
		"WeChat: this page is {what}: the site does not have it or its pictures yet, so the 公众号 cannot fetch them and its links do not open; publish the site first, then paste",
		"草稿"),
	WeChatTitleLong: warningOf(KindWeChat, names("count", "max"),
		"公众号：标题有 {count} 个字，公众号标题最多 {max} 个字；请在公众号编辑器里缩短",
		"WeChat: the title has {count} characters, and a 公众号 title at most {max}; shorten it in the 公众号 editor",
		70, 64),
	WeChatSummaryLong: warningOf(KindWeChat, names("key", "count", "max"),
		"公众号：{key} 有 {count} 个字，公众号摘要最多 {max} 个字，已截断；可在文件开头的设置里写一个较短的 summary",
		"WeChat: {key} has {count} characters, and a 公众号 summary at most {max}: it was cut; write a shorter summary in the front matter",
		"summary", 150, 120),
	WeChatImageMissing: warningOf(KindWeChat, names("src"),
		"公众号：图片 {src} 不在生成的网站里（还没有发布），公众号取不到它；请检查图片的路径，或先发布网站",
		"WeChat: picture {src} is not in the built site (not published yet), so the 公众号 cannot fetch it; check its path, or publish the site first",
		"photo.jpg"),
	WeChatImageBig: warningOf(KindWeChat, names("src", "size", "max"),
		"公众号：图片 {src} 有 {size}，超过公众号的 {max} 上限，粘贴后会丢失；请把图片压缩到 {max} 以下",
		"WeChat: picture {src} has {size}, over the 公众号's limit of {max}, and would be lost; make it smaller than {max}",
		"photo.jpg", "12.0 MB", "10 MB"),
	WeChatImageFormat: warningOf(KindWeChat, names("src", "format"),
		"公众号：图片 {src} 是 {format} 格式，公众号只收 JPG、PNG、GIF 图片，粘贴后会丢失，已改为文字说明和链接；请另存为 JPG 或 PNG",
		"WeChat: picture {src} is {format}, and the 公众号 takes only JPG, PNG and GIF: it became a line of text and a link; save it as JPG or PNG",
		"photo.webp", "WebP"),
	WeChatEmbed: warningOf(KindWeChat, names("why", "what"),
		"公众号：{why}，这里的{what}已改为文字说明和链接；如需在公众号里显示，请在公众号编辑器里另行插入",
		"WeChat: {why}: the {what} here became a line of text and a link; to show it in the 公众号, insert it in the 公众号 editor",
		"公众号不能播放网站上的视频", "视频"),
	WeChatTagDropped: warningOf(KindWeChat, names("tag"),
		"公众号：页面里的 <{tag}> 不能粘贴到公众号，已略去",
		"WeChat: the page's <{tag}> cannot be pasted into the 公众号 and was left out",
		"form"),
	WeChatTableWide: warningOf(KindWeChat, names("first", "columns", "width", "screens"),
		"公众号：第一格为“{first}”的表格有 {columns} 列，约 {width} 个字宽，手机上要左右滑动约 {screens} 屏才能看完；可以拆成几个窄表格，或改写成列表",
		"WeChat: the table whose first cell is “{first}” has {columns} columns, about {width} characters wide: on a phone it takes about {screens} screens of sideways scrolling; split it into narrower tables, or write it as a list",
		"项目", 8, "66", "3"),

	// The theme's shortcodes and partialCached.
	ThemeShortcodeUnreadable: errorOf(KindTheme, names("problem"),
		"无法读取短代码模板：{problem}",
		"cannot read shortcode: {problem}",
		"permission denied"),
	ThemePartialCachedDiffers: warningOf(KindTheme, names("partial", "key", "page", "other", "cached", "fresh"),
		"partialCached {partial:q} 的键 {key} 让 {page} 用了为 {other} 生成的副本，和这个局部模板为它本身生成的不同：这里是 {cached:q}，应当是 {fresh:q}。键要包含局部模板读到的一切（把不同的部分加进键里），或者改用 {{ template }} 调用它",
		"partialCached {partial:q} with the key {key} gives {page} a copy made for {other}, which differs from what the partial renders for it: {cached:q} where it should be {fresh:q}; the key must capture everything the partial reads (add what differs to the key), or call the partial with {{ template }}",
		"item.html", ".Section", "/news/b/", "/news/a/", "甲", "乙"),

	// folio wechat.
	UsageNewSectionKind: errorOf(KindUsage, names("kind"),
		"--section 只用于 notice 和 news：{kind} 放在 config.toml 指定的栏目里，不用写 --section",
		"--section is for notice and news only; a {kind} goes into the section config.toml names, without --section",
		"event"),
	UsageWeChatPage: errorOf(KindUsage, nil,
		"请指明一篇文章：写它的文件，如 folio wechat content/notices/2024/a/index.md，或它的网址，如 folio wechat /notices/2024/03/a/",
		"name one page, by its file or its address: folio wechat content/notices/2024/a/index.md, or folio wechat /notices/2024/03/a/"),
	UsageWeChatNoPage: errorOf(KindUsage, names("target", "why"),
		"{target}：网站里没有这一页；{why}",
		"{target}: no page of the site; {why}",
		"content/news/a.md", Msg(WhyWeChatNoSuchPage)),
	WhyWeChatNoSuchPage: partOf(nil,
		"请写内容文件（content/news/2024/a.md）或页面的网址（/news/2024/06/a/）",
		"name a content file (content/news/2024/a.md) or a page's address (/news/2024/06/a/)"),
	WhyWeChatUnpublished: partOf(nil,
		"它还没有发布：草稿要加 --drafts，日期在将来的要加 --future",
		"it is not published: a draft needs --drafts, a page dated in the future --future"),
	WhyWeChatFolder: partOf(nil,
		"这是一个文件夹，不是一篇文章：请写其中一篇的文件（如 content/news/2024/a.md，或 content/news/2024/a/index.md）",
		"it is a folder, not a page: name one page's file in it (content/news/2024/a.md, or content/news/2024/a/index.md)"),
	UsageWeChatNotExported: errorOf(KindUsage, names("file"),
		"{file} 不是新闻、通知或内刊文章：只有这几种能复制到公众号",
		"{file} is not a news post, notice or journal article; only those go to the 公众号",
		"content/about.md"),
	UsageWeChatWrite: errorOf(KindUsage, names("file", "err"),
		"无法写入 {file}：{err}",
		"cannot write {file}: {err}",
		"wechat.html", "permission denied"),
	SaidWeChatErrors: partOf(names("n"),
		"网站有 {n} 个错误：改正后再运行 folio wechat",
		"the site has {n} error(s); fix them and run folio wechat again",
		2),

	// What the commands say about their own use (issue 21).
	UsageDestHome: errorOf(KindUsage, names("dest"),
		"目标文件夹 {dest} 是你的个人主文件夹：folio 会把整个目标文件夹换成生成的网站，主文件夹里的文件都会不见。请选网站文件夹里的一个文件夹，例如 public",
		"destination {dest} is your home folder: folio replaces the whole destination with the site it builds, and everything in your home folder would be gone; choose a folder inside the site's folder such as public",
		"/home/editor"),
	UsageDestUnwritable: errorOf(KindUsage, names("dest", "why"),
		"目标文件夹 {dest} 无法写入：{why}",
		"destination {dest} cannot be written: {why}",
		"/srv/www/site", Msg(FileWhyCannotWrite, "/srv/www")),
	UsageNoSource: errorOf(KindUsage, names("dir", "command"),
		"找不到网站文件夹 {dir}：请检查 --source（-s）后面写的路径，或者进入网站的文件夹再运行 {command}",
		"there is no folder {dir}; check the path after --source (-s), or run {command} in the site's folder",
		"/home/editor/stie", "folio build"),
	UsageFlagNoValue: errorOf(KindUsage, names("flag", "example"),
		"选项 {flag} 后面少了要写的值，例如 {example}。运行 folio help 可以看到每个选项的写法",
		"option {flag} needs a value after it, like {example}; folio help shows how each option is written",
		"-d", "-d public"),
	UsageFlagValue: errorOf(KindUsage, names("flag", "value", "example"),
		"选项 {flag} 的值 {value:q} 写得不对，应当写成这样：{example}。运行 folio help 可以看到每个选项的写法",
		"option {flag} cannot be {value:q}; write it like {example} (folio help shows how each option is written)",
		"--port", "abc", "--port 1313"),
	FileWhyCannotWrite: partOf(names("dir"),
		"folio 不能在文件夹 {dir} 里新建文件：请换一个你能写入的文件夹，或者请电脑的管理员允许你写入这个文件夹",
		"folio cannot make files in the folder {dir}; choose a folder you can write in, or ask the computer's administrator to let you write in this one",
		"/srv/www"),
	FileWhyDiskFull: partOf(names("dir"),
		"{dir} 所在的磁盘已经满了：请删掉一些不用的文件，腾出空间后再运行一次",
		"the disk that holds {dir} is full; delete files you do not need, then run again",
		"/srv/www"),
	FileWhyReadOnly: partOf(names("dir"),
		"{dir} 所在的磁盘是只读的，不能写入：请换一个文件夹，例如网站文件夹里的 public",
		"{dir} is on a read-only disk; choose another folder, such as public in the site's folder",
		"/mnt/cdrom"),
	ConfigMissing: errorOf(KindConfig, nil,
		"网站的文件夹里没有 config.toml：请在网站的文件夹里运行 folio，或者用 --source 指定网站的文件夹",
		"the site's folder has no config.toml; run folio in the site's folder, or give the site's folder with --source"),
	ConfigNoPermission: errorOf(KindConfig, nil,
		"没有权限读取 config.toml：请电脑的管理员允许你读取这个文件，或者把网站复制到你自己的文件夹里再运行",
		"you may not read config.toml; ask the computer's administrator to let you read it, or copy the site into a folder of your own"),
	WhyOutIsFolder: partOf(names("file"),
		"{file} 是一个文件夹：请在 -o 后面写一个文件名，例如 -o wechat.html",
		"{file} is a folder; give -o a file name, like -o wechat.html",
		"/tmp"),
	WhyNotFolder: partOf(names("path"),
		"{path} 是一个文件，不是文件夹，里面不能再放文件：请换一个位置",
		"{path} is a file, not a folder, so nothing can be put inside it; choose another place",
		"/etc/passwd"),

	// Photos.
	ImageRefused: errorOf(KindImage, names("src", "problem"),
		"图片 {src}：{problem}",
		"image {src}: {problem}",
		"IMG_0001.HEIC", Msg(ImageWhyHEIC)),
	ImageFileRefused: errorOf(KindImage, names("problem"),
		"这张图片不能发布：{problem}。如果没有页面用到它，也可以直接删掉这个文件",
		"this image cannot be published: {problem}; if no page shows it, you may delete the file instead",
		Msg(ImageWhyCut)),
	ImageWarned: warningOf(KindImage, names("src", "problem"),
		"图片 {src}：{problem}",
		"image {src}: {problem}",
		"photo.jpg", Msg(ImageWhyLarge, "24")),
	ImageNarrow: warningOf(KindImage, names("src", "width", "column"),
		"图片 {src} 只有 {width} 像素宽，比正文栏（{column} 像素）还窄：手机上会显示得很小或发虚；请用相机拍出的原图",
		"image {src} is {width} pixels wide, narrower than the text column ({column}): phones show it small or blurred; use the photo as the camera took it",
		"photo.jpg", 320, 720),
	ImageCacheDir: errorOf(KindFile, names("err"),
		"无法建立照片缓存文件夹：{err}",
		"cannot make the photo cache folder: {err}",
		"permission denied"),
	ImageWhyUnreadable: partOf(names("err"),
		"无法读取这个文件：{err}",
		"the file cannot be read: {err}",
		"permission denied"),
	ImageWhyHEIC: partOf(nil,
		"这是 HEIC 格式的照片，除 Safari 外的浏览器都显示不了：请导出为 JPEG。在 iPhone 上，把 设置 > 相机 > 格式 改为“兼容性最佳”，以后拍的照片就是 JPEG；把 设置 > 照片 > 传输到Mac或PC 改为“自动”，拷到电脑上的照片就会是 JPEG。然后把 .jpg 文件放在页面旁边并链接它",
		"the photo is in HEIC format, which browsers other than Safari cannot show; export it as JPEG: on the iPhone, choose 设置 > 相机 > 格式 > 兼容性最佳 (Settings > Camera > Formats > Most Compatible) for new photos, and 设置 > 照片 > 传输到Mac或PC > 自动 (Settings > Photos > Transfer to Mac or PC > Automatic), so that photos copied to a computer arrive as JPEG; then put the .jpg beside the page and link it"),
	ImageWhyNotImage: partOf(names("err"),
		"这个文件无法按图片读取（{err}）：请重新导出或上传为 JPEG 或 PNG",
		"the file cannot be read as an image ({err}); export or upload it again as JPEG or PNG",
		"unexpected EOF"),
	ImageWhyMislabeled: partOf(nil,
		"这个文件不是它的扩展名所说的 JPEG、PNG、GIF 或 WebP 图片（上传不完整，或是别的文件改了名）：请重新导出或上传为 JPEG 或 PNG",
		"the file is not the JPEG, PNG, GIF or WebP image its name says (a broken upload, or another file renamed); export or upload it again as JPEG or PNG"),
	ImageWhySizeOdd: partOf(names("width", "height"),
		"图片自称有 {width}×{height} 像素：请重新导出或上传",
		"the image says it is {width}×{height} pixels; export or upload it again",
		0, 480),
	ImageWhyBomb: partOf(names("width", "height", "max"),
		"图片自称有 {width}×{height} 像素，超过 folio 肯解码的 {max} 百万像素（手机拍的最大的照片约 5000 万像素）：它可能是恶意构造的“解压炸弹”；请把它缩小到最宽 4096 像素",
		"the image says it is {width}×{height} pixels, more than the {max} million folio decodes (a phone's largest photo has about 50 million): it may be a decompression bomb; resize it to at most 4096 pixels wide",
		100000, 100000, 60),
	ImageWhyCut: partOf(nil,
		"文件不完整（图片还没结束文件就结束了）：上传或拷贝中断了；请从手机或相机重新拷贝",
		"the file is cut short (it ends before the image does): the upload or copy was interrupted; copy it again from the phone or camera"),
	ImageWhyNoDecode: partOf(names("err"),
		"图片无法解码（{err}）：请重新导出或上传为 JPEG 或 PNG",
		"the image cannot be decoded ({err}); export or upload it again as JPEG or PNG",
		"invalid JPEG format"),
	ImageWhyGIF: partOf(names("err"),
		"GIF 动图无法解码（{err}）：请重新导出或上传",
		"the GIF cannot be decoded ({err}); export or upload it again",
		"gif: reading header: unexpected EOF"),
	ImageWhyCacheWrite: partOf(names("err"),
		"无法写入照片缓存：{err}",
		"cannot write the photo cache: {err}",
		"no space left on device"),
	ImageWhyLarge: partOf(names("mb"),
		"文件有 {mb} MB，比手机拍的照片（3–5 MB）还大：读者拿到的是缩小的副本，但每次生成网站都要读取整个文件；请导出小一些的版本",
		"the file is {mb} MB, more than a phone's photo (3–5 MB): readers get the small copies, but every build reads it whole; export it smaller",
		"24"),
	ImageSaidPending: partOf(names("n"),
		"；{n} 张照片正在后台处理，暂时显示原图，处理完页面会自动刷新",
		"; {n} photo(s) being processed in the background, shown as they are until then (the page reloads when they are ready)",
		3),
	ImageWhyLUT: partOf(nil,
		"照片内嵌的是查找表（LUT）型的颜色配置文件，folio 无法换算成 sRGB，只能按 sRGB 发布，颜色可能发灰或偏色：请在手机或修图软件中把照片导出为 sRGB，再替换这个文件",
		"the photo's colour profile is LUT-based, which folio cannot convert to sRGB, so it is published as if it were sRGB and its colours may look dull or shifted; export the photo as sRGB on the phone or in the photo editor and replace the file"),
	ImageWhySpace: partOf(names("space"),
		"照片内嵌的是 {space} 色彩空间的颜色配置文件，folio 无法换算成 sRGB，只能按 sRGB 发布，颜色可能偏色：请把照片导出为 sRGB 的 JPEG，再替换这个文件",
		"the photo's colour profile is for the {space} colour space, which folio cannot convert to sRGB, so it is published as if it were sRGB and its colours may look shifted; export the photo as an sRGB JPEG and replace the file",
		"CMYK"),
	ImageWhyICCBroken: partOf(nil,
		"照片内嵌的颜色配置文件已损坏，只能按 sRGB 发布，颜色可能发灰或偏色：请重新导出照片（选 sRGB），再替换这个文件",
		"the photo's colour profile is damaged, so it is published as if it were sRGB and its colours may look dull or shifted; export the photo again (as sRGB) and replace the file"),
	ConfigImageWidths: errorOf(KindConfig, names("widths"),
		"[images] 的 widths = {widths} 有误：宽度以像素为单位，从 16 到 8192，由小到大，例如 widths = [480, 800, 1200, 1600]",
		"[images] widths = {widths}: write widths in pixels from 16 to 8192, smallest first, like widths = [480, 800, 1200, 1600]",
		"[1600, 480]"),
	ConfigImageQuality: errorOf(KindConfig, names("quality"),
		"[images] 的 quality = {quality} 有误：JPEG 质量写 1 到 100 之间的数（默认 78；低于 60 照片会有明显的色块）",
		"[images] quality = {quality}: write a JPEG quality from 1 to 100 (78 by default; below 60 photos look blocky)",
		0),
	ConfigKeepMetadata: warningOf(KindConfig, nil,
		"[images] 的 keepMetadata = true 会把照片的 EXIF、XMP、IPTC 信息一起发布：每张照片拍摄地点的 GPS 位置、手机型号和序列号。除非每张照片都检查过，否则请删掉这一行",
		"[images] keepMetadata = true publishes photos with their EXIF, XMP and IPTC data: the GPS position where each was taken, the phone and its serial number; remove the line unless every photo was checked"),
}
