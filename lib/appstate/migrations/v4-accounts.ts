/**
 * App-state schema for accounts (version 4): users and their sessions. `signin_failures` is no
 * longer written: the lockout is per source and in memory (lockout.ts); the table stays because a
 * shipped migration is never edited.
 */
import 'server-only';
import type { Migration } from './migration';

export const AUTH_MIGRATION: Migration = {
  version: 4,
  name: 'users and sessions',
  sql: `
    CREATE TABLE users (
      username      TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
      role          TEXT NOT NULL CHECK (role IN ('viewer', 'analyst', 'lead')),
      -- scrypt$N$r$p$salt$hash (lib/auth/password.ts)
      password_hash TEXT NOT NULL,
      created_at    TEXT NOT NULL,
      updated_at    TEXT NOT NULL
    );
    CREATE TABLE sessions (
      -- sha256 of the cookie's token: a stolen database file holds no usable session
      token_hash    TEXT NOT NULL PRIMARY KEY,
      username      TEXT NOT NULL COLLATE NOCASE REFERENCES users (username) ON DELETE CASCADE ON UPDATE CASCADE,
      created_at    TEXT NOT NULL,
      expires_at    TEXT NOT NULL
    );
    CREATE INDEX sessions_by_expiry ON sessions (expires_at);
    CREATE TABLE signin_failures (
      username      TEXT NOT NULL COLLATE NOCASE,
      at            TEXT NOT NULL
    );
    CREATE INDEX signin_failures_by_name ON signin_failures (username, at);
  `,
};
