import type * as Monaco from 'monaco-editor';

export type MonacoApi = typeof Monaco;

let loading: Promise<MonacoApi> | undefined;
let yamlService: { update(options: { schemas: unknown[] }): Promise<void> } | undefined;

/** Every editor tab's model URI ends in .yaml; the manifest schema is matched to it. */
export const MANIFEST_FILE_MATCH = '*.yaml';

const manifestSchemas = (schema: Record<string, unknown>) => [{ uri: 'kubelab://schemas/manifest.json', fileMatch: [MANIFEST_FILE_MATCH], schema: schema as never }];

/** Replace the manifest schema, e.g. when the cluster starts advertising nvidia.com/gpu. */
export async function setManifestSchema(schema: Record<string, unknown>): Promise<void> {
  await yamlService?.update({ schemas: manifestSchemas(schema) });
}

/**
 * Load Monaco, its YAML highlighting and monaco-yaml on first use, so the initial page stays
 * small. The YAML language worker is started from a local module (see yaml.worker.ts).
 */
export function loadMonaco(schema: Record<string, unknown>): Promise<MonacoApi> {
  loading ??= (async () => {
    const [{ default: EditorWorker }, { default: YamlWorker }] = await Promise.all([
      import('monaco-editor/esm/vs/editor/editor.worker.js?worker'),
      import('./yaml.worker.ts?worker'),
    ]);
    (self as unknown as { MonacoEnvironment: Monaco.Environment }).MonacoEnvironment = {
      getWorker: (_id: string, label: string) => (label === 'yaml' ? new YamlWorker() : new EditorWorker()),
    };
    const monaco = (await import('monaco-editor/esm/vs/editor/edcore.main.js')) as unknown as MonacoApi;
    await import('monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js');
    acceptLegacyWorkerOptions(monaco, (label) => (label === 'yaml' ? new YamlWorker() : new EditorWorker()));
    const { configureMonacoYaml } = await import('monaco-yaml');
    yamlService = configureMonacoYaml(monaco, {
      enableSchemaRequest: false,
      hover: true,
      completion: true,
      validate: true,
      // kubectl's decoder reads YAML 1.1 (yes/no are booleans); warn about the same values.
      yamlVersion: '1.1',
      schemas: manifestSchemas(schema),
    }) as unknown as typeof yamlService;
    defineThemes(monaco);
    return monaco;
  })();
  return loading;
}

interface LegacyWorkerOptions {
  readonly worker?: Worker | Promise<Worker>;
  readonly label?: string;
  readonly createData?: unknown;
  readonly host?: unknown;
  readonly keepIdleModels?: boolean;
}

/**
 * monaco-yaml's worker manager creates workers with `{ label, moduleId, createData }`, the
 * pre-0.54 form. Monaco's full entry point (editor.main) translates that form; we load the lean
 * edcore entry instead, so we do the same translation: start the worker, send it the two
 * start-up messages it waits for, and hand the Worker to Monaco.
 */
function acceptLegacyWorkerOptions(monaco: MonacoApi, create: (label: string) => Worker): void {
  const original = monaco.editor.createWebWorker as unknown as (opts: LegacyWorkerOptions) => unknown;
  (monaco.editor as unknown as { createWebWorker: (opts: LegacyWorkerOptions) => unknown }).createWebWorker = (opts) => {
    if (opts.worker !== undefined) return original(opts);
    const worker = create(opts.label ?? 'editor');
    worker.postMessage('ignore');
    worker.postMessage(opts.createData);
    return original({ worker, host: opts.host, keepIdleModels: opts.keepIdleModels });
  };
}

function defineThemes(monaco: MonacoApi): void {
  monaco.editor.defineTheme('kubelab-light', {
    base: 'vs',
    inherit: true,
    rules: [
      { token: 'type', foreground: '2456c4' },
      { token: 'string', foreground: '17804f' },
      { token: 'number', foreground: 'b45309' },
      { token: 'comment', foreground: '8a93a6', fontStyle: 'italic' },
    ],
    colors: { 'editor.background': '#ffffff', 'editorLineNumber.foreground': '#6b7385', 'editorLineNumber.dimmedForeground': '#6b7385', 'editor.lineHighlightBackground': '#f4f6fb' },
  });
  monaco.editor.defineTheme('kubelab-dark', {
    base: 'vs-dark',
    inherit: true,
    rules: [
      { token: 'type', foreground: '7ba3ff' },
      { token: 'string', foreground: '7fdcaa' },
      { token: 'number', foreground: 'f0b85a' },
      { token: 'comment', foreground: '6f7a91', fontStyle: 'italic' },
    ],
    colors: { 'editor.background': '#141b2b', 'editorLineNumber.foreground': '#8390ab', 'editorLineNumber.dimmedForeground': '#8390ab', 'editor.lineHighlightBackground': '#182134' },
  });
}
