// The plugin's main thread, as Figma runs it: document work only (network is the UI's job).
import { startPlugin } from './start-plugin';

startPlugin(figma, { html: __html__ });
