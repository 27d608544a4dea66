import { expect, test, type Page } from '@playwright/test';
import { collectErrors, freshStart, waitForEditor, webPods } from './helpers.ts';

/** Opens the terminal drawer and waits for its prompt. */
async function openTerminal(page: Page): Promise<void> {
  await page.getByRole('button', { name: '▴ Terminal' }).click();
  await expect(page.locator('.xterm-rows')).toContainText('$');
  await page.getByTestId('terminal').click();
}

/** Types a command line into the terminal and presses Enter. */
async function run(page: Page, line: string): Promise<void> {
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

const screenText = (page: Page) => page.locator('.xterm-rows');

test('kubectl in the terminal reads and changes the cluster, and its requests play in the request panel', async ({ page }, testInfo) => {
  const errors = collectErrors(page);
  await freshStart(page, '/#/playground');
  await waitForEditor(page);
  await expect(webPods(page)).toHaveCount(2);
  await openTerminal(page);
  await expect(page.getByRole('group', { name: 'Terminal screen' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: /Terminal input/ })).toBeFocused();

  await run(page, 'kubectl get svc');
  await expect(screenText(page)).toContainText(/NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE/);
  await expect(screenText(page)).toContainText(/web\s+ClusterIP\s+10\.96\.\d+\.\d+\s+<none>\s+80\/TCP/);
  // The screen-reader region reads the last output.
  await expect(page.getByTestId('terminal-output')).toContainText('kubernetes');

  await run(page, 'kubectl run tmp --image=curlimages/curl --rm -it -- curl http://web');
  await expect(screenText(page)).toContainText('pod "tmp" deleted from default namespace');
  await expect(page.getByTestId('terminal-output')).toContainText(/web-[a-z0-9]+-[a-z0-9]+/);
  await expect(page.getByTestId('trace-summary')).toContainText('Connected');
  await expect(page.getByTestId('hop').filter({ hasText: 'DNAT' }).first()).toBeVisible();

  await run(page, 'kubectl scale deployment web --replicas=3');
  await expect(screenText(page)).toContainText('deployment.apps/web scaled');
  await expect(page.locator('.monaco-editor .view-line', { hasText: 'replicas: 3' })).toHaveCount(1);
  await expect(webPods(page)).toHaveCount(3);
  await run(page, 'kubectl get deploy');
  await expect(screenText(page)).toContainText(/web\s+3\/3\s+3\s+3/);

  await page.mouse.move(0, 0);
  await page.screenshot({ path: testInfo.outputPath('terminal-1280x720.png') });
  expect(errors).toEqual([]);
});

test('line editing: completion, history, Ctrl+C, a pod shell, multi-line paste', async ({ page }) => {
  const errors = collectErrors(page);
  await freshStart(page, '/#/playground');
  await expect(webPods(page)).toHaveCount(2);
  await openTerminal(page);

  // One candidate completes the word.
  await page.keyboard.type('kubectl desc');
  await page.keyboard.press('Tab');
  await page.keyboard.type('svc w');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  // The screen shows only the last rows: the screen-reader region has the whole output.
  await expect(page.getByTestId('terminal-output')).toContainText(/^Name:\s+web\s/);
  await expect(page.getByTestId('terminal-output')).toContainText(/Selector:\s+app=web/);

  // Several candidates are listed like bash.
  await page.keyboard.type('kubectl get endpoints');
  await page.keyboard.press('Tab');
  await expect(screenText(page)).toContainText(/endpoints\s+endpointslices/);
  await page.keyboard.press('Control+C');
  await expect(screenText(page)).toContainText('$ kubectl get endpoints^C');

  // Up brings back the last line run (not the one dropped with Ctrl+C), to edit.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('End');
  // `web ` (completion added the space).
  for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('nginx');
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await expect(screenText(page)).toContainText('Error from server (NotFound): services "nginx" not found');

  // A shell in a pod: its prompt, curl inside it, exit.
  await run(page, 'kubectl exec -it client -- sh');
  await page.keyboard.type('curl -s -o /dev/null -w "%{http_code}" http://web');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('terminal-output')).toHaveText('200');
  await page.keyboard.type('nslookup nope');
  await page.keyboard.press('Control+C');
  await run(page, 'exit');

  // A multi-line paste runs each line.
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'kubectl get ns\nkubectl get nodes\n');
    document.querySelector('.xterm-helper-textarea')?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(screenText(page)).toContainText(/kube-system\s+Active/);
  await expect(page.getByTestId('terminal-output')).toContainText(/node-1\s+Ready/);

  // Nothing typed breaks the page.
  await run(page, 'kubectl get "unterminated');
  await run(page, 'kubectl frobnicate --wat');
  await expect(screenText(page)).toContainText('unknown command "frobnicate" for "kubectl"');
  await expect(page.getByRole('heading', { name: 'Topology' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('the terminal keeps its screen when the drawer closes and opens again', async ({ page }) => {
  await freshStart(page, '/#/playground');
  await expect(webPods(page)).toHaveCount(2);
  await openTerminal(page);
  await run(page, 'kubectl get pods');
  await expect(screenText(page)).toContainText(/client\s+1\/1\s+Running/);
  await page.getByRole('button', { name: '▾ Hide terminal' }).click();
  await expect(page.locator('.xterm-rows')).toHaveCount(0);
  await openTerminal(page);
  await expect(screenText(page)).toContainText(/client\s+1\/1\s+Running/);
});
