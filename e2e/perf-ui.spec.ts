import { expect, test } from '@playwright/test';
import { cursorAtEndOfLine, freshStart, webPods } from './helpers.ts';

// UI responsiveness figures, printed rather than asserted (timings vary by machine): run with
// NETLAB_PERF=1 npx playwright test e2e/perf-ui.spec.ts
test.skip(process.env.NETLAB_PERF !== '1', 'set NETLAB_PERF=1 to measure');

test('typing with 100 requests of hops on screen: long tasks while typing', async ({ page }) => {
  await freshStart(page, '/#/playground');
  await expect(webPods(page)).toHaveCount(2);
  await page.getByLabel('Repeat', { exact: true }).fill('100');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByTestId('trace-summary')).toContainText('100 connected');
  await page.getByRole('button', { name: 'Pause' }).click();
  const hops = await page.getByTestId('hop-position').textContent();

  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask' });
  });
  await cursorAtEndOfLine(page, '# Edit me');
  // Type a comment, a character at a time, as a person would.
  await page.keyboard.type(' # typing while 100 requests are listed', { delay: 30 });
  // Let the debounced simulation and the re-sent request (100 traces) land.
  await expect(page.getByTestId('verdict-change')).toBeVisible();
  await page.waitForTimeout(500);
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  const rows = await page.locator('.event-list button').count();
  console.log(`${hops}; event list rows rendered: ${rows}; long tasks (ms) during typing and the re-send: ${JSON.stringify(longTasks)}`);
});
