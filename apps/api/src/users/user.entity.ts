import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A person as known from their tokens: identified by issuer + subject, never by e-mail. */
@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') issuer!: string;
  @Column('text') subject!: string;
  @Column({ name: 'display_name', type: 'text' }) displayName!: string;
  @Column({ type: 'text', nullable: true }) email!: string | null;
  @Column({ name: 'first_seen_at', type: 'timestamptz' }) firstSeenAt!: Date;
  @Column({ name: 'last_seen_at', type: 'timestamptz' }) lastSeenAt!: Date;
}
