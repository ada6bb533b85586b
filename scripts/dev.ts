// Runs the server (restarting on change) and Vite with hot reload side by side: `pnpm dev`.
import { spawn } from 'node:child_process';

const children = [
  spawn('pnpm', ['--filter', '@common-ground/server', 'dev'], {
    stdio: 'inherit',
    env: { ...process.env, PORT: process.env.PORT ?? '3000' },
  }),
  spawn('pnpm', ['--filter', '@common-ground/client', 'dev'], { stdio: 'inherit' }),
];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
for (const child of children) child.once('exit', stop);
