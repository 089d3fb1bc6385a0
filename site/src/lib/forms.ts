// Keeps GET-form URLs clean: empty fields are left out of the query string. Runs in the form's
// own submit handler, before SvelteKit (listening higher up) reads the form and navigates.
export function omitEmptyFields(event: SubmitEvent): void {
  const form = event.currentTarget;
  if (!(form instanceof HTMLFormElement)) return;
  const disabled: Array<HTMLInputElement | HTMLSelectElement> = [];
  for (const el of Array.from(form.elements)) {
    if ((el instanceof HTMLInputElement || el instanceof HTMLSelectElement) && el.name && !el.disabled) {
      if (el.value.trim() === '') {
        el.disabled = true;
        disabled.push(el);
      }
    }
  }
  setTimeout(() => disabled.forEach((el) => (el.disabled = false)), 0);
}
