/**
 * One key figure as a card: its name, the figure, an optional bar against a reference ("an even
 * share would be 20%"), its plain-language reading, and, when the reading has one, its "Is this
 * high?" band as a tag with where the band comes from in a disclosure. data-testid="figure-<reading
 * key>", data-value (the raw number) and data-band (the band's level) are test hooks.
 */
import { useId, type ReactNode } from 'react';
import type { Reading } from '../engine/analysis/readings';
import './figure-FigureCard.css';

export interface FigureMeter {
  /** 0–1. */
  value: number;
  /** A reference mark on the bar, e.g. the even share. */
  mark?: { at: number; label: string };
}

export interface FigureCardProps {
  reading: Reading;
  /** Card title; defaults to the reading's label. */
  title?: string;
  /** A short line under the figure saying what it measures. */
  note?: ReactNode;
  meter?: FigureMeter;
  /** A warning tag next to the title, e.g. "Red flag". */
  flag?: string;
  compact?: boolean;
  children?: ReactNode;
}

const clamp = (x: number) => Math.max(0, Math.min(1, x));

export function FigureCard({ reading, title, note, meter, flag, compact, children }: FigureCardProps) {
  const titleId = useId();
  const band = reading.band;
  const name = title ?? reading.label;
  return (
    <article
      className={`figure-card card${compact ? ' compact' : ''}`}
      data-testid={`figure-${reading.key}`}
      data-value={reading.value ?? undefined}
      data-band={band?.level}
      aria-labelledby={titleId}
    >
      <header className="figure-card-head">
        <h3 id={titleId}>{name}</h3>
        {flag && <span className="figure-flag">{flag}</span>}
        {band && (
          <span className={`figure-band ${band.level}`} data-testid="band-tag">
            <span className="visually-hidden">Is this high? </span>{band.label}
          </span>
        )}
      </header>
      <p className="figure-value figure-stale-dim">{reading.figure}</p>
      {/* The bar comes straight under the figure, so the bars of a row of cards line up. */}
      {meter && (
        <div className={`figure-meter${meter.mark ? ' marked' : ''}`} aria-hidden="true">
          <div className="figure-meter-bar" style={{ width: `${clamp(meter.value) * 100}%` }} />
          {meter.mark && (
            <div className={`figure-meter-mark${meter.mark.at > 0.85 ? ' figure-meter-mark-end' : meter.mark.at < 0.15 ? ' figure-meter-mark-start' : ''}`} style={{ left: `${clamp(meter.mark.at) * 100}%` }} title={meter.mark.label}>
              <span>{meter.mark.label}</span>
            </div>
          )}
        </div>
      )}
      {note && <p className="figure-note">{note}</p>}
      <p className="figure-reading figure-stale-dim">{reading.text}</p>
      {band && (
        <details className="figure-band-source">
          <summary>Where “{band.label}” comes from<span className="visually-hidden"> ({name})</span></summary>
          <p>{band.source}</p>
        </details>
      )}
      {children}
    </article>
  );
}
