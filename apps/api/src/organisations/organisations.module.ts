import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganisationEntity } from './organisation.entity';
import { OrganisationsRepository } from './organisations.repository';
import { OrganisationsResolver } from './organisations.resolver';
import { OrganisationsService } from './organisations.service';

/** The chain's directory of organisations and their onboarding by the platform admin. */
@Module({
  imports: [TypeOrmModule.forFeature([OrganisationEntity])],
  providers: [OrganisationsRepository, OrganisationsService, OrganisationsResolver],
})
export class OrganisationsModule {}
