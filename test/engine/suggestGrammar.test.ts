/**
 * The grammar suggest.ts reads task names with (rating/grammar.ts): clauses, complements, the
 * action and the object — the words that decide a suggestion (issue 11).
 */
import { describe, expect, it } from 'vitest';
import { clausesOf, isActionNoun, pieceBreaks } from '../../renderer/src/engine/rating/grammar';
import { tokenize } from '../../renderer/src/engine/rating/phrases';

/** The clause shapes of a name, as words: action, object (nearest the head first) and complement. */
function shape(name: string) {
  const tokens = tokenize(name);
  return clausesOf(tokens, pieceBreaks(name, tokenize)).map((c) => ({
    action: c.action === null ? null : tokens[c.action],
    object: c.object.map((p) => tokens[p]),
    complement: tokens.slice(c.coreEnd, c.end).join(' '),
  }));
}

describe('grammar of task names', () => {
  it('a leading verb is the action, the last word of the core its object, a preposition opens the complement', () => {
    expect(shape('Set up chairs for strategy retreat')).toEqual([{ action: 'set', object: ['chairs'], complement: 'for strategy retreat' }]);
    expect(shape('Enter budget figures')).toEqual([{ action: 'enter', object: ['figures', 'budget'], complement: '' }]);
  });

  it('a compound ending in an action noun reads like its verb form', () => {
    expect(shape('Grievance filing')).toEqual([{ action: 'filing', object: ['grievance'], complement: '' }]);
    expect(shape('Budget figure entry')).toEqual([{ action: 'entry', object: ['figure', 'budget'], complement: '' }]);
    expect(shape('Strategy session notetaking')).toEqual([{ action: 'notetaking', object: ['session', 'strategy'], complement: '' }]);
  });

  it('a noun-like verb before an action noun is a modifier unless a determiner follows', () => {
    expect(shape('Canvass shift supervision')[0].action).toBe('supervision');
    expect(shape('Check the deliveries')[0].action).toBe('check');
    expect(shape('Coordinate volunteer phone banking')[0].action).toBe('coordinate');
  });

  it('a gerund before a result noun is what the thing is for, not the verb', () => {
    expect(shape('Onboarding paperwork')).toEqual([{ action: null, object: ['paperwork', 'onboarding'], complement: '' }]);
    expect(shape('Filing grievances')[0].action).toBe('filing');
  });

  it('a plain noun phrase has no action: its head comes first', () => {
    expect(shape('Executive director duties')).toEqual([{ action: null, object: ['duties', 'director', 'executive'], complement: '' }]);
  });

  it('"of" after a quantifier leads to the object, not to a complement', () => {
    expect(shape('Clean all of the new toilets')[0]).toEqual({ action: 'clean', object: ['toilets'], complement: '' });
    expect(shape('Minutes of the board meeting')[0].complement).toBe('of the board meeting');
  });

  it('clauses split at "and", "or", commas and slashes', () => {
    expect(shape('Scan and file invoices').map((c) => c.object[0])).toEqual(['scan', 'invoices']);
    expect(shape('Reception/phones, mail').map((c) => c.object[0])).toEqual(['reception', 'phones', 'mail']);
  });

  it('action nouns: gerunds and nominalizations, but not things with the same ending', () => {
    for (const w of ['filing', 'coordination', 'supervision', 'management', 'maintenance', 'analysis', 'entry', 'review']) expect(isActionNoun(w), w).toBe(true);
    for (const w of ['meeting', 'building', 'equipment', 'finance', 'grievances', 'session', 'duties', 'chairs']) expect(isActionNoun(w), w).toBe(false);
  });
});
