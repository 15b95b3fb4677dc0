// Line icons for the toolbar's compact buttons (Undo, Redo, Theme), drawn in currentColor so they follow the theme.
import type { ReactNode } from 'react';
import type { Theme } from '../../../electron/ipc/contract';

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg className="tb-icon" viewBox="0 0 20 20" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

export const UndoIcon = () => <Icon><path d="M7.5 4.5 3.5 8.5l4 4" /><path d="M3.5 8.5h8a5 5 0 0 1 0 10h-2" /></Icon>;
export const RedoIcon = () => <Icon><path d="m12.5 4.5 4 4-4 4" /><path d="M16.5 8.5h-8a5 5 0 0 0 0 10h2" /></Icon>;

export function ThemeIcon({ theme }: { theme: Theme }) {
  if (theme === 'light') return <Icon><circle cx="10" cy="10" r="3.5" /><path d="M10 2v2M10 16v2M2 10h2M16 10h2M4.3 4.3l1.4 1.4M14.3 14.3l1.4 1.4M4.3 15.7l1.4-1.4M14.3 5.7l1.4-1.4" /></Icon>;
  if (theme === 'dark') return <Icon><path d="M16.5 12.5A7 7 0 0 1 7.5 3.5a7 7 0 1 0 9 9z" /></Icon>;
  // System: half light, half dark.
  return <Icon><circle cx="10" cy="10" r="7" /><path d="M10 3a7 7 0 0 1 0 14z" fill="currentColor" /></Icon>;
}
