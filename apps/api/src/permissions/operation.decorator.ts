import { SetMetadata } from '@nestjs/common';
import type { Action, Subject } from '@babyconnect/contracts';

export const OPERATION_PERMISSION = 'babyconnect:operation-permission';

export interface OperationPermission {
  action: Action;
  subject: Subject;
}

/**
 * Declares what a GraphQL operation requires, checked against the CASL abilities of the acting organisation
 * (libs/contracts). An operation without this declaration is refused: forgetting it cannot open anything.
 */
export const Operation = (action: Action, subject: Subject) =>
  SetMetadata(OPERATION_PERMISSION, { action, subject } satisfies OperationPermission);
