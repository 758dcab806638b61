import type { ComponentPropsWithoutRef } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import { focusRing, linkClass } from '../ui/styles';
import { rehypeHeadingLevels, remarkHtmlAsText } from './markdown-plugins';

/** react-markdown hands each component the syntax-tree node too; the DOM must not get it. */
type Props<Tag extends keyof React.JSX.IntrinsicElements> = ComponentPropsWithoutRef<Tag> & { node?: unknown };

const headingClasses = ['', 'text-xl', 'text-lg', 'text-base', 'text-base', 'text-sm', 'text-sm'];

function heading(level: 1 | 2 | 3 | 4 | 5 | 6) {
  const Tag = `h${level}` as const;
  return function MarkdownHeading({ node: _node, ...props }: Props<typeof Tag>) {
    return <Tag {...props} className={`mt-4 mb-2 font-semibold text-gray-900 first:mt-0 ${headingClasses[level]}`} />;
  };
}

const components: Components = {
  h1: heading(1),
  h2: heading(2),
  h3: heading(3),
  h4: heading(4),
  h5: heading(5),
  h6: heading(6),
  p: ({ node: _node, ...props }: Props<'p'>) => <p {...props} className="my-2 first:mt-0 last:mb-0" />,
  a: ({ node: _node, ...props }: Props<'a'>) =>
    // Links written by users: no referrer, no ranking credit, no access to this window.
    props.href ? <a {...props} rel="nofollow noopener noreferrer" className={linkClass} /> : <span>{props.children}</span>,
  // Images are shown as links: loading a picture from an address in a comment would tell its
  // owner who read the issue, and when.
  img: ({ src, alt }: Props<'img'>) =>
    typeof src === 'string' && src ? (
      <a href={src} rel="nofollow noopener noreferrer" className={linkClass}>
        {alt || 'Image'}
      </a>
    ) : (
      <span>{alt}</span>
    ),
  ul: ({ node: _node, className, ...props }: Props<'ul'>) => (
    <ul {...props} className={`my-2 ${className?.includes('contains-task-list') ? 'list-none pl-1' : 'list-disc pl-6'}`} />
  ),
  ol: ({ node: _node, ...props }: Props<'ol'>) => <ol {...props} className="my-2 list-decimal pl-6" />,
  li: ({ node: _node, className: _className, ...props }: Props<'li'>) => <li {...props} className="my-0.5" />,
  // A task list's checkbox is a picture of its state: it cannot be ticked here, and an unlabelled
  // disabled checkbox tells a screen reader nothing.
  input: ({ checked }: Props<'input'>) => (
    <>
      <span aria-hidden="true" className="mr-1 font-mono">
        {checked ? '☑' : '☐'}
      </span>
      <span className="sr-only">{checked ? 'Done: ' : 'To do: '}</span>
    </>
  ),
  blockquote: ({ node: _node, ...props }: Props<'blockquote'>) => <blockquote {...props} className="my-2 border-l-4 border-gray-300 pl-3 text-gray-800" />,
  // Long lines scroll; the region takes focus so keyboard users can scroll it too.
  pre: ({ node: _node, ...props }: Props<'pre'>) => (
    <pre {...props} tabIndex={0} className={`relative my-2 overflow-x-auto rounded-md bg-gray-100 p-3 text-sm text-gray-900 [&_code]:bg-transparent [&_code]:p-0 ${focusRing}`} />
  ),
  code: ({ node: _node, className: _className, ...props }: Props<'code'>) => <code {...props} className="rounded-sm bg-gray-100 px-1 font-mono text-[0.9em] text-gray-900" />,
  table: ({ node: _node, ...props }: Props<'table'>) => (
    <div tabIndex={0} className={`relative my-2 overflow-x-auto ${focusRing}`}>
      <table {...props} className="border-collapse text-sm" />
    </div>
  ),
  th: ({ node: _node, ...props }: Props<'th'>) => <th {...props} className="border border-gray-300 bg-gray-50 px-2 py-1 text-left font-semibold" />,
  td: ({ node: _node, ...props }: Props<'td'>) => <td {...props} className="border border-gray-300 px-2 py-1" />,
  hr: () => <hr className="my-4 border-gray-300" />,
};

/** Inline rendering (system notes): paragraphs become spans so the text flows in its line. */
const inlineComponents: Components = {
  ...components,
  p: ({ node: _node, ...props }: Props<'p'>) => <span {...props} />,
};

/**
 * Renders user-written Markdown (GitHub flavoured), sanitized: raw HTML shows as text, URLs with
 * dangerous schemes are dropped, and only GitHub's allow-list of elements and attributes survives.
 * Works in server and client components alike.
 */
export function Markdown({ source, headingBase = 2, inline = false }: { source: string; headingBase?: number; inline?: boolean }) {
  return (
    <ReactMarkdown
      remarkPlugins={[remarkGfm, remarkHtmlAsText]}
      rehypePlugins={[rehypeSanitize, [rehypeHeadingLevels, { base: headingBase }]]}
      components={inline ? inlineComponents : components}
    >
      {source}
    </ReactMarkdown>
  );
}
