// Reads jest's --json report and prints the counts scripts/test adds up:
// one line `jest: N passed, N failed`, plus how many tests ran on each
// database engine (test names carry the TestDatabases id, e.g. "SQLITE_3").
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const perEngine = new Map();
for (const file of report.testResults) {
  for (const test of file.assertionResults) {
    const name = [...test.ancestorTitles, test.title].join(' ');
    const engine = name.match(/\b(SQLITE_\d+|POSTGRES_\d+)\b/)?.[1];
    if (!engine) continue;
    const counts = perEngine.get(engine) ?? { passed: 0, failed: 0 };
    counts[test.status === 'passed' ? 'passed' : 'failed'] += 1;
    perEngine.set(engine, counts);
  }
}
for (const [engine, counts] of [...perEngine].sort()) {
  console.log(
    `    ${engine}: ${counts.passed} passed, ${counts.failed} failed`,
  );
}
// Suites that failed to run at all (syntax errors, crashed workers) have
// no assertions; count each as a failure so they cannot go unnoticed.
const brokenSuites = report.testResults.filter(
  file => file.status === 'failed' && file.assertionResults.length === 0,
).length;
console.log(
  `jest: ${report.numPassedTests} passed, ${
    report.numFailedTests + brokenSuites
  } failed`,
);
