// Geometry shared by every layer.

/** An axis-aligned rectangle: in PDF user space (x, y the lower left corner, y up) unless said otherwise. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
