import { Handle, Position, type NodeProps, type NodeTypes } from '@xyflow/react';
import { memo, type ReactElement } from 'react';
import type { ChangeMark, ClientData, KubeNodeData, LoadBalancerData, NamespaceGroupData, PodData, PodStatus, ServiceData, TopologyNode } from './graph-types.ts';
import { Icon, type IconName } from './icons.tsx';
import { isolationLabel } from './isolation.ts';

// One component per kind of card. They only render their data: no routing, no state.

type Props<K extends TopologyNode['type']> = NodeProps<Extract<TopologyNode, { type: K }>>;

const STATUS_ICON: Record<PodStatus, IconName> = { Ready: 'check', NotReady: 'notReady', Terminating: 'hourglass' };

function In(): ReactElement {
  return <Handle type="target" position={Position.Top} isConnectable={false} className="topo-handle" />;
}

function Out(): ReactElement {
  return <Handle type="source" position={Position.Bottom} isConnectable={false} className="topo-handle" />;
}

const CHANGE_TEXT: Record<ChangeMark, string> = { added: 'new', readiness: 'readiness changed', endpoints: 'endpoints changed' };

function ChangeTag({ change }: { change: ChangeMark | undefined }): ReactElement | null {
  if (!change) return null;
  return (
    <span className="topo-change-tag">
      <Icon name={change === 'added' ? 'plus' : 'change'} />
      {CHANGE_TEXT[change]}
    </span>
  );
}

function ClientNode({ data }: Props<'client'>): ReactElement {
  const d: ClientData = data;
  return (
    <div className="topo-card topo-client" title={`${d.label} ${d.ip}: a host outside the cluster`}>
      <div className="topo-head">
        <Icon name="globe" />
        <span className="topo-name">{d.label}</span>
      </div>
      <div className="topo-line topo-mono">{d.ip}</div>
      <Out />
    </div>
  );
}

function LoadBalancerNode({ data }: Props<'loadBalancer'>): ReactElement {
  const d: LoadBalancerData = data;
  return (
    <div className={`topo-card topo-lb${d.pending ? ' is-pending' : ''}`} title={`Cloud load balancer of Service ${d.service}`}>
      <In />
      <div className="topo-head">
        <Icon name="cloud" />
        <span className="topo-name">{d.service.split('/')[1]}</span>
        <span className="topo-kind">{d.role ?? 'cloud LB'}</span>
      </div>
      <div className="topo-line topo-mono">
        {d.pending ? (
          <span className="topo-pending">
            <Icon name="hourglass" />
            {'<pending>'}
          </span>
        ) : (
          d.ips.join(', ')
        )}
      </div>
      <div className="topo-line topo-mono topo-dim">{d.ports.join(', ')}</div>
      <Out />
    </div>
  );
}

function ServiceNode({ data }: Props<'service'>): ReactElement {
  const d: ServiceData = data;
  const address = d.type === 'ExternalName' ? `→ ${d.externalName ?? ''}` : d.clusterIP === 'None' ? 'ClusterIP None (headless)' : `ClusterIP ${d.clusterIP}`;
  const endpoints =
    d.type === 'ExternalName' ? null : d.noEndpoints ? (
      <span className="topo-warn">
        <Icon name="warning" />
        no endpoints{d.notReadyEndpoints > 0 ? ` ready (${d.notReadyEndpoints} not ready)` : ''}
      </span>
    ) : (
      <span className="topo-ok">
        <Icon name="check" />
        {d.readyEndpoints} endpoint{d.readyEndpoints === 1 ? '' : 's'}
        {d.notReadyEndpoints > 0 ? ` · ${d.notReadyEndpoints} not ready` : ''}
      </span>
    );
  return (
    <div
      className={`topo-card topo-service${d.noEndpoints ? ' has-warning' : ''}${d.change ? ` change-${d.change}` : ''}`}
      title={`Service ${d.namespace}/${d.name} (${d.type})${d.selectorless ? ', no selector' : ''}`}
    >
      <In />
      <div className="topo-head">
        <Icon name={d.role === 'CoreDNS' ? 'dns' : 'service'} />
        <span className="topo-name">{d.name}</span>
        <span className="topo-kind">{d.role ?? d.type}</span>
      </div>
      <div className="topo-line topo-mono">{address}</div>
      {d.ports.map((p) => (
        <div key={p.port} className="topo-line topo-mono topo-dim">
          {p.port}
          {p.nodePort !== undefined ? ` · NodePort ${p.nodePort}` : ''}
        </div>
      ))}
      <div className="topo-line topo-badges">
        <span className="topo-ns">ns {d.namespace}</span>
        {endpoints}
      </div>
      <ChangeTag change={d.change} />
      <Out />
    </div>
  );
}

function KubeNodeGroup({ data }: Props<'kubeNode'>): ReactElement {
  const d: KubeNodeData = data;
  return (
    <div className={`topo-group topo-kubenode${d.ready ? '' : ' is-not-ready'}`}>
      <In />
      <div className="topo-group-head">
        <Icon name="server" />
        <span className="topo-name">{d.name}</span>
        <span className="topo-mono">{d.internalIP}</span>
        <span className={d.ready ? 'topo-ok' : 'topo-bad'}>
          <Icon name={d.ready ? 'check' : 'notReady'} />
          {d.ready ? 'Ready' : 'NotReady'}
        </span>
      </div>
      <div className="topo-group-sub topo-mono">
        {/* On the second line, so a narrow node keeps its name: kubectl's STATUS reads Ready,SchedulingDisabled. */}
        {d.unschedulable ? <span className="topo-warn topo-cordoned">⊘ SchedulingDisabled · </span> : null}
        pods {d.podCIDR}
        {d.nodePorts.length > 0 ? ` · NodePorts ${d.nodePorts.join(', ')}` : ''}
      </div>
    </div>
  );
}

function NamespaceGroup({ data }: Props<'namespace'>): ReactElement {
  const d: NamespaceGroupData = data;
  return (
    <div className="topo-group topo-namespace">
      <div className="topo-ns-label">namespace {d.namespace}</div>
    </div>
  );
}

function UnscheduledGroup(): ReactElement {
  return (
    <div className="topo-group topo-unscheduled">
      <div className="topo-group-head">
        <Icon name="hourglass" />
        <span className="topo-name">Pending: not scheduled</span>
      </div>
    </div>
  );
}

function PodNode({ data }: Props<'pod'>): ReactElement {
  const d: PodData = data;
  const statusText = d.phase !== 'Running' && d.status !== 'Terminating' ? `${d.status} (${d.phase})` : d.status;
  const second = d.hostNetwork ? `${d.ip} hostNetwork` : d.ip || 'no IP';
  return (
    <div
      className={`topo-card topo-pod status-${d.status.toLowerCase()}${d.isolation ? ' is-isolated' : ''}${d.change ? ` change-${d.change}` : ''}`}
      title={`Pod ${d.namespace}/${d.name}, ${statusText}${d.listening.length ? `, listens on ${d.listening.join(', ')}` : ''}${d.isolation ? `, ${isolationLabel(d.isolation)} by ${d.isolation.policies.join(', ')}` : ''}`}
    >
      <In />
      <div className="topo-head">
        <Icon name="pod" />
        <span className="topo-name">{d.name}</span>
        {d.served ? (
          <span className="topo-served" title={`answered ${d.served} of the requests`}>
            ×{d.served}
          </span>
        ) : null}
      </div>
      <div className="topo-line topo-mono">
        {second}
        {d.role ? <span className="topo-role"> · {d.role}</span> : null}
      </div>
      <div className="topo-line topo-badges">
        <span className={`topo-status status-${d.status.toLowerCase()}`}>
          <Icon name={STATUS_ICON[d.status]} />
          {statusText}
        </span>
        {d.isolation ? (
          <span className={`topo-shield${d.isolation.enforced ? '' : ' not-enforced'}`}>
            <Icon name="shield" />
            {d.isolation.enforced ? 'isolated' : 'isolated (not enforced)'}
          </span>
        ) : null}
      </div>
      <ChangeTag change={d.change} />
    </div>
  );
}

/** The node components, keyed by TopologyNode type, for React Flow's `nodeTypes`. */
export const topologyNodeTypes = {
  client: memo(ClientNode),
  loadBalancer: memo(LoadBalancerNode),
  service: memo(ServiceNode),
  kubeNode: memo(KubeNodeGroup),
  namespace: memo(NamespaceGroup),
  unscheduled: memo(UnscheduledGroup),
  pod: memo(PodNode),
} satisfies NodeTypes;
