import type { ComponentProps } from 'react';

/**
 * A form the app checks and sends itself: the browser neither validates it (the app's messages
 * say more) nor loads a page; submitting runs `onSubmit`, awaited or not.
 */
export function AppForm({
  onSubmit,
  ...form
}: Omit<ComponentProps<'form'>, 'onSubmit' | 'noValidate'> & {
  onSubmit: () => void | Promise<void>;
}) {
  return (
    <form
      {...form}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit();
      }}
    />
  );
}
