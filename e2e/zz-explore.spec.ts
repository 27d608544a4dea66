import { test } from '@playwright/test';
import { freshStart, waitForEditor } from './helpers.ts';
test('explore schema', async ({ page }) => {
  await freshStart(page, '/#/playground');
  await waitForEditor(page);
  await page.waitForTimeout(2000);
  const word = page.locator('.monaco-editor .view-line span span').filter({ hasText: /^replicas$/ }).first();
  const box = await word.boundingBox();
  await page.mouse.move(box!.x + 10, box!.y + 5);
  await page.waitForTimeout(2500);
  console.log('HOVER', JSON.stringify(await page.locator('.monaco-hover-content').allInnerTexts()).slice(0, 500));
  await page.screenshot({ path: '/tmp/shot-hover.png' });
});
