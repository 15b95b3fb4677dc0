/**
 * The grammar of a task name, as far as suggest.ts needs it: where its clauses are, where each
 * clause's complement ("for the strategy retreat") begins, and which word is the action (a
 * leading verb, or an action noun at the end: "grievance filing") and which words may hold what
 * the action is done to (the head noun and its modifiers).
 */
import { FILLER, inflections } from './phrases';

/** One clause of a task name, in token positions (end exclusive). */
export interface Clause {
  start: number;
  /** Where the clause's complement begins ("for …", "of …", "at …"); `end` when there is none. */
  coreEnd: number;
  end: number;
  /** The action's position: a leading verb, or an action noun heading a compound; null when neither. */
  action: number | null;
  /** Positions that may hold what the action is done to (or the head of a plain noun phrase), nearest the head first. */
  object: number[];
}

/** Words that join clauses: each side is its own piece of work ("Scan and file invoices"). */
const CLAUSE_JOINS = new Set(['and', 'or', 'plus', 'then']);

/** Prepositions that open a complement: what follows is context (purpose, place, occasion, recipient). */
const COMPLEMENT_STARTS = new Set([
  'for', 'of', 'at', 'with', 'during', 'from', 'in', 'on', 'about', 'to', 'by', 'before', 'after', 'into', 'per', 'via',
  'across', 'around', 'including', 'against', 'between', 'among', 'through', 'within', 'throughout', 'towards', 'toward',
  'regarding', 'concerning', 're',
]);

/** Particles after a verb ("set up", "take out"): never a head noun. */
const PARTICLES = new Set(['up', 'out', 'off', 'down', 'away', 'back', 'over']);

/**
 * Verbs that begin task names. A first word that is one of these (or its -s/-ing/-ed form) is the
 * action; one that is not is read as a modifier ("Budget figure entry", "Board meeting minutes").
 * Words as often nouns as verbs at the start of a name (budget, staff, programme, volunteer,
 * produce) are deliberately absent.
 */
const VERBS = [
  'accompany', 'add', 'advise', 'advocate', 'allocate', 'analyse', 'analyze', 'answer', 'apply', 'approve', 'arrange', 'assemble',
  'assess', 'assign', 'assist', 'attend', 'audit', 'authorise', 'authorize', 'bake', 'balance', 'bargain', 'bill', 'book', 'brief',
  'build', 'buy', 'calculate', 'call', 'canvass', 'carry', 'chair', 'chase', 'check', 'choose', 'clean', 'clear', 'close', 'coach',
  'archive', 'cater', 'collate', 'collect', 'compile', 'complete', 'conduct', 'confirm', 'consult', 'contact', 'cook', 'coordinate', 'copy', 'count',
  'counsel', 'create', 'cut', 'decide', 'define', 'deliver', 'design', 'develop', 'direct', 'discipline', 'dismiss', 'dispatch',
  'distribute', 'do', 'draft', 'drive', 'dust', 'edit', 'email', 'empty', 'enter', 'evaluate', 'facilitate', 'fetch', 'file', 'fill',
  'fire', 'fix', 'fold', 'format', 'follow', 'gather', 'greet', 'guard', 'handle', 'hire', 'host', 'input', 'inspect', 'install', 'interview',
  'invoice', 'keep', 'knock', 'label', 'launch', 'lead', 'liaise', 'lift', 'load', 'lobby', 'lock', 'log', 'mail', 'maintain', 'make',
  'manage', 'map', 'mediate', 'meet', 'mentor', 'merge', 'moderate', 'monitor', 'mop', 'move', 'negotiate', 'onboard', 'open', 'order',
  'organise', 'organize', 'oversee', 'pack', 'paint', 'pay', 'phone', 'photocopy', 'photograph', 'pick', 'picket', 'plan', 'post',
  'prepare', 'present', 'print', 'process', 'proofread', 'provide', 'publish', 'purchase', 'put', 'raise', 'read', 'receive',
  'reconcile', 'record', 'recruit', 'register', 'reimburse', 'renew', 'repair', 'reply', 'report', 'represent', 'research', 'reset',
  'respond', 'restock', 'review', 'run', 'schedule', 'scan', 'send', 'serve', 'set', 'shelve', 'shovel', 'shred', 'sign', 'sort',
  'speak', 'stack', 'stock', 'stuff', 'submit', 'supervise', 'support', 'sweep', 'take', 'talk', 'teach', 'test', 'testify', 'thank',
  'tidy', 'track', 'train', 'transcribe', 'translate', 'transport', 'troubleshoot', 'type', 'unload', 'unlock', 'update', 'vacuum',
  'visit', 'wash', 'welcome', 'wipe', 'write',
];
const VERB_FORMS: ReadonlySet<string> = new Set([...VERBS.flatMap(inflections), 'wrote', 'written', 'ran', 'took', 'made', 'kept', 'led', 'bought', 'drove']);

/** A known verb or one of its forms. */
export const isVerbForm = (w: string) => VERB_FORMS.has(w);

/**
 * Verbs that are as often nouns: before an action noun they modify it ("Canvass shift
 * supervision", "Report writing"), unless a determiner follows ("Check the deliveries").
 */
const NOUN_VERBS = new Set([
  'archive', 'audit', 'bill', 'book', 'call', 'canvass', 'chair', 'check', 'copy', 'count', 'cut', 'design', 'email', 'file', 'fire', 'format', 'interview',
  'invoice', 'label', 'lead', 'load', 'lobby', 'log', 'mail', 'map', 'order', 'phone', 'picket', 'plan', 'post', 'print', 'process',
  'purchase', 'record', 'repair', 'report', 'research', 'review', 'schedule', 'set', 'sort', 'stock', 'support', 'talk', 'test', 'type',
  'update', 'visit', 'welcome', 'wash',
]);

/** Gerunds that are everyday nouns: "Building maintenance" is not building anything. */
const ING_NOUNS = new Set(['building', 'buildings', 'meeting', 'meetings', 'housing', 'evening', 'evenings', 'morning', 'mornings', 'ceiling', 'clothing', 'funding', 'warning', 'wedding', 'thing', 'things', 'nothing', 'something', 'everything', 'anything']);
/** -ment words that are things, not actions. */
const MENT_NOUNS = new Set(['equipment', 'department', 'departments', 'apartment', 'apartments', 'document', 'documents', 'government', 'environment', 'element', 'elements', 'instrument', 'instruments', 'statement', 'statements', 'moment', 'comment', 'comments', 'agreement', 'agreements']);
/** Things with an action's ending: "Admin, finance" names two areas, not an act of financing. */
const THING_NOUNS = new Set([
  'finance', 'finances', 'insurance', 'ambulance', 'allowance', 'allowances', 'distance', 'entrance', 'instance', 'substance', 'alliance',
  'grievance', 'grievances', 'ordinance', 'nuisance', 'conference', 'conferences', 'audience', 'evidence', 'residence', 'licence',
  'sentence', 'experience', 'reference', 'references', 'science', 'difference', 'presence', 'absence', 'station', 'stations', 'nation',
  'information', 'question', 'questions', 'position', 'organization', 'organisation', 'association', 'foundation', 'institution',
  'population', 'location', 'locations', 'section', 'portion', 'petition', 'petitions', 'condition', 'conditions', 'edition', 'function',
  'option', 'options', 'pension', 'pensions', 'mission', 'commission', 'session', 'sessions', 'television', 'division', 'version',
  'vision', 'occasion', 'legislation', 'regulation', 'regulations', 'donation', 'donations', 'application', 'applications',
]);
/** Action nouns without a telltale ending. */
const PLAIN_ACTION_NOUNS = new Set([
  'entry', 'entries', 'review', 'reviews', 'repair', 'repairs', 'research', 'hire', 'design', 'check', 'checks', 'audit', 'support',
  'care', 'control', 'help', 'setup', 'cleanup', 'teardown', 'pickup', 'upkeep', 'outreach', 'work', 'intake', 'triage', 'oversight',
  'advocacy', 'count', 'prep', 'visit', 'visits', 'call', 'calls', 'approval', 'approvals', 'dismissal', 'renewal', 'renewals',
  'removal', 'disposal', 'referral', 'referrals', 'analysis', 'delivery', 'deliveries', 'recovery', 'cover',
]);
/**
 * Things a gerund at the start can be *for*: "Onboarding paperwork" is paperwork, "Meeting
 * minutes" are minutes, "Cleaning supplies" are supplies — the gerund is then a modifier, not the verb.
 */
const RESULT_NOUNS = new Set([
  'paperwork', 'minutes', 'notes', 'material', 'materials', 'supplies', 'form', 'forms', 'figures', 'file', 'files', 'record', 'records',
  'document', 'documents', 'paper', 'papers', 'pack', 'packs', 'packet', 'packets', 'kit', 'kits', 'equipment', 'log', 'logs',
  'sheet', 'sheets', 'list', 'lists', 'agenda', 'agendas', 'cabinet', 'cabinets', 'room', 'rooms', 'space', 'area', 'schedule', 'schedules',
  'rota', 'rotas', 'budget', 'report', 'reports', 'plan', 'plans', 'manual', 'handbook', 'guide', 'checklist', 'checklists', 'template', 'templates',
]);

/** Plural action nouns without a telltale ending: things done that can be scheduled, booked, checked. */
const PLURAL_PLAIN_ACTIONS = new Set([...PLAIN_ACTION_NOUNS].filter((w) => w.endsWith('s') && !w.endsWith('ss') && w !== 'analysis'));

export function isActionNoun(word: string): boolean {
  if (PLAIN_ACTION_NOUNS.has(word)) return true;
  if (THING_NOUNS.has(word)) return false;
  if (word.endsWith('ing')) return word.length >= 5 && !ING_NOUNS.has(word);
  if (/ments?$/.test(word)) return !MENT_NOUNS.has(word);
  return /(tions?|sions?|ances?|ences?|ysis)$/.test(word);
}

const isNumber = (w: string) => /^\d+$/.test(w);
/** Words that can be neither the verb nor the head noun. */
const isContent = (w: string) => !FILLER.has(w) && !PARTICLES.has(w) && !COMPLEMENT_STARTS.has(w) && !CLAUSE_JOINS.has(w) && !isNumber(w);

/**
 * The first word is the verb: a known verb, unless it is a gerund describing what a result noun
 * is for ("Onboarding paperwork"), or a noun-like verb modifying an action noun ("Canvass shift supervision").
 */
function leadsWithVerb(first: string, next: string, head: string): boolean {
  if (!VERB_FORMS.has(first)) return false;
  // A gerund before a result noun or an action noun says what that is for: "Hiring committee notetaking".
  if (first.endsWith('ing') && (RESULT_NOUNS.has(head) || isActionNoun(head))) return false;
  // A plural plain action noun is a count of things done, the verb's object: "Schedule lobbying visits".
  return !(NOUN_VERBS.has(first) && isActionNoun(head) && !PLURAL_PLAIN_ACTIONS.has(head) && !FILLER.has(next));
}

/** One clause's shape from its tokens [start, end). */
export function shapeClause(tokens: string[], start: number, end: number): Clause {
  let coreEnd = end;
  for (let i = start + 1; i < end; i++) {
    // "all of the toilets": after a quantifier, "of" leads to the object, not to context.
    if (COMPLEMENT_STARTS.has(tokens[i]) && !(tokens[i] === 'of' && FILLER.has(tokens[i - 1]))) {
      coreEnd = i;
      break;
    }
  }
  const content: number[] = [];
  for (let i = start; i < coreEnd; i++) if (isContent(tokens[i])) content.push(i);
  if (content.length === 0) return { start, coreEnd, end, action: null, object: [] };
  const first = content[0];
  const head = content[content.length - 1];
  const nearestFirst = (ps: number[]) => [...ps].reverse();
  if (first === head) return { start, coreEnd, end, action: null, object: [head] };
  if (leadsWithVerb(tokens[first], tokens[first + 1], tokens[head])) return { start, coreEnd, end, action: first, object: nearestFirst(content.slice(1)) };
  if (isActionNoun(tokens[head])) return { start, coreEnd, end, action: head, object: nearestFirst(content.slice(0, -1)) };
  return { start, coreEnd, end, action: null, object: nearestFirst(content) };
}

/**
 * The clauses of a tokenized task name, split at "and", "or", "plus", "then" and at `breaks`
 * (token positions that begin a new piece, e.g. after a comma or slash).
 */
export function clausesOf(tokens: string[], breaks: ReadonlySet<number> = new Set()): Clause[] {
  const clauses: Clause[] = [];
  let start = 0;
  for (let i = 0; i <= tokens.length; i++) {
    if (i > start && breaks.has(i)) {
      clauses.push(shapeClause(tokens, start, i));
      start = i;
    }
    if (i === tokens.length || CLAUSE_JOINS.has(tokens[i])) {
      if (i > start) clauses.push(shapeClause(tokens, start, i));
      start = i + 1;
    }
  }
  return clauses;
}

/** Token positions where a new piece of a name begins after a comma, semicolon, slash, plus or bar ("Reception/phones"). */
export function pieceBreaks(text: string, tokenize: (t: string) => string[]): Set<number> {
  const breaks = new Set<number>();
  let at = 0;
  for (const piece of text.split(/[,;/+|]/)) {
    at += tokenize(piece).length;
    breaks.add(at);
  }
  return breaks;
}
