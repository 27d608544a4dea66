import { describe, expect, it } from 'vitest';
import { challenge, FRONTMATTER, FULL_LESSON, manifests } from './fixtures.test-helpers.ts';
import { parseLesson } from './parse.ts';
import type { ChallengeBlock, QuizBlock } from './types.ts';

const FILE = 'lessons/01-demo/lesson.md';

describe('parseLesson', () => {
  it('reads frontmatter and every block kind in order', () => {
    const r = parseLesson(FILE, FULL_LESSON);
    if ('errors' in r) throw new Error(JSON.stringify(r.errors));
    const { lesson } = r;
    expect(lesson).toMatchObject({ file: FILE, id: 'demo', title: 'Demo lesson', objectives: ['Fix a Service'], minutes: 10, prerequisites: [], tags: ['CKA:services-networking'] });
    expect(lesson.blocks.map((b) => (b.kind === 'quiz' ? `quiz:${b.item.type}` : b.kind))).toEqual([
      'markdown', 'playground', 'challenge', 'challenge', 'quiz:single', 'quiz:multiple', 'quiz:ordering', 'quiz:short', 'quiz:predict', 'cheatsheet',
    ]);
    expect(lesson.blocks[1]).toEqual({ kind: 'playground', line: 14, scenario: 'playground.scenario.yaml', path: 'lessons/01-demo/playground.scenario.yaml', text: '' });
    // The result is plain data: it survives JSON unchanged.
    expect(JSON.parse(JSON.stringify(lesson))).toEqual(lesson);
  });

  it('reads a challenge: task, YAML blocks, checks with lesson lines, hints, explanation', () => {
    const text = `${FRONTMATTER}${challenge('fix')}`;
    const r = parseLesson(FILE, text);
    if ('errors' in r) throw new Error(JSON.stringify(r.errors));
    const c = r.lesson.blocks[0] as ChallengeBlock;
    const lines = text.split('\n');
    expect(c).toMatchObject({ kind: 'challenge', id: 'fix', title: 'Fix the selector', task: 'The Service selects nothing: fix it.', start: manifests('webb'), solution: manifests('web'), hints: ['Compare the selector with the pod\'s labels.'], explanation: 'A Service sends traffic to the ready pods its selector matches.' });
    expect(c.checks.map((k) => k.kind)).toEqual(['probe', 'endpoints']);
    expect(lines[c.checks[0]!.line - 1]).toMatch(/^- probe:/);
    expect(lines[c.checks[1]!.line - 1]).toMatch(/^- endpoints:/);
    expect(lines[c.startLine - 1]).toBe('apiVersion: v1');
    expect(lines[c.startLine - 2]).toBe('```yaml start');
  });

  it('reads hints from a ::::hints list and a cluster block', () => {
    const body = challenge('fix')
      .replace(':::hint\nCompare the selector with the pod\'s labels.\n:::', '::::hints\n- first `hint`\n- second\n  continued\n::::')
      .replace('```yaml checks', '```yaml cluster\nnetworkPolicy: false\nnodes: 1\n```\n\n```yaml checks');
    const r = parseLesson(FILE, `${FRONTMATTER}${body}`);
    if ('errors' in r) throw new Error(JSON.stringify(r.errors));
    const c = r.lesson.blocks[0] as ChallengeBlock;
    expect(c.hints).toEqual(['first `hint`', 'second\ncontinued']);
    expect(c.cluster).toEqual({ networkPolicy: false, nodes: 1 });
  });

  it('reads quiz items', () => {
    const r = parseLesson(FILE, FULL_LESSON);
    if ('errors' in r) throw new Error(JSON.stringify(r.errors));
    const items = r.lesson.blocks.filter((b): b is QuizBlock => b.kind === 'quiz').map((b) => b.item);
    expect(items[0]).toMatchObject({ type: 'single', prompt: 'Which object gives pods a stable virtual IP?', options: [{ text: 'Pod', correct: false }, { text: 'Service', correct: true }, { text: 'EndpointSlice', correct: false }] });
    expect(items[2]).toMatchObject({ type: 'ordering', steps: ['DNS lookup', 'DNAT to a pod', 'Delivery'] });
    expect(items[3]).toMatchObject({ type: 'short', accepted: ['10.96.0.10'], caseSensitive: false, prompt: 'What is the ClusterIP of kube-dns?' });
    expect(items[4]).toMatchObject({ type: 'predict', scenario: 'playground.scenario.yaml', path: 'lessons/01-demo/playground.scenario.yaml', question: { kind: 'probe', probe: { from: 'pod/default/client', to: 'http://web/' } } });
  });

  it('reads callouts in both spellings', () => {
    const r = parseLesson(FILE, `${FRONTMATTER}:::warning[Careful]\nText.\n:::\n\n:::callout{variant=tip}\nMore.\n:::\n`);
    if ('errors' in r) throw new Error(JSON.stringify(r.errors));
    expect(r.lesson.blocks).toEqual([
      { kind: 'callout', line: 10, variant: 'warning', title: 'Careful', text: 'Text.' },
      { kind: 'callout', line: 14, variant: 'tip', title: '', text: 'More.' },
    ]);
  });

  it('keeps lists inside code blocks out of options and steps', () => {
    const text = `${FRONTMATTER}:::quiz{#q type=ordering}
Given this manifest:
\`\`\`yaml
1. not a step
- [x] not an option
\`\`\`
1. first
2. second
:::explanation
E
:::
:::
`;
    const r = parseLesson(FILE, text);
    if ('errors' in r) throw new Error(JSON.stringify(r.errors));
    const item = (r.lesson.blocks[0] as QuizBlock).item;
    expect(item).toMatchObject({ type: 'ordering', steps: ['first', 'second'] });
    expect(item.prompt).toContain('1. not a step');
  });

  it('accepts CRLF line endings and a byte-order mark', () => {
    const r = parseLesson(FILE, `\uFEFF${FULL_LESSON}`.replace(/\n/g, '\r\n'));
    expect('lesson' in r).toBe(true);
  });

  // Each case: a broken lesson, the line and (part of) the message lint must print.
  const broken = [
    { name: 'an empty body', text: `${FRONTMATTER}\n\n`, line: 10, message: 'the lesson has no content after the frontmatter' },
    { name: 'no frontmatter', text: '# Hi\n', line: 1, message: 'a lesson starts with YAML frontmatter' },
    { name: 'frontmatter without minutes', text: FRONTMATTER.replace('minutes: 10\n', ''), line: 2, message: 'minutes is required' },
    { name: 'frontmatter with an unknown key', text: FRONTMATTER.replace('minutes: 10', 'minutes: 10\nduration: 5'), line: 7, message: 'unknown key "duration"' },
    { name: 'frontmatter YAML syntax error', text: FRONTMATTER.replace('title: Demo lesson', 'title: [Demo'), line: 4, message: 'YAML syntax error' },
    { name: 'a bad lesson id', text: FRONTMATTER.replace('id: demo', 'id: Demo_Lesson'), line: 2, message: 'must be lower-case words joined by hyphens' },
    { name: 'an unknown directive', text: `${FRONTMATTER}:::video\nx\n:::\n`, line: 10, message: 'unknown directive :::video' },
    { name: 'a challenge without an id', text: `${FRONTMATTER}${challenge('x').replace('{#x title="Fix the selector"}', '')}`, line: 10, message: ':::challenge needs an id' },
    { name: 'a challenge without a solution', text: `${FRONTMATTER}${challenge('x').replace('```yaml solution', '```yaml')}`, line: 10, message: 'missing a ```yaml solution block' },
    { name: 'a challenge with a typo in its checks', text: `${FRONTMATTER}${challenge('x').replace('expect: { outcome: connected, status: 200 }', 'expect: { outcom: connected }')}`, line: 49, message: 'unknown key "expect.outcom"' },
    { name: 'a challenge with a bad cluster block', text: `${FRONTMATTER}${challenge('x').replace('```yaml checks', '```yaml cluster\nkubeProxyMode: userspace\n```\n\n```yaml checks')}`, line: 48, message: 'unsupported kubeProxyMode "userspace"' },
    { name: 'a challenge without an explanation', text: `${FRONTMATTER}${challenge('x').replace(/:::explanation\n.*\n:::\n/, '')}`, line: 10, message: 'missing :::explanation' },
    { name: 'a challenge with an unexpected directive', text: `${FRONTMATTER}${challenge('x').replace(':::hint', ':::tip')}`, line: 54, message: 'unexpected :::tip inside a challenge' },
    { name: 'single choice with two correct options', text: `${FRONTMATTER}:::quiz{#q type=single}\nQ?\n- [x] a\n- [x] b\n:::explanation\nE\n:::\n:::\n`, line: 10, message: 'exactly one correct option (- [x]), found 2' },
    { name: 'single choice with one option', text: `${FRONTMATTER}:::quiz{#q type=single}\nQ?\n- [x] a\n:::explanation\nE\n:::\n:::\n`, line: 10, message: 'at least two options' },
    { name: 'multiple choice with no correct option', text: `${FRONTMATTER}:::quiz{#q type=multiple}\nQ?\n- [ ] a\n- [ ] b\n:::explanation\nE\n:::\n:::\n`, line: 10, message: 'at least one correct option' },
    { name: 'ordering with one step', text: `${FRONTMATTER}:::quiz{#q type=ordering}\nQ?\n1. a\n:::explanation\nE\n:::\n:::\n`, line: 10, message: 'at least two steps' },
    { name: 'ordering with a repeated step', text: `${FRONTMATTER}:::quiz{#q type=ordering}\nQ?\n1. a\n2. a\n:::explanation\nE\n:::\n:::\n`, line: 10, message: 'two steps have the same text' },
    { name: 'short answer without accepted forms', text: `${FRONTMATTER}:::quiz{#q type=short}\nQ?\n:::explanation\nE\n:::\n:::\n`, line: 10, message: 'one ```accept block' },
    { name: 'predict with two questions', text: `${FRONTMATTER}:::quiz{#q type=predict scenario="p.scenario.yaml"}\nQ?\n\`\`\`yaml predict\nprobe: {from: pod/default/a, to: b:80}\nendpoints: svc/default/b\n\`\`\`\n:::explanation\nE\n:::\n:::\n`, line: 13, message: 'write exactly one of probe' },
    { name: 'predict without a scenario or playground', text: `${FRONTMATTER}:::quiz{#q type=predict}\nQ?\n\`\`\`yaml predict\nendpoints: svc/default/b\n\`\`\`\n:::explanation\nE\n:::\n:::\n`, line: 10, message: 'a predict item needs scenario=' },
    { name: 'predict with an unknown probe key', text: `${FRONTMATTER}:::quiz{#q type=predict scenario="p.scenario.yaml"}\nQ?\n\`\`\`yaml predict\nprobe: {from: pod/default/a, to: b:80, port: 1}\n\`\`\`\n:::explanation\nE\n:::\n:::\n`, line: 13, message: 'unknown key "probe.port"' },
    { name: 'a quiz with an unknown type', text: `${FRONTMATTER}:::quiz{#q type=truefalse}\nQ?\n:::\n`, line: 10, message: 'type must be one of single, multiple, ordering, short, predict, got "truefalse"' },
    { name: 'two items with one id', text: `${FRONTMATTER}:::quiz{#q type=short}\nQ?\n\`\`\`accept\na\n\`\`\`\n:::explanation\nE\n:::\n:::\n:::quiz{#q type=short}\nQ?\n\`\`\`accept\na\n\`\`\`\n:::explanation\nE\n:::\n:::\n`, line: 19, message: 'id "q" is used twice' },
    { name: 'a playground without a scenario', text: `${FRONTMATTER}::playground\n`, line: 10, message: 'playground needs scenario=' },
    { name: 'an unclosed quiz', text: `${FRONTMATTER}:::quiz{#q type=short}\nQ?\n`, line: 10, message: ':::quiz is never closed' },
  ];
  for (const c of broken) {
    it(`reports ${c.name}`, () => {
      const r = parseLesson(FILE, c.text);
      expect('errors' in r).toBe(true);
      if (!('errors' in r)) return;
      expect(r.errors).toContainEqual({ file: FILE, line: c.line, message: expect.stringContaining(c.message) as string });
    });
  }
});
