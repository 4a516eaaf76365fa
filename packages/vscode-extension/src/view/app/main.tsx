/** Entry of the webview bundle (dist/webview.js + dist/webview.css). */
import { render } from 'preact';
import { App } from './app';
import { connectToHost } from './vscode-api';
import './view.css';

const root = document.getElementById('root');
if (root) render(<App host={connectToHost()} />, root);
