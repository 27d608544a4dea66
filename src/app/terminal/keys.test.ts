import { describe, expect, it } from 'vitest';
import { keyAction, type KeyAction, type KeyLike } from './keys.ts';

const down = (key: string, mods: Partial<KeyLike> = {}): KeyLike => ({ type: 'keydown', key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('keyAction', () => {
  const cases: Array<{ name: string; event: KeyLike; selection?: boolean; want: KeyAction }> = [
    { name: 'a letter goes to the terminal', event: down('a'), want: 'terminal' },
    { name: 'Ctrl+C without a selection interrupts', event: down('c', { ctrlKey: true }), want: 'terminal' },
    { name: 'Ctrl+C with a selection copies', event: down('c', { ctrlKey: true }), selection: true, want: 'browser' },
    { name: 'Cmd+C with a selection copies', event: down('c', { metaKey: true }), selection: true, want: 'browser' },
    { name: 'Ctrl+Shift+C copies', event: down('C', { ctrlKey: true, shiftKey: true }), want: 'copy-now' },
    { name: 'Ctrl+V pastes', event: down('v', { ctrlKey: true }), want: 'browser' },
    { name: 'Ctrl+Shift+V pastes', event: down('V', { ctrlKey: true, shiftKey: true }), want: 'browser' },
    { name: 'Shift+Insert pastes', event: down('Insert', { shiftKey: true }), want: 'browser' },
    { name: 'Tab completes', event: down('Tab'), want: 'terminal' },
    { name: 'Shift+Tab leaves the terminal', event: down('Tab', { shiftKey: true }), want: 'browser' },
    { name: 'Ctrl+L clears', event: down('l', { ctrlKey: true }), want: 'terminal' },
    { name: 'the keyup of a paste stays with the browser', event: { ...down('v', { ctrlKey: true }), type: 'keyup' }, want: 'browser' },
  ];
  for (const c of cases) it(c.name, () => expect(keyAction(c.event, c.selection ?? false)).toBe(c.want));
});
