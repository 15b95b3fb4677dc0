// Tasks and ratings view (placeholder until the workspace issue fills it in).
export function TasksView() {
  return <section aria-label="Tasks and ratings"><h2>Tasks and ratings</h2></section>;
}
