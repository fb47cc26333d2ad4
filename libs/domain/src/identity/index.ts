// Identity: who a person is in which organisation (group memberships, the acting organisation, roles) and what
// the directory holds about an organisation (names, alias, contact address), with the rules for each.
export * from './organisation-kind';
export * from './organisation-role';
export * from './organisation-alias';
export * from './group-memberships';
export * from './acting-organisation';
export * from './names';
export * from './email-address';
export * from './organisation-details';
