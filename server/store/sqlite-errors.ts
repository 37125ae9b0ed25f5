/**
 * What SQLite's errors mean for an operator. node:sqlite throws Errors with `errcode` (SQLite's
 * result code, possibly extended: the primary code is its low byte) and `errstr`.
 */
export const SqliteCode = {
  Busy: 5,
  IoError: 10,
  Corrupt: 11,
  Full: 13,
  CannotOpen: 14,
  NotADatabase: 26,
} as const;
export type SqliteCode = (typeof SqliteCode)[keyof typeof SqliteCode];

/** The primary SQLite result code of an error, or null when it did not come from SQLite. */
export function sqliteCodeOf(error: unknown): number | null {
  const code = (error as { errcode?: unknown } | null)?.errcode;
  return typeof code === "number" ? code & 0xff : null;
}

export function isDamage(code: number | null): boolean {
  return code === SqliteCode.Corrupt || code === SqliteCode.NotADatabase;
}

/** The file is not a database or its pages do not hold together: `concord doctor` is next. */
export class DamagedDatabase extends Error {
  readonly file: string;
  /** SQLite's words: "file is not a database", "database disk image is malformed", a check's first finding. */
  readonly detail: string;
  constructor(file: string, detail: string) {
    super(`${file} is damaged (${detail})`);
    this.file = file;
    this.detail = detail;
  }
}

/**
 * A store call that failed inside the store's thread. `sqliteCode` says whether it was the disk
 * (full, I/O) or the file (damaged); the message is for the server's log, never for clients.
 */
export class StoreFailure extends Error {
  readonly sqliteCode: number | null;
  constructor(message: string, sqliteCode: number | null) {
    super(message);
    this.sqliteCode = sqliteCode;
  }
}

/** The line the server prints when the SQLite file cannot be used at all. */
export function damagedDatabaseLine(file: string, detail: string): string {
  return `${file} is damaged (${detail}). Stop every server using it, then run \`npx concord doctor\` to see what is readable and \`npx concord doctor --repair\` to recover it (a copy of the damaged file is kept), or restore a backup (docs/OPERATIONS.md, "Backups")`;
}
