/**
 * The lock toggle of one task in a person's bundle: pressed, a proposal keeps the assignment's
 * hours as they are (Assignment.locked). The closed or open padlock, not colour alone, shows the state.
 * Test hook: bundle-lock.
 */
export interface LockToggleProps {
  locked: boolean;
  taskName: string;
  personName: string;
  onChange: (locked: boolean) => void;
}

export function LockToggle({ locked, taskName, personName, onChange }: LockToggleProps) {
  return (
    <button
      type="button"
      className="lock-toggle"
      data-testid="bundle-lock"
      aria-pressed={locked}
      aria-label={`Lock ${taskName} for ${personName}`}
      title="A proposal keeps this assignment"
      onClick={() => onChange(!locked)}
    >
      <svg viewBox="0 0 20 20" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
        <rect x="4" y="9" width="12" height="8.5" rx="1.5" fill={locked ? 'currentColor' : 'none'} />
        {/* Locked: the shackle closes into the body; unlocked: it swings open on the right. */}
        <path d={locked ? 'M6.5 9V6.5a3.5 3.5 0 0 1 7 0V9' : 'M6.5 9V6.5a3.5 3.5 0 0 1 6.9-.8'} />
      </svg>
    </button>
  );
}
