import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './redisServer.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** Debian's nginx, running `deploy/nginx.conf` with its upstreams pointed at the given instances. */
export interface NginxServer {
  origin: string;
  stop(): Promise<void>;
}

function nginxBinary(): string {
  for (const candidate of ['/usr/sbin/nginx', '/usr/bin/nginx']) if (existsSync(candidate)) return candidate;
  throw new Error('nginx is not installed: `./run test` installs it (or `apt-get install nginx`)');
}

/** Renders the operator's config for these ports, exactly as shipped apart from addresses and scratch paths. */
export function renderNginxConfig(upstreamPorts: number[], listenPort: number, scratch: string): string {
  const shipped = readFileSync(path.join(repoRoot, 'deploy', 'nginx.conf'), 'utf8');
  const servers = shipped.match(/^\s*server 127\.0\.0\.1:\d+ (.*);$/m);
  if (!servers)
    throw new Error('deploy/nginx.conf has no upstream server line to point at the test instances');
  const options = servers[1];
  const upstreams = upstreamPorts.map((port) => `    server 127.0.0.1:${port} ${options};`).join('\n');
  const site = shipped
    .replace(/(^\s*server 127\.0\.0\.1:\d+ .*;\n)+/m, `${upstreams}\n`)
    .replace(/^\s*listen 80;$/m, `    listen 127.0.0.1:${listenPort};`);
  return [
    'daemon off;',
    'worker_processes 1;',
    `pid ${scratch}/nginx.pid;`,
    `error_log ${scratch}/error.log warn;`,
    'events { worker_connections 4096; }',
    'http {',
    '  access_log off;',
    `  client_body_temp_path ${scratch}/body;`,
    `  proxy_temp_path ${scratch}/proxy;`,
    `  fastcgi_temp_path ${scratch}/fastcgi;`,
    `  uwsgi_temp_path ${scratch}/uwsgi;`,
    `  scgi_temp_path ${scratch}/scgi;`,
    site,
    '}',
  ].join('\n');
}

/** Starts nginx on a free loopback port in front of the instances on `upstreamPorts`. */
export async function startNginx(upstreamPorts: number[]): Promise<NginxServer> {
  const binary = nginxBinary();
  const port = await freePort();
  const scratch = mkdtempSync(path.join(tmpdir(), 'cg-nginx-'));
  const config = path.join(scratch, 'nginx.conf');
  writeFileSync(config, renderNginxConfig(upstreamPorts, port, scratch));
  const child = spawn(binary, ['-c', config, '-p', scratch, '-e', `${scratch}/error.log`], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited:\n${output}`);
    const up = await fetch(`${origin}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) throw new Error(`nginx did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    origin,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}
