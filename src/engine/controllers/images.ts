import type { Protocol } from '../types.ts';

// The contract's well-known images and the port each serves without declaring it.
const WELL_KNOWN_PORTS: Record<string, number> = {
  nginx: 80,
  httpd: 80,
  httpbin: 80,
  'kennethreitz/httpbin': 80,
  'traefik/whoami': 80,
  'hashicorp/http-echo': 5678,
  redis: 6379,
  postgres: 5432,
  mysql: 3306,
  mongo: 27017,
  memcached: 11211,
  // The Gateway API conformance suite's echo server (its base manifests declare no containerPort).
  'gateway-api/conformance/echo-basic': 3000,
};

/** Strips registry, `library/`, tag and digest: `docker.io/library/nginx:1.27@sha256:..` -> `nginx`. */
export function imageRepository(image: string): string {
  let repo = image.split('@')[0] ?? image;
  const lastSlash = repo.lastIndexOf('/');
  const colon = repo.lastIndexOf(':');
  if (colon > lastSlash) repo = repo.slice(0, colon);
  const parts = repo.split('/');
  // A first component with a dot, a colon or `localhost` is a registry host.
  if (parts.length > 1 && /[.:]|^localhost$/.test(parts[0]!)) parts.shift();
  if (parts[0] === 'library' && parts.length > 1) parts.shift();
  return parts.join('/');
}

/** The port a well-known image listens on by default, if any. */
export function defaultImagePort(image: string): { port: number; protocol: Protocol } | undefined {
  const repo = imageRepository(image);
  const last = repo.split('/').pop() ?? '';
  const port = Object.hasOwn(WELL_KNOWN_PORTS, repo) ? WELL_KNOWN_PORTS[repo] : Object.hasOwn(WELL_KNOWN_PORTS, last) ? WELL_KNOWN_PORTS[last] : undefined;
  return port === undefined ? undefined : { port, protocol: 'TCP' };
}
