"""Alternatives for the formulaic chunks of official prose, so that no one of them is everywhere.

A speech "正处于…的关键时期，时间紧、任务重、要求高" is real officialese, but a generator that
always says it the same way puts that one clause in a fifth of all articles. Each list here
holds the interchangeable ways a county paper says one thing; the sentence templates of
:mod:`tests.generator.sentences` name them by slot (given in the comment above each list).
"""

from __future__ import annotations

from tests.generator.vocabulary import lines, words

PHASES = words("关键时期 攻坚阶段 冲刺阶段 关键节点 爬坡过坎的关键期 收官阶段 起步阶段")  # phase
PRESSURES = words(  # pressure
    "时间紧、任务重、要求高 任务艰巨、责任重大 形势依然严峻复杂 容不得半点松懈 "
    "标准更高、要求更严 矛盾和困难依然不少"
)
MANNERS = words(  # manner
    "以更加务实的作风 以只争朝夕的劲头 以钉钉子精神 以更高标准、更严要求 "
    "以“马上就办”的工作作风 以时不我待的紧迫感"
)
PLANS = words(  # plan
    "既定时间表、路线图 年初确定的目标任务 县委、县政府的统一部署 "
    "“项目化、清单化、责任化”的要求 上级的部署要求 实施方案的安排"
)
PREMISES = words(
    "保证质量和安全 确保安全 不增加群众负担 依法依规 尊重群众意愿 守住耕地红线"
)  # premise
DUTIES = words(  # duty
    "主要负责同志要亲自抓、负总责，分管领导要具体抓、抓具体 一级抓一级、层层抓落实 "
    "把责任落实到岗、到人 党政主要负责人要当好第一责任人 分管领导要靠前指挥、一线督战"
)
FOUND = words(  # found
    "排查出的问题 群众反映的问题 督查发现的问题 巡察反馈的问题 检查中发现的隐患 审计指出的问题"
)
STANDARDS = words(  # standard
    "做到问题不解决不放过 做到件件有着落 实行销号管理 确保按期整改到位 做到立行立改"
)
ASSESSMENTS = words("年度目标责任考核 干部实绩考核 乡镇年度考核 “五星”评比 督查通报范围")  # assess
SLACKERS = words(  # slack
    "工作不力、推诿扯皮的 敷衍塞责、弄虚作假的 进度滞后、整改不到位的 不作为、慢作为的"
)
REPORTS = words(  # report
    "进展情况和存在问题 开展情况 前期推进情况 阶段性进展 基本情况及下一步打算 推进中遇到的困难"
)
REPLIES = lines(  # reply
    """
    相关部门负责人作表态发言
    {Z}、{town2}作交流发言
    与会人员进行了讨论
    {bureau}就有关问题作了说明
    {R}就下一步工作提出了具体要求
    各乡镇分管负责人作了汇报
    {ZS}、{BH}作表态发言
    """
)
STUDIES = words(  # study
    "研究下一步工作措施 研究部署下一阶段重点任务 对有关事项进行了研究 审议了有关方案 "
    "分析了存在的问题"
)
CADENCES = words(  # cadence
    "周调度、月通报 日报告、周调度 一周一督导、一月一通报 一月一研判、一季一评比 周例会、月考评"
)
ONSITE = words(  # onsite
    "多次深入一线，现场办公 带队深入项目现场 坚持每周到一线调研 多次召开现场推进会 "
    "靠前指挥、蹲点督导"
)
MEDIA = words(  # media
    "微信群、宣传栏、入户走访 大喇叭、明白纸、院坝会 短视频、公众号、文艺演出 "
    "流动宣传车、横幅标语、宣传单 村村响广播、微信公众号"
)
AWARENESS = lines(  # aware
    """
    群众知晓率和参与率明显提高
    政策知晓率达到{share}%
    营造了浓厚的氛围
    群众参与的积极性明显提高
    """
)
VANGUARDS = words("党员干部 驻村工作队 网格员 乡贤 村“两委”干部 老党员")  # vanguard
LAGGARDS = words("进度滞后的单位 排名靠后的乡镇 整改不力的单位 工作推进缓慢的村")  # laggard
KEYS = words("关键在人、关键在干 重在落实、贵在坚持 难在落实、成在坚持 功在平时、重在细节")  # key
OUTCOMES = words(  # outcome, after 确保 and a work: 确保校园安全工作落到实处
    "落到实处 有序推进 取得实效 平稳有序 落地见效 取得新成效 走在全市前列 顺利推进 "
    "不留死角 经得起检验"
)
FACILITY_OUTCOMES = words(  # facility_outcome, after 确保 and a facility: 确保换热站按期投用
    "安全运行 按期投用 如期完工 达标验收 稳定运行 早日建成 正常运转 发挥效益"
)
DEADLINES = words("年底前 下月底前 国庆节前 入冬前 春节前 汛期前")  # deadline
# More of what anyone tells the reporter (see vocabulary.GENERAL_QUOTES).
QUOTES = lines(  # gq2
    """
    咱老百姓图的就是个踏实，现在心里踏实了。
    过去想都不敢想，现在家门口就办成了。
    日子有奔头，干活也有劲头。
    孩子们在外面也放心了，常打电话说家里变化大。
    干部们说到做到，我们信得过。
    以前一年到头见不着几个钱，现在每个月都有进项。
    往后的日子，肯定一年比一年强。
    政策好，自己也得加把劲。
    村里的路灯亮了，晚上出门再也不摸黑了。
    年轻人愿意回来了，村里也热闹了。
    只要大家心往一处想，就没有办不成的事。
    有啥问题说一声，第二天就有人来处理。
    """
)
