// The frame every chart sits in: title, one-line caption, export buttons, the chart (role="img"
// with a summary), its legend, and a data table that is visually hidden until "Data" is pressed.
// Exports carry the organization, the date and the rating sources, and ask before a pseudonymized
// export shows a role or department of one person (state/exports.ts).
import { useId, useRef, useState, type ReactNode } from 'react';
import { chartExportContext } from '../../state/exports';
import { store, useWorkspace } from '../../state/workspace';
import type { ChartTheme } from './chartTheme';
import { exportChart, type LegendEntry } from './exportChart';
import { Marker } from './markers';

export interface ChartCardProps {
  id: string;
  title: string;
  /** One plain-language line under the title (also written into exports). */
  caption: string;
  /** What the chart shows, for screen readers (aria-label of the role="img" frame). */
  summary: string;
  theme: ChartTheme;
  legend?: readonly LegendEntry[];
  /** The data behind the chart as a table (or a summary for large organizations). */
  table: ReactNode;
  /** File name stem for exports. */
  exportStem: string;
  /** Labels written under the bars in exports (one per bar, in drawing order); the screen shows them on hover. */
  barLabels?: readonly string[];
  /** Extra controls shown under the caption. */
  controls?: ReactNode;
  /** A short note under the chart (e.g. that points were binned). */
  note?: string;
  /** Replaces the chart with an explanation (no export then). */
  empty?: ReactNode;
  /** How the chart is drawn (points, binned, bars, line, percentiles), for tests and benchmarks. */
  mode?: string;
  wide?: boolean;
  children?: ReactNode;
}

/** A note with its hyphenated words (P-029, Al-Sayed) kept on one line: a browser breaks a line after a hyphen, which split codes as "P-" / "029". */
function keepHyphenatedWhole(text: string): ReactNode[] {
  return text.split(/(\S+-\S+)/).map((part, i) => (i % 2 ? <span key={i} className="chart-nowrap">{part}</span> : part));
}

export function LegendSwatch({ entry }: { entry: LegendEntry }) {
  const { symbol, colour, stroke } = entry;
  return (
    <svg width={18} height={14} viewBox="0 0 18 14" aria-hidden="true" focusable="false">
      {symbol === 'line' || symbol === 'dashed' ? (
        <line x1={1} y1={7} x2={17} y2={7} stroke={colour} strokeWidth={2} strokeDasharray={symbol === 'dashed' ? '4 3' : undefined} />
      ) : symbol === 'band' || symbol === 'rect' ? (
        <rect x={1} y={1} width={16} height={12} fill={colour} stroke={stroke ?? 'none'} strokeDasharray={symbol === 'band' ? '3 2' : undefined} />
      ) : (
        <Marker shape={symbol} cx={9} cy={7} area={70} fill={colour} stroke={stroke ?? colour} fillOpacity={0.85} />
      )}
    </svg>
  );
}

export function ChartCard(props: ChartCardProps) {
  const { id, title, caption, summary, theme, legend = [], table, exportStem, barLabels, controls, note, empty, mode, wide, children } = props;
  // The report this card was drawn from: an export refuses to mix it with a newer one.
  const report = useWorkspace((s) => s.report);
  const titleId = useId();
  const frame = useRef<HTMLDivElement>(null);
  const [showData, setShowData] = useState(false);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  async function onExport(format: 'png' | 'svg') {
    if (!frame.current || !report) return;
    setBusy(true);
    setStatus('');
    try {
      const context = await chartExportContext(store.get(), report, `the ${title} chart`);
      if (!context || !frame.current) {
        setStatus(`Export of ${title} cancelled`);
        return;
      }
      const name = await exportChart(frame.current, { title, caption, legend, theme, barLabels, ...context }, exportStem, format);
      setStatus(name ? `Exported ${name}` : '');
    } catch (err) {
      setStatus(`Export of ${title} failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className={`card chart-card${wide ? ' wide' : ''}`} data-testid={`chart-${id}`} data-mode={mode} aria-labelledby={titleId}>
      <header className="chart-head">
        <h3 id={titleId}>{title}</h3>
        <div className="chart-actions">
          <button type="button" aria-expanded={showData} aria-label={`${showData ? 'Hide' : 'Show'} the data of ${title}`} onClick={() => setShowData((v) => !v)}>
            Data
          </button>
          <button type="button" disabled={!!empty || busy} aria-label={`Export ${title} as PNG`} onClick={() => void onExport('png')}>PNG</button>
          <button type="button" disabled={!!empty || busy} aria-label={`Export ${title} as SVG`} onClick={() => void onExport('svg')}>SVG</button>
        </div>
      </header>
      <p className="chart-caption">{caption}</p>
      {controls && <div className="chart-controls">{controls}</div>}
      {empty ? (
        <div className="chart-empty">{empty}</div>
      ) : (
        <>
          <div className="chart-frame" role="img" aria-label={summary} ref={frame}>
            {children}
          </div>
          {legend.length > 0 && (
            <ul className="chart-legend" aria-label={`Legend of ${title}`}>
              {legend.map((e) => (
                <li key={`${e.symbol}-${e.label}`}>
                  <LegendSwatch entry={e} />
                  <span>{e.label}</span>
                </li>
              ))}
            </ul>
          )}
          {note && <p className="chart-note muted">{keepHyphenatedWhole(note)}</p>}
        </>
      )}
      {/* Shown, the table scrolls: focusable so keyboard users can scroll it. */}
      <div className={showData ? 'chart-data' : 'visually-hidden'} {...(showData ? { tabIndex: 0, role: 'region', 'aria-label': `Data of ${title}` } : {})}>
        {table}
      </div>
      <p className="chart-status muted" role="status">{status}</p>
    </section>
  );
}

/** The tooltip box used by every chart. */
export function TooltipBox({ title, lines }: { title?: string; lines: (string | null | undefined | false)[] }) {
  return (
    <div className="chart-tooltip">
      {title && <strong>{title}</strong>}
      {lines.filter(Boolean).map((l, i) => (
        <div key={i}>{l}</div>
      ))}
    </div>
  );
}
