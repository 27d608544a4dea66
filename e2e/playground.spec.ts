import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { collectErrors, cursorAtEndOfLine, diagramNode, freshStart, waitForEditor } from './helpers.ts';

const FIXTURES = new URL('../src/app/playground/fixtures/', import.meta.url);
const SCENARIO_PATH = new URL('web-service.scenario.yaml', FIXTURES).pathname;
const KUBECTL_LIST = readFileSync(new URL('kubectl-get-list.yaml', FIXTURES), 'utf8');

/** The check rows' states, in order: pass, fail or pending. */
async function checkStates(page: Page): Promise<string[]> {
  return page.getByTestId('check').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-state') ?? ''));
}

test('a scenario file opened in the playground becomes its cluster, and its checks run pass or fail', async ({ page }) => {
  const errors = collectErrors(page);
  await freshStart(page, '/#/playground');
  await waitForEditor(page);
  await page.getByTestId('open-file').setInputFiles(SCENARIO_PATH);
  // cluster: nodes 3, kubeProxyMode ipvs; the manifests replace the YAML.
  await expect(page.getByTestId('cluster-counts')).toContainText('3 nodes · 4 pods · 1 Service');
  await expect(page.getByTestId('settings-button')).toContainText('3 nodes · ipvs');
  await expect(page.locator('.monaco-editor .view-line', { hasText: 'app: frontend' })).toHaveCount(1);
  await expect(page.getByTestId('notice')).toContainText('Loaded scenario “The web Service reaches its pods” with 3 checks');

  const panel = page.getByTestId('checks-panel');
  await expect(panel).toBeVisible();
  await expect(page.getByTestId('check')).toHaveCount(3);
  await panel.getByRole('button', { name: 'Run checks' }).click();
  await expect(page.getByTestId('checks-summary')).toContainText('1 of 3 passed');
  expect(await checkStates(page)).toEqual(['pass', 'fail', 'fail']);
  await expect(page.getByTestId('check').nth(1)).toContainText('expected connected, got refused');

  // Fix the Service's selector in the editor: the checks judge the YAML as it is now.
  await page.keyboard.press('Escape');
  await cursorAtEndOfLine(page, 'app: frontend');
  for (let i = 0; i < 'frontend'.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.insertText('web');
  await expect(diagramNode(page, 'service/default/web')).toContainText('3 endpoints');
  await page.getByTestId('scenario-button').click();
  await expect(page.getByTestId('checks-summary')).toContainText('before your last change');
  await panel.getByRole('button', { name: 'Run checks' }).click();
  await expect(page.getByTestId('checks-summary')).toHaveText('3 of 3 passed');
  expect(await checkStates(page)).toEqual(['pass', 'pass', 'pass']);
  expect(errors).toEqual([]);
});

test('a scenario file dropped on the playground loads too', async ({ page }) => {
  await freshStart(page, '/#/playground');
  await waitForEditor(page);
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'web-service.scenario.yaml', { type: 'application/yaml' }));
    return dt;
  }, readFileSync(SCENARIO_PATH, 'utf8'));
  const target = page.getByTestId('playground');
  await target.dispatchEvent('dragenter', { dataTransfer });
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
  await expect(page.getByTestId('cluster-counts')).toContainText('3 nodes');
  await expect(page.getByTestId('checks-panel')).toBeVisible();
});

test('kubectl get -o yaml output pasted into the playground simulates as it is', async ({ page }) => {
  const errors = collectErrors(page);
  await freshStart(page, '/#/playground');
  await waitForEditor(page);
  await page.getByRole('button', { name: 'Paste YAML…' }).click();
  const dialog = page.getByTestId('paste-dialog');
  await dialog.getByLabel('YAML to import').fill(KUBECTL_LIST);
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toBeHidden();

  // The nodes the pods are bound to join the cluster; the pods keep their observed IPs.
  await expect(page.getByTestId('settings-button')).toContainText('2 nodes');
  await expect(diagramNode(page, 'node/kind-worker')).toBeVisible();
  await expect(diagramNode(page, 'pod/default/web-7c5ddbdf54-2xkqn')).toContainText('10.244.1.2');
  await expect(diagramNode(page, 'service/default/web')).toContainText('10.96.140.21');
  await expect(page.getByTestId('notice')).toContainText('from a live cluster');
  await expect(page.getByTestId('notice')).toContainText('Deployment default/web is here with 2 objects it owns');
  await expect(page.getByTestId('problems-summary')).toHaveText('Problems: No problems');
  // Nothing the learner pasted was stripped.
  await expect(page.locator('.monaco-editor .view-line', { hasText: 'resourceVersion' }).first()).toBeAttached();

  await page.getByLabel('From', { exact: true }).selectOption('pod/default/client');
  await page.getByLabel('To', { exact: true }).fill('http://web.default');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByTestId('trace-summary')).toContainText('Connected');
  expect(errors).toEqual([]);
});
