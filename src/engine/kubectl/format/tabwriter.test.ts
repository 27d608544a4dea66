import { describe, expect, it } from 'vitest';
import { alignTabs, DESCRIBE_TABWRITER, formatTable, GET_TABWRITER } from './tabwriter.ts';

// Expected layouts follow Go's text/tabwriter: a column is as wide as its widest cell plus the
// padding (never below minwidth) within a block of consecutive lines that have that column, and
// the last cell of a line is never padded.
describe('alignTabs', () => {
  const cases = [
    {
      name: 'kubectl get: padding 3, minwidth 6, last column unpadded',
      input: 'NAME\tAGE\nweb\t5m\n',
      options: GET_TABWRITER,
      want: 'NAME   AGE\nweb    5m\n',
    },
    {
      name: 'minwidth 6 applies to short columns',
      input: 'A\tB\tC\nx\ty\tz\n',
      options: GET_TABWRITER,
      want: 'A     B     C\nx     y     z\n',
    },
    {
      // As in `kubectl describe pod`: IP lines up with Controlled By, not with Name.
      name: 'a line without tabs ends the column block',
      input: 'Name:\tweb\nIPs:\n  IP:\t10.0.0.1\nControlled By:\tReplicaSet/x\nContainers:\n  c:\n',
      options: DESCRIBE_TABWRITER,
      want: 'Name:  web\nIPs:\n  IP:           10.0.0.1\nControlled By:  ReplicaSet/x\nContainers:\n  c:\n',
    },
    {
      name: 'an empty cell still takes its column width',
      input: '  Host\tPath\tBackends\n  foo.bar.com\t\n    \t/foo \tsvc:80\n',
      options: DESCRIBE_TABWRITER,
      want: '  Host         Path  Backends\n  foo.bar.com  \n               /foo   svc:80\n',
    },
    {
      name: 'widths count characters, not UTF-16 units',
      input: 'é\tx\nab\ty\n',
      options: DESCRIBE_TABWRITER,
      want: 'é   x\nab  y\n',
    },
    { name: 'text without a trailing newline keeps it that way', input: 'a\tb', options: GET_TABWRITER, want: 'a     b' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(alignTabs(c.input, c.options)).toBe(c.want);
    });
  }

  it('formatTable joins rows with tabs', () => {
    expect(formatTable([['NAME', 'READY'], ['web-1', '1/1']])).toBe('NAME    READY\nweb-1   1/1\n');
  });
});
