'use client';
/** The drill-down page's workspace with the events the server is reading for it (page-answers.ts). */
import type { EventsResponse } from '@/lib/model/api';
import type { InitialCall } from '@/lib/model/initial-call';
import { AwaitServerAnswer } from './AwaitServerAnswer';
import { EventsWorkspace, type EventsWorkspaceProps } from './EventsWorkspace';

export function ServedEventsWorkspace({ initialEvents, ...props }: Omit<EventsWorkspaceProps, 'initialEvents'> & { initialEvents?: InitialCall<EventsResponse> }) {
  return (
    <AwaitServerAnswer call={initialEvents} what="the drill-down">
      {(initial) => <EventsWorkspace {...props} initialEvents={initial} />}
    </AwaitServerAnswer>
  );
}
