// Window bounds: restored where the user left them, unless that place is off every screen.
import { describe, expect, it } from 'vitest';
import { captureBounds, DEFAULT_SIZE, restorePlacement } from '../../electron/main/windowBounds';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const leftMonitor = { x: -1920, y: 0, width: 1920, height: 1050 };

describe('restorePlacement', () => {
  it('uses the default size, centred, the first time', () => {
    expect(restorePlacement(null, [laptop])).toEqual({ ...DEFAULT_SIZE, maximized: false });
  });

  it('restores bounds that are on a screen, including a second monitor', () => {
    const saved = { x: -1800, y: 100, width: 1200, height: 800, maximized: true };
    expect(restorePlacement(saved, [laptop, leftMonitor])).toEqual(saved);
  });

  it('falls back when the monitor the window was on is gone', () => {
    const saved = { x: -1800, y: 100, width: 1200, height: 800, maximized: false };
    expect(restorePlacement(saved, [laptop])).toEqual({ ...DEFAULT_SIZE, maximized: false });
  });

  it('falls back when only a sliver or no title bar would be visible', () => {
    expect(restorePlacement({ x: 1400, y: 100, width: 1000, height: 700, maximized: false }, [laptop]).x).toBeUndefined();
    expect(restorePlacement({ x: 100, y: -500, width: 1000, height: 700, maximized: false }, [laptop]).x).toBeUndefined();
  });

  it('shrinks a window larger than its screen, but not below the minimum size', () => {
    expect(restorePlacement({ x: 0, y: 0, width: 3000, height: 2000, maximized: false }, [laptop])).toMatchObject({ width: 1440, height: 875 });
    const small = { x: 0, y: 0, width: 800, height: 500 };
    expect(restorePlacement({ x: 0, y: 0, width: 1000, height: 700, maximized: false }, [small])).toMatchObject({ width: 900, height: 600 });
  });
});

describe('captureBounds', () => {
  it('saves the normal bounds, rounded, and whether the window is maximized', () => {
    const win = { getNormalBounds: () => ({ x: 10.4, y: 20.6, width: 1200.2, height: 799.9 }), isMaximized: () => true };
    expect(captureBounds(win)).toEqual({ x: 10, y: 21, width: 1200, height: 800, maximized: true });
  });
});
