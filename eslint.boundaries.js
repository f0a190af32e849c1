// The boundaries of the modular monolith as an allow-list, resolved on real paths rather
// than guessed from file-name suffixes (a suffix deny-list let 3 of 4 probe imports through):
// - a file outside module <b> (another module, app code, test/, bench/) reaches
//   server/modules/<b>/ only through its index.ts — and tests (not bench) also through <b>.testkit.ts;
// - web/src/modules/<b>/ likewise only through its index.ts(x);
// - server/core never imports server/modules;
// - on the web, app/ (the shell: router, layout) is the top: modules and shared never import it, and shared
//   imports no module (only the module contract modules/types.ts) — so no folder loop modules ⇄ app;
// - a migration imports no module code, its own module's included (history must not change
//   when a function does).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const MODULE = /^(server\/modules|web\/src\/modules)\/([^/]+)\/(.*)$/;
const TEST_CODE = /(^test\/|^e2e\/|\.test\.tsx?$)/;
/** Any web module or the registry; modules/types.ts is the module contract, which shared pieces may name. */
const WEB_MODULE = /^web\/src\/modules\/(?!types$)[^/]+/;
const MIGRATION = /^server\/(modules\/[^/]+|core\/db)\/migrations\//;

const rel = (abs) => path.relative(ROOT, abs).split(path.sep).join('/');
const stripExt = (p) => p.replace(/\.(js|ts|tsx|jsx|mjs)$/, '');

function target(fromFile, spec) {
  if (spec.startsWith('.')) return rel(path.resolve(path.dirname(fromFile), spec));
  if (spec.startsWith('@common/')) return 'common/' + spec.slice('@common/'.length);
  return null; // a package
}

const rule = {
  meta: { type: 'problem', schema: [], messages: { boundary: '{{why}}' } },
  create(context) {
    const file = rel(path.resolve(context.filename));
    const from = MODULE.exec(file);
    const isTest = TEST_CODE.test(file);
    function check(node) {
      if (!node || typeof node.value !== 'string') return;
      const to = target(path.resolve(context.filename), node.value);
      if (to === null) return;
      const why = (text) => context.report({ node, messageId: 'boundary', data: { why: text } });
      if (file.startsWith('server/core/') && to.startsWith('server/modules/')) return why('core never imports a module (core 不得引用模块).');
      if ((file.startsWith('web/src/modules/') || file.startsWith('web/src/shared/')) && to.startsWith('web/src/app/'))
        return why('Modules and shared pieces never import the app shell: put what they need in web/src/shared (模块与共享件不得引用 app).');
      if (file.startsWith('web/src/shared/') && WEB_MODULE.test(to)) return why('A shared piece imports no module (共享件不得引用模块).');
      if (MIGRATION.test(file) && to.startsWith('server/modules/'))
        return why('A migration imports no module code: copy what it needs into the migration, frozen (迁移不得引用模块代码).');
      const m = MODULE.exec(to);
      if (!m) return;
      const [, side, name, rest] = m;
      if (from && from[1] === side && from[2] === name) return; // inside its own module
      const file_ = stripExt(rest);
      if (file_ === 'index' || file_ === '') return;
      if (isTest && file_ === `${name}.testkit`) return;
      why(
        `Import module '${name}' only through ${side}/${name}/index.ts${isTest ? ` (or ${name}.testkit.ts from tests)` : ''} (跨模块只能通过 index.ts 引用).`,
      );
    }
    return {
      ImportDeclaration: (n) => check(n.source),
      ExportNamedDeclaration: (n) => check(n.source),
      ExportAllDeclaration: (n) => check(n.source),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n.source),
    };
  },
};

export const boundaries = { rules: { imports: rule } };
