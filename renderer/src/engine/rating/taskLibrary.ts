/**
 * The built-in task library: keywords and phrases that give an unrated task a *suggested*
 * empowerment E and desirability D (DESIGN.md §1 "Who rates": suggestions are priors with their
 * provenance shown, never the members' rating). suggest.ts does the matching; this file is data.
 *
 * Values are normalized 0–1 (0.9 ≈ 18 on the 1–20 scale, 0.2 ≈ 5). E and D are independent: a
 * task can be empowering and unpleasant (firing someone) or rote and pleasant (making coffee).
 * Rough bands for E: strategy and decisions 0.85–0.95; oversight, representation and
 * negotiation 0.75–0.9; skilled content work 0.5–0.7; administration 0.1–0.3; cleaning and
 * maintenance 0.05–0.15. These are our defaults, meant to be argued with and edited.
 *
 * Pattern syntax — each entry has one or more alternative phrases; a phrase is lowercase words
 * separated by single spaces, matched against the task name's words (case-insensitive, accents
 * and apostrophes ignored; "&" reads as "and"; hyphens and slashes split words, so
 * "co-ordinate" is the two words "co ordinate" and "on-call" is "on call"):
 *   word    the word and its regular inflections: +s, +es, +ing, +ed, e-dropping (manage →
 *           managing, managed), y → ies/ied (tidy → tidies), doubled final consonant (plan →
 *           planning, set → setting). Agent nouns are NOT inflections: "hire" does not match
 *           "hirer", "canvass" does not match "canvassers" (so "Supervise canvassers" is
 *           supervision, not canvassing); list them explicitly when wanted ("cleaner*").
 *   word*   any word beginning with it (supervis* → supervise, supervision, supervisor).
 *           Matching is on word starts only, so "chair" never matches inside "wheelchair".
 *   =word   that exact word only ("=chair" matches "chair" but not "chairs", which are
 *           usually furniture).
 * Between the words of a phrase up to three filler words (the, a, an, of, our, all, …) may
 * appear: "clean toilet*" matches "Cleaning all of the toilets".
 *
 * Kinds (how suggest.ts combines several matches):
 *   activity   (default) the work itself.
 *   oversight  work about other work: supervising, managing, coordinating, leading, planning,
 *              training others, hiring, chairing and facilitating. When one is the action, the overseen activities rated less
 *              empowering than it do not count ("Supervise canvassing" is supervision); as an
 *              object or modifier it oversees nothing ("Hiring committee notetaking").
 *   condition  circumstances, not content: night shift, weekend, hazard, heavy lifting, bad
 *              weather. They carry only a desirability (E is null) and always count.
 */

export type TaskLibraryKind = 'activity' | 'oversight' | 'condition';

export interface TaskLibraryEntry {
  /** Alternative phrases (see the syntax above); any one matching counts as the entry matching. */
  pattern: readonly string[];
  /** Suggested empowerment, normalized 0–1, or null for no opinion. */
  empowerment: number | null;
  /** Suggested desirability, normalized 0–1, or null for no opinion. */
  desirability: number | null;
  /** The phrase shown in the reason, e.g. `Suggested from "supervise" (task library)`. */
  label: string;
  /** Defaults to 'activity'. */
  kind?: TaskLibraryKind;
}

const act = (label: string, empowerment: number | null, desirability: number | null, ...pattern: string[]): TaskLibraryEntry => ({ label, empowerment, desirability, pattern });
const over = (label: string, empowerment: number, desirability: number | null, ...pattern: string[]): TaskLibraryEntry => ({ label, empowerment, desirability, pattern, kind: 'oversight' });
const cond = (label: string, desirability: number, ...pattern: string[]): TaskLibraryEntry => ({ label, empowerment: null, desirability, pattern, kind: 'condition' });

export const TASK_LIBRARY: readonly TaskLibraryEntry[] = [
  // ── Strategy, governance and decisions ─────────────────────────────────────────────────
  over('strategy', 0.92, 0.75, 'strateg*', 'environmental scan*', 'design* strateg*', 'strategy design*'),
  over('strategic planning', 0.95, 0.7, 'strategic plan*', 'strategic direction*', 'strategic review*'),
  act('long-term vision', 0.92, 0.75, 'visioning', 'vision statement*', 'mission statement*', 'theory of change', 'long term plan*', 'long range plan*'),
  act('board', 0.85, 0.55, '=board', '=boards', 'board meeting*', 'board of director*', 'board of trustee*', 'board report*', 'board paper*', 'board pack*', 'board member*', 'board relation*', 'trustee*', 'report to board*'),
  act('governance', 0.88, 0.5, 'governance', 'bylaw*', 'by law*', 'annual general meeting*', 'agm', 'agms', 'general assembl*', 'steering group*', 'steering committee*'),
  act('decision-making', 0.88, 0.6, 'decision*', 'decid*'),
  act('approvals and sign-off', 0.78, 0.5, 'approv*', 'sign off', 'signoff*', 'signing authority', 'sign cheque*', 'sign check*', 'authoris*', 'authoriz*'),
  act('setting priorities', 0.88, 0.65, 'priorit*'),
  act('budget', 0.85, 0.5, 'budget*'),
  act('financial planning', 0.88, 0.5, 'financial plan*', 'financial strateg*', 'financial oversight', 'finance committee*', 'cash flow*', 'cashflow*', 'forecast*', 'investment*', 'reserves polic*', 'audit committee*'),
  act('finance', 0.6, 0.45, 'financ*'),
  act('fundraising strategy', 0.88, 0.6, 'fundraising strateg*', 'fundraising plan*', 'development plan*', 'development strateg*', 'major gift*', 'major donor*', 'capital campaign*', 'donor strateg*'),
  act('fundraising', 0.6, 0.45, 'fundrais*', 'fund rais*', 'solicit', 'solicitation*', 'donor cultivation', 'cultivate donor*', 'donation drive*', 'fundraising drive*', 'food drive*'),
  act('choosing suppliers', 0.6, 0.5, 'vendor selection', 'select vendor*', 'select supplier*', 'choose supplier*', 'choose vendor*', 'choose contractor*', 'select contractor*', 'supplier selection', 'tender*', 'contract award*'),

  act('vendor and contractor liaison', 0.4, 0.4, 'vendor*', 'supplier*', 'contractor*', 'coordinat* vendor*', 'coordinat* supplier*', 'coordinat* contractor*', 'liaise with vendor*', 'liaise with supplier*', 'liaise with contractor*'),

  // ── People: hiring, firing, supervising, leading ───────────────────────────────────────
  over('hiring', 0.85, 0.55, 'hire', 'recruit staff', 'staff recruit*', 'interview candidate*', 'interview applicant*', 'job candidate*', 'job applicant*', 'job interview*', 'shortlist*', 'selection panel*', 'job description*', 'staffing decision*', 'headcount'),
  act('recruiting members and volunteers', 0.6, 0.5, 'recruit*', 'membership drive*', 'recruitment drive*'),
  act('firing and discipline', 0.9, 0.2, 'firing', 'fire staff', 'fire employee*', 'fire worker*', 'fire people', 'dismissal*', 'dismiss staff', 'dismiss employee*', 'dismiss worker*', 'dismiss volunteer*', 'disciplin*', 'layoff*', 'lay off*', 'laid off', 'redundanc*', 'terminate employ*', 'terminate staff', 'terminate contract*'),
  act('performance reviews', 0.8, 0.45, 'performance review*', 'performance apprais*', 'performance manag*', 'apprais*', 'staff review*', 'staff evaluation*'),
  over('supervise', 0.76, 0.55, 'supervis*', 'oversee*', 'oversaw', 'oversight', 'line manag*'),
  over('manage', 0.8, 0.55, 'manag*'),
  over('executive leadership', 0.93, 0.6, 'executive director*', '=ceo', '=coo', 'general secretary', 'chief executive*'),
  over('coordinate', 0.75, 0.6, 'coordinat*', 'co ordinat*'),
  over('lead', 0.82, 0.6, 'lead', 'team lead*', 'leadership', 'head of', 'direct the', 'direct staff', 'directing', '=director', '=directors', 'senior management', 'leadership team*', 'executive team*', 'senior team*'),
  over('train others', 0.68, 0.7, 'train', 'trainer*', 'mentor*', 'coach', 'coaching', 'onboard*', 'induction*', 'induct', 'orientation*'),
  act('professional development', 0.5, 0.65, 'attend* training*', 'receive training*', 'take training*', 'complete training*', 'professional development', 'continuing education', 'learning', 'skills development', 'cpd'),
  act('leadership development', 0.82, 0.75, 'leadership develop*', 'develop leader*', 'leadership training', 'leadership program*'),
  act('human resources', 0.55, 0.45, 'human resources', '=hr', 'personnel', 'people operations', 'staff welfare', 'employee relation*', 'staff relation*'),

  // ── Representation, negotiation, advocacy, media ───────────────────────────────────────
  act('negotiate', 0.92, 0.5, 'negotiat*', 'bargain*', 'collective agreement*', 'contract talks'),
  act('represent', 0.86, 0.6, 'represent*', 'ambassador*'),
  act('spokesperson', 0.88, 0.6, 'spokesperson*', 'spokesman', 'spokesmen', 'spokeswoman', 'spokeswomen', 'spokespeople', 'public speak*', 'speak', 'speak to media', 'speak to the press', 'speaking engagement*', 'keynote*', 'speech*', 'testify', 'testimony', 'press conference*', 'media interview*'),
  act('presentations', 0.65, 0.55, 'presentation*', 'present to', 'present at'),
  act('advocacy', 0.8, 0.65, 'advoca*'),
  act('lobbying', 0.86, 0.55, 'lobbying', 'lobbyist*', 'lobbied', 'lobby day*', 'lobby visit*', 'lobby meeting*', 'lobby council*', 'lobby government', 'lobby legislator*', 'lobby politician*', 'lobby mp', 'lobby mps'),
  act('policy', 0.8, 0.6, 'policy', 'public polic*', 'legislat*', 'white paper*', 'policy brief*', 'position paper*'),
  act('coalitions and partnerships', 0.82, 0.65, 'coalition*', 'alliance*', 'partnership*', 'stakeholder*', 'government relation*', 'external relation*', 'community relation*', 'public affair*'),
  act('media', 0.75, 0.6, 'media', 'media relation*', 'press relation*', 'journalist*', 'reporter*', 'talk to reporter*', 'talk to journalist*', 'talk to the press', 'talk to media', 'press enquir*', 'press inquir*', 'media enquir*', 'media inquir*'),
  act('press releases', 0.65, 0.55, 'press release*', 'news release*', 'media release*'),
  act('social media', 0.5, 0.6, 'social media', 'social media account*', 'facebook', 'instagram', 'twitter', 'tiktok', 'linkedin', 'social post*'),
  act('communications strategy', 0.86, 0.7, 'communications strateg*', 'comms strateg*', 'messaging', 'message development', 'narrative*', 'framing', 'brand strateg*', 'branding'),
  act('communications', 0.55, 0.6, 'communication*', 'comms'),

  // ── Organizing and campaigns ───────────────────────────────────────────────────────────
  act('organizing', 0.75, 0.6, 'organize', 'organise', 'organizer*', 'organiser*', 'base building', 'power map*', 'power analysis', 'one on one*', 'one to one*', 'house meeting*', 'worksite visit*', 'workplace visit*', 'mobiliz*', 'mobilis*'),
  act('organizing files and storage', 0.15, 0.4, 'organize file*', 'organise file*', 'organize paper*', 'organise paper*', 'organize storage', 'organise storage', 'organize cupboard*', 'organise cupboard*', 'organize closet*', 'organise closet*', 'organize supplies', 'organise supplies', 'organize shelves', 'organise shelves', 'organize stockroom*', 'organise stockroom*'),
  act('campaign planning', 0.9, 0.75, 'campaign plan*', 'campaign strateg*', 'plan campaign*', 'campaign design', 'design campaign*', 'campaign lead*'),
  act('campaigning', 0.7, 0.6, 'campaign*'),
  act('union steward work', 0.72, 0.5, 'steward', 'shop steward*', 'union steward*', 'chief steward*', 'union rep', 'union representative*', 'workplace rep', 'staff rep'),
  act('grievance handling', 0.7, 0.35, 'grievance*', 'file grievance*', 'disciplinary hearing*', 'member case*', 'union case*', 'unfair dismissal*'),
  act('actions and protests', 0.55, 0.6, 'rally', 'protest*', 'demonstration*', 'vigil*', 'direct action*', 'sit in', 'sit ins'),
  act('picket lines and strikes', 0.5, 0.35, 'picket*', 'strike*', 'walkout*'),
  act('outreach', 0.5, 0.55, 'outreach', 'community engagement', 'member engagement'),
  act('relationship building', 0.65, 0.6, 'networking', 'relationship*'),
  act('voter registration', 0.35, 0.45, 'voter regist*', 'registration drive*', 'register voters', 'get out the vote', 'gotv', 'voter turnout'),
  act('canvassing', 0.3, 0.3, 'canvass', 'canvas', 'street canvass*', 'voter contact'),
  act('door to door', 0.25, 0.25, 'door to door', 'door knock*', 'doorknock*', 'knock on doors', 'knock doors', 'doorstep*'),
  act('phone banking', 0.25, 0.2, 'phone bank*', 'phonebank*', 'call voters', 'calling list*', 'call list*', 'telemarket*', 'telephone fundrais*', 'phone fundrais*', 'donor calls', 'call donors', 'ring round', 'ringround*', 'phone round*', 'phone tree*', 'outbound calls'),
  act('cold calls', 0.2, 0.15, 'cold call*', 'cold outreach'),
  act('leafleting', 0.2, 0.35, 'leaflet*', 'flyer*', 'flier*', 'handbill*', 'poster*', 'flypost*', 'fly post*'),
  act('tabling and petitions', 0.3, 0.4, 'tabling', 'petition*', 'street stall*', 'info table*', 'information table*', 'clipboard*', 'collect signature*', 'gather signature*'),

  // ── Programmes, evaluation, planning ───────────────────────────────────────────────────
  act('programme design', 0.85, 0.75, 'program* design*', 'design program*', 'program* develop*', 'curricul*', 'service design*'),
  over('programme management', 0.8, 0.6, 'program* manag*', 'program* direct*', 'program* lead*', 'project manag*', 'project lead*'),
  act('programme delivery', 0.5, 0.6, 'program* deliver*', 'deliver program*', 'service deliver*', 'frontline', 'front line', 'youth work*', 'community work*', 'food security'),
  act('evaluation', 0.75, 0.6, 'evaluat*', 'impact assess*', 'impact measur*', 'impact report*', 'monitoring and evaluation', 'm and e', 'learning review*'),
  over('planning', 0.72, 0.6, 'plan', 'planner*'),
  act('problem solving', 0.65, 0.6, 'problem solv*', 'solve problem*'),
  act('event planning', 0.68, 0.6, 'event plan*', 'plan event*', 'event organi*', 'organize event*', 'organise event*', 'event manag*', 'event design*', 'conference plan*'),
  act('events', 0.5, 0.55, 'event', 'gala*', 'conference*', 'donor reception*', 'evening reception*', 'summit*', 'festival*'),
  act('logistics', 0.35, 0.4, 'logistic*', 'arrangements', 'travel arrangement*'),
  act('committee work', 0.65, 0.5, 'committee*', 'working group*', 'task force*', 'taskforce*'),
  over('facilitate meetings', 0.8, 0.6, 'facilitat*'),
  over('chair meetings', 0.85, 0.55, '=chair', 'chairing', 'chaired', 'chairperson*', 'chairman', 'chairmen', 'chairwoman', 'chairwomen', 'co chair', 'cochair*'),
  act('staff and member meetings', 0.55, 0.5, 'staff meeting*', 'team meeting*', 'member* meeting*', 'general meeting*', 'all hands', 'all staff meeting*', 'town hall*', 'attend* meeting*'),
  act('accessibility and inclusion', 0.55, 0.6, 'accessibility', 'inclusion', 'equity', 'diversity', 'anti racism', 'antiracism'),
  act('quality assurance', 0.5, 0.45, 'quality assurance', 'quality control', 'quality check*'),
  act('monitoring', 0.35, 0.4, 'monitor*', 'tracking', 'tracker*'),
  act('reporting', 0.45, 0.4, 'report'),

  // ── Skilled content work ───────────────────────────────────────────────────────────────
  act('research', 0.65, 0.7, 'research*', 'literature review*', 'fact check*', 'investigat*'),
  act('writing', 0.6, 0.65, 'writ*', 'rewrit*', 'draft*', 'authoring', 'copywrit*', 'briefing*'),
  act('editing', 0.55, 0.6, 'edit', 'editor*', 'editorial*'),
  act('copy editing', 0.4, 0.5, 'copy edit*', 'copyedit*', 'sub edit*', 'subedit*'),
  act('publishing', 0.6, 0.65, 'publish*', 'publication*'),
  act('proofreading', 0.3, 0.45, 'proofread*', 'proof read*', 'proofing'),
  act('newsletters and articles', 0.55, 0.65, 'newsletter*', 'blog*', 'article*', 'op ed', 'op eds', 'oped*', 'bulletin*'),
  act('website', 0.4, 0.55, 'website*', 'web site*', 'web page*', 'webpage*', 'web content', 'web update*', 'wordpress', 'website maint*'),
  act('graphic design', 0.65, 0.75, 'design', 'designer*', 'graphic*', 'layout*', 'illustrat*', 'design flyer*', 'design leaflet*', 'design poster*', 'design banner*'),
  act('photo and video', 0.5, 0.7, 'photograph*', 'photos', 'video*', 'film*', 'podcast*', 'multimedia', 'livestream*', 'live stream*'),
  act('translation', 0.5, 0.55, 'translat*', 'interpreting', 'interpreter*', 'interpretation'),
  act('grant writing', 0.7, 0.5, 'grant writ*', 'write grant*', 'grant application*', 'grant proposal*', 'funding application*', 'funding proposal*', 'funding bid*', 'bid writ*', 'proposal writ*', 'write proposal*', 'grant submission*', 'letter of inquiry', 'letters of inquiry', 'letter of intent'),
  act('grant reporting', 0.45, 0.35, 'grant report*', 'funder report*', 'report to funder*', 'donor report*', 'grant monitoring', 'grant tracking', 'grant compliance'),
  act('grants', 0.6, 0.45, '=grant', '=grants', 'grantmaking', 'grant making', 'funding'),
  act('legal', 0.7, 0.5, 'legal*', 'lawyer*', 'attorney*', 'solicitor*', 'litigat*', 'lawsuit*', 'court case*', 'tribunal*', 'legal counsel', 'contract review*', 'review contract*', 'draft contract*'),
  act('paralegal support', 0.5, 0.45, 'paralegal*'),
  act('compliance and insurance', 0.45, 0.3, 'compliance', 'regulatory', 'regulator*', 'charity commission', 'annual return*', 'gdpr', 'data protection', 'licen*', 'insurance*', 'insurance polic*'),
  act('tax', 0.4, 0.25, '=tax', 'taxes', 'tax return*', 'tax filing*', 'filing tax*', 'file tax*', 'vat', 'form 990*', 'irs', 'hmrc'),
  act('audit', 0.5, 0.3, 'audit*'),
  act('case management', 0.6, 0.4, 'case manag*', 'casework*', 'case work*', 'caseload*', 'case file*'),
  act('case notes', 0.3, 0.35, 'case note*', 'write case note*', 'write up case note*', 'client note*', 'progress note*'),
  act('counselling', 0.6, 0.4, 'counsel*', 'therap*', 'psychotherap*', 'support group*', 'peer support'),
  act('crisis support', 0.55, 0.25, 'crisis', 'crises', 'crisis line*', 'hotline*', 'helpline*', 'emergency response'),
  act('intake and triage', 0.35, 0.4, 'intake*', 'triage*', 'referral*'),
  act('advice work', 0.6, 0.5, 'advice', 'advis*', 'welfare rights', 'social security', 'tenant support'),
  act('client support', 0.45, 0.5, 'client support', 'accompan*', 'home visit*', 'client service*', 'support client*', 'service user*', 'member support', 'member services'),
  act('safeguarding', 0.6, 0.35, 'safeguard*', 'child protection', 'welfare check*'),
  act('teaching', 0.7, 0.7, 'teach*', 'tutor*', 'lesson*', 'deliver* training*', 'deliver* workshop*', 'run workshop*', 'lead workshop*', 'lectur*', 'instructor*', 'workshop*', 'political education', 'popular education', 'member education'),
  act('interviewing', 0.55, 0.55, 'interview*'),
  act('surveys', 0.45, 0.5, 'survey*', 'questionnaire*', 'focus group*'),
  act('data analysis', 0.65, 0.65, 'data analy*', 'analy*', 'statistic*', 'metrics', 'dashboard*', 'data visuali*', 'modelling', 'modeling'),
  act('software development', 0.68, 0.7, 'software*', 'programming', 'coding', 'developer*', 'web develop*', 'website develop*', 'app develop*', 'develop software', 'scripting'),
  act('IT security', 0.6, 0.5, 'it security', 'cyber security', 'cybersecurity', 'information security', 'data security', 'network security', 'infosec'),
  act('IT support', 0.4, 0.45, 'it support', 'it admin*', 'tech support', 'technical support', 'helpdesk*', 'help desk*', 'computer*', 'laptop*', 'troubleshoot*', 'password*', 'network admin*', 'network maint*', 'software update*', 'install software', 'hard drive*'),
  act('database administration', 0.4, 0.4, 'database*', 'crm', 'crms', 'salesforce', 'update database*', 'update spreadsheet*', 'data manag*', 'database manag*', 'database maint*', 'data maint*', 'spreadsheet*', 'excel'),
  act('data cleaning', 0.3, 0.3, 'clean data', 'data clean*', 'database clean*', 'clean database*', 'data hygiene', 'dedup*', 'de dup*', 'data quality', 'merge duplicate*', 'merge records'),

  // ── Administration ─────────────────────────────────────────────────────────────────────
  act('administration', 0.2, 0.35, '=admin', 'administrative', 'administration', 'administrator*', 'clerical', 'secretarial', 'office admin*', 'general admin*', 'admin support', 'office duties', 'office support', 'admin tasks', 'paperwork', 'forms'),
  act('office management', 0.45, 0.45, 'office manag*', 'manag* office', 'facilities manag*', 'premises manag*', 'building manag*', 'site manag*'),
  act('data entry', 0.1, 0.25, 'data entry', 'data input*', 'enter', 'entry', 'enter data', 'input data', 'key in', 'keying', 'update records'),
  act('typing and formatting', 0.15, 0.3, 'type', 'type up', 'typist*', 'retype*', 'format', 'reformat*', 'word process*'),
  act('assembling packs', 0.1, 0.3, 'assemble', 'compile pack*', 'compile binder*', 'compile folder*', 'packet assembly', 'pack assembly', 'kit assembly', 'folder assembly', 'binder assembly'),
  act('transcription', 0.15, 0.3, 'transcri*', 'dictation'),
  act('scheduling', 0.25, 0.4, 'schedul*', 'calendar*', 'diary', 'diaries', 'diary manag*', 'book meeting*', 'arrange meeting*', 'coordinat* schedul*', 'schedule coordinat*', '=rota', 'rotas', 'roster*'),
  act('bookings', 0.2, 0.4, 'book travel', 'travel book*', 'book venue*', 'venue book*', 'venue hire', 'book room*', 'room book*', 'book meeting room*', 'book flight*', 'book hotel*', 'book coach*', 'coach hire', 'van hire', 'car hire', 'minibus hire', 'equipment hire', 'hire van*', 'hire car*', 'hire venue*', 'hire equipment', 'order catering', 'book catering'),
  act('filing', 0.1, 0.3, 'filing', 'file paper*', 'file document*', 'file record*', 'file correspondence', 'archiv*', 'record keeping', 'recordkeeping', 'shred*', 'shared drive*'),
  act('photocopying', 0.1, 0.3, 'photocop*', 'copying', 'copier*', 'print', 'scan', 'printing', 'print copies', 'print handout*', 'print materials', 'printer*', 'scanning', 'scan document*', 'laminat*', 'collat*'),
  act('answer phones', 0.1, 0.3, 'answer phone*', 'answer telephone*', 'answer call*', 'switchboard*', 'phone duty', 'phone cover*', 'telephone cover*', 'phones', 'take messages', 'take calls', 'handle calls', 'incoming calls', 'inbound calls'),
  act('reception', 0.15, 0.35, 'reception*', 'front desk', 'front of house', 'greet visitor*', 'greet guest*', 'greeting', 'welcome desk', 'sign in visitor*', 'visitor sign in', 'direct visitor*', 'customer service*', 'customer service rep*', 'customer support'),
  act('email and correspondence', 0.3, 0.4, 'email*', 'e mail*', 'inbox*', 'manage inbox*', 'manage email*', 'correspondence', 'answer email*', 'enquir*', 'inquir*'),
  act('mailing lists', 0.3, 0.4, 'mailing list*', 'email list*', 'list manag*', 'list maintenance', 'contact list*', 'subscriber*'),
  act('minutes', 0.25, 0.35, '=minutes', 'minute tak*', 'take minutes', 'take notes', 'note tak*', 'notetak*', 'meeting minutes', 'minutes of meeting*', 'meeting notes', 'write up minutes'),
  act('stuff mailings', 0.05, 0.2, 'stuff mailing*', 'stuff envelope*', 'envelope stuff*', 'mailing stuff*', 'stuff letter*', 'fold letter*', 'fold mailing*', 'fold leaflet*', 'fold newsletter*', 'lick stamp*', 'stamp envelope*', 'seal envelope*', 'label envelope*', 'address envelope*'),
  act('mailings', 0.15, 0.3, 'mailing*', 'mailout*', 'mail out*', 'mailshot*', 'post letter*', 'postage', 'franking', 'frank machine', 'envelope*', 'address label*', 'labels', 'bulk mail*', 'direct mail*'),
  act('mail merge', 0.15, 0.3, 'mail merge*', 'mailmerge*'),
  act('sorting mail', 0.1, 0.4, '=mail', 'sort mail', 'sort post', 'open mail', 'open post', 'collect mail', 'collect post', 'post office', 'mailroom*', 'mail room*', 'pick up mail', 'check mail'),
  act('ordering supplies', 0.25, 0.4, 'order supplies', 'supply order*', 'ordering', 'order stationery', 'stationery', 'purchas*', 'procure*', 'supplies', 'restock*', 'stock up', 'toilet paper', 'toilet roll*', 'supply run*'),
  act('invoices and expenses', 0.2, 0.3, 'invoic*', 'billing', 'pay bills', 'accounts payable', 'accounts receivable', 'purchase order*', 'receipt*', 'expense*', 'reimburs*', 'petty cash', 'bank deposit*', 'banking', 'cash handling', 'count cash', 'process payment*', 'payment processing'),
  act('bookkeeping', 0.3, 0.35, 'bookkeep*', 'book keep*', 'bank reconcil*', 'reconcile account*', 'account* reconcil*', 'ledger*', 'quickbooks', 'xero', 'journal entr*'),
  act('accounting', 0.45, 0.35, 'accounting', 'accounts', 'accountant*', 'financial report*', 'financial statement*', 'management account*', 'year end*', 'month end*', 'annual accounts', 'finance report*'),
  act('payroll', 0.2, 0.3, 'payroll*', 'timesheet*', 'time sheet*', 'pay run*', 'wages', 'salary payment*', 'pension contribution*'),
  act('HR administration', 0.2, 0.3, 'hr admin*', 'personnel file*', 'personnel record*', 'staff record*', 'benefits admin*', 'leave record*', 'leave request*', 'holiday request*', 'absence record*', 'sickness record*', 'dbs check*', 'background check*', 'reference check*'),
  act('membership administration', 0.3, 0.4, 'membership*', 'member record*', 'member database*', 'renewal*', 'welcome pack*', 'new member pack*'),
  act('dues collection', 0.2, 0.35, 'dues', 'collect dues', 'subscriptions', 'membership fee*', 'membership payment*', 'direct debit*', 'standing order*'),
  act('debt chasing', 0.2, 0.15, 'chase payment*', 'chase invoice*', 'chase debt*', 'chase unpaid', 'debt collect*', 'arrears', 'overdue invoice*', 'late payment*'),
  act('donor thanks and stewardship', 0.35, 0.55, 'donor relation*', 'donor steward*', 'stewardship', 'thank donor*', 'thank you call*', 'thank you letter*', 'thank you card*', 'thank you note*', 'donor care', 'supporter care', 'supporter relation*'),
  act('gift processing', 0.15, 0.3, 'gift process*', 'gift entry', 'donation process*', 'process donation*', 'process gift*', 'gift aid', 'bank donations', 'record donation*', 'donation receipt*', 'acknowledge donation*', 'acknowledgement letter*', 'tax receipt*'),
  act('complaints handling', 0.3, 0.15, 'complaint*', 'complain', 'angry caller*', 'difficult caller*', 'difficult customer*', 'irate'),
  act('conflict resolution', 0.65, 0.3, 'conflict*', 'mediat*', 'dispute*', 'de escalat*', 'deescalat*', 'restorative'),
  act('sales', 0.35, 0.4, 'sale', 'sell', 'sales call*', 'merchandise', 'merch'),
  act('shop, bar and till', 0.1, 0.35, 'bar staff', 'bar work', 'bar shift*', 'serve drinks', 'serve customer*', 'serve coffee', 'wait tables', 'barista*', 'cashier*', '=till', 'tills', 'cash register*', 'checkout*', 'shop floor', 'shop work', 'shop shift*', 'retail', 'sales floor', 'shop assistant*', 'shopkeep*', 'point of sale'),

  // ── Maintenance and onerous work ───────────────────────────────────────────────────────
  act('clean', 0.05, 0.25, 'clean', 'cleaner*', 'cleanup*', 'clean up', 'vacuum*', 'hoover*', 'mop', 'sweep*', 'dust', 'wipe down', 'wipe surface*', 'scrub*', 'disinfect*', 'sanitiz*', 'sanitis*'),
  act('tidy', 0.1, 0.4, 'tidy', 'declutter*', 'clear up', 'put away'),
  act('clean toilets', 0.05, 0.1, 'toilet*', 'bathroom*', 'restroom*', 'washroom*', 'lavator*', 'loo', 'loos', 'latrine*', 'urinal*', 'portaloo*', 'clean toilet*', 'clean bathroom*', 'clean restroom*', 'toilet clean*', 'bathroom clean*'),
  act('janitorial', 0.05, 0.2, 'janitor*', 'custodial', 'custodian*', 'caretak*', 'housekeeping'),
  act('chores', 0.05, 0.3, '=chore', 'chores', 'housework'),
  act('facilities', 0.2, 0.35, 'facilities', 'facility', 'building maintenance', 'premises', 'site maintenance'),
  act('maintenance and repairs', 0.15, 0.4, 'maintenance', 'repair*', 'handyman', 'handyperson', 'handy person', 'odd job*', 'diy', 'plumbing', 'light bulb*', 'change bulb*', 'replace bulb*', 'fix leak*', 'unblock*', 'unclog*', 'assemble furniture', 'furniture assembly', 'flat pack*'),
  act('gardening and grounds', 0.1, 0.5, 'garden*', 'grounds keep*', 'groundskeep*', 'grounds maint*', 'lawn*', 'mow*', 'weed*', 'landscap*', 'yard work', 'rake leaves', 'raking'),
  act('snow clearing', 0.05, 0.15, 'shovel*', 'snow clear*', 'snow removal', 'clear snow', 'clear ice', 'grit*', 'salt path*', 'salt sidewalk*', 'de ice*', 'deice*'),
  act('dishes and kitchen', 0.05, 0.25, 'dish*', 'wash up', 'kitchen*', 'fridge*', 'refrigerator*', 'clear table*'),
  act('coffee and tea', 0.05, 0.5, 'coffee', 'make tea', 'tea making', 'tea round*', 'refreshment*', 'snack*'),
  act('food service', 0.15, 0.45, 'food distribution', 'distribute food', 'food pantry', 'food bank*', 'food parcel*', 'meal*', 'cook*', 'cater', 'catering', 'serve meal*', 'soup kitchen*'),
  act('trash and garbage', 0.05, 0.15, 'trash', 'garbage', 'rubbish', '=bin', '=bins', 'bin day', 'bin bag*', 'waste', 'waste manag*', 'dumpster*', 'litter*', 'dustbin*', 'compost*', 'refuse collection'),
  act('recycling', 0.05, 0.3, 'recycl*'),
  act('laundry', 0.05, 0.3, 'laundry', 'wash towel*', 'wash linen*', 'ironing'),
  act('pest control', 0.05, 0.1, 'pest*', 'vermin', 'rodent*', 'mice', 'rats', 'mouse trap*', 'cockroach*', 'bed bug*', 'bedbug*'),
  act('moving boxes and furniture', 0.05, 0.25, 'move box*', 'carry box*', 'move furniture', 'move equipment', 'move desk*', 'move table*', 'move chair*', 'office move*', 'removals', 'haul*', 'unload*', 'load van*', 'load truck*', 'load lorr*', 'loading', 'loading dock*', 'shift box*', 'shift furniture'),
  act('setup and teardown', 0.1, 0.35, 'setup*', 'teardown*', 'tear down', 'take down', 'pack down', 'pack up', 'pack away', 'clear away', 'set up and', 'set up chair*', 'set up table*', 'set up room*', 'set up hall*', 'set up venue*', 'set up stage*', 'set up equipment', 'set up stall*', 'set up event*', 'event set up', 'event setup*', 'room setup*', 'put out chair*', 'set out chair*', 'stack chair*', 'arrange chair*', 'chairs and table*', 'tables and chair*'),
  act('warehouse and stockroom', 0.1, 0.3, 'warehous*', 'stockroom*', 'stock room*', 'inventory', 'stock take*', 'stocktak*', 'stock check*', 'stock shel*', 'shelv*', 'pallet*', 'forklift*', 'fork lift*', 'pick and pack', 'packing', 'pack box*', 'pack parcel*', 'pack order*', 'order fulfil*', 'fulfilment', 'fulfillment', 'dispatch*', 'despatch*', 'shipping', 'sort donation*', 'sort clothes'),
  act('driving', 0.1, 0.4, 'drive', 'driver*', 'drove', 'minibus', 'van run*', 'school run*'),
  act('deliveries and errands', 0.1, 0.35, 'deliveries', '=delivery', 'delivery run*', 'deliver parcel*', 'deliver package*', 'deliver food', 'deliver leaflet*', 'deliver newsletter*', 'courier*', 'errand*', 'pickup*', 'deliver pack*', 'deliver paper*', 'deliver box*', 'pick up supplies', 'pick up donation*', 'collect donation*', 'bank run*', 'post run*'),
  act('security', 0.1, 0.3, '=security', 'security guard*', 'security patrol*', 'guard*', 'patrol*', 'door duty', 'door staff', 'bouncer*', 'lock up', 'lock the building', 'open up', 'unlock*', 'alarm*', 'keyholder*', 'key holder*', 'watchman', 'night watch*', 'crowd control', 'event steward*', 'direct traffic', 'traffic control', 'car park*', 'parking'),
  act('childcare', 0.2, 0.5, 'childcare', 'child care', 'creche*', 'babysit*', 'nursery', 'kids club*', 'playwork*', 'play work*'),
  act('care work', 0.25, 0.35, 'personal care', 'care work*', 'caregiv*', 'care giv*', 'home care', 'respite', 'support worker*', 'care visit*', 'care assistant*', 'personal hygiene'),
  act('health and safety', 0.45, 0.45, 'health and safety', 'risk assess*', 'hazard assess*', 'hazard identif*', 'safety inspect*', 'safety audit*', 'safety check*', 'fire safety', 'fire warden*', 'fire drill*', 'first aid*', 'safety officer*', 'safety committee*', 'health and safety rep*'),

  // ── Conditions: desirability only ──────────────────────────────────────────────────────
  cond('hazard', 0.1, 'hazard*', 'hazmat', 'biohazard*', 'danger*', 'toxic*', 'chemical*', 'asbestos', 'lead paint', 'sharps', 'needle*', 'syringe*', 'bodily fluid*', 'body fluid*', 'contaminat*', 'radioactiv*', 'mould', 'confined space*', 'work at height*', 'fumes', 'pesticide*'),
  cond('heavy lifting', 0.2, 'lifting', 'lift heavy', 'lift box*', 'heavy lift*', 'heavy load*', 'manual handling', 'heavy item*', 'heavy box*', 'heavy equipment', 'carry heavy', 'carry box*', 'physically demanding', 'physical labou*', 'physical labor', 'manual labou*', 'manual labor', 'physical work', 'on your feet', 'standing all day'),
  cond('night shift', 0.2, 'night shift*', 'nightshift*', 'night work', 'night duty', 'night duties', 'overnight*', 'graveyard shift*', 'night time', 'nighttime', 'night patrol*', 'night watch*', 'night security', 'sleep in', 'sleep ins'),
  cond('evening and early hours', 0.35, 'evening*', 'late shift*', 'after hours', 'out of hours', 'late night*', 'late finish*', 'early morning*', 'early shift*', 'early start*'),
  cond('weekend work', 0.3, 'weekend*', 'week end*', 'saturday*', 'sunday*', 'bank holiday*', 'public holiday*', 'holiday cover*'),
  cond('on call', 0.2, '=on =call', 'oncall', 'pager*', 'standby', 'stand by', 'call out rota*', 'emergency cover*', 'duty phone*', 'emergency phone*', '24 7', '24 hour cover*', 'round the clock'),
  cond('shift work', 0.3, 'shift work*', 'rotating shift*', 'split shift*', 'double shift*', 'long shift*', '12 hour shift*', 'shift pattern*'),
  cond('in the cold', 0.2, 'in the cold', '=cold', 'cold weather', 'in the rain', 'rain', 'rainy', 'freezing', 'in the heat', 'extreme heat', 'heatwave*', 'bad weather', 'all weather*', '=snow'),
  cond('travel', 0.45, 'travel', 'business trip*'),
  cond('repetitive work', 0.2, 'repetitive', 'repetitious', 'monotonous', 'tedious', 'routine work', 'routine task*', 'assembly line*', 'production line*', 'packing line*'),
  cond('emotionally demanding', 0.25, 'emotionally demanding', 'emotional labou*', 'emotional labor', 'distressing', 'traumatic', 'bereave*', 'abusive', 'aggressive', 'hostile', 'difficult conversation*', 'bad news'),
  cond('time pressure', 0.35, 'deadline*', 'urgent', 'rush', 'last minute', 'tight turnaround*', 'under pressure', 'high pressure', 'fast paced'),
  cond('dirty or noisy surroundings', 0.25, 'noisy', 'noise', 'dirty', 'filthy', 'dusty', 'smelly', 'cramped'),
  cond('lone working', 0.35, 'lone work*', 'working alone', 'isolated'),
];
