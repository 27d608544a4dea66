import { afterEach, describe, expect, it, vi } from 'vitest';

/** A localStorage holding `saved` under the progress key. */
function fakeStorage(saved: string | undefined) {
  const items = new Map<string, string>(saved === undefined ? [] : [['netlab:progress', saved]]);
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
    items,
  };
}

async function loadStore(saved: string | undefined) {
  const storage = fakeStorage(saved);
  vi.stubGlobal('localStorage', storage);
  vi.resetModules();
  const { useProgress } = await import('./progress-store.ts');
  await useProgress.persist.rehydrate();
  return { useProgress, storage };
}

afterEach(() => vi.unstubAllGlobals());

describe('useProgress', () => {
  const good = JSON.stringify({ state: { lessons: { l: { challenges: { c: { solved: true, attempts: 1, hintsShown: 0, solutionShown: false } }, quizzes: {} } } }, version: 1 });
  it.each([
    { name: 'nothing saved', saved: undefined, solved: undefined },
    { name: 'saved progress', saved: good, solved: true },
    { name: 'corrupt JSON', saved: '{"state": {', solved: undefined },
    { name: 'a foreign shape', saved: JSON.stringify({ state: { lessons: 'nope' }, version: 1 }), solved: undefined },
    { name: 'an older version', saved: JSON.stringify({ state: { lessons: { l: { challenges: { c: { solved: true } } } } }, version: 0 }), solved: true },
  ])('loads $name without throwing', async ({ saved, solved }) => {
    const { useProgress } = await loadStore(saved);
    expect(useProgress.getState().lessons.l?.challenges.c?.solved).toBe(solved);
  });

  it('saves what is dispatched', async () => {
    const { useProgress, storage } = await loadStore(undefined);
    useProgress.getState().dispatch({ type: 'quizAnswered', lesson: 'l', quiz: 'q', answer: 2, correct: true });
    expect(JSON.parse(storage.items.get('netlab:progress') ?? '{}')).toEqual({ state: { lessons: { l: { challenges: {}, quizzes: { q: { answer: 2, correct: true, attempts: 1 } } } } }, version: 1 });
  });
});
