import type { ExerciseService, CreatedExercise } from "./exercises/exercise-service.ts";

/** On a first start there is nothing to join: make a demo exercise from the first scenario. */
export async function createDemoIfEmpty(service: ExerciseService): Promise<CreatedExercise | null> {
  if ((await service.store.listExercises()).length > 0) return null;
  const first = service.listScenarios()[0];
  if (!first) return null;
  return service.create(first.scenario.id, `Demo: ${first.scenario.title}`);
}

export function describeDemo(demo: CreatedExercise, baseUrl: string): string {
  const lines = [
    ``,
    `  Demo exercise created: ${demo.title}`,
    `  Facilitator (exercise control): ${baseUrl}/#facilitator=${demo.facilitatorToken}&exercise=${demo.id}`,
    ...demo.joinCodes.map((c) => `  ${c.name.padEnd(28)} join code ${c.code}`),
    `  Observer / trainer code          ${demo.observerCode}`,
    `  (Shown once. Keep the facilitator link: only its hash is stored.)`,
    ``,
  ];
  return lines.join("\n");
}
