/**
 * Holiday names follow the reader: a request's `calendar` without a `language` takes the
 * first language of Accept-Language (English when none), so an API client in Brazil reads
 * "Carnaval" and one in the US "Carnival" without asking.
 */

/** The first language tag of an Accept-Language header (highest q), or undefined. */
export function preferredLanguage(header: string | undefined): string | undefined {
  if (!header) return undefined;
  let best: { tag: string; q: number } | undefined;
  for (const part of header.split(',')) {
    const [tag, ...params] = part.trim().split(';');
    if (!/^[A-Za-z]{2}(-[A-Za-z0-9]{2,8})*$/.test(tag)) continue;
    const qParam = params.find((p) => p.trim().startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.trim().slice(2));
    if (Number.isFinite(q) && q > 0 && (best === undefined || q > best.q)) best = { tag, q };
  }
  return best?.tag;
}

/** Sets `calendar.language` of a parsed JSON body from the header when the body has none. */
export function withCalendarLanguage(body: unknown, header: string | undefined): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const cal = (body as { calendar?: unknown }).calendar;
  if (typeof cal !== 'object' || cal === null || Array.isArray(cal) || 'language' in cal) {
    return body;
  }
  const language = preferredLanguage(header);
  if (language === undefined) return body;
  return { ...body, calendar: { ...cal, language } };
}
