import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('AccessLogEntry', {
  description:
    'Eén regel van het toegangslogboek (NEN 7513): één verzoek — wie, welke rol, welke velden met welke uitkomst, wanneer.',
})
export class AccessLogEntryType {
  @Field(() => ID, { description: 'Volgnummer binnen de keten van deze organisatie.' }) seq!: string;
  @Field() occurredAt!: Date;
  @Field(() => ID, { nullable: true }) userId!: string | null;
  @Field(() => String, { nullable: true }) userName!: string | null;
  @Field(() => String, { nullable: true }) roles!: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'De organisatie waarvoor het verzoek handelde; leeg bij een geweigerde poging van buiten.',
  })
  organisationId!: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'Bij een poging van buiten of een wijziging door de beheerder: de organisatie waar het om ging.',
  })
  targetOrganisationId!: string | null;
  @Field({ description: 'De naam van de GraphQL-operatie (ingekort tot 100 tekens).' }) operation!: string;
  @Field(() => [String], { description: 'De gevraagde velden met hun uitkomst, bijv. "organisations:allowed x2".' })
  fields!: string[];
  @Field(() => [String]) objectIds!: string[];
  @Field({ description: 'allowed, refused of failed' }) result!: string;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => String, { nullable: true }) requestId!: string | null;
}

@ObjectType('AccessLogPage')
export class AccessLogPageType {
  @Field(() => [AccessLogEntryType]) entries!: AccessLogEntryType[];
  @Field(() => String, { nullable: true, description: 'Geef mee als `after` voor de volgende (oudere) pagina.' })
  nextCursor!: string | null;
}

@ObjectType('AccessLogAnchor', {
  description:
    'Een ondertekende vastlegging van de kop van de keten van deze organisatie (volgnummer, hash, tijd), om buiten de database te bewaren. Met `npm run access-log:verify -- --anchor <bestand>` ziet u later of de keten sindsdien is ingekort of herschreven.',
})
export class AccessLogAnchorType {
  @Field() seq!: string;
  @Field() hash!: string;
  @Field() headAt!: string;
  @Field() exportedAt!: string;
  @Field({ description: 'Vingerafdruk van de sleutel die ondertekent.' }) keyId!: string;
  @Field({ description: 'Het ondertekende anker als JSON: sla dit bestand op.' }) document!: string;
  @Field({ description: 'De publieke sleutel (PEM) waarmee het anker te controleren is.' }) publicKey!: string;
}
