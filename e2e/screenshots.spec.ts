import { expect, test } from '@playwright/test';
import { diagramNode, freshStart, waitForEditor, webPods } from './helpers.ts';

// Screenshots to look at after a change, at the sizes the app must work at: 1280x720, a laptop's
// 1366x768 and 1440x900, light and dark. `NETLAB_SCREENSHOT=1` also refreshes the README's
// public/screenshot.png from the light 1280x720 one.
const LESSON_SHOTS = [
  { width: 1280, height: 720, colorScheme: 'light' },
  { width: 1280, height: 720, colorScheme: 'dark' },
  { width: 1366, height: 768, colorScheme: 'light' },
  { width: 1440, height: 900, colorScheme: 'dark' },
] as const;

for (const { width, height, colorScheme } of LESSON_SHOTS) {
  test(`screenshot of a lesson with a request, ${width}x${height} ${colorScheme}`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height });
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await freshStart(page, '/#/lesson/cluster-ip');
    await waitForEditor(page);
    await expect(webPods(page)).toHaveCount(2);
    await page.getByLabel('From', { exact: true }).selectOption('pod/default/client');
    await page.getByLabel('To', { exact: true }).fill('http://web.default');
    await page.getByLabel('Repeat', { exact: true }).fill('4');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByTestId('trace-summary')).toContainText('4 connected');
    await page.getByTestId('hop').filter({ hasText: 'DNAT' }).nth(1).click();
    await expect(page.getByTestId('inspector')).toContainText('DNAT');
    await page.mouse.move(0, 0);
    const path = testInfo.outputPath(`netlab-lesson-${width}x${height}-${colorScheme}.png`);
    await page.screenshot({ path });
    if (width === 1280 && colorScheme === 'light' && process.env.NETLAB_SCREENSHOT === '1') await page.screenshot({ path: 'public/screenshot.png' });
  });
}

test('screenshot of the playground with a fault injected and the verdict flipped', async ({ page }, testInfo) => {
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await freshStart(page, '/#/playground');
  await waitForEditor(page);
  await expect(webPods(page)).toHaveCount(2);
  await page.getByLabel('To', { exact: true }).fill('http://web.default');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByTestId('trace-summary')).toContainText('Connected');
  await diagramNode(page, 'node/node-2').locator('.topo-group-head').click();
  await page.getByTestId('fault-bar').getByRole('button', { name: 'Drain node' }).click();
  await expect(page.getByTestId('verdict-change')).toBeVisible();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: testInfo.outputPath('netlab-playground-fault.png') });
});
