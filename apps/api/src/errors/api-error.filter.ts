import { Catch, type ArgumentsHost } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { ApiError } from './api-error';

/**
 * Expected refusals and input errors are answers, not incidents: hand them to GraphQL's error formatting without
 * Nest logging each one as an error. Unexpected errors are not caught here and are logged.
 */
@Catch(ApiError)
export class ApiErrorFilter implements GqlExceptionFilter {
  catch(exception: ApiError, host: ArgumentsHost): ApiError {
    if (host.getType<string>() !== 'graphql') throw exception;
    return exception;
  }
}
