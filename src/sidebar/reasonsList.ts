/** Editing the reasons list in Settings: add, remove, move; the list stays trimmed and unique. */

/** Adds a reason at the end; an empty or already listed reason (ignoring case) leaves the list as it is. */
export function addReason(reasons: readonly string[], text: string): string[] {
  const reason = text.trim().replace(/\s+/g, ' ');
  const known = reasons.some((r) => r.toLowerCase() === reason.toLowerCase());
  return reason && !known ? [...reasons, reason] : [...reasons];
}

export function removeReason(reasons: readonly string[], index: number): string[] {
  return reasons.filter((_, i) => i !== index);
}

/** Moves the reason at `index` by `delta` places (-1 up, +1 down), staying within the list. */
export function moveReason(reasons: readonly string[], index: number, delta: number): string[] {
  const to = index + delta;
  const list = [...reasons];
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return list;
  const [item] = list.splice(index, 1);
  list.splice(to, 0, item);
  return list;
}
