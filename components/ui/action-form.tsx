"use client";

import { startTransition, type ComponentProps, type FormEvent } from "react";

type ActionFormProps = Omit<ComponentProps<"form">, "action" | "onSubmit"> & {
  action: (formData: FormData) => void;
};

/**
 * A form for `useActionState` actions that never clears what the user typed: React resets a form
 * after its action runs (and cannot restore a <select>), so with JavaScript we submit in a transition
 * instead. Without JavaScript the `action` attribute still posts the form.
 */
export function ActionForm({ action, children, ...props }: ActionFormProps) {
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => action(formData));
  }
  return (
    <form action={action} onSubmit={onSubmit} noValidate {...props}>
      {children}
    </form>
  );
}
