/** Where a task's rating comes from (group decision, members, file, suggested, unrated) as a badge; the reason is its tooltip. */
import type { RatingSource } from '../../engine/model/types';
import './sourceBadge.css';

export const SOURCE_HELP: Record<RatingSource, string> = {
  council: 'Decided by the group for a contested task (the members disagreed)',
  members: 'Rated by the members in Fairshare',
  file: 'Rated in the imported spreadsheet',
  suggested: 'A suggested rating from the task library: a starting point for the members, not final',
  unrated: 'Not rated yet: left out of the scores',
};

export function SourceBadge({ source, reason }: { source: RatingSource; reason: string | null }) {
  return (
    <span className={`source-badge source-${source}`} data-testid="task-source" title={reason ?? SOURCE_HELP[source]}>
      {source}
    </span>
  );
}
