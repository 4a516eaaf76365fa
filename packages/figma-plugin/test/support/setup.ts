import { afterEach } from 'vitest';
import { closeAllSessions } from './open-plugin';

afterEach(() => closeAllSessions());
