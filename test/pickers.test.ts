// The open picker's wrapper (guard/pickers.ts): the picked files go to the
// hold before the page has their handles (end to end in test/e2e/upload.test.ts).
import { describe, expect, it } from 'vitest';
import { guardFileHandles, guardOpenPicker } from '../guard/pickers.ts';

const file = new File(['氏名 山田 太郎'], 'list.txt', { type: 'text/plain' });
const handle = { kind: 'file', getFile: async () => file };

describe('guardOpenPicker', () => {
  it('puts the picked files to the hold, and gives the handles only when allowed', async () => {
    const held: File[][] = [];
    const w = { showOpenFilePicker: async () => [handle] };
    guardOpenPicker(w, async (files) => (held.push(files), true));
    expect(await w.showOpenFilePicker()).toEqual([handle]);
    expect(held).toEqual([[file]]);
  });

  it('answers a refused pick with the AbortError of a closed picker', async () => {
    const w = { showOpenFilePicker: async () => [handle] };
    guardOpenPicker(w, async () => false);
    await expect(w.showOpenFilePicker()).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('asks nothing when the person closes the picker, and leaves a browser without one alone', async () => {
    let asked = false;
    const w = { showOpenFilePicker: async (): Promise<(typeof handle)[]> => Promise.reject(new DOMException('closed', 'AbortError')) };
    guardOpenPicker(w, async () => (asked = true));
    await expect(w.showOpenFilePicker()).rejects.toMatchObject({ name: 'AbortError' });
    expect(asked).toBe(false);
    const none = {};
    guardOpenPicker(none, async () => true);
    expect(none).toEqual({});
  });

  it("holds a file taken from any file handle (a directory picker's entry) before the page has it", async () => {
    class FileSystemFileHandle {
      async getFile(): Promise<File> {
        return file;
      }
    }
    const w = { FileSystemFileHandle };
    let allow = false;
    const held: File[][] = [];
    guardFileHandles(w, async (files) => (held.push(files), allow));
    const handle = new FileSystemFileHandle();
    await expect(handle.getFile()).rejects.toMatchObject({ name: 'NotAllowedError' });
    allow = true;
    expect(await handle.getFile()).toBe(file);
    expect(held).toEqual([[file], [file]]);
  });
});
