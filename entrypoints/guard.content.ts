// The upload guard's content script (isolated world): every page and frame.
import { UploadGuard } from '../guard/controller.ts';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  // blob:, data: and sandboxed frames too: a file input there is a way in like any other
  matchOriginAsFallback: true,
  runAt: 'document_start',
  main() {
    void new UploadGuard().start();
  },
});
