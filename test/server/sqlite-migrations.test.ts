import { describe, it, expect, beforeEach, afterEach } from "vitest";
import { copyFileSync, mkdtempSync, rmSync, statSync, readFileSync } from "node:fs";
import { DatabaseSync } from "node:sqlite";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, ConfigError, configFromEnv } from "../../server/config.ts";
import { openStore } from "../../server/app.ts";
import { SqliteStore } from "../../server/store/sqlite-store.ts";
import { SCHEMA_VERSION, MIGRATIONS, NewerSchema } from "../../server/store/sqlite-migrations.ts";
import { examineDatabase } from "../../server/store/sqlite-doctor.ts";

/** Written by the store of 9f1994f, before schema versions (fixtures/sqlite-v0/README.md). */
const V0 = join(ROOT, "test", "server", "fixtures", "sqlite-v0", "concord.db");
const V0_EXERCISE = "ex-9958f364669d";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "concord-migrations-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const versionOf = (file: string) => {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    return Number((db.prepare("PRAGMA user_version").get() as { user_version: number }).user_version);
  } finally {
    db.close();
  }
};
const indexesOf = (file: string) => {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    return (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[])
      .map((r) => r.name)
      .sort();
  } finally {
    db.close();
  }
};

describe("SQLite schema versions (PRAGMA user_version)", () => {
  it("numbers its steps 1, 2, … without gaps", () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it("gives a fresh database the current version", async () => {
    const file = join(dir, "concord.db");
    const store = await SqliteStore.open(file, { lock: false });
    await store.close();
    expect(versionOf(file)).toBe(SCHEMA_VERSION);
    expect(indexesOf(file)).toEqual(["join_codes_by_exercise", "seats_by_exercise"]);
  });

  it("migrates a version-0 file written by the previous release and keeps everything in it", async () => {
    const file = join(dir, "concord.db");
    copyFileSync(V0, file);
    expect(versionOf(file)).toBe(0);
    const lines: { message: string; fromVersion?: number; toVersion?: number }[] = [];
    const log = { info: (message: string, fields?: Record<string, unknown>) => lines.push({ message, ...fields }), warn() {}, error() {} };
    const store = await SqliteStore.open(file, { lock: false, log });
    try {
      expect(lines).toContainEqual(expect.objectContaining({ message: "SQLite store migrated", fromVersion: 0, toVersion: SCHEMA_VERSION }));
      expect((await store.listExercises()).map((e) => e.id)).toEqual([V0_EXERCISE]);
      expect(await store.lastSeq(V0_EXERCISE)).toBe(3);
      expect((await store.readEvents(V0_EXERCISE)).map((e) => e.seq)).toEqual([1, 2, 3]);
      expect(await store.findByCode("CRV-V4T")).toEqual({ exerciseId: V0_EXERCISE, role: "participant", nation: "north" });
      expect(await store.getSeat("seat-token-fixture")).toMatchObject({ name: "Ada", nation: "north" });
      expect((await store.listSeats(V0_EXERCISE)).length).toBe(1);
      // Version 3: an old exercise takes role-player, evaluator and controller codes and seats.
      expect((await store.getExercise(V0_EXERCISE))!.seatCodes).toBeUndefined();
      await store.saveSeatCode(V0_EXERCISE, { slot: "ct-1", code: "CTL-OLD", role: "controller", nation: null, label: "Ana", nations: ["north"], lead: false });
      expect(await store.findByCode("CTL-OLD")).toEqual({ exerciseId: V0_EXERCISE, role: "controller", nation: null });
      expect(await store.getSeat("seat-token-fixture")).not.toHaveProperty("details");
    } finally {
      await store.close();
    }
    expect(versionOf(file)).toBe(SCHEMA_VERSION);
    expect(indexesOf(file)).toEqual(["join_codes_by_exercise", "seats_by_exercise"]);
    // A second start has nothing to do.
    lines.length = 0;
    const again = await SqliteStore.open(file, { lock: false, log });
    await again.close();
    expect(lines.filter((l) => /migrated/.test(l.message))).toEqual([]);
  });

  it("refuses a file from a newer release with a clear line, and leaves it as it was", async () => {
    const file = join(dir, "concord.db");
    copyFileSync(V0, file);
    const db = new DatabaseSync(file);
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 5}`);
    db.close();
    const before = readFileSync(file);
    await expect(SqliteStore.open(file, { lock: false })).rejects.toBeInstanceOf(NewerSchema);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(statSync(file).size).toBe(before.length);

    // What `npm start` prints (start.ts: "concord: " + the ConfigError's line).
    const opening = openStore(configFromEnv({ DATA_DIR: dir } as NodeJS.ProcessEnv));
    await expect(opening).rejects.toBeInstanceOf(ConfigError);
    await expect(opening).rejects.toThrow(
      `${file} has schema version ${SCHEMA_VERSION + 5}, newer than this Concord knows (up to ${SCHEMA_VERSION}): it was written by a newer release`,
    );
    expect(versionOf(file)).toBe(SCHEMA_VERSION + 5);
  });

  it("says in `concord doctor` which version a file has", () => {
    const file = join(dir, "concord.db");
    copyFileSync(V0, file);
    expect(examineDatabase(file).findings.map((f) => f.text)).toContain(
      `Schema version 0, from an older release: the server brings it to version ${SCHEMA_VERSION} when it next starts.`,
    );
    const db = new DatabaseSync(file);
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const newer = examineDatabase(file);
    expect(newer.problems).toBeGreaterThan(0);
    expect(newer.findings.find((f) => !f.ok)?.text).toMatch(/written by a newer Concord/);
  });
});
