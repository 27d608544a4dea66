// The JSONPath templates of `kubectl get -o jsonpath=...` and `-o custom-columns=...`
// (k8s.io/client-go/util/jsonpath): text with {expressions}, fields, [n], [*], [a:b], ..name,
// filters [?(@.x=="y")], {range ...}{end} and quoted literals.

type Value = unknown;

/** A parse or evaluation problem, worded as client-go's jsonpath words it. */
export class JsonPathError extends Error {}

function isObject(v: Value): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Prints one result as kubectl does: strings bare, everything else as JSON. */
function printValue(v: Value): string {
  if (typeof v === 'string') return v;
  if (v === undefined) return '';
  return JSON.stringify(v);
}

// Splits `.a.b[0]['c']` into steps.
type Step = { kind: 'field'; name: string } | { kind: 'recursive'; name: string } | { kind: 'index'; index: number } | { kind: 'slice'; start?: number; end?: number } | { kind: 'all' } | { kind: 'filter'; path: Step[]; op: string; value: string | number | undefined };

function parsePath(expr: string): Step[] {
  const steps: Step[] = [];
  let i = 0;
  const s = expr.trim();
  if (s === '@' || s === '$') return steps;
  if (s.startsWith('@') || s.startsWith('$')) i = 1;
  while (i < s.length) {
    if (s.startsWith('..', i)) {
      const m = /^[A-Za-z0-9_\-/]+/.exec(s.slice(i + 2));
      if (!m) throw new JsonPathError(`unrecognized identifier ${s.slice(i)}`);
      steps.push({ kind: 'recursive', name: m[0] });
      i += 2 + m[0].length;
    } else if (s[i] === '.') {
      const m = /^[A-Za-z0-9_\-/]*/.exec(s.slice(i + 1))!;
      if (m[0]) steps.push({ kind: 'field', name: m[0] });
      i += 1 + m[0].length;
    } else if (s[i] === '[') {
      const close = findClose(s, i);
      const inner = s.slice(i + 1, close).trim();
      i = close + 1;
      if (inner === '*') steps.push({ kind: 'all' });
      else if (/^-?\d+$/.test(inner)) steps.push({ kind: 'index', index: Number(inner) });
      else if (/^-?\d*:-?\d*$/.test(inner)) {
        const [a, b] = inner.split(':');
        steps.push({ kind: 'slice', ...(a ? { start: Number(a) } : {}), ...(b ? { end: Number(b) } : {}) });
      } else if (/^'.*'$|^".*"$/.test(inner)) steps.push({ kind: 'field', name: inner.slice(1, -1) });
      else if (inner.startsWith('?(') && inner.endsWith(')')) {
        const body = inner.slice(2, -1).trim();
        const m = /^(@[^=!<>]*?)\s*(==|!=|<=|>=|<|>)\s*(.+)$/.exec(body);
        if (m) {
          const raw = m[3]!.trim();
          const value = /^['"].*['"]$/.test(raw) ? raw.slice(1, -1) : Number.isFinite(Number(raw)) ? Number(raw) : raw;
          steps.push({ kind: 'filter', path: parsePath(m[1]!), op: m[2]!, value });
        } else steps.push({ kind: 'filter', path: parsePath(body), op: 'exists', value: undefined });
      } else throw new JsonPathError(`invalid array index ${inner}`);
    } else throw new JsonPathError(`unrecognized character in action: U+${s.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')} '${s[i]}'`);
  }
  return steps;
}

function findClose(s: string, open: number): number {
  let depth = 0;
  let quote = '';
  for (let i = open; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  throw new JsonPathError('unterminated array');
}

function walk(values: Value[], steps: Step[]): Value[] {
  let current = values;
  for (const step of steps) {
    const next: Value[] = [];
    for (const v of current) {
      switch (step.kind) {
        case 'field':
          if (isObject(v) && step.name in v) next.push(v[step.name]);
          break;
        case 'recursive': {
          const visit = (x: Value) => {
            if (isObject(x)) {
              if (step.name in x) next.push(x[step.name]);
              Object.values(x).forEach(visit);
            } else if (Array.isArray(x)) x.forEach(visit);
          };
          visit(v);
          break;
        }
        case 'index':
          if (Array.isArray(v)) {
            const idx = step.index < 0 ? v.length + step.index : step.index;
            if (idx < 0 || idx >= v.length) throw new JsonPathError(`array index out of bounds: index ${step.index}, length ${v.length}`);
            next.push(v[idx]);
          }
          break;
        case 'slice':
          if (Array.isArray(v)) next.push(...v.slice(step.start ?? 0, step.end ?? v.length));
          break;
        case 'all':
          if (Array.isArray(v)) next.push(...v);
          else if (isObject(v)) next.push(...Object.values(v));
          break;
        case 'filter': {
          const items = Array.isArray(v) ? v : [v];
          for (const item of items) {
            const found = walk([item], step.path);
            if (step.op === 'exists' ? found.length > 0 : found.some((f) => compare(f, step.op, step.value))) next.push(item);
          }
          break;
        }
      }
    }
    current = next;
  }
  return current;
}

function compare(a: Value, op: string, b: string | number | undefined): boolean {
  const x = typeof b === 'number' && typeof a === 'string' && a.trim() !== '' ? Number(a) : a;
  switch (op) {
    case '==':
      return x === b || String(x) === String(b);
    case '!=':
      return String(x) !== String(b);
    case '<':
      return Number(x) < Number(b);
    case '>':
      return Number(x) > Number(b);
    case '<=':
      return Number(x) <= Number(b);
    default:
      return Number(x) >= Number(b);
  }
}

type Node = { kind: 'text'; text: string } | { kind: 'expr'; expr: string } | { kind: 'range'; expr: string; body: Node[] };

function parseTemplate(template: string): Node[] {
  const root: Node[] = [];
  const stack: Node[][] = [root];
  const ranges: Array<{ kind: 'range'; expr: string; body: Node[] }> = [];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open === -1) {
      stack[stack.length - 1]!.push({ kind: 'text', text: template.slice(i) });
      break;
    }
    if (open > i) stack[stack.length - 1]!.push({ kind: 'text', text: template.slice(i, open) });
    const close = template.indexOf('}', open);
    if (close === -1) throw new JsonPathError(`unclosed action`);
    const inner = template.slice(open + 1, close).trim();
    i = close + 1;
    if (inner.startsWith('range ')) {
      const node = { kind: 'range' as const, expr: inner.slice(6), body: [] as Node[] };
      stack[stack.length - 1]!.push(node);
      ranges.push(node);
      stack.push(node.body);
    } else if (inner === 'end') {
      if (stack.length === 1) throw new JsonPathError('not in range, nothing to end');
      stack.pop();
      ranges.pop();
    } else if (/^".*"$|^'.*'$/.test(inner)) {
      stack[stack.length - 1]!.push({ kind: 'text', text: inner.slice(1, -1).replace(/\\n/g, '\n').replace(/\\t/g, '\t') });
    } else stack[stack.length - 1]!.push({ kind: 'expr', expr: inner });
  }
  if (stack.length > 1) throw new JsonPathError('unclosed range');
  return root;
}

function run(nodes: Node[], data: Value, out: string[]): void {
  for (const n of nodes) {
    if (n.kind === 'text') out.push(n.text);
    else if (n.kind === 'expr') out.push(walk([data], parsePath(n.expr)).map(printValue).join(' '));
    else for (const item of walk([data], parsePath(n.expr))) run(n.body, item, out);
  }
}

/** Evaluates a kubectl JSONPath template against an object (or a List of them). */
export function evaluateJsonPath(template: string, data: Value): string {
  const out: string[] = [];
  // A bare path without braces is wrapped, as kubectl's RelaxedJSONPathExpression does.
  const t = template.includes('{') ? template : `{${template}}`;
  run(parseTemplate(t), data, out);
  return out.join('');
}

/** The values a single path finds (for custom-columns cells). */
export function findValues(path: string, data: Value): Value[] {
  const p = path.trim().replace(/^\{(.*)\}$/, '$1');
  return walk([data], parsePath(p.startsWith('.') || p.startsWith('[') || p.startsWith('@') || p.startsWith('$') ? p : `.${p}`));
}

/** One custom-columns cell: values joined by commas, `<none>` when nothing matched. */
export function customColumnCell(path: string, data: Value): string {
  const values = findValues(path, data);
  return values.length === 0 ? '<none>' : values.map(printValue).join(',');
}
