// Database errors the domain cares about, recognised on both backends (pg and PGlite report the
// same SQLSTATE and constraint fields).
export class UniqueViolation extends Error {
  constructor(readonly constraint: string) {
    super(`unique constraint ${constraint} violated`);
    this.name = 'UniqueViolation';
  }
}

export function asUniqueViolation(error: unknown): UniqueViolation | undefined {
  const e = error as { code?: string; constraint?: string } | null;
  if (e && e.code === '23505') return new UniqueViolation(e.constraint ?? 'unknown');
  return undefined;
}

/** Runs a write, turning a unique-index violation into a UniqueViolation. */
export async function mapUnique<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asUniqueViolation(error) ?? error;
  }
}
