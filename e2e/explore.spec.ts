import { test } from '@playwright/test';
test('explore', async ({ page }) => {
  page.on('console', (m) => console.log('console', m.type(), m.text()));
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  await page.goto('/');
  await page.waitForTimeout(4000);
  await page.screenshot({ path: '/tmp/shot-light.png' });
});
