// STUB: replaced by the diagnostics/code-actions implementation.
import type * as vscode from 'vscode';
export function registerLinter(_context: vscode.ExtensionContext, _output: vscode.OutputChannel): void {}
