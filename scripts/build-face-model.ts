/**
 * Makes MediaPipe's short-range BlazeFace model loadable by @mediapipe/tasks-vision's FaceDetector.
 *
 * No npm package ships `blaze_face_short_range.tflite`; `@mediapipe/face_detection` ships the same network as
 * `face_detection_short_range.tflite`, but without the TFLite metadata that tasks-vision requires (image input,
 * normalisation mean/std 127.5). This script adds it: it builds a ModelMetadata flatbuffer (tflite-support's
 * metadata_schema.fbs, identifier "M001") and links it into the model as a new buffer plus a "TFLITE_METADATA"
 * entry. FlatBuffer offsets point forward, so the old file is kept byte for byte at the end and a new root
 * Model table is written in front of it that reuses the old fields.
 *
 *   npx tsx scripts/build-face-model.ts [out.tflite]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import * as flatbuffers from 'flatbuffers';

const require = createRequire(import.meta.url);
export const SOURCE = require.resolve('@mediapipe/face_detection/face_detection_short_range.tflite');
export const OUT = resolve(import.meta.dirname, '../models/face/blaze_face_short_range.tflite');

/** ModelMetadata for an RGB image input normalised as (x - 127.5) / 127.5 and the two BlazeFace outputs. */
export function buildMetadata(): Uint8Array {
  const b = new flatbuffers.Builder(512);
  const tensor = (name: string, content?: number, processUnits?: number) => {
    const n = b.createString(name);
    b.startObject(7);
    b.addFieldOffset(0, n, 0);
    if (content !== undefined) b.addFieldOffset(3, content, 0);
    if (processUnits !== undefined) b.addFieldOffset(4, processUnits, 0);
    return b.endObject();
  };
  // ImageProperties { color_space: RGB }
  b.startObject(2);
  b.addFieldInt8(0, 1, 0);
  const imageProps = b.endObject();
  // Content { content_properties_type: ImageProperties (2), content_properties }
  b.startObject(3);
  b.addFieldInt8(0, 2, 0);
  b.addFieldOffset(1, imageProps, 0);
  const content = b.endObject();
  const floats = (v: number[]) => {
    b.startVector(4, v.length, 4);
    for (let i = v.length - 1; i >= 0; i--) b.addFloat32(v[i]);
    return b.endVector();
  };
  const mean = floats([127.5]);
  const std = floats([127.5]);
  b.startObject(2); // NormalizationOptions
  b.addFieldOffset(0, mean, 0);
  b.addFieldOffset(1, std, 0);
  const norm = b.endObject();
  b.startObject(2); // ProcessUnit { options_type: NormalizationOptions (1), options }
  b.addFieldInt8(0, 1, 0);
  b.addFieldOffset(1, norm, 0);
  const unit = b.endObject();
  b.startVector(4, 1, 4);
  b.addOffset(unit);
  const unitVec = b.endVector();
  const input = tensor('image', content, unitVec);
  const outputs = [tensor('regressors'), tensor('classificators')];
  const vec = (items: number[]) => {
    b.startVector(4, items.length, 4);
    for (let i = items.length - 1; i >= 0; i--) b.addOffset(items[i]);
    return b.endVector();
  };
  const inputs = vec([input]);
  const outs = vec(outputs);
  b.startObject(10); // SubGraphMetadata
  b.addFieldOffset(2, inputs, 0);
  b.addFieldOffset(3, outs, 0);
  const subgraph = b.endObject();
  const subgraphs = vec([subgraph]);
  const name = b.createString('BlazeFace short range');
  const version = b.createString('1.0.0');
  b.startObject(8); // ModelMetadata
  b.addFieldOffset(0, name, 0);
  b.addFieldOffset(3, subgraphs, 0);
  b.addFieldOffset(7, version, 0);
  b.finish(b.endObject(), 'M001');
  return b.asUint8Array();
}

/** Returns the model with `metadata` linked in as buffer + "TFLITE_METADATA" entry. */
export function addMetadata(model: Uint8Array, metadata: Uint8Array): Uint8Array {
  const old = new DataView(model.buffer, model.byteOffset, model.byteLength);
  const u32 = (p: number) => old.getUint32(p, true);
  const root = u32(0);
  const vt = root - old.getInt32(root, true);
  const vtFields = (old.getUint16(vt, true) - 4) / 2;
  const field = (i: number) => (i < vtFields ? old.getUint16(vt + 4 + 2 * i, true) : 0);
  const target = (i: number) => root + field(i) + u32(root + field(i)); // old position an offset field points to
  const tables = (i: number) => {
    if (!field(i)) return [];
    const v = target(i);
    return Array.from({ length: u32(v) }, (_, k) => v + 4 + 4 * k + u32(v + 4 + 4 * k));
  };
  const BUFFERS = 4;
  const METADATA = 6;
  const oldBuffers = tables(BUFFERS);
  const oldMetadata = tables(METADATA);
  const nFields = Math.max(vtFields, METADATA + 1);

  // Lay out the prefix: header, new root table, vectors, the metadata entry, the new buffer and its bytes.
  const out: number[] = [];
  const align = (n: number) => { while (out.length % n) out.push(0); };
  const patch32 = (at: number, v: number) => { for (let k = 0; k < 4; k++) out[at + k] = (v >>> (8 * k)) & 0xff; };
  const push32 = (v: number) => { const at = out.length; out.push(0, 0, 0, 0); patch32(at, v); return at; };
  const push16 = (v: number) => out.push(v & 0xff, (v >>> 8) & 0xff);
  const later: Array<(base: number) => void> = []; // offsets into the old file, known once the prefix length is

  const rootAt = push32(0);
  out.push(...new TextEncoder().encode('TFL3'));
  const vtAt = out.length;
  push16(4 + 2 * nFields);
  push16(4 + 4 * nFields);
  for (let i = 0; i < nFields; i++) push16(field(i) || i === BUFFERS || i === METADATA ? 4 + 4 * i : 0);
  align(4);
  const tableAt = out.length;
  patch32(rootAt, tableAt);
  out.push(...[0, 0, 0, 0]);
  patch32(tableAt, tableAt - vtAt);
  const slots = Array.from({ length: nFields }, () => push32(0));
  if (field(0)) patch32(slots[0], u32(root + field(0))); // version: a scalar
  for (let i = 1; i < nFields; i++) {
    if (i === BUFFERS || i === METADATA || !field(i)) continue;
    const t = target(i);
    later.push((base) => patch32(slots[i], base + t - slots[i]));
  }
  const tableVector = (slot: number, oldItems: number[]) => {
    align(4);
    patch32(slot, out.length - slot);
    push32(oldItems.length + 1);
    oldItems.forEach((t) => { const at = push32(0); later.push((base) => patch32(at, base + t - at)); });
    return push32(0); // the new item, patched below
  };
  const newBufferSlot = tableVector(slots[BUFFERS], oldBuffers);
  const newEntrySlot = tableVector(slots[METADATA], oldMetadata);

  // Metadata { name: "TFLITE_METADATA", buffer: index of the new buffer }
  const entryVt = out.length;
  push16(8); push16(12); push16(4); push16(8);
  const entry = out.length;
  push32(entry - entryVt);
  const nameSlot = push32(0);
  push32(oldBuffers.length);
  patch32(newEntrySlot, entry - newEntrySlot);
  patch32(nameSlot, out.length - nameSlot);
  const name = new TextEncoder().encode('TFLITE_METADATA');
  push32(name.length);
  out.push(...name, 0);
  align(4);
  // Buffer { data: [ubyte] }
  const bufVt = out.length;
  push16(6); push16(8); push16(4);
  align(4);
  const buf = out.length;
  push32(buf - bufVt);
  const dataSlot = push32(0);
  patch32(newBufferSlot, buf - newBufferSlot);
  while ((out.length + 4) % 16) out.push(0);
  patch32(dataSlot, out.length - dataSlot);
  push32(metadata.length);
  out.push(...metadata);
  align(16);

  const base = out.length;
  later.forEach((f) => f(base));
  const result = new Uint8Array(base + model.length);
  result.set(out, 0);
  result.set(model, base);
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outPath = resolve(process.argv[2] ?? OUT);
  const model = addMetadata(readFileSync(SOURCE), buildMetadata());
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, model);
  console.log(`wrote ${outPath} (${model.length} bytes)`);
}
