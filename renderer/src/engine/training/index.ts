/** The training module's public API: training needs of a plan and "qualifications first" (issue 14). */
export { trainingNeeds, trainingHoursOf, DEFAULT_TRAINING_POLICY, TRAINING_GAP_IN_TOLERANCES, type TrainingNeed, type TrainingOptions, type TrainingPolicy } from './trainingNeeds';
export { qualificationGaps, qualifyFromCurrent, grantQualifications, doesItNow, type QualificationGapReport, type QualificationGapTask } from './qualificationGaps';
export { qualificationFamiliesOf, tasksUsuallyQualified, noQualificationsInFile } from './qualifications';
export { QUALIFICATION_FAMILIES, type QualificationFamily } from './qualificationLibrary';
export { NO_HOURS, type HoursRow } from './hours';
