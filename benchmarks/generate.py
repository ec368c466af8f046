"""Deterministic synthetic archives in the seed's text-issue format, for benchmarks and tests.

Each issue is one ``.txt`` file like the seed: a masthead, the date and the issue number, then
``## headline`` articles of county-news prose with names, places, numbers, Latin terms
(5G基站, PM2.5, COVID-19) and OCR noise (line breaks and spaces inside words, a column break
in mid-sentence, the odd Traditional character or full-width digit).

    python -m benchmarks.generate OUT --size county-10y      # 2,000 issues × 16 articles
    python -m benchmarks.generate OUT --issues 5 --seed 7

The same arguments always write the same bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from collections.abc import Iterator
from itertools import accumulate
from pathlib import Path

# Issues and articles per issue for the named sizes; county-10y is about 50 million characters.
SIZES = {
    "tiny": (5, 16),
    "small": (50, 16),
    "county-1y": (200, 16),
    "medium": (500, 16),
    "county-10y": (2000, 16),
}
PUBLICATION = "河东县报"
FIRST_DATE = dt.date(2015, 1, 5)


def _words(text: str) -> list[str]:
    return text.split()


SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁"
    "魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎"
    "易常武乔贺赖龚文牛申延"
)
ROLES = _words(
    "县委书记 县长 县委副书记 常务副县长 副县长 县政协主席 "
    "县人大常委会主任 县委常委、组织部长 县委常委、宣传部长 镇党委书记 "
    "乡长 村党支部书记 局长 公司董事长 合作社理事长 社区主任 校长 院长 "
    "所长 站长"
)
PLACE_SUFFIXES = ("村", "镇", "乡", "社区", "街道", "工业园区", "小区", "景区", "沟村", "庄")
ORG_SUFFIXES = _words(
    "有限公司 农业专业合作社 中心学校 人民医院 卫生院 供电所 派出所 养殖场 种植基地 物流园 服务中心"
)
BUREAUS = _words(
    "县住建局 县财政局 县发改局 县教育局 县卫健局 县农业农村局 县文旅局 "
    "县交通局 县应急管理局 县市场监管局 县自然资源局 县生态环境分局 "
    "县医保局 县人社局 县民政局 县水利局 县统计局 县审计局 县税务局 "
    "县融媒体中心"
)
MEETINGS = _words(
    "工作推进会 专题会议 协调会 动员大会 座谈会 培训会 现场观摩会 "
    "调度会 表彰大会 汇报会 部署会 联席会议"
)
TOPICS = _words(
    "供热工程 乡村振兴 农村人居环境整治 安全生产 疫情防控 招商引资 "
    "项目建设 文明城市创建 脱贫攻坚成果巩固 高标准农田建设 河长制 "
    "秸秆禁烧 森林防火 扫黑除恶 营商环境优化 基层治理能力提升 "
    "社区物业管理 全民健身 义务教育 医疗保障 养老服务 冬季供暖 "
    "农村饮水安全 道路交通安全 防汛抗旱 消防安全 食品安全 电商进农村 "
    "数字乡村建设 文化旅游融合 产业转型 污染防治 垃圾分类 农产品质量安全 "
    "人才引进 就业创业 退役军人服务"
)
VERBS = _words(
    "提高政治站位 强化责任担当 压实工作责任 凝聚工作合力 加强协调配合 "
    "狠抓工作落实 聚焦重点难点 坚持问题导向 补齐短板弱项 创新工作举措 "
    "优化服务效能 加快项目进度 严把时间节点 确保工程质量 守牢安全底线 "
    "深化改革创新 拓宽增收渠道 完善体制机制 主动靠前服务 倒排工期 "
    "挂图作战 统筹协调推进 做好宣传引导 营造浓厚氛围 推动高质量发展 "
    "提升群众满意度 筑牢安全防线 落实主体责任 强化督导检查 加大资金投入 "
    "健全长效机制 持续巩固成果 扎实开展排查 全面提升水平"
)
NOUNS = _words(
    "人民群众 基层干部 党员先锋 重点项目 民生工程 产业基地 集体经济 "
    "基础设施 公共服务 生态环境 营商环境 文化底蕴 发展定位 特色产业 "
    "龙头企业 合作社 家庭农场 种植大户 农产品 小杂粮 中药材 食用菌 "
    "蔬菜大棚 光伏电站 污水处理厂 垃圾中转站 便民服务站 卫生室 文化广场 "
    "健身步道 农家书屋 人民银行 信用社 代表大会 政协委员 人大代表 "
    "志愿服务队 网格员"
)
SENTENCE_PARTS = _words(
    "要{v}，{v}，确保{t}各项任务按期完成 "
    "要始终坚持以人民为中心的发展思想，{v}，{v} "
    "{t}是一项重要的民生工程，事关{n}切身利益 "
    "各级各部门要高度重视，密切配合，{v}，形成强大工作合力 "
    "要紧紧围绕{t}目标，{v}，不断提升{n}的获得感、幸福感、安全感 "
    "会议总结了前一阶段{t}工作成效，分析了存在的问题，安排部署了下一步工作 "
    "与会人员先后深入{p}、{p}，实地观摩了{t}工作现场 "
    "今年以来，{p}紧紧围绕{t}，{v}，取得了明显成效 "
    "{n}的积极性明显提高，{t}工作呈现出良好态势 "
    "截至目前，全县已完成投资{m}万元，占年度计划的{pc}% "
    "全县共建成5G基站{k}座，实现乡镇以上区域全覆盖 "
    "今年前{mo}个月，全县PM2.5平均浓度为{k}微克每立方米，同比下降{pc}% "
    "全县COVID-19疫苗接种累计{m}剂次，{n}积极配合 "
    "{p}通过“支部+合作社+农户”模式，带动{k}户群众增收 "
    "该项目总投资{m}万元，占地{k}亩，建成后年产值可达{m}万元 "
    "{p}GDP同比增长{pc}%，经济运行稳中向好 "
    "群众可通过“河东发布”APP和微信公众号在线办理相关业务 "
    "活动现场，工作人员向过往群众发放宣传资料{k}余份，解答群众咨询{k}余人次 "
    "{role}{name}指出，{t}工作事关全局，必须{v} "
    "{role}{name}强调，要{v}，{v}，切实把好事办好、实事办实 "
    "{role}{name}、{role}{name}出席会议，{b}、{b}等相关单位负责人参加 "
    "据了解，{o}成立于{y}年，现有员工{k}人，主要从事{n}的生产和销售 "
    "下一步，{p}将继续{v}，{v}，为全县经济社会发展作出新的更大贡献 "
    "{name}告诉记者：“现在日子越过越好了，多亏了党的好政策。”"
)
LATIN_TERMS = ("5G基站", "PM2.5", "COVID-19", "GDP", "APP", "WiFi", "CT室", "ETC", "Logo")
# Traditional forms that OCR of older pages sometimes leaves in Simplified text.
TRADITIONAL = {"长": "長", "县": "縣", "会": "會", "发": "發", "展": "展", "书": "書", "记": "記"}
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def common_chars() -> str:
    """The 3,755 most frequent Han characters (GB2312 level 1), for names and rare words."""
    chars = []
    for high in range(0xB0, 0xD8):
        for low in range(0xA1, 0xFF):
            try:
                chars.append(bytes([high, low]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return "".join(chars)


# Words of free prose: a vocabulary with Zipf-like frequencies, so the text has about as many
# distinct character pairs per million characters as real news does (templates alone repeat).
VOCABULARY = 30_000
FUNCTION_WORDS = _words("的 了 在 和 是 对 要 将 把 与 为 并 也 都")


class Writer:
    """Generates issues from one seeded random stream."""

    def __init__(self, seed: int) -> None:
        self.rnd = random.Random(seed)
        chars = common_chars()
        rnd = self.rnd
        given = chars[:1800]
        # Characters get Zipf weights in a shuffled order (GB2312 is ordered by pinyin).
        ranked = list(chars)
        rnd.shuffle(ranked)
        char_weights = [1 / (rank + 1) for rank in range(len(ranked))]
        sizes = rnd.choices((2, 3, 4), weights=(55, 25, 20), k=VOCABULARY)
        drawn = iter(rnd.choices(ranked, weights=char_weights, k=sum(sizes)))
        self.words = ["".join(next(drawn) for _ in range(size)) for size in sizes]
        self.word_weights = list(accumulate(1 / (rank + 1) ** 0.9 for rank in range(VOCABULARY)))
        # A town's cast: recurring people and places, used with a Zipf-like skew.
        self.names = [
            rnd.choice(SURNAMES) + "".join(rnd.choice(given) for _ in range(rnd.choice((1, 2, 2))))
            for _ in range(3000)
        ]
        self.places = [
            "".join(rnd.choice(chars[:2500]) for _ in range(rnd.choice((2, 2, 3))))
            + rnd.choice(PLACE_SUFFIXES)
            for _ in range(800)
        ]
        self.orgs = [
            "".join(rnd.choice(chars) for _ in range(rnd.choice((2, 3, 4))))
            + rnd.choice(ORG_SUFFIXES)
            for _ in range(1500)
        ]

    def pick(self, items: list[str] | tuple[str, ...]) -> str:
        """An item, the first ones far more often than the last (names recur, as in a paper)."""
        index = int(len(items) * self.rnd.random() ** 2.5)
        return items[min(index, len(items) - 1)]

    def sentence(self, topic: str) -> str:
        rnd = self.rnd
        text = rnd.choice(SENTENCE_PARTS)
        fill = {
            "v": lambda: rnd.choice(VERBS),
            "t": lambda: topic if rnd.random() < 0.6 else rnd.choice(TOPICS),
            "n": lambda: rnd.choice(NOUNS),
            "p": lambda: self.pick(self.places),
            "o": lambda: self.pick(self.orgs),
            "b": lambda: rnd.choice(BUREAUS),
            "role": lambda: rnd.choice(ROLES),
            "name": lambda: self.pick(self.names),
            "m": lambda: str(rnd.randint(10, 99999)),
            "k": lambda: str(rnd.randint(2, 3000)),
            "pc": lambda: f"{rnd.randint(1, 40)}.{rnd.randint(0, 9)}",
            "mo": lambda: str(rnd.randint(2, 11)),
            "y": lambda: str(rnd.randint(1995, 2021)),
        }
        out = []
        i = 0
        while i < len(text):
            if text[i] == "{":
                end = text.index("}", i)
                out.append(fill[text[i + 1 : end]]())
                i = end + 1
            else:
                out.append(text[i])
                i += 1
        return "".join(out) + rnd.choice("。。。。！")

    def free_sentence(self) -> str:
        """A sentence of vocabulary words, function words and commas."""
        rnd = self.rnd
        words = rnd.choices(self.words, cum_weights=self.word_weights, k=rnd.randint(5, 14))
        out = []
        for word in words:
            out.append(word)
            roll = rnd.random()
            if roll < 0.25:
                out.append(rnd.choice(FUNCTION_WORDS))
            elif roll < 0.35:
                out.append("，")
            elif roll < 0.38:
                out.append("、")
        return "".join(out).rstrip("，、") + rnd.choice("。。。。；！")

    def paragraph(self, topic: str) -> str:
        rnd = self.rnd
        return "".join(
            self.sentence(topic) if rnd.random() < 0.3 else self.free_sentence()
            for _ in range(rnd.randint(2, 6))
        )

    def ocr_noise(self, paragraph: str) -> list[str]:
        """The paragraph as OCR lines: broken mid-word, sometimes a space or an odd glyph."""
        rnd = self.rnd
        if rnd.random() < 0.03:
            paragraph = "".join(
                TRADITIONAL.get(c, c) if rnd.random() < 0.3 else c for c in paragraph
            )
        if rnd.random() < 0.03:
            paragraph = paragraph.translate(FULL_WIDTH)
        lines = []
        while len(paragraph) > 60:
            cut = rnd.randint(24, 60)
            lines.append(paragraph[:cut])
            paragraph = paragraph[cut:]
        lines.append(paragraph)
        if rnd.random() < 0.05:
            line = rnd.randrange(len(lines))
            at = rnd.randint(1, max(1, len(lines[line]) - 1))
            lines[line] = lines[line][:at] + " " + lines[line][at:]
        return lines

    def article(self, date: dt.date, length: int) -> list[str]:
        rnd = self.rnd
        topic = rnd.choice(TOPICS)
        place = self.pick(self.places)
        headline = rnd.choice(
            (
                f"{place}{topic}{rnd.choice(MEETINGS)}召开",
                f"我县召开{topic}{rnd.choice(MEETINGS)}",
                f"{self.pick(self.names)}调研{topic}工作",
                f"{place}：{rnd.choice(NOUNS)}助力{topic}",
                f"{rnd.choice(BUREAUS)}扎实推进{topic}",
            )
        )
        lines = []
        if rnd.random() < 0.1:
            lines += [f"## {rnd.choice(TOPICS)}·{rnd.choice(NOUNS)}", ""]
        if rnd.random() < 0.15:
            lines += [f"## {rnd.choice(VERBS)} {rnd.choice(VERBS)}", f"# {headline}", ""]
        else:
            lines += [f"## {headline}", ""]
        if rnd.random() < 0.2:
            lines += [f"### ——{place}{rnd.choice(NOUNS)}见闻", ""]
        lead = (
            f"本报讯 {date.month}月{date.day}日，{rnd.choice(BUREAUS)}在{place}召开{topic}"
            f"{rnd.choice(MEETINGS)}。"
        )
        body = lead + self.paragraph(topic)
        written = len(body)
        paragraphs = [body]
        while written < length:
            paragraph = self.paragraph(topic)
            paragraphs.append(paragraph)
            written += len(paragraph)
        for n, paragraph in enumerate(paragraphs):
            noisy = self.ocr_noise(paragraph)
            if n and rnd.random() < 0.08:
                # A column break in mid-sentence: a blank line inside the paragraph.
                cut = rnd.randint(5, max(6, len(noisy[0]) - 5))
                noisy = [noisy[0][:cut], "", noisy[0][cut:], *noisy[1:]]
            lines += [*noisy, ""]
        byline = " ".join(self.pick(self.names) for _ in range(rnd.randint(1, 3)))
        lines += [byline, ""]
        return lines

    def issue(self, number: int, date: dt.date, articles: int) -> str:
        rnd = self.rnd
        lines = [
            f"# {PUBLICATION}",
            "",
            "HEDONG XIANBAO",
            "",
            "主办单位：县融媒体中心  ",
            "内部资料 免费交流  ",
            "",
            f"{date.year}年{date.month}月{date.day}日  ",
            f"总{number}期  ",
            "",
        ]
        per_page = max(1, articles // 4)
        for n in range(articles):
            if n % per_page == 0:
                lines += [f"第{n // per_page + 1}版", ""]
            lines += self.article(date, rnd.randint(900, 2200))
        return "\n".join(lines) + "\n"


def issue_dates(count: int) -> Iterator[dt.date]:
    """Four issues a week (Monday, Tuesday, Thursday, Friday) from FIRST_DATE on."""
    day = FIRST_DATE
    made = 0
    while made < count:
        if day.weekday() in (0, 1, 3, 4):
            yield day
            made += 1
        day += dt.timedelta(days=1)


def generate(out: Path, issues: int, articles: int = 16, seed: int = 1) -> list[Path]:
    """Write ``issues`` issue files (and an archive.toml) into ``out``; return the issue files."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "archive.toml").write_text(
        f'publication = "{PUBLICATION}"\nmastheads = ["{PUBLICATION}"]\nlanguage = "zh-Hans"\n',
        encoding="utf-8",
    )
    writer = Writer(seed)
    paths = []
    for n, date in enumerate(issue_dates(issues), start=1):
        path = out / f"{date.isoformat()}_{n:05d}.txt"
        path.write_text(writer.issue(1000 + n, date, articles), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the issues into")
    parser.add_argument("--size", choices=sorted(SIZES), help="a named size")
    parser.add_argument("--issues", type=int, help="number of issues (overrides --size)")
    parser.add_argument("--articles", type=int, help="articles per issue")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    issues, articles = SIZES[args.size or "tiny"]
    paths = generate(args.out, args.issues or issues, args.articles or articles, args.seed)
    chars = sum(len(p.read_text(encoding="utf-8")) for p in paths)
    print(f"{len(paths)} issues, {chars:,} characters in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
