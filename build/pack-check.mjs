// Packs the app with electron-builder `--linux --dir` against a stub Electron (no real binary exists here),
// then checks what ended up in app.asar and that the security fuses were flipped as configured.
//   node build/pack-check.mjs                  checks this repository (run `npm run build` first)
//   node build/pack-check.mjs --project DIR    checks another project folder (used by the unit test)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const projectFlag = process.argv.indexOf('--project');
const project = projectFlag === -1 ? repo : resolve(process.argv[projectFlag + 1] ?? '');
const builderConfig = join(repo, 'build', 'electron-builder.yml');
const electronVersion = JSON.parse(readFileSync(join(repo, 'node_modules', 'electron', 'package.json'), 'utf8')).version;

// @electron/fuses: a sentinel, the wire version (1), the wire length, then one byte per fuse: '0' off, '1' on.
const FUSE_SENTINEL = Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX');
const FUSE_OFF = 0x30;
const FUSE_ON = 0x31;
/** Wire positions in FuseV1Options order, with the state electron-builder.yml asks for. */
const EXPECTED_FUSES = [
  ['runAsNode', FUSE_OFF],
  ['enableCookieEncryption', FUSE_ON],
  ['enableNodeOptionsEnvironmentVariable', FUSE_OFF],
  ['enableNodeCliInspectArguments', FUSE_OFF],
  ['enableEmbeddedAsarIntegrityValidation', FUSE_ON],
  ['onlyLoadAppFromAsar', FUSE_ON],
  ['loadBrowserProcessSpecificV8Snapshot', null],
  ['grantFileProtocolExtraPrivileges', FUSE_OFF],
];
const REQUIRED_FILES = ['package.json', 'dist/renderer/index.html', 'dist-electron/main.cjs', 'dist-electron/preload.cjs'];
const ALLOWED_FILE = /^(package\.json|dist\/renderer\/.+|dist-electron\/(main|preload)\.cjs)$/;
/** The whole app.asar (renderer, fonts for seven languages, shell); a jump means something was pulled in by mistake. */
const ASAR_BUDGET_BYTES = 40 * 1024 * 1024;

function fail(problems) {
  console.error(`pack-check: FAILED\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  process.exit(1);
}

/** A stub "Electron distribution": an executable carrying a fuse wire set to the opposite of what we want. */
function createStubElectron(dir) {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  const wire = EXPECTED_FUSES.map(([, state]) => (state === FUSE_ON ? FUSE_OFF : FUSE_ON));
  const binary = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stub electron for pack-check"\nexit 1\n'),
    FUSE_SENTINEL,
    Buffer.from([1, wire.length, ...wire]),
  ]);
  writeFileSync(join(dir, 'electron'), binary);
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'version'), electronVersion);
  writeFileSync(join(dir, 'LICENSE'), 'stub');
}

/** Lists every file path in an asar archive (header: two pickles, then JSON), and reads one file. */
function openAsar(path) {
  const archive = readFileSync(path);
  const headerPickleSize = archive.readUInt32LE(4);
  const jsonLength = archive.readUInt32LE(12);
  const header = JSON.parse(archive.subarray(16, 16 + jsonLength).toString('utf8'));
  const dataStart = 8 + headerPickleSize;
  const files = new Map();
  const walk = (node, prefix) => {
    for (const [name, entry] of Object.entries(node.files ?? {})) {
      const entryPath = prefix ? `${prefix}/${name}` : name;
      if (entry.files) walk(entry, entryPath);
      else files.set(entryPath, entry);
    }
  };
  walk(header, '');
  const read = (name) => {
    const entry = files.get(name);
    const start = dataStart + Number(entry.offset);
    return archive.subarray(start, start + entry.size);
  };
  return { files, read };
}

function readFuseWire(binaryPath) {
  const binary = readFileSync(binaryPath);
  const at = binary.indexOf(FUSE_SENTINEL);
  if (at === -1) return null;
  const start = at + FUSE_SENTINEL.length;
  return [...binary.subarray(start + 2, start + 2 + binary[start + 1])];
}

const missingBuild = REQUIRED_FILES.filter((file) => !existsSync(join(project, file)));
if (missingBuild.length > 0) fail(missingBuild.map((file) => `${file} is missing: run "npm run build" first`));

const work = mkdtempSync(join(tmpdir(), 'citykpi-pack-'));
try {
  const stub = join(work, 'electron-dist');
  createStubElectron(stub);
  const output = join(work, 'release');
  const env = { ...process.env };
  const sevenZip = spawnSync('sh', ['-c', 'command -v 7zz'], { encoding: 'utf8' }).stdout.trim();
  if (sevenZip) env.ELECTRON_BUILDER_7ZIP_PATH = sevenZip;

  const builder = join(repo, 'node_modules', 'electron-builder', 'cli.js');
  const packed = spawnSync(
    process.execPath,
    [
      builder, '--linux', '--dir',
      '--projectDir', project,
      '--config', builderConfig,
      `-c.electronDist=${stub}`,
      `-c.electronVersion=${electronVersion}`,
      `-c.directories.output=${output}`,
    ],
    { cwd: project, env, encoding: 'utf8' },
  );
  if (packed.status !== 0) fail([`electron-builder exited with ${packed.status}`, packed.stdout, packed.stderr]);

  const unpacked = join(output, 'linux-unpacked');
  const { files, read } = openAsar(join(unpacked, 'resources', 'app.asar'));
  const problems = [];
  for (const file of files.keys()) if (!ALLOWED_FILE.test(file)) problems.push(`unexpected file in app.asar: ${file}`);
  for (const file of REQUIRED_FILES) if (!files.has(file)) problems.push(`missing from app.asar: ${file}`);
  for (const file of files.keys()) if (file.endsWith('.map')) problems.push(`source map in app.asar: ${file}`);
  const asarBytes = statSync(join(unpacked, 'resources', 'app.asar')).size;
  if (asarBytes > ASAR_BUDGET_BYTES) problems.push(`app.asar is ${asarBytes} bytes, over the ${ASAR_BUDGET_BYTES}-byte budget`);
  const manifest = files.has('package.json') ? JSON.parse(read('package.json').toString('utf8')) : {};
  if (manifest.main !== 'dist-electron/main.cjs') problems.push(`package.json main is ${manifest.main}, expected dist-electron/main.cjs`);
  if (Object.keys(manifest.dependencies ?? {}).length > 0) problems.push(`packed package.json has dependencies: ${Object.keys(manifest.dependencies).join(', ')}`);
  if (manifest.devDependencies) problems.push('packed package.json still lists devDependencies');
  const unpackedExtras = readdirSync(join(unpacked, 'resources')).filter((name) => name !== 'app.asar');
  if (unpackedExtras.length > 0) problems.push(`files outside app.asar in resources/: ${unpackedExtras.join(', ')}`);

  const binaryName = readdirSync(unpacked).find((name) => name === 'citykpi');
  const wire = binaryName ? readFuseWire(join(unpacked, binaryName)) : null;
  if (wire === null) problems.push('packed executable "citykpi" with a fuse wire not found');
  else {
    EXPECTED_FUSES.forEach(([name, state], index) => {
      if (state !== null && wire[index] !== state) problems.push(`fuse ${name} is ${String.fromCharCode(wire[index])}, expected ${String.fromCharCode(state)}`);
    });
  }

  if (problems.length > 0) fail(problems);
  console.log(`pack-check: ok (${files.size} files, ${(asarBytes / 1024 / 1024).toFixed(1)} MB in app.asar, all under package.json, dist/renderer, dist-electron, no source maps, no dependencies; fuses as configured)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
