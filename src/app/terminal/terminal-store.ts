// The terminal's state: whether the drawer is open (persisted), and per workspace the kubectl
// session and what the screen showed (kept while the page lives), so closing and reopening the
// drawer, or coming back to a lesson, finds the terminal as it was left.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { TerminalSession } from '../../engine/kubectl/session.ts';
import type { DocumentKey } from '../state/documents-store.ts';

/** Characters of screen text kept per workspace to redraw a reopened terminal. */
export const TRANSCRIPT_LIMIT = 64_000;

export interface TerminalState {
  sessions: Record<DocumentKey, TerminalSession>;
  transcripts: Record<DocumentKey, string>;
  setSession(key: DocumentKey, session: TerminalSession): void;
  appendTranscript(key: DocumentKey, text: string): void;
  clearTranscript(key: DocumentKey): void;
}

export interface TerminalDrawerState {
  open: boolean;
  setOpen(open: boolean): void;
}

/** Keeps the last `limit` characters of `text`, cut at a line start so no escape sequence or
 * line is left half. */
export function trimTranscript(text: string, limit = TRANSCRIPT_LIMIT): string {
  if (text.length <= limit) return text;
  const tail = text.slice(text.length - limit);
  const newline = tail.indexOf('\n');
  return newline === -1 ? '' : tail.slice(newline + 1);
}

/** The terminals' sessions and screens, per workspace (not persisted: a session is rebuilt from
 * the editor's YAML, which is the cluster). */
export const useTerminal = create<TerminalState>()((set) => ({
  sessions: {},
  transcripts: {},
  setSession: (key, session) => set((s) => ({ sessions: { ...s.sessions, [key]: session } })),
  appendTranscript: (key, text) => set((s) => ({ transcripts: { ...s.transcripts, [key]: trimTranscript((s.transcripts[key] ?? '') + text) } })),
  clearTranscript: (key) => set((s) => ({ transcripts: { ...s.transcripts, [key]: '' } })),
}));

/** Whether the terminal drawer is open; persisted, like the other folds. */
export const useTerminalDrawer = create<TerminalDrawerState>()(
  persist(
    (set) => ({
      open: false,
      setOpen: (open) => set({ open }),
    }),
    {
      name: 'netlab:terminal',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ open: s.open }),
      merge: (persisted, current) => ({ ...current, open: (persisted as { open?: unknown } | undefined)?.open === true }),
    },
  ),
);
