// A modal dialog: dims the page, keeps keyboard focus inside, Escape cancels, and gives focus back
// to where it was when it closes. Used by the import wizard; generic enough for later dialogs.
import { useEffect, useRef, type ReactNode } from 'react';
import './wizard-modal.css';

const FOCUSABLE =
  'a[href], summary, button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  // Rendered ones only: not inside a closed <details>, [hidden] or [inert].
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0 && !el.closest('[inert]'));
}

export interface ModalProps {
  /** The accessible name (aria-label). */
  label: string;
  /** Escape; return false from canCancel to ignore it (e.g. while work is running). */
  onCancel: () => void;
  canCancel?: () => boolean;
  className?: string;
  children: ReactNode;
  testId?: string;
}

export function Modal({ label, onCancel, canCancel, className, children, testId }: ModalProps) {
  const ref = useRef<HTMLDivElement>(null);
  const cancel = useRef({ onCancel, canCancel });
  cancel.current = { onCancel, canCancel };

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // The dialog itself by default, so a screen reader starts at its name and nothing is pre-selected.
    (dialog.querySelector<HTMLElement>('[data-autofocus]') ?? dialog).focus();

    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        // A control inside that handles Escape itself (closing a small form) prevents the default.
        if (e.defaultPrevented) return;
        e.preventDefault();
        e.stopPropagation();
        if (cancel.current.canCancel?.() ?? true) cancel.current.onCancel();
        return;
      }
      if (e.key !== 'Tab') return;
      const items = focusables(dialog);
      if (items.length === 0) {
        e.preventDefault();
        dialog.focus();
        return;
      }
      const at = items.indexOf(document.activeElement as HTMLElement);
      if (e.shiftKey && (at <= 0)) {
        e.preventDefault();
        items[items.length - 1].focus();
      } else if (!e.shiftKey && (at === -1 || at === items.length - 1)) {
        e.preventDefault();
        items[0].focus();
      }
    };
    // Focus that lands outside (a click on the backdrop, a screen reader's jump) comes back in.
    const onFocusIn = (e: FocusEvent) => {
      if (e.target instanceof Node && !dialog.contains(e.target) && !(e.target as Element).closest?.('.notice')) dialog.focus();
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('focusin', onFocusIn);
      if (before?.isConnected) before.focus();
    };
  }, []);

  return (
    <div className="modal-backdrop">
      <div ref={ref} role="dialog" aria-modal="true" aria-label={label} tabIndex={-1} className={`modal ${className ?? ''}`} data-testid={testId}>
        {children}
      </div>
    </div>
  );
}
