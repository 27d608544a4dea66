// kubectl's informational commands: api-resources, version, cluster-info, config.

import { stderr, stdout, type CommandContext } from './context.ts';
import { bool, str, type ParsedFlags } from './flags.ts';
import { GET_TABWRITER, formatTable } from './format/tabwriter.ts';
import { toJson, toYaml } from './get/output.ts';
import { KUBELET_VERSION } from './get/print-core.ts';
import { apiVersionOf, kindString, RESOURCE_TYPES } from './resources.ts';

const CONTEXT = 'kind-netlab';

/** `kubectl api-resources`. */
export function runApiResources(ctx: CommandContext, flags: ParsedFlags): number {
  const namespacedFlag = flags.values.namespaced;
  const group = str(flags, 'api-group', '\u0000');
  const types = RESOURCE_TYPES.filter((t) => (namespacedFlag === undefined || t.namespaced === namespacedFlag) && (group === '\u0000' || t.group === group))
    .slice()
    .sort((a, b) => (a.group === b.group ? a.resource.localeCompare(b.resource) : a.group.localeCompare(b.group)));
  if (str(flags, 'output') === 'name') {
    stdout(ctx, types.map((t) => `${t.group ? `${t.resource}.${t.group}` : t.resource}\n`).join(''));
    return 0;
  }
  const wide = str(flags, 'output') === 'wide';
  const rows = bool(flags, 'no-headers') ? [] : [['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(wide ? ['VERBS', 'CATEGORIES'] : [])]];
  for (const t of types) {
    rows.push([t.resource, t.shortNames.join(','), apiVersionOf(t), String(t.namespaced), t.kind, ...(wide ? ['create,delete,deletecollection,get,list,patch,update,watch', ''] : [])]);
  }
  stdout(ctx, formatTable(rows, GET_TABWRITER));
  return 0;
}

/** `kubectl version`. */
export function runVersion(ctx: CommandContext, flags: ParsedFlags): number {
  const client = { gitVersion: KUBELET_VERSION, platform: 'linux/amd64' };
  const out = str(flags, 'output');
  const data = { clientVersion: client, kustomizeVersion: 'v5.7.1', ...(bool(flags, 'client') ? {} : { serverVersion: client }) };
  if (out === 'json') stdout(ctx, toJson(data));
  else if (out === 'yaml') stdout(ctx, toYaml(data));
  else {
    stdout(ctx, `Client Version: ${KUBELET_VERSION}\nKustomize Version: v5.7.1\n`);
    if (!bool(flags, 'client')) stdout(ctx, `Server Version: ${KUBELET_VERSION}\n`);
  }
  return 0;
}

/** `kubectl cluster-info`. */
export function runClusterInfo(ctx: CommandContext): number {
  const dns = ctx.view.cluster.services.some((s) => s.namespace === 'kube-system' && s.name === 'kube-dns');
  stdout(ctx, 'Kubernetes control plane is running at https://127.0.0.1:6443\n');
  if (dns) stdout(ctx, 'CoreDNS is running at https://127.0.0.1:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n');
  stdout(ctx, "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n");
  return 0;
}

/** `kubectl config ...`: the one context this terminal has, and its namespace. */
export function runConfig(ctx: CommandContext, flags: ParsedFlags): number {
  const [sub, ...rest] = flags.args;
  const ns = ctx.session.namespace;
  switch (sub) {
    case 'current-context':
      stdout(ctx, `${CONTEXT}\n`);
      return 0;
    case 'get-contexts':
      stdout(ctx, formatTable([['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'], ['*', CONTEXT, CONTEXT, CONTEXT, ns === 'default' ? '' : ns]], GET_TABWRITER));
      return 0;
    case 'use-context':
      if (rest[0] !== CONTEXT) {
        stderr(ctx, `error: no context exists with the name: "${rest[0] ?? ''}"\n`);
        return 1;
      }
      stdout(ctx, `Switched to context "${CONTEXT}".\n`);
      return 0;
    case 'set-context': {
      const target = bool(flags, 'current') ? CONTEXT : rest[0];
      if (!target) {
        stderr(ctx, "error: you must specify a non-empty context name or --current\nSee 'kubectl config set-context -h' for help and examples\n");
        return 1;
      }
      if (target !== CONTEXT) {
        stdout(ctx, `Context "${target}" created.\n`);
        return 0;
      }
      const next = str(flags, 'namespace');
      if (next) ctx.session = { ...ctx.session, namespace: next };
      stdout(ctx, `Context "${CONTEXT}" modified.\n`);
      return 0;
    }
    case 'view': {
      const config = {
        apiVersion: 'v1',
        clusters: [{ cluster: { 'certificate-authority-data': 'DATA+OMITTED', server: 'https://127.0.0.1:6443' }, name: CONTEXT }],
        contexts: [{ context: { cluster: CONTEXT, ...(ns === 'default' ? {} : { namespace: ns }), user: CONTEXT }, name: CONTEXT }],
        'current-context': CONTEXT,
        kind: 'Config',
        preferences: {},
        users: [{ name: CONTEXT, user: { 'client-certificate-data': 'DATA+OMITTED', 'client-key-data': 'DATA+OMITTED' } }],
      };
      stdout(ctx, str(flags, 'output') === 'json' ? toJson(config) : toYaml(config));
      return 0;
    }
    default:
      stderr(ctx, sub ? `error: unknown command "${sub}" for "kubectl config"\n` : 'Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".\n\nAvailable Commands:\n  current-context   Display the current-context\n  get-contexts      Describe one or many contexts\n  set-context       Set a context entry in kubeconfig\n  use-context       Set the current-context in a kubeconfig file\n  view              Display merged kubeconfig settings or a specified kubeconfig file\n');
      return sub ? 1 : 0;
  }
}

/** `kind.group/name`, as kubectl's name printer and success messages write objects. */
export function objectName(type: Parameters<typeof kindString>[0], name: string): string {
  return `${kindString(type)}/${name}`;
}
