/**
 * The things that can go wrong, each with a sentence a user can act on and an exit status for the
 * CLI. Hosts show `hint`; scripts branch on `kind` or the exit status. One table, so the CLI's
 * help, the hosts and the docs never disagree.
 */
export const ERROR_KINDS = {
  invalid_input: { exitCode: 2, hint: 'Fix the option named in the message; nothing was sent or spent.' },
  auth: { exitCode: 3, hint: 'Check the API key for this provider (set it again, or use another key).' },
  insufficient_credits: { exitCode: 4, hint: 'The account has too few credits or funds; top it up and run again.' },
  rate_limited: { exitCode: 5, hint: 'The provider is limiting requests; wait a moment and run again.' },
  content_policy: { exitCode: 6, hint: "The provider's moderation refused this request; change the prompt or images." },
  invalid_request: { exitCode: 7, hint: 'The provider refused the request as invalid; the message says which part.' },
  timeout: { exitCode: 8, hint: 'The provider took too long; the task may still finish, so resume it before running again.' },
  provider_failure: { exitCode: 9, hint: 'The provider failed to make the image; running again usually works.' },
  network: { exitCode: 10, hint: 'The provider could not be reached; check the connection or base URL.' },
  output: { exitCode: 11, hint: 'The image was made but could not be saved there; it was kept, choose another place.' },
  cancelled: { exitCode: 130, hint: 'Cancelled; nothing more will be charged for this request.' },
  internal: { exitCode: 1, hint: 'Something unexpected failed; the message has the details.' },
} as const;

export type ErrorKind = keyof typeof ERROR_KINDS;
