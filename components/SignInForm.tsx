'use client';
/**
 * The sign-in form and the sign-out button. Signing in ends with a full navigation to `next` (not a
 * client transition) so that every server component, the layout too, renders with the new cookie.
 */
import { useId, useState } from 'react';
import { postJson } from '@/lib/api/client';
import { AlertText } from '@/components/AlertText';
import { PostButton } from '@/components/PostButton';

export function SignInForm({ next }: { next: string }) {
  const id = useId();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    setBusy(true);
    setMessage(null);
    const answer = await postJson('/api/auth/signin', { username, password });
    if (answer.ok) {
      // `next` was made a same-site path by the page (safeNextPath).
      window.location.assign(next);
      return;
    }
    setBusy(false);
    setPassword('');
    setMessage(answer.message);
  }

  return (
    <form
      className="signin-form"
      aria-label="Sign in"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label htmlFor={`${id}-user`}>User name</label>
      <input id={`${id}-user`} name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required maxLength={200} autoFocus />
      <label htmlFor={`${id}-password`}>Password</label>
      <input id={`${id}-password`} name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required maxLength={1024} />
      <button type="submit" className="button primary" disabled={busy}>
        Sign in
      </button>
      <AlertText message={message} />
    </form>
  );
}

export function SignOutButton() {
  return <PostButton url="/api/auth/signout" body={{}} label="Sign out" then="/signin" />;
}
