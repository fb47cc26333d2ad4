import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'babyconnect:public-route';

/** Marks a REST route that needs no token (health checks only). GraphQL operations can never be public. */
export const PublicRoute = () => SetMetadata(PUBLIC_ROUTE, true);
