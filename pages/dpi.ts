// Resolutions, one a purpose. A page's size in points is pixels × 72 / dpi.

/** PDF pages are drawn at this resolution for OCR (larger pages less: pages/raster.ts). */
export const OCR_RENDER_DPI = 300;

/** The resolution a scan is taken to have when its file states none: it sets the page size in points. */
export const SCAN_ASSUMED_DPI = 300;

/** The masked export's resolution: the default, and the range a caller may choose from. */
export const EXPORT_DPI = 150;
export const EXPORT_DPI_MIN = 150;
export const EXPORT_DPI_MAX = 300;
