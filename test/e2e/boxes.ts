/** Rectangles on the page (getBoundingClientRect / boundingBox, CSS px) for layout checks: does a message cover another cell, does it stay in its own. */
export interface Box { x: number; y: number; width: number; height: number }

/** Whether two boxes share any area (touching edges, within half a pixel, do not count). */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;
}

/** Whether `a` lies within `b`, up to half a pixel. */
export function inside(a: Box, b: Box): boolean {
  return a.x >= b.x - 0.5 && a.y >= b.y - 0.5 && a.x + a.width <= b.x + b.width + 0.5 && a.y + a.height <= b.y + b.height + 0.5;
}
