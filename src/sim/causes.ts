/** Rule causes: how an event names the pieces of the world file that made it happen. */
import type { Cause } from "./event.js";

type Cited = { rules?: readonly string[]; question?: string };
const causeCache = new WeakMap<Cited, Map<string, readonly Cause[]>>();

/**
 * Rule causes for a piece of a world file: its seed-rule ids, its open question, or its own path.
 * World pieces are frozen, so the (frozen) list is made once per piece and shared by every event.
 */
export function ruleCauses(piece: Cited | undefined, path: string): readonly Cause[] {
  const byPath = piece ? causeCache.get(piece) : undefined;
  const cached = byPath?.get(path);
  if (cached) return cached;
  const out: Cause[] = [];
  for (const id of piece?.rules ?? []) out.push({ kind: "rule", id, path });
  if (piece?.question) out.push({ kind: "rule", id: `open question: ${piece.question}`, path });
  if (out.length === 0) out.push({ kind: "rule", id: path, path });
  const frozen = Object.freeze(out.map((c) => Object.freeze(c)));
  if (piece) {
    if (!byPath) causeCache.set(piece, new Map([[path, frozen]]));
    else byPath.set(path, frozen);
  }
  return frozen;
}
