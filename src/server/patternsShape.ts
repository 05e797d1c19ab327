/**
 * The Patterns grid's shape as last written (DESIGN.md "Performance model"): number formats, rules,
 * column widths and the roster highlight depend only on it, so a save whose grid has the same shape
 * rewrites values alone. Kept with the settings in document properties; asked again under the lock,
 * since another save may have changed the shape while this one waited.
 */
import { freshDocumentProperty, setDocumentProperty } from './documentProperties';

const SHAPE_KEY = 'cadence.patternsShape';

export function isStoredShape(shape: string): boolean {
  return freshDocumentProperty(SHAPE_KEY) === shape;
}

export function rememberShape(shape: string): void {
  setDocumentProperty(SHAPE_KEY, shape);
}
