/**
 * Figma's theme, as Figma hands it to a plugin UI shown with `themeColors: true`: the class
 * `figma-light` or `figma-dark` on the page's <html>, and the `--figma-color-*` variables in a
 * style element. The test server serves dist/ui.html this way for `?theme=…`; without it the page
 * gets neither, and the UI's CSS falls back to Figma's light values.
 *
 * The values are Figma's published tokens for the ones the UI reads (plus a few neighbours), as
 * listed in Figma's CSS-variables documentation and plugins that copy it.
 */
export type FigmaTheme = 'light' | 'dark';

export const FIGMA_THEMES: Readonly<Record<FigmaTheme, Readonly<Record<string, string>>>> = {
  light: {
    'bg': '#ffffff',
    'bg-secondary': '#f5f5f5',
    'bg-tertiary': '#e6e6e6',
    'bg-hover': '#f5f5f5',
    'bg-selected': '#e5f4ff',
    'bg-brand': '#0d99ff',
    'bg-danger-tertiary': '#fff5f2',
    'text': '#000000e6',
    'text-secondary': '#00000080',
    'text-disabled': '#0000004d',
    'text-onbrand': '#ffffff',
    'text-danger': '#dc3412',
    'text-success': '#14ae5c',
    'border': '#e6e6e6',
    'border-strong': '#2c2c2c',
    'border-selected': '#0d99ff',
  },
  dark: {
    'bg': '#2c2c2c',
    'bg-secondary': '#383838',
    'bg-tertiary': '#444444',
    'bg-hover': '#383838',
    'bg-selected': '#4a5878',
    'bg-brand': '#0c8ce9',
    'bg-danger-tertiary': '#60332a',
    'text': '#ffffff',
    'text-secondary': '#ffffffb3',
    'text-disabled': '#ffffff66',
    'text-onbrand': '#ffffff',
    'text-danger': '#fca397',
    'text-success': '#7cd797',
    'border': '#444444',
    'border-strong': '#ffffffe6',
    'border-selected': '#0c8ce9',
  },
};

/** dist/ui.html as Figma would serve it in `theme`; unchanged for anything else. */
export function themedUi(html: string, theme: string | null): string {
  if (theme !== 'light' && theme !== 'dark') return html;
  const variables = Object.entries(FIGMA_THEMES[theme]).map(([name, value]) => `--figma-color-${name}: ${value};`).join(' ');
  const themed = html
    .replace(/<html\b([^>]*)>/i, `<html$1 class="figma-${theme}">`)
    .replace(/<head>/i, `<head><style id="figma-style">:root { ${variables} }</style>`);
  if (!themed.includes(`class="figma-${theme}"`) || !themed.includes('id="figma-style"')) throw new Error('ui.html has no <html> or <head> to theme');
  return themed;
}
