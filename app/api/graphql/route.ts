// The API under `next dev` (and a bare `next start`). `npm start` answers /api/graphql before Next
// (server/http), so in production this route is not reached.
import { yoga } from '@/server/graphql/yoga';

export const dynamic = 'force-dynamic';

function handle(request: Request): Promise<Response> | Response {
  return yoga.fetch(request);
}

export { handle as GET, handle as POST, handle as OPTIONS };
