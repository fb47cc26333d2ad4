import { Module } from '@nestjs/common';
import { IncidentsRepository } from '../incidents/incidents.repository';
import { RegisterRepository } from './register.repository';
import { RegisterResolver } from './register.resolver';
import { RegisterService } from './register.service';

/**
 * The breach register and its documents (issue 15): the AP form's answers, follow-ups and withdrawal, the letter
 * to data subjects with its versions and sendings, and the register. Reads incidents through the workflow's own
 * repository (stateless; registered here too, so the incidents module needs no export).
 */
@Module({
  providers: [IncidentsRepository, RegisterRepository, RegisterService, RegisterResolver],
  exports: [RegisterService, RegisterRepository],
})
export class RegisterModule {}
