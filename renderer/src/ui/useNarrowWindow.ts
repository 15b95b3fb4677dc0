// Whether the window is narrow (under 1280 CSS px), where wide tables give their number columns less room so names keep theirs (Jobs' short score headers, Tasks' rating columns).
import { useEffect, useState } from 'react';

/** Below this width (CSS px) the full headers ("Empowerment", "Desirability") squeezed the name columns to a few letters. */
const NARROW = '(max-width: 1279px)';

export function useNarrowWindow(): boolean {
  const query = () => typeof window !== 'undefined' && !!window.matchMedia?.(NARROW).matches;
  const [narrow, setNarrow] = useState(query);
  useEffect(() => {
    const mq = window.matchMedia?.(NARROW);
    if (!mq) return;
    const onChange = () => setNarrow(mq.matches);
    onChange();
    mq.addEventListener('change', onChange);
    return () => mq.removeEventListener('change', onChange);
  }, []);
  return narrow;
}
