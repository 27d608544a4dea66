// monaco-yaml's language worker, imported by bare name so Vite's dev server pre-bundles it (its
// CommonJS dependencies, such as path-browserify, would otherwise reach the worker untransformed).
import 'monaco-yaml/yaml.worker.js';
