/**
 * The slice of `figma.viewport` the plugin uses (https://developers.figma.com/docs/plugins/api/figma-viewport):
 * its centre and `scrollAndZoomIntoView`, whose calls are recorded.
 */
export class FakeViewport {
  zoom = 1;
  /** Node ids of each `scrollAndZoomIntoView` call. */
  readonly scrolledTo: string[][] = [];

  constructor(public center: { readonly x: number; readonly y: number } = { x: 0, y: 0 }) {}

  get bounds(): Rect {
    return { x: this.center.x - 720, y: this.center.y - 450, width: 1440, height: 900 };
  }

  scrollAndZoomIntoView(nodes: readonly BaseNode[]): void {
    this.scrolledTo.push(nodes.map((node) => node.id));
  }
}
