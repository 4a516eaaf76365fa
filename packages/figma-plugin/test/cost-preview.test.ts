import { formatCost } from '@gpt-image/core';
import { sniffImage } from '@gpt-image/core/contract';
import { describe, expect, it } from 'vitest';
import { INITIAL_FORM, type FormState } from '../src/ui/logic/form-state';
import { exportStandIn } from '../src/ui/logic/export-stand-in';
import { prepareForFigma, type RequestImage } from '../src/ui/logic/request-input';
import { sizeChoice } from '../src/ui/logic/size-choice';
import { frame } from './support/builders';
import { openPlugin } from './support/open-plugin';

// The cost shown before an edit prices each selected node as main will export it, so it is the
// cost of what is sent, not of the 96 px thumbnails the list shows.
describe('the cost preview of an edit', () => {
  const form: FormState = { ...INITIAL_FORM, prompt: 'Make it a night scene', provider: 'openai', aspect: '1:1' };
  const costOf = (images: readonly RequestImage[]): string => {
    const prepared = prepareForFigma(form, sizeChoice(form, null), images);
    if (!prepared.ok) throw new Error(prepared.problems.join('; '));
    return formatCost(prepared.request.cost);
  };

  it('stands each node in at its export size', () => {
    expect(sniffImage(exportStandIn({ width: 800, height: 600 }))).toEqual({ mediaType: 'image/png', width: 1600, height: 1200 });
    expect(sniffImage(exportStandIn({ width: 5000, height: 2500 }))).toEqual({ mediaType: 'image/png', width: 2048, height: 1024 });
    expect(sniffImage(exportStandIn({ width: 0, height: 10 }))).toEqual({ mediaType: 'image/png', width: 1, height: 1 });
  });

  it('is what the exported references cost, and more than their thumbnails would', async () => {
    const session = openPlugin();
    const card = frame(session.figma, { name: 'Card', width: 600, height: 900 });
    const hero = frame(session.figma, { name: 'Hero', width: 800, height: 600 });
    const { references } = await session.ui$.request('export-references', { nodeIds: [card.id, hero.id] });
    const exported = costOf(references.map((r) => ({ bytes: r.bytes, name: r.name })));
    const standIns = costOf([card, hero].map((node) => ({ bytes: exportStandIn(node), name: node.name })));
    const thumbnails = costOf([card, hero].map((node) => ({ bytes: exportStandIn({ width: node.width / 20, height: node.height / 20 }), name: node.name })));
    expect(standIns).toBe(exported);
    expect(Number.parseFloat(standIns.slice(1))).toBeGreaterThan(Number.parseFloat(thumbnails.slice(1)));
  });
});
