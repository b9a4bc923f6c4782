/**
 * @flow-forecaster/engine — the public API. Nothing outside this package imports anything
 * but this file.
 */
export * from './inputs';
export * from './prng';
export * from './round';
export * from './percentile';
