import { test } from '@playwright/test';
test('explore', async ({ page }) => {
  page.on('console', (m) => console.log('console', m.type(), m.text()));
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/#/playground');
  await page.waitForTimeout(6000);
  await page.getByRole('button', { name: 'Send' }).click();
  await page.waitForTimeout(1500);
  await page.getByRole('button', { name: 'Pause' }).click().catch(() => {});
  await page.getByTestId('hop').nth(3).click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: '/tmp/shot-dark.png' });
});
