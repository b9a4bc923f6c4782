/** An API or input error as one line, naming the field when the server named one. */
export function ErrorLine({ error }: { error: unknown }) {
  if (!error) return null;
  const e = error as { message?: string; field?: string };
  return (
    <p role="alert" className="error">
      {e.field ? `${e.field}: ` : ''}
      {e.message ?? String(error)}
    </p>
  );
}
