// The lesson's YAML frontmatter: split off, parsed with line numbers, and checked field by field.
import { isMap, isScalar, LineCounter, parseDocument, type Node as YamlNode, type YAMLMap } from 'yaml';

/** The frontmatter fields a lesson carries. */
export interface Frontmatter {
  id: string;
  title: string;
  objectives: string[];
  minutes: number;
  prerequisites: string[];
  tags: string[];
}

const KEYS = ['id', 'title', 'objectives', 'minutes', 'prerequisites', 'tags'];
export const LESSON_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Splits `---` frontmatter from the body; `bodyLine` is the file line the body starts on. */
export function splitFrontmatter(text: string): { yaml: string; body: string; bodyLine: number } | undefined {
  const lines = text.split('\n');
  if (lines[0]?.trim() !== '---') return undefined;
  const end = lines.findIndex((l, i) => i > 0 && (l.trim() === '---' || l.trim() === '...'));
  if (end === -1) return undefined;
  return { yaml: lines.slice(1, end).join('\n'), body: lines.slice(end + 1).join('\n'), bodyLine: end + 2 };
}

/** Parses and checks the frontmatter YAML (which starts on file line 2). */
export function parseFrontmatter(yaml: string): { frontmatter: Frontmatter } | { problems: Array<{ line: number; message: string }> } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + 1;
  const lineOf = (node: YamlNode | null | undefined) => (node?.range ? lineAt(node.range[0]) : 2);
  const problems: Array<{ line: number; message: string }> = [];
  for (const e of doc.errors) problems.push({ line: lineAt(e.pos[0]), message: `frontmatter: YAML syntax error: ${e.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}` });
  if (problems.length) return { problems };
  const root = doc.contents;
  if (!isMap(root)) return { problems: [{ line: 2, message: 'frontmatter must be a mapping with id, title, objectives, minutes, prerequisites and tags' }] };
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '?';
    if (!KEYS.includes(key)) problems.push({ line: lineOf(pair.key as YamlNode), message: `frontmatter: unknown key "${key}" (expected one of: ${KEYS.join(', ')})` });
  }
  const node = (key: string) => (root as YAMLMap).items.find((p) => isScalar(p.key) && p.key.value === key)?.value as YamlNode | undefined;
  const str = (key: string): string => {
    const n = node(key);
    if (isScalar(n) && typeof n.value === 'string' && n.value.trim() !== '') return n.value.trim();
    problems.push({ line: n ? lineOf(n) : 2, message: `frontmatter: ${key} is required (a non-empty string)` });
    return '';
  };
  const list = (key: string, required: boolean): string[] => {
    const n = node(key);
    if (n === undefined || (isScalar(n) && n.value === null)) {
      if (required) problems.push({ line: 2, message: `frontmatter: ${key} is required (a list of strings)` });
      return [];
    }
    const value: unknown = n.toJSON();
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.trim() === '')) {
      problems.push({ line: lineOf(n), message: `frontmatter: ${key} must be a list of non-empty strings` });
      return [];
    }
    if (required && value.length === 0) problems.push({ line: lineOf(n), message: `frontmatter: ${key} must list at least one entry` });
    return (value as string[]).map((v) => v.trim());
  };
  const id = str('id');
  if (id && !LESSON_ID.test(id)) problems.push({ line: lineOf(node('id')), message: `frontmatter: id "${id}" must be lower-case words joined by hyphens (e.g. pod-network)` });
  const title = str('title');
  const objectives = list('objectives', true);
  const minutesNode = node('minutes');
  const minutes = isScalar(minutesNode) && typeof minutesNode.value === 'number' ? minutesNode.value : NaN;
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 600) problems.push({ line: minutesNode ? lineOf(minutesNode) : 2, message: 'frontmatter: minutes is required (a whole number of minutes, 1 to 600)' });
  const prerequisites = list('prerequisites', false);
  const tags = list('tags', false);
  for (const tag of tags) if (/\s/.test(tag)) problems.push({ line: lineOf(node('tags')), message: `frontmatter: tag "${tag}" contains whitespace (write CKA:services-networking)` });
  if (problems.length) return { problems };
  return { frontmatter: { id, title, objectives, minutes, prerequisites, tags } };
}
