import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { KIE_API } from '@gpt-image/core';
import { ALLOWED_DOMAINS, isAllowedUrl } from '../src/manifest/allowed-domains';

const dist = (file: string): string => fileURLToPath(new URL(`../dist/${file}`, import.meta.url));

/** The main bundle's budget: Figma loads it on every run. */
const MAX_MAIN_BYTES = 60 * 1024;

/**
 * The globals main.js may use: the language's own built-ins, and what Figma's main-thread sandbox
 * adds (`figma`, `__html__`, `console`, timers). An allow-list, so a browser or Node global (`URL`,
 * `atob`, `AbortController`, `Buffer`, …) that the sandbox lacks fails the build test the day it
 * appears. `fetch` exists there but is non-standard, and network belongs in the UI iframe (SPEC 5).
 */
const SANDBOX_GLOBALS = new Set([
  'figma', '__html__', 'console', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval',
  'undefined', 'NaN', 'Infinity', 'Object', 'Function', 'Array', 'JSON', 'Math', 'Number', 'String', 'Boolean', 'Symbol', 'BigInt',
  'Error', 'TypeError', 'RangeError', 'SyntaxError', 'Promise', 'Map', 'Set', 'WeakMap', 'WeakSet', 'Date', 'RegExp', 'Reflect', 'Proxy',
  'ArrayBuffer', 'DataView', 'Uint8Array', 'Uint8ClampedArray', 'Uint16Array', 'Uint32Array', 'Int8Array', 'Int16Array', 'Int32Array', 'Float32Array', 'Float64Array',
  'parseInt', 'parseFloat', 'isNaN', 'isFinite', 'encodeURIComponent', 'decodeURIComponent', 'arguments',
]);

/**
 * The globals `code` reads: identifiers used as values that no declaration in the file binds
 * (a minified bundle declares its own names; what it never declares comes from outside).
 */
function globalsUsed(code: string): Set<string> {
  const source = ts.createSourceFile('main.js', code, ts.ScriptTarget.ES2017, true, ts.ScriptKind.JS);
  const used = new Set<string>();
  const declared = new Set<string>();
  const bind = (name: ts.BindingName): void => {
    if (ts.isIdentifier(name)) declared.add(name.text);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) bind(element.name);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) || ts.isParameter(node)) bind(node.name);
    if ((ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isClassDeclaration(node) || ts.isClassExpression(node)) && node.name) declared.add(node.name.text);
    if (ts.isIdentifier(node)) {
      const parent = node.parent;
      const isName =
        ((ts.isPropertyAccessExpression(parent) || ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent) ||
          ts.isGetAccessorDeclaration(parent) || ts.isSetAccessorDeclaration(parent)) && parent.name === node) ||
        (ts.isBindingElement(parent) && parent.propertyName === node) ||
        ((ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) && parent.label === node);
      if (!isName) used.add(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return new Set([...used].filter((name) => !declared.has(name)));
}

/** Syntax after ES2017 that esbuild should have lowered: `??`, `?.`, `**`, private fields. */
function newerSyntax(code: string): string[] {
  const source = ts.createSourceFile('main.js', code, ts.ScriptTarget.ESNext, true, ts.ScriptKind.JS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node)) {
      const op = node.operatorToken.kind;
      if (op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.QuestionQuestionEqualsToken) found.push('??');
      if (op === ts.SyntaxKind.AsteriskAsteriskToken || op === ts.SyntaxKind.AsteriskAsteriskEqualsToken) found.push('**');
    }
    if ((ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) || ts.isCallExpression(node)) && node.questionDotToken) found.push('?.');
    if (ts.isPrivateIdentifier(node)) found.push('#private');
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the build', () => {

  it('writes a manifest Figma accepts, with the providers’ exact hosts and the relaunch buttons', async () => {
    const manifest: unknown = JSON.parse(await readFile(dist('manifest.json'), 'utf8'));
    expect(manifest).toEqual({
      name: 'GPT Image',
      id: 'gpt-image-figma',
      api: '1.0.0',
      main: 'main.js',
      ui: 'ui.html',
      editorType: ['figma'],
      documentAccess: 'dynamic-page',
      networkAccess: {
        allowedDomains: ['https://api.openai.com', 'https://api.kie.ai', 'https://kieai.redpandaai.co', 'https://tempfile.aiquickdraw.com', 'https://file.aiquickdraw.com', 'https://static.aiquickdraw.com'],
        reasoning: expect.stringMatching(/image provider you choose[\s\S]*kie's file storage \(tempfile\.aiquickdraw\.com, file\.aiquickdraw\.com, static\.aiquickdraw\.com\)/),
      },
      relaunchButtons: [
        { command: 'regenerate', name: 'Regenerate' },
        { command: 'edit', name: 'Edit again' },
      ],
    });
  });

  it('lets the UI download kie results from every storage host core knows, and from no other host', async () => {
    const manifest = JSON.parse(await readFile(dist('manifest.json'), 'utf8')) as { networkAccess: { allowedDomains: string[] } };
    const allowed = manifest.networkAccess.allowedDomains;
    expect(allowed).toEqual([...ALLOWED_DOMAINS]);
    expect(KIE_API.resultHosts.length).toBeGreaterThan(0);
    for (const host of KIE_API.resultHosts.map((url) => new URL(url).host)) {
      expect(isAllowedUrl(`https://${host}/workers/abc/result.png?sig=1`, allowed), host).toBe(true);
      expect(isAllowedUrl(`http://${host}/result.png`, allowed), `${host} over http`).toBe(false);
    }
    expect(isAllowedUrl('https://api.kie.ai/api/v1/jobs/createTask', allowed)).toBe(true);
    expect(isAllowedUrl('https://kieai.redpandaai.co/api/file-stream-upload', allowed)).toBe(true);
    // Exact hosts only, on the default port: no other subdomain, nothing that merely ends alike.
    for (const url of ['https://aiquickdraw.com/x.png', 'https://other.aiquickdraw.com/x.png', 'https://evil-aiquickdraw.com/x.png', 'https://tempfile.aiquickdraw.com.evil.io/x.png', 'https://tempfile.aiquickdraw.com:8443/x.png', 'https://example.com/', 'not a url']) {
      expect(isAllowedUrl(url, allowed), url).toBe(false);
    }
  });

  it('writes the real ui.html (test/ui/ui-build.test.ts checks it)', async () => {
    expect(await readFile(dist('ui.html'), 'utf8')).toContain('<div id="root"></div>');
  });

  it(`keeps dist/main.js within ${MAX_MAIN_BYTES / 1024} KB, without zod`, async () => {
    const { size } = await stat(dist('main.js'));
    expect(size).toBeLessThanOrEqual(MAX_MAIN_BYTES);
    const code = await readFile(dist('main.js'), 'utf8');
    expect(code).not.toMatch(/ZodError|\$ZodType|zod/i);
  });

  it('uses no global the sandbox lacks (and no network)', async () => {
    const globals = [...globalsUsed(await readFile(dist('main.js'), 'utf8'))];
    expect(globals.filter((name) => !SANDBOX_GLOBALS.has(name))).toEqual([]);
    expect(globals).toContain('figma');
    // The scan must see such uses, and only them, or the lines above prove nothing.
    const sample = 'var a = 1; function b(c, { d }) { return c + d + a; } fetch(new URL(atob("x"))); x: for (;;) break x; ({ e: 1 }).e; figma.f; let [g] = [AbortController]; const { h: i } = g;';
    expect([...globalsUsed(sample)].sort()).toEqual(['AbortController', 'URL', 'atob', 'fetch', 'figma']);
  });

  it('targets ES2017: no syntax newer than the sandbox runs', async () => {
    expect(newerSyntax(await readFile(dist('main.js'), 'utf8'))).toEqual([]);
    expect(newerSyntax('a ?? b; c?.d; e ** 2; class F { #g = 1 }')).toEqual(['??', '?.', '**', '#private']);
  });
});
