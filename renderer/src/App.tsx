// Placeholder shell page until the workspace lands: shows the version and proves the
// open-and-read path through the platform layer works.
import { useEffect, useState } from 'react';
import { desktop, isElectron } from './platform/desktop';

type Opened = { name: string; bytes: number } | { error: string } | null;

export function App() {
  const [version, setVersion] = useState<string | null>(null);
  const [opened, setOpened] = useState<Opened>(null);

  useEffect(() => {
    let live = true;
    desktop()
      .getVersion()
      .then((v) => live && setVersion(v))
      .catch(() => live && setVersion('unknown'));
    return () => {
      live = false;
    };
  }, []);

  async function openSpreadsheet() {
    try {
      const picked = await desktop().importSpreadsheet();
      if (!picked) return;
      const bytes = await desktop().readDocument(picked.handle);
      setOpened({ name: picked.name, bytes: bytes.byteLength });
    } catch (error) {
      setOpened({ error: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 640, margin: '15vh auto', padding: '0 1.5rem' }}>
      <h1>Fairshare — workspace coming soon</h1>
      <p>
        Version <span data-testid="app-version">{version ?? '…'}</span>
        {isElectron() ? ' (desktop)' : ' (web)'}
      </p>
      <button type="button" onClick={() => void openSpreadsheet()}>
        Open a spreadsheet…
      </button>
      {opened && 'error' in opened && <p role="alert">Could not open: {opened.error}</p>}
      {opened && 'name' in opened && (
        <p data-testid="opened-document">
          Read {opened.name}: {opened.bytes.toLocaleString()} bytes
        </p>
      )}
    </main>
  );
}
