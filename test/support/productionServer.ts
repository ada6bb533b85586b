import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** The environment a `./run` command gets in tests: this Node 24 first on PATH, the tools cache passed through. */
function runEnv(env: Record<string, string>): Record<string, string> {
  return {
    PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`,
    HOME: process.env.HOME ?? '',
    ...(process.env.COMMON_GROUND_TOOLS ? { COMMON_GROUND_TOOLS: process.env.COMMON_GROUND_TOOLS } : {}),
    ...env,
  };
}

/** Builds for production unless the build is already up to date (`pnpm test` has just built it). */
export function buildIfStale(): void {
  const built = spawnSync('bash', [path.join(repoRoot, 'scripts', 'build.sh'), '--if-stale'], {
    cwd: repoRoot,
    env: runEnv({}),
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`the production build failed:\n${built.stdout}\n${built.stderr}`);
}

/** Runs a `./run` command (the README's way in) to completion, with its output. */
export function runCommand(
  args: string[],
  env: Record<string, string>,
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('bash', [path.join(repoRoot, 'run'), ...args], {
    cwd: repoRoot,
    env: runEnv(env),
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A server started by `./run start`: the shell execs Node, so `child.pid` is the server itself. */
export interface ProductionServer {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  listening: (timeoutMs?: number) => Promise<number>;
}

/** Starts the production build the way the README does, `./run start`, with the given environment. */
export function startProductionServer(env: Record<string, string>): ProductionServer {
  const child = spawn('bash', [path.join(repoRoot, 'run'), 'start'], {
    cwd: repoRoot,
    env: runEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const listening = (timeoutMs = 60_000) =>
    new Promise<number>((resolve, reject) => {
      const started = Date.now();
      const timer = setInterval(() => {
        const match = /listening on http:\/\/localhost:(\d+)/.exec(output);
        if (match) {
          clearInterval(timer);
          resolve(Number(match[1]));
        } else if (child.exitCode !== null || Date.now() - started > timeoutMs) {
          clearInterval(timer);
          reject(new Error(`server did not start:\n${output}`));
        }
      }, 50);
    });
  return { child, output: () => output, exited, listening };
}

/** A process's command line, or null when it no longer exists (Linux /proc). */
export function commandLineOf(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
  } catch {
    return null;
  }
}

/** Pids of the direct children of a process (Linux /proc). */
export function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the parenthesised command name: state, then the parent's pid.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return children;
}

/** Pids of live (not zombie) processes whose command line mentions `text`, e.g. a local database's data folder. */
export function processesMentioning(text: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (!commandLineOf(Number(entry))?.includes(text)) continue;
      if (readFileSync(`/proc/${entry}/stat`, 'utf8').includes(') Z ')) continue;
      found.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

/** Resident memory of a process in MB (VmRSS from /proc). */
export function residentMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
  return kilobytes / 1024;
}

/** Whether this machine can run the process checks above. */
export const hasProcFs = existsSync('/proc/self/status');
