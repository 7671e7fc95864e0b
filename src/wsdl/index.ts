/** The WSDL layer's public API: load and compile WSDL 1.1 documents, cache the compiled model, document loaders. */
export { type CachedWsdlOptions, type CacheEvent, deserializeModel, loadWsdlCached, serializeModel } from './cache.js';
export { WsdlError, type WsdlErrorCode } from './errors.js';
export { compileWsdlText, loadWsdl, sha256, type WsdlOptions } from './load.js';
export {
  type DocumentLoader,
  decodeDocument,
  defaultLoader,
  type FileLoaderOptions,
  fileLoader,
  type HttpLoaderOptions,
  httpLoader,
  type LoadedDocument,
} from './loader.js';
export type * from './model.js';
export { COMPILED_MODEL_FORMAT } from './model.js';
export { isAllowedImport, type OriginPolicy } from './origin.js';
export { withSoapVersion } from './variants.js';
