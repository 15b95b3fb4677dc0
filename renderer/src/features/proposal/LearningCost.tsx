/**
 * The learning-cost trade-off under the options curve: the same exact plan with new hours on tasks
 * far above a person's current empowerment weighted more (λ = 0, 1, 2), so a group sees what
 * sparing people steep learning costs in hours moved. Test hook: learning-cost.
 */
import type { LearningCostPoint } from '../../engine/balance/learningCost';
import { fmtHours } from '../../ui/figure-format';

const STATUS: Record<LearningCostPoint['status'], string> = { optimal: '', infeasible: 'cannot be met', 'time-limit': 'no answer in time', failed: 'solver failed' };

export function LearningCost({ points }: { points: LearningCostPoint[] }) {
  if (!points.length) return null;
  return (
    <table className="proposal-learning" data-testid="learning-cost" aria-describedby="learning-cost-note">
      <caption>Learning cost: the exact plan when new hours on much more empowering tasks count more</caption>
      <thead>
        <tr>
          <th scope="col">Weight λ</th>
          <th scope="col" className="num">Hours moved a week</th>
          <th scope="col" className="num">New hours on much more empowering tasks</th>
          <th scope="col" className="num">Training over the quarter</th>
        </tr>
      </thead>
      <tbody>
        {points.map((p) => (
          <tr key={p.lambda}>
            <th scope="row">{p.lambda}</th>
            {p.status === 'optimal' ? (
              <>
                <td className="num">{fmtHours(p.movedHours ?? 0)} h</td>
                <td className="num">{fmtHours(p.newHoursOnEmpowering ?? 0)} h</td>
                <td className="num">{fmtHours(p.trainingHours ?? 0)} h</td>
              </>
            ) : (
              <td colSpan={3}>{STATUS[p.status]}</td>
            )}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={4} id="learning-cost-note" className="muted">
            λ = 0 is the plain exact plan (not in blocks). Each new hour costs 1 + λ × how far the task&apos;s empowerment is above the person&apos;s.
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
