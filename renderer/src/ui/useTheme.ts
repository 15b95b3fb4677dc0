// The colour theme: follows the OS by default ('system'), remembered in settings; sets data-theme on <html>.
import { useCallback, useEffect, useState } from 'react';
import type { Theme } from '../../../electron/ipc/contract';
import { desktop } from '../platform/desktop';

const ORDER: Theme[] = ['system', 'light', 'dark'];

function apply(theme: Theme): void {
  const dark = theme === 'dark' || (theme === 'system' && window.matchMedia?.('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
}

export function useTheme(): [Theme, () => void] {
  const [theme, setTheme] = useState<Theme>('system');
  useEffect(() => {
    void desktop().getSettings().then((s) => setTheme(s.theme));
  }, []);
  useEffect(() => {
    apply(theme);
    const mq = window.matchMedia?.('(prefers-color-scheme: dark)');
    const onChange = () => apply(theme);
    mq?.addEventListener('change', onChange);
    return () => mq?.removeEventListener('change', onChange);
  }, [theme]);
  const cycle = useCallback(() => {
    setTheme((t) => {
      const next = ORDER[(ORDER.indexOf(t) + 1) % ORDER.length];
      void desktop().setSetting('theme', next);
      return next;
    });
  }, []);
  return [theme, cycle];
}
