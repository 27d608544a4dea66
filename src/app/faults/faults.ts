// Faults a learner injects from the diagram. They are observed state, not desired state: they live
// beside the learner's YAML (never in it) and are applied as an overlay before each simulation.

/** One injected fault. Pods are named `<namespace>/<name>`. */
export type Fault =
  /** `kubectl delete pod` of a Pod no controller owns: nothing recreates it. */
  | { kind: 'delete-pod'; pod: string }
  /** The pod's readiness probe fails: the kubelet sets its Ready condition to False. */
  | { kind: 'pod-not-ready'; pod: string }
  /** `kubectl drain --ignore-daemonsets --force`: the node is cordoned and its pods evicted.
   * `evicted` lists the Pods no controller owns, which the eviction deletes for good. */
  | { kind: 'drain-node'; node: string; evicted: string[] };

/** A stable id per target: one fault per pod and per node at a time. */
export function faultId(fault: Fault): string {
  return fault.kind === 'drain-node' ? `node/${fault.node}` : `pod/${fault.pod}`;
}

/** Adds a fault, replacing any earlier fault on the same pod or node; the list stays sorted. */
export function addFault(faults: readonly Fault[], fault: Fault): Fault[] {
  const id = faultId(fault);
  return [...faults.filter((f) => faultId(f) !== id), fault].sort((a, b) => faultId(a).localeCompare(faultId(b)));
}

/** Removes the fault on one pod or node. */
export function removeFault(faults: readonly Fault[], id: string): Fault[] {
  return faults.filter((f) => faultId(f) !== id);
}

/** How a fault is told to the learner: what happened, the command that would do it, and why it
 * matters for traffic. */
export function describeFault(fault: Fault): { title: string; command: string; effect: string } {
  switch (fault.kind) {
    case 'delete-pod': {
      const [ns, name] = splitRef(fault.pod);
      return {
        title: `Pod ${fault.pod} deleted`,
        command: `kubectl delete pod ${name} -n ${ns}`,
        effect: 'No controller owns this Pod, so nothing recreates it: its endpoints are gone.',
      };
    }
    case 'pod-not-ready': {
      const [ns, name] = splitRef(fault.pod);
      return {
        title: `Pod ${fault.pod} not ready`,
        command: `readiness probe failing in ${name} (-n ${ns})`,
        effect: 'Ready=False: EndpointSlices list it as not ready and kube-proxy stops sending it Service traffic.',
      };
    }
    case 'drain-node': {
      const bare = fault.evicted.length > 0 ? ` Pods no controller owns (${fault.evicted.join(', ')}) are deleted for good.` : '';
      return {
        title: `Node ${fault.node} drained`,
        command: `kubectl drain ${fault.node} --ignore-daemonsets --force`,
        effect: `Cordoned (spec.unschedulable) and its pods evicted: their controllers recreate them on other nodes with new IPs; DaemonSet pods stay.${bare}`,
      };
    }
  }
}

function splitRef(ref: string): [string, string] {
  const i = ref.indexOf('/');
  return i < 0 ? ['default', ref] : [ref.slice(0, i), ref.slice(i + 1)];
}
