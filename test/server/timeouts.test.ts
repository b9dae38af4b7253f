// Stalled clients: a socket that sends part of its headers, or part of its
// body, or stays idle after a request, is closed within the timeouts; the
// defaults are set (Fastify's and Node's defaults leave a request without
// any limit).
import { connect, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createServer, DEFAULT_SERVICE_TIMEOUTS } from '../../src/server/index.js';

/** Resolves with the milliseconds until the server closes the socket, and what it answered. */
function closedAfter(socket: Socket): Promise<{ ms: number; answer: string }> {
  const started = Date.now();
  let answer = '';
  socket.on('data', (d) => (answer += d.toString('latin1')));
  return new Promise((resolve) => socket.on('close', () => resolve({ ms: Date.now() - started, answer })));
}

describe('timeouts', async () => {
  const server = await createServer({ timeouts: { headersMs: 300, requestMs: 600, keepAliveMs: 300 } });
  const address = await server.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = new URL(address);
  afterAll(() => server.close());
  const open = () => connect({ host: '127.0.0.1', port: Number(port) });

  it('has defaults: headers in 10 s, the whole request in 30 s, an idle keep-alive socket 5 s', () => {
    expect(DEFAULT_SERVICE_TIMEOUTS).toEqual({ headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000 });
  });

  it('closes a socket whose headers never end', async () => {
    const socket = open();
    socket.write('POST /v1/forecast HTTP/1.1\r\nHost: x\r\n');
    const { ms, answer } = await closedAfter(socket);
    expect(ms).toBeLessThan(3000);
    expect(answer).toMatch(/^HTTP\/1.1 408/);
  });

  it('closes a socket whose body stalls', async () => {
    const socket = open();
    socket.write('POST /v1/forecast HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"rows":');
    const { ms, answer } = await closedAfter(socket);
    expect(ms).toBeLessThan(3000);
    expect(answer).toMatch(/^HTTP\/1.1 408/);
  });

  it('closes an idle keep-alive socket after its answer', async () => {
    const socket = open();
    socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    const { ms, answer } = await closedAfter(socket);
    expect(answer).toMatch(/^HTTP\/1.1 200/);
    expect(ms).toBeLessThan(3000);
  });

  it('checks its options', async () => {
    await expect(createServer({ timeouts: { requestMs: 0 } })).rejects.toThrow('createServer: timeouts.requestMs must be a positive integer, got 0');
  });
});
