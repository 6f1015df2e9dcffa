// A small Monarch grammar for device-tree source: nodes (name@unit), labels, &references,
// properties, <cells>, strings, /directives/ and comments.
import type * as Monaco from 'monaco-editor/editor/editor.api';

export const dtsLanguage: Monaco.languages.IMonarchLanguage = {
  defaultToken: '',
  tokenPostfix: '.dts',
  brackets: [
    { open: '{', close: '}', token: 'delimiter.curly' },
    { open: '<', close: '>', token: 'delimiter.angle' },
    { open: '[', close: ']', token: 'delimiter.square' },
  ],
  tokenizer: {
    root: [
      [/\/(dts-v1|plugin|delete-node|delete-property|include|memreserve)\//, 'keyword'],
      [/#(include|define|ifdef|ifndef|endif|else|if)\b/, 'keyword'],
      [/\/\/.*$/, 'comment'],
      [/\/\*/, 'comment', '@comment'],
      [/"/, 'string', '@string'],
      [/[A-Za-z_][\w-]*:(?=\s)/, 'type.identifier'],
      [/&[A-Za-z_][\w-]*/, 'variable'],
      [/[A-Za-z_][\w,.+-]*(@[0-9a-fA-F,]+)?(?=\s*\{)/, 'tag'],
      [/\//, 'tag'],
      [/#?[A-Za-z_][\w,.+#?-]*(?=\s*[=;])/, 'attribute.name'],
      [/</, 'delimiter.angle', '@cells'],
      [/\[/, 'delimiter.square', '@bytes'],
      [/[{};=,]/, 'delimiter'],
      [/\s+/, 'white'],
    ],
    cells: [
      [/>/, 'delimiter.angle', '@pop'],
      [/0[xX][0-9a-fA-F]+/, 'number.hex'],
      [/\d+/, 'number'],
      [/&[A-Za-z_][\w-]*/, 'variable'],
      [/\/\*/, 'comment', '@comment'],
      [/[()+\-*/|&<>~]/, 'operator'],
      [/[A-Za-z_]\w*/, 'identifier'],
      [/\s+/, 'white'],
    ],
    bytes: [
      [/\]/, 'delimiter.square', '@pop'],
      [/[0-9a-fA-F]{2}/, 'number.hex'],
      [/\s+/, 'white'],
    ],
    string: [
      [/[^\\"]+/, 'string'],
      [/\\./, 'string.escape'],
      [/"/, 'string', '@pop'],
    ],
    comment: [
      [/[^/*]+/, 'comment'],
      [/\*\//, 'comment', '@pop'],
      [/[/*]/, 'comment'],
    ],
  },
};

export const dtsLanguageConfiguration: Monaco.languages.LanguageConfiguration = {
  comments: { lineComment: '//', blockComment: ['/*', '*/'] },
  brackets: [
    ['{', '}'],
    ['<', '>'],
    ['[', ']'],
  ],
  autoClosingPairs: [
    { open: '{', close: '}' },
    { open: '<', close: '>' },
    { open: '"', close: '"' },
  ],
};
