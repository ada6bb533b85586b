import { SOCKET_EVENTS, type HostHeadcount } from '@common-ground/shared';
import type { Logger } from '../logger.ts';
import type { OpenDayQuestionRecord } from '../models/OpenDayQuestion.ts';
import { presentPublicQuestion } from '../presenters/presentOpenDayQuestion.ts';
import { hostQuestion } from '../queries/openDays/openDayQuestions.ts';
import { openDayChannel, openDayFollowersChannel, openDayHostsChannel } from './channels.ts';
import type { DiscussionServer } from './socketTypes.ts';

/** How often, at most, the watching count and headcount of one open day are sent while people come and go. */
const HEADCOUNT_DEBOUNCE_MS = 1000;

/**
 * Sends open-day events to Socket.IO rooms (through the Redis adapter, to every instance). Routes reach it through
 * the services, before Socket.IO exists, so the socket server attaches itself once it is made. Only approved questions
 * ever go to the open day's channel; the queue goes to the hosts' channel; host positions only to followers.
 */
export class OpenDayBroadcaster {
  private io: DiscussionServer | null = null;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly watching = new Map<string, number>();
  private readonly headingIds = new Map<string, string>();

  constructor(private readonly logger: Logger) {}

  /** Called once by the socket server. */
  attach(io: DiscussionServer): void {
    this.io = io;
  }

  /** A question changed: the hosts get it in full; visitors only if approved, or word that it left the list. */
  async questionChanged(question: OpenDayQuestionRecord, wasPublic: boolean): Promise<void> {
    if (!this.io) return;
    const openDayId = String(question.openDayId);
    if (question.status === 'approved' || question.status === 'answered') {
      this.io
        .to(openDayChannel(openDayId))
        .emit(SOCKET_EVENTS.openDayQuestion, { question: presentPublicQuestion(question, false) });
    } else if (wasPublic) {
      this.io
        .to(openDayChannel(openDayId))
        .emit(SOCKET_EVENTS.openDayQuestionRemoved, { openDayId, questionId: String(question._id) });
    }
    // Visitors first; the hosts' copy names the asker, which takes another read.
    const forHosts = await hostQuestion(String(question._id));
    if (forHosts)
      this.io.to(openDayHostsChannel(openDayId)).emit(SOCKET_EVENTS.openDayQueue, { question: forHosts });
  }

  /** The host's heading, to followers only; remembered for "jump to where the host is". */
  hostPosition(openDayId: string, headingId: string): void {
    this.headingIds.set(openDayId, headingId);
    this.io
      ?.to(openDayFollowersChannel(openDayId))
      .emit(SOCKET_EVENTS.openDayHostPosition, { openDayId, headingId, sentAt: new Date().toISOString() });
  }

  /** The heading this instance last relayed for the open day, if any. */
  lastHeading(openDayId: string): string | null {
    return this.headingIds.get(openDayId) ?? null;
  }

  /** The watching count this instance last worked out. */
  lastWatching(openDayId: string): number {
    return this.watching.get(openDayId) ?? 0;
  }

  /** Someone came or went: recount (at most once a second per open day) and tell everyone, and the hosts in full. */
  presenceChanged(openDayId: string): void {
    if (this.timers.has(openDayId)) return;
    const timer = setTimeout(() => {
      this.timers.delete(openDayId);
      this.headcount(openDayId)
        .then((headcount) => {
          this.watching.set(openDayId, headcount.present);
          this.io
            ?.to(openDayChannel(openDayId))
            .emit(SOCKET_EVENTS.openDayWatching, { openDayId, watching: headcount.present });
          this.io?.to(openDayHostsChannel(openDayId)).emit(SOCKET_EVENTS.openDayHeadcount, headcount);
        })
        .catch((error: unknown) =>
          this.logger.warn({ err: error, openDayId }, 'could not count an open day'),
        );
    }, HEADCOUNT_DEBOUNCE_MS);
    timer.unref();
    this.timers.set(openDayId, timer);
  }

  /**
   * Visitors present now, across instances, counted once per registration however many tabs they have, by
   * organisation. Hosts and lived-experience presenters hold no visitor standing, so they are never counted.
   */
  async headcount(openDayId: string): Promise<HostHeadcount> {
    if (!this.io) return { openDayId, present: 0, organisations: [] };
    const sockets = await this.io.in(openDayChannel(openDayId)).fetchSockets();
    const visitors = new Map<string, { name: string; verified: boolean }>();
    for (const socket of sockets) {
      const standing = socket.data.openDays?.[openDayId];
      if (standing?.kind === 'visitor')
        visitors.set(standing.registrationId, {
          name: standing.organisationName,
          verified: standing.organisationVerified,
        });
    }
    const byOrganisation = new Map<string, { name: string; verified: boolean; present: number }>();
    for (const { name, verified } of visitors.values()) {
      const key = `${verified ? 'v' : 'u'}:${name.toLowerCase()}`;
      const entry = byOrganisation.get(key) ?? { name, verified, present: 0 };
      entry.present += 1;
      byOrganisation.set(key, entry);
    }
    return {
      openDayId,
      present: visitors.size,
      organisations: [...byOrganisation.values()].sort((a, b) => a.name.localeCompare(b.name)),
    };
  }

  /** Stops pending recounts (on shutdown). */
  stop(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
