/**
 * A sortable table for the workspace views: headers are buttons (aria-sort on the sorted column),
 * rows can be selectable (click, Enter or Space; arrow keys, Home/End and Page Up/Down move between
 * rows), and long tables (thousands of people) render only the rows in view.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import './table-SortableTable.css';

export type SortDirection = 'ascending' | 'descending';

export interface SortState {
  key: string;
  dir: SortDirection;
}

export interface Column<T> {
  key: string;
  /** Header text. */
  label: ReactNode;
  /** Header tooltip (what the column means). */
  title?: string;
  /** Right-aligned, tabular figures; sorts descending first. */
  numeric?: boolean;
  /** The value sorted on; a column without one is not sortable. Nulls sort last either way. */
  sortValue?: (row: T) => string | number | null;
  render: (row: T) => ReactNode;
  /** data-testid of every cell of this column. */
  testId?: string;
  /** data-value of every cell of this column (the raw number behind a formatted figure). */
  cellValue?: (row: T) => string | number | null;
  /** Cell tooltip. */
  cellTitle?: (row: T) => string | undefined;
  className?: string;
  /** CSS width of the column, e.g. '7rem'. */
  width?: string;
}

export interface SortableTableProps<T> {
  rows: readonly T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  /** Accessible name of the table. */
  label: string;
  testId?: string;
  rowTestId?: (row: T) => string;
  sort: SortState | null;
  onSortChange: (sort: SortState) => void;
  /** Makes rows selectable: click, Enter or Space call it. */
  onActivate?: (row: T) => void;
  selectedKey?: string | null;
  /** Row height in px; rows are this tall so long tables can render only what is in view. */
  rowHeight?: number;
  /** Above this many rows only the rows in view are rendered. */
  windowAbove?: number;
  /** Shown in place of rows when there are none. */
  empty?: ReactNode;
  /** Extra class on the scroll container. */
  className?: string;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Sorts a copy of rows by a column; nulls and empty strings last in both directions. */
export function sortRows<T>(rows: readonly T[], column: Column<T> | undefined, dir: SortDirection): T[] {
  if (!column?.sortValue) return [...rows];
  const value = column.sortValue;
  const keyed = rows.map((row, i) => ({ row, v: value(row), i }));
  const sign = dir === 'ascending' ? 1 : -1;
  keyed.sort((a, b) => {
    const an = a.v === null || a.v === '';
    const bn = b.v === null || b.v === '';
    if (an || bn) return an === bn ? a.i - b.i : an ? 1 : -1;
    const c = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : collator.compare(String(a.v), String(b.v));
    return c === 0 ? a.i - b.i : sign * c;
  });
  return keyed.map((k) => k.row);
}

const OVERSCAN = 8;

export function SortableTable<T>(props: SortableTableProps<T>) {
  const { rows, columns, rowKey, label, testId, rowTestId, sort, onSortChange, onActivate, selectedKey, empty, className } = props;
  const rowHeight = props.rowHeight ?? 34;
  // Measured: rendering a few hundred rows costs ~100 ms on a tab switch; past 100 rows only the visible ones are drawn.
  const windowAbove = props.windowAbove ?? 100;
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(800);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const pendingFocus = useRef<number | null>(null);

  const sortColumn = sort ? columns.find((c) => c.key === sort.key) : undefined;
  const sorted = useMemo(() => (sort ? sortRows(rows, sortColumn, sort.dir) : [...rows]), [rows, sortColumn, sort]);
  const windowed = sorted.length > windowAbove;

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setViewport(el.clientHeight > 0 ? el.clientHeight : 800);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // A changed filter or sort can leave the window past the end of the rows.
  useEffect(() => {
    const el = scroller.current;
    if (el && windowed && scrollTop > sorted.length * rowHeight) {
      el.scrollTop = 0;
      setScrollTop(0);
    }
  }, [sorted.length, rowHeight, scrollTop, windowed]);

  const first = windowed ? Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN) : 0;
  const last = windowed ? Math.min(sorted.length, Math.ceil((scrollTop + viewport) / rowHeight) + OVERSCAN) : sorted.length;
  const visible = sorted.slice(first, last);

  const selectedIndex = useMemo(() => (selectedKey == null ? -1 : sorted.findIndex((r) => rowKey(r) === selectedKey)), [sorted, selectedKey, rowKey]);
  // Roving tab stop: the focused row, else the selected one, else the first.
  const tabStop = focusIndex !== null && focusIndex < sorted.length ? focusIndex : selectedIndex >= 0 ? selectedIndex : 0;

  const focusRow = useCallback(
    (index: number) => {
      const el = scroller.current;
      if (!el || sorted.length === 0) return;
      const i = Math.max(0, Math.min(sorted.length - 1, index));
      if (windowed) {
        const header = el.querySelector('thead')?.getBoundingClientRect().height ?? rowHeight;
        const top = i * rowHeight;
        if (top < el.scrollTop) el.scrollTop = top;
        else if (top + rowHeight > el.scrollTop + el.clientHeight - header) el.scrollTop = top + rowHeight - el.clientHeight + header;
        setScrollTop(el.scrollTop);
      }
      pendingFocus.current = i;
      setFocusIndex(i);
    },
    [sorted.length, windowed, rowHeight],
  );

  useEffect(() => {
    const i = pendingFocus.current;
    if (i === null) return;
    const row = scroller.current?.querySelector<HTMLElement>(`tr[data-row-index="${i}"]`);
    if (row) {
      pendingFocus.current = null;
      row.focus({ preventScroll: windowed });
    }
  });

  // A row selected from elsewhere (e.g. a person opened from the Overview) is scrolled into view.
  useEffect(() => {
    const el = scroller.current;
    if (!el || selectedIndex < 0) return;
    if (windowed) {
      const top = selectedIndex * rowHeight;
      if (top < el.scrollTop || top + rowHeight > el.scrollTop + el.clientHeight - rowHeight) {
        el.scrollTop = Math.max(0, top - el.clientHeight / 3);
        setScrollTop(el.scrollTop);
      }
    } else {
      el.querySelector<HTMLElement>(`tr[data-row-index="${selectedIndex}"]`)?.scrollIntoView?.({ block: 'nearest' });
    }
    // Only when the selection changes, not on every re-sort.
  }, [selectedKey]);

  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, index: number, row: T) => {
    if (e.target !== e.currentTarget) return; // keys inside cells (buttons, inputs) are theirs
    const page = Math.max(1, Math.floor(viewport / rowHeight) - 1);
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: sorted.length - 1, PageDown: index + page, PageUp: index - page };
    if (e.key in moves) {
      e.preventDefault();
      focusRow(moves[e.key]);
    } else if ((e.key === 'Enter' || e.key === ' ') && onActivate) {
      e.preventDefault();
      onActivate(row);
    }
  };

  const headerClick = (c: Column<T>) => {
    if (!c.sortValue) return;
    if (sort?.key === c.key) onSortChange({ key: c.key, dir: sort.dir === 'ascending' ? 'descending' : 'ascending' });
    else onSortChange({ key: c.key, dir: c.numeric ? 'descending' : 'ascending' });
  };

  return (
    <div
      ref={scroller}
      className={`table-scroll${className ? ` ${className}` : ''}`}
      onScroll={windowed ? (e) => setScrollTop(e.currentTarget.scrollTop) : undefined}
      style={{ ['--row-h' as string]: `${rowHeight}px` }}
    >
      <table className={`table-sortable${onActivate ? ' selectable' : ''}`} aria-label={label} data-testid={testId} aria-rowcount={windowed ? sorted.length + 1 : undefined}>
        <colgroup>
          {columns.map((c) => (
            <col key={c.key} style={c.width ? { width: c.width } : undefined} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={windowed ? 1 : undefined}>
            {columns.map((c) => {
              const sorted = sort?.key === c.key ? sort.dir : undefined;
              return (
                <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined} aria-sort={sorted} title={c.title}>
                  {c.sortValue ? (
                    <button type="button" className="table-sort" onClick={() => headerClick(c)}>
                      <span>{c.label}</span>
                      <span className="table-sort-arrow" aria-hidden="true">{sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : '↕'}</span>
                    </button>
                  ) : (
                    c.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {windowed && first > 0 && (
            <tr aria-hidden="true" className="table-spacer" style={{ height: first * rowHeight }}>
              <td colSpan={columns.length} />
            </tr>
          )}
          {visible.map((row, j) => {
            const index = first + j;
            const key = rowKey(row);
            const selected = selectedKey != null && key === selectedKey;
            return (
              <tr
                key={key}
                data-testid={rowTestId?.(row)}
                data-row-index={index}
                aria-rowindex={windowed ? index + 2 : undefined}
                aria-selected={onActivate ? selected : undefined}
                className={selected ? 'selected' : undefined}
                tabIndex={onActivate ? (index === tabStop ? 0 : -1) : undefined}
                onClick={onActivate ? () => { setFocusIndex(index); onActivate(row); } : undefined}
                onKeyDown={onActivate ? (e) => onRowKey(e, index, row) : undefined}
                onFocus={onActivate ? (e) => e.target === e.currentTarget && setFocusIndex(index) : undefined}
              >
                {columns.map((c) => (
                  <td key={c.key} className={[c.numeric ? 'num' : '', c.className ?? ''].join(' ').trim() || undefined} data-testid={c.testId} data-value={c.cellValue?.(row) ?? undefined} title={c.cellTitle?.(row)}>
                    {c.render(row)}
                  </td>
                ))}
              </tr>
            );
          })}
          {windowed && last < sorted.length && (
            <tr aria-hidden="true" className="table-spacer" style={{ height: (sorted.length - last) * rowHeight }}>
              <td colSpan={columns.length} />
            </tr>
          )}
          {sorted.length === 0 && (
            <tr className="table-empty">
              <td colSpan={columns.length}>{empty ?? 'Nothing to show.'}</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
