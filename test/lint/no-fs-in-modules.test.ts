/**
 * No practice module touches the file system: bytes of uploads are core's (core/files), exports
 * are sent by core (sendXlsx), backups are core's. A module file that imports fs — statically,
 * dynamically or through require — fails here, so the rule holds for the next twelve modules.
 *
 * What the rule covers: every .ts file under server/modules, seeds, testkits and migrations
 * included. Tests (*.test.ts) are left out: they build data directories and check bytes on
 * disk. bench/ is left out: a benchmark writes its data and results under /tmp by design.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FS = new Set(['fs', 'node:fs', 'fs/promises', 'node:fs/promises']);

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

/** The fs specifiers a source text imports: import/export from, import(), require(). */
export function fsImports(fileName: string, text: string): string[] {
  // Only a text that names fs in quotes can import it; parsing the other ~400 files would cost seconds.
  if (!/['"`](?:node:)?fs(?:\/promises)?['"`]/.test(text)) return [];
  const src = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest);
  const found: string[] = [];
  const visit = (n: ts.Node) => {
    if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) {
      if (FS.has(n.moduleSpecifier.text)) found.push(n.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(n) && ts.isExternalModuleReference(n.moduleReference) && ts.isStringLiteral(n.moduleReference.expression)) {
      if (FS.has(n.moduleReference.expression.text)) found.push(n.moduleReference.expression.text);
    } else if (
      ts.isCallExpression(n) &&
      (n.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(n.expression) && n.expression.text === 'require'))
    ) {
      const [arg] = n.arguments;
      if (arg && ts.isStringLiteralLike(arg) && FS.has(arg.text)) found.push(arg.text);
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
  return found;
}

describe('practice modules and the file system', () => {
  it('finds an fs import in every form it can take', () => {
    const probe = [
      "import fs from 'node:fs';",
      "import { readFile } from 'fs/promises';",
      "export { rm } from 'node:fs/promises';",
      "import path from 'node:path';",
      "const f = await import('fs');",
      "const g = require('node:fs');",
      "import h = require('fs');",
    ].join('\n');
    expect(fsImports('probe.ts', probe)).toEqual(['node:fs', 'fs/promises', 'node:fs/promises', 'fs', 'node:fs', 'fs']);
  });

  it('no file under server/modules imports fs (tests aside)', () => {
    const files = sources(path.join(ROOT, 'server/modules'));
    expect(files.length).toBeGreaterThan(300);
    const offending = files.flatMap((f) => fsImports(f, fs.readFileSync(f, 'utf8')).map((spec) => `${path.relative(ROOT, f)} → ${spec}`));
    expect(offending).toEqual([]);
  });
});
