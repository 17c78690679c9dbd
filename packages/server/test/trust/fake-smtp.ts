import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail {
  to: string[];
  data: string;
}

/**
 * A tiny SMTP server on a port the OS gives, in one of three moods: `refusing` (the port is
 * closed: connection refused), `silent` (accepts, never answers), `accepting` (speaks enough
 * SMTP to take a message and keeps what it received).
 */
export async function startFakeSmtp() {
  let mood: 'refusing' | 'silent' | 'accepting' = 'accepting';
  const received: ReceivedMail[] = [];
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const connected: (() => void)[] = [];

  function converse(socket: Socket) {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    for (const resolve of connected.splice(0)) resolve();
    if (mood === 'silent') return;
    let buffer = '';
    let data: string | null = null;
    let to: string[] = [];
    socket.write('220 fake ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      for (;;) {
        if (data !== null) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          data += buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          received.push({ to, data });
          data = null;
          to = [];
          socket.write('250 OK queued\r\n');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250 fake\r\n');
        else if (verb === 'RCPT') (to.push(/<([^>]*)>/.exec(line)?.[1] ?? ''), socket.write('250 OK\r\n'));
        else if (verb === 'DATA') ((data = ''), socket.write('354 go ahead\r\n'));
        else if (verb === 'QUIT') (socket.write('221 bye\r\n'), socket.end());
        else socket.write('250 OK\r\n'); // MAIL FROM, RSET, NOOP
      }
    });
  }

  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer(converse);
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as AddressInfo).port;
        resolve();
      });
    });
  const shut = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      if (!server) return resolve();
      server.close(() => resolve());
      server = undefined;
    });

  await listen();
  return {
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    received,
    /** How many connections are open now (a silent server holds them). */
    get open() {
      return sockets.size;
    },
    /** Resolves at the next connection. */
    nextConnection: () => new Promise<void>((resolve) => connected.push(resolve)),
    async set(next: typeof mood) {
      await shut(); // also hangs up on whoever the silent server was holding
      mood = next;
      if (next !== 'refusing') await listen();
    },
    close: shut,
  };
}
