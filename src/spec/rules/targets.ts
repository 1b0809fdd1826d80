// The runner's declarations: which target each environment serves and how its values are supplied, which targets
// each collection, folder and request runs on, and the roles the runner acts on. Specs come from pull requests, so
// a spec may name only MV_ process variables (never GITHUB_TOKEN and the like), and every name must resolve.
import { diagnosticAt, type SpecDiagnostic } from '../diagnostics.js';
import type { CollectionSpec, EnvironmentSpec, ItemSpec, Origin, RequestSpec, SpecProject } from '../model.js';
import { didYouMean } from '../suggest.js';

/** What a spec may map a variable to: a process environment variable of mvpm's own namespace. */
export const PROCESS_VARIABLE = /^MV_[A-Z0-9_]+$/;

/**
 * E_DUPLICATE_TARGET, E_PROCESS_VARIABLE, E_TARGET_VARIABLE (environments); E_UNKNOWN_TARGET (`targets` lists);
 * E_NO_STANDIN, E_ROLE (roles); E_INFERRED_TARGET (a request for an inferred operation). See
 * docs/spec-format.md, "Targets".
 */
export function checkTargets(project: SpecProject): SpecDiagnostic[] {
  const errors: SpecDiagnostic[] = [];
  const declared = new Map<string, EnvironmentSpec>();
  for (const environment of project.environments) {
    checkEnvironmentSources(environment, errors);
    if (environment.target === undefined) continue;
    const previous = declared.get(environment.target);
    if (previous) {
      errors.push(
        diagnosticAt(
          { ...environment.origin, path: ['target'] },
          'E_DUPLICATE_TARGET',
          `target \`${environment.target}\` is also served by environment "${previous.name}" ` +
            `(${previous.origin.source.file})`,
          'each target has one environment: rename one of the targets',
        ),
      );
    } else declared.set(environment.target, environment);
  }
  const all = [...declared.keys()];
  const standins = [...declared.values()].filter((e) => e.standin).map((e) => e.target!);

  const checkList = (targets: readonly string[] | undefined, origin: Origin | undefined): void => {
    if (!targets || !origin) return;
    targets.forEach((name, i) => {
      if (declared.has(name)) return;
      const hint =
        didYouMean(name, all) ??
        (all.length > 0
          ? `the targets are ${all.map((t) => `\`${t}\``).join(', ')} (each environment's \`target\`)`
          : 'declare it with `target: <name>` in an environment spec');
      errors.push(
        diagnosticAt(
          { ...origin, path: ['targets', i] },
          'E_UNKNOWN_TARGET',
          `no environment serves target \`${name}\``,
          hint,
        ),
      );
    });
  };
  const signIns: CollectionSpec[] = [];
  for (const collection of project.collections) {
    checkList(collection.targets, collection.origin);
    const collectionTargets = effective(all, collection.targets);
    if (collection.role === 'sign-in') {
      signIns.push(collection);
      checkStandinOnly(
        collectionTargets,
        standins,
        { ...collection.origin, path: ['role'] },
        'a `sign-in` collection',
        errors,
      );
    }
    const visit = (items: readonly ItemSpec[], inherited: readonly string[]): void => {
      for (const item of items) {
        checkList(item.targets, item.origin);
        const targets = effective(inherited, item.targets);
        if (item.kind === 'request') checkInferred(item, declared, errors);
        if (item.kind !== 'folder') continue;
        if (item.role === 'spends-sign-in' && item.origin)
          checkStandinOnly(
            targets,
            standins,
            { ...item.origin, path: ['role'] },
            'a folder that spends the sign-in',
            errors,
          );
        visit(item.items, targets);
      }
    };
    visit(collection.items, collectionTargets);
  }
  for (const extra of signIns.slice(1)) {
    errors.push(
      diagnosticAt(
        { ...extra.origin, path: ['role'] },
        'E_ROLE',
        `collection "${extra.name}" is a second \`sign-in\` collection (the first is "${signIns[0]!.name}")`,
        'one collection signs in; remove `role: sign-in` from the other',
      ),
    );
  }
  return errors;
}

/**
 * E_INFERRED_TARGET: an operation the API's documentation does not confirm (`openapi.inferred`) must never reach
 * a real server, so its own `targets` may name stand-ins only (a folder's list does not place it there anyway).
 */
function checkInferred(request: RequestSpec, declared: ReadonlyMap<string, EnvironmentSpec>, errors: SpecDiagnostic[]) {
  if (!request.openapi?.inferred) return;
  const standins = [...declared.values()].filter((e) => e.standin).map((e) => `\`${e.target}\``);
  (request.targets ?? []).forEach((name, i) => {
    const environment = declared.get(name);
    if (!environment || environment.standin) return;
    errors.push(
      diagnosticAt(
        { ...request.origin, path: ['targets', i] },
        'E_INFERRED_TARGET',
        `this request covers an inferred OpenAPI operation (\`openapi.inferred: true\`), and \`targets\` names ` +
          `\`${name}\`, which is not a stand-in`,
        `an inferred operation runs only on stand-ins${standins.length > 0 ? ` (${standins.join(', ')})` : ''}: ` +
          `remove \`${name}\` from \`targets\`, or confirm the operation in the OpenAPI document and import it again`,
      ),
    );
  });
}

/** The targets a node runs on: its own list within its parent's (names no environment serves left out). */
function effective(inherited: readonly string[], own: readonly string[] | undefined): readonly string[] {
  return own === undefined ? inherited : inherited.filter((t) => own.includes(t));
}

function checkStandinOnly(
  targets: readonly string[],
  standins: readonly string[],
  origin: Origin,
  what: string,
  errors: SpecDiagnostic[],
): void {
  if (standins.length === 0) {
    errors.push(
      diagnosticAt(
        origin,
        'E_NO_STANDIN',
        `${what} needs a stand-in target, and no environment declares \`standin: true\``,
        'add `target: <name>` and `standin: true` to the environment of the local stand-in, or remove the role',
      ),
    );
    return;
  }
  const real = targets.filter((t) => !standins.includes(t));
  if (real.length > 0) {
    errors.push(
      diagnosticAt(
        origin,
        'E_ROLE',
        `${what} would run on ${real.map((t) => `\`${t}\``).join(', ')}, which ` +
          `${real.length === 1 ? 'is not a stand-in' : 'are not stand-ins'}: it signs in through the stand-in's ` +
          `page or spends the sign-in`,
        `add \`targets: [${standins.join(', ')}]\` next to the role`,
      ),
    );
  }
}

function checkEnvironmentSources(environment: EnvironmentSpec, errors: SpecDiagnostic[]): void {
  const keys = new Set(environment.variables.map((v) => v.key));
  const unknownVariable = (variable: string, origin: Origin, at: 'key' | 'value', what: string): void => {
    errors.push(
      diagnosticAt(
        { ...origin, at },
        'E_TARGET_VARIABLE',
        `${what} \`${variable}\`, which is not a variable of environment "${environment.name}"`,
        didYouMean(variable, keys) ?? 'name a key under `variables`',
      ),
    );
  };
  environment.servers.forEach((variable, i) => {
    if (!keys.has(variable))
      unknownVariable(variable, { ...environment.origin, path: ['servers', i] }, 'value', '`servers` names');
  });
  const mapped = new Map<string, string>();
  for (const entry of [...environment.secrets, ...environment.overrides]) {
    const kind = entry.origin.path[0] as string;
    if (!keys.has(entry.variable)) unknownVariable(entry.variable, entry.origin, 'key', `\`${kind}\` maps`);
    if (!PROCESS_VARIABLE.test(entry.processVariable)) {
      errors.push(
        diagnosticAt(
          entry.origin,
          'E_PROCESS_VARIABLE',
          `\`${entry.variable}\` is mapped to \`${entry.processVariable}\`, which does not start with MV_`,
          'a spec may read only process variables named MV_ and capitals, digits or _ (MV_CLIENT_SECRET): specs ' +
            'come from pull requests and must not pick up other secrets of the machine',
        ),
      );
    }
    const previous = mapped.get(entry.processVariable);
    if (previous !== undefined) {
      errors.push(
        diagnosticAt(
          entry.origin,
          'E_PROCESS_VARIABLE',
          `\`${entry.processVariable}\` is mapped twice (to \`${previous}\` and \`${entry.variable}\`)`,
          'map each process variable to one spec variable',
        ),
      );
    } else mapped.set(entry.processVariable, entry.variable);
  }
}
