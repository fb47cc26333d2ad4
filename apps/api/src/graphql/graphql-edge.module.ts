import { Module } from '@nestjs/common';
import { OperationNameLimitPlugin } from './operation-name-limit.plugin';

/** The Apollo plugins of the GraphQL edge (the options themselves come from graphql-options.ts). */
@Module({ providers: [OperationNameLimitPlugin] })
export class GraphqlEdgeModule {}
