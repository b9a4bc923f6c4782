export type SimulationView = Record<string, unknown>;

export function WhenResults(_props: {
  result: SimulationView;
  input: unknown;
  shareLink?: string;
}) {
  return <p className="empty">…</p>;
}
