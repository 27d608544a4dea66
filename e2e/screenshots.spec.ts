import { expect, test } from '@playwright/test';
import { freshStart, waitForEditor, webPods } from './helpers.ts';

// Screenshots at 1280x720 in both themes, to look at after a change. `NETLAB_SCREENSHOT=1` also
// refreshes the README's public/screenshot.png from the light one.
for (const colorScheme of ['light', 'dark'] as const) {
  test(`screenshot of the lesson page with a request, ${colorScheme}`, async ({ page }, testInfo) => {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await freshStart(page, '/#/lesson');
    await waitForEditor(page);
    await expect(webPods(page)).toHaveCount(2);
    await page.getByLabel('Repeat', { exact: true }).fill('4');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByTestId('trace-summary')).toContainText('4 connected');
    await page.getByTestId('hop').filter({ hasText: 'DNAT' }).nth(1).click();
    await expect(page.getByTestId('inspector')).toContainText('DNAT');
    await page.mouse.move(0, 0);
    const path = testInfo.outputPath(`netlab-${colorScheme}.png`);
    await page.screenshot({ path });
    if (colorScheme === 'light' && process.env.NETLAB_SCREENSHOT === '1') await page.screenshot({ path: 'public/screenshot.png' });
  });
}
