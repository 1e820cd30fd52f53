/**
 * A warning every user sees under the header when the server runs with an unsafe access setting
 * (today: a sign-in proxy trusted without a shared secret). The text comes from the server's
 * access decision; nothing shows when there is none. The page colour on --danger reads in both
 * themes (white on the dark theme's light red would not).
 */
export function AccessBanner({ text }: { text: string | undefined }) {
  if (!text) return null;
  return (
    <p role="alert" className="access-banner" style={{ margin: 0, padding: '8px 16px', background: 'var(--danger)', color: 'var(--bg)', fontWeight: 600 }}>
      {text}
    </p>
  );
}
