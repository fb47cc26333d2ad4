import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('AccessLogEntry', {
  description: 'Eén regel van het toegangslogboek (NEN 7513): wie, welke rol, wat, wanneer, met welk resultaat.',
})
export class AccessLogEntryType {
  @Field(() => ID) seq!: string;
  @Field() occurredAt!: Date;
  @Field(() => ID, { nullable: true }) userId!: string | null;
  @Field(() => String, { nullable: true }) userName!: string | null;
  @Field(() => String, { nullable: true }) roles!: string | null;
  @Field() operation!: string;
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
