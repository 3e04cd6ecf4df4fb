export interface ErrorTextProps {
  text: string | null | undefined;
  id?: string;
}

/** An error announced to screen readers as it appears; renders nothing without text. */
export function ErrorText({ text, id }: ErrorTextProps) {
  if (text === null || text === undefined || text === '') return null;
  return (
    <p class="error" role="alert" id={id} data-testid="error">
      {text}
    </p>
  );
}
