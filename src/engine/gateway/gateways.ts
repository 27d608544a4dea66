// GatewayClass and Gateway status as the `gateway-api` addon's controller writes it. Without the
// addon (or for a class nobody runs) the objects keep the CRD's default status: Unknown, Pending.
import { dataPlaneName, GATEWAY_SYSTEM_NAMESPACE } from '../cluster/gateways.ts';
import type { Condition } from '../scenario/conditions.ts';
import type { Cluster, ManifestObject } from '../types.ts';
import { readListener, validateListeners } from './listeners.ts';
import { arr, rec, str, type WatchedObject } from './objects.ts';
import type { GrantIndex } from './reference-grants.ts';
import type { GatewayClassModel, GatewayModel } from './types.ts';

const WAITING = 'Waiting for controller';

/** Every GatewayClass: the addon accepts each one it finds in the manifests. */
export function reconcileGatewayClasses(classes: WatchedObject[], addonInstalled: boolean): GatewayClassModel[] {
  return classes.map((w) => ({
    name: w.name,
    controllerName: str(rec(w.object.spec).controllerName) ?? '',
    source: w.admitted.source,
    conditions: addonInstalled
      ? [
          { type: 'Accepted', status: 'True', reason: 'Accepted', message: 'Valid GatewayClass' },
          { type: 'SupportedVersion', status: 'True', reason: 'SupportedVersion', message: 'Gateway API CRD bundle version is supported' },
        ]
      : [{ type: 'Accepted', status: 'Unknown', reason: 'Pending', message: `${WAITING}: no Gateway API controller is installed (cluster.addons has no gateway-api)` }],
  }));
}

/** Every Gateway, with its listeners, address and conditions. */
export function reconcileGateways(
  cluster: Cluster,
  gateways: WatchedObject[],
  classes: GatewayClassModel[],
  addonInstalled: boolean,
  grants: GrantIndex,
  secrets: Map<string, ManifestObject>,
): GatewayModel[] {
  const classNames = new Set(classes.map((c) => c.name));
  return gateways.map((w) => {
    const spec = rec(w.object.spec);
    const className = str(spec.gatewayClassName) ?? '';
    const reconciled = addonInstalled && classNames.has(className);
    const planeName = dataPlaneName(w.namespace, w.name);
    const model: GatewayModel = {
      namespace: w.namespace,
      name: w.name,
      ref: `gateway/${w.namespace}/${w.name}`,
      source: w.admitted.source,
      className,
      order: w.order,
      reconciled,
      dataPlane: `deployment/${GATEWAY_SYSTEM_NAMESPACE}/${planeName}`,
      listeners: [],
      conditions: [],
    };
    if (!reconciled) {
      const why = !addonInstalled ? 'no Gateway API controller is installed (cluster.addons has no gateway-api)' : `GatewayClass "${className}" not found`;
      model.listeners = arr(spec.listeners).map((l, i) => readListener(rec(l), i));
      model.conditions = [
        { type: 'Accepted', status: 'Unknown', reason: 'Pending', message: `${WAITING}: ${why}` },
        { type: 'Programmed', status: 'Unknown', reason: 'Pending', message: `${WAITING}: ${why}` },
      ];
      return model;
    }
    model.service = cluster.services.find((s) => s.namespace === GATEWAY_SYSTEM_NAMESPACE && s.name === planeName);
    model.address = model.service?.loadBalancerIPs[0];
    model.listeners = validateListeners(w.object, w.namespace, w.name, grants, secrets);
    model.conditions = gatewayConditions(cluster, model, spec);
    return model;
  });
}

function gatewayConditions(cluster: Cluster, gw: GatewayModel, spec: Record<string, unknown>): Condition[] {
  const listeners = gw.listeners;
  const isAccepted = (l: GatewayModel['listeners'][number]) => l.conditions.some((c) => c.type === 'Accepted' && c.status === 'True');
  const unusable = listeners.filter((l) => !l.programmed);
  const accepted: Condition =
    listeners.length > 0 && !listeners.some(isAccepted)
      ? { type: 'Accepted', status: 'False', reason: 'ListenersNotValid', message: 'No listeners are accepted' }
      : unusable.length > 0
        ? { type: 'Accepted', status: 'True', reason: 'ListenersNotValid', message: `Some listeners are invalid: ${unusable.map((l) => l.name).join(', ')}` }
        : { type: 'Accepted', status: 'True', reason: 'Accepted', message: 'The Gateway has been scheduled by the gateway-api controller' };
  if (accepted.status === 'False') return [accepted, { type: 'Programmed', status: 'False', reason: 'ListenersNotValid', message: 'No listeners are programmed' }];
  if (listeners.length > 0 && unusable.length === listeners.length) return [accepted, { type: 'Programmed', status: 'False', reason: 'Invalid', message: 'No listeners are programmed' }];
  const requested = arr(spec.addresses).map(rec).find((a) => str(a.value));
  if (requested && ((str(requested.type) ?? 'IPAddress') !== 'IPAddress' || str(requested.value) !== gw.address)) {
    return [accepted, { type: 'Programmed', status: 'False', reason: 'AddressNotUsable', message: `One or more Gateway addresses cannot be used: ${str(requested.value)}` }];
  }
  if (!gw.address) {
    const why = cluster.settings.loadBalancer === 'none' ? ' (cluster.loadBalancer is none: the data-plane LoadBalancer Service stays <pending>)' : '';
    return [accepted, { type: 'Programmed', status: 'False', reason: 'AddressNotAssigned', message: `No addresses have been assigned to the Gateway${why}` }];
  }
  const pods = cluster.pods.filter((p) => p.createdBy === gw.dataPlane);
  const ready = pods.filter((p) => p.ready).length;
  if (ready === 0) return [accepted, { type: 'Programmed', status: 'False', reason: 'NoResources', message: 'Data-plane replicas unavailable' }];
  return [accepted, { type: 'Programmed', status: 'True', reason: 'Programmed', message: `Address assigned to the Gateway, ${ready}/${pods.length} data-plane replicas available` }];
}
