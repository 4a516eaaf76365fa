/**
 * The part of Figma's plugin API the main thread uses. Taken as a parameter (never the global), so
 * the tests can pass a fake and the reader can see at a glance what the plugin touches.
 */
export type FigmaApi = Pick<
  PluginAPI,
  | 'command'
  | 'currentPage'
  | 'root'
  | 'ui'
  | 'clientStorage'
  | 'viewport'
  | 'commitUndo'
  | 'createFrame'
  | 'createText'
  | 'createImage'
  | 'getImageByHash'
  | 'getNodeByIdAsync'
  | 'loadFontAsync'
  | 'notify'
  | 'on'
  | 'off'
  | 'showUI'
>;
