import { expect, test } from '@playwright/test';
import { collectErrors, diagramNode, freshStart, startWithPlaygroundYaml, waitForEditor, webPods } from './helpers.ts';

// A bare Pod (no controller) behind a Service, and a client to call it from.
const BARE_POD_YAML = `apiVersion: v1
kind: Pod
metadata:
  name: api
  labels:
    app: api
spec:
  containers:
    - name: app
      image: nginx
---
apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  selector:
    app: api
  ports:
    - port: 80
---
apiVersion: v1
kind: Pod
metadata:
  name: client
spec:
  containers:
    - name: curl
      image: curlimages/curl
`;

async function send(page: import('@playwright/test').Page, to: string) {
  await page.getByLabel('To', { exact: true }).fill(to);
  await page.getByRole('button', { name: 'Send' }).click();
}

test('a pod made not ready, then deleted, from the diagram: the request is refused, and undo brings it back', async ({ page }) => {
  const errors = collectErrors(page);
  await startWithPlaygroundYaml(page, BARE_POD_YAML);
  await expect(diagramNode(page, 'pod/default/api')).toBeVisible();
  await page.getByLabel('From', { exact: true }).selectOption('pod/default/client');
  await send(page, 'http://api.default');
  await expect(page.getByTestId('trace-summary')).toContainText('Connected');

  await diagramNode(page, 'pod/default/api').click();
  const bar = page.getByTestId('fault-bar');
  await expect(bar).toContainText('Pod default/api');
  await bar.getByRole('button', { name: 'Make not ready' }).click();
  // The model reconverges and the last request is sent again: its verdict flipped.
  await expect(page.getByTestId('verdict-change')).toContainText('Verdict flipped');
  await expect(page.getByTestId('verdict-change')).toContainText('was connected (HTTP 200) → now refused');
  // The diagram's "what changed" says it too, beside the endpoint that turned not ready.
  await expect(page.getByTestId('legend-verdict')).toContainText('client (pod in default) → http://api.default: was connected (HTTP 200) → now refused');
  await expect(diagramNode(page, 'pod/default/api')).toContainText('NotReady');
  await expect(diagramNode(page, 'service/default/api')).toContainText('no endpoints');
  await expect(page.getByTestId('fault-list')).toContainText('Pod default/api not ready');

  await page.getByRole('button', { name: 'Undo: Pod default/api not ready' }).click();
  await expect(page.getByTestId('verdict-change')).toContainText('was refused → now connected');
  await expect(page.getByTestId('fault-list')).toHaveCount(0);

  await diagramNode(page, 'pod/default/api').click();
  await bar.getByRole('button', { name: 'Delete pod' }).click();
  await expect(diagramNode(page, 'pod/default/api')).toHaveCount(0);
  await expect(page.getByTestId('verdict-change')).toContainText('now refused');
  await expect(page.getByTestId('fault-list')).toContainText('Pod default/api deleted');
  // The learner's YAML is untouched: the fault is observed state, not an edit.
  await waitForEditor(page);
  await expect(page.locator('.monaco-editor .view-line', { hasText: 'name: api' }).first()).toBeVisible();
  await bar.getByRole('button', { name: 'Restore pod' }).click();
  await expect(diagramNode(page, 'pod/default/api')).toBeVisible();
  await expect(page.getByTestId('verdict-change')).toContainText('now connected');
  expect(errors).toEqual([]);
});

test('scaling the Deployment to zero from the diagram edits replicas and refuses the request', async ({ page }) => {
  await freshStart(page, '/#/playground');
  await waitForEditor(page);
  await expect(webPods(page)).toHaveCount(2);
  await send(page, 'http://web.default');
  await expect(page.getByTestId('trace-summary')).toContainText('Connected');
  await webPods(page).first().click();
  const bar = page.getByTestId('fault-bar');
  await expect(bar).toContainText('of Deployment web');
  await bar.getByRole('button', { name: 'Scale down' }).click();
  await expect(webPods(page)).toHaveCount(1);
  await bar.getByRole('button', { name: 'Scale down' }).click();
  await expect(webPods(page)).toHaveCount(0);
  await expect(page.locator('.monaco-editor .view-line', { hasText: 'replicas: 0' })).toHaveCount(1);
  await expect(page.getByTestId('verdict-change')).toContainText('now refused');
});

test('draining a node moves its workload pods and deletes its bare Pods', async ({ page }) => {
  await freshStart(page, '/#/playground');
  await expect(webPods(page)).toHaveCount(2);
  await send(page, 'http://web.default');
  await expect(page.getByTestId('trace-summary')).toContainText('Connected');
  await diagramNode(page, 'node/node-1').locator('.topo-group-head').click();
  const bar = page.getByTestId('fault-bar');
  await bar.getByRole('button', { name: 'Drain node' }).click();
  await expect(diagramNode(page, 'node/node-1')).toContainText('SchedulingDisabled');
  await expect(diagramNode(page, 'pod/default/client')).toHaveCount(0);
  // Both web pods were recreated on node-2: no default namespace is left on node-1.
  await expect(page.locator('.react-flow__node[data-id="nsgroup/node-1/default"]')).toHaveCount(0);
  await expect(page.locator('.react-flow__node[data-id="nsgroup/node-2/default"]')).toHaveCount(1);
  await expect(webPods(page)).toHaveCount(2);
  await expect(page.getByTestId('fault-list')).toContainText('Node node-1 drained');
  // The request's source was a bare Pod on the drained node: it can no longer be sent.
  await expect(page.getByTestId('verdict-change')).toContainText('now not sent (pods "client" not found');
  await page.getByRole('button', { name: 'Undo: Node node-1 drained' }).click();
  await expect(diagramNode(page, 'pod/default/client')).toBeVisible();
});
