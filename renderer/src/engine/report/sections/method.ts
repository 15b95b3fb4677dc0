/**
 * Method notes: what E and D mean, the scale and where its zero is, the tolerance, how much rests on
 * suggested or contested ratings, the definitions and the sources — as DESIGN.md §1 and §4 state them.
 */
import type { AuditReport } from '../../analysis/auditReport';
import { esc, pct, type Section } from '../html';
import { toleranceText } from '../input';

/** Escaped text with its formulas' subscripts set (E_i → E<sub>i</sub>); only for the notes' own sentences. */
function formula(text: string): string {
  return esc(text).replace(/_([A-Za-z0-9]+)/g, '<sub>$1</sub>');
}

function block(title: string, paragraphs: string[]): string {
  return `<div class="keep"><h3>${esc(title)}</h3>${paragraphs.map((p) => `<p>${formula(p)}</p>`).join('')}</div>`;
}

export function methodSection(audit: AuditReport, generator: string, hasProposal: boolean): Section {
  const { min, max } = audit.scale;
  const m = audit.metrics;
  const rating = [
    `Each task gets two separate ratings: empowerment (E) — decision authority, access to strategic information, skill development, coordinating others, external representation, planning and problem solving — and desirability (D) — physical strain and hazard, environment, repetition, control of pace, emotional load and conflict, schedule, intrinsic interest. The two are separate indices, never summed. Empowerment is the one that must balance; desirability should.`,
    `A job's score is the hours-weighted average of its tasks' ratings: E_i = Σ_t h_it·e_t ÷ Σ_t h_it, and D_i likewise. Shared tasks split their hours; part-timers are compared per hour.`,
  ];
  const scale = [
    `Ratings are on a ${min}–${max} scale, higher being more empowering or more desirable (Albert: "a rank of 1 to 20, higher being more empowering"); files rated on another scale are read on their own scale and mapped onto it linearly.`,
    `Ratings are an interval scale: where the scale starts is a convention. The headline figures — the absolute Gini, the share of hours within tolerance and the coordinator cluster's distance from the mean — depend only on differences between jobs. The relative figures (Gini, top shares, Palma, Hoover, Theil) measure from the bottom of the scale, where a rating of ${min} counts as none at all, and say so.`,
  ];
  const tolerance = [
    `A job is balanced when its score is within the tolerance τ of the hours-weighted average: |E_i − Ē| ≤ τ. This report uses τ = ${toleranceText(m.tolerance)}; the default is 5% of the scale's range (0.95 points on 1–20), a default of Fairshare's own, not the literature's. Balancing is over a period (a quarter), not daily rotation, and specialists are allowed.`,
    `The coordinator cluster is the people whose empowerment is more than 2τ above the average.`,
  ];
  const sources = [
    `Ratings are the members' to make, not an expert's: they are "a social determination". Several raters per task are combined by their median, and tasks on which the raters disagree are marked contested. Suggested ratings (from a keyword library) are a starting point, never final.`,
    `In this audit, ${pct(m.suggested.empowermentHoursShare)} of the hours rated for empowerment and ${pct(m.suggested.desirabilityHoursShare)} of those rated for desirability rest on suggested ratings.`
      + (m.contested.tasks > 0 ? ` ${pct(m.contested.empowermentHoursShare)} and ${pct(m.contested.desirabilityHoursShare)} respectively rest on ratings a rating round found contested.` : ' No rating round found a contested rating.'),
  ];
  const definitions = [
    `Weights are hours: person i works h_i hours, H = Σ h_i; Ê_i is the score measured from the bottom of the scale (0–1), μ its hours-weighted mean, M_i = h_i·Ê_i the person's empowerment mass, m_i = M_i ÷ Σ M and w_i = h_i ÷ H.`,
    `Absolute Gini A = ΣΣ h_i h_j |E_i − E_j| ÷ (2H²), in points of the scale: half the average gap between two hours of work.`,
    `Gini G = ΣΣ h_i h_j |Ê_i − Ê_j| ÷ (2H²μ), from 0 (every job alike) to 1.`,
    `Theil T = Σ w_i (Ê_i/μ) ln(Ê_i/μ); between groups = Σ_g W_g (μ_g/μ) ln(μ_g/μ), within = T − between. A large "between" for management against programme staff is the coordinator signal.`,
    `Palma ratio = the top 10%'s share of the empowerment mass ÷ the bottom 40%'s ("Palma-style", the top 20%, under 30 people). Groups are formed by cumulative hours of people ranked by score, the person on a boundary split proportionally.`,
    `Hoover index = ½ Σ |m_i − w_i|: the share of empowering work that would have to move for every hour to carry an equal share.`,
    `Onerous work: hours on tasks rated in the bottom third of the desirability scale, reported by empowerment tercile.`,
  ];
  const plan = hasProposal
    ? [block('The proposal', [
      `New hours are chosen so that every task's hours are still done, everyone keeps their hours, every job is within the tolerance, only eligible people take qualified tasks, locked assignments stay, and the hours that change hands are as few as possible. This is a linear program, solved exactly (HiGHS); the plan is then made of whole blocks people can carry out, and its hours moved are compared with the exact minimum.`,
    ])]
    : [];
  const literature = [
    `M. Albert, Parecon: Life After Capitalism (ch. 6) and Realizing Hope; participatoryeconomy.org, "Towards an improved process for balancing jobs"; the practice of South End Press and The NewStandard. Rebalanced jobs are what Albert calls balanced job complexes. Where the literature gives no number, the defaults are Fairshare's own and can be changed.`,
  ];
  return {
    id: 'method',
    title: 'Method notes',
    html: [block('Empowerment and desirability', rating), block('The scale and its zero', scale), block('The tolerance', tolerance), block('Who rates', sources), block('Definitions', definitions), ...plan, block('Sources', literature), `<p>${esc(`Produced by ${generator}.`)}</p>`].join(''),
  };
}
