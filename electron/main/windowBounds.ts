// Restores the window where the user left it, unless that place is no longer on any screen.
import type { Rectangle } from 'electron';
import type { WindowBounds } from './settings';

export const DEFAULT_SIZE = { width: 1280, height: 820 };
export const MIN_SIZE = { width: 900, height: 600 };
/** How much of the title bar must be on a screen for the saved place to count. */
const MIN_VISIBLE = { width: 120, height: 40 };

export interface WindowPlacement {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/** The saved bounds if their top strip is visible on one of `workAreas`, else a centred default. */
export function restorePlacement(saved: WindowBounds | null, workAreas: readonly Rectangle[]): WindowPlacement {
  if (saved) {
    const titleBar = { x: saved.x, y: saved.y, width: saved.width, height: MIN_VISIBLE.height };
    const screen = workAreas.find((area) => {
      const o = overlap(titleBar, area);
      return o.width >= MIN_VISIBLE.width && o.height >= MIN_VISIBLE.height;
    });
    if (screen) {
      return {
        x: saved.x,
        y: saved.y,
        width: Math.max(MIN_SIZE.width, Math.min(saved.width, screen.width)),
        height: Math.max(MIN_SIZE.height, Math.min(saved.height, screen.height)),
        maximized: saved.maximized,
      };
    }
  }
  return { ...DEFAULT_SIZE, maximized: saved?.maximized ?? false };
}

/** What to save when the window closes: its normal (unmaximized) bounds and whether it was maximized. */
export function captureBounds(win: {
  getNormalBounds(): Rectangle;
  isMaximized(): boolean;
}): WindowBounds {
  const b = win.getNormalBounds();
  return {
    x: Math.round(b.x),
    y: Math.round(b.y),
    width: Math.round(b.width),
    height: Math.round(b.height),
    maximized: win.isMaximized(),
  };
}
