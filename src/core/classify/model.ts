/**
 * The fitted model the classifier decides with: a multinomial logistic regression over named
 * features (see ./features), fitted by `npm run train` and kept as data (./weights.json).
 * Reading it is validated, so a team's own fitted file with a mistake gets a clear message.
 */
import { z } from 'zod';
import { featureCount, featureId, type FeatureVector } from './features';
import fitted from './weights.json';

/** The classes the model tells apart, in the order of every weight vector. */
export const CLASSES = ['product', 'project', 'none'] as const;
export type ModelClass = (typeof CLASSES)[number];

const triple = z.tuple([z.number().finite(), z.number().finite(), z.number().finite()]);
const slopeAndIntercept = z.tuple([z.number().finite(), z.number().finite()]);

export const modelSchema = z.object({
  format: z.literal('pm-lens-model/1'),
  /** One weight per class for every feature; a feature not listed weighs nothing. */
  bias: triple,
  weights: z.record(z.string(), triple),
  /** Divides the logits: fitted on held-out predictions so probabilities mean what they say. */
  temperature: z.number().positive().default(1),
  /** At or above this probability of the other side, the rule's side is not named: `none` (wrong sides cost most; 1: never). */
  veto: z.number().min(0).max(1).default(1),
  /** At or above this probability of neither side, the rule's side is not named either: `none` (1: never). */
  quiet: z.number().min(0).max(1).default(1),
  /** Where the rule saw both sides, at or above this probability of one side that side is named: its dominant owner (1: never). */
  dominant: z.number().min(0).max(1).default(1),
  /** At or above this probability a side is named where the rule saw none (1: never). */
  promote: z.number().min(0).max(1).default(1),
  /**
   * Per verdict class (product, project, neither: `none` and `mixed`), the slope and intercept
   * of confidence = σ(slope · logit(p) + intercept), fitted on cross-validated verdicts so that a
   * confidence says how often verdicts like it are right. Absent: the probability itself.
   */
  calibration: z.tuple([slopeAndIntercept, slopeAndIntercept, slopeAndIntercept]).optional(),
  /** Words kept by the vocabulary (stems); their features are `hw:` and `bw:`. */
  vocabulary: z.array(z.string()).default([]),
  /** How the model was fitted and what cross-validation measured (documentation only). */
  fit: z.record(z.string(), z.unknown()).optional(),
});

export type Model = z.infer<typeof modelSchema>;

/** A model ready to score: its weights by feature id (see `featureId`), its vocabulary in a set. */
export interface LoadedModel {
  readonly model: Model;
  /** Three weights per feature id (product, project, none); a feature the model does not list weighs 0, one numbered after loading is past the end. */
  readonly weights: Float64Array;
  /** Each weight less the mean of the feature's three: what it pushes one class ahead of the others. */
  readonly centred: Float64Array;
  readonly vocabulary: ReadonlySet<string>;
}

/** Checks and loads a model (from a parsed JSON value); throws with a readable message when it is not one. */
export function loadModel(value: unknown): LoadedModel {
  const parsed = modelSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`not a PM Lens model: ${issue.path.join('.') || '(top)'}: ${issue.message}`);
  }
  const model = parsed.data;
  const listed = Object.entries(model.weights).map(([name, w]) => [featureId(name), w] as const);
  const weights = new Float64Array(3 * featureCount());
  const centred = new Float64Array(3 * featureCount());
  for (const [id, w] of listed) {
    const mean = (w[0] + w[1] + w[2]) / 3;
    for (let c = 0; c < 3; c++) {
      weights[3 * id + c] = w[c];
      centred[3 * id + c] = w[c] - mean;
    }
  }
  return { model, weights, centred, vocabulary: new Set(model.vocabulary) };
}

let builtIn: LoadedModel | undefined;

/** The model shipped with PM Lens, fitted on the project's labelled plans. */
export function defaultModel(): LoadedModel {
  return (builtIn ??= loadModel(fitted));
}

/** Features by name: what the classifier read in one section. */
export type Features = ReadonlyMap<string, number>;

/** Probabilities of the three classes, and the logits they came from. */
export interface Prediction {
  readonly p: readonly [number, number, number];
  readonly logits: readonly [number, number, number];
}

/** Scores features with a model: softmax of the tempered logits (summed in the features' order). */
export function predict(loaded: LoadedModel, features: FeatureVector): Prediction {
  const bias = loaded.model.bias;
  let z0 = bias[0];
  let z1 = bias[1];
  let z2 = bias[2];
  const w = loaded.weights;
  for (let i = 0; i < features.size; i++) {
    const id = features.idAt(i);
    const x = features.valueAt(i);
    if (3 * id >= w.length || x === 0) continue;
    z0 += w[3 * id] * x;
    z1 += w[3 * id + 1] * x;
    z2 += w[3 * id + 2] * x;
  }
  const t = loaded.model.temperature;
  return { p: softmax([z0 / t, z1 / t, z2 / t]), logits: [z0, z1, z2] };
}

/**
 * A verdict's confidence: the probability `p` of its class (0 product, 1 project, 2 neither)
 * mapped by the model's calibration for that class, if it has one.
 */
export function calibratedConfidence(model: Model, verdictClass: 0 | 1 | 2, p: number): number {
  if (!model.calibration) return p;
  const [slope, intercept] = model.calibration[verdictClass];
  const q = Math.min(1 - 1e-9, Math.max(1e-9, p));
  return 1 / (1 + Math.exp(-(slope * Math.log(q / (1 - q)) + intercept)));
}

/** Softmax of three logits, stable for large values. */
export function softmax(z: readonly [number, number, number]): [number, number, number] {
  const m = Math.max(z[0], z[1], z[2]);
  const e0 = Math.exp(z[0] - m);
  const e1 = Math.exp(z[1] - m);
  const e2 = Math.exp(z[2] - m);
  const s = e0 + e1 + e2;
  return [e0 / s, e1 / s, e2 / s];
}

/**
 * How much one feature (by id, with value `x`) pushed class `c` ahead of the others: its value
 * times its weight for `c` less the mean of its weights (tempered like the logits).
 */
export function pushToward(loaded: LoadedModel, id: number, x: number, c: number): number {
  const i = 3 * id + c;
  return i < loaded.centred.length ? (x * loaded.centred[i]) / loaded.model.temperature : 0;
}
