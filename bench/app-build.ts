/**
 * The production build the benchmark serves. Other people rebuild `.next` while they work (`npm test`
 * runs `next build`), so the bench serves a private copy of it that nobody else rewrites mid-run,
 * started the documented way (`node scripts/start.mjs` in the copy). The copy holds the build and
 * the sources `npm start` may load beside it (its server code, the migrations); `node_modules` is a
 * link to the checkout's. It lives outside the checkout, where neither ESLint nor tsc sees it.
 */
import { spawn } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';

export interface AppBuild {
  /** The copy: run `node scripts/start.mjs` in it. */
  appDir: string;
  buildId: string;
  builtAt: Date;
  builtNow: boolean;
  /** Source files changed after the build (the server then runs older code than the checkout). */
  newerSources: string[];
}

const root = process.cwd();
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const buildIdFile = path.join(root, '.next', 'BUILD_ID');

/** A `next build` some other process is running in this checkout, if any. */
function otherBuildRunning(): boolean {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      // `node …/next build`, `npm exec next build` (npm rewrites its title into one string) or `next-build (v16…)`.
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split(/[\0 ]/);
      const isNextBuild =
        args.some((arg) => arg.startsWith('next-build')) ||
        (args.some((arg) => arg === 'next' || arg.endsWith('/next')) && args.includes('build'));
      if (isNextBuild && readlinkSync(`/proc/${entry}/cwd`) === root) return true;
    } catch {
      // gone, or not ours to read
    }
  }
  return false;
}

function readBuild(): { id: string; mtimeMs: number } | null {
  try {
    return { id: readFileSync(buildIdFile, 'utf8').trim(), mtimeMs: statSync(buildIdFile).mtimeMs };
  } catch {
    return null;
  }
}

async function sleep(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits (up to 5 minutes) for a build someone else started to finish. */
async function waitForOtherBuild(log: (message: string) => void): Promise<void> {
  if (!otherBuildRunning()) return;
  log('Another `next build` is running in this checkout: waiting for it to finish.');
  const deadline = Date.now() + 5 * 60_000;
  while (otherBuildRunning() && Date.now() < deadline) await sleep(1000);
}

function runBuild(logFile: string): Promise<void> {
  const log = openSync(logFile, 'w');
  const child = spawn(process.execPath, [nextBin, 'build'], { cwd: root, stdio: ['ignore', log, log], env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  closeSync(log);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) return resolve();
      const tail = readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-8).join('\n');
      reject(new Error(`next build failed (exit ${code}), so there is nothing to measure. The end of ${logFile}:\n${tail}`));
    });
  });
}

/**
 * Top-level entries of the checkout that `npm start` does not need. Everything else (its script,
 * the server it starts, the app's sources and config, the migrations) is copied.
 */
const notForStart = new Set(['node_modules', '.next', 'bench', 'e2e', 'test-results', 'playwright-report', 'coverage']);

/** Copies `.next` (without its cache) and what `npm start` reads beside it into `appDir`. */
function snapshot(appDir: string): void {
  rmSync(appDir, { recursive: true, force: true });
  mkdirSync(appDir, { recursive: true });
  const source = path.join(root, '.next');
  cpSync(source, path.join(appDir, '.next'), {
    recursive: true,
    verbatimSymlinks: true,
    filter: (file) => path.relative(source, file).split(path.sep)[0] !== 'cache',
  });
  // Hidden entries (.git, .data with the embedded database, …) stay behind too.
  for (const entry of readdirSync(root)) {
    if (entry.startsWith('.') || notForStart.has(entry)) continue;
    cpSync(path.join(root, entry), path.join(appDir, entry), { recursive: true, verbatimSymlinks: true, filter: (file) => !/\.test\.tsx?$/.test(file) });
  }
  // The build links its external packages (pg, PGlite, argon2) through ../../node_modules.
  symlinkSync(path.join(root, 'node_modules'), path.join(appDir, 'node_modules'));
}

/** What the server build is made of. */
const sourceEntries = ['app', 'components', 'server', 'next.config.js', 'package.json', 'instrumentation.ts', 'tailwind.config.ts', 'postcss.config.mjs'];

/** Source files (relative paths) modified after `sinceMs`, test files aside. */
function sourcesNewerThan(sinceMs: number): string[] {
  const newer: string[] = [];
  const visit = (relative: string) => {
    const absolute = path.join(root, relative);
    let stat;
    try {
      stat = statSync(absolute);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const entry of readdirSync(absolute)) visit(path.join(relative, entry));
    } else if (stat.mtimeMs > sinceMs && !/\.test\.tsx?$/.test(relative)) {
      newer.push(relative);
    }
  };
  for (const entry of sourceEntries) visit(entry);
  return newer;
}

/**
 * `workDir` receives the build log; the copy goes to a directory of this checkout under the
 * system's temp dir. Builds first when there is no build, or when `rebuild` is set.
 */
export async function prepareAppBuild(workDir: string, log: (message: string) => void, rebuild = false): Promise<AppBuild> {
  await waitForOtherBuild(log);
  let builtNow = false;
  if (rebuild || !existsSync(buildIdFile)) {
    log(rebuild ? 'Rebuilding (BENCH_BUILD=1): running `next build`.' : 'No production build (.next/BUILD_ID): running `next build`.');
    await runBuild(path.join(workDir, 'next-build.log'));
    builtNow = true;
  }
  const checkoutKey = createHash('sha256').update(root).digest('hex').slice(0, 12);
  const appDir = path.join(os.tmpdir(), `rapport-bench-${checkoutKey}`, 'app');
  for (let attempt = 1; ; attempt += 1) {
    const before = readBuild();
    if (!before) throw new Error('.next/BUILD_ID disappeared: someone is rebuilding; run the bench again when they are done.');
    snapshot(appDir);
    const after = readBuild();
    // A build that started while copying makes a mixed copy: take it again.
    if (after && after.id === before.id && after.mtimeMs === before.mtimeMs && !otherBuildRunning()) {
      return { appDir, buildId: before.id, builtAt: new Date(before.mtimeMs), builtNow, newerSources: sourcesNewerThan(before.mtimeMs) };
    }
    if (attempt >= 3) throw new Error('.next kept changing while it was copied; run the bench again when nobody is building.');
    await waitForOtherBuild(log);
  }
}

/** Removes the copy made by `prepareAppBuild`. */
export function removeAppCopy(build: AppBuild): void {
  rmSync(path.dirname(build.appDir), { recursive: true, force: true });
}
