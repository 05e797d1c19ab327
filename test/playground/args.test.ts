import { DEFAULT_PORT, DEFAULT_WORKBOOK, UsageError, parseArgs } from '../../src/playground/args';

describe('parseArgs', () => {
  it('defaults to port 8080 on 127.0.0.1 and the git-ignored workbook file', () => {
    expect(parseArgs([], {})).toEqual({
      port: DEFAULT_PORT,
      host: '127.0.0.1',
      workbookPath: DEFAULT_WORKBOOK,
      fresh: false,
      importPath: null,
      dev: false,
      force: false,
    });
    expect(DEFAULT_PORT).toBe(8080);
    expect(DEFAULT_WORKBOOK).toBe('.playground/workbook.json');
  });

  it('takes the port from PORT, and --port over PORT', () => {
    expect(parseArgs([], { PORT: '9000' })?.port).toBe(9000);
    expect(parseArgs(['--port', '9100'], { PORT: '9000' })?.port).toBe(9100);
    expect(parseArgs(['--port=0'], {})?.port).toBe(0);
  });

  it('reads --workbook, --fresh and --import in both spellings', () => {
    expect(parseArgs(['--workbook', 'a.json', '--fresh'], {})).toMatchObject({
      workbookPath: 'a.json',
      fresh: true,
      importPath: null,
    });
    expect(parseArgs(['--workbook=b.json'], {})?.workbookPath).toBe('b.json');
  });

  it('starts fresh when a roster is imported: its clients have no history here', () => {
    expect(parseArgs(['--import', 'roster.xlsx'], {})).toMatchObject({ importPath: 'roster.xlsx', fresh: true });
  });

  it('reads --dev (npm run dev), which takes no value', () => {
    expect(parseArgs(['--dev'], {})?.dev).toBe(true);
    expect(() => parseArgs(['--dev=yes'], {})).toThrow('--dev takes no value.');
  });

  it('answers null for --help', () => {
    expect(parseArgs(['--help'], {})).toBeNull();
    expect(parseArgs(['--fresh', '-h'], {})).toBeNull();
  });

  it.each([
    [['--port', 'eighty'], /--port must be a port number/],
    [['--port', '70000'], /--port must be a port number/],
    [['--port'], /--port needs a value/],
    [['--workbook', '--fresh'], /--workbook needs a value/],
    [['--import='], /--import needs a value/],
    [['--fresh=yes'], /--fresh takes no value/],
    [['--open'], /Unknown option "--open"/],
    [['roster.xlsx'], /Unknown option "roster.xlsx"/],
  ])('refuses %j with a message saying what is wrong', (argv, message) => {
    expect(() => parseArgs(argv, {})).toThrow(UsageError);
    expect(() => parseArgs(argv, {})).toThrow(message);
  });

  it('refuses a PORT that is not a port', () => {
    expect(() => parseArgs([], { PORT: 'abc' })).toThrow(/PORT must be a port number/);
  });
});

test('--force is a flag that lets --fresh or --import replace a workbook holding entries', () => {
  expect(parseArgs(['--fresh', '--force'], {})).toMatchObject({ fresh: true, force: true });
  expect(() => parseArgs(['--force=yes'], {})).toThrow(/--force takes no value/);
});
