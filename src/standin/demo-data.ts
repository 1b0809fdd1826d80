// The stand-in's library: a few categories, attributes and keywords and a dozen assets, fixed so that every
// run answers the same. Shapes follow MediaValet's API (camelCase); identifiers are made-up GUIDs.

export interface DemoCategory {
  readonly id: string;
  readonly tree: { readonly name: string; readonly path: string };
  readonly assetCount: number;
}

export interface DemoAttribute {
  readonly id: string;
  readonly name: string;
  readonly isSystemProperty: boolean;
}

export interface DemoKeyword {
  readonly id: string;
  readonly keywordName: string;
  readonly isSearchable: boolean;
  readonly isApproved: boolean;
  readonly groupName: string;
}

export interface DemoAsset {
  readonly id: string;
  readonly title: string;
  readonly categories: readonly string[];
  readonly keywords: readonly string[];
  readonly file: {
    readonly fileName: string;
    readonly fileType: string;
    readonly fileSize: number;
    readonly imageWidth: number;
    readonly imageHeight: number;
  };
  readonly record: { readonly createdAt: string; readonly modifiedAt: string };
}

const CATEGORY_TREE: ReadonlyArray<{ id: string; name: string; path: string }> = [
  { id: 'ca7e0000-0000-4000-8000-000000000001', name: 'Root Category', path: '/Root Category' },
  { id: 'ca7e0000-0000-4000-8000-000000000002', name: 'Brand', path: '/Root Category/Brand' },
  { id: 'ca7e0000-0000-4000-8000-000000000003', name: 'Products', path: '/Root Category/Products' },
  { id: 'ca7e0000-0000-4000-8000-000000000004', name: 'Events', path: '/Root Category/Events' },
  { id: 'ca7e0000-0000-4000-8000-000000000005', name: 'Archive', path: '/Root Category/Archive' },
];

const [ROOT, BRAND, PRODUCTS, EVENTS] = CATEGORY_TREE.map((c) => c.id) as [string, string, string, string, string];

function asset(
  n: number,
  title: string,
  category: string,
  keywords: string[],
  fileName: string,
  size: [number, number],
): DemoAsset {
  const day = String(n).padStart(2, '0');
  const extension = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase();
  return {
    id: `a55e7000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`,
    title,
    categories: [ROOT, category],
    keywords,
    file: {
      fileName,
      fileType: extension === 'mp4' ? 'Video' : extension === 'pdf' ? 'Document' : 'Image',
      fileSize: 150_000 + n * 37_211,
      imageWidth: size[0],
      imageHeight: size[1],
    },
    record: { createdAt: `2024-03-${day}T09:00:00Z`, modifiedAt: `2024-04-${day}T16:30:00Z` },
  };
}

/** Twelve assets, oldest first. */
export const DEMO_ASSETS: readonly DemoAsset[] = [
  asset(1, 'Logo Primary', BRAND, ['logo', 'brand'], 'logo-primary.png', [1200, 600]),
  asset(2, 'Logo Reversed', BRAND, ['logo', 'brand'], 'logo-reversed.png', [1200, 600]),
  asset(3, 'Brand Guidelines', BRAND, ['brand'], 'brand-guidelines.pdf', [1275, 1650]),
  asset(4, 'Product Shot - Kettle', PRODUCTS, ['product', 'kitchen'], 'kettle.jpg', [4000, 3000]),
  asset(5, 'Product Shot - Toaster', PRODUCTS, ['product', 'kitchen'], 'toaster.jpg', [4000, 3000]),
  asset(6, 'Product Shot - Blender', PRODUCTS, ['product', 'kitchen'], 'blender.jpg', [4000, 3000]),
  asset(7, 'Product Demo Video', PRODUCTS, ['product', 'video'], 'product-demo.mp4', [1920, 1080]),
  asset(8, 'Conference Booth', EVENTS, ['event'], 'conference-booth.jpg', [6000, 4000]),
  asset(9, 'Conference Keynote', EVENTS, ['event', 'people'], 'keynote.jpg', [6000, 4000]),
  asset(10, 'Team Photo', EVENTS, ['people'], 'team-photo.jpg', [5000, 3333]),
  asset(11, 'Office Exterior', BRAND, ['building'], 'office-exterior.jpg', [5000, 3333]),
  asset(12, 'Holiday Card', EVENTS, ['event', 'seasonal'], 'holiday-card.png', [1500, 2100]),
];

/** Categories with the number of assets filed in each. */
export const DEMO_CATEGORIES: readonly DemoCategory[] = CATEGORY_TREE.map(({ id, name, path }) => ({
  id,
  tree: { name, path },
  assetCount: DEMO_ASSETS.filter((a) => a.categories.includes(id)).length,
}));

export const DEMO_ATTRIBUTES: readonly DemoAttribute[] = [
  { id: 'a7740000-0000-4000-8000-000000000001', name: 'Title', isSystemProperty: true },
  { id: 'a7740000-0000-4000-8000-000000000002', name: 'Description', isSystemProperty: true },
  { id: 'a7740000-0000-4000-8000-000000000003', name: 'File Name', isSystemProperty: true },
  { id: 'a7740000-0000-4000-8000-000000000004', name: 'Photographer', isSystemProperty: false },
  { id: 'a7740000-0000-4000-8000-000000000005', name: 'Usage Rights', isSystemProperty: false },
];

export const DEMO_KEYWORDS: readonly DemoKeyword[] = [
  ['logo', 'Brand'],
  ['brand', 'Brand'],
  ['building', 'Brand'],
  ['product', 'Products'],
  ['kitchen', 'Products'],
  ['video', 'Media'],
  ['event', 'Events'],
  ['people', 'Events'],
  ['seasonal', 'Events'],
].map(([keywordName, groupName], i) => ({
  id: `4e790000-0000-4000-8000-0000000000${String(i + 1).padStart(2, '0')}`,
  keywordName: keywordName as string,
  isSearchable: true,
  isApproved: true,
  groupName: groupName as string,
}));
