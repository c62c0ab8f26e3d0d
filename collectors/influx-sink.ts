// InfluxDB 1.x sink on the `influx` package: a bounded buffer, batched writes, retry with
// exponential backoff while the database is away. Nothing is dropped silently: when the bound is
// hit the oldest points go and spbe_influx_points_dropped_total says how many.
import { InfluxDB } from "influx";
import * as N from "./metric-names";
import type { InfluxPoint } from "./influx-points";

export interface InfluxSinkOptions {
  url: string; // http://host:port
  database: string;
  batchSize?: number;
  flushIntervalMs?: number;
  maxBuffered?: number;
  backoffInitialMs?: number;
  backoffMaxMs?: number;
  log?: (line: string) => void;
}

export class InfluxSink {
  private readonly client: InfluxDB;
  private buffer: InfluxPoint[] = [];
  private head = 0; // index of the oldest unsent point (avoids O(n) shifts)
  private timer?: NodeJS.Timeout;
  private writing?: Promise<void>;
  private dbReady = false;
  private backoffMs: number;
  private nextTryAt = 0;
  private failing = false;
  readonly stats = { written: 0, dropped: 0, rejected: 0, writeErrors: 0 };
  private readonly o: Required<Omit<InfluxSinkOptions, "log">> & Pick<InfluxSinkOptions, "log">;

  constructor(opts: InfluxSinkOptions) {
    this.o = { batchSize: 5000, flushIntervalMs: 1000, maxBuffered: 1_000_000, backoffInitialMs: 250, backoffMaxMs: 30_000, ...(Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)) as InfluxSinkOptions) };
    const u = new URL(this.o.url);
    this.client = new InfluxDB({ host: u.hostname, port: Number(u.port || 8086), protocol: u.protocol === "https:" ? "https" : "http", database: this.o.database });
    this.backoffMs = this.o.backoffInitialMs;
  }

  get buffered(): number {
    return this.buffer.length - this.head;
  }

  start(): void {
    this.timer = setInterval(() => void this.flush(), this.o.flushIntervalMs);
    this.timer.unref();
  }

  add(points: InfluxPoint[]): void {
    this.buffer.push(...points);
    const over = this.buffered - this.o.maxBuffered;
    if (over > 0) {
      this.head += over;
      this.stats.dropped += over;
      this.o.log?.(`influx: buffer full (${this.o.maxBuffered} points): dropped the ${over} oldest`);
    }
    if (this.head > 100_000 && this.head > this.buffer.length / 2) {
      this.buffer = this.buffer.slice(this.head);
      this.head = 0;
    }
    if (this.buffered >= this.o.batchSize) void this.flush();
  }

  /** Writes what is buffered (one writer at a time). Resolves when the buffer is empty or a write failed. */
  flush(): Promise<void> {
    if (this.writing) return this.writing;
    if (this.buffered === 0 || Date.now() < this.nextTryAt) return Promise.resolve();
    this.writing = this.drain().finally(() => {
      this.writing = undefined;
    });
    return this.writing;
  }

  private async drain(): Promise<void> {
    while (this.buffered > 0) {
      const batch = this.buffer.slice(this.head, this.head + this.o.batchSize);
      try {
        if (!this.dbReady) {
          await this.client.createDatabase(this.o.database); // idempotent in InfluxDB 1.x
          this.dbReady = true;
        }
        await this.client.writePoints(batch as never, { precision: "ms" });
      } catch (err) {
        const status = (err as { res?: { statusCode?: number } }).res?.statusCode;
        if (status === 400) {
          // InfluxDB refused the batch as malformed (it keeps the parseable points of a partial
          // write). Retrying cannot help: count the batch as rejected, say so, and move on.
          this.head = Math.min(this.head + batch.length, this.buffer.length);
          this.stats.rejected += batch.length;
          this.o.log?.(`influx: ${batch.length} points rejected as malformed (not retried): ${(err as Error).message.slice(0, 300)}`);
          this.recovered();
          continue;
        }
        this.stats.writeErrors++;
        this.nextTryAt = Date.now() + this.backoffMs;
        if (!this.failing) this.o.log?.(`influx: write failed, keeping ${this.buffered} points and retrying with backoff: ${(err as Error).message}`);
        this.failing = true;
        this.backoffMs = Math.min(this.backoffMs * 2, this.o.backoffMaxMs);
        return;
      }
      // Points may have been dropped from the head while we were writing: only advance past what we sent.
      const sentEnd = this.head + batch.length;
      this.head = Math.min(sentEnd, this.buffer.length);
      this.stats.written += batch.length;
      this.recovered();
    }
    this.buffer = [];
    this.head = 0;
  }

  private recovered(): void {
    if (this.failing) this.o.log?.(`influx: writes succeed again`);
    this.failing = false;
    this.backoffMs = this.o.backoffInitialMs;
    this.nextTryAt = 0;
  }

  /** SIGTERM: stop the timer and try to write everything, for at most `deadlineMs`. */
  async close(deadlineMs = 10_000): Promise<void> {
    clearInterval(this.timer);
    const end = Date.now() + deadlineMs;
    while (this.buffered > 0 && Date.now() < end) {
      this.nextTryAt = 0;
      await this.flush();
      if (this.buffered > 0) await new Promise((r) => setTimeout(r, Math.min(this.backoffMs, Math.max(0, end - Date.now()))));
    }
  }

  metricsText(): string {
    return (
      `# HELP ${N.SPBE_INFLUX_POINTS_WRITTEN_TOTAL} Points written to InfluxDB.\n# TYPE ${N.SPBE_INFLUX_POINTS_WRITTEN_TOTAL} counter\n${N.SPBE_INFLUX_POINTS_WRITTEN_TOTAL} ${this.stats.written}\n` +
      `# HELP ${N.SPBE_INFLUX_POINTS_DROPPED_TOTAL} Points dropped because the buffer bound was hit.\n# TYPE ${N.SPBE_INFLUX_POINTS_DROPPED_TOTAL} counter\n${N.SPBE_INFLUX_POINTS_DROPPED_TOTAL} ${this.stats.dropped}\n` +
      `# HELP ${N.SPBE_INFLUX_POINTS_REJECTED_TOTAL} Points InfluxDB refused as malformed (HTTP 400), not retried.\n# TYPE ${N.SPBE_INFLUX_POINTS_REJECTED_TOTAL} counter\n${N.SPBE_INFLUX_POINTS_REJECTED_TOTAL} ${this.stats.rejected}\n` +
      `# HELP ${N.SPBE_INFLUX_BUFFERED_POINTS} Points waiting to be written.\n# TYPE ${N.SPBE_INFLUX_BUFFERED_POINTS} gauge\n${N.SPBE_INFLUX_BUFFERED_POINTS} ${this.buffered}\n` +
      `# HELP ${N.SPBE_INFLUX_WRITE_ERRORS_TOTAL} Failed batch writes (retried).\n# TYPE ${N.SPBE_INFLUX_WRITE_ERRORS_TOTAL} counter\n${N.SPBE_INFLUX_WRITE_ERRORS_TOTAL} ${this.stats.writeErrors}\n`
    );
  }
}
