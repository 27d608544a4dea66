import { describe, expect, it } from 'vitest';
import { FULL_LESSON, PLAYGROUND, reader } from './fixtures.test-helpers.ts';
import { parseLesson } from './parse.ts';
import { computePrediction, resolvePredictions } from './predict.ts';
import type { PredictItem, PredictQuestion } from './types.ts';

const item = (question: PredictQuestion): PredictItem => ({ id: 'p', line: 1, prompt: 'Q?', explanation: 'E', type: 'predict', scenario: 'p.scenario.yaml', path: 'l/p.scenario.yaml', question });
const noFiles = () => undefined;
const notReady = PLAYGROUND.replace('metadata: { name: web, labels: { app: web } }', 'metadata: { name: web, labels: { app: web } }\n  status: { phase: Running, conditions: [{ type: Ready, status: "False" }] }');

describe('computePrediction', () => {
  const cases = [
    { name: 'a probe that connects', scenario: PLAYGROUND, question: { kind: 'probe', probe: { from: 'pod/default/client', to: 'http://web/' } } as PredictQuestion, correct: ['connected'], multiple: false },
    { name: 'a probe to a Service without ready endpoints is refused', scenario: notReady, question: { kind: 'probe', probe: { from: 'pod/default/client', to: 'http://web/' } } as PredictQuestion, correct: ['refused'], multiple: false },
    { name: 'a probe to an unknown name', scenario: PLAYGROUND, question: { kind: 'probe', probe: { from: 'pod/default/client', to: 'http://nope/' } } as PredictQuestion, correct: ['unresolved'], multiple: false },
    { name: 'a lookup that resolves', scenario: PLAYGROUND, question: { kind: 'lookup', lookup: { from: 'pod/default/client', name: 'web' } } as PredictQuestion, correct: ['noerror'], multiple: false },
    { name: 'a lookup of an unknown name', scenario: PLAYGROUND, question: { kind: 'lookup', lookup: { from: 'pod/default/client', name: 'nope' } } as PredictQuestion, correct: ['nxdomain'], multiple: false },
    { name: 'endpoints: the ready pods', scenario: PLAYGROUND, question: { kind: 'endpoints', service: 'svc/default/web' } as PredictQuestion, correct: ['default/web'], multiple: true },
    { name: 'endpoints: none when the pod is not ready', scenario: notReady, question: { kind: 'endpoints', service: 'svc/default/web' } as PredictQuestion, correct: [], multiple: true },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const p = computePrediction(item(c.question), c.scenario, noFiles);
      if ('error' in p) throw new Error(p.error);
      expect(p.correct).toEqual(c.correct);
      expect(p.multiple).toBe(c.multiple);
      for (const id of p.correct) expect(p.choices.map((x) => x.id)).toContain(id);
    });
  }

  it('offers the namespace\'s pods as endpoint choices, with their IPs', () => {
    const p = computePrediction(item({ kind: 'endpoints', service: 'svc/default/web' }), PLAYGROUND, noFiles);
    expect(p).toMatchObject({ choices: [{ id: 'default/client', label: 'client (10.244.1.2)' }, { id: 'default/web', label: 'web (10.244.0.2)' }] });
  });

  const failures = [
    { name: 'an unknown source pod', scenario: PLAYGROUND, question: { kind: 'probe', probe: { from: 'pod/default/ghost', to: 'http://web/' } } as PredictQuestion, error: /ghost/ },
    { name: 'an unknown Service', scenario: PLAYGROUND, question: { kind: 'endpoints', service: 'svc/default/ghost' } as PredictQuestion, error: /services "ghost" not found/ },
    { name: 'a broken scenario', scenario: 'name: x\nbogus: 1\n', question: { kind: 'endpoints', service: 'svc/default/web' } as PredictQuestion, error: /unknown key "bogus"/ },
  ];
  for (const c of failures) {
    it(`cannot answer with ${c.name}`, () => {
      const p = computePrediction(item(c.question), c.scenario, noFiles);
      expect('error' in p && p.error).toMatch(c.error);
    });
  }
});

describe('resolvePredictions', () => {
  it('fills predict items and reports missing scenario files', () => {
    const r = parseLesson('lessons/01-demo/lesson.md', FULL_LESSON);
    if ('errors' in r) throw new Error(JSON.stringify(r.errors));
    const ok = resolvePredictions(r.lesson, reader({ 'lessons/01-demo/playground.scenario.yaml': PLAYGROUND }));
    expect(ok.errors).toEqual([]);
    const predict = ok.lesson.blocks.find((b) => b.kind === 'quiz' && b.item.type === 'predict');
    expect(predict?.kind === 'quiz' && predict.item.type === 'predict' && predict.item.prediction?.correct).toEqual(['connected']);
    const missing = resolvePredictions(r.lesson, reader({}));
    expect(missing.errors).toEqual([{ file: 'lessons/01-demo/lesson.md', line: expect.any(Number) as number, message: 'quiz guess: scenario file not found: playground.scenario.yaml (looked for lessons/01-demo/playground.scenario.yaml)' }]);
  });
});
