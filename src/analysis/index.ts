// The linter engine's public surface. Pure: no `vscode`; TypeScript is loaded on first parse.
export * from './types';
export { analyze, analyzeText, createDocumentAnalyzer, type DocumentAnalyzer } from './javascript/analyze';
export { describeFailure } from './failure';
export { mightUseWeakApis } from './javascript/precheck';
export { RULES, UNKNOWN_RULE_IN_COMMENT, renderMessage, type RuleDefinition } from './ruleMeta';
export { isTypescriptLoaded } from './javascript/tsLoader';
export { analyzePython, isPythonParserLoaded, mightUsePythonWeakrefs } from './python/index';
export { analyzeFile, analyzeFileText, createFileAnalyzer } from './dispatch';
export { isPythonFile, languageOfFile, mightNeedLinting, type SourceLanguage } from './languages';
