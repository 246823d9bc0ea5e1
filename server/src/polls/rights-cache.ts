import type { ObjectId } from 'mongodb';
import type { BallotRight } from '../live/live-service.ts';

/** A meeting's ballot rights now, indexed for the vote path. */
export interface Rights {
  /** By voter (user id): their own right and any proxy they hold. */
  byVoter: Map<string, BallotRight[]>;
  /** Every principal who may vote now. */
  principals: Set<string>;
}

/** Meetings whose rights are kept at most; the least recently loaded goes first. */
const MAX_MEETINGS = 64;

/**
 * Ballot rights per meeting, in memory, so a ballot costs no reads: computed by
 * `app.live.ballotRights` on first use and kept until the live service reports that the roll,
 * attendance or proxies of the meeting changed (`invalidate`). It reports that in this process
 * right after the change is stored and before its command is acknowledged, so whoever just checked
 * in or received a proxy is seen by their next ballot. No timer reloads it: between changes the
 * rights cannot change. A load that started before a change is never kept after it: a load is
 * cached as it starts, and the change drops it.
 *
 * Single process: another process's check-ins reach this cache only through its own reports
 * (with Redis, the same channel as the live events would carry them); one process runs a
 * meeting's polls (see `PollsService`).
 */
export class RightsCache {
  private readonly entries = new Map<string, Promise<Rights>>();

  constructor(private readonly load: (meetingId: ObjectId) => Promise<BallotRight[]>) {}

  get(meetingId: ObjectId): Promise<Rights> {
    const key = meetingId.toHexString();
    const cached = this.entries.get(key);
    if (cached) return cached;
    const rights = this.load(meetingId).then(index);
    this.entries.set(key, rights);
    // Memory holds the meetings voting lately, not every meeting ever voted in.
    for (const k of this.entries.keys()) {
      if (this.entries.size <= MAX_MEETINGS) break;
      this.entries.delete(k);
    }
    // A failed load is not cached: the next ballot tries again.
    rights.catch(() => {
      if (this.entries.get(key) === rights) this.entries.delete(key);
    });
    return rights;
  }

  invalidate(meetingId: string): void {
    this.entries.delete(meetingId);
  }

  /** Every meeting at once (e.g. a user was deactivated). */
  clear(): void {
    this.entries.clear();
  }
}

function index(rights: BallotRight[]): Rights {
  const byVoter = new Map<string, BallotRight[]>();
  for (const r of rights) byVoter.set(r.voterId, [...(byVoter.get(r.voterId) ?? []), r]);
  return { byVoter, principals: new Set(rights.map((r) => r.principalId)) };
}
