// A CSV reader for showing a landed page as a table (RFC 4180): fields split by commas, records by CRLF (a bare LF
// or CR is accepted too, as vendors send them), a field in double quotes may hold commas, line breaks and "" for a
// quote. Only the first `maxRecords` records are kept; the rest are counted, not built, so a page of millions of
// rows costs one pass over its text and no more memory than the table shows.

export interface CsvTable {
  /** The first records (the header is record 0), each its fields as text. */
  records: string[][];
  /** How many records the whole text holds (the header included). */
  total: number;
  /** The text ended inside a quoted field: the last field runs to the end, as it was sent. */
  unterminatedQuote: boolean;
}

const QUOTE = 34; // "
const COMMA = 44; // ,
const CR = 13;
const LF = 10;

export function parseCsv(text: string, maxRecords = Number.POSITIVE_INFINITY): CsvTable {
  const records: string[][] = [];
  let total = 0;
  let record: string[] = [];
  let field = '';
  let inQuotes = false;
  // A record with something in it (a field, a separator, a quote): an empty line between records is no record.
  let started = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a byte order mark is no part of the first header
  let keep = maxRecords > 0;
  let runStart = i;

  const endField = (end: number) => {
    if (keep) record.push(field + text.slice(runStart, end));
    field = '';
  };
  const endRecord = () => {
    if (keep) records.push(record);
    total++;
    record = [];
    started = false;
    keep = records.length < maxRecords;
  };

  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (inQuotes) {
      if (c === QUOTE) {
        if (text.charCodeAt(i + 1) === QUOTE) {
          // An escaped quote: keep the run up to and including one of the two.
          if (keep) field += text.slice(runStart, i + 1);
          i += 2;
          runStart = i;
          continue;
        }
        if (keep) field += text.slice(runStart, i);
        inQuotes = false;
        i++;
        runStart = i;
        continue;
      }
      i++;
      continue;
    }
    if (c === COMMA) {
      endField(i);
      started = true;
      i++;
      runStart = i;
    } else if (c === CR || c === LF) {
      if (started || i > runStart) {
        endField(i);
        endRecord();
      }
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      runStart = i;
    } else if (c === QUOTE && i === runStart && field === '') {
      // A quote opens a quoted field only at the field's start; elsewhere (a"b) it is kept as a character.
      inQuotes = true;
      started = true;
      i++;
      runStart = i;
    } else {
      i++;
    }
  }
  const unterminatedQuote = inQuotes;
  if (started || n > runStart) {
    endField(n);
    endRecord();
  }
  return { records, total, unterminatedQuote };
}
