// `:::quiz{#id type=...}`: single and multiple choice (task lists), ordering (a numbered list in the
// right order), short answer (an ```accept fence), predict (a ```yaml predict fence: a check
// without its expectation, which the engine computes).
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { joinRelative } from '../scenario/load.ts';
import { markdownOf, trimBlankLines, type ContainerNode, type FenceNode, type TextNode } from './directives.ts';
import { BLOCK_ID } from './challenge.ts';
import { splitListItems } from './lists.ts';
import type { PredictQuestion, QuizItem } from './types.ts';

type Problem = { line: number; message: string };

export const QUIZ_TYPES = ['single', 'multiple', 'ordering', 'short', 'predict'] as const;
const PREDICT_KEYS: Record<string, string[]> = {
  probe: ['from', 'to', 'protocol', 'headers', 'method'],
  lookup: ['from', 'name', 'type'],
};

/** Builds a quiz item from its directive; `defaultScenario` is the lesson's first playground. */
export function readQuiz(file: string, node: ContainerNode, defaultScenario: string | undefined, problems: Problem[]): QuizItem | undefined {
  const before = problems.length;
  const fail = (line: number, message: string) => problems.push({ line, message: `quiz ${node.attrs.id ?? ''}: ${message}`.replace('quiz : ', 'quiz: ') });
  const id = node.attrs.id;
  if (!id) fail(node.line, 'needs an id: :::quiz{#which-port type=single}');
  else if (!BLOCK_ID.test(id)) fail(node.line, `id "${id}" must be lower-case words joined by hyphens`);
  const typeValue = node.attrs.values.type;
  if (!typeValue || !(QUIZ_TYPES as readonly string[]).includes(typeValue)) {
    fail(node.line, `type must be one of ${QUIZ_TYPES.join(', ')}${typeValue ? `, got "${typeValue}"` : ''}`);
    return undefined;
  }
  const type = typeValue as QuizItem['type'];
  const allowed = ['type', ...(type === 'predict' ? ['scenario'] : []), ...(type === 'short' ? ['caseSensitive'] : [])];
  for (const key of Object.keys(node.attrs.values)) if (!allowed.includes(key)) fail(node.line, `unknown attribute "${key}" for a ${type} item (expected #id, ${allowed.join(', ')})`);

  let explanation: string | undefined;
  const body: Array<TextNode | FenceNode> = [];
  for (const child of node.children) {
    if (child.type === 'container' && child.name === 'explanation') {
      if (explanation !== undefined) fail(child.line, 'a second :::explanation');
      explanation = markdownOf(child.children.filter((c): c is TextNode | FenceNode => c.type === 'text' || c.type === 'fence'));
    } else if (child.type === 'text' || child.type === 'fence') body.push(child);
    else fail(child.line, `unexpected ${child.type === 'leaf' ? '::' : ':::'}${child.name} inside a quiz (expected :::explanation)`);
  }
  if (!explanation) fail(node.line, 'missing :::explanation (shown after the learner answers)');
  const base = { id: id ?? '', line: node.line, explanation: explanation ?? '' };

  let item: QuizItem | undefined;
  const lines = body.flatMap((n) => n.lines);
  const opaque = body.flatMap((n) => n.lines.map(() => n.type === 'fence'));
  if (type === 'single' || type === 'multiple') {
    const { items } = splitListItems(lines, false, opaque);
    const options = items.filter((i) => i.checked !== undefined);
    const prompt = promptWithout(lines, options);
    const correct = options.filter((o) => o.checked).length;
    if (options.length < 2) fail(node.line, `a ${type} choice item needs at least two options written as a task list (- [x] right, - [ ] wrong)`);
    else if (type === 'single' && correct !== 1) fail(node.line, `a single choice item has exactly one correct option (- [x]), found ${correct}`);
    else if (type === 'multiple' && correct === 0) fail(node.line, 'a multiple choice item needs at least one correct option (- [x])');
    if (new Set(options.map((o) => o.text)).size !== options.length) fail(node.line, 'two options have the same text');
    if (options.some((o) => o.text === '')) fail(node.line, 'an option is empty');
    item = { ...base, type, prompt, options: options.map((o) => ({ text: o.text, correct: o.checked === true })) };
  } else if (type === 'ordering') {
    const { items } = splitListItems(lines, true, opaque);
    const prompt = promptWithout(lines, items);
    if (items.length < 2) fail(node.line, 'an ordering item needs at least two steps, written as a numbered list in the correct order');
    if (new Set(items.map((i) => i.text)).size !== items.length) fail(node.line, 'two steps have the same text, so their order cannot be told apart');
    if (items.some((i) => i.text === '')) fail(node.line, 'a step is empty');
    item = { ...base, type, prompt, steps: items.map((i) => i.text) };
  } else if (type === 'short') {
    const accepts = body.filter((n): n is FenceNode => n.type === 'fence' && /^(?:text\s+)?accept$/.test(n.info));
    if (accepts.length !== 1) fail(node.line, 'a short answer item needs one ```accept block, one accepted answer per line');
    const accepted = accepts.flatMap((f) => f.code.split('\n').map((l) => l.trim()).filter((l) => l !== ''));
    if (accepts.length === 1 && accepted.length === 0) fail(accepts[0]!.line, 'the ```accept block lists no answers');
    const cs = node.attrs.values.caseSensitive;
    if (cs !== undefined && !['', 'true', 'false'].includes(cs)) fail(node.line, 'caseSensitive is true or false');
    item = { ...base, type, prompt: markdownOf(body.filter((n) => !accepts.includes(n as FenceNode))), accepted, caseSensitive: cs === '' || cs === 'true' };
  } else {
    const fences = body.filter((n): n is FenceNode => n.type === 'fence' && /^(?:yaml|yml)\s+predict$/.test(n.info));
    if (fences.length !== 1) fail(node.line, 'a predict item needs one ```yaml predict block (probe: {from, to}, lookup: {from, name} or endpoints: svc/<ns>/<name>)');
    const question = fences[0] ? readPredictQuestion(fences[0], fail) : undefined;
    const scenario = node.attrs.values.scenario ?? defaultScenario;
    if (!scenario) fail(node.line, 'a predict item needs scenario="<file>.scenario.yaml" (or a playground earlier in the lesson)');
    else if (!/\.scenario\.ya?ml$/.test(scenario)) fail(node.line, `scenario "${scenario}" must be a *.scenario.yaml file in the lesson folder`);
    if (question && scenario) item = { ...base, type, prompt: markdownOf(body.filter((n) => !fences.includes(n as FenceNode))), scenario, path: joinRelative(file, scenario), question };
  }
  if (item && item.prompt === '') fail(node.line, 'the question text is empty');
  return problems.length > before ? undefined : item;
}

/** The markdown lines that are not inside the given list items. */
function promptWithout(lines: string[], items: Array<{ index: number; end: number }>): string {
  const kept = lines.filter((_, i) => !items.some((it) => i >= it.index && i < it.end));
  return trimBlankLines(kept).join('\n');
}

function readPredictQuestion(fence: FenceNode, fail: (line: number, message: string) => void): PredictQuestion | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(fence.code, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const err = doc.errors[0];
  if (err) {
    fail(fence.codeLine + lineCounter.linePos(err.pos[0]).line - 1, `predict: YAML syntax error: ${err.message.split('\n')[0]}`);
    return undefined;
  }
  const root = doc.contents;
  const keys = isMap(root) ? root.items.map((p) => (isScalar(p.key) ? String(p.key.value) : '?')) : [];
  if (keys.length !== 1 || !['probe', 'lookup', 'endpoints'].includes(keys[0]!)) {
    fail(fence.codeLine, 'predict: write exactly one of probe: {from, to}, lookup: {from, name} or endpoints: svc/<ns>/<name>');
    return undefined;
  }
  const kind = keys[0]!;
  const value: unknown = (doc.toJSON() as Record<string, unknown>)[kind];
  if (kind === 'endpoints') {
    if (typeof value !== 'string' || !/^(svc|service)\/[^/]+\/[^/]+$/.test(value)) {
      fail(fence.codeLine, 'predict: endpoints takes a Service reference, svc/<ns>/<name>');
      return undefined;
    }
    return { kind: 'endpoints', service: value };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(fence.codeLine, `predict: ${kind} must be a mapping`);
    return undefined;
  }
  const spec = value as Record<string, unknown>;
  const unknown = Object.keys(spec).find((k) => !PREDICT_KEYS[kind]!.includes(k));
  if (unknown) {
    fail(fence.codeLine, `predict: unknown key "${kind}.${unknown}" (expected one of: ${PREDICT_KEYS[kind]!.join(', ')})`);
    return undefined;
  }
  const need = kind === 'probe' ? ['from', 'to'] : ['from', 'name'];
  for (const k of need) {
    if (typeof spec[k] !== 'string' || spec[k] === '') {
      fail(fence.codeLine, `predict: ${kind}.${k} is required (a string)`);
      return undefined;
    }
  }
  if (kind === 'probe') return { kind: 'probe', probe: spec as { from: string; to: string } };
  return { kind: 'lookup', lookup: spec as { from: string; name: string } };
}
