/* global console, process */
// What `npm test` does before the tests: the build (server and web, which the browser tests
// serve), the typecheck and the lint — the same commands as `npm run build`, `npm run typecheck`
// and `npm run lint`, in two lanes side by side. Each of them is one single-threaded process, and
// one after another they were about six minutes of CI on a 2-core machine. The lanes are balanced
// by the last CI's timings: server bundle ~3 s + typecheck ~75 s + ESLint ~75 s against the web
// build ~50 s + web typecheck ~50 s + Prettier.
// A lane stops at its first failure; the script fails when any command failed, after both lanes.
import { spawn } from 'node:child_process';

const lanes = [
  [
    ['build:server', 'node scripts/build-server.mjs'],
    ['typecheck (server, tests)', 'tsc -p tsconfig.json --noEmit'],
    ['lint (eslint)', 'eslint .'],
  ],
  [
    ['build:web', 'vite build --config web/vite.config.ts'],
    ['typecheck (web)', 'tsc -p web/tsconfig.json --noEmit && tsc -p web/tsconfig.node.json --noEmit'],
    ['lint (prettier)', 'prettier --check --log-level warn .'],
  ],
];

/** Runs one command with node_modules/.bin on the path; its output is printed whole when it ends, not interleaved. */
function run(name, command) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, { shell: true, env: { ...process.env, PATH: `node_modules/.bin:${process.env.PATH}` } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => {
      const s = ((Date.now() - started) / 1000).toFixed(0);
      console.log(`\n> ${name}: ${command} — ${code === 0 ? 'ok' : `failed (exit ${code})`}, ${s} s`);
      if (out.trim()) console.log(out.trimEnd());
      resolve(code === 0);
    });
  });
}

async function lane(steps) {
  for (const [name, command] of steps) if (!(await run(name, command))) return false;
  return true;
}

const results = await Promise.all(lanes.map(lane));
if (results.includes(false)) {
  console.error('\nbuild, typecheck or lint failed: the tests were not run');
  process.exit(1);
}
