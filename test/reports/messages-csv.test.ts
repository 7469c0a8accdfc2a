import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MessageRow } from '../../sim/metrics/results.js';
import { createMessagesCsvWriter } from '../../sim/reports/index.js';

const HEADER =
  'strategy,variant,id,sender,message,endpoint,instance,warmup,sent_ms,queued_ms,forwarded_ms,delivered_ms,started_ms,completed_ms,latency_ms,wait_ms,service_ms,attempts';

function message(id: number, overrides: Partial<MessageRow> = {}): MessageRow {
  return {
    strategy: 'round-robin',
    variant: '',
    id,
    sender: 'web',
    message: 'PlaceOrder',
    endpoint: 'Sales',
    instance: 'm2',
    warmup: false,
    sent_ms: 1000 + id,
    queued_ms: 1001.5 + id,
    forwarded_ms: NaN,
    delivered_ms: 1001.5 + id,
    started_ms: 1002.25 + id,
    completed_ms: 1202.25 + id,
    latency_ms: 202.25,
    wait_ms: 2.25,
    service_ms: 200,
    attempts: 1,
    ...overrides,
  };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'messages-csv-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('createMessagesCsvWriter', () => {
  it('writes the header, then one line per message', () => {
    const path = join(dir, 'messages.csv');
    const writer = createMessagesCsvWriter(path);
    writer.write(message(1, { warmup: true, sent_ms: 0.1 + 0.2 }));
    writer.write(
      message(2, {
        strategy: 'distributor',
        variant: '1s, slow',
        sender: 'web, eu',
        message: 'Say "hi"',
        forwarded_ms: 3_600_000.1234567,
        wait_ms: NaN,
        attempts: 3,
      }),
    );
    writer.close();
    expect(readFileSync(path, 'utf8')).toBe(
      HEADER +
        '\n' +
        'round-robin,,1,web,PlaceOrder,Sales,m2,true,0.3,1002.5,,1002.5,1003.25,1203.25,202.25,2.25,200,1\n' +
        'distributor,"1s, slow",2,"web, eu","Say ""hi""",Sales,m2,false,1002,1003.5,3600000.123,1003.5,1004.25,1204.25,202.25,,200,3\n',
    );
  });

  it('writes just the header when no message completed', () => {
    const path = join(dir, 'messages.csv');
    createMessagesCsvWriter(path).close();
    expect(readFileSync(path, 'utf8')).toBe(HEADER + '\n');
  });

  it('keeps every line intact across many buffer flushes, including non-ASCII names', () => {
    const path = join(dir, 'messages.csv');
    const writer = createMessagesCsvWriter(path);
    const count = 20_000; // ~2 MB: about 30 flushes of the 64 KB buffer
    for (let id = 0; id < count; id++) writer.write(message(id, { instance: id % 7 === 0 ? 'größe-ü' : 'm2' }));
    writer.close();
    const lines = readFileSync(path, 'utf8').split('\n');
    expect(lines).toHaveLength(count + 2); // header, rows, '' after the last newline
    expect(lines[0]).toBe(HEADER);
    expect(lines[count + 1]).toBe('');
    for (let id = 0; id < count; id++) {
      const cells = lines[id + 1].split(',');
      expect(cells[2]).toBe(String(id));
      expect(cells[6]).toBe(id % 7 === 0 ? 'größe-ü' : 'm2');
      expect(cells[8]).toBe(String(1000 + id));
      expect(cells[17]).toBe('1');
    }
  });

  it('writes a line longer than its buffer', () => {
    const path = join(dir, 'messages.csv');
    const writer = createMessagesCsvWriter(path);
    const long = 'x'.repeat(70_000);
    writer.write(message(1));
    writer.write(message(2, { message: long }));
    writer.write(message(3));
    writer.close();
    const lines = readFileSync(path, 'utf8').split('\n');
    expect(lines.map((line) => line.split(',')[2])).toEqual(['id', '1', '2', '3', undefined]);
    expect(lines[2].split(',')[4]).toBe(long);
  });

  it('refuses writes after close, and close twice is harmless', () => {
    const writer = createMessagesCsvWriter(join(dir, 'messages.csv'));
    writer.close();
    writer.close();
    expect(() => writer.write(message(1))).toThrow(/is closed/);
  });
});
