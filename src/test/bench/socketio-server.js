// The socket.io peer of the town-hall bench: counts votes and emits the changed tallies to every
// client once per window (io.emit encodes the packet once for all), and each new question at once.
// Usage: node --expose-gc socketio-server.js PORT WINDOW_MS   (socket.io 4 from npm, installed by the bench)
const http = require('http');
const { Server } = require('socket.io');

const port = Number(process.argv[2]);
const windowMs = Number(process.argv[3] || 100);
const counts = new Map();
const changed = new Set();
let questions = 0;

const server = http.createServer((req, res) => {
  if (req.url === '/heap') {
    if (global.gc) { global.gc(); global.gc(); }
    const m = process.memoryUsage();
    res.end(JSON.stringify({ heapUsed: m.heapUsed, external: m.external, rss: m.rss }));
    return;
  }
  res.end('socket.io peer');
});
const io = new Server(server, { transports: ['websocket'], perMessageDeflate: false, httpCompression: false });

io.on('connection', (socket) => {
  socket.on('vote', (q) => {
    counts.set(q, (counts.get(q) || 0) + 1);
    changed.add(q);
  });
  socket.on('ask', (text) => {
    io.emit('question', { id: ++questions, text });
  });
});

setInterval(() => {
  if (changed.size === 0) return;
  const votes = {};
  for (const q of changed) votes[q] = counts.get(q);
  changed.clear();
  io.emit('votes', votes);
}, windowMs);

server.listen(port, '127.0.0.1', () => console.log(`socket.io peer on ${port}`));
