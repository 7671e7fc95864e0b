/** Exit codes shared by every subcommand (documented in the README). */
export const EXIT = { ok: 0, failure: 1, usage: 2, fault: 3, transport: 4, auth: 5 } as const;
