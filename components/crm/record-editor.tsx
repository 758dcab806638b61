'use client';

import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import { Drawer } from '../ui/drawer';
import { buttonClass, primaryButtonClass } from '../ui/styles';

interface EditorApi<T> {
  openNew: () => void;
  openEdit: (record: T) => void;
}

/**
 * One drawer per list or detail page for "New …" and "Edit …": the buttons anywhere on the page
 * (the heading, each table row) open the same drawer through context.
 */
export function createRecordEditor<T extends { id: string }>(noun: string) {
  const EditorContext = createContext<EditorApi<T> | null>(null);

  function EditorProvider({ children, renderForm }: { children: ReactNode; renderForm: (record: T | null, close: () => void) => ReactNode }) {
    const [editing, setEditing] = useState<{ record: T | null } | null>(null);
    const api = useMemo<EditorApi<T>>(() => ({ openNew: () => setEditing({ record: null }), openEdit: (record) => setEditing({ record }) }), []);
    const close = () => setEditing(null);
    return (
      <EditorContext.Provider value={api}>
        {children}
        <Drawer open={editing !== null} title={editing?.record ? `Edit ${noun}` : `New ${noun}`} onClose={close}>
          {editing ? renderForm(editing.record, close) : null}
        </Drawer>
      </EditorContext.Provider>
    );
  }

  function useEditor(): EditorApi<T> {
    const api = useContext(EditorContext);
    if (!api) throw new Error(`The ${noun} buttons need the ${noun} editor around them`);
    return api;
  }

  function NewButton() {
    const { openNew } = useEditor();
    return (
      <button type="button" onClick={openNew} className={primaryButtonClass}>
        New {noun}
      </button>
    );
  }

  /** `label` names the record for screen readers: "Edit Alice Johnson". */
  function EditButton({ record, label, compact }: { record: T; label: string; compact?: boolean }) {
    const { openEdit } = useEditor();
    return (
      <button type="button" onClick={() => openEdit(record)} className={compact ? `${buttonClass} px-2 py-0.5` : buttonClass}>
        Edit<span className="sr-only"> {label}</span>
      </button>
    );
  }

  return { EditorProvider, NewButton, EditButton };
}
