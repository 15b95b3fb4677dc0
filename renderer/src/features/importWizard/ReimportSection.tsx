/**
 * The wizard's re-import parts: the question asked when a file's people are mostly not the
 * project's (a new project, or re-import anyway), and what the re-import will change, with the
 * edits made in the app that the file overrides, before the user confirms.
 */
import { useMemo } from 'react';
import type { Organization } from '../../engine/model/types';
import type { Project } from '../../engine/formats/projectFile';
import { overriddenEdits } from '../../state/orgFacts';
import { applyOverrides, compareOrganizations, peopleOverlap, type PeopleOverlap } from '../../state/reimport';
import { actions } from '../../state/workspace';
import { ChangeDetails, describeChanges } from './ChangeDetails';

/** Once answered the question (and the button pressed) goes: focus goes back to the dialog, not the page body. */
function refocusDialog(): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="import-wizard"]')?.focus());
}

function people(n: number): string {
  return `${n} ${n === 1 ? 'person' : 'people'}`;
}

/** The question, naming the file's people and the project: "None of these 35 people are in Riverside…". */
export function overlapQuestion(o: PeopleOverlap, project: string): string {
  if (o.matched === 0) {
    return o.fileCount === 1
      ? `The one person in this file is not in ${project}: start a new project instead?`
      : `None of the ${o.fileCount} people in this file are in ${project}: start a new project with them instead?`;
  }
  if (o.matched * 2 < o.fileCount) return `Only ${o.matched} of the ${o.fileCount} people in this file ${o.matched === 1 ? 'is' : 'are'} in ${project}: start a new project with them instead?`;
  const gone = o.projectCount - o.matched;
  return `This file has ${people(o.fileCount)}, but ${gone} of the ${o.projectCount} people in ${project} are not in it: re-importing would remove them. Start a new project with this file instead?`;
}

/** The file's people against the project's, when re-importing. */
export function useOverlap(reimport: boolean, project: Project | null, file: Organization | null): PeopleOverlap | null {
  return useMemo(() => (reimport && project && file ? peopleOverlap(project.organization, file) : null), [reimport, project, file]);
}

export function OverlapQuestion({ overlap, project, accepted }: { overlap: PeopleOverlap; project: string; accepted: boolean }) {
  if (accepted) {
    return (
      <p className="wiz-note wiz-note-warning" data-testid="wizard-overlap-accepted">
        Re-importing into <strong>{project}</strong> anyway: {overlap.projectCount - overlap.matched} of its {overlap.projectCount} people are not in this file and will be removed.
      </p>
    );
  }
  return (
    <div className="wiz-question" role="group" aria-labelledby="wiz-overlap-question" data-testid="wizard-overlap">
      <p id="wiz-overlap-question"><strong>{overlapQuestion(overlap, project)}</strong></p>
      <p className="muted">
        People are matched by their ID, or by name when the file has no IDs. A re-import replaces the project’s people and hours
        with the file’s; members’ ratings carry over.
      </p>
      <div className="wiz-question-actions">
        <button type="button" className="primary" onClick={() => {
          void actions.importAsNewProject();
          refocusDialog();
        }} data-testid="wizard-new-project">
          Start a new project with this file
        </button>
        <button type="button" onClick={() => {
          actions.acceptLowOverlap();
          refocusDialog();
        }} data-testid="wizard-reimport-anyway">
          Re-import into {project} anyway
        </button>
      </div>
    </div>
  );
}

/** What confirming the re-import will change in `project`, the file's organization as read being `file`. */
export function ReimportPreview({ project, file }: { project: Project; file: Organization }) {
  const changes = useMemo(() => {
    const { organization, applied } = applyOverrides(file, project.ratingsOverrides);
    const overridden = project.importedOrganization ? overriddenEdits(project.importedOrganization, project.organization, file) : null;
    return compareOrganizations(project.organization, organization, applied, overridden);
  }, [project, file]);
  return (
    <section className="wiz-section" aria-labelledby="wiz-changes" data-testid="wizard-changes">
      <div className="wiz-section-head">
        <h3 id="wiz-changes">What this re-import changes</h3>
        <p className="muted">{describeChanges(changes)}.</p>
      </div>
      <ChangeDetails changes={changes} tense="preview" />
    </section>
  );
}
