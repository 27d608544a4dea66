import { describe, expect, it } from 'vitest';
import type { FieldError } from '../types.ts';
import { duplicate, forbidden, formatFieldError, formatInvalidError, formatKubectlInvalidError, invalid, notSupported, required, tooLong, tooMany } from './field-errors.ts';

describe('formatFieldError', () => {
  const cases: Array<{ name: string; error: FieldError; want: string }> = [
    { name: 'invalid int', error: invalid('spec.ports[0].port', 70000, 'must be between 1 and 65535, inclusive'), want: 'spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive' },
    { name: 'invalid string is quoted', error: invalid('metadata.name', 'Web', 'bad'), want: 'metadata.name: Invalid value: "Web": bad' },
    { name: 'invalid map renders as JSON', error: invalid('spec.template.metadata.labels', { app: 'x' }, '`selector` does not match template `labels`'), want: 'spec.template.metadata.labels: Invalid value: {"app":"x"}: `selector` does not match template `labels`' },
    { name: 'invalid list renders as JSON', error: invalid('spec.clusterIPs', ['10.96.0.1'], 'x'), want: 'spec.clusterIPs: Invalid value: ["10.96.0.1"]: x' },
    { name: 'invalid nil', error: invalid('spec.template.metadata.labels', null, 'x'), want: 'spec.template.metadata.labels: Invalid value: null: x' },
    { name: 'required', error: required('spec.ports'), want: 'spec.ports: Required value' },
    { name: 'required with detail', error: required('metadata.name', 'name or generateName is required'), want: 'metadata.name: Required value: name or generateName is required' },
    { name: 'not supported', error: notSupported('spec.type', 'Foo', ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']), want: 'spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"' },
    { name: 'duplicate', error: duplicate('spec.ports[1].name', 'http'), want: 'spec.ports[1].name: Duplicate value: "http"' },
    { name: 'forbidden', error: forbidden('spec.ports[0].nodePort', "may not be used when `type` is 'ClusterIP'"), want: "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'" },
    { name: 'too many', error: tooMany('endpoints', 1001, 1000), want: 'endpoints: Too many: 1001: must have at most 1000 items' },
    { name: 'too long omits the value', error: tooLong('metadata.annotations', 262144), want: 'metadata.annotations: Too long: may not be more than 262144 bytes' },
    { name: 'control characters use Go escapes', error: invalid('x', 'a\tb\u0001', 'bad'), want: 'x: Invalid value: "a\\tb\\x01": bad' },
  ];
  it.each(cases)('$name', ({ error, want }) => {
    expect(formatFieldError(error)).toBe(want);
  });
});

describe('formatInvalidError', () => {
  const a = required('spec.selector');
  const b = invalid('spec.replicas', -1, 'must be greater than or equal to 0');
  const cases = [
    { name: 'one error', errors: [a], want: 'The Deployment "web" is invalid: spec.selector: Required value' },
    { name: 'several errors in brackets', errors: [a, b], want: 'The Deployment "web" is invalid: [spec.selector: Required value, spec.replicas: Invalid value: -1: must be greater than or equal to 0]' },
    { name: 'repeated errors collapse (ErrorList.ToAggregate)', errors: [a, a], want: 'The Deployment "web" is invalid: spec.selector: Required value' },
  ];
  it.each(cases)('$name', ({ errors, want }) => {
    expect(formatInvalidError('Deployment', 'web', errors)).toBe(want);
  });

  it('renders kubectl multi-line form', () => {
    expect(formatKubectlInvalidError('Deployment', 'nginx', [a, b])).toBe(
      'The Deployment "nginx" is invalid: \n* spec.selector: Required value\n* spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    );
  });
});
