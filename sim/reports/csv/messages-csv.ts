// messages.csv (--messages-csv): one line per completed work message, streamed to disk as the run goes,
// because a long run has millions of messages and keeping them would cost gigabytes.
//
// Performance: write() is called once per message. It builds the line with string concatenation
// (the only allocation), copies it into one reused 64 KB buffer and calls fs.writeSync only when the
// buffer is full. csv-stringify is not used here: it allocates several objects per record.
import { closeSync, openSync, writeSync } from 'node:fs';
import type { MessageRow, MessageSink } from '../../metrics/results.js';
import { MESSAGE_COLUMNS } from './columns.js';
import { formatFixed } from '../format/number-format.js';

const BUFFER_BYTES = 64 * 1024;
/** UTF-8 needs at most 3 bytes per UTF-16 code unit; reserving this much means a line always fits. */
const MAX_BYTES_PER_CHAR = 3;
/**
 * Timestamps are absolute ms since the start of the run: six significant digits (as in summary.csv)
 * would blur them to 10 ms after an hour, so they keep a fixed microsecond resolution instead.
 */
const MS_DECIMALS = 3;

export interface MessagesCsvWriter extends MessageSink {
  /** Writes what is buffered and closes the file. Safe to call twice. */
  close(): void;
}

export function createMessagesCsvWriter(path: string): MessagesCsvWriter {
  const fd = openSync(path, 'w');
  const buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  let used = 0;
  let closed = false;

  const flush = (): void => {
    let done = 0;
    while (done < used) done += writeSync(fd, buffer, done, used - done);
    used = 0;
  };

  const append = (line: string): void => {
    if (used + line.length * MAX_BYTES_PER_CHAR > BUFFER_BYTES) {
      flush();
      // A line longer than the whole buffer (absurdly long names) goes straight to the file.
      if (line.length * MAX_BYTES_PER_CHAR > BUFFER_BYTES) {
        writeSync(fd, line);
        return;
      }
    }
    used += buffer.write(line, used);
  };

  append(MESSAGE_COLUMNS.join(',') + '\n');

  return {
    write(row: MessageRow): void {
      if (closed) throw new Error(`messages.csv writer for ${path} is closed`);
      append(
        field(row.strategy) +
          ',' +
          field(row.variant) +
          ',' +
          formatFixed(row.id, 0) +
          ',' +
          field(row.sender) +
          ',' +
          field(row.message) +
          ',' +
          field(row.endpoint) +
          ',' +
          field(row.instance) +
          ',' +
          (row.warmup ? 'true' : 'false') +
          ',' +
          formatFixed(row.sent_ms, MS_DECIMALS) +
          ',' +
          formatFixed(row.queued_ms, MS_DECIMALS) +
          ',' +
          formatFixed(row.forwarded_ms, MS_DECIMALS) +
          ',' +
          formatFixed(row.delivered_ms, MS_DECIMALS) +
          ',' +
          formatFixed(row.started_ms, MS_DECIMALS) +
          ',' +
          formatFixed(row.completed_ms, MS_DECIMALS) +
          ',' +
          formatFixed(row.latency_ms, MS_DECIMALS) +
          ',' +
          formatFixed(row.wait_ms, MS_DECIMALS) +
          ',' +
          formatFixed(row.service_ms, MS_DECIMALS) +
          ',' +
          formatFixed(row.attempts, 0) +
          '\n',
      );
    },
    close(): void {
      if (closed) return;
      closed = true;
      try {
        flush();
      } finally {
        closeSync(fd);
      }
    },
  };
}

const NEEDS_QUOTES = /[",\r\n]/;

/** A text cell, quoted the way csv-stringify quotes (only when it holds a comma, quote or line end). */
function field(text: string): string {
  return NEEDS_QUOTES.test(text) ? '"' + text.replaceAll('"', '""') + '"' : text;
}
