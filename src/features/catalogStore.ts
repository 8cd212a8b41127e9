// Holds the lesson catalogue loaded from the extension's own lessons/ folder.
import * as vscode from 'vscode';
import { loadCatalog } from '../lessons/catalog';
import type { Catalog } from '../lessons/types';
import { lessonsFolder } from './ownFolders';
import type { CatalogStore } from './services';

export function createCatalogStore(context: vscode.ExtensionContext, output: vscode.OutputChannel): CatalogStore {
  const changed = new vscode.EventEmitter<Catalog>();
  context.subscriptions.push(changed);
  const dir = lessonsFolder(context);
  let catalog = load();

  function load(): Catalog {
    const loaded = loadCatalog(dir);
    for (const err of loaded.errors)
      output.appendLine(`[lessons] ${err.folder} was not loaded: ${err.problems.join('; ')}`);
    return loaded;
  }

  return {
    onDidChange: changed.event,
    get: () => catalog,
    lesson: (id) => catalog.lessons.find((l) => l.id === id),
    example: (lessonId, exampleId) =>
      catalog.lessons.find((l) => l.id === lessonId)?.examples.find((e) => e.id === exampleId),
    reload() {
      catalog = load();
      changed.fire(catalog);
      return catalog;
    },
  };
}
