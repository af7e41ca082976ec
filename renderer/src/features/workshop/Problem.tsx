/** The translation key of a data-layer failure (DataError codes), for any error a workshop action can throw. */
export function dataErrorKey(error: unknown): string {
  return `common:errors.data.${error instanceof Error && 'code' in error ? String(error.code) : 'E_DB'}`;
}

/** A failed action's message, announced when it appears. */
export function Problem({ text }: { readonly text: string | null }) {
  if (!text) return null;
  return (
    <p className="notice notice-danger" role="alert">
      {text}
    </p>
  );
}
