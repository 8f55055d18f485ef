import type { Connection } from 'pg';

/** What the node-postgres client calls on a query object it was handed (its "submittable" protocol). */
interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
}

const CHUNK_BYTES = 1 << 20;

/**
 * A `COPY … FROM STDIN` for node-postgres without pg-copy-streams: hand it to `client.query()` and
 * await it. It is a thenable so that whoever awaits `client.query(...)` gets `{ command, rowCount }`.
 * The PGlite node-postgres adapter speaks the same messages, so one path serves both engines.
 */
export class CopyFromStdin implements PromiseLike<{ command: string; rowCount: number; rows: [] }> {
  callback?: (error: Error | null) => void;
  private result = { command: 'COPY', rowCount: 0, rows: [] as [] };
  private error: Error | null = null;
  private readonly done: Promise<{ command: string; rowCount: number; rows: [] }>;
  private settle!: (error: Error | null) => void;

  constructor(
    readonly text: string,
    private readonly data: string,
  ) {
    this.done = new Promise((resolve, reject) => {
      this.settle = (error) => (error ? reject(error) : resolve(this.result));
    });
  }

  then<A = { command: string; rowCount: number; rows: [] }, B = never>(
    onFulfilled?: ((value: { command: string; rowCount: number; rows: [] }) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): PromiseLike<A | B> {
    return this.done.then(onFulfilled, onRejected);
  }

  submit(connection: Connection): void {
    (connection as unknown as CopyConnection).query(this.text);
  }

  handleCopyInResponse(connection: Connection): void {
    const copy = connection as unknown as CopyConnection;
    const bytes = Buffer.from(this.data, 'utf8');
    for (let start = 0; start < bytes.length; start += CHUNK_BYTES) {
      copy.sendCopyFromChunk(bytes.subarray(start, start + CHUNK_BYTES));
    }
    copy.endCopyFrom();
  }

  handleCommandComplete(message: { text?: string }): void {
    const match = /COPY (\d+)/.exec(message.text ?? '');
    if (match) this.result.rowCount = Number(match[1]);
  }

  handleError(error: Error): void {
    this.error = error;
  }

  handleReadyForQuery(): void {
    this.callback?.(this.error);
    this.settle(this.error);
  }

  // The client calls these for other statements; a COPY FROM produces none of them.
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handlePortalSuspended(): void {}
  handleEmptyQuery(): void {}
  handleCopyData(): void {}
}
