import { describe, expect, it } from 'vitest';
import { envVariableName, expandEnvReferences, serviceEnvironment } from './env.ts';
import { makeCluster, makeExternalName, makePod, makeService, port } from './fixtures.test-helpers.ts';

// kubelet pkg/kubelet/envvars FromServices and kubelet_pods.go getServiceEnvVarMap; the Service
// docs' "Environment variables" section shows the same variables for a Service "redis-primary".

const KUBERNETES = {
  KUBERNETES_PORT: 'tcp://10.96.0.1:443',
  KUBERNETES_PORT_443_TCP: 'tcp://10.96.0.1:443',
  KUBERNETES_PORT_443_TCP_ADDR: '10.96.0.1',
  KUBERNETES_PORT_443_TCP_PORT: '443',
  KUBERNETES_PORT_443_TCP_PROTO: 'tcp',
  KUBERNETES_SERVICE_HOST: '10.96.0.1',
  KUBERNETES_SERVICE_PORT: '443',
  KUBERNETES_SERVICE_PORT_HTTPS: '443',
};

const cluster = makeCluster({
  services: [
    makeService('x', 'redis-primary', '10.96.0.11', [port('', 6379)]),
    makeService('x', 'web', '10.96.0.12', [port('http', 80), port('dns', 53, 'UDP')]),
    makeService('x', 'headless', 'None', [port('http', 80)]),
    makeExternalName('x', 'db', 'db.example.com'),
    makeService('y', 'other', '10.96.0.13', [port('http', 80)]),
  ],
});

describe('serviceEnvironment', () => {
  it('gives the docs example variables for redis-primary, plus the master Service', () => {
    const env = serviceEnvironment(cluster, makePod('y', 'a', '10.244.0.9'));
    expect(Object.keys(env).filter((k) => k.startsWith('REDIS'))).toEqual([]);
    const inX = serviceEnvironment(cluster, makePod('x', 'a', '10.244.0.9'));
    expect(inX).toMatchObject({
      REDIS_PRIMARY_SERVICE_HOST: '10.96.0.11',
      REDIS_PRIMARY_SERVICE_PORT: '6379',
      REDIS_PRIMARY_PORT: 'tcp://10.96.0.11:6379',
      REDIS_PRIMARY_PORT_6379_TCP: 'tcp://10.96.0.11:6379',
      REDIS_PRIMARY_PORT_6379_TCP_PROTO: 'tcp',
      REDIS_PRIMARY_PORT_6379_TCP_PORT: '6379',
      REDIS_PRIMARY_PORT_6379_TCP_ADDR: '10.96.0.11',
      ...KUBERNETES,
    });
  });

  const cases = [
    {
      name: 'only the master Service with enableServiceLinks false',
      pod: makePod('x', 'a', '10.244.0.9', { enableServiceLinks: false }),
      want: KUBERNETES,
    },
    {
      name: 'Services of other namespaces are not injected',
      pod: makePod('default', 'a', '10.244.0.9'),
      want: KUBERNETES,
    },
    {
      name: 'every port, named ports and the docker-links set',
      pod: makePod('y', 'a', '10.244.0.9'),
      want: {
        ...KUBERNETES,
        OTHER_PORT: 'tcp://10.96.0.13:80',
        OTHER_PORT_80_TCP: 'tcp://10.96.0.13:80',
        OTHER_PORT_80_TCP_ADDR: '10.96.0.13',
        OTHER_PORT_80_TCP_PORT: '80',
        OTHER_PORT_80_TCP_PROTO: 'tcp',
        OTHER_SERVICE_HOST: '10.96.0.13',
        OTHER_SERVICE_PORT: '80',
        OTHER_SERVICE_PORT_HTTP: '80',
      },
    },
  ];
  it.each(cases)('$name', ({ pod, want }) => {
    expect(serviceEnvironment(cluster, pod)).toEqual(want);
  });

  it('skips headless and ExternalName Services and writes UDP ports in lower case', () => {
    const env = serviceEnvironment(cluster, makePod('x', 'a', '10.244.0.9'));
    expect(Object.keys(env).some((k) => k.startsWith('HEADLESS_') || k.startsWith('DB_'))).toBe(false);
    expect(env).toMatchObject({ WEB_SERVICE_PORT: '80', WEB_SERVICE_PORT_DNS: '53', WEB_PORT_53_UDP: 'udp://10.96.0.12:53', WEB_PORT_53_UDP_PROTO: 'udp' });
  });

  it('lets the container env win and expands $(VAR) references', () => {
    // MappingFuncFor(tmpEnv, serviceEnv): variables declared earlier in the container shadow service ones.
    const pod = makePod('x', 'a', '10.244.0.9', {
      env: { WEB_SERVICE_HOST: 'overridden', API_URL: 'http://$(WEB_SERVICE_HOST):$(WEB_SERVICE_PORT)/', REDIS: '$(REDIS_PRIMARY_SERVICE_HOST)', COST: '$$5', MISSING: '$(NOPE)' },
    });
    const env = serviceEnvironment(cluster, pod);
    expect(env.WEB_SERVICE_HOST).toBe('overridden');
    expect(env.API_URL).toBe('http://overridden:80/');
    expect(env.REDIS).toBe('10.96.0.11');
    expect(env.COST).toBe('$5');
    expect(env.MISSING).toBe('$(NOPE)');
  });

  it('prefers a kubernetes Service of the pod namespace over the master one', () => {
    const shadow = makeCluster({ services: [makeService('x', 'kubernetes', '10.96.0.50', [port('http', 80)])] });
    expect(serviceEnvironment(shadow, makePod('x', 'a', '10.244.0.9')).KUBERNETES_SERVICE_HOST).toBe('10.96.0.50');
    expect(serviceEnvironment(shadow, makePod('y', 'a', '10.244.0.9')).KUBERNETES_SERVICE_HOST).toBe('10.96.0.1');
  });

  it('returns variables sorted by name', () => {
    const keys = Object.keys(serviceEnvironment(cluster, makePod('x', 'a', '10.244.0.9')));
    expect(keys).toEqual([...keys].sort());
  });
});

describe('envVariableName', () => {
  it.each([
    { name: 'dashes', input: 'redis-primary', want: 'REDIS_PRIMARY' },
    { name: 'dots', input: 'a.b', want: 'A_B' },
    { name: 'leading digit', input: '1st-svc', want: '_1ST_SVC' },
  ])('$name', ({ input, want }) => {
    expect(envVariableName(input)).toBe(want);
  });
});

describe('expandEnvReferences', () => {
  it.each([
    { name: 'known reference', input: '$(A)-x', want: '1-x' },
    { name: 'unknown reference stays', input: '$(B)', want: '$(B)' },
    { name: 'escaped dollar', input: '$$(A)', want: '$(A)' },
    { name: 'unclosed', input: '$(A', want: '$(A' },
    { name: 'lone dollar', input: 'a$', want: 'a$' },
  ])('$name', ({ input, want }) => {
    expect(expandEnvReferences(input, (n) => (n === 'A' ? '1' : undefined))).toBe(want);
  });
});
