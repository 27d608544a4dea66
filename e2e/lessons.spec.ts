import { expect, test, type Page } from '@playwright/test';
import { collectErrors, freshStart, waitForEditor } from './helpers.ts';

/** Puts the cursor at the end of the first editor line containing `text` (clicking near the
 * line's start: a narrow editor's right edge is covered by its scrollbar). */
async function cursorAtEndOf(page: Page, text: string): Promise<void> {
  await waitForEditor(page);
  await page.locator('.monaco-editor .view-line', { hasText: text }).first().click({ position: { x: 20, y: 5 } });
  await page.keyboard.press('End');
}

test('a challenge is solved by typing the fix, graded by the engine, and kept after a reload', async ({ page }) => {
  const errors = collectErrors(page);
  await freshStart(page, '/#/lesson/cluster-ip');
  await expect(page.getByRole('heading', { level: 1, name: /ClusterIP Services/ })).toBeVisible();

  const card = page.getByTestId('challenge-fix-target-port');
  await card.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByTestId('workspace-source')).toContainText('The Service points at the wrong port');
  await waitForEditor(page);
  await expect(page.locator('.monaco-editor .view-line', { hasText: 'name: api' }).first()).toBeVisible();

  // The starting YAML fails, and each check says what it expected and what it got.
  await card.getByRole('button', { name: 'Check my YAML' }).click();
  const results = card.getByTestId('check-results');
  await expect(results).toContainText('0 of 2 checks pass');
  await expect(results).toContainText('expected [10.244.0.2:8080, 10.244.1.2:8080], got [10.244.0.2:80, 10.244.1.2:80]');
  await expect(card.getByText('Why it works')).toHaveCount(0);

  // Hints come one at a time.
  await card.getByRole('button', { name: 'Show a hint (1 of 2)' }).click();
  await expect(card.getByText('Hint 1')).toBeVisible();
  await expect(card.getByText('Hint 2')).toHaveCount(0);

  // Type the fix under `- port: 80` (Enter keeps the list item's indentation: two more spaces).
  await cursorAtEndOf(page, '- port: 80');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('  targetPort: 8080');
  await expect(page.locator('.monaco-editor .view-line', { hasText: 'targetPort: 8080' })).toHaveCount(1);
  await card.getByRole('button', { name: 'Check my YAML' }).click();
  await expect(results).toContainText('Solved: every check passes.');
  await expect(card.locator('.challenge-status')).toContainText('Solved');
  await expect(card.getByText('Why it works')).toBeVisible();
  await expect(page.getByTestId('lesson-progress')).toContainText('1 of 3 challenges solved');

  // A reload keeps the progress, the hint shown, and the learner's YAML.
  await page.reload();
  const again = page.getByTestId('challenge-fix-target-port');
  await expect(again.locator('.challenge-status')).toContainText('Solved');
  await expect(again.getByText('Hint 1')).toBeVisible();
  await expect(page.getByTestId('lesson-progress')).toContainText('1 of 3 challenges solved');
  await waitForEditor(page);
  await expect(page.locator('.monaco-editor .view-line', { hasText: 'targetPort: 8080' })).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('quiz items: a wrong answer shows the right one, a retry, and answers survive a reload', async ({ page }) => {
  await freshStart(page, '/#/lesson/cluster-ip');
  const single = page.getByTestId('quiz-target-port-default');
  await single.getByLabel('To port 80 of the pods').check();
  await single.getByRole('button', { name: 'Check answer' }).click();
  await expect(single.getByRole('status')).toContainText('Not quite.');
  await expect(single.getByRole('status')).toContainText('The answer: To port 8080 of the pods');
  await single.getByRole('button', { name: 'Try again' }).click();
  await single.getByLabel('To port 8080 of the pods').check();
  await single.getByRole('button', { name: 'Check answer' }).click();
  await expect(single.getByRole('status')).toContainText('Right.');

  // Short answers are normalised: quotes and a final full stop do not matter.
  const short = page.getByTestId('quiz-which-port-in-url');
  await short.getByLabel('Your answer').fill('"80".');
  await short.getByLabel('Your answer').press('Enter');
  await expect(short.getByRole('status')).toContainText('Right.');

  await expect(page.getByTestId('lesson-progress')).toContainText('2 of 6 questions answered (2 right)');
  await page.reload();
  await expect(page.getByTestId('quiz-target-port-default').getByRole('status')).toContainText('Right.');
  await expect(page.getByTestId('quiz-which-port-in-url').getByLabel('Your answer')).toHaveValue('"80".');
  await expect(page.getByTestId('lesson-progress')).toContainText('2 of 6 questions answered (2 right)');

  // The lesson list ticks what was done.
  await page.getByRole('button', { name: 'All lessons' }).click();
  const list = page.getByRole('navigation', { name: 'Lessons' });
  await expect(list.getByRole('link', { name: '2. ClusterIP Services, port, targetPort and named ports' })).toBeVisible();
  await expect(list.locator('[aria-current="page"]')).toContainText('0 of 3 challenges, 2 of 6 questions');
  // Reset this lesson: the answers go.
  await page.getByRole('button', { name: 'Back to the lesson' }).click();
  await page.getByTestId('lesson-progress').getByRole('button', { name: 'Reset' }).click();
  await page.getByRole('button', { name: 'Reset the lesson' }).click();
  await expect(page.getByTestId('lesson-progress')).toContainText('0 of 6 questions answered');
  await expect(page.getByTestId('quiz-target-port-default').getByRole('status')).toHaveCount(0);
});

test('a prediction is graded by the engine, then plays in the workspace', async ({ page }) => {
  await freshStart(page, '/#/lesson/pod-network');
  const quiz = page.getByTestId('quiz-predict-enforced');
  await quiz.getByLabel('It connects').check();
  await quiz.getByRole('button', { name: 'Lock in my prediction' }).click();
  await expect(quiz.getByRole('status')).toContainText('Not quite.');
  await expect(quiz.getByRole('status')).toContainText('It times out');
  await quiz.getByRole('button', { name: 'Play it' }).click();
  await expect(page.getByTestId('workspace-source')).toContainText('Prediction:');
  await expect(page.getByTestId('trace-summary')).toContainText(/time/i);
});

test('an ordering item is answered with the keyboard alone', async ({ page }) => {
  await freshStart(page, '/#/lesson/pod-network');
  const quiz = page.getByTestId('quiz-pod-start-order');
  await expect(quiz.locator('.quiz-step')).toHaveCount(4);
  const correct = ['The scheduler binds', 'The kubelet on that node asks', 'The runtime runs the CNI plugin', 'The kubelet reports the address'];
  // Bubble the steps into place with the move-up buttons, pressed from the keyboard.
  for (let target = 0; target < correct.length; target++) {
    const texts = await quiz.locator('.quiz-step').allInnerTexts();
    let at = texts.findIndex((t) => t.includes(correct[target]!));
    while (at > target) {
      // Focus stays on the moved step's buttons, so Enter again keeps moving it.
      if (at === texts.findIndex((t) => t.includes(correct[target]!))) await quiz.locator('.quiz-step').nth(at).getByRole('button', { name: /up$/ }).focus();
      await page.keyboard.press('Enter');
      at--;
    }
    // At the top its up button is disabled: the keyboard stays on the step, on its down button.
    if (target === 0) await expect(quiz.getByRole('button', { name: /The scheduler binds.* down$/ })).toBeFocused();
  }
  await quiz.getByRole('button', { name: 'Check answer' }).click();
  await expect(quiz.getByRole('status')).toContainText('Right.');
});

test('the lesson list opens a lesson by track, and the Lesson tab comes back to it', async ({ page }) => {
  await freshStart(page, '/');
  await expect(page.getByRole('heading', { level: 1, name: 'The pod network model and CNI' })).toBeVisible();
  await page.getByRole('button', { name: 'All lessons' }).click();
  const list = page.getByRole('navigation', { name: 'Lessons' });
  await list.getByLabel('Track').selectOption({ label: 'Traffic from outside the cluster' });
  await expect(list.getByRole('listitem')).toHaveCount(4);
  await list.getByRole('link', { name: /^3\. NodePort Services/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'NodePort Services' })).toBeVisible();
  await expect(page.getByTestId('workspace-source')).toContainText('Playground:');
  await page.getByRole('link', { name: 'Playground', exact: true }).click();
  await page.getByRole('link', { name: 'Lesson', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'NodePort Services' })).toBeVisible();
});
