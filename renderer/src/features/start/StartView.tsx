// Start view (placeholder until the workspace issue fills it in).
export function StartView() {
  return <section aria-label="Start"><h2>Start</h2></section>;
}
