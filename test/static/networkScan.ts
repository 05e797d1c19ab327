/**
 * Finds every way a built file could reach the network: the Apps Script and browser APIs that
 * send requests, and any URL to another host in code, markup or CSS. Cadence has no server of its
 * own and its scopes forbid external requests (DESIGN.md "Security model"), so the list must be empty.
 */

/** APIs that send a request or open a connection, on the server (Apps Script) or in the page. */
const NETWORK_APIS: { name: string; pattern: RegExp }[] = [
  { name: 'UrlFetchApp', pattern: /\bUrlFetchApp\b/ },
  { name: 'fetch()', pattern: /(?<![\w$.])fetch\s*\(|\.fetch\s*\(/ },
  { name: 'XMLHttpRequest', pattern: /\bXMLHttpRequest\b/ },
  { name: 'WebSocket', pattern: /\bWebSocket\b/ },
  { name: 'EventSource', pattern: /\bEventSource\b/ },
  { name: 'sendBeacon', pattern: /\bsendBeacon\b/ },
  { name: 'importScripts', pattern: /\bimportScripts\b/ },
  { name: 'Worker', pattern: /\bnew\s+(?:Shared)?Worker\b/ },
  { name: 'RTCPeerConnection', pattern: /\bRTCPeerConnection\b/ },
  { name: 'window.open', pattern: /\bwindow\.open\s*\(/ },
  { name: 'Jdbc', pattern: /\bJdbc\b/ },
  { name: 'MailApp/GmailApp', pattern: /\b(?:MailApp|GmailApp)\b/ },
];

/**
 * XML namespace names look like URLs but are only identifiers (createElementNS never fetches
 * them): https://www.w3.org/TR/xml-names/#iri-use
 */
const NAMESPACE_URIS = new Set([
  'http://www.w3.org/2000/svg',
  'http://www.w3.org/1999/xhtml',
  'http://www.w3.org/1999/xlink',
  'http://www.w3.org/1998/Math/MathML',
  'http://www.w3.org/XML/1998/namespace',
  'http://www.w3.org/2000/xmlns/',
]);

/** Absolute (http, https, ws, wss, ftp) and protocol-relative URLs in quotes, markup or url(). */
const URL_PATTERN =
  /\b(?:https?|wss?|ftp):\/\/[^\s"'`()<>\\]+|(?<=["'(=]\s*)\/\/[A-Za-z0-9.-]+\.[A-Za-z]{2,}[^\s"'`()<>\\]*/g;

/** Attributes that load something, in markup: each value must be local (a fragment, data: or empty). */
const LOADING_ATTRIBUTE =
  /\b(src|href|action|formaction|srcset|poster|data|background|ping|manifest)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi;

/** CSS that loads something: @import of any kind, url() to anything but data: or a fragment. */
const CSS_IMPORT = /@import\b/g;
const CSS_URL = /url\(\s*(["']?)([^"')]*)\1\s*\)/gi;

export interface NetworkReach {
  kind: 'api' | 'url' | 'attribute' | 'css';
  text: string;
}

function isLocalReference(value: string): boolean {
  const v = value
    .trim()
    .replace(/^["']|["']$/g, '')
    .trim();
  return (
    v === '' ||
    v.startsWith('#') ||
    /^data:/i.test(v) ||
    /^javascript:\s*(void\(0\)|;)?$/i.test(v) ||
    /^about:blank$/i.test(v)
  );
}

/** Literal assignments in code that make the page load something: `img.src = "…"`, setAttribute('href', '…'). */
const CODE_LOAD =
  /(?:\.(?:src|href|action|srcset|poster)\s*=\s*|setAttribute\(\s*["'](?:src|href|action|srcset|poster)["']\s*,\s*)(["'`])([^"'`]*)\1/gi;

function scanCode(code: string, found: NetworkReach[]): void {
  for (const api of NETWORK_APIS) {
    const m = api.pattern.exec(code);
    if (m) found.push({ kind: 'api', text: `${api.name}: …${code.slice(Math.max(0, m.index - 30), m.index + 40)}…` });
  }
  for (const m of code.matchAll(CODE_LOAD)) {
    if (!isLocalReference(m[2])) found.push({ kind: 'attribute', text: m[0] });
  }
}

function scanUrlsAndCss(text: string, found: NetworkReach[]): void {
  for (const m of text.matchAll(URL_PATTERN)) {
    if (!NAMESPACE_URIS.has(m[0])) found.push({ kind: 'url', text: m[0] });
  }
  for (const m of text.matchAll(CSS_IMPORT))
    found.push({ kind: 'css', text: text.slice(m.index ?? 0, (m.index ?? 0) + 60) });
  for (const m of text.matchAll(CSS_URL)) {
    if (!isLocalReference(m[2])) found.push({ kind: 'css', text: m[0] });
  }
}

/** Every network reach in a built script (Code.js, or a page's inline script). */
export function findNetworkReachesInScript(code: string): NetworkReach[] {
  const found: NetworkReach[] = [];
  scanCode(code, found);
  scanUrlsAndCss(code, found);
  return found;
}

/** Every network reach in a built page: its markup's loading attributes, its scripts and styles. */
export function findNetworkReachesInPage(html: string): NetworkReach[] {
  const found: NetworkReach[] = [];
  const markup = html.replace(/<script\b[^>]*>([\s\S]*?)<\/script\s*>/gi, (tag, body: string) => {
    scanCode(body, found);
    // Keep the opening tag: <script src="…"> is itself a load.
    return tag.slice(0, tag.indexOf('>') + 1);
  });
  for (const m of markup.matchAll(LOADING_ATTRIBUTE)) {
    if (!isLocalReference(m[2])) found.push({ kind: 'attribute', text: m[0] });
  }
  scanUrlsAndCss(html, found);
  return found;
}
