// Which keys the terminal keeps and which it leaves to the browser (copy, paste, leaving the
// terminal), decided from the key event alone so it is tested without a browser.

/** What to do with a key: give it to xterm, leave it to the browser, or copy the selection now. */
export type KeyAction = 'terminal' | 'browser' | 'copy-now';

/** The fields of a KeyboardEvent the decision needs. */
export type KeyLike = Pick<KeyboardEvent, 'type' | 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

/** Ctrl+Shift+C copies; Ctrl+C (Cmd+C) copies when text is selected and interrupts otherwise;
 * Ctrl+V, Ctrl+Shift+V and Shift+Insert paste through the browser's paste event (which xterm
 * turns into one bracketed paste); Shift+Tab moves focus out of the terminal, since Tab completes. */
export function keyAction(event: KeyLike, hasSelection: boolean): KeyAction {
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  const mod = event.ctrlKey || event.metaKey;
  if (event.type !== 'keydown') {
    // Let a paste or copy the browser handles run without xterm seeing its other key events.
    if (mod && (key === 'v' || (key === 'c' && (hasSelection || event.shiftKey)))) return 'browser';
    return 'terminal';
  }
  if (mod && key === 'c' && event.shiftKey) return 'copy-now';
  if (mod && key === 'c' && hasSelection && !event.altKey) return 'browser';
  if (mod && key === 'v' && !event.altKey) return 'browser';
  if (event.shiftKey && key === 'Insert') return 'browser';
  if (event.shiftKey && key === 'Tab' && !mod) return 'browser';
  return 'terminal';
}
