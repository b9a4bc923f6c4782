/**
 * What every writer and reader of share codes checks besides the format (share-code.ts): the
 * kind is a forecast kind and the inputs pass its schema, both when a code is written and when
 * one is opened (a code is user input like any other). The server's `/api/encode`/`/api/decode`
 * and the CLI's `ff encode`/`ff decode` use these; the web app runs what it opens through the
 * same schemas when the page submits it.
 */
import { isRequestKind, type RequestKind } from './kinds';
import { parseRequest } from './requests';
import { ShareCodeError, type SharePayload } from './share-code';

export interface SharedForecast extends SharePayload {
  kind: RequestKind;
}

/** Throws the ShareCodeError naming the input field (`input.tpSamples`) a code must not carry. */
export function checkShareToWrite(shared: SharePayload): SharedForecast {
  if (!isRequestKind(shared.kind)) {
    throw new ShareCodeError(`kind: "${shared.kind}" is not a forecast kind`, 'kind');
  }
  const checked = parseRequest(shared.kind, shared.input);
  if (!checked.ok) {
    const field = checked.error.field ? `input.${checked.error.field}` : 'input';
    throw new ShareCodeError(checked.error.message, field);
  }
  return { ...shared, kind: shared.kind };
}

/** An opened code's payload as a forecast, or the ShareCodeError (field `code`) saying why not. */
export function checkOpenedShare(payload: SharePayload): SharedForecast {
  if (!isRequestKind(payload.kind)) {
    throw new ShareCodeError('The share link does not name a forecast kind', 'code');
  }
  const checked = parseRequest(payload.kind, payload.input);
  if (!checked.ok) {
    throw new ShareCodeError(`The shared inputs are not valid: ${checked.error.message}`, 'code');
  }
  const shared: SharedForecast = { kind: payload.kind, input: payload.input };
  if (payload.form !== undefined) shared.form = payload.form;
  return shared;
}
