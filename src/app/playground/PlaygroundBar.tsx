// The playground's toolbar: open or paste YAML, the cluster settings, and a loaded scenario's checks.
import { useRef, useState } from 'react';
import { Popover } from '../layout/Popover.tsx';
import { ChecksPanel } from './ChecksPanel.tsx';
import { ClusterSettingsForm } from './ClusterSettingsForm.tsx';
import { describeSettings } from './cluster-settings.ts';
import { PasteDialog } from './PasteDialog.tsx';
import { importFiles, importPasted } from './playground-actions.ts';
import { usePlayground } from './playground-store.ts';

/** The toolbar above the playground's workspace. */
export function PlaygroundBar() {
  const settings = usePlayground((s) => s.settings);
  const setSettings = usePlayground((s) => s.setSettings);
  const scenario = usePlayground((s) => s.scenario);
  const setScenario = usePlayground((s) => s.setScenario);
  const loads = usePlayground((s) => s.loads);
  const input = useRef<HTMLInputElement>(null);
  const [pasting, setPasting] = useState(false);
  return (
    <div className="playground-bar" role="toolbar" aria-label="Playground">
      <button type="button" onClick={() => input.current?.click()} title="A *.scenario.yaml (settings, manifests and checks) or any Kubernetes YAML; you can also drop files here">
        Open file…
      </button>
      <input
        ref={input}
        type="file"
        accept=".yaml,.yml,text/yaml,application/yaml"
        multiple
        hidden
        data-testid="open-file"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length > 0) void importFiles(files);
        }}
      />
      <button type="button" onClick={() => setPasting(true)}>
        Paste YAML…
      </button>
      <PasteDialog open={pasting} onClose={() => setPasting(false)} onImport={(text) => void importPasted(text)} />
      <Popover label={<>Cluster: {describeSettings(settings)}</>} title="Cluster settings" className="settings-popover" testId="settings-button">
        <ClusterSettingsForm settings={settings} onChange={setSettings} />
      </Popover>
      {scenario && (
        <span className="scenario-name">
          <Popover label={<>Scenario: {scenario.name}</>} title={`Checks of ${scenario.name}`} className="checks-popover" openSignal={loads} initiallyOpen={loads > 0} testId="scenario-button">
            <ChecksPanel scenario={scenario} />
          </Popover>
          <button type="button" aria-label={`Close scenario ${scenario.name} (the YAML stays)`} title="Close the scenario (the YAML stays)" onClick={() => setScenario(undefined)}>
            ✕
          </button>
        </span>
      )}
    </div>
  );
}
