/**
 * One key figure as a card: its name, the figure, an optional bar against a reference ("an even
 * share would be 20%"), and its plain-language reading. data-testid="figure-<reading key>" and
 * data-value (the raw number) are test hooks.
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
  return (
    <article
      className={`figure-card card${compact ? ' compact' : ''}`}
      data-testid={`figure-${reading.key}`}
      data-value={reading.value ?? undefined}
      aria-labelledby={titleId}
    >
      <header className="figure-card-head">
        <h3 id={titleId}>{title ?? reading.label}</h3>
        {flag && <span className="figure-flag">{flag}</span>}
      </header>
      <p className="figure-value figure-stale-dim">{reading.figure}</p>
      {/* The bar comes straight under the figure, so the bars of a row of cards line up. */}
      {meter && (
        <div className={`figure-meter${meter.mark ? ' marked' : ''}`} aria-hidden="true">
          <div className="figure-meter-bar" style={{ width: `${clamp(meter.value) * 100}%` }} />
          {meter.mark && (
            <div className={`figure-meter-mark${meter.mark.at > 0.85 ? ' end' : meter.mark.at < 0.15 ? ' start' : ''}`} style={{ left: `${clamp(meter.mark.at) * 100}%` }} title={meter.mark.label}>
              <span>{meter.mark.label}</span>
            </div>
          )}
        </div>
      )}
      {note && <p className="figure-note">{note}</p>}
      <p className="figure-reading figure-stale-dim">{reading.text}</p>
      {children}
    </article>
  );
}
