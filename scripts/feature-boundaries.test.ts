// Proves the `web/feature-boundaries` rule in eslint.config.js fires: a fixture is linted with
// ESLint's API and the repository's own config, as `npm run lint` would lint a real file there.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FEATURES = join(ROOT, 'packages/web/src/features');

async function boundaryErrors(file: string, code: string): Promise<string[]> {
  // The rule resolves the features folder from the working directory: tests, like lint, run
  // from the repository root.
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(code, { filePath: join(FEATURES, file) });
  return result.messages.filter((m) => m.ruleId === 'web/feature-boundaries').map((m) => m.message);
}

describe('web/feature-boundaries', () => {
  it('refuses a feature importing another, however the path is written', async () => {
    const cases = [
      "import { WhenResults } from '../when/WhenResults';\nexport const a = WhenResults;\n",
      "export { default } from '../../when/WhenPage';\n",
      "export * from '../when/WhenResults';\n",
      "export const load = () => import('../when/WhenPage');\n",
    ];
    for (const code of cases) {
      const file = code.includes('../../') ? 'cost/parts/Fixture.tsx' : 'cost/Fixture.tsx';
      expect(await boundaryErrors(file, code), code).toEqual([
        'features/cost must not import features/when: move what they share to features/shared or lib.',
      ]);
    }
  });

  it('allows features/shared, lib, packages and the same feature', async () => {
    const code = [
      "import { todayIso } from '../shared/dates';",
      "import { href } from '../../lib/router';",
      "import { helper } from './helper';",
      "import { simulate } from '@flow-forecaster/engine';",
      'export const all = [todayIso, href, helper, simulate];',
      '',
    ].join('\n');
    expect(await boundaryErrors('cost/Fixture.tsx', code)).toEqual([]);
  });

  it('leaves tests free to drive several features together', async () => {
    const code = "import WhenPage from '../when/WhenPage';\nexport const p = WhenPage;\n";
    expect(await boundaryErrors('cost/Fixture.test.tsx', code)).toEqual([]);
  });
});
