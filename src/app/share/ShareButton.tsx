// Makes a link that carries the playground's YAML and cluster settings, and copies it.
import { useState } from 'react';
import { useDocuments } from '../state/documents-store.ts';
import { DEFAULT_PLAYGROUND_YAML } from '../state/default-scenario.ts';
import { formatRoute } from '../routing/route.ts';
import { toClusterBlock } from '../playground/cluster-settings.ts';
import { usePlayground } from '../playground/playground-store.ts';
import { packPlayground } from './share-link.ts';

/** The "Share" button of the playground, with the link shown for copying by hand too. */
export function ShareButton() {
  const [link, setLink] = useState<string>();
  const [copied, setCopied] = useState(false);
  const share = async () => {
    const yaml = useDocuments.getState().docs.playground ?? DEFAULT_PLAYGROUND_YAML;
    const url = new URL(window.location.href);
    url.hash = formatRoute({ page: 'playground', share: await packPlayground({ yaml, cluster: toClusterBlock(usePlayground.getState().settings) }) });
    setLink(url.href);
    try {
      await navigator.clipboard.writeText(url.href);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <span className="share">
      <button type="button" onClick={() => void share()}>
        Share
      </button>
      {link && (
        <span className="share-link">
          <label className="sr-only" htmlFor="share-link">
            Share link
          </label>
          <input id="share-link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} data-testid="share-link" />
          <span role="status">{copied ? '✓ Copied' : 'Copy the link'}</span>
          <button type="button" aria-label="Close share link" onClick={() => setLink(undefined)}>
            ✕
          </button>
        </span>
      )}
    </span>
  );
}
