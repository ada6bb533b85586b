import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

let setprivPath: string | null | undefined;

function setpriv(): string | null {
  if (setprivPath !== undefined) return setprivPath;
  setprivPath = null;
  if (process.platform !== 'linux') return setprivPath;
  const found = spawnSync('sh', ['-c', 'command -v setpriv'], { encoding: 'utf8' });
  const candidate = found.status === 0 ? found.stdout.trim() : '';
  // Older util-linux builds lack --pdeathsig; try it once rather than trusting the version.
  if (candidate && spawnSync(candidate, ['--pdeathsig', 'TERM', '--', 'true']).status === 0)
    setprivPath = candidate;
  return setprivPath;
}

/**
 * Spawns a helper process that the kernel stops when this process dies, however it dies (kill -9 included). On Linux
 * util-linux's `setpriv --pdeathsig TERM` sets the parent-death signal and then execs the binary, so the child keeps its
 * pid and no extra process stays around. Elsewhere the child is spawned plainly and the pidfile left by
 * `claimDataDir` lets the next start clean up after a crash.
 */
export function spawnTiedChild(binary: string, args: string[]): ChildProcess {
  const wrapper = setpriv();
  return wrapper
    ? spawn(wrapper, ['--pdeathsig', 'TERM', '--', binary, ...args], { stdio: ['ignore', 'ignore', 'pipe'] })
    : spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
}
