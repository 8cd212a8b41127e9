// Retainer chains in a V8 heap snapshot, named as a learner would. memlab parses the snapshot
// and finds every node's shortest path from a GC root (TraceFinder.annotateShortestPaths, run
// through HeapAnalyzer.preparePathFinder); this module finds the memory preload's tags in it and
// turns each target's path into steps: variables, properties, Map/Set entries, WeakMap values,
// held values of a FinalizationRegistry, bound functions.
import type { IHeapEdge, IHeapNode, IHeapSnapshot } from '@memlab/core';
import { TAG_PROPERTY_PREFIX } from './preloadProtocol';
import type { RetainerStep } from './report';

export interface SnapshotFindings {
  /** Every target found in the snapshot (so alive), with its chain (empty when none was found). */
  chains: Map<number, RetainerStep[]>;
}

type Memlab = typeof import('@memlab/core');
let memlab: Memlab | undefined;
/** Loaded on first use: memlab is large, and only a memory run needs it. */
function loadMemlab(): Memlab {
  if (!memlab) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    memlab = require('@memlab/core') as Memlab;
    memlab.config.muteConsole = true;
  }
  return memlab;
}

export async function readSnapshot(file: string, functions: readonly string[] = []): Promise<SnapshotFindings> {
  const { utils, analysis } = loadMemlab();
  const snapshot: IHeapSnapshot = await utils.getSnapshotFromFile(file, { verbose: false });
  // preparePathFinder also computes retained sizes, which we do not need: mark the snapshot as
  // processed, take the finder it returns, and annotate the shortest paths only.
  (snapshot as { isProcessed?: boolean }).isProcessed = true;
  const finder = analysis.preparePathFinder(snapshot);
  finder.annotateShortestPaths(snapshot);

  const chains = new Map<number, RetainerStep[]>();
  snapshot.nodes.forEach((tag: IHeapNode) => {
    for (const edge of tag.references) {
      const name = edge.name_or_index;
      if (typeof name !== 'string' || !name.startsWith(TAG_PROPERTY_PREFIX)) continue;
      const id = Number(name.slice(TAG_PROPERTY_PREFIX.length));
      const target = targetOfTag(tag);
      if (target && Number.isInteger(id)) chains.set(id, nameChain(pathTo(target), functions));
    }
  });
  return { chains };
}

const WEAK_MAP_PAIR = /part of key \(.*? @(\d+)\) -> value \(.*? @(\d+)\)/;

/** The tag is the value of its target in the preload's WeakMap: the key of that pair is the target. */
function targetOfTag(tag: IHeapNode): IHeapNode | undefined {
  for (const edge of tag.referrers) {
    const m = typeof edge.name_or_index === 'string' ? WEAK_MAP_PAIR.exec(edge.name_or_index) : null;
    if (m && Number(m[1]) === edge.fromNode.id && Number(m[2]) === tag.id) return edge.fromNode;
  }
  return undefined;
}

function pathTo(node: IHeapNode): IHeapEdge[] {
  const edges: IHeapEdge[] = [];
  const seen = new Set<number>();
  let current: IHeapNode | null = node;
  while (current?.hasPathEdge && !seen.has(current.id)) {
    seen.add(current.id);
    const edge: IHeapEdge | null = current.pathEdge;
    if (!edge) break;
    edges.unshift(edge);
    current = edge.fromNode;
  }
  return edges;
}

/**
 * Names a root-to-target path. Everything before the first variable (a context slot, a global
 * property, or a stack slot) is the runtime's own machinery (timers, promise reactions, module
 * loading) and is left out; after it, only references a program makes are named.
 */
export function nameChain(path: readonly IHeapEdge[], functions: readonly string[] = []): RetainerStep[] {
  const steps: RetainerStep[] = [];
  let anchored = false;
  for (const edge of path) {
    const from = edge.fromNode;
    const name = edge.name_or_index;
    if (!anchored) {
      if (edge.type === 'context') {
        anchored = true;
        steps.push({ label: String(name), kind: reachedFromClosure(from) ? 'captured variable' : 'variable' });
      } else if (isGlobalObject(from) && edge.type === 'property') {
        anchored = true;
        steps.push({ label: String(name), kind: 'global variable' });
      } else if (name === 'weak_refs_keep_during_job') {
        anchored = true;
        steps.push({
          label: 'the current job: a WeakRef made or deref()ed in it keeps its target until it ends',
          kind: 'kept during the job',
        });
      } else if (from.name === '(Stack roots)' && edge.toNode.name !== 'system / Context') {
        anchored = true;
        const where = functions.length
          ? ` of ${functions.map((f) => `${f}()`).join(' or ')}`
          : ' of the code running at the top level';
        steps.push({ label: `a local variable${where}${functions.length ? ' (running)' : ''}`, kind: 'variable' });
      }
      continue;
    }
    const step = nameEdge(edge);
    if (step) steps.push(step);
  }
  return steps;
}

function nameEdge(edge: IHeapEdge): RetainerStep | undefined {
  const from = edge.fromNode;
  const name = edge.name_or_index;
  if (typeof name === 'string' && WEAK_MAP_PAIR.test(name))
    return { label: 'WeakMap value (holds only while its key lives)', kind: 'WeakMap value' };
  if (from.name === 'system / WeakCell' && edge.type !== 'weak')
    return { label: 'FinalizationRegistry held value', kind: 'held value' };
  switch (edge.type) {
    case 'context':
      return { label: String(name), kind: 'captured variable' };
    case 'property':
      return { label: String(name), kind: 'property' };
    case 'element':
      return from.name === 'Array' ? { label: `[${name}]`, kind: 'element' } : undefined;
    case 'internal':
    case 'hidden':
    case 'shortcut': {
      const collection = collectionOf(from);
      if (collection) return { label: `${collection} entry`, kind: 'element' };
      if (typeof name === 'string' && /^bound_(this|argument_\d+|function)$/.test(name))
        return { label: name.replace('_', ' ').replace('argument ', 'argument #'), kind: 'bound function' };
      return undefined;
    }
    default:
      return undefined;
  }
}

/** A Map's or Set's entries hang off its hash table, which the Map or Set reaches through "table". */
function collectionOf(table: IHeapNode): 'Map' | 'Set' | undefined {
  for (const edge of table.referrers) {
    if (edge.name_or_index !== 'table') continue;
    const owner = edge.fromNode.name;
    if (owner === 'Map' || owner === 'Set') return owner;
  }
  return undefined;
}

function reachedFromClosure(context: IHeapNode): boolean {
  return context.pathEdge?.name_or_index === 'context' && context.pathEdge.fromNode.type === 'closure';
}

function isGlobalObject(node: IHeapNode): boolean {
  return (
    node.type === 'object' && (node.name === 'global' || node.name === 'Window' || node.name.startsWith('global /'))
  );
}
