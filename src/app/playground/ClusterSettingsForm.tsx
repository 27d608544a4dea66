// The playground's cluster settings: nodes, kube-proxy mode, NetworkPolicy enforcement, load
// balancer and addons, as the scenario contract's `cluster:` block has them.
import { useId } from 'react';
import { ADDONS, KUBE_PROXY_MODES, MAX_NODES, nodeNames, type Addon, type KubeProxyMode, type PlaygroundSettings } from './cluster-settings.ts';

/** The settings form; every change applies at once (the diagram follows). */
export function ClusterSettingsForm({ settings, onChange }: { settings: PlaygroundSettings; onChange(settings: PlaygroundSettings): void }) {
  const id = useId();
  const set = (patch: Partial<PlaygroundSettings>) => onChange({ ...settings, ...patch });
  const names = nodeNames(settings);
  const toggleAddon = (addon: Addon, on: boolean) => set({ addons: ADDONS.filter((a) => (a === addon ? on : settings.addons.includes(a))) });
  return (
    <form className="settings-form" aria-label="Cluster settings" onSubmit={(e) => e.preventDefault()} data-testid="cluster-settings">
      <label htmlFor={`${id}-nodes`}>Nodes</label>
      <span>
        <input
          id={`${id}-nodes`}
          type="number"
          min={1}
          max={Math.max(MAX_NODES, names.length)}
          value={names.length}
          onChange={(e) => {
            const n = Math.floor(Number(e.target.value));
            if (Number.isFinite(n) && n >= 1 && n <= Math.max(MAX_NODES, names.length)) set({ nodes: n });
          }}
        />
        {Array.isArray(settings.nodes) && <span className="muted settings-names"> {settings.nodes.join(', ')}</span>}
      </span>
      <label htmlFor={`${id}-mode`}>kube-proxy mode</label>
      <select id={`${id}-mode`} value={settings.kubeProxyMode} onChange={(e) => set({ kubeProxyMode: e.target.value as KubeProxyMode })}>
        {KUBE_PROXY_MODES.map((m) => (
          <option key={m} value={m}>
            {m}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-lb`}>Load balancer</label>
      <select id={`${id}-lb`} value={settings.loadBalancer} onChange={(e) => set({ loadBalancer: e.target.value === 'none' ? 'none' : 'cloud' })}>
        <option value="cloud">cloud: external IPs handed out</option>
        <option value="none">none: external IPs stay pending</option>
      </select>
      <span className="settings-label">NetworkPolicy</span>
      <label className="check">
        <input type="checkbox" checked={settings.networkPolicy} onChange={(e) => set({ networkPolicy: e.target.checked })} /> enforced by the CNI
      </label>
      <span className="settings-label">Addons</span>
      <span className="settings-addons">
        {ADDONS.map((addon) => (
          <label key={addon} className="check">
            <input type="checkbox" checked={settings.addons.includes(addon)} onChange={(e) => toggleAddon(addon, e.target.checked)} /> {addon}
          </label>
        ))}
      </span>
    </form>
  );
}
