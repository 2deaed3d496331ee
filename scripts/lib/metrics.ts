/** Classification figures: accuracy, per-class precision/recall/F1, macro F1, confusion matrix. */
export interface ClassReport {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Report {
  accuracy: number;
  macroF1: number;
  macroPrecision: number;
  macroRecall: number;
  perClass: ClassReport[];
  /** confusion[true][predicted] */
  confusion: number[][];
}

export function classificationReport(labels: number[], preds: number[], numClasses: number): Report {
  const confusion = Array.from({ length: numClasses }, () => new Array<number>(numClasses).fill(0));
  labels.forEach((y, i) => confusion[y][preds[i]]++);
  const perClass = confusion.map((row, c) => {
    const tp = row[c];
    const predicted = confusion.reduce((n, r) => n + r[c], 0);
    const support = row.reduce((a, b) => a + b, 0);
    const precision = predicted ? tp / predicted : 0;
    const recall = support ? tp / support : 0;
    return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, support };
  });
  const mean = (k: keyof ClassReport) => perClass.reduce((n, c) => n + c[k], 0) / numClasses;
  const correct = confusion.reduce((n, row, c) => n + row[c], 0);
  return { accuracy: correct / labels.length, macroF1: mean('f1'), macroPrecision: mean('precision'), macroRecall: mean('recall'), perClass, confusion };
}

export function argmax(row: number[]): number {
  return row.reduce((best, v, i) => (v > row[best] ? i : best), 0);
}
