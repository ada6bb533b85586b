import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * An ESLint rule that fails every import through which a file can reach itself again, counting type-only imports
 * (`import type`, `export type … from`, `import('…')` types) as much as value imports. import-x's no-cycle cannot:
 * it skips type-only imports unconditionally. Package imports (`@common-ground/shared`, npm) are not followed: the
 * workspace packages' own rules keep shared from importing server or client.
 */
export const noImportCycles = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid import cycles, type-only imports included.' },
    messages: { cycle: 'Import cycle: {{route}}' },
    schema: [],
  },
  create(context) {
    const filename = path.resolve(context.physicalFilename ?? context.filename);
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      const target = resolveImport(filename, source);
      if (!target) return;
      const route = routeBetween(target, filename);
      if (!route) return;
      const root = context.cwd ?? process.cwd();
      context.report({
        node,
        messageId: 'cycle',
        data: { route: [filename, ...route].map((file) => path.relative(root, file)).join(' → ') },
      });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
      TSImportType: (node) => check(node, node.argument?.literal?.value ?? node.source?.value),
    };
  },
};

const EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx'];
const importsByFile = new Map();

function isFile(file) {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The file a relative import names, or null for packages and anything that does not resolve. */
function resolveImport(from, specifier) {
  if (!specifier.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), specifier);
  const candidates = [
    base,
    ...EXTENSIONS.map((extension) => base + extension),
    ...EXTENSIONS.map((extension) => path.join(base, `index${extension}`)),
  ];
  return candidates.find(isFile) ?? null;
}

/** Every file a file imports, type-only imports included (cached until the file changes). */
function importsOf(file) {
  let modified;
  try {
    modified = fs.statSync(file).mtimeMs;
  } catch {
    return [];
  }
  const cached = importsByFile.get(file);
  if (cached?.modified === modified) return cached.imports;
  const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  const imports = [
    ...new Set(info.importedFiles.map((entry) => resolveImport(file, entry.fileName)).filter(Boolean)),
  ];
  importsByFile.set(file, { modified, imports });
  return imports;
}

/** The shortest chain of imports from `start` to `target` (both included), or null when there is none. */
function routeBetween(start, target) {
  if (start === target) return [start];
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift();
    for (const next of importsOf(file)) {
      if (previous.has(next)) continue;
      previous.set(next, file);
      if (next === target) {
        const route = [];
        for (let at = next; at !== null; at = previous.get(at)) route.unshift(at);
        return route;
      }
      queue.push(next);
    }
  }
  return null;
}
