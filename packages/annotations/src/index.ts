export * from './types.ts';
export * from './validate.ts';
export * from './coords.ts';
export * from './geometry.ts';
export {
  SHAPES_KEY,
  shapesMap,
  createShapeId,
  getShape,
  listShapes,
  addShape,
  moveShape,
  updateText,
  appendPoints,
  eraseShape,
  eraseAt,
  moveToLayer,
  onShapesChange,
  type MutationOptions,
  type EraseAtOptions,
} from './doc.ts';
export * from './serialize.ts';
export * from './undo.ts';
