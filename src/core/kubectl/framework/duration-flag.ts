/** pflag's error for a bad duration flag value, as kubectl prints it under `path` (`kubectl drain`). */
export function durationFlagError(path: string, flag: string, value: string): string {
  return `error: invalid argument ${JSON.stringify(value)} for "--${flag}" flag: time: invalid duration ${JSON.stringify(value)}\nSee '${path} --help' for usage.`;
}
