import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AppError } from '../errors.ts';

// Debian's Chromium; a configurable path would belong in env.ts.
const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const TIMEOUT_MS = 20_000;
let queue: Promise<unknown> = Promise.resolve();
let waiting = 0;
const MAX_WAITING = 5;

/**
 * Prints a standalone HTML page to PDF with headless Chromium, one at a time per process (Chromium is heavy), with a
 * timeout; refuses with 503 when Chromium is missing or too many exports are waiting.
 */
export async function renderPdf(html: string): Promise<Buffer> {
  const chromium = CHROMIUM_PATHS.find((candidate) => existsSync(candidate));
  if (!chromium)
    throw new AppError('unavailable', 'PDF export is not available on this server. Try Markdown or HTML.');
  if (waiting >= MAX_WAITING)
    throw new AppError('unavailable', 'Too many PDF exports are running. Try again in a minute.');
  waiting += 1;
  const run = queue.then(() => print(chromium, html));
  queue = run.catch(() => undefined);
  try {
    return await run;
  } finally {
    waiting -= 1;
  }
}

async function print(chromium: string, html: string): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cg-pdf-'));
  try {
    const input = path.join(dir, 'document.html');
    const output = path.join(dir, 'document.pdf');
    await writeFile(input, html, 'utf8');
    await new Promise<void>((resolve, reject) => {
      execFile(
        chromium,
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-extensions',
          `--user-data-dir=${path.join(dir, 'profile')}`,
          '--no-pdf-header-footer',
          `--print-to-pdf=${output}`,
          `file://${input}`,
        ],
        { timeout: TIMEOUT_MS, killSignal: 'SIGKILL' },
        (error) =>
          error
            ? reject(new AppError('unavailable', 'The PDF could not be made in time. Try again.'))
            : resolve(),
      );
    });
    return await readFile(output);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
