'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useId, useState } from 'react';
import { updateCrmSettingsMutation } from '../crm/crm-operations';
import { CheckboxField, describedBy, FieldMessages, FormErrors } from '../ui/form-field';
import { useStatus } from '../ui/status-region';
import { inputClass, labelClass, primaryButtonClass } from '../ui/styles';
import { useGraphQL } from '../ui/use-graphql';

/** A top-level group's CRM setting (SPEC §2): on or off, and which group's contacts serve it. */
export function CrmSettingsForm({
  groupPath,
  enabled: initialEnabled,
  sourceGroupPath: initialSource,
  sourceOptions,
}: {
  groupPath: string;
  enabled: boolean;
  sourceGroupPath: string;
  sourceOptions: { fullPath: string; name: string }[];
}) {
  const router = useRouter();
  const announce = useStatus();
  const { mutate } = useGraphQL();
  const id = useId();
  const [enabled, setEnabled] = useState(initialEnabled);
  const [source, setSource] = useState(initialSource);
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    // Only a changed source is sent: an unchanged one needs no check against the issues' contacts.
    const input = { fullPath: groupPath, enabled, ...(source !== initialSource ? { sourceGroupPath: source } : {}) };
    const outcome = await mutate(updateCrmSettingsMutation, { input });
    const messages = [...outcome.errors, ...(outcome.data?.groupCrmSettingsUpdate?.errors ?? [])];
    setBusy(false);
    setErrors(messages);
    if (messages.length > 0) {
      // Nothing was saved: the earlier success no longer holds, and the form shows what is saved.
      announce('');
      setEnabled(initialEnabled);
      setSource(initialSource);
      return;
    }
    announce('Customer relations settings have been saved.');
    router.refresh();
  };

  const sourceId = `${id}-source`;
  const sourceHint = 'Contacts and organizations of this group serve every group and project under the top-level group.';
  return (
    <form onSubmit={submit} className="max-w-xl space-y-5" aria-busy={busy}>
      <FormErrors errors={errors} />
      <CheckboxField
        id={`${id}-enabled`}
        label="Enable customer relations"
        checked={enabled}
        onChange={setEnabled}
        hint="When off, contacts and organizations are hidden everywhere in this group, its subgroups and projects, and issues show no contacts."
      />
      <div>
        <label htmlFor={sourceId} className={labelClass}>
          Contact source
        </label>
        <select
          id={sourceId}
          value={source}
          onChange={(event) => setSource(event.target.value)}
          aria-describedby={describedBy(sourceId, undefined, sourceHint)}
          className={`mt-1 ${inputClass}`}
        >
          {sourceOptions.map((option) => (
            <option key={option.fullPath} value={option.fullPath}>
              {option.fullPath === groupPath ? `${option.name} (this group)` : option.fullPath}
            </option>
          ))}
        </select>
        <FieldMessages id={sourceId} hint={sourceHint} />
      </div>
      <button type="submit" disabled={busy} className={primaryButtonClass}>
        {busy ? 'Saving…' : 'Save changes'}
      </button>
    </form>
  );
}
