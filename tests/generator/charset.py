"""The wide character inventory that generated proper nouns draw on: GB2312 levels 1 and 2.

Officialese uses about 1,500 characters; a real paper's ten years use 5,000 to 7,000, the
rarer ones mostly in names of people, hamlets, brands, dishes and dialect words. The
inventory is GB2312's level 1 (3,755 common characters) and the rows of level 2 rich in
name characters (plants, water, jade, wood, sun, fire, stone, birds and fish), in a seeded
order weighted Zipf-like by rank, so a few hundred are frequent and thousands turn up a
handful of times in ten years.
"""

from __future__ import annotations

import random

from tests.generator.pools import Pool

# Level-2 rows (first byte) where name and place characters cluster: 艹, 山, 氵, 女, 王/玉,
# 木, 日, 火/礻, 石, 鸟, 竹, 米, 雨/鱼. The others are mostly radicals, chemistry and verbs.
LEVEL2_ROWS = (0xDC, 0xDD, 0xDE, 0xE1, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xEA, 0xEC)
LEVEL2_ROWS += (0xED, 0xF0, 0xF3, 0xF4, 0xF6)
# Bare radicals, characters the index folds into another (乾→干, 後→后), particles and words
# nobody puts in a name.
EXCLUDED = set(
    "艹廾尢扌彳彡犭夂饣忄丬爿氵宀辶彐屮纟幺巛攴攵肀钅疒衤虍糸豸隹髟礻灬囗"
    "乾著菸薹薰拚捱摺吒後徵夥榘於袷麴醣麽"
    "的了着吗呢吧啊哦嗯呀么之乎也矣焉哉兮哎唉嘛呗喽哟"
    "死尸屎尿屁粪毒鬼贼娼妓奸淫癌病瘟疫丧葬坟棺骂蛆蛔臭脏"
)


def _rows(first: int, last: int) -> list[str]:
    """The characters of GB2312 rows ``first`` to ``last`` (first bytes), in code order."""
    found = []
    for row in range(first, last + 1):
        for cell in range(0xA1, 0xFF):
            try:
                found.append(bytes((row, cell)).decode("gb2312"))
            except UnicodeDecodeError:
                continue  # the unassigned end of row 0xD7
    return found


# Characters of names of people, places, firms and things (nature, virtues, colours, jade, sun,
# water, numbers, directions, buildings), hand-picked; they make up most of a made-up name.
NAME_CHARS = "".join(
    dict.fromkeys(
        "山川河江湖海泉溪涧潭池塘井渠波涛浪洋源流清澄澈淳润泽浩瀚汉沧漪涟沁汀洲渚滨浦港湾峡峪岭峰崖岩石磊岗坡坪原野田园圃林森木树"
        "松柏杨柳槐榆桑梓桐梧枫桦樟楠杉椿柿桃李杏梨枣梅兰竹菊荷莲芙蓉芳芬芝芸芷苏苗茂茵荣华英萍蕊蕾薇菲萱葵蒲芦苇蔚蓝葛藤草禾稻麦"
        "谷粟黍穗秀秋春夏冬晨曦旭晓昕昊昌晶晴暖阳日月星辰云霞雾露霜雪雨虹雷风岚龙凤虎豹鹰鹏鹤燕雁鸿鹊莺鹂鸽鹿马骏驰牛羊鱼蝶麟麒骥"
        "福禄寿喜祥瑞吉庆安康宁泰和平顺利丰盛兴旺隆富贵德仁义礼智信忠孝勤俭贤良善诚敬谦恭惠慧聪敏颖俊杰豪雄伟强刚毅勇威武文斌彬儒"
        "雅博学思志远达通广宏弘洪嘉佳美丽娟婷娜姗妍媛婉娴静淑贞洁纯素莹琳琪瑶瑾瑜璐珊珍珠玲琴璇金银铜铁钢锋锐铭鑫钰红丹朱赤青碧翠"
        "绿紫白黄玄墨彩一二三四五六七八九十百千万东南西北中上下左右前后内外城村庄寨堡屯营店铺集镇关门楼台阁亭桥塔寺庙宫殿院堂府坊"
        "巷街子孟仲季伯叔长少小大老新建立成功业国家民生军兵卫保护光明亮辉耀照炎焕烨煜炜守望继承延续绍宗祖先耕读传世代永久恒常固坚"
        "定正直方圆满全有余足厚实朴振奋进跃腾飞翔扬帆航舟船驿道路途行游若如意心情怡悦欣乐笑歌舞诗书画棋艺韵音声雯霏秉持怀抱存留培"
        "育养植栽种收获仓廪冠魁首元亨升登高攀峻崇巍峨嵩岳仙灵神圣天地坤宇宙穹苍梦想盼念恩沐浴桂枝叶根本末梢芽蕙茗茶菁芹蕨蒿艾珑琅"
        "玖玫瑰珏璋璞琛瑗琬瑄瑛琦琨琰瑭璟昭晖晔暄曜晞旻昱晟昀晋焱燚炫烁灿煊熙熠钧铎锦绣纶缨绮缤纱绫宸宵宥宜宣寅岑岱峥崧峦沅沛泓泳"
        "洛洵浚涵淇淞渊湘溢滢漫潇澜濠韬略谋策献恳彦斐璧玺瑷卓越超凡群众煌淼垚品馨香鸥鹭鸾鹃鹦兔猫狗豆瓜果粮棉麻丝帛伍陆柒捌拾刻镌"
        "甜蜜糖爱花娥柱栓锁财宝来发水堰圩垛墩坎埠渡津口嘴头尾腰背顶底坳梁塬峁鼎汇聚优味鲜食客盈裕祺禧祯瑚翎翰驹骐骁鸣啸吟咏唱郭邢"
        "邯邱郑邓邵邹郝鄂卢吕范姜姚殷韩魏陶薛秦贾柴纪耿甘牧农樵渔荫佑屏障藩垣壁垒栅巳午未申酉戌亥甲丙丁戊庚辛壬癸卯冉苒荏茹茜莎莉"
        "葳蓓蔓苓萌蕴菡苑芊芮芯恬愉憬慈悯惜重贺赛赞赏资赋赐凌霄翀翊翌羽翩虔谨慎敦睦雍穆肃朝暮昏晌夕夜渝皖赣闽粤滇黔蜀冀鲁豫陇炳焰"
        "烽焜熔铸锻炼楷模型榜样耘锄犁垦殖稷穰稔秸秣庐舍屋宅厦廊轩榭斋馆钦佩仰慕尊彪赫奕咸淡苦酸舒畅逸闲悠"
    )
)
LEVEL1 = tuple(c for c in _rows(0xB0, 0xD7) if c not in EXCLUDED)
LEVEL2 = tuple(c for row in LEVEL2_ROWS for c in _rows(row, row) if c not in EXCLUDED)


class CharPool:
    """Characters for made-up names: mostly name characters, now and then any of the inventory.

    Each kind is drawn Zipf-like over a seeded order (GB2312 orders by pinyin and radical, not
    by frequency), so which rare character is rarer than another is arbitrary but fixed.
    """

    def __init__(self, seed: int, rare_share: float = 0.15) -> None:
        rnd = random.Random(f"{seed}:charset")
        names = list(NAME_CHARS)
        rnd.shuffle(names)
        level1 = [c for c in LEVEL1 if c not in NAME_CHARS]
        level2 = [c for c in LEVEL2 if c not in NAME_CHARS]
        rnd.shuffle(level1)
        rnd.shuffle(level2)
        self.rare_share = rare_share
        self.names = Pool(names, exponent=0.7, offset=10)
        # Level 1 before level 2: its characters are the commoner ones.
        self.rare = Pool(level1 + level2, exponent=1.0, offset=100)

    def draw(self, rnd: random.Random) -> str:
        """One character."""
        return (self.rare if rnd.random() < self.rare_share else self.names).draw(rnd)
