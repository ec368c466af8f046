"""Sentence and headline templates of county news, for the benchmark generator.

A template is text with ``{slot}`` placeholders; :class:`tests.generator.prose.Prose` fills them,
recursively. The slots:

* words: ``adv`` adverb, ``vp`` verb phrase, ``vps`` two or three of them, ``va`` an action of
  the topic, ``subj`` a subject, ``time``, ``conn`` connective, ``res`` a result, ``say`` a
  verb of saying, ``imp`` "an important …", ``concern`` what it matters to, ``close`` a
  closing wish, ``gq`` a quote anyone might give;
* the topic: ``t`` its theme, ``t2`` a theme of any topic, ``tn`` noun, ``tg`` goal,
  ``tf`` statistic, ``tq`` quote, ``occ`` occupation, ``act`` activity, ``bureau`` the office
  in charge, ``bureaus`` several offices;
* the article's own, the same throughout it: ``T`` theme, ``M`` meeting, ``O`` ordinal,
  ``A`` activity, ``W`` the acting town or office, ``Z`` town, ``V`` village, ``P`` the person
  met and ``Q`` their occupation, ``L`` / ``LR`` the leading official (name / role and name);
* others of the cast: ``who`` mostly ``W``, ``R`` another official, ``leaders`` several
  names, ``town`` mostly ``Z``, ``vil`` town and village, ``place`` mostly ``V``,
  ``person`` anyone, ``org`` a company, ``product`` a local product, ``reporter``;
* numbers and dates: ``n`` (a few), ``s`` (some), ``k`` (tens to thousands), ``r`` (a round
  number), ``m`` (an amount in 万元),
  ``pc`` a percentage, ``mo`` a month, ``date`` a day this week, ``y`` a year, ``age``,
  ``cnt`` a count with its unit, ``ord`` an ordinal, ``meeting``, ``venue``, ``congress``,
  ``season``.

Lists are ordered commonest first (the generator weights them by rank).
"""

from __future__ import annotations

from tests.generator.vocabulary import lines

# Opening paragraphs by kind of article.
# A lead may bring its own headline, before " | ".
MEETING_LEADS = lines(
    """
    我县召开{T}{M} | 本报讯 {date}，我县在{venue}召开{T}{M}，{LR}出席会议并讲话。{R}主持会议。
    {W}召开{T}{M} | 本报讯 {date}，{W}召开{T}{M}，安排部署下一阶段工作。{LR}出席会议并讲话。
    县委常委会召开{O}次会议 | 本报讯 {date}，县委常委会召开{O}次会议，传达学习上级有关会议精神，研究部署{T}等工作。{LR}主持会议。
    县政府召开常务会议 | 本报讯 {date}，县政府召开常务会议，听取{T}工作情况汇报，研究部署{t2}等工作。{LR}主持会议并讲话。
    全县{T}{M}召开 | 本报讯 {date}，全县{T}{M}在{venue}召开。会议总结了前一阶段工作，分析了当前形势，对下一步工作作出安排。
    {T}{M}召开 | 本报讯 {date}，全县{T}{M}召开，{LR}出席会议并讲话，{R}主持会议。
    """
)
VISIT_LEADS = lines(
    """
    {L}深入{Z}调研{T}工作 | 本报讯 {date}，{LR}深入{Z}、{town2}等地，调研{T}工作。{R}陪同调研。
    {L}督导检查{T}工作 | 本报讯 {date}，{LR}带队督导检查{T}工作，实地察看{Z}、{town2}等地{T}推进情况。
    {L}调研{T}工作 | 本报讯 {date}，{LR}先后来到{vil}、{org}等地，就{T}工作进行调研。
    {L}到{Z}督导{T}工作 | 本报讯 {date}，{LR}到{Z}督导{T}工作，并召开座谈会听取意见建议。
    {L}到{Z}调研{T}工作 | 本报讯 {date}，{LR}到{Z}调研{T}工作。{R}、{ZS}陪同调研。
    """
)
PROGRESS_LEADS = lines(
    """
    本报讯 {time}，{who}{adv}{va}，{vp}，{t}工作{res}。
    本报讯 {time}，{who}坚持把{t}作为{imp}，{vps}，推动各项任务落地见效。
    本报讯 {time}，{who}紧紧围绕{t}目标，{vps}，{res}。
    本报讯 为{tg}，{time}，{who}{vps}，全力推进{t}工作。
    """
)
# Features too carry 本报讯, with the reporter's name, as in many county papers.
FEATURE_LEADS = lines(
    """
    本报讯（记者 {reporter}）{season}，走进{vil}，{scene}。
    本报讯（记者 {reporter}）{season}，记者来到{vil}，{scene}。
    本报讯（记者 {reporter}）“{tq}”{season}，在{vil}，{Q}{P}向记者说起了这几年的变化。
    本报讯（记者 {reporter}）{season}，在{vil}，{scene}。
    """
)
BRIEF_LEADS = lines(
    """
    {W}开展{A} | 本报讯 {date}，{W}在{V}开展{A}。
    {W}开展{A} | 本报讯 {date}，{W}联合{bureau}在县城文化广场开展{A}。
    {W}开展{A} | 本报讯 为{tg}，{date}，{W}组织开展{A}。
    {Z}举办{A} | 本报讯 {date}，{Z}举办{A}，{r}余名干部群众参加。
    {W}：{A}进万家 | 本报讯 {date}，{W}组织工作人员深入{vil}开展{A}。
    """
)
BRIEF_SENTENCES = lines(
    """
    活动现场，工作人员向过往群众发放宣传资料{r}余份，解答群众咨询{r}余人次。
    此次活动进一步增强了群众的{t}意识，营造了良好的社会氛围。
    活动中，工作人员通过设立咨询台、摆放展板、现场讲解等方式，向群众宣传{t}知识。
    据了解，此类活动今年已开展{n}次，累计服务群众{r}余人次。
    活动由{W}主办，{bureau}、{Z}协办。
    {tf}。
    大家纷纷表示，这样的活动形式新颖、内容实在，希望以后多举办。
    """
)
# Endings by kind of article.
ATTENDANCE = lines(
    """
    县领导{leaders}出席会议，{bureaus}等相关单位负责人参加。
    县领导{leaders}参加会议。
    县领导{leaders}，{ZS}、{BH}等参加会议。
    各乡镇、县直各有关部门主要负责人参加会议。
    县领导{leaders}出席会议，各乡镇党委书记、乡镇长及县直有关部门负责人参加。
    """
)
CLOSINGS = lines(
    """
    下一步，{who}将继续{vps}，{close}。
    下一步，{who}将{vp}，{vp}，{tg}。
    据悉，{who}将以此次{meeting}为契机，{vps}，{tg}。
    {L}表示，将{vp}，{close}。
    “下一步，我们将{vp}，{vp}，{tg}。”{bureau}负责人说。
    “{tq}”{BH}说。
    据了解，{org}成立于{y}年，现有员工{k}人，主要从事{product}的生产和销售。
    """
)
# Headlines by kind of article; a kicker (引题) sometimes stands above a title of set phrases.
PROGRESS_HEADLINES = lines(
    """
    {W}扎实推进{T}
    {W}：{sp}推动{T}
    {W}{T}工作成效明显
    {W}{va}
    {W}多措并举抓好{T}
    {W}：{tn}助力{T}
    {W}全力推进{T}工作
    """
)
FEATURE_HEADLINES = lines(
    """
    {P}：{sp}的{Q}
    {V}的新路子
    {V}：{tn}鼓起群众“钱袋子”
    {P}和他的{tn}
    {V}的新变化
    {Z}{V}：{T}结硕果
    """
)
KICKERS = lines(
    """
    {L}在{T}{M}上强调
    {L}在调研{T}工作时强调
    {LR}在{Z}调研时指出
    """
)
SUBTITLES = lines(
    """
    ——{V}{T}工作见闻
    ——记{V}{Q}{P}
    ——{Z}推进{T}工作纪实
    """
)
# Local life: a hamlet's new water, a food festival, a folk artist, a good deed.
SOCIAL_LEADS = lines(
    """
    {hamlet}通上了自来水 | 本报讯 {date}，随着阀门打开，清澈的自来水流进了{V}{hamlet}{k}户村民家中。
    {V}举办首届{dish}美食节 | 本报讯 {date}，{V}首届{dish}美食节在村文化广场开幕，{r}余名群众和游客品尝了{dish}、{dish}等地方美食。
    {craft}走进校园 | 本报讯 {date}，{Z}中心小学开展“{craft}进校园”活动，{trade}{person}为学生们现场表演。
    村民{person}拾金不昧 | 本报讯 {date}，{V}村民{person}在{errand}捡到一个装有现金{k}元的钱包，多方打听后归还了失主。
    {V}：老{bldg}修缮一新 | 本报讯 {date}，经过{n}个月的修缮，{V}的{bldg}重新向村民开放。
    {hamlet}的{dish}火了 | 本报讯（记者 {reporter}）最近，{V}{hamlet}村民{person}做的{dish}在网上火了。
    {surname}氏乡贤捐资修路 | 本报讯 {date}，{V}在外创业的{surname}氏乡贤捐资{m}元，为{hamlet}修通了一条{dec}公里的水泥路。
    {P}：{n}年痴迷{craft} | 本报讯（记者 {reporter}）在{V}，提起{trade}{P}，村里人都竖起大拇指。
    {V}为{n}对新人举办集体婚礼 | 本报讯 {date}，{V}为{n}对新人举办了集体婚礼，倡导婚事新办、移风易俗。
    {Z}{k}亩{variety}喜获丰收 | 本报讯 {date}，{Z}{k}亩{variety}进入收获期，{hamlet}一带的{field}里，到处是忙着{farm}的村民。
    {hill}上的“守山人” | 本报讯（记者 {reporter}）天刚亮，{P}就背着水壶上了{hill}，这样的巡山路，他已经走了{n}年。
    {V}老年人乐享“幸福食堂” | 本报讯 {date}，在{V}幸福食堂，{s}位老人围坐在一起，吃上了热乎乎的{dish}。
    """
)
SOCIAL_ENDINGS = lines(
    """
    {VS}表示，下一步将{vp}，让{hamlet}的群众过上更好的日子。
    据悉，{V}还计划把{dish}、{craft}等特色资源串起来，发展乡村旅游。
    “{gq}”{P}说。
    临别时，{P}一再叮嘱记者：“下回来，一定尝尝我们这儿的{dish}。”
    """
)
