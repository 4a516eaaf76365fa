// The plugin's UI iframe: the form, and all network (core's task client with this page's fetch).
// Document work stays in the main thread, reached through the one typed protocol.
import { render } from 'preact';
import { connectToMain } from '../protocol/ui-endpoint';
import { App } from './components/app';
import { endpointsFrom } from './logic/endpoints';
import { windowTransport } from './logic/window-transport';
import './styles.css';

const main = connectToMain(windowTransport(window), {
  onProblem: (error) => console.error(`GPT Image: main sent a message the UI could not read: ${error.message}`),
});
const setup = { fetch: (input: string | URL | Request, init?: RequestInit) => window.fetch(input, init), endpoints: endpointsFrom(window.location.search) };
const root = document.getElementById('root');
if (root) render(<App main={main} setup={setup} />, root);
window.addEventListener('unload', () => main.dispose());
