// Options page section: the office's own redaction reason labels, one a line.
import { useEffect, useState } from 'react';
import { loadReasonLabels, parseReasonLabels, saveReasonLabels } from '../../panel/reason-labels.ts';
import { t } from '../../extension/i18n.ts';

export function ReasonLabelsSetting() {
  const [text, setText] = useState('');
  const [status, setStatus] = useState('');
  useEffect(() => void loadReasonLabels().then((labels) => setText(labels.join('\n'))), []);

  async function save() {
    const labels = parseReasonLabels(text);
    await saveReasonLabels(labels);
    setText(labels.join('\n'));
    setStatus(t('reasonLabelsSaved'));
  }

  return (
    <section aria-labelledby="reason-labels-title">
      <h2 id="reason-labels-title">{t('reasonLabelsTitle')}</h2>
      <label style={{ display: 'block' }}>
        {t('reasonLabelsHelp')}
        <textarea rows={4} style={{ display: 'block', width: '100%' }} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <button type="button" onClick={() => void save()}>
        {t('reasonLabelsSave')}
      </button>{' '}
      <span role="status">{status}</span>
    </section>
  );
}
