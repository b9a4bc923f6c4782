/**
 * The request kinds are the engine's forecast kinds, under the names the schemas' users
 * already import (the server, the web app); one list, so a new kind cannot be half-added.
 */
import { FORECAST_KINDS, isForecastKind } from '@flow-forecaster/engine';
import type { ForecastKind } from '@flow-forecaster/engine';

export const REQUEST_KINDS: readonly ForecastKind[] = FORECAST_KINDS;

export type RequestKind = ForecastKind;

export const isRequestKind: (value: unknown) => value is RequestKind = isForecastKind;
