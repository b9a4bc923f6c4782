#!/usr/bin/env node
// Lists every non-test function, method and arrow longer than a limit (120 lines by default) in
// packages/*/src and scripts, so long bodies are split into named steps a reader can follow.
// A function may stay long only when the line directly above it (or the `//` comment block
// directly above it) says `// long-function-ok: <why>` — meant for a hot loop whose splitting
// costs speed. Exits 1 when any offender is left.
//
//   node scripts/long-functions.mjs [--max 120] [--json] [--only <prefix>]... [--skip <prefix>]...
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs|jsx)$/;
const TEST = /(\.|\/)(test|spec|e2e)\.|\/__snapshots__\//;
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'coverage', 'fixtures']);
const EXEMPTION = /^\s*\/\/\s*long-function-ok:\s*\S/;

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    if (SKIPPED_DIRS.has(name) || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (SOURCE.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** The files the rule covers, relative to the repository root with `/` separators. */
export function sourceFiles(root = ROOT) {
  const roots = [join(root, 'scripts')];
  for (const pkg of readdirSync(join(root, 'packages'))) {
    const src = join(root, 'packages', pkg, 'src');
    try {
      if (statSync(src).isDirectory()) roots.push(src);
    } catch {
      // a package without src/ has nothing to check
    }
  }
  return roots
    .flatMap((dir) => walk(dir, []))
    .map((path) => relative(root, path).split(sep).join('/'))
    .filter((path) => !TEST.test(path))
    .sort();
}

function scriptKind(path) {
  if (path.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (path.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (/\.(js|mjs|cjs)$/.test(path)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

function propertyName(name) {
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}

/** A name a reader can search for: the declaration's, else what the function is bound to. */
function functionName(node, file) {
  const own = node.name ? propertyName(node.name) : undefined;
  const parent = node.parent;
  const owner =
    parent && (ts.isClassLike(parent) || ts.isObjectLiteralExpression(parent))
      ? parent.name
        ? propertyName(parent.name)
        : undefined
      : undefined;
  if (ts.isConstructorDeclaration(node)) return `${owner ?? '<class>'}.constructor`;
  if (own) return owner ? `${owner}.${own}` : own;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) {
    const bound = propertyName(parent.name);
    if (bound) return bound;
  }
  if (ts.isPropertyDeclaration(parent)) return propertyName(parent.name) ?? '<property>';
  if (ts.isCallExpression(parent)) {
    const callee = parent.expression.getText(file).replace(/\s+/g, '');
    return `<callback of ${callee.length > 40 ? `${callee.slice(0, 40)}…` : callee}>`;
  }
  return '<anonymous>';
}

/** The first line of the statement that carries the function (where its comment stands). */
function anchorLine(node, file) {
  let anchor = node;
  const line = (n) => file.getLineAndCharacterOfPosition(n.getStart(file)).line;
  while (
    anchor.parent &&
    !ts.isSourceFile(anchor.parent) &&
    !ts.isBlock(anchor.parent) &&
    !ts.isClassLike(anchor.parent) &&
    !ts.isObjectLiteralExpression(anchor.parent) &&
    line(anchor.parent) === line(node)
  ) {
    anchor = anchor.parent;
  }
  return line(anchor);
}

function exempted(lines, startLine) {
  for (let i = startLine - 1; i >= 0; i -= 1) {
    const text = lines[i];
    if (!/^\s*\/\//.test(text)) return false;
    if (EXEMPTION.test(text)) return true;
  }
  return false;
}

/** Every function in one file longer than `max` lines, with whether it carries an exemption. */
export function longFunctionsIn(path, text, max) {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, scriptKind(path));
  const lines = text.split(/\r?\n/);
  const found = [];
  const visit = (node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = file.getLineAndCharacterOfPosition(node.getStart(file)).line;
      const end = file.getLineAndCharacterOfPosition(node.getEnd()).line;
      const length = end - start + 1;
      if (length > max) {
        found.push({
          file: path,
          line: start + 1,
          name: functionName(node, file),
          lines: length,
          exempt: exempted(lines, anchorLine(node, file)),
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

export function findLongFunctions({ root = ROOT, max = 120 } = {}) {
  return sourceFiles(root).flatMap((path) =>
    longFunctionsIn(path, readFileSync(join(root, path), 'utf8'), max),
  );
}

function parseArgs(argv) {
  const options = { max: 120, json: false, only: [], skip: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--json') options.json = true;
    else if (arg === '--max') options.max = Number(argv[(i += 1)]);
    else if (arg === '--only') options.only.push(argv[(i += 1)]);
    else if (arg === '--skip') options.skip.push(argv[(i += 1)]);
    else throw new Error(`unknown argument ${arg}`);
  }
  if (!Number.isInteger(options.max) || options.max < 1) throw new Error('--max wants a count');
  return options;
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const all = findLongFunctions({ max: options.max }).filter(
    (f) =>
      (options.only.length === 0 || options.only.some((p) => f.file.startsWith(p))) &&
      !options.skip.some((p) => f.file.startsWith(p)),
  );
  const offenders = all.filter((f) => !f.exempt);
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ max: options.max, functions: all }, null, 2)}\n`);
  } else {
    for (const f of all) {
      const tag = f.exempt ? ' (long-function-ok)' : '';
      console.log(`${f.file}:${f.line} ${f.name} — ${f.lines} lines${tag}`);
    }
    console.log(
      offenders.length === 0
        ? `no function over ${options.max} lines without a long-function-ok reason`
        : `${offenders.length} function(s) over ${options.max} lines`,
    );
  }
  process.exitCode = offenders.length === 0 ? 0 : 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
