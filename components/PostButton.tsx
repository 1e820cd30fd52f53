'use client';
/**
 * A button that POSTs one request and then refreshes the page (or goes elsewhere); a refusal is
 * said next to it. The server decides; `disabledReason` only explains why the page offers nothing.
 */
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { AlertText } from '@/components/AlertText';
import { postJson } from '@/lib/api/client';

export function PostButton({ url, body, label, then, disabledReason }: { url: string; body: unknown; label: string; then?: string; disabledReason?: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={Boolean(disabledReason)}
        title={disabledReason}
        onClick={async () => {
          const answer = await postJson(url, body);
          if (!answer.ok) {
            setMessage(answer.message);
            return;
          }
          if (then) router.replace(then);
          router.refresh();
        }}
      >
        {label}
      </button>
      <AlertText message={message} inline />
    </>
  );
}
