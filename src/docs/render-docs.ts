// The docs stage: spec model → Markdown pages for people onboarding (support staff, new engineers).
// Pure and deterministic: the same model and paths give byte-identical pages, so `mvpm build --check` can compare.
import path from 'node:path';
import type { SpecProject } from '../spec/model.js';
import { declaredTargets, requestPlacements } from '../spec/request-targets.js';
import {
  folderPages,
  GENERATED_NOTE,
  renderCollectionPage,
  renderFolderPage,
  type FolderPage,
} from './collection-pages.js';
import { code, document, inline, linkTarget } from './markdown.js';
import { guideSubjects, renderOnboardingGuide } from './onboarding-guide.js';

export const DOCS_INDEX = 'README.md';
export const ONBOARDING_GUIDE = 'onboarding-guide.md';

export interface DocsPaths {
  /** Absolute directory the pages are written to (`docs/generated`). */
  readonly docsDir: string;
  /** Absolute directories of the generated Postman files, for relative links to them. */
  readonly collectionsDir: string;
  readonly environmentsDir: string;
  readonly collectionSuffix: string;
  readonly environmentSuffix: string;
  /** Absolute directory of the Postman v12 (v3) files: each collection page links its collection directory. */
  readonly postmanDir: string;
  /** Absolute path of docs/postman-v12.md, linked from each collection page; undefined: named, not linked. */
  readonly postmanGuide?: string;
}

export interface DocPage {
  /** Relative to the docs directory, forward slashes. */
  readonly path: string;
  readonly content: string;
}

/** Every generated page, index first. */
export function renderDocs(project: SpecProject, paths: DocsPaths): DocPage[] {
  const linkFrom = (page: string, absolute: string): string =>
    linkTarget(
      path
        .relative(path.dirname(path.join(paths.docsDir, page)), absolute)
        .split(path.sep)
        .join('/'),
    );
  const pageLink = (from: string, to: string): string => linkFrom(from, path.join(paths.docsDir, to));
  const collectionFile = (slug: string): string => path.join(paths.collectionsDir, `${slug}${paths.collectionSuffix}`);
  const environmentFile = (slug: string): string =>
    path.join(paths.environmentsDir, `${slug}${paths.environmentSuffix}`);

  const pages: DocPage[] = [];
  const index: string[] = [];
  const targets = declaredTargets(project);
  for (const collection of project.collections) {
    const collectionPage = `${collection.slug}.md`;
    const folders = folderPages(collection);
    const placements = new Map(requestPlacements(collection, targets).map((r) => [r.request, r.placement]));
    pages.push({
      path: collectionPage,
      content: renderCollectionPage(
        collection,
        folders,
        linkFrom(collectionPage, collectionFile(collection.slug)),
        (p: FolderPage) => pageLink(collectionPage, p.path),
        {
          dir: linkFrom(collectionPage, path.join(paths.postmanDir, 'collections', collection.slug)),
          ...(paths.postmanGuide === undefined ? {} : { guide: linkFrom(collectionPage, paths.postmanGuide) }),
        },
        placements,
      ),
    });
    for (const folder of folders)
      pages.push({
        path: folder.path,
        content: renderFolderPage(collection, folder.folder, pageLink(folder.path, collectionPage), placements),
      });
    const summary = collection.description ? `: ${inline(firstSentence(collection.description))}` : '';
    index.push(
      [
        `- [${inline(collection.name)}](${pageLink(DOCS_INDEX, collectionPage)})${summary}`,
        ...folders.map((f) => `  - [${inline(f.folder.name)}](${pageLink(DOCS_INDEX, f.path)})`),
      ].join('\n'),
    );
  }

  const subjects = guideSubjects(project.collections, project.environments);
  if (subjects) {
    pages.push({
      path: ONBOARDING_GUIDE,
      content: renderOnboardingGuide({
        ...subjects,
        link: {
          collection: linkFrom(ONBOARDING_GUIDE, collectionFile(subjects.collection.slug)),
          environment: linkFrom(ONBOARDING_GUIDE, environmentFile(subjects.environment.slug)),
          ...(subjects.standin ? { standin: linkFrom(ONBOARDING_GUIDE, environmentFile(subjects.standin.slug)) } : {}),
          collectionPage: pageLink(ONBOARDING_GUIDE, `${subjects.collection.slug}.md`),
        },
      }),
    });
  }

  const environments = project.environments.map((e) => {
    const rows = e.variables.map(
      (v) =>
        `| ${code(v.key)} | ` +
        `${v.secret ? 'secret, fill in yourself' : v.value === '' ? '(empty)' : code(inline(v.value))} | ` +
        `${inline(v.description ?? '')} |`,
    );
    return document([
      `### ${inline(e.name)}`,
      `File: [${code(`${e.slug}${paths.environmentSuffix}`)}](${linkFrom(DOCS_INDEX, environmentFile(e.slug))}).` +
        (e.description ? ` ${inline(e.description)}` : ''),
      `| Variable | Value | What it is |\n| --- | --- | --- |\n${rows.join('\n')}`,
    ]);
  });

  pages.unshift({
    path: DOCS_INDEX,
    content: document([
      GENERATED_NOTE,
      '# Generated documentation',
      'Pages generated from the YAML specs in `specs/` by `mvpm build` (or `mvpm docs`). They are checked for drift ' +
        'like the collections: change the specs, never these pages.',
      subjects ? `New to the collection? Start with the [onboarding guide](${ONBOARDING_GUIDE}).` : undefined,
      index.length > 0 ? `## Collections\n\n${index.join('\n')}` : undefined,
      environments.length > 0 ? `## Environments\n\n${environments.join('\n\n')}` : undefined,
    ]),
  });
  return pages;
}

function firstSentence(text: string): string {
  const flat = text.trim().split(/\n\s*\n/)[0] ?? '';
  const match = /^(.+?[.!?])(\s|$)/s.exec(flat);
  return (match?.[1] ?? flat).replace(/\s*\n\s*/g, ' ');
}
