// Accessibility scan with axe-core: fails on serious or critical findings.
import AxeBuilder from '@axe-core/playwright';
import assert from 'node:assert/strict';

/**
 * Scans the page (or the part matching `selector`) for WCAG 2 A/AA issues
 * (or only the axe `rules` given) and fails with a readable list of the
 * serious and critical ones.
 */
export async function assertAccessible(page, what, selector, rules) {
  let builder = new AxeBuilder({ page });
  builder = rules
    ? builder.withRules(rules)
    : builder.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (selector) builder = builder.include(selector);
  const { violations } = await builder.analyze();
  const severe = violations.filter(v =>
    ['serious', 'critical'].includes(v.impact),
  );
  const report = severe
    .map(
      v =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .slice(0, 3)
          .map(n => n.target.join(' '))
          .join(' | ')}`,
    )
    .join('\n    ');
  assert.equal(
    severe.length,
    0,
    `${what} has accessibility issues:\n    ${report}`,
  );
  return violations.length;
}
