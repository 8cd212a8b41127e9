// The Restricted Mode suite: VS Code runs it with Workspace Trust on, in a folder never trusted.
import { runFolder } from './index';

export function run(): Promise<void> {
  return runFolder('restricted');
}
