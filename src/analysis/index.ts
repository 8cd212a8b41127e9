// The linter engine's public surface. Pure: no `vscode`; TypeScript is loaded on first parse.
export * from './types';
export { analyze, analyzeText, createDocumentAnalyzer, type DocumentAnalyzer } from './analyze';
export { describeFailure } from './failure';
export { mightUseWeakApis } from './precheck';
export { RULES, UNKNOWN_RULE_IN_COMMENT, renderMessage, type RuleDefinition } from './ruleMeta';
export { isTypescriptLoaded } from './tsLoader';
export { analyzePython, isPythonParserLoaded, mightUsePythonWeakrefs } from './python/index';
export { analyzeFile, analyzeFileText, createFileAnalyzer } from './dispatch';
export { isPythonFile, languageOfFile, mightNeedLinting, type SourceLanguage } from './languages';
