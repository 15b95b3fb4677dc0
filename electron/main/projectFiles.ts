// Writes .fairshare projects: validated with the engine's schema, then written atomically with a .bak.
import { parseProject } from '../../renderer/src/engine/formats/projectCodec';
import { writeFileAtomic, type AtomicFs } from './atomicWrite';

/** Refuses text that would not load again, so a renderer bug can never leave an unreadable project. */
export async function writeProjectFile(filePath: string, text: string, fs?: AtomicFs): Promise<void> {
  const parsed = parseProject(text);
  if (!parsed.ok) throw new Error(`Refusing to save the project: ${parsed.error}`);
  if (parsed.migratedFrom !== null) throw new Error('Refusing to save the project in an old format');
  await writeFileAtomic(filePath, text, { backup: true, fs });
}

/** Exports (Excel summaries, CSV, PDF) are written atomically too, without a backup. */
export async function writeExportFile(filePath: string, bytes: Uint8Array, fs?: AtomicFs): Promise<void> {
  await writeFileAtomic(filePath, bytes, { fs });
}
