/**
 * The merger's contracts (issue 16): organizations pooled into one, the task matches between them,
 * and what the pooled organization reports — the federated and merged views, programme hours by
 * origin and who controls the money. Shared by the engine, the CLI (`fairshare merge`) and the app.
 */
import type { Organization } from '../model/types';

/** One organization going into the merger, named as its people know it ("Eastside Housing Co-op"). */
export interface MergeSource {
  /** Unique among the sources; pooled people carry it as `Person.organization`. */
  name: string;
  organization: Organization;
  /** The file or project it came from (for messages). */
  file: string;
}

/**
 * auto: the same task by ID or by normalized name (case, spacing, punctuation, "&" = "and", word
 * order) — pooled without asking. proposed: a close variant waiting for a person's word (not pooled).
 * accepted / rejected: a person's word (a hand match is accepted).
 */
export type MatchStatus = 'auto' | 'proposed' | 'accepted' | 'rejected';

/** A pair of tasks from two different organizations that may be the same work. */
export interface TaskMatch {
  /** Task name in the earlier organization (organizations are in the order given). */
  a: string;
  /** Task name in the later organization. */
  b: string;
  /** Names of the organizations of `a` and `b` (MergeSource.name). */
  organizationA: string;
  organizationB: string;
  /** Similarity 0–1 (1 = the same after normalizing). */
  score: number;
  status: MatchStatus;
  /** Why they were matched or proposed, in words ("same name apart from case and punctuation"). */
  reason: string;
  /**
   * The pooled task is done once in the merged organization (one bookkeeping, one board report):
   * its weekly hours become `hours` (default: the larger of the organizations' totals) and the rest
   * is freed for programme work. Only for auto or accepted matches.
   */
  doneOnce?: boolean;
  /** Weekly hours of the task done once; absent = the larger of the organizations' totals. */
  hours?: number;
}

/** A task both organizations rated differently by more than the tolerance: the pooled rating is their median. */
export interface ContestedTask {
  task: string;
  dimension: 'empowerment' | 'desirability';
  /** Each organization's rating, in points of the project scale. */
  ratings: { organization: string; value: number }[];
  /** The pooled rating (median), in points. */
  pooled: number;
}

/** A task done once after the merger, and the weekly hours it frees. */
export interface DoneOnce {
  task: string;
  /** Weekly hours of the task in all organizations together before the merger. */
  before: number;
  /** Weekly hours after (done once). */
  after: number;
  /** before − after: hours available for programme work, never people to cut. */
  freed: number;
  /** Freed hours by organization (their doers keep those hours for programme work). */
  byOrganization: { organization: string; freed: number }[];
}

/** The pooled organization: people keep their organization of origin; matched tasks are one task. */
export interface PooledOrganization {
  organization: Organization;
  /** Names of the sources, in order. */
  organizations: string[];
  /** Organization of origin by pooled person id. */
  personOrigin: Record<string, string>;
  /** Weekly hours each organization's people put into each pooled task before the merger (after done-once), by task id then organization. */
  taskOrigin: Record<string, Record<string, number>>;
  /** Pooled task id by source: sourceTaskIds[i][sourceTaskId] (the app and the tests follow a task through). */
  sourceTaskIds: Record<string, string>[];
  /** Pooled person id by source: sourcePersonIds[i][sourcePersonId]. */
  sourcePersonIds: Record<string, string>[];
  contested: ContestedTask[];
  doneOnce: DoneOnce[];
  /** Σ freed over doneOnce, hours a week. */
  freedHours: number;
  /** Matches that name an organization or task not in this merger (a reviewed list from other files): not applied, said. */
  notes: string[];
}
