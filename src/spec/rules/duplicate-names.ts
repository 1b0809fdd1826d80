import { diagnosticAt, fileDiagnostic, type SpecDiagnostic } from '../diagnostics.js';
import { collisionKey } from '../../paths/path-guard.js';
import type { ItemSpec, Origin, SpecProject } from '../model.js';

/**
 * E_DUPLICATE_NAME: two items of one folder whose names differ only in letter case (or not at all, a folder and a
 * request), two collections or two environments with one name. Postman would show both, but `--folder` and
 * Newman's reports could not tell them apart, and case-insensitive file systems would merge them on checkout.
 */
export function checkDuplicateNames(project: SpecProject): SpecDiagnostic[] {
  const errors: SpecDiagnostic[] = [];
  for (const collection of project.collections) checkItems(collection.items, errors);
  const unique = (kind: 'collection' | 'environment', named: readonly { name: string; origin: Origin }[]): void => {
    const byName = new Map<string, string>();
    for (const { name, origin } of named) {
      const previous = byName.get(name);
      if (previous === undefined) byName.set(name, origin.source.file);
      else
        errors.push(
          diagnosticAt(
            { ...origin, path: ['name'] },
            'E_DUPLICATE_NAME',
            `${kind} name "${name}" is also used by ${previous}`,
            `give each ${kind} its own name`,
          ),
        );
    }
  };
  unique('collection', project.collections);
  unique('environment', project.environments);
  return errors;
}

function checkItems(items: readonly ItemSpec[], errors: SpecDiagnostic[]): void {
  const seen = new Map<string, ItemSpec>();
  for (const item of items) {
    const key = collisionKey(item.name);
    const previous = seen.get(key);
    if (previous) {
      const message = `"${item.name}" has the same name as the ${previous.kind} "${previous.name}" in the same folder`;
      const hint = 'rename one of them: names select folders with --folder and label results in reports';
      errors.push(
        item.kind === 'request' || item.origin
          ? diagnosticAt({ ...item.origin!, path: [] }, 'E_DUPLICATE_NAME', message, hint)
          : fileDiagnostic(item.dir, 'E_DUPLICATE_NAME', message, hint),
      );
    } else seen.set(key, item);
    if (item.kind === 'folder') checkItems(item.items, errors);
  }
}
