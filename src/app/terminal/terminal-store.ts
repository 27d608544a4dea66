// The terminal drawer's state: whether it is open (persisted), and per workspace the kubectl
// session and what the screen showed, so closing and reopening the drawer (or coming back to a
// lesson) finds the terminal as it was left.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { TerminalSession } from '../../engine/kubectl/session.ts';
import type { DocumentKey } from '../state/documents-store.ts';

/** Characters of screen text kept per workspace to redraw a reopened terminal. */
export const TRANSCRIPT_LIMIT = 64_000;

export interface TerminalState {
  open: boolean;
  sessions: Record<DocumentKey, TerminalSession>;
  transcripts: Record<DocumentKey, string>;
  setOpen(open: boolean): void;
  setSession(key: DocumentKey, session: TerminalSession): void;
  appendTranscript(key: DocumentKey, text: string): void;
  clearTranscript(key: DocumentKey): void;
}

/** Keeps the last `limit` characters of `text`, cut at a line start so no escape sequence or
 * line is left half. */
export function trimTranscript(text: string, limit = TRANSCRIPT_LIMIT): string {
  if (text.length <= limit) return text;
  const tail = text.slice(text.length - limit);
  const newline = tail.indexOf('\n');
  return newline === -1 ? '' : tail.slice(newline + 1);
}

/** The terminal drawer and its sessions. */
export const useTerminal = create<TerminalState>()(
  persist(
    (set) => ({
      open: false,
      sessions: {},
      transcripts: {},
      setOpen: (open) => set({ open }),
      setSession: (key, session) => set((s) => ({ sessions: { ...s.sessions, [key]: session } })),
      appendTranscript: (key, text) => set((s) => ({ transcripts: { ...s.transcripts, [key]: trimTranscript((s.transcripts[key] ?? '') + text) } })),
      clearTranscript: (key) => set((s) => ({ transcripts: { ...s.transcripts, [key]: '' } })),
    }),
    {
      name: 'netlab:terminal',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      // Only the drawer's state survives a reload: a session is rebuilt from the editor's YAML.
      partialize: (s) => ({ open: s.open }),
      merge: (persisted, current) => ({ ...current, open: (persisted as { open?: unknown } | undefined)?.open === true }),
    },
  ),
);
