// curl (8.11), from the engine's trace of the request: the body, -v's connection story, -w
// variables, and curl's own error texts and exit codes for what the client saw.

import type { Trace } from '../../trace/types.ts';
import { stderr, stdout, type CommandContext } from '../context.ts';
import { httpDate } from '../format/time.ts';
import { CURL_VERSION, firstPacket, logRequest, reasonPhrase, send } from './net.ts';
import type { ShellSource } from './source.ts';

const VALUE_OPTIONS: Record<string, string> = {
  o: 'output', w: 'write-out', H: 'header', m: 'max-time', X: 'request', d: 'data', A: 'user-agent', e: 'referer', u: 'user', x: 'proxy', b: 'cookie', T: 'upload-file', F: 'form', r: 'range',
};
const VALUE_LONG = new Set(['output', 'write-out', 'header', 'max-time', 'request', 'data', 'data-raw', 'data-binary', 'user-agent', 'referer', 'user', 'proxy', 'connect-timeout', 'resolve', 'cacert', 'retry', 'cookie', 'url', 'form', 'range', 'upload-file', 'json']);
const BOOL_SHORT: Record<string, string> = { s: 'silent', S: 'show-error', v: 'verbose', k: 'insecure', I: 'head', i: 'include', L: 'location', f: 'fail', '4': 'ipv4', '6': 'ipv6', N: 'no-buffer', '#': 'progress-bar', G: 'get', n: 'netrc', q: 'disable', Z: 'parallel' };
const BOOL_LONG = new Set([...Object.values(BOOL_SHORT), 'http1.1', 'http2', 'http1.0', 'compressed', 'no-progress-meter', 'fail-with-body', 'tcp-nodelay', 'no-keepalive', 'raw', 'ssl', 'tlsv1.2', 'tlsv1.3']);

interface CurlOptions {
  flags: Set<string>;
  values: Map<string, string[]>;
  urls: string[];
}

function parseCurl(argv: string[]): CurlOptions | { error: string } {
  const flags = new Set<string>();
  const values = new Map<string, string[]>();
  const urls: string[] = [];
  const add = (k: string, v: string) => values.set(k, [...(values.get(k) ?? []), v]);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--') && a.length > 2) {
      const [name, inline] = a.slice(2).split(/=(.*)/s) as [string, string | undefined];
      if (VALUE_LONG.has(name)) {
        const v = inline ?? argv[++i];
        if (v === undefined) return { error: `option --${name}: requires parameter` };
        if (name === 'url') urls.push(v);
        else add(name.startsWith('data') ? 'data' : name, v);
      } else if (BOOL_LONG.has(name)) flags.add(name);
      else return { error: `option --${name}: is unknown` };
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (VALUE_OPTIONS[c]) {
          const v = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
          if (v === undefined) return { error: `option -${c}: requires parameter` };
          add(VALUE_OPTIONS[c]!, v);
          break;
        }
        if (BOOL_SHORT[c]) flags.add(BOOL_SHORT[c]!);
        else return { error: `option -${c}: is unknown` };
      }
      continue;
    }
    urls.push(a);
  }
  return { flags, values, urls };
}

/** Whether the request went through an L7 proxy, which terminates TLS with its own certificate. */
function throughProxy(trace: Trace): boolean {
  return trace.hops.some((h) => h.kind === 'l7');
}

function writeOut(format: string, vars: Record<string, string>): string {
  return format
    .replace(/%\{([a-z_]+)\}/g, (_, v: string) => vars[v] ?? '')
    .replace(/\\n/g, '\n')
    .replace(/\\t/g, '\t')
    .replace(/\\r/g, '\r');
}

/** Runs curl from a source. */
export function runCurl(ctx: CommandContext, src: ShellSource, argv: string[], piped: boolean): number {
  const parsed = parseCurl(argv);
  const usage = "curl: try 'curl --help' or 'curl --manual' for more information\n";
  if ('error' in parsed) {
    stderr(ctx, `curl: ${parsed.error}\n${usage}`);
    return 2;
  }
  const { flags, values } = parsed;
  const rawUrl = parsed.urls[0];
  if (!rawUrl) {
    stderr(ctx, `curl: no URL specified\n${usage}`);
    return 2;
  }
  const silent = flags.has('silent') && !flags.has('show-error');
  const quiet = flags.has('silent');
  const verbose = flags.has('verbose');
  const fail = (code: number, message: string) => {
    if (!silent) stderr(ctx, `curl: (${code}) ${message}\n`);
    return code;
  };
  const schemeMatch = /^([a-z][a-z0-9+.-]*):\/\//i.exec(rawUrl);
  const scheme = schemeMatch ? schemeMatch[1]!.toLowerCase() : 'http';
  if (scheme !== 'http' && scheme !== 'https') return fail(1, `Protocol "${scheme}" not supported`);
  const url = schemeMatch ? rawUrl : `http://${rawUrl}`;
  const m = /^https?:\/\/([^/:?#]+)(?::(\d+))?([^?#]*)(\?[^#]*)?/i.exec(url);
  if (!m) return fail(3, 'URL rejected: Malformed input to a URL function');
  const host = m[1]!;
  const port = Number(m[2] ?? (scheme === 'https' ? 443 : 80));
  const path = `${m[3] || '/'}${m[4] ?? ''}`;
  const headers: Record<string, string> = {};
  for (const h of values.get('header') ?? []) {
    const i = h.indexOf(':');
    if (i > 0) headers[h.slice(0, i).trim()] = h.slice(i + 1).trim();
  }
  const method = values.get('request')?.[0] ?? (flags.has('head') ? 'HEAD' : values.has('data') ? 'POST' : 'GET');
  const userAgent = values.get('user-agent')?.[0] ?? `curl/${CURL_VERSION}`;
  const hostHeader = headers.Host ?? headers.host ?? (m[2] ? `${host}:${port}` : host);
  const trace = send(ctx, src, { to: `${scheme}://${host}:${port}${path}`, method, headers: { ...headers, 'User-Agent': userAgent } });
  if ('error' in trace) return fail(3, trace.error);
  const info = (line: string) => {
    if (verbose) stderr(ctx, `${line}\n`);
  };
  const maxTime = Number(values.get('max-time')?.[0] ?? NaN);
  const connectTimeout = Number(values.get('connect-timeout')?.[0] ?? NaN);
  if (trace.outcome === 'unresolved') {
    info(`* Could not resolve host: ${host}`);
    info('* shutting down connection #0');
    return fail(6, `Could not resolve host: ${host}`);
  }
  const packet = firstPacket(trace);
  const ip = packet?.dstIP ?? host;
  info(`* Host ${host}:${port} was resolved.`);
  info('* IPv6: (none)');
  info(`* IPv4: ${ip}`);
  info(`*   Trying ${ip}:${port}...`);
  if (trace.outcome === 'refused') {
    info(`* connect to ${ip} port ${port} from ${packet?.srcIP ?? '0.0.0.0'} port ${packet?.srcPort ?? 0} failed: Connection refused`);
    info(`* Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server`);
    info('* closing connection #0');
    return fail(7, `Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server`);
  }
  if (trace.outcome === 'timeout') {
    const limit = [maxTime, connectTimeout].filter((n) => Number.isFinite(n) && n > 0);
    const ms = limit.length ? Math.round(Math.min(...limit) * 1000) + 1 : 134116;
    if (Number.isFinite(maxTime) && maxTime > 0 && !(connectTimeout > 0 && connectTimeout < maxTime)) {
      info(`* Connection timed out after ${ms} milliseconds`);
      info('* closing connection #0');
      return fail(28, `Connection timed out after ${ms} milliseconds`);
    }
    const why = limit.length ? 'Timeout was reached' : "Couldn't connect to server";
    info(`* Failed to connect to ${host} port ${port} after ${ms} ms: ${why}`);
    info('* closing connection #0');
    return fail(28, `Failed to connect to ${host} port ${port} after ${ms} ms: ${why}`);
  }
  info(`* Connected to ${host} (${ip}) port ${port}`);
  if (scheme === 'https') {
    if (!throughProxy(trace)) {
      info('* TLS connect error: error:0A00010B:SSL routines::wrong version number');
      return fail(35, 'TLS connect error: error:0A00010B:SSL routines::wrong version number');
    }
    info('* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384 / x25519 / RSASSA-PSS');
    info('* Server certificate:');
    info('*  subject: O=Acme Co; CN=Kubernetes Ingress Controller Fake Certificate');
    if (!flags.has('insecure')) {
      info('*  SSL certificate problem: self-signed certificate');
      if (!silent) stderr(ctx, 'curl: (60) SSL certificate problem: self-signed certificate\nMore details here: https://curl.se/docs/sslcerts.html\n\ncurl failed to verify the legitimacy of the server and therefore could not\nestablish a secure connection to it. To learn more about this situation and\nhow to fix it, please visit the webpage mentioned above.\n');
      return 60;
    }
    info('*  SSL certificate verify result: self-signed certificate (18), continuing anyway.');
  }
  const status = trace.status ?? 200;
  const body = trace.body === undefined ? '' : trace.body.endsWith('\n') ? trace.body : `${trace.body}\n`;
  const responseHeaders = [`HTTP/1.1 ${status} ${reasonPhrase(status)}`, `Date: ${httpDate(ctx.session.clock)}`, 'Content-Type: text/plain; charset=utf-8', `Content-Length: ${body.length}`, ...(throughProxy(trace) ? ['Connection: keep-alive'] : [])];
  info('* using HTTP/1.x');
  info(`> ${method} ${path} HTTP/1.1`);
  info(`> Host: ${hostHeader}`);
  info(`> User-Agent: ${userAgent}`);
  info('> Accept: */*');
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() !== 'host') info(`> ${k}: ${v}`);
  info('> ');
  info('* Request completely sent off');
  for (const h of responseHeaders) info(`< ${h}`);
  info('< ');
  logRequest(ctx, trace, { method, path, userAgent }, method === 'HEAD' ? 0 : body.length);
  const output = values.get('output')?.[0];
  const headerText = responseHeaders.map((h) => `${h}\n`).join('') + '\n';
  const failed = flags.has('fail') && status >= 400;
  let shown = '';
  if (method === 'HEAD') shown = headerText;
  else if (!failed || flags.has('fail-with-body')) shown = (flags.has('include') ? headerText : '') + body;
  if (output === undefined) stdout(ctx, shown);
  else if (!quiet && output !== '-' && !verbose) stderr(ctx, progressMeter(shown.length));
  if (output === '-') stdout(ctx, shown);
  if (output === undefined && piped && !quiet && !verbose) stderr(ctx, progressMeter(shown.length));
  info(`* Connection #0 to host ${host} left intact`);
  const format = values.get('write-out')?.[0];
  if (format !== undefined) {
    stdout(ctx, writeOut(format, {
      http_code: String(status),
      response_code: String(status),
      remote_ip: ip,
      remote_port: String(port),
      local_ip: packet?.srcIP ?? '',
      local_port: String(packet?.srcPort ?? ''),
      time_total: '0.002143',
      time_connect: '0.000412',
      time_namelookup: '0.000201',
      size_download: String(method === 'HEAD' ? 0 : body.length),
      url_effective: url,
      content_type: 'text/plain; charset=utf-8',
      exitcode: failed ? '22' : '0',
      errormsg: failed ? `The requested URL returned error: ${status}` : '',
      scheme: scheme.toUpperCase(),
      num_connects: '1',
    }));
  }
  if (failed) return fail(22, `The requested URL returned error: ${status}`);
  return 0;
}

/** curl's progress meter, shown on stderr when the body does not go to the terminal. */
function progressMeter(bytes: number): string {
  const n = String(bytes).padStart(5);
  return `  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n100 ${n}  100 ${n}    0     0  10738      0 --:--:-- --:--:-- --:--:-- 10752\n`;
}
