import { readFile } from 'node:fs/promises';
import { parseScenario, type ResolvedScenario } from './scenario';

/**
 * Reads a scenario from a JSON file and checks it.
 * @throws Error naming the file and what is wrong with it.
 */
export async function loadScenarioFile(path: string): Promise<ResolvedScenario> {
  const text = await readFile(path, 'utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`Scenario file ${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return parseScenario(value);
  } catch (error) {
    throw new Error(`Scenario file ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
