import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../engine/types.ts';
import { countLabel } from './problems.ts';

const d = (severity: Diagnostic['severity']): Diagnostic => ({ code: 'c', severity, message: 'm' });

describe('countLabel', () => {
  it.each([
    { name: 'none', diags: [], want: 'No problems' },
    { name: 'one error', diags: [d('error')], want: '1 error' },
    { name: 'errors and a warning', diags: [d('error'), d('error'), d('warning')], want: '2 errors, 1 warning' },
    { name: 'info only', diags: [d('info')], want: 'No problems' },
  ])('$name', ({ diags, want }) => expect(countLabel(diags)).toBe(want));
});
