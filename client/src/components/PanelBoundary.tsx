import { Component, type ErrorInfo, type ReactNode } from 'react';

/** Keeps a failing room panel (document or discussion) from taking the whole page down with it. */
export class PanelBoundary extends Component<{ name: string; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`The ${this.props.name} panel failed`, error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <section className="warning-text" aria-label={this.props.name}>
        <p>
          The {this.props.name} could not be shown. Reload the page to try again; the rest of the room still
          works.
        </p>
      </section>
    );
  }
}
