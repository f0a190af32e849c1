/**
 * The module boundaries are lint errors, wherever the importing file lives. Each probe is a
 * source text linted at a virtual path with ESLint's own API and the project's config;
 * nothing is written to the tree.
 */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint();

/** The boundary findings of `code` placed at `filePath`: [line, severity] per finding. */
async function probe(filePath: string, code: string): Promise<[number, number][]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === 'xq/imports').map((m) => [m.line, m.severity]);
}

const ERROR = 2;
const lines = (...imports: string[]) => imports.map((spec, i) => `export * as m${i} from '${spec}';`).join('\n') + '\n';

describe('module boundaries as an allow-list', () => {
  it('lets a module reach another only through its index.ts, on the server', async () => {
    const found = await probe(
      'server/modules/heartBridge/heartBridge.probe.ts',
      lines(
        '../school/school.calendar.js',
        '../school/school.testkit.js',
        '../school/school.repository.js',
        '../appeals/deadlines.js',
        '../school/index.js',
        './heartBridge.service.js',
        '../../core/ids.js',
      ),
    );
    // Before: a suffix deny-list flagged one of the first four, as a warning.
    expect(found).toEqual([
      [1, ERROR],
      [2, ERROR],
      [3, ERROR],
      [4, ERROR],
    ]);
  });

  it('keeps core from importing any module, even its index', async () => {
    expect(await probe('server/core/probe.ts', lines('../modules/appeals/index.js', './ids.js'))).toEqual([[1, ERROR]]);
  });

  it('keeps module code out of migrations, the module’s own included', async () => {
    const found = await probe(
      'server/modules/appeals/migrations/20270101_0000_appeals_probe.ts',
      lines('../appeals.indicators.js', '../../school/index.js', '../../../core/db/dialect.js'),
    );
    expect(found).toEqual([
      [1, ERROR],
      [2, ERROR],
    ]);
  });

  it('holds test code to the index, plus the module’s testkit', async () => {
    const found = await probe(
      'test/probe.test.ts',
      lines(
        '../server/modules/school/school.repository.js',
        '../server/modules/appeals/deadlines.js',
        '../server/modules/school/school.testkit.js',
        '../server/modules/appeals/index.js',
      ),
    );
    expect(found).toEqual([
      [1, ERROR],
      [2, ERROR],
    ]);
    const beside = await probe('server/modules/heartBridge/probe.test.ts', lines('../school/school.policy.js', '../school/school.testkit.js'));
    expect(beside).toEqual([[1, ERROR]]);
  });

  it('holds bench code to the index', async () => {
    const found = await probe(
      'bench/appeals/probe.ts',
      lines('../../server/modules/appeals/similarity.js', '../../server/modules/appeals/appeals.testkit.js', '../../server/modules/appeals/index.js'),
    );
    expect(found).toEqual([
      [1, ERROR],
      [2, ERROR],
    ]);
  });

  it('flags a web module reaching into another web module’s files', async () => {
    const found = await probe('web/src/modules/heartBridge/Probe.tsx', lines('../school/Stat', '../appeals/api', '../school', './api'));
    expect(found.map(([line]) => line)).toEqual([1, 2]);
  });

  it('keeps the web shell on top: modules and shared pieces never import app/, shared pieces import no module', async () => {
    const fromModule = await probe('web/src/modules/heartBridge/Probe.tsx', lines('../../app/router', '../../shared/auth/AuthContext', '../types'));
    expect(fromModule).toEqual([[1, ERROR]]);
    const fromShared = await probe(
      'web/src/shared/Probe.tsx',
      lines('../app/layout/AppMenu', '../modules/heartBridge', '../modules/heartBridge/api', '../modules/types', './auth/AuthContext'),
    );
    expect(fromShared).toEqual([
      [1, ERROR],
      [2, ERROR],
      [3, ERROR],
    ]);
  });
});
