// `:::challenge{#id}`: task text, ```yaml start / solution / checks / cluster fences, hints and an
// explanation.
import { markdownOf, type ContainerNode, type FenceNode, type TextNode } from './directives.ts';
import { splitListItems } from './lists.ts';
import { parseChecksYaml, parseClusterYaml } from './scenario-blocks.ts';
import type { ChallengeBlock } from './types.ts';

type Problem = { line: number; message: string };

const SUB_FENCE = /^(?:yaml|yml)\s+(start|solution|checks|cluster)\s*$/;
export const BLOCK_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Builds a challenge from its directive, reporting every problem with its line. */
export function readChallenge(file: string, node: ContainerNode, problems: Problem[]): ChallengeBlock | undefined {
  const before = problems.length;
  const id = node.attrs.id;
  if (!id) problems.push({ line: node.line, message: ':::challenge needs an id: :::challenge{#expose-web}' });
  else if (!BLOCK_ID.test(id)) problems.push({ line: node.line, message: `challenge id "${id}" must be lower-case words joined by hyphens` });
  for (const key of Object.keys(node.attrs.values)) if (key !== 'title') problems.push({ line: node.line, message: `:::challenge: unknown attribute "${key}" (expected #id, title)` });

  const fences = new Map<string, FenceNode>();
  const task: Array<TextNode | FenceNode> = [];
  const hints: string[] = [];
  let explanation: string | undefined;
  for (const child of node.children) {
    if (child.type === 'fence') {
      const sub = SUB_FENCE.exec(child.info)?.[1];
      if (!sub) task.push(child);
      else if (fences.has(sub)) problems.push({ line: child.line, message: `challenge ${id ?? ''}: a second \`\`\`yaml ${sub} block (line ${fences.get(sub)!.line} has the first)` });
      else fences.set(sub, child);
    } else if (child.type === 'text') task.push(child);
    else if (child.type === 'container' && child.name === 'hint') hints.push(markdownOf(child.children.filter(isMarkdown)));
    else if (child.type === 'container' && child.name === 'hints') {
      const prose = child.children.filter(isMarkdown);
      const items = splitListItems(prose.flatMap((n) => n.lines), false, prose.flatMap((n) => n.lines.map(() => n.type === 'fence')));
      if (items.items.length === 0) problems.push({ line: child.line, message: ':::hints must hold a bulleted list, one hint per item' });
      hints.push(...items.items.map((i) => i.text));
    } else if (child.type === 'container' && child.name === 'explanation') {
      if (explanation !== undefined) problems.push({ line: child.line, message: `challenge ${id ?? ''}: a second :::explanation` });
      explanation = markdownOf(child.children.filter(isMarkdown));
    } else problems.push({ line: child.line, message: `challenge ${id ?? ''}: unexpected ${child.type === 'leaf' ? '::' : ':::'}${child.name} inside a challenge (expected :::hint, :::hints or :::explanation)` });
    if (child.type === 'container') for (const inner of child.children) if (inner.type === 'container' || inner.type === 'leaf') problems.push({ line: inner.line, message: `:::${child.name} cannot contain directives` });
  }
  for (const required of ['start', 'solution', 'checks']) {
    if (!fences.has(required)) problems.push({ line: node.line, message: `challenge ${id ?? ''}: missing a \`\`\`yaml ${required} block` });
  }
  const taskText = markdownOf(task);
  if (taskText === '') problems.push({ line: node.line, message: `challenge ${id ?? ''}: the task text is empty (write what to do before the YAML blocks)` });
  if (hints.some((h) => h === '')) problems.push({ line: node.line, message: `challenge ${id ?? ''}: a hint is empty` });
  if (!explanation) problems.push({ line: node.line, message: `challenge ${id ?? ''}: missing :::explanation (shown once the challenge is solved)` });

  const checksFence = fences.get('checks');
  const checks = checksFence ? parseChecksYaml(file, checksFence.code, checksFence.codeLine) : undefined;
  if (checks && 'problem' in checks) problems.push(checks.problem);
  const clusterFence = fences.get('cluster');
  const cluster = clusterFence ? parseClusterYaml(file, clusterFence.code, clusterFence.codeLine) : undefined;
  if (cluster && 'problem' in cluster) problems.push(cluster.problem);
  const start = fences.get('start');
  const solution = fences.get('solution');
  for (const f of [start, solution]) if (f && f.code.trim() === '') problems.push({ line: f.line, message: `challenge ${id ?? ''}: the \`\`\`${f.info} block is empty` });

  if (problems.length > before || !id || !start || !solution || !checks || 'problem' in checks || (cluster && 'problem' in cluster)) return undefined;
  return {
    kind: 'challenge',
    line: node.line,
    id,
    title: node.label || node.attrs.values.title || '',
    task: taskText,
    start: withNewline(start.code),
    checks: checks.checks,
    checksYaml: withNewline(checksFence!.code),
    ...(cluster ? { cluster: cluster.cluster } : {}),
    hints,
    solution: withNewline(solution.code),
    explanation: explanation ?? '',
    startLine: start.codeLine,
    solutionLine: solution.codeLine,
  };
}

function isMarkdown(n: { type: string }): n is TextNode | FenceNode {
  return n.type === 'text' || n.type === 'fence';
}

function withNewline(s: string): string {
  return s.endsWith('\n') ? s : `${s}\n`;
}
