import { buildPatternGrid } from '../../src/core/patterns';
import type { PatternGrid, PatternInput } from '../../src/core/patterns';
import { recordFigures } from '../../src/core/recordFigures';
import { tableOf } from '../../src/core/recordTable';
import type { Entry } from '../../src/core/types';

/**
 * Record layouts the tests share. Tabs written before issue 10 had identifiers first, the links and
 * request id last, and a "Superseded by" column Cadence filled in place; such tabs are still read.
 */
export const PRE_APPEND_ONLY_HEADERS: readonly string[] = [
  'Entry ID',
  'Session date',
  'Group',
  'Client ID',
  'Client',
  'Status',
  'Reason',
  'Notice given',
  'Note',
  'Follow up',
  'Follow-up done',
  'Recorded at',
  'Recorded by',
  'Replaces',
  'Superseded by',
  'Request ID',
];

/** An entry with every field a test does not name left blank, as a fresh row of the record reads. */
export function blankEntry(
  fields: Pick<Entry, 'entryId' | 'sessionDate' | 'clientId' | 'status'> & Partial<Entry>,
): Entry {
  return {
    group: '',
    client: fields.clientId,
    reason: '',
    notice: null,
    note: '',
    followUp: false,
    followUpDone: '',
    recordedAt: '',
    recordedBy: '',
    replaces: '',
    supersededBy: '',
    requestId: '',
    ...fields,
  };
}

/** The Patterns grid of a record given as its entries (every row, in order). */
export function gridOf(input: Omit<PatternInput, 'figures'> & { entries: readonly Entry[] }): PatternGrid {
  const { entries, ...rest } = input;
  return buildPatternGrid({ ...rest, figures: recordFigures(tableOf(entries), input.settings, input.today) });
}
