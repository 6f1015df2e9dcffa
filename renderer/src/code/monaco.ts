// Monaco, bundled by Vite (no CDN): only the editor core, the C grammar and our DTS grammar; the
// editor worker comes from Vite's ?worker import so it loads from our own bundle.
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/languages/definitions/cpp/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { dtsLanguage, dtsLanguageConfiguration } from './dts-language.js';

self.MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

monaco.languages.register({
  id: 'dts',
  extensions: ['.dts', '.dtsi'],
  aliases: ['Device Tree', 'dts'],
});
monaco.languages.setMonarchTokensProvider('dts', dtsLanguage);
monaco.languages.setLanguageConfiguration('dts', dtsLanguageConfiguration);

export { monaco };
