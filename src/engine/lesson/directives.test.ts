import { describe, expect, it } from 'vitest';
import { parseAttributes, parseDirectives, type ContainerNode } from './directives.ts';

describe('parseDirectives', () => {
  const cases = [
    {
      name: 'a container with attributes and a nested container (same colon count)',
      source: ':::challenge{#fix title="Fix it"}\ntext\n:::hint\nh\n:::\n:::',
      shape: [{ type: 'container', name: 'challenge', line: 1, children: ['text', 'container:hint'] }],
      problems: [],
    },
    {
      name: 'outer fence with more colons, remark-directive style',
      source: '::::challenge{#a}\n:::hint\nh\n:::\n::::',
      shape: [{ type: 'container', name: 'challenge', line: 1, children: ['container:hint'] }],
      problems: [],
    },
    {
      name: 'inner fence with more colons',
      source: ':::challenge{#a}\n::::hints\n- h\n::::\n:::',
      shape: [{ type: 'container', name: 'challenge', line: 1, children: ['container:hints'] }],
      problems: [],
    },
    {
      name: 'a ::: inside a code fence is text',
      source: '```yaml\n:::\n:::quiz\n```\n',
      shape: [{ type: 'fence', line: 1 }, { type: 'text', line: 5 }],
      problems: [],
    },
    {
      name: 'a leaf directive',
      source: 'intro\n::playground{scenario="p.scenario.yaml"}\n',
      shape: [{ type: 'text', line: 1 }, { type: 'leaf', name: 'playground', line: 2 }, { type: 'text', line: 3 }],
      problems: [],
    },
    {
      name: 'an unclosed container is reported at its opening line',
      source: 'a\n:::quiz{#q type=single}\nb',
      shape: [{ type: 'text', line: 1 }, { type: 'container', name: 'quiz', line: 2, children: ['text'] }],
      problems: [{ line: 2, message: ':::quiz is never closed (add a line ":::")' }],
    },
    {
      name: 'a stray closing fence',
      source: 'a\n:::\n',
      shape: [{ type: 'text', line: 1 }],
      problems: [{ line: 2, message: '":::" closes nothing: no directive is open' }],
    },
    {
      name: 'a closing fence with the wrong colon count',
      source: '::::quiz{#q}\nx\n:::',
      shape: [{ type: 'container', name: 'quiz', line: 1, children: ['text'] }],
      problems: [{ line: 3, message: '":::" closes :::quiz (line 1), which was opened with 4 colons' }],
    },
    {
      name: 'an unclosed code fence',
      source: 'x\n```yaml\na: 1\n',
      shape: [{ type: 'text', line: 1 }, { type: 'fence', line: 2 }],
      problems: [{ line: 2, message: 'code fence ``` is never closed' }],
    },
    {
      name: 'text after the attributes',
      source: ':::quiz{#q} trailing\n:::',
      shape: [{ type: 'container', name: 'quiz', line: 1, children: [] }],
      problems: [{ line: 1, message: ':::quiz: the {attributes} are not closed, or text follows them' }],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { nodes, problems } = parseDirectives(c.source, 1);
      const shape = nodes.map((n) => ({
        type: n.type,
        line: n.line,
        ...(n.type === 'container' || n.type === 'leaf' ? { name: n.name } : {}),
        ...(n.type === 'container' ? { children: n.children.map((ch) => (ch.type === 'container' ? `container:${ch.name}` : ch.type)) } : {}),
      }));
      expect(shape).toEqual(c.shape);
      expect(problems).toEqual(c.problems);
    });
  }

  it('numbers lines from firstLine and keeps the fence info and code', () => {
    const { nodes } = parseDirectives(':::challenge{#a}\n```yaml start\nkind: Pod\n```\n:::', 10);
    const fence = (nodes[0] as ContainerNode).children[0];
    expect(fence).toMatchObject({ type: 'fence', line: 11, info: 'yaml start', code: 'kind: Pod', codeLine: 12 });
  });
});

describe('parseAttributes', () => {
  const cases = [
    { name: 'id, class, values', text: '#web .wide type=single title="Two words" q=\'x\'', want: { id: 'web', classes: ['wide'], values: { type: 'single', title: 'Two words', q: 'x' } } },
    { name: 'a bare key', text: 'caseSensitive', want: { classes: [], values: { caseSensitive: '' } } },
    { name: 'empty', text: '', want: { classes: [], values: {} } },
    { name: 'two ids', text: '#a #b', want: { error: 'two ids: #a and #b' } },
    { name: 'a repeated key', text: 'a=1 a=2', want: { error: 'attribute "a" is given twice' } },
    { name: 'an unclosed quote', text: 'title="x', want: { error: 'cannot read the attributes at "="x"' } },
  ];
  for (const c of cases) it(c.name, () => expect(parseAttributes(c.text)).toEqual(c.want));
});
