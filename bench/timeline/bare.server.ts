// The ceiling for the HTTP figures: a bare Fastify route on the same machine, in its own process like Souk.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/bare', async () => ({ hello: 'world' }));
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.send?.({ type: 'ready', url });
process.on('disconnect', () => void app.close().then(() => process.exit(0)));
