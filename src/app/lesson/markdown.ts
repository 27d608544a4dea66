// A small Markdown reader for lesson text: block and inline structure as data, rendered by React
// elements (never as HTML), so lesson or shared content cannot run script. Raw HTML stays text.

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] };

export type Align = 'left' | 'center' | 'right' | undefined;

/** One list item: its first paragraph, and any blocks nested under it (code, sub-lists). */
export interface ListItem {
  children: Inline[];
  blocks: Block[];
}

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: Inline[] }
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'list'; ordered: boolean; start: number; items: ListItem[] }
  | { type: 'code'; lang: string; text: string }
  | { type: 'quote'; children: Block[] }
  | { type: 'table'; align: Align[]; header: Inline[][]; rows: Inline[][][] }
  | { type: 'rule' };

/** A Markdown document: its title (from frontmatter or the first heading) and body. */
export interface MarkdownDocument {
  title: string;
  blocks: Block[];
}

/** Splits `---` frontmatter off and reads its `title:`; used for the built-in welcome text. */
export function readMarkdownDocument(source: string): MarkdownDocument {
  let body = source.replace(/\r\n?/g, '\n');
  let title: string | undefined;
  const front = /^---\n([\s\S]*?)\n---\n?/.exec(body);
  if (front) {
    body = body.slice(front[0].length);
    const t = /^title:\s*(.+)$/m.exec(front[1] ?? '');
    if (t?.[1]) title = t[1].trim().replace(/^(['"])(.*)\1$/, '$2');
  }
  const blocks = parseMarkdown(body);
  const firstHeading = blocks.find((b): b is Extract<Block, { type: 'heading' }> => b.type === 'heading');
  return { title: title ?? (firstHeading ? plainText(firstHeading.children) : 'Lesson'), blocks };
}

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([\w+-]*)[^`]*$/;
const HEADING = /^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const RULE = /^ {0,3}([-*_])(\s*\1){2,}\s*$/;
const TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/** Parses Markdown blocks: ATX headings, paragraphs, nested lists, fenced code, quotes, GFM
 * tables and rules. */
export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1] ?? '```';
      const indent = line.length - line.trimStart().length;
      const body: string[] = [];
      i++;
      while (i < lines.length && !new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`).test(lines[i] ?? '')) {
        body.push(stripIndent(lines[i] ?? '', indent));
        i++;
      }
      i++;
      blocks.push({ type: 'code', lang: fence[2] ?? '', text: body.join('\n') });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ type: 'heading', level: (heading[1]?.length ?? 1) as 1 | 2 | 3 | 4 | 5 | 6, children: parseInline(heading[2] ?? '') });
      i++;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ type: 'rule' });
      i++;
      continue;
    }
    if (line.includes('|') && isTableDelimiter(lines[i + 1] ?? '')) {
      const header = splitRow(line);
      const align = splitRow(lines[i + 1] ?? '').map(alignOf);
      const rows: Inline[][][] = [];
      i += 2;
      while (i < lines.length && (lines[i] ?? '').trim() !== '' && (lines[i] ?? '').includes('|')) {
        const cells = splitRow(lines[i] ?? '');
        rows.push(header.map((_, c) => parseInline(cells[c] ?? '')));
        i++;
      }
      blocks.push({ type: 'table', align: header.map((_, c) => align[c]), header: header.map(parseInline), rows });
      continue;
    }
    const item = listMarker(line);
    if (item) {
      const parsed = readList(lines, i, item);
      blocks.push(parsed.block);
      i = parsed.next;
      continue;
    }
    if (/^ {0,3}>/.test(line)) {
      const quoted: string[] = [];
      while (i < lines.length && /^ {0,3}>/.test(lines[i] ?? '')) quoted.push((lines[i++] ?? '').replace(/^ {0,3}>\s?/, ''));
      blocks.push({ type: 'quote', children: parseMarkdown(quoted.join('\n')) });
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && (lines[i] ?? '').trim() !== '' && (para.length === 0 || !startsBlock(lines[i] ?? ''))) para.push((lines[i++] ?? '').trim());
    blocks.push({ type: 'paragraph', children: parseInline(para.join(' ')) });
  }
  return blocks;
}

interface Marker {
  ordered: boolean;
  /** Spaces before the marker. */
  indent: number;
  /** Column where the item's content starts. */
  content: number;
  number: number;
  text: string;
}

function listMarker(line: string): Marker | undefined {
  const m = /^( {0,3})([-*+]|(\d{1,9})[.)])( +)(.*)$/.exec(line) ?? /^( {0,3})([-*+]|(\d{1,9})[.)])()$/.exec(line);
  if (!m) return undefined;
  const indent = m[1]?.length ?? 0;
  const spaces = Math.min(4, Math.max(1, m[4]?.length ?? 1));
  return { ordered: m[3] !== undefined, indent, content: indent + (m[2]?.length ?? 1) + spaces, number: Number(m[3] ?? 1), text: m[5] ?? '' };
}

/** Reads a list starting at `start`: each item's lines (dedented past its marker) are parsed as
 * blocks of their own, so code fences and sub-lists nest. */
function readList(lines: string[], start: number, first: Marker): { block: Block; next: number } {
  const items: ListItem[] = [];
  let i = start;
  let marker: Marker | undefined = first;
  while (marker && marker.ordered === first.ordered) {
    const body = [marker.text];
    const content = marker.content;
    i++;
    let lastBlank = false;
    while (i < lines.length) {
      const line = lines[i] ?? '';
      if (line.trim() === '') {
        body.push('');
        lastBlank = true;
        i++;
        continue;
      }
      const indent = line.length - line.trimStart().length;
      if (indent >= content) {
        body.push(line.slice(content));
        lastBlank = false;
        i++;
        continue;
      }
      // A lazy continuation line of the item's paragraph.
      if (!lastBlank && !startsBlock(line) && body.some((b) => b.trim() !== '')) {
        body.push(line.trim());
        i++;
        continue;
      }
      break;
    }
    while (body.length > 0 && body[body.length - 1]?.trim() === '') body.pop();
    const parsed = parseMarkdown(body.join('\n'));
    const head = parsed[0];
    items.push(head?.type === 'paragraph' ? { children: head.children, blocks: parsed.slice(1) } : { children: [], blocks: parsed });
    const next = lines[i] ?? '';
    marker = i < lines.length ? listMarker(next) : undefined;
    if (marker && marker.indent > first.indent + 3) marker = undefined;
  }
  return { block: { type: 'list', ordered: first.ordered, start: first.number, items }, next: i };
}

function stripIndent(line: string, indent: number): string {
  let n = 0;
  while (n < indent && line[n] === ' ') n++;
  return line.slice(n);
}

function startsBlock(line: string): boolean {
  return FENCE.test(line) || HEADING.test(line) || /^ {0,3}>/.test(line) || RULE.test(line) || listMarker(line) !== undefined;
}

/** Splits a table row on `|` that are neither escaped (`\|`) nor inside a code span. */
export function splitRow(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let inCode = false;
  const text = line.trim().replace(/^\|/, '');
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && text[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (c === '`') {
      inCode = !inCode;
      cell += c;
    } else if (c === '|' && !inCode) {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  if (cell.trim() !== '' || !text.endsWith('|')) cells.push(cell.trim());
  return cells;
}

function isTableDelimiter(line: string): boolean {
  return TABLE_DELIMITER.test(line) && line.includes('|') && line.includes('-');
}

function alignOf(cell: string): Align {
  const left = cell.startsWith(':');
  const right = cell.endsWith(':');
  return left && right ? 'center' : right ? 'right' : left ? 'left' : undefined;
}

/** Parses inline Markdown: `code`, **strong**, *em* / _em_, [links](https://...), and `\` escapes. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let rest = text;
  const pushText = (t: string) => {
    if (!t) return;
    const last = out[out.length - 1];
    if (last?.type === 'text') last.text += t;
    else out.push({ type: 'text', text: t });
  };
  while (rest.length > 0) {
    const m = /\\([\\`*_[\]()#|<>!-])|(`+)([\s\S]+?)\2(?!`)|\*\*(.+?)\*\*|\*([^*\s][^*]*?)\*|(?<![\w])_([^_\s][^_]*?)_(?![\w])|\[([^\]]+)\]\(([^)\s]+)\)/.exec(rest);
    if (!m) {
      pushText(rest);
      break;
    }
    pushText(rest.slice(0, m.index));
    if (m[1] !== undefined) pushText(m[1]);
    else if (m[3] !== undefined) out.push({ type: 'code', text: codeSpan(m[3]) });
    else if (m[4] !== undefined) out.push({ type: 'strong', children: parseInline(m[4]) });
    else if (m[5] !== undefined) out.push({ type: 'em', children: parseInline(m[5]) });
    else if (m[6] !== undefined) out.push({ type: 'em', children: parseInline(m[6]) });
    else if (m[7] !== undefined && m[8] !== undefined) {
      const href = safeHref(m[8]);
      if (href) out.push({ type: 'link', href, children: parseInline(m[7]) });
      else out.push(...parseInline(m[7]));
    }
    rest = rest.slice(m.index + m[0].length);
  }
  return out;
}

// A code span keeps its text; one space on each side is padding (``` `` `x` `` ```).
function codeSpan(text: string): string {
  return /^ .*\S.* $/.test(text) ? text.slice(1, -1) : text;
}

/** Only web links and in-page routes are followed; `javascript:` and friends become plain text. */
export function safeHref(href: string): string | undefined {
  if (/^https?:\/\//i.test(href) || href.startsWith('#')) return href;
  return undefined;
}

/** The text of inline content without markup. */
export function plainText(inlines: Inline[]): string {
  return inlines.map((n) => (n.type === 'text' || n.type === 'code' ? n.text : plainText(n.children))).join('');
}
