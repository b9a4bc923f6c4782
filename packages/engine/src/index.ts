/**
 * @flow-forecaster/engine — the public API. Nothing outside this package imports anything
 * but this file.
 */
export * from './inputs';
export * from './prng';
export * from './round';
export * from './percentile';
export * from './errors';
export * from './dates';
export * from './weibull';
export * from './triangular';
export * from './discrete-sampler';
export * from './throughput';
export * from './beta';
export * from './pert';
export * from './cost';
export * from './risk-summary';
export * from './dependencies';
export * from './accuracy';
export * from './pbc';
export * from './date-time';
export * from './history';
export * from './s-curve';
export * from './input-stats';
export * from './simulation-plan';
export * from './simulate-run';
export * from './burn-down';
export * from './aggregate';
export * from './simulate';
export * from './how-many';
export * from './when';
export * from './deadline';
export * from './forecast';
export * from './calibration';
export * from './backtest';
export * from './percent-complete';
export * from './work-estimate';
