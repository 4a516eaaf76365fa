import { describe, expect, it } from 'vitest';
import { findImageReferences, findMissingImages, planBatch, promptFromFileName, type MissingImage } from '../../src/logic/index';

/** Missing images across a small workspace at /proj where no image exists yet. */
async function missingAcross(documents: Record<string, { languageId: string; text: string }>): Promise<MissingImage[]> {
  const all: MissingImage[] = [];
  for (const [documentPath, { languageId, text }] of Object.entries(documents)) {
    all.push(...(await findMissingImages(findImageReferences(text, languageId), { documentPath, rootFolder: '/proj', exists: () => false })));
  }
  return all;
}

const workspace = {
  '/proj/README.md': { languageId: 'markdown', text: '![A hero shot](assets/hero.png)\n![](assets/team-photo.png)' },
  '/proj/docs/guide.md': { languageId: 'markdown', text: '![](../assets/hero.png)\n![Big](../assets/big.png)' },
  '/proj/src/App.tsx': { languageId: 'typescriptreact', text: '<img src="/assets/hero.png" alt="Hero from code" /><img src="/assets/wide.png" alt="Wide" width={1536} height={1024} />' },
};

describe('planBatch', () => {
  it('makes one job per file, listing every document that refers to it, in first-seen order', async () => {
    const plan = planBatch(await missingAcross(workspace), { provider: 'placeholder' });
    expect(plan.jobs.map((job) => job.targetPath)).toEqual(['/proj/assets/hero.png', '/proj/assets/team-photo.png', '/proj/assets/big.png', '/proj/assets/wide.png']);
    const hero = plan.jobs[0];
    expect(hero?.sources.map((s) => s.documentPath)).toEqual(['/proj/README.md', '/proj/docs/guide.md', '/proj/src/App.tsx']);
    // The first alt text that says something becomes the prompt.
    expect(hero?.prompt).toBe('A hero shot');
    expect(plan.refused).toEqual([]);
    expect(plan.totalText).toBe('free');
  });

  it('prompts from the file name when no reference has alt text', async () => {
    const plan = planBatch(await missingAcross(workspace), { provider: 'placeholder' });
    expect(plan.jobs[1]?.prompt).toBe('team photo');
    expect(plan.jobs[1]?.request.options.prompt).toBe('team photo');
    expect(promptFromFileName('/x/hero-banner.png')).toBe('hero banner');
    expect(promptFromFileName('teamPhoto_2024.final.JPG')).toBe('team photo 2024 final');
    expect(promptFromFileName('.png')).toBe('image');
  });

  it('treats Windows spellings of one file as one job', async () => {
    const items = [
      ...(await findMissingImages(findImageReferences('![a](img/a.png)', 'markdown'), { documentPath: 'C:\\Proj\\README.md', exists: () => false })),
      ...(await findMissingImages(findImageReferences('![b](../IMG/A.png)', 'markdown'), { documentPath: 'c:\\proj\\docs\\x.md', exists: () => false })),
    ];
    const plan = planBatch(items, { provider: 'placeholder' });
    expect(plan.jobs).toHaveLength(1);
    expect(plan.jobs[0]?.sources).toHaveLength(2);
  });

  it('totals kie credits, sending preset sizes as tier and ratio, and keeps the core refusals', async () => {
    const plan = planBatch(await missingAcross(workspace), { provider: 'kie' });
    // Three 1K squares at 6 credits each; the 1536x1024 size is not a kie preset.
    expect(plan.jobs.map((job) => [job.targetPath, job.request.options.resolution, job.request.options.aspectRatio, job.request.cost.amount])).toEqual([
      ['/proj/assets/hero.png', '1K', '1:1', 6],
      ['/proj/assets/team-photo.png', '1K', '1:1', 6],
      ['/proj/assets/big.png', '1K', '1:1', 6],
    ]);
    expect(plan.totals).toEqual([{ amount: 18, unit: 'credits', estimate: false }]);
    expect(plan.totalText).toBe('18 credits');
    expect(plan.refused).toHaveLength(1);
    expect(plan.refused[0]?.targetPath).toBe('/proj/assets/wide.png');
    expect(plan.refused[0]?.issues).toEqual([expect.objectContaining({ path: 'size', message: expect.stringMatching(/kie provider takes preset sizes only/) })]);
  });

  it('refuses formats a provider cannot return and files the model cannot write', async () => {
    const missing = await missingAcross({ '/proj/a.md': { languageId: 'markdown', text: '![photo](photo.jpg) ![spinner](spinner.gif) ![again](spinner.gif)' } });
    const plan = planBatch(missing, { provider: 'kie' });
    expect(plan.jobs).toEqual([]);
    expect(plan.refused.map((r) => [r.targetPath, r.issues[0]?.path, r.sources.length])).toEqual([
      ['/proj/photo.jpg', 'outputFormat', 1],
      ['/proj/spinner.gif', 'outputFormat', 2],
    ]);
    expect(plan.refused[0]?.issues[0]?.message).toMatch(/kie provider returns png only/);
    expect(plan.refused[1]?.issues[0]?.message).toMatch(/cannot create \.gif files/);
    expect(plan.totalText).toBe('free');
  });

  it('totals OpenAI dollars as an estimate, with the batch defaults applied', async () => {
    const missing = await missingAcross({
      '/proj/a.md': { languageId: 'markdown', text: '![Hero](hero.png)' },
      '/proj/b.html': { languageId: 'html', text: '<img src="hero-banner.png" width="1536" height="1024">' },
    });
    const low = planBatch(missing, { provider: 'openai' });
    // 1280x1280 low: the 1024² price scaled by pixels, 0.006 × 1.5625 = 0.009375, plus 1 prompt
    // token; 1536x1024 low: the published 0.005, plus 3 prompt tokens at $5/M.
    expect(low.jobs.map((job) => job.request.cost.amount)).toEqual([0.009375 + 0.000005, 0.005 + 0.000015]);
    expect(low.totals).toEqual([{ amount: 0.014395, unit: 'USD', estimate: true }]);
    expect(low.totalText).toBe('$0.014 est.');
    const high = planBatch(missing, { provider: 'openai', defaults: { quality: 'high' } });
    expect(high.jobs.every((job) => job.request.options.quality === 'high')).toBe(true);
    expect(high.totals[0]?.amount).toBeGreaterThan(0.3);
  });

  it('refuses everything for an unknown provider, with the core message', async () => {
    const plan = planBatch(await missingAcross(workspace), { provider: 'nope' });
    expect(plan.jobs).toEqual([]);
    expect(plan.refused[0]?.issues[0]?.message).toMatch(/provider must be one of/);
  });
});
