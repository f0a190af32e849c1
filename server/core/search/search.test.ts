import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.js';
import { countMatchesUpTo, createSearchIndex, deleteSearchDoc, matchesRef, searchRefs, upsertSearchDoc } from './search.js';
import { indexText, queryTerms, segmentWords } from './segment.js';

describe('Chinese segmentation', () => {
  it('indexes overlapping bigrams per Han run and keeps Latin words whole', () => {
    expect(indexText('拖欠工资，要求维权！PDF附件')).toBe('拖欠 欠工 工资 资 要求 求维 维权 权 pdf 附件 件');
    expect(indexText('ＡＢＣ１２３')).toBe('abc123');
  });

  it('turns a query into phrase terms, and a single character into a prefix term', () => {
    expect(queryTerms('加班费 房')).toEqual([
      { tokens: ['加班', '班费'], prefix: false },
      { tokens: ['房'], prefix: true },
    ]);
    expect(queryTerms('，。！')).toBeNull();
  });

  it('segments words with ICU, and falls back to bigrams without it', () => {
    expect(segmentWords('加班工资拖欠了')).toEqual(['加班', '工资', '拖欠', '了']);
    expect(segmentWords('加班工资', { forceBigrams: true })).toEqual(['加班', '班工', '工资']);
  });
});

describe('search index on the database engine', () => {
  const t = useTestApp();
  const INDEX = 'zz_search_probe';
  const docs: Record<string, string> = {
    a: '单位拖欠工资三个月，请工会帮助维权',
    b: '职工宿舍漏水，住房条件差',
    c: '加班费一直没有发放',
    d: '食堂饭菜涨价 Canteen prices',
    e: '工，资料不全',
  };
  const ids = Object.fromEntries(Object.keys(docs).map((k, i) => [k, `00000000-0000-7000-8000-00000000000${i}`]));
  const byId = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));

  /** The matches of `q`, found the three ways a reader may ask: which ids, each row's test, how many. */
  async function find(q: string) {
    const sub = searchRefs(t.db, INDEX, q);
    if (!sub) return [];
    const rows = await t.db
      .selectFrom(INDEX as any)
      .select('ref_id')
      .where('ref_id', 'in', sub as any)
      .execute();
    const found = rows.map((r: any) => byId[r.ref_id]).sort();
    const tested = await t.db
      .selectFrom(`${INDEX} as d` as any)
      .select('d.ref_id')
      .where(() => matchesRef(t.db, INDEX, q, 'd.ref_id')!)
      .execute();
    expect(tested.map((r: any) => byId[r.ref_id]).sort()).toEqual(found);
    expect(await countMatchesUpTo(t.db, INDEX, q, 1)).toBe(Math.min(found.length, 2));
    return found;
  }

  it('finds two-character words such as 工资, 维权, 住房 and nothing across punctuation', async () => {
    await createSearchIndex(t.db, INDEX);
    for (const [k, text] of Object.entries(docs)) await upsertSearchDoc(t.db, INDEX, ids[k], text);
    expect(await find('工资')).toEqual(['a']);
    expect(await find('维权')).toEqual(['a']);
    expect(await find('住房')).toEqual(['b']);
    expect(await find('加班费')).toEqual(['c']);
    // 工，资 is not the word 工资.
    expect(await find('工资')).not.toContain('e');
    expect(await find('工会 维权')).toEqual(['a']);
    expect(await find('canteen')).toEqual(['d']);
    expect(await find('房')).toEqual(['b']);
    expect(await find('资')).toEqual(['a', 'e']);
    expect(await find('医疗')).toEqual([]);
  });

  it('follows updates and deletions of a document', async () => {
    await upsertSearchDoc(t.db, INDEX, ids.b, '医疗报销比例降低');
    expect(await find('住房')).toEqual([]);
    expect(await find('医疗')).toEqual(['b']);
    await deleteSearchDoc(t.db, INDEX, ids.b);
    expect(await find('医疗')).toEqual([]);
  });
});
