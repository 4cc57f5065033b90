// The page-world half of the upload guard (guard/page-world.ts): reads and
// script uploads of a file wait until the isolated content script has checked
// it and the officer has decided.
import { installPageWorldGuard } from '../guard/page-world.ts';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  // blob:, data: and sandboxed frames too: a file input there is a way in like any other
  matchOriginAsFallback: true,
  runAt: 'document_start',
  world: 'MAIN',
  main() {
    installPageWorldGuard();
  },
});
