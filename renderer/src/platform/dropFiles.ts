// Drag and drop of spreadsheets and projects onto the window: each dropped file goes to the
// DesktopApi (main issues a handle; in web mode the File is kept in memory).
import type { DesktopApi, PickedDocument } from '../../../electron/ipc/contract';

/**
 * Listens on `target` (normally window). Drops are always taken over, so the browser never
 * navigates to a dropped file; files Fairshare does not open are reported as refused by name.
 * Returns the function that removes the listeners.
 */
export function installFileDrop(
  target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>,
  api: Pick<DesktopApi, 'openDroppedFile'>,
  onDocument: (document: PickedDocument) => void,
  onRefused: (fileName: string) => void = () => undefined,
): () => void {
  const onDragOver = (event: Event) => {
    const drag = event as DragEvent;
    if (!drag.dataTransfer?.types.includes('Files')) return;
    drag.preventDefault();
    drag.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (event: Event) => {
    const drag = event as DragEvent;
    drag.preventDefault();
    for (const file of Array.from(drag.dataTransfer?.files ?? [])) {
      api
        .openDroppedFile(file)
        .then((document) => (document ? onDocument(document) : onRefused(file.name)))
        .catch(() => onRefused(file.name));
    }
  };
  target.addEventListener('dragover', onDragOver);
  target.addEventListener('drop', onDrop);
  return () => {
    target.removeEventListener('dragover', onDragOver);
    target.removeEventListener('drop', onDrop);
  };
}
