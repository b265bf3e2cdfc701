// The fitting and measuring half of `npm run train`: multinomial logistic regression with an L2
// penalty (L-BFGS), the verdict rule the classifier applies at run time, and the figures.

/** Stems the vocabulary never keeps: function words say nothing about an owner. */
const STOP = new Set(
  ('the and for with that this are was were will from have has had not but all can our its their they them there these those what when which who why how into onto over under more most such than then also each only other some any one two three may might would could should shall must been being about after before between both during per via use used using your you yes').split(' '),
);
const VOCAB_WORD = /^[a-z][a-z-]{2,}$/;
const isVocab = (name) => name.startsWith('hw:') || name.startsWith('bw:');


/** Softmax of three tempered logits. */
function softmax(z, t = 1) {
  const a = z[0] / t, b = z[1] / t, c = z[2] / t;
  const m = Math.max(a, b, c);
  const e = [Math.exp(a - m), Math.exp(b - m), Math.exp(c - m)];
  const s = e[0] + e[1] + e[2];
  return [e[0] / s, e[1] / s, e[2] / s];
}

/** The hand-set rule's verdict recorded in a section's features (read once: the threshold search asks often). */
const rules = new WeakMap();
const ruleOf = (features) => {
  let rule = rules.get(features);
  if (rule === undefined) rules.set(features, (rule = [...features.keys()].find((k) => k.startsWith('rule:'))?.slice(5) ?? 'none'));
  return rule;
};
/** A lone heading: no body and no subsections. */
const loneOf = (features) => features.has('empty') && !features.has('kids');

/** The classifier's verdict rule (`decide` in src/core/classify/index.ts), as a class: 0 product, 1 project, 2 neither (none or mixed). */
export function decide(z, features, { temperature, veto = 1, promote = 1, quiet = 1, dominant = 1 }) {
  const p = softmax(z, temperature);
  const top = p[0] >= p[1] ? 0 : 1;
  const rule = ruleOf(features);
  if (rule === 'mixed') return { cls: p[top] >= dominant ? top : 2, confidence: p[top], p };
  if (rule === 'product' || rule === 'project') {
    const c = rule === 'product' ? 0 : 1;
    // As at run time, a lone heading (no body, no subsections) is never quieted.
    const lone = loneOf(features);
    return p[1 - c] >= veto || (!lone && p[2] >= quiet) ? { cls: 2, confidence: p[2], p } : { cls: c, confidence: p[c], p };
  }
  if (p[top] >= promote) return { cls: top, confidence: p[top], p };
  return { cls: 2, confidence: p[2], p };
}

/**
 * Accuracy, cross-role errors, macro-F1 and log-loss, either of out-of-fold logits under a
 * decision (`oof`, `tuned`) or of given predictions.
 */
export function evaluate(samples, oof, tuned, predictions) {
  const confusion = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
  let logLoss = 0;
  samples.forEach((s, i) => {
    let cls;
    if (predictions) cls = predictions[i];
    else {
      const d = decide(oof[i], s.features, tuned);
      cls = d.cls;
      logLoss -= Math.log(Math.max(1e-12, d.p[s.label]));
    }
    confusion[s.label][cls]++;
  });
  const n = samples.length;
  const right = confusion[0][0] + confusion[1][1] + confusion[2][2];
  const crossCount = confusion[0][1] + confusion[1][0];
  const f1 = [0, 1, 2].map((c) => {
    const tp = confusion[c][c];
    const fp = [0, 1, 2].reduce((k, d) => k + (d === c ? 0 : confusion[d][c]), 0);
    const fn = [0, 1, 2].reduce((k, d) => k + (d === c ? 0 : confusion[c][d]), 0);
    return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  });
  return { accuracy: right / n, cross: crossCount / n, crossCount, f1, macroF1: (f1[0] + f1[1] + f1[2]) / 3, logLoss: logLoss / n, confusion };
}

/**
 * Confidence bins against how often the verdict in them was right, and the calibration error:
 * the gap between confidence and being right within each bin, averaged over the verdicts.
 */
export function reliability(samples, predictions, confidence) {
  const edges = [0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0001];
  const rows = edges.slice(0, -1).map((lo, k) => ({ bin: `${lo.toFixed(2)}–${Math.min(1, edges[k + 1]).toFixed(2)}`, lo, hi: edges[k + 1], count: 0, right: 0, confidence: 0 }));
  const high = { count: 0, right: 0 };
  samples.forEach((s, i) => {
    const c = confidence[i];
    const ok = predictions[i] === s.label ? 1 : 0;
    const row = rows.find((r) => c >= r.lo && c < r.hi);
    row.count++;
    row.right += ok;
    row.confidence += c;
    if (c >= 0.7) {
      high.count++;
      high.right += ok;
    }
  });
  const rate = (r) => (r.count ? Math.round((1000 * r.right) / r.count) / 1000 : null);
  const gap = rows.reduce((sum, r) => sum + Math.abs(r.right - r.confidence), 0) / samples.length;
  return {
    rows: rows.map((r) => ({ bin: r.bin, count: r.count, accuracy: rate(r) })),
    high: { count: high.count, accuracy: rate(high) },
    calibrationError: Math.round(1000 * gap) / 1000,
  };
}

/**
 * Fits, for each verdict class (product, project, neither), how often its verdicts are right
 * against their probability p: confidence = σ(a · logit(p) + b) (Platt scaling), by Newton's
 * method on the log-loss with a light pull toward a = 1, b = 0 (a class with few or only right
 * verdicts stays near its probability). `verdicts` are { cls, p, right }; deterministic.
 */
export function fitCalibration(verdicts) {
  const PULL = 1;
  return [0, 1, 2].map((cls) => {
    const mine = verdicts.filter((v) => v.cls === cls).map((v) => ({ x: logit(v.p), y: v.right ? 1 : 0 }));
    let a = 1;
    let b = 0;
    for (let step = 0; step < 50; step++) {
      let ga = PULL * (a - 1);
      let gb = PULL * b;
      let haa = PULL;
      let hab = 0;
      let hbb = PULL;
      for (const { x, y } of mine) {
        const q = 1 / (1 + Math.exp(-(a * x + b)));
        ga += (q - y) * x;
        gb += q - y;
        const w = q * (1 - q);
        haa += w * x * x;
        hab += w * x;
        hbb += w;
      }
      const det = haa * hbb - hab * hab;
      const da = (hbb * ga - hab * gb) / det;
      const db = (haa * gb - hab * ga) / det;
      a -= da;
      b -= db;
      if (Math.abs(da) + Math.abs(db) < 1e-10) break;
    }
    return [Math.round(a * 10000) / 10000, Math.round(b * 10000) / 10000];
  });
}

/** Log-odds of a probability, kept finite at 0 and 1. */
function logit(p) {
  const q = Math.min(1 - 1e-9, Math.max(1e-9, p));
  return Math.log(q / (1 - q));
}

/**
 * Fits the model to `samples` ({ features: Map, label: 0 | 1 | 2 }). `setting.lambda` is the L2
 * strength (on weights, not biases); `setting.minDf` keeps vocabulary words found in at least
 * that many training documents (0: no vocabulary); `setting.balanced` weighs each class's
 * sections so the three classes count alike (n / (3 × the class's count)), so the fit leans less
 * on how often each class happens to occur in the corpus.
 */
export function fitModel(samples, setting) {
  const { lambda, minDf } = setting;
  // The vocabulary: words of the training documents only.
  const docsOf = new Map();
  for (const s of samples) {
    for (const name of s.features.keys()) {
      if (!isVocab(name)) continue;
      const word = name.slice(3);
      if (!VOCAB_WORD.test(word) || STOP.has(word)) continue;
      let set = docsOf.get(word);
      if (!set) docsOf.set(word, (set = new Set()));
      set.add(s.doc);
    }
  }
  const vocabulary = new Set(minDf > 0 ? [...docsOf].filter(([, set]) => set.size >= minDf).map(([w]) => w) : []);
  const keep = (name) => !isVocab(name) || vocabulary.has(name.slice(3));
  const names = [...new Set(samples.flatMap((s) => [...s.features.keys()].filter(keep)))].sort();
  const index = new Map(names.map((n, i) => [n, i]));
  const rows = samples.map((s) => {
    const idx = [];
    const val = [];
    for (const [name, x] of s.features) {
      const i = index.get(name);
      if (i === undefined || x === 0) continue;
      idx.push(i);
      val.push(x);
    }
    return { idx, val, y: s.label };
  });
  const F = names.length;
  const dim = 3 * F + 3;
  const n = rows.length;
  const counts = [0, 0, 0];
  for (const r of rows) counts[r.y]++;
  const classWeight = setting.balanced ? counts.map((c) => (c ? n / (3 * c) : 0)) : [1, 1, 1];

  const objective = (w, grad) => {
    grad.fill(0);
    let loss = 0;
    for (const r of rows) {
      const z = [w[3 * F], w[3 * F + 1], w[3 * F + 2]];
      for (let k = 0; k < r.idx.length; k++) {
        const o = 3 * r.idx[k];
        z[0] += w[o] * r.val[k];
        z[1] += w[o + 1] * r.val[k];
        z[2] += w[o + 2] * r.val[k];
      }
      const p = softmax(z);
      const cw = classWeight[r.y];
      loss -= cw * Math.log(Math.max(1e-300, p[r.y]));
      p[r.y] -= 1;
      p[0] *= cw;
      p[1] *= cw;
      p[2] *= cw;
      for (let k = 0; k < r.idx.length; k++) {
        const o = 3 * r.idx[k];
        grad[o] += (p[0] * r.val[k]) / n;
        grad[o + 1] += (p[1] * r.val[k]) / n;
        grad[o + 2] += (p[2] * r.val[k]) / n;
      }
      grad[3 * F] += p[0] / n;
      grad[3 * F + 1] += p[1] / n;
      grad[3 * F + 2] += p[2] / n;
    }
    loss /= n;
    for (let i = 0; i < 3 * F; i++) {
      loss += (lambda / 2) * w[i] * w[i];
      grad[i] += lambda * w[i];
    }
    return loss;
  };
  const w = lbfgs(objective, new Float64Array(dim), { iterations: 400 });

  const weightOf = (name) => {
    const i = index.get(name);
    return i === undefined ? undefined : [w[3 * i], w[3 * i + 1], w[3 * i + 2]];
  };
  const bias = [w[3 * F], w[3 * F + 1], w[3 * F + 2]];
  return {
    names,
    logits(features) {
      const z = [...bias];
      for (const [name, x] of features) {
        const v = weightOf(name);
        if (!v) continue;
        z[0] += v[0] * x;
        z[1] += v[1] * x;
        z[2] += v[2] * x;
      }
      return z;
    },
    toJson(extra) {
      const r4 = (x) => Math.round(x * 10000) / 10000;
      const weights = {};
      for (const name of names) {
        const v = weightOf(name).map(r4);
        if (v.some((x) => x !== 0)) weights[name] = v;
      }
      const used = [...vocabulary].filter((word) => weights[`hw:${word}`] || weights[`bw:${word}`]).sort();
      const { fit, ...decision } = extra;
      return { format: 'pm-lens-model/1', bias: bias.map(r4), ...decision, vocabulary: used, ...(fit ? { fit } : {}), weights };
    },
  };
}

/** Limited-memory BFGS with a backtracking (Armijo) line search; deterministic. */
function lbfgs(f, x0, { iterations = 300, memory = 10, tolerance = 1e-7 } = {}) {
  const dim = x0.length;
  let x = Float64Array.from(x0);
  let g = new Float64Array(dim);
  let fx = f(x, g);
  const S = [];
  const Y = [];
  const dot = (a, b) => {
    let s = 0;
    for (let i = 0; i < a.length; i++) s += a[i] * b[i];
    return s;
  };
  for (let it = 0; it < iterations; it++) {
    // Two-loop recursion: d = -H g.
    const q = Float64Array.from(g);
    const alpha = [];
    for (let k = S.length - 1; k >= 0; k--) {
      const rho = 1 / dot(Y[k], S[k]);
      const a = rho * dot(S[k], q);
      alpha[k] = a;
      for (let i = 0; i < dim; i++) q[i] -= a * Y[k][i];
    }
    const gamma = S.length > 0 ? dot(S[S.length - 1], Y[Y.length - 1]) / dot(Y[Y.length - 1], Y[Y.length - 1]) : 1 / Math.max(1, Math.sqrt(dot(g, g)));
    for (let i = 0; i < dim; i++) q[i] *= gamma;
    for (let k = 0; k < S.length; k++) {
      const rho = 1 / dot(Y[k], S[k]);
      const b = rho * dot(Y[k], q);
      for (let i = 0; i < dim; i++) q[i] += S[k][i] * (alpha[k] - b);
    }
    for (let i = 0; i < dim; i++) q[i] = -q[i];
    let slope = dot(g, q);
    if (slope >= 0) {
      // Not a descent direction: start the memory over with steepest descent.
      S.length = 0;
      Y.length = 0;
      for (let i = 0; i < dim; i++) q[i] = -g[i];
      slope = dot(g, q);
    }
    let step = 1;
    const xn = new Float64Array(dim);
    const gn = new Float64Array(dim);
    let fn;
    for (let tries = 0; ; tries++) {
      for (let i = 0; i < dim; i++) xn[i] = x[i] + step * q[i];
      fn = f(xn, gn);
      if (fn <= fx + 1e-4 * step * slope || tries > 30) break;
      step *= 0.5;
    }
    const s = new Float64Array(dim);
    const y = new Float64Array(dim);
    for (let i = 0; i < dim; i++) {
      s[i] = xn[i] - x[i];
      y[i] = gn[i] - g[i];
    }
    const sy = dot(s, y);
    if (sy > 1e-12) {
      S.push(s);
      Y.push(y);
      if (S.length > memory) {
        S.shift();
        Y.shift();
      }
    }
    const improvement = fx - fn;
    x = xn;
    g = gn;
    fx = fn;
    if (Math.sqrt(dot(g, g)) < tolerance || improvement < 1e-12) break;
  }
  return x;
}
