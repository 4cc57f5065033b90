// The export's settings: resolution, grey or colour, minimum mask width, an
// invisible text layer of what stays visible, and the reason printed on boxes.
import type { ExportSettings } from '../../pipeline/export-verified.ts';
import { t } from '../../extension/i18n.ts';

export type PanelExportOptions = Required<Pick<ExportSettings, 'dpi' | 'colour' | 'minMaskWidth' | 'searchableText' | 'printReason'>> & {
  /** a spreadsheet's hidden sheets are exported too */
  hiddenSheets: boolean;
};

export const DEFAULT_EXPORT_OPTIONS: PanelExportOptions = { dpi: 150, colour: 'grey', minMaskWidth: 0, searchableText: false, printReason: false, hiddenSheets: true };

const STORAGE_KEY = 'sumi-export-options';

/** The officer's last export settings (kept in this extension page's localStorage). */
export function loadExportOptions(): PanelExportOptions {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<PanelExportOptions>;
    return { ...DEFAULT_EXPORT_OPTIONS, ...saved };
  } catch {
    return DEFAULT_EXPORT_OPTIONS;
  }
}

export function saveExportOptions(options: PanelExportOptions): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(options));
}

/** `hiddenSheets`: the document open is a spreadsheet with hidden sheets, which the officer may leave out. */
export function ExportOptionsForm({ value, onChange, hiddenSheets = false }: { value: PanelExportOptions; onChange(v: PanelExportOptions): void; hiddenSheets?: boolean }) {
  const set = <K extends keyof PanelExportOptions>(key: K, v: PanelExportOptions[K]) => onChange({ ...value, [key]: v });
  return (
    // folded away: the settings are set once and kept; their summary says what they are
    <details className="export-options">
      <summary>
        {t('exportOptions')}: {value.dpi} dpi · {t(value.colour === 'colour' ? 'colour' : 'grey')} · {t('minMaskWidth')} {value.minMaskWidth} pt
      </summary>
      <fieldset>
        <legend className="visually-hidden">{t('exportOptions')}</legend>
        <label>
          {t('dpi')}{' '}
          <select value={value.dpi} onChange={(e) => set('dpi', Number(e.target.value))}>
            {[150, 200, 300].map((d) => (
              <option key={d} value={d}>
                {d} dpi
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('colourMode')}{' '}
          <select value={value.colour} onChange={(e) => set('colour', e.target.value === 'colour' ? 'colour' : 'grey')}>
            <option value="grey">{t('grey')}</option>
            <option value="colour">{t('colour')}</option>
          </select>
        </label>
        <label>
          {t('minMaskWidth')}{' '}
          <input
            type="number"
            min={0}
            max={300}
            step={1}
            value={value.minMaskWidth}
            onChange={(e) => set('minMaskWidth', Math.max(0, Math.min(300, Number(e.target.value) || 0)))}
            style={{ width: '5em' }}
          />{' '}
          pt
        </label>
        <label>
          <input type="checkbox" checked={value.searchableText} onChange={(e) => set('searchableText', e.target.checked)} /> {t('searchableText')}
        </label>
        <label>
          <input type="checkbox" checked={value.printReason} onChange={(e) => set('printReason', e.target.checked)} /> {t('printReason')}
        </label>
        {hiddenSheets && (
          <label>
            <input type="checkbox" checked={value.hiddenSheets} onChange={(e) => set('hiddenSheets', e.target.checked)} /> {t('exportHiddenSheets')}
          </label>
        )}
      </fieldset>
    </details>
  );
}
