import { createHash } from 'node:crypto';
import { PDF_EXPORT_LIMITS, RATE_LIMITS } from '@common-ground/shared';
import { AppError } from '../errors.ts';
import { claimSlidingSlot } from '../rateLimits/claimSlidingSlot.ts';
import { renderPdf } from './renderPdf.ts';

/** Who asked for a PDF: their identity (person or visitor) and their address, each holding a fair share. */
export interface PdfRequester {
  callerKey: string;
  address: string;
}

/**
 * Makes PDFs so that nobody can monopolise Chromium: a finished PDF is reused while the page it was printed from is
 * unchanged (keyed on a hash of the HTML, which is the document's content and title), identical requests in flight
 * share one print, each person and address may have only `maxQueuedPerCaller` prints waiting or running and a sliding
 * number per window across instances, and the queue runs one print at a time.
 */
export class PdfExporter {
  private readonly cache = new Map<string, Buffer>();
  private cachedBytes = 0;
  private readonly inFlight = new Map<string, Promise<Buffer>>();
  private readonly queuedBy = new Map<string, number>();
  private queued = 0;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: { rateLimits: boolean }) {}

  /** The PDF of `html`, from the cache, from a print already under way, or printed now if the requester may. */
  async export(html: string, requester: PdfRequester): Promise<Buffer> {
    const key = createHash('sha256').update(html).digest('hex');
    const cached = this.cache.get(key);
    if (cached) {
      // Map order is recency order: touching an entry moves it to the end.
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const running = this.inFlight.get(key);
    if (running) return running;

    const shares = [`caller:${requester.callerKey}`, `address:${requester.address}`];
    const callerBusy = (this.queuedBy.get(shares[0]!) ?? 0) >= PDF_EXPORT_LIMITS.maxQueuedPerCaller;
    const addressBusy = (this.queuedBy.get(shares[1]!) ?? 0) >= PDF_EXPORT_LIMITS.maxQueuedPerAddress;
    if (callerBusy || addressBusy)
      throw new AppError('rate_limited', 'Your last PDF is still being made. Wait for it, then try again.', {
        retryAfterSeconds: 5,
      });
    if (this.queued >= PDF_EXPORT_LIMITS.maxQueued)
      throw new AppError('unavailable', 'Too many PDFs are being made. Try again in a minute.', {
        retryAfterSeconds: 30,
      });
    // The place is held before anything is awaited, so concurrent requests from one person cannot all slip past.
    this.hold(shares);
    let job: Promise<Buffer>;
    try {
      await this.claimSlots(requester);
      job = this.enqueue(key, html);
    } catch (error) {
      this.release(shares);
      throw error;
    }
    this.inFlight.set(key, job);
    try {
      return await job;
    } finally {
      this.inFlight.delete(key);
      this.release(shares);
    }
  }

  private hold(shares: string[]): void {
    this.queued += 1;
    for (const share of shares) this.queuedBy.set(share, (this.queuedBy.get(share) ?? 0) + 1);
  }

  private release(shares: string[]): void {
    this.queued -= 1;
    for (const share of shares) {
      const left = (this.queuedBy.get(share) ?? 1) - 1;
      if (left > 0) this.queuedBy.set(share, left);
      else this.queuedBy.delete(share);
    }
  }

  private async claimSlots(requester: PdfRequester): Promise<void> {
    if (!this.options.rateLimits) return;
    const perCaller = RATE_LIMITS.pdfExportsPerCaller;
    const perAddress = RATE_LIMITS.pdfExportsPerAddress;
    const byCaller = await claimSlidingSlot(
      'pdf-caller',
      requester.callerKey,
      perCaller.limit,
      perCaller.windowMs,
    );
    if (!byCaller.allowed)
      throw new AppError('rate_limited', 'You have made many PDFs recently. Please wait and try again.', {
        retryAfterSeconds: byCaller.retryAfterSeconds,
      });
    const byAddress = await claimSlidingSlot(
      'pdf-address',
      requester.address,
      perAddress.limit,
      perAddress.windowMs,
    );
    if (!byAddress.allowed) {
      await byCaller.release();
      throw new AppError(
        'rate_limited',
        'Many PDFs were made from your network recently. Please wait and try again.',
        {
          retryAfterSeconds: byAddress.retryAfterSeconds,
        },
      );
    }
  }

  private enqueue(key: string, html: string): Promise<Buffer> {
    const job = this.tail.then(() => renderPdf(html));
    this.tail = job.catch(() => undefined);
    return job.then((pdf) => {
      this.remember(key, pdf);
      return pdf;
    });
  }

  private remember(key: string, pdf: Buffer): void {
    if (pdf.length > PDF_EXPORT_LIMITS.cacheBytes) return;
    this.cache.set(key, pdf);
    this.cachedBytes += pdf.length;
    for (const [oldest, old] of this.cache) {
      if (
        this.cache.size <= PDF_EXPORT_LIMITS.cacheEntries &&
        this.cachedBytes <= PDF_EXPORT_LIMITS.cacheBytes
      )
        break;
      this.cache.delete(oldest);
      this.cachedBytes -= old.length;
    }
  }
}
