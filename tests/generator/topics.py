"""The fields a county paper reports on, each with its own words, for the benchmark generator.

An article is about one topic: most of its nouns, actions, goals and statistics come from that
topic's lists, the rest from the general vocabulary, so that 供热 clusters in heating articles
and 合作社 in farming ones, as in a real paper. Lists are ordered commonest first.
"""

from __future__ import annotations

from dataclasses import dataclass

from tests.generator.vocabulary import words


@dataclass(frozen=True)
class Topic:
    """One field of county news and its vocabulary.

    Attributes:
        weight: how often articles are about it, relative to the other topics.
        themes: names of the work, as in "我县召开{theme}工作推进会".
        nouns: things of the field.
        actions: verb phrases of the field.
        goals: what the work should achieve, each a clause ("确保…", "让…").
        facts: statistics, with number slots.
        bureaus: the offices in charge.
        quotes: what people of the field tell the reporter.
        people: occupations of the people met in its stories.
        activities: events for short news items ("开展…").
    """

    weight: float
    themes: tuple[str, ...]
    nouns: tuple[str, ...]
    actions: tuple[str, ...]
    goals: tuple[str, ...]
    facts: tuple[str, ...]
    bureaus: tuple[str, ...]
    quotes: tuple[str, ...]
    people: tuple[str, ...]
    activities: tuple[str, ...]


# TOPICS[FARMING] is farming, whose stories meet cooperatives rather than companies.
FARMING = 1
# Topics whose work is building (heating, farming, projects, roads, environment, the town):
# their statistics may be works done, 新打机井3眼; those of schools or the Party may not.
BUILDING = (0, 1, 2, 6, 7, 11)
TOPICS = (
    Topic(  # heating: the first users' own example
        weight=4,
        themes=words("供热工程 冬季供暖 集中供热 供热保障 清洁取暖 供热工程项目"),
        nouns=words(
            "供热管网 换热站 热源厂 供暖设施 老旧管网 供热面积 室内温度 热用户 一次管网 二次管网 "
            "锅炉房 燃煤储备 阀门 暖气片 热计量表 煤改气 煤改电"
        ),
        actions=words(
            "铺设供热管网 改造老旧管网 开展试压注水 完成管网冲洗 排查供暖隐患 做好热源储备 "
            "落实燃煤储备 加快换热站建设 开通供热服务热线 上门入户测温 推进清洁取暖改造"
        ),
        goals=words(
            "确保群众温暖过冬 确保按期供热 确保室内温度达标 确保供热工程各项任务按期完成 "
            "让全县人民温暖过冬"
        ),
        facts=words(
            "全县新铺设供热管网{n}公里 新建换热站{n}座 集中供热面积达到{k}万平方米 "
            "已储备燃煤{k}吨 受理供热投诉{k}件，办结率达100% 完成清洁取暖改造{k}户"
        ),
        bureaus=words("县住建局 县城市热力公司 县城管局"),
        quotes=words(
            "今年暖气来得早，屋里暖和多了。 管网换了新的，再也不用担心暖气不热了。 "
            "接到报修电话，我们半小时内就赶到现场。"
        ),
        people=words("热用户 维修工 供热站站长 小区居民"),
        activities=words("供热设施安全检查 供热服务进社区 冬季供热应急演练"),
    ),
    Topic(  # farming and the countryside
        weight=12,
        themes=words(
            "乡村振兴 高标准农田建设 特色农业 春耕备耕 秋收秋种 粮食生产 设施农业 "
            "农村人居环境整治 农业产业化 和美乡村建设"
        ),
        nouns=words(
            "合作社 家庭农场 种植大户 高标准农田 农产品 村集体经济 土地流转 农机 良种 化肥 "
            "蔬菜大棚 小杂粮 中药材 食用菌 冷库 烘干塔 农资 农技人员 示范基地 产业园 "
            "龙头企业 特色产业 农民专业合作社 村容村貌 庭院经济"
        ),
        actions=words(
            "发展特色产业 壮大村集体经济 推广良种良法 开展农业技术培训 完善农田水利设施 "
            "加快土地流转 延伸产业链条 培育新型经营主体 推进农业机械化 "
            "打造“一村一品”特色品牌"
        ),
        goals=words(
            "确保粮食安全 确保颗粒归仓 让农民的钱袋子鼓起来 推动乡村振兴取得新成效 "
            "确保农业增效、农民增收"
        ),
        facts=words(
            "全县播种面积{k}万亩 建成高标准农田{k}亩 带动{k}户农户增收 户均增收{k}元 "
            "粮食总产达到{k}万吨 村集体经济收入突破{k}万元 全县农民专业合作社发展到{k}家 "
            "流转土地{k}亩 {brand}{product}获评全市知名农产品品牌 "
            "{shop}等{s}家家庭农场被评为市级示范家庭农场 "
            "{vil}通过“支部+合作社+农户”模式，带动{k}户群众增收"
        ),
        bureaus=words("县农业农村局 县乡村振兴局 县农机服务中心"),
        quotes=words(
            "跟着合作社种{product}，不愁技术不愁销路，一亩地能多收{k}元。 "
            "今年雨水好，{product}长势喜人，丰收有望。 "
            "以前种地靠天吃饭，现在有了技术员指导，心里踏实多了。 "
            "土地流转给合作社，我还能在基地打工，一年收入两份钱。"
        ),
        people=words("种植大户 合作社理事长 农技员 村民 养殖户 家庭农场主"),
        activities=words("农业科技下乡 农民丰收节 春耕生产现场观摩 农产品展销"),
    ),
    Topic(  # the local economy, projects and investment
        weight=11,
        themes=words(
            "项目建设 招商引资 工业经济 营商环境优化 民营经济发展 重点项目 园区建设 经济运行"
        ),
        nouns=words(
            "重点项目 企业 工业园区 产值 规上企业 投资 市场主体 签约项目 新能源 产业链 "
            "生产线 标准化厂房 税收 固定资产投资 招商项目 客商 营商环境 GDP 5G基站"
        ),
        actions=words(
            "加快项目建设进度 开展精准招商 落实包联责任 帮助企业纾困解难 优化营商环境 "
            "推动项目早落地、早投产 实行“一企一策”服务 开展入企服务活动 全力保障项目用地"
        ),
        goals=words(
            "确保项目早建成、早见效 确保全年目标任务圆满完成 推动经济高质量发展 "
            "确保经济运行稳中有进"
        ),
        facts=words(
            "完成固定资产投资{m}万元，同比增长{pc}% 规上工业增加值同比增长{pc}% "
            "全县GDP同比增长{pc}% 新签约项目{n}个，总投资{m}万元 "
            "该项目总投资{m}万元，占地{k}亩，建成后年产值可达{m}万元 新增市场主体{k}户 "
            "{n}个重点项目全部开工 全县共建成5G基站{s}座，实现乡镇以上区域全覆盖"
        ),
        bureaus=words("县发改局 县工信局 县商务局 县投资促进中心 县行政审批局"),
        quotes=words(
            "从签约到开工只用了{n}个月，这样的速度让我们很有信心。 "
            "有什么难题，包联干部第一时间帮我们协调解决。 生产线满负荷运转，订单已经排到了明年。"
        ),
        people=words("企业负责人 项目经理 车间主任 技术员 客商"),
        activities=words("重点项目集中开工 招商推介会 政银企对接会 企业家座谈会"),
    ),
    Topic(  # party building
        weight=9,
        themes=words(
            "基层党建 党史学习教育 主题教育 党风廉政建设 干部作风建设 “两学一做”学习教育 "
            "抓党建促乡村振兴 党员教育管理"
        ),
        nouns=words(
            "党员 党支部 基层党组织 党员干部 党员先锋岗 党群服务中心 “三会一课” 主题党日 "
            "党性修养 廉政教育 红色教育基地 软弱涣散党组织 后备干部"
        ),
        actions=words(
            "深入学习贯彻{congress}精神 开展主题党日活动 严格落实“三会一课”制度 "
            "整顿软弱涣散党组织 发挥党员先锋模范作用 加强基层党组织建设 推进全面从严治党 "
            "开展警示教育 以党建引领基层治理"
        ),
        goals=words(
            "推动全面从严治党向纵深发展 让党旗在基层一线高高飘扬 把党的政治优势转化为发展优势 "
            "为全县高质量发展提供坚强组织保证"
        ),
        facts=words(
            "全县{k}个基层党组织、{k}名党员参加学习 开展专题宣讲{k}场次 发展新党员{k}名 "
            "整顿软弱涣散村党组织{n}个"
        ),
        bureaus=words("县委组织部 县纪委监委 县委宣传部 县委党校"),
        quotes=words(
            "作为一名老党员，我要带头干、做表率。 群众的事再小也是大事，我们必须办好。 "
            "组织把担子交给我，我就要对得起这份信任。"
        ),
        people=words("老党员 党支部书记 驻村第一书记 党员志愿者 年轻干部"),
        activities=words("主题党日活动 党课宣讲 党员志愿服务 廉政警示教育"),
    ),
    Topic(  # schools
        weight=7,
        themes=words("义务教育 教育教学 校园安全 “双减” 学前教育 职业教育 教师队伍建设"),
        nouns=words(
            "学生 教师 学校 课堂 校园 教学楼 学生食堂 教学质量 课后服务 中小学 幼儿园 "
            "班主任 校长 考生 营养餐 校车"
        ),
        actions=words(
            "提升教育教学质量 落实“双减”政策 开展课后服务 改善办学条件 加强师德师风建设 "
            "排查校园安全隐患 推进义务教育优质均衡发展"
        ),
        goals=words(
            "办好人民满意的教育 让每一个孩子都能享有公平而有质量的教育 确保师生安全 "
            "确保考试平稳有序"
        ),
        facts=words(
            "全县共有中小学{n}所、在校学生{k}人 新建改建校舍{k}平方米 招聘教师{k}名 "
            "课后服务覆盖率达到{pc}%"
        ),
        bureaus=words("县教育局 县教科局"),
        quotes=words(
            "学校的新操场建好了，孩子们下课都抢着去跑步。 "
            "老师讲得细，作业在学校就能写完，回家有时间看书了。 "
            "教书育人是良心活，要对得起每一个孩子。"
        ),
        people=words("教师 班主任 校长 学生家长 学生"),
        activities=words("“开学第一课” 教师节表彰 校园安全演练 送教下乡"),
    ),
    Topic(  # health
        weight=7,
        themes=words("疫情防控 医疗保障 健康乡村建设 家庭医生签约服务 县域医共体建设 公共卫生服务"),
        nouns=words(
            "卫生院 村卫生室 医护人员 疫苗接种 核酸检测 医保 医疗服务 人民医院 CT室 "
            "家庭医生 慢性病 体检 健康档案 医疗设备 COVID-19疫苗"
        ),
        actions=words(
            "做好疫情防控工作 开展免费健康体检 推进家庭医生签约服务 提升基层医疗服务能力 "
            "落实医保惠民政策 加强医护人员培训"
        ),
        goals=words(
            "守护群众生命健康 让群众在家门口就能看好病 确保疫情防控措施落实到位 "
            "解决群众看病难、看病贵问题"
        ),
        facts=words(
            "家庭医生签约{k}人，签约率达{share}% 为{k}名群众进行免费体检 "
            "全县COVID-19疫苗接种累计{m}剂次 医保基金支出{m}万元 "
            "新购置CT等医疗设备{n}台 "
            "对{shop}、{shop}等{s}家药店和诊所开展了专项检查"
        ),
        bureaus=words("县卫健局 县医保局 县人民医院 县疾控中心 县中医院"),
        quotes=words(
            "家庭医生每个月都来量血压，有啥不舒服打个电话就来了。 "
            "现在在县里就能做CT，不用再往市里跑了。 报销比例提高了，看病花钱少多了。"
        ),
        people=words("乡村医生 护士 患者 家庭医生 卫生院院长"),
        activities=words("义诊 健康知识讲座 免费体检 疫苗接种宣传"),
    ),
    Topic(  # roads and transport
        weight=6,
        themes=words("农村公路建设 道路交通安全 “四好农村路”建设 城乡公交一体化 交通运输"),
        nouns=words(
            "公路 县道 乡道 桥梁 路面 客运站 公交车 交通安全 路网 护栏 道路 停车场 ETC "
            "超限超载 驾驶员"
        ),
        actions=words(
            "加快农村公路建设 开展道路交通安全整治 排查道路安全隐患 整治超限超载 完善交通安全设施 "
            "开通城乡公交线路"
        ),
        goals=words(
            "保障群众出行安全 让群众出行更方便 确保道路交通安全形势平稳 确保工程按期保质完成"
        ),
        facts=words(
            "新建改造农村公路{k}公里 新开通公交线路{n}条 查处交通违法行为{k}起 "
            "{street}拓宽改造工程已完成{share}% 整治道路安全隐患{k}处"
        ),
        bureaus=words("县交通局 县公安局交警大队 县公路段"),
        quotes=words(
            "公交车通到了村口，进城只要一块钱。 "
            "路修好了，我们的{product}一车车拉出去，再也不愁卖了。"
        ),
        people=words("驾驶员 交警 养护工人 村民"),
        activities=words("“122”全国交通安全日宣传 交通安全进校园 道路隐患排查"),
    ),
    Topic(  # the environment
        weight=7,
        themes=words(
            "污染防治 大气污染防治 河长制 秸秆禁烧 生态环境保护 植树造林 水污染防治 林长制"
        ),
        nouns=words(
            "空气质量 优良天数 河道 污水处理厂 垃圾中转站 扬尘 散煤 秸秆 植被 "
            "生态环境 水质 河长 林长 绿化面积 环境问题 PM2.5"
        ),
        actions=words(
            "打好蓝天碧水净土保卫战 开展河道清理整治 严格落实秸秆禁烧责任 加强扬尘污染治理 "
            "推进植树造林 整改突出环境问题"
        ),
        goals=words(
            "持续改善生态环境质量 守护好一方碧水蓝天 确保空气质量持续好转 让绿水青山成为金山银山"
        ),
        facts=words(
            "空气质量优良天数达到{k}天 完成植树造林{k}亩 "
            "全县PM2.5平均浓度为{s}微克/立方米，同比下降{pc}% 清理河道垃圾{k}吨 "
            "整改环境问题{k}个"
        ),
        bureaus=words("县生态环境分局 县林业局 县水利局 县河长办"),
        quotes=words(
            "河水清了，岸边也绿了，晚上出来散步的人多了。 秸秆还田不仅不冒烟，地也更肥了。"
        ),
        people=words("护林员 河道保洁员 环卫工人 村民"),
        activities=words("“六五”环境日宣传 义务植树 河道清理 环保知识进校园"),
    ),
    Topic(  # culture and tourism
        weight=6,
        themes=words(
            "文化旅游融合 全域旅游 群众文化活动 文明城市创建 新时代文明实践 非遗保护 全民阅读"
        ),
        nouns=words(
            "景区 游客 文化广场 农家书屋 非遗 民俗 文艺演出 文旅项目 文化底蕴 旅游线路 {sight} "
            "新时代文明实践站 志愿服务队 图书馆 博物馆 农家乐"
        ),
        actions=words(
            "举办群众文化活动 推进文旅深度融合 打造精品旅游线路 开展文明实践活动 "
            "保护传承非物质文化遗产 丰富群众精神文化生活"
        ),
        goals=words(
            "满足群众日益增长的精神文化需求 让文化成为县域发展的亮丽名片 推动全域旅游提质增效"
        ),
        facts=words(
            "接待游客{k}万人次，实现旅游收入{m}万元 {sight}景区接待游客{k}万人次 "
            "开展文艺演出{k}场次 建成新时代文明实践站{k}个 全县农家书屋藏书{k}万册"
        ),
        bureaus=words("县文旅局 县委宣传部 县文化馆 县图书馆"),
        quotes=words(
            "家门口就能看上演出，我们老年人可高兴了。 来这里住农家院、吃农家饭，孩子们玩得很开心。"
        ),
        people=words("游客 文艺爱好者 非遗传承人 志愿者 农家乐老板"),
        activities=words("广场文艺演出 读书分享会 非遗展演 送戏下乡 文明实践志愿服务"),
    ),
    Topic(  # safety at work and in public
        weight=7,
        themes=words("安全生产 消防安全 森林防火 防汛抗旱 食品安全 安全生产大检查 燃气安全"),
        nouns=words(
            "安全隐患 企业 消防设施 应急预案 危化品 燃气 烟花爆竹 防汛物资 应急救援队伍 "
            "煤矿 非煤矿山 建筑工地 人员密集场所 食品药品"
        ),
        actions=words(
            "开展安全生产大排查大整治 落实企业安全生产主体责任 加强应急值守 开展应急演练 "
            "严厉打击非法违法行为 排查整治安全隐患"
        ),
        goals=words(
            "坚决遏制重特大事故发生 确保全县安全生产形势持续稳定 保障人民群众生命财产安全 "
            "确保不发生较大以上安全事故"
        ),
        facts=words(
            "检查企业{k}家，排查整改隐患{k}处 组织应急演练{k}场次 责令停产整顿{n}家 "
            "储备防汛物资{k}件 对{shop}、{shop}等人员密集场所开展了消防安全检查"
        ),
        bureaus=words("县应急管理局 县消防救援大队 县市场监管局 县林业局"),
        quotes=words(
            "安全生产没有“差不多”，一个隐患都不能放过。 每天上岗前都要检查一遍设备，心里才踏实。"
        ),
        people=words("安全员 消防员 企业负责人 护林员"),
        activities=words("安全生产月宣传咨询日 消防应急演练 “安全生产月”活动"),
    ),
    Topic(  # welfare, jobs and the vulnerable
        weight=7,
        themes=words(
            "脱贫攻坚成果巩固 防返贫监测 社会救助 养老服务 就业创业 退役军人服务 民生实事 "
            "困难群众帮扶"
        ),
        nouns=words(
            "脱贫户 监测对象 低保 特困人员 养老院 日间照料中心 公益性岗位 困难群众 "
            "就业岗位 技能培训 小额信贷 帮扶责任人 退役军人 残疾人"
        ),
        actions=words(
            "开展入户走访 落实各项帮扶政策 加强防返贫动态监测 开展职业技能培训 提供就业岗位 "
            "发放救助资金 开展走访慰问活动"
        ),
        goals=words(
            "坚决守住不发生规模性返贫的底线 让困难群众感受到党和政府的温暖 兜牢民生底线 "
            "实现更加充分更高质量就业"
        ),
        facts=words(
            "发放救助资金{m}万元 新增城镇就业{k}人 开展技能培训{k}人次 "
            "纳入监测对象{k}户{k}人 慰问困难群众{k}户"
        ),
        bureaus=words("县民政局 县人社局 县乡村振兴局 县退役军人事务局 县残联"),
        quotes=words(
            "帮扶干部常来家里，孩子上学的事也帮我们办好了。 "
            "参加了培训，我在县城找到了工作，一个月能挣{k}元。"
        ),
        people=words("脱贫户 帮扶干部 退役军人 务工人员 老人"),
        activities=words("春风行动招聘会 走访慰问 技能培训班 敬老爱老志愿服务"),
    ),
    Topic(  # the county town: housing and its management
        weight=6,
        themes=words("老旧小区改造 城市管理 物业管理 城市更新 棚户区改造 市容环境整治"),
        nouns=words(
            "小区 楼房 道路 绿化 路灯 停车位 物业 背街小巷 雨污管网 公厕 业主 城市面貌 {street} "
            "社区 楼道"
        ),
        actions=words(
            "推进老旧小区改造 规范物业管理 整治背街小巷 改造雨污管网 开展市容环境整治 增设停车位"
        ),
        goals=words("让城市更干净、更整洁、更有序 提升群众居住品质 确保施工安全和进度"),
        facts=words(
            "改造老旧小区{n}个、惠及居民{k}户 新增停车位{k}个 整治背街小巷{n}条 "
            "完成{street}、{street}等{n}条街道的提质改造"
        ),
        bureaus=words("县住建局 县城管局 县自然资源局"),
        quotes=words(
            "小区改造后，楼道亮了，路也平了，住着舒心多了。 物业服务好了，大家交物业费也痛快了。"
        ),
        people=words("小区居民 物业经理 社区干部 业主"),
        activities=words("城市清洁日 物业服务进小区 文明劝导"),
    ),
    Topic(  # law and order
        weight=5,
        themes=words("平安建设 扫黑除恶 矛盾纠纷化解 普法宣传 禁毒 反诈宣传 信访"),
        nouns=words(
            "矛盾纠纷 网格员 电信诈骗 法治宣传 社会治安 信访 人民调解 派出所 综治中心 法律援助 禁毒"
        ),
        actions=words(
            "开展矛盾纠纷排查化解 深化平安建设 加强社会治安防控 开展反诈宣传 推进法治乡村建设"
        ),
        goals=words("确保社会大局和谐稳定 让群众的安全感更足 把矛盾纠纷化解在基层、解决在萌芽状态"),
        facts=words(
            "排查化解矛盾纠纷{k}起 破获电信诈骗案件{n}起，挽回损失{k}万元 开展法治宣传{k}场次"
        ),
        bureaus=words("县委政法委 县公安局 县司法局 县法院 县检察院 县信访局"),
        quotes=words(
            "多亏了调解员，我们两家多年的疙瘩解开了。 民警上门讲防诈骗，我才知道那是骗子。"
        ),
        people=words("民警 调解员 网格员 法官 村民"),
        activities=words("法治宣传进万家 反诈宣传 禁毒宣传 “宪法宣传周”活动"),
    ),
    Topic(  # government services and the digital countryside
        weight=5,
        themes=words("“放管服”改革 政务服务 数字乡村建设 电商进农村 营商环境优化"),
        nouns=words(
            "政务服务中心 办事窗口 审批事项 “一网通办” 电商 直播带货 快递 网店 APP WiFi "
            "5G基站 数据 便民服务站"
        ),
        actions=words(
            "推行“一窗受理” 压缩审批时限 推进“互联网+政务服务” 开展电商培训 实现WiFi全覆盖"
        ),
        goals=words("让群众少跑腿、数据多跑路 打造一流营商环境 让农产品搭上电商快车"),
        facts=words(
            "政务服务事项网上可办率达到{pc}% 审批时限平均压缩{pc}% "
            "全县电商交易额达到{m}万元 "
            "群众可通过“河东发布”APP和微信公众号在线办理{k}项业务"
        ),
        bureaus=words("县行政审批局 县商务局 县政务服务中心 县工信局"),
        quotes=words(
            "以前办营业执照要跑好几趟，现在一次就办好了。 "
            "在手机上开了网店，我家的{product}卖到了全国各地。"
        ),
        people=words("窗口工作人员 电商主播 快递员 个体户"),
        activities=words("电商直播培训 政务服务“好差评” 营商环境座谈会"),
    ),
)
