import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

/**
 * Holiday data one country at a time. date-holidays ships every country's rules in one 800 KB
 * module; this plugin serves each country's rules (with the shared holiday names it uses) as
 * its own small chunk behind `virtual:holiday-countries`, so the web app downloads only the
 * country a calendar names, parsed by date-holidays-parser like the full library does.
 */
const INDEX = 'virtual:holiday-countries';
const COUNTRY = 'virtual:holiday-country/';

/** Countries whose holiday chunks the service worker caches at install (offline forecasts). */
export const OFFLINE_HOLIDAY_COUNTRIES = ['BR', 'ES', 'PT', 'US', 'MX', 'AR'] as const;

/** File name of a country's chunk, so the service worker can tell which country it holds. */
export const HOLIDAY_CHUNK = /^assets\/holidays-([A-Z]{2})-/;

interface HolidayData {
  holidays: Record<string, unknown>;
  names: Record<string, unknown>;
}

function loadData(): HolidayData {
  const require = createRequire(import.meta.url);
  const mod: { data: HolidayData } = require('date-holidays/data');
  return mod.data;
}

/** Keys of the shared names (`_name`) a country's rules refer to. */
function nameKeys(value: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => nameKeys(v, out));
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (k === '_name' && typeof v === 'string') out.add(v);
      else nameKeys(v, out);
    }
  }
  return out;
}

export function holidayChunks(): Plugin {
  let data: HolidayData | null = null;
  const get = () => (data ??= loadData());
  return {
    name: 'ff-holiday-chunks',
    config: () => ({
      build: {
        rollupOptions: {
          output: {
            chunkFileNames: (chunk) => {
              const id = chunk.facadeModuleId ?? '';
              const at = id.indexOf(COUNTRY);
              return at >= 0
                ? `assets/holidays-${id.slice(at + COUNTRY.length)}-[hash].js`
                : 'assets/[name]-[hash].js';
            },
          },
        },
      },
    }),
    resolveId(id) {
      if (id === INDEX || id.startsWith(COUNTRY)) return `\0${id}`;
      return null;
    },
    load(id) {
      if (id === `\0${INDEX}`) {
        const codes = Object.keys(get().holidays).sort();
        const loaders = codes.map((c) => `  ${c}: () => import('${COUNTRY}${c}'),`).join('\n');
        return `export const loaders = {\n${loaders}\n};\n`;
      }
      if (id.startsWith(`\0${COUNTRY}`)) {
        const code = id.slice(COUNTRY.length + 1);
        const { holidays, names } = get();
        const rules = holidays[code];
        const used: Record<string, unknown> = {};
        // The parser names a substitute day ("… (substitute day)") from `names.substitutes`,
        // which no rule refers to by `_name`: without it, a country with substitute days
        // (United States, Spain, United Kingdom…) threw while resolving its holidays.
        const keys = nameKeys(rules, new Set(['substitutes']));
        for (const k of keys) if (k in names) used[k] = names[k];
        return `export default ${JSON.stringify({ holidays: { [code]: rules }, names: used })};\n`;
      }
      return null;
    },
  };
}
