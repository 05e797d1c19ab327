/**
 * The offline runtime's own costs: bulk getValues/setValues on an Attendance-sized tab (130,000 ×
 * 16), a run's fixed cost (new context + Code.js), and rendering a Patterns-sized view with rules.
 */
import { join } from 'node:path';
import { createEnvironment } from '../../src/runtime';
import { cadenceEnvironment } from '../cadence';

const ROWS = 130_000;
const COLUMNS = 16;

function attendanceRows(n: number): unknown[][] {
  const rows: unknown[][] = [];
  const day = 86_400_000;
  const start = Date.UTC(2021, 0, 4, 5);
  for (let i = 0; i < n; i++) {
    rows.push([
      `e-${i}`,
      new Date(start + Math.floor(i / 500) * 7 * day),
      `Group ${i % 3}`,
      `c-${i % 500}`,
      `Client ${i % 500}`,
      i % 7 ? 'present' : 'excused',
      i % 7 ? '' : 'illness',
      i % 7 === 0,
      '',
      false,
      new Date(start + i * 1000),
      'therapist@example.org',
      '',
      '',
      i,
      'short note',
    ]);
  }
  return rows;
}

function time<T>(f: () => T): [T, number] {
  const t = process.hrtime.bigint();
  const v = f();
  return [v, Number(process.hrtime.bigint() - t) / 1e6];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export function bench(): void {
  const fixture = join(process.cwd(), 'test/runtime/fixture');
  const env = createEnvironment({ distDir: fixture });
  const sheet = env.spreadsheet.insertSheet('Attendance', 0);
  sheet.insertRowsAfter(1000, ROWS);
  const rows = attendanceRows(ROWS);
  const range = sheet.getRange(2, 1, ROWS, COLUMNS);

  const writes = [0, 1, 2].map(() => time(() => range.setValues(rows))[1]);
  console.log(`runtime: setValues ${ROWS}x${COLUMNS} (test handle): median ${median(writes).toFixed(0)} ms`);
  const reads = [0, 1, 2].map(() => time(() => range.getValues())[1]);
  console.log(`runtime: getValues ${ROWS}x${COLUMNS} (Node realm): median ${median(reads).toFixed(0)} ms`);
  const runs = [0, 1, 2].map(() => time(() => env.run('readRows'))[1]);
  console.log(
    `runtime: run() reading ${ROWS}x${COLUMNS} into the add-on's realm (context + getValues + copy): median ${median(runs).toFixed(0)} ms`,
  );
  console.log(`runtime:   calls ${JSON.stringify(env.lastCalls.byMethod)}`);

  const small = createEnvironment({ distDir: fixture });
  const empties = Array.from({ length: 50 }, () => time(() => small.run('echo', 1))[1]);
  console.log(
    `runtime: fixed cost of one run (fresh context, fixture Code.js): median ${median(empties).toFixed(2)} ms`,
  );
  const built = cadenceEnvironment();
  const names = built.topLevelFunctions();
  if (names.includes('onOpen')) {
    const opens = Array.from({ length: 50 }, () => time(() => built.trigger('onOpen', 'LIMITED'))[1]);
    console.log(
      `runtime: fixed cost of one run (fresh context, built dist/Code.js, onOpen): median ${median(opens).toFixed(2)} ms`,
    );
  }

  const view = createEnvironment({ distDir: fixture });
  const patterns = view.spreadsheet.insertSheet('Patterns');
  patterns.insertColumnsAfter(26, 10);
  const grid = Array.from({ length: 500 }, (_, r) =>
    Array.from({ length: 32 }, (_, c) => (c === 0 ? `Client ${r}` : ['P', 'E', 'U', '', 'C'][(r + c) % 5])),
  );
  patterns.getRange(2, 1, 500, 32).setValues(grid);
  const app = view.spreadsheetApp;
  const area = patterns.getRange('B2:AF501');
  patterns.setConditionalFormatRules(
    ['U', 'E', 'P', 'C']
      .map((code, i) =>
        app
          .newConditionalFormatRule()
          .whenTextEqualTo(code)
          .setBackground(['#ea9999', '#fff2cc', '#d9ead3', '#efefef'][i])
          .setRanges([area])
          .build(),
      )
      .concat([
        app
          .newConditionalFormatRule()
          .whenFormulaSatisfied('=COUNTIF($B2:$AF2,"U")>=3')
          .setBackground('#f9cb9c')
          .setRanges([patterns.getRange('A2:A501')])
          .build(),
      ]),
  );
  const renders = [0, 1, 2].map(() => time(() => view.view())[1]);
  console.log(`runtime: view() of a 500x32 Patterns tab with 5 rules: median ${median(renders).toFixed(0)} ms`);

  // A user sorting the whole record by client, newest first.
  const [, sorted] = time(() =>
    range.sort([
      { column: 5, ascending: true },
      { column: 2, ascending: false },
    ]),
  );
  console.log(`runtime: Range.sort of ${ROWS} rows by two columns: ${sorted.toFixed(0)} ms`);

  // The whole record as GET /api/workbook renders it: dates and percentages through their formats.
  sheet.getRange(2, 2, ROWS, 1).setNumberFormat('yyyy-mm-dd');
  sheet.getRange(2, 11, ROWS, 1).setNumberFormat('yyyy-mm-dd hh:mm');
  const [, whole] = time(() => env.view());
  console.log(`runtime: view() of the ${ROWS}x${COLUMNS} Attendance tab: ${whole.toFixed(0)} ms`);
}
