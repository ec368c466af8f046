"""Verb phrases composed from a verb, a word of the article's topic and a head noun.

Officialese says 完善供热保障工作机制, 加快换热站升级改造 and 加强课后服务管理: the verb and the
head are stock, the word in between is whatever the article is about. Composing them, rather
than listing whole phrases, gives the many distinct word junctions a real paper has. Which
frame fits depends on the word: a field of work (the theme: 校园安全) takes mechanisms and
responsibilities, a facility (换热站, 卫生院) is built and run, anything else is managed.
"""

from __future__ import annotations

import random

from tests.generator.vocabulary import words

Frame = tuple[tuple[str, ...], tuple[str, ...]]


def _frames(*pairs: tuple[str, str]) -> tuple[Frame, ...]:
    """(verbs, heads) pairs, each verb fitting each head: "完善" + theme + "工作机制"."""
    return tuple((words(verbs), words(heads)) for verbs, heads in pairs)


# After a field of work (the article's theme).
THEME_FRAMES = _frames(
    (
        "完善 健全 建立 优化",
        "工作机制 长效机制 考核办法 工作台账 监管体系 应急预案 调度机制 联动机制 奖补政策 "
        "责任体系 督查制度",
    ),
    ("压实 落实 夯实 明确 强化", "主体责任 监管责任 属地责任 包保责任 工作责任 领导责任"),
    ("提升 提高 持续提升", "管理水平 服务水平 工作质效 群众满意度 规范化水平 智能化水平"),
    (
        "开展 组织开展 深入开展",
        "专项整治 排查整治 摸底调查 集中攻坚 督导检查 “回头看” 示范创建 百日攻坚行动 专项检查",
    ),
    ("解决 破解 着力解决", "突出问题 难点问题 历史遗留问题 短板问题 资金难题 堵点问题"),
)
# After a facility: something built and run.
FACILITY_FRAMES = _frames(
    (
        "加快 推进 抓好 扎实推进 全力推进 统筹推进",
        "建设 改造 升级改造 规范化建设 标准化建设 提档升级 项目前期工作",
    ),
    ("加强 强化 抓实", "日常管理 安全管理 运行维护 质量监管 日常管护"),
    ("完善 健全 落实", "管理制度 管护机制 巡查制度 操作规程 运行机制"),
    ("提升 提高", "服务水平 管理水平 运行效率 覆盖率 建设标准 综合效益"),
)
# After anything else: people, services, things.
OTHER_FRAMES = _frames(
    ("加强 规范 做好 抓好 统筹做好 扎实做好 切实加强", "管理 服务 保障工作 相关工作 动态管理"),
    ("做好 加强", "跟踪服务 政策宣传 教育引导"),
    ("摸清 建立 完善", "底数 台账 信息库 档案"),
)
# How the names of facilities end.
FACILITY_ENDINGS = (
    *"站厂房网库场院室园路桥线厕池井渠馆所校楼区田塔点棚社堂栏",
    *words("中心 基地 设施 设备 工程 项目 市场 公路 管道"),
)


def is_facility(noun: str) -> bool:
    """Whether ``noun`` names something built and run (换热站, 卫生院, 供热管网)."""
    return noun.endswith(FACILITY_ENDINGS)


def compose(rnd: random.Random, noun: str, theme: str) -> str:
    """A verb phrase about ``noun`` or, as often, about the article's ``theme``."""
    if rnd.random() < 0.4:
        word, frames = theme, THEME_FRAMES
    elif is_facility(noun):
        word, frames = noun, FACILITY_FRAMES
    else:
        word, frames = noun, OTHER_FRAMES
    verbs, heads = rnd.choice(frames)
    return rnd.choice(verbs) + word + rnd.choice(heads)
