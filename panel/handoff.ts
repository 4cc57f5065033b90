// Hands a file from the upload guard to the redaction panel: the guard's frame
// (extension origin) stores it in IndexedDB, the panel opens with its key and
// takes it out again. The file never leaves the machine.
import { openDatabase } from './idb.ts';

const DB = 'sumi-handoff';
const STORE = 'files';

const open = () => openDatabase(DB, STORE);

export async function putHandoff(file: File): Promise<string> {
  const key = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const db = await open();
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).put(file, key);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
  return key;
}

/** Takes the file out (it is deleted as it is read). */
export async function takeHandoff(key: string): Promise<File | undefined> {
  const db = await open();
  const file = await new Promise<File | undefined>((resolve, reject) => {
    const tx = db.transaction(STORE, 'readwrite');
    const store = tx.objectStore(STORE);
    const req = store.get(key);
    req.onsuccess = () => {
      store.delete(key);
      resolve(req.result as File | undefined);
    };
    tx.onerror = () => reject(tx.error);
  });
  db.close();
  return file;
}
