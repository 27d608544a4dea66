// Label selectors as kubectl reads them (`-l 'app=web,tier in (a,b),!canary'`, the grammar of
// k8s.io/apimachinery/pkg/labels) and prints them (labels.FormatLabels, metav1.FormatLabelSelector).

import type { LabelSelector, Labels } from '../../types.ts';

/** One requirement of a parsed selector. */
export interface Requirement {
  key: string;
  operator: '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!';
  values: string[];
}

const IDENT = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const PREFIX = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** A qualified label key: `[prefix/]name`, the name at most 63 characters. */
function validKey(key: string): boolean {
  const parts = key.split('/');
  const name = parts[parts.length - 1]!;
  if (parts.length > 2 || !NAME.test(name) || name.length > 63) return false;
  return parts.length === 1 || PREFIX.test(parts[0]!);
}

/** Parses a label selector string; errors are worded as the apimachinery parser words them. */
export function parseSelector(text: string): Requirement[] | { error: string } {
  const reqs: Requirement[] = [];
  const src = text.trim();
  if (src === '') return reqs;
  let i = 0;
  const skipSpace = () => {
    while (i < src.length && src[i] === ' ') i++;
  };
  const ident = (): string => {
    skipSpace();
    const m = /^[^\s,=!()]+/.exec(src.slice(i));
    if (!m) return '';
    i += m[0].length;
    return m[0];
  };
  while (i <= src.length) {
    skipSpace();
    let negated = false;
    if (src[i] === '!') {
      negated = true;
      i++;
    }
    const key = ident();
    if (!key) return { error: `unable to parse requirement: found '${src[i] ?? 'end of string'}', expected: identifier` };
    if (!validKey(key)) {
      return { error: `unable to parse requirement: <nil>: Invalid value: "${key}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')` };
    }
    skipSpace();
    if (negated) reqs.push({ key, operator: '!', values: [] });
    else if (i >= src.length || src[i] === ',') reqs.push({ key, operator: 'exists', values: [] });
    else if (src.startsWith('==', i) || src.startsWith('!=', i) || src[i] === '=') {
      const op = src.startsWith('==', i) ? '==' : src.startsWith('!=', i) ? '!=' : '=';
      i += op.length;
      skipSpace();
      const m = /^[^\s,()]*/.exec(src.slice(i))!;
      i += m[0].length;
      if (!IDENT.test(m[0])) return { error: `unable to parse requirement: <nil>: Invalid value: "${m[0]}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')` };
      reqs.push({ key, operator: op, values: [m[0]] });
    } else {
      const word = ident();
      if (word !== 'in' && word !== 'notin') return { error: `found '${word || src[i] || 'end of string'}', expected: in, notin, =, ==, !=, gt, lt` };
      skipSpace();
      if (src[i] !== '(') return { error: `found '${src.slice(i).split(/[\s,]/)[0] || 'end of string'}' expected: '('` };
      const close = src.indexOf(')', i);
      if (close === -1) return { error: `found 'end of string', expected: ',', ')' or identifier` };
      const values = src.slice(i + 1, close).split(',').map((v) => v.trim()).filter((v) => v !== '');
      if (values.length === 0) return { error: `unable to parse requirement: <nil>: Invalid value: null: for 'in', 'notin' operators, values set can't be empty` };
      i = close + 1;
      reqs.push({ key, operator: word, values });
    }
    skipSpace();
    if (i >= src.length) break;
    if (src[i] !== ',') return { error: `found '${src[i]}', expected: ',' or 'end of string'` };
    i++;
  }
  return reqs;
}

/** Whether labels satisfy every requirement (NotIn and != match objects without the key). */
export function matchesRequirements(labels: Labels, reqs: Requirement[]): boolean {
  return reqs.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(labels, r.key);
    const v = labels[r.key];
    switch (r.operator) {
      case '=':
      case '==':
        return has && v === r.values[0];
      case '!=':
        return !has || v !== r.values[0];
      case 'in':
        return has && r.values.includes(v!);
      case 'notin':
        return !has || !r.values.includes(v!);
      case 'exists':
        return has;
      case '!':
        return !has;
    }
  });
}

/** labels.FormatLabels: `k=v` sorted by key, or `<none>`. */
export function formatLabels(labels: Labels | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${labels![k]}`).join(',') : '<none>';
}

/** metav1.FormatLabelSelector: requirements sorted by key, `<none>` when empty. */
export function formatLabelSelector(selector: LabelSelector | undefined): string {
  const text = selectorString(selector);
  return text === '' ? '<none>' : text;
}

/** labels.Selector String() of a metav1.LabelSelector ('' when it selects everything). */
export function selectorString(selector: LabelSelector | undefined): string {
  if (!selector) return '';
  const parts: Array<{ key: string; text: string }> = [];
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) parts.push({ key: k, text: `${k}=${v}` });
  for (const e of selector.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort();
    const list = values.length === 1 ? values[0] : values.join(',');
    if (e.operator === 'In') parts.push({ key: e.key, text: `${e.key} in (${list})` });
    else if (e.operator === 'NotIn') parts.push({ key: e.key, text: `${e.key} notin (${list})` });
    else if (e.operator === 'Exists') parts.push({ key: e.key, text: e.key });
    else parts.push({ key: e.key, text: `!${e.key}` });
  }
  // Stable sort by key, as the internal selector sorts its requirements.
  return parts
    .map((p, i) => ({ ...p, i }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i))
    .map((p) => p.text)
    .join(',');
}
