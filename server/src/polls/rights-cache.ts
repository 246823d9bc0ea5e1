import type { ObjectId } from 'mongodb';
import type { BallotRight } from '../live/live-service.ts';

/** A meeting's ballot rights now, indexed for the vote path. */
export interface Rights {
  /** By voter (user id): their own right and any proxy they hold. */
  byVoter: Map<string, BallotRight[]>;
  /** Every principal who may vote now. */
  principals: Set<string>;
}

/** Bounds staleness if an attendance event was ever not delivered (e.g. publishing failed). */
const MAX_AGE_MS = 5_000;

/**
 * Ballot rights per meeting, in memory, so a ballot costs no reads: computed by
 * `app.live.ballotRights` on first use and dropped whenever a live event reports an attendance
 * or proxy change (those events leave after the change is stored and before its command is
 * acknowledged, so whoever just checked in or received a proxy is seen by their next ballot).
 * A load that started before a change is never kept after it: dropping bumps the generation.
 *
 * Single process: another process's check-ins reach this cache only through its own events
 * (with Redis, the same listener would hear them) or after MAX_AGE_MS.
 */
export class RightsCache {
  private readonly entries = new Map<string, { generation: number; loadedAt: number; rights: Promise<Rights> }>();
  private readonly generations = new Map<string, number>();

  constructor(private readonly load: (meetingId: ObjectId) => Promise<BallotRight[]>) {}

  get(meetingId: ObjectId): Promise<Rights> {
    const key = meetingId.toHexString();
    const generation = this.generations.get(key) ?? 0;
    const cached = this.entries.get(key);
    if (cached && cached.generation === generation && Date.now() - cached.loadedAt < MAX_AGE_MS) return cached.rights;
    // Expired entries go when a new one comes, so memory holds only meetings voting now.
    for (const [k, e] of this.entries) if (Date.now() - e.loadedAt >= MAX_AGE_MS) this.entries.delete(k);
    const entry = { generation, loadedAt: Date.now(), rights: this.load(meetingId).then(index) };
    this.entries.set(key, entry);
    // A failed load is not cached: the next ballot tries again.
    entry.rights.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return entry.rights;
  }

  invalidate(meetingId: string): void {
    this.generations.set(meetingId, (this.generations.get(meetingId) ?? 0) + 1);
    this.entries.delete(meetingId);
  }
}

function index(rights: BallotRight[]): Rights {
  const byVoter = new Map<string, BallotRight[]>();
  for (const r of rights) byVoter.set(r.voterId, [...(byVoter.get(r.voterId) ?? []), r]);
  return { byVoter, principals: new Set(rights.map((r) => r.principalId)) };
}
