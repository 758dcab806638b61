'use client';

import { useCombobox as useDownshiftCombobox, type UseComboboxGetInputPropsOptions } from 'downshift';
import { type AllHTMLAttributes, type KeyboardEvent, type MouseEvent, type ReactNode, type Ref, type SyntheticEvent, useRef, useState } from 'react';

const { InputBlur } = useDownshiftCombobox.stateChangeTypes;

/** Leaves this event to the browser and the caller: Downshift's own handler does not run. */
export function skipDownshift(event: SyntheticEvent) {
  (event.nativeEvent as Event & { preventDownshiftDefault?: boolean }).preventDownshiftDefault = true;
}

interface ComboboxOptions<Item> {
  /** The id of the field; the caller's `<label htmlFor>` names it. */
  inputId: string;
  items: Item[];
  itemKey: (item: Item) => string;
  /** Whether the list may show: it is expanded while it also has options. */
  open: boolean;
  /** Typing or an arrow key asks to open the list; Escape or leaving the field asks to close it. */
  onOpenChange?: (open: boolean) => void;
  onSelect: (item: Item) => void;
}

/** The props of the field: an <input>, or the comment box's <textarea>. */
type FieldProps<Element extends HTMLInputElement | HTMLTextAreaElement> = AllHTMLAttributes<Element> & { ref?: Ref<Element> };

/** What the list needs of a combobox, whatever its field. */
type Combobox<Item> = Pick<ReturnType<typeof useCombobox<Item>>, 'items' | 'itemKey' | 'expanded' | 'highlightedIndex' | 'getMenuProps' | 'getItemProps'>;

/**
 * One combobox for the app (ARIA 1.2 combobox with a listbox popup), on Downshift's `useCombobox`:
 * arrow keys move the highlight, Enter or a click chooses it, Escape closes the list. The caller
 * owns the text, the options and what choosing does; one option is always highlighted.
 */
export function useCombobox<Item, Element extends HTMLInputElement | HTMLTextAreaElement = HTMLInputElement>({
  inputId,
  items,
  itemKey,
  open,
  onOpenChange,
  onSelect,
}: ComboboxOptions<Item>) {
  /** The field, for callers that move focus to it or read its caret. */
  const fieldRef = useRef<Element>(null);
  const [highlighted, setHighlighted] = useState(0);
  const expanded = open && items.length > 0;
  const downshift = useDownshiftCombobox<Item>({
    inputId,
    items,
    itemToKey: (item) => (item === null ? null : itemKey(item)),
    isOpen: expanded,
    // Choosing is an action here, not a state: the caller decides what it changes.
    selectedItem: null,
    highlightedIndex: expanded ? Math.min(Math.max(highlighted, 0), items.length - 1) : -1,
    defaultHighlightedIndex: 0,
    onHighlightedIndexChange: ({ highlightedIndex }) => setHighlighted(highlightedIndex),
    onStateChange: ({ type, selectedItem, isOpen }) => {
      // Leaving the field closes the list without choosing the highlighted option.
      if (selectedItem && type !== InputBlur) onSelect(selectedItem);
      else if (isOpen !== undefined) onOpenChange?.(isOpen);
    },
  });

  // Downshift types its getters for an <input>; the props are the same for a <textarea>.
  const inputProps = ({ onKeyDown, onClick, ...props }: AllHTMLAttributes<Element>) =>
    downshift.getInputProps<object>({
      ...props,
      ref: fieldRef,
      // The caller's <label htmlFor> names the field.
      'aria-labelledby': undefined,
      onKeyDown: (event: KeyboardEvent<Element>) => {
        onKeyDown?.(event);
        // Escape with no list showing belongs to what is around the field (a drawer closes).
        if (event.key === 'Escape' && !expanded) skipDownshift(event);
      },
      onClick: (event: MouseEvent<Element>) => {
        onClick?.(event);
        // A click in the field places the caret; it does not close the list.
        if (expanded) skipDownshift(event);
      },
    } as UseComboboxGetInputPropsOptions) as FieldProps<Element>;

  return { ...downshift, items, itemKey, expanded, fieldRef, inputProps };
}

/** The list of a `useCombobox`; hidden while the combobox is not expanded. */
export function resultCountLabel(count: number): string {
  return count === 1 ? '1 result' : `${count} results`;
}

/**
 * The list of a `useCombobox`; hidden while the combobox is not expanded. How many options it shows
 * is announced (`resultCount` when some options are not results, such as "No organization").
 */
export function ComboboxListbox<Item>({
  combobox,
  label,
  className,
  testId,
  resultCount,
  children,
}: {
  combobox: Combobox<Item>;
  label: string;
  className: string;
  testId?: string;
  resultCount?: number;
  children: (item: Item) => ReactNode;
}) {
  const { items, itemKey, expanded, highlightedIndex, getMenuProps, getItemProps } = combobox;
  return (
    <>
      <p role="status" className="sr-only">
        {expanded ? resultCountLabel(resultCount ?? items.length) : ''}
      </p>
      <ul {...getMenuProps({ 'aria-label': label })} hidden={!expanded} data-testid={testId} className={`max-h-60 overflow-y-auto ${className}`}>
        {expanded
          ? items.map((item, index) => (
              <li
                key={itemKey(item)}
                {...getItemProps({ item, index })}
                className={`cursor-pointer rounded-sm px-2 py-1 text-sm text-gray-900 ${index === highlightedIndex ? 'bg-blue-100' : ''}`}
              >
                {children(item)}
              </li>
            ))
          : null}
      </ul>
    </>
  );
}
