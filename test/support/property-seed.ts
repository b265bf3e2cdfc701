/**
 * The seed of every fast-check property: a fixed one, so each run checks the same, known cases
 * (a random case once made a property loop without end, a synchronous loop that no mocha timeout
 * can stop). Set PM_LENS_PROPERTY_SEED to explore other cases while working.
 */
export const PROPERTY_SEED = Number(process.env.PM_LENS_PROPERTY_SEED ?? 20261206);
