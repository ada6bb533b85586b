import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AppError } from '../errors.ts';

// Debian's Chromium; a configurable path would belong in env.ts.
const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const TIMEOUT_MS = 20_000;
/**
 * Chromium refuses its sandbox when run as root, so a server running as root prints as `nobody` instead: the sandbox
 * (user namespaces, seccomp) then holds, and the document's content never runs with the server's rights.
 */
const UNPRIVILEGED_ID = 65534;

/** Whether this machine has Chromium to print with. */
export function chromiumPath(): string | null {
  return CHROMIUM_PATHS.find((candidate) => existsSync(candidate)) ?? null;
}

/**
 * Prints a standalone HTML page to PDF with headless Chromium inside its own sandbox (never `--no-sandbox`), with a
 * timeout and no network; refuses with 503 when Chromium is missing, cannot start its sandbox, or takes too long.
 */
export async function renderPdf(html: string): Promise<Buffer> {
  const chromium = chromiumPath();
  if (!chromium)
    throw new AppError('unavailable', 'PDF export is not available on this server. Try Markdown or HTML.');
  const asRoot = process.getuid?.() === 0;
  const dir = await mkdtemp(path.join(tmpdir(), 'cg-pdf-'));
  try {
    if (asRoot) await chown(dir, UNPRIVILEGED_ID, UNPRIVILEGED_ID);
    const input = path.join(dir, 'document.html');
    const output = path.join(dir, 'document.pdf');
    await writeFile(input, html, { encoding: 'utf8', mode: 0o644 });
    await new Promise<void>((resolve, reject) => {
      execFile(
        chromium,
        [
          '--headless',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-extensions',
          // The page is self-contained; nothing it names may be fetched.
          '--proxy-server=127.0.0.1:9',
          '--proxy-bypass-list=<-loopback>',
          `--user-data-dir=${path.join(dir, 'profile')}`,
          '--no-pdf-header-footer',
          `--print-to-pdf=${output}`,
          `file://${input}`,
        ],
        {
          timeout: TIMEOUT_MS,
          killSignal: 'SIGKILL',
          env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir },
          ...(asRoot ? { uid: UNPRIVILEGED_ID, gid: UNPRIVILEGED_ID } : {}),
        },
        (error) =>
          error
            ? reject(
                new AppError('unavailable', 'The PDF could not be made. Try again, or use Markdown or HTML.'),
              )
            : resolve(),
      );
    });
    return await readFile(output);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
