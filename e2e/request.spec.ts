import { expect, test } from '@playwright/test';
import { freshStart, webPods } from './helpers.ts';

test('sending a request lists its hops, and the inspector explains one', async ({ page }) => {
  await freshStart(page, '/#/playground');
  await expect(webPods(page)).toHaveCount(2);
  await expect(page.getByLabel('From', { exact: true })).toHaveValue('pod/default/client');
  await page.getByLabel('To', { exact: true }).fill('http://web.default');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByTestId('trace-summary')).toContainText('Connected');
  const hops = page.getByTestId('hop');
  await expect(hops.filter({ hasText: 'DNS query' })).toHaveCount(1);
  await expect(hops.filter({ hasText: 'DNAT' }).first()).toBeVisible();
  await expect(hops.filter({ hasText: 'Delivered' }).first()).toBeVisible();
  await hops.filter({ hasText: 'DNAT' }).last().click();
  const inspector = page.getByTestId('inspector');
  await expect(inspector).toContainText('DNAT');
  await expect(inspector.getByRole('row', { name: /Destination IP/ })).toContainText('(changed)');
  // The ClusterIP hop names the Service; its link selects the Service in the editor.
  await hops.filter({ hasText: 'ClusterIP' }).last().click();
  await inspector.getByRole('button', { name: /Go to YAML line \d+/ }).first().click();
  await expect(page.locator('.monaco-editor .selected-text').first()).toBeAttached();
});

test('playback steps forward and back through the hops', async ({ page }) => {
  await freshStart(page, '/#/playground');
  await expect(webPods(page)).toHaveCount(2);
  await page.getByLabel('To', { exact: true }).fill('svc/default/web:80');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByTestId('trace-summary')).toContainText('Connected');
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByTestId('hop-position')).toContainText('Hop 0 of');
  await page.getByRole('button', { name: 'Step forward' }).click();
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page.getByTestId('hop-position')).toContainText('Hop 2 of');
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(page.getByTestId('hop-position')).toContainText('Hop 1 of');
});

test('a Service whose selector matches nothing refuses the request, and says why', async ({ page }) => {
  await freshStart(page, '/#/playground');
  await expect(webPods(page)).toHaveCount(2);
  // The Service's selector is the second `app: web` line (the first is the Deployment's).
  await page.locator('.monaco-editor .view-line', { hasText: 'app: web' }).nth(2).click();
  await page.keyboard.press('End');
  await page.keyboard.insertText('b');
  await expect(page.locator('.react-flow__node[data-id="service/default/web"]')).toContainText('no endpoints');
  await page.getByLabel('To', { exact: true }).fill('http://web.default');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByTestId('trace-summary')).toContainText('Refused');
  await expect(page.getByTestId('hop').filter({ hasText: 'Rejected' })).toHaveCount(1);
});
