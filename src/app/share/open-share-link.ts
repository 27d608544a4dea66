// Opens a share link into the playground, keeping the learner's own YAML restorable.
import { useDocuments } from '../state/documents-store.ts';
import { useNotices } from '../state/notices-store.ts';
import { DEFAULT_PLAYGROUND_YAML } from '../state/default-scenario.ts';
import { formatRoute } from '../routing/route.ts';
import { DEFAULT_SETTINGS, sanitizeSettings } from '../playground/cluster-settings.ts';
import { usePlayground } from '../playground/playground-store.ts';
import { unpackPlayground } from './share-link.ts';

const BACKUP = 'playground:previous';

// React may run an effect twice (StrictMode): one link is opened once.
let opened: string | undefined;

/** Loads a shared playground (or, for a broken link, the default scenario) and tells the learner. */
export async function openShareLink(packed: string): Promise<void> {
  if (opened === packed) return;
  opened = packed;
  const result = await unpackPlayground(packed);
  // The link is consumed: a reload must not load it over later edits.
  window.history.replaceState(null, '', formatRoute({ page: 'playground' }));
  const docs = useDocuments.getState();
  const mine = docs.docs.playground;
  const incoming = 'yaml' in result ? result.yaml : DEFAULT_PLAYGROUND_YAML;
  if (mine !== undefined && mine !== incoming) docs.setDoc(BACKUP, mine);
  docs.setDoc('playground', incoming);
  // The sender's cluster settings (a v1 link was made when there were only the defaults); a
  // scenario loaded here belonged to other YAML.
  const playground = usePlayground.getState();
  playground.setSettings('yaml' in result && result.cluster !== undefined ? sanitizeSettings(result.cluster) : DEFAULT_SETTINGS);
  playground.setScenario(undefined);
  const restore = mine !== undefined && mine !== incoming ? { label: 'Restore my YAML', run: () => restoreBackup() } : undefined;
  useNotices.getState().push(
    'yaml' in result
      ? { tone: 'info', message: 'Opened a shared playground.', ...(restore ? { action: restore } : {}) }
      : { tone: 'error', message: `This share link cannot be opened: ${result.error}. Showing the default scenario instead.`, ...(restore ? { action: restore } : {}) },
  );
}

function restoreBackup(): void {
  const docs = useDocuments.getState();
  const backup = docs.docs[BACKUP];
  if (backup === undefined) return;
  docs.setDoc('playground', backup);
  docs.removeDoc(BACKUP);
}
