// Installs code-server (a real VS Code 1.100.3 with a Node extension host) into <repo>/.cache/code-server
// so the extension's integration tests can run in a real editor on a machine that can reach only npm
// and Debian's package mirror. Idempotent: does nothing when the pinned version is already there.
//
// code-server is a plain npm package, not a workspace package: it has its own shrinkwrap and its own
// postinstall (which runs `npm install` inside lib/vscode and lib/vscode/extensions), so it is installed
// with `npm install --prefix`, outside pnpm's store and lockfile.
//
// Each workaround below is for one error you would otherwise meet, in the order you would meet them
// (see /work/shared/ENVIRONMENT.md, "A real VS Code here").
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { arch } from 'node:os';
import { join } from 'node:path';
import {
  CHROMIUM,
  CODE_SERVER_DIR,
  CODE_SERVER_PKG,
  CODE_SERVER_VERSION,
  INSTALLED_MARKER,
} from './lib/code-server.mjs';

const started = Date.now();

if (existsSync(INSTALLED_MARKER) && installedVersion() === CODE_SERVER_VERSION) {
  console.log(`code-server ${CODE_SERVER_VERSION}: already installed in ${CODE_SERVER_DIR}`);
  process.exit(0);
}

try {
  await install();
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`code-server ${CODE_SERVER_VERSION}: installed in ${CODE_SERVER_DIR} (${seconds} s)`);
} catch (error) {
  console.error(`code-server ${CODE_SERVER_VERSION}: install failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

async function install() {
  // 1. Debian packages. libkrb5-dev: the `kerberos` native module VS Code depends on compiles against
  //    the Kerberos headers. ripgrep: Debian's rg stands in for the binary @vscode/ripgrep would
  //    download (step 3). chromium: what run-integration.mjs drives the workbench with.
  ensureDebianPackages([
    { pkg: 'libkrb5-dev', present: () => existsSync('/usr/include/gssapi/gssapi.h') || dpkgInstalled('libkrb5-dev') },
    { pkg: 'ripgrep', present: () => existsSync('/usr/bin/rg') },
    { pkg: 'chromium', present: () => existsSync(CHROMIUM) },
  ]);

  // Start clean: a failed earlier attempt may have left a half-populated node_modules.
  rmSync(join(CODE_SERVER_DIR, 'node_modules'), { recursive: true, force: true });
  rmSync(INSTALLED_MARKER, { force: true });
  const tarballs = join(CODE_SERVER_DIR, 'tarballs');
  // Our own TMPDIR: npm, node-gyp and @vscode/ripgrep's postinstall (step 3) all use os.tmpdir().
  const tmp = join(CODE_SERVER_DIR, 'tmp');
  mkdirSync(tarballs, { recursive: true });
  mkdirSync(tmp, { recursive: true });

  const env = {
    // When this runs under pnpm (the package's test script), pnpm's npm_* variables would reach npm
    // and code-server's postinstall, which then reads the user agent "pnpm/…" and refuses to
    // install ("Could not determine which package manager is being used"). npm sets its own.
    ...withoutPackageManagerVariables(process.env),
    TMPDIR: tmp,
    // 2. code-server's postinstall.sh refuses to run as root (CI runs as root) unless this is set;
    //    it checks the environment variable itself, so it must be in the environment, not an npmrc.
    npm_config_unsafe_perm: 'true',
    // 4. node-pty's postinstall runs `npx node-gyp`; this machine's npmrc answers "no" to npx's
    //    "install node-gyp?" prompt, which fails the install. The environment outranks the npmrc.
    npm_config_yes: 'true',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_update_notifier: 'false',
    npm_config_loglevel: 'error',
    // node-gyp downloads Node's headers from nodejs.org unless told where they are; nodejs.org is out
    // of reach here. Debian-style Node installs ship them in /usr/include/node (this machine's npmrc
    // already says nodedir=/usr; this keeps CI working if its npmrc does not).
    ...(existsSync('/usr/include/node/node_version.h')
      ? { npm_config_nodedir: '/usr' }
      : {}),
  };

  // Fetch the code-server tarball first (it is installed from this file below, so it is downloaded
  // once) to learn which @vscode/ripgrep version its shrinkwrap pins.
  const tarball = join(tarballs, `code-server-${CODE_SERVER_VERSION}.tgz`);
  if (!existsSync(tarball)) {
    execFileSync('npm', ['pack', `code-server@${CODE_SERVER_VERSION}`, '--pack-destination', tarballs, '--silent'], {
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const shrinkwrap = JSON.parse(
    execFileSync('tar', ['-xzOf', tarball, 'package/lib/vscode/npm-shrinkwrap.json'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    }),
  );
  const ripgrepVersion = shrinkwrap.packages?.['node_modules/@vscode/ripgrep']?.version;
  if (typeof ripgrepVersion !== 'string') {
    throw new Error("couldn't find @vscode/ripgrep in code-server's lib/vscode/npm-shrinkwrap.json");
  }

  // 3. @vscode/ripgrep's postinstall downloads rg from GitHub (api.github.com, unreachable here) and
  //    fails the whole install. Before downloading it looks for the asset in
  //    `${os.tmpdir()}/vscode-ripgrep-cache-${its package version}/ripgrep-${VERSION}-${target}.tar.gz`
  //    (lib/download.js) and untars it into its bin/, expecting a file named `rg`. We put a tarball
  //    holding Debian's /usr/bin/rg there. VERSION (the ripgrep-prebuilt release tag, "v13.0.0-10" in
  //    @vscode/ripgrep 1.15.11) is read from that package's lib/postinstall.js rather than hard-coded.
  placeRipgrepAsset(ripgrepVersion, tarballs, tmp, env);

  // The install itself (~70 s): code-server's postinstall runs `npm install --omit=dev` in lib/vscode
  // and lib/vscode/extensions, compiling node-pty, kerberos, spdlog, etc. `--no-save` and
  // `--no-package-lock`: the cache folder is not a project, nothing to record.
  const log = join(CODE_SERVER_DIR, 'install.log');
  const code = await run(
    'npm',
    ['install', '--prefix', CODE_SERVER_DIR, '--no-save', '--no-package-lock', '--omit=dev', tarball],
    env,
    log,
  );
  if (code !== 0) {
    const tail = readFileSync(log, 'utf8').split('\n').slice(-40).join('\n');
    throw new Error(`npm install exited with ${code}; last lines of ${log}:\n${tail}`);
  }
  // The postinstall links node_modules.asar -> node_modules; without it the ripgrep path VS Code's
  // search uses does not exist. Check that and the rg binary so a silent postinstall failure shows here.
  const rg = join(CODE_SERVER_PKG, 'lib', 'vscode', 'node_modules.asar', '@vscode', 'ripgrep', 'bin', 'rg');
  if (!existsSync(rg)) throw new Error(`postinstall did not finish: ${rg} is missing (see ${log})`);
  if (installedVersion() !== CODE_SERVER_VERSION) throw new Error(`unexpected version in ${CODE_SERVER_PKG}`);
  writeFileSync(INSTALLED_MARKER, `${new Date().toISOString()}\n`);
  // npm keeps its own cache of the tarballs; ours and the temp folder are not needed any more.
  rmSync(tarballs, { recursive: true, force: true });
  rmSync(tmp, { recursive: true, force: true });
}

/** @param {string} ripgrepVersion @param {string} tarballs @param {string} tmp @param {NodeJS.ProcessEnv} env */
function placeRipgrepAsset(ripgrepVersion, tarballs, tmp, env) {
  const rgTarball = join(tarballs, `vscode-ripgrep-${ripgrepVersion}.tgz`);
  if (!existsSync(rgTarball)) {
    execFileSync('npm', ['pack', `@vscode/ripgrep@${ripgrepVersion}`, '--pack-destination', tarballs, '--silent'], {
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const postinstall = execFileSync('tar', ['-xzOf', rgTarball, 'package/lib/postinstall.js'], { encoding: 'utf8' });
  const tag = /const VERSION = '([^']+)'/.exec(postinstall)?.[1];
  if (tag === undefined) throw new Error(`couldn't find VERSION in @vscode/ripgrep@${ripgrepVersion} lib/postinstall.js`);
  // Same mapping as its getTarget() for the architectures these machines have.
  const targets = /** @type {Record<string, string>} */ ({
    x64: 'x86_64-unknown-linux-musl',
    arm64: 'aarch64-unknown-linux-musl',
  });
  const target = targets[arch()];
  if (target === undefined) throw new Error(`no ripgrep target known for ${arch()}`);

  const cacheDir = join(tmp, `vscode-ripgrep-cache-${ripgrepVersion}`);
  const asset = join(cacheDir, `ripgrep-${tag}-${target}.tar.gz`);
  mkdirSync(cacheDir, { recursive: true });
  const staging = join(tmp, 'rg-staging');
  mkdirSync(staging, { recursive: true });
  copyFileSync('/usr/bin/rg', join(staging, 'rg'));
  execFileSync('tar', ['-czf', asset, '-C', staging, 'rg']);
  rmSync(staging, { recursive: true, force: true });
}

/** @param {Array<{ pkg: string, present: () => boolean }>} wanted */
function ensureDebianPackages(wanted) {
  const missing = wanted.filter((w) => !w.present()).map((w) => w.pkg);
  if (missing.length === 0) return;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot && !commandExists('sudo')) {
    throw new Error(`missing Debian packages: ${missing.join(' ')} — run: apt-get install -y ${missing.join(' ')}`);
  }
  const [apt, ...aptPrefix] = isRoot ? ['apt-get'] : ['sudo', 'apt-get'];
  console.log(`code-server ${CODE_SERVER_VERSION}: installing Debian packages ${missing.join(', ')}`);
  // Output is kept for the error message only (apt's debconf chatter is noise on success).
  /** @param {string[]} args */
  const aptGet = (args) => {
    try {
      execFileSync(apt, [...aptPrefix, ...args], {
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
        stdio: ['ignore', 'pipe', 'pipe'],
        encoding: 'utf8',
      });
    } catch (error) {
      const out = /** @type {{ stdout?: string, stderr?: string }} */ (error);
      throw new Error(`apt-get ${args.join(' ')} failed:\n${out.stdout ?? ''}${out.stderr ?? ''}`);
    }
  };
  // `apt-get update` first: a fresh CI image has empty package lists.
  aptGet(['update', '-qq']);
  aptGet(['install', '-y', '-qq', '--no-install-recommends', ...missing]);
}

/** @param {string} pkg */
function dpkgInstalled(pkg) {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Status}', pkg], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).includes('install ok installed');
  } catch {
    return false;
  }
}

/** @param {string} cmd */
function commandExists(cmd) {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function installedVersion() {
  try {
    return JSON.parse(readFileSync(join(CODE_SERVER_PKG, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

/**
 * Runs a command with its output going to a log file (the install is chatty: compiler output,
 * deprecation warnings); the log is shown only when it fails.
 * @param {string} cmd @param {string[]} args @param {NodeJS.ProcessEnv} env @param {string} logFile
 * @returns {Promise<number>}
 */
async function run(cmd, args, env, logFile) {
  const fd = openSync(logFile, 'w');
  try {
    return await new Promise((resolveRun, reject) => {
      const child = spawn(cmd, args, { env, stdio: ['ignore', fd, fd] });
      child.on('error', reject);
      child.on('exit', (code, signal) => resolveRun(code ?? (signal ? 1 : 0)));
    });
  } finally {
    closeSync(fd);
  }
}

/** The environment without the npm_* variables a parent package manager exports to its scripts. */
function withoutPackageManagerVariables(/** @type {NodeJS.ProcessEnv} */ source) {
  return Object.fromEntries(Object.entries(source).filter(([name]) => !/^npm_/i.test(name)));
}
