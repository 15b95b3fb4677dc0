/** Catches a view that failed to load or render, says so, and offers to try again, so one view cannot blank the window. */
import { Component, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
}

export class ViewErrorBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="card view-error" role="alert">
        <span>This view could not be shown: {error.message}</span>
        <button type="button" onClick={() => this.setState({ error: null })}>Try again</button>
      </div>
    );
  }
}
