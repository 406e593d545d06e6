// A local lint rule: files under src/core may import only other files under src/core.
// Written by hand because the import plugins need a resolver setup for a 20-line check.
import path from 'node:path';

const coreRoot = path.resolve('src/core');

export const corePurity = {
  rules: {
    'imports-stay-in-core': {
      meta: { type: 'problem', messages: { outside: "core/ is pure: '{{source}}' is outside src/core." } },
      create(context) {
        const check = (node) => {
          const source = node.source?.value;
          if (typeof source !== 'string') return;
          const resolved = source.startsWith('.') ? path.resolve(path.dirname(context.filename), source) : null;
          if (resolved === null || !(resolved === coreRoot || resolved.startsWith(coreRoot + path.sep))) {
            context.report({ node, messageId: 'outside', data: { source } });
          }
        };
        return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
      },
    },
  },
};
