/** Injection token of the loaded ConsoleSettings. */
export const CONSOLE_SETTINGS = Symbol('CONSOLE_SETTINGS');
