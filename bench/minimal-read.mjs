#!/usr/bin/env node
// The floor the audit is compared with: the least work any tool must do to get at the cells.
//
//   node bench/minimal-read.mjs FILE
//
// Reads the file's bytes, parses them with SheetJS (the same library the importer uses), turns the
// first sheet into an array of rows and prints the row count (header included). Nothing else.
import * as XLSX from 'xlsx';
import { readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node bench/minimal-read.mjs FILE');
  process.exit(2);
}
const bytes = readFileSync(file);
const wb = XLSX.read(bytes, { type: 'buffer', dense: true, cellFormula: false, cellHTML: false });
const ws = wb.Sheets[wb.SheetNames[0]];
const rows = XLSX.utils.sheet_to_json(ws, { header: 1 });
console.log(rows.length);
