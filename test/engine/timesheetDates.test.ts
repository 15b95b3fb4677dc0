// Dates, durations and time-off labels as time-tracking exports write them (engine/import/timesheetDates.ts, nonWork.ts).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dayFromIso, isoDate, mondayOf, readDate, readDuration, slashedDay, sundayOf, weekday } from '../../renderer/src/engine/import/timesheetDates';
import { isNonWorkLabel } from '../../renderer/src/engine/import/nonWork';

function day(text: string | number): string | null {
  const r = readDate(text);
  return r && 'day' in r ? isoDate(r.day) : null;
}

describe('readDate', () => {
  it('reads ISO dates, with or without a time, and refuses impossible ones', () => {
    expect(day('2026-10-05')).toBe('2026-10-05');
    expect(day('2026-10-05 09:15:00')).toBe('2026-10-05');
    expect(day('2026-10-05T09:15:00Z')).toBe('2026-10-05');
    expect(day('2026-02-29')).toBeNull();
    expect(day('2028-02-29')).toBe('2028-02-29');
    expect(day('2026-13-01')).toBeNull();
  });

  it('reads dotted dates as day.month.year and month names either way round', () => {
    expect(day('05.10.2026')).toBe('2026-10-05');
    expect(day('5 Oct 2026')).toBe('2026-10-05');
    expect(day('05-Oct-26')).toBe('2026-10-05');
    expect(day('October 5, 2026')).toBe('2026-10-05');
    expect(day('Mon, Oct 5, 2026')).toBe('2026-10-05');
  });

  it('leaves the order of slashed dates to the column, and reads either order on request', () => {
    const r = readDate('03/04/2026');
    expect(r && 'slashed' in r ? r.slashed : null).toEqual({ a: 3, b: 4, y: 2026 });
    const s = { a: 3, b: 4, y: 2026 };
    expect(isoDate(slashedDay(s, 'mdy')!)).toBe('2026-03-04');
    expect(isoDate(slashedDay(s, 'dmy')!)).toBe('2026-04-03');
    expect(slashedDay({ a: 31, b: 2, y: 2026 }, 'dmy')).toBeNull();
    expect(readDate('10/05/2026 09:00:00 AM')).toEqual({ slashed: { a: 10, b: 5, y: 2026 } });
  });

  it('reads spreadsheet serial numbers in the range of real dates only', () => {
    expect(day(46300)).toBe('2026-10-05');
    expect(day(46300.75)).toBe('2026-10-05');
    expect(day(8)).toBeNull();
    expect(day(1e9)).toBeNull();
  });

  it('reads nothing from text that is not a date', () => {
    for (const t of ['', 'yesterday', '2026', '10/2026', '45/45/2026', 'Oct 2026']) expect(readDate(t)).toBeNull();
  });
});

describe('weeks', () => {
  it('runs Monday to Sunday', () => {
    const sunday = dayFromIso('2026-10-11')!;
    expect(weekday(sunday)).toBe(6);
    expect(isoDate(mondayOf(sunday))).toBe('2026-10-05');
    expect(isoDate(sundayOf(dayFromIso('2026-10-05')!))).toBe('2026-10-11');
    expect(isoDate(mondayOf(dayFromIso('2026-10-12')!))).toBe('2026-10-12');
  });

  it('gives every day a Monday at most six days before it and a Sunday six days after that Monday', () => {
    fc.assert(fc.property(fc.integer({ min: -25_000, max: 80_000 }), (d) => {
      const m = mondayOf(d);
      expect(d - m).toBeGreaterThanOrEqual(0);
      expect(d - m).toBeLessThan(7);
      expect(weekday(m)).toBe(0);
      expect(sundayOf(d) - m).toBe(6);
      expect(dayFromIso(isoDate(d))).toBe(d);
    }));
  });
});

describe('readDuration', () => {
  it('reads decimal hours and clock durations', () => {
    expect(readDuration(1.5, false)).toBe(1.5);
    expect(readDuration('1.50', false)).toBe(1.5);
    expect(readDuration('1,5', true)).toBe(1.5);
    expect(readDuration('01:30:00', false)).toBe(1.5);
    expect(readDuration('1:30', false)).toBe(1.5);
    expect(readDuration('26:15:00', false)).toBe(26.25);
    expect(readDuration('00:00:36', false)).toBeCloseTo(0.01, 10);
    expect(readDuration('1h 30m', false)).toBe(1.5);
    expect(readDuration('45m', false)).toBe(0.75);
    expect(readDuration('2 hours', false)).toBe(2);
  });

  it('refuses negatives, text and thousands', () => {
    for (const t of ['-1', 'lots', '1:75', '1,500', '', 'h']) expect(readDuration(t, false)).toBeNull();
    expect(readDuration(-2, false)).toBeNull();
    expect(readDuration(Number.NaN, false)).toBeNull();
  });
});

describe('isNonWorkLabel', () => {
  it('recognizes time off however it is nested or named', () => {
    for (const t of ['Time off', 'Time Off', 'PTO', 'Holiday', 'Public holidays', 'Sick', 'Sick leave', 'Vacation', 'Annual leave', 'Internal / Time off', 'Leave - Sick', 'Admin: Holiday', 'Out of office']) {
      expect(isNonWorkLabel(t), t).toBe(true);
    }
  });

  it('leaves work that merely mentions such words alone', () => {
    for (const t of ['Leave request processing', 'Holiday party planning', 'Sick pay administration', 'Vacation scheduling', 'Payroll', 'Time tracking']) {
      expect(isNonWorkLabel(t), t).toBe(false);
    }
  });
});

describe('exports written in German, French or Spanish', () => {
  it('reads a Clockify export with German headers: date, user, group as role, decimal duration, time off', async () => {
    const { importOrganization } = await import('../../renderer/src/engine/import');
    const csv = [
      'Projekt;Beschreibung;Aufgabe;Benutzer;Gruppe;Startdatum;Dauer (h);Dauer (dezimal)',
      'Beratung;Telefon;Mieterberatung;Anna Weber;Beraterin;05.10.2026;02:30:00;2,50',
      'Beratung;Telefon;Mieterberatung;Anna Weber;Beraterin;12.10.2026;01:30:00;1,50',
      'Abwesenheit;;Urlaub;Anna Weber;Beraterin;13.10.2026;08:00:00;8,00',
    ].join('\n');
    const r = importOrganization(new TextEncoder().encode(csv), 'clockify-de.csv');
    expect(r.layout.layout).toBe('timesheet');
    expect(r.organization!.people.map((p) => [p.name, p.role])).toEqual([['Anna Weber', 'Beraterin']]);
    expect(r.organization!.assignments).toEqual([expect.objectContaining({ hours: 2 })]);
    expect(r.timesheet!.nonWork).toMatchObject({ entries: 1, hours: 8 });
  });

  it('recognizes time off in those languages, accents or not', () => {
    for (const t of ['Urlaub', 'Krankheit', 'Feiertag', 'Congés payés', 'Maladie', 'Jour férié', 'Vacaciones', 'Enfermedad']) expect(isNonWorkLabel(t), t).toBe(true);
    for (const t of ['Urlaubsplanung', 'Congrès', 'Baja de socios tramitada']) expect(isNonWorkLabel(t), t).toBe(false);
  });
});
