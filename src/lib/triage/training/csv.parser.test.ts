import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvRecords } from './csv.parser.ts';

describe('parseCsv', () => {
  it('should keep commas, doubled quotes and newlines when a field is quoted', () => {
    expect(parseCsv('a,"b, ""c""\nd",e\r\nf,g,h\n')).toEqual([
      ['a', 'b, "c"\nd', 'e'],
      ['f', 'g', 'h'],
    ]);
  });

  it('should drop a byte-order mark when the file starts with one', () => {
    expect(parseCsvRecords('\ufeffflags,utterance\nB,hello\n')).toEqual([{ flags: 'B', utterance: 'hello' }]);
  });

  it('should keep the last row when the file has no final newline', () => {
    expect(parseCsv('x,y\n1,2')).toEqual([
      ['x', 'y'],
      ['1', '2'],
    ]);
  });
});
