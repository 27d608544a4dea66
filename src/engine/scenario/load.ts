import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type YAMLMap } from 'yaml';
import type { ClusterBlock } from '../cluster/settings.ts';
import type { ReadFile, Scenario, ScenarioCheck, ScenarioError } from './types.ts';

const TOP_KEYS = ['name', 'description', 'cluster', 'manifests', 'checks'];
const CLUSTER_KEYS = ['nodes', 'kubeProxyMode', 'networkPolicy', 'loadBalancer', 'addons', 'seed'];
const CHECK_KINDS = ['probe', 'lookup', 'reachability', 'endpoints', 'admission', 'condition'] as const;
const CHECK_EXTRA_KEYS = ['expect', 'parent', 'description', 'name'];
const EXPECT_KEYS: Record<ScenarioCheck['kind'], string[]> = {
  probe: ['outcome', 'status', 'servedBy', 'spread', 'tolerance', 'sameBackend'],
  lookup: ['answers', 'outcome'],
  reachability: [],
  endpoints: ['ready', 'notReady'],
  admission: ['accepted', 'message'],
  condition: ['type', 'status', 'reason', 'message'],
};
const SPEC_KEYS: Partial<Record<ScenarioCheck['kind'], string[]>> = {
  probe: ['from', 'to', 'protocol', 'headers', 'method', 'repeat'],
  lookup: ['from', 'name', 'type'],
  reachability: ['pods', 'port', 'protocol'],
};

/** Joins a manifest path to the scenario's folder (POSIX separators, `..` resolved). */
export function joinRelative(scenarioFile: string, path: string): string {
  if (path.startsWith('/')) return path;
  const parts = scenarioFile.split('/').slice(0, -1);
  for (const segment of path.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/') || '.';
}

/** Loads a scenario file: YAML syntax, known keys, manifests (inline or by path). */
export function loadScenario(file: string, text: string, readFile: ReadFile): Scenario | ScenarioError {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const lineOf = (node: YamlNode | null | undefined): number => (node?.range ? lineCounter.linePos(node.range[0]).line : 1);
  const fail = (node: YamlNode | null | undefined, message: string): ScenarioError => ({ file, line: lineOf(node), message });
  const firstError = doc.errors[0];
  if (firstError) return { file, line: lineCounter.linePos(firstError.pos[0]).line, message: `YAML syntax error: ${firstError.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}` };
  const root = doc.contents;
  if (!isMap(root)) return fail(root as YamlNode | null, 'a scenario must be a mapping with name, manifests and checks');
  const unknown = unknownKey(root, TOP_KEYS);
  if (unknown) return fail(unknown.node, `unknown key "${unknown.key}" (expected one of: ${TOP_KEYS.join(', ')})`);
  const value = (map: YAMLMap, key: string): YamlNode | undefined => map.items.find((p) => isScalar(p.key) && p.key.value === key)?.value as YamlNode | undefined;
  const keyNode = (map: YAMLMap, key: string): YamlNode | undefined => map.items.find((p) => isScalar(p.key) && p.key.value === key)?.key as YamlNode | undefined;

  const nameNode = value(root, 'name');
  if (!isScalar(nameNode) || typeof nameNode.value !== 'string' || nameNode.value.trim() === '') return fail(nameNode ?? root, 'name is required (a string)');
  const descNode = value(root, 'description');

  const clusterNode = value(root, 'cluster');
  let cluster: ClusterBlock | undefined;
  if (clusterNode !== undefined && clusterNode !== null && !(isScalar(clusterNode) && clusterNode.value === null)) {
    if (!isMap(clusterNode)) return fail(clusterNode, 'cluster must be a mapping');
    const bad = unknownKey(clusterNode, CLUSTER_KEYS);
    if (bad) return fail(bad.node, `unknown key "cluster.${bad.key}" (expected one of: ${CLUSTER_KEYS.join(', ')})`);
    cluster = clusterNode.toJSON() as ClusterBlock;
  }

  const manifestsNode = value(root, 'manifests');
  const manifests: Scenario['manifests'] = [];
  if (isScalar(manifestsNode) && typeof manifestsNode.value === 'string') {
    // A block scalar's content starts on the line after its `|` header.
    const headerLine = lineOf(manifestsNode);
    const isBlock = manifestsNode.type === 'BLOCK_LITERAL' || manifestsNode.type === 'BLOCK_FOLDED';
    manifests.push({ file, text: manifestsNode.value, lineOffset: isBlock ? headerLine : headerLine - 1 });
  } else if (isSeq(manifestsNode)) {
    for (const item of manifestsNode.items) {
      if (!isScalar(item) || typeof item.value !== 'string') return fail(item as YamlNode, 'manifests entries must be paths (strings)');
      const path = joinRelative(file, item.value);
      const content = readFile(path);
      if (content === undefined) return fail(item as YamlNode, `manifest file not found: ${item.value} (looked for ${path})`);
      manifests.push({ file: path, text: content, lineOffset: 0 });
    }
  } else if (manifestsNode !== undefined && !(isScalar(manifestsNode) && manifestsNode.value === null)) {
    return fail(manifestsNode, 'manifests must be a multi-document YAML string (use `manifests: |`) or a list of paths');
  }

  const checksNode = value(root, 'checks');
  const checks: ScenarioCheck[] = [];
  if (checksNode !== undefined && !(isScalar(checksNode) && checksNode.value === null)) {
    if (!isSeq(checksNode)) return fail(checksNode, 'checks must be a list');
    for (const item of checksNode.items) {
      const parsed = loadCheck(item as YamlNode, fail, value, keyNode, lineOf);
      if ('message' in parsed) return parsed;
      checks.push(parsed);
    }
  }
  return {
    file,
    name: nameNode.value,
    ...(isScalar(descNode) && typeof descNode.value === 'string' ? { description: descNode.value } : {}),
    ...(cluster ? { cluster } : {}),
    manifests,
    checks,
  };
}

function unknownKey(map: YAMLMap, allowed: readonly string[]): { key: string; node: YamlNode } | undefined {
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '?';
    if (!allowed.includes(key)) return { key, node: pair.key as YamlNode };
  }
  return undefined;
}

function loadCheck(
  item: YamlNode,
  fail: (node: YamlNode | null | undefined, message: string) => ScenarioError,
  value: (map: YAMLMap, key: string) => YamlNode | undefined,
  keyNode: (map: YAMLMap, key: string) => YamlNode | undefined,
  lineOf: (node: YamlNode | null | undefined) => number,
): ScenarioCheck | ScenarioError {
  if (!isMap(item)) return fail(item, `a check must be a mapping with one of: ${CHECK_KINDS.join(', ')}`);
  const kinds = CHECK_KINDS.filter((k) => keyNode(item, k) !== undefined);
  if (kinds.length !== 1) return fail(item, kinds.length === 0 ? `a check needs one of: ${CHECK_KINDS.join(', ')}` : `a check has exactly one kind, found ${kinds.join(' and ')}`);
  const kind = kinds[0]!;
  const bad = unknownKey(item, [kind, ...CHECK_EXTRA_KEYS]);
  if (bad) return fail(bad.node, `unknown key "${bad.key}" in a ${kind} check (expected ${kind}, ${CHECK_EXTRA_KEYS.join(', ')})`);
  const specNode = value(item, kind);
  const specKeys = SPEC_KEYS[kind];
  if (specKeys) {
    if (!isMap(specNode)) return fail(specNode ?? item, `${kind} must be a mapping`);
    const badSpec = unknownKey(specNode, specKeys);
    if (badSpec) return fail(badSpec.node, `unknown key "${kind}.${badSpec.key}" (expected one of: ${specKeys.join(', ')})`);
  } else if (!isScalar(specNode) || typeof specNode.value !== 'string') return fail(specNode ?? item, `${kind} must be an object reference such as svc/default/web`);
  const expectNode = value(item, 'expect');
  if (expectNode === undefined) return fail(item, `the ${kind} check has no expect`);
  let expect: Record<string, unknown> | string;
  if (kind === 'reachability') {
    if (!isScalar(expectNode) || typeof expectNode.value !== 'string') return fail(expectNode, 'reachability expects a truth table (use `expect: |`)');
    expect = expectNode.value;
  } else {
    if (!isMap(expectNode)) return fail(expectNode, 'expect must be a mapping');
    const badExpect = unknownKey(expectNode, EXPECT_KEYS[kind]);
    if (badExpect) return fail(badExpect.node, `unknown key "expect.${badExpect.key}" for a ${kind} check (expected one of: ${EXPECT_KEYS[kind].join(', ')})`);
    expect = expectNode.toJSON() as Record<string, unknown>;
  }
  const parentNode = value(item, 'parent');
  const descNode = value(item, 'description') ?? value(item, 'name');
  return {
    kind,
    line: lineOf(item),
    spec: (specNode as YamlNode & { toJSON(): unknown }).toJSON(),
    expect,
    ...(isScalar(parentNode) && typeof parentNode.value === 'string' ? { parent: parentNode.value } : {}),
    ...(isScalar(descNode) && typeof descNode.value === 'string' ? { description: descNode.value } : {}),
  };
}
