// The small system commands of a container: its files (/etc/resolv.conf and /etc/hosts as the
// kubelet writes them), environment, hostname, addresses and routes.

import { resolvConf } from '../../dns/index.ts';
import { fnv1a } from '../../hash.ts';
import { parseCidr, formatIPv4 } from '../../net/ip.ts';
import { stderr, stdout, type CommandContext } from '../context.ts';
import { unixDate } from '../format/time.ts';
import { traceContextOf } from '../objects/view.ts';
import { processEnvironment, type ShellSource } from './source.ts';

/** The kubelet-managed /etc/hosts of a pod. */
function etcHosts(src: ShellSource): string {
  const pod = src.pod!;
  if (pod.hostNetwork) return `127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n${pod.hostIP}\t${pod.nodeName}\n`;
  const fqdn = pod.hostname && pod.subdomain ? `${pod.hostname}.${pod.subdomain}.${pod.namespace}.svc.cluster.local\t${pod.hostname}` : (pod.hostname ?? pod.name);
  return `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::\tip6-localnet\nfe00::\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${pod.podIP}\t${fqdn}\n`;
}

/** The contents of a file in the container, or undefined. */
export function readContainerFile(ctx: CommandContext, src: ShellSource, path: string): string | undefined {
  if (!src.pod) {
    const files = { ...(ctx.session.files ?? {}), [ctx.session.manifests.file]: ctx.session.manifests.text };
    return files[path] ?? files[path.replace(/^\.\//, '')];
  }
  switch (path) {
    case '/etc/resolv.conf':
      return resolvConf(ctx.view.cluster, src.pod, traceContextOf(ctx.view).dns);
    case '/etc/hosts':
      return etcHosts(src);
    case '/etc/hostname':
      return `${src.pod.hostNetwork ? src.pod.nodeName : (src.pod.hostname ?? src.pod.name)}\n`;
    case '/var/run/secrets/kubernetes.io/serviceaccount/namespace':
      return src.pod.namespace;
    default:
      return undefined;
  }
}

function mac(seed: string): string {
  const h = fnv1a(seed).toString(16).padStart(8, '0') + fnv1a(`${seed}#`).toString(16).padStart(8, '0');
  return `${((parseInt(h.slice(0, 2), 16) & 0xfe) | 0x02).toString(16).padStart(2, '0')}:${h.slice(2, 4)}:${h.slice(4, 6)}:${h.slice(6, 8)}:${h.slice(8, 10)}:${h.slice(10, 12)}`;
}

function gatewayOf(ctx: CommandContext, src: ShellSource): { gw: string; cidr: string; broadcast: string } {
  const node = ctx.view.cluster.nodes.find((n) => n.name === src.pod!.nodeName);
  const cidr = parseCidr(node?.podCIDR ?? '10.244.0.0/24');
  const base = cidr?.base ?? 0;
  const size = 2 ** (32 - (cidr?.bits ?? 24));
  return { gw: formatIPv4(base + 1), cidr: node?.podCIDR ?? '10.244.0.0/24', broadcast: formatIPv4(base + size - 1) };
}

/** Runs a system command; undefined when the name is not one of them. */
export function runSystemCommand(ctx: CommandContext, src: ShellSource, name: string, argv: string[]): number | undefined {
  const pod = src.pod;
  const busybox = src.profile.flavour === 'busybox';
  switch (name) {
    case 'echo': {
      const noNewline = argv[0] === '-n';
      stdout(ctx, `${(noNewline ? argv.slice(1) : argv).join(' ')}${noNewline ? '' : '\n'}`);
      return 0;
    }
    case 'cat': {
      let status = 0;
      for (const path of argv.filter((a) => !a.startsWith('-'))) {
        const text = readContainerFile(ctx, src, path);
        if (text === undefined) {
          stderr(ctx, busybox ? `cat: can't open '${path}': No such file or directory\n` : `cat: ${path}: No such file or directory\n`);
          status = 1;
        } else stdout(ctx, text);
      }
      return status;
    }
    case 'env':
    case 'printenv': {
      const env = processEnvironment(ctx, src);
      if (name === 'printenv' && argv.length) {
        const values = argv.map((a) => env.find(([k]) => k === a)?.[1]);
        values.forEach((v) => v !== undefined && stdout(ctx, `${v}\n`));
        return values.every((v) => v !== undefined) ? 0 : 1;
      }
      stdout(ctx, env.map(([k, v]) => `${k}=${v}\n`).join(''));
      return 0;
    }
    case 'hostname': {
      if (!pod) {
        stdout(ctx, 'laptop\n');
        return 0;
      }
      if (argv.includes('-i')) stdout(ctx, `${pod.podIP}\n`);
      else if (argv.includes('-f') && pod.hostname && pod.subdomain) stdout(ctx, `${pod.hostname}.${pod.subdomain}.${pod.namespace}.svc.cluster.local\n`);
      else stdout(ctx, `${pod.hostNetwork ? pod.nodeName : (pod.hostname ?? pod.name)}\n`);
      return 0;
    }
    case 'pwd':
      stdout(ctx, `${pod && src.profile.user === 'root' ? '/' : src.profile.home}\n`);
      return 0;
    case 'whoami':
      stdout(ctx, `${src.profile.user}\n`);
      return 0;
    case 'id':
      stdout(ctx, src.profile.user === 'root' ? 'uid=0(root) gid=0(root) groups=0(root)\n' : `uid=100(${src.profile.user}) gid=101(${src.profile.user}) groups=101(${src.profile.user})\n`);
      return 0;
    case 'uname':
      stdout(ctx, argv.includes('-a') ? `Linux ${pod?.name ?? 'laptop'} 6.8.0-1021-azure #25-Ubuntu SMP Wed Jan 15 20:45:09 UTC 2025 x86_64 ${busybox ? 'Linux' : 'GNU/Linux'}\n` : 'Linux\n');
      return 0;
    case 'date':
      stdout(ctx, `${unixDate(ctx.session.clock)}\n`);
      return 0;
    case 'ls':
      stdout(ctx, pod ? 'bin    dev    etc    home   lib    media  mnt    opt    proc   root   run    sbin   srv    sys    tmp    usr    var\n' : `${[ctx.session.manifests.file, ...Object.keys(ctx.session.files ?? {})].join('  ')}\n`);
      return 0;
    case 'sleep':
    case 'true':
    case 'cd':
    case 'export':
    case 'clear':
      return 0;
    case 'false':
      return 1;
    case 'ps':
      stdout(ctx, busybox ? `PID   USER     TIME  COMMAND\n    1 ${src.profile.user.padEnd(8)}  0:00 ${src.container}\n    7 ${src.profile.user.padEnd(8)}  0:00 ${src.program}\n` : `    PID TTY          TIME CMD\n      1 ?        00:00:00 ${src.container}\n      7 pts/0    00:00:00 ${src.program}\n`);
      return 0;
    case 'ip':
    case 'ifconfig': {
      if (!pod) return undefined;
      const { gw, cidr, broadcast } = gatewayOf(ctx, src);
      const prefix = cidr.split('/')[1] ?? '24';
      const ifindex = 5 + (fnv1a(pod.name) % 20);
      if (name === 'ip' && (argv[0] === 'route' || argv[0] === 'r')) {
        stdout(ctx, `default via ${gw} dev eth0 \n${cidr} via ${gw} dev eth0 src ${pod.podIP} \n${gw} dev eth0 scope link src ${pod.podIP} \n`);
        return 0;
      }
      if (name === 'ip' && !['a', 'addr', 'address'].includes(argv[0] ?? '')) {
        stderr(ctx, 'Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\nwhere  OBJECT := { address | route | link | neigh | rule }\n');
        return 1;
      }
      if (name === 'ifconfig') {
        stdout(ctx, `eth0      Link encap:Ethernet  HWaddr ${mac(pod.name).toUpperCase()}  \n          inet addr:${pod.podIP}  Bcast:${broadcast}  Mask:255.255.255.0\n          UP BROADCAST RUNNING MULTICAST  MTU:1500  Metric:1\n\nlo        Link encap:Local Loopback  \n          inet addr:127.0.0.1  Mask:255.0.0.0\n          UP LOOPBACK RUNNING  MTU:65536  Metric:1\n\n`);
        return 0;
      }
      stdout(ctx, `1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n2: eth0@if${ifindex}: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue state UP \n    link/ether ${mac(pod.name)} brd ff:ff:ff:ff:ff:ff\n    inet ${pod.podIP}/${prefix} brd ${broadcast} scope global eth0\n       valid_lft forever preferred_lft forever\n`);
      return 0;
    }
    default:
      return undefined;
  }
}
