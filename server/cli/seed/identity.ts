/**
 * Fake but well-formed personal data: Chinese names, mobile numbers and resident identity
 * numbers with a valid GB 11643 check digit. Shared by the demo seed and the benchmark
 * generator; deterministic given the Rng.
 */
import type { Rng } from '../../core/random.js';

/** Stored as in common/schemas/people.ts GENDERS. */
export type Gender = 'male' | 'female';
/** Name fashions differ by birth decade; children born after 2010 are named unlike their grandparents. */
export type Generation = 'elder' | 'adult' | 'child';

// Common surnames with rough relative frequencies (the top few cover a third of the population).
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 72],
  ['李', 70],
  ['张', 68],
  ['刘', 54],
  ['陈', 45],
  ['杨', 33],
  ['赵', 20],
  ['黄', 22],
  ['周', 20],
  ['吴', 20],
  ['徐', 15],
  ['孙', 15],
  ['胡', 13],
  ['朱', 13],
  ['高', 12],
  ['林', 11],
  ['何', 11],
  ['郭', 11],
  ['马', 11],
  ['罗', 9],
  ['梁', 8],
  ['宋', 7],
  ['郑', 7],
  ['谢', 6],
  ['韩', 6],
  ['唐', 6],
  ['冯', 6],
  ['于', 5],
  ['董', 5],
  ['萧', 2],
  ['程', 5],
  ['曹', 5],
  ['袁', 5],
  ['邓', 5],
  ['许', 5],
  ['傅', 4],
  ['沈', 4],
  ['曾', 4],
  ['彭', 4],
  ['吕', 4],
  ['苏', 4],
  ['卢', 4],
  ['蒋', 4],
  ['蔡', 4],
  ['贾', 4],
  ['丁', 4],
  ['魏', 4],
  ['薛', 4],
  ['叶', 4],
  ['阎', 3],
  ['余', 3],
  ['潘', 3],
  ['杜', 3],
  ['戴', 3],
  ['夏', 3],
  ['钟', 3],
  ['汪', 3],
  ['田', 3],
  ['任', 3],
  ['姜', 3],
  ['范', 3],
  ['方', 3],
  ['石', 3],
  ['姚', 3],
  ['谭', 3],
  ['廖', 3],
  ['邹', 3],
  ['熊', 3],
  ['金', 3],
  ['陆', 3],
  ['郝', 3],
  ['孔', 2],
  ['白', 3],
  ['崔', 3],
  ['康', 2],
  ['毛', 2],
  ['邱', 2],
  ['秦', 2],
  ['江', 2],
  ['史', 2],
  ['顾', 2],
  ['侯', 2],
  ['邵', 2],
  ['孟', 2],
  ['龙', 2],
  ['万', 2],
  ['段', 2],
  ['雷', 2],
  ['钱', 2],
  ['汤', 2],
  ['尹', 2],
  ['黎', 2],
  ['易', 2],
  ['常', 2],
  ['武', 2],
  ['乔', 2],
  ['贺', 2],
  ['赖', 2],
  ['龚', 2],
  ['文', 2],
  ['牛', 2],
  ['樊', 1],
  ['申', 1],
  ['温', 1],
  ['闫', 2],
  ['霍', 1],
  ['耿', 1],
  ['柴', 1],
  ['欧阳', 0.3],
  ['司马', 0.1],
];

// One-character given names are drawn from these characters …
const SINGLE_CHARS: Record<Generation, Record<Gender, string>> = {
  elder: { male: '国德福明文忠林生贵祥春山成荣顺', female: '秀兰英珍芳梅华荣花琴香娥云霞' },
  adult: { male: '伟强磊军勇杰涛明超刚平辉鹏华飞波斌宇浩凯健俊帆旭宁龙阳峰亮成斌彬鑫', female: '芳娜敏静丽艳娟霞玲燕婷雪慧红萍琳颖倩洁莹琴云梅兰晶欣丹' },
  child: { male: '浩轩睿博泽俊皓铭辰航逸瑞昊然诚熙煜哲翔', female: '欣怡涵桐语馨佳诺悦琪晴萱彤妍瑶琳菲溪' },
};

// … two-character ones from names people of that generation were commonly given.
const GIVEN_NAMES: Record<Generation, Record<Gender, string>> = {
  elder: {
    male: '国富 国栋 德福 德贵 德明 福生 福林 有才 有福 有财 保国 保全 树林 树森 长生 长林 宝山 金山 金贵 永福 永祥 根生 连生 来福 文华 学礼 志成 兴旺 庆祥 玉明 天福 振山 广田 占元',
    female: '秀英 秀兰 秀珍 桂兰 桂英 桂芝 淑珍 淑英 玉兰 玉珍 玉梅 凤英 凤兰 素珍 素英 翠兰 翠花 金花 兰英 彩云 月英 巧云 爱莲 春兰 菊花 荣华 银花 改莲',
  },
  adult: {
    male:
      '建国 建军 建华 志强 志刚 志明 志勇 海涛 海军 海峰 晓东 晓明 晓峰 晓军 文杰 文斌 文涛 国庆 国平 国强 国华 永刚 永强 红军 卫东 卫国 春生 春雷 立新 立伟 ' +
      '振华 振宇 俊杰 俊峰 浩然 宇航 子豪 家豪 鹏飞 云飞 亚军 亚东 德胜 金龙 玉龙 学军 学文 利民 新民 少华 明亮 明辉 天宇 天明 旭东 东升 宏伟 宏亮 世杰 世平 ' +
      '长江 长青 瑞峰 瑞军 博文 晨阳 宏斌 伟东 俊华 志军 建平 建林 振国 新华 小龙 小军',
    female:
      '丽娟 丽华 丽萍 秀英 秀芳 桂英 玉梅 红梅 红霞 海燕 海霞 春燕 春梅 晓燕 晓丽 晓红 晓静 美玲 美华 淑芬 丽丽 婷婷 静静 雪梅 雅琴 慧敏 慧芳 建英 凤霞 艳红 ' +
      '艳玲 翠萍 小红 小燕 晶晶 佳慧 思琪 文静 雨婷 欣怡 倩倩 宁宁 志红 惠芳 爱华 爱玲 彩霞 金凤 瑞芳 丽君 秋菊 晓梅 亚楠 雅丽 玉洁 红艳 利娟 春花 海英',
  },
  child: {
    male:
      '子轩 浩然 宇轩 梓睿 一诺 梓豪 俊熙 皓轩 宇航 博文 沐宸 浩宇 子墨 奕辰 宇泽 睿泽 明轩 嘉懿 天佑 铭泽 思远 梓轩 俊宇 锦程 晨阳 文博 昊然 瑞霖 一鸣 煜祺 ' +
      '智宸 弘文 逸凡 承泽 云帆 子骞 修杰 绍辉 博涛 梓晨 宇辰 晟睿 泽宇 嘉豪 浩轩 子睿 俊豪 天翊',
    female:
      '梓涵 欣怡 一诺 子涵 雨桐 诗涵 可馨 语嫣 若汐 思彤 佳怡 依诺 梦瑶 紫萱 雨欣 梓萱 诗琪 欣妍 芷若 沐晴 安琪 语桐 婉清 一涵 心怡 思琪 乐瑶 嘉怡 雅婷 晨曦 ' +
      '梓琳 若曦 悦彤 书瑶 甜馨 雨涵 芊芊 可欣 诗雨 佳琪 梓玥 欣然 子萱 思涵 艺涵',
  },
};

const SPLIT = Object.fromEntries(
  (Object.keys(GIVEN_NAMES) as Generation[]).map((g) => [g, { male: GIVEN_NAMES[g].male.split(' '), female: GIVEN_NAMES[g].female.split(' ') }]),
) as Record<Generation, Record<Gender, string[]>>;

/** Share of one-character given names: common among elders, rare among children. */
const SINGLE: Record<Generation, number> = { elder: 0.3, adult: 0.25, child: 0.1 };

export function surname(rng: Rng): string {
  return rng.weighted(SURNAMES);
}

export function givenName(rng: Rng, gender: Gender, generation: Generation): string {
  if (rng.chance(SINGLE[generation])) return rng.pick([...SINGLE_CHARS[generation][gender]]);
  return rng.pick(SPLIT[generation][gender]);
}

export function fullName(rng: Rng, gender: Gender, generation: Generation, family?: string): string {
  return (family ?? surname(rng)) + givenName(rng, gender, generation);
}

// Real mobile number segments of the three carriers.
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '134',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '173',
  '175',
  '176',
  '177',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '198',
  '199',
];

// County codes: most workers are local to the Shanxi coalfield, some come from neighbouring provinces.
const LOCAL_AREAS = [
  '140105',
  '140106',
  '140302',
  '140321',
  '140402',
  '140425',
  '140521',
  '140522',
  '140525',
  '140581',
  '140702',
  '140724',
  '141121',
  '141181',
];
const MIGRANT_AREAS = ['410522', '411522', '412726', '510722', '511321', '341222', '342221', '130627', '610321', '620521'];

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The GB 11643 check character for the first 17 digits. */
export function idCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

export function isValidIdNumber(id: string): boolean {
  return /^\d{17}[\dX]$/.test(id) && idCheckDigit(id.slice(0, 17)) === id[17];
}

export function randomBirthDate(rng: Rng, fromYear: number, toYear: number): string {
  const y = rng.int(fromYear, toYear);
  const m = rng.int(1, 12);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const d = rng.int(1, days);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Hands out phones and identity numbers that are unique within one data set, as a real
 * roster's are (import and search depend on that).
 */
export class IdentityPool {
  private phones = new Set<string>();
  private idNumbers = new Set<string>();

  constructor(private rng: Rng) {}

  phone(): string {
    for (;;) {
      const p = this.rng.pick(MOBILE_PREFIXES) + this.rng.digits(8);
      if (!this.phones.has(p)) {
        this.phones.add(p);
        return p;
      }
    }
  }

  /** Birth date 'YYYY-MM-DD'; the sequence digit is odd for men and even for women, as the standard says. */
  idNumber(birthDate: string, gender: Gender, migrant = false): string {
    for (;;) {
      const area = this.rng.pick(migrant ? MIGRANT_AREAS : LOCAL_AREAS);
      const parity = gender === 'male' ? this.rng.pick([1, 3, 5, 7, 9]) : this.rng.pick([0, 2, 4, 6, 8]);
      const first17 = area + birthDate.replaceAll('-', '') + this.rng.digits(2) + parity;
      const id = first17 + idCheckDigit(first17);
      if (!this.idNumbers.has(id)) {
        this.idNumbers.add(id);
        return id;
      }
    }
  }
}
