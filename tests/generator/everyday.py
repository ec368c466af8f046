"""Everyday words for the feature stories of generated articles: homes, fields, food, weather.

Officialese alone uses few characters; features about villagers bring in the everyday
vocabulary that gives real papers their long tail of rarer characters and pairs.
Lists are ordered commonest first.
"""

from __future__ import annotations

from tests.generator.vocabulary import lines, words

FOODS = words(
    "小米粥 馒头 面条 饺子 包子 烙饼 油糕 莜面 烧饼 豆腐 粉条 腊肉 咸菜 稀饭 烩菜 "
    "炸糕 月饼 年糕 粽子 红枣 柿饼 核桃 花生 瓜子 茶水 米酒 醋 蜂蜜 土鸡蛋 羊肉汤"
)
# What grows in the fields (crops), shades the village (trees), and what is bought new.
CROPS = words(
    "玉米 谷子 土豆 高粱 红薯 小麦 黄豆 绿豆 荞麦 葵花 白菜 萝卜 黄瓜 西红柿 辣椒 茄子 "
    "豆角 南瓜 大葱 大蒜"
)
TREES = words("老槐树 核桃树 枣树 杏树 柿子树 杨树 柳树 榆树 梨树 松树")
APPLIANCES = words(
    "电视 冰箱 洗衣机 热水器 空调 电动车 三轮车 小轿车 手机 电脑 智能电视 电饭锅 微波炉 "
    "扫地机 太阳能热水器"
)
ANIMALS = words("鸡 鸭 鹅 狗 猫 羊 鸽子")  # in the yard
IDLING = words("在墙根下悠闲地踱着步 在院子里跑来跑去 趴在门口晒太阳 在树荫下打盹 在菜畦边转悠")
WEATHER = lines(
    """
    天刚蒙蒙亮
    太阳刚刚升起
    正午的阳光火辣辣的
    傍晚时分
    寒风凛冽
    北风呼啸
    细雨蒙蒙
    雪后初晴
    秋高气爽
    春风和煦
    烈日当空
    夜幕降临
    """
)
MORNINGS = words("天刚蒙蒙亮 太阳刚刚升起 一大早 清晨 天还没亮")
# Four-character expressions of feature writing: of a person, and of a place.
IDIOMS = words(
    "兢兢业业 任劳任怨 风雨无阻 默默无闻 勤勤恳恳 脚踏实地 一丝不苟 尽心尽力 全心全意 "
    "无怨无悔 不辞辛劳 起早贪黑 披星戴月 走村串户 不厌其烦 热情周到 精益求精 踏踏实实 "
    "干劲十足"
)
LOOKS = words(
    "焕然一新 日新月异 翻天覆地 欣欣向荣 生机勃勃 热火朝天 干净整洁 井井有条 错落有致 "
    "整齐划一 宽敞明亮 窗明几净 人来人往 络绎不绝"
)
FEATURE_SENTENCES = lines(
    """
    {morning}，{P}就已经来到{place}，{begin}。
    院子里种着{crop}，{animal}{idle}。
    {P}把记者让进屋里，端上{serve}。
    屋子里{look}，{gadget}、{gadget}、{gadget}一应俱全。
    {weather}，{V}的村道上{look}，村民们有的{chore}，有的{chore}。
    这些年，{P}{idiom}，把{T}的事当成自家的事来办。
    {P}家的{gadget}是前年新买的，说起这个，他脸上露出了笑容。
    村口的{tree}下，几位老人正晒着太阳拉家常。
    地里的{crop}长得正旺，{P}蹲下身子，仔细查看庄稼的长势。
    以前家里只有一台旧{gadget}，如今{gadget}、{gadget}都添置齐了。
    {P}指着院子里的{gadget}说：“这在过去想都不敢想。”
    逢年过节，{P}总要做上一锅{food}，送给村里的孤寡老人。
    {P}的老伴在一旁插话：“他呀，一天到晚就惦记着{T}的事。”
    每天傍晚，{V}文化广场上{liveliness}。
    如今的{V}，{look}，一条条水泥路连通了家家户户。
    """
)
SERVINGS = lines(
    """
    一杯热茶
    一盘刚摘的{crop}
    一碗热腾腾的{food}
    自家做的{food}
    一把{food}
    """
)
LIVELINESS = lines(
    """
    人来人往
    跳广场舞的、下象棋的、遛弯的，好不热闹
    歌声笑声不断
    总能看到健身的村民
    灯火通明
    """
)
REPUTES = lines(
    """
    大家都很信服他
    是乡亲们信得过的带头人
    是村里出了名的热心人
    在村里威望很高
    谁家有事都愿意找他商量
    """
)
BEGINNINGS = lines(
    """
    开始了一天的忙碌
    忙着{chore}
    和工友们一起干了起来
    查看{crop}的长势
    """
)
CHORES = lines(
    """
    在地里忙着收{crop}
    在院子里晾晒{crop}
    赶着羊群上山
    给{crop}浇水施肥
    开着三轮车去镇上赶集
    在家门口的车间里干活
    在直播间里推销{food}
    """
)
