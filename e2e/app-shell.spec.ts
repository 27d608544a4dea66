import { expect, test } from '@playwright/test';
import { collectErrors, freshStart, waitForEditor, webPods } from './helpers.ts';

/** The first pod the diagram draws (the lesson decides which). */
const anyPod = (page: import('@playwright/test').Page) => page.locator('.react-flow__node[data-id^="pod/"]').first();

test('the app shell loads with no console errors and no page errors', async ({ page }) => {
  const errors = collectErrors(page);
  await freshStart(page);
  await expect(page.getByTestId('lesson-text').getByRole('heading', { level: 1 })).toBeVisible();
  await waitForEditor(page);
  await expect(anyPod(page)).toBeVisible();
  await expect(page.getByTestId('sim-status')).toContainText('Simulated');
  await page.getByRole('link', { name: 'Playground' }).click();
  await waitForEditor(page);
  await expect(webPods(page)).toHaveCount(2);
  expect(errors).toEqual([]);
});

test('the lesson text and the diagram appear before Monaco has loaded', async ({ page }) => {
  // Hold the editor chunk back: the page must be useful without it.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const editorRequests: string[] = [];
  await page.route(/\/assets\/YamlEditor-[^/]*\.js$/, async (route) => {
    editorRequests.push(route.request().url());
    await held;
    await route.continue();
  });
  await freshStart(page);
  await expect(page.getByTestId('lesson-text').getByRole('heading', { level: 1 })).toBeVisible();
  await expect(anyPod(page)).toBeVisible();
  await expect(page.getByTestId('editor-loading')).toContainText('apiVersion:');
  await expect(page.locator('.monaco-editor')).toHaveCount(0);
  expect(editorRequests).toHaveLength(1);
  release();
  await waitForEditor(page);
  await expect(page.getByTestId('editor-loading')).toHaveCount(0);
});

test('the theme toggle switches between system, light and dark', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await freshStart(page);
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.getByTestId('theme-toggle').click();
  await expect(page.getByTestId('theme-toggle')).toHaveText(/Light theme/);
  await page.getByTestId('theme-toggle').click();
  await expect(page.getByTestId('theme-toggle')).toHaveText(/Dark theme/);
  await expect(html).toHaveAttribute('data-theme', 'dark');
});
