/**
 * Merging is a set union keyed by revision id: commutative, associative and idempotent, so bundles
 * can be imported in any order, any number of times. Revisions are content-addressed, so two with
 * the same id are the same revision.
 */
import type { Revision } from '../revisions/types.ts';

/** The union of the sets, sorted by id. */
export function mergeRevisionSets(...sets: readonly Iterable<Revision>[]): Revision[] {
  const byId = new Map<string, Revision>();
  for (const set of sets) for (const revision of set) if (!byId.has(revision.id)) byId.set(revision.id, revision);
  return [...byId.keys()].sort().map((id) => byId.get(id)!);
}
