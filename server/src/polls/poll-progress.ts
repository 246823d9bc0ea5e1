import type { FastifyInstance } from 'fastify';
import { rooms } from '@e-cabinet/protocol';
import type { OpenPoll } from './open-poll.ts';
import type { Turnout } from './poll-view.ts';

/** How often, at most, a poll's progress goes out while ballots come in. */
export const PROGRESS_INTERVAL_MS = 250;

/**
 * Sends a poll's progress (voted of eligible) to the meeting's room, and its running tally to the
 * chair and secretary unless the poll hides it, at most every PROGRESS_INTERVAL_MS: 500 ballots
 * in two seconds make eight broadcasts, not 500, and never delay an ack.
 */
export class ProgressBroadcaster {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly app: FastifyInstance,
    private readonly turnout: (poll: OpenPoll) => Promise<Turnout>,
  ) {}

  /** A ballot landed: send the progress at the end of the current interval. */
  touch(poll: OpenPoll): void {
    if (this.timers.has(poll.id)) return;
    const timer = setTimeout(() => {
      this.timers.delete(poll.id);
      this.send(poll).catch((err: unknown) => this.app.log.warn({ err, pollId: poll.id }, 'poll progress not sent'));
    }, PROGRESS_INTERVAL_MS);
    timer.unref();
    this.timers.set(poll.id, timer);
  }

  private async send(poll: OpenPoll): Promise<void> {
    if (poll.closing) return;
    const { voted, eligible } = await this.turnout(poll);
    this.app.io.to(rooms.meeting(poll.meetingId)).emit('poll:progress', { meetingId: poll.meetingId, pollId: poll.id, voted, eligible });
    if (poll.doc.hideTallyUntilClose || poll.organisers.length === 0) return;
    this.app.io.to(poll.organisers.map(rooms.user)).emit('poll:tally', { meetingId: poll.meetingId, pollId: poll.id, cast: poll.cast, counts: { ...poll.counts } });
  }

  cancel(pollId: string): void {
    clearTimeout(this.timers.get(pollId));
    this.timers.delete(pollId);
  }

  stop(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
