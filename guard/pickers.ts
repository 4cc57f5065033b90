// The File System Access pickers hand a page file handles, not files: no
// input, no drop, no paste passes them. The open picker is held at the moment
// of the pick, like a file input: the picked files are checked, and the page
// gets its handles only after the officer's choice (or at once when they are
// clean); a cancelled pick reaches the page as the AbortError it gets when a
// person closes the picker. A directory picker's files are many and taken
// one by one: each is held when the page takes it from its handle
// (FileSystemFileHandle.getFile, which a dropped item's handle and the open
// picker's handles go through too), before the page has the File.

/** What a picked handle gives: the file as it is now. */
interface PickedHandle {
  kind?: string;
  getFile?: () => Promise<File>;
}

type OpenPicker = (this: unknown, ...args: unknown[]) => Promise<PickedHandle[]>;

/** The page sees what it sees when a person closes the picker without choosing. */
export function pickCancelled(): DOMException {
  return new DOMException('The user aborted a request.', 'AbortError');
}

/**
 * Wraps `w.showOpenFilePicker` (where the browser has it) so that the files
 * picked are put to `hold` before the page has their handles.
 */
export function guardOpenPicker(w: object, hold: (files: File[]) => Promise<boolean>): void {
  const target = w as { showOpenFilePicker?: OpenPicker };
  const original = target.showOpenFilePicker;
  if (typeof original !== 'function') return;
  target.showOpenFilePicker = async function (this: unknown, ...args: unknown[]) {
    const handles = await original.apply(this, args);
    const files = await Promise.all(handles.filter((h) => typeof h.getFile === 'function').map((h) => h.getFile!()));
    if (files.length && !(await hold(files))) throw pickCancelled();
    return handles;
  };
}

/** The page sees what it sees when the browser refuses it a file. */
function fileRefused(): DOMException {
  return new DOMException('The request is not allowed by Sumi: the file holds personal data or secrets.', 'NotAllowedError');
}

/**
 * Wraps `FileSystemFileHandle.prototype.getFile` (where the browser has it) so
 * that a file taken from a handle (a directory picker's entries, a dropped
 * item's handle) is put to `hold` before the page has it.
 */
export function guardFileHandles(w: object, hold: (files: File[]) => Promise<boolean>): void {
  const proto = (w as { FileSystemFileHandle?: { prototype: { getFile?: () => Promise<File> } } }).FileSystemFileHandle?.prototype;
  const original = proto?.getFile;
  if (!proto || typeof original !== 'function') return;
  proto.getFile = async function (this: unknown) {
    const file = await original.call(this);
    if (!(await hold([file]))) throw fileRefused();
    return file;
  };
}
