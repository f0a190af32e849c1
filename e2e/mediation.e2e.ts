/**
 * 劳动争议调解 as people use it, in real Chromium against the built server with the demo data:
 * union staff refer a worker's appeal to mediation and register the case, the mediator records
 * the agreement with its performance deadline, and the worker sees the agreement and that
 * deadline on a 375 px phone and downloads the 调解协议书 (.docx).
 */
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, apiAs, horizontalOverflow, login, newPage, shot, strict, useE2E } from './harness.js';

const e2e = useE2E();
const day = (n: number) => new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);
let casePath = '';

describe('an appeal referred to mediation ends in an agreement', () => {
  it('staff refer the appeal and register the case in the worker’s name; the mediator records the agreement', async () => {
    const worker = strict(await apiAs(e2e.server.url, 'worker'));
    const appeal = await worker<{ id: string }>('POST', '/appeals', {
      category: 'wages',
      title: '十月工资至今未发',
      description: '综采一队十月工资一直没有发放，请工会帮助。',
    });

    const { context, page } = await newPage(e2e.browser, DESKTOP);
    await login(page, e2e.server.url, 'staff');
    await page.goto(`${e2e.server.url}/appeals/${appeal.id}`);
    await page.getByTestId('appeal-refer-mediation').click();
    await page.getByTestId('mediation-from-appeal').waitFor();
    await page.getByTestId('mediation-respondent').fill('华能煤业集团一号矿');
    await page.getByTestId('mediation-dispute-date').fill(day(-20));
    await page.getByTestId('mediation-summary').fill('十月工资 6800 元未发放，单位称资金紧张。');
    await page.getByTestId('mediation-claim-0').fill('补发十月工资');
    await page.getByTestId('mediation-amount-0').fill('6800');
    await page.getByTestId('mediation-submit').click();
    await page.waitForURL(/\/mediation\/cases\/[0-9a-f-]{36}$/);
    casePath = new URL(page.url()).pathname;
    expect(await page.getByTestId('mediation-status').first().textContent()).toBe('待受理');
    await context.close();

    // Acceptance goes through the API: the page under test is the agreement form.
    const mediator = strict(await apiAs(e2e.server.url, 'mediator'));
    await mediator('POST', `${casePath}/accept`, {});
    const m = await newPage(e2e.browser, DESKTOP);
    await login(m.page, e2e.server.url, 'mediator');
    await m.page.goto(`${e2e.server.url}${casePath}`);
    await m.page.getByTestId('mediation-action-agreement').click();
    await m.page.getByTestId('mediation-field-terms').fill('被申请人于协议签订后十日内一次性支付十月工资 6500 元。');
    await m.page.getByTestId('mediation-field-agreedAmount').fill('6500');
    await m.page.getByTestId('mediation-field-performanceDue').fill(day(10));
    await m.page.getByTestId('mediation-field-respondentSigner').fill('一号矿 人力资源部 王经理');
    await m.page.getByTestId('mediation-action-submit').click();
    await expect.poll(() => m.page.getByTestId('mediation-status').first().textContent()).toBe('已达成协议');
    await m.page.getByTestId('mediation-performance').waitFor();
    await shot(m.page, 'mediation-agreed-desktop');
    await m.context.close();
  });

  it('the worker sees the agreement and its deadline on a phone and downloads the 调解协议书', async () => {
    const { context, page } = await newPage(e2e.browser, { ...PHONE, acceptDownloads: true });
    await login(page, e2e.server.url, 'worker');
    await page.goto(`${e2e.server.url}${casePath}`);
    const outcome = page.getByTestId('mediation-outcome');
    await outcome.waitFor();
    expect(await outcome.textContent()).toContain('6,500');
    expect(await outcome.textContent()).toContain(day(10));
    expect(await page.getByTestId('mediation-performance').textContent()).toContain(day(10));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('mediation-docx').click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const bytes = await new Promise<Buffer>((resolve, reject) => {
      download.createReadStream().then((s) => {
        const parts: Buffer[] = [];
        s.on('data', (c: Buffer) => parts.push(c));
        s.on('end', () => resolve(Buffer.concat(parts)));
        s.on('error', reject);
      }, reject);
    });
    // A .docx is a zip: it starts with PK.
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, 'mediation-agreement-phone');
    await context.close();
  });
});

describe('the committee’s figures', () => {
  it('union staff see the year’s figures with their definitions, and a count opens exactly its cases in the list', async () => {
    const { context, page } = await newPage(e2e.browser, DESKTOP);
    await login(page, e2e.server.url, 'staff');
    await page.goto(`${e2e.server.url}/mediation/figures?from=${day(-400)}&to=${day(0)}`);
    const total = page.getByTestId('mediation-figures-total');
    const outcomes = total.getByTestId('mediation-figure-outcomes');
    await outcomes.waitFor();
    const n = Number(await outcomes.textContent());
    expect(n).toBeGreaterThan(0);
    expect(await page.getByTestId('mediation-figures-definitions').textContent()).toContain('工作日');
    await outcomes.click();
    await page.waitForURL(/\/mediation\?.*closedFrom=/);
    await page.getByTestId('mediation-drill').waitFor();
    await expect.poll(() => page.locator('.ant-pagination-total-text').first().textContent()).toBe(`共 ${n} 件`);
    await context.close();
  });
});
