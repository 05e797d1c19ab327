/**
 * What makes an error message one a therapist can act on: it is a sentence about their data, not
 * a stack trace, a JavaScript error, or a screenful of echoed input.
 */

/** Longest message the sidebar can show in its message area and still be read. */
export const MAX_MESSAGE_LENGTH = 600;

const TECHNICAL: { label: string; pattern: RegExp }[] = [
  { label: 'JavaScript error name', pattern: /\b(?:TypeError|ReferenceError|RangeError|SyntaxError|InternalError)\b/ },
  { label: 'property access on nothing', pattern: /Cannot (?:read|set) propert|of (?:undefined|null)\b/ },
  { label: 'not a function / not iterable', pattern: /is not (?:a function|iterable|defined|a constructor)/ },
  { label: 'stack frame', pattern: /\n\s+at\s|\bCode\.js:\d+|\(.*\.[jt]s:\d+:\d+\)/ },
  { label: 'object dump', pattern: /\[object \w+\]/ },
  { label: 'NaN or undefined', pattern: /\bNaN\b|\bundefined\b/ },
  // Apps Script's own "Service error: … Please wait a bit and try again." says what to do, so it may reach the user.
  { label: 'runtime internals', pattern: /Exception:|Invalid argument:/ },
];

/**
 * Why `message` is not a clear message (empty when it is). `echoed` are texts the caller sent: a
 * message may quote them ("undefined" is a client ID someone could type), so they are not judged.
 */
export function unclearReasons(message: string | null, echoed: readonly string[] = []): string[] {
  if (message === null) return ['no error'];
  const reasons: string[] = [];
  if (message.trim().length < 10) reasons.push('too short to explain anything');
  if (message.length > MAX_MESSAGE_LENGTH)
    reasons.push(`longer than ${MAX_MESSAGE_LENGTH} characters (${message.length})`);
  const own = echoed.filter((t) => t.length > 0).reduce((m, t) => m.split(t).join('…'), message);
  for (const { label, pattern } of TECHNICAL) if (pattern.test(own)) reasons.push(label);
  return reasons;
}
