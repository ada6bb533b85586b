import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { COLLAB_LIMITS } from '@common-ground/shared';
import type { AccessMark } from '../access/ConnectionAccess.ts';
import type { AppContext } from '../AppContext.ts';
import { hashToken } from '../auth/tokens.ts';
import { AdmissionCache } from './AdmissionCache.ts';
import { admitToDocument, checkUpgradeRequest, refusal, type UpgradeDecision } from './authorizeUpgrade.ts';
import { keepQuietSocketsAlive } from './keepAlive.ts';

const HEARTBEAT_MS = 30_000;

/** An upgrade the policy admitted, with the point in the access-change stream its authorisation started from. */
export type Admitted = Extract<UpgradeDecision, { ok: true }> & { authorisedFrom: AccessMark };

/**
 * Admission to `/collab/:documentId`: refuses while closing (503) and beyond the per-IP cap of upgrades being
 * authorised (429), authorises before any WebSocket exists (see authorizeUpgrade; a burst from one session shares one
 * decision, see AdmissionCache), then hands the open socket on.
 * Also the heartbeat: a socket that has not answered the previous ping is terminated, and one that has been sent
 * nothing for COLLAB_KEEPALIVE_MS is sent a no-op (see keepAlive.ts).
 */
export class UpgradeHandler {
  private readonly wss: WebSocketServer;
  private readonly pendingByIp = new Map<string, number>();
  private readonly silent = new Set<WebSocket>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly keepAlive: NodeJS.Timeout;
  private closing = false;
  private readonly admissions: AdmissionCache;

  constructor(
    private readonly context: AppContext,
    private readonly onConnection: (ws: WebSocket, admitted: Admitted) => void,
  ) {
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: context.env.COLLAB_MAX_FRAME_BYTES,
      perMessageDeflate: false,
    });
    const { connectionAccess } = context.services;
    this.admissions = new AdmissionCache(COLLAB_LIMITS.admissionCacheMs, (admission, authorisedFrom) =>
      connectionAccess.changedSince(authorisedFrom, admission.caller),
    );
    this.heartbeat = setInterval(() => this.ping(), HEARTBEAT_MS);
    this.heartbeat.unref();
    const quietMs = context.env.COLLAB_KEEPALIVE_MS;
    // Checked at two thirds of the quiet time, so no socket goes longer than 5/3 of it without a message.
    this.keepAlive = setInterval(() => keepQuietSocketsAlive(this.wss.clients, quietMs), (quietMs * 2) / 3);
    this.keepAlive.unref();
  }

  /** Takes over an HTTP upgrade on the collaboration path. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    if (this.closing) return void socket.end(refusal(503));
    const ip = req.socket.remoteAddress ?? 'unknown';
    const pending = this.pendingByIp.get(ip) ?? 0;
    if (pending >= this.context.env.COLLAB_MAX_PENDING_UPGRADES_PER_IP) return void socket.end(refusal(429));
    this.pendingByIp.set(ip, pending + 1);
    const timer = setTimeout(() => socket.destroy(), COLLAB_LIMITS.upgradeTimeoutMs);
    this.authorize(req)
      .then(({ decision, authorisedFrom }) => {
        if (socket.destroyed) return;
        if (!decision.ok) return void socket.end(refusal(decision.status));
        if (this.closing) return void socket.end(refusal(503));
        this.wss.handleUpgrade(req, socket, head, (ws) => {
          ws.on('pong', () => this.silent.delete(ws));
          ws.on('close', () => this.silent.delete(ws));
          this.onConnection(ws, { ...decision, authorisedFrom });
        });
      })
      .catch((error: unknown) => {
        this.context.logger.error({ err: error }, 'collaboration upgrade failed');
        if (!socket.destroyed) socket.end(refusal(500));
      })
      .finally(() => {
        clearTimeout(timer);
        const left = (this.pendingByIp.get(ip) ?? 1) - 1;
        if (left > 0) this.pendingByIp.set(ip, left);
        else this.pendingByIp.delete(ip);
      });
  }

  private async authorize(
    req: IncomingMessage,
  ): Promise<{ decision: UpgradeDecision; authorisedFrom: AccessMark }> {
    const { connectionAccess } = this.context.services;
    const checked = checkUpgradeRequest(this.context, req);
    if ('status' in checked) return { decision: checked, authorisedFrom: connectionAccess.mark() };
    const { token, documentId } = checked;
    return this.admissions.admit(
      `${hashToken(token)}:${documentId}`,
      () => connectionAccess.mark(),
      () => admitToDocument(this.context, token, documentId),
    );
  }

  /** Refuses every later upgrade (503) and stops the heartbeat. */
  stopAccepting(): void {
    this.closing = true;
    clearInterval(this.heartbeat);
    clearInterval(this.keepAlive);
  }

  /** Terminates whatever sockets are still open and closes the WebSocket server. */
  async close(): Promise<void> {
    this.stopAccepting();
    for (const ws of this.wss.clients) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private ping(): void {
    for (const ws of this.wss.clients) {
      // A socket the server stopped reading (its document's queue is draining) cannot be heard answering.
      if (ws.isPaused) continue;
      if (this.silent.has(ws)) {
        ws.terminate();
        continue;
      }
      this.silent.add(ws);
      ws.ping();
    }
  }
}
