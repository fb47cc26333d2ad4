// The PDF text reader lives in tools/ so the benchmark (tools/bench/exports.ts) can read the register PDF back too.
export { pdfText } from '../../../../tools/test/pdf-text';
