/**
 * GET /api/v1/people — the roster list every union screen starts from: one mine's contract
 * workers, page 2, sorted by name, as union staff whose grant sits at the group (so the
 * scope filter is a real subtree, not "everything").
 */
import { fmt, login, measure, ratio, send, type Bench } from './harness.js';

const bench: Bench = {
  name: 'people',
  needsApp: true,
  async run(ctx) {
    const mine = ctx.generated.mines[0];
    const path = `/api/v1/people?orgId=${mine}&category=contract&page=2&pageSize=20&sort=name`;
    const cookie = await login(ctx.appUrl, ctx.accounts.staff.username, ctx.accounts.staff.password);
    const headers = { cookie, accept: 'application/json' };

    const probe = await send(ctx.appUrl, { path, headers });
    const target = (measured: number | null, pct: number | null) => {
      ctx.results.target({ label: `人员列表 p95 (规模 ${ctx.scale}) / people list p95 at ${ctx.scale}`, measured, limit: 20, unit: 'ms', atMost: true });
      ctx.results.target({
        label: '人员列表吞吐 / 裸主键查询吞吐 · people list throughput vs bare point select',
        measured: pct,
        limit: 30,
        unit: '%',
        atMost: false,
      });
    };
    if (probe.status === 404) {
      ctx.results.section('人员列表 / People list', '`GET /api/v1/people` was not available in this build; not measured.');
      target(null, null);
      return;
    }
    const page = JSON.parse(probe.body);
    if (probe.status !== 200 || !Array.isArray(page.items) || page.page !== 2)
      throw new Error(`people list: unexpected answer ${probe.status} ${probe.body.slice(0, 300)}`);

    const m = ctx.results.add(
      await measure('GET /api/v1/people (mine, contract, page 2, by name)', { baseUrl: ctx.appUrl, serverPid: ctx.appPid, requests: [{ path, headers }] }),
    );
    target(m.p95, ratio(m.rps, ctx.baselines.pointSelect.rps) * 100);
    ctx.results.section(
      '人员列表 / People list',
      `\`GET ${path.replace(mine, '<mine>')}\` as \`unionStaff\` granted at the group: ${page.total.toLocaleString('en-US')} matching people, ` +
        `${page.items.length} per page, response ${fmt(Buffer.byteLength(probe.body) / 1024, 1)} KiB.`,
    );
  },
};
export default bench;
