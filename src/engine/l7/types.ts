import type { Cluster, Pod } from '../types.ts';
import type { Condition } from '../scenario/conditions.ts';
import type { Hop } from '../trace/types.ts';

/** An HTTP request as an L7 proxy (ingress-nginx, a Gateway's data plane) receives it. */
export interface HttpRequest {
  scheme: 'http' | 'https';
  /** The Host header (or the URL's host when none was given), lower case, without port. */
  host: string;
  /** The port the client connected to (before any NAT): the listener port. */
  port: number;
  path: string;
  /** Query string without the leading `?`. */
  query: string;
  method: string;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  /** The client's address as the proxy sees it (after any SNAT). */
  clientIP: string;
}

/** What a proxy decided for one request. Exactly one of `response` and `upstream` is set. */
export interface L7Decision {
  /** Hops describing the decision (the rule, the path match, why), at the proxy pod. */
  hops: Hop[];
  /** The proxy answers itself: 404 (no rule), 503 (no endpoints), 308 (redirect), 500 (all weights 0). */
  response?: { status: number; body: string; headers?: Record<string, string> };
  /** The proxy opens a connection to a backend: the pod and port it picked from the Service's endpoints. */
  upstream?: {
    pod: Pod;
    port: number;
    /** The request as forwarded (after rewrites / header filters). */
    request: HttpRequest;
    /** `<ns>/<name>` of the backend Service, for the explanation. */
    service: string;
    /** Status the proxy replaces the backend's with (never, today); kept for filters. */
    responseHeaders?: Record<string, string>;
  };
}

/** Random and round-robin memory an L7 proxy keeps across the requests of one probe (weighted
 * backends, endpoint choice). */
export interface L7State {
  draws: Map<string, number>;
  seed: number;
}

/** One L7 implementation (the ingress-nginx model, the Gateway API model), indexed per cluster. */
export interface L7Proxy {
  /** Whether this proxy serves requests that arrive at `pod` (its controller / data-plane pod). */
  servesPod(pod: Pod): boolean;
  /** Decides what happens to `request` arriving at `pod`. */
  handle(pod: Pod, request: HttpRequest, state: L7State): L7Decision;
  /** Hostnames public DNS publishes for this proxy (as ExternalDNS would): host -> address. */
  publicHosts(): Record<string, string>;
  /** Status conditions for the objects this proxy owns (`ingress/ns/name`, `httproute/ns/name`, ...),
   * or undefined when the ref is not one of them. `parent` selects a route's parent status. */
  conditions(ref: string, parent?: string): Condition[] | undefined;
}

/** Builds an L7 proxy model over a reconciled cluster. */
export type L7ProxyFactory = (cluster: Cluster) => L7Proxy;
