import type { Digest } from '@common-ground/shared';
import type { Logger } from '../logger.ts';

/** Where a one-off digest round goes (tests, previews); scheduled digests are emailed by DigestSchedule. */
export interface DigestTransport {
  send(recipient: { userId: string; email: string; displayName: string }, digest: Digest): Promise<void>;
}

/** Development transport: writes each digest to the log instead of sending it. */
export class LogDigestTransport implements DigestTransport {
  constructor(private readonly logger: Logger) {}

  async send(recipient: { userId: string; displayName: string }, digest: Digest): Promise<void> {
    this.logger.info(
      { userId: recipient.userId, rooms: digest.rooms },
      `digest for ${recipient.displayName}`,
    );
  }
}
