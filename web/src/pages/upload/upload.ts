// Upload: send a CSV file to a push source (POST /api/v1/ingest/{source} with the source's upload key) and show what
// the API made of it: counts, columns, rejects with their lines and reasons, and where it landed. The key is typed
// into a password field and lives only in that field: it is never written to the URL or to storage.
import './upload.css';
import { call, client, forgetCached, type Schemas } from '../../app/api';
import { el, replaceChildren, stateBlock } from '../../app/dom';
import { ApiError, isAbort, messageOf } from '../../app/errors';
import { formatBytes } from '../../app/format';
import type { PageContext, PageInstance } from '../../app/page';
import { formatRoute, type Route } from '../../app/route';
import { receiptView } from './receiptView';
import { checkFile, uploadProblem, type FaultyInput } from './uploadRules';

/** A catalog source that takes CSV uploads, with what an upload to it must be. */
type Source = Schemas['CatalogSource'] & { upload: Schemas['CatalogUpload'] };

export async function mount(ctx: PageContext): Promise<PageInstance> {
  ctx.setTitle('Upload');
  ctx.setState('loading');
  const head = el('div', { class: 'page-head' }, el('h1', {}, 'Upload'),
    el('p', { class: 'muted' }, 'Send a CSV file to a push source and see what was accepted and rejected, row by row.'));
  const body = el('div', { class: 'upload-body' }, stateBlock('loading', 'Loading the push sources…'));
  ctx.root.append(head, body);

  let page: UploadPage | null = null;
  const start = async () => {
    ctx.setState('loading');
    replaceChildren(body, stateBlock('loading', 'Loading the push sources…'));
    try {
      const { data } = await call(client.GET('/v1/catalog', { signal: ctx.signal }));
      // Only push sources publish an upload spec; the page sends CSV, so only those that take it are offered.
      const push = data.sources.filter((s): s is Source => !!s.upload && s.upload.mediaTypes.some((t) => t.toLowerCase() === 'text/csv'));
      if (push.length === 0) {
        ctx.setState('empty');
        replaceChildren(body, stateBlock('empty', 'No source takes uploads.', 'Only push sources take CSV uploads; none is declared. Add a push source manifest to the pipeline.'));
        return;
      }
      page = new UploadPage(ctx, body, push, ctx.route.params.get('source'));
    } catch (error) {
      if (isAbort(error)) return;
      ctx.setState('error');
      replaceChildren(body, stateBlock('error', 'The sources could not be loaded.', messageOf(error), { label: 'Retry', run: () => void start() }));
    }
  };
  await start();
  return {
    update: (route: Route) => page?.selectSource(route.params.get('source')),
    dispose: () => page?.dispose(),
  };
}

class UploadPage {
  private file: File | null = null;
  private sending: AbortController | null = null;
  private readonly sourceSelect: HTMLSelectElement;
  private readonly sourceHint = el('p', { class: 'field-hint', id: 'upload-source-hint' });
  private readonly fileHint = el('p', { class: 'field-hint', id: 'upload-file-hint' });
  private readonly keyHint = el('p', { class: 'field-hint', id: 'upload-key-hint' });
  private readonly keyInput = el('input', { type: 'password', id: 'upload-key', name: 'key', autocomplete: 'off', spellcheck: 'false', required: true, 'aria-describedby': 'upload-key-hint upload-key-error' });
  private readonly keyError = el('p', { class: 'field-error', id: 'upload-key-error', 'aria-live': 'polite' });
  private readonly fileInput = el('input', { type: 'file', id: 'upload-file', name: 'file', accept: '.csv,text/csv', 'aria-describedby': 'upload-file-hint upload-file-error' });
  private readonly fileError = el('p', { class: 'field-error', id: 'upload-file-error', 'aria-live': 'polite' });
  private readonly fileChosen = el('p', { class: 'upload-chosen', id: 'upload-chosen', 'aria-live': 'polite' });
  private readonly dropZone: HTMLElement;
  private readonly submit = el('button', { type: 'submit', class: 'button', id: 'upload-submit' }, 'Upload');
  private readonly result = el('div', { class: 'upload-result', id: 'upload-result', 'aria-live': 'polite' });

  constructor(private readonly ctx: PageContext, body: HTMLElement, private readonly sources: Source[], wanted: string | null) {
    this.sourceSelect = el('select', { id: 'upload-source', name: 'source', 'aria-describedby': 'upload-source-hint' },
      sources.map((s) => el('option', { value: s.id }, s.enabled ? s.id : `${s.id} (disabled)`)));
    this.sourceSelect.required = true;
    this.sourceSelect.addEventListener('change', () => this.sourceChanged());

    this.dropZone = el('div', { class: 'upload-drop', id: 'upload-drop' },
      el('label', { for: 'upload-file' }, 'CSV file'),
      this.fileHint,
      this.fileInput, this.fileChosen, this.fileError);
    this.fileInput.addEventListener('change', () => this.choose(this.fileInput.files?.[0] ?? null));
    this.bindDrop();
    this.keyInput.addEventListener('input', () => this.markInvalid(null));

    const form = el('form', { class: 'card upload-form', 'aria-label': 'Upload a CSV file', novalidate: true, onsubmit: (e: Event) => { e.preventDefault(); void this.send(); } },
      el('div', { class: 'field' }, el('label', { for: 'upload-source' }, 'Push source'), this.sourceSelect, this.sourceHint),
      el('div', { class: 'field' }, el('label', { for: 'upload-key' }, 'Upload key'), this.keyInput,
        this.keyHint, this.keyError),
      this.dropZone,
      el('div', { class: 'toolbar' }, this.submit));
    replaceChildren(body, form, this.result);
    this.selectSource(wanted);
    ctx.setState('ready');
  }

  selectSource(wanted: string | null): void {
    const id = wanted && this.sources.some((s) => s.id === wanted) ? wanted : this.sources[0]!.id;
    if (this.sourceSelect.value !== id) this.sourceSelect.value = id;
    this.describeSource();
    this.ctx.replaceParams(new URLSearchParams({ source: id }));
  }

  dispose(): void {
    this.sending?.abort();
  }

  private sourceChanged(): void {
    this.selectSource(this.sourceSelect.value);
    // A key belongs to one source: the typed one is not another source's.
    this.keyInput.value = '';
    this.markInvalid(null);
  }

  private source(): Source {
    return this.sources.find((s) => s.id === this.sourceSelect.value) ?? this.sources[0]!;
  }

  private describeSource(): void {
    const { description, upload } = this.source();
    this.sourceHint.textContent = description ?? '';
    this.fileHint.textContent = `Choose a file or drop one here: a UTF-8 .csv file up to ${formatBytes(upload.maxBytes)}`
      + (upload.columns.length > 0 ? ` whose header row names the columns ${upload.columns.join(', ')}.` : '.');
    this.keyHint.textContent = `The source’s upload key, sent as ${upload.keyHeader} with this upload only; it is not kept.`;
  }

  private bindDrop(): void {
    const zone = this.dropZone;
    const over = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      zone.dataset.over = 'true';
    };
    zone.addEventListener('dragenter', over);
    zone.addEventListener('dragover', over);
    zone.addEventListener('dragleave', (e) => {
      if (!zone.contains(e.relatedTarget as Node | null)) delete zone.dataset.over;
    });
    zone.addEventListener('drop', (e) => {
      e.preventDefault();
      delete zone.dataset.over;
      const files = e.dataTransfer?.files;
      if (!files || files.length === 0) return;
      if (files.length > 1) {
        this.choose(null);
        return this.markInvalid('file', `${files.length} files were dropped; upload one file at a time.`);
      }
      this.choose(files[0]!);
    });
  }

  /** Takes a file if it passes the checks; otherwise says what is wrong with it and takes none. */
  private choose(file: File | null): void {
    this.file = null;
    this.markInvalid(null);
    if (!file) {
      this.fileChosen.textContent = '';
      return;
    }
    const check = checkFile(file, this.source().upload.maxBytes);
    if (!check.ok) {
      this.fileChosen.textContent = '';
      this.fileInput.value = '';
      this.markInvalid('file', check.message);
      return;
    }
    this.file = file;
    this.fileChosen.textContent = `Chosen: ${file.name} (${formatBytes(file.size)}).`;
  }

  private markInvalid(input: FaultyInput, message = ''): void {
    this.fileError.textContent = input === 'file' ? message : '';
    this.keyError.textContent = input === 'key' ? message : '';
    this.fileInput.setAttribute('aria-invalid', String(input === 'file'));
    this.keyInput.setAttribute('aria-invalid', String(input === 'key'));
    this.sourceSelect.setAttribute('aria-invalid', String(input === 'source'));
    this.dropZone.dataset.invalid = String(input === 'file');
  }

  private async send(): Promise<void> {
    const source = this.sourceSelect.value;
    const file = this.file;
    // Another source chosen after the file: its own cap applies.
    if (file) {
      const check = checkFile(file, this.source().upload.maxBytes);
      if (!check.ok) {
        this.file = null;
        this.markInvalid('file', check.message);
        return;
      }
    }
    if (!file) {
      if (!this.fileError.textContent) this.markInvalid('file', 'Choose a CSV file to upload.');
      this.fileInput.focus();
      return;
    }
    const key = this.keyInput.value.trim();
    if (!key) {
      this.markInvalid('key', `Type ${source}’s upload key.`);
      this.keyInput.focus();
      return;
    }
    this.markInvalid(null);
    this.sending?.abort();
    const controller = new AbortController();
    this.sending = controller;
    this.ctx.signal.addEventListener('abort', () => controller.abort(), { once: true });
    this.submit.disabled = true;
    this.ctx.setState('loading');
    replaceChildren(this.result, stateBlock('loading', `Uploading “${file.name}” to ${source}…`));
    try {
      const { data } = await call(client.POST('/v1/ingest/{source}', {
        params: { path: { source } },
        // The file's own bytes, untouched: the API hashes exactly what was sent.
        body: '' as string,
        bodySerializer: () => file,
        // The key goes in the header the source's manifest names (x-tributary-key for the shipped one).
        headers: { 'Content-Type': 'text/csv', [this.source().upload.keyHeader]: key },
        signal: controller.signal,
      }));
      // The upload changed the source's quality and status: the next reads must not trust older ETags.
      forgetCached('/v1/quality');
      forgetCached('/v1/sources');
      replaceChildren(this.result, receiptView(data, file.name, formatRoute('upload', new URLSearchParams({ source }))));
      this.ctx.setState('ready');
      document.getElementById('upload-receipt-title')?.focus();
    } catch (error) {
      if (isAbort(error)) return;
      const apiError = error instanceof ApiError ? error : new ApiError(messageOf(error), 'network');
      const problem = uploadProblem(apiError, file.name, source);
      this.markInvalid(problem.input, problem.message);
      replaceChildren(this.result, el('div', { id: 'upload-problem', 'data-status': apiError.status ?? '', 'data-input': problem.input ?? '' },
        stateBlock('error', 'Nothing was uploaded.', problem.message)));
      // The page itself works; the upload was refused, which the message explains.
      this.ctx.setState('ready');
      (problem.input === 'key' ? this.keyInput : problem.input === 'file' ? this.fileInput : this.sourceSelect).focus();
    } finally {
      this.submit.disabled = false;
    }
  }
}
