import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ContactRole, OrganisationKind } from '@babyconnect/domain';

/** A tenant: one organisation of the chain. Not a GraphQL type (see organisation.type.ts). */
@Entity({ name: 'organisations' })
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** The identity provider's group key: /orgs/<alias>/<role>. */
  @Column('text') alias!: string;
  @Column('text') name!: string;
  @Column({
    type: 'enum',
    enum: ['MIDWIFERY_PRACTICE', 'HOSPITAL', 'MATERNITY_CARE', 'HINQ'],
    enumName: 'organisation_kind',
  })
  kind!: OrganisationKind;
  @Column({
    name: 'contact_role',
    type: 'enum',
    enum: ['DPO', 'PRIVACY_CONTACT'],
    enumName: 'contact_role',
    nullable: true,
  })
  contactRole!: ContactRole | null;
  @Column({ name: 'contact_name', type: 'text', nullable: true }) contactName!: string | null;
  @Column({ name: 'contact_email', type: 'text', nullable: true }) contactEmail!: string | null;
  /** From this moment the organisation is no longer party to the chain's agreement: it cannot be chosen as partner. */
  @Column({ name: 'left_chain_at', type: 'timestamptz', nullable: true }) leftChainAt!: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}
