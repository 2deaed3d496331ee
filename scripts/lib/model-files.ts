/** Node-side loading of a TF.js layers model from disk (tfjs without tfjs-node has no file:// handler). */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { CONTRACT, parseContract, type ModelContract } from '../../src/model/contract';

/** The shipped model; MODEL_DIR points the scripts at another export (a candidate before it ships). */
export const MODEL_DIR = process.env.MODEL_DIR ?? resolve(import.meta.dirname, '../../models/emotion');

/** The contract beside a model's files. */
export function modelContract(dir = MODEL_DIR): ModelContract {
  return parseContract(JSON.parse(readFileSync(join(dir, 'contract.json'), 'utf8')));
}

export function modelFiles(dir = MODEL_DIR): tf.io.IOHandler {
  const jsonPath = join(dir, CONTRACT.model);
  return {
    async load() {
      const json = JSON.parse(readFileSync(jsonPath, 'utf8'));
      const specs: tf.io.WeightsManifestEntry[] = [];
      const buffers: Buffer[] = [];
      for (const group of json.weightsManifest) {
        specs.push(...group.weights);
        for (const p of group.paths) buffers.push(readFileSync(join(dirname(jsonPath), p)));
      }
      const all = Buffer.concat(buffers);
      return {
        modelTopology: json.modelTopology,
        weightSpecs: specs,
        weightData: all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength),
        format: json.format,
        userDefinedMetadata: json.userDefinedMetadata,
      };
    },
  };
}

/** Whether the model has a second input, for the nets whose views are spread over a check's frames. */
export function hasSpreadNets(dir = MODEL_DIR): boolean {
  return modelJson(dir).modelTopology.config.input_layers.length > 1;
}

const modelJson = (dir: string) => JSON.parse(readFileSync(join(dir, CONTRACT.model), 'utf8'));

export function weightBytes(dir = MODEL_DIR): number {
  return modelJson(dir).weightsManifest.flatMap((g: { paths: string[] }) => g.paths).reduce((n: number, p: string) => n + readFileSync(join(dir, p)).length, 0);
}
