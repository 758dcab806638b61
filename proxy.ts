import type { NextRequest, NextResponse } from 'next/server';
import { securePageRequest } from './server/http/page-security';

export function proxy(request: NextRequest): NextResponse {
  return securePageRequest(request);
}
