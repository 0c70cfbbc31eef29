// The YAML language worker for Monaco; loaded through `?worker` so Vite bundles it on its own.
import 'monaco-yaml/yaml.worker.js';
