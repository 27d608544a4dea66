import type { Figure } from './bench.ts';

/** NetworkPolicy figures; filled in by the NetworkPolicy benchmark when that module lands. */
export function netpolFigures(_quick: boolean): Record<string, Figure> {
  return {};
}
