// The pool's worker thread when the server runs from its TypeScript sources (under tsx or vitest):
// a thread does not inherit the loader of the thread that started it, so this registers tsx's and
// loads ./worker.ts through it. The compiled server runs dist/work-worker.mjs instead.
import { register } from 'tsx/esm/api';

register();
const { default: work } = await import('./worker.ts');
export default work;
