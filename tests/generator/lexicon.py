"""Concrete words for the generator's long tail: things built, chores, goods, land, food, crafts.

A real county paper's variety comes less from its stock phrases than from what the stock
phrases are about: 硬化村道3.2公里, 新打机井2眼, a grandmother who 纳鞋底 and 腌酸菜, a dish
of 荞面 and 羊肉. These lists feed the detail sentences of :mod:`tests.generator.details` and the
synthetic names of :mod:`tests.generator.gazetteer`. Lists are ordered commonest first.
"""

from __future__ import annotations

from tests.generator.vocabulary import words

# Works done in a village or town: verbs, and the things (with their quantity, {dec} being a
# decimal) that each of those verbs is done to. Any verb of a group fits any of its things.
WORK_GROUPS = tuple(
    (words(verbs), words(things))
    for verbs, things in (
        (
            "新建 改建 扩建 建成",
            "蓄水池{n}座 提灌站{n}座 漫水桥{n}座 便民桥{n}座 公共厕所{n}座 文化广场{n}个 "
            "村级活动场所{n}处 日光温室{s}座 钢架大棚{s}座 冷库{n}座 污水处理站{n}座 停车场{n}个 "
            "幸福院{n}所 村卫生室{s}所 村史馆{n}个 垃圾收集点{s}个 农贸市场{n}个 快递驿站{s}个 "
            "篮球场{n}个 烘干房{n}座 标准化圈舍{k}平方米 挡土墙{k}米 排水沟{k}米 防洪堤{k}米 "
            "光伏电站{n}座 育苗基地{k}亩 蜂场{n}个 观景台{n}处 沼气池{s}个 集中安置点{n}个",
        ),
        (
            "硬化 拓宽 新修 改造",
            "村道{dec}公里 田间道路{dec}公里 通村公路{dec}公里 巷道{k}米 生产便道{dec}公里 "
            "游步道{dec}公里 晒场{k}平方米 入户路{k}米 环村路{dec}公里",
        ),
        (
            "铺设 改造 更换",
            "污水管网{dec}公里 自来水管道{k}米 供水管网{dec}公里 燃气管道{dec}公里 "
            "灌溉管道{k}米 雨水管网{dec}公里 透水砖{k}平方米",
        ),
        (
            "安装 更换 新装 配备",
            "太阳能路灯{k}盏 健身器材{s}套 监控探头{k}个 交通标志牌{k}块 波形护栏{k}米 "
            "消防栓{s}个 应急广播{s}套 入户水表{k}块 变压器{s}台 垃圾桶{k}个 电子屏{n}块 "
            "充电桩{s}个 宣传栏{s}块 净水设备{n}套",
        ),
        (
            "栽植 补植 新栽",
            "行道树{k}株 绿化苗木{k}株 经济林{k}亩 连翘{k}亩 核桃树{k}株 花椒树{k}株 "
            "油松{k}株 侧柏{k}株 国槐{k}株 海棠{k}株",
        ),
        (
            "清理 清运 整治",
            "垃圾杂物{k}吨 乱堆乱放{k}处 河道淤泥{k}立方米 残垣断壁{k}处 废弃柴草垛{k}处 "
            "私搭乱建{s}处 “僵尸车”{s}辆",
        ),
        (
            "改造 修缮 翻修",
            "农村户厕{k}座 危房{s}户 古民居{s}处 祠堂{n}座 戏台{n}座 背街小巷{s}条 学校食堂{n}个 "
            "鱼塘{s}亩 老旧线路{dec}公里 校舍{k}平方米 卫生院病房{k}平方米",
        ),
        (
            "平整 整理 复垦",
            "土地{k}亩 撂荒地{k}亩 坡耕地{k}亩 工矿废弃地{k}亩",
        ),
        (
            "新打 修复 清淤",
            "机井{n}眼 水井{n}眼 淤地坝{n}座 水毁道路{dec}公里 灌溉渠{k}米 塘坝{n}座",
        ),
        (
            "粉刷 绘制 美化",
            "墙体{k}平方米 文化墙{k}平方米 墙绘{k}平方米",
        ),
    )
)

# What people do all day: at home and in the yard, in the fields, and for fun.
HOME_CHORES = words(
    "喂鸡 喂猪 清扫院子 劈柴 挑水 烧炕 晒被子 剥玉米 择韭菜 蒸馒头 擀面条 包饺子 烙饼 "
    "压饸饹 腌酸菜 做豆腐 炸油糕 熬小米粥 炖羊肉 缝补衣服 纳鞋底 绣鞋垫 织毛衣 编竹筐 "
    "修自行车 换灯泡 看孙子 辅导孙子写作业 给老人做饭 浇花 炒瓜子 磨豆浆 晾柿饼 串辣椒 "
    "编玉米辫 收拾农具 磨镰刀 垫猪圈 清理羊圈 给牛添草料 配饲料 孵小鸡 分拣核桃 晾晒黄芩 "
    "筛豆子 蒸年糕 贴春联 剪窗花 洗衣服 拆洗被褥 腌咸菜 晒干菜 熬辣椒酱 做醋 酿米酒"
)
FIELD_WORK = words(
    "放羊 摘花椒 打核桃 收谷子 割麦子 碾场 扬场 晒粮食 修剪果树 给苹果套袋 疏花疏果 锄草 "
    "间苗 浇地 施肥 打药 覆膜 移栽辣椒苗 搭黄瓜架 摘西红柿 拔萝卜 挖土豆 刨红薯 掰玉米 "
    "割苜蓿 采蘑菇 挖野菜 摘酸枣 刨药材 给枣树环剥 嫁接果树 育苗 收葵花 砍高粱 割谷子 "
    "码玉米垛 翻地 耙地 起垄 点种 追肥 灌溉 巡山 修补渠道 摘杏 采茶 收绿豆 拉秸秆 卸化肥"
)
PASTIMES = words(
    "跳广场舞 下象棋 打扑克 串门 拉家常 听戏 扭秧歌 敲锣鼓 练太极拳 遛弯 看书读报 唱上党梆子 "
    "拉二胡 写毛笔字 种花养草 钓鱼 打门球 刷短视频 和老伙计们喝茶 去老年活动中心坐坐"
)
# What a handy villager can do, and what he is asked to help with.
SKILLS = words(
    "砌墙 盘炕 打家具 编筐 修农机 接电线 修水泵 做木工活 箍水桶 垒石墙 铺瓷砖 修房顶 "
    "杀年猪 做席面 剃头 看牲口 嫁接果树 扎花灯 吹唢呐 写对联"
)
OCCASIONS = words("盖房子 盘炕 办喜事 修农机 杀年猪 打家具 起房梁 垒院墙 修屋顶 办满月酒 过寿")
# How people got by in the old days.
LIVELIHOODS = words(
    "打柴 放羊 种谷子 挖药材 烧木炭 编筐卖 赶脚 打短工 熬硝 采石头 下窑挖煤 摆渡 烧砖"
)
# Things at home: indoors, on the wall, and what a villager carries things in.
HOME_GOODS = words(
    "暖水瓶 搪瓷缸 收音机 缝纫机 蒸笼 案板 擀面杖 铁锅 砂锅 水壶 茶缸 竹椅 木凳 八仙桌 "
    "衣柜 木箱 炕桌 棉被 毛毯 电风扇 电热毯 电暖器 煤炉 酒坛 醋缸 腌菜缸 算盘 老花镜 "
    "电视机 电冰箱 洗衣机 沙发 书柜 饭桌 座钟 针线笸箩 搓衣板 洗脸盆 风箱 石磨"
)
WALL_THINGS = words(
    "老照片 奖状 挂历 年画 中国结 镜框 草帽 玉米辫 辣椒串 全家福 “光荣之家”牌匾 毛主席像 "
    "孙子的奖状 蓑衣 一串串大蒜"
)
TOOLS = words(
    "铁锹 锄头 镰刀 扁担 箩筐 水桶 喷雾器 手推车 三轮车 摩托车 旋耕机 脱粒机 粉碎机 "
    "抽水机 电焊机 木梯 簸箕 扫帚 木锨 铡刀 犁铧 耧车"
)
CONTAINERS = words("菜篮子 编织袋 三轮车 车斗 背篓 竹筐 电动车筐 蛇皮袋")
# Work once done by hand and the machine that does it now: "割麦子 收割机".
MECHANIZED = tuple(
    tuple(pair.split("|"))
    for pair in words(
        "割麦子|收割机 翻地|旋耕机 打场|脱粒机 浇地|喷灌设备 打药|植保无人机 铡草|铡草机 "
        "磨面|电磨 挑水|自来水 掰玉米|玉米收获机 播种|播种机 剥花生|剥壳机 烘干粮食|烘干机 "
        "拉货|小货车 挤奶|挤奶机 摘花椒|电动剪"
    )
)
# What farmers buy and sell.
SUPPLIES = words("化肥 种子 农膜 地膜 饲料 农药 苗木 有机肥 草料 秸秆 包装箱 纸箱 快递单")
# The land: where crops grow, and the spots of an old village where stories take place.
FIELDS = words(
    "梯田 坡地 川地 水浇地 旱地 河滩地 山坡 向阳坡 沟底 塬上 果园 菜园 山梁 谷子地 玉米地 "
    "花椒地 药材田 核桃林 枣树林 大棚"
)
SPOTS = words(
    "老槐树下 老井旁 石板路上 窑洞前 戏台下 牌坊下 祠堂前 打谷场上 碾道边 井台上 村口 巷口 "
    "场院里 河湾边 渡口 石桥头 小溪边 山泉边 柳林里 松林边 崖畔上 庙坡上 芦苇荡边 荷塘边"
)
# Where the many hamlets of a village lie.
SPREADS = words("山坳里 沟沟岔岔里 河谷两岸 山梁上下 塬面上 半山腰上")
# Trades and crafts of the people in feature stories.
TRADES = words(
    "木匠 瓦匠 铁匠 石匠 篾匠 裁缝 厨师 面点师 理发师 货车司机 出租车司机 保洁员 保安 电工 "
    "焊工 水暖工 泥瓦工 油漆工 钳工 挖掘机司机 养蜂人 放羊人 果农 菜农 药农 渔民 售货员 "
    "收银员 会计 兽医 赤脚医生 民办教师 代课老师 说书人 吹鼓手 戏曲演员 剪纸艺人 面塑艺人 "
    "木雕艺人 泥塑艺人 编织能手 刺绣能手 学徒 帮工 粉坊师傅 醋坊师傅 豆腐匠 弹花匠 箍桶匠 "
    "锔匠 修鞋匠 磨刀匠 货郎 邮递员 放映员 护路工 信贷员 炊事员"
)
# The last part of a local dish's name, and what dishes are made of and how.
DISH_KINDS = words(
    "糕 饼 面 馍 汤 粥 饸饹 凉粉 豆腐 丸子 包子 卷 酥 麻花 馓子 锅盔 烧卖 扁食 拨鱼 "
    "猫耳朵 剔尖 抿尖 油糕 焖面 烩菜 炖肉 酱肉 熏鸡 粉条 枣糕 蒸饭 搅团 "
    "炒面 凉皮 油饼 窝头 菜团 烤饼 米糕"
)
INGREDIENTS = words(
    "小米 黄米 荞面 莜面 高粱面 玉米面 白面 绿豆 红豆 黑豆 红枣 核桃仁 花生米 芝麻 红糖 "
    "白糖 蜂蜜 猪油 胡麻油 香油 老陈醋 花椒粉 葱花 姜末 蒜泥 韭菜 土豆丝 粉条 豆芽 豆腐干 "
    "腊肉 羊肉 猪肉 牛肉 鸡蛋 鸭蛋 山药 南瓜 萝卜丝 酸菜 干豆角 黄花菜 木耳 蘑菇 枸杞 "
    "花生油 菜籽油 辣椒面 五香粉 大料 桂皮 香菜 小葱 生姜 黄酒 米醋 酱油 豆瓣酱 芝麻酱"
)
COOKING = words("蒸 煮 炸 烙 炖 炒 焖 烤 拌 熬 煎 卤 腌 烩 溜 氽 酱 熏")
# What a local product is praised for.
QUALITIES = words(
    "色泽金黄 颗粒饱满 口感绵软 香甜可口 酸甜适中 肉质细嫩 营养丰富 久煮不烂 入口即化 "
    "回味悠长 清香扑鼻 皮薄肉厚 个大汁多 软糯香甜 筋道爽滑 外酥里嫩 肥而不腻 醇厚绵长 "
    "色泽鲜亮 甘甜爽口 果形端正 耐储耐运 品质上乘 绿色无公害 富含硒元素 药用价值高 "
    "香味浓郁 汤鲜味美 咸淡适中 酥脆可口 油而不腻 颜色红亮 籽粒均匀 粒大饱满"
)
# Where a village's founders came from, and when things happened.
ORIGINS = words(
    "山西洪洞 河南林县 河北邯郸 山东登州 陕西韩城 山西平阳 河南怀庆 河北大名 山东青州 "
    "山西泽州 陕西延安 河南安阳 山西太原 河北真定 山东济南 甘肃天水 山西代州 河南洛阳"
)
ERAS = words(
    "明朝洪武年间 明朝永乐年间 明朝成化年间 明朝嘉靖年间 明朝万历年间 清朝顺治年间 "
    "清朝康熙年间 清朝雍正年间 清朝乾隆年间 清朝嘉庆年间 清朝道光年间 清朝咸丰年间 "
    "清朝同治年间 清朝光绪年间 民国初年 民国十年前后 抗日战争时期 解放战争时期 "
    "上世纪五十年代 上世纪六十年代 上世纪七十年代 上世纪八十年代 宋朝 元朝末年 金代"
)
# The last part of synthetic names: hamlets, hills, waters, old buildings, crafts.
HAMLET_ROOTS = words(
    "梁 峁 塬 坳 垴 嘴 沟 洼 坪 岔 湾 崖 掌 坡 峪 岭 垣 凹 畔 滩 台 庄 窑 圪垯 则 寨 "
    "家庄 家沟 家洼 家坡 家岭 家峪 家湾 家垴 家坪 家河 沟口 沟底 岭上 坡头 河湾"
)
HILL_KINDS = words("山 岭 梁 峰 垴 尖 顶 岩 崖 寨")
WATER_KINDS = words("河 水 沟 涧 溪 泉 渠 潭 湖 滩")
BUILDING_KINDS = words(
    "庙 寺 观 祠 阁 楼 戏台 古井 石桥 牌坊 古塔 书院 关帝庙 龙王庙 奶奶庙 玉皇阁 文昌阁 魁星楼"
)
CRAFT_KINDS = words(
    "剪纸 面塑 秧歌 花鼓 皮影 刺绣 木雕 石雕 泥塑 编织 锣鼓 八音会 道情 快板 社火 花灯 "
    "高跷 旱船 竹马 抬阁 铁花 布老虎 麦秆画 草编 琉璃 炕围画 小调"
)
DOC_KINDS = words(
    "实施方案 实施意见 工作方案 管理办法 考核办法 行动计划 三年行动方案 若干措施 "
    "工作要点 暂行规定 责任清单 应急预案 奖补办法 细则"
)
# Sights, sounds and smells of a feature's scene.
SOUNDS = words("鸡鸣声 狗叫声 蝉鸣 蛙声 鸟叫声 锣鼓声 机器声 吆喝声 笑声 广播声 秧歌调")
LIGHTS = words("晨雾里 晚霞里 夕阳下 薄雾中 细雨中 烈日下 寒风中 月光下")
FLOWERS = words("杏花 梨花 桃花 油菜花 槐花 荞麦花 葵花 格桑花 连翘花 山丹丹花")
# Places a villager goes to, near and far; where the children work.
ERRANDS = words(
    "镇上 县城 市里 集市 邻村 卫生院 信用社 供销社 农资店 超市 快递点 车站 村委会 "
    "便民服务中心 合作社 亲戚家"
)
WORKPLACES = words(
    "县城的超市 镇卫生院 工业园区 快递公司 县医院 中学 银行 物流园 汽修厂 食品厂 县政府 "
    "幼儿园 电商公司 建筑公司 酒店"
)
# Who the hero of a village legend was.
OLD_TRADES = words("木匠 石匠 货郎 郎中 樵夫 放羊娃 书生 道士 铁匠 挑夫 老秀才 猎户")
# What builders are seen doing on a site.
SITE_JOBS = words(
    "扎钢筋 砌砖 抹墙 铺瓷砖 焊钢架 浇筑混凝土 安装门窗 开挖基槽 回填土方 铺设管道 吊装构件 "
    "平整场地 运送材料 调试设备 粉刷墙面 搭脚手架 铺设路基 摊铺沥青 切割石材 测量放线"
)
# Where the money for a village's works came from.
FUNDS = words(
    "上级奖补资金 村集体经济收入 “以工代赈”资金 社会捐资 乡贤捐款 帮扶单位的资金 "
    "衔接资金 一事一议财政奖补资金 专项债券资金 企业捐赠"
)
# What a village's works solve, as in "解决…的吃水问题".
NEEDS = words("吃水 出行 灌溉 用电 就医 上学 养老 排水 取暖 通信")
# Cities a product is sold to or a villager has worked in.
CITIES = words(
    "太原 北京 天津 石家庄 郑州 西安 上海 广州 深圳 杭州 苏州 南京 济南 青岛 呼和浩特 "
    "包头 银川 兰州 成都 武汉 长沙 大同 运城 临汾 长治 晋城 洛阳 邯郸 保定 东莞"
)
