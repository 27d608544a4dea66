// Non-blocking messages to the learner (engine restarted, broken share link, ...).
import { create } from 'zustand';

export interface Notice {
  id: number;
  tone: 'info' | 'warning' | 'error';
  message: string;
  action?: { label: string; run: () => void };
}

export interface NoticesState {
  notices: Notice[];
  push(notice: Omit<Notice, 'id'>): number;
  dismiss(id: number): void;
}

let nextId = 1;

/** The banner stack; identical messages are not stacked twice. */
export const useNotices = create<NoticesState>()((set) => ({
  notices: [],
  push: (notice) => {
    const id = nextId++;
    set((s) => ({ notices: [...s.notices.filter((n) => n.message !== notice.message), { ...notice, id }].slice(-4) }));
    return id;
  },
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}));
