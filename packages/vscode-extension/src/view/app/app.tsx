/** The GPT Image view: the form, the run's progress and Cancel, the result, the gallery. */
import { ASPECT_RATIOS, MODES, QUALITIES, RESOLUTIONS } from '@gpt-image/core/options';
import { useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import type { GalleryItem, HostMessage, Priced } from '../protocol';
import { formReducer, generateRequestOf, INITIAL_FORM, priceRequestOf, viewOf } from './form-state';
import { Gallery } from './gallery';
import { PromptField } from './prompt-field';
import { ReferenceList } from './reference-list';
import { ResultPanel } from './result-panel';
import { Segmented } from './segmented';
import { SizeField } from './size-field';
import { restoreViewState, serialiseViewState } from './view-state';
import type { HostChannel } from './vscode-api';

type Run = { readonly phase: 'idle' } | { readonly phase: 'running'; readonly state: string };

/** How long the form must stay unchanged before the host is asked for the cost. */
const PRICE_DEBOUNCE_MS = 100;

export function App({ host }: { readonly host: HostChannel }) {
  // What the webview kept while hidden (or before a reload): the form and the last result.
  const restored = useMemo(() => restoreViewState(host.loadState()), [host]);
  const [form, dispatch] = useReducer(formReducer, restored?.form ?? INITIAL_FORM);
  const [run, setRun] = useState<Run>({ phase: 'idle' });
  const [result, setResult] = useState<GalleryItem | null>(restored?.result ?? null);
  const [preview, setPreview] = useState<{ readonly index: number; readonly dataUrl: string } | null>(null);
  const [gallery, setGallery] = useState<readonly GalleryItem[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const view = useMemo(() => viewOf(form), [form]);
  // The cost is the host's answer to the latest `price` question; older answers are ignored, and
  // the last answer stays on screen while a newer question is on its way.
  const [priced, setPriced] = useState<Priced | null>(null);
  const priceSeq = useRef(0);

  useEffect(() => {
    host.saveState(serialiseViewState(form, result));
  }, [host, form, result]);

  useEffect(() => {
    const timer = setTimeout(() => {
      priceSeq.current += 1;
      host.post({ type: 'price', payload: priceRequestOf(form, priceSeq.current) });
    }, PRICE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [host, form]);

  useEffect(() => {
    const stop = host.listen((message: HostMessage) => {
      switch (message.type) {
        case 'init':
          // A restored form keeps its own choices; only the provider is the host's.
          dispatch({ type: 'set', patch: restored ? { provider: message.payload.provider } : { provider: message.payload.provider, ...message.payload.defaults } });
          break;
        case 'provider':
          dispatch({ type: 'set', patch: { provider: message.payload.provider } });
          break;
        case 'images':
          dispatch({ type: 'addImages', images: message.payload.images });
          break;
        case 'progress':
          setRun({ phase: 'running', state: message.payload.detail ?? message.payload.state });
          break;
        case 'preview':
          setPreview(message.payload);
          break;
        case 'result':
          setRun({ phase: 'idle' });
          setPreview(null);
          if (message.payload.image) setResult(message.payload.image);
          break;
        case 'gallery':
          setGallery(message.payload.items);
          break;
        case 'priced':
          if (message.payload.seq === priceSeq.current) setPriced(message.payload);
          break;
        case 'notice':
          setNotice(message.payload.text);
          break;
      }
    });
    host.post({ type: 'ready', payload: {} });
    return stop;
  }, [host, restored]);

  const running = run.phase === 'running';
  const cost = priced?.cost ?? null;
  const canGenerate = !running && cost !== null;
  const generate = (): void => {
    if (!canGenerate) return;
    setNotice(null);
    setRun({ phase: 'running', state: 'starting' });
    setPreview(null);
    host.post({ type: 'generate', payload: generateRequestOf(form) });
  };

  return (
    <main>
      <Segmented label="Mode" options={MODES} value={form.mode} labels={{ generate: 'Generate', edit: 'Edit' }} onChange={(mode) => dispatch({ type: 'set', patch: { mode } })} />
      <PromptField value={form.prompt} counter={view.counter} tooLong={view.promptTooLong} onInput={(prompt) => dispatch({ type: 'set', patch: { prompt } })} />
      {form.mode === 'edit' && (
        <ReferenceList
          images={form.images}
          onPick={() => host.post({ type: 'pickImages', payload: {} })}
          onUseActive={() => host.post({ type: 'useActiveImage', payload: {} })}
          onDropUris={(uris) => host.post({ type: 'addImages', payload: { uris: uris.slice(0, 16) } })}
          onMove={(index, by) => dispatch({ type: 'moveImage', index, by })}
          onRemove={(index) => dispatch({ type: 'removeImage', index })}
        />
      )}
      <Segmented label="Resolution" options={RESOLUTIONS} value={form.resolution} onChange={(resolution) => dispatch({ type: 'set', patch: { resolution } })} />
      <Segmented label="Quality" options={QUALITIES} value={form.quality} onChange={(quality) => dispatch({ type: 'set', patch: { quality } })} />
      <Segmented label="Aspect ratio" options={ASPECT_RATIOS} value={form.aspectRatio} onChange={(aspectRatio) => dispatch({ type: 'set', patch: { aspectRatio } })} />
      <SizeField value={form.sizeText} message={view.sizeMessage} nearest={view.nearestSize} onInput={(sizeText) => dispatch({ type: 'set', patch: { sizeText } })} />
      <p class={cost === null ? 'cost error' : 'cost'} aria-live="polite" data-testid="cost">
        {cost !== null ? `Cost: ${cost}` : form.prompt.trim() === '' ? 'Write a prompt to see the cost.' : (priced?.refusal ?? '')}
      </p>
      <div class="row">
        <button type="button" class="primary" disabled={!canGenerate} onClick={generate}>
          {form.mode === 'edit' ? 'Edit' : 'Generate'}
        </button>
        {running && (
          <button type="button" class="secondary" onClick={() => host.post({ type: 'cancel', payload: {} })}>
            Cancel
          </button>
        )}
      </div>
      {running && (
        <div class="progress-area">
          <p class="progress" role="status">
            <span class="spinner" aria-hidden="true" /> {run.state}…{preview ? ` · preview ${preview.index + 1}` : ''}
          </p>
          {preview && <img class="preview" src={preview.dataUrl} alt={`preview ${preview.index + 1}`} data-testid="preview" />}
        </div>
      )}
      {notice !== null && <p class="notice" role="alert">{notice}</p>}
      {result && (
        <ResultPanel
          image={result}
          post={host.post}
          onEditAgain={(path) => host.post({ type: 'addImages', payload: { uris: [path] } })}
        />
      )}
      <Gallery items={gallery} post={host.post} />
    </main>
  );
}
