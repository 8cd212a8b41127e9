// The node and python3 commands the runner uses: built from the settings, and probed once per
// command (again after a failure, or when the setting changes), telling the learner what is wrong.
import * as vscode from 'vscode';
import { buildNodeInvocation, InvalidSettingError } from '../runner/nodeCommand';
import { probeNode, type NodeProbe } from '../runner/nodeProbe';
import { buildPythonInvocation } from '../runner/pythonCommand';
import { probePython, type PythonProbe } from '../runner/pythonProbe';
import type { Invocation } from '../process/run';

type Runtime = 'node' | 'python';

export class RuntimeCheck implements vscode.Disposable {
  private readonly probes = new Map<string, Promise<NodeProbe | PythonProbe>>();
  private readonly watcher: vscode.Disposable;

  constructor(private readonly output: vscode.OutputChannel) {
    this.watcher = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('weakrefLessons.nodePath') || e.affectsConfiguration('weakrefLessons.pythonPath'))
        this.probes.clear();
    });
  }

  async preparePython(file: string): Promise<Invocation | undefined> {
    const invocation = buildPythonInvocation(
      vscode.workspace.getConfiguration('weakrefLessons').get('pythonPath'),
      file,
    );
    return (await this.isUsable('python', invocation.command)) ? invocation : undefined;
  }

  async prepareNode(file: string): Promise<Invocation | undefined> {
    const config = vscode.workspace.getConfiguration('weakrefLessons');
    let invocation;
    try {
      invocation = buildNodeInvocation(config.get('nodePath'), config.get('nodeArgs'), file);
    } catch (e) {
      const message = e instanceof InvalidSettingError ? e.message : String(e);
      void offerSetting(message, 'weakrefLessons.nodeArgs');
      return undefined;
    }
    return (await this.isUsable('node', invocation.command)) ? invocation : undefined;
  }

  dispose(): void {
    this.watcher.dispose();
  }

  private async isUsable(runtime: Runtime, command: string): Promise<boolean> {
    const key = `${runtime}:${command}`;
    let probe = this.probes.get(key);
    if (!probe) this.probes.set(key, (probe = runtime === 'python' ? probePython(command) : probeNode(command)));
    const result = await probe;
    if (result.ok) return true;
    this.probes.delete(key); // the learner may fix it; ask again next time
    this.output.appendLine(`[runner] ${result.message}`);
    await offerSetting(result.message, `weakrefLessons.${runtime}Path`);
    return false;
  }
}

/** Shows what is wrong, with a button that opens the setting to change. */
async function offerSetting(message: string, setting: string): Promise<void> {
  const openSetting = vscode.l10n.t('Open Setting');
  const choice = await vscode.window.showErrorMessage(message, openSetting);
  if (choice === openSetting) void vscode.commands.executeCommand('workbench.action.openSettings', setting);
}
