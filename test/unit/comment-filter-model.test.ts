import { readFileSync, statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  decodeModel,
  encodeModel,
  explainText,
  MODEL_MIN_LETTERS,
  ModelFormatError,
  SHIPPED_MODEL_URL,
  scoreText,
  shippedModel,
} from "../../src/comments/filter/abuse-model.ts";
import {
  loadSplits,
  parseCurseDetection,
  parseHateSpeech,
  SET_NAMES,
  stratifiedSplit,
} from "../../src/comments/filter/datasets.ts";
import { scoreSplit } from "../../src/comments/filter/evaluate.ts";
import { judgeComment } from "../../src/comments/filter/judge.ts";
import { heldOut, tuning } from "../../src/comments/filter/labelled-comments.ts";
import { heldAtInnocentShares, learnModel, rankingAuc } from "../../src/comments/filter/learn.ts";
import { buildViews, normalizeForMatching } from "../../src/comments/filter/normalize.ts";
import { bucketScales, chooseThreshold, DEFAULT_TRAINING } from "../../src/comments/filter/train.ts";

// Tests that train use every 40th line of each split: a few hundred lines, well under a second.
const SMALL = 40;

// Training reads and normalises every split once (a few seconds on a busy machine), then trains.
const TRAINING_TIMEOUT = { timeout: 30_000 };

describe("training the abuse model", TRAINING_TIMEOUT, () => {
  it("is deterministic: the same examples and seed give the same weights hash; another seed does not", () => {
    const a = learnModel({ every: SMALL });
    const b = learnModel({ every: SMALL });
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(b.hash).toBe(a.hash);
    expect(b.threshold).toBe(a.threshold);
    const other = learnModel({ every: SMALL, training: { ...DEFAULT_TRAINING, seed: 18 } });
    expect(other.hash).not.toBe(a.hash);
  });

  it("learns: on its own training lines the abusive ones score higher than the innocent ones", () => {
    const model = learnModel({ every: SMALL });
    const train = loadSplits()["curse-detection"].train.filter((_, i) => i % SMALL === 0);
    const mean = (xs: number[]) => xs.reduce((x, y) => x + y, 0) / xs.length;
    const abusive = mean(train.filter((l) => l.abusive).map((l) => scoreText(model, l.text)));
    const innocent = mean(train.filter((l) => !l.abusive).map((l) => scoreText(model, l.text)));
    expect(abusive).toBeGreaterThan(innocent + 0.2);
  });

  it("chooses the lowest threshold keeping innocent lines held within the limit on every set", () => {
    const line = (score: number, abusive: boolean, heldWithoutModel = false) => ({
      score,
      abusive,
      heldWithoutModel,
    });
    // 100 innocent lines, 2 % may be held: the 3rd highest innocent score is the bar.
    const innocent = Array.from({ length: 100 }, (_, i) => line(i / 100, false));
    const t = chooseThreshold({ a: innocent }, { a: 0.02 });
    expect(innocent.filter((l) => l.score >= t)).toHaveLength(2);
    // Lines the word list holds anyway use up the allowance first.
    const withRules = [...innocent.slice(0, 99), line(0.99, false, true)];
    const t2 = chooseThreshold({ a: withRules }, { a: 0.02 });
    expect(withRules.filter((l) => !l.heldWithoutModel && l.score >= t2)).toHaveLength(1);
    // The strictest set decides.
    expect(chooseThreshold({ a: innocent, b: innocent }, { a: 0.02, b: 0.1 })).toBe(t);
  });
});

describe("the measures and options training is weighed by", TRAINING_TIMEOUT, () => {
  const line = (score: number, abusive: boolean, heldWithoutModel = false) => ({
    score,
    abusive,
    heldWithoutModel,
  });

  it("ranking AUC: 1 when every abusive line scores higher, 0.5 for ties, 0 when reversed", () => {
    expect(rankingAuc([line(0.9, true), line(0.8, true), line(0.1, false)])).toBe(1);
    expect(rankingAuc([line(0.5, true), line(0.5, false)])).toBe(0.5);
    expect(rankingAuc([line(0.1, true), line(0.9, false)])).toBe(0);
    // 2 abusive × 2 innocent pairs, 3 ordered right
    expect(rankingAuc([line(0.9, true), line(0.4, true), line(0.6, false), line(0.1, false)])).toBe(0.75);
    expect(rankingAuc([line(0.9, true)])).toBeNaN();
  });

  it("abusive lines held at a given share of innocent ones held, rules counted first", () => {
    const lines = [
      ...Array.from({ length: 100 }, (_, i) => line(i / 100, false)),
      line(0.995, true),
      line(0.985, true),
      line(0.5, true, true), // the word list holds it whatever the score
      line(0.2, true),
    ];
    const [strict, loose] = heldAtInnocentShares(lines, [0.01, 0.5]);
    expect(strict).toMatchObject({ innocentShare: 0.01, abusiveHeld: 0.75, innocentHeld: 0.01 });
    expect(loose!.innocentHeld).toBe(0.5);
    expect(loose!.abusiveHeld).toBe(0.75); // 0.2 is still below the bar
  });

  it("naive-Bayes scales: off gives 1 everywhere; on, one-sided buckets weigh more than even ones", () => {
    const ex = (buckets: number[], y: number, weight = 1) => ({
      buckets: Int32Array.from(buckets),
      y,
      weight,
    });
    const data = [ex([0, 1], 1), ex([0, 1], 1), ex([0, 2], 0), ex([0, 2], 0)];
    expect([...bucketScales(data, 4, 0)]).toEqual([1, 1, 1, 1]);
    const scale = bucketScales(data, 4, 1);
    expect(scale[0]).toBeCloseTo(0, 12); // on both sides equally
    expect(scale[1]).toBeGreaterThan(0.5);
    expect(scale[2]).toBeCloseTo(scale[1]!, 12); // as one-sided, the other way
    // an example's weight counts as that many lines
    const weighted = bucketScales([...data, ex([3], 1, 3)], 4, 1);
    expect(weighted[3]).toBeGreaterThan(bucketScales([...data, ex([3], 1)], 4, 1)[3]!);
  });

  it("training with the naive-Bayes scaling is deterministic too, and gives another model", () => {
    const nb = { ...DEFAULT_TRAINING, nbSmoothing: 1 };
    const a = learnModel({ every: SMALL, training: nb });
    expect(learnModel({ every: SMALL, training: nb }).hash).toBe(a.hash);
    expect(learnModel({ every: SMALL }).hash).not.toBe(a.hash);
  });
});

describe("the shipped model", () => {
  it("loads from its file (at most 10 MB), whole and valid", () => {
    expect(statSync(SHIPPED_MODEL_URL).size).toBeLessThanOrEqual(10 * 1024 * 1024);
    const model = shippedModel();
    expect(model.weights).toHaveLength(1 << model.shape.bits);
    expect(model.threshold).toBeGreaterThan(0);
    expect(model.threshold).toBeLessThan(1);
    expect(shippedModel()).toBe(model); // read once
    expect(decodeModel(encodeModel(model)).hash).toBe(model.hash);
  });

  it("refuses a truncated or foreign file instead of using part of it", () => {
    const data = readFileSync(SHIPPED_MODEL_URL);
    expect(() => decodeModel(data.subarray(0, data.length - 4))).toThrow(ModelFormatError);
    expect(() => decodeModel(data.subarray(0, 100))).toThrow(ModelFormatError);
    expect(() => decodeModel(Buffer.from("not a model at all"))).toThrow(ModelFormatError);
  });

  it("holds an insult without a listed word with reason abuse_model and its score; short comments it leaves to the word list", () => {
    const model = shippedModel();
    const insult = loadSplits()["korean-hate-speech"].test.find(
      (l) =>
        l.abusive && judgeComment(l.text).action === "allow" && judgeComment(l.text, model).action === "hold",
    );
    expect(insult).toBeDefined();
    const v = judgeComment(insult!.text, model);
    expect(v).toMatchObject({ action: "hold", reason: "abuse_model", score: expect.any(Number) });
    if (v.action === "hold" && v.reason === "abuse_model")
      expect(v.score).toBeGreaterThanOrEqual(model.threshold);
    const why = explainText(model, insult!.text);
    expect(why.length).toBeGreaterThan(0);
    // each is a piece of one of the comment's readings, weighing toward holding it
    const views = buildViews(insult!.text);
    const readings = [...views.hangul, views.latin ?? ""].map((r) => ` ${r} `);
    for (const g of why) {
      expect(g.weight).toBeGreaterThan(0);
      expect(readings.some((r) => r.includes(g.text))).toBe(true);
    }
    // A comment shorter than MODEL_MIN_LETTERS is never held by the model.
    expect(normalizeForMatching("물개 새끼").replaceAll(" ", "").length).toBeLessThan(MODEL_MIN_LETTERS);
    expect(judgeComment("물개 새끼", model)).toEqual({ action: "allow" });
  });

  it("keeps every verdict of the word list and spam rules on the project's labelled lines, and holds none of its innocent ones", () => {
    const model = shippedModel();
    for (const line of [...tuning, ...heldOut]) {
      const alone = judgeComment(line.text);
      const combined = judgeComment(line.text, model);
      if (alone.action === "hold") expect(combined, line.text).toEqual(alone);
      if (!line.hold) expect(combined, line.text).toEqual({ action: "allow" });
    }
  });
});

describe("the data sets and their fixed splits", () => {
  it("parses both formats: a | inside the text, a header, offensive and hate as abusive", () => {
    expect(parseCurseDetection("a|b 이게 뭐냐|1\n그냥 글|0\n\n틀린 줄|x")).toEqual([
      { text: "a|b 이게 뭐냐", abusive: true },
      { text: "그냥 글", abusive: false },
    ]);
    expect(
      parseHateSpeech(
        "comments\tcontain_gender_bias\tbias\thate\n가\tFalse\tnone\tnone\n나\tFalse\tothers\toffensive\n다\tTrue\tgender\thate\n",
      ),
    ).toEqual([
      { text: "가", abusive: false },
      { text: "나", abusive: true },
      { text: "다", abusive: true },
    ]);
  });

  it("splits 20 % per label for testing, the same every time, and no training line reads like a test line", () => {
    const lines = Array.from({ length: 200 }, (_, i) => ({ text: `줄 ${i}`, abusive: i % 4 === 0 }));
    const a = stratifiedSplit(lines, 7);
    expect(a.test.filter((l) => l.abusive)).toHaveLength(10);
    expect(a.test.filter((l) => !l.abusive)).toHaveLength(30);
    expect(stratifiedSplit(lines, 7)).toEqual(a);
    const splits = loadSplits();
    for (const name of SET_NAMES) {
      const tested = new Set(splits[name].test.map((l) => normalizeForMatching(l.text)));
      for (const other of SET_NAMES)
        for (const l of [...splits[other].train, ...splits[other].validation])
          expect(tested.has(normalizeForMatching(l.text))).toBe(false);
    }
    expect(splits.own.test).toHaveLength(heldOut.length);
    const curse = splits["curse-detection"];
    expect(
      curse.test.length / (curse.test.length + curse.validation.length + curse.train.length),
    ).toBeGreaterThan(0.19);
  });

  it("reports held lines by reason, beside the word list alone", () => {
    const lines = [
      { text: "시발 진짜", abusive: true },
      { text: "좋은 기사 감사합니다", abusive: false },
      { text: "문의 010-1234-5678", abusive: false },
    ];
    expect(scoreSplit(lines, null)).toEqual({
      abusive: 1,
      abusiveHeld: 1,
      innocent: 2,
      innocentHeld: 1,
      byReason: { profanity: { abusive: 1, innocent: 0 }, spam_link: { abusive: 0, innocent: 1 } },
    });
  });
});
