import { expect, test } from '@playwright/test';
import { collectErrors, cursorAtEndOfLine, freshStart, waitForEditor, webPods } from './helpers.ts';

test('changing replicas in the editor changes the pods on the diagram', async ({ page }) => {
  const errors = collectErrors(page);
  await freshStart(page, '/#/playground');
  await expect(webPods(page)).toHaveCount(2);
  await cursorAtEndOfLine(page, 'replicas: 2');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText('3');
  await expect(webPods(page)).toHaveCount(3);
  await expect(page.getByTestId('cluster-counts')).toContainText('4 pods');
  expect(errors).toEqual([]);
});

test('broken YAML shows the error with its line and keeps the last good diagram', async ({ page }) => {
  await freshStart(page, '/#/playground');
  await expect(webPods(page)).toHaveCount(2);
  await cursorAtEndOfLine(page, 'replicas: 2');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText('5');
  await expect(webPods(page)).toHaveCount(5);
  // A compact nested mapping is a YAML syntax error on line 1.
  await page.keyboard.press('Control+Home');
  await page.keyboard.insertText('a: b: c\n');
  const notice = page.getByTestId('stale-notice');
  await expect(notice).toContainText('Line 1');
  await expect(notice).toContainText('The diagram shows the last valid version');
  await expect(page.getByTestId('sim-status')).toContainText('last valid YAML');
  await expect(webPods(page)).toHaveCount(5);
  await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeAttached();
  // Remove the broken line: the diagram follows the YAML again.
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Backspace');
  await expect(notice).toHaveCount(0);
  await expect(webPods(page)).toHaveCount(5);
});

test('the YAML is kept across a reload', async ({ page }) => {
  await freshStart(page, '/#/playground');
  await cursorAtEndOfLine(page, 'replicas: 2');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText('4');
  await expect(webPods(page)).toHaveCount(4);
  await page.reload();
  await waitForEditor(page);
  await expect(page.locator('.monaco-editor .view-line', { hasText: 'replicas: 4' })).toHaveCount(1);
  await expect(webPods(page)).toHaveCount(4);
});

test('the editor knows the Kubernetes schemas: hover shows the upstream field description', async ({ page }) => {
  await freshStart(page, '/#/playground');
  await waitForEditor(page);
  const key = page.locator('.monaco-editor .view-line span span').filter({ hasText: /^replicas$/ }).first();
  await key.hover();
  await expect(page.locator('.monaco-hover-content').filter({ hasText: 'Number of desired pods' })).toBeVisible();
});
