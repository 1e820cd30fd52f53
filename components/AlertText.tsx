/** A refusal or failure said next to the control that caused it; nothing when there is none. */
export function AlertText({ message, inline = false }: { message: string | null; inline?: boolean }) {
  if (!message) return null;
  const Tag = inline ? 'span' : 'p';
  return (
    <Tag role="alert" className="error">
      {message}
    </Tag>
  );
}
