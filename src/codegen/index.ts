/** The code generator: a compiled model -> TypeScript types and a typed client (docs/codegen.md). */
export { type GenerateOptions, generateClient } from './generate.js';
