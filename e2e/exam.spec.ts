import { expect, test, type Page } from '@playwright/test';
import { collectErrors, freshStart, waitForEditor } from './helpers.ts';

// The answer to the CKAD set's first task ("Expose a single Pod"), typed after the starting YAML.
// One flow-style line: Monaco keeps the previous line's indentation on Enter, which would shift a
// block-style manifest typed line by line.
const EXPOSE_NGINX = '{ apiVersion: v1, kind: Service, metadata: { name: nginx, namespace: dev }, spec: { selector: { run: nginx }, ports: [{ port: 8080, targetPort: 80 }] } }';

async function startCkadSet(page: Page): Promise<void> {
  await freshStart(page, '/#/exam');
  const card = page.getByTestId('exam-set-ckad-networking-c');
  await expect(card).toContainText('16 tasks');
  await expect(card.getByTestId('best-score')).toContainText('Not taken yet');
  await card.getByRole('link', { name: /^Open/ }).click();
  await page.getByRole('button', { name: /Start the exam/ }).click();
  await expect(page.getByTestId('exam-task').getByRole('heading', { name: 'Expose a single Pod' })).toBeVisible();
  await waitForEditor(page);
}

test('take an exam: answer a task in the editor, flag one, end the exam and read the results', async ({ page }) => {
  const errors = collectErrors(page);
  await startCkadSet(page);
  await expect(page.getByTestId('exam-clock')).toHaveText(/^1:59:\d\d$/);
  await expect(page.getByTestId('nav-summary')).toHaveText('0 of 16 answered · 0 flagged');

  // Answer task 1 by typing a Service at the end of the YAML.
  await page.locator('.monaco-editor .view-line', { hasText: 'command: ["sleep", "infinity"]' }).first().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(`---\n${EXPOSE_NGINX}\n`);
  await expect(page.getByTestId('nav-summary')).toHaveText('1 of 16 answered · 0 flagged');
  await expect(page.getByTestId('nav-task-expose-pod')).toHaveAccessibleName(/^Task 1: Expose a single Pod \(answered\)$/);

  // Go to task 2 and flag it.
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByTestId('exam-task').getByRole('heading', { name: 'Expose the api by its port name' })).toBeVisible();
  await page.getByTestId('flag-task').click();
  await expect(page.getByTestId('flag-task')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('nav-task-expose-named-target-port')).toHaveAccessibleName(/visited, not answered, flagged for review/);

  // A reload loses nothing: answers, flags and the running clock.
  await page.reload();
  await expect(page.getByTestId('nav-summary')).toHaveText('1 of 16 answered · 1 flagged');
  await expect(page.getByTestId('exam-clock')).toHaveText(/^1:5\d:\d\d$/);
  await page.getByTestId('nav-task-expose-pod').click();
  await waitForEditor(page);
  await page.locator('.monaco-editor .view-line').first().click();
  await page.keyboard.press('Control+End');
  await expect(page.locator('.monaco-editor .view-line', { hasText: 'targetPort: 80' })).toHaveCount(1);

  // End the exam (Escape backs out of the confirmation first).
  await page.getByRole('button', { name: 'End exam…' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'End the exam now?' });
  await expect(dialog.getByRole('button', { name: 'End exam and see results' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'End exam…' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toContainText('You answered 1 of 16 tasks, and 1 is flagged for review');
  await dialog.getByRole('button', { name: 'End exam and see results' }).click();

  // The score and the verdict, then each check: what it expected and what the engine saw.
  await expect(page.getByTestId('exam-score')).toContainText('5%', { timeout: 30_000 });
  await expect(page.getByTestId('exam-score')).toContainText('Not passed');
  await expect(page.getByTestId('exam-score')).toContainText('5 of 100 points');
  const first = page.getByTestId('result-expose-pod');
  await expect(first).toContainText('5 / 5 points');
  await expect(first.locator('.exam-check')).toHaveCount(2);
  await expect(first.locator('.exam-check').first()).toContainText('Passed');
  await expect(first.locator('.exam-check').first()).toContainText('http://nginx:8080 reaches the Pod');
  await expect(first.locator('.exam-check').first()).toContainText('Expected{ outcome: connected, status: 200, servedBy: [dev/nginx] }');
  const second = page.getByTestId('result-expose-named-target-port');
  await expect(second).toContainText('not attempted');
  await expect(second.locator('.exam-check').first()).toContainText('Failed');
  await expect(second.locator('.exam-check').first()).toContainText('outcome: expected connected');
  // Explanation and reference solution are there, folded.
  const solution = second.locator('details', { hasText: 'Reference solution' });
  await expect(solution).not.toHaveAttribute('open');
  await solution.locator('summary').click();
  await expect(solution).toContainText('targetPort: http');

  // The list shows the best score; a retry starts from scratch.
  await page.getByRole('link', { name: '← All exam sets' }).first().click();
  await expect(page.getByTestId('exam-set-ckad-networking-c').getByTestId('best-score')).toContainText('Best score: 5%');
  await page.getByTestId('exam-set-ckad-networking-c').getByRole('link', { name: /^See the results/ }).click();
  await page.getByRole('button', { name: 'Retry (fresh start)' }).first().click();
  await page.getByRole('button', { name: 'Start again' }).click();
  await expect(page.getByTestId('nav-summary')).toHaveText('0 of 16 answered · 0 flagged');
  await waitForEditor(page);
  await page.locator('.monaco-editor .view-line').first().click();
  await page.keyboard.press('Control+End');
  await expect(page.locator('.monaco-editor .view-line', { hasText: 'command: ["sleep", "infinity"]' }).last()).toBeVisible();
  await expect(page.locator('.monaco-editor .view-line', { hasText: 'targetPort: 80' })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the countdown warns at 30 minutes left, and the exam ends by itself when time is up', async ({ page }) => {
  await startCkadSet(page);
  const moveDeadline = (msFromNow: number) =>
    page.evaluate((ms) => {
      const saved = JSON.parse(localStorage.getItem('netlab:exams') ?? '{}') as { state: { sessions: Record<string, { endsAt: number }> } };
      saved.state.sessions['ckad-networking-c']!.endsAt = Date.now() + ms;
      localStorage.setItem('netlab:exams', JSON.stringify(saved));
    }, msFromNow);

  await moveDeadline(29 * 60_000 + 30_000);
  await page.reload();
  const warning = page.getByTestId('exam-warning');
  await expect(warning).toContainText('30 minutes left.');
  await expect(page.locator('.exam-warning-region')).toHaveAttribute('aria-live', 'assertive');
  await warning.getByRole('button', { name: 'Dismiss' }).click();
  await expect(warning).toHaveCount(0);

  await moveDeadline(8_000);
  await page.reload();
  await expect(page.getByTestId('exam-warning')).toContainText('5 minutes left.');
  await expect(page.getByTestId('exam-score')).toContainText('0%', { timeout: 30_000 });
  await expect(page.getByTestId('exam-results')).toContainText('the time ran out');
});
