import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/errors';
import { checkFile, rejectPlace, uploadProblem } from './uploadRules';

const MAX = 1_048_576;

describe('upload checks', () => {
  it('takes a CSV within the limit', () => {
    expect(checkFile({ name: 'counts.csv', size: 120, type: 'text/csv' }, MAX)).toEqual({ ok: true });
    expect(checkFile({ name: 'COUNTS.CSV', size: 120, type: 'application/vnd.ms-excel' }, MAX)).toEqual({ ok: true });
  });

  it('refuses other files, naming them', () => {
    const png = checkFile({ name: 'photo.png', size: 120, type: 'image/png' }, MAX);
    expect(png.ok).toBe(false);
    expect(!png.ok && png.message).toContain('“photo.png” (image/png) is not a CSV file');
    expect(checkFile({ name: 'fake.csv', size: 12, type: 'image/png' }, MAX).ok).toBe(false);
    expect(checkFile({ name: 'empty.csv', size: 0, type: 'text/csv' }, MAX)).toMatchObject({ ok: false, message: expect.stringContaining('“empty.csv” is empty') });
    expect(checkFile({ name: 'big.csv', size: MAX + 1, type: 'text/csv' }, MAX)).toMatchObject({ ok: false, message: expect.stringContaining('limited to 1.0 MB') });
  });

  it('words the API refusals by the input at fault', () => {
    const key = uploadProblem(new ApiError('x', 'auth', 401, "Header 'x-tributary-key' is not the source's upload key."), 'a.csv', 'city-counters');
    expect(key.input).toBe('key');
    expect(key.message).toContain('The upload key was not accepted for city-counters');
    expect(key.message).toContain("Header 'x-tributary-key'");
    expect(uploadProblem(new ApiError('x', 'invalid', 400, 'no column pedestrians'), 'a.csv', 's')).toMatchObject({ input: 'file', message: expect.stringContaining('“a.csv” could not be read') });
    expect(uploadProblem(new ApiError('x', 'invalid', 413), 'a.csv', 's').input).toBe('file');
    expect(uploadProblem(new ApiError('x', 'invalid', 415), 'a.csv', 's').message).toContain('UTF-8 CSV');
    expect(uploadProblem(new ApiError('Too many requests; try again in 20 s.', 'rate-limited', 429), 'a.csv', 's').message).toContain('try again in 20 s');
  });

  it('reads the line and column of a reject', () => {
    expect(rejectPlace('line 5:time')).toEqual({ line: 5, column: 'time' });
    expect(rejectPlace('line 7')).toEqual({ line: 7, column: null });
    expect(rejectPlace('$[3].city')).toEqual({ line: null, column: null });
  });
});
