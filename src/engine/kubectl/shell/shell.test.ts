import { describe, expect, it } from 'vitest';
import { LAB, labSession, lastOf, runLines, text } from '../fixtures.test-helpers.ts';
import { promptOf } from '../session.ts';

const DENY_WEB = `${LAB}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: deny-web }
spec:
  podSelector: { matchLabels: { app: web } }
  policyTypes: [Ingress]
`;

/** Runs lines inside the `client` pod (curlimages/curl) and returns the last output. */
function inClient(lines: string[], yaml = LAB): string {
  return lastOf(labSession(yaml), ['kubectl exec -it client -- sh', ...lines]).output;
}

/** Runs lines inside the `box` pod (busybox). */
function inBox(lines: string[], yaml = LAB): string {
  return lastOf(labSession(yaml), ['kubectl exec -it box -- sh', ...lines]).output;
}

describe('curl (8.11) from a pod', () => {
  const cases = [
    { name: 'a Service by name', line: 'curl http://web', want: 'web-jvlr5hhcwx-vrrfb\n' },
    { name: 'only the status code', line: "curl -s -o /dev/null -w '%{http_code}\\n' web", want: '200\n' },
    { name: 'an unresolvable name', line: 'curl http://api-service', want: 'curl: (6) Could not resolve host: api-service\n' },
    { name: 'a port nothing listens on', line: 'curl http://10.244.0.2:81', want: "curl: (7) Failed to connect to 10.244.0.2 port 81 after 0 ms: Couldn't connect to server\n" },
    { name: 'silent failures print nothing', line: 'curl -s http://api-service', want: '' },
    { name: 'silent with -S still reports errors', line: 'curl -sS http://api-service', want: 'curl: (6) Could not resolve host: api-service\n' },
    { name: 'https to a pod that does not speak TLS', line: 'curl -k https://10.244.0.2:80', want: 'curl: (35) TLS connect error: error:0A00010B:SSL routines::wrong version number\n' },
    { name: 'an unknown option', line: 'curl --bogus web', want: "curl: option --bogus: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n" },
    { name: 'no URL', line: 'curl -s', want: "curl: no URL specified\ncurl: try 'curl --help' or 'curl --manual' for more information\n" },
    { name: 'HEAD with -I', line: 'curl -I web', want: text('HTTP/1.1 200 OK', 'Date: Mon, 02 Jun 2025 09:05:00 GMT', 'Content-Type: text/plain; charset=utf-8', 'Content-Length: 21', '') },
  ];
  for (const c of cases) it(c.name, () => expect(inClient([c.line])).toBe(c.want));

  it('a NetworkPolicy drop is a timeout: with -m, with --connect-timeout, and with neither', () => {
    expect(inClient(['curl -m 5 http://web'], DENY_WEB)).toBe('curl: (28) Connection timed out after 5001 milliseconds\n');
    expect(inClient(['curl --connect-timeout 3 http://web'], DENY_WEB)).toBe('curl: (28) Failed to connect to web port 80 after 3001 ms: Timeout was reached\n');
    expect(inClient(['curl http://web'], DENY_WEB)).toBe("curl: (28) Failed to connect to web port 80 after 134116 ms: Couldn't connect to server\n");
  });

  it('-v tells the connection story on stderr and the body on stdout', () => {
    const r = lastOf(labSession(), ['kubectl exec -it client -- sh', 'curl -v http://web/healthz']);
    expect(r.chunks.filter((c) => c.stream === 'stdout').map((c) => c.text).join('')).toBe('web-jvlr5hhcwx-vrrfb\n');
    expect(r.output).toBe(
      text(
        '* Host web:80 was resolved.',
        '* IPv6: (none)',
        '* IPv4: 10.96.0.11',
        '*   Trying 10.96.0.11:80...',
        '* Connected to web (10.96.0.11) port 80',
        '* using HTTP/1.x',
        '> GET /healthz HTTP/1.1',
        '> Host: web',
        '> User-Agent: curl/8.11.1',
        '> Accept: */*',
        '> ',
        '* Request completely sent off',
        '< HTTP/1.1 200 OK',
        '< Date: Mon, 02 Jun 2025 09:05:00 GMT',
        '< Content-Type: text/plain; charset=utf-8',
        '< Content-Length: 21',
        '< ',
        'web-jvlr5hhcwx-vrrfb',
        '* Connection #0 to host web left intact',
      ),
    );
  });

  it('returns the request trace for the diagram', () => {
    const r = lastOf(labSession(), ['kubectl exec -it client -- sh', 'curl -s web']);
    const http = r.traces!.find((t) => t.to.startsWith('http://'))!;
    expect(http.from).toBe('pod/default/client');
    expect(http.outcome).toBe('connected');
    expect(http.servedBy).toBe('default/web-jvlr5hhcwx-vrrfb');
  });

  it('shows the progress meter when the body goes to a pipe', () => {
    const out = inClient(['curl web | grep web']);
    expect(out).toContain('  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n');
    expect(out.endsWith('web-jvlr5hhcwx-vrrfb\n')).toBe(true);
  });
});

describe('busybox tools', () => {
  const cases = [
    { name: 'curl is not in busybox', line: 'curl http://web', want: 'sh: curl: not found\n' },
    { name: 'wget -qO-', line: 'wget -qO- http://web', want: 'web-jvlr5hhcwx-l8dt5\n' },
    { name: 'wget of an unknown name', line: 'wget -qO- http://nope', want: "wget: bad address 'nope'\n" },
    { name: 'wget of a closed port', line: 'wget -qO- 10.244.0.2:81', want: "wget: can't connect to remote host (10.244.0.2): Connection refused\n" },
    { name: 'nslookup', line: 'nslookup web', want: text('Server:\t\t10.96.0.10', 'Address:\t10.96.0.10:53', '', 'Name:\tweb.default.svc.cluster.local', 'Address: 10.96.0.11', '') },
    { name: 'nslookup NXDOMAIN', line: 'nslookup api-service', want: text('Server:\t\t10.96.0.10', 'Address:\t10.96.0.10:53', '', "** server can't find api-service: NXDOMAIN", '') },
    { name: 'nc -zv open', line: 'nc -zv web 80', want: 'web (10.96.0.11:80) open\n' },
    { name: 'nc -zv refused', line: 'nc -zv 10.244.0.2 81', want: 'nc: 10.244.0.2 (10.244.0.2:81): Connection refused\n' },
    { name: 'resolv.conf', line: 'cat /etc/resolv.conf', want: text('search default.svc.cluster.local svc.cluster.local cluster.local', 'nameserver 10.96.0.10', 'options ndots:5') },
    { name: 'a missing file', line: 'cat /nope', want: "cat: can't open '/nope': No such file or directory\n" },
    { name: 'hosts', line: 'cat /etc/hosts', want: text('# Kubernetes-managed hosts file.', '127.0.0.1\tlocalhost', '::1\tlocalhost ip6-localhost ip6-loopback', 'fe00::\tip6-localnet', 'fe00::\tip6-mcastprefix', 'fe00::1\tip6-allnodes', 'fe00::2\tip6-allrouters', '10.244.1.3\tbox') },
    { name: 'hostname', line: 'hostname', want: 'box\n' },
    { name: 'service environment variables', line: 'env | grep ^WEB_SERVICE', want: text('WEB_SERVICE_HOST=10.96.0.11', 'WEB_SERVICE_PORT=80') },
    { name: 'variables expand', line: 'wget -qO- http://$WEB_SERVICE_HOST:$WEB_SERVICE_PORT', want: 'web-jvlr5hhcwx-l8dt5\n' },
    { name: 'dig is not in busybox', line: 'dig web', want: 'sh: dig: not found\n' },
    { name: 'pod IPs answer ping', line: 'ping -c 2 10.244.0.2', want: text('PING 10.244.0.2 (10.244.0.2): 56 data bytes', '64 bytes from 10.244.0.2: seq=0 ttl=62 time=0.080 ms', '64 bytes from 10.244.0.2: seq=1 ttl=62 time=0.097 ms', '', '--- 10.244.0.2 ping statistics ---', '2 packets transmitted, 2 packets received, 0% packet loss', 'round-trip min/avg/max = 0.080/0.088/0.097 ms') },
  ];
  for (const c of cases) it(c.name, () => expect(inBox([c.line])).toBe(c.want));

  it('a ClusterIP does not answer ping, and NetLab says why', () => {
    const r = lastOf(labSession(), ['kubectl exec -it box -- sh', 'ping -c 1 web']);
    expect(r.output).toBe(text('PING web (10.96.0.11): 56 data bytes', '', '--- web ping statistics ---', '1 packets transmitted, 0 packets received, 100% packet loss'));
    expect(r.exitCode).toBe(1);
    expect(r.notes![0]).toContain("kube-proxy's iptables rules only match its 80/TCP");
  });

  it('in IPVS mode the node answers for the ClusterIP', () => {
    const r = lastOf(labSession(LAB, { kubeProxyMode: 'ipvs' }), ['kubectl exec -it box -- sh', 'ping -c 1 web']);
    expect(r.output).toContain('64 bytes from 10.96.0.11: seq=0 ttl=64');
    expect(r.notes![0]).toContain('kube-ipvs0');
  });

  it('an isolated pod drops ping', () => {
    const r = lastOf(labSession(DENY_WEB), ['kubectl exec -it box -- sh', 'ping -c 1 10.244.0.2']);
    expect(r.output).toContain('100% packet loss');
    expect(r.notes![0]).toContain('isolated for ingress by networkpolicy/default/deny-web');
  });
});

describe('a debug pod with every tool (kubectl run --rm -it)', () => {
  function inNetshoot(lines: string[]) {
    return runLines(labSession(), ['kubectl run tmp --rm -it --image=nicolaka/netshoot -- bash', ...lines]);
  }

  it('opens a shell, and exit deletes the pod', () => {
    const [open, , exit] = inNetshoot(['hostname', 'exit']);
    expect(open!.output).toBe("If you don't see a command prompt, try pressing enter.\n");
    expect(promptOf(open!.session)).toBe('root@tmp:/# ');
    expect(open!.manifestsChanged).toBeUndefined();
    expect(exit!.output).toBe('pod "tmp" deleted from default namespace\n');
    expect(exit!.session.shell).toBeUndefined();
    expect(promptOf(exit!.session)).toBe('$ ');
  });

  const cases = [
    { name: 'dig does not search: web is web.', line: 'dig +short web', want: '' },
    { name: 'dig +short of the FQDN', line: 'dig +short web.default.svc.cluster.local', want: '10.96.0.11\n' },
    { name: 'dig +search', line: 'dig +short +search web', want: '10.96.0.11\n' },
    { name: 'dig -x', line: 'dig +short -x 10.96.0.11', want: 'web.default.svc.cluster.local.\n' },
    { name: 'host', line: 'host web', want: 'web.default.svc.cluster.local has address 10.96.0.11\n' },
    { name: 'host NXDOMAIN', line: 'host nope', want: 'Host nope not found: 3(NXDOMAIN)\n' },
    { name: 'BIND nslookup', line: 'nslookup web', want: text('Server:\t\t10.96.0.10', 'Address:\t10.96.0.10#53', '', 'Name:\tweb.default.svc.cluster.local', 'Address: 10.96.0.11', '') },
    { name: 'OpenBSD netcat', line: 'nc -zv web 80', want: 'Connection to web (10.96.0.11) 80 port [tcp/http] succeeded!\n' },
    { name: 'iputils ping by name', line: 'ping -c 1 nope', want: 'ping: nope: Name or service not known\n' },
  ];
  for (const c of cases) it(c.name, () => expect(inNetshoot([c.line])[1]!.output).toBe(c.want));

  it('full dig output for a cluster name', () => {
    const out = inNetshoot(['dig web.default.svc.cluster.local'])[1]!.output;
    expect(out).toContain(';; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: ');
    expect(out).toContain(';; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1\n;; WARNING: recursion requested but not available\n');
    expect(out).toContain(';; ANSWER SECTION:\nweb.default.svc.cluster.local.\t30\tIN\tA\t10.96.0.11\n');
    expect(out).toContain(';; SERVER: 10.96.0.10#53(10.96.0.10) (UDP)\n');
  });
});

describe('kubectl exec and run with a command', () => {
  it('runs one command and passes its exit code on', () => {
    const r = lastOf(labSession(), ['kubectl exec client -- curl -s http://nope']);
    expect(r.output).toBe('command terminated with exit code 6\n');
    expect(r.exitCode).toBe(6);
  });

  it('sh -c runs a pipeline in the pod', () => {
    expect(lastOf(labSession(), ["kubectl exec box -- sh -c 'wget -qO- web | wc -c'"]).output).toBe('21\n');
  });

  it('an image without a shell cannot be exec-ed into', () => {
    const out = lastOf(labSession(), ['kubectl exec -it -n kube-system coredns-qc5cg9zs7r-9lnv9 -- sh']).output;
    expect(out).toContain('OCI runtime exec failed: exec failed: unable to start container process: exec: "sh": executable file not found in $PATH: unknown');
  });

  it('a missing pod, a missing --, a missing command', () => {
    const outputs = runLines(labSession(), ['kubectl exec nope -- sh', 'kubectl exec box ls', 'kubectl exec box --']).map((r) => r.output);
    expect(outputs).toEqual([
      'Error from server (NotFound): pods "nope" not found\n',
      "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n",
      'error: you must specify at least one command for the container\n',
    ]);
  });

  it('exec into a Deployment picks one of its pods', () => {
    expect(lastOf(labSession(), ['kubectl exec deploy/web -- hostname']).output).toBe('web-jvlr5hhcwx-l8dt5\n');
  });

  it('run --rm -it with a command prints its output, then deletes the pod', () => {
    const r = lastOf(labSession(), ['kubectl run tmp --rm -it --image=curlimages/curl -- curl -s http://web']);
    expect(r.output).toBe(text("If you don't see a command prompt, try pressing enter.", 'web-jvlr5hhcwx-vrrfb', 'pod "tmp" deleted from default namespace'));
    expect(r.session.manifests.text).toBe(LAB);
    expect(r.traces?.[0]?.from).toBe('pod/default/tmp');
  });

  it('logs of an nginx pod show the requests it served', () => {
    const r = lastOf(labSession(), ['kubectl exec client -- curl -s http://web', 'kubectl logs web-jvlr5hhcwx-vrrfb']);
    expect(r.output).toBe(text('/docker-entrypoint.sh: Configuration complete; ready for start up', '10.244.0.3 - - [02/Jun/2025:09:05:00 +0000] "GET / HTTP/1.1" 200 21 "-" "curl/8.11.1" "-"'));
  });
});

describe('the learner\'s machine is outside the cluster', () => {
  const cases = [
    { name: 'kubectl is here, not in pods', lines: ['kubectl exec -it box -- sh', 'kubectl get pods'], want: 'sh: kubectl: not found\n' },
    { name: 'a ClusterIP is not reachable from outside', lines: ['curl -m 2 http://10.96.0.11'], want: 'curl: (28) Connection timed out after 2001 milliseconds\n' },
    { name: 'cluster names do not resolve outside', lines: ['nslookup web'], want: text('Server:\t\t172.18.0.1', 'Address:\t172.18.0.1#53', '', "** server can't find web: NXDOMAIN", '') },
    { name: 'unknown commands', lines: ['frob'], want: 'bash: frob: command not found\n' },
    { name: 'pipes and lists', lines: ['kubectl get pods --no-headers | grep web | wc -l && echo ok'], want: '2\nok\n' },
    { name: 'a failing command stops &&', lines: ['kubectl get svc nope && echo ok || echo failed'], want: 'Error from server (NotFound): services "nope" not found\nfailed\n' },
    { name: 'an unterminated quote', lines: ["echo 'a"], want: 'bash: unterminated quoted string\n' },
    { name: 'history', lines: ['kubectl get ns >/dev/null', 'history'], want: '    1  kubectl get ns >/dev/null\n    2  history\n' },
  ];
  for (const c of cases) it(c.name, () => expect(lastOf(labSession(), c.lines).output).toBe(c.want));

  it('a redirected file can be applied', () => {
    const [, apply] = runLines(labSession(), ['kubectl get svc web -o yaml > web.yaml', 'kubectl apply -f web.yaml']);
    expect(apply!.output).toBe('service/web configured\n');
  });
});
