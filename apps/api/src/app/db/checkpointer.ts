import { Worker } from 'node:worker_threads';

// Runs in its own thread: copying the WAL into the database file takes milliseconds to seconds, and on the
// thread that serves requests (the write connection's automatic checkpoint) it stalled every request behind it.
const CHECKPOINTER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('node:module').createRequire(workerData.from)('better-sqlite3');
const db = new Database(workerData.path, { timeout: 1000 });
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    // A full disk or a read-only file: the write path reports it on the next write; try again later.
  }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.once('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});`;

/** Keeps the write-ahead log short by checkpointing it every `everyMs` on a thread of its own. */
export class Checkpointer {
  private readonly worker: Worker;
  private readonly stopped: Promise<void>;

  constructor(databasePath: string, everyMs = 500) {
    this.worker = new Worker(CHECKPOINTER, {
      eval: true,
      workerData: { path: databasePath, everyMs, from: __filename },
    });
    this.stopped = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    // It must not keep a stopping process alive.
    this.worker.unref();
  }

  async stop(): Promise<void> {
    this.worker.postMessage('stop');
    await this.stopped;
  }
}
