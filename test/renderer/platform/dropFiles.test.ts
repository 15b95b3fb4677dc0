// @vitest-environment happy-dom
// Dropping files on the window hands each File to the DesktopApi and never lets the page navigate.
import { describe, expect, it, vi } from 'vitest';
import { installFileDrop } from '../../../renderer/src/platform/dropFiles';

function dragEvent(type: string, files: File[], types = ['Files']) {
  const event = new Event(type, { cancelable: true }) as Event & { dataTransfer: unknown };
  Object.defineProperty(event, 'dataTransfer', { value: { files, types, dropEffect: 'none' } });
  return event;
}

describe('installFileDrop', () => {
  it('opens dropped documents and reports refused files by name', async () => {
    const target = new EventTarget();
    const api = {
      openDroppedFile: vi.fn(async (file: File) =>
        file.name.endsWith('.xlsx') ? { handle: 'h1', name: file.name, kind: 'spreadsheet' as const } : null,
      ),
    };
    const onDocument = vi.fn();
    const onRefused = vi.fn();
    const remove = installFileDrop(target, api, onDocument, onRefused);

    const over = dragEvent('dragover', []);
    target.dispatchEvent(over);
    expect(over.defaultPrevented).toBe(true);

    const drop = dragEvent('drop', [new File(['a'], 'roster.xlsx'), new File(['b'], 'notes.txt')]);
    target.dispatchEvent(drop);
    expect(drop.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(onRefused).toHaveBeenCalledWith('notes.txt'));
    expect(onDocument).toHaveBeenCalledWith({ handle: 'h1', name: 'roster.xlsx', kind: 'spreadsheet' });

    remove();
    target.dispatchEvent(dragEvent('drop', [new File(['a'], 'again.xlsx')]));
    expect(api.openDroppedFile).toHaveBeenCalledTimes(2);
  });

  it('leaves drags of text alone', () => {
    const target = new EventTarget();
    installFileDrop(target, { openDroppedFile: vi.fn() }, vi.fn());
    const over = dragEvent('dragover', [], ['text/plain']);
    target.dispatchEvent(over);
    expect(over.defaultPrevented).toBe(false);
  });
});
