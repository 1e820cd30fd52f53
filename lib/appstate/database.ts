/**
 * The app state's handle. Its own module, apart from db.ts (which opens the file and migrates it),
 * so the migrations and the table modules they reuse can name it without importing the opener.
 */
import 'server-only';
import type Database from 'better-sqlite3';

export type AppDatabase = Database.Database;
