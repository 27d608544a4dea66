// Splits lesson markdown into a tree of directives (generic directive syntax: `:::name[label]{attrs}`
// containers closed by a bare `:::`, `::name[label]{attrs}` leaves), fenced code and plain text.
// Fenced code is opaque: a `:::` inside a YAML example is text, not a directive.

/** Text lines outside directives and fences. */
export interface TextNode {
  type: 'text';
  line: number;
  lines: string[];
}

/** A fenced code block, with its raw lines (fences included) for re-serialising as markdown. */
export interface FenceNode {
  type: 'fence';
  line: number;
  /** Everything after the opening backticks (`yaml start`). */
  info: string;
  /** The code between the fences. */
  code: string;
  /** Line of the first code line. */
  codeLine: number;
  lines: string[];
}

/** `:::name[label]{attrs}` … `:::`. */
export interface ContainerNode {
  type: 'container';
  line: number;
  name: string;
  label: string;
  attrs: DirectiveAttributes;
  children: DirectiveNode[];
}

/** `::name[label]{attrs}` on a line of its own. */
export interface LeafNode {
  type: 'leaf';
  line: number;
  name: string;
  label: string;
  attrs: DirectiveAttributes;
}

export type DirectiveNode = TextNode | FenceNode | ContainerNode | LeafNode;

/** `{#id .class key=value key="quoted value"}`. */
export interface DirectiveAttributes {
  id?: string;
  classes: string[];
  values: Record<string, string>;
}

/** A problem found while splitting: a line and a message. */
export interface DirectiveProblem {
  line: number;
  message: string;
}

const OPEN_CONTAINER = /^(:{3,})([A-Za-z][\w-]*)(.*)$/;
const CLOSE_CONTAINER = /^(:{3,})\s*$/;
const LEAF = /^::([A-Za-z][\w-]*)(.*)$/;
const FENCE = /^(\s*)(`{3,}|~{3,})(.*)$/;

/** Parses markdown (frontmatter already removed) into directive nodes; `firstLine` is the
 * 1-based file line of `source`'s first line. */
export function parseDirectives(source: string, firstLine: number): { nodes: DirectiveNode[]; problems: DirectiveProblem[] } {
  const lines = source.split('\n');
  const problems: DirectiveProblem[] = [];
  const root: ContainerNode = { type: 'container', line: 0, name: '', label: '', attrs: { classes: [], values: {} }, children: [] };
  const stack: Array<{ node: ContainerNode; colons: number }> = [{ node: root, colons: 0 }];
  const top = () => stack[stack.length - 1]!.node;
  const addText = (line: number, text: string) => {
    const children = top().children;
    const last = children[children.length - 1];
    if (last?.type === 'text') last.lines.push(text);
    else children.push({ type: 'text', line, lines: [text] });
  };

  let i = 0;
  while (i < lines.length) {
    const raw = lines[i]!;
    const lineNo = firstLine + i;
    const fence = FENCE.exec(raw);
    if (fence) {
      const [, indent = '', marker = '```', info = ''] = fence;
      // A backtick fence's info string may not contain backticks (CommonMark), so inline code
      // such as ```` ```x``` ```` on one line is not a fence.
      if (!(marker.startsWith('`') && info.includes('`'))) {
        const close = new RegExp(`^\\s*${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
        let j = i + 1;
        while (j < lines.length && !close.test(lines[j]!)) j++;
        if (j >= lines.length) {
          problems.push({ line: lineNo, message: `code fence ${marker} is never closed` });
          j = lines.length - 1;
        }
        const body = lines.slice(i + 1, j).map((l) => stripIndent(l, indent.length));
        top().children.push({ type: 'fence', line: lineNo, info: info.trim(), code: body.join('\n'), codeLine: lineNo + 1, lines: lines.slice(i, j + 1) });
        i = j + 1;
        continue;
      }
    }
    const close = CLOSE_CONTAINER.exec(raw);
    if (close) {
      const colons = close[1]!.length;
      if (stack.length === 1) problems.push({ line: lineNo, message: `"${raw.trim()}" closes nothing: no directive is open` });
      else {
        const open = stack.pop()!;
        if (open.colons !== colons) problems.push({ line: lineNo, message: `"${raw.trim()}" closes :::${open.node.name} (line ${open.node.line}), which was opened with ${open.colons} colons` });
      }
      i++;
      continue;
    }
    const container = OPEN_CONTAINER.exec(raw);
    if (container) {
      const head = parseHead(container[3] ?? '');
      if ('error' in head) problems.push({ line: lineNo, message: `:::${container[2]}: ${head.error}` });
      const node: ContainerNode = { type: 'container', line: lineNo, name: container[2]!, label: 'error' in head ? '' : head.label, attrs: 'error' in head ? { classes: [], values: {} } : head.attrs, children: [] };
      top().children.push(node);
      stack.push({ node, colons: container[1]!.length });
      i++;
      continue;
    }
    const leaf = LEAF.exec(raw);
    if (leaf) {
      const head = parseHead(leaf[2] ?? '');
      if ('error' in head) problems.push({ line: lineNo, message: `::${leaf[1]}: ${head.error}` });
      else top().children.push({ type: 'leaf', line: lineNo, name: leaf[1]!, label: head.label, attrs: head.attrs });
      i++;
      continue;
    }
    addText(lineNo, raw);
    i++;
  }
  for (const open of stack.slice(1)) problems.push({ line: open.node.line, message: `:::${open.node.name} is never closed (add a line "${':'.repeat(open.colons)}")` });
  return { nodes: root.children, problems };
}

function stripIndent(line: string, n: number): string {
  let k = 0;
  while (k < n && line[k] === ' ') k++;
  return line.slice(k);
}

/** Parses what follows a directive's name: `[label]{attrs}`, both optional, nothing else. */
function parseHead(rest: string): { label: string; attrs: DirectiveAttributes } | { error: string } {
  let s = rest.trimEnd();
  let label = '';
  if (s.startsWith('[')) {
    const end = s.indexOf(']');
    if (end === -1) return { error: 'the [label] is not closed' };
    label = s.slice(1, end).trim();
    s = s.slice(end + 1);
  }
  let attrs: DirectiveAttributes = { classes: [], values: {} };
  if (s.startsWith('{')) {
    if (!s.endsWith('}')) return { error: 'the {attributes} are not closed, or text follows them' };
    const parsed = parseAttributes(s.slice(1, -1));
    if ('error' in parsed) return parsed;
    attrs = parsed;
    s = '';
  }
  if (s.trim() !== '') return { error: `unexpected text "${s.trim()}" after the directive name (write [label] and {attributes} only)` };
  return { label, attrs };
}

/** Parses the inside of `{…}`: `#id`, `.class`, `key=value`, `key="value"`, `key='value'`, bare `key`. */
export function parseAttributes(text: string): DirectiveAttributes | { error: string } {
  const attrs: DirectiveAttributes = { classes: [], values: {} };
  const token = /\s*(?:#([\w-]+)|\.([\w-]+)|([A-Za-z_][\w-]*)(?:=(?:"([^"]*)"|'([^']*)'|([^\s"'=}]+)))?)/y;
  let pos = 0;
  while (pos < text.length) {
    if (text.slice(pos).trim() === '') break;
    token.lastIndex = pos;
    const m = token.exec(text);
    if (!m || m[0].trim() === '') return { error: `cannot read the attributes at "${text.slice(pos).trim()}"` };
    if (m[1] !== undefined) {
      if (attrs.id !== undefined) return { error: `two ids: #${attrs.id} and #${m[1]}` };
      attrs.id = m[1];
    } else if (m[2] !== undefined) attrs.classes.push(m[2]);
    else if (m[3] !== undefined) {
      if (m[3] in attrs.values) return { error: `attribute "${m[3]}" is given twice` };
      attrs.values[m[3]] = m[4] ?? m[5] ?? m[6] ?? '';
    }
    pos = token.lastIndex;
  }
  return attrs;
}

/** Re-serialises text and fence nodes as markdown, trimmed of blank edge lines. */
export function markdownOf(nodes: Array<TextNode | FenceNode>): string {
  return trimBlankLines(nodes.flatMap((n) => n.lines)).join('\n');
}

/** Drops leading and trailing blank lines. */
export function trimBlankLines(lines: string[]): string[] {
  let a = 0;
  let b = lines.length;
  while (a < b && lines[a]!.trim() === '') a++;
  while (b > a && lines[b - 1]!.trim() === '') b--;
  return lines.slice(a, b);
}
