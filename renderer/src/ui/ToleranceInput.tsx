/** The balance tolerance field (± points of the scale), shared by the Overview's setting and the Proposal's. */
import { NumberInput, formatNumber } from './table-NumberInput';

export interface ToleranceInputProps {
  value: number | null;
  /** Scale range in points (max − min): a tolerance is more than 0 and at most half of it. */
  range: number;
  testId: string;
  onCommit: (points: number) => void;
}

export function ToleranceInput({ value, range, testId, onCommit }: ToleranceInputProps) {
  return (
    <>
      <span>Tolerance ±</span>
      <NumberInput
        value={value}
        label="Tolerance in points"
        testId={testId}
        min={0}
        max={range / 2}
        step={0.05}
        validate={(v) => (v <= 0 ? 'Must be more than 0' : v > range / 2 ? `At most ${formatNumber(range / 2)} points` : null)}
        onCommit={onCommit}
      />
      <span>points</span>
    </>
  );
}
