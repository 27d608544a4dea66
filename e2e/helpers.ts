import { expect, type Page } from '@playwright/test';

/** Collects console errors and uncaught page errors for a test to assert on. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}

/** Starts from a clean slate: no saved YAML, no theme choice. */
export async function freshStart(page: Page, path = '/'): Promise<void> {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('netlab-e2e-started')) {
      localStorage.clear();
      sessionStorage.setItem('netlab-e2e-started', '1');
    }
  });
  await page.goto(path);
}

/** Waits until Monaco is up and returns its text area's editor. */
export async function waitForEditor(page: Page): Promise<void> {
  await expect(page.locator('.monaco-editor .view-lines')).toBeVisible();
}

/** Puts the cursor at the end of the first editor line containing `text`. */
export async function cursorAtEndOfLine(page: Page, text: string): Promise<void> {
  await waitForEditor(page);
  await page.locator('.monaco-editor .view-line', { hasText: text }).first().click();
  await page.keyboard.press('End');
}

/** The web Deployment's pods drawn on the diagram. */
export function webPods(page: Page) {
  return page.locator('.react-flow__node[data-id^="pod/default/web-"]');
}

/** Starts on `path` with `yaml` as the saved playground YAML (and nothing else saved). */
export async function startWithPlaygroundYaml(page: Page, yaml: string, path = '/#/playground'): Promise<void> {
  await page.addInitScript((text) => {
    if (!sessionStorage.getItem('netlab-e2e-started')) {
      localStorage.clear();
      localStorage.setItem('netlab:documents', JSON.stringify({ state: { docs: { playground: text } }, version: 1 }));
      sessionStorage.setItem('netlab-e2e-started', '1');
    }
  }, yaml);
  await page.goto(path);
}

/** A diagram node by its element id (`pod/default/web-0`, `node/node-1`, `service/default/web`). */
export function diagramNode(page: Page, id: string) {
  return page.locator(`.react-flow__node[data-id="${id}"]`);
}
