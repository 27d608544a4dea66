import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, readMarkdownDocument, safeHref, splitRow, type Block, type Inline } from './markdown.ts';

const text = (t: string): Inline[] => [{ type: 'text', text: t }];
const item = (t: string, blocks: Block[] = []) => ({ children: text(t), blocks });

describe('parseMarkdown', () => {
  const cases: Array<{ name: string; source: string; want: Block[] }> = [
    { name: 'heading', source: '## Try it', want: [{ type: 'heading', level: 2, children: text('Try it') }] },
    { name: 'deep heading', source: '##### Deep', want: [{ type: 'heading', level: 5, children: text('Deep') }] },
    { name: 'paragraph joins lines', source: 'a\nb', want: [{ type: 'paragraph', children: text('a b') }] },
    { name: 'ordered list with a continuation line', source: '1. one\n   more\n2. two', want: [{ type: 'list', ordered: true, start: 1, items: [item('one more'), item('two')] }] },
    { name: 'ordered list keeps its start', source: '3. three\n4. four', want: [{ type: 'list', ordered: true, start: 3, items: [item('three'), item('four')] }] },
    { name: 'bullet list', source: '- a\n- b', want: [{ type: 'list', ordered: false, start: 1, items: [item('a'), item('b')] }] },
    { name: 'lazy continuation', source: '- a\nstill a\n- b', want: [{ type: 'list', ordered: false, start: 1, items: [item('a still a'), item('b')] }] },
    {
      name: 'nested list',
      source: '- a\n  - a1\n  - a2\n- b',
      want: [{ type: 'list', ordered: false, start: 1, items: [item('a', [{ type: 'list', ordered: false, start: 1, items: [item('a1'), item('a2')] }]), item('b')] }],
    },
    {
      name: 'a code fence inside a list item',
      source: '1. **Default deny**:\n   ```yaml\n   spec:\n     podSelector: {}\n   ```\n2. next',
      want: [
        {
          type: 'list',
          ordered: true,
          start: 1,
          items: [{ children: [{ type: 'strong', children: text('Default deny') }, { type: 'text', text: ':' }], blocks: [{ type: 'code', lang: 'yaml', text: 'spec:\n  podSelector: {}' }] }, item('next')],
        },
      ],
    },
    { name: 'fenced code keeps its text', source: '```yaml\nkind: Pod\n  x: 1\n```', want: [{ type: 'code', lang: 'yaml', text: 'kind: Pod\n  x: 1' }] },
    { name: 'a longer fence holds a shorter one', source: '````md\n```yaml\nx\n```\n````', want: [{ type: 'code', lang: 'md', text: '```yaml\nx\n```' }] },
    { name: 'quote', source: '> note', want: [{ type: 'quote', children: [{ type: 'paragraph', children: text('note') }] }] },
    { name: 'rule', source: '---', want: [{ type: 'rule' }] },
    {
      name: 'table with alignment and code',
      source: '| What | Command |\n| :--- | ---: |\n| Services | `kubectl get svc` |\n| Rules | `iptables-save \\| grep x` |',
      want: [
        {
          type: 'table',
          align: ['left', 'right'],
          header: [text('What'), text('Command')],
          rows: [
            [text('Services'), [{ type: 'code', text: 'kubectl get svc' }]],
            [text('Rules'), [{ type: 'code', text: 'iptables-save | grep x' }]],
          ],
        },
      ],
    },
    { name: 'a paragraph with a pipe is not a table', source: 'a | b\nc', want: [{ type: 'paragraph', children: text('a | b c') }] },
    { name: 'raw HTML stays text', source: '<script>alert(1)</script>', want: [{ type: 'paragraph', children: text('<script>alert(1)</script>') }] },
    { name: 'an event handler stays text', source: '<img src=x onerror="alert(1)">', want: [{ type: 'paragraph', children: text('<img src=x onerror="alert(1)">') }] },
  ];
  it.each(cases)('$name', ({ source, want }) => expect(parseMarkdown(source)).toEqual(want));
});

describe('splitRow', () => {
  it.each([
    { name: 'outer pipes', row: '| a | b |', want: ['a', 'b'] },
    { name: 'no outer pipes', row: 'a | b', want: ['a', 'b'] },
    { name: 'an empty first cell', row: '| | x |', want: ['', 'x'] },
    { name: 'a pipe inside code', row: '| `a|b` | c |', want: ['`a|b`', 'c'] },
    { name: 'an escaped pipe', row: '| a \\| b | c |', want: ['a | b', 'c'] },
  ])('$name', ({ row, want }) => expect(splitRow(row)).toEqual(want));
});

describe('parseInline', () => {
  const cases: Array<{ name: string; source: string; want: Inline[] }> = [
    { name: 'code', source: 'set `replicas: 3`', want: [{ type: 'text', text: 'set ' }, { type: 'code', text: 'replicas: 3' }] },
    { name: 'double-backtick code holds a backtick', source: '`` a`b ``', want: [{ type: 'code', text: 'a`b' }] },
    { name: 'strong and em', source: '**a** *b* _c_', want: [{ type: 'strong', children: text('a') }, { type: 'text', text: ' ' }, { type: 'em', children: text('b') }, { type: 'text', text: ' ' }, { type: 'em', children: text('c') }] },
    { name: 'web link', source: '[docs](https://kubernetes.io)', want: [{ type: 'link', href: 'https://kubernetes.io', children: text('docs') }] },
    { name: 'in-page link', source: '[lesson 5](#/lesson/endpoint-slices)', want: [{ type: 'link', href: '#/lesson/endpoint-slices', children: text('lesson 5') }] },
    { name: 'script link becomes text', source: '[x](javascript:alert(1))', want: text('x)') },
    { name: 'escaped asterisk', source: '\\*not em\\*', want: text('*not em*') },
    { name: 'snake_case is not emphasis', source: 'ip_address_here', want: text('ip_address_here') },
  ];
  it.each(cases)('$name', ({ source, want }) => expect(parseInline(source)).toEqual(want));
});

describe('safeHref', () => {
  it.each([
    { name: 'https', href: 'https://a.b', want: 'https://a.b' },
    { name: 'in-page route', href: '#/playground', want: '#/playground' },
    { name: 'javascript', href: 'javascript:alert(1)', want: undefined },
    { name: 'JavaScript in capitals', href: 'JaVaScRiPt:alert(1)', want: undefined },
    { name: 'data', href: 'data:text/html,x', want: undefined },
  ])('$name', ({ href, want }) => expect(safeHref(href)).toBe(want));
});

describe('readMarkdownDocument', () => {
  it.each([
    { name: 'title from frontmatter', source: '---\ntitle: "Services"\n---\n# Other', want: 'Services' },
    { name: 'title from the first heading', source: 'intro\n\n# DNS', want: 'DNS' },
    { name: 'a default title', source: 'just text', want: 'Lesson' },
  ])('$name', ({ source, want }) => expect(readMarkdownDocument(source).title).toBe(want));
});
