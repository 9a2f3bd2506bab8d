"use client";

import { clsx } from "clsx";
import { type ReactNode, type RefObject, useEffect, useId, useRef } from "react";
import { buttonClasses } from "./button";
import { CloseIcon } from "./icons";

export type DialogProps = {
  open: boolean;
  /** Called when the user closes the dialog ("Fermer" or Escape): set `open` to false in response. */
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  className?: string;
};

/**
 * Modal dialog on the native `<dialog>` + showModal(): the browser traps focus, makes the page inert
 * and closes on Escape. Focus goes to the first focusable element (the "Fermer" button unless a child
 * has autoFocus) and back to the element that opened it on close.
 */
export function Dialog({ open, onClose, title, description, children, className }: DialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const returnFocusTo = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnFocusTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  // Unmounted while open (e.g. navigation): no close event fires, give focus back anyway.
  useEffect(() => {
    const dialog = dialogRef.current;
    return () => {
      if (dialog && !dialog.isConnected) restoreFocus(returnFocusTo);
    };
  }, []);

  // The native "close" event fires for every way of closing. If `open` is still true, the user closed
  // it and the parent must be told; if it is already false, the parent closed it itself.
  function handleClose() {
    restoreFocus(returnFocusTo);
    if (open) onClose();
  }

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onClose={handleClose}
      className={clsx("m-auto w-[calc(100%-2rem)] max-w-2xl rounded-sm bg-white p-0 text-ink shadow-xl backdrop:bg-ink/60", className)}
    >
      <div className="flex flex-col gap-4 p-6">
        <div className="flex items-start justify-between gap-4">
          <h2 id={titleId}>{title}</h2>
          <button type="button" onClick={() => dialogRef.current?.close()} className={buttonClasses("tertiary", "sm")}>
            Fermer
            <CloseIcon />
          </button>
        </div>
        {description && (
          <p id={descriptionId} className="text-ink-2">
            {description}
          </p>
        )}
        {children}
      </div>
    </dialog>
  );
}

function restoreFocus(returnFocusTo: RefObject<HTMLElement | null>) {
  const target = returnFocusTo.current;
  returnFocusTo.current = null;
  if (target?.isConnected) target.focus();
}
