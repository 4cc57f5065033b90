// The file the panel starts with: one handed over by the upload guard
// (#handoff=key), or a PDF opened from a tab ("Open in Sumi", #url=…).
import { useEffect } from 'react';
import { takeHandoff } from '../../panel/handoff.ts';
import type { Message } from './status.ts';
import { t } from '../../extension/i18n.ts';

export function useHandedFile(open: (file: File) => unknown, say: (message: Message) => void): void {
  // once, as the panel starts: the hash names the file only when the panel is opened for it
  useEffect(() => {
    const params = new URLSearchParams(location.hash.slice(1));
    const handoff = params.get('handoff');
    const url = params.get('url');
    if (handoff) void takeHandoff(handoff).then((file) => (file ? open(file) : say({ kind: 'error', text: t('handoffGone') })));
    else if (url) {
      void fetch(url)
        .then(async (r) => {
          if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
          return new File([await r.blob()], decodeURIComponent(new URL(url).pathname.split('/').pop() || 'document.pdf'));
        })
        .then(open)
        .catch((err) => say({ kind: 'error', text: String(err instanceof Error ? err.message : err) }));
    }
  }, []);
}
