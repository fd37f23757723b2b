<?xml version="1.0" encoding="UTF-8"?>
<!-- Shows an RSS feed opened in a browser as a page that says what it is
     and how to subscribe, instead of raw XML. Feed readers ignore it. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="html" encoding="UTF-8" indent="yes"/>
  <xsl:template match="/rss/channel">
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="title"/>（RSS 订阅源）</title>
        <style>
          body { margin: 0; font-family: -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; line-height: 1.75; color: #1f2328; }
          header { background: #a4161a; color: #fff; padding: 1rem; }
          main { max-width: 40em; margin: 0 auto; padding: 1rem; }
          .about { background: #fff8e1; border: 1px solid #f0d58a; padding: .75rem 1rem; }
          code { background: #f6f8fa; padding: .1em .3em; word-break: break-all; }
          li { margin: .75rem 0; }
          time { color: #59636e; font-size: .9rem; margin-left: .5em; }
          a { color: #a4161a; }
        </style>
      </head>
      <body>
        <header><strong><xsl:value-of select="title"/></strong></header>
        <main>
          <p class="about">这是一个 RSS 订阅源。把本页地址 <code><xsl:value-of select="*[local-name()='link'][@rel='self']/@href"/></code> 复制到订阅阅读器（如手机上的 RSS 阅读应用）中，就能在有新内容时收到更新。</p>
          <h1>最新内容</h1>
          <ul>
            <xsl:for-each select="item">
              <li>
                <a href="{link}"><xsl:value-of select="title"/></a>
                <time><xsl:value-of select="substring(pubDate, 6, 11)"/></time>
              </li>
            </xsl:for-each>
          </ul>
          <p><a href="{link}">返回网站</a></p>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
