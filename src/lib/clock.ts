/** The app's only source of "now", so tests can run on a fake clock. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
