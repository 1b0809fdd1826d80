// Which folders and requests of each collection one run sends, in which order, and what it leaves out and why.
// The run uses the committed generated collection (what people run in Postman; `build --check` keeps it equal to
// the specs) with the items that do not run removed and the folders that spend the sign-in moved to the end.
import type { CollectionSpec, ItemSpec } from '../spec/model.js';
import { type MethodScope, methodSkipReason, targetsSkipReason, tokenEndpoints } from '../spec/request-targets.js';
import { RunError } from './errors.js';
import type { TargetPlan } from './targets.js';

/** How this run gets its tokens, which decides the role-bearing folders. */
export interface RunMode {
  /** The run signs in through the `sign-in` collection (so `code-exchange` folders run). */
  readonly signsIn: boolean;
  /** The run's tokens outlive it (kept in a state file): folders that spend the sign-in must not run. */
  readonly keepsTokens: boolean;
  /** Top-level folders chosen with --folder; undefined: all. */
  readonly folders?: readonly string[];
}

/** One Newman run: a collection (pruned and reordered) under a label that names its reports. */
export interface RunStep {
  readonly label: string;
  readonly collection: CollectionSpec;
  /** Whether this step holds only the folders that spend the sign-in (they run after every other step). */
  readonly last: boolean;
  /** Top-level items of the step, in run order, for progress output. */
  readonly folders: readonly string[];
  /** Items that run: keys of `itemKey(path)`. */
  readonly keep: ReadonlySet<string>;
  /** The collection's spending folders, when they run in this same step after everything in `keep`. */
  readonly keepLast?: ReadonlySet<string>;
}

export interface Skipped {
  /** The collection's name, then the item's path within it. */
  readonly what: string;
  readonly reason: string;
}

/** Every step of a run on `plan` (after the sign-in collection, which the caller runs first) and what is skipped. */
export function planSteps(plan: TargetPlan, mode: RunMode): { steps: RunStep[]; skipped: Skipped[] } {
  const skipped: Skipped[] = plan.skippedCollections.map((c) => ({ what: c.name, reason: c.reason }));
  if (mode.folders) {
    const known = new Set(plan.collections.flatMap((c) => c.items.map((i) => i.name)));
    const unknown = mode.folders.filter((f) => !known.has(f));
    if (unknown.length > 0)
      throw new RunError(
        'E_BAD_OPTION',
        `--folder ${unknown.map((f) => `"${f}"`).join(', ')}: no collection that runs on \`${plan.name}\` has such ` +
          `a top-level folder (they have ${[...known].map((f) => `"${f}"`).join(', ')})`,
      );
  }
  const first: RunStep[] = [];
  const last: RunStep[] = [];
  for (const collection of plan.collections) {
    const normal = new Set<string>();
    const spending = new Set<string>();
    const endpoints = tokenEndpoints(collection);
    const visit = (items: readonly ItemSpec[], inSpending: boolean, inherited: readonly string[] | undefined): void => {
      for (const item of items) {
        const scope = { tokenEndpoints: endpoints, ...(inherited ? { inherited } : {}) };
        const reason = skipReason(item, plan, mode, inSpending, scope);
        if (reason) {
          skipped.push({ what: `${collection.name} / ${item.path.join(' / ')}`, reason });
          continue;
        }
        const spends = inSpending || (item.kind === 'folder' && item.role === 'spends-sign-in');
        (spends ? spending : normal).add(itemKey(item.path));
        if (item.kind === 'folder') visit(item.items, spends, item.targets ?? inherited);
      }
    };
    visit(
      mode.folders ? collection.items.filter((i) => mode.folders!.includes(i.name)) : collection.items,
      false,
      collection.targets,
    );
    const folders = (keep: Set<string>): string[] =>
      collection.items.filter((i) => keep.has(itemKey(i.path))).map((i) => i.name);
    if (normal.size > 0)
      first.push({
        label: collection.slug,
        collection,
        last: false,
        folders: folders(normal),
        keep: withAncestors(normal),
      });
    if (spending.size > 0)
      last.push({
        label: `${collection.slug}-last`,
        collection,
        last: true,
        folders: folders(spending),
        keep: withAncestors(spending),
      });
  }
  // A collection's spending folders share its step when nothing else runs after it: one report, as before.
  const steps = [...first];
  for (const step of last) {
    const previous = steps[steps.length - 1];
    if (previous && !previous.last && !previous.keepLast && previous.collection === step.collection) {
      steps[steps.length - 1] = { ...previous, folders: [...previous.folders, ...step.folders], keepLast: step.keep };
    } else
      steps.push(steps.some((s) => s.label === step.collection.slug) ? step : { ...step, label: step.collection.slug });
  }
  return { steps, skipped };
}

/** Why `item` does not run, or undefined when it does: its `targets`, a request's method default, a folder's role. */
function skipReason(
  item: ItemSpec,
  target: TargetPlan,
  mode: RunMode,
  inSpending: boolean,
  scope: MethodScope,
): string | undefined {
  const listed = targetsSkipReason(item.targets, target.name);
  if (listed) return listed;
  if (item.kind !== 'folder') return methodSkipReason(item, target, scope);
  if (item.role === 'code-exchange' && !mode.signsIn)
    return "exchanges the sign-in's code, and this run starts from a refresh token";
  if ((item.role === 'spends-sign-in' || inSpending) && mode.keepsTokens)
    return 'spends the sign-in, and this run keeps its tokens for the next run';
  return undefined;
}

export function itemKey(itemPath: readonly string[]): string {
  return JSON.stringify(itemPath);
}

function withAncestors(keys: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const key of keys) {
    const parts = JSON.parse(key) as string[];
    for (let i = 1; i <= parts.length; i++) out.add(itemKey(parts.slice(0, i)));
  }
  return out;
}

interface JsonItem {
  name?: unknown;
  item?: unknown;
  [key: string]: unknown;
}

/**
 * The generated collection `json` with only the items of `step` (their folders kept around them), and, for a step
 * that also holds its collection's spending folders (`keepLast`), those appended after everything else. The
 * committed file must hold exactly the specs' items (names by path), or it is stale: E_NO_GENERATED_FILES.
 */
export function pruneCollection(json: unknown, step: RunStep, file: string): object {
  const root = json as JsonItem;
  checkSameItems(root, step.collection.items, [], file);
  const pick = (node: JsonItem, parent: readonly string[], keep: ReadonlySet<string>): JsonItem[] =>
    (Array.isArray(node.item) ? (node.item as JsonItem[]) : []).flatMap((child) => {
      const childPath = [...parent, String(child.name)];
      if (!keep.has(itemKey(childPath))) return [];
      return [Array.isArray(child.item) ? { ...child, item: pick(child, childPath, keep) } : child];
    });
  const items = [...pick(root, [], step.keep), ...(step.keepLast ? pick(root, [], step.keepLast) : [])];
  return { ...root, item: items };
}

function checkSameItems(node: JsonItem, items: readonly ItemSpec[], parent: readonly string[], file: string): void {
  const written = Array.isArray(node.item) ? (node.item as JsonItem[]) : [];
  const names = written.map((i) => String(i.name));
  const expected = items.map((i) => i.name);
  if (names.length !== expected.length || names.some((n, i) => n !== expected[i])) {
    const where = parent.length > 0 ? ` in "${parent.join(' / ')}"` : '';
    throw new RunError(
      'E_NO_GENERATED_FILES',
      `${file} does not match the specs${where} (it has ${names.map((n) => `"${n}"`).join(', ') || 'nothing'}; the ` +
        `specs have ${expected.map((n) => `"${n}"`).join(', ') || 'nothing'}): run \`mvpm build\``,
    );
  }
  items.forEach((item, i) => {
    if (item.kind === 'folder') checkSameItems(written[i]!, item.items, item.path, file);
  });
}
