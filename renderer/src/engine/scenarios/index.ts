/** Scenarios (issue 15): kept proposals, their figures against the current organization, and applying one. */
export * from './types';
export { checkScenarioName, makeScenario } from './make';
export { applyScenario, type ApplyResult } from './apply';
export { scenarioFigures, scenarioOutcome, type ScenarioFigures, type ScenarioJob, type ScenarioOutcome } from './figures';
export { hoursMoved } from './allocation';
