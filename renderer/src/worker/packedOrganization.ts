/**
 * Organizations cross the worker boundary packed: assignments (tens of thousands of small objects,
 * each repeating two id strings) travel as typed arrays of indexes into the people and tasks, and
 * are rebuilt on the other side. A plain copy of 24,000 assignments costs the UI thread ~40 ms; the
 * packed form, a few. EngineClient and the worker apply this to the job fields that hold one.
 */
import type { Organization } from '../engine/model/types';
import type { EngineJobs, JobKind } from './protocol';

export interface PackedOrganization {
  packed: 'organization/v1';
  people: Organization['people'];
  tasks: Organization['tasks'];
  scale: Organization['scale'];
  hoursPerFte: number;
  person: Int32Array;
  task: Int32Array;
  hours: Float64Array;
  locked: Uint8Array;
}

function isPacked(value: unknown): value is PackedOrganization {
  return typeof value === 'object' && value !== null && (value as { packed?: unknown }).packed === 'organization/v1';
}

/** The packed form, or the organization itself when an assignment names someone or something unknown. */
export function packOrganization(org: Organization): PackedOrganization | Organization {
  const personAt = new Map(org.people.map((p, i) => [p.id, i]));
  const taskAt = new Map(org.tasks.map((t, i) => [t.id, i]));
  const n = org.assignments.length;
  const person = new Int32Array(n);
  const task = new Int32Array(n);
  const hours = new Float64Array(n);
  const locked = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const a = org.assignments[i];
    const p = personAt.get(a.personId);
    const t = taskAt.get(a.taskId);
    if (p === undefined || t === undefined) return org;
    person[i] = p;
    task[i] = t;
    hours[i] = a.hours;
    locked[i] = a.locked ? 1 : 0;
  }
  return { packed: 'organization/v1', people: org.people, tasks: org.tasks, scale: org.scale, hoursPerFte: org.hoursPerFte, person, task, hours, locked };
}

export function unpackOrganization(value: PackedOrganization | Organization): Organization {
  if (!isPacked(value)) return value;
  const { people, tasks, person, task, hours, locked } = value;
  const assignments: Organization['assignments'] = new Array(person.length);
  for (let i = 0; i < person.length; i++) {
    assignments[i] = { personId: people[person[i]].id, taskId: tasks[task[i]].id, hours: hours[i], locked: locked[i] === 1 };
  }
  return { people, tasks, assignments, scale: value.scale, hoursPerFte: value.hoursPerFte };
}

function buffers(value: PackedOrganization | Organization): ArrayBuffer[] {
  return isPacked(value) ? [value.person.buffer, value.task.buffer, value.hours.buffer, value.locked.buffer] as ArrayBuffer[] : [];
}

type WithOrg = { organization: Organization | PackedOrganization | null };

/** Where each job's arguments hold an organization. */
function argsOrg(kind: JobKind, args: unknown): WithOrg | null {
  if (kind === 'propose' || kind === 'reportHtml') return args as WithOrg;
  if (kind === 'audit') {
    const input = (args as EngineJobs['audit']['args']).input;
    return 'organization' in input ? (input as WithOrg) : null;
  }
  return null;
}

/** Where each job's result holds an organization. */
function resultOrg(kind: JobKind, result: unknown): WithOrg | null {
  return kind === 'import' ? (result as WithOrg) : null;
}

function packAt<T>(value: T, at: (v: T) => WithOrg | null, path: 'input' | null): { value: T; transfer: ArrayBuffer[] } {
  const holder = at(value);
  if (!holder?.organization) return { value, transfer: [] };
  const organization = packOrganization(unpackOrganization(holder.organization));
  const repacked = { ...holder, organization };
  const out = path === 'input' ? { ...value, input: repacked } : repacked;
  return { value: out as T, transfer: buffers(organization) };
}

function unpackAt<T>(value: T, at: (v: T) => WithOrg | null, path: 'input' | null): T {
  const holder = at(value);
  if (!holder?.organization || !isPacked(holder.organization)) return value;
  const repacked = { ...holder, organization: unpackOrganization(holder.organization) };
  return (path === 'input' ? { ...value, input: repacked } : repacked) as T;
}

export function packArgs<K extends JobKind>(kind: K, args: EngineJobs[K]['args']): { value: EngineJobs[K]['args']; transfer: ArrayBuffer[] } {
  return packAt(args, (a) => argsOrg(kind, a), kind === 'audit' ? 'input' : null);
}

export function unpackArgs<K extends JobKind>(kind: K, args: EngineJobs[K]['args']): EngineJobs[K]['args'] {
  return unpackAt(args, (a) => argsOrg(kind, a), kind === 'audit' ? 'input' : null);
}

export function packResult(kind: JobKind, result: unknown): { value: unknown; transfer: ArrayBuffer[] } {
  return packAt(result, (r) => resultOrg(kind, r), null);
}

export function unpackResult(kind: JobKind, result: unknown): unknown {
  return unpackAt(result, (r) => resultOrg(kind, r), null);
}
