// Lets any component ask the (lazily loaded) editor to reveal a source range.
import { create } from 'zustand';
import type { SourceRange } from '../../engine/types.ts';

export interface EditorBridgeState {
  /** The latest reveal request; `nonce` makes a repeated request for the same range fire again. */
  reveal?: { range: SourceRange; nonce: number };
  revealRange(range: SourceRange): void;
}

/** The reveal channel between panels and the editor. */
export const useEditorBridge = create<EditorBridgeState>()((set) => ({
  revealRange: (range) => set((s) => ({ reveal: { range, nonce: (s.reveal?.nonce ?? 0) + 1 } })),
}));
