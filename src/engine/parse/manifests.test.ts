import { describe, expect, it } from 'vitest';
import { createParseCache, parseManifests, splitDocuments, splitFieldPath } from './manifests.ts';

describe('parseManifests', () => {
  it('loads every document with its source', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n  - port: 80\n    nodePort: 80\n';
    const parsed = parseManifests([{ file: 'm.yaml', text }]);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.documents.map((d) => d.object.kind)).toEqual(['Pod', 'Service']);
    const svc = parsed.documents[1]!;
    expect(svc.doc).toBe(1);
    expect(svc.locate('spec.ports[0].nodePort').startLine).toBe(13);
    expect(svc.locate('spec.ports[0].nodePort').startCol).toBe(5);
    // A missing field falls back to the nearest parent that exists.
    expect(svc.locate('spec.ports[0].targetPort').startLine).toBe(12);
  });

  const cases = [
    { name: 'syntax error gives its line', text: 'kind: Pod\nmetadata:\n  name: [a\n', code: 'yaml_syntax_error' },
    { name: 'missing kind', text: 'apiVersion: v1\nmetadata:\n  name: a\n', code: 'missing_kind' },
    { name: 'scalar document', text: 'hello\n', code: 'not_an_object' },
    { name: 'duplicate key', text: 'apiVersion: v1\nkind: Pod\nkind: Pod\n', code: 'yaml_syntax_error' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const parsed = parseManifests([{ file: 'x.yaml', text: c.text }]);
      expect(parsed.diagnostics.map((d) => d.code)).toContain(c.code);
      expect(parsed.diagnostics[0]?.range?.startLine).toBeGreaterThan(0);
    });
  }

  it('skips empty documents and expands Lists', () => {
    const text = '---\n---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: a}\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: b}\n';
    const parsed = parseManifests([{ file: 'x.yaml', text }]);
    expect(parsed.documents.map((d) => d.object.metadata.name)).toEqual(['a', 'b']);
    expect(parsed.documents[1]!.locate('metadata.name').startLine).toBe(11);
  });

  it('honours a line offset', () => {
    const parsed = parseManifests([{ file: 's.yaml', text: 'a: [\n', lineOffset: 10 }]);
    expect(parsed.diagnostics[0]!.range!.startLine).toBeGreaterThan(10);
  });
});

describe('splitFieldPath', () => {
  it('splits dotted and indexed paths', () => {
    expect(splitFieldPath('spec.ports[0].nodePort')).toEqual(['spec', 'ports', 0, 'nodePort']);
    expect(splitFieldPath('metadata.labels[app.kubernetes.io/name]')).toEqual(['metadata', 'labels', 'app.kubernetes.io/name']);
  });
});

describe('parse cache', () => {
  it('re-parses only changed documents and keeps line numbers right', () => {
    const cache = createParseCache();
    const a = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n';
    const b = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: b\n';
    const first = parseManifests([{ file: 'm.yaml', text: `${a}---\n${b}` }], cache);
    expect(cache.chunks.size).toBe(2);
    const second = parseManifests([{ file: 'm.yaml', text: `# new line\n${a}---\n${b}` }], cache);
    expect(second.documents[1]!.object.metadata).toBe(first.documents[1]!.object.metadata);
    expect(second.documents[1]!.locate('metadata.name').startLine).toBe(first.documents[1]!.locate('metadata.name').startLine + 1);
    expect(cache.chunks.size).toBe(2);
  });

  it('splits at document markers only at the start of a line', () => {
    expect(splitDocuments('a: 1\n---\nb: "x --- y"\n--- # c\nc: 3\n').map((c) => c.line)).toEqual([0, 1, 3]);
  });
});

describe('YAML as kubectl reads it', () => {
  it('reads yes/on/off as booleans and 0644 as octal, like go-yaml v2; y/n stay strings', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: y}\ndata: {a: yes, b: on, c: "yes", d: 0644, e: 1:20, f: 2001-12-14, g: n}\n';
    const obj = parseManifests([{ file: 'x', text }]).documents[0]!.object as unknown as { metadata: { namespace: string }; data: Record<string, unknown> };
    expect(obj.metadata.namespace).toBe('y');
    expect(obj.data).toEqual({ a: true, b: true, c: 'yes', d: 420, e: '1:20', f: '2001-12-14', g: 'n' });
  });
});

describe('documents that parse but have no value', () => {
  it('reports an alias to a missing anchor as a YAML error instead of throwing', () => {
    const parsed = parseManifests([{ file: 'x.yaml', text: 'apiVersion: *a v1\nkind: Pod\n' }]);
    expect(parsed.diagnostics.map((d) => d.code)).toContain('yaml_syntax_error');
  });
});
