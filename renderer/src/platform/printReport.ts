// Web mode's PDF of the report: the browser's own print dialog (with "Save as PDF") on the report
// opened as a document of its own — a blob: URL in a new tab — so its @page size, margins and running
// header apply as they do in the desktop app's PDF. (The Report view's iframe is sandboxed without
// allow-modals, so it cannot print itself, and printing the app's page would print the app.)

/** Opens the report in a new tab and asks the browser to print it; resolves once asked. */
export function printReportInBrowser(html: string, view: Window): Promise<null> {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
  const tab = view.open(url, '_blank');
  if (!tab) {
    URL.revokeObjectURL(url);
    return Promise.reject(new Error('The browser blocked the report’s tab: allow pop-ups for this page, then try again.'));
  }
  return new Promise((resolve) => {
    let done = false;
    const print = () => {
      if (done) return;
      done = true;
      clearInterval(poll);
      // The tab keeps its document (and its own Save as PDF) after the dialog; the URL is freed later.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      tab.focus();
      tab.print();
      resolve(null);
    };
    const loaded = () => {
      try {
        return tab.location.href === url && tab.document.readyState === 'complete';
      } catch {
        return false;
      }
    };
    // 'load' on a window just opened can fire for its first about:blank; the poll is the fallback either way.
    tab.addEventListener('load', () => loaded() && print());
    const poll = setInterval(() => {
      if (tab.closed) {
        done = true;
        clearInterval(poll);
        URL.revokeObjectURL(url);
        resolve(null);
      } else if (loaded()) print();
    }, 100);
  });
}
