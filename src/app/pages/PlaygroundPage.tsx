// The free playground: the workspace with its cluster settings, files and pasted YAML brought in
// (a scenario's checks run against it), and share links.
import { useEffect } from 'react';
import { importFiles } from '../playground/playground-actions.ts';
import { PlaygroundBar } from '../playground/PlaygroundBar.tsx';
import { toClusterBlock } from '../playground/cluster-settings.ts';
import { usePlayground } from '../playground/playground-store.ts';
import { useFileDrop } from '../playground/useFileDrop.ts';
import { openShareLink } from '../share/open-share-link.ts';
import { DEFAULT_PLAYGROUND_YAML, PLAYGROUND_FILE } from '../state/default-scenario.ts';
import { Workspace } from '../workspace/Workspace.tsx';

const onFiles = (files: File[]) => void importFiles(files);

/** The playground page; `share` is the packed YAML of a share link, if the URL had one. */
export function PlaygroundPage({ share }: { share?: string }) {
  const settings = usePlayground((s) => s.settings);
  const { over, handlers } = useFileDrop(onFiles);
  useEffect(() => {
    if (share !== undefined) void openShareLink(share);
  }, [share]);
  return (
    <div className="page page-playground" {...handlers} data-testid="playground">
      <PlaygroundBar />
      <Workspace docKey="playground" file={PLAYGROUND_FILE} initialText={DEFAULT_PLAYGROUND_YAML} cluster={toClusterBlock(settings)} />
      {over && (
        <div className="drop-overlay" aria-hidden="true">
          Drop a <code>*.scenario.yaml</code> or Kubernetes YAML to load it
        </div>
      )}
    </div>
  );
}
