import { Module } from '@nestjs/common';
import { MeResolver } from './me.resolver';

/** Who am I, for which organisation, with which rights. */
@Module({ providers: [MeResolver] })
export class MeModule {}
