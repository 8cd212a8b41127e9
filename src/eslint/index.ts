// The package's entry point: `import weakref from 'eslint-plugin-weakref'` (ESM) and
// `require('eslint-plugin-weakref')` (CommonJS) both get the plugin object itself.
import { createPlugin } from './plugin';

module.exports = createPlugin();
