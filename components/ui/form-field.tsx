import type { ReactNode } from 'react';
import { buttonClass, fieldErrorClass, inputClass, labelClass, primaryButtonClass } from './styles';

export interface FieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Messages for this field, shown under it and announced with it. */
  errors?: string[];
  required?: boolean;
  hint?: ReactNode;
  autoFocus?: boolean;
}

/** The error and hint ids a control points at with aria-describedby. */
export function describedBy(id: string, errors: string[] | undefined, hint: ReactNode): string | undefined {
  const ids = [errors?.length ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function FieldMessages({ id, errors, hint }: { id: string; errors?: string[]; hint?: ReactNode }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-sm text-gray-700">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className={fieldErrorClass}>
          {errors.join('. ')}
        </p>
      ) : null}
    </>
  );
}

export function TextField({
  id,
  label,
  value,
  onChange,
  errors,
  required,
  hint,
  autoFocus,
  type = 'text',
  inputMode,
  autoComplete,
}: FieldProps & { type?: 'text' | 'email' | 'tel'; inputMode?: 'decimal' | 'text'; autoComplete?: string }) {
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <input
        id={id}
        type={type}
        inputMode={inputMode}
        autoComplete={autoComplete ?? 'off'}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-required={required || undefined}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, errors, hint)}
        data-autofocus={autoFocus || undefined}
        className={`mt-1 ${inputClass} ${errors?.length ? 'border-red-700' : ''}`}
      />
      <FieldMessages id={id} errors={errors} hint={hint} />
    </div>
  );
}

export function TextAreaField({ id, label, value, onChange, errors, hint }: FieldProps) {
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <textarea
        id={id}
        rows={4}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, errors, hint)}
        className={`mt-1 ${inputClass} ${errors?.length ? 'border-red-700' : ''}`}
      />
      <FieldMessages id={id} errors={errors} hint={hint} />
    </div>
  );
}

/** A native select; `options` are value and label pairs, the first usually the "none" choice (value ''). */
export function SelectField({ id, label, value, onChange, errors, hint, options }: FieldProps & { options: readonly { value: string; label: string }[] }) {
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, errors, hint)}
        className={`mt-1 ${inputClass} ${errors?.length ? 'border-red-700' : ''}`}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldMessages id={id} errors={errors} hint={hint} />
    </div>
  );
}

export function CheckboxField({ id, label, checked, onChange, hint }: { id: string; label: string; checked: boolean; onChange: (checked: boolean) => void; hint?: ReactNode }) {
  return (
    <div>
      <div className="flex items-center gap-2">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          aria-describedby={hint ? `${id}-hint` : undefined}
          className="h-4 w-4 rounded border-gray-500 accent-blue-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700"
        />
        <label htmlFor={id} className={labelClass}>
          {label}
        </label>
      </div>
      <FieldMessages id={id} hint={hint} />
    </div>
  );
}

/** Messages that belong to no field (permission, network), announced when they appear. */
export function FormErrors({ errors }: { errors: string[] }) {
  if (errors.length === 0) return null;
  return (
    <div role="alert" className="rounded-md border border-red-700 bg-red-50 px-3 py-2 text-sm text-red-900">
      {errors.length === 1 ? (
        <p>{errors[0]}</p>
      ) : (
        <ul className="list-disc pl-5">
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A drawer form's Save and Cancel buttons, below a rule; Save says so while it is saving. */
export function FormActions({ saveLabel, busy, onCancel }: { saveLabel: string; busy: boolean; onCancel: () => void }) {
  return (
    <div className="flex gap-2 border-t border-gray-200 pt-4">
      <button type="submit" disabled={busy} className={primaryButtonClass}>
        {busy ? 'Saving…' : saveLabel}
      </button>
      <button type="button" onClick={onCancel} className={buttonClass}>
        Cancel
      </button>
    </div>
  );
}
