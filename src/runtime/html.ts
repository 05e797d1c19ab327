/**
 * HtmlService: createHtmlOutputFromFile reads the built page from distDir (a name gets '.html'
 * appended, as Apps Script files are named without it), createHtmlOutput wraps a string.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SandboxMode, XFrameOptionsMode } from './enums';
import type { Execution } from './execution';
import { serviceObject } from './service';

type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

/** The record of an output, read by Ui.showSidebar through this map rather than a counted getter. */
export const htmlContents = new WeakMap<object, { title: string; content: string; width: number; height: number }>();

export function htmlOutput(exec: Execution, initial: string): HtmlOutput {
  const state = { title: '', content: initial, width: 300, height: 500 };
  const impl: Pick<
    HtmlOutput,
    | 'getContent'
    | 'setContent'
    | 'append'
    | 'appendUntrusted'
    | 'clear'
    | 'getTitle'
    | 'setTitle'
    | 'getWidth'
    | 'setWidth'
    | 'getHeight'
    | 'setHeight'
    | 'setSandboxMode'
    | 'setXFrameOptionsMode'
    | 'addMetaTag'
    | 'setFaviconUrl'
  > = {
    getContent: () => state.content,
    setContent(content) {
      state.content = String(content);
      return self;
    },
    append(addedContent) {
      state.content += String(addedContent);
      return self;
    },
    appendUntrusted(addedContent) {
      state.content += String(addedContent)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;');
      return self;
    },
    clear() {
      state.content = '';
      return self;
    },
    getTitle: () => state.title,
    setTitle(title) {
      state.title = String(title);
      return self;
    },
    getWidth: () => state.width,
    setWidth(width) {
      state.width = width;
      return self;
    },
    getHeight: () => state.height,
    setHeight(height) {
      state.height = height;
      return self;
    },
    setSandboxMode: () => self,
    setXFrameOptionsMode: () => self,
    addMetaTag: () => self,
    setFaviconUrl: () => self,
  };
  const self = serviceObject<HtmlOutput>(exec, 'HtmlOutput', impl);
  htmlContents.set(self, state);
  return self;
}

export function htmlService(exec: Execution): GoogleAppsScript.HTML.HtmlService {
  const impl: Pick<GoogleAppsScript.HTML.HtmlService, 'createHtmlOutputFromFile' | 'createHtmlOutput'> &
    Record<string, unknown> = {
    createHtmlOutputFromFile(filename: string) {
      const base = join(exec.world.settings.distDir, String(filename));
      const file = [base, `${base}.html`].find((f) => existsSync(f) && !f.endsWith('.js'));
      if (!file) throw new Error(`No HTML file named ${filename} was found.`);
      return htmlOutput(exec, readFileSync(file, 'utf8'));
    },
    createHtmlOutput: ((html?: unknown) =>
      htmlOutput(
        exec,
        html === undefined ? '' : String(html),
      )) as GoogleAppsScript.HTML.HtmlService['createHtmlOutput'],
    SandboxMode,
    XFrameOptionsMode,
  };
  return serviceObject(exec, 'HtmlService', impl);
}
