// The files a form would send: those in its file inputs, inputs outside it tied
// to it by form= included (form.elements lists them; querySelectorAll does not).
export function filesOfForm(form: HTMLFormElement): File[] {
  return [...form.elements].flatMap((el) => (el instanceof HTMLInputElement && el.type === 'file' ? [...(el.files ?? [])] : []));
}
