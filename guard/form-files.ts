// The files a form would send: those in its file inputs, inputs outside it tied
// to it by form= included (form.elements lists them; querySelectorAll does not).
export function filesOfForm(form: HTMLFormElement): File[] {
  // (by tag, not instanceof: a form in another realm, a same-origin frame, has that realm's elements)
  return [...form.elements].flatMap((el) => (el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'file' ? [...((el as HTMLInputElement).files ?? [])] : []));
}
