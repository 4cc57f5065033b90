'use strict';
// The worker thread that runs tesseract.js under Node (passed as `workerPath`).
//
// It is tesseract.js's own Node worker script with two guards put in front:
// - the thread's console is silenced: the tesseract core prints diagnostics
//   ("Error opening data file ./.traineddata", resolution warnings) with
//   console.log, which would land on the CLI's stdout between JSON lines;
// - the thread has no network: fetch, http(s) and sockets throw, so language
//   data can only ever come from the local folder it is given.
const quiet = () => {};
console.log = quiet;
console.info = quiet;
console.warn = quiet;
console.error = quiet;
console.debug = quiet;

const offline = () => {
  throw new Error('network access is disabled in the OCR worker');
};
globalThis.fetch = async () => offline();
for (const mod of ['http', 'https']) {
  const m = require(mod);
  m.request = offline;
  m.get = offline;
}
const net = require('net');
net.connect = offline;
net.createConnection = offline;
net.Socket.prototype.connect = offline;

require('tesseract.js/src/worker-script/node/index.js');
