/**
 * @flow-forecaster/schemas — request validation shared by the server, the CLI and the web form.
 */
export * from './kinds';
export * from './limits';
export * from './issues';
export { DATE_FORMATS, dateField } from './dates';
export * from './requests';
export { parseBody } from './parse';
export * from './account';
export * from './registry';
export * from './delivery';
export * from './flow';
export * from './portfolio';
export * from './connection';
export { beyondMaxWeeksText, type StoppedRuns } from './kinds/summary';
export * from './calendar';
export * from './holiday-provider';
export * from './storable';
export * from './team';
export * from './share-code';
export * from './share-check';
