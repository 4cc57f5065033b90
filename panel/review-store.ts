// Review state saved as the officer works, in IndexedDB keyed by the
// document's SHA-256: closing the tab loses nothing, reopening the file resumes.
import type { SavedReview } from '../review/review.ts';
import { openDatabase } from './idb.ts';

const DB = 'sumi-review';
const STORE = 'reviews';

const open = () => openDatabase(DB, STORE);

function run<T>(mode: IDBTransactionMode, body: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return open().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const req = body(tx.objectStore(STORE));
        tx.oncomplete = () => {
          db.close();
          resolve(req.result);
        };
        tx.onerror = () => reject(tx.error);
      }),
  );
}

export function loadReview(hash: string): Promise<SavedReview | undefined> {
  return run('readonly', (s) => s.get(hash) as IDBRequest<SavedReview | undefined>);
}

export function saveReview(hash: string, review: SavedReview): Promise<unknown> {
  return run('readwrite', (s) => s.put({ ...review, savedAt: Date.now() }, hash));
}
