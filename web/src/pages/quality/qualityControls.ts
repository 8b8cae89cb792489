// The quality page's form: which source, which days. It owns no state: `show` writes a state into the inputs and
// every change calls `onChange` at once. A typed range that cannot be used is not applied; the message names the field.
import { el } from '../../app/dom';
import { checkQualityRange, QUALITY_PRESET_LABELS, QUALITY_PRESETS, qualityDays, type QualityPreset, type QualityRange, type QualityState } from './qualityState';

export interface SourceChoice {
  id: string;
  label: string;
}

export interface QualityControls {
  element: HTMLFormElement;
  show(state: QualityState, now: Date): void;
}

export function createQualityControls(sources: readonly SourceChoice[], onChange: (patch: { source?: string; range?: QualityRange }) => void): QualityControls {
  const sourceSelect = el('select', { id: 'quality-source', name: 'source' }, sources.map((s) => el('option', { value: s.id }, s.label)));
  const presetSelect = el('select', { id: 'quality-range', name: 'range' },
    QUALITY_PRESETS.map((p) => el('option', { value: p }, QUALITY_PRESET_LABELS[p])),
    el('option', { value: 'custom' }, 'Custom dates'));
  const from = el('input', { type: 'date', id: 'quality-from', name: 'from', 'aria-describedby': 'quality-range-error' });
  const to = el('input', { type: 'date', id: 'quality-to', name: 'to', 'aria-describedby': 'quality-range-error' });
  const error = el('p', { class: 'field-error', id: 'quality-range-error', 'aria-live': 'assertive' });

  const showError = (field: 'from' | 'to' | null, message: string) => {
    error.textContent = message;
    from.setAttribute('aria-invalid', String(field === 'from'));
    to.setAttribute('aria-invalid', String(field === 'to'));
  };
  const applyDates = (edited: 'from' | 'to') => {
    const check = checkQualityRange(from.value, to.value, edited);
    if (!check.ok) return showError(check.field, check.message);
    showError(null, '');
    onChange({ range: check.range });
  };
  sourceSelect.addEventListener('change', () => onChange({ source: sourceSelect.value }));
  presetSelect.addEventListener('change', () => {
    if (presetSelect.value === 'custom') applyDates('to');
    else onChange({ range: { preset: presetSelect.value as QualityPreset } });
  });
  from.addEventListener('change', () => applyDates('from'));
  to.addEventListener('change', () => applyDates('to'));

  const element = el('form', { class: 'card quality-controls', 'aria-label': 'Source and days', onsubmit: (e: Event) => e.preventDefault() },
    el('div', { class: 'field' }, el('label', { for: 'quality-source' }, 'Source'), sourceSelect),
    el('div', { class: 'field' }, el('label', { for: 'quality-range' }, 'Days (UTC)'), presetSelect),
    el('div', { class: 'field' }, el('label', { for: 'quality-from' }, 'From'), from),
    el('div', { class: 'field' }, el('label', { for: 'quality-to' }, 'To (inclusive)'), to),
    error);

  return {
    element,
    show(state, now) {
      if (state.source) sourceSelect.value = state.source;
      presetSelect.value = 'preset' in state.range ? state.range.preset : 'custom';
      const days = qualityDays(state.range, now);
      from.value = days.from;
      to.value = days.to;
      showError(null, '');
    },
  };
}
