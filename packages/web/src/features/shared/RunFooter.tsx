import { RunControls } from '../../components/RunControls';
import type { RunState } from '../../runner/context';
import { RunSettings } from './Inputs';
import type { FieldErrors } from './issues';

/** What a page from useForecastPage needs to end its form: run count, seed, run and cancel. */
export interface RunFooterPage<R> {
  form: { runs: string };
  update: (key: 'runs', value: string) => void;
  seed: number | undefined;
  setSeed: (v: number | undefined) => void;
  errors: FieldErrors;
  id: (field: string) => string;
  state: RunState<R>;
  cancel: () => void;
  stale?: false | 'changed' | 'invalid';
  refusal?: string | null;
}

/** The end of every simulation form: the advanced run settings, then the run button. */
export function RunFooter<R>({
  page,
  runsField,
  label,
}: {
  page: RunFooterPage<R>;
  /** The request field the run count is validated as, when not `numberOfSimulations`. */
  runsField?: string;
  label?: string;
}) {
  return (
    <>
      <RunSettings
        runs={page.form.runs}
        onRuns={(v) => page.update('runs', v)}
        seed={page.seed}
        onSeed={page.setSeed}
        errors={page.errors}
        id={page.id}
        runsField={runsField}
      />
      <RunControls
        state={page.state}
        onCancel={page.cancel}
        label={label}
        stale={page.stale}
        refusal={page.refusal}
      />
    </>
  );
}
