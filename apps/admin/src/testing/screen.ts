/** Finds things in a rendered component the way staff do: by visible label or name. Test-only. */

const visibleText = (element: Element): string => (element.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A choice (button toggle) by its text, e.g. radio(root, '未完了'). */
export function radio(root: ParentNode, name: string): HTMLButtonElement {
  return only(root, 'button[role="radio"]', name);
}

export function button(root: ParentNode, name: string): HTMLButtonElement {
  return only(root, 'button', name);
}

/** The input of the checkbox whose label reads `name`. */
export function checkbox(root: ParentNode, name: string): HTMLInputElement {
  const box = only<HTMLElement>(root, 'mat-checkbox', name);
  const input = box.querySelector<HTMLInputElement>('input[type="checkbox"]');
  if (!input) throw new Error(`mat-checkbox "${name}" has no input`);
  return input;
}

/** The radio input of the Material radio button that reads `name`, e.g. option(group, 'はい'). */
export function option(root: ParentNode, name: string): HTMLInputElement {
  const radioButton = only<HTMLElement>(root, 'mat-radio-button', name);
  const input = radioButton.querySelector<HTMLInputElement>('input[type="radio"]');
  if (!input) throw new Error(`mat-radio-button "${name}" has no input`);
  return input;
}

/** Opens a Material select by its label and picks the option that reads `name` (options live in an overlay). */
export async function choose(root: ParentNode, label: string, name: string, stable: () => Promise<unknown>) {
  const select = control(root, label);
  if (!select) throw new Error(`no select labelled "${label}"`);
  select.click();
  await stable();
  only<HTMLElement>(document, 'mat-option', name).click();
  await stable();
}

/** The Material form field whose label reads `label`, or null when it is not on screen. */
export function formField(root: ParentNode, label: string): HTMLElement | null {
  const fields = Array.from(root.querySelectorAll<HTMLElement>('mat-form-field'));
  return fields.find((field) => visibleText(field.querySelector('mat-label') ?? field) === label) ?? null;
}

/** The control (input, textarea, native or Material select) a form field label names. */
export function control(root: ParentNode, label: string): HTMLElement | null {
  return formField(root, label)?.querySelector<HTMLElement>('input, textarea, select, mat-select') ?? null;
}

/** Types into an input the way a browser reports it to Angular. */
export function type(input: HTMLElement | null, value: string): void {
  if (!(input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement)) throw new Error('not an input');
  input.value = value;
  input.dispatchEvent(new Event('input'));
  input.dispatchEvent(new Event('blur'));
}

/** The error Material shows under a field, or '' when there is none. */
export function fieldError(root: ParentNode, label: string): string {
  const error = formField(root, label)?.querySelector('mat-error');
  return error ? visibleText(error) : '';
}

export function textOf(element: Element): string {
  return visibleText(element);
}

function only<T extends Element>(root: ParentNode, selector: string, name: string): T {
  const found = Array.from(root.querySelectorAll<T>(selector)).filter((element) => visibleText(element) === name);
  const [element] = found;
  if (!element || found.length !== 1) {
    throw new Error(`expected one ${selector} named "${name}", found ${found.length}`);
  }
  return element;
}
