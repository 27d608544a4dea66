// What a container image ships: its shell, which networking tools, and which flavour of each
// (busybox's or the full GNU/BIND/iputils/OpenBSD one), so `sh: curl: not found` in busybox and
// the exact output formats come out as in the real images. Unknown images are assumed to have
// every tool, so a lesson's own image never blocks a learner.

import { imageRepository } from '../../controllers/images.ts';

export type Flavour = 'busybox' | 'full';

/** The tools of an image. */
export interface ImageProfile {
  /** The shell, or undefined for images without one (distroless, scratch). */
  shell?: 'sh' | 'bash';
  /** Commands on the PATH besides the shell's builtins. */
  tools: string[];
  /** busybox applets or the full programs (nslookup/ping/nc/wget output formats). */
  flavour: Flavour;
  /** The prompt's user and home (curlimages/curl runs as curl_user). */
  user: string;
  home: string;
}

const BUSYBOX = ['cat', 'env', 'printenv', 'hostname', 'wget', 'nslookup', 'ping', 'nc', 'ip', 'ifconfig', 'ls', 'sleep', 'date', 'id', 'whoami', 'uname', 'ps', 'grep', 'head', 'tail', 'wc', 'sort', 'uniq', 'cut', 'awk', 'tee', 'true', 'false', 'pwd', 'traceroute', 'route'];
const COREUTILS = ['cat', 'env', 'printenv', 'hostname', 'ls', 'sleep', 'date', 'id', 'whoami', 'uname', 'grep', 'head', 'tail', 'wc', 'sort', 'uniq', 'cut', 'awk', 'tee', 'true', 'false', 'pwd'];
const DNS_TOOLS = ['dig', 'nslookup', 'host'];
const EVERYTHING = [...new Set([...COREUTILS, ...DNS_TOOLS, 'curl', 'wget', 'ping', 'nc', 'ip', 'ifconfig', 'ps', 'traceroute', 'route'])];

const DISTROLESS = ['coredns/coredns', 'coredns', 'envoyproxy/envoy', 'traefik/whoami', 'hashicorp/http-echo', 'pause', 'gcr.io/distroless', 'distroless', 'ealen/echo-server'];

/** The profile of an image reference. */
export function imageProfile(image: string): ImageProfile {
  const repo = imageRepository(image);
  const tag = image.includes(':') ? image.slice(image.lastIndexOf(':') + 1) : '';
  const last = repo.split('/').pop() ?? repo;
  const root = { user: 'root', home: '/root' };
  if (DISTROLESS.some((d) => repo === d || repo.startsWith(`${d}/`) || last === d) || tag.includes('distroless')) return { tools: [], flavour: 'full', ...root };
  if (repo === 'curlimages/curl') return { shell: 'sh', tools: [...BUSYBOX, 'curl'], flavour: 'busybox', user: 'curl_user', home: '/home/curl_user' };
  if (repo === 'busybox' || repo === 'alpine' || repo.startsWith('ingress-nginx/')) return { shell: 'sh', tools: [...BUSYBOX, ...(repo.startsWith('ingress-nginx/') ? ['curl'] : [])], flavour: 'busybox', ...root };
  if (tag.includes('alpine')) return { shell: 'sh', tools: [...BUSYBOX, ...(['nginx', 'httpd', 'python', 'node'].includes(last) ? ['curl'] : [])], flavour: 'busybox', ...root };
  if (last === 'netshoot' || last === 'network-multitool' || last === 'agnhost' || repo.includes('netshoot')) return { shell: 'bash', tools: EVERYTHING, flavour: 'full', ...root };
  if (last.includes('dnsutils') || last === 'dnsutils') return { shell: 'bash', tools: [...COREUTILS, ...DNS_TOOLS, 'ping'], flavour: 'full', ...root };
  if (last === 'nginx') return { shell: 'bash', tools: [...COREUTILS, 'curl'], flavour: 'full', ...root };
  if (['httpd', 'redis', 'postgres', 'mysql', 'mongo', 'memcached', 'debian', 'ubuntu', 'httpbin'].includes(last)) return { shell: 'bash', tools: COREUTILS, flavour: 'full', ...root };
  if (['python', 'node', 'golang', 'openjdk', 'eclipse-temurin'].includes(last)) return { shell: 'bash', tools: [...COREUTILS, 'curl', 'wget'], flavour: 'full', ...root };
  return { shell: 'sh', tools: EVERYTHING, flavour: 'full', ...root };
}

/** The prompt a shell in this pod shows. */
export function shellPrompt(profile: ImageProfile, pod: string, program: string): string {
  if (program === 'bash') return `${profile.user}@${pod}:/# `;
  if (profile.user !== 'root') return '~ $ ';
  return '/ # ';
}

/** Whether a program name is one of the shells an image has (`sh` is there whenever bash is). */
export function isShell(program: string, profile: ImageProfile): boolean {
  const name = program.split('/').pop() ?? program;
  if (!profile.shell) return false;
  if (name === 'sh' || name === 'ash') return true;
  return name === 'bash' && profile.shell === 'bash';
}
