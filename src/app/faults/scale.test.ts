import { describe, expect, it } from 'vitest';
import { simulate } from '../../engine/cluster/build.ts';
import { DEFAULT_PLAYGROUND_YAML } from '../state/default-scenario.ts';
import { setReplicas } from './scale.ts';
import { currentReplicas, scalableOwner, type WorkloadRef } from './workload-ref.ts';

const web: WorkloadRef = { kind: 'Deployment', namespace: 'default', name: 'web' };

describe('setReplicas', () => {
  const cases: Array<{ name: string; text: string; ref?: WorkloadRef; replicas: number; want: string | undefined }> = [
    {
      name: 'replaces the number and nothing else',
      text: 'kind: Deployment\napiVersion: apps/v1\nmetadata:\n  name: web\nspec:\n  replicas: 2 # two\n  selector: {}\n',
      replicas: 5,
      want: 'kind: Deployment\napiVersion: apps/v1\nmetadata:\n  name: web\nspec:\n  replicas: 5 # two\n  selector: {}\n',
    },
    {
      name: 'adds replicas to a block spec that has none, with its indentation',
      text: 'kind: Deployment\napiVersion: apps/v1\nmetadata:\n  name: web\nspec:\n    selector: {}\n',
      replicas: 0,
      want: 'kind: Deployment\napiVersion: apps/v1\nmetadata:\n  name: web\nspec:\n    replicas: 0\n    selector: {}\n',
    },
    {
      name: 'adds replicas to a flow spec',
      text: 'kind: Deployment\napiVersion: apps/v1\nmetadata: { name: web }\nspec: { selector: {} }\n',
      replicas: 3,
      want: 'kind: Deployment\napiVersion: apps/v1\nmetadata: { name: web }\nspec: { replicas: 3, selector: {} }\n',
    },
    {
      name: 'edits the right document of several, in the right namespace',
      text: 'kind: Deployment\napiVersion: apps/v1\nmetadata: { name: web, namespace: shop }\nspec:\n  replicas: 1\n---\nkind: Deployment\napiVersion: apps/v1\nmetadata: { name: web }\nspec:\n  replicas: 1\n',
      replicas: 4,
      want: 'kind: Deployment\napiVersion: apps/v1\nmetadata: { name: web, namespace: shop }\nspec:\n  replicas: 1\n---\nkind: Deployment\napiVersion: apps/v1\nmetadata: { name: web }\nspec:\n  replicas: 4\n',
    },
    {
      name: 'edits a Deployment inside a kind: List',
      text: 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: apps/v1\n  kind: Deployment\n  metadata:\n    name: web\n  spec:\n    replicas: 2\n',
      replicas: 1,
      want: 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: apps/v1\n  kind: Deployment\n  metadata:\n    name: web\n  spec:\n    replicas: 1\n',
    },
    { name: 'a workload that is not there', text: DEFAULT_PLAYGROUND_YAML, ref: { ...web, name: 'api' }, replicas: 1, want: undefined },
    { name: 'a negative count becomes zero', text: 'kind: Deployment\nmetadata: { name: web }\nspec: { replicas: 2 }\n', replicas: -3, want: 'kind: Deployment\nmetadata: { name: web }\nspec: { replicas: 0 }\n' },
  ];
  it.each(cases)('$name', ({ text, ref, replicas, want }) => expect(setReplicas(text, ref ?? web, replicas)).toBe(want));
});

describe('scalableOwner and currentReplicas', () => {
  const { cluster } = simulate({ manifests: [{ file: 'p.yaml', text: DEFAULT_PLAYGROUND_YAML }] });
  it.each([
    { name: 'a Deployment pod', pod: /^web-/, want: web },
    { name: 'a bare Pod', pod: /^client$/, want: undefined },
    { name: 'a system pod, not in the learner file', pod: /^coredns-/, want: undefined },
  ])('$name', ({ pod, want }) => {
    const p = cluster.pods.find((x) => pod.test(x.name))!;
    expect(scalableOwner(p, 'p.yaml')).toEqual(want);
  });
  it('counts the pods a workload has', () => expect(currentReplicas(cluster, web)).toBe(2));
});
