import { PROVIDERS, formatCost, needsConfirmation, type GeneratedImage, type ProviderId } from '@gpt-image/core';
import { useEffect, useState } from 'preact/hooks';
import type { PendingTask } from '../../protocol/shapes';
import type { UiEndpoint } from '../../protocol/ui-endpoint';
import type { ClientSetup } from '../logic/task-client-for';
import { waitingInFileNotice } from '../../protocol/waiting-elsewhere';
import { errorText, isCancel } from '../logic/error-text';
import { exportStandIn } from '../logic/export-stand-in';
import { INITIAL_FORM, restoredForm, type FormState } from '../logic/form-state';
import { readImageFiles } from '../logic/read-files';
import { costLine, prepareForFigma } from '../logic/request-input';
import { bytesUrl } from '../logic/bytes-url';
import { PlacingFailedError, resumeNotice, resumePending, type ResumeOutcome } from '../logic/resume-pending';
import { imagesNotKeptNotice, sourcesGoneNotice } from '../logic/relaunch-notices';
import { ResultWaitingError, runGeneration } from '../logic/run-generation';
import { sizeChoice } from '../logic/size-choice';
import { itemName, itemSize, withSelection, type SourceItem } from '../logic/source-item';
import { HistoryList } from './history-list';
import { PromptField } from './prompt-field';
import { ProviderField, type KeyState } from './provider-field';
import { RunStatus, type RunState } from './run-status';
import { SizeOptions } from './size-options';
import { SourceList } from './source-list';

/** Props of {@link App}. */
export interface AppProps {
  readonly main: UiEndpoint;
  readonly setup: Omit<ClientSetup, 'keys' | 'saveRecord'>;
}

const DEFAULT_STORAGE_NOTE = 'Your API key is stored unencrypted on this computer, in Figma’s storage for this plugin.';
const COLLECT_HINT = 'Press “Collect now” to try again without reopening the plugin.';

/** A line for the user; `image`: a paid result main could not place, offered to save (its only copy). */
interface Notice {
  readonly text: string;
  readonly image: GeneratedImage | null;
}

/** The plugin window: images, prompt, options, provider, cost, and the run. */
export function App({ main, setup }: AppProps) {
  const [items, setItems] = useState<SourceItem[]>([]);
  const [total, setTotal] = useState(0);
  const [form, setForm] = useState<FormState>(INITIAL_FORM);
  const [run, setRun] = useState<RunState>({ kind: 'idle' });
  const [keyState, setKeyState] = useState<KeyState>({ kind: 'none' });
  const [storageNote, setStorageNote] = useState(DEFAULT_STORAGE_NOTE);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [costAccepted, setCostAccepted] = useState(false);
  /** Bumped whenever a result was placed, so the history is read again. */
  const [historyVersion, setHistoryVersion] = useState(0);
  /** Accepted tasks whose result waits at the provider (main keeps them too): "Collect now" tries again. */
  const [waiting, setWaiting] = useState<readonly PendingTask[]>([]);
  const placedOne = (): void => setHistoryVersion((v) => v + 1);
  const notice = (text: string): void => setNotices((list) => [...list, { text, image: null }]);
  const unplacedNotice = (outcome: Extract<ResumeOutcome, { kind: 'unplaced' }>): void =>
    setNotices((list) => [...list, { text: resumeNotice(outcome), image: outcome.image }]);

  // Listen first, then say ready: main sends the selection only after `ready`.
  useEffect(() => {
    const stops = [
      main.on('selection', ({ nodes, total: count }) => {
        setItems((current) => withSelection(current, nodes));
        setTotal(count);
      }),
      main.on('problem', ({ message }) => notice(message)),
    ];
    void (async () => {
      try {
        const { pendingTasks, prefill, waitingElsewhere } = await main.request('ready', {});
        for (const file of waitingElsewhere) notice(waitingInFileNotice(file));
        // A relaunch button: its images arrive as main's first selection report.
        if (prefill) {
          setForm(restoredForm(prefill));
          const gone = sourcesGoneNotice(prefill);
          if (gone) notice(gone);
          const notKept = imagesNotKeptNotice(prefill);
          if (notKept) notice(notKept);
        }
        const interrupted = await main.request('remove-interrupted-placeholders', {}).then(({ notice: text }) => text, (error: unknown) => errorText(error).message);
        if (interrupted) notice(interrupted);
        for (const task of pendingTasks) {
          notice(`Collecting an earlier result (${task.record.request.provider})…`);
          const outcome = await resumePending(main, setup, task);
          if (outcome.kind === 'unplaced') unplacedNotice(outcome);
          else notice(resumeNotice(outcome));
          if (outcome.kind === 'placed') placedOne();
          if (outcome.kind === 'waiting') setWaiting((list) => [...list, task]);
        }
      } catch (error) {
        notice(errorText(error).message);
      }
    })();
    return () => stops.forEach((stop) => stop());
  }, [main, setup]);

  useEffect(() => {
    if (form.provider === 'placeholder') return setKeyState({ kind: 'none' });
    const provider = form.provider;
    setKeyState({ kind: 'loading' });
    main.request('read-key', { provider }).then(
      ({ key, storageNote: note }) => {
        setStorageNote(note);
        setKeyState(key ? { kind: 'stored', key } : { kind: 'missing' });
      },
      (error: unknown) => {
        setKeyState({ kind: 'missing' });
        notice(errorText(error).message);
      },
    );
  }, [main, form.provider]);

  const first = items[0];
  const choice = sizeChoice(form, first ? itemSize(first) : null);
  // Checked and priced on every change, with each node at the size it will be exported at.
  const preparation = prepareForFigma(form, choice, items.map((item) => ({ bytes: item.kind === 'node' ? exportStandIn(item.node) : item.bytes, name: itemName(item) })));
  const running = run.kind === 'running';
  const needsKey = PROVIDERS[form.provider].needsKey && keyState.kind !== 'stored';
  const costly = preparation.ok && needsConfirmation(preparation.request.cost);
  const canRun = !running && preparation.ok && !needsKey && (!costly || costAccepted);

  const update = (patch: Partial<FormState>): void => {
    setForm((f) => ({ ...f, ...patch }));
    setCostAccepted(false);
  };

  const generate = async (): Promise<void> => {
    if (!canRun) return;
    const controller = new AbortController();
    setRun({ kind: 'running', status: 'Starting…', controller });
    const keys = keyState.kind === 'stored' && form.provider !== 'placeholder' ? { [form.provider]: keyState.key } : {};
    try {
      const placed = await runGeneration(main, { ...setup, keys }, {
        form, choice, items, signal: controller.signal,
        onStatus: (status) => setRun((r) => (r.kind === 'running' && r.controller === controller ? { ...r, status } : r)),
      });
      placedOne();
      const charge = placed.image.actualCost ? `; charged ${formatCost(placed.image.actualCost)}` : '';
      const estimate = preparation.ok ? ` (estimate ${formatCost(preparation.request.cost)}${charge})` : '';
      setRun({ kind: 'done', text: `Placed a ${placed.image.width} × ${placed.image.height} image on the canvas${estimate}.` });
    } catch (error) {
      if (isCancel(error)) return setRun({ kind: 'done', text: 'Cancelled; nothing more will be charged for this request.' });
      const { message, hint } = errorText(error);
      if (error instanceof ResultWaitingError) setWaiting((list) => [...list, error.task]);
      setRun({ kind: 'failed', message, hint: error instanceof ResultWaitingError ? COLLECT_HINT : hint, image: error instanceof PlacingFailedError ? error.image : null });
    }
  };

  /** Collects the results kept waiting at the provider, without reopening the plugin. */
  const collect = async (): Promise<void> => {
    const controller = new AbortController();
    const tasks = waiting;
    setWaiting([]);
    setRun({ kind: 'running', status: 'Collecting the result…', controller });
    const kept: PendingTask[] = [];
    const outcomes: ResumeOutcome[] = [];
    for (const task of tasks) {
      const outcome = await resumePending(main, setup, task, controller.signal);
      outcomes.push(outcome);
      if (outcome.kind === 'placed') placedOne();
      if (outcome.kind === 'waiting') kept.push(task);
    }
    setWaiting((list) => [...kept, ...list]);
    // The status shows the last outcome; an earlier result main refused is offered as a notice, never dropped.
    for (const outcome of outcomes.slice(0, -1)) if (outcome.kind === 'unplaced') unplacedNotice(outcome);
    const last = outcomes.at(-1);
    if (!last || last.kind === 'placed') setRun({ kind: 'done', text: 'The waiting result was placed on the canvas.' });
    else setRun({ kind: 'failed', message: last.message, hint: last.kind === 'waiting' ? COLLECT_HINT : null, image: last.kind === 'unplaced' ? last.image : null });
  };

  const saveKey = (key: string): void => {
    if (form.provider === 'placeholder') return;
    const provider: Exclude<ProviderId, 'placeholder'> = form.provider;
    main.request('store-key', { provider, key }).then(
      ({ storageNote: note }) => {
        setStorageNote(note);
        setKeyState({ kind: 'stored', key });
      },
      (error: unknown) => notice(errorText(error).message),
    );
  };
  const removeKey = (): void => {
    if (form.provider === 'placeholder') return;
    main.request('delete-key', { provider: form.provider }).then(
      () => setKeyState({ kind: 'missing' }),
      (error: unknown) => notice(errorText(error).message),
    );
  };

  return (
    <main>
      <SourceList
        items={items}
        total={total}
        disabled={running}
        onChange={setItems}
        onAddFiles={(files) =>
          void readImageFiles(files).then(({ items: added, problems }) => {
            setItems((current) => [...current, ...added]);
            problems.forEach(notice);
          })
        }
      />
      {/* Not a <form>: a sandboxed iframe without allow-forms never fires submit. Ctrl/Cmd+Enter runs it. */}
      <div
        class="form"
        onKeyDown={(event) => {
          if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
          event.preventDefault();
          void generate();
        }}
      >
        <PromptField value={form.prompt} disabled={running} onChange={(prompt) => update({ prompt })} />
        <SizeOptions form={form} choice={choice} canMatch={first !== undefined} disabled={running} onChange={update} />
        <ProviderField
          provider={form.provider}
          keyState={keyState}
          storageNote={storageNote}
          disabled={running}
          onProvider={(provider) => update({ provider })}
          onSaveKey={saveKey}
          onRemoveKey={removeKey}
        />
        <div class="cost" aria-live="polite">
          {preparation.ok ? (
            <>
              <p>
                Cost: <strong data-testid="cost">{costLine(preparation.request)}</strong>
              </p>
              {preparation.request.warnings.map((w) => <p key={w} class="muted small">{w}</p>)}
              {costly ? (
                <label class="check">
                  <input type="checkbox" checked={costAccepted} disabled={running} onChange={(e) => setCostAccepted(e.currentTarget.checked)} />
                  Spend {formatCost(preparation.request.cost)} on this image
                </label>
              ) : null}
            </>
          ) : form.prompt.trim() === '' ? (
            <p class="muted">Write a prompt to see the cost.</p>
          ) : (
            preparation.problems.map((p) => <p key={p} class="danger">{p}</p>)
          )}
        </div>
        <div class="actions">
          {run.kind === 'running' ? (
            <button type="button" class="button secondary" onClick={() => run.controller.abort()}>Cancel</button>
          ) : null}
          <button type="button" class="button primary" disabled={!canRun} onClick={() => void generate()}>{items.length > 0 ? 'Edit' : 'Generate'}</button>
        </div>
        <RunStatus run={run} />
        {waiting.length > 0 && !running ? (
          <div class="actions">
            <button type="button" class="button secondary" onClick={() => void collect()}>Collect now</button>
          </div>
        ) : null}
      </div>
      {notices.length > 0 ? (
        <ul class="notices" aria-live="polite">
          {notices.map(({ text, image }, i) => (
            <li key={i}>
              {text}
              {image ? (
                <div>
                  <a class="button secondary" download="gpt-image.png" href={bytesUrl(image.bytes, 'image/png')}>Save the image as a file</a>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <HistoryList main={main} version={historyVersion} />
    </main>
  );
}
