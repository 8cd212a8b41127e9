// STUB: replaced by the engine implementation.
import type { AnalyzeOptions, Finding } from './types';
export * from './types';
export function analyze(_text: string, _fileName: string, _options?: AnalyzeOptions): Finding[] {
  return [];
}
