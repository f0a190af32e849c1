/**
 * The union-domain normalisation table for group-alert similarity. Workers say the same
 * thing many ways (加班费 / 加班工资 / 加班的钱; 拖欠 / 没发 / 压着不给); each line maps
 * those phrasings to one concept, so paraphrases share tokens that plain word overlap
 * would miss. Longest phrase wins (加班费 before 加班; the first line listing a phrase
 * keeps it).
 *
 * Every concept has a role:
 * - `topic`: what the appeal is about (加班费, 食堂, 宿舍, 年终奖 …);
 * - `problem`: what went wrong, grouped in families (unpaid, cut, unfair, too dear …).
 *   Two appeals on one topic with problems of different families are different issues:
 *   an unpaid bonus is not an unfairly split one;
 * - `inquiry`: the appeal asks how something works rather than complains;
 * - `context`: words that help the score a little but identify nothing (工资, 政策).
 * The weight says how much a shared concept counts in the score.
 *
 * Extend it from real appeals that should have matched and did not; bench/appeals/eval.ts
 * shows the effect on precision and recall.
 */
export type ConceptRole = 'topic' | 'problem' | 'inquiry' | 'context';

export interface Concept {
  concept: string;
  role: ConceptRole;
  /**
   * Problem family; problems of one family are the same complaint in other words. On a
   * topic, the family the topic itself implies (同工同酬 is a fairness complaint whatever
   * words follow).
   */
  family?: string;
  weight: number;
  variants: string[];
}

const words = (s: string) => s.split(/\s+/).filter(Boolean);
const topic = (concept: string, weight: number, variants: string, implies?: string): Concept => ({
  concept,
  role: 'topic',
  family: implies,
  weight,
  variants: words(variants),
});
const context = (concept: string, weight: number, variants: string): Concept => ({ concept, role: 'context', weight, variants: words(variants) });
const problem = (concept: string, family: string, weight: number, variants: string): Concept => ({
  concept,
  role: 'problem',
  family,
  weight,
  variants: words(variants),
});

export const LEXICON: Concept[] = [
  // ---- pay ----
  topic('加班费', 3, '加班费 加班工资 加班报酬 加班补助 加班补贴 加点费 加班的钱 加班钱 加班费用 延点费 值班费 加班这一项'),
  context('加班', 1.5, '加班 连班 加点 延时 延点 超时工作 值班'),
  topic('夜班津贴', 3, '夜班津贴 夜班补贴 夜班补助 夜班费 夜班钱 夜餐补助 夜班的钱'),
  context('夜班', 1, '夜班 倒班 上夜班'),
  topic('井下津贴', 3, '井下津贴 井下补贴 下井补贴 入井津贴 入井补贴 井下岗位津贴 下井费 井下费 下井津贴'),
  topic('高温补贴', 3, '高温补贴 高温津贴 高温费 防暑降温费 降温费 高温补助'),
  context('高温', 1, '高温 天气热 中暑'),
  topic('年终奖', 3, '年终奖 年终奖金 年底奖金 年终绩效奖 年终绩效 年底奖'),
  topic('绩效奖金', 2.5, '绩效奖金 绩效工资 绩效奖 奖金 季度奖 绩效'),
  context('津贴', 1, '津贴 补贴 补助'),
  topic('计件', 3, '计件 计件工资 计件单价 单价 进尺单价 每米进尺 按件计酬 工分'),
  topic('工资条', 3, '工资条 工资单 工资明细 工资清单 收入明细'),
  topic('同工同酬', 3, '同工同酬 同工不同酬 同岗同酬 同岗不同酬 同岗不同薪 同工同薪 干一样的活 干同样的工作 同一个岗位 一起下井 身份不同', 'unfair'),
  context('用工身份', 1, '派遣工 劳务派遣 派遣 正式工 在编 合同工 合同制 临时工 农民工 老工人'),
  topic('涨薪', 2.5, '涨工资 加薪 调资 调整工资 提高工资 工资调整 涨薪 调整工资标准'),
  topic('个税', 2.5, '个税 个人所得税 扣税'),
  topic('技能津贴', 3, '技能津贴 技能等级 高级工 技能工资'),
  // The least specific topic: any wage appeal names it; heavier topics decide first when present.
  topic('工资', 1.5, '工资 薪水 薪资 薪酬 工钱 月薪 收入 基本工资 工资款 薪金 待遇 发薪日 发薪 工资日'),
  // ---- benefits ----
  topic('食堂', 3, '食堂 饭菜 伙食 职工餐 饭堂 班中餐 伙食费 饭钱 吃饭 一份饭 开饭 夜宵'),
  topic('班车', 3, '班车 通勤车 通勤班车 交通车 接送车 职工班车 上下班没有车'),
  topic('劳保用品', 3, '劳保用品 劳保 劳动防护用品 防护用品 工作服 工装 手套 口罩 防尘口罩 耳塞 劳保鞋 劳保手套'),
  topic('年休假', 3, '年休假 年假 带薪年假 带薪休假 休假制度 休年假 未休假 休假'),
  topic('社保', 3, '社保 社会保险 五险 养老保险 失业保险 缴费记录 社保局'),
  topic('公积金', 3, '公积金 住房公积金 公积金中心'),
  topic('疗休养', 3, '疗休养 疗养 休养 疗养名额'),
  topic('节日福利', 3, '节日福利 过节费 中秋福利 春节福利 福利品 慰问品 节日慰问 月饼 米面油'),
  topic('澡堂', 3, '澡堂 浴室 洗澡 洗澡水 热水 喷头'),
  topic('困难补助', 3, '困难补助 困难职工 帮扶 大病救助 救助'),
  // ---- housing ----
  topic('宿舍', 2, '宿舍 职工宿舍 单身宿舍 单身公寓 公寓 寝室 宿舍楼 住处 住宿'),
  topic('住房', 2, '住房 房子 公租房 周转房 分房 住房分配 买房 房贷 贷款买房 房改房 产权证'),
  topic('房租水电', 2.5, '房租 租金 住宿费 水电费 暖气费'),
  // ---- medical ----
  topic('报销', 3, '报销 报账 报不了 报不下来 报销款 医药费报销 医疗报销 不给报'),
  context('医药费', 1, '医药费 医疗费 住院费用 住院费 看病 就医 住院 单据 材料'),
  topic('医保', 2.5, '医保 医疗保险 医保卡 大病保险 补充医疗'),
  topic('工伤', 3, '工伤 受伤 伤残 伤残鉴定 工伤认定 工伤待遇 工伤赔偿 停工留薪'),
  topic('职业病体检', 3, '职业病 尘肺 尘肺病 矽肺 职业健康 体检 胸片 接尘 两癌筛查'),
  topic('防尘', 3, '降尘 防尘 喷雾 粉尘 粉尘浓度 煤尘 吸粉尘 满鼻子', 'hazard'),
  // Not 排队: workers queue at the canteen, the bus, the lamp room — a queue names no topic.
  topic('就诊', 2.5, '挂号 医生 医务室 矿医院 职工医院 卫生所'),
  // ---- children ----
  topic('子女就业', 3, '子女就业 子女安置 孩子就业 子女招工 子女招聘 子弟就业 子女进矿 内部招聘 内招 招不招'),
  context('子女', 1.5, '子女 孩子'),
  context('招聘', 1.5, '招聘 招工 招录 报名 名额 考试'),
  topic('子女教育', 3, '助学金 托儿所 托管 夏令营 上学 实习'),
  topic('培训', 2.5, '培训 技能培训 学习'),
  // ---- anti-corruption ----
  topic('受贿', 3, '收红包 送红包 红包 吃拿卡要 送礼 收礼 受贿 索要 好处费 收受 回扣 烟酒 财物', 'corrupt'),
  topic('采购', 3, '采购 招标 投标 供应商 物资 物资科 大宗物资', 'corrupt'),
  context('干部', 1, '班长 班组长 队长 队干部 领导 干部 主任 科长 管理人员 机关'),
  topic('公车公款', 3, '公车私用 公车 公款吃喝 公款 发票', 'corrupt'),
  // ---- fairness ----
  topic('评先评优', 3, '评先评优 评先 评优 先进评选 先进个人 评先进 先进 劳模 评选 先进名单 评比'),
  topic('职称', 3, '职称 职称评定 职称评审 评职称 职称评聘 工程师'),
  context('分配', 1.5, '分配 二次分配 分钱 分配方案 怎么分的'),
  topic('调岗', 2.5, '调岗 转岗 换岗 岗位调整 竞聘 岗位竞聘'),
  topic('考核', 2.5, '考核 打分 考评 奖惩'),
  // ---- other ----
  topic('考勤', 3, '考勤 考勤机 打卡 刷脸 人脸 打不上卡 迟到 缺勤 全勤 刷卡'),
  topic('劳动合同', 3, '劳动合同 合同到期 续签 不续签 辞退 经济补偿'),
  topic('安全隐患', 2, '安全隐患 隐患 安全事故 顶板 裂缝 消防', 'hazard'),
  topic('排班', 2.5, '排班 四班三倒 三班两倒 休息日 轮休'),

  // ---- what went wrong (problem families) ----
  // Short of what is due — not paid, paid late, cut, too little, shoddy: workers mix these
  // words for one grievance (高温补贴没发 / 只发了一个月; 工资晚发 / 推迟半个月 / 一拖再拖), so they form one family.
  problem(
    '欠发',
    'shortfall',
    2,
    `拖欠 欠发 欠薪 拖发 缓发 迟发 晚发 没发 未发 不发 没有发 没有发放 未发放 至今没有发放 一直未发放 没给 没有给 不给 一直不给
    拖着不发 拖着不给 拖着没发 压着不给 压着不发 拖延发放 延迟发放 未按时发放 没按时发 没有按时发放 没到账 未到账 不到账 没有到账 还没到账
    一直没有到账 迟迟不到账 没兑现 未兑现 没有兑现 不兑现 没见到 一分没见到 一分没有 没拿到 拿不到 没报下来 没下来 没有消息 还没发 还没有发
    欠了 欠着 拖了 被拖 好久没发 没发过 一直没发 未缴 没缴 没有缴 没交 不交 断缴 停缴 欠缴 没有缴存 不给缴 一直没交 补发 补缴 尽快发放
    没落实 没有落实 不落实 没安排 还没安排 不批 一直不批 休不了 不给聘 不给做 拖着不办 不办 互相推 推来推去 查不到
    漏发 漏缴 漏交
    推迟 延后 推后 往后拖 一拖再拖 拖延 拖了又拖 到账太晚 到账晚 越来越晚 发晚了 不按时 按时发`,
  ),
  problem('报销慢', 'shortfall', 2, '太慢 拖得太久 周期太长 迟迟 还在审核 等半年 跑了好几趟 手续复杂 等不起'),
  // less than before: deducted, cut, lowered, cancelled
  problem(
    '减扣',
    'shortfall',
    2,
    `克扣 扣发 乱扣 无故扣 扣钱 扣掉 被扣 扣了 少发 打折发放 只发了一半 少了一半 扣除 扣我 扣我们 扣工资 扣发的
    降低 下调 减少 降到 降了 砍了 被砍 压低 被压低 变少 少了 下降 缩水 取消 取消了 停开 停了 减到 没有了 缩减 恢复 太低 只有他们一半 降薪 降工资`,
  ),
  problem('不足', 'shortfall', 2, '不够 不够用 缺少 太少 领不到 不足 没地方 座位不够'),
  problem('涨价', 'costlier', 2, '涨价 价格上涨 上涨 变贵 太贵 贵了 提价 价格提高 涨了 又贵 越来越贵 上调 菜贵 比外面还贵 比市场高'),
  problem('质量差', 'shortfall', 2, '质量差 质量很差 质量不行 不好吃 难吃 不新鲜 变质 坏了 走形式 不管用 失败 识别不了 不准 故障 出错 设施差 太旧'),
  problem('卫生差', 'hygiene', 2.5, '卫生很差 卫生差 不卫生 苍蝇 食品安全'),
  problem('时间不便', 'timing', 2, '太早 太晚 赶不上 时间太长 来不及'),
  problem('腐败', 'corrupt', 2, '猫腻 腐败 虚高 吃回扣 关系户 指定 暗中'),
  problem(
    '不公',
    'unfair',
    2,
    `不公开 不透明 暗箱操作 内定 没有公示 不公示 公示 公开 走过场 说了算 没人知道 无法监督 看关系 只看关系 定下来
    不公平 不公正 不合理 不公 不均 不服 偏向 倾斜 一个样 优亲厚友 走后门 没份 评不上 差距太大 吃亏 歧视 总是给 总是那几个 都是领导
    挤占 挤掉 被挤 顶替`,
  ),
  problem('核算错误', 'miscalculated', 2.5, '计算标准 计算基数 核算 算少了 算错 少算 漏算 按一倍半 倍数 按两倍 按三倍 计算方法 没按'),
  problem('漏水', 'leaking', 3, '漏水 渗水 漏雨 滴水 返潮 潮湿 发霉 霉味 水印 防水 淌水'),
  problem('寒冷', 'cold', 3, '暖气 供暖 取暖 暖气片 暖气管道 太冷 冻得 不热 凉的 冰凉'),
  problem('拥挤', 'crowded', 3, '太挤 拥挤 八人间 八个人 人数太多 床位紧张 加床 四人间 住得挤 挤得'),
  problem('过度', 'excessive', 2, '太多 太大 超标 太长 太重 吃不消 受不了'),
  problem('不对', 'mismatch', 2, '不对 不合适 不符 尺码 对不上'),
  // Nobody answers: said alongside any complaint, so it does not tell one issue from another.
  context('无人管', 1, '没人管 没人修 没人来修 没人处理 没人答复 没人回复 也没用 没人解释'),

  // ---- asking rather than complaining ----
  {
    concept: '咨询',
    role: 'inquiry',
    weight: 1,
    variants: words(`请问 想问 想咨询 咨询一下 想了解 了解一下 怎么算 怎么计算 怎么办理 怎么申请 怎么报名 如何 是多少 多少 哪些 哪里 在哪 去哪里
      流程 需要什么 是什么 有没有 是否 按什么 按天还是 还是按 怎么定 怎么调整 能不能带`),
  },
  // A suggestion is not a complaint either: it matches other suggestions, not grievances.
  { concept: '建议', role: 'inquiry', weight: 1, variants: words('建议 能否增加 能不能增加 可否') },
  context('政策', 0.5, '政策 规定 文件 条件 标准 依据 制度 法律'),
  context('数月', 1, '三个月 好几个月 几个月 两个多月 两个月 数月 半年 一个季度 快一个季度 很长时间 好久 多年 很多年'),
];

/** Residual one-character words that still name a concept once the phrases are gone. */
export const SINGLE_CHARS: Record<string, string> = { 扣: '减扣', 欠: '欠发', 贵: '涨价', 漏: '漏水', 冷: '寒冷', 挤: '拥挤' };

/**
 * Words that carry no issue: who is speaking, to whom, and how politely. Dropped after
 * segmentation. Single characters are dropped anyway.
 */
export const STOPWORDS = new Set(
  words(`我 我们 你 你们 他 他们 她 大家 自己 工友 工友们 职工 工人 员工 同事 一线 一线工人 一线职工 矿上 厂里 单位 公司 集团 车间 队里 班组 部门
   工会 请 请求 希望 要求 反映 想 问 问了 帮忙 帮助 督促 尽快 能否 能不能 可以 是不是 怎么 怎么办 为什么 什么 什么时候
   问题 情况 事情 意见 说法 解释 说明 回复 答复 处理 解决 落实 原来 以前 现在 目前 今年 去年 明年 这个月 上个月 这两个月 每个月 每月 每天 一直 已经 还是 还 也 都 就 又 再
   很 非常 特别 比较 一些 一点 很多 好多 所有 这 那 这个 那个 这些 那些 的 了 着 过 是 在 和 与 及 或 但 但是 却 而 而且 并 因为 所以 如果 只 只能 只有 没有
   一下 一次 有 会 要 能 给 让 被 把 对 向 从 到 为 按 跟 等 等等 说 讲 看 找 用 做 干 月 年 天 块 元 钱 个 名 人 号 经常 都是 也没 也不 都没 都没有 也没有 一个 二号 一号 三号`),
);
