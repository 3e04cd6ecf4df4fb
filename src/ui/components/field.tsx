import type { ComponentChildren } from 'preact';

export interface FieldProps {
  label: string;
  children: ComponentChildren;
}

/** A visible label wrapping its control, so clicking the text focuses the field. */
export function Field({ label, children }: FieldProps) {
  return (
    <label class="field">
      <span class="field-label">{label}</span>
      {children}
    </label>
  );
}
