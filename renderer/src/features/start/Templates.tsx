/**
 * "Start from a template" on the start screen: saves a copy of a blank workbook from
 * resources/templates for the user to fill in and then import. A copy, not an import: a blank
 * template imports to nothing (the grid has no rows; the long one only its example row).
 */
import { useId } from 'react';
import type { TemplateName } from '../../../../electron/ipc/contract';
import { desktop } from '../../platform/desktop';
import { store } from '../../state/workspace';

interface Template {
  name: TemplateName;
  title: string;
  description: string;
  /** The file name the save dialog proposes (without the extension). */
  suggestedName: string;
}

const TEMPLATES: Template[] = [
  {
    name: 'long-template',
    title: 'One row per person and task',
    description: 'Name, role, department, task and hours a week on each row, with one example row to replace.',
    suggestedName: 'Fairshare template - one row per person and task',
  },
  {
    name: 'matrix-template',
    title: 'Grid of tasks by people',
    description: 'Tasks down the side, people across the top, hours a week in each cell.',
    suggestedName: 'Fairshare template - tasks by people',
  },
];

/** Saves a copy of the template where the user chooses; says where it went and what to do next. */
export async function saveTemplate(t: Template): Promise<void> {
  try {
    const doc = await desktop().openSample(t.name);
    const bytes = await desktop().readDocument(doc.handle);
    const saved = await desktop().exportFile({ bytes, suggestedName: t.suggestedName, format: 'xlsx' });
    if (saved) store.set({ notice: { kind: 'info', text: `Saved the blank template “${t.title}” as ${saved}: fill it in, then import it.` } });
  } catch (err) {
    store.set({ notice: { kind: 'error', text: `The template “${t.title}” could not be saved: ${err instanceof Error ? err.message : String(err)}` } });
  }
}

export function Templates() {
  const headingId = useId();
  return (
    <section className="start-panel start-templates" aria-labelledby={headingId} data-testid="start-templates">
      <h2 id={headingId}>Start from a template</h2>
      <p className="muted">Save a blank spreadsheet with the columns Fairshare reads, fill it in, then import it.</p>
      <ul className="start-template-list">
        {TEMPLATES.map((t) => (
          <li key={t.name}>
            <button type="button" onClick={() => void saveTemplate(t)} data-testid={`start-template-${t.name}`} aria-describedby={`${headingId}-${t.name}`}>
              Save “{t.title}”…
            </button>
            <span id={`${headingId}-${t.name}`} className="start-template-desc">{t.description}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
