import { expect, test } from '@playwright/test';
import { collectErrors, cursorAtEndOfLine, freshStart, waitForEditor, webPods } from './helpers.ts';

test('a share link carries the playground YAML and cluster settings to another browser', async ({ page, browser }) => {
  await freshStart(page, '/#/playground');
  await cursorAtEndOfLine(page, 'replicas: 2');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText('3');
  await expect(webPods(page)).toHaveCount(3);
  await page.getByTestId('settings-button').click();
  await page.getByLabel('Nodes').fill('3');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('cluster-counts')).toContainText('3 nodes');
  await page.getByRole('button', { name: 'Share' }).click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(link).toContain('#/playground?share=v2.');

  const other = await browser.newPage();
  const errors = collectErrors(other);
  await other.goto(link);
  await waitForEditor(other);
  await expect(webPods(other)).toHaveCount(3);
  await expect(other.getByTestId('cluster-counts')).toContainText('3 nodes');
  await expect(other.getByTestId('notice')).toContainText('Opened a shared playground');
  await expect(other).toHaveURL(/#\/playground$/);
  expect(errors).toEqual([]);
  await other.close();
});

test('a broken share link gives a clear message and the default scenario', async ({ page }) => {
  const errors = collectErrors(page);
  await freshStart(page, '/#/playground?share=v1.%3Cscript%3Ealert(1)%3C%2Fscript%3E');
  await expect(page.getByTestId('notice')).toContainText('This share link cannot be opened');
  await expect(page.getByTestId('notice')).toContainText('default scenario');
  await expect(webPods(page)).toHaveCount(2);
  expect(errors).toEqual([]);
});
