/**
 * The school's teaching routines on a 375 px phone, in real Chromium against the built server with the
 * demo school: the subject teacher logs a lesson from its timetable slot by tapping the students asked
 * (slot, taps, save — no typing), the academic office sees it counted in the 35+10 compliance, and the
 * new teacher submits their three-year plan, which their mentor (the head teacher) reviews.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shiftWeek, weekDates, weekOf } from '../common/school.js';
import { PHONE, horizontalOverflow, login, newPage, shot, useE2E } from './harness.js';

const e2e = useE2E();

/** Reads through the API as setup only (the test asserts through the UI). */
async function apiAs(username: string, path: string): Promise<any> {
  const res = await fetch(`${e2e.server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: username, password: 'demo1234' }),
  });
  const cookie = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
  const r = await fetch(`${e2e.server.url}/api/v1${path}`, { headers: { cookie } });
  return r.json();
}

async function openMenu(page: Page, key: string) {
  await page.getByTestId('menu-toggle').click();
  await page.getByTestId(`menu-${key}`).click();
}

/** The office's compliance page opens on this week and the three before it (from a Monday) by teacher; the API answers the same query. */
function lastFourWeeks() {
  const to = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  return { from: weekDates(shiftWeek(weekOf(to), -3))[0], to };
}

describe('school routines on a phone', () => {
  it('a teacher logs a lesson from the timetable slot by tapping students; the office sees it in compliance', async () => {
    const me = await apiAs('teacher', '/auth/me');
    const teacherPerson: string = me.account.personId;
    const school = (await apiAs('academic', '/school/me')).schools[0];
    const { from, to } = lastFourWeeks();
    const before = await apiAs('academic', `/lesson-logs/schools/${school.id}/compliance?cut=teacher&from=${from}&to=${to}`);
    const row = before.rows.find((r: { key: string }) => r.key === teacherPerson);
    expect(row, 'the demo teacher has timetabled lessons in the last four weeks').toBeTruthy();

    const { context, page } = await newPage(e2e.browser, PHONE);
    await login(page, e2e.server.url, 'teacher');
    // The demo logs lessons up to the day before yesterday: this week or last week has an open slot (found as setup).
    const today = lastFourWeeks().to;
    const openIn = (w: { days: { lessons: { date: string; period: number; logId: string | null }[] }[] }) =>
      w.days.flatMap((d) => d.lessons).find((l) => !l.logId && l.date <= today);
    const thisWeek = await apiAs('teacher', '/lesson-logs/my-week');
    // The home card lists exactly today's lessons still to log, each a link to its log form.
    const todayOpen = (thisWeek.days.find((d: { date: string }) => d.date === today)?.lessons ?? []).filter((l: { logId: string | null }) => !l.logId);
    await expect.poll(() => page.getByTestId('home-lessons-today').isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('home-lessons-slot').count()).toBe(todayOpen.length);
    await openMenu(page, 'lessons-mine');
    const weeksBack = openIn(thisWeek) ? 0 : 1;
    const monday = new Date(`${thisWeek.days[0].date}T00:00:00Z`);
    const lastWeek = await apiAs('teacher', `/lesson-logs/my-week?week=${weekOf(new Date(monday.getTime() - 7 * 86_400_000).toISOString().slice(0, 10))}`);
    const target = openIn(weeksBack ? lastWeek : thisWeek)!;
    expect(target, 'an open slot this week or last').toBeTruthy();
    const slotIn = (logged: 'yes' | 'no') =>
      page
        .locator(`[data-testid="lessons-day"][data-date="${target.date}"] [data-testid="lessons-slot"][data-logged="${logged}"]`)
        .filter({ hasText: `第 ${target.period} 节` });
    const goBack = async () => {
      for (let i = 0; i < weeksBack; i++) await page.getByRole('button', { name: '上一周' }).click();
    };
    await goBack();
    await slotIn('no').locator('a').click();

    // Five taps in all: the slot, three students asked, save. Class, date and period come from the slot; the counts start at the standard.
    await expect.poll(() => page.getByTestId('lessons-log-slot').textContent()).toContain(`第 ${target.period} 节`);
    const students = page.getByTestId('lessons-student');
    await expect.poll(() => students.count()).toBeGreaterThan(3);
    const tapped = await Promise.all([0, 1, 2].map(async (i) => (await students.nth(i).textContent())!));
    for (let i = 0; i < 3; i++) await students.nth(i).click();
    await expect.poll(() => page.locator('.ant-segmented-item-selected').filter({ hasText: '提问' }).textContent()).toContain('(3)');
    expect(await horizontalOverflow(page)).toBe(0);
    await shot(page, 'school2-log-phone');
    await page.getByTestId('lessons-save').click();
    await page.waitForURL((u) => u.pathname === '/lessons');

    // The slot now shows as logged; opening it names the three students asked.
    await goBack();
    await slotIn('yes').locator('a').click();
    const questioned = page.locator('.ant-descriptions-row').filter({ hasText: '提问' });
    for (const name of tapped) await expect.poll(() => questioned.textContent()).toContain(name);
    const logged = await apiAs('teacher', `/lesson-logs/schools/${school.id}/compliance?cut=teacher&from=${from}&to=${to}`);
    expect(logged.rows.find((r: { key: string }) => r.key === teacherPerson).logged).toBe(row.logged + 1);
    await context.close();

    // The academic office's home card shows this week's lessons logged of those timetabled, as the API counts them.
    const office = await newPage(e2e.browser, PHONE);
    await login(office.page, e2e.server.url, 'academic');
    const week = (await apiAs('academic', `/lesson-logs/schools/${school.id}/compliance?cut=week&from=${thisWeek.days[0].date}&to=${today}`)).rows[0];
    if (week) await expect.poll(() => office.page.getByTestId('home-lessons-week-logged').textContent()).toContain(`${week.logged} / ${week.timetabled}`);
    else await expect.poll(() => office.page.getByTestId('home-lessons-week').isVisible()).toBe(true);

    // On its phone it finds the teacher's row one lesson higher.
    await openMenu(office.page, 'lessons-office');
    const cell = office.page.locator(`[data-testid="lessons-compliance"] tr[data-row-key="${teacherPerson}"] td`).nth(1).locator('span');
    await expect.poll(() => cell.getAttribute('title')).toBe(`${row.logged + 1} / ${row.timetabled}`);
    await shot(office.page, 'school2-compliance-phone');

    // The heat-map's cell of that teacher and week carries the lesson too; the trend tab draws its chart.
    const grid = await apiAs('academic', `/lesson-logs/schools/${school.id}/compliance?cut=teacherWeek&from=${from}&to=${to}`);
    const weekCell = grid.rows.find((r: { key: string }) => r.key === `${teacherPerson}|${weekOf(target.date)}`);
    await office.page.getByRole('tab', { name: '教师×周' }).click();
    const heat = office.page.locator(
      `[data-testid="lessons-heatmap"] tr[data-row-key="${teacherPerson}"] span[title="${weekCell.logged} / ${weekCell.timetabled}"]`,
    );
    await expect.poll(() => heat.count()).toBeGreaterThan(0);
    await office.page.getByRole('tab', { name: '按周趋势' }).click();
    await expect.poll(() => office.page.locator('[data-testid="lessons-trend"] canvas').count()).toBeGreaterThan(0);
    await office.context.close();
  });

  it('a new teacher submits the three-year plan and the mentor reviews it', async () => {
    const comment = `目标清晰，第一年先过入格关（${Date.now() % 100000}）`;
    const { context, page } = await newPage(e2e.browser, PHONE);
    await login(page, e2e.server.url, 'teacher');
    await openMenu(page, 'teacher-growth-mine');
    await page.locator('a[href^="/teacher-growth/plans/"]').first().click();
    await expect.poll(() => page.getByTestId('growth-plan-status').textContent()).toBe('草稿');
    await page.getByTestId('growth-submit').click();
    await expect.poll(() => page.getByTestId('growth-plan-status').textContent()).toBe('待审阅');
    const planPath = new URL(page.url()).pathname;
    expect(await horizontalOverflow(page)).toBe(0);
    await context.close();

    // The mentor finds the mentee's plan under 我指导的 and reviews it with a comment.
    const mentor = await newPage(e2e.browser, PHONE);
    await login(mentor.page, e2e.server.url, 'head');
    await openMenu(mentor.page, 'teacher-growth-mine');
    await mentor.page.locator(`a[href="${planPath}"]`).click();
    await mentor.page.getByTestId('growth-review').click();
    await mentor.page.getByRole('dialog').getByRole('textbox').fill(comment);
    await mentor.page
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await expect.poll(() => mentor.page.getByTestId('growth-plan-status').textContent()).toBe('已审阅');
    await expect.poll(() => mentor.page.getByTestId('growth-review-comment').textContent()).toContain(comment);
    await shot(mentor.page, 'school2-plan-reviewed-phone');
    await mentor.context.close();
  });
});
