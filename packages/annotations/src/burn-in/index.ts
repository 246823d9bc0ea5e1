// A separate entry point (`@e-cabinet/annotations/burn-in`) so the browser bundle, which only
// needs the model, never pulls in pdf-lib and fontkit.
export { burnIn, type BurnInOptions } from './burn-in.ts';
