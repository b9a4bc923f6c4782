import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { CancelledError, runForecast, type ForecastRunner, type RunMode } from './runner';

const RunnerContext = createContext<ForecastRunner>(runForecast);

/** Tests (jsdom has no Worker) give a runner that calls the engine directly. */
export function RunnerProvider({
  runner,
  children,
}: {
  runner: ForecastRunner;
  children: ReactNode;
}) {
  return <RunnerContext.Provider value={runner}>{children}</RunnerContext.Provider>;
}

export type RunState<R> =
  | { status: 'idle' }
  | { status: 'running'; progress: number; mode: RunMode | null }
  | { status: 'done'; result: R; input: unknown }
  | { status: 'cancelled' }
  | { status: 'error'; message: string; field?: string };

export function useForecastRun<R>() {
  const runner = useContext(RunnerContext);
  const [state, setState] = useState<RunState<R>>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const run = useCallback(
    async (kind: string, input: unknown): Promise<R | null> => {
      controller.current?.abort();
      const ctrl = new AbortController();
      controller.current = ctrl;
      setState({ status: 'running', progress: 0, mode: null });
      try {
        const result = (await runner(kind, input, {
          signal: ctrl.signal,
          onProgress: (progress) =>
            setState((s) => (s.status === 'running' ? { ...s, progress } : s)),
          onMode: (mode) => setState((s) => (s.status === 'running' ? { ...s, mode } : s)),
        })) as R;
        if (controller.current === ctrl) setState({ status: 'done', result, input });
        return result;
      } catch (err) {
        if (controller.current !== ctrl) return null;
        if (err instanceof CancelledError || ctrl.signal.aborted) {
          setState({ status: 'cancelled' });
        } else {
          const e = err as Error & { field?: string };
          setState({ status: 'error', message: e.message, field: e.field });
        }
        return null;
      }
    },
    [runner],
  );

  const cancel = useCallback(() => {
    controller.current?.abort();
  }, []);

  const reset = useCallback(() => setState({ status: 'idle' }), []);

  return { state, run, cancel, reset };
}
