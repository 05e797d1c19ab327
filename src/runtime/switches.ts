/**
 * Behaviours of Google Sheets that no reference page settles (DESIGN.md "Fidelity"; issue 9).
 * Each has a named switch: the default is the runtime's best reading, the alternative the other
 * plausible behaviour. The add-on must be right under both, so CI runs the server and robustness
 * suites a second time with every switch on its alternative (CADENCE_RUNTIME_SWITCHES=alternative,
 * `npm run test:alternatives`). `npm run conformance:live` measures which one Google has.
 *
 * CADENCE_RUNTIME_SWITCHES is read when an environment is created: `alternative` (every switch
 * flipped), or a comma-separated list `name=value,...`. EnvironmentOptions.switches wins over it.
 */

export interface SwitchInfo<V extends string = string> {
  values: readonly [V, V];
  /** What is known, and where from. */
  known: string;
  /** What Cadence does so that either value is fine. */
  cadence: string;
}

export const SWITCHES = {
  apostropheInTextFormat: {
    values: ['hidden', 'kept'],
    known:
      'A leading apostrophe marks typed text and is not part of the value in a General cell ' +
      '(https://support.google.com/docs/answer/3094145 number formats; https://gist.github.com/tanaikech/ec156204f3a2d96873dce5f6ba4674d6). ' +
      'Nothing says whether it is kept as a visible character when written into a cell already formatted plain text (@).',
    cadence: 'Patterns writes its text cells in General format, never @; user text keeps its apostrophe.',
  },
  multiRangeRuleAnchor: {
    values: ['firstRange', 'boundingBox'],
    known:
      'A custom formula is written for the top-left cell of the range it applies to (https://support.google.com/docs/answer/78413); ' +
      "for a rule over several ranges the help does not say whether relative references move from the first range or from the ranges' bounding box.",
    cadence: 'Every Cadence rule has exactly one range (core/patterns.ts RuleSpec).',
  },
  metadataFinderOrder: {
    values: ['creation', 'reverse'],
    known:
      'DeveloperMetadataFinder.find() documents no order (https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-finder#find()), and metadata ids are not sequential.',
    cadence:
      "Cadence finds its tabs by the sheet ID it remembered in document properties; the tag is only a fallback, and a tie is broken by tab name and position, never by the finder's order.",
  },
  countifTextNumbers: {
    values: ['numbersOnly', 'numbersAndText'],
    known:
      'COUNTIF compares a numeric-looking criterion ("007") numerically; whether a text cell "007" is counted is not documented ' +
      '(https://support.google.com/docs/answer/3093480), and * ? ~ < > = in a criterion are wildcards and operators.',
    cadence:
      'Cadence no longer uses COUNTIF: the roster highlight matches IDs and names as exact text (EXACT over TRIM(x&"")), week codes with FIND.',
  },
  deleteAllNonFrozenRows: {
    values: ['refused', 'allowed'],
    known:
      'Apps Script refuses "Sorry, it is not possible to delete all non-frozen rows." in common reports; Sheet.deleteRows\' reference does not say.',
    cadence: 'Patterns always keeps one row below its frozen rows.',
  },
  freezeAllRows: {
    values: ['allowed', 'refused'],
    known:
      'Sheet.setFrozenRows/Columns (https://developers.google.com/apps-script/reference/spreadsheet/sheet#setFrozenRows(Integer)) does not say whether every row or column of a sheet may be frozen.',
    cadence: 'Cadence freezes its header rows only on tabs that keep at least one row (and column) beyond them.',
  },
  copyCarriesMetadata: {
    values: ['yes', 'no'],
    known:
      'Sheet.copyTo (https://developers.google.com/apps-script/reference/spreadsheet/sheet#copyTo(Spreadsheet)) and Duplicate in the tab menu do not say whether developer metadata travels with the copy.',
    cadence:
      'A copy is never taken for the record: the remembered sheet ID wins, and any other tab carrying the tag is named in a warning and never written.',
  },
  personEditMovesScriptWrites: {
    values: ['fixed', 'shifted'],
    known:
      'A Range is a sheet and grid coordinates (https://developers.google.com/apps-script/reference/spreadsheet/range), and ' +
      'SpreadsheetApp.flush() says writes are "bundled together" and sent later (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#flush()). ' +
      "Nothing says whether a person's row or column insert or delete, made in the editor while a script runs, moves the script's " +
      "pending writes and earlier Ranges with the grid (as collaborators' selections move) or lets them land at the coordinates the script computed.",
    cadence:
      "appendEntries inserts its rows and counts the tab's rows before and after the write; when a person inserted or deleted rows " +
      'meanwhile, it works out from the record as read where the write landed (core/landing.ts), puts back any cells of theirs it ' +
      'covered and moves its own rows into the rows it inserted; a changed header row makes it rewrite its rows where the columns now are.',
  },
  lockInSimpleTriggers: {
    values: ['available', 'refused'],
    known:
      'A simple trigger cannot use "services that require authorization" (https://developers.google.com/apps-script/guides/triggers#restrictions); ' +
      'the editor add-on lifecycle\'s table grants LIMITED "any services that don\'t access user data" ' +
      '(https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle), but no page names LockService in an onEdit(e) of an editor add-on.',
    cadence:
      'The Quick entry tab saves from onEdit only while holding the document lock; where the lock is refused it stores nothing and says in its status line to save from the sidebar.',
  },
} as const satisfies Record<string, SwitchInfo>;

export type SwitchName = keyof typeof SWITCHES;
export type RuntimeSwitches = { [K in SwitchName]: (typeof SWITCHES)[K]['values'][number] };

export function defaultSwitches(): RuntimeSwitches {
  return Object.fromEntries(Object.entries(SWITCHES).map(([k, v]) => [k, v.values[0]])) as RuntimeSwitches;
}

export function alternativeSwitches(): RuntimeSwitches {
  return Object.fromEntries(Object.entries(SWITCHES).map(([k, v]) => [k, v.values[1]])) as RuntimeSwitches;
}

/** Switches from CADENCE_RUNTIME_SWITCHES (see above); an unknown name or value is refused loudly. */
export function switchesFrom(spec: string | undefined, overrides: Partial<RuntimeSwitches> = {}): RuntimeSwitches {
  const text = (spec ?? '').trim();
  const out = text === 'alternative' ? alternativeSwitches() : defaultSwitches();
  if (text && text !== 'alternative' && text !== 'default') {
    for (const part of text.split(',')) {
      const [name, value] = part.split('=').map((x) => x.trim());
      const info = (SWITCHES as Record<string, SwitchInfo>)[name];
      if (!info || !info.values.includes(value)) {
        throw new Error(
          `CADENCE_RUNTIME_SWITCHES: unknown switch or value "${part}" (switches: ${Object.keys(SWITCHES).join(', ')})`,
        );
      }
      (out as Record<string, string>)[name] = value;
    }
  }
  for (const [name, value] of Object.entries(overrides)) {
    const info = (SWITCHES as Record<string, SwitchInfo>)[name];
    if (!info || !info.values.includes(value as string))
      throw new Error(`offline runtime: unknown switch or value ${name}=${String(value)}`);
    (out as Record<string, string>)[name] = value as string;
  }
  return out;
}
