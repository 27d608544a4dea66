import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { freshStart, waitForEditor } from './helpers.ts';

// An axe-core scan of each page as a learner first sees it: no serious or critical violations.
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

const pages = [
  { name: 'lesson page', path: '/#/lesson' },
  { name: 'playground', path: '/#/playground' },
  { name: 'exam list', path: '/#/exam' },
];

for (const p of pages) {
  test(`the ${p.name} has no serious or critical accessibility violations`, async ({ page }) => {
    await freshStart(page, p.path);
    if (p.path !== '/#/exam') {
      await waitForEditor(page);
      await expect(page.locator('.react-flow__node').first()).toBeVisible();
    } else {
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    }
    expect(await seriousViolations(page)).toEqual([]);
  });
}
