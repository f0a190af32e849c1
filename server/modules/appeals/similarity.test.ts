import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_APPEAL_SETTINGS } from '../../../common/appeals.js';
import { groups, loadSet, pairwise, signatures } from '../../../bench/appeals/eval.js';
import { decideGroup } from './groupAlert.decide.js';
import { sharedKeywords, signatureOf, similarity } from '../../core/similarity/index.js';

const θ = DEFAULT_APPEAL_SETTINGS.groupThreshold;
const sim = (a: string, b: string, forceBigrams = false) => similarity(signatureOf(a, '', { forceBigrams }), signatureOf(b, '', { forceBigrams }));

describe('similarity of Chinese appeals', () => {
  it('matches a paraphrase that shares almost no words', () => {
    expect(signatureOf('三个月没发加班费', '')).toEqual(expect.arrayContaining(['#加班费', '#欠发', '#数月']));
    expect(sim('三个月没发加班费', '加班工资拖欠了好几个月')).toBeGreaterThanOrEqual(θ);
    expect(sim('宿舍一下雨就漏水', '职工宿舍屋顶渗水发霉')).toBeGreaterThanOrEqual(θ);
  });

  it('keeps apart the same words about another issue, and a complaint from a question', () => {
    expect(sim('三个月没发加班费', '加班费计算标准不对，只按一倍半算')).toBeLessThan(θ);
    expect(sim('食堂饭菜涨价太多', '食堂卫生很差，有苍蝇')).toBeLessThan(θ);
    expect(sim('夜班津贴被克扣了一半', '想咨询夜班津贴的发放标准是多少')).toBeLessThan(θ);
    expect(sim('年终奖还没发', '年终奖分配不均，机关比一线多')).toBeLessThan(θ);
    expect(sim('宿舍一下雨就漏水', '宿舍暖气不热，晚上冻得睡不着')).toBeLessThan(θ);
  });

  it('still works without ICU, on character bigrams plus the lexicon', () => {
    expect(sim('三个月没发加班费', '加班工资拖欠了好几个月', true)).toBeGreaterThanOrEqual(θ);
    expect(sim('三个月没发加班费', '食堂饭菜涨价太多', true)).toBe(0);
  });

  it('takes the same rare words for one grievance where the lexicon knows no shared topic, whatever problem it reads', () => {
    expect(sim('防寒棉衣今年没发', '防寒棉衣是不是漏发了')).toBeGreaterThanOrEqual(θ);
    // A suggestion and a complaint about the same new thing: one grievance too.
    expect(sim('防寒棉衣今年没发', '建议今年早点发防寒棉衣')).toBeGreaterThanOrEqual(θ);
    // Where the lexicon knows the topic both name, its gates stand: a complaint is not a question.
    expect(sim('矿工节慰问品没发', '想问一下矿工节慰问品发什么')).toBeLessThan(θ);
  });

  it('reads the words a single character hides and the ways of saying "paid late" as the lexicon means them', () => {
    // 漏 alone is a leak; 漏发 / 漏缴 is unpaid, like 没发.
    expect(signatureOf('慰问品是不是漏发了', '')).not.toContain('#漏水');
    expect(sim('矿工节慰问品没发', '矿工节慰问品是不是漏发了')).toBeGreaterThanOrEqual(θ);
    // Late is short of what is due on the day: 晚发 / 推迟 / 一拖再拖 are one grievance.
    expect(sim('这个月工资又晚发了', '工资推迟半个月才发')).toBeGreaterThanOrEqual(θ);
    expect(sim('发薪日一拖再拖', '工资推迟半个月才发')).toBeGreaterThanOrEqual(θ);
    // A queue is not a clinic: 排队 names no topic.
    expect(signatureOf('食堂打饭排队太久', '')).not.toContain('#就诊');
  });

  it('labels a group by what its members share', () => {
    const sigs = ['三个月没发加班费', '加班工资拖欠了', '加班费一直没给'].map((x) => signatureOf(x, ''));
    expect(sharedKeywords(sigs).slice(0, 2)).toEqual(['加班费', '欠发']);
  });

  it('counts distinct workers, not appeals, and joins an active alert rather than raising a second', () => {
    const tok = signatureOf('加班费拖欠', '加班费三个月没发');
    const c = (id: string, authorKey: string, alertId: string | null = null, alertActive = false) => ({ id, authorKey, tokens: tok, alertId, alertActive });
    const rule = { minWorkers: 5, threshold: θ };
    expect(decideGroup({ id: 'n', authorKey: 'w1', tokens: tok }, [c('1', 'w1'), c('2', 'w1'), c('3', 'w2'), c('4', 'w3'), c('5', 'w4')], rule).action).toBe(
      'none',
    );
    expect(decideGroup({ id: 'n', authorKey: 'w5', tokens: tok }, [c('1', 'w1'), c('2', 'w1'), c('3', 'w2'), c('4', 'w3'), c('5', 'w4')], rule)).toMatchObject({
      action: 'raise',
      workerCount: 5,
    });
    expect(decideGroup({ id: 'n', authorKey: 'w6', tokens: tok }, [c('1', 'w1', 'A', true), c('2', 'w2')], rule)).toMatchObject({
      action: 'join',
      alertId: 'A',
    });
    // A dismissed alert's members are spent.
    expect(
      decideGroup(
        { id: 'n', authorKey: 'w6', tokens: tok },
        [1, 2, 3, 4].map((i) => c(String(i), `w${i}`, 'D', false)),
        rule,
      ).action,
    ).toBe('none');
  });

  it('raises on a cluster whose appeals are each like another, though none is like the newest at the threshold; one loose link is not enough', () => {
    // Plain words (no lexicon topic, no n-grams): the score is the share of words in common.
    const newest = ['矿灯房', '排队', '窗口', '领灯', '早班', '耽误', '下井', '太久', '交接', '发灯', '效率', '大姐'];
    const rule = { minWorkers: 5, threshold: θ };
    const appeal = (i: number, fromNewest: string[], common: string[]) => ({
      id: String(i),
      authorKey: `w${i}`,
      tokens: [...fromNewest, ...common, ...Array.from({ length: 10 - fromNewest.length - common.length }, (_, j) => `其他${i}${j}`)].sort(),
      alertId: null,
      alertActive: false,
    });
    // Each shares three other words with the newest (0.27: below the threshold) and three with each other.
    const cluster = [0, 1, 2, 3].map((i) => appeal(i, newest.slice(i * 3, i * 3 + 3), ['交灯', '升井', '半小时']));
    for (const c of cluster) expect(similarity(newest, c.tokens)).toBeLessThan(θ);
    expect(decideGroup({ id: 'n', authorKey: 'w9', tokens: newest }, cluster, rule)).toMatchObject({ action: 'raise', workerCount: 5 });
    // The same links to the newest, nothing in common with each other: a star of loose links raises nothing.
    const loose = [0, 1, 2, 3].map((i) => appeal(i, newest.slice(i * 3, i * 3 + 3), []));
    expect(decideGroup({ id: 'n', authorKey: 'w9', tokens: newest }, loose, rule).action).toBe('none');
    // Alike among themselves but barely like the newest (two words of twelve): not its cluster.
    const far = [0, 1, 2, 3].map((i) => appeal(i, newest.slice(i * 3, i * 3 + 2), ['交灯', '升井', '半小时']));
    expect(decideGroup({ id: 'n', authorKey: 'w9', tokens: newest }, far, rule).action).toBe('none');
  });

  it('reaches, in two steps, an appeal like two of the cluster though nothing like the newest; one such link is not enough', () => {
    const w = (p: string, n: number) => Array.from({ length: n }, (_, i) => `${p}${i}`);
    const newest = w('甲', 10);
    const rule = { minWorkers: 5, threshold: θ };
    const appeal = (id: string, tokens: string[]) => ({
      id,
      authorKey: `w${id}`,
      tokens: [...tokens, ...w(`其他${id}`, 10 - tokens.length)].sort(),
      alertId: null,
      alertActive: false,
    });
    // Three like the newest (five words of ten each): four workers with it, one short.
    const a = appeal('a', [...newest.slice(0, 5), ...w('乙', 5)]);
    const b = appeal('b', [...newest.slice(5, 10), ...w('乙', 5)]);
    const c = appeal('c', [newest[0], newest[2], newest[4], newest[6], newest[8]]);
    // The fifth shares five words with a and with b, none with the newest.
    const d = appeal('d', w('乙', 5));
    expect(similarity(newest, d.tokens)).toBe(0);
    expect(similarity(a.tokens, d.tokens)).toBeGreaterThanOrEqual(θ);
    expect(decideGroup({ id: 'n', authorKey: 'w9', tokens: newest }, [a, b, c, d], rule)).toMatchObject({
      action: 'raise',
      workerCount: 5,
      members: ['a', 'b', 'c', 'd', 'n'],
    });
    // Like a alone: not reached.
    const bAlone = appeal('b', newest.slice(5, 10));
    expect(decideGroup({ id: 'n', authorKey: 'w9', tokens: newest }, [a, bAlone, c, d], rule).action).toBe('none');
  });
});

describe('the hand-labelled evaluation set', () => {
  const set = loadSet(path.join(__dirname, '../../../bench/appeals/eval-set.json'));
  const sigs = signatures(set);

  it('has at least 300 appeals in groups, near misses and noise', () => {
    expect(set.appeals.length).toBeGreaterThanOrEqual(300);
    const kinds = new Set(set.appeals.map((a) => a.kind));
    for (const k of ['group', 'nearMiss', 'noise', 'sameWorker', 'otherUnit', 'sameWordsOtherIssue', 'stale']) expect(kinds).toContain(k);
  });

  it('reaches pairwise precision 0.85 and recall 0.95, and 0.9 per alert, at the default threshold', async () => {
    const p = pairwise(set, sigs, θ);
    // The n-gram half trades a little pairwise precision for recall on unknown topics; alerts stay precise.
    expect(p.precision).toBeGreaterThanOrEqual(0.85);
    expect(p.recall).toBeGreaterThanOrEqual(0.95);
    const g = await groups(set, sigs, θ);
    expect(g.alertPrecision).toBeGreaterThanOrEqual(0.9);
    expect(g.alertRecall).toBeGreaterThanOrEqual(0.9);
  });
});

describe('the second hold-out set (written before any change, never tuned on)', () => {
  const set = loadSet(path.join(__dirname, '../../../bench/appeals/eval-holdout2.json'));

  it('has at least 80 appeals on new topics, with groups, near misses and noise', () => {
    expect(set.appeals.length).toBeGreaterThanOrEqual(80);
    const kinds = new Set(set.appeals.map((a) => a.kind));
    for (const k of ['group', 'nearMiss', 'sameWordsOtherIssue', 'noise', 'smallGroup', 'sameWorker', 'otherUnit', 'stale']) expect(kinds).toContain(k);
    expect(new Set(set.appeals.filter((a) => a.kind === 'group').map((a) => a.group)).size).toBeGreaterThanOrEqual(10);
  });

  it('does not fall below the figures measured on 2026-11-25 (far from the 0.9 aim: see bench/RESULTS.md)', async () => {
    const p = pairwise(set, signatures(set), θ);
    expect(p.precision).toBeGreaterThanOrEqual(0.55);
    expect(p.recall).toBeGreaterThanOrEqual(0.5);
    // The alerts that do fire are right.
    expect((await groups(set, signatures(set), θ)).alertPrecision).toBeGreaterThanOrEqual(0.9);
  });
});
