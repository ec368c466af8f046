<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Issue Reader</source>
        <translation>关于 Issue Reader 报刊阅读器</translation>
    </message>
    <message>
        <source>Issue Reader</source>
        <translation>Issue Reader 报刊阅读器</translation>
    </message>
    <message>
        <source>Read and search archives of newspaper issues.</source>
        <translation>阅读和搜索报刊库中的各期报纸。</translation>
    </message>
    <message>
        <source>Licence: %1</source>
        <translation>许可证：%1</translation>
    </message>
    <message>
        <source>(no archive is open)</source>
        <translation>（未打开报刊库）</translation>
    </message>
    <message>
        <source>This archive&apos;s index</source>
        <translation>本报刊库的索引</translation>
    </message>
    <message>
        <source>All indexes</source>
        <translation>全部索引</translation>
    </message>
    <message>
        <source>Catalogue cache</source>
        <translation>目录缓存</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Clear This Archive&apos;s Index</source>
        <translation>清除本报刊库的索引</translation>
    </message>
    <message>
        <source>Delete the search index of the archive open and build it again</source>
        <translation>删除已打开报刊库的搜索索引，并重新建立索引</translation>
    </message>
    <message>
        <source>The index is being updated: clear it when that has ended</source>
        <translation>索引正在更新：请在更新结束后再清除</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <source>The index is being updated: clear it when that has ended.</source>
        <translation>索引正在更新：请在更新结束后再清除。</translation>
    </message>
    <message>
        <source>Could not clear the search index: %1</source>
        <translation>无法清除搜索索引：%1</translation>
    </message>
    <message>
        <source>The search index was cleared; it is being built again.</source>
        <translation>搜索索引已清除，正在重新建立索引。</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>打开文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>Open F&amp;ile…</source>
        <translation>打开文件(&amp;I)…</translation>
    </message>
    <message>
        <source>Re&amp;load Archive</source>
        <translation>重新读取报刊库(&amp;L)</translation>
    </message>
    <message>
        <source>Archive &amp;Properties</source>
        <translation>报刊库属性(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Verify Archive Integrity</source>
        <translation>校验报刊库完整性(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Copy Article with Citation</source>
        <translation>复制文章及引文(&amp;C)</translation>
    </message>
    <message>
        <source>Copy with &amp;GB/T 7714 Citation</source>
        <translation>复制文章及 GB/T 7714 引文(&amp;G)</translation>
    </message>
    <message>
        <source>Copy with C&amp;hicago Citation</source>
        <translation>复制文章及芝加哥格式引文(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Find in Article…</source>
        <translation>在文章中查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Search Archive</source>
        <translation>搜索报刊库(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Next Match</source>
        <translation>下一处匹配(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous Match</source>
        <translation>上一处匹配(&amp;P)</translation>
    </message>
    <message>
        <source>Sort by &amp;Relevance</source>
        <translation>按相关度排序(&amp;R)</translation>
    </message>
    <message>
        <source>Sort &amp;Oldest First</source>
        <translation>按日期排序，最早在前(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Back to Browsing</source>
        <translation>返回浏览(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Cancel Indexing</source>
        <translation>停止建立索引(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Update Search Index</source>
        <translation>更新搜索索引(&amp;U)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <source>Sort Ne&amp;west First</source>
        <translation>按日期排序，最新在前(&amp;W)</translation>
    </message>
    <message>
        <source>Save to Co&amp;llection…</source>
        <translation>加入收藏夹(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Export Hits…</source>
        <translation>导出结果(&amp;E)…</translation>
    </message>
    <message>
        <source>Sa&amp;ve Search…</source>
        <translation>保存搜索(&amp;V)…</translation>
    </message>
    <message>
        <source>Original Line &amp;Breaks</source>
        <translation>按原文换行(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Text</source>
        <translation>文字(&amp;T)</translation>
    </message>
    <message>
        <source>Scanned Pa&amp;ge</source>
        <translation>扫描版面(&amp;G)</translation>
    </message>
    <message>
        <source>Text a&amp;nd Page</source>
        <translation>文字与版面(&amp;N)</translation>
    </message>
    <message>
        <source>S&amp;witch Text/Page</source>
        <translation>切换文字与版面(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Problems Panel</source>
        <translation>问题面板(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Concordance</source>
        <translation>上下文列表(&amp;C)</translation>
    </message>
    <message>
        <source>T&amp;rends over Time</source>
        <translation>时间趋势(&amp;R)</translation>
    </message>
    <message>
        <source>Coll&amp;ections</source>
        <translation>收藏夹(&amp;E)</translation>
    </message>
    <message>
        <source>Librar&amp;y</source>
        <translation>书架(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>后退(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>前进(&amp;F)</translation>
    </message>
    <message>
        <source>Next &amp;Article</source>
        <translation>下一篇文章(&amp;A)</translation>
    </message>
    <message>
        <source>Previous A&amp;rticle</source>
        <translation>上一篇文章(&amp;R)</translation>
    </message>
    <message>
        <source>Next &amp;Issue</source>
        <translation>下一期(&amp;I)</translation>
    </message>
    <message>
        <source>Previous I&amp;ssue</source>
        <translation>上一期(&amp;S)</translation>
    </message>
    <message>
        <source>Go to &amp;Date…</source>
        <translation>转到日期(&amp;D)…</translation>
    </message>
    <message>
        <source>Next &amp;Pane</source>
        <translation>下一窗格(&amp;P)</translation>
    </message>
    <message>
        <source>Previous Pa&amp;ne</source>
        <translation>上一窗格(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About Issue Reader</source>
        <translation>关于 Issue Reader 报刊阅读器(&amp;A)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>后退</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>前进</translation>
    </message>
    <message>
        <source>Previous Issue</source>
        <translation>上一期</translation>
    </message>
    <message>
        <source>Next Issue</source>
        <translation>下一期</translation>
    </message>
    <message>
        <source>&amp;System Language</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
</context>
<context>
    <name>ArticleDocument</name>
    <message>
        <source>By %1</source>
        <translation>作者：%1</translation>
    </message>
    <message>
        <source>Only the headline of this article survived in the file.</source>
        <translation>文件中只保留了这篇文章的标题。</translation>
    </message>
    <message>
        <source>No text: the file has none for this page (a scan without a text layer).</source>
        <translation>无文字：文件中这一版没有文字（没有文字层的扫描图像）。</translation>
    </message>
</context>
<context>
    <name>ArticleListModel</name>
    <message>
        <source>headline only</source>
        <translation>仅存标题</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
</context>
<context>
    <name>Browser</name>
    <message>
        <source>That issue is no longer in the archive.</source>
        <translation>报刊库中已没有这一期。</translation>
    </message>
    <message>
        <source>This issue has no articles.</source>
        <translation>这一期没有文章。</translation>
    </message>
</context>
<context>
    <name>CannotWrite</name>
    <message>
        <source>the folder {folder} does not exist</source>
        <translation>文件夹 {folder} 不存在</translation>
    </message>
    <message>
        <source>the folder {folder} is a file, not a folder</source>
        <translation>{folder} 是一个文件，不是文件夹</translation>
    </message>
    <message>
        <source>it is a file, not a folder</source>
        <translation>这是一个文件，不是文件夹</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>这是一个文件夹，不是文件</translation>
    </message>
    <message>
        <source>it is inside the archive, which is never written</source>
        <translation>它在报刊库之内，而报刊库从不写入</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>没有写入权限</translation>
    </message>
    <message>
        <source>Read-only file system</source>
        <translation>磁盘是只读的</translation>
    </message>
    <message>
        <source>No space left on device</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>Disk quota exceeded</source>
        <translation>磁盘配额已用完</translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation>文件或文件夹不存在</translation>
    </message>
    <message>
        <source>Input/output error</source>
        <translation>输入输出错误，可能是磁盘或网络驱动器故障</translation>
    </message>
    <message>
        <source>File name too long</source>
        <translation>文件名太长</translation>
    </message>
    <message>
        <source>File too large</source>
        <translation>文件太大，磁盘容纳不下</translation>
    </message>
    <message>
        <source>it could not be written, for a reason the system did not give</source>
        <translation>无法写入，系统没有说明原因</translation>
    </message>
    <message>
        <source>the system says: {detail}</source>
        <translation>系统报告错误：{detail}</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>CollectionExporter</name>
    <message>
        <source>collection</source>
        <translation>收藏夹</translation>
    </message>
    <message>
        <source>Export Collection</source>
        <translation>导出收藏夹</translation>
    </message>
    <message>
        <source>Exporting the collection…</source>
        <translation>正在导出收藏夹…</translation>
    </message>
    <message>
        <source>Exported %1 to %2</source>
        <translation>已将 %1导出到 %2</translation>
    </message>
    <message>
        <source>%1; left out: %2</source>
        <translation>%1；另有 %2 篇未能导出</translation>
    </message>
    <message>
        <source>the archive is not where it was (relink it in Collections)</source>
        <translation>报刊库已不在原处（请在收藏夹中重新关联）</translation>
    </message>
    <message>
        <source>the archive cannot be read: %1</source>
        <translation>无法读取报刊库：%1</translation>
    </message>
    <message>
        <source>the article is no longer in the archive</source>
        <translation>报刊库中已没有这篇文章</translation>
    </message>
    <message>
        <source>%1 — %2: %3</source>
        <translation>%1（%2）：%3</translation>
    </message>
    <message>
        <source>These items of the collection were left out of the export:</source>
        <translation>收藏夹中的以下文章未能导出：</translation>
    </message>
</context>
<context>
    <name>CollectionsDock</name>
    <message>
        <source>Collections</source>
        <translation>收藏夹</translation>
    </message>
    <message>
        <source>Saved Searches</source>
        <translation>已保存的搜索</translation>
    </message>
    <message>
        <source>Collections unavailable: %1</source>
        <translation>收藏夹无法打开：%1</translation>
    </message>
    <message>
        <source>Your collections could not be changed: %1</source>
        <translation>无法修改您的收藏夹：%1</translation>
    </message>
    <message>
        <source>%1 selected hits</source>
        <translation>选中的 %1 条结果</translation>
    </message>
    <message>
        <source>Saved to the collection %1.</source>
        <translation>已收藏到“%1”。</translation>
    </message>
    <message>
        <source>That article is no longer in the archive.</source>
        <translation>报刊库中已没有这篇文章。</translation>
    </message>
</context>
<context>
    <name>CollectionsView</name>
    <message>
        <source>&amp;Edit Note and Tags…</source>
        <translation>编辑备注和标签(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Relink Archive…</source>
        <translation>重新关联报刊库(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Remove Item</source>
        <translation>移出收藏夹(&amp;R)</translation>
    </message>
    <message>
        <source>Delete &amp;Collection</source>
        <translation>删除收藏夹(&amp;C)</translation>
    </message>
    <message>
        <source>E&amp;xport Collection…</source>
        <translation>导出收藏夹(&amp;X)…</translation>
    </message>
    <message>
        <source>Export the items listed: CSV, RIS, CSL-JSON, BibTeX, text or Markdown</source>
        <translation>导出列表中的文章：CSV、RIS、CSL-JSON、BibTeX、纯文本或 Markdown</translation>
    </message>
    <message>
        <source>&amp;Open Item</source>
        <translation>打开文章(&amp;O)</translation>
    </message>
    <message>
        <source>Re&amp;link Archive…</source>
        <translation>重新关联报刊库(&amp;L)…</translation>
    </message>
    <message>
        <source>All collections</source>
        <translation>全部收藏夹</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Publication</source>
        <translation>报刊</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>报刊库</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>收藏夹</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1（找不到）</translation>
    </message>
    <message>
        <source>collections</source>
        <translation>收藏夹</translation>
    </message>
</context>
<context>
    <name>ConcordanceDock</name>
    <message>
        <source>Concordance</source>
        <translation>上下文列表</translation>
    </message>
</context>
<context>
    <name>ConcordanceView</name>
    <message>
        <source>&amp;Context:</source>
        <translation>上下文(&amp;C)：</translation>
    </message>
    <message>
        <source> characters</source>
        <translation> 字</translation>
    </message>
    <message>
        <source>Characters shown on each side of a match</source>
        <translation>每处匹配两侧显示的字数</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>Reading the hits: %1 of %2</source>
        <translation>正在读取结果：第 %1 条，共 %2 条</translation>
    </message>
    <message>
        <source>Finding every match…</source>
        <translation>正在查找每一处匹配…</translation>
    </message>
    <message>
        <source>Search the archive to see every match here in context.</source>
        <translation>搜索报刊库后，这里逐条列出每一处匹配及其上下文。</translation>
    </message>
    <message>
        <source>%1 matches in %2</source>
        <translation>%2中有 %1 处匹配</translation>
    </message>
    <message>
        <source>The first %1 matches (from %2 of the %3 found)</source>
        <translation>前 %1 处匹配（取自找到的 %3中的 %2 篇）</translation>
    </message>
    <message>
        <source>concordance.csv</source>
        <translation>上下文列表.csv</translation>
    </message>
    <message>
        <source>Export Concordance</source>
        <translation>导出上下文列表</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
    <message>
        <source>Saved %1 matches to %2</source>
        <translation>已将 %1 处匹配保存到 %2</translation>
    </message>
    <message>
        <source>Kicker</source>
        <translation>引题</translation>
    </message>
    <message>
        <source>Subtitle</source>
        <translation>副题</translation>
    </message>
    <message>
        <source>Byline</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>栏目</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Left context</source>
        <translation>左侧上下文</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>匹配处</translation>
    </message>
    <message>
        <source>Right context</source>
        <translation>右侧上下文</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Found in</source>
        <translation>所在</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
</context>
<context>
    <name>FacetStrip</name>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in article</source>
        <translation>在文章中查找</translation>
    </message>
    <message>
        <source>Previous (Shift+Enter)</source>
        <translation>上一处（Shift+Enter）</translation>
    </message>
    <message>
        <source>Next (Enter)</source>
        <translation>下一处（Enter）</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
</context>
<context>
    <name>GoToDateDialog</name>
    <message>
        <source>Go to Date</source>
        <translation>转到日期</translation>
    </message>
    <message>
        <source>1946-05-16, 1946年5月16日 or 16 May 1946</source>
        <translation>1946年5月16日、1946-05-16 或 16 May 1946</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>Type or pick a date; Enter opens the issue nearest to it.</source>
        <translation>输入或选择日期，按 Enter 打开日期最接近的一期。</translation>
    </message>
    <message>
        <source>Not a date I can read.</source>
        <translation>无法识别这个日期。</translation>
    </message>
    <message>
        <source>No dated issues in this archive.</source>
        <translation>此报刊库中没有注明日期的期次。</translation>
    </message>
    <message>
        <source>Nearest issue: %1</source>
        <translation>日期最接近的一期：%1</translation>
    </message>
    <message>
        <source>%1s</source>
        <comment>a decade</comment>
        <translation>%1年代</translation>
    </message>
</context>
<context>
    <name>HitExporter</name>
    <message>
        <source>CSV spreadsheet (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>RIS for Zotero, EndNote (*.ris)</source>
        <translation>RIS，供 Zotero、EndNote 导入 (*.ris)</translation>
    </message>
    <message>
        <source>CSL-JSON for Zotero, Pandoc (*.json)</source>
        <translation>CSL-JSON，供 Zotero、Pandoc 使用 (*.json)</translation>
    </message>
    <message>
        <source>BibTeX (*.bib)</source>
        <translation>BibTeX (*.bib)</translation>
    </message>
    <message>
        <source>Plain text files, zipped (*.zip)</source>
        <translation>纯文本文件压缩包 (*.zip)</translation>
    </message>
    <message>
        <source>Markdown files, zipped (*.zip)</source>
        <translation>Markdown 文件压缩包 (*.zip)</translation>
    </message>
    <message>
        <source>Export Hits</source>
        <translation>导出结果</translation>
    </message>
    <message>
        <source>hits</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>Exporting the hits…</source>
        <translation>正在导出结果…</translation>
    </message>
    <message>
        <source>Exported %1 to %2</source>
        <translation>已将 %1导出到 %2</translation>
    </message>
    <message>
        <source>Could not export to %1: %2</source>
        <translation>无法导出到 %1：%2</translation>
    </message>
</context>
<context>
    <name>HitsChart</name>
    <message>
        <source>%1: %2 hits</source>
        <translation>%1：%2 条结果</translation>
    </message>
    <message>
        <source>Hits over time</source>
        <translation>结果的时间分布</translation>
    </message>
    <message>
        <source>Hits over time: %1</source>
        <translation>结果的时间分布：%1</translation>
    </message>
</context>
<context>
    <name>IndexStatus</name>
    <message>
        <source>Preparing the search index…</source>
        <translation>正在准备搜索索引…</translation>
    </message>
    <message>
        <source>Indexing for search: %1 of %2</source>
        <translation>正在为搜索建立索引：%1 / %2</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop indexing; search keeps using the previous index</source>
        <translation>停止建立索引；搜索继续使用原有的索引</translation>
    </message>
</context>
<context>
    <name>Indexer</name>
    <message>
        <source>cannot write the search index in %1: %2</source>
        <translation>无法在 %1 中写入搜索索引：%2</translation>
    </message>
</context>
<context>
    <name>IntegrityCheck</name>
    <message>
        <source>Verifying checksums…</source>
        <translation>正在核对校验值…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop verifying the archive</source>
        <translation>停止校验报刊库</translation>
    </message>
    <message>
        <source>Verification progress</source>
        <translation>校验进度</translation>
    </message>
    <message>
        <source>No archive is open: there is nothing to verify.</source>
        <translation>尚未打开报刊库，没有可校验的内容。</translation>
    </message>
    <message>
        <source>Verification cancelled.</source>
        <translation>已停止校验。</translation>
    </message>
</context>
<context>
    <name>IntegrityDialog</name>
    <message>
        <source>Archive Integrity</source>
        <translation>报刊库完整性</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Files checked</source>
        <translation>已校验的文件</translation>
    </message>
    <message>
        <source>Copy Report</source>
        <translation>复制报告</translation>
    </message>
    <message>
        <source>Intact</source>
        <translation>完好</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>已改动</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>Unlisted</source>
        <translation>未列入清单</translation>
    </message>
    <message>
        <source>Unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>%1 expected %2, found %3</source>
        <translation>%1 应为 %2，实为 %3</translation>
    </message>
    <message>
        <source>The archive has no checksum manifest or BagIt bag: nothing to verify.</source>
        <translation>报刊库中没有校验值清单或 BagIt 包：无可校验。</translation>
    </message>
    <message>
        <source>Some files differ from their checksums or cannot be read.</source>
        <translation>有文件与校验值不符或无法读取。</translation>
    </message>
    <message>
        <source>Every file present agrees with its checksum, but some files are missing or unlisted.</source>
        <translation>现有文件均与校验值相符，但有文件缺失或未列入清单。</translation>
    </message>
    <message>
        <source>Every listed file is present and agrees with its checksum.</source>
        <translation>清单所列文件齐全，且均与校验值相符。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Manifests: %1</source>
        <translation>清单：%1</translation>
    </message>
</context>
<context>
    <name>IssueTreeModel</name>
    <message>
        <source>Issue</source>
        <translation>期次</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>篇数</translation>
    </message>
    <message>
        <source>Undated</source>
        <translation>日期不详</translation>
    </message>
</context>
<context>
    <name>KeepDialog</name>
    <message>
        <source>Save to Collection</source>
        <translation>加入收藏夹</translation>
    </message>
    <message>
        <source>Reading list</source>
        <translation>阅读清单</translation>
    </message>
    <message>
        <source>comma-separated, e.g. heating, 1946</source>
        <translation>用逗号分隔，如：供热，1946</translation>
    </message>
    <message>
        <source>&amp;Collection:</source>
        <translation>收藏夹(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>标签(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>LibraryDock</name>
    <message>
        <source>Library</source>
        <translation>书架</translation>
    </message>
    <message>
        <source>Not there any more</source>
        <translation>已不在原处</translation>
    </message>
    <message>
        <source>Indexing…</source>
        <translation>正在建立索引…</translation>
    </message>
    <message>
        <source>Indexing: %1%</source>
        <translation>正在建立索引：%1%</translation>
    </message>
    <message>
        <source>Waiting to be indexed</source>
        <translation>等待建立索引</translation>
    </message>
    <message>
        <source>Indexed</source>
        <translation>已建立索引</translation>
    </message>
    <message>
        <source>Not indexed</source>
        <translation>尚未建立索引</translation>
    </message>
    <message>
        <source>Add an Archive Folder</source>
        <translation>添加报刊库文件夹</translation>
    </message>
    <message>
        <source>Add a Zipped Archive</source>
        <translation>添加报刊库压缩包</translation>
    </message>
    <message>
        <source>Zipped archives (*.zip);;All files (*)</source>
        <translation>报刊库压缩包 (*.zip);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Rename Archive</source>
        <translation>重命名报刊库</translation>
    </message>
    <message>
        <source>Name of %1 in the library:</source>
        <translation>%1 在书架上的名称：</translation>
    </message>
    <message>
        <source>Library unavailable: %1</source>
        <translation>书架无法使用：%1</translation>
    </message>
</context>
<context>
    <name>LibraryScope</name>
    <message>
        <source>This archive</source>
        <translation>本报刊库</translation>
    </message>
    <message>
        <source>Library (%1 archives)</source>
        <translation>书架（%1 个报刊库）</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>书架</translation>
    </message>
    <message>
        <source>Search the archive open, or the archives ticked in the library</source>
        <translation>搜索打开的报刊库，或书架上勾选的报刊库</translation>
    </message>
    <message>
        <source>No archive of the library is ticked: View › Library chooses them.</source>
        <translation>书架上没有勾选任何报刊库：请在“视图 › 书架”中勾选。</translation>
    </message>
    <message>
        <source>Not covered yet (being indexed): %1</source>
        <translation>尚未搜索（正在建立索引）：%1</translation>
    </message>
    <message>
        <source>Not covered (no index, or not where it was): %1</source>
        <translation>未搜索（没有索引，或已不在原处）：%1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <source>Archive</source>
        <translation>报刊库</translation>
    </message>
    <message>
        <source>Search index</source>
        <translation>搜索索引</translation>
    </message>
    <message>
        <source>Tick the archives a library search includes; Enter opens one</source>
        <translation>勾选书架搜索要包括的报刊库；按 Enter 打开</translation>
    </message>
    <message>
        <source>Add Archive…</source>
        <translation>添加报刊库…</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <source>Zip File…</source>
        <translation>压缩包…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Remove from Library</source>
        <translation>从书架移除</translation>
    </message>
    <message>
        <source>Forget this archive here; nothing in it, its index or its kept items is deleted</source>
        <translation>只从书架上移除此报刊库；其中的文件、索引和收藏的文章都不会被删除</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <source>Opened %1 — issues: %2, articles: %3</source>
        <translation>已打开 %1：%2 期，%3 篇文章</translation>
    </message>
    <message>
        <source>problems: %1</source>
        <translation>%1 个问题</translation>
    </message>
    <message>
        <source>suggested aliases: %2</source>
        <translation>%2 条报头别名建议</translation>
    </message>
    <message>
        <source>problems: %1, suggested aliases: %2</source>
        <translation>%1 个问题，%2 条报头别名建议</translation>
    </message>
    <message>
        <source>%1; %2 (see the Problems panel)</source>
        <translation>%1；%2（见问题面板）</translation>
    </message>
    <message>
        <source>Suggested aliases: %2</source>
        <translation>报头别名建议：%2</translation>
    </message>
    <message>
        <source>⚠ Problems: %1 · suggested aliases: %2</source>
        <translation>⚠ 问题：%1 · 报头别名建议：%2</translation>
    </message>
    <message>
        <source>None of the files of this archive could be read: the Problems panel below lists them and why.</source>
        <translation>此报刊库中没有一个文件能够读取：下方的问题面板列出了这些文件及原因。</translation>
    </message>
    <message>
        <source>%1 holds no issue files: there is nothing here to read. Issue Reader reads plain text, XML, HTML and zip files of newspaper issues.</source>
        <translation>%1 中没有任何报纸期次的文件，没有可阅读的内容。Issue Reader 可读取纯文本、XML、HTML 和 zip 格式的报纸期次文件。</translation>
    </message>
    <message>
        <source>No archive is open, so there is nothing to search yet: open one first.</source>
        <translation>尚未打开报刊库，因此没有可搜索的内容：请先打开一个报刊库。</translation>
    </message>
    <message>
        <source>The archive is still being read: search it once it is open.</source>
        <translation>报刊库仍在读取中，读完后再搜索。</translation>
    </message>
    <message>
        <source>The issue you were reading, %1, was removed from the archive: the one beside it is shown.</source>
        <translation>您正在阅读的那一期（%1）已从报刊库中移除，现在显示的是与它相邻的一期。</translation>
    </message>
    <message>
        <source>The archive is as it was: nothing to read again.</source>
        <translation>报刊库没有变化，无需重新读取。</translation>
    </message>
    <message>
        <source>Reading the archive again: %1 of %2</source>
        <translation>正在重新读取报刊库：%1 / %2</translation>
    </message>
    <message>
        <source>%1 is no longer there; showing what was read from it before.</source>
        <translation>%1 已不存在；显示的是之前读取的内容。</translation>
    </message>
    <message>
        <source>The archive could not be read again: %1</source>
        <translation>无法重新读取报刊库：%1</translation>
    </message>
    <message>
        <source>Issue Reader</source>
        <translation>Issue Reader 报刊阅读器</translation>
    </message>
    <message>
        <source>Open Archive Folder</source>
        <translation>打开报刊库文件夹</translation>
    </message>
    <message>
        <source>Open Issue File</source>
        <translation>打开单期文件</translation>
    </message>
    <message>
        <source>Open Zipped Archive</source>
        <translation>打开 zip 压缩的报刊库</translation>
    </message>
    <message>
        <source>Zipped archives (*.zip);;All files (*)</source>
        <translation>zip 压缩的报刊库 (*.zip);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>Reading files: %1 of %2</source>
        <translation>正在读取文件：%1 / %2</translation>
    </message>
    <message>
        <source>Issues and archives (%1)</source>
        <translation>单期文件与报刊库 (%1)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>This issue has only text, so its text is shown: the archive has no page images for it.</source>
        <translation>报刊库中没有这一期的版面图像，因此显示其正文。</translation>
    </message>
    <message>
        <source>No match is marked on the page; the text has %1</source>
        <translation>版面上没有标出匹配处；正文中有 %1 处</translation>
    </message>
    <message>
        <source>Match %1 of %2 on the page; the text has %3 more, not marked on the page</source>
        <translation>版面上第 %1 处匹配，共 %2 处；正文中另有 %3 处，版面上没有标出</translation>
    </message>
    <message>
        <source>Match %1 of %2</source>
        <translation>第 %1 处匹配，共 %2 处</translation>
    </message>
    <message>
        <source>Found in the article: %1 of %2</source>
        <translation>在文章中查找：第 %1 处，共 %2 处</translation>
    </message>
    <message>
        <source>The article has %1 matches: the first %2 are marked.</source>
        <translation>这篇文章共有 %1 处匹配，只标出了前 %2 处。</translation>
    </message>
    <message>
        <source>Match %1 of the first %2 marked (the article has %3)</source>
        <translation>第 %1 处匹配，已标出前 %2 处（这篇文章共 %3 处）</translation>
    </message>
    <message>
        <source>Copied the article with its citation.</source>
        <translation>已复制文章及引文。</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>期次</translation>
    </message>
    <message>
        <source>Publications, years, months and issues; Enter shows the articles</source>
        <translation>报刊、年、月和期次；按 Enter 显示文章</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>The articles of the issue chosen; Enter reads one</source>
        <translation>所选这一期的文章；按 Enter 阅读</translation>
    </message>
    <message>
        <source>Search hits</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>The articles that match the search; Enter reads one</source>
        <translation>与搜索匹配的文章；按 Enter 阅读</translation>
    </message>
    <message>
        <source>Search the archive</source>
        <translation>搜索报刊库</translation>
    </message>
    <message>
        <source>Type words to find and press Enter</source>
        <translation>输入要查找的词语，然后按 Enter</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>The text of the article chosen</source>
        <translation>所选文章的正文</translation>
    </message>
    <message>
        <source>Issue list headings</source>
        <translation>期次列表表头</translation>
    </message>
    <message>
        <source>Menu bar</source>
        <translation>菜单栏</translation>
    </message>
    <message>
        <source>Status bar</source>
        <translation>状态栏</translation>
    </message>
    <message>
        <source>Files and folders that could not be read, and suggested aliases (View › Problems Panel)</source>
        <translation>无法读取的文件和文件夹，以及报头别名建议（视图 › 问题面板）</translation>
    </message>
    <message>
        <source>Page zoom: %1</source>
        <translation>页面缩放：%1</translation>
    </message>
    <message>
        <source>Page zoom; click to fit the page&apos;s width (Ctrl+0)</source>
        <translation>页面缩放；点击使页面适合宽度（Ctrl+0）</translation>
    </message>
    <message>
        <source>⚠ Problems: %1</source>
        <translation>⚠ 问题：%1</translation>
    </message>
    <message>
        <source>Text size: %1</source>
        <translation>文字大小：%1</translation>
    </message>
    <message>
        <source>Text size; click for the actual size (Ctrl+0)</source>
        <translation>文字大小；点击恢复实际大小（Ctrl+0）</translation>
    </message>
    <message>
        <source>Original lines</source>
        <translation>原文换行</translation>
    </message>
    <message>
        <source>The text keeps the line breaks of the file; click to reflow it (Ctrl+U)</source>
        <translation>正文按文件原样换行；点击重新排版（Ctrl+U）</translation>
    </message>
    <message>
        <source>This archive has no readable issues any more.</source>
        <translation>这个报刊库已没有可读的期。</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
</context>
<context>
    <name>PageKeys</name>
    <message>
        <source>Next page, previous page</source>
        <translation>下一版、上一版</translation>
    </message>
    <message>
        <source>A screenful down, up (at the end: the next page)</source>
        <translation>向下、向上滚动一屏（到底时翻到下一版）</translation>
    </message>
    <message>
        <source>Move the page</source>
        <translation>移动版面</translation>
    </message>
    <message>
        <source>Next match on the page, previous match</source>
        <translation>版面上的下一处、上一处匹配</translation>
    </message>
    <message>
        <source>Zoom in, out (the current match kept in view)</source>
        <translation>放大、缩小（当前匹配处留在视野内）</translation>
    </message>
    <message>
        <source>Fit the page&apos;s width</source>
        <translation>版面适合宽度</translation>
    </message>
    <message>
        <source>Ctrl+wheel</source>
        <translation>Ctrl+滚轮</translation>
    </message>
    <message>
        <source>Zoom at the pointer</source>
        <translation>以指针处为中心缩放</translation>
    </message>
    <message>
        <source>Drag</source>
        <translation>拖动</translation>
    </message>
    <message>
        <source>Click</source>
        <translation>单击</translation>
    </message>
    <message>
        <source>Read the text of the word clicked</source>
        <translation>阅读所点词语处的正文</translation>
    </message>
</context>
<context>
    <name>PagePane</name>
    <message>
        <source>This issue has only text: the archive has no page images for it.</source>
        <translation>这一期只有文字：报刊库里没有它的版面图像。</translation>
    </message>
    <message>
        <source>Pages cannot be shown for this archive.</source>
        <translation>无法显示这个报刊库的版面。</translation>
    </message>
    <message>
        <source>This page could not be read: %1</source>
        <translation>无法读取这一版：%1</translation>
    </message>
    <message>
        <source>The scan of this page could not be decoded: %1</source>
        <translation>无法解码这一版的扫描图：%1</translation>
    </message>
    <message>
        <source>The scan of this page, %1, is not in the archive.</source>
        <translation>报刊库里没有这一版的扫描图 %1。</translation>
    </message>
    <message>
        <source>The archive has no scan of this page.</source>
        <translation>报刊库里没有这一版的扫描图。</translation>
    </message>
    <message>
        <source>Shown instead: the page&apos;s words as the OCR read them, each where printed.</source>
        <translation>改为显示 OCR 识别出的这一版文字，每个词都在原来印刷的位置。</translation>
    </message>
    <message>
        <source>The words on this page could not be read: %1</source>
        <translation>无法读取这一版上文字的位置：%1</translation>
    </message>
    <message>
        <source>This page has no text layer: its words cannot be found or clicked.</source>
        <translation>这一版没有文字层：无法在图上查找或点选文字。</translation>
    </message>
    <message>
        <source>No page</source>
        <translation>无版面</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第%1版，共%2版</translation>
    </message>
    <message>
        <source>Page %1 of %2 (printed %3)</source>
        <translation>第%1版，共%2版（报上印作 %3）</translation>
    </message>
    <message>
        <source>Previous Page (PgUp)</source>
        <translation>上一版（PgUp）</translation>
    </message>
    <message>
        <source>Next Page (PgDn)</source>
        <translation>下一版（PgDn）</translation>
    </message>
</context>
<context>
    <name>Periods</name>
    <message>
        <source>%1s</source>
        <comment>a decade: 1810s</comment>
        <translation>%1年代</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>PropertiesDialog</name>
    <message>
        <source>No archive is open.</source>
        <translation>尚未打开报刊库。</translation>
    </message>
    <message>
        <source>Archive Properties</source>
        <translation>报刊库属性</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1至%2</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Formats</source>
        <translation>文件格式</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>期数</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>文章数</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题数</translation>
    </message>
    <message>
        <source>Other files skipped</source>
        <translation>跳过的其他文件</translation>
    </message>
    <message>
        <source>Search index</source>
        <translation>搜索索引</translation>
    </message>
    <message>
        <source>Catalogue cache</source>
        <translation>目录缓存</translation>
    </message>
    <message>
        <source>BagIt bag information (bag-info.txt)</source>
        <translation>BagIt 包信息（bag-info.txt）</translation>
    </message>
    <message>
        <source>Checksum manifests</source>
        <translation>校验值清单</translation>
    </message>
    <message>
        <source>None: the archive lists no checksums.</source>
        <translation>无：报刊库没有列出校验值。</translation>
    </message>
    <message>
        <source>BagIt payload manifest (%1)</source>
        <translation>BagIt 内容清单（%1）</translation>
    </message>
    <message>
        <source>BagIt tag manifest (%1)</source>
        <translation>BagIt 标签清单（%1）</translation>
    </message>
    <message>
        <source>Checksum list (%1)</source>
        <translation>校验值列表（%1）</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
</context>
<context>
    <name>QueryError</name>
    <message>
        <source>the query is empty</source>
        <translation>搜索词为空</translation>
    </message>
    <message>
        <source>the query is too long (more than {limit} characters)</source>
        <translation>搜索词太长（超过 {limit} 个字符）</translation>
    </message>
    <message>
        <source>the query holds bytes that are not text (UTF-8): type it again</source>
        <translation>搜索词中有不是文字（UTF-8）的字节：请重新输入</translation>
    </message>
    <message>
        <source>the query has too many terms (more than {limit})</source>
        <translation>搜索词中的词项太多（超过 {limit} 个）</translation>
    </message>
    <message>
        <source>the query nests parentheses too deeply (more than {limit})</source>
        <translation>搜索词中的括号嵌套太深（超过 {limit} 层）</translation>
    </message>
    <message>
        <source>unexpected &apos;)&apos;: there is no &apos;(&apos; to close</source>
        <translation>多余的“)”：前面没有要闭合的“(”</translation>
    </message>
    <message>
        <source>unexpected &apos;)&apos;: there is no &apos;(&apos; to close (quote it to find it)</source>
        <translation>多余的“)”：前面没有要闭合的“(”（要查找它，请加上引号）</translation>
    </message>
    <message>
        <source>the parenthesis &apos;(&apos; is not closed</source>
        <translation>括号“(”没有闭合</translation>
    </message>
    <message>
        <source>empty parentheses or a &apos;)&apos; without a &apos;(&apos;</source>
        <translation>括号内为空，或“)”前面没有“(”</translation>
    </message>
    <message>
        <source>the query has no terms</source>
        <translation>搜索词中没有要查找的词</translation>
    </message>
    <message>
        <source>{field}: needs something after it, like {field}:{example}</source>
        <translation>{field}: 后面需要有内容，例如 {field}:{example}</translation>
    </message>
    <message>
        <source>{field}: takes one term or a quoted phrase, not a group</source>
        <translation>{field}: 后面只能跟一个词或带引号的短语，不能跟括号分组</translation>
    </message>
    <message>
        <source>there is no field {prefix} (the fields are {fields}); to search for the text, put it in quotes: &quot;{text}&quot;</source>
        <translation>没有 {prefix} 这个字段（可用的字段有 {fields}）；要查找这段文字，请给它加上引号：&quot;{text}&quot;</translation>
    </message>
    <message>
        <source>the quote {quote} is not closed</source>
        <translation>引号 {quote} 没有闭合</translation>
    </message>
    <message>
        <source>the quotes hold nothing to search for</source>
        <translation>引号中没有要查找的内容</translation>
    </message>
    <message>
        <source>OR needs a term on both sides</source>
        <translation>OR 两边都需要有词</translation>
    </message>
    <message>
        <source>AND needs a term on both sides</source>
        <translation>AND 两边都需要有词</translation>
    </message>
    <message>
        <source>{operator} needs a term after it</source>
        <translation>{operator} 后面需要有词</translation>
    </message>
    <message>
        <source>date:{value} has no dates; {help}</source>
        <translation>date:{value} 中没有日期；{help}</translation>
    </message>
    <message>
        <source>date:{value} ends before it starts</source>
        <translation>date:{value} 的结束日期早于开始日期</translation>
    </message>
    <message>
        <source>date:{value} is not a date; {help}</source>
        <translation>date:{value} 不是日期；{help}</translation>
    </message>
    <message>
        <source>date:{value} is not a valid date; {help}</source>
        <translation>date:{value} 不是有效的日期；{help}</translation>
    </message>
    <message>
        <source>page:{value} is not a page number; use page:2 (or a page&apos;s label, like page:A3)</source>
        <translation>page:{value} 不是版次；请写成 page:2（或版面的标记，如 page:A3）</translation>
    </message>
    <message>
        <source>number:{value} is not an issue number; use number:1810</source>
        <translation>number:{value} 不是期号；请写成 number:1810</translation>
    </message>
    <message>
        <source>use date:2022, date:2022-09, date:2022-09-19 or a range like date:2022-01..2022-06</source>
        <translation>请写成 date:2022、date:2022-09、date:2022-09-19，或 date:2022-01..2022-06 这样的范围</translation>
    </message>
</context>
<context>
    <name>ReasonDetails</name>
    <message>
        <source>line %1, character %2</source>
        <translation>第%1行第%2个字符</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <source>no such file or folder</source>
        <translation>没有这个文件或文件夹</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件是空的</translation>
    </message>
    <message>
        <source>the file is too large ({size} bytes)</source>
        <translation>文件太大（{size} 字节）</translation>
    </message>
    <message>
        <source>cannot read the file: {detail}</source>
        <translation>无法读取文件：{detail}</translation>
    </message>
    <message>
        <source>cannot read the file: permission denied</source>
        <translation>无法读取文件：没有读取权限</translation>
    </message>
    <message>
        <source>a folder, not a file</source>
        <translation>这是文件夹，不是文件</translation>
    </message>
    <message>
        <source>cannot read the file: an input/output error (a failing disk or network drive?)</source>
        <translation>无法读取文件：输入输出错误，可能是磁盘或网络驱动器故障</translation>
    </message>
    <message>
        <source>the path leads outside the archive</source>
        <translation>路径指向报刊库之外</translation>
    </message>
    <message>
        <source>cannot open the folder: permission denied</source>
        <translation>无法打开文件夹：没有读取权限</translation>
    </message>
    <message>
        <source>cannot open the folder: {detail}</source>
        <translation>无法打开文件夹：{detail}</translation>
    </message>
    <message>
        <source>a link to nothing</source>
        <translation>链接指向的文件不存在</translation>
    </message>
    <message>
        <source>a link that leads round in a loop, to no file</source>
        <translation>循环链接，不指向任何文件</translation>
    </message>
    <message>
        <source>a link out of the archive folder, not followed</source>
        <translation>链接指向报刊库文件夹之外，未读取</translation>
    </message>
    <message>
        <source>the path is absolute: it leads outside the archive</source>
        <translation>路径是绝对路径，指向报刊库之外</translation>
    </message>
    <message>
        <source>the file name contains a NUL character</source>
        <translation>文件名含有 NUL 字符</translation>
    </message>
    <message>
        <source>not a recognised archive format</source>
        <translation>不是可识别的文件格式</translation>
    </message>
    <message>
        <source>not a recognised archive format (binary data)</source>
        <translation>不是可识别的文件格式（二进制数据）</translation>
    </message>
    <message>
        <source>a zip inside the archive is not opened: unpack it, or open the zip on its own</source>
        <translation>报刊库中的 zip 压缩包不会打开：请先解压，或单独打开这个压缩包</translation>
    </message>
    <message>
        <source>a tar archive is not opened: unpack it, or zip it</source>
        <translation>tar 归档文件不会打开：请先解压，或改打包为 zip</translation>
    </message>
    <message>
        <source>unknown format &apos;{format}&apos;</source>
        <translation>未知格式“{format}”</translation>
    </message>
    <message>
        <source>internal error in {importer}: {detail}</source>
        <translation>{importer} 内部错误：{detail}</translation>
    </message>
    <message>
        <source>not a readable zip archive: {detail}</source>
        <translation>不是可读的 zip 压缩包：{detail}</translation>
    </message>
    <message>
        <source>no such file in the zip archive</source>
        <translation>zip 压缩包中没有这个文件</translation>
    </message>
    <message>
        <source>the file is too large ({size} bytes uncompressed)</source>
        <translation>文件太大（解压后 {size} 字节）</translation>
    </message>
    <message>
        <source>the file expands {ratio} times (a zip bomb?), refused</source>
        <translation>文件解压后膨胀 {ratio} 倍（疑似 zip 炸弹），已拒绝</translation>
    </message>
    <message>
        <source>the archive expands to more than {limit} bytes</source>
        <translation>压缩包解压后超过 {limit} 字节</translation>
    </message>
    <message>
        <source>unsupported compression: {detail}</source>
        <translation>不支持的压缩方式：{detail}</translation>
    </message>
    <message>
        <source>the zip member is damaged: {detail}</source>
        <translation>zip 中的文件已损坏：{detail}</translation>
    </message>
    <message>
        <source>binary data, not text</source>
        <translation>二进制数据，不是文本</translation>
    </message>
    <message>
        <source>not valid {encoding} text</source>
        <translation>不是有效的 {encoding} 文本</translation>
    </message>
    <message>
        <source>cannot tell the text encoding (not UTF-8, GB18030 or Big5)</source>
        <translation>无法判断文本编码（不是 UTF-8、GB18030 或 Big5）</translation>
    </message>
    <message>
        <source>not well-formed XML (damaged or cut off?): {detail}</source>
        <translation>XML 格式不正确，文件可能已损坏或不完整：{detail}</translation>
    </message>
    <message>
        <source>not well-formed XML (damaged or cut off?): {detail} (the text after that point is lost)</source>
        <translation>XML 格式不正确，文件可能已损坏或不完整：{detail}（此处之后的文字已丢失）</translation>
    </message>
    <message>
        <source>the XML declares entities, which are refused for safety</source>
        <translation>XML 声明了实体，出于安全考虑已拒绝</translation>
    </message>
    <message>
        <source>the XML names an external DTD, which is refused for safety</source>
        <translation>XML 引用了外部 DTD，出于安全考虑已拒绝</translation>
    </message>
    <message>
        <source>not valid UTF-8 as the file declares: read as Windows-1252</source>
        <translation>文件声明为 UTF-8，但并非有效的 UTF-8：已按 Windows-1252 读取</translation>
    </message>
    <message>
        <source>not valid UTF-8 as the file declares: read as Windows-1252; not well-formed XML (damaged or cut off?): {detail}</source>
        <translation>文件声明为 UTF-8，但并非有效的 UTF-8：已按 Windows-1252 读取；XML 格式不正确，文件可能已损坏或不完整：{detail}</translation>
    </message>
    <message>
        <source>binary data, not a web page</source>
        <translation>二进制数据，不是网页</translation>
    </message>
    <message>
        <source>not a readable web page: {detail}</source>
        <translation>不是可读的网页：{detail}</translation>
    </message>
    <message>
        <source>not valid TOML: {detail}</source>
        <translation>不是有效的 TOML：{detail}</translation>
    </message>
    <message>
        <source>publication and language must be text</source>
        <translation>publication 和 language 必须是文本</translation>
    </message>
    <message>
        <source>mastheads must be a list of text</source>
        <translation>mastheads 必须是文本列表</translation>
    </message>
    <message>
        <source>{count} lines of the checksum list could not be read</source>
        <translation>校验值列表中有 {count} 行无法读取</translation>
    </message>
    <message>
        <source>the checksum list names a file outside the archive: {path}</source>
        <translation>校验值列表指向报刊库以外的文件：{path}</translation>
    </message>
    <message>
        <source>not a valid BagIt bag: {detail}</source>
        <translation>不是有效的 BagIt 包：{detail}</translation>
    </message>
    <message>
        <source>no articles: the file has no &apos;## &apos; headings</source>
        <translation>没有文章：文件中没有“## ”标题</translation>
    </message>
    <message>
        <source>not an article file: the header lines are missing</source>
        <translation>不是文章文件：缺少开头的信息行</translation>
    </message>
    <message>
        <source>bad date line: {detail}</source>
        <translation>日期行有误：{detail}</translation>
    </message>
    <message>
        <source>the METS lists no ALTO text</source>
        <translation>METS 没有列出任何 ALTO 文本</translation>
    </message>
    <message>
        <source>missing: {mets} lists it as a page</source>
        <translation>缺失：{mets} 把它列为一个版面</translation>
    </message>
    <message>
        <source>{count} article parts point at text missing from their ALTO page</source>
        <translation>{count} 个文章片段指向 ALTO 版面中不存在的文字</translation>
    </message>
    <message>
        <source>the METS no longer has the article {ref}</source>
        <translation>METS 中已没有文章 {ref}</translation>
    </message>
    <message>
        <source>lists the issue {path}, which is missing</source>
        <translation>列出了单期 {path}，但该文件缺失</translation>
    </message>
    <message>
        <source>the issue METS lists no ALTO pages</source>
        <translation>该期的 METS 没有列出任何 ALTO 版面</translation>
    </message>
    <message>
        <source>a Delpher article text without the didl.xml that lists it</source>
        <translation>Delpher 文章文本，但缺少列出它的 didl.xml</translation>
    </message>
    <message>
        <source>the DIDL has no issue item</source>
        <translation>DIDL 中没有单期条目</translation>
    </message>
    <message>
        <source>the DIDL no longer has the article {identifier}</source>
        <translation>DIDL 中已没有文章 {identifier}</translation>
    </message>
    <message>
        <source>a NewsML-G2 {kinds} item: no text to read</source>
        <translation>NewsML-G2 {kinds} 条目：没有可读的文字</translation>
    </message>
    <message>
        <source>a NewsML-G2 &lt;{element}&gt; fragment with no headline or text</source>
        <translation>NewsML-G2 &lt;{element}&gt; 片段，没有标题或正文</translation>
    </message>
    <message>
        <source>a NewsML-G2 {element} with no headline or text (metadata only)</source>
        <translation>NewsML-G2 {element}，没有标题或正文（只有元数据）</translation>
    </message>
    <message>
        <source>not an NITF document: the root element is &lt;{element}&gt;</source>
        <translation>不是 NITF 文档：根元素是 &lt;{element}&gt;</translation>
    </message>
    <message>
        <source>the NITF document has no headline and no text</source>
        <translation>NITF 文档既没有标题也没有正文</translation>
    </message>
    <message>
        <source>the Founder article has no headline and no text</source>
        <translation>方正电子报文章既没有标题也没有正文</translation>
    </message>
    <message>
        <source>no Founder e-paper article or page list in the page</source>
        <translation>页面中没有方正电子报的文章或版面列表</translation>
    </message>
    <message>
        <source>the page no longer lists the article</source>
        <translation>页面已不再列出这篇文章</translation>
    </message>
    <message>
        <source>not a readable PDF (damaged?): {detail}</source>
        <translation>无法读取的 PDF，可能已损坏：{detail}</translation>
    </message>
    <message>
        <source>the PDF is encrypted: it cannot be read without its password</source>
        <translation>PDF 已加密：没有密码无法读取</translation>
    </message>
    <message>
        <source>page {page} has no text layer (a scanned image only): nothing to read or search</source>
        <translation>第 {page} 版没有文字层（只有扫描图像）：没有可阅读或搜索的文字</translation>
    </message>
    <message>
        <source>page {page}: {count} characters in the font {font} have no true Unicode in the PDF (shown as �): that text cannot be read or searched, and no date is taken from it</source>
        <translation>第 {page} 页：字体 {font} 中有 {count} 个字符在 PDF 中没有真正的 Unicode 编码（显示为 �）：这些文字无法阅读或搜索，也不会从中取日期</translation>
    </message>
    <message>
        <source>the article is no longer in the file</source>
        <translation>文件中已没有这篇文章</translation>
    </message>
</context>
<context>
    <name>Relink</name>
    <message>
        <source>Where is the archive %1 now?</source>
        <translation>报刊库 %1 现在在哪里？</translation>
    </message>
    <message>
        <source>Zipped archives (*.zip)</source>
        <translation>zip 压缩的报刊库 (*.zip)</translation>
    </message>
    <message>
        <source>Issue files (*%1)</source>
        <translation>单期文件 (*%1)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>Reloader</name>
    <message>
        <source>1 issue added</source>
        <translation>新增 1 期</translation>
    </message>
    <message>
        <source>%1 issues added</source>
        <translation>新增 %1 期</translation>
    </message>
    <message>
        <source>1 issue changed</source>
        <translation>1 期有改动</translation>
    </message>
    <message>
        <source>%1 issues changed</source>
        <translation>%1 期有改动</translation>
    </message>
    <message>
        <source>1 issue removed</source>
        <translation>移除 1 期</translation>
    </message>
    <message>
        <source>%1 issues removed</source>
        <translation>移除 %1 期</translation>
    </message>
    <message>
        <source>1 file</source>
        <translation>1 个文件</translation>
    </message>
    <message>
        <source>%1 files</source>
        <translation>%1 个文件</translation>
    </message>
    <message>
        <source>1 folder</source>
        <translation>1 个文件夹</translation>
    </message>
    <message>
        <source>%1 folders</source>
        <translation>%1 个文件夹</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1和 %2</translation>
    </message>
    <message>
        <source>%1 could not be read</source>
        <translation>%1无法读取</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>The archive changed: %1.</source>
        <translation>报刊库有变化：%1。</translation>
    </message>
</context>
<context>
    <name>Rows</name>
    <message>
        <source>Page %1</source>
        <translation>第%1版</translation>
    </message>
    <message>
        <source>No title in the file: its first words stand in for one.</source>
        <translation>文件中没有标题，以正文开头的几个字代替。</translation>
    </message>
</context>
<context>
    <name>SavedSearchCommands</name>
    <message>
        <source>Search first, then save the search.</source>
        <translation>请先搜索，再保存搜索。</translation>
    </message>
    <message>
        <source>Save Search</source>
        <translation>保存搜索</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Saved the search %1 (of the library).</source>
        <translation>已保存搜索“%1”（搜索整个书架）。</translation>
    </message>
    <message>
        <source>Saved the search %1.</source>
        <translation>已保存搜索“%1”。</translation>
    </message>
</context>
<context>
    <name>SavedSearchesView</name>
    <message>
        <source>&amp;Open Search</source>
        <translation>打开搜索(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Delete Search</source>
        <translation>删除搜索(&amp;D)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>搜索词</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>报刊库</translation>
    </message>
    <message>
        <source>New hits</source>
        <translation>新结果</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>书架</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search the archive (Ctrl+K)</source>
        <translation>搜索报刊库（Ctrl+K）</translation>
    </message>
    <message>
        <source>The search index cannot be written in %1: %2. Searching needs an index, so this archive cannot be searched; everything else works.</source>
        <translation>无法在 %1 中写入搜索索引：%2。搜索需要索引，因此无法搜索此报刊库；其他功能均可正常使用。</translation>
    </message>
    <message>
        <source>Relevance</source>
        <translation>相关度</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>最新在前</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation>最早在前</translation>
    </message>
    <message>
        <source>Sort the hits</source>
        <translation>结果排序</translation>
    </message>
    <message>
        <source>Hits over time; click a bar to show only its hits</source>
        <translation>结果随时间的分布；点击柱条只看该时段的结果</translation>
    </message>
    <message>
        <source>Provisional: covers %1 % of the archive so far, while it is being indexed; the hits are refreshed as the rest is read.</source>
        <translation>初步结果：报刊库正在建立索引，目前已查 %1% 的内容；其余部分读完后结果会自动更新。</translation>
    </message>
    <message>
        <source>Provisional: the archive is being indexed, so its %1 articles were scanned; the hits are refreshed when the index is ready.</source>
        <translation>初步结果：报刊库正在建立索引，已逐篇查找全部 %1 篇文章；索引建好后结果会自动更新。</translation>
    </message>
    <message>
        <source>Provisional: %1 of %2 articles from the index, the rest scanned; the hits are refreshed when indexing ends.</source>
        <translation>初步结果：%2 篇文章中 %1 篇查自索引，其余逐篇查找；建立索引完成后结果会自动更新。</translation>
    </message>
    <message>
        <source>The search index is up to date.</source>
        <translation>搜索索引已是最新。</translation>
    </message>
    <message>
        <source>The search index is ready.</source>
        <translation>搜索索引已就绪。</translation>
    </message>
    <message>
        <source>Indexing cancelled.</source>
        <translation>已停止建立索引。</translation>
    </message>
    <message>
        <source>Indexing failed: %1</source>
        <translation>建立索引失败：%1</translation>
    </message>
    <message>
        <source>There is no search index yet: Search › Update Search Index builds it.</source>
        <translation>还没有搜索索引：用“搜索 › 更新搜索索引”建立。</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>No hits</source>
        <translation>没有结果</translation>
    </message>
    <message>
        <source>%1 hits, the first %2 shown</source>
        <translation>共 %1 条结果，显示前 %2 条</translation>
    </message>
    <message>
        <source>Hits: %1</source>
        <translation>结果：%1 条</translation>
    </message>
    <message>
        <source>Undated</source>
        <translation>日期不详</translation>
    </message>
</context>
<context>
    <name>ShelfList</name>
    <message>
        <source>%1 (not there any more: open it to say where it is)</source>
        <translation>%1（已不在原处：打开它以指明新位置）</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Search field</source>
        <translation>搜索框</translation>
    </message>
    <message>
        <source>Hits and article list</source>
        <translation>结果与文章列表</translation>
    </message>
    <message>
        <source>Find bar</source>
        <translation>查找栏</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Earlier searches</source>
        <translation>搜索历史</translation>
    </message>
    <message>
        <source>Go to the hits</source>
        <translation>转到结果</translation>
    </message>
    <message>
        <source>Hits chart</source>
        <translation>结果分布图</translation>
    </message>
    <message>
        <source>Trends chart</source>
        <translation>时间趋势图</translation>
    </message>
    <message>
        <source>%1 (in an empty field)</source>
        <translation>%1（搜索框为空时）</translation>
    </message>
    <message>
        <source>Back to reading</source>
        <translation>回到阅读</translation>
    </message>
    <message>
        <source>Issue tree</source>
        <translation>期次列表</translation>
    </message>
    <message>
        <source>Go to the articles</source>
        <translation>转到文章</translation>
    </message>
    <message>
        <source>Read the article</source>
        <translation>阅读文章</translation>
    </message>
    <message>
        <source>%1 (on the first hit)</source>
        <translation>%1（在第一条结果上）</translation>
    </message>
    <message>
        <source>Choose a period</source>
        <translation>选择时段</translation>
    </message>
    <message>
        <source>Narrow the search to that period</source>
        <translation>将搜索限定在该时段</translation>
    </message>
    <message>
        <source>Compared searches</source>
        <translation>对比的搜索</translation>
    </message>
    <message>
        <source>Remove the search</source>
        <translation>移除该搜索</translation>
    </message>
    <message>
        <source>Library and collections</source>
        <translation>书架与收藏夹</translation>
    </message>
    <message>
        <source>Open the one chosen</source>
        <translation>打开所选项</translation>
    </message>
    <message>
        <source>Remove it from the list</source>
        <translation>从列表中移除</translation>
    </message>
    <message>
        <source>Scanned page</source>
        <translation>扫描版面</translation>
    </message>
    <message>
        <source>Back to the search field</source>
        <translation>回到搜索框</translation>
    </message>
    <message>
        <source>Choose a bar</source>
        <translation>选择柱条</translation>
    </message>
    <message>
        <source>Show only the hits of that bar</source>
        <translation>只显示该柱条时段的结果</translation>
    </message>
    <message>
        <source>Concordance</source>
        <translation>上下文列表</translation>
    </message>
    <message>
        <source>Read the article at this match</source>
        <translation>在这处匹配阅读文章</translation>
    </message>
    <message>
        <source>Next, previous</source>
        <translation>下一处、上一处</translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation>关闭查找栏</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Page down, page up</source>
        <translation>向下翻页、向上翻页</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Issue Reader</source>
        <translation>Issue Reader 报刊阅读器</translation>
    </message>
    <message>
        <source>Read the issues of a newspaper archive one by one, and search all of them at once. Your archive is never changed.</source>
        <translation>逐期阅读报刊库中的报纸，也可一次搜索全部各期。您的报刊库不会被改动。</translation>
    </message>
    <message>
        <source>Open Folder… (%1)</source>
        <translation>打开文件夹…（%1）</translation>
    </message>
    <message>
        <source>Open Zip…</source>
        <translation>打开 zip 文件…</translation>
    </message>
    <message>
        <source>Open the Sample Archive</source>
        <translation>打开示例报刊库</translation>
    </message>
    <message>
        <source>Open a folder of issue files</source>
        <translation>打开存放各期文件的文件夹</translation>
    </message>
    <message>
        <source>Open an archive packed as a zip file</source>
        <translation>打开打包为 zip 文件的报刊库</translation>
    </message>
    <message>
        <source>One issue of a Chinese county weekly that ships with Issue Reader</source>
        <translation>随 Issue Reader 附带的一期县级周报</translation>
    </message>
    <message>
        <source>Recent archives</source>
        <translation>最近打开的报刊库</translation>
    </message>
    <message>
        <source>Or drop a folder, a zip or an issue file anywhere in this window.</source>
        <translation>也可以把文件夹、zip 文件或单期文件拖到本窗口的任意位置。</translation>
    </message>
    <message>
        <source>Open Folder…</source>
        <translation>打开文件夹…</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>打开 %1</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>One more path was given and not opened: Issue Reader opens one at a time.</source>
        <translation>另有 1 个路径未打开：报刊阅读器一次只打开一个。</translation>
    </message>
    <message>
        <source>%1 more paths were given and not opened: Issue Reader opens one at a time.</source>
        <translation>另有 %1 个路径未打开：报刊阅读器一次只打开一个。</translation>
    </message>
</context>
<context>
    <name>SuggestionRow</name>
    <message>
        <source>The masthead %1 looks like an OCR misread of %2 (“%3” for “%4”).</source>
        <translation>报头《%1》像是《%2》的 OCR 误识（“%4”识成了“%3”）。</translation>
    </message>
    <message>
        <source>Issues under each spelling: %1 under %2, %3 under %4.</source>
        <translation>两种写法的期数：《%2》%1 期，《%4》%3 期。</translation>
    </message>
    <message>
        <source>In the text of its issues: “%1” ×%2, in %3 of the %4 issues read.</source>
        <translation>这些期的正文中，“%1”出现 %2 次，见于所读 %4 期中的 %3 期。</translation>
    </message>
    <message>
        <source>In the text of its issue: “%1” ×%2.</source>
        <translation>这一期的正文中，“%1”出现 %2 次。</translation>
    </message>
    <message>
        <source>In the text of its issues: “%1” ×%2, in each of the %3 issues read.</source>
        <translation>这些期的正文中，“%1”出现 %2 次，所读的 %3 期每期都有。</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>采纳</translation>
    </message>
    <message>
        <source>Read %1 as %2 from now on: kept for you, the archive is not changed</source>
        <translation>今后将《%1》读作《%2》：只为您保存，不改动报刊库</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>The masthead is right as printed: do not suggest it again</source>
        <translation>报头印的没错：不再提示</translation>
    </message>
    <message>
        <source>Copy archive.toml Text</source>
        <translation>复制报刊库的 archive.toml 设置</translation>
    </message>
    <message>
        <source>Copy the lines that make this alias part of the archive, for everyone</source>
        <translation>复制几行设置，写入报刊库的 archive.toml 后，所有人打开时都会这样读</translation>
    </message>
</context>
<context>
    <name>TrendsChart</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 — %2; %3 in all</source>
        <translation>%1——%2；共 %3</translation>
    </message>
    <message>
        <source>Trends over time</source>
        <translation>时间趋势</translation>
    </message>
    <message>
        <source>No trend yet: search for something.</source>
        <translation>尚无趋势：请先搜索。</translation>
    </message>
    <message>
        <source>Trends over time: %1</source>
        <translation>时间趋势：%1</translation>
    </message>
</context>
<context>
    <name>TrendsDock</name>
    <message>
        <source>Trends over Time</source>
        <translation>时间趋势</translation>
    </message>
    <message>
        <source>Search the archive to see its hits over time here.</source>
        <translation>搜索报刊库后，这里显示结果随时间的变化。</translation>
    </message>
    <message>
        <source>Counting the hits…</source>
        <translation>正在统计结果…</translation>
    </message>
    <message>
        <source>Counting the hits: %1 of %2 archives…</source>
        <translation>正在统计结果：已完成 %1 / %2 个报刊库…</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Save the Trend</source>
        <translation>保存趋势图</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
</context>
<context>
    <name>TrendsView</name>
    <message>
        <source>&amp;Compare:</source>
        <translation>对比(&amp;C)：</translation>
    </message>
    <message>
        <source>Another query, then Enter</source>
        <translation>输入另一个检索词，按 Enter</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Queries compared with the search (Delete removes one)</source>
        <translation>与当前搜索对比的检索词（按 Delete 移除）</translation>
    </message>
    <message>
        <source>&amp;Per:</source>
        <translation>时段(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <source>Decade</source>
        <translation>十年</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>结果数</translation>
    </message>
    <message>
        <source>Hits per 1,000 articles</source>
        <translation>每千篇文章的结果数</translation>
    </message>
    <message>
        <source>Percent of articles</source>
        <translation>占文章的百分比</translation>
    </message>
    <message>
        <source>Save PNG…</source>
        <translation>保存 PNG…</translation>
    </message>
    <message>
        <source>Save SVG…</source>
        <translation>保存 SVG…</translation>
    </message>
    <message>
        <source>Save CSV…</source>
        <translation>保存 CSV…</translation>
    </message>
    <message>
        <source>Too many bars to draw per %1: shown per %2.</source>
        <translation>按%1的柱条太多，无法绘制：改为按%2显示。</translation>
    </message>
    <message>
        <source>%1 hits in undated issues are not drawn.</source>
        <translation>日期不详的期中有 %1 条结果，未画入图中。</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>This file or folder cannot be read as an archive.</source>
        <translation>无法将此文件或文件夹作为报刊库读取。</translation>
    </message>
    <message>
        <source>Issue Reader does not know this file format.</source>
        <translation>Issue Reader 无法识别此文件格式。</translation>
    </message>
    <message>
        <source>The search index cannot be written: this archive cannot be searched, but it can be read as ever.</source>
        <translation>无法写入搜索索引：此报刊库无法搜索，但仍可照常阅读。</translation>
    </message>
    <message>
        <source>The search index cannot be built or opened.</source>
        <translation>无法建立或打开搜索索引。</translation>
    </message>
    <message>
        <source>Your settings cannot be saved: what you change now (the archive open, the layout, the language) is forgotten when Issue Reader closes.</source>
        <translation>无法保存您的设置：这次所做的更改（打开的报刊库、窗口布局、界面语言）在关闭 Issue Reader 后不会保留。</translation>
    </message>
    <message>
        <source>Your publication aliases could not be kept.</source>
        <translation>无法保存您的报头别名。</translation>
    </message>
    <message>
        <source>A file could not be written.</source>
        <translation>无法写入文件。</translation>
    </message>
    <message>
        <source>That issue or article is not in this archive.</source>
        <translation>此报刊库中没有这一期或这篇文章。</translation>
    </message>
    <message>
        <source>The archive could not be read.</source>
        <translation>无法读取此报刊库。</translation>
    </message>
    <message>
        <source>Something went wrong inside Issue Reader. This is a bug.</source>
        <translation>Issue Reader 内部出错了。这是一个程序缺陷。</translation>
    </message>
    <message>
        <source>the terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>Issue Reader keeps running. The details below are also in %1.</source>
        <translation>Issue Reader 仍在运行。以下详情也已记录在 %1。</translation>
    </message>
    <message>
        <source>Issue Reader</source>
        <translation>Issue Reader 报刊阅读器</translation>
    </message>
</context>
</TS>
