"""Detail sentences for generated articles: a village's history, its products, daily life, works.

A county paper's stock phrases are always the same; what it writes about never is. These
templates carry the concrete details (a 自然村 and the road built to it, a dish and how it is
made, what a grandmother does all morning, a document a meeting passed) whose words, drawn
from :mod:`tests.generator.lexicon` and the county's :mod:`tests.generator.gazetteer`, give the text
its long tail of characters and character pairs. Slots are those of
:mod:`tests.generator.templates` plus the ones :func:`fillers` fills.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from tests.generator import lexicon as lex
from tests.generator.cast import Cast
from tests.generator.pools import Pool
from tests.generator.vocabulary import SURNAMES, VILLAGE_ROOTS, lines, words

HISTORY = lines(
    """
    {V}历史悠久。据村里的老人讲，{era}，{surname}姓先人从{origin}迁到{hill}脚下，开荒种地，繁衍生息。
    {V}原名{oldname}，{era}改为现名，村名的由来至今还有不同的说法。
    村里的{bldg}始建于{era}，{fate}。
    {V}背靠{hill}，面朝{water}，{hamlet}、{hamlet}、{hamlet}等{n}个自然村散落在{spread}。
    从{Z}出发，沿着{water}往里走{n}里山路，就到了{V}的{hamlet}。
    {hamlet}是{V}最偏远的一个自然村，{hardship}。
    老人们说，早年间{hill}一带{wild}，村里人靠{living}和{living}过日子。
    {V}的{craft}已有{cent}多年历史，{y}年被列入市级非物质文化遗产代表性项目名录。
    村里至今流传着{hill}的传说：相传{era}，有一位{oldtrade}在山上{legend}。
    {era}，{V}人在{water}上修起了第一道拦河坝，{hamlet}一带的{k}亩旱地变成了水浇地。
    过去，{hamlet}的村民吃水要到{s}里外的{water}去挑，{y}年村里打了第一眼机井。
    {V}地处{hill}脚下，村前村后种满了{product}，每到{flower}开的时候，满山遍野都是花。
    村口那棵老槐树据说是{era}栽下的，几个人才能合抱过来，村里人都叫它“{dialect}树”。
    {surname}家大院是{V}保存最完整的老宅子，{fate}。
    抗日战争时期，{V}是{hill}抗日根据地的一部分，村里先后有{s}名青年参军。
    上世纪七十年代，全村男女老少齐上阵，在{hill}上修出了{k}亩梯田，至今还在耕种。
    {hill}上的{bldg}香火曾经很旺，每年农历{lunar}都有庙会，{craft}、{craft}轮番上演。
    {water}从{hamlet}村前流过，{spot}是孩子们小时候最爱去的地方。
    """
)
PRODUCTS = lines(
    """
    {V}出产的{product}{qualities}，在{city}一带很受欢迎。
    说起{Z}的特产，当地人首推{dish}，{quality}，{praise}。
    {dish}是{V}的传统小吃，用{ingr}和{ingr}做成，{quality}。
    做{dish}有讲究：{ingr}要选当年的新货，{cook}的火候全凭经验，差一点味道就不对。
    当地种植的{variety}{quality}，亩产可达{k}斤，今年每斤卖到了{dec}元。
    {org}生产的{brand}{product}，{quality}，已经卖到了{cities}等地。
    每逢过年，{V}家家户户都要做{dish}，招待回乡的亲戚。
    在{hamlet}，{person}家做的{dish}最地道，{quality}，不少人专门开车来买。
    {craft}是{V}的老手艺，{P}从十几岁起就跟着父亲学，一学就是{n}年。
    {P}的{craft}作品在{city}的展会上获了奖，一件能卖到{k}0元。
    {V}的{product}种植始于{era}，如今种植面积已发展到{k}0亩。
    这里的{product}因{why}而品质出众，被当地人叫作“{dialect}”。
    {V}的{dish}讲究用当年的新{ingr}，配上{ingr}，{cook}出来{quality}。
    {hamlet}的{product}个头不大，但{quality}，{city}的客商每年都上门收购。
    {shop}的{dish}是{Z}的老字号，{surname}家已经做了{few}代。
    """
)
LIFE = lines(
    """
    {P}每天{clock}就起床，先{home}，再{home}，吃过早饭就下地{farm}。
    {P}年轻时当过{trade}，走南闯北，到过{cities}等地，{y}年回到{V}。
    {P}家的院子收拾得干干净净，{tool}、{tool}摆放得整整齐齐，墙上挂着{wall}。
    屋里的{homegood}已经用了{s}年，{P}一直舍不得换：“{keepsake}”
    农闲时，{P}喜欢{pastime}，有时也去{errand}转转。
    {P}的老伴在一旁{home}，不时插上一句话。
    说起过去的日子，{P}记得最清楚的是{memory}。
    {P}有{few}个孩子，大儿子在{city}打工，小女儿在{workplace}上班。
    用当地话说，{P}是个“{dialect}”人，意思是{meaning}。
    村里人管{homegood}叫“{dialect}”，{P}说这是老辈人传下来的叫法。
    {light}，{P}在{field}上{farm}的身影格外显眼。
    {season}的{V}，{sound}此起彼伏。
    记者到{P}家时，他正在院子里{home}。
    {P}从{errand}回来，{container}里装满了{supply}。
    “以前{mech}，省事多了。”{P}说。
    {P}给记者算了一笔账：{product}每斤{dec}元，一亩能收{k}斤，除去{supply}、{supply}等开支，一年能落下{k}0元。
    {P}的手艺是跟一位老{trade}学的，{skill}、{skill}样样拿手。
    天气好的时候，{P}就把{homegood}搬到院子里，一边{home}，一边听收音机里的{craft}。
    {P}的家在{hamlet}，从家到{errand}有{s}里路，他每天骑着电动车来回。
    村里的老{trade}{person}今年{age}岁了，{skill}的手艺在{Z}一带小有名气。
    {person}是{hamlet}有名的巧手，谁家{occasion}都爱请他帮忙。
    {P}的孙子在{city}上大学，放假回来就帮着爷爷{farm}、{home}。
    {spot}，几位老人一边{home}，一边拉着家常。
    """
)
WORKS = lines(
    """
    {time}，{V}{works}，村容村貌焕然一新。
    该项目位于{Z}{hamlet}，总投资{m}万元，{scope}{works}等。
    截至目前，已{works}，累计完成投资{m}万元。
    {V}利用{funds}，{works}，群众的生产生活条件明显改善。
    今年，{Z}计划实施{n}个项目，{works}。
    {org}在{hamlet}新上了一条{product}深加工生产线，年加工能力{k}吨，带动周边{k}户群众就业。
    {bureau}为{V}争取资金{m}万元，{works}。
    在{hamlet}，{works}，工程已进入收尾阶段。
    {V}{works}，过去“晴天一身土、雨天一身泥”的{hamlet}变了模样。
    项目建成后，可解决{hamlet}、{hamlet}等{n}个自然村{k}余口人的{need}问题。
    {Z}组织施工力量{works}，并对{hamlet}至{hamlet}段道路进行了拓宽。
    施工现场，工人们有的{job}，有的{job}，有的{job}，一派繁忙景象。
    在{hamlet}，{occ}{person}指着新修的水泥路说：“{gq}”
    施工队负责人{person}介绍，项目已{works}，预计{deadline}完工。
    {vil}{works}。
    {time}，{Z}{works}，{tf}。
    {hamlet}{works}，{need}难题得到解决。
    {V}投资{m}万元，{works}。
    {org}承建的{hamlet}{need}工程，已{works}。
    今年以来，{V}先后{works}。
    {VS}告诉记者，今年村里{works}，{need}难题解决了。
    """
)
DOCUMENTS = lines(
    """
    会议审议并原则通过了《河东县{T}{doc}》和《河东县{t2}{doc}》。
    会议学习了《关于{vp}的{doc}》，并结合实际研究了贯彻落实意见。
    会上印发了《{Z}{T}{doc}》，明确了{n}个方面{s}项具体任务。
    会议对{org}、{V}党支部、{bureau}等{s}个先进集体和{names}等先进个人进行了表彰。
    会议通报了{T}工作{quarter}考核结果，{Z}、{town2}位列前两名。
    会议听取了{vil}{hamlet}{need}工程的进展情况汇报。
    会议研究了{V}{hamlet}{need}工程、{org}扩建项目等事项。
    """
)
BRIEF = lines(
    """
    {V}{works}。
    活动还设置了{craft}展演、{dish}品尝等环节，吸引了{r}余名群众参加。
    {hamlet}的{person}、{person}等{s}名群众现场咨询了{t}相关政策。
    现场展示了{V}的{product}、{dish}等特色产品。
    {names}等{s}名志愿者参加了活动。
    {person}、{person}等爱心人士现场捐款{k}元。
    {Z}{V}的{person}、{town2}的{person}等{s}人被评为“{honor}”。
    """
)

# What villagers tell the reporter about their own lives (quotes, without the marks).
QUOTES = lines(
    """
    以前{mech}，轻松多了。
    今年{product}卖了{k}0元，比去年多了不少，过年给孙子买了台{homegood}。
    {hamlet}到{errand}的路修好了，骑电动车十来分钟就到。
    我在{workplace}上班，一个月能挣{wage}元，还能照顾家里。
    家里的{homegood}、{homegood}都是这两年新添的。
    {dish}是咱{V}的老味道，外地人吃了都说好。
    年轻时靠{living}糊口，哪想到能过上今天的日子。
    {craft}是老辈人传下来的，不能在我手里断了。
    孩子在{city}当{trade}，每个月都往家里打电话，让我别再{farm}了，可我闲不住。
    这{field}以前种啥都不长，现在种上{crop}，一年能收好几千。
    早上{home}，下午去{errand}转转，日子过得舒坦。
    每年{flower}一开，{hamlet}的山坡上就成了花的海洋，城里人都开车来看。
    过去{hardship}，现在不一样了。
    我们{hamlet}的{product}{quality}，不愁卖。
    {person}家的{dish}做得最地道，逢年过节都要去买。
    {tool}是合作社统一配的，用起来顺手。
    """
)
# How a villager came to be where he is (after his name: "{P}{story}").
STORIES = lines(
    """
    年轻时当过{trade}，后来回村{farm}，一干就是{s}年
    从{city}打工回来后，在{hamlet}办起了{shop}
    跟着父亲学会了{skill}，在十里八乡小有名气
    {y}年从{workplace}辞职回乡，种起了良种{variety}
    早年靠{living}养活一家人，如今开起了{shop}
    在{hamlet}住了一辈子，{home}、{farm}样样在行
    """
)

_PRAISES = lines(
    """
    外地人来了都要尝一尝
    在外的游子最惦记这一口
    逢年过节家家都要做上一锅
    县城里也有了专卖的小店
    """
)
_FATES = lines(
    """
    几经修缮，至今保存完好
    上世纪曾被拆毁，前些年由村民集资重建
    现存正殿和戏台，{y}年被公布为县级文物保护单位
    虽已残破，但梁上的彩绘依稀可见
    如今成了村里的老年活动中心
    去年完成了抢救性修缮
    门前的一对石狮子是当年留下来的原物
    """
)
_HARDSHIPS = lines(
    """
    过去不通路，村民赶集要翻两道山梁
    以前一下雨，进出的土路就成了泥塘
    早些年全村只有一口水井，天旱时要排队挑水
    过去孩子们上学要走十几里山路
    过去村里不通电，晚上只能点煤油灯
    前些年年轻人都外出打工，村里只剩下老人和孩子
    """
)
_WILD = words("山高林密 古木参天 野猪成群 荒草丛生 到处是乱石滩 沟深坡陡 十年九旱")
_LEGENDS = lines(
    """
    救过一个落难的书生
    挖出了一眼清泉，从此山下的村子不再缺水
    种下了第一棵{tree}
    修了一座小庙，供过往行人歇脚
    用一根扁担挑出了一条山路
    赶走了祸害庄稼的野猪
    """
)
_WHY = words(
    "昼夜温差大 土壤富含矿物质 光照充足 用山泉水浇灌 施的是农家肥 生长期长 海拔高、病虫害少"
)
_MEMORIES = lines(
    """
    挑着担子去{errand}卖{product}的情景
    一家人挤在一孔窑洞里过冬
    全村人在{hill}上修梯田的日子
    第一次坐拖拉机去{errand}
    跟着大人去{errand}赶集，吃上一碗{dish}
    {era}村里第一次通电的那个晚上
    """
)
_MEANINGS = words("实在肯干 脾气倔但心眼好 说话算数 热心肠 心灵手巧 能吃苦 爱操心 有主意")
_KEEPSAKES = lines(
    """
    这是结婚那年买的，用惯了。
    东西旧了，可念想还在。
    这是老父亲留下来的，得好好留着。
    还能用，扔了可惜。
    """
)
_CLOCKS = words("五点多 天不亮 六点 鸡叫头遍 天刚蒙蒙亮")
_LUNAR = words("正月十五 二月二 三月三 四月初八 六月六 七月十五 九月九 十月初一")
_QUARTERS = words("一季度 上半年 前三季度 第二季度 第三季度")


def fillers(rnd: random.Random, cast: Cast) -> dict[str, Callable[[], str]]:
    """What fills the slots of these templates, besides those of :mod:`tests.generator.templates`.

    Args:
        rnd: the generator's random stream.
        cast: the county, with its gazetteer of small names.
    """
    named = {
        "home": lex.HOME_CHORES,
        "farm": lex.FIELD_WORK,
        "pastime": lex.PASTIMES,
        "skill": lex.SKILLS,
        "occasion": lex.OCCASIONS,
        "living": lex.LIVELIHOODS,
        "homegood": lex.HOME_GOODS,
        "wall": lex.WALL_THINGS,
        "tool": lex.TOOLS,
        "container": lex.CONTAINERS,
        "supply": lex.SUPPLIES,
        "field": lex.FIELDS,
        "spot": lex.SPOTS,
        "spread": lex.SPREADS,
        "trade": lex.TRADES,
        "oldtrade": lex.OLD_TRADES,
        "ingr": lex.INGREDIENTS,
        "cook": lex.COOKING,
        "quality": lex.QUALITIES,
        "origin": lex.ORIGINS,
        "era": lex.ERAS,
        "doc": lex.DOC_KINDS,
        "sound": lex.SOUNDS,
        "light": lex.LIGHTS,
        "flower": lex.FLOWERS,
        "errand": lex.ERRANDS,
        "workplace": lex.WORKPLACES,
        "job": lex.SITE_JOBS,
        "funds": lex.FUNDS,
        "need": lex.NEEDS,
        "city": lex.CITIES,
        "fate": _FATES,
        "praise": _PRAISES,
        "hardship": _HARDSHIPS,
        "wild": _WILD,
        "legend": _LEGENDS,
        "why": _WHY,
        "memory": _MEMORIES,
        "meaning": _MEANINGS,
        "keepsake": _KEEPSAKES,
        "clock": _CLOCKS,
        "lunar": _LUNAR,
        "quarter": _QUARTERS,
    }
    # Flat pools: these are things and places, not words of differing frequency.
    pools = {slot: Pool(items, offset=max(8, len(items) / 3)) for slot, items in named.items()}
    fill: dict[str, Callable[[], str]] = {
        slot: (lambda p=pool: p.draw(rnd)) for slot, pool in pools.items()
    }
    fill.update({slot: (lambda p=pool: p.draw(rnd)) for slot, pool in cast.gazetteer.pools.items()})

    def work() -> str:
        verbs, things = rnd.choice(lex.WORK_GROUPS)
        return rnd.choice(verbs) + rnd.choice(things)

    def two(slot: str) -> str:
        """Two different items of a slot's pool, joined by 、."""
        first = pools[slot].draw(rnd)
        second = pools[slot].draw(rnd)
        while second == first:
            second = pools[slot].draw(rnd)
        return f"{first}、{second}"

    def works() -> str:
        return "，".join(dict.fromkeys(work() for _ in range(rnd.randint(2, 4))))

    fill.update(
        {
            "scope": lambda: rnd.choice(("主要建设内容包括", "计划", "将", "主要实施", "分两期")),
            "work": work,
            "qualities": lambda: two("quality"),
            "cities": lambda: two("city"),
            "wage": lambda: str(rnd.randint(25, 80) * 100),
            "works": works,
            "surname": lambda: rnd.choice(SURNAMES[:60]),
            "oldname": lambda: cast.gazetteer.word(rnd, 2) + rnd.choice(VILLAGE_ROOTS[:24]),
            "dec": lambda: f"{rnd.randint(1, 12)}.{rnd.randint(1, 9)}",
            "few": lambda: rnd.choice("两三三四"),
            "mech": lambda: "{}全靠人力，现在有了{}".format(*rnd.choice(lex.MECHANIZED)),
            "cent": lambda: str(rnd.choice((100, 200, 200, 300, 400, 500, 600))),
        }
    )
    return fill
