// What a PDF carries besides its page content: the values typed into its form
// fields and the text of its annotations (comments, sticky notes, free text).
// pdf.js hands both over as annotation data; a field's name and an
// annotation's author are kept as the label before the text, so a detector
// reads "個人番号: 1234 5678 9018" as it would on the page. Buttons (check
// boxes, radio buttons) hold no text, and a popup repeats its parent's.

export interface AnnotationText {
  kind: 'form-values' | 'annotations';
  /** the field's name or the note's author, as the text's label ('' for none) */
  label: string;
  text: string;
  /** the annotation's rectangle in PDF user space */
  box: { x: number; y: number; width: number; height: number };
}

/** The fields of pdf.js annotation data read here. */
interface AnnotationData {
  subtype?: string;
  rect?: number[];
  fieldName?: string;
  fieldValue?: unknown;
  alternativeText?: string;
  checkBox?: boolean;
  radioButton?: boolean;
  pushButton?: boolean;
  contentsObj?: { str?: string };
  titleObj?: { str?: string };
}

export function annotationTexts(annotations: readonly unknown[]): AnnotationText[] {
  const out: AnnotationText[] = [];
  for (const raw of annotations) {
    const a = raw as AnnotationData;
    if (!a || !Array.isArray(a.rect) || a.rect.length !== 4) continue;
    const [x1, y1, x2, y2] = a.rect.map(Number);
    const box = { x: Math.min(x1, x2), y: Math.min(y1, y2), width: Math.abs(x2 - x1), height: Math.abs(y2 - y1) };
    if (a.subtype === 'Widget') {
      if (a.checkBox || a.radioButton || a.pushButton) continue;
      const values = (Array.isArray(a.fieldValue) ? a.fieldValue : [a.fieldValue]).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
      for (const v of values) out.push({ kind: 'form-values', label: a.fieldName ?? a.alternativeText ?? '', text: v, box });
    } else if (a.subtype !== 'Popup' && a.subtype !== 'Link') {
      const text = a.contentsObj?.str ?? '';
      if (text.trim()) out.push({ kind: 'annotations', label: a.titleObj?.str ?? '', text, box });
    }
  }
  return out;
}
