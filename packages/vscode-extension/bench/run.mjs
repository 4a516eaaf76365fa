// `pnpm bench` for the extension: bundle sizes, and the time to load and activate the bundle.
//
// Activation is measured in Node with a stub `vscode` module, not in the real extension host:
// every API the extension touches while activating answers with a no-op disposable, so the
// figure is the extension's own work (module evaluation + registrations), without the editor's.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
execFileSync(process.execPath, ['build.mjs'], { cwd: root, stdio: 'inherit' });

const kb = (file) => (statSync(join(root, 'dist', file)).size / 1024).toFixed(1);
const lines = [`extension host bundle dist/extension.js: ${kb('extension.js')} KB minified (goal ≤ 400 KB)`];
for (const [file, what] of [
  ['host.js', 'the commands, services and view provider, loaded on first use'],
  ['openai.js', 'the openai SDK, loaded on the first OpenAI request'],
  ['webview.js', 'the view (goal ≤ 150 KB)'],
  ['webview.css', 'the view styles'],
]) {
  try {
    lines.push(`  dist/${file}: ${kb(file)} KB (${what})`);
  } catch {
    // Not every build has every part.
  }
}

/** A stand-in for any VS Code API: callable, with every property another stand-in; never a thenable. */
function stub(name) {
  const target = function () {};
  return new Proxy(target, {
    get(_, key) {
      if (key === 'then') return undefined;
      if (key === Symbol.toPrimitive) return () => name;
      if (key === 'dispose') return () => undefined;
      return stub(`${name}.${String(key)}`);
    },
    apply: () => stub(`${name}()`),
    construct: () => stub(`new ${name}`),
    // The bundle wraps `require('vscode')` in an object whose prototype is the module: lookups of
    // names it has not copied (all of them, for a stub) must still reach a stand-in.
    getPrototypeOf: () => stub(`${name}.prototype`),
    // Assignments (item.text = …, item.name = …) are accepted and forgotten.
    set: () => true,
  });
}

const require = createRequire(import.meta.url);
const Module = require('node:module');
const originalLoad = Module._load;
Module._load = function (request, parent, isMain) {
  return request === 'vscode' ? stub('vscode') : originalLoad.call(this, request, parent, isMain);
};

const bundle = join(root, 'dist', 'extension.js');
const context = { subscriptions: [], workspaceState: stub('workspaceState'), globalState: stub('globalState'), secrets: stub('secrets'), extensionUri: stub('uri'), extensionPath: root, logUri: stub('logUri') };
const loads = [];
const activations = [];
for (let i = 0; i < 25; i++) {
  delete require.cache[bundle];
  const t0 = performance.now();
  const extension = require(bundle);
  const t1 = performance.now();
  extension.activate({ ...context, subscriptions: [] });
  const t2 = performance.now();
  loads.push(t1 - t0);
  activations.push(t2 - t1);
}
Module._load = originalLoad;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const first = loads[0] + activations[0];
lines.push(
  `load + activate (stub vscode, 25 runs): first ${first.toFixed(1)} ms; median load ${median(loads).toFixed(1)} ms + activate ${median(activations).toFixed(1)} ms = ${(median(loads) + median(activations)).toFixed(1)} ms (goal ≤ 10 ms)`,
);
console.log(`\n# vscode extension\n${lines.join('\n')}`);
