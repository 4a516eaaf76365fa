// Packages the built extension (dist/extension.js, from `node build.mjs`) into a .vsix with @vscode/vsce.
//
// vsce is not run on this folder directly: it validates package.json's `devDependencies['@types/vscode']`
// as semver against `engines.vscode`, and pnpm's `catalog:` specifier fails that ("Failed to parse
// semver of @types/vscode"). `workspace:*`/`catalog:` specifiers would also end up in the shipped
// manifest. So the few files the .vsix holds are staged in out/vsix/ with a manifest that keeps only
// what the editor reads, and vsce packages that. `--no-dependencies`: the bundle already contains
// @gpt-image/core and everything else it imports; the extension needs no node_modules.
//
// Usage: node scripts/package-vsix.mjs [output.vsix]   (default dist/gpt-image.vsix)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXT_ROOT } from './lib/code-server.mjs';

/** Files and folders of the package that go into the .vsix (when present). */
const SHIPPED = ['dist/extension.js', 'dist/host.js', 'dist/openai.js', 'dist/webview.js', 'dist/webview.css', 'README.md', 'LICENSE', 'CHANGELOG.md', 'media', '.vscodeignore'];
/** Manifest fields the editor and the marketplace do not need (and that vsce would trip over). */
const DROPPED_FIELDS = ['scripts', 'dependencies', 'devDependencies', 'private'];

/**
 * @param {string} [output] absolute or package-relative path of the .vsix to write
 * @returns {string} the absolute path of the .vsix
 */
export function packageVsix(output = 'dist/gpt-image.vsix') {
  const vsixPath = resolve(EXT_ROOT, output);
  if (!existsSync(join(EXT_ROOT, 'dist', 'extension.js'))) {
    throw new Error('dist/extension.js is missing: run `node build.mjs` first');
  }
  const stage = join(EXT_ROOT, 'out', 'vsix');
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  for (const entry of SHIPPED) {
    const from = join(EXT_ROOT, entry);
    if (existsSync(from)) cpSync(from, join(stage, entry), { recursive: true });
  }
  const manifest = JSON.parse(readFileSync(join(EXT_ROOT, 'package.json'), 'utf8'));
  for (const field of DROPPED_FIELDS) delete manifest[field];
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  mkdirSync(dirname(vsixPath), { recursive: true });
  // vsce's own bin, resolved from this package's node_modules, run with this Node.
  const vsce = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');
  const result = spawnSync(
    process.execPath,
    [
      vsce,
      'package',
      '--no-dependencies',
      // The project has no public repository URL to point at yet; without this flag vsce stops to ask.
      '--allow-missing-repository',
      '--out',
      vsixPath,
    ],
    { cwd: stage, encoding: 'utf8' },
  );
  if (result.status !== 0) {
    throw new Error(`vsce package failed:\n${result.stdout}${result.stderr}`);
  }
  return vsixPath;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const vsix = packageVsix(process.argv[2]);
    console.log(`packaged ${vsix}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
