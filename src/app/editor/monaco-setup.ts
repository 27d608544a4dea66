// Monaco with YAML support, set up once: workers, monaco-yaml and the Kubernetes schemas.
// Loaded only with the editor chunk, never on first paint.
import * as monaco from 'monaco-editor';
import { configureMonacoYaml, type JSONSchema } from 'monaco-yaml';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker';
import YamlWorker from './yaml.worker.ts?worker';

export { monaco };

let ready: Promise<typeof monaco> | undefined;

/** Where the generated schemas are served from (see public/schemas/kubernetes/index.json). */
const SCHEMA_PATH = 'schemas/kubernetes/all.json';

/** Fetches the combined schema (a draft-07 schema selecting the kind's schema by `kind`); the
 * editor still works, without completion, when it is missing. */
async function loadKubernetesSchema(): Promise<{ uri: string; schema: JSONSchema } | undefined> {
  const uri = new URL(SCHEMA_PATH, document.baseURI).href;
  try {
    const response = await fetch(uri);
    if (!response.ok) return undefined;
    return { uri, schema: (await response.json()) as JSONSchema };
  } catch {
    return undefined;
  }
}

/** Sets Monaco up once and resolves with it. */
export function setupMonaco(): Promise<typeof monaco> {
  ready ??= (async () => {
    self.MonacoEnvironment = {
      getWorker(_workerId: string, label: string) {
        return label === 'yaml' ? new YamlWorker() : new EditorWorker();
      },
    };
    const kubernetes = await loadKubernetesSchema();
    configureMonacoYaml(monaco, {
      enableSchemaRequest: false,
      isKubernetes: true,
      schemas: kubernetes ? [{ uri: kubernetes.uri, fileMatch: ['*'], schema: kubernetes.schema }] : [],
    });
    return monaco;
  })();
  return ready;
}
