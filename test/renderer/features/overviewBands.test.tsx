// @vitest-environment happy-dom
// Overview, issue 12: every headline card answers "Is this high?" with a tag, the reading's phrase and
// where the band comes from behind a disclosure; Palma states its even share; the Spearman cards say
// in words what the correlation measures.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OverviewView } from '../../../renderer/src/features/overview/OverviewView';
import { byTestId, currentEngineReport, loadOrganization, mount, smallOrganization, type Mounted } from './overview-jobs-tasks.helpers';

vi.mock('../../../renderer/src/worker/client', () => import('./overview-jobs-tasks.engine'));

let view: Mounted;

beforeEach(async () => {
  loadOrganization(smallOrganization());
  view = await mount(<OverviewView />);
});

afterEach(() => view.unmount());

describe('Overview: readings a non-statistician can use', () => {
  it('each banded figure shows its band as a tag, ends its reading with the phrase, and says where the band comes from', () => {
    const report = currentEngineReport();
    const banded = report.readings.filter((r) => r.band && !r.key.startsWith('desirability.'));
    expect(banded.map((r) => r.key)).toEqual(expect.arrayContaining(['empowerment.absoluteGini', 'empowerment.withinTolerance', 'empowerment.top20Gap', 'coordinator', 'empowerment.gini']));
    for (const r of banded) {
      const card = byTestId(view.container, `figure-${r.key}`);
      expect(card.dataset.band, r.key).toBe(r.band!.level);
      expect(byTestId(card, 'band-tag').textContent, r.key).toBe(`Is this high? ${r.band!.label}`);
      expect(card.querySelector('.figure-reading')!.textContent!.endsWith(r.band!.phrase), r.key).toBe(true);
      const details = card.querySelector('details.figure-band-source')!;
      expect(details.querySelector('summary')!.textContent).toContain(`Where “${r.band!.label}” comes from`);
      expect(details.querySelector('p')!.textContent).toBe(r.band!.source);
    }
    expect(byTestId(view.container, 'figure-empowerment.gini').querySelector('details p')!.textContent).toContain('OECD');
  });

  it('Palma carries its even-share reference; joint advantage and pay say what Spearman measures', () => {
    const report = currentEngineReport();
    const d = report.metrics.empowerment;
    const even = d.palmaKind === 'palma' ? '0.25' : '0.50';
    expect(byTestId(view.container, 'figure-empowerment.palma').querySelector('.figure-note')!.textContent).toContain(`even share ${even}`);
    expect(byTestId(view.container, 'figure-empowerment.palma').querySelector('.figure-reading')!.textContent).toContain(`it would be ${even}`);
    expect(byTestId(view.container, 'figure-jointAdvantage').textContent).toContain('people high on both empowerment and desirability');
    expect(byTestId(view.container, 'figure-jointAdvantage').textContent).toContain('1 = same order, 0 = no link');
    expect(byTestId(view.container, 'figure-pay').textContent).toContain('does pay rise with empowerment?');
  });
});
