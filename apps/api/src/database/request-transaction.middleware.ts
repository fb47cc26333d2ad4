import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { RequestTransaction, currentRequestTransaction } from './request-transaction';

const KEY = Symbol('babyconnect.requestTransaction');

/** Gives every GraphQL request its transaction (opened only when work needs it) for the rest of its async life. */
@Injectable()
export class RequestTransactionMiddleware implements NestMiddleware {
  constructor(private readonly dataSource: DataSource) {}

  use(req: Request, _res: Response, next: NextFunction): void {
    const transaction = new RequestTransaction(this.dataSource);
    (req as Request & { [KEY]?: RequestTransaction })[KEY] = transaction;
    currentRequestTransaction.run(transaction, next);
  }
}

/** The request's transaction, for the plugin that finishes it. */
export function requestTransactionOf(req: Request): RequestTransaction | undefined {
  return (req as Request & { [KEY]?: RequestTransaction })[KEY];
}
