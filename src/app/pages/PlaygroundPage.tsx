// The free playground: the workspace alone, with share links.
import { useEffect } from 'react';
import { openShareLink } from '../share/open-share-link.ts';
import { DEFAULT_PLAYGROUND_YAML, PLAYGROUND_FILE } from '../state/default-scenario.ts';
import { Workspace } from '../workspace/Workspace.tsx';

/** The playground page; `share` is the packed YAML of a share link, if the URL had one. */
export function PlaygroundPage({ share }: { share?: string }) {
  useEffect(() => {
    if (share !== undefined) void openShareLink(share);
  }, [share]);
  return (
    <div className="page">
      <Workspace docKey="playground" file={PLAYGROUND_FILE} initialText={DEFAULT_PLAYGROUND_YAML} />
    </div>
  );
}
