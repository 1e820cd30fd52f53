'use client';
/**
 * Waits for the answer the server is computing for a page's first call (lib/model/initial-call.ts)
 * without holding back the rest of the page: while it streams in, its place shows the run's
 * progress with Cancel, as a call from the browser would. Cancel stops the waiting (the page then
 * shows "cancelled" and "Run again" asks the API); the server's query finishes on its own.
 */
import { Suspense, use, useMemo, useState, type ReactNode } from 'react';
import { CANCELLED, isPending, parseJsonText, type Failed, type InitialCall, type JsonText, type SettledCall } from '@/lib/model/initial-call';
import { RunStatus } from './RunStatus';

type Render<T> = (initial: SettledCall<T> | undefined) => ReactNode;

export function AwaitServerAnswer<T>({ call, what, children }: { call: InitialCall<T> | undefined; what: string; children: Render<T> }) {
  const [cancelled, setCancelled] = useState(false);
  if (!call) return children(undefined);
  if (cancelled) return children({ url: call.url, body: call.body, answer: CANCELLED });
  if (!isPending(call.answer)) return <Parsed call={call} text={call.answer} render={children} />;
  return (
    <Suspense fallback={<RunStatus what={what} onCancel={() => setCancelled(true)} />}>
      <Streamed call={call} answer={call.answer} render={children} />
    </Suspense>
  );
}

function Streamed<T>({ call, answer, render }: { call: InitialCall<T>; answer: Promise<JsonText<T | Failed>>; render: Render<T> }) {
  return <Parsed call={call} text={use(answer)} render={render} />;
}

function Parsed<T>({ call, text, render }: { call: InitialCall<T>; text: JsonText<T | Failed>; render: Render<T> }) {
  const answer = useMemo(() => parseJsonText(text), [text]);
  return render({ url: call.url, body: call.body, answer });
}
