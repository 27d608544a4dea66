// wget (busybox's applet, or GNU wget in full images) and nc -z (busybox or OpenBSD netcat),
// from the engine's traces.

import { stderr, stdout, type CommandContext } from '../context.ts';
import { firstPacket, logRequest, reasonPhrase, send } from './net.ts';
import type { ShellSource } from './source.ts';

const SERVICES: Record<number, string> = { 22: 'ssh', 25: 'smtp', 53: 'domain', 80: 'http', 443: 'https', 3306: 'mysql', 5432: 'postgresql', 6379: 'redis', 8080: 'http-alt', 9153: '*', 27017: '*', 11211: 'memcache' };

/** Runs wget. */
export function runWget(ctx: CommandContext, src: ShellSource, argv: string[]): number {
  let quiet = false;
  let output: string | undefined;
  let timeout: number | undefined;
  let spider = false;
  const headers: Record<string, string> = {};
  let url: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-O' || a === '--output-document') output = argv[++i];
    else if (a.startsWith('--output-document=')) output = a.slice(18);
    else if (a === '-T' || a === '--timeout') timeout = Number(argv[++i]);
    else if (a.startsWith('--timeout=')) timeout = Number(a.slice(10));
    else if (a === '--header') {
      const h = argv[++i] ?? '';
      const j = h.indexOf(':');
      if (j > 0) headers[h.slice(0, j).trim()] = h.slice(j + 1).trim();
    } else if (a === '--spider') spider = true;
    else if (/^-[a-zA-Z]+/.test(a) && !a.startsWith('--')) {
      // A cluster of short options: -qO- is -q and -O with the value '-'.
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (c === 'q') quiet = true;
        else if (c === 'O' || c === 'T') {
          const value = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
          if (c === 'O') output = value;
          else timeout = Number(value);
          break;
        }
      }
    } else if (a.startsWith('-')) continue;
    else url = a;
  }
  const busybox = src.profile.flavour === 'busybox';
  if (!url) {
    stderr(ctx, busybox ? 'BusyBox v1.36.1 (2023-07-27 17:12:24 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n' : 'wget: missing URL\nUsage: wget [OPTION]... [URL]...\n');
    return 1;
  }
  const full = /^[a-z]+:\/\//i.test(url) ? url : `http://${url}`;
  const m = /^(https?):\/\/([^/:?#]+)(?::(\d+))?([^?#]*)(\?[^#]*)?/i.exec(full);
  if (!m) {
    stderr(ctx, `wget: not an http or ftp url: ${url}\n`);
    return 1;
  }
  const host = m[2]!;
  const port = Number(m[3] ?? (m[1]!.toLowerCase() === 'https' ? 443 : 80));
  const path = `${m[4] || '/'}${m[5] ?? ''}`;
  const userAgent = busybox ? 'Wget' : 'Wget/1.21.4';
  const trace = send(ctx, src, { to: `${m[1]!.toLowerCase()}://${host}:${port}${path}`, method: spider ? 'HEAD' : 'GET', headers: { ...headers, 'User-Agent': userAgent } });
  if ('error' in trace) {
    stderr(ctx, `wget: ${trace.error}\n`);
    return 1;
  }
  const ip = firstPacket(trace)?.dstIP ?? host;
  if (trace.outcome === 'unresolved') {
    stderr(ctx, busybox ? `wget: bad address '${host}'\n` : `--2025-06-02 09:05:00--  ${full}\nResolving ${host} (${host})... failed: Name or service not known.\nwget: unable to resolve host address '${host}'\n`);
    return busybox ? 1 : 4;
  }
  if (!quiet) stderr(ctx, busybox ? `Connecting to ${host} (${ip}:${port})\n` : `--2025-06-02 09:05:00--  ${full}\nResolving ${host} (${host})... ${ip}\nConnecting to ${host} (${host})|${ip}|:${port}... `);
  if (trace.outcome !== 'connected') {
    const why = trace.outcome === 'refused' ? 'Connection refused' : 'Connection timed out';
    if (busybox) stderr(ctx, trace.outcome === 'timeout' && timeout !== undefined ? 'wget: download timed out\n' : `wget: can't connect to remote host (${ip}): ${why}\n`);
    else stderr(ctx, `${quiet ? '' : 'failed: '}${why}.\n`);
    return busybox ? 1 : 4;
  }
  const status = trace.status ?? 200;
  const body = trace.body === undefined ? '' : trace.body.endsWith('\n') ? trace.body : `${trace.body}\n`;
  logRequest(ctx, trace, { method: spider ? 'HEAD' : 'GET', path, userAgent }, body.length);
  if (status >= 400) {
    if (busybox) stderr(ctx, `wget: server returned error: HTTP/1.1 ${status} ${reasonPhrase(status)}\n`);
    else stderr(ctx, `${quiet ? '' : `connected.\nHTTP request sent, awaiting response... ${status} ${reasonPhrase(status)}\n`}2025-06-02 09:05:00 ERROR ${status}: ${reasonPhrase(status)}.\n\n`);
    return busybox ? 1 : 8;
  }
  if (spider) {
    if (!quiet) stderr(ctx, busybox ? 'remote file exists\n' : `connected.\nHTTP request sent, awaiting response... ${status} ${reasonPhrase(status)}\nRemote file exists.\n\n`);
    return 0;
  }
  const toStdout = output === '-';
  const file = output ?? (path.split('?')[0]!.split('/').pop() || 'index.html');
  if (!quiet) {
    if (busybox) stderr(ctx, toStdout ? 'writing to stdout\n' : `saving to '${file}'\n`);
    else stderr(ctx, `connected.\nHTTP request sent, awaiting response... ${status} ${reasonPhrase(status)}\nLength: ${body.length} [text/plain]\nSaving to: ‘${toStdout ? 'STDOUT' : file}’\n\n`);
  }
  if (toStdout) stdout(ctx, body);
  if (!quiet) {
    if (busybox) stderr(ctx, `${toStdout ? '-' : file.padEnd(20)}${toStdout ? ' '.repeat(19) : ''} 100% |********************************| ${String(body.length).padStart(5)}  0:00:00 ETA\n${toStdout ? 'written to stdout' : `'${file}' saved`}\n`);
    else stderr(ctx, `${toStdout ? '-' : file}                   100%[===================>]      ${body.length}  --.-KB/s    in 0s      \n\n2025-06-02 09:05:00 (9.54 MB/s) - ${toStdout ? 'written to stdout' : `‘${file}’ saved`} [${body.length}/${body.length}]\n\n`);
  }
  return 0;
}

/** Runs nc as a connect check (`nc -zv host port`); without -z it connects and returns at once,
 * as there is no one to talk to. */
export function runNc(ctx: CommandContext, src: ShellSource, argv: string[]): number {
  let verbose = false;
  let udp = false;
  let wait: number | undefined;
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-w') wait = Number(argv[++i]);
    else if (/^-[a-zA-Z]+$/.test(a)) {
      for (const c of a.slice(1)) {
        if (c === 'v') verbose = true;
        else if (c === 'u') udp = true;
        else if (c === 'w') wait = Number(argv[++i]);
      }
    } else positional.push(a);
  }
  const busybox = src.profile.flavour === 'busybox';
  const [host, portText] = positional;
  if (!host || !portText) {
    stderr(ctx, busybox ? 'BusyBox v1.36.1 (2023-07-27 17:12:24 UTC) multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT  - connect\nnc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen\n' : 'usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]\n\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]\n\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]\n\t  [destination] [port]\n');
    return 1;
  }
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    stderr(ctx, busybox ? `nc: invalid number '${portText}'\n` : `nc: port number invalid: ${portText}\n`);
    return 1;
  }
  const trace = send(ctx, src, { to: `${host}:${port}`, protocol: udp ? 'UDP' : 'TCP' });
  if ('error' in trace) {
    stderr(ctx, `nc: ${trace.error}\n`);
    return 1;
  }
  const ip = firstPacket(trace)?.dstIP ?? host;
  const proto = udp ? 'udp' : 'tcp';
  if (trace.outcome === 'unresolved') {
    stderr(ctx, busybox ? `nc: bad address '${host}'\n` : `nc: getaddrinfo for host "${host}" port ${port}: Name or service not known\n`);
    return 1;
  }
  const timedOut = trace.outcome === 'timeout';
  // UDP has no handshake: silence looks like success unless an ICMP port unreachable comes back.
  const ok = trace.outcome === 'connected' || (udp && timedOut);
  if (ok) {
    if (verbose) {
      if (busybox) stderr(ctx, `${host} (${ip}:${port}) open\n`);
      else stderr(ctx, `Connection to ${host} (${ip}) ${port} port [${proto}/${SERVICES[port] ?? '*'}] succeeded!\n`);
    }
    return 0;
  }
  const why = timedOut ? (busybox ? 'Connection timed out' : 'Operation now in progress') : 'Connection refused';
  if (busybox) stderr(ctx, `nc: ${host} (${ip}:${port}): ${wait !== undefined && timedOut ? 'Operation timed out' : why}\n`);
  else stderr(ctx, timedOut ? `nc: connect to ${host} (${ip}) port ${port} (${proto}) timed out: Operation now in progress\n` : `nc: connect to ${host} (${ip}) port ${port} (${proto}) failed: Connection refused\n`);
  return 1;
}
