import { startAsyncApiDocsServer } from './asyncapi-docs-server';

/** `serve-asyncapi-docs.ts [port]`: the local stack's event documentation (default port 8090). */
startAsyncApiDocsServer(Number(process.argv[2] ?? 8090))
  .then(({ url }) => console.log(`AsyncAPI docs of the Tradeflow events on ${url}`))
  .catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
