// The grounds offered for a mask: the Article 5 grounds, then the office's own
// reason labels, kept current when they are changed on the options page.
import { useEffect, useMemo, useState } from 'react';
import { REASONS, type Reason } from '../../review/plan.ts';
import { loadReasonLabels, watchReasonLabels } from '../../panel/reason-labels.ts';

export function useReasons(): Reason[] {
  const [ownReasons, setOwnReasons] = useState<string[]>([]);
  useEffect(() => {
    void loadReasonLabels().then(setOwnReasons, () => {});
    return watchReasonLabels(setOwnReasons);
  }, []);
  return useMemo(() => [...new Set<Reason>([...REASONS, ...ownReasons])], [ownReasons]);
}
