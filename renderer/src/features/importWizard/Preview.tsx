// The wizard's preview: what the import will hold (counts, rating sources) and the first people with their job scores.
import { useMemo } from 'react';
import { scorePeople } from '../../engine/analysis/jobScores';
import type { Organization, Scale } from '../../engine/model/types';
import { formatScale, toPoints } from '../../engine/rating/scale';
import { fmtHours, fmtScore } from '../../ui/figure-format';

export const PREVIEW_PEOPLE = 20;

export interface PreviewSummary {
  people: number;
  tasks: number;
  hours: number;
  bySource: { council: number; members: number; file: number; suggested: number; unrated: number };
}

export function summarize(org: Organization): PreviewSummary {
  const bySource = { council: 0, members: 0, file: 0, suggested: 0, unrated: 0 };
  for (const t of org.tasks) bySource[t.source]++;
  return { people: org.people.length, tasks: org.tasks.length, hours: org.assignments.reduce((a, x) => a + x.hours, 0), bySource };
}

function points(value: number | null, scale: Scale): string {
  return value === null ? '—' : fmtScore(toPoints(value, scale));
}

export function Preview({ organization, scale }: { organization: Organization; scale: Scale }) {
  // Only the people shown are scored: at 10,000 people the rest would cost a visible pause.
  const scores = useMemo(() => scorePeople({ ...organization, people: organization.people.slice(0, PREVIEW_PEOPLE) }), [organization]);
  const summary = useMemo(() => summarize(organization), [organization]);
  const { bySource } = summary;
  const sources = [
    bySource.council && `${bySource.council} decided by the group`,
    bySource.members && `${bySource.members} rated by members`,
    bySource.file && `${bySource.file} rated in the file`,
    bySource.suggested && `${bySource.suggested} with suggested ratings`,
    bySource.unrated && `${bySource.unrated} unrated`,
  ].filter(Boolean);
  return (
    <div className="wiz-preview" data-testid="wizard-preview">
      <dl className="wiz-figures">
        <div><dt>People</dt><dd>{summary.people.toLocaleString('en-US')}</dd></div>
        <div><dt>Tasks</dt><dd>{summary.tasks.toLocaleString('en-US')}</dd></div>
        <div><dt>Hours a week</dt><dd>{fmtHours(summary.hours)}</dd></div>
        <div className="wiz-figures-wide"><dt>Task ratings</dt><dd className="wiz-sources">{sources.join(' · ') || 'none'}</dd></div>
      </dl>
      {scores.length === 0 ? (
        <p className="muted">No people were read.</p>
      ) : (
        <table className="wiz-table">
          <caption>
            {scores.length < summary.people ? `The first ${scores.length} of ${summary.people.toLocaleString('en-US')} people` : `All ${scores.length} people`}.{' '}
            <span className="muted">E and D are job scores on the {formatScale(scale)} scale: the hours-weighted mean empowerment and desirability of each person’s tasks.</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Department</th>
              <th scope="col" className="num">Hours</th>
              <th scope="col" className="num"><abbr title="Empowerment">E</abbr></th>
              <th scope="col" className="num"><abbr title="Desirability">D</abbr></th>
            </tr>
          </thead>
          <tbody>
            {scores.map((s) => (
              <tr key={s.person.id}>
                <th scope="row">{s.person.name}</th>
                <td>{s.person.role ?? <span className="muted">—</span>}</td>
                <td>{s.person.department ?? <span className="muted">—</span>}</td>
                <td className="num">{fmtHours(s.hours)}</td>
                <td className="num">{points(s.empowerment, scale)}</td>
                <td className="num">{points(s.desirability, scale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
