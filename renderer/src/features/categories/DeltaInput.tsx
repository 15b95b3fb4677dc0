/**
 * The category band δ as one number field in points (the project's δ, saved with it; a change is one
 * undo step), shared by the Overview's Categories panel and the Proposal view's category mode.
 * Test hook: category-delta.
 */
import { deltaError, MAX_DELTA_POINTS, setDeltaPoints, useCategoryDelta } from '../../state/categories';
import { NumberInput } from '../../ui/table-NumberInput';

export function DeltaInput() {
  const delta = useCategoryDelta();
  return (
    <NumberInput
      value={Math.round(delta * 1000) / 10}
      label="Category band in points"
      testId="category-delta"
      min={0}
      max={MAX_DELTA_POINTS}
      step={1}
      decimals={1}
      validate={deltaError}
      onCommit={(v) => void setDeltaPoints(v)}
    />
  );
}
