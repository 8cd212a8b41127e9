// The Python front end's public surface. Pure: no `vscode`; the parser loads on first parse.
export { analyzePython, analyzePythonText } from './analyze';
export { mightUsePythonWeakrefs } from './precheck';
export { isPythonParserLoaded } from './tree';
