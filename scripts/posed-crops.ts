/** Writes the product's 48 px crops of faces-posed persons 01-14 (the persons that may be trained on) for
 * training/train.py's `posed` option, in FER2013's raw layout and 7-class numbering, with each face's person
 * (train-persons.u8, for leaving persons out), under training/runs/
 * (not committed: the set's rules forbid committing its images or crops of them).
 *   npx tsx scripts/posed-crops.ts   (needs a built dist/ for BlazeFace's boxes, cached in .bench/) */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { MOODS } from '../src/model/contract';
import { ROOT } from './lib/browser';
import { posedBoxes, posedFaces, productCrops } from './lib/posed';

const CLASSES7 = ['angry', 'disgust', 'fear', 'happy', 'neutral', 'sad', 'surprise'];
const faces = posedFaces(1, 14);
const crops = productCrops(faces, await posedBoxes(faces, '1-14'));
const kept = faces.flatMap((f, i) => (crops[i] ? [{ label: CLASSES7.indexOf(MOODS[f.mood]), person: f.person, crop: crops[i]! }] : []));
const dir = join(ROOT, 'training/runs/posed-01-14');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'train-images.u8.gz'), gzipSync(Buffer.concat(kept.map((k) => k.crop))));
writeFileSync(join(dir, 'train-labels.u8'), Uint8Array.from(kept.map((k) => k.label)));
writeFileSync(join(dir, 'train-persons.u8'), Uint8Array.from(kept.map((k) => k.person)));
console.log(`${dir}: ${kept.length} faces of ${faces.length} photos (persons 01-14)`);
