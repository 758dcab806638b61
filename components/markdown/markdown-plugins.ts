/**
 * Two small syntax-tree plugins for the Markdown renderer. They use local structural types rather
 * than the mdast/hast packages, which are only transitive dependencies.
 */

interface TreeNode {
  type: string;
  value?: string;
  tagName?: string;
  children?: TreeNode[];
}

/** Containers whose children are blocks: a text node there must be wrapped in a paragraph. */
const blockContainers = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

/**
 * Raw HTML in Markdown is shown as the text it is (SPEC §8: HTML and script render as text), rather
 * than dropped by the sanitizer: `<b>x</b>` reads as `<b>x</b>`. Runs on the Markdown tree.
 */
export function remarkHtmlAsText() {
  const visit = (node: TreeNode) => {
    if (!node.children) return;
    node.children = node.children.map((child) => {
      if (child.type !== 'html') {
        visit(child);
        return child;
      }
      const text: TreeNode = { type: 'text', value: child.value ?? '' };
      return blockContainers.has(node.type) ? { type: 'paragraph', children: [text] } : text;
    });
  };
  return (tree: TreeNode) => visit(tree);
}

const headingPattern = /^h([1-6])$/;

/**
 * Renumbers user headings so they sit under the page's own (`base` is the level the text's top
 * headings get) and never skip a level: "### Steps" in a description becomes an h2 under the
 * issue's h1. Screen reader users navigate by heading level, and axe flags skipped levels.
 */
export function rehypeHeadingLevels({ base }: { base: number }) {
  return (tree: TreeNode) => {
    const headings: TreeNode[] = [];
    const collect = (node: TreeNode) => {
      if (node.tagName && headingPattern.test(node.tagName)) headings.push(node);
      node.children?.forEach(collect);
    };
    collect(tree);
    const levelOf = (node: TreeNode) => Number(headingPattern.exec(node.tagName ?? '')?.[1] ?? 6);
    const top = Math.min(...headings.map(levelOf));
    let previous = base - 1;
    for (const heading of headings) {
      const level = Math.min(levelOf(heading) - top + base, previous + 1, 6);
      heading.tagName = `h${level}`;
      previous = level;
    }
  };
}
