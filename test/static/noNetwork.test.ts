/**
 * The built add-on never reaches the network: Code.js calls no UrlFetchApp (its scopes would not
 * allow it anyway) and Sidebar.html loads no script, style, font or image from another host.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findNetworkReachesInPage, findNetworkReachesInScript } from './networkScan';

const dist = join(__dirname, '../../dist');
const read = (file: string) => readFileSync(join(dist, file), 'utf8');

describe('the network scan itself', () => {
  // Each line is a way a build could reach out; the scan must see every one of them.
  test.each([
    'UrlFetchApp.fetch(u)',
    'const r = fetch("/x")',
    'window.fetch(u)',
    'new XMLHttpRequest()',
    'new WebSocket(u)',
    'navigator.sendBeacon(u, d)',
    'const u = "https://example.com/collect"',
    "img.src = 'https://tracker.example/p.gif'",
    "el.setAttribute('href', '//cdn.example.com/x.css')",
  ])('finds %s in a script', (code) => {
    expect(findNetworkReachesInScript(code)).not.toEqual([]);
  });

  test.each([
    '<script src="https://cdn.example.com/lib.js"></script>',
    '<link rel="stylesheet" href="//fonts.example.com/css">',
    '<img src=http://example.com/a.png>',
    '<style>@import "x.css";</style>',
    '<style>body{background:url(https://example.com/bg.png)}</style>',
    '<form action="https://example.com/post"></form>',
    '<script>var s=document.createElement("script");s.src="https://evil.example/x.js"</script>',
  ])('finds %s in a page', (html) => {
    expect(findNetworkReachesInPage(html)).not.toEqual([]);
  });

  test.each([
    '<a href="#settings">Settings</a>',
    '<img src="data:image/png;base64,AAAA">',
    '<script>e.src=t;document.createElementNS("http://www.w3.org/2000/svg","svg")</script>',
  ])('lets %s pass (local references only)', (html) => {
    expect(findNetworkReachesInPage(html)).toEqual([]);
  });
});

describe('the built bundle', () => {
  test('dist/Code.js makes no network call', () => {
    expect(findNetworkReachesInScript(read('Code.js'))).toEqual([]);
  });

  test('dist/Sidebar.html loads nothing from the network', () => {
    expect(findNetworkReachesInPage(read('Sidebar.html'))).toEqual([]);
  });

  test('dist/Sidebar.html is one self-contained file: inline script and style, no external reference', () => {
    const html = read('Sidebar.html');
    expect(html).toMatch(/<script>[\s\S]+<\/script>/);
    expect(html).not.toMatch(/<script\b[^>]*\bsrc\s*=/i);
    expect(html).not.toMatch(/<link\b[^>]*\brel\s*=\s*["']?stylesheet/i);
  });
});
