// Jobs view (placeholder until the workspace issue fills it in).
export function JobsView() {
  return <section aria-label="Jobs"><h2>Jobs</h2></section>;
}
